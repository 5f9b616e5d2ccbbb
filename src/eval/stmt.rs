//! Executing statements. Blocks dispatch the hot statement kinds themselves; the
//! common shapes (`return leaf`, `if <peeked cond>: <trivial>`, `local op= int`,
//! `for local in range`) run without further calls, and the rest share
//! `exec_inner`.

use super::exceptions::{Exc, ExcObj, ExcType, PResult, type_error};
use super::iter::ValueIter;
use super::value::{Args, SeqIter, Value};
use super::{Flow, Frame, Interp};
use crate::parse::ast::*;
use std::rc::Rc;

impl Interp {
    /// Runs a block. The statement kinds are dispatched right here (the same match
    /// as `exec`), which saves a call level per statement.
    #[inline(always)]
    pub fn exec_block(&mut self, f: &mut Frame, body: &[Stmt]) -> PResult<Flow> {
        for s in body {
            match self.exec_kind(f, s)? {
                Flow::Normal => {}
                other => return Ok(other),
            }
        }
        Ok(Flow::Normal)
    }

    /// Executes one statement. Like `eval`, every error it returns carries a span:
    /// errors of the statement itself get `s.span` unless an inner node gave one.
    #[inline(never)]
    pub fn exec(&mut self, f: &mut Frame, s: &Stmt) -> PResult<Flow> {
        self.exec_kind(f, s)
    }

    /// The hot kinds have their own small functions; their errors come stamped from
    /// `eval`, `cond` and the statements of their blocks.
    #[inline(always)]
    fn exec_kind(&mut self, f: &mut Frame, s: &Stmt) -> PResult<Flow> {
        match &s.kind {
            StmtKind::Expr(_) => self.exec_expr(f, s),
            StmtKind::Return(Some(e)) => {
                // `return leaf` without a call; other values straight from `eval`'s
                // own dispatch.
                if let Some(v) = super::expr::peek_value(f, e) {
                    Value::set(&mut f.ret, v);
                    return Ok(Flow::Return);
                }
                let v = Value::relocate(self.eval(f, e)?);
                Value::set(&mut f.ret, v);
                self.settle_warnings(f, s);
                Ok(Flow::Return)
            }
            StmtKind::Break => Ok(Flow::Break),
            StmtKind::Continue => Ok(Flow::Continue),
            StmtKind::Pass => Ok(Flow::Normal),
            StmtKind::If(c, body, orelse) => {
                // A condition decided by peeking, with a branch that is empty or one
                // trivial statement (`if n < 2: return n`), costs no call at all.
                if let Some(t) = super::expr::peek_cond(f, c) {
                    match if t { &body[..] } else { &orelse[..] } {
                        [] => return Ok(Flow::Normal),
                        [one] => {
                            if let Some(flow) = self.exec_trivial(f, one) {
                                return Ok(flow);
                            }
                        }
                        _ => {}
                    }
                }
                self.exec_if(f, s)
            }
            StmtKind::Assign(..) => self.exec_assign(f, s),
            StmtKind::AugAssign(..) => self.exec_aug(f, s),
            _ => self.exec_stamped(f, s),
        }
    }

    /// The statements that need no call and cannot fail: `return leaf` (see
    /// `peek_value`), `break`, `continue`, `pass` (as in `exec_kind`).
    #[inline(always)]
    fn exec_trivial(&mut self, f: &mut Frame, s: &Stmt) -> Option<Flow> {
        match &s.kind {
            StmtKind::Return(Some(e)) => {
                let v = super::expr::peek_value(f, e)?;
                Value::set(&mut f.ret, v);
                Some(Flow::Return)
            }
            StmtKind::Break => Some(Flow::Break),
            StmtKind::Continue => Some(Flow::Continue),
            StmtKind::Pass => Some(Flow::Normal),
            _ => None,
        }
    }

    #[inline(never)]
    fn exec_expr(&mut self, f: &mut Frame, s: &Stmt) -> PResult<Flow> {
        let StmtKind::Expr(e) = &s.kind else {
            unreachable!()
        };
        Value::discard(self.eval(f, e)?);
        self.settle_warnings(f, s);
        Ok(Flow::Normal)
    }

    /// Prints the floating-point warnings the statement `s` produced, with its own line
    /// (the innermost statement, as Python's warnings name it, not an enclosing block's).
    #[inline(always)]
    fn settle_warnings(&mut self, f: &Frame, s: &Stmt) {
        if crate::library::np::warnings::any_pending() {
            crate::library::np::warnings::drain_pending(self, f.src, s.span);
        }
    }

    /// `if`. A condition decided by peeking (`n < 2`) costs no call, and neither
    /// does an empty branch; a block runs in `run_block`.
    #[inline(never)]
    fn exec_if(&mut self, f: &mut Frame, s: &Stmt) -> PResult<Flow> {
        let StmtKind::If(c, body, orelse) = &s.kind else {
            unreachable!()
        };
        let Some(t) = super::expr::peek_cond(f, c) else {
            return self.exec_if_general(f, s);
        };
        let block = if t { body } else { orelse };
        if block.is_empty() {
            return Ok(Flow::Normal);
        }
        self.run_block(f, block)
    }

    #[inline(never)]
    fn exec_if_general(&mut self, f: &mut Frame, s: &Stmt) -> PResult<Flow> {
        let StmtKind::If(c, body, orelse) = &s.kind else {
            unreachable!()
        };
        let block = if self.cond(f, c, c.span)? {
            body
        } else {
            orelse
        };
        self.exec_block(f, block)
    }

    /// `exec_block` as a function of its own.
    #[inline(never)]
    pub fn run_block(&mut self, f: &mut Frame, body: &[Stmt]) -> PResult<Flow> {
        self.exec_block(f, body)
    }

    /// `local = value` with a value read without evaluating anything is done here,
    /// with no call and no prologue.
    #[inline(never)]
    fn exec_assign(&mut self, f: &mut Frame, s: &Stmt) -> PResult<Flow> {
        let StmtKind::Assign(targets, value) = &s.kind else {
            unreachable!()
        };
        if let [t] = &targets[..]
            && let ExprKind::Local(slot) = t.kind
            && let Some(v) = super::expr::peek_value(f, value)
            && let Some(cur) = f.locals.get_mut(slot as usize)
        {
            Value::set(cur, v);
            return Ok(Flow::Normal);
        }
        self.exec_assign_general(f, s)
    }

    #[inline(never)]
    fn exec_assign_general(&mut self, f: &mut Frame, s: &Stmt) -> PResult<Flow> {
        let StmtKind::Assign(targets, value) = &s.kind else {
            unreachable!()
        };
        if let [t] = &targets[..]
            && let ExprKind::Local(slot) = t.kind
        {
            let v = Value::relocate(self.eval(f, value)?);
            Value::set(&mut f.locals[slot as usize], v);
            self.settle_warnings(f, s);
            return Ok(Flow::Normal);
        }
        self.exec_stamped(f, s)
    }

    /// `target op= value`. An int slot updated with an int read without evaluating
    /// anything (`s += i * 2`) is done here, with no call and no prologue.
    #[inline(never)]
    fn exec_aug(&mut self, f: &mut Frame, s: &Stmt) -> PResult<Flow> {
        let StmtKind::AugAssign(t, op, value) = &s.kind else {
            unreachable!()
        };
        if let ExprKind::Local(slot) = t.kind
            && let Some(Value::Int(x)) = f.locals.get(slot as usize)
            && let Some(y) = super::expr::peek_int_value(f, value)
            && let Some(r) = super::expr::int_fast(*op, *x, y)
            && let Some(cur) = f.locals.get_mut(slot as usize)
        {
            Value::set(cur, Value::Int(r));
            return Ok(Flow::Normal);
        }
        self.exec_aug_general(f, s)
    }

    #[inline(never)]
    fn exec_aug_general(&mut self, f: &mut Frame, s: &Stmt) -> PResult<Flow> {
        let StmtKind::AugAssign(t, op, value) = &s.kind else {
            unreachable!()
        };
        if let ExprKind::Local(slot) = t.kind {
            let flow = self.aug_local(f, s, t, slot, *op, value)?;
            self.settle_warnings(f, s);
            return Ok(flow);
        }
        self.exec_stamped(f, s)
    }

    /// `local op= value`. The int path updates the slot in place.
    #[inline(always)]
    fn aug_local(
        &mut self,
        f: &mut Frame,
        s: &Stmt,
        t: &Expr,
        slot: u32,
        op: BinOp,
        value: &Expr,
    ) -> PResult<Flow> {
        if let Value::Undef = f.locals[slot as usize] {
            return Err(self.unbound(f, slot, false).at(t.span));
        }
        let v = match super::expr::peek_value(f, value) {
            Some(v) => v,
            None => self.eval(f, value)?,
        };
        let cur = &mut f.locals[slot as usize];
        if let (Value::Int(x), Value::Int(y)) = (&*cur, &v)
            && let Some(r) = super::expr::int_fast(op, *x, *y)
        {
            Value::set(cur, Value::Int(r));
            Value::discard(v);
            return Ok(Flow::Normal);
        }
        let cur = cur.clone();
        let r = self.inplace_op(op, &cur, &v).map_err(|e| e.at(s.span))?;
        Value::set(&mut f.locals[slot as usize], r);
        Ok(Flow::Normal)
    }

    /// The other statements; their own errors get `s.span`.
    #[inline(never)]
    fn exec_stamped(&mut self, f: &mut Frame, s: &Stmt) -> PResult<Flow> {
        match self.exec_inner(f, s) {
            Ok(fl) => {
                self.settle_warnings(f, s);
                Ok(fl)
            }
            Err(mut e) => {
                if e.cur_span.is_none() {
                    e.cur_span = Some(s.span);
                }
                Err(e)
            }
        }
    }

    fn exec_inner(&mut self, f: &mut Frame, s: &Stmt) -> PResult<Flow> {
        match &s.kind {
            StmtKind::Expr(e) => {
                self.eval(f, e)?;
            }
            StmtKind::Assign(targets, value) => {
                let v = Value::relocate(self.eval(f, value)?);
                if targets.len() == 1 {
                    self.assign(f, &targets[0], v)?;
                } else {
                    for t in targets {
                        self.assign(f, t, v.clone())?;
                    }
                }
            }
            StmtKind::AugAssign(t, op, value) => self.aug_assign(f, t, *op, value)?,
            StmtKind::If(c, body, orelse) => {
                return if self.cond(f, c, c.span)? {
                    self.exec_block(f, body)
                } else {
                    self.exec_block(f, orelse)
                };
            }
            StmtKind::While(c, body, orelse) => loop {
                super::check_interrupt()?;
                if !self.cond(f, c, c.span)? {
                    return self.exec_block(f, orelse);
                }
                match self.exec_block(f, body)? {
                    Flow::Break => break,
                    Flow::Return => return Ok(Flow::Return),
                    _ => {}
                }
            },
            StmtKind::For(target, iter, body, orelse) => {
                return self.exec_for(f, target, iter, body, orelse);
            }
            StmtKind::Pass => {}
            StmtKind::Break => return Ok(Flow::Break),
            StmtKind::Continue => return Ok(Flow::Continue),
            StmtKind::Return(e) => {
                let v = match e {
                    Some(e) => self.eval(f, e)?,
                    None => Value::None,
                };
                Value::set(&mut f.ret, v);
                return Ok(Flow::Return);
            }
            StmtKind::FunctionDef(def, name) => {
                let v = self.make_function(f, def)?;
                self.store_name(f, name, v);
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            } => {
                return self.exec_try(f, body, handlers, orelse, finalbody);
            }
            StmtKind::Raise(exc, cause) => {
                return Err(self.exec_raise(f, exc.as_ref(), cause.as_ref())?);
            }
            StmtKind::Assert(test, msg) => {
                let v = self.eval(f, test)?;
                if !self.truthy(&v)? {
                    let args = match msg {
                        Some(m) => vec![self.eval(f, m)?],
                        None => vec![],
                    };
                    return Err(Exc::with_args(ExcType::AssertionError, args));
                }
            }
            StmtKind::Del(targets) => {
                for t in targets {
                    self.delete(f, t)?;
                }
            }
            StmtKind::Global(_) | StmtKind::Nonlocal(_) => {}
            StmtKind::Import(aliases) => {
                for a in aliases {
                    let full = a.path.iter().map(|p| &**p).collect::<Vec<_>>().join(".");
                    let m = self.import_module(&full).map_err(|e| e.at(a.span))?;
                    let bound = if a.asname.is_some() {
                        m
                    } else {
                        self.import_module(&a.path[0]).map_err(|e| e.at(a.span))?
                    };
                    self.store_name(f, &a.bind, bound);
                }
            }
            StmtKind::ImportFrom(path, aliases) => {
                let full = path.iter().map(|p| &**p).collect::<Vec<_>>().join(".");
                let m = self.import_module(&full)?;
                for a in aliases {
                    if &*a.path[0] == "*" {
                        if let Value::Module(mo) = &m {
                            let items: Vec<(Rc<str>, Value)> = mo
                                .attrs
                                .borrow()
                                .iter()
                                .filter(|(k, _)| !k.starts_with('_'))
                                .map(|(k, v)| (k.clone(), v.clone()))
                                .collect();
                            for (k, v) in items {
                                self.set_global(&k, v);
                            }
                        }
                        continue;
                    }
                    let v = match self.get_attr(&m, &a.path[0]) {
                        Ok(v) => v,
                        Err(_) => {
                            match self.import_module(&format!("{full}.{}", a.path[0])) {
                                Ok(sub) => sub,
                                Err(_) => {
                                    return Err(Exc::new(
                                    ExcType::ImportError,
                                    format!("cannot import name '{}' from '{full}' (unknown location)", a.path[0]),
                                )
                                .at(a.span));
                                }
                            }
                        }
                    };
                    self.store_name(f, &a.bind, v);
                }
            }
            StmtKind::With(items, body) => return self.exec_with(f, items, body),
        }
        Ok(Flow::Normal)
    }

    fn exec_for(
        &mut self,
        f: &mut Frame,
        target: &Expr,
        iter: &Expr,
        body: &[Stmt],
        orelse: &[Stmt],
    ) -> PResult<Flow> {
        let src = self.eval(f, iter)?;
        let mut it = self.iterate(&src).map_err(|e| e.at(iter.span))?;
        // Fast path: a range into a plain local.
        if let (ExprKind::Local(slot), ValueIter::Seq(SeqIter::Range { next, step, left })) =
            (&target.kind, &it)
        {
            return self.for_range_local(f, *slot as usize, *next, *step, *left, body, orelse);
        }
        loop {
            let item = match &mut it {
                ValueIter::Seq(SeqIter::Range { next, step, left }) => {
                    if *left <= 0 {
                        None
                    } else {
                        let v = *next;
                        *left -= 1;
                        *next = next.wrapping_add(*step);
                        Some(Value::Int(v))
                    }
                }
                other => other.next(self)?,
            };
            let Some(item) = item else { break };
            super::check_interrupt()?;
            match target.kind {
                ExprKind::Local(slot) => Value::set(&mut f.locals[slot as usize], item),
                _ => self.assign(f, target, item)?,
            }
            match self.exec_block(f, body)? {
                Flow::Break => return Ok(Flow::Normal),
                Flow::Return => return Ok(Flow::Return),
                _ => {}
            }
        }
        self.exec_block(f, orelse)
    }

    /// `for local in range(...)`: the counter lives in Rust variables.
    #[allow(clippy::too_many_arguments)]
    fn for_range_local(
        &mut self,
        f: &mut Frame,
        slot: usize,
        mut next: i64,
        step: i64,
        mut left: i64,
        body: &[Stmt],
        orelse: &[Stmt],
    ) -> PResult<Flow> {
        while left > 0 {
            let v = next;
            left -= 1;
            next = next.wrapping_add(step);
            super::check_interrupt()?;
            Value::set(&mut f.locals[slot], Value::Int(v));
            match self.exec_block(f, body)? {
                Flow::Break => return Ok(Flow::Normal),
                Flow::Return => return Ok(Flow::Return),
                _ => {}
            }
        }
        self.exec_block(f, orelse)
    }

    fn exec_raise(
        &mut self,
        f: &mut Frame,
        exc: Option<&Expr>,
        cause: Option<&Expr>,
    ) -> PResult<Box<Exc>> {
        let Some(exc) = exc else {
            return Ok(match self.handling.last() {
                Some(obj) => Exc::from_obj(obj.clone()),
                None => Exc::new(ExcType::RuntimeError, "No active exception to reraise"),
            });
        };
        let v = self.eval(f, exc)?;
        let obj = self.to_exception(&v).map_err(|e| e.at(exc.span))?;
        if let Some(c) = cause {
            let cv = self.eval(f, c)?;
            let cobj = if cv.is_none() {
                None
            } else {
                Some(self.to_exception(&cv)?)
            };
            *obj.cause.borrow_mut() = cobj;
        }
        let mut e = Exc::from_obj(obj);
        e.cur_span = Some(exc.span);
        Ok(e)
    }

    /// An exception instance from `raise X` (a class is instantiated).
    pub fn to_exception(&mut self, v: &Value) -> PResult<Rc<ExcObj>> {
        match v {
            Value::Exception(e) => Ok(e.clone()),
            Value::Type(super::value::TypeObj::Exc(t)) => Ok(Rc::new(ExcObj::new(*t, vec![]))),
            _ => type_error("exceptions must derive from BaseException"),
        }
    }

    fn handler_matches(&mut self, f: &mut Frame, typ: &Expr, e: &Exc) -> PResult<bool> {
        let t = self.eval(f, typ)?;
        self.exc_matches(&t, e.ty())
    }

    fn exc_matches(&mut self, t: &Value, ty: ExcType) -> PResult<bool> {
        match t {
            Value::Type(super::value::TypeObj::Exc(c)) => Ok(ty.is_subclass(*c)),
            Value::Tuple(items) => {
                for it in items.iter() {
                    if self.exc_matches(it, ty)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            _ => {
                type_error("catching classes that do not inherit from BaseException is not allowed")
            }
        }
    }

    fn exec_try(
        &mut self,
        f: &mut Frame,
        body: &[Stmt],
        handlers: &[Handler],
        orelse: &[Stmt],
        finalbody: &[Stmt],
    ) -> PResult<Flow> {
        let mut result = self.exec_block(f, body);
        match result {
            Err(e) => {
                let mut outcome = Err(e);
                let e_ref = match &outcome {
                    Err(e) => e,
                    Ok(_) => unreachable!(),
                };
                let mut matched = None;
                for h in handlers {
                    let m = match &h.typ {
                        None => true,
                        Some(t) => match self.handler_matches(f, t, e_ref) {
                            Ok(m) => m,
                            Err(err) => {
                                outcome = Err(err);
                                break;
                            }
                        },
                    };
                    if m {
                        matched = Some(h);
                        break;
                    }
                }
                if let (Some(h), Err(e)) = (matched, &outcome) {
                    let obj = e.value.clone();
                    if let Some(n) = &h.name {
                        self.store_name(f, n, Value::Exception(obj.clone()));
                    }
                    self.handling.push(obj);
                    let r = self.exec_block(f, &h.body);
                    self.handling.pop();
                    if let Some(n) = &h.name {
                        self.unbind_name(f, n);
                    }
                    outcome = r;
                }
                result = outcome;
            }
            Ok(Flow::Normal) => {
                result = self.exec_block(f, orelse);
            }
            Ok(_) => {}
        }
        if finalbody.is_empty() {
            return result;
        }
        match self.exec_block(f, finalbody)? {
            Flow::Normal => result,
            other => Ok(other),
        }
    }

    fn exec_with(
        &mut self,
        f: &mut Frame,
        items: &[(Expr, Option<Expr>)],
        body: &[Stmt],
    ) -> PResult<Flow> {
        let Some(((ctx_e, target), rest)) = items.split_first() else {
            return self.exec_block(f, body);
        };
        let ctx = self.eval(f, ctx_e)?;
        let entered = self
            .call_method(&ctx, "__enter__", Args::default())
            .map_err(|e| e.at(ctx_e.span))?;
        if let Some(t) = target {
            self.assign(f, t, entered)?;
        }
        let r = if rest.is_empty() {
            self.exec_block(f, body)
        } else {
            self.exec_with(f, rest, body)
        };
        self.call_method(
            &ctx,
            "__exit__",
            Args::new(vec![Value::None, Value::None, Value::None]),
        )?;
        r
    }
}
