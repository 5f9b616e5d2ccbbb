//! Universal functions as values (`np.add`, `np.sqrt`, ...): elementwise math with
//! NumPy's output dtypes, the ufunc methods (`reduce`, `accumulate`, `outer`, `at`) and
//! `out=`/`where=`/`dtype=`, and the comparison helpers (`np.allclose`, `np.isclose`, ...).

use crate::eval::value::Builtin;

pub static FUNCS: &[Builtin] = &[];
