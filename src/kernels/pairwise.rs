//! NumPy's pairwise summation (`<TYPE>_pairwise_sum` in `loops_utils.h.src`), the one
//! kernel every float `add` reduction uses (`np.sum`, `np.add.reduce`, mean/var/std):
//! below 8 elements a plain sum from -0.0; up to 128 (`PW_BLOCKSIZE`), eight
//! accumulators over blocks of 8 combined as `((r0+r1)+(r2+r3))+((r4+r5)+(r6+r7))`, then
//! the leftovers in order; above, the two halves (split at a multiple of 8) summed
//! recursively. The kernel reads its run through [`Run`]: a contiguous slice, or a
//! strided run of raw memory.

/// The largest run the kernel sums without splitting it.
pub const PW_BLOCKSIZE: usize = 128;
/// Runs at least this large have their top subtrees computed on two threads.
const PAR_MIN: usize = 1 << 19;

/// A float accumulator of the pairwise kernel (float16 sums run in float32).
pub trait Acc: Copy + std::ops::Add<Output = Self> + Send + Sync {
    const NEG_ZERO: Self;
}
impl Acc for f64 {
    const NEG_ZERO: f64 = -0.0;
}
impl Acc for f32 {
    const NEG_ZERO: f32 = -0.0;
}

/// A run of elements the kernel sums.
pub trait Run: Copy {
    type Item: Copy;
    fn len(self) -> usize;
    fn is_empty(self) -> bool {
        self.len() == 0
    }
    /// Element `i` (`i < len`).
    fn get(self, i: usize) -> Self::Item;
    /// Elements `i..i + 8` (`i + 8 <= len`).
    fn block(self, i: usize) -> [Self::Item; 8];
    /// The runs before and from `at` (`at <= len`).
    fn split(self, at: usize) -> (Self, Self);
}

impl<T: Copy> Run for &[T] {
    type Item = T;
    #[inline(always)]
    fn len(self) -> usize {
        <[T]>::len(self)
    }
    #[inline(always)]
    fn get(self, i: usize) -> T {
        self[i]
    }
    #[inline(always)]
    fn block(self, i: usize) -> [T; 8] {
        let b: &[T; 8] = self[i..i + 8].try_into().unwrap_or_else(|_| unreachable!());
        *b
    }
    #[inline(always)]
    fn split(self, at: usize) -> (Self, Self) {
        self.split_at(at)
    }
}

/// `n` elements of type `T` at `p`, `stride` bytes apart (possibly unaligned).
pub struct Strided<T> {
    p: *const u8,
    n: usize,
    stride: isize,
    _t: std::marker::PhantomData<T>,
}
impl<T> Clone for Strided<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T> Copy for Strided<T> {}

impl<T: Copy> Strided<T> {
    /// # Safety
    /// `p + i * stride` must hold a readable `T` for every `i < n`.
    pub unsafe fn new(p: *const u8, n: usize, stride: isize) -> Self {
        Strided {
            p,
            n,
            stride,
            _t: std::marker::PhantomData,
        }
    }
}

impl<T: Copy> Run for Strided<T> {
    type Item = T;
    #[inline(always)]
    fn len(self) -> usize {
        self.n
    }
    #[inline(always)]
    fn get(self, i: usize) -> T {
        debug_assert!(i < self.n);
        // SAFETY: `i < n`, readable by the contract of `new`.
        unsafe { (self.p.offset(i as isize * self.stride) as *const T).read_unaligned() }
    }
    #[inline(always)]
    fn block(self, i: usize) -> [T; 8] {
        std::array::from_fn(|k| self.get(i + k))
    }
    #[inline(always)]
    fn split(self, at: usize) -> (Self, Self) {
        let at = at.min(self.n);
        let hi = Strided {
            // SAFETY: `at <= n`, so the pointer stays inside (or one past) the run.
            p: self.p.wrapping_offset(at as isize * self.stride),
            n: self.n - at,
            ..self
        };
        (Strided { n: at, ..self }, hi)
    }
}

/// Where the kernel splits a run of `n > 128`: half, rounded down to a multiple of 8.
#[inline]
pub fn split_point(n: usize) -> usize {
    let n2 = n / 2;
    n2 - n2 % 8
}

/// NumPy's `<TYPE>_pairwise_sum` over a run, each element converted by `load`.
#[inline]
pub fn pairwise<R: Run, F: Acc>(a: R, load: impl Fn(R::Item) -> F + Copy) -> F {
    let n = a.len();
    if n < 8 {
        let mut res = F::NEG_ZERO;
        for i in 0..n {
            res = res + load(a.get(i));
        }
        res
    } else if n <= PW_BLOCKSIZE {
        let b = a.block(0);
        let mut r: [F; 8] = std::array::from_fn(|k| load(b[k]));
        let full = n - n % 8;
        let mut i = 8;
        while i < full {
            let b = a.block(i);
            for k in 0..8 {
                r[k] = r[k] + load(b[k]);
            }
            i += 8;
        }
        let mut res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
        for i in full..n {
            res = res + load(a.get(i));
        }
        res
    } else {
        let (lo, hi) = a.split(split_point(n));
        pairwise(lo, load) + pairwise(hi, load)
    }
}

/// [`pairwise`] with the subtrees below the first splits computed on two threads (the
/// same tree, so the same bits).
pub fn pairwise_par<T: Copy + Sync, F: Acc>(
    a: &[T],
    load: impl Fn(T) -> F + Copy + Send + Sync,
) -> F {
    if a.len() < PAR_MIN {
        return pairwise(a, load);
    }
    // The leaves of the top four levels of the tree, as the kernel splits.
    fn leaves<'a, T>(a: &'a [T], depth: u32, out: &mut Vec<&'a [T]>) {
        if depth == 0 || a.len() <= PW_BLOCKSIZE {
            out.push(a);
            return;
        }
        let (lo, hi) = a.split_at(split_point(a.len()));
        leaves(lo, depth - 1, out);
        leaves(hi, depth - 1, out);
    }
    let mut parts = Vec::new();
    leaves(a, 4, &mut parts);
    let sums: Vec<std::sync::Mutex<Option<F>>> =
        parts.iter().map(|_| std::sync::Mutex::new(None)).collect();
    crate::kernels::reduce::par_tasks(parts.len(), |i| {
        let v = pairwise(parts[i], load);
        if let Ok(mut slot) = sums[i].lock() {
            *slot = Some(v);
        }
    });
    let mut vals = sums.into_iter().map(|m| m.into_inner().ok().flatten());
    // Recombine in the tree's order.
    fn combine<T, F: Acc>(
        a: &[T],
        depth: u32,
        vals: &mut dyn Iterator<Item = Option<F>>,
        load: &dyn Fn(&[T]) -> F,
    ) -> F {
        if depth == 0 || a.len() <= PW_BLOCKSIZE {
            return vals.next().flatten().unwrap_or_else(|| load(a));
        }
        let (lo, hi) = a.split_at(split_point(a.len()));
        let x = combine(lo, depth - 1, vals, load);
        let y = combine(hi, depth - 1, vals, load);
        x + y
    }
    combine(a, 4, &mut vals, &|s: &[T]| pairwise(s, load))
}

/// NumPy's complex pairwise sum over interleaved (re, im) scalars: blocks of 8 scalars
/// (four accumulators per component) combined as `(r0+r2)+(r4+r6)` and `(r1+r3)+(r5+r7)`,
/// the same split rule on the scalar count.
pub fn pairwise_pairs<R: Run<Item = F>, F: Acc>(a: R) -> (F, F) {
    let n = a.len();
    if n < 8 {
        let (mut rr, mut ri) = (F::NEG_ZERO, F::NEG_ZERO);
        for i in (0..n - n % 2).step_by(2) {
            rr = rr + a.get(i);
            ri = ri + a.get(i + 1);
        }
        (rr, ri)
    } else if n <= PW_BLOCKSIZE {
        let mut r = a.block(0);
        let full = n - n % 8;
        let mut i = 8;
        while i < full {
            let b = a.block(i);
            for k in 0..8 {
                r[k] = r[k] + b[k];
            }
            i += 8;
        }
        let mut rr = (r[0] + r[2]) + (r[4] + r[6]);
        let mut ri = (r[1] + r[3]) + (r[5] + r[7]);
        let mut i = full;
        while i + 2 <= n {
            rr = rr + a.get(i);
            ri = ri + a.get(i + 1);
            i += 2;
        }
        (rr, ri)
    } else {
        let (lo, hi) = a.split(split_point(n));
        let (a1, b1) = pairwise_pairs(lo);
        let (a2, b2) = pairwise_pairs(hi);
        (a1 + a2, b1 + b2)
    }
}

/// Pairwise sum of a strided run of `f64` (`stride` in bytes).
///
/// # Safety
/// `p + i * stride` must be readable for `i < n`.
pub unsafe fn pairwise_f64(p: *const u8, n: usize, stride: isize) -> f64 {
    if stride == 8 && (p as usize).is_multiple_of(std::mem::align_of::<f64>()) {
        // SAFETY: contiguous and aligned, readable by the caller's guarantee.
        let xs = unsafe { std::slice::from_raw_parts(p as *const f64, n) };
        return pairwise(xs, |x| x);
    }
    // SAFETY: guaranteed by the caller.
    pairwise(unsafe { Strided::<f64>::new(p, n, stride) }, |x| x)
}

/// Pairwise sum of a strided run of `f32`.
///
/// # Safety
/// As [`pairwise_f64`].
pub unsafe fn pairwise_f32(p: *const u8, n: usize, stride: isize) -> f32 {
    if stride == 4 && (p as usize).is_multiple_of(std::mem::align_of::<f32>()) {
        // SAFETY: contiguous and aligned, readable by the caller's guarantee.
        let xs = unsafe { std::slice::from_raw_parts(p as *const f32, n) };
        return pairwise(xs, |x| x);
    }
    // SAFETY: guaranteed by the caller.
    pairwise(unsafe { Strided::<f32>::new(p, n, stride) }, |x| x)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A direct transcription of the C kernel, as the reference.
    fn reference(a: &[f64]) -> f64 {
        let n = a.len();
        if n < 8 {
            let mut res = -0.0;
            for &x in a {
                res += x;
            }
            res
        } else if n <= 128 {
            let mut r = [0.0; 8];
            r.copy_from_slice(&a[..8]);
            let mut i = 8;
            while i < n - n % 8 {
                for k in 0..8 {
                    r[k] += a[i + k];
                }
                i += 8;
            }
            let mut res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
            while i < n {
                res += a[i];
                i += 1;
            }
            res
        } else {
            let mut n2 = n / 2;
            n2 -= n2 % 8;
            reference(&a[..n2]) + reference(&a[n2..])
        }
    }

    #[test]
    fn ten_tenths_is_one() {
        let x = [0.1f64; 10];
        let s = 0.0 + unsafe { pairwise_f64(x.as_ptr() as *const u8, 10, 8) };
        assert_eq!(s, 1.0);
        let naive: f64 = x.iter().sum();
        assert_eq!(naive, 0.9999999999999999);
        assert!(pairwise(&[-0.0, -0.0][..], |x: f64| x).is_sign_negative());
        assert!(pairwise::<&[f64], f64>(&[], |x| x).is_sign_negative());
    }

    #[test]
    fn slice_strided_and_reference_agree() {
        let mut seed = 0x2545F4914F6CDD1Du64;
        let vals: Vec<f64> = (0..6000)
            .map(|_| {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                (seed >> 11) as f64 / (1u64 << 53) as f64 - 0.3
            })
            .collect();
        for n in [
            0usize, 1, 7, 8, 9, 15, 16, 17, 127, 128, 129, 130, 1000, 2999,
        ] {
            let a = &vals[..n];
            let want = reference(a).to_bits();
            assert_eq!(pairwise(a, |x| x).to_bits(), want, "n={n}");
            // Every other element of a run twice as long.
            let b: Vec<f64> = a.iter().flat_map(|&x| [x, 99.0]).collect();
            let s = unsafe { pairwise_f64(b.as_ptr() as *const u8, n, 16) };
            assert_eq!(s.to_bits(), want, "strided n={n}");
        }
        assert_eq!(
            pairwise_par(&vals[..], |x| x).to_bits(),
            reference(&vals).to_bits()
        );
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
