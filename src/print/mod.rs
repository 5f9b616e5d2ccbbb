//! Text rendering of numbers and strings: shortest float reprs (Python and NumPy flavours) and Python's format-spec mini-language.

pub mod float;
pub mod format_spec;
