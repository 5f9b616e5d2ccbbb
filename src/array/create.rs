//! Creation routines on the runtime side (the interpreter wraps them): zeros/ones/full,
//! arange and linspace with NumPy's exact arithmetic, logspace, geomspace, eye, identity,
//! diag, diagflat, tri/triu/tril, meshgrid, indices.

use super::dtype::DType;
use super::element::Element;
use super::index::IndexItem;
use super::ndarray::{NdArray, Order};
use super::scalar::Scalar;
use super::{ArrayError, ErrKind, Result};

/// A Python number argument (`start`, `stop`, `step`).
#[derive(Copy, Clone, PartialEq, Debug)]
pub enum PyNum {
    Int(i128),
    Float(f64),
}

impl PyNum {
    fn to_f64(self) -> f64 {
        match self {
            PyNum::Int(v) => v as f64,
            PyNum::Float(x) => x,
        }
    }
    /// Python's `a + b`.
    fn add(self, other: PyNum) -> PyNum {
        match (self, other) {
            (PyNum::Int(a), PyNum::Int(b)) => match a.checked_add(b) {
                Some(v) => PyNum::Int(v),
                None => PyNum::Float(a as f64 + b as f64),
            },
            (a, b) => PyNum::Float(a.to_f64() + b.to_f64()),
        }
    }
    /// The value stored into an array of `dtype` (Python int/float conversion rules).
    fn to_scalar(self, dtype: DType) -> Result<Scalar> {
        match self {
            PyNum::Int(v) => Scalar::from_py_int(Some(v), dtype),
            PyNum::Float(x) => Scalar::from_py_float(x, dtype),
        }
    }
}

/// `np.zeros(shape, dtype, order)` (also `np.empty`: memory is always zeroed).
pub fn zeros(shape: &[usize], dtype: DType, order: Order) -> Result<NdArray> {
    NdArray::zeros(shape, dtype, order)
}

/// `np.ones(shape, dtype, order)`.
pub fn ones(shape: &[usize], dtype: DType, order: Order) -> Result<NdArray> {
    full(shape, Scalar::one(dtype), dtype, order)
}

/// `np.full(shape, value, dtype, order)` with `value` already converted (cast unsafe-ly).
pub fn full(shape: &[usize], value: Scalar, dtype: DType, order: Order) -> Result<NdArray> {
    let a = NdArray::zeros(shape, dtype, order)?;
    if value != Scalar::zero(dtype) || value.dtype() != dtype {
        a.fill(value)?;
    }
    Ok(a)
}

/// `np.arange(start, stop, step, dtype)`. Length `ceil((stop - start) / step)`; the first
/// two values are computed as Python numbers and stored in `dtype`, the rest as
/// `first + i * (second - first)` in `dtype`'s arithmetic, as NumPy's fill functions do.
/// `dtype` `None`: int64 for all-int arguments, else float64.
pub fn arange(start: PyNum, stop: PyNum, step: PyNum, dtype: Option<DType>) -> Result<NdArray> {
    let all_int = [start, stop, step]
        .iter()
        .all(|n| matches!(n, PyNum::Int(_)));
    let dtype = dtype.unwrap_or(if all_int {
        DType::Int64
    } else {
        DType::Float64
    });
    let quotient = match (start, stop, step) {
        (_, _, PyNum::Int(0)) => {
            return Err(ArrayError::new(
                ErrKind::ZeroDivisionError,
                "division by zero",
            ));
        }
        (_, _, PyNum::Float(0.0)) => {
            return Err(ArrayError::new(
                ErrKind::ZeroDivisionError,
                "float division by zero",
            ));
        }
        (PyNum::Int(a), PyNum::Int(b), PyNum::Int(s)) => (b - a) as f64 / s as f64,
        _ => (stop.to_f64() - start.to_f64()) / step.to_f64(),
    };
    let len = quotient.ceil();
    if len.is_nan() {
        return Err(ArrayError::value("arange: cannot compute length"));
    }
    if len >= 9.223372036854776e18 {
        return Err(ArrayError::value("Maximum allowed size exceeded"));
    }
    let len = if len > 0.0 { len as usize } else { 0 };
    if dtype == DType::Bool && len > 2 {
        return Err(ArrayError::type_(
            "arange() is only supported for booleans when the result has at most length 2.",
        ));
    }
    let out = NdArray::zeros(&[len], dtype, Order::C)?;
    if len == 0 {
        return Ok(out);
    }
    let first = start.to_scalar(dtype)?;
    out.set_at(0, first);
    if len == 1 {
        return Ok(out);
    }
    let second = start.add(step).to_scalar(dtype)?;
    out.set_at(dtype.itemsize(), second);
    arange_fill(&out, len);
    Ok(out)
}

/// NumPy's `@TYPE@_fill`: `buf[i] = start + i*delta` with `delta = buf[1] - buf[0]`.
fn arange_fill(out: &NdArray, len: usize) {
    let isz = out.itemsize();
    macro_rules! fill_with {
        ($T:ty, $f:expr) => {{
            let s = out.read::<$T>(0);
            let d = out.read::<$T>(isz);
            let f = $f;
            for i in 2..len {
                out.write::<$T>(i * isz, f(s, d, i));
            }
        }};
    }
    macro_rules! int_fill {
        ($T:ty, $W:ty) => {
            fill_with!($T, |s: $T, d: $T, i: usize| {
                let delta = d.wrapping_sub(s) as $W;
                (s as $W).wrapping_add((i as $W).wrapping_mul(delta)) as $T
            })
        };
    }
    match out.dtype {
        DType::Bool => {} // at most two elements, both already stored
        DType::Int8 => int_fill!(i8, i64),
        DType::Int16 => int_fill!(i16, i64),
        DType::Int32 => int_fill!(i32, i64),
        DType::Int64 => int_fill!(i64, i64),
        DType::UInt8 => int_fill!(u8, i64),
        DType::UInt16 => int_fill!(u16, i64),
        DType::UInt32 => int_fill!(u32, i64),
        DType::UInt64 => int_fill!(u64, u64),
        DType::Float16 => fill_with!(half::f16, |s: half::f16, d: half::f16, i: usize| {
            let (s, d) = (s.to_f32(), d.to_f32() - s.to_f32());
            half::f16::from_f32(s + i as f32 * d)
        }),
        DType::Float32 => fill_with!(f32, |s: f32, d: f32, i: usize| s + i as f32 * (d - s)),
        DType::Float64 => fill_with!(f64, |s: f64, d: f64, i: usize| s + i as f64 * (d - s)),
        DType::Complex64 => fill_with!(
            num_complex::Complex32,
            |s: num_complex::Complex32, d: num_complex::Complex32, i: usize| {
                let d = d - s;
                num_complex::Complex32::new(s.re + i as f32 * d.re, s.im + i as f32 * d.im)
            }
        ),
        DType::Complex128 => fill_with!(
            num_complex::Complex64,
            |s: num_complex::Complex64, d: num_complex::Complex64, i: usize| {
                let d = d - s;
                num_complex::Complex64::new(s.re + i as f64 * d.re, s.im + i as f64 * d.im)
            }
        ),
    }
}

/// `np.linspace(start, stop, num, endpoint, retstep=True, dtype)` for real scalars,
/// computed in float64 exactly as NumPy: `step = (stop - start) / div`, `y = arange(num) *
/// step + start` (or `/ div * delta` when the step underflows to 0), last element set to
/// `stop`; integer dtypes take the floor. Returns the array and the step (NaN when
/// `div <= 0`).
pub fn linspace(
    start: f64,
    stop: f64,
    num: i64,
    endpoint: bool,
    dtype: Option<DType>,
) -> Result<(NdArray, f64)> {
    if num < 0 {
        return Err(ArrayError::value(format!(
            "Number of samples, {num}, must be non-negative."
        )));
    }
    let n = num as usize;
    let div = if endpoint { num - 1 } else { num };
    let delta = stop - start;
    let mut out = NdArray::zeros(&[n], DType::Float64, Order::C)?; // size-checked first
    let y = out
        .as_mut_slice::<f64>()
        .expect("fresh contiguous float64 array");
    y.iter_mut().enumerate().for_each(|(i, v)| *v = i as f64);
    let step;
    if div > 0 {
        let d = div as f64;
        step = delta / d;
        if step == 0.0 {
            y.iter_mut().for_each(|v| *v = *v / d * delta);
        } else {
            y.iter_mut().for_each(|v| *v *= step);
        }
    } else {
        step = f64::NAN;
        y.iter_mut().for_each(|v| *v *= delta);
    }
    y.iter_mut().for_each(|v| *v += start);
    if endpoint && n > 1 {
        y[n - 1] = stop;
    }
    let dtype = dtype.unwrap_or(DType::Float64);
    if dtype.is_integer() {
        y.iter_mut().for_each(|v| *v = v.floor());
    }
    let a = if dtype == DType::Float64 {
        out
    } else {
        out.astype(dtype, super::Casting::Unsafe)?
    };
    Ok((a, step))
}

/// `np.logspace(start, stop, num, endpoint, base, dtype)`: `base ** linspace(...)`. The
/// power function is a parameter: NumPy's float64 `power` is its own SIMD kernel, whose
/// last bits the kernels layer reproduces (`f64::powf` is glibc's `pow`).
pub fn logspace(
    start: f64,
    stop: f64,
    num: i64,
    endpoint: bool,
    base: f64,
    dtype: Option<DType>,
    pow: &dyn Fn(f64, f64) -> f64,
) -> Result<NdArray> {
    let (y, _) = linspace(start, stop, num, endpoint, None)?;
    let v: Vec<f64> = y.to_vec_f64().into_iter().map(|e| pow(base, e)).collect();
    let n = v.len();
    let a = NdArray::from_vec(v, &[n])?;
    match dtype {
        None | Some(DType::Float64) => Ok(a),
        Some(d) => a.astype(d, super::Casting::Unsafe),
    }
}

/// `np.geomspace(start, stop, num, endpoint, dtype)` for real scalars, NumPy's algorithm:
/// rotate to positive by the sign of `start`, `logspace(log10(start), log10(stop))`, exact
/// endpoints, rotate back. `log10` and `pow` are parameters (see [`logspace`]).
pub fn geomspace(
    start: f64,
    stop: f64,
    num: i64,
    endpoint: bool,
    dtype: Option<DType>,
    log10: &dyn Fn(f64) -> f64,
    pow: &dyn Fn(f64, f64) -> f64,
) -> Result<NdArray> {
    if start == 0.0 || stop == 0.0 {
        return Err(ArrayError::value("Geometric sequence cannot include zero"));
    }
    let sign = if start > 0.0 {
        1.0
    } else if start < 0.0 {
        -1.0
    } else {
        f64::NAN
    };
    let (start, stop) = (start / sign, stop / sign);
    let r = logspace(log10(start), log10(stop), num, endpoint, 10.0, None, pow)?;
    let mut v = r.to_vec_f64();
    let n = v.len();
    if n > 0 {
        v[0] = start;
        if n > 1 && endpoint {
            v[n - 1] = stop;
        }
    }
    v.iter_mut().for_each(|x| *x *= sign);
    let a = NdArray::from_vec(v, &[n])?;
    match dtype {
        None | Some(DType::Float64) => Ok(a),
        Some(d) => a.astype(d, super::Casting::Unsafe),
    }
}

/// `np.eye(N, M, k, dtype)`.
pub fn eye(n: usize, m: Option<usize>, k: i64, dtype: DType) -> Result<NdArray> {
    let m = m.unwrap_or(n);
    let a = NdArray::zeros(&[n, m], dtype, Order::C)?;
    let one = Scalar::one(dtype);
    for i in 0..n {
        let j = (i as i64).saturating_add(k);
        if j >= 0 && (j as usize) < m {
            a.set(&[i, j as usize], one)?;
        }
    }
    Ok(a)
}

/// `np.identity(n, dtype)`.
pub fn identity(n: usize, dtype: DType) -> Result<NdArray> {
    eye(n, None, 0, dtype)
}

/// `np.diag(v, k)`: a 1-d `v` becomes a square 2-d array with `v` on diagonal `k`; a 2-d
/// `v` gives its `k`-th diagonal (a read-only view, as in NumPy).
pub fn diag(v: &NdArray, k: i64) -> Result<NdArray> {
    match v.ndim() {
        1 => {
            let n = v.shape[0] + k.unsigned_abs() as usize;
            let out = NdArray::zeros(&[n, n], v.dtype, Order::C)?;
            let d = out.diagonal(k, 0, 1)?;
            let mut d = d;
            d.writeable = true;
            d.assign(v)?;
            Ok(out)
        }
        2 => v.diagonal(k, 0, 1),
        _ => Err(ArrayError::value("Input must be 1- or 2-d.")),
    }
}

/// `np.diagflat(v, k)`.
pub fn diagflat(v: &NdArray, k: i64) -> Result<NdArray> {
    diag(&v.ravel(Order::C)?, k)
}

/// `np.tri(N, M, k, dtype)`: ones at and below diagonal `k`.
pub fn tri(n: usize, m: Option<usize>, k: i64, dtype: DType) -> Result<NdArray> {
    let m = m.unwrap_or(n);
    let a = NdArray::zeros(&[n, m], dtype, Order::C)?;
    let one = Scalar::one(dtype);
    for i in 0..n {
        for j in 0..m {
            if (j as i64) <= (i as i64).saturating_add(k) {
                a.set(&[i, j], one)?;
            }
        }
    }
    Ok(a)
}

/// `np.tril(m, k)`: elements above diagonal `k` of the last two axes zeroed (a 1-d `m` is
/// broadcast to a square first, as NumPy's `where` does).
pub fn tril(m: &NdArray, k: i64) -> Result<NdArray> {
    tri_mask(m, |i, j| j <= i.saturating_add(k))
}

/// `np.triu(m, k)`: elements below diagonal `k` zeroed.
pub fn triu(m: &NdArray, k: i64) -> Result<NdArray> {
    tri_mask(m, |i, j| j >= i.saturating_add(k))
}

fn tri_mask(m: &NdArray, keep: impl Fn(i64, i64) -> bool) -> Result<NdArray> {
    let src = match m.ndim() {
        0 => {
            return Err(ArrayError::type_(
                "tri() missing 1 required positional argument: 'N'",
            ));
        }
        1 => m
            .broadcast_view(&[m.shape[0], m.shape[0]])
            .expect("square broadcast"),
        _ => m.clone(),
    };
    let out = src.copy(Order::C)?;
    let nd = out.ndim();
    let zero = Scalar::zero(out.dtype);
    for (flat, off) in out.offsets().enumerate() {
        let cols = out.shape[nd - 1];
        let rows = out.shape[nd - 2];
        let j = (flat % cols) as i64;
        let i = ((flat / cols) % rows) as i64;
        if !keep(i, j) {
            out.set_at(off, zero);
        }
    }
    Ok(out)
}

/// `np.meshgrid(*xs, indexing='xy'|'ij')` (copies, not sparse): every input flattened;
/// with `xy` the first two output axes are swapped.
pub fn meshgrid(xs: &[NdArray], ij: bool) -> Result<Vec<NdArray>> {
    let flat: Vec<NdArray> = xs
        .iter()
        .map(|x| x.ravel(Order::C))
        .collect::<Result<_>>()?;
    let mut shape: Vec<usize> = flat.iter().map(|x| x.size()).collect();
    let n = flat.len();
    if !ij && n > 1 {
        shape.swap(0, 1);
    }
    let mut out = Vec::with_capacity(n);
    for (i, x) in flat.iter().enumerate() {
        let axis = if !ij && n > 1 && i < 2 { 1 - i } else { i };
        let mut items = vec![IndexItem::NewAxis; n];
        items[axis] = IndexItem::ALL;
        let v = x.slice_view(&items)?;
        let b = v.broadcast_view(&shape).expect("meshgrid shapes broadcast");
        out.push(b.copy(Order::C)?);
    }
    Ok(out)
}

/// `np.indices(dims, dtype)`: shape `(len(dims), *dims)`, `out[i]` varies along axis `i`.
pub fn indices(dims: &[usize], dtype: DType) -> Result<NdArray> {
    let mut shape = vec![dims.len()];
    shape.extend_from_slice(dims);
    let out = NdArray::zeros(&shape, dtype, Order::C)?;
    for (axis, &n) in dims.iter().enumerate() {
        let r = arange(
            PyNum::Int(0),
            PyNum::Int(n as i128),
            PyNum::Int(1),
            Some(dtype),
        )?;
        let mut items = vec![IndexItem::NewAxis; dims.len()];
        items[axis] = IndexItem::ALL;
        let v = r.slice_view(&items)?;
        out.slice_view(&[IndexItem::Int(axis as i64)])?.assign(&v)?;
    }
    Ok(out)
}

/// A 1-d array from a Rust slice (helper for callers and tests).
pub fn array1<T: Element>(v: &[T]) -> Result<NdArray> {
    NdArray::from_slice(v)
}

#[cfg(test)]
mod tests {
    use super::*;
    use PyNum::{Float as F, Int as I};

    fn f64s(a: &NdArray) -> Vec<f64> {
        a.to_vec_f64()
    }
    fn ar(a: PyNum, b: PyNum, s: PyNum, d: Option<DType>) -> NdArray {
        arange(a, b, s, d).unwrap()
    }

    #[test]
    fn arange_values() {
        // np.arange(0, 1, 0.1).tolist() etc. (NumPy 2.4.6, digit for digit)
        assert_eq!(
            f64s(&ar(I(0), I(1), F(0.1), None)),
            [
                0.0,
                0.1,
                0.2,
                0.30000000000000004,
                0.4,
                0.5,
                0.6000000000000001,
                0.7000000000000001,
                0.8,
                0.9
            ]
        );
        assert_eq!(
            f64s(&ar(I(1), I(2), F(0.3), None)),
            [1.0, 1.3, 1.6, 1.9000000000000001]
        );
        assert_eq!(
            f64s(&ar(I(-3), I(3), F(0.7), None)),
            [
                -3.0,
                -2.3,
                -1.5999999999999996,
                -0.8999999999999995,
                -0.1999999999999993,
                0.5000000000000009,
                1.200000000000001,
                1.9000000000000012,
                2.6000000000000014
            ]
        );
        assert_eq!(
            f64s(&ar(F(0.5), I(10), I(1), None)),
            [0.5, 1.5, 2.5, 3.5, 4.5, 5.5, 6.5, 7.5, 8.5, 9.5]
        );
        // np.arange(1, 1.3, 0.1) has 4 elements; np.arange(1, 2, 0.1)[3] == 1.3000000000000003
        assert_eq!(ar(I(1), F(1.3), F(0.1), None).size(), 4);
        assert_eq!(
            ar(I(1), I(2), F(0.1), None).get(&[3]).unwrap(),
            Scalar::F64(1.3000000000000003)
        );
        // np.arange(0, 1, 0.1, dtype=np.float32).tolist()
        let f32s: Vec<f64> = f64s(&ar(I(0), I(1), F(0.1), Some(DType::Float32)));
        assert_eq!(
            f32s,
            [
                0.0,
                0.10000000149011612,
                0.20000000298023224,
                0.30000001192092896,
                0.4000000059604645,
                0.5,
                0.6000000238418579,
                0.699999988079071,
                0.800000011920929,
                0.9000000357627869
            ]
        );
        // np.arange(0,1,0.1,dtype=np.float16).tolist()
        assert_eq!(
            f64s(&ar(I(0), I(1), F(0.1), Some(DType::Float16))),
            [
                0.0,
                0.0999755859375,
                0.199951171875,
                0.2998046875,
                0.39990234375,
                0.5,
                0.599609375,
                0.69970703125,
                0.7998046875,
                0.89990234375
            ]
        );
        // np.arange(0, 500, 100, dtype=np.int8) -> [0, 100, -56, 44, -112]
        assert_eq!(
            ar(I(0), I(500), I(100), Some(DType::Int8))
                .to_vec::<i8>()
                .unwrap(),
            [0, 100, -56, 44, -112]
        );
        // np.arange(0.5, 5, 1.5, dtype=np.int64) -> [0, 2, 4]; np.arange(0,3,0.5,dtype=np.int8) -> six 0s
        assert_eq!(
            ar(F(0.5), I(5), F(1.5), Some(DType::Int64))
                .to_vec::<i64>()
                .unwrap(),
            [0, 2, 4]
        );
        assert_eq!(
            ar(I(0), I(3), F(0.5), Some(DType::Int8))
                .to_vec::<i8>()
                .unwrap(),
            [0; 6]
        );
        assert_eq!(
            ar(F(1.5), I(4), I(1), Some(DType::UInt8))
                .to_vec::<u8>()
                .unwrap(),
            [1, 2, 3]
        );
        // np.arange(2**64-3, 2**64-1, dtype=np.uint64)
        let u = ar(
            I((1 << 64) - 3),
            I((1 << 64) - 1),
            I(1),
            Some(DType::UInt64),
        );
        assert_eq!(
            u.to_vec::<u64>().unwrap(),
            [18446744073709551613, 18446744073709551614]
        );
        // np.arange(1, 2**62, 2**61) -> [1, 2305843009213693953]
        assert_eq!(
            ar(I(1), I(1 << 62), I(1 << 61), None)
                .to_vec::<i64>()
                .unwrap(),
            [1, 2305843009213693953]
        );
        assert_eq!(ar(I(10), I(0), I(1), None).shape(), &[0]);
        assert_eq!(ar(I(0), I(10), I(-1), None).dtype, DType::Int64);
        assert_eq!(
            ar(I(0), I(2), I(1), Some(DType::Bool))
                .to_vec::<bool>()
                .unwrap(),
            [false, true]
        );
        let c = ar(I(0), I(3), I(1), Some(DType::Complex128));
        assert_eq!(
            c.get(&[2]).unwrap(),
            Scalar::C128(num_complex::Complex64::new(2.0, 0.0))
        );
    }

    #[test]
    fn arange_errors() {
        let e = |a, b, s, d| arange(a, b, s, d).unwrap_err();
        let z = e(I(0), I(5), I(0), None);
        assert_eq!(
            (z.kind, z.msg.as_str()),
            (ErrKind::ZeroDivisionError, "division by zero")
        );
        assert_eq!(e(I(0), I(5), F(0.0), None).msg, "float division by zero");
        assert_eq!(
            e(I(0), I(3), I(1), Some(DType::Bool)).msg,
            "arange() is only supported for booleans when the result has at most length 2."
        );
        assert_eq!(
            e(I(0), F(1e20), F(1e-5), None).msg,
            "Maximum allowed size exceeded"
        );
        assert_eq!(
            e(I(0), F(f64::NAN), I(1), None).msg,
            "arange: cannot compute length"
        );
        assert_eq!(
            e(I(0), F(f64::INFINITY), I(1), None).msg,
            "Maximum allowed size exceeded"
        );
        assert_eq!(
            e(I(-1), I(2), I(1), Some(DType::UInt8)).msg,
            "Python integer -1 out of bounds for uint8"
        );
    }

    #[test]
    fn linspace_values() {
        let l = |a, b, n, e| f64s(&linspace(a, b, n, e, None).unwrap().0);
        // np.linspace(...).tolist() in NumPy 2.4.6
        assert_eq!(l(0.0, 1.0, 5, true), [0.0, 0.25, 0.5, 0.75, 1.0]);
        assert_eq!(
            l(0.0, 1.0, 7, true),
            [
                0.0,
                0.16666666666666666,
                0.3333333333333333,
                0.5,
                0.6666666666666666,
                0.8333333333333333,
                1.0
            ]
        );
        assert_eq!(
            l(-2.5, 3.3, 11, true),
            [
                -2.5,
                -1.92,
                -1.34,
                -0.7600000000000002,
                -0.18000000000000016,
                0.3999999999999999,
                0.9799999999999995,
                1.5599999999999996,
                2.1399999999999997,
                2.7199999999999998,
                3.3
            ]
        );
        assert_eq!(
            l(0.0, 1.0, 10, false),
            [
                0.0,
                0.1,
                0.2,
                0.30000000000000004,
                0.4,
                0.5,
                0.6000000000000001,
                0.7000000000000001,
                0.8,
                0.9
            ]
        );
        assert_eq!(l(1.0, 1e-320, 3, true), [1.0, 0.5, 1e-320]);
        assert_eq!(l(0.0, 5e-324, 4, true), [0.0, 0.0, 5e-324, 5e-324]);
        assert_eq!(l(2.0, 3.0, 1, true), [2.0]);
        assert_eq!(l(2.0, 3.0, 0, true), Vec::<f64>::new());
        assert_eq!(
            l(0.1, 0.7, 9, true),
            [
                0.1,
                0.175,
                0.25,
                0.32499999999999996,
                0.4,
                0.475,
                0.5499999999999999,
                0.625,
                0.7
            ]
        );
        let inf = l(1e308, -1e308, 5, true);
        assert!(inf[0].is_nan());
        assert_eq!(
            inf[1..],
            [
                f64::NEG_INFINITY,
                f64::NEG_INFINITY,
                f64::NEG_INFINITY,
                -1e308
            ]
        );
        assert!(linspace(2.0, 3.0, 1, true, None).unwrap().1.is_nan());
        assert_eq!(linspace(0.0, 1.0, 3, true, None).unwrap().1, 0.5);
        assert_eq!(
            linspace(0.0, 1.0, -1, true, None).unwrap_err().msg,
            "Number of samples, -1, must be non-negative."
        );
        // np.linspace(0,10,5,dtype=np.int64) -> [0, 2, 5, 7, 10]; (-1,1,6,int32) -> [-1,-1,-1,0,0,1]
        assert_eq!(
            linspace(0.0, 10.0, 5, true, Some(DType::Int64))
                .unwrap()
                .0
                .to_vec::<i64>()
                .unwrap(),
            [0, 2, 5, 7, 10]
        );
        assert_eq!(
            linspace(-1.0, 1.0, 6, true, Some(DType::Int32))
                .unwrap()
                .0
                .to_vec::<i32>()
                .unwrap(),
            [-1, -1, -1, 0, 0, 1]
        );
    }

    #[test]
    #[allow(clippy::approx_constant)] // NumPy's printed values
    fn log_and_geom_spaces() {
        let pow = |b: f64, e: f64| b.powf(e);
        let log10 = |x: f64| x.log10();
        // np.logspace(0,3,4).tolist(); np.logspace(0, 2, 5, base=2).tolist()
        assert_eq!(
            f64s(&logspace(0.0, 3.0, 4, true, 10.0, None, &pow).unwrap()),
            [1.0, 10.0, 100.0, 1000.0]
        );
        assert_eq!(
            f64s(&logspace(0.0, 2.0, 5, true, 2.0, None, &pow).unwrap()),
            [1.0, 1.4142135623730951, 2.0, 2.8284271247461903, 4.0]
        );
        // np.geomspace(1,1000,4), (-1,-1000,4): endpoints exact, sign restored
        assert_eq!(
            f64s(&geomspace(1.0, 1000.0, 4, true, None, &log10, &pow).unwrap()),
            [1.0, 10.0, 100.0, 1000.0]
        );
        assert_eq!(
            f64s(&geomspace(-1.0, -1000.0, 4, true, None, &log10, &pow).unwrap()),
            [-1.0, -10.0, -100.0, -1000.0]
        );
        let g = f64s(&geomspace(0.001, 17.5, 7, true, None, &log10, &pow).unwrap());
        assert_eq!((g[0], g[6]), (0.001, 17.5));
        assert_eq!(
            geomspace(0.0, 1.0, 3, true, None, &log10, &pow)
                .unwrap_err()
                .msg,
            "Geometric sequence cannot include zero"
        );
    }

    #[test]
    fn matrices() {
        let i64s = |a: &NdArray| {
            a.astype(DType::Int64, crate::array::Casting::Unsafe)
                .unwrap()
                .to_vec::<i64>()
                .unwrap()
        };
        // np.eye(3,4,-1).tolist(); np.eye(2, 3, 5) is all zeros
        assert_eq!(
            i64s(&eye(3, Some(4), -1, DType::Float64).unwrap()),
            [0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0]
        );
        assert_eq!(i64s(&eye(2, Some(3), 5, DType::Float64).unwrap()), [0; 6]);
        assert_eq!(
            identity(2, DType::Int64).unwrap().to_vec::<i64>().unwrap(),
            [1, 0, 0, 1]
        );
        // np.tri(3,4,1).tolist()
        assert_eq!(
            i64s(&tri(3, Some(4), 1, DType::Float64).unwrap()),
            [1, 1, 0, 0, 1, 1, 1, 0, 1, 1, 1, 1]
        );
        // np.triu(np.arange(1,13).reshape(2,2,3), 1).tolist()
        let a = NdArray::from_vec((1..13i64).collect::<Vec<_>>(), &[2, 2, 3]).unwrap();
        assert_eq!(
            i64s(&triu(&a, 1).unwrap()),
            [0, 2, 3, 0, 0, 6, 0, 8, 9, 0, 0, 12]
        );
        // np.tril(np.ones(3)).tolist()
        let o = ones(&[3], DType::Float64, Order::C).unwrap();
        assert_eq!(i64s(&tril(&o, 0).unwrap()), [1, 0, 0, 1, 1, 0, 1, 1, 1]);
        let z = NdArray::from_scalar(Scalar::I64(5)).unwrap();
        assert_eq!(
            tril(&z, 0).unwrap_err().msg,
            "tri() missing 1 required positional argument: 'N'"
        );
        // np.diag([1,2],1).tolist(), np.diag([1,2],-1).tolist()
        let v = array1(&[1i64, 2]).unwrap();
        assert_eq!(i64s(&diag(&v, 1).unwrap()), [0, 1, 0, 0, 0, 2, 0, 0, 0]);
        assert_eq!(i64s(&diag(&v, -1).unwrap()), [0, 0, 0, 1, 0, 0, 0, 2, 0]);
        let m = NdArray::from_vec((0..6i64).collect::<Vec<_>>(), &[2, 3]).unwrap();
        let d = diag(&m, 0).unwrap();
        assert_eq!((i64s(&d), d.writeable), (vec![0, 4], false));
        assert_eq!(diag(&a, 0).unwrap_err().msg, "Input must be 1- or 2-d.");
        // np.diagflat([[1,2],[3,4]], 1) is 5x5 with 1..4 on the first superdiagonal
        let q = NdArray::from_vec(vec![1i64, 2, 3, 4], &[2, 2]).unwrap();
        let df = diagflat(&q, 1).unwrap();
        assert_eq!(
            (df.shape(), df.get(&[3, 4]).unwrap()),
            (&[5, 5][..], Scalar::I64(4))
        );
        // np.full((2,), 7).tolist(), np.ones(2, np.complex64)
        assert_eq!(
            full(&[2], Scalar::I64(7), DType::Int64, Order::C)
                .unwrap()
                .to_vec::<i64>()
                .unwrap(),
            [7, 7]
        );
        assert_eq!(
            ones(&[2], DType::Complex64, Order::C)
                .unwrap()
                .get(&[1])
                .unwrap(),
            Scalar::one(DType::Complex64)
        );
        assert_eq!(zeros(&[2, 0], DType::Int8, Order::F).unwrap().size(), 0);
    }

    #[test]
    fn extreme_arguments_do_not_panic() {
        assert_eq!(
            eye(3, None, i64::MAX, DType::Float64).unwrap().to_vec_f64(),
            [0.0; 9]
        );
        assert_eq!(
            eye(3, None, i64::MIN, DType::Float64).unwrap().to_vec_f64(),
            [0.0; 9]
        );
        assert!(tri(2, None, i64::MAX, DType::Int8).is_ok());
        let o = ones(&[2, 2], DType::Float64, Order::C).unwrap();
        assert!(triu(&o, i64::MIN).is_ok() && tril(&o, i64::MAX).is_ok());
        let m = NdArray::zeros(&[3, 3], DType::Float64, Order::C).unwrap();
        assert_eq!(m.diagonal(i64::MIN, 0, 1).unwrap().size(), 0);
        assert_eq!(m.diagonal(i64::MAX, 0, 1).unwrap().size(), 0);
        assert_eq!(
            diag(&array1(&[1.0]).unwrap(), i64::MIN).unwrap_err().kind,
            ErrKind::ValueError
        );
        // np.linspace(0, 1, 10**18) -> MemoryError (7.11 EiB)
        let e = linspace(0.0, 1.0, 1_000_000_000_000_000_000, true, None).unwrap_err();
        assert_eq!(
            e.msg,
            "Unable to allocate 6.94 EiB for an array with shape (1000000000000000000,) and data type float64"
        );
        // np.arange(0, 2**62)
        let e = arange(I(0), I(1 << 62), I(1), None).unwrap_err();
        assert_eq!(
            e.msg,
            "array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum possible size."
        );
        assert!(indices(&[1 << 40, 1 << 40], DType::Int64).is_err());
        let big = array1(&[1i64]).unwrap().broadcast_to(&[1 << 40]).unwrap();
        assert!(meshgrid(&[big.clone(), big], true).is_err());
    }

    #[test]
    fn grids() {
        // np.indices((2,3)).tolist() == [[[0,0,0],[1,1,1]], [[0,1,2],[0,1,2]]]
        let ix = indices(&[2, 3], DType::Int64).unwrap();
        assert_eq!(
            (ix.shape(), ix.to_vec::<i64>().unwrap()),
            (&[2, 2, 3][..], vec![0, 0, 0, 1, 1, 1, 0, 1, 2, 0, 1, 2])
        );
        assert_eq!(indices(&[], DType::Int64).unwrap().shape(), &[0]);
        // X, Y = np.meshgrid([1,2,3], [4,5]): X (2,3) rows [1,2,3]; Y columns [4,5]
        let x = array1(&[1i64, 2, 3]).unwrap();
        let y = array1(&[4i64, 5]).unwrap();
        let g = meshgrid(&[x.clone(), y.clone()], false).unwrap();
        assert_eq!(
            (g[0].shape(), g[0].to_vec::<i64>().unwrap()),
            (&[2, 3][..], vec![1, 2, 3, 1, 2, 3])
        );
        assert_eq!(g[1].to_vec::<i64>().unwrap(), [4, 4, 4, 5, 5, 5]);
        // indexing='ij': X (3,2)
        let g = meshgrid(&[x, y], true).unwrap();
        assert_eq!(
            (g[0].shape(), g[0].to_vec::<i64>().unwrap()),
            (&[3, 2][..], vec![1, 1, 2, 2, 3, 3])
        );
        assert_eq!(g[1].to_vec::<i64>().unwrap(), [4, 5, 4, 5, 4, 5]);
    }
}
