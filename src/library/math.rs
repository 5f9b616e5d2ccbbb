//! Python's `math` module, with CPython 3.11's results and errors: libm does the
//! elementary functions (as it does for CPython), and CPython's own algorithms are
//! ported where it does not use libm (gamma, lgamma, fsum, hypot, dist, ...).

use crate::eval::Interp;
use crate::eval::exceptions::{ExcType, PResult, raise, type_error, value_error};
use crate::eval::ops::{self, int_from_big};
use crate::eval::value::{Args, Builtin, Value};
use crate::parse::ast::BinOp;
use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};
use std::f64::consts::PI;

/// The C library's math functions, called directly so results match CPython's bit for
/// bit (Rust's own `asinh`, `acosh`, `atanh` use different formulas, and its `cbrt`
/// shadows glibc's): the one declaration the array kernels use too.
pub(crate) use crate::kernels::math::libm;

// ---------------------------------------------------------------------------
// Errors and argument handling

fn domain_error<T>() -> PResult<T> {
    value_error("math domain error")
}

fn range_error<T>() -> PResult<T> {
    raise(ExcType::OverflowError, "math range error")
}

/// The single argument of a one-argument function (CPython's `METH_O` messages).
fn one_arg<'a>(a: &'a Args, name: &str) -> PResult<&'a Value> {
    if !a.kw.is_empty() {
        return type_error(format!("math.{name}() takes no keyword arguments"));
    }
    if a.pos.len() != 1 {
        return type_error(format!(
            "math.{name}() takes exactly one argument ({} given)",
            a.pos.len()
        ));
    }
    Ok(&a.pos[0])
}

/// The two arguments of a two-argument function.
fn two_args<'a>(a: &'a Args, name: &str) -> PResult<(&'a Value, &'a Value)> {
    no_kw(a, name)?;
    if a.pos.len() != 2 {
        return type_error(format!("{name} expected 2 arguments, got {}", a.pos.len()));
    }
    Ok((&a.pos[0], &a.pos[1]))
}

fn no_kw(a: &Args, name: &str) -> PResult<()> {
    if !a.kw.is_empty() {
        return type_error(format!("{name}() takes no keyword arguments"));
    }
    Ok(())
}

/// A float argument: int, bool or float (`must be real number, not str`).
fn float_arg(v: &Value) -> PResult<f64> {
    super::builtins::to_float_arg(v, "")
}

/// An integer argument through `__index__`.
fn index_arg(v: &Value) -> PResult<BigInt> {
    match ops::to_bigint(v) {
        Some(b) => Ok(b),
        None => type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            v.type_name()
        )),
    }
}

fn is_int(v: &Value) -> bool {
    matches!(v, Value::Int(_) | Value::Bool(_) | Value::BigInt(_))
}

/// Python's `int(x)` for a float: exact, arbitrary precision.
pub fn float_to_pyint(x: f64) -> PResult<Value> {
    if x.is_nan() {
        return value_error("cannot convert float NaN to integer");
    }
    if x.is_infinite() {
        return raise(
            ExcType::OverflowError,
            "cannot convert float infinity to integer",
        );
    }
    let t = x.trunc();
    // 2**63: below it the value fits an i64.
    if t.abs() < 9_223_372_036_854_775_808_f64 {
        return Ok(Value::Int(t as i64));
    }
    let bits = t.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64 - 1075;
    let mant = (bits & ((1u64 << 52) - 1)) | (1u64 << 52);
    let mut b = BigInt::from(mant) << (exp as usize);
    if t < 0.0 {
        b = -b;
    }
    Ok(int_from_big(b))
}

/// CPython's `math_1`: wraps a libm function, turning NaN and infinite results
/// from ordinary inputs into `ValueError` / `OverflowError`.
fn math_1(a: &Args, name: &str, f: fn(f64) -> f64, can_overflow: bool) -> PResult<Value> {
    let x = float_arg(one_arg(a, name)?)?;
    Ok(Value::Float(check_1(x, f(x), can_overflow)?))
}

fn check_1(x: f64, r: f64, can_overflow: bool) -> PResult<f64> {
    if r.is_nan() && !x.is_nan() {
        return domain_error();
    }
    if r.is_infinite() && x.is_finite() {
        return if can_overflow {
            range_error()
        } else {
            domain_error()
        };
    }
    Ok(r)
}

/// CPython's `math_2`: NaN from non-NaN inputs is a domain error, infinity from
/// finite inputs a range error.
fn math_2(a: &Args, name: &str, f: fn(f64, f64) -> f64) -> PResult<Value> {
    let (x, y) = two_args(a, name)?;
    let (x, y) = (float_arg(x)?, float_arg(y)?);
    let r = f(x, y);
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return domain_error();
    }
    if r.is_infinite() && x.is_finite() && y.is_finite() {
        return range_error();
    }
    Ok(Value::Float(r))
}

// ---------------------------------------------------------------------------
// CPython's special-value wrappers and own algorithms

fn m_atan2(y: f64, x: f64) -> f64 {
    if x.is_nan() || y.is_nan() {
        return f64::NAN;
    }
    if y.is_infinite() {
        if x.is_infinite() {
            return if x.is_sign_positive() {
                (0.25 * PI).copysign(y)
            } else {
                (0.75 * PI).copysign(y)
            };
        }
        return (0.5 * PI).copysign(y);
    }
    if x.is_infinite() || y == 0.0 {
        return if x.is_sign_positive() {
            0.0f64.copysign(y)
        } else {
            PI.copysign(y)
        };
    }
    libm::atan2(y, x)
}

fn m_remainder(x: f64, y: f64) -> f64 {
    if x.is_finite() && y.is_finite() {
        if y == 0.0 {
            return f64::NAN;
        }
        let absx = x.abs();
        let absy = y.abs();
        let m = libm::fmod(absx, absy);
        let c = absy - m;
        let r = if m < c {
            m
        } else if m > c {
            -c
        } else {
            m - 2.0 * libm::fmod(0.5 * (absx - m), absy)
        };
        return 1.0f64.copysign(x) * r;
    }
    if x.is_nan() {
        return x;
    }
    if y.is_nan() {
        return y;
    }
    if x.is_infinite() {
        return f64::NAN;
    }
    x
}

/// sin(pi * x) for finite x, accurate near integers (for the reflection formula).
fn m_sinpi(x: f64) -> f64 {
    let y = libm::fmod(x.abs(), 2.0);
    let n = (2.0 * y).round() as i32;
    let r = match n {
        0 => libm::sin(PI * y),
        1 => libm::cos(PI * (y - 0.5)),
        2 => libm::sin(PI * (1.0 - y)),
        3 => -libm::cos(PI * (y - 1.5)),
        _ => libm::sin(PI * (y - 2.0)),
    };
    1.0f64.copysign(x) * r
}

const LANCZOS_N: usize = 13;
#[allow(clippy::excessive_precision)]
const LANCZOS_G: f64 = 6.024_680_040_776_729_583_740_234_375;
#[allow(clippy::excessive_precision)]
const LANCZOS_G_MINUS_HALF: f64 = 5.524_680_040_776_729_583_740_234_375;
#[allow(clippy::excessive_precision)]
const LANCZOS_NUM_COEFFS: [f64; LANCZOS_N] = [
    23531376880.410759688572007674451636754734846804940,
    42919803642.649098768957899047001988850926355848959,
    35711959237.355668049440185451547166705960488635843,
    17921034426.037209699919755754458931112671403265390,
    6039542586.3520280050642916443072979210699388420708,
    1439720407.3117216736632230727949123939715485786772,
    248874557.86205415651146038641322942321632125127801,
    31426415.585400194380614231628318205362874684987640,
    2876370.6289353724412254090516208496135991145378768,
    186056.26539522349504029498971604569928220784236328,
    8071.6720023658162106380029022722506138218516325024,
    210.82427775157934587250973392071336271166969580291,
    2.5066282746310002701649081771338373386264310793408,
];
const LANCZOS_DEN_COEFFS: [f64; LANCZOS_N] = [
    0.0,
    39916800.0,
    120543840.0,
    150917976.0,
    105258076.0,
    45995730.0,
    13339535.0,
    2637558.0,
    357423.0,
    32670.0,
    1925.0,
    66.0,
    1.0,
];
const GAMMA_INTEGRAL: [f64; 23] = [
    1.0,
    1.0,
    2.0,
    6.0,
    24.0,
    120.0,
    720.0,
    5040.0,
    40320.0,
    362880.0,
    3628800.0,
    39916800.0,
    479001600.0,
    6227020800.0,
    87178291200.0,
    1307674368000.0,
    20922789888000.0,
    355687428096000.0,
    6402373705728000.0,
    121645100408832000.0,
    2432902008176640000.0,
    51090942171709440000.0,
    1124000727777607680000.0,
];
#[allow(clippy::excessive_precision)]
const LOGPI: f64 = 1.144729885849400174143427351353058711647;

/// Lanczos' sum L_g(x) for positive x, as a rational function.
fn lanczos_sum(x: f64) -> f64 {
    let (mut num, mut den) = (0.0, 0.0);
    if x < 5.0 {
        for i in (0..LANCZOS_N).rev() {
            num = num * x + LANCZOS_NUM_COEFFS[i];
            den = den * x + LANCZOS_DEN_COEFFS[i];
        }
    } else {
        for i in 0..LANCZOS_N {
            num = num / x + LANCZOS_NUM_COEFFS[i];
            den = den / x + LANCZOS_DEN_COEFFS[i];
        }
    }
    num / den
}

/// CPython's `m_tgamma`.
fn m_tgamma(x: f64) -> PResult<f64> {
    if !x.is_finite() {
        if x.is_nan() || x > 0.0 {
            return Ok(x);
        }
        return domain_error();
    }
    if x == 0.0 {
        return domain_error();
    }
    if x == x.floor() {
        if x < 0.0 {
            return domain_error();
        }
        if x <= GAMMA_INTEGRAL.len() as f64 {
            return Ok(GAMMA_INTEGRAL[x as usize - 1]);
        }
    }
    let absx = x.abs();
    if absx < 1e-20 {
        let r = 1.0 / x;
        if r.is_infinite() {
            return range_error();
        }
        return Ok(r);
    }
    if absx > 200.0 {
        if x < 0.0 {
            return Ok(0.0 / m_sinpi(x));
        }
        return range_error();
    }
    let y = absx + LANCZOS_G_MINUS_HALF;
    let z = if absx > LANCZOS_G_MINUS_HALF {
        let q = y - absx;
        q - LANCZOS_G_MINUS_HALF
    } else {
        let q = y - LANCZOS_G_MINUS_HALF;
        q - absx
    };
    let z = z * LANCZOS_G / y;
    let mut r;
    if x < 0.0 {
        r = -PI / m_sinpi(absx) / absx * libm::exp(y) / lanczos_sum(absx);
        r -= z * r;
        if absx < 140.0 {
            r /= libm::pow(y, absx - 0.5);
        } else {
            let sqrtpow = libm::pow(y, absx / 2.0 - 0.25);
            r /= sqrtpow;
            r /= sqrtpow;
        }
    } else {
        r = lanczos_sum(absx) / libm::exp(y);
        r += z * r;
        if absx < 140.0 {
            r *= libm::pow(y, absx - 0.5);
        } else {
            let sqrtpow = libm::pow(y, absx / 2.0 - 0.25);
            r *= sqrtpow;
            r *= sqrtpow;
        }
    }
    if r.is_infinite() {
        return range_error();
    }
    Ok(r)
}

/// CPython's `m_lgamma`.
fn m_lgamma(x: f64) -> PResult<f64> {
    if !x.is_finite() {
        return Ok(if x.is_nan() { x } else { f64::INFINITY });
    }
    if x == x.floor() && x <= 2.0 {
        if x <= 0.0 {
            return domain_error();
        }
        return Ok(0.0);
    }
    let absx = x.abs();
    if absx < 1e-20 {
        return Ok(-libm::log(absx));
    }
    let mut r = libm::log(lanczos_sum(absx)) - LANCZOS_G;
    r += (absx - 0.5) * (libm::log(absx + LANCZOS_G - 0.5) - 1.0);
    if x < 0.0 {
        r = LOGPI - libm::log(m_sinpi(absx).abs()) - libm::log(absx) - r;
    }
    if r.is_infinite() {
        return range_error();
    }
    Ok(r)
}

/// CPython's `vector_norm`: sqrt(sum(x**2)) with scaling, compensated summation
/// and a differential correction of the square root.
fn vector_norm(vec: &[f64], max: f64, found_nan: bool) -> f64 {
    const T27: f64 = 134217729.0;
    let n = vec.len();
    if max.is_infinite() {
        return max;
    }
    if found_nan {
        return f64::NAN;
    }
    if max == 0.0 || n <= 1 {
        return max;
    }
    let (_, max_e) = ops::frexp(max);
    let (mut csum, mut frac1, mut frac2, mut frac3) = (1.0f64, 0.0f64, 0.0f64, 0.0f64);
    if max_e >= -1023 {
        let scale = libm::ldexp(1.0, -max_e);
        for &v in vec {
            let x = v * scale;
            let t = x * T27;
            let hi = t - (t - x);
            let lo = x - hi;
            let x = hi * hi;
            let oldcsum = csum;
            csum += x;
            frac1 += (oldcsum - csum) + x;
            let x = 2.0 * hi * lo;
            let oldcsum = csum;
            csum += x;
            frac2 += (oldcsum - csum) + x;
            frac3 += lo * lo;
        }
        let h = (csum - 1.0 + (frac1 + frac2 + frac3)).sqrt();
        let x = h;
        let t = x * T27;
        let hi = t - (t - x);
        let lo = x - hi;
        let x = -hi * hi;
        let oldcsum = csum;
        csum += x;
        frac1 += (oldcsum - csum) + x;
        let x = -2.0 * hi * lo;
        let oldcsum = csum;
        csum += x;
        frac2 += (oldcsum - csum) + x;
        let x = -lo * lo;
        let oldcsum = csum;
        csum += x;
        frac3 += (oldcsum - csum) + x;
        let x = csum - 1.0 + (frac1 + frac2 + frac3);
        return (h + x / (2.0 * h)) / scale;
    }
    for &v in vec {
        let x = v / max;
        let x = x * x;
        let oldcsum = csum;
        csum += x;
        frac1 += (oldcsum - csum) + x;
    }
    max * (csum - 1.0 + frac1).sqrt()
}

/// A positive int as (m, e) with m in [0.5, 1) and n ~= m * 2**e (`_PyLong_Frexp`).
fn big_frexp(n: &BigInt) -> (f64, i64) {
    let bits = n.bits();
    if bits <= 63 {
        let (m, e) = ops::frexp(n.to_u64().unwrap_or(0) as f64);
        return (m, e as i64);
    }
    let shift = bits - 63;
    let mut q = (n >> shift).to_u64().unwrap_or(0);
    if n.trailing_zeros().unwrap_or(0) < shift {
        q |= 1; // sticky bit so the conversion below rounds correctly
    }
    let m = q as f64 / 9_223_372_036_854_775_808.0;
    if m >= 1.0 {
        (m / 2.0, bits as i64 + 1)
    } else {
        (m, bits as i64)
    }
}

/// CPython's `loghelper`: logs of ints of any size, else `math_1`.
fn loghelper(v: &Value, f: fn(f64) -> f64) -> PResult<f64> {
    if is_int(v) {
        let n = index_arg(v)?;
        if !n.is_positive() {
            return domain_error();
        }
        return Ok(match n.to_f64() {
            Some(x) if x.is_finite() => f(x),
            _ => {
                let (x, e) = big_frexp(&n);
                f(x) + f(2.0) * e as f64
            }
        });
    }
    let x = float_arg(v)?;
    check_1(x, f(x), false)
}

// ---------------------------------------------------------------------------
// Integer helpers

/// Product of the odd numbers in range(start, stop, 2), by binary splitting.
fn odd_product(start: u64, stop: u64) -> BigInt {
    let n = (stop - start) / 2;
    if n <= 8 {
        let mut acc = BigInt::one();
        let mut small: u64 = 1;
        let mut j = start;
        while j < stop {
            match small.checked_mul(j) {
                Some(p) => small = p,
                None => {
                    acc *= small;
                    small = j;
                }
            }
            j += 2;
        }
        return acc * small;
    }
    let mid = (start + n) | 1;
    odd_product(start, mid) * odd_product(mid, stop)
}

/// n! by CPython's divide-and-conquer: the odd part times a power of two.
fn factorial_big(n: u64) -> BigInt {
    if n < 21 {
        return BigInt::from((1..=n).product::<u64>());
    }
    let mut inner = BigInt::one();
    let mut outer = BigInt::one();
    let mut upper = 3u64;
    let bl = 64 - n.leading_zeros() as i64;
    for i in (0..=bl - 2).rev() {
        let v = n >> i;
        if v <= 2 {
            continue;
        }
        let lower = upper;
        upper = (v + 1) | 1;
        inner *= odd_product(lower, upper);
        outer *= &inner;
    }
    outer << (n - n.count_ones() as u64) as usize
}

/// n * (n-1) * ... * (n-k+1), by binary splitting.
fn falling(n: &BigInt, k: u64) -> BigInt {
    match k {
        0 => BigInt::one(),
        1 => n.clone(),
        _ => {
            let j = k / 2;
            falling(n, j) * falling(&(n - j), k - j)
        }
    }
}

fn factorial_value(v: &Value) -> PResult<Value> {
    let n = index_arg(v)?;
    if n.is_negative() {
        return value_error("factorial() not defined for negative values");
    }
    match n.to_i64() {
        Some(n) => Ok(int_from_big(factorial_big(n as u64))),
        None => raise(
            ExcType::OverflowError,
            "factorial() argument should not exceed 9223372036854775807",
        ),
    }
}

// ---------------------------------------------------------------------------
// The module's functions

macro_rules! unary {
    ($($fname:ident = $name:literal, $f:expr, $ovf:expr;)*) => {
        $(
            fn $fname(_: &mut Interp, a: Args) -> PResult<Value> {
                math_1(&a, $name, |x| $f(x), $ovf)
            }
        )*
    };
}

unary! {
    m_sqrt = "sqrt", f64::sqrt, false;
    m_exp = "exp", libm::exp, true;
    m_exp2 = "exp2", libm::exp2, true;
    m_expm1 = "expm1", libm::expm1, true;
    m_log1p = "log1p", libm::log1p, false;
    m_sin = "sin", libm::sin, false;
    m_cos = "cos", libm::cos, false;
    m_tan = "tan", libm::tan, false;
    m_asin = "asin", libm::asin, false;
    m_acos = "acos", libm::acos, false;
    m_atan = "atan", libm::atan, false;
    m_sinh = "sinh", libm::sinh, true;
    m_cosh = "cosh", libm::cosh, true;
    m_tanh = "tanh", libm::tanh, false;
    m_asinh = "asinh", libm::asinh, false;
    m_acosh = "acosh", libm::acosh, false;
    m_atanh = "atanh", libm::atanh, false;
    m_fabs = "fabs", f64::abs, false;
    m_cbrt = "cbrt", libm::cbrt, false;
}

fn m_erf(_: &mut Interp, a: Args) -> PResult<Value> {
    Ok(Value::Float(libm::erf(float_arg(one_arg(&a, "erf")?)?)))
}

fn m_erfc(_: &mut Interp, a: Args) -> PResult<Value> {
    Ok(Value::Float(libm::erfc(float_arg(one_arg(&a, "erfc")?)?)))
}

fn m_gamma(_: &mut Interp, a: Args) -> PResult<Value> {
    Ok(Value::Float(m_tgamma(float_arg(one_arg(&a, "gamma")?)?)?))
}

fn m_lgamma_fn(_: &mut Interp, a: Args) -> PResult<Value> {
    Ok(Value::Float(m_lgamma(float_arg(one_arg(&a, "lgamma")?)?)?))
}

fn m_log(_: &mut Interp, a: Args) -> PResult<Value> {
    no_kw(&a, "log")?;
    if a.pos.is_empty() || a.pos.len() > 2 {
        return type_error("math.log requires 1 to 2 arguments");
    }
    let num = loghelper(&a.pos[0], |x| libm::log(x))?;
    if a.pos.len() == 1 {
        return Ok(Value::Float(num));
    }
    let den = loghelper(&a.pos[1], |x| libm::log(x))?;
    if den == 0.0 {
        return raise(ExcType::ZeroDivisionError, "float division by zero");
    }
    Ok(Value::Float(num / den))
}

fn m_log2(_: &mut Interp, a: Args) -> PResult<Value> {
    Ok(Value::Float(loghelper(one_arg(&a, "log2")?, |x| {
        libm::log2(x)
    })?))
}

fn m_log10(_: &mut Interp, a: Args) -> PResult<Value> {
    Ok(Value::Float(loghelper(one_arg(&a, "log10")?, |x| {
        libm::log10(x)
    })?))
}

fn m_pow(_: &mut Interp, a: Args) -> PResult<Value> {
    let (x, y) = two_args(&a, "pow")?;
    let (x, y) = (float_arg(x)?, float_arg(y)?);
    if !x.is_finite() || !y.is_finite() {
        let r = if x.is_nan() {
            if y == 0.0 { 1.0 } else { x }
        } else if y.is_nan() {
            if x == 1.0 { 1.0 } else { y }
        } else if x.is_infinite() {
            let odd_y = y.is_finite() && libm::fmod(y.abs(), 2.0) == 1.0;
            if y > 0.0 {
                if odd_y { x } else { x.abs() }
            } else if y == 0.0 {
                1.0
            } else if odd_y {
                0.0f64.copysign(x)
            } else {
                0.0
            }
        } else if x.abs() == 1.0 {
            1.0
        } else if (y > 0.0 && x.abs() > 1.0) || (y < 0.0 && x.abs() < 1.0) {
            f64::INFINITY
        } else {
            0.0
        };
        return Ok(Value::Float(r));
    }
    let r = libm::pow(x, y);
    if r.is_nan() {
        return domain_error();
    }
    if r.is_infinite() {
        return if x == 0.0 {
            domain_error()
        } else {
            range_error()
        };
    }
    Ok(Value::Float(r))
}

fn m_atan2_fn(_: &mut Interp, a: Args) -> PResult<Value> {
    math_2(&a, "atan2", m_atan2)
}

fn m_copysign(_: &mut Interp, a: Args) -> PResult<Value> {
    math_2(&a, "copysign", f64::copysign)
}

fn m_remainder_fn(_: &mut Interp, a: Args) -> PResult<Value> {
    math_2(&a, "remainder", m_remainder)
}

fn m_fmod(_: &mut Interp, a: Args) -> PResult<Value> {
    let (x, y) = two_args(&a, "fmod")?;
    let (x, y) = (float_arg(x)?, float_arg(y)?);
    if y.is_infinite() && x.is_finite() {
        return Ok(Value::Float(x));
    }
    let r = libm::fmod(x, y);
    if r.is_nan() && !x.is_nan() && !y.is_nan() {
        return domain_error();
    }
    Ok(Value::Float(r))
}

fn m_hypot(_: &mut Interp, a: Args) -> PResult<Value> {
    no_kw(&a, "hypot")?;
    let mut coords = Vec::with_capacity(a.pos.len());
    let (mut max, mut found_nan) = (0.0f64, false);
    for v in &a.pos {
        let x = float_arg(v)?.abs();
        found_nan |= x.is_nan();
        if x > max {
            max = x;
        }
        coords.push(x);
    }
    Ok(Value::Float(vector_norm(&coords, max, found_nan)))
}

fn m_dist(it: &mut Interp, a: Args) -> PResult<Value> {
    let (p, q) = two_args(&a, "dist")?;
    let p = it.collect(p)?;
    let q = it.collect(q)?;
    if p.len() != q.len() {
        return value_error("both points must have the same number of dimensions");
    }
    let mut diffs = Vec::with_capacity(p.len());
    let (mut max, mut found_nan) = (0.0f64, false);
    for (pv, qv) in p.iter().zip(&q) {
        let x = (float_arg(pv)? - float_arg(qv)?).abs();
        found_nan |= x.is_nan();
        if x > max {
            max = x;
        }
        diffs.push(x);
    }
    Ok(Value::Float(vector_norm(&diffs, max, found_nan)))
}

fn m_degrees(_: &mut Interp, a: Args) -> PResult<Value> {
    const RAD_TO_DEG: f64 = 180.0 / PI;
    Ok(Value::Float(
        float_arg(one_arg(&a, "degrees")?)? * RAD_TO_DEG,
    ))
}

fn m_radians(_: &mut Interp, a: Args) -> PResult<Value> {
    const DEG_TO_RAD: f64 = PI / 180.0;
    Ok(Value::Float(
        float_arg(one_arg(&a, "radians")?)? * DEG_TO_RAD,
    ))
}

/// floor/ceil: ints are returned unchanged, everything else goes through float.
fn round_to_int(a: &Args, name: &str, f: fn(f64) -> f64) -> PResult<Value> {
    let v = one_arg(a, name)?;
    match v {
        Value::Int(_) | Value::BigInt(_) => Ok(v.clone()),
        Value::Bool(b) => Ok(Value::Int(*b as i64)),
        _ => float_to_pyint(f(float_arg(v)?)),
    }
}

fn m_floor(_: &mut Interp, a: Args) -> PResult<Value> {
    round_to_int(&a, "floor", f64::floor)
}

fn m_ceil(_: &mut Interp, a: Args) -> PResult<Value> {
    round_to_int(&a, "ceil", f64::ceil)
}

fn m_trunc(_: &mut Interp, a: Args) -> PResult<Value> {
    let v = one_arg(&a, "trunc")?;
    match v {
        Value::Int(_) | Value::BigInt(_) => Ok(v.clone()),
        Value::Bool(b) => Ok(Value::Int(*b as i64)),
        Value::Float(x) => float_to_pyint(*x),
        _ => type_error(format!(
            "type {} doesn't define __trunc__ method",
            v.type_name()
        )),
    }
}

fn m_modf(_: &mut Interp, a: Args) -> PResult<Value> {
    let x = float_arg(one_arg(&a, "modf")?)?;
    let (frac, int) = if x.is_infinite() {
        (0.0f64.copysign(x), x)
    } else if x.is_nan() {
        (x, x)
    } else {
        let t = x.trunc();
        ((x - t).copysign(x), t)
    };
    Ok(Value::tuple(vec![Value::Float(frac), Value::Float(int)]))
}

fn m_frexp(_: &mut Interp, a: Args) -> PResult<Value> {
    let x = float_arg(one_arg(&a, "frexp")?)?;
    let (m, e) = ops::frexp(x);
    Ok(Value::tuple(vec![Value::Float(m), Value::Int(e as i64)]))
}

fn m_ldexp(_: &mut Interp, a: Args) -> PResult<Value> {
    let (x, i) = two_args(&a, "ldexp")?;
    let x = float_arg(x)?;
    let exp = match ops::to_bigint(i) {
        Some(b) => b
            .to_i64()
            .unwrap_or(if b.is_negative() { i64::MIN } else { i64::MAX }),
        None => return type_error("Expected an int as second argument to ldexp."),
    };
    let r = if x == 0.0 || !x.is_finite() {
        x
    } else if exp > i32::MAX as i64 {
        return range_error();
    } else if exp < i32::MIN as i64 {
        0.0f64.copysign(x)
    } else {
        let r = libm::ldexp(x, exp as i32);
        if r.is_infinite() {
            return range_error();
        }
        r
    };
    Ok(Value::Float(r))
}

fn m_isnan(_: &mut Interp, a: Args) -> PResult<Value> {
    Ok(Value::Bool(float_arg(one_arg(&a, "isnan")?)?.is_nan()))
}

fn m_isinf(_: &mut Interp, a: Args) -> PResult<Value> {
    Ok(Value::Bool(float_arg(one_arg(&a, "isinf")?)?.is_infinite()))
}

fn m_isfinite(_: &mut Interp, a: Args) -> PResult<Value> {
    Ok(Value::Bool(
        float_arg(one_arg(&a, "isfinite")?)?.is_finite(),
    ))
}

fn m_isclose(_: &mut Interp, mut a: Args) -> PResult<Value> {
    if a.pos.len() > 2 {
        return type_error(format!(
            "isclose() takes exactly 2 positional arguments ({} given)",
            a.pos.len()
        ));
    }
    let mut slots: [Option<Value>; 4] = [None, None, None, None];
    const NAMES: [&str; 4] = ["a", "b", "rel_tol", "abs_tol"];
    for (i, v) in a.pos.drain(..).enumerate() {
        slots[i] = Some(v);
    }
    for (k, v) in a.kw.drain(..) {
        match NAMES.iter().position(|n| **n == *k) {
            Some(i) if slots[i].is_some() => {
                return type_error(format!(
                    "argument for isclose() given by name ('{k}') and position ({})",
                    i + 1
                ));
            }
            Some(i) => slots[i] = Some(v),
            None => {
                return type_error(format!(
                    "'{k}' is an invalid keyword argument for isclose()"
                ));
            }
        }
    }
    let mut vals = [0.0, 0.0, 1e-09, 0.0];
    for (i, slot) in slots.iter().enumerate() {
        match slot {
            Some(v) => vals[i] = float_arg(v)?,
            None if i < 2 => {
                return type_error(format!(
                    "isclose() missing required argument '{}' (pos {})",
                    NAMES[i],
                    i + 1
                ));
            }
            None => {}
        }
    }
    let [x, y, rel_tol, abs_tol] = vals;
    if rel_tol < 0.0 || abs_tol < 0.0 {
        return value_error("tolerances must be non-negative");
    }
    if x == y {
        return Ok(Value::Bool(true));
    }
    if x.is_infinite() || y.is_infinite() {
        return Ok(Value::Bool(false));
    }
    let diff = (y - x).abs();
    Ok(Value::Bool(
        diff <= (rel_tol * y).abs() || diff <= (rel_tol * x).abs() || diff <= abs_tol,
    ))
}

/// CPython's `math.fsum`: exact partial sums (Shewchuk), correctly rounded.
fn m_fsum(it: &mut Interp, a: Args) -> PResult<Value> {
    let seq = one_arg(&a, "fsum")?;
    let mut iter = it.iterate(seq)?;
    let mut p: Vec<f64> = Vec::new();
    let (mut special_sum, mut inf_sum) = (0.0f64, 0.0f64);
    while let Some(item) = iter.next(it)? {
        let mut x = float_arg(&item)?;
        let xsave = x;
        let mut i = 0;
        for j in 0..p.len() {
            let mut y = p[j];
            if x.abs() < y.abs() {
                std::mem::swap(&mut x, &mut y);
            }
            let hi = x + y;
            let yr = hi - x;
            let lo = y - yr;
            if lo != 0.0 {
                p[i] = lo;
                i += 1;
            }
            x = hi;
        }
        p.truncate(i);
        if x != 0.0 {
            if !x.is_finite() {
                if xsave.is_finite() {
                    return raise(ExcType::OverflowError, "intermediate overflow in fsum");
                }
                if xsave.is_infinite() {
                    inf_sum += xsave;
                }
                special_sum += xsave;
                p.clear();
            } else {
                p.push(x);
            }
        }
    }
    if special_sum != 0.0 {
        if inf_sum.is_nan() {
            return value_error("-inf + inf in fsum");
        }
        return Ok(Value::Float(special_sum));
    }
    let mut n = p.len();
    let mut hi = 0.0f64;
    if n > 0 {
        n -= 1;
        hi = p[n];
        let mut lo = 0.0f64;
        while n > 0 {
            let x = hi;
            n -= 1;
            let y = p[n];
            hi = x + y;
            let yr = hi - x;
            lo = y - yr;
            if lo != 0.0 {
                break;
            }
        }
        if n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0)) {
            let y = lo * 2.0;
            let x = hi + y;
            let yr = x - hi;
            if y == yr {
                hi = x;
            }
        }
    }
    Ok(Value::Float(hi))
}

fn m_prod(it: &mut Interp, mut a: Args) -> PResult<Value> {
    let start = a.take_kw("start");
    if let Some((k, _)) = a.kw.first() {
        return type_error(format!("'{k}' is an invalid keyword argument for prod()"));
    }
    if a.pos.len() != 1 {
        return type_error(format!(
            "prod() takes exactly 1 positional argument ({} given)",
            a.pos.len()
        ));
    }
    let mut acc = start.unwrap_or(Value::Int(1));
    let mut iter = it.iterate(&a.pos[0])?;
    while let Some(item) = iter.next(it)? {
        acc = it.binop(BinOp::Mul, &acc, &item)?;
    }
    Ok(acc)
}

fn m_gcd(_: &mut Interp, a: Args) -> PResult<Value> {
    no_kw(&a, "gcd")?;
    let mut res = BigInt::zero();
    for (i, v) in a.pos.iter().enumerate() {
        let x = index_arg(v)?;
        res = if i == 0 { x.abs() } else { res.gcd(&x) };
    }
    Ok(int_from_big(res))
}

fn m_lcm(_: &mut Interp, a: Args) -> PResult<Value> {
    no_kw(&a, "lcm")?;
    let mut res = BigInt::one();
    for (i, v) in a.pos.iter().enumerate() {
        let x = index_arg(v)?;
        res = if i == 0 {
            x.abs()
        } else if res.is_zero() || x.is_zero() {
            BigInt::zero()
        } else {
            (&res / res.gcd(&x) * x).abs()
        };
    }
    Ok(int_from_big(res))
}

fn m_factorial(_: &mut Interp, a: Args) -> PResult<Value> {
    factorial_value(one_arg(&a, "factorial")?)
}

fn m_perm(_: &mut Interp, a: Args) -> PResult<Value> {
    no_kw(&a, "perm")?;
    match a.pos.len() {
        0 => return type_error("perm expected at least 1 argument, got 0"),
        1 | 2 => {}
        n => return type_error(format!("perm expected at most 2 arguments, got {n}")),
    }
    if a.pos.len() == 1 || a.pos[1].is_none() {
        return factorial_value(&a.pos[0]);
    }
    let n = index_arg(&a.pos[0])?;
    let k = index_arg(&a.pos[1])?;
    if n.is_negative() {
        return value_error("n must be a non-negative integer");
    }
    if k.is_negative() {
        return value_error("k must be a non-negative integer");
    }
    if n < k {
        return Ok(Value::Int(0));
    }
    let Some(k) = k.to_u64().filter(|k| *k <= i64::MAX as u64) else {
        return raise(
            ExcType::OverflowError,
            "k must not exceed 9223372036854775807",
        );
    };
    Ok(int_from_big(falling(&n, k)))
}

fn m_comb(_: &mut Interp, a: Args) -> PResult<Value> {
    let (n, k) = two_args(&a, "comb")?;
    let n = index_arg(n)?;
    let k = index_arg(k)?;
    if n.is_negative() {
        return value_error("n must be a non-negative integer");
    }
    if k.is_negative() {
        return value_error("k must be a non-negative integer");
    }
    if k > n {
        return Ok(Value::Int(0));
    }
    let other = &n - &k;
    let k = if other < k { other } else { k };
    let Some(k) = k.to_u64().filter(|k| *k <= i64::MAX as u64) else {
        return raise(
            ExcType::OverflowError,
            "min(n - k, k) must not exceed 9223372036854775807",
        );
    };
    Ok(int_from_big(falling(&n, k) / factorial_big(k)))
}

fn m_isqrt(_: &mut Interp, a: Args) -> PResult<Value> {
    let n = index_arg(one_arg(&a, "isqrt")?)?;
    if n.is_negative() {
        return value_error("isqrt() argument must be nonnegative");
    }
    Ok(int_from_big(n.sqrt()))
}

fn m_nextafter(_: &mut Interp, a: Args) -> PResult<Value> {
    let (x, y) = two_args(&a, "nextafter")?;
    Ok(Value::Float(libm::nextafter(float_arg(x)?, float_arg(y)?)))
}

fn m_ulp(_: &mut Interp, a: Args) -> PResult<Value> {
    let x = float_arg(one_arg(&a, "ulp")?)?;
    if x.is_nan() {
        return Ok(Value::Float(x));
    }
    let x = x.abs();
    if x.is_infinite() {
        return Ok(Value::Float(x));
    }
    let x2 = libm::nextafter(x, f64::INFINITY);
    if x2.is_infinite() {
        return Ok(Value::Float(x - libm::nextafter(x, f64::NEG_INFINITY)));
    }
    Ok(Value::Float(x2 - x))
}

macro_rules! table {
    ($($name:literal, $sig:literal, $doc:literal, $f:ident;)*) => {
        pub static FUNCS: &[Builtin] = &[
            $(Builtin { name: $name, module: "math", sig: $sig, doc: $doc, f: $f },)*
        ];
    };
}

table! {
    "acos", "acos(x, /)", "Return the arc cosine (measured in radians) of x.", m_acos;
    "acosh", "acosh(x, /)", "Return the inverse hyperbolic cosine of x.", m_acosh;
    "asin", "asin(x, /)", "Return the arc sine (measured in radians) of x.", m_asin;
    "asinh", "asinh(x, /)", "Return the inverse hyperbolic sine of x.", m_asinh;
    "atan", "atan(x, /)", "Return the arc tangent (measured in radians) of x.", m_atan;
    "atan2", "atan2(y, x, /)", "Return the arc tangent (measured in radians) of y/x, using the signs of both.", m_atan2_fn;
    "atanh", "atanh(x, /)", "Return the inverse hyperbolic tangent of x.", m_atanh;
    "cbrt", "cbrt(x, /)", "Return the cube root of x.", m_cbrt;
    "ceil", "ceil(x, /)", "Return the ceiling of x as an int: the smallest integer >= x.", m_ceil;
    "comb", "comb(n, k, /)", "Number of ways to choose k items from n items without repetition and without order.", m_comb;
    "copysign", "copysign(x, y, /)", "Return a float with the magnitude of x but the sign of y.", m_copysign;
    "cos", "cos(x, /)", "Return the cosine of x (measured in radians).", m_cos;
    "cosh", "cosh(x, /)", "Return the hyperbolic cosine of x.", m_cosh;
    "degrees", "degrees(x, /)", "Convert angle x from radians to degrees.", m_degrees;
    "dist", "dist(p, q, /)", "Return the Euclidean distance between two points p and q.", m_dist;
    "erf", "erf(x, /)", "Error function at x.", m_erf;
    "erfc", "erfc(x, /)", "Complementary error function at x.", m_erfc;
    "exp", "exp(x, /)", "Return e raised to the power of x.", m_exp;
    "exp2", "exp2(x, /)", "Return 2 raised to the power of x.", m_exp2;
    "expm1", "expm1(x, /)", "Return exp(x)-1, accurately for small x.", m_expm1;
    "fabs", "fabs(x, /)", "Return the absolute value of the float x.", m_fabs;
    "factorial", "factorial(n, /)", "Find n!.", m_factorial;
    "floor", "floor(x, /)", "Return the floor of x as an int: the largest integer <= x.", m_floor;
    "fmod", "fmod(x, y, /)", "Return fmod(x, y), according to platform C; x % y may differ.", m_fmod;
    "frexp", "frexp(x, /)", "Return the mantissa and exponent of x, as pair (m, e).", m_frexp;
    "fsum", "fsum(seq, /)", "Return an accurate floating point sum of values in the iterable seq.", m_fsum;
    "gamma", "gamma(x, /)", "Gamma function at x.", m_gamma;
    "gcd", "gcd(*integers)", "Greatest Common Divisor.", m_gcd;
    "hypot", "hypot(*coordinates)", "Multidimensional Euclidean distance from the origin to a point.", m_hypot;
    "isclose", "isclose(a, b, *, rel_tol=1e-09, abs_tol=0.0)", "Determine whether two floating point numbers are close in value.", m_isclose;
    "isfinite", "isfinite(x, /)", "Return True if x is neither an infinity nor a NaN.", m_isfinite;
    "isinf", "isinf(x, /)", "Return True if x is a positive or negative infinity.", m_isinf;
    "isnan", "isnan(x, /)", "Return True if x is a NaN (not a number).", m_isnan;
    "isqrt", "isqrt(n, /)", "Return the integer part of the square root of the input.", m_isqrt;
    "lcm", "lcm(*integers)", "Least Common Multiple.", m_lcm;
    "ldexp", "ldexp(x, i, /)", "Return x * (2**i).", m_ldexp;
    "lgamma", "lgamma(x, /)", "Natural logarithm of absolute value of Gamma function at x.", m_lgamma_fn;
    "log", "log(x, [base=math.e])", "Return the logarithm of x to the given base (natural log by default).", m_log;
    "log10", "log10(x, /)", "Return the base 10 logarithm of x.", m_log10;
    "log1p", "log1p(x, /)", "Return the natural logarithm of 1+x, accurately for x near zero.", m_log1p;
    "log2", "log2(x, /)", "Return the base 2 logarithm of x.", m_log2;
    "modf", "modf(x, /)", "Return the fractional and integer parts of x, both floats with the sign of x.", m_modf;
    "nextafter", "nextafter(x, y, /)", "Return the next floating-point value after x towards y.", m_nextafter;
    "perm", "perm(n, k=None, /)", "Number of ways to choose k items from n items without repetition and with order.", m_perm;
    "pow", "pow(x, y, /)", "Return x**y (x to the power of y) as a float.", m_pow;
    "prod", "prod(iterable, /, *, start=1)", "Calculate the product of all the elements in the input iterable.", m_prod;
    "radians", "radians(x, /)", "Convert angle x from degrees to radians.", m_radians;
    "remainder", "remainder(x, y, /)", "Difference between x and the closest integer multiple of y.", m_remainder_fn;
    "sin", "sin(x, /)", "Return the sine of x (measured in radians).", m_sin;
    "sinh", "sinh(x, /)", "Return the hyperbolic sine of x.", m_sinh;
    "sqrt", "sqrt(x, /)", "Return the square root of x.", m_sqrt;
    "tan", "tan(x, /)", "Return the tangent of x (measured in radians).", m_tan;
    "tanh", "tanh(x, /)", "Return the hyperbolic tangent of x.", m_tanh;
    "trunc", "trunc(x, /)", "Truncates the Real x to the nearest Integral toward 0.", m_trunc;
    "ulp", "ulp(x, /)", "Return the value of the least significant bit of the float x.", m_ulp;
}

pub fn module() -> Value {
    super::make_module(
        "math",
        FUNCS,
        vec![
            ("pi", Value::Float(std::f64::consts::PI)),
            ("e", Value::Float(std::f64::consts::E)),
            ("tau", Value::Float(std::f64::consts::TAU)),
            ("inf", Value::Float(f64::INFINITY)),
            ("nan", Value::Float(f64::NAN)),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gamma_and_lgamma_match_cpython() {
        assert_eq!(m_tgamma(0.5).ok(), Some(1.7724538509055159));
        assert_eq!(m_tgamma(5.0).ok(), Some(24.0));
        assert_eq!(m_lgamma(0.5).ok(), Some(0.5723649429247004));
        assert!(m_tgamma(-1.0).is_err() && m_lgamma(0.0).is_err());
    }

    #[test]
    fn big_frexp_rounds() {
        let n = BigInt::from(1u8) << 2000usize;
        assert_eq!(big_frexp(&n), (0.5, 2001));
        let n = (BigInt::from(1u8) << 2000usize) - 1;
        assert_eq!(big_frexp(&n), (0.5, 2001));
    }

    #[test]
    fn factorials() {
        assert_eq!(factorial_big(25).to_string(), "15511210043330985984000000");
        let slow: BigInt = (1..=300u32).map(BigInt::from).product();
        assert_eq!(factorial_big(300), slow);
    }
}
