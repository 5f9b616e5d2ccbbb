//! Copies and casts: `copy(order)`, `astype(dtype, casting)`, assignment of one array into
//! another with broadcasting (`a[...] = b`), with contiguous fast paths for the hot pairs.

use smallvec::SmallVec;

use super::dtype::{Casting, DType, can_cast, cast_error};
use super::element::Element;
use super::iter::Runs;
use super::ndarray::{NdArray, Order, Strides, contiguous_strides};
use super::scalar::{f64_to_i32, f64_to_i64, f64_to_u32, f64_to_u32_simd};
use super::view::broadcast_shapes;
use super::{ArrayError, Result, shape_str};

impl NdArray {
    /// Whether NumPy treats the layout as Fortran-ordered (`F` and not `C` contiguous).
    pub fn is_fortran(&self) -> bool {
        self.is_f_contiguous() && !self.is_c_contiguous()
    }

    /// Strides a new array of this shape gets for `order` (NumPy's `NewLikeArray`): `K`
    /// keeps the source's axis order by descending absolute stride.
    pub fn like_strides(&self, order: Order, itemsize: usize) -> Strides {
        let fortran = match order {
            Order::C => false,
            Order::F => true,
            Order::A => self.is_fortran(),
            Order::K => {
                if self.is_c_contiguous() || self.ndim() <= 1 {
                    false
                } else if self.is_f_contiguous() {
                    true
                } else {
                    return keep_order_strides(&self.shape, &self.strides, itemsize);
                }
            }
        };
        contiguous_strides(&self.shape, itemsize, fortran)
    }

    /// A new zeroed array shaped like this one, of `dtype`, laid out per `order`.
    pub fn empty_like(&self, dtype: DType, order: Order) -> Result<NdArray> {
        let mut out = NdArray::zeros(&self.shape, dtype, Order::C)?;
        out.strides = self.like_strides(order, dtype.itemsize());
        Ok(out)
    }

    /// `a.copy(order)`: a new array owning its data.
    pub fn copy(&self, order: Order) -> Result<NdArray> {
        let out = self.empty_like(self.dtype, order)?;
        cast_into(&out, self);
        Ok(out)
    }

    /// `a.astype(dtype, casting=...)` (always a copy, order `K`), or NumPy's TypeError
    /// `Cannot cast array data from dtype('float64') to dtype('int64') according to the
    /// rule 'safe'`.
    pub fn astype(&self, dtype: DType, casting: Casting) -> Result<NdArray> {
        self.astype_order(dtype, casting, Order::K)
    }

    pub fn astype_order(&self, dtype: DType, casting: Casting, order: Order) -> Result<NdArray> {
        if !can_cast(self.dtype, dtype, casting) {
            return Err(cast_error(self.dtype, dtype, casting));
        }
        let out = self.empty_like(dtype, order)?;
        cast_into(&out, self);
        Ok(out)
    }

    /// `self[...] = src`: `src` broadcast to this array's shape and cast unsafe-ly
    /// (`ValueError: could not broadcast input array from shape (2,) into shape (3,)`).
    /// Overlapping source and destination are handled as NumPy does (through a copy).
    pub fn assign(&self, src: &NdArray) -> Result<()> {
        self.check_writeable()?;
        let b = src.broadcast_view(&self.shape).ok_or_else(|| {
            ArrayError::value(format!(
                "could not broadcast input array from shape {} into shape {}",
                shape_str(&src.shape),
                shape_str(&self.shape)
            ))
        })?;
        if b.same_storage(self) {
            let tmp = b.copy(Order::K)?;
            cast_into(self, &tmp);
        } else {
            cast_into(self, &b);
        }
        Ok(())
    }
}

/// The broadcast shape of two arrays as for a binary operation (convenience).
pub fn broadcast_pair(a: &NdArray, b: &NdArray) -> Result<(NdArray, NdArray)> {
    let shape = broadcast_shapes(&[&a.shape, &b.shape])?;
    let ok = |x: &NdArray| x.broadcast_view(&shape).expect("broadcast shape fits");
    Ok((ok(a), ok(b)))
}

/// Strides for `K` order: axes sorted by descending absolute stride (ties keep their
/// order), laid out contiguously in that order (NumPy's `PyArray_CreateSortedStridePerm`).
fn keep_order_strides(shape: &[usize], strides: &[isize], itemsize: usize) -> Strides {
    let mut perm: SmallVec<[usize; 4]> = (0..shape.len()).collect();
    perm.sort_by(|&a, &b| strides[b].unsigned_abs().cmp(&strides[a].unsigned_abs()));
    let mut out: Strides = SmallVec::from_elem(0, shape.len());
    if shape.contains(&0) {
        return out;
    }
    let mut s = itemsize as isize;
    for &p in perm.iter().rev() {
        out[p] = s;
        s *= shape[p] as isize;
    }
    out
}

/// Copies `src` (same shape) into `dst` element by element with NumPy's unsafe cast.
/// Like NumPy's `PrepareTwoRawArrayIter`, the traversal follows the destination's memory
/// order (axes by descending absolute stride, negative destination strides reversed), so
/// an F-ordered copy is one contiguous run too.
pub(crate) fn cast_into(dst: &NdArray, src: &NdArray) {
    debug_assert_eq!(dst.shape, src.shape);
    let mut perm: SmallVec<[usize; 4]> = (0..dst.ndim()).collect();
    perm.sort_by(|&a, &b| {
        dst.strides[b]
            .unsigned_abs()
            .cmp(&dst.strides[a].unsigned_abs())
    });
    let shape: SmallVec<[usize; 4]> = perm.iter().map(|&p| dst.shape[p]).collect();
    let mut s_str: Strides = perm.iter().map(|&p| src.strides[p]).collect();
    let mut d_str: Strides = perm.iter().map(|&p| dst.strides[p]).collect();
    let (mut s_off, mut d_off) = (src.offset as isize, dst.offset as isize);
    if !shape.contains(&0) {
        for k in 0..shape.len() {
            if d_str[k] < 0 {
                let last = shape[k] as isize - 1;
                d_off += d_str[k] * last;
                s_off += s_str[k] * last;
                d_str[k] = -d_str[k];
                s_str[k] = -s_str[k];
            }
        }
    }
    let runs = Runs::new(&shape, [&s_str, &d_str], [s_off as usize, d_off as usize]);
    let len = runs.inner_len;
    let [ss, ds] = runs.inner_strides;
    let (si, di) = (src.itemsize() as isize, dst.itemsize() as isize);
    let (sp, dp) = (src.storage.as_ptr(), dst.storage.as_ptr());
    check_in_bounds(src);
    check_in_bounds(dst);
    for [so, doff] in runs {
        // SAFETY: every run lies inside its buffer (checked above).
        unsafe {
            let s = sp.add(so);
            let d = dp.add(doff);
            if ss == si && ds == di {
                cast_contiguous(src.dtype, dst.dtype, s, d, len);
            } else {
                cast_strided(src.dtype, dst.dtype, s, ss, d, ds, len);
            }
        }
    }
}

/// The extreme offsets of a strided view are at its corners: checks them once, so the
/// raw loops below stay inside the buffer.
pub(crate) fn check_in_bounds(a: &NdArray) {
    let (mut lo, mut hi) = (a.offset as isize, a.offset as isize);
    for (&n, &s) in a.shape.iter().zip(&a.strides) {
        if n == 0 {
            return;
        }
        let span = s * (n as isize - 1);
        if span < 0 { lo += span } else { hi += span }
    }
    assert!(
        lo >= 0 && (hi as usize) + a.itemsize() <= a.storage.nbytes(),
        "array view outside its buffer"
    );
}

/// One contiguous run: the hot pairs get plain loops the compiler vectorises.
///
/// # Safety
/// `s` and `d` must point at `n` elements of their dtypes.
unsafe fn cast_contiguous(from: DType, to: DType, s: *const u8, d: *mut u8, n: usize) {
    macro_rules! pair {
        ($S:ty, $D:ty, $f:expr) => {{
            let f = $f;
            for i in 0..n {
                // SAFETY: within the run.
                unsafe {
                    let x = std::ptr::read_unaligned((s as *const $S).add(i));
                    std::ptr::write_unaligned((d as *mut $D).add(i), f(x));
                }
            }
        }};
    }
    use DType::*;
    match (from, to) {
        _ if from == to => {
            // SAFETY: same-typed runs of n elements; may overlap only if identical.
            unsafe { std::ptr::copy(s, d, n * from.itemsize()) }
        }
        (Float64, Int64) => pair!(f64, i64, f64_to_i64),
        (Int64, Float64) => pair!(i64, f64, |x: i64| x as f64),
        (Float64, Float32) => pair!(f64, f32, |x: f64| x as f32),
        (Float32, Float64) => pair!(f32, f64, |x: f32| x as f64),
        (Int32, Int64) => pair!(i32, i64, |x: i32| x as i64),
        (Int64, Int32) => pair!(i64, i32, |x: i64| x as i32),
        (Int32, Float64) => pair!(i32, f64, |x: i32| x as f64),
        (Bool, Float64) => pair!(u8, f64, |x: u8| (x != 0) as u8 as f64),
        (Bool, Int64) => pair!(u8, i64, |x: u8| (x != 0) as i64),
        (Bool, Float32) => pair!(u8, f32, |x: u8| (x != 0) as u8 as f32),
        (Bool, Int32) => pair!(u8, i32, |x: u8| (x != 0) as i32),
        (Int64, Float32) => pair!(i64, f32, |x: i64| x as f32),
        (Float32, Int64) => pair!(f32, i64, |x: f32| f64_to_i64(x as f64)),
        (Float64, Int32) => pair!(f64, i32, f64_to_i32),
        (Int32, Float32) => pair!(i32, f32, |x: i32| x as f32),
        (UInt8, Float64) => pair!(u8, f64, |x: u8| x as f64),
        (Int8, Float64) => pair!(i8, f64, |x: i8| x as f64),
        (Float64, Bool) => pair!(f64, u8, |x: f64| (x != 0.0) as u8),
        (Int64, Bool) => pair!(i64, u8, |x: i64| (x != 0) as u8),
        (Float64 | Float32, UInt32) => {
            // NumPy's vectorised loop: whole groups of four use another formula.
            let groups = n / 4 * 4;
            for i in 0..n {
                // SAFETY: within the run.
                unsafe {
                    let x = if from == Float64 {
                        std::ptr::read_unaligned((s as *const f64).add(i))
                    } else {
                        std::ptr::read_unaligned((s as *const f32).add(i)) as f64
                    };
                    let v = if i < groups {
                        f64_to_u32_simd(x)
                    } else {
                        f64_to_u32(x)
                    };
                    std::ptr::write_unaligned((d as *mut u32).add(i), v);
                }
            }
        }
        _ => {
            let (si, di) = (from.itemsize() as isize, to.itemsize() as isize);
            // SAFETY: as for the caller.
            unsafe { cast_strided(from, to, s, si, d, di, n) }
        }
    }
}

/// One strided run through the generic element conversion.
///
/// # Safety
/// `s + k*ss` and `d + k*ds` for `k < n` must be elements of their dtypes.
unsafe fn cast_strided(
    from: DType,
    to: DType,
    s: *const u8,
    ss: isize,
    d: *mut u8,
    ds: isize,
    n: usize,
) {
    if from == to {
        crate::with_dtype!(from, T => {
            for k in 0..n as isize {
                // SAFETY: guaranteed by the caller.
                unsafe {
                    let x = std::ptr::read_unaligned(s.offset(k * ss) as *const T);
                    std::ptr::write_unaligned(d.offset(k * ds) as *mut T, x);
                }
            }
        });
        return;
    }
    crate::with_dtype!(from, S => crate::with_dtype!(to, D => {
        for k in 0..n as isize {
            // SAFETY: guaranteed by the caller.
            unsafe {
                let x = std::ptr::read_unaligned(s.offset(k * ss) as *const S);
                std::ptr::write_unaligned(d.offset(k * ds) as *mut D, convert::<S, D>(x));
            }
        }
    }))
}

#[inline(always)]
fn convert<S: Element, D: Element>(x: S) -> D {
    D::from_scalar(x.to_scalar())
}

/// A fresh C-contiguous buffer holding the elements of `a` in C order (a helper for
/// routines that need contiguous input).
pub fn contiguous(a: &NdArray) -> Result<NdArray> {
    if a.is_c_contiguous() {
        return Ok(a.clone());
    }
    a.copy(Order::C)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::array::dtype::ALL_DTYPES;
    use crate::array::{IndexItem, Scalar};

    fn arange(n: usize, shape: &[usize]) -> NdArray {
        NdArray::from_vec((0..n as i64).collect::<Vec<_>>(), shape).unwrap()
    }

    #[test]
    fn copy_orders() {
        let b = arange(24, &[2, 3, 4]).transpose(Some(&[2, 0, 1])).unwrap();
        // b = np.arange(24).reshape(2,3,4).transpose(2,0,1): copy('K').strides == (8, 96, 32)
        assert_eq!(b.copy(Order::K).unwrap().strides(), &[8, 96, 32]);
        // b.astype(np.int32).strides == (4, 48, 16)
        assert_eq!(
            b.astype(DType::Int32, Casting::Unsafe).unwrap().strides(),
            &[4, 48, 16]
        );
        let c = b.copy(Order::C).unwrap();
        assert_eq!(c.strides(), &[48, 24, 8]);
        assert_eq!(c.to_vec::<i64>().unwrap(), b.to_vec::<i64>().unwrap());
        assert!(c.owns_data && !c.same_storage(&b));
        // np.zeros((3,4))[:, ::2].copy('K').strides == (16, 8)
        let d = NdArray::zeros(&[3, 4], DType::Float64, Order::C).unwrap();
        let d = d
            .slice_view(&[
                IndexItem::ALL,
                IndexItem::Slice {
                    start: None,
                    stop: None,
                    step: Some(2),
                },
            ])
            .unwrap();
        assert_eq!(d.copy(Order::K).unwrap().strides(), &[16, 8]);
        // e = np.zeros((2,3), order='F'): copy('A') (8, 16), copy() (24, 8), astype (4, 8)
        let e = NdArray::zeros(&[2, 3], DType::Float64, Order::F).unwrap();
        assert_eq!(e.copy(Order::A).unwrap().strides(), &[8, 16]);
        assert_eq!(e.copy(Order::C).unwrap().strides(), &[24, 8]);
        assert_eq!(
            e.astype(DType::Float32, Casting::Unsafe).unwrap().strides(),
            &[4, 8]
        );
        // f = np.zeros((3,1,2)).transpose(1,2,0): strides (16, 8, 16), copy('K') (8, 8, 16)
        let f = NdArray::zeros(&[3, 1, 2], DType::Float64, Order::C)
            .unwrap()
            .transpose(Some(&[1, 2, 0]))
            .unwrap();
        assert_eq!(f.strides(), &[16, 8, 16]);
        assert_eq!(f.copy(Order::K).unwrap().strides(), &[8, 8, 16]);
        // np.broadcast_to(np.arange(3), (2,3)).copy('K').strides == (8, 16)
        let g = arange(3, &[3]).broadcast_to(&[2, 3]).unwrap();
        let gc = g.copy(Order::K).unwrap();
        assert_eq!(gc.strides(), &[8, 16]);
        assert_eq!(gc.to_vec::<i64>().unwrap(), [0, 1, 2, 0, 1, 2]);
        assert!(gc.writeable);
        // reversed: np.arange(6)[::-1].copy('K').strides == (8,)
        let r = arange(6, &[6])
            .slice_view(&[IndexItem::Slice {
                start: None,
                stop: None,
                step: Some(-1),
            }])
            .unwrap();
        let rc = r.copy(Order::K).unwrap();
        assert_eq!(
            (rc.strides(), rc.to_vec::<i64>().unwrap()),
            (&[8][..], vec![5, 4, 3, 2, 1, 0])
        );
        let z = NdArray::zeros(&[0, 3], DType::Int8, Order::C).unwrap();
        assert_eq!(z.copy(Order::K).unwrap().shape(), &[0, 3]);
    }

    #[test]
    fn astype_all_pairs_match_scalar_cast() {
        let src = NdArray::from_slice(&[0.0f64, -1.5, 2.75, 300.0, -129.0, 1e10, 65504.0]).unwrap();
        for from in ALL_DTYPES {
            let a = src.astype(from, Casting::Unsafe).unwrap();
            // a strided view too, to exercise the element-wise path
            let a2 = a.broadcast_to(&[2, 7]).unwrap().t();
            for to in ALL_DTYPES {
                let b = a.astype(to, Casting::Unsafe).unwrap();
                let b2 = a2.astype(to, Casting::Unsafe).unwrap();
                assert_eq!(b.dtype, to);
                for i in 0..7 {
                    let want = a.get(&[i]).unwrap().cast(to);
                    let got = b.get(&[i]).unwrap();
                    let same = |x: Scalar, y: Scalar| {
                        x == y || (x.to_f64().is_nan() && y.to_f64().is_nan())
                    };
                    assert!(same(got, want), "{from:?}->{to:?} [{i}] {got:?} {want:?}");
                    assert!(same(b2.get(&[i, 1]).unwrap(), want));
                }
            }
        }
    }

    #[test]
    fn casting_rules_and_uint32_groups() {
        let a = NdArray::from_slice(&[1.0f64, 2.0]).unwrap();
        assert_eq!(
            a.astype(DType::Int64, Casting::Safe).unwrap_err().msg,
            "Cannot cast array data from dtype('float64') to dtype('int64') according to the rule 'safe'"
        );
        assert!(a.astype(DType::Float32, Casting::SameKind).is_ok());
        assert!(a.astype(DType::Float32, Casting::Safe).is_err());
        // np.full(n, np.nan).astype(np.uint32): groups of four give 2**31, the tail 0
        for (n, want) in [
            (1usize, "0"),
            (3, "000"),
            (4, "SSSS"),
            (7, "SSSS000"),
            (17, "SSSSSSSSSSSSSSSS0"),
        ] {
            let x = NdArray::from_vec(vec![f64::NAN; n], &[n]).unwrap();
            let got: String = x
                .astype(DType::UInt32, Casting::Unsafe)
                .unwrap()
                .to_vec::<u32>()
                .unwrap()
                .iter()
                .map(|&v| if v == 1 << 31 { 'S' } else { '0' })
                .collect();
            assert_eq!(got, want, "{n}");
        }
        // F order is one run in memory: np.full((6,3), np.nan).T.astype(np.uint32) has the
        // two last elements in memory (d[1,5], d[2,5]) at 0, the others 2**31
        let t = NdArray::from_vec(vec![f64::NAN; 18], &[6, 3]).unwrap().t();
        let r = t.astype(DType::UInt32, Casting::Unsafe).unwrap();
        let zeros: Vec<(usize, usize)> = (0..3)
            .flat_map(|i| (0..6).map(move |j| (i, j)))
            .filter(|&(i, j)| r.get(&[i, j]).unwrap() == Scalar::U32(0))
            .collect();
        assert_eq!(zeros, [(1, 5), (2, 5)]);
        // inner runs of five: np.full((3,6), np.nan)[:, :5].astype(np.uint32) rows [S,S,S,S,0]
        let w = NdArray::from_vec(vec![f64::NAN; 18], &[3, 6]).unwrap();
        let w = w
            .slice_view(&[
                IndexItem::ALL,
                IndexItem::Slice {
                    start: None,
                    stop: Some(5),
                    step: None,
                },
            ])
            .unwrap();
        let wr = w
            .astype(DType::UInt32, Casting::Unsafe)
            .unwrap()
            .to_vec::<u32>()
            .unwrap();
        assert_eq!(wr.iter().filter(|&&x| x == 0).count(), 3);
        assert_eq!(wr[4], 0);
        // strided: np.full((4,5), np.nan)[:, :3].astype(np.uint32) is all 0
        let m = NdArray::from_vec(vec![f32::NAN; 20], &[4, 5]).unwrap();
        let v = m
            .slice_view(&[
                IndexItem::ALL,
                IndexItem::Slice {
                    start: None,
                    stop: Some(3),
                    step: None,
                },
            ])
            .unwrap();
        assert!(
            v.astype(DType::UInt32, Casting::Unsafe)
                .unwrap()
                .to_vec::<u32>()
                .unwrap()
                .iter()
                .all(|&x| x == 0)
        );
    }

    #[test]
    fn assignment() {
        let a = NdArray::zeros(&[2, 3], DType::Float64, Order::C).unwrap();
        let row = NdArray::from_slice(&[1i64, 2, 3]).unwrap();
        a.assign(&row).unwrap();
        assert_eq!(a.to_vec_f64(), [1.0, 2.0, 3.0, 1.0, 2.0, 3.0]);
        // a = np.zeros(3); a[:] = [1, 2]
        let z = NdArray::zeros(&[3], DType::Float64, Order::C).unwrap();
        assert_eq!(
            z.assign(&NdArray::from_slice(&[1i64, 2]).unwrap())
                .unwrap_err()
                .msg,
            "could not broadcast input array from shape (2,) into shape (3,)"
        );
        // overlapping: x = np.arange(5); x[1:] = x[:-1] -> [0, 0, 1, 2, 3]
        let x = arange(5, &[5]);
        let dst = x
            .slice_view(&[IndexItem::Slice {
                start: Some(1),
                stop: None,
                step: None,
            }])
            .unwrap();
        let src = x
            .slice_view(&[IndexItem::Slice {
                start: None,
                stop: Some(-1),
                step: None,
            }])
            .unwrap();
        dst.assign(&src).unwrap();
        assert_eq!(x.to_vec::<i64>().unwrap(), [0, 0, 1, 2, 3]);
        let (p, q) = broadcast_pair(&row, &a).unwrap();
        assert_eq!((p.shape(), q.shape()), (&[2, 3][..], &[2, 3][..]));
    }
}

#[cfg(test)]
mod timing {
    use super::*;
    use crate::array::Scalar;

    /// `cargo test --release --lib array::convert::timing -- --ignored --nocapture`
    #[test]
    #[ignore]
    fn astype_and_copy_speed() {
        let n = 10_000_000;
        let a =
            NdArray::from_vec((0..n).map(|i| i as f64 * 0.5).collect::<Vec<_>>(), &[n]).unwrap();
        let t = std::time::Instant::now();
        let z = NdArray::zeros(&[n], DType::Int64, Order::C).unwrap();
        println!("zeros 1e7: {:?}", t.elapsed());
        let t = std::time::Instant::now();
        z.fill(Scalar::I64(1)).unwrap();
        println!("first touch (fill) 1e7: {:?}", t.elapsed());
        let t = std::time::Instant::now();
        cast_into(&z, &a);
        println!("f64->i64 into touched memory 1e7: {:?}", t.elapsed());
        let t = std::time::Instant::now();
        let b = a.astype(DType::Int64, Casting::Unsafe).unwrap();
        println!("f64->i64 contiguous 1e7: {:?}", t.elapsed());
        let t = std::time::Instant::now();
        let _ = b.astype(DType::Float32, Casting::Unsafe).unwrap();
        println!("i64->f32 (generic path) 1e7: {:?}", t.elapsed());
        let m = a.reshape(&[1000, 10000], Order::C).unwrap().t();
        let t = std::time::Instant::now();
        let _ = m.copy(Order::C).unwrap();
        println!("transposed copy 1e7: {:?}", t.elapsed());
        let t = std::time::Instant::now();
        let s: usize = a.offsets().fold(0, |acc, o| acc ^ o);
        println!("offset iteration 1e7: {:?} ({s})", t.elapsed());
    }
}
