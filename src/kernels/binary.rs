//! Binary elementwise loops (`a + b`, `a // b`, `a < b`, ...) for every dtype, with
//! NumPy's integer semantics (wrapping, division by zero giving 0) and float semantics
//! (`npy_divmod`, IEEE results plus the events that become RuntimeWarnings).

use super::{FpFlags, divmod_f32, divmod_f64};
use crate::array::iter::Runs;
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
}

impl BinKind {
    pub fn is_comparison(self) -> bool {
        matches!(
            self,
            BinKind::Eq | BinKind::Ne | BinKind::Lt | BinKind::Le | BinKind::Gt | BinKind::Ge
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
                        let q = a.wrapping_div(b);
                        #[allow(unused_comparisons)]
                        if (a % b != 0) && ((a < 0) != (b < 0)) { q.wrapping_sub(1) } else { q }
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
                    BinKind::Max => if a >= b { a } else { b },
                    BinKind::Min => if a <= b { a } else { b },
                    BinKind::Div | BinKind::Eq | BinKind::Ne | BinKind::Lt | BinKind::Le
                    | BinKind::Gt | BinKind::Ge => 0,
                }
            }
        }
    )*};
}
int_arith!(i8, i16, i32, i64, u8, u16, u32, u64);

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
                        }
                        return a / b;
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
                    BinKind::Pow => a.powf(b),
                    BinKind::Max => {
                        if a.is_nan() || b.is_nan() {
                            return <$t>::NAN;
                        }
                        if a >= b { a } else { b }
                    }
                    BinKind::Min => {
                        if a.is_nan() || b.is_nan() {
                            return <$t>::NAN;
                        }
                        if a <= b { a } else { b }
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
            BinKind::Add | BinKind::Or | BinKind::Max => a | b,
            BinKind::Mul | BinKind::And | BinKind::Min => a & b,
            BinKind::Xor => a ^ b,
            _ => false,
        }
    }
}

/// Complex division as NumPy does it (Smith's algorithm).
fn cdiv(a: Complex64, b: Complex64) -> Complex64 {
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

/// Lexicographic order of complex numbers, as NumPy's comparisons use.
fn ccmp(a: Complex64, b: Complex64) -> Option<std::cmp::Ordering> {
    match a.re.partial_cmp(&b.re)? {
        std::cmp::Ordering::Equal => a.im.partial_cmp(&b.im),
        o => Some(o),
    }
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
                a.powc(b)
            }
        }
        BinKind::Max => match ccmp(a, b) {
            Some(std::cmp::Ordering::Less) => b,
            Some(_) => a,
            None => Complex64::new(f64::NAN, f64::NAN),
        },
        BinKind::Min => match ccmp(a, b) {
            Some(std::cmp::Ordering::Greater) => b,
            Some(_) => a,
            None => Complex64::new(f64::NAN, f64::NAN),
        },
        _ => Complex64::new(0.0, 0.0),
    }
}

/// Runs `f` over three operands of one shape (`out` written, `a` and `b` read).
#[inline(always)]
fn zip3<A: Element, B: Element, O: Element>(
    out: &NdArray,
    a: &NdArray,
    b: &NdArray,
    mut f: impl FnMut(A, B) -> O,
) {
    debug_assert!(A::DTYPE == a.dtype && B::DTYPE == b.dtype && O::DTYPE == out.dtype);
    let runs = Runs::<3>::new(
        &out.shape,
        [&out.strides, &a.strides, &b.strides],
        [out.offset, a.offset, b.offset],
    );
    let n = runs.inner_len;
    let [so, sa, sb] = runs.inner_strides;
    let (po, pa, pb) = (out.storage.as_ptr(), a.storage.as_ptr(), b.storage.as_ptr());
    for [oo, ao, bo] in runs {
        // SAFETY: the runs stay inside each operand's view, which lies in its buffer.
        unsafe {
            let (mut o, mut x, mut y) =
                (po.add(oo), pa.add(ao) as *const u8, pb.add(bo) as *const u8);
            if so == O::SIZE && sa == A::SIZE && sb == B::SIZE {
                let (o, x, y) = (o as *mut O, x as *const A, y as *const B);
                for i in 0..n {
                    o.add(i)
                        .write_unaligned(f(x.add(i).read_unaligned(), y.add(i).read_unaligned()));
                }
                continue;
            }
            if so == O::SIZE && sa == A::SIZE && sb == 0 {
                let yv = (y as *const B).read_unaligned();
                let (o, x) = (o as *mut O, x as *const A);
                for i in 0..n {
                    o.add(i).write_unaligned(f(x.add(i).read_unaligned(), yv));
                }
                continue;
            }
            for _ in 0..n {
                (o as *mut O).write_unaligned(f(
                    (x as *const A).read_unaligned(),
                    (y as *const B).read_unaligned(),
                ));
                o = o.offset(so);
                x = x.offset(sa);
                y = y.offset(sb);
            }
        }
    }
}

/// Size in bytes of an element type, as a stride.
trait ElemSize {
    const SIZE: isize;
}

impl<T: Element> ElemSize for T {
    const SIZE: isize = std::mem::size_of::<T>() as isize;
}

fn arith<T: Arith>(k: BinKind, out: &NdArray, a: &NdArray, b: &NdArray) -> FpFlags {
    let mut fl = FpFlags::default();
    zip3::<T, T, T>(out, a, b, |x, y| T::op(k, x, y, &mut fl));
    fl
}

fn compare<T: Element + PartialOrd>(k: BinKind, out: &NdArray, a: &NdArray, b: &NdArray) {
    match k {
        BinKind::Eq => zip3::<T, T, bool>(out, a, b, |x, y| x == y),
        BinKind::Ne => zip3::<T, T, bool>(out, a, b, |x, y| x != y),
        BinKind::Lt => zip3::<T, T, bool>(out, a, b, |x, y| x < y),
        BinKind::Le => zip3::<T, T, bool>(out, a, b, |x, y| x <= y),
        BinKind::Gt => zip3::<T, T, bool>(out, a, b, |x, y| x > y),
        BinKind::Ge => zip3::<T, T, bool>(out, a, b, |x, y| x >= y),
        _ => {}
    }
}

fn compare_complex<T: Element + Into<Complex64>>(
    k: BinKind,
    out: &NdArray,
    a: &NdArray,
    b: &NdArray,
) {
    use std::cmp::Ordering::*;
    let test = move |x: T, y: T| -> bool {
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
    zip3::<T, T, bool>(out, a, b, test);
}

/// `out = a op b` elementwise. `a` and `b` are in the loop dtype and broadcast to
/// `out`'s shape; `out` has the loop dtype, or bool for comparisons.
pub fn binary(k: BinKind, out: &NdArray, a: &NdArray, b: &NdArray) -> FpFlags {
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
        DType::Complex64 => {
            zip3::<Complex32, Complex32, Complex32>(out, a, b, |x, y| {
                let r = cop(
                    k,
                    Complex64::new(x.re as f64, x.im as f64),
                    Complex64::new(y.re as f64, y.im as f64),
                );
                Complex32::new(r.re as f32, r.im as f32)
            });
            FpFlags::default()
        }
        DType::Complex128 => {
            zip3::<Complex64, Complex64, Complex64>(out, a, b, |x, y| cop(k, x, y));
            FpFlags::default()
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
