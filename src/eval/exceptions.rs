//! Python's exception classes (and NumPy's), their hierarchy, and the error value
//! that travels up the Rust stack while an exception propagates.

use super::value::Value;
use crate::source::{Span, SrcId};
use crate::text::RcStr;
use std::rc::Rc;

macro_rules! exc_types {
    ($( $v:ident = $name:literal, $qual:literal, [$($p:ident),*]; )*) => {
        /// A built-in exception class.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum ExcType { $($v),* }

        impl ExcType {
            pub const ALL: &'static [ExcType] = &[$(ExcType::$v),*];
            /// The class name (`type(e).__name__`).
            pub fn name(self) -> &'static str {
                match self { $(ExcType::$v => $name),* }
            }
            /// The name printed on the last line of a traceback.
            pub fn qualname(self) -> &'static str {
                match self { $(ExcType::$v => $qual),* }
            }
            /// Direct base classes.
            pub fn bases(self) -> &'static [ExcType] {
                match self { $(ExcType::$v => &[$(ExcType::$p),*]),* }
            }
        }
    };
}

exc_types! {
    BaseException = "BaseException", "BaseException", [];
    SystemExit = "SystemExit", "SystemExit", [BaseException];
    KeyboardInterrupt = "KeyboardInterrupt", "KeyboardInterrupt", [BaseException];
    Exception = "Exception", "Exception", [BaseException];
    ArithmeticError = "ArithmeticError", "ArithmeticError", [Exception];
    ZeroDivisionError = "ZeroDivisionError", "ZeroDivisionError", [ArithmeticError];
    OverflowError = "OverflowError", "OverflowError", [ArithmeticError];
    FloatingPointError = "FloatingPointError", "FloatingPointError", [ArithmeticError];
    AssertionError = "AssertionError", "AssertionError", [Exception];
    AttributeError = "AttributeError", "AttributeError", [Exception];
    EOFError = "EOFError", "EOFError", [Exception];
    ImportError = "ImportError", "ImportError", [Exception];
    ModuleNotFoundError = "ModuleNotFoundError", "ModuleNotFoundError", [ImportError];
    LookupError = "LookupError", "LookupError", [Exception];
    IndexError = "IndexError", "IndexError", [LookupError];
    KeyError = "KeyError", "KeyError", [LookupError];
    MemoryError = "MemoryError", "MemoryError", [Exception];
    NameError = "NameError", "NameError", [Exception];
    UnboundLocalError = "UnboundLocalError", "UnboundLocalError", [NameError];
    OSError = "OSError", "OSError", [Exception];
    FileNotFoundError = "FileNotFoundError", "FileNotFoundError", [OSError];
    RuntimeError = "RuntimeError", "RuntimeError", [Exception];
    NotImplementedError = "NotImplementedError", "NotImplementedError", [RuntimeError];
    RecursionError = "RecursionError", "RecursionError", [RuntimeError];
    StopIteration = "StopIteration", "StopIteration", [Exception];
    SyntaxError = "SyntaxError", "SyntaxError", [Exception];
    IndentationError = "IndentationError", "IndentationError", [SyntaxError];
    TabError = "TabError", "TabError", [IndentationError];
    TypeError = "TypeError", "TypeError", [Exception];
    ValueError = "ValueError", "ValueError", [Exception];
    UnicodeError = "UnicodeError", "UnicodeError", [ValueError];
    Warning = "Warning", "Warning", [Exception];
    UserWarning = "UserWarning", "UserWarning", [Warning];
    DeprecationWarning = "DeprecationWarning", "DeprecationWarning", [Warning];
    RuntimeWarning = "RuntimeWarning", "RuntimeWarning", [Warning];
    AxisError = "AxisError", "numpy.exceptions.AxisError", [ValueError, IndexError];
    LinAlgError = "LinAlgError", "numpy.linalg.LinAlgError", [ValueError];
    UFuncTypeError = "UFuncTypeError", "numpy._core._exceptions.UFuncTypeError", [TypeError];
    UFuncNoLoopError = "UFuncTypeError", "numpy._core._exceptions._UFuncNoLoopError", [UFuncTypeError];
    UFuncOutputCastingError = "UFuncTypeError", "numpy._core._exceptions._UFuncOutputCastingError", [UFuncTypeError];
}

impl ExcType {
    /// `issubclass(self, other)`.
    pub fn is_subclass(self, other: ExcType) -> bool {
        self == other || self.bases().iter().any(|b| b.is_subclass(other))
    }

    /// Built-in names visible without import.
    pub fn is_builtin_name(self) -> bool {
        !matches!(
            self,
            ExcType::AxisError
                | ExcType::LinAlgError
                | ExcType::UFuncTypeError
                | ExcType::UFuncNoLoopError
                | ExcType::UFuncOutputCastingError
        )
    }

    pub fn from_name(name: &str) -> Option<ExcType> {
        ExcType::ALL
            .iter()
            .copied()
            .find(|t| t.is_builtin_name() && t.name() == name)
    }
}

/// An exception instance (`except E as e` binds one of these).
#[derive(Debug)]
pub struct ExcObj {
    pub ty: ExcType,
    pub args: Vec<Value>,
    /// `raise ... from cause`.
    pub cause: std::cell::RefCell<Option<Rc<ExcObj>>>,
}

impl ExcObj {
    pub fn new(ty: ExcType, args: Vec<Value>) -> ExcObj {
        ExcObj {
            ty,
            args,
            cause: Default::default(),
        }
    }
}

/// One line of a traceback: where a frame was when the exception passed through it.
#[derive(Clone, Debug)]
pub struct TbEntry {
    pub src: SrcId,
    pub span: Span,
    pub func: Rc<str>,
}

/// A propagating exception.
#[derive(Debug)]
pub struct Exc {
    pub value: Rc<ExcObj>,
    /// Where the exception stands in the frame it is currently leaving (set by the
    /// innermost node that saw it).
    pub cur_span: Option<Span>,
    /// Frames already left, innermost first.
    pub tb: Vec<TbEntry>,
    /// `raise ... from cause` / implicit context, for the report.
    pub cause: Option<Box<Exc>>,
    /// A hint to print under the report.
    pub hint: Option<String>,
}

pub type PResult<T> = Result<T, Box<Exc>>;

impl Exc {
    pub fn new(ty: ExcType, msg: impl Into<String>) -> Box<Exc> {
        let msg: String = msg.into();
        Exc::from_obj(Rc::new(ExcObj::new(
            ty,
            vec![Value::Str(RcStr::from(msg.as_str()))],
        )))
    }
    pub fn with_args(ty: ExcType, args: Vec<Value>) -> Box<Exc> {
        Exc::from_obj(Rc::new(ExcObj::new(ty, args)))
    }
    pub fn from_obj(value: Rc<ExcObj>) -> Box<Exc> {
        Box::new(Exc {
            value,
            cur_span: None,
            tb: Vec::new(),
            cause: None,
            hint: None,
        })
    }
    pub fn ty(&self) -> ExcType {
        self.value.ty
    }
    pub fn at(mut self: Box<Self>, span: Span) -> Box<Self> {
        if self.cur_span.is_none() {
            self.cur_span = Some(span);
        }
        self
    }
}

/// Shorthands for raising built-in exceptions from Rust code.
pub fn type_error<T>(msg: impl Into<String>) -> PResult<T> {
    Err(Exc::new(ExcType::TypeError, msg))
}
pub fn value_error<T>(msg: impl Into<String>) -> PResult<T> {
    Err(Exc::new(ExcType::ValueError, msg))
}
pub fn index_error<T>(msg: impl Into<String>) -> PResult<T> {
    Err(Exc::new(ExcType::IndexError, msg))
}
pub fn raise<T>(ty: ExcType, msg: impl Into<String>) -> PResult<T> {
    Err(Exc::new(ty, msg))
}
