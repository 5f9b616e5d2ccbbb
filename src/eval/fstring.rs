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
        if spec.is_empty() {
            return self.to_str(v);
        }
        let ty = v.type_name();
        let parsed = parse_spec(spec, ty).or_else(|m| raise(ExcType::ValueError, m))?;
        let r = match v {
            Value::Int(_) | Value::BigInt(_) => {
                format_int(&to_bigint(v).unwrap_or_default(), &parsed)
            }
            // bool formats as an int once a spec is given (`f'{True:>5}'` is `'    1'`).
            Value::Bool(b) => format_int(&(*b as i64).into(), &parsed)
                .map_err(|m| m.replace("type 'int'", "type 'bool'")),
            Value::Float(x) => format_float(*x, &parsed),
            Value::Complex(c) => format_complex(c.re, c.im, &parsed),
            Value::Str(s) => format_str(s, &parsed),
            _ => {
                return type_error(format!(
                    "unsupported format string passed to {}.__format__",
                    ty
                ));
            }
        };
        r.or_else(|m| {
            if m == "format field width or precision too large" {
                // CPython tries to allocate the field and runs out of memory.
                return Err(Exc::with_args(ExcType::MemoryError, vec![]));
            }
            raise(ExcType::ValueError, m)
        })
    }
}
