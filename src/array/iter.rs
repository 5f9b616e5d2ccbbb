//! C-order traversal of strided arrays as runs along the innermost axis: dimensions are
//! coalesced (length-1 axes dropped, axes that step through memory as one merged) so a
//! contiguous array is one run. Kernels loop over `Runs` and unroll each run; `Offsets`
//! flattens the runs into element byte offsets.

use smallvec::SmallVec;

/// Coalesced outer dimensions: (length, stride of each operand).
type Outer<const N: usize> = SmallVec<[(usize, [isize; N]); 4]>;

/// The runs of a C-order traversal of `N` operands sharing one shape (with their own byte
/// strides). Each item is the byte offset of a run's first element in every operand; every
/// run has `inner_len` elements, `inner_strides` bytes apart.
#[derive(Clone, Debug)]
pub struct Runs<const N: usize> {
    outer: Outer<N>,
    index: SmallVec<[usize; 4]>,
    cur: [isize; N],
    remaining: usize,
    pub inner_len: usize,
    pub inner_strides: [isize; N],
}

impl<const N: usize> Runs<N> {
    /// Traversal of `shape` starting at byte offsets `starts` with per-operand `strides`
    /// (each of length `shape.len()`).
    pub fn new(shape: &[usize], strides: [&[isize]; N], starts: [usize; N]) -> Runs<N> {
        let mut dims: Outer<N> = SmallVec::new();
        let mut empty = false;
        for (axis, &len) in shape.iter().enumerate() {
            if len == 0 {
                empty = true;
            }
            if len == 1 {
                continue;
            }
            let st: [isize; N] = std::array::from_fn(|k| strides[k][axis]);
            if let Some(last) = dims.last_mut() {
                // Merge with the previous (outer) axis when it steps by exactly `len` of ours.
                if (0..N).all(|k| last.1[k] == st[k] * len as isize) {
                    last.0 *= len;
                    last.1 = st;
                    continue;
                }
            }
            dims.push((len, st));
        }
        let (inner_len, inner_strides) = dims.pop().unwrap_or((1, [0; N]));
        let remaining = if empty {
            0
        } else {
            dims.iter().map(|d| d.0).product()
        };
        Runs {
            index: SmallVec::from_elem(0, dims.len()),
            outer: dims,
            cur: starts.map(|s| s as isize),
            remaining,
            inner_len: if empty { 0 } else { inner_len },
            inner_strides,
        }
    }

    /// Number of runs still to come.
    pub fn len(&self) -> usize {
        self.remaining
    }
    pub fn is_empty(&self) -> bool {
        self.remaining == 0
    }
}

impl<const N: usize> Iterator for Runs<N> {
    type Item = [usize; N];

    #[inline]
    fn next(&mut self) -> Option<[usize; N]> {
        if self.remaining == 0 {
            return None;
        }
        self.remaining -= 1;
        let out = self.cur.map(|c| c as usize);
        for k in (0..self.outer.len()).rev() {
            let (len, st) = self.outer[k];
            self.index[k] += 1;
            if self.index[k] < len {
                for (c, s) in self.cur.iter_mut().zip(st) {
                    *c += s;
                }
                break;
            }
            self.index[k] = 0;
            for (c, s) in self.cur.iter_mut().zip(st) {
                *c -= s * (len as isize - 1);
            }
        }
        Some(out)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.remaining, Some(self.remaining))
    }
}

/// Byte offsets of every element of one array in C order.
#[derive(Clone, Debug)]
pub struct Offsets {
    runs: Runs<1>,
    next: isize,
    left_in_run: usize,
    remaining: usize,
}

impl Offsets {
    pub fn new(shape: &[usize], strides: &[isize], start: usize) -> Offsets {
        let runs = Runs::new(shape, [strides], [start]);
        let remaining = runs.len() * runs.inner_len;
        Offsets {
            runs,
            next: 0,
            left_in_run: 0,
            remaining,
        }
    }
}

impl Iterator for Offsets {
    type Item = usize;

    #[inline]
    fn next(&mut self) -> Option<usize> {
        if self.left_in_run == 0 {
            let [start] = self.runs.next()?;
            self.next = start as isize;
            self.left_in_run = self.runs.inner_len;
        }
        let out = self.next as usize;
        self.next += self.runs.inner_strides[0];
        self.left_in_run -= 1;
        self.remaining -= 1;
        Some(out)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.remaining, Some(self.remaining))
    }
}

impl ExactSizeIterator for Offsets {}

#[cfg(test)]
mod tests {
    use super::*;

    fn offsets(shape: &[usize], strides: &[isize], start: usize) -> Vec<usize> {
        Offsets::new(shape, strides, start).collect()
    }

    #[test]
    fn contiguous_is_one_run() {
        let r = Runs::new(&[2, 3, 4], [&[96, 32, 8]], [0]);
        assert_eq!((r.len(), r.inner_len, r.inner_strides), (1, 24, [8]));
        assert_eq!(offsets(&[2, 3], &[24, 8], 0), [0, 8, 16, 24, 32, 40]);
    }

    #[test]
    fn strided_and_negative() {
        // np.arange(12).reshape(3, 4)[::-1, ::2]: start at row 2, strides (-32, 16)
        assert_eq!(offsets(&[3, 2], &[-32, 16], 64), [64, 80, 32, 48, 0, 16]);
        // transposed (2,3) int64 array: strides (8, 24)
        assert_eq!(offsets(&[3, 2], &[8, 24], 0), [0, 24, 8, 32, 16, 40]);
        // broadcast: stride 0
        assert_eq!(offsets(&[2, 3], &[0, 8], 0), [0, 8, 16, 0, 8, 16]);
        // 0-d array: one element
        assert_eq!(offsets(&[], &[], 40), [40]);
        // empty shapes
        assert_eq!(offsets(&[0, 3], &[0, 0], 0), Vec::<usize>::new());
        assert_eq!(offsets(&[3, 0], &[0, 0], 0), Vec::<usize>::new());
        // length-1 axes are ignored whatever their stride
        assert_eq!(offsets(&[1, 3, 1], &[999, 8, -77], 0), [0, 8, 16]);
        let r = Runs::new(&[2, 1, 3], [&[24, 5, 8]], [0]);
        assert_eq!((r.len(), r.inner_len), (1, 6));
    }

    #[test]
    fn two_operands() {
        // C-contiguous (2,3) with its transpose-of-(3,2): only the first merges alone
        let r = Runs::new(&[2, 3], [&[24, 8], &[8, 16]], [0, 0]);
        assert_eq!((r.inner_len, r.inner_strides), (3, [8, 16]));
        let starts: Vec<[usize; 2]> = r.collect();
        assert_eq!(starts, [[0, 0], [24, 8]]);
    }
}
