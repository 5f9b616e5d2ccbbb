//! Calling user functions (argument binding with Python's rules and messages),
//! building closures, and attribute lookup.

use super::exceptions::{Exc, ExcType, PResult, type_error};
use super::value::{Args, Function, Value};
use super::{Flow, Frame, Interp, RECURSION_LIMIT};
use crate::parse::ast::{FuncDef, ParamKind};
use std::cell::RefCell;
use std::rc::Rc;

fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("{n} {one}")
    } else {
        format!("{n} {many}")
    }
}

/// `'a'`, `'a' and 'b'`, `'a', 'b', and 'c'`.
fn name_list(names: &[&str]) -> String {
    let q: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
    match q.len() {
        0 => String::new(),
        1 => q[0].clone(),
        2 => format!("{} and {}", q[0], q[1]),
        n => format!("{}, and {}", q[..n - 1].join(", "), q[n - 1]),
    }
}

impl Interp {
    /// Creates a function value from a `def` or `lambda`, evaluating its defaults now.
    pub fn make_function(&mut self, f: &mut Frame, def: &Rc<FuncDef>) -> PResult<Value> {
        let mut defaults = Vec::new();
        let mut kw_defaults = Vec::new();
        for (i, p) in def.params.iter().enumerate() {
            if let Some(d) = &p.default {
                let v = self.eval(f, d)?;
                if p.kind == ParamKind::KwOnly {
                    kw_defaults.push((i, v));
                } else {
                    defaults.push(v);
                }
            }
        }
        let mut closure = Vec::with_capacity(def.layout.freevars.len());
        for &(parent, _) in &def.layout.freevars {
            match &f.locals[parent as usize] {
                Value::Cell(c) => closure.push(c.clone()),
                other => closure.push(Rc::new(RefCell::new(other.clone()))),
            }
        }
        Ok(Value::Func(Rc::new(Function {
            def: def.clone(),
            defaults,
            kw_defaults,
            closure,
            name: def.name.clone(),
        })))
    }

    /// Calls a user function with positional values `pos` and keywords `kw`.
    pub fn call_function(
        &mut self,
        fun: &Rc<Function>,
        mut pos: super::Locals,
        kw: Vec<(Rc<str>, Value)>,
    ) -> PResult<Value> {
        let def = &fun.def;
        let nlocals = def.layout.nlocals as usize;
        let params = &def.params;
        let sig = &def.sig;
        let (n_normal, varargs, varkw) = (sig.n_normal, sig.varargs, sig.varkw);
        let npos_given = pos.len();
        // Fast path: exactly the positional parameters, nothing else to bind.
        if npos_given == n_normal && sig.simple && kw.is_empty() {
            pos.resize(nlocals, Value::Undef);
            return self.run_function(fun, pos);
        }
        if npos_given > n_normal {
            match varargs {
                Some(va) => {
                    let extra: Vec<Value> = pos.drain(n_normal..).collect();
                    pos.resize(va, Value::Undef);
                    pos.push(Value::tuple(extra));
                }
                None => {
                    let n_req = n_normal - fun.defaults.len();
                    let takes = if n_req == n_normal {
                        plural(n_normal, "positional argument", "positional arguments")
                    } else {
                        format!("from {n_req} to {n_normal} positional arguments")
                    };
                    let was = if npos_given == 1 { "was" } else { "were" };
                    return type_error(format!(
                        "{}() takes {takes} but {npos_given} {was} given",
                        def.qualname
                    ));
                }
            }
        } else if let Some(va) = varargs {
            pos.resize(va, Value::Undef);
            pos.push(Value::tuple(vec![]));
        }
        pos.resize(nlocals, Value::Undef);
        let mut locals = pos;
        if !kw.is_empty() {
            let mut extra_kw: Option<super::value::Dict> = None;
            for (name, v) in kw {
                let found = params.iter().position(|p| {
                    *p.name == *name && matches!(p.kind, ParamKind::Normal | ParamKind::KwOnly)
                });
                match found {
                    Some(i) => {
                        if !matches!(locals[i], Value::Undef) {
                            return type_error(format!(
                                "{}() got multiple values for argument '{name}'",
                                def.qualname
                            ));
                        }
                        locals[i] = v;
                    }
                    None => match varkw {
                        Some(_) => {
                            extra_kw
                                .get_or_insert_with(Default::default)
                                .insert(super::ops::make_key(Value::Str(name.into()))?, v);
                        }
                        None => {
                            return type_error(format!(
                                "{}() got an unexpected keyword argument '{name}'",
                                def.qualname
                            ));
                        }
                    },
                }
            }
            if let Some(vk) = varkw {
                locals[vk] = Value::Dict(Rc::new(RefCell::new(extra_kw.unwrap_or_default())));
            }
        } else if let Some(vk) = varkw {
            locals[vk] = Value::Dict(Rc::new(RefCell::new(Default::default())));
        }
        // Defaults and missing arguments.
        let first_default = n_normal - fun.defaults.len();
        let mut missing: Vec<&str> = Vec::new();
        for i in 0..n_normal {
            if let Value::Undef = locals[i] {
                if i >= first_default {
                    locals[i] = fun.defaults[i - first_default].clone();
                } else {
                    missing.push(&params[i].name);
                }
            }
        }
        if !missing.is_empty() {
            return type_error(format!(
                "{}() missing {} required positional argument{}: {}",
                def.qualname,
                missing.len(),
                if missing.len() == 1 { "" } else { "s" },
                name_list(&missing)
            ));
        }
        for (i, p) in params.iter().enumerate() {
            if p.kind == ParamKind::KwOnly
                && let Value::Undef = locals[i]
            {
                match fun.kw_defaults.iter().find(|(j, _)| *j == i) {
                    Some((_, v)) => locals[i] = v.clone(),
                    None => missing.push(&p.name),
                }
            }
        }
        if !missing.is_empty() {
            return type_error(format!(
                "{}() missing {} required keyword-only argument{}: {}",
                def.qualname,
                missing.len(),
                if missing.len() == 1 { "" } else { "s" },
                name_list(&missing)
            ));
        }
        self.run_function(fun, locals)
    }

    /// Runs a function's body in a new frame whose parameters are bound.
    fn run_function(&mut self, fun: &Rc<Function>, mut locals: super::Locals) -> PResult<Value> {
        let def = &*fun.def;
        let mut frame = Frame {
            locals: &mut locals,
            ret: Default::default(),
            src: def.src.get(),
            def: Some(def),
        };
        self.run_frame(fun, &mut frame)
    }

    /// Runs `fun`'s body in `frame`, whose first slots hold the bound parameters and
    /// whose other slots are `Undef`.
    #[inline]
    pub fn run_frame(&mut self, fun: &Function, frame: &mut Frame) -> PResult<Value> {
        let def = &*fun.def;
        if !def.layout.cells.is_empty() || !def.layout.freevars.is_empty() {
            Self::bind_cells(fun, frame);
        }
        self.run_body(def, frame)
    }

    /// Runs `def`'s body in `frame`, whose slots are ready.
    #[inline(always)]
    pub fn run_body(&mut self, def: &FuncDef, frame: &mut Frame) -> PResult<Value> {
        if self.depth >= RECURSION_LIMIT {
            return Err(Self::recursion_error());
        }
        super::check_interrupt()?;
        self.depth += 1;
        let r = self.exec_block(frame, &def.body);
        self.depth -= 1;
        match r {
            Ok(Flow::Return) => Ok(frame.take_ret()),
            Ok(_) => Ok(Value::None),
            Err(e) => Err(self.leave_frame(e, frame, def.span)),
        }
    }

    /// Puts the frame's captured slots in cells and its free variables' cells in place.
    #[inline(never)]
    fn bind_cells(fun: &Function, frame: &mut Frame) {
        let def = &*fun.def;
        for &c in &def.layout.cells {
            let v = std::mem::replace(&mut frame.locals[c as usize], Value::Undef);
            frame.locals[c as usize] = Value::Cell(Rc::new(RefCell::new(v)));
        }
        for (k, &(_, own)) in def.layout.freevars.iter().enumerate() {
            frame.locals[own as usize] = Value::Cell(fun.closure[k].clone());
        }
    }

    #[cold]
    #[inline(never)]
    fn recursion_error() -> Box<Exc> {
        Exc::new(ExcType::RecursionError, "maximum recursion depth exceeded")
    }

    /// `obj.name`.
    pub fn get_attr(&mut self, obj: &Value, name: &str) -> PResult<Value> {
        match obj {
            Value::Module(m) => {
                if let Some(v) = m.attrs.borrow().get(name) {
                    return Ok(v.clone());
                }
                if name == "__name__" {
                    return Ok(Value::Str(m.name.clone().into()));
                }
                return Err(Exc::new(
                    ExcType::AttributeError,
                    format!("module '{}' has no attribute '{name}'", m.name),
                ));
            }
            Value::Type(t) if name == "__name__" || name == "__qualname__" => {
                return Ok(Value::str(t.name()));
            }
            Value::Func(f) => match name {
                "__name__" => return Ok(Value::Str(f.name.clone().into())),
                "__qualname__" => return Ok(Value::Str(f.def.qualname.clone().into())),
                "__doc__" => return Ok(Value::None),
                _ => {}
            },
            Value::Builtin(b) => match name {
                "__name__" | "__qualname__" => return Ok(Value::str(b.name)),
                "__doc__" => return Ok(Value::str(b.doc)),
                _ => {}
            },
            Value::Exception(e) => match name {
                "args" => return Ok(Value::tuple(e.args.clone())),
                "__cause__" => {
                    return Ok(e
                        .cause
                        .borrow()
                        .clone()
                        .map(Value::Exception)
                        .unwrap_or(Value::None));
                }
                "__context__" => return Ok(Value::None),
                _ => {}
            },
            _ => {}
        }
        if let Some(v) = crate::library::methods::get_attr(self, obj, name)? {
            return Ok(v);
        }
        Err(Exc::new(
            ExcType::AttributeError,
            format!("'{}' object has no attribute '{name}'", obj.type_name()),
        ))
    }

    /// `obj.name(args)`.
    pub fn call_method(&mut self, obj: &Value, name: &str, args: Args) -> PResult<Value> {
        if let Value::Module(_) | Value::Func(_) | Value::Type(_) | Value::Exception(_) = obj {
            let f = self.get_attr(obj, name)?;
            return self.call_value(&f, args);
        }
        crate::library::methods::call_method(self, obj, name, args)
    }
}
