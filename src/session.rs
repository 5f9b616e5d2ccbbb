//! A session: one interpreter state that runs files, `-c` strings and shell
//! entries, and reports their errors.

use crate::diag;
use crate::eval::Interp;
use crate::eval::exceptions::{Exc, ExcType};
use crate::eval::resolve::resolve_module;
use crate::parse::{SyntaxError, parse_module};
use std::io::Write;

/// How a run ended.
pub enum Outcome {
    Ok,
    /// An uncaught exception or syntax error was reported.
    Error,
    /// `exit(code)` was called.
    Exit(i32),
}

pub struct Session {
    pub interp: Interp,
    pub color: bool,
}

impl Session {
    pub fn new(out: Box<dyn Write>) -> Session {
        Session {
            interp: Interp::new(out),
            color: diag::want_color(),
        }
    }

    /// Parses `text` (named `name` in reports) and runs it. With `echo`, top-level
    /// expression values are printed (the shell).
    pub fn run_source(&mut self, name: &str, text: &str, echo: bool) -> Outcome {
        let id = self.interp.sources.add(name, text);
        let mut module = match parse_module(text) {
            Ok(m) => m,
            Err(e) => {
                self.report_syntax(id, &e);
                return Outcome::Error;
            }
        };
        resolve_module(&mut module, &mut self.interp.global_names, id);
        let r = self.interp.run_module(&module, id, echo);
        match r {
            Ok(()) => Outcome::Ok,
            Err(e) => self.report(&e),
        }
    }

    /// Reports an uncaught exception on stderr (after flushing stdout).
    pub fn report(&mut self, e: &Exc) -> Outcome {
        self.interp.flush();
        if e.ty() == ExcType::SystemExit {
            let code = match e.value.args.first() {
                None | Some(crate::eval::value::Value::None) => 0,
                Some(crate::eval::value::Value::Int(i)) => *i as i32,
                Some(v) => {
                    let s = self.interp.to_str(v).unwrap_or_default();
                    eprintln!("{s}");
                    1
                }
            };
            return Outcome::Exit(code);
        }
        let text = diag::render_exception(&mut self.interp, e, self.color);
        let _ = std::io::stderr().write_all(text.as_bytes());
        Outcome::Error
    }

    fn report_syntax(&mut self, id: u32, e: &SyntaxError) {
        self.interp.flush();
        let text = diag::render_syntax_error(&self.interp.sources, id, e, self.color, None);
        let _ = std::io::stderr().write_all(text.as_bytes());
    }
}
