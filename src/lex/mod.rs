//! The lexer: logos recognises tokens, `indent` turns line structure into
//! NEWLINE / INDENT / DEDENT tokens the way Python's tokenizer does.

pub mod indent;
pub mod strings;

use logos::Logos;

/// Why the lexer stopped.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum LexErrorKind {
    #[default]
    BadChar,
    UnterminatedString,
    UnterminatedTriple,
}

/// Python's tokens. Variants without a pattern are made by the indentation layer.
#[derive(Logos, Clone, Debug, PartialEq)]
#[logos(error = LexErrorKind)]
#[logos(skip r"[ \t\x0c]+")]
#[logos(skip r"\\\r?\n")]
#[logos(skip(r"#[^\r\n]*", allow_greedy = true))]
pub enum Tok<'a> {
    #[regex(r"\r?\n")]
    Newline,
    Indent,
    Dedent,
    /// Mode markers: which start rule the parser uses.
    StartFile,
    StartExpr,

    #[regex(r"[A-Za-z_\p{XID_Start}][A-Za-z0-9_\p{XID_Continue}]*", |lex| lex.slice())]
    Name(&'a str),
    #[regex(r"[0-9](_?[0-9])*", |lex| lex.slice())]
    #[regex(r"0[xX](_?[0-9a-fA-F])+", |lex| lex.slice())]
    #[regex(r"0[oO](_?[0-7])+", |lex| lex.slice())]
    #[regex(r"0[bB](_?[01])+", |lex| lex.slice())]
    Int(&'a str),
    #[regex(r"[0-9](_?[0-9])*\.([0-9](_?[0-9])*)?([eE][+-]?[0-9](_?[0-9])*)?", |lex| lex.slice())]
    #[regex(r"\.[0-9](_?[0-9])*([eE][+-]?[0-9](_?[0-9])*)?", |lex| lex.slice())]
    #[regex(r"[0-9](_?[0-9])*[eE][+-]?[0-9](_?[0-9])*", |lex| lex.slice())]
    Float(&'a str),
    #[regex(r"([0-9](_?[0-9])*(\.([0-9](_?[0-9])*)?)?([eE][+-]?[0-9](_?[0-9])*)?|\.[0-9](_?[0-9])*([eE][+-]?[0-9](_?[0-9])*)?)[jJ]", |lex| lex.slice())]
    Imag(&'a str),
    /// A whole string literal including prefix and quotes.
    #[regex(r#"([rRuUfFbB]|[rR][fFbB]|[fFbB][rR])?["']"#, strings::lex_string)]
    Str(&'a str),

    #[token("False")]
    False,
    #[token("None")]
    None,
    #[token("True")]
    True,
    #[token("and")]
    And,
    #[token("as")]
    As,
    #[token("assert")]
    Assert,
    #[token("async")]
    Async,
    #[token("await")]
    Await,
    #[token("break")]
    Break,
    #[token("class")]
    Class,
    #[token("continue")]
    Continue,
    #[token("def")]
    Def,
    #[token("del")]
    Del,
    #[token("elif")]
    Elif,
    #[token("else")]
    Else,
    #[token("except")]
    Except,
    #[token("finally")]
    Finally,
    #[token("for")]
    For,
    #[token("from")]
    From,
    #[token("global")]
    Global,
    #[token("if")]
    If,
    #[token("import")]
    Import,
    #[token("in")]
    In,
    #[token("is")]
    Is,
    #[token("lambda")]
    Lambda,
    #[token("nonlocal")]
    Nonlocal,
    #[token("not")]
    Not,
    #[token("or")]
    Or,
    #[token("pass")]
    Pass,
    #[token("raise")]
    Raise,
    #[token("return")]
    Return,
    #[token("try")]
    Try,
    #[token("while")]
    While,
    #[token("with")]
    With,
    #[token("yield")]
    Yield,

    #[token("+")]
    Plus,
    #[token("-")]
    Minus,
    #[token("*")]
    Star,
    #[token("**")]
    DoubleStar,
    #[token("/")]
    Slash,
    #[token("//")]
    DoubleSlash,
    #[token("%")]
    Percent,
    #[token("@")]
    At,
    #[token("<<")]
    LShift,
    #[token(">>")]
    RShift,
    #[token("&")]
    Amp,
    #[token("|")]
    Pipe,
    #[token("^")]
    Caret,
    #[token("~")]
    Tilde,
    #[token(":=")]
    Walrus,
    #[token("<")]
    Lt,
    #[token(">")]
    Gt,
    #[token("<=")]
    Le,
    #[token(">=")]
    Ge,
    #[token("==")]
    EqEq,
    #[token("!=")]
    NotEq,
    #[token("(")]
    LPar,
    #[token(")")]
    RPar,
    #[token("[")]
    LSqb,
    #[token("]")]
    RSqb,
    #[token("{")]
    LBrace,
    #[token("}")]
    RBrace,
    #[token(",")]
    Comma,
    #[token(":")]
    Colon,
    #[token(".")]
    Dot,
    #[token("...")]
    Ellipsis,
    #[token(";")]
    Semi,
    #[token("=")]
    Eq,
    #[token("->")]
    Arrow,
    #[token("+=")]
    PlusEq,
    #[token("-=")]
    MinusEq,
    #[token("*=")]
    StarEq,
    #[token("/=")]
    SlashEq,
    #[token("//=")]
    DoubleSlashEq,
    #[token("%=")]
    PercentEq,
    #[token("**=")]
    DoubleStarEq,
    #[token("@=")]
    AtEq,
    #[token("&=")]
    AmpEq,
    #[token("|=")]
    PipeEq,
    #[token("^=")]
    CaretEq,
    #[token("<<=")]
    LShiftEq,
    #[token(">>=")]
    RShiftEq,
}

impl Tok<'_> {
    /// How the token reads in a syntax error message.
    pub fn describe(&self) -> String {
        match self {
            Tok::Newline => "newline".into(),
            Tok::Indent => "indent".into(),
            Tok::Dedent => "dedent".into(),
            Tok::Name(s) | Tok::Int(s) | Tok::Float(s) | Tok::Imag(s) | Tok::Str(s) => {
                format!("'{s}'")
            }
            other => format!("{other:?}"),
        }
    }
}
