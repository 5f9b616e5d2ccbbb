//! Operators on arrays and NumPy scalars (`a + b`, `a < 1`, `-a`, `a += b`): NEP 50
//! promotion with weak Python scalars, NumPy's loop selection per operation,
//! broadcasting, and 0-d results returned as NumPy scalars.

use super::convert::{Operand, operand_kind, to_array};
use super::{ArrayObj, OrExc, scalar};
use crate::array::view::broadcast_shapes;
use crate::array::{Casting, DType, NdArray, Scalar, Weak, dtype};
use crate::eval::exceptions::{Exc, ExcType, PResult, raise, type_error};
use crate::eval::value::Value;
use crate::kernels::binary::{BinKind, binary};
use crate::kernels::unary::{UnKind, unary};
use crate::parse::ast::{BinOp, CmpOp};
use std::rc::Rc;

/// Whether `v` makes an operator a NumPy operation.
pub fn is_np(v: &Value) -> bool {
    matches!(v, Value::Array(_) | Value::NpScalar(_))
}

fn kind_of(op: BinOp) -> Option<BinKind> {
    Some(match op {
        BinOp::Add => BinKind::Add,
        BinOp::Sub => BinKind::Sub,
        BinOp::Mul => BinKind::Mul,
        BinOp::Div => BinKind::Div,
        BinOp::FloorDiv => BinKind::FloorDiv,
        BinOp::Mod => BinKind::Mod,
        BinOp::Pow => BinKind::Pow,
        BinOp::BitAnd => BinKind::And,
        BinOp::BitOr => BinKind::Or,
        BinOp::BitXor => BinKind::Xor,
        BinOp::LShift => BinKind::Shl,
        BinOp::RShift => BinKind::Shr,
        _ => return None,
    })
}

pub fn cmp_kind(op: CmpOp) -> Option<BinKind> {
    Some(match op {
        CmpOp::Eq => BinKind::Eq,
        CmpOp::NotEq => BinKind::Ne,
        CmpOp::Lt => BinKind::Lt,
        CmpOp::Le => BinKind::Le,
        CmpOp::Gt => BinKind::Gt,
        CmpOp::Ge => BinKind::Ge,
        _ => return None,
    })
}

/// An operand of a NumPy operation: its array form and whether it was a Python scalar.
struct Arg {
    arr: Option<NdArray>,
    weak: Option<(Weak, Value)>,
    is_scalar: bool,
}

fn arg_of(v: &Value) -> PResult<Arg> {
    Ok(match operand_kind(v)? {
        Operand::Weak(w) => Arg {
            arr: None,
            weak: Some((w, v.clone())),
            is_scalar: true,
        },
        Operand::Strong(_) => Arg {
            is_scalar: !matches!(v, Value::Array(_)),
            arr: Some(to_array(v)?),
            weak: None,
        },
    })
}

/// The operand as a 0-d or n-d array of the loop dtype.
fn in_loop_dtype(a: &Arg, loop_dt: DType) -> PResult<NdArray> {
    match (&a.arr, &a.weak) {
        (Some(arr), _) => {
            if arr.dtype == loop_dt {
                Ok(arr.clone())
            } else {
                arr.astype(loop_dt, Casting::Unsafe).or_exc()
            }
        }
        (None, Some((_, v))) => {
            let s = match v {
                Value::Int(i) => Scalar::from_py_int(Some(*i as i128), loop_dt).or_exc()?,
                Value::BigInt(b) => {
                    use num_traits::ToPrimitive;
                    Scalar::from_py_int(b.to_i128(), loop_dt).or_exc()?
                }
                Value::Float(x) => Scalar::F64(*x).cast(loop_dt),
                Value::Complex(c) => Scalar::C128(**c).cast(loop_dt),
                _ => return type_error("unsupported operand"),
            };
            NdArray::from_scalar(s).or_exc()
        }
        _ => type_error("unsupported operand"),
    }
}

fn no_loop(k: BinKind, a: DType, b: DType) -> Box<Exc> {
    Exc::new(
        ExcType::UFuncNoLoopError,
        format!(
            "ufunc '{}' did not contain a loop with signature matching types (<class 'numpy.dtypes.{}DType'>, <class 'numpy.dtypes.{}DType'>) -> None",
            k.ufunc_name(),
            dtype_class(a),
            dtype_class(b)
        ),
    )
}

/// NumPy's DType class name (`Float64DType`).
fn dtype_class(d: DType) -> String {
    let n = d.name();
    let mut c = n.chars();
    match c.next() {
        Some(f) => {
            let rest: String = c.collect();
            if let Some(u) = rest.strip_prefix("int")
                && f == 'u'
            {
                return format!("UInt{u}");
            }
            if n == "bool" {
                return "Bool".to_string();
            }
            format!("{}{}", f.to_ascii_uppercase(), rest)
        }
        None => String::new(),
    }
}

/// The loop dtype NumPy picks for `k` on inputs promoting to `common`.
fn loop_dtype(k: BinKind, common: DType, a: DType, b: DType) -> PResult<DType> {
    let err = || -> PResult<DType> {
        Err(Exc::new(
            ExcType::UFuncNoLoopError,
            format!(
                "ufunc '{}' not supported for the input types, and the inputs could not be safely coerced to any supported types according to the casting rule ''safe''",
                k.ufunc_name()
            ),
        ))
    };
    Ok(match k {
        BinKind::Div => {
            if common.is_inexact() {
                common
            } else {
                DType::Float64
            }
        }
        BinKind::Sub if common == DType::Bool => {
            return type_error(
                "numpy boolean subtract, the `-` operator, is not supported, use the bitwise_xor, the `^` operator, or the logical_xor function instead.",
            );
        }
        BinKind::FloorDiv | BinKind::Mod | BinKind::Pow if common == DType::Bool => DType::Int8,
        BinKind::FloorDiv | BinKind::Mod if common.is_complex() => {
            return Err(no_loop(k, a, b));
        }
        BinKind::Shl | BinKind::Shr if common == DType::Bool => DType::Int8,
        _ if k.is_bitwise() && common.is_inexact() => return err(),
        _ => common,
    })
}

/// `a op b` where at least one side is a NumPy value; `None` when neither is.
pub fn binary_op(op: BinOp, a: &Value, b: &Value) -> PResult<Option<Value>> {
    if !is_np(a) && !is_np(b) {
        return Ok(None);
    }
    if op == BinOp::MatMul {
        return raise(
            ExcType::TypeError,
            "numpyx does not support the @ operator on arrays yet",
        );
    }
    let Some(k) = kind_of(op) else {
        return Ok(None);
    };
    if !operand_ok(a) || !operand_ok(b) {
        return Ok(None);
    }
    apply(k, a, b).map(Some)
}

/// Values NumPy turns into arrays for an operator.
fn operand_ok(v: &Value) -> bool {
    matches!(
        v,
        Value::Array(_)
            | Value::NpScalar(_)
            | Value::Int(_)
            | Value::BigInt(_)
            | Value::Float(_)
            | Value::Complex(_)
            | Value::Bool(_)
            | Value::List(_)
            | Value::Tuple(_)
    )
}

/// `a cmp b` for NumPy values; `None` when neither is one.
pub fn compare_op(op: CmpOp, a: &Value, b: &Value) -> PResult<Option<Value>> {
    if !is_np(a) && !is_np(b) {
        return Ok(None);
    }
    let Some(k) = cmp_kind(op) else {
        return Ok(None);
    };
    if !operand_ok(a) || !operand_ok(b) {
        return match k {
            BinKind::Eq => Ok(Some(Value::Bool(false))),
            BinKind::Ne => Ok(Some(Value::Bool(true))),
            _ => Ok(None),
        };
    }
    apply(k, a, b).map(Some)
}

/// Computes `k` on two operands into a fresh array (or a scalar for 0-d results).
pub fn apply(k: BinKind, a: &Value, b: &Value) -> PResult<Value> {
    let (out, scalar_result) = compute(k, a, b)?;
    Ok(wrap(out, scalar_result))
}

/// A result array as the value NumPy returns: 0-d results become scalars.
pub fn wrap(out: NdArray, _scalar_inputs: bool) -> Value {
    if out.ndim() == 0 {
        match out.item() {
            Ok(s) => scalar::value(s),
            Err(_) => ArrayObj::value(out),
        }
    } else {
        ArrayObj::value(out)
    }
}

fn compute(k: BinKind, a: &Value, b: &Value) -> PResult<(NdArray, bool)> {
    let x = arg_of(a)?;
    let y = arg_of(b)?;
    let mut strong = Vec::new();
    let mut weak = Vec::new();
    for arg in [&x, &y] {
        match (&arg.arr, &arg.weak) {
            (Some(arr), _) => strong.push(arr.dtype),
            (None, Some((w, _))) => weak.push(*w),
            _ => {}
        }
    }
    let common = match dtype::result_type(&strong, &weak) {
        Some(d) => d,
        None => return type_error("no common DType exists for the given inputs"),
    };
    let da = x.arr.as_ref().map(|a| a.dtype).unwrap_or(common);
    let db = y.arr.as_ref().map(|a| a.dtype).unwrap_or(common);
    let loop_dt = loop_dtype(k, common, da, db)?;
    let xa = in_loop_dtype(&x, loop_dt)?;
    let ya = in_loop_dtype(&y, loop_dt)?;
    if k == BinKind::Pow && loop_dt.is_integer() && has_negative(&ya) {
        return raise(
            ExcType::ValueError,
            "Integers to negative integer powers are not allowed.",
        );
    }
    let shape = broadcast_shapes(&[xa.shape(), ya.shape()]).or_exc()?;
    let xa = xa
        .broadcast_view(&shape)
        .ok_or_else(|| Exc::new(ExcType::ValueError, "broadcast"))?;
    let ya = ya
        .broadcast_view(&shape)
        .ok_or_else(|| Exc::new(ExcType::ValueError, "broadcast"))?;
    let out_dt = if k.is_comparison() {
        DType::Bool
    } else {
        loop_dt
    };
    let out = NdArray::zeros(&shape, out_dt, crate::array::Order::C).or_exc()?;
    let mut flags = binary(k, &out, &xa, &ya);
    let both_scalar = x.is_scalar && y.is_scalar;
    if both_scalar
        && loop_dt.is_integer()
        && matches!(k, BinKind::Add | BinKind::Sub | BinKind::Mul)
    {
        flags.overflow |= int_scalar_overflows(k, &xa, &ya, loop_dt);
    }
    super::scalar::warn_fp(flags, k.ufunc_name(), both_scalar)?;
    Ok((out, x.is_scalar && y.is_scalar))
}

/// Whether an integer scalar operation wraps (NumPy warns for scalars, not arrays).
fn int_scalar_overflows(k: BinKind, a: &NdArray, b: &NdArray, dt: DType) -> bool {
    let (Ok(x), Ok(y)) = (a.item(), b.item()) else {
        return false;
    };
    let (Some(x), Some(y)) = (x.to_i128(), y.to_i128()) else {
        return false;
    };
    let exact = match k {
        BinKind::Add => x + y,
        BinKind::Sub => x - y,
        _ => x * y,
    };
    match dt.iinfo() {
        Some(info) => exact < info.min || exact > info.max,
        None => false,
    }
}

fn has_negative(a: &NdArray) -> bool {
    a.dtype.is_signed_int() && a.iter_scalars().any(|s| s.to_i128().is_some_and(|v| v < 0))
}

/// `-a`, `+a`, `~a`, `abs(a)` on NumPy values; `None` when `v` is not one.
pub fn unary_op(k: Option<UnKind>, name: &str, v: &Value) -> PResult<Option<Value>> {
    if !is_np(v) {
        return Ok(None);
    }
    let arr = to_array(v)?;
    let Some(k) = k else {
        // Unary plus: a copy.
        let out = arr.copy(crate::array::Order::K).or_exc()?;
        return Ok(Some(wrap(out, !matches!(v, Value::Array(_)))));
    };
    if k == UnKind::Invert && arr.dtype.is_inexact() {
        return Err(Exc::new(
            ExcType::UFuncNoLoopError,
            "ufunc 'invert' not supported for the input types, and the inputs could not be safely coerced to any supported types according to the casting rule ''safe''",
        ));
    }
    if k == UnKind::Neg && arr.dtype == DType::Bool {
        return type_error(
            "The numpy boolean negative, the `-` operator, is not supported, use the `~` operator or the logical_not function instead.",
        );
    }
    let _ = name;
    let out_dt = if k == UnKind::Abs && arr.dtype.is_complex() {
        arr.dtype.real_dtype()
    } else {
        arr.dtype
    };
    let out = NdArray::zeros(arr.shape(), out_dt, crate::array::Order::C).or_exc()?;
    unary(k, &out, &arr);
    Ok(Some(wrap(out, !matches!(v, Value::Array(_)))))
}

/// `a op= b` on an array target: computes into `a` in place, casting with `same_kind`.
pub fn inplace_op(op: BinOp, target: &Rc<ArrayObj>, b: &Value) -> PResult<Option<Value>> {
    let Some(k) = kind_of(op) else {
        return Ok(None);
    };
    if !operand_ok(b) {
        return Ok(None);
    }
    let a_val = Value::Array(target.clone());
    let (res, _) = compute(k, &a_val, b)?;
    let dst = target.get();
    if !dtype::can_cast(res.dtype, dst.dtype, Casting::SameKind) {
        return Err(Exc::new(
            ExcType::UFuncOutputCastingError,
            format!(
                "Cannot cast ufunc '{}' output from dtype('{}') to dtype('{}') with casting rule 'same_kind'",
                k.ufunc_name(),
                res.dtype.name(),
                dst.dtype.name()
            ),
        ));
    }
    if res.shape() != dst.shape() {
        return raise(
            ExcType::ValueError,
            format!(
                "non-broadcastable output operand with shape {} doesn't match the broadcast shape {}",
                crate::array::shape_repr(dst.shape()),
                crate::array::shape_repr(res.shape())
            ),
        );
    }
    dst.assign(&res).or_exc()?;
    Ok(Some(a_val))
}
