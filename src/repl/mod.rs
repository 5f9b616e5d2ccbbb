//! The interactive shell on rustyline: `>>> ` / `... ` prompts, continuation
//! decided by the parser, echo of values, history, Ctrl-C handling.

use crate::eval::INTERRUPTED;
use crate::lex::Tok;
use crate::lex::indent::tokenize;
use crate::session::{Outcome, Session};
use rustyline::error::ReadlineError;
use rustyline::{Completer, Editor, Helper, Highlighter, Hinter, Validator};
use std::sync::atomic::Ordering;

/// Whether a shell entry needs more lines before it can run.
pub fn needs_more(text: &str) -> bool {
    match tokenize(text, Tok::StartFile) {
        Err(e) => e.incomplete,
        Ok(toks) => {
            let opens_block =
                toks.iter().any(|(_, t, _)| *t == Tok::Indent) || text.trim_end().ends_with(':');
            if !opens_block {
                return false;
            }
            // A block ends with an empty line.
            !(text.ends_with("\n\n")
                || text.ends_with("\n \n")
                || text.lines().last().is_some_and(|l| l.trim().is_empty()) && text.contains('\n'))
        }
    }
}

#[derive(Completer, Helper, Highlighter, Hinter, Validator)]
struct ShellHelper;

/// The indentation to pre-fill on the line after `prev`: one level deeper after a
/// line that opens a block, the same level otherwise.
fn next_indent(prev: &str) -> String {
    let lead: String = prev
        .chars()
        .take_while(|c| *c == ' ' || *c == '\t')
        .collect();
    let code = prev.split('#').next().unwrap_or("").trim_end();
    if code.ends_with(':') {
        format!("{lead}    ")
    } else {
        lead
    }
}

/// Where the shell keeps its history between sessions.
fn history_path() -> Option<std::path::PathBuf> {
    let base = match std::env::var_os("XDG_DATA_HOME") {
        Some(d) if !d.is_empty() => std::path::PathBuf::from(d),
        _ => std::path::PathBuf::from(std::env::var_os("HOME")?).join(".local/share"),
    };
    Some(base.join("numpyx").join("history"))
}

/// Runs the shell until Ctrl-D or `exit()`; returns the exit status.
pub fn run(session: &mut Session) -> i32 {
    println!(
        "numpyx {} (follows NumPy 2.4) — type help(obj) for help, Ctrl-D to leave",
        env!("CARGO_PKG_VERSION")
    );
    let mut rl: Editor<ShellHelper, rustyline::history::DefaultHistory> = match Editor::new() {
        Ok(rl) => rl,
        Err(e) => {
            eprintln!("numpyx: cannot start the shell: {e}");
            return 1;
        }
    };
    rl.set_helper(Some(ShellHelper));
    let history = history_path();
    if let Some(h) = &history {
        let _ = rl.load_history(h);
    }
    let code = repl_loop(session, &mut rl);
    if let Some(h) = &history {
        if let Some(dir) = h.parent() {
            let _ = std::fs::create_dir_all(dir);
        }
        let _ = rl.save_history(h);
    }
    code
}

fn repl_loop(
    session: &mut Session,
    rl: &mut Editor<ShellHelper, rustyline::history::DefaultHistory>,
) -> i32 {
    let mut n = 0;
    // The entry typed so far: one or more lines.
    let mut entry = String::new();
    loop {
        INTERRUPTED.store(false, Ordering::Relaxed);
        let read = if entry.is_empty() {
            rl.readline(">>> ")
        } else {
            let indent = next_indent(entry.lines().last().unwrap_or(""));
            rl.readline_with_initial("... ", (&indent, ""))
        };
        match read {
            Ok(line) => {
                if entry.is_empty() && line.trim().is_empty() {
                    continue;
                }
                entry.push_str(&line);
                entry.push('\n');
                if needs_more(&entry) {
                    continue;
                }
                let text = std::mem::take(&mut entry);
                let _ = rl.add_history_entry(text.trim_end());
                n += 1;
                if let Some(msg) = shell_note(&text) {
                    println!("{msg}");
                    continue;
                }
                match session.run_source(&format!("<stdin-{n}>"), &text, true) {
                    Outcome::Exit(code) => return code,
                    Outcome::Ok | Outcome::Error => {}
                }
                session.interp.flush();
            }
            Err(ReadlineError::Interrupted) => {
                entry.clear();
                println!("KeyboardInterrupt");
                continue;
            }
            Err(ReadlineError::Eof) => return 0,
            Err(e) => {
                eprintln!("numpyx: {e}");
                return 1;
            }
        }
    }
}

/// Lines the shell answers itself instead of running them.
fn shell_note(text: &str) -> Option<&'static str> {
    let t = text.trim();
    if t.starts_with("pip install")
        || t.starts_with("!pip install")
        || t.starts_with("%pip install")
    {
        return Some("NumPy is built into numpyx: there is nothing to install.");
    }
    None
}
