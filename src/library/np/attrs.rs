//! Attributes and methods of `np.ndarray` (`a.shape`, `a.T`, `a.reshape(...)`, ...),
//! basic indexing (`a[1:3, None]`, a view), iteration along axis 0, and the function
//! forms of the view operations (`np.reshape`, `np.transpose`, `np.squeeze`, ...).

use super::args::bind;
use super::convert::{
    nested_to_value, python_scalar, shape_tuple, to_array, to_axes, to_dims, to_dtype, to_i64,
};
use super::{ArrayObj, NativeBox, NativeObj, OrExc, scalar};
use crate::array::nested::to_nested;
use crate::array::{Casting, IndexItem, NdArray, Order};
use crate::eval::Interp;
use crate::eval::exceptions::{Exc, ExcType, PResult, raise, type_error};
use crate::eval::value::{Args, Builtin, Value};
use std::rc::Rc;

/// Names shown by `dir(a)` and completion.
pub const ARRAY_ATTRS: &[&str] = &[
    "T",
    "astype",
    "base",
    "choose",
    "compress",
    "copy",
    "diagonal",
    "dtype",
    "fill",
    "flags",
    "flat",
    "flatten",
    "imag",
    "item",
    "itemsize",
    "mT",
    "nbytes",
    "ndim",
    "nonzero",
    "put",
    "ravel",
    "real",
    "reshape",
    "shape",
    "size",
    "squeeze",
    "strides",
    "swapaxes",
    "take",
    "tolist",
    "transpose",
    "view",
];

fn view_of(this: &Rc<ArrayObj>, arr: NdArray) -> Value {
    ArrayObj::view_value(arr, this)
}

/// `a.name`; `None` when arrays have no such attribute (methods are looked up by the caller).
pub fn get_attr(this: &Rc<ArrayObj>, name: &str) -> PResult<Option<Value>> {
    let a = this.get();
    Ok(Some(match name {
        "shape" => shape_tuple(a.shape()),
        "dtype" => Value::DType(a.dtype),
        "ndim" => Value::Int(a.ndim() as i64),
        "size" => Value::Int(a.size() as i64),
        "itemsize" => Value::Int(a.itemsize() as i64),
        "nbytes" => Value::Int(a.nbytes() as i64),
        "strides" => Value::tuple(a.strides().iter().map(|&s| Value::Int(s as i64)).collect()),
        "T" => view_of(this, a.t()),
        "mT" => {
            if a.ndim() < 2 {
                return raise(
                    ExcType::ValueError,
                    "matrix transpose with ndim < 2 is undefined",
                );
            }
            let mut axes: Vec<isize> = (0..a.ndim() as isize).collect();
            let n = axes.len();
            axes.swap(n - 1, n - 2);
            view_of(this, a.transpose(Some(&axes)).or_exc()?)
        }
        "flat" => super::index::flat_value(this),
        "base" => match &this.base {
            Some(b) => Value::Array(b.clone()),
            None => Value::None,
        },
        "flags" => NativeBox::value(Flags {
            c: a.is_c_contiguous(),
            f: a.is_f_contiguous(),
            own: this.base.is_none(),
            write: a.writeable,
        }),
        "real" => {
            if a.dtype.is_complex() {
                view_of(this, a.real())
            } else {
                Value::Array(this.clone())
            }
        }
        "imag" => {
            let im = a.imag().or_exc()?;
            if a.dtype.is_complex() {
                view_of(this, im)
            } else {
                ArrayObj::value(im)
            }
        }
        _ => return Ok(None),
    }))
}

/// `a.name = v`.
pub fn set_attr(this: &Rc<ArrayObj>, name: &str, v: &Value) -> PResult<()> {
    match name {
        "shape" => {
            let dims: Vec<isize> = to_dims(v)?.into_iter().map(|d| d as isize).collect();
            let a = this.get();
            let r = a.reshape(&dims, Order::C).or_exc()?;
            // A reshape that had to copy cannot be done in place.
            let in_place = r.same_storage(&a)
                && (a.size() <= 1
                    || crate::array::reshape::attempt_nocopy_reshape(
                        a.shape(),
                        a.strides(),
                        a.itemsize(),
                        r.shape(),
                        false,
                    )
                    .is_some());
            if !in_place {
                return raise(
                    ExcType::AttributeError,
                    "Incompatible shape for in-place modification. Use `.reshape()` to make a copy with the desired shape.",
                );
            }
            let mut cur = this.arr.borrow_mut();
            let owns = cur.owns_data;
            *cur = r;
            cur.owns_data = owns;
            Ok(())
        }
        "dtype" => type_error("numpyx does not support assigning to a.dtype; use a.view(dtype)"),
        "real" | "imag" => {
            let src = to_array(v)?;
            let a = this.get();
            let part = if name == "real" {
                if a.dtype.is_complex() { a.real() } else { a }
            } else if a.dtype.is_complex() {
                a.imag().or_exc()?
            } else {
                return type_error("array does not have imaginary part to set");
            };
            part.assign(&src).or_exc()
        }
        "flat" => super::index::set_flat(this, v),
        "shape_" => Ok(()),
        _ => {
            if ARRAY_ATTRS.contains(&name) {
                raise(
                    ExcType::AttributeError,
                    format!("attribute '{name}' of 'numpy.ndarray' objects is not writable"),
                )
            } else {
                raise(
                    ExcType::AttributeError,
                    format!("'numpy.ndarray' object has no attribute '{name}'"),
                )
            }
        }
    }
}

/// `a.flags`.
#[derive(Debug)]
struct Flags {
    c: bool,
    f: bool,
    own: bool,
    write: bool,
}

impl Flags {
    fn get(&self, key: &str) -> Option<bool> {
        Some(match key {
            "C_CONTIGUOUS" | "C" | "CONTIGUOUS" | "c_contiguous" | "contiguous" => self.c,
            "F_CONTIGUOUS" | "F" | "FORTRAN" | "f_contiguous" | "fortran" => self.f,
            "OWNDATA" | "O" | "owndata" => self.own,
            "WRITEABLE" | "W" | "writeable" => self.write,
            "ALIGNED" | "A" | "aligned" => true,
            "WRITEBACKIFCOPY" | "X" | "writebackifcopy" => false,
            _ => return None,
        })
    }
}

impl NativeObj for Flags {
    fn type_name(&self) -> &'static str {
        "flagsobj"
    }
    fn repr(&self, _: &mut Interp) -> PResult<String> {
        let t = |b: bool| if b { "True" } else { "False" };
        Ok(format!(
            "  C_CONTIGUOUS : {}\n  F_CONTIGUOUS : {}\n  OWNDATA : {}\n  WRITEABLE : {}\n  ALIGNED : True\n  WRITEBACKIFCOPY : False\n",
            t(self.c),
            t(self.f),
            t(self.own),
            t(self.write)
        ))
    }
    fn get_attr(&self, _: &mut Interp, _: &Value, name: &str) -> PResult<Option<Value>> {
        if name.chars().all(|c| c.is_ascii_lowercase() || c == '_') {
            return Ok(self.get(name).map(Value::Bool));
        }
        Ok(None)
    }
    fn get_item(&self, _: &mut Interp, key: &Value) -> PResult<Option<Value>> {
        match key {
            Value::Str(s) => match self.get(s) {
                Some(b) => Ok(Some(Value::Bool(b))),
                None => raise(ExcType::KeyError, format!("Unknown flag {s}")),
            },
            _ => raise(ExcType::KeyError, "Unknown flag"),
        }
    }
}

fn order_arg(it: &mut Interp, v: Option<&Value>, default: Order) -> PResult<Order> {
    match v {
        None => Ok(default),
        Some(v) => {
            let s = it.to_str(v)?;
            Order::parse(&s).ok_or_else(|| {
                Exc::new(
                    ExcType::ValueError,
                    format!("order must be one of 'C', 'F', 'A', or 'K' (got '{s}')"),
                )
            })
        }
    }
}

/// The new shape of `a.reshape(2, 3)` / `a.reshape((2, 3))`.
fn shape_args(pos: &[Value]) -> PResult<Vec<isize>> {
    let dims = if pos.len() == 1 {
        to_dims(&pos[0])?
    } else {
        pos.iter().map(to_i64).collect::<PResult<_>>()?
    };
    Ok(dims.into_iter().map(|d| d as isize).collect())
}

/// Axes given as `a.transpose(1, 0)` or `a.transpose((1, 0))`.
fn axes_args(pos: &[Value]) -> PResult<Option<Vec<isize>>> {
    if pos.is_empty() || (pos.len() == 1 && matches!(pos[0], Value::None)) {
        return Ok(None);
    }
    let v = if pos.len() == 1 {
        to_dims(&pos[0])?
    } else {
        pos.iter().map(to_i64).collect::<PResult<_>>()?
    };
    Ok(Some(v.into_iter().map(|d| d as isize).collect()))
}

/// Wraps an array result: views of `this` keep it as their base.
fn result(this: &Rc<ArrayObj>, r: NdArray) -> Value {
    if r.same_storage(&this.arr.borrow()) {
        view_of(this, r)
    } else {
        ArrayObj::value(r)
    }
}

/// `a.name(args)`; `None` when arrays have no such method.
pub fn call_method(
    it: &mut Interp,
    obj: &Value,
    name: &str,
    mut a: Args,
) -> PResult<Option<Value>> {
    let Value::Array(this) = obj else {
        return Ok(None);
    };
    let arr = this.get();
    Ok(Some(match name {
        // ndarray.clip(min=None, max=None, out=None, **kwargs): either bound alone.
        "clip" => {
            let b = bind_kw("clip", a, &["min", "max", "out"])?;
            super::ufunc::np_clip(it, with_self(obj, b))?
        }
        "round" => {
            let b = bind_kw("round", a, &["decimals", "out"])?;
            super::ufunc::np_round(it, with_self(obj, b))?
        }
        "reshape" => {
            let order = order_arg(it, a.take_kw("order").as_ref(), Order::C)?;
            let shape = match a.take_kw("shape") {
                Some(s) => shape_args(&[s])?,
                None => {
                    a.no_more_kw("reshape")?;
                    if a.pos.is_empty() {
                        return type_error("reshape() takes exactly 1 argument (0 given)");
                    }
                    shape_args(&a.pos)?
                }
            };
            result(this, arr.reshape(&shape, order).or_exc()?)
        }
        "ravel" => {
            let b = bind("ravel", a, &["order"], 0)?;
            let order = order_arg(it, b.get(0), Order::C)?;
            result(this, arr.ravel(order).or_exc()?)
        }
        "flatten" => {
            let b = bind("flatten", a, &["order"], 0)?;
            let order = order_arg(it, b.get(0), Order::C)?;
            ArrayObj::value(arr.flatten(order).or_exc()?)
        }
        "transpose" => {
            a.no_more_kw("transpose")?;
            let axes = axes_args(&a.pos)?;
            view_of(this, arr.transpose(axes.as_deref()).or_exc()?)
        }
        "swapaxes" => {
            let b = bind("swapaxes", a, &["axis1", "axis2"], 2)?;
            let (x, y) = (to_i64(b.req(0))?, to_i64(b.req(1))?);
            view_of(this, arr.swapaxes(x, y).or_exc()?)
        }
        "squeeze" => {
            let b = bind("squeeze", a, &["axis"], 0)?;
            let axes = to_axes(b.get(0))?;
            view_of(this, arr.squeeze(axes.as_deref()).or_exc()?)
        }
        "diagonal" => {
            let b = bind("diagonal", a, &["offset", "axis1", "axis2"], 0)?;
            let off = b.get(0).map(to_i64).transpose()?.unwrap_or(0);
            let a1 = b.get(1).map(to_i64).transpose()?.unwrap_or(0);
            let a2 = b.get(2).map(to_i64).transpose()?.unwrap_or(1);
            let mut d = arr.diagonal(off, a1, a2).or_exc()?;
            d.writeable = false;
            view_of(this, d)
        }
        "copy" => {
            let b = bind("copy", a, &["order"], 0)?;
            let order = order_arg(it, b.get(0), Order::C)?;
            ArrayObj::value(arr.copy(order).or_exc()?)
        }
        "view" => {
            let b = bind("view", a, &["dtype", "type"], 0)?;
            if let Some(d) = b.get(0) {
                let d = to_dtype(d)?;
                if d != arr.dtype {
                    return type_error(
                        "numpyx does not support viewing an array as another dtype (yet)",
                    );
                }
            }
            view_of(this, arr.view())
        }
        "tolist" => {
            a.expect("tolist", 0, 0)?;
            nested_to_value(to_nested(&arr))
        }
        "item" => {
            a.no_more_kw("item")?;
            if a.pos.is_empty() {
                if arr.size() != 1 {
                    return raise(
                        ExcType::ValueError,
                        "can only convert an array of size 1 to a Python scalar",
                    );
                }
                python_scalar(arr.get_flat(0).or_exc()?)
            } else {
                let idx: Vec<i64> = if a.pos.len() == 1 {
                    to_dims(&a.pos[0])?
                } else {
                    a.pos.iter().map(to_i64).collect::<PResult<_>>()?
                };
                if idx.len() == 1 {
                    let n = arr.size() as i64;
                    let i = idx[0];
                    let j = if i < 0 { i + n } else { i };
                    if j < 0 || j >= n {
                        return raise(ExcType::IndexError, "index out of bounds");
                    }
                    python_scalar(arr.get_flat(j as usize).or_exc()?)
                } else {
                    let items: Vec<IndexItem> = idx.iter().map(|&i| IndexItem::Int(i)).collect();
                    let v = arr.slice_view(&items).or_exc()?;
                    python_scalar(v.item().or_exc()?)
                }
            }
        }
        "fill" => {
            a.expect("fill", 1, 1)?;
            let v = to_array(&a.pos[0])?;
            let s = v
                .item()
                .map_err(|_| Exc::new(ExcType::ValueError, "input must be a scalar"))?;
            arr.fill(s.cast(arr.dtype)).or_exc()?;
            Value::None
        }
        "astype" => {
            let b = bind(
                "astype",
                a,
                &["dtype", "order", "casting", "subok", "copy"],
                1,
            )?;
            let d = to_dtype(b.req(0))?;
            let order = order_arg(it, b.get(1), Order::K)?;
            let casting = match b.get(2) {
                None => Casting::Unsafe,
                Some(v) => {
                    let s = it.to_str(v)?;
                    Casting::parse(&s).ok_or_else(|| {
                        Exc::new(
                            ExcType::ValueError,
                            "casting must be one of 'no', 'equiv', 'safe', 'same_kind', or 'unsafe'",
                        )
                    })?
                }
            };
            let copy = match b.get(4) {
                Some(v) => it.truthy(v)?,
                None => true,
            };
            if !copy && d == arr.dtype {
                return Ok(Some(obj.clone()));
            }
            ArrayObj::value(arr.astype_order(d, casting, order).or_exc()?)
        }
        _ => return super::index::call_method(it, this, name, a),
    }))
}

/// An index value as a list of basic index items; `None` for fancy (array/list) indices.
pub fn basic_index(key: &Value) -> PResult<Option<Vec<IndexItem>>> {
    let one = |v: &Value| -> PResult<Option<IndexItem>> {
        Ok(Some(match v {
            Value::Int(i) => IndexItem::Int(*i),
            Value::Bool(_) => return Ok(None),
            // NumPy converts through a C long: [2**63, 2**64) overflows it, anything
            // further out is refused as an index.
            Value::BigInt(b) => {
                let fits_u64 = b.sign() != num_bigint::Sign::Minus && b.bits() <= 64;
                return Err(if fits_u64 {
                    long_overflow()
                } else {
                    invalid_index()
                });
            }
            Value::NpScalar(s) => match scalar::as_index(**s) {
                Some(i) => IndexItem::Int(i),
                None if s.dtype().is_integer() => return Err(long_overflow()),
                None => return Ok(None),
            },
            Value::None => IndexItem::NewAxis,
            Value::Ellipsis => IndexItem::Ellipsis,
            Value::Slice(s) => {
                let part = |p: &Value| -> PResult<Option<i64>> {
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
                            None => type_error(
                                "slice indices must be integers or None or have an __index__ method",
                            ),
                        },
                        _ => type_error(
                            "slice indices must be integers or None or have an __index__ method",
                        ),
                    }
                };
                IndexItem::Slice {
                    start: part(&s.start)?,
                    stop: part(&s.stop)?,
                    step: part(&s.step)?,
                }
            }
            _ => return Ok(None),
        }))
    };
    match key {
        Value::Tuple(t) => {
            let mut out = Vec::with_capacity(t.len());
            for v in t.iter() {
                match one(v)? {
                    Some(i) => out.push(i),
                    None => return Ok(None),
                }
            }
            Ok(Some(out))
        }
        v => Ok(one(v)?.map(|i| vec![i])),
    }
}

/// NumPy's error for an integer index beyond a C long.
fn long_overflow() -> Box<Exc> {
    Exc::new(
        ExcType::OverflowError,
        "Python int too large to convert to C long",
    )
}

pub fn invalid_index() -> Box<Exc> {
    Exc::new(
        ExcType::IndexError,
        "only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) and integer or boolean arrays are valid indices",
    )
}

/// `a[key]` with a basic index: a view, or a NumPy scalar for a full integer index.
pub fn get_item(this: &Rc<ArrayObj>, key: &Value) -> PResult<Value> {
    let Some(items) = basic_index(key)? else {
        return super::index::get_advanced(this, key);
    };
    let arr = this.get();
    let v = arr.slice_view(&items).or_exc()?;
    let ints = items
        .iter()
        .filter(|i| matches!(i, IndexItem::Int(_)))
        .count();
    let has_ellipsis_or_new = items.iter().any(|i| {
        matches!(
            i,
            IndexItem::Ellipsis | IndexItem::NewAxis | IndexItem::Slice { .. }
        )
    });
    if v.ndim() == 0 && ints == arr.ndim() && !has_ellipsis_or_new {
        return Ok(scalar::value(v.item().or_exc()?));
    }
    Ok(view_of(this, v))
}

/// `a[key] = value` with a basic index.
pub fn set_item(this: &Rc<ArrayObj>, key: &Value, value: &Value) -> PResult<()> {
    let Some(items) = basic_index(key)? else {
        return super::index::set_advanced(this, key, value);
    };
    super::index::set_basic(&this.get(), &items, value)
}

/// Items of `a` along axis 0 (`for row in a`, `list(a)`).
pub fn iter_items(this: &Rc<ArrayObj>) -> PResult<Vec<Value>> {
    let arr = this.get();
    if arr.ndim() == 0 {
        return type_error("iteration over a 0-d array");
    }
    let n = arr.shape[0];
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        out.push(get_item(this, &Value::Int(i as i64))?);
    }
    Ok(out)
}

/// `len(a)`.
pub fn len(this: &Rc<ArrayObj>) -> PResult<usize> {
    let arr = this.arr.borrow();
    if arr.ndim() == 0 {
        return type_error("len() of unsized object");
    }
    Ok(arr.shape[0])
}

/// Truth value: one element, or NumPy's ValueError.
pub fn truthy(this: &Rc<ArrayObj>) -> PResult<bool> {
    let arr = this.get();
    match arr.size() {
        1 => Ok(arr.get_flat(0).or_exc()?.is_true()),
        0 => raise(
            ExcType::ValueError,
            "The truth value of an empty array is ambiguous. Use `array.size > 0` to check that an array is not empty.",
        ),
        _ => raise(
            ExcType::ValueError,
            "The truth value of an array with more than one element is ambiguous. Use a.any() or a.all()",
        ),
    }
}

// ----- function forms -----

/// The array argument of a function form, and how to wrap results that view it.
fn arg_array(v: &Value) -> PResult<(NdArray, Option<Rc<ArrayObj>>)> {
    match v {
        Value::Array(a) => Ok((a.get(), Some(a.clone()))),
        other => Ok((to_array(other)?, None)),
    }
}

fn wrap_view(owner: &Option<Rc<ArrayObj>>, r: NdArray) -> Value {
    match owner {
        Some(o) if r.same_storage(&o.arr.borrow()) => view_of(o, r),
        _ => ArrayObj::value(r),
    }
}

fn np_reshape(it: &mut Interp, a: Args) -> PResult<Value> {
    let b = bind(
        "reshape",
        a,
        &["a", "shape", "order", "*", "newshape", "copy"],
        1,
    )?;
    let (arr, owner) = arg_array(b.req(0))?;
    let shape = match b.get(1).or(b.get(4)) {
        Some(s) => shape_args(std::slice::from_ref(s))?,
        None => return type_error("reshape() missing 1 required positional argument: 'shape'"),
    };
    let order = order_arg(it, b.get(2), Order::C)?;
    Ok(wrap_view(&owner, arr.reshape(&shape, order).or_exc()?))
}

fn np_ravel(it: &mut Interp, a: Args) -> PResult<Value> {
    let b = bind("ravel", a, &["a", "order"], 1)?;
    let (arr, owner) = arg_array(b.req(0))?;
    let order = order_arg(it, b.get(1), Order::C)?;
    Ok(wrap_view(&owner, arr.ravel(order).or_exc()?))
}

fn np_transpose(_: &mut Interp, a: Args) -> PResult<Value> {
    let b = bind("transpose", a, &["a", "axes"], 1)?;
    let (arr, owner) = arg_array(b.req(0))?;
    let axes = match b.get(1) {
        Some(v) => Some(
            to_dims(v)?
                .into_iter()
                .map(|d| d as isize)
                .collect::<Vec<_>>(),
        ),
        None => None,
    };
    Ok(wrap_view(&owner, arr.transpose(axes.as_deref()).or_exc()?))
}

fn np_swapaxes(_: &mut Interp, a: Args) -> PResult<Value> {
    let b = bind("swapaxes", a, &["a", "axis1", "axis2"], 3)?;
    let (arr, owner) = arg_array(b.req(0))?;
    let (x, y) = (to_i64(b.req(1))?, to_i64(b.req(2))?);
    Ok(wrap_view(&owner, arr.swapaxes(x, y).or_exc()?))
}

fn np_moveaxis(_: &mut Interp, a: Args) -> PResult<Value> {
    let b = bind("moveaxis", a, &["a", "source", "destination"], 3)?;
    let (arr, owner) = arg_array(b.req(0))?;
    let src = to_dims(b.req(1))?;
    let dst = to_dims(b.req(2))?;
    Ok(wrap_view(&owner, arr.moveaxis(&src, &dst).or_exc()?))
}

fn np_expand_dims(_: &mut Interp, a: Args) -> PResult<Value> {
    let b = bind("expand_dims", a, &["a", "axis"], 2)?;
    let (arr, owner) = arg_array(b.req(0))?;
    let axes = to_dims(b.req(1))?;
    Ok(wrap_view(&owner, arr.expand_dims(&axes).or_exc()?))
}

fn np_squeeze(_: &mut Interp, a: Args) -> PResult<Value> {
    let b = bind("squeeze", a, &["a", "axis"], 1)?;
    let (arr, owner) = arg_array(b.req(0))?;
    let axes = to_axes(b.get(1))?;
    Ok(wrap_view(&owner, arr.squeeze(axes.as_deref()).or_exc()?))
}

fn np_broadcast_to(_: &mut Interp, a: Args) -> PResult<Value> {
    let b = bind("broadcast_to", a, &["array", "shape", "subok"], 2)?;
    let (arr, owner) = arg_array(b.req(0))?;
    let shape = to_dims(b.req(1))?;
    let mut r = arr.broadcast_to(&shape).or_exc()?;
    r.writeable = false;
    Ok(wrap_view(&owner, r))
}

fn np_broadcast_shapes(_: &mut Interp, a: Args) -> PResult<Value> {
    a.no_more_kw("broadcast_shapes")?;
    let shapes: Vec<Vec<usize>> = a
        .pos
        .iter()
        .map(|v| to_dims(v).map(|d| d.into_iter().map(|x| x.max(0) as usize).collect()))
        .collect::<PResult<_>>()?;
    let refs: Vec<&[usize]> = shapes.iter().map(|s| s.as_slice()).collect();
    let r = crate::array::view::broadcast_shapes_py(&refs).or_exc()?;
    Ok(shape_tuple(&r))
}

fn np_diagonal(_: &mut Interp, a: Args) -> PResult<Value> {
    let b = bind("diagonal", a, &["a", "offset", "axis1", "axis2"], 1)?;
    let (arr, owner) = arg_array(b.req(0))?;
    let off = b.get(1).map(to_i64).transpose()?.unwrap_or(0);
    let a1 = b.get(2).map(to_i64).transpose()?.unwrap_or(0);
    let a2 = b.get(3).map(to_i64).transpose()?.unwrap_or(1);
    let mut d = arr.diagonal(off, a1, a2).or_exc()?;
    d.writeable = false;
    Ok(wrap_view(&owner, d))
}

pub static FUNCS: &[Builtin] = &[
    Builtin {
        name: "reshape",
        module: "numpy",
        sig: "reshape(a, shape, order='C')",
        doc: "Gives a new shape to an array without changing its data (a view when possible).",
        f: np_reshape,
    },
    Builtin {
        name: "ravel",
        module: "numpy",
        sig: "ravel(a, order='C')",
        doc: "Return a contiguous flattened array (a view when possible).",
        f: np_ravel,
    },
    Builtin {
        name: "transpose",
        module: "numpy",
        sig: "transpose(a, axes=None)",
        doc: "Returns an array with axes transposed (a view).",
        f: np_transpose,
    },
    Builtin {
        name: "swapaxes",
        module: "numpy",
        sig: "swapaxes(a, axis1, axis2)",
        doc: "Interchange two axes of an array (a view).",
        f: np_swapaxes,
    },
    Builtin {
        name: "moveaxis",
        module: "numpy",
        sig: "moveaxis(a, source, destination)",
        doc: "Move axes of an array to new positions (a view).",
        f: np_moveaxis,
    },
    Builtin {
        name: "expand_dims",
        module: "numpy",
        sig: "expand_dims(a, axis)",
        doc: "Expand the shape of an array by inserting new axes of length one (a view).",
        f: np_expand_dims,
    },
    Builtin {
        name: "squeeze",
        module: "numpy",
        sig: "squeeze(a, axis=None)",
        doc: "Remove axes of length one (a view).",
        f: np_squeeze,
    },
    Builtin {
        name: "broadcast_to",
        module: "numpy",
        sig: "broadcast_to(array, shape, subok=False)",
        doc: "Broadcast an array to a new shape (a read-only view).",
        f: np_broadcast_to,
    },
    Builtin {
        name: "broadcast_shapes",
        module: "numpy",
        sig: "broadcast_shapes(*args)",
        doc: "Broadcast the input shapes into a single shape.",
        f: np_broadcast_shapes,
    },
    Builtin {
        name: "diagonal",
        module: "numpy",
        sig: "diagonal(a, offset=0, axis1=0, axis2=1)",
        doc: "Return specified diagonals (a read-only view).",
        f: np_diagonal,
    },
];

/// A method's positional arguments moved to their keyword names (the keywords given stay).
fn bind_kw(name: &str, mut a: Args, names: &[&str]) -> PResult<Args> {
    if a.pos.len() > names.len() {
        return type_error(format!(
            "{name}() takes at most {} arguments ({} given)",
            names.len(),
            a.pos.len()
        ));
    }
    let mut kw: Vec<(std::rc::Rc<str>, Value)> = Vec::new();
    for (n, v) in names.iter().zip(a.pos.drain(..)) {
        if a.kw.iter().any(|(k, _)| &**k == *n) {
            return type_error(format!(
                "argument for {name}() given by name ('{n}') and position"
            ));
        }
        kw.push(((*n).into(), v));
    }
    kw.append(&mut a.kw);
    Ok(Args { pos: vec![], kw })
}

/// `a` first, then the arguments of `b`.
fn with_self(obj: &Value, b: Args) -> Args {
    Args {
        pos: vec![obj.clone()],
        kw: b.kw,
    }
}
