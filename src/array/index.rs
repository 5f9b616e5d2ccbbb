//! Basic indexing: integers, slices, `np.newaxis` and one `...` select a view (never a
//! copy), with NumPy's IndexError/ValueError texts. Fancy indexing lives elsewhere.

use super::ndarray::{NdArray, Shape, Strides};
use super::{ArrayError, Result};

/// One element of a subscript, as Python writes it: `a[1, 2:5:-1, None, ...]`.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum IndexItem {
    Int(i64),
    Slice {
        start: Option<i64>,
        stop: Option<i64>,
        step: Option<i64>,
    },
    NewAxis,
    Ellipsis,
}

impl IndexItem {
    /// The full slice `:`.
    pub const ALL: IndexItem = IndexItem::Slice {
        start: None,
        stop: None,
        step: None,
    };
}

/// Python's `slice.indices(len)` (PySlice_AdjustIndices): the start, the step and the
/// number of elements selected. `ValueError: slice step cannot be zero`.
pub fn slice_indices(
    start: Option<i64>,
    stop: Option<i64>,
    step: Option<i64>,
    len: usize,
) -> Result<(i64, i64, usize)> {
    let step = step.unwrap_or(1);
    if step == 0 {
        return Err(ArrayError::value("slice step cannot be zero"));
    }
    let len = len as i64;
    let adjust = |v: Option<i64>, default: i64| -> i64 {
        match v {
            None => default,
            Some(v) if v < 0 => {
                let v = v.saturating_add(len);
                if v < 0 {
                    if step < 0 { -1 } else { 0 }
                } else {
                    v
                }
            }
            Some(v) if v >= len => {
                if step < 0 {
                    len - 1
                } else {
                    len
                }
            }
            Some(v) => v,
        }
    };
    let (start, stop) = if step > 0 {
        (adjust(start, 0), adjust(stop, len))
    } else {
        (adjust(start, len - 1), adjust(stop, -1))
    };
    let (start128, stop128, step128) = (start as i128, stop as i128, step as i128);
    let count = if step > 0 {
        if stop > start {
            (stop128 - start128 - 1) / step128 + 1
        } else {
            0
        }
    } else if start > stop {
        (start128 - stop128 - 1) / (-step128) + 1
    } else {
        0
    };
    Ok((start, step, count as usize))
}

/// Whether `items` select a single element (only integers, one per axis), in which case
/// NumPy returns a scalar rather than a 0-d view.
pub fn is_scalar_index(items: &[IndexItem], ndim: usize) -> bool {
    items.len() == ndim && items.iter().all(|i| matches!(i, IndexItem::Int(_)))
}

impl NdArray {
    /// `a[items]` for basic indices: a view with the selected layout.
    pub fn slice_view(&self, items: &[IndexItem]) -> Result<NdArray> {
        let mut ellipses = 0;
        let mut consumed = 0;
        for it in items {
            match it {
                IndexItem::Ellipsis => ellipses += 1,
                IndexItem::Int(_) | IndexItem::Slice { .. } => consumed += 1,
                IndexItem::NewAxis => {}
            }
        }
        if ellipses > 1 {
            return Err(ArrayError::index(
                "an index can only have a single ellipsis ('...')",
            ));
        }
        if consumed > self.ndim() {
            return Err(ArrayError::index(format!(
                "too many indices for array: array is {}-dimensional, but {consumed} were indexed",
                self.ndim()
            )));
        }
        let mut offset = self.offset as isize;
        let mut shape = Shape::new();
        let mut strides = Strides::new();
        let mut axis = 0;
        for it in items {
            match *it {
                IndexItem::Int(i) => {
                    let n = self.shape[axis];
                    let j = if i < 0 { i.saturating_add(n as i64) } else { i };
                    if j < 0 || j >= n as i64 {
                        return Err(ArrayError::index(format!(
                            "index {i} is out of bounds for axis {axis} with size {n}"
                        )));
                    }
                    offset += j as isize * self.strides[axis];
                    axis += 1;
                }
                IndexItem::Slice { start, stop, step } => {
                    let (first, step, count) = slice_indices(start, stop, step, self.shape[axis])?;
                    if count > 0 {
                        offset += first as isize * self.strides[axis];
                    }
                    // NumPy takes an empty slice as starting at 0 with step 1 (visible in
                    // the strides).
                    let step = if count > 0 { step } else { 1 };
                    shape.push(count);
                    // Wrapping as NumPy does: a huge step on a one-element result shows in the strides.
                    strides.push(self.strides[axis].wrapping_mul(step as isize));
                    axis += 1;
                }
                IndexItem::NewAxis => {
                    shape.push(1);
                    strides.push(0);
                }
                IndexItem::Ellipsis => {
                    let skip = self.ndim() - consumed;
                    shape.extend_from_slice(&self.shape[axis..axis + skip]);
                    strides.extend_from_slice(&self.strides[axis..axis + skip]);
                    axis += skip;
                }
            }
        }
        shape.extend_from_slice(&self.shape[axis..]);
        strides.extend_from_slice(&self.strides[axis..]);
        Ok(self.with_layout(offset as usize, shape, strides))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::array::{ErrKind, Scalar};
    use IndexItem::*;

    fn s(start: Option<i64>, stop: Option<i64>, step: Option<i64>) -> IndexItem {
        Slice { start, stop, step }
    }
    fn a34() -> NdArray {
        NdArray::from_vec((0..12i64).collect::<Vec<_>>(), &[3, 4]).unwrap()
    }
    fn vals(a: &NdArray) -> Vec<i64> {
        a.to_vec::<i64>().unwrap()
    }

    #[test]
    fn python_slice_indices() {
        // slice(a, b, c).indices(n) / len(range(n)[a:b:c])
        assert_eq!(slice_indices(None, None, None, 5).unwrap(), (0, 1, 5));
        assert_eq!(slice_indices(None, None, Some(-1), 5).unwrap(), (4, -1, 5));
        assert_eq!(
            slice_indices(Some(-100), Some(100), Some(3), 4).unwrap(),
            (0, 3, 2)
        );
        assert_eq!(
            slice_indices(Some(5), Some(1), Some(-1), 4).unwrap(),
            (3, -1, 2)
        );
        assert_eq!(
            slice_indices(Some(-1), Some(-100), Some(-2), 4).unwrap(),
            (3, -2, 2)
        );
        assert_eq!(slice_indices(Some(10), None, None, 3).unwrap().2, 0);
        assert_eq!(
            slice_indices(Some(i64::MIN), Some(i64::MAX), Some(i64::MAX), 3).unwrap(),
            (0, i64::MAX, 1)
        );
        assert_eq!(
            slice_indices(None, None, Some(i64::MIN), 3).unwrap(),
            (2, i64::MIN, 1)
        );
        assert_eq!(
            slice_indices(None, None, Some(0), 3).unwrap_err().msg,
            "slice step cannot be zero"
        );
    }

    #[test]
    fn views() {
        let a = a34();
        // a[None, 1, None].shape == (1, 1, 4)
        assert_eq!(
            a.slice_view(&[NewAxis, Int(1), NewAxis]).unwrap().shape(),
            &[1, 1, 4]
        );
        // a[..., 1].tolist() == [1, 5, 9]
        assert_eq!(vals(&a.slice_view(&[Ellipsis, Int(1)]).unwrap()), [1, 5, 9]);
        assert_eq!(a.slice_view(&[Int(1), Ellipsis]).unwrap().shape(), &[4]);
        assert_eq!(
            a.slice_view(&[Ellipsis, NewAxis]).unwrap().shape(),
            &[3, 4, 1]
        );
        // a[None].strides == (0, 32, 8)
        assert_eq!(a.slice_view(&[NewAxis]).unwrap().strides(), &[0, 32, 8]);
        // a[::-1, ::-2]: strides (-32, -16), tolist [[11, 9], [7, 5], [3, 1]]
        let r = a
            .slice_view(&[s(None, None, Some(-1)), s(None, None, Some(-2))])
            .unwrap();
        assert_eq!(r.strides(), &[-32, -16]);
        assert_eq!(vals(&r), [11, 9, 7, 5, 3, 1]);
        assert!(r.same_storage(&a) && !r.owns_data);
        // a[10:, 1:]: shape (0, 3), strides (32, 8)
        let e = a
            .slice_view(&[s(Some(10), None, None), s(Some(1), None, None)])
            .unwrap();
        assert_eq!((e.shape(), e.strides()), (&[0, 3][..], &[32, 8][..]));
        assert_eq!(vals(&e), Vec::<i64>::new());
        // a[:, 5:1:-1].tolist() == [[3, 2], [7, 6], [11, 10]]
        assert_eq!(
            vals(
                &a.slice_view(&[IndexItem::ALL, s(Some(5), Some(1), Some(-1))])
                    .unwrap()
            ),
            [3, 2, 7, 6, 11, 10]
        );
        // a[:, -1:-100:-2].tolist() == [[3, 1], [7, 5], [11, 9]]
        assert_eq!(
            vals(
                &a.slice_view(&[IndexItem::ALL, s(Some(-1), Some(-100), Some(-2))])
                    .unwrap()
            ),
            [3, 1, 7, 5, 11, 9]
        );
        // a[0, 1] -> 1, a[-1, -1] -> 11
        assert_eq!(
            a.slice_view(&[Int(-1), Int(-1)]).unwrap().item().unwrap(),
            Scalar::I64(11)
        );
        assert!(is_scalar_index(&[Int(0), Int(1)], 2));
        assert!(!is_scalar_index(&[Int(0), Int(1), Ellipsis], 2));
        // views alias: b = a[1]; b[0] = 100 changes a
        let b = a.slice_view(&[Int(1)]).unwrap();
        b.set(&[0], Scalar::I64(100)).unwrap();
        assert_eq!(a.get(&[1, 0]).unwrap(), Scalar::I64(100));
        // slices of a view of a view
        let c = r.slice_view(&[s(Some(1), None, None), Int(0)]).unwrap();
        assert_eq!(vals(&c), [7, 3]);
        let z = NdArray::from_scalar(Scalar::I64(5)).unwrap();
        assert_eq!(z.slice_view(&[Ellipsis]).unwrap().shape(), &[] as &[usize]);
        assert_eq!(z.slice_view(&[NewAxis]).unwrap().shape(), &[1]);
    }

    #[test]
    fn errors() {
        let a = a34();
        let one = NdArray::from_vec(vec![0i64, 1, 2], &[3]).unwrap();
        let msg = |r: Result<NdArray>| r.unwrap_err();
        // np.arange(3)[::0, 1]
        let e = msg(one.slice_view(&[s(None, None, Some(0)), Int(1)]));
        assert_eq!(
            (e.kind, e.msg.as_str()),
            (
                ErrKind::IndexError,
                "too many indices for array: array is 1-dimensional, but 2 were indexed"
            )
        );
        // np.arange(3)[..., ...]
        assert_eq!(
            msg(one.slice_view(&[Ellipsis, Ellipsis])).msg,
            "an index can only have a single ellipsis ('...')"
        );
        // a[5, ::0] and a[::0, 5]: the first problem from the left wins
        assert_eq!(
            msg(a.slice_view(&[Int(5), s(None, None, Some(0))])).msg,
            "index 5 is out of bounds for axis 0 with size 3"
        );
        let e = msg(a.slice_view(&[s(None, None, Some(0)), Int(5)]));
        assert_eq!(
            (e.kind, e.msg.as_str()),
            (ErrKind::ValueError, "slice step cannot be zero")
        );
        assert_eq!(
            msg(a.slice_view(&[Int(0), Int(9)])).msg,
            "index 9 is out of bounds for axis 1 with size 4"
        );
        assert_eq!(
            msg(a.slice_view(&[Int(-4)])).msg,
            "index -4 is out of bounds for axis 0 with size 3"
        );
        assert_eq!(
            msg(a.slice_view(&[Int(i64::MIN)])).msg,
            "index -9223372036854775808 is out of bounds for axis 0 with size 3"
        );
        let z = NdArray::from_scalar(Scalar::I64(5)).unwrap();
        assert_eq!(
            msg(z.slice_view(&[Int(0)])).msg,
            "too many indices for array: array is 0-dimensional, but 1 were indexed"
        );
    }
}
