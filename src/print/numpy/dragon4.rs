//! NumPy's Dragon4 float-to-text engine: `np.format_float_positional` and `np.format_float_scientific`, digit for digit and pad for pad.
//!
//! Every float is split into `mantissa × 2^exponent` and its digits are
//! produced by the Steele–White / Burger–Dybvig algorithm in exact integer
//! arithmetic, in one of two modes:
//! * *unique*: the shortest digits that still identify the value among the
//!   floats of its own type (float16, float32 or float64), optionally cut off
//!   after `precision` digits or extended to `min_digits`;
//! * *exact*: the exact binary value rounded half-to-even at the cutoff.
//!
//! The last digit is rounded the way NumPy's Dragon4 does it, including its one
//! quirk: in unique mode, when the cutoff lands where only the upper rounding
//! margin is reached (possible for exact powers of two), the digit is rounded up
//! (`format_float_scientific(-2.0**-97, precision=15)` ends in `…095`, the exact
//! rounding `…094`).
//!
//! The layout step reproduces NumPy's fixed 16384-byte output buffer: results
//! that would not fit either raise `RuntimeError("Float formatting result too
//! large")` (positional) or are cut short (scientific), exactly as NumPy does.

use super::bigint::Big;
use super::{PFloat, PrintError};

/// Size of NumPy's Dragon4 scratch buffer, NUL terminator included.
const BUFFER_SIZE: i64 = 16384;

/// How trailing zeros and the decimal point are trimmed (NumPy's `trim`
/// argument).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trim {
    /// `'k'`: keep trailing zeros and the decimal point.
    Keep,
    /// `'.'`: trim trailing zeros, keep the decimal point (`1.`).
    Point,
    /// `'0'`: trim trailing zeros but leave one zero after the point (`1.0`).
    Zero,
    /// `'-'`: trim trailing zeros and the decimal point (`1`).
    Minus,
}

impl Trim {
    /// Parses NumPy's one-character trim codes `k . 0 -`.
    pub fn parse(code: &str) -> Option<Trim> {
        match code {
            "k" => Some(Trim::Keep),
            "." => Some(Trim::Point),
            "0" => Some(Trim::Zero),
            "-" => Some(Trim::Minus),
            _ => None,
        }
    }
}

/// Whether `precision`/`min_digits` count digits after the point or
/// significant digits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cutoff {
    Total,
    Fraction,
}

/// Every knob of one Dragon4 call, with NumPy's convention that a negative
/// number means "not given".
#[derive(Debug, Clone, Copy)]
pub(crate) struct D4Options {
    pub scientific: bool,
    pub unique: bool,
    pub fractional: bool,
    pub precision: i64,
    pub min_digits: i64,
    pub sign: bool,
    pub trim: Trim,
    pub pad_left: i64,
    pub pad_right: i64,
    pub exp_digits: i64,
}

impl Default for D4Options {
    fn default() -> Self {
        D4Options {
            scientific: false,
            unique: true,
            fractional: true,
            precision: -1,
            min_digits: -1,
            sign: false,
            trim: Trim::Keep,
            pad_left: -1,
            pad_right: -1,
            exp_digits: -1,
        }
    }
}

/// A finite float as `mantissa × 2^exponent`.
#[derive(Debug, Clone, Copy)]
struct Decomposed {
    mantissa: u64,
    exponent: i32,
    /// Index of the highest set mantissa bit.
    mantissa_bit: u32,
    /// The gap to the next float above is twice the gap below (the mantissa is
    /// an exact power of two and not the smallest normal).
    unequal_margins: bool,
}

/// What a float is, for formatting purposes.
enum Class {
    Nan,
    Inf,
    Finite(Decomposed),
}

/// Splits an IEEE value with `mant_bits` fraction bits and `exp_bits` exponent
/// bits into sign and class.
fn decompose_bits(bits: u64, mant_bits: u32, exp_bits: u32) -> (bool, Class) {
    let frac = bits & ((1u64 << mant_bits) - 1);
    let exp_max = (1u64 << exp_bits) - 1;
    let biased = (bits >> mant_bits) & exp_max;
    let negative = (bits >> (mant_bits + exp_bits)) & 1 == 1;
    if biased == exp_max {
        return (negative, if frac == 0 { Class::Inf } else { Class::Nan });
    }
    let bias = i32::try_from(exp_max >> 1).unwrap_or(0);
    let shift = i32::try_from(mant_bits).unwrap_or(0);
    let biased = i32::try_from(biased).unwrap_or(0);
    let d = if biased != 0 {
        Decomposed {
            mantissa: frac | (1u64 << mant_bits),
            exponent: biased - bias - shift,
            mantissa_bit: mant_bits,
            unequal_margins: biased != 1 && frac == 0,
        }
    } else {
        Decomposed {
            mantissa: frac,
            exponent: 1 - bias - shift,
            mantissa_bit: 63u32.saturating_sub(frac.leading_zeros()),
            unequal_margins: false,
        }
    };
    (negative, Class::Finite(d))
}

fn decompose(x: PFloat) -> (bool, Class) {
    match x {
        PFloat::F16(b) => decompose_bits(u64::from(b), 10, 5),
        PFloat::F32(v) => decompose_bits(u64::from(v.to_bits()), 23, 8),
        PFloat::F64(v) => decompose_bits(v.to_bits(), 52, 11),
    }
}

/// The Dragon4 digit loop.  Returns the digits (ASCII, no leading zeros except
/// a lone `0` or a cutoff-forced leading digit) and the decimal exponent of the
/// first one.
///
/// `cutoff_max` / `cutoff_min` are digit counts (negative: none), measured from
/// the first digit (`Total`) or from the decimal point (`Fraction`);
/// `buffer_size` bounds the number of digits like NumPy's output buffer does.
fn dragon4(
    d: &Decomposed,
    unique: bool,
    cutoff: Cutoff,
    cutoff_max: i64,
    cutoff_min: i64,
    buffer_size: i64,
) -> (Vec<u8>, i64) {
    if d.mantissa == 0 {
        return (vec![b'0'], 0);
    }
    let is_even = d.mantissa.is_multiple_of(2);
    let m = Big::from_u64(d.mantissa);
    let e = d.exponent;
    let e_abs = e.unsigned_abs();
    // value = scaled_value / scale; the margins are half the gaps to the
    // neighbouring floats (the high one twice the low one when unequal).
    let (mut value, mut scale, mut margin_low) = match (d.unequal_margins, e > 0) {
        (true, true) => {
            let mut v = m;
            v.shl_assign(e_abs + 2);
            (v, Big::from_u64(4), Big::pow2(e_abs))
        }
        (true, false) => {
            let mut v = m;
            v.shl_assign(2);
            (v, Big::pow2(e_abs + 2), Big::from_u64(1))
        }
        (false, true) => {
            let mut v = m;
            v.shl_assign(e_abs + 1);
            (v, Big::from_u64(2), Big::pow2(e_abs))
        }
        (false, false) => {
            let mut v = m;
            v.shl_assign(1);
            (v, Big::pow2(e_abs + 1), Big::from_u64(1))
        }
    };
    let high_of = |low: &Big| {
        if d.unequal_margins {
            low.add(low)
        } else {
            *low
        }
    };

    // Estimate of floor(log10(v)) + 1, correct or one too small.
    let bit_pos = f64::from(d.mantissa_bit) + f64::from(e);
    let mut digit_exp = (bit_pos * std::f64::consts::LOG10_2 - 0.69).ceil() as i64;
    if cutoff_max >= 0 && cutoff == Cutoff::Fraction && digit_exp <= -cutoff_max {
        digit_exp = -cutoff_max + 1;
    }
    if digit_exp > 0 {
        scale.mul_pow10_assign(u32::try_from(digit_exp).unwrap_or(0));
    } else if digit_exp < 0 {
        let k = u32::try_from(-digit_exp).unwrap_or(0);
        value.mul_pow10_assign(k);
        margin_low.mul_pow10_assign(k);
    }
    if value >= scale {
        digit_exp += 1;
    } else {
        value.mul_small_assign(10);
        margin_low.mul_small_assign(10);
    }
    let mut margin_high = high_of(&margin_low);

    let buffer_size = buffer_size.max(1);
    let mut cutoff_max_exp = digit_exp - buffer_size;
    if cutoff_max >= 0 {
        let desired = match cutoff {
            Cutoff::Total => digit_exp - cutoff_max,
            Cutoff::Fraction => -cutoff_max,
        };
        cutoff_max_exp = cutoff_max_exp.max(desired);
    }
    let mut cutoff_min_exp = digit_exp;
    if cutoff_min >= 0 {
        let desired = match cutoff {
            Cutoff::Total => digit_exp - cutoff_min,
            Cutoff::Fraction => -cutoff_min,
        };
        cutoff_min_exp = cutoff_min_exp.min(desired);
    }
    let mut out_exp = digit_exp - 1;

    let mut digits: Vec<u8> = Vec::with_capacity(24);
    let mut low = false;
    let mut high = false;
    let mut digit;
    if unique {
        loop {
            digit_exp -= 1;
            digit = value.divrem_digit(&scale);
            let value_high = value.add(&margin_high);
            low = if is_even {
                value <= margin_low
            } else {
                value < margin_low
            };
            high = if is_even {
                value_high >= scale
            } else {
                value_high > scale
            };
            if ((low || high) && digit_exp <= cutoff_min_exp) || digit_exp == cutoff_max_exp {
                break;
            }
            digits.push(b'0' + digit as u8);
            value.mul_small_assign(10);
            // Once a margin exceeds the scale both tests stay true forever;
            // stop growing it so the numbers stay bounded.
            if margin_low <= scale {
                margin_low.mul_small_assign(10);
                margin_high = high_of(&margin_low);
            }
        }
    } else {
        loop {
            digit_exp -= 1;
            digit = value.divrem_digit(&scale);
            if value.is_zero() || digit_exp == cutoff_max_exp {
                break;
            }
            digits.push(b'0' + digit as u8);
            value.mul_small_assign(10);
        }
    }

    let mut round_down = low;
    if low == high {
        let twice = value.add(&value);
        round_down = match twice.cmp(&scale) {
            std::cmp::Ordering::Less => true,
            std::cmp::Ordering::Equal => digit % 2 == 0,
            std::cmp::Ordering::Greater => false,
        };
    }
    if round_down {
        digits.push(b'0' + digit as u8);
    } else if digit == 9 {
        // Carry: drop trailing nines, bump the first other digit.
        loop {
            match digits.pop() {
                None => {
                    digits.push(b'1');
                    out_exp += 1;
                    break;
                }
                Some(b'9') => {}
                Some(c) => {
                    digits.push(c + 1);
                    break;
                }
            }
        }
    } else {
        digits.push(b'0' + digit as u8 + 1);
    }
    (digits, out_exp)
}

fn too_large() -> PrintError {
    PrintError::runtime("Float formatting result too large")
}

fn push_n(buf: &mut Vec<u8>, byte: u8, n: i64) {
    let n = usize::try_from(n).unwrap_or(0);
    buf.extend(std::iter::repeat_n(byte, n));
}

fn len_i64(buf: &[u8]) -> i64 {
    i64::try_from(buf.len()).unwrap_or(i64::MAX)
}

/// NumPy's `FormatPositional`: `[sign]ddd.ddd` with trimming and padding.
fn format_positional(
    sign: Option<u8>,
    d: &Decomposed,
    o: &D4Options,
) -> Result<Vec<u8>, PrintError> {
    let max_len = BUFFER_SIZE - 1;
    let mut buf: Vec<u8> = Vec::new();
    let has_sign: i64 = i64::from(sign.is_some());
    if let Some(s) = sign {
        buf.push(s);
    }
    let cutoff = if o.fractional {
        Cutoff::Fraction
    } else {
        Cutoff::Total
    };
    let (digits, print_exp) = dragon4(
        d,
        o.unique,
        cutoff,
        o.precision,
        o.min_digits,
        max_len - has_sign,
    );
    let num_digits = len_i64(&digits);
    let num_whole;
    let mut num_frac: i64 = 0;
    if print_exp >= 0 {
        num_whole = print_exp + 1;
        if num_digits <= num_whole {
            buf.extend_from_slice(&digits);
            let count = num_whole - num_digits;
            if count > max_len - len_i64(&buf) {
                return Err(too_large());
            }
            push_n(&mut buf, b'0', count);
        } else {
            let max_frac = max_len - num_whole - 1 - has_sign;
            num_frac = (num_digits - num_whole).min(max_frac);
            let whole = usize::try_from(num_whole).unwrap_or(0);
            let frac = usize::try_from(num_frac).unwrap_or(0);
            buf.extend_from_slice(&digits[..whole]);
            buf.push(b'.');
            buf.extend_from_slice(&digits[whole..whole + frac]);
        }
    } else {
        let max_zeros = max_len - 2 - has_sign;
        let zeros = (-(print_exp + 1)).min(max_zeros);
        let max_frac_digits = max_len - (2 + zeros) - has_sign;
        let shown = num_digits.min(max_frac_digits).max(0);
        buf.extend_from_slice(b"0.");
        push_n(&mut buf, b'0', zeros);
        buf.extend_from_slice(&digits[..usize::try_from(shown).unwrap_or(0)]);
        num_frac = shown + zeros;
        num_whole = 1;
    }

    if o.trim != Trim::Minus && num_frac == 0 && len_i64(&buf) < max_len {
        buf.push(b'.');
    }
    let add_digits = if o.unique { o.min_digits } else { o.precision };
    let desired = match cutoff {
        Cutoff::Total => add_digits - num_whole,
        Cutoff::Fraction => add_digits.max(0),
    };
    if o.trim == Trim::Zero {
        if num_frac == 0 && len_i64(&buf) < max_len {
            buf.push(b'0');
            num_frac += 1;
        }
    } else if o.trim == Trim::Keep && desired > num_frac && len_i64(&buf) < max_len {
        let count = desired - num_frac;
        if count > max_len - len_i64(&buf) {
            return Err(too_large());
        }
        push_n(&mut buf, b'0', count);
        num_frac += count;
    }
    if o.trim != Trim::Keep && num_frac > 0 {
        while buf.last() == Some(&b'0') {
            buf.pop();
            num_frac -= 1;
        }
        if buf.last() == Some(&b'.') {
            match o.trim {
                Trim::Zero => {
                    buf.push(b'0');
                    num_frac += 1;
                }
                Trim::Minus => {
                    buf.pop();
                }
                _ => {}
            }
        }
    }
    if o.pad_right >= num_frac {
        let count = o.pad_right - num_frac;
        if o.trim == Trim::Minus && num_frac == 0 && len_i64(&buf) < max_len {
            buf.push(b' ');
        }
        if count > max_len - len_i64(&buf) {
            return Err(too_large());
        }
        push_n(&mut buf, b' ', count);
    }
    if o.pad_left > num_whole + has_sign {
        let shift = o.pad_left - (num_whole + has_sign);
        if len_i64(&buf) > max_len - shift {
            return Err(too_large());
        }
        let mut padded = Vec::with_capacity(buf.len() + usize::try_from(shift).unwrap_or(0));
        push_n(&mut padded, b' ', shift);
        padded.extend_from_slice(&buf);
        buf = padded;
    }
    Ok(buf)
}

/// NumPy's `FormatScientific`: `[pad][sign]d.ddde±XX`, including the way its
/// buffer bookkeeping cuts absurdly long results short.
fn format_scientific(sign: Option<u8>, d: &Decomposed, o: &D4Options) -> Vec<u8> {
    let mut room = BUFFER_SIZE;
    let mut buf: Vec<u8> = Vec::new();
    let left_chars = 1 + i64::from(sign.is_some());
    if o.pad_left > left_chars {
        let mut i = 0;
        while i < o.pad_left - left_chars && room > 1 {
            buf.push(b' ');
            room -= 1;
            i += 1;
        }
    }
    if let Some(s) = sign
        && room > 1
    {
        buf.push(s);
        room -= 1;
    }
    let (digits, mut print_exp) = dragon4(
        d,
        o.unique,
        Cutoff::Total,
        if o.precision < 0 { -1 } else { o.precision + 1 },
        if o.min_digits < 0 {
            -1
        } else {
            o.min_digits + 1
        },
        room,
    );
    if room <= 1 {
        // Not even the first digit fits: NumPy's terminator overwrites it.
        return buf;
    }
    buf.push(digits[0]);
    room -= 1;
    let mut num_frac = len_i64(&digits) - 1;
    if num_frac > 0 && room > 1 {
        num_frac = num_frac.min(room - 2);
        buf.push(b'.');
        buf.extend_from_slice(&digits[1..1 + usize::try_from(num_frac).unwrap_or(0)]);
        room -= 1 + num_frac;
    } else {
        num_frac = 0;
    }
    if o.trim != Trim::Minus && num_frac == 0 && room > 1 {
        buf.push(b'.');
        room -= 1;
    }
    let add_digits = if o.unique { o.min_digits } else { o.precision }.max(0);
    if o.trim == Trim::Zero {
        if num_frac == 0 && room > 1 {
            buf.push(b'0');
            room -= 1;
            num_frac += 1;
        }
    } else if o.trim == Trim::Keep && add_digits > num_frac {
        // NumPy does not charge these zeros to the buffer; neither do we.
        let zeros = (add_digits - num_frac).min(room - 1);
        push_n(&mut buf, b'0', zeros);
        num_frac += zeros;
    }
    if o.trim != Trim::Keep && num_frac > 0 {
        while buf.last() == Some(&b'0') {
            buf.pop();
            room += 1;
        }
        if o.trim == Trim::Zero && buf.last() == Some(&b'.') {
            buf.push(b'0');
            room -= 1;
        }
    }
    if room > 1 {
        let exp_digits = if o.exp_digits < 0 {
            2
        } else {
            o.exp_digits.min(5)
        };
        let mut exp_buf = vec![b'e'];
        if print_exp >= 0 {
            exp_buf.push(b'+');
        } else {
            exp_buf.push(b'-');
            print_exp = -print_exp;
        }
        let mut ds = [0u8; 5];
        for slot in &mut ds {
            *slot = u8::try_from(print_exp % 10).unwrap_or(0);
            print_exp /= 10;
        }
        let mut size = 5usize;
        while i64::try_from(size).unwrap_or(0) > exp_digits && ds[size - 1] == 0 {
            size -= 1;
        }
        for i in (0..size).rev() {
            exp_buf.push(b'0' + ds[i]);
        }
        let count = usize::try_from((room - 1).min(len_i64(&exp_buf))).unwrap_or(0);
        buf.extend_from_slice(&exp_buf[..count]);
    }
    buf
}

fn bytes_to_string(b: Vec<u8>) -> String {
    String::from_utf8(b).unwrap_or_default()
}

/// One Dragon4 call on a value of its own float type, with C-level options
/// (no argument validation).  Non-finite values print as `nan`, `inf`,
/// `-inf`, `+inf` (with `sign`), unpadded.
pub(crate) fn dragon4_format(x: PFloat, o: &D4Options) -> Result<String, PrintError> {
    let (negative, class) = decompose(x);
    let sign = if negative {
        Some(b'-')
    } else if o.sign {
        Some(b'+')
    } else {
        None
    };
    match class {
        Class::Nan => Ok("nan".to_string()),
        Class::Inf => Ok(match sign {
            Some(s) => format!("{}inf", char::from(s)),
            None => "inf".to_string(),
        }),
        Class::Finite(d) => {
            if o.scientific {
                Ok(bytes_to_string(format_scientific(sign, &d, o)))
            } else {
                format_positional(sign, &d, o).map(bytes_to_string)
            }
        }
    }
}

/// Arguments of [`format_float_positional`], defaulting like NumPy's
/// `np.format_float_positional(x)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PositionalArgs {
    pub precision: Option<usize>,
    pub unique: bool,
    pub fractional: bool,
    pub trim: Trim,
    pub sign: bool,
    pub pad_left: Option<usize>,
    pub pad_right: Option<usize>,
    pub min_digits: Option<usize>,
}

impl Default for PositionalArgs {
    fn default() -> Self {
        PositionalArgs {
            precision: None,
            unique: true,
            fractional: true,
            trim: Trim::Keep,
            sign: false,
            pad_left: None,
            pad_right: None,
            min_digits: None,
        }
    }
}

/// Arguments of [`format_float_scientific`], defaulting like NumPy's
/// `np.format_float_scientific(x)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ScientificArgs {
    pub precision: Option<usize>,
    pub unique: bool,
    pub trim: Trim,
    pub sign: bool,
    pub pad_left: Option<usize>,
    pub exp_digits: Option<usize>,
    pub min_digits: Option<usize>,
}

impl Default for ScientificArgs {
    fn default() -> Self {
        ScientificArgs {
            precision: None,
            unique: true,
            trim: Trim::Keep,
            sign: false,
            pad_left: None,
            exp_digits: None,
            min_digits: None,
        }
    }
}

/// `None` → -1 (NumPy's "not given"); huge values clamp to C `int` range.
fn opt_arg(v: Option<usize>) -> i64 {
    v.map_or(-1, |n| {
        i64::try_from(n)
            .unwrap_or(i64::MAX)
            .min(i64::from(i32::MAX))
    })
}

fn check_min_digits(precision: i64, min_digits: i64) -> Result<(), PrintError> {
    if min_digits > 0 && precision > 0 && min_digits > precision {
        return Err(PrintError::value(
            "min_digits must be less than or equal to precision",
        ));
    }
    Ok(())
}

fn check_unique(unique: bool, precision: i64) -> Result<(), PrintError> {
    if !unique && precision < 0 {
        return Err(PrintError::type_error(
            "in non-unique mode `precision` must be supplied",
        ));
    }
    Ok(())
}

/// NumPy's `np.format_float_positional(x, precision, unique, fractional, trim,
/// sign, pad_left, pad_right, min_digits)`, with its errors:
/// `ValueError` for `fractional=False, precision=0` and for
/// `min_digits > precision`, `TypeError` for `unique=False` without a
/// precision, `RuntimeError` when the result exceeds NumPy's buffer.
pub fn format_float_positional(x: PFloat, args: &PositionalArgs) -> Result<String, PrintError> {
    let precision = opt_arg(args.precision);
    let min_digits = opt_arg(args.min_digits);
    if !args.fractional && precision == 0 {
        return Err(PrintError::value(
            "precision must be greater than 0 if fractional=False",
        ));
    }
    check_min_digits(precision, min_digits)?;
    check_unique(args.unique, precision)?;
    dragon4_format(
        x,
        &D4Options {
            scientific: false,
            unique: args.unique,
            fractional: args.fractional,
            precision,
            min_digits,
            sign: args.sign,
            trim: args.trim,
            pad_left: opt_arg(args.pad_left),
            pad_right: opt_arg(args.pad_right),
            exp_digits: -1,
        },
    )
}

/// NumPy's `np.format_float_scientific(x, precision, unique, trim, sign,
/// pad_left, exp_digits, min_digits)`, with its errors (`ValueError` for
/// `min_digits > precision`, `TypeError` for `unique=False` without a
/// precision).  Exponents get at least `exp_digits` (default 2, at most 5)
/// digits.
pub fn format_float_scientific(x: PFloat, args: &ScientificArgs) -> Result<String, PrintError> {
    let precision = opt_arg(args.precision);
    let min_digits = opt_arg(args.min_digits);
    check_min_digits(precision, min_digits)?;
    check_unique(args.unique, precision)?;
    dragon4_format(
        x,
        &D4Options {
            scientific: true,
            unique: args.unique,
            fractional: false,
            precision,
            min_digits,
            sign: args.sign,
            trim: args.trim,
            pad_left: opt_arg(args.pad_left),
            pad_right: -1,
            exp_digits: opt_arg(args.exp_digits),
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::print::float::{shortest_digits_f16, shortest_digits_f32, shortest_digits_f64};

    /// Unique mode without cutoffs must give the shortest round-trip digits,
    /// which `float.rs` computes by an independent route.
    #[test]
    fn unique_digits_agree_with_shortest() {
        let mut s: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = || {
            s ^= s << 13;
            s ^= s >> 7;
            s ^= s << 17;
            s
        };
        let check = |x: PFloat, (want, want_exp): (String, i32)| {
            let (_, class) = decompose(x);
            if let Class::Finite(d) = class {
                let (digits, exp) = dragon4(&d, true, Cutoff::Total, -1, -1, 16383);
                assert_eq!(
                    (String::from_utf8(digits).unwrap(), exp + 1),
                    (want, i64::from(want_exp)),
                    "{x:?}"
                );
            }
        };
        for _ in 0..20000 {
            let b = next();
            check(
                PFloat::F64(f64::from_bits(b)),
                shortest_digits_f64(f64::from_bits(b)),
            );
            let b32 = (b >> 32) as u32;
            check(
                PFloat::F32(f32::from_bits(b32)),
                shortest_digits_f32(f32::from_bits(b32)),
            );
            let b16 = (b >> 48) as u16;
            check(PFloat::F16(b16), shortest_digits_f16(b16));
        }
    }
}
