//! NumPy's floating-point error handling: the error state (`np.seterr`, `np.geterr`,
//! `np.errstate`), the pending RuntimeWarnings that kernels' [`FpFlags`] produce, and
//! their printing with Python's default filter (once per message and source line).

use super::args::bind;
use super::{NativeBox, NativeObj};
use crate::eval::Interp;
use crate::eval::exceptions::{Exc, ExcType, PResult, raise, type_error};
use crate::eval::value::{Args, Builtin, Value};
use crate::kernels::FpFlags;
use crate::source::{Span, SrcId};
use std::cell::{Cell, RefCell};
use std::collections::HashSet;
use std::io::Write;

/// What to do about one kind of floating-point event.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum Mode {
    Ignore,
    Warn,
    Raise,
    Call,
    Print,
    Log,
}

impl Mode {
    fn parse(s: &str) -> Option<Mode> {
        Some(match s {
            "ignore" => Mode::Ignore,
            "warn" => Mode::Warn,
            "raise" => Mode::Raise,
            "call" => Mode::Call,
            "print" => Mode::Print,
            "log" => Mode::Log,
            _ => return None,
        })
    }
    fn name(self) -> &'static str {
        match self {
            Mode::Ignore => "ignore",
            Mode::Warn => "warn",
            Mode::Raise => "raise",
            Mode::Call => "call",
            Mode::Print => "print",
            Mode::Log => "log",
        }
    }
}

/// The error state: one mode per event kind, NumPy's defaults.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub struct ErrState {
    pub divide: Mode,
    pub over: Mode,
    pub under: Mode,
    pub invalid: Mode,
}

impl Default for ErrState {
    fn default() -> Self {
        ErrState {
            divide: Mode::Warn,
            over: Mode::Warn,
            under: Mode::Ignore,
            invalid: Mode::Warn,
        }
    }
}

thread_local! {
    static STATE: Cell<ErrState> = Cell::new(ErrState::default());
    static PENDING: RefCell<Vec<(&'static str, String)>> = const { RefCell::new(Vec::new()) };
    static ANY: Cell<bool> = const { Cell::new(false) };
    /// Warnings already shown: (source, line, category, message), Python's "default" filter.
    static SHOWN: RefCell<HashSet<(SrcId, usize, &'static str, String)>> = RefCell::new(HashSet::new());
}

/// The current error state.
pub fn state() -> ErrState {
    STATE.with(|s| s.get())
}

/// Replaces the error state.
pub fn set_state(e: ErrState) {
    STATE.with(|s| s.set(e));
}

/// Whether any warning waits to be printed (cheap: the interpreter asks after statements).
#[inline]
pub fn any_pending() -> bool {
    ANY.with(|a| a.get())
}

/// Queues a warning of `category` (e.g. `"RuntimeWarning"`) for the current statement.
pub fn warn(category: &'static str, msg: String) {
    PENDING.with(|p| p.borrow_mut().push((category, msg)));
    ANY.with(|a| a.set(true));
}

/// Reports the events of an operation named `name` (`"divide"`, `"scalar add"`) as
/// the error state says: queued RuntimeWarnings, or a FloatingPointError. Events are
/// checked in NumPy's order: divide by zero, overflow, underflow, invalid value.
pub fn check(flags: FpFlags, name: &str) -> PResult<()> {
    if !flags.any() {
        return Ok(());
    }
    let st = state();
    let events = [
        (flags.divide, st.divide, "divide by zero"),
        (flags.overflow, st.over, "overflow"),
        (flags.underflow, st.under, "underflow"),
        (flags.invalid, st.invalid, "invalid value"),
    ];
    for (set, mode, what) in events {
        if !set {
            continue;
        }
        let msg = format!("{what} encountered in {name}");
        match mode {
            Mode::Ignore | Mode::Call | Mode::Log => {}
            Mode::Warn | Mode::Print => warn("RuntimeWarning", msg),
            Mode::Raise => return Err(Exc::new(ExcType::FloatingPointError, msg)),
        }
    }
    Ok(())
}

/// Prints the queued warnings as Python does (`file:line: Category: message` and the
/// source line indented by two spaces), each (message, line) once per session.
pub fn drain_pending(it: &mut Interp, src: SrcId, span: Span) {
    let pending = PENDING.with(|p| std::mem::take(&mut *p.borrow_mut()));
    ANY.with(|a| a.set(false));
    if pending.is_empty() {
        return;
    }
    let source = it.sources.get(src).clone();
    let line = source.line_of(span.start);
    let name = python_path(&source.name);
    let text = source.line_text(line).trim().to_string();
    let mut err = std::io::stderr().lock();
    for (cat, msg) in pending {
        let key = (src, line, cat, msg);
        let fresh = SHOWN.with(|s| s.borrow_mut().insert(key.clone()));
        if !fresh {
            continue;
        }
        let _ = writeln!(err, "{}:{}: {}: {}", name, line, cat, key.3);
        if !text.is_empty() && !source.name.starts_with('<') {
            let _ = writeln!(err, "  {text}");
        }
    }
}

/// The file name Python reports for a script: made absolute (`python3 x.py` reports
/// `/cwd/x.py`); `<string>`-like names stay as they are.
fn python_path(name: &str) -> String {
    if name.starts_with('<') || name.starts_with('/') {
        return name.to_string();
    }
    match std::env::current_dir() {
        Ok(d) => {
            let mut p = d;
            for part in name.split('/') {
                match part {
                    "" | "." => {}
                    ".." => {
                        p.pop();
                    }
                    x => p.push(x),
                }
            }
            p.to_string_lossy().into_owned()
        }
        Err(_) => name.to_string(),
    }
}

/// Drops queued warnings without printing them (used by tests and the shell on errors).
pub fn clear_pending() {
    PENDING.with(|p| p.borrow_mut().clear());
    ANY.with(|a| a.set(false));
}

fn state_dict(e: ErrState) -> PResult<Value> {
    let mut d = crate::eval::value::Dict::default();
    for (k, m) in [
        ("divide", e.divide),
        ("over", e.over),
        ("under", e.under),
        ("invalid", e.invalid),
    ] {
        d.insert(
            crate::eval::ops::make_key(Value::str(k))?,
            Value::str(m.name()),
        );
    }
    Ok(Value::Dict(std::rc::Rc::new(RefCell::new(d))))
}

const ERR_NAMES: &[&str] = &["all", "divide", "over", "under", "invalid"];

/// The state `base` with the modes given as keyword arguments (`all=` first, then each).
fn apply_modes(fname: &str, a: Args, base: ErrState) -> PResult<ErrState> {
    let b = bind(fname, a, ERR_NAMES, 0)?;
    let mode = |i: usize| -> PResult<Option<Mode>> {
        match b.get(i) {
            None => Ok(None),
            Some(Value::Str(s)) => match Mode::parse(s) {
                Some(m) => Ok(Some(m)),
                None => raise(
                    ExcType::ValueError,
                    format!("invalid error mode '{}'", &**s),
                ),
            },
            Some(other) => raise(
                ExcType::ValueError,
                format!(
                    "invalid error mode {}",
                    crate::eval::repr::repr_str(other.type_name())
                ),
            ),
        }
    };
    let mut st = base;
    if let Some(m) = mode(0)? {
        st = ErrState {
            divide: m,
            over: m,
            under: m,
            invalid: m,
        };
    }
    if let Some(m) = mode(1)? {
        st.divide = m;
    }
    if let Some(m) = mode(2)? {
        st.over = m;
    }
    if let Some(m) = mode(3)? {
        st.under = m;
    }
    if let Some(m) = mode(4)? {
        st.invalid = m;
    }
    Ok(st)
}

fn np_seterr(_: &mut Interp, a: Args) -> PResult<Value> {
    let old = state();
    let new = apply_modes("seterr", a, old)?;
    set_state(new);
    state_dict(old)
}

fn np_geterr(_: &mut Interp, a: Args) -> PResult<Value> {
    a.expect("geterr", 0, 0)?;
    state_dict(state())
}

/// `with np.errstate(...)`: the modes given hold inside the block.
#[derive(Debug)]
struct ErrStateCtx {
    kw: Vec<(std::rc::Rc<str>, Value)>,
    saved: RefCell<Vec<ErrState>>,
}

impl NativeObj for ErrStateCtx {
    fn type_name(&self) -> &'static str {
        "errstate"
    }
    fn repr(&self, _: &mut Interp) -> PResult<String> {
        Ok("<numpy.errstate object>".to_string())
    }
    fn call_method(
        &self,
        _: &mut Interp,
        _: &Value,
        name: &str,
        _: Args,
    ) -> PResult<Option<Value>> {
        match name {
            "__enter__" => {
                let old = state();
                let args = Args {
                    pos: Vec::new(),
                    kw: self.kw.clone(),
                };
                let new = apply_modes("errstate", args, old)?;
                self.saved.borrow_mut().push(old);
                set_state(new);
                Ok(Some(Value::None))
            }
            "__exit__" => {
                if let Some(old) = self.saved.borrow_mut().pop() {
                    set_state(old);
                }
                Ok(Some(Value::Bool(false)))
            }
            _ => Ok(None),
        }
    }
}

fn np_errstate(_: &mut Interp, a: Args) -> PResult<Value> {
    if !a.pos.is_empty() {
        return type_error(format!(
            "errstate.__init__() takes 1 positional argument but {} were given",
            a.pos.len() + 1
        ));
    }
    for (k, _) in &a.kw {
        if !ERR_NAMES.contains(&&**k) && &**k != "call" {
            return type_error(format!(
                "errstate.__init__() got an unexpected keyword argument '{k}'"
            ));
        }
    }
    // Validate now, as NumPy does when the object is made.
    let kw: Vec<_> = a.kw.into_iter().filter(|(k, _)| &**k != "call").collect();
    apply_modes(
        "errstate",
        Args {
            pos: Vec::new(),
            kw: kw.clone(),
        },
        state(),
    )?;
    Ok(NativeBox::value(ErrStateCtx {
        kw,
        saved: RefCell::new(Vec::new()),
    }))
}

pub static FUNCS: &[Builtin] = &[
    Builtin {
        name: "seterr",
        module: "numpy",
        sig: "seterr(all=None, divide=None, over=None, under=None, invalid=None)",
        doc: "Set how floating-point errors are handled; returns the old settings.",
        f: np_seterr,
    },
    Builtin {
        name: "geterr",
        module: "numpy",
        sig: "geterr()",
        doc: "Get the current way of handling floating-point errors.",
        f: np_geterr,
    },
    Builtin {
        name: "errstate",
        module: "numpy",
        sig: "errstate(*, all=None, divide=None, over=None, under=None, invalid=None)",
        doc: "Context manager for floating-point error handling.",
        f: np_errstate,
    },
];
