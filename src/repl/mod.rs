//! The interactive shell on rustyline: `>>> ` / `... ` prompts, continuation
//! decided by the parser, echo of values, history, Ctrl-C handling.

use crate::eval::INTERRUPTED;
use crate::lex::Tok;
use crate::lex::indent::tokenize;
use crate::session::{Outcome, Session};
use rustyline::error::ReadlineError;
use rustyline::validate::{ValidationContext, ValidationResult, Validator};
use rustyline::{Completer, Editor, Helper, Highlighter, Hinter};
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

#[derive(Completer, Helper, Highlighter, Hinter)]
struct ShellHelper;

impl Validator for ShellHelper {
    fn validate(&self, ctx: &mut ValidationContext) -> rustyline::Result<ValidationResult> {
        let input = ctx.input();
        if input.trim().is_empty() {
            return Ok(ValidationResult::Valid(None));
        }
        let text = format!("{input}\n");
        if needs_more(&text) {
            Ok(ValidationResult::Incomplete)
        } else {
            Ok(ValidationResult::Valid(None))
        }
    }
}

/// Runs the shell until Ctrl-D or `exit()`; returns the exit status.
pub fn run(session: &mut Session) -> i32 {
    println!(
        "numpyx {} (follows NumPy 2.4) — type help(obj) for help, Ctrl-D to leave",
        env!("CARGO_PKG_VERSION")
    );
    let mut rl = match Editor::new() {
        Ok(rl) => rl,
        Err(e) => {
            eprintln!("numpyx: cannot start the shell: {e}");
            return 1;
        }
    };
    rl.set_helper(Some(ShellHelper));
    let mut n = 0;
    loop {
        INTERRUPTED.store(false, Ordering::Relaxed);
        match rl.readline(">>> ") {
            Ok(line) => {
                if line.trim().is_empty() {
                    continue;
                }
                let _ = rl.add_history_entry(line.as_str());
                n += 1;
                let text = format!("{line}\n");
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
