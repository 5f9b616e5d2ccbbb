//! Unary elementwise loops (`-a`, `abs(a)`, `~a`) with NumPy's integer wrapping.

use crate::array::iter::Runs;
use crate::array::{DType, Element, NdArray};
use half::f16;
use num_complex::{Complex32, Complex64};

#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum UnKind {
    Neg,
    Abs,
    Invert,
}

impl UnKind {
    pub fn ufunc_name(self) -> &'static str {
        match self {
            UnKind::Neg => "negative",
            UnKind::Abs => "absolute",
            UnKind::Invert => "invert",
        }
    }
}

fn zip2<A: Element, O: Element>(out: &NdArray, a: &NdArray, mut f: impl FnMut(A) -> O) {
    let runs = Runs::<2>::new(
        &out.shape,
        [&out.strides, &a.strides],
        [out.offset, a.offset],
    );
    let n = runs.inner_len;
    let [so, sa] = runs.inner_strides;
    let (po, pa) = (out.storage.as_ptr(), a.storage.as_ptr());
    for [oo, ao] in runs {
        // SAFETY: the runs stay inside each operand's view, which lies in its buffer.
        unsafe {
            let (mut o, mut x) = (po.add(oo), pa.add(ao) as *const u8);
            for _ in 0..n {
                (o as *mut O).write_unaligned(f((x as *const A).read_unaligned()));
                o = o.offset(so);
                x = x.offset(sa);
            }
        }
    }
}

macro_rules! int_unary {
    ($k:expr, $out:expr, $a:expr, $t:ty, signed) => {
        match $k {
            UnKind::Neg => zip2::<$t, $t>($out, $a, |x| x.wrapping_neg()),
            UnKind::Abs => zip2::<$t, $t>($out, $a, |x| x.wrapping_abs()),
            UnKind::Invert => zip2::<$t, $t>($out, $a, |x| !x),
        }
    };
    ($k:expr, $out:expr, $a:expr, $t:ty, unsigned) => {
        match $k {
            UnKind::Neg => zip2::<$t, $t>($out, $a, |x| x.wrapping_neg()),
            UnKind::Abs => zip2::<$t, $t>($out, $a, |x| x),
            UnKind::Invert => zip2::<$t, $t>($out, $a, |x| !x),
        }
    };
}

/// `out = op(a)`; `a` and `out` share the dtype (`abs` of complex writes the real dtype).
pub fn unary(k: UnKind, out: &NdArray, a: &NdArray) {
    match a.dtype {
        DType::Bool => match k {
            UnKind::Invert => zip2::<bool, bool>(out, a, |x| !x),
            _ => zip2::<bool, bool>(out, a, |x| x),
        },
        DType::Int8 => int_unary!(k, out, a, i8, signed),
        DType::Int16 => int_unary!(k, out, a, i16, signed),
        DType::Int32 => int_unary!(k, out, a, i32, signed),
        DType::Int64 => int_unary!(k, out, a, i64, signed),
        DType::UInt8 => int_unary!(k, out, a, u8, unsigned),
        DType::UInt16 => int_unary!(k, out, a, u16, unsigned),
        DType::UInt32 => int_unary!(k, out, a, u32, unsigned),
        DType::UInt64 => int_unary!(k, out, a, u64, unsigned),
        DType::Float16 => match k {
            UnKind::Abs => zip2::<f16, f16>(out, a, |x| f16::from_bits(x.to_bits() & 0x7fff)),
            _ => zip2::<f16, f16>(out, a, |x| -x),
        },
        DType::Float32 => match k {
            UnKind::Abs => zip2::<f32, f32>(out, a, f32::abs),
            _ => zip2::<f32, f32>(out, a, |x| -x),
        },
        DType::Float64 => match k {
            UnKind::Abs => zip2::<f64, f64>(out, a, f64::abs),
            _ => zip2::<f64, f64>(out, a, |x| -x),
        },
        DType::Complex64 => match k {
            UnKind::Abs => zip2::<Complex32, f32>(out, a, |x| {
                Complex64::new(x.re as f64, x.im as f64).norm() as f32
            }),
            _ => zip2::<Complex32, Complex32>(out, a, |x| -x),
        },
        DType::Complex128 => match k {
            UnKind::Abs => zip2::<Complex64, f64>(out, a, |x| x.re.hypot(x.im)),
            _ => zip2::<Complex64, Complex64>(out, a, |x| -x),
        },
    }
}
