//! Iteration: a fast cursor over built-in sequences for `for` loops and
//! comprehensions, and the iterator objects that `iter`, `zip`, `map`... return.

use super::Interp;
use super::exceptions::{Exc, ExcType, PResult, type_error};
use super::value::{IterObj, NativeBox, SeqIter, Value};
use crate::text::RcStr;
use std::cell::RefCell;
use std::rc::Rc;

/// A cursor over anything iterable.
pub enum ValueIter {
    Seq(SeqIter),
    /// Shares the state of an iterator object (`it = iter(xs)`; `for x in it`).
    Shared(Rc<RefCell<IterObj>>),
    /// A library object that is its own iterator (`for x in a.flat`).
    Native(Rc<NativeBox>),
}

impl SeqIter {
    #[inline]
    /// The next item, or the error the iteration raised (so not `Iterator::next`).
    #[allow(clippy::should_implement_trait)]
    pub fn next(&mut self) -> PResult<Option<Value>> {
        Ok(match self {
            SeqIter::Range { next, step, left } => {
                if *left <= 0 {
                    return Ok(None);
                }
                let v = *next;
                *left -= 1;
                *next = next.wrapping_add(*step);
                Some(Value::Int(v))
            }
            SeqIter::List(l, i) => {
                let l = l.borrow();
                let v = l.get(*i).cloned();
                *i += 1;
                v
            }
            SeqIter::Values(v, i) => {
                let r = v.get(*i).cloned();
                *i += 1;
                r
            }
            SeqIter::Chars(s, i) => match s[*i..].chars().next() {
                Some(ch) => {
                    *i += ch.len_utf8();
                    Some(Value::Str(RcStr::from(
                        ch.encode_utf8(&mut [0u8; 4]) as &str
                    )))
                }
                None => None,
            },
            SeqIter::Keys(d, i, n, is_set) => {
                let d = d.borrow();
                if d.len() != *n {
                    *n = usize::MAX;
                    let what = if *is_set { "Set" } else { "dictionary" };
                    return Err(Exc::new(
                        ExcType::RuntimeError,
                        format!("{what} changed size during iteration"),
                    ));
                }
                let r = d.get_index(*i).map(|(k, _)| k.value.clone());
                *i += 1;
                r
            }
            SeqIter::Rev(v, i) => {
                if *i == 0 {
                    return Ok(None);
                }
                *i -= 1;
                Some(v[*i].clone())
            }
            SeqIter::Done => None,
        })
    }
}

impl IterObj {
    pub fn next(&mut self, it: &mut Interp) -> PResult<Option<Value>> {
        match self {
            IterObj::Seq(s) => s.next(),
            IterObj::Shared(obj) => ValueIter::Shared(obj.clone()).next(it),
            IterObj::Native(n) => n.0.next_item(it),
            IterObj::Enumerate(inner, n) => match inner.next(it)? {
                Some(v) => {
                    let i = *n;
                    *n += 1;
                    Ok(Some(Value::tuple(vec![Value::Int(i), v])))
                }
                None => Ok(None),
            },
            IterObj::Zip(inners) => {
                if inners.is_empty() {
                    return Ok(None);
                }
                let mut items = Vec::with_capacity(inners.len());
                for i in inners.iter_mut() {
                    match i.next(it)? {
                        Some(v) => items.push(v),
                        None => return Ok(None),
                    }
                }
                Ok(Some(Value::tuple(items)))
            }
            IterObj::Map(f, inners) => {
                let mut items = Vec::with_capacity(inners.len());
                for i in inners.iter_mut() {
                    match i.next(it)? {
                        Some(v) => items.push(v),
                        None => return Ok(None),
                    }
                }
                let f = f.clone();
                it.call_value(&f, super::value::Args::new(items)).map(Some)
            }
            IterObj::Filter(f, inner) => loop {
                match inner.next(it)? {
                    Some(v) => {
                        let keep = if f.is_none() {
                            it.truthy(&v)?
                        } else {
                            let f = f.clone();
                            let r = it.call_value(&f, super::value::Args::new(vec![v.clone()]))?;
                            it.truthy(&r)?
                        };
                        if keep {
                            return Ok(Some(v));
                        }
                    }
                    None => return Ok(None),
                }
            },
        }
    }
}

impl ValueIter {
    #[inline]
    pub fn next(&mut self, it: &mut Interp) -> PResult<Option<Value>> {
        match self {
            ValueIter::Seq(s) => s.next(),
            ValueIter::Shared(obj) => {
                // Take the state out while running user code (map/filter may re-enter).
                let mut state =
                    std::mem::replace(&mut *obj.borrow_mut(), IterObj::Seq(SeqIter::Done));
                let r = state.next(it);
                *obj.borrow_mut() = state;
                r
            }
            ValueIter::Native(n) => n.0.next_item(it),
        }
    }
}

impl Interp {
    /// Starts iterating `v` (Python's `iter(v)`).
    pub fn iterate(&mut self, v: &Value) -> PResult<ValueIter> {
        Ok(ValueIter::Seq(match v {
            Value::Range(r) => SeqIter::Range {
                next: r.start,
                step: r.step,
                left: r.len(),
            },
            Value::List(l) => SeqIter::List(l.clone(), 0),
            Value::Tuple(t) => SeqIter::Values(t.clone(), 0),
            Value::Str(s) => SeqIter::Chars(s.clone(), 0),
            Value::Dict(d) => SeqIter::Keys(d.clone(), 0, d.borrow().len(), false),
            Value::Set(d) => SeqIter::Keys(d.clone(), 0, d.borrow().len(), true),
            Value::Iter(obj) => return Ok(ValueIter::Shared(obj.clone())),
            Value::Native(n) if n.0.is_iterator() => return Ok(ValueIter::Native(n.clone())),
            Value::Array(a) => {
                SeqIter::Values(Rc::new(crate::library::np::attrs::iter_items(a)?), 0)
            }
            _ => return type_error(format!("'{}' object is not iterable", v.type_name())),
        }))
    }

    /// An iterator object over `v` (for `iter()`, `enumerate()`, `zip()`...).
    pub fn iter_obj(&mut self, v: &Value) -> PResult<IterObj> {
        Ok(match self.iterate(v)? {
            ValueIter::Seq(s) => IterObj::Seq(s),
            ValueIter::Shared(obj) => IterObj::Shared(obj),
            ValueIter::Native(n) => IterObj::Native(n),
        })
    }

    pub fn make_iter(&mut self, v: &Value) -> PResult<Value> {
        match v {
            Value::Iter(_) => return Ok(v.clone()),
            Value::Native(n) if n.0.is_iterator() => return Ok(v.clone()),
            _ => {}
        }
        let o = self.iter_obj(v)?;
        Ok(Value::Iter(Rc::new(RefCell::new(o))))
    }

    /// All items of an iterable.
    pub fn collect(&mut self, v: &Value) -> PResult<Vec<Value>> {
        match v {
            Value::List(l) => return Ok(l.borrow().clone()),
            Value::Tuple(t) => return Ok(t.to_vec()),
            _ => {}
        }
        let mut it = self.iterate(v)?;
        let mut out = Vec::new();
        while let Some(x) = it.next(self)? {
            out.push(x);
        }
        Ok(out)
    }

    /// `next(it)`.
    pub fn next_of(&mut self, v: &Value) -> PResult<Option<Value>> {
        match v {
            Value::Iter(obj) => ValueIter::Shared(obj.clone()).next(self),
            Value::Native(n) if n.0.is_iterator() => n.0.next_item(self),
            _ => Err(Exc::new(
                ExcType::TypeError,
                format!("'{}' object is not an iterator", v.type_name()),
            )),
        }
    }
}
