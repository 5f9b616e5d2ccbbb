//! Python's built-in functions (`print`, `len`, `sorted`, ...).

use crate::eval::Interp;
use crate::eval::exceptions::{Exc, ExcType, PResult, raise, type_error, value_error};
use crate::eval::ops::{self, to_bigint};
use crate::eval::value::{Args, Builtin, IterObj, Value};
use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive, Zero};
use std::cell::RefCell;
use std::io::Write;
use std::rc::Rc;

/// A float argument (int, bool or float), as `math` functions accept.
pub fn to_float_arg(v: &Value, _fname: &str) -> PResult<f64> {
    match ops::to_f64(v)? {
        Some(f) => Ok(f),
        None => type_error(format!("must be real number, not {}", v.type_name())),
    }
}

/// An int argument (int or bool).
pub fn to_int_arg(v: &Value) -> PResult<i64> {
    match v {
        Value::Int(i) => Ok(*i),
        Value::Bool(b) => Ok(*b as i64),
        Value::BigInt(_) => raise(
            ExcType::OverflowError,
            "Python int too large to convert to C ssize_t",
        ),
        _ => type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            v.type_name()
        )),
    }
}

fn print(it: &mut Interp, mut a: Args) -> PResult<Value> {
    let sep = match a.take_kw("sep") {
        None | Some(Value::None) => " ".to_string(),
        Some(Value::Str(s)) => s.to_string(),
        Some(v) => {
            return type_error(format!(
                "sep must be None or a string, not {}",
                v.type_name()
            ));
        }
    };
    let end = match a.take_kw("end") {
        None | Some(Value::None) => "\n".to_string(),
        Some(Value::Str(s)) => s.to_string(),
        Some(v) => {
            return type_error(format!(
                "end must be None or a string, not {}",
                v.type_name()
            ));
        }
    };
    let flush = a.take_kw("flush").map(|v| ops::truthy(&v)).unwrap_or(false);
    a.take_kw("file");
    a.no_more_kw("print")?;
    let mut s = String::new();
    for (i, v) in a.pos.iter().enumerate() {
        if i > 0 {
            s.push_str(&sep);
        }
        s.push_str(&it.to_str(v)?);
    }
    s.push_str(&end);
    let _ = it.out.write_all(s.as_bytes());
    if flush {
        it.flush();
    }
    Ok(Value::None)
}

pub fn len_of(it: &mut Interp, v: &Value) -> PResult<usize> {
    Ok(match v {
        Value::Str(s) => {
            if s.is_ascii() {
                s.len()
            } else {
                s.chars().count()
            }
        }
        Value::List(l) => l.borrow().len(),
        Value::Tuple(t) => t.len(),
        Value::Dict(d) | Value::Set(d) => d.borrow().len(),
        Value::Range(r) => r.len() as usize,
        Value::Array(a) => super::np::attrs::len(a)?,
        Value::Native(n) => match n.0.call_method(it, v, "__len__", Args::new(vec![]))? {
            Some(Value::Int(k)) if k >= 0 => k as usize,
            _ => return type_error(format!("object of type '{}' has no len()", v.type_name())),
        },
        _ => return type_error(format!("object of type '{}' has no len()", v.type_name())),
    })
}

fn len(it: &mut Interp, a: Args) -> PResult<Value> {
    a.expect("len", 1, 1)?;
    Ok(Value::Int(len_of(it, &a.pos[0])? as i64))
}

fn repr(it: &mut Interp, a: Args) -> PResult<Value> {
    a.expect("repr", 1, 1)?;
    Ok(Value::str(&it.repr(&a.pos[0])?))
}

fn abs(_: &mut Interp, a: Args) -> PResult<Value> {
    a.expect("abs", 1, 1)?;
    Ok(match &a.pos[0] {
        Value::Int(i) => match i.checked_abs() {
            Some(v) => Value::Int(v),
            None => ops::int_from_big(BigInt::from(*i).abs()),
        },
        Value::Bool(b) => Value::Int(*b as i64),
        Value::BigInt(b) => ops::int_from_big(b.abs()),
        Value::Float(f) => Value::Float(f.abs()),
        Value::Complex(c) => Value::Float(c.re.hypot(c.im)),
        v @ (Value::Array(_) | Value::NpScalar(_)) => {
            let k = Some(crate::kernels::unary::UnKind::Abs);
            match super::np::arith::unary_op(k, "absolute", v)? {
                Some(r) => r,
                None => return type_error("bad operand type for abs()"),
            }
        }
        v => return type_error(format!("bad operand type for abs(): '{}'", v.type_name())),
    })
}

/// Python's `round(x, ndigits)` for floats: correctly rounded via decimal formatting.
fn round_float(x: f64, nd: i64) -> f64 {
    if !x.is_finite() || nd > 320 {
        return x;
    }
    if nd < -310 {
        return 0.0 * x;
    }
    if nd >= 0 {
        let s = format!("{:.*}", nd as usize, x);
        s.parse().unwrap_or(x)
    } else {
        let p = 10f64.powi((-nd) as i32);
        let y = x / p;
        let r = y.round();
        let r = if (y - y.trunc()).abs() == 0.5 {
            2.0 * (y / 2.0).round()
        } else {
            r
        };
        r * p
    }
}

fn round(_: &mut Interp, mut a: Args) -> PResult<Value> {
    let nd = a.take_kw("ndigits");
    a.expect("round", 1, 2)?;
    let nd = match a.pos.get(1).cloned().or(nd) {
        Some(v) => {
            if v.is_none() {
                None
            } else {
                Some(to_int_arg(&v)?)
            }
        }
        None => None,
    };
    match (&a.pos[0], nd) {
        (Value::Float(x), None) => {
            let r = x.round();
            let r = if (x - x.trunc()).abs() == 0.5 {
                2.0 * (x / 2.0).round()
            } else {
                r
            };
            // NaN and infinities raise here.
            super::math::float_to_pyint(r)
        }
        (Value::Float(x), Some(n)) => Ok(Value::Float(round_float(*x, n))),
        (Value::Int(_) | Value::Bool(_) | Value::BigInt(_), None) => {
            Ok(ops::int_from_big(to_bigint(&a.pos[0]).unwrap_or_default()))
        }
        (v @ (Value::Int(_) | Value::Bool(_) | Value::BigInt(_)), Some(n)) => {
            if n >= 0 {
                return Ok(ops::int_from_big(to_bigint(v).unwrap_or_default()));
            }
            let b = to_bigint(v).unwrap_or_default();
            let p = num_traits::pow(BigInt::from(10), (-n) as usize);
            let (q, r) = num_integer::Integer::div_mod_floor(&b, &p);
            let twice = &r * 2;
            let q = if twice > p || (twice == p && num_integer::Integer::is_odd(&q)) {
                q + 1
            } else {
                q
            };
            Ok(ops::int_from_big(q * p))
        }
        // NumPy scalars: a Python int without ndigits, else a scalar of the same type.
        (v @ Value::NpScalar(sc), nd)
            if !sc.dtype().is_complex() && sc.dtype() != crate::array::DType::Bool =>
        {
            let r = crate::library::np::ufunc::round_value(v, nd.unwrap_or(0))?;
            match (nd, &r) {
                (None, Value::NpScalar(x)) if x.dtype().is_inexact() => {
                    super::math::float_to_pyint(x.to_f64())
                }
                (None, Value::NpScalar(x)) => Ok(crate::library::np::convert::python_scalar(**x)),
                _ => Ok(r),
            }
        }
        (v, _) => type_error(format!(
            "type {}{} doesn't define __round__ method",
            if matches!(v, Value::NpScalar(_)) {
                "numpy."
            } else {
                ""
            },
            v.type_name()
        )),
    }
}

fn min_max(it: &mut Interp, mut a: Args, is_max: bool) -> PResult<Value> {
    let name = if is_max { "max" } else { "min" };
    let key = a.take_kw("key").filter(|k| !k.is_none());
    let default = a.take_kw("default");
    a.no_more_kw(name)?;
    let items = match a.pos.len() {
        0 => return type_error(format!("{name} expected at least 1 argument, got 0")),
        1 => it.collect(&a.pos[0])?,
        _ => {
            if default.is_some() {
                return type_error(format!(
                    "Cannot specify a default for {name}() with multiple positional arguments"
                ));
            }
            a.pos
        }
    };
    if items.is_empty() {
        return match default {
            Some(d) => Ok(d),
            None => value_error(format!("{name}() arg is an empty sequence")),
        };
    }
    let mut best: Option<(Value, Value)> = None;
    for x in items {
        let k = match &key {
            Some(f) => it.call_value(f, Args::new(vec![x.clone()]))?,
            None => x.clone(),
        };
        best = match best {
            None => Some((x, k)),
            Some((bx, bk)) => {
                let op = if is_max {
                    crate::parse::ast::CmpOp::Gt
                } else {
                    crate::parse::ast::CmpOp::Lt
                };
                let better = it.compare(op, &k, &bk)?;
                if it.truthy(&better)? {
                    Some((x, k))
                } else {
                    Some((bx, bk))
                }
            }
        };
    }
    Ok(best.map(|b| b.0).unwrap_or(Value::None))
}

fn max(it: &mut Interp, a: Args) -> PResult<Value> {
    min_max(it, a, true)
}
fn min(it: &mut Interp, a: Args) -> PResult<Value> {
    min_max(it, a, false)
}

fn sum(it: &mut Interp, mut a: Args) -> PResult<Value> {
    let start = a.take_kw("start");
    a.expect("sum", 1, 2)?;
    let mut acc = a.pos.get(1).cloned().or(start).unwrap_or(Value::Int(0));
    if let Value::Str(_) = acc {
        return type_error("sum() can't sum strings [use ''.join(seq) instead]");
    }
    // Fast path: a list or tuple of ints (and then floats), as CPython's sum.
    if let Value::List(_) | Value::Tuple(_) = &a.pos[0] {
        let list_ref;
        let items: &[Value] = match &a.pos[0] {
            Value::List(l) => {
                list_ref = l.borrow();
                &list_ref
            }
            Value::Tuple(t) => t,
            _ => unreachable!(),
        };
        let mut i = 0;
        if let Value::Int(mut s) = acc {
            while i < items.len() {
                match &items[i] {
                    Value::Int(x) => match s.checked_add(*x) {
                        Some(t) => s = t,
                        None => break,
                    },
                    _ => break,
                }
                i += 1;
            }
            acc = Value::Int(s);
        }
        for x in &items[i..] {
            acc = it.binop(crate::parse::ast::BinOp::Add, &acc, x)?;
        }
        return Ok(acc);
    }
    let mut iter = it.iterate(&a.pos[0])?;
    while let Some(x) = iter.next(it)? {
        acc = match (&acc, &x) {
            (Value::Int(p), Value::Int(q)) => match p.checked_add(*q) {
                Some(s) => Value::Int(s),
                None => it.binop(crate::parse::ast::BinOp::Add, &acc, &x)?,
            },
            (Value::Float(p), Value::Float(q)) => Value::Float(p + q),
            _ => it.binop(crate::parse::ast::BinOp::Add, &acc, &x)?,
        };
    }
    Ok(acc)
}

fn any(it: &mut Interp, a: Args) -> PResult<Value> {
    a.expect("any", 1, 1)?;
    let mut iter = it.iterate(&a.pos[0])?;
    while let Some(x) = iter.next(it)? {
        if it.truthy(&x)? {
            return Ok(Value::Bool(true));
        }
    }
    Ok(Value::Bool(false))
}

fn all(it: &mut Interp, a: Args) -> PResult<Value> {
    a.expect("all", 1, 1)?;
    let mut iter = it.iterate(&a.pos[0])?;
    while let Some(x) = iter.next(it)? {
        if !it.truthy(&x)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}

/// Stable sort with Python's `<`, an optional key function and `reverse`.
pub fn sort_values(
    it: &mut Interp,
    items: Vec<Value>,
    key: Option<Value>,
    reverse: bool,
) -> PResult<Vec<Value>> {
    let keys: Vec<Value> = match &key {
        Some(f) => {
            let mut ks = Vec::with_capacity(items.len());
            for x in &items {
                ks.push(it.call_value(f, Args::new(vec![x.clone()]))?);
            }
            ks
        }
        None => items.clone(),
    };
    let mut idx: Vec<usize> = (0..items.len()).collect();
    let mut err: Option<Box<Exc>> = None;
    // Fast paths: all ints or all floats.
    if keys.iter().all(|k| matches!(k, Value::Int(_))) {
        let ik: Vec<i64> = keys
            .iter()
            .map(|k| if let Value::Int(i) = k { *i } else { 0 })
            .collect();
        if reverse {
            idx.sort_by(|&a, &b| ik[b].cmp(&ik[a]));
        } else {
            idx.sort_by(|&a, &b| ik[a].cmp(&ik[b]));
        }
    } else {
        idx.sort_by(|&a, &b| {
            if err.is_some() {
                return std::cmp::Ordering::Equal;
            }
            let (x, y) = if reverse {
                (&keys[b], &keys[a])
            } else {
                (&keys[a], &keys[b])
            };
            match ops::py_order(crate::parse::ast::CmpOp::Lt, x, y) {
                Ok(true) => std::cmp::Ordering::Less,
                Ok(false) => match ops::py_order(crate::parse::ast::CmpOp::Lt, y, x) {
                    Ok(true) => std::cmp::Ordering::Greater,
                    Ok(false) => std::cmp::Ordering::Equal,
                    Err(e) => {
                        err = Some(e);
                        std::cmp::Ordering::Equal
                    }
                },
                Err(e) => {
                    err = Some(e);
                    std::cmp::Ordering::Equal
                }
            }
        });
    }
    if let Some(e) = err {
        return Err(e);
    }
    let mut items: Vec<Option<Value>> = items.into_iter().map(Some).collect();
    Ok(idx
        .into_iter()
        .map(|i| items[i].take().unwrap_or(Value::None))
        .collect())
}

fn sorted(it: &mut Interp, mut a: Args) -> PResult<Value> {
    let key = a.take_kw("key").filter(|k| !k.is_none());
    let reverse = a
        .take_kw("reverse")
        .map(|v| ops::truthy(&v))
        .unwrap_or(false);
    a.no_more_kw("sort")?;
    if a.pos.len() != 1 {
        return type_error(format!("sorted expected 1 argument, got {}", a.pos.len()));
    }
    let items = it.collect(&a.pos[0])?;
    Ok(Value::list(sort_values(it, items, key, reverse)?))
}

fn reversed(it: &mut Interp, a: Args) -> PResult<Value> {
    a.expect("reversed", 1, 1)?;
    let items: Rc<Vec<Value>> = match &a.pos[0] {
        Value::List(l) => Rc::new(l.borrow().clone()),
        Value::Tuple(t) => t.clone(),
        Value::Range(_) | Value::Str(_) => Rc::new(it.collect(&a.pos[0])?),
        v => return type_error(format!("'{}' object is not reversible", v.type_name())),
    };
    let n = items.len();
    Ok(Value::Iter(Rc::new(RefCell::new(IterObj::Seq(
        crate::eval::value::SeqIter::Rev(items, n),
    )))))
}

fn enumerate(it: &mut Interp, mut a: Args) -> PResult<Value> {
    let start = a.take_kw("start");
    a.expect("enumerate", 1, 2)?;
    let start = match a.pos.get(1).or(start.as_ref()) {
        Some(v) => to_int_arg(v)?,
        None => 0,
    };
    let inner = it.iter_obj(&a.pos[0])?;
    Ok(Value::Iter(Rc::new(RefCell::new(IterObj::Enumerate(
        Box::new(inner),
        start,
    )))))
}

fn zip(it: &mut Interp, mut a: Args) -> PResult<Value> {
    a.take_kw("strict");
    a.no_more_kw("zip")?;
    let mut inners = Vec::new();
    for v in a.pos.iter() {
        match it.iter_obj(v) {
            Ok(o) => inners.push(o),
            Err(_) => {
                return type_error(format!("'{}' object is not iterable", v.type_name()));
            }
        }
    }
    Ok(Value::Iter(Rc::new(RefCell::new(IterObj::Zip(inners)))))
}

fn map(it: &mut Interp, a: Args) -> PResult<Value> {
    a.no_more_kw("map")?;
    if a.pos.len() < 2 {
        return type_error("map() must have at least two arguments.");
    }
    let mut inners = Vec::new();
    for v in &a.pos[1..] {
        inners.push(it.iter_obj(v)?);
    }
    Ok(Value::Iter(Rc::new(RefCell::new(IterObj::Map(
        a.pos[0].clone(),
        inners,
    )))))
}

fn filter(it: &mut Interp, a: Args) -> PResult<Value> {
    a.expect("filter", 2, 2)?;
    let inner = it.iter_obj(&a.pos[1])?;
    Ok(Value::Iter(Rc::new(RefCell::new(IterObj::Filter(
        a.pos[0].clone(),
        Box::new(inner),
    )))))
}

fn iter(it: &mut Interp, a: Args) -> PResult<Value> {
    a.expect("iter", 1, 1)?;
    it.make_iter(&a.pos[0])
}

fn next(it: &mut Interp, a: Args) -> PResult<Value> {
    a.expect("next", 1, 2)?;
    match it.next_of(&a.pos[0])? {
        Some(v) => Ok(v),
        None => match a.pos.get(1) {
            Some(d) => Ok(d.clone()),
            None => Err(Exc::with_args(ExcType::StopIteration, vec![])),
        },
    }
}

fn class_matches(v: &Value, cls: &Value, fname: &str) -> PResult<bool> {
    match cls {
        Value::Type(t) => Ok(v.type_obj().is_subclass(*t)),
        Value::Tuple(items) => {
            for c in items.iter() {
                if class_matches(v, c, fname)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        _ => type_error(format!(
            "{fname}() arg 2 must be a type, a tuple of types, or a union"
        )),
    }
}

fn isinstance(_: &mut Interp, a: Args) -> PResult<Value> {
    a.expect("isinstance", 2, 2)?;
    Ok(Value::Bool(class_matches(
        &a.pos[0],
        &a.pos[1],
        "isinstance",
    )?))
}

fn issubclass(_: &mut Interp, a: Args) -> PResult<Value> {
    a.expect("issubclass", 2, 2)?;
    let Value::Type(t) = &a.pos[0] else {
        return type_error("issubclass() arg 1 must be a class");
    };
    let probe = |c: &Value| -> PResult<bool> {
        match c {
            Value::Type(u) => Ok(t.is_subclass(*u)),
            _ => type_error("issubclass() arg 2 must be a class, a tuple of classes, or a union"),
        }
    };
    match &a.pos[1] {
        Value::Tuple(items) => {
            for c in items.iter() {
                if probe(c)? {
                    return Ok(Value::Bool(true));
                }
            }
            Ok(Value::Bool(false))
        }
        c => Ok(Value::Bool(probe(c)?)),
    }
}

fn help(it: &mut Interp, a: Args) -> PResult<Value> {
    a.expect("help", 0, 1)?;
    let text = match a.pos.first() {
        None => "Type help(object) for help about object.".to_string(),
        Some(Value::Builtin(b)) => format!("{}\n    {}", b.sig, b.doc),
        Some(Value::Func(f)) => {
            let params: Vec<String> = f.def.params.iter().map(|p| p.name.to_string()).collect();
            format!("{}({})", f.def.qualname, params.join(", "))
        }
        Some(Value::Type(t)) => format!("class {}", t.name()),
        Some(Value::Module(m)) => {
            let names: Vec<String> = m.attrs.borrow().keys().map(|k| k.to_string()).collect();
            format!("module {}\n\n    {}", m.name, names.join(" "))
        }
        Some(v) => format!("{} object", v.type_name()),
    };
    let _ = writeln!(it.out, "{text}");
    Ok(Value::None)
}

fn dir(it: &mut Interp, a: Args) -> PResult<Value> {
    a.expect("dir", 0, 1)?;
    let mut names: Vec<String> = match a.pos.first() {
        None => it
            .global_names
            .names
            .iter()
            .zip(it.globals.iter())
            .filter(|(_, v)| !matches!(v, Value::Undef))
            .map(|(n, _)| n.to_string())
            .collect(),
        Some(Value::Module(m)) => m.attrs.borrow().keys().map(|k| k.to_string()).collect(),
        Some(v) => super::methods::method_names(v)
            .iter()
            .map(|s| s.to_string())
            .collect(),
    };
    names.sort();
    Ok(Value::list(
        names.into_iter().map(|n| Value::str(&n)).collect(),
    ))
}

fn divmod(it: &mut Interp, a: Args) -> PResult<Value> {
    a.expect("divmod", 2, 2)?;
    let q = it.binop(crate::parse::ast::BinOp::FloorDiv, &a.pos[0], &a.pos[1])?;
    let r = it.binop(crate::parse::ast::BinOp::Mod, &a.pos[0], &a.pos[1])?;
    Ok(Value::tuple(vec![q, r]))
}

fn pow(it: &mut Interp, mut a: Args) -> PResult<Value> {
    let m = a.take_kw("mod");
    if let Some(e) = a.take_kw("exp") {
        a.pos.push(e);
    }
    a.expect("pow", 2, 3)?;
    let m = a.pos.get(2).cloned().or(m).filter(|m| !m.is_none());
    match m {
        None => it.binop(crate::parse::ast::BinOp::Pow, &a.pos[0], &a.pos[1]),
        Some(m) => {
            let (Some(b), Some(e), Some(md)) =
                (to_bigint(&a.pos[0]), to_bigint(&a.pos[1]), to_bigint(&m))
            else {
                return type_error(
                    "pow() 3rd argument not allowed unless all arguments are integers",
                );
            };
            if md.is_zero() {
                return value_error("pow() 3rd argument cannot be 0");
            }
            let r = if e.is_negative() {
                // Modular inverse.
                let inv = mod_inverse(&b, &md).ok_or_else(|| {
                    Exc::new(
                        ExcType::ValueError,
                        "base is not invertible for the given modulus",
                    )
                })?;
                inv.modpow(&(-e), &md.abs())
            } else {
                b.modpow(&e, &md.abs())
            };
            let r = if md.is_negative() && !r.is_zero() {
                r + &md
            } else {
                r
            };
            Ok(ops::int_from_big(r))
        }
    }
}

fn mod_inverse(a: &BigInt, m: &BigInt) -> Option<BigInt> {
    let m = m.abs();
    let e = num_integer::Integer::extended_gcd(&((a % &m + &m) % &m), &m);
    if e.gcd != BigInt::from(1) {
        return None;
    }
    Some(((e.x % &m) + &m) % &m)
}

fn hash(_: &mut Interp, a: Args) -> PResult<Value> {
    a.expect("hash", 1, 1)?;
    Ok(Value::Int(ops::py_hash(&a.pos[0])?))
}

fn id(_: &mut Interp, a: Args) -> PResult<Value> {
    a.expect("id", 1, 1)?;
    Ok(Value::Int(a.pos[0].id()))
}

fn input(it: &mut Interp, a: Args) -> PResult<Value> {
    a.expect("input", 0, 1)?;
    if let Some(p) = a.pos.first() {
        let s = it.to_str(p)?;
        let _ = it.out.write_all(s.as_bytes());
    }
    it.flush();
    let mut line = String::new();
    match std::io::stdin().read_line(&mut line) {
        Ok(0) => Err(Exc::new(ExcType::EOFError, "EOF when reading a line")),
        Ok(_) => Ok(Value::str(line.trim_end_matches(['\n', '\r']))),
        Err(e) => Err(Exc::new(ExcType::OSError, e.to_string())),
    }
}

fn chr_(_: &mut Interp, a: Args) -> PResult<Value> {
    a.expect("chr", 1, 1)?;
    let i = to_int_arg(&a.pos[0])?;
    match u32::try_from(i).ok().and_then(char::from_u32) {
        Some(c) => Ok(Value::str(&c.to_string())),
        None => value_error("chr() arg not in range(0x110000)"),
    }
}

fn ord(_: &mut Interp, a: Args) -> PResult<Value> {
    a.expect("ord", 1, 1)?;
    match &a.pos[0] {
        Value::Str(s) => {
            let mut cs = s.chars();
            match (cs.next(), cs.next()) {
                (Some(c), None) => Ok(Value::Int(c as i64)),
                _ => type_error(format!(
                    "ord() expected a character, but string of length {} found",
                    s.chars().count()
                )),
            }
        }
        v => type_error(format!(
            "ord() expected string of length 1, but {} found",
            v.type_name()
        )),
    }
}

fn radix(a: &Args, name: &str, prefix: &str, r: u32) -> PResult<Value> {
    a.expect(name, 1, 1)?;
    let Some(b) = to_bigint(&a.pos[0]) else {
        return type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            a.pos[0].type_name()
        ));
    };
    let digits = b.abs().to_str_radix(r);
    let sign = if b.is_negative() { "-" } else { "" };
    Ok(Value::str(&format!("{sign}{prefix}{digits}")))
}

fn hex(_: &mut Interp, a: Args) -> PResult<Value> {
    radix(&a, "hex", "0x", 16)
}
fn oct(_: &mut Interp, a: Args) -> PResult<Value> {
    radix(&a, "oct", "0o", 8)
}
fn bin(_: &mut Interp, a: Args) -> PResult<Value> {
    radix(&a, "bin", "0b", 2)
}

fn format(it: &mut Interp, a: Args) -> PResult<Value> {
    a.expect("format", 1, 2)?;
    let spec = match a.pos.get(1) {
        Some(Value::Str(s)) => s.to_string(),
        Some(v) => {
            return type_error(format!(
                "format() argument 2 must be str, not {}",
                v.type_name()
            ));
        }
        None => String::new(),
    };
    Ok(Value::str(&it.format_value(&a.pos[0], &spec)?))
}

fn callable(_: &mut Interp, a: Args) -> PResult<Value> {
    a.expect("callable", 1, 1)?;
    Ok(Value::Bool(matches!(
        a.pos[0],
        Value::Func(_) | Value::Builtin(_) | Value::Type(_) | Value::Method(_)
    )))
}

fn getattr(it: &mut Interp, a: Args) -> PResult<Value> {
    a.expect("getattr", 2, 3)?;
    let Value::Str(name) = &a.pos[1] else {
        return type_error("attribute name must be string");
    };
    match it.get_attr(&a.pos[0], name) {
        Ok(v) => Ok(v),
        Err(e) if e.ty() == ExcType::AttributeError && a.pos.len() == 3 => Ok(a.pos[2].clone()),
        Err(e) => Err(e),
    }
}

fn hasattr(it: &mut Interp, a: Args) -> PResult<Value> {
    a.expect("hasattr", 2, 2)?;
    let Value::Str(name) = &a.pos[1] else {
        return type_error("attribute name must be string");
    };
    match it.get_attr(&a.pos[0], name) {
        Ok(_) => Ok(Value::Bool(true)),
        Err(e) if e.ty() == ExcType::AttributeError => Ok(Value::Bool(false)),
        Err(e) => Err(e),
    }
}

fn setattr(it: &mut Interp, a: Args) -> PResult<Value> {
    a.expect("setattr", 3, 3)?;
    let Value::Str(name) = &a.pos[1] else {
        return type_error("attribute name must be string");
    };
    it.set_attr(&a.pos[0], name, a.pos[2].clone())?;
    Ok(Value::None)
}

fn exit(_: &mut Interp, a: Args) -> PResult<Value> {
    Err(Exc::with_args(ExcType::SystemExit, a.pos))
}

fn globals(it: &mut Interp, a: Args) -> PResult<Value> {
    a.expect("globals", 0, 0)?;
    let mut d = crate::eval::value::Dict::new();
    for (n, v) in it.global_names.names.iter().zip(it.globals.iter()) {
        if !matches!(v, Value::Undef) {
            d.insert(ops::make_key(Value::Str(n.into()))?, v.clone());
        }
    }
    Ok(Value::Dict(Rc::new(RefCell::new(d))))
}

macro_rules! builtin {
    ($name:literal, $sig:literal, $doc:literal, $f:expr) => {
        Builtin {
            name: $name,
            module: "builtins",
            sig: $sig,
            doc: $doc,
            f: $f,
        }
    };
}

pub static BUILTINS: &[Builtin] = &[
    builtin!(
        "print",
        "print(*values, sep=' ', end='\\n', flush=False)",
        "Print the values to standard output.",
        print
    ),
    builtin!("len", "len(obj)", "Number of items in a container.", len),
    builtin!(
        "repr",
        "repr(obj)",
        "The canonical string representation of an object.",
        repr
    ),
    builtin!("abs", "abs(x)", "Absolute value of a number.", abs),
    builtin!(
        "round",
        "round(number, ndigits=None)",
        "Round a number to ndigits decimals (ties to even).",
        round
    ),
    builtin!(
        "min",
        "min(iterable, *, key=None, default=...) / min(a, b, ...)",
        "The smallest item.",
        min
    ),
    builtin!(
        "max",
        "max(iterable, *, key=None, default=...) / max(a, b, ...)",
        "The largest item.",
        max
    ),
    builtin!(
        "sum",
        "sum(iterable, start=0)",
        "Sum of a start value and the items of an iterable.",
        sum
    ),
    builtin!("any", "any(iterable)", "True if any item is true.", any),
    builtin!("all", "all(iterable)", "True if every item is true.", all),
    builtin!(
        "sorted",
        "sorted(iterable, *, key=None, reverse=False)",
        "A new sorted list.",
        sorted
    ),
    builtin!(
        "reversed",
        "reversed(sequence)",
        "An iterator over the items in reverse order.",
        reversed
    ),
    builtin!(
        "enumerate",
        "enumerate(iterable, start=0)",
        "An iterator of (index, item) pairs.",
        enumerate
    ),
    builtin!(
        "zip",
        "zip(*iterables)",
        "An iterator of tuples taking one item from each iterable.",
        zip
    ),
    builtin!(
        "map",
        "map(func, *iterables)",
        "An iterator applying func to the items.",
        map
    ),
    builtin!(
        "filter",
        "filter(func, iterable)",
        "An iterator of the items for which func is true.",
        filter
    ),
    builtin!(
        "iter",
        "iter(iterable)",
        "An iterator over the items.",
        iter
    ),
    builtin!(
        "next",
        "next(iterator, default=...)",
        "The next item of an iterator.",
        next
    ),
    builtin!(
        "isinstance",
        "isinstance(obj, class_or_tuple)",
        "Whether obj is an instance of the class(es).",
        isinstance
    ),
    builtin!(
        "issubclass",
        "issubclass(cls, class_or_tuple)",
        "Whether cls derives from the class(es).",
        issubclass
    ),
    builtin!(
        "help",
        "help(obj)",
        "Show the signature and description of an object.",
        help
    ),
    builtin!(
        "dir",
        "dir(obj=None)",
        "Names in scope, or the attributes of an object.",
        dir
    ),
    builtin!(
        "divmod",
        "divmod(a, b)",
        "The pair (a // b, a % b).",
        divmod
    ),
    builtin!(
        "pow",
        "pow(base, exp, mod=None)",
        "base ** exp, or (base ** exp) % mod computed efficiently.",
        pow
    ),
    builtin!("hash", "hash(obj)", "The hash value of an object.", hash),
    builtin!("id", "id(obj)", "The identity of an object.", id),
    builtin!(
        "input",
        "input(prompt='')",
        "Read a line from standard input.",
        input
    ),
    builtin!(
        "chr",
        "chr(i)",
        "The character with Unicode code point i.",
        chr_
    ),
    builtin!(
        "ord",
        "ord(c)",
        "The Unicode code point of a one-character string.",
        ord
    ),
    builtin!(
        "hex",
        "hex(number)",
        "Hexadecimal representation of an int.",
        hex
    ),
    builtin!("oct", "oct(number)", "Octal representation of an int.", oct),
    builtin!(
        "bin",
        "bin(number)",
        "Binary representation of an int.",
        bin
    ),
    builtin!(
        "format",
        "format(value, format_spec='')",
        "Format a value with the format-spec mini-language.",
        format
    ),
    builtin!(
        "callable",
        "callable(obj)",
        "Whether obj can be called.",
        callable
    ),
    builtin!(
        "getattr",
        "getattr(obj, name, default=...)",
        "The attribute `name` of obj.",
        getattr
    ),
    builtin!(
        "hasattr",
        "hasattr(obj, name)",
        "Whether obj has the attribute `name`.",
        hasattr
    ),
    builtin!(
        "setattr",
        "setattr(obj, name, value)",
        "Set the attribute `name` of obj.",
        setattr
    ),
    builtin!("exit", "exit(code=None)", "Leave numpyx.", exit),
    builtin!("quit", "quit(code=None)", "Leave numpyx.", exit),
    builtin!(
        "globals",
        "globals()",
        "A dict of the global variables.",
        globals
    ),
];

#[allow(dead_code)]
fn _unused(_: f64) -> Option<i64> {
    0.5f64.to_i64()
}
