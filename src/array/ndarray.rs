//! `NdArray`: a view (dtype, shape, byte strides, byte offset, flags) onto shared
//! `Storage`. Cloning makes another view of the same data. Element access, layout flags
//! computed as NumPy computes them, C-order traversal, and slices of contiguous data.

use smallvec::SmallVec;
use std::rc::Rc;

use super::alloc::{alloc_for, alloc_uninit_for, shape_size};
use super::dtype::DType;
use super::element::Element;
use super::iter::{Offsets, Runs};
use super::scalar::Scalar;
use super::storage::Storage;
use super::{ArrayError, Result};

pub type Shape = SmallVec<[usize; 4]>;
pub type Strides = SmallVec<[isize; 4]>;

/// Memory order for copies, reshapes and creation: `'C'`, `'F'`, `'A'` (F if the source is
/// F- and not C-contiguous, else C), `'K'` (as close to the source's layout as possible).
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum Order {
    C,
    F,
    A,
    K,
}

impl Order {
    pub fn parse(s: &str) -> Option<Order> {
        Some(match s {
            "C" | "c" => Order::C,
            "F" | "f" => Order::F,
            "A" | "a" => Order::A,
            "K" | "k" => Order::K,
            _ => return None,
        })
    }
}

/// An n-d array: a strided view onto a shared buffer.
#[derive(Clone, Debug)]
pub struct NdArray {
    pub storage: Rc<Storage>,
    /// Byte offset of element `[0, 0, …]` in `storage`.
    pub offset: usize,
    pub dtype: DType,
    pub shape: Shape,
    /// Byte strides, one per axis (may be negative or zero).
    pub strides: Strides,
    pub writeable: bool,
    /// True for an array that allocated its buffer, false for views (NumPy's OWNDATA).
    pub owns_data: bool,
}

/// Strides of a contiguous array of `shape` in C or F order. Like NumPy, an empty array
/// gets all-zero strides.
pub fn contiguous_strides(shape: &[usize], itemsize: usize, fortran: bool) -> Strides {
    let mut strides: Strides = SmallVec::from_elem(0, shape.len());
    if shape.contains(&0) {
        return strides;
    }
    let mut s = itemsize as isize;
    for k in 0..shape.len() {
        let i = if fortran { k } else { shape.len() - 1 - k };
        strides[i] = s;
        s *= shape[i] as isize;
    }
    strides
}

impl Drop for NdArray {
    fn drop(&mut self) {
        // A small buffer this array was the last to use is kept for the next result.
        crate::array::storage::Storage::recycle(&mut self.storage);
    }
}

impl NdArray {
    /// A new zero-filled array (also `np.empty`: memory is always zeroed).
    pub fn zeros(shape: &[usize], dtype: DType, order: Order) -> Result<NdArray> {
        let strides = contiguous_strides(shape, dtype.itemsize(), order == Order::F);
        Ok(NdArray::owning(
            alloc_for(shape, dtype)?,
            dtype,
            shape.into(),
            strides,
        ))
    }

    /// A new array whose elements are unspecified: for results a kernel overwrites
    /// completely before the array is read or returned (gathers, mask selections,
    /// elementwise outputs). Anything else, `np.empty` included, uses [`NdArray::zeros`].
    /// A failing kernel must drop the array rather than return it.
    pub fn uninit(shape: &[usize], dtype: DType, order: Order) -> Result<NdArray> {
        let strides = contiguous_strides(shape, dtype.itemsize(), order == Order::F);
        Ok(NdArray::owning(
            alloc_uninit_for(shape, dtype)?,
            dtype,
            shape.into(),
            strides,
        ))
    }

    /// [`NdArray::uninit`] of the shape of `like`, a C-contiguous array, in C order (the
    /// strides are copied when the item size is the same).
    pub fn uninit_like(like: &NdArray, dtype: DType) -> Result<NdArray> {
        debug_assert!(like.is_c_contiguous());
        if dtype.itemsize() != like.itemsize() {
            return NdArray::uninit(&like.shape, dtype, Order::C);
        }
        Ok(NdArray::owning(
            alloc_uninit_for(&like.shape, dtype)?,
            dtype,
            Shape::from_slice(&like.shape),
            Strides::from_slice(&like.strides),
        ))
    }

    /// A writeable array owning `storage` from its start.
    fn owning(storage: Rc<Storage>, dtype: DType, shape: Shape, strides: Strides) -> NdArray {
        NdArray {
            storage,
            offset: 0,
            dtype,
            shape,
            strides,
            writeable: true,
            owns_data: true,
        }
    }

    /// A 0-d array holding one scalar.
    pub fn from_scalar(s: Scalar) -> Result<NdArray> {
        let a = NdArray::zeros(&[], s.dtype(), Order::C)?;
        a.set_at(a.offset, s);
        Ok(a)
    }

    /// A C-contiguous array of `shape` from values in C order.
    pub fn from_vec<T: Element>(data: Vec<T>, shape: &[usize]) -> Result<NdArray> {
        if shape_size(shape) != data.len() {
            return Err(ArrayError::value(format!(
                "cannot reshape array of size {} into shape {}",
                data.len(),
                super::shape_str(shape)
            )));
        }
        let mut a = NdArray::zeros(shape, T::DTYPE, Order::C)?;
        if let Some(out) = a.as_mut_slice::<T>() {
            out.copy_from_slice(&data);
        }
        Ok(a)
    }

    /// A 1-d array from values.
    pub fn from_slice<T: Element>(data: &[T]) -> Result<NdArray> {
        NdArray::from_vec(data.to_vec(), &[data.len()])
    }

    pub fn ndim(&self) -> usize {
        self.shape.len()
    }
    pub fn size(&self) -> usize {
        shape_size(&self.shape)
    }
    pub fn itemsize(&self) -> usize {
        self.dtype.itemsize()
    }
    pub fn nbytes(&self) -> usize {
        self.size() * self.itemsize()
    }
    pub fn shape(&self) -> &[usize] {
        &self.shape
    }
    pub fn strides(&self) -> &[isize] {
        &self.strides
    }

    /// NumPy's C_CONTIGUOUS flag: axes of length 1 are ignored; empty arrays are contiguous.
    pub fn is_c_contiguous(&self) -> bool {
        contiguous_in(
            &self.shape,
            &self.strides,
            self.itemsize(),
            (0..self.ndim()).rev(),
        )
    }

    /// NumPy's F_CONTIGUOUS flag.
    pub fn is_f_contiguous(&self) -> bool {
        contiguous_in(&self.shape, &self.strides, self.itemsize(), 0..self.ndim())
    }

    /// Another view of the same data, not owning it (`a.view()`).
    pub fn view(&self) -> NdArray {
        let mut v = self.clone();
        v.owns_data = false;
        v
    }

    /// Whether two arrays use the same buffer (`np.shares_memory` for these views is
    /// at most this; exact overlap is not computed).
    pub fn same_storage(&self, other: &NdArray) -> bool {
        Rc::ptr_eq(&self.storage, &other.storage)
    }

    /// Byte offset of the element at a full index, or NumPy's IndexError.
    pub fn offset_of(&self, index: &[usize]) -> Result<usize> {
        if index.len() != self.ndim() {
            return Err(ArrayError::index(format!(
                "too many indices for array: array is {}-dimensional, but {} were indexed",
                self.ndim(),
                index.len()
            )));
        }
        let mut off = self.offset as isize;
        for (axis, (&i, (&n, &s))) in index
            .iter()
            .zip(self.shape.iter().zip(&self.strides))
            .enumerate()
        {
            if i >= n {
                return Err(ArrayError::index(format!(
                    "index {i} is out of bounds for axis {axis} with size {n}"
                )));
            }
            off += i as isize * s;
        }
        Ok(off as usize)
    }

    /// Element at a full index.
    pub fn get(&self, index: &[usize]) -> Result<Scalar> {
        Ok(self.get_at(self.offset_of(index)?))
    }

    /// Stores `value` (cast unsafe-ly into the array's dtype) at a full index.
    pub fn set(&self, index: &[usize], value: Scalar) -> Result<()> {
        self.check_writeable()?;
        self.set_at(self.offset_of(index)?, value);
        Ok(())
    }

    /// NumPy's error for writing to a read-only array.
    pub fn check_writeable(&self) -> Result<()> {
        if self.writeable {
            Ok(())
        } else {
            Err(ArrayError::value("assignment destination is read-only"))
        }
    }

    /// The `i`-th element in C order (`a.flat[i]`).
    pub fn get_flat(&self, i: usize) -> Result<Scalar> {
        let size = self.size();
        if i >= size {
            return Err(ArrayError::index(format!(
                "index {i} is out of bounds for axis 0 with size {size}"
            )));
        }
        let mut rest = i;
        let mut off = self.offset as isize;
        for axis in (0..self.ndim()).rev() {
            let n = self.shape[axis];
            off += (rest % n) as isize * self.strides[axis];
            rest /= n;
        }
        Ok(self.get_at(off as usize))
    }

    /// Element at a byte offset known to be one of this array's elements.
    #[inline]
    pub fn get_at(&self, byte_offset: usize) -> Scalar {
        assert!(
            byte_offset + self.itemsize() <= self.storage.nbytes(),
            "offset outside the buffer"
        );
        // SAFETY: bounds checked above; the bytes were written as this dtype.
        crate::with_dtype!(self.dtype, T => unsafe { self.storage.read::<T>(byte_offset) }.to_scalar())
    }

    /// Writes an element at a byte offset (casting the value into the array's dtype).
    #[inline]
    pub fn set_at(&self, byte_offset: usize, value: Scalar) {
        assert!(
            byte_offset + self.itemsize() <= self.storage.nbytes(),
            "offset outside the buffer"
        );
        // SAFETY: bounds checked above.
        crate::with_dtype!(self.dtype, T => unsafe { self.storage.write::<T>(byte_offset, T::from_scalar(value)) })
    }

    /// Reads a typed element at a byte offset; `T` must be the array's element type.
    #[inline(always)]
    pub fn read<T: Element>(&self, byte_offset: usize) -> T {
        assert!(
            T::DTYPE == self.dtype
                && byte_offset + std::mem::size_of::<T>() <= self.storage.nbytes()
        );
        // SAFETY: checked above.
        unsafe { self.storage.read::<T>(byte_offset) }
    }

    /// Writes a typed element at a byte offset; `T` must be the array's element type.
    #[inline(always)]
    pub fn write<T: Element>(&self, byte_offset: usize, value: T) {
        assert!(
            T::DTYPE == self.dtype
                && byte_offset + std::mem::size_of::<T>() <= self.storage.nbytes()
        );
        // SAFETY: checked above.
        unsafe { self.storage.write::<T>(byte_offset, value) }
    }

    /// Byte offsets of all elements in C order.
    pub fn offsets(&self) -> Offsets {
        Offsets::new(&self.shape, &self.strides, self.offset)
    }

    /// Runs along the innermost (coalesced) axis in C order.
    pub fn runs(&self) -> Runs<1> {
        Runs::new(&self.shape, [&self.strides], [self.offset])
    }

    /// All elements in C order as scalars.
    pub fn iter_scalars(&self) -> impl Iterator<Item = Scalar> + '_ {
        self.offsets().map(move |o| self.get_at(o))
    }

    /// The elements as a slice when the array is C-contiguous and `T` is its element type.
    /// Do not write to the same buffer through another view while holding the slice.
    pub fn as_slice<T: Element>(&self) -> Option<&[T]> {
        if T::DTYPE != self.dtype || !self.is_c_contiguous() || !self.is_aligned() {
            return None;
        }
        let n = self.size();
        if n == 0 {
            return Some(&[]);
        }
        let start = self.lowest_offset();
        // SAFETY: C-contiguous, aligned, within the buffer; `Storage` outlives `&self`.
        Some(unsafe { std::slice::from_raw_parts(self.storage.as_ptr().add(start) as *const T, n) })
    }

    /// A mutable slice of the elements when this array is the only view of its buffer,
    /// C-contiguous, writeable, and `T` is its element type (fresh results of kernels).
    pub fn as_mut_slice<T: Element>(&mut self) -> Option<&mut [T]> {
        if Rc::strong_count(&self.storage) != 1 || !self.writeable {
            return None;
        }
        let n = self.size();
        let start = self.lowest_offset();
        self.as_slice::<T>()?;
        if n == 0 {
            return Some(&mut []);
        }
        // SAFETY: as in `as_slice`, and no other view can reach the buffer.
        Some(unsafe {
            std::slice::from_raw_parts_mut(self.storage.as_ptr().add(start) as *mut T, n)
        })
    }

    fn is_aligned(&self) -> bool {
        let align = match self.dtype {
            DType::Complex64 => 4,
            DType::Complex128 => 8,
            d => d.itemsize(),
        };
        (self.storage.as_ptr() as usize + self.offset).is_multiple_of(align)
    }

    /// Offset of the element with the lowest address (for contiguous arrays: the start).
    fn lowest_offset(&self) -> usize {
        let mut off = self.offset as isize;
        for (&n, &s) in self.shape.iter().zip(&self.strides) {
            if s < 0 && n > 0 {
                off += s * (n as isize - 1);
            }
        }
        off as usize
    }

    /// The elements in C order as a Vec of their own type (`None` if `T` is not it).
    pub fn to_vec<T: Element>(&self) -> Option<Vec<T>> {
        if T::DTYPE != self.dtype {
            return None;
        }
        if let Some(s) = self.as_slice::<T>() {
            return Some(s.to_vec());
        }
        Some(self.offsets().map(|o| self.read::<T>(o)).collect())
    }

    /// The elements in C order cast to f64 (complex: real parts).
    pub fn to_vec_f64(&self) -> Vec<f64> {
        if let Some(s) = self.as_slice::<f64>() {
            return s.to_vec();
        }
        self.iter_scalars().map(|s| s.to_f64()).collect()
    }

    /// The value of a size-1 array (`a.item()`), or NumPy's ValueError.
    pub fn item(&self) -> Result<Scalar> {
        if self.size() != 1 {
            return Err(ArrayError::value(
                "can only convert an array of size 1 to a Python scalar",
            ));
        }
        Ok(self.get_at(self.offsets().next().unwrap_or(self.offset)))
    }

    /// Sets every element to `value` (cast unsafe-ly): `a.fill(v)`, `a[...] = v`.
    pub fn fill(&self, value: Scalar) -> Result<()> {
        self.check_writeable()?;
        crate::with_dtype!(self.dtype, T => {
            let v = T::from_scalar(value);
            let runs = self.runs();
            let (len, step) = (runs.inner_len, runs.inner_strides[0]);
            for [start] in runs {
                let mut off = start as isize;
                for _ in 0..len {
                    self.write::<T>(off as usize, v);
                    off += step;
                }
            }
        });
        Ok(())
    }
}

fn contiguous_in(
    shape: &[usize],
    strides: &[isize],
    itemsize: usize,
    axes: impl Iterator<Item = usize>,
) -> bool {
    if shape.contains(&0) {
        return true;
    }
    let mut expected = itemsize as isize;
    for i in axes {
        if shape[i] != 1 {
            if strides[i] != expected {
                return false;
            }
            expected *= shape[i] as isize;
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::array::dtype::ALL_DTYPES;

    fn arange_i64(n: usize, shape: &[usize]) -> NdArray {
        NdArray::from_vec((0..n as i64).collect::<Vec<_>>(), shape).unwrap()
    }

    #[test]
    fn zeros_of_every_dtype() {
        for d in ALL_DTYPES {
            for order in [Order::C, Order::F] {
                let a = NdArray::zeros(&[2, 3], d, order).unwrap();
                assert_eq!(a.size(), 6);
                assert_eq!(a.nbytes(), 6 * d.itemsize());
                assert_eq!(a.get(&[1, 2]).unwrap(), Scalar::zero(d));
                a.set(&[1, 2], Scalar::I64(7)).unwrap();
                let seven = Scalar::I64(7).cast(d);
                assert_eq!(a.get(&[1, 2]).unwrap(), seven);
                assert_eq!(a.get_flat(5).unwrap(), seven);
                assert_eq!(a.get_flat(4).unwrap(), Scalar::zero(d));
                assert!(a.is_c_contiguous() == (order == Order::C));
                assert!(a.is_f_contiguous() == (order == Order::F));
            }
        }
    }

    #[test]
    fn strides_and_flags() {
        // np.zeros((2,3)).strides, np.zeros((2,3), order='F').strides
        assert_eq!(
            NdArray::zeros(&[2, 3], DType::Float64, Order::C)
                .unwrap()
                .strides(),
            &[24, 8]
        );
        assert_eq!(
            NdArray::zeros(&[2, 3], DType::Float64, Order::F)
                .unwrap()
                .strides(),
            &[8, 16]
        );
        // np.zeros((0,3)).strides == (0, 0); np.zeros((3,0,2), order='F').strides == (0,0,0)
        assert_eq!(
            NdArray::zeros(&[0, 3], DType::Float64, Order::C)
                .unwrap()
                .strides(),
            &[0, 0]
        );
        assert_eq!(
            NdArray::zeros(&[3, 0, 2], DType::Float64, Order::F)
                .unwrap()
                .strides(),
            &[0, 0, 0]
        );
        // np.zeros((2,1,3)).strides == (24, 24, 8); order='F' -> (8, 16, 16)
        assert_eq!(
            NdArray::zeros(&[2, 1, 3], DType::Float64, Order::C)
                .unwrap()
                .strides(),
            &[24, 24, 8]
        );
        assert_eq!(
            NdArray::zeros(&[2, 1, 3], DType::Float64, Order::F)
                .unwrap()
                .strides(),
            &[8, 16, 16]
        );
        // 0-d and 1-element arrays are both C and F contiguous; so are (1,3) and empty ones
        for shape in [&[][..], &[1], &[1, 3], &[3, 1], &[0, 3], &[3, 0, 5], &[3]] {
            let a = NdArray::zeros(shape, DType::Int32, Order::C).unwrap();
            assert!(a.is_c_contiguous() && a.is_f_contiguous(), "{shape:?}");
        }
        assert!(
            !NdArray::zeros(&[2, 3], DType::Int32, Order::C)
                .unwrap()
                .is_f_contiguous()
        );
        let mut a = arange_i64(6, &[2, 3]);
        a.strides = SmallVec::from_slice(&[8, 16]); // a transpose-like layout of (2,3)
        assert!(!a.is_c_contiguous() && a.is_f_contiguous());
    }

    #[test]
    fn element_access_errors() {
        let a = arange_i64(6, &[2, 3]);
        assert_eq!(a.get(&[1, 1]).unwrap(), Scalar::I64(4));
        // a[0, 5] on (2,3)
        assert_eq!(
            a.get(&[0, 5]).unwrap_err().msg,
            "index 5 is out of bounds for axis 1 with size 3"
        );
        // a[0, 0, 0] on 2-D
        assert_eq!(
            a.get(&[0, 0, 0]).unwrap_err().msg,
            "too many indices for array: array is 2-dimensional, but 3 were indexed"
        );
        assert!(a.get_flat(6).is_err());
        let z = NdArray::from_scalar(Scalar::F32(1.5)).unwrap();
        assert_eq!(z.get(&[]).unwrap(), Scalar::F32(1.5));
        assert_eq!(z.item().unwrap(), Scalar::F32(1.5));
        // np.ones(3).item()
        assert_eq!(
            a.item().unwrap_err().msg,
            "can only convert an array of size 1 to a Python scalar"
        );
        let mut r = a.view();
        r.writeable = false;
        assert_eq!(
            r.set(&[0, 0], Scalar::I64(1)).unwrap_err().msg,
            "assignment destination is read-only"
        );
    }

    #[test]
    fn slices_and_vectors() {
        let mut a = arange_i64(6, &[2, 3]);
        assert_eq!(a.as_slice::<i64>().unwrap(), &[0, 1, 2, 3, 4, 5]);
        assert!(a.as_slice::<f64>().is_none());
        a.as_mut_slice::<i64>().unwrap()[0] = 9;
        let b = a.view();
        assert!(a.as_mut_slice::<i64>().is_none()); // shared now
        assert_eq!(b.to_vec::<i64>().unwrap(), [9, 1, 2, 3, 4, 5]);
        assert_eq!(b.to_vec_f64(), [9.0, 1.0, 2.0, 3.0, 4.0, 5.0]);
        b.fill(Scalar::F64(2.7)).unwrap();
        assert_eq!(a.to_vec::<i64>().unwrap(), [2; 6]);
        assert!(NdArray::from_vec(vec![1i8, 2], &[3]).is_err());
    }
}
