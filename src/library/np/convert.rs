//! Interpreter values to and from the array runtime: nested data, dtype spellings,
//! shapes, axes and Python scalars; and the dtype functions of the module
//! (`np.result_type`, `np.promote_types`, `np.can_cast`, `np.shares_memory`, ...).

use super::args::bind;
use super::{ArrayObj, OrExc, scalar};
use crate::array::nested::{Nested, from_nested, scalar_to_python};
use crate::array::{Casting, DType, NdArray, Scalar, Weak, dtype};
use crate::eval::Interp;
use crate::eval::exceptions::{ExcType, PResult, raise, type_error};
use crate::eval::ops::int_from_big;
use crate::eval::value::{Args, Builtin, TypeObj, Value};
use num_traits::ToPrimitive;

/// A Python value as nested data for `np.array`.
pub fn to_nested(v: &Value) -> PResult<Nested> {
    Ok(match v {
        Value::Bool(b) => Nested::Bool(*b),
        Value::Int(i) => Nested::Int(*i as i128),
        Value::BigInt(b) => match b.to_i128() {
            Some(i) => Nested::Int(i),
            None => Nested::BigInt(b.to_f64().unwrap_or(f64::INFINITY)),
        },
        Value::Float(x) => Nested::Float(*x),
        Value::Complex(c) => Nested::Complex(c.re, c.im),
        Value::NpScalar(s) => Nested::Scalar(**s),
        Value::Array(a) => Nested::Array(a.get()),
        Value::List(l) => {
            let items = l.borrow().clone();
            Nested::List(items.iter().map(to_nested).collect::<PResult<_>>()?)
        }
        Value::Tuple(t) => Nested::List(t.iter().map(to_nested).collect::<PResult<_>>()?),
        Value::Str(_) => {
            return type_error("numpyx does not support arrays of strings (yet)");
        }
        other => {
            return type_error(format!(
                "numpyx cannot make an array from a '{}' object (NumPy would make an object array)",
                other.type_name()
            ));
        }
    })
}

/// `np.asarray(v)`: arrays as they are (a view of the same data), anything else converted.
pub fn to_array(v: &Value) -> PResult<NdArray> {
    match v {
        Value::Array(a) => Ok(a.get()),
        Value::NpScalar(s) => NdArray::from_scalar(**s).or_exc(),
        _ => from_nested(&to_nested(v)?, None, 0).or_exc(),
    }
}

/// `np.asarray(v, dtype)`: converted only when the dtype differs.
pub fn to_array_dtype(v: &Value, dt: Option<DType>) -> PResult<NdArray> {
    match (v, dt) {
        (_, None) => to_array(v),
        (Value::Array(a), Some(d)) => {
            let arr = a.get();
            if arr.dtype == d {
                Ok(arr)
            } else {
                arr.astype(d, Casting::Unsafe).or_exc()
            }
        }
        (_, Some(d)) => from_nested(&to_nested(v)?, Some(d), 0).or_exc(),
    }
}

/// A dtype from any spelling users write: `np.float32`, `'f4'`, `'float32'`, `float`,
/// `int`, `complex`, `bool`, `np.dtype(...)`.
pub fn to_dtype(v: &Value) -> PResult<DType> {
    match v {
        Value::DType(d) => Ok(*d),
        Value::Type(TypeObj::NpScalar(d)) => Ok(*d),
        Value::Type(TypeObj::Float) => Ok(DType::Float64),
        Value::Type(TypeObj::Int) => Ok(DType::Int64),
        Value::Type(TypeObj::Complex) => Ok(DType::Complex128),
        Value::Type(TypeObj::Bool) => Ok(DType::Bool),
        Value::Str(s) => match DType::parse(s) {
            Some(d) => Ok(d),
            None => type_error(format!("data type {} not understood", repr_str(s))),
        },
        Value::Array(a) => Ok(a.arr.borrow().dtype),
        Value::NpScalar(s) => Ok(s.dtype()),
        other => type_error(format!(
            "Cannot interpret '{}' as a data type",
            other.type_name()
        )),
    }
}

fn repr_str(s: &str) -> String {
    crate::eval::repr::repr_str(s)
}

/// An optional `dtype=` argument (`None` means "the default").
pub fn opt_dtype(v: Option<&Value>) -> PResult<Option<DType>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(v) => to_dtype(v).map(Some),
    }
}

/// A Python integer argument as i64 (also NumPy integer scalars and bools).
pub fn to_i64(v: &Value) -> PResult<i64> {
    match v {
        Value::Int(i) => Ok(*i),
        Value::Bool(b) => Ok(*b as i64),
        Value::BigInt(_) => raise(
            ExcType::OverflowError,
            "Python int too large to convert to C long",
        ),
        Value::NpScalar(s) if s.dtype().is_integer() || s.dtype().is_bool() => {
            Ok(s.to_i128().unwrap_or(0) as i64)
        }
        other => type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            other.type_name()
        )),
    }
}

/// A shape argument: an int or a sequence of ints (`np.zeros(3)`, `np.zeros((2, 3))`).
pub fn to_dims(v: &Value) -> PResult<Vec<i64>> {
    match v {
        Value::Tuple(t) => t.iter().map(to_i64).collect(),
        Value::List(l) => l.borrow().iter().map(to_i64).collect(),
        Value::Array(a) => {
            let arr = a.get();
            if arr.ndim() > 1 || !(arr.dtype.is_integer()) {
                return type_error("expected a sequence of integers or a single integer");
            }
            Ok(arr
                .iter_scalars()
                .map(|s| s.to_i128().unwrap_or(0) as i64)
                .collect())
        }
        other => match to_i64(other) {
            Ok(n) => Ok(vec![n]),
            Err(_) => type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                other.type_name()
            )),
        },
    }
}

/// A shape argument checked for negative sizes and overflow.
pub fn to_shape(v: &Value, dt: DType) -> PResult<Vec<usize>> {
    crate::array::alloc::check_dims(&to_dims(v)?, dt).or_exc()
}

/// An `axis=` argument that may be an int, a tuple of ints or None.
pub fn to_axes(v: Option<&Value>) -> PResult<Option<Vec<i64>>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(Value::Tuple(t)) => Ok(Some(t.iter().map(to_i64).collect::<PResult<_>>()?)),
        Some(other) => Ok(Some(vec![to_i64(other)?])),
    }
}

/// A runtime scalar as the Python scalar `item()`/`tolist()` give.
pub fn python_scalar(s: Scalar) -> Value {
    nested_to_value(scalar_to_python(s))
}

/// Nested data (from `tolist`) as Python lists and scalars.
pub fn nested_to_value(n: Nested) -> Value {
    match n {
        Nested::Bool(b) => Value::Bool(b),
        Nested::Int(i) => match i64::try_from(i) {
            Ok(v) => Value::Int(v),
            Err(_) => int_from_big(num_bigint::BigInt::from(i)),
        },
        Nested::BigInt(x) | Nested::Float(x) => Value::Float(x),
        Nested::Complex(re, im) => Value::complex(re, im),
        Nested::Scalar(s) => python_scalar(s),
        Nested::Array(a) => nested_to_value(crate::array::nested::to_nested(&a)),
        Nested::List(items) => Value::list(items.into_iter().map(nested_to_value).collect()),
    }
}

/// How a value takes part in NEP 50 promotion: Python scalars are weak.
pub enum Operand {
    Strong(DType),
    Weak(Weak),
}

/// An operand given as a value (an array, a scalar, a string, a nested list).
pub fn operand_kind(v: &Value) -> PResult<Operand> {
    Ok(match v {
        Value::Str(_) | Value::Type(_) => Operand::Strong(to_array(v)?.dtype),
        _ => spec_operand_kind(v)?,
    })
}

/// An operand of `np.result_type`, where strings and types name dtypes.
fn spec_operand_kind(v: &Value) -> PResult<Operand> {
    Ok(match v {
        Value::Bool(_) => Operand::Strong(DType::Bool),
        Value::Int(_) | Value::BigInt(_) => Operand::Weak(Weak::Int),
        Value::Float(_) => Operand::Weak(Weak::Float),
        Value::Complex(_) => Operand::Weak(Weak::Complex),
        Value::NpScalar(s) => Operand::Strong(s.dtype()),
        Value::Array(a) => Operand::Strong(a.arr.borrow().dtype),
        Value::DType(d) => Operand::Strong(*d),
        Value::Type(_) | Value::Str(_) => Operand::Strong(to_dtype(v)?),
        other => Operand::Strong(to_array(other)?.dtype),
    })
}

/// `np.result_type(*arrays_and_dtypes)`.
fn np_result_type(_: &mut Interp, a: Args) -> PResult<Value> {
    a.no_more_kw("result_type")?;
    let mut strong = Vec::new();
    let mut weak = Vec::new();
    for v in &a.pos {
        match spec_operand_kind(v)? {
            Operand::Strong(d) => strong.push(d),
            Operand::Weak(w) => weak.push(w),
        }
    }
    if strong.is_empty() && weak.is_empty() {
        return raise(
            ExcType::ValueError,
            "at least one array or dtype is required",
        );
    }
    match dtype::result_type(&strong, &weak) {
        Some(d) => Ok(Value::DType(d)),
        None => type_error("no common DType exists for the given inputs"),
    }
}

fn np_promote_types(_: &mut Interp, a: Args) -> PResult<Value> {
    a.expect("promote_types", 2, 2)?;
    let x = to_dtype(&a.pos[0])?;
    let y = to_dtype(&a.pos[1])?;
    Ok(Value::DType(dtype::promote_types(x, y)))
}

fn np_can_cast(_: &mut Interp, a: Args) -> PResult<Value> {
    let b = bind("can_cast", a, &["from_", "to", "casting"], 2)?;
    let from = match b.req(0) {
        Value::Int(_) | Value::Float(_) | Value::Complex(_) | Value::BigInt(_) => {
            return type_error(
                "can_cast() does not support Python ints, floats, and complex because the result used to depend on the value.\nThis change was part of adopting NEP 50, we may explicitly allow them again in the future.",
            );
        }
        v => to_dtype(v)?,
    };
    let to = to_dtype(b.req(1))?;
    let casting = match b.get(2) {
        None => Casting::Safe,
        Some(Value::Str(s)) => match Casting::parse(s) {
            Some(c) => c,
            None => {
                return raise(
                    ExcType::ValueError,
                    "casting must be one of 'no', 'equiv', 'safe', 'same_kind', or 'unsafe'",
                );
            }
        },
        Some(_) => return type_error("casting must be a string"),
    };
    Ok(Value::Bool(dtype::can_cast(from, to, casting)))
}

/// Whether two arrays' element byte ranges overlap (exact for the views numpyx makes:
/// both are checked element by element when their extents intersect).
pub fn overlap(a: &NdArray, b: &NdArray) -> bool {
    if !a.same_storage(b) || a.size() == 0 || b.size() == 0 {
        return false;
    }
    let extent = |x: &NdArray| {
        let mut lo = x.offset as isize;
        let mut hi = x.offset as isize;
        for (&n, &s) in x.shape.iter().zip(&x.strides) {
            let span = (n as isize - 1) * s;
            if span < 0 {
                lo += span;
            } else {
                hi += span;
            }
        }
        (lo, hi + x.itemsize() as isize)
    };
    let (alo, ahi) = extent(a);
    let (blo, bhi) = extent(b);
    if ahi <= blo || bhi <= alo {
        return false;
    }
    if a.size().saturating_mul(b.size()) > 4_000_000 {
        return true;
    }
    let bytes_of = |x: &NdArray| {
        let w = x.itemsize();
        let mut v: Vec<(usize, usize)> = x.offsets().map(|o| (o, o + w)).collect();
        v.sort_unstable();
        v
    };
    let (xa, xb) = (bytes_of(a), bytes_of(b));
    let (mut i, mut j) = (0, 0);
    while i < xa.len() && j < xb.len() {
        if xa[i].1 <= xb[j].0 {
            i += 1;
        } else if xb[j].1 <= xa[i].0 {
            j += 1;
        } else {
            return true;
        }
    }
    false
}

fn np_shares_memory(_: &mut Interp, a: Args) -> PResult<Value> {
    let b = bind("shares_memory", a, &["a", "b", "max_work"], 2)?;
    let x = to_array(b.req(0))?;
    let y = to_array(b.req(1))?;
    Ok(Value::Bool(overlap(&x, &y)))
}

fn np_may_share_memory(_: &mut Interp, a: Args) -> PResult<Value> {
    let b = bind("may_share_memory", a, &["a", "b", "max_work"], 2)?;
    let x = to_array(b.req(0))?;
    let y = to_array(b.req(1))?;
    if !x.same_storage(&y) || x.size() == 0 || y.size() == 0 {
        return Ok(Value::Bool(false));
    }
    Ok(Value::Bool(overlap(&x, &y) || x.same_storage(&y)))
}

fn np_isscalar(_: &mut Interp, a: Args) -> PResult<Value> {
    a.expect("isscalar", 1, 1)?;
    Ok(Value::Bool(matches!(
        a.pos[0],
        Value::Int(_)
            | Value::BigInt(_)
            | Value::Float(_)
            | Value::Complex(_)
            | Value::Bool(_)
            | Value::Str(_)
            | Value::NpScalar(_)
    )))
}

fn np_ndim(_: &mut Interp, a: Args) -> PResult<Value> {
    a.expect("ndim", 1, 1)?;
    Ok(Value::Int(to_array(&a.pos[0])?.ndim() as i64))
}

fn np_size(_: &mut Interp, a: Args) -> PResult<Value> {
    let b = bind("size", a, &["a", "axis"], 1)?;
    let arr = to_array(b.req(0))?;
    match b.get(1) {
        None => Ok(Value::Int(arr.size() as i64)),
        Some(ax) => {
            let ax = crate::array::normalize_axis(to_i64(ax)?, arr.ndim()).or_exc()?;
            Ok(Value::Int(arr.shape[ax] as i64))
        }
    }
}

fn np_shape(_: &mut Interp, a: Args) -> PResult<Value> {
    a.expect("shape", 1, 1)?;
    Ok(shape_tuple(to_array(&a.pos[0])?.shape()))
}

/// A shape as the Python tuple NumPy returns.
pub fn shape_tuple(shape: &[usize]) -> Value {
    Value::tuple(shape.iter().map(|&n| Value::Int(n as i64)).collect())
}

/// `np.dtype(spelling)`.
pub fn make_dtype(a: Args) -> PResult<Value> {
    let b = bind("dtype", a, &["dtype", "align", "copy"], 1)?;
    match b.raw(0) {
        Some(Value::None) => Ok(Value::DType(DType::Float64)),
        Some(v) => Ok(Value::DType(to_dtype(v)?)),
        None => Ok(Value::DType(DType::Float64)),
    }
}

/// Calling a NumPy scalar type: `np.float64(2)`, `np.int8(300)` (OverflowError),
/// `np.float32([1, 2])` (an array).
pub fn call_scalar_type(d: DType, a: Args) -> PResult<Value> {
    a.no_more_kw(d.name())?;
    if a.pos.len() > 1 {
        return type_error(format!(
            "{}() takes at most 1 argument ({} given)",
            d.name(),
            a.pos.len()
        ));
    }
    let Some(v) = a.pos.first() else {
        return Ok(scalar::value(Scalar::zero(d)));
    };
    match v {
        Value::List(_) | Value::Tuple(_) | Value::Array(_) => {
            let arr = to_array_dtype(v, Some(d))?;
            if arr.ndim() == 0 {
                return Ok(scalar::value(arr.item().or_exc()?));
            }
            Ok(ArrayObj::value(arr))
        }
        Value::Str(s) => {
            let x = match crate::library::types::parse_float(s) {
                Some(x) => x,
                None => {
                    return raise(
                        ExcType::ValueError,
                        format!("could not convert string to float: {}", repr_str(s)),
                    );
                }
            };
            Ok(scalar::value(Scalar::from_py_float(x, d).or_exc()?))
        }
        Value::NpScalar(s) => Ok(scalar::value(s.cast(d))),
        other => {
            let n = to_nested(other)?;
            let s = match n {
                Nested::Bool(b) => Scalar::Bool(b).cast(d),
                Nested::Int(i) => Scalar::from_py_int(Some(i), d).or_exc()?,
                Nested::BigInt(_) => Scalar::from_py_int(None, d).or_exc()?,
                Nested::Float(x) => Scalar::from_py_float(x, d).or_exc()?,
                Nested::Complex(re, im) => Scalar::from_py_complex(re, im, d).or_exc()?,
                _ => return type_error("unexpected scalar"),
            };
            Ok(scalar::value(s))
        }
    }
}

pub static FUNCS: &[Builtin] = &[
    Builtin {
        name: "result_type",
        module: "numpy",
        sig: "result_type(*arrays_and_dtypes)",
        doc: "Returns the type that results from applying the NumPy type promotion rules to the arguments.",
        f: np_result_type,
    },
    Builtin {
        name: "promote_types",
        module: "numpy",
        sig: "promote_types(type1, type2)",
        doc: "Returns the data type with the smallest size and smallest scalar kind to which both type1 and type2 may be safely cast.",
        f: np_promote_types,
    },
    Builtin {
        name: "can_cast",
        module: "numpy",
        sig: "can_cast(from_, to, casting='safe')",
        doc: "Returns True if cast between data types can occur according to the casting rule.",
        f: np_can_cast,
    },
    Builtin {
        name: "shares_memory",
        module: "numpy",
        sig: "shares_memory(a, b, /, max_work=None)",
        doc: "Determine if two arrays share memory.",
        f: np_shares_memory,
    },
    Builtin {
        name: "may_share_memory",
        module: "numpy",
        sig: "may_share_memory(a, b, /, max_work=None)",
        doc: "Determine if two arrays might share memory.",
        f: np_may_share_memory,
    },
    Builtin {
        name: "isscalar",
        module: "numpy",
        sig: "isscalar(element)",
        doc: "Returns True if the type of element is a scalar type.",
        f: np_isscalar,
    },
    Builtin {
        name: "ndim",
        module: "numpy",
        sig: "ndim(a)",
        doc: "Return the number of dimensions of an array.",
        f: np_ndim,
    },
    Builtin {
        name: "size",
        module: "numpy",
        sig: "size(a, axis=None)",
        doc: "Return the number of elements along a given axis.",
        f: np_size,
    },
    Builtin {
        name: "shape",
        module: "numpy",
        sig: "shape(a)",
        doc: "Return the shape of an array.",
        f: np_shape,
    },
];

/// A NumPy scalar, or an array of one element, as the Python number `int()`,
/// `float()` and `complex()` convert; `None` for other values.
pub fn as_python_number(v: &Value) -> PResult<Option<Value>> {
    match v {
        Value::NpScalar(s) => Ok(Some(python_scalar(**s))),
        Value::Array(a) => {
            let arr = a.get();
            if arr.size() != 1 {
                return type_error("only length-1 arrays can be converted to Python scalars");
            }
            Ok(Some(python_scalar(arr.get_flat(0).or_exc()?)))
        }
        _ => Ok(None),
    }
}
