//! The syntax tree. Every node carries the byte span of its source text; name
//! nodes carry a slot that the resolver fills in before evaluation, and then
//! rewrites some nodes into specialised kinds for the evaluator's hot paths.

use crate::source::Span;
use num_bigint::BigInt;
use std::cell::Cell;
use std::rc::Rc;

pub type Ident = Rc<str>;

/// Where a name lives at run time; set by `eval::resolve`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Slot {
    Unresolved,
    /// Index into the current frame's locals (a slot may hold a closure cell).
    Local(u32),
    /// Index into the session's global table.
    Global(u32),
}

#[derive(Debug)]
pub struct Name {
    pub id: Ident,
    pub slot: Cell<Slot>,
}

impl Name {
    pub fn new(id: Ident) -> Name {
        Name {
            id,
            slot: Cell::new(Slot::Unresolved),
        }
    }
}

#[derive(Debug)]
pub struct Expr {
    pub kind: ExprKind,
    pub span: Span,
}

impl Expr {
    /// A throwaway node, for moving a child out while rewriting its parent.
    pub fn placeholder() -> Expr {
        Expr {
            kind: ExprKind::None,
            span: Span::default(),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BinOp {
    Add,
    Sub,
    Mul,
    Div,
    FloorDiv,
    Mod,
    Pow,
    MatMul,
    LShift,
    RShift,
    BitAnd,
    BitOr,
    BitXor,
}

impl BinOp {
    pub fn symbol(self) -> &'static str {
        match self {
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mul => "*",
            BinOp::Div => "/",
            BinOp::FloorDiv => "//",
            BinOp::Mod => "%",
            BinOp::Pow => "**",
            BinOp::MatMul => "@",
            BinOp::LShift => "<<",
            BinOp::RShift => ">>",
            BinOp::BitAnd => "&",
            BinOp::BitOr => "|",
            BinOp::BitXor => "^",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnaryOp {
    Neg,
    Pos,
    Invert,
    Not,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CmpOp {
    Eq,
    NotEq,
    Lt,
    Le,
    Gt,
    Ge,
    In,
    NotIn,
    Is,
    IsNot,
}

impl CmpOp {
    pub fn symbol(self) -> &'static str {
        match self {
            CmpOp::Eq => "==",
            CmpOp::NotEq => "!=",
            CmpOp::Lt => "<",
            CmpOp::Le => "<=",
            CmpOp::Gt => ">",
            CmpOp::Ge => ">=",
            CmpOp::In => "in",
            CmpOp::NotIn => "not in",
            CmpOp::Is => "is",
            CmpOp::IsNot => "is not",
        }
    }
}

#[derive(Debug)]
pub enum Arg {
    Pos(Expr),
    Star(Expr),
    Kw(Ident, Expr),
    StarStar(Expr),
}

#[derive(Debug)]
pub struct Comprehension {
    pub target: Expr,
    pub iter: Expr,
    pub ifs: Vec<Expr>,
}

/// One piece of an f-string.
#[derive(Debug)]
pub enum FPart {
    Lit(Ident),
    Field {
        expr: Box<Expr>,
        /// `{x=}`: the source text `x=` printed before the value.
        debug_text: Option<Ident>,
        conversion: Option<char>,
        spec: Vec<FPart>,
    },
}

/// A plain one-byte tag keeps the interpreter's dispatch on `kind` cheap.
#[derive(Debug)]
#[repr(u8)]
pub enum ExprKind {
    Int(i64),
    BigInt(Rc<BigInt>),
    Float(f64),
    Imag(f64),
    Str(crate::text::RcStr),
    FString(Vec<FPart>),
    True,
    False,
    None,
    Ellipsis,
    Name(Name),
    Tuple(Vec<Expr>),
    List(Vec<Expr>),
    Set(Vec<Expr>),
    /// `None` key: a `**mapping` entry.
    Dict(Vec<(Option<Expr>, Expr)>),
    Starred(Box<Expr>),
    Attribute(Box<Expr>, Ident),
    Subscript(Box<Expr>, Box<Expr>),
    Slice(Option<Box<Expr>>, Option<Box<Expr>>, Option<Box<Expr>>),
    Call(Box<Expr>, Vec<Arg>),
    BinOp(BinOp, Box<Expr>, Box<Expr>),
    Unary(UnaryOp, Box<Expr>),
    And(Box<Expr>, Box<Expr>),
    Or(Box<Expr>, Box<Expr>),
    Compare(Box<Expr>, Vec<(CmpOp, Expr)>),
    IfExp(Box<Expr>, Box<Expr>, Box<Expr>),
    Lambda(Rc<FuncDef>),
    ListComp(Box<Expr>, Vec<Comprehension>),
    SetComp(Box<Expr>, Vec<Comprehension>),
    DictComp(Box<Expr>, Box<Expr>, Vec<Comprehension>),
    GenExp(Box<Expr>, Vec<Comprehension>),
    // Kinds below are never built by the parser: the resolver rewrites nodes into
    // them once a scope's layout is final (see `eval::resolve::specialize`), so that
    // the evaluator's hot paths need no further checks.
    /// A `Name` whose slot is a frame local that never holds a closure cell
    /// (valid wherever a `Name` is: loads, assignment targets, `del`).
    Local(u32),
    /// A `Name` that lives in the session's global table.
    Global(u32),
    /// A `BinOp` whose operands are both int literals or plain locals: the
    /// evaluator first tries them as ints, read without evaluating anything.
    BinOpLeaves(BinOp, Box<Expr>, Box<Expr>),
    /// A `Compare` with a single operator.
    Compare1(CmpOp, Box<Expr>, Box<Expr>),
    /// A `Call` whose arguments are all plain positional expressions.
    CallPos(Box<Expr>, Vec<Expr>),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ParamKind {
    Normal,
    VarArgs,
    KwOnly,
    VarKw,
}

#[derive(Debug)]
pub struct Param {
    pub name: Ident,
    pub default: Option<Expr>,
    pub kind: ParamKind,
    pub span: Span,
}

/// A `def` or `lambda`. The resolver fills the frame layout.
#[derive(Debug)]
pub struct FuncDef {
    pub name: Ident,
    /// `outer.<locals>.inner`, set by the resolver; used in error messages.
    pub qualname: Ident,
    pub params: Vec<Param>,
    pub body: Vec<Stmt>,
    pub is_lambda: bool,
    pub span: Span,
    /// Source this definition came from (set by the resolver).
    pub src: Cell<u32>,
    pub layout: FrameLayout,
    pub sig: SigInfo,
}

/// The shape of a parameter list, computed once at parse time for fast calls.
#[derive(Debug, Default, Clone)]
pub struct SigInfo {
    /// Leading plain (positional-or-keyword) parameters.
    pub n_normal: usize,
    pub varargs: Option<usize>,
    pub varkw: Option<usize>,
    /// Only plain parameters and no defaults.
    pub simple: bool,
}

impl SigInfo {
    pub fn of(params: &[Param]) -> SigInfo {
        let n_normal = params
            .iter()
            .take_while(|p| p.kind == ParamKind::Normal)
            .count();
        SigInfo {
            n_normal,
            varargs: params.iter().position(|p| p.kind == ParamKind::VarArgs),
            varkw: params.iter().position(|p| p.kind == ParamKind::VarKw),
            simple: n_normal == params.len() && params.iter().all(|p| p.default.is_none()),
        }
    }
}

/// Slots of a frame, decided by the resolver.
#[derive(Debug, Clone)]
pub struct FrameLayout {
    pub nlocals: u32,
    /// The number of positional arguments a call binds by the evaluator's fastest
    /// path (no defaults, no cells, a small frame), or `NO_PLAIN_ARITY`. Set by the
    /// resolver.
    pub plain_arity: u32,
    /// Local slots that inner functions capture: they hold a cell.
    pub cells: Vec<u32>,
    /// For each free variable: (slot in the enclosing frame, slot in this frame).
    pub freevars: Vec<(u32, u32)>,
    /// Names of the slots, for error messages.
    pub slot_names: Vec<Ident>,
}

/// `FrameLayout::plain_arity` of a function that calls take the general path.
pub const NO_PLAIN_ARITY: u32 = u32::MAX;

impl Default for FrameLayout {
    fn default() -> FrameLayout {
        FrameLayout {
            nlocals: 0,
            plain_arity: NO_PLAIN_ARITY,
            cells: Vec::new(),
            freevars: Vec::new(),
            slot_names: Vec::new(),
        }
    }
}

#[derive(Debug)]
pub struct Handler {
    pub typ: Option<Expr>,
    pub name: Option<Name>,
    pub body: Vec<Stmt>,
    pub span: Span,
}

#[derive(Debug)]
pub struct Alias {
    /// Dotted module path or imported name.
    pub path: Vec<Ident>,
    pub asname: Option<Name>,
    /// The name bound when there is no `as`.
    pub bind: Name,
    pub span: Span,
}

#[derive(Debug)]
pub struct Stmt {
    pub kind: StmtKind,
    pub span: Span,
}

#[derive(Debug)]
#[repr(u8)]
pub enum StmtKind {
    Expr(Expr),
    Assign(Vec<Expr>, Expr),
    AugAssign(Expr, BinOp, Expr),
    Pass,
    Break,
    Continue,
    Return(Option<Expr>),
    Raise(Option<Expr>, Option<Expr>),
    Global(Vec<Ident>),
    Nonlocal(Vec<Ident>),
    Del(Vec<Expr>),
    Assert(Expr, Option<Expr>),
    Import(Vec<Alias>),
    ImportFrom(Vec<Ident>, Vec<Alias>),
    If(Expr, Vec<Stmt>, Vec<Stmt>),
    While(Expr, Vec<Stmt>, Vec<Stmt>),
    For(Expr, Expr, Vec<Stmt>, Vec<Stmt>),
    Try {
        body: Vec<Stmt>,
        handlers: Vec<Handler>,
        orelse: Vec<Stmt>,
        finalbody: Vec<Stmt>,
    },
    With(Vec<(Expr, Option<Expr>)>, Vec<Stmt>),
    FunctionDef(Rc<FuncDef>, Name),
}

/// A parsed file or shell entry.
#[derive(Debug, Default)]
pub struct Module {
    pub body: Vec<Stmt>,
    pub layout: FrameLayout,
}
