//! `np.iinfo` and `np.finfo`: the limits of the integer and floating-point types.

use super::convert::to_dtype;
use super::{NativeObj, scalar};
use crate::array::{DType, Scalar};
use crate::eval::Interp;
use crate::eval::exceptions::{ExcType, PResult, raise};
use crate::eval::ops::int_from_big;
use crate::eval::value::{Args, Builtin, Value};
use half::f16;

/// The dtype an `iinfo`/`finfo` argument names: a dtype, type or dtype string, a NumPy
/// scalar's type, or a Python value's type. `Err`: what NumPy makes of the others (the
/// kind letter and type name of the object or str dtype).
fn dtype_of(v: &Value) -> Result<DType, (char, &'static str)> {
    match v {
        Value::Array(_) => Err(('O', "object_")),
        Value::NpScalar(s) => Ok(s.dtype()),
        Value::Bool(_) => Ok(DType::Bool),
        Value::Int(_) | Value::BigInt(_) => Ok(DType::Int64),
        Value::Float(_) => Ok(DType::Float64),
        Value::Complex(_) => Ok(DType::Complex128),
        Value::Str(_) => to_dtype(v).map_err(|_| ('U', "str_")),
        _ => to_dtype(v).map_err(|_| ('O', "object_")),
    }
}

#[derive(Debug)]
struct IInfo {
    dtype: DType,
}

impl NativeObj for IInfo {
    fn type_name(&self) -> &'static str {
        "iinfo"
    }
    fn repr(&self, _: &mut Interp) -> PResult<String> {
        let i = self.dtype.iinfo().unwrap_or(crate::array::dtype::IntInfo {
            bits: 0,
            min: 0,
            max: 0,
        });
        Ok(format!(
            "iinfo(min={}, max={}, dtype={})",
            i.min,
            i.max,
            self.dtype.name()
        ))
    }
    fn get_attr(&self, _: &mut Interp, _: &Value, name: &str) -> PResult<Option<Value>> {
        let i = self.dtype.iinfo().unwrap_or(crate::array::dtype::IntInfo {
            bits: 0,
            min: 0,
            max: 0,
        });
        Ok(Some(match name {
            "min" => int_from_big(i.min.into()),
            "max" => int_from_big(i.max.into()),
            "bits" => Value::Int(i.bits as i64),
            "dtype" => Value::DType(self.dtype),
            "kind" => Value::str(if self.dtype.is_signed_int() { "i" } else { "u" }),
            _ => return Ok(None),
        }))
    }
    fn attr_names(&self) -> Vec<&'static str> {
        vec!["bits", "dtype", "kind", "max", "min"]
    }
}

fn np_iinfo(_: &mut Interp, a: Args) -> PResult<Value> {
    a.expect("iinfo", 1, 1)?;
    match dtype_of(&a.pos[0]) {
        Ok(d) if d.iinfo().is_some() => Ok(super::NativeBox::value(IInfo { dtype: d })),
        Ok(d) => raise(
            ExcType::ValueError,
            format!("Invalid integer data type '{}'.", d.kind()),
        ),
        Err((k, _)) => raise(
            ExcType::ValueError,
            format!("Invalid integer data type '{k}'."),
        ),
    }
}

/// The parameters of one binary floating-point format.
#[derive(Debug, Clone, Copy)]
struct Format {
    bits: i64,
    /// Mantissa bits (without the implicit one) and exponent bits.
    nmant: i64,
    nexp: i64,
    /// Decimal digits of precision.
    precision: i64,
}

impl Format {
    fn of(d: DType) -> Format {
        match d {
            DType::Float16 => Format {
                bits: 16,
                nmant: 10,
                nexp: 5,
                precision: 3,
            },
            DType::Float32 => Format {
                bits: 32,
                nmant: 23,
                nexp: 8,
                precision: 6,
            },
            _ => Format {
                bits: 64,
                nmant: 52,
                nexp: 11,
                precision: 15,
            },
        }
    }
    /// `2^maxexp` overflows.
    fn maxexp(self) -> i64 {
        1 << (self.nexp - 1)
    }
    /// The least normal number is `2^minexp`.
    fn minexp(self) -> i64 {
        2 - self.maxexp()
    }
    /// Significant digits of `max` in the repr (NumPy's `%.Ne` format of the type).
    fn repr_digits(self) -> usize {
        match self.bits {
            16 => 5,
            32 => 7,
            _ => 16,
        }
    }
}

#[derive(Debug)]
struct FInfo {
    /// The real type described (complex types give their parts' type).
    dtype: DType,
}

impl FInfo {
    /// `v` as a NumPy scalar of the described type.
    fn scalar(&self, v: f64) -> Value {
        scalar::value(match self.dtype {
            DType::Float16 => Scalar::F16(f16::from_f64(v)),
            DType::Float32 => Scalar::F32(v as f32),
            _ => Scalar::F64(v),
        })
    }
    fn max(&self) -> f64 {
        match self.dtype {
            DType::Float16 => f16::MAX.to_f64(),
            DType::Float32 => f32::MAX as f64,
            _ => f64::MAX,
        }
    }
}

impl NativeObj for FInfo {
    fn type_name(&self) -> &'static str {
        "finfo"
    }
    fn repr(&self, it: &mut Interp) -> PResult<String> {
        let f = Format::of(self.dtype);
        let res = it.to_str(&self.scalar(10f64.powi(-(f.precision as i32))))?;
        // `max` in C's `%.Ne` form: "6.55040e+04".
        let m = format!("{:.*e}", f.repr_digits(), self.max());
        let (mant, exp) = m.split_once('e').unwrap_or((&m, "0"));
        let exp: i32 = exp.parse().unwrap_or(0);
        let max = format!("{mant}e{}{:02}", if exp < 0 { '-' } else { '+' }, exp.abs());
        Ok(format!(
            "finfo(resolution={res}, min=-{max}, max={max}, dtype={})",
            self.dtype.name()
        ))
    }
    fn get_attr(&self, _: &mut Interp, _: &Value, name: &str) -> PResult<Option<Value>> {
        let f = Format::of(self.dtype);
        let p2 = |e: i64| 2f64.powi(e as i32);
        Ok(Some(match name {
            "bits" => Value::Int(f.bits),
            "eps" => self.scalar(p2(-f.nmant)),
            "epsneg" => self.scalar(p2(-f.nmant - 1)),
            "max" => self.scalar(self.max()),
            "min" => self.scalar(-self.max()),
            "tiny" | "smallest_normal" => self.scalar(p2(f.minexp())),
            "smallest_subnormal" => self.scalar(p2(f.minexp()) * p2(-f.nmant)),
            "resolution" => self.scalar(10f64.powi(-(f.precision as i32))),
            "precision" => Value::Int(f.precision),
            "dtype" => Value::DType(self.dtype),
            "machep" => Value::Int(-f.nmant),
            "negep" => Value::Int(-f.nmant - 1),
            "minexp" => Value::Int(f.minexp()),
            "maxexp" => Value::Int(f.maxexp()),
            "nmant" => Value::Int(f.nmant),
            "nexp" | "iexp" => Value::Int(f.nexp),
            _ => return Ok(None),
        }))
    }
    fn attr_names(&self) -> Vec<&'static str> {
        vec![
            "bits",
            "dtype",
            "eps",
            "epsneg",
            "iexp",
            "machep",
            "max",
            "maxexp",
            "min",
            "minexp",
            "negep",
            "nexp",
            "nmant",
            "precision",
            "resolution",
            "smallest_normal",
            "smallest_subnormal",
            "tiny",
        ]
    }
}

fn np_finfo(_: &mut Interp, a: Args) -> PResult<Value> {
    a.expect("finfo", 1, 1)?;
    let not_inexact = |name: &str| {
        raise(
            ExcType::ValueError,
            format!("data type <class 'numpy.{name}'> not inexact"),
        )
    };
    let real = match dtype_of(&a.pos[0]) {
        Ok(d @ (DType::Float16 | DType::Float32 | DType::Float64)) => d,
        Ok(DType::Complex64) => DType::Float32,
        Ok(DType::Complex128) => DType::Float64,
        Ok(d) => return not_inexact(d.name()),
        Err((_, name)) => return not_inexact(name),
    };
    Ok(super::NativeBox::value(FInfo { dtype: real }))
}

pub static FUNCS: &[Builtin] = &[
    Builtin {
        name: "iinfo",
        module: "numpy",
        sig: "iinfo(int_type)",
        doc: "Machine limits for integer types: np.iinfo(np.int8).max is 127.",
        f: np_iinfo,
    },
    Builtin {
        name: "finfo",
        module: "numpy",
        sig: "finfo(dtype)",
        doc: "Machine limits for floating point types: np.finfo(np.float32).eps.",
        f: np_finfo,
    },
];
