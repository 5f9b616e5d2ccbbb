//! Elementwise loops over strided arrays: one typed loop per (operation, dtype), a
//! contiguous fast path on slices and a strided fallback over the runs of a C-order walk.
//! Operands arrive already cast to the loop dtype and broadcast to the output shape.

pub mod binary;
pub mod loops;
pub mod math;
pub mod npyf32;
pub mod pairwise;
pub mod reduce;
pub mod simd;
pub mod unary;
pub mod vexp;

/// Floating-point events a loop saw, reported as NumPy's RuntimeWarnings.
#[derive(Default, Clone, Copy, Debug, PartialEq, Eq)]
pub struct FpFlags {
    pub divide: bool,
    pub overflow: bool,
    pub underflow: bool,
    pub invalid: bool,
}

impl FpFlags {
    pub fn any(&self) -> bool {
        self.divide || self.overflow || self.underflow || self.invalid
    }
    /// The events of either.
    #[inline]
    pub fn union(self, o: FpFlags) -> FpFlags {
        FpFlags {
            divide: self.divide | o.divide,
            overflow: self.overflow | o.overflow,
            underflow: self.underflow | o.underflow,
            invalid: self.invalid | o.invalid,
        }
    }
}

/// NumPy's `npy_divmod` for floats: floor division and the matching remainder with the
/// sign of the divisor, exact where `a - mod` is.
#[inline]
pub fn divmod_f64(a: f64, b: f64) -> (f64, f64) {
    let m = a % b;
    if b == 0.0 {
        return (a / b, m);
    }
    let mut div = (a - m) / b;
    let mut m = m;
    if m != 0.0 {
        if (b < 0.0) != (m < 0.0) {
            m += b;
            div -= 1.0;
        }
    } else {
        m = 0f64.copysign(b);
    }
    let floordiv = if div != 0.0 {
        let mut f = div.floor();
        if div - f > 0.5 {
            f += 1.0;
        }
        f
    } else {
        0f64.copysign(a / b)
    };
    (floordiv, m)
}

/// [`divmod_f64`] in single precision, as NumPy's float32 loop computes it.
#[inline]
pub fn divmod_f32(a: f32, b: f32) -> (f32, f32) {
    let m = a % b;
    if b == 0.0 {
        return (a / b, m);
    }
    let mut div = (a - m) / b;
    let mut m = m;
    if m != 0.0 {
        if (b < 0.0) != (m < 0.0) {
            m += b;
            div -= 1.0;
        }
    } else {
        m = 0f32.copysign(b);
    }
    let floordiv = if div != 0.0 {
        let mut f = div.floor();
        if div - f > 0.5 {
            f += 1.0;
        }
        f
    } else {
        0f32.copysign(a / b)
    };
    (floordiv, m)
}
