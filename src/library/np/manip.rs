//! Sorting, searching and rearranging: `np.sort`, `np.argsort`, `np.partition`,
//! `np.unique`, `np.searchsorted`, the split family, `np.tile`, `np.repeat`, `np.flip`
//! (`flipud`, `fliplr`), `np.roll` and `np.pad` (constant and edge modes).
//! NaNs sort to the end (complex numbers lexicographically, as NumPy orders them).
//! `np.partition` is computed as a full sort, which satisfies its contract (the k-th
//! element in place, smaller ones before, larger after) but may order the other
//! elements differently from NumPy's introselect.

use super::args::bind;
use super::convert::{to_array, to_i64};
use super::{ArrayObj, OrExc};
use crate::array::index::IndexItem;
use crate::array::join::concatenate;
use crate::array::{DType, Element, NdArray, Order, Scalar, normalize_axis};
use crate::eval::Interp;
use crate::eval::exceptions::{ExcType, PResult, raise, type_error};
use crate::eval::value::{Args, Builtin, Value};
use half::f16;
use num_complex::{Complex32, Complex64};
use std::cmp::Ordering;
use std::rc::Rc;

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

// ---- unique, searchsorted -------------------------------------------------------------

/// A value in NumPy's sort order across dtypes (integers exactly).
#[derive(Copy, Clone, Debug, PartialEq)]
enum Key {
    I(i128),
    F(f64, f64),
}

impl Key {
    fn of(s: Scalar) -> Key {
        match s {
            Scalar::F16(_) | Scalar::F32(_) | Scalar::F64(_) => Key::F(s.to_f64(), 0.0),
            Scalar::C64(_) | Scalar::C128(_) => {
                let c = s.to_c128();
                Key::F(c.re, c.im)
            }
            s => Key::I(s.to_i128().unwrap_or(0)),
        }
    }
    fn nan(self) -> bool {
        matches!(self, Key::F(r, i) if r.is_nan() || i.is_nan())
    }
    fn parts(self) -> (f64, f64) {
        match self {
            Key::I(i) => (i as f64, 0.0),
            Key::F(r, i) => (r, i),
        }
    }
}

fn key_order(a: &Key, b: &Key) -> Ordering {
    match (a, b) {
        (Key::I(x), Key::I(y)) => x.cmp(y),
        _ => complex_order(a.parts(), b.parts()),
    }
}

fn keys_of(a: &NdArray) -> Vec<Key> {
    a.iter_scalars().map(Key::of).collect()
}

fn np_unique(it: &mut Interp, a: Args) -> PResult<Value> {
    let names = &[
        "ar",
        "return_index",
        "return_inverse",
        "return_counts",
        "axis",
        "*",
        "equal_nan",
        "sorted",
    ];
    let b = bind("unique", a, names, 1)?;
    let arr = to_array(b.req(0))?;
    let flag = |it: &mut Interp, i: usize| -> PResult<bool> {
        match b.get(i) {
            None => Ok(false),
            Some(v) => it.truthy(v),
        }
    };
    let (ret_index, ret_inverse, ret_counts) = (flag(it, 1)?, flag(it, 2)?, flag(it, 3)?);
    let equal_nan = match b.get(6) {
        None => true,
        Some(v) => it.truthy(v)?,
    };
    if b.get(4).is_some() {
        return type_error("numpyx does not support np.unique(axis=...) yet");
    }
    let flat = arr.reshape(&[arr.size() as isize], Order::C).or_exc()?;
    let keys = keys_of(&flat);
    let n = keys.len();
    let mut perm: Vec<usize> = (0..n).collect();
    perm.sort_by(|&x, &y| key_order(&keys[x], &keys[y]));
    // Group equal neighbours (all NaNs together when equal_nan).
    let mut starts: Vec<usize> = Vec::new();
    for k in 0..n {
        let new_group = k == 0 || {
            let (p, q) = (keys[perm[k - 1]], keys[perm[k]]);
            let both_nan = p.nan() && q.nan();
            !(key_order(&p, &q) == Ordering::Equal && !p.nan() || both_nan && equal_nan)
        };
        if new_group {
            starts.push(k);
        }
    }
    let m = starts.len();
    let uniq = NdArray::zeros(&[m], arr.dtype, Order::C).or_exc()?;
    let mut index = Vec::with_capacity(m);
    let mut counts = Vec::with_capacity(m);
    let mut inverse = vec![0i64; n];
    for (g, &st) in starts.iter().enumerate() {
        let end = starts.get(g + 1).copied().unwrap_or(n);
        uniq.set(&[g], flat.get_flat(perm[st]).or_exc()?).or_exc()?;
        index.push(perm[st..end].iter().copied().min().unwrap_or(0) as i64);
        counts.push((end - st) as i64);
        for &p in &perm[st..end] {
            inverse[p] = g as i64;
        }
    }
    if !(ret_index || ret_inverse || ret_counts) {
        return Ok(ArrayObj::value(uniq));
    }
    let mut out = vec![ArrayObj::value(uniq)];
    if ret_index {
        out.push(ArrayObj::value(NdArray::from_vec(index, &[m]).or_exc()?));
    }
    if ret_inverse {
        out.push(ArrayObj::value(
            NdArray::from_vec(inverse, arr.shape()).or_exc()?,
        ));
    }
    if ret_counts {
        out.push(ArrayObj::value(NdArray::from_vec(counts, &[m]).or_exc()?));
    }
    Ok(Value::tuple(out))
}

fn np_searchsorted(_: &mut Interp, a: Args) -> PResult<Value> {
    let b = bind("searchsorted", a, &["a", "v", "side", "sorter"], 2)?;
    let arr = to_array(b.req(0))?;
    if arr.ndim() != 1 {
        return raise(ExcType::ValueError, "object too deep for desired array");
    }
    let right = match b.get(2) {
        None => false,
        Some(Value::Str(s)) if &**s == "left" => false,
        Some(Value::Str(s)) if &**s == "right" => true,
        Some(Value::Str(s)) if s.starts_with(['l', 'r', 'L', 'R']) => {
            return raise(
                ExcType::ValueError,
                "search side must be one of 'left' or 'right'",
            );
        }
        Some(Value::Str(s)) => {
            return raise(
                ExcType::ValueError,
                format!("search side must be 'left' or 'right' (got '{}')", &**s),
            );
        }
        Some(v) => {
            return type_error(format!("search side must be str, not {}", v.type_name()));
        }
    };
    let mut keys = keys_of(&arr);
    if let Some(sorter) = b.get(3) {
        let idx = to_array(sorter)?;
        let order: Vec<i64> = idx
            .iter_scalars()
            .map(|s| s.to_i128().unwrap_or(0) as i64)
            .collect();
        if order.len() != keys.len() {
            return raise(ExcType::ValueError, "sorter.size must equal a.size");
        }
        let mut sorted = Vec::with_capacity(keys.len());
        for &i in &order {
            if i < 0 || i as usize >= keys.len() {
                return raise(ExcType::ValueError, "Sorter index out of range.");
            }
            sorted.push(keys[i as usize]);
        }
        keys = sorted;
    }
    let vv = b.req(1);
    let v = to_array(vv)?;
    let pos: Vec<i64> = v
        .iter_scalars()
        .map(|s| {
            let k = Key::of(s);
            keys.partition_point(|x| {
                let o = key_order(x, &k);
                if right {
                    o != Ordering::Greater
                } else {
                    o == Ordering::Less
                }
            }) as i64
        })
        .collect();
    let res = NdArray::from_vec(pos, v.shape()).or_exc()?;
    Ok(super::arith::wrap(res, false))
}

// ---- split, tile, repeat, flip, roll, pad -----------------------------------------------

/// `a[..., start:stop, ...]` along `axis` (a view).
fn slice_along(a: &NdArray, axis: usize, start: usize, stop: usize) -> PResult<NdArray> {
    let mut items = vec![IndexItem::ALL; a.ndim()];
    items[axis] = IndexItem::Slice {
        start: Some(start as i64),
        stop: Some(stop as i64),
        step: None,
    };
    a.slice_view(&items).or_exc()
}

fn split_impl(
    v: &Value,
    what: &Value,
    axis: i64,
    equal: bool,
    a_obj: Option<&Rc<ArrayObj>>,
) -> PResult<Value> {
    let arr = to_array(v)?;
    // `ary.shape[axis]`: a tuple index.
    let nd = arr.ndim() as i64;
    if axis >= nd || axis < -nd {
        return raise(ExcType::IndexError, "tuple index out of range");
    }
    let ax = if axis < 0 { axis + nd } else { axis } as usize;
    let n = arr.shape[ax];
    let bounds: Vec<(usize, usize)> = match what {
        Value::List(_) | Value::Tuple(_) | Value::Array(_) => {
            let idx: Vec<i64> = to_array(what)?
                .iter_scalars()
                .map(|s| s.to_i128().unwrap_or(0) as i64)
                .collect();
            let clamp = |i: i64| -> usize {
                let i = if i < 0 { i + n as i64 } else { i };
                i.clamp(0, n as i64) as usize
            };
            let mut pts = vec![0usize];
            pts.extend(idx.iter().map(|&i| clamp(i)));
            pts.push(n);
            pts.windows(2).map(|w| (w[0], w[1].max(w[0]))).collect()
        }
        other => {
            let sections = to_i64(other)?;
            if equal && sections == 0 {
                return raise(ExcType::ZeroDivisionError, "integer modulo by zero");
            }
            if sections <= 0 {
                return raise(
                    ExcType::ValueError,
                    "number sections must be larger than 0.",
                );
            }
            let sections = sections as usize;
            if equal && n % sections != 0 {
                return raise(
                    ExcType::ValueError,
                    "array split does not result in an equal division",
                );
            }
            let (each, extra) = (n / sections, n % sections);
            let mut pts = vec![0usize];
            for k in 0..sections {
                let size = if k < extra { each + 1 } else { each };
                pts.push(pts[k] + size);
            }
            pts.windows(2).map(|w| (w[0], w[1])).collect()
        }
    };
    let mut parts = Vec::with_capacity(bounds.len());
    for (st, en) in bounds {
        let view = slice_along(&arr, ax, st, en)?;
        parts.push(match a_obj {
            Some(o) => ArrayObj::view_value(view, o),
            None => ArrayObj::value(view),
        });
    }
    Ok(Value::list(parts))
}

fn array_obj(v: &Value) -> Option<Rc<ArrayObj>> {
    match v {
        Value::Array(a) => Some(a.clone()),
        _ => None,
    }
}

fn split_axis(b: &crate::library::np::args::Bound, i: usize) -> PResult<i64> {
    match b.get(i) {
        None => Ok(0),
        Some(v) => to_i64(v),
    }
}

fn np_split(_: &mut Interp, a: Args) -> PResult<Value> {
    let b = bind("split", a, &["ary", "indices_or_sections", "axis"], 2)?;
    let ax = split_axis(&b, 2)?;
    split_impl(b.req(0), b.req(1), ax, true, array_obj(b.req(0)).as_ref())
}

fn np_array_split(_: &mut Interp, a: Args) -> PResult<Value> {
    let b = bind("array_split", a, &["ary", "indices_or_sections", "axis"], 2)?;
    let ax = split_axis(&b, 2)?;
    split_impl(b.req(0), b.req(1), ax, false, array_obj(b.req(0)).as_ref())
}

fn dir_split(a: Args, name: &str, min_nd: usize, axis: fn(usize) -> i64) -> PResult<Value> {
    let b = bind(name, a, &["ary", "indices_or_sections"], 2)?;
    let arr = to_array(b.req(0))?;
    if arr.ndim() < min_nd {
        let what = match min_nd {
            1 => "1 or more",
            2 => "2 or more",
            _ => "3 or more",
        };
        return raise(
            ExcType::ValueError,
            format!("{name} only works on arrays of {what} dimensions"),
        );
    }
    split_impl(
        b.req(0),
        b.req(1),
        axis(arr.ndim()),
        true,
        array_obj(b.req(0)).as_ref(),
    )
}

fn np_hsplit(_: &mut Interp, a: Args) -> PResult<Value> {
    dir_split(a, "hsplit", 1, |nd| if nd > 1 { 1 } else { 0 })
}

fn np_vsplit(_: &mut Interp, a: Args) -> PResult<Value> {
    dir_split(a, "vsplit", 2, |_| 0)
}

fn np_dsplit(_: &mut Interp, a: Args) -> PResult<Value> {
    dir_split(a, "dsplit", 3, |_| 2)
}

/// A sequence of ints (or one int) argument.
fn int_list(v: &Value) -> PResult<Vec<i64>> {
    match v {
        Value::List(_) | Value::Tuple(_) | Value::Array(_) => Ok(to_array(v)?
            .iter_scalars()
            .map(|s| s.to_i128().unwrap_or(0) as i64)
            .collect()),
        other => Ok(vec![to_i64(other)?]),
    }
}

/// `a` with leading length-1 axes up to `nd` dimensions.
fn with_ndim(a: &NdArray, nd: usize) -> PResult<NdArray> {
    if a.ndim() >= nd {
        return Ok(a.clone());
    }
    let mut shape: Vec<isize> = vec![1; nd - a.ndim()];
    shape.extend(a.shape().iter().map(|&d| d as isize));
    a.reshape(&shape, Order::C).or_exc()
}

fn np_tile(_: &mut Interp, a: Args) -> PResult<Value> {
    let b = bind("tile", a, &["A", "reps"], 2)?;
    let arr = to_array(b.req(0))?;
    let reps = int_list(b.req(1))?;
    let d = reps.len().max(arr.ndim());
    let mut c = with_ndim(&arr, d)?;
    let mut tup = vec![1i64; d - reps.len()];
    tup.extend(&reps);
    if tup.iter().any(|&r| r < 0) {
        return raise(ExcType::ValueError, "negative dimensions are not allowed");
    }
    for (ax, &r) in tup.iter().enumerate() {
        if r != 1 {
            let copies = vec![c.clone(); r as usize];
            c = if copies.is_empty() {
                let mut shape: Vec<usize> = c.shape().to_vec();
                shape[ax] = 0;
                NdArray::zeros(&shape, c.dtype, Order::C).or_exc()?
            } else {
                concatenate(&copies, Some(ax as i64)).or_exc()?
            };
        }
    }
    if tup.iter().all(|&r| r == 1) {
        c = c.copy(Order::C).or_exc()?;
    }
    Ok(ArrayObj::value(c))
}

fn np_repeat(_: &mut Interp, a: Args) -> PResult<Value> {
    let b = bind("repeat", a, &["a", "repeats", "axis"], 2)?;
    let arr = to_array(b.req(0))?;
    let reps = int_list(b.req(1))?;
    let (src, ax) = match b.get(2) {
        None => (arr.reshape(&[arr.size() as isize], Order::C).or_exc()?, 0),
        Some(v) => {
            let arr = if arr.ndim() == 0 {
                arr.reshape(&[1], Order::C).or_exc()?
            } else {
                arr
            };
            let ax = normalize_axis(to_i64(v)?, arr.ndim()).or_exc()?;
            (arr, ax)
        }
    };
    if reps.len() == 1
        && reps[0] < 0
        && !matches!(b.req(1), Value::List(_) | Value::Tuple(_) | Value::Array(_))
    {
        return raise(ExcType::ValueError, "negative dimensions are not allowed");
    }
    let n = src.shape[ax];
    let counts: Vec<i64> = if reps.len() == 1 {
        vec![reps[0]; n]
    } else if reps.len() == n {
        reps
    } else {
        return raise(
            ExcType::ValueError,
            format!(
                "operands could not be broadcast together with shape ({n},) ({},)",
                reps.len()
            ),
        );
    };
    if counts.iter().any(|&r| r < 0) {
        return raise(
            ExcType::ValueError,
            "repeats may not contain negative values.",
        );
    }
    let mut pieces = Vec::new();
    for (i, &r) in counts.iter().enumerate() {
        let one = slice_along(&src, ax, i, i + 1)?;
        for _ in 0..r {
            pieces.push(one.clone());
        }
    }
    let out = if pieces.is_empty() {
        let mut shape: Vec<usize> = src.shape().to_vec();
        shape[ax] = 0;
        NdArray::zeros(&shape, src.dtype, Order::C).or_exc()?
    } else {
        concatenate(&pieces, Some(ax as i64)).or_exc()?
    };
    Ok(ArrayObj::value(out))
}

/// `m` reversed along `axes` (a view).
fn flipped(m: &NdArray, axes: &[usize]) -> PResult<NdArray> {
    let mut items = vec![IndexItem::ALL; m.ndim()];
    for &ax in axes {
        items[ax] = IndexItem::Slice {
            start: None,
            stop: None,
            step: Some(-1),
        };
    }
    m.slice_view(&items).or_exc()
}

fn flip_value(v: &Value, view: NdArray) -> Value {
    match v {
        Value::Array(o) => ArrayObj::view_value(view, o),
        _ => ArrayObj::value(view),
    }
}

fn np_flip(_: &mut Interp, a: Args) -> PResult<Value> {
    let b = bind("flip", a, &["m", "axis"], 1)?;
    let m = to_array(b.req(0))?;
    let axes: Vec<usize> = match b.get(1) {
        None => (0..m.ndim()).collect(),
        Some(v) => {
            crate::array::view::normalize_axis_tuple(&int_list(v)?, m.ndim(), "").or_exc()?
        }
    };
    Ok(flip_value(b.req(0), flipped(&m, &axes)?))
}

fn np_flipud(_: &mut Interp, a: Args) -> PResult<Value> {
    let b = bind("flipud", a, &["m"], 1)?;
    let m = to_array(b.req(0))?;
    if m.ndim() < 1 {
        return raise(ExcType::ValueError, "Input must be >= 1-d.");
    }
    Ok(flip_value(b.req(0), flipped(&m, &[0])?))
}

fn np_fliplr(_: &mut Interp, a: Args) -> PResult<Value> {
    let b = bind("fliplr", a, &["m"], 1)?;
    let m = to_array(b.req(0))?;
    if m.ndim() < 2 {
        return raise(ExcType::ValueError, "Input must be >= 2-d.");
    }
    Ok(flip_value(b.req(0), flipped(&m, &[1])?))
}

/// `a` rolled by `shift` along `axis` (a copy).
fn roll_axis(a: &NdArray, shift: i64, axis: usize) -> PResult<NdArray> {
    let n = a.shape[axis];
    if n == 0 {
        return a.copy(Order::C).or_exc();
    }
    let k = shift.rem_euclid(n as i64) as usize;
    if k == 0 {
        return a.copy(Order::C).or_exc();
    }
    let tail = slice_along(a, axis, n - k, n)?;
    let head = slice_along(a, axis, 0, n - k)?;
    concatenate(&[tail, head], Some(axis as i64)).or_exc()
}

fn np_roll(_: &mut Interp, a: Args) -> PResult<Value> {
    let b = bind("roll", a, &["a", "shift", "axis"], 2)?;
    let arr = to_array(b.req(0))?;
    let shifts = int_list(b.req(1))?;
    let out = match b.get(2) {
        None => {
            let flat = arr.reshape(&[arr.size() as isize], Order::C).or_exc()?;
            let total: i64 = shifts.iter().fold(0i64, |s, &x| s.wrapping_add(x));
            let r = roll_axis(&flat, total, 0)?;
            let shape: Vec<isize> = arr.shape().iter().map(|&d| d as isize).collect();
            r.reshape(&shape, Order::C).or_exc()?
        }
        Some(v) => {
            let axes = int_list(v)?;
            let pairs: Vec<(i64, i64)> = if shifts.len() == axes.len() {
                shifts.iter().copied().zip(axes.iter().copied()).collect()
            } else if shifts.len() == 1 {
                axes.iter().map(|&ax| (shifts[0], ax)).collect()
            } else if axes.len() == 1 {
                shifts.iter().map(|&s| (s, axes[0])).collect()
            } else {
                return raise(
                    ExcType::ValueError,
                    "'shift' and 'axis' should be scalars or 1D sequences",
                );
            };
            let mut r = arr.copy(Order::C).or_exc()?;
            for (s, ax) in pairs {
                let axn = normalize_axis(ax, r.ndim()).or_exc()?;
                r = roll_axis(&r, s, axn)?;
            }
            r
        }
    };
    Ok(ArrayObj::value(out))
}

/// `pad_width` as (before, after) per axis.
fn pad_widths(v: &Value, ndim: usize) -> PResult<Vec<(usize, usize)>> {
    let arr = to_array(v)?;
    let vals: Vec<i64> = arr
        .iter_scalars()
        .map(|s| s.to_i128().unwrap_or(0) as i64)
        .collect();
    if vals.iter().any(|&x| x < 0) {
        return raise(ExcType::ValueError, "index can't contain negative values");
    }
    let u = |x: i64| x as usize;
    Ok(match (arr.ndim(), vals.len()) {
        (0, 1) | (1, 1) => vec![(u(vals[0]), u(vals[0])); ndim],
        (1, 2) => vec![(u(vals[0]), u(vals[1])); ndim],
        (2, _) if arr.shape[0] == ndim && arr.shape[1] == 2 => (0..ndim)
            .map(|k| (u(vals[2 * k]), u(vals[2 * k + 1])))
            .collect(),
        (2, _) if arr.shape[0] == ndim && arr.shape[1] == 1 => {
            (0..ndim).map(|k| (u(vals[k]), u(vals[k]))).collect()
        }
        (2, _) if arr.shape[0] == 1 && arr.shape[1] == 2 => vec![(u(vals[0]), u(vals[1])); ndim],
        _ => {
            return raise(
                ExcType::ValueError,
                format!(
                    "operands could not be broadcast together with remapped shapes [original->remapped]: {}  and requested shape ({},2)",
                    crate::array::shape_repr(arr.shape()),
                    ndim
                ),
            );
        }
    })
}

fn np_pad(_: &mut Interp, a: Args) -> PResult<Value> {
    let b = bind(
        "pad",
        a,
        &[
            "array",
            "pad_width",
            "mode",
            "constant_values",
            "end_values",
            "reflect_type",
        ],
        2,
    )?;
    let arr = to_array(b.req(0))?;
    let widths = pad_widths(b.req(1), arr.ndim())?;
    let mode = match b.get(2) {
        None => "constant".to_string(),
        Some(Value::Str(s)) => s.to_string(),
        Some(_) => return type_error("mode must be a string"),
    };
    let shape: Vec<usize> = arr
        .shape()
        .iter()
        .zip(&widths)
        .map(|(&d, &(l, r))| d + l + r)
        .collect();
    let out = NdArray::zeros(&shape, arr.dtype, Order::C).or_exc()?;
    match mode.as_str() {
        "constant" => {
            if let Some(cv) = b.get(3) {
                let c = to_array(cv)?;
                if c.size() != 1 {
                    return type_error("numpyx supports only a scalar constant_values in np.pad");
                }
                out.fill(c.item().or_exc()?).or_exc()?;
            }
        }
        "edge" => {}
        other => {
            return raise(
                ExcType::ValueError,
                format!(
                    "numpyx does not support np.pad(mode={}) yet",
                    crate::eval::repr::repr_str(other)
                ),
            );
        }
    }
    let center: Vec<IndexItem> = arr
        .shape()
        .iter()
        .zip(&widths)
        .map(|(&d, &(l, _))| IndexItem::Slice {
            start: Some(l as i64),
            stop: Some((l + d) as i64),
            step: None,
        })
        .collect();
    out.slice_view(&center).or_exc()?.assign(&arr).or_exc()?;
    if mode == "edge" {
        // Axis by axis, each pad region copies the nearest edge slice.
        for (ax, &(l, r)) in widths.iter().enumerate() {
            let n = arr.shape[ax];
            if n == 0 && (l > 0 || r > 0) {
                return raise(
                    ExcType::ValueError,
                    "can't extend empty axis 0 using modes other than 'constant' or 'empty'",
                );
            }
            let total = out.shape[ax];
            let first = slice_along(&out, ax, l, l + 1)?;
            let last = slice_along(&out, ax, l + n - 1, l + n)?;
            if l > 0 {
                slice_along(&out, ax, 0, l)?.assign(&first).or_exc()?;
            }
            if r > 0 {
                slice_along(&out, ax, total - r, total)?
                    .assign(&last)
                    .or_exc()?;
            }
        }
    }
    Ok(ArrayObj::value(out))
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
    "unique", "unique(ar, return_index=False, return_inverse=False, return_counts=False, axis=None, *, equal_nan=True, sorted=True)", "The sorted unique elements of an array, optionally with first indices, inverse and counts.", np_unique;
    "searchsorted", "searchsorted(a, v, side='left', sorter=None)", "Indices where elements of v should be inserted into the sorted array a.", np_searchsorted;
    "split", "split(ary, indices_or_sections, axis=0)", "Split an array into equal sub-arrays (views) or at the given indices.", np_split;
    "array_split", "array_split(ary, indices_or_sections, axis=0)", "Split an array into sub-arrays of nearly equal size.", np_array_split;
    "hsplit", "hsplit(ary, indices_or_sections)", "Split an array column-wise (axis 1, or 0 for 1-D).", np_hsplit;
    "vsplit", "vsplit(ary, indices_or_sections)", "Split an array row-wise (axis 0).", np_vsplit;
    "dsplit", "dsplit(ary, indices_or_sections)", "Split an array along the third axis.", np_dsplit;
    "tile", "tile(A, reps)", "Repeat an array the number of times given by reps along each axis.", np_tile;
    "repeat", "repeat(a, repeats, axis=None)", "Repeat each element of an array.", np_repeat;
    "flip", "flip(m, axis=None)", "Reverse the order of elements along the given axes (a view).", np_flip;
    "flipud", "flipud(m)", "Reverse the order of elements along axis 0.", np_flipud;
    "fliplr", "fliplr(m)", "Reverse the order of elements along axis 1.", np_fliplr;
    "roll", "roll(a, shift, axis=None)", "Roll array elements along the given axes.", np_roll;
    "pad", "pad(array, pad_width, mode='constant', constant_values=0)", "Pad an array (constant and edge modes).", np_pad;
}
