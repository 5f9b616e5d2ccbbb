//! Python's format-spec mini-language (`format(value, spec)`, f-string `{x:spec}`): parsing and rendering for int, float, complex and str, following CPython 3.11's `Python/formatter_unicode.c`.
//!
//! All errors are returned as the text of the `ValueError` CPython raises (a
//! few cases where CPython raises `OverflowError` are noted on the functions).
//! Number formatting uses the "C" locale, as CPython does by default, so the
//! `n` type never groups digits.

use num_bigint::BigInt;
use num_traits::{Signed, ToPrimitive, Zero};

use super::float::{DtsFlags, double_to_string};

/// Largest field width (and float precision) accepted; larger values would
/// need gigabytes of output, so they are reported as an error instead.
pub const MAX_FIELD_SIZE: usize = 1 << 28;

/// Error text for widths/precisions above [`MAX_FIELD_SIZE`].
const FIELD_TOO_LARGE: &str = "format field width or precision too large";

/// A parsed `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormatSpec {
    /// Padding character.  `' '` by default; `'0'` when the `0` flag was given
    /// without an explicit fill.
    pub fill: char,
    /// Explicit alignment (`<`, `>`, `=`, `^`).  `None` means the type's
    /// default: `=` for numbers when `zero` is set, else `>` for numbers and
    /// `<` for strings.
    pub align: Option<char>,
    /// `+`, `-` or `' '`.
    pub sign: Option<char>,
    /// `z`: coerce negative zero to positive zero (floats only).
    pub z: bool,
    /// `#`: alternate form.
    pub alternate: bool,
    /// The `0` flag (only recognised when no explicit fill was given).
    pub zero: bool,
    /// Minimum field width, counted in Unicode scalar values.
    pub width: Option<usize>,
    /// `,` or `_`.
    pub grouping: Option<char>,
    /// Precision (digits for floats, maximum length for strings).
    pub precision: Option<usize>,
    /// Presentation type, e.g. `d`, `x`, `f`, `g`, `s`.  `None` when omitted.
    pub ty: Option<char>,
}

impl Default for FormatSpec {
    fn default() -> Self {
        FormatSpec {
            fill: ' ',
            align: None,
            sign: None,
            z: false,
            alternate: false,
            zero: false,
            width: None,
            grouping: None,
            precision: None,
            ty: None,
        }
    }
}

/// Zero code points of every run of Unicode decimal digits (category Nd), as in
/// Python 3.11's unicodedata 14.0.0.  Each run covers zero..zero+9.
const DECIMAL_ZEROS: [u32; 66] = [
    0x30, 0x660, 0x6f0, 0x7c0, 0x966, 0x9e6, 0xa66, 0xae6, 0xb66, 0xbe6, 0xc66, 0xce6, 0xd66,
    0xde6, 0xe50, 0xed0, 0xf20, 0x1040, 0x1090, 0x17e0, 0x1810, 0x1946, 0x19d0, 0x1a80, 0x1a90,
    0x1b50, 0x1bb0, 0x1c40, 0x1c50, 0xa620, 0xa8d0, 0xa900, 0xa9d0, 0xa9f0, 0xaa50, 0xabf0, 0xff10,
    0x104a0, 0x10d30, 0x11066, 0x110f0, 0x11136, 0x111d0, 0x112f0, 0x11450, 0x114d0, 0x11650,
    0x116c0, 0x11730, 0x118e0, 0x11950, 0x11c50, 0x11d50, 0x11da0, 0x16a60, 0x16ac0, 0x16b50,
    0x1d7ce, 0x1d7d8, 0x1d7e2, 0x1d7ec, 0x1d7f6, 0x1e140, 0x1e2f0, 0x1e950, 0x1fbf0,
];

/// `Py_UNICODE_TODECIMAL`: the value of a Unicode decimal digit.
fn decimal_value(c: char) -> Option<u64> {
    let cp = u32::from(c);
    let idx = DECIMAL_ZEROS.partition_point(|&z| z <= cp);
    let zero = *DECIMAL_ZEROS.get(idx.checked_sub(1)?)?;
    let d = cp - zero;
    (d < 10).then_some(u64::from(d))
}

/// Reads a run of decimal digits at `*pos`.  Returns `Ok(None)` when there are
/// none, and CPython's error when the value exceeds `Py_ssize_t`.
fn get_integer(chars: &[char], pos: &mut usize) -> Result<Option<usize>, String> {
    const LIMIT: u64 = i64::MAX as u64;
    let mut acc: u64 = 0;
    let mut consumed = false;
    while let Some(d) = chars.get(*pos).and_then(|&c| decimal_value(c)) {
        if acc > (LIMIT - d) / 10 {
            return Err("Too many decimal digits in format string".to_string());
        }
        acc = acc * 10 + d;
        consumed = true;
        *pos += 1;
    }
    if !consumed {
        return Ok(None);
    }
    usize::try_from(acc)
        .map(Some)
        .map_err(|_| "Too many decimal digits in format string".to_string())
}

/// Renders a presentation-type character the way CPython's error messages do.
fn code_repr(t: char) -> String {
    let cp = u32::from(t);
    if cp > 32 && cp < 128 {
        t.to_string()
    } else {
        format!("\\x{cp:x}")
    }
}

fn unknown_code(t: char, type_name: &str) -> String {
    format!(
        "Unknown format code '{}' for object of type '{type_name}'",
        code_repr(t)
    )
}

fn invalid_grouping(g: char, t: char) -> String {
    format!("Cannot specify '{g}' with '{}'.", code_repr(t))
}

/// Parses a format spec like CPython's `parse_internal_render_format_spec`.
///
/// `type_name` is the Python type name used in the "Invalid format specifier"
/// message (`'float'`, `'int'`, …).  Only type-independent checks happen here;
/// the `format_*` functions do the rest.
pub fn parse_spec(s: &str, type_name: &str) -> Result<FormatSpec, String> {
    let chars: Vec<char> = s.chars().collect();
    let end = chars.len();
    let mut pos = 0;
    let mut spec = FormatSpec::default();
    let is_align = |c: char| matches!(c, '<' | '>' | '=' | '^');

    let mut fill_specified = false;
    if end >= 2 && is_align(chars[1]) {
        spec.align = Some(chars[1]);
        spec.fill = chars[0];
        fill_specified = true;
        pos = 2;
    } else if end >= 1 && is_align(chars[0]) {
        spec.align = Some(chars[0]);
        pos = 1;
    }
    if let Some(&c) = chars.get(pos)
        && matches!(c, '+' | '-' | ' ')
    {
        spec.sign = Some(c);
        pos += 1;
    }
    if chars.get(pos) == Some(&'z') {
        spec.z = true;
        pos += 1;
    }
    if chars.get(pos) == Some(&'#') {
        spec.alternate = true;
        pos += 1;
    }
    if !fill_specified && chars.get(pos) == Some(&'0') {
        spec.fill = '0';
        spec.zero = true;
        pos += 1;
    }
    spec.width = get_integer(&chars, &mut pos)?;
    if chars.get(pos) == Some(&',') {
        spec.grouping = Some(',');
        pos += 1;
    }
    if chars.get(pos) == Some(&'_') {
        if spec.grouping.is_some() {
            return Err("Cannot specify both ',' and '_'.".to_string());
        }
        spec.grouping = Some('_');
        pos += 1;
    }
    if chars.get(pos) == Some(&',') && spec.grouping == Some('_') {
        return Err("Cannot specify both ',' and '_'.".to_string());
    }
    if chars.get(pos) == Some(&'.') {
        pos += 1;
        spec.precision = get_integer(&chars, &mut pos)?;
        if spec.precision.is_none() {
            return Err("Format specifier missing precision".to_string());
        }
    }
    if end - pos > 1 {
        return Err(format!(
            "Invalid format specifier '{s}' for object of type '{type_name}'"
        ));
    }
    if end - pos == 1 {
        spec.ty = Some(chars[pos]);
    }
    if let (Some(g), Some(t)) = (spec.grouping, spec.ty) {
        check_grouping(g, t)?;
    }
    Ok(spec)
}

/// The grouping/type compatibility check of CPython's spec parser.
fn check_grouping(g: char, t: char) -> Result<(), String> {
    match t {
        'd' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F' | '\0' => Ok(()),
        'b' | 'o' | 'x' | 'X' if g == '_' => Ok(()),
        _ => Err(invalid_grouping(g, t)),
    }
}

/// Checks the width against [`MAX_FIELD_SIZE`] and returns it as `i64`
/// (`-1` when absent, like CPython).
fn width_of(spec: &FormatSpec) -> Result<i64, String> {
    match spec.width {
        None => Ok(-1),
        Some(w) if w <= MAX_FIELD_SIZE => Ok(i64::try_from(w).unwrap_or(0)),
        Some(_) => Err(FIELD_TOO_LARGE.to_string()),
    }
}

fn push_fill(out: &mut String, fill: char, n: i64) {
    if n > 0 {
        out.extend(std::iter::repeat_n(fill, usize::try_from(n).unwrap_or(0)));
    }
}

/// `_PyUnicode_InsertThousandsGrouping`: groups `digits` (ASCII) from the
/// right, left-padding with zeros up to `min_width` characters.
fn group_digits(digits: &str, min_width: i64, grouping: Option<(char, i64)>) -> String {
    let bytes = digits.as_bytes();
    let mut min_width = min_width.max(0);
    let mut remaining = i64::try_from(bytes.len()).unwrap_or(0);
    let mut end = bytes.len();
    // Pieces in right-to-left order.
    let mut pieces: Vec<String> = Vec::new();
    let mut emit = |n_chars: i64, n_zeros: i64, sep: Option<char>, end: &mut usize| {
        let mut piece = String::new();
        push_fill(&mut piece, '0', n_zeros);
        let n = usize::try_from(n_chars).unwrap_or(0);
        let start = end.saturating_sub(n);
        piece.push_str(&digits[start..*end]);
        *end = start;
        if let Some(c) = sep {
            piece.push(c);
        }
        pieces.push(piece);
    };
    let mut use_sep = false;
    let mut broken = false;
    if let Some((sep, group)) = grouping {
        loop {
            let len = group.min(remaining.max(min_width).max(1));
            let n_zeros = (len - remaining).max(0);
            let n_chars = remaining.min(len).max(0);
            emit(n_chars, n_zeros, use_sep.then_some(sep), &mut end);
            use_sep = true;
            remaining -= n_chars;
            min_width -= len;
            if remaining <= 0 && min_width <= 0 {
                broken = true;
                break;
            }
            min_width -= 1;
        }
    }
    if !broken {
        let len = remaining.max(min_width).max(1);
        let n_zeros = (len - remaining).max(0);
        let n_chars = remaining.min(len).max(0);
        let sep = grouping.map(|(c, _)| c).filter(|_| use_sep);
        emit(n_chars, n_zeros, sep, &mut end);
    }
    pieces.iter().rev().map(String::as_str).collect()
}

/// The pieces of a formatted number, as `calc_number_widths`/`fill_number` see them.
struct Number<'a> {
    negative: bool,
    prefix: &'a str,
    /// Leading ASCII digits (subject to grouping and zero padding).
    digits: &'a str,
    has_decimal: bool,
    /// Everything after the digits and decimal point (fraction, exponent, `%`,
    /// `inf`, a `c` character, …).
    remainder: &'a str,
}

/// Layout options for [`render_number`].
struct Layout {
    fill: char,
    align: char,
    width: i64,
    sign: Option<char>,
    grouping: Option<(char, i64)>,
}

/// CPython's `calc_number_widths` + `fill_number`.
fn render_number(num: &Number<'_>, lay: &Layout) -> String {
    let sign_char = match lay.sign {
        Some('+') => Some(if num.negative { '-' } else { '+' }),
        Some(' ') => Some(if num.negative { '-' } else { ' ' }),
        _ => num.negative.then_some('-'),
    };
    let count = |s: &str| i64::try_from(s.chars().count()).unwrap_or(0);
    let n_non_digit = i64::from(sign_char.is_some())
        + count(num.prefix)
        + i64::from(num.has_decimal)
        + count(num.remainder);
    let min_width = if lay.fill == '0' && lay.align == '=' {
        lay.width - n_non_digit
    } else {
        0
    };
    let grouped = if num.digits.is_empty() {
        String::new()
    } else {
        group_digits(num.digits, min_width, lay.grouping)
    };
    let n_padding = lay.width - (n_non_digit + count(&grouped));
    let (mut lpad, mut spad, mut rpad) = (0, 0, 0);
    if n_padding > 0 {
        match lay.align {
            '<' => rpad = n_padding,
            '^' => {
                lpad = n_padding / 2;
                rpad = n_padding - lpad;
            }
            '=' => spad = n_padding,
            _ => lpad = n_padding,
        }
    }
    let mut out = String::new();
    push_fill(&mut out, lay.fill, lpad);
    if let Some(c) = sign_char {
        out.push(c);
    }
    out.push_str(num.prefix);
    push_fill(&mut out, lay.fill, spad);
    out.push_str(&grouped);
    if num.has_decimal {
        out.push('.');
    }
    out.push_str(num.remainder);
    push_fill(&mut out, lay.fill, rpad);
    out
}

/// Splits a `PyOS_double_to_string` result like CPython's `parse_number`.
fn split_float_text(s: &str) -> Number<'_> {
    let (negative, body) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s),
    };
    let n_digits = body.bytes().take_while(u8::is_ascii_digit).count();
    let (digits, rest) = body.split_at(n_digits);
    let (has_decimal, remainder) = match rest.strip_prefix('.') {
        Some(r) => (true, r),
        None => (false, rest),
    };
    Number {
        negative,
        prefix: "",
        digits,
        has_decimal,
        remainder,
    }
}

/// `(separator, group size)` for the digits of a base-10 number.
fn decimal_grouping(spec: &FormatSpec) -> Option<(char, i64)> {
    spec.grouping.map(|g| (g, 3))
}

/// Default alignment for numbers.
fn number_align(spec: &FormatSpec) -> char {
    spec.align.unwrap_or(if spec.zero { '=' } else { '>' })
}

/// Exact `int` → `float` conversion with round-half-even, like `PyLong_AsDouble`.
fn bigint_to_f64(v: &BigInt) -> Result<f64, String> {
    let mag = v.magnitude();
    let nbits = mag.bits();
    let f = if nbits <= 64 {
        mag.to_u64().map_or(f64::INFINITY, |u| u as f64)
    } else {
        let shift = nbits - 64;
        let top = (mag >> shift).to_u64().unwrap_or(u64::MAX);
        let sticky = mag.trailing_zeros().is_some_and(|tz| tz < shift);
        let rounded = (top | u64::from(sticky)) as f64;
        if shift > 1023 {
            f64::INFINITY
        } else {
            rounded * f64::from_bits((shift + 1023) << 52)
        }
    };
    if f.is_infinite() {
        return Err("int too large to convert to float".to_string());
    }
    Ok(if v.is_negative() { -f } else { f })
}

/// Python's `int.__format__` (non-empty spec; an empty spec is `str(v)`, which
/// this also produces).
///
/// Types `b c d o x X n` and none; `e E f F g G %` convert to float first.
/// `OverflowError` cases (`int too large to convert to float`, `%c arg not in
/// range(0x110000)`, `Python int too large to convert to C long`) are returned
/// as their message too.  A `c` of a lone surrogate (U+D800..U+DFFF), which a
/// Rust `String` cannot hold, is an error.
pub fn format_int(v: &BigInt, spec: &FormatSpec) -> Result<String, String> {
    let ty = spec.ty.unwrap_or('d');
    match ty {
        'b' | 'c' | 'd' | 'o' | 'x' | 'X' | 'n' => {}
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%' => return format_float(bigint_to_f64(v)?, spec),
        _ => return Err(unknown_code(ty, "int")),
    }
    if let Some(g) = spec.grouping {
        check_grouping(g, ty)?;
    }
    if spec.precision.is_some() {
        return Err("Precision not allowed in integer format specifier".to_string());
    }
    if spec.z {
        return Err(
            "Negative zero coercion (z) not allowed in integer format specifier".to_string(),
        );
    }
    let width = width_of(spec)?;
    let mut lay = Layout {
        fill: spec.fill,
        align: number_align(spec),
        width,
        sign: spec.sign,
        grouping: None,
    };

    if ty == 'c' {
        if spec.sign.is_some() {
            return Err("Sign not allowed with integer format specifier 'c'".to_string());
        }
        if spec.alternate {
            return Err(
                "Alternate form (#) not allowed with integer format specifier 'c'".to_string(),
            );
        }
        let x = v
            .to_i64()
            .ok_or_else(|| "Python int too large to convert to C long".to_string())?;
        let code = u32::try_from(x)
            .ok()
            .filter(|&c| c <= 0x10ffff)
            .ok_or_else(|| "%c arg not in range(0x110000)".to_string())?;
        let ch = char::from_u32(code)
            .ok_or_else(|| "%c arg is a lone surrogate, which cannot be represented".to_string())?;
        let mut buf = [0u8; 4];
        let num = Number {
            negative: false,
            prefix: "",
            digits: "",
            has_decimal: false,
            remainder: ch.encode_utf8(&mut buf),
        };
        return Ok(render_number(&num, &lay));
    }

    let (base, prefix) = match ty {
        'b' => (2, "0b"),
        'o' => (8, "0o"),
        'x' => (16, "0x"),
        'X' => (16, "0X"),
        _ => (10, ""),
    };
    let mut digits = v.magnitude().to_str_radix(base);
    if ty == 'X' {
        digits.make_ascii_uppercase();
    }
    lay.grouping = match (spec.grouping, ty) {
        (_, 'n') | (None, _) => None,
        (Some('_'), 'b' | 'o' | 'x' | 'X') => Some(('_', 4)),
        (Some(g), _) => Some((g, 3)),
    };
    let num = Number {
        negative: v.is_negative() && !v.is_zero(),
        prefix: if spec.alternate { prefix } else { "" },
        digits: &digits,
        has_decimal: false,
        remainder: "",
    };
    Ok(render_number(&num, &lay))
}

/// Checks a float precision like CPython (`precision too big` above `INT_MAX`)
/// and against [`MAX_FIELD_SIZE`].
fn float_precision(spec: &FormatSpec) -> Result<Option<usize>, String> {
    match spec.precision {
        Some(p) if p > i32::MAX as usize => Err("precision too big".to_string()),
        Some(p) if p > MAX_FIELD_SIZE => Err(FIELD_TOO_LARGE.to_string()),
        p => Ok(p),
    }
}

/// The presentation type with an explicit `'\0'` treated as omitted (CPython
/// uses `'\0'` internally for "no type").
fn float_type(spec: &FormatSpec) -> Option<char> {
    spec.ty.filter(|&t| t != '\0')
}

/// Python's `float.__format__`.  Types `e E f F g G n %` and none.  With no type
/// and no precision the result is `repr(x)`; with a precision but no type it is
/// like `g` but keeps at least one fractional digit and switches to exponent
/// notation when the exponent reaches the precision.
pub fn format_float(x: f64, spec: &FormatSpec) -> Result<String, String> {
    let ty = float_type(spec);
    if let Some(t) = ty
        && !matches!(t, 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%')
    {
        return Err(unknown_code(t, "float"));
    }
    if let (Some(g), Some(t)) = (spec.grouping, ty) {
        check_grouping(g, t)?;
    }
    let precision = float_precision(spec)?;
    let width = width_of(spec)?;
    let mut flags = DtsFlags {
        alt: spec.alternate,
        no_neg_0: spec.z,
        ..DtsFlags::default()
    };
    let mut val = x;
    let mut add_pct = false;
    let (code, prec) = match ty {
        None => {
            flags.add_dot_0 = true;
            match precision {
                Some(p) => ('g', p),
                None => ('r', 0),
            }
        }
        Some('n') => ('g', precision.unwrap_or(6)),
        Some('%') => {
            val *= 100.0;
            add_pct = true;
            ('f', precision.unwrap_or(6))
        }
        Some(t) => (t, precision.unwrap_or(6)),
    };
    let mut text = double_to_string(val, code, prec, flags);
    if add_pct {
        text.push('%');
    }
    let num = split_float_text(&text);
    let lay = Layout {
        fill: spec.fill,
        align: number_align(spec),
        width,
        sign: spec.sign,
        grouping: if ty == Some('n') {
            None
        } else {
            decimal_grouping(spec)
        },
    };
    Ok(render_number(&num, &lay))
}

/// Python's `str.__format__`: default left alignment, precision truncates
/// (counted in characters), width counts characters.
pub fn format_str(s: &str, spec: &FormatSpec) -> Result<String, String> {
    match spec.ty {
        None | Some('s') => {}
        Some(t) => return Err(unknown_code(t, "str")),
    }
    if let Some(g) = spec.grouping {
        check_grouping(g, 's')?;
    }
    match spec.sign {
        Some(' ') => return Err("Space not allowed in string format specifier".to_string()),
        Some(_) => return Err("Sign not allowed in string format specifier".to_string()),
        None => {}
    }
    if spec.z {
        return Err(
            "Negative zero coercion (z) not allowed in string format specifier".to_string(),
        );
    }
    if spec.alternate {
        return Err("Alternate form (#) not allowed in string format specifier".to_string());
    }
    let align = spec.align.unwrap_or('<');
    if align == '=' {
        return Err("'=' alignment not allowed in string format specifier".to_string());
    }
    let width = width_of(spec)?;
    let len = s.chars().count();
    let (body, len) = match spec.precision {
        Some(p) if p < len => {
            let cut = s.char_indices().nth(p).map_or(s.len(), |(i, _)| i);
            (&s[..cut], p)
        }
        _ => (s, len),
    };
    let len = i64::try_from(len).unwrap_or(i64::MAX);
    Ok(pad(body, len, width, align, spec.fill))
}

/// CPython's `calc_padding` + `fill_padding` around an already built body of
/// `len` characters.
fn pad(body: &str, len: i64, width: i64, align: char, fill: char) -> String {
    let total = width.max(len);
    let lpad = match align {
        '>' => total - len,
        '^' => (total - len) / 2,
        _ => 0,
    };
    let rpad = total - len - lpad;
    let mut out = String::with_capacity(body.len() + usize::try_from(total - len).unwrap_or(0));
    push_fill(&mut out, fill, lpad);
    out.push_str(body);
    push_fill(&mut out, fill, rpad);
    out
}

/// Python's `complex.__format__`.  Types `e E f F g G n` and none.  With no type
/// the result looks like `str(z)` (parentheses unless the real part is +0.0);
/// with a type both parts are formatted without parentheses
/// (`format(1+2j, '.2f')` → `1.00+2.00j`).
pub fn format_complex(re: f64, im: f64, spec: &FormatSpec) -> Result<String, String> {
    let ty = float_type(spec);
    if let Some(t) = ty
        && !matches!(t, 'e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n')
    {
        return Err(unknown_code(t, "complex"));
    }
    if let (Some(g), Some(t)) = (spec.grouping, ty) {
        check_grouping(g, t)?;
    }
    let precision = float_precision(spec)?;
    if spec.fill == '0' {
        return Err("Zero padding is not allowed in complex format specifier".to_string());
    }
    if spec.align == Some('=') {
        return Err("'=' alignment flag is not allowed in complex format specifier".to_string());
    }
    let width = width_of(spec)?;
    let flags = DtsFlags {
        alt: spec.alternate,
        no_neg_0: spec.z,
        ..DtsFlags::default()
    };
    let mut skip_re = false;
    let mut add_parens = false;
    let (code, prec) = match ty {
        None => {
            if re == 0.0 && re.is_sign_positive() {
                skip_re = true;
            } else {
                add_parens = true;
            }
            match precision {
                Some(p) => ('g', p),
                None => ('r', 0),
            }
        }
        Some('n') => ('g', precision.unwrap_or(6)),
        Some(t) => (t, precision.unwrap_or(6)),
    };
    let re_text = double_to_string(re, code, prec, flags);
    let im_text = double_to_string(im, code, prec, flags);
    let grouping = if ty == Some('n') {
        None
    } else {
        decimal_grouping(spec)
    };
    let mut lay = Layout {
        fill: '\0',
        align: '<',
        width: -1,
        sign: spec.sign,
        grouping,
    };
    let mut body = String::new();
    if add_parens {
        body.push('(');
    }
    if !skip_re {
        body.push_str(&render_number(&split_float_text(&re_text), &lay));
        lay.sign = Some('+');
    }
    body.push_str(&render_number(&split_float_text(&im_text), &lay));
    body.push('j');
    if add_parens {
        body.push(')');
    }
    let len = i64::try_from(body.chars().count()).unwrap_or(i64::MAX);
    Ok(pad(&body, len, width, spec.align.unwrap_or('>'), spec.fill))
}

/// Python's `repr(complex)` (also `str`): `(1+2j)`, `2j`, `(-0+1j)`, `-2j`,
/// `(nan+infj)`, `(1.5-0j)`, `1e+20j`.
pub fn repr_complex(re: f64, im: f64) -> String {
    if re == 0.0 && re.is_sign_positive() {
        let im_text = double_to_string(im, 'r', 0, DtsFlags::default());
        return format!("{im_text}j");
    }
    let re_text = double_to_string(re, 'r', 0, DtsFlags::default());
    let im_text = double_to_string(
        im,
        'r',
        0,
        DtsFlags {
            sign: true,
            ..DtsFlags::default()
        },
    );
    format!("({re_text}{im_text}j)")
}

#[cfg(test)]
mod tests {
    use super::*;

    // Expected values below were produced with CPython 3.11.7 (`format(v, spec)`
    // and `repr(complex)`).

    fn fmt_int(v: &str, spec: &str) -> Result<String, String> {
        let v: BigInt = v.parse().expect("test literal");
        parse_spec(spec, "int").and_then(|s| format_int(&v, &s))
    }

    fn fmt_float(x: f64, spec: &str) -> Result<String, String> {
        parse_spec(spec, "float").and_then(|s| format_float(x, &s))
    }

    fn fmt_str(v: &str, spec: &str) -> Result<String, String> {
        parse_spec(spec, "str").and_then(|s| format_str(v, &s))
    }

    fn fmt_complex(re: f64, im: f64, spec: &str) -> Result<String, String> {
        parse_spec(spec, "complex").and_then(|s| format_complex(re, im, &s))
    }

    fn ok(s: &str) -> Result<String, String> {
        Ok(s.to_string())
    }

    fn err(s: &str) -> Result<String, String> {
        Err(s.to_string())
    }

    #[test]
    fn int_matches_python() {
        let cases: &[(&str, &str, Result<String, String>)] = &[
            ("0", "", ok("0")),
            ("42", "", ok("42")),
            ("-42", "d", ok("-42")),
            ("255", "x", ok("ff")),
            ("255", "#X", ok("0XFF")),
            ("255", "#x", ok("0xff")),
            ("5", "#b", ok("0b101")),
            ("8", "#o", ok("0o10")),
            ("-255", "#010x", ok("-0x00000ff")),
            ("1234567", ",", ok("1,234,567")),
            ("1234567", "_", ok("1_234_567")),
            ("-1234567", "015,", ok("-00,001,234,567")),
            ("1234", "08,", ok("0,001,234")),
            ("1234", "09,", ok("0,001,234")),
            ("3735928559", "_x", ok("dead_beef")),
            ("3735928559", "#_X", ok("0XDEAD_BEEF")),
            ("5", "#_b", ok("0b101")),
            ("65", "c", ok("A")),
            ("65", "05c", ok("0000A")),
            ("65", "*^5c", ok("**A**")),
            ("128512", "c", ok("😀")),
            ("42", "+d", ok("+42")),
            ("42", " d", ok(" 42")),
            ("-42", " d", ok("-42")),
            ("42", "*=+8", ok("+*****42")),
            ("42", "<6", ok("42    ")),
            ("42", "^7", ok("  42   ")),
            ("42", "*^6", ok("**42**")),
            ("42", "0<6", ok("420000")),
            (
                "42",
                ".2",
                err("Precision not allowed in integer format specifier"),
            ),
            (
                "42",
                "z",
                err("Negative zero coercion (z) not allowed in integer format specifier"),
            ),
            ("42", ",x", err("Cannot specify ',' with 'x'.")),
            ("42", "_n", err("Cannot specify '_' with 'n'.")),
            ("42", ",c", err("Cannot specify ',' with 'c'.")),
            (
                "65",
                "+c",
                err("Sign not allowed with integer format specifier 'c'"),
            ),
            (
                "65",
                "#c",
                err("Alternate form (#) not allowed with integer format specifier 'c'"),
            ),
            ("-1", "c", err("%c arg not in range(0x110000)")),
            ("1114112", "c", err("%c arg not in range(0x110000)")),
            (
                "9223372036854775808",
                "c",
                err("Python int too large to convert to C long"),
            ),
            (
                "42",
                "q",
                err("Unknown format code 'q' for object of type 'int'"),
            ),
            (
                "42",
                "s",
                err("Unknown format code 's' for object of type 'int'"),
            ),
            ("42", "e", ok("4.200000e+01")),
            ("42", ".2f", ok("42.00")),
            ("123456789", ".3%", ok("12345678900.000%")),
            ("9007199254740993", "f", ok("9007199254740992.000000")),
            (
                "179769313486231590772930519078902473361797697894230657273430081157732675805500963132708477322407536021120113879871393357658789768814416622492847430639474124377767893424865485276302219601246094119453082952085005768838150682342462881473913110540827237163350510684586298239947245938479716304835356329624224137216",
                "f",
                err("int too large to convert to float"),
            ),
            (
                "179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497792",
                "e",
                err("int too large to convert to float"),
            ),
            (
                "179769313486231570814527423731704356798070567525844996598917476803157260780028538760589558632766878171540458953514382464234321326889464182768467546703537516986049910576551282076245490090389328944075868508455133942304583236903222948165808559332123348274797826204144723168738177180919299881250404026184124858368",
                "e",
                ok("1.797693e+308"),
            ),
            (
                "-1267650600228229401496703205376",
                "_",
                ok("-1_267_650_600_228_229_401_496_703_205_376"),
            ),
            (
                "1000000000000000000000000000000",
                "n",
                ok("1000000000000000000000000000000"),
            ),
            ("7", "010n", ok("0000000007")),
            ("-7", "=+5", ok("-   7")),
            ("255", "X", ok("FF")),
            ("3", "#010b", ok("0b00000011")),
            ("12345", "+012_", ok("+000_012_345")),
            ("0", "#x", ok("0x0")),
            ("0", "+", ok("+0")),
            (
                "1",
                "\0",
                err("Unknown format code '\\x0' for object of type 'int'"),
            ),
            ("1", "é^9,", ok("éééé1éééé")),
        ];
        for (v, spec, want) in cases {
            assert_eq!(&fmt_int(v, spec), want, "format({v}, {spec:?})");
        }
    }

    #[test]
    fn float_matches_python() {
        let cases: &[(f64, &str, Result<String, String>)] = &[
            (1.5, "", ok("1.5")),
            (1.5, "10", ok("       1.5")),
            (-1.5, "<10", ok("-1.5      ")),
            (1234.5678, ".3", ok("1.23e+03")),
            (100.0, ".3", ok("1e+02")),
            (100.0, ".4", ok("100.0")),
            (1.0, ".3", ok("1.0")),
            (1.5, ".0", ok("2e+00")),
            (1234.5678, ",.2f", ok("1,234.57")),
            (1234567.891, "_", ok("1_234_567.891")),
            (1234567.891, "015,.2f", ok("0,001,234,567.89")),
            (-0.0, "", ok("-0.0")),
            (-0.0, "z", ok("0.0")),
            (-0.0001, "z.2f", ok("0.00")),
            (-0.0001, ".2f", ok("-0.00")),
            (-0.0001, "z.2e", ok("-1.00e-04")),
            (-0.0, "z.1", ok("0e+00")),
            (0.5, "%", ok("50.000000%")),
            (0.125, ".1%", ok("12.5%")),
            (f64::INFINITY, "", ok("inf")),
            (f64::INFINITY, "010", ok("0000000inf")),
            (f64::NEG_INFINITY, "+F", ok("-INF")),
            (f64::NAN, "E", ok("NAN")),
            (f64::NAN, "+", ok("+nan")),
            (f64::INFINITY, "%", ok("inf%")),
            (1e+16, "", ok("1e+16")),
            (1e+16, "g", ok("1e+16")),
            (123456.0, "g", ok("123456")),
            (1234567.0, "g", ok("1.23457e+06")),
            (1234567.0, "n", ok("1.23457e+06")),
            (1234567.0, "#g", ok("1.23457e+06")),
            (1.0, "#.3g", ok("1.00")),
            (1.0, "#", ok("1.0")),
            (1.0, "#.0f", ok("1.")),
            (1.0, "#.0e", ok("1.e+00")),
            (0.0001, "g", ok("0.0001")),
            (1e-05, "g", ok("1e-05")),
            (12.0, "=+010.3f", ok("+00012.000")),
            (12.0, " 010.3f", ok(" 00012.000")),
            (-12.0, "*^12.3e", ok("*-1.200e+01*")),
            (
                1e+300,
                ",.0f",
                ok(
                    "1,000,000,000,000,000,052,504,760,255,204,420,248,704,468,581,108,159,154,915,854,115,511,802,457,988,908,195,786,371,375,080,447,864,043,704,443,832,883,878,176,942,523,235,360,430,575,644,792,184,786,706,982,848,387,200,926,575,803,737,830,233,794,788,090,059,368,953,234,970,799,945,081,119,038,967,640,880,074,652,742,780,142,494,579,258,788,820,056,842,838,115,669,472,196,386,865,459,400,540,160",
                ),
            ),
            (5e-324, ".3g", ok("4.94e-324")),
            (2.5, ".0f", ok("2")),
            (3.5, ".0f", ok("4")),
            (0.1, ".20f", ok("0.10000000000000000555")),
            (
                1.0,
                "x",
                err("Unknown format code 'x' for object of type 'float'"),
            ),
            (
                1.0,
                "d",
                err("Unknown format code 'd' for object of type 'float'"),
            ),
            (1.0, ",n", err("Cannot specify ',' with 'n'.")),
            (
                1.0,
                ".2s",
                err("Unknown format code 's' for object of type 'float'"),
            ),
            (1.0, "z,_f", err("Cannot specify both ',' and '_'.")),
            (1.0, ".2147483648f", err("precision too big")),
            (1.0, "10.x", err("Format specifier missing precision")),
            (1e+22, "e", ok("1.000000e+22")),
            (1.0, "\0", ok("1.0")),
            (12345.6789, "_.2f", ok("12_345.68")),
            (12345.6789, "0=20,.3f", ok("0,000,000,012,345.679")),
            (12345.6789, "020_.3e", ok("0_000_000_001.235e+04")),
            (9.5, ".1g", ok("1e+01")),
            (0.0, ".3g", ok("0")),
            (0.0, "#.3g", ok("0.00")),
            (-1e-07, "", ok("-1e-07")),
            (-1e-07, ".3", ok("-1e-07")),
        ];
        for (x, spec, want) in cases {
            assert_eq!(&fmt_float(*x, spec), want, "format({x:e}, {spec:?})");
        }
    }

    #[test]
    fn str_matches_python() {
        let cases: &[(&str, &str, Result<String, String>)] = &[
            ("abc", "", ok("abc")),
            ("abc", "10", ok("abc       ")),
            ("abc", ">10", ok("       abc")),
            ("abc", "^10", ok("   abc    ")),
            ("abc", "*^9", ok("***abc***")),
            ("abc", ".2", ok("ab")),
            ("héllo", "*>8.3", ok("*****hél")),
            ("日本語", "^7", ok("  日本語  ")),
            ("abc", "05", ok("abc00")),
            (
                "abc",
                "=5",
                err("'=' alignment not allowed in string format specifier"),
            ),
            (
                "abc",
                "+",
                err("Sign not allowed in string format specifier"),
            ),
            (
                "abc",
                " ",
                err("Space not allowed in string format specifier"),
            ),
            (
                "abc",
                "#",
                err("Alternate form (#) not allowed in string format specifier"),
            ),
            (
                "abc",
                "z",
                err("Negative zero coercion (z) not allowed in string format specifier"),
            ),
            ("abc", ",", err("Cannot specify ',' with 's'.")),
            ("abc", "_", err("Cannot specify '_' with 's'.")),
            (
                "abc",
                "d",
                err("Unknown format code 'd' for object of type 'str'"),
            ),
            ("abc", "s", ok("abc")),
            ("abc", "<<5", ok("abc<<")),
            ("abc", ".0", ok("")),
            ("", "5", ok("     ")),
            ("abc", "x<2", ok("abc")),
        ];
        for (v, spec, want) in cases {
            assert_eq!(&fmt_str(v, spec), want, "format({v:?}, {spec:?})");
        }
    }

    #[test]
    fn complex_matches_python() {
        let cases: &[(f64, f64, &str, Result<String, String>)] = &[
            (1.0, 2.0, "", ok("(1+2j)")),
            (1.0, 2.0, ".2f", ok("1.00+2.00j")),
            (0.0, 2.0, "", ok("2j")),
            (-0.0, 1.0, "", ok("(-0+1j)")),
            (1.5, -0.0, "", ok("(1.5-0j)")),
            (1.0, 2.0, "20", ok("              (1+2j)")),
            (1.0, 2.0, "<20", ok("(1+2j)              ")),
            (1.0, 2.0, "*^20", ok("*******(1+2j)*******")),
            (1.0, 2.0, "+", ok("(+1+2j)")),
            (0.0, 2.0, "+", ok("+2j")),
            (
                1.0,
                2.0,
                "010",
                err("Zero padding is not allowed in complex format specifier"),
            ),
            (
                1.0,
                2.0,
                "=10",
                err("'=' alignment flag is not allowed in complex format specifier"),
            ),
            (
                1.0,
                2.0,
                "0<10",
                err("Zero padding is not allowed in complex format specifier"),
            ),
            (
                1.0,
                2.0,
                "%",
                err("Unknown format code '%' for object of type 'complex'"),
            ),
            (1.0, 2.0, ".3", ok("(1+2j)")),
            (0.0, 2.0, ".3", ok("2j")),
            (1234567.5, -2.0, ",.1f", ok("1,234,567.5-2.0j")),
            (1.0, 2.0, "e", ok("1.000000e+00+2.000000e+00j")),
            (f64::NAN, f64::INFINITY, "", ok("(nan+infj)")),
            (f64::NAN, f64::NEG_INFINITY, "F", ok("NAN-INFj")),
            (1.0, 2.0, "n", ok("1+2j")),
            (-0.0, -0.0, "z", ok("(0+0j)")),
            (-0.0, -0.0, "z.1f", ok("0.0+0.0j")),
            (1.0, 2.0, "#.0f", ok("1.+2.j")),
            (1e+20, 1e-20, "g", ok("1e+20+1e-20j")),
        ];
        for (re, im, spec, want) in cases {
            assert_eq!(
                &fmt_complex(*re, *im, spec),
                want,
                "format(complex({re}, {im}), {spec:?})"
            );
        }
    }

    #[test]
    fn repr_complex_matches_python() {
        let cases: &[(f64, f64, &str)] = &[
            (1.0, 2.0, "(1+2j)"),
            (0.0, 2.0, "2j"),
            (-0.0, 1.0, "(-0+1j)"),
            (0.0, -2.0, "-2j"),
            (f64::NAN, f64::INFINITY, "(nan+infj)"),
            (1.5, -0.0, "(1.5-0j)"),
            (0.0, 1e+20, "1e+20j"),
            (-0.0, -0.0, "(-0-0j)"),
            (0.0, 0.0, "0j"),
            (f64::INFINITY, f64::NAN, "(inf+nanj)"),
            (-1e-05, 1e+16, "(-1e-05+1e+16j)"),
            (0.0, f64::NAN, "nanj"),
            (
                0.30000000000000004,
                -0.3333333333333333,
                "(0.30000000000000004-0.3333333333333333j)",
            ),
        ];
        for &(re, im, want) in cases {
            assert_eq!(repr_complex(re, im), want);
        }
        // An empty spec gives the same as repr.
        for &(re, im, want) in cases {
            assert_eq!(fmt_complex(re, im, ""), ok(want));
        }
    }

    #[test]
    fn parse_fields() {
        let s = parse_spec("*^+z#012,.3f", "float").expect("valid");
        assert_eq!(
            s,
            FormatSpec {
                fill: '*',
                align: Some('^'),
                sign: Some('+'),
                z: true,
                alternate: true,
                zero: false,
                width: Some(12),
                grouping: Some(','),
                precision: Some(3),
                ty: Some('f'),
            }
        );
        let s = parse_spec("010_x", "int").expect("valid");
        assert!(s.zero && s.fill == '0' && s.align.is_none());
        assert_eq!(
            (s.width, s.grouping, s.ty),
            (Some(10), Some('_'), Some('x'))
        );
        assert_eq!(parse_spec("", "int"), Ok(FormatSpec::default()));
        // Unicode decimal digits count as digits (ARABIC-INDIC DIGIT THREE).
        assert_eq!(fmt_int("5", "\u{663}"), ok("  5"));
    }

    #[test]
    fn parse_errors_match_python() {
        let cases: &[(&str, &str, &str)] = &[
            (
                "abc",
                "float",
                "Invalid format specifier 'abc' for object of type 'float'",
            ),
            (
                "%%",
                "int",
                "Invalid format specifier '%%' for object of type 'int'",
            ),
            (
                "ss",
                "str",
                "Invalid format specifier 'ss' for object of type 'str'",
            ),
            ("10.", "complex", "Format specifier missing precision"),
            (".f", "float", "Format specifier missing precision"),
            ("_,", "int", "Cannot specify both ',' and '_'."),
            (",_", "int", "Cannot specify both ',' and '_'."),
            ("__", "int", "Cannot specify '_' with '_'."),
            (",s", "int", "Cannot specify ',' with 's'."),
            (",x", "float", "Cannot specify ',' with 'x'."),
            (
                "1000000000000000000000d",
                "int",
                "Too many decimal digits in format string",
            ),
        ];
        for &(spec, ty, want) in cases {
            assert_eq!(parse_spec(spec, ty), Err(want.to_string()), "{spec:?}");
        }
        // Codes outside printable ASCII are shown as \x.. in messages.
        assert_eq!(
            fmt_float(1.0, "é"),
            err("Unknown format code '\\xe9' for object of type 'float'")
        );
    }

    #[test]
    fn huge_fields_are_errors_not_allocations() {
        let big = format!("{}", MAX_FIELD_SIZE + 1);
        assert_eq!(fmt_int("1", &big), err(FIELD_TOO_LARGE));
        assert_eq!(fmt_float(1.0, &format!(".{big}f")), err(FIELD_TOO_LARGE));
        assert_eq!(fmt_str("a", &big), err(FIELD_TOO_LARGE));
        assert_eq!(fmt_complex(1.0, 1.0, &big), err(FIELD_TOO_LARGE));
        // A huge string precision is just "no truncation".
        assert_eq!(fmt_str("abc", &format!(".{}", usize::MAX >> 2)), ok("abc"));
        assert_eq!(fmt_int("1", "9223372036854775807"), err(FIELD_TOO_LARGE));
    }

    #[test]
    fn manual_specs_do_not_panic() {
        // Hand-built specs may combine fields the parser never produces.
        let mut rng: u64 = 0x1234_5678_9abc_def0;
        let mut next = || {
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            rng
        };
        let pick = |r: u64, s: &str| {
            s.chars()
                .nth(usize::try_from(r).unwrap_or(0) % s.chars().count())
        };
        for _ in 0..3000 {
            let spec = FormatSpec {
                fill: pick(next(), " 0*é").unwrap_or(' '),
                align: pick(next(), "<>=^x").filter(|&c| c != 'x'),
                sign: pick(next(), "+- x").filter(|&c| c != 'x'),
                z: next() % 2 == 0,
                alternate: next() % 2 == 0,
                zero: next() % 2 == 0,
                width: Some(usize::try_from(next() % 40).unwrap_or(0)).filter(|_| next() % 2 == 0),
                grouping: pick(next(), ",_x").filter(|&c| c != 'x'),
                precision: Some(usize::try_from(next() % 30).unwrap_or(0))
                    .filter(|_| next() % 2 == 0),
                ty: pick(next(), "bcdoxXneEfFgG%sq\0?").filter(|&c| c != '?'),
            };
            let v = BigInt::from(next() as i64);
            let x = f64::from_bits(next());
            let _ = format_int(&v, &spec);
            let _ = format_float(x, &spec);
            let _ = format_complex(x, -x, &spec);
            let _ = format_str("héllo", &spec);
        }
        // And every short spec string made of meaningful characters.
        let alphabet: Vec<char> = "0<=^+ z#,_.%xc9é\0".chars().collect();
        for a in &alphabet {
            for b in &alphabet {
                for c in &alphabet {
                    let spec: String = [*a, *b, *c].iter().collect();
                    let _ = fmt_int("-12", &spec);
                    let _ = fmt_float(-0.0, &spec);
                    let _ = fmt_str("", &spec);
                    let _ = fmt_complex(f64::NAN, 1.0, &spec);
                }
            }
        }
    }
}
