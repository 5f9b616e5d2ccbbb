//! Advanced indexing of arrays (integer arrays and lists, boolean masks, mixed with
//! slices) and the index functions of the module (`np.where`, `np.nonzero`, `np.take`,
//! ...). Basic indexing (views) is in `attrs`.

use super::ArrayObj;
use crate::eval::exceptions::{Exc, ExcType, PResult};
use crate::eval::value::{Builtin, Value};
use std::rc::Rc;

/// `a[key]` where `key` is not a basic index: always a copy.
pub fn get_advanced(this: &Rc<ArrayObj>, key: &Value) -> PResult<Value> {
    let _ = (this, key);
    Err(Exc::new(
        ExcType::IndexError,
        "numpyx does not support integer-array or boolean indexing yet",
    ))
}

/// `a[key] = value` where `key` is not a basic index.
pub fn set_advanced(this: &Rc<ArrayObj>, key: &Value, value: &Value) -> PResult<()> {
    let _ = (this, key, value);
    Err(Exc::new(
        ExcType::IndexError,
        "numpyx does not support integer-array or boolean index assignment yet",
    ))
}

pub static FUNCS: &[Builtin] = &[];
