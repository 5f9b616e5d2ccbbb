//! Turning errors into what the user reads: a Python-style traceback, an ariadne
//! report pointing at the failing source span, and the final `Type: message` line.

use crate::eval::Interp;
use crate::eval::exceptions::{Exc, ExcType};
use crate::parse::SyntaxError;
use crate::source::{Source, SourceMap, Span, SrcId};
use ariadne::{Color, Config, Label, Report, ReportKind};
use std::fmt::Write;

/// Whether reports use colour: only on a terminal and without `NO_COLOR`.
pub fn want_color() -> bool {
    use std::io::IsTerminal;
    std::env::var_os("NO_COLOR").is_none() && std::io::stderr().is_terminal()
}

fn ariadne_report(
    src: &Source,
    span: Span,
    title: &str,
    label: &str,
    color: bool,
    hint: Option<&str>,
) -> String {
    let start = src.char_offset(span.start);
    let mut end = src.char_offset(span.end.max(span.start));
    if end <= start {
        end = start + 1;
    }
    let name = src.name.clone();
    let mut b = Report::build(ReportKind::Error, (name.clone(), start..end))
        .with_config(Config::default().with_color(color))
        .with_message(title)
        .with_label(
            Label::new((name.clone(), start..end))
                .with_message(label)
                .with_color(Color::Red),
        );
    if let Some(h) = hint {
        b = b.with_help(h);
    }
    let mut buf = Vec::new();
    let text = format!("{} ", src.text);
    let cache = (name, ariadne::Source::from(text));
    let _ = b.finish().write(cache, &mut buf);
    String::from_utf8_lossy(&buf).into_owned()
}

/// The last line Python prints for an exception: `ValueError: msg` (or just the type).
pub fn final_line(it: &mut Interp, e: &Exc) -> String {
    let msg = it
        .to_str(&crate::eval::value::Value::Exception(e.value.clone()))
        .unwrap_or_default();
    let q = e.ty().qualname();
    if msg.is_empty() {
        q.to_string()
    } else {
        format!("{q}: {msg}")
    }
}

/// The full report for an uncaught exception.
pub fn render_exception(it: &mut Interp, e: &Exc, color: bool) -> String {
    let mut out = String::new();
    if let Some(c) = e.value.cause.borrow().clone() {
        let cause = Exc::from_obj(c);
        out.push_str(&final_line(it, &cause));
        out.push_str(
            "\n\nThe above exception was the direct cause of the following exception:\n\n",
        );
    }
    out.push_str("Traceback (most recent call last):\n");
    for t in e.tb.iter().rev() {
        let src = it.sources.get(t.src).clone();
        let line = src.line_of(t.span.start);
        let _ = writeln!(out, "  File \"{}\", line {}, in {}", src.name, line, t.func);
        let text = src.line_text(line).trim();
        if !text.is_empty() {
            let _ = writeln!(out, "    {text}");
        }
    }
    let last = final_line(it, e);
    if let Some(t) = e.tb.first() {
        let src = it.sources.get(t.src).clone();
        let msg = last.split_once(": ").map(|p| p.1).unwrap_or("").to_string();
        let label = match e.ty() {
            ExcType::KeyboardInterrupt => "interrupted here".to_string(),
            _ if msg.is_empty() || msg.len() > 100 || msg.contains('\n') => {
                "raised here".to_string()
            }
            _ => msg,
        };
        out.push_str(&ariadne_report(
            &src,
            t.span,
            e.ty().qualname(),
            &label,
            color,
            e.hint.as_deref(),
        ));
    }
    out.push_str(&last);
    out.push('\n');
    out
}

/// The report for a syntax error in source `id`.
pub fn render_syntax_error(
    sources: &SourceMap,
    id: SrcId,
    e: &SyntaxError,
    color: bool,
    hint: Option<&str>,
) -> String {
    let src = sources.get(id);
    let line = src.line_of(e.span.start);
    let mut out = String::new();
    let _ = writeln!(out, "  File \"{}\", line {}", src.name, line);
    let last = format!("{}: {}", e.kind, e.msg);
    out.push_str(&ariadne_report(src, e.span, e.kind, &e.msg, color, hint));
    out.push_str(&last);
    out.push('\n');
    out
}
