//! The Rust element type behind each dtype (`Element`) and `with_dtype!`, the one macro
//! that dispatches a dtype to code generic over its element type.

use half::f16;
use num_complex::{Complex32, Complex64};
use std::fmt::Debug;

use super::dtype::DType;
use super::scalar::Scalar;

/// A Rust type that is the storage of one dtype.
pub trait Element: Copy + Default + PartialEq + Debug + 'static {
    const DTYPE: DType;
    fn to_scalar(self) -> Scalar;
    /// The scalar cast (unsafe-ly, as `astype`) into this type.
    fn from_scalar(s: Scalar) -> Self;
}

macro_rules! element {
    ($t:ty, $dt:ident, $var:ident) => {
        impl Element for $t {
            const DTYPE: DType = DType::$dt;
            #[inline]
            fn to_scalar(self) -> Scalar {
                Scalar::$var(self)
            }
            #[inline]
            fn from_scalar(s: Scalar) -> Self {
                match s.cast(DType::$dt) {
                    Scalar::$var(v) => v,
                    _ => unreachable!("cast returns the requested dtype"),
                }
            }
        }
    };
}

element!(bool, Bool, Bool);
element!(i8, Int8, I8);
element!(i16, Int16, I16);
element!(i32, Int32, I32);
element!(i64, Int64, I64);
element!(u8, UInt8, U8);
element!(u16, UInt16, U16);
element!(u32, UInt32, U32);
element!(u64, UInt64, U64);
element!(f16, Float16, F16);
element!(f32, Float32, F32);
element!(f64, Float64, F64);
element!(Complex32, Complex64, C64);
element!(Complex64, Complex128, C128);

/// Runs `$body` with the type alias `$T` bound to the element type of `$dtype`:
/// `with_dtype!(a.dtype, T => a.to_vec::<T>().len())`.
#[macro_export]
macro_rules! with_dtype {
    ($dtype:expr, $T:ident => $body:expr) => {{
        use $crate::array::DType as __D;
        match $dtype {
            __D::Bool => {
                type $T = bool;
                $body
            }
            __D::Int8 => {
                type $T = i8;
                $body
            }
            __D::Int16 => {
                type $T = i16;
                $body
            }
            __D::Int32 => {
                type $T = i32;
                $body
            }
            __D::Int64 => {
                type $T = i64;
                $body
            }
            __D::UInt8 => {
                type $T = u8;
                $body
            }
            __D::UInt16 => {
                type $T = u16;
                $body
            }
            __D::UInt32 => {
                type $T = u32;
                $body
            }
            __D::UInt64 => {
                type $T = u64;
                $body
            }
            __D::Float16 => {
                type $T = ::half::f16;
                $body
            }
            __D::Float32 => {
                type $T = f32;
                $body
            }
            __D::Float64 => {
                type $T = f64;
                $body
            }
            __D::Complex64 => {
                type $T = ::num_complex::Complex32;
                $body
            }
            __D::Complex128 => {
                type $T = ::num_complex::Complex64;
                $body
            }
        }
    }};
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::array::dtype::ALL_DTYPES;

    fn size_of_element<T: Element>() -> (usize, DType) {
        (std::mem::size_of::<T>(), T::DTYPE)
    }

    #[test]
    fn every_dtype_has_its_element() {
        for d in ALL_DTYPES {
            let (size, dt) = with_dtype!(d, T => size_of_element::<T>());
            assert_eq!(dt, d);
            assert_eq!(size, d.itemsize());
            assert_eq!(std::mem::align_of::<f16>(), 2);
        }
        assert_eq!(f64::from_scalar(Scalar::I8(-3)), -3.0);
        assert_eq!(
            Complex64::from_scalar(Scalar::F32(1.5)),
            Complex64::new(1.5, 0.0)
        );
        assert_eq!(
            Complex32::default().to_scalar(),
            Scalar::C64(Complex32::new(0.0, 0.0))
        );
    }
}
