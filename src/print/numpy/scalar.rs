//! `str` and `repr` of NumPy scalars (`3.0` / `np.float64(3.0)`, `(1+2j)` / `np.complex128(1+2j)`, `True` / `np.True_`), as in NumPy's `scalartypes.c.src`; print options never affect them.

use super::dragon4::{D4Options, Trim, dragon4_format};
use super::{FloatKind, PElem, PFloat};

/// NumPy's `@name@type_@kind@_either`: shortest digits of the value's own
/// type, positional for `1e-4 <= |x| < cutoff` (and for zero and NaN),
/// scientific otherwise; `sign` forces a `+`.
fn float_either(x: PFloat, trim_pos: Trim, trim_sci: Trim, sign: bool) -> String {
    let v = x.to_f64();
    let a = v.abs();
    let in_range = a < x.kind().scalar_max_positional() && a >= 1e-4;
    let positional = match x.kind() {
        // float16 sends NaN down the scientific path (same text).
        FloatKind::F16 => a == 0.0 || in_range,
        _ => v.is_nan() || v == 0.0 || in_range,
    };
    let o = D4Options {
        scientific: !positional,
        trim: if positional { trim_pos } else { trim_sci },
        sign,
        ..D4Options::default()
    };
    // Without cutoffs or padding the result always fits NumPy's buffer.
    dragon4_format(x, &o).unwrap_or_default()
}

/// `str` of a NumPy float scalar: `3.0`, `0.1`, `1e+16`, `1e-05`, `nan`,
/// `-inf`, `-0.0`.
pub fn float_scalar_str(x: PFloat) -> String {
    float_either(x, Trim::Zero, Trim::Minus, false)
}

/// The real and imaginary texts of a complex scalar; `None` for the real
/// part means "pure imaginary" (real part `+0.0`), printed without parens.
fn complex_parts(re: PFloat, im: PFloat) -> (Option<String>, String) {
    let part = |x: PFloat, sign: bool| float_either(x, Trim::Minus, Trim::Minus, sign);
    let r = re.to_f64();
    if r == 0.0 && !r.is_sign_negative() {
        return (None, part(im, false));
    }
    let special = |x: f64, plus: &str| {
        if x.is_nan() {
            format!("{plus}nan")
        } else if x > 0.0 {
            format!("{plus}inf")
        } else {
            "-inf".to_string()
        }
    };
    let rstr = if re.is_finite() {
        part(re, false)
    } else {
        special(r, "")
    };
    let istr = if im.is_finite() {
        part(im, true)
    } else {
        special(im.to_f64(), "+")
    };
    (Some(rstr), istr)
}

fn complex_pfloats(e: PElem) -> Option<(PFloat, PFloat)> {
    match e {
        PElem::C64(re, im) => Some((PFloat::F32(re), PFloat::F32(im))),
        PElem::C128(re, im) => Some((PFloat::F64(re), PFloat::F64(im))),
        _ => None,
    }
}

/// `str` of a NumPy scalar: `True`, `5`, `3.0`, `(1+2j)`, `2j`.
pub fn scalar_str(e: PElem) -> String {
    match e {
        PElem::Bool(b) => if b { "True" } else { "False" }.to_string(),
        PElem::Int(v) => v.to_string(),
        PElem::UInt(v) => v.to_string(),
        PElem::F16(b) => float_scalar_str(PFloat::F16(b)),
        PElem::F32(v) => float_scalar_str(PFloat::F32(v)),
        PElem::F64(v) => float_scalar_str(PFloat::F64(v)),
        PElem::C64(..) | PElem::C128(..) => {
            let (re, im) = complex_pfloats(e).unwrap_or((PFloat::F64(0.0), PFloat::F64(0.0)));
            match complex_parts(re, im) {
                (None, i) => format!("{i}j"),
                (Some(r), i) => format!("({r}{i}j)"),
            }
        }
    }
}

/// The NumPy type name of an element when nothing more specific is known:
/// `int64`, `uint64`, `float16/32/64`, `complex64/128`, `bool`.
fn default_type_name(e: PElem) -> &'static str {
    match e {
        PElem::Bool(_) => "bool",
        PElem::Int(_) => "int64",
        PElem::UInt(_) => "uint64",
        PElem::F16(_) => "float16",
        PElem::F32(_) => "float32",
        PElem::F64(_) => "float64",
        PElem::C64(..) => "complex64",
        PElem::C128(..) => "complex128",
    }
}

/// `repr` of a NumPy scalar with the default type name of its variant
/// (`np.int64(5)`, `np.float32(0.1)`, `np.True_`, `np.complex128(1+2j)`).
pub fn scalar_repr(e: PElem) -> String {
    scalar_repr_as(e, default_type_name(e))
}

/// `repr` of a NumPy scalar of type `np.<type_name>`: `np.uint8(200)`,
/// `np.int32(-7)`, `np.float64(nan)`; booleans are always `np.True_` /
/// `np.False_`, complex values drop the parentheses of their `str`
/// (`np.complex128(1+2j)`, `np.complex128(2j)`).
pub fn scalar_repr_as(e: PElem, type_name: &str) -> String {
    match e {
        PElem::Bool(b) => if b { "np.True_" } else { "np.False_" }.to_string(),
        PElem::C64(..) | PElem::C128(..) => {
            let (re, im) = complex_pfloats(e).unwrap_or((PFloat::F64(0.0), PFloat::F64(0.0)));
            match complex_parts(re, im) {
                (None, i) => format!("np.{type_name}({i}j)"),
                (Some(r), i) => format!("np.{type_name}({r}{i}j)"),
            }
        }
        _ => format!("np.{type_name}({})", scalar_str(e)),
    }
}
