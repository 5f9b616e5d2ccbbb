//! NumPy's per-array element formatters (`BoolFormat`, `IntegerFormat`, `FloatingFormat`, `ComplexFloatingFormat`): one formatter is built from all the (kept) elements, then applied to each printed one.

use super::dragon4::{D4Options, Trim, dragon4_format};
use super::options::{FloatMode, PrintOptions, SignMode};
use super::{FloatKind, PElem, PFloat, PrintError};

fn chars(s: &str) -> i64 {
    i64::try_from(s.chars().count()).unwrap_or(i64::MAX)
}

fn spaces(n: i64) -> String {
    " ".repeat(usize::try_from(n).unwrap_or(0))
}

/// NumPy's `FloatingFormat`: fixed or scientific notation, digits and padding
/// chosen once from every finite value of the array.
#[derive(Debug, Clone)]
pub struct FloatingFormat {
    sign: SignMode,
    exp_format: bool,
    precision: i64,
    min_digits: i64,
    unique: bool,
    trim: Trim,
    pad_left: i64,
    pad_right: i64,
    exp_size: i64,
    nanstr: String,
    infstr: String,
}

impl FloatingFormat {
    /// Builds the formatter for `data` (all of one float `kind`), with `sign`
    /// overriding `opts.sign` (complex imaginary parts use `'+'`).
    pub fn new(
        data: &[PFloat],
        kind: FloatKind,
        opts: &PrintOptions,
        sign: SignMode,
    ) -> Result<Self, PrintError> {
        let precision = if opts.floatmode == FloatMode::Unique {
            -1
        } else {
            i64::try_from(opts.precision)
                .unwrap_or(i64::MAX)
                .min(i64::from(i32::MAX))
        };
        let mut f = FloatingFormat {
            sign,
            exp_format: false,
            precision,
            min_digits: -1,
            unique: true,
            trim: Trim::Point,
            pad_left: 0,
            pad_right: 0,
            exp_size: -1,
            nanstr: opts.nanstr.clone(),
            infstr: opts.infstr.clone(),
        };
        let finite: Vec<PFloat> = data.iter().copied().filter(|x| x.is_finite()).collect();
        f.exp_format = Self::wants_scientific(&finite, kind, opts.suppress);
        let fixed = opts.floatmode == FloatMode::Fixed;
        let (trim, unique) = if fixed {
            (Trim::Keep, false)
        } else {
            (Trim::Point, true)
        };
        let first_pass = D4Options {
            scientific: f.exp_format,
            unique,
            fractional: true,
            precision: f.precision,
            trim,
            sign: sign == SignMode::Plus,
            ..D4Options::default()
        };
        if finite.is_empty() {
            // Only nan/inf: widths come from the non-finite strings alone.
        } else if f.exp_format {
            let (mut pad_left, mut frac_len, mut exp_len) = (0, 0, 0);
            for &x in &finite {
                let s = dragon4_format(x, &first_pass)?;
                let (mantissa, exp) = s.split_once('e').unwrap_or((&s, ""));
                let (int_part, frac_part) = mantissa.split_once('.').unwrap_or((mantissa, ""));
                pad_left = pad_left.max(chars(int_part));
                frac_len = frac_len.max(chars(frac_part));
                exp_len = exp_len.max(chars(exp));
            }
            f.exp_size = exp_len - 1;
            f.trim = Trim::Keep;
            f.precision = frac_len;
            f.min_digits = frac_len;
            f.unique = unique;
            f.pad_left = pad_left;
            f.pad_right = f.exp_size + 2 + frac_len;
        } else {
            let (mut pad_left, mut pad_right) = (0, 0);
            for &x in &finite {
                let s = dragon4_format(x, &first_pass)?;
                let (int_part, frac_part) = s.split_once('.').unwrap_or((&s, ""));
                pad_left = pad_left.max(chars(int_part));
                pad_right = pad_right.max(chars(frac_part));
            }
            f.pad_left = pad_left;
            f.pad_right = pad_right;
            f.unique = unique;
            if matches!(opts.floatmode, FloatMode::Fixed | FloatMode::MaxprecEqual) {
                f.precision = pad_right;
                f.min_digits = pad_right;
                f.trim = Trim::Keep;
            } else {
                f.trim = Trim::Point;
                f.min_digits = 0;
            }
        }
        if sign == SignMode::Space && !finite.iter().any(|x| x.signbit()) {
            f.pad_left += 1;
        }
        if finite.len() != data.len() {
            let neg_inf =
                sign != SignMode::Minus || data.iter().any(|x| x.to_f64() == f64::NEG_INFINITY);
            let offset = f.pad_right + 1;
            f.pad_left = f
                .pad_left
                .max(chars(&f.nanstr) - offset)
                .max(chars(&f.infstr) + i64::from(neg_inf) - offset);
        }
        Ok(f)
    }

    /// NumPy's switch to scientific notation, with the comparisons done in
    /// the array's own float type as NumPy does (`0.0001` and the ratio are
    /// rounded to float32/float16 for those arrays).
    fn wants_scientific(finite: &[PFloat], kind: FloatKind, suppress: bool) -> bool {
        let mut mx = f64::NEG_INFINITY;
        let mut mn = f64::INFINITY;
        for x in finite {
            let a = x.to_f64().abs();
            if a != 0.0 {
                mx = mx.max(a);
                mn = mn.min(a);
            }
        }
        if mx < 0.0 {
            return false;
        }
        mx >= kind.array_exp_cutoff()
            || (!suppress && (mn < kind.round(1e-4) || kind.round(mx / mn) > 1000.0))
    }

    /// Formats one element of the array the formatter was built from.
    pub fn format(&self, x: PFloat) -> Result<String, PrintError> {
        if !x.is_finite() {
            let ret = if x.is_nan() {
                let s = if self.sign == SignMode::Plus { "+" } else { "" };
                format!("{s}{}", self.nanstr)
            } else {
                let s = if x.to_f64() < 0.0 {
                    "-"
                } else if self.sign == SignMode::Plus {
                    "+"
                } else {
                    ""
                };
                format!("{s}{}", self.infstr)
            };
            let width = self.pad_left + self.pad_right + 1;
            return Ok(spaces(width - chars(&ret)) + &ret);
        }
        let o = D4Options {
            scientific: self.exp_format,
            unique: self.unique,
            fractional: true,
            precision: self.precision,
            min_digits: self.min_digits,
            sign: self.sign == SignMode::Plus,
            trim: self.trim,
            pad_left: self.pad_left,
            pad_right: if self.exp_format { -1 } else { self.pad_right },
            exp_digits: if self.exp_format { self.exp_size } else { -1 },
        };
        dragon4_format(x, &o)
    }
}

/// NumPy's `IntegerFormat`: right-aligned to the widest of `str(max)` and
/// `str(min)`, with `+`/space signs for non-negatives when asked.
#[derive(Debug, Clone)]
pub struct IntegerFormat {
    width: usize,
    sign: SignMode,
}

impl IntegerFormat {
    pub fn new(values: &[i128], sign: SignMode) -> Self {
        let (Some(&max), Some(&min)) = (values.iter().max(), values.iter().min()) else {
            return IntegerFormat { width: 0, sign };
        };
        let mut sign = sign;
        if sign == SignMode::Space && min < 0 {
            sign = SignMode::Minus;
        }
        let mut max_len = max.to_string().len();
        if max >= 0 && sign != SignMode::Minus {
            max_len += 1;
        }
        IntegerFormat {
            width: max_len.max(min.to_string().len()),
            sign,
        }
    }

    pub fn format(&self, v: i128) -> String {
        let body = match (v < 0, self.sign) {
            (true, _) | (false, SignMode::Minus) => v.to_string(),
            (false, SignMode::Plus) => format!("+{v}"),
            (false, SignMode::Space) => format!(" {v}"),
        };
        format!("{body:>width$}", width = self.width)
    }
}

/// NumPy's `ComplexFloatingFormat`: real and imaginary parts formatted as two
/// separate float arrays, the `j` slipped in before the imaginary padding.
#[derive(Debug, Clone)]
pub struct ComplexFormat {
    real: FloatingFormat,
    imag: FloatingFormat,
}

impl ComplexFormat {
    pub fn new(
        re: &[PFloat],
        im: &[PFloat],
        kind: FloatKind,
        opts: &PrintOptions,
    ) -> Result<Self, PrintError> {
        Ok(ComplexFormat {
            real: FloatingFormat::new(re, kind, opts, opts.sign)?,
            imag: FloatingFormat::new(im, kind, opts, SignMode::Plus)?,
        })
    }

    pub fn format(&self, re: PFloat, im: PFloat) -> Result<String, PrintError> {
        let r = self.real.format(re)?;
        let i = self.imag.format(im)?;
        let cut = i.trim_end().len();
        Ok(format!("{r}{}j{}", &i[..cut], &i[cut..]))
    }
}

/// The formatter chosen for an array from its element type.
#[derive(Debug, Clone)]
pub enum ElemFormatter {
    Bool { true_str: &'static str },
    Int(IntegerFormat),
    Float(FloatingFormat, FloatKind),
    Complex(ComplexFormat, FloatKind),
}

fn as_int(e: PElem) -> i128 {
    match e {
        PElem::Bool(b) => i128::from(b),
        PElem::Int(v) => i128::from(v),
        PElem::UInt(v) => i128::from(v),
        PElem::F16(_) | PElem::F32(_) | PElem::F64(_) => 0,
        PElem::C64(re, _) => re as i128,
        PElem::C128(re, _) => re as i128,
    }
}

fn as_float(e: PElem, kind: FloatKind) -> PFloat {
    let same = match (e, kind) {
        (PElem::F16(b), FloatKind::F16) => Some(PFloat::F16(b)),
        (PElem::F32(v), FloatKind::F32) => Some(PFloat::F32(v)),
        (PElem::F64(v), FloatKind::F64) => Some(PFloat::F64(v)),
        _ => None,
    };
    same.unwrap_or_else(|| kind.from_f64(real_part(e)))
}

fn real_part(e: PElem) -> f64 {
    match e {
        PElem::Bool(b) => f64::from(u8::from(b)),
        PElem::Int(v) => v as f64,
        PElem::UInt(v) => v as f64,
        PElem::F16(b) => PFloat::F16(b).to_f64(),
        PElem::F32(v) => f64::from(v),
        PElem::F64(v) => v,
        PElem::C64(re, _) => f64::from(re),
        PElem::C128(re, _) => re,
    }
}

fn complex_parts(e: PElem, kind: FloatKind) -> (PFloat, PFloat) {
    match (e, kind) {
        (PElem::C64(re, im), FloatKind::F32) => (PFloat::F32(re), PFloat::F32(im)),
        (PElem::C128(re, im), FloatKind::F64) => (PFloat::F64(re), PFloat::F64(im)),
        (PElem::C64(re, im), k) => (k.from_f64(f64::from(re)), k.from_f64(f64::from(im))),
        (PElem::C128(re, im), k) => (k.from_f64(re), k.from_f64(im)),
        (other, k) => (k.from_f64(real_part(other)), k.from_f64(0.0)),
    }
}

impl ElemFormatter {
    /// Chooses and builds the formatter from the kept elements (the type of
    /// the first one decides; `data` must not be empty to get more than a
    /// default).  `is_0d` selects `'True'` over `' True'`.
    pub fn new(data: &[PElem], is_0d: bool, opts: &PrintOptions) -> Result<Self, PrintError> {
        let first = data.first().copied().unwrap_or(PElem::Bool(false));
        Ok(match first {
            PElem::Bool(_) => ElemFormatter::Bool {
                true_str: if is_0d { "True" } else { " True" },
            },
            PElem::Int(_) | PElem::UInt(_) => {
                let values: Vec<i128> = data.iter().map(|&e| as_int(e)).collect();
                ElemFormatter::Int(IntegerFormat::new(&values, opts.sign))
            }
            PElem::F16(_) | PElem::F32(_) | PElem::F64(_) => {
                let kind = match first {
                    PElem::F16(_) => FloatKind::F16,
                    PElem::F32(_) => FloatKind::F32,
                    _ => FloatKind::F64,
                };
                let values: Vec<PFloat> = data.iter().map(|&e| as_float(e, kind)).collect();
                ElemFormatter::Float(FloatingFormat::new(&values, kind, opts, opts.sign)?, kind)
            }
            PElem::C64(..) | PElem::C128(..) => {
                let kind = if matches!(first, PElem::C64(..)) {
                    FloatKind::F32
                } else {
                    FloatKind::F64
                };
                let (re, im): (Vec<PFloat>, Vec<PFloat>) =
                    data.iter().map(|&e| complex_parts(e, kind)).unzip();
                ElemFormatter::Complex(ComplexFormat::new(&re, &im, kind, opts)?, kind)
            }
        })
    }

    /// Formats one element.
    pub fn format(&self, e: PElem) -> Result<String, PrintError> {
        Ok(match self {
            ElemFormatter::Bool { true_str } => {
                let truthy = match e {
                    PElem::Bool(b) => b,
                    other => as_int(other) != 0,
                };
                if truthy { true_str } else { "False" }.to_string()
            }
            ElemFormatter::Int(f) => f.format(as_int(e)),
            ElemFormatter::Float(f, kind) => f.format(as_float(e, *kind))?,
            ElemFormatter::Complex(f, kind) => {
                let (re, im) = complex_parts(e, *kind);
                f.format(re, im)?
            }
        })
    }
}
