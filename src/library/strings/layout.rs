//! `str` methods that reshape text: strip/lstrip/rstrip, center/ljust/rjust,
//! zfill, expandtabs, splitlines, join, translate and maketrans.

use super::args::{self, c_int, ssize};
use super::unicode::{is_linebreak, is_space};
use super::{MAX_RESULT_CHARS, Text, new_str, too_long};
use crate::eval::Interp;
use crate::eval::exceptions::{ExcType, PResult, type_error, value_error};
use crate::eval::ops::make_key;
use crate::eval::value::{Args, Dict, Value};
use crate::text::RcStr;
use std::cell::RefCell;
use std::rc::Rc;

/// strip, lstrip, rstrip.
pub fn strip(name: &str, recv: &RcStr, a: &Args) -> PResult<Value> {
    args::positional(name, a, 0, 1)?;
    let (left, right) = (name != "rstrip", name != "lstrip");
    let out = match a.pos.first() {
        None | Some(Value::None) => trim(recv, left, right, is_space),
        Some(Value::Str(chars)) => trim(recv, left, right, |c| chars.contains(c)),
        Some(_) => return type_error(format!("{name} arg must be None or str")),
    };
    Ok(if out.len() == recv.len() {
        Value::Str(recv.clone())
    } else {
        Value::str(out)
    })
}

fn trim(s: &str, left: bool, right: bool, pat: impl Fn(char) -> bool) -> &str {
    let s = if left { s.trim_start_matches(&pat) } else { s };
    if right { s.trim_end_matches(&pat) } else { s }
}

/// The padding CPython's `pad()` adds: `(left, right)` counts.
fn pad_counts(name: &str, len: usize, width: usize) -> (usize, usize) {
    let marg = width - len;
    match name {
        "ljust" => (0, marg),
        "rjust" => (marg, 0),
        _ => {
            let left = marg / 2 + (marg & width & 1);
            (left, marg - left)
        }
    }
}

fn padded(s: &str, left: usize, right: usize, fill: char) -> PResult<String> {
    if left + right > MAX_RESULT_CHARS {
        return Err(too_long());
    }
    let mut out = String::with_capacity(s.len() + (left + right) * fill.len_utf8());
    out.extend(std::iter::repeat_n(fill, left));
    out.push_str(s);
    out.extend(std::iter::repeat_n(fill, right));
    Ok(out)
}

/// center, ljust, rjust.
pub fn justify(name: &str, recv: &RcStr, a: &Args) -> PResult<Value> {
    args::positional(name, a, 1, 2)?;
    let width = ssize(&a.pos[0])?;
    let fill = match a.pos.get(1) {
        None => ' ',
        Some(Value::Str(f)) => {
            let mut cs = f.chars();
            match (cs.next(), cs.next()) {
                (Some(c), None) => c,
                _ => return type_error("The fill character must be exactly one character long"),
            }
        }
        Some(v) => {
            return type_error(format!(
                "The fill character must be a unicode character, not {}",
                v.type_name()
            ));
        }
    };
    let len = Text::new(recv).len;
    if width <= len as i64 {
        return Ok(Value::Str(recv.clone()));
    }
    let (left, right) = pad_counts(name, len, width as usize);
    Ok(new_str(padded(recv, left, right, fill)?))
}

pub fn zfill(recv: &RcStr, a: &Args) -> PResult<Value> {
    let width = ssize(args::one("zfill", a)?)?;
    let len = Text::new(recv).len;
    if width <= len as i64 {
        return Ok(Value::Str(recv.clone()));
    }
    let mut out = padded(recv, width as usize - len, 0, '0')?;
    if let Some(sign @ ('+' | '-')) = recv.chars().next() {
        // The sign moves in front of the zeros.
        out.replace_range(0..1, &sign.to_string());
        let at = width as usize - len;
        out.replace_range(at..at + 1, "0");
    }
    Ok(new_str(out))
}

pub fn expandtabs(s: &str, a: Args) -> PResult<Value> {
    let slots = args::keywords("expandtabs", a, &["tabsize"])?;
    let tabsize = match &slots[0] {
        Some(v) => c_int(v)?,
        None => 8,
    };
    let mut out = String::with_capacity(s.len());
    let mut col: usize = 0;
    for c in s.chars() {
        match c {
            '\t' if tabsize > 0 => {
                let n = tabsize as usize - col % tabsize as usize;
                if out.len() + n > MAX_RESULT_CHARS {
                    return Err(too_long());
                }
                out.extend(std::iter::repeat_n(' ', n));
                col += n;
            }
            '\t' => {}
            '\n' | '\r' => {
                out.push(c);
                col = 0;
            }
            _ => {
                out.push(c);
                col += 1;
            }
        }
    }
    Ok(new_str(out))
}

/// `s.splitlines(keepends)`: lines split at every line boundary, `\r\n` counting as one.
pub fn split_lines(s: &str, keepends: bool) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if !is_linebreak(c) {
            continue;
        }
        let mut end = i + c.len_utf8();
        if c == '\r' && it.peek().is_some_and(|&(_, n)| n == '\n') {
            it.next();
            end += 1;
        }
        out.push(&s[start..if keepends { end } else { i }]);
        start = end;
    }
    if start < s.len() {
        out.push(&s[start..]);
    }
    out
}

pub fn splitlines(s: &str, a: Args) -> PResult<Value> {
    let slots = args::keywords("splitlines", a, &["keepends"])?;
    let keepends = match &slots[0] {
        Some(v) => c_int(v)? != 0,
        None => false,
    };
    let lines = split_lines(s, keepends);
    Ok(Value::list(lines.into_iter().map(Value::str).collect()))
}

pub fn join(it: &mut Interp, sep: &str, a: &Args) -> PResult<Value> {
    let iterable = args::one("join", a)?;
    let items = match it.collect(iterable) {
        Err(e) if e.ty() == ExcType::TypeError && it.iterate(iterable).is_err() => {
            return type_error("can only join an iterable");
        }
        r => r?,
    };
    let mut out = String::new();
    for (i, item) in items.iter().enumerate() {
        let Value::Str(part) = item else {
            return type_error(format!(
                "sequence item {i}: expected str instance, {} found",
                item.type_name()
            ));
        };
        if i > 0 {
            out.push_str(sep);
        }
        out.push_str(part);
    }
    Ok(new_str(out))
}

/// `s.translate(table)`: each character looked up by code point in `table`.
pub fn translate(it: &mut Interp, s: &str, a: &Args) -> PResult<Value> {
    let table = args::one("translate", a)?;
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match it.get_item(table, &Value::Int(c as i64)) {
            Ok(Value::None) => {}
            Ok(Value::Str(r)) => out.push_str(&r),
            Ok(v @ (Value::Int(_) | Value::Bool(_) | Value::BigInt(_))) => {
                let cp = match v {
                    Value::Int(i) => i,
                    Value::Bool(b) => b as i64,
                    _ => -1,
                };
                match u32::try_from(cp).ok().and_then(char::from_u32) {
                    Some(r) => out.push(r),
                    None => return value_error("character mapping must be in range(0x110000)"),
                }
            }
            Ok(_) => return type_error("character mapping must return integer, None or str"),
            Err(e) if e.ty().is_subclass(ExcType::LookupError) => out.push(c),
            Err(e) => return Err(e),
        }
    }
    Ok(new_str(out))
}

fn new_dict(d: Dict) -> Value {
    Value::Dict(Rc::new(RefCell::new(d)))
}

fn maketrans_str_arg(v: &Value, n: usize) -> PResult<&str> {
    match v {
        Value::Str(s) => Ok(s),
        _ => type_error(format!(
            "maketrans() argument {n} must be str, not {}",
            args::clinic_type_name(v)
        )),
    }
}

/// `str.maketrans(x[, y[, z]])`: a table for `translate`.
pub fn maketrans(a: &Args) -> PResult<Value> {
    args::positional("maketrans", a, 1, 3)?;
    let mut table = Dict::new();
    let mut put = |k: char, v: Value| -> PResult<()> {
        table.insert(make_key(Value::Int(k as i64))?, v);
        Ok(())
    };
    if a.pos.len() == 1 {
        let Value::Dict(d) = &a.pos[0] else {
            return type_error("if you give only one argument to maketrans it must be a dict");
        };
        let mut out = Dict::new();
        for (k, v) in d.borrow().iter() {
            let key = match &k.value {
                Value::Str(s) => {
                    let mut cs = s.chars();
                    match (cs.next(), cs.next()) {
                        (Some(c), None) => Value::Int(c as i64),
                        _ => {
                            return value_error(
                                "string keys in translate table must be of length 1",
                            );
                        }
                    }
                }
                Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => k.value.clone(),
                _ => return type_error("keys in translate table must be strings or integers"),
            };
            out.insert(make_key(key)?, v.clone());
        }
        return Ok(new_dict(out));
    }
    let to = maketrans_str_arg(&a.pos[1], 2)?;
    let delete = match a.pos.get(2) {
        Some(v) => maketrans_str_arg(v, 3)?,
        None => "",
    };
    let Value::Str(from) = &a.pos[0] else {
        return type_error(
            "first maketrans argument must be a string if there is a second argument",
        );
    };
    if Text::new(from).len != Text::new(to).len {
        return value_error("the first two maketrans arguments must have equal length");
    }
    for (f, t) in from.chars().zip(to.chars()) {
        put(f, Value::Int(t as i64))?;
    }
    for d in delete.chars() {
        put(d, Value::None)?;
    }
    Ok(new_dict(table))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splitlines_follows_cpython() {
        assert_eq!(
            split_lines("a\nb\r\nc\rd\x0be\u{2028}f", false),
            ["a", "b", "c", "d", "e", "f"]
        );
        assert_eq!(split_lines("a\nb\r\n", true), ["a\n", "b\r\n"]);
        assert_eq!(split_lines("\n", false), [""]);
        assert!(split_lines("", false).is_empty());
    }

    #[test]
    fn center_puts_the_odd_space_like_cpython() {
        assert_eq!(pad_counts("center", 3, 6), (1, 2));
        assert_eq!(pad_counts("center", 2, 5), (2, 1));
        assert_eq!(pad_counts("center", 1, 4), (1, 2));
    }
}
