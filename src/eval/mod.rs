//! The tree-walking interpreter: the session state ([`Interp`]), frames, and the
//! entry points that run a parsed module.

pub mod call;
pub mod exceptions;
pub mod expr;
pub mod fstring;
pub mod iter;
pub mod ops;
pub mod repr;
pub mod resolve;
pub mod stmt;
pub mod target;
pub mod value;

use crate::parse::ast::Module;
use crate::source::{SourceMap, SrcId};
use exceptions::{Exc, ExcObj, ExcType, PResult, TbEntry};
use resolve::GlobalNames;
use std::collections::HashMap;
use std::io::Write;
use std::rc::Rc;
use std::sync::atomic::{AtomicBool, Ordering};
use value::Value;

/// Set by the Ctrl-C handler; polled by loops, calls and kernels.
pub static INTERRUPTED: AtomicBool = AtomicBool::new(false);

/// Raises `KeyboardInterrupt` if Ctrl-C was pressed since the last check.
#[inline]
pub fn check_interrupt() -> PResult<()> {
    if INTERRUPTED.load(Ordering::Relaxed) {
        INTERRUPTED.store(false, Ordering::Relaxed);
        return Err(Exc::with_args(ExcType::KeyboardInterrupt, vec![]));
    }
    Ok(())
}

/// Python's default recursion limit.
pub const RECURSION_LIMIT: u32 = 1000;

/// Bound arguments on their way into a frame (`call_function`); small calls keep
/// them inline (no allocation).
pub type Locals = smallvec::SmallVec<[Value; LOCALS_INLINE]>;

/// How many slots a frame holds without a heap allocation.
pub const LOCALS_INLINE: usize = 8;

/// One activation: a function call or a module run.
pub struct Frame<'a> {
    /// The frame's slots, owned by whoever set up the call (for small functions an
    /// array on the Rust stack: see `expr::InlineSlots`).
    pub locals: &'a mut [Value],
    /// The value of the `return` being executed: set by the `return` statement, taken
    /// by the caller when the body finishes with `Flow::Return`. (Dropped by hand, see
    /// `Drop for Frame`.)
    pub ret: std::mem::ManuallyDrop<Value>,
    pub src: SrcId,
    /// The function running in this frame (`None` for a module), for its name and slot names.
    pub def: Option<&'a crate::parse::ast::FuncDef>,
}

impl Drop for Frame<'_> {
    /// `ret` was normally taken already: this is a tag test, not the drop glue's call.
    #[inline(always)]
    fn drop(&mut self) {
        Value::discard(std::mem::take(&mut *self.ret));
    }
}

impl Frame<'_> {
    /// Takes the value the body returned (`relocate`d: the `return` has just stored it).
    #[inline(always)]
    pub fn take_ret(&mut self) -> Value {
        Value::take_from(&mut self.ret)
    }

    /// The name a traceback shows for this frame.
    pub fn func_name(&self) -> Rc<str> {
        match self.def {
            Some(d) => d.name.clone(),
            None => Rc::from("<module>"),
        }
    }

    /// The variable name of a slot, for error messages.
    pub fn slot_name(&self, s: u32) -> Rc<str> {
        self.def
            .as_ref()
            .and_then(|d| d.layout.slot_names.get(s as usize).cloned())
            .unwrap_or_else(|| Rc::from("?"))
    }
}

/// What a statement did to the flow of control. A returned value waits in
/// `Frame::ret`, so that `PResult<Flow>` stays two words and comes back in registers
/// (the word-sized tag is what makes it a scalar pair).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u64)]
pub enum Flow {
    Normal,
    Break,
    Continue,
    Return,
}

/// The whole state of a session: globals, loaded sources, imported modules, output.
pub struct Interp {
    pub globals: Vec<Value>,
    pub global_names: GlobalNames,
    /// For each global slot, the builtin of the same name (or `Undef`).
    builtin_fallback: Vec<Value>,
    pub builtins: HashMap<&'static str, Value>,
    pub sources: SourceMap,
    pub depth: u32,
    pub out: Box<dyn Write>,
    pub modules: HashMap<String, Value>,
    /// Exceptions being handled (innermost last), for bare `raise`.
    pub handling: Vec<Rc<ExcObj>>,
    /// Depth of nested `repr` calls (guards self-containing containers).
    pub repr_stack: Vec<usize>,
}

impl Interp {
    pub fn new(out: Box<dyn Write>) -> Interp {
        let mut it = Interp {
            globals: Vec::new(),
            global_names: GlobalNames::default(),
            builtin_fallback: Vec::new(),
            builtins: HashMap::new(),
            sources: SourceMap::default(),
            depth: 0,
            out,
            modules: HashMap::new(),
            handling: Vec::new(),
            repr_stack: Vec::new(),
        };
        crate::library::install_builtins(&mut it);
        it.set_global("__name__", Value::str("__main__"));
        it
    }

    /// Grows the global vectors after the resolver interned new names.
    pub fn sync_globals(&mut self) {
        let n = self.global_names.names.len();
        while self.globals.len() < n {
            let name = &self.global_names.names[self.globals.len()];
            let fb = self.builtins.get(&**name).cloned().unwrap_or(Value::Undef);
            self.builtin_fallback.push(fb);
            self.globals.push(Value::Undef);
        }
    }

    pub fn set_global(&mut self, name: &str, v: Value) {
        let i = self.global_names.intern(&Rc::from(name)) as usize;
        self.sync_globals();
        self.globals[i] = v;
    }

    pub fn get_global(&self, name: &str) -> Option<Value> {
        let i = *self.global_names.index.get(name)? as usize;
        match &self.globals[i] {
            Value::Undef => None,
            v => Some(v.clone()),
        }
    }

    #[inline]
    pub fn load_global(&self, i: u32) -> PResult<Value> {
        let i = i as usize;
        match &self.globals[i] {
            Value::Undef => match &self.builtin_fallback[i] {
                Value::Undef => Err(Exc::new(
                    ExcType::NameError,
                    format!("name '{}' is not defined", self.global_names.names[i]),
                )),
                v => Ok(v.clone()),
            },
            v => Ok(v.clone()),
        }
    }

    /// Runs a resolved module. With `echo`, expression statements at the top level print
    /// their value's repr (the shell).
    pub fn run_module(&mut self, m: &Module, src: SrcId, echo: bool) -> PResult<()> {
        self.sync_globals();
        let mut locals = vec![Value::Undef; m.layout.nlocals as usize];
        for &c in &m.layout.cells {
            locals[c as usize] = Value::Cell(Rc::new(std::cell::RefCell::new(Value::Undef)));
        }
        let mut frame = Frame {
            locals: &mut locals,
            ret: Default::default(),
            src,
            def: None,
        };
        let res = (|| {
            for s in &m.body {
                if echo && let crate::parse::ast::StmtKind::Expr(e) = &s.kind {
                    let v = self.eval(&mut frame, e).map_err(|ex| ex.at(s.span))?;
                    self.echo(v)?;
                    continue;
                }
                self.exec(&mut frame, s)?;
            }
            Ok(())
        })();
        res.map_err(|e| {
            self.leave_frame(
                e,
                &frame,
                m.body.first().map(|s| s.span).unwrap_or_default(),
            )
        })
    }

    /// Records the frame an exception is leaving in its traceback.
    pub fn leave_frame(
        &self,
        mut e: Box<Exc>,
        frame: &Frame,
        fallback: crate::source::Span,
    ) -> Box<Exc> {
        let span = e.cur_span.take().unwrap_or(fallback);
        e.tb.push(TbEntry {
            src: frame.src,
            span,
            func: frame.func_name(),
        });
        e
    }

    /// The shell's echo: repr of a non-None value, remembered as `_`.
    pub fn echo(&mut self, v: Value) -> PResult<()> {
        if v.is_none() {
            return Ok(());
        }
        let s = self.repr(&v)?;
        let _ = writeln!(self.out, "{s}");
        self.set_global("_", v);
        Ok(())
    }

    pub fn flush(&mut self) {
        let _ = self.out.flush();
    }
}

#[cfg(test)]
mod tests {
    /// A statement's result must stay two words (a word-sized `Flow` tag): it then
    /// comes back in registers.
    #[test]
    fn flow_result_is_two_words() {
        assert_eq!(std::mem::size_of::<super::Flow>(), 8);
        assert_eq!(
            std::mem::size_of::<super::exceptions::PResult<super::Flow>>(),
            16
        );
    }
}
