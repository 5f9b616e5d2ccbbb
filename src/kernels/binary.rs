//! Binary elementwise loops (`a + b`, `a // b`, `a < b`, ...) for every dtype, with
//! NumPy's integer semantics (wrapping, division by zero giving 0) and float semantics
//! (`npy_divmod`, IEEE results plus the events that become RuntimeWarnings).

use super::loops::{Raw, drive, map2, sz};
use super::math::libm;
use super::simd::{self, Side, VCmp, VOp};
use super::{FpFlags, divmod_f32, divmod_f64};
use crate::array::{DType, Element, NdArray};
use half::f16;
use num_complex::{Complex32, Complex64};

/// The binary operations the loops implement.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum BinKind {
    Add,
    Sub,
    Mul,
    Div,
    FloorDiv,
    Mod,
    Pow,
    And,
    Or,
    Xor,
    Shl,
    Shr,
    Max,
    Min,
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    Fmod,
    Fmax,
    Fmin,
    Arctan2,
    Hypot,
    Copysign,
    Heaviside,
    Gcd,
    Lcm,
    LogicalAnd,
    LogicalOr,
    LogicalXor,
    Logaddexp,
    Logaddexp2,
    Nextafter,
}

impl BinKind {
    /// The operation's vector arithmetic form, if it has one (`+ - * /`).
    #[inline]
    pub fn vop(self) -> Option<VOp> {
        Some(match self {
            BinKind::Add => VOp::Add,
            BinKind::Sub => VOp::Sub,
            BinKind::Mul => VOp::Mul,
            BinKind::Div => VOp::Div,
            _ => return None,
        })
    }

    /// The operation's vector comparison form, if it is a comparison.
    #[inline]
    pub fn vcmp(self) -> Option<VCmp> {
        Some(match self {
            BinKind::Eq => VCmp::Eq,
            BinKind::Ne => VCmp::Ne,
            BinKind::Lt => VCmp::Lt,
            BinKind::Le => VCmp::Le,
            BinKind::Gt => VCmp::Gt,
            BinKind::Ge => VCmp::Ge,
            _ => return None,
        })
    }

    pub fn is_comparison(self) -> bool {
        matches!(
            self,
            BinKind::Eq | BinKind::Ne | BinKind::Lt | BinKind::Le | BinKind::Gt | BinKind::Ge
        )
    }
    /// Operations whose output is bool whatever the loop dtype.
    pub fn is_bool_output(self) -> bool {
        self.is_comparison()
            || matches!(
                self,
                BinKind::LogicalAnd | BinKind::LogicalOr | BinKind::LogicalXor
            )
    }
    pub fn is_bitwise(self) -> bool {
        matches!(
            self,
            BinKind::And | BinKind::Or | BinKind::Xor | BinKind::Shl | BinKind::Shr
        )
    }
    /// The ufunc's name, as NumPy's messages spell it.
    pub fn ufunc_name(self) -> &'static str {
        match self {
            BinKind::Add => "add",
            BinKind::Sub => "subtract",
            BinKind::Mul => "multiply",
            BinKind::Div => "divide",
            BinKind::FloorDiv => "floor_divide",
            BinKind::Mod => "remainder",
            BinKind::Pow => "power",
            BinKind::And => "bitwise_and",
            BinKind::Or => "bitwise_or",
            BinKind::Xor => "bitwise_xor",
            BinKind::Shl => "left_shift",
            BinKind::Shr => "right_shift",
            BinKind::Max => "maximum",
            BinKind::Min => "minimum",
            BinKind::Eq => "equal",
            BinKind::Ne => "not_equal",
            BinKind::Lt => "less",
            BinKind::Le => "less_equal",
            BinKind::Gt => "greater",
            BinKind::Ge => "greater_equal",
            BinKind::Fmod => "fmod",
            BinKind::Fmax => "fmax",
            BinKind::Fmin => "fmin",
            BinKind::Arctan2 => "arctan2",
            BinKind::Hypot => "hypot",
            BinKind::Copysign => "copysign",
            BinKind::Heaviside => "heaviside",
            BinKind::Gcd => "gcd",
            BinKind::Lcm => "lcm",
            BinKind::LogicalAnd => "logical_and",
            BinKind::LogicalOr => "logical_or",
            BinKind::LogicalXor => "logical_xor",
            BinKind::Logaddexp => "logaddexp",
            BinKind::Logaddexp2 => "logaddexp2",
            BinKind::Nextafter => "nextafter",
        }
    }
}

/// Element arithmetic of one loop dtype.
trait Arith: Element + PartialOrd {
    fn op(k: BinKind, a: Self, b: Self, fl: &mut FpFlags) -> Self;
}

macro_rules! int_arith {
    ($($t:ty),*) => {$(
        impl Arith for $t {
            #[inline(always)]
            fn op(k: BinKind, a: $t, b: $t, fl: &mut FpFlags) -> $t {
                match k {
                    BinKind::Add => a.wrapping_add(b),
                    BinKind::Sub => a.wrapping_sub(b),
                    BinKind::Mul => a.wrapping_mul(b),
                    BinKind::FloorDiv => {
                        if b == 0 {
                            fl.divide = true;
                            return 0;
                        }
                        // MIN // -1 wraps to MIN, with NumPy's overflow warning.
                        if <$t>::MIN != 0 && a == <$t>::MIN && b == (0 as $t).wrapping_sub(1) {
                            fl.overflow = true;
                        }
                        let q = a.wrapping_div(b);
                        #[allow(unused_comparisons)]
                        if (a.wrapping_rem(b) != 0) && ((a < 0) != (b < 0)) { q.wrapping_sub(1) } else { q }
                    }
                    BinKind::Mod => {
                        if b == 0 {
                            fl.divide = true;
                            return 0;
                        }
                        let r = a.wrapping_rem(b);
                        #[allow(unused_comparisons)]
                        if r != 0 && ((r < 0) != (b < 0)) { r.wrapping_add(b) } else { r }
                    }
                    BinKind::Fmod => {
                        if b == 0 {
                            fl.divide = true;
                            return 0;
                        }
                        a.wrapping_rem(b)
                    }
                    BinKind::Pow => {
                        // Negative exponents are rejected before the loop runs.
                        let mut base = a;
                        let mut e = b as u64;
                        let mut acc: $t = 1;
                        while e > 0 {
                            if e & 1 == 1 {
                                acc = acc.wrapping_mul(base);
                            }
                            base = base.wrapping_mul(base);
                            e >>= 1;
                        }
                        acc
                    }
                    BinKind::And => a & b,
                    BinKind::Or => a | b,
                    BinKind::Xor => a ^ b,
                    BinKind::Shl => {
                        #[allow(unused_comparisons)]
                        if b < 0 || (b as u64) >= <$t>::BITS as u64 { 0 } else { a << b }
                    }
                    BinKind::Shr => {
                        #[allow(unused_comparisons)]
                        if b < 0 || (b as u64) >= <$t>::BITS as u64 {
                            #[allow(unused_comparisons)]
                            if a < 0 { !0 } else { 0 }
                        } else {
                            a >> b
                        }
                    }
                    BinKind::Max | BinKind::Fmax => if a >= b { a } else { b },
                    BinKind::Min | BinKind::Fmin => if a <= b { a } else { b },
                    BinKind::Gcd => {
                        #[allow(unused_comparisons)]
                        let (mut x, mut y) = (if a < 0 { a.wrapping_neg() } else { a }, if b < 0 { b.wrapping_neg() } else { b });
                        while y != 0 {
                            let t = x.wrapping_rem(y);
                            x = y;
                            y = t;
                        }
                        x
                    }
                    BinKind::Lcm => {
                        let g = <$t>::op(BinKind::Gcd, a, b, fl);
                        if g == 0 {
                            return 0;
                        }
                        #[allow(unused_comparisons)]
                        let (x, y) = (if a < 0 { a.wrapping_neg() } else { a }, if b < 0 { b.wrapping_neg() } else { b });
                        (x / g).wrapping_mul(y)
                    }
                    _ => 0,
                }
            }
        }
    )*};
}
int_arith!(i8, i16, i32, i64, u8, u16, u32, u64);

/// The float functions the binary loops need, per precision.
trait FloatFns: Copy {
    fn fmod(a: Self, b: Self) -> Self;
    fn atan2(a: Self, b: Self) -> Self;
    fn hypot(a: Self, b: Self) -> Self;
    fn pow(a: Self, b: Self) -> Self;
    fn nextafter(a: Self, b: Self) -> Self;
    fn log1p(a: Self) -> Self;
    fn exp(a: Self) -> Self;
    fn exp2(a: Self) -> Self;
    fn log2_1p(a: Self) -> Self;
}

impl FloatFns for f64 {
    fn fmod(a: f64, b: f64) -> f64 {
        libm::fmod(a, b)
    }
    fn atan2(a: f64, b: f64) -> f64 {
        libm::atan2(a, b)
    }
    fn hypot(a: f64, b: f64) -> f64 {
        libm::hypot(a, b)
    }
    fn pow(a: f64, b: f64) -> f64 {
        libm::pow(a, b)
    }
    fn nextafter(a: f64, b: f64) -> f64 {
        libm::nextafter(a, b)
    }
    fn log1p(a: f64) -> f64 {
        libm::log1p(a)
    }
    fn exp(a: f64) -> f64 {
        libm::exp(a)
    }
    fn exp2(a: f64) -> f64 {
        libm::exp2(a)
    }
    fn log2_1p(a: f64) -> f64 {
        std::f64::consts::LOG2_E * libm::log1p(a)
    }
}

impl FloatFns for f32 {
    fn fmod(a: f32, b: f32) -> f32 {
        libm::fmodf(a, b)
    }
    fn atan2(a: f32, b: f32) -> f32 {
        libm::atan2f(a, b)
    }
    fn hypot(a: f32, b: f32) -> f32 {
        libm::hypotf(a, b)
    }
    fn pow(a: f32, b: f32) -> f32 {
        libm::powf(a, b)
    }
    fn nextafter(a: f32, b: f32) -> f32 {
        libm::nextafterf(a, b)
    }
    fn log1p(a: f32) -> f32 {
        libm::log1pf(a)
    }
    fn exp(a: f32) -> f32 {
        libm::expf(a)
    }
    fn exp2(a: f32) -> f32 {
        libm::exp2f(a)
    }
    fn log2_1p(a: f32) -> f32 {
        std::f32::consts::LOG2_E * libm::log1pf(a)
    }
}

macro_rules! float_arith {
    ($t:ty, $divmod:ident) => {
        impl Arith for $t {
            #[inline(always)]
            fn op(k: BinKind, a: $t, b: $t, fl: &mut FpFlags) -> $t {
                let r = match k {
                    BinKind::Add => a + b,
                    BinKind::Sub => a - b,
                    BinKind::Mul => a * b,
                    BinKind::Div => {
                        if b == 0.0 && !a.is_nan() {
                            if a == 0.0 {
                                fl.invalid = true;
                            } else {
                                fl.divide = true;
                            }
                            return a / b;
                        }
                        a / b
                    }
                    BinKind::FloorDiv => {
                        if b == 0.0 && !a.is_nan() {
                            if a == 0.0 {
                                fl.invalid = true;
                            } else {
                                fl.divide = true;
                            }
                        }
                        return $divmod(a, b).0;
                    }
                    BinKind::Mod => {
                        if b == 0.0 && !a.is_nan() {
                            fl.invalid = true;
                        }
                        return $divmod(a, b).1;
                    }
                    BinKind::Fmod => {
                        let r = <$t as FloatFns>::fmod(a, b);
                        if r.is_nan() && !a.is_nan() && !b.is_nan() {
                            fl.invalid = true;
                        }
                        return r;
                    }
                    BinKind::Pow => {
                        if a == 0.0 && b < 0.0 {
                            fl.divide = true;
                            return <$t as FloatFns>::pow(a, b);
                        }
                        <$t as FloatFns>::pow(a, b)
                    }
                    BinKind::Max => {
                        if a.is_nan() || b.is_nan() {
                            return if a.is_nan() { a } else { b };
                        }
                        if a >= b { a } else { b }
                    }
                    BinKind::Min => {
                        if a.is_nan() || b.is_nan() {
                            return if a.is_nan() { a } else { b };
                        }
                        if a <= b { a } else { b }
                    }
                    BinKind::Fmax => {
                        return if b.is_nan() || a >= b {
                            if a.is_nan() { b } else { a }
                        } else {
                            b
                        };
                    }
                    BinKind::Fmin => {
                        return if b.is_nan() || a <= b {
                            if a.is_nan() { b } else { a }
                        } else {
                            b
                        };
                    }
                    BinKind::Arctan2 => <$t as FloatFns>::atan2(a, b),
                    BinKind::Hypot => return <$t as FloatFns>::hypot(a, b),
                    BinKind::Copysign => return a.copysign(b),
                    BinKind::Nextafter => return <$t as FloatFns>::nextafter(a, b),
                    BinKind::Heaviside => {
                        return if a.is_nan() {
                            a
                        } else if a == 0.0 {
                            b
                        } else if a < 0.0 {
                            0.0
                        } else {
                            1.0
                        };
                    }
                    BinKind::Logaddexp => {
                        if a == b {
                            return a + std::f64::consts::LN_2 as $t;
                        }
                        let d = a - b;
                        return if d > 0.0 {
                            a + <$t as FloatFns>::log1p(<$t as FloatFns>::exp(-d))
                        } else if d <= 0.0 {
                            b + <$t as FloatFns>::log1p(<$t as FloatFns>::exp(d))
                        } else {
                            d
                        };
                    }
                    BinKind::Logaddexp2 => {
                        if a == b {
                            return a + 1.0;
                        }
                        let d = a - b;
                        return if d > 0.0 {
                            a + <$t as FloatFns>::log2_1p(<$t as FloatFns>::exp2(-d))
                        } else if d <= 0.0 {
                            b + <$t as FloatFns>::log2_1p(<$t as FloatFns>::exp2(d))
                        } else {
                            d
                        };
                    }
                    _ => 0.0,
                };
                if r.is_infinite() && a.is_finite() && b.is_finite() {
                    fl.overflow = true;
                }
                if r.is_nan() && !a.is_nan() && !b.is_nan() {
                    fl.invalid = true;
                }
                r
            }
        }
    };
}
float_arith!(f64, divmod_f64);
float_arith!(f32, divmod_f32);

impl Arith for f16 {
    #[inline(always)]
    fn op(k: BinKind, a: f16, b: f16, fl: &mut FpFlags) -> f16 {
        let r = f32::op(k, a.to_f32(), b.to_f32(), fl);
        let h = f16::from_f32(r);
        if h.is_infinite() && r.is_finite() {
            fl.overflow = true;
        }
        h
    }
}

impl Arith for bool {
    #[inline(always)]
    fn op(k: BinKind, a: bool, b: bool, _: &mut FpFlags) -> bool {
        match k {
            BinKind::Add | BinKind::Or | BinKind::Max | BinKind::Fmax => a | b,
            BinKind::Mul | BinKind::And | BinKind::Min | BinKind::Fmin => a & b,
            BinKind::Xor => a ^ b,
            _ => false,
        }
    }
}

/// Complex division as NumPy does it (Smith's algorithm).
pub fn cdiv(a: Complex64, b: Complex64) -> Complex64 {
    let (ar, ai, br, bi) = (a.re, a.im, b.re, b.im);
    let abs_br = br.abs();
    let abs_bi = bi.abs();
    if abs_br >= abs_bi {
        if abs_br == 0.0 && abs_bi == 0.0 {
            return Complex64::new(ar / abs_br, ai / abs_bi);
        }
        let rat = bi / br;
        let scl = 1.0 / (br + bi * rat);
        Complex64::new((ar + ai * rat) * scl, (ai - ar * rat) * scl)
    } else {
        let rat = br / bi;
        let scl = 1.0 / (bi + br * rat);
        Complex64::new((ar * rat + ai) * scl, (ai * rat - ar) * scl)
    }
}

/// Complex multiplication as NumPy's vectorised loop computes it (fused multiply-adds).
#[inline(always)]
pub fn cmul64(a: Complex64, b: Complex64) -> Complex64 {
    Complex64::new(
        a.re.mul_add(b.re, -(a.im * b.im)),
        a.re.mul_add(b.im, a.im * b.re),
    )
}

/// [`cmul64`] in single precision.
#[inline(always)]
pub fn cmul32(a: Complex32, b: Complex32) -> Complex32 {
    Complex32::new(
        a.re.mul_add(b.re, -(a.im * b.im)),
        a.re.mul_add(b.im, a.im * b.re),
    )
}

/// Smith's complex division in single precision.
pub fn cdiv32(a: Complex32, b: Complex32) -> Complex32 {
    let (ar, ai, br, bi) = (a.re, a.im, b.re, b.im);
    let (abs_br, abs_bi) = (br.abs(), bi.abs());
    if abs_br >= abs_bi {
        if abs_br == 0.0 && abs_bi == 0.0 {
            return Complex32::new(ar / abs_br, ai / abs_bi);
        }
        let rat = bi / br;
        let scl = 1.0 / (br + bi * rat);
        Complex32::new((ar + ai * rat) * scl, (ai - ar * rat) * scl)
    } else {
        let rat = br / bi;
        let scl = 1.0 / (bi + br * rat);
        Complex32::new((ar * rat + ai) * scl, (ai * rat - ar) * scl)
    }
}

/// Lexicographic order of complex numbers, as NumPy's comparisons use.
fn ccmp(a: Complex64, b: Complex64) -> Option<std::cmp::Ordering> {
    match a.re.partial_cmp(&b.re)? {
        std::cmp::Ordering::Equal => a.im.partial_cmp(&b.im),
        o => Some(o),
    }
}

fn cnan(c: Complex64) -> bool {
    c.re.is_nan() || c.im.is_nan()
}

fn cop(k: BinKind, a: Complex64, b: Complex64) -> Complex64 {
    match k {
        BinKind::Add => a + b,
        BinKind::Sub => a - b,
        BinKind::Mul => a * b,
        BinKind::Div => cdiv(a, b),
        BinKind::Pow => {
            if b.im == 0.0 && b.re == b.re.trunc() && b.re.abs() < 100.0 {
                // Small integer powers by repeated multiplication, as NumPy does.
                let n = b.re as i64;
                let mut acc = Complex64::new(1.0, 0.0);
                let mut base = a;
                let mut e = n.unsigned_abs();
                while e > 0 {
                    if e & 1 == 1 {
                        acc *= base;
                    }
                    base *= base;
                    e >>= 1;
                }
                if n < 0 {
                    cdiv(Complex64::new(1.0, 0.0), acc)
                } else {
                    acc
                }
            } else if a == Complex64::new(0.0, 0.0) {
                if b.re > 0.0 {
                    Complex64::new(0.0, 0.0)
                } else {
                    Complex64::new(f64::NAN, f64::NAN)
                }
            } else {
                super::math::cpow(a, b)
            }
        }
        BinKind::Max => {
            if cnan(a) {
                return a;
            }
            if cnan(b) {
                return b;
            }
            match ccmp(a, b) {
                Some(std::cmp::Ordering::Less) => b,
                _ => a,
            }
        }
        BinKind::Min => {
            if cnan(a) {
                return a;
            }
            if cnan(b) {
                return b;
            }
            match ccmp(a, b) {
                Some(std::cmp::Ordering::Greater) => b,
                _ => a,
            }
        }
        BinKind::Fmax => {
            if cnan(b) {
                return a;
            }
            if cnan(a) {
                return b;
            }
            match ccmp(a, b) {
                Some(std::cmp::Ordering::Less) => b,
                _ => a,
            }
        }
        BinKind::Fmin => {
            if cnan(b) {
                return a;
            }
            if cnan(a) {
                return b;
            }
            match ccmp(a, b) {
                Some(std::cmp::Ordering::Greater) => b,
                _ => a,
            }
        }
        _ => Complex64::new(0.0, 0.0),
    }
}

/// Monomorphises `$body` for each kind, so that every loop has its operation inlined.
macro_rules! for_kind {
    ($k:expr, $K:ident => $body:expr) => {
        match $k {
            BinKind::Add => {
                const $K: BinKind = BinKind::Add;
                $body
            }
            BinKind::Sub => {
                const $K: BinKind = BinKind::Sub;
                $body
            }
            BinKind::Mul => {
                const $K: BinKind = BinKind::Mul;
                $body
            }
            BinKind::Div => {
                const $K: BinKind = BinKind::Div;
                $body
            }
            BinKind::FloorDiv => {
                const $K: BinKind = BinKind::FloorDiv;
                $body
            }
            BinKind::Mod => {
                const $K: BinKind = BinKind::Mod;
                $body
            }
            BinKind::Max => {
                const $K: BinKind = BinKind::Max;
                $body
            }
            BinKind::Min => {
                const $K: BinKind = BinKind::Min;
                $body
            }
            BinKind::And => {
                const $K: BinKind = BinKind::And;
                $body
            }
            BinKind::Or => {
                const $K: BinKind = BinKind::Or;
                $body
            }
            BinKind::Xor => {
                const $K: BinKind = BinKind::Xor;
                $body
            }
            other => {
                #[allow(non_snake_case)]
                let $K = other;
                $body
            }
        }
    };
}

fn arith<T: Arith + Send + Sync>(k: BinKind, out: &NdArray, a: &NdArray, b: &NdArray) -> FpFlags {
    for_kind!(k, K => map2::<T, T, T, _>(out, a, b, |x, y, fl| T::op(K, x, y, fl)))
}

fn compare<T: Element + PartialOrd + Send + Sync>(
    k: BinKind,
    out: &NdArray,
    a: &NdArray,
    b: &NdArray,
) {
    match k {
        BinKind::Eq => map2::<T, T, bool, _>(out, a, b, |x, y, _| x == y),
        BinKind::Ne => map2::<T, T, bool, _>(out, a, b, |x, y, _| x != y),
        BinKind::Lt => map2::<T, T, bool, _>(out, a, b, |x, y, _| x < y),
        BinKind::Le => map2::<T, T, bool, _>(out, a, b, |x, y, _| x <= y),
        BinKind::Gt => map2::<T, T, bool, _>(out, a, b, |x, y, _| x > y),
        BinKind::Ge => map2::<T, T, bool, _>(out, a, b, |x, y, _| x >= y),
        _ => FpFlags::default(),
    };
}

/// Truthiness of an element, for the logical functions.
trait Truth: Element {
    fn truth(self) -> bool;
}

macro_rules! truth_num {
    ($($t:ty),*) => {$(
        impl Truth for $t {
            #[inline(always)]
            fn truth(self) -> bool {
                self != <$t>::default()
            }
        }
    )*};
}
truth_num!(bool, i8, i16, i32, i64, u8, u16, u32, u64, f32, f64);

impl Truth for f16 {
    fn truth(self) -> bool {
        self.to_f32() != 0.0
    }
}
impl Truth for Complex32 {
    fn truth(self) -> bool {
        self.re != 0.0 || self.im != 0.0
    }
}
impl Truth for Complex64 {
    fn truth(self) -> bool {
        self.re != 0.0 || self.im != 0.0
    }
}

fn logical<T: Truth + Send + Sync>(k: BinKind, out: &NdArray, a: &NdArray, b: &NdArray) {
    match k {
        BinKind::LogicalAnd => map2::<T, T, bool, _>(out, a, b, |x, y, _| x.truth() && y.truth()),
        BinKind::LogicalOr => map2::<T, T, bool, _>(out, a, b, |x, y, _| x.truth() || y.truth()),
        _ => map2::<T, T, bool, _>(out, a, b, |x, y, _| x.truth() != y.truth()),
    };
}

fn compare_complex<T: Element + Into<Complex64> + Send + Sync>(
    k: BinKind,
    out: &NdArray,
    a: &NdArray,
    b: &NdArray,
) {
    use std::cmp::Ordering::*;
    let test = move |x: T, y: T, _: &mut FpFlags| -> bool {
        let (x, y): (Complex64, Complex64) = (x.into(), y.into());
        match k {
            BinKind::Eq => x == y,
            BinKind::Ne => x != y,
            _ => match ccmp(x, y) {
                None => false,
                Some(o) => match k {
                    BinKind::Lt => o == Less,
                    BinKind::Le => o != Greater,
                    BinKind::Gt => o == Greater,
                    BinKind::Ge => o != Less,
                    _ => false,
                },
            },
        }
    };
    map2::<T, T, bool, _>(out, a, b, test);
}

/// The SIMD path for float64/float32 `+ - * /` and comparisons, when every run is
/// contiguous (or a broadcast scalar on one side); `None` if it does not apply.
fn try_simd(k: BinKind, out: &NdArray, a: &NdArray, b: &NdArray) -> Option<FpFlags> {
    let (vop, vcmp) = (k.vop(), k.vcmp());
    if vop.is_none() && vcmp.is_none() {
        return None;
    }
    macro_rules! go {
        ($t:ty, $arith:path, $cmp:path) => {{
            let ok = |s: isize, w: isize| s == w;
            Some(drive(
                &out.shape,
                [Raw::of(out), Raw::of(a), Raw::of(b)],
                |([po, pa, pb], n, [so, sa, sb])| {
                    let e = sz::<$t>();
                    let side = |p: *mut u8, s: isize| {
                        if s == 0 {
                            // SAFETY: a stride-0 side is one element.
                            Some(Side::Splat(unsafe { (p as *const $t).read_unaligned() }))
                        } else if ok(s, e) {
                            Some(Side::Run(p as *const $t))
                        } else {
                            None
                        }
                    };
                    let (x, y) = (side(pa, sa), side(pb, sb));
                    // SAFETY: runs stay inside their operands.
                    unsafe {
                        match (vop, x, y) {
                            (Some(op), Some(x), Some(y)) if so == e => {
                                return $arith(op, po as *mut $t, x, y, n);
                            }
                            _ => {}
                        }
                        if let (Some(op), Some(x), Some(y)) = (vcmp, x, y) {
                            if so == 1 {
                                $cmp(op, po as *mut bool, x, y, n);
                                return FpFlags::default();
                            }
                        }
                        // A strided run: the scalar loop.
                        let mut fl = FpFlags::default();
                        for i in 0..n as isize {
                            let u = (pa.offset(i * sa) as *const $t).read_unaligned();
                            let v = (pb.offset(i * sb) as *const $t).read_unaligned();
                            if vop.is_some() {
                                let r = <$t as Arith>::op(k, u, v, &mut fl);
                                (po.offset(i * so) as *mut $t).write_unaligned(r);
                            } else {
                                let r = match k {
                                    BinKind::Eq => u == v,
                                    BinKind::Ne => u != v,
                                    BinKind::Lt => u < v,
                                    BinKind::Le => u <= v,
                                    BinKind::Gt => u > v,
                                    _ => u >= v,
                                };
                                (po.offset(i * so) as *mut bool).write(r);
                            }
                        }
                        fl
                    }
                },
            ))
        }};
    }
    match a.dtype {
        DType::Float64 => go!(f64, simd::arith_f64, simd::cmp_f64),
        DType::Float32 => go!(f32, simd::arith_f32, simd::cmp_f32),
        _ => None,
    }
}

/// `out = a op b` elementwise. `a` and `b` are in the loop dtype and broadcast to
/// `out`'s shape; `out` has the loop dtype, or bool for comparisons and logical ops.
pub fn binary(k: BinKind, out: &NdArray, a: &NdArray, b: &NdArray) -> FpFlags {
    if let Some(fl) = try_simd(k, out, a, b) {
        return fl;
    }
    if k == BinKind::Pow
        && a.dtype.is_float()
        && out.dtype == a.dtype
        && let Some(fl) = pow_fast(out, a, b)
    {
        return fl;
    }
    if k.is_comparison() {
        match a.dtype {
            DType::Bool => compare::<bool>(k, out, a, b),
            DType::Int8 => compare::<i8>(k, out, a, b),
            DType::Int16 => compare::<i16>(k, out, a, b),
            DType::Int32 => compare::<i32>(k, out, a, b),
            DType::Int64 => compare::<i64>(k, out, a, b),
            DType::UInt8 => compare::<u8>(k, out, a, b),
            DType::UInt16 => compare::<u16>(k, out, a, b),
            DType::UInt32 => compare::<u32>(k, out, a, b),
            DType::UInt64 => compare::<u64>(k, out, a, b),
            DType::Float16 => compare::<f16>(k, out, a, b),
            DType::Float32 => compare::<f32>(k, out, a, b),
            DType::Float64 => compare::<f64>(k, out, a, b),
            DType::Complex64 => compare_complex::<C32>(k, out, a, b),
            DType::Complex128 => compare_complex::<Complex64>(k, out, a, b),
        }
        return FpFlags::default();
    }
    if k.is_bool_output() {
        crate::with_dtype!(a.dtype, T => logical::<T>(k, out, a, b));
        return FpFlags::default();
    }
    // NumPy's complex multiply is vectorised with fused multiply-adds except for 0-d
    // outputs, which take its scalar loop.
    let zero_d = out.ndim() == 0;
    match a.dtype {
        DType::Bool => arith::<bool>(k, out, a, b),
        DType::Int8 => arith::<i8>(k, out, a, b),
        DType::Int16 => arith::<i16>(k, out, a, b),
        DType::Int32 => arith::<i32>(k, out, a, b),
        DType::Int64 => arith::<i64>(k, out, a, b),
        DType::UInt8 => arith::<u8>(k, out, a, b),
        DType::UInt16 => arith::<u16>(k, out, a, b),
        DType::UInt32 => arith::<u32>(k, out, a, b),
        DType::UInt64 => arith::<u64>(k, out, a, b),
        DType::Float16 => arith::<f16>(k, out, a, b),
        DType::Float32 => arith::<f32>(k, out, a, b),
        DType::Float64 => arith::<f64>(k, out, a, b),
        DType::Complex128 if k == BinKind::Mul && !zero_d => {
            map2::<Complex64, Complex64, Complex64, _>(out, a, b, |x, y, _| cmul64(x, y))
        }
        DType::Complex64
            if matches!(k, BinKind::Add | BinKind::Sub | BinKind::Mul | BinKind::Div) =>
        {
            map2::<Complex32, Complex32, Complex32, _>(out, a, b, |x, y, _| match k {
                BinKind::Add => x + y,
                BinKind::Sub => x - y,
                BinKind::Mul if zero_d => x * y,
                BinKind::Mul => cmul32(x, y),
                _ => cdiv32(x, y),
            })
        }
        DType::Complex64 => map2::<Complex32, Complex32, Complex32, _>(out, a, b, |x, y, _| {
            let r = cop(
                k,
                Complex64::new(x.re as f64, x.im as f64),
                Complex64::new(y.re as f64, y.im as f64),
            );
            Complex32::new(r.re as f32, r.im as f32)
        }),
        DType::Complex128 => {
            map2::<Complex64, Complex64, Complex64, _>(out, a, b, |x, y, _| cop(k, x, y))
        }
    }
}

/// `Complex32` widened for comparisons.
type C32 = Complex32Wide;

/// A `Complex32` element that converts into `Complex64`.
#[derive(Copy, Clone, Default, PartialEq, Debug)]
#[repr(transparent)]
struct Complex32Wide(Complex32);

impl From<Complex32Wide> for Complex64 {
    fn from(c: Complex32Wide) -> Complex64 {
        Complex64::new(c.0.re as f64, c.0.im as f64)
    }
}

impl Element for Complex32Wide {
    const DTYPE: DType = DType::Complex64;
    fn to_scalar(self) -> crate::array::Scalar {
        self.0.to_scalar()
    }
    fn from_scalar(s: crate::array::Scalar) -> Self {
        Complex32Wide(Complex32::from_scalar(s))
    }
}

/// Folds a strided run into `acc` with `k` (a reduction's inner loop, sequential):
/// `acc = k(acc, x[i])` for each element. `None` for kinds or dtypes without a typed
/// fold (complex, comparisons); the caller then steps element by element.
///
/// # Safety
/// `p + i * stride` must be a readable element of `dt` for `i < n`.
pub unsafe fn fold_run(
    k: BinKind,
    dt: DType,
    acc: crate::array::Scalar,
    p: *const u8,
    n: usize,
    stride: isize,
    fl: &mut FpFlags,
) -> Option<crate::array::Scalar> {
    if k.is_bool_output() || dt.is_complex() {
        return None;
    }
    macro_rules! fold {
        ($t:ty) => {{
            let mut a = <$t>::from_scalar(acc);
            for_kind!(k, K => {
                for i in 0..n as isize {
                    // SAFETY: guaranteed by the caller.
                    let x = unsafe { (p.offset(i * stride) as *const $t).read_unaligned() };
                    a = <$t as Arith>::op(K, a, x, fl);
                }
            });
            Some(a.to_scalar())
        }};
    }
    match dt {
        DType::Bool => fold!(bool),
        DType::Int8 => fold!(i8),
        DType::Int16 => fold!(i16),
        DType::Int32 => fold!(i32),
        DType::Int64 => fold!(i64),
        DType::UInt8 => fold!(u8),
        DType::UInt16 => fold!(u16),
        DType::UInt32 => fold!(u32),
        DType::UInt64 => fold!(u64),
        DType::Float16 => fold!(f16),
        DType::Float32 => fold!(f32),
        DType::Float64 => fold!(f64),
        _ => None,
    }
}

/// NumPy's fast paths for a float power with one exponent for the whole array
/// (`x**2` is `x*x`, `x**0.5` is `sqrt(x)`, ...).
fn pow_fast(out: &NdArray, a: &NdArray, b: &NdArray) -> Option<FpFlags> {
    use super::math::{Un, unary_math};
    if !b.strides.iter().all(|&s| s == 0) || b.size() == 0 {
        return None;
    }
    let e = b.get_at(b.offset).to_f64();
    let k = if e == 2.0 {
        Un::Square
    } else if e == 0.5 {
        Un::Sqrt
    } else if e == 1.0 {
        Un::Pos
    } else if e == -1.0 {
        Un::Reciprocal
    } else if e == 0.0 {
        out.fill(crate::array::Scalar::one(out.dtype)).ok()?;
        return Some(FpFlags::default());
    } else {
        return None;
    };
    Some(unary_math(k, out, a))
}

/// Reduces many lines at once: for each (line start, output offset), folds the `len`
/// elements `stride` bytes apart with `k` (seeded by `init`, or by the first element) and
/// writes the result. Returns `false` (doing nothing) for kinds or dtypes without a
/// typed fold.
///
/// # Safety
/// Every line must be readable in `src`, every output offset writable in `out`, both of
/// dtype `dt`.
#[allow(clippy::too_many_arguments)]
pub unsafe fn fold_lines(
    k: BinKind,
    dt: DType,
    init: Option<crate::array::Scalar>,
    src: *const u8,
    out: *mut u8,
    lines: &mut dyn Iterator<Item = (usize, usize)>,
    len: usize,
    stride: isize,
    fl: &mut FpFlags,
) -> bool {
    if k.is_bool_output() || dt.is_complex() || (init.is_none() && len == 0) {
        return false;
    }
    macro_rules! fold {
        ($t:ty) => {{
            let seed = init.map(<$t>::from_scalar);
            for_kind!(k, K => {
                for (s0, o) in lines {
                    // SAFETY: guaranteed by the caller.
                    unsafe {
                        let p = src.add(s0);
                        let (mut a, from) = match seed {
                            Some(v) => (v, 0),
                            None => ((p as *const $t).read_unaligned(), 1),
                        };
                        for i in from..len as isize {
                            let x = (p.offset(i * stride) as *const $t).read_unaligned();
                            a = <$t as Arith>::op(K, a, x, fl);
                        }
                        (out.add(o) as *mut $t).write_unaligned(a);
                    }
                }
            });
            true
        }};
    }
    match dt {
        DType::Bool => fold!(bool),
        DType::Int8 => fold!(i8),
        DType::Int16 => fold!(i16),
        DType::Int32 => fold!(i32),
        DType::Int64 => fold!(i64),
        DType::UInt8 => fold!(u8),
        DType::UInt16 => fold!(u16),
        DType::UInt32 => fold!(u32),
        DType::UInt64 => fold!(u64),
        DType::Float16 => fold!(f16),
        DType::Float32 => fold!(f32),
        DType::Float64 => fold!(f64),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::array::Order;

    fn run(k: BinKind, dt: DType, a: &[f64], b: &[f64]) -> (Vec<f64>, FpFlags) {
        let x = NdArray::from_slice(a)
            .unwrap()
            .astype(dt, crate::array::Casting::Unsafe)
            .unwrap();
        let y = NdArray::from_slice(b)
            .unwrap()
            .astype(dt, crate::array::Casting::Unsafe)
            .unwrap();
        let odt = if k.is_bool_output() { DType::Bool } else { dt };
        let out = NdArray::zeros(&[a.len()], odt, Order::C).unwrap();
        let fl = binary(k, &out, &x, &y);
        (out.iter_scalars().map(|s| s.to_f64()).collect(), fl)
    }

    #[test]
    fn integer_semantics() {
        let (r, fl) = run(
            BinKind::FloorDiv,
            DType::Int64,
            &[-7.0, 7.0, 1.0],
            &[2.0, -2.0, 0.0],
        );
        assert_eq!(r, [-4.0, -4.0, 0.0]);
        assert!(fl.divide);
        let (r, _) = run(BinKind::Mod, DType::Int8, &[-7.0, 7.0], &[3.0, -3.0]);
        assert_eq!(r, [2.0, -2.0]);
        let (r, _) = run(BinKind::Fmod, DType::Int32, &[-7.0, 7.0], &[3.0, -3.0]);
        assert_eq!(r, [-1.0, 1.0]);
        let (r, _) = run(
            BinKind::Gcd,
            DType::Int64,
            &[-12.0, 0.0, 7.0],
            &[18.0, 0.0, -21.0],
        );
        assert_eq!(r, [6.0, 0.0, 7.0]);
        let (r, _) = run(
            BinKind::Lcm,
            DType::Int64,
            &[-4.0, 0.0, 6.0],
            &[6.0, 5.0, -4.0],
        );
        assert_eq!(r, [12.0, 0.0, 12.0]);
        let (r, _) = run(BinKind::Add, DType::Int8, &[127.0], &[1.0]);
        assert_eq!(r, [-128.0]);
    }

    #[test]
    fn float_semantics() {
        let (r, fl) = run(
            BinKind::Div,
            DType::Float64,
            &[1.0, 0.0, 1.0],
            &[0.0, 0.0, 2.0],
        );
        assert_eq!(r[0], f64::INFINITY);
        assert!(r[1].is_nan() && fl.divide && fl.invalid);
        let (r, _) = run(
            BinKind::Fmax,
            DType::Float32,
            &[f64::NAN, 1.0],
            &[2.0, f64::NAN],
        );
        assert_eq!(r, [2.0, 1.0]);
        let (r, _) = run(BinKind::Max, DType::Float64, &[f64::NAN, 1.0], &[2.0, 3.0]);
        assert!(r[0].is_nan() && r[1] == 3.0);
        let (r, _) = run(
            BinKind::Heaviside,
            DType::Float64,
            &[-1.0, 0.0, 2.0],
            &[0.5, 0.5, 0.5],
        );
        assert_eq!(r, [0.0, 0.5, 1.0]);
        let (r, _) = run(BinKind::Logaddexp, DType::Float64, &[1.0], &[1.0]);
        assert_eq!(r, [1.0 + std::f64::consts::LN_2]);
        let (r, _) = run(
            BinKind::LogicalXor,
            DType::Float64,
            &[0.0, 1.0, 2.0],
            &[0.0, 0.0, 3.0],
        );
        assert_eq!(r, [0.0, 1.0, 0.0]);
        let (r, fl) = run(BinKind::Mul, DType::Float16, &[300.0], &[300.0]);
        assert!(r[0].is_infinite() && fl.overflow);
    }

    #[test]
    fn all_layouts_and_lengths() {
        for n in [0usize, 1, 7, 8, 9, 127, 128, 129, 1_000_003] {
            for dt in [
                DType::Float64,
                DType::Float32,
                DType::Int64,
                DType::Int16,
                DType::UInt8,
            ] {
                let a = NdArray::from_vec((0..2 * n).map(|i| (i % 100) as f64).collect(), &[2 * n])
                    .unwrap()
                    .astype(dt, crate::array::Casting::Unsafe)
                    .unwrap();
                // strided view a[::2] and reversed view a[::-2]
                let mut s = a.clone();
                s.shape[0] = n;
                s.strides[0] *= 2;
                let mut r = s.clone();
                if n > 0 {
                    r.offset = (2 * n - 2) * dt.itemsize();
                    r.strides[0] = -r.strides[0];
                }
                let mut c = a.clone();
                c.shape[0] = n;
                let mut bc = a.clone();
                bc.shape[0] = n;
                bc.strides[0] = 0; // broadcast of a[0]
                for (x, y) in [(&c, &s), (&s, &r), (&r, &bc), (&bc, &c)] {
                    for k in [BinKind::Add, BinKind::Mul, BinKind::Lt, BinKind::Max] {
                        let odt = if k.is_bool_output() { DType::Bool } else { dt };
                        let out = NdArray::zeros(&[n], odt, Order::C).unwrap();
                        binary(k, &out, x, y);
                        let xs: Vec<_> = x.iter_scalars().collect();
                        let ys: Vec<_> = y.iter_scalars().collect();
                        for (i, o) in out.iter_scalars().enumerate().step_by(997.min(n.max(1))) {
                            let mut fl = FpFlags::default();
                            let e = crate::with_dtype!(dt, T => {
                                let (u, v) = (T::from_scalar(xs[i]), T::from_scalar(ys[i]));
                                match k {
                                    BinKind::Lt => crate::array::Scalar::Bool(
                                        u.to_scalar().to_f64() < v.to_scalar().to_f64(),
                                    ),
                                    _ => reference(k, u, v, &mut fl),
                                }
                            });
                            assert_eq!(o, e, "{k:?} {dt:?} n={n} i={i}");
                        }
                    }
                }
            }
        }
    }

    fn reference<T: Element>(k: BinKind, u: T, v: T, fl: &mut FpFlags) -> crate::array::Scalar {
        let (a, b) = (u.to_scalar(), v.to_scalar());
        let _ = fl;
        match (a, b) {
            (crate::array::Scalar::F64(x), crate::array::Scalar::F64(y)) => {
                crate::array::Scalar::F64(f64::op(k, x, y, &mut FpFlags::default()))
            }
            (crate::array::Scalar::F32(x), crate::array::Scalar::F32(y)) => {
                crate::array::Scalar::F32(f32::op(k, x, y, &mut FpFlags::default()))
            }
            (crate::array::Scalar::I64(x), crate::array::Scalar::I64(y)) => {
                crate::array::Scalar::I64(i64::op(k, x, y, &mut FpFlags::default()))
            }
            (crate::array::Scalar::I16(x), crate::array::Scalar::I16(y)) => {
                crate::array::Scalar::I16(i16::op(k, x, y, &mut FpFlags::default()))
            }
            (crate::array::Scalar::U8(x), crate::array::Scalar::U8(y)) => {
                crate::array::Scalar::U8(u8::op(k, x, y, &mut FpFlags::default()))
            }
            _ => unreachable!(),
        }
    }
}
