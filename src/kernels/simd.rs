//! Contiguous SIMD loops (the `wide` crate's portable vectors) for the most common float
//! operations: `+ - * /` and the six comparisons on float64 and float32, with either
//! operand possibly a broadcast scalar. Results are IEEE-identical to the scalar loops;
//! events (overflow, invalid) are found by a cheap any-non-finite test per vector and
//! worked out element by element only for runs that have one.

use super::FpFlags;
use wide::{f32x8, f64x4};

/// Arithmetic operations with a SIMD path.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum VOp {
    Add,
    Sub,
    Mul,
    Div,
}

/// Comparisons with a SIMD path.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum VCmp {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

/// A side of a binary operation: a contiguous run, or one value repeated.
#[derive(Copy, Clone)]
pub enum Side<T> {
    Run(*const T),
    Splat(T),
}

macro_rules! float_simd {
    ($arith:ident, $cmp:ident, $t:ty, $v:ident, $lanes:expr) => {
        /// `o[i] = x[i] op y[i]` for `n` elements; returns the IEEE events.
        ///
        /// # Safety
        /// `o` must be valid for `n` writes and each `Run` side for `n` reads.
        pub unsafe fn $arith(op: VOp, o: *mut $t, x: Side<$t>, y: Side<$t>, n: usize) -> FpFlags {
            #[inline(always)]
            unsafe fn load(s: Side<$t>, i: usize) -> $v {
                match s {
                    // SAFETY: the caller guarantees `i + LANES <= n` readable elements.
                    Side::Run(p) => {
                        $v::new(unsafe { (p.add(i) as *const [$t; $lanes]).read_unaligned() })
                    }
                    Side::Splat(v) => $v::splat(v),
                }
            }
            #[inline(always)]
            unsafe fn get(s: Side<$t>, i: usize) -> $t {
                match s {
                    // SAFETY: as above, one element.
                    Side::Run(p) => unsafe { p.add(i).read_unaligned() },
                    Side::Splat(v) => v,
                }
            }
            #[inline(always)]
            fn apply(op: VOp, a: $v, b: $v) -> $v {
                match op {
                    VOp::Add => a + b,
                    VOp::Sub => a - b,
                    VOp::Mul => a * b,
                    VOp::Div => a / b,
                }
            }
            #[inline(always)]
            fn apply1(op: VOp, a: $t, b: $t) -> $t {
                match op {
                    VOp::Add => a + b,
                    VOp::Sub => a - b,
                    VOp::Mul => a * b,
                    VOp::Div => a / b,
                }
            }
            #[inline(always)]
            fn event(op: VOp, a: $t, b: $t, r: $t, fl: &mut FpFlags) {
                if op == VOp::Div && b == 0.0 && !a.is_nan() {
                    if a == 0.0 {
                        fl.invalid = true;
                    } else {
                        fl.divide = true;
                    }
                    return;
                }
                if r.is_infinite() && a.is_finite() && b.is_finite() {
                    fl.overflow = true;
                }
                if r.is_nan() && !a.is_nan() && !b.is_nan() {
                    fl.invalid = true;
                }
            }
            // Events are worked out before each store: the output may be an input
            // (temporary elision writes over the left operand).
            let mut fl = FpFlags::default();
            let zero = $v::splat(0.0);
            let mut i = 0;
            macro_rules! body {
                ($op:expr) => {{
                    while i + $lanes <= n {
                        // SAFETY: `i + LANES <= n`.
                        let (xv, yv) = unsafe { (load(x, i), load(y, i)) };
                        let r = apply($op, xv, yv);
                        let mut suspect = !r.is_finite();
                        if $op == VOp::Div {
                            suspect |= yv.simd_eq(zero);
                        }
                        if suspect.any() {
                            let (xa, ya, ra) = (xv.to_array(), yv.to_array(), r.to_array());
                            for l in 0..$lanes {
                                event($op, xa[l], ya[l], ra[l], &mut fl);
                            }
                        }
                        unsafe { (o.add(i) as *mut [$t; $lanes]).write_unaligned(r.to_array()) };
                        i += $lanes;
                    }
                }};
            }
            match op {
                VOp::Add => body!(VOp::Add),
                VOp::Sub => body!(VOp::Sub),
                VOp::Mul => body!(VOp::Mul),
                VOp::Div => body!(VOp::Div),
            }
            while i < n {
                // SAFETY: `i < n`.
                let (a, b) = unsafe { (get(x, i), get(y, i)) };
                let r = apply1(op, a, b);
                if !r.is_finite() || (op == VOp::Div && b == 0.0) {
                    event(op, a, b, r, &mut fl);
                }
                unsafe { o.add(i).write_unaligned(r) };
                i += 1;
            }
            fl
        }

        /// `o[i] = x[i] cmp y[i]` (as bytes 0/1) for `n` elements.
        ///
        /// # Safety
        /// `o` must be valid for `n` writes and each `Run` side for `n` reads.
        pub unsafe fn $cmp(op: VCmp, o: *mut bool, x: Side<$t>, y: Side<$t>, n: usize) {
            #[inline(always)]
            unsafe fn load(s: Side<$t>, i: usize) -> $v {
                match s {
                    // SAFETY: the caller guarantees `i + LANES <= n` readable elements.
                    Side::Run(p) => {
                        $v::new(unsafe { (p.add(i) as *const [$t; $lanes]).read_unaligned() })
                    }
                    Side::Splat(v) => $v::splat(v),
                }
            }
            #[inline(always)]
            unsafe fn get(s: Side<$t>, i: usize) -> $t {
                match s {
                    // SAFETY: as above, one element.
                    Side::Run(p) => unsafe { p.add(i).read_unaligned() },
                    Side::Splat(v) => v,
                }
            }
            let mut i = 0;
            macro_rules! body {
                ($m:ident, $s:expr) => {{
                    // Eight elements at a time: their lane masks make one byte, spread
                    // to eight 0/1 bytes by a table and stored at once.
                    while i + 8 <= n {
                        let mut m = 0usize;
                        for r in 0..8 / $lanes {
                            let k = i + r * $lanes;
                            // SAFETY: `k + LANES <= i + 8 <= n`.
                            let b = unsafe { load(x, k).$m(load(y, k)) }.to_bitmask() as usize;
                            m |= b << (r * $lanes);
                        }
                        // SAFETY: `i + 8 <= n` bytes of `o` are writable.
                        unsafe { (o.add(i) as *mut u64).write_unaligned(SPREAD[m & 0xff].to_le()) };
                        i += 8;
                    }
                    while i < n {
                        let (a, b) = unsafe { (get(x, i), get(y, i)) };
                        let f: fn($t, $t) -> bool = $s;
                        unsafe { o.add(i).write(f(a, b)) };
                        i += 1;
                    }
                }};
            }
            match op {
                VCmp::Eq => body!(simd_eq, |a, b| a == b),
                VCmp::Ne => body!(simd_ne, |a, b| a != b),
                VCmp::Lt => body!(simd_lt, |a, b| a < b),
                VCmp::Le => body!(simd_le, |a, b| a <= b),
                VCmp::Gt => body!(simd_gt, |a, b| a > b),
                VCmp::Ge => body!(simd_ge, |a, b| a >= b),
            }
        }
    };
}

/// `SPREAD[m]` has byte `l` equal to bit `l` of `m`: eight comparison results as bools.
static SPREAD: [u64; 256] = {
    let mut t = [0u64; 256];
    let mut m = 0;
    while m < 256 {
        let mut l = 0;
        while l < 8 {
            if (m >> l) & 1 != 0 {
                t[m] |= 1 << (8 * l);
            }
            l += 1;
        }
        m += 1;
    }
    t
};

float_simd!(arith_f64, cmp_f64, f64, f64x4, 4);
float_simd!(arith_f32, cmp_f32, f32, f32x8, 8);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn simd_matches_scalar() {
        for n in [0usize, 1, 7, 8, 9, 127, 128, 129, 1000] {
            let x: Vec<f64> = (0..n).map(|i| i as f64 * 0.37 - 20.0).collect();
            let y: Vec<f64> = (0..n).map(|i| (i % 7) as f64 - 3.0).collect();
            for op in [VOp::Add, VOp::Sub, VOp::Mul, VOp::Div] {
                let mut o = vec![0.0; n];
                let fl = unsafe {
                    arith_f64(
                        op,
                        o.as_mut_ptr(),
                        Side::Run(x.as_ptr()),
                        Side::Run(y.as_ptr()),
                        n,
                    )
                };
                for i in 0..n {
                    let e = match op {
                        VOp::Add => x[i] + y[i],
                        VOp::Sub => x[i] - y[i],
                        VOp::Mul => x[i] * y[i],
                        VOp::Div => x[i] / y[i],
                    };
                    assert!(o[i] == e || (o[i].is_nan() && e.is_nan()));
                }
                // y has zeros from n >= 4 on
                assert_eq!(fl.divide, op == VOp::Div && n > 3);
            }
            let xf: Vec<f32> = x.iter().map(|&v| v as f32).collect();
            let mut ob = vec![false; n];
            unsafe {
                cmp_f32(
                    VCmp::Lt,
                    ob.as_mut_ptr(),
                    Side::Run(xf.as_ptr()),
                    Side::Splat(0.0),
                    n,
                )
            };
            for i in 0..n {
                assert_eq!(ob[i], xf[i] < 0.0);
            }
        }
    }

    #[test]
    fn overflow_and_invalid_events() {
        let x = [1e308f64, f64::INFINITY, 1.0, 2.0, 3.0];
        let mut o = [0.0; 5];
        let fl = unsafe {
            arith_f64(
                VOp::Mul,
                o.as_mut_ptr(),
                Side::Run(x.as_ptr()),
                Side::Splat(10.0),
                5,
            )
        };
        assert!(fl.overflow && !fl.invalid);
        let fl = unsafe {
            arith_f64(
                VOp::Sub,
                o.as_mut_ptr(),
                Side::Run(x[1..].as_ptr()),
                Side::Splat(f64::INFINITY),
                1,
            )
        };
        assert!(fl.invalid && !fl.overflow);
    }
}
