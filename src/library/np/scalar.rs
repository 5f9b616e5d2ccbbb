//! NumPy scalars (`np.float64(1.5)`, `np.int8(3)`, `np.True_`) as values: construction,
//! attributes and methods, conversion to Python numbers, and the floating-point events
//! of operations (kept for the warnings machinery).

use super::convert::{python_scalar, shape_tuple, to_dtype};
use super::printing;
use crate::array::{Casting, DType, NdArray, Scalar};
use crate::eval::Interp;
use crate::eval::exceptions::{PResult, type_error};
use crate::eval::value::{Args, Value};
use crate::kernels::FpFlags;
use std::rc::Rc;

/// A NumPy scalar value.
pub fn value(s: Scalar) -> Value {
    Value::NpScalar(Rc::new(s))
}

/// Reports the floating-point events of an operation named `ufunc` through the error
/// state ([`super::warnings`]): NumPy names scalar operations `scalar add`, ...
pub fn warn_fp(flags: FpFlags, ufunc: &'static str, scalar: bool) -> PResult<()> {
    if !flags.any() {
        return Ok(());
    }
    if scalar {
        super::warnings::check(flags, &format!("scalar {ufunc}"))
    } else {
        super::warnings::check(flags, ufunc)
    }
}

/// `x.name` on a NumPy scalar.
pub fn get_attr(s: Scalar, name: &str) -> Option<Value> {
    Some(match name {
        "dtype" => Value::DType(s.dtype()),
        "shape" => shape_tuple(&[]),
        "ndim" => Value::Int(0),
        "size" => Value::Int(1),
        "itemsize" => Value::Int(s.dtype().itemsize() as i64),
        "nbytes" => Value::Int(s.dtype().itemsize() as i64),
        "strides" => Value::tuple(vec![]),
        "real" => value(real_part(s)),
        "imag" => value(imag_part(s)),
        "T" => value(s),
        _ => return None,
    })
}

fn real_part(s: Scalar) -> Scalar {
    match s {
        Scalar::C64(c) => Scalar::F32(c.re),
        Scalar::C128(c) => Scalar::F64(c.re),
        other => other,
    }
}

fn imag_part(s: Scalar) -> Scalar {
    match s {
        Scalar::C64(c) => Scalar::F32(c.im),
        Scalar::C128(c) => Scalar::F64(c.im),
        other => Scalar::zero(other.dtype()),
    }
}

/// `x.name(args)` on a NumPy scalar; `None` when there is no such method.
pub fn call_method(it: &mut Interp, s: Scalar, name: &str, a: Args) -> PResult<Option<Value>> {
    let _ = it;
    Ok(Some(match name {
        "item" | "tolist" => {
            a.expect(name, 0, 0)?;
            python_scalar(s)
        }
        "round" => {
            let b = super::args::bind("round", a, &["decimals", "out"], 0)?;
            let d = match b.get(0) {
                None => 0,
                Some(v) => super::convert::to_i64(v)?,
            };
            if b.get(1).is_some() {
                return type_error("numpyx does not support out= for a scalar's round (yet)");
            }
            super::ufunc::round_value(&value(s), d)?
        }
        "astype" => {
            a.no_more_kw("astype")?;
            if a.pos.len() != 1 {
                return type_error("astype() takes exactly 1 positional argument");
            }
            let d = to_dtype(&a.pos[0])?;
            value(s.cast(d))
        }
        "conjugate" | "conj" => value(match s {
            Scalar::C64(c) => Scalar::C64(c.conj()),
            Scalar::C128(c) => Scalar::C128(c.conj()),
            o => o,
        }),
        "is_integer" => Value::Bool(match s {
            Scalar::F16(_) | Scalar::F32(_) | Scalar::F64(_) => {
                let x = s.to_f64();
                x.is_finite() && x.fract() == 0.0
            }
            Scalar::C64(_) | Scalar::C128(_) => return Ok(None),
            _ => true,
        }),
        "copy" => value(s),
        "reshape" | "sum" | "mean" | "any" | "all" => {
            let arr = NdArray::from_scalar(s).map_err(super::exc)?;
            return super::attrs::call_method(it, &super::ArrayObj::value(arr), name, a);
        }
        _ => return Ok(None),
    }))
}

/// `repr(x)`.
pub fn repr(s: Scalar) -> String {
    printing::scalar_repr(s)
}

/// `str(x)`.
pub fn str(s: Scalar) -> String {
    printing::scalar_str(s)
}

/// A NumPy integer scalar as an index (`__index__`): bools and floats are not indices.
pub fn as_index(s: Scalar) -> Option<i64> {
    if s.dtype().is_integer() {
        s.to_i128().and_then(|v| i64::try_from(v).ok())
    } else {
        None
    }
}

/// The float value of a NumPy scalar (`float(x)`), complex giving its real part.
pub fn as_f64(s: Scalar) -> f64 {
    s.to_f64()
}

/// Truthiness.
pub fn truthy(s: Scalar) -> bool {
    s.is_true()
}

/// Equality with hashing semantics: NumPy scalars hash and compare like Python numbers.
pub fn cast_checked(s: Scalar, to: DType) -> Option<Scalar> {
    if crate::array::dtype::can_cast(s.dtype(), to, Casting::Safe) {
        Some(s.cast(to))
    } else {
        None
    }
}
