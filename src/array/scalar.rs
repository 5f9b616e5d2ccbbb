//! One typed value of any dtype, NumPy's exact element conversions (the C casts of NumPy
//! on x86-64), and the checked conversion of Python ints and floats into a dtype.

use half::f16;
use num_complex::{Complex32, Complex64};

use super::dtype::DType;
use super::{ArrayError, Result};

/// A value of one of the supported dtypes (a NumPy scalar, or one array element).
#[derive(Copy, Clone, PartialEq, Debug)]
pub enum Scalar {
    Bool(bool),
    I8(i8),
    I16(i16),
    I32(i32),
    I64(i64),
    U8(u8),
    U16(u16),
    U32(u32),
    U64(u64),
    F16(f16),
    F32(f32),
    F64(f64),
    C64(Complex32),
    C128(Complex64),
}

// ---- float → integer as NumPy's C loops do it on x86-64 ----------------------------------
//
// `cvttsd2si` truncates toward zero and yields the "integer indefinite" value (the minimum
// of the target width) for NaN and out-of-range inputs. int8/int16/uint8/uint16 go through
// a 32-bit conversion and wrap; uint32 goes through a 64-bit one; uint64 subtracts 2**63
// first when the value is at least 2**63. Checked against
// `np.array([300.0, -1.5, np.nan, 1e20, ...]).astype(t)` for every integer `t`.

const TWO63: f64 = 9_223_372_036_854_775_808.0;
const TWO31: f64 = 2_147_483_648.0;

/// `cvttsd2si` with a 64-bit destination.
#[inline]
pub fn cvtt64(x: f64) -> i64 {
    if (-TWO63..TWO63).contains(&x) {
        x as i64
    } else {
        i64::MIN
    }
}

/// `cvttsd2si` with a 32-bit destination.
#[inline]
pub fn cvtt32(x: f64) -> i32 {
    if x > -TWO31 - 1.0 && x < TWO31 {
        x as i32
    } else {
        i32::MIN
    }
}

#[inline]
pub fn f64_to_i8(x: f64) -> i8 {
    cvtt32(x) as i8
}
#[inline]
pub fn f64_to_i16(x: f64) -> i16 {
    cvtt32(x) as i16
}
#[inline]
pub fn f64_to_i32(x: f64) -> i32 {
    cvtt32(x)
}
#[inline]
pub fn f64_to_i64(x: f64) -> i64 {
    cvtt64(x)
}
#[inline]
pub fn f64_to_u8(x: f64) -> u8 {
    cvtt32(x) as u8
}
#[inline]
pub fn f64_to_u16(x: f64) -> u16 {
    cvtt32(x) as u16
}
/// The element-at-a-time conversion (NumPy's contiguous loop handles whole groups of four
/// elements differently: see [`f64_to_u32_simd`]).
#[inline]
pub fn f64_to_u32(x: f64) -> u32 {
    cvtt64(x) as u32
}
/// float → uint32 as NumPy's vectorised contiguous loop computes it, four elements at a
/// time: `x >= 2**31 ? cvtt32(x - 2**31) ^ 2**31 : cvtt32(x)`.
#[inline]
pub fn f64_to_u32_simd(x: f64) -> u32 {
    if x >= TWO31 {
        (cvtt32(x - TWO31) as u32) ^ 0x8000_0000
    } else {
        cvtt32(x) as u32
    }
}
#[inline]
pub fn f64_to_u64(x: f64) -> u64 {
    if x >= TWO63 {
        (cvtt64(x - TWO63) as u64) ^ (1u64 << 63)
    } else {
        cvtt64(x) as u64
    }
}

/// float64 → float16 rounded once, to nearest even (NumPy's `npy_double_to_half`; going
/// through float32 would round twice). NaNs keep their sign and top payload bits.
pub fn f64_to_f16(x: f64) -> f16 {
    let bits = x.to_bits();
    if x.is_nan() {
        let sign = ((bits >> 48) & 0x8000) as u16;
        let mut sig = 0x7c00 + ((bits & 0x000f_ffff_ffff_ffff) >> 42) as u16;
        if sig == 0x7c00 {
            sig += 1;
        }
        return f16::from_bits(sign | sig);
    }
    let a = x.abs();
    let rounded = if a >= 65520.0 {
        f64::INFINITY
    } else if a < 2f64.powi(-14) {
        // Subnormal range: multiples of 2**-24.
        (a * 2f64.powi(24)).round_ties_even() * 2f64.powi(-24)
    } else {
        // 11 significant bits: multiples of 2**(e-10) where 2**e <= a.
        let e = ((bits >> 52) & 0x7ff) as i32 - 1023;
        let q = 2f64.powi(e - 10);
        (a / q).round_ties_even() * q
    };
    // `rounded` is exactly representable, so this conversion is exact.
    f16::from_f64(rounded.copysign(x))
}

impl Scalar {
    pub fn dtype(&self) -> DType {
        match self {
            Scalar::Bool(_) => DType::Bool,
            Scalar::I8(_) => DType::Int8,
            Scalar::I16(_) => DType::Int16,
            Scalar::I32(_) => DType::Int32,
            Scalar::I64(_) => DType::Int64,
            Scalar::U8(_) => DType::UInt8,
            Scalar::U16(_) => DType::UInt16,
            Scalar::U32(_) => DType::UInt32,
            Scalar::U64(_) => DType::UInt64,
            Scalar::F16(_) => DType::Float16,
            Scalar::F32(_) => DType::Float32,
            Scalar::F64(_) => DType::Float64,
            Scalar::C64(_) => DType::Complex64,
            Scalar::C128(_) => DType::Complex128,
        }
    }

    /// Zero of a dtype (`False`, `0`, `0.0`, `0j`).
    pub fn zero(dtype: DType) -> Scalar {
        Scalar::Bool(false).cast(dtype)
    }
    /// One of a dtype (`True`, `1`, `1.0`, `1+0j`).
    pub fn one(dtype: DType) -> Scalar {
        Scalar::Bool(true).cast(dtype)
    }

    /// The integer value of bool/integer scalars; `None` for inexact ones.
    fn int_value(&self) -> Option<i128> {
        Some(match *self {
            Scalar::Bool(v) => v as i128,
            Scalar::I8(v) => v as i128,
            Scalar::I16(v) => v as i128,
            Scalar::I32(v) => v as i128,
            Scalar::I64(v) => v as i128,
            Scalar::U8(v) => v as i128,
            Scalar::U16(v) => v as i128,
            Scalar::U32(v) => v as i128,
            Scalar::U64(v) => v as i128,
            _ => return None,
        })
    }

    /// The value as (real, imaginary) f64 parts (exact for every float; integers round).
    pub fn to_c128(&self) -> Complex64 {
        match *self {
            Scalar::F16(v) => Complex64::new(v.to_f64(), 0.0),
            Scalar::F32(v) => Complex64::new(v as f64, 0.0),
            Scalar::F64(v) => Complex64::new(v, 0.0),
            Scalar::C64(v) => Complex64::new(v.re as f64, v.im as f64),
            Scalar::C128(v) => v,
            Scalar::U64(v) => Complex64::new(v as f64, 0.0),
            Scalar::I64(v) => Complex64::new(v as f64, 0.0),
            s => Complex64::new(s.int_value().unwrap_or(0) as f64, 0.0),
        }
    }

    /// The value as f64 (complex: the real part).
    pub fn to_f64(&self) -> f64 {
        self.to_c128().re
    }

    /// The exact integer value of bool/integer scalars and of finite floats (truncated
    /// toward zero, complex: real part); `None` for NaN, infinities and values beyond i128.
    pub fn to_i128(&self) -> Option<i128> {
        if let Some(v) = self.int_value() {
            return Some(v);
        }
        let x = self.to_f64().trunc();
        if x.is_finite() && x.abs() < 1.7e38 {
            Some(x as i128)
        } else {
            None
        }
    }

    /// Truthiness: nonzero (NaN is true; complex: either part nonzero).
    pub fn is_true(&self) -> bool {
        match *self {
            Scalar::Bool(v) => v,
            Scalar::C64(v) => v.re != 0.0 || v.im != 0.0,
            Scalar::C128(v) => v.re != 0.0 || v.im != 0.0,
            Scalar::F16(v) => v.to_f32() != 0.0,
            Scalar::F32(v) => v != 0.0,
            Scalar::F64(v) => v != 0.0,
            s => s.int_value() != Some(0),
        }
    }

    /// NumPy's unsafe element cast (`astype(to, casting='unsafe')`), bit for bit: float →
    /// int truncates (NaN/out of range as x86-64 gives them), int → int wraps, complex →
    /// real takes the real part, anything → bool is "nonzero".
    pub fn cast(self, to: DType) -> Scalar {
        if self.dtype() == to {
            return self;
        }
        if to == DType::Bool {
            return Scalar::Bool(self.is_true());
        }
        if let Some(v) = self.int_value() {
            return from_int(v, to);
        }
        // Inexact source.
        let c = self.to_c128();
        match to {
            DType::Float16 => Scalar::F16(match self {
                Scalar::F32(v) => f16::from_f32(v),
                Scalar::C64(v) => f16::from_f32(v.re),
                _ => f64_to_f16(c.re),
            }),
            DType::Float32 => Scalar::F32(c.re as f32),
            DType::Float64 => Scalar::F64(c.re),
            DType::Complex64 => Scalar::C64(Complex32::new(c.re as f32, c.im as f32)),
            DType::Complex128 => Scalar::C128(c),
            DType::Int8 => Scalar::I8(f64_to_i8(c.re)),
            DType::Int16 => Scalar::I16(f64_to_i16(c.re)),
            DType::Int32 => Scalar::I32(f64_to_i32(c.re)),
            DType::Int64 => Scalar::I64(f64_to_i64(c.re)),
            DType::UInt8 => Scalar::U8(f64_to_u8(c.re)),
            DType::UInt16 => Scalar::U16(f64_to_u16(c.re)),
            DType::UInt32 => Scalar::U32(f64_to_u32(c.re)),
            DType::UInt64 => Scalar::U64(f64_to_u64(c.re)),
            DType::Bool => unreachable!("handled above"),
        }
    }

    /// A Python `int` converted into `dtype` the way `np.array([v], dtype)` and
    /// `np.int8(v)` do: integer dtypes accept only values in range (`OverflowError: Python
    /// integer 256 out of bounds for uint8`); values outside int64 (uint64 also takes
    /// `[2**63, 2**64)`) give `OverflowError: Python int too large to convert to C long`.
    /// `None` stands for an int too big for i128.
    pub fn from_py_int(v: Option<i128>, dtype: DType) -> Result<Scalar> {
        if let Some(info) = dtype.iinfo() {
            let too_large = || ArrayError::overflow("Python int too large to convert to C long");
            let v = v.ok_or_else(too_large)?;
            let c_long = (i64::MIN as i128..=i64::MAX as i128).contains(&v);
            let u64_extra = dtype == DType::UInt64 && (0..=u64::MAX as i128).contains(&v);
            if !c_long && !u64_extra {
                return Err(too_large());
            }
            if v < info.min || v > info.max {
                return Err(ArrayError::overflow(format!(
                    "Python integer {v} out of bounds for {}",
                    dtype.name()
                )));
            }
            return Ok(from_int(v, dtype));
        }
        match v {
            Some(v) => Ok(from_int(v, dtype)),
            None if dtype == DType::Bool => Ok(Scalar::Bool(true)),
            None => Err(ArrayError::overflow("int too large to convert to float")),
        }
    }

    /// A Python `float` converted into `dtype` as `np.array([x], dtype)` does: integer
    /// dtypes go through Python's `int(x)` (`ValueError: cannot convert float NaN to
    /// integer`, `OverflowError: cannot convert float infinity to integer`, then the range
    /// checks of [`Scalar::from_py_int`]); other dtypes cast.
    pub fn from_py_float(x: f64, dtype: DType) -> Result<Scalar> {
        if dtype.is_integer() {
            if x.is_nan() {
                return Err(ArrayError::value("cannot convert float NaN to integer"));
            }
            if x.is_infinite() {
                return Err(ArrayError::overflow(
                    "cannot convert float infinity to integer",
                ));
            }
            return Scalar::from_py_int(Scalar::F64(x).to_i128(), dtype);
        }
        Ok(Scalar::F64(x).cast(dtype))
    }

    /// A Python `complex` converted into `dtype` (`np.array([1+2j], np.float64)` is a
    /// TypeError, as Python's `float()`/`int()` of a complex).
    pub fn from_py_complex(re: f64, im: f64, dtype: DType) -> Result<Scalar> {
        if dtype.is_integer() {
            return Err(ArrayError::type_(
                "int() argument must be a string, a bytes-like object or a real number, not 'complex'",
            ));
        }
        if dtype.is_float() {
            return Err(ArrayError::type_(
                "float() argument must be a string or a real number, not 'complex'",
            ));
        }
        Ok(Scalar::C128(Complex64::new(re, im)).cast(dtype))
    }

    /// A NumPy scalar stored into an array element of `dtype` from nested data
    /// (`np.array([np.float64(300)], np.int8)`): integer targets go through Python `int()`
    /// with its range checks, exactly as a Python float or int would.
    pub fn coerce_strong(self, dtype: DType) -> Result<Scalar> {
        if !dtype.is_integer() || self.dtype() == dtype {
            return Ok(self.cast(dtype));
        }
        match self.int_value() {
            Some(v) => Scalar::from_py_int(Some(v), dtype),
            None => Scalar::from_py_float(self.to_f64(), dtype),
        }
    }
}

/// An exact integer (bool or any integer dtype's value) cast into `to`: wrapping for
/// integer targets, correctly rounded for float ones.
fn from_int(v: i128, to: DType) -> Scalar {
    match to {
        DType::Bool => Scalar::Bool(v != 0),
        DType::Int8 => Scalar::I8(v as i8),
        DType::Int16 => Scalar::I16(v as i16),
        DType::Int32 => Scalar::I32(v as i32),
        DType::Int64 => Scalar::I64(v as i64),
        DType::UInt8 => Scalar::U8(v as u8),
        DType::UInt16 => Scalar::U16(v as u16),
        DType::UInt32 => Scalar::U32(v as u32),
        DType::UInt64 => Scalar::U64(v as u64),
        DType::Float16 => Scalar::F16(f64_to_f16(v as f64)),
        DType::Float32 => Scalar::F32(v as f32),
        DType::Float64 => Scalar::F64(v as f64),
        DType::Complex64 => Scalar::C64(Complex32::new(v as f32, 0.0)),
        DType::Complex128 => Scalar::C128(Complex64::new(v as f64, 0.0)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::array::dtype::ALL_DTYPES;

    const VALS: [f64; 16] = [
        300.0,
        -1.5,
        f64::NAN,
        1e20,
        -1e20,
        f64::INFINITY,
        f64::NEG_INFINITY,
        9223372036854775808.0,
        18446744073709551616.0,
        -129.0,
        255.9,
        256.0,
        -0.9,
        65543.0,
        2147483648.0,
        4294967301.0,
    ];

    fn ints(to: DType, vals: &[f64]) -> Vec<i128> {
        vals.iter()
            .map(|&x| Scalar::F64(x).cast(to).to_i128().unwrap())
            .collect()
    }

    #[test]
    fn float_to_int_casts() {
        // np.array([300.0, -1.5, nan, 1e20, -1e20, inf, -inf, 2.**63, 2.**64, -129.0, 255.9,
        //           256.0, -0.9, 65543.0, 2.**31, 2.**32+5]).astype(t).tolist()
        let m64 = -9223372036854775808i128;
        let m32 = -2147483648i128;
        assert_eq!(
            ints(DType::Int8, &VALS),
            [44, -1, 0, 0, 0, 0, 0, 0, 0, 127, -1, 0, 0, 7, 0, 0]
        );
        assert_eq!(
            ints(DType::Int16, &VALS),
            [300, -1, 0, 0, 0, 0, 0, 0, 0, -129, 255, 256, 0, 7, 0, 0]
        );
        assert_eq!(
            ints(DType::Int32, &VALS),
            [
                300, -1, m32, m32, m32, m32, m32, m32, m32, -129, 255, 256, 0, 65543, m32, m32
            ]
        );
        assert_eq!(
            ints(DType::Int64, &VALS),
            [
                300, -1, m64, m64, m64, m64, m64, m64, m64, -129, 255, 256, 0, 65543, 2147483648,
                4294967301
            ]
        );
        assert_eq!(
            ints(DType::UInt8, &VALS),
            [44, 255, 0, 0, 0, 0, 0, 0, 0, 127, 255, 0, 0, 7, 0, 0]
        );
        assert_eq!(
            ints(DType::UInt16, &VALS),
            [300, 65535, 0, 0, 0, 0, 0, 0, 0, 65407, 255, 256, 0, 7, 0, 0]
        );
        // element-at-a-time path: np.repeat(vals, 2)[::2].astype(np.uint32)
        assert_eq!(
            ints(DType::UInt32, &VALS),
            [
                300, 4294967295, 0, 0, 0, 0, 0, 0, 0, 4294967167, 255, 256, 0, 65543, 2147483648, 5
            ]
        );
        let t63 = 9223372036854775808i128;
        assert_eq!(
            ints(DType::UInt64, &VALS),
            [
                300,
                18446744073709551615,
                t63,
                0,
                t63,
                0,
                t63,
                t63,
                0,
                18446744073709551487,
                255,
                256,
                0,
                65543,
                2147483648,
                4294967301
            ]
        );
        // contiguous loop: np.array(vals).astype(np.uint32) (16 values, four groups of four)
        let simd: Vec<u32> = VALS.iter().map(|&x| f64_to_u32_simd(x)).collect();
        assert_eq!(
            simd,
            [
                300, 4294967295, 2147483648, 0, 2147483648, 0, 2147483648, 0, 0, 4294967167, 255,
                256, 0, 65543, 2147483648, 0
            ]
        );
        // float32 source: np.array(vals, np.float32).astype(np.uint64)[-1] == 4294967296
        assert_eq!(
            Scalar::F32(4294967301.0).cast(DType::UInt64),
            Scalar::U64(4294967296)
        );
        // float16 source: np.array([65543.0], np.float16) is inf; .astype(np.int64) -> min
        let h = Scalar::F64(65543.0).cast(DType::Float16);
        assert_eq!(h.to_f64(), f64::INFINITY);
        assert_eq!(h.cast(DType::Int64), Scalar::I64(i64::MIN));
        assert_eq!(h.cast(DType::UInt64), Scalar::U64(0));
        assert_eq!(h.cast(DType::Int8), Scalar::I8(0));
        // np.array([3.7], np.float16).astype(np.int16) -> 3
        assert_eq!(
            Scalar::F64(3.7).cast(DType::Float16).cast(DType::Int16),
            Scalar::I16(3)
        );
    }

    #[test]
    fn other_casts() {
        // np.array([300+2j]).astype(np.int8) -> 44; np.array([nan+0j]).astype(np.int64) -> min
        assert_eq!(
            Scalar::C128(Complex64::new(300.0, 2.0)).cast(DType::Int8),
            Scalar::I8(44)
        );
        assert_eq!(
            Scalar::C128(Complex64::new(f64::NAN, 0.0)).cast(DType::Int64),
            Scalar::I64(i64::MIN)
        );
        assert_eq!(
            Scalar::C128(Complex64::new(1.0, 2.0)).cast(DType::Float32),
            Scalar::F32(1.0)
        );
        // np.array([1j]).astype(np.bool_) -> True; 0j -> False; nan -> True; -0.0 -> False
        assert_eq!(
            Scalar::C128(Complex64::new(0.0, 1.0)).cast(DType::Bool),
            Scalar::Bool(true)
        );
        assert_eq!(
            Scalar::C64(Complex32::new(0.0, 0.0)).cast(DType::Bool),
            Scalar::Bool(false)
        );
        assert_eq!(Scalar::F64(f64::NAN).cast(DType::Bool), Scalar::Bool(true));
        assert_eq!(Scalar::F64(-0.0).cast(DType::Bool), Scalar::Bool(false));
        // np.array([300]).astype(np.uint8) -> 44; np.array([-1]).astype(np.uint64) -> 2**64-1
        assert_eq!(Scalar::I64(300).cast(DType::UInt8), Scalar::U8(44));
        assert_eq!(Scalar::I64(-1).cast(DType::UInt64), Scalar::U64(u64::MAX));
        assert_eq!(Scalar::U64(u64::MAX).cast(DType::Int64), Scalar::I64(-1));
        // np.array([2049, 2051, 65519, 65520, -65520, 2**40]).astype(np.float16).tolist()
        let h: Vec<f64> = [2049i64, 2051, 65519, 65520, -65520, 1 << 40]
            .iter()
            .map(|&v| Scalar::I64(v).cast(DType::Float16).to_f64())
            .collect();
        assert_eq!(
            h,
            [
                2048.0,
                2052.0,
                65504.0,
                f64::INFINITY,
                f64::NEG_INFINITY,
                f64::INFINITY
            ]
        );
        // np.array([1+2**-11+2**-40]).astype(np.float16) -> 1.0009765625 (no double rounding)
        let x = 1.0 + 2f64.powi(-11) + 2f64.powi(-40);
        assert_eq!(Scalar::F64(x).cast(DType::Float16).to_f64(), 1.0009765625);
        // ... but through float32 it is 1.0
        assert_eq!(
            Scalar::F64(x)
                .cast(DType::Float32)
                .cast(DType::Float16)
                .to_f64(),
            1.0
        );
        // np.array([1e-8, 6e-8, 3e-8, 2.9802322387695312e-08]).astype(np.float16).tolist()
        let h: Vec<f64> = [1e-8, 6e-8, 3e-8, 2.9802322387695312e-08]
            .iter()
            .map(|&v| Scalar::F64(v).cast(DType::Float16).to_f64())
            .collect();
        assert_eq!(h, [0.0, 5.960464477539063e-08, 5.960464477539063e-08, 0.0]);
        // np.array([2**64-1, 2**63+1], np.uint64).astype(np.float32).tolist()
        assert_eq!(
            Scalar::U64(u64::MAX).cast(DType::Float32).to_f64(),
            1.8446744073709552e+19
        );
        assert_eq!(
            Scalar::U64((1 << 63) + 1).cast(DType::Float32).to_f64(),
            9.223372036854776e+18
        );
        // np.array([2**24+1, 16777219]).astype(np.float32).tolist() -> [16777216.0, 16777220.0]
        assert_eq!(
            Scalar::I64(16777217).cast(DType::Float32),
            Scalar::F32(16777216.0)
        );
        assert_eq!(
            Scalar::I64(16777219).cast(DType::Float32),
            Scalar::F32(16777220.0)
        );
        // np.array([True, False]).astype(np.complex64).tolist() -> [(1+0j), 0j]
        assert_eq!(
            Scalar::Bool(true).cast(DType::Complex64),
            Scalar::C64(Complex32::new(1.0, 0.0))
        );
        for d in ALL_DTYPES {
            assert_eq!(Scalar::zero(d).dtype(), d);
            assert!(!Scalar::zero(d).is_true());
            assert!(Scalar::one(d).is_true());
            assert_eq!(Scalar::one(d).cast(DType::Int64), Scalar::I64(1));
        }
    }

    #[test]
    fn float16_rounding() {
        // np.array(vals).astype(np.float16).view(np.uint16)
        let cases: [(f64, u16); 36] = [
            (34.558419206478604, 0x5052),
            (82.16181435011583, 0x5523),
            (33.043707618338715, 0x5021),
            (-130.31572316043608, 0xd813),
            (90.53558666731178, 0x55a9),
            (44.637457236401126, 0x5194),
            (-53.69532353602852, 0xd2b6),
            (58.11181041963531, 0x5344),
            (36.457239618607574, 0x508f),
            (29.4132496655526, 0x4f5a),
            (2.842224131579679e-07, 0x0005),
            (5.46712986612447e-06, 0x005c),
            (-7.36454087001667e-06, 0x807c),
            (-1.6290994799305279e-06, 0x801b),
            (-4.821193126799783e-06, 0x8051),
            (5.988462126346276e-06, 0x0064),
            (65504.0, 0x7bff),
            (65519.99, 0x7bff),
            (65520.0, 0x7c00),
            (-65520.0, 0xfc00),
            (1.00048828125, 0x3c00),
            (1.00146484375, 0x3c02),
            (1.0004882812509095, 0x3c01),
            (2.9802322387695312e-08, 0x0000),
            (2.9802322388562674e-08, 0x0001),
            (4.470348358154297e-08, 0x0001),
            (5.960464477539063e-08, 0x0001),
            (1e-300, 0x0000),
            (-0.0, 0x8000),
            (f64::INFINITY, 0x7c00),
            (f64::NEG_INFINITY, 0xfc00),
            (6.1e-05, 0x03ff),
            (6.1034224927425385e-05, 0x0400),
            (2049.0, 0x6800),
            (0.1, 0x2e66),
            (0.3333333333333333, 0x3555),
        ];
        for (x, bits) in cases {
            assert_eq!(f64_to_f16(x).to_bits(), bits, "{x}");
        }
        // NaN payloads: 0x7ff8000000000000, 0xfff8000000000001, 0x7ff0000000000001, 0x7ff4000000000000
        let nans = [
            (0x7ff8000000000000u64, 0x7e00u16),
            (0xfff8000000000001, 0xfe00),
            (0x7ff0000000000001, 0x7c01),
            (0x7ff4000000000000, 0x7d00),
        ];
        for (b, h) in nans {
            assert_eq!(f64_to_f16(f64::from_bits(b)).to_bits(), h);
        }
    }

    #[test]
    fn python_int_conversion() {
        let err = |r: Result<Scalar>| r.unwrap_err().msg;
        // np.array([256], np.uint8)
        assert_eq!(
            err(Scalar::from_py_int(Some(256), DType::UInt8)),
            "Python integer 256 out of bounds for uint8"
        );
        // np.array([-1], np.uint64)
        assert_eq!(
            err(Scalar::from_py_int(Some(-1), DType::UInt64)),
            "Python integer -1 out of bounds for uint64"
        );
        // np.array([2**64], np.uint8), np.array([2**63], np.int64), np.array([2**64], np.uint64)
        let big = "Python int too large to convert to C long";
        assert_eq!(err(Scalar::from_py_int(Some(1 << 64), DType::UInt8)), big);
        assert_eq!(err(Scalar::from_py_int(Some(1 << 63), DType::Int64)), big);
        assert_eq!(err(Scalar::from_py_int(Some(1 << 64), DType::UInt64)), big);
        assert_eq!(
            err(Scalar::from_py_int(Some(-(1 << 63) - 1), DType::UInt64)),
            big
        );
        assert_eq!(err(Scalar::from_py_int(None, DType::Int8)), big);
        assert_eq!(
            Scalar::from_py_int(Some(1 << 63), DType::UInt64),
            Ok(Scalar::U64(1 << 63))
        );
        assert_eq!(
            Scalar::from_py_int(Some(-(1 << 63)), DType::Int64),
            Ok(Scalar::I64(i64::MIN))
        );
        // np.array([2**100], np.bool_) -> True; np.array([2**70], np.float16) -> inf
        assert_eq!(
            Scalar::from_py_int(None, DType::Bool),
            Ok(Scalar::Bool(true))
        );
        assert_eq!(
            Scalar::from_py_int(Some(1 << 70), DType::Float16)
                .unwrap()
                .to_f64(),
            f64::INFINITY
        );
        // np.array([300.5], np.int8), np.array([nan], np.int8), np.array([inf], np.int64)
        assert_eq!(
            err(Scalar::from_py_float(300.5, DType::Int8)),
            "Python integer 300 out of bounds for int8"
        );
        assert_eq!(
            err(Scalar::from_py_float(f64::NAN, DType::Int8)),
            "cannot convert float NaN to integer"
        );
        assert_eq!(
            err(Scalar::from_py_float(f64::INFINITY, DType::Int64)),
            "cannot convert float infinity to integer"
        );
        assert_eq!(err(Scalar::from_py_float(1e20, DType::Int64)), big);
        // np.array([-0.5], np.uint8) -> 0; np.array([-1.5], np.uint8) -> OverflowError
        assert_eq!(Scalar::from_py_float(-0.5, DType::UInt8), Ok(Scalar::U8(0)));
        assert_eq!(
            err(Scalar::from_py_float(-1.5, DType::UInt8)),
            "Python integer -1 out of bounds for uint8"
        );
        // np.array([np.float32(1e10)], np.int32)
        assert_eq!(
            err(Scalar::F32(1e10).coerce_strong(DType::Int32)),
            "Python integer 10000000000 out of bounds for int32"
        );
        // np.array([np.uint64(2**64-1)], np.int8); np.array([np.complex128(300+2j)], np.int8)
        assert_eq!(err(Scalar::U64(u64::MAX).coerce_strong(DType::Int8)), big);
        assert_eq!(
            err(Scalar::C128(Complex64::new(300.0, 2.0)).coerce_strong(DType::Int8)),
            "Python integer 300 out of bounds for int8"
        );
        // np.array([1+2j], np.float64) / np.int64
        assert_eq!(
            err(Scalar::from_py_complex(1.0, 2.0, DType::Float64)),
            "float() argument must be a string or a real number, not 'complex'"
        );
        assert_eq!(
            err(Scalar::from_py_complex(1.0, 2.0, DType::Int64)),
            "int() argument must be a string, a bytes-like object or a real number, not 'complex'"
        );
    }
}
