//! One path for every kind of assignment target: `a = `, `a, *b = `, `a[i] = `,
//! `a.x = `, `del`, and augmented assignment.

use super::exceptions::{Exc, ExcType, PResult, type_error, value_error};
use super::expr::{index_of, slice_indices};
use super::ops;
use super::value::Value;
use super::{Frame, Interp};
use crate::parse::ast::*;

impl Interp {
    #[inline]
    pub fn store_name(&mut self, f: &mut Frame, n: &Name, v: Value) {
        match n.slot.get() {
            Slot::Local(s) => {
                let slot = &mut f.locals[s as usize];
                if let Value::Cell(c) = slot {
                    *c.borrow_mut() = v;
                } else {
                    *slot = v;
                }
            }
            Slot::Global(g) => self.store_global(g, v),
            Slot::Unresolved => {}
        }
    }

    pub fn unbind_name(&mut self, f: &mut Frame, n: &Name) {
        self.store_name(f, n, Value::Undef);
    }

    /// Stores into global slot `g`.
    #[inline]
    pub fn store_global(&mut self, g: u32, v: Value) {
        let g = g as usize;
        if g >= self.globals.len() {
            self.sync_globals();
        }
        Value::set(&mut self.globals[g], v);
    }

    pub fn assign(&mut self, f: &mut Frame, t: &Expr, v: Value) -> PResult<()> {
        match &t.kind {
            ExprKind::Local(s) => {
                Value::set(&mut f.locals[*s as usize], v);
                Ok(())
            }
            ExprKind::Global(g) => {
                self.store_global(*g, v);
                Ok(())
            }
            ExprKind::Name(n) => {
                self.store_name(f, n, v);
                Ok(())
            }
            ExprKind::Tuple(targets) | ExprKind::List(targets) => {
                self.unpack(f, targets, v).map_err(|e| e.at(t.span))
            }
            ExprKind::Subscript(obj, idx) => {
                let o = self.eval(f, obj)?;
                let i = self.eval(f, idx)?;
                self.set_item(&o, &i, v).map_err(|e| e.at(t.span))
            }
            ExprKind::Attribute(obj, name) => {
                let o = self.eval(f, obj)?;
                self.set_attr(&o, name, v).map_err(|e| e.at(t.span))
            }
            ExprKind::Starred(inner) => self.assign(f, inner, v),
            _ => Err(Exc::new(
                ExcType::SyntaxError,
                "cannot assign to expression",
            )),
        }
    }

    fn unpack(&mut self, f: &mut Frame, targets: &[Expr], v: Value) -> PResult<()> {
        let items = match &v {
            Value::Tuple(t) => t.to_vec(),
            Value::List(l) => l.borrow().clone(),
            _ => match self.collect(&v) {
                Ok(items) => items,
                Err(_) => {
                    return type_error(format!(
                        "cannot unpack non-iterable {} object",
                        v.type_name()
                    ));
                }
            },
        };
        let star = targets
            .iter()
            .position(|t| matches!(t.kind, ExprKind::Starred(_)));
        match star {
            None => {
                if items.len() != targets.len() {
                    if items.len() > targets.len() {
                        return value_error(format!(
                            "too many values to unpack (expected {})",
                            targets.len()
                        ));
                    }
                    return value_error(format!(
                        "not enough values to unpack (expected {}, got {})",
                        targets.len(),
                        items.len()
                    ));
                }
                for (t, item) in targets.iter().zip(items) {
                    self.assign(f, t, item)?;
                }
            }
            Some(si) => {
                let after = targets.len() - si - 1;
                if items.len() < targets.len() - 1 {
                    return value_error(format!(
                        "not enough values to unpack (expected at least {}, got {})",
                        targets.len() - 1,
                        items.len()
                    ));
                }
                let mut items = items;
                let tail = items.split_off(items.len() - after);
                let mid = items.split_off(si);
                for (t, item) in targets[..si].iter().zip(items) {
                    self.assign(f, t, item)?;
                }
                self.assign(f, &targets[si], Value::list(mid))?;
                for (t, item) in targets[si + 1..].iter().zip(tail) {
                    self.assign(f, t, item)?;
                }
            }
        }
        Ok(())
    }

    /// `obj[idx] = v`.
    pub fn set_item(&mut self, obj: &Value, idx: &Value, v: Value) -> PResult<()> {
        match obj {
            Value::Array(a) => crate::library::np::attrs::set_item(a, idx, &v),
            Value::Native(n) if n.0.set_item(self, idx, &v)?.is_some() => Ok(()),
            Value::List(l) => {
                if let Value::Slice(s) = idx {
                    let new = self
                        .collect(&v)
                        .map_err(|_| Exc::new(ExcType::TypeError, "can only assign an iterable"))?;
                    let mut l = l.borrow_mut();
                    let (start, stop, step, n) = slice_indices(s, l.len() as i64)?;
                    if step == 1 {
                        let stop = stop.max(start) as usize;
                        l.splice(start as usize..stop, new);
                    } else {
                        if new.len() as i64 != n {
                            return value_error(format!(
                                "attempt to assign sequence of size {} to extended slice of size {n}",
                                new.len()
                            ));
                        }
                        for (k, item) in new.into_iter().enumerate() {
                            l[(start + k as i64 * step) as usize] = item;
                        }
                    }
                    return Ok(());
                }
                let i = index_of(idx, "list")?;
                let mut l = l.borrow_mut();
                let n = l.len() as i64;
                let j = if i < 0 { i + n } else { i };
                if j < 0 || j >= n {
                    return Err(Exc::new(
                        ExcType::IndexError,
                        "list assignment index out of range",
                    ));
                }
                l[j as usize] = v;
                Ok(())
            }
            Value::Dict(d) => {
                let k = ops::make_key(idx.clone())?;
                d.borrow_mut().insert(k, v);
                Ok(())
            }
            _ => type_error(format!(
                "'{}' object does not support item assignment",
                obj.type_name()
            )),
        }
    }

    pub fn del_item(&mut self, obj: &Value, idx: &Value) -> PResult<()> {
        match obj {
            Value::List(l) => {
                let mut l = l.borrow_mut();
                if let Value::Slice(s) = idx {
                    let (start, _stop, step, n) = slice_indices(s, l.len() as i64)?;
                    let mut kill: Vec<usize> =
                        (0..n).map(|k| (start + k * step) as usize).collect();
                    kill.sort_unstable();
                    for k in kill.into_iter().rev() {
                        l.remove(k);
                    }
                    return Ok(());
                }
                let i = index_of(idx, "list")?;
                let n = l.len() as i64;
                let j = if i < 0 { i + n } else { i };
                if j < 0 || j >= n {
                    return Err(Exc::new(
                        ExcType::IndexError,
                        "list assignment index out of range",
                    ));
                }
                l.remove(j as usize);
                Ok(())
            }
            Value::Dict(d) => {
                let k = ops::make_key(idx.clone())?;
                match d.borrow_mut().shift_remove(&k) {
                    Some(_) => Ok(()),
                    None => Err(Exc::with_args(ExcType::KeyError, vec![idx.clone()])),
                }
            }
            _ => type_error(format!(
                "'{}' object doesn't support item deletion",
                obj.type_name()
            )),
        }
    }

    pub fn set_attr(&mut self, obj: &Value, name: &str, v: Value) -> PResult<()> {
        if let Value::Array(a) = obj {
            return crate::library::np::attrs::set_attr(a, name, &v);
        }
        if let Value::Module(m) = obj {
            m.attrs.borrow_mut().insert(std::rc::Rc::from(name), v);
            return Ok(());
        }
        if crate::library::methods::get_attr(self, obj, name)?.is_some() {
            return Err(Exc::new(
                ExcType::AttributeError,
                format!(
                    "attribute '{name}' of '{}' objects is not writable",
                    obj.type_name()
                ),
            ));
        }
        Err(Exc::new(
            ExcType::AttributeError,
            format!("'{}' object has no attribute '{name}'", obj.type_name()),
        ))
    }

    pub fn delete(&mut self, f: &mut Frame, t: &Expr) -> PResult<()> {
        match &t.kind {
            ExprKind::Local(s) => {
                let slot = &mut f.locals[*s as usize];
                if let Value::Undef = slot {
                    let name = f.slot_name(*s);
                    return Err(Exc::new(
                        ExcType::NameError,
                        format!("name '{name}' is not defined"),
                    )
                    .at(t.span));
                }
                *slot = Value::Undef;
                Ok(())
            }
            ExprKind::Global(g) => {
                if matches!(self.globals.get(*g as usize), None | Some(Value::Undef)) {
                    return Err(Exc::new(
                        ExcType::NameError,
                        format!(
                            "name '{}' is not defined",
                            self.global_names.names[*g as usize]
                        ),
                    )
                    .at(t.span));
                }
                self.store_global(*g, Value::Undef);
                Ok(())
            }
            ExprKind::Name(n) => {
                // Deleting an unbound name is a NameError.
                let bound = match n.slot.get() {
                    Slot::Local(s) => match &f.locals[s as usize] {
                        Value::Cell(c) => !matches!(*c.borrow(), Value::Undef),
                        Value::Undef => false,
                        _ => true,
                    },
                    Slot::Global(g) => {
                        !matches!(self.globals.get(g as usize), None | Some(Value::Undef))
                    }
                    Slot::Unresolved => false,
                };
                if !bound {
                    return Err(Exc::new(
                        ExcType::NameError,
                        format!("name '{}' is not defined", n.id),
                    )
                    .at(t.span));
                }
                self.unbind_name(f, n);
                Ok(())
            }
            ExprKind::Subscript(obj, idx) => {
                let o = self.eval(f, obj)?;
                let i = self.eval(f, idx)?;
                self.del_item(&o, &i).map_err(|e| e.at(t.span))
            }
            ExprKind::Tuple(v) | ExprKind::List(v) => {
                for x in v {
                    self.delete(f, x)?;
                }
                Ok(())
            }
            _ => Err(Exc::new(ExcType::SyntaxError, "cannot delete expression")),
        }
    }

    pub fn aug_assign(&mut self, f: &mut Frame, t: &Expr, op: BinOp, value: &Expr) -> PResult<()> {
        match &t.kind {
            ExprKind::Local(s) => {
                let cur = self.load_local(f, *s).map_err(|e| e.at(t.span))?;
                let v = self.eval(f, value)?;
                let r = self.inplace_op(op, &cur, &v)?;
                Value::set(&mut f.locals[*s as usize], r);
                Ok(())
            }
            ExprKind::Global(g) => {
                let cur = self.load_global(*g).map_err(|e| e.at(t.span))?;
                let v = self.eval(f, value)?;
                let r = self.inplace_op(op, &cur, &v)?;
                self.store_global(*g, r);
                Ok(())
            }
            ExprKind::Name(n) => {
                let cur = match n.slot.get() {
                    Slot::Local(s) => self.load_local(f, s),
                    Slot::Global(g) => self.load_global(g),
                    Slot::Unresolved => Err(Exc::new(
                        ExcType::NameError,
                        format!("name '{}' is not defined", n.id),
                    )),
                }
                .map_err(|e| e.at(t.span))?;
                let v = self.eval(f, value)?;
                let r = self.inplace_op(op, &cur, &v)?;
                self.store_name(f, n, r);
                Ok(())
            }
            ExprKind::Subscript(obj, idx) => {
                let o = self.eval(f, obj)?;
                let i = self.eval(f, idx)?;
                let cur = self.get_item(&o, &i).map_err(|e| e.at(t.span))?;
                let v = self.eval(f, value)?;
                let r = self.inplace_op(op, &cur, &v)?;
                self.set_item(&o, &i, r).map_err(|e| e.at(t.span))
            }
            ExprKind::Attribute(obj, name) => {
                let o = self.eval(f, obj)?;
                let cur = self.get_attr(&o, name).map_err(|e| e.at(t.span))?;
                let v = self.eval(f, value)?;
                let r = self.inplace_op(op, &cur, &v)?;
                self.set_attr(&o, name, r).map_err(|e| e.at(t.span))
            }
            _ => Err(Exc::new(
                ExcType::SyntaxError,
                "illegal expression for augmented assignment",
            )),
        }
    }
}
