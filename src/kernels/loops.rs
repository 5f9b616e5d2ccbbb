//! The one elementwise driver every ufunc loop runs on: operands of one shape walked in C
//! order by innermost runs, with a contiguous fast path, a strided fallback, and arrays
//! above [`PAR_THRESHOLD`] elements split along their first axis across the cores.

use super::FpFlags;
use crate::array::iter::Runs;
use crate::array::{Element, NdArray};

/// Arrays with at least this many elements are split between threads.
pub const PAR_THRESHOLD: usize = 1 << 18;

/// An operand as raw parts: base pointer of its buffer, byte offset and byte strides.
#[derive(Clone, Copy)]
pub struct Raw<'a> {
    pub base: *mut u8,
    pub offset: usize,
    pub strides: &'a [isize],
}

// SAFETY: the driver only shares these between threads that touch disjoint output
// elements of buffers kept alive by the caller for the whole call.
unsafe impl Send for Raw<'_> {}
unsafe impl Sync for Raw<'_> {}

impl<'a> Raw<'a> {
    pub fn of(a: &'a NdArray) -> Raw<'a> {
        Raw {
            base: a.storage.as_ptr(),
            offset: a.offset,
            strides: &a.strides,
        }
    }
}

/// How many threads to use for `n` elements.
pub fn threads_for(n: usize) -> usize {
    if n < PAR_THRESHOLD {
        return 1;
    }
    use std::sync::OnceLock;
    static CORES: OnceLock<usize> = OnceLock::new();
    let cores = *CORES.get_or_init(|| {
        std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(1)
            .min(8)
    });
    cores.min(n / (PAR_THRESHOLD / 2)).max(1)
}

/// A run: start pointers of each operand, the length, and each operand's byte stride.
pub type Run<const N: usize> = ([*mut u8; N], usize, [isize; N]);

/// Calls `body` on every run of `N` operands of `shape` (operand 0 is the output), on
/// several threads when the array is large. Returns the union of the runs' flags.
pub fn drive<const N: usize, F>(shape: &[usize], ops: [Raw; N], body: F) -> FpFlags
where
    F: Fn(Run<N>) -> FpFlags + Sync,
{
    let size: usize = shape.iter().product();
    if size == 0 {
        return FpFlags::default();
    }
    let nt = threads_for(size);
    if nt <= 1 || shape.is_empty() || shape[0] < 2 {
        return drive_serial(shape, &ops, &body);
    }
    let n0 = shape[0];
    let per = n0.div_ceil(nt);
    let body = &body;
    std::thread::scope(|s| {
        let mut handles: Vec<std::thread::ScopedJoinHandle<'_, FpFlags>> = Vec::new();
        let mut lo = 0;
        while lo < n0 {
            let hi = (lo + per).min(n0);
            let mut sub_shape: smallvec::SmallVec<[usize; 4]> = shape.into();
            sub_shape[0] = hi - lo;
            let sub: [Raw; N] = std::array::from_fn(|k| Raw {
                offset: (ops[k].offset as isize + lo as isize * ops[k].strides[0]) as usize,
                ..ops[k]
            });
            if hi == n0 {
                // The calling thread takes the last part.
                let mine = drive_serial(&sub_shape, &sub, body);
                let mut fl = mine;
                for h in handles {
                    let f: FpFlags = h.join().unwrap_or_default();
                    fl = fl.union(f);
                }
                return fl;
            }
            handles.push(s.spawn(move || drive_serial(&sub_shape, &sub, body)));
            lo = hi;
        }
        FpFlags::default()
    })
}

fn drive_serial<const N: usize, F>(shape: &[usize], ops: &[Raw; N], body: &F) -> FpFlags
where
    F: Fn(Run<N>) -> FpFlags,
{
    // Elementwise results do not depend on the visiting order: when the last axis is
    // short and another is long, make the long one the inner loop (fewer, longer runs).
    let nd = shape.len();
    if nd >= 2 && shape[nd - 1] < 16 {
        let (best, &len) = shape
            .iter()
            .enumerate()
            .max_by_key(|(_, n)| **n)
            .unwrap_or((nd - 1, &0));
        if best != nd - 1 && len >= 64 {
            let mut perm: smallvec::SmallVec<[usize; 4]> = (0..nd).filter(|&i| i != best).collect();
            perm.push(best);
            let sh: smallvec::SmallVec<[usize; 4]> = perm.iter().map(|&i| shape[i]).collect();
            let st: [smallvec::SmallVec<[isize; 4]>; N] =
                std::array::from_fn(|k| perm.iter().map(|&i| ops[k].strides[i]).collect());
            let runs = Runs::<N>::new(
                &sh,
                std::array::from_fn(|k| &st[k][..]),
                std::array::from_fn(|k| ops[k].offset),
            );
            return run_all(runs, ops, body);
        }
    }
    let runs = Runs::<N>::new(
        shape,
        std::array::from_fn(|k| ops[k].strides),
        std::array::from_fn(|k| ops[k].offset),
    );
    run_all(runs, ops, body)
}

fn run_all<const N: usize, F>(runs: Runs<N>, ops: &[Raw; N], body: &F) -> FpFlags
where
    F: Fn(Run<N>) -> FpFlags,
{
    let n = runs.inner_len;
    let st = runs.inner_strides;
    let mut fl = FpFlags::default();
    for offs in runs {
        // SAFETY: run offsets lie inside each operand's buffer.
        let ptrs: [*mut u8; N] = std::array::from_fn(|k| unsafe { ops[k].base.add(offs[k]) });
        fl = fl.union(body((ptrs, n, st)));
    }
    fl
}

/// Runs `f(start, len)` over `0..n` in one chunk per thread (one chunk below the
/// threshold); returns the union of the chunks' flags.
pub fn par_chunks<F>(n: usize, f: F) -> FpFlags
where
    F: Fn(usize, usize) -> FpFlags + Sync,
{
    let nt = threads_for(n);
    if nt <= 1 {
        return f(0, n);
    }
    let per = n.div_ceil(nt);
    let f = &f;
    std::thread::scope(|s| {
        let handles: Vec<_> = (1..nt)
            .map(|t| {
                let lo = (t * per).min(n);
                let len = per.min(n - lo);
                s.spawn(move || f(lo, len))
            })
            .collect();
        let mut fl = f(0, per.min(n));
        for h in handles {
            fl = fl.union(h.join().unwrap_or_default());
        }
        fl
    })
}

/// Size of `T` as a byte stride.
#[inline(always)]
pub const fn sz<T>() -> isize {
    std::mem::size_of::<T>() as isize
}

/// `out = f(a)` elementwise; `f` also records events in the flags it is given.
pub fn map1<A: Element, O: Element, F>(out: &NdArray, a: &NdArray, f: F) -> FpFlags
where
    F: Fn(A, &mut FpFlags) -> O + Sync,
{
    drive(
        &out.shape,
        [Raw::of(out), Raw::of(a)],
        |([po, pa], n, [so, sa])| {
            let mut fl = FpFlags::default();
            // SAFETY: each run stays inside its operand; elements may be unaligned.
            unsafe {
                if so == sz::<O>() && sa == sz::<A>() {
                    let (o, x) = (po as *mut O, pa as *const A);
                    for i in 0..n {
                        o.add(i)
                            .write_unaligned(f(x.add(i).read_unaligned(), &mut fl));
                    }
                } else {
                    for i in 0..n as isize {
                        let v = (pa.offset(i * sa) as *const A).read_unaligned();
                        (po.offset(i * so) as *mut O).write_unaligned(f(v, &mut fl));
                    }
                }
            }
            fl
        },
    )
}

/// `out = f(a, b)` elementwise.
pub fn map2<A: Element, B: Element, O: Element, F>(
    out: &NdArray,
    a: &NdArray,
    b: &NdArray,
    f: F,
) -> FpFlags
where
    F: Fn(A, B, &mut FpFlags) -> O + Sync,
{
    drive(
        &out.shape,
        [Raw::of(out), Raw::of(a), Raw::of(b)],
        |([po, pa, pb], n, [so, sa, sb])| {
            let mut fl = FpFlags::default();
            // SAFETY: each run stays inside its operand; elements may be unaligned.
            unsafe {
                let (o, x, y) = (po as *mut O, pa as *const A, pb as *const B);
                if so == sz::<O>() && sa == sz::<A>() && sb == sz::<B>() {
                    for i in 0..n {
                        o.add(i).write_unaligned(f(
                            x.add(i).read_unaligned(),
                            y.add(i).read_unaligned(),
                            &mut fl,
                        ));
                    }
                } else if so == sz::<O>() && sa == sz::<A>() && sb == 0 {
                    let yv = y.read_unaligned();
                    for i in 0..n {
                        o.add(i)
                            .write_unaligned(f(x.add(i).read_unaligned(), yv, &mut fl));
                    }
                } else if so == sz::<O>() && sa == 0 && sb == sz::<B>() {
                    let xv = x.read_unaligned();
                    for i in 0..n {
                        o.add(i)
                            .write_unaligned(f(xv, y.add(i).read_unaligned(), &mut fl));
                    }
                } else {
                    for i in 0..n as isize {
                        let u = (pa.offset(i * sa) as *const A).read_unaligned();
                        let v = (pb.offset(i * sb) as *const B).read_unaligned();
                        (po.offset(i * so) as *mut O).write_unaligned(f(u, v, &mut fl));
                    }
                }
            }
            fl
        },
    )
}

/// `out[i] = src[i]` where `mask[i]` (all three of one shape, `src` of `out`'s dtype).
pub fn masked_copy(out: &NdArray, src: &NdArray, mask: &NdArray) {
    let w = out.itemsize();
    drive(
        &out.shape,
        [Raw::of(out), Raw::of(src), Raw::of(mask)],
        |([po, ps, pm], n, [so, ss, sm])| {
            // SAFETY: runs stay inside the operands; the mask holds bools (0 or 1).
            unsafe {
                for i in 0..n as isize {
                    if *pm.offset(i * sm) != 0 {
                        std::ptr::copy_nonoverlapping(ps.offset(i * ss), po.offset(i * so), w);
                    }
                }
            }
            FpFlags::default()
        },
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::array::Order;

    #[test]
    fn map2_layouts_and_threads() {
        for n in [0usize, 1, 7, 8, 9, 127, 128, 129, 1_000_003] {
            let a = NdArray::from_vec((0..n).map(|i| i as f64).collect(), &[n]).unwrap();
            let b = NdArray::from_vec((0..n).map(|i| (i * 2) as f64).collect(), &[n]).unwrap();
            let out = NdArray::zeros(&[n], crate::array::DType::Float64, Order::C).unwrap();
            map2::<f64, f64, f64, _>(&out, &a, &b, |x, y, _| x + y);
            let v = out.to_vec::<f64>().unwrap();
            assert!(v.iter().enumerate().all(|(i, &x)| x == (3 * i) as f64));
            // negative stride: reversed a
            if n > 0 {
                let mut r = a.clone();
                r.offset = (n - 1) * 8;
                r.strides[0] = -8;
                map2::<f64, f64, f64, _>(&out, &r, &b, |x, y, _| x + y);
                let v = out.to_vec::<f64>().unwrap();
                assert!(
                    v.iter()
                        .enumerate()
                        .all(|(i, &x)| x == ((n - 1 - i) + 2 * i) as f64)
                );
            }
        }
    }

    #[test]
    fn flags_are_merged_across_threads() {
        let n = 1 << 20;
        let a = NdArray::from_vec(vec![1.0f64; n], &[n]).unwrap();
        let out = NdArray::zeros(&[n], crate::array::DType::Float64, Order::C).unwrap();
        let fl = map1::<f64, f64, _>(&out, &a, |x, fl| {
            if x == 1.0 {
                fl.divide = true;
            }
            x
        });
        assert!(fl.divide && !fl.invalid);
    }
}
