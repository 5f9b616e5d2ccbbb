//! Calling a built-in type: `int(x)`, `float(s)`, `list(it)`, `range(n)`,
//! `ValueError('msg')`, `type(x)`, ...

use super::builtins::to_int_arg;
use crate::eval::Interp;
use crate::eval::exceptions::{Exc, ExcObj, ExcType, PResult, raise, type_error, value_error};
use crate::eval::ops::{self, to_bigint};
use crate::eval::repr::repr_str;
use crate::eval::value::{Args, Dict, RangeObj, SliceObj, TypeObj, Value};
use num_bigint::BigInt;
use num_traits::Num;
use std::cell::RefCell;
use std::rc::Rc;

/// Types reachable by name without import.
pub static TYPE_NAMES: &[TypeObj] = &[
    TypeObj::Int,
    TypeObj::Float,
    TypeObj::Complex,
    TypeObj::Str,
    TypeObj::Bool,
    TypeObj::List,
    TypeObj::Tuple,
    TypeObj::Dict,
    TypeObj::Set,
    TypeObj::Range,
    TypeObj::Slice,
    TypeObj::Type,
    TypeObj::Object,
];

/// Parses an int literal the way `int(s, base)` does.
pub fn parse_int(s: &str, base: u32) -> Option<BigInt> {
    let t = s.trim();
    let (neg, body) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let lower = body.to_ascii_lowercase();
    let (digits, base) = match (base, lower.get(..2)) {
        (0 | 16, Some("0x")) => (&body[2..], 16),
        (0 | 8, Some("0o")) => (&body[2..], 8),
        (0 | 2, Some("0b")) => (&body[2..], 2),
        (0, _) => {
            if body.len() > 1
                && body.starts_with('0')
                && body.bytes().any(|b| b != b'0' && b != b'_')
            {
                return None;
            }
            (body, 10)
        }
        (b, _) => (body, b),
    };
    let digits = digits
        .strip_prefix('_')
        .filter(|_| base != 10 || body.len() != digits.len())
        .unwrap_or(digits);
    if digits.is_empty()
        || digits.starts_with('_')
        || digits.ends_with('_')
        || digits.contains("__")
    {
        return None;
    }
    let clean: String = digits.chars().filter(|&c| c != '_').collect();
    if !clean.chars().all(|c| c.is_ascii_alphanumeric()) {
        return None;
    }
    let v = BigInt::from_str_radix(&clean, base).ok()?;
    Some(if neg { -v } else { v })
}

/// Parses a float the way `float(s)` does.
pub fn parse_float(s: &str) -> Option<f64> {
    let t = s.trim();
    let lower = t.to_ascii_lowercase();
    let (sign, body) = match lower.as_bytes().first() {
        Some(b'-') => (-1.0, &lower[1..]),
        Some(b'+') => (1.0, &lower[1..]),
        _ => (1.0, lower.as_str()),
    };
    match body {
        "inf" | "infinity" => return Some(sign * f64::INFINITY),
        "nan" => return Some(f64::NAN.copysign(sign)),
        _ => {}
    }
    if body.is_empty()
        || body.starts_with('_')
        || body.ends_with('_')
        || body.contains("__")
        || !body
            .bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'e' | b'+' | b'-' | b'_'))
    {
        return None;
    }
    let clean: String = body.chars().filter(|&c| c != '_').collect();
    if clean.contains("e_") || clean.starts_with('e') {
        return None;
    }
    clean.parse::<f64>().ok().map(|v| sign * v)
}

fn float_of(v: &Value) -> PResult<f64> {
    if let Some(p) = super::np::convert::as_python_number(v)? {
        return float_of(&p);
    }
    match v {
        Value::Float(f) => Ok(*f),
        Value::Int(i) => Ok(*i as f64),
        Value::Bool(b) => Ok(*b as i64 as f64),
        Value::BigInt(b) => ops::big_to_f64(b),
        Value::Str(s) => match parse_float(s) {
            Some(f) => Ok(f),
            None => value_error(format!(
                "could not convert string to float: {}",
                repr_str(s)
            )),
        },
        _ => type_error(format!(
            "float() argument must be a string or a real number, not '{}'",
            v.type_name()
        )),
    }
}

fn int_of(v: &Value, base: Option<u32>) -> PResult<Value> {
    if let Some(b) = base {
        let Value::Str(s) = v else {
            return type_error("int() can't convert non-string with explicit base");
        };
        return match parse_int(s, b) {
            Some(b) => Ok(ops::int_from_big(b)),
            None => value_error(format!(
                "invalid literal for int() with base {b}: {}",
                repr_str(s)
            )),
        };
    }
    match v {
        Value::Int(_) | Value::BigInt(_) => Ok(v.clone()),
        Value::Bool(b) => Ok(Value::Int(*b as i64)),
        Value::Float(f) => super::math::float_to_pyint(*f),
        Value::Str(s) => match parse_int(s, 10) {
            Some(b) => Ok(ops::int_from_big(b)),
            None => value_error(format!(
                "invalid literal for int() with base 10: {}",
                repr_str(s)
            )),
        },
        _ => match super::np::convert::as_python_number(v)? {
            Some(p) => int_of(&p, None),
            None => type_error(format!(
                "int() argument must be a string, a bytes-like object or a real number, not '{}'",
                v.type_name()
            )),
        },
    }
}

fn parse_complex(s: &str) -> Option<(f64, f64)> {
    let t = s.trim();
    let t = t
        .strip_prefix('(')
        .and_then(|x| x.strip_suffix(')'))
        .unwrap_or(t)
        .trim();
    if let Some(body) = t.strip_suffix(['j', 'J']) {
        // Find the split between real and imaginary parts.
        let bytes = body.as_bytes();
        let mut split = None;
        for i in (1..bytes.len()).rev() {
            if (bytes[i] == b'+' || bytes[i] == b'-') && !matches!(bytes[i - 1], b'e' | b'E') {
                split = Some(i);
                break;
            }
        }
        let (re, im) = match split {
            Some(i) => (parse_float(&body[..i])?, &body[i..]),
            None => (0.0, body),
        };
        let im = match im {
            "" | "+" => 1.0,
            "-" => -1.0,
            x => parse_float(x)?,
        };
        return Some((re, im));
    }
    parse_float(t).map(|r| (r, 0.0))
}

pub fn call_type(it: &mut Interp, t: TypeObj, mut a: Args) -> PResult<Value> {
    match t {
        TypeObj::Int => {
            let base = a.take_kw("base");
            a.expect("int", 0, 2)?;
            let base = match a.pos.get(1).or(base.as_ref()) {
                Some(b) => {
                    let b = to_int_arg(b)?;
                    if b != 0 && !(2..=36).contains(&b) {
                        return value_error("int() base must be >= 2 and <= 36, or 0");
                    }
                    Some(b as u32)
                }
                None => None,
            };
            match a.pos.first() {
                None => Ok(Value::Int(0)),
                Some(v) => int_of(v, base),
            }
        }
        TypeObj::Float => {
            a.expect("float", 0, 1)?;
            match a.pos.first() {
                None => Ok(Value::Float(0.0)),
                Some(v) => Ok(Value::Float(float_of(v)?)),
            }
        }
        TypeObj::Complex => {
            let real = a.take_kw("real");
            let imag = a.take_kw("imag");
            a.expect("complex", 0, 2)?;
            let re = a.pos.first().cloned().or(real);
            let im = a.pos.get(1).cloned().or(imag);
            if let Some(Value::Str(s)) = &re {
                if im.is_some() {
                    return type_error("complex() can't take second arg if first is a string");
                }
                return match parse_complex(s) {
                    Some((r, i)) => Ok(Value::complex(r, i)),
                    None => value_error("complex() arg is a malformed string"),
                };
            }
            let part = |it: &mut Interp, v: Option<Value>| -> PResult<(f64, f64)> {
                match v {
                    None => Ok((0.0, 0.0)),
                    Some(Value::Complex(c)) => Ok((c.re, c.im)),
                    Some(v) => match ops::to_f64(&v)? {
                        Some(f) => Ok((f, 0.0)),
                        None => {
                            let _ = it;
                            type_error(format!(
                                "complex() first argument must be a string or a number, not '{}'",
                                v.type_name()
                            ))
                        }
                    },
                }
            };
            let re_complex = matches!(re, Some(Value::Complex(_)));
            let im_complex = matches!(im, Some(Value::Complex(_)));
            let has_im = im.is_some();
            let (mut rr, ri) = part(it, re)?;
            let (mut ir, ii) = part(it, im)?;
            // As CPython: only complex parts contribute across.
            if im_complex {
                rr -= ii;
            }
            if re_complex && has_im {
                ir += ri;
            }
            Ok(Value::complex(rr, if has_im { ir } else { ri }))
        }
        TypeObj::Str => {
            a.expect("str", 0, 1)?;
            match a.pos.first() {
                None => Ok(Value::str("")),
                Some(v) => Ok(Value::str(&it.to_str(v)?)),
            }
        }
        TypeObj::Bool => {
            a.expect("bool", 0, 1)?;
            match a.pos.first() {
                None => Ok(Value::Bool(false)),
                Some(v) => Ok(Value::Bool(it.truthy(v)?)),
            }
        }
        TypeObj::List => {
            a.expect("list", 0, 1)?;
            match a.pos.first() {
                None => Ok(Value::list(vec![])),
                Some(v) => Ok(Value::list(it.collect(v)?)),
            }
        }
        TypeObj::Tuple => {
            a.expect("tuple", 0, 1)?;
            match a.pos.first() {
                None => Ok(Value::tuple(vec![])),
                Some(Value::Tuple(t)) => Ok(Value::Tuple(t.clone())),
                Some(v) => Ok(Value::tuple(it.collect(v)?)),
            }
        }
        TypeObj::Set => {
            a.expect("set", 0, 1)?;
            let mut d = Dict::new();
            if let Some(v) = a.pos.first() {
                for x in it.collect(v)? {
                    d.insert(ops::make_key(x)?, Value::None);
                }
            }
            Ok(Value::Set(Rc::new(RefCell::new(d))))
        }
        TypeObj::Dict => {
            let kw = std::mem::take(&mut a.kw);
            if a.pos.len() > 1 {
                return type_error(format!(
                    "dict expected at most 1 argument, got {}",
                    a.pos.len()
                ));
            }
            let mut d = Dict::new();
            if let Some(v) = a.pos.first() {
                dict_update(it, &mut d, v)?;
            }
            for (k, v) in kw {
                d.insert(ops::make_key(Value::Str(k.into()))?, v);
            }
            Ok(Value::Dict(Rc::new(RefCell::new(d))))
        }
        TypeObj::Range => {
            a.no_more_kw("range")?;
            let ints: Vec<i64> = a.pos.iter().map(range_arg).collect::<PResult<_>>()?;
            let (start, stop, step) = match ints.as_slice() {
                [stop] => (0, *stop, 1),
                [start, stop] => (*start, *stop, 1),
                [start, stop, step] => (*start, *stop, *step),
                [] => return type_error("range expected at least 1 argument, got 0"),
                _ => {
                    return type_error(format!(
                        "range expected at most 3 arguments, got {}",
                        ints.len()
                    ));
                }
            };
            if step == 0 {
                return value_error("range() arg 3 must not be zero");
            }
            Ok(Value::Range(Rc::new(RangeObj { start, stop, step })))
        }
        TypeObj::Slice => {
            a.expect("slice", 1, 3)?;
            let (start, stop, step) = match a.pos.len() {
                1 => (Value::None, a.pos[0].clone(), Value::None),
                2 => (a.pos[0].clone(), a.pos[1].clone(), Value::None),
                _ => (a.pos[0].clone(), a.pos[1].clone(), a.pos[2].clone()),
            };
            Ok(Value::Slice(Rc::new(SliceObj { start, stop, step })))
        }
        TypeObj::Type => {
            a.expect("type", 1, 1)?;
            Ok(Value::Type(a.pos[0].type_obj()))
        }
        TypeObj::Exc(e) => {
            a.no_more_kw(e.name())?;
            Ok(Value::Exception(Rc::new(ExcObj::new(e, a.pos))))
        }
        TypeObj::Object => {
            a.expect("object", 0, 0)?;
            type_error("numpyx does not support creating plain objects")
        }
        TypeObj::NpScalar(d) => super::np::convert::call_scalar_type(d, a),
        TypeObj::NpDType => super::np::convert::make_dtype(a),
        other => type_error(format!("cannot create '{}' instances", other.name())),
    }
}

fn range_arg(v: &Value) -> PResult<i64> {
    match v {
        Value::Int(i) => Ok(*i),
        Value::Bool(b) => Ok(*b as i64),
        Value::BigInt(_) => raise(
            ExcType::OverflowError,
            "Python int too large to convert to C ssize_t",
        ),
        Value::NpScalar(s) if crate::library::np::scalar::as_index(**s).is_some() => {
            Ok(crate::library::np::scalar::as_index(**s).unwrap_or(0))
        }
        _ => type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            v.type_name()
        )),
    }
}

/// `d.update(v)`: from a dict or an iterable of pairs.
pub fn dict_update(it: &mut Interp, d: &mut Dict, v: &Value) -> PResult<()> {
    if let Value::Dict(src) = v {
        for (k, val) in src.borrow().iter() {
            d.insert(k.clone(), val.clone());
        }
        return Ok(());
    }
    let items = it.collect(v).map_err(|_| {
        Exc::new(
            ExcType::TypeError,
            format!("'{}' object is not iterable", v.type_name()),
        )
    })?;
    for (i, item) in items.into_iter().enumerate() {
        let pair = match &item {
            Value::Tuple(_) | Value::List(_) | Value::Str(_) => it.collect(&item)?,
            _ => {
                return type_error(format!(
                    "cannot convert dictionary update sequence element #{i} to a sequence"
                ));
            }
        };
        if pair.len() != 2 {
            return value_error(format!(
                "dictionary update sequence element #{i} has length {}; 2 is required",
                pair.len()
            ));
        }
        let mut p = pair.into_iter();
        let k = p.next().unwrap_or(Value::None);
        let val = p.next().unwrap_or(Value::None);
        d.insert(ops::make_key(k)?, val);
    }
    Ok(())
}

#[allow(dead_code)]
fn _keep(v: &Value) -> Option<BigInt> {
    to_bigint(v)
}
