//! `str.format(*args, **kwargs)` and `str.format_map(mapping)`, parsed the way
//! CPython 3.11's `Objects/stringlib/unicode_format.h` does: `{{`/`}}`
//! escapes, automatic and manual field numbering, `.attr` and `[key]` lookups,
//! `!r`/`!s`/`!a` conversions and format specs with nested fields (two levels
//! at most). Each field is rendered with `format(value, spec)`, the same path
//! as f-strings.

use super::args;
use super::new_str;
use super::unicode::{ascii_escape, decimal_value};
use crate::eval::Interp;
use crate::eval::exceptions::{Exc, ExcType, PResult, index_error, value_error};
use crate::eval::value::{Args, Value};
use std::rc::Rc;

/// What field names are looked up in.
struct Source<'a> {
    /// Positional arguments; `None` for `format_map`.
    args: Option<&'a [Value]>,
    kwargs: Kwargs<'a>,
}

enum Kwargs<'a> {
    Pairs(&'a [(Rc<str>, Value)]),
    Mapping(&'a Value),
}

#[derive(PartialEq, Clone, Copy)]
enum Numbering {
    Unset,
    Auto,
    Manual,
}

/// The state shared by a whole `format` call, nested specs included.
struct Formatter<'a, 'i> {
    it: &'i mut Interp,
    src: Source<'a>,
    numbering: Numbering,
    next_auto: usize,
}

/// `s.format(*args, **kwargs)`.
pub fn str_format(it: &mut Interp, s: &str, a: Args) -> PResult<Value> {
    let src = Source {
        args: Some(&a.pos),
        kwargs: Kwargs::Pairs(&a.kw),
    };
    run(it, s, src)
}

/// `s.format_map(mapping)`.
pub fn format_map(it: &mut Interp, s: &str, a: &Args) -> PResult<Value> {
    let mapping = args::one("format_map", a)?;
    let src = Source {
        args: None,
        kwargs: Kwargs::Mapping(mapping),
    };
    run(it, s, src)
}

fn run(it: &mut Interp, s: &str, src: Source) -> PResult<Value> {
    let chars: Vec<char> = s.chars().collect();
    let mut f = Formatter {
        it,
        src,
        numbering: Numbering::Unset,
        next_auto: 0,
    };
    Ok(new_str(f.build(&chars, 2)?))
}

/// One replacement field as written: `{name!conv:spec}`.
struct Field<'c> {
    name: &'c [char],
    conversion: Option<char>,
    spec: &'c [char],
    spec_has_fields: bool,
}

/// `get_integer`: the field name as a number; `None` when it is not all
/// decimal digits.
fn as_index(name: &[char]) -> PResult<Option<usize>> {
    if name.is_empty() {
        return Ok(None);
    }
    let mut n: u64 = 0;
    for &c in name {
        let Some(d) = decimal_value(c) else {
            return Ok(None);
        };
        let d = u64::from(d);
        if n > (i64::MAX as u64 - d) / 10 {
            return value_error("Too many decimal digits in format string");
        }
        n = n * 10 + d;
    }
    Ok(Some(n as usize))
}

/// Splits the text after a `{` into a field; `pos` ends past its `}`.
fn parse_field<'c>(chars: &'c [char], pos: &mut usize) -> PResult<Field<'c>> {
    let start = *pos;
    let mut last = None;
    while *pos < chars.len() {
        let c = chars[*pos];
        *pos += 1;
        last = Some(c);
        match c {
            '{' => return value_error("unexpected '{' in field name"),
            '[' => {
                while *pos < chars.len() && chars[*pos] != ']' {
                    *pos += 1;
                }
            }
            '}' | ':' | '!' => break,
            _ => {}
        }
    }
    let name = &chars[start..(*pos).saturating_sub(1).max(start)];
    let mut field = Field {
        name,
        conversion: None,
        spec: &[],
        spec_has_fields: false,
    };
    match last {
        Some('}') => return Ok(field),
        Some('!' | ':') => {}
        _ => return value_error("expected '}' before end of string"),
    }
    if last == Some('!') {
        let Some(&conv) = chars.get(*pos) else {
            return value_error("end of string while looking for conversion specifier");
        };
        field.conversion = Some(conv);
        *pos += 1;
        if let Some(&c) = chars.get(*pos) {
            *pos += 1;
            if c == '}' {
                return Ok(field);
            }
            if c != ':' {
                return value_error("expected ':' after conversion specifier");
            }
        }
    }
    let spec_start = *pos;
    let mut depth = 1;
    while *pos < chars.len() {
        let c = chars[*pos];
        *pos += 1;
        match c {
            '{' => {
                field.spec_has_fields = true;
                depth += 1;
            }
            '}' => {
                depth -= 1;
                if depth == 0 {
                    field.spec = &chars[spec_start..*pos - 1];
                    return Ok(field);
                }
            }
            _ => {}
        }
    }
    value_error("unmatched '{' in format spec")
}

impl Formatter<'_, '_> {
    /// `build_string`: expands `chars`, with `depth` levels of nesting left.
    fn build(&mut self, chars: &[char], depth: u32) -> PResult<String> {
        if depth == 0 {
            return value_error("Max string recursion exceeded");
        }
        let mut out = String::with_capacity(chars.len() + 16);
        let mut pos = 0;
        while pos < chars.len() {
            let start = pos;
            let mut brace = None;
            while pos < chars.len() {
                let c = chars[pos];
                pos += 1;
                if c == '{' || c == '}' {
                    brace = Some(c);
                    break;
                }
            }
            let at_end = pos >= chars.len();
            let mut lit_end = pos;
            let mut field_follows = brace.is_some();
            if brace == Some('}') && (at_end || chars[pos] != '}') {
                return value_error("Single '}' encountered in format string");
            }
            if brace == Some('{') && at_end {
                return value_error("Single '{' encountered in format string");
            }
            if let Some(b) = brace {
                if chars[pos] == b {
                    // An escaped brace: the literal keeps one of the two.
                    pos += 1;
                    field_follows = false;
                } else {
                    lit_end -= 1;
                }
            }
            out.extend(&chars[start..lit_end]);
            if field_follows {
                let field = parse_field(chars, &mut pos)?;
                let text = self.render(&field, depth)?;
                out.push_str(&text);
            }
        }
        Ok(out)
    }

    /// `output_markup`: looks the field up, converts and formats it.
    fn render(&mut self, field: &Field, depth: u32) -> PResult<String> {
        let mut v = self.field_value(field.name)?;
        if let Some(conv) = field.conversion {
            let text = match conv {
                'r' => self.it.repr(&v)?,
                's' => self.it.to_str(&v)?,
                'a' => ascii_escape(&self.it.repr(&v)?),
                c if (33..127).contains(&(c as u32)) => {
                    return value_error(format!("Unknown conversion specifier {c}"));
                }
                c => {
                    return value_error(format!("Unknown conversion specifier \\x{:x}", c as u32));
                }
            };
            v = new_str(text);
        }
        let spec: String = if field.spec_has_fields {
            self.build(field.spec, depth - 1)?
        } else {
            field.spec.iter().collect()
        };
        self.it.format_value(&v, &spec)
    }

    /// `get_field_object`: the argument a field name designates, with its
    /// `.attr` and `[key]` parts applied left to right.
    fn field_value(&mut self, name: &[char]) -> PResult<Value> {
        let first_len = name
            .iter()
            .position(|&c| c == '.' || c == '[')
            .unwrap_or(name.len());
        let (first, mut rest) = name.split_at(first_len);
        let mut index = as_index(first)?;
        if first.is_empty() || index.is_some() {
            index = Some(self.number(first.is_empty(), index)?);
        }
        let mut obj = match index {
            None => self.keyword(first.iter().collect())?,
            Some(i) => {
                let Some(args) = self.src.args else {
                    return value_error("Format string contains positional fields");
                };
                match args.get(i) {
                    Some(v) => v.clone(),
                    None => {
                        return index_error(format!(
                            "Replacement index {i} out of range for positional args tuple"
                        ));
                    }
                }
            }
        };
        while let Some((&kind, after)) = rest.split_first() {
            let part_len;
            let part = match kind {
                '.' => {
                    part_len = after
                        .iter()
                        .position(|&c| c == '.' || c == '[')
                        .unwrap_or(after.len());
                    &after[..part_len]
                }
                '[' => {
                    let Some(close) = after.iter().position(|&c| c == ']') else {
                        return value_error("Missing ']' in format string");
                    };
                    part_len = close + 1;
                    &after[..close]
                }
                _ => {
                    return value_error("Only '.' or '[' may follow ']' in format field specifier");
                }
            };
            let item_index = if kind == '[' { as_index(part)? } else { None };
            if part.is_empty() {
                return value_error("Empty attribute in format string");
            }
            let text: String = part.iter().collect();
            obj = match (kind, item_index) {
                ('.', _) => self.it.get_attr(&obj, &text)?,
                (_, Some(i)) => self.it.get_item(&obj, &Value::Int(i as i64))?,
                (_, None) => self.it.get_item(&obj, &Value::str(&text))?,
            };
            rest = &after[part_len..];
        }
        Ok(obj)
    }

    /// Automatic numbering (`{}`) or a manual index (`{0}`), which may not be mixed.
    fn number(&mut self, automatic: bool, index: Option<usize>) -> PResult<usize> {
        if self.numbering == Numbering::Unset {
            self.numbering = if automatic {
                Numbering::Auto
            } else {
                Numbering::Manual
            };
        }
        match (self.numbering, automatic) {
            (Numbering::Manual, true) => value_error(
                "cannot switch from manual field specification to automatic field numbering",
            ),
            (Numbering::Auto, false) => value_error(
                "cannot switch from automatic field numbering to manual field specification",
            ),
            (_, true) => {
                self.next_auto += 1;
                Ok(self.next_auto - 1)
            }
            _ => Ok(index.unwrap_or(0)),
        }
    }

    fn keyword(&mut self, key: String) -> PResult<Value> {
        match self.src.kwargs {
            Kwargs::Pairs(kw) => match kw.iter().find(|(k, _)| **k == *key) {
                Some((_, v)) => Ok(v.clone()),
                None => Err(Exc::with_args(ExcType::KeyError, vec![new_str(key)])),
            },
            Kwargs::Mapping(m) => self.it.get_item(m, &new_str(key)),
        }
    }
}
