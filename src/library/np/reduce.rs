//! Reductions as functions and array methods (`np.sum`, `a.mean(axis=0)`, `np.median`,
//! the `nan*` family, ...) with NumPy's result dtypes, summation order (the kernels in
//! `crate::kernels::reduce`), warnings and error texts. mean/var/std follow
//! `numpy/_core/_methods.py` step by step; median/percentile/quantile/average follow
//! `numpy/lib/_function_base_impl.py`; the `nan*` functions `_nanfunctions_impl.py`.
//!
//! Warnings (`RuntimeWarning: Mean of empty slice`, ...) are queued with [`warn`] and shown
//! after the statement (`super::warnings`); floating-point events of the arithmetic go
//! through `scalar::warn_fp` like the operators'.

use super::args::{Bound, bind};
use super::arith::wrap;
use super::convert::{opt_dtype, to_array, to_i64};
use super::{ArrayObj, OrExc, scalar};
use crate::array::dtype::{promote_types, promote_weak};
use crate::array::view::normalize_axis_tuple;
use crate::array::{Casting, DType, NdArray, Order, Scalar, Weak, normalize_axis};
use crate::eval::Interp;
use crate::eval::exceptions::{ExcType, PResult, raise, type_error};
use crate::eval::value::{Args, Builtin, Value};
use crate::kernels::FpFlags;
use crate::kernels::binary::{BinKind, binary};
use crate::kernels::reduce::{self as kr, RKind};
use half::f16;
use num_complex::Complex64;
use std::rc::Rc;

// ---- warnings -------------------------------------------------------------------------

/// Records a Python warning (`category` is its class name, e.g. `RuntimeWarning`), shown
/// after the statement like the operators' warnings.
pub fn warn(category: &'static str, msg: &str) {
    super::warnings::warn(category, msg.to_string());
}

/// Runs `f` with every floating-point event ignored (NumPy's
/// `errstate(divide='ignore', invalid='ignore')` around the divisions of mean and var).
fn quiet<T>(f: impl FnOnce() -> PResult<T>) -> PResult<T> {
    use super::warnings::{ErrState, Mode, set_state, state};
    let saved = state();
    set_state(ErrState {
        divide: Mode::Ignore,
        over: Mode::Ignore,
        under: Mode::Ignore,
        invalid: Mode::Ignore,
    });
    let r = f();
    set_state(saved);
    r
}

fn runtime_warning(msg: &str) {
    warn("RuntimeWarning", msg);
}

// ---- methods --------------------------------------------------------------------------

/// Reduction methods of arrays (`a.sum()`, ...), for bound-method lookup.
pub const METHODS: &[&str] = &[
    "sum", "prod", "mean", "std", "var", "min", "max", "argmin", "argmax", "cumsum", "cumprod",
    "all", "any",
];

/// `a.name(args)` for the reduction methods; `None` when `name` is not one. The methods
/// take the function's parameters after `a`; their argument errors name the Python
/// function NumPy forwards to (`_sum`, `_amax`, ...) or the C method (`argmax`).
pub fn call_method(it: &mut Interp, obj: &Value, name: &str, a: Args) -> PResult<Option<Value>> {
    let Some(f) = FUNCS.iter().find(|f| f.name == name) else {
        return Ok(None);
    };
    check_method_args(name, &a)?;
    let mut pos = Vec::with_capacity(a.pos.len() + 1);
    pos.push(obj.clone());
    pos.extend(a.pos);
    (f.f)(it, Args { pos, kw: a.kw }).map(Some)
}

/// NumPy's argument errors of the reduction methods.
fn check_method_args(name: &str, a: &Args) -> PResult<()> {
    let (py, names): (&str, &[&str]) = match name {
        "sum" => ("_sum", SUM),
        "prod" => ("_prod", SUM),
        "mean" => ("_mean", MEAN),
        "var" => ("_var", &VAR[..9]),
        "std" => ("_std", &VAR[..9]),
        "max" => ("_amax", EXT),
        "min" => ("_amin", EXT),
        "all" => ("_all", LOGIC),
        "any" => ("_any", LOGIC),
        "argmax" | "argmin" => {
            let names = &ARG[1..];
            if a.pos.len() > 2 {
                return type_error(format!(
                    "{name}() takes from 0 to 2 positional arguments but {} were given",
                    a.pos.len()
                ));
            }
            for (k, _) in &a.kw {
                match names.iter().position(|n| **n == **k && *n != "*") {
                    None => {
                        return type_error(format!(
                            "{name}() got an unexpected keyword argument '{k}'"
                        ));
                    }
                    Some(i) if i < a.pos.len() => {
                        return type_error(format!(
                            "argument for {name}() given by name ('{k}') and position (position {i})"
                        ));
                    }
                    _ => {}
                }
            }
            return Ok(());
        }
        _ => {
            // cumsum, cumprod
            let names = &CUM[1..];
            if a.pos.len() > 3 {
                return type_error(format!(
                    "{name}() takes at most 3 arguments ({} given)",
                    a.pos.len() + a.kw.len()
                ));
            }
            for (k, _) in &a.kw {
                match names.iter().position(|n| **n == **k) {
                    None => {
                        return type_error(format!(
                            "'{k}' is an invalid keyword argument for {name}()"
                        ));
                    }
                    Some(i) if i < a.pos.len() => {
                        return type_error(format!(
                            "argument for {name}() given by name ('{k}') and position ({})",
                            i + 1
                        ));
                    }
                    _ => {}
                }
            }
            return Ok(());
        }
    };
    check_py_args(py, a, names, 1, 1)
}

/// Python's argument errors for a function defined as `def f(names...)` called with
/// `a` (plus `extra` positional arguments already bound, e.g. `self`).
fn check_py_args(
    fname: &str,
    a: &Args,
    names: &[&str],
    required: usize,
    extra: usize,
) -> PResult<()> {
    let positional = names.iter().position(|n| *n == "*").unwrap_or(names.len());
    let given = a.pos.len() + extra;
    if given > positional {
        return type_error(if required == positional {
            format!(
                "{fname}() takes {positional} positional argument{} but {given} were given",
                if positional == 1 { "" } else { "s" }
            )
        } else {
            format!(
                "{fname}() takes from {required} to {positional} positional arguments but {given} were given"
            )
        });
    }
    for (k, _) in &a.kw {
        match names.iter().position(|n| **n == **k && *n != "*") {
            None => {
                return type_error(format!(
                    "{fname}() got an unexpected keyword argument '{k}'"
                ));
            }
            Some(i) if i < given => {
                return type_error(format!("{fname}() got multiple values for argument '{k}'"));
            }
            _ => {}
        }
    }
    let missing: Vec<String> = names[..required]
        .iter()
        .enumerate()
        .filter(|(i, n)| *i >= given && !a.kw.iter().any(|(k, _)| **k == ***n))
        .map(|(_, n)| format!("'{n}'"))
        .collect();
    if !missing.is_empty() {
        let list = match missing.len() {
            1 => missing[0].clone(),
            k => format!("{} and {}", missing[..k - 1].join(", "), missing[k - 1]),
        };
        return type_error(format!(
            "{fname}() missing {} required positional argument{}: {list}",
            missing.len(),
            if missing.len() == 1 { "" } else { "s" }
        ));
    }
    Ok(())
}

/// [`bind`] with the errors of a Python function (`sum() takes from 1 to 7 positional
/// arguments but 8 were given`, `missing 1 required positional argument: 'a'`).
fn bind_py(fname: &str, a: Args, names: &[&str], required: usize) -> PResult<Bound> {
    check_py_args(fname, &a, names, required, 0)?;
    bind(fname, a, names, required)
}

// ---- argument helpers -----------------------------------------------------------------

/// An `axis=` argument: `None` for all axes, else the listed ones.
fn axes_arg(v: Option<&Value>) -> PResult<Option<Vec<i64>>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(Value::Tuple(t)) => Ok(Some(t.iter().map(to_i64).collect::<PResult<_>>()?)),
        Some(other) => Ok(Some(vec![to_i64(other)?])),
    }
}

/// A single `axis=` (argmax, cumsum): tuples are not allowed.
fn axis_arg(v: Option<&Value>) -> PResult<Option<i64>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(v) => to_i64(v).map(Some),
    }
}

/// The reduced-axis flags of a ufunc reduction (`duplicate value in 'axis'`, AxisError);
/// 0-d arrays accept axis 0 and -1.
fn reduced_flags(ndim: usize, axes: Option<&[i64]>) -> PResult<Vec<bool>> {
    let Some(list) = axes else {
        return Ok(vec![true; ndim]);
    };
    let mut flags = vec![false; ndim];
    for &ax in list {
        if ndim == 0 && (ax == 0 || ax == -1) {
            continue;
        }
        let a = normalize_axis(ax, ndim).or_exc()?;
        if flags[a] {
            return raise(ExcType::ValueError, "duplicate value in 'axis'");
        }
        flags[a] = true;
    }
    Ok(flags)
}

/// `out=`: must be an array.
fn out_arg(v: Option<&Value>) -> PResult<Option<Rc<ArrayObj>>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(Value::Array(a)) => Ok(Some(a.clone())),
        Some(Value::Tuple(t)) if t.len() == 1 => out_arg(t.first()),
        Some(_) => type_error("return arrays must be of ArrayType"),
    }
}

/// `out=` of the C-level functions (argmax, cumsum).
fn out_arg_c(v: Option<&Value>) -> PResult<Option<Rc<ArrayObj>>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(Value::Array(a)) => Ok(Some(a.clone())),
        Some(_) => type_error("output must be an array"),
    }
}

/// `dtype=`, with NumPy's message for numbers (`Cannot interpret '1' as a data type`).
fn dtype_arg(v: Option<&Value>) -> PResult<Option<DType>> {
    match v {
        Some(Value::Int(i)) => type_error(format!("Cannot interpret '{i}' as a data type")),
        Some(Value::Float(x)) => type_error(format!(
            "Cannot interpret '{}' as a data type",
            crate::print::float::repr_f64(*x)
        )),
        v => opt_dtype(v),
    }
}

fn truthy(it: &mut Interp, v: Option<&Value>) -> PResult<bool> {
    match v {
        None => Ok(false),
        Some(v) => it.truthy(v),
    }
}

/// A Python or NumPy scalar converted into `dt` as NumPy packs `initial=`.
fn scalar_in(v: &Value, dt: DType) -> PResult<Scalar> {
    Ok(match v {
        Value::Bool(b) => Scalar::Bool(*b).cast(dt),
        Value::Int(i) => Scalar::from_py_int(Some(*i as i128), dt).or_exc()?,
        Value::BigInt(b) => {
            use num_traits::ToPrimitive;
            Scalar::from_py_int(b.to_i128(), dt).or_exc()?
        }
        Value::Float(x) => Scalar::from_py_float(*x, dt).or_exc()?,
        Value::Complex(c) => Scalar::C128(**c).cast(dt),
        Value::NpScalar(s) => s.cast(dt),
        other => {
            let arr = to_array(other)?;
            if arr.size() != 1 {
                return raise(
                    ExcType::ValueError,
                    "Input object to FillWithScalar is not a scalar",
                );
            }
            arr.item().or_exc()?.cast(dt)
        }
    })
}

/// `where=`: `None` when every element takes part, else a boolean mask broadcast to
/// `shape`.
fn where_arg(v: Option<&Value>, shape: &[usize]) -> PResult<Option<NdArray>> {
    let v = match v {
        None | Some(Value::Bool(true)) => return Ok(None),
        Some(v) => v,
    };
    let m = to_array(v)?;
    let m = if m.dtype == DType::Bool {
        m
    } else {
        m.astype(DType::Bool, Casting::Safe).or_exc()?
    };
    let target = crate::array::view::broadcast_shapes(&[m.shape(), shape]).or_exc()?;
    if target.as_slice() != shape {
        return raise(
            ExcType::ValueError,
            format!(
                "operands could not be broadcast together with shapes {} {} ",
                crate::array::shape_str(shape),
                crate::array::shape_str(m.shape())
            ),
        );
    }
    Ok(m.broadcast_view(shape))
}

/// A reduction's result as NumPy returns it: a scalar for 0-d results, or written into
/// `out` (cast as needed) and `out` itself returned.
fn finish(res: NdArray, out: Option<&Rc<ArrayObj>>, fname: &str) -> PResult<Value> {
    match out {
        None => Ok(wrap(res, false)),
        Some(o) => {
            let dst = o.get();
            if dst.ndim() != res.ndim() {
                return raise(
                    ExcType::ValueError,
                    format!(
                        "output parameter for reduction operation {fname} has the wrong number of dimensions: Found {} but expected {}",
                        dst.ndim(),
                        res.ndim()
                    ),
                );
            }
            if dst.shape() != res.shape() {
                return raise(
                    ExcType::ValueError,
                    format!(
                        "output parameter for reduction operation {fname} has a wrong shape: expected {}, found {}",
                        crate::array::shape_str(res.shape()),
                        crate::array::shape_str(dst.shape())
                    ),
                );
            }
            dst.assign(&res).or_exc()?;
            Ok(Value::Array(o.clone()))
        }
    }
}

/// The dtype `np.add.reduce`/`np.multiply.reduce` use by default: small integers and
/// bools widen to int64 (uint64 for unsigned), everything else stays.
pub fn sum_dtype(d: DType) -> DType {
    match d {
        DType::Bool | DType::Int8 | DType::Int16 | DType::Int32 => DType::Int64,
        DType::UInt8 | DType::UInt16 | DType::UInt32 => DType::UInt64,
        d => d,
    }
}

/// A ufunc reduction (`np.<ufunc>.reduce`) of `a`.
fn ureduce(
    a: &NdArray,
    kind: RKind,
    flags: &[bool],
    dt: DType,
    keepdims: bool,
    initial: Option<Scalar>,
    mask: Option<&NdArray>,
) -> PResult<NdArray> {
    kr::reduce(
        a,
        &kr::Spec {
            kind,
            reduced: flags,
            keepdims,
            dtype: dt,
            initial,
            mask,
        },
    )
    .or_exc()
}

/// The arguments most reductions share.
struct Red {
    a: NdArray,
    axes: Option<Vec<i64>>,
    dtype: Option<DType>,
    out: Option<Rc<ArrayObj>>,
    keepdims: bool,
    initial: Option<Value>,
    where_: Option<Value>,
}

/// Named slots of a reduction's parameters in a bound argument list.
#[derive(Default, Clone, Copy)]
struct Slots {
    axis: Option<usize>,
    dtype: Option<usize>,
    out: Option<usize>,
    keepdims: Option<usize>,
    initial: Option<usize>,
    where_: Option<usize>,
}

fn slots(names: &[&str]) -> Slots {
    let at = |n: &str| names.iter().position(|x| *x == n);
    Slots {
        axis: at("axis"),
        dtype: at("dtype"),
        out: at("out"),
        keepdims: at("keepdims"),
        initial: at("initial"),
        where_: at("where"),
    }
}

fn parse(it: &mut Interp, fname: &str, a: Args, names: &[&str]) -> PResult<(Red, Bound)> {
    let b = bind_py(fname, a, names, 1)?;
    let s = slots(names);
    let get = |i: Option<usize>| i.and_then(|i| b.get(i));
    let arr = to_array(b.req(0))?;
    let r = Red {
        axes: axes_arg(get(s.axis))?,
        dtype: dtype_arg(get(s.dtype))?,
        out: out_arg(get(s.out))?,
        keepdims: truthy(it, get(s.keepdims))?,
        initial: s
            .initial
            .and_then(|i| b.raw(i))
            .filter(|v| !v.is_none())
            .cloned(),
        where_: get(s.where_).cloned(),
        a: arr,
    };
    Ok((r, b))
}

const SUM: &[&str] = &["a", "axis", "dtype", "out", "keepdims", "initial", "where"];
const EXT: &[&str] = &["a", "axis", "out", "keepdims", "initial", "where"];
const LOGIC: &[&str] = &["a", "axis", "out", "keepdims", "*", "where"];
const MEAN: &[&str] = &["a", "axis", "dtype", "out", "keepdims", "*", "where"];
const VAR: &[&str] = &[
    "a",
    "axis",
    "dtype",
    "out",
    "ddof",
    "keepdims",
    "*",
    "where",
    "mean",
    "correction",
];
const ARG: &[&str] = &["a", "axis", "out", "*", "keepdims"];
const CUM: &[&str] = &["a", "axis", "dtype", "out"];

// ---- sum, prod, min, max, all, any ----------------------------------------------------

fn reduce_red(r: &Red, kind: RKind, dt: DType) -> PResult<NdArray> {
    let flags = reduced_flags(r.a.ndim(), r.axes.as_deref())?;
    let initial = match &r.initial {
        Some(v) => Some(scalar_in(v, dt)?),
        None => None,
    };
    let mask = where_arg(r.where_.as_ref(), r.a.shape())?;
    ureduce(&r.a, kind, &flags, dt, r.keepdims, initial, mask.as_ref())
}

fn sum_like(it: &mut Interp, a: Args, fname: &str, kind: RKind) -> PResult<Value> {
    let (r, _) = parse(it, fname, a, SUM)?;
    let dt = r.dtype.unwrap_or_else(|| sum_dtype(r.a.dtype));
    let res = reduce_red(&r, kind, dt)?;
    finish(res, r.out.as_ref(), kind.ufunc_name())
}

fn np_sum(it: &mut Interp, a: Args) -> PResult<Value> {
    sum_like(it, a, "sum", RKind::Add)
}

fn np_prod(it: &mut Interp, a: Args) -> PResult<Value> {
    sum_like(it, a, "prod", RKind::Mul)
}

fn extreme(it: &mut Interp, a: Args, fname: &str, kind: RKind) -> PResult<Value> {
    let (r, _) = parse(it, fname, a, EXT)?;
    let res = reduce_red(&r, kind, r.a.dtype)?;
    finish(res, r.out.as_ref(), kind.ufunc_name())
}

fn np_max(it: &mut Interp, a: Args) -> PResult<Value> {
    extreme(it, a, "max", RKind::Max)
}

fn np_min(it: &mut Interp, a: Args) -> PResult<Value> {
    extreme(it, a, "min", RKind::Min)
}

fn np_amax(it: &mut Interp, a: Args) -> PResult<Value> {
    extreme(it, a, "amax", RKind::Max)
}

fn np_amin(it: &mut Interp, a: Args) -> PResult<Value> {
    extreme(it, a, "amin", RKind::Min)
}

fn logic(it: &mut Interp, a: Args, fname: &str, kind: RKind) -> PResult<Value> {
    let (r, _) = parse(it, fname, a, LOGIC)?;
    let res = reduce_red(&r, kind, DType::Bool)?;
    finish(res, r.out.as_ref(), kind.ufunc_name())
}

fn np_all(it: &mut Interp, a: Args) -> PResult<Value> {
    logic(it, a, "all", RKind::And)
}

fn np_any(it: &mut Interp, a: Args) -> PResult<Value> {
    logic(it, a, "any", RKind::Or)
}

// ---- elementwise helpers (the ufunc steps of _methods.py) ----------------------------

/// `x op y` in dtype `dt` with broadcasting, laid out like `like` (order K).
fn ew(k: BinKind, x: &NdArray, y: &NdArray, dt: DType, like: &NdArray) -> PResult<NdArray> {
    let shape = crate::array::view::broadcast_shapes(&[x.shape(), y.shape()]).or_exc()?;
    let cast = |v: &NdArray| -> PResult<NdArray> {
        if v.dtype == dt {
            Ok(v.clone())
        } else {
            v.astype(dt, Casting::Unsafe).or_exc()
        }
    };
    let (xa, ya) = (cast(x)?, cast(y)?);
    let (xa, ya) = match (xa.broadcast_view(&shape), ya.broadcast_view(&shape)) {
        (Some(p), Some(q)) => (p, q),
        _ => return raise(ExcType::ValueError, "operands could not be broadcast"),
    };
    let mut out = NdArray::zeros(&shape, dt, Order::C).or_exc()?;
    if like.shape() == shape.as_slice() && out.size() > 0 {
        out.strides = like.like_strides(Order::K, dt.itemsize());
    }
    let flags = binary(k, &out, &xa, &ya);
    scalar::warn_fp(flags, k.ufunc_name(), false)?;
    Ok(out)
}

/// Per-output divisors of a mean or variance (as f64: counts and `count - ddof`).
enum Count {
    One(f64),
    Each(Vec<f64>),
}

impl Count {
    fn any(&self, f: impl Fn(f64) -> bool) -> bool {
        match self {
            Count::One(c) => f(*c),
            Count::Each(v) => v.iter().any(|&c| f(c)),
        }
    }
    fn map(&self, f: impl Fn(f64) -> f64) -> Count {
        match self {
            Count::One(c) => Count::One(f(*c)),
            Count::Each(v) => Count::Each(v.iter().map(|&c| f(c)).collect()),
        }
    }
}

/// `_count_reduce_items`: the number of elements each output reduces over.
fn count_items(
    a: &NdArray,
    flags: &[bool],
    keepdims: bool,
    mask: Option<&NdArray>,
) -> PResult<Count> {
    match mask {
        None => Ok(Count::One(
            (0..a.ndim())
                .filter(|&ax| flags[ax])
                .map(|ax| a.shape[ax] as f64)
                .product(),
        )),
        Some(m) => {
            let c = ureduce(m, RKind::Add, flags, DType::Int64, keepdims, None, None)?;
            Ok(Count::Each(c.iter_scalars().map(|s| s.to_f64()).collect()))
        }
    }
}

/// NumPy's complex division `a / (n + 0j)` (Smith's algorithm, as the loop computes it).
fn cdiv_real(a: Complex64, n: f64) -> Complex64 {
    let (in2r, in2i) = (n, 0.0f64);
    let (ar, ai) = (in2r.abs(), in2i.abs());
    if ar >= ai {
        if ar == 0.0 && ai == 0.0 {
            Complex64::new(a.re / ar, a.im / ai)
        } else {
            let rat = in2i / in2r;
            let scl = 1.0 / (in2r + in2i * rat);
            Complex64::new((a.re + a.im * rat) * scl, (a.im - a.re * rat) * scl)
        }
    } else {
        let rat = in2r / in2i;
        let scl = 1.0 / (in2i + in2r * rat);
        Complex64::new((a.re * rat + a.im) * scl, (a.im * rat - a.re) * scl)
    }
}

/// `true_divide(ret, count)` as `_methods.py` does it: computed in float64 (complex128
/// for complex), the quotient stored as `store` in `ret`'s layout. `scalar` chooses the
/// name of the floating-point warnings (`scalar divide` for 0-d results).
fn divide(ret: &NdArray, count: &Count, store: DType, scalar_result: bool) -> PResult<NdArray> {
    let out = ret.empty_like(store, Order::K).or_exc()?;
    let mut fl = FpFlags::default();
    for (i, (so, oo)) in ret.offsets().zip(out.offsets()).enumerate() {
        let c = match count {
            Count::One(c) => *c,
            Count::Each(v) => v.get(i).copied().unwrap_or(1.0),
        };
        let x = ret.get_at(so);
        let q = if x.dtype().is_complex() {
            let z = x.to_c128();
            let r = cdiv_real(z, c);
            let new_nan = (r.re.is_nan() && !z.re.is_nan()) || (r.im.is_nan() && !z.im.is_nan());
            if new_nan && (c != 0.0 || z == Complex64::new(0.0, 0.0)) {
                fl.invalid = true;
            }
            if c == 0.0 && z != Complex64::new(0.0, 0.0) {
                fl.divide = true;
            }
            Scalar::C128(r)
        } else {
            let v = x.to_f64();
            let r = v / c;
            if c == 0.0 && !v.is_nan() {
                if v == 0.0 {
                    fl.invalid = true;
                } else {
                    fl.divide = true;
                }
            }
            Scalar::F64(r)
        };
        out.set_at(oo, q.cast(store));
    }
    scalar::warn_fp(fl, "divide", scalar_result)?;
    Ok(out)
}

fn real_of_complex(d: DType) -> DType {
    if d.is_complex() { d.real_dtype() } else { d }
}

// ---- mean, var, std -------------------------------------------------------------------

/// `_count_reduce_items` normalises every axis first (so a 0-d array takes none).
fn check_axes(ndim: usize, axes: Option<&[i64]>) -> PResult<()> {
    for &ax in axes.unwrap_or(&[]) {
        normalize_axis(ax, ndim).or_exc()?;
    }
    Ok(())
}

/// `_methods._mean`.
fn mean_of(
    a: &NdArray,
    axes: Option<&[i64]>,
    dtype: Option<DType>,
    keepdims: bool,
    mask: Option<&NdArray>,
) -> PResult<NdArray> {
    if mask.is_none() {
        check_axes(a.ndim(), axes)?;
    }
    let flags = reduced_flags(a.ndim(), axes)?;
    let count = count_items(a, &flags, keepdims, mask)?;
    if count.any(|c| c == 0.0) {
        runtime_warning("Mean of empty slice");
    }
    let (dt, f16_result) = match dtype {
        Some(d) => (d, false),
        None if a.dtype.is_integer() || a.dtype.is_bool() => (DType::Float64, false),
        None if a.dtype == DType::Float16 => (DType::Float32, true),
        None => (a.dtype, false),
    };
    let ret = ureduce(a, RKind::Add, &flags, dt, keepdims, None, mask)?;
    let is_scalar = ret.ndim() == 0;
    if f16_result && is_scalar {
        // `arr.dtype.type(ret / rcount)`: the float64 quotient straight to half.
        return divide(&ret, &count, DType::Float16, true);
    }
    let q = divide(&ret, &count, ret.dtype, is_scalar)?;
    if f16_result {
        return q.astype(DType::Float16, Casting::Unsafe).or_exc();
    }
    Ok(q)
}

fn np_mean(it: &mut Interp, a: Args) -> PResult<Value> {
    let (r, _) = parse(it, "mean", a, MEAN)?;
    let mask = where_arg(r.where_.as_ref(), r.a.shape())?;
    let res = mean_of(&r.a, r.axes.as_deref(), r.dtype, r.keepdims, mask.as_ref())?;
    finish(res, r.out.as_ref(), "add")
}

/// `ddof`/`correction` of var/std (an int or a float).
fn ddof_arg(b: &Bound, ddof_slot: usize, corr_slot: usize) -> PResult<f64> {
    let num = |v: &Value| -> PResult<f64> {
        Ok(match v {
            Value::Int(i) => *i as f64,
            Value::Bool(x) => *x as i64 as f64,
            Value::Float(x) => *x,
            Value::NpScalar(s) => s.to_f64(),
            other => {
                return type_error(format!(
                    "unsupported operand type(s) for -: 'int' and '{}'",
                    other.type_name()
                ));
            }
        })
    };
    let ddof = b.get(ddof_slot).map(num).transpose()?;
    let corr = b.get(corr_slot).map(num).transpose()?;
    match (ddof, corr) {
        (Some(d), Some(_)) if d != 0.0 => raise(
            ExcType::ValueError,
            "ddof and correction can't be provided simultaneously.",
        ),
        (_, Some(c)) => Ok(c),
        (Some(d), None) => Ok(d),
        (None, None) => Ok(0.0),
    }
}

/// `(x - mean)**2` as `_var` computes it (`square` for reals, `re² + im²` for complex),
/// laid out like `a`.
fn squared_deviations(a: &NdArray, m: &NdArray) -> PResult<NdArray> {
    let xdt = promote_types(a.dtype, m.dtype);
    if let Some(x) = kr::squared_deviations(a, m, xdt) {
        return Ok(x);
    }
    let x = ew(BinKind::Sub, a, m, xdt, a)?;
    if xdt.is_complex() {
        let rdt = xdt.real_dtype();
        let out = x.empty_like(rdt, Order::K).or_exc()?;
        for (so, oo) in x.offsets().zip(out.offsets()) {
            let v = match x.get_at(so) {
                Scalar::C64(c) => Scalar::F32(c.re * c.re + c.im * c.im),
                Scalar::C128(c) => Scalar::F64(c.re * c.re + c.im * c.im),
                s => s,
            };
            out.set_at(oo, v);
        }
        return Ok(out);
    }
    let flags = binary(BinKind::Mul, &x, &x, &x);
    scalar::warn_fp(flags, "square", false)?;
    Ok(x)
}

/// `_methods._var`.
#[allow(clippy::too_many_arguments)]
fn var_of(
    a: &NdArray,
    axes: Option<&[i64]>,
    dtype: Option<DType>,
    ddof: f64,
    keepdims: bool,
    mask: Option<&NdArray>,
    mean: Option<&NdArray>,
) -> PResult<NdArray> {
    if mask.is_none() {
        check_axes(a.ndim(), axes)?;
    }
    let flags = reduced_flags(a.ndim(), axes)?;
    let count = count_items(a, &flags, keepdims, mask)?;
    if count.any(|c| ddof >= c) {
        runtime_warning("Degrees of freedom <= 0 for slice");
    }
    let dt = match dtype {
        None if a.dtype.is_integer() || a.dtype.is_bool() => Some(DType::Float64),
        d => d,
    };
    let arrmean = match mean {
        Some(m) => m.clone(),
        None => {
            let s = ureduce(
                a,
                RKind::Add,
                &flags,
                dt.unwrap_or(a.dtype),
                true,
                None,
                mask,
            )?;
            let div = match (&count, mask) {
                (Count::One(c), _) => Count::One(*c),
                (Count::Each(_), Some(m)) => {
                    let c = ureduce(m, RKind::Add, &flags, DType::Int64, true, None, None)?;
                    Count::Each(c.iter_scalars().map(|s| s.to_f64()).collect())
                }
                (Count::Each(v), None) => Count::Each(v.clone()),
            };
            divide(&s, &div, s.dtype, false)?
        }
    };
    let x = squared_deviations(a, &arrmean)?;
    let ret = ureduce(
        &x,
        RKind::Add,
        &flags,
        dt.map(real_of_complex).unwrap_or(x.dtype),
        keepdims,
        None,
        mask,
    )?;
    let dof = count.map(|c| (c - ddof).max(0.0));
    let is_scalar = ret.ndim() == 0;
    divide(&ret, &dof, ret.dtype, is_scalar)
}

/// `sqrt` in the array's own float dtype.
fn sqrt_of(v: &NdArray) -> PResult<NdArray> {
    let out = v.empty_like(v.dtype, Order::K).or_exc()?;
    let mut fl = FpFlags::default();
    for (so, oo) in v.offsets().zip(out.offsets()) {
        let s = match v.get_at(so) {
            Scalar::F64(x) => {
                fl.invalid |= x < 0.0;
                Scalar::F64(x.sqrt())
            }
            Scalar::F32(x) => {
                fl.invalid |= x < 0.0;
                Scalar::F32(x.sqrt())
            }
            Scalar::F16(x) => {
                let f = x.to_f32();
                fl.invalid |= f < 0.0;
                Scalar::F16(f16::from_f32(f.sqrt()))
            }
            other => Scalar::F64(other.to_f64().sqrt()).cast(v.dtype),
        };
        out.set_at(oo, s);
    }
    scalar::warn_fp(fl, "sqrt", v.ndim() == 0)?;
    Ok(out)
}

fn var_args(it: &mut Interp, fname: &str, a: Args) -> PResult<(Red, f64, Option<NdArray>)> {
    let (r, b) = parse(it, fname, a, VAR)?;
    let ddof = ddof_arg(&b, 4, 9)?;
    let mean = b.get(8).map(to_array).transpose()?;
    Ok((r, ddof, mean))
}

fn np_var(it: &mut Interp, a: Args) -> PResult<Value> {
    let (r, ddof, mean) = var_args(it, "var", a)?;
    let mask = where_arg(r.where_.as_ref(), r.a.shape())?;
    let res = var_of(
        &r.a,
        r.axes.as_deref(),
        r.dtype,
        ddof,
        r.keepdims,
        mask.as_ref(),
        mean.as_ref(),
    )?;
    finish(res, r.out.as_ref(), "add")
}

fn np_std(it: &mut Interp, a: Args) -> PResult<Value> {
    let (r, ddof, mean) = var_args(it, "std", a)?;
    let mask = where_arg(r.where_.as_ref(), r.a.shape())?;
    let v = var_of(
        &r.a,
        r.axes.as_deref(),
        r.dtype,
        ddof,
        r.keepdims,
        mask.as_ref(),
        mean.as_ref(),
    )?;
    finish(sqrt_of(&v)?, r.out.as_ref(), "add")
}

// ---- argmin, argmax, ptp, count_nonzero -----------------------------------------------

fn arg_common(it: &mut Interp, a: Args, fname: &str, max: bool, nan: bool) -> PResult<Value> {
    let b = bind_py(fname, a, ARG, 1)?;
    let mut arr = to_array(b.req(0))?;
    let axis = axis_arg(b.get(1))?;
    let out = out_arg_c(b.get(2))?;
    let keepdims = truthy(it, b.get(4))?;
    if nan && arr.dtype.is_inexact() {
        let fill = if max {
            f64::NEG_INFINITY
        } else {
            f64::INFINITY
        };
        let (filled, mask) = replace_nan(&arr, Scalar::F64(fill))?;
        if mask.size() > 0 {
            let flags = match axis {
                None => vec![true; mask.ndim()],
                Some(ax) => reduced_flags(mask.ndim(), Some(&[ax]))?,
            };
            let all_nan = ureduce(&mask, RKind::And, &flags, DType::Bool, false, None, None)?;
            if all_nan.iter_scalars().any(|s| s.is_true()) {
                return raise(ExcType::ValueError, "All-NaN slice encountered");
            }
        }
        arr = filled;
    }
    let ndim = arr.ndim();
    let res = match axis {
        None => {
            let r = kr::arg_reduce(&arr, None, max).or_exc()?;
            if keepdims {
                let shape = vec![1isize; ndim];
                r.reshape(&shape, Order::C).or_exc()?
            } else {
                r
            }
        }
        Some(ax) => {
            // A 0-d array is taken as 1-d (`PyArray_CheckAxis`).
            let arr = if ndim == 0 {
                arr.reshape(&[1], Order::C).or_exc()?
            } else {
                arr
            };
            let axn = normalize_axis(ax, arr.ndim()).or_exc()?;
            let r = kr::arg_reduce(&arr, Some(axn), max).or_exc()?;
            if keepdims && ndim > 0 {
                let mut shape: Vec<isize> = arr.shape().iter().map(|&d| d as isize).collect();
                shape[axn] = 1;
                r.reshape(&shape, Order::C).or_exc()?
            } else {
                r
            }
        }
    };
    finish(res, out.as_ref(), fname)
}

fn np_argmax(it: &mut Interp, a: Args) -> PResult<Value> {
    arg_common(it, a, "argmax", true, false)
}

fn np_argmin(it: &mut Interp, a: Args) -> PResult<Value> {
    arg_common(it, a, "argmin", false, false)
}

fn np_nanargmax(it: &mut Interp, a: Args) -> PResult<Value> {
    arg_common(it, a, "nanargmax", true, true)
}

fn np_nanargmin(it: &mut Interp, a: Args) -> PResult<Value> {
    arg_common(it, a, "nanargmin", false, true)
}

fn np_ptp(it: &mut Interp, a: Args) -> PResult<Value> {
    let b = bind_py("ptp", a, &["a", "axis", "out", "keepdims"], 1)?;
    let arr = to_array(b.req(0))?;
    let axes = axes_arg(b.get(1))?;
    let out = out_arg(b.get(2))?;
    let keepdims = truthy(it, b.get(3))?;
    let flags = reduced_flags(arr.ndim(), axes.as_deref())?;
    let hi = ureduce(&arr, RKind::Max, &flags, arr.dtype, keepdims, None, None)?;
    let lo = ureduce(&arr, RKind::Min, &flags, arr.dtype, keepdims, None, None)?;
    if arr.dtype == DType::Bool {
        return type_error(
            "numpy boolean subtract, the `-` operator, is not supported, use the bitwise_xor, the `^` operator, or the logical_xor function instead.",
        );
    }
    let d = ew(BinKind::Sub, &hi, &lo, arr.dtype, &hi)?;
    finish(d, out.as_ref(), "subtract")
}

fn np_count_nonzero(it: &mut Interp, a: Args) -> PResult<Value> {
    let b = bind_py("count_nonzero", a, &["a", "axis", "*", "keepdims"], 1)?;
    let arr = to_array(b.req(0))?;
    let axes = axes_arg(b.get(1))?;
    let keepdims = truthy(it, b.get(3))?;
    if axes.is_none() && !keepdims {
        // `multiarray.count_nonzero(a)`: a plain count.
        let n: usize = crate::with_dtype!(arr.dtype, T => {
            let zero = T::default();
            match arr.as_slice::<T>() {
                Some(xs) => xs.iter().filter(|&&x| x != zero).count(),
                None => arr.offsets().filter(|&o| arr.read::<T>(o) != zero).count(),
            }
        });
        return Ok(scalar::value(Scalar::I64(n as i64)));
    }
    let flags = reduced_flags(arr.ndim(), axes.as_deref())?;
    // The input is cast to bool (nonzero), then counted.
    let as_bool = if arr.dtype == DType::Bool {
        arr
    } else {
        arr.astype(DType::Bool, Casting::Unsafe).or_exc()?
    };
    let res = ureduce(
        &as_bool,
        RKind::Add,
        &flags,
        DType::Int64,
        keepdims,
        None,
        None,
    )?;
    Ok(wrap(res, false))
}

// ---- cumulative -----------------------------------------------------------------------

fn cumulative(it: &mut Interp, a: Args, fname: &str, kind: RKind, nan: bool) -> PResult<Value> {
    let _ = it;
    let b = bind_py(fname, a, CUM, 1)?;
    let mut arr = to_array(b.req(0))?;
    let axis = axis_arg(b.get(1))?;
    let dtype = dtype_arg(b.get(2))?;
    let out = out_arg_c(b.get(3))?;
    if nan && arr.dtype.is_inexact() {
        let fill = if kind == RKind::Mul { 1.0 } else { 0.0 };
        arr = replace_nan(&arr, Scalar::F64(fill))?.0;
    }
    let dt = dtype.unwrap_or_else(|| sum_dtype(arr.dtype));
    let (src, ax) = match axis {
        None => {
            let n = arr.size() as isize;
            (arr.reshape(&[n], Order::C).or_exc()?, 0)
        }
        Some(ax) => {
            // A 0-d array is taken as 1-d (`PyArray_CheckAxis`).
            let arr = if arr.ndim() == 0 {
                arr.reshape(&[1], Order::C).or_exc()?
            } else {
                arr
            };
            let axn = normalize_axis(ax, arr.ndim()).or_exc()?;
            (arr, axn)
        }
    };
    let res = kr::accumulate(&src, ax, kind, dt).or_exc()?;
    match out {
        None => Ok(super::ArrayObj::value(res)),
        Some(o) => {
            let dst = o.get();
            if dst.shape() != res.shape() {
                return raise(
                    ExcType::ValueError,
                    format!(
                        "provided out is the wrong size for the accumulation (expected {}, got {})",
                        crate::array::shape_repr(res.shape()),
                        crate::array::shape_repr(dst.shape())
                    ),
                );
            }
            dst.assign(&res).or_exc()?;
            Ok(Value::Array(o))
        }
    }
}

fn np_cumsum(it: &mut Interp, a: Args) -> PResult<Value> {
    cumulative(it, a, "cumsum", RKind::Add, false)
}

fn np_cumprod(it: &mut Interp, a: Args) -> PResult<Value> {
    cumulative(it, a, "cumprod", RKind::Mul, false)
}

fn np_nancumsum(it: &mut Interp, a: Args) -> PResult<Value> {
    cumulative(it, a, "nancumsum", RKind::Add, true)
}

fn np_nancumprod(it: &mut Interp, a: Args) -> PResult<Value> {
    cumulative(it, a, "nancumprod", RKind::Mul, true)
}

// ---- the nan* reductions --------------------------------------------------------------

/// `_replace_nan`: a copy (order K) with NaNs replaced by `val`, and the NaN mask.
fn replace_nan(a: &NdArray, val: Scalar) -> PResult<(NdArray, NdArray)> {
    let mut out = a.copy(Order::K).or_exc()?;
    let mut mask = out.empty_like(DType::Bool, Order::K).or_exc()?;
    fn typed<T: crate::array::Element>(
        out: &mut NdArray,
        mask: &mut NdArray,
        fill: Scalar,
        nan: impl Fn(T) -> bool,
    ) {
        let fill = T::from_scalar(fill);
        if let (Some(xs), Some(ms)) = (out.as_mut_slice::<T>(), mask.as_mut_slice::<bool>()) {
            for (x, m) in xs.iter_mut().zip(ms) {
                if nan(*x) {
                    *x = fill;
                    *m = true;
                }
            }
            return;
        }
        for (o, m) in out.offsets().zip(mask.offsets()) {
            if nan(out.read::<T>(o)) {
                out.write::<T>(o, fill);
                mask.write::<bool>(m, true);
            }
        }
    }
    let fill = val.cast(a.dtype);
    match a.dtype {
        DType::Float64 => typed::<f64>(&mut out, &mut mask, fill, |x| x.is_nan()),
        DType::Float32 => typed::<f32>(&mut out, &mut mask, fill, |x| x.is_nan()),
        DType::Float16 => typed::<f16>(&mut out, &mut mask, fill, |x| x.is_nan()),
        DType::Complex128 => typed::<Complex64>(&mut out, &mut mask, fill, |c| {
            c.re.is_nan() || c.im.is_nan()
        }),
        DType::Complex64 => typed::<num_complex::Complex32>(&mut out, &mut mask, fill, |c| {
            c.re.is_nan() || c.im.is_nan()
        }),
        _ => {}
    }
    Ok((out, mask))
}

fn nan_sum_like(it: &mut Interp, a: Args, fname: &str, kind: RKind) -> PResult<Value> {
    let (mut r, _) = parse(it, fname, a, SUM)?;
    if r.a.dtype.is_inexact() {
        let fill = if kind == RKind::Mul { 1.0 } else { 0.0 };
        r.a = replace_nan(&r.a, Scalar::F64(fill))?.0;
    }
    let dt = r.dtype.unwrap_or_else(|| sum_dtype(r.a.dtype));
    let res = reduce_red(&r, kind, dt)?;
    finish(res, r.out.as_ref(), kind.ufunc_name())
}

fn np_nansum(it: &mut Interp, a: Args) -> PResult<Value> {
    nan_sum_like(it, a, "nansum", RKind::Add)
}

fn np_nanprod(it: &mut Interp, a: Args) -> PResult<Value> {
    nan_sum_like(it, a, "nanprod", RKind::Mul)
}

fn has_nan(a: &NdArray) -> bool {
    if let Some(xs) = a.as_slice::<f64>() {
        return xs.iter().any(|x| x.is_nan());
    }
    a.dtype.is_inexact()
        && a.iter_scalars().any(|s| match s {
            Scalar::C64(c) => c.re.is_nan() || c.im.is_nan(),
            Scalar::C128(c) => c.re.is_nan() || c.im.is_nan(),
            s => s.to_f64().is_nan(),
        })
}

fn nan_extreme(it: &mut Interp, a: Args, fname: &str, kind: RKind) -> PResult<Value> {
    let (r, _) = parse(it, fname, a, EXT)?;
    let res = reduce_red(&r, kind, r.a.dtype)?;
    if has_nan(&res) {
        runtime_warning("All-NaN slice encountered");
    }
    finish(res, r.out.as_ref(), kind.ufunc_name())
}

fn np_nanmax(it: &mut Interp, a: Args) -> PResult<Value> {
    nan_extreme(it, a, "nanmax", RKind::FMax)
}

fn np_nanmin(it: &mut Interp, a: Args) -> PResult<Value> {
    nan_extreme(it, a, "nanmin", RKind::FMin)
}

/// The counts of non-NaN elements (`np.sum(~mask, dtype=intp)`), per output.
fn nan_counts(
    mask: &NdArray,
    flags: &[bool],
    keepdims: bool,
    wmask: Option<&NdArray>,
) -> PResult<NdArray> {
    let notnan = mask.empty_like(DType::Bool, Order::K).or_exc()?;
    for (so, oo) in mask.offsets().zip(notnan.offsets()) {
        notnan.set_at(oo, Scalar::Bool(!mask.get_at(so).is_true()));
    }
    ureduce(
        &notnan,
        RKind::Add,
        flags,
        DType::Int64,
        keepdims,
        None,
        wmask,
    )
}

fn counts_of(c: &NdArray) -> Count {
    Count::Each(c.iter_scalars().map(|s| s.to_f64()).collect())
}

fn np_nanmean(it: &mut Interp, a: Args) -> PResult<Value> {
    let (r, _) = parse(it, "nanmean", a, MEAN)?;
    let wmask = where_arg(r.where_.as_ref(), r.a.shape())?;
    if !r.a.dtype.is_inexact() {
        let res = mean_of(&r.a, r.axes.as_deref(), r.dtype, r.keepdims, wmask.as_ref())?;
        return finish(res, r.out.as_ref(), "add");
    }
    if let Some(d) = r.dtype
        && !d.is_inexact()
    {
        return type_error("If a is inexact, then dtype must be inexact");
    }
    let (arr, mask) = replace_nan(&r.a, Scalar::F64(0.0))?;
    let flags = reduced_flags(arr.ndim(), r.axes.as_deref())?;
    let cnt = nan_counts(&mask, &flags, r.keepdims, wmask.as_ref())?;
    let tot = ureduce(
        &arr,
        RKind::Add,
        &flags,
        r.dtype.unwrap_or(arr.dtype),
        r.keepdims,
        None,
        wmask.as_ref(),
    )?;
    let scalar_result = tot.ndim() == 0;
    // errstate(invalid='ignore', divide='ignore') around the division, as _methods.py.
    let avg = quiet(|| divide(&tot, &counts_of(&cnt), tot.dtype, scalar_result))?;
    if cnt.iter_scalars().any(|s| s.to_f64() == 0.0) {
        runtime_warning("Mean of empty slice");
    }
    finish(avg, r.out.as_ref(), "add")
}

#[allow(clippy::too_many_arguments)]
fn nanvar_of(
    a: &NdArray,
    axes: Option<&[i64]>,
    dtype: Option<DType>,
    ddof: f64,
    keepdims: bool,
    wmask: Option<&NdArray>,
    mean: Option<&NdArray>,
) -> PResult<NdArray> {
    if !a.dtype.is_inexact() {
        return var_of(a, axes, dtype, ddof, keepdims, wmask, mean);
    }
    if let Some(d) = dtype
        && !d.is_inexact()
    {
        return type_error("If a is inexact, then dtype must be inexact");
    }
    let (arr, mask) = replace_nan(a, Scalar::F64(0.0))?;
    let flags = reduced_flags(arr.ndim(), axes)?;
    let cnt = nan_counts(&mask, &flags, true, wmask)?;
    let avg = match mean {
        Some(m) => m.clone(),
        None => {
            let s = ureduce(
                &arr,
                RKind::Add,
                &flags,
                dtype.unwrap_or(arr.dtype),
                true,
                None,
                wmask,
            )?;
            divide(&s, &counts_of(&cnt), s.dtype, false)?
        }
    };
    // arr - avg into arr (unsafe cast), NaN places zeroed, squared.
    let d = ew(
        BinKind::Sub,
        &arr,
        &avg,
        promote_types(arr.dtype, avg.dtype),
        &arr,
    )?;
    let d = if d.dtype == arr.dtype {
        d
    } else {
        d.astype(arr.dtype, Casting::Unsafe).or_exc()?
    };
    for (so, mo) in d.offsets().zip(mask.offsets()) {
        if mask.get_at(mo).is_true() {
            d.set_at(so, Scalar::zero(d.dtype));
        }
    }
    let sqr = if d.dtype.is_complex() {
        let out = d.empty_like(d.dtype.real_dtype(), Order::K).or_exc()?;
        for (so, oo) in d.offsets().zip(out.offsets()) {
            let v = match d.get_at(so) {
                Scalar::C64(c) => Scalar::F32(c.re * c.re + c.im * c.im),
                Scalar::C128(c) => Scalar::F64(c.re * c.re + c.im * c.im),
                s => s,
            };
            out.set_at(oo, v);
        }
        out
    } else {
        let f = binary(BinKind::Mul, &d, &d, &d);
        scalar::warn_fp(f, "multiply", false)?;
        d
    };
    let var = ureduce(
        &sqr,
        RKind::Add,
        &flags,
        dtype.map(real_of_complex).unwrap_or(sqr.dtype),
        keepdims,
        None,
        wmask,
    )?;
    let dof: Vec<f64> = cnt.iter_scalars().map(|s| s.to_f64() - ddof).collect();
    let is_scalar = var.ndim() == 0;
    let out = quiet(|| divide(&var, &Count::Each(dof.clone()), var.dtype, is_scalar))?;
    if dof.iter().any(|&d| d <= 0.0) {
        runtime_warning("Degrees of freedom <= 0 for slice.");
        let nan = Scalar::F64(f64::NAN).cast(out.dtype);
        for (i, o) in out.offsets().enumerate() {
            if dof.get(i).is_some_and(|&d| d <= 0.0) {
                out.set_at(o, nan);
            }
        }
    }
    Ok(out)
}

fn np_nanvar(it: &mut Interp, a: Args) -> PResult<Value> {
    let (r, ddof, mean) = var_args(it, "nanvar", a)?;
    let mask = where_arg(r.where_.as_ref(), r.a.shape())?;
    let res = nanvar_of(
        &r.a,
        r.axes.as_deref(),
        r.dtype,
        ddof,
        r.keepdims,
        mask.as_ref(),
        mean.as_ref(),
    )?;
    finish(res, r.out.as_ref(), "add")
}

fn np_nanstd(it: &mut Interp, a: Args) -> PResult<Value> {
    let (r, ddof, mean) = var_args(it, "nanstd", a)?;
    let mask = where_arg(r.where_.as_ref(), r.a.shape())?;
    let v = nanvar_of(
        &r.a,
        r.axes.as_deref(),
        r.dtype,
        ddof,
        r.keepdims,
        mask.as_ref(),
        mean.as_ref(),
    )?;
    finish(sqrt_of(&v)?, r.out.as_ref(), "add")
}

// ---- order statistics: median, percentile, quantile -----------------------------------

/// A value of a slice being sorted: integers exactly, floats (NaN last), complex
/// lexicographically (NaN last).
#[derive(Copy, Clone, Debug)]
enum Val {
    I(i128),
    F(f64),
    C(f64, f64),
}

impl Val {
    fn of(s: Scalar) -> Val {
        match s {
            Scalar::C64(_) | Scalar::C128(_) => {
                let c = s.to_c128();
                Val::C(c.re, c.im)
            }
            Scalar::F16(_) | Scalar::F32(_) | Scalar::F64(_) => Val::F(s.to_f64()),
            s => Val::I(s.to_i128().unwrap_or(0)),
        }
    }
    fn is_nan(self) -> bool {
        match self {
            Val::I(_) => false,
            Val::F(x) => x.is_nan(),
            Val::C(r, i) => r.is_nan() || i.is_nan(),
        }
    }
    fn key(self) -> (f64, f64) {
        match self {
            Val::I(i) => (i as f64, 0.0),
            Val::F(x) => (x, 0.0),
            Val::C(r, i) => (r, i),
        }
    }
    fn to_scalar(self, dt: DType) -> Scalar {
        match self {
            Val::I(i) => match i64::try_from(i) {
                Ok(v) => Scalar::I64(v).cast(dt),
                Err(_) => Scalar::U64(i as u64).cast(dt),
            },
            Val::F(x) => Scalar::F64(x).cast(dt),
            Val::C(r, i) => Scalar::C128(Complex64::new(r, i)).cast(dt),
        }
    }
}

/// NumPy's sort order: NaNs last (complex: lexicographic, NaN parts last).
fn cmp_val(a: &Val, b: &Val) -> std::cmp::Ordering {
    use std::cmp::Ordering::*;
    match (a, b) {
        (Val::I(x), Val::I(y)) => x.cmp(y),
        _ => {
            let (an, bn) = (a.is_nan(), b.is_nan());
            if an || bn {
                return an.cmp(&bn);
            }
            let (ka, kb) = (a.key(), b.key());
            ka.0.partial_cmp(&kb.0)
                .unwrap_or(Equal)
                .then(ka.1.partial_cmp(&kb.1).unwrap_or(Equal))
        }
    }
}

/// The slices of an order statistic: the values over the reduced axes (C order) for each
/// output position (C order over the kept axes), and the output shape.
/// The slices of an order statistic, the output shape and the reduced-axis flags.
type Slices = (Vec<Vec<Val>>, Vec<usize>, Vec<bool>);

fn slices(a: &NdArray, axes: Option<&[i64]>) -> PResult<Slices> {
    let ndim = a.ndim();
    let flags: Vec<bool> = match axes {
        None => vec![true; ndim],
        Some(list) => {
            let v = normalize_axis_tuple(list, ndim, "").or_exc()?;
            let mut f = vec![false; ndim];
            for ax in v {
                f[ax] = true;
            }
            f
        }
    };
    let kept: Vec<usize> = (0..ndim).filter(|&k| !flags[k]).collect();
    let red: Vec<usize> = (0..ndim).filter(|&k| flags[k]).collect();
    let out_shape: Vec<usize> = kept.iter().map(|&k| a.shape[k]).collect();
    // Move kept axes first, reduced last, then walk in C order.
    let order: Vec<isize> = kept.iter().chain(&red).map(|&k| k as isize).collect();
    let t = a.transpose(Some(&order)).or_exc()?;
    let n: usize = red.iter().map(|&k| a.shape[k]).product();
    let outer: usize = out_shape.iter().product();
    let vals: Vec<Val> = crate::with_dtype!(t.dtype, T => {
        t.offsets().map(|o| Val::of(crate::array::Element::to_scalar(t.read::<T>(o)))).collect()
    });
    let mut all = vals.into_iter();
    let mut out = Vec::with_capacity(outer);
    for _ in 0..outer {
        out.push(all.by_ref().take(n).collect::<Vec<Val>>());
    }
    Ok((out, out_shape, flags))
}

/// Shape of an order statistic's result with `keepdims` (reduced axes kept as 1).
fn keep_shape(a: &NdArray, flags: &[bool]) -> Vec<usize> {
    (0..a.ndim())
        .map(|k| if flags[k] { 1 } else { a.shape[k] })
        .collect()
}

/// Rounds a float64 value to the precision of a float dtype (float16 through float32, as
/// NumPy's half loops compute).
fn rnd(x: f64, dt: DType) -> f64 {
    match dt {
        DType::Float32 => x as f32 as f64,
        DType::Float16 => f16::from_f32(x as f32).to_f64(),
        _ => x,
    }
}

/// The mean dtype of `np.median` (and its sum dtype).
fn mean_dtypes(d: DType) -> (DType, DType) {
    match d {
        d if d.is_integer() || d.is_bool() => (DType::Float64, DType::Float64),
        DType::Float16 => (DType::Float32, DType::Float16),
        d => (d, d),
    }
}

/// `np.mean` of the middle element(s) of a slice (one, or the two in order): the sum in `sum_dt` from 0,
/// divided in float64, stored as `res_dt` (through `sum_dt` for array results).
fn median_of_mid(mid: &[Val], sum_dt: DType, res_dt: DType, scalar_result: bool) -> Scalar {
    let cnt = mid.len() as f64;
    let store = |q: Scalar| {
        if scalar_result {
            q.cast(res_dt)
        } else {
            q.cast(sum_dt).cast(res_dt)
        }
    };
    if sum_dt.is_complex() {
        let (mut re, mut im) = (-0.0f64, -0.0f64);
        for x in mid {
            let (r, i) = x.key();
            re = rnd(re + r, sum_dt.real_dtype());
            im = rnd(im + i, sum_dt.real_dtype());
        }
        let s = Complex64::new(
            rnd(0.0 + re, sum_dt.real_dtype()),
            rnd(0.0 + im, sum_dt.real_dtype()),
        );
        return store(Scalar::C128(cdiv_real(s, cnt)));
    }
    let mut s = -0.0f64;
    for x in mid {
        s = rnd(s + x.key().0, sum_dt);
    }
    let s = rnd(0.0 + s, sum_dt);
    store(Scalar::F64(s / cnt))
}

fn np_median(it: &mut Interp, a: Args) -> PResult<Value> {
    median_impl(it, a, "median", false)
}

fn np_nanmedian(it: &mut Interp, a: Args) -> PResult<Value> {
    median_impl(it, a, "nanmedian", true)
}

fn median_impl(it: &mut Interp, a: Args, fname: &str, nan: bool) -> PResult<Value> {
    let b = bind_py(
        fname,
        a,
        &["a", "axis", "out", "overwrite_input", "keepdims"],
        1,
    )?;
    let arr = to_array(b.req(0))?;
    let axes = axes_arg(b.get(1))?;
    let out = out_arg(b.get(2))?;
    let keepdims = truthy(it, b.get(4))?;
    if nan && arr.size() == 0 {
        // nanmedian of an empty array is nanmean's.
        let res = mean_of(&arr, axes.as_deref(), None, keepdims, None)?;
        return finish(res, out.as_ref(), "add");
    }
    let arr = if arr.ndim() == 0 {
        check_axes(0, axes.as_deref())?;
        arr.reshape(&[1], Order::C).or_exc()?
    } else {
        arr
    };
    let (sl, out_shape, flags) = slices(&arr, axes.as_deref())?;
    let (sum_dt, res_dt) = mean_dtypes(arr.dtype);
    let scalar_result = out_shape.is_empty();
    let mut vals = Vec::with_capacity(sl.len());
    let mut empty = false;
    for mut v in sl {
        if nan {
            v.retain(|x| !x.is_nan());
            if v.is_empty() {
                runtime_warning("All-NaN slice encountered");
                vals.push(Scalar::F64(f64::NAN).cast(res_dt));
                continue;
            }
        }
        if v.is_empty() {
            empty = true;
            vals.push(Scalar::F64(f64::NAN).cast(res_dt));
            continue;
        }
        if v.iter().any(|x| x.is_nan()) {
            vals.push(Scalar::F64(f64::NAN).cast(res_dt));
            continue;
        }
        // The middle element(s) by selection: what partition gives.
        let n = v.len();
        let hi = *v.select_nth_unstable_by(n / 2, cmp_val).1;
        let mid = if n % 2 == 1 {
            vec![hi]
        } else {
            let lo = v[..n / 2].iter().copied().max_by(cmp_val).unwrap_or(hi);
            vec![lo, hi]
        };
        vals.push(median_of_mid(&mid, sum_dt, res_dt, scalar_result));
    }
    if empty {
        runtime_warning("Mean of empty slice");
        scalar::warn_fp(
            FpFlags {
                invalid: true,
                ..FpFlags::default()
            },
            "divide",
            scalar_result,
        )?;
    }
    let shape = if keepdims {
        keep_shape(&arr, &flags)
    } else {
        out_shape
    };
    let res = scalars_to_array(&vals, &shape, res_dt)?;
    finish(res, out.as_ref(), fname)
}

fn scalars_to_array(vals: &[Scalar], shape: &[usize], dt: DType) -> PResult<NdArray> {
    let res = NdArray::zeros(shape, dt, Order::C).or_exc()?;
    for (o, s) in res.offsets().zip(vals) {
        res.set_at(o, *s);
    }
    Ok(res)
}

/// The quantile methods of `np.quantile(method=...)`.
const METHOD_NAMES: &[&str] = &[
    "inverted_cdf",
    "averaged_inverted_cdf",
    "closest_observation",
    "interpolated_inverted_cdf",
    "hazen",
    "weibull",
    "linear",
    "median_unbiased",
    "normal_unbiased",
    "lower",
    "higher",
    "midpoint",
    "nearest",
];

/// Where one quantile sits in a sorted slice of `n`: an exact index, or an
/// interpolation between two (indexes as `_get_indexes` gives them, -1 for the last).
enum Pos {
    Index(i64),
    Lerp { prev: i64, next: i64, gamma: f64 },
}

/// `_QuantileMethods[method]` for one quantile `q` (of float dtype `qdt`, or an integer
/// when `q_int`) over a slice of `n` values.
fn quantile_pos(method: &str, n: usize, q: f64, qdt: DType, q_int: bool) -> Pos {
    let r = |x: f64| rnd(x, qdt);
    let nf = n as f64;
    let discrete = |index: f64, cond: &dyn Fn(f64, f64) -> bool| {
        let previous = index.floor();
        let next = previous + 1.0;
        let gamma = r(index - previous);
        let v = if cond(gamma, index) { previous } else { next };
        Pos::Index((v as i64).max(0))
    };
    let virtual_index =
        |alpha: f64, beta: f64| r(r(r(nf * q) + r(alpha + r(q * (1.0 - alpha - beta)))) - 1.0);
    let (vi, fix): (f64, &dyn Fn(f64, f64) -> f64) = match method {
        "inverted_cdf" => return discrete(r(r(nf * q) - 1.0), &|g, _| g == 0.0),
        "closest_observation" => {
            return discrete(r(r(r(nf * q) - 1.0) - 0.5), &|g, i| {
                g == 0.0 && i.floor() % 2.0 == 1.0
            });
        }
        "lower" => return Pos::Index(r((nf - 1.0) * q).floor() as i64),
        "higher" => return Pos::Index(r((nf - 1.0) * q).ceil() as i64),
        "nearest" => return Pos::Index(r((nf - 1.0) * q).round_ties_even() as i64),
        "linear" if q_int => return Pos::Index(((n as i64 - 1) as f64 * q) as i64),
        "linear" => (r((nf - 1.0) * q), &|g, _| g),
        "averaged_inverted_cdf" => (r(r(nf * q) - 1.0), &|g, _| if g == 0.0 { 0.5 } else { 1.0 }),
        "interpolated_inverted_cdf" => (virtual_index(0.0, 1.0), &|g, _| g),
        "hazen" => (virtual_index(0.5, 0.5), &|g, _| g),
        "weibull" => (virtual_index(0.0, 0.0), &|g, _| g),
        "median_unbiased" => (virtual_index(1.0 / 3.0, 1.0 / 3.0), &|g, _| g),
        "normal_unbiased" => (virtual_index(3.0 / 8.0, 3.0 / 8.0), &|g, _| g),
        "midpoint" => {
            let x = r((nf - 1.0) * q);
            (r(0.5 * r(x.floor() + x.ceil())), &|_, i| {
                if i % 1.0 == 0.0 { 0.0 } else { 0.5 }
            })
        }
        _ => unreachable!("method names are checked by the caller"),
    };
    let mut prev = vi.floor();
    let mut next = prev + 1.0;
    if vi >= nf - 1.0 {
        prev = -1.0;
        next = -1.0;
    }
    if vi < 0.0 {
        prev = 0.0;
        next = 0.0;
    }
    if vi.is_nan() {
        prev = -1.0;
        next = -1.0;
    }
    let gamma = fix(r(vi - prev), vi);
    Pos::Lerp {
        prev: prev as i64,
        next: next as i64,
        gamma: r(gamma),
    }
}

/// `_lerp(a, b, t)` in dtype `rdt` for values of dtype `adt`: `a + (b-a)*t`, or
/// `b - (b-a)*(1-t)` where `t >= 0.5`. A weak `t` (a Python float) is rounded to `rdt`.
fn lerp(a: Val, b: Val, t: f64, adt: DType, rdt: DType, qdt: DType, weak: bool) -> f64 {
    let (av, bv) = (a.key().0, b.key().0);
    let diff = match (a, b) {
        (Val::I(x), Val::I(y)) => {
            if adt.is_unsigned_int() {
                (y as u64).wrapping_sub(x as u64) as f64
            } else {
                (y as i64).wrapping_sub(x as i64) as f64
            }
        }
        _ => rnd(bv - av, adt),
    };
    let tr = if weak { rnd(t, rdt) } else { t };
    // `1 - t`: a Python float for weak t (cast when used), else in t's dtype.
    let one_minus = if weak {
        rnd(1.0 - t, rdt)
    } else {
        rnd(1.0 - t, qdt)
    };
    let mut res = rnd(rnd(av, rdt) + rnd(diff * tr, rdt), rdt);
    if t >= 0.5 {
        res = rnd(rnd(bv, rdt) - rnd(diff * one_minus, rdt), rdt);
    }
    res
}

fn np_percentile(it: &mut Interp, a: Args) -> PResult<Value> {
    quantile_impl(it, a, "percentile", true, false)
}

fn np_quantile(it: &mut Interp, a: Args) -> PResult<Value> {
    quantile_impl(it, a, "quantile", false, false)
}

fn np_nanpercentile(it: &mut Interp, a: Args) -> PResult<Value> {
    quantile_impl(it, a, "nanpercentile", true, true)
}

fn np_nanquantile(it: &mut Interp, a: Args) -> PResult<Value> {
    quantile_impl(it, a, "nanquantile", false, true)
}

fn quantile_impl(
    it: &mut Interp,
    a: Args,
    fname: &str,
    percent: bool,
    nan: bool,
) -> PResult<Value> {
    let names = &[
        "a",
        "q",
        "axis",
        "out",
        "overwrite_input",
        "method",
        "keepdims",
        "*",
        "weights",
    ];
    let b = bind_py(fname, a, names, 2)?;
    let arr = to_array(b.req(0))?;
    let qv = b.req(1).clone();
    let axes = axes_arg(b.get(2))?;
    let out = out_arg(b.get(3))?;
    let method = match b.get(5) {
        None => "linear".to_string(),
        Some(Value::Str(s)) => s.to_string(),
        Some(other) => format!("<{}>", other.type_name()),
    };
    let keepdims = truthy(it, b.get(6))?;
    if arr.dtype.is_complex() {
        return type_error("a must be an array of real numbers");
    }
    let weak_q = matches!(qv, Value::Int(_) | Value::Float(_));
    let mut q = to_array(&qv)?;
    if percent {
        // np.true_divide(q, 100): integer q becomes float64.
        let qdt = if q.dtype.is_inexact() {
            q.dtype
        } else {
            DType::Float64
        };
        let d = NdArray::from_scalar(Scalar::F64(100.0).cast(qdt)).or_exc()?;
        q = ew(BinKind::Div, &q, &d, qdt, &q)?;
    }
    let qs: Vec<f64> = q.iter_scalars().map(|s| s.to_f64()).collect();
    if qs.iter().any(|&x| !(0.0..=1.0).contains(&x)) {
        return raise(
            ExcType::ValueError,
            if percent {
                "Percentiles must be in the range [0, 100]"
            } else {
                "Quantiles must be in the range [0, 1]"
            },
        );
    }
    if let Some(w) = b.get(8) {
        let _ = w;
        if method != "inverted_cdf" {
            return raise(
                ExcType::ValueError,
                format!("Only method 'inverted_cdf' supports weights. Got: {method}."),
            );
        }
        return raise(
            ExcType::TypeError,
            "numpyx does not support weighted quantiles yet",
        );
    }
    if q.ndim() > 2 {
        return raise(ExcType::ValueError, "q must be a scalar or 1d");
    }
    if nan && arr.size() == 0 {
        let res = mean_of(&arr, axes.as_deref(), None, keepdims, None)?;
        return finish(res, out.as_ref(), "add");
    }
    if !METHOD_NAMES.contains(&method.as_str()) {
        let keys: Vec<String> = METHOD_NAMES.iter().map(|m| format!("'{m}'")).collect();
        return raise(
            ExcType::ValueError,
            format!(
                "{} is not a valid method. Use one of: dict_keys([{}])",
                crate::eval::repr::repr_str(&method),
                keys.join(", ")
            ),
        );
    }
    let arr = if arr.ndim() == 0 {
        check_axes(0, axes.as_deref())?;
        arr.reshape(&[1], Order::C).or_exc()?
    } else {
        arr
    };
    let (sl, out_shape, flags) = slices(&arr, axes.as_deref())?;
    let q_int = !q.dtype.is_inexact();
    let qdt = if q_int { DType::Float64 } else { q.dtype };
    let discrete = matches!(
        method.as_str(),
        "inverted_cdf" | "closest_observation" | "lower" | "higher" | "nearest"
    ) || (method == "linear" && q_int);
    let adt = arr.dtype;
    if !discrete && adt == DType::Bool {
        return type_error(
            "numpy boolean subtract, the `-` operator, is not supported, use the bitwise_xor, the `^` operator, or the logical_xor function instead.",
        );
    }
    let rdt = if discrete {
        adt
    } else if weak_q {
        promote_weak(adt, Weak::Float)
    } else {
        promote_types(adt, qdt)
    };
    let nq = qs.len();
    let outer = sl.len();
    // Result laid out as q's shape followed by the output shape.
    let mut vals = vec![Scalar::zero(rdt); nq * outer];
    let n_axis: usize = (0..arr.ndim())
        .filter(|&k| flags[k])
        .map(|k| arr.shape[k])
        .product();
    if !nan && n_axis == 0 {
        return raise(
            ExcType::IndexError,
            "index -1 is out of bounds for axis 0 with size 0",
        );
    }
    for (j, mut v) in sl.into_iter().enumerate() {
        if nan {
            v.retain(|x| !x.is_nan());
            if v.is_empty() {
                runtime_warning("All-NaN slice encountered");
                for k in 0..nq {
                    vals[k * outer + j] = Scalar::F64(f64::NAN).cast(adt);
                }
                continue;
            }
        }
        let n = v.len();
        let has_nan = v.iter().any(|x| x.is_nan());
        // Few quantiles: select each order statistic (as partition does); many: sort.
        let sorted = qs.len() > 2;
        if sorted {
            v.sort_by(cmp_val);
        }
        let mut at = |i: i64| {
            let k = if i < 0 {
                (n as i64 + i).max(0) as usize
            } else {
                (i as usize).min(n - 1)
            };
            if sorted {
                v[k]
            } else {
                *v.select_nth_unstable_by(k, cmp_val).1
            }
        };
        for (k, &qk) in qs.iter().enumerate() {
            let s = if has_nan {
                Scalar::F64(f64::NAN).cast(rdt)
            } else {
                match quantile_pos(&method, n, qk, qdt, q_int) {
                    Pos::Index(i) => at(i).to_scalar(rdt),
                    Pos::Lerp { prev, next, gamma } => {
                        Scalar::F64(lerp(at(prev), at(next), gamma, adt, rdt, qdt, weak_q))
                            .cast(rdt)
                    }
                }
            };
            vals[k * outer + j] = s;
        }
    }
    let mut shape: Vec<usize> = q.shape().to_vec();
    if keepdims {
        shape.extend(keep_shape(&arr, &flags));
    } else {
        shape.extend(out_shape);
    }
    let res = scalars_to_array(&vals, &shape, rdt)?;
    finish(res, out.as_ref(), fname)
}

// ---- average --------------------------------------------------------------------------

fn np_average(it: &mut Interp, a: Args) -> PResult<Value> {
    let b = bind_py(
        "average",
        a,
        &["a", "axis", "weights", "returned", "*", "keepdims"],
        1,
    )?;
    let arr = to_array(b.req(0))?;
    let axes = match axes_arg(b.get(1))? {
        None => None,
        Some(list) => Some(
            normalize_axis_tuple(&list, arr.ndim(), "axis")
                .or_exc()?
                .into_iter()
                .map(|x| x as i64)
                .collect::<Vec<i64>>(),
        ),
    };
    let returned = truthy(it, b.get(3))?;
    let keepdims = truthy(it, b.get(5))?;
    let (avg, scl) = match b.get(2) {
        None => {
            let avg = mean_of(&arr, axes.as_deref(), None, keepdims, None)?;
            if avg.size() == 0 {
                return raise(ExcType::ZeroDivisionError, "division by zero");
            }
            let n = arr.size() as f64 / avg.size() as f64;
            let scl = NdArray::from_scalar(Scalar::F64(n).cast(avg.dtype)).or_exc()?;
            (avg, scl)
        }
        Some(w) => {
            let mut wgt = to_array(w)?;
            if wgt.shape() != arr.shape() {
                let Some(ax) = &axes else {
                    return type_error(
                        "Axis must be specified when shapes of a and weights differ.",
                    );
                };
                let along: Vec<usize> = ax.iter().map(|&k| arr.shape[k as usize]).collect();
                if wgt.shape() != along.as_slice() {
                    return raise(
                        ExcType::ValueError,
                        "Shape of weights must be consistent with shape of a along specified axis.",
                    );
                }
                // wgt.transpose(argsort(axis)) then reshaped to broadcast along the axes.
                let mut order: Vec<usize> = (0..ax.len()).collect();
                order.sort_by_key(|&i| ax[i]);
                let perm: Vec<isize> = order.iter().map(|&i| i as isize).collect();
                wgt = wgt.transpose(Some(&perm)).or_exc()?;
                let shape: Vec<isize> = (0..arr.ndim())
                    .map(|k| {
                        if ax.contains(&(k as i64)) {
                            arr.shape[k] as isize
                        } else {
                            1
                        }
                    })
                    .collect();
                wgt = wgt.reshape(&shape, Order::C).or_exc()?;
            }
            let rdt = if arr.dtype.is_integer() || arr.dtype.is_bool() {
                promote_types(promote_types(arr.dtype, wgt.dtype), DType::Float64)
            } else {
                promote_types(arr.dtype, wgt.dtype)
            };
            let wflags = reduced_flags(wgt.ndim(), axes.as_deref())?;
            let scl = ureduce(&wgt, RKind::Add, &wflags, rdt, keepdims, None, None)?;
            if scl.iter_scalars().any(|s| !s.is_true()) {
                return raise(
                    ExcType::ZeroDivisionError,
                    "Weights sum to zero, can't be normalized",
                );
            }
            let prod = ew(BinKind::Mul, &arr, &wgt, rdt, &arr)?;
            let flags = reduced_flags(prod.ndim(), axes.as_deref())?;
            let s = ureduce(&prod, RKind::Add, &flags, rdt, keepdims, None, None)?;
            let avg = ew(BinKind::Div, &s, &scl, rdt, &s)?;
            (avg, scl)
        }
    };
    if returned {
        let scl = if scl.shape() != avg.shape() {
            let shape: Vec<i64> = avg.shape().iter().map(|&d| d as i64).collect();
            scl.broadcast_to(&shape).or_exc()?.copy(Order::C).or_exc()?
        } else {
            scl
        };
        return Ok(Value::tuple(vec![wrap(avg, false), wrap(scl, false)]));
    }
    Ok(wrap(avg, false))
}

// ---- the table ------------------------------------------------------------------------

macro_rules! table {
    ($($name:literal, $sig:literal, $doc:literal, $f:ident;)*) => {
        pub static FUNCS: &[Builtin] = &[
            $(Builtin { name: $name, module: "numpy", sig: $sig, doc: $doc, f: $f },)*
        ];
    };
}

table! {
    "sum", "sum(a, axis=None, dtype=None, out=None, keepdims=False, initial=0, where=True)", "Sum of array elements over given axes (pairwise summation, as NumPy): np.sum([[1, 2], [3, 4]], axis=0).", np_sum;
    "prod", "prod(a, axis=None, dtype=None, out=None, keepdims=False, initial=1, where=True)", "Product of array elements over given axes.", np_prod;
    "mean", "mean(a, axis=None, dtype=None, out=None, keepdims=False, *, where=True)", "Arithmetic mean along the given axes: np.mean([1, 2, 4]).", np_mean;
    "std", "std(a, axis=None, dtype=None, out=None, ddof=0, keepdims=False, *, where=True, mean=None, correction=None)", "Standard deviation along the given axes.", np_std;
    "var", "var(a, axis=None, dtype=None, out=None, ddof=0, keepdims=False, *, where=True, mean=None, correction=None)", "Variance along the given axes.", np_var;
    "min", "min(a, axis=None, out=None, keepdims=False, initial=None, where=True)", "Minimum of an array or along an axis.", np_min;
    "max", "max(a, axis=None, out=None, keepdims=False, initial=None, where=True)", "Maximum of an array or along an axis.", np_max;
    "amin", "amin(a, axis=None, out=None, keepdims=False, initial=None, where=True)", "Minimum of an array or along an axis (alias of min).", np_amin;
    "amax", "amax(a, axis=None, out=None, keepdims=False, initial=None, where=True)", "Maximum of an array or along an axis (alias of max).", np_amax;
    "argmin", "argmin(a, axis=None, out=None, *, keepdims=False)", "Indices of the minimum values along an axis.", np_argmin;
    "argmax", "argmax(a, axis=None, out=None, *, keepdims=False)", "Indices of the maximum values along an axis.", np_argmax;
    "ptp", "ptp(a, axis=None, out=None, keepdims=False)", "Range of values (maximum - minimum) along an axis.", np_ptp;
    "cumsum", "cumsum(a, axis=None, dtype=None, out=None)", "Cumulative sum of the elements along an axis.", np_cumsum;
    "cumprod", "cumprod(a, axis=None, dtype=None, out=None)", "Cumulative product of the elements along an axis.", np_cumprod;
    "all", "all(a, axis=None, out=None, keepdims=False, *, where=True)", "Whether all elements along an axis are true.", np_all;
    "any", "any(a, axis=None, out=None, keepdims=False, *, where=True)", "Whether any element along an axis is true.", np_any;
    "count_nonzero", "count_nonzero(a, axis=None, *, keepdims=False)", "Count the non-zero values of an array.", np_count_nonzero;
    "average", "average(a, axis=None, weights=None, returned=False, *, keepdims=False)", "Weighted average along the given axes.", np_average;
    "median", "median(a, axis=None, out=None, overwrite_input=False, keepdims=False)", "Median along the given axes.", np_median;
    "percentile", "percentile(a, q, axis=None, out=None, overwrite_input=False, method='linear', keepdims=False, *, weights=None)", "q-th percentile(s) of the data along the given axes.", np_percentile;
    "quantile", "quantile(a, q, axis=None, out=None, overwrite_input=False, method='linear', keepdims=False, *, weights=None)", "q-th quantile(s) of the data along the given axes.", np_quantile;
    "nansum", "nansum(a, axis=None, dtype=None, out=None, keepdims=False, initial=0, where=True)", "Sum treating NaNs as zero.", np_nansum;
    "nanprod", "nanprod(a, axis=None, dtype=None, out=None, keepdims=False, initial=1, where=True)", "Product treating NaNs as one.", np_nanprod;
    "nanmean", "nanmean(a, axis=None, dtype=None, out=None, keepdims=False, *, where=True)", "Mean ignoring NaNs.", np_nanmean;
    "nanstd", "nanstd(a, axis=None, dtype=None, out=None, ddof=0, keepdims=False, *, where=True, mean=None, correction=None)", "Standard deviation ignoring NaNs.", np_nanstd;
    "nanvar", "nanvar(a, axis=None, dtype=None, out=None, ddof=0, keepdims=False, *, where=True, mean=None, correction=None)", "Variance ignoring NaNs.", np_nanvar;
    "nanmin", "nanmin(a, axis=None, out=None, keepdims=False, initial=None, where=True)", "Minimum ignoring NaNs.", np_nanmin;
    "nanmax", "nanmax(a, axis=None, out=None, keepdims=False, initial=None, where=True)", "Maximum ignoring NaNs.", np_nanmax;
    "nanargmin", "nanargmin(a, axis=None, out=None, *, keepdims=False)", "Indices of the minimum values ignoring NaNs.", np_nanargmin;
    "nanargmax", "nanargmax(a, axis=None, out=None, *, keepdims=False)", "Indices of the maximum values ignoring NaNs.", np_nanargmax;
    "nancumsum", "nancumsum(a, axis=None, dtype=None, out=None)", "Cumulative sum treating NaNs as zero.", np_nancumsum;
    "nancumprod", "nancumprod(a, axis=None, dtype=None, out=None)", "Cumulative product treating NaNs as one.", np_nancumprod;
    "nanmedian", "nanmedian(a, axis=None, out=None, overwrite_input=False, keepdims=False)", "Median ignoring NaNs.", np_nanmedian;
    "nanpercentile", "nanpercentile(a, q, axis=None, out=None, overwrite_input=False, method='linear', keepdims=False, *, weights=None)", "q-th percentile ignoring NaNs.", np_nanpercentile;
    "nanquantile", "nanquantile(a, q, axis=None, out=None, overwrite_input=False, method='linear', keepdims=False, *, weights=None)", "q-th quantile ignoring NaNs.", np_nanquantile;
}
