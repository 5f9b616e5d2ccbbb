//! Python's operators on built-in values: arithmetic with arbitrary-precision ints,
//! comparisons, equality, hashing, truthiness and membership.

use super::exceptions::{ExcType, PResult, raise, type_error};
use super::value::{Key, Value};
use crate::parse::ast::{BinOp, CmpOp};
use crate::text::RcStr;
use num_bigint::BigInt;
use num_complex::Complex64;
use num_integer::Integer;
use num_traits::{Pow, Signed, ToPrimitive, Zero};
use std::cmp::Ordering;
use std::rc::Rc;

/// Wraps a BigInt back into the small-int fast path when it fits.
pub fn int_from_big(b: BigInt) -> Value {
    match b.to_i64() {
        Some(v) => Value::Int(v),
        None => Value::BigInt(Rc::new(b)),
    }
}

/// The value as an arbitrary-precision int, if it is an int or bool.
pub fn to_bigint(v: &Value) -> Option<BigInt> {
    match v {
        Value::Int(i) => Some(BigInt::from(*i)),
        Value::Bool(b) => Some(BigInt::from(*b as i64)),
        Value::BigInt(b) => Some((**b).clone()),
        _ => None,
    }
}

pub fn big_to_f64(b: &BigInt) -> PResult<f64> {
    match b.to_f64() {
        Some(f) if f.is_finite() => Ok(f),
        _ => raise(ExcType::OverflowError, "int too large to convert to float"),
    }
}

/// int/bool/float as f64 (for mixed arithmetic).
pub fn to_f64(v: &Value) -> PResult<Option<f64>> {
    Ok(match v {
        Value::Int(i) => Some(*i as f64),
        Value::Bool(b) => Some(*b as i64 as f64),
        Value::Float(f) => Some(*f),
        Value::BigInt(b) => Some(big_to_f64(b)?),
        _ => None,
    })
}

fn to_complex(v: &Value) -> PResult<Option<Complex64>> {
    Ok(match v {
        Value::Complex(c) => Some(**c),
        other => to_f64(other)?.map(|f| Complex64::new(f, 0.0)),
    })
}

fn is_intlike(v: &Value) -> bool {
    matches!(v, Value::Int(_) | Value::Bool(_) | Value::BigInt(_))
}

pub fn unsupported(op: &str, a: &Value, b: &Value) -> Box<super::exceptions::Exc> {
    super::exceptions::Exc::new(
        ExcType::TypeError,
        format!(
            "unsupported operand type(s) for {op}: '{}' and '{}'",
            a.type_name(),
            b.type_name()
        ),
    )
}

/// `a op b` for built-in values (arrays are dispatched before this is reached).
pub fn binary(op: BinOp, a: &Value, b: &Value) -> PResult<Value> {
    // Fast paths first.
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => return int_op(op, *x, *y),
        (Value::Float(x), Value::Float(y)) => return float_op(op, *x, *y),
        (Value::Float(x), Value::Int(y))
            if !matches!(
                op,
                BinOp::LShift
                    | BinOp::RShift
                    | BinOp::BitAnd
                    | BinOp::BitOr
                    | BinOp::BitXor
                    | BinOp::MatMul
            ) =>
        {
            return float_op(op, *x, *y as f64);
        }
        (Value::Int(x), Value::Float(y))
            if !matches!(
                op,
                BinOp::LShift
                    | BinOp::RShift
                    | BinOp::BitAnd
                    | BinOp::BitOr
                    | BinOp::BitXor
                    | BinOp::MatMul
            ) =>
        {
            return float_op(op, *x as f64, *y);
        }
        _ => {}
    }
    if let Some(r) = crate::library::np::arith::binary_op(op, a, b)? {
        return Ok(r);
    }
    if is_intlike(a) && is_intlike(b) {
        if let (Value::Bool(x), Value::Bool(y)) = (a, b) {
            match op {
                BinOp::BitAnd => return Ok(Value::Bool(*x & *y)),
                BinOp::BitOr => return Ok(Value::Bool(*x | *y)),
                BinOp::BitXor => return Ok(Value::Bool(*x ^ *y)),
                _ => {}
            }
        }
        let small = |v: &Value| match v {
            Value::Int(i) => Some(*i),
            Value::Bool(b) => Some(*b as i64),
            _ => None,
        };
        if let (Some(x), Some(y)) = (small(a), small(b)) {
            return int_op(op, x, y);
        }
        let (x, y) = (
            to_bigint(a).unwrap_or_default(),
            to_bigint(b).unwrap_or_default(),
        );
        return big_op(op, &x, &y);
    }
    match (a, b) {
        (Value::Str(x), Value::Str(y)) if op == BinOp::Add => {
            let mut s = String::with_capacity(x.len() + y.len());
            s.push_str(x);
            s.push_str(y);
            return Ok(Value::Str(RcStr::from(s)));
        }
        (Value::Str(s), n) | (n, Value::Str(s)) if op == BinOp::Mul && is_intlike(n) => {
            let k = repeat_count(n)?;
            return Ok(Value::Str(RcStr::from(s.repeat(k))));
        }
        (Value::List(x), Value::List(y)) if op == BinOp::Add => {
            let mut v = x.borrow().clone();
            v.extend(y.borrow().iter().cloned());
            return Ok(Value::list(v));
        }
        (Value::Tuple(x), Value::Tuple(y)) if op == BinOp::Add => {
            let mut v = x.to_vec();
            v.extend(y.iter().cloned());
            return Ok(Value::tuple(v));
        }
        (Value::List(l), n) | (n, Value::List(l)) if op == BinOp::Mul && is_intlike(n) => {
            let k = repeat_count(n)?;
            let items = l.borrow();
            let mut v = Vec::with_capacity(items.len() * k);
            for _ in 0..k {
                v.extend(items.iter().cloned());
            }
            return Ok(Value::list(v));
        }
        (Value::Tuple(t), n) | (n, Value::Tuple(t)) if op == BinOp::Mul && is_intlike(n) => {
            let k = repeat_count(n)?;
            let mut v = Vec::with_capacity(t.len() * k);
            for _ in 0..k {
                v.extend(t.iter().cloned());
            }
            return Ok(Value::tuple(v));
        }
        (Value::Set(x), Value::Set(y))
            if matches!(
                op,
                BinOp::BitOr | BinOp::BitAnd | BinOp::Sub | BinOp::BitXor
            ) =>
        {
            return Ok(set_op(op, &x.borrow(), &y.borrow()));
        }
        (Value::Dict(x), Value::Dict(y)) if op == BinOp::BitOr => {
            let mut d = x.borrow().clone();
            for (k, v) in y.borrow().iter() {
                d.insert(k.clone(), v.clone());
            }
            return Ok(Value::Dict(Rc::new(std::cell::RefCell::new(d))));
        }
        _ => {}
    }
    if (matches!(a, Value::Complex(_)) || matches!(b, Value::Complex(_)))
        && let (Some(x), Some(y)) = (to_complex(a)?, to_complex(b)?)
    {
        return complex_op(op, x, y, a, b);
    }
    if let (Some(x), Some(y)) = (to_f64(a)?, to_f64(b)?)
        && !matches!(
            op,
            BinOp::LShift
                | BinOp::RShift
                | BinOp::BitAnd
                | BinOp::BitOr
                | BinOp::BitXor
                | BinOp::MatMul
        )
    {
        return float_op(op, x, y);
    }
    if op == BinOp::Pow {
        return type_error(format!(
            "unsupported operand type(s) for ** or pow(): '{}' and '{}'",
            a.type_name(),
            b.type_name()
        ));
    }
    if op == BinOp::Add {
        if let Value::Str(_) = a {
            return type_error(format!(
                "can only concatenate str (not \"{}\") to str",
                b.type_name()
            ));
        }
        if let Value::List(_) = a {
            return type_error(format!(
                "can only concatenate list (not \"{}\") to list",
                b.type_name()
            ));
        }
        if let Value::Tuple(_) = a {
            return type_error(format!(
                "can only concatenate tuple (not \"{}\") to tuple",
                b.type_name()
            ));
        }
    }
    // A sequence times anything but an int (CPython's sq_repeat needs __index__).
    let is_seq = |v: &Value| matches!(v, Value::Str(_) | Value::List(_) | Value::Tuple(_));
    if op == BinOp::Mul && (is_seq(a) || is_seq(b)) {
        let other = if is_seq(a) { b } else { a };
        if !is_intlike(other) {
            return type_error(format!(
                "can't multiply sequence by non-int of type '{}'",
                other.type_name()
            ));
        }
    }
    Err(unsupported(op.symbol(), a, b))
}

fn set_op(op: BinOp, x: &super::value::Dict, y: &super::value::Dict) -> Value {
    let mut out = super::value::Dict::new();
    match op {
        BinOp::BitOr => {
            for k in x.keys().chain(y.keys()) {
                out.insert(k.clone(), Value::None);
            }
        }
        BinOp::BitAnd => {
            for k in x.keys().filter(|k| y.contains_key(*k)) {
                out.insert(k.clone(), Value::None);
            }
        }
        BinOp::Sub => {
            for k in x.keys().filter(|k| !y.contains_key(*k)) {
                out.insert(k.clone(), Value::None);
            }
        }
        _ => {
            for k in x.keys().filter(|k| !y.contains_key(*k)) {
                out.insert(k.clone(), Value::None);
            }
            for k in y.keys().filter(|k| !x.contains_key(*k)) {
                out.insert(k.clone(), Value::None);
            }
        }
    }
    Value::Set(Rc::new(std::cell::RefCell::new(out)))
}

fn repeat_count(n: &Value) -> PResult<usize> {
    match n {
        Value::Int(i) => Ok((*i).max(0) as usize),
        Value::Bool(b) => Ok(*b as usize),
        Value::BigInt(b) => {
            if b.is_negative() {
                Ok(0)
            } else {
                raise(
                    ExcType::OverflowError,
                    "cannot fit 'int' into an index-sized integer",
                )
            }
        }
        _ => Ok(0),
    }
}

#[inline]
pub fn int_op(op: BinOp, x: i64, y: i64) -> PResult<Value> {
    let big = |f: fn(&BigInt, &BigInt) -> PResult<Value>| f(&BigInt::from(x), &BigInt::from(y));
    match op {
        BinOp::Add => Ok(x
            .checked_add(y)
            .map(Value::Int)
            .unwrap_or_else(|| int_from_big(BigInt::from(x) + y))),
        BinOp::Sub => Ok(x
            .checked_sub(y)
            .map(Value::Int)
            .unwrap_or_else(|| int_from_big(BigInt::from(x) - y))),
        BinOp::Mul => Ok(x
            .checked_mul(y)
            .map(Value::Int)
            .unwrap_or_else(|| int_from_big(BigInt::from(x) * y))),
        BinOp::FloorDiv => {
            if y == 0 {
                return raise(
                    ExcType::ZeroDivisionError,
                    "integer division or modulo by zero",
                );
            }
            match x.checked_div(y) {
                Some(q) => Ok(Value::Int(if (x % y != 0) && ((x < 0) != (y < 0)) {
                    q - 1
                } else {
                    q
                })),
                None => big(|a, b| big_op(BinOp::FloorDiv, a, b)),
            }
        }
        BinOp::Mod => {
            if y == 0 {
                return raise(ExcType::ZeroDivisionError, "integer modulo by zero");
            }
            match x.checked_rem(y) {
                Some(r) => Ok(Value::Int(if r != 0 && ((r < 0) != (y < 0)) {
                    r + y
                } else {
                    r
                })),
                None => Ok(Value::Int(0)),
            }
        }
        BinOp::Div => {
            if y == 0 {
                return raise(ExcType::ZeroDivisionError, "division by zero");
            }
            if x.unsigned_abs() < (1 << 53) && y.unsigned_abs() < (1 << 53) {
                Ok(Value::Float(x as f64 / y as f64))
            } else {
                big(|a, b| big_op(BinOp::Div, a, b))
            }
        }
        BinOp::Pow => {
            if y < 0 {
                if x == 0 {
                    return raise(
                        ExcType::ZeroDivisionError,
                        "0.0 cannot be raised to a negative power",
                    );
                }
                return Ok(Value::Float((x as f64).powf(y as f64)));
            }
            if let Ok(e) = u32::try_from(y)
                && let Some(v) = x.checked_pow(e)
            {
                return Ok(Value::Int(v));
            }
            big(|a, b| big_op(BinOp::Pow, a, b))
        }
        BinOp::LShift => {
            if y < 0 {
                return raise(ExcType::ValueError, "negative shift count");
            }
            if y < 63 && x.unsigned_abs() < (1u64 << (63 - y)) {
                return Ok(Value::Int(x << y));
            }
            if x == 0 {
                return Ok(Value::Int(0));
            }
            big(|a, b| big_op(BinOp::LShift, a, b))
        }
        BinOp::RShift => {
            if y < 0 {
                return raise(ExcType::ValueError, "negative shift count");
            }
            Ok(Value::Int(if y >= 64 {
                if x < 0 { -1 } else { 0 }
            } else {
                x >> y
            }))
        }
        BinOp::BitAnd => Ok(Value::Int(x & y)),
        BinOp::BitOr => Ok(Value::Int(x | y)),
        BinOp::BitXor => Ok(Value::Int(x ^ y)),
        BinOp::MatMul => Err(unsupported("@", &Value::Int(x), &Value::Int(y))),
    }
}

/// Correctly rounded `a / b` for big ints.
fn big_true_div(a: &BigInt, b: &BigInt) -> PResult<f64> {
    if b.is_zero() {
        return raise(ExcType::ZeroDivisionError, "division by zero");
    }
    // Scale so that the quotient has at least 64 significant bits, then round once.
    let neg = a.is_negative() != b.is_negative();
    let (a, b) = (a.abs(), b.abs());
    if a.is_zero() {
        return Ok(if neg { -0.0 } else { 0.0 });
    }
    let shift = (b.bits() as i64) - (a.bits() as i64) + 66;
    let (num, den) = if shift >= 0 {
        (a << shift as u64, b)
    } else {
        (a, b << (-shift) as u64)
    };
    let (q, r) = num.div_rem(&den);
    // q has 66..67 bits; fold the remainder into a sticky bit.
    let q = if r.is_zero() {
        q
    } else {
        (q << 1u32) | BigInt::from(1)
    };
    let extra = if r.is_zero() { 0 } else { 1 };
    let qf = q.to_f64().unwrap_or(f64::INFINITY);
    let exp = -(shift) - extra;
    let v = if exp < -1074 - 70 {
        0.0
    } else {
        // ldexp without double rounding for normal results.
        let mut v = qf;
        let mut e = exp;
        while e > 0 {
            let s = e.min(1000);
            v *= 2f64.powi(s as i32);
            e -= s;
        }
        while e < 0 {
            let s = (-e).min(1000);
            v /= 2f64.powi(s as i32);
            e += s;
        }
        v
    };
    if v.is_infinite() {
        return raise(
            ExcType::OverflowError,
            "integer division result too large for a float",
        );
    }
    Ok(if neg { -v } else { v })
}

pub fn big_op(op: BinOp, x: &BigInt, y: &BigInt) -> PResult<Value> {
    Ok(match op {
        BinOp::Add => int_from_big(x + y),
        BinOp::Sub => int_from_big(x - y),
        BinOp::Mul => int_from_big(x * y),
        BinOp::FloorDiv => {
            if y.is_zero() {
                return raise(
                    ExcType::ZeroDivisionError,
                    "integer division or modulo by zero",
                );
            }
            int_from_big(x.div_floor(y))
        }
        BinOp::Mod => {
            if y.is_zero() {
                return raise(ExcType::ZeroDivisionError, "integer modulo by zero");
            }
            int_from_big(x.mod_floor(y))
        }
        BinOp::Div => Value::Float(big_true_div(x, y)?),
        BinOp::Pow => {
            if y.is_negative() {
                if x.is_zero() {
                    return raise(
                        ExcType::ZeroDivisionError,
                        "0.0 cannot be raised to a negative power",
                    );
                }
                return Ok(Value::Float(big_to_f64(x)?.powf(big_to_f64(y)?)));
            }
            match y.to_u32() {
                Some(e) => {
                    if x.bits() as u128 * e as u128 > 64_000_000 {
                        return raise(ExcType::MemoryError, "");
                    }
                    int_from_big(Pow::pow(x, e))
                }
                None => {
                    if x.is_zero() || x == &BigInt::from(1) {
                        int_from_big(x.clone())
                    } else if x == &BigInt::from(-1) {
                        int_from_big(if y.is_even() {
                            BigInt::from(1)
                        } else {
                            BigInt::from(-1)
                        })
                    } else {
                        return raise(ExcType::MemoryError, "");
                    }
                }
            }
        }
        BinOp::LShift => {
            if y.is_negative() {
                return raise(ExcType::ValueError, "negative shift count");
            }
            match y.to_u64() {
                Some(s) if s < 1 << 32 => int_from_big(x << s),
                _ => {
                    if x.is_zero() {
                        Value::Int(0)
                    } else {
                        return raise(ExcType::OverflowError, "too many digits in integer");
                    }
                }
            }
        }
        BinOp::RShift => {
            if y.is_negative() {
                return raise(ExcType::ValueError, "negative shift count");
            }
            match y.to_u64() {
                Some(s) => int_from_big(x >> s),
                None => Value::Int(if x.is_negative() { -1 } else { 0 }),
            }
        }
        BinOp::BitAnd => int_from_big(x & y),
        BinOp::BitOr => int_from_big(x | y),
        BinOp::BitXor => int_from_big(x ^ y),
        BinOp::MatMul => {
            return Err(unsupported(
                "@",
                &int_from_big(x.clone()),
                &int_from_big(y.clone()),
            ));
        }
    })
}

/// Python's float `%`.
pub fn float_mod(x: f64, y: f64) -> f64 {
    let m = x % y;
    if m != 0.0 {
        if (y < 0.0) != (m < 0.0) { m + y } else { m }
    } else {
        0f64.copysign(y)
    }
}

/// Python's float `//`.
pub fn float_floordiv(x: f64, y: f64) -> f64 {
    let mut m = x % y;
    let mut div = (x - m) / y;
    if m != 0.0 && (y < 0.0) != (m < 0.0) {
        m += y;
        div -= 1.0;
    }
    let _ = m;
    if div != 0.0 {
        let mut fd = div.floor();
        if div - fd > 0.5 {
            fd += 1.0;
        }
        fd
    } else {
        0f64.copysign(x / y)
    }
}

pub fn float_pow(x: f64, y: f64) -> PResult<Value> {
    if x == 0.0 && y < 0.0 {
        return raise(
            ExcType::ZeroDivisionError,
            "0.0 cannot be raised to a negative power",
        );
    }
    if x < 0.0 && y.is_finite() && y.fract() != 0.0 {
        // CPython hands this case to complex pow.
        let (cx, cy) = (Complex64::new(x, 0.0), Complex64::new(y, 0.0));
        return complex_op(BinOp::Pow, cx, cy, &Value::Float(x), &Value::Float(y));
    }
    let r = x.powf(y);
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return Err(super::exceptions::Exc::with_args(
            ExcType::OverflowError,
            vec![Value::Int(34), Value::str("Numerical result out of range")],
        ));
    }
    Ok(Value::Float(r))
}

#[inline]
pub fn float_op(op: BinOp, x: f64, y: f64) -> PResult<Value> {
    Ok(Value::Float(match op {
        BinOp::Add => x + y,
        BinOp::Sub => x - y,
        BinOp::Mul => x * y,
        BinOp::Div => {
            if y == 0.0 {
                return raise(ExcType::ZeroDivisionError, "float division by zero");
            }
            x / y
        }
        BinOp::FloorDiv => {
            if y == 0.0 {
                return raise(ExcType::ZeroDivisionError, "float floor division by zero");
            }
            float_floordiv(x, y)
        }
        BinOp::Mod => {
            if y == 0.0 {
                return raise(ExcType::ZeroDivisionError, "float modulo");
            }
            float_mod(x, y)
        }
        BinOp::Pow => return float_pow(x, y),
        _ => return Err(unsupported(op.symbol(), &Value::Float(x), &Value::Float(y))),
    }))
}

fn complex_op(op: BinOp, x: Complex64, y: Complex64, a: &Value, b: &Value) -> PResult<Value> {
    let r = match op {
        BinOp::Add => x + y,
        BinOp::Sub => x - y,
        BinOp::Mul => x * y,
        BinOp::Div => {
            if y.re == 0.0 && y.im == 0.0 {
                return raise(ExcType::ZeroDivisionError, "complex division by zero");
            }
            complex_div(x, y)
        }
        BinOp::Pow => {
            if y.re == 0.0 && y.im == 0.0 {
                Complex64::new(1.0, 0.0)
            } else if x.re == 0.0 && x.im == 0.0 {
                if y.im != 0.0 || y.re < 0.0 {
                    return raise(
                        ExcType::ZeroDivisionError,
                        "0.0 to a negative or complex power",
                    );
                }
                Complex64::new(0.0, 0.0)
            } else if y.im == 0.0 && y.re.fract() == 0.0 && y.re.abs() <= 100.0 {
                // CPython's c_powi: binary exponentiation, then the reciprocal.
                let n = y.re as i64;
                let mut r = Complex64::new(1.0, 0.0);
                let mut p = x;
                let mut mask = 1i64;
                let m = n.abs();
                while mask > 0 && m >= mask {
                    if m & mask != 0 {
                        r *= p;
                    }
                    mask <<= 1;
                    p *= p;
                }
                if n < 0 {
                    complex_div(Complex64::new(1.0, 0.0), r)
                } else {
                    r
                }
            } else {
                // CPython's c_pow.
                let vabs = x.re.hypot(x.im);
                let mut len = vabs.powf(y.re);
                let at = x.im.atan2(x.re);
                let mut phase = at * y.re;
                if y.im != 0.0 {
                    len /= (at * y.im).exp();
                    phase += y.im * vabs.ln();
                }
                Complex64::new(len * phase.cos(), len * phase.sin())
            }
        }
        _ => {
            return Err(unsupported(op.symbol(), a, b));
        }
    };
    Ok(Value::complex(r.re, r.im))
}

/// CPython's complex division algorithm (Smith's method).
fn complex_div(a: Complex64, b: Complex64) -> Complex64 {
    let (abs_breal, abs_bimag) = (b.re.abs(), b.im.abs());
    if abs_breal >= abs_bimag {
        let ratio = b.im / b.re;
        let denom = b.re + b.im * ratio;
        Complex64::new((a.re + a.im * ratio) / denom, (a.im - a.re * ratio) / denom)
    } else if abs_bimag >= abs_breal {
        let ratio = b.re / b.im;
        let denom = b.re * ratio + b.im;
        Complex64::new((a.re * ratio + a.im) / denom, (a.im * ratio - a.re) / denom)
    } else {
        Complex64::new(f64::NAN, f64::NAN)
    }
}

/// Exact comparison of an int with a float (as Python does).
fn cmp_int_float(i: &BigInt, f: f64) -> Option<Ordering> {
    if f.is_nan() {
        return None;
    }
    if f.is_infinite() {
        return Some(if f > 0.0 {
            Ordering::Less
        } else {
            Ordering::Greater
        });
    }
    let fl = f.floor();
    let fi = BigInt::from(fl as i128);
    let fi = if fl.abs() < 1e38 {
        fi
    } else {
        num_bigint::BigInt::parse_bytes(format!("{fl:.0}").as_bytes(), 10)?
    };
    match i.cmp(&fi) {
        Ordering::Equal => Some(if f > fl {
            Ordering::Less
        } else {
            Ordering::Equal
        }),
        o => Some(o),
    }
}

/// Ordering of two numbers (None: unordered, i.e. NaN involved).
pub fn num_cmp(a: &Value, b: &Value) -> Option<Option<Ordering>> {
    Some(match (a, b) {
        (Value::Int(x), Value::Int(y)) => Some(x.cmp(y)),
        (Value::Float(x), Value::Float(y)) => x.partial_cmp(y),
        (Value::Int(x), Value::Float(y)) if x.unsigned_abs() < (1 << 53) => {
            (*x as f64).partial_cmp(y)
        }
        (Value::Float(x), Value::Int(y)) if y.unsigned_abs() < (1 << 53) => {
            x.partial_cmp(&(*y as f64))
        }
        (Value::Float(x), i) if is_intlike(i) => {
            cmp_int_float(&to_bigint(i)?, *x).map(Ordering::reverse)
        }
        (i, Value::Float(y)) if is_intlike(i) => cmp_int_float(&to_bigint(i)?, *y),
        (x, y) if is_intlike(x) && is_intlike(y) => Some(to_bigint(x)?.cmp(&to_bigint(y)?)),
        _ => return None,
    })
}

/// `a == b` for built-in values.
pub fn py_eq(a: &Value, b: &Value) -> PResult<bool> {
    if let Some(o) = num_cmp(a, b) {
        return Ok(o == Some(Ordering::Equal));
    }
    if let Some(r) = crate::library::np::py_eq(a, b)? {
        return Ok(r);
    }
    Ok(match (a, b) {
        (Value::Str(x), Value::Str(y)) => x == y,
        (Value::None, Value::None) => true,
        (Value::Ellipsis, Value::Ellipsis) => true,
        (Value::Complex(x), y) | (y, Value::Complex(x)) => match to_complex(y)? {
            Some(c) => **x == c,
            None => false,
        },
        (Value::List(x), Value::List(y)) => {
            if Rc::ptr_eq(x, y) {
                return Ok(true);
            }
            let (x, y) = (x.borrow().clone(), y.borrow().clone());
            seq_eq(&x, &y)?
        }
        (Value::Tuple(x), Value::Tuple(y)) => seq_eq(x, y)?,
        (Value::Dict(x), Value::Dict(y)) => {
            let (x, y) = (x.borrow(), y.borrow());
            if x.len() != y.len() {
                return Ok(false);
            }
            for (k, v) in x.iter() {
                match y.get(k) {
                    Some(w) => {
                        if !py_eq(v, w)? {
                            return Ok(false);
                        }
                    }
                    None => return Ok(false),
                }
            }
            true
        }
        (Value::Set(x), Value::Set(y)) => {
            let (x, y) = (x.borrow(), y.borrow());
            x.len() == y.len() && x.keys().all(|k| y.contains_key(k))
        }
        (Value::Range(x), Value::Range(y)) => {
            let (lx, ly) = (x.len(), y.len());
            lx == ly && (lx == 0 || (x.start == y.start && (lx == 1 || x.step == y.step)))
        }
        (Value::Slice(x), Value::Slice(y)) => {
            py_eq(&x.start, &y.start)? && py_eq(&x.stop, &y.stop)? && py_eq(&x.step, &y.step)?
        }
        _ => a.is(b),
    })
}

fn seq_eq(x: &[Value], y: &[Value]) -> PResult<bool> {
    if x.len() != y.len() {
        return Ok(false);
    }
    for (p, q) in x.iter().zip(y) {
        if !(p.is(q) || py_eq(p, q)?) {
            return Ok(false);
        }
    }
    Ok(true)
}

/// Equality used for dictionary keys (never fails; keys are hashable).
pub fn key_eq(a: &Value, b: &Value) -> bool {
    a.is(b) || py_eq(a, b).unwrap_or(false)
}

/// `a < b` etc. for ordering operators.
pub fn py_order(op: CmpOp, a: &Value, b: &Value) -> PResult<bool> {
    // NumPy scalars order as the Python numbers they hold.
    if let Value::NpScalar(s) = a {
        return py_order(op, &crate::library::np::convert::python_scalar(**s), b);
    }
    if let Value::NpScalar(s) = b {
        return py_order(op, a, &crate::library::np::convert::python_scalar(**s));
    }
    let ord = match num_cmp(a, b) {
        Some(o) => o,
        None => match (a, b) {
            (Value::Str(x), Value::Str(y)) => Some(x.cmp(y)),
            (Value::List(x), Value::List(y)) => {
                let (x, y) = (x.borrow().clone(), y.borrow().clone());
                return seq_order(op, &x, &y);
            }
            (Value::Tuple(x), Value::Tuple(y)) => return seq_order(op, x, y),
            (Value::Set(x), Value::Set(y)) => {
                let (x, y) = (x.borrow(), y.borrow());
                let sub = x.keys().all(|k| y.contains_key(k));
                let sup = y.keys().all(|k| x.contains_key(k));
                return Ok(match op {
                    CmpOp::Le => sub,
                    CmpOp::Lt => sub && x.len() < y.len(),
                    CmpOp::Ge => sup,
                    _ => sup && x.len() > y.len(),
                });
            }
            _ => {
                return type_error(format!(
                    "'{}' not supported between instances of '{}' and '{}'",
                    op.symbol(),
                    a.type_name(),
                    b.type_name()
                ));
            }
        },
    };
    Ok(match ord {
        None => false,
        Some(o) => match op {
            CmpOp::Lt => o == Ordering::Less,
            CmpOp::Le => o != Ordering::Greater,
            CmpOp::Gt => o == Ordering::Greater,
            _ => o != Ordering::Less,
        },
    })
}

fn seq_order(op: CmpOp, x: &[Value], y: &[Value]) -> PResult<bool> {
    for (p, q) in x.iter().zip(y) {
        if p.is(q) || py_eq(p, q)? {
            continue;
        }
        return py_order(op, p, q);
    }
    let (lx, ly) = (x.len(), y.len());
    Ok(match op {
        CmpOp::Lt => lx < ly,
        CmpOp::Le => lx <= ly,
        CmpOp::Gt => lx > ly,
        _ => lx >= ly,
    })
}

/// Python's `bool(v)` for built-in values.
pub fn truthy(v: &Value) -> bool {
    match v {
        Value::None | Value::Undef => false,
        Value::Bool(b) => *b,
        Value::Int(i) => *i != 0,
        Value::BigInt(b) => !b.is_zero(),
        Value::Float(f) => *f != 0.0,
        Value::Complex(c) => c.re != 0.0 || c.im != 0.0,
        Value::Str(s) => !s.is_empty(),
        Value::List(l) => !l.borrow().is_empty(),
        Value::Tuple(t) => !t.is_empty(),
        Value::Dict(d) | Value::Set(d) => !d.borrow().is_empty(),
        Value::Range(r) => r.len() > 0,
        Value::NpScalar(s) => s.is_true(),
        _ => true,
    }
}

const HASH_BITS: u32 = 61;
const HASH_MODULUS: u64 = (1u64 << HASH_BITS) - 1;

fn hash_bigint(b: &BigInt) -> i64 {
    let m = BigInt::from(HASH_MODULUS);
    let r = (b.abs() % &m).to_i64().unwrap_or(0);
    let h = if b.is_negative() { -r } else { r };
    if h == -1 { -2 } else { h }
}

fn hash_int(i: i64) -> i64 {
    if i.unsigned_abs() < HASH_MODULUS {
        if i == -1 { -2 } else { i }
    } else {
        hash_bigint(&BigInt::from(i))
    }
}

/// CPython's `_Py_HashDouble` (NaN hashes to 0 here: it is unequal to itself anyway).
pub fn hash_float(v: f64) -> i64 {
    if v.is_nan() {
        return 0;
    }
    if v.is_infinite() {
        return if v > 0.0 { 314159 } else { -314159 };
    }
    let (mut m, mut e) = frexp(v);
    let mut sign = 1i64;
    if m < 0.0 {
        sign = -1;
        m = -m;
    }
    let mut x: u64 = 0;
    while m != 0.0 {
        x = ((x << 28) & HASH_MODULUS) | (x >> (HASH_BITS - 28));
        m *= 268435456.0;
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        x += y;
        if x >= HASH_MODULUS {
            x -= HASH_MODULUS;
        }
    }
    let e = if e >= 0 {
        e % HASH_BITS as i32
    } else {
        HASH_BITS as i32 - 1 - ((-1 - e) % HASH_BITS as i32)
    };
    let e = e as u32;
    x = ((x << e) & HASH_MODULUS) | (x >> (HASH_BITS - e));
    let h = (x as i64).wrapping_mul(sign);
    if h == -1 { -2 } else { h }
}

/// `frexp`: v = m * 2^e with 0.5 <= |m| < 1.
pub fn frexp(v: f64) -> (f64, i32) {
    if v == 0.0 || !v.is_finite() {
        return (v, 0);
    }
    let bits = v.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        let (m, e) = frexp(v * 2f64.powi(64));
        return (m, e - 64);
    }
    let e = exp - 1022;
    let m = f64::from_bits((bits & !(0x7ffu64 << 52)) | (1022u64 << 52));
    (m, e)
}

/// Python's `hash(v)`; errors for unhashable values.
pub fn py_hash(v: &Value) -> PResult<i64> {
    Ok(match v {
        Value::Int(i) => hash_int(*i),
        Value::Bool(b) => *b as i64,
        Value::BigInt(b) => hash_bigint(b),
        Value::Float(f) => {
            if f.fract() == 0.0 && f.abs() < 9.2e18 {
                hash_int(*f as i64)
            } else {
                hash_float(*f)
            }
        }
        Value::Complex(c) => {
            let h = hash_float(c.re).wrapping_add(1000003i64.wrapping_mul(hash_float(c.im)));
            if h == -1 { -2 } else { h }
        }
        Value::Str(s) => {
            use std::hash::{Hash, Hasher};
            let mut h = std::collections::hash_map::DefaultHasher::new();
            s.hash(&mut h);
            (h.finish() >> 1) as i64
        }
        Value::None => 0x6b1c_3f20,
        Value::Tuple(items) => {
            const P1: u64 = 11400714785074694791;
            const P2: u64 = 14029467366897019727;
            const P5: u64 = 2870177450012600261;
            let mut acc = P5;
            for it in items.iter() {
                let lane = py_hash(it)? as u64;
                acc = acc.wrapping_add(lane.wrapping_mul(P2));
                acc = acc.rotate_left(31);
                acc = acc.wrapping_mul(P1);
            }
            acc = acc.wrapping_add((items.len() as u64) ^ (P5 ^ 3527539));
            if acc == u64::MAX {
                1546275796
            } else {
                acc as i64
            }
        }
        Value::List(_) | Value::Dict(_) | Value::Set(_) | Value::Slice(_) => {
            return type_error(format!("unhashable type: '{}'", v.type_name()));
        }
        other => other.id() >> 4,
    })
}

pub fn make_key(v: Value) -> PResult<Key> {
    let hash = py_hash(&v)?;
    Ok(Key { hash, value: v })
}

/// `item in container` for built-in containers.
pub fn contains(container: &Value, item: &Value) -> PResult<bool> {
    match container {
        Value::Str(s) => match item {
            Value::Str(sub) => Ok(s.contains(&**sub)),
            _ => type_error(format!(
                "'in <string>' requires string as left operand, not {}",
                item.type_name()
            )),
        },
        Value::List(l) => {
            let items = l.borrow().clone();
            for x in items.iter() {
                if x.is(item) || py_eq(x, item)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        Value::Tuple(t) => {
            for x in t.iter() {
                if x.is(item) || py_eq(x, item)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        Value::Dict(d) | Value::Set(d) => {
            let k = make_key(item.clone())?;
            Ok(d.borrow().contains_key(&k))
        }
        Value::Range(r) => {
            let v = match item {
                Value::Int(i) => *i,
                Value::Bool(b) => *b as i64,
                Value::Float(f) if f.fract() == 0.0 && f.abs() < 9e18 => *f as i64,
                _ => return Ok(false),
            };
            let n = r.len();
            if n == 0 {
                return Ok(false);
            }
            let off = v as i128 - r.start as i128;
            Ok(off % r.step as i128 == 0 && {
                let k = off / r.step as i128;
                k >= 0 && k < n as i128
            })
        }
        _ => type_error(format!(
            "argument of type '{}' is not iterable",
            container.type_name()
        )),
    }
}
