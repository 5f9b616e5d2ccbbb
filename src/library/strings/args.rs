//! Argument checking for `str` methods, with the exact messages of each of
//! CPython 3.11's calling conventions (no-argument, one-argument, positional
//! ranges, `PyArg_ParseTuple` and Argument Clinic keyword parsing), and the
//! integer conversions their parameters use.

use crate::eval::exceptions::{Exc, ExcType, PResult, raise, type_error};
use crate::eval::value::{Args, Value};
use num_traits::Signed;

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

fn no_keywords(name: &str, a: &Args) -> PResult<()> {
    if a.kw.is_empty() {
        Ok(())
    } else {
        type_error(format!("str.{name}() takes no keyword arguments"))
    }
}

/// `METH_NOARGS`: `str.upper()`.
pub fn none(name: &str, a: &Args) -> PResult<()> {
    no_keywords(name, a)?;
    match a.pos.len() {
        0 => Ok(()),
        n => type_error(format!("str.{name}() takes no arguments ({n} given)")),
    }
}

/// `METH_O`: `str.join(iterable)`.
pub fn one<'a>(name: &str, a: &'a Args) -> PResult<&'a Value> {
    no_keywords(name, a)?;
    match a.pos.as_slice() {
        [v] => Ok(v),
        p => type_error(format!(
            "str.{name}() takes exactly one argument ({} given)",
            p.len()
        )),
    }
}

/// Positional-only with `_PyArg_CheckPositional`: `str.center(width, fillchar=' ', /)`.
pub fn positional(name: &str, a: &Args, min: usize, max: usize) -> PResult<()> {
    no_keywords(name, a)?;
    let n = a.pos.len();
    if n < min {
        return type_error(format!(
            "{name} expected at least {min} argument{}, got {n}",
            plural(min)
        ));
    }
    if n > max {
        return type_error(format!(
            "{name} expected at most {max} argument{}, got {n}",
            plural(max)
        ));
    }
    Ok(())
}

/// `PyArg_ParseTuple(args, "O|OO:find")`: `str.find(sub[, start[, end]])`.
pub fn parse_tuple(name: &str, a: &Args, min: usize, max: usize) -> PResult<()> {
    no_keywords(name, a)?;
    let n = a.pos.len();
    if n < min {
        return type_error(format!(
            "{name}() takes at least {min} argument{} ({n} given)",
            plural(min)
        ));
    }
    if n > max {
        return type_error(format!(
            "{name}() takes at most {max} argument{} ({n} given)",
            plural(max)
        ));
    }
    Ok(())
}

/// Argument Clinic with keywords and all parameters optional:
/// `str.split(sep=None, maxsplit=-1)`. Returns one slot per parameter.
pub fn keywords(name: &str, a: Args, params: &[&str]) -> PResult<Vec<Option<Value>>> {
    let total = a.pos.len() + a.kw.len();
    if total > params.len() {
        return type_error(format!(
            "{name}() takes at most {} argument{} ({total} given)",
            params.len(),
            plural(params.len())
        ));
    }
    let npos = a.pos.len();
    let mut slots: Vec<Option<Value>> = a.pos.into_iter().map(Some).collect();
    slots.resize(params.len(), None);
    for (k, v) in a.kw {
        match params.iter().position(|p| **p == *k) {
            Some(i) if i < npos => {
                return type_error(format!(
                    "argument for {name}() given by name ('{k}') and position ({})",
                    i + 1
                ));
            }
            Some(i) => slots[i] = Some(v),
            None => {
                return type_error(format!("'{k}' is an invalid keyword argument for {name}()"));
            }
        }
    }
    Ok(slots)
}

fn not_integer(v: &Value) -> Box<Exc> {
    Exc::new(
        ExcType::TypeError,
        format!(
            "'{}' object cannot be interpreted as an integer",
            v.type_name()
        ),
    )
}

/// A `Py_ssize_t` parameter (`__index__`, overflow is an error).
pub fn ssize(v: &Value) -> PResult<i64> {
    match v {
        Value::Int(i) => Ok(*i),
        Value::Bool(b) => Ok(*b as i64),
        Value::BigInt(_) => raise(
            ExcType::OverflowError,
            "Python int too large to convert to C ssize_t",
        ),
        _ => Err(not_integer(v)),
    }
}

/// A C `int` parameter (`expandtabs(tabsize)`, `splitlines(keepends)`).
pub fn c_int(v: &Value) -> PResult<i64> {
    let too_big = || {
        raise(
            ExcType::OverflowError,
            "Python int too large to convert to C int",
        )
    };
    match v {
        Value::Int(i) if i32::try_from(*i).is_ok() => Ok(*i),
        Value::Int(_) | Value::BigInt(_) => too_big(),
        Value::Bool(b) => Ok(*b as i64),
        _ => Err(not_integer(v)),
    }
}

/// A slice bound of `find`/`count`/`startswith`: `None`, or an int clamped
/// to the `Py_ssize_t` range.
pub fn slice_index(v: Option<&Value>) -> PResult<Option<i64>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(Value::Int(i)) => Ok(Some(*i)),
        Some(Value::Bool(b)) => Ok(Some(*b as i64)),
        Some(Value::BigInt(b)) => Ok(Some(if b.is_negative() { i64::MIN } else { i64::MAX })),
        Some(_) => type_error("slice indices must be integers or None or have an __index__ method"),
    }
}

/// How Argument Clinic names a wrong argument's type: `None` for `None`.
pub fn clinic_type_name(v: &Value) -> &'static str {
    if v.is_none() { "None" } else { v.type_name() }
}

/// A `str` parameter whose type error reads `must be str, not int`.
pub fn str_arg(v: &Value) -> PResult<&str> {
    match v {
        Value::Str(s) => Ok(s),
        _ => type_error(format!("must be str, not {}", v.type_name())),
    }
}
