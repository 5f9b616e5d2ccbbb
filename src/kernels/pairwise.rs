//! NumPy's pairwise summation (`<TYPE>_pairwise_sum` in `loops_utils.h.src`): eight
//! accumulators over blocks of 8, blocks of at most 128 elements, halves split at a
//! multiple of 8, over raw strided runs: `np.add.reduce` on float runs uses it (the
//! reductions in `reduce` have their own slice-based kernel of the same order).

/// The float types the pairwise kernel runs on (float16 sums run in float32).
pub trait PwFloat: Copy + std::ops::Add<Output = Self> {
    const NEG_ZERO: Self;
}
impl PwFloat for f64 {
    const NEG_ZERO: f64 = -0.0;
}
impl PwFloat for f32 {
    const NEG_ZERO: f32 = -0.0;
}

/// Pairwise sum of `n` values read by `get(i)`.
pub fn pairwise<T: PwFloat>(n: usize, get: &impl Fn(usize) -> T) -> T {
    pairwise_from(0, n, get)
}

fn pairwise_from<T: PwFloat>(start: usize, n: usize, get: &impl Fn(usize) -> T) -> T {
    if n < 8 {
        let mut res = T::NEG_ZERO;
        for i in 0..n {
            res = res + get(start + i);
        }
        res
    } else if n <= 128 {
        let mut r: [T; 8] = std::array::from_fn(|k| get(start + k));
        let mut i = 8;
        while i < n - n % 8 {
            for (k, rk) in r.iter_mut().enumerate() {
                *rk = *rk + get(start + i + k);
            }
            i += 8;
        }
        let mut res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
        while i < n {
            res = res + get(start + i);
            i += 1;
        }
        res
    } else {
        let mut n2 = n / 2;
        n2 -= n2 % 8;
        pairwise_from(start, n2, get) + pairwise_from(start + n2, n - n2, get)
    }
}

/// Pairwise sum of a strided run of `f64` (`stride` in bytes).
///
/// # Safety
/// `p + i * stride` must be readable for `i < n`.
pub unsafe fn pairwise_f64(p: *const u8, n: usize, stride: isize) -> f64 {
    // SAFETY: guaranteed by the caller.
    pairwise(n, &|i| unsafe {
        (p.offset(i as isize * stride) as *const f64).read_unaligned()
    })
}

/// Pairwise sum of a strided run of `f32`.
///
/// # Safety
/// As [`pairwise_f64`].
pub unsafe fn pairwise_f32(p: *const u8, n: usize, stride: isize) -> f32 {
    // SAFETY: guaranteed by the caller.
    pairwise(n, &|i| unsafe {
        (p.offset(i as isize * stride) as *const f32).read_unaligned()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ten_tenths_is_one() {
        let x = [0.1f64; 10];
        let s = 0.0 + unsafe { pairwise_f64(x.as_ptr() as *const u8, 10, 8) };
        assert_eq!(s, 1.0);
        let naive: f64 = x.iter().sum();
        assert_eq!(naive, 0.9999999999999999);
    }

    #[test]
    fn matches_numpy_for_arange() {
        // np.sum(np.arange(1, 21) / 10) == 21.0
        let y: Vec<f64> = (1..=20).map(|i| i as f64 / 10.0).collect();
        assert_eq!(
            0.0 + unsafe { pairwise_f64(y.as_ptr() as *const u8, 20, 8) },
            21.0
        );
        for n in [0usize, 1, 7, 8, 9, 127, 128, 129, 1000] {
            let v: Vec<f32> = (0..n).map(|i| i as f32).collect();
            let s = unsafe { pairwise_f32(v.as_ptr() as *const u8, n, 4) };
            assert_eq!(s, (n * n.saturating_sub(1) / 2) as f32);
        }
    }
}
