//! Differences along an axis: `np.diff`, `np.ediff1d` and `np.gradient`.
//!
//! The arithmetic goes through the interpreter's own operators (`-`, `!=`, `*`, `/` on
//! arrays, NumPy scalars and Python numbers), so promotion, wrap-around, scalar-vs-array
//! results and floating-point warnings are those of the same expressions in a script.

use super::args::bind;
use super::arith::{self, apply};
use super::convert::{to_array, to_i64};
use super::{ArrayObj, OrExc, scalar};
use crate::array::dtype::can_cast;
use crate::array::index::IndexItem;
use crate::array::join::concatenate;
use crate::array::view::normalize_axis_tuple;
use crate::array::{Casting, DType, NdArray, Order, normalize_axis};
use crate::eval::Interp;
use crate::eval::exceptions::{ExcType, PResult, raise, type_error};
use crate::eval::ops;
use crate::eval::value::{Args, Builtin, Value};
use crate::kernels::binary::BinKind;
use crate::kernels::unary::UnKind;
use crate::parse::ast::BinOp;

// ---- indexing helpers ---------------------------------------------------------------------

/// `a[..., start:stop, ...]` along `axis` (a view).
fn sl(a: &NdArray, axis: usize, start: Option<i64>, stop: Option<i64>) -> PResult<NdArray> {
    let mut items = vec![IndexItem::ALL; a.ndim()];
    items[axis] = IndexItem::Slice {
        start,
        stop,
        step: None,
    };
    a.slice_view(&items).or_exc()
}

/// `a[..., start:stop, ...]` as a value.
fn slv(a: &NdArray, axis: usize, start: Option<i64>, stop: Option<i64>) -> PResult<Value> {
    Ok(ArrayObj::value(sl(a, axis, start, stop)?))
}

/// `a[..., i, ...]` along `axis` (a view without that axis).
fn at(a: &NdArray, axis: usize, i: i64) -> PResult<NdArray> {
    let mut items = vec![IndexItem::ALL; a.ndim()];
    items[axis] = IndexItem::Int(i);
    a.slice_view(&items).or_exc()
}

/// `a[..., i, ...]` as NumPy gives it: a NumPy scalar when no axis is left.
fn atv(a: &NdArray, axis: usize, i: i64) -> PResult<Value> {
    Ok(arith::wrap(at(a, axis, i)?, false))
}

/// `out[...] = value` (unsafe cast, broadcast; complex into real warns as NumPy does).
fn store(out: &NdArray, v: &Value) -> PResult<()> {
    let src = to_array(v)?;
    if src.dtype.is_complex() && !out.dtype.is_complex() {
        super::warnings::warn(
            "ComplexWarning",
            "Casting complex values to real discards the imaginary part".to_string(),
        );
    }
    out.assign(&src).or_exc()
}

fn bin(op: BinOp, a: &Value, b: &Value) -> PResult<Value> {
    ops::binary(op, a, b)
}

fn add(a: &Value, b: &Value) -> PResult<Value> {
    bin(BinOp::Add, a, b)
}
fn sub(a: &Value, b: &Value) -> PResult<Value> {
    bin(BinOp::Sub, a, b)
}
fn mul(a: &Value, b: &Value) -> PResult<Value> {
    bin(BinOp::Mul, a, b)
}
fn div(a: &Value, b: &Value) -> PResult<Value> {
    bin(BinOp::Div, a, b)
}

/// `-v` for arrays, NumPy scalars and Python numbers.
fn neg(v: &Value) -> PResult<Value> {
    if let Some(r) = arith::unary_op(Some(UnKind::Neg), "", v)? {
        return Ok(r);
    }
    match v {
        Value::Float(x) => Ok(Value::Float(-x)),
        Value::Int(x) => Ok(x
            .checked_neg()
            .map(Value::Int)
            .unwrap_or(Value::Float(-(*x as f64)))),
        Value::Bool(b) => Ok(Value::Int(-(*b as i64))),
        other => type_error(format!(
            "bad operand type for unary -: '{}'",
            other.type_name()
        )),
    }
}

/// One step of `np.diff` along `axis`: `a[1:] - a[:-1]` (`!=` for booleans).
fn diff_once(a: &NdArray, axis: usize) -> PResult<NdArray> {
    let k = if a.dtype == DType::Bool {
        BinKind::Ne
    } else {
        BinKind::Sub
    };
    let hi = slv(a, axis, Some(1), None)?;
    let lo = slv(a, axis, None, Some(-1))?;
    to_array(&apply(k, &hi, &lo)?)
}

// ---- np.diff ------------------------------------------------------------------------------

/// `prepend=`/`append=` as an array; a scalar is broadcast to `a`'s shape with `axis` of 1.
fn edge_values(v: &Value, a: &NdArray, axis: usize) -> PResult<NdArray> {
    let e = to_array(v)?;
    if e.ndim() != 0 {
        return Ok(e);
    }
    let mut shape: Vec<i64> = a.shape().iter().map(|&d| d as i64).collect();
    shape[axis] = 1;
    e.broadcast_to(&shape).or_exc()
}

fn np_diff(it: &mut Interp, a: Args) -> PResult<Value> {
    let b = bind("diff", a, &["a", "n", "axis", "prepend", "append"], 1)?;
    // `n == 0` returns the input itself; `n < 0` is an error; `range(n)` needs an int.
    let n: Option<i64> = match b.raw(1) {
        None => Some(1),
        Some(Value::Float(x)) => {
            if *x == 0.0 {
                return Ok(b.req(0).clone());
            }
            if *x < 0.0 {
                let r = it.repr(&Value::Float(*x))?;
                return raise(
                    ExcType::ValueError,
                    format!("order must be non-negative but got {r}"),
                );
            }
            None
        }
        Some(Value::None) => {
            return type_error("'<' not supported between instances of 'NoneType' and 'int'");
        }
        Some(v) => Some(to_i64(v)?),
    };
    if n == Some(0) {
        return Ok(b.req(0).clone());
    }
    if let Some(k) = n
        && k < 0
    {
        let r = it.repr(b.req(1))?;
        return raise(
            ExcType::ValueError,
            format!("order must be non-negative but got {r}"),
        );
    }
    let mut arr = to_array(b.req(0))?;
    let nd = arr.ndim();
    if nd == 0 {
        return raise(
            ExcType::ValueError,
            "diff requires input that is at least one dimensional",
        );
    }
    let axis = match b.raw(2) {
        None => nd - 1,
        Some(Value::Float(_)) => return type_error("integer argument expected, got float"),
        Some(v) => normalize_axis(to_i64(v)?, nd).or_exc()?,
    };
    let pre = match b.raw(3) {
        Some(v) => Some(edge_values(v, &arr, axis)?),
        None => None,
    };
    let app = match b.raw(4) {
        Some(v) => Some(edge_values(v, &arr, axis)?),
        None => None,
    };
    if pre.is_some() || app.is_some() {
        let mut parts = Vec::with_capacity(3);
        parts.extend(pre);
        parts.push(arr.clone());
        parts.extend(app);
        arr = concatenate(&parts, Some(axis as i64)).or_exc()?;
    }
    let Some(n) = n else {
        return type_error("'float' object cannot be interpreted as an integer");
    };
    for _ in 0..n {
        arr = diff_once(&arr, axis)?;
        // Further steps of an empty axis give the same empty array (same dtype).
        if arr.shape()[axis] == 0 {
            break;
        }
    }
    Ok(ArrayObj::value(arr))
}

// ---- np.ediff1d ---------------------------------------------------------------------------

/// `to_begin=`/`to_end=` flattened, checked against the input's dtype.
fn ediff_edge(v: Option<&Value>, dt: DType, name: &str) -> PResult<Option<NdArray>> {
    let Some(v) = v else {
        return Ok(None);
    };
    let e = to_array(v)?;
    if !can_cast(e.dtype, dt, Casting::SameKind) {
        return type_error(format!(
            "dtype of `{name}` must be compatible with input `ary` under the `same_kind` rule."
        ));
    }
    Ok(Some(e.ravel(Order::C).or_exc()?))
}

fn np_ediff1d(_: &mut Interp, a: Args) -> PResult<Value> {
    let b = bind("ediff1d", a, &["ary", "to_end", "to_begin"], 1)?;
    let ary = to_array(b.req(0))?.ravel(Order::C).or_exc()?;
    let dt = ary.dtype;
    let hi = slv(&ary, 0, Some(1), None)?;
    let lo = slv(&ary, 0, None, Some(-1))?;
    if b.get(1).is_none() && b.get(2).is_none() {
        return apply(BinKind::Sub, &hi, &lo);
    }
    let begin = ediff_edge(b.get(2), dt, "to_begin")?;
    let end = ediff_edge(b.get(1), dt, "to_end")?;
    let l_begin = begin.as_ref().map_or(0, |e| e.size());
    let l_end = end.as_ref().map_or(0, |e| e.size());
    let l_diff = ary.size().saturating_sub(1);
    let total = l_begin + l_diff + l_end;
    let result = NdArray::zeros(&[total], dt, Order::C).or_exc()?;
    if let Some(e) = &begin {
        sl(&result, 0, None, Some(l_begin as i64))?
            .assign(e)
            .or_exc()?;
    }
    if let Some(e) = &end {
        sl(&result, 0, Some((l_begin + l_diff) as i64), None)?
            .assign(e)
            .or_exc()?;
    }
    let d = apply(BinKind::Sub, &hi, &lo)?;
    store(
        &sl(
            &result,
            0,
            Some(l_begin as i64),
            Some((l_begin + l_diff) as i64),
        )?,
        &d,
    )?;
    Ok(ArrayObj::value(result))
}

// ---- np.gradient --------------------------------------------------------------------------

/// The `axis=` of `np.gradient`: None (every axis), an int, or a tuple/list of ints.
fn gradient_axes(v: Option<&Value>, nd: usize) -> PResult<Vec<usize>> {
    let list: Vec<i64> = match v {
        None | Some(Value::None) => return Ok((0..nd).collect()),
        Some(Value::Tuple(t)) => t.iter().map(to_i64).collect::<PResult<_>>()?,
        Some(Value::List(l)) => l.borrow().iter().map(to_i64).collect::<PResult<_>>()?,
        Some(Value::Float(_)) => return type_error("'float' object is not iterable"),
        Some(other) => vec![to_i64(other)?],
    };
    normalize_axis_tuple(&list, nd, "").or_exc()
}

/// Whether a spacing is a scalar (`np.ndim(x) == 0`).
fn is_scalar_spacing(v: &Value) -> PResult<bool> {
    Ok(match v {
        Value::Array(a) => a.get().ndim() == 0,
        Value::NpScalar(_) | Value::Int(_) | Value::Float(_) | Value::Bool(_) => true,
        other => to_array(other)?.ndim() == 0,
    })
}

/// One spacing argument for an axis of length `len`: a scalar as given, or coordinates
/// turned into their differences (a NumPy scalar when those are all equal).
fn spacing_of(v: &Value, len: usize) -> PResult<Value> {
    let d = to_array(v)?;
    if d.ndim() == 0 {
        return Ok(v.clone());
    }
    if d.ndim() != 1 {
        return raise(
            ExcType::ValueError,
            "distances must be either scalars or 1d",
        );
    }
    if d.shape()[0] != len {
        return raise(
            ExcType::ValueError,
            "when 1d, distances must match the length of the corresponding dimension",
        );
    }
    let d = if d.dtype.is_integer() {
        d.astype(DType::Float64, Casting::Unsafe).or_exc()?
    } else {
        d
    };
    let diffx = diff_once(&d, 0)?;
    if diffx.shape()[0] == 0 {
        return raise(
            ExcType::IndexError,
            "index 0 is out of bounds for axis 0 with size 0",
        );
    }
    let first = atv(&diffx, 0, 0)?;
    let dv = ArrayObj::value(diffx.clone());
    let eq = to_array(&apply(BinKind::Eq, &dv, &first)?)?;
    let uniform = eq
        .iter_scalars()
        .all(|s| s.to_i128().is_some_and(|x| x != 0));
    Ok(if uniform {
        scalar::value(diffx.get(&[0]).or_exc()?)
    } else {
        dv
    })
}

fn np_gradient(_: &mut Interp, a: Args) -> PResult<Value> {
    let mut pos = a.pos.into_iter();
    let mut f = pos.next();
    let varargs: Vec<Value> = pos.collect();
    let mut axis: Option<Value> = None;
    let mut edge_order: Option<Value> = None;
    for (k, v) in a.kw {
        let slot = match &*k {
            "axis" => &mut axis,
            "edge_order" => &mut edge_order,
            "f" if f.is_none() => &mut f,
            "f" => {
                return type_error("gradient() got multiple values for argument 'f'");
            }
            _ => {
                return type_error(format!(
                    "gradient() got an unexpected keyword argument '{k}'"
                ));
            }
        };
        *slot = Some(v);
    }
    let Some(f) = f else {
        return type_error("gradient() missing 1 required positional argument: 'f'");
    };
    let mut f = to_array(&f)?;
    let nd = f.ndim();
    let axes = gradient_axes(axis.as_ref(), nd)?;
    let len_axes = axes.len();
    let dx: Vec<Value> = if varargs.is_empty() {
        vec![Value::Float(1.0); len_axes]
    } else if varargs.len() == 1 && is_scalar_spacing(&varargs[0])? {
        vec![varargs[0].clone(); len_axes]
    } else if varargs.len() == len_axes {
        varargs
            .iter()
            .zip(&axes)
            .map(|(v, &ax)| spacing_of(v, f.shape()[ax]))
            .collect::<PResult<_>>()?
    } else {
        return type_error("invalid number of arguments");
    };
    // Python compares `edge_order` with ints: 1.0 is first order, anything else second.
    let edge_order: f64 = match &edge_order {
        None => 1.0,
        Some(Value::Float(x)) => *x,
        Some(Value::NpScalar(s)) if s.dtype().is_float() => s.to_f64(),
        Some(v @ (Value::Int(_) | Value::Bool(_) | Value::NpScalar(_))) => to_i64(v)? as f64,
        Some(Value::BigInt(b)) => match b.sign() {
            num_bigint::Sign::Minus => f64::NEG_INFINITY,
            _ => f64::INFINITY,
        },
        Some(other) => {
            return type_error(format!(
                "'>' not supported between instances of '{}' and 'int'",
                other.type_name()
            ));
        }
    };
    if edge_order > 2.0 {
        return raise(
            ExcType::ValueError,
            "'edge_order' greater than 2 not supported",
        );
    }
    let otype = if f.dtype.is_inexact() {
        f.dtype
    } else {
        if f.dtype.is_integer() {
            f = f.astype(DType::Float64, Casting::Unsafe).or_exc()?;
        }
        DType::Float64
    };
    let mut outvals = Vec::with_capacity(len_axes);
    for (&ax, h) in axes.iter().zip(&dx) {
        if (f.shape()[ax] as f64) < edge_order + 1.0 {
            return raise(
                ExcType::ValueError,
                "Shape of array too small to calculate a numerical gradient, at least (edge_order + 1) elements are required.",
            );
        }
        let out = f.empty_like(otype, Order::K).or_exc()?;
        let uniform = is_scalar_spacing(h)?;
        let fs = |s: Option<i64>, e: Option<i64>| slv(&f, ax, s, e);
        let fi = |i: i64| atv(&f, ax, i);
        // interior: central differences
        let interior = sl(&out, ax, Some(1), Some(-1))?;
        if uniform {
            let num = sub(&fs(Some(2), None)?, &fs(None, Some(-2))?)?;
            let den = mul(&Value::Float(2.0), h)?;
            store(&interior, &div(&num, &den)?)?;
        } else {
            let hv = to_array(h)?;
            let dx1 = slv(&hv, 0, Some(0), Some(-1))?;
            let dx2 = slv(&hv, 0, Some(1), None)?;
            let s12 = add(&dx1, &dx2)?;
            let ca = div(&neg(&dx2)?, &mul(&dx1, &s12)?)?;
            let cb = div(&sub(&dx2, &dx1)?, &mul(&dx1, &dx2)?)?;
            let cc = div(&dx1, &mul(&dx2, &s12)?)?;
            let mut shape = vec![1isize; nd];
            shape[ax] = -1;
            let re = |v: &Value| -> PResult<Value> {
                Ok(ArrayObj::value(
                    to_array(v)?.reshape(&shape, Order::C).or_exc()?,
                ))
            };
            let (ca, cb, cc) = (re(&ca)?, re(&cb)?, re(&cc)?);
            let t = add(
                &mul(&ca, &fs(None, Some(-2))?)?,
                &mul(&cb, &fs(Some(1), Some(-1))?)?,
            )?;
            let r = add(&t, &mul(&cc, &fs(Some(2), None)?)?)?;
            store(&interior, &r)?;
        }
        let hv = if uniform { None } else { Some(to_array(h)?) };
        let h_at = |i: i64| -> PResult<Value> {
            match &hv {
                None => Ok(h.clone()),
                Some(a) => atv(a, 0, i),
            }
        };
        if edge_order == 1.0 {
            let first = div(&sub(&fi(1)?, &fi(0)?)?, &h_at(0)?)?;
            store(&at(&out, ax, 0)?, &first)?;
            let last = div(&sub(&fi(-1)?, &fi(-2)?)?, &h_at(-1)?)?;
            store(&at(&out, ax, -1)?, &last)?;
        } else {
            let three = |ca: &Value, cb: &Value, cc: &Value, i: [i64; 3]| -> PResult<Value> {
                let t = add(&mul(ca, &fi(i[0])?)?, &mul(cb, &fi(i[1])?)?)?;
                add(&t, &mul(cc, &fi(i[2])?)?)
            };
            let fl = Value::Float;
            let (ca, cb, cc) = if uniform {
                (div(&fl(-1.5), h)?, div(&fl(2.0), h)?, div(&fl(-0.5), h)?)
            } else {
                let dx1 = h_at(0)?;
                let dx2 = h_at(1)?;
                let s12 = add(&dx1, &dx2)?;
                (
                    div(&neg(&add(&mul(&fl(2.0), &dx1)?, &dx2)?)?, &mul(&dx1, &s12)?)?,
                    div(&s12, &mul(&dx1, &dx2)?)?,
                    div(&neg(&dx1)?, &mul(&dx2, &s12)?)?,
                )
            };
            store(&at(&out, ax, 0)?, &three(&ca, &cb, &cc, [0, 1, 2])?)?;
            let (ca, cb, cc) = if uniform {
                (div(&fl(0.5), h)?, div(&fl(-2.0), h)?, div(&fl(1.5), h)?)
            } else {
                let dx1 = h_at(-2)?;
                let dx2 = h_at(-1)?;
                let s12 = add(&dx1, &dx2)?;
                (
                    div(&dx2, &mul(&dx1, &s12)?)?,
                    div(&neg(&add(&dx2, &dx1)?)?, &mul(&dx1, &dx2)?)?,
                    div(&add(&mul(&fl(2.0), &dx2)?, &dx1)?, &mul(&dx2, &s12)?)?,
                )
            };
            store(&at(&out, ax, -1)?, &three(&ca, &cb, &cc, [-3, -2, -1])?)?;
        }
        outvals.push(ArrayObj::value(out));
    }
    if len_axes == 1 {
        return Ok(outvals.pop().unwrap_or(Value::None));
    }
    Ok(Value::tuple(outvals))
}

macro_rules! table {
    ($($name:literal, $sig:literal, $doc:literal, $f:ident;)*) => {
        pub static FUNCS: &[Builtin] = &[
            $(Builtin { name: $name, module: "numpy", sig: $sig, doc: $doc, f: $f },)*
        ];
    };
}

table! {
    "diff", "diff(a, n=1, axis=-1, prepend=<no value>, append=<no value>)", "The n-th discrete difference along an axis: np.diff([1, 4, 9]) is [3, 5].", np_diff;
    "ediff1d", "ediff1d(ary, to_end=None, to_begin=None)", "Differences between consecutive elements of the flattened array, with optional values before and after.", np_ediff1d;
    "gradient", "gradient(f, *varargs, axis=None, edge_order=1)", "The gradient of an array by central differences inside and one-sided differences at the edges.", np_gradient;
}
