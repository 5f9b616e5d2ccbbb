//! What scripts can call: Python's builtins, the methods of built-in types, and
//! the modules `math`, `time` and `random`. Every callable is a [`Builtin`] entry
//! with its signature and one-line doc, which `help()` and completion read.

pub mod builtins;
pub mod math;
pub mod methods;
pub mod np;
pub mod random;
pub mod strings;
pub mod time;
pub mod types;

use crate::eval::Interp;
use crate::eval::exceptions::{Exc, ExcType, PResult};
use crate::eval::value::{Builtin, ModuleObj, TypeObj, Value};
use std::cell::RefCell;
use std::rc::Rc;

/// Puts builtins, type objects and exception classes into the session.
pub fn install_builtins(it: &mut Interp) {
    for b in builtins::BUILTINS {
        it.builtins.insert(b.name, Value::Builtin(b));
    }
    for t in types::TYPE_NAMES {
        it.builtins.insert(t.name(), Value::Type(*t));
    }
    for e in ExcType::ALL {
        if e.is_builtin_name() {
            it.builtins.insert(e.name(), Value::Type(TypeObj::Exc(*e)));
        }
    }
    it.builtins.insert("Ellipsis", Value::Ellipsis);
}

/// Builds a module object from a table of functions and extra attributes.
pub fn make_module(name: &str, funcs: &'static [Builtin], extra: Vec<(&str, Value)>) -> Value {
    let mut attrs = indexmap::IndexMap::new();
    for f in funcs {
        attrs.insert(Rc::from(f.name), Value::Builtin(f));
    }
    for (k, v) in extra {
        attrs.insert(Rc::from(k), v);
    }
    Value::Module(Rc::new(ModuleObj {
        name: Rc::from(name),
        attrs: RefCell::new(attrs),
    }))
}

impl Interp {
    /// `import NAME`: the module object, created once per session.
    pub fn import_module(&mut self, name: &str) -> PResult<Value> {
        if let Some(m) = self.modules.get(name) {
            return Ok(m.clone());
        }
        let m = match name {
            "math" => math::module(),
            "time" => time::module(),
            "random" => random::module(),
            "numpy" => np::module(),
            _ => {
                return Err(Exc::new(
                    ExcType::ModuleNotFoundError,
                    format!("No module named '{name}'"),
                ));
            }
        };
        self.modules.insert(name.to_string(), m.clone());
        Ok(m)
    }
}
