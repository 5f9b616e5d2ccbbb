//! Methods of `str`, `%`-formatting and `str.format`, following CPython 3.11
//! (results and error messages). Each family lives in its own file; this one
//! dispatches method calls and holds what they share.

mod args;
mod format;
mod layout;
mod percent;
mod search;
pub mod unicode;
#[rustfmt::skip]
mod unicode_data;

pub use format::str_format;
pub use percent::percent_format;

use crate::eval::Interp;
use crate::eval::exceptions::{Exc, ExcType, PResult, type_error};
use crate::eval::value::{Args, Value};
use crate::text::RcStr;

/// Names of the methods of `str`.
pub const STR_METHODS: &[&str] = &[
    "capitalize",
    "casefold",
    "center",
    "count",
    "endswith",
    "expandtabs",
    "find",
    "format",
    "format_map",
    "index",
    "isalnum",
    "isalpha",
    "isascii",
    "isdecimal",
    "isdigit",
    "isidentifier",
    "islower",
    "isnumeric",
    "isprintable",
    "isspace",
    "istitle",
    "isupper",
    "join",
    "ljust",
    "lower",
    "lstrip",
    "maketrans",
    "partition",
    "removeprefix",
    "removesuffix",
    "replace",
    "rfind",
    "rindex",
    "rjust",
    "rpartition",
    "rsplit",
    "rstrip",
    "split",
    "splitlines",
    "startswith",
    "strip",
    "swapcase",
    "title",
    "translate",
    "upper",
    "zfill",
];

/// Longest padding or expansion built on request (`'a'.center(10**12)`);
/// beyond it CPython would run out of memory, and so do we, politely.
pub const MAX_RESULT_CHARS: usize = 1 << 28;

/// The `MemoryError` raised for results longer than [`MAX_RESULT_CHARS`].
pub fn too_long() -> Box<Exc> {
    Exc::with_args(ExcType::MemoryError, vec![])
}

pub fn new_str(s: String) -> Value {
    Value::Str(RcStr::from(s))
}

/// A string with its length in characters, for converting between
/// character indices (what Python counts) and byte offsets.
pub struct Text<'a> {
    pub s: &'a str,
    ascii: bool,
    pub len: usize,
}

impl<'a> Text<'a> {
    pub fn new(s: &'a str) -> Text<'a> {
        let ascii = s.is_ascii();
        let len = if ascii { s.len() } else { s.chars().count() };
        Text { s, ascii, len }
    }
    /// Byte offset of character `i` (the end for `i >= len`).
    pub fn byte(&self, i: usize) -> usize {
        if self.ascii {
            i.min(self.s.len())
        } else {
            self.s
                .char_indices()
                .nth(i)
                .map_or(self.s.len(), |(b, _)| b)
        }
    }
    /// Character index of byte offset `b`.
    pub fn char_of(&self, b: usize) -> usize {
        if self.ascii {
            b
        } else {
            self.s[..b].chars().count()
        }
    }
}

/// Whether `str` has a method called `name`.
pub fn has_str_method(name: &str) -> bool {
    STR_METHODS.contains(&name)
}

/// `str.name` looked up on the type: the method to call with the string
/// first (`sorted(words, key=str.lower)`).
pub fn unbound_name(name: &str) -> Option<String> {
    has_str_method(name).then(|| format!("str.{name}"))
}

/// `str.name(s, ...)`: checks and takes the string argument.
fn call_unbound(it: &mut Interp, name: &str, mut a: Args) -> PResult<Value> {
    if name == "maketrans" {
        return layout::maketrans(&a);
    }
    if a.pos.is_empty() {
        return type_error(format!("unbound method str.{name}() needs an argument"));
    }
    match a.pos.remove(0) {
        Value::Str(s) => call_str_method(it, &s, name, a).unwrap_or_else(|| {
            type_error(format!("unbound method str.{name}() needs an argument"))
        }),
        v => type_error(format!(
            "descriptor '{name}' for 'str' objects doesn't apply to a '{}' object",
            v.type_name()
        )),
    }
}

fn predicate(name: &str, s: &str, a: &Args, test: fn(&str) -> bool) -> PResult<Value> {
    args::none(name, a)?;
    Ok(Value::Bool(test(s)))
}

fn all_chars(s: &str, f: fn(char) -> bool) -> bool {
    !s.is_empty() && s.chars().all(f)
}

fn convert(name: &str, s: &str, a: &Args, f: fn(&str) -> String) -> PResult<Value> {
    args::none(name, a)?;
    Ok(new_str(f(s)))
}

/// `s.name(args)`; `None` when `str` has no such method.
pub fn call_str_method(it: &mut Interp, s: &RcStr, name: &str, a: Args) -> Option<PResult<Value>> {
    use unicode as u;
    if let Some(m) = name.strip_prefix("str.") {
        return Some(call_unbound(it, m, a));
    }
    Some(match name {
        "find" | "rfind" | "index" | "rindex" => search::find(name, s, &a),
        "count" => search::count(s, &a),
        "startswith" | "endswith" => search::starts_ends(name, s, &a),
        "replace" => search::replace(s, &a),
        "split" | "rsplit" => search::split(name, s, a),
        "partition" | "rpartition" => search::partition(name, s, &a),
        "removeprefix" | "removesuffix" => search::remove_affix(name, s, &a),
        "strip" | "lstrip" | "rstrip" => layout::strip(name, s, &a),
        "center" | "ljust" | "rjust" => layout::justify(name, s, &a),
        "zfill" => layout::zfill(s, &a),
        "expandtabs" => layout::expandtabs(s, a),
        "splitlines" => layout::splitlines(s, a),
        "join" => layout::join(it, s, &a),
        "translate" => layout::translate(it, s, &a),
        "maketrans" => layout::maketrans(&a),
        "format" => str_format(it, s, a),
        "format_map" => format::format_map(it, s, &a),
        "upper" => convert(name, s, &a, u::upper),
        "lower" => convert(name, s, &a, u::lower),
        "title" => convert(name, s, &a, u::title),
        "capitalize" => convert(name, s, &a, u::capitalize),
        "swapcase" => convert(name, s, &a, u::swapcase),
        "casefold" => convert(name, s, &a, u::casefold),
        "isalpha" => predicate(name, s, &a, |s| all_chars(s, u::is_alpha)),
        "isalnum" => predicate(name, s, &a, |s| all_chars(s, u::is_alnum)),
        "isdigit" => predicate(name, s, &a, |s| all_chars(s, u::is_digit)),
        "isdecimal" => predicate(name, s, &a, |s| all_chars(s, u::is_decimal)),
        "isnumeric" => predicate(name, s, &a, |s| all_chars(s, u::is_numeric)),
        "isspace" => predicate(name, s, &a, |s| all_chars(s, u::is_space)),
        "isascii" => predicate(name, s, &a, str::is_ascii),
        "isprintable" => predicate(name, s, &a, |s| s.chars().all(u::is_printable)),
        "islower" => predicate(name, s, &a, u::str_is_lower),
        "isupper" => predicate(name, s, &a, u::str_is_upper),
        "istitle" => predicate(name, s, &a, u::str_is_title),
        "isidentifier" => predicate(name, s, &a, u::str_is_identifier),
        _ => return None,
    })
}
