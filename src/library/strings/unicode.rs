//! Character properties and case conversions with CPython 3.11's rules
//! (Unicode 14.0, from `unicode_data`): what `str.isalpha()`, `str.upper()`,
//! `str.title()`, `str.split()` and friends consider letters, digits, spaces
//! and cases.

use super::unicode_data as data;

fn in_ranges(table: &[(u32, u32)], c: char) -> bool {
    let cp = c as u32;
    let i = table.partition_point(|&(first, _)| first <= cp);
    i > 0 && cp <= table[i - 1].1
}

pub fn is_alpha(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    in_ranges(data::ALPHA, c)
}
pub fn is_decimal(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_digit();
    }
    in_ranges(data::DECIMAL, c)
}
/// The value of a decimal digit of any script (`Py_UNICODE_TODECIMAL`).
pub fn decimal_value(c: char) -> Option<u32> {
    if c.is_ascii() {
        return c.to_digit(10);
    }
    let cp = c as u32;
    let table = data::DECIMAL;
    let i = table.partition_point(|&(first, _)| first <= cp);
    let (first, last) = *table.get(i.checked_sub(1)?)?;
    // Every run of decimal digits is a whole 0..9 block.
    (cp <= last).then_some((cp - first) % 10)
}
pub fn is_digit(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_digit();
    }
    in_ranges(data::DIGIT, c)
}
pub fn is_numeric(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_digit();
    }
    in_ranges(data::NUMERIC, c)
}
pub fn is_alnum(c: char) -> bool {
    is_alpha(c) || is_numeric(c)
}
/// `Py_UNICODE_ISSPACE`: what `split()` and `strip()` treat as whitespace
/// (including the ASCII separators `\x1c`..`\x1f`).
pub fn is_space(c: char) -> bool {
    if c.is_ascii() {
        return matches!(c, '\t'..='\r' | '\x1c'..='\x1f' | ' ');
    }
    in_ranges(data::SPACE, c)
}
/// Line boundaries of `str.splitlines()`.
pub fn is_linebreak(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r'
            | '\x0b'
            | '\x0c'
            | '\x1c'
            | '\x1d'
            | '\x1e'
            | '\u{85}'
            | '\u{2028}'
            | '\u{2029}'
    )
}
pub fn is_lower(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_lowercase();
    }
    in_ranges(data::LOWER, c)
}
pub fn is_upper(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_uppercase();
    }
    in_ranges(data::UPPER, c)
}
/// Titlecase letters (category Lt), such as `ǅ`.
pub fn is_title(c: char) -> bool {
    !c.is_ascii() && in_ranges(data::TITLE, c)
}
fn is_cased(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    in_ranges(data::CASED, c)
}
fn is_case_ignorable(c: char) -> bool {
    if c.is_ascii() {
        return matches!(c, '\'' | '.' | ':' | '^' | '`');
    }
    in_ranges(data::CASE_IGNORABLE, c)
}
pub fn is_xid_start(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphabetic();
    }
    in_ranges(data::XID_START, c)
}
pub fn is_xid_continue(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric() || c == '_';
    }
    in_ranges(data::XID_CONTINUE, c)
}
pub fn is_printable(c: char) -> bool {
    if c.is_ascii() {
        return (' '..='~').contains(&c);
    }
    in_ranges(data::PRINTABLE, c)
}

/// Looks `c` up in a table of `(first, last, step, delta)` runs.
fn run_lookup(runs: &[(u32, u32, u32, i32)], c: char) -> Option<char> {
    let cp = c as u32;
    let i = runs.partition_point(|r| r.0 <= cp);
    let (first, last, step, delta) = *runs.get(i.checked_sub(1)?)?;
    if cp <= last && (cp - first).is_multiple_of(step) {
        char::from_u32(cp.wrapping_add_signed(delta))
    } else {
        None
    }
}

fn multi_lookup(table: &[(u32, &'static str)], c: char) -> Option<&'static str> {
    let cp = c as u32;
    table
        .binary_search_by_key(&cp, |&(k, _)| k)
        .ok()
        .map(|i| table[i].1)
}

fn push_upper(out: &mut String, c: char) {
    if c.is_ascii() {
        out.push(c.to_ascii_uppercase());
    } else if let Some(m) = multi_lookup(data::UPPER_MULTI, c) {
        out.push_str(m);
    } else {
        out.push(run_lookup(data::UPPER_MAP, c).unwrap_or(c));
    }
}

fn push_lower(out: &mut String, c: char) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
    } else if let Some(m) = multi_lookup(data::LOWER_MULTI, c) {
        out.push_str(m);
    } else {
        out.push(run_lookup(data::LOWER_MAP, c).unwrap_or(c));
    }
}

fn push_title(out: &mut String, c: char) {
    if c.is_ascii() {
        out.push(c.to_ascii_uppercase());
    } else if let Some(m) = multi_lookup(data::TITLE_MULTI, c) {
        out.push_str(m);
    } else if let Some(t) = run_lookup(data::TITLE_MAP, c) {
        out.push(t);
    } else {
        push_upper(out, c);
    }
}

fn push_fold(out: &mut String, c: char) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
    } else if let Some(m) = multi_lookup(data::FOLD_MULTI, c) {
        out.push_str(m);
    } else if let Some(t) = run_lookup(data::FOLD_MAP, c) {
        out.push(t);
    } else {
        push_lower(out, c);
    }
}

const CAPITAL_SIGMA: char = '\u{3a3}';

/// Lowercases `chars[i]`; a capital sigma becomes final `ς` at the end of a
/// word (a cased letter before it, none after, skipping case-ignorables).
fn push_lower_at(out: &mut String, chars: &[char], i: usize) {
    let c = chars[i];
    if c != CAPITAL_SIGMA {
        return push_lower(out, c);
    }
    let before = chars[..i].iter().rev().find(|&&x| !is_case_ignorable(x));
    let after = chars[i + 1..].iter().find(|&&x| !is_case_ignorable(x));
    let is_final = before.is_some_and(|&x| is_cased(x)) && !after.is_some_and(|&x| is_cased(x));
    out.push(if is_final { '\u{3c2}' } else { '\u{3c3}' });
}

pub fn upper(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_uppercase();
    }
    let mut out = String::with_capacity(s.len());
    s.chars().for_each(|c| push_upper(&mut out, c));
    out
}

pub fn lower(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for i in 0..chars.len() {
        push_lower_at(&mut out, &chars, i);
    }
    out
}

pub fn casefold(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(s.len());
    s.chars().for_each(|c| push_fold(&mut out, c));
    out
}

pub fn swapcase(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for (i, &c) in chars.iter().enumerate() {
        if is_upper(c) {
            push_lower_at(&mut out, &chars, i);
        } else if is_lower(c) {
            push_upper(&mut out, c);
        } else {
            out.push(c);
        }
    }
    out
}

/// `str.capitalize()`: the first character in titlecase, the rest lowercased.
pub fn capitalize(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for i in 0..chars.len() {
        if i == 0 {
            push_title(&mut out, chars[0]);
        } else {
            push_lower_at(&mut out, &chars, i);
        }
    }
    out
}

/// `str.title()`: titlecase after an uncased character, lowercase after a cased one.
pub fn title(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut prev_cased = false;
    for (i, &c) in chars.iter().enumerate() {
        if prev_cased {
            push_lower_at(&mut out, &chars, i);
        } else {
            push_title(&mut out, c);
        }
        prev_cased = is_cased(c);
    }
    out
}

/// `str.islower()`: some cased character, and none uppercase or titlecase.
pub fn str_is_lower(s: &str) -> bool {
    let mut cased = false;
    for c in s.chars() {
        if is_upper(c) || is_title(c) {
            return false;
        }
        cased |= is_lower(c);
    }
    cased
}

/// `str.isupper()`: some cased character, and none lowercase or titlecase.
pub fn str_is_upper(s: &str) -> bool {
    let mut cased = false;
    for c in s.chars() {
        if is_lower(c) || is_title(c) {
            return false;
        }
        cased |= is_upper(c);
    }
    cased
}

/// `str.istitle()`: uppercase/titlecase only after uncased characters,
/// lowercase only after cased ones, and at least one cased character.
pub fn str_is_title(s: &str) -> bool {
    let mut cased = false;
    let mut prev_cased = false;
    for c in s.chars() {
        if is_upper(c) || is_title(c) {
            if prev_cased {
                return false;
            }
            prev_cased = true;
            cased = true;
        } else if is_lower(c) {
            if !prev_cased {
                return false;
            }
            prev_cased = true;
            cased = true;
        } else {
            prev_cased = false;
        }
    }
    cased
}

pub fn str_is_identifier(s: &str) -> bool {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) if c == '_' || is_xid_start(c) => chars.all(is_xid_continue),
        _ => false,
    }
}

/// `ascii(x)` from `repr(x)`: non-ASCII characters as `\x`, `\u` or `\U` escapes.
pub fn ascii_escape(repr: &str) -> String {
    use std::fmt::Write;
    let mut out = String::with_capacity(repr.len());
    for c in repr.chars() {
        let cp = c as u32;
        let _ = match cp {
            0..=0x7f => {
                out.push(c);
                Ok(())
            }
            0x80..=0xff => write!(out, "\\x{cp:02x}"),
            0x100..=0xffff => write!(out, "\\u{cp:04x}"),
            _ => write!(out, "\\U{cp:08x}"),
        };
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_mappings_follow_cpython() {
        assert_eq!(upper("straße ﬁ"), "STRASSE FI");
        assert_eq!(lower("ΣΑΣ ΑΣ.b İ"), "σας ασ.b i\u{307}");
        assert_eq!(title("ǆungla ßa they're"), "ǅungla Ssa They'Re");
        assert_eq!(capitalize("ΣΣ"), "Σς");
        assert_eq!(casefold("Straße"), "strasse");
        assert_eq!(swapcase("ﬃ ΑΣ"), "FFI ας");
    }

    #[test]
    fn properties_follow_cpython() {
        assert!(is_space('\x1c') && is_space('\u{3000}') && !is_space('\u{200b}'));
        assert!(!is_alpha('Ⅰ') && is_numeric('一') && is_digit('²') && !is_decimal('²'));
        assert!(str_is_title("ǅungla") && !str_is_upper("ǅ") && str_is_lower("ʰ"));
        assert!(str_is_identifier("ℕx·") && !str_is_identifier("1a"));
        assert_eq!(ascii_escape("'é€😀'"), "'\\xe9\\u20ac\\U0001f600'");
    }
}
