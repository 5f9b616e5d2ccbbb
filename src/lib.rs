//! numpyx: an interpreter for NumPy-flavoured Python.
//!
//! Data flows `source → lex → parse → eval → library → print`; `diag` renders
//! errors and `repl` is the interactive shell. See `src/README.md`.

pub mod array;
pub mod diag;
pub mod eval;
pub mod kernels;
pub mod lex;
pub mod library;
pub mod parse;
pub mod print;
pub mod random;
pub mod repl;
pub mod session;
pub mod source;
pub mod text;
