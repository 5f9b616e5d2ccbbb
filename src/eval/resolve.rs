//! Name resolution before evaluation: decides for every name whether it is a
//! frame slot (local, comprehension variable, closure cell) or a global, with
//! Python's scoping rules, and lays out each function's frame. Once a scope is
//! laid out, its nodes are rewritten into the evaluator's specialised kinds.

use crate::parse::ast::*;
use std::collections::{HashMap, HashSet};
use std::rc::Rc;

/// Session-wide table of global names; the evaluator keeps values in a parallel vector.
#[derive(Default)]
pub struct GlobalNames {
    pub names: Vec<Ident>,
    pub index: HashMap<Ident, u32>,
}

impl GlobalNames {
    pub fn intern(&mut self, name: &Ident) -> u32 {
        if let Some(&i) = self.index.get(name) {
            return i;
        }
        let i = self.names.len() as u32;
        self.names.push(name.clone());
        self.index.insert(name.clone(), i);
        i
    }
}

#[derive(Default)]
struct Scope {
    is_module: bool,
    qualname: String,
    locals: HashMap<Ident, u32>,
    global_decls: HashSet<Ident>,
    comp_scopes: Vec<HashMap<Ident, u32>>,
    free_map: HashMap<Ident, u32>,
    layout: FrameLayout,
}

impl Scope {
    fn new_slot(&mut self, name: &Ident) -> u32 {
        let s = self.layout.nlocals;
        self.layout.nlocals += 1;
        self.layout.slot_names.push(name.clone());
        s
    }
    fn mark_cell(&mut self, slot: u32) {
        if !self.layout.cells.contains(&slot) {
            self.layout.cells.push(slot);
        }
    }
}

pub struct Resolver<'g> {
    globals: &'g mut GlobalNames,
    scopes: Vec<Scope>,
    src: u32,
}

/// Resolves a whole module (file or shell entry) in place.
pub fn resolve_module(m: &mut Module, globals: &mut GlobalNames, src: u32) {
    let mut r = Resolver {
        globals,
        scopes: vec![Scope {
            is_module: true,
            ..Default::default()
        }],
        src,
    };
    r.block(&mut m.body);
    m.layout = r.scopes.pop().map(|s| s.layout).unwrap_or_default();
    specialize_block(&mut m.body, &m.layout.cells);
}

fn collect_target_names(e: &Expr, out: &mut Vec<Ident>) {
    match &e.kind {
        ExprKind::Name(n) => out.push(n.id.clone()),
        ExprKind::Tuple(v) | ExprKind::List(v) => {
            v.iter().for_each(|x| collect_target_names(x, out))
        }
        ExprKind::Starred(x) => collect_target_names(x, out),
        _ => {}
    }
}

/// A function body's `global` and `nonlocal` declarations.
#[derive(Default)]
struct Decls {
    globals: HashSet<Ident>,
    nonlocals: HashSet<Ident>,
}

/// Names a function body binds (its locals) and the names it declares global or nonlocal.
fn collect_bindings(body: &[Stmt], out: &mut Vec<Ident>, decls: &mut Decls) {
    for s in body {
        match &s.kind {
            StmtKind::Assign(ts, _) => ts.iter().for_each(|t| collect_target_names(t, out)),
            StmtKind::AugAssign(t, _, _) => collect_target_names(t, out),
            StmtKind::For(t, _, b, e) => {
                collect_target_names(t, out);
                collect_bindings(b, out, decls);
                collect_bindings(e, out, decls);
            }
            StmtKind::While(_, b, e) | StmtKind::If(_, b, e) => {
                collect_bindings(b, out, decls);
                collect_bindings(e, out, decls);
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            } => {
                collect_bindings(body, out, decls);
                for h in handlers {
                    if let Some(n) = &h.name {
                        out.push(n.id.clone());
                    }
                    collect_bindings(&h.body, out, decls);
                }
                collect_bindings(orelse, out, decls);
                collect_bindings(finalbody, out, decls);
            }
            StmtKind::With(items, b) => {
                for (_, t) in items {
                    if let Some(t) = t {
                        collect_target_names(t, out);
                    }
                }
                collect_bindings(b, out, decls);
            }
            StmtKind::FunctionDef(_, n) => out.push(n.id.clone()),
            StmtKind::Import(a) | StmtKind::ImportFrom(_, a) => {
                a.iter().for_each(|a| out.push(a.bind.id.clone()))
            }
            StmtKind::Del(ts) => ts.iter().for_each(|t| collect_target_names(t, out)),
            StmtKind::Global(ns) => ns.iter().for_each(|n| {
                decls.globals.insert(n.clone());
            }),
            StmtKind::Nonlocal(ns) => ns.iter().for_each(|n| {
                decls.nonlocals.insert(n.clone());
            }),
            _ => {}
        }
    }
}

impl Resolver<'_> {
    fn top(&mut self) -> &mut Scope {
        self.scopes.last_mut().expect("a scope")
    }

    fn lookup(&mut self, name: &Ident) -> Slot {
        let k = self.scopes.len() - 1;
        let scope = &self.scopes[k];
        for cs in scope.comp_scopes.iter().rev() {
            if let Some(&s) = cs.get(name) {
                return Slot::Local(s);
            }
        }
        if scope.global_decls.contains(name) || (scope.is_module) {
            return Slot::Global(self.globals.intern(name));
        }
        if let Some(&s) = scope.locals.get(name) {
            return Slot::Local(s);
        }
        if let Some(&s) = scope.free_map.get(name) {
            return Slot::Local(s);
        }
        if k > 0
            && let Some(s) = self.capture(k, name)
        {
            return Slot::Local(s);
        }
        Slot::Global(self.globals.intern(name))
    }

    /// Makes `name` (bound in an enclosing function) available in scope `k` as a
    /// free variable; returns its slot in scope `k`.
    fn capture(&mut self, k: usize, name: &Ident) -> Option<u32> {
        let j = k - 1;
        let parent_slot = {
            let p = &mut self.scopes[j];
            let mut found = None;
            for cs in p.comp_scopes.iter().rev() {
                if let Some(&s) = cs.get(name) {
                    found = Some(s);
                    break;
                }
            }
            if found.is_none() && !p.is_module && !p.global_decls.contains(name) {
                found = p.locals.get(name).copied();
                if found.is_none()
                    && let Some(&s) = p.free_map.get(name)
                {
                    return self.add_free(k, name, s);
                }
            }
            match found {
                Some(s) => {
                    p.mark_cell(s);
                    Some(s)
                }
                None => None,
            }
        };
        match parent_slot {
            Some(ps) => self.add_free(k, name, ps),
            None => {
                if j == 0 || self.scopes[j].is_module || self.scopes[j].global_decls.contains(name)
                {
                    return None;
                }
                let ps = self.capture(j, name)?;
                self.add_free(k, name, ps)
            }
        }
    }

    fn add_free(&mut self, k: usize, name: &Ident, parent_slot: u32) -> Option<u32> {
        let scope = &mut self.scopes[k];
        let s = scope.new_slot(name);
        scope.free_map.insert(name.clone(), s);
        scope.layout.freevars.push((parent_slot, s));
        Some(s)
    }

    fn name(&mut self, n: &Name) {
        let slot = self.lookup(&n.id);
        n.slot.set(slot);
    }

    fn block(&mut self, body: &mut [Stmt]) {
        for s in body {
            self.stmt(s);
        }
    }

    fn stmt(&mut self, s: &mut Stmt) {
        match &mut s.kind {
            StmtKind::Expr(e) => self.expr(e),
            StmtKind::Assign(ts, v) => {
                self.expr(v);
                ts.iter_mut().for_each(|t| self.expr(t));
            }
            StmtKind::AugAssign(t, _, v) => {
                self.expr(v);
                self.expr(t);
            }
            StmtKind::Pass | StmtKind::Break | StmtKind::Continue => {}
            StmtKind::Return(e) => {
                if let Some(e) = e {
                    self.expr(e)
                }
            }
            StmtKind::Raise(a, b) => {
                if let Some(a) = a {
                    self.expr(a)
                }
                if let Some(b) = b {
                    self.expr(b)
                }
            }
            StmtKind::Global(ns) => {
                let top = self.top();
                for n in ns.iter() {
                    top.global_decls.insert(n.clone());
                }
            }
            StmtKind::Nonlocal(_) => {}
            StmtKind::Del(ts) => ts.iter_mut().for_each(|t| self.expr(t)),
            StmtKind::Assert(a, b) => {
                self.expr(a);
                if let Some(b) = b {
                    self.expr(b)
                }
            }
            StmtKind::Import(aliases) | StmtKind::ImportFrom(_, aliases) => {
                for a in aliases.iter() {
                    self.name(&a.bind);
                }
            }
            StmtKind::If(c, b, e) | StmtKind::While(c, b, e) => {
                self.expr(c);
                self.block(b);
                self.block(e);
            }
            StmtKind::For(t, i, b, e) => {
                self.expr(i);
                self.expr(t);
                self.block(b);
                self.block(e);
            }
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
            } => {
                self.block(body);
                for h in handlers.iter_mut() {
                    if let Some(t) = &mut h.typ {
                        self.expr(t);
                    }
                    if let Some(n) = &h.name {
                        self.name(n);
                    }
                    self.block(&mut h.body);
                }
                self.block(orelse);
                self.block(finalbody);
            }
            StmtKind::With(items, b) => {
                for (e, t) in items.iter_mut() {
                    self.expr(e);
                    if let Some(t) = t {
                        self.expr(t);
                    }
                }
                self.block(b);
            }
            StmtKind::FunctionDef(def, n) => {
                self.function(def);
                self.name(n);
            }
        }
    }

    fn function(&mut self, def: &mut Rc<FuncDef>) {
        let Some(def) = Rc::get_mut(def) else { return };
        // Defaults are evaluated in the enclosing scope.
        for p in def.params.iter_mut() {
            if let Some(d) = &mut p.default {
                self.expr(d);
            }
        }
        let parent_q = self.top().qualname.clone();
        let qualname = if self.scopes.len() == 1 {
            def.name.to_string()
        } else {
            format!("{parent_q}.<locals>.{}", def.name)
        };
        def.qualname = Rc::from(qualname.as_str());
        def.src.set(self.src);
        let mut scope = Scope {
            qualname,
            ..Default::default()
        };
        for p in &def.params {
            let s = scope.new_slot(&p.name);
            scope.locals.insert(p.name.clone(), s);
        }
        let mut bound = Vec::new();
        let mut decls = Decls::default();
        collect_bindings(&def.body, &mut bound, &mut decls);
        for n in bound {
            // A `nonlocal` name stays free: lookups capture the enclosing binding.
            if !decls.globals.contains(&n)
                && !decls.nonlocals.contains(&n)
                && !scope.locals.contains_key(&n)
            {
                let s = scope.new_slot(&n);
                scope.locals.insert(n, s);
            }
        }
        scope.global_decls = decls.globals;
        self.scopes.push(scope);
        self.block(&mut def.body);
        let scope = self.scopes.pop().expect("function scope");
        def.layout = scope.layout;
        let mut cells = def.layout.cells.clone();
        cells.extend(def.layout.freevars.iter().map(|&(_, own)| own));
        specialize_block(&mut def.body, &cells);
        if def.sig.simple
            && cells.is_empty()
            && def.layout.nlocals as usize <= crate::eval::LOCALS_INLINE
        {
            def.layout.plain_arity = def.sig.n_normal as u32;
        }
    }

    fn comprehension(&mut self, gens: &mut [Comprehension], elts: &mut [&mut Expr]) {
        // The first iterable is evaluated in the enclosing scope.
        if let Some(g) = gens.first_mut() {
            self.expr(&mut g.iter);
        }
        let mut map = HashMap::new();
        for g in gens.iter() {
            let mut names = Vec::new();
            collect_target_names(&g.target, &mut names);
            for n in names {
                if let std::collections::hash_map::Entry::Vacant(free) = map.entry(n) {
                    let s = self.top().new_slot(free.key());
                    free.insert(s);
                }
            }
        }
        self.top().comp_scopes.push(map);
        for (i, g) in gens.iter_mut().enumerate() {
            if i > 0 {
                self.expr(&mut g.iter);
            }
            self.expr(&mut g.target);
            for c in g.ifs.iter_mut() {
                self.expr(c);
            }
        }
        for e in elts.iter_mut() {
            self.expr(e);
        }
        self.top().comp_scopes.pop();
    }

    fn expr(&mut self, e: &mut Expr) {
        match &mut e.kind {
            ExprKind::Name(n) => self.name(n),
            ExprKind::Int(_)
            | ExprKind::BigInt(_)
            | ExprKind::Float(_)
            | ExprKind::Imag(_)
            | ExprKind::Str(_)
            | ExprKind::True
            | ExprKind::False
            | ExprKind::None
            | ExprKind::Ellipsis => {}
            ExprKind::FString(parts) => self.fparts(parts),
            ExprKind::Tuple(v) | ExprKind::List(v) | ExprKind::Set(v) => {
                v.iter_mut().for_each(|x| self.expr(x))
            }
            ExprKind::Dict(items) => {
                for (k, v) in items.iter_mut() {
                    if let Some(k) = k {
                        self.expr(k);
                    }
                    self.expr(v);
                }
            }
            ExprKind::Starred(x) | ExprKind::Attribute(x, _) | ExprKind::Unary(_, x) => {
                self.expr(x)
            }
            ExprKind::Subscript(a, b)
            | ExprKind::BinOp(_, a, b)
            | ExprKind::And(a, b)
            | ExprKind::Or(a, b) => {
                self.expr(a);
                self.expr(b);
            }
            ExprKind::Slice(a, b, c) => {
                for x in [a, b, c].into_iter().flatten() {
                    self.expr(x);
                }
            }
            ExprKind::Call(f, args) => {
                self.expr(f);
                for a in args.iter_mut() {
                    match a {
                        Arg::Pos(x) | Arg::Star(x) | Arg::Kw(_, x) | Arg::StarStar(x) => {
                            self.expr(x)
                        }
                    }
                }
            }
            ExprKind::Compare(a, rest) => {
                self.expr(a);
                rest.iter_mut().for_each(|(_, x)| self.expr(x));
            }
            ExprKind::IfExp(c, a, b) => {
                self.expr(c);
                self.expr(a);
                self.expr(b);
            }
            ExprKind::Lambda(def) => self.function(def),
            ExprKind::ListComp(elt, gens)
            | ExprKind::SetComp(elt, gens)
            | ExprKind::GenExp(elt, gens) => {
                self.comprehension(gens, &mut [&mut **elt]);
            }
            ExprKind::DictComp(k, v, gens) => self.comprehension(gens, &mut [&mut **k, &mut **v]),
            // Specialised kinds only appear once their scope is resolved.
            ExprKind::Local(_) | ExprKind::Global(_) => {}
            ExprKind::Compare1(_, a, b) | ExprKind::BinOpLeaves(_, a, b) => {
                self.expr(a);
                self.expr(b);
            }
            ExprKind::CallPos(func, args) => {
                self.expr(func);
                args.iter_mut().for_each(|x| self.expr(x));
            }
        }
    }

    fn fparts(&mut self, parts: &mut [FPart]) {
        for p in parts {
            if let FPart::Field { expr, spec, .. } = p {
                self.expr(expr);
                self.fparts(spec);
            }
        }
    }
}

// Specialisation: once a scope's layout is final (every slot that holds a closure
// cell is known), its names and some common node shapes are rewritten into the
// dedicated kinds the evaluator handles without further checks. Bodies of nested
// functions belong to their own scope and were specialised when it ended; their
// defaults are evaluated in this one.

/// Rewrites the nodes of one scope's statements; `cells` are its cell-holding slots.
fn specialize_block(body: &mut [Stmt], cells: &[u32]) {
    for s in body {
        specialize_stmt(s, cells);
    }
}

fn specialize_stmt(s: &mut Stmt, cells: &[u32]) {
    let sp = |e: &mut Expr| specialize(e, cells);
    match &mut s.kind {
        StmtKind::Expr(e) => sp(e),
        StmtKind::Assign(ts, v) => {
            ts.iter_mut().for_each(sp);
            sp(v);
        }
        StmtKind::AugAssign(t, _, v) => {
            sp(t);
            sp(v);
        }
        StmtKind::Pass
        | StmtKind::Break
        | StmtKind::Continue
        | StmtKind::Global(_)
        | StmtKind::Nonlocal(_)
        | StmtKind::Import(_)
        | StmtKind::ImportFrom(..) => {}
        StmtKind::Return(e) => e.iter_mut().for_each(sp),
        StmtKind::Raise(a, b) => {
            a.iter_mut().for_each(sp);
            b.iter_mut().for_each(sp);
        }
        StmtKind::Del(ts) => ts.iter_mut().for_each(sp),
        StmtKind::Assert(a, b) => {
            sp(a);
            b.iter_mut().for_each(sp);
        }
        StmtKind::If(c, b, e) | StmtKind::While(c, b, e) => {
            sp(c);
            specialize_block(b, cells);
            specialize_block(e, cells);
        }
        StmtKind::For(t, i, b, e) => {
            sp(t);
            sp(i);
            specialize_block(b, cells);
            specialize_block(e, cells);
        }
        StmtKind::Try {
            body,
            handlers,
            orelse,
            finalbody,
        } => {
            specialize_block(body, cells);
            for h in handlers.iter_mut() {
                h.typ.iter_mut().for_each(sp);
                specialize_block(&mut h.body, cells);
            }
            specialize_block(orelse, cells);
            specialize_block(finalbody, cells);
        }
        StmtKind::With(items, b) => {
            for (e, t) in items.iter_mut() {
                sp(e);
                t.iter_mut().for_each(sp);
            }
            specialize_block(b, cells);
        }
        StmtKind::FunctionDef(def, _) => specialize_defaults(def, cells),
    }
}

/// A nested function's defaults are evaluated in the enclosing scope.
fn specialize_defaults(def: &mut Rc<FuncDef>, cells: &[u32]) {
    if let Some(def) = Rc::get_mut(def) {
        for p in def.params.iter_mut() {
            if let Some(d) = &mut p.default {
                specialize(d, cells);
            }
        }
    }
}

fn specialize_comps(gens: &mut [Comprehension], cells: &[u32]) {
    for g in gens {
        specialize(&mut g.target, cells);
        specialize(&mut g.iter, cells);
        g.ifs.iter_mut().for_each(|c| specialize(c, cells));
    }
}

fn specialize_fparts(parts: &mut [FPart], cells: &[u32]) {
    for p in parts {
        if let FPart::Field { expr, spec, .. } = p {
            specialize(expr, cells);
            specialize_fparts(spec, cells);
        }
    }
}

/// Rewrites `e` and its sub-expressions (the same scope only).
fn specialize(e: &mut Expr, cells: &[u32]) {
    let sp = |x: &mut Expr| specialize(x, cells);
    match &mut e.kind {
        ExprKind::Name(n) => match n.slot.get() {
            Slot::Local(s) if !cells.contains(&s) => e.kind = ExprKind::Local(s),
            Slot::Global(g) => e.kind = ExprKind::Global(g),
            _ => {}
        },
        ExprKind::Int(_)
        | ExprKind::BigInt(_)
        | ExprKind::Float(_)
        | ExprKind::Imag(_)
        | ExprKind::Str(_)
        | ExprKind::True
        | ExprKind::False
        | ExprKind::None
        | ExprKind::Ellipsis
        | ExprKind::Local(_)
        | ExprKind::Global(_) => {}
        ExprKind::FString(parts) => specialize_fparts(parts, cells),
        ExprKind::Tuple(v) | ExprKind::List(v) | ExprKind::Set(v) => v.iter_mut().for_each(sp),
        ExprKind::Dict(items) => {
            for (k, v) in items.iter_mut() {
                k.iter_mut().for_each(sp);
                sp(v);
            }
        }
        ExprKind::Starred(x) | ExprKind::Attribute(x, _) | ExprKind::Unary(_, x) => sp(x),
        ExprKind::BinOp(op, a, b) => {
            sp(a);
            sp(b);
            let leaf = |x: &Expr| matches!(x.kind, ExprKind::Int(_) | ExprKind::Local(_));
            if leaf(a) && leaf(b) {
                let a = std::mem::replace(a, Box::new(Expr::placeholder()));
                let b = std::mem::replace(b, Box::new(Expr::placeholder()));
                e.kind = ExprKind::BinOpLeaves(*op, a, b);
            }
        }
        ExprKind::Subscript(a, b)
        | ExprKind::And(a, b)
        | ExprKind::Or(a, b)
        | ExprKind::BinOpLeaves(_, a, b)
        | ExprKind::Compare1(_, a, b) => {
            sp(a);
            sp(b);
        }
        ExprKind::Slice(a, b, c) => {
            for x in [a, b, c].into_iter().flatten() {
                sp(x);
            }
        }
        ExprKind::Call(func, args) => {
            sp(func);
            for a in args.iter_mut() {
                match a {
                    Arg::Pos(x) | Arg::Star(x) | Arg::Kw(_, x) | Arg::StarStar(x) => sp(x),
                }
            }
            if args.iter().all(|a| matches!(a, Arg::Pos(_))) {
                let func = std::mem::replace(func, Box::new(Expr::placeholder()));
                let pos = std::mem::take(args)
                    .into_iter()
                    .filter_map(|a| match a {
                        Arg::Pos(x) => Some(x),
                        _ => None,
                    })
                    .collect();
                e.kind = ExprKind::CallPos(func, pos);
            }
        }
        ExprKind::CallPos(func, args) => {
            sp(func);
            args.iter_mut().for_each(sp);
        }
        ExprKind::Compare(a, rest) => {
            sp(a);
            rest.iter_mut().for_each(|(_, x)| sp(x));
            if rest.len() == 1 {
                let (op, b) = rest.pop().expect("one comparison");
                let a = std::mem::replace(a, Box::new(Expr::placeholder()));
                e.kind = ExprKind::Compare1(op, a, Box::new(b));
            }
        }
        ExprKind::IfExp(c, a, b) => {
            sp(c);
            sp(a);
            sp(b);
        }
        ExprKind::Lambda(def) => specialize_defaults(def, cells),
        ExprKind::ListComp(elt, gens)
        | ExprKind::SetComp(elt, gens)
        | ExprKind::GenExp(elt, gens) => {
            sp(elt);
            specialize_comps(gens, cells);
        }
        ExprKind::DictComp(k, v, gens) => {
            sp(k);
            sp(v);
            specialize_comps(gens, cells);
        }
    }
}
