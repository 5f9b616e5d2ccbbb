//! Vectorised float64 `exp` whose every result is bit-identical to the C library's `exp`
//! (glibc), the function NumPy's scalar float64 loop calls.
//!
//! Each lane computes `exp(x)` with about 2^-65 relative error as an unevaluated sum
//! `y + d` (`y` the double nearest that sum, `d` the exact remainder):
//!
//! * `x = (128 k + j) ln2/128 + r`, with `kd = 128 k + j` from rounding `x 128/ln2`,
//!   `r1 = x - kd lhi` by one fused multiply-add and the rest of `kd ln2/128` kept as a
//!   correction `c = -kd l2`. `r1` is exact for `|x| <= 708`: `lhi` lies in
//!   `[2^-8, 2^-7)`, so `kd lhi` is a multiple of 2^-60; if `kd != 0` then
//!   `|x| > 0.49 ln2/128 > 2^-9`, so `x` is a multiple of 2^-61, and so is `r1`, whose
//!   magnitude is below `0.51 ln2/128 < 2^-8`: it has at most 53 significant bits
//!   (if `kd = 0`, `r1 = x`). `|c| < 2^17 2^-61 = 2^-44`;
//! * `2^(j/128)` from a table of double-double values (`th (1 + tau)`) built at first use
//!   from exact operations;
//! * `exp(r1 + c) - 1 - r1` by its Taylor polynomial up to degree 6;
//! * `th (1 + r1 + ...)` reassembled with the exact residual of one fused multiply-add.
//!
//! Error bound, relative to the result (`|r1 + c| < 2^-8.47`, `q ~ r^2/2 < 2^-17.9`): the
//! table and `ln 2` are good to 2^-95; the Taylor remainder is below `r^7/7! < 2^-71.5`;
//! rounding `r1 + c` moves `q` by under 2^-70; the products and sums forming the small part
//! (about 2^-17) round at under 2^-70.9 each, six of them; the assembly of `y0 + lt` is
//! exact but for `lt` (2^-69.9). In all under 2^-66.7, i.e. 0.0003 ulp, since the result
//! before scaling lies in `[0.997, 2)`.
//!
//! glibc's `exp` is documented to err by at most 0.511 ulp, so it returns the correctly
//! rounded result whenever the exact value is more than 0.011 ulp away from a rounding
//! midpoint. A lane keeps `y` only when `|d|` stays below [`THR`] ulp, which leaves that
//! distance plus this computation's own error bound (< 0.0003 ulp) with room to spare.
//! Every other lane (about 2.5 % of random inputs), and every input outside
//! `|x| <= 708` (overflow, subnormal or zero results, infinities, NaN), is computed with
//! the C library's `exp` itself, together with the overflow/underflow events the scalar
//! loop reports. Hence every lane equals glibc's result.
//!
//! The kernels run with AVX-512F, or AVX2 and FMA, chosen at run time; other machines use
//! the scalar C library call for every element.

use super::FpFlags;
use super::loops::{Raw, drive, sz};
use super::math::{Un, f64_fn};
use crate::array::NdArray;
use std::sync::OnceLock;

/// Table size: `2^(j/N)` for `j` in `0..N`.
const N: usize = 128;
/// Lanes whose `|d|` reaches `THR` ulp of `y` use the C library instead (glibc's error
/// bound needs 0.011 ulp, this computation's at most 0.0003 ulp).
const THR: f64 = 0.4875;
/// Inputs with `|x| <= XMAX` have normal, finite results (exp(-708) > 2^-1022).
const XMAX: f64 = 708.0;
/// `1.5 * 2^52`: adding it rounds to an integer kept in the low mantissa bits.
const SHIFT: f64 = 6755399441055744.0;
/// Taylor coefficients `1/n!`, n = 2..6.
const C2: f64 = 0.5;
const C3: f64 = 1.0 / 6.0;
const C4: f64 = 1.0 / 24.0;
const C5: f64 = 1.0 / 120.0;
const C6: f64 = 1.0 / 720.0;

/// A double-double value `hi + lo`, `|lo| <= ulp(hi) / 2`.
#[derive(Clone, Copy, Debug)]
struct Dd {
    hi: f64,
    lo: f64,
}

/// `a + b` as a normalised pair, for `|a| >= |b|` (exact).
fn fast2sum(a: f64, b: f64) -> Dd {
    let s = a + b;
    Dd {
        hi: s,
        lo: b - (s - a),
    }
}

fn dd_add(a: Dd, b: Dd) -> Dd {
    let s = a.hi + b.hi;
    let bb = s - a.hi;
    let e = (a.hi - (s - bb)) + (b.hi - bb);
    fast2sum(s, e + (a.lo + b.lo))
}

fn dd_mul(a: Dd, b: Dd) -> Dd {
    let p = a.hi * b.hi;
    let e = a.hi.mul_add(b.hi, -p) + (a.hi * b.lo + a.lo * b.hi);
    fast2sum(p, e)
}

/// `a / d` for a double `d`; the remainder `a.hi - q d` is exact.
fn dd_div(a: Dd, d: f64) -> Dd {
    let q = a.hi / d;
    let r = (-q).mul_add(d, a.hi) + a.lo;
    fast2sum(q, r / d)
}

/// Square root of a positive `a`; the remainder `a.hi - s^2` is exact.
fn dd_sqrt(a: Dd) -> Dd {
    let s = a.hi.sqrt();
    let e = (-s).mul_add(s, a.hi) + a.lo;
    fast2sum(s, e / (2.0 * s))
}

/// `ln 2 = 2 atanh(1/3) = 2 sum_k 3^-(2k+1) / (2k+1)` in double-double.
fn ln2_dd() -> Dd {
    let mut p = dd_div(Dd { hi: 1.0, lo: 0.0 }, 3.0);
    let mut sum = Dd { hi: 0.0, lo: 0.0 };
    for k in 0..40 {
        sum = dd_add(sum, dd_div(p, (2 * k + 1) as f64));
        p = dd_div(p, 9.0);
    }
    Dd {
        hi: 2.0 * sum.hi,
        lo: 2.0 * sum.lo,
    }
}

/// Constants of the kernels, computed once.
struct Consts {
    /// `2^(j/N) = th[j] (1 + tau[j])`.
    th: [f64; N],
    tau: [f64; N],
    /// `ln2/N = lhi + l2` (to about 2^-104 relative).
    lhi: f64,
    l2: f64,
    /// `N / ln2`, rounded.
    inv: f64,
}

fn consts() -> &'static Consts {
    static C: OnceLock<Consts> = OnceLock::new();
    C.get_or_init(|| {
        // roots[b] = 2^(2^b / N), by repeated square roots of 2.
        let mut roots = [Dd { hi: 2.0, lo: 0.0 }; 7];
        let mut v = Dd { hi: 2.0, lo: 0.0 };
        for b in (0..7).rev() {
            v = dd_sqrt(v);
            roots[b] = v;
        }
        let mut th = [0.0; N];
        let mut tau = [0.0; N];
        for (j, (h, l)) in th.iter_mut().zip(tau.iter_mut()).enumerate() {
            let mut t = Dd { hi: 1.0, lo: 0.0 };
            for (b, r) in roots.iter().enumerate() {
                if (j >> b) & 1 == 1 {
                    t = dd_mul(t, *r);
                }
            }
            *h = t.hi;
            *l = t.lo / t.hi;
        }
        let l = ln2_dd();
        Consts {
            th,
            tau,
            lhi: l.hi / N as f64,
            l2: l.lo / N as f64,
            inv: N as f64 / l.hi,
        }
    })
}

/// One element the way the scalar loop computes it (the C library), with its events.
#[inline(never)]
fn slow(x: f64, fl: &mut FpFlags) -> f64 {
    f64_fn(Un::Exp, x, fl)
}

/// The scalar path for `n` elements from `px` to `po` (either may be unaligned; `po`
/// may equal `px`).
///
/// # Safety
/// `px` must be readable and `po` writable for `n` f64s.
unsafe fn scalar(px: *const f64, po: *mut f64, n: usize, fl: &mut FpFlags) {
    for i in 0..n {
        // SAFETY: within the caller's bounds.
        unsafe {
            po.add(i)
                .write_unaligned(slow(px.add(i).read_unaligned(), fl))
        };
    }
}

/// Which kernel this CPU runs.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Level {
    Scalar,
    #[cfg(target_arch = "x86_64")]
    Avx2,
    #[cfg(target_arch = "x86_64")]
    Avx512,
}

/// The fastest kernel this CPU supports.
pub fn best_level() -> Level {
    supported_levels().last().copied().unwrap_or(Level::Scalar)
}

/// Kernels this CPU can run, slowest first.
pub fn supported_levels() -> Vec<Level> {
    let mut v = vec![Level::Scalar];
    #[cfg(target_arch = "x86_64")]
    {
        use std::arch::is_x86_feature_detected as has;
        if has!("avx2") && has!("fma") && has!("popcnt") {
            v.push(Level::Avx2);
        }
        if has!("avx512f") && has!("popcnt") {
            v.push(Level::Avx512);
        }
    }
    v
}

/// `po[i] = exp(px[i])` for `i < n` with kernel `level`, returning the events.
///
/// # Safety
/// `px` must be readable and `po` writable for `n` f64s (unaligned is fine); the two
/// ranges are either disjoint or identical; `level` must be supported by this CPU.
pub unsafe fn exp_raw_with(level: Level, px: *const f64, po: *mut f64, n: usize) -> FpFlags {
    let mut fl = FpFlags::default();
    // SAFETY: forwarded from the caller, and the feature checks are the caller's.
    unsafe {
        match level {
            Level::Scalar => scalar(px, po, n, &mut fl),
            #[cfg(target_arch = "x86_64")]
            Level::Avx2 => x86::avx2(px, po, n, consts(), &mut fl),
            #[cfg(target_arch = "x86_64")]
            Level::Avx512 => x86::avx512(px, po, n, consts(), &mut fl),
        }
    }
    fl
}

/// `po[i] = exp(px[i])` for `i < n` with the best kernel, returning the events.
///
/// # Safety
/// As [`exp_raw_with`] without the level.
pub unsafe fn exp_raw(px: *const f64, po: *mut f64, n: usize) -> FpFlags {
    static LEVEL: OnceLock<Level> = OnceLock::new();
    let level = *LEVEL.get_or_init(best_level);
    // SAFETY: the level was detected on this CPU; the rest is the caller's.
    unsafe { exp_raw_with(level, px, po, n) }
}

/// `out = exp(x)` elementwise over slices of one length.
pub fn exp_slice(x: &[f64], out: &mut [f64]) -> FpFlags {
    let n = x.len().min(out.len());
    // SAFETY: both slices hold at least `n` elements and cannot overlap.
    unsafe { exp_raw(x.as_ptr(), out.as_mut_ptr(), n) }
}

/// `out = exp(a)` for float64 arrays of one shape: contiguous runs through the vector
/// kernel, strided runs element by element; large arrays split over the cores.
pub fn exp_f64(out: &NdArray, a: &NdArray) -> FpFlags {
    drive(
        &out.shape,
        [Raw::of(out), Raw::of(a)],
        |([po, pa], n, [so, sa])| {
            // SAFETY: each run stays inside its operand, and the ufunc layer passes an
            // output that overlaps the input only element for element.
            unsafe {
                if so == sz::<f64>() && sa == sz::<f64>() {
                    exp_raw(pa as *const f64, po as *mut f64, n)
                } else {
                    let mut fl = FpFlags::default();
                    for i in 0..n as isize {
                        let v = (pa.offset(i * sa) as *const f64).read_unaligned();
                        (po.offset(i * so) as *mut f64).write_unaligned(slow(v, &mut fl));
                    }
                    fl
                }
            }
        },
    )
}

#[cfg(target_arch = "x86_64")]
mod x86 {
    use super::*;
    use std::arch::x86_64::*;

    /// Elements per block: the lanes a block's vectors leave to the C library are collected
    /// (input and index) without branching and computed after the block.
    const BLK: usize = 256;

    /// Computes the collected lanes: `po[idx[k]] = exp(xs[k])`.
    ///
    /// # Safety
    /// Every index must be inside the caller's output.
    unsafe fn finish(xs: &[f64], idx: &[u64], po: *mut f64, fl: &mut FpFlags) {
        for (&x, &i) in xs.iter().zip(idx) {
            // SAFETY: the caller's bounds.
            unsafe { po.add(i as usize).write_unaligned(slow(x, fl)) };
        }
    }

    /// Broadcast constants of the 4-lane kernel.
    struct K4 {
        inv: __m256d,
        shift: __m256d,
        lhi: __m256d,
        l2n: __m256d,
        c: [__m256d; 5],
        m127: __m256i,
        expo: __m256d,
        abs: __m256d,
        lim: __m256d,
        xmax: __m256d,
        th: *const f64,
        tau: *const f64,
    }

    /// `permutevar8x32` patterns moving the 64-bit lanes selected by a 4-bit mask to the
    /// front, in order.
    const COMPRESS4: [[i32; 8]; 16] = {
        let mut t = [[0i32; 8]; 16];
        let mut m = 0;
        while m < 16 {
            let (mut k, mut l) = (0usize, 0i32);
            while l < 4 {
                if (m >> l) & 1 == 1 {
                    t[m][2 * k] = 2 * l;
                    t[m][2 * k + 1] = 2 * l + 1;
                    k += 1;
                }
                l += 1;
            }
            m += 1;
        }
        t
    };

    /// Four lanes: the scaled result and the mask of lanes whose result is certain.
    #[target_feature(enable = "avx2,fma,popcnt")]
    #[inline]
    fn core4(x: __m256d, k: &K4) -> (__m256d, __m256d) {
        let z = _mm256_fmadd_pd(x, k.inv, k.shift);
        let ki = _mm256_sub_epi64(_mm256_castpd_si256(z), _mm256_castpd_si256(k.shift));
        let kd = _mm256_sub_pd(z, k.shift);
        let j = _mm256_and_si256(ki, k.m127);
        // SAFETY: the indices are masked to 0..N.
        let (th, tau) = unsafe {
            (
                _mm256_i64gather_pd::<8>(k.th, j),
                _mm256_i64gather_pd::<8>(k.tau, j),
            )
        };
        let r1 = _mm256_fnmadd_pd(kd, k.lhi, x);
        let cc = _mm256_mul_pd(kd, k.l2n);
        let rc = _mm256_add_pd(r1, cc);
        let r2 = _mm256_mul_pd(rc, rc);
        let mut p = _mm256_fmadd_pd(rc, k.c[4], k.c[3]);
        p = _mm256_fmadd_pd(rc, p, k.c[2]);
        p = _mm256_fmadd_pd(rc, p, k.c[1]);
        p = _mm256_fmadd_pd(rc, p, k.c[0]);
        let u = _mm256_add_pd(cc, tau);
        let s = _mm256_fmadd_pd(tau, r1, _mm256_fmadd_pd(r2, p, u));
        let y0 = _mm256_fmadd_pd(th, r1, th);
        let rho = _mm256_fmadd_pd(th, r1, _mm256_sub_pd(th, y0));
        let lt = _mm256_fmadd_pd(th, s, rho);
        let y = _mm256_add_pd(y0, lt);
        let d = _mm256_sub_pd(lt, _mm256_sub_pd(y, y0));
        let pe = _mm256_and_pd(y, k.expo);
        let near = _mm256_cmp_pd::<_CMP_LT_OQ>(_mm256_and_pd(d, k.abs), _mm256_mul_pd(pe, k.lim));
        let notpow2 = _mm256_cmp_pd::<_CMP_NEQ_OQ>(y, pe);
        let inr = _mm256_cmp_pd::<_CMP_LE_OQ>(_mm256_and_pd(x, k.abs), k.xmax);
        let ok = _mm256_and_pd(_mm256_and_pd(near, notpow2), inr);
        let scale = _mm256_slli_epi64::<45>(_mm256_andnot_si256(k.m127, ki));
        let res = _mm256_add_epi64(_mm256_castpd_si256(y), scale);
        (_mm256_castsi256_pd(res), ok)
    }

    /// # Safety
    /// As [`exp_raw_with`]; the CPU must have AVX2, FMA and POPCNT.
    #[target_feature(enable = "avx2,fma,popcnt")]
    pub unsafe fn avx2(px: *const f64, po: *mut f64, n: usize, c: &Consts, fl: &mut FpFlags) {
        let k = K4 {
            inv: _mm256_set1_pd(c.inv),
            shift: _mm256_set1_pd(SHIFT),
            lhi: _mm256_set1_pd(c.lhi),
            l2n: _mm256_set1_pd(-c.l2),
            c: [
                _mm256_set1_pd(C2),
                _mm256_set1_pd(C3),
                _mm256_set1_pd(C4),
                _mm256_set1_pd(C5),
                _mm256_set1_pd(C6),
            ],
            m127: _mm256_set1_epi64x(127),
            expo: _mm256_castsi256_pd(_mm256_set1_epi64x(0x7ff0_0000_0000_0000)),
            abs: _mm256_castsi256_pd(_mm256_set1_epi64x(0x7fff_ffff_ffff_ffff)),
            lim: _mm256_set1_pd(THR * f64::EPSILON),
            xmax: _mm256_set1_pd(XMAX),
            th: c.th.as_ptr(),
            tau: c.tau.as_ptr(),
        };
        let four = _mm256_set1_epi64x(4);
        let mut xb = [0.0f64; BLK + 4];
        let mut ib = [0u64; BLK + 4];
        let mut i = 0;
        while i + 4 <= n {
            let end = (i + BLK).min(n);
            let mut cnt = 0;
            let mut idx =
                _mm256_add_epi64(_mm256_set1_epi64x(i as i64), _mm256_set_epi64x(3, 2, 1, 0));
            while i + 4 <= end {
                // SAFETY: lanes i..i+4 are inside the caller's bounds; `cnt + 4 <= BLK + 4`.
                unsafe {
                    let x = _mm256_loadu_pd(px.add(i));
                    let (y, ok) = core4(x, &k);
                    _mm256_storeu_pd(po.add(i), y);
                    let bad = (!_mm256_movemask_pd(ok) & 0xf) as usize;
                    let perm = _mm256_loadu_si256(COMPRESS4[bad].as_ptr() as *const __m256i);
                    let xc = _mm256_permutevar8x32_epi32(_mm256_castpd_si256(x), perm);
                    let ic = _mm256_permutevar8x32_epi32(idx, perm);
                    _mm256_storeu_si256(xb.as_mut_ptr().add(cnt) as *mut __m256i, xc);
                    _mm256_storeu_si256(ib.as_mut_ptr().add(cnt) as *mut __m256i, ic);
                    cnt += bad.count_ones() as usize;
                }
                idx = _mm256_add_epi64(idx, four);
                i += 4;
            }
            // SAFETY: the collected indices are below `i <= n`.
            unsafe { finish(&xb[..cnt], &ib[..cnt], po, fl) };
        }
        // SAFETY: the last n - i elements are inside the caller's bounds.
        unsafe { scalar(px.add(i), po.add(i), n - i, fl) };
    }

    /// Broadcast constants of the 8-lane kernel.
    struct K8 {
        inv: __m512d,
        shift: __m512d,
        lhi: __m512d,
        l2n: __m512d,
        c: [__m512d; 5],
        m127: __m512i,
        expo: __m512i,
        lim: __m512d,
        xmax: __m512d,
        th: *const f64,
        tau: *const f64,
    }

    /// Eight lanes: the scaled result and the mask of lanes whose result is certain.
    #[target_feature(enable = "avx512f,popcnt")]
    #[inline]
    fn core8(x: __m512d, k: &K8) -> (__m512d, __mmask8) {
        let z = _mm512_fmadd_pd(x, k.inv, k.shift);
        let ki = _mm512_sub_epi64(_mm512_castpd_si512(z), _mm512_castpd_si512(k.shift));
        let kd = _mm512_sub_pd(z, k.shift);
        let j = _mm512_and_si512(ki, k.m127);
        // SAFETY: the indices are masked to 0..N.
        let (th, tau) = unsafe {
            (
                _mm512_i64gather_pd::<8>(j, k.th),
                _mm512_i64gather_pd::<8>(j, k.tau),
            )
        };
        let r1 = _mm512_fnmadd_pd(kd, k.lhi, x);
        let cc = _mm512_mul_pd(kd, k.l2n);
        let rc = _mm512_add_pd(r1, cc);
        let r2 = _mm512_mul_pd(rc, rc);
        let mut p = _mm512_fmadd_pd(rc, k.c[4], k.c[3]);
        p = _mm512_fmadd_pd(rc, p, k.c[2]);
        p = _mm512_fmadd_pd(rc, p, k.c[1]);
        p = _mm512_fmadd_pd(rc, p, k.c[0]);
        let u = _mm512_add_pd(cc, tau);
        let s = _mm512_fmadd_pd(tau, r1, _mm512_fmadd_pd(r2, p, u));
        let y0 = _mm512_fmadd_pd(th, r1, th);
        let rho = _mm512_fmadd_pd(th, r1, _mm512_sub_pd(th, y0));
        let lt = _mm512_fmadd_pd(th, s, rho);
        let y = _mm512_add_pd(y0, lt);
        let d = _mm512_sub_pd(lt, _mm512_sub_pd(y, y0));
        let pe = _mm512_castsi512_pd(_mm512_and_si512(_mm512_castpd_si512(y), k.expo));
        let m = _mm512_cmp_pd_mask::<_CMP_LE_OQ>(_mm512_abs_pd(x), k.xmax);
        let m = _mm512_mask_cmp_pd_mask::<_CMP_NEQ_OQ>(m, y, pe);
        let ok =
            _mm512_mask_cmp_pd_mask::<_CMP_LT_OQ>(m, _mm512_abs_pd(d), _mm512_mul_pd(pe, k.lim));
        let scale = _mm512_slli_epi64::<45>(_mm512_andnot_si512(k.m127, ki));
        let res = _mm512_add_epi64(_mm512_castpd_si512(y), scale);
        (_mm512_castsi512_pd(res), ok)
    }

    /// # Safety
    /// As [`exp_raw_with`]; the CPU must have AVX-512F and POPCNT.
    #[target_feature(enable = "avx512f,popcnt")]
    pub unsafe fn avx512(px: *const f64, po: *mut f64, n: usize, c: &Consts, fl: &mut FpFlags) {
        let k = K8 {
            inv: _mm512_set1_pd(c.inv),
            shift: _mm512_set1_pd(SHIFT),
            lhi: _mm512_set1_pd(c.lhi),
            l2n: _mm512_set1_pd(-c.l2),
            c: [
                _mm512_set1_pd(C2),
                _mm512_set1_pd(C3),
                _mm512_set1_pd(C4),
                _mm512_set1_pd(C5),
                _mm512_set1_pd(C6),
            ],
            m127: _mm512_set1_epi64(127),
            expo: _mm512_set1_epi64(0x7ff0_0000_0000_0000),
            lim: _mm512_set1_pd(THR * f64::EPSILON),
            xmax: _mm512_set1_pd(XMAX),
            th: c.th.as_ptr(),
            tau: c.tau.as_ptr(),
        };
        let eight = _mm512_set1_epi64(8);
        let mut xb = [0.0f64; BLK + 8];
        let mut ib = [0u64; BLK + 8];
        let mut i = 0;
        while i < n {
            let end = (i + BLK).min(n);
            let mut cnt = 0;
            let mut idx = _mm512_add_epi64(
                _mm512_set1_epi64(i as i64),
                _mm512_set_epi64(7, 6, 5, 4, 3, 2, 1, 0),
            );
            while i + 8 <= end {
                // SAFETY: lanes i..i+8 are inside the caller's bounds; `cnt + 8 <= BLK + 8`.
                unsafe {
                    let x = _mm512_loadu_pd(px.add(i));
                    let (y, ok) = core8(x, &k);
                    _mm512_storeu_pd(po.add(i), y);
                    let bad = !ok;
                    _mm512_storeu_pd(xb.as_mut_ptr().add(cnt), _mm512_maskz_compress_pd(bad, x));
                    _mm512_storeu_epi64(
                        ib.as_mut_ptr().add(cnt) as *mut i64,
                        _mm512_maskz_compress_epi64(bad, idx),
                    );
                    cnt += bad.count_ones() as usize;
                }
                idx = _mm512_add_epi64(idx, eight);
                i += 8;
            }
            if i < end {
                // The last 1..7 elements, through masked loads and stores.
                let act: __mmask8 = (1u8 << (end - i)) - 1;
                // SAFETY: only the active lanes, inside the caller's bounds, are touched.
                unsafe {
                    let x = _mm512_maskz_loadu_pd(act, px.add(i));
                    let (y, ok) = core8(x, &k);
                    _mm512_mask_storeu_pd(po.add(i), act, y);
                    let bad = act & !ok;
                    _mm512_storeu_pd(xb.as_mut_ptr().add(cnt), _mm512_maskz_compress_pd(bad, x));
                    _mm512_storeu_epi64(
                        ib.as_mut_ptr().add(cnt) as *mut i64,
                        _mm512_maskz_compress_epi64(bad, idx),
                    );
                    cnt += bad.count_ones() as usize;
                }
                i = end;
            }
            // SAFETY: the collected indices are below `i <= n`.
            unsafe { finish(&xb[..cnt], &ib[..cnt], po, fl) };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::math::libm;
    use super::*;
    use num_bigint::BigInt;

    /// The exact value of a finite double as `m * 2^e`.
    fn parts(v: f64) -> (BigInt, i64) {
        let b = v.to_bits();
        let e = ((b >> 52) & 0x7ff) as i64;
        let m = (b & ((1 << 52) - 1)) as i64;
        let (m, e) = if e == 0 {
            (m, -1074)
        } else {
            (m | (1 << 52), e - 1075)
        };
        (BigInt::from(if v < 0.0 { -m } else { m }), e)
    }

    /// `v * 2^s` as an integer (panics in the test if inexact).
    fn scaled(v: f64, s: i64) -> BigInt {
        let (m, e) = parts(v);
        assert!(e + s >= 0);
        m << (e + s) as usize
    }

    #[test]
    fn table_and_ln2_are_accurate() {
        let c = consts();
        // 2^(j/N) = th (1 + tau): check (th + th tau)^N against 2^j to 2^-90 relative,
        // i.e. each entry to about 2^-97.
        const S: i64 = 220;
        for j in 0..N {
            let (mh, eh) = parts(c.th[j]);
            let (mt, et) = parts(c.tau[j]);
            let v = (&mh << (eh + S) as usize) + ((&mh * &mt) << (eh + et + S) as usize);
            let lhs = v.pow(N as u32);
            let rhs = BigInt::from(1) << (j as i64 + S * N as i64) as usize;
            let err: BigInt = (lhs - &rhs) << 90;
            assert!(err.magnitude() <= rhs.magnitude(), "entry {j}");
        }
        // ln2 = sum_k 1/(k 2^k), to 2^-250 in fixed point, against N (lhi + l2).
        const P: usize = 256;
        let mut ln2 = BigInt::from(0);
        for k in 1..=300usize {
            ln2 += (BigInt::from(1) << (P + 100 - k)) / BigInt::from(k);
        }
        let ln2: BigInt = ln2 >> 100;
        let ours = (scaled(c.lhi, P as i64 + 7) + scaled(c.l2, P as i64 + 7)) * BigInt::from(N);
        let ours: BigInt = ours >> 7;
        let err: BigInt = (ours - &ln2) << 100;
        assert!(err.magnitude() <= ln2.magnitude());
        assert_eq!(c.inv, N as f64 / std::f64::consts::LN_2);
    }

    /// The kernel's arithmetic on one lane: the result it would store and `|d|` in ulps.
    fn model(x: f64) -> (f64, f64) {
        let c = consts();
        let z = x.mul_add(c.inv, SHIFT);
        let ki = (z.to_bits() as i64).wrapping_sub(SHIFT.to_bits() as i64);
        let kd = z - SHIFT;
        let j = (ki & 127) as usize;
        let (th, tau) = (c.th[j], c.tau[j]);
        let r1 = (-kd).mul_add(c.lhi, x);
        let cc = kd * -c.l2;
        let rc = r1 + cc;
        let r2 = rc * rc;
        let p = rc.mul_add(rc.mul_add(rc.mul_add(rc.mul_add(C6, C5), C4), C3), C2);
        let s = tau.mul_add(r1, r2.mul_add(p, cc + tau));
        let y0 = th.mul_add(r1, th);
        let rho = th.mul_add(r1, th - y0);
        let lt = th.mul_add(s, rho);
        let y = y0 + lt;
        let d = lt - (y - y0);
        let ulp = f64::from_bits(y.to_bits() & 0x7ff0_0000_0000_0000) * f64::EPSILON;
        let res = f64::from_bits(y.to_bits().wrapping_add(((ki & !127) << 45) as u64));
        (res, d.abs() / ulp)
    }

    struct Rng(u64);
    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
            let mut z = self.0;
            z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
            z ^ (z >> 31)
        }
        /// Uniform in [lo, hi).
        fn uniform(&mut self, lo: f64, hi: f64) -> f64 {
            lo + (hi - lo) * ((self.next() >> 11) as f64 / (1u64 << 53) as f64)
        }
    }

    /// `x` moved by `k` ulps.
    fn ulps(x: f64, k: i64) -> f64 {
        f64::from_bits((x.to_bits() as i64 + if x < 0.0 { -k } else { k }) as u64)
    }

    /// The test inputs, in groups of one kind.
    fn inputs() -> Vec<(&'static str, Vec<f64>)> {
        let mut r = Rng(12345);
        let mut groups = Vec::new();
        groups.push((
            "uniform",
            (0..1_000_000).map(|_| r.uniform(-745.0, 710.0)).collect(),
        ));
        groups.push((
            "near zero",
            (0..300_000)
                .map(|_| {
                    let e = (r.next() % 61) as i32;
                    let v = r.uniform(0.5, 1.0) * 2f64.powi(-e);
                    if r.next() & 1 == 0 { v } else { -v }
                })
                .collect(),
        ));
        let near = |centre: f64, spread: f64, n: usize, r: &mut Rng| -> Vec<f64> {
            let mut v: Vec<f64> = (-(n as i64) / 4..n as i64 / 4)
                .map(|k| ulps(centre, k))
                .collect();
            v.extend((0..n / 2).map(|_| centre + r.uniform(-spread, spread)));
            v
        };
        groups.push((
            "overflow threshold",
            near(709.782712893384, 1e-3, 100_000, &mut r),
        ));
        groups.push((
            "normal threshold",
            near(-708.3964185322641, 1.0, 60_000, &mut r),
        ));
        groups.push((
            "least subnormal",
            near(-744.4400719213812, 1.0, 40_000, &mut r),
        ));
        groups.push((
            "zero threshold",
            near(-745.1332191019411, 0.5, 40_000, &mut r),
        ));
        groups.push(("fast-path edge +", near(XMAX, 1e-6, 10_000, &mut r)));
        groups.push(("fast-path edge -", near(-XMAX, 1e-6, 10_000, &mut r)));
        groups.push((
            "subnormal results",
            (0..100_000).map(|_| r.uniform(-745.2, -708.3)).collect(),
        ));
        let mut ints = Vec::new();
        for i in -750..=712 {
            for k in -3..=3 {
                ints.push(ulps(i as f64, k));
            }
        }
        groups.push(("integers", ints));
        // Table and reduction boundaries: multiples of ln2/256.
        let l = std::f64::consts::LN_2 / 256.0;
        let mut bounds = Vec::new();
        let mut m = -275_000i64;
        while m < 262_000 {
            let x = m as f64 * l;
            bounds.extend([ulps(x, -1), x, ulps(x, 1)]);
            m += 7;
        }
        groups.push(("ln2/256 multiples", bounds));
        // Inputs whose value this kernel sees close to a rounding midpoint.
        let mut half = Vec::new();
        while half.len() < 300_000 {
            let x = if half.len() % 2 == 0 {
                r.uniform(-708.0, 708.0)
            } else {
                r.uniform(-1.0, 1.0)
            };
            if model(x).1 > 0.45 {
                half.push(x);
            }
        }
        groups.push(("halfway-looking", half));
        let mut sp = vec![
            0.0,
            -0.0,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NAN,
            -f64::NAN,
            f64::from_bits(0x7ff0_0000_0000_0001),
            f64::from_bits(0xfff8_0000_dead_beef),
            f64::MAX,
            f64::MIN,
            f64::MIN_POSITIVE,
            -f64::MIN_POSITIVE,
            5e-324,
            -5e-324,
            1e-310,
            -1e-310,
            1e300,
            -1e300,
            1.0,
            -1.0,
            f64::EPSILON,
            -f64::EPSILON,
            1e-17,
            -1e-17,
        ];
        let n = sp.len();
        sp.extend_from_within(0..n);
        groups.push(("specials", sp));
        groups
    }

    /// Bit patterns and events of the scalar loop for `xs`.
    fn reference(xs: &[f64]) -> (Vec<u64>, Vec<FpFlags>) {
        let mut fls = Vec::new();
        let bits = xs
            .chunks(64)
            .flat_map(|c| {
                let mut fl = FpFlags::default();
                let v: Vec<u64> = c
                    .iter()
                    .map(|&x| f64_fn(Un::Exp, x, &mut fl).to_bits())
                    .collect();
                fls.push(fl);
                v
            })
            .collect();
        (bits, fls)
    }

    #[test]
    fn matches_the_c_library_bit_for_bit() {
        let groups = inputs();
        let total: usize = groups.iter().map(|g| g.1.len()).sum();
        assert!(total >= 2_000_000, "{total}");
        for (name, xs) in &groups {
            let (want, want_fl) = reference(xs);
            for level in supported_levels() {
                let mut got = vec![0.0; xs.len()];
                let mut got_fl = Vec::new();
                for (x, o) in xs.chunks(64).zip(got.chunks_mut(64)) {
                    // SAFETY: equal lengths, distinct buffers; the level is supported.
                    got_fl
                        .push(unsafe { exp_raw_with(level, x.as_ptr(), o.as_mut_ptr(), x.len()) });
                }
                for (i, g) in got.iter().enumerate() {
                    assert_eq!(g.to_bits(), want[i], "{name} {level:?} exp({:e})", xs[i]);
                }
                assert_eq!(got_fl, want_fl, "{name} {level:?}");
            }
        }
        // glibc's accuracy as seen here: where it differs from the double nearest this
        // kernel's estimate, how far that estimate is from the midpoint (ulps). The bound
        // THR relies on is 0.011.
        let mut worst = 0.0f64;
        let mut count = 0;
        for &x in groups.iter().flat_map(|g| g.1.iter()) {
            if x.abs() <= XMAX {
                let (y, d) = model(x);
                if libm::exp(x).to_bits() != y.to_bits() {
                    assert!(d >= THR, "exp({x:e}) would have been kept");
                    worst = worst.max(0.5 - d);
                    count += 1;
                }
            }
        }
        eprintln!(
            "glibc rounded {count} inputs the other way, at most {worst:.5} ulp from a midpoint"
        );
    }

    #[test]
    fn lengths_offsets_and_in_place() {
        let mut r = Rng(7);
        for n in [0usize, 1, 3, 4, 7, 8, 9, 127, 128, 129, 300, 513] {
            for off in 0..8 {
                let xs: Vec<f64> = (0..n).map(|_| r.uniform(-750.0, 720.0)).collect();
                let mut buf = vec![0u8; n * 8 + 16];
                let mut obuf = vec![0u8; n * 8 + 16];
                for level in supported_levels() {
                    // SAFETY: both byte buffers hold n f64s at byte offset `off` (unaligned).
                    unsafe {
                        let px = buf.as_mut_ptr().add(off) as *mut f64;
                        let po = obuf.as_mut_ptr().add(off) as *mut f64;
                        for (i, &x) in xs.iter().enumerate() {
                            px.add(i).write_unaligned(x);
                            po.add(i).write_unaligned(-1.0);
                        }
                        exp_raw_with(level, px, po, n);
                        for (i, &x) in xs.iter().enumerate() {
                            assert_eq!(
                                po.add(i).read_unaligned().to_bits(),
                                libm::exp(x).to_bits()
                            );
                            assert_eq!(px.add(i).read_unaligned().to_bits(), x.to_bits());
                        }
                        // One past the end is untouched.
                        assert!(obuf[off + n * 8..].iter().all(|&b| b == 0));
                        // In place.
                        exp_raw_with(level, px, px, n);
                        for (i, &x) in xs.iter().enumerate() {
                            assert_eq!(
                                px.add(i).read_unaligned().to_bits(),
                                libm::exp(x).to_bits()
                            );
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn arrays_of_any_layout() {
        use crate::array::{DType, Order};
        use crate::kernels::math::unary_math;
        let n = 600_001;
        let xs: Vec<f64> = (0..n).map(|i| i as f64 * 2.5e-3 - 740.0).collect();
        let a = NdArray::from_vec(xs.clone(), &[n]).unwrap();
        let out = NdArray::zeros(&[n], DType::Float64, Order::C).unwrap();
        let fl = unary_math(Un::Exp, &out, &a);
        assert!(fl.overflow && fl.underflow && !fl.invalid && !fl.divide);
        let v = out.to_vec::<f64>().unwrap();
        assert!(
            v.iter()
                .zip(&xs)
                .all(|(o, &x)| o.to_bits() == libm::exp(x).to_bits())
        );
        // Reversed (negative stride) input.
        let mut rv = a.clone();
        rv.offset = (n - 1) * 8;
        rv.strides[0] = -8;
        unary_math(Un::Exp, &out, &rv);
        let v = out.to_vec::<f64>().unwrap();
        assert!(
            v.iter()
                .zip(xs.iter().rev())
                .all(|(o, &x)| o.to_bits() == libm::exp(x).to_bits())
        );
        // No events for results in range.
        let b = NdArray::from_vec(vec![1.0, -3.0, 700.0, -700.0], &[4]).unwrap();
        let o = NdArray::zeros(&[4], DType::Float64, Order::C).unwrap();
        assert!(!unary_math(Un::Exp, &o, &b).any());
    }

    #[test]
    fn slices() {
        let xs = [0.5, 1.0, 2.0, -1.0, 3.0];
        let mut o = [0.0; 5];
        exp_slice(&xs, &mut o);
        assert!(o.iter().zip(&xs).all(|(o, &x)| *o == libm::exp(x)));
    }
}
