//! Methods and attributes of the built-in types: list, dict, set, int, float,
//! complex (and str, whose methods live in `strings`).

use super::builtins::{sort_values, to_int_arg};
use crate::eval::Interp;
use crate::eval::exceptions::{Exc, ExcType, PResult, type_error, value_error};
use crate::eval::ops::{self, make_key};
use crate::eval::value::{Args, Dict, Value};
use std::rc::Rc;

const LIST_METHODS: &[&str] = &[
    "append", "extend", "insert", "pop", "remove", "index", "count", "sort", "reverse", "copy",
    "clear",
];
const TUPLE_METHODS: &[&str] = &["index", "count"];
const DICT_METHODS: &[&str] = &[
    "get",
    "keys",
    "values",
    "items",
    "pop",
    "update",
    "setdefault",
    "copy",
    "clear",
    "popitem",
];
const SET_METHODS: &[&str] = &[
    "add",
    "remove",
    "discard",
    "pop",
    "clear",
    "copy",
    "union",
    "intersection",
    "difference",
    "symmetric_difference",
    "issubset",
    "issuperset",
    "isdisjoint",
    "update",
];
const INT_METHODS: &[&str] = &["bit_length", "conjugate", "to_bytes", "is_integer"];
const FLOAT_METHODS: &[&str] = &["is_integer", "conjugate", "hex", "as_integer_ratio"];
const COMPLEX_METHODS: &[&str] = &["conjugate"];
const SLICE_METHODS: &[&str] = &["indices"];

/// Method names of a value (for `dir()` and completion).
pub fn method_names(v: &Value) -> Vec<&'static str> {
    match v {
        Value::List(_) => LIST_METHODS.to_vec(),
        Value::Tuple(_) => TUPLE_METHODS.to_vec(),
        Value::Dict(_) => DICT_METHODS.to_vec(),
        Value::Set(_) => SET_METHODS.to_vec(),
        Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => INT_METHODS.to_vec(),
        Value::Float(_) => FLOAT_METHODS.to_vec(),
        Value::Complex(_) => COMPLEX_METHODS.to_vec(),
        Value::Str(_) => super::strings::STR_METHODS.to_vec(),
        Value::Array(_) => {
            let mut v = super::np::ARRAY_METHODS.to_vec();
            v.extend_from_slice(super::np::attrs::ARRAY_ATTRS);
            v.sort_unstable();
            v.dedup();
            v
        }
        _ => vec![],
    }
}

/// Attributes that are values rather than methods, and bound methods.
pub fn get_attr(it: &mut Interp, obj: &Value, name: &str) -> PResult<Option<Value>> {
    if let Some(v) = super::np::get_attr(it, obj, name)? {
        return Ok(Some(v));
    }
    let v = match (obj, name) {
        (Value::Int(_) | Value::BigInt(_), "real" | "numerator") => obj.clone(),
        (Value::Bool(b), "real" | "numerator") => Value::Int(*b as i64),
        (Value::Int(_) | Value::BigInt(_) | Value::Bool(_), "imag") => Value::Int(0),
        (Value::Int(_) | Value::BigInt(_) | Value::Bool(_), "denominator") => Value::Int(1),
        (Value::Float(_), "real") => obj.clone(),
        (Value::Float(_), "imag") => Value::Float(0.0),
        (Value::Complex(c), "real") => Value::Float(c.re),
        (Value::Complex(c), "imag") => Value::Float(c.im),
        (Value::Slice(s), "start") => s.start.clone(),
        (Value::Slice(s), "stop") => s.stop.clone(),
        (Value::Slice(s), "step") => s.step.clone(),
        (Value::Range(r), "start") => Value::Int(r.start),
        (Value::Range(r), "stop") => Value::Int(r.stop),
        (Value::Range(r), "step") => Value::Int(r.step),
        (Value::Exception(e), "args") => Value::tuple(e.args.clone()),
        // `str.lower` on the type: a method taking the string as its first argument.
        (Value::Type(crate::eval::value::TypeObj::Str), _) => {
            let Some(unbound) = super::strings::unbound_name(name) else {
                return Err(Exc::new(
                    ExcType::AttributeError,
                    format!("type object 'str' has no attribute '{name}'"),
                ));
            };
            Value::Method(Rc::new((Value::str(""), Rc::from(unbound))))
        }
        _ => {
            let known = method_names(obj).contains(&name)
                || (matches!(obj, Value::Slice(_)) && SLICE_METHODS.contains(&name));
            if !known {
                return Ok(None);
            }
            Value::Method(Rc::new((obj.clone(), Rc::from(name))))
        }
    };
    Ok(Some(v))
}

fn no_attr(obj: &Value, name: &str) -> Box<Exc> {
    Exc::new(
        ExcType::AttributeError,
        format!("'{}' object has no attribute '{name}'", obj.type_name()),
    )
}

fn list_index(it: &mut Interp, items: &[Value], a: &Args, what: &str) -> PResult<Value> {
    a.expect("index", 1, 3)?;
    let n = items.len() as i64;
    let norm = |v: Option<&Value>, d: i64| -> PResult<i64> {
        match v {
            None => Ok(d),
            Some(v) => {
                let i = to_int_arg(v)?;
                Ok(if i < 0 { (i + n).max(0) } else { i.min(n) })
            }
        }
    };
    let start = norm(a.pos.get(1), 0)?;
    let stop = norm(a.pos.get(2), n)?;
    for i in start..stop {
        let x = &items[i as usize];
        if x.is(&a.pos[0]) || ops::py_eq(x, &a.pos[0])? {
            return Ok(Value::Int(i));
        }
    }
    let _ = it;
    if what == "list" {
        value_error(format!("{} is not in list", it.repr(&a.pos[0])?))
    } else {
        value_error("tuple.index(x): x not in tuple")
    }
}

fn count_in(items: &[Value], x: &Value) -> PResult<Value> {
    let mut n = 0;
    for y in items {
        if y.is(x) || ops::py_eq(y, x)? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

pub fn call_method(it: &mut Interp, obj: &Value, name: &str, mut a: Args) -> PResult<Value> {
    if let Value::Array(_) | Value::NpScalar(_) | Value::Native(_) | Value::DType(_) = obj {
        return match super::np::call_method(it, obj, name, a)? {
            Some(v) => Ok(v),
            None => Err(no_attr(obj, name)),
        };
    }
    match obj {
        Value::Str(s) => {
            let s = s.clone();
            if let Some(r) = super::strings::call_str_method(it, &s, name, a) {
                return r;
            }
            Err(no_attr(obj, name))
        }
        Value::List(l) => match name {
            "append" => {
                a.expect("list.append", 1, 1)?;
                l.borrow_mut().push(a.pos.pop().unwrap_or(Value::None));
                Ok(Value::None)
            }
            "extend" => {
                a.expect("list.extend", 1, 1)?;
                let items = it.collect(&a.pos[0])?;
                l.borrow_mut().extend(items);
                Ok(Value::None)
            }
            "insert" => {
                a.expect("insert", 2, 2)?;
                let i = to_int_arg(&a.pos[0])?;
                let mut v = l.borrow_mut();
                let n = v.len() as i64;
                let j = if i < 0 { (i + n).max(0) } else { i.min(n) };
                v.insert(j as usize, a.pos[1].clone());
                Ok(Value::None)
            }
            "pop" => {
                a.expect("pop", 0, 1)?;
                let mut v = l.borrow_mut();
                if v.is_empty() {
                    return Err(Exc::new(ExcType::IndexError, "pop from empty list"));
                }
                let n = v.len() as i64;
                let i = match a.pos.first() {
                    Some(x) => to_int_arg(x)?,
                    None => -1,
                };
                let j = if i < 0 { i + n } else { i };
                if j < 0 || j >= n {
                    return Err(Exc::new(ExcType::IndexError, "pop index out of range"));
                }
                Ok(v.remove(j as usize))
            }
            "remove" => {
                a.expect("list.remove", 1, 1)?;
                let items = l.borrow().clone();
                for (i, x) in items.iter().enumerate() {
                    if x.is(&a.pos[0]) || ops::py_eq(x, &a.pos[0])? {
                        l.borrow_mut().remove(i);
                        return Ok(Value::None);
                    }
                }
                value_error("list.remove(x): x not in list")
            }
            "index" => {
                let items = l.borrow().clone();
                list_index(it, &items, &a, "list")
            }
            "count" => {
                a.expect("count", 1, 1)?;
                let items = l.borrow().clone();
                count_in(&items, &a.pos[0])
            }
            "sort" => {
                let key = a.take_kw("key").filter(|k| !k.is_none());
                let reverse = a
                    .take_kw("reverse")
                    .map(|v| ops::truthy(&v))
                    .unwrap_or(false);
                a.expect("sort", 0, 0).map_err(|_| {
                    Exc::new(ExcType::TypeError, "sort() takes no positional arguments")
                })?;
                let items = std::mem::take(&mut *l.borrow_mut());
                let sorted = sort_values(it, items.clone(), key, reverse);
                match sorted {
                    Ok(v) => {
                        *l.borrow_mut() = v;
                        Ok(Value::None)
                    }
                    Err(e) => {
                        *l.borrow_mut() = items;
                        Err(e)
                    }
                }
            }
            "reverse" => {
                a.expect("reverse", 0, 0)?;
                l.borrow_mut().reverse();
                Ok(Value::None)
            }
            "copy" => {
                a.expect("copy", 0, 0)?;
                Ok(Value::list(l.borrow().clone()))
            }
            "clear" => {
                a.expect("clear", 0, 0)?;
                l.borrow_mut().clear();
                Ok(Value::None)
            }
            _ => Err(no_attr(obj, name)),
        },
        Value::Tuple(t) => match name {
            "index" => list_index(it, t, &a, "tuple"),
            "count" => {
                a.expect("count", 1, 1)?;
                count_in(t, &a.pos[0])
            }
            _ => Err(no_attr(obj, name)),
        },
        Value::Dict(d) => match name {
            "get" => {
                a.expect("get", 1, 2)?;
                let k = make_key(a.pos[0].clone())?;
                Ok(d.borrow()
                    .get(&k)
                    .cloned()
                    .unwrap_or_else(|| a.pos.get(1).cloned().unwrap_or(Value::None)))
            }
            "keys" => {
                a.expect("keys", 0, 0)?;
                Ok(Value::list(
                    d.borrow().keys().map(|k| k.value.clone()).collect(),
                ))
            }
            "values" => {
                a.expect("values", 0, 0)?;
                Ok(Value::list(d.borrow().values().cloned().collect()))
            }
            "items" => {
                a.expect("items", 0, 0)?;
                Ok(Value::list(
                    d.borrow()
                        .iter()
                        .map(|(k, v)| Value::tuple(vec![k.value.clone(), v.clone()]))
                        .collect(),
                ))
            }
            "pop" => {
                a.expect("pop", 1, 2)?;
                let k = make_key(a.pos[0].clone())?;
                let r = d.borrow_mut().shift_remove(&k);
                match r {
                    Some(v) => Ok(v),
                    None => match a.pos.get(1) {
                        Some(dflt) => Ok(dflt.clone()),
                        None => Err(Exc::with_args(ExcType::KeyError, vec![a.pos[0].clone()])),
                    },
                }
            }
            "popitem" => {
                a.expect("popitem", 0, 0)?;
                match d.borrow_mut().pop() {
                    Some((k, v)) => Ok(Value::tuple(vec![k.value, v])),
                    None => Err(Exc::new(
                        ExcType::KeyError,
                        "popitem(): dictionary is empty",
                    )),
                }
            }
            "update" => {
                let kw = std::mem::take(&mut a.kw);
                a.expect("update", 0, 1)?;
                let mut tmp: Dict = d.borrow().clone();
                if let Some(v) = a.pos.first() {
                    super::types::dict_update(it, &mut tmp, v)?;
                }
                for (k, v) in kw {
                    tmp.insert(make_key(Value::Str(k.into()))?, v);
                }
                *d.borrow_mut() = tmp;
                Ok(Value::None)
            }
            "setdefault" => {
                a.expect("setdefault", 1, 2)?;
                let k = make_key(a.pos[0].clone())?;
                let dflt = a.pos.get(1).cloned().unwrap_or(Value::None);
                Ok(d.borrow_mut().entry(k).or_insert(dflt).clone())
            }
            "copy" => {
                a.expect("copy", 0, 0)?;
                Ok(Value::Dict(Rc::new(std::cell::RefCell::new(
                    d.borrow().clone(),
                ))))
            }
            "clear" => {
                a.expect("clear", 0, 0)?;
                d.borrow_mut().clear();
                Ok(Value::None)
            }
            _ => Err(no_attr(obj, name)),
        },
        Value::Set(d) => set_method(it, obj, d, name, a),
        Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => match name {
            "bit_length" => {
                a.expect("bit_length", 0, 0)?;
                Ok(Value::Int(
                    ops::to_bigint(obj).map(|b| b.bits() as i64).unwrap_or(0),
                ))
            }
            "conjugate" => Ok(obj.clone()),
            "is_integer" => Ok(Value::Bool(true)),
            _ => Err(no_attr(obj, name)),
        },
        Value::Float(x) => match name {
            "is_integer" => {
                a.expect("is_integer", 0, 0)?;
                Ok(Value::Bool(x.is_finite() && x.fract() == 0.0))
            }
            "conjugate" => Ok(obj.clone()),
            "as_integer_ratio" => {
                if !x.is_finite() {
                    return value_error("cannot convert Infinity to integer ratio");
                }
                let (m, e) = ops::frexp(*x);
                let mut num = num_bigint::BigInt::from((m * 9007199254740992.0) as i64);
                let mut den = num_bigint::BigInt::from(1);
                let e = e - 53;
                if e > 0 {
                    num <<= e as u32;
                } else {
                    den <<= (-e) as u32;
                }
                let g = num_integer::Integer::gcd(&num, &den);
                Ok(Value::tuple(vec![
                    ops::int_from_big(num / &g),
                    ops::int_from_big(den / &g),
                ]))
            }
            _ => Err(no_attr(obj, name)),
        },
        Value::Complex(c) => match name {
            "conjugate" => Ok(Value::complex(c.re, -c.im)),
            _ => Err(no_attr(obj, name)),
        },
        Value::Slice(s) => match name {
            "indices" => {
                a.expect("indices", 1, 1)?;
                let n = to_int_arg(&a.pos[0])?;
                let (start, stop, step, _) = crate::eval::expr::slice_indices(s, n)?;
                Ok(Value::tuple(vec![
                    Value::Int(start),
                    Value::Int(stop),
                    Value::Int(step),
                ]))
            }
            _ => Err(no_attr(obj, name)),
        },
        Value::Method(m) => {
            let (recv, mname) = (&m.0, &m.1);
            if name == "__call__" {
                return it.call_method(recv, mname, a);
            }
            Err(no_attr(obj, name))
        }
        Value::Builtin(_) | Value::Func(_) if name == "__call__" => it.call_value(obj, a),
        _ => Err(no_attr(obj, name)),
    }
}

fn set_method(
    it: &mut Interp,
    obj: &Value,
    d: &crate::eval::value::DictRef,
    name: &str,
    a: Args,
) -> PResult<Value> {
    let other_keys = |it: &mut Interp, v: &Value| -> PResult<Dict> {
        let mut o = Dict::new();
        for x in it.collect(v)? {
            o.insert(make_key(x)?, Value::None);
        }
        Ok(o)
    };
    let new_set = |o: Dict| Value::Set(Rc::new(std::cell::RefCell::new(o)));
    match name {
        "add" => {
            a.expect("add", 1, 1)?;
            d.borrow_mut()
                .insert(make_key(a.pos[0].clone())?, Value::None);
            Ok(Value::None)
        }
        "remove" => {
            a.expect("remove", 1, 1)?;
            let k = make_key(a.pos[0].clone())?;
            match d.borrow_mut().shift_remove(&k) {
                Some(_) => Ok(Value::None),
                None => Err(Exc::with_args(ExcType::KeyError, vec![a.pos[0].clone()])),
            }
        }
        "discard" => {
            a.expect("discard", 1, 1)?;
            let k = make_key(a.pos[0].clone())?;
            d.borrow_mut().shift_remove(&k);
            Ok(Value::None)
        }
        "pop" => match d.borrow_mut().shift_remove_index(0) {
            Some((k, _)) => Ok(k.value),
            None => Err(Exc::new(ExcType::KeyError, "pop from an empty set")),
        },
        "clear" => {
            d.borrow_mut().clear();
            Ok(Value::None)
        }
        "copy" => Ok(new_set(d.borrow().clone())),
        "update" => {
            for v in &a.pos {
                let o = other_keys(it, v)?;
                d.borrow_mut().extend(o);
            }
            Ok(Value::None)
        }
        "union" | "intersection" | "difference" | "symmetric_difference" => {
            let mut cur = obj.clone();
            let op = match name {
                "union" => crate::parse::ast::BinOp::BitOr,
                "intersection" => crate::parse::ast::BinOp::BitAnd,
                "difference" => crate::parse::ast::BinOp::Sub,
                _ => crate::parse::ast::BinOp::BitXor,
            };
            for v in &a.pos {
                let o = new_set(other_keys(it, v)?);
                cur = ops::binary(op, &cur, &o)?;
            }
            if a.pos.is_empty() {
                return Ok(new_set(d.borrow().clone()));
            }
            Ok(cur)
        }
        "issubset" | "issuperset" | "isdisjoint" => {
            a.expect(name, 1, 1)?;
            let o = other_keys(it, &a.pos[0])?;
            let me = d.borrow();
            Ok(Value::Bool(match name {
                "issubset" => me.keys().all(|k| o.contains_key(k)),
                "issuperset" => o.keys().all(|k| me.contains_key(k)),
                _ => me.keys().all(|k| !o.contains_key(k)),
            }))
        }
        _ => type_error(format!("'set' object has no attribute '{name}'")),
    }
}
