//! Advanced indexing: integer index arrays (broadcast against each other), boolean masks
//! (any ndim, 0-d too) mixed with integers, slices, `np.newaxis` and `...`, as NumPy's
//! `prepare_index` and map iterator do it: the gather (`a[idx]`, always a copy) and the
//! scatter (`a[idx] = v`, repeated indices: the last one wins), with NumPy's errors in
//! NumPy's order. Also `nonzero` and the counting of true elements.
//!
//! Element copies never convert: they move `itemsize` bytes, so one loop per element size
//! serves every dtype.

use smallvec::SmallVec;

use super::dtype::{Casting, DType};
use super::index::{IndexItem, slice_indices};
use super::iter::{Offsets, Runs};
use super::ndarray::{NdArray, Order, Shape, Strides, contiguous_strides};
use super::view::broadcast_shapes;
use super::{ArrayError, Result, shape_str};

/// Runs `$body` with `$T` the unsigned integer type of `$size` bytes (16: `u128`): element
/// moves that never convert need only the element size.
macro_rules! with_size {
    ($size:expr, $T:ident => $body:expr) => {
        match $size {
            1 => {
                type $T = u8;
                $body
            }
            2 => {
                type $T = u16;
                $body
            }
            4 => {
                type $T = u32;
                $body
            }
            8 => {
                type $T = u64;
                $body
            }
            _ => {
                type $T = u128;
                $body
            }
        }
    };
}

/// One element of an advanced subscript.
#[derive(Clone, Debug)]
pub enum Index {
    Int(i64),
    /// A 0-d integer array: an integer, but NumPy copies when it appears without fancy
    /// indices (`a[np.array(1), :]` is not a view).
    ScalarArray(i64),
    Slice {
        start: Option<i64>,
        stop: Option<i64>,
        step: Option<i64>,
    },
    NewAxis,
    Ellipsis,
    /// An integer index array of any integer dtype and ndim >= 1.
    Array(NdArray),
    /// A boolean index array (ndim >= 0).
    Bool(NdArray),
}

/// What an index does, found by [`prepare`] before any element is touched.
#[derive(Clone, Debug)]
pub enum Plan {
    /// Only integers, slices, `None` and `...`: a view, copied when `copy` (a 0-d integer
    /// array was among the integers). `scalar` when it selects one element.
    Basic {
        items: Vec<IndexItem>,
        copy: bool,
        scalar: bool,
    },
    /// A single boolean array of exactly the array's shape.
    Mask(NdArray),
    Fancy(Fancy),
}

/// An advanced index resolved against an array.
#[derive(Clone, Debug)]
pub struct Fancy {
    /// The view of the dimensions not taken by advanced indices (the subspace).
    sub: NdArray,
    /// Position in the result of the advanced dimensions, counted in subspace dimensions
    /// (0 when they go first).
    consec: usize,
    /// The index arrays (int64), broadcast to `bshape` when used.
    idx: Vec<FancyIndex>,
    bshape: Shape,
}

#[derive(Clone, Debug)]
struct FancyIndex {
    arr: NdArray,
    /// Size and byte stride of the indexed axis (1 and 0 for a 0-d boolean).
    dim: usize,
    stride: isize,
    axis: usize,
}

enum Item {
    Int(i64),
    Slice(Option<i64>, Option<i64>, Option<i64>),
    NewAxis,
    /// How many axes it stands for.
    Ellipsis(usize),
    /// An int64 index array; `Some(n)` for one made from an axis of length `n` of a mask.
    Fancy(NdArray, Option<usize>),
    /// A 0-d boolean: a new axis of length 1 (True) or 0 (False), using no axis.
    Bool0(bool),
}

fn int64(a: &NdArray) -> Result<NdArray> {
    if a.dtype == DType::Int64 {
        Ok(a.clone())
    } else {
        a.astype(DType::Int64, Casting::Unsafe)
    }
}

/// Checks and classifies `items` for indexing an array of `shape`, in NumPy's order:
/// each item left to right (two ellipses), then the count of indexed axes (`too many
/// indices for array: array is 1-dimensional, but 2 were indexed`), then the shapes of
/// boolean arrays against their axes, then (building the view) integer bounds and slice
/// steps, then the broadcasting of the index arrays.
pub fn prepare(a: &NdArray, items: Vec<Index>) -> Result<Plan> {
    let ndim = a.ndim();
    let n_items = items.len();
    let mut out: Vec<Item> = Vec::with_capacity(items.len() + 1);
    let mut used = 0usize;
    let mut ellipsis: Option<usize> = None;
    let mut scalar_array = false;
    let mut any_fancy = false;
    for it in items {
        match it {
            Index::Ellipsis => {
                if ellipsis.is_some() {
                    return Err(ArrayError::index(
                        "an index can only have a single ellipsis ('...')",
                    ));
                }
                ellipsis = Some(out.len());
                out.push(Item::Ellipsis(0));
            }
            Index::NewAxis => out.push(Item::NewAxis),
            Index::Slice { start, stop, step } => {
                used += 1;
                out.push(Item::Slice(start, stop, step));
            }
            Index::Int(i) => {
                used += 1;
                out.push(Item::Int(i));
            }
            Index::ScalarArray(i) => {
                used += 1;
                scalar_array = true;
                out.push(Item::Int(i));
            }
            Index::Array(arr) => {
                used += 1;
                any_fancy = true;
                out.push(Item::Fancy(int64(&arr)?, None));
            }
            Index::Bool(mask) => {
                if n_items == 1 && mask.shape() == a.shape() {
                    return Ok(Plan::Mask(mask));
                }
                any_fancy = true;
                if mask.ndim() == 0 {
                    out.push(Item::Bool0(mask.item()?.is_true()));
                } else {
                    for (k, coords) in nonzero(&mask)?.into_iter().enumerate() {
                        used += 1;
                        out.push(Item::Fancy(coords, Some(mask.shape[k])));
                    }
                }
            }
        }
    }
    if used > ndim {
        return Err(ArrayError::index(format!(
            "too many indices for array: array is {ndim}-dimensional, but {used} were indexed"
        )));
    }
    let spare = ndim - used;
    match ellipsis {
        Some(p) => out[p] = Item::Ellipsis(spare),
        None if spare > 0 => out.push(Item::Ellipsis(spare)),
        None => {}
    }
    if !any_fancy {
        let basic: Vec<IndexItem> = out
            .iter()
            .map(|it| match *it {
                Item::Int(i) => IndexItem::Int(i),
                Item::Slice(start, stop, step) => IndexItem::Slice { start, stop, step },
                Item::NewAxis => IndexItem::NewAxis,
                _ => IndexItem::Ellipsis,
            })
            .collect();
        let ints = out.iter().filter(|i| matches!(i, Item::Int(_))).count();
        // A full integer index gives a scalar (with or without 0-d arrays among it).
        let scalar = ints == ndim && out.iter().all(|i| matches!(i, Item::Int(_)));
        return Ok(Plan::Basic {
            items: basic,
            copy: scalar_array,
            scalar,
        });
    }
    // Boolean arrays must match the axes they index.
    let mut axis = 0;
    for it in &out {
        match it {
            Item::Fancy(_, Some(n)) => {
                // NumPy skips the check for boolean axes of length 0.
                if *n > 0 && *n != a.shape[axis] {
                    return Err(ArrayError::index(format!(
                        "boolean index did not match indexed array along axis {axis}; size of \
                         axis is {} but size of corresponding boolean axis is {n}",
                        a.shape[axis]
                    )));
                }
                axis += 1;
            }
            Item::Ellipsis(k) => axis += k,
            Item::NewAxis | Item::Bool0(_) => {}
            _ => axis += 1,
        }
    }
    // The subspace view, the index arrays' axes, and where the advanced dimensions go.
    let mut offset = a.offset as isize;
    let mut shape = Shape::new();
    let mut strides = Strides::new();
    let mut idx = Vec::new();
    let mut axis = 0;
    // -1: no advanced index yet, 0: in a run of them, 1: run ended, 2: not consecutive.
    let mut status = -1;
    let mut consec = 0;
    for it in out {
        let advanced = matches!(it, Item::Int(_) | Item::Fancy(..) | Item::Bool0(_));
        if advanced {
            if status == -1 {
                consec = shape.len();
                status = 0;
            } else if status == 1 {
                status = 2;
                consec = 0;
            }
        } else if status == 0 {
            status = 1;
        }
        match it {
            Item::Int(i) => {
                let n = a.shape[axis];
                let j = if i < 0 { i.saturating_add(n as i64) } else { i };
                if j < 0 || j >= n as i64 {
                    return Err(ArrayError::index(format!(
                        "index {i} is out of bounds for axis {axis} with size {n}"
                    )));
                }
                offset += j as isize * a.strides[axis];
                axis += 1;
            }
            Item::Slice(start, stop, step) => {
                let (first, step, count) = slice_indices(start, stop, step, a.shape[axis])?;
                if count > 0 {
                    offset += first as isize * a.strides[axis];
                }
                // NumPy takes an empty slice as starting at 0 with step 1 (visible in strides).
                let step = if count > 0 { step } else { 1 };
                shape.push(count);
                strides.push(a.strides[axis].wrapping_mul(step as isize));
                axis += 1;
            }
            Item::NewAxis => {
                shape.push(1);
                strides.push(0);
            }
            Item::Ellipsis(k) => {
                shape.extend_from_slice(&a.shape[axis..axis + k]);
                strides.extend_from_slice(&a.strides[axis..axis + k]);
                axis += k;
            }
            Item::Fancy(arr, _) => {
                idx.push(FancyIndex {
                    arr,
                    dim: a.shape[axis],
                    stride: a.strides[axis],
                    axis,
                });
                axis += 1;
            }
            Item::Bool0(b) => {
                let zeros = NdArray::zeros(&[b as usize], DType::Int64, Order::C)?;
                idx.push(FancyIndex {
                    arr: zeros,
                    dim: 1,
                    stride: 0,
                    axis,
                });
            }
        }
    }
    if status == 2 {
        consec = 0;
    }
    let shapes: Vec<&[usize]> = idx.iter().map(|f| f.arr.shape()).collect();
    let bshape = broadcast_shapes(&shapes).map_err(|_| {
        let mut msg = String::from(
            "shape mismatch: indexing arrays could not be broadcast together with shapes ",
        );
        for s in &shapes {
            msg.push_str(&shape_str(s));
            msg.push(' ');
        }
        ArrayError::index(msg)
    })?;
    let sub = a.with_layout(offset.max(0) as usize, shape, strides);
    Ok(Plan::Fancy(Fancy {
        sub,
        consec,
        idx,
        bshape,
    }))
}

impl Fancy {
    /// Shape of the indexing result.
    pub fn result_shape(&self) -> Shape {
        let mut s = Shape::new();
        s.extend_from_slice(&self.sub.shape[..self.consec]);
        s.extend_from_slice(&self.bshape);
        s.extend_from_slice(&self.sub.shape[self.consec..]);
        s
    }

    /// Byte offsets (from the subspace's start) of every position of the broadcast index,
    /// in C order (or F order when `fortran`), checking bounds one index array at a time
    /// as NumPy does (`index 10 is out of bounds for axis 0 with size 8`). Nothing is
    /// checked when the broadcast index is empty.
    fn offsets(&self, fortran: bool) -> Result<Vec<isize>> {
        let nb: usize = self.bshape.iter().product();
        let mut off = vec![0isize; nb];
        if nb == 0 {
            return Ok(off);
        }
        for f in &self.idx {
            let b = f
                .arr
                .broadcast_view(&self.bshape)
                .expect("index broadcasts to the common shape");
            let b = if fortran { b.t() } else { b };
            let (dim, stride) = (f.dim as i64, f.stride);
            let add = |o: &mut isize, v: i64| -> Result<()> {
                let k = if v < 0 { v.wrapping_add(dim) } else { v };
                if k < 0 || k >= dim {
                    return Err(out_of_bounds(v, f.axis, f.dim));
                }
                *o += k as isize * stride;
                Ok(())
            };
            if let Some(vals) = b.as_slice::<i64>() {
                for (o, &v) in off.iter_mut().zip(vals) {
                    add(o, v)?;
                }
            } else {
                for (o, p) in off.iter_mut().zip(b.offsets()) {
                    add(o, b.read::<i64>(p))?;
                }
            }
        }
        Ok(off)
    }
}

fn out_of_bounds(v: i64, axis: usize, dim: usize) -> ArrayError {
    ArrayError::index(format!(
        "index {v} is out of bounds for axis {axis} with size {dim}"
    ))
}

/// Axes sorted by descending absolute stride, ties in order (NumPy's
/// `PyArray_CreateSortedStridePerm`).
fn stride_perm(strides: &[isize]) -> SmallVec<[usize; 4]> {
    let mut perm: SmallVec<[usize; 4]> = (0..strides.len()).collect();
    perm.sort_by(|&a, &b| strides[b].unsigned_abs().cmp(&strides[a].unsigned_abs()));
    perm
}

/// Run starts (relative byte offsets of both operands) of a C-order traversal.
struct RelRuns {
    starts: Vec<(isize, isize)>,
    len: usize,
    steps: [isize; 2],
}

fn rel_runs(shape: &[usize], s0: &[isize], s1: &[isize]) -> RelRuns {
    let runs = Runs::new(shape, [s0, s1], [0, 0]);
    let (len, steps) = (runs.inner_len, runs.inner_strides);
    let starts = runs.map(|[a, b]| (a as isize, b as isize)).collect();
    RelRuns { starts, len, steps }
}

/// Copies elements of `size` bytes: for each `(dst, src)` base pair, every run.
///
/// # Safety
/// Every address reached must be an element inside its buffer.
unsafe fn copy_blocks(
    size: usize,
    dst: *mut u8,
    src: *const u8,
    bases: impl Iterator<Item = (isize, isize)>,
    runs: &RelRuns,
) {
    unsafe fn typed<T: Copy>(
        dst: *mut u8,
        src: *const u8,
        bases: impl Iterator<Item = (isize, isize)>,
        runs: &RelRuns,
    ) {
        let [ds, ss] = runs.steps;
        let n = runs.len;
        let size = std::mem::size_of::<T>() as isize;
        for (db, sb) in bases {
            for &(dr, sr) in &runs.starts {
                // SAFETY: guaranteed by the caller of `copy_blocks`.
                unsafe {
                    let d = dst.offset(db + dr);
                    let s = src.offset(sb + sr);
                    if ds == size && ss == size {
                        std::ptr::copy(s, d, n * size as usize);
                    } else {
                        for k in 0..n as isize {
                            let v = std::ptr::read_unaligned(s.offset(k * ss) as *const T);
                            std::ptr::write_unaligned(d.offset(k * ds) as *mut T, v);
                        }
                    }
                }
            }
        }
    }
    // SAFETY: forwarded.
    unsafe {
        match size {
            1 => typed::<u8>(dst, src, bases, runs),
            2 => typed::<u16>(dst, src, bases, runs),
            4 => typed::<u32>(dst, src, bases, runs),
            8 => typed::<u64>(dst, src, bases, runs),
            _ => typed::<u128>(dst, src, bases, runs),
        }
    }
}

/// Gathers `n` elements of `size` bytes at `src + off[i]` into contiguous `dst`.
///
/// # Safety
/// Every `src + off[i]` must be an element; `dst` must hold `n` elements.
unsafe fn gather_elems(size: usize, dst: *mut u8, src: *const u8, off: &[isize]) {
    unsafe fn typed<T: Copy>(dst: *mut u8, src: *const u8, off: &[isize]) {
        let d = dst as *mut T;
        for (i, &o) in off.iter().enumerate() {
            // SAFETY: guaranteed by the caller.
            unsafe {
                std::ptr::write_unaligned(
                    d.add(i),
                    std::ptr::read_unaligned(src.offset(o) as *const T),
                )
            }
        }
    }
    // SAFETY: forwarded.
    unsafe {
        match size {
            1 => typed::<u8>(dst, src, off),
            2 => typed::<u16>(dst, src, off),
            4 => typed::<u32>(dst, src, off),
            8 => typed::<u64>(dst, src, off),
            _ => typed::<u128>(dst, src, off),
        }
    }
}

/// `out[i] = src[idx[i]]` for a 1-d source: bounds checked, negative indices wrapped.
///
/// # Safety
/// `src` must point at element 0 of `len` elements `stride` bytes apart; `dst` must hold
/// `idx.len()` elements.
unsafe fn take_1d(
    size: usize,
    dst: *mut u8,
    src: *const u8,
    stride: isize,
    len: usize,
    idx: &[i64],
    axis: usize,
) -> Result<()> {
    unsafe fn typed<T: Copy>(
        dst: *mut u8,
        src: *const u8,
        stride: isize,
        len: usize,
        idx: &[i64],
        axis: usize,
    ) -> Result<()> {
        let d = dst as *mut T;
        let n = len as i64;
        for (i, &v) in idx.iter().enumerate() {
            let k = if v < 0 { v.wrapping_add(n) } else { v };
            if (k as u64) >= len as u64 {
                return Err(out_of_bounds(v, axis, len));
            }
            // SAFETY: k is within the axis.
            unsafe {
                let x = std::ptr::read_unaligned(src.offset(k as isize * stride) as *const T);
                std::ptr::write_unaligned(d.add(i), x);
            }
        }
        Ok(())
    }
    // SAFETY: forwarded.
    unsafe {
        match size {
            1 => typed::<u8>(dst, src, stride, len, idx, axis),
            2 => typed::<u16>(dst, src, stride, len, idx, axis),
            4 => typed::<u32>(dst, src, stride, len, idx, axis),
            8 => typed::<u64>(dst, src, stride, len, idx, axis),
            _ => typed::<u128>(dst, src, stride, len, idx, axis),
        }
    }
}

/// [`take_1d`], split between threads when the gather is large and its source is beyond
/// the caches (random reads wait on memory; two cores keep twice as many in flight). The
/// error reported is the first in index order, as the sequential loop's.
///
/// # Safety
/// As for [`take_1d`].
unsafe fn take_1d_par(
    size: usize,
    dst: *mut u8,
    src: *const u8,
    stride: isize,
    len: usize,
    idx: &[i64],
    axis: usize,
) -> Result<()> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(4));
    let big_source = len.saturating_mul(stride.unsigned_abs()) >= 1 << 23;
    if threads < 2 || idx.len() < 1 << 18 || !big_source {
        // SAFETY: forwarded.
        return unsafe { take_1d(size, dst, src, stride, len, idx, axis) };
    }
    let chunk = idx.len().div_ceil(threads);
    let (d, s) = (dst as usize, src as usize);
    let results: Vec<Result<()>> = std::thread::scope(|scope| {
        let handles: Vec<_> = idx
            .chunks(chunk)
            .enumerate()
            .map(|(c, part)| {
                scope.spawn(move || {
                    let out = (d + c * chunk * size) as *mut u8;
                    // SAFETY: each thread writes its own range of the output; the reads
                    // are bounds-checked elements of the source, which nothing writes.
                    unsafe { take_1d(size, out, s as *const u8, stride, len, part, axis) }
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or(Ok(())))
            .collect()
    });
    results.into_iter().collect()
}

/// The result of a gather: the array NumPy allocates, and the view of it NumPy returns
/// when the advanced dimensions are moved into place (its `.base` is the first).
pub struct Gathered {
    pub buffer: NdArray,
    pub view: Option<NdArray>,
}

impl NdArray {
    /// `a[plan]` for a [`Plan::Fancy`] or [`Plan::Mask`] (a copy).
    pub fn fancy_get(&self, plan: &Plan) -> Result<Gathered> {
        match plan {
            Plan::Mask(mask) => Ok(Gathered {
                buffer: self.mask_get(mask)?,
                view: None,
            }),
            Plan::Fancy(f) => self.gather(f),
            Plan::Basic { items, .. } => Ok(Gathered {
                buffer: self.slice_view(items)?.copy(Order::K)?,
                view: None,
            }),
        }
    }

    fn gather(&self, f: &Fancy) -> Result<Gathered> {
        let sub = &f.sub;
        let itemsize = self.itemsize();
        let use_sub = sub.size() != 1;
        // NumPy lays the broadcast index dimensions out like the index when there is no
        // subspace (an F-ordered index gives an F-ordered result), else in C order; the
        // subspace dimensions keep the order of their strides.
        let fortran = !use_sub
            && f.idx.len() == 1
            && f.idx[0].arr.shape() == &f.bshape[..]
            && f.idx[0].arr.is_fortran();
        let nb = f.bshape.len();
        let mut shape = f.bshape.clone();
        shape.extend_from_slice(&sub.shape);
        // Every element is written below before the buffer is returned (an index error
        // drops it).
        let mut buf = NdArray::uninit(&shape, self.dtype, Order::C)?;
        let mut strides: Strides = SmallVec::from_elem(0, shape.len());
        if !shape.contains(&0) {
            let sperm = stride_perm(&sub.strides);
            let mut s = itemsize as isize;
            for &p in sperm.iter().rev() {
                strides[nb + p] = s;
                s *= sub.shape[p] as isize;
            }
            let bs = contiguous_strides(&f.bshape, 1, fortran);
            for k in 0..nb {
                strides[k] = bs[k] * s;
            }
        }
        buf.strides = strides;
        if buf.size() == 0 && f.bshape.iter().product::<usize>() > 0 {
            // Nothing to copy, but NumPy still checks the indices.
            f.offsets(false)?;
        }
        if buf.size() > 0 {
            let src = self.storage.as_ptr() as *const u8;
            let dst = buf.storage.as_ptr();
            // The hot case: one index array into a 1-d (sub)space-free source.
            let single = f.idx.len() == 1 && !use_sub && !fortran;
            let one = &f.idx[0];
            let direct = if single {
                one.arr
                    .broadcast_view(&f.bshape)
                    .filter(|b| b.shape() == one.arr.shape())
                    .and_then(|b| b.as_slice::<i64>().map(|s| s.as_ptr()))
            } else {
                None
            };
            if let Some(p) = direct {
                let n = buf.size();
                // SAFETY: `p` points at `n` i64 of the index (C-contiguous, alive in `f`).
                let idx = unsafe { std::slice::from_raw_parts(p, n) };
                // SAFETY: the source element 0 is the subspace start; `dst` holds n items.
                unsafe {
                    take_1d_par(
                        itemsize,
                        dst,
                        src.add(sub.offset),
                        one.stride,
                        one.dim,
                        idx,
                        one.axis,
                    )?
                };
            } else {
                let off = f.offsets(fortran)?;
                if use_sub {
                    // Subspace traversal in the buffer's memory order.
                    let sperm = stride_perm(&sub.strides);
                    let pshape: Shape = sperm.iter().map(|&p| sub.shape[p]).collect();
                    let psrc: Strides = sperm.iter().map(|&p| sub.strides[p]).collect();
                    let pdst: Strides = sperm.iter().map(|&p| buf.strides[nb + p]).collect();
                    let runs = rel_runs(&pshape, &pdst, &psrc);
                    let block = (sub.size() * itemsize) as isize;
                    let base = sub.offset as isize;
                    let bases = off
                        .iter()
                        .enumerate()
                        .map(|(i, &o)| (i as isize * block, base + o));
                    // SAFETY: offsets were bounds-checked; runs stay in the subspace.
                    unsafe { copy_blocks(itemsize, dst, src, bases, &runs) };
                } else {
                    // SAFETY: as above; the buffer holds one element per offset.
                    unsafe { gather_elems(itemsize, dst, src.add(sub.offset), &off) };
                }
            }
        }
        let view = if f.consec > 0 {
            let ns = sub.ndim();
            let c = f.consec;
            let perm: Vec<isize> = (nb..nb + c)
                .chain(0..nb)
                .chain(nb + c..nb + ns)
                .map(|x| x as isize)
                .collect();
            Some(buf.transpose(Some(&perm))?)
        } else {
            None
        };
        Ok(Gathered { buffer: buf, view })
    }

    /// `a[mask]` with a mask of `a`'s shape: the selected elements in C order.
    fn mask_get(&self, mask: &NdArray) -> Result<NdArray> {
        let count = count_true(mask);
        // Exactly `count` elements are written below.
        let out = NdArray::uninit(&[count], self.dtype, Order::C)?;
        if count == 0 {
            return Ok(out);
        }
        let itemsize = self.itemsize();
        let dst = out.storage.as_ptr();
        let src = self.storage.as_ptr() as *const u8;
        if let (true, Some(m)) = (self.is_c_contiguous(), mask_slice(mask)) {
            let start = self.offset;
            // SAFETY: C-contiguous source of m.len() elements at `start`; `count` trues.
            unsafe { compress_contiguous(itemsize, dst, src.add(start), m) };
            return Ok(out);
        }
        let runs = Runs::new(
            &self.shape,
            [&self.strides, &mask.strides],
            [self.offset, mask.offset],
        );
        let (len, [ss, ms]) = (runs.inner_len, runs.inner_strides);
        let mptr = mask.storage.as_ptr() as *const u8;
        with_size!(itemsize, T => {
            let d = dst as *mut T;
            let mut w = 0usize;
            for [s0, m0] in runs {
                for k in 0..len as isize {
                    // SAFETY: offsets of elements of both arrays; w < count.
                    unsafe {
                        if *mptr.offset(m0 as isize + k * ms) != 0 {
                            let x = std::ptr::read_unaligned(src.offset(s0 as isize + k * ss) as *const T);
                            std::ptr::write_unaligned(d.add(w), x);
                            w += 1;
                        }
                    }
                }
            }
        });
        Ok(out)
    }

    /// `a[plan] = value` for a [`Plan::Fancy`] or [`Plan::Mask`]. `value` is cast
    /// unsafe-ly to `a`'s dtype and broadcast to the indexing result (`ValueError: shape
    /// mismatch: value array of shape (2,) could not be broadcast to indexing result of
    /// shape (3,)`); with repeated indices the last value wins.
    pub fn fancy_set(&self, plan: &Plan, value: &NdArray) -> Result<()> {
        self.check_writeable()?;
        let mut v = if value.dtype == self.dtype {
            value.clone()
        } else {
            value.astype(self.dtype, Casting::Unsafe)?
        };
        if v.same_storage(self) {
            v = v.copy(Order::K)?;
        }
        match plan {
            Plan::Mask(mask) => self.mask_set(mask, &v),
            Plan::Fancy(f) => self.scatter(f, &v),
            Plan::Basic { items, .. } => {
                let dst = self.slice_view(items)?;
                dst.assign(&strip_leading_ones(&v, dst.ndim()))
            }
        }
    }

    fn scatter(&self, f: &Fancy, v: &NdArray) -> Result<()> {
        let rshape = f.result_shape();
        let mismatch = || {
            ArrayError::value(format!(
                "shape mismatch: value array of shape {} could not be broadcast to indexing \
                 result of shape {}",
                shape_str(&v.shape),
                shape_str(&rshape)
            ))
        };
        let mut val = v.clone();
        if val.ndim() > rshape.len() {
            let lead = val.ndim() - rshape.len();
            if val.shape[..lead].iter().product::<usize>() != 1 {
                return Err(mismatch());
            }
            val = val.with_layout(
                val.offset,
                val.shape[lead..].into(),
                val.strides[lead..].into(),
            );
        }
        let val = val.broadcast_view(&rshape).ok_or_else(mismatch)?;
        let nb = f.bshape.len();
        let c = f.consec;
        // The value's axes in the order [index dims, subspace dims].
        let order: Vec<usize> = (c..c + nb)
            .chain(0..c)
            .chain(c + nb..rshape.len())
            .collect();
        let vb: Strides = order[..nb].iter().map(|&k| val.strides[k]).collect();
        let vs: Strides = order[nb..].iter().map(|&k| val.strides[k]).collect();
        let off = f.offsets(false)?;
        if off.is_empty() || f.sub.size() == 0 {
            return Ok(());
        }
        let sub = &f.sub;
        let voff = Offsets::new(&f.bshape, &vb, 0).map(|o| o as isize);
        let (db, sb) = (sub.offset as isize, val.offset as isize);
        if sub.size() == 1 {
            // One element per index position.
            let (dst, src) = (self.storage.as_ptr(), val.storage.as_ptr() as *const u8);
            with_size!(self.itemsize(), T => {
                for (&o, vo) in off.iter().zip(voff) {
                    // SAFETY: bounds-checked destination, an element of the value.
                    unsafe {
                        let x = std::ptr::read_unaligned(src.offset(sb + vo) as *const T);
                        std::ptr::write_unaligned(dst.offset(db + o) as *mut T, x);
                    }
                }
            });
            return Ok(());
        }
        let runs = rel_runs(&sub.shape, &sub.strides, &vs);
        let bases = off.iter().zip(voff).map(|(&o, vo)| (db + o, sb + vo));
        // SAFETY: destination offsets were bounds-checked; the value is broadcast to the
        // result shape, so every source offset is one of its elements.
        unsafe {
            copy_blocks(
                self.itemsize(),
                self.storage.as_ptr(),
                val.storage.as_ptr(),
                bases,
                &runs,
            )
        };
        Ok(())
    }

    fn mask_set(&self, mask: &NdArray, v: &NdArray) -> Result<()> {
        if v.ndim() > 1 {
            return Err(ArrayError::type_(format!(
                "NumPy boolean array indexing assignment requires a 0 or 1-dimensional input, \
                 input has {} dimensions",
                v.ndim()
            )));
        }
        let count = count_true(mask);
        let vstride = if v.ndim() == 1 && v.shape[0] != 1 {
            if v.shape[0] != count {
                return Err(ArrayError::value(format!(
                    "NumPy boolean array indexing assignment cannot assign {} input values to \
                     the {count} output values where the mask is true",
                    v.shape[0]
                )));
            }
            v.strides[0]
        } else {
            0
        };
        if count == 0 {
            return Ok(());
        }
        let itemsize = self.itemsize();
        let dst = self.storage.as_ptr();
        let src = v.storage.as_ptr() as *const u8;
        let mptr = mask.storage.as_ptr() as *const u8;
        let runs = Runs::new(
            &self.shape,
            [&self.strides, &mask.strides],
            [self.offset, mask.offset],
        );
        let (len, [ds, ms]) = (runs.inner_len, runs.inner_strides);
        with_size!(itemsize, T => {
            let mut r = v.offset as isize;
            // SAFETY: the value's first element.
            let first = unsafe { std::ptr::read_unaligned(src.offset(r) as *const T) };
            for [d0, m0] in runs {
                // SAFETY: element offsets of both arrays; `r` walks the value's elements.
                unsafe {
                    let (dp, mp) = (dst.add(d0), mptr.add(m0));
                    if vstride == 0 && ms == 1 && ds == itemsize as isize {
                        // One value into a contiguous run: a plain masked store.
                        let dp = dp as *mut T;
                        for k in 0..len {
                            if *mp.add(k) != 0 {
                                std::ptr::write_unaligned(dp.add(k), first);
                            }
                        }
                        continue;
                    }
                    for k in 0..len as isize {
                        if *mp.offset(k * ms) != 0 {
                            let x = std::ptr::read_unaligned(src.offset(r) as *const T);
                            std::ptr::write_unaligned(dp.offset(k * ds) as *mut T, x);
                            r += vstride;
                        }
                    }
                }
            }
        });
        Ok(())
    }
}

/// `v` without leading length-1 axes beyond `ndim` (normal assignment broadcasts them away:
/// `a[0:2] = np.ones((1, 2))`).
pub fn strip_leading_ones(v: &NdArray, ndim: usize) -> NdArray {
    let mut lead = 0;
    while v.ndim() - lead > ndim && v.shape[lead] == 1 {
        lead += 1;
    }
    if lead == 0 {
        return v.clone();
    }
    v.with_layout(v.offset, v.shape[lead..].into(), v.strides[lead..].into())
}

/// The bytes of a C-contiguous bool array.
fn mask_slice(mask: &NdArray) -> Option<&[u8]> {
    if mask.dtype != DType::Bool || !mask.is_c_contiguous() {
        return None;
    }
    let n = mask.size();
    if n == 0 {
        return Some(&[]);
    }
    // SAFETY: C-contiguous, n one-byte elements from the offset; the storage outlives `mask`.
    Some(unsafe {
        std::slice::from_raw_parts(mask.storage.as_ptr().add(mask.offset) as *const u8, n)
    })
}

/// Number of true elements of a bool array (bytes are 0 or 1).
pub fn count_true(mask: &NdArray) -> usize {
    if let Some(m) = mask_slice(mask) {
        return count_bytes(m);
    }
    let p = mask.storage.as_ptr() as *const u8;
    // SAFETY: offsets of the mask's elements.
    mask.offsets()
        .filter(|&o| unsafe { *p.add(o) } != 0)
        .count()
}

fn count_bytes(m: &[u8]) -> usize {
    let mut chunks = m.chunks_exact(8);
    let mut total = 0usize;
    for c in &mut chunks {
        let w = u64::from_le_bytes(c.try_into().unwrap_or([0; 8]));
        // Each byte is 0 or 1: the multiply sums the eight bytes into the top one.
        total += (w.wrapping_mul(0x0101_0101_0101_0101) >> 56) as usize;
    }
    total + chunks.remainder().iter().filter(|&&b| b != 0).count()
}

/// Copies the elements of contiguous `src` where `m` is true into `dst`, in order,
/// skipping eight-byte groups of the mask that are all false.
///
/// # Safety
/// `src` holds `m.len()` elements; `dst` holds one element per true byte of `m`.
unsafe fn compress_contiguous(size: usize, dst: *mut u8, src: *const u8, m: &[u8]) {
    unsafe fn typed<T: Copy>(dst: *mut u8, src: *const u8, m: &[u8]) {
        let (d, s) = (dst as *mut T, src as *const T);
        let mut w = 0usize;
        let mut chunks = m.chunks_exact(8);
        let mut i = 0usize;
        for c in &mut chunks {
            let mut bits = u64::from_le_bytes(c.try_into().unwrap_or([0; 8]));
            while bits != 0 {
                let k = (bits.trailing_zeros() / 8) as usize;
                // SAFETY: i + k < m.len(); w < number of trues.
                unsafe {
                    std::ptr::write_unaligned(d.add(w), std::ptr::read_unaligned(s.add(i + k)))
                };
                w += 1;
                bits &= bits - 1;
            }
            i += 8;
        }
        for (k, &b) in chunks.remainder().iter().enumerate() {
            if b != 0 {
                // SAFETY: as above.
                unsafe {
                    std::ptr::write_unaligned(d.add(w), std::ptr::read_unaligned(s.add(i + k)))
                };
                w += 1;
            }
        }
    }
    // SAFETY: forwarded.
    unsafe {
        match size {
            1 => typed::<u8>(dst, src, m),
            2 => typed::<u16>(dst, src, m),
            4 => typed::<u32>(dst, src, m),
            8 => typed::<u64>(dst, src, m),
            _ => typed::<u128>(dst, src, m),
        }
    }
}

/// `np.nonzero(a)` for ndim >= 1: one int64 array of coordinates per axis, in C order.
pub fn nonzero(a: &NdArray) -> Result<Vec<NdArray>> {
    let mask = if a.dtype == DType::Bool {
        a.clone()
    } else {
        a.astype(DType::Bool, Casting::Unsafe)?
    };
    let mask = if mask.is_c_contiguous() {
        mask
    } else {
        mask.copy(Order::C)?
    };
    let m = mask_slice(&mask).unwrap_or(&[]);
    let count = count_bytes(m);
    let nd = a.ndim();
    let mut coords: Vec<Vec<i64>> = (0..nd).map(|_| Vec::with_capacity(count)).collect();
    if nd == 1 {
        let c = &mut coords[0];
        for (i, &b) in m.iter().enumerate() {
            if b != 0 {
                c.push(i as i64);
            }
        }
    } else if nd > 1 {
        for (i, &b) in m.iter().enumerate() {
            if b != 0 {
                let mut rest = i;
                for k in (0..nd).rev() {
                    let n = a.shape[k];
                    coords[k].push((rest % n) as i64);
                    rest /= n;
                }
            }
        }
    }
    coords
        .into_iter()
        .map(|c| NdArray::from_vec(c, &[count]))
        .collect()
}

/// How out-of-range indices are treated by `take`, `put` and `choose`.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum ClipMode {
    Raise,
    Wrap,
    Clip,
}

impl ClipMode {
    /// `'raise' | 'wrap' | 'clip'`.
    pub fn parse(s: &str) -> Option<ClipMode> {
        Some(match s {
            "raise" => ClipMode::Raise,
            "wrap" => ClipMode::Wrap,
            "clip" => ClipMode::Clip,
            _ => return None,
        })
    }

    /// `v` as an index below `n` for wrap/clip (`n > 0`); raise leaves it as it is.
    #[inline]
    pub fn apply(self, v: i64, n: usize) -> i64 {
        let n = n as i64;
        match self {
            ClipMode::Raise => v,
            ClipMode::Wrap => v.rem_euclid(n),
            ClipMode::Clip => v.clamp(0, n - 1),
        }
    }
}

/// Byte offset of the `i`-th element of `a` in C order (`i < a.size()`).
pub fn flat_offset(a: &NdArray, i: usize) -> usize {
    let mut rest = i;
    let mut off = a.offset as isize;
    for axis in (0..a.ndim()).rev() {
        let n = a.shape[axis];
        off += (rest % n) as isize * a.strides[axis];
        rest /= n;
    }
    off as usize
}

/// `np.put(a, idx, v, mode)`: the flat (C-order) positions `idx` of `a` get the elements
/// of `v` in turn (repeated when `v` is shorter). With `raise`, the writes before a bad
/// index stay done, as in NumPy. `v` must have `a`'s dtype.
pub fn put(a: &NdArray, idx: &[i64], v: &NdArray, mode: ClipMode) -> Result<()> {
    a.check_writeable()?;
    let n = a.size();
    let nv = v.size();
    if idx.is_empty() || nv == 0 {
        return Ok(());
    }
    if n == 0 {
        return Err(ArrayError::index(
            "cannot replace elements of an empty array",
        ));
    }
    let v = if v.same_storage(a) {
        v.copy(Order::C)?
    } else {
        v.clone()
    };
    let voffs: Vec<usize> = v.offsets().collect();
    let size = a.itemsize();
    let (dst, src) = (a.storage.as_ptr(), v.storage.as_ptr() as *const u8);
    let contiguous = a.is_c_contiguous();
    with_size!(size, T => {
        for (k, &i) in idx.iter().enumerate() {
            let j = match mode {
                ClipMode::Raise => {
                    let j = if i < 0 { i.wrapping_add(n as i64) } else { i };
                    if j < 0 || j >= n as i64 {
                        return Err(out_of_bounds(i, 0, n));
                    }
                    j
                }
                m => m.apply(i, n),
            } as usize;
            let o = if contiguous {
                a.offset + j * size
            } else {
                flat_offset(a, j)
            };
            // SAFETY: `o` is an element of `a`, `voffs[..]` one of `v`.
            unsafe {
                let x = std::ptr::read_unaligned(src.add(voffs[k % nv]) as *const T);
                std::ptr::write_unaligned(dst.add(o) as *mut T, x);
            }
        }
    });
    Ok(())
}

/// `np.choose(idx, choices, mode)`: element `i` from `choices[idx[i]]`, everything
/// broadcast together (choices already of one dtype). `ValueError: invalid entry in
/// choice array` for an index out of range with `raise`.
pub fn choose(idx: &NdArray, choices: &[NdArray], mode: ClipMode) -> Result<NdArray> {
    if choices.is_empty() {
        return Err(ArrayError::value("0-length sequence."));
    }
    let idx = int64(idx)?;
    let mut shapes: Vec<&[usize]> = choices.iter().map(|c| c.shape()).collect();
    shapes.push(idx.shape());
    let shape = super::view::broadcast_shapes_py(&shapes)?;
    let dt = choices[0].dtype;
    // One element written per index (an invalid entry drops the array).
    let out = NdArray::uninit(&shape, dt, Order::C)?;
    let views: Vec<NdArray> = choices
        .iter()
        .map(|c| c.broadcast_view(&shape).expect("broadcast shape fits"))
        .collect();
    let iv = idx.broadcast_view(&shape).expect("broadcast shape fits");
    let mut offs: Vec<Offsets> = views.iter().map(|v| v.offsets()).collect();
    let n = choices.len();
    let size = out.itemsize();
    let dst = out.storage.as_ptr();
    for (w, io) in iv.offsets().enumerate() {
        let k = iv.read::<i64>(io);
        let k = match mode {
            ClipMode::Raise => {
                if k < 0 || k >= n as i64 {
                    return Err(ArrayError::value("invalid entry in choice array"));
                }
                k
            }
            m => m.apply(k, n),
        } as usize;
        let mut src = 0;
        for (c, o) in offs.iter_mut().enumerate() {
            let p = o.next().unwrap_or(0);
            if c == k {
                src = p;
            }
        }
        // SAFETY: `src` is an element of choice `k`, `w` one of the fresh result.
        unsafe {
            std::ptr::copy_nonoverlapping(
                views[k].storage.as_ptr().add(src) as *const u8,
                dst.add(w * size),
                size,
            )
        };
    }
    Ok(out)
}

/// `np.where(cond, x, y)` with `x` and `y` of the same dtype: broadcast together
/// (`operands could not be broadcast together with shapes (5,) (5,) (2,) `), the element
/// of `x` where `cond` is true, else of `y`.
pub fn where_(cond: &NdArray, x: &NdArray, y: &NdArray) -> Result<NdArray> {
    let cond = if cond.dtype == DType::Bool {
        cond.clone()
    } else {
        cond.astype(DType::Bool, Casting::Unsafe)?
    };
    let shape = broadcast_shapes(&[cond.shape(), x.shape(), y.shape()])?;
    // The runs below write every element.
    let out = NdArray::uninit(&shape, x.dtype, Order::C)?;
    if out.size() == 0 {
        return Ok(out);
    }
    let bv = |a: &NdArray| a.broadcast_view(&shape).expect("broadcast shape fits");
    let (c, xv, yv) = (bv(&cond), bv(x), bv(y));
    // Flat operands (contiguous, or one element repeated): split between threads.
    let flat = |a: &NdArray| a.is_c_contiguous() || a.strides.iter().all(|&s| s == 0);
    if c.is_c_contiguous() && flat(&xv) && flat(&yv) && [1, 2, 4, 8, 16].contains(&out.itemsize()) {
        let n = out.size();
        let step = |a: &NdArray| a.is_c_contiguous() as usize;
        let (dx, dy) = (step(&xv), step(&yv));
        let addr = |a: &NdArray| a.storage.as_ptr() as usize + a.offset;
        let (po, pc, px, py) = (addr(&out), addr(&c), addr(&xv), addr(&yv));
        macro_rules! go {
            ($t:ty) => {
                crate::kernels::loops::par_chunks(n, |lo, len| {
                    // SAFETY: elements `lo..lo + len` of the four flat operands (the
                    // repeated ones read element 0); chunks of the output are disjoint.
                    unsafe {
                        select_flat::<$t>(
                            (po as *mut $t).add(lo),
                            (pc as *const u8).add(lo),
                            (px as *const $t).add(lo * dx),
                            dx,
                            (py as *const $t).add(lo * dy),
                            dy,
                            len,
                        )
                    };
                    crate::kernels::FpFlags::default()
                })
            };
        }
        match out.itemsize() {
            1 => go!(u8),
            2 => go!(u16),
            4 => go!(u32),
            8 => go!(u64),
            16 => go!(u128),
            _ => unreachable!("sizes checked above"),
        };
        return Ok(out);
    }
    let runs = Runs::new(
        &shape,
        [&out.strides, &c.strides, &xv.strides, &yv.strides],
        [0, c.offset, xv.offset, yv.offset],
    );
    let ptrs = [
        out.storage.as_ptr() as *const u8,
        c.storage.as_ptr() as *const u8,
        xv.storage.as_ptr() as *const u8,
        yv.storage.as_ptr() as *const u8,
    ];
    // SAFETY: the runs walk elements of the four (broadcast) arrays.
    unsafe { select_runs(out.itemsize(), runs, ptrs) };
    Ok(out)
}

/// `o[k] = if c[k] { x[k * dx] } else { y[k * dy] }` for `k < n` (`dx`, `dy` are 1 or 0).
///
/// # Safety
/// `o` must be valid for `n` writes, `c` for `n` reads and `x`, `y` for the elements read.
#[inline(always)]
unsafe fn select_flat<T: Copy>(
    o: *mut T,
    c: *const u8,
    x: *const T,
    dx: usize,
    y: *const T,
    dy: usize,
    n: usize,
) {
    // SAFETY: guaranteed by the caller; the (1, 1) case is written apart so that it
    // vectorises.
    unsafe {
        if dx == 1 && dy == 1 {
            for k in 0..n {
                let (a, b) = (x.add(k).read_unaligned(), y.add(k).read_unaligned());
                o.add(k).write_unaligned(if *c.add(k) != 0 { a } else { b });
            }
        } else {
            for k in 0..n {
                let a = x.add(k * dx).read_unaligned();
                let b = y.add(k * dy).read_unaligned();
                o.add(k).write_unaligned(if *c.add(k) != 0 { a } else { b });
            }
        }
    }
}

/// # Safety
/// `runs` must walk elements of the arrays behind `ptrs` (out, cond, x, y).
unsafe fn select_runs(size: usize, runs: Runs<4>, ptrs: [*const u8; 4]) {
    unsafe fn typed<T: Copy>(runs: Runs<4>, ptrs: [*const u8; 4]) {
        let len = runs.inner_len;
        let [so, sc, sx, sy] = runs.inner_strides;
        let z = std::mem::size_of::<T>() as isize;
        for [o, c, x, y] in runs {
            // SAFETY: guaranteed by the caller.
            unsafe {
                let op = ptrs[0].add(o) as *mut u8;
                let cp = ptrs[1].add(c);
                let xp = ptrs[2].add(x);
                let yp = ptrs[3].add(y);
                if so == z && sc == 1 && (sx == z || sx == 0) && (sy == z || sy == 0) {
                    let (op, xp, yp) = (op as *mut T, xp as *const T, yp as *const T);
                    let (dx, dy) = ((sx != 0) as usize, (sy != 0) as usize);
                    for k in 0..len {
                        let a = std::ptr::read_unaligned(xp.add(k * dx));
                        let b = std::ptr::read_unaligned(yp.add(k * dy));
                        let v = if *cp.add(k) != 0 { a } else { b };
                        std::ptr::write_unaligned(op.add(k), v);
                    }
                } else {
                    for k in 0..len as isize {
                        let a = std::ptr::read_unaligned(xp.offset(k * sx) as *const T);
                        let b = std::ptr::read_unaligned(yp.offset(k * sy) as *const T);
                        let v = if *cp.offset(k * sc) != 0 { a } else { b };
                        std::ptr::write_unaligned(op.offset(k * so) as *mut T, v);
                    }
                }
            }
        }
    }
    // SAFETY: forwarded.
    unsafe {
        match size {
            1 => typed::<u8>(runs, ptrs),
            2 => typed::<u16>(runs, ptrs),
            4 => typed::<u32>(runs, ptrs),
            8 => typed::<u64>(runs, ptrs),
            _ => typed::<u128>(runs, ptrs),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::array::ErrKind;

    fn arange(n: i64, shape: &[usize]) -> NdArray {
        NdArray::from_vec((0..n).collect::<Vec<_>>(), shape).unwrap()
    }
    fn ints(v: &[i64]) -> Index {
        Index::Array(NdArray::from_slice(v).unwrap())
    }
    fn get(a: &NdArray, items: Vec<Index>) -> Result<NdArray> {
        let p = prepare(a, items)?;
        let g = a.fancy_get(&p)?;
        Ok(g.view.unwrap_or(g.buffer))
    }
    fn vals(a: &NdArray) -> Vec<i64> {
        a.to_vec::<i64>().unwrap()
    }

    #[test]
    fn gathers() {
        let m = arange(16, &[4, 4]);
        // M[[0, 1, 2], [3, 2, 1]] -> [3, 6, 9]
        assert_eq!(
            vals(&get(&m, vec![ints(&[0, 1, 2]), ints(&[3, 2, 1])]).unwrap()),
            [3, 6, 9]
        );
        // M[:, [2, 0]] -> shape (4, 2), strides (8, 32)
        let r = get(
            &m,
            vec![
                Index::Slice {
                    start: None,
                    stop: None,
                    step: None,
                },
                ints(&[2, 0]),
            ],
        )
        .unwrap();
        assert_eq!((r.shape(), r.strides()), (&[4, 2][..], &[8, 32][..]));
        assert_eq!(vals(&r), [2, 0, 6, 4, 10, 8, 14, 12]);
        // M[[3, -1]] rows
        assert_eq!(
            vals(&get(&m, vec![ints(&[3, -1])]).unwrap()),
            [12, 13, 14, 15, 12, 13, 14, 15]
        );
        // np.arange(24).reshape(2,3,4)[1, :, [0, 3]] -> shape (2, 3): [[12,16,20],[15,19,23]]
        let t = arange(24, &[2, 3, 4]);
        let r = get(
            &t,
            vec![
                Index::Int(1),
                Index::Slice {
                    start: None,
                    stop: None,
                    step: None,
                },
                ints(&[0, 3]),
            ],
        )
        .unwrap();
        assert_eq!(r.shape(), &[2, 3]);
        assert_eq!(vals(&r), [12, 16, 20, 15, 19, 23]);
    }

    #[test]
    fn errors_in_numpy_order() {
        let m = arange(12, &[3, 4]);
        let e = get(&m, vec![ints(&[0, 5]), ints(&[9, 0])]).unwrap_err();
        assert_eq!(
            (e.kind, e.msg.as_str()),
            (
                ErrKind::IndexError,
                "index 5 is out of bounds for axis 0 with size 3"
            )
        );
        let e = get(&m, vec![ints(&[0, 1]), ints(&[0, 1, 2])]).unwrap_err();
        assert_eq!(
            e.msg,
            "shape mismatch: indexing arrays could not be broadcast together with shapes (2,) (3,) "
        );
        // M[[10], []] is empty, no error
        assert_eq!(get(&m, vec![ints(&[10]), ints(&[])]).unwrap().shape(), &[0]);
        let b = NdArray::from_slice(&[true, false, true, false]).unwrap();
        let e = get(&m, vec![Index::Bool(b)]).unwrap_err();
        assert_eq!(
            e.msg,
            "boolean index did not match indexed array along axis 0; size of axis is 3 but size of corresponding boolean axis is 4"
        );
    }

    #[test]
    fn masks_and_scatter() {
        let a = arange(10, &[10]);
        let mask =
            NdArray::from_vec((0..10).map(|i| i % 3 == 0).collect::<Vec<_>>(), &[10]).unwrap();
        assert_eq!(
            vals(&get(&a, vec![Index::Bool(mask.clone())]).unwrap()),
            [0, 3, 6, 9]
        );
        let p = prepare(&a, vec![Index::Bool(mask)]).unwrap();
        a.fancy_set(
            &p,
            &NdArray::from_scalar(crate::array::Scalar::I64(-1)).unwrap(),
        )
        .unwrap();
        assert_eq!(vals(&a), [-1, 1, 2, -1, 4, 5, -1, 7, 8, -1]);
        // repeated indices: the last wins
        let z = NdArray::zeros(&[5], DType::Int64, Order::C).unwrap();
        let p = prepare(&z, vec![ints(&[1, 3, 3])]).unwrap();
        z.fancy_set(&p, &NdArray::from_slice(&[7i64, 8, 9]).unwrap())
            .unwrap();
        assert_eq!(vals(&z), [0, 7, 0, 9, 0]);
        assert_eq!(count_bytes(&[1, 0, 1, 1, 0, 0, 0, 1, 1, 1]), 6);
    }
}
