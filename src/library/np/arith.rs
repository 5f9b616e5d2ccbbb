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
    no_loop_for(k.ufunc_name(), &[dtype_class_repr(a), dtype_class_repr(b)])
}

/// NumPy's UFuncTypeError for a ufunc without a loop for inputs of these DType classes.
pub(crate) fn no_loop_for(name: &str, classes: &[String]) -> Box<Exc> {
    let sig = match classes {
        [one] => one.clone(),
        _ => format!("({})", classes.join(", ")),
    };
    Exc::new(
        ExcType::UFuncNoLoopError,
        format!(
            "ufunc '{name}' did not contain a loop with signature matching types {sig} -> None"
        ),
    )
}

/// A DType class as Python shows it: `<class 'numpy.dtypes.Float64DType'>`.
pub(crate) fn dtype_class_repr(d: DType) -> String {
    format!("<class 'numpy.dtypes.{}DType'>", dtype_class(d))
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
            ExcType::TypeError,
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
    if let Some(v) = fast_apply(k, a, b)? {
        return Ok(v);
    }
    let (out, scalar_result) = compute(k, a, b)?;
    Ok(wrap(out, scalar_result))
}

/// The common case without the general machinery: float64/float32 arrays of one shape
/// (or one side a Python float/int), contiguous, `+ - * /` or a comparison. A temporary
/// left operand that nothing else can see (`a * b` in `a * b + c`) is written over, as
/// NumPy's temporary elision does.
fn fast_apply(k: BinKind, a: &Value, b: &Value) -> PResult<Option<Value>> {
    use crate::kernels::simd::{self, Side};
    let (vop, vcmp) = (k.vop(), k.vcmp());
    if vop.is_none() && vcmp.is_none() {
        return Ok(None);
    }
    let Value::Array(xo) = a else {
        // Python scalar on the left.
        return Ok(None);
    };
    let x = xo.arr.borrow();
    let dt = x.dtype;
    if !matches!(dt, DType::Float64 | DType::Float32) || x.ndim() == 0 || !x.is_c_contiguous() {
        return Ok(None);
    }
    let n = x.size();
    // Temporary elision: the left operand is ours alone (no other value, view or name).
    let elide = vop.is_some()
        && Rc::strong_count(xo) == 1
        && xo.base.is_none()
        && x.owns_data
        && x.writeable
        && Rc::strong_count(&x.storage) == 1
        && !matches!(b, Value::Array(yo) if Rc::ptr_eq(xo, yo));
    // The right side: an array of the same dtype and shape, or a Python float/int.
    let (py, oy, yscalar) = match b {
        Value::Array(yo) => {
            if Rc::ptr_eq(xo, yo) {
                (x.storage.as_ptr() as usize, x.offset, None)
            } else {
                let y = yo.arr.borrow();
                if y.dtype != dt || y.shape != x.shape || !y.is_c_contiguous() {
                    return Ok(None);
                }
                (y.storage.as_ptr() as usize, y.offset, None)
            }
        }
        Value::Float(f) => (0, 0, Some(*f)),
        Value::Int(i) if i.unsigned_abs() < (1 << 53) => (0, 0, Some(*i as f64)),
        _ => return Ok(None),
    };
    let out_dt = if vcmp.is_some() { DType::Bool } else { dt };
    let out = if elide {
        x.clone()
    } else {
        // Every element is written by the kernel below.
        NdArray::uninit_like(&x, out_dt).or_exc()?
    };
    let (px, ox) = (x.storage.as_ptr() as usize, x.offset);
    let (po, oo) = (out.storage.as_ptr() as usize, out.offset);
    drop(x);
    let mut flags = crate::kernels::FpFlags::default();
    macro_rules! go {
        ($t:ty, $arith:path, $cmp:path) => {{
            let sz = std::mem::size_of::<$t>();
            // SAFETY: all operands are C-contiguous with `n` elements from their offsets
            // (the right side may be a scalar); chunks of the output are disjoint.
            let side = |base: usize, off: usize, lo: usize| unsafe {
                match yscalar {
                    Some(f) if base == 0 => Side::Splat(f as $t),
                    _ => Side::Run((base as *const u8).add(off + lo * sz) as *const $t),
                }
            };
            if let Some(op) = vop {
                flags = crate::kernels::loops::par_chunks(n, |lo, len| unsafe {
                    let o = (po as *mut u8).add(oo + lo * sz) as *mut $t;
                    $arith(
                        op,
                        o,
                        Side::Run((px as *const u8).add(ox + lo * sz) as *const $t),
                        side(py, oy, lo),
                        len,
                    )
                });
            } else if let Some(op) = vcmp {
                crate::kernels::loops::par_chunks(n, |lo, len| unsafe {
                    let o = (po as *mut u8).add(oo + lo) as *mut bool;
                    $cmp(
                        op,
                        o,
                        Side::Run((px as *const u8).add(ox + lo * sz) as *const $t),
                        side(py, oy, lo),
                        len,
                    );
                    crate::kernels::FpFlags::default()
                });
            }
        }};
    }
    if dt == DType::Float64 {
        go!(f64, simd::arith_f64, simd::cmp_f64)
    } else {
        go!(f32, simd::arith_f32, simd::cmp_f32)
    }
    super::scalar::warn_fp(flags, k.ufunc_name(), false)?;
    if elide {
        return Ok(Some(a.clone()));
    }
    Ok(Some(ArrayObj::value(out)))
}

/// `a * b + c`, `a * b - c`, `c + a * b` or `c - a * b` (`outer` is the add or subtract,
/// `prod_first` whether the product is its left operand) in one pass, when the three are
/// float64 or float32 arrays of one dtype and shape, all C-contiguous. The product goes
/// through a block that stays in the cache, so the result and the events of each step are
/// exactly those of the two operations in turn (NumPy with its temporary elided); the
/// memory traffic is that of one. The flags are returned for the caller to report
/// (product first). `None`: not this case, nothing done.
pub fn fused_mul_add(
    outer: BinKind,
    prod_first: bool,
    a: &Value,
    b: &Value,
    c: &Value,
) -> Option<(Value, crate::kernels::FpFlags, crate::kernels::FpFlags)> {
    use crate::kernels::FpFlags;
    use crate::kernels::simd::{self, Side, VOp};
    let (Value::Array(ao), Value::Array(bo), Value::Array(co)) = (a, b, c) else {
        return None;
    };
    let outer_op = match outer.vop()? {
        op @ (VOp::Add | VOp::Sub) => op,
        _ => return None,
    };
    let (x, y, z) = (ao.arr.borrow(), bo.arr.borrow(), co.arr.borrow());
    let dt = x.dtype;
    let same = |v: &NdArray| v.dtype == dt && v.shape == x.shape && v.is_c_contiguous();
    if !matches!(dt, DType::Float64 | DType::Float32)
        || x.ndim() == 0
        || !x.is_c_contiguous()
        || !same(&y)
        || !same(&z)
    {
        return None;
    }
    let n = x.size();
    // Every element is written below.
    let out = NdArray::uninit_like(&x, dt).ok()?;
    let addr = |v: &NdArray| v.storage.as_ptr() as usize + v.offset;
    let (px, py, pz, po) = (addr(&x), addr(&y), addr(&z), addr(&out));
    drop((x, y, z));
    /// Elements per block: the product stays in L1 between the two steps.
    const BLOCK: usize = 1024;
    macro_rules! go {
        ($t:ty, $arith:path) => {{
            let flags = std::sync::Mutex::new((FpFlags::default(), FpFlags::default()));
            crate::kernels::loops::par_chunks(n, |lo, len| {
                let (mut fm, mut fa) = (FpFlags::default(), FpFlags::default());
                let mut i = lo;
                while i < lo + len {
                    let k = BLOCK.min(lo + len - i);
                    // SAFETY: elements `i..i + k` of the four contiguous operands; chunks
                    // of the output are disjoint between threads.
                    unsafe {
                        let run = |p: usize| Side::Run((p as *const $t).add(i));
                        let o = (po as *mut $t).add(i);
                        fm = fm.union($arith(VOp::Mul, o, run(px), run(py), k));
                        let (l, r) = if prod_first {
                            (run(po), run(pz))
                        } else {
                            (run(pz), run(po))
                        };
                        fa = fa.union($arith(outer_op, o, l, r, k));
                    }
                    i += k;
                }
                let mut g = flags.lock().unwrap_or_else(|e| e.into_inner());
                g.0 = g.0.union(fm);
                g.1 = g.1.union(fa);
                FpFlags::default()
            });
            flags.into_inner().unwrap_or_else(|e| e.into_inner())
        }};
    }
    let (fm, fa) = if dt == DType::Float64 {
        go!(f64, simd::arith_f64)
    } else {
        go!(f32, simd::arith_f32)
    };
    Some((ArrayObj::value(out), fm, fa))
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
    let mut loop_dt = loop_dtype(k, common, da, db)?;
    if k.is_comparison() && loop_dt.is_integer() {
        let as_input = |a: &Arg| super::ufunc::Input {
            arr: a.arr.clone(),
            weak: a.weak.clone(),
            scalar: a.is_scalar,
        };
        loop_dt = super::ufunc::comparison_loop(&[as_input(&x), as_input(&y)], vec![loop_dt; 2])[0];
    }
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
            ExcType::TypeError,
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
