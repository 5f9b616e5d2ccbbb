//! Views that never copy: transpose, swapaxes, moveaxis, expand_dims, squeeze,
//! broadcasting (stride 0), diagonal, and the real/imag parts of complex arrays.

use smallvec::SmallVec;

use super::ndarray::{NdArray, Order, Shape, Strides};
use super::{ArrayError, Result, normalize_axis, normalize_axis_prefixed, shape_repr, shape_str};

impl NdArray {
    /// A view with new shape and strides over the same data at `offset`.
    pub(crate) fn with_layout(&self, offset: usize, shape: Shape, strides: Strides) -> NdArray {
        NdArray {
            storage: self.storage.clone(),
            offset,
            dtype: self.dtype,
            shape,
            strides,
            writeable: self.writeable,
            owns_data: false,
        }
    }

    /// `a.transpose(axes)`: `None` reverses the axes; `axes` must be a permutation
    /// (`ValueError: axes don't match array`, `ValueError: repeated axis in transpose`,
    /// AxisError for an out-of-range axis).
    pub fn transpose(&self, axes: Option<&[isize]>) -> Result<NdArray> {
        let n = self.ndim();
        let perm: SmallVec<[usize; 4]> = match axes {
            None => (0..n).rev().collect(),
            Some(axes) => {
                if axes.len() != n {
                    return Err(ArrayError::value("axes don't match array"));
                }
                let mut seen: SmallVec<[bool; 4]> = SmallVec::from_elem(false, n);
                let mut perm = SmallVec::new();
                for &ax in axes {
                    let a = normalize_axis(ax as i64, n)?;
                    if seen[a] {
                        return Err(ArrayError::value("repeated axis in transpose"));
                    }
                    seen[a] = true;
                    perm.push(a);
                }
                perm
            }
        };
        Ok(self.permuted(&perm))
    }

    fn permuted(&self, perm: &[usize]) -> NdArray {
        let shape = perm.iter().map(|&p| self.shape[p]).collect();
        let strides = perm.iter().map(|&p| self.strides[p]).collect();
        self.with_layout(self.offset, shape, strides)
    }

    /// `a.T`.
    pub fn t(&self) -> NdArray {
        let perm: SmallVec<[usize; 4]> = (0..self.ndim()).rev().collect();
        self.permuted(&perm)
    }

    /// `np.swapaxes(a, axis1, axis2)` (AxisError texts prefixed `axis1: ` / `axis2: `).
    pub fn swapaxes(&self, axis1: i64, axis2: i64) -> Result<NdArray> {
        let a1 = normalize_axis_prefixed(axis1, self.ndim(), "axis1")?;
        let a2 = normalize_axis_prefixed(axis2, self.ndim(), "axis2")?;
        let mut perm: SmallVec<[usize; 4]> = (0..self.ndim()).collect();
        perm.swap(a1, a2);
        Ok(self.permuted(&perm))
    }

    /// `np.moveaxis(a, source, destination)`.
    pub fn moveaxis(&self, source: &[i64], destination: &[i64]) -> Result<NdArray> {
        let n = self.ndim();
        let src = normalize_axis_tuple(source, n, "source")?;
        let dst = normalize_axis_tuple(destination, n, "destination")?;
        if src.len() != dst.len() {
            return Err(ArrayError::value(
                "`source` and `destination` arguments must have the same number of elements",
            ));
        }
        let mut order: Vec<usize> = (0..n).filter(|a| !src.contains(a)).collect();
        let mut pairs: Vec<(usize, usize)> = dst.iter().copied().zip(src.iter().copied()).collect();
        pairs.sort();
        for (d, s) in pairs {
            order.insert(d, s);
        }
        Ok(self.permuted(&order))
    }

    /// `np.expand_dims(a, axis)`: new length-1 axes at the given positions of the result.
    pub fn expand_dims(&self, axes: &[i64]) -> Result<NdArray> {
        let out_nd = self.ndim() + axes.len();
        let axes = normalize_axis_tuple(axes, out_nd, "")?;
        let mut shape = Shape::new();
        let mut strides = Strides::new();
        let mut src = 0;
        for i in 0..out_nd {
            if axes.contains(&i) {
                shape.push(1);
                strides.push(0);
            } else {
                shape.push(self.shape[src]);
                strides.push(self.strides[src]);
                src += 1;
            }
        }
        Ok(self.with_layout(self.offset, shape, strides))
    }

    /// `np.squeeze(a, axis)`: `None` drops every length-1 axis.
    pub fn squeeze(&self, axes: Option<&[i64]>) -> Result<NdArray> {
        let drop: Vec<usize> = match axes {
            None => (0..self.ndim()).filter(|&i| self.shape[i] == 1).collect(),
            Some(axes) => {
                let mut seen = vec![false; self.ndim()];
                let mut out = Vec::new();
                for &ax in axes {
                    let a = normalize_axis(ax, self.ndim())?;
                    if seen[a] {
                        return Err(ArrayError::value("duplicate value in 'axis'"));
                    }
                    seen[a] = true;
                    if self.shape[a] != 1 {
                        return Err(ArrayError::value(
                            "cannot select an axis to squeeze out which has size not equal to one",
                        ));
                    }
                    out.push(a);
                }
                out
            }
        };
        let keep = (0..self.ndim()).filter(|i| !drop.contains(i));
        let (shape, strides) = keep.map(|i| (self.shape[i], self.strides[i])).unzip();
        Ok(self.with_layout(self.offset, shape, strides))
    }

    /// `np.broadcast_to(a, shape)`: a read-only view with stride 0 along broadcast axes.
    pub fn broadcast_to(&self, shape: &[i64]) -> Result<NdArray> {
        if shape.iter().any(|&d| d < 0) {
            return Err(ArrayError::value(
                "all elements of broadcast shape must be non-negative",
            ));
        }
        let target: Shape = shape.iter().map(|&d| d as usize).collect();
        if target.is_empty() && self.ndim() > 0 {
            return Err(ArrayError::value(
                "cannot broadcast a non-scalar to a scalar array",
            ));
        }
        if self.ndim() > target.len() {
            return Err(ArrayError::value(
                "input operand has more dimensions than allowed by the axis remapping",
            ));
        }
        let mut v = self.broadcast_view(&target).ok_or_else(|| {
            ArrayError::value(format!(
                "operands could not be broadcast together with remapped shapes \
                 [original->remapped]: {}  and requested shape {}",
                shape_str(&self.shape),
                shape_str(&target)
            ))
        })?;
        v.writeable = false;
        Ok(v)
    }

    /// The view of this array broadcast to `target` (which must have at least as many
    /// axes), or `None` if a dimension neither matches nor is 1. Keeps `writeable`.
    pub fn broadcast_view(&self, target: &[usize]) -> Option<NdArray> {
        let lead = target.len().checked_sub(self.ndim())?;
        let mut strides: Strides = SmallVec::from_elem(0, target.len());
        for i in 0..self.ndim() {
            let (n, t) = (self.shape[i], target[lead + i]);
            if n == t {
                strides[lead + i] = if n == 1 { 0 } else { self.strides[i] };
            } else if n != 1 {
                return None;
            }
        }
        if target.contains(&0) {
            strides.iter_mut().for_each(|s| *s = 0);
        }
        Some(self.with_layout(self.offset, target.into(), strides))
    }

    /// `a.diagonal(offset, axis1, axis2)`: a read-only view; the diagonal becomes the last
    /// axis.
    pub fn diagonal(&self, offset: i64, axis1: i64, axis2: i64) -> Result<NdArray> {
        let n = self.ndim();
        if n < 2 {
            return Err(ArrayError::value(
                "diag requires an array of at least two dimensions",
            ));
        }
        let a1 = normalize_axis_prefixed(axis1, n, "axis1")?;
        let a2 = normalize_axis_prefixed(axis2, n, "axis2")?;
        if a1 == a2 {
            return Err(ArrayError::value("axis1 and axis2 cannot be the same"));
        }
        let (n1, n2) = (self.shape[a1] as i64, self.shape[a2] as i64);
        let (s1, s2) = (self.strides[a1], self.strides[a2]);
        let mut start = self.offset as isize;
        let len = if offset >= 0 {
            let len = n1.min(n2.saturating_sub(offset)).max(0);
            if len > 0 {
                start += offset as isize * s2;
            }
            len
        } else {
            let len = (n1 + offset).min(n2).max(0);
            if len > 0 {
                start -= offset as isize * s1;
            }
            len
        };
        let mut shape = Shape::new();
        let mut strides = Strides::new();
        for i in (0..n).filter(|&i| i != a1 && i != a2) {
            shape.push(self.shape[i]);
            strides.push(self.strides[i]);
        }
        shape.push(len as usize);
        strides.push(s1 + s2);
        if shape.contains(&0) {
            start = self.offset as isize;
        }
        let mut v = self.with_layout(start as usize, shape, strides);
        v.writeable = false;
        Ok(v)
    }

    /// `a.real`: a view of the real parts (stride unchanged, so every other component) of a
    /// complex array; a real array is returned as itself.
    pub fn real(&self) -> NdArray {
        match self.dtype.is_complex() {
            true => self.component_view(0),
            false => self.clone(),
        }
    }

    /// `a.imag`: a view of the imaginary parts of a complex array; for other arrays a new
    /// read-only array of zeros of the same dtype.
    pub fn imag(&self) -> Result<NdArray> {
        if self.dtype.is_complex() {
            return Ok(self.component_view(self.dtype.real_dtype().itemsize()));
        }
        let mut z = NdArray::zeros(&self.shape, self.dtype, Order::C)?;
        z.writeable = false;
        Ok(z)
    }

    fn component_view(&self, byte_shift: usize) -> NdArray {
        let mut v = self.with_layout(
            self.offset + byte_shift,
            self.shape.clone(),
            self.strides.clone(),
        );
        v.dtype = self.dtype.real_dtype();
        v
    }
}

/// NumPy's `normalize_axis_tuple`: each axis normalised, duplicates rejected
/// (`repeated axis` or ``repeated axis in `source` argument``).
pub fn normalize_axis_tuple(axes: &[i64], ndim: usize, argname: &str) -> Result<Vec<usize>> {
    let mut out = Vec::with_capacity(axes.len());
    for &ax in axes {
        let a = if argname.is_empty() {
            normalize_axis(ax, ndim)?
        } else {
            normalize_axis_prefixed(ax, ndim, argname)?
        };
        if out.contains(&a) {
            return Err(ArrayError::value(if argname.is_empty() {
                "repeated axis".to_string()
            } else {
                format!("repeated axis in `{argname}` argument")
            }));
        }
        out.push(a);
    }
    Ok(out)
}

/// The broadcast shape of several shapes, or the ufunc error `operands could not be
/// broadcast together with shapes (3,4) (3,) ` (one space after every shape).
pub fn broadcast_shapes(shapes: &[&[usize]]) -> Result<Shape> {
    broadcast_pair_index(shapes).map_err(|_| {
        let mut msg = String::from("operands could not be broadcast together with shapes ");
        for s in shapes {
            msg.push_str(&shape_str(s));
            msg.push(' ');
        }
        ArrayError::value(msg)
    })
}

/// `np.broadcast_shapes(*shapes)` with its own message: `shape mismatch: objects cannot be
/// broadcast to a single shape.  Mismatch is between arg 0 with shape (3, 4) and arg 1 with
/// shape (3,).`
pub fn broadcast_shapes_py(shapes: &[&[usize]]) -> Result<Shape> {
    broadcast_pair_index(shapes).map_err(|(i, j)| {
        ArrayError::value(format!(
            "shape mismatch: objects cannot be broadcast to a single shape.  Mismatch is \
             between arg {i} with shape {} and arg {j} with shape {}.",
            shape_repr(shapes[i]),
            shape_repr(shapes[j])
        ))
    })
}

/// Broadcasting as NumPy's multi-iterator does it, outermost dimension first; on a
/// mismatch, the operand that set the dimension and the one that disagrees.
fn broadcast_pair_index(shapes: &[&[usize]]) -> std::result::Result<Shape, (usize, usize)> {
    let nd = shapes.iter().map(|s| s.len()).max().unwrap_or(0);
    let mut out: Shape = SmallVec::from_elem(1, nd);
    for (i, dim) in out.iter_mut().enumerate() {
        let mut src = 0;
        for (j, s) in shapes.iter().enumerate() {
            let Some(k) = (i + s.len()).checked_sub(nd) else {
                continue;
            };
            let t = s[k];
            if t == 1 {
                continue;
            }
            if *dim == 1 {
                *dim = t;
                src = j;
            } else if *dim != t {
                return Err((src, j));
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::array::{DType, Scalar};

    fn arange(n: usize, shape: &[usize]) -> NdArray {
        NdArray::from_vec((0..n as i64).collect::<Vec<_>>(), shape).unwrap()
    }
    fn vals(a: &NdArray) -> Vec<i64> {
        a.to_vec::<i64>().unwrap()
    }

    #[test]
    fn transposes() {
        let a = arange(24, &[2, 3, 4]);
        let t = a.transpose(None).unwrap();
        // np.arange(24).reshape(2,3,4).T.strides == (8, 32, 96)
        assert_eq!((t.shape(), t.strides()), (&[4, 3, 2][..], &[8, 32, 96][..]));
        assert!(t.same_storage(&a) && !t.owns_data);
        let t = a.transpose(Some(&[1, -1, 0])).unwrap();
        assert_eq!(t.shape(), &[3, 4, 2]);
        // np.arange(24).reshape(2,3,4).transpose(1,2,0)[2,1].tolist() == [9, 21]
        assert_eq!(t.get(&[2, 1, 1]).unwrap(), Scalar::I64(21));
        let m = arange(6, &[2, 3]);
        assert_eq!(
            m.transpose(Some(&[0, 2])).unwrap_err().msg,
            "axis 2 is out of bounds for array of dimension 2"
        );
        assert_eq!(
            m.transpose(Some(&[0])).unwrap_err().msg,
            "axes don't match array"
        );
        assert_eq!(
            m.transpose(Some(&[0, 0])).unwrap_err().msg,
            "repeated axis in transpose"
        );
        assert_eq!(vals(&m.t()), [0, 3, 1, 4, 2, 5]);
        assert_eq!(
            m.swapaxes(0, 4).unwrap_err().msg,
            "axis2: axis 4 is out of bounds for array of dimension 2"
        );
        assert_eq!(
            m.swapaxes(4, 0).unwrap_err().msg,
            "axis1: axis 4 is out of bounds for array of dimension 2"
        );
        assert_eq!(vals(&m.swapaxes(-1, 0).unwrap()), [0, 3, 1, 4, 2, 5]);
    }

    #[test]
    fn moveaxis_and_dims() {
        let a = arange(24, &[2, 3, 4]);
        // np.moveaxis(np.zeros((2,3,4)), 0, -1).shape == (3, 4, 2)
        assert_eq!(a.moveaxis(&[0], &[-1]).unwrap().shape(), &[3, 4, 2]);
        // np.moveaxis(np.zeros((2,3,4)), [0, 1], [-1, -2]).shape == (4, 3, 2)
        assert_eq!(a.moveaxis(&[0, 1], &[-1, -2]).unwrap().shape(), &[4, 3, 2]);
        // np.moveaxis(np.zeros((2,3,4)), [2, 0], [0, 1]).shape == (4, 2, 3)
        assert_eq!(a.moveaxis(&[2, 0], &[0, 1]).unwrap().shape(), &[4, 2, 3]);
        let m = arange(6, &[2, 3]);
        assert_eq!(
            m.moveaxis(&[5], &[0]).unwrap_err().msg,
            "source: axis 5 is out of bounds for array of dimension 2"
        );
        assert_eq!(
            m.moveaxis(&[0], &[5]).unwrap_err().msg,
            "destination: axis 5 is out of bounds for array of dimension 2"
        );
        assert_eq!(
            m.moveaxis(&[0, 0], &[1, 0]).unwrap_err().msg,
            "repeated axis in `source` argument"
        );
        assert_eq!(
            m.moveaxis(&[0, 1], &[0, 0]).unwrap_err().msg,
            "repeated axis in `destination` argument"
        );
        assert_eq!(
            m.moveaxis(&[0, 1], &[1]).unwrap_err().msg,
            "`source` and `destination` arguments must have the same number of elements"
        );
        // np.expand_dims(np.zeros((2,3)), (0, -1)).shape == (1, 2, 3, 1)
        assert_eq!(m.expand_dims(&[0, -1]).unwrap().shape(), &[1, 2, 3, 1]);
        assert_eq!(
            m.expand_dims(&[3]).unwrap_err().msg,
            "axis 3 is out of bounds for array of dimension 3"
        );
        assert_eq!(m.expand_dims(&[0, 0]).unwrap_err().msg, "repeated axis");
        let e = m.expand_dims(&[1]).unwrap();
        assert_eq!(vals(&e.squeeze(None).unwrap()), [0, 1, 2, 3, 4, 5]);
        assert_eq!(e.squeeze(Some(&[1])).unwrap().shape(), &[2, 3]);
        assert_eq!(
            m.squeeze(Some(&[0])).unwrap_err().msg,
            "cannot select an axis to squeeze out which has size not equal to one"
        );
        assert_eq!(
            m.squeeze(Some(&[3])).unwrap_err().msg,
            "axis 3 is out of bounds for array of dimension 2"
        );
        let o = NdArray::zeros(&[1, 3, 1], DType::Float64, Order::C).unwrap();
        assert_eq!(
            o.squeeze(Some(&[0, 0])).unwrap_err().msg,
            "duplicate value in 'axis'"
        );
        assert_eq!(o.squeeze(Some(&[-1])).unwrap().shape(), &[1, 3]);
    }

    #[test]
    fn broadcasting() {
        let m = NdArray::zeros(&[2, 3], DType::Float64, Order::C).unwrap();
        // np.broadcast_to(np.ones((2,3)), (4,2,3)).strides == (0, 24, 8)
        let b = m.broadcast_to(&[4, 2, 3]).unwrap();
        assert_eq!(
            (b.shape(), b.strides(), b.writeable),
            (&[4, 2, 3][..], &[0, 24, 8][..], false)
        );
        assert_eq!(
            m.broadcast_to(&[3]).unwrap_err().msg,
            "input operand has more dimensions than allowed by the axis remapping"
        );
        assert_eq!(
            m.broadcast_to(&[2, -1]).unwrap_err().msg,
            "all elements of broadcast shape must be non-negative"
        );
        assert_eq!(
            m.broadcast_to(&[3, 3]).unwrap_err().msg,
            "operands could not be broadcast together with remapped shapes [original->remapped]: (2,3)  and requested shape (3,3)"
        );
        assert_eq!(
            m.broadcast_to(&[]).unwrap_err().msg,
            "cannot broadcast a non-scalar to a scalar array"
        );
        // np.broadcast_to(np.ones((2,1)),(3,2,5)).strides == (0, 8, 0)
        let c = NdArray::zeros(&[2, 1], DType::Float64, Order::C).unwrap();
        assert_eq!(c.broadcast_to(&[3, 2, 5]).unwrap().strides(), &[0, 8, 0]);
        // np.broadcast_to(np.ones((1,)),(0,)).shape == (0,)
        let one = NdArray::zeros(&[1], DType::Float64, Order::C).unwrap();
        assert_eq!(one.broadcast_to(&[0]).unwrap().shape(), &[0]);
        let s = NdArray::from_scalar(Scalar::I64(5))
            .unwrap()
            .broadcast_to(&[2])
            .unwrap();
        assert_eq!(vals(&s), [5, 5]);

        assert_eq!(
            broadcast_shapes(&[&[3, 4], &[3]]).unwrap_err().msg,
            "operands could not be broadcast together with shapes (3,4) (3,) "
        );
        assert_eq!(
            broadcast_shapes(&[&[3], &[2], &[]]).unwrap_err().msg,
            "operands could not be broadcast together with shapes (3,) (2,) () "
        );
        assert_eq!(
            broadcast_shapes(&[&[2, 1], &[4, 1, 3], &[]])
                .unwrap()
                .as_slice(),
            &[4, 2, 3]
        );
        assert_eq!(
            broadcast_shapes(&[&[0, 1], &[1, 5]]).unwrap().as_slice(),
            &[0, 5]
        );
        assert_eq!(broadcast_shapes(&[]).unwrap().as_slice(), &[] as &[usize]);
        assert_eq!(
            broadcast_shapes_py(&[&[1, 3], &[3, 1], &[0, 1]])
                .unwrap_err()
                .msg,
            "shape mismatch: objects cannot be broadcast to a single shape.  Mismatch is between arg 1 with shape (3, 1) and arg 2 with shape (0, 1)."
        );
        assert_eq!(
            broadcast_shapes_py(&[&[3, 4], &[3]]).unwrap_err().msg,
            "shape mismatch: objects cannot be broadcast to a single shape.  Mismatch is between arg 0 with shape (3, 4) and arg 1 with shape (3,)."
        );
    }

    #[test]
    fn diagonals() {
        let a = arange(12, &[3, 4]);
        // np.arange(12).reshape(3,4).diagonal(k).tolist()
        assert_eq!(vals(&a.diagonal(0, 0, 1).unwrap()), [0, 5, 10]);
        assert_eq!(vals(&a.diagonal(1, 0, 1).unwrap()), [1, 6, 11]);
        assert_eq!(vals(&a.diagonal(2, 0, 1).unwrap()), [2, 7]);
        assert_eq!(vals(&a.diagonal(-1, 0, 1).unwrap()), [4, 9]);
        assert_eq!(vals(&a.diagonal(-5, 0, 1).unwrap()), Vec::<i64>::new());
        assert_eq!(vals(&a.diagonal(0, 1, 0).unwrap()), [0, 5, 10]);
        assert_eq!(a.diagonal(1, 0, 1).unwrap().strides(), &[40]);
        assert!(!a.diagonal(0, 0, 1).unwrap().writeable);
        // np.arange(24).reshape(2,3,4).diagonal(0, 0, 2).tolist() == [[0, 13], [4, 17], [8, 21]]
        let b = arange(24, &[2, 3, 4]);
        assert_eq!(vals(&b.diagonal(0, 0, 2).unwrap()), [0, 13, 4, 17, 8, 21]);
        assert_eq!(
            a.diagonal(0, 0, 0).unwrap_err().msg,
            "axis1 and axis2 cannot be the same"
        );
        assert_eq!(
            a.diagonal(0, 1, 3).unwrap_err().msg,
            "axis2: axis 3 is out of bounds for array of dimension 2"
        );
        assert_eq!(
            arange(3, &[3]).diagonal(0, 0, 1).unwrap_err().msg,
            "diag requires an array of at least two dimensions"
        );
    }

    #[test]
    fn real_and_imag() {
        use num_complex::Complex64;
        let c = NdArray::from_slice(&[Complex64::new(1.0, 2.0), Complex64::new(3.0, 4.0)]).unwrap();
        let (re, im) = (c.real(), c.imag().unwrap());
        // c.real.strides == (16,), writeable, shares memory
        assert_eq!(
            (re.dtype, re.strides(), re.writeable),
            (DType::Float64, &[16][..], true)
        );
        assert_eq!(re.to_vec_f64(), [1.0, 3.0]);
        assert_eq!(im.to_vec_f64(), [2.0, 4.0]);
        im.set(&[1], Scalar::F64(9.0)).unwrap();
        assert_eq!(c.get(&[1]).unwrap(), Scalar::C128(Complex64::new(3.0, 9.0)));
        let r = NdArray::from_slice(&[1i8, 2]).unwrap();
        assert!(r.real().same_storage(&r));
        // np.array([1,2], np.int8).imag: int8 zeros, read-only, not sharing
        let z = r.imag().unwrap();
        assert_eq!(
            (z.dtype, z.writeable, z.same_storage(&r)),
            (DType::Int8, false, false)
        );
        assert_eq!(z.to_vec::<i8>().unwrap(), [0, 0]);
    }
}
