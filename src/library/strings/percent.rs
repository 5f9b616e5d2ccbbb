//! `fmt % args`: printf-style formatting as CPython 3.11's `PyUnicode_Format`
//! does it — conversion flags, `*` widths, `%(key)s` lookups in a mapping,
//! the tuple-or-single-argument rule, and its error messages.

use super::unicode::ascii_escape;
use super::{MAX_RESULT_CHARS, new_str, too_long};
use crate::eval::Interp;
use crate::eval::exceptions::{ExcType, PResult, raise, type_error, value_error};
use crate::eval::value::Value;
use crate::print::float::{DtsFlags, double_to_string};
use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive};

/// Where the arguments come from, as CPython tracks it: `arglen < 0` means a
/// single (non-tuple) argument, consumed once.
struct State<'a> {
    args: Value,
    arglen: i64,
    argidx: i64,
    /// The mapping for `%(key)s` (any non-tuple, non-str subscriptable).
    dict: Option<&'a Value>,
}

impl State<'_> {
    fn next_arg(&mut self) -> PResult<Value> {
        if self.argidx < self.arglen {
            let i = self.argidx;
            self.argidx += 1;
            if self.arglen < 0 {
                return Ok(self.args.clone());
            }
            if let Value::Tuple(t) = &self.args {
                return Ok(t[i as usize].clone());
            }
        }
        type_error("not enough arguments for format string")
    }
}

/// One conversion specifier, after parsing.
#[derive(Default)]
struct Spec {
    ljust: bool,
    sign: bool,
    blank: bool,
    alt: bool,
    zero: bool,
    width: Option<usize>,
    prec: Option<usize>,
}

/// `fmt % args`.
pub fn percent_format(it: &mut Interp, fmt: &str, args: &Value) -> PResult<Value> {
    let (arglen, argidx) = match args {
        Value::Tuple(t) => (t.len() as i64, 0),
        _ => (-1, -2),
    };
    let is_mapping = matches!(args, Value::Dict(_) | Value::List(_) | Value::Range(_));
    let mut st = State {
        args: args.clone(),
        arglen,
        argidx,
        dict: is_mapping.then_some(args),
    };
    let chars: Vec<char> = fmt.chars().collect();
    let mut out = String::with_capacity(fmt.len() + 16);
    let mut pos = 0;
    while pos < chars.len() {
        if chars[pos] != '%' {
            out.push(chars[pos]);
            pos += 1;
            continue;
        }
        pos += 1;
        if chars.get(pos) == Some(&'%') {
            out.push('%');
            pos += 1;
            continue;
        }
        format_one(it, &chars, &mut pos, &mut st, &mut out)?;
        if st.dict.is_some() && st.argidx < st.arglen {
            return type_error("not all arguments converted during string formatting");
        }
    }
    if st.argidx < st.arglen && st.dict.is_none() {
        return type_error("not all arguments converted during string formatting");
    }
    Ok(new_str(out))
}

fn incomplete() -> PResult<()> {
    value_error("incomplete format")
}

/// An int argument of `*`.
fn star_arg(st: &mut State, c_int: bool) -> PResult<i64> {
    let v = st.next_arg()?;
    let n = match v {
        Value::Int(i) => Some(i),
        Value::Bool(b) => Some(b as i64),
        Value::BigInt(_) => None,
        _ => return type_error("* wants int"),
    };
    match n {
        Some(i) if !c_int || i32::try_from(i).is_ok() => Ok(i),
        _ if c_int => raise(
            ExcType::OverflowError,
            "Python int too large to convert to C int",
        ),
        _ => raise(
            ExcType::OverflowError,
            "Python int too large to convert to C ssize_t",
        ),
    }
}

/// Reads the digits after `first`, leaving `pos` past the first non-digit.
/// Returns the number (`None` when it passes `limit`) and that non-digit
/// (`None` when the format ran out).
fn read_number(
    chars: &[char],
    pos: &mut usize,
    first: char,
    limit: i64,
) -> (Option<i64>, Option<char>) {
    let mut n = first as i64 - '0' as i64;
    while let Some(&c) = chars.get(*pos) {
        *pos += 1;
        let Some(d) = c.to_digit(10).filter(|_| c.is_ascii_digit()) else {
            return (Some(n), Some(c));
        };
        let d = d as i64;
        if n > (limit - d) / 10 {
            return (None, Some(c));
        }
        n = n * 10 + d;
    }
    (Some(n), None)
}

/// Parses the specifier after a `%` and formats one argument into `out`.
fn format_one(
    it: &mut Interp,
    chars: &[char],
    pos: &mut usize,
    st: &mut State,
    out: &mut String,
) -> PResult<()> {
    if chars.get(*pos) == Some(&'(') {
        let Some(dict) = st.dict else {
            return type_error("format requires a mapping");
        };
        let start = *pos + 1;
        let mut depth = 1;
        let mut i = start;
        while depth > 0 && i < chars.len() {
            match chars[i] {
                ')' => depth -= 1,
                '(' => depth += 1,
                _ => {}
            }
            i += 1;
        }
        if depth > 0 {
            return value_error("incomplete format key");
        }
        let key: String = chars[start..i - 1].iter().collect();
        st.args = it.get_item(dict, &Value::str(&key))?;
        st.arglen = -1;
        st.argidx = -2;
        *pos = i;
    }
    let mut spec = Spec::default();
    // `ch` is the character being looked at; `None` once the format ran out.
    let next = |pos: &mut usize| {
        let c = chars.get(*pos).copied();
        *pos += 1;
        c
    };
    let mut ch = next(pos);
    while let Some(c) = ch {
        match c {
            '-' => spec.ljust = true,
            '+' => spec.sign = true,
            ' ' => spec.blank = true,
            '#' => spec.alt = true,
            '0' => spec.zero = true,
            _ => break,
        }
        ch = next(pos);
    }
    match ch {
        Some('*') => {
            let w = star_arg(st, false)?;
            if w < 0 {
                spec.ljust = true;
            }
            spec.width = Some(w.unsigned_abs() as usize);
            ch = next(pos);
        }
        Some(c @ '0'..='9') => {
            let (w, after) = read_number(chars, pos, c, i64::MAX);
            let Some(w) = w else {
                return value_error("width too big");
            };
            spec.width = Some(w as usize);
            ch = after;
        }
        _ => {}
    }
    if ch == Some('.') {
        spec.prec = Some(0);
        ch = next(pos);
        match ch {
            Some('*') => {
                spec.prec = Some(star_arg(st, true)?.max(0) as usize);
                ch = next(pos);
            }
            Some(c @ '0'..='9') => {
                let (p, after) = read_number(chars, pos, c, i32::MAX as i64);
                let Some(p) = p else {
                    return value_error("precision too big");
                };
                spec.prec = Some(p as usize);
                ch = after;
            }
            _ => {}
        }
    }
    if matches!(ch, Some('h' | 'l' | 'L')) {
        ch = next(pos);
    }
    let Some(conv) = ch else {
        return incomplete();
    };
    let v = st.next_arg()?;
    if spec.width.unwrap_or(0) > MAX_RESULT_CHARS || spec.prec.unwrap_or(0) > MAX_RESULT_CHARS {
        return Err(too_long());
    }
    let (body, numeric) = match conv {
        's' => (it.to_str(&v)?, false),
        'r' => (it.repr(&v)?, false),
        'a' => (ascii_escape(&it.repr(&v)?), false),
        'd' | 'i' | 'u' | 'o' | 'x' | 'X' => (format_int(&v, conv, &spec)?, true),
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' => (format_float(&v, conv, &spec)?, true),
        'c' => (format_char(&v)?.to_string(), false),
        c => {
            let shown = if (31..=126).contains(&(c as u32)) {
                c
            } else {
                '?'
            };
            return value_error(format!(
                "unsupported format character '{shown}' (0x{:x}) at index {}",
                c as u32,
                *pos - 1
            ));
        }
    };
    write_padded(out, &body, conv, numeric, &spec);
    Ok(())
}

fn float_to_bigint(x: f64) -> PResult<BigInt> {
    if x.is_nan() {
        return value_error("cannot convert float NaN to integer");
    }
    if x.is_infinite() {
        return raise(
            ExcType::OverflowError,
            "cannot convert float infinity to integer",
        );
    }
    let t = x.trunc();
    Ok(match t.to_i64() {
        Some(i) if t.abs() < 9.0e18 => BigInt::from(i),
        _ => format!("{t:.0}").parse().unwrap_or_default(),
    })
}

/// `%d %i %u %o %x %X`: sign, optional `0x`/`0o` prefix, digits zero-padded to
/// the precision.
fn format_int(v: &Value, conv: char, spec: &Spec) -> PResult<String> {
    let n = match v {
        Value::Int(i) => BigInt::from(*i),
        Value::Bool(b) => BigInt::from(*b as i64),
        Value::BigInt(b) => (**b).clone(),
        Value::Float(x) if matches!(conv, 'd' | 'i' | 'u') => float_to_bigint(*x)?,
        _ => {
            let need = if matches!(conv, 'o' | 'x' | 'X') {
                "an integer"
            } else {
                "a real number"
            };
            return type_error(format!(
                "%{conv} format: {need} is required, not {}",
                v.type_name()
            ));
        }
    };
    let digits = match conv {
        'o' => n.abs().to_str_radix(8),
        'x' => n.abs().to_str_radix(16),
        'X' => n.abs().to_str_radix(16).to_ascii_uppercase(),
        _ => n.abs().to_string(),
    };
    let mut s = String::with_capacity(digits.len() + 3);
    if n.is_negative() {
        s.push('-');
    }
    if spec.alt && conv != 'd' && conv != 'i' && conv != 'u' {
        s.push('0');
        s.push(conv);
    }
    let prec = spec.prec.unwrap_or(0);
    s.extend(std::iter::repeat_n('0', prec.saturating_sub(digits.len())));
    s.push_str(&digits);
    Ok(s)
}

fn format_float(v: &Value, conv: char, spec: &Spec) -> PResult<String> {
    let x = match v {
        Value::Float(x) => *x,
        Value::Int(i) => *i as f64,
        Value::Bool(b) => *b as i64 as f64,
        Value::BigInt(b) => crate::eval::ops::big_to_f64(b)?,
        _ => return type_error(format!("must be real number, not {}", v.type_name())),
    };
    let flags = DtsFlags {
        alt: spec.alt,
        ..DtsFlags::default()
    };
    Ok(double_to_string(x, conv, spec.prec.unwrap_or(6), flags))
}

fn format_char(v: &Value) -> PResult<char> {
    let code = match v {
        Value::Str(s) => {
            let mut cs = s.chars();
            return match (cs.next(), cs.next()) {
                (Some(c), None) => Ok(c),
                _ => type_error("%c requires int or char"),
            };
        }
        Value::Int(i) => *i,
        Value::Bool(b) => *b as i64,
        Value::BigInt(_) => -1,
        _ => return type_error("%c requires int or char"),
    };
    match u32::try_from(code).ok().and_then(char::from_u32) {
        Some(c) => Ok(c),
        None if (0xd800..0xe000).contains(&code) => Ok('\u{fffd}'),
        None => raise(ExcType::OverflowError, "%c arg not in range(0x110000)"),
    }
}

/// Pads one formatted argument into `out` as `unicode_format_arg_output` does:
/// the sign (and `0x` prefix) go before zero padding but after space padding.
fn write_padded(out: &mut String, body: &str, conv: char, numeric: bool, spec: &Spec) {
    let chars: Vec<char> = body.chars().collect();
    let mut len = chars.len();
    if let (Some(p), 's' | 'r' | 'a') = (spec.prec, conv) {
        len = len.min(p);
    }
    let fill = if numeric && spec.zero { '0' } else { ' ' };
    let mut start = 0;
    let mut sign = None;
    if numeric {
        match chars.first() {
            Some(&c @ ('-' | '+')) => {
                sign = Some(c);
                len -= 1;
                start = 1;
            }
            _ if spec.sign => sign = Some('+'),
            _ if spec.blank => sign = Some(' '),
            _ => {}
        }
    }
    let mut width = spec.width.unwrap_or(0).max(len);
    let prefix = spec.alt && matches!(conv, 'x' | 'X' | 'o');
    if let Some(s) = sign {
        if fill != ' ' {
            out.push(s);
        }
        if width > len {
            width -= 1;
        }
    }
    if prefix {
        if fill != ' ' {
            out.extend(&chars[start..start + 2]);
            start += 2;
        }
        width = width.saturating_sub(2);
        len -= 2;
    }
    if width > len && !spec.ljust {
        out.extend(std::iter::repeat_n(fill, width - len));
        width = len;
    }
    if fill == ' ' {
        if let Some(s) = sign {
            out.push(s);
        }
        if prefix {
            out.extend(&chars[start..start + 2]);
            start += 2;
        }
    }
    out.extend(&chars[start..start + len]);
    if width > len {
        out.extend(std::iter::repeat_n(' ', width - len));
    }
}
