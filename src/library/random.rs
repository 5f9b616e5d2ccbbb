//! Python's `random` module (Mersenne Twister, as CPython).

use crate::eval::value::{Builtin, Value};

pub static FUNCS: &[Builtin] = &[];

pub fn module() -> Value {
    super::make_module("random", FUNCS, vec![])
}
