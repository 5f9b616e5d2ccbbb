//! f-strings and `format()`: conversions (`!r`, `!s`) and the format-spec
//! mini-language applied to each kind of value.

use super::exceptions::{Exc, ExcType, PResult, raise, type_error};
use super::ops::to_bigint;
use super::value::Value;
use super::{Frame, Interp};
use crate::library::strings::unicode::ascii_escape;
use crate::parse::ast::FPart;
use crate::print::format_spec::{format_complex, format_float, format_int, format_str, parse_spec};

impl Interp {
    pub fn fstring(&mut self, f: &mut Frame, parts: &[FPart]) -> PResult<String> {
        let mut out = String::new();
        for p in parts {
            match p {
                FPart::Lit(s) => out.push_str(s),
                FPart::Field {
                    expr,
                    debug_text,
                    conversion,
                    spec,
                } => {
                    let v = self.eval(f, expr)?;
                    if let Some(t) = debug_text {
                        out.push_str(t);
                    }
                    let spec_text = if spec.is_empty() {
                        String::new()
                    } else {
                        self.fstring(f, spec)?
                    };
                    let v = match conversion {
                        Some('r') => Value::Str(self.repr(&v)?.into()),
                        Some('a') => Value::Str(ascii_escape(&self.repr(&v)?).into()),
                        Some('s') => Value::Str(self.to_str(&v)?.into()),
                        _ => v,
                    };
                    out.push_str(
                        &self
                            .format_value(&v, &spec_text)
                            .map_err(|e| e.at(expr.span))?,
                    );
                }
            }
        }
        Ok(out)
    }

    /// `format(v, spec)`.
    pub fn format_value(&mut self, v: &Value, spec: &str) -> PResult<String> {
        // NumPy scalars format as the Python number they hold (`f"{np.float32(0.1)}"`).
        if let Value::NpScalar(s) = v {
            let p = crate::library::np::convert::python_scalar(**s);
            return self.format_value(&p, spec);
        }
        if spec.is_empty() {
            return self.to_str(v);
        }
        let ty = v.type_name();
        if !matches!(
            v,
            Value::Int(_)
                | Value::BigInt(_)
                | Value::Bool(_)
                | Value::Float(_)
                | Value::Complex(_)
                | Value::Str(_)
        ) {
            // object.__format__ refuses any non-empty spec.
            return type_error(format!(
                "unsupported format string passed to {ty}.__format__"
            ));
        }
        let parsed = parse_spec(spec, ty).or_else(|m| raise(ExcType::ValueError, m))?;
        let r = match v {
            Value::Bool(b) => {
                // bool formats as an int once a spec is given (`f'{True:>5}'` is `'    1'`).
                format_int(&(*b as i64).into(), &parsed)
                    .map_err(|m| m.replace("type 'int'", "type 'bool'"))
            }
            Value::Float(x) => format_float(*x, &parsed),
            Value::Complex(c) => format_complex(c.re, c.im, &parsed),
            Value::Str(s) => format_str(s, &parsed),
            _ => format_int(&to_bigint(v).unwrap_or_default(), &parsed),
        };
        r.or_else(|m| match m.as_str() {
            // CPython tries to allocate the field and runs out of memory.
            "format field width or precision too large" => {
                Err(Exc::with_args(ExcType::MemoryError, vec![]))
            }
            "int too large to convert to float"
            | "%c arg not in range(0x110000)"
            | "Python int too large to convert to C long" => raise(ExcType::OverflowError, m),
            _ => raise(ExcType::ValueError, m),
        })
    }
}
