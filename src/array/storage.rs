//! The shared, 64-byte-aligned byte buffer that arrays and their views alias: zeroed, or
//! uninitialised for results a kernel overwrites completely before anyone sees them.
//! Reads and writes go through raw pointers at byte offsets: interior mutability on
//! purpose, so views alias exactly as NumPy's do.

use std::alloc::{Layout, alloc, alloc_zeroed, dealloc};
use std::ptr::NonNull;
use std::rc::Rc;

/// Alignment of every buffer (enough for any SIMD width and every element type).
pub const ALIGN: usize = 64;

/// An owned, aligned heap buffer; shared between views through `Rc<Storage>`.
pub struct Storage {
    /// The aligned start of the data.
    ptr: NonNull<u8>,
    nbytes: usize,
    /// What the allocator returned, and its layout (the data starts `ptr - base` later).
    base: NonNull<u8>,
    layout: Layout,
}

/// Alignment the system allocator gives with `calloc`, whose large blocks are fresh
/// zero pages mapped lazily (asking for more alignment makes it memset the whole block).
const CALLOC_ALIGN: usize = 16;

/// Buffers of up to this many bytes (32 float64s) come from fixed-size blocks that are
/// kept for reuse, as NumPy caches small data blocks: a Python loop over small arrays
/// then makes no allocator call for its results' data (and no `calloc`, which glibc
/// serves without its per-thread cache).
const SMALL_BLOCK: usize = 256;
const SMALL_LAYOUT: Layout = match Layout::from_size_align(SMALL_BLOCK, ALIGN) {
    Ok(l) => l,
    Err(_) => panic!("bad layout"),
};

/// The per-thread stack of free small blocks.
mod small_pool {
    use super::{SMALL_LAYOUT, dealloc};
    use std::cell::RefCell;
    use std::ptr::NonNull;

    /// Blocks kept at most; more are returned to the allocator.
    const KEEP: usize = 64;

    struct Pool(Vec<NonNull<u8>>);

    impl Drop for Pool {
        fn drop(&mut self) {
            for p in self.0.drain(..) {
                // SAFETY: every pooled block was allocated with SMALL_LAYOUT.
                unsafe { dealloc(p.as_ptr(), SMALL_LAYOUT) };
            }
        }
    }

    thread_local! {
        static POOL: RefCell<Pool> = const { RefCell::new(Pool(Vec::new())) };
    }

    pub fn take() -> Option<NonNull<u8>> {
        POOL.try_with(|p| p.borrow_mut().0.pop()).ok().flatten()
    }

    /// Keeps `p` (a block of SMALL_LAYOUT no one uses any more) or frees it.
    pub fn give(p: NonNull<u8>) {
        let kept = POOL
            .try_with(|pool| {
                let mut pool = pool.borrow_mut();
                if pool.0.len() < KEEP {
                    pool.0.push(p);
                    true
                } else {
                    false
                }
            })
            .unwrap_or(false);
        if !kept {
            // SAFETY: allocated with SMALL_LAYOUT and not kept.
            unsafe { dealloc(p.as_ptr(), SMALL_LAYOUT) };
        }
    }
}

/// Buffers of at least this many bytes ask the kernel for transparent huge pages before
/// their first touch, as NumPy does: a fresh 80 MB result then faults in 2 MiB pages
/// instead of 4 KiB ones.
pub const HUGEPAGE_MIN: usize = 4 << 20;

/// `madvise(MADV_HUGEPAGE)` on the whole pages inside `[ptr, ptr + len)`; a hint, so
/// failures (no THP in this kernel) are ignored.
#[cfg(target_os = "linux")]
fn advise_huge(ptr: *mut u8, len: usize) {
    const MADV_HUGEPAGE: i32 = 14;
    const PAGE: usize = 4096;
    unsafe extern "C" {
        fn madvise(addr: *mut std::ffi::c_void, len: usize, advice: i32) -> i32;
    }
    let start = (ptr as usize).next_multiple_of(PAGE);
    let end = (ptr as usize + len) & !(PAGE - 1);
    if end > start {
        // SAFETY: the range lies inside one live allocation of ours; the advice changes
        // no contents.
        unsafe { madvise(start as *mut std::ffi::c_void, end - start, MADV_HUGEPAGE) };
    }
}

#[cfg(not(target_os = "linux"))]
fn advise_huge(_: *mut u8, _: usize) {}

/// Shared small buffers no array uses any more, kept whole (`Rc` and block) so that a
/// small result costs no allocator call at all; see [`Storage::small_rc`] and
/// [`Storage::recycle`].
mod rc_pool {
    use super::Storage;
    use std::cell::RefCell;
    use std::rc::Rc;

    /// Buffers kept at most.
    pub const KEEP: usize = 32;

    pub struct Pool {
        pub free: Vec<Rc<Storage>>,
        /// Put in the place of a recycled `Rc` (cloning it allocates nothing).
        pub empty: Rc<Storage>,
    }

    thread_local! {
        pub static POOL: RefCell<Option<Pool>> = const { RefCell::new(None) };
    }
}

impl Storage {
    /// A zero-filled buffer of `nbytes`, or `None` if the allocator refuses (never aborts).
    pub fn zeroed(nbytes: usize) -> Option<Storage> {
        Storage::allocate(nbytes, true)
    }

    /// A buffer of `nbytes` whose contents are unspecified (`None` if the allocator
    /// refuses). Only for results that a kernel overwrites completely before the buffer
    /// is read or shown to a script: every element type the runtime reads accepts any
    /// bit pattern except `bool`, so a bool result must be fully written too.
    pub fn uninit(nbytes: usize) -> Option<Storage> {
        Storage::allocate(nbytes, false)
    }

    fn allocate(nbytes: usize, zero: bool) -> Option<Storage> {
        if nbytes <= SMALL_BLOCK {
            let base = small_pool::take().or_else(|| {
                // SAFETY: the layout has a non-zero size.
                NonNull::new(unsafe { alloc(SMALL_LAYOUT) })
            })?;
            if zero {
                // SAFETY: the block holds SMALL_BLOCK bytes.
                unsafe { std::ptr::write_bytes(base.as_ptr(), 0, nbytes) };
            }
            return Some(Storage {
                ptr: base,
                nbytes,
                base,
                layout: SMALL_LAYOUT,
            });
        }
        let size = nbytes.checked_add(ALIGN - CALLOC_ALIGN)?.max(1);
        let layout = Layout::from_size_align(size, CALLOC_ALIGN).ok()?;
        // SAFETY: the layout has a non-zero size.
        let raw = unsafe {
            if zero {
                alloc_zeroed(layout)
            } else {
                alloc(layout)
            }
        };
        let base = NonNull::new(raw)?;
        if size >= HUGEPAGE_MIN {
            // Large zeroed blocks are fresh mappings calloc has not touched yet.
            advise_huge(base.as_ptr(), size);
        }
        let shift = base.as_ptr().align_offset(ALIGN);
        if shift > ALIGN - CALLOC_ALIGN {
            // SAFETY: allocated just above with this layout.
            unsafe { dealloc(base.as_ptr(), layout) };
            return None;
        }
        // SAFETY: `shift + nbytes <= size`, inside the block.
        let ptr = unsafe { NonNull::new_unchecked(base.as_ptr().add(shift)) };
        Some(Storage {
            ptr,
            nbytes,
            base,
            layout,
        })
    }

    /// A small buffer (`nbytes <= 256`) from the recycled ones, zeroed if asked; `None`
    /// when none is kept (or for larger sizes).
    pub fn small_rc(nbytes: usize, zero: bool) -> Option<Rc<Storage>> {
        if nbytes > SMALL_BLOCK {
            return None;
        }
        let mut rc = rc_pool::POOL
            .try_with(|p| p.borrow_mut().as_mut().and_then(|p| p.free.pop()))
            .ok()
            .flatten()?;
        let s = Rc::get_mut(&mut rc)?;
        s.nbytes = nbytes;
        if zero {
            // SAFETY: the block holds SMALL_BLOCK bytes.
            unsafe { std::ptr::write_bytes(s.ptr.as_ptr(), 0, nbytes) };
        }
        Some(rc)
    }

    /// Called as an array lets go of `rc`: a small buffer that nothing else holds is kept
    /// for [`Storage::small_rc`], `rc` then pointing at a shared empty buffer.
    #[inline]
    pub fn recycle(rc: &mut Rc<Storage>) {
        if rc.layout != SMALL_LAYOUT || Rc::strong_count(rc) != 1 || Rc::weak_count(rc) != 0 {
            return;
        }
        let _ = rc_pool::POOL.try_with(|p| {
            let Ok(mut p) = p.try_borrow_mut() else {
                return;
            };
            let pool = p.get_or_insert_with(|| rc_pool::Pool {
                free: Vec::with_capacity(rc_pool::KEEP),
                empty: Rc::new(Storage::allocate(0, false).expect("an empty buffer")),
            });
            if pool.free.len() < rc_pool::KEEP {
                let old = std::mem::replace(rc, pool.empty.clone());
                pool.free.push(old);
            }
        });
    }

    pub fn nbytes(&self) -> usize {
        self.nbytes
    }

    /// The start of the buffer. Writing through it is allowed at any time (views alias).
    pub fn as_ptr(&self) -> *mut u8 {
        self.ptr.as_ptr()
    }

    /// Reads a `T` at a byte offset.
    ///
    /// # Safety
    /// `offset + size_of::<T>()` must be within the buffer and the bytes a valid `T`
    /// (every element type of the runtime is valid for any bit pattern except `bool`,
    /// which the runtime only ever writes as 0 or 1).
    #[inline(always)]
    pub unsafe fn read<T: Copy>(&self, offset: usize) -> T {
        debug_assert!(offset + std::mem::size_of::<T>() <= self.nbytes);
        // SAFETY: guaranteed by the caller.
        unsafe { std::ptr::read_unaligned(self.as_ptr().add(offset) as *const T) }
    }

    /// Writes a `T` at a byte offset.
    ///
    /// # Safety
    /// `offset + size_of::<T>()` must be within the buffer.
    #[inline(always)]
    pub unsafe fn write<T: Copy>(&self, offset: usize, value: T) {
        debug_assert!(offset + std::mem::size_of::<T>() <= self.nbytes);
        // SAFETY: guaranteed by the caller.
        unsafe { std::ptr::write_unaligned(self.as_ptr().add(offset) as *mut T, value) }
    }

    /// A `Send + Sync` handle on bytes `[start, start + len)`, for parallel kernels that
    /// split disjoint ranges between threads. `None` if the range is outside the buffer.
    pub fn raw_range(&self, start: usize, len: usize) -> Option<RawData> {
        if start.checked_add(len)? > self.nbytes {
            return None;
        }
        // SAFETY: start is within the buffer (checked above).
        Some(RawData {
            ptr: unsafe { self.as_ptr().add(start) },
            len,
        })
    }
}

impl Drop for Storage {
    fn drop(&mut self) {
        if self.layout == SMALL_LAYOUT {
            small_pool::give(self.base);
            return;
        }
        // SAFETY: allocated in `allocate` with exactly this layout.
        unsafe { dealloc(self.base.as_ptr(), self.layout) }
    }
}

impl std::fmt::Debug for Storage {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Storage({} bytes at {:p})", self.nbytes, self.ptr)
    }
}

/// A raw byte range of a [`Storage`] that may cross threads. The owner of the `Storage`
/// must keep it alive, and threads must write disjoint bytes, while a `RawData` is in use.
#[derive(Copy, Clone, Debug)]
pub struct RawData {
    pub ptr: *mut u8,
    pub len: usize,
}

// SAFETY: a plain address; the rules of use are on the type.
unsafe impl Send for RawData {}
// SAFETY: as above.
unsafe impl Sync for RawData {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aligned_and_zeroed() {
        for n in [0usize, 1, 7, 64, 1000, 1 << 20] {
            let s = Storage::zeroed(n).unwrap();
            assert_eq!(s.as_ptr() as usize % ALIGN, 0);
            assert_eq!(s.nbytes(), n);
            for i in 0..n {
                assert_eq!(unsafe { s.read::<u8>(i) }, 0);
            }
        }
        let s = Storage::zeroed(16).unwrap();
        unsafe {
            s.write::<f64>(8, 2.5);
            assert_eq!(s.read::<f64>(8), 2.5);
        }
        assert!(s.raw_range(8, 8).is_some());
        assert!(s.raw_range(9, 8).is_none());
        assert!(s.raw_range(usize::MAX, 2).is_none());
    }

    #[test]
    fn uninit_is_aligned_and_writable() {
        for n in [0usize, 1, 100, 5 << 20] {
            let s = Storage::uninit(n).unwrap();
            assert_eq!(s.as_ptr() as usize % ALIGN, 0);
            assert_eq!(s.nbytes(), n);
            for i in (0..n).step_by(4096) {
                unsafe { s.write::<u8>(i, 7) };
                assert_eq!(unsafe { s.read::<u8>(i) }, 7);
            }
        }
        assert!(Storage::uninit(usize::MAX).is_none());
    }

    #[test]
    fn small_blocks_are_reused_and_zeroed_again() {
        let a = Storage::uninit(24).unwrap();
        unsafe { a.write::<f64>(16, 7.0) };
        let addr = a.as_ptr() as usize;
        drop(a);
        let b = Storage::zeroed(24).unwrap();
        assert_eq!(b.as_ptr() as usize, addr);
        assert_eq!(b.as_ptr() as usize % ALIGN, 0);
        assert_eq!(unsafe { b.read::<f64>(16) }, 0.0);
        // Many live small buffers at once, then all returned.
        let many: Vec<_> = (0..200)
            .map(|_| Storage::zeroed(SMALL_BLOCK).unwrap())
            .collect();
        assert!(
            many.iter()
                .all(|s| (s.as_ptr() as usize).is_multiple_of(ALIGN))
        );
    }

    #[test]
    fn unshared_small_buffers_are_recycled_whole() {
        let mut a = Rc::new(Storage::uninit(40).unwrap());
        unsafe { a.write::<f64>(32, 9.0) };
        let addr = a.as_ptr() as usize;
        // Shared: kept by its other holder.
        let b = a.clone();
        Storage::recycle(&mut a);
        assert_eq!(a.as_ptr() as usize, addr);
        drop(b);
        Storage::recycle(&mut a);
        assert_eq!(a.nbytes(), 0);
        let c = Storage::small_rc(24, true).unwrap();
        assert_eq!((c.as_ptr() as usize, c.nbytes()), (addr, 24));
        assert_eq!(unsafe { c.read::<f64>(16) }, 0.0);
        assert!(Storage::small_rc(SMALL_BLOCK + 1, false).is_none());
        // Large buffers are never kept.
        let mut big = Rc::new(Storage::uninit(SMALL_BLOCK + 1).unwrap());
        Storage::recycle(&mut big);
        assert_eq!(big.nbytes(), SMALL_BLOCK + 1);
    }

    #[test]
    fn huge_allocation_is_refused_not_aborted() {
        assert!(Storage::zeroed(usize::MAX / 2).is_none());
        assert!(Storage::zeroed(usize::MAX).is_none());
    }
}
