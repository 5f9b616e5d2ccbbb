//! NumPy 2.4's array and scalar printing (`str`, `repr`, `array2string`, `format_float_*`) as a runtime layer that only sees elements through [`ElemSource`].
//!
//! The array runtime hands over a shape and a way to fetch single elements;
//! this layer decides what to fetch (only the kept corners when an array is
//! summarised), builds NumPy's element formatter from those values and lays out
//! the brackets, separators, wrapping and `...` exactly as
//! `numpy/_core/arrayprint.py` does.  Digits come from [`dragon4`], a port of
//! the algorithm (not the code) of NumPy's `dragon4.c`.
//!
//! Map of the module:
//! * [`options`]: [`PrintOptions`] (`np.set_printoptions` state);
//! * [`dragon4`]: `format_float_positional` / `format_float_scientific`;
//! * [`floatfmt`]: the per-array element formatters (bool, int, float, complex);
//! * [`layout`]: `array2string`, `array_str`, `array_repr`;
//! * [`scalar`]: `str` / `repr` of NumPy scalars (`np.float64(3.0)`).
//!
//! Wiring: `print(a)` / `str(a)` is [`array_str`], `repr(a)` is
//! [`array_repr`] with the dtype's name and whether it is a default dtype,
//! `np.array2string` is [`array2string`], `repr(x)` / `str(x)` of a scalar are
//! [`scalar_repr_as`] / [`scalar_str`].  Array printing returns a
//! [`PrintError`] where NumPy raises (only absurd `precision` values in
//! `floatmode='fixed'`/`'maxprec_equal'` do).  Cost: the formatter and the
//! text come from the kept corners alone (at most `(2*edgeitems)^ndim`
//! fetches); only `edgeitems=0` keeps whole axes, as NumPy's `a[-0:]` does.

mod bigint;
pub mod dragon4;
pub mod floatfmt;
pub mod layout;
pub mod options;
pub mod scalar;

#[cfg(test)]
mod tests;

pub use dragon4::{
    PositionalArgs, ScientificArgs, Trim, format_float_positional, format_float_scientific,
};
pub use layout::{array_repr, array_str, array2string};
pub use options::{FloatMode, PrintOptions, SignMode};
pub use scalar::{scalar_repr, scalar_repr_as, scalar_str};

use crate::print::float::{f16_bits_to_f32, f64_to_f16_bits};

/// One array element as the printer sees it.  Integers of every width arrive
/// as `Int` (signed) or `UInt` (unsigned); floats keep their own type so that
/// their digits are those of that type.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum PElem {
    Bool(bool),
    Int(i64),
    UInt(u64),
    /// IEEE binary16, as its bit pattern.
    F16(u16),
    F32(f32),
    F64(f64),
    C64(f32, f32),
    C128(f64, f64),
}

/// What the printer needs from an array: its shape and random access to
/// elements by a full index (one entry per axis, each `< shape[axis]`).
pub trait ElemSource {
    fn shape(&self) -> &[usize];
    fn get(&self, index: &[usize]) -> PElem;
}

/// A float of one of NumPy's three IEEE types.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum PFloat {
    /// IEEE binary16, as its bit pattern.
    F16(u16),
    F32(f32),
    F64(f64),
}

/// The type of a [`PFloat`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FloatKind {
    F16,
    F32,
    F64,
}

impl FloatKind {
    /// Rounds an f64 to this type (ties to even) and widens it back.
    pub fn round(self, x: f64) -> f64 {
        match self {
            FloatKind::F64 => x,
            FloatKind::F32 => f64::from(x as f32),
            FloatKind::F16 => f64::from(f16_bits_to_f32(f64_to_f16_bits(x))),
        }
    }

    /// `x` converted to this type.
    pub fn from_f64(self, x: f64) -> PFloat {
        match self {
            FloatKind::F64 => PFloat::F64(x),
            FloatKind::F32 => PFloat::F32(x as f32),
            FloatKind::F16 => PFloat::F16(f64_to_f16_bits(x)),
        }
    }

    /// Arrays switch to scientific notation at `10**min(8, finfo.precision)`.
    pub(crate) fn array_exp_cutoff(self) -> f64 {
        match self {
            FloatKind::F16 => 1e3,
            FloatKind::F32 => 1e6,
            FloatKind::F64 => 1e8,
        }
    }

    /// Scalars print positionally below this magnitude.
    pub(crate) fn scalar_max_positional(self) -> f64 {
        match self {
            FloatKind::F16 => 1e3,
            FloatKind::F32 => 1e6,
            FloatKind::F64 => 1e16,
        }
    }
}

impl PFloat {
    pub fn kind(self) -> FloatKind {
        match self {
            PFloat::F16(_) => FloatKind::F16,
            PFloat::F32(_) => FloatKind::F32,
            PFloat::F64(_) => FloatKind::F64,
        }
    }

    /// The exact value as an f64 (every float16/float32 is representable).
    pub fn to_f64(self) -> f64 {
        match self {
            PFloat::F16(b) => f64::from(f16_bits_to_f32(b)),
            PFloat::F32(v) => f64::from(v),
            PFloat::F64(v) => v,
        }
    }

    pub fn is_finite(self) -> bool {
        self.to_f64().is_finite()
    }

    pub fn is_nan(self) -> bool {
        self.to_f64().is_nan()
    }

    /// The sign bit (true for `-0.0` and negative NaNs too).
    pub fn signbit(self) -> bool {
        self.to_f64().is_sign_negative()
    }
}

/// Which Python exception a printing error corresponds to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PrintErrorKind {
    ValueError,
    TypeError,
    RuntimeError,
}

/// An error NumPy would raise while printing, with its exact message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PrintError {
    pub kind: PrintErrorKind,
    pub message: String,
}

impl PrintError {
    pub(crate) fn value(msg: &str) -> Self {
        PrintError {
            kind: PrintErrorKind::ValueError,
            message: msg.to_string(),
        }
    }

    pub(crate) fn type_error(msg: &str) -> Self {
        PrintError {
            kind: PrintErrorKind::TypeError,
            message: msg.to_string(),
        }
    }

    pub(crate) fn runtime(msg: &str) -> Self {
        PrintError {
            kind: PrintErrorKind::RuntimeError,
            message: msg.to_string(),
        }
    }
}

impl std::fmt::Display for PrintError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?}: {}", self.kind, self.message)
    }
}

impl std::error::Error for PrintError {}
