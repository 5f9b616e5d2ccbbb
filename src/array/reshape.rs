//! `reshape` (a view whenever NumPy's `_attempt_nocopy_reshape` finds one, else a copy),
//! `-1` inference with NumPy's errors, and `ravel`/`flatten`.

use smallvec::SmallVec;

use super::ndarray::{NdArray, Order, Shape, Strides, contiguous_strides};
use super::{ArrayError, Result};

/// A requested shape as NumPy's reshape messages write it: leading unknown (negative)
/// dimensions dropped, later ones as `newaxis` (`(4,newaxis)`, `(4)`, `(7,)`).
pub fn reshape_shape_str(dims: &[isize]) -> String {
    let first = dims.iter().position(|&d| d >= 0);
    let Some(first) = first else {
        return "()".to_string();
    };
    let mut s = dims[first].to_string();
    for &d in &dims[first + 1..] {
        if d < 0 {
            s.push_str(",newaxis");
        } else {
            s.push_str(&format!(",{d}"));
        }
    }
    if dims.len() == 1 {
        format!("({s},)")
    } else {
        format!("({s})")
    }
}

/// Resolves one unknown (negative) dimension against `size` (NumPy's
/// `_fix_unknown_dimension`).
pub fn fix_unknown_dimension(dims: &[isize], size: usize) -> Result<Shape> {
    let mismatch = || {
        ArrayError::value(format!(
            "cannot reshape array of size {size} into shape {}",
            reshape_shape_str(dims)
        ))
    };
    let mut unknown = None;
    let mut known: i64 = 1;
    for (i, &d) in dims.iter().enumerate() {
        if d < 0 {
            if unknown.is_some() {
                return Err(ArrayError::value("can only specify one unknown dimension"));
            }
            unknown = Some(i);
        } else {
            known = known.checked_mul(d as i64).ok_or_else(mismatch)?;
        }
    }
    let mut out: Shape = dims.iter().map(|&d| d.max(0) as usize).collect();
    match unknown {
        Some(i) => {
            if known == 0 || size as i64 % known != 0 {
                return Err(mismatch());
            }
            out[i] = (size as i64 / known) as usize;
        }
        None if known as u64 != size as u64 => return Err(mismatch()),
        None => {}
    }
    Ok(out)
}

/// NumPy's `_attempt_nocopy_reshape`: strides that give `new` over the same data, if any.
pub fn attempt_nocopy_reshape(
    shape: &[usize],
    strides: &[isize],
    itemsize: usize,
    new: &[usize],
    fortran: bool,
) -> Option<Strides> {
    // Drop axes of length 1: their strides do not matter.
    let (od, os): (SmallVec<[usize; 4]>, SmallVec<[isize; 4]>) = shape
        .iter()
        .zip(strides)
        .filter(|(n, _)| **n != 1)
        .map(|(n, s)| (*n, *s))
        .unzip();
    let (oldnd, newnd) = (od.len(), new.len());
    let mut ns: Strides = SmallVec::from_elem(0, newnd);
    let (mut oi, mut oj, mut ni, mut nj) = (0, 1, 0, 1);
    while ni < newnd && oi < oldnd {
        let mut np = new[ni];
        let mut op = od[oi];
        while np != op {
            if np < op {
                // Misses trailing 1s, handled below.
                if nj >= newnd {
                    return None;
                }
                np *= new[nj];
                nj += 1;
            } else {
                if oj >= oldnd {
                    return None;
                }
                op *= od[oj];
                oj += 1;
            }
        }
        // Can the original axes oi..oj be combined?
        for ok in oi..oj - 1 {
            let fits = if fortran {
                os[ok + 1] == od[ok] as isize * os[ok]
            } else {
                os[ok] == od[ok + 1] as isize * os[ok + 1]
            };
            if !fits {
                return None;
            }
        }
        // New strides for the axes ni..nj.
        if fortran {
            ns[ni] = os[oi];
            for nk in ni + 1..nj {
                ns[nk] = ns[nk - 1] * new[nk - 1] as isize;
            }
        } else {
            ns[nj - 1] = os[oj - 1];
            for nk in (ni + 1..nj).rev() {
                ns[nk - 1] = ns[nk] * new[nk] as isize;
            }
        }
        ni = nj;
        nj += 1;
        oi = oj;
        oj += 1;
    }
    // Strides of trailing length-1 axes.
    let mut last = if ni >= 1 {
        ns[ni - 1]
    } else {
        itemsize as isize
    };
    if fortran && ni >= 1 {
        last *= new[ni - 1] as isize;
    }
    for s in ns.iter_mut().skip(ni) {
        *s = last;
    }
    Some(ns)
}

impl NdArray {
    /// `a.reshape(shape, order=...)`: a view when the data allows it (NumPy's rules), else
    /// a copy in `order`. Any negative entry is the one unknown dimension.
    pub fn reshape(&self, new_shape: &[isize], order: Order) -> Result<NdArray> {
        let fortran = match order {
            Order::C => false,
            Order::F => true,
            Order::A => self.is_fortran(),
            Order::K => {
                return Err(ArrayError::value(
                    "order 'K' is not permitted for reshaping",
                ));
            }
        };
        let dims = fix_unknown_dimension(new_shape, self.size())?;
        if dims.as_slice() == self.shape() {
            return Ok(self.view());
        }
        let itemsize = self.itemsize();
        let contiguous = if fortran {
            self.is_f_contiguous()
        } else {
            self.is_c_contiguous()
        };
        if self.size() <= 1 || contiguous {
            let strides = contiguous_strides(&dims, itemsize, fortran);
            return Ok(self.with_layout(self.offset, dims, strides));
        }
        if let Some(strides) =
            attempt_nocopy_reshape(&self.shape, &self.strides, itemsize, &dims, fortran)
        {
            return Ok(self.with_layout(self.offset, dims, strides));
        }
        let copy = self.copy(if fortran { Order::F } else { Order::C })?;
        let strides = contiguous_strides(&dims, itemsize, fortran);
        let mut out = copy.with_layout(copy.offset, dims, strides);
        out.owns_data = true;
        Ok(out)
    }

    /// `a.ravel(order)`: a 1-d view when the data is contiguous in that order (`K`: in
    /// memory order), else a copy.
    pub fn ravel(&self, order: Order) -> Result<NdArray> {
        let order = match order {
            Order::A if self.is_fortran() => Order::F,
            Order::A => Order::C,
            o => o,
        };
        let n = self.size() as isize;
        match order {
            Order::C if self.is_c_contiguous() => return self.reshape(&[n], Order::C),
            Order::F if self.is_f_contiguous() => return self.reshape(&[n], Order::F),
            Order::K => {
                let perm = sorted_stride_perm(&self.strides);
                let mut stride = self.itemsize() as isize;
                let mut ok = true;
                for &p in perm.iter().rev() {
                    if self.shape[p] == 1 {
                        continue;
                    }
                    if self.strides[p] != stride {
                        ok = false;
                        break;
                    }
                    stride *= self.shape[p] as isize;
                }
                if ok {
                    let strides = SmallVec::from_elem(self.itemsize() as isize, 1);
                    return Ok(self.with_layout(
                        self.offset,
                        SmallVec::from_elem(n as usize, 1),
                        strides,
                    ));
                }
            }
            _ => {}
        }
        self.flatten(order)
    }

    /// `a.flatten(order)`: always a copy. `K` reads the elements with the axes sorted by
    /// descending absolute stride (negative strides are not reversed).
    pub fn flatten(&self, order: Order) -> Result<NdArray> {
        let order = match order {
            Order::A if self.is_fortran() => Order::F,
            Order::A => Order::C,
            o => o,
        };
        let n = self.size();
        let src = match order {
            Order::C => self.clone(),
            Order::F => self.t(),
            _ => {
                let perm = iterator_perm(&self.shape, &self.strides);
                let perm: Vec<isize> = perm.iter().map(|&p| p as isize).collect();
                self.transpose(Some(&perm))?
            }
        };
        let out = NdArray::zeros(&[n], self.dtype, Order::C)?;
        let src1 = src.copy(Order::C)?;
        let flat = src1.with_layout(
            src1.offset,
            SmallVec::from_elem(n, 1),
            SmallVec::from_elem(self.itemsize() as isize, 1),
        );
        out.assign(&flat)?;
        Ok(out)
    }
}

/// Axes by descending absolute stride, ties in axis order (`PyArray_CreateSortedStridePerm`).
fn sorted_stride_perm(strides: &[isize]) -> SmallVec<[usize; 4]> {
    let mut perm: SmallVec<[usize; 4]> = (0..strides.len()).collect();
    perm.sort_by(|&a, &b| strides[b].unsigned_abs().cmp(&strides[a].unsigned_abs()));
    perm
}

/// The axis order of NumPy's iterator for `K`: a stable insertion sort by descending
/// absolute stride in which length-1 axes compare as "ambiguous" and never move others.
fn iterator_perm(shape: &[usize], strides: &[isize]) -> SmallVec<[usize; 4]> {
    let mut perm: SmallVec<[usize; 4]> = (0..shape.len()).collect();
    for i0 in 1..perm.len() {
        let ax0 = perm[i0];
        let mut ipos = i0;
        for i1 in (0..i0).rev() {
            let ax1 = perm[i1];
            if shape[ax0] == 1 || shape[ax1] == 1 {
                continue;
            }
            if strides[ax0].unsigned_abs() <= strides[ax1].unsigned_abs() {
                break;
            }
            ipos = i1;
        }
        if ipos != i0 {
            perm[ipos..=i0].rotate_right(1);
        }
    }
    perm
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::array::{DType, IndexItem};
    use IndexItem::*;

    fn arange(n: usize, shape: &[usize]) -> NdArray {
        NdArray::from_vec((0..n as i64).collect::<Vec<_>>(), shape).unwrap()
    }
    fn step(k: i64) -> IndexItem {
        Slice {
            start: None,
            stop: None,
            step: Some(k),
        }
    }
    fn vals(a: &NdArray) -> Vec<i64> {
        a.to_vec::<i64>().unwrap()
    }

    #[test]
    fn errors() {
        let a = arange(6, &[6]);
        let msg = |s: &[isize]| a.reshape(s, Order::C).unwrap_err().msg;
        // np.arange(6).reshape(...) in NumPy 2.4.6
        assert_eq!(
            msg(&[-1, 4]),
            "cannot reshape array of size 6 into shape (4)"
        );
        assert_eq!(
            msg(&[4, -1]),
            "cannot reshape array of size 6 into shape (4,newaxis)"
        );
        assert_eq!(
            msg(&[4, 2]),
            "cannot reshape array of size 6 into shape (4,2)"
        );
        assert_eq!(
            msg(&[2, -1, 5]),
            "cannot reshape array of size 6 into shape (2,newaxis,5)"
        );
        assert_eq!(msg(&[-1, -1]), "can only specify one unknown dimension");
        assert_eq!(msg(&[-2, -3]), "can only specify one unknown dimension");
        assert_eq!(
            msg(&[-1, 0]),
            "cannot reshape array of size 6 into shape (0)"
        );
        assert_eq!(
            msg(&[0, -1]),
            "cannot reshape array of size 6 into shape (0,newaxis)"
        );
        assert_eq!(msg(&[]), "cannot reshape array of size 6 into shape ()");
        assert_eq!(msg(&[7]), "cannot reshape array of size 6 into shape (7,)");
        assert_eq!(
            msg(&[1 << 62, 1 << 62]),
            "cannot reshape array of size 6 into shape (4611686018427387904,4611686018427387904)"
        );
        assert_eq!(
            msg(&[-1, 1 << 62, 1 << 62]),
            "cannot reshape array of size 6 into shape (4611686018427387904,4611686018427387904)"
        );
        assert_eq!(
            msg(&[1, -1, 1, 4]),
            "cannot reshape array of size 6 into shape (1,newaxis,1,4)"
        );
        assert_eq!(
            a.reshape(&[2, 3], Order::K).unwrap_err().msg,
            "order 'K' is not permitted for reshaping"
        );
        // np.arange(6).reshape(-2, 3).shape == (2, 3); reshape(2, 3, -4).shape == (2, 3, 1)
        assert_eq!(a.reshape(&[-2, 3], Order::C).unwrap().shape(), &[2, 3]);
        assert_eq!(
            a.reshape(&[2, 3, -4], Order::C).unwrap().shape(),
            &[2, 3, 1]
        );
        let e = NdArray::zeros(&[0, 3], DType::Float64, Order::C).unwrap();
        assert_eq!(
            e.reshape(&[-1, 0], Order::C).unwrap_err().msg,
            "cannot reshape array of size 0 into shape (0)"
        );
        assert_eq!(e.reshape(&[3, -1], Order::C).unwrap().shape(), &[3, 0]);
        assert_eq!(e.reshape(&[-1], Order::C).unwrap().shape(), &[0]);
        let z = NdArray::from_scalar(crate::array::Scalar::I64(5)).unwrap();
        assert_eq!(z.reshape(&[-1], Order::C).unwrap().shape(), &[1]);
    }

    #[test]
    fn view_or_copy() {
        let a = arange(24, &[2, 3, 4]);
        // a.T.reshape(4, 6): strides (48, 8), np.shares_memory False
        let r = a.t().reshape(&[4, 6], Order::C).unwrap();
        assert_eq!((r.strides(), r.same_storage(&a)), (&[48, 8][..], false));
        assert_eq!(vals(&r)[..6], [0, 12, 4, 16, 8, 20]);
        // a[:, ::2].reshape(2,2,2,2): strides (96, 64, 16, 8), shares memory
        let v = a
            .slice_view(&[IndexItem::ALL, step(2)])
            .unwrap()
            .reshape(&[2, 2, 2, 2], Order::C)
            .unwrap();
        assert_eq!(
            (v.strides(), v.same_storage(&a)),
            (&[96, 64, 16, 8][..], true)
        );
        // a[:, :, ::2].reshape(12): strides (16,), shares; reshape(6, 2): (32, 16)
        let s = a
            .slice_view(&[IndexItem::ALL, IndexItem::ALL, step(2)])
            .unwrap();
        let s12 = s.reshape(&[12], Order::C).unwrap();
        assert_eq!((s12.strides(), s12.same_storage(&a)), (&[16][..], true));
        assert_eq!(vals(&s12), [0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22]);
        assert_eq!(s.reshape(&[6, 2], Order::C).unwrap().strides(), &[32, 16]);
        // a[:, :, ::-1].reshape(6, 4).strides == (32, -8)
        let n = a
            .slice_view(&[IndexItem::ALL, IndexItem::ALL, step(-1)])
            .unwrap();
        assert_eq!(n.reshape(&[6, 4], Order::C).unwrap().strides(), &[32, -8]);
        // a.reshape(2,3,4,1,1).strides == (96, 32, 8, 8, 8); a[:, :1].reshape(2, 4) (96, 8)
        assert_eq!(
            a.reshape(&[2, 3, 4, 1, 1], Order::C).unwrap().strides(),
            &[96, 32, 8, 8, 8]
        );
        assert_eq!(
            a.slice_view(&[
                IndexItem::ALL,
                Slice {
                    start: None,
                    stop: Some(1),
                    step: None
                }
            ])
            .unwrap()
            .reshape(&[2, 4], Order::C)
            .unwrap()
            .strides(),
            &[96, 8]
        );
        // a.reshape((24,), order='F'): (8,), copy; a.T.reshape((24,), order='F'): view
        let f = a.reshape(&[24], Order::F).unwrap();
        assert_eq!((f.strides(), f.same_storage(&a)), (&[8][..], false));
        assert_eq!(vals(&f)[..4], [0, 12, 4, 16]);
        assert!(a.t().reshape(&[24], Order::F).unwrap().same_storage(&a));
        // a[:, :1, :1].reshape(1,2,1,1).strides == (192, 96, 96, 96)
        let c = a
            .slice_view(&[
                IndexItem::ALL,
                Slice {
                    start: None,
                    stop: Some(1),
                    step: None,
                },
                Slice {
                    start: None,
                    stop: Some(1),
                    step: None,
                },
            ])
            .unwrap();
        assert_eq!(
            c.reshape(&[1, 2, 1, 1], Order::C).unwrap().strides(),
            &[192, 96, 96, 96]
        );
        // np.arange(6)[::2].reshape(3,1) (16, 16); .reshape(1,3,1,1) (48, 16, 16, 16)
        let e = arange(6, &[6]).slice_view(&[step(2)]).unwrap();
        assert_eq!(e.reshape(&[3, 1], Order::C).unwrap().strides(), &[16, 16]);
        assert_eq!(
            e.reshape(&[1, 3, 1, 1], Order::C).unwrap().strides(),
            &[48, 16, 16, 16]
        );
        // np.arange(6).reshape(3,2).T.reshape(2,3,1).strides == (8, 16, 16)
        assert_eq!(
            arange(6, &[3, 2])
                .t()
                .reshape(&[2, 3, 1], Order::C)
                .unwrap()
                .strides(),
            &[8, 16, 16]
        );
        // np.arange(6).reshape(2,3)[::-1].reshape(3,2): a C-contiguous copy [3,4,5,0,1,2]
        let rr = arange(6, &[2, 3])
            .slice_view(&[step(-1)])
            .unwrap()
            .reshape(&[3, 2], Order::C)
            .unwrap();
        assert_eq!(
            (rr.strides(), vals(&rr), rr.is_c_contiguous()),
            (&[16, 8][..], vec![3, 4, 5, 0, 1, 2], true)
        );
        // same shape: a view
        assert!(a.reshape(&[2, 3, 4], Order::C).unwrap().same_storage(&a));
    }

    #[test]
    fn ravel_and_flatten() {
        let a = arange(6, &[6]);
        let rev = a.slice_view(&[step(-1)]).unwrap();
        // a[::-1].ravel('K') == [5 4 3 2 1 0]
        assert_eq!(vals(&rev.ravel(Order::K).unwrap()), [5, 4, 3, 2, 1, 0]);
        let m = arange(6, &[2, 3]);
        // a.reshape(2,3)[:, ::-1].ravel('K') == [2 1 0 5 4 3]
        assert_eq!(
            vals(
                &m.slice_view(&[IndexItem::ALL, step(-1)])
                    .unwrap()
                    .ravel(Order::K)
                    .unwrap()
            ),
            [2, 1, 0, 5, 4, 3]
        );
        // a.reshape(2,3).T.ravel('K') == [0..6], a view
        let tk = m.t().ravel(Order::K).unwrap();
        assert_eq!((vals(&tk), tk.same_storage(&m)), ((0..6).collect(), true));
        assert!(m.ravel(Order::C).unwrap().same_storage(&m));
        assert!(!m.t().ravel(Order::C).unwrap().same_storage(&m));
        let b = arange(24, &[2, 3, 4]).transpose(Some(&[2, 0, 1])).unwrap();
        // b.ravel('K')[:6], b.ravel('A')[:6], b.ravel('F')[:6]
        assert_eq!(vals(&b.ravel(Order::K).unwrap())[..6], [0, 1, 2, 3, 4, 5]);
        assert_eq!(
            vals(&b.ravel(Order::A).unwrap())[..6],
            [0, 4, 8, 12, 16, 20]
        );
        assert_eq!(vals(&b.ravel(Order::F).unwrap())[..6], [0, 1, 2, 3, 12, 13]);
        assert!(!m.flatten(Order::C).unwrap().same_storage(&m));
        assert_eq!(vals(&m.flatten(Order::F).unwrap()), [0, 3, 1, 4, 2, 5]);
    }
}
