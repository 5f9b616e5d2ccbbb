//! Array creation and joining as scripts call them: `np.array`, `np.zeros`, `np.arange`,
//! `np.linspace`, `np.eye`, `np.concatenate`, `np.stack`, ... over `crate::array::create`
//! and `crate::array::join`.

use super::args::{Bound, bind};
use super::convert::{opt_dtype, to_array, to_array_dtype, to_dims, to_i64, to_nested, to_shape};
use super::{ArrayObj, OrExc};
use crate::array::create::{self, PyNum};
use crate::array::nested::from_nested;
use crate::array::{Casting, DType, NdArray, Order, Scalar, join};
use crate::eval::Interp;
use crate::eval::exceptions::{Exc, ExcType, PResult, raise, type_error};
use crate::eval::value::{Args, Builtin, Value};

fn order_of(it: &mut Interp, v: Option<&Value>) -> PResult<Order> {
    match v {
        None => Ok(Order::C),
        Some(v) => {
            let s = it.to_str(v)?;
            match s.as_str() {
                "C" | "c" => Ok(Order::C),
                "F" | "f" => Ok(Order::F),
                _ => raise(
                    ExcType::ValueError,
                    format!("order must be one of 'C', 'F', 'A', or 'K' (got '{s}')"),
                ),
            }
        }
    }
}

fn new(a: NdArray) -> Value {
    ArrayObj::value(a)
}

fn np_array(it: &mut Interp, a: Args) -> PResult<Value> {
    let b = bind(
        "array",
        a,
        &[
            "object", "dtype", "*", "copy", "order", "subok", "ndmin", "like",
        ],
        1,
    )?;
    let dt = opt_dtype(b.get(1))?;
    let ndmin = match b.get(6) {
        Some(v) => to_i64(v)?.max(0) as usize,
        None => 0,
    };
    let copy = match b.raw(3) {
        Some(Value::None) => None,
        Some(v) => Some(it.truthy(v)?),
        None => Some(true),
    };
    let obj = b.req(0);
    if let (Value::Array(src), Some(false) | None) = (obj, copy) {
        let arr = src.get();
        if dt.is_none_or(|d| d == arr.dtype) && arr.ndim() >= ndmin {
            return Ok(obj.clone());
        }
        if copy == Some(false) {
            return raise(
                ExcType::ValueError,
                "Unable to avoid copy while creating an array as requested.",
            );
        }
    }
    let order = order_of(it, b.get(4))?;
    let arr = from_nested(&to_nested(obj)?, dt, ndmin).or_exc()?;
    let arr = if order == Order::F {
        arr.copy(Order::F).or_exc()?
    } else {
        arr
    };
    Ok(new(arr))
}

fn np_asarray(_: &mut Interp, a: Args) -> PResult<Value> {
    let b = bind(
        "asarray",
        a,
        &["a", "dtype", "order", "*", "device", "copy", "like"],
        1,
    )?;
    let dt = opt_dtype(b.get(1))?;
    let obj = b.req(0);
    if let Value::Array(src) = obj
        && dt.is_none_or(|d| d == src.arr.borrow().dtype)
    {
        return Ok(obj.clone());
    }
    Ok(new(to_array_dtype(obj, dt)?))
}

fn np_ascontiguousarray(_: &mut Interp, a: Args) -> PResult<Value> {
    let b = bind("ascontiguousarray", a, &["a", "dtype", "*", "like"], 1)?;
    let dt = opt_dtype(b.get(1))?;
    let obj = b.req(0);
    let arr = to_array_dtype(obj, dt)?;
    if let Value::Array(src) = obj
        && arr.is_c_contiguous()
        && arr.ndim() >= 1
        && arr.same_storage(&src.arr.borrow())
    {
        return Ok(obj.clone());
    }
    let arr = if arr.ndim() == 0 {
        arr.reshape(&[1], Order::C).or_exc()?
    } else {
        arr
    };
    Ok(new(arr.copy(Order::C).or_exc()?))
}

/// `np.zeros`, `np.ones`, `np.empty` share their signature.
fn filled(it: &mut Interp, a: Args, name: &str, fill: Option<Scalar>) -> PResult<Value> {
    let b = bind(
        name,
        a,
        &["shape", "dtype", "order", "*", "device", "like"],
        1,
    )?;
    let dt = opt_dtype(b.get(1))?.unwrap_or(DType::Float64);
    let shape = to_shape(b.req(0), dt)?;
    let order = order_of(it, b.get(2))?;
    let arr = match fill {
        None => create::zeros(&shape, dt, order),
        Some(s) => create::full(&shape, s, dt, order),
    }
    .or_exc()?;
    Ok(new(arr))
}

fn np_zeros(it: &mut Interp, a: Args) -> PResult<Value> {
    filled(it, a, "zeros", None)
}

fn np_empty(it: &mut Interp, a: Args) -> PResult<Value> {
    filled(it, a, "empty", None)
}

fn np_ones(it: &mut Interp, a: Args) -> PResult<Value> {
    filled(it, a, "ones", Some(Scalar::Bool(true)))
}

/// A fill value converted into `dt` as NumPy's `full` does (`np.copyto` with casting).
fn fill_scalar(v: &Value, dt: DType) -> PResult<Scalar> {
    let arr = to_array(v)?;
    if arr.size() != 1 {
        return raise(
            ExcType::ValueError,
            format!(
                "could not broadcast input array from shape {} into shape ()",
                crate::array::shape_str(arr.shape())
            ),
        );
    }
    Ok(arr.get_flat(0).or_exc()?.cast(dt))
}

fn np_full(it: &mut Interp, a: Args) -> PResult<Value> {
    let b = bind(
        "full",
        a,
        &[
            "shape",
            "fill_value",
            "dtype",
            "order",
            "*",
            "device",
            "like",
        ],
        2,
    )?;
    let fillv = b.req(1);
    let dt = match opt_dtype(b.get(2))? {
        Some(d) => d,
        None => to_array(fillv)?.dtype,
    };
    let shape = to_shape(b.req(0), dt)?;
    let order = order_of(it, b.get(3))?;
    let fill_arr = to_array(fillv)?;
    if fill_arr.size() != 1 {
        let out = create::zeros(&shape, dt, order).or_exc()?;
        out.assign(&fill_arr.astype(dt, Casting::Unsafe).or_exc()?)
            .or_exc()?;
        return Ok(new(out));
    }
    let s = fill_scalar(fillv, dt)?;
    Ok(new(create::full(&shape, s, dt, order).or_exc()?))
}

/// The template, dtype and shape of a `*_like` call.
fn like_args(b: &Bound, dtype_at: usize, shape_at: usize) -> PResult<(NdArray, DType, Vec<usize>)> {
    let proto = to_array(b.req(0))?;
    let dt = opt_dtype(b.get(dtype_at))?.unwrap_or(proto.dtype);
    let shape = match b.get(shape_at) {
        Some(s) => to_shape(s, dt)?,
        None => proto.shape().to_vec(),
    };
    Ok((proto, dt, shape))
}

fn like_order(proto: &NdArray) -> Order {
    if proto.is_f_contiguous() && !proto.is_c_contiguous() {
        Order::F
    } else {
        Order::C
    }
}

fn like(a: Args, name: &str, fill: Option<Scalar>) -> PResult<Value> {
    let b = bind(
        name,
        a,
        &["a", "dtype", "order", "subok", "shape", "*", "device"],
        1,
    )?;
    let (proto, dt, shape) = like_args(&b, 1, 4)?;
    let order = like_order(&proto);
    let arr = match fill {
        None => create::zeros(&shape, dt, order),
        Some(s) => create::full(&shape, s, dt, order),
    }
    .or_exc()?;
    Ok(new(arr))
}

fn np_zeros_like(_: &mut Interp, a: Args) -> PResult<Value> {
    like(a, "zeros_like", None)
}

fn np_empty_like(_: &mut Interp, a: Args) -> PResult<Value> {
    like(a, "empty_like", None)
}

fn np_ones_like(_: &mut Interp, a: Args) -> PResult<Value> {
    like(a, "ones_like", Some(Scalar::Bool(true)))
}

fn np_full_like(_: &mut Interp, a: Args) -> PResult<Value> {
    let b = bind(
        "full_like",
        a,
        &[
            "a",
            "fill_value",
            "dtype",
            "order",
            "subok",
            "shape",
            "*",
            "device",
        ],
        2,
    )?;
    let (proto, dt, shape) = like_args(&b, 2, 5)?;
    let s = fill_scalar(b.req(1), dt)?;
    Ok(new(
        create::full(&shape, s, dt, like_order(&proto)).or_exc()?
    ))
}

/// A real number argument of `arange`/`linspace`.
fn pynum(v: &Value, what: &str) -> PResult<PyNum> {
    Ok(match v {
        Value::Int(i) => PyNum::Int(*i as i128),
        Value::Bool(b) => PyNum::Int(*b as i128),
        Value::BigInt(b) => {
            use num_traits::ToPrimitive;
            match b.to_i128() {
                Some(i) => PyNum::Int(i),
                None => PyNum::Float(b.to_f64().unwrap_or(f64::INFINITY)),
            }
        }
        Value::Float(x) => PyNum::Float(*x),
        Value::NpScalar(s) => {
            if s.dtype().is_integer() || s.dtype().is_bool() {
                PyNum::Int(s.to_i128().unwrap_or(0))
            } else if s.dtype().is_complex() {
                return type_error(format!("numpyx does not support complex {what} (yet)"));
            } else {
                PyNum::Float(s.to_f64())
            }
        }
        Value::Array(a) => {
            let arr = a.get();
            if arr.ndim() != 0 {
                return type_error(format!("{what} must be a scalar"));
            }
            return pynum(&super::scalar::value(arr.item().or_exc()?), what);
        }
        Value::Complex(_) => {
            return type_error(format!("numpyx does not support complex {what} (yet)"));
        }
        other => {
            return type_error(format!(
                "unsupported operand type(s) for -: '{}' and 'int'",
                other.type_name()
            ));
        }
    })
}

fn np_arange(_: &mut Interp, a: Args) -> PResult<Value> {
    let b = bind(
        "arange",
        a,
        &["start", "stop", "step", "dtype", "*", "device", "like"],
        0,
    )?;
    // NumPy scalars count as the Python numbers they hold (`np.arange(np.int8(5))` is int64).
    let dt = opt_dtype(b.get(3))?;
    let (start, stop) = match (b.get(0), b.get(1)) {
        (Some(x), None) => (PyNum::Int(0), pynum(x, "stop")?),
        (Some(x), Some(y)) => (pynum(x, "start")?, pynum(y, "stop")?),
        (None, Some(y)) => (PyNum::Int(0), pynum(y, "stop")?),
        (None, None) => {
            return type_error("arange() requires stop to be specified.");
        }
    };
    let step = match b.get(2) {
        Some(s) => pynum(s, "step")?,
        None => PyNum::Int(1),
    };
    let r = create::arange(start, stop, step, dt).map_err(|e| {
        if e.kind == crate::array::ErrKind::ZeroDivisionError {
            Exc::new(ExcType::ZeroDivisionError, e.msg)
        } else {
            super::exc(e)
        }
    })?;
    Ok(new(r))
}

fn f64_arg(v: &Value, what: &str) -> PResult<f64> {
    Ok(match pynum(v, what)? {
        PyNum::Int(i) => i as f64,
        PyNum::Float(x) => x,
    })
}

fn bool_arg(it: &mut Interp, v: Option<&Value>, default: bool) -> PResult<bool> {
    match v {
        None => Ok(default),
        Some(v) => it.truthy(v),
    }
}

fn num_arg(v: Option<&Value>, default: i64) -> PResult<i64> {
    match v {
        None => Ok(default),
        Some(Value::Float(_)) => type_error("'float' object cannot be interpreted as an integer"),
        Some(v) => to_i64(v),
    }
}

fn np_linspace(it: &mut Interp, a: Args) -> PResult<Value> {
    let b = bind(
        "linspace",
        a,
        &[
            "start", "stop", "num", "endpoint", "retstep", "dtype", "axis", "*", "device",
        ],
        2,
    )?;
    let start = f64_arg(b.req(0), "start")?;
    let stop = f64_arg(b.req(1), "stop")?;
    let num = num_arg(b.get(2), 50)?;
    let endpoint = bool_arg(it, b.get(3), true)?;
    let retstep = bool_arg(it, b.get(4), false)?;
    let dt = opt_dtype(b.get(5))?;
    let (arr, step) = create::linspace(start, stop, num, endpoint, dt).or_exc()?;
    if retstep {
        let step = super::scalar::value(Scalar::F64(step));
        return Ok(Value::tuple(vec![new(arr), step]));
    }
    Ok(new(arr))
}

fn np_logspace(it: &mut Interp, a: Args) -> PResult<Value> {
    let b = bind(
        "logspace",
        a,
        &["start", "stop", "num", "endpoint", "base", "dtype", "axis"],
        2,
    )?;
    let start = f64_arg(b.req(0), "start")?;
    let stop = f64_arg(b.req(1), "stop")?;
    let num = num_arg(b.get(2), 50)?;
    let endpoint = bool_arg(it, b.get(3), true)?;
    let base = match b.get(4) {
        Some(v) => f64_arg(v, "base")?,
        None => 10.0,
    };
    let dt = opt_dtype(b.get(5))?;
    let r = create::logspace(start, stop, num, endpoint, base, dt, &f64::powf).or_exc()?;
    Ok(new(r))
}

fn np_geomspace(it: &mut Interp, a: Args) -> PResult<Value> {
    let b = bind(
        "geomspace",
        a,
        &["start", "stop", "num", "endpoint", "dtype", "axis"],
        2,
    )?;
    let start = f64_arg(b.req(0), "start")?;
    let stop = f64_arg(b.req(1), "stop")?;
    let num = num_arg(b.get(2), 50)?;
    let endpoint = bool_arg(it, b.get(3), true)?;
    let dt = opt_dtype(b.get(4))?;
    let r = create::geomspace(start, stop, num, endpoint, dt, &f64::log10, &f64::powf).or_exc()?;
    Ok(new(r))
}

fn usize_arg(v: &Value) -> PResult<usize> {
    let n = to_i64(v)?;
    if n < 0 {
        return raise(ExcType::ValueError, "negative dimensions are not allowed");
    }
    Ok(n as usize)
}

fn np_eye(_: &mut Interp, a: Args) -> PResult<Value> {
    let b = bind(
        "eye",
        a,
        &["N", "M", "k", "dtype", "order", "*", "device", "like"],
        1,
    )?;
    let n = usize_arg(b.req(0))?;
    let m = b.get(1).map(usize_arg).transpose()?;
    let k = b.get(2).map(to_i64).transpose()?.unwrap_or(0);
    let dt = opt_dtype(b.get(3))?.unwrap_or(DType::Float64);
    Ok(new(create::eye(n, m, k, dt).or_exc()?))
}

fn np_identity(_: &mut Interp, a: Args) -> PResult<Value> {
    let b = bind("identity", a, &["n", "dtype", "*", "like"], 1)?;
    let n = usize_arg(b.req(0))?;
    let dt = opt_dtype(b.get(1))?.unwrap_or(DType::Float64);
    Ok(new(create::identity(n, dt).or_exc()?))
}

fn np_diag(_: &mut Interp, a: Args) -> PResult<Value> {
    let b = bind("diag", a, &["v", "k"], 1)?;
    let v = to_array(b.req(0))?;
    let k = b.get(1).map(to_i64).transpose()?.unwrap_or(0);
    Ok(new(create::diag(&v, k).or_exc()?))
}

fn np_diagflat(_: &mut Interp, a: Args) -> PResult<Value> {
    let b = bind("diagflat", a, &["v", "k"], 1)?;
    let v = to_array(b.req(0))?;
    let k = b.get(1).map(to_i64).transpose()?.unwrap_or(0);
    Ok(new(create::diagflat(&v, k).or_exc()?))
}

fn np_tri(_: &mut Interp, a: Args) -> PResult<Value> {
    let b = bind("tri", a, &["N", "M", "k", "dtype", "*", "like"], 1)?;
    let n = usize_arg(b.req(0))?;
    let m = b.get(1).map(usize_arg).transpose()?;
    let k = b.get(2).map(to_i64).transpose()?.unwrap_or(0);
    let dt = opt_dtype(b.get(3))?.unwrap_or(DType::Float64);
    Ok(new(create::tri(n, m, k, dt).or_exc()?))
}

fn np_tril(_: &mut Interp, a: Args) -> PResult<Value> {
    let b = bind("tril", a, &["m", "k"], 1)?;
    let m = to_array(b.req(0))?;
    let k = b.get(1).map(to_i64).transpose()?.unwrap_or(0);
    Ok(new(create::tril(&m, k).or_exc()?))
}

fn np_triu(_: &mut Interp, a: Args) -> PResult<Value> {
    let b = bind("triu", a, &["m", "k"], 1)?;
    let m = to_array(b.req(0))?;
    let k = b.get(1).map(to_i64).transpose()?.unwrap_or(0);
    Ok(new(create::triu(&m, k).or_exc()?))
}

fn np_meshgrid(it: &mut Interp, mut a: Args) -> PResult<Value> {
    let indexing = a.take_kw("indexing");
    if let Some(v) = a.take_kw("sparse")
        && it.truthy(&v)?
    {
        return type_error("numpyx does not support meshgrid(sparse=True) (yet)");
    }
    let _ = a.take_kw("copy");
    a.no_more_kw("meshgrid")?;
    let ij = match indexing {
        None => false,
        Some(v) => match it.to_str(&v)?.as_str() {
            "xy" => false,
            "ij" => true,
            _ => {
                return raise(
                    ExcType::ValueError,
                    "Valid values for `indexing` are 'xy' and 'ij'.",
                );
            }
        },
    };
    let xs: Vec<NdArray> = a.pos.iter().map(to_array).collect::<PResult<_>>()?;
    let grids = create::meshgrid(&xs, ij).or_exc()?;
    Ok(Value::tuple(grids.into_iter().map(new).collect()))
}

fn np_indices(_: &mut Interp, a: Args) -> PResult<Value> {
    let b = bind("indices", a, &["dimensions", "dtype", "sparse"], 1)?;
    let dims: Vec<usize> = to_dims(b.req(0))?
        .into_iter()
        .map(|d| d.max(0) as usize)
        .collect();
    let dt = opt_dtype(b.get(1))?.unwrap_or(DType::Int64);
    Ok(new(create::indices(&dims, dt).or_exc()?))
}

fn np_fromfunction(it: &mut Interp, mut a: Args) -> PResult<Value> {
    let dt = opt_dtype(a.take_kw("dtype").as_ref())?.unwrap_or(DType::Float64);
    if a.pos.len() != 2 {
        return type_error("fromfunction() takes 2 positional arguments");
    }
    let f = a.pos.remove(0);
    let dims: Vec<usize> = to_dims(&a.pos[0])?
        .into_iter()
        .map(|d| d.max(0) as usize)
        .collect();
    let grid = create::indices(&dims, dt).or_exc()?;
    let mut args = Vec::with_capacity(dims.len());
    for i in 0..dims.len() {
        let sub = grid
            .slice_view(&[crate::array::IndexItem::Int(i as i64)])
            .or_exc()?;
        args.push(new(sub.copy(Order::C).or_exc()?));
    }
    let mut call = Args::new(args);
    call.kw = a.kw;
    it.call_value(&f, call)
}

fn np_copy(it: &mut Interp, a: Args) -> PResult<Value> {
    let b = bind("copy", a, &["a", "order", "subok"], 1)?;
    let arr = to_array(b.req(0))?;
    let order = match b.get(1) {
        None => Order::K,
        Some(v) => {
            let s = it.to_str(v)?;
            Order::parse(&s).unwrap_or(Order::K)
        }
    };
    Ok(new(arr.copy(order).or_exc()?))
}

/// The arrays of a joining call (`np.concatenate([a, b])`).
fn array_seq(v: &Value, fname: &str) -> PResult<Vec<NdArray>> {
    let items: Vec<Value> = match v {
        Value::List(l) => l.borrow().clone(),
        Value::Tuple(t) => t.to_vec(),
        Value::Array(a) => super::attrs::iter_items(a)?,
        _ => {
            return type_error(format!("{fname}() argument must be a sequence of arrays"));
        }
    };
    items.iter().map(to_array).collect()
}

fn np_concatenate(_: &mut Interp, a: Args) -> PResult<Value> {
    let b = bind(
        "concatenate",
        a,
        &["arrays", "axis", "out", "*", "dtype", "casting"],
        1,
    )?;
    let arrays = array_seq(b.req(0), "concatenate")?;
    let axis = match b.raw(1) {
        Some(Value::None) => None,
        Some(v) => Some(to_i64(v)?),
        None => Some(0),
    };
    let r = join::concatenate(&arrays, axis).or_exc()?;
    let r = match opt_dtype(b.get(4))? {
        Some(d) => r.astype(d, Casting::SameKind).or_exc()?,
        None => r,
    };
    Ok(new(r))
}

fn np_stack(_: &mut Interp, a: Args) -> PResult<Value> {
    let b = bind(
        "stack",
        a,
        &["arrays", "axis", "out", "*", "dtype", "casting"],
        1,
    )?;
    let arrays = array_seq(b.req(0), "stack")?;
    let axis = b.get(1).map(to_i64).transpose()?.unwrap_or(0);
    Ok(new(join::stack(&arrays, axis).or_exc()?))
}

fn joiner(
    a: Args,
    name: &str,
    f: fn(&[NdArray]) -> crate::array::Result<NdArray>,
) -> PResult<Value> {
    let b = bind(name, a, &["tup", "*", "dtype", "casting"], 1)?;
    let arrays = array_seq(b.req(0), name)?;
    let r = f(&arrays).or_exc()?;
    let r = match opt_dtype(b.get(2))? {
        Some(d) => r.astype(d, Casting::SameKind).or_exc()?,
        None => r,
    };
    Ok(new(r))
}

fn np_vstack(_: &mut Interp, a: Args) -> PResult<Value> {
    joiner(a, "vstack", join::vstack)
}

fn np_hstack(_: &mut Interp, a: Args) -> PResult<Value> {
    joiner(a, "hstack", join::hstack)
}

fn np_dstack(_: &mut Interp, a: Args) -> PResult<Value> {
    joiner(a, "dstack", join::dstack)
}

fn np_column_stack(_: &mut Interp, a: Args) -> PResult<Value> {
    joiner(a, "column_stack", join::column_stack)
}

fn atleast(a: Args, name: &str, f: fn(&NdArray) -> NdArray) -> PResult<Value> {
    a.no_more_kw(name)?;
    let mut out = Vec::with_capacity(a.pos.len());
    for v in &a.pos {
        let r = f(&to_array(v)?);
        out.push(match v {
            Value::Array(src) if r.same_storage(&src.arr.borrow()) => {
                if r.shape() == src.arr.borrow().shape() {
                    v.clone()
                } else {
                    ArrayObj::view_value(r, src)
                }
            }
            _ => new(r),
        });
    }
    if out.len() == 1 {
        return Ok(out.pop().unwrap_or(Value::None));
    }
    Ok(Value::tuple(out))
}

fn np_atleast_1d(_: &mut Interp, a: Args) -> PResult<Value> {
    atleast(a, "atleast_1d", join::atleast_1d)
}

fn np_atleast_2d(_: &mut Interp, a: Args) -> PResult<Value> {
    atleast(a, "atleast_2d", join::atleast_2d)
}

fn np_atleast_3d(_: &mut Interp, a: Args) -> PResult<Value> {
    atleast(a, "atleast_3d", join::atleast_3d)
}

macro_rules! table {
    ($($name:literal, $sig:literal, $doc:literal, $f:ident;)*) => {
        pub static FUNCS: &[Builtin] = &[
            $(Builtin { name: $name, module: "numpy", sig: $sig, doc: $doc, f: $f },)*
        ];
    };
}

table! {
    "array", "array(object, dtype=None, *, copy=True, order='K', subok=False, ndmin=0)", "Create an array from nested lists, tuples, scalars or arrays: np.array([[1, 2], [3, 4]]).", np_array;
    "asarray", "asarray(a, dtype=None, order=None)", "Convert the input to an array, without copying an array that already fits.", np_asarray;
    "ascontiguousarray", "ascontiguousarray(a, dtype=None)", "Return a contiguous array (ndim >= 1) in memory (C order).", np_ascontiguousarray;
    "zeros", "zeros(shape, dtype=float, order='C')", "Return a new array of given shape and type, filled with zeros: np.zeros((2, 3)).", np_zeros;
    "ones", "ones(shape, dtype=None, order='C')", "Return a new array of given shape and type, filled with ones.", np_ones;
    "empty", "empty(shape, dtype=float, order='C')", "Return a new array of given shape and type, without initializing entries (numpyx zeroes them).", np_empty;
    "full", "full(shape, fill_value, dtype=None, order='C')", "Return a new array of given shape and type, filled with fill_value.", np_full;
    "zeros_like", "zeros_like(a, dtype=None, order='K', subok=True, shape=None)", "Return an array of zeros with the same shape and type as a given array.", np_zeros_like;
    "ones_like", "ones_like(a, dtype=None, order='K', subok=True, shape=None)", "Return an array of ones with the same shape and type as a given array.", np_ones_like;
    "empty_like", "empty_like(prototype, dtype=None, order='K', subok=True, shape=None)", "Return a new array with the same shape and type as a given array.", np_empty_like;
    "full_like", "full_like(a, fill_value, dtype=None, order='K', subok=True, shape=None)", "Return a full array with the same shape and type as a given array.", np_full_like;
    "arange", "arange([start,] stop[, step,], dtype=None)", "Return evenly spaced values within a given interval: np.arange(0, 10, 2).", np_arange;
    "linspace", "linspace(start, stop, num=50, endpoint=True, retstep=False, dtype=None, axis=0)", "Return num evenly spaced numbers over [start, stop]: np.linspace(0, 1, 11).", np_linspace;
    "logspace", "logspace(start, stop, num=50, endpoint=True, base=10.0, dtype=None, axis=0)", "Return numbers spaced evenly on a log scale.", np_logspace;
    "geomspace", "geomspace(start, stop, num=50, endpoint=True, dtype=None, axis=0)", "Return numbers spaced evenly on a log scale (a geometric progression).", np_geomspace;
    "eye", "eye(N, M=None, k=0, dtype=float, order='C')", "Return a 2-D array with ones on the diagonal and zeros elsewhere.", np_eye;
    "identity", "identity(n, dtype=None)", "Return the identity array.", np_identity;
    "diag", "diag(v, k=0)", "Extract a diagonal or construct a diagonal array.", np_diag;
    "diagflat", "diagflat(v, k=0)", "Create a two-dimensional array with the flattened input as a diagonal.", np_diagflat;
    "tri", "tri(N, M=None, k=0, dtype=float)", "An array with ones at and below the given diagonal and zeros elsewhere.", np_tri;
    "tril", "tril(m, k=0)", "Lower triangle of an array.", np_tril;
    "triu", "triu(m, k=0)", "Upper triangle of an array.", np_triu;
    "meshgrid", "meshgrid(*xi, copy=True, sparse=False, indexing='xy')", "Return a tuple of coordinate matrices from coordinate vectors.", np_meshgrid;
    "indices", "indices(dimensions, dtype=int, sparse=False)", "Return an array representing the indices of a grid.", np_indices;
    "fromfunction", "fromfunction(function, shape, *, dtype=float, **kwargs)", "Construct an array by executing a function over each coordinate.", np_fromfunction;
    "copy", "copy(a, order='K', subok=False)", "Return an array copy of the given object.", np_copy;
    "concatenate", "concatenate((a1, a2, ...), axis=0, out=None, dtype=None, casting='same_kind')", "Join a sequence of arrays along an existing axis.", np_concatenate;
    "stack", "stack(arrays, axis=0, out=None, *, dtype=None, casting='same_kind')", "Join a sequence of arrays along a new axis.", np_stack;
    "vstack", "vstack(tup, *, dtype=None, casting='same_kind')", "Stack arrays in sequence vertically (row wise).", np_vstack;
    "hstack", "hstack(tup, *, dtype=None, casting='same_kind')", "Stack arrays in sequence horizontally (column wise).", np_hstack;
    "dstack", "dstack(tup)", "Stack arrays in sequence depth wise (along the third axis).", np_dstack;
    "column_stack", "column_stack(tup)", "Stack 1-D arrays as columns into a 2-D array.", np_column_stack;
    "atleast_1d", "atleast_1d(*arys)", "Convert inputs to arrays with at least one dimension.", np_atleast_1d;
    "atleast_2d", "atleast_2d(*arys)", "View inputs as arrays with at least two dimensions.", np_atleast_2d;
    "atleast_3d", "atleast_3d(*arys)", "View inputs as arrays with at least three dimensions.", np_atleast_3d;
}
