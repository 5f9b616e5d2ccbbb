//! Searching and splitting `str` methods: find/rfind/index/rindex/count,
//! startswith/endswith, replace, split/rsplit, partition/rpartition and
//! removeprefix/removesuffix. Positions are in characters (code points).

use super::args::{self, slice_index, ssize, str_arg};
use super::unicode::is_space;
use super::{Text, new_str};
use crate::eval::exceptions::{PResult, type_error, value_error};
use crate::eval::value::{Args, Value};
use crate::text::RcStr;

/// `ADJUST_INDICES`: slice bounds `s[start:end]` clamped as CPython does
/// (a start past the end stays past it).
fn adjust(start: Option<i64>, end: Option<i64>, len: i64) -> (i64, i64) {
    let mut end = end.unwrap_or(len);
    if end > len {
        end = len;
    } else if end < 0 {
        end = (end.saturating_add(len)).max(0);
    }
    let mut start = start.unwrap_or(0);
    if start < 0 {
        start = (start.saturating_add(len)).max(0);
    }
    (start, end)
}

/// The `sub, start, end` arguments of find/count/index.
fn sub_and_bounds<'a>(name: &str, a: &'a Args) -> PResult<(&'a str, Option<i64>, Option<i64>)> {
    args::parse_tuple(name, a, 1, 3)?;
    // CPython converts the bounds before it looks at `sub`.
    let (start, end) = (slice_index(a.pos.get(1))?, slice_index(a.pos.get(2))?);
    Ok((str_arg(&a.pos[0])?, start, end))
}

/// `s.find(sub, start, end)` (or `rfind` when `reverse`): a character index or -1.
pub fn find_in(s: &str, sub: &str, start: Option<i64>, end: Option<i64>, reverse: bool) -> i64 {
    let t = Text::new(s);
    let (start, end) = adjust(start, end, t.len as i64);
    if end - start < Text::new(sub).len as i64 {
        return -1;
    }
    let (bs, be) = (t.byte(start as usize), t.byte(end as usize));
    let hay = &s[bs..be];
    let found = if reverse {
        hay.rfind(sub)
    } else {
        hay.find(sub)
    };
    found.map_or(-1, |b| t.char_of(bs + b) as i64)
}

/// find, rfind, index, rindex.
pub fn find(name: &str, s: &str, a: &Args) -> PResult<Value> {
    let (sub, start, end) = sub_and_bounds(name, a)?;
    let i = find_in(s, sub, start, end, name.starts_with('r'));
    if i < 0 && name.ends_with("index") {
        return value_error("substring not found");
    }
    Ok(Value::Int(i))
}

pub fn count(s: &str, a: &Args) -> PResult<Value> {
    let (sub, start, end) = sub_and_bounds("count", a)?;
    let t = Text::new(s);
    let (start, end) = adjust(start, end, t.len as i64);
    if end < start {
        return Ok(Value::Int(0));
    }
    if sub.is_empty() {
        return Ok(Value::Int(end - start + 1));
    }
    let hay = &s[t.byte(start as usize)..t.byte(end as usize)];
    Ok(Value::Int(hay.matches(sub).count() as i64))
}

/// Whether `s[start:end]` starts (or ends) with `sub`.
fn tail_match(t: &Text, sub: &str, start: Option<i64>, end: Option<i64>, at_end: bool) -> bool {
    let (start, end) = adjust(start, end, t.len as i64);
    let sub_len = Text::new(sub).len as i64;
    let last = end - sub_len;
    if last < start {
        return false;
    }
    if sub.is_empty() {
        return true;
    }
    let at = if at_end { last } else { start };
    t.s[t.byte(at as usize)..].starts_with(sub)
}

/// startswith, endswith.
pub fn starts_ends(name: &str, s: &str, a: &Args) -> PResult<Value> {
    args::parse_tuple(name, a, 1, 3)?;
    let (start, end) = (slice_index(a.pos.get(1))?, slice_index(a.pos.get(2))?);
    let t = Text::new(s);
    let at_end = name == "endswith";
    match &a.pos[0] {
        Value::Str(sub) => Ok(Value::Bool(tail_match(&t, sub, start, end, at_end))),
        Value::Tuple(items) => {
            for item in items.iter() {
                let Value::Str(sub) = item else {
                    return type_error(format!(
                        "tuple for {name} must only contain str, not {}",
                        item.type_name()
                    ));
                };
                if tail_match(&t, sub, start, end, at_end) {
                    return Ok(Value::Bool(true));
                }
            }
            Ok(Value::Bool(false))
        }
        v => type_error(format!(
            "{name} first arg must be str or a tuple of str, not {}",
            v.type_name()
        )),
    }
}

/// `s.replace(old, new, count)`; a negative count replaces every occurrence.
pub fn replace_in(s: &str, old: &str, new: &str, count: i64) -> String {
    let max = if count < 0 {
        usize::MAX
    } else {
        count as usize
    };
    if old.is_empty() {
        let mut out = String::with_capacity(s.len() + new.len());
        let mut done = 0;
        for c in s.chars() {
            if done < max {
                out.push_str(new);
                done += 1;
            }
            out.push(c);
        }
        if done < max {
            out.push_str(new);
        }
        return out;
    }
    s.replacen(old, new, max)
}

pub fn replace(recv: &RcStr, a: &Args) -> PResult<Value> {
    args::positional("replace", a, 2, 3)?;
    let part = |i: usize| match &a.pos[i] {
        Value::Str(x) => Ok(x.clone()),
        v => type_error(format!(
            "replace() argument {} must be str, not {}",
            i + 1,
            args::clinic_type_name(v)
        )),
    };
    let (old, new) = (part(0)?, part(1)?);
    let count = match a.pos.get(2) {
        Some(v) => ssize(v)?,
        None => -1,
    };
    if count == 0 || (!old.is_empty() && !recv.contains(&*old)) {
        return Ok(Value::Str(recv.clone()));
    }
    Ok(new_str(replace_in(recv, &old, &new, count)))
}

/// `s.split(sep, maxsplit)`; `sep=None` splits on runs of whitespace.
pub fn split_str<'a>(s: &'a str, sep: Option<&str>, maxsplit: i64) -> Vec<&'a str> {
    let mut left = if maxsplit < 0 {
        usize::MAX
    } else {
        maxsplit as usize
    };
    let mut out = Vec::new();
    match sep {
        Some(sep) => {
            let mut rest = s;
            while left > 0 {
                let Some(p) = rest.find(sep) else { break };
                out.push(&rest[..p]);
                rest = &rest[p + sep.len()..];
                left -= 1;
            }
            out.push(rest);
        }
        None => {
            let mut rest = s.trim_start_matches(is_space);
            while left > 0 && !rest.is_empty() {
                let end = rest.find(is_space).unwrap_or(rest.len());
                out.push(&rest[..end]);
                rest = rest[end..].trim_start_matches(is_space);
                left -= 1;
            }
            if !rest.is_empty() {
                out.push(rest);
            }
        }
    }
    out
}

/// `s.rsplit(sep, maxsplit)`: splits from the right.
pub fn rsplit_str<'a>(s: &'a str, sep: Option<&str>, maxsplit: i64) -> Vec<&'a str> {
    let mut left = if maxsplit < 0 {
        usize::MAX
    } else {
        maxsplit as usize
    };
    let mut out = Vec::new();
    match sep {
        Some(sep) => {
            let mut rest = s;
            while left > 0 {
                let Some(p) = rest.rfind(sep) else { break };
                out.push(&rest[p + sep.len()..]);
                rest = &rest[..p];
                left -= 1;
            }
            out.push(rest);
        }
        None => {
            let mut rest = s.trim_end_matches(is_space);
            while left > 0 && !rest.is_empty() {
                let start = rest.rfind(is_space).map_or(0, |p| {
                    p + rest[p..].chars().next().map_or(1, char::len_utf8)
                });
                out.push(&rest[start..]);
                rest = rest[..start].trim_end_matches(is_space);
                left -= 1;
            }
            if !rest.is_empty() {
                out.push(rest);
            }
        }
    }
    out.reverse();
    out
}

/// split, rsplit.
pub fn split(name: &str, s: &str, a: Args) -> PResult<Value> {
    let slots = args::keywords(name, a, &["sep", "maxsplit"])?;
    // `maxsplit` is converted while parsing the arguments, before `sep` is checked.
    let maxsplit = match &slots[1] {
        Some(v) => ssize(v)?,
        None => -1,
    };
    let sep = match &slots[0] {
        None | Some(Value::None) => None,
        Some(Value::Str(x)) if x.is_empty() => return value_error("empty separator"),
        Some(Value::Str(x)) => Some(x.clone()),
        Some(v) => return type_error(format!("must be str or None, not {}", v.type_name())),
    };
    let parts = if name == "split" {
        split_str(s, sep.as_deref(), maxsplit)
    } else {
        rsplit_str(s, sep.as_deref(), maxsplit)
    };
    Ok(Value::list(parts.into_iter().map(Value::str).collect()))
}

/// partition, rpartition.
pub fn partition(name: &str, recv: &RcStr, a: &Args) -> PResult<Value> {
    let sep = str_arg(args::one(name, a)?)?;
    if sep.is_empty() {
        return value_error("empty separator");
    }
    let empty = || Value::str("");
    let whole = || Value::Str(recv.clone());
    let found = if name == "partition" {
        recv.find(sep)
    } else {
        recv.rfind(sep)
    };
    Ok(Value::tuple(match found {
        Some(p) => vec![
            Value::str(&recv[..p]),
            a.pos[0].clone(),
            Value::str(&recv[p + sep.len()..]),
        ],
        None if name == "partition" => vec![whole(), empty(), empty()],
        None => vec![empty(), empty(), whole()],
    }))
}

/// removeprefix, removesuffix.
pub fn remove_affix(name: &str, recv: &RcStr, a: &Args) -> PResult<Value> {
    let affix = match args::one(name, a)? {
        Value::Str(x) => x,
        v => {
            return type_error(format!(
                "{name}() argument must be str, not {}",
                args::clinic_type_name(v)
            ));
        }
    };
    let cut = if name == "removeprefix" {
        recv.strip_prefix(&**affix)
    } else {
        recv.strip_suffix(&**affix)
    };
    Ok(match cut {
        Some(rest) if !affix.is_empty() => Value::str(rest),
        _ => Value::Str(recv.clone()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_follows_cpython() {
        assert_eq!(split_str("  a b ", None, 0), ["a b "]);
        assert_eq!(
            split_str("a\x1cb\u{85}c\u{3000}d", None, -1),
            ["a", "b", "c", "d"]
        );
        assert_eq!(split_str("abcabc", Some("bc"), -1), ["a", "a", ""]);
        assert_eq!(rsplit_str("  a  b  ", None, 1), ["  a", "b"]);
        assert_eq!(rsplit_str(" é\u{3000}ü ", None, -1), ["é", "ü"]);
        assert_eq!(rsplit_str("a,b,c", Some(","), 1), ["a,b", "c"]);
        assert!(split_str("   ", None, 0).is_empty());
    }

    #[test]
    fn find_and_replace_follow_cpython() {
        assert_eq!(find_in("abc", "", Some(3), None, false), 3);
        assert_eq!(find_in("abc", "", Some(4), None, false), -1);
        assert_eq!(find_in("abc", "", Some(1), Some(2), true), 2);
        assert_eq!(find_in("éèê", "ê", None, None, false), 2);
        assert_eq!(find_in("aaa", "a", Some(-10), None, true), 2);
        assert_eq!(replace_in("abc", "", "-", 2), "-a-bc");
        assert_eq!(replace_in("", "", "x", -1), "x");
        assert_eq!(replace_in("aaa", "a", "bb", -1), "bbbbbb");
    }
}
