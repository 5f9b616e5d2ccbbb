//! Reductions as functions and array methods (`np.sum`, `a.mean(axis=0)`, ...) with
//! NumPy's result dtypes and summation order.

use crate::eval::Interp;
use crate::eval::exceptions::PResult;
use crate::eval::value::{Args, Builtin, Value};

/// Reduction methods of arrays (`a.sum()`, ...), for bound-method lookup.
pub const METHODS: &[&str] = &[];

/// `a.name(args)` for the reduction methods; `None` when `name` is not one.
pub fn call_method(it: &mut Interp, obj: &Value, name: &str, a: Args) -> PResult<Option<Value>> {
    let _ = (it, obj, name, a);
    Ok(None)
}

pub static FUNCS: &[Builtin] = &[];
