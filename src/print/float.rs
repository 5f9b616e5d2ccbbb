//! Float-to-text conversion: CPython's `repr(float)` and `%`-style formatting, NumPy's scalar `str` for float32/float16, and the shortest round-trip digit generators behind them.
//!
//! Digit strings are returned together with a *decimal point position* `decpt`
//! using the convention of David Gay's `dtoa` (which CPython uses): the value is
//! `0.d1d2d3… × 10^decpt`.  So `1.5` is `("15", 1)`, `0.001` is `("1", -2)` and
//! `1e22` is `("1", 23)`.

/// Largest precision honoured by [`double_to_string`], [`format_fixed`] and
/// [`format_exp`]; larger requests are clamped to this value so that absurd
/// precisions cannot exhaust memory.  (CPython's own limit is `INT_MAX`, and the
/// format-spec layer reports an error long before this.)
pub const MAX_PRECISION: usize = 1 << 28;

/// Number of fractional digits after which every finite f64 is exact
/// (the smallest subnormal is 2^-1074, which has 1074 decimals).
const F64_EXACT_FRAC_DIGITS: usize = 1100;

/// Number of significant digits after which every finite f64 is exact (767 is
/// the true maximum).
const F64_EXACT_SIG_DIGITS: usize = 800;

// ---------------------------------------------------------------------------
// Digit-string helpers
// ---------------------------------------------------------------------------

/// Splits Rust's `{:e}` / `{:.Ne}` rendering of a finite, non-negative number
/// (`"6.966509968556033e14"`) into its digits (`"6966509968556033"`) and the
/// exponent of the first digit (`14`).
fn split_rust_exp(s: &str) -> (String, i32) {
    let (mant, exp) = s.split_once('e').unwrap_or((s, "0"));
    let exp = exp.parse::<i32>().unwrap_or(0);
    let digits = mant.chars().filter(char::is_ascii_digit).collect();
    (digits, exp)
}

/// Removes trailing `'0'`s, keeping at least one character.
fn trim_trailing_zeros(mut d: String) -> String {
    while d.len() > 1 && d.ends_with('0') {
        d.pop();
    }
    d
}

/// Adds one unit in the last place to a digit string.  Returns the new digits
/// and whether a carry out of the first digit happened (`"99"` → `("100", true)`).
fn increment_digits(d: &str) -> (String, bool) {
    let mut bytes = d.as_bytes().to_vec();
    for b in bytes.iter_mut().rev() {
        if *b == b'9' {
            *b = b'0';
        } else {
            *b += 1;
            return (String::from_utf8(bytes).unwrap_or_default(), false);
        }
    }
    let mut out = String::with_capacity(bytes.len() + 1);
    out.push('1');
    out.push_str(&String::from_utf8(bytes).unwrap_or_default());
    (out, true)
}

/// `digits × 10^exp10` as a string Rust's float parsers accept (`"15e-1"`).
fn sci_literal(digits: &str, exp10: i32) -> String {
    format!("{digits}e{exp10}")
}

/// Generic exact shortest-digit search.
///
/// `exact` is the complete decimal expansion of a positive value (no trailing
/// zeros) whose first digit has exponent `e1`.  `round_trips(literal)` tells
/// whether a decimal literal converts back to the value.  Returns the shortest
/// digits that round-trip, the one nearest the exact value among equally short
/// candidates, and the even one on an exact tie — plus the first-digit exponent.
fn shortest_exact(exact: &str, e1: i32, round_trips: impl Fn(&str) -> bool) -> (String, i32) {
    for n in 1..exact.len() {
        let floor = &exact[..n];
        let rest = &exact.as_bytes()[n..];
        let (ceil, carried) = increment_digits(floor);
        let ceil_e1 = if carried { e1 + 1 } else { e1 };
        // Compare the discarded tail with one half unit ("5000…").
        let above_half =
            rest[0] > b'5' || (rest[0] == b'5' && rest[1..].iter().any(|&b| b != b'0'));
        let tie = rest[0] == b'5' && rest[1..].iter().all(|&b| b == b'0');
        let floor_even = floor.as_bytes().last().is_some_and(|b| b % 2 == 0);
        let ceil_first = above_half || (tie && !floor_even);
        let floor_cand = (floor.to_string(), e1);
        let ceil_cand = (ceil, ceil_e1);
        let order = if ceil_first {
            [ceil_cand, floor_cand]
        } else {
            [floor_cand, ceil_cand]
        };
        for (digits, ce1) in order {
            let len = i32::try_from(digits.len()).unwrap_or(i32::MAX);
            if round_trips(&sci_literal(&digits, ce1 - len + 1)) {
                return (trim_trailing_zeros(digits), ce1);
            }
        }
    }
    (exact.to_string(), e1)
}

/// Returns `(m, k)` with `value = m × 2^k`, `m` odd, for the magnitude bits of
/// a finite non-zero float with `mant_bits` explicit mantissa bits and exponent
/// bias `bias`.
fn odd_mantissa_exponent(bits: u64, mant_bits: u32, bias: i32) -> (u64, i32) {
    let frac = bits & ((1u64 << mant_bits) - 1);
    let biased = i32::try_from(bits >> mant_bits).unwrap_or(0);
    let shift = i32::try_from(mant_bits).unwrap_or(0);
    let (m, k) = if biased == 0 {
        (frac, 1 - bias - shift)
    } else {
        (frac | (1u64 << mant_bits), biased - bias - shift)
    };
    if m == 0 {
        return (0, 0);
    }
    let tz = m.trailing_zeros();
    (m >> tz, k + i32::try_from(tz).unwrap_or(0))
}

/// Fixes Rust's shortest output (`digits`, first-digit exponent `e1`) when the
/// value lies exactly halfway between two equally short candidates: Rust rounds
/// such ties upward, CPython/NumPy pick the even last digit.
///
/// `k` is the binary exponent of the value written as `odd × 2^k`; a tie is only
/// possible when `k == p - 1`, `p` being the decimal exponent of the last digit
/// (the exact expansion must end with a 5 right after the last digit).
fn fix_tie(
    digits: String,
    e1: i32,
    k: i32,
    exact_digits: impl Fn(usize) -> String,
    round_trips: impl Fn(&str) -> bool,
) -> String {
    let n = digits.len();
    let Ok(n_i32) = i32::try_from(n) else {
        return digits;
    };
    let p = e1 - n_i32 + 1;
    if k != p - 1 {
        return digits;
    }
    // Exactly n+1 significant digits, correctly rounded (hence exact here).
    let (ed, ee) = split_rust_exp(&exact_digits(n));
    if ed.len() != n + 1 || !ed.ends_with('5') {
        return digits;
    }
    let floor = &ed[..n];
    let (ceil, carried) = increment_digits(floor);
    let floor_even = floor.as_bytes().last().is_some_and(|b| b % 2 == 0);
    // The even candidate; a carry would make it shorter, which Rust's shortest
    // search would already have found, so leave those alone.
    let (even, even_e1) = if floor_even {
        (floor.to_string(), ee)
    } else if !carried {
        (ceil, ee)
    } else {
        return digits;
    };
    if even == digits && even_e1 == e1 {
        return digits;
    }
    if round_trips(&sci_literal(&even, even_e1 - n_i32 + 1)) && even_e1 == e1 {
        return trim_trailing_zeros(even);
    }
    digits
}

// ---------------------------------------------------------------------------
// Shortest digits
// ---------------------------------------------------------------------------

/// Shortest decimal digits that round-trip to `x` as an f64 (CPython's `repr`
/// digits: David Gay's `dtoa` mode 0).
///
/// Returns `(digits, decpt)` with `|x| = 0.digits × 10^decpt`; the digits have
/// no leading or trailing zeros.  Among equally short candidates the one nearest
/// to the exact binary value is chosen, and on an exact tie the one with an even
/// last digit.  The sign of `x` is ignored.  For `±0.0` returns `("0", 1)`; for
/// infinities and NaN returns `("", 0)`.
pub fn shortest_digits_f64(x: f64) -> (String, i32) {
    if !x.is_finite() {
        return (String::new(), 0);
    }
    if x == 0.0 {
        return ("0".to_string(), 1);
    }
    let a = x.abs();
    let (digits, e1) = split_rust_exp(&format!("{a:e}"));
    let (_, k) = odd_mantissa_exponent(a.to_bits(), 52, 1023);
    let digits = fix_tie(
        digits,
        e1,
        k,
        |prec| format!("{a:.prec$e}"),
        |lit| lit.parse::<f64>() == Ok(a),
    );
    (digits, e1 + 1)
}

/// Shortest decimal digits that round-trip to `x` as an f32 (NumPy's float32
/// `repr` digits).  Same conventions as [`shortest_digits_f64`].
pub fn shortest_digits_f32(x: f32) -> (String, i32) {
    if !x.is_finite() {
        return (String::new(), 0);
    }
    if x == 0.0 {
        return ("0".to_string(), 1);
    }
    let a = x.abs();
    let (digits, e1) = split_rust_exp(&format!("{a:e}"));
    let (_, k) = odd_mantissa_exponent(u64::from(a.to_bits()), 23, 127);
    let digits = fix_tie(
        digits,
        e1,
        k,
        |prec| format!("{a:.prec$e}"),
        |lit| lit.parse::<f32>() == Ok(a),
    );
    (digits, e1 + 1)
}

/// Shortest decimal digits that round-trip to the IEEE binary16 value with the
/// given bit pattern (NumPy's float16 `repr` digits).  Same conventions as
/// [`shortest_digits_f64`].
pub fn shortest_digits_f16(bits: u16) -> (String, i32) {
    let x = f64::from(f16_bits_to_f32(bits));
    if !x.is_finite() {
        return (String::new(), 0);
    }
    if x == 0.0 {
        return ("0".to_string(), 1);
    }
    let a = x.abs();
    let target = bits & 0x7fff;
    // Every float16 has fewer than 30 significant digits, so this is exact.
    let (exact, e1) = split_rust_exp(&format!("{a:.40e}"));
    let exact = trim_trailing_zeros(exact);
    let (digits, e1) = shortest_exact(&exact, e1, |lit| {
        lit.parse::<f64>().map(f64_to_f16_bits) == Ok(target)
    });
    (digits, e1 + 1)
}

// ---------------------------------------------------------------------------
// float16 conversions
// ---------------------------------------------------------------------------

/// Converts IEEE binary16 bits to the (exactly representable) f32 value.
/// NaN payloads are kept in the high mantissa bits.
pub fn f16_bits_to_f32(bits: u16) -> f32 {
    let sign = u32::from(bits & 0x8000) << 16;
    let exp = u32::from((bits >> 10) & 0x1f);
    let frac = u32::from(bits & 0x3ff);
    if exp == 0 {
        // Subnormal or zero: frac × 2^-24, exact in f32.
        let v = frac as f32 * f32::from_bits(0x3380_0000);
        return if sign != 0 { -v } else { v };
    }
    if exp == 31 {
        return f32::from_bits(sign | 0x7f80_0000 | (frac << 13));
    }
    f32::from_bits(sign | ((exp + 112) << 23) | (frac << 13))
}

/// Converts an f32 to IEEE binary16 bits, rounding to nearest with ties to even
/// (overflow gives ±inf, NaN stays a quiet NaN).
pub fn f32_to_f16_bits(x: f32) -> u16 {
    f64_to_f16_bits(f64::from(x))
}

/// Converts an f64 to IEEE binary16 bits with a single rounding (to nearest,
/// ties to even).  Overflow gives ±inf, NaN stays a quiet NaN.
pub fn f64_to_f16_bits(x: f64) -> u16 {
    let bits = x.to_bits();
    let sign: u16 = if bits >> 63 == 1 { 0x8000 } else { 0 };
    let biased = i64::try_from((bits >> 52) & 0x7ff).unwrap_or(0);
    let frac = bits & ((1u64 << 52) - 1);
    if biased == 0x7ff {
        if frac == 0 {
            return sign | 0x7c00;
        }
        let payload = u16::try_from((frac >> 42) & 0x3ff).unwrap_or(0);
        return sign | 0x7e00 | payload;
    }
    let (m, e) = if biased == 0 {
        (frac, -1074i64)
    } else {
        (frac | (1u64 << 52), biased - 1075)
    };
    if m == 0 {
        return sign;
    }
    let top = 63 - i64::from(m.leading_zeros());
    let u = top + e; // exponent of the leading bit
    if u > 15 {
        return sign | 0x7c00;
    }
    let subnormal = u < -14;
    let q_exp = if subnormal { -24 } else { u - 10 };
    let shift = q_exp - e;
    let q: u64 = if shift <= 0 {
        // Exact: the value has at most 11 significant bits at this scale.
        m << u32::try_from(-shift).unwrap_or(0).min(63)
    } else if shift > 60 {
        0
    } else {
        let s = u32::try_from(shift).unwrap_or(60);
        let q = m >> s;
        let rem = m & ((1u64 << s) - 1);
        let half = 1u64 << (s - 1);
        if rem > half || (rem == half && q & 1 == 1) {
            q + 1
        } else {
            q
        }
    };
    let q = i64::try_from(q).unwrap_or(0);
    let out = if subnormal {
        q
    } else {
        ((u + 15) << 10) + q - 1024
    };
    if out >= 0x7c00 {
        sign | 0x7c00
    } else {
        sign | u16::try_from(out).unwrap_or(0x7c00)
    }
}

// ---------------------------------------------------------------------------
// Correctly rounded digit generation (dtoa modes 2 and 3)
// ---------------------------------------------------------------------------

/// `|x|` correctly rounded (ties to even) to `ndigits >= 1` significant digits,
/// trailing zeros removed: Gay's `dtoa` mode 2.  Returns `(digits, decpt)`.
fn digits_significant(x: f64, ndigits: usize) -> (String, i32) {
    if x == 0.0 {
        return ("0".to_string(), 1);
    }
    let prec = ndigits.clamp(1, F64_EXACT_SIG_DIGITS) - 1;
    let (d, e1) = split_rust_exp(&format!("{:.prec$e}", x.abs()));
    (trim_trailing_zeros(d), e1 + 1)
}

/// `|x|` correctly rounded (ties to even) to `ndecimals` digits after the point,
/// leading and trailing zeros removed: Gay's `dtoa` mode 3.  A result that
/// rounds to zero is reported as `("0", 1)`.
fn digits_fixed(x: f64, ndecimals: usize) -> (String, i32) {
    if x == 0.0 {
        return ("0".to_string(), 1);
    }
    let prec = ndecimals.min(F64_EXACT_FRAC_DIGITS);
    let s = format!("{:.prec$}", x.abs());
    let (int_part, frac_part) = s.split_once('.').unwrap_or((&s, ""));
    let all: String = format!("{int_part}{frac_part}");
    let lead = all.bytes().take_while(|&b| b == b'0').count();
    if lead == all.len() {
        return ("0".to_string(), 1);
    }
    let decpt = i64::try_from(int_part.len()).unwrap_or(0) - i64::try_from(lead).unwrap_or(0);
    let digits = trim_trailing_zeros(all[lead..].to_string());
    (digits, i32::try_from(decpt).unwrap_or(0))
}

// ---------------------------------------------------------------------------
// PyOS_double_to_string
// ---------------------------------------------------------------------------

/// Flags of [`double_to_string`], mirroring CPython's `Py_DTSF_*`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DtsFlags {
    /// Always emit a sign (`+1.0`, `+inf`, `+nan`).
    pub sign: bool,
    /// Make integral results look like floats (`1.0` rather than `1`); used by
    /// `repr` and by format specs without a type.
    pub add_dot_0: bool,
    /// Alternate form (`#`): keep the decimal point and, for `g`, trailing zeros.
    pub alt: bool,
    /// Turn a negative zero result (after rounding) into positive zero (`z`).
    pub no_neg_0: bool,
}

/// CPython's `PyOS_double_to_string`.
///
/// `code` is one of `e E f F g G r` (`r` = repr, precision ignored); any other
/// code is treated as `r`.  Precision is clamped to [`MAX_PRECISION`].  Upper
/// case codes give `E`, `INF`, `NAN`.
pub fn double_to_string(x: f64, code: char, precision: usize, flags: DtsFlags) -> String {
    let upper = matches!(code, 'E' | 'F' | 'G');
    let mut precision = i64::try_from(precision.min(MAX_PRECISION)).unwrap_or(0);
    let (fc, mode) = match code.to_ascii_lowercase() {
        'e' => {
            precision += 1;
            ('e', 2)
        }
        'f' => ('f', 3),
        'g' => {
            if precision == 0 {
                precision = 1;
            }
            ('g', 2)
        }
        _ => ('r', 0),
    };

    let mut out = String::new();
    if x.is_nan() || x.is_infinite() {
        if x.is_infinite() && x < 0.0 {
            out.push('-');
        } else if flags.sign {
            out.push('+');
        }
        out.push_str(match (x.is_nan(), upper) {
            (true, false) => "nan",
            (true, true) => "NAN",
            (false, false) => "inf",
            (false, true) => "INF",
        });
        return out;
    }

    let prec_usize = usize::try_from(precision).unwrap_or(0);
    let (digits, decpt) = match mode {
        0 => shortest_digits_f64(x),
        2 => digits_significant(x, prec_usize),
        _ => digits_fixed(x, prec_usize),
    };
    let mut negative = x.is_sign_negative();
    if flags.no_neg_0 && negative && digits == "0" {
        negative = false;
    }

    let digits_len = i64::try_from(digits.len()).unwrap_or(0);
    let mut decpt = i64::from(decpt);
    let mut vdigits_end = digits_len;
    let mut use_exp = false;
    match fc {
        'e' => {
            use_exp = true;
            vdigits_end = precision;
        }
        'f' => vdigits_end = decpt + precision,
        'g' => {
            let limit = if flags.add_dot_0 {
                precision - 1
            } else {
                precision
            };
            if decpt <= -4 || decpt > limit {
                use_exp = true;
            }
            if flags.alt {
                vdigits_end = precision;
            }
        }
        _ => {
            if decpt <= -4 || decpt > 16 {
                use_exp = true;
            }
        }
    }
    let mut exp = 0;
    if use_exp {
        exp = decpt - 1;
        decpt = 1;
    }
    let vdigits_start = if decpt <= 0 { decpt - 1 } else { 0 };
    vdigits_end = if !use_exp && flags.add_dot_0 {
        vdigits_end.max(decpt + 1)
    } else {
        vdigits_end.max(decpt)
    };

    let zeros = |out: &mut String, n: i64| {
        if n > 0 {
            out.extend(std::iter::repeat_n('0', usize::try_from(n).unwrap_or(0)));
        }
    };
    out.reserve(usize::try_from(vdigits_end - vdigits_start + 8).unwrap_or(0));
    if negative {
        out.push('-');
    } else if flags.sign {
        out.push('+');
    }
    if decpt <= 0 {
        zeros(&mut out, decpt - vdigits_start);
        out.push('.');
        zeros(&mut out, -decpt);
    } else {
        zeros(&mut out, -vdigits_start);
    }
    if 0 < decpt && decpt <= digits_len {
        let split = usize::try_from(decpt).unwrap_or(0);
        out.push_str(&digits[..split]);
        out.push('.');
        out.push_str(&digits[split..]);
    } else {
        out.push_str(&digits);
    }
    if digits_len < decpt {
        zeros(&mut out, decpt - digits_len);
        out.push('.');
        zeros(&mut out, vdigits_end - decpt);
    } else {
        zeros(&mut out, vdigits_end - digits_len);
    }
    if out.ends_with('.') && !flags.alt {
        out.pop();
    }
    if use_exp {
        out.push(if upper { 'E' } else { 'e' });
        out.push_str(&format!("{exp:+03}"));
    }
    out
}

/// Python's `repr(float)` (also `str(float)`): `2.0`, `0.0001`, `1e+16`,
/// `1e-05`, `5e-324`, `-0.0`, `inf`, `nan`.
pub fn repr_f64(x: f64) -> String {
    double_to_string(
        x,
        'r',
        0,
        DtsFlags {
            add_dot_0: true,
            ..DtsFlags::default()
        },
    )
}

/// Python's `'%.*f' % (prec, x)`: correctly rounded, ties to even.
pub fn format_fixed(x: f64, prec: usize) -> String {
    double_to_string(x, 'f', prec, DtsFlags::default())
}

/// Python's `'%.*e' % (prec, x)` (`'%.*E'` when `upper`): `1.500000e+03`.
pub fn format_exp(x: f64, prec: usize, upper: bool) -> String {
    double_to_string(x, if upper { 'E' } else { 'e' }, prec, DtsFlags::default())
}

/// Python's `'%.*g' % (prec, x)` (`'%.*G'` when `upper`, `'%#.*g'` when `alt`).
pub fn format_general(x: f64, prec: usize, upper: bool, alt: bool) -> String {
    double_to_string(
        x,
        if upper { 'G' } else { 'g' },
        prec,
        DtsFlags {
            alt,
            ..DtsFlags::default()
        },
    )
}

// ---------------------------------------------------------------------------
// NumPy scalar str
// ---------------------------------------------------------------------------

/// Lays out shortest digits the way NumPy's scalar `str` does: positional with
/// at least one fractional digit, or `d[.ddd]e±XX`.
fn numpy_layout(negative: bool, digits: &str, decpt: i32, positional: bool) -> String {
    let mut out = String::new();
    if negative {
        out.push('-');
    }
    let len = i32::try_from(digits.len()).unwrap_or(i32::MAX);
    if positional {
        if decpt <= 0 {
            out.push_str("0.");
            out.extend(std::iter::repeat_n(
                '0',
                usize::try_from(-decpt).unwrap_or(0),
            ));
            out.push_str(digits);
        } else if decpt >= len {
            out.push_str(digits);
            out.extend(std::iter::repeat_n(
                '0',
                usize::try_from(decpt - len).unwrap_or(0),
            ));
            out.push_str(".0");
        } else {
            let split = usize::try_from(decpt).unwrap_or(0);
            out.push_str(&digits[..split]);
            out.push('.');
            out.push_str(&digits[split..]);
        }
    } else {
        out.push_str(&digits[..1]);
        if digits.len() > 1 {
            out.push('.');
            out.push_str(&digits[1..]);
        }
        out.push_str(&format!("e{:+03}", decpt - 1));
    }
    out
}

/// Shared part of the NumPy scalar reprs; `value` is the exact value as f64.
fn numpy_scalar_str(value: f64, cutoff: f64, digits: impl FnOnce() -> (String, i32)) -> String {
    if value.is_nan() {
        return "nan".to_string();
    }
    if value.is_infinite() {
        return if value < 0.0 { "-inf" } else { "inf" }.to_string();
    }
    let negative = value.is_sign_negative();
    if value == 0.0 {
        return if negative { "-0.0" } else { "0.0" }.to_string();
    }
    let a = value.abs();
    let (d, decpt) = digits();
    numpy_layout(negative, &d, decpt, (1e-4..cutoff).contains(&a))
}

/// NumPy's `str(np.float32(x))` (also its `repr` without the `np.float32(...)`
/// wrapper): shortest float32 digits, positional when `1e-4 <= |x| < 1e6`
/// (`123456.7`, `3.0`), otherwise scientific (`1e+06`, `1.5e-05`).
pub fn repr_f32_numpy(x: f32) -> String {
    numpy_scalar_str(f64::from(x), 1e6, || shortest_digits_f32(x))
}

/// NumPy's `str(np.float16(x))` for the binary16 bit pattern `bits`: shortest
/// float16 digits, positional when `1e-4 <= |x| < 1e3`, otherwise scientific
/// (`1e+03`, `6.55e+04`, `6e-08`).
pub fn repr_f16_numpy(bits: u16) -> String {
    numpy_scalar_str(f64::from(f16_bits_to_f32(bits)), 1e3, || {
        shortest_digits_f16(bits)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Simple xorshift64* generator for reproducible pseudo-random bit patterns.
    struct XorShift(u64);

    impl XorShift {
        fn next(&mut self) -> u64 {
            let mut x = self.0;
            x ^= x >> 12;
            x ^= x << 25;
            x ^= x >> 27;
            self.0 = x;
            x.wrapping_mul(0x2545_f491_4f6c_dd1d)
        }
    }

    fn f64_of(s: &str) -> f64 {
        s.parse().expect("test literal")
    }

    // Expected values below were produced with CPython 3.11.7 / NumPy 2.4.6.

    #[test]
    fn repr_f64_matches_python() {
        let cases: &[(f64, &str)] = &[
            (f64_of("696650996855603.25"), "696650996855603.2"),
            (0.1 + 0.2, "0.30000000000000004"),
            (1.0 / 3.0, "0.3333333333333333"),
            (1e22, "1e+22"),
            (1e21 + 1.0, "1e+21"),
            (12345678.9, "12345678.9"),
            (5e-324, "5e-324"),
            (f64::MAX, "1.7976931348623157e+308"),
            (f64::MIN_POSITIVE, "2.2250738585072014e-308"),
            (2.225073858507201e-308, "2.225073858507201e-308"),
            (1e16, "1e+16"),
            (1e-5, "1e-05"),
            (2.5e-7, "2.5e-07"),
            (1.2345678901234568e17, "1.2345678901234568e+17"),
            (0.0001, "0.0001"),
            (1000000000000000.0, "1000000000000000.0"),
            (9999999999999998.0, "9999999999999998.0"),
            (123.456, "123.456"),
            (2.0, "2.0"),
            (0.5, "0.5"),
            (1e23, "1e+23"),
            (9007199254740993.0, "9007199254740992.0"),
            (1.5e-323, "1.5e-323"),
            (9.999999999999999e-5, "9.999999999999999e-05"),
            (-1.5, "-1.5"),
            (4.35, "4.35"),
            (0.3, "0.3"),
            (2.0 / 3.0, "0.6666666666666666"),
            (100.0, "100.0"),
            (1e100, "1e+100"),
            (8.41e21, "8.41e+21"),
            (-0.0, "-0.0"),
            (0.0, "0.0"),
            (f64::INFINITY, "inf"),
            (f64::NEG_INFINITY, "-inf"),
            (f64::NAN, "nan"),
            (-f64::NAN, "nan"),
        ];
        for &(x, want) in cases {
            assert_eq!(repr_f64(x), want, "repr of {x:e}");
        }
    }

    #[test]
    fn shortest_digits_f64_matches_python() {
        let cases: &[(f64, &str, i32)] = &[
            (f64_of("696650996855603.25"), "6966509968556032", 15),
            (0.1 + 0.2, "30000000000000004", 0),
            (1.0 / 3.0, "3333333333333333", 0),
            (1e22, "1", 23),
            (1e21, "1", 22),
            (12345678.9, "123456789", 8),
            (5e-324, "5", -323),
            (f64::MAX, "17976931348623157", 309),
            (2.225073858507201e-308, "2225073858507201", -307),
            (1e16, "1", 17),
            (1e-5, "1", -4),
            (2.5e-7, "25", -6),
            (0.0001, "1", -3),
            (9999999999999998.0, "9999999999999998", 16),
            (123.456, "123456", 3),
            (0.5, "5", 0),
            (1.5e-323, "15", -322),
            (-1.5, "15", 1),
            (8.41e21, "841", 22),
        ];
        for &(x, d, e) in cases {
            assert_eq!(shortest_digits_f64(x), (d.to_string(), e), "{x:e}");
        }
        assert_eq!(shortest_digits_f64(0.0), ("0".to_string(), 1));
        assert_eq!(shortest_digits_f64(f64::NAN), (String::new(), 0));
    }

    #[test]
    fn ties_go_to_even() {
        // Rust's `{:e}` rounds these exact ties up; CPython and NumPy do not.
        let x = f64_of("696650996855603.25");
        assert_eq!(format!("{x:e}"), "6.966509968556033e14");
        assert_eq!(repr_f64(x), "696650996855603.2");
        let y = -1065.0_f32 / 256.0; // -4.16015625 exactly
        assert_eq!(format!("{y:e}"), "-4.1601563e0");
        assert_eq!(shortest_digits_f32(y), ("41601562".to_string(), 1));
        assert_eq!(repr_f32_numpy(y), "-4.1601562");
    }

    #[test]
    fn random_bits_round_trip_and_are_shortest() {
        let mut rng = XorShift(0x9e37_79b9_7f4a_7c15);
        for _ in 0..5000 {
            let x = f64::from_bits(rng.next());
            if !x.is_finite() {
                continue;
            }
            let r = repr_f64(x);
            assert_eq!(r.parse::<f64>(), Ok(x), "{r}");
            let (d, _) = shortest_digits_f64(x);
            let (rust_d, _) = split_rust_exp(&format!("{:e}", x.abs()));
            assert!(d.len() <= rust_d.len(), "{r} vs {rust_d}");

            let y = f32::from_bits(u32::try_from(rng.next() >> 32).unwrap_or(0));
            if y.is_finite() {
                let (d, e) = shortest_digits_f32(y);
                let back = sci_literal(&d, e - i32::try_from(d.len()).unwrap_or(0));
                assert_eq!(back.parse::<f32>().map(f32::abs), Ok(y.abs()), "{back}");
                let (rust_d, _) = split_rust_exp(&format!("{:e}", y.abs()));
                assert!(d.len() <= rust_d.len());
            }
        }
    }

    #[test]
    fn fast_path_agrees_with_exact_search() {
        // The Rust-based generators must agree with the slow exact search.
        let mut rng = XorShift(12345);
        for _ in 0..300 {
            let x = f64::from_bits(rng.next() >> 2);
            if !x.is_finite() || x == 0.0 {
                continue;
            }
            let (exact, e1) = split_rust_exp(&format!("{x:.800e}"));
            let exact = trim_trailing_zeros(exact);
            let (d, e1) = shortest_exact(&exact, e1, |lit| lit.parse::<f64>() == Ok(x));
            assert_eq!(shortest_digits_f64(x), (d, e1 + 1));
        }
    }

    #[test]
    fn testdata_table_matches_python() {
        let data = include_str!("testdata_float_repr.txt");
        let (mut n64, mut n32, mut fixed_ties) = (0, 0, 0);
        for line in data
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
        {
            let (hex, want) = line.split_once(' ').expect("two fields");
            if hex.len() == 16 {
                let x = f64::from_bits(u64::from_str_radix(hex, 16).expect("hex"));
                assert_eq!(repr_f64(x), want, "bits {hex}");
                if x.is_finite() && x != 0.0 {
                    let (rust_d, _) = split_rust_exp(&format!("{:e}", x.abs()));
                    if shortest_digits_f64(x).0 != rust_d {
                        fixed_ties += 1;
                    }
                }
                n64 += 1;
            } else {
                let x = f32::from_bits(u32::from_str_radix(hex, 16).expect("hex"));
                assert_eq!(repr_f32_numpy(x), want, "bits {hex}");
                n32 += 1;
            }
        }
        assert!(n64 >= 2000 && n32 >= 1000, "{n64} {n32}");
        // The table contains exact ties where Rust alone would be wrong.
        assert!(fixed_ties > 100, "{fixed_ties}");
    }

    #[test]
    fn fixed_matches_python() {
        let cases: &[(f64, usize, &str)] = &[
            (0.125, 2, "0.12"),
            (0.375, 2, "0.38"),
            (2.5, 0, "2"),
            (0.5, 0, "0"),
            (1.5, 0, "2"),
            (-0.0004, 3, "-0.000"),
            (1e22, 2, "10000000000000000000000.00"),
            (1.0 / 3.0, 20, "0.33333333333333331483"),
            (123.456, 1, "123.5"),
            (1e-10, 5, "0.00000"),
            (5e-324, 3, "0.000"),
            (2.675, 2, "2.67"),
            (0.1, 30, "0.100000000000000005551115123126"),
            (-1.5, 0, "-2"),
            (999.9999, 3, "1000.000"),
            (
                f64::MAX,
                0,
                "179769313486231570814527423731704356798070567525844996598917476803157260780028538760589558632766878171540458953514382464234321326889464182768467546703537516986049910576551282076245490090389328944075868508455133942304583236903222948165808559332123348274797826204144723168738177180919299881250404026184124858368",
            ),
            (f64::INFINITY, 3, "inf"),
            (f64::NEG_INFINITY, 3, "-inf"),
            (f64::NAN, 3, "nan"),
        ];
        for &(x, p, want) in cases {
            assert_eq!(format_fixed(x, p), want, "%.{p}f of {x:e}");
        }
        // Precisions beyond Rust's formatter limit (u16) must not panic.
        let s = format_fixed(0.1, 70_000);
        assert_eq!(s.len(), 70_002);
        assert!(s.starts_with("0.1000000000000000055511151231257827"));
        assert!(s.ends_with("000"));
        let s = format_exp(5e-324, 70_000, false);
        assert!(s.starts_with("4.940656458412465441765687928682213723650598026143247644255856825"));
        assert!(s.ends_with("0e-324"));
    }

    #[test]
    fn exp_matches_python() {
        let cases: &[(f64, usize, &str, &str)] = &[
            (1500.0, 3, "1.500e+03", "1.500E+03"),
            (0.000123456, 2, "1.23e-04", "1.23E-04"),
            (1e300, 0, "1e+300", "1E+300"),
            (5e-324, 5, "4.94066e-324", "4.94066E-324"),
            (-2.5, 0, "-2e+00", "-2E+00"),
            (3.5, 0, "4e+00", "4E+00"),
            (9.9999, 2, "1.00e+01", "1.00E+01"),
            (0.0, 4, "0.0000e+00", "0.0000E+00"),
            (-0.0, 1, "-0.0e+00", "-0.0E+00"),
            (1e100, 1, "1.0e+100", "1.0E+100"),
            (123456.0, 10, "1.2345600000e+05", "1.2345600000E+05"),
            (
                f64::MAX,
                20,
                "1.79769313486231570815e+308",
                "1.79769313486231570815E+308",
            ),
            (f64::INFINITY, 2, "inf", "INF"),
            (f64::NEG_INFINITY, 2, "-inf", "-INF"),
            (f64::NAN, 2, "nan", "NAN"),
        ];
        for &(x, p, lower, upper) in cases {
            assert_eq!(format_exp(x, p, false), lower);
            assert_eq!(format_exp(x, p, true), upper);
        }
    }

    #[test]
    fn general_matches_python() {
        // (x, prec, '%.*g' % (prec, x), '%.*G' % (prec, x * 1e20), '%#.*g' % (prec, x))
        let cases: &[(f64, usize, &str, &str, &str)] = &[
            (1234.5678, 3, "1.23e+03", "1.23E+23", "1.23e+03"),
            (0.0001234, 2, "0.00012", "1.2E+16", "0.00012"),
            (1e-05, 6, "1e-05", "1E+15", "1.00000e-05"),
            (123456.0, 6, "123456", "1.23456E+25", "123456."),
            (1234567.0, 6, "1.23457e+06", "1.23457E+26", "1.23457e+06"),
            (100.0, 0, "1e+02", "1E+22", "1.e+02"),
            (0.5, 0, "0.5", "5E+19", "0.5"),
            (1e16, 17, "10000000000000000", "1E+36", "10000000000000000."),
            (2.5, 1, "2", "2E+20", "2."),
            (1.0, 5, "1", "1E+20", "1.0000"),
        ];
        for &(x, p, g, upper_g, alt_g) in cases {
            assert_eq!(format_general(x, p, false, false), g);
            assert_eq!(format_general(x * 1e20, p, true, false), upper_g);
            assert_eq!(format_general(x, p, false, true), alt_g);
        }
        assert_eq!(format_general(f64::NEG_INFINITY, 3, true, false), "-INF");
    }

    #[test]
    fn double_to_string_flags() {
        let sign = DtsFlags {
            sign: true,
            ..DtsFlags::default()
        };
        assert_eq!(double_to_string(1.0, 'r', 0, sign), "+1");
        assert_eq!(double_to_string(f64::NAN, 'r', 0, sign), "+nan");
        let z = DtsFlags {
            no_neg_0: true,
            ..DtsFlags::default()
        };
        assert_eq!(double_to_string(-0.0001, 'f', 2, z), "0.00");
        assert_eq!(double_to_string(-0.0001, 'e', 2, z), "-1.00e-04");
        // Unknown codes behave like 'r'.
        assert_eq!(double_to_string(0.5, '?', 3, DtsFlags::default()), "0.5");
    }

    #[test]
    fn repr_f32_matches_numpy() {
        let cases: &[(f32, &str)] = &[
            (-1065.0 / 256.0, "-4.1601562"), // -4.16015625
            (1e6, "1e+06"),
            (123456.7, "123456.7"),
            (999999.94, "999999.94"),
            (1e-4, "1e-04"),
            (1.0001e-4, "0.00010001"),
            (9.9e-5, "9.9e-05"),
            (3.0, "3.0"),
            (1.5e-5, "1.5e-05"),
            (1e16, "1e+16"),
            (1e-45, "1e-45"),
            (f32::MAX, "3.4028235e+38"),
            (0.1, "0.1"),
            (16777216.0, "1.6777216e+07"),
            (f32::MIN_POSITIVE, "1.1754944e-38"),
            (0.3, "0.3"),
            (100.0, "100.0"),
            (-2.5, "-2.5"),
            (8590399488.0, "8.5904e+09"),
            (1.2e-7, "1.2e-07"),
            (0.0, "0.0"),
            (-0.0, "-0.0"),
            (f32::INFINITY, "inf"),
            (f32::NEG_INFINITY, "-inf"),
            (f32::NAN, "nan"),
        ];
        for &(x, want) in cases {
            assert_eq!(repr_f32_numpy(x), want, "{x:e}");
        }
    }

    #[test]
    fn repr_f16_matches_numpy() {
        let cases: &[(u16, &str)] = &[
            (0x0000, "0.0"),
            (0x8000, "-0.0"),
            (0x0001, "6e-08"),
            (0x03ff, "6.1e-05"),
            (0x0400, "6.104e-05"),
            (0x3c00, "1.0"),
            (0x3c01, "1.001"),
            (0x7bff, "6.55e+04"),
            (0x7c00, "inf"),
            (0xfc00, "-inf"),
            (0x7e00, "nan"),
            (0x63cf, "999.5"),
            (0x63d0, "1e+03"),
            (0x0690, "0.00010014"),
            (0x068f, "0.0001001"),
            (0x5640, "100.0"),
            (0xc428, "-4.156"),
            (0x3555, "0.3333"),
            (0x2e66, "0.1"),
            (0x1c00, "0.003906"),
        ];
        for &(bits, want) in cases {
            assert_eq!(repr_f16_numpy(bits), want, "{bits:#06x}");
        }
    }

    #[test]
    fn f16_conversions() {
        // (f32 value, np.float16(np.float32(value)).view(np.uint16))
        let cases: &[(f32, u16)] = &[
            (1.0, 0x3c00),
            (1.0 + 2.0f32.powi(-10), 0x3c01),
            (1.0 + 2.0f32.powi(-11), 0x3c00),
            (1.0 + 3.0 * 2.0f32.powi(-12), 0x3c01),
            (1.0 + 3.0 * 2.0f32.powi(-11), 0x3c02),
            (65504.0, 0x7bff),
            (65519.99, 0x7bff),
            (65520.0, 0x7c00),
            (1e-8, 0x0000),
            (2.0f32.powi(-25), 0x0000),
            (2.0f32.powi(-24), 0x0001),
            (1.5 * 2.0f32.powi(-24), 0x0002),
            (6.1e-5, 0x03ff),
            (-0.0, 0x8000),
            (0.1, 0x2e66),
            (3.3, 0x429a),
            (1234.5678, 0x64d3),
            (0.333, 0x3554),
            (1e10, 0x7c00),
            (-1e-10, 0x8000),
            (f32::NEG_INFINITY, 0xfc00),
        ];
        for &(x, bits) in cases {
            assert_eq!(f32_to_f16_bits(x), bits, "{x:e}");
        }
        assert!(f16_bits_to_f32(f32_to_f16_bits(f32::NAN)).is_nan());
        // Every finite float16 survives f16 -> f32 -> f16, and its shortest
        // digits parse back to it.
        for bits in 0..=u16::MAX {
            let x = f16_bits_to_f32(bits);
            if x.is_nan() {
                assert_eq!(f32_to_f16_bits(x) & 0x7c00, 0x7c00);
                continue;
            }
            assert_eq!(f32_to_f16_bits(x), bits);
            if x.is_finite() && x != 0.0 {
                let (d, e) = shortest_digits_f16(bits);
                let lit = sci_literal(&d, e - i32::try_from(d.len()).unwrap_or(0));
                let back = lit.parse::<f64>().map(f64_to_f16_bits);
                assert_eq!(back, Ok(bits & 0x7fff), "{lit}");
            }
        }
    }
}
