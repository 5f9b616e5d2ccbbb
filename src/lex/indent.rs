//! Python's line structure on top of the logos token stream: an indent stack, a
//! bracket depth (newlines inside brackets are not logical), and EOF that flushes
//! NEWLINE + DEDENTs.

use super::{LexErrorKind, Tok};
use crate::source::Span;
use logos::Logos;

/// CPython's limit on nested brackets (its tokenizer's MAXLEVEL).
pub const MAX_BRACKET_DEPTH: usize = 200;

pub type Spanned<'a> = (usize, Tok<'a>, usize);

/// A lexing failure: Python's exception name, its message, and where.
#[derive(Debug, Clone)]
pub struct LexError {
    pub kind: &'static str,
    pub msg: String,
    pub span: Span,
    /// The input ended inside a bracket or a triple-quoted string: the shell keeps reading.
    pub incomplete: bool,
}

fn err(kind: &'static str, msg: impl Into<String>, start: usize, end: usize) -> LexError {
    LexError {
        kind,
        msg: msg.into(),
        span: Span::new(start, end),
        incomplete: false,
    }
}

/// Tokenizes `src` into the stream the grammar reads, starting with `start` (a mode marker).
/// A bracket left open at the end is an error here (the shell's completeness test).
pub fn tokenize<'a>(src: &'a str, start: Tok<'a>) -> Result<Vec<Spanned<'a>>, LexError> {
    let (toks, unclosed) = tokenize_lenient(src, start)?;
    match unclosed {
        Some(e) => Err(e),
        None => Ok(toks),
    }
}

/// Like [`tokenize`], but a bracket left open at the end is returned beside the
/// tokens: the parser decides which error to report (CPython prefers a parse error
/// on the bracket's own line).
pub fn tokenize_lenient<'a>(
    src: &'a str,
    start: Tok<'a>,
) -> Result<(Vec<Spanned<'a>>, Option<LexError>), LexError> {
    let mut out: Vec<Spanned<'a>> = vec![(0, start, 0)];
    let mut indents: Vec<(usize, usize)> = vec![(0, 0)];
    let mut brackets: Vec<(u8, usize)> = Vec::new();
    let mut line_has_tokens = false;
    let mut lexer = Tok::lexer(src);
    let line_no = |pos: usize| src[..pos.min(src.len())].matches('\n').count() + 1;
    while let Some(res) = lexer.next() {
        let span = lexer.span();
        let tok = match res {
            Ok(t) => t,
            Err(kind) => {
                let (s, e) = (span.start, span.end);
                return Err(match kind {
                    LexErrorKind::UnterminatedString => err(
                        "SyntaxError",
                        format!(
                            "unterminated string literal (detected at line {})",
                            line_no(s)
                        ),
                        s,
                        e.max(s + 1),
                    ),
                    LexErrorKind::UnterminatedTriple => LexError {
                        incomplete: true,
                        ..err(
                            "SyntaxError",
                            format!(
                                "unterminated triple-quoted string literal (detected at line {})",
                                line_no(src.len())
                            ),
                            s,
                            s + 3,
                        )
                    },
                    LexErrorKind::BadChar => {
                        let ch = src[s..].chars().next().unwrap_or(' ');
                        let msg = match ch {
                            '$' | '?' | '`' => "invalid syntax".to_string(),
                            '!' => "invalid syntax".to_string(),
                            '\\' => {
                                "unexpected character after line continuation character".to_string()
                            }
                            c if !c.is_ascii() => {
                                format!("invalid character '{c}' (U+{:04X})", c as u32)
                            }
                            c => format!("invalid character '{c}'"),
                        };
                        err("SyntaxError", msg, s, s + ch.len_utf8())
                    }
                });
            }
        };
        if tok == Tok::Newline {
            if brackets.is_empty() && line_has_tokens {
                out.push((span.start, Tok::Newline, span.end));
                line_has_tokens = false;
            }
            continue;
        }
        if !line_has_tokens && brackets.is_empty() {
            // First token of a logical line: measure its indentation.
            let line_start = src[..span.start].rfind('\n').map(|p| p + 1).unwrap_or(0);
            let (mut col, mut col1) = (0usize, 0usize);
            for ch in src[line_start..span.start].chars() {
                match ch {
                    ' ' => {
                        col += 1;
                        col1 += 1;
                    }
                    '\t' => {
                        col = (col / 8 + 1) * 8;
                        col1 += 1;
                    }
                    '\x0c' => {
                        col = 0;
                        col1 = 0;
                    }
                    _ => {}
                }
            }
            let &(top, top1) = indents.last().unwrap_or(&(0, 0));
            if col > top {
                if col1 <= top1 {
                    return Err(err(
                        "TabError",
                        "inconsistent use of tabs and spaces in indentation",
                        line_start,
                        span.start,
                    ));
                }
                indents.push((col, col1));
                out.push((line_start, Tok::Indent, span.start));
            } else if col < top {
                while indents.last().is_some_and(|&(c, _)| c > col) {
                    indents.pop();
                    out.push((span.start, Tok::Dedent, span.start));
                }
                let &(now, now1) = indents.last().unwrap_or(&(0, 0));
                if now != col {
                    return Err(err(
                        "IndentationError",
                        "unindent does not match any outer indentation level",
                        line_start,
                        span.start,
                    ));
                }
                if now1 != col1 {
                    return Err(err(
                        "TabError",
                        "inconsistent use of tabs and spaces in indentation",
                        line_start,
                        span.start,
                    ));
                }
            } else if col1 != top1 {
                return Err(err(
                    "TabError",
                    "inconsistent use of tabs and spaces in indentation",
                    line_start,
                    span.start,
                ));
            }
        }
        line_has_tokens = true;
        match tok {
            Tok::LPar | Tok::LSqb | Tok::LBrace => {
                if brackets.len() >= MAX_BRACKET_DEPTH {
                    return Err(err(
                        "SyntaxError",
                        "too many nested parentheses",
                        span.start,
                        span.end,
                    ));
                }
                let c = src.as_bytes()[span.start];
                brackets.push((c, span.start));
            }
            Tok::RPar | Tok::RSqb | Tok::RBrace => {
                let c = src.as_bytes()[span.start];
                let want = match c {
                    b')' => b'(',
                    b']' => b'[',
                    _ => b'{',
                };
                match brackets.pop() {
                    None => {
                        return Err(err(
                            "SyntaxError",
                            format!("unmatched '{}'", c as char),
                            span.start,
                            span.end,
                        ));
                    }
                    Some((open, open_at)) if open != want => {
                        let msg = if line_no(open_at) == line_no(span.start) {
                            format!(
                                "closing parenthesis '{}' does not match opening parenthesis '{}'",
                                c as char, open as char
                            )
                        } else {
                            format!(
                                "closing parenthesis '{}' does not match opening parenthesis '{}' on line {}",
                                c as char,
                                open as char,
                                line_no(open_at)
                            )
                        };
                        return Err(err("SyntaxError", msg, span.start, span.end));
                    }
                    Some(_) => {}
                }
            }
            _ => {}
        }
        out.push((span.start, tok, span.end));
    }
    let end = src.len();
    let unclosed = brackets.last().map(|&(open, at)| LexError {
        incomplete: true,
        ..err(
            "SyntaxError",
            format!("'{}' was never closed", open as char),
            at,
            at + 1,
        )
    });
    if line_has_tokens {
        out.push((end, Tok::Newline, end));
    }
    while indents.len() > 1 {
        indents.pop();
        out.push((end, Tok::Dedent, end));
    }
    Ok((out, unclosed))
}
