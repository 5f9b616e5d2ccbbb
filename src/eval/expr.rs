//! Evaluating expressions. `eval` reads leaves inline and hands the hot node kinds
//! (see the resolver's specialised kinds) to small functions of their own; int
//! operands are first "peeked" straight from literals and slots. All other kinds
//! share `eval_inner`. Errors are stamped with a span on the error path only.

use super::exceptions::{Exc, ExcType, PResult, type_error};
use super::iter::ValueIter;
use super::ops;
use super::value::{Args, SliceObj, Value};
use super::{Frame, Interp, LOCALS_INLINE};
use crate::kernels::binary::BinKind;
use crate::parse::ast::*;
use crate::text::RcStr;
use num_traits::Signed;
use std::cell::RefCell;
use std::rc::Rc;

/// Checked `x op y` for the operators whose int results the hot paths compute
/// inline; `None` when another path must decide (overflow to a big int, other ops).
#[inline(always)]
pub fn int_fast(op: BinOp, x: i64, y: i64) -> Option<i64> {
    match op {
        BinOp::Add => x.checked_add(y),
        BinOp::Sub => x.checked_sub(y),
        BinOp::Mul => x.checked_mul(y),
        _ => None,
    }
}

/// `x op y` for two ints, for the orderings and equalities.
#[inline(always)]
fn int_cmp(op: CmpOp, x: i64, y: i64) -> Option<bool> {
    Some(match op {
        CmpOp::Lt => x < y,
        CmpOp::Le => x <= y,
        CmpOp::Gt => x > y,
        CmpOp::Ge => x >= y,
        CmpOp::Eq => x == y,
        CmpOp::NotEq => x != y,
        _ => return None,
    })
}

/// The int that `e` stands for, if it is an int literal or a slot holding an int:
/// read without evaluating anything (so a caller may fall back to `eval`).
#[inline(always)]
fn peek_int(f: &Frame, e: &Expr) -> Option<i64> {
    match &e.kind {
        ExprKind::Int(i) => Some(*i),
        ExprKind::Local(s) => match f.locals.get(*s as usize) {
            Some(Value::Int(i)) => Some(*i),
            _ => None,
        },
        _ => None,
    }
}

/// `peek_int`, and also the int fast path of `BinOpLeaves`.
#[inline(always)]
pub(super) fn peek_int_value(f: &Frame, e: &Expr) -> Option<i64> {
    match &e.kind {
        ExprKind::BinOpLeaves(op, a, b) => int_fast(*op, peek_int(f, a)?, peek_int(f, b)?),
        _ => peek_int(f, e),
    }
}

/// The value of a leaf (an int literal or a bound plain local) or of the int
/// fast path of `BinOpLeaves`, computed without evaluating anything (no call).
#[inline(always)]
pub(super) fn peek_value(f: &Frame, e: &Expr) -> Option<Value> {
    match &e.kind {
        ExprKind::Int(i) => Some(Value::Int(*i)),
        ExprKind::Local(s) => match f.locals.get(*s as usize) {
            None | Some(Value::Undef) => None,
            Some(v) => Some(v.clone()),
        },
        ExprKind::BinOpLeaves(op, a, b) => {
            int_fast(*op, peek_int(f, a)?, peek_int(f, b)?).map(Value::Int)
        }
        _ => None,
    }
}

/// The truth of condition `c` when it is a comparison of int literals and slots, or
/// a bool literal: decided without evaluating anything.
#[inline(always)]
pub(super) fn peek_cond(f: &Frame, c: &Expr) -> Option<bool> {
    match &c.kind {
        ExprKind::Compare1(op, a, b) => int_cmp(*op, peek_int(f, a)?, peek_int(f, b)?),
        ExprKind::True => Some(true),
        ExprKind::False => Some(false),
        _ => None,
    }
}

/// The slots of a small function's frame, on the Rust stack of the call. Only the
/// slots in use are initialised, and dropping it releases only the slots that hold
/// heap values: the drop glue of a whole array (one out-of-line call per slot)
/// never runs.
struct InlineSlots {
    vals: [std::mem::MaybeUninit<Value>; LOCALS_INLINE],
    /// `vals[..n]` are initialised.
    n: usize,
}

impl InlineSlots {
    #[inline(always)]
    fn new() -> InlineSlots {
        InlineSlots {
            vals: [const { std::mem::MaybeUninit::uninit() }; LOCALS_INLINE],
            n: 0,
        }
    }

    /// Appends `v` (at most `LOCALS_INLINE` in all).
    #[inline(always)]
    fn push(&mut self, v: Value) {
        self.vals[self.n].write(v);
        self.n += 1;
    }

    /// Appends the value of `e` if `peek_value` can tell it. Each kind of leaf is
    /// written into its slot directly: through a shared temporary, the value would be
    /// stored as two words and reloaded as one 16-byte move, which the store buffer
    /// cannot forward (a stall on every call).
    #[inline(always)]
    fn push_peeked(&mut self, f: &Frame, e: &Expr) -> bool {
        let slot = &mut self.vals[self.n];
        match &e.kind {
            ExprKind::Int(i) => {
                slot.write(Value::Int(*i));
            }
            ExprKind::Local(s) => match f.locals.get(*s as usize) {
                None | Some(Value::Undef) => return false,
                Some(v) => {
                    slot.write(v.clone());
                }
            },
            ExprKind::BinOpLeaves(op, a, b) => {
                let (Some(x), Some(y)) = (peek_int(f, a), peek_int(f, b)) else {
                    return false;
                };
                let Some(r) = int_fast(*op, x, y) else {
                    return false;
                };
                slot.write(Value::Int(r));
            }
            _ => return false,
        }
        self.n += 1;
        true
    }

    /// The initialised slots.
    #[inline(always)]
    fn slots(&mut self) -> &mut [Value] {
        // SAFETY: `vals[..n]` are initialised, and `MaybeUninit<Value>` has the
        // layout of `Value`.
        unsafe { std::slice::from_raw_parts_mut(self.vals.as_mut_ptr().cast::<Value>(), self.n) }
    }
}

impl Drop for InlineSlots {
    #[inline(always)]
    fn drop(&mut self) {
        for v in self.slots() {
            if v.is_heap() {
                // SAFETY: `v` is initialised and never used again.
                unsafe { std::ptr::drop_in_place(v) }
            }
        }
    }
}

impl Interp {
    /// Evaluates `e`. Every error it returns carries a span (that of the innermost
    /// node that raised it), so callers never stamp errors coming out of `eval`.
    #[inline(always)]
    pub fn eval(&mut self, f: &mut Frame, e: &Expr) -> PResult<Value> {
        // Leaves first, without a call.
        match &e.kind {
            ExprKind::Local(s) => match &f.locals[*s as usize] {
                Value::Undef => {}
                v => return Ok(v.clone()),
            },
            ExprKind::Int(i) => return Ok(Value::Int(*i)),
            // The hottest inner kinds without the dispatcher's call level.
            ExprKind::BinOpLeaves(..) => return self.eval_binop_leaves(f, e),
            ExprKind::BinOp(..) => return self.eval_binop(f, e),
            ExprKind::CallPos(..) => return self.eval_call_pos(f, e),
            _ => {}
        }
        self.eval_node(f, e)
    }

    /// Dispatches on the node kind. The hot kinds each have their own small function
    /// (all taking `(self, f, e)`), so that each prologue saves only what that kind
    /// needs; the rest share `eval_stamped`.
    #[inline(never)]
    fn eval_node(&mut self, f: &mut Frame, e: &Expr) -> PResult<Value> {
        match &e.kind {
            ExprKind::BinOpLeaves(..) => self.eval_binop_leaves(f, e),
            ExprKind::BinOp(..) => self.eval_binop(f, e),
            ExprKind::CallPos(..) => self.eval_call_pos(f, e),
            ExprKind::Compare1(..) => self.eval_compare1(f, e),
            ExprKind::Global(_) => self.eval_global(f, e),
            ExprKind::Subscript(..) => self.eval_subscript(f, e),
            ExprKind::Attribute(..) => self.eval_attribute(f, e),
            ExprKind::Local(_) => self.eval_unbound(f, e),
            ExprKind::Float(x) => Ok(Value::Float(*x)),
            ExprKind::True => Ok(Value::Bool(true)),
            ExprKind::False => Ok(Value::Bool(false)),
            ExprKind::None => Ok(Value::None),
            _ => self.eval_stamped(f, e),
        }
    }

    /// A `Local` that `eval` did not read: the slot is unbound.
    #[cold]
    #[inline(never)]
    fn eval_unbound(&mut self, f: &mut Frame, e: &Expr) -> PResult<Value> {
        let ExprKind::Local(s) = e.kind else {
            unreachable!()
        };
        Err(self.unbound(f, s, false).at(e.span))
    }

    #[inline(never)]
    fn eval_global(&mut self, _f: &mut Frame, e: &Expr) -> PResult<Value> {
        let ExprKind::Global(g) = e.kind else {
            unreachable!()
        };
        match &self.globals[g as usize] {
            Value::Undef => self.load_global(g).map_err(|x| x.at(e.span)),
            v => Ok(v.clone()),
        }
    }

    /// `obj[idx]`.
    #[inline(never)]
    fn eval_subscript(&mut self, f: &mut Frame, e: &Expr) -> PResult<Value> {
        let ExprKind::Subscript(obj, idx) = &e.kind else {
            unreachable!()
        };
        let o = self.eval(f, obj)?;
        let i = self.eval(f, idx)?;
        self.get_item(&o, &i).map_err(|x| x.at(e.span))
    }

    /// `obj.name`.
    #[inline(never)]
    fn eval_attribute(&mut self, f: &mut Frame, e: &Expr) -> PResult<Value> {
        let ExprKind::Attribute(obj, name) = &e.kind else {
            unreachable!()
        };
        let o = self.eval(f, obj)?;
        self.get_attr(&o, name).map_err(|x| x.at(e.span))
    }

    /// `a op b` of literals and slots: int operands are computed before anything
    /// else (no call, no prologue).
    #[inline(never)]
    fn eval_binop_leaves(&mut self, f: &mut Frame, e: &Expr) -> PResult<Value> {
        let ExprKind::BinOpLeaves(op, a, b) = &e.kind else {
            unreachable!()
        };
        if let (Some(i), Some(j)) = (peek_int(f, a), peek_int(f, b))
            && let Some(r) = int_fast(*op, i, j)
        {
            return Ok(Value::Int(r));
        }
        self.eval_binop(f, e)
    }

    /// `a op b` (also the general case of `BinOpLeaves`).
    #[inline(never)]
    fn eval_binop(&mut self, f: &mut Frame, e: &Expr) -> PResult<Value> {
        let (ExprKind::BinOp(op, a, b) | ExprKind::BinOpLeaves(op, a, b)) = &e.kind else {
            unreachable!()
        };
        let op = *op;
        let is_mul = |x: &Expr| matches!(x.kind, ExprKind::BinOpLeaves(BinOp::Mul, ..));
        if matches!(op, BinOp::Add | BinOp::Sub)
            && (is_mul(a) || is_mul(b))
            && let Some(r) = self.fused_mul_add(f, e, op, a, b)
        {
            return r;
        }
        let x = self.eval(f, a)?;
        let y = self.eval(f, b)?;
        // (The operands of the fast paths own nothing: `discard` compiles to nothing
        // there, where a plain drop would call the drop glue.)
        let r = match (&x, &y) {
            (Value::Int(i), Value::Int(j)) => int_fast(op, *i, *j).map(Value::Int),
            (Value::Float(p), Value::Float(q)) => match op {
                BinOp::Add => Some(Value::Float(p + q)),
                BinOp::Sub => Some(Value::Float(p - q)),
                BinOp::Mul => Some(Value::Float(p * q)),
                _ => None,
            },
            _ => None,
        };
        match r {
            Some(r) => {
                Value::discard(x);
                Value::discard(y);
                Ok(r)
            }
            None => self.binop_slow(e, op, x, y),
        }
    }

    /// `p * q ± c` or `c ± p * q` of local arrays in one pass (see
    /// [`arith::fused_mul_add`]); `None` when it is not that case, with nothing evaluated:
    /// the operands are only peeked at, so the general path then runs as if this had not.
    #[inline(never)]
    fn fused_mul_add(
        &mut self,
        f: &mut Frame,
        e: &Expr,
        op: BinOp,
        a: &Expr,
        b: &Expr,
    ) -> Option<PResult<Value>> {
        fn product(x: &Expr) -> Option<(&Expr, &Expr, &Expr)> {
            match &x.kind {
                ExprKind::BinOpLeaves(BinOp::Mul, p, q) => Some((x, p, q)),
                _ => None,
            }
        }
        let (prod_first, (m, p, q), c) = match (product(a), product(b)) {
            (Some(pq), _) => (true, pq, b),
            (None, Some(pq)) => (false, pq, a),
            _ => return None,
        };
        let outer = if op == BinOp::Add {
            BinKind::Add
        } else {
            BinKind::Sub
        };
        let (p, q, c) = (peek_value(f, p)?, peek_value(f, q)?, peek_value(f, c)?);
        let (r, fm, fa) = crate::library::np::arith::fused_mul_add(outer, prod_first, &p, &q, &c)?;
        let warn = |fl, name, span| {
            crate::library::np::scalar::warn_fp(fl, name, false).map_err(|ex| ex.at(span))
        };
        Some(
            warn(fm, BinKind::Mul.ufunc_name(), m.span)
                .and_then(|_| warn(fa, outer.ufunc_name(), e.span))
                .map(|_| r),
        )
    }

    /// `binop` off the hot path: the operands are dropped here too.
    #[inline(never)]
    fn binop_slow(&mut self, e: &Expr, op: BinOp, x: Value, y: Value) -> PResult<Value> {
        self.binop(op, &x, &y).map_err(|ex| ex.at(e.span))
    }

    #[inline(never)]
    fn eval_compare1(&mut self, f: &mut Frame, e: &Expr) -> PResult<Value> {
        let ExprKind::Compare1(op, a, b) = &e.kind else {
            unreachable!()
        };
        if let (Some(i), Some(j)) = (peek_int(f, a), peek_int(f, b))
            && let Some(r) = int_cmp(*op, i, j)
        {
            return Ok(Value::Bool(r));
        }
        self.eval_compare1_general(f, e)
    }

    #[inline(never)]
    fn eval_compare1_general(&mut self, f: &mut Frame, e: &Expr) -> PResult<Value> {
        let ExprKind::Compare1(op, a, b) = &e.kind else {
            unreachable!()
        };
        let x = self.eval(f, a)?;
        let y = self.eval(f, b)?;
        if let (Value::Int(i), Value::Int(j)) = (&x, &y)
            && let Some(r) = int_cmp(*op, *i, *j)
        {
            Value::discard(x);
            Value::discard(y);
            return Ok(Value::Bool(r));
        }
        self.compare_slow(e, *op, x, y)
    }

    #[inline(never)]
    fn compare_slow(&mut self, e: &Expr, op: CmpOp, x: Value, y: Value) -> PResult<Value> {
        self.compare(op, &x, &y).map_err(|ex| ex.at(e.span))
    }

    /// The truth of a condition (`if`, `while`, `x if c else y`) without building a
    /// `bool` value for the common comparisons. An error of the truth test itself is
    /// stamped with `span`.
    #[inline(always)]
    pub fn cond(&mut self, f: &mut Frame, c: &Expr, span: crate::source::Span) -> PResult<bool> {
        match peek_cond(f, c) {
            Some(t) => Ok(t),
            None => self.cond_general(f, c, span),
        }
    }

    #[inline(never)]
    fn cond_general(
        &mut self,
        f: &mut Frame,
        c: &Expr,
        span: crate::source::Span,
    ) -> PResult<bool> {
        match self.eval(f, c)? {
            Value::Bool(b) => Ok(b),
            other => self.truth_slow(other, span),
        }
    }

    #[inline(never)]
    fn truth_slow(&mut self, v: Value, span: crate::source::Span) -> PResult<bool> {
        self.truthy(&v).map_err(|e| e.at(span))
    }

    /// Errors of other kinds get `e`'s span unless an inner node already gave one.
    #[inline(never)]
    fn eval_stamped(&mut self, f: &mut Frame, e: &Expr) -> PResult<Value> {
        match self.eval_inner(f, e) {
            Ok(v) => Ok(v),
            Err(mut ex) => {
                if ex.cur_span.is_none() {
                    ex.cur_span = Some(e.span);
                }
                Err(ex)
            }
        }
    }

    #[inline]
    pub fn load_local(&self, f: &Frame, s: u32) -> PResult<Value> {
        match &f.locals[s as usize] {
            Value::Cell(c) => match &*c.borrow() {
                Value::Undef => Err(self.unbound(f, s, true)),
                v => Ok(v.clone()),
            },
            Value::Undef => Err(self.unbound(f, s, false)),
            v => Ok(v.clone()),
        }
    }

    pub(super) fn unbound(&self, f: &Frame, s: u32, cell: bool) -> Box<Exc> {
        let name = f.slot_name(s);
        if cell {
            Exc::new(
                ExcType::NameError,
                format!(
                    "cannot access free variable '{name}' where it is not associated with a value in enclosing scope"
                ),
            )
        } else {
            Exc::new(
                ExcType::UnboundLocalError,
                format!(
                    "cannot access local variable '{name}' where it is not associated with a value"
                ),
            )
        }
    }

    #[inline(always)]
    fn eval_inner(&mut self, f: &mut Frame, e: &Expr) -> PResult<Value> {
        Ok(match &e.kind {
            ExprKind::Name(n) => match n.slot.get() {
                Slot::Local(s) => return self.load_local(f, s),
                Slot::Global(g) => return self.load_global(g),
                Slot::Unresolved => {
                    return Err(Exc::new(
                        ExcType::NameError,
                        format!("name '{}' is not defined", n.id),
                    ));
                }
            },
            ExprKind::Local(_)
            | ExprKind::Global(_)
            | ExprKind::BinOp(..)
            | ExprKind::BinOpLeaves(..)
            | ExprKind::CallPos(..)
            | ExprKind::Compare1(..) => return self.eval(f, e),
            ExprKind::Int(i) => Value::Int(*i),
            ExprKind::Float(x) => Value::Float(*x),
            ExprKind::Str(s) => Value::Str(s.clone()),
            ExprKind::Call(func, args) => return self.eval_call(f, func, args),
            ExprKind::Compare(first, rest) => {
                let mut left = self.eval(f, first)?;
                if rest.len() == 1 {
                    let (op, re) = &rest[0];
                    let right = self.eval(f, re)?;
                    if let (Value::Int(x), Value::Int(y)) = (&left, &right) {
                        let b = match op {
                            CmpOp::Lt => x < y,
                            CmpOp::Le => x <= y,
                            CmpOp::Gt => x > y,
                            CmpOp::Ge => x >= y,
                            CmpOp::Eq => x == y,
                            CmpOp::NotEq => x != y,
                            _ => return self.compare(*op, &left, &right),
                        };
                        return Ok(Value::Bool(b));
                    }
                    return self.compare(*op, &left, &right);
                }
                let n = rest.len();
                for (i, (op, re)) in rest.iter().enumerate() {
                    let right = self.eval(f, re)?;
                    let r = self.compare(*op, &left, &right)?;
                    if n == 1 {
                        return Ok(r);
                    }
                    if !self.truthy(&r)? {
                        return Ok(r);
                    }
                    if i + 1 == n {
                        return Ok(r);
                    }
                    left = right;
                }
                Value::Bool(true)
            }
            ExprKind::Attribute(obj, name) => {
                let o = self.eval(f, obj)?;
                return self.get_attr(&o, name);
            }
            ExprKind::Subscript(obj, idx) => {
                let o = self.eval(f, obj)?;
                let i = self.eval(f, idx)?;
                return self.get_item(&o, &i);
            }
            ExprKind::BigInt(b) => Value::BigInt(b.clone()),
            ExprKind::Imag(x) => Value::complex(0.0, *x),
            ExprKind::True => Value::Bool(true),
            ExprKind::False => Value::Bool(false),
            ExprKind::None => Value::None,
            ExprKind::Ellipsis => Value::Ellipsis,
            ExprKind::FString(parts) => Value::Str(RcStr::from(self.fstring(f, parts)?.as_str())),
            ExprKind::Tuple(items) => Value::tuple(self.eval_items(f, items)?),
            ExprKind::List(items) => Value::list(self.eval_items(f, items)?),
            ExprKind::Set(items) => {
                let items = self.eval_items(f, items)?;
                let mut d = super::value::Dict::new();
                for v in items {
                    d.insert(ops::make_key(v)?, Value::None);
                }
                Value::Set(Rc::new(RefCell::new(d)))
            }
            ExprKind::Dict(items) => {
                let mut d = super::value::Dict::with_capacity(items.len());
                for (k, v) in items {
                    match k {
                        Some(k) => {
                            let k = self.eval(f, k)?;
                            let v = self.eval(f, v)?;
                            d.insert(ops::make_key(k)?, v);
                        }
                        None => {
                            let m = self.eval(f, v)?;
                            match &m {
                                Value::Dict(src) => {
                                    for (k, v) in src.borrow().iter() {
                                        d.insert(k.clone(), v.clone());
                                    }
                                }
                                _ => {
                                    return type_error(format!(
                                        "'{}' object is not a mapping",
                                        m.type_name()
                                    ));
                                }
                            }
                        }
                    }
                }
                Value::Dict(Rc::new(RefCell::new(d)))
            }
            ExprKind::Starred(_) => {
                return Err(Exc::new(
                    ExcType::SyntaxError,
                    "can't use starred expression here",
                ));
            }
            ExprKind::Slice(a, b, c) => {
                let mut g = |x: &Option<Box<Expr>>| -> PResult<Value> {
                    match x {
                        Some(x) => self.eval(f, x),
                        None => Ok(Value::None),
                    }
                };
                let (start, stop, step) = (g(a)?, g(b)?, g(c)?);
                Value::Slice(Rc::new(SliceObj { start, stop, step }))
            }
            ExprKind::Unary(op, x) => {
                let v = self.eval(f, x)?;
                return self.unary(*op, &v);
            }
            ExprKind::And(a, b) => {
                let x = self.eval(f, a)?;
                if !self.truthy(&x)? {
                    return Ok(x);
                }
                return self.eval(f, b);
            }
            ExprKind::Or(a, b) => {
                let x = self.eval(f, a)?;
                if self.truthy(&x)? {
                    return Ok(x);
                }
                return self.eval(f, b);
            }
            ExprKind::IfExp(c, a, b) => {
                if self.cond(f, c, e.span)? {
                    return self.eval(f, a);
                }
                return self.eval(f, b);
            }
            ExprKind::Lambda(def) => self.make_function(f, def)?,
            ExprKind::ListComp(elt, gens) | ExprKind::GenExp(elt, gens) => {
                let mut out = Vec::new();
                self.comprehension(f, gens, 0, &mut |it, f| {
                    out.push(it.eval(f, elt)?);
                    Ok(true)
                })?;
                let l = Value::list(out);
                if let ExprKind::GenExp(..) = e.kind {
                    return self.make_iter(&l);
                }
                l
            }
            ExprKind::SetComp(elt, gens) => {
                let mut d = super::value::Dict::new();
                self.comprehension(f, gens, 0, &mut |it, f| {
                    let v = it.eval(f, elt)?;
                    d.insert(ops::make_key(v)?, Value::None);
                    Ok(true)
                })?;
                Value::Set(Rc::new(RefCell::new(d)))
            }
            ExprKind::DictComp(k, v, gens) => {
                let mut d = super::value::Dict::new();
                self.comprehension(f, gens, 0, &mut |it, f| {
                    let kv = it.eval(f, k)?;
                    let vv = it.eval(f, v)?;
                    d.insert(ops::make_key(kv)?, vv);
                    Ok(true)
                })?;
                Value::Dict(Rc::new(RefCell::new(d)))
            }
        })
    }

    /// Evaluates display items, expanding `*iterable`.
    pub fn eval_items(&mut self, f: &mut Frame, items: &[Expr]) -> PResult<Vec<Value>> {
        let mut out = Vec::with_capacity(items.len());
        for x in items {
            if let ExprKind::Starred(inner) = &x.kind {
                let v = self.eval(f, inner)?;
                let mut it = self.iterate(&v).map_err(|e| e.at(inner.span))?;
                while let Some(item) = it.next(self)? {
                    out.push(item);
                }
            } else {
                out.push(self.eval(f, x)?);
            }
        }
        Ok(out)
    }

    /// Runs `body` for every item the `for`/`if` clauses of a comprehension produce;
    /// `body` returns false to stop early (then so does this function).
    fn comprehension(
        &mut self,
        f: &mut Frame,
        gens: &[Comprehension],
        level: usize,
        body: &mut dyn FnMut(&mut Interp, &mut Frame) -> PResult<bool>,
    ) -> PResult<bool> {
        let g = &gens[level];
        let src = self.eval(f, &g.iter)?;
        let mut it: ValueIter = self.iterate(&src).map_err(|e| e.at(g.iter.span))?;
        'outer: while let Some(item) = it.next(self)? {
            self.assign(f, &g.target, item)?;
            for c in &g.ifs {
                let cv = self.eval(f, c)?;
                if !self.truthy(&cv)? {
                    continue 'outer;
                }
            }
            let go_on = if level + 1 == gens.len() {
                body(self, f)?
            } else {
                self.comprehension(f, gens, level + 1, body)?
            };
            if !go_on {
                return Ok(false);
            }
        }
        Ok(true)
    }

    /// `any(genexp)` / `all(genexp)` with a generator expression argument: evaluated
    /// lazily, stopping at the first item that decides, as Python's generators do.
    fn any_all_lazy(
        &mut self,
        f: &mut Frame,
        callee: &Value,
        args: &[Expr],
    ) -> Option<PResult<Value>> {
        let Value::Builtin(b) = callee else {
            return None;
        };
        let want = match b.name {
            "any" if b.module == "builtins" => true,
            "all" if b.module == "builtins" => false,
            _ => return None,
        };
        let [arg] = args else { return None };
        let ExprKind::GenExp(elt, gens) = &arg.kind else {
            return None;
        };
        let mut found = false;
        let r = self.comprehension(f, gens, 0, &mut |it, f| {
            let v = it.eval(f, elt)?;
            if it.truthy(&v)? == want {
                found = true;
                return Ok(false);
            }
            Ok(true)
        });
        Some(r.map(|_| Value::Bool(if want { found } else { !found })))
    }

    /// `a op b` over every kind of value.
    #[inline(always)]
    pub fn binop(&mut self, op: BinOp, a: &Value, b: &Value) -> PResult<Value> {
        if let (Value::Int(x), Value::Int(y)) = (a, b) {
            let r = match op {
                BinOp::Add => x.checked_add(*y),
                BinOp::Sub => x.checked_sub(*y),
                _ => None,
            };
            if let Some(r) = r {
                return Ok(Value::Int(r));
            }
            return ops::int_op(op, *x, *y);
        }
        if op == BinOp::Mod
            && let Value::Str(fmt) = a
        {
            return crate::library::strings::percent_format(self, fmt, b);
        }
        ops::binary(op, a, b)
    }

    /// `a op= b`: lists extend in place; everything else rebinds.
    pub fn inplace_op(&mut self, op: BinOp, a: &Value, b: &Value) -> PResult<Value> {
        if let Value::Array(arr) = a
            && let Some(r) = crate::library::np::arith::inplace_op(op, arr, b)?
        {
            return Ok(r);
        }
        if let (Value::Int(x), Value::Int(y)) = (a, b) {
            return ops::int_op(op, *x, *y);
        }
        if let Value::List(l) = a {
            if op == BinOp::Add {
                let mut it = self.iterate(b)?;
                let mut extra = Vec::new();
                while let Some(v) = it.next(self)? {
                    extra.push(v);
                }
                l.borrow_mut().extend(extra);
                return Ok(a.clone());
            }
            if op == BinOp::Mul {
                let r = ops::binary(op, a, b)?;
                if let Value::List(nl) = &r {
                    let v = nl.borrow().clone();
                    *l.borrow_mut() = v;
                }
                return Ok(a.clone());
            }
        }
        if let (Value::Set(s), Value::Set(_)) = (a, b)
            && matches!(
                op,
                BinOp::BitOr | BinOp::BitAnd | BinOp::Sub | BinOp::BitXor
            )
        {
            if let Value::Set(r) = ops::binary(op, a, b)? {
                let d = r.borrow().clone();
                *s.borrow_mut() = d;
            }
            return Ok(a.clone());
        }
        self.binop(op, a, b)
    }

    pub fn unary(&mut self, op: UnaryOp, v: &Value) -> PResult<Value> {
        if let Value::Array(_) | Value::NpScalar(_) = v
            && op != UnaryOp::Not
        {
            let kind = match op {
                UnaryOp::Neg => Some(crate::kernels::unary::UnKind::Neg),
                UnaryOp::Invert => Some(crate::kernels::unary::UnKind::Invert),
                _ => None,
            };
            if let Some(r) = crate::library::np::arith::unary_op(kind, "", v)? {
                return Ok(r);
            }
        }
        Ok(match op {
            UnaryOp::Not => Value::Bool(!self.truthy(v)?),
            UnaryOp::Neg => match v {
                Value::Int(i) => match i.checked_neg() {
                    Some(n) => Value::Int(n),
                    None => ops::int_from_big(-num_bigint::BigInt::from(*i)),
                },
                Value::Bool(b) => Value::Int(-(*b as i64)),
                Value::BigInt(b) => ops::int_from_big(-(**b).clone()),
                Value::Float(x) => Value::Float(-x),
                Value::Complex(c) => Value::complex(-c.re, -c.im),
                _ => {
                    return type_error(format!(
                        "bad operand type for unary -: '{}'",
                        v.type_name()
                    ));
                }
            },
            UnaryOp::Pos => match v {
                Value::Int(_) | Value::BigInt(_) | Value::Float(_) | Value::Complex(_) => v.clone(),
                Value::Bool(b) => Value::Int(*b as i64),
                _ => {
                    return type_error(format!(
                        "bad operand type for unary +: '{}'",
                        v.type_name()
                    ));
                }
            },
            UnaryOp::Invert => match v {
                Value::Int(i) => Value::Int(!i),
                Value::Bool(b) => Value::Int(!(*b as i64)),
                Value::BigInt(b) => ops::int_from_big(-(**b).clone() - 1),
                _ => {
                    return type_error(format!(
                        "bad operand type for unary ~: '{}'",
                        v.type_name()
                    ));
                }
            },
        })
    }

    /// One comparison of a chain.
    pub fn compare(&mut self, op: CmpOp, a: &Value, b: &Value) -> PResult<Value> {
        if let (Value::Int(x), Value::Int(y)) = (a, b) {
            return Ok(Value::Bool(match op {
                CmpOp::Lt => x < y,
                CmpOp::Le => x <= y,
                CmpOp::Gt => x > y,
                CmpOp::Ge => x >= y,
                CmpOp::Eq => x == y,
                CmpOp::NotEq => x != y,
                CmpOp::Is => a.is(b),
                CmpOp::IsNot => !a.is(b),
                CmpOp::In | CmpOp::NotIn => {
                    return Err(Exc::new(
                        ExcType::TypeError,
                        "argument of type 'int' is not iterable",
                    ));
                }
            }));
        }
        if let Some(r) = crate::library::np::arith::compare_op(op, a, b)? {
            return Ok(r);
        }
        Ok(Value::Bool(match op {
            CmpOp::Eq => ops::py_eq(a, b)?,
            CmpOp::NotEq => !ops::py_eq(a, b)?,
            CmpOp::Is => a.is(b),
            CmpOp::IsNot => !a.is(b),
            CmpOp::In => self.contains(b, a)?,
            CmpOp::NotIn => !self.contains(b, a)?,
            _ => ops::py_order(op, a, b)?,
        }))
    }

    pub fn contains(&mut self, container: &Value, item: &Value) -> PResult<bool> {
        let iterator = match container {
            Value::Iter(_) => true,
            Value::Native(n) => n.0.is_iterator(),
            _ => false,
        };
        match container {
            _ if iterator => {
                let mut it = self.iterate(container)?;
                while let Some(v) = it.next(self)? {
                    if v.is(item) || ops::py_eq(&v, item)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            _ => ops::contains(container, item),
        }
    }

    pub fn truthy(&mut self, v: &Value) -> PResult<bool> {
        if let Value::Array(a) = v {
            return crate::library::np::attrs::truthy(a);
        }
        Ok(ops::truthy(v))
    }

    /// `obj[idx]`.
    pub fn get_item(&mut self, obj: &Value, idx: &Value) -> PResult<Value> {
        if let Value::Array(a) = obj {
            return crate::library::np::attrs::get_item(a, idx);
        }
        if let Value::Native(n) = obj
            && let Some(v) = n.0.get_item(self, idx)?
        {
            return Ok(v);
        }
        match obj {
            Value::List(l) => {
                if let Value::Int(i) = idx {
                    let l = l.borrow();
                    let n = l.len() as i64;
                    let j = if *i < 0 { i + n } else { *i };
                    if j < 0 || j >= n {
                        return Err(Exc::new(ExcType::IndexError, "list index out of range"));
                    }
                    return Ok(l[j as usize].clone());
                }
                if let Value::Slice(s) = idx {
                    let l = l.borrow();
                    return Ok(Value::list(slice_vec(&l, s)?));
                }
                let i = index_of(idx, "list")?;
                self.get_item(obj, &Value::Int(i))
            }
            Value::Tuple(t) => match idx {
                Value::Slice(s) => Ok(Value::tuple(slice_vec(t, s)?)),
                _ => {
                    let i = index_of(idx, "tuple")?;
                    let n = t.len() as i64;
                    let j = if i < 0 { i + n } else { i };
                    if j < 0 || j >= n {
                        return Err(Exc::new(ExcType::IndexError, "tuple index out of range"));
                    }
                    Ok(t[j as usize].clone())
                }
            },
            Value::Str(s) => match idx {
                Value::Slice(sl) => {
                    if s.is_ascii() {
                        let bytes: Vec<u8> = {
                            let (start, _stop, step, n) = slice_indices(sl, s.len() as i64)?;
                            (0..n)
                                .map(|k| s.as_bytes()[(start + k * step) as usize])
                                .collect()
                        };
                        Ok(Value::Str(RcStr::from(
                            String::from_utf8(bytes).unwrap_or_default().as_str(),
                        )))
                    } else {
                        let chars: Vec<char> = s.chars().collect();
                        let (start, _stop, step, n) = slice_indices(sl, chars.len() as i64)?;
                        let out: String =
                            (0..n).map(|k| chars[(start + k * step) as usize]).collect();
                        Ok(Value::Str(RcStr::from(out.as_str())))
                    }
                }
                _ => {
                    let i = index_of(idx, "string")?;
                    let n = if s.is_ascii() {
                        s.len()
                    } else {
                        s.chars().count()
                    } as i64;
                    let j = if i < 0 { i + n } else { i };
                    if j < 0 || j >= n {
                        return Err(Exc::new(ExcType::IndexError, "string index out of range"));
                    }
                    let ch = if s.is_ascii() {
                        s[j as usize..j as usize + 1].to_string()
                    } else {
                        s.chars()
                            .nth(j as usize)
                            .map(String::from)
                            .unwrap_or_default()
                    };
                    Ok(Value::Str(RcStr::from(ch.as_str())))
                }
            },
            Value::Dict(d) => {
                let k = ops::make_key(idx.clone())?;
                match d.borrow().get(&k) {
                    Some(v) => Ok(v.clone()),
                    None => Err(Exc::with_args(ExcType::KeyError, vec![idx.clone()])),
                }
            }
            Value::Range(r) => match idx {
                Value::Slice(s) => {
                    let (start, _stop, step, n) = slice_indices(s, r.len())?;
                    let nstart = r.get(start);
                    let nstep = r.step * step;
                    Ok(Value::Range(Rc::new(super::value::RangeObj {
                        start: nstart,
                        stop: nstart + n * nstep,
                        step: nstep,
                    })))
                }
                _ => {
                    let i = index_of(idx, "range")?;
                    let n = r.len();
                    let j = if i < 0 { i + n } else { i };
                    if j < 0 || j >= n {
                        return Err(Exc::new(
                            ExcType::IndexError,
                            "range object index out of range",
                        ));
                    }
                    Ok(Value::Int(r.get(j)))
                }
            },
            Value::Type(t) => Ok(Value::Type(*t)),
            _ => type_error(format!("'{}' object is not subscriptable", obj.type_name())),
        }
    }

    /// Calls `f(*args)`.
    pub fn call_value(&mut self, func: &Value, args: Args) -> PResult<Value> {
        match func {
            Value::Func(fun) => self.call_function(fun, super::Locals::from_vec(args.pos), args.kw),
            Value::Builtin(b) => (b.f)(self, args),
            Value::Type(t) => crate::library::types::call_type(self, *t, args),
            Value::Method(m) => {
                let (recv, name) = (&m.0, &m.1);
                self.call_method(recv, name, args)
            }
            Value::Native(_) => self.call_method(func, "__call__", args),
            _ => type_error(format!("'{}' object is not callable", func.type_name())),
        }
    }

    fn eval_call(&mut self, f: &mut Frame, func: &Expr, args: &[Arg]) -> PResult<Value> {
        // Method call: obj.name(args) without building a bound method.
        if let ExprKind::Attribute(obj, name) = &func.kind {
            let o = self.eval(f, obj)?;
            if !matches!(o, Value::Module(_)) {
                let a = self.eval_args(f, args)?;
                return self
                    .call_method(&o, name, a)
                    .map_err(|e| e.at(func.span).at(func.span));
            }
            let callee = self.get_attr(&o, name).map_err(|e| e.at(func.span))?;
            let a = self.eval_args(f, args)?;
            return self.call_value(&callee, a);
        }
        let callee = self.eval(f, func)?;
        if let Value::Func(fun) = &callee
            && args.iter().all(|a| matches!(a, Arg::Pos(_)))
        {
            let mut pos = super::Locals::new();
            for a in args {
                if let Arg::Pos(x) = a {
                    pos.push(Value::relocate(self.eval(f, x)?));
                }
            }
            return self.call_function(fun, pos, Vec::new());
        }
        let a = self.eval_args(f, args)?;
        self.call_value(&callee, a)
    }

    /// `func(args)` with positional arguments only. A global user function whose
    /// parameters are exactly those arguments gets its frame built in place.
    #[inline(never)]
    fn eval_call_pos(&mut self, f: &mut Frame, e: &Expr) -> PResult<Value> {
        let ExprKind::CallPos(func, args) = &e.kind else {
            unreachable!()
        };
        if let ExprKind::Global(g) = func.kind
            && let Value::Func(fun) = &self.globals[g as usize]
        {
            let fun = fun.clone();
            return self
                .call_pos_function(f, &fun, args)
                .map_err(|x| x.at(e.span));
        }
        self.eval_call_pos_slow(f, func, args)
            .map_err(|x| x.at(e.span))
    }

    /// Calls user function `fun` with the values of `args`.
    #[inline(always)]
    fn call_pos_function(
        &mut self,
        f: &mut Frame,
        fun: &Rc<super::value::Function>,
        args: &[Expr],
    ) -> PResult<Value> {
        let def = &*fun.def;
        if args.len() as u32 != def.layout.plain_arity {
            return self.call_pos_general(f, fun, args);
        }
        // The resolver vouched for this shape: the arguments go straight into the
        // slots of a frame on the Rust stack (at most `LOCALS_INLINE`), and no slot
        // holds a cell.
        let n = def.layout.nlocals as usize;
        let mut slots = InlineSlots::new();
        for a in args {
            if !slots.push_peeked(f, a) {
                let v = self.eval(f, a)?;
                slots.push(Value::relocate(v));
            }
        }
        while slots.n < n {
            slots.push(Value::Undef);
        }
        let mut frame = Frame {
            locals: slots.slots(),
            ret: Default::default(),
            src: def.src.get(),
            def: Some(def),
        };
        self.run_body(def, &mut frame)
    }

    /// Calls with defaults, cells, big frames, or the wrong number of arguments.
    #[inline(never)]
    fn call_pos_general(
        &mut self,
        f: &mut Frame,
        fun: &Rc<super::value::Function>,
        args: &[Expr],
    ) -> PResult<Value> {
        let mut pos = super::Locals::new();
        for a in args {
            pos.push(Value::relocate(self.eval(f, a)?));
        }
        self.call_function(fun, pos, Vec::new())
    }

    /// The other calls with positional arguments only (methods, builtins, ...), as
    /// `eval_call` does them.
    #[inline(never)]
    fn eval_call_pos_slow(&mut self, f: &mut Frame, func: &Expr, args: &[Expr]) -> PResult<Value> {
        // Method call: obj.name(args) without building a bound method.
        if let ExprKind::Attribute(obj, name) = &func.kind {
            let o = self.eval(f, obj)?;
            if !matches!(o, Value::Module(_)) {
                let a = self.eval_pos_args(f, args)?;
                return self.call_method(&o, name, a).map_err(|e| e.at(func.span));
            }
            let callee = self.get_attr(&o, name).map_err(|e| e.at(func.span))?;
            let a = self.eval_pos_args(f, args)?;
            return self.call_value(&callee, a);
        }
        let callee = self.eval(f, func)?;
        if let Value::Func(fun) = &callee {
            return self.call_pos_function(f, fun, args);
        }
        if let Some(r) = self.any_all_lazy(f, &callee, args) {
            return r;
        }
        let a = self.eval_pos_args(f, args)?;
        self.call_value(&callee, a)
    }

    fn eval_pos_args(&mut self, f: &mut Frame, args: &[Expr]) -> PResult<Args> {
        let mut pos = Vec::with_capacity(args.len());
        for a in args {
            pos.push(Value::relocate(self.eval(f, a)?));
        }
        Ok(Args::new(pos))
    }

    pub fn eval_args(&mut self, f: &mut Frame, args: &[Arg]) -> PResult<Args> {
        let mut out = Args::default();
        for a in args {
            match a {
                Arg::Pos(x) => out.pos.push(Value::relocate(self.eval(f, x)?)),
                Arg::Star(x) => {
                    let v = self.eval(f, x)?;
                    let mut it = match self.iterate(&v) {
                        Ok(it) => it,
                        Err(_) => {
                            return Err(Exc::new(
                                ExcType::TypeError,
                                format!("Value after * must be an iterable, not {}", v.type_name()),
                            )
                            .at(x.span));
                        }
                    };
                    while let Some(item) = it.next(self)? {
                        out.pos.push(item);
                    }
                }
                Arg::Kw(n, x) => {
                    let v = self.eval(f, x)?;
                    out.kw.push((n.clone(), v));
                }
                Arg::StarStar(x) => {
                    let v = self.eval(f, x)?;
                    match &v {
                        Value::Dict(d) => {
                            for (k, val) in d.borrow().iter() {
                                match &k.value {
                                    Value::Str(s) => {
                                        if out.kw.iter().any(|(n, _)| **n == **s) {
                                            return type_error(format!(
                                                "got multiple values for keyword argument '{s}'"
                                            ));
                                        }
                                        out.kw.push((s.to_rc(), val.clone()))
                                    }
                                    _ => return type_error("keywords must be strings"),
                                }
                            }
                        }
                        _ => {
                            return type_error(format!(
                                "argument after ** must be a mapping, not {}",
                                v.type_name()
                            ));
                        }
                    }
                }
            }
        }
        Ok(out)
    }
}

/// An integer index (ints, bools, and big ints that may be out of range).
pub fn index_of(idx: &Value, what: &str) -> PResult<i64> {
    match idx {
        Value::Int(i) => Ok(*i),
        Value::Bool(b) => Ok(*b as i64),
        Value::BigInt(b) => {
            if b.is_negative() {
                Ok(i64::MIN)
            } else {
                Ok(i64::MAX)
            }
        }
        Value::NpScalar(s) if crate::library::np::scalar::as_index(**s).is_some() => {
            Ok(crate::library::np::scalar::as_index(**s).unwrap_or(0))
        }
        _ => {
            let kind = if what == "string" { "string" } else { what };
            type_error(format!(
                "{kind} indices must be integers or slices, not {}",
                idx.type_name()
            ))
        }
    }
}

fn slice_part(v: &Value) -> PResult<Option<i64>> {
    match v {
        Value::None => Ok(None),
        Value::Int(i) => Ok(Some(*i)),
        Value::Bool(b) => Ok(Some(*b as i64)),
        Value::BigInt(b) => Ok(Some(if b.is_negative() {
            i64::MIN / 2
        } else {
            i64::MAX / 2
        })),
        Value::NpScalar(s) if crate::library::np::scalar::as_index(**s).is_some() => {
            Ok(crate::library::np::scalar::as_index(**s))
        }
        _ => type_error("slice indices must be integers or None or have an __index__ method"),
    }
}

/// Python's slice.indices(): (start, stop, step, count).
pub fn slice_indices(s: &SliceObj, len: i64) -> PResult<(i64, i64, i64, i64)> {
    let step = slice_part(&s.step)?.unwrap_or(1);
    if step == 0 {
        return Err(Exc::new(ExcType::ValueError, "slice step cannot be zero"));
    }
    let adjust = |v: Option<i64>, default: i64| -> i64 {
        match v {
            None => default,
            Some(mut x) => {
                if x < 0 {
                    x += len;
                    if x < 0 {
                        x = if step < 0 { -1 } else { 0 };
                    }
                } else if x >= len {
                    x = if step < 0 { len - 1 } else { len };
                }
                x
            }
        }
    };
    let (start, stop) = if step > 0 {
        (
            adjust(slice_part(&s.start)?, 0),
            adjust(slice_part(&s.stop)?, len),
        )
    } else {
        (
            adjust(slice_part(&s.start)?, len - 1),
            adjust(slice_part(&s.stop)?, -1),
        )
    };
    let n = if step > 0 {
        if stop > start {
            (stop - start + step - 1) / step
        } else {
            0
        }
    } else if start > stop {
        (start - stop - step - 1) / (-step)
    } else {
        0
    };
    Ok((start, stop, step, n))
}

pub fn slice_vec(v: &[Value], s: &SliceObj) -> PResult<Vec<Value>> {
    let (start, _stop, step, n) = slice_indices(s, v.len() as i64)?;
    if step == 1 {
        return Ok(v[start as usize..(start + n) as usize].to_vec());
    }
    Ok((0..n)
        .map(|k| v[(start + k * step) as usize].clone())
        .collect())
}
