//! NumPy's own float32 `exp`, `log`, `sin` and `cos` (the vectorised algorithms of
//! `loops_exponent_log.dispatch.c.src` and `loops_trigonometric.dispatch.cpp`), evaluated
//! one lane at a time with the same operations (fused multiply-adds included), so results
//! are NumPy's bits. NumPy uses them for every float32 element on CPUs with FMA.

use super::FpFlags;
use super::math::libm;

const LOG2E: f32 = std::f32::consts::LOG2_E;
const LOGE2: f32 = std::f32::consts::LN_2;
const CVT_MAGIC: f32 = 12582912.0; // 0x1.8p23

#[inline(always)]
fn fma(a: f32, b: f32, c: f32) -> f32 {
    a.mul_add(b, c)
}

/// `_mm512_scalef_ps(x, q)` for an integral `q`: `x * 2**q` rounded once.
#[inline(always)]
fn scalef(x: f32, q: f32) -> f32 {
    let e = q as i32;
    if !(-300..=300).contains(&e) {
        return if e > 0 { x * f32::INFINITY } else { x * 0.0 };
    }
    ((x as f64) * f64::powi(2.0, e)) as f32
}

/// NumPy's float32 exp (Remez rational approximation after Cody-Waite reduction).
#[inline(always)]
#[allow(clippy::excessive_precision)]
pub fn exp(xin: f32, fl: &mut FpFlags) -> f32 {
    const XMAX: f32 = 88.72283935546875;
    const XMIN: f32 = -103.97208404541015625;
    const P0: f32 = 9.999999999980870924916e-01;
    const P1: f32 = 7.257664613233124478488e-01;
    const P2: f32 = 2.473615434895520810817e-01;
    const P3: f32 = 5.114512081637298353406e-02;
    const P4: f32 = 6.757896990527504603057e-03;
    const P5: f32 = 5.082762527590693718096e-04;
    const Q0: f32 = 1.000000000000000000000e+00;
    const Q1: f32 = -2.742335390411667452936e-01;
    const Q2: f32 = 2.159509375685829852307e-02;
    let nan = xin.is_nan();
    let x = if nan { 0.0 } else { xin };
    let xmax = x >= XMAX;
    let xmin = x <= XMIN;
    if xmax != (x == f32::INFINITY) {
        fl.overflow = true;
    }
    if xmin != (x == f32::NEG_INFINITY) {
        fl.underflow = true;
    }
    let x = if nan || xmin || xmax { 0.0 } else { x };
    let mut q = x * LOG2E;
    q = (q + CVT_MAGIC) - CVT_MAGIC;
    #[allow(clippy::excessive_precision)]
    let mut r = fma(q, -6.93145752e-1, x);
    r = fma(q, -1.42860677e-6, r);
    r = fma(q, 0.0, r);
    let mut num = fma(P5, r, P4);
    num = fma(num, r, P3);
    num = fma(num, r, P2);
    num = fma(num, r, P1);
    num = fma(num, r, P0);
    let mut den = fma(Q2, r, Q1);
    den = fma(den, r, Q0);
    let poly = scalef(num / den, q);
    if nan {
        f32::NAN
    } else if xmax {
        f32::INFINITY
    } else if xmin {
        0.0
    } else {
        poly
    }
}

/// NumPy's float32 log (rational approximation of log(1+x) on the reduced mantissa).
#[inline(always)]
#[allow(clippy::excessive_precision)]
pub fn log(xin: f32, fl: &mut FpFlags) -> f32 {
    const P0: f32 = 0.000000000000000000000e+00;
    const P1: f32 = 9.999999999999998702752e-01;
    const P2: f32 = 2.112677543073053063722e+00;
    const P3: f32 = 1.480000633576506585156e+00;
    const P4: f32 = 3.808837741388407920751e-01;
    const P5: f32 = 2.589979117907922693523e-02;
    const Q0: f32 = 1.000000000000000000000e+00;
    const Q1: f32 = 2.612677543073109236779e+00;
    const Q2: f32 = 2.453006071784736363091e+00;
    const Q3: f32 = 9.864942958519418960339e-01;
    const Q4: f32 = 1.546476374983906719538e-01;
    const Q5: f32 = 5.875095403124574342950e-03;
    let negx = xin < 0.0;
    let zero = xin == 0.0;
    let inf = xin == f32::INFINITY;
    let nan = xin.is_nan();
    if zero {
        fl.divide = true;
    }
    if negx {
        fl.invalid = true;
    }
    let x = if negx { 0.0 } else { xin };
    // getexp + 1 and getmant in [0.5, 1): frexp of positive finite values.
    let (mut m, mut e) = if x > 0.0 && x.is_finite() {
        let (f, k) = frexp(x);
        (f, k as f32)
    } else {
        (x, 0.0)
    };
    if m <= std::f32::consts::FRAC_1_SQRT_2 {
        m += m;
        e -= 1.0;
    }
    let r = m - 1.0;
    let mut num = fma(P5, r, P4);
    num = fma(num, r, P3);
    num = fma(num, r, P2);
    num = fma(num, r, P1);
    num = fma(num, r, P0);
    let mut den = fma(Q5, r, Q4);
    den = fma(den, r, Q3);
    den = fma(den, r, Q2);
    den = fma(den, r, Q1);
    den = fma(den, r, Q0);
    let poly = fma(e, LOGE2, num / den);
    if inf {
        f32::INFINITY
    } else if zero {
        f32::NEG_INFINITY
    } else if negx {
        -f32::NAN
    } else if nan {
        f32::NAN
    } else {
        poly
    }
}

/// `x = f * 2**k` with `0.5 <= f < 1` for positive finite `x` (subnormals normalised).
fn frexp(x: f32) -> (f32, i32) {
    let bits = x.to_bits();
    let exp = ((bits >> 23) & 0xff) as i32;
    if exp == 0 {
        let (f, k) = frexp(x * 16777216.0);
        return (f, k - 24);
    }
    let f = f32::from_bits((bits & 0x807f_ffff) | (126 << 23));
    (f, exp - 126)
}

/// NumPy's float32 sine and cosine (Cody-Waite reduction, minimax polynomials; libm
/// beyond the reduction's range).
#[inline(always)]
pub fn sincos(xin: f32, cos: bool) -> f32 {
    let max_cody = if cos { 71_476.06 } else { 117435.99 };
    if xin.is_nan() {
        return f32::NAN;
    }
    if xin.abs() > max_cody {
        return if cos {
            libm::cosf(xin)
        } else {
            libm::sinf(xin)
        };
    }
    let x = xin;
    // `x * 2/pi + magic` is one fused multiply-add in NumPy's compiled loop (the compiler
    // contracts it), which decides the quadrant of products that round to a tie.
    let q = fma(x, f32::from_bits(0x3f22_f983), CVT_MAGIC) - CVT_MAGIC; // 0x1.45f306p-1
    let mut r = fma(q, f32::from_bits(0xbfc9_0fd8), x); // -0x1.921fb0p+00
    r = fma(q, f32::from_bits(0xb4a8_885a), r); // -0x1.5110b4p-22
    r = fma(q, f32::from_bits(0xa7c2_34c4), r); // -0x1.846988p-48
    let r2 = r * r;
    let mut c = fma(f32::from_bits(0x37cc_730b), r2, f32::from_bits(0xbab6_036e));
    c = fma(c, r2, f32::from_bits(0x3d2a_aa9e));
    c = fma(c, r2, -0.5);
    c = fma(c, r2, 1.0);
    let mut s = fma(f32::from_bits(0x363e_9dde), r2, f32::from_bits(0xb950_35dd));
    s = fma(s, r2, f32::from_bits(0x3c08_88cd));
    s = fma(s, r2, f32::from_bits(0xbe2a_aaab));
    s = fma(s, r2, 0.0);
    s = fma(s, r, r);
    let mut iq = q as i32;
    if cos {
        iq = iq.wrapping_add(1);
    }
    let v = if iq & 1 == 0 { s } else { c };
    if iq & 2 == 2 { 0.0 - v } else { v }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn special_values() {
        let mut fl = FpFlags::default();
        assert_eq!(exp(0.0, &mut fl), 1.0);
        assert_eq!(exp(f32::INFINITY, &mut fl), f32::INFINITY);
        assert_eq!(exp(f32::NEG_INFINITY, &mut fl), 0.0);
        assert!(!fl.any());
        assert_eq!(exp(100.0, &mut fl), f32::INFINITY);
        assert!(fl.overflow);
        assert_eq!(log(1.0, &mut fl), 0.0);
        assert_eq!(log(0.0, &mut fl), f32::NEG_INFINITY);
        assert!(fl.divide);
        assert!(log(-1.0, &mut fl).is_nan() && fl.invalid);
        assert_eq!(sincos(0.0, false), 0.0);
        assert_eq!(sincos(0.0, true), 1.0);
        assert!(sincos(f32::INFINITY, true).is_nan());
        let (f, k) = frexp(1e-40);
        assert!((0.5..1.0).contains(&f) && f as f64 * 2f64.powi(k) == 1e-40f32 as f64);
    }
}
