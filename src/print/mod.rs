//! Text rendering of numbers and strings: shortest float reprs (Python and NumPy flavours), Python's format-spec mini-language, and NumPy's array and scalar printing.

pub mod float;
pub mod format_spec;
pub mod numpy;
