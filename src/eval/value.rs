//! The interpreter's values: Python's built-in types, functions, modules and
//! exceptions. Heap values are reference-counted; lists and dicts are shared and
//! mutable as in Python.

use super::exceptions::{ExcObj, ExcType, PResult, type_error};
use crate::parse::ast::FuncDef;
use indexmap::IndexMap;
use num_bigint::BigInt;
use num_complex::Complex64;
use std::cell::RefCell;
use std::hash::{Hash, Hasher};
use std::rc::Rc;

use crate::array::{DType, Scalar};
pub use crate::library::np::{ArrayObj, NativeBox, NativeObj};
pub use crate::text::RcStr;

pub type ListRef = Rc<RefCell<Vec<Value>>>;
pub type DictRef = Rc<RefCell<Dict>>;

/// Tagged with a whole word so that copies are two aligned moves.
#[derive(Debug)]
#[repr(u64)]
pub enum Value {
    None,
    Bool(bool),
    Int(i64),
    BigInt(Rc<BigInt>),
    Float(f64),
    Complex(Rc<Complex64>),
    Str(RcStr),
    List(ListRef),
    Tuple(Rc<Vec<Value>>),
    Dict(DictRef),
    Set(DictRef),
    Range(Rc<RangeObj>),
    Slice(Rc<SliceObj>),
    Func(Rc<Function>),
    Builtin(&'static Builtin),
    /// A method looked up on a value but not yet called (`f = xs.append`).
    Method(Rc<(Value, Rc<str>)>),
    Module(Rc<ModuleObj>),
    Type(TypeObj),
    Exception(Rc<ExcObj>),
    Iter(Rc<RefCell<IterObj>>),
    Ellipsis,
    /// A NumPy array (`np.ndarray`).
    Array(Rc<ArrayObj>),
    /// A NumPy scalar (`np.float64(1.5)`, `np.True_`), distinct from a 0-d array.
    NpScalar(Rc<Scalar>),
    /// A dtype object (`np.dtype('float32')`).
    DType(DType),
    /// A library object with its own attributes and methods (context managers,
    /// generators, ufuncs, ...).
    Native(Rc<NativeBox>),
    /// Internal: a closure cell stored in a frame slot.
    Cell(Rc<RefCell<Value>>),
    /// Internal: an unbound local or global.
    Undef,
}

impl Default for Value {
    /// An unbound slot.
    fn default() -> Value {
        Value::Undef
    }
}

impl Clone for Value {
    /// Inline for the unboxed values the hot paths copy (a tag test and a copy of the
    /// words; an int by its words, as locals are read right after a store); the rest
    /// bump a count.
    #[inline(always)]
    fn clone(&self) -> Value {
        match self {
            // By its words: see `Value::relocate`.
            Value::Int(i) => Value::Int(read_word(i)),
            v if v.is_heap() => v.clone_slow(),
            // SAFETY: a non-heap value owns nothing (no reference count, no
            // allocation), so a bitwise copy is an independent, valid value.
            v => unsafe { std::ptr::read(v) },
        }
    }
}

/// Reads a payload word on its own. (A volatile read: LLVM would otherwise see that
/// the rebuilt value has the bits of the original and copy all 16 bytes at once.)
#[inline(always)]
fn read_word<T: Copy>(x: &T) -> T {
    // SAFETY: `x` is a valid reference to a `Copy` value.
    unsafe { std::ptr::read_volatile(x) }
}

impl Value {
    /// Whether dropping the value may release something (a reference count). The
    /// plain variants are listed, so that any variant added later counts as heap.
    #[inline(always)]
    pub fn is_heap(&self) -> bool {
        !matches!(
            self,
            Value::None
                | Value::Bool(_)
                | Value::Int(_)
                | Value::Float(_)
                | Value::Builtin(_)
                | Value::Type(_)
                | Value::Ellipsis
                | Value::Undef
        )
    }

    /// Moves `v` to its new place, rebuilding ints and floats from their payload.
    ///
    /// Values built in registers are stored as two 8-byte words (tag, payload), and a
    /// plain move of a value copies all 16 bytes with one load; the store buffer
    /// cannot forward two stores into one load, so that load waits until the stores
    /// retire: a stall of a dozen cycles whenever a value is moved right after it was
    /// written (a local just assigned, a result just returned). Reading the words on
    /// their own forwards.
    #[inline(always)]
    pub fn relocate(v: Value) -> Value {
        match v {
            Value::Int(ref i) => Value::Int(read_word(i)),
            Value::Float(ref x) => Value::Float(read_word(x)),
            v => v,
        }
    }

    /// Takes the value out of `slot` (leaving `Undef`), `relocate`d.
    #[inline(always)]
    pub fn take_from(slot: &mut Value) -> Value {
        let v = match slot {
            Value::Int(i) => Value::Int(read_word(i)),
            Value::Float(x) => Value::Float(read_word(x)),
            _ => return std::mem::take(slot),
        };
        // The old value is an int or a float: nothing to drop.
        std::mem::forget(std::mem::replace(slot, Value::Undef));
        v
    }

    /// Stores `v` in `slot`. The old value's drop glue (an out-of-line call) runs only
    /// if it may hold a reference.
    #[inline(always)]
    pub fn set(slot: &mut Value, v: Value) {
        if slot.is_heap() {
            *slot = v;
        } else {
            // Only the tag is read: the old value owns nothing.
            std::mem::forget(std::mem::replace(slot, v));
        }
    }

    /// Drops `v`, calling the drop glue only for heap values.
    #[inline(always)]
    pub fn discard(v: Value) {
        if v.is_heap() {
            drop(v);
        } else {
            std::mem::forget(v);
        }
    }

    #[inline(never)]
    fn clone_slow(&self) -> Value {
        match self {
            Value::None => Value::None,
            Value::Bool(b) => Value::Bool(*b),
            Value::Int(i) => Value::Int(*i),
            Value::BigInt(b) => Value::BigInt(b.clone()),
            Value::Float(x) => Value::Float(*x),
            Value::Complex(c) => Value::Complex(c.clone()),
            Value::Str(s) => Value::Str(s.clone()),
            Value::List(l) => Value::List(l.clone()),
            Value::Tuple(t) => Value::Tuple(t.clone()),
            Value::Dict(d) => Value::Dict(d.clone()),
            Value::Set(d) => Value::Set(d.clone()),
            Value::Range(r) => Value::Range(r.clone()),
            Value::Slice(s) => Value::Slice(s.clone()),
            Value::Func(f) => Value::Func(f.clone()),
            Value::Builtin(b) => Value::Builtin(b),
            Value::Method(m) => Value::Method(m.clone()),
            Value::Module(m) => Value::Module(m.clone()),
            Value::Type(t) => Value::Type(*t),
            Value::Exception(e) => Value::Exception(e.clone()),
            Value::Iter(i) => Value::Iter(i.clone()),
            Value::Ellipsis => Value::Ellipsis,
            Value::Array(a) => Value::Array(a.clone()),
            Value::NpScalar(x) => Value::NpScalar(x.clone()),
            Value::DType(d) => Value::DType(*d),
            Value::Native(n) => Value::Native(n.clone()),
            Value::Cell(c) => Value::Cell(c.clone()),
            Value::Undef => Value::Undef,
        }
    }
}

/// The types [`TypeObj::Named`] stands for.
pub const NAMED_TYPES: &[&str] = &[
    "enumerate",
    "zip",
    "map",
    "filter",
    "list_iterator",
    "range_iterator",
    "str_ascii_iterator",
    "list_reverseiterator",
    "tuple_iterator",
];

/// Built-in types as values (`int`, `float`, `ValueError`, ...).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TypeObj {
    NoneType,
    Bool,
    Int,
    Float,
    Complex,
    Str,
    List,
    Tuple,
    Dict,
    Set,
    Range,
    Slice,
    Function,
    BuiltinFunction,
    Method,
    Module,
    Type,
    Iterator,
    Ellipsis,
    Object,
    Exc(ExcType),
    /// `np.ndarray`.
    NdArray,
    /// A NumPy scalar type (`np.float64`, `np.int8`, `np.bool_`): also a dtype spelling.
    NpScalar(DType),
    /// `np.dtype`.
    NpDType,
    /// A built-in type known only by its name (`map`, `zip`, `list_iterator`, ...): an
    /// index into [`NAMED_TYPES`], so that a `TypeObj` (and a `Value`) stays small.
    Named(u8),
}

impl TypeObj {
    pub fn name(self) -> &'static str {
        match self {
            TypeObj::NoneType => "NoneType",
            TypeObj::Bool => "bool",
            TypeObj::Int => "int",
            TypeObj::Float => "float",
            TypeObj::Complex => "complex",
            TypeObj::Str => "str",
            TypeObj::List => "list",
            TypeObj::Tuple => "tuple",
            TypeObj::Dict => "dict",
            TypeObj::Set => "set",
            TypeObj::Range => "range",
            TypeObj::Slice => "slice",
            TypeObj::Function => "function",
            TypeObj::BuiltinFunction => "builtin_function_or_method",
            TypeObj::Method => "builtin_function_or_method",
            TypeObj::Module => "module",
            TypeObj::Type => "type",
            TypeObj::Iterator => "iterator",
            TypeObj::Ellipsis => "ellipsis",
            TypeObj::Object => "object",
            TypeObj::Exc(e) => e.name(),
            TypeObj::NdArray => "ndarray",
            TypeObj::NpScalar(d) => d.name(),
            TypeObj::NpDType => "dtype",
            TypeObj::Named(i) => NAMED_TYPES.get(i as usize).copied().unwrap_or("object"),
        }
    }
    /// `issubclass(self, other)` among built-in types.
    pub fn is_subclass(self, other: TypeObj) -> bool {
        if self == other || other == TypeObj::Object {
            return true;
        }
        match (self, other) {
            (TypeObj::Bool, TypeObj::Int) => true,
            // NumPy's float64 and complex128 subclass Python's float and complex.
            (TypeObj::NpScalar(DType::Float64), TypeObj::Float) => true,
            (TypeObj::NpScalar(DType::Complex128), TypeObj::Complex) => true,
            (TypeObj::Exc(a), TypeObj::Exc(b)) => a.is_subclass(b),
            _ => false,
        }
    }
}

#[derive(Debug)]
pub struct RangeObj {
    pub start: i64,
    pub stop: i64,
    pub step: i64,
}

// `len` is `len(range)` for Python code (an i64); nothing asks for `is_empty`.
#[allow(clippy::len_without_is_empty)]
impl RangeObj {
    pub fn len(&self) -> i64 {
        let (start, stop, step) = (self.start as i128, self.stop as i128, self.step as i128);
        let n = if step > 0 {
            if stop > start {
                (stop - start + step - 1) / step
            } else {
                0
            }
        } else if start > stop {
            (start - stop - step - 1) / (-step)
        } else {
            0
        };
        n as i64
    }
    pub fn get(&self, i: i64) -> i64 {
        self.start + i * self.step
    }
}

#[derive(Debug)]
pub struct SliceObj {
    pub start: Value,
    pub stop: Value,
    pub step: Value,
}

/// A user-defined function (from `def` or `lambda`).
#[derive(Debug)]
pub struct Function {
    pub def: Rc<FuncDef>,
    pub defaults: Vec<Value>,
    /// Defaults of keyword-only parameters, by parameter index.
    pub kw_defaults: Vec<(usize, Value)>,
    pub closure: Vec<Rc<RefCell<Value>>>,
    pub name: Rc<str>,
}

pub type BuiltinFn = fn(&mut super::Interp, Args) -> PResult<Value>;

/// A function implemented in Rust, with what `help()` shows.
pub struct Builtin {
    pub name: &'static str,
    pub module: &'static str,
    pub sig: &'static str,
    pub doc: &'static str,
    pub f: BuiltinFn,
}

impl std::fmt::Debug for Builtin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "<built-in function {}>", self.name)
    }
}

/// Call arguments after evaluation.
#[derive(Default, Debug)]
pub struct Args {
    pub pos: Vec<Value>,
    pub kw: Vec<(Rc<str>, Value)>,
}

impl Args {
    pub fn new(pos: Vec<Value>) -> Args {
        Args {
            pos,
            kw: Vec::new(),
        }
    }
    /// Removes and returns keyword `name`.
    pub fn take_kw(&mut self, name: &str) -> Option<Value> {
        let i = self.kw.iter().position(|(k, _)| &**k == name)?;
        Some(self.kw.remove(i).1)
    }
    /// Errors on any keyword not consumed.
    pub fn no_more_kw(&self, fname: &str) -> PResult<()> {
        if let Some((k, _)) = self.kw.first() {
            return type_error(format!(
                "{fname}() got an unexpected keyword argument '{k}'"
            ));
        }
        Ok(())
    }
    /// Checks the positional count for a builtin taking `min..=max` arguments and no keywords.
    pub fn expect(&self, fname: &str, min: usize, max: usize) -> PResult<()> {
        self.no_more_kw(fname)?;
        let n = self.pos.len();
        if n < min || n > max {
            let msg = if min == max {
                match min {
                    0 => format!("{fname}() takes no arguments ({n} given)"),
                    1 => format!("{fname}() takes exactly one argument ({n} given)"),
                    _ => format!("{fname} expected {min} arguments, got {n}"),
                }
            } else if n < min {
                format!(
                    "{fname} expected at least {min} argument{}, got {n}",
                    if min == 1 { "" } else { "s" }
                )
            } else {
                format!(
                    "{fname} expected at most {max} argument{}, got {n}",
                    if max == 1 { "" } else { "s" }
                )
            };
            return type_error(msg);
        }
        Ok(())
    }
}

/// A module object: `math`, `time`, `numpy`, ...
#[derive(Debug)]
pub struct ModuleObj {
    pub name: Rc<str>,
    pub attrs: RefCell<IndexMap<Rc<str>, Value>>,
}

/// Iterators created by `iter`, `enumerate`, `zip`, `map`, `filter`, `reversed`.
#[derive(Debug)]
pub enum IterObj {
    Seq(SeqIter),
    Enumerate(Box<IterObj>, i64),
    Zip(Vec<IterObj>),
    Map(Value, Vec<IterObj>),
    Filter(Value, Box<IterObj>),
    /// Pulls from another iterator object (`enumerate(it)` where `it = iter(xs)`).
    Shared(Rc<RefCell<IterObj>>),
    /// A library object that is its own iterator (`a.flat`).
    Native(Rc<NativeBox>),
}

/// A position in a sequence being iterated.
#[derive(Debug)]
pub enum SeqIter {
    Range {
        next: i64,
        step: i64,
        left: i64,
    },
    List(ListRef, usize),
    Values(Rc<Vec<Value>>, usize),
    Chars(RcStr, usize),
    /// Keys of a dict or set; errors if its size changes meanwhile.
    Keys(DictRef, usize, usize, bool),
    /// Iterates a snapshot in reverse.
    Rev(Rc<Vec<Value>>, usize),
    Done,
}

/// A dictionary key: a hashable value with its hash computed once.
#[derive(Clone, Debug)]
pub struct Key {
    pub hash: i64,
    pub value: Value,
}

impl Hash for Key {
    fn hash<H: Hasher>(&self, state: &mut H) {
        state.write_i64(self.hash);
    }
}

impl PartialEq for Key {
    fn eq(&self, other: &Self) -> bool {
        self.hash == other.hash && super::ops::key_eq(&self.value, &other.value)
    }
}
impl Eq for Key {}

pub type Dict = IndexMap<Key, Value>;

impl Value {
    pub fn str(s: &str) -> Value {
        Value::Str(RcStr::from(s))
    }
    pub fn list(v: Vec<Value>) -> Value {
        Value::List(Rc::new(RefCell::new(v)))
    }
    pub fn tuple(v: Vec<Value>) -> Value {
        Value::Tuple(Rc::from(v))
    }
    pub fn complex(re: f64, im: f64) -> Value {
        Value::Complex(Rc::new(Complex64::new(re, im)))
    }

    pub fn type_obj(&self) -> TypeObj {
        match self {
            Value::None => TypeObj::NoneType,
            Value::Bool(_) => TypeObj::Bool,
            Value::Int(_) | Value::BigInt(_) => TypeObj::Int,
            Value::Float(_) => TypeObj::Float,
            Value::Complex(_) => TypeObj::Complex,
            Value::Str(_) => TypeObj::Str,
            Value::List(_) => TypeObj::List,
            Value::Tuple(_) => TypeObj::Tuple,
            Value::Dict(_) => TypeObj::Dict,
            Value::Set(_) => TypeObj::Set,
            Value::Range(_) => TypeObj::Range,
            Value::Slice(_) => TypeObj::Slice,
            Value::Func(_) => TypeObj::Function,
            Value::Builtin(_) => TypeObj::BuiltinFunction,
            Value::Method(_) => TypeObj::Method,
            Value::Module(_) => TypeObj::Module,
            Value::Type(_) => TypeObj::Type,
            Value::Exception(e) => TypeObj::Exc(e.ty),
            Value::Iter(_) => {
                let name = self.type_name();
                match NAMED_TYPES.iter().position(|n| *n == name) {
                    Some(i) => TypeObj::Named(i as u8),
                    None => TypeObj::Iterator,
                }
            }
            Value::Ellipsis => TypeObj::Ellipsis,
            Value::Array(_) => TypeObj::NdArray,
            Value::NpScalar(s) => TypeObj::NpScalar(s.dtype()),
            Value::DType(_) => TypeObj::NpDType,
            Value::Native(_) => TypeObj::Object,
            Value::Cell(_) | Value::Undef => TypeObj::Object,
        }
    }

    /// `type(v).__name__`.
    pub fn type_name(&self) -> &'static str {
        match self {
            Value::Iter(it) => match &*it.borrow() {
                IterObj::Enumerate(..) => "enumerate",
                IterObj::Zip(_) => "zip",
                IterObj::Map(..) => "map",
                IterObj::Filter(..) => "filter",
                IterObj::Seq(SeqIter::List(..)) => "list_iterator",
                IterObj::Seq(SeqIter::Range { .. }) => "range_iterator",
                IterObj::Seq(SeqIter::Chars(..)) => "str_ascii_iterator",
                IterObj::Seq(SeqIter::Rev(..)) => "list_reverseiterator",
                IterObj::Seq(_) | IterObj::Shared(_) => "tuple_iterator",
                IterObj::Native(n) => n.0.type_name(),
            },
            Value::Native(n) => n.0.type_name(),
            v => v.type_obj().name(),
        }
    }

    pub fn is_none(&self) -> bool {
        matches!(self, Value::None)
    }

    /// Identity (`is`).
    pub fn is(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::None, Value::None) => true,
            (Value::Ellipsis, Value::Ellipsis) => true,
            (Value::Bool(a), Value::Bool(b)) => a == b,
            // Floats are unboxed: the same NaN bits stand for the same object.
            (Value::Float(a), Value::Float(b)) => a.is_nan() && a.to_bits() == b.to_bits(),
            (Value::Int(a), Value::Int(b)) => a == b && (-5..=256).contains(a),
            (Value::Str(a), Value::Str(b)) => RcStr::ptr_eq(a, b) || (a.len() <= 1 && a == b),
            (Value::List(a), Value::List(b)) => Rc::ptr_eq(a, b),
            (Value::Tuple(a), Value::Tuple(b)) => {
                Rc::ptr_eq(a, b) || (a.is_empty() && b.is_empty())
            }
            (Value::Dict(a), Value::Dict(b)) | (Value::Set(a), Value::Set(b)) => Rc::ptr_eq(a, b),
            (Value::Func(a), Value::Func(b)) => Rc::ptr_eq(a, b),
            (Value::Builtin(a), Value::Builtin(b)) => std::ptr::eq(*a, *b),
            (Value::Module(a), Value::Module(b)) => Rc::ptr_eq(a, b),
            (Value::Type(a), Value::Type(b)) => a == b,
            (Value::Exception(a), Value::Exception(b)) => Rc::ptr_eq(a, b),
            (Value::Array(a), Value::Array(b)) => Rc::ptr_eq(a, b),
            (Value::NpScalar(a), Value::NpScalar(b)) => Rc::ptr_eq(a, b),
            (Value::DType(a), Value::DType(b)) => a == b,
            (Value::Native(a), Value::Native(b)) => Rc::ptr_eq(a, b),
            (Value::Range(a), Value::Range(b)) => Rc::ptr_eq(a, b),
            (Value::Iter(a), Value::Iter(b)) => Rc::ptr_eq(a, b),
            (Value::BigInt(a), Value::BigInt(b)) => Rc::ptr_eq(a, b),
            (Value::Complex(a), Value::Complex(b)) => Rc::ptr_eq(a, b),
            _ => false,
        }
    }

    /// A stable identity number for `id()`.
    pub fn id(&self) -> i64 {
        let p: usize = match self {
            Value::List(r) => Rc::as_ptr(r) as *const u8 as usize,
            Value::Dict(r) | Value::Set(r) => Rc::as_ptr(r) as *const u8 as usize,
            Value::Tuple(r) => Rc::as_ptr(r) as *const u8 as usize,
            Value::Str(r) => r.as_ptr() as usize,
            Value::Func(r) => Rc::as_ptr(r) as *const u8 as usize,
            Value::Module(r) => Rc::as_ptr(r) as *const u8 as usize,
            Value::Exception(r) => Rc::as_ptr(r) as *const u8 as usize,
            Value::Iter(r) => Rc::as_ptr(r) as *const u8 as usize,
            Value::Array(r) => Rc::as_ptr(r) as *const u8 as usize,
            Value::NpScalar(r) => Rc::as_ptr(r) as *const u8 as usize,
            Value::Native(r) => Rc::as_ptr(r) as *const u8 as usize,
            Value::Builtin(b) => *b as *const Builtin as usize,
            Value::Int(i) => (*i as usize)
                .wrapping_mul(32)
                .wrapping_add(0x7f00_0000_0000),
            Value::Bool(b) => 0x7e00_0000_0000 + *b as usize * 32,
            Value::None => 0x7d00_0000_0000,
            _ => 0x7c00_0000_0000,
        };
        p as i64
    }
}

/// What `len(list)` etc. see when iterating a value's items as a slice.
pub fn seq_items(v: &Value) -> Option<Rc<Vec<Value>>> {
    match v {
        Value::Tuple(t) => Some(t.clone()),
        Value::List(l) => Some(Rc::new(l.borrow().clone())),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    /// A `Value` must stay two words: every evaluation returns and copies one.
    #[test]
    fn value_is_two_words() {
        assert_eq!(std::mem::size_of::<super::Value>(), 16);
        assert_eq!(std::mem::size_of::<super::PResult<super::Value>>(), 16);
    }
}
