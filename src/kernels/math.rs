//! Unary elementwise math (`np.sqrt`, `np.exp`, `np.floor`, `np.isnan`, ...) for every
//! dtype: the C library's functions (glibc, as NumPy's scalar loops call them), float16
//! computed in float32, complex functions through the C library's `c*` functions, and the
//! events (invalid value, divide by zero, overflow, underflow) that become warnings.

use super::FpFlags;
use super::loops::map1;
use crate::array::scalar::{
    f64_to_i8, f64_to_i16, f64_to_i32, f64_to_i64, f64_to_u8, f64_to_u16, f64_to_u32, f64_to_u64,
};
use crate::array::{DType, NdArray};
use half::f16;
use num_complex::{Complex32, Complex64};

/// The C library (glibc's libm on Linux).
#[allow(dead_code)]
pub mod libm {
    use num_complex::{Complex32, Complex64};
    #[cfg_attr(unix, link(name = "m"))]
    unsafe extern "C" {
        pub safe fn sqrt(x: f64) -> f64;
        pub safe fn exp(x: f64) -> f64;
        pub safe fn exp2(x: f64) -> f64;
        pub safe fn expm1(x: f64) -> f64;
        pub safe fn log(x: f64) -> f64;
        pub safe fn log2(x: f64) -> f64;
        pub safe fn log10(x: f64) -> f64;
        pub safe fn log1p(x: f64) -> f64;
        pub safe fn sin(x: f64) -> f64;
        pub safe fn cos(x: f64) -> f64;
        pub safe fn tan(x: f64) -> f64;
        pub safe fn asin(x: f64) -> f64;
        pub safe fn acos(x: f64) -> f64;
        pub safe fn atan(x: f64) -> f64;
        pub safe fn sinh(x: f64) -> f64;
        pub safe fn cosh(x: f64) -> f64;
        pub safe fn tanh(x: f64) -> f64;
        pub safe fn asinh(x: f64) -> f64;
        pub safe fn acosh(x: f64) -> f64;
        pub safe fn atanh(x: f64) -> f64;
        pub safe fn atan2(y: f64, x: f64) -> f64;
        pub safe fn hypot(x: f64, y: f64) -> f64;
        pub safe fn pow(x: f64, y: f64) -> f64;
        pub safe fn fmod(x: f64, y: f64) -> f64;
        pub safe fn nextafter(x: f64, y: f64) -> f64;
        pub safe fn erf(x: f64) -> f64;
        pub safe fn erfc(x: f64) -> f64;
        pub safe fn ldexp(x: f64, e: i32) -> f64;
        pub safe fn sqrtf(x: f32) -> f32;
        pub safe fn expf(x: f32) -> f32;
        pub safe fn exp2f(x: f32) -> f32;
        pub safe fn expm1f(x: f32) -> f32;
        pub safe fn logf(x: f32) -> f32;
        pub safe fn log2f(x: f32) -> f32;
        pub safe fn log10f(x: f32) -> f32;
        pub safe fn log1pf(x: f32) -> f32;
        pub safe fn sinf(x: f32) -> f32;
        pub safe fn cosf(x: f32) -> f32;
        pub safe fn tanf(x: f32) -> f32;
        pub safe fn asinf(x: f32) -> f32;
        pub safe fn acosf(x: f32) -> f32;
        pub safe fn atanf(x: f32) -> f32;
        pub safe fn sinhf(x: f32) -> f32;
        pub safe fn coshf(x: f32) -> f32;
        pub safe fn tanhf(x: f32) -> f32;
        pub safe fn asinhf(x: f32) -> f32;
        pub safe fn acoshf(x: f32) -> f32;
        pub safe fn atanhf(x: f32) -> f32;
        pub safe fn atan2f(y: f32, x: f32) -> f32;
        pub safe fn hypotf(x: f32, y: f32) -> f32;
        pub safe fn powf(x: f32, y: f32) -> f32;
        pub safe fn fmodf(x: f32, y: f32) -> f32;
        pub safe fn nextafterf(x: f32, y: f32) -> f32;
        pub safe fn csqrt(z: Complex64) -> Complex64;
        pub safe fn cexp(z: Complex64) -> Complex64;
        pub safe fn clog(z: Complex64) -> Complex64;
        pub safe fn csin(z: Complex64) -> Complex64;
        pub safe fn ccos(z: Complex64) -> Complex64;
        pub safe fn ctan(z: Complex64) -> Complex64;
        pub safe fn csinh(z: Complex64) -> Complex64;
        pub safe fn ccosh(z: Complex64) -> Complex64;
        pub safe fn ctanh(z: Complex64) -> Complex64;
        pub safe fn casin(z: Complex64) -> Complex64;
        pub safe fn cacos(z: Complex64) -> Complex64;
        pub safe fn catan(z: Complex64) -> Complex64;
        pub safe fn casinh(z: Complex64) -> Complex64;
        pub safe fn cacosh(z: Complex64) -> Complex64;
        pub safe fn catanh(z: Complex64) -> Complex64;
        pub safe fn cpow(a: Complex64, b: Complex64) -> Complex64;
        pub safe fn csqrtf(z: Complex32) -> Complex32;
        pub safe fn cexpf(z: Complex32) -> Complex32;
        pub safe fn clogf(z: Complex32) -> Complex32;
        pub safe fn csinf(z: Complex32) -> Complex32;
        pub safe fn ccosf(z: Complex32) -> Complex32;
        pub safe fn ctanf(z: Complex32) -> Complex32;
        pub safe fn csinhf(z: Complex32) -> Complex32;
        pub safe fn ccoshf(z: Complex32) -> Complex32;
        pub safe fn ctanhf(z: Complex32) -> Complex32;
        pub safe fn casinf(z: Complex32) -> Complex32;
        pub safe fn cacosf(z: Complex32) -> Complex32;
        pub safe fn catanf(z: Complex32) -> Complex32;
        pub safe fn casinhf(z: Complex32) -> Complex32;
        pub safe fn cacoshf(z: Complex32) -> Complex32;
        pub safe fn catanhf(z: Complex32) -> Complex32;
    }

    /// The C library's `cbrt` and `cbrtf`, looked up at run time: the Rust runtime links
    /// its own `cbrt` into the binary, which shadows glibc's (and differs in the last bit).
    fn lookup<T: Copy>(name: &std::ffi::CStr, fallback: T) -> T {
        unsafe extern "C" {
            fn dlsym(
                handle: *mut std::ffi::c_void,
                name: *const std::ffi::c_char,
            ) -> *mut std::ffi::c_void;
        }
        // SAFETY: RTLD_DEFAULT (null) lookup of a libm function; the pointer is only used
        // as a function of the matching C signature.
        let p = unsafe { dlsym(std::ptr::null_mut(), name.as_ptr()) };
        if p.is_null() {
            fallback
        } else {
            // SAFETY: `T` is the function pointer type of `name`'s C signature.
            unsafe { std::mem::transmute_copy(&p) }
        }
    }

    pub fn cbrt(x: f64) -> f64 {
        use std::sync::OnceLock;
        static F: OnceLock<extern "C" fn(f64) -> f64> = OnceLock::new();
        extern "C" fn local(x: f64) -> f64 {
            x.cbrt()
        }
        (F.get_or_init(|| lookup(c"cbrt", local as extern "C" fn(f64) -> f64)))(x)
    }

    pub fn cbrtf(x: f32) -> f32 {
        use std::sync::OnceLock;
        static F: OnceLock<extern "C" fn(f32) -> f32> = OnceLock::new();
        extern "C" fn local(x: f32) -> f32 {
            x.cbrt()
        }
        (F.get_or_init(|| lookup(c"cbrtf", local as extern "C" fn(f32) -> f32)))(x)
    }
}

/// Complex power through the C library (NumPy's general case).
pub fn cpow(a: Complex64, b: Complex64) -> Complex64 {
    libm::cpow(a, b)
}

/// The unary operations.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum Un {
    Neg,
    Pos,
    Abs,
    Invert,
    LogicalNot,
    Sqrt,
    Cbrt,
    Square,
    Reciprocal,
    Exp,
    Exp2,
    Expm1,
    Log,
    Log2,
    Log10,
    Log1p,
    Sin,
    Cos,
    Tan,
    Arcsin,
    Arccos,
    Arctan,
    Sinh,
    Cosh,
    Tanh,
    Arcsinh,
    Arccosh,
    Arctanh,
    Deg2rad,
    Rad2deg,
    Sign,
    Floor,
    Ceil,
    Trunc,
    Rint,
    Conj,
    Isnan,
    Isinf,
    Isfinite,
    Signbit,
    Spacing,
}

impl Un {
    /// Operations whose output is bool.
    pub fn is_predicate(self) -> bool {
        matches!(
            self,
            Un::LogicalNot | Un::Isnan | Un::Isinf | Un::Isfinite | Un::Signbit
        )
    }
}

/// What an infinite result from a finite input means for one function.
#[derive(Copy, Clone, PartialEq, Eq)]
enum InfIs {
    Nothing,
    Divide,
    Overflow,
}

fn inf_is(k: Un) -> InfIs {
    match k {
        Un::Log | Un::Log2 | Un::Log10 | Un::Log1p | Un::Arctanh | Un::Reciprocal => InfIs::Divide,
        Un::Exp | Un::Exp2 | Un::Expm1 | Un::Sinh | Un::Cosh | Un::Square => InfIs::Overflow,
        _ => InfIs::Nothing,
    }
}

macro_rules! float_fn {
    ($name:ident, $events:ident, $t:ty, $sqrt:ident, $cbrt:ident, $exp:ident, $exp2:ident, $expm1:ident,
     $log:ident, $log2:ident, $log10:ident, $log1p:ident, $sin:ident, $cos:ident, $tan:ident,
     $asin:ident, $acos:ident, $atan:ident, $sinh:ident, $cosh:ident, $tanh:ident,
     $asinh:ident, $acosh:ident, $atanh:ident, $nextafter:ident, $pi:expr) => {
        /// One element of `k` in this precision, with its events.
        #[inline(always)]
        pub fn $name(k: Un, x: $t, fl: &mut FpFlags) -> $t {
            let r = match k {
                Un::Neg => -x,
                Un::Pos | Un::Conj => x,
                Un::Abs => x.abs(),
                Un::Sqrt => libm::$sqrt(x),
                Un::Cbrt => libm::$cbrt(x),
                Un::Square => x * x,
                Un::Reciprocal => 1.0 / x,
                Un::Exp => libm::$exp(x),
                Un::Exp2 => libm::$exp2(x),
                Un::Expm1 => libm::$expm1(x),
                Un::Log => libm::$log(x),
                Un::Log2 => libm::$log2(x),
                Un::Log10 => libm::$log10(x),
                Un::Log1p => libm::$log1p(x),
                Un::Sin => libm::$sin(x),
                Un::Cos => libm::$cos(x),
                Un::Tan => libm::$tan(x),
                Un::Arcsin => libm::$asin(x),
                Un::Arccos => libm::$acos(x),
                Un::Arctan => libm::$atan(x),
                Un::Sinh => libm::$sinh(x),
                Un::Cosh => libm::$cosh(x),
                Un::Tanh => libm::$tanh(x),
                Un::Arcsinh => libm::$asinh(x),
                Un::Arccosh => libm::$acosh(x),
                Un::Arctanh => libm::$atanh(x),
                Un::Deg2rad => x * ($pi / 180.0),
                Un::Rad2deg => x * (180.0 / $pi),
                Un::Sign => {
                    if x > 0.0 {
                        1.0
                    } else if x < 0.0 {
                        -1.0
                    } else if x == 0.0 {
                        0.0
                    } else {
                        x
                    }
                }
                Un::Floor => x.floor(),
                Un::Ceil => x.ceil(),
                Un::Trunc => x.trunc(),
                Un::Rint => x.round_ties_even(),
                Un::Spacing => {
                    if x.is_infinite() {
                        fl.invalid = true;
                        return <$t>::NAN;
                    }
                    libm::$nextafter(x, <$t>::INFINITY.copysign(x)) - x
                }
                Un::Invert
                | Un::LogicalNot
                | Un::Isnan
                | Un::Isinf
                | Un::Isfinite
                | Un::Signbit => x,
            };
            $events(k, x, r, fl);
            r
        }

        /// The events of `r = k(x)` as NumPy's loops report them.
        #[inline(always)]
        pub fn $events(k: Un, x: $t, r: $t, fl: &mut FpFlags) {
            if !x.is_nan() {
                if r.is_nan() {
                    fl.invalid = true;
                } else if r.is_infinite() && x.is_finite() {
                    match inf_is(k) {
                        InfIs::Divide => fl.divide = true,
                        InfIs::Overflow => fl.overflow = true,
                        InfIs::Nothing => {}
                    }
                } else if ((k == Un::Exp || k == Un::Exp2)
                    && r < <$t>::MIN_POSITIVE
                    && x.is_finite())
                    || (matches!(k, Un::Reciprocal | Un::Square)
                        && x != 0.0
                        && x.is_finite()
                        && r.abs() < <$t>::MIN_POSITIVE)
                {
                    fl.underflow = true;
                }
            }
        }
    };
}

float_fn!(
    f64_fn,
    events_f64,
    f64,
    sqrt,
    cbrt,
    exp,
    exp2,
    expm1,
    log,
    log2,
    log10,
    log1p,
    sin,
    cos,
    tan,
    asin,
    acos,
    atan,
    sinh,
    cosh,
    tanh,
    asinh,
    acosh,
    atanh,
    nextafter,
    std::f64::consts::PI
);
float_fn!(
    f32_fn,
    events_f32,
    f32,
    sqrtf,
    cbrtf,
    expf,
    exp2f,
    expm1f,
    logf,
    log2f,
    log10f,
    log1pf,
    sinf,
    cosf,
    tanf,
    asinf,
    acosf,
    atanf,
    sinhf,
    coshf,
    tanhf,
    asinhf,
    acoshf,
    atanhf,
    nextafterf,
    std::f32::consts::PI
);

/// NumPy's complex absolute value (its vectorised `simd_cabsolute`): the larger part
/// times `sqrt(1 + ratio**2)`, with inf and nan rules.
macro_rules! cabs_fn {
    ($name:ident, $t:ty) => {
        pub fn $name(re: $t, im: $t) -> $t {
            let (mut re, mut im) = (re.abs(), im.abs());
            let (re_inf, im_inf) = (re == <$t>::INFINITY, im == <$t>::INFINITY);
            if re_inf {
                im = <$t>::INFINITY;
            }
            if im_inf {
                re = <$t>::INFINITY;
            }
            if re.is_nan() || im.is_nan() {
                return <$t>::NAN;
            }
            let larger = if re > im { re } else { im };
            let smaller = if im < re { im } else { re };
            let ratio = if larger == 0.0 || smaller == <$t>::INFINITY {
                0.0
            } else {
                smaller / larger
            };
            ratio.mul_add(ratio, 1.0).sqrt() * larger
        }
    };
}
cabs_fn!(cabs_f64, f64);
cabs_fn!(cabs_f32, f32);

/// Complex absolute values with NumPy's vectorised formula (used on every stride at the
/// AVX2 level; `hypot` would differ in the last bit).
fn cabs_loop<T: CabsFloat>(out: &NdArray, a: &NdArray) -> FpFlags {
    use super::loops::{Raw, drive};
    drive(
        &out.shape,
        [Raw::of(out), Raw::of(a)],
        |([po, pa], n, [so, sa])| {
            for i in 0..n as isize {
                // SAFETY: element i < n of the run; a complex is two `T`s.
                unsafe {
                    let p = pa.offset(i * sa) as *const T;
                    let (re, im) = (p.read_unaligned(), p.add(1).read_unaligned());
                    (po.offset(i * so) as *mut T).write_unaligned(T::cabs(re, im));
                }
            }
            FpFlags::default()
        },
    )
}

trait CabsFloat: Copy {
    fn cabs(re: Self, im: Self) -> Self;
}
impl CabsFloat for f64 {
    fn cabs(re: f64, im: f64) -> f64 {
        cabs_f64(re, im)
    }
}
impl CabsFloat for f32 {
    fn cabs(re: f32, im: f32) -> f32 {
        cabs_f32(re, im)
    }
}

/// float16: computed in float32 and rounded once.
#[inline(always)]
fn f16_fn(k: Un, x: f16, fl: &mut FpFlags) -> f16 {
    if k == Un::Abs {
        return f16::from_bits(x.to_bits() & 0x7fff);
    }
    if k == Un::Neg {
        return -x;
    }
    let r = f32_fn(k, x.to_f32(), fl);
    let h = f16::from_f32(r);
    if h.is_infinite() && r.is_finite() {
        fl.overflow = true;
    }
    h
}

/// Complex functions in double precision (NumPy's `nc_*`).
pub fn c128_fn(k: Un, z: Complex64, fl: &mut FpFlags) -> Complex64 {
    use std::f64::consts::{LN_2, LOG2_E, LOG10_E};
    let log_event = |fl: &mut FpFlags| {
        if z.re == 0.0 && z.im == 0.0 {
            fl.divide = true;
        }
    };
    match k {
        Un::Neg => -z,
        Un::Pos => z,
        Un::Conj => z.conj(),
        Un::Sqrt => libm::csqrt(z),
        Un::Square => super::binary::cmul64(z, z),
        Un::Reciprocal => {
            let (r, i) = (z.re, z.im);
            if i.abs() <= r.abs() {
                let q = i / r;
                let d = r + i * q;
                Complex64::new(1.0 / d, -q / d)
            } else {
                let q = r / i;
                let d = r * q + i;
                Complex64::new(q / d, -1.0 / d)
            }
        }
        Un::Exp => libm::cexp(z),
        Un::Exp2 => libm::cexp(Complex64::new(z.re * LN_2, z.im * LN_2)),
        Un::Expm1 => {
            let a = (z.im / 2.0).sin();
            Complex64::new(
                libm::expm1(z.re) * z.im.cos() - 2.0 * a * a,
                libm::exp(z.re) * z.im.sin(),
            )
        }
        Un::Log => {
            log_event(fl);
            libm::clog(z)
        }
        Un::Log2 => {
            log_event(fl);
            let l = libm::clog(z);
            Complex64::new(l.re * LOG2_E, l.im * LOG2_E)
        }
        Un::Log10 => {
            log_event(fl);
            let l = libm::clog(z);
            Complex64::new(l.re * LOG10_E, l.im * LOG10_E)
        }
        Un::Log1p => {
            let l = libm::hypot(z.re + 1.0, z.im);
            Complex64::new(libm::log(l), libm::atan2(z.im, z.re + 1.0))
        }
        Un::Sin => libm::csin(z),
        Un::Cos => libm::ccos(z),
        Un::Tan => libm::ctan(z),
        Un::Arcsin => libm::casin(z),
        Un::Arccos => libm::cacos(z),
        Un::Arctan => libm::catan(z),
        Un::Sinh => libm::csinh(z),
        Un::Cosh => libm::ccosh(z),
        Un::Tanh => libm::ctanh(z),
        Un::Arcsinh => libm::casinh(z),
        Un::Arccosh => libm::cacosh(z),
        Un::Arctanh => libm::catanh(z),
        Un::Sign => {
            if z.re.is_nan() || z.im.is_nan() {
                return Complex64::new(f64::NAN, f64::NAN);
            }
            let a = libm::hypot(z.re, z.im);
            if a == 0.0 {
                Complex64::new(0.0, 0.0)
            } else if a.is_infinite() {
                // inf components: the direction of the infinite parts.
                let re = if z.re.is_infinite() {
                    1f64.copysign(z.re)
                } else {
                    0f64.copysign(z.re)
                };
                let im = if z.im.is_infinite() {
                    1f64.copysign(z.im)
                } else {
                    0f64.copysign(z.im)
                };
                if z.re.is_infinite() && z.im.is_infinite() {
                    Complex64::new(f64::NAN, f64::NAN)
                } else {
                    Complex64::new(re, im)
                }
            } else {
                Complex64::new(z.re / a, z.im / a)
            }
        }
        Un::Rint => Complex64::new(z.re.round_ties_even(), z.im.round_ties_even()),
        _ => z,
    }
}

fn c64_fn(k: Un, z: Complex32, fl: &mut FpFlags) -> Complex32 {
    let f = match k {
        Un::Sqrt => Some(libm::csqrtf as extern "C" fn(Complex32) -> Complex32),
        Un::Exp => Some(libm::cexpf as extern "C" fn(Complex32) -> Complex32),
        Un::Log => {
            if z.re == 0.0 && z.im == 0.0 {
                fl.divide = true;
            }
            Some(libm::clogf as extern "C" fn(Complex32) -> Complex32)
        }
        Un::Sin => Some(libm::csinf as extern "C" fn(Complex32) -> Complex32),
        Un::Cos => Some(libm::ccosf as extern "C" fn(Complex32) -> Complex32),
        Un::Tan => Some(libm::ctanf as extern "C" fn(Complex32) -> Complex32),
        Un::Sinh => Some(libm::csinhf as extern "C" fn(Complex32) -> Complex32),
        Un::Cosh => Some(libm::ccoshf as extern "C" fn(Complex32) -> Complex32),
        Un::Tanh => Some(libm::ctanhf as extern "C" fn(Complex32) -> Complex32),
        Un::Arcsin => Some(libm::casinf as extern "C" fn(Complex32) -> Complex32),
        Un::Arccos => Some(libm::cacosf as extern "C" fn(Complex32) -> Complex32),
        Un::Arctan => Some(libm::catanf as extern "C" fn(Complex32) -> Complex32),
        Un::Arcsinh => Some(libm::casinhf as extern "C" fn(Complex32) -> Complex32),
        Un::Arccosh => Some(libm::cacoshf as extern "C" fn(Complex32) -> Complex32),
        Un::Arctanh => Some(libm::catanhf as extern "C" fn(Complex32) -> Complex32),
        _ => None,
    };
    match f {
        Some(f) => f(z),
        None => match k {
            Un::Neg => -z,
            Un::Pos => z,
            Un::Conj => z.conj(),
            Un::Square => super::binary::cmul32(z, z),
            Un::Rint => Complex32::new(z.re.round_ties_even(), z.im.round_ties_even()),
            _ => {
                let r = c128_fn(k, Complex64::new(z.re as f64, z.im as f64), fl);
                Complex32::new(r.re as f32, r.im as f32)
            }
        },
    }
}

macro_rules! int_unary {
    ($k:expr, $out:expr, $a:expr, $t:ty, $cvt:ident, $signed:expr) => {{
        let k = $k;
        match k {
            Un::Neg => map1::<$t, $t, _>($out, $a, |x, _| x.wrapping_neg()),
            Un::Abs => map1::<$t, $t, _>($out, $a, |x, _| {
                #[allow(unused_comparisons)]
                if x < 0 { x.wrapping_neg() } else { x }
            }),
            Un::Invert => map1::<$t, $t, _>($out, $a, |x, _| !x),
            Un::Square => map1::<$t, $t, _>($out, $a, |x, _| x.wrapping_mul(x)),
            Un::Sign => map1::<$t, $t, _>($out, $a, |x, _| {
                #[allow(unused_comparisons)]
                if x > 0 {
                    1
                } else if x < 0 {
                    (0 as $t).wrapping_sub(1)
                } else {
                    0
                }
            }),
            Un::Reciprocal => map1::<$t, $t, _>($out, $a, |x, fl| {
                if x == 0 {
                    fl.divide = true;
                    fl.invalid = true;
                }
                $cvt(1.0 / (x as f64)) as $t
            }),
            Un::LogicalNot => map1::<$t, bool, _>($out, $a, |x, _| x == 0),
            Un::Isnan | Un::Isinf => map1::<$t, bool, _>($out, $a, |_, _| false),
            Un::Isfinite => map1::<$t, bool, _>($out, $a, |_, _| true),
            _ => map1::<$t, $t, _>($out, $a, |x, _| x),
        }
    }};
}

/// float64 `exp` of a whole array: the C library's results (NumPy's on CPUs without
/// AVX-512), computed by the vector kernel where it can prove them equal.
fn exp_f64(out: &NdArray, a: &NdArray) -> FpFlags {
    super::vexp::exp_f64(out, a)
}

/// `out = k(a)`: `a` in the loop's input dtype, `out` in its output dtype (bool for the
/// predicates, the real dtype for `abs` of complex).
pub fn unary_math(k: Un, out: &NdArray, a: &NdArray) -> FpFlags {
    if k == Un::Square && out.ndim() == 0 && a.dtype.is_complex() {
        // NumPy's scalar complex loop (no fused multiply-adds) for 0-d outputs.
        return super::binary::binary(super::binary::BinKind::Mul, out, a, a);
    }
    match a.dtype {
        DType::Bool => match k {
            Un::Invert | Un::LogicalNot => map1::<bool, bool, _>(out, a, |x, _| !x),
            Un::Isnan | Un::Isinf => map1::<bool, bool, _>(out, a, |_, _| false),
            Un::Isfinite => map1::<bool, bool, _>(out, a, |_, _| true),
            _ => map1::<bool, bool, _>(out, a, |x, _| x),
        },
        DType::Int8 => int_unary!(k, out, a, i8, f64_to_i8, true),
        DType::Int16 => int_unary!(k, out, a, i16, f64_to_i16, true),
        DType::Int32 => int_unary!(k, out, a, i32, f64_to_i32, true),
        DType::Int64 => int_unary!(k, out, a, i64, f64_to_i64, true),
        DType::UInt8 => int_unary!(k, out, a, u8, f64_to_u8, false),
        DType::UInt16 => int_unary!(k, out, a, u16, f64_to_u16, false),
        DType::UInt32 => int_unary!(k, out, a, u32, f64_to_u32, false),
        DType::UInt64 => int_unary!(k, out, a, u64, f64_to_u64, false),
        DType::Float16 => match k {
            Un::LogicalNot => map1::<f16, bool, _>(out, a, |x, _| x.to_f32() == 0.0),
            Un::Isnan => map1::<f16, bool, _>(out, a, |x, _| x.is_nan()),
            Un::Isinf => map1::<f16, bool, _>(out, a, |x, _| x.is_infinite()),
            Un::Isfinite => map1::<f16, bool, _>(out, a, |x, _| x.is_finite()),
            Un::Signbit => map1::<f16, bool, _>(out, a, |x, _| x.is_sign_negative()),
            _ => map1::<f16, f16, _>(out, a, |x, fl| f16_fn(k, x, fl)),
        },
        DType::Float32 => match k {
            Un::LogicalNot => map1::<f32, bool, _>(out, a, |x, _| x == 0.0),
            Un::Isnan => map1::<f32, bool, _>(out, a, |x, _| x.is_nan()),
            Un::Isinf => map1::<f32, bool, _>(out, a, |x, _| x.is_infinite()),
            Un::Isfinite => map1::<f32, bool, _>(out, a, |x, _| x.is_finite()),
            Un::Signbit => map1::<f32, bool, _>(out, a, |x, _| x.is_sign_negative()),
            Un::Exp => map1::<f32, f32, _>(out, a, super::npyf32::exp),
            Un::Log => map1::<f32, f32, _>(out, a, super::npyf32::log),
            Un::Sin => map1::<f32, f32, _>(out, a, |x, fl| {
                let r = super::npyf32::sincos(x, false);
                events_f32(k, x, r, fl);
                r
            }),
            Un::Cos => map1::<f32, f32, _>(out, a, |x, fl| {
                let r = super::npyf32::sincos(x, true);
                events_f32(k, x, r, fl);
                r
            }),
            _ => map1::<f32, f32, _>(out, a, |x, fl| f32_fn(k, x, fl)),
        },
        DType::Float64 => match k {
            Un::LogicalNot => map1::<f64, bool, _>(out, a, |x, _| x == 0.0),
            Un::Isnan => map1::<f64, bool, _>(out, a, |x, _| x.is_nan()),
            Un::Isinf => map1::<f64, bool, _>(out, a, |x, _| x.is_infinite()),
            Un::Isfinite => map1::<f64, bool, _>(out, a, |x, _| x.is_finite()),
            Un::Signbit => map1::<f64, bool, _>(out, a, |x, _| x.is_sign_negative()),
            Un::Neg => map1::<f64, f64, _>(out, a, |x, _| -x),
            Un::Abs => map1::<f64, f64, _>(out, a, |x, _| x.abs()),
            Un::Square => map1::<f64, f64, _>(out, a, |x, fl| {
                let r = x * x;
                if r.is_infinite() && x.is_finite() {
                    fl.overflow = true;
                }
                r
            }),
            Un::Exp => exp_f64(out, a),
            _ => map1::<f64, f64, _>(out, a, |x, fl| f64_fn(k, x, fl)),
        },
        DType::Complex64 => match k {
            Un::Abs => cabs_loop::<f32>(out, a),
            Un::LogicalNot => map1::<Complex32, bool, _>(out, a, |z, _| z.re == 0.0 && z.im == 0.0),
            Un::Isnan => map1::<Complex32, bool, _>(out, a, |z, _| z.re.is_nan() || z.im.is_nan()),
            Un::Isinf => {
                map1::<Complex32, bool, _>(out, a, |z, _| z.re.is_infinite() || z.im.is_infinite())
            }
            Un::Isfinite => {
                map1::<Complex32, bool, _>(out, a, |z, _| z.re.is_finite() && z.im.is_finite())
            }
            _ => map1::<Complex32, Complex32, _>(out, a, |z, fl| c64_fn(k, z, fl)),
        },
        DType::Complex128 => match k {
            Un::Abs => cabs_loop::<f64>(out, a),
            Un::LogicalNot => map1::<Complex64, bool, _>(out, a, |z, _| z.re == 0.0 && z.im == 0.0),
            Un::Isnan => map1::<Complex64, bool, _>(out, a, |z, _| z.re.is_nan() || z.im.is_nan()),
            Un::Isinf => {
                map1::<Complex64, bool, _>(out, a, |z, _| z.re.is_infinite() || z.im.is_infinite())
            }
            Un::Isfinite => {
                map1::<Complex64, bool, _>(out, a, |z, _| z.re.is_finite() && z.im.is_finite())
            }
            _ => map1::<Complex64, Complex64, _>(out, a, |z, fl| c128_fn(k, z, fl)),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::array::Order;

    fn run(k: Un, dt: DType, xs: &[f64]) -> (Vec<f64>, FpFlags) {
        let a = NdArray::from_slice(xs)
            .unwrap()
            .astype(dt, crate::array::Casting::Unsafe)
            .unwrap();
        let odt = if k.is_predicate() { DType::Bool } else { dt };
        let out = NdArray::zeros(&[xs.len()], odt, Order::C).unwrap();
        let fl = unary_math(k, &out, &a);
        (out.iter_scalars().map(|s| s.to_f64()).collect(), fl)
    }

    #[test]
    fn events() {
        let (r, fl) = run(Un::Log, DType::Float64, &[0.0, 1.0, -1.0]);
        assert_eq!(r[0], f64::NEG_INFINITY);
        assert!(r[2].is_nan() && fl.divide && fl.invalid && !fl.overflow);
        let (_, fl) = run(Un::Exp, DType::Float64, &[1000.0, -1000.0]);
        assert!(fl.overflow && fl.underflow);
        let (_, fl) = run(Un::Sqrt, DType::Float32, &[-1.0]);
        assert!(fl.invalid);
        let (r, fl) = run(Un::Reciprocal, DType::Int64, &[0.0, 2.0, -1.0]);
        assert_eq!(r, [i64::MIN as f64, 0.0, -1.0]);
        assert!(fl.divide && fl.invalid);
    }

    #[test]
    fn values_per_dtype() {
        let (r, _) = run(Un::Sign, DType::Float64, &[-0.0, f64::NAN, 3.0, -2.0]);
        assert!(r[0] == 0.0 && r[1].is_nan() && r[2] == 1.0 && r[3] == -1.0);
        let (r, _) = run(Un::Rint, DType::Float64, &[0.5, 1.5, 2.5, -0.5]);
        assert_eq!(r, [0.0, 2.0, 2.0, -0.0]);
        let (r, _) = run(Un::Abs, DType::Int8, &[-128.0, -3.0]);
        assert_eq!(r, [-128.0, 3.0]);
        let (r, _) = run(Un::Sqrt, DType::Float16, &[2.0]);
        assert_eq!(r, [f16::from_f32(2f32.sqrt()).to_f64()]);
        let (r, _) = run(Un::Isnan, DType::Float32, &[f64::NAN, 1.0]);
        assert_eq!(r, [1.0, 0.0]);
        for n in [0usize, 1, 7, 8, 9, 127, 128, 129, 1_000_003] {
            let xs: Vec<f64> = (0..n).map(|i| (i % 1000) as f64 / 100.0).collect();
            let (r, _) = run(Un::Exp, DType::Float64, &xs);
            assert!(r.iter().zip(&xs).all(|(a, b)| *a == libm::exp(*b)));
        }
    }
}
