//! Sorting and selection along an axis: `np.sort`, `np.argsort`, `np.partition`.
//! NaNs sort to the end (complex numbers lexicographically, as NumPy orders them).
//! `np.partition` is computed as a full sort, which satisfies its contract (the k-th
//! element in place, smaller ones before, larger after) but may order the other
//! elements differently from NumPy's introselect.

use super::args::bind;
use super::convert::{to_array, to_i64};
use super::{ArrayObj, OrExc};
use crate::array::{DType, Element, NdArray, Order, normalize_axis};
use crate::eval::Interp;
use crate::eval::exceptions::{ExcType, PResult, raise, type_error};
use crate::eval::value::{Args, Builtin, Value};
use half::f16;
use num_complex::{Complex32, Complex64};
use std::cmp::Ordering;

/// NumPy's sort order for one element type.
trait SortElem: Element {
    fn order(&self, other: &Self) -> Ordering;
}

macro_rules! sort_int {
    ($($t:ty),*) => {$(
        impl SortElem for $t {
            fn order(&self, other: &$t) -> Ordering {
                self.cmp(other)
            }
        }
    )*};
}
sort_int!(bool, i8, i16, i32, i64, u8, u16, u32, u64);

fn float_order(a: f64, b: f64) -> Ordering {
    a.partial_cmp(&b)
        .unwrap_or_else(|| a.is_nan().cmp(&b.is_nan()))
}

impl SortElem for f64 {
    fn order(&self, other: &f64) -> Ordering {
        float_order(*self, *other)
    }
}
impl SortElem for f32 {
    fn order(&self, other: &f32) -> Ordering {
        float_order(*self as f64, *other as f64)
    }
}
impl SortElem for f16 {
    fn order(&self, other: &f16) -> Ordering {
        float_order(self.to_f64(), other.to_f64())
    }
}

/// Lexicographic, with NaN parts after everything else (`R + Rj < R + nanj < nan + Rj <
/// nan + nanj`).
fn complex_order(a: (f64, f64), b: (f64, f64)) -> Ordering {
    let rank = |z: (f64, f64)| (z.0.is_nan() as u8) * 2 + z.1.is_nan() as u8;
    match rank(a).cmp(&rank(b)) {
        Ordering::Equal => float_order(a.0, b.0).then(float_order(a.1, b.1)),
        o => o,
    }
}

impl SortElem for Complex64 {
    fn order(&self, other: &Complex64) -> Ordering {
        complex_order((self.re, self.im), (other.re, other.im))
    }
}
impl SortElem for Complex32 {
    fn order(&self, other: &Complex32) -> Ordering {
        complex_order(
            (self.re as f64, self.im as f64),
            (other.re as f64, other.im as f64),
        )
    }
}

/// Byte offsets of the first element of every lane along `axis`, and the lane stride.
fn lanes(a: &NdArray, axis: usize) -> (Vec<usize>, isize) {
    let shape: Vec<usize> = (0..a.ndim())
        .map(|k| if k == axis { 1 } else { a.shape[k] })
        .collect();
    let starts = crate::array::iter::Offsets::new(&shape, &a.strides, a.offset).collect();
    (starts, a.strides[axis])
}

/// Sorts every lane of `out` (a fresh array) along `axis` in place.
fn sort_lanes<T: SortElem>(out: &NdArray, axis: usize) {
    let n = out.shape[axis];
    let (starts, stride) = lanes(out, axis);
    let mut buf: Vec<T> = Vec::with_capacity(n);
    for s in starts {
        buf.clear();
        for i in 0..n as isize {
            buf.push(out.read::<T>((s as isize + i * stride) as usize));
        }
        buf.sort_by(|a, b| a.order(b));
        for (i, &x) in buf.iter().enumerate() {
            out.write::<T>((s as isize + i as isize * stride) as usize, x);
        }
    }
}

/// The indices that sort every lane of `a` along `axis` (stable), as int64.
fn argsort_lanes<T: SortElem>(a: &NdArray, axis: usize) -> PResult<NdArray> {
    let out = NdArray::zeros(a.shape(), DType::Int64, Order::C).or_exc()?;
    let n = a.shape[axis];
    let (starts, stride) = lanes(a, axis);
    let (ostarts, ostride) = lanes(&out, axis);
    let mut idx: Vec<usize> = Vec::with_capacity(n);
    let mut vals: Vec<T> = Vec::with_capacity(n);
    for (s, o) in starts.into_iter().zip(ostarts) {
        vals.clear();
        for i in 0..n as isize {
            vals.push(a.read::<T>((s as isize + i * stride) as usize));
        }
        idx.clear();
        idx.extend(0..n);
        idx.sort_by(|&x, &y| vals[x].order(&vals[y]));
        for (i, &k) in idx.iter().enumerate() {
            out.write::<i64>((o as isize + i as isize * ostride) as usize, k as i64);
        }
    }
    Ok(out)
}

/// The array and axis an axis-wise operation works on: `axis=None` flattens.
fn along(v: &Value, axis: Option<&Value>) -> PResult<(NdArray, usize)> {
    let a = to_array(v)?;
    match axis {
        None => Ok((a.reshape(&[a.size() as isize], Order::C).or_exc()?, 0)),
        Some(ax) => {
            let ax = to_i64(ax)?;
            if a.ndim() == 0 {
                return raise(
                    ExcType::AxisError,
                    format!("axis {ax} is out of bounds for array of dimension 0"),
                );
            }
            let axn = normalize_axis(ax, a.ndim()).or_exc()?;
            Ok((a, axn))
        }
    }
}

fn check_kind(kind: Option<&Value>) -> PResult<()> {
    match kind {
        None => Ok(()),
        Some(Value::Str(s))
            if matches!(&**s, "quicksort" | "mergesort" | "heapsort" | "stable") =>
        {
            Ok(())
        }
        Some(Value::Str(s)) => raise(
            ExcType::ValueError,
            format!(
                "sort kind must be one of 'quick', 'heap', or 'stable' (got '{}')",
                &**s
            ),
        ),
        Some(_) => type_error("sort kind must be a string"),
    }
}

/// A sorted copy (`np.sort`), also used by `np.partition`.
fn sorted_copy(a: &NdArray, axis: usize) -> PResult<NdArray> {
    let out = a.copy(Order::K).or_exc()?;
    crate::with_dtype!(out.dtype, T => sort_lanes::<T>(&out, axis));
    Ok(out)
}

fn np_sort(_: &mut Interp, a: Args) -> PResult<Value> {
    let b = bind("sort", a, &["a", "axis", "kind", "order", "*", "stable"], 1)?;
    check_kind(b.get(2))?;
    let axis = match b.raw(1) {
        None => Some(Value::Int(-1)),
        Some(Value::None) => None,
        Some(v) => Some(v.clone()),
    };
    let (arr, ax) = along(b.req(0), axis.as_ref())?;
    Ok(ArrayObj::value(sorted_copy(&arr, ax)?))
}

fn np_argsort(_: &mut Interp, a: Args) -> PResult<Value> {
    let b = bind(
        "argsort",
        a,
        &["a", "axis", "kind", "order", "*", "stable"],
        1,
    )?;
    check_kind(b.get(2))?;
    let axis = match b.raw(1) {
        None => Some(Value::Int(-1)),
        Some(Value::None) => None,
        Some(v) => Some(v.clone()),
    };
    let (arr, ax) = along(b.req(0), axis.as_ref())?;
    let out = crate::with_dtype!(arr.dtype, T => argsort_lanes::<T>(&arr, ax))?;
    Ok(ArrayObj::value(out))
}

fn np_partition(_: &mut Interp, a: Args) -> PResult<Value> {
    let b = bind("partition", a, &["a", "kth", "axis", "kind", "order"], 2)?;
    let axis = match b.raw(2) {
        None => Some(Value::Int(-1)),
        Some(Value::None) => None,
        Some(v) => Some(v.clone()),
    };
    let (arr, ax) = along(b.req(0), axis.as_ref())?;
    let n = arr.shape.get(ax).copied().unwrap_or(1) as i64;
    let kths: Vec<i64> = match b.req(1) {
        Value::List(l) => l.borrow().iter().map(to_i64).collect::<PResult<_>>()?,
        Value::Tuple(t) => t.iter().map(to_i64).collect::<PResult<_>>()?,
        v @ Value::Array(_) => to_array(v)?
            .iter_scalars()
            .map(|s| s.to_i128().unwrap_or(0) as i64)
            .collect(),
        v => vec![to_i64(v)?],
    };
    for &k in &kths {
        if k < -n || k >= n {
            return raise(
                ExcType::ValueError,
                format!("kth(={k}) out of bounds ({n})"),
            );
        }
    }
    Ok(ArrayObj::value(sorted_copy(&arr, ax)?))
}

macro_rules! table {
    ($($name:literal, $sig:literal, $doc:literal, $f:ident;)*) => {
        pub static FUNCS: &[Builtin] = &[
            $(Builtin { name: $name, module: "numpy", sig: $sig, doc: $doc, f: $f },)*
        ];
    };
}

table! {
    "sort", "sort(a, axis=-1, kind=None, order=None, *, stable=None)", "A sorted copy of an array (NaNs last): np.sort([3, 1, 2]).", np_sort;
    "argsort", "argsort(a, axis=-1, kind=None, order=None, *, stable=None)", "The indices that would sort an array (stable order for ties).", np_argsort;
    "partition", "partition(a, kth, axis=-1, kind='introselect', order=None)", "A copy with the k-th element in its sorted place, smaller ones before it and larger ones after.", np_partition;
}
