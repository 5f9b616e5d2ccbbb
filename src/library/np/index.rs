//! Advanced indexing of arrays (integer arrays and lists, boolean masks, mixed with
//! slices), indexed assignment with NumPy's conversions and errors, `a.flat`, and the
//! index functions of the module (`np.where`, `np.nonzero`, `np.take`, ...). Basic
//! indexing (views) is in `attrs`; the gathers and scatters are `crate::array::fancy`.

use super::args::bind;
use super::convert::{Operand, operand_kind, to_array, to_array_dtype, to_dims, to_i64, to_nested};
use super::{ArrayObj, NativeBox, NativeObj, OrExc, scalar};
use crate::array::fancy::{self, ClipMode, Index, Plan};
use crate::array::nested::from_nested;
use crate::array::{Casting, DType, IndexItem, NdArray, Order, Scalar, Weak, dtype};
use crate::eval::Interp;
use crate::eval::exceptions::{Exc, ExcType, PResult, raise, type_error};
use crate::eval::value::{Args, Builtin, IterObj, SeqIter, Value};
use std::cell::{Cell, RefCell};
use std::rc::Rc;

fn invalid_index() -> Box<Exc> {
    super::attrs::invalid_index()
}

/// A slice bound: ints, bools, NumPy integers and None (Python's `__index__` rules).
fn slice_part(p: &Value) -> PResult<Option<i64>> {
    match p {
        Value::None => Ok(None),
        Value::Int(i) => Ok(Some(*i)),
        Value::Bool(b) => Ok(Some(*b as i64)),
        Value::BigInt(b) => Ok(Some(if b.sign() == num_bigint::Sign::Minus {
            i64::MIN
        } else {
            i64::MAX
        })),
        Value::NpScalar(s) => match scalar::as_index(**s) {
            Some(i) => Ok(Some(i)),
            None => {
                type_error("slice indices must be integers or None or have an __index__ method")
            }
        },
        _ => type_error("slice indices must be integers or None or have an __index__ method"),
    }
}

/// One element of a subscript as NumPy's `prepare_index` classifies it.
fn index_item(v: &Value) -> PResult<Index> {
    Ok(match v {
        Value::Int(i) => Index::Int(*i),
        Value::Bool(b) => Index::Bool(NdArray::from_scalar(Scalar::Bool(*b)).or_exc()?),
        Value::BigInt(b) => {
            // Fits an unsigned 64-bit array but not an index; beyond that an object array.
            if num_traits::ToPrimitive::to_u64(&**b).is_some() {
                return raise(
                    ExcType::OverflowError,
                    "Python int too large to convert to C long",
                );
            }
            return Err(invalid_index());
        }
        Value::NpScalar(s) => {
            let d = s.dtype();
            if d == DType::Bool {
                Index::Bool(NdArray::from_scalar(**s).or_exc()?)
            } else if d.is_integer() {
                match scalar::as_index(**s) {
                    Some(i) => Index::Int(i),
                    None => {
                        return raise(
                            ExcType::OverflowError,
                            "Python int too large to convert to C long",
                        );
                    }
                }
            } else {
                return Err(invalid_index());
            }
        }
        Value::None => Index::NewAxis,
        Value::Ellipsis => Index::Ellipsis,
        Value::Slice(s) => Index::Slice {
            start: slice_part(&s.start)?,
            stop: slice_part(&s.stop)?,
            step: slice_part(&s.step)?,
        },
        Value::Array(a) => array_index(a.get(), true)?,
        Value::List(_) | Value::Tuple(_) => {
            let nested = to_nested(v).map_err(|_| invalid_index())?;
            let arr = match from_nested(&nested, None, 0) {
                Ok(arr) => arr,
                // A ragged list is NumPy's ValueError; anything else is not an index.
                Err(e) if e.msg.contains("inhomogeneous") => return Err(e).or_exc(),
                Err(_) => return Err(invalid_index()),
            };
            if arr.size() == 0 && arr.dtype != DType::Bool {
                Index::Array(arr.astype(DType::Int64, Casting::Unsafe).or_exc()?)
            } else {
                array_index(arr, false)?
            }
        }
        _ => return Err(invalid_index()),
    })
}

/// An array used as an index: boolean, integer (0-d ones are integers), or an error.
fn array_index(arr: NdArray, was_array: bool) -> PResult<Index> {
    if arr.dtype == DType::Bool {
        return Ok(Index::Bool(arr));
    }
    if arr.dtype.is_integer() {
        if arr.ndim() == 0 {
            let s = arr.item().or_exc()?;
            return Ok(Index::ScalarArray(s.to_i128().unwrap_or(0) as i64));
        }
        return Ok(Index::Array(arr));
    }
    if was_array {
        raise(
            ExcType::IndexError,
            "arrays used as indices must be of integer (or boolean) type",
        )
    } else {
        Err(invalid_index())
    }
}

/// The items of a subscript: a tuple's elements, or the key alone.
fn index_items(key: &Value) -> PResult<Vec<Index>> {
    match key {
        Value::Tuple(t) => t.iter().map(index_item).collect(),
        v => Ok(vec![index_item(v)?]),
    }
}

/// The value of a gather: the returned view keeps NumPy's hidden base alive.
fn gathered(g: fancy::Gathered) -> Value {
    match g.view {
        None => ArrayObj::value(g.buffer),
        Some(v) => {
            let base = Rc::new(ArrayObj {
                arr: RefCell::new(g.buffer),
                base: None,
            });
            ArrayObj::view_value(v, &base)
        }
    }
}

/// `a[key]` where `key` is not a basic index: always a copy.
pub fn get_advanced(this: &Rc<ArrayObj>, key: &Value) -> PResult<Value> {
    let arr = this.get();
    let plan = fancy::prepare(&arr, index_items(key)?).or_exc()?;
    if let Plan::Basic {
        items,
        copy,
        scalar: is_scalar,
    } = &plan
    {
        let v = arr.slice_view(items).or_exc()?;
        if *is_scalar {
            return Ok(scalar::value(v.item().or_exc()?));
        }
        if !copy {
            return Ok(ArrayObj::view_value(v, this));
        }
        return Ok(ArrayObj::value(v.copy(Order::K).or_exc()?));
    }
    Ok(gathered(arr.fancy_get(&plan).or_exc()?))
}

/// A value stored through an advanced index: Python objects convert into `dt` with
/// NumPy's checks (`OverflowError: Python integer 300 out of bounds for int8`); arrays
/// and NumPy scalars are cast unsafe-ly.
fn fancy_value(v: &Value, dt: DType) -> PResult<NdArray> {
    match v {
        Value::Array(a) => Ok(a.get()),
        Value::NpScalar(s) => NdArray::from_scalar(**s).or_exc(),
        _ => to_array_dtype(v, Some(dt)),
    }
}

/// `a[key] = value` where `key` is not a basic index.
pub fn set_advanced(this: &Rc<ArrayObj>, key: &Value, value: &Value) -> PResult<()> {
    let arr = this.get();
    arr.check_writeable().or_exc()?;
    let plan = fancy::prepare(&arr, index_items(key)?).or_exc()?;
    if let Plan::Basic { items, .. } = &plan {
        return set_basic(&arr, items, value);
    }
    let v = fancy_value(value, arr.dtype)?;
    arr.fancy_set(&plan, &v).or_exc()
}

fn sequence_error(ndim: Option<usize>) -> Box<Exc> {
    let mut msg = String::from("setting an array element with a sequence.");
    if let Some(n) = ndim {
        msg.push_str(&format!(
            " The requested array would exceed the maximum number of dimension of {n}."
        ));
    }
    Exc::new(ExcType::ValueError, msg)
}

/// A NumPy scalar stored into an element of `dt` as NumPy's `setitem` does: signed integer
/// targets take any real NumPy number through Python's `int()` with its range checks
/// (`np.float32(300)` into int8 is an OverflowError); every other target, unsigned
/// integers included, casts unsafe-ly (`np.int64(-1)` into uint8 is 255).
fn pack_scalar(s: Scalar, dt: DType) -> crate::array::Result<Scalar> {
    let sd = s.dtype();
    if !dt.is_signed_int() || sd == dt || sd.is_bool() || sd.is_complex() {
        return Ok(s.cast(dt));
    }
    if sd.is_integer() {
        Scalar::from_py_int(s.to_i128(), dt)
    } else {
        Scalar::from_py_float(s.to_f64(), dt)
    }
}

/// `a[items] = value` for a basic index (a view, or one element for a full integer
/// index), converting `value` as NumPy's `PyArray_Pack`/`PyArray_CopyObject` do: Python
/// and NumPy scalars with range checks, arrays unsafe-ly, sequences at most as deep as
/// the destination.
pub fn set_basic(arr: &NdArray, items: &[IndexItem], value: &Value) -> PResult<()> {
    arr.check_writeable().or_exc()?;
    let dst = arr.slice_view(items).or_exc()?;
    let dt = dst.dtype;
    let element = crate::array::index::is_scalar_index(items, arr.ndim());
    if element && let Value::List(_) | Value::Tuple(_) = value {
        // One element from a Python sequence: NumPy calls the dtype's scalar conversion.
        let kind = value.type_name();
        if dt.is_integer() {
            return type_error(format!(
                "int() argument must be a string, a bytes-like object or a real number, not '{kind}'"
            ));
        }
        if dt.is_complex() {
            return type_error(format!("must be real number, not {kind}"));
        }
        if dt.is_bool() {
            let empty = match value {
                Value::List(l) => l.borrow().is_empty(),
                Value::Tuple(t) => t.is_empty(),
                _ => false,
            };
            dst.set_at(dst.offset, Scalar::Bool(!empty));
            return Ok(());
        }
        return Err(sequence_error(None));
    }
    let src = match value {
        Value::Array(a) => a.get(),
        Value::NpScalar(s) => NdArray::from_scalar(pack_scalar(**s, dt).or_exc()?).or_exc()?,
        Value::List(_) | Value::Tuple(_) => {
            let n = to_array_dtype(value, Some(dt))?;
            if n.ndim() > dst.ndim() {
                return Err(sequence_error((!element).then_some(dst.ndim())));
            }
            n
        }
        _ => to_array_dtype(value, Some(dt))?,
    };
    if element && src.ndim() > 0 {
        return Err(sequence_error(None));
    }
    dst.assign(&fancy::strip_leading_ones(&src, dst.ndim()))
        .or_exc()
}

// ----- a.flat -----

/// `a.flat`: indexing and assignment in C order over the array's elements.
#[derive(Debug)]
pub struct FlatIter {
    arr: Rc<ArrayObj>,
    /// The next flat position `next()` returns (`a.flat.index`); indexing resets it.
    pos: Cell<usize>,
}

/// `a.flat` as a value.
pub fn flat_value(this: &Rc<ArrayObj>) -> Value {
    NativeBox::value(FlatIter {
        arr: this.clone(),
        pos: Cell::new(0),
    })
}

impl FlatIter {
    /// `a.flat.coords`: the position unravelled in C order (the first coordinate runs past
    /// its axis once the iterator is exhausted, as NumPy's does).
    fn coords(&self) -> Value {
        let arr = self.arr.arr.borrow();
        let shape = arr.shape();
        let mut c = vec![0i64; shape.len()];
        if arr.size() > 0 {
            let mut p = self.pos.get();
            for k in (1..shape.len()).rev() {
                c[k] = (p % shape[k]) as i64;
                p /= shape[k];
            }
            if let Some(first) = c.first_mut() {
                *first = p as i64;
            }
        }
        Value::tuple(c.into_iter().map(Value::Int).collect())
    }
}

fn flat_bounds(i: i64, n: usize) -> PResult<usize> {
    let j = if i < 0 { i + n as i64 } else { i };
    if j < 0 || j >= n as i64 {
        return raise(
            ExcType::IndexError,
            format!("index {i} is out of bounds for size {n}"),
        );
    }
    Ok(j as usize)
}

/// The flat positions a `flat[key]` selects (`None` for one integer), with NumPy's
/// flat-iterator errors.
fn flat_positions(key: &Value, n: usize) -> PResult<Result<Vec<i64>, usize>> {
    let bad = || {
        Exc::new(
            ExcType::IndexError,
            "only integers, slices (`:`), ellipsis (`...`) and integer or boolean arrays are valid indices",
        )
    };
    let all = || (0..n as i64).collect::<Vec<_>>();
    match key {
        Value::Int(i) => Ok(Err(flat_bounds(*i, n)?)),
        Value::NpScalar(s) if s.dtype().is_integer() => {
            Ok(Err(flat_bounds(s.to_i128().unwrap_or(0) as i64, n)?))
        }
        Value::Float(x) if x.is_finite() => Ok(Err(flat_bounds(x.trunc() as i64, n)?)),
        Value::Ellipsis => Ok(Ok(all())),
        Value::Tuple(t) if t.is_empty() => Ok(Ok(all())),
        Value::Tuple(t) if t.len() == 1 => flat_positions(&t[0], n),
        Value::Tuple(t) => raise(
            ExcType::IndexError,
            format!(
                "too many indices for flat iterator: flat iterator is 1-dimensional, but {} were indexed",
                t.len()
            ),
        ),
        Value::Slice(s) => {
            let (start, step, count) = crate::array::index::slice_indices(
                slice_part(&s.start)?,
                slice_part(&s.stop)?,
                slice_part(&s.step)?,
                n,
            )
            .or_exc()?;
            Ok(Ok((0..count as i64).map(|k| start + k * step).collect()))
        }
        Value::Array(_) | Value::List(_) => {
            let arr = match key {
                Value::Array(a) => a.get(),
                _ => {
                    let arr = to_nested(key)
                        .ok()
                        .and_then(|v| from_nested(&v, None, 0).ok())
                        .ok_or_else(bad)?;
                    if arr.dtype == DType::Bool {
                        return raise(
                            ExcType::IndexError,
                            "boolean indices for iterators are not supported because of previous behavior that was confusing (valid boolean indices are expected to work in the future)",
                        );
                    }
                    arr
                }
            };
            if arr.dtype == DType::Bool {
                if arr.ndim() != 1 || arr.size() != n {
                    let len = if arr.ndim() == 0 { 1 } else { arr.shape()[0] };
                    return raise(
                        ExcType::IndexError,
                        format!(
                            "boolean index did not match indexed flat iterator along axis 0; size of axis is {n} but size of corresponding boolean axis is {len}"
                        ),
                    );
                }
                let nz = fancy::nonzero(&arr).or_exc()?;
                return Ok(Ok(nz[0].to_vec::<i64>().unwrap_or_default()));
            }
            if !(arr.dtype.is_integer() || arr.size() == 0) {
                return Err(bad());
            }
            let arr = arr.astype(DType::Int64, Casting::Unsafe).or_exc()?;
            let mut out = Vec::with_capacity(arr.size());
            for s in arr.iter_scalars() {
                let i = s.to_i128().unwrap_or(0) as i64;
                flat_bounds(i, n)?;
                out.push(if i < 0 { i + n as i64 } else { i });
            }
            Ok(Ok(out))
        }
        _ => Err(bad()),
    }
}

/// `a.flat[key]`.
fn flat_get(this: &Rc<ArrayObj>, key: &Value) -> PResult<Value> {
    let arr = this.get();
    let n = arr.size();
    let pos = match flat_positions(key, n)? {
        Err(i) => return Ok(scalar::value(arr.get_at(fancy::flat_offset(&arr, i)))),
        Ok(p) => p,
    };
    // The result takes the index array's shape.
    let shape: Vec<usize> = match key {
        Value::Array(a) if a.arr.borrow().dtype != DType::Bool => a.arr.borrow().shape().to_vec(),
        Value::List(_) => to_array(key)?.shape().to_vec(),
        _ => vec![pos.len()],
    };
    let flat = arr.ravel(Order::C).or_exc()?;
    let idx = NdArray::from_vec(pos, &shape).or_exc()?;
    let plan = fancy::prepare(&flat, vec![Index::Array(idx)]).or_exc()?;
    Ok(gathered(flat.fancy_get(&plan).or_exc()?))
}

/// `a.flat[key] = value` (and `a.flat = value` with `key` `...`): the values repeat over
/// the selected positions.
fn flat_set(this: &Rc<ArrayObj>, key: &Value, value: &Value) -> PResult<()> {
    let arr = this.get();
    arr.check_writeable().or_exc()?;
    let n = arr.size();
    match flat_positions(key, n)? {
        Err(i) => {
            let single = || Exc::new(ExcType::ValueError, "Error setting single item of array.");
            let v = match value {
                Value::Array(a) => a.get(),
                Value::List(_) | Value::Tuple(_) => return Err(single()),
                _ => to_array_dtype(value, Some(arr.dtype)).map_err(|_| single())?,
            };
            if v.size() != 1 {
                return Err(single());
            }
            let s = v.item().or_exc()?.cast(arr.dtype);
            arr.set_at(fancy::flat_offset(&arr, i), s);
            Ok(())
        }
        Ok(pos) => {
            let v = fancy_value(value, arr.dtype)?;
            let v = if v.dtype == arr.dtype {
                v
            } else {
                v.astype(arr.dtype, Casting::Unsafe).or_exc()?
            };
            fancy::put(&arr, &pos, &v, ClipMode::Raise).or_exc()
        }
    }
}

/// `a.flat = value`.
pub fn set_flat(this: &Rc<ArrayObj>, value: &Value) -> PResult<()> {
    flat_set(this, &Value::Ellipsis, value)
}

impl NativeObj for FlatIter {
    fn type_name(&self) -> &'static str {
        "numpy.flatiter"
    }
    fn repr(&self, _: &mut Interp) -> PResult<String> {
        Ok(format!(
            "<numpy.flatiter object at {:#x}>",
            Rc::as_ptr(&self.arr) as usize
        ))
    }
    fn get_attr(&self, _: &mut Interp, _: &Value, name: &str) -> PResult<Option<Value>> {
        Ok(Some(match name {
            "base" => Value::Array(self.arr.clone()),
            "index" => Value::Int(self.pos.get() as i64),
            "coords" => self.coords(),
            _ => return Ok(None),
        }))
    }
    fn call_method(
        &self,
        _: &mut Interp,
        _: &Value,
        name: &str,
        a: Args,
    ) -> PResult<Option<Value>> {
        match name {
            "copy" => {
                a.expect("copy", 0, 0)?;
                let arr = self.arr.get();
                Ok(Some(ArrayObj::value(arr.flatten(Order::C).or_exc()?)))
            }
            "__len__" => Ok(Some(Value::Int(self.arr.arr.borrow().size() as i64))),
            _ => Ok(None),
        }
    }
    fn get_item(&self, _: &mut Interp, key: &Value) -> PResult<Option<Value>> {
        self.pos.set(0);
        flat_get(&self.arr, key).map(Some)
    }
    fn set_item(&self, _: &mut Interp, key: &Value, value: &Value) -> PResult<Option<()>> {
        self.pos.set(0);
        flat_set(&self.arr, key, value).map(Some)
    }
    fn is_iterator(&self) -> bool {
        true
    }
    fn next_item(&self, _: &mut Interp) -> PResult<Option<Value>> {
        let arr = self.arr.arr.borrow();
        let i = self.pos.get();
        if i >= arr.size() {
            return Ok(None);
        }
        self.pos.set(i + 1);
        Ok(Some(scalar::value(arr.get_at(fancy::flat_offset(&arr, i)))))
    }
    fn attr_names(&self) -> Vec<&'static str> {
        vec!["base", "coords", "copy", "index"]
    }
}

// ----- helpers for the functions -----

fn mode_arg(it: &mut Interp, v: Option<&Value>) -> PResult<ClipMode> {
    match v {
        None => Ok(ClipMode::Raise),
        Some(v) => {
            let s = it.to_str(v)?;
            ClipMode::parse(&s).ok_or_else(|| {
                Exc::new(
                    ExcType::ValueError,
                    format!("clipmode must be one of 'clip', 'raise', or 'wrap' (got '{s}')"),
                )
            })
        }
    }
}

fn axis_arg(v: Option<&Value>) -> PResult<Option<i64>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(v) => Ok(Some(to_i64(v)?)),
    }
}

/// Index values as int64 (NumPy casts index arguments to `intp`).
fn int_array(v: &Value) -> PResult<NdArray> {
    let a = to_array(v)?;
    if a.dtype == DType::Int64 {
        return Ok(a);
    }
    a.astype(DType::Int64, Casting::Unsafe).or_exc()
}

fn i64s(a: &NdArray) -> Vec<i64> {
    match a.to_vec::<i64>() {
        Some(v) => v,
        None => a
            .iter_scalars()
            .map(|s| s.to_i128().unwrap_or(0) as i64)
            .collect(),
    }
}

/// A result that NumPy returns as a scalar when it is 0-d.
fn array_or_scalar(a: NdArray) -> PResult<Value> {
    if a.ndim() == 0 {
        return Ok(scalar::value(a.item().or_exc()?));
    }
    Ok(ArrayObj::value(a))
}

fn tuple_of(arrays: Vec<NdArray>) -> Value {
    Value::tuple(arrays.into_iter().map(ArrayObj::value).collect())
}

fn full_slice() -> Index {
    Index::Slice {
        start: None,
        stop: None,
        step: None,
    }
}

/// The dtype of operands combined with NEP 50 (Python scalars weak) and each operand as an
/// array of it (Python scalars cast unsafe-ly, as NumPy's `where`/`choose` do).
fn common_operands(vals: &[&Value]) -> PResult<(DType, Vec<NdArray>)> {
    let mut strong = Vec::new();
    let mut weak: Vec<Weak> = Vec::new();
    for v in vals {
        match operand_kind(v)? {
            Operand::Strong(d) => strong.push(d),
            Operand::Weak(w) => weak.push(w),
        }
    }
    let dt = dtype::result_type(&strong, &weak).unwrap_or(DType::Float64);
    let mut out = Vec::with_capacity(vals.len());
    for v in vals {
        let a = match v {
            Value::BigInt(_) => {
                return raise(
                    ExcType::OverflowError,
                    "Python int too large to convert to C long",
                );
            }
            _ => to_array(v)?,
        };
        out.push(if a.dtype == dt {
            a
        } else {
            a.astype(dt, Casting::Unsafe).or_exc()?
        });
    }
    Ok((dt, out))
}

/// `np.nonzero(a)` with NumPy's 0-d error.
fn nonzero_of(a: &NdArray) -> PResult<Vec<NdArray>> {
    if a.ndim() == 0 {
        return raise(
            ExcType::ValueError,
            "Calling nonzero on 0d arrays is not allowed. Use np.atleast_1d(scalar).nonzero() instead.",
        );
    }
    fancy::nonzero(a).or_exc()
}

/// `take` along `axis` (None: the flattened array) with a clip mode.
fn take_impl(a: &NdArray, idx: &NdArray, axis: Option<i64>, mode: ClipMode) -> PResult<NdArray> {
    let (a, axis) = match axis {
        None => (a.ravel(Order::C).or_exc()?, 0),
        Some(ax) => (
            a.clone(),
            crate::array::normalize_axis(ax, a.ndim()).or_exc()?,
        ),
    };
    let n = a.shape()[axis];
    let mut idx = idx.clone();
    if mode != ClipMode::Raise || n == 0 {
        if n == 0 {
            if idx.size() > 0 {
                return raise(
                    ExcType::IndexError,
                    "cannot do a non-empty take from an empty axes.",
                );
            }
        } else {
            let vals: Vec<i64> = i64s(&idx).into_iter().map(|v| mode.apply(v, n)).collect();
            idx = NdArray::from_vec(vals, idx.shape()).or_exc()?;
        }
    }
    let mut items: Vec<Index> = (0..axis).map(|_| full_slice()).collect();
    items.push(Index::Array(idx));
    let plan = fancy::prepare(&a, items).or_exc()?;
    let g = a.fancy_get(&plan).or_exc()?;
    let r = g.view.unwrap_or(g.buffer);
    if r.is_c_contiguous() {
        Ok(r)
    } else {
        r.copy(Order::C).or_exc()
    }
}

/// The index of `take_along_axis`/`put_along_axis`: `indices` on `axis`, `arange`s
/// shaped to broadcast on the other axes.
fn along_axis_items(shape: &[usize], indices: NdArray, axis: usize) -> PResult<Vec<Index>> {
    let nd = shape.len();
    let mut items = Vec::with_capacity(nd);
    for (k, &n) in shape.iter().enumerate() {
        if k == axis {
            items.push(Index::Array(indices.clone()));
        } else {
            let mut s = vec![1usize; nd];
            s[k] = n;
            let r = NdArray::from_vec((0..n as i64).collect::<Vec<_>>(), &s).or_exc()?;
            items.push(Index::Array(r));
        }
    }
    Ok(items)
}

/// The array and axis of `take_along_axis`-style arguments.
fn along_axis_args(
    arr: &Value,
    indices: &Value,
    axis: Option<&Value>,
) -> PResult<(NdArray, NdArray, Option<usize>)> {
    let Value::Array(_) = indices else {
        return raise(
            ExcType::AttributeError,
            format!("'{}' object has no attribute 'dtype'", indices.type_name()),
        );
    };
    let a = match arr {
        Value::Array(a) => a.get(),
        other => {
            return raise(
                ExcType::AttributeError,
                format!("'{}' object has no attribute 'ndim'", other.type_name()),
            );
        }
    };
    let idx = to_array(indices)?;
    if !idx.dtype.is_integer() {
        return raise(ExcType::IndexError, "`indices` must be an integer array");
    }
    match axis_arg(axis)? {
        None => {
            if idx.ndim() != 1 {
                return raise(
                    ExcType::ValueError,
                    "when axis=None, `indices` must have a single dimension.",
                );
            }
            Ok((a, idx, None))
        }
        Some(ax) => {
            let ax = crate::array::normalize_axis(ax, a.ndim()).or_exc()?;
            if idx.ndim() != a.ndim() {
                return raise(
                    ExcType::ValueError,
                    "`indices` and `arr` must have the same number of dimensions",
                );
            }
            Ok((a, idx, Some(ax)))
        }
    }
}

// ----- the functions -----

fn np_where(_: &mut Interp, a: Args) -> PResult<Value> {
    if !a.kw.is_empty() {
        let names: Vec<&str> = a.kw.iter().map(|(k, _)| &**k).collect();
        if names.iter().all(|n| ["condition", "x", "y"].contains(n)) {
            return type_error(format!(
                "where() got some positional-only arguments passed as keyword arguments: '{}'",
                names.join(", ")
            ));
        }
        return type_error(format!(
            "where() got an unexpected keyword argument '{}'",
            names[0]
        ));
    }
    match a.pos.len() {
        0 => type_error("where() missing 1 required positional argument: 'condition'"),
        1 => {
            let c = to_array(&a.pos[0])?;
            Ok(tuple_of(nonzero_of(&c)?))
        }
        2 => raise(
            ExcType::ValueError,
            "either both or neither of x and y should be given",
        ),
        3 => {
            let cond = to_array(&a.pos[0])?;
            let (_, xy) = common_operands(&[&a.pos[1], &a.pos[2]])?;
            Ok(ArrayObj::value(
                fancy::where_(&cond, &xy[0], &xy[1]).or_exc()?,
            ))
        }
        n => type_error(format!("where() takes at most 3 arguments ({n} given)")),
    }
}

fn np_nonzero(_: &mut Interp, a: Args) -> PResult<Value> {
    let b = bind("nonzero", a, &["a"], 1)?;
    Ok(tuple_of(nonzero_of(&to_array(b.req(0))?)?))
}

fn np_argwhere(_: &mut Interp, a: Args) -> PResult<Value> {
    let b = bind("argwhere", a, &["a"], 1)?;
    let arr = to_array(b.req(0))?;
    if arr.ndim() == 0 {
        // NumPy: argwhere of a 0-d array is that of atleast_1d(a)[..., :0] rows.
        let n = arr.item().or_exc()?.is_true() as usize;
        return Ok(ArrayObj::value(
            NdArray::zeros(&[n, 0], DType::Int64, Order::C).or_exc()?,
        ));
    }
    let nz = fancy::nonzero(&arr).or_exc()?;
    let count = nz.first().map(|c| c.size()).unwrap_or(0);
    let nd = nz.len();
    let cols: Vec<Vec<i64>> = nz.iter().map(i64s).collect();
    let mut data = Vec::with_capacity(count * nd);
    for i in 0..count {
        for c in &cols {
            data.push(c[i]);
        }
    }
    Ok(ArrayObj::value(
        NdArray::from_vec(data, &[count, nd]).or_exc()?,
    ))
}

fn np_flatnonzero(_: &mut Interp, a: Args) -> PResult<Value> {
    let b = bind("flatnonzero", a, &["a"], 1)?;
    let arr = to_array(b.req(0))?.ravel(Order::C).or_exc()?;
    let mut nz = fancy::nonzero(&arr).or_exc()?;
    Ok(ArrayObj::value(nz.remove(0)))
}

fn np_take(it: &mut Interp, a: Args) -> PResult<Value> {
    let b = bind("take", a, &["a", "indices", "axis", "out", "mode"], 2)?;
    if b.get(3).is_some() {
        return type_error("numpyx does not support the out argument of take (yet)");
    }
    let arr = to_array(b.req(0))?;
    let idx = int_array(b.req(1))?;
    let mode = mode_arg(it, b.get(4))?;
    array_or_scalar(take_impl(&arr, &idx, axis_arg(b.get(2))?, mode)?)
}

/// `np.put`/`a.put`: the target must be an array.
fn put_impl(
    it: &mut Interp,
    target: &Value,
    ind: &Value,
    v: &Value,
    mode: Option<&Value>,
) -> PResult<Value> {
    let Value::Array(t) = target else {
        return type_error(format!(
            "argument 1 must be numpy.ndarray, not <class '{}'>",
            target.type_name()
        ));
    };
    let arr = t.get();
    let mode = mode_arg(it, mode)?;
    let idx = i64s(&int_array(ind)?);
    let vals = fancy_value(v, arr.dtype)?;
    let vals = if vals.dtype == arr.dtype {
        vals
    } else {
        vals.astype(arr.dtype, Casting::Unsafe).or_exc()?
    };
    fancy::put(&arr, &idx, &vals, mode).or_exc()?;
    Ok(Value::None)
}

fn np_put(it: &mut Interp, a: Args) -> PResult<Value> {
    let b = bind("put", a, &["a", "ind", "v", "mode"], 3)?;
    put_impl(it, b.req(0), b.req(1), b.req(2), b.get(3))
}

fn np_take_along_axis(_: &mut Interp, a: Args) -> PResult<Value> {
    let b = bind("take_along_axis", a, &["arr", "indices", "axis"], 2)?;
    let axis = match b.raw(2) {
        None => Value::Int(-1),
        Some(v) => v.clone(),
    };
    let (arr, idx, axis) = along_axis_args(b.req(0), b.req(1), Some(&axis))?;
    let (arr, axis) = match axis {
        None => (arr.ravel(Order::C).or_exc()?, 0),
        Some(ax) => (arr, ax),
    };
    let items = along_axis_items(arr.shape(), idx, axis)?;
    let plan = fancy::prepare(&arr, items).or_exc()?;
    Ok(gathered(arr.fancy_get(&plan).or_exc()?))
}

fn np_put_along_axis(_: &mut Interp, a: Args) -> PResult<Value> {
    let b = bind(
        "put_along_axis",
        a,
        &["arr", "indices", "values", "axis"],
        3,
    )?;
    let Some(axis) = b.raw(3) else {
        return type_error("put_along_axis() missing 1 required positional argument: 'axis'");
    };
    let axis = axis.clone();
    let (arr, idx, axis) = along_axis_args(b.req(0), b.req(1), Some(&axis))?;
    arr.check_writeable().or_exc()?;
    match axis {
        None => {
            let Value::Array(t) = b.req(0) else {
                unreachable!("checked by along_axis_args")
            };
            let idx_val = ArrayObj::value(idx);
            flat_set(t, &idx_val, b.req(2))?;
        }
        Some(ax) => {
            let items = along_axis_items(arr.shape(), idx, ax)?;
            let plan = fancy::prepare(&arr, items).or_exc()?;
            let v = fancy_value(b.req(2), arr.dtype)?;
            arr.fancy_set(&plan, &v).or_exc()?;
        }
    }
    Ok(Value::None)
}

fn compress_impl(cond: &Value, arr: &NdArray, axis: Option<i64>) -> PResult<Value> {
    let c = to_array(cond)?;
    if c.ndim() != 1 {
        return raise(ExcType::ValueError, "condition must be a 1-d array");
    }
    let nz = fancy::nonzero(&c).or_exc()?.remove(0);
    Ok(ArrayObj::value(take_impl(arr, &nz, axis, ClipMode::Raise)?))
}

fn np_compress(_: &mut Interp, a: Args) -> PResult<Value> {
    let b = bind("compress", a, &["condition", "a", "axis", "out"], 2)?;
    if b.get(3).is_some() {
        return type_error("numpyx does not support the out argument of compress (yet)");
    }
    let arr = to_array(b.req(1))?;
    compress_impl(b.req(0), &arr, axis_arg(b.get(2))?)
}

fn np_extract(_: &mut Interp, a: Args) -> PResult<Value> {
    let b = bind("extract", a, &["condition", "arr"], 2)?;
    let c = to_array(b.req(0))?.ravel(Order::C).or_exc()?;
    let arr = to_array(b.req(1))?;
    let nz = fancy::nonzero(&c).or_exc()?.remove(0);
    Ok(ArrayObj::value(take_impl(
        &arr,
        &nz,
        None,
        ClipMode::Raise,
    )?))
}

/// The mask of `place`/`putmask` as a flat bool array of the target's size.
fn flat_mask(mask: &Value, n: usize, fname: &str) -> PResult<NdArray> {
    let m = to_array(mask)?;
    if m.size() != n {
        return raise(
            ExcType::ValueError,
            format!("{fname}: mask and data must be the same size"),
        );
    }
    let m = m.ravel(Order::C).or_exc()?;
    if m.dtype == DType::Bool {
        Ok(m)
    } else {
        m.astype(DType::Bool, Casting::Unsafe).or_exc()
    }
}

fn np_place(_: &mut Interp, a: Args) -> PResult<Value> {
    let b = bind("place", a, &["arr", "mask", "vals"], 3)?;
    let Value::Array(t) = b.req(0) else {
        return type_error(format!(
            "place() argument 1 must be numpy.ndarray, not {}",
            b.req(0).type_name()
        ));
    };
    let arr = t.get();
    let m = flat_mask(b.req(1), arr.size(), "place")?;
    let pos = i64s(&fancy::nonzero(&m).or_exc()?.remove(0));
    let vals = fancy_value(b.req(2), arr.dtype)?;
    if vals.size() == 0 {
        if !pos.is_empty() {
            return raise(ExcType::ValueError, "Cannot insert from an empty array!");
        }
        return Ok(Value::None);
    }
    let vals = vals
        .astype(arr.dtype, Casting::Unsafe)
        .or_exc()?
        .ravel(Order::C)
        .or_exc()?;
    fancy::put(&arr, &pos, &vals, ClipMode::Raise).or_exc()?;
    Ok(Value::None)
}

fn np_putmask(_: &mut Interp, a: Args) -> PResult<Value> {
    let b = bind("putmask", a, &["a", "mask", "values"], 3)?;
    let Value::Array(t) = b.req(0) else {
        return type_error("putmask: first argument must be an array");
    };
    let arr = t.get();
    arr.check_writeable().or_exc()?;
    let m = flat_mask(b.req(1), arr.size(), "putmask")?;
    let v = b.req(2);
    let vals = match v {
        Value::Array(_) | Value::NpScalar(_) => {
            let x = to_array(v)?;
            if !dtype::can_cast(x.dtype, arr.dtype, Casting::Safe) {
                return Err(super::exc(dtype::cast_error(
                    x.dtype,
                    arr.dtype,
                    Casting::Safe,
                )));
            }
            x
        }
        _ => to_array_dtype(v, Some(arr.dtype))?,
    };
    let nv = vals.size();
    if nv == 0 {
        return Ok(Value::None);
    }
    let vals = vals
        .astype(arr.dtype, Casting::Unsafe)
        .or_exc()?
        .ravel(Order::C)
        .or_exc()?;
    // putmask pairs the i-th element with values[i % len(values)].
    let pos = i64s(&fancy::nonzero(&m).or_exc()?.remove(0));
    let picks: Vec<i64> = pos.iter().map(|&p| p % nv as i64).collect();
    let src = take_impl(
        &vals,
        &NdArray::from_vec(picks, &[pos.len()]).or_exc()?,
        None,
        ClipMode::Raise,
    )?;
    fancy::put(&arr, &pos, &src, ClipMode::Raise).or_exc()?;
    Ok(Value::None)
}

fn choose_impl(
    it: &mut Interp,
    idx: &Value,
    choices: &Value,
    mode: Option<&Value>,
) -> PResult<Value> {
    let ia = to_array(idx)?;
    if !(ia.dtype.is_integer() || ia.dtype.is_bool()) {
        return Err(super::exc(dtype::cast_error(
            ia.dtype,
            DType::Int64,
            Casting::Safe,
        )));
    }
    let items: Vec<Value> = match choices {
        Value::Array(a) => {
            let arr = a.get();
            if arr.ndim() == 0 {
                return type_error("0-d arrays can't be indexed");
            }
            (0..arr.shape()[0])
                .map(|i| super::attrs::get_item(a, &Value::Int(i as i64)))
                .collect::<PResult<_>>()?
        }
        other => it.collect(other)?,
    };
    if items.is_empty() {
        return raise(ExcType::ValueError, "0-length sequence.");
    }
    let refs: Vec<&Value> = items.iter().collect();
    let (_, arrays) = common_operands(&refs)?;
    let mode = mode_arg(it, mode)?;
    array_or_scalar(fancy::choose(&ia, &arrays, mode).or_exc()?)
}

fn np_choose(it: &mut Interp, a: Args) -> PResult<Value> {
    let b = bind("choose", a, &["a", "choices", "out", "mode"], 2)?;
    if b.get(2).is_some() {
        return type_error("numpyx does not support the out argument of choose (yet)");
    }
    choose_impl(it, b.req(0), b.req(1), b.get(3))
}

fn np_select(it: &mut Interp, a: Args) -> PResult<Value> {
    let b = bind("select", a, &["condlist", "choicelist", "default"], 2)?;
    let conds = it.collect(b.req(0))?;
    let choices = it.collect(b.req(1))?;
    if conds.len() != choices.len() {
        return raise(
            ExcType::ValueError,
            "list of cases must be same length as list of conditions",
        );
    }
    if conds.is_empty() {
        return raise(
            ExcType::ValueError,
            "select with an empty condition list is not possible",
        );
    }
    let default = b.raw(2).cloned().unwrap_or(Value::Int(0));
    let mut all: Vec<&Value> = choices.iter().collect();
    all.push(&default);
    let (dt, arrays) = common_operands(&all)?;
    let conds: Vec<NdArray> = conds.iter().map(to_array).collect::<PResult<_>>()?;
    let cshapes: Vec<&[usize]> = conds.iter().map(|c| c.shape()).collect();
    let cshape = crate::array::view::broadcast_shapes_py(&cshapes).or_exc()?;
    let ashapes: Vec<&[usize]> = arrays.iter().map(|c| c.shape()).collect();
    let bshape = crate::array::view::broadcast_shapes_py(&ashapes).or_exc()?;
    for (i, c) in conds.iter().enumerate() {
        if c.dtype != DType::Bool {
            return type_error(format!(
                "invalid entry {i} in condlist: should be boolean ndarray"
            ));
        }
    }
    let arrays: Vec<NdArray> = arrays
        .iter()
        .map(|c| c.broadcast_view(&bshape).expect("broadcast shape fits"))
        .collect();
    let shape = if bshape.is_empty() {
        cshape
    } else {
        crate::array::view::broadcast_shapes(&[&cshape, &bshape]).or_exc()?
    };
    let n = arrays.len() - 1;
    let mut result = NdArray::zeros(&shape, dt, Order::C).or_exc()?;
    result
        .assign(&fancy::strip_leading_ones(&arrays[n], shape.len()))
        .or_exc()?;
    for k in (0..n).rev() {
        let cond = conds[k].broadcast_view(&shape).ok_or_else(|| {
            Exc::new(
                ExcType::ValueError,
                format!(
                    "could not broadcast input array from shape {} into shape {}",
                    crate::array::shape_str(conds[k].shape()),
                    crate::array::shape_str(&shape)
                ),
            )
        })?;
        let choice = arrays[k].broadcast_view(&shape).ok_or_else(|| {
            Exc::new(
                ExcType::ValueError,
                format!(
                    "could not broadcast input array from shape {} into shape {}",
                    crate::array::shape_str(arrays[k].shape()),
                    crate::array::shape_str(&shape)
                ),
            )
        })?;
        result = fancy::where_(&cond, &choice, &result).or_exc()?;
    }
    Ok(ArrayObj::value(result))
}

fn np_ix(_: &mut Interp, a: Args) -> PResult<Value> {
    a.no_more_kw("ix_")?;
    let nd = a.pos.len();
    let mut out = Vec::with_capacity(nd);
    for (k, v) in a.pos.iter().enumerate() {
        let mut arr = to_array(v)?;
        if !matches!(v, Value::Array(_)) && arr.size() == 0 {
            arr = arr.astype(DType::Int64, Casting::Unsafe).or_exc()?;
        }
        if arr.ndim() != 1 {
            return raise(ExcType::ValueError, "Cross index must be 1 dimensional");
        }
        if arr.dtype == DType::Bool {
            arr = fancy::nonzero(&arr).or_exc()?.remove(0);
        }
        let mut shape = vec![1isize; nd];
        shape[k] = arr.size() as isize;
        let r = arr.reshape(&shape, Order::C).or_exc()?;
        out.push(if r.same_storage(&arr) && matches!(v, Value::Array(_)) {
            r.copy(Order::C).or_exc()?
        } else {
            r
        });
    }
    Ok(tuple_of(out))
}

fn np_diag_indices(_: &mut Interp, a: Args) -> PResult<Value> {
    let b = bind("diag_indices", a, &["n", "ndim"], 1)?;
    let n = to_i64(b.req(0))?;
    let nd = match b.get(1) {
        Some(v) => to_i64(v)?,
        None => 2,
    };
    let r = arange(n.max(0) as usize)?;
    Ok(tuple_of(
        (0..nd.max(0))
            .map(|_| r.copy(Order::C))
            .collect::<Result<_, _>>()
            .or_exc()?,
    ))
}

fn np_diag_indices_from(_: &mut Interp, a: Args) -> PResult<Value> {
    let b = bind("diag_indices_from", a, &["arr"], 1)?;
    let arr = to_array(b.req(0))?;
    if arr.ndim() < 2 {
        return raise(ExcType::ValueError, "input array must be at least 2-d");
    }
    let n = arr.shape()[0];
    if arr.shape().iter().any(|&d| d != n) {
        return raise(
            ExcType::ValueError,
            "All dimensions of input must be of equal length",
        );
    }
    let r = arange(n)?;
    Ok(tuple_of(
        (0..arr.ndim())
            .map(|_| r.copy(Order::C))
            .collect::<Result<_, _>>()
            .or_exc()?,
    ))
}

/// Row and column indices of the lower (`lower`) or upper triangle of an `n x m` matrix
/// with diagonal offset `k`, in C order.
fn tri_indices(n: i64, k: i64, m: i64, lower: bool) -> PResult<Value> {
    let (n, m) = (n.max(0), m.max(0));
    // NumPy builds the n x m boolean mask first (and fails as it would).
    NdArray::zeros(&[n as usize, m as usize], DType::Bool, Order::C).or_exc()?;
    let mut rows = Vec::new();
    let mut cols = Vec::new();
    for i in 0..n {
        for j in 0..m {
            let keep = if lower { j - i <= k } else { j - i >= k };
            if keep {
                rows.push(i);
                cols.push(j);
            }
        }
    }
    let len = rows.len();
    Ok(tuple_of(vec![
        NdArray::from_vec(rows, &[len]).or_exc()?,
        NdArray::from_vec(cols, &[len]).or_exc()?,
    ]))
}

fn tri_args(a: Args, fname: &str) -> PResult<(i64, i64, i64)> {
    let b = bind(fname, a, &["n", "k", "m"], 1)?;
    let n = to_i64(b.req(0))?;
    let k = b.get(1).map(to_i64).transpose()?.unwrap_or(0);
    let m = b.get(2).map(to_i64).transpose()?.unwrap_or(n);
    Ok((n, k, m))
}

fn np_tril_indices(_: &mut Interp, a: Args) -> PResult<Value> {
    let (n, k, m) = tri_args(a, "tril_indices")?;
    tri_indices(n, k, m, true)
}

fn np_triu_indices(_: &mut Interp, a: Args) -> PResult<Value> {
    let (n, k, m) = tri_args(a, "triu_indices")?;
    tri_indices(n, k, m, false)
}

fn tri_from(a: Args, fname: &str, lower: bool) -> PResult<Value> {
    let b = bind(fname, a, &["arr", "k"], 1)?;
    let arr = to_array(b.req(0))?;
    if arr.ndim() != 2 {
        return raise(ExcType::ValueError, "input array must be 2-d");
    }
    let k = b.get(1).map(to_i64).transpose()?.unwrap_or(0);
    tri_indices(arr.shape()[0] as i64, k, arr.shape()[1] as i64, lower)
}

fn np_tril_indices_from(_: &mut Interp, a: Args) -> PResult<Value> {
    tri_from(a, "tril_indices_from", true)
}

fn np_triu_indices_from(_: &mut Interp, a: Args) -> PResult<Value> {
    tri_from(a, "triu_indices_from", false)
}

/// An `order=` argument of `unravel_index`/`ravel_multi_index`: true for Fortran order.
fn fortran_arg(it: &mut Interp, v: Option<&Value>) -> PResult<bool> {
    match v {
        None => Ok(false),
        Some(v) => {
            let s = it.to_str(v)?;
            match s.as_str() {
                "C" | "c" => Ok(false),
                "F" | "f" => Ok(true),
                _ => raise(
                    ExcType::ValueError,
                    format!("order must be one of 'C', 'F', 'A', or 'K' (got '{s}')"),
                ),
            }
        }
    }
}

/// Index arrays of `unravel_index`/`ravel_multi_index`: integers only.
fn integral_array(v: &Value) -> PResult<NdArray> {
    let arr = to_array(v)?;
    if arr.size() == 0 && !matches!(v, Value::Array(_)) && !arr.dtype.is_integer() {
        return type_error(
            "indices must be integral: the provided empty sequence was inferred as float. Wrap it with 'np.array(indices, dtype=np.intp)'",
        );
    }
    if !(arr.dtype.is_integer() || arr.dtype.is_bool()) {
        return type_error("only int indices permitted");
    }
    arr.astype(DType::Int64, Casting::Unsafe).or_exc()
}

fn np_unravel_index(it: &mut Interp, a: Args) -> PResult<Value> {
    let b = bind("unravel_index", a, &["indices", "shape", "order"], 2)?;
    let idx = integral_array(b.req(0))?;
    let sdims = to_dims(b.req(1))?;
    let fortran = fortran_arg(it, b.get(2))?;
    let size = sdims.iter().fold(1i64, |a, &d| a.saturating_mul(d));
    let vals = i64s(&idx);
    let mut cols: Vec<Vec<i64>> = vec![Vec::with_capacity(vals.len()); sdims.len()];
    for &v in &vals {
        if v < 0 || v >= size {
            return raise(
                ExcType::ValueError,
                format!("index {v} is out of bounds for array with size {size}"),
            );
        }
        // Signed, as NumPy computes it (negative dimensions give its odd results).
        let mut rest = v;
        let axes: Box<dyn Iterator<Item = usize>> = if fortran {
            Box::new(0..sdims.len())
        } else {
            Box::new((0..sdims.len()).rev())
        };
        for k in axes {
            cols[k].push(rest % sdims[k]);
            rest /= sdims[k];
        }
    }
    let shape = idx.shape().to_vec();
    let out: Vec<Value> = cols
        .into_iter()
        .map(|c| {
            let arr = NdArray::from_vec(c, &shape).or_exc()?;
            array_or_scalar(arr)
        })
        .collect::<PResult<_>>()?;
    Ok(Value::tuple(out))
}

fn np_ravel_multi_index(it: &mut Interp, a: Args) -> PResult<Value> {
    let b = bind(
        "ravel_multi_index",
        a,
        &["multi_index", "dims", "mode", "order"],
        2,
    )?;
    let dims: Vec<i64> = to_dims(b.req(1))?;
    let coords: Vec<Value> = match b.req(0) {
        Value::Array(arr) => {
            let n = arr.arr.borrow().shape().first().copied().unwrap_or(0);
            (0..n)
                .map(|i| super::attrs::get_item(arr, &Value::Int(i as i64)))
                .collect::<PResult<_>>()?
        }
        other => it.collect(other)?,
    };
    if coords.len() != dims.len() {
        return raise(
            ExcType::ValueError,
            format!(
                "parameter multi_index must be a sequence of length {}",
                dims.len()
            ),
        );
    }
    let modes: Vec<ClipMode> = match b.get(2) {
        None => vec![ClipMode::Raise; dims.len()],
        Some(v @ (Value::Tuple(_) | Value::List(_))) => {
            let items = it.collect(v)?;
            let mut out = Vec::new();
            for m in &items {
                out.push(mode_arg(it, Some(m))?);
            }
            out
        }
        Some(v) => vec![mode_arg(it, Some(v))?; dims.len()],
    };
    let arrays: Vec<NdArray> = coords.iter().map(integral_array).collect::<PResult<_>>()?;
    let shapes: Vec<&[usize]> = arrays.iter().map(|c| c.shape()).collect();
    let shape = crate::array::view::broadcast_shapes(&shapes).or_exc()?;
    let views: Vec<Vec<i64>> = arrays
        .iter()
        .map(|c| i64s(&c.broadcast_view(&shape).expect("broadcast shape fits")))
        .collect();
    let fortran = fortran_arg(it, b.get(3))?;
    let total: usize = shape.iter().product();
    let nd = dims.len();
    let mut out = vec![0i64; total];
    let order: Vec<usize> = if fortran {
        (0..nd).rev().collect()
    } else {
        (0..nd).collect()
    };
    for (k, &n) in dims.iter().enumerate() {
        let mode = modes.get(k).copied().unwrap_or(ClipMode::Raise);
        if n == 0 && mode != ClipMode::Raise {
            return raise(
                ExcType::ValueError,
                "cannot unravel if shape has zero entries (is empty).",
            );
        }
    }
    for k in order {
        let n = dims[k];
        let mode = modes.get(k).copied().unwrap_or(ClipMode::Raise);
        for (o, &v) in out.iter_mut().zip(&views[k]) {
            let v = if mode == ClipMode::Raise {
                if v < 0 || v >= n {
                    return raise(ExcType::ValueError, "invalid entry in coordinates array");
                }
                v
            } else if n > 0 {
                mode.apply(v, n as usize)
            } else {
                v
            };
            *o = *o * n + v;
        }
    }
    array_or_scalar(NdArray::from_vec(out, &shape).or_exc()?)
}

/// An iterator over precomputed values (for `np.ndindex`, `np.ndenumerate`).
fn values_iter(items: Vec<Value>) -> Value {
    Value::Iter(Rc::new(RefCell::new(IterObj::Seq(SeqIter::Values(
        Rc::new(items),
        0,
    )))))
}

/// `np.arange(n)` (int64), or NumPy's MemoryError for sizes beyond the machine.
fn arange(n: usize) -> PResult<NdArray> {
    let mut r = NdArray::zeros(&[n], DType::Int64, Order::C).or_exc()?;
    if let Some(s) = r.as_mut_slice::<i64>() {
        for (i, v) in s.iter_mut().enumerate() {
            *v = i as i64;
        }
    }
    Ok(r)
}

/// Every index of `shape` in C order, as tuples (computed up front: refused beyond
/// 2**26 of them rather than exhausting memory).
fn index_tuples(shape: &[usize]) -> PResult<Vec<Value>> {
    let total = shape.iter().fold(1usize, |a, &d| a.saturating_mul(d));
    if total > 1 << 26 {
        return raise(
            ExcType::MemoryError,
            format!(
                "numpyx builds the {total} indices of np.ndindex/np.ndenumerate up front; that many do not fit"
            ),
        );
    }
    let mut out = Vec::with_capacity(total);
    let mut cur = vec![0usize; shape.len()];
    for _ in 0..total {
        out.push(Value::tuple(
            cur.iter().map(|&i| Value::Int(i as i64)).collect(),
        ));
        for k in (0..shape.len()).rev() {
            cur[k] += 1;
            if cur[k] < shape[k] {
                break;
            }
            cur[k] = 0;
        }
    }
    Ok(out)
}

fn np_ndindex(_: &mut Interp, a: Args) -> PResult<Value> {
    a.no_more_kw("ndindex")?;
    let dims: Vec<i64> = if a.pos.len() == 1 {
        match &a.pos[0] {
            Value::Tuple(_) => to_dims(&a.pos[0])?,
            v => vec![to_i64(v)?],
        }
    } else {
        a.pos.iter().map(to_i64).collect::<PResult<_>>()?
    };
    if dims.iter().any(|&d| d < 0) {
        return raise(ExcType::ValueError, "negative dimensions are not allowed");
    }
    let shape: Vec<usize> = dims.into_iter().map(|d| d as usize).collect();
    Ok(values_iter(index_tuples(&shape)?))
}

fn np_ndenumerate(_: &mut Interp, a: Args) -> PResult<Value> {
    let b = bind("ndenumerate", a, &["arr"], 1)?;
    let arr = to_array(b.req(0))?;
    let idx = index_tuples(arr.shape())?;
    let items = idx
        .into_iter()
        .zip(arr.iter_scalars())
        .map(|(i, s)| Value::tuple(vec![i, scalar::value(s)]))
        .collect();
    Ok(values_iter(items))
}

// ----- array methods -----

/// Array methods defined here (`a.nonzero()`, `a.take()`, `a.put()`, `a.compress()`,
/// `a.choose()`); `None` when `name` is not one.
pub fn call_method(
    it: &mut Interp,
    this: &Rc<ArrayObj>,
    name: &str,
    a: Args,
) -> PResult<Option<Value>> {
    let arr = this.get();
    Ok(Some(match name {
        "nonzero" => {
            a.expect("nonzero", 0, 0)?;
            tuple_of(nonzero_of(&arr)?)
        }
        "take" => {
            let b = bind("take", a, &["indices", "axis", "out", "mode"], 1)?;
            if b.get(2).is_some() {
                return type_error("numpyx does not support the out argument of take (yet)");
            }
            let idx = int_array(b.req(0))?;
            let mode = mode_arg(it, b.get(3))?;
            array_or_scalar(take_impl(&arr, &idx, axis_arg(b.get(1))?, mode)?)?
        }
        "put" => {
            let b = bind("put", a, &["indices", "values", "mode"], 2)?;
            put_impl(
                it,
                &Value::Array(this.clone()),
                b.req(0),
                b.req(1),
                b.get(2),
            )?
        }
        "compress" => {
            let b = bind("compress", a, &["condition", "axis", "out"], 1)?;
            if b.get(2).is_some() {
                return type_error("numpyx does not support the out argument of compress (yet)");
            }
            compress_impl(b.req(0), &arr, axis_arg(b.get(1))?)?
        }
        "choose" => {
            let b = bind("choose", a, &["choices", "out", "mode"], 1)?;
            if b.get(1).is_some() {
                return type_error("numpyx does not support the out argument of choose (yet)");
            }
            choose_impl(it, &Value::Array(this.clone()), b.req(0), b.get(2))?
        }
        _ => return Ok(None),
    }))
}

/// The names [`call_method`] handles.
pub const METHODS: &[&str] = &["choose", "compress", "nonzero", "put", "take"];

pub static FUNCS: &[Builtin] = &[
    Builtin {
        name: "where",
        module: "numpy",
        sig: "where(condition, [x, y], /)",
        doc: "Return elements chosen from x or y depending on condition (alone: np.nonzero(condition)).",
        f: np_where,
    },
    Builtin {
        name: "nonzero",
        module: "numpy",
        sig: "nonzero(a)",
        doc: "Return the indices of the elements that are non-zero, one array per axis.",
        f: np_nonzero,
    },
    Builtin {
        name: "argwhere",
        module: "numpy",
        sig: "argwhere(a)",
        doc: "Find the indices of array elements that are non-zero, grouped by element.",
        f: np_argwhere,
    },
    Builtin {
        name: "flatnonzero",
        module: "numpy",
        sig: "flatnonzero(a)",
        doc: "Return indices that are non-zero in the flattened version of a.",
        f: np_flatnonzero,
    },
    Builtin {
        name: "take",
        module: "numpy",
        sig: "take(a, indices, axis=None, out=None, mode='raise')",
        doc: "Take elements from an array along an axis.",
        f: np_take,
    },
    Builtin {
        name: "put",
        module: "numpy",
        sig: "put(a, ind, v, mode='raise')",
        doc: "Replaces specified elements of an array with given values (flat indices).",
        f: np_put,
    },
    Builtin {
        name: "take_along_axis",
        module: "numpy",
        sig: "take_along_axis(arr, indices, axis=-1)",
        doc: "Take values from the input array by matching 1d index and data slices.",
        f: np_take_along_axis,
    },
    Builtin {
        name: "put_along_axis",
        module: "numpy",
        sig: "put_along_axis(arr, indices, values, axis)",
        doc: "Put values into the destination array by matching 1d index and data slices.",
        f: np_put_along_axis,
    },
    Builtin {
        name: "compress",
        module: "numpy",
        sig: "compress(condition, a, axis=None, out=None)",
        doc: "Return selected slices of an array along given axis.",
        f: np_compress,
    },
    Builtin {
        name: "extract",
        module: "numpy",
        sig: "extract(condition, arr)",
        doc: "Return the elements of an array that satisfy some condition.",
        f: np_extract,
    },
    Builtin {
        name: "place",
        module: "numpy",
        sig: "place(arr, mask, vals)",
        doc: "Change elements of an array based on conditional and input values.",
        f: np_place,
    },
    Builtin {
        name: "putmask",
        module: "numpy",
        sig: "putmask(a, mask, values)",
        doc: "Changes elements of an array based on conditional and input values.",
        f: np_putmask,
    },
    Builtin {
        name: "choose",
        module: "numpy",
        sig: "choose(a, choices, out=None, mode='raise')",
        doc: "Construct an array from an index array and a list of arrays to choose from.",
        f: np_choose,
    },
    Builtin {
        name: "select",
        module: "numpy",
        sig: "select(condlist, choicelist, default=0)",
        doc: "Return an array drawn from elements in choicelist, depending on conditions.",
        f: np_select,
    },
    Builtin {
        name: "ix_",
        module: "numpy",
        sig: "ix_(*args)",
        doc: "Construct an open mesh from multiple sequences.",
        f: np_ix,
    },
    Builtin {
        name: "diag_indices",
        module: "numpy",
        sig: "diag_indices(n, ndim=2)",
        doc: "Return the indices to access the main diagonal of an array.",
        f: np_diag_indices,
    },
    Builtin {
        name: "diag_indices_from",
        module: "numpy",
        sig: "diag_indices_from(arr)",
        doc: "Return the indices to access the main diagonal of an n-dimensional array.",
        f: np_diag_indices_from,
    },
    Builtin {
        name: "tril_indices",
        module: "numpy",
        sig: "tril_indices(n, k=0, m=None)",
        doc: "Return the indices for the lower-triangle of an (n, m) array.",
        f: np_tril_indices,
    },
    Builtin {
        name: "triu_indices",
        module: "numpy",
        sig: "triu_indices(n, k=0, m=None)",
        doc: "Return the indices for the upper-triangle of an (n, m) array.",
        f: np_triu_indices,
    },
    Builtin {
        name: "tril_indices_from",
        module: "numpy",
        sig: "tril_indices_from(arr, k=0)",
        doc: "Return the indices for the lower-triangle of arr.",
        f: np_tril_indices_from,
    },
    Builtin {
        name: "triu_indices_from",
        module: "numpy",
        sig: "triu_indices_from(arr, k=0)",
        doc: "Return the indices for the upper-triangle of arr.",
        f: np_triu_indices_from,
    },
    Builtin {
        name: "unravel_index",
        module: "numpy",
        sig: "unravel_index(indices, shape, order='C')",
        doc: "Converts a flat index or array of flat indices into a tuple of coordinate arrays.",
        f: np_unravel_index,
    },
    Builtin {
        name: "ravel_multi_index",
        module: "numpy",
        sig: "ravel_multi_index(multi_index, dims, mode='raise', order='C')",
        doc: "Converts a tuple of index arrays into an array of flat indices.",
        f: np_ravel_multi_index,
    },
    Builtin {
        name: "ndindex",
        module: "numpy",
        sig: "ndindex(*shape)",
        doc: "An iterator over the indices of an array of the given shape, in C order.",
        f: np_ndindex,
    },
    Builtin {
        name: "ndenumerate",
        module: "numpy",
        sig: "ndenumerate(arr)",
        doc: "An iterator yielding pairs of array coordinates and values, in C order.",
        f: np_ndenumerate,
    },
];
