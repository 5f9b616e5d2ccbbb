//! `repr()` and `str()` of values, exactly as Python writes them.

use super::Interp;
use super::exceptions::{ExcType, PResult, raise};
use super::value::{TypeObj, Value};
use crate::library::strings::unicode::is_printable;
use crate::print::float::repr_f64;
use crate::print::format_spec::repr_complex;
use std::fmt::Write;

/// Python's `repr(str)`.
pub fn repr_str(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for ch in s.chars() {
        match ch {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if !is_printable(c) => {
                if (c as u32) < 0x100 {
                    let _ = write!(out, "\\x{:02x}", c as u32);
                } else if (c as u32) < 0x10000 {
                    let _ = write!(out, "\\u{:04x}", c as u32);
                } else {
                    let _ = write!(out, "\\U{:08x}", c as u32);
                }
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

impl Interp {
    /// `repr(v)`.
    pub fn repr(&mut self, v: &Value) -> PResult<String> {
        let mut s = String::new();
        self.write_repr(&mut s, v)?;
        Ok(s)
    }

    /// `str(v)`.
    pub fn to_str(&mut self, v: &Value) -> PResult<String> {
        if let Value::Array(_) | Value::NpScalar(_) | Value::DType(_) = v
            && let Some(s) = crate::library::np::to_str(v)?
        {
            return Ok(s);
        }
        Ok(match v {
            Value::Str(s) => s.to_string(),
            Value::Exception(e) => match e.args.len() {
                0 => String::new(),
                1 if e.ty == ExcType::KeyError => self.repr(&e.args[0])?,
                1 => self.to_str(&e.args[0])?,
                _ => self.repr(&Value::tuple(e.args.clone()))?,
            },
            other => self.repr(other)?,
        })
    }

    fn enter_repr(&mut self, id: usize) -> PResult<bool> {
        if self.repr_stack.contains(&id) {
            return Ok(false);
        }
        if self.repr_stack.len() > 900 {
            return raise(
                ExcType::RecursionError,
                "maximum recursion depth exceeded while getting the repr of an object",
            );
        }
        self.repr_stack.push(id);
        Ok(true)
    }

    fn write_seq(
        &mut self,
        out: &mut String,
        items: &[Value],
        open: &str,
        close: &str,
        one_comma: bool,
    ) -> PResult<()> {
        out.push_str(open);
        for (i, x) in items.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            self.write_repr(out, x)?;
        }
        if one_comma && items.len() == 1 {
            out.push(',');
        }
        out.push_str(close);
        Ok(())
    }

    pub fn write_repr(&mut self, out: &mut String, v: &Value) -> PResult<()> {
        if let Value::Array(_)
        | Value::NpScalar(_)
        | Value::DType(_)
        | Value::Native(_)
        | Value::Type(TypeObj::NpScalar(_) | TypeObj::NdArray | TypeObj::NpDType) = v
            && let Some(s) = crate::library::np::repr(self, v)?
        {
            out.push_str(&s);
            return Ok(());
        }
        match v {
            Value::None => out.push_str("None"),
            Value::Bool(true) => out.push_str("True"),
            Value::Bool(false) => out.push_str("False"),
            Value::Int(i) => {
                let _ = write!(out, "{i}");
            }
            Value::BigInt(b) => {
                if b.bits() > 14_000 {
                    return raise(
                        ExcType::ValueError,
                        "Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit",
                    );
                }
                let _ = write!(out, "{b}");
            }
            Value::Float(x) => out.push_str(&repr_f64(*x)),
            Value::Complex(c) => out.push_str(&repr_complex(c.re, c.im)),
            Value::Str(s) => out.push_str(&repr_str(s)),
            Value::List(l) => {
                let id = std::rc::Rc::as_ptr(l) as usize;
                if !self.enter_repr(id)? {
                    out.push_str("[...]");
                    return Ok(());
                }
                let items = l.borrow().clone();
                let r = self.write_seq(out, &items, "[", "]", false);
                self.repr_stack.pop();
                r?;
            }
            Value::Tuple(t) => {
                let id = t.as_ptr() as usize;
                if !self.enter_repr(id)? {
                    out.push_str("(...)");
                    return Ok(());
                }
                let r = self.write_seq(out, &t.clone(), "(", ")", true);
                self.repr_stack.pop();
                r?;
            }
            Value::Dict(d) => {
                let id = std::rc::Rc::as_ptr(d) as usize;
                if !self.enter_repr(id)? {
                    out.push_str("{...}");
                    return Ok(());
                }
                let items: Vec<(Value, Value)> = d
                    .borrow()
                    .iter()
                    .map(|(k, v)| (k.value.clone(), v.clone()))
                    .collect();
                out.push('{');
                let mut r = Ok(());
                for (i, (k, v)) in items.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    r = self.write_repr(out, k);
                    if r.is_err() {
                        break;
                    }
                    out.push_str(": ");
                    r = self.write_repr(out, v);
                    if r.is_err() {
                        break;
                    }
                }
                out.push('}');
                self.repr_stack.pop();
                r?;
            }
            Value::Set(d) => {
                let items: Vec<Value> = d.borrow().keys().map(|k| k.value.clone()).collect();
                if items.is_empty() {
                    out.push_str("set()");
                } else {
                    self.write_seq(out, &items, "{", "}", false)?;
                }
            }
            Value::Range(r) => {
                if r.step == 1 {
                    let _ = write!(out, "range({}, {})", r.start, r.stop);
                } else {
                    let _ = write!(out, "range({}, {}, {})", r.start, r.stop, r.step);
                }
            }
            Value::Slice(s) => {
                out.push_str("slice(");
                self.write_repr(out, &s.start)?;
                out.push_str(", ");
                self.write_repr(out, &s.stop)?;
                out.push_str(", ");
                self.write_repr(out, &s.step)?;
                out.push(')');
            }
            Value::Func(f) => {
                let _ = write!(out, "<function {} at 0x{:012x}>", f.def.qualname, v.id());
            }
            Value::Builtin(b) => {
                let _ = write!(out, "<built-in function {}>", b.name);
            }
            Value::Method(m) if m.1.starts_with("str.") => {
                // `str.upper`: looked up on the type, see library::strings::unbound_name.
                let _ = write!(out, "<method '{}' of 'str' objects>", &m.1[4..]);
            }
            Value::Method(m) => {
                // NumPy's types are named with their module (`numpy.ndarray`).
                let ty = m.0.type_name();
                let numpy = matches!(&m.0, Value::Array(_) | Value::NpScalar(_))
                    || matches!(ty, "ufunc" | "ndarray");
                let _ = write!(
                    out,
                    "<built-in method {} of {}{} object at 0x{:012x}>",
                    m.1,
                    if numpy { "numpy." } else { "" },
                    ty,
                    m.0.id()
                );
            }
            Value::Module(m) => {
                let _ = write!(out, "<module '{}' (built-in)>", m.name);
            }
            Value::Type(t) => match t {
                TypeObj::Exc(e) => {
                    let q = e.qualname();
                    let _ = write!(out, "<class '{q}'>");
                }
                _ => {
                    let _ = write!(out, "<class '{}'>", t.name());
                }
            },
            Value::Exception(e) => {
                out.push_str(e.ty.name());
                self.write_seq(out, &e.args.clone(), "(", ")", false)?;
            }
            Value::Iter(_) => {
                let _ = write!(out, "<{} object at 0x{:012x}>", v.type_name(), v.id());
            }
            Value::Ellipsis => out.push_str("Ellipsis"),
            Value::Cell(c) => {
                let inner = c.borrow().clone();
                self.write_repr(out, &inner)?;
            }
            Value::Undef => out.push_str("<unbound>"),
            // Written by the NumPy layer above.
            Value::Array(_) | Value::NpScalar(_) | Value::DType(_) | Value::Native(_) => {}
        }
        Ok(())
    }
}
