//! The n-d array runtime: dtypes, scalars, shared aligned storage, strided views, copies,
//! casts, creation routines and conversion from/to nested Python-like data.
//!
//! This layer never sees the interpreter's AST or `Value`; it reports failures as
//! [`ArrayError`] values whose kind and text match what NumPy 2.4 raises, and the
//! interpreter maps them onto its exceptions.

pub mod alloc;
pub mod convert;
pub mod create;
pub mod dtype;
pub mod element;
pub mod fancy;
pub mod index;
pub mod iter;
pub mod join;
pub mod ndarray;
pub mod nested;
pub mod reshape;
pub mod scalar;
pub mod storage;
pub mod view;

pub use dtype::{Casting, DType, FloatInfo, IntInfo, Weak};
pub use element::Element;
pub use index::IndexItem;
pub use ndarray::{NdArray, Order};
pub use nested::Nested;
pub use scalar::Scalar;
pub use storage::{RawData, Storage};

use std::fmt;

/// Which Python exception an [`ArrayError`] stands for.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum ErrKind {
    ValueError,
    TypeError,
    IndexError,
    MemoryError,
    OverflowError,
    ZeroDivisionError,
    /// `numpy.exceptions.AxisError` (a subclass of both ValueError and IndexError).
    AxisError,
}

/// An error raised by the array runtime: the exception kind and NumPy's exact message.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct ArrayError {
    pub kind: ErrKind,
    pub msg: String,
}

impl ArrayError {
    pub fn new(kind: ErrKind, msg: impl Into<String>) -> Self {
        ArrayError {
            kind,
            msg: msg.into(),
        }
    }
    pub fn value(msg: impl Into<String>) -> Self {
        Self::new(ErrKind::ValueError, msg)
    }
    pub fn type_(msg: impl Into<String>) -> Self {
        Self::new(ErrKind::TypeError, msg)
    }
    pub fn index(msg: impl Into<String>) -> Self {
        Self::new(ErrKind::IndexError, msg)
    }
    pub fn overflow(msg: impl Into<String>) -> Self {
        Self::new(ErrKind::OverflowError, msg)
    }
    pub fn axis(msg: impl Into<String>) -> Self {
        Self::new(ErrKind::AxisError, msg)
    }
}

impl fmt::Display for ArrayError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}: {}", self.kind, self.msg)
    }
}

impl std::error::Error for ArrayError {}

pub type Result<T> = std::result::Result<T, ArrayError>;

/// Turns a possibly negative `axis` into an index below `ndim`, or NumPy's AxisError
/// (`axis 2 is out of bounds for array of dimension 2`).
pub fn normalize_axis(axis: i64, ndim: usize) -> Result<usize> {
    let n = ndim as i64;
    if axis < -n || axis >= n {
        return Err(ArrayError::axis(format!(
            "axis {axis} is out of bounds for array of dimension {ndim}"
        )));
    }
    Ok(if axis < 0 {
        (axis + n) as usize
    } else {
        axis as usize
    })
}

/// Like [`normalize_axis`], with NumPy's `prefix: ` before the message (`source`, `axis2`, …).
pub fn normalize_axis_prefixed(axis: i64, ndim: usize, prefix: &str) -> Result<usize> {
    normalize_axis(axis, ndim).map_err(|e| ArrayError::axis(format!("{prefix}: {}", e.msg)))
}

/// A shape as NumPy's C code writes it in messages: `(3,4)`, `(3,)`, `()`.
pub fn shape_str(shape: &[usize]) -> String {
    match shape {
        [] => "()".to_string(),
        [d] => format!("({d},)"),
        _ => {
            let parts: Vec<String> = shape.iter().map(|d| d.to_string()).collect();
            format!("({})", parts.join(","))
        }
    }
}

/// A shape as Python's tuple repr writes it: `(3, 4)`, `(3,)`, `()`.
pub fn shape_repr(shape: &[usize]) -> String {
    match shape {
        [] => "()".to_string(),
        [d] => format!("({d},)"),
        _ => {
            let parts: Vec<String> = shape.iter().map(|d| d.to_string()).collect();
            format!("({})", parts.join(", "))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn axis_normalisation() {
        assert_eq!(normalize_axis(-1, 3), Ok(2));
        assert_eq!(normalize_axis(0, 1), Ok(0));
        // np.sum(np.ones((2,3)), axis=2)
        let e = normalize_axis(2, 2).unwrap_err();
        assert_eq!(e.kind, ErrKind::AxisError);
        assert_eq!(e.msg, "axis 2 is out of bounds for array of dimension 2");
        // np.ones(3).sum(axis=-2)
        assert_eq!(
            normalize_axis(-2, 1).unwrap_err().msg,
            "axis -2 is out of bounds for array of dimension 1"
        );
        // np.moveaxis(np.ones((2,3)), 5, 0)
        assert_eq!(
            normalize_axis_prefixed(5, 2, "source").unwrap_err().msg,
            "source: axis 5 is out of bounds for array of dimension 2"
        );
    }

    #[test]
    fn shape_strings() {
        assert_eq!(shape_str(&[3, 4]), "(3,4)");
        assert_eq!(shape_str(&[3]), "(3,)");
        assert_eq!(shape_str(&[]), "()");
        assert_eq!(shape_repr(&[1000000, 1000000]), "(1000000, 1000000)");
        assert_eq!(shape_repr(&[7]), "(7,)");
    }
}
