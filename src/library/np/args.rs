//! Binding a NumPy function's arguments by position and keyword, with Python's errors.

use crate::eval::exceptions::{PResult, type_error};
use crate::eval::value::{Args, Value};

/// The bound arguments of one call, in the order of the parameter names given.
pub struct Bound {
    vals: Vec<Option<Value>>,
}

impl Bound {
    /// Parameter `i`, if given and not `None`.
    pub fn get(&self, i: usize) -> Option<&Value> {
        match self.vals.get(i) {
            Some(Some(Value::None)) | Some(None) | None => None,
            Some(Some(v)) => Some(v),
        }
    }
    /// Parameter `i` as given (even `None`).
    pub fn raw(&self, i: usize) -> Option<&Value> {
        self.vals.get(i).and_then(|v| v.as_ref())
    }
    /// Parameter `i`, which must be present (checked by [`bind`]'s `required`).
    pub fn req(&self, i: usize) -> &Value {
        self.vals[i].as_ref().unwrap_or(&Value::None)
    }
    pub fn take(&mut self, i: usize) -> Option<Value> {
        self.vals.get_mut(i).and_then(|v| v.take())
    }
}

/// Binds `a` to `names` (`"*"` marks the start of keyword-only parameters); the first
/// `required` names must be given.
pub fn bind(fname: &str, a: Args, names: &[&str], required: usize) -> PResult<Bound> {
    let star = names.iter().position(|n| *n == "*");
    let positional = star.unwrap_or(names.len());
    let mut vals: Vec<Option<Value>> = vec![None; names.len()];
    if a.pos.len() > positional {
        return type_error(format!(
            "{fname}() takes at most {positional} positional argument{} ({} given)",
            if positional == 1 { "" } else { "s" },
            a.pos.len()
        ));
    }
    for (i, v) in a.pos.into_iter().enumerate() {
        vals[i] = Some(v);
    }
    for (k, v) in a.kw {
        match names.iter().position(|n| **n == *k && *n != "*") {
            Some(i) => {
                if vals[i].is_some() {
                    return type_error(format!(
                        "argument for {fname}() given by name ('{k}') and position ({})",
                        i + 1
                    ));
                }
                vals[i] = Some(v);
            }
            None => {
                return type_error(format!(
                    "{fname}() got an unexpected keyword argument '{k}'"
                ));
            }
        }
    }
    for (i, n) in names.iter().enumerate().take(required) {
        if vals[i].is_none() {
            return type_error(format!(
                "{fname}() missing required argument '{n}' (pos {})",
                i + 1
            ));
        }
    }
    Ok(Bound { vals })
}
