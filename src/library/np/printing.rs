//! Printing arrays and NumPy scalars from the interpreter: the session's print options
//! (`np.set_printoptions`, `np.get_printoptions`, `with np.printoptions(...)`),
//! `repr`/`str` of arrays and scalars, `np.array2string`, `np.array_repr`, `np.array_str`,
//! `np.format_float_positional` and `np.format_float_scientific`.

use super::args::{Bound, bind};
use super::convert::{to_array, to_i64};
use super::{NativeBox, NativeObj};
use crate::array::{DType, NdArray, Scalar};
use crate::eval::Interp;
use crate::eval::exceptions::{Exc, ExcType, PResult, raise, type_error, value_error};
use crate::eval::value::{Args, Builtin, Value};
use crate::print::numpy::{
    self as np_print, ElemSource, FloatMode, PElem, PFloat, PositionalArgs, PrintOptions,
    ScientificArgs, SignMode, Trim,
};
use std::cell::RefCell;

thread_local! {
    static OPTIONS: RefCell<PrintOptions> = RefCell::new(PrintOptions::default());
}

/// The print options in force.
pub fn options() -> PrintOptions {
    OPTIONS.with(|o| o.borrow().clone())
}

fn set_options(p: PrintOptions) {
    OPTIONS.with(|o| *o.borrow_mut() = p);
}

/// A runtime scalar as the printing layer's element.
pub fn pelem(s: Scalar) -> PElem {
    match s {
        Scalar::Bool(b) => PElem::Bool(b),
        Scalar::I8(v) => PElem::Int(v as i64),
        Scalar::I16(v) => PElem::Int(v as i64),
        Scalar::I32(v) => PElem::Int(v as i64),
        Scalar::I64(v) => PElem::Int(v),
        Scalar::U8(v) => PElem::UInt(v as u64),
        Scalar::U16(v) => PElem::UInt(v as u64),
        Scalar::U32(v) => PElem::UInt(v as u64),
        Scalar::U64(v) => PElem::UInt(v),
        Scalar::F16(v) => PElem::F16(v.to_bits()),
        Scalar::F32(v) => PElem::F32(v),
        Scalar::F64(v) => PElem::F64(v),
        Scalar::C64(c) => PElem::C64(c.re, c.im),
        Scalar::C128(c) => PElem::C128(c.re, c.im),
    }
}

/// An array seen by the printer.
struct Src<'a>(&'a NdArray);

impl ElemSource for Src<'_> {
    fn shape(&self) -> &[usize] {
        self.0.shape()
    }
    fn get(&self, index: &[usize]) -> PElem {
        pelem(self.0.get(index).unwrap_or(Scalar::Bool(false)))
    }
}

fn print_exc(e: np_print::PrintError) -> Box<Exc> {
    let ty = match e.kind {
        np_print::PrintErrorKind::ValueError => ExcType::ValueError,
        np_print::PrintErrorKind::TypeError => ExcType::TypeError,
        np_print::PrintErrorKind::RuntimeError => ExcType::RuntimeError,
    };
    Exc::new(ty, e.message)
}

/// Whether `repr` leaves out `dtype=` for this dtype.
fn is_default_dtype(d: DType) -> bool {
    matches!(
        d,
        DType::Float64 | DType::Int64 | DType::Complex128 | DType::Bool
    )
}

/// `repr(a)`.
pub fn array_repr(a: &NdArray) -> PResult<String> {
    np_print::array_repr(
        &Src(a),
        &options(),
        a.dtype.name(),
        is_default_dtype(a.dtype),
    )
    .map_err(print_exc)
}

/// `str(a)`.
pub fn array_str(a: &NdArray) -> PResult<String> {
    np_print::array_str(&Src(a), &options()).map_err(print_exc)
}

/// `repr(np.float64(3.0))` → `np.float64(3.0)`.
pub fn scalar_repr(s: Scalar) -> String {
    np_print::scalar::scalar_repr_as(pelem(s), s.dtype().name())
}

/// `str(np.float64(3.0))` → `3.0`.
pub fn scalar_str(s: Scalar) -> String {
    np_print::scalar::scalar_str(pelem(s))
}

fn opt_usize(b: &Bound, i: usize, name: &str) -> PResult<Option<usize>> {
    match b.get(i) {
        None => Ok(None),
        Some(v) => {
            let n = match v {
                Value::Float(x) if x.is_infinite() && *x > 0.0 => return Ok(Some(usize::MAX)),
                Value::Float(x) if x.fract() == 0.0 => *x as i64,
                Value::Float(_) => return type_error(format!("{name} must be an integer")),
                v => to_i64(v)?,
            };
            if n < 0 {
                return value_error(format!("{name} must be >= 0"));
            }
            Ok(Some(n as usize))
        }
    }
}

const OPTION_NAMES: &[&str] = &[
    "precision",
    "threshold",
    "edgeitems",
    "linewidth",
    "suppress",
    "nanstr",
    "infstr",
    "formatter",
    "sign",
    "floatmode",
    "legacy",
    "override_repr",
];

/// Applies the options given in `b` (bound to [`OPTION_NAMES`]) on top of `p`.
fn apply_options(it: &mut Interp, b: &Bound, mut p: PrintOptions) -> PResult<PrintOptions> {
    if let Some(n) = opt_usize(b, 0, "precision")? {
        p.precision = n;
    }
    if let Some(n) = opt_usize(b, 1, "threshold")? {
        p.threshold = n;
    }
    if let Some(n) = opt_usize(b, 2, "edgeitems")? {
        p.edgeitems = n;
    }
    if let Some(n) = opt_usize(b, 3, "linewidth")? {
        p.linewidth = n;
    }
    if let Some(v) = b.get(4) {
        p.suppress = it.truthy(v)?;
    }
    if let Some(v) = b.get(5) {
        p.nanstr = it.to_str(v)?;
    }
    if let Some(v) = b.get(6) {
        p.infstr = it.to_str(v)?;
    }
    if b.get(7).is_some() {
        return type_error("numpyx does not support the formatter print option (yet)");
    }
    if let Some(v) = b.get(8) {
        let s = it.to_str(v)?;
        p.sign = match SignMode::parse(&s) {
            Some(m) => m,
            None => {
                return value_error("sign option must be one of ' ', '+', or '-'".to_string());
            }
        };
    }
    if let Some(v) = b.get(9) {
        let s = it.to_str(v)?;
        p.floatmode = match FloatMode::parse(&s) {
            Some(m) => m,
            None => {
                return value_error(
                    "floatmode option must be one of 'fixed', 'unique', 'maxprec', or 'maxprec_equal'",
                );
            }
        };
    }
    if let Some(v) = b.get(10)
        && !matches!(v, Value::Bool(false))
    {
        return type_error("numpyx does not support legacy printing modes");
    }
    if b.get(11).is_some() {
        return type_error("numpyx does not support override_repr");
    }
    Ok(p)
}

fn np_set_printoptions(it: &mut Interp, a: Args) -> PResult<Value> {
    let b = bind("set_printoptions", a, OPTION_NAMES, 0)?;
    let p = apply_options(it, &b, options())?;
    set_options(p);
    Ok(Value::None)
}

/// `np.get_printoptions()` as NumPy's dict.
fn options_dict(p: &PrintOptions) -> PResult<Value> {
    let mut d = crate::eval::value::Dict::new();
    let mut put = |k: &str, v: Value| -> PResult<()> {
        d.insert(crate::eval::ops::make_key(Value::str(k))?, v);
        Ok(())
    };
    put("edgeitems", Value::Int(p.edgeitems as i64))?;
    put("threshold", int_or_inf(p.threshold))?;
    put("floatmode", Value::str(p.floatmode.name()))?;
    put("precision", Value::Int(p.precision as i64))?;
    put("suppress", Value::Bool(p.suppress))?;
    put("linewidth", Value::Int(p.linewidth as i64))?;
    put("nanstr", Value::str(&p.nanstr))?;
    put("infstr", Value::str(&p.infstr))?;
    put("sign", Value::str(p.sign.code()))?;
    put("formatter", Value::None)?;
    put("legacy", Value::Bool(false))?;
    put("override_repr", Value::None)?;
    Ok(Value::Dict(std::rc::Rc::new(RefCell::new(d))))
}

fn int_or_inf(n: usize) -> Value {
    if n == usize::MAX {
        Value::Float(f64::INFINITY)
    } else {
        Value::Int(n as i64)
    }
}

fn np_get_printoptions(_: &mut Interp, a: Args) -> PResult<Value> {
    a.expect("get_printoptions", 0, 0)?;
    options_dict(&options())
}

/// `with np.printoptions(...)`: sets the options on entry, restores them on exit.
#[derive(Debug)]
struct PrintOptionsCtx {
    new: PrintOptions,
    saved: RefCell<Option<PrintOptions>>,
}

impl NativeObj for PrintOptionsCtx {
    fn type_name(&self) -> &'static str {
        "_GeneratorContextManager"
    }
    fn repr(&self, _: &mut Interp) -> PResult<String> {
        Ok("<contextlib._GeneratorContextManager object>".to_string())
    }
    fn call_method(
        &self,
        _: &mut Interp,
        _: &Value,
        name: &str,
        _: Args,
    ) -> PResult<Option<Value>> {
        match name {
            "__enter__" => {
                *self.saved.borrow_mut() = Some(options());
                set_options(self.new.clone());
                Ok(Some(options_dict(&self.new)?))
            }
            "__exit__" => {
                if let Some(p) = self.saved.borrow_mut().take() {
                    set_options(p);
                }
                Ok(Some(Value::Bool(false)))
            }
            _ => Ok(None),
        }
    }
}

fn np_printoptions(it: &mut Interp, a: Args) -> PResult<Value> {
    let b = bind("printoptions", a, OPTION_NAMES, 0)?;
    let new = apply_options(it, &b, options())?;
    Ok(NativeBox::value(PrintOptionsCtx {
        new,
        saved: RefCell::new(None),
    }))
}

fn np_array2string(it: &mut Interp, a: Args) -> PResult<Value> {
    let mut names = vec![
        "a",
        "max_line_width",
        "precision",
        "suppress_small",
        "separator",
        "prefix",
    ];
    names.extend_from_slice(&[
        "formatter",
        "threshold",
        "edgeitems",
        "sign",
        "floatmode",
        "suffix",
        "legacy",
    ]);
    let b = bind("array2string", a, &names, 1)?;
    let arr = to_array(b.req(0))?;
    let mut p = options();
    if let Some(n) = opt_usize(&b, 2, "precision")? {
        p.precision = n;
    }
    if let Some(v) = b.get(3) {
        p.suppress = it.truthy(v)?;
    }
    if b.get(6).is_some() {
        return type_error("numpyx does not support the formatter argument (yet)");
    }
    if let Some(n) = opt_usize(&b, 7, "threshold")? {
        p.threshold = n;
    }
    if let Some(n) = opt_usize(&b, 8, "edgeitems")? {
        p.edgeitems = n;
    }
    if let Some(v) = b.get(9) {
        let s = it.to_str(v)?;
        p.sign = SignMode::parse(&s).ok_or_else(|| {
            Exc::new(
                ExcType::ValueError,
                "sign option must be one of ' ', '+', or '-'",
            )
        })?;
    }
    if let Some(v) = b.get(10) {
        let s = it.to_str(v)?;
        p.floatmode = FloatMode::parse(&s).ok_or_else(|| {
            Exc::new(
                ExcType::ValueError,
                "floatmode option must be one of 'fixed', 'unique', 'maxprec', or 'maxprec_equal'",
            )
        })?;
    }
    let separator = match b.get(4) {
        Some(v) => it.to_str(v)?,
        None => " ".to_string(),
    };
    let prefix = match b.get(5) {
        Some(v) => it.to_str(v)?,
        None => String::new(),
    };
    let suffix = match b.get(11) {
        Some(v) => it.to_str(v)?,
        None => String::new(),
    };
    let width = opt_usize(&b, 1, "max_line_width")?;
    let s = np_print::array2string(&Src(&arr), &p, &separator, &prefix, &suffix, width)
        .map_err(print_exc)?;
    Ok(Value::str(&s))
}

fn np_array_repr(it: &mut Interp, a: Args) -> PResult<Value> {
    let b = bind(
        "array_repr",
        a,
        &["arr", "max_line_width", "precision", "suppress_small"],
        1,
    )?;
    let arr = to_array(b.req(0))?;
    let mut p = options();
    if let Some(n) = opt_usize(&b, 1, "max_line_width")? {
        p.linewidth = n;
    }
    if let Some(n) = opt_usize(&b, 2, "precision")? {
        p.precision = n;
    }
    if let Some(v) = b.get(3) {
        p.suppress = it.truthy(v)?;
    }
    let s = np_print::array_repr(
        &Src(&arr),
        &p,
        arr.dtype.name(),
        is_default_dtype(arr.dtype),
    )
    .map_err(print_exc)?;
    Ok(Value::str(&s))
}

fn np_array_str(it: &mut Interp, a: Args) -> PResult<Value> {
    let b = bind(
        "array_str",
        a,
        &["a", "max_line_width", "precision", "suppress_small"],
        1,
    )?;
    let arr = to_array(b.req(0))?;
    let mut p = options();
    if let Some(n) = opt_usize(&b, 1, "max_line_width")? {
        p.linewidth = n;
    }
    if let Some(n) = opt_usize(&b, 2, "precision")? {
        p.precision = n;
    }
    if let Some(v) = b.get(3) {
        p.suppress = it.truthy(v)?;
    }
    let s = np_print::array_str(&Src(&arr), &p).map_err(print_exc)?;
    Ok(Value::str(&s))
}

/// A float argument of `format_float_*` with its own type's digits.
fn pfloat(v: &Value) -> PResult<PFloat> {
    match v {
        Value::Float(x) => Ok(PFloat::F64(*x)),
        Value::Int(i) => Ok(PFloat::F64(*i as f64)),
        Value::NpScalar(s) => match **s {
            Scalar::F16(h) => Ok(PFloat::F16(h.to_bits())),
            Scalar::F32(f) => Ok(PFloat::F32(f)),
            Scalar::F64(f) => Ok(PFloat::F64(f)),
            _ => type_error("not a float"),
        },
        _ => type_error("not a float"),
    }
}

fn trim_arg(it: &mut Interp, v: Option<&Value>) -> PResult<Trim> {
    match v {
        None => Ok(Trim::Keep),
        Some(v) => {
            let s = it.to_str(v)?;
            Trim::parse(&s).ok_or_else(|| {
                Exc::new(
                    ExcType::ValueError,
                    "trim must be one of 'k', '.', '0' or '-'",
                )
            })
        }
    }
}

fn opt_precision(b: &Bound, i: usize) -> PResult<Option<usize>> {
    match b.get(i) {
        None => Ok(None),
        Some(v) => {
            let n = to_i64(v)?;
            if n < 0 {
                return value_error("precision must be >= 0");
            }
            Ok(Some(n as usize))
        }
    }
}

fn opt_pad(b: &Bound, i: usize) -> PResult<Option<usize>> {
    match b.get(i) {
        None => Ok(None),
        Some(v) => Ok(Some(to_i64(v)?.max(0) as usize)),
    }
}

fn np_format_float_positional(it: &mut Interp, a: Args) -> PResult<Value> {
    let b = bind(
        "format_float_positional",
        a,
        &[
            "x",
            "precision",
            "unique",
            "fractional",
            "trim",
            "sign",
            "pad_left",
            "pad_right",
            "min_digits",
        ],
        1,
    )?;
    let x = pfloat(b.req(0))?;
    let mut args = PositionalArgs {
        precision: opt_precision(&b, 1)?,
        ..Default::default()
    };
    if let Some(v) = b.get(2) {
        args.unique = it.truthy(v)?;
    }
    if let Some(v) = b.get(3) {
        args.fractional = it.truthy(v)?;
    }
    args.trim = trim_arg(it, b.get(4))?;
    if let Some(v) = b.get(5) {
        args.sign = it.truthy(v)?;
    }
    args.pad_left = opt_pad(&b, 6)?;
    args.pad_right = opt_pad(&b, 7)?;
    args.min_digits = opt_pad(&b, 8)?;
    if !args.unique && args.precision.is_none() {
        return value_error("precision must be provided when unique is False");
    }
    let s = np_print::format_float_positional(x, &args).map_err(print_exc)?;
    Ok(Value::str(&s))
}

fn np_format_float_scientific(it: &mut Interp, a: Args) -> PResult<Value> {
    let b = bind(
        "format_float_scientific",
        a,
        &[
            "x",
            "precision",
            "unique",
            "trim",
            "sign",
            "pad_left",
            "exp_digits",
            "min_digits",
        ],
        1,
    )?;
    let x = pfloat(b.req(0))?;
    let mut args = ScientificArgs {
        precision: opt_precision(&b, 1)?,
        ..Default::default()
    };
    if let Some(v) = b.get(2) {
        args.unique = it.truthy(v)?;
    }
    args.trim = trim_arg(it, b.get(3))?;
    if let Some(v) = b.get(4) {
        args.sign = it.truthy(v)?;
    }
    args.pad_left = opt_pad(&b, 5)?;
    args.exp_digits = opt_pad(&b, 6)?;
    args.min_digits = opt_pad(&b, 7)?;
    if !args.unique && args.precision.is_none() {
        return value_error("precision must be provided when unique is False");
    }
    let s = np_print::format_float_scientific(x, &args).map_err(print_exc)?;
    Ok(Value::str(&s))
}

/// `raise` helper kept for symmetry with the other modules.
#[allow(dead_code)]
fn unsupported<T>(what: &str) -> PResult<T> {
    raise(
        ExcType::TypeError,
        format!("numpyx does not support {what}"),
    )
}

pub static FUNCS: &[Builtin] = &[
    Builtin {
        name: "set_printoptions",
        module: "numpy",
        sig: "set_printoptions(precision=None, threshold=None, edgeitems=None, linewidth=None, suppress=None, nanstr=None, infstr=None, formatter=None, sign=None, floatmode=None, *, legacy=None, override_repr=None)",
        doc: "Set printing options: how floating point numbers, arrays and other NumPy objects are displayed.",
        f: np_set_printoptions,
    },
    Builtin {
        name: "get_printoptions",
        module: "numpy",
        sig: "get_printoptions()",
        doc: "Return the current print options as a dictionary.",
        f: np_get_printoptions,
    },
    Builtin {
        name: "printoptions",
        module: "numpy",
        sig: "printoptions(*args, **kwargs)",
        doc: "Context manager for setting print options: `with np.printoptions(precision=3): print(a)`.",
        f: np_printoptions,
    },
    Builtin {
        name: "array2string",
        module: "numpy",
        sig: "array2string(a, max_line_width=None, precision=None, suppress_small=None, separator=' ', prefix='', formatter=None, threshold=None, edgeitems=None, sign=None, floatmode=None, suffix='')",
        doc: "Return a string representation of an array.",
        f: np_array2string,
    },
    Builtin {
        name: "array_repr",
        module: "numpy",
        sig: "array_repr(arr, max_line_width=None, precision=None, suppress_small=None)",
        doc: "Return the string representation of an array (what repr() gives).",
        f: np_array_repr,
    },
    Builtin {
        name: "array_str",
        module: "numpy",
        sig: "array_str(a, max_line_width=None, precision=None, suppress_small=None)",
        doc: "Return a string representation of the data in an array (what print() shows).",
        f: np_array_str,
    },
    Builtin {
        name: "format_float_positional",
        module: "numpy",
        sig: "format_float_positional(x, precision=None, unique=True, fractional=True, trim='k', sign=False, pad_left=None, pad_right=None, min_digits=None)",
        doc: "Format a floating-point scalar as a decimal string in positional notation.",
        f: np_format_float_positional,
    },
    Builtin {
        name: "format_float_scientific",
        module: "numpy",
        sig: "format_float_scientific(x, precision=None, unique=True, trim='k', sign=False, pad_left=None, exp_digits=None, min_digits=None)",
        doc: "Format a floating-point scalar as a decimal string in scientific notation.",
        f: np_format_float_scientific,
    },
];
