//! Parsing: one entry point per mode over the LALRPOP grammar, with its errors
//! turned into Python's SyntaxError / IndentationError texts.

pub mod ast;
pub mod build;

use crate::lex::Tok;
use crate::lex::indent::{LexError, tokenize_lenient};
use crate::source::Span;
use ast::{Expr, Module};
use build::{Top, UserError};
use lalrpop_util::{ParseError, lalrpop_mod};

lalrpop_mod!(
    #[allow(clippy::all, clippy::pedantic, unused)]
    grammar,
    "/numpyx.rs"
);

/// A syntax error ready to be raised.
#[derive(Debug, Clone)]
pub struct SyntaxError {
    /// `SyntaxError`, `IndentationError` or `TabError`.
    pub kind: &'static str,
    pub msg: String,
    pub span: Span,
    /// The text ended before the construct did: the shell asks for another line.
    pub incomplete: bool,
}

impl From<LexError> for SyntaxError {
    fn from(e: LexError) -> Self {
        SyntaxError {
            kind: e.kind,
            msg: e.msg,
            span: e.span,
            incomplete: e.incomplete,
        }
    }
}

/// Parses a file or shell entry.
pub fn parse_module(src: &str) -> Result<Module, SyntaxError> {
    let (toks, unclosed) = tokenize_lenient(src, Tok::StartFile)?;
    let parsed = run(src, &toks).map_err(|e| match unclosed {
        // CPython: an unclosed bracket wins over a parse error on a later line.
        Some(u)
            if line_of(src, e.span.start) > line_of(src, u.span.start)
                || e.span.start as usize >= src.trim_end().len() =>
        {
            SyntaxError::from(u)
        }
        _ => e,
    })?;
    match parsed {
        Top::File(body) => Ok(Module {
            body,
            layout: Default::default(),
        }),
        Top::Expr(_) => unreachable!("file mode yields a file"),
    }
}

fn line_of(src: &str, pos: u32) -> usize {
    src[..(pos as usize).min(src.len())].matches('\n').count()
}

/// Parses one expression (an f-string field) whose text starts at byte `offset` of its source.
pub fn parse_expr_at(text: &str, offset: usize) -> Result<Expr, SyntaxError> {
    let (mut toks, unclosed) = tokenize_lenient(text, Tok::StartExpr)?;
    if let Some(u) = unclosed {
        return Err(u.into());
    }
    for t in toks.iter_mut() {
        t.0 += offset;
        t.2 += offset;
    }
    let shifted = |mut e: SyntaxError| {
        e.span = e.span.shift(0);
        e
    };
    match run(text, &toks).map_err(shifted)? {
        Top::Expr(e) => Ok(e),
        Top::File(_) => unreachable!("expression mode yields an expression"),
    }
}

fn run<'a>(src: &'a str, toks: &[(usize, Tok<'a>, usize)]) -> Result<Top, SyntaxError> {
    let parser = grammar::TopParser::new();
    let stream = toks.iter().cloned().map(Ok::<_, UserError>);
    parser.parse(stream).map_err(|e| convert(src, toks, e))
}

fn convert<'a>(
    src: &str,
    toks: &[(usize, Tok<'a>, usize)],
    e: ParseError<usize, Tok<'a>, UserError>,
) -> SyntaxError {
    let plain = |msg: &str, l: usize, r: usize| SyntaxError {
        kind: "SyntaxError",
        msg: msg.to_string(),
        span: Span::new(l, r),
        incomplete: false,
    };
    match e {
        ParseError::User { error } => SyntaxError {
            kind: error.kind,
            msg: error.msg,
            span: error.span,
            incomplete: false,
        },
        ParseError::UnrecognizedEof { location, .. } => SyntaxError {
            incomplete: true,
            ..plain("unexpected EOF while parsing", location, location)
        },
        ParseError::UnrecognizedToken {
            token: (l, tok, r),
            expected,
        } => {
            let idx = toks
                .iter()
                .position(|t| t.0 == l && t.1 == tok)
                .unwrap_or(0);
            let prev = if idx > 0 {
                Some(&toks[idx - 1].1)
            } else {
                None
            };
            let at_stmt_start = matches!(
                prev,
                None | Some(Tok::Newline | Tok::Indent | Tok::Dedent | Tok::StartFile)
            );
            match tok {
                Tok::Indent => SyntaxError {
                    kind: "IndentationError",
                    ..plain("unexpected indent", l, r.max(l + 1))
                },
                _ if expected.iter().all(|x| x == "\"INDENT\"") && !expected.is_empty() => {
                    let (what, line) = block_opener(src, toks, idx);
                    SyntaxError {
                        kind: "IndentationError",
                        incomplete: l >= src.trim_end().len(),
                        ..plain(
                            &format!("expected an indented block after {what} on line {line}"),
                            l,
                            r.max(l + 1),
                        )
                    }
                }
                Tok::Class => plain("numpyx does not support classes (yet)", l, r),
                Tok::Async | Tok::Await => plain("numpyx does not support async code (yet)", l, r),
                Tok::Yield => plain("numpyx does not support 'yield' (generators) (yet)", l, r),
                _ if matches!(prev, Some(Tok::Yield)) => {
                    let pl = toks[idx - 1].0;
                    plain(
                        "numpyx does not support 'yield' (generators) (yet)",
                        pl,
                        pl + 5,
                    )
                }
                Tok::At if at_stmt_start => plain("numpyx does not support decorators (yet)", l, r),
                Tok::Walrus => plain(
                    "numpyx does not support assignment expressions (:=) (yet)",
                    l,
                    r,
                ),
                Tok::Dedent => SyntaxError {
                    kind: "IndentationError",
                    ..plain("unindent does not match any outer indentation level", l, r)
                },
                Tok::Eq if expected.iter().any(|x| x == "\":\"") => plain(
                    "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
                    l,
                    r,
                ),
                Tok::Str(_) | Tok::Name(_) | Tok::Int(_) | Tok::Float(_)
                    if matches!(prev, Some(Tok::Name("print" | "exec")))
                        && idx >= 2
                        && matches!(
                            toks[idx - 2].1,
                            Tok::Newline | Tok::Indent | Tok::Dedent | Tok::StartFile
                        ) =>
                {
                    let name = if let Some(Tok::Name(n)) = prev {
                        *n
                    } else {
                        "print"
                    };
                    let pl = toks[idx - 1].0;
                    plain(
                        &format!(
                            "Missing parentheses in call to '{name}'. Did you mean {name}(...)?"
                        ),
                        pl,
                        r,
                    )
                }
                Tok::Newline if l >= src.len() => SyntaxError {
                    incomplete: false,
                    ..plain("invalid syntax", l, l)
                },
                _ => plain("invalid syntax", l, r.max(l + 1)),
            }
        }
        ParseError::ExtraToken { token: (l, _, r) } => plain("invalid syntax", l, r),
        ParseError::InvalidToken { location } => plain("invalid syntax", location, location + 1),
    }
}

/// For "expected an indented block after …": what opened the block and on which line.
fn block_opener(src: &str, toks: &[(usize, Tok<'_>, usize)], idx: usize) -> (String, usize) {
    let mut k = idx.saturating_sub(1);
    // Walk back to the start of the logical line that ended with ':'.
    while k > 0
        && !matches!(
            toks[k - 1].1,
            Tok::Newline | Tok::Indent | Tok::Dedent | Tok::StartFile
        )
    {
        k -= 1;
    }
    let at = toks.get(k).map(|t| t.0).unwrap_or(0);
    let what = match toks.get(k).map(|t| &t.1) {
        Some(Tok::Elif) => "'elif' statement",
        Some(Tok::Else) => "'else' statement",
        Some(Tok::For) => "'for' statement",
        Some(Tok::While) => "'while' statement",
        Some(Tok::Try) => "'try' statement",
        Some(Tok::Except) => "'except' statement",
        Some(Tok::Finally) => "'finally' statement",
        Some(Tok::With) => "'with' statement",
        Some(Tok::Def) => "function definition",
        _ => "'if' statement",
    }
    .to_string();
    let line = src[..at.min(src.len())].matches('\n').count() + 1;
    (what, line)
}
