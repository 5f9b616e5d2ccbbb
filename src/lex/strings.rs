//! String literals: finding their end while lexing, and decoding their contents.

use super::{LexErrorKind, Tok};
use logos::Lexer;

/// Called by logos after a prefix and an opening quote; consumes the rest of the literal.
pub fn lex_string<'a>(lex: &mut Lexer<'a, Tok<'a>>) -> Result<&'a str, LexErrorKind> {
    let quote = lex.slice().as_bytes()[lex.slice().len() - 1];
    let rest = lex.remainder().as_bytes();
    let triple = rest.len() >= 2 && rest[0] == quote && rest[1] == quote;
    let mut i = if triple { 2 } else { 0 };
    loop {
        if i >= rest.len() {
            lex.bump(rest.len());
            return Err(if triple {
                LexErrorKind::UnterminatedTriple
            } else {
                LexErrorKind::UnterminatedString
            });
        }
        let c = rest[i];
        if c == b'\\' {
            i += 2;
            continue;
        }
        if c == b'\n' && !triple {
            lex.bump(i);
            return Err(LexErrorKind::UnterminatedString);
        }
        if c == quote {
            if !triple {
                lex.bump(i + 1);
                return Ok(lex.slice());
            }
            if rest.get(i + 1) == Some(&quote) && rest.get(i + 2) == Some(&quote) {
                lex.bump(i + 3);
                return Ok(lex.slice());
            }
        }
        i += 1;
    }
}

/// The parts of a literal: prefix flags and the text between the quotes.
pub struct StrLit<'a> {
    pub raw: bool,
    pub fstring: bool,
    pub bytes: bool,
    pub body: &'a str,
    /// Byte offset of `body` inside the token text.
    pub body_offset: usize,
}

pub fn split_literal(tok: &str) -> StrLit<'_> {
    let qpos = tok.find(['\'', '"']).unwrap_or(0);
    let prefix = &tok[..qpos];
    let q = &tok[qpos..];
    let qlen = if q.len() >= 6 && (q.starts_with("'''") || q.starts_with("\"\"\"")) {
        3
    } else {
        1
    };
    let body = &tok[qpos + qlen..tok.len().saturating_sub(qlen).max(qpos + qlen)];
    StrLit {
        raw: prefix.contains(['r', 'R']),
        fstring: prefix.contains(['f', 'F']),
        bytes: prefix.contains(['b', 'B']),
        body,
        body_offset: qpos + qlen,
    }
}

/// Decodes backslash escapes. Errors carry the byte offset (inside `s`) and a message.
pub fn unescape(s: &str, raw: bool) -> Result<String, (usize, String)> {
    if raw || !s.contains('\\') {
        return Ok(s.to_string());
    }
    let mut out = String::with_capacity(s.len());
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] != b'\\' {
            let ch = s[i..].chars().next().unwrap_or('\0');
            out.push(ch);
            i += ch.len_utf8();
            continue;
        }
        let start = i;
        i += 1;
        let Some(&c) = b.get(i) else {
            out.push('\\');
            break;
        };
        i += 1;
        match c {
            b'\n' => {}
            b'\r' => {
                if b.get(i) == Some(&b'\n') {
                    i += 1;
                }
            }
            b'\\' => out.push('\\'),
            b'\'' => out.push('\''),
            b'"' => out.push('"'),
            b'a' => out.push('\x07'),
            b'b' => out.push('\x08'),
            b'f' => out.push('\x0c'),
            b'n' => out.push('\n'),
            b'r' => out.push('\r'),
            b't' => out.push('\t'),
            b'v' => out.push('\x0b'),
            b'0'..=b'7' => {
                let mut v = (c - b'0') as u32;
                let mut n = 1;
                while n < 3 && i < b.len() && (b'0'..=b'7').contains(&b[i]) {
                    v = v * 8 + (b[i] - b'0') as u32;
                    i += 1;
                    n += 1;
                }
                out.push(char::from_u32(v).unwrap_or('\u{fffd}'));
            }
            b'x' | b'u' | b'U' => {
                let n = match c {
                    b'x' => 2,
                    b'u' => 4,
                    _ => 8,
                };
                let hex = s.get(i..i + n).unwrap_or("");
                let v = if hex.len() == n && hex.bytes().all(|h| h.is_ascii_hexdigit()) {
                    u32::from_str_radix(hex, 16).ok()
                } else {
                    None
                };
                match v.and_then(char::from_u32) {
                    Some(ch) => out.push(ch),
                    None => {
                        let what = match c {
                            b'x' => "truncated \\xXX escape".to_string(),
                            b'u' => "truncated \\uXXXX escape".to_string(),
                            _ => "truncated \\UXXXXXXXX escape".to_string(),
                        };
                        return Err((
                            start,
                            format!(
                                "(unicode error) 'unicodeescape' codec can't decode bytes in position {}-{}: {what}",
                                start,
                                (start + 1 + n).min(s.len()) - 1
                            ),
                        ));
                    }
                }
                i += n;
            }
            b'N' => return Err((start, "\\N{...} escapes are not supported".into())),
            _ => {
                out.push('\\');
                i -= 1;
            }
        }
    }
    Ok(out)
}
