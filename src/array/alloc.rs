//! Size checks before every allocation: negative and overflowing shapes, and NumPy's
//! `MemoryError: Unable to allocate 7.28 TiB for an array with shape (...) and data type ...`.

use std::rc::Rc;

use super::dtype::DType;
use super::storage::Storage;
use super::{ArrayError, ErrKind, Result, shape_repr};

/// Requests of this many bytes or more are refused up front with the MemoryError (the machine
/// has far less memory; a lazy overcommitted allocation would only fail later, fatally).
pub const MAX_ALLOC_BYTES: u128 = 1 << 40;

/// A shape given as Python ints, checked the way NumPy's array constructor checks it:
/// `ValueError: negative dimensions are not allowed`, and `ValueError: array is too big;
/// ...` when the byte size of the non-zero dimensions does not fit in an `intp`.
pub fn check_dims(dims: &[i64], dtype: DType) -> Result<Vec<usize>> {
    let mut nbytes: i64 = dtype.itemsize() as i64;
    for &d in dims {
        if d == 0 {
            continue;
        }
        if d < 0 {
            return Err(ArrayError::value("negative dimensions are not allowed"));
        }
        nbytes = nbytes.checked_mul(d).ok_or_else(too_big)?;
    }
    Ok(dims.iter().map(|&d| d as usize).collect())
}

/// The same overflow check on an unsigned shape; returns the byte size.
pub fn checked_nbytes(shape: &[usize], dtype: DType) -> Result<usize> {
    let mut nbytes: i64 = dtype.itemsize() as i64;
    let mut empty = false;
    for &d in shape {
        if d == 0 {
            empty = true;
            continue;
        }
        let d = i64::try_from(d).map_err(|_| too_big())?;
        nbytes = nbytes.checked_mul(d).ok_or_else(too_big)?;
    }
    Ok(if empty { 0 } else { nbytes as usize })
}

fn too_big() -> ArrayError {
    ArrayError::value(
        "array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum possible size.",
    )
}

/// Element count of a shape (product; 1 for `()`), saturating.
pub fn shape_size(shape: &[usize]) -> usize {
    shape.iter().fold(1usize, |a, &d| a.saturating_mul(d))
}

/// A zeroed buffer for an array of `shape` and `dtype`, or the error NumPy raises.
pub fn alloc_for(shape: &[usize], dtype: DType) -> Result<Rc<Storage>> {
    alloc_buffer(shape, dtype, true)
}

/// An uninitialised buffer for an array of `shape` and `dtype` that the caller overwrites
/// completely before it is read (see [`Storage::uninit`]), or the error NumPy raises.
pub fn alloc_uninit_for(shape: &[usize], dtype: DType) -> Result<Rc<Storage>> {
    alloc_buffer(shape, dtype, false)
}

fn alloc_buffer(shape: &[usize], dtype: DType, zero: bool) -> Result<Rc<Storage>> {
    let nbytes = checked_nbytes(shape, dtype)?;
    if nbytes as u128 >= MAX_ALLOC_BYTES {
        return Err(memory_error(shape, dtype));
    }
    if let Some(rc) = Storage::small_rc(nbytes, zero) {
        return Ok(rc);
    }
    let buf = if zero {
        Storage::zeroed(nbytes)
    } else {
        Storage::uninit(nbytes)
    };
    buf.map(Rc::new).ok_or_else(|| memory_error(shape, dtype))
}

/// `MemoryError: Unable to allocate 7.28 TiB for an array with shape (1000000, 1000000)
/// and data type float64`.
pub fn memory_error(shape: &[usize], dtype: DType) -> ArrayError {
    let total = shape.iter().fold(dtype.itemsize() as u128, |a, &d| {
        a.saturating_mul(d as u128)
    });
    ArrayError::new(
        ErrKind::MemoryError,
        format!(
            "Unable to allocate {} for an array with shape {} and data type {}",
            size_to_string(total),
            shape_repr(shape),
            dtype.name()
        ),
    )
}

/// NumPy's `_ArrayMemoryError._size_to_string`: binary units, three significant figures.
pub fn size_to_string(num_bytes: u128) -> String {
    const UNITS: [&str; 7] = ["bytes", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"];
    let bit_length = 128 - num_bytes.leading_zeros() as i64;
    let mut unit_i = ((bit_length - 1).max(1) / 10) as usize;
    let mut n_units = num_bytes as f64 / (1u128 << (unit_i * 10)) as f64;
    if py_round(n_units) == 1024.0 {
        unit_i += 1;
        n_units /= 1024.0;
    }
    if unit_i >= UNITS.len() {
        let new_i = UNITS.len() - 1;
        n_units *= (1u128 << ((unit_i - new_i) * 10)) as f64;
        unit_i = new_i;
    }
    let unit = UNITS[unit_i];
    if unit_i == 0 {
        format!("{n_units:.0} {unit}")
    } else if py_round(n_units) < 1000.0 {
        format!("{} {unit}", format_alt_g3(n_units))
    } else {
        format!("{n_units:.0}. {unit}")
    }
}

/// Python's `round(x)` (ties to even).
fn py_round(x: f64) -> f64 {
    x.round_ties_even()
}

/// Python's `f'{x:#.3g}'` for `1 <= x < 999.5`: three significant digits, trailing zeros
/// and the decimal point kept.
fn format_alt_g3(x: f64) -> String {
    let sci = format!("{x:.2e}"); // "d.dde±x", correctly rounded
    let exp: i32 = sci
        .split('e')
        .nth(1)
        .and_then(|e| e.parse().ok())
        .unwrap_or(0);
    let decimals = (2 - exp).max(0) as usize;
    let s = format!("{x:.decimals$}");
    if decimals == 0 { format!("{s}.") } else { s }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn size_strings() {
        // np._core._exceptions._ArrayMemoryError._size_to_string(n)
        let cases: [(u128, &str); 16] = [
            (0, "0 bytes"),
            (1, "1 bytes"),
            (1023, "1023 bytes"),
            (1024, "1.00 KiB"),
            (1536, "1.50 KiB"),
            (10 * 1024 + 256, "10.2 KiB"),
            (1023 * 1024, "1023. KiB"),
            (1024 * 1024 - 1, "1.00 MiB"),
            (8_000_000, "7.63 MiB"),
            (123_456_789_012, "115. GiB"),
            (8_000_000_000_000, "7.28 TiB"),
            (1 << 40, "1.00 TiB"),
            (1 << 53, "8.00 PiB"),
            (1 << 60, "1.00 EiB"),
            ((1 << 63) - 1, "8.00 EiB"),
            (1 << 80, "1048576. EiB"),
        ];
        for (n, s) in cases {
            assert_eq!(size_to_string(n), s, "{n}");
        }
        assert_eq!(size_to_string(999 * 1024 + 1000), "1000. KiB");
        assert_eq!(size_to_string(9 * 1024 + 1018), "9.99 KiB");
        assert_eq!(size_to_string(9 * 1024 + 1019), "10.0 KiB");
        assert_eq!(size_to_string(9 * 1024 + 1020), "10.0 KiB");
    }

    #[test]
    fn memory_errors() {
        // np.zeros((1000000,1000000))
        let e = alloc_for(&[1000000, 1000000], DType::Float64).unwrap_err();
        assert_eq!(e.kind, ErrKind::MemoryError);
        assert_eq!(
            e.msg,
            "Unable to allocate 7.28 TiB for an array with shape (1000000, 1000000) and data type float64"
        );
        // np.zeros(2**40, np.int8) is refused; np.zeros(int(1.5*2**40), np.int8)
        assert_eq!(
            alloc_for(&[1 << 40], DType::Int8).unwrap_err().msg,
            "Unable to allocate 1.00 TiB for an array with shape (1099511627776,) and data type int8"
        );
        assert_eq!(
            alloc_for(&[1649267441664], DType::Int8).unwrap_err().msg,
            "Unable to allocate 1.50 TiB for an array with shape (1649267441664,) and data type int8"
        );
        // np.zeros(2**50)
        assert_eq!(
            alloc_for(&[1 << 50], DType::Float64).unwrap_err().msg,
            "Unable to allocate 8.00 PiB for an array with shape (1125899906842624,) and data type float64"
        );
        // np.zeros(1023*2**40, np.int8)
        assert_eq!(
            alloc_for(&[1023 << 40], DType::Int8).unwrap_err().msg,
            "Unable to allocate 1023. TiB for an array with shape (1124800395214848,) and data type int8"
        );
        // np.empty(2**63-1, np.int8)
        assert_eq!(
            alloc_for(&[(1 << 63) - 1], DType::Int8).unwrap_err().msg,
            "Unable to allocate 8.00 EiB for an array with shape (9223372036854775807,) and data type int8"
        );
        // np.zeros(5*10**12, np.int8)
        assert_eq!(
            alloc_for(&[5_000_000_000_000], DType::Int8)
                .unwrap_err()
                .msg,
            "Unable to allocate 4.55 TiB for an array with shape (5000000000000,) and data type int8"
        );
        // A request the allocator refuses below the up-front limit is a MemoryError too.
        let e = alloc_for(&[1 << 39, 1], DType::Int8);
        if let Err(e) = e {
            assert_eq!(e.kind, ErrKind::MemoryError);
        }
    }

    #[test]
    fn shape_checks() {
        let big = "array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum possible size.";
        let neg = "negative dimensions are not allowed";
        // np.zeros(-1), np.zeros((2,-3)), np.zeros((3,0,-1))
        assert_eq!(check_dims(&[-1], DType::Float64).unwrap_err().msg, neg);
        assert_eq!(check_dims(&[2, -3], DType::Float64).unwrap_err().msg, neg);
        assert_eq!(
            check_dims(&[3, 0, -1], DType::Float64).unwrap_err().msg,
            neg
        );
        // np.zeros((2**62,4)), np.zeros(2**62, np.int16), np.zeros((0, 2**62, 2**62))
        assert_eq!(
            check_dims(&[1 << 62, 4], DType::Float64).unwrap_err().msg,
            big
        );
        assert_eq!(check_dims(&[1 << 62], DType::Int16).unwrap_err().msg, big);
        assert_eq!(
            check_dims(&[0, 1 << 62, 1 << 62], DType::Int8)
                .unwrap_err()
                .msg,
            big
        );
        assert_eq!(
            checked_nbytes(&[0, 1 << 62, 1 << 62], DType::Int8)
                .unwrap_err()
                .msg,
            big
        );
        assert_eq!(
            checked_nbytes(&[usize::MAX], DType::Int8).unwrap_err().msg,
            big
        );
        assert_eq!(check_dims(&[2, 0, 3], DType::Float64), Ok(vec![2, 0, 3]));
        assert_eq!(checked_nbytes(&[2, 0, 3], DType::Float64), Ok(0));
        assert_eq!(checked_nbytes(&[], DType::Complex128), Ok(16));
    }
}
