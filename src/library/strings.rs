//! Methods of `str`, `%`-formatting and `str.format`.

use crate::eval::Interp;
use crate::eval::exceptions::{PResult, type_error};
use crate::eval::value::{Args, Value};

/// Names of the methods of `str`.
pub const STR_METHODS: &[&str] = &[];

/// `fmt % args`.
pub fn percent_format(_it: &mut Interp, _fmt: &str, _args: &Value) -> PResult<Value> {
    type_error("not all arguments converted during string formatting")
}

/// `s.name(args)`; `None` when `str` has no such method.
pub fn call_str_method(
    _it: &mut Interp,
    _s: &str,
    _name: &str,
    _args: Args,
) -> Option<PResult<Value>> {
    None
}

/// Whether `str` has a method called `name`.
pub fn has_str_method(_name: &str) -> bool {
    false
}
