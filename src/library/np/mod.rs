//! The `numpy` module as scripts see it: array and scalar values, the function table,
//! and the glue between interpreter values and the array runtime in `crate::array`.

pub mod args;
pub mod arith;
pub mod attrs;
pub mod convert;
pub mod create;
pub mod differences;
pub mod index;
pub mod limits;
pub mod manip;
pub mod printing;
pub mod reduce;
pub mod scalar;
pub mod ufunc;
pub mod warnings;

use crate::array::{ArrayError, DType, ErrKind, NdArray};
use crate::eval::Interp;
use crate::eval::exceptions::{Exc, ExcType, PResult};
use crate::eval::value::{Args, Builtin, ModuleObj, TypeObj, Value};
use std::cell::RefCell;
use std::rc::Rc;

/// An `np.ndarray` object. Its view (shape, strides, dtype) can be replaced in place
/// (`a.shape = (2, 3)`); `base` is the array that owns the memory, as NumPy's `.base`.
#[derive(Debug)]
pub struct ArrayObj {
    pub arr: RefCell<NdArray>,
    pub base: Option<Rc<ArrayObj>>,
}

impl ArrayObj {
    /// A value for an array that owns (or is the first holder of) its memory.
    pub fn value(arr: NdArray) -> Value {
        Value::Array(Rc::new(ArrayObj {
            arr: RefCell::new(arr),
            base: None,
        }))
    }

    /// A value for a view of `of`'s memory; `.base` is the owner, as NumPy collapses chains.
    pub fn view_value(arr: NdArray, of: &Rc<ArrayObj>) -> Value {
        let base = match &of.base {
            Some(b) => b.clone(),
            None => of.clone(),
        };
        let mut arr = arr;
        arr.owns_data = false;
        Value::Array(Rc::new(ArrayObj {
            arr: RefCell::new(arr),
            base: Some(base),
        }))
    }

    /// A copy of the current view (cheap: shares the buffer).
    pub fn get(&self) -> NdArray {
        self.arr.borrow().clone()
    }
}

/// A library object with attributes and methods of its own.
pub trait NativeObj: std::fmt::Debug {
    /// `type(x).__name__`.
    fn type_name(&self) -> &'static str;
    /// `repr(x)`.
    fn repr(&self, it: &mut Interp) -> PResult<String>;
    /// `x.name`, `None` when there is no such attribute.
    fn get_attr(&self, it: &mut Interp, this: &Value, name: &str) -> PResult<Option<Value>> {
        let _ = (it, this, name);
        Ok(None)
    }
    /// `x.name(args)`, `None` when there is no such method.
    fn call_method(
        &self,
        it: &mut Interp,
        this: &Value,
        name: &str,
        args: Args,
    ) -> PResult<Option<Value>> {
        let _ = (it, this, name, args);
        Ok(None)
    }
    /// `x[key]`.
    fn get_item(&self, it: &mut Interp, key: &Value) -> PResult<Option<Value>> {
        let _ = (it, key);
        Ok(None)
    }
    /// `x[key] = value`, `None` when the object does not support item assignment.
    fn set_item(&self, it: &mut Interp, key: &Value, value: &Value) -> PResult<Option<()>> {
        let _ = (it, key, value);
        Ok(None)
    }
    /// Whether the object is its own iterator (`iter(x) is x`), stepped by [`Self::next_item`].
    fn is_iterator(&self) -> bool {
        false
    }
    /// `next(x)` for an object that [`Self::is_iterator`]: `None` once exhausted.
    fn next_item(&self, it: &mut Interp) -> PResult<Option<Value>> {
        let _ = it;
        Ok(None)
    }
    /// Names for `dir()` and completion.
    fn attr_names(&self) -> Vec<&'static str> {
        Vec::new()
    }
}

/// A thin pointer to a [`NativeObj`], so that `Value` stays two words.
#[derive(Debug)]
pub struct NativeBox(pub Box<dyn NativeObj>);

impl NativeBox {
    pub fn value(obj: impl NativeObj + 'static) -> Value {
        Value::Native(Rc::new(NativeBox(Box::new(obj))))
    }
}

/// Turns a runtime error into the interpreter's exception of the same NumPy type.
pub fn exc(e: ArrayError) -> Box<Exc> {
    let ty = match e.kind {
        ErrKind::ValueError => ExcType::ValueError,
        ErrKind::TypeError => ExcType::TypeError,
        ErrKind::IndexError => ExcType::IndexError,
        ErrKind::MemoryError => ExcType::MemoryError,
        ErrKind::OverflowError => ExcType::OverflowError,
        ErrKind::AxisError => ExcType::AxisError,
        ErrKind::ZeroDivisionError => ExcType::ZeroDivisionError,
    };
    Exc::new(ty, e.msg)
}

/// `Result<T, ArrayError>` into the interpreter's result.
pub trait OrExc<T> {
    fn or_exc(self) -> PResult<T>;
}

impl<T> OrExc<T> for Result<T, ArrayError> {
    #[inline]
    fn or_exc(self) -> PResult<T> {
        self.map_err(exc)
    }
}

/// The NumPy scalar types the module exposes, by attribute name.
const SCALAR_TYPES: &[(&str, DType)] = &[
    ("bool", DType::Bool),
    ("bool_", DType::Bool),
    ("int8", DType::Int8),
    ("int16", DType::Int16),
    ("int32", DType::Int32),
    ("int64", DType::Int64),
    ("int_", DType::Int64),
    ("intp", DType::Int64),
    ("uint8", DType::UInt8),
    ("uint16", DType::UInt16),
    ("uint32", DType::UInt32),
    ("uint64", DType::UInt64),
    ("uint", DType::UInt64),
    ("byte", DType::Int8),
    ("ubyte", DType::UInt8),
    ("short", DType::Int16),
    ("ushort", DType::UInt16),
    ("intc", DType::Int32),
    ("uintc", DType::UInt32),
    ("longlong", DType::Int64),
    ("ulonglong", DType::UInt64),
    ("float16", DType::Float16),
    ("half", DType::Float16),
    ("float32", DType::Float32),
    ("single", DType::Float32),
    ("float64", DType::Float64),
    ("double", DType::Float64),
    ("complex64", DType::Complex64),
    ("csingle", DType::Complex64),
    ("complex128", DType::Complex128),
    ("cdouble", DType::Complex128),
];

/// The `numpy` module object.
pub fn module() -> Value {
    let mut attrs = indexmap::IndexMap::new();
    for table in TABLES {
        for f in table.iter() {
            attrs.insert(Rc::from(f.name), Value::Builtin(f));
        }
    }
    for (name, v) in ufunc::values() {
        attrs.insert(Rc::from(name), v);
    }
    for (name, dt) in SCALAR_TYPES {
        attrs.insert(Rc::from(*name), Value::Type(TypeObj::NpScalar(*dt)));
    }
    attrs.insert(Rc::from("ndarray"), Value::Type(TypeObj::NdArray));
    attrs.insert(Rc::from("dtype"), Value::Type(TypeObj::NpDType));
    attrs.insert(Rc::from("newaxis"), Value::None);
    attrs.insert(Rc::from("pi"), Value::Float(std::f64::consts::PI));
    attrs.insert(Rc::from("e"), Value::Float(std::f64::consts::E));
    attrs.insert(
        Rc::from("euler_gamma"),
        Value::Float(0.577_215_664_901_532_9),
    );
    attrs.insert(Rc::from("inf"), Value::Float(f64::INFINITY));
    attrs.insert(Rc::from("nan"), Value::Float(f64::NAN));
    attrs.insert(
        Rc::from("True_"),
        scalar::value(crate::array::Scalar::Bool(true)),
    );
    attrs.insert(
        Rc::from("False_"),
        scalar::value(crate::array::Scalar::Bool(false)),
    );
    attrs.insert(Rc::from("__version__"), Value::str("2.4.6"));
    let exceptions = exceptions_module();
    attrs.insert(Rc::from("exceptions"), exceptions);
    attrs.insert(
        Rc::from("AxisError"),
        Value::Type(TypeObj::Exc(ExcType::AxisError)),
    );
    Value::Module(Rc::new(ModuleObj {
        name: Rc::from("numpy"),
        attrs: RefCell::new(attrs),
    }))
}

fn exceptions_module() -> Value {
    let mut attrs = indexmap::IndexMap::new();
    attrs.insert(
        Rc::from("AxisError"),
        Value::Type(TypeObj::Exc(ExcType::AxisError)),
    );
    Value::Module(Rc::new(ModuleObj {
        name: Rc::from("numpy.exceptions"),
        attrs: RefCell::new(attrs),
    }))
}

/// Every function table of the module, for `help()` and the docs test.
pub fn all_funcs() -> impl Iterator<Item = &'static Builtin> {
    TABLES.iter().copied().flatten()
}

/// The module's function tables, one per source file.
const TABLES: &[&[Builtin]] = &[
    create::FUNCS,
    differences::FUNCS,
    attrs::FUNCS,
    printing::FUNCS,
    convert::FUNCS,
    index::FUNCS,
    ufunc::FUNCS,
    warnings::FUNCS,
    reduce::FUNCS,
    manip::FUNCS,
    limits::FUNCS,
];

/// Methods of arrays (for bound-method lookup and `dir()`).
pub const ARRAY_METHODS: &[&str] = &[
    "astype",
    "choose",
    "clip",
    "compress",
    "copy",
    "diagonal",
    "fill",
    "flatten",
    "item",
    "nonzero",
    "put",
    "ravel",
    "reshape",
    "round",
    "squeeze",
    "swapaxes",
    "take",
    "tolist",
    "transpose",
    "view",
];

/// Methods of NumPy scalars.
const SCALAR_METHODS: &[&str] = &[
    "item",
    "tolist",
    "astype",
    "conjugate",
    "conj",
    "is_integer",
    "copy",
    "round",
];

/// `obj.name` for NumPy values; `None` when `obj` is not one or has no such attribute.
pub fn get_attr(it: &mut Interp, obj: &Value, name: &str) -> PResult<Option<Value>> {
    match obj {
        Value::Array(a) => {
            if let Some(v) = attrs::get_attr(a, name)? {
                return Ok(Some(v));
            }
            if ARRAY_METHODS.contains(&name) || reduce::METHODS.contains(&name) {
                return Ok(Some(Value::Method(Rc::new((obj.clone(), Rc::from(name))))));
            }
            Err(Exc::new(
                ExcType::AttributeError,
                format!("'numpy.ndarray' object has no attribute '{name}'"),
            ))
        }
        Value::NpScalar(s) => {
            if let Some(v) = scalar::get_attr(**s, name) {
                return Ok(Some(v));
            }
            if SCALAR_METHODS.contains(&name) {
                return Ok(Some(Value::Method(Rc::new((obj.clone(), Rc::from(name))))));
            }
            Err(Exc::new(
                ExcType::AttributeError,
                format!(
                    "'numpy.{}' object has no attribute '{name}'",
                    s.dtype().name()
                ),
            ))
        }
        Value::DType(d) => Ok(Some(dtype_attr(*d, name)?)),
        Value::Native(n) => match n.0.get_attr(it, obj, name)? {
            Some(v) => Ok(Some(v)),
            None => Err(Exc::new(
                ExcType::AttributeError,
                format!("'{}' object has no attribute '{name}'", n.0.type_name()),
            )),
        },
        _ => Ok(None),
    }
}

fn dtype_attr(d: DType, name: &str) -> PResult<Value> {
    Ok(match name {
        "name" => Value::str(d.name()),
        "kind" => Value::str(&d.kind().to_string()),
        "char" => Value::str(&d.char().to_string()),
        "itemsize" => Value::Int(d.itemsize() as i64),
        "str" => Value::str(&d.str_()),
        "type" => Value::Type(TypeObj::NpScalar(d)),
        "ndim" => Value::Int(0),
        "shape" => Value::tuple(vec![]),
        "alignment" => Value::Int(match d {
            DType::Complex64 => 4,
            DType::Complex128 => 8,
            d => d.itemsize() as i64,
        }),
        "byteorder" => Value::str(if d.itemsize() == 1 { "|" } else { "=" }),
        "num" => Value::Int(match d {
            DType::Bool => 0,
            DType::Int8 => 1,
            DType::UInt8 => 2,
            DType::Int16 => 3,
            DType::UInt16 => 4,
            DType::Int32 => 5,
            DType::UInt32 => 6,
            DType::Int64 => 7,
            DType::UInt64 => 8,
            DType::Float16 => 23,
            DType::Float32 => 11,
            DType::Float64 => 12,
            DType::Complex64 => 14,
            DType::Complex128 => 15,
        }),
        _ => {
            return Err(Exc::new(
                ExcType::AttributeError,
                format!(
                    "'numpy.dtypes.{}DType' object has no attribute '{name}'",
                    dtype_class_name(d)
                ),
            ));
        }
    })
}

/// NumPy's DType class name stem (`Float64`, `UInt8`, `Bool`).
pub fn dtype_class_name(d: DType) -> String {
    match d {
        DType::Bool => "Bool".to_string(),
        DType::UInt8 | DType::UInt16 | DType::UInt32 | DType::UInt64 => {
            format!("UInt{}", &d.name()[4..])
        }
        _ => {
            let n = d.name();
            let mut c = n.chars();
            match c.next() {
                Some(f) => format!("{}{}", f.to_ascii_uppercase(), c.as_str()),
                None => String::new(),
            }
        }
    }
}

/// `obj.name(args)` for NumPy values; `None` when `obj` is not one.
pub fn call_method(it: &mut Interp, obj: &Value, name: &str, a: Args) -> PResult<Option<Value>> {
    let missing = |tn: String| -> PResult<Option<Value>> {
        Err(Exc::new(
            ExcType::AttributeError,
            format!("'{tn}' object has no attribute '{name}'"),
        ))
    };
    match obj {
        Value::Array(_) if reduce::METHODS.contains(&name) => reduce::call_method(it, obj, name, a),
        Value::Array(_) => match attrs::call_method(it, obj, name, a)? {
            Some(v) => Ok(Some(v)),
            None => match attrs::get_attr(
                match obj {
                    Value::Array(x) => x,
                    _ => unreachable!(),
                },
                name,
            )? {
                Some(v) => Ok(Some(it.call_value(&v, Args::default())?)),
                None => missing("numpy.ndarray".to_string()),
            },
        },
        Value::NpScalar(s) => match scalar::call_method(it, **s, name, a)? {
            Some(v) => Ok(Some(v)),
            None => missing(format!("numpy.{}", s.dtype().name())),
        },
        Value::Native(n) => match n.0.call_method(it, obj, name, a)? {
            Some(v) => Ok(Some(v)),
            None => missing(n.0.type_name().to_string()),
        },
        Value::DType(d) => missing(format!("numpy.dtypes.{}DType", dtype_class_name(*d))),
        _ => Ok(None),
    }
}

/// `a == b` as Python containers see it, for NumPy scalars and dtypes.
pub fn py_eq(a: &Value, b: &Value) -> PResult<Option<bool>> {
    match (a, b) {
        (Value::DType(d), other) | (other, Value::DType(d)) => Ok(Some(
            matches!(other, Value::DType(_) | Value::Type(_) | Value::Str(_))
                && convert::to_dtype(other).is_ok_and(|o| o == *d),
        )),
        (Value::NpScalar(s), other) | (other, Value::NpScalar(s)) => {
            let x = convert::python_scalar(**s);
            match other {
                Value::NpScalar(t) => {
                    let y = convert::python_scalar(**t);
                    crate::eval::ops::py_eq(&x, &y).map(Some)
                }
                Value::Int(_)
                | Value::BigInt(_)
                | Value::Float(_)
                | Value::Bool(_)
                | Value::Complex(_) => crate::eval::ops::py_eq(&x, other).map(Some),
                _ => Ok(Some(false)),
            }
        }
        _ => Ok(None),
    }
}

/// `repr(v)` for NumPy values; `None` when `v` is not one.
pub fn repr(it: &mut Interp, v: &Value) -> PResult<Option<String>> {
    Ok(Some(match v {
        Value::Array(a) => printing::array_repr(&a.arr.borrow())?,
        Value::NpScalar(s) => scalar::repr(**s),
        Value::DType(d) => format!("dtype('{}')", d.name()),
        Value::Native(n) => n.0.repr(it)?,
        Value::Type(TypeObj::NpScalar(d)) => format!("<class 'numpy.{}'>", scalar_type_name(*d)),
        Value::Type(TypeObj::NdArray) => "<class 'numpy.ndarray'>".to_string(),
        Value::Type(TypeObj::NpDType) => "<class 'numpy.dtype'>".to_string(),
        _ => return Ok(None),
    }))
}

/// The class name NumPy prints for a scalar type (`numpy.bool`, `numpy.float64`).
fn scalar_type_name(d: DType) -> &'static str {
    d.name()
}

/// `str(v)` for NumPy values; `None` when `v` is not one (or `str` is its `repr`).
pub fn to_str(v: &Value) -> PResult<Option<String>> {
    Ok(Some(match v {
        Value::Array(a) => printing::array_str(&a.arr.borrow())?,
        Value::NpScalar(s) => scalar::str(**s),
        Value::DType(d) => d.name().to_string(),
        _ => return Ok(None),
    }))
}
