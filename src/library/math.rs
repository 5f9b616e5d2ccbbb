//! Python's `math` module.

use crate::eval::exceptions::PResult;
use crate::eval::value::{Args, Builtin, Value};
use crate::eval::Interp;

fn sqrt(_: &mut Interp, a: Args) -> PResult<Value> {
    a.expect("sqrt", 1, 1)?;
    let x = super::builtins::to_float_arg(&a.pos[0], "sqrt")?;
    if x < 0.0 {
        return crate::eval::exceptions::value_error("math domain error");
    }
    Ok(Value::Float(x.sqrt()))
}

pub static FUNCS: &[Builtin] = &[Builtin { name: "sqrt", module: "math", sig: "sqrt(x)", doc: "Square root of x.", f: sqrt }];

pub fn module() -> Value {
    super::make_module(
        "math",
        FUNCS,
        vec![
            ("pi", Value::Float(std::f64::consts::PI)),
            ("e", Value::Float(std::f64::consts::E)),
            ("tau", Value::Float(std::f64::consts::TAU)),
            ("inf", Value::Float(f64::INFINITY)),
            ("nan", Value::Float(f64::NAN)),
        ],
    )
}
