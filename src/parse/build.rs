//! Actions of the grammar that are more than a constructor: literals, f-strings,
//! assignment-target checks, parameter lists and call arguments.

use super::ast::*;
use crate::lex::Tok;
use crate::lex::strings::{split_literal, unescape};
use crate::source::Span;
use lalrpop_util::ParseError;
use num_bigint::BigInt;
use num_traits::{Num, ToPrimitive};
use std::rc::Rc;

/// What the start rule produced.
pub enum Top {
    File(Vec<Stmt>),
    Expr(Expr),
}

/// An error raised by a grammar action.
#[derive(Debug, Clone)]
pub struct UserError {
    pub kind: &'static str,
    pub msg: String,
    pub span: Span,
}

pub type PErr<'a> = ParseError<usize, Tok<'a>, UserError>;

fn syntax<'a, T>(msg: impl Into<String>, l: usize, r: usize) -> Result<T, PErr<'a>> {
    Err(ParseError::User {
        error: UserError {
            kind: "SyntaxError",
            msg: msg.into(),
            span: Span::new(l, r),
        },
    })
}

pub fn stmt(kind: StmtKind, l: usize, r: usize) -> Stmt {
    Stmt {
        kind,
        span: Span::new(l, r),
    }
}

pub fn expr(kind: ExprKind, l: usize, r: usize) -> Expr {
    Expr {
        kind,
        span: Span::new(l, r),
    }
}

pub fn bin(op: BinOp, a: Expr, b: Expr, l: usize, r: usize) -> Expr {
    expr(ExprKind::BinOp(op, Box::new(a), Box::new(b)), l, r)
}

pub fn unary(op: UnaryOp, e: Expr, l: usize, r: usize) -> Expr {
    if op == UnaryOp::Neg {
        match e.kind {
            ExprKind::Int(n) if n != i64::MIN => return expr(ExprKind::Int(-n), l, r),
            ExprKind::Float(f) => return expr(ExprKind::Float(-f), l, r),
            _ => {}
        }
    }
    expr(ExprKind::Unary(op, Box::new(e)), l, r)
}

pub fn tuple_or_single(mut v: Vec<Expr>, trailing: bool, l: usize, r: usize) -> Expr {
    if v.len() == 1 && !trailing {
        v.pop().expect("one element")
    } else {
        expr(ExprKind::Tuple(v), l, r)
    }
}

pub fn paren<'a>(e: Expr, l: usize, r: usize) -> Result<Expr, PErr<'a>> {
    if let ExprKind::Starred(_) = e.kind {
        return syntax("cannot use starred expression here", l, r);
    }
    Ok(e)
}

pub fn unsupported<'a, T>(what: &str, l: usize, r: usize) -> Result<T, PErr<'a>> {
    syntax(format!("numpyx does not support {what} (yet)"), l, r)
}

pub fn unsupported_msg<'a, T>(msg: &str, l: usize, r: usize) -> Result<T, PErr<'a>> {
    syntax(msg, l, r)
}

fn describe_target(e: &Expr) -> &'static str {
    match &e.kind {
        ExprKind::Call(..) => "function call",
        ExprKind::Int(_)
        | ExprKind::BigInt(_)
        | ExprKind::Float(_)
        | ExprKind::Imag(_)
        | ExprKind::Str(_) => "literal",
        ExprKind::Ellipsis => "ellipsis",
        ExprKind::FString(_) => "f-string expression",
        ExprKind::True => "True",
        ExprKind::False => "False",
        ExprKind::None => "None",
        ExprKind::Compare(..) => "comparison",
        ExprKind::Lambda(_) => "lambda",
        ExprKind::IfExp(..) => "conditional expression",
        ExprKind::Dict(_) => "dict literal",
        ExprKind::Set(_) => "set display",
        ExprKind::ListComp(..) => "list comprehension",
        ExprKind::DictComp(..) => "dict comprehension",
        ExprKind::SetComp(..) => "set comprehension",
        ExprKind::GenExp(..) => "generator expression",
        ExprKind::And(..) | ExprKind::Or(..) => "expression",
        _ => "expression",
    }
}

/// Whether CPython would read `e` as a `bitwise_or` (no comparison, `not`, `and`/`or`,
/// conditional or lambda at its top), which decides its "Maybe you meant '=='" hint.
fn is_bitwise_or(e: &Expr) -> bool {
    !matches!(
        e.kind,
        ExprKind::Compare(..)
            | ExprKind::IfExp(..)
            | ExprKind::Lambda(_)
            | ExprKind::And(..)
            | ExprKind::Or(..)
            | ExprKind::Unary(UnaryOp::Not, _)
            | ExprKind::Starred(_)
    )
}

/// Checks that `e` can be assigned to; `ctx` is "assign", "delete" or "for".
fn check_target<'a>(e: &Expr, ctx: &str) -> Result<(), PErr<'a>> {
    check_target_at(e, ctx, false)
}

/// `here`: `e` stands right before the `=` of a single assignment whose value is a
/// `bitwise_or`, where CPython adds "here. Maybe you meant '==' instead of '='?".
fn check_target_at<'a>(e: &Expr, ctx: &str, here: bool) -> Result<(), PErr<'a>> {
    let (l, r) = (e.span.start as usize, e.span.end as usize);
    match &e.kind {
        ExprKind::Name(n) => {
            if &*n.id == "__debug__" {
                return syntax("cannot assign to __debug__", l, r);
            }
            Ok(())
        }
        ExprKind::Attribute(..) | ExprKind::Subscript(..) => Ok(()),
        ExprKind::Tuple(v) | ExprKind::List(v) => {
            // Only the last item of an unparenthesised tuple stands right before the `=`.
            let bare_tuple = matches!(e.kind, ExprKind::Tuple(_))
                && v.first().is_some_and(|x| x.span.start == e.span.start);
            let mut stars = 0;
            for (i, x) in v.iter().enumerate() {
                if let ExprKind::Starred(inner) = &x.kind {
                    if ctx == "delete" {
                        return syntax(
                            "cannot delete starred",
                            x.span.start as usize,
                            x.span.end as usize,
                        );
                    }
                    stars += 1;
                    check_target(inner, ctx)?;
                } else {
                    check_target_at(x, ctx, here && bare_tuple && i + 1 == v.len())?;
                }
            }
            if stars > 1 {
                return syntax("multiple starred expressions in assignment", l, r);
            }
            Ok(())
        }
        ExprKind::Starred(_) => {
            syntax("starred assignment target must be in a list or tuple", l, r)
        }
        _ => {
            let what = describe_target(e);
            match ctx {
                "delete" => syntax(format!("cannot delete {what}"), l, r),
                "assign"
                    if here
                        && is_bitwise_or(e)
                        && !matches!(e.kind, ExprKind::True | ExprKind::False | ExprKind::None) =>
                {
                    syntax(
                        format!(
                            "cannot assign to {what} here. Maybe you meant '==' instead of '='?"
                        ),
                        l,
                        r,
                    )
                }
                _ => syntax(format!("cannot assign to {what}"), l, r),
            }
        }
    }
}

pub fn assign<'a>(t: Expr, mut v: Vec<Expr>, l: usize, r: usize) -> Result<Stmt, PErr<'a>> {
    let value = v.pop().expect("at least one value");
    let mut targets = vec![t];
    targets.extend(v);
    // CPython looks at the value's first `bitwise_or` only.
    let value_starts_plain = !matches!(
        value.kind,
        ExprKind::Lambda(_) | ExprKind::Unary(UnaryOp::Not, _) | ExprKind::Starred(_)
    );
    let single = targets.len() == 1 && value_starts_plain;
    for t in &targets {
        check_target_at(t, "assign", single)?;
    }
    if let ExprKind::Starred(_) = value.kind {
        return syntax(
            "can't use starred expression here",
            value.span.start as usize,
            value.span.end as usize,
        );
    }
    Ok(stmt(StmtKind::Assign(targets, value), l, r))
}

pub fn aug_assign<'a>(t: Expr, op: BinOp, v: Expr, l: usize, r: usize) -> Result<Stmt, PErr<'a>> {
    match &t.kind {
        ExprKind::Name(_) | ExprKind::Attribute(..) | ExprKind::Subscript(..) => {}
        ExprKind::Tuple(_) => {
            return syntax(
                "'tuple' is an illegal expression for augmented assignment",
                t.span.start as usize,
                t.span.end as usize,
            );
        }
        ExprKind::List(_) => {
            return syntax(
                "'list' is an illegal expression for augmented assignment",
                t.span.start as usize,
                t.span.end as usize,
            );
        }
        _ => {
            let what = describe_target(&t);
            return syntax(
                format!("'{what}' is an illegal expression for augmented assignment"),
                t.span.start as usize,
                t.span.end as usize,
            );
        }
    }
    Ok(stmt(StmtKind::AugAssign(t, op, v), l, r))
}

pub fn ann_assign<'a>(t: Expr, v: Option<Expr>, l: usize, r: usize) -> Result<Stmt, PErr<'a>> {
    match &t.kind {
        ExprKind::Name(_) | ExprKind::Attribute(..) | ExprKind::Subscript(..) => {}
        _ => {
            return syntax(
                "only single target (not tuple) can be annotated",
                t.span.start as usize,
                t.span.end as usize,
            );
        }
    }
    match v {
        Some(v) => Ok(stmt(StmtKind::Assign(vec![t], v), l, r)),
        None => Ok(stmt(StmtKind::Pass, l, r)),
    }
}

pub fn del_stmt<'a>(t: Expr, l: usize, r: usize) -> Result<Stmt, PErr<'a>> {
    let targets = match t.kind {
        ExprKind::Tuple(v) if !v.is_empty() => v,
        _ => vec![t],
    };
    for t in &targets {
        check_target(t, "delete")?;
    }
    Ok(stmt(StmtKind::Del(targets), l, r))
}

pub fn for_stmt<'a>(
    t: Expr,
    i: Expr,
    b: Vec<Stmt>,
    e: Vec<Stmt>,
    l: usize,
    r: usize,
) -> Result<Stmt, PErr<'a>> {
    check_target(&t, "for")?;
    Ok(stmt(StmtKind::For(t, i, b, e), l, r))
}

pub fn if_stmt(
    c: Expr,
    b: Vec<Stmt>,
    elifs: Vec<(usize, Expr, Vec<Stmt>)>,
    e: Option<Vec<Stmt>>,
    l: usize,
    r: usize,
) -> Stmt {
    let mut orelse = e.unwrap_or_default();
    for (el, ec, eb) in elifs.into_iter().rev() {
        orelse = vec![stmt(StmtKind::If(ec, eb, orelse), el, r)];
    }
    stmt(StmtKind::If(c, b, orelse), l, r)
}

pub fn handler(t: Option<(Expr, Option<Ident>)>, body: Vec<Stmt>, l: usize, r: usize) -> Handler {
    let (typ, name) = match t {
        Some((e, n)) => (Some(e), n.map(Name::new)),
        None => (None, None),
    };
    Handler {
        typ,
        name,
        body,
        span: Span::new(l, r),
    }
}

pub fn alias(path: Vec<Ident>, asname: Option<Ident>, l: usize, r: usize) -> Alias {
    let bind = Name::new(asname.clone().unwrap_or_else(|| path[0].clone()));
    Alias {
        path,
        asname: asname.map(Name::new),
        bind,
        span: Span::new(l, r),
    }
}

pub enum ParamItem {
    Named(Ident, Option<Expr>, usize, usize),
    Star(Option<Ident>, usize, usize),
    StarStar(Ident, usize, usize),
    Slash(usize, usize),
}

fn build_params<'a>(items: Vec<ParamItem>) -> Result<Vec<Param>, PErr<'a>> {
    let mut out: Vec<Param> = Vec::new();
    let mut seen_default = false;
    let mut seen_star = false;
    let mut seen_kw = false;
    let mut names: Vec<Ident> = Vec::new();
    let n_items = items.len();
    for (i, item) in items.into_iter().enumerate() {
        let (name, default, kind, l, r) = match item {
            ParamItem::Named(n, d, l, r) => {
                if seen_kw {
                    return syntax("arguments cannot follow var-keyword argument", l, r);
                }
                if seen_star {
                    (n, d, ParamKind::KwOnly, l, r)
                } else {
                    if d.is_some() {
                        seen_default = true;
                    } else if seen_default {
                        return syntax("non-default argument follows default argument", l, r);
                    }
                    (n, d, ParamKind::Normal, l, r)
                }
            }
            ParamItem::Star(n, l, r) => {
                if seen_star {
                    return syntax("* argument may appear only once", l, r);
                }
                if seen_kw {
                    return syntax("arguments cannot follow var-keyword argument", l, r);
                }
                seen_star = true;
                match n {
                    Some(n) => (n, None, ParamKind::VarArgs, l, r),
                    None => {
                        if i + 1 == n_items {
                            return syntax("named arguments must follow bare *", l, r);
                        }
                        continue;
                    }
                }
            }
            ParamItem::StarStar(n, l, r) => {
                if seen_kw {
                    return syntax("arguments cannot follow var-keyword argument", l, r);
                }
                seen_kw = true;
                (n, None, ParamKind::VarKw, l, r)
            }
            ParamItem::Slash(_, _) => continue,
        };
        if names.contains(&name) {
            return syntax(
                format!("duplicate argument '{name}' in function definition"),
                l,
                r,
            );
        }
        names.push(name.clone());
        out.push(Param {
            name,
            default,
            kind,
            span: Span::new(l, r),
        });
    }
    Ok(out)
}

#[allow(clippy::too_many_arguments)]
pub fn func_def<'a>(
    name: Ident,
    params: Vec<ParamItem>,
    body: Vec<Stmt>,
    l: usize,
    hr: usize,
    r: usize,
    nl: usize,
    nr: usize,
) -> Result<Stmt, PErr<'a>> {
    let params = build_params(params)?;
    let def = FuncDef {
        qualname: name.clone(),
        name: name.clone(),
        sig: SigInfo::of(&params),
        params,
        body,
        is_lambda: false,
        span: Span::new(l, hr),
        src: Default::default(),
        layout: FrameLayout::default(),
    };
    let _ = (nl, nr);
    Ok(stmt(
        StmtKind::FunctionDef(Rc::new(def), Name::new(name)),
        l,
        r,
    ))
}

pub fn lambda<'a>(
    params: Vec<ParamItem>,
    body: Expr,
    l: usize,
    hr: usize,
    r: usize,
) -> Result<Expr, PErr<'a>> {
    let params = build_params(params)?;
    let span = body.span;
    let def = FuncDef {
        name: Rc::from("<lambda>"),
        qualname: Rc::from("<lambda>"),
        sig: SigInfo::of(&params),
        params,
        body: vec![Stmt {
            kind: StmtKind::Return(Some(body)),
            span,
        }],
        is_lambda: true,
        span: Span::new(l, hr),
        src: Default::default(),
        layout: FrameLayout::default(),
    };
    Ok(expr(ExprKind::Lambda(Rc::new(def)), l, r))
}

pub fn call<'a>(f: Expr, args: Vec<Arg>, l: usize, r: usize) -> Result<Expr, PErr<'a>> {
    let mut seen_kw = false;
    let mut seen_kwunpack = false;
    let mut kws: Vec<Ident> = Vec::new();
    for a in &args {
        match a {
            Arg::Pos(e) => {
                if seen_kwunpack {
                    return syntax(
                        "positional argument follows keyword argument unpacking",
                        e.span.start as usize,
                        e.span.end as usize,
                    );
                }
                if seen_kw {
                    return syntax(
                        "positional argument follows keyword argument",
                        e.span.start as usize,
                        e.span.end as usize,
                    );
                }
            }
            Arg::Star(e) => {
                if seen_kwunpack {
                    return syntax(
                        "iterable argument unpacking follows keyword argument unpacking",
                        e.span.start as usize,
                        e.span.end as usize,
                    );
                }
            }
            Arg::Kw(n, e) => {
                if kws.contains(n) {
                    return syntax(
                        format!("keyword argument repeated: {n}"),
                        e.span.start as usize,
                        e.span.end as usize,
                    );
                }
                kws.push(n.clone());
                seen_kw = true;
            }
            Arg::StarStar(_) => seen_kwunpack = true,
        }
    }
    Ok(expr(ExprKind::Call(Box::new(f), args), l, r))
}

pub fn call_genexp(f: Expr, g: Expr, c: Vec<Comprehension>, l: usize, r: usize) -> Expr {
    let gl = g.span.start as usize;
    let genexp = expr(ExprKind::GenExp(Box::new(g), c), gl, r - 1);
    expr(ExprKind::Call(Box::new(f), vec![Arg::Pos(genexp)]), l, r)
}

pub fn int_literal<'a>(s: &str, l: usize, r: usize) -> Result<Expr, PErr<'a>> {
    let clean: String = s.chars().filter(|&c| c != '_').collect();
    let (digits, radix) = match clean.get(..2) {
        Some("0x") | Some("0X") => (&clean[2..], 16),
        Some("0o") | Some("0O") => (&clean[2..], 8),
        Some("0b") | Some("0B") => (&clean[2..], 2),
        _ => {
            if clean.len() > 1 && clean.starts_with('0') && clean.bytes().any(|b| b != b'0') {
                return syntax(
                    "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
                    l,
                    r,
                );
            }
            (clean.as_str(), 10)
        }
    };
    if let Ok(v) = i64::from_str_radix(digits, radix) {
        return Ok(expr(ExprKind::Int(v), l, r));
    }
    match BigInt::from_str_radix(digits, radix) {
        Ok(b) => match b.to_i64() {
            Some(v) => Ok(expr(ExprKind::Int(v), l, r)),
            None => Ok(expr(ExprKind::BigInt(Rc::new(b)), l, r)),
        },
        Err(_) => syntax("invalid integer literal", l, r),
    }
}

pub fn float_literal<'a>(s: &str, l: usize, r: usize) -> Result<Expr, PErr<'a>> {
    let clean: String = s.chars().filter(|&c| c != '_').collect();
    match clean.parse::<f64>() {
        Ok(v) => Ok(expr(ExprKind::Float(v), l, r)),
        Err(_) => syntax("invalid float literal", l, r),
    }
}

pub fn imag_literal<'a>(s: &str, l: usize, r: usize) -> Result<Expr, PErr<'a>> {
    let clean: String = s[..s.len() - 1].chars().filter(|&c| c != '_').collect();
    match clean.parse::<f64>() {
        Ok(v) => Ok(expr(ExprKind::Imag(v), l, r)),
        Err(_) => syntax("invalid imaginary literal", l, r),
    }
}

/// Adjacent string literals, concatenated; f-strings become [`ExprKind::FString`].
pub fn string_literal<'a>(
    parts: Vec<(usize, &str, usize)>,
    l: usize,
    r: usize,
) -> Result<Expr, PErr<'a>> {
    let mut fparts: Vec<FPart> = Vec::new();
    let mut any_f = false;
    let mut buf = String::new();
    for (pl, tok, pr) in parts {
        let lit = split_literal(tok);
        if lit.bytes {
            return unsupported("bytes literals", pl, pr);
        }
        let body_at = pl + lit.body_offset;
        if lit.fstring {
            any_f = true;
            let sub = parse_fstring(lit.body, body_at, lit.raw, 0)
                .map_err(|e| ParseError::User { error: e })?;
            for p in sub {
                match p {
                    FPart::Lit(s) => buf.push_str(&s),
                    field => {
                        if !buf.is_empty() {
                            fparts.push(FPart::Lit(Rc::from(std::mem::take(&mut buf).as_str())));
                        }
                        fparts.push(field);
                    }
                }
            }
        } else {
            match unescape(lit.body, lit.raw) {
                Ok(s) => buf.push_str(&s),
                Err((at, msg)) => return syntax(msg, body_at + at, body_at + at + 2),
            }
        }
    }
    if !any_f {
        return Ok(expr(
            ExprKind::Str(crate::text::RcStr::from(buf.as_str())),
            l,
            r,
        ));
    }
    if !buf.is_empty() {
        fparts.push(FPart::Lit(Rc::from(buf.as_str())));
    }
    Ok(expr(ExprKind::FString(fparts), l, r))
}

fn ferr(msg: impl Into<String>, at: usize, len: usize) -> UserError {
    UserError {
        kind: "SyntaxError",
        msg: msg.into(),
        span: Span::new(at, at + len.max(1)),
    }
}

/// Splits the body of an f-string (or of a nested format spec) into literal text and fields.
/// `at` is the absolute byte offset of `body` in the source.
fn parse_fstring(body: &str, at: usize, raw: bool, depth: usize) -> Result<Vec<FPart>, UserError> {
    if depth > 1 {
        return Err(ferr("f-string: expressions nested too deeply", at, 1));
    }
    let b = body.as_bytes();
    let mut out: Vec<FPart> = Vec::new();
    let mut lit = String::new();
    let mut lit_start = 0;
    let mut i = 0;
    let flush = |lit: &mut String, out: &mut Vec<FPart>, start: usize| -> Result<(), UserError> {
        if !lit.is_empty() {
            let text = if depth == 0 {
                unescape(lit, raw).map_err(|(p, m)| ferr(m, at + start + p, 2))?
            } else {
                lit.clone()
            };
            out.push(FPart::Lit(Rc::from(text.as_str())));
            lit.clear();
        }
        Ok(())
    };
    while i < b.len() {
        let c = b[i];
        if c == b'{' && b.get(i + 1) == Some(&b'{') {
            lit.push('{');
            i += 2;
            continue;
        }
        if c == b'}' {
            if b.get(i + 1) == Some(&b'}') {
                lit.push('}');
                i += 2;
                continue;
            }
            return Err(ferr("f-string: single '}' is not allowed", at + i, 1));
        }
        if c != b'{' {
            let ch = body[i..].chars().next().unwrap_or(' ');
            if lit.is_empty() {
                lit_start = i;
            }
            lit.push(ch);
            i += ch.len_utf8();
            continue;
        }
        flush(&mut lit, &mut out, lit_start)?;
        // A replacement field: find the end of the expression.
        let expr_start = i + 1;
        let mut j = expr_start;
        let mut nest: Vec<u8> = Vec::new();
        let mut quote: Option<u8> = None;
        let mut expr_end = None;
        let mut debug = false;
        while j < b.len() {
            let d = b[j];
            if let Some(q) = quote {
                if d == q {
                    quote = None;
                }
                j += 1;
                continue;
            }
            match d {
                b'\'' | b'"' => quote = Some(d),
                b'(' | b'[' | b'{' => nest.push(d),
                b')' | b']' => {
                    nest.pop();
                }
                b'}' if !nest.is_empty() => {
                    nest.pop();
                }
                b'\\' => {
                    return Err(ferr(
                        "f-string expression part cannot include a backslash",
                        at + j,
                        1,
                    ));
                }
                b'#' => {
                    return Err(ferr(
                        "f-string expression part cannot include '#'",
                        at + j,
                        1,
                    ));
                }
                b'}' | b':' if nest.is_empty() => {
                    expr_end = Some(j);
                    break;
                }
                b'!' if nest.is_empty() && b.get(j + 1) != Some(&b'=') => {
                    expr_end = Some(j);
                    break;
                }
                b'=' if nest.is_empty()
                    && b.get(j + 1) != Some(&b'=')
                    && !matches!(b.get(j.wrapping_sub(1)), Some(b'=' | b'!' | b'<' | b'>')) =>
                {
                    debug = true;
                    expr_end = Some(j);
                    break;
                }
                _ => {}
            }
            j += 1;
        }
        let Some(mut e_end) = expr_end else {
            return Err(ferr("f-string: expecting '}'", at + i, 1));
        };
        let text = &body[expr_start..e_end];
        if text.trim().is_empty() {
            return Err(ferr("f-string: empty expression not allowed", at + i, 1));
        }
        let parsed = super::parse_expr_at(text, at + expr_start).map_err(|e| UserError {
            kind: "SyntaxError",
            msg: format!("f-string: {}", e.msg),
            span: e.span,
        })?;
        let mut debug_text = None;
        if debug {
            e_end += 1;
            let mut k = e_end;
            while k < b.len() && (b[k] == b' ') {
                k += 1;
            }
            debug_text = Some(Rc::from(&body[expr_start..k]));
            e_end = k;
        }
        let mut k = e_end;
        let mut conversion = None;
        if b.get(k) == Some(&b'!') {
            match b.get(k + 1) {
                Some(&cv @ (b's' | b'r' | b'a')) => conversion = Some(cv as char),
                _ => {
                    return Err(ferr(
                        "f-string: invalid conversion character: expected 's', 'r', or 'a'",
                        at + k,
                        2,
                    ));
                }
            }
            k += 2;
        }
        let mut spec = Vec::new();
        if b.get(k) == Some(&b':') {
            let spec_start = k + 1;
            let mut m = spec_start;
            let mut level = 0;
            while m < b.len() {
                match b[m] {
                    b'{' => level += 1,
                    b'}' if level == 0 => break,
                    b'}' => level -= 1,
                    _ => {}
                }
                m += 1;
            }
            if m >= b.len() {
                return Err(ferr("f-string: expecting '}'", at + i, 1));
            }
            spec = parse_fstring(&body[spec_start..m], at + spec_start, raw, depth + 1)?;
            k = m;
        }
        if b.get(k) != Some(&b'}') {
            return Err(ferr("f-string: expecting '}'", at + i, 1));
        }
        if debug_text.is_some() && conversion.is_none() && spec.is_empty() {
            conversion = Some('r');
        }
        out.push(FPart::Field {
            expr: Box::new(parsed),
            debug_text,
            conversion,
            spec,
        });
        i = k + 1;
    }
    flush(&mut lit, &mut out, lit_start)?;
    Ok(out)
}
