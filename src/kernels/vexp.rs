//! Vectorised float64 `exp` whose every result is bit-identical to the C library's `exp`
//! (glibc), the function NumPy's scalar float64 loop calls.
//!
//! Each lane runs the C library's own algorithm (glibc since 2.28, from Arm's optimized
//! routines), operation for operation, with the fused multiply-adds of its FMA build,
//! which glibc selects on every CPU this kernel runs on:
//!
//! * `x = k ln2/128 + r`, `k` from rounding `x 128/ln2` by a fused multiply-add of the
//!   1.5 * 2^52 shift, `r` by two more with `ln2/128` split in two;
//! * `2^(k/128) = 2^(k >> 7) H[j] (1 + T[j])`, `j = k mod 128`, with `H[j]` the double
//!   nearest `2^(j/128)` and `T[j]` the double nearest the relative rest, both computed
//!   at first use from double-double square roots of 2;
//! * `exp(r) - 1 ~ r + r^2 (C2 + r C3) + r^4 (C4 + r C5)` with the library's coefficients,
//!   and the result `s + s (T[j] + ...)` by one fused multiply-add.
//!
//! The library's fast path covers `2^-54 <= |x| < 512`; every other input (tiny ones,
//! large ones that may overflow or give subnormals, infinities, NaN) is computed by the
//! C library's `exp` itself, with the events the scalar loop reports. At first use the
//! scalar form of the lane is checked against the C library on a spread of inputs; a C
//! library that computes otherwise (not glibc, or a CPU without FMA) gets the scalar
//! loop for everything.
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
/// `N / ln2`, rounded.
const INV_LN2_N: f64 = f64::from_bits(0x3ff7_1547_652b_82fe) * N as f64;
/// `-ln2/N = NEG_LN2_HI_N + NEG_LN2_LO_N`, the high part with trailing zero bits.
const NEG_LN2_HI_N: f64 = -f64::from_bits(0x3f76_2e42_fefa_0000);
const NEG_LN2_LO_N: f64 = -f64::from_bits(0x3d0c_f79a_bc9e_3b3a);
/// `1.5 * 2^52`: adding it rounds to an integer kept in the low mantissa bits.
const SHIFT: f64 = 6755399441055744.0;
/// The polynomial's coefficients (near `1/n!`, n = 2..5).
const C2: f64 = f64::from_bits(0x3fdf_ffff_ffff_fdbd);
const C3: f64 = f64::from_bits(0x3fc5_5555_5555_543c);
const C4: f64 = f64::from_bits(0x3fa5_5555_cf17_2b91);
const C5: f64 = f64::from_bits(0x3f81_1111_67a4_d017);
/// The fast path: `|x|` in `[LO, HI)`.
const LO: f64 = f64::from_bits(0x3c90_0000_0000_0000); // 2^-54
const HI: f64 = 512.0;

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

fn dd_mul(a: Dd, b: Dd) -> Dd {
    let p = a.hi * b.hi;
    let e = a.hi.mul_add(b.hi, -p) + (a.hi * b.lo + a.lo * b.hi);
    fast2sum(p, e)
}

/// Square root of a positive `a`; the remainder `a.hi - s^2` is exact.
fn dd_sqrt(a: Dd) -> Dd {
    let s = a.hi.sqrt();
    let e = (-s).mul_add(s, a.hi) + a.lo;
    fast2sum(s, e / (2.0 * s))
}

/// The table, computed once.
struct Consts {
    /// `2^(j/N) = H[j] (1 + tau[j])`.
    tau: [f64; N],
    /// The bits of `H[j]` less `j << 45`: adding `k << 45` gives `2^(k >> 7) H[j]`.
    sbits: [u64; N],
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
        let sbits = std::array::from_fn(|j| th[j].to_bits().wrapping_sub((j as u64) << 45));
        Consts { tau, sbits }
    })
}

/// One lane of the kernels in scalar form: the C library's result for `x` in the fast
/// path.
fn lane(x: f64, c: &Consts) -> f64 {
    let kd = INV_LN2_N.mul_add(x, SHIFT);
    let ki = kd.to_bits();
    let kd = kd - SHIFT;
    let r = kd.mul_add(NEG_LN2_LO_N, kd.mul_add(NEG_LN2_HI_N, x));
    let j = (ki % N as u64) as usize;
    let scale = f64::from_bits(c.sbits[j].wrapping_add(ki << 45));
    let r2 = r * r;
    let tmp = r2.mul_add(
        r2 * r.mul_add(C5, C4),
        r2.mul_add(r.mul_add(C3, C2), c.tau[j] + r),
    );
    scale.mul_add(tmp, scale)
}

/// Whether [`lane`] gives the C library's bits: checked once on inputs spread over the
/// fast path (uniform ones, each binade, and the halfway cases of the reduction).
fn lane_matches_libm() -> bool {
    let c = consts();
    let mut s = 0x9e37_79b9_7f4a_7c15u64;
    (0..30_000).all(|i| {
        s ^= s << 13;
        s ^= s >> 7;
        s ^= s << 17;
        let u = (s >> 11) as f64 / (1u64 << 53) as f64;
        let x = match i % 3 {
            0 => (u - 0.5) * 2.0 * HI,
            1 => {
                // |x| in [2^-54, 2^9): any binade of the fast path.
                let e = (s >> 3) % 63;
                f64::from_bits(((0x3c9 + e) << 52) | (s & ((1 << 52) - 1))) * (u - 0.5).signum()
            }
            _ => {
                // Near an odd multiple of ln2/256, where x 128/ln2 rounds a half.
                let m = ((s >> 20) % 180_000) as f64 - 90_000.0;
                let x = (2.0 * m + 1.0) * (std::f64::consts::LN_2 / 256.0);
                f64::from_bits((x.to_bits() as i64 + (s % 3) as i64 - 1) as u64)
            }
        };
        !(LO..HI).contains(&x.abs()) || lane(x, c).to_bits() == super::math::libm::exp(x).to_bits()
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

/// Kernels this CPU can run (and that give this C library's results), slowest first.
pub fn supported_levels() -> Vec<Level> {
    let mut v = vec![Level::Scalar];
    static SAME: OnceLock<bool> = OnceLock::new();
    if !*SAME.get_or_init(lane_matches_libm) {
        return v;
    }
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
        neg_hi: __m256d,
        neg_lo: __m256d,
        c: [__m256d; 4],
        m127: __m256i,
        abs: __m256d,
        lo: __m256d,
        hi: __m256d,
        sbits: *const u64,
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

    /// Four lanes: [`lane`] of each, and the mask of lanes in the fast path.
    #[target_feature(enable = "avx2,fma,popcnt")]
    #[inline]
    fn core4(x: __m256d, k: &K4) -> (__m256d, __m256d) {
        let kd = _mm256_fmadd_pd(k.inv, x, k.shift);
        let ki = _mm256_castpd_si256(kd);
        let kd = _mm256_sub_pd(kd, k.shift);
        let r = _mm256_fmadd_pd(kd, k.neg_lo, _mm256_fmadd_pd(kd, k.neg_hi, x));
        let j = _mm256_and_si256(ki, k.m127);
        // SAFETY: the indices are masked to 0..N.
        let (sb, tail) = unsafe {
            (
                _mm256_i64gather_epi64::<8>(k.sbits as *const i64, j),
                _mm256_i64gather_pd::<8>(k.tau, j),
            )
        };
        let scale = _mm256_castsi256_pd(_mm256_add_epi64(sb, _mm256_slli_epi64::<45>(ki)));
        let r2 = _mm256_mul_pd(r, r);
        let p = _mm256_fmadd_pd(r, k.c[1], k.c[0]);
        let q = _mm256_fmadd_pd(r, k.c[3], k.c[2]);
        let tmp = _mm256_fmadd_pd(
            r2,
            _mm256_mul_pd(r2, q),
            _mm256_fmadd_pd(r2, p, _mm256_add_pd(tail, r)),
        );
        let y = _mm256_fmadd_pd(scale, tmp, scale);
        let ax = _mm256_and_pd(x, k.abs);
        let ok = _mm256_and_pd(
            _mm256_cmp_pd::<_CMP_GE_OQ>(ax, k.lo),
            _mm256_cmp_pd::<_CMP_LT_OQ>(ax, k.hi),
        );
        (y, ok)
    }

    /// # Safety
    /// As [`exp_raw_with`]; the CPU must have AVX2, FMA and POPCNT.
    #[target_feature(enable = "avx2,fma,popcnt")]
    pub unsafe fn avx2(px: *const f64, po: *mut f64, n: usize, c: &Consts, fl: &mut FpFlags) {
        let k = K4 {
            inv: _mm256_set1_pd(INV_LN2_N),
            shift: _mm256_set1_pd(SHIFT),
            neg_hi: _mm256_set1_pd(NEG_LN2_HI_N),
            neg_lo: _mm256_set1_pd(NEG_LN2_LO_N),
            c: [C2, C3, C4, C5].map(|v| _mm256_set1_pd(v)),
            m127: _mm256_set1_epi64x(127),
            abs: _mm256_castsi256_pd(_mm256_set1_epi64x(0x7fff_ffff_ffff_ffff)),
            lo: _mm256_set1_pd(LO),
            hi: _mm256_set1_pd(HI),
            sbits: c.sbits.as_ptr(),
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
        neg_hi: __m512d,
        neg_lo: __m512d,
        c: [__m512d; 4],
        m127: __m512i,
        lo: __m512d,
        hi: __m512d,
        sbits: *const u64,
        tau: *const f64,
    }

    /// Eight lanes: [`lane`] of each, and the mask of lanes in the fast path.
    #[target_feature(enable = "avx512f,popcnt")]
    #[inline]
    fn core8(x: __m512d, k: &K8) -> (__m512d, __mmask8) {
        let kd = _mm512_fmadd_pd(k.inv, x, k.shift);
        let ki = _mm512_castpd_si512(kd);
        let kd = _mm512_sub_pd(kd, k.shift);
        let r = _mm512_fmadd_pd(kd, k.neg_lo, _mm512_fmadd_pd(kd, k.neg_hi, x));
        let j = _mm512_and_si512(ki, k.m127);
        // SAFETY: the indices are masked to 0..N.
        let (sb, tail) = unsafe {
            (
                _mm512_i64gather_epi64::<8>(j, k.sbits as *const i64),
                _mm512_i64gather_pd::<8>(j, k.tau),
            )
        };
        let scale = _mm512_castsi512_pd(_mm512_add_epi64(sb, _mm512_slli_epi64::<45>(ki)));
        let r2 = _mm512_mul_pd(r, r);
        let p = _mm512_fmadd_pd(r, k.c[1], k.c[0]);
        let q = _mm512_fmadd_pd(r, k.c[3], k.c[2]);
        let tmp = _mm512_fmadd_pd(
            r2,
            _mm512_mul_pd(r2, q),
            _mm512_fmadd_pd(r2, p, _mm512_add_pd(tail, r)),
        );
        let y = _mm512_fmadd_pd(scale, tmp, scale);
        let ax = _mm512_abs_pd(x);
        let ok = _mm512_mask_cmp_pd_mask::<_CMP_LT_OQ>(
            _mm512_cmp_pd_mask::<_CMP_GE_OQ>(ax, k.lo),
            ax,
            k.hi,
        );
        (y, ok)
    }

    /// # Safety
    /// As [`exp_raw_with`]; the CPU must have AVX-512F and POPCNT.
    #[target_feature(enable = "avx512f,popcnt")]
    pub unsafe fn avx512(px: *const f64, po: *mut f64, n: usize, c: &Consts, fl: &mut FpFlags) {
        let k = K8 {
            inv: _mm512_set1_pd(INV_LN2_N),
            shift: _mm512_set1_pd(SHIFT),
            neg_hi: _mm512_set1_pd(NEG_LN2_HI_N),
            neg_lo: _mm512_set1_pd(NEG_LN2_LO_N),
            c: [C2, C3, C4, C5].map(|v| _mm512_set1_pd(v)),
            m127: _mm512_set1_epi64(127),
            lo: _mm512_set1_pd(LO),
            hi: _mm512_set1_pd(HI),
            sbits: c.sbits.as_ptr(),
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

    #[test]
    fn table_is_accurate() {
        let c = consts();
        // 2^(j/N) = H (1 + tau): check (H + H tau)^N against 2^j to 2^-90 relative,
        // i.e. each entry to about 2^-97.
        const S: i64 = 220;
        for j in 0..N {
            let h = f64::from_bits(c.sbits[j].wrapping_add((j as u64) << 45));
            let (mh, eh) = parts(h);
            let (mt, et) = parts(c.tau[j]);
            let v = (&mh << (eh + S) as usize) + ((&mh * &mt) << (eh + et + S) as usize);
            let lhs = v.pow(N as u32);
            let rhs = BigInt::from(1) << (j as i64 + S * N as i64) as usize;
            let err: BigInt = (lhs - &rhs) << 90;
            assert!(err.magnitude() <= rhs.magnitude(), "entry {j}");
            // H is the double nearest 2^(j/N): |tau| at most half an ulp of 1.
            assert!(c.tau[j].abs() <= f64::EPSILON / 2.0, "entry {j}");
        }
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
        groups.push(("fast-path edge +", near(HI, 1e-6, 10_000, &mut r)));
        groups.push(("fast-path edge -", near(-HI, 1e-6, 10_000, &mut r)));
        groups.push(("tiny edge +", near(LO, 1e-20, 10_000, &mut r)));
        groups.push(("tiny edge -", near(-LO, 1e-20, 10_000, &mut r)));
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
        // Both signs of each binade of the fast path.
        let mut binades = Vec::new();
        for e in -54..9 {
            for _ in 0..2_000 {
                let v = r.uniform(1.0, 2.0) * 2f64.powi(e);
                binades.extend([v, -v]);
            }
        }
        groups.push(("binades", binades));
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
        // The scalar form of a lane, on its own.
        assert!(lane_matches_libm());
        let c = consts();
        for &x in groups.iter().flat_map(|g| g.1.iter()) {
            if (LO..HI).contains(&x.abs()) {
                assert_eq!(lane(x, c).to_bits(), libm::exp(x).to_bits(), "exp({x:e})");
            }
        }
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
