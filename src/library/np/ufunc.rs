//! Universal functions as values (`np.add`, `np.sqrt`, ...): elementwise math with
//! NumPy's output dtypes, the ufunc methods (`reduce`, `accumulate`, `outer`, `at`) and
//! `out=`/`where=`/`dtype=`, and the comparison helpers (`np.allclose`, `np.isclose`, ...).
//!
//! Loop selection follows NumPy: each ufunc has its list of loops (`np.add.types`, less the
//! long double, object and datetime ones); Python scalars are weak (they take the dtype
//! that NEP 50 promotion gives them next to the other operands), and the first loop to
//! which every input casts safely is used.

use super::args::bind;
use super::convert::{Operand, operand_kind, to_array, to_dtype};
use super::{ArrayObj, NativeBox, NativeObj, OrExc, arith, warnings};
use crate::array::view::broadcast_shapes;
use crate::array::{Casting, DType, NdArray, Order, Scalar, Weak, dtype};
use crate::eval::Interp;
use crate::eval::exceptions::{Exc, ExcType, PResult, raise, type_error};
use crate::eval::value::{Args, Builtin, Value};
use crate::kernels::FpFlags;
use crate::kernels::binary::{BinKind, binary};
use crate::kernels::math::{Un, unary_math};
use std::rc::Rc;

/// What a ufunc computes.
#[derive(Copy, Clone, Debug, PartialEq)]
pub enum Op {
    Bin(BinKind),
    Un(Un),
}

/// A ufunc's identity (`np.add.identity`).
#[derive(Copy, Clone, Debug, PartialEq)]
pub enum Identity {
    None,
    Int(i64),
    Bool(bool),
    NegInf,
}

/// One ufunc: NumPy's name, arity, identity, loops and operation.
#[derive(Debug)]
pub struct UfDef {
    pub name: &'static str,
    pub nin: usize,
    pub identity: Identity,
    /// Loops as NumPy lists them (`"bb->b ee->e ..."`).
    pub types: &'static str,
    pub op: Op,
}

const INTS: &str = "bb->b BB->B hh->h HH->H ii->i II->I ll->l LL->L";
macro_rules! uf {
    ($name:expr, $nin:expr, $id:expr, $types:expr, $op:expr) => {
        UfDef {
            name: $name,
            nin: $nin,
            identity: $id,
            types: $types,
            op: $op,
        }
    };
}

use BinKind as B;
use Identity as I;

const ARITH2: &str =
    "??->? bb->b BB->B hh->h HH->H ii->i II->I ll->l LL->L ee->e ff->f dd->d FF->F DD->D";
const ARITH2_NOBOOL: &str =
    "bb->b BB->B hh->h HH->H ii->i II->I ll->l LL->L ee->e ff->f dd->d FF->F DD->D";
const INTFLT2: &str = "bb->b BB->B hh->h HH->H ii->i II->I ll->l LL->L ee->e ff->f dd->d";
const CMP2: &str =
    "??->? bb->? BB->? hh->? HH->? ii->? II->? ll->? LL->? ee->? ff->? dd->? FF->? DD->?";
const BITS2: &str = "??->? bb->b BB->B hh->h HH->H ii->i II->I ll->l LL->L";
const FLT2: &str = "ee->e ff->f dd->d";
const FLT1C: &str = "e->e f->f d->d F->F D->D";
const FLT1: &str = "e->e f->f d->d";
const NUM1: &str = "b->b B->B h->h H->H i->i I->I l->l L->L e->e f->f d->d F->F D->D";
const ROUND1: &str = "?->? b->b B->B h->h H->H i->i I->I l->l L->L e->e f->f d->d";
const PRED1: &str = "?->? b->? B->? h->? H->? i->? I->? l->? L->? e->? f->? d->? F->? D->?";

/// Every ufunc of the module, by the attribute name scripts use.
pub static UFUNCS: &[(&str, UfDef)] = &[
    ("add", uf!("add", 2, I::Int(0), ARITH2, Op::Bin(B::Add))),
    (
        "subtract",
        uf!("subtract", 2, I::None, ARITH2_NOBOOL, Op::Bin(B::Sub)),
    ),
    (
        "multiply",
        uf!("multiply", 2, I::Int(1), ARITH2, Op::Bin(B::Mul)),
    ),
    (
        "divide",
        uf!(
            "divide",
            2,
            I::None,
            "ee->e ff->f dd->d FF->F DD->D",
            Op::Bin(B::Div)
        ),
    ),
    (
        "true_divide",
        uf!(
            "divide",
            2,
            I::None,
            "ee->e ff->f dd->d FF->F DD->D",
            Op::Bin(B::Div)
        ),
    ),
    (
        "floor_divide",
        uf!("floor_divide", 2, I::None, INTFLT2, Op::Bin(B::FloorDiv)),
    ),
    (
        "mod",
        uf!("remainder", 2, I::None, INTFLT2, Op::Bin(B::Mod)),
    ),
    (
        "remainder",
        uf!("remainder", 2, I::None, INTFLT2, Op::Bin(B::Mod)),
    ),
    ("fmod", uf!("fmod", 2, I::None, INTFLT2, Op::Bin(B::Fmod))),
    (
        "power",
        uf!("power", 2, I::None, ARITH2_NOBOOL, Op::Bin(B::Pow)),
    ),
    (
        "float_power",
        uf!("float_power", 2, I::None, "dd->d DD->D", Op::Bin(B::Pow)),
    ),
    (
        "negative",
        uf!("negative", 1, I::None, NUM1, Op::Un(Un::Neg)),
    ),
    (
        "positive",
        uf!("positive", 1, I::None, NUM1, Op::Un(Un::Pos)),
    ),
    (
        "reciprocal",
        uf!("reciprocal", 1, I::None, NUM1, Op::Un(Un::Reciprocal)),
    ),
    (
        "absolute",
        uf!(
            "absolute",
            1,
            I::None,
            "?->? b->b B->B h->h H->H i->i I->I l->l L->L e->e f->f d->d F->f D->d",
            Op::Un(Un::Abs)
        ),
    ),
    (
        "abs",
        uf!(
            "absolute",
            1,
            I::None,
            "?->? b->b B->B h->h H->H i->i I->I l->l L->L e->e f->f d->d F->f D->d",
            Op::Un(Un::Abs)
        ),
    ),
    ("equal", uf!("equal", 2, I::None, CMP2, Op::Bin(B::Eq))),
    (
        "not_equal",
        uf!("not_equal", 2, I::None, CMP2, Op::Bin(B::Ne)),
    ),
    ("less", uf!("less", 2, I::None, CMP2, Op::Bin(B::Lt))),
    (
        "less_equal",
        uf!("less_equal", 2, I::None, CMP2, Op::Bin(B::Le)),
    ),
    ("greater", uf!("greater", 2, I::None, CMP2, Op::Bin(B::Gt))),
    (
        "greater_equal",
        uf!("greater_equal", 2, I::None, CMP2, Op::Bin(B::Ge)),
    ),
    (
        "logical_and",
        uf!(
            "logical_and",
            2,
            I::Bool(true),
            CMP2,
            Op::Bin(B::LogicalAnd)
        ),
    ),
    (
        "logical_or",
        uf!("logical_or", 2, I::Bool(false), CMP2, Op::Bin(B::LogicalOr)),
    ),
    (
        "logical_xor",
        uf!(
            "logical_xor",
            2,
            I::Bool(false),
            CMP2,
            Op::Bin(B::LogicalXor)
        ),
    ),
    (
        "logical_not",
        uf!("logical_not", 1, I::None, PRED1, Op::Un(Un::LogicalNot)),
    ),
    (
        "bitwise_and",
        uf!("bitwise_and", 2, I::Int(-1), BITS2, Op::Bin(B::And)),
    ),
    (
        "bitwise_or",
        uf!("bitwise_or", 2, I::Int(0), BITS2, Op::Bin(B::Or)),
    ),
    (
        "bitwise_xor",
        uf!("bitwise_xor", 2, I::Int(0), BITS2, Op::Bin(B::Xor)),
    ),
    (
        "invert",
        uf!(
            "invert",
            1,
            I::None,
            "?->? b->b B->B h->h H->H i->i I->I l->l L->L",
            Op::Un(Un::Invert)
        ),
    ),
    (
        "bitwise_not",
        uf!(
            "invert",
            1,
            I::None,
            "?->? b->b B->B h->h H->H i->i I->I l->l L->L",
            Op::Un(Un::Invert)
        ),
    ),
    (
        "bitwise_invert",
        uf!(
            "invert",
            1,
            I::None,
            "?->? b->b B->B h->h H->H i->i I->I l->l L->L",
            Op::Un(Un::Invert)
        ),
    ),
    (
        "left_shift",
        uf!("left_shift", 2, I::None, INTS, Op::Bin(B::Shl)),
    ),
    (
        "right_shift",
        uf!("right_shift", 2, I::None, INTS, Op::Bin(B::Shr)),
    ),
    (
        "bitwise_left_shift",
        uf!("left_shift", 2, I::None, INTS, Op::Bin(B::Shl)),
    ),
    (
        "bitwise_right_shift",
        uf!("right_shift", 2, I::None, INTS, Op::Bin(B::Shr)),
    ),
    ("sqrt", uf!("sqrt", 1, I::None, FLT1C, Op::Un(Un::Sqrt))),
    ("cbrt", uf!("cbrt", 1, I::None, FLT1, Op::Un(Un::Cbrt))),
    (
        "square",
        uf!("square", 1, I::None, NUM1, Op::Un(Un::Square)),
    ),
    ("exp", uf!("exp", 1, I::None, FLT1C, Op::Un(Un::Exp))),
    ("exp2", uf!("exp2", 1, I::None, FLT1C, Op::Un(Un::Exp2))),
    ("expm1", uf!("expm1", 1, I::None, FLT1C, Op::Un(Un::Expm1))),
    ("log", uf!("log", 1, I::None, FLT1C, Op::Un(Un::Log))),
    ("log2", uf!("log2", 1, I::None, FLT1C, Op::Un(Un::Log2))),
    ("log10", uf!("log10", 1, I::None, FLT1C, Op::Un(Un::Log10))),
    ("log1p", uf!("log1p", 1, I::None, FLT1C, Op::Un(Un::Log1p))),
    ("sin", uf!("sin", 1, I::None, FLT1C, Op::Un(Un::Sin))),
    ("cos", uf!("cos", 1, I::None, FLT1C, Op::Un(Un::Cos))),
    ("tan", uf!("tan", 1, I::None, FLT1C, Op::Un(Un::Tan))),
    (
        "arcsin",
        uf!("arcsin", 1, I::None, FLT1C, Op::Un(Un::Arcsin)),
    ),
    (
        "arccos",
        uf!("arccos", 1, I::None, FLT1C, Op::Un(Un::Arccos)),
    ),
    (
        "arctan",
        uf!("arctan", 1, I::None, FLT1C, Op::Un(Un::Arctan)),
    ),
    ("asin", uf!("arcsin", 1, I::None, FLT1C, Op::Un(Un::Arcsin))),
    ("acos", uf!("arccos", 1, I::None, FLT1C, Op::Un(Un::Arccos))),
    ("atan", uf!("arctan", 1, I::None, FLT1C, Op::Un(Un::Arctan))),
    ("sinh", uf!("sinh", 1, I::None, FLT1C, Op::Un(Un::Sinh))),
    ("cosh", uf!("cosh", 1, I::None, FLT1C, Op::Un(Un::Cosh))),
    ("tanh", uf!("tanh", 1, I::None, FLT1C, Op::Un(Un::Tanh))),
    (
        "arcsinh",
        uf!("arcsinh", 1, I::None, FLT1C, Op::Un(Un::Arcsinh)),
    ),
    (
        "arccosh",
        uf!("arccosh", 1, I::None, FLT1C, Op::Un(Un::Arccosh)),
    ),
    (
        "arctanh",
        uf!("arctanh", 1, I::None, FLT1C, Op::Un(Un::Arctanh)),
    ),
    (
        "asinh",
        uf!("arcsinh", 1, I::None, FLT1C, Op::Un(Un::Arcsinh)),
    ),
    (
        "acosh",
        uf!("arccosh", 1, I::None, FLT1C, Op::Un(Un::Arccosh)),
    ),
    (
        "atanh",
        uf!("arctanh", 1, I::None, FLT1C, Op::Un(Un::Arctanh)),
    ),
    (
        "arctan2",
        uf!("arctan2", 2, I::None, FLT2, Op::Bin(B::Arctan2)),
    ),
    (
        "atan2",
        uf!("arctan2", 2, I::None, FLT2, Op::Bin(B::Arctan2)),
    ),
    ("hypot", uf!("hypot", 2, I::Int(0), FLT2, Op::Bin(B::Hypot))),
    (
        "degrees",
        uf!("degrees", 1, I::None, FLT1, Op::Un(Un::Rad2deg)),
    ),
    (
        "radians",
        uf!("radians", 1, I::None, FLT1, Op::Un(Un::Deg2rad)),
    ),
    (
        "deg2rad",
        uf!("deg2rad", 1, I::None, FLT1, Op::Un(Un::Deg2rad)),
    ),
    (
        "rad2deg",
        uf!("rad2deg", 1, I::None, FLT1, Op::Un(Un::Rad2deg)),
    ),
    ("sign", uf!("sign", 1, I::None, NUM1, Op::Un(Un::Sign))),
    ("floor", uf!("floor", 1, I::None, ROUND1, Op::Un(Un::Floor))),
    ("ceil", uf!("ceil", 1, I::None, ROUND1, Op::Un(Un::Ceil))),
    ("trunc", uf!("trunc", 1, I::None, ROUND1, Op::Un(Un::Trunc))),
    ("rint", uf!("rint", 1, I::None, FLT1C, Op::Un(Un::Rint))),
    (
        "maximum",
        uf!("maximum", 2, I::None, ARITH2, Op::Bin(B::Max)),
    ),
    (
        "minimum",
        uf!("minimum", 2, I::None, ARITH2, Op::Bin(B::Min)),
    ),
    ("fmax", uf!("fmax", 2, I::None, ARITH2, Op::Bin(B::Fmax))),
    ("fmin", uf!("fmin", 2, I::None, ARITH2, Op::Bin(B::Fmin))),
    ("isnan", uf!("isnan", 1, I::None, PRED1, Op::Un(Un::Isnan))),
    ("isinf", uf!("isinf", 1, I::None, PRED1, Op::Un(Un::Isinf))),
    (
        "isfinite",
        uf!("isfinite", 1, I::None, PRED1, Op::Un(Un::Isfinite)),
    ),
    (
        "signbit",
        uf!("signbit", 1, I::None, "e->? f->? d->?", Op::Un(Un::Signbit)),
    ),
    (
        "copysign",
        uf!("copysign", 2, I::None, FLT2, Op::Bin(B::Copysign)),
    ),
    (
        "nextafter",
        uf!("nextafter", 2, I::None, FLT2, Op::Bin(B::Nextafter)),
    ),
    (
        "spacing",
        uf!("spacing", 1, I::None, FLT1, Op::Un(Un::Spacing)),
    ),
    (
        "heaviside",
        uf!("heaviside", 2, I::None, FLT2, Op::Bin(B::Heaviside)),
    ),
    (
        "logaddexp",
        uf!("logaddexp", 2, I::NegInf, FLT2, Op::Bin(B::Logaddexp)),
    ),
    (
        "logaddexp2",
        uf!("logaddexp2", 2, I::NegInf, FLT2, Op::Bin(B::Logaddexp2)),
    ),
    ("gcd", uf!("gcd", 2, I::Int(0), INTS, Op::Bin(B::Gcd))),
    ("lcm", uf!("lcm", 2, I::None, INTS, Op::Bin(B::Lcm))),
    ("conj", uf!("conjugate", 1, I::None, NUM1, Op::Un(Un::Conj))),
    (
        "conjugate",
        uf!("conjugate", 1, I::None, NUM1, Op::Un(Un::Conj)),
    ),
];

fn code_dtype(c: u8) -> DType {
    match c {
        b'?' => DType::Bool,
        b'b' => DType::Int8,
        b'B' => DType::UInt8,
        b'h' => DType::Int16,
        b'H' => DType::UInt16,
        b'i' => DType::Int32,
        b'I' => DType::UInt32,
        b'l' | b'q' => DType::Int64,
        b'L' | b'Q' => DType::UInt64,
        b'e' => DType::Float16,
        b'f' => DType::Float32,
        b'd' => DType::Float64,
        b'F' => DType::Complex64,
        _ => DType::Complex128,
    }
}

/// The loops of a ufunc as (input dtypes, output dtype).
fn loops(def: &UfDef) -> impl Iterator<Item = (Vec<DType>, DType)> + '_ {
    def.types.split(' ').map(|t| {
        let b = t.as_bytes();
        let ins = b[..def.nin].iter().map(|&c| code_dtype(c)).collect();
        (ins, code_dtype(b[b.len() - 1]))
    })
}

/// `ufunc.types` as NumPy lists them (less the long double / object loops).
fn types_list(def: &UfDef) -> Value {
    Value::list(def.types.split(' ').map(Value::str).collect())
}

/// An input of a ufunc call: an array (strong) or a Python scalar (weak).
pub struct Input {
    pub arr: Option<NdArray>,
    pub weak: Option<(Weak, Value)>,
    /// Not an ndarray (a NumPy or Python scalar): 0-d results become scalars either way.
    pub scalar: bool,
}

/// Converts a call argument.
pub fn input_of(v: &Value) -> PResult<Input> {
    Ok(match operand_kind(v)? {
        Operand::Weak(w) => Input {
            arr: None,
            weak: Some((w, v.clone())),
            scalar: true,
        },
        Operand::Strong(_) => Input {
            scalar: !matches!(v, Value::Array(_)),
            arr: Some(to_array(v)?),
            weak: None,
        },
    })
}

fn no_loop_error(name: &str) -> Box<Exc> {
    Exc::new(
        ExcType::TypeError,
        format!(
            "ufunc '{name}' not supported for the input types, and the inputs could not be safely coerced to any supported types according to the casting rule ''safe''"
        ),
    )
}

/// NumPy's loop for `def` on these inputs: (input dtypes, output dtype).
pub fn resolve(def: &UfDef, ins: &[Input], sig_out: Option<DType>) -> PResult<(Vec<DType>, DType)> {
    let strong: Vec<DType> = ins
        .iter()
        .filter_map(|i| i.arr.as_ref().map(|a| a.dtype))
        .collect();
    let resolved: Vec<DType> = ins
        .iter()
        .map(|i| match (&i.arr, &i.weak) {
            (Some(a), _) => a.dtype,
            (None, Some((w, _))) => dtype::result_type(&strong, &[*w]).unwrap_or(DType::Float64),
            _ => DType::Float64,
        })
        .collect();
    // Special type errors NumPy raises before any loop search.
    if let Op::Bin(B::Sub) = def.op
        && resolved.iter().all(|d| *d == DType::Bool)
        && sig_out.is_none()
    {
        return type_error(
            "numpy boolean subtract, the `-` operator, is not supported, use the bitwise_xor, the `^` operator, or the logical_xor function instead.",
        );
    }
    if let Op::Un(Un::Neg) = def.op
        && resolved[0] == DType::Bool
    {
        return type_error(
            "The numpy boolean negative, the `-` operator, is not supported, use the `~` operator or the logical_not function instead.",
        );
    }
    // gcd and lcm have integer loops only, and these four no bool loop; NumPy casts
    // neither floats down nor bools up for them.
    let no_float = matches!(def.name, "gcd" | "lcm") && resolved.iter().any(|d| d.is_inexact());
    let no_bool = matches!(def.name, "gcd" | "lcm" | "positive" | "sign")
        && resolved.iter().all(|d| *d == DType::Bool);
    if (no_float || no_bool) && sig_out.is_none() {
        let cls: Vec<String> = ins
            .iter()
            .zip(&resolved)
            .map(|(i, d)| match &i.weak {
                Some((Weak::Int, _)) => "<class 'numpy.dtypes._PyLongDType'>".to_string(),
                Some((Weak::Float, _)) => "<class 'numpy.dtypes._PyFloatDType'>".to_string(),
                Some((Weak::Complex, _)) => "<class 'numpy.dtypes._PyComplexDType'>".to_string(),
                None => super::arith::dtype_class_repr(*d),
            })
            .collect();
        return Err(super::arith::no_loop_for(def.name, &cls));
    }
    // True division of integers and bools always runs in float64.
    if def.op == Op::Bin(B::Div)
        && sig_out.is_none()
        && resolved.iter().all(|d| d.is_integer() || d.is_bool())
    {
        return Ok((vec![DType::Float64; def.nin], DType::Float64));
    }
    if let Some(o) = sig_out {
        for (lin, lout) in loops(def) {
            if lout == o
                && resolved
                    .iter()
                    .zip(&lin)
                    .all(|(r, l)| dtype::can_cast(*r, *l, Casting::SameKind))
            {
                return Ok((lin, lout));
            }
        }
        // Otherwise the first loop with that output: the caller then checks the casts of
        // the inputs against the casting rule (NumPy's "Cannot cast ufunc 'add' input 1
        // from dtype('float64') to dtype('int64') ...").
        return loops(def)
            .into_iter()
            .find(|(_, lout)| *lout == o)
            .ok_or_else(|| no_loop_error(def.name));
    }
    for relaxed in [false, true] {
        for (lin, lout) in loops(def) {
            let ok = ins
                .iter()
                .zip(resolved.iter().zip(&lin))
                .all(|(inp, (r, l))| {
                    dtype::can_cast(*r, *l, Casting::Safe)
                        || (relaxed && matches!(inp.weak, Some((Weak::Int, _))) && l.is_integer())
                });
            if ok {
                return Ok((lin, lout));
            }
        }
    }
    Err(no_loop_error(def.name))
}

/// An input as an array of the loop dtype (Python scalars converted with NumPy's checks).
fn in_dtype(i: &Input, dt: DType) -> PResult<NdArray> {
    match (&i.arr, &i.weak) {
        (Some(a), _) => {
            if a.dtype == dt {
                Ok(a.clone())
            } else {
                a.astype(dt, Casting::Unsafe).or_exc()
            }
        }
        (None, Some((_, v))) => {
            let s = match v {
                Value::Int(x) => Scalar::from_py_int(Some(*x as i128), dt).or_exc()?,
                Value::BigInt(b) => {
                    use num_traits::ToPrimitive;
                    Scalar::from_py_int(b.to_i128(), dt).or_exc()?
                }
                Value::Float(x) => Scalar::F64(*x).cast(dt),
                Value::Complex(c) => Scalar::C128(**c).cast(dt),
                _ => return type_error("unsupported operand"),
            };
            NdArray::from_scalar(s).or_exc()
        }
        _ => type_error("unsupported operand"),
    }
}

/// Parsed keyword arguments of a ufunc call.
#[derive(Default)]
pub struct CallOpts {
    pub out: Option<Rc<ArrayObj>>,
    pub where_: Option<NdArray>,
    pub dtype: Option<DType>,
    pub casting: Option<Casting>,
}

fn parse_casting(v: &Value) -> PResult<Casting> {
    match v {
        Value::Str(s) => match Casting::parse(s) {
            Some(c) => Ok(c),
            None => raise(
                ExcType::ValueError,
                "casting must be one of 'no', 'equiv', 'safe', 'same_kind', or 'unsafe'",
            ),
        },
        _ => type_error("casting must be a string"),
    }
}

fn out_array(v: &Value) -> PResult<Option<Rc<ArrayObj>>> {
    match v {
        Value::None => Ok(None),
        Value::Array(a) => Ok(Some(a.clone())),
        Value::Tuple(t) if t.len() == 1 => out_array(&t[0]),
        Value::Tuple(_) => raise(
            ExcType::ValueError,
            "The 'out' tuple must have exactly one entry per ufunc output",
        ),
        _ => type_error("return arrays must be of ArrayType"),
    }
}

/// Splits a call into its inputs and options (`out` may also be the last positional).
fn split_call(def: &UfDef, a: Args) -> PResult<(Vec<Value>, CallOpts)> {
    let Args { mut pos, kw } = a;
    let mut o = CallOpts::default();
    if pos.len() > def.nin + 1 {
        return type_error(format!(
            "{}() takes from {} to {} positional arguments but {} were given",
            def.name,
            def.nin,
            def.nin + 1,
            pos.len()
        ));
    }
    // Whether `out` was passed at all (`out=None` included).
    let mut out_given = false;
    if pos.len() == def.nin + 1 {
        let v = pos.pop().unwrap_or(Value::None);
        o.out = out_array(&v)?;
        out_given = true;
    }
    if pos.len() < def.nin {
        return type_error(format!(
            "{}() takes from {} to {} positional arguments but {} were given",
            def.name,
            def.nin,
            def.nin + 1,
            pos.len()
        ));
    }
    for (k, v) in kw {
        match &*k {
            "out" => {
                if o.out.is_some() {
                    return type_error(
                        "cannot specify 'out' as both a positional and keyword argument",
                    );
                }
                o.out = out_array(&v)?;
                out_given = true;
            }
            "where" => {
                if !matches!(v, Value::Bool(true)) {
                    let w = to_array(&v)?;
                    o.where_ = Some(if w.dtype == DType::Bool {
                        w
                    } else {
                        w.astype(DType::Bool, Casting::Unsafe).or_exc()?
                    });
                }
            }
            "dtype" => {
                if !matches!(v, Value::None) {
                    o.dtype = Some(to_dtype(&v)?)
                }
            }
            "casting" => o.casting = Some(parse_casting(&v)?),
            "order" | "subok" | "signature" => {}
            other => {
                return type_error(format!(
                    "{}() got an unexpected keyword argument '{other}'",
                    def.name
                ));
            }
        }
    }
    if o.where_.is_some() && !out_given {
        warnings::warn(
            "UserWarning",
            "'where' used without 'out', expect unitialized memory in output. If this is intentional, use out=None.".to_string(),
        );
    }
    Ok((pos, o))
}

fn cast_error_out(name: &str, from: DType, to: DType, casting: Casting) -> Box<Exc> {
    Exc::new(
        ExcType::UFuncOutputCastingError,
        format!(
            "Cannot cast ufunc '{name}' output from dtype('{}') to dtype('{}') with casting rule '{}'",
            from.name(),
            to.name(),
            casting.name()
        ),
    )
}

/// Comparisons with a Python int outside the integer loop dtype's range compare the
/// values as they are (NumPy's exemption): the loop widens to int64, or float64 next to
/// uint64.
pub fn comparison_loop(ins: &[Input], lin: Vec<DType>) -> Vec<DType> {
    let out_of_range = ins.iter().zip(&lin).any(|(i, d)| match &i.weak {
        Some((Weak::Int, v)) if d.is_integer() => {
            in_dtype(i, *d).is_err() || matches!(v, Value::BigInt(_))
        }
        _ => false,
    });
    if !out_of_range {
        return lin;
    }
    let wide = if lin.contains(&DType::UInt64) {
        DType::Float64
    } else {
        DType::Int64
    };
    let fits = ins.iter().all(|i| match &i.weak {
        Some((Weak::Int, v)) => in_dtype(i, wide).is_ok() && !matches!(v, Value::BigInt(_)),
        _ => true,
    });
    vec![if fits { wide } else { DType::Float64 }; lin.len()]
}

fn has_negative(a: &NdArray) -> bool {
    a.dtype.is_signed_int() && a.iter_scalars().any(|s| s.to_i128().is_some_and(|v| v < 0))
}

/// The memory order NumPy's `K` gives a result: F when every array input is F-ordered.
fn result_order(arrs: &[&NdArray]) -> Order {
    let multi: Vec<&&NdArray> = arrs.iter().filter(|a| a.ndim() > 1).collect();
    if !multi.is_empty()
        && multi
            .iter()
            .all(|a| a.is_f_contiguous() && !a.is_c_contiguous())
    {
        Order::F
    } else {
        Order::C
    }
}

/// Runs the kernel of `op` into `out` (already of the loop's output dtype and shape).
pub fn run_kernel(op: Op, out: &NdArray, ins: &[NdArray]) -> FpFlags {
    match op {
        Op::Bin(k) => binary(k, out, &ins[0], &ins[1]),
        Op::Un(k) => unary_math(k, out, &ins[0]),
    }
}

/// Calls a ufunc on interpreter values: loop selection, broadcasting, `out=`, `where=`.
pub fn call(def: &UfDef, a: Args) -> PResult<Value> {
    let (pos, opts) = split_call(def, a)?;
    let ins: Vec<Input> = pos.iter().map(input_of).collect::<PResult<_>>()?;
    let all_scalar = ins.iter().all(|i| i.scalar);
    let (lin, lout) = resolve(def, &ins, opts.dtype)?;
    let casting = opts.casting.unwrap_or(Casting::SameKind);
    if opts.dtype.is_some() || opts.casting.is_some() {
        for (i, (inp, l)) in ins.iter().zip(&lin).enumerate() {
            // Python floats and complexes count as float64 and complex128 here; Python
            // ints go into any integer loop (their value is checked on conversion).
            let from = match (&inp.arr, &inp.weak) {
                (Some(arr), _) => Some(arr.dtype),
                (None, Some((Weak::Float, _))) => Some(DType::Float64),
                (None, Some((Weak::Complex, _))) => Some(DType::Complex128),
                _ => None,
            };
            if let Some(from) = from
                && !dtype::can_cast(from, *l, casting)
            {
                return Err(Exc::new(
                    ExcType::UFuncTypeError,
                    format!(
                        "Cannot cast ufunc '{}' input {i} from dtype('{}') to dtype('{}') with casting rule '{}'",
                        def.name,
                        from.name(),
                        l.name(),
                        casting.name()
                    ),
                ));
            }
        }
    }
    let lin = match def.op {
        Op::Bin(k) if k.is_comparison() => comparison_loop(&ins, lin),
        _ => lin,
    };
    let arrs: Vec<NdArray> = ins
        .iter()
        .zip(&lin)
        .map(|(i, d)| in_dtype(i, *d))
        .collect::<PResult<_>>()?;
    if let Op::Bin(B::Pow) = def.op
        && lin[0].is_integer()
        && has_negative(&arrs[1])
    {
        return raise(
            ExcType::ValueError,
            "Integers to negative integer powers are not allowed.",
        );
    }
    let out_arr = opts.out.as_ref().map(|o| o.get());
    let mut shapes: Vec<&[usize]> = arrs.iter().map(|a| a.shape()).collect();
    if let Some(o) = &out_arr {
        shapes.push(o.shape());
    }
    if let Some(w) = &opts.where_ {
        shapes.push(w.shape());
    }
    let shape = broadcast_shapes(&shapes).or_exc()?;
    if let Some(o) = &out_arr {
        if o.shape() != &shape[..] {
            return raise(
                ExcType::ValueError,
                format!(
                    "non-broadcastable output operand with shape {} doesn't match the broadcast shape {}",
                    crate::array::shape_str(o.shape()),
                    crate::array::shape_str(&shape)
                ),
            );
        }
        if !dtype::can_cast(lout, o.dtype, casting) {
            return Err(cast_error_out(def.name, lout, o.dtype, casting));
        }
        o.check_writeable().or_exc()?;
    }
    let views: Vec<NdArray> = arrs
        .iter()
        .map(|a| {
            a.broadcast_view(&shape)
                .ok_or_else(|| Exc::new(ExcType::ValueError, "broadcast"))
        })
        .collect::<PResult<_>>()?;
    // Write straight into `out` when it has the loop's dtype, no mask is given and no
    // input overlaps it other than element for element.
    let direct = match &out_arr {
        Some(o) if o.dtype == lout && opts.where_.is_none() => views.iter().all(|v| {
            !super::convert::overlap(v, o) || (v.offset == o.offset && v.strides == o.strides)
        }),
        _ => false,
    };
    let flags;
    let result = if direct {
        let o = out_arr.clone().unwrap_or_else(|| views[0].clone());
        flags = run_kernel(def.op, &o, &views);
        o
    } else {
        let order = result_order(&views.iter().collect::<Vec<_>>());
        let tmp = NdArray::zeros(&shape, lout, order).or_exc()?;
        flags = run_kernel(def.op, &tmp, &views);
        tmp
    };
    warnings::check(flags, def.name)?;
    if let (Some(obj), Some(o)) = (&opts.out, &out_arr) {
        if !direct {
            match &opts.where_ {
                Some(w) => {
                    let w = w
                        .broadcast_view(&shape)
                        .ok_or_else(|| Exc::new(ExcType::ValueError, "broadcast"))?;
                    let src = if result.dtype == o.dtype {
                        result
                    } else {
                        result.astype(o.dtype, Casting::Unsafe).or_exc()?
                    };
                    crate::kernels::loops::masked_copy(o, &src, &w);
                }
                None => o.assign(&result).or_exc()?,
            }
        }
        return Ok(Value::Array(obj.clone()));
    }
    if let Some(w) = &opts.where_ {
        // NumPy leaves the masked-out elements uninitialised; numpyx leaves zeros.
        let w = w
            .broadcast_view(&shape)
            .ok_or_else(|| Exc::new(ExcType::ValueError, "broadcast"))?;
        let z = NdArray::zeros(&shape, lout, Order::C).or_exc()?;
        crate::kernels::loops::masked_copy(&z, &result, &w);
        return Ok(arith::wrap(z, all_scalar));
    }
    Ok(arith::wrap(result, all_scalar))
}

/// Calls the ufunc named `name` (as the module spells it) on values.
pub fn call_named(name: &str, args: Vec<Value>) -> PResult<Value> {
    let def = lookup(name).ok_or_else(|| Exc::new(ExcType::AttributeError, name.to_string()))?;
    call(def, Args::new(args))
}

/// The ufunc of a module attribute name.
pub fn lookup(name: &str) -> Option<&'static UfDef> {
    UFUNCS.iter().find(|(n, _)| *n == name).map(|(_, d)| d)
}

// ---- reduce / accumulate / outer / at ------------------------------------------------------

fn identity_scalar(def: &UfDef, dt: DType) -> Option<Scalar> {
    Some(match def.identity {
        I::None => return None,
        I::Int(v) => Scalar::I64(v).cast(dt),
        I::Bool(b) => Scalar::Bool(b).cast(dt),
        I::NegInf => Scalar::F64(f64::NEG_INFINITY).cast(dt),
    })
}

fn reorderable(def: &UfDef) -> bool {
    def.identity != I::None || matches!(def.op, Op::Bin(B::Max | B::Min | B::Fmax | B::Fmin))
}

/// The dtype `ufunc.reduce` works in by default: add and multiply widen small integers.
fn reduce_dtype(def: &UfDef, d: DType) -> DType {
    match def.op {
        Op::Bin(B::Add | B::Mul) => match d {
            DType::Bool | DType::Int8 | DType::Int16 | DType::Int32 => DType::Int64,
            DType::UInt8 | DType::UInt16 | DType::UInt32 => DType::UInt64,
            d => d,
        },
        _ => d,
    }
}

fn axes_of(v: Option<&Value>, ndim: usize, default0: bool) -> PResult<Vec<usize>> {
    match v {
        None if default0 => {
            if ndim == 0 {
                Ok(vec![])
            } else {
                Ok(vec![0])
            }
        }
        None | Some(Value::None) => Ok((0..ndim).collect()),
        Some(Value::Tuple(t)) => {
            let ax: Vec<i64> = t
                .iter()
                .map(super::convert::to_i64)
                .collect::<PResult<_>>()?;
            crate::array::view::normalize_axis_tuple(&ax, ndim, "axis").or_exc()
        }
        Some(x) => {
            let ax = super::convert::to_i64(x)?;
            Ok(vec![crate::array::normalize_axis(ax, ndim).or_exc()?])
        }
    }
}

/// One binary step of a reduction on scalars (through a 0-d kernel call).
fn step(def: &UfDef, acc: Scalar, x: Scalar, dt: DType, fl: &mut FpFlags) -> Scalar {
    let a = NdArray::from_scalar(acc.cast(dt));
    let b = NdArray::from_scalar(x.cast(dt));
    match (a, b) {
        (Ok(a), Ok(b)) => {
            let out_dt = match def.op {
                Op::Bin(k) if k.is_bool_output() => DType::Bool,
                _ => dt,
            };
            match NdArray::zeros(&[], out_dt, Order::C) {
                Ok(o) => {
                    *fl = fl.union(run_kernel(def.op, &o, &[a, b]));
                    o.item().unwrap_or(acc)
                }
                Err(_) => acc,
            }
        }
        _ => acc,
    }
}

/// `ufunc.reduce(array, axis=0, dtype=None, out=None, keepdims=False, initial, where=True)`.
fn reduce(def: &'static UfDef, a: Args) -> PResult<Value> {
    if def.nin != 2 {
        return raise(
            ExcType::ValueError,
            "reduce only supported for binary functions",
        );
    }
    let b = bind(
        "reduce",
        a,
        &[
            "array", "axis", "dtype", "out", "keepdims", "initial", "where",
        ],
        1,
    )?;
    let arr = to_array(b.req(0))?;
    let axis_given = b.raw(1);
    let axes = match axis_given {
        None => axes_of(None, arr.ndim(), true)?,
        Some(v) => axes_of(Some(v), arr.ndim(), false)?,
    };
    if axes.len() > 1 && !reorderable(def) {
        return raise(
            ExcType::ValueError,
            format!(
                "reduction operation '{}' is not reorderable, so at most one axis may be specified",
                def.name
            ),
        );
    }
    let dt_req = super::convert::opt_dtype(b.get(2))?;
    let keepdims = b.get(4).map(crate::eval::ops::truthy).unwrap_or(false);
    let initial = b.get(5).cloned();
    let where_ = match b.get(6) {
        None | Some(Value::Bool(true)) => None,
        Some(v) => Some(
            to_array(v)?
                .astype(DType::Bool, Casting::Unsafe)
                .or_exc()?
                .broadcast_view(arr.shape())
                .ok_or_else(|| {
                    Exc::new(
                        ExcType::ValueError,
                        "operands could not be broadcast together",
                    )
                })?,
        ),
    };
    let work_dt = dt_req.unwrap_or_else(|| reduce_dtype(def, arr.dtype));
    let inp = Input {
        arr: Some(NdArray::zeros(&[], work_dt, Order::C).or_exc()?),
        weak: None,
        scalar: false,
    };
    let dummy = Input {
        arr: Some(NdArray::zeros(&[], work_dt, Order::C).or_exc()?),
        weak: None,
        scalar: false,
    };
    let (lin, lout) = resolve(def, &[inp, dummy], None)?;
    let loop_dt = lin[0];
    let src = if arr.dtype == loop_dt {
        arr.clone()
    } else {
        arr.astype(loop_dt, Casting::Unsafe).or_exc()?
    };
    let kept: Vec<usize> = (0..arr.ndim()).filter(|i| !axes.contains(i)).collect();
    let out_shape: Vec<usize> = kept.iter().map(|&i| arr.shape[i]).collect();
    let red_len: usize = axes.iter().map(|&i| arr.shape[i]).product();
    let init: Option<Scalar> = match &initial {
        Some(v) => Some(in_dtype(&input_of(v)?, loop_dt)?.item().or_exc()?),
        None => identity_scalar(def, loop_dt),
    };
    if init.is_none() && (red_len == 0 || where_.is_some()) {
        if where_.is_some() {
            return raise(
                ExcType::ValueError,
                format!(
                    "reduction operation '{}' does not have an identity, so to use a where mask one has to specify 'initial'",
                    def.name
                ),
            );
        }
        return raise(
            ExcType::ValueError,
            format!(
                "zero-size array to reduction operation {} which has no identity",
                def.name
            ),
        );
    }
    let res = NdArray::zeros(&out_shape, lout, Order::C).or_exc()?;
    // Views: outer axes then reduced axes.
    let perm: Vec<isize> = kept
        .iter()
        .chain(axes.iter())
        .map(|&i| i as isize)
        .collect();
    let srcp = src.transpose(Some(&perm)).or_exc()?;
    let wp = match &where_ {
        Some(w) => Some(w.transpose(Some(&perm)).or_exc()?),
        None => None,
    };
    let nk = kept.len();
    let inner_shape: Vec<usize> = srcp.shape[nk..].to_vec();
    let inner_strides: Vec<isize> = srcp.strides[nk..].to_vec();
    // Pairwise summation when the reduced axes form one run along the fastest axis.
    let min_stride = src
        .shape
        .iter()
        .zip(&src.strides)
        .filter(|(n, _)| **n > 1)
        .map(|(_, s)| s.unsigned_abs())
        .min()
        .unwrap_or(0);
    let inner_run = crate::array::iter::Runs::<1>::new(&inner_shape, [&inner_strides], [0]);
    let pairwise = matches!(def.op, Op::Bin(B::Add))
        && matches!(loop_dt, DType::Float64 | DType::Float32 | DType::Float16)
        && wp.is_none()
        && inner_run.len() <= 1
        && inner_run.inner_strides[0].unsigned_abs() == min_stride;
    let mut fl = FpFlags::default();
    let outer_shape: Vec<usize> = srcp.shape[..nk].to_vec();
    let outer_strides: Vec<isize> = srcp.strides[..nk].to_vec();
    let outer = crate::array::iter::Offsets::new(&outer_shape, &outer_strides, srcp.offset);
    let wouter = wp.as_ref().map(|w| {
        crate::array::iter::Offsets::new(&w.shape[..nk], &w.strides[..nk], w.offset)
            .collect::<Vec<_>>()
    });
    // The common case at full speed: one reduced run per output, no mask, sequential.
    if let (Op::Bin(k), None, false, true) = (def.op, &wp, pairwise, inner_run.len() == 1)
        && lout == loop_dt
    {
        let (len, st) = (inner_run.inner_len, inner_run.inner_strides[0]);
        let mut lines = crate::array::iter::Offsets::new(&outer_shape, &outer_strides, srcp.offset)
            .zip(res.offsets());
        // SAFETY: the lines lie in `srcp`'s buffer, the outputs in `res`'s.
        let done = unsafe {
            crate::kernels::binary::fold_lines(
                k,
                loop_dt,
                init,
                srcp.storage.as_ptr(),
                res.storage.as_ptr(),
                &mut lines,
                len,
                st,
                &mut fl,
            )
        };
        if done {
            return finish_reduce(res, &fl, keepdims, &arr, &axes, b.get(3));
        }
    }
    for (j, (base, roff)) in outer.zip(res.offsets()).enumerate() {
        let inner = crate::array::iter::Offsets::new(&inner_shape, &inner_strides, base);
        let v = if pairwise && red_len > 0 {
            let run = crate::array::iter::Runs::<1>::new(&inner_shape, [&inner_strides], [base]);
            let st = run.inner_strides[0];
            let start = run.clone().next().map(|[s]| s).unwrap_or(base);
            let p = unsafe { src.storage.as_ptr().add(start) };
            let init = init.unwrap_or(Scalar::F64(0.0));
            let v = if loop_dt == DType::Float64 {
                let s = unsafe { crate::kernels::pairwise::pairwise_f64(p, red_len, st) };
                Scalar::F64(init.to_f64() + s)
            } else if loop_dt == DType::Float16 {
                // float16 sums run in float32 inside the call, rounded once at the end.
                // SAFETY: `red_len` float16 elements `st` bytes apart from `p`.
                let run =
                    unsafe { crate::kernels::pairwise::Strided::<half::f16>::new(p, red_len, st) };
                let s = crate::kernels::pairwise::pairwise(run, |x| x.to_f32());
                Scalar::F16(half::f16::from_f32(init.to_f64() as f32 + s))
            } else {
                let s = unsafe { crate::kernels::pairwise::pairwise_f32(p, red_len, st) };
                Scalar::F32(init.to_f64() as f32 + s)
            };
            let r = v.to_f64();
            if r.is_infinite() || r.is_nan() {
                // An overflow unless some input was already inf or nan.
                let finite = (0..red_len).all(|i| {
                    srcp.get_at((start as isize + i as isize * st) as usize)
                        .to_f64()
                        .is_finite()
                });
                if finite {
                    if r.is_nan() {
                        fl.invalid = true;
                    } else {
                        fl.overflow = true;
                    }
                }
            }
            v
        } else if let (None, Op::Bin(k), Some(first)) = (
            &wp,
            def.op,
            init.or_else(|| {
                inner_shape
                    .iter()
                    .all(|&d| d > 0)
                    .then(|| srcp.get_at(base))
            }),
        ) {
            // Typed sequential fold over the reduced runs (the first element seeds it when
            // the ufunc has no identity).
            let (len, st, starts): (usize, isize, smallvec::SmallVec<[usize; 1]>) =
                if inner_shape.len() == 1 {
                    (inner_shape[0], inner_strides[0], smallvec::smallvec![base])
                } else {
                    let runs =
                        crate::array::iter::Runs::<1>::new(&inner_shape, [&inner_strides], [base]);
                    let (l, s) = (runs.inner_len, runs.inner_strides[0]);
                    (l, s, runs.map(|[x]| x).collect())
                };
            let mut acc = Some(first);
            let mut skip_first = init.is_none();
            for start in starts {
                let (mut p0, mut m) = (start as isize, len);
                if skip_first {
                    skip_first = false;
                    p0 += st;
                    m -= 1;
                }
                let p = unsafe { srcp.storage.as_ptr().offset(p0) };
                acc = match acc {
                    Some(a) => unsafe {
                        crate::kernels::binary::fold_run(k, loop_dt, a, p, m, st, &mut fl)
                    },
                    None => None,
                };
                if acc.is_none() {
                    break;
                }
            }
            match acc {
                Some(a) => a,
                None => {
                    let mut acc = init;
                    for off in inner {
                        let x = srcp.get_at(off);
                        acc = Some(match acc {
                            None => x,
                            Some(a) => step(def, a, x, loop_dt, &mut fl),
                        });
                    }
                    acc.unwrap_or(Scalar::zero(lout))
                }
            }
        } else {
            let mut acc = init;
            let mut winner = wp.as_ref().map(|w| {
                crate::array::iter::Offsets::new(
                    &w.shape[nk..],
                    &w.strides[nk..],
                    wouter.as_ref().map(|o| o[j]).unwrap_or(w.offset),
                )
            });
            for off in inner {
                if let (Some(wi), Some(w)) = (winner.as_mut(), wp.as_ref()) {
                    let wo = wi.next().unwrap_or(0);
                    if !w.get_at(wo).is_true() {
                        continue;
                    }
                }
                let x = srcp.get_at(off);
                acc = Some(match acc {
                    None => x,
                    Some(a) => step(def, a, x, loop_dt, &mut fl),
                });
            }
            acc.unwrap_or(Scalar::zero(lout))
        };
        res.set_at(roff, v.cast(lout));
    }
    finish_reduce(res, &fl, keepdims, &arr, &axes, b.get(3))
}

/// The end of `ufunc.reduce`: warnings, `keepdims`, `out=`, scalar results.
fn finish_reduce(
    res: NdArray,
    fl: &FpFlags,
    keepdims: bool,
    arr: &NdArray,
    axes: &[usize],
    out: Option<&Value>,
) -> PResult<Value> {
    warnings::check(*fl, "reduce")?;
    let mut res = res;
    if keepdims {
        let mut shp: Vec<usize> = arr.shape.to_vec();
        for &i in axes {
            shp[i] = 1;
        }
        res = res.reshape_simple(&shp)?;
    }
    if let Some(o) = out
        && let Some(obj) = out_array(o)?
    {
        let oa = obj.get();
        oa.assign(&res).or_exc()?;
        return Ok(Value::Array(obj));
    }
    Ok(arith::wrap(res, true))
}

trait ReshapeSimple {
    fn reshape_simple(self, shape: &[usize]) -> PResult<NdArray>;
}

impl ReshapeSimple for NdArray {
    /// Reshape of a fresh C-contiguous array.
    fn reshape_simple(self, shape: &[usize]) -> PResult<NdArray> {
        let mut a = self;
        a.strides = crate::array::ndarray::contiguous_strides(shape, a.itemsize(), false);
        a.shape = shape.into();
        Ok(a)
    }
}

/// `ufunc.accumulate(array, axis=0, dtype=None, out=None)`: sequential along the axis.
fn accumulate(def: &'static UfDef, a: Args) -> PResult<Value> {
    if def.nin != 2 {
        return raise(
            ExcType::ValueError,
            "accumulate only supported for binary functions",
        );
    }
    let b = bind("accumulate", a, &["array", "axis", "dtype", "out"], 1)?;
    let arr = to_array(b.req(0))?;
    if arr.ndim() == 0 {
        return raise(ExcType::ValueError, "accumulate does not accept 0-d arrays"); // rare
    }
    let axis = match b.raw(1) {
        None => 0,
        Some(Value::Tuple(t)) if t.len() == 1 => {
            crate::array::normalize_axis(super::convert::to_i64(&t[0])?, arr.ndim()).or_exc()?
        }
        Some(Value::None | Value::Tuple(_)) => {
            return raise(
                ExcType::ValueError,
                "accumulate does not allow multiple axes",
            );
        }
        Some(v) => crate::array::normalize_axis(super::convert::to_i64(v)?, arr.ndim()).or_exc()?,
    };
    // As for reductions, add and multiply accumulate small integers in the default
    // integer (or unsigned) type.
    let dt = match super::convert::opt_dtype(b.get(2))? {
        Some(d) => d,
        None if matches!(def.name, "add" | "multiply") => super::reduce::sum_dtype(arr.dtype),
        None => arr.dtype,
    };
    let mk = || Input {
        arr: NdArray::zeros(&[], dt, Order::C).ok(),
        weak: None,
        scalar: false,
    };
    let (lin, lout) = resolve(def, &[mk(), mk()], None)?;
    let src = arr.astype(lin[0], Casting::Unsafe).or_exc()?;
    let res = NdArray::zeros(arr.shape(), lout, Order::C).or_exc()?;
    let n = arr.shape[axis];
    let mut fl = FpFlags::default();
    // Walk every line along `axis`.
    let mut oshape: Vec<usize> = arr.shape.to_vec();
    oshape[axis] = 1;
    let sline = src.strides[axis];
    let rline = res.strides[axis];
    let mut sstr = src.strides.to_vec();
    sstr[axis] = 0;
    let mut rstr = res.strides.to_vec();
    rstr[axis] = 0;
    let so = crate::array::iter::Offsets::new(&oshape, &sstr, src.offset);
    let ro = crate::array::iter::Offsets::new(&oshape, &rstr, res.offset);
    for (s0, r0) in so.zip(ro) {
        let mut acc: Option<Scalar> = None;
        for i in 0..n as isize {
            let x = src.get_at((s0 as isize + i * sline) as usize);
            let v = match acc {
                None => x.cast(lout),
                Some(a) => step(def, a, x, lin[0], &mut fl),
            };
            res.set_at((r0 as isize + i * rline) as usize, v);
            acc = Some(v);
        }
    }
    warnings::check(fl, "accumulate")?;
    if let Some(o) = b.get(3)
        && let Some(obj) = out_array(o)?
    {
        obj.get().assign(&res).or_exc()?;
        return Ok(Value::Array(obj));
    }
    Ok(ArrayObj::value(res))
}

/// `ufunc.outer(A, B)`: `A[..., None, ...] op B`.
fn outer(def: &'static UfDef, mut a: Args) -> PResult<Value> {
    if def.nin != 2 {
        return raise(
            ExcType::ValueError,
            "outer product only supported for binary functions",
        );
    }
    if a.pos.len() != 2 {
        return type_error("outer() takes exactly 2 arguments");
    }
    let y = a.pos.pop().unwrap_or(Value::None);
    let x = a.pos.pop().unwrap_or(Value::None);
    let xa = to_array(&x)?;
    let ya = to_array(&y)?;
    let mut shp: Vec<usize> = xa.shape.to_vec();
    shp.extend(std::iter::repeat_n(1, ya.ndim()));
    let xr = if xa.is_c_contiguous() {
        xa.clone().reshape_simple(&shp)?
    } else {
        xa.copy(Order::C).or_exc()?.reshape_simple(&shp)?
    };
    let args = Args {
        pos: vec![ArrayObj::value(xr), ArrayObj::value(ya)],
        kw: a.kw,
    };
    call(def, args)
}

/// `ufunc.at(a, indices, b=None)`: unbuffered in-place operation on the indexed elements.
fn at(def: &'static UfDef, a: Args) -> PResult<Value> {
    let b = bind("at", a, &["a", "indices", "b"], 2)?;
    let target = match b.req(0) {
        Value::Array(t) => t.clone(),
        _ => return type_error("first operand must be an array"),
    };
    let arr = target.get();
    if arr.ndim() == 0 {
        return raise(ExcType::IndexError, "too many indices for array");
    }
    let idx: Vec<i64> = match b.req(1) {
        Value::Int(i) => vec![*i],
        v => {
            let ia = to_array(v)?;
            if !ia.dtype.is_integer() && ia.size() > 0 {
                return raise(
                    ExcType::IndexError,
                    "arrays used as indices must be of integer (or boolean) type",
                );
            }
            ia.iter_scalars()
                .map(|s| s.to_i128().unwrap_or(0) as i64)
                .collect()
        }
    };
    let n0 = arr.shape[0] as i64;
    let operand = match (def.nin, b.get(2)) {
        (2, Some(v)) => Some(to_array(v)?),
        (2, None) => return type_error("second operand needed for ufunc"),
        _ => None,
    };
    for (j, &i) in idx.iter().enumerate() {
        let k = if i < 0 { i + n0 } else { i };
        if k < 0 || k >= n0 {
            return raise(
                ExcType::IndexError,
                format!("index {i} is out of bounds for axis 0 with size {n0}"),
            );
        }
        let mut row = arr.clone();
        row.offset = (arr.offset as isize + k as isize * arr.strides[0]) as usize;
        row.shape = arr.shape[1..].into();
        row.strides = arr.strides[1..].into();
        let mut pos = vec![ArrayObj::value(row.clone())];
        if let Some(o) = &operand {
            let v = if o.ndim() > 0 && o.shape[0] == idx.len() && idx.len() > 1 {
                let mut v = o.clone();
                v.offset = (o.offset as isize + j as isize * o.strides[0]) as usize;
                v.shape = o.shape[1..].into();
                v.strides = o.strides[1..].into();
                v
            } else {
                o.clone()
            };
            pos.push(ArrayObj::value(v));
        }
        let r = call(def, Args::new(pos))?;
        let ra = to_array(&r)?;
        let ra = if ra.dtype == row.dtype {
            ra
        } else {
            ra.astype(row.dtype, Casting::Unsafe).or_exc()?
        };
        row.assign(&ra).or_exc()?;
    }
    Ok(Value::None)
}

// ---- ufuncs as values ---------------------------------------------------------------------

/// A ufunc value (`np.add`).
#[derive(Debug)]
pub struct UFuncObj(pub &'static UfDef);

impl NativeObj for UFuncObj {
    fn type_name(&self) -> &'static str {
        "ufunc"
    }
    fn repr(&self, _: &mut Interp) -> PResult<String> {
        Ok(format!("<ufunc '{}'>", self.0.name))
    }
    fn get_attr(&self, _: &mut Interp, this: &Value, name: &str) -> PResult<Option<Value>> {
        let d = self.0;
        Ok(Some(match name {
            "__name__" | "__qualname__" => Value::str(d.name),
            "nin" => Value::Int(d.nin as i64),
            "nout" => Value::Int(1),
            "nargs" => Value::Int(d.nin as i64 + 1),
            "ntypes" => Value::Int(d.types.split(' ').count() as i64),
            "types" => types_list(d),
            "signature" => Value::None,
            "identity" => match d.identity {
                I::None => Value::None,
                I::Int(v) => Value::Int(v),
                I::Bool(b) => Value::Bool(b),
                I::NegInf => Value::Float(f64::NEG_INFINITY),
            },
            "reduce" | "accumulate" | "outer" | "at" | "__call__" => {
                Value::Method(Rc::new((this.clone(), Rc::from(name))))
            }
            _ => return Ok(None),
        }))
    }
    fn call_method(
        &self,
        _: &mut Interp,
        _: &Value,
        name: &str,
        args: Args,
    ) -> PResult<Option<Value>> {
        let d = self.0;
        Ok(Some(match name {
            "__call__" => call(d, args)?,
            "reduce" => reduce(d, args)?,
            "accumulate" => accumulate(d, args)?,
            "outer" => outer(d, args)?,
            "at" => at(d, args)?,
            _ => return Ok(None),
        }))
    }
    fn attr_names(&self) -> Vec<&'static str> {
        vec![
            "accumulate",
            "at",
            "identity",
            "nargs",
            "nin",
            "nout",
            "ntypes",
            "outer",
            "reduce",
            "signature",
            "types",
        ]
    }
}

/// The ufunc values for the module's attribute table.
pub fn values() -> impl Iterator<Item = (&'static str, Value)> {
    UFUNCS
        .iter()
        .map(|(n, d)| (*n, NativeBox::value(UFuncObj(d))))
}

// ---- functions that are not ufuncs ----------------------------------------------------------

fn un(name: &str, v: Value) -> PResult<Value> {
    call_named(name, vec![v])
}

/// `np.round(a, decimals=0, out=None)` with NumPy's scaling algorithm.
pub fn round_value(v: &Value, decimals: i64) -> PResult<Value> {
    let inp = input_of(v)?;
    let scalar = inp.scalar;
    let arr = match &inp.arr {
        Some(a) => a.clone(),
        None => in_dtype(
            &inp,
            dtype::result_type(
                &[],
                &[inp.weak.as_ref().map(|w| w.0).unwrap_or(Weak::Float)],
            )
            .unwrap_or(DType::Float64),
        )?,
    };
    let res = round_array(&arr, decimals)?;
    Ok(arith::wrap(res, scalar))
}

fn round_array(arr: &NdArray, decimals: i64) -> PResult<NdArray> {
    if arr.dtype.is_complex() {
        let re = round_array(&arr.real(), decimals)?;
        let im = round_array(&arr.imag().or_exc()?, decimals)?;
        let out = NdArray::zeros(arr.shape(), arr.dtype, Order::C).or_exc()?;
        out.real().assign(&re).or_exc()?;
        out.imag().or_exc()?.assign(&im).or_exc()?;
        return Ok(out);
    }
    let is_int = arr.dtype.is_integer() || arr.dtype.is_bool();
    if decimals >= 0 && is_int {
        return arr.copy(Order::K).or_exc();
    }
    let rint = lookup("rint").ok_or_else(|| Exc::new(ExcType::ValueError, "rint"))?;
    let work = if is_int {
        arr.astype(DType::Float64, Casting::Unsafe).or_exc()?
    } else {
        arr.clone()
    };
    let apply = |op: Op, x: &NdArray, f: f64| -> PResult<NdArray> {
        let fa = NdArray::from_scalar(Scalar::F64(f).cast(x.dtype)).or_exc()?;
        let fa = fa
            .broadcast_view(x.shape())
            .ok_or_else(|| Exc::new(ExcType::ValueError, "broadcast"))?;
        let o = NdArray::zeros(x.shape(), x.dtype, Order::C).or_exc()?;
        run_kernel(op, &o, &[x.clone(), fa]);
        Ok(o)
    };
    let rint_of = |x: &NdArray| -> PResult<NdArray> {
        let o = NdArray::zeros(x.shape(), x.dtype, Order::C).or_exc()?;
        run_kernel(rint.op, &o, std::slice::from_ref(x));
        Ok(o)
    };
    if decimals == 0 {
        return rint_of(&work);
    }
    let p10 = |n: i64| -> f64 {
        const P: [f64; 9] = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8];
        if n < 9 {
            P[n as usize]
        } else {
            let mut r = 1e9;
            let mut k = n;
            while k > 9 {
                r *= 10.0;
                k -= 1;
            }
            r
        }
    };
    let (op1, op2, d) = if decimals >= 0 {
        (Op::Bin(B::Mul), Op::Bin(B::Div), decimals)
    } else {
        (
            Op::Bin(B::Div),
            Op::Bin(B::Mul),
            decimals.saturating_neg().min(400),
        )
    };
    let f = p10(d);
    let y = apply(op1, &work, f)?;
    let y = rint_of(&y)?;
    let y = apply(op2, &y, f)?;
    if is_int {
        return y.astype(arr.dtype, Casting::Unsafe).or_exc();
    }
    Ok(y)
}

pub(crate) fn np_round(_: &mut Interp, a: Args) -> PResult<Value> {
    let b = bind("round", a, &["a", "decimals", "out"], 1)?;
    let d = match b.get(1) {
        None => 0,
        Some(v) => super::convert::to_i64(v)?,
    };
    let r = round_value(b.req(0), d)?;
    if let Some(o) = b.get(2)
        && let Some(obj) = out_array(o)?
    {
        obj.get().assign(&to_array(&r)?).or_exc()?;
        return Ok(Value::Array(obj));
    }
    Ok(r)
}

fn np_fix(_: &mut Interp, a: Args) -> PResult<Value> {
    let b = bind("fix", a, &["x", "out"], 1)?;
    let mut pos = vec![b.req(0).clone()];
    if let Some(o) = b.get(1) {
        pos.push(o.clone());
    }
    let def = lookup("trunc").ok_or_else(|| Exc::new(ExcType::ValueError, "trunc"))?;
    call(def, Args::new(pos))
}

pub(crate) fn np_clip(_: &mut Interp, a: Args) -> PResult<Value> {
    let b = bind(
        "clip",
        a,
        &[
            "a", "a_min", "a_max", "out", "*", "min", "max", "dtype", "casting",
        ],
        1,
    )?;
    let x = b.req(0).clone();
    // np.clip's own argument rules: both positional bounds or neither (then min=/max=).
    let (pos_lo, pos_hi) = (b.raw(1).is_some(), b.raw(2).is_some());
    if pos_lo != pos_hi {
        let missing = if pos_lo { "a_max" } else { "a_min" };
        return type_error(format!(
            "clip() missing 1 required positional argument: '{missing}'"
        ));
    }
    if pos_lo && (b.raw(5).is_some() || b.raw(6).is_some()) {
        return raise(
            ExcType::ValueError,
            "Passing `min` or `max` keyword argument when `a_min` and `a_max` are provided is forbidden.",
        );
    }
    let lo = b.get(1).or(b.get(5)).cloned();
    let hi = b.get(2).or(b.get(6)).cloned();
    let max_def = lookup("maximum").ok_or_else(|| Exc::new(ExcType::ValueError, "maximum"))?;
    let min_def = lookup("minimum").ok_or_else(|| Exc::new(ExcType::ValueError, "minimum"))?;
    // Loop dtype from all three operands, as NumPy's clip ufunc resolves it.
    let mut vals = vec![x.clone()];
    vals.extend(lo.iter().cloned());
    vals.extend(hi.iter().cloned());
    let ins: Vec<Input> = vals.iter().map(input_of).collect::<PResult<_>>()?;
    let strong: Vec<DType> = ins
        .iter()
        .filter_map(|i| i.arr.as_ref().map(|a| a.dtype))
        .collect();
    let weak: Vec<Weak> = ins
        .iter()
        .filter_map(|i| i.weak.as_ref().map(|w| w.0))
        .collect();
    let common = dtype::result_type(&strong, &weak).unwrap_or(DType::Float64);
    let all_scalar = ins.iter().all(|i| i.scalar);
    let base = to_array(&x)?;
    let mut cur = if base.dtype == common {
        base.copy(Order::C).or_exc()?
    } else {
        base.astype(common, Casting::Unsafe).or_exc()?
    };
    let clamp = |cur: NdArray, bound: &Value, def: &UfDef| -> PResult<NdArray> {
        let bv = in_dtype(&input_of(bound)?, common).or_else(|e| {
            // Python ints out of range of an integer dtype clip to the range.
            if common.is_integer() {
                let f = match bound {
                    Value::Int(i) => *i as f64,
                    _ => return Err(e),
                };
                let info = common.iinfo().ok_or(e)?;
                let v = f.clamp(info.min as f64, info.max as f64);
                NdArray::from_scalar(Scalar::F64(v).cast(common)).or_exc()
            } else {
                Err(e)
            }
        })?;
        let shape = broadcast_shapes(&[cur.shape(), bv.shape()]).or_exc()?;
        let cv = cur
            .broadcast_view(&shape)
            .ok_or_else(|| Exc::new(ExcType::ValueError, "broadcast"))?;
        let bvv = bv
            .broadcast_view(&shape)
            .ok_or_else(|| Exc::new(ExcType::ValueError, "broadcast"))?;
        let o = NdArray::zeros(&shape, common, Order::C).or_exc()?;
        run_kernel(def.op, &o, &[cv, bvv]);
        Ok(o)
    };
    if let Some(l) = &lo {
        cur = clamp(cur, l, max_def)?;
    }
    if let Some(h) = &hi {
        cur = clamp(cur, h, min_def)?;
    }
    if let Some(o) = b.get(3)
        && let Some(obj) = out_array(o)?
    {
        obj.get().assign(&cur).or_exc()?;
        return Ok(Value::Array(obj));
    }
    Ok(arith::wrap(cur, all_scalar))
}

fn np_nan_to_num(_: &mut Interp, a: Args) -> PResult<Value> {
    let b = bind(
        "nan_to_num",
        a,
        &["x", "copy", "nan", "posinf", "neginf"],
        1,
    )?;
    let inp = input_of(b.req(0))?;
    let scalar = inp.scalar;
    let arr = match &inp.arr {
        Some(x) => x.clone(),
        None => in_dtype(
            &inp,
            dtype::weak_default(inp.weak.as_ref().map(|w| w.0).unwrap_or(Weak::Float)),
        )?,
    };
    let num = |i: usize, d: f64| -> PResult<f64> {
        match b.get(i) {
            None => Ok(d),
            Some(v) => match super::convert::as_python_number(v)?.unwrap_or_else(|| v.clone()) {
                Value::Float(x) => Ok(x),
                Value::Int(x) => Ok(x as f64),
                Value::Bool(x) => Ok(x as i64 as f64),
                _ => type_error("nan_to_num: a number is required"),
            },
        }
    };
    let res = arr.copy(Order::K).or_exc()?;
    if res.dtype.is_inexact() {
        let rd = res.dtype.real_dtype();
        let info = rd
            .finfo()
            .ok_or_else(|| Exc::new(ExcType::ValueError, "finfo"))?;
        let nan = num(2, 0.0)?;
        let pinf = num(3, info.max)?;
        let ninf = num(4, -info.max)?;
        let fix = |x: f64| {
            if x.is_nan() {
                nan
            } else if x == f64::INFINITY {
                pinf
            } else if x == f64::NEG_INFINITY {
                ninf
            } else {
                x
            }
        };
        for off in res.offsets().collect::<Vec<_>>() {
            let s = res.get_at(off);
            let v = match s {
                Scalar::C64(c) => Scalar::C128(num_complex::Complex64::new(
                    fix(c.re as f64),
                    fix(c.im as f64),
                )),
                Scalar::C128(c) => Scalar::C128(num_complex::Complex64::new(fix(c.re), fix(c.im))),
                s => Scalar::F64(fix(s.to_f64())),
            };
            res.set_at(off, v.cast(res.dtype));
        }
    }
    Ok(arith::wrap(res, scalar))
}

fn np_real(_: &mut Interp, a: Args) -> PResult<Value> {
    a.expect("real", 1, 1)?;
    part(&a.pos[0], false)
}

fn np_imag(_: &mut Interp, a: Args) -> PResult<Value> {
    a.expect("imag", 1, 1)?;
    part(&a.pos[0], true)
}

fn part(v: &Value, imag: bool) -> PResult<Value> {
    match v {
        Value::Array(obj) => {
            let arr = obj.get();
            let p = if imag {
                arr.imag().or_exc()?
            } else {
                arr.real()
            };
            if arr.dtype.is_complex() {
                Ok(ArrayObj::view_value(p, obj))
            } else if imag {
                Ok(ArrayObj::value(p))
            } else {
                Ok(v.clone())
            }
        }
        Value::Int(_) | Value::Float(_) | Value::Bool(_) | Value::BigInt(_) if !imag => {
            Ok(v.clone())
        }
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => Ok(Value::Int(0)),
        Value::Float(_) => Ok(Value::Float(0.0)),
        Value::Complex(c) => Ok(Value::Float(if imag { c.im } else { c.re })),
        _ => {
            let arr = to_array(v)?;
            let p = if imag {
                arr.imag().or_exc()?
            } else {
                arr.real()
            };
            Ok(arith::wrap(
                p.copy(Order::C).or_exc()?,
                matches!(v, Value::NpScalar(_)),
            ))
        }
    }
}

fn np_angle(_: &mut Interp, a: Args) -> PResult<Value> {
    let b = bind("angle", a, &["z", "deg"], 1)?;
    let z = b.req(0).clone();
    let deg = b.get(1).map(crate::eval::ops::truthy).unwrap_or(false);
    let arr = to_array(&z)?;
    let (re, im) = if arr.dtype.is_complex() {
        (arr.real(), arr.imag().or_exc()?)
    } else {
        let f = if arr.dtype.is_inexact() {
            arr.clone()
        } else {
            arr.astype(DType::Float64, Casting::Unsafe).or_exc()?
        };
        let zero = NdArray::zeros(f.shape(), f.dtype, Order::C).or_exc()?;
        (f, zero)
    };
    let scalar = !matches!(z, Value::Array(_));
    let r = call_named("arctan2", vec![ArrayObj::value(im), ArrayObj::value(re)])?;
    let r = if deg {
        call_named(
            "multiply",
            vec![r, Value::Float(180.0 / std::f64::consts::PI)],
        )?
    } else {
        r
    };
    if scalar && let Value::Array(o) = &r {
        let x = o.get();
        if x.ndim() == 0 {
            return Ok(super::scalar::value(x.item().or_exc()?));
        }
    }
    Ok(r)
}

/// Elementwise `|a - b| <= atol + rtol * |b|` with NumPy's nan and inf rules.
fn isclose_arr(a: &Value, b: &Value, rtol: f64, atol: f64, equal_nan: bool) -> PResult<Value> {
    let x = to_array(a)?;
    let y = to_array(b)?;
    let shape = broadcast_shapes(&[x.shape(), y.shape()]).or_exc()?;
    let xv = x
        .broadcast_view(&shape)
        .ok_or_else(|| Exc::new(ExcType::ValueError, "broadcast"))?;
    let yv = y
        .broadcast_view(&shape)
        .ok_or_else(|| Exc::new(ExcType::ValueError, "broadcast"))?;
    let out = NdArray::zeros(&shape, DType::Bool, Order::C).or_exc()?;
    let complex = x.dtype.is_complex() || y.dtype.is_complex();
    for ((ox, oy), oo) in xv.offsets().zip(yv.offsets()).zip(out.offsets()) {
        let (p, q) = (xv.get_at(ox), yv.get_at(oy));
        let r = if complex {
            let (u, v) = (p.to_c128(), q.to_c128());
            let fin = u.re.is_finite() && u.im.is_finite() && v.re.is_finite() && v.im.is_finite();
            if fin {
                (u - v).norm() <= atol + rtol * v.norm()
            } else if (u.re.is_nan() || u.im.is_nan()) && (v.re.is_nan() || v.im.is_nan()) {
                equal_nan
            } else {
                u == v
            }
        } else {
            let (u, v) = (p.to_f64(), q.to_f64());
            if u.is_finite() && v.is_finite() {
                (u - v).abs() <= atol + rtol * v.abs()
            } else if u.is_nan() && v.is_nan() {
                equal_nan
            } else {
                u == v
            }
        };
        out.set_at(oo, Scalar::Bool(r));
    }
    Ok(arith::wrap(
        out,
        !matches!(a, Value::Array(_)) && !matches!(b, Value::Array(_)),
    ))
}

fn close_args(fname: &str, a: Args) -> PResult<(Value, Value, f64, f64, bool)> {
    let b = bind(fname, a, &["a", "b", "rtol", "atol", "equal_nan"], 2)?;
    let f = |i: usize, d: f64| -> PResult<f64> {
        match b.get(i) {
            None => Ok(d),
            Some(Value::Float(x)) => Ok(*x),
            Some(Value::Int(x)) => Ok(*x as f64),
            Some(v) => Ok(to_array(v)?.item().or_exc()?.to_f64()),
        }
    };
    Ok((
        b.req(0).clone(),
        b.req(1).clone(),
        f(2, 1e-5)?,
        f(3, 1e-8)?,
        b.get(4).map(crate::eval::ops::truthy).unwrap_or(false),
    ))
}

fn np_isclose(_: &mut Interp, a: Args) -> PResult<Value> {
    let (x, y, rtol, atol, en) = close_args("isclose", a)?;
    isclose_arr(&x, &y, rtol, atol, en)
}

fn np_allclose(_: &mut Interp, a: Args) -> PResult<Value> {
    let (x, y, rtol, atol, en) = close_args("allclose", a)?;
    let r = to_array(&isclose_arr(&x, &y, rtol, atol, en)?)?;
    Ok(Value::Bool(r.iter_scalars().all(|s| s.is_true())))
}

fn np_array_equal(_: &mut Interp, a: Args) -> PResult<Value> {
    let b = bind("array_equal", a, &["a1", "a2", "equal_nan"], 2)?;
    let x = to_array(b.req(0))?;
    let y = to_array(b.req(1))?;
    let en = b.get(2).map(crate::eval::ops::truthy).unwrap_or(false);
    if x.shape() != y.shape() {
        return Ok(Value::Bool(false));
    }
    Ok(Value::Bool(elements_equal(&x, &y, en)?))
}

fn elements_equal(x: &NdArray, y: &NdArray, equal_nan: bool) -> PResult<bool> {
    let r = call_named(
        "equal",
        vec![ArrayObj::value(x.clone()), ArrayObj::value(y.clone())],
    )?;
    let r = to_array(&r)?;
    if !equal_nan {
        return Ok(r.iter_scalars().all(|s| s.is_true()));
    }
    let nx = to_array(&un("isnan", ArrayObj::value(x.clone()))?)?;
    let ny = to_array(&un("isnan", ArrayObj::value(y.clone()))?)?;
    Ok(r.iter_scalars()
        .zip(nx.iter_scalars().zip(ny.iter_scalars()))
        .all(|(e, (p, q))| e.is_true() || (p.is_true() && q.is_true())))
}

fn np_array_equiv(_: &mut Interp, a: Args) -> PResult<Value> {
    let b = bind("array_equiv", a, &["a1", "a2"], 2)?;
    let x = to_array(b.req(0))?;
    let y = to_array(b.req(1))?;
    let Ok(shape) = broadcast_shapes(&[x.shape(), y.shape()]) else {
        return Ok(Value::Bool(false));
    };
    let (Some(xv), Some(yv)) = (x.broadcast_view(&shape), y.broadcast_view(&shape)) else {
        return Ok(Value::Bool(false));
    };
    Ok(Value::Bool(elements_equal(&xv, &yv, false)?))
}

pub static FUNCS: &[Builtin] = &[
    Builtin {
        name: "round",
        module: "numpy",
        sig: "round(a, decimals=0, out=None)",
        doc: "Evenly round to the given number of decimals.",
        f: np_round,
    },
    Builtin {
        name: "around",
        module: "numpy",
        sig: "around(a, decimals=0, out=None)",
        doc: "Round an array to the given number of decimals.",
        f: np_round,
    },
    Builtin {
        name: "fix",
        module: "numpy",
        sig: "fix(x, out=None)",
        doc: "Round to nearest integer towards zero.",
        f: np_fix,
    },
    Builtin {
        name: "clip",
        module: "numpy",
        sig: "clip(a, a_min, a_max, out=None)",
        doc: "Clip (limit) the values in an array.",
        f: np_clip,
    },
    Builtin {
        name: "nan_to_num",
        module: "numpy",
        sig: "nan_to_num(x, copy=True, nan=0.0, posinf=None, neginf=None)",
        doc: "Replace NaN with zero and infinity with large finite numbers.",
        f: np_nan_to_num,
    },
    Builtin {
        name: "real",
        module: "numpy",
        sig: "real(val)",
        doc: "Return the real part of the complex argument.",
        f: np_real,
    },
    Builtin {
        name: "imag",
        module: "numpy",
        sig: "imag(val)",
        doc: "Return the imaginary part of the complex argument.",
        f: np_imag,
    },
    Builtin {
        name: "angle",
        module: "numpy",
        sig: "angle(z, deg=False)",
        doc: "Return the angle of the complex argument.",
        f: np_angle,
    },
    Builtin {
        name: "isclose",
        module: "numpy",
        sig: "isclose(a, b, rtol=1e-05, atol=1e-08, equal_nan=False)",
        doc: "Returns a boolean array where two arrays are element-wise equal within a tolerance.",
        f: np_isclose,
    },
    Builtin {
        name: "allclose",
        module: "numpy",
        sig: "allclose(a, b, rtol=1e-05, atol=1e-08, equal_nan=False)",
        doc: "Returns True if two arrays are element-wise equal within a tolerance.",
        f: np_allclose,
    },
    Builtin {
        name: "array_equal",
        module: "numpy",
        sig: "array_equal(a1, a2, equal_nan=False)",
        doc: "True if two arrays have the same shape and elements, False otherwise.",
        f: np_array_equal,
    },
    Builtin {
        name: "array_equiv",
        module: "numpy",
        sig: "array_equiv(a1, a2)",
        doc: "Returns True if input arrays are shape consistent and all elements equal.",
        f: np_array_equiv,
    },
];
