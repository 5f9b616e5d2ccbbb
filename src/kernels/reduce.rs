//! Reductions in NumPy's exact order (float sums through the pairwise kernel of
//! [`super::pairwise`]): the iteration plan NumPy's reduction iterator would pick for an
//! array (axis order by stride, coalescing, the buffering cost model with its
//! 8192-element chunks), and the drivers that run sum/prod/min/max/fmin/fmax/all/any,
//! the arg-reductions and the accumulations.
//!
//! Only float and complex `add` is order-sensitive in a way that depends on the inner-loop
//! boundaries (pairwise per call); float `multiply` depends on the visiting order and
//! float16 on the boundaries too (the accumulator is rounded to half after each call).
//! Everything else is exact whatever the order, so the drivers may split work freely.
//! Large inputs are split across two threads only where the result stays bit-identical:
//! along an output (non-reduced) dimension, at the first pairwise split of one long run,
//! or anywhere for exactly associative operations.

use crate::array::convert::check_in_bounds;
use crate::array::ndarray::{Shape, Strides};
use crate::array::{ArrayError, DType, Element, NdArray, Result, Scalar};
use half::f16;
use num_complex::{Complex32, Complex64};
use smallvec::{SmallVec, smallvec};
use std::cmp::Ordering;

use super::pairwise::{pairwise, pairwise_pairs, pairwise_par};

/// NumPy's default iterator buffer size (`NPY_BUFSIZE`), in elements.
pub const BUFSIZE: usize = 8192;
/// Inputs at least this large may be split across two threads.
const PAR_MIN: usize = 1 << 19;

fn c128_scalars(xs: &[Complex64]) -> &[f64] {
    // SAFETY: Complex64 is repr(C) { re: f64, im: f64 }.
    unsafe { std::slice::from_raw_parts(xs.as_ptr() as *const f64, xs.len() * 2) }
}

fn c64_scalars(xs: &[Complex32]) -> &[f32] {
    // SAFETY: Complex32 is repr(C) { re: f32, im: f32 }.
    unsafe { std::slice::from_raw_parts(xs.as_ptr() as *const f32, xs.len() * 2) }
}

// ---- the operations -----------------------------------------------------------------

/// The reduction ufunc a reduction runs.
#[derive(Copy, Clone, PartialEq, Eq, Debug)]
pub enum RKind {
    Add,
    Mul,
    Max,
    Min,
    FMax,
    FMin,
    And,
    Or,
}

impl RKind {
    /// The ufunc's name as NumPy's messages spell it.
    pub fn ufunc_name(self) -> &'static str {
        match self {
            RKind::Add => "add",
            RKind::Mul => "multiply",
            RKind::Max => "maximum",
            RKind::Min => "minimum",
            RKind::FMax => "fmax",
            RKind::FMin => "fmin",
            RKind::And => "logical_and",
            RKind::Or => "logical_or",
        }
    }
    /// The identity the result starts from, if the ufunc has one.
    pub fn identity(self, dt: DType) -> Option<Scalar> {
        match self {
            RKind::Add | RKind::Or => Some(Scalar::zero(dt)),
            RKind::Mul | RKind::And => Some(Scalar::one(dt)),
            _ => None,
        }
    }
}

/// One reduction inner loop of a loop dtype `L`: `run` is a call whose output stride is 0
/// (`acc op= xs`, NumPy's reduce branch), `elem` one step of the elementwise branch.
trait RedOp<L: Copy>: Copy + Send + Sync {
    fn run(self, acc: &mut L, xs: &[L]);
    fn elem(self, acc: &mut L, x: L);
    /// Whether any split of the work gives the same bits (integers, min/max, logic).
    const ASSOC: bool;
    /// Whether `run` is `acc += pairwise(xs)` of a float type.
    const PAIRWISE: bool = false;
    /// `elem` over a contiguous output row; overridden where LLVM vectorises.
    #[inline]
    fn row(self, acc: &mut [L], xs: &[L]) {
        for (a, &x) in acc.iter_mut().zip(xs) {
            self.elem(a, x);
        }
    }
    /// `row` for four consecutive rows (each output gets them in order).
    #[inline]
    fn rows4(self, acc: &mut [L], r: [&[L]; 4]) {
        for x in r {
            self.row(acc, x);
        }
    }
}

/// `acc = pick(acc, x)` over `xs` for an exact, order-free `pick` (max/min and their
/// NaN-ignoring forms): eight independent lanes (as NumPy's SIMD loop also assumes), then
/// the lanes and the tail.
#[inline(always)]
fn fold_lanes<T: Copy>(acc: &mut T, xs: &[T], pick: impl Fn(T, T) -> T) {
    let chunks = xs.chunks_exact(8);
    let tail = chunks.remainder();
    if xs.len() >= 16 {
        let mut lanes = [*acc; 8];
        for c in chunks {
            for k in 0..8 {
                lanes[k] = pick(lanes[k], c[k]);
            }
        }
        for l in lanes {
            *acc = pick(*acc, l);
        }
    } else {
        for &x in &xs[..xs.len() - tail.len()] {
            *acc = pick(*acc, x);
        }
    }
    for &x in tail {
        *acc = pick(*acc, x);
    }
}

macro_rules! float_ops {
    ($t:ty, $Sum:ident, $Prod:ident, $Max:ident, $Min:ident, $FMax:ident, $FMin:ident) => {
        #[derive(Copy, Clone)]
        struct $Sum;
        impl RedOp<$t> for $Sum {
            const ASSOC: bool = false;
            const PAIRWISE: bool = true;
            #[inline]
            fn run(self, acc: &mut $t, xs: &[$t]) {
                *acc += pairwise(xs, |x| x);
            }
            #[inline]
            fn elem(self, acc: &mut $t, x: $t) {
                *acc += x;
            }
            #[inline]
            fn row(self, acc: &mut [$t], xs: &[$t]) {
                for (a, &x) in acc.iter_mut().zip(xs) {
                    *a += x;
                }
            }
            #[inline]
            fn rows4(self, acc: &mut [$t], r: [&[$t]; 4]) {
                let n = acc
                    .len()
                    .min(r[0].len())
                    .min(r[1].len())
                    .min(r[2].len())
                    .min(r[3].len());
                let (acc, r0, r1, r2, r3) = (
                    &mut acc[..n],
                    &r[0][..n],
                    &r[1][..n],
                    &r[2][..n],
                    &r[3][..n],
                );
                for j in 0..n {
                    acc[j] = (((acc[j] + r0[j]) + r1[j]) + r2[j]) + r3[j];
                }
            }
        }
        #[derive(Copy, Clone)]
        struct $Prod;
        impl RedOp<$t> for $Prod {
            const ASSOC: bool = false;
            #[inline]
            fn run(self, acc: &mut $t, xs: &[$t]) {
                let mut a = *acc;
                for &x in xs {
                    a *= x;
                }
                *acc = a;
            }
            #[inline]
            fn elem(self, acc: &mut $t, x: $t) {
                *acc *= x;
            }
        }
        // x86's maxsd/minsd with NaN propagation from the first operand (NumPy's
        // `scalar_max_d`): equal values (0.0 and -0.0) give the second operand.
        #[derive(Copy, Clone)]
        struct $Max;
        impl RedOp<$t> for $Max {
            const ASSOC: bool = true;
            #[inline]
            fn run(self, acc: &mut $t, xs: &[$t]) {
                fold_lanes(
                    acc,
                    xs,
                    |a: $t, x: $t| if a.is_nan() || a > x { a } else { x },
                );
            }
            #[inline]
            fn elem(self, acc: &mut $t, x: $t) {
                let a = *acc;
                *acc = if a.is_nan() || a > x { a } else { x };
            }
        }
        #[derive(Copy, Clone)]
        struct $Min;
        impl RedOp<$t> for $Min {
            const ASSOC: bool = true;
            #[inline]
            fn run(self, acc: &mut $t, xs: &[$t]) {
                fold_lanes(
                    acc,
                    xs,
                    |a: $t, x: $t| if a.is_nan() || a < x { a } else { x },
                );
            }
            #[inline]
            fn elem(self, acc: &mut $t, x: $t) {
                let a = *acc;
                *acc = if a.is_nan() || a < x { a } else { x };
            }
        }
        // C's fmax/fmin: NaNs are ignored.
        #[derive(Copy, Clone)]
        struct $FMax;
        impl RedOp<$t> for $FMax {
            const ASSOC: bool = true;
            #[inline]
            fn run(self, acc: &mut $t, xs: &[$t]) {
                fold_lanes(
                    acc,
                    xs,
                    |a: $t, x: $t| if a >= x || x.is_nan() { a } else { x },
                );
            }
            #[inline]
            fn elem(self, acc: &mut $t, x: $t) {
                let a = *acc;
                *acc = if a >= x || x.is_nan() { a } else { x };
            }
        }
        #[derive(Copy, Clone)]
        struct $FMin;
        impl RedOp<$t> for $FMin {
            const ASSOC: bool = true;
            #[inline]
            fn run(self, acc: &mut $t, xs: &[$t]) {
                fold_lanes(
                    acc,
                    xs,
                    |a: $t, x: $t| if a <= x || x.is_nan() { a } else { x },
                );
            }
            #[inline]
            fn elem(self, acc: &mut $t, x: $t) {
                let a = *acc;
                *acc = if a <= x || x.is_nan() { a } else { x };
            }
        }
    };
}
float_ops!(f64, SumF64, ProdF64, MaxF64, MinF64, FMaxF64, FMinF64);
float_ops!(f32, SumF32, ProdF32, MaxF32, MinF32, FMaxF32, FMinF32);

/// float16 loops compute in float32 and round to half at the end of each call.
#[derive(Copy, Clone)]
struct SumF16;
impl RedOp<f16> for SumF16 {
    const ASSOC: bool = false;
    fn run(self, acc: &mut f16, xs: &[f16]) {
        *acc = f16::from_f32(acc.to_f32() + pairwise(xs, |x: f16| x.to_f32()));
    }
    fn elem(self, acc: &mut f16, x: f16) {
        *acc = f16::from_f32(acc.to_f32() + x.to_f32());
    }
}
#[derive(Copy, Clone)]
struct ProdF16;
impl RedOp<f16> for ProdF16 {
    const ASSOC: bool = false;
    fn run(self, acc: &mut f16, xs: &[f16]) {
        let mut a = acc.to_f32();
        for &x in xs {
            a *= x.to_f32();
        }
        *acc = f16::from_f32(a);
    }
    fn elem(self, acc: &mut f16, x: f16) {
        *acc = f16::from_f32(acc.to_f32() * x.to_f32());
    }
}
/// `HALF_maximum`/`HALF_minimum` (`ge`/`le` keep the first operand, NaN propagates) and
/// `HALF_fmax`/`HALF_fmin` (a NaN second operand is ignored).
#[derive(Copy, Clone)]
struct ExtF16 {
    max: bool,
    fnan: bool,
}
impl RedOp<f16> for ExtF16 {
    const ASSOC: bool = true;
    fn run(self, acc: &mut f16, xs: &[f16]) {
        for &x in xs {
            self.elem(acc, x);
        }
    }
    fn elem(self, acc: &mut f16, x: f16) {
        let (a, b) = (acc.to_f32(), x.to_f32());
        let keep = if self.max { a >= b } else { a <= b };
        let nan = if self.fnan { b.is_nan() } else { a.is_nan() };
        if !(keep || nan) {
            *acc = x;
        }
    }
}

macro_rules! complex_ops {
    ($c:ty, $f:ty, $scalars:ident, $Sum:ident, $Prod:ident, $Ext:ident) => {
        #[derive(Copy, Clone)]
        struct $Sum;
        impl RedOp<$c> for $Sum {
            const ASSOC: bool = false;
            fn run(self, acc: &mut $c, xs: &[$c]) {
                let (rr, ri) = pairwise_pairs($scalars(xs));
                acc.re += rr;
                acc.im += ri;
            }
            fn elem(self, acc: &mut $c, x: $c) {
                acc.re += x.re;
                acc.im += x.im;
            }
        }
        #[derive(Copy, Clone)]
        struct $Prod;
        impl RedOp<$c> for $Prod {
            const ASSOC: bool = false;
            fn run(self, acc: &mut $c, xs: &[$c]) {
                for &x in xs {
                    self.elem(acc, x);
                }
            }
            fn elem(self, acc: &mut $c, x: $c) {
                let (ar, ai) = (acc.re, acc.im);
                acc.re = ar * x.re - ai * x.im;
                acc.im = ar * x.im + ai * x.re;
            }
        }
        /// Lexicographic maximum/minimum (`CGE`/`CLE`), NaNs propagating (or ignored
        /// for fmax/fmin).
        #[derive(Copy, Clone)]
        struct $Ext {
            max: bool,
            fnan: bool,
        }
        impl RedOp<$c> for $Ext {
            const ASSOC: bool = true;
            fn run(self, acc: &mut $c, xs: &[$c]) {
                for &x in xs {
                    self.elem(acc, x);
                }
            }
            fn elem(self, acc: &mut $c, x: $c) {
                let (xr, xi, yr, yi) = (acc.re, acc.im, x.re, x.im);
                let ord = if self.max {
                    (xr > yr && !xi.is_nan() && !yi.is_nan()) || (xr == yr && xi >= yi)
                } else {
                    (xr < yr && !xi.is_nan() && !yi.is_nan()) || (xr == yr && xi <= yi)
                };
                let keep = if self.fnan {
                    yr.is_nan() || yi.is_nan() || ord
                } else {
                    xr.is_nan() || xi.is_nan() || ord
                };
                if !keep {
                    *acc = x;
                }
            }
        }
    };
}
complex_ops!(Complex64, f64, c128_scalars, SumC128, ProdC128, ExtC128);
complex_ops!(Complex32, f32, c64_scalars, SumC64, ProdC64, ExtC64);

/// Integer loops: wrapping, exact in any order.
#[derive(Copy, Clone)]
struct IntOp(RKind);
macro_rules! int_ops {
    ($($t:ty),*) => {$(
        impl RedOp<$t> for IntOp {
            const ASSOC: bool = true;
            #[inline]
            fn run(self, acc: &mut $t, xs: &[$t]) {
                match self.0 {
                    RKind::Add => {
                        let mut a = *acc;
                        for &x in xs {
                            a = a.wrapping_add(x);
                        }
                        *acc = a;
                    }
                    RKind::Mul => {
                        let mut a = *acc;
                        for &x in xs {
                            a = a.wrapping_mul(x);
                        }
                        *acc = a;
                    }
                    RKind::Max | RKind::FMax => {
                        *acc = xs.iter().copied().fold(*acc, |a, x| if x > a { x } else { a })
                    }
                    RKind::Min | RKind::FMin => {
                        *acc = xs.iter().copied().fold(*acc, |a, x| if x < a { x } else { a })
                    }
                    RKind::And => {
                        let all = xs.iter().all(|&x| x != 0);
                        *acc = (*acc != 0 && all) as $t;
                    }
                    RKind::Or => {
                        let any = xs.iter().any(|&x| x != 0);
                        *acc = (*acc != 0 || any) as $t;
                    }
                }
            }
            #[inline]
            fn elem(self, acc: &mut $t, x: $t) {
                let a = *acc;
                *acc = match self.0 {
                    RKind::Add => a.wrapping_add(x),
                    RKind::Mul => a.wrapping_mul(x),
                    RKind::Max | RKind::FMax => if x > a { x } else { a },
                    RKind::Min | RKind::FMin => if x < a { x } else { a },
                    RKind::And => (a != 0 && x != 0) as $t,
                    RKind::Or => (a != 0 || x != 0) as $t,
                };
            }
            #[inline]
            fn row(self, acc: &mut [$t], xs: &[$t]) {
                match self.0 {
                    RKind::Add => {
                        for (a, &x) in acc.iter_mut().zip(xs) {
                            *a = a.wrapping_add(x);
                        }
                    }
                    _ => {
                        for (a, &x) in acc.iter_mut().zip(xs) {
                            self.elem(a, x);
                        }
                    }
                }
            }
        }
    )*};
}
int_ops!(i8, i16, i32, i64, u8, u16, u32, u64);

/// Boolean loops: add is logical or, multiply logical and, max/min likewise.
#[derive(Copy, Clone)]
struct BoolOp(RKind);
impl RedOp<bool> for BoolOp {
    const ASSOC: bool = true;
    fn run(self, acc: &mut bool, xs: &[bool]) {
        match self.0 {
            RKind::Add | RKind::Or | RKind::Max | RKind::FMax => {
                *acc = *acc || xs.iter().any(|&x| x)
            }
            RKind::Mul | RKind::And | RKind::Min | RKind::FMin => {
                *acc = *acc && xs.iter().all(|&x| x)
            }
        }
    }
    fn elem(self, acc: &mut bool, x: bool) {
        match self.0 {
            RKind::Add | RKind::Or | RKind::Max | RKind::FMax => *acc = *acc || x,
            RKind::Mul | RKind::And | RKind::Min | RKind::FMin => *acc = *acc && x,
        }
    }
}

// ---- the iteration plan -------------------------------------------------------------

/// One coalesced iteration dimension: its length and the strides of the output (in
/// elements of the accumulator array), the input and the `where` mask (in bytes).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct Dim {
    pub len: usize,
    pub out: isize,
    pub src: isize,
    pub mask: isize,
}

/// How NumPy's buffered reduction iterator walks an operand: the coalesced dimensions
/// (fastest first), and the buffering setup of `npyiter_find_buffering_setup`.
#[derive(Clone, Debug)]
pub struct Plan {
    /// Original axes in iteration order, fastest first.
    pub perm: SmallVec<[usize; 4]>,
    pub dims: SmallVec<[Dim; 4]>,
    /// Which coalesced axes each dimension covers (ranges into `perm`).
    pub groups: SmallVec<[(usize, usize); 4]>,
    pub best_dim: usize,
    pub coresize: usize,
    pub bufsize: usize,
    pub using_reduce: bool,
    /// Output element strides per original axis (0 for reduced and length-1 axes).
    pub out_strides: SmallVec<[isize; 4]>,
    pub out_size: usize,
}

/// The plan of a reduction over `reduced` axes of an array of `shape` with byte strides
/// `src` (and `mask` for `where=`), whose input is cast to the loop dtype when `cast`.
pub fn plan(
    shape: &[usize],
    reduced: &[bool],
    src: &[isize],
    mask: Option<&[isize]>,
    cast: bool,
) -> Plan {
    let ndim = shape.len();
    let st = |s: &[isize], ax: usize| if shape[ax] == 1 { 0 } else { s[ax] };
    // Stable insertion sort of the axes (from C order reversed) by |stride| of the
    // inputs, as `npyiter_find_best_axis_ordering`; the output is not allocated yet.
    let mut perm: SmallVec<[usize; 4]> = (0..ndim).rev().collect();
    let ops: SmallVec<[&[isize]; 2]> = std::iter::once(src).chain(mask).collect();
    for i0 in 1..ndim {
        let j0 = perm[i0];
        let mut ipos = i0;
        for i1 in (0..i0).rev() {
            let j1 = perm[i1];
            let (mut ambig, mut swap) = (true, false);
            for s in &ops {
                let (s0, s1) = (st(s, j0), st(s, j1));
                if s0 != 0 && s1 != 0 {
                    if s1.unsigned_abs() <= s0.unsigned_abs() {
                        swap = false;
                    } else if ambig {
                        swap = true;
                    }
                    ambig = false;
                }
            }
            if !ambig {
                if swap {
                    ipos = i1;
                } else {
                    break;
                }
            }
        }
        if ipos != i0 {
            let v = perm.remove(i0);
            perm.insert(ipos, v);
        }
    }
    // The output is allocated in iteration order.
    let mut out_strides: SmallVec<[isize; 4]> = smallvec![0; ndim];
    let mut run = 1usize;
    for &ax in &perm {
        if !reduced[ax] && shape[ax] != 1 {
            out_strides[ax] = run as isize;
            run *= shape[ax];
        }
    }
    let out_size = (0..ndim)
        .filter(|&a| !reduced[a])
        .map(|a| shape[a])
        .product();
    // Coalescing.
    let mut dims: SmallVec<[Dim; 4]> = SmallVec::new();
    let mut groups: SmallVec<[(usize, usize); 4]> = SmallVec::new();
    for (k, &ax) in perm.iter().enumerate() {
        let d = Dim {
            len: shape[ax],
            out: out_strides[ax],
            src: st(src, ax),
            mask: mask.map(|m| st(m, ax)).unwrap_or(0),
        };
        if let Some(last) = dims.last_mut() {
            let ok = |s0: isize, s1: isize| {
                (last.len == 1 && s0 == 0)
                    || (d.len == 1 && s1 == 0)
                    || s0 * last.len as isize == s1
            };
            if ok(last.out, d.out) && ok(last.src, d.src) && ok(last.mask, d.mask) {
                last.len *= d.len;
                if last.out == 0 {
                    last.out = d.out;
                }
                if last.src == 0 {
                    last.src = d.src;
                }
                if last.mask == 0 {
                    last.mask = d.mask;
                }
                if let Some(g) = groups.last_mut() {
                    g.1 = k + 1;
                }
                continue;
            }
        }
        dims.push(d);
        groups.push((k, k + 1));
    }
    if dims.is_empty() {
        dims.push(Dim {
            len: 1,
            out: 0,
            src: 0,
            mask: 0,
        });
        groups.push((0, 0));
    }
    let any_reduced = reduced.iter().any(|&r| r);
    let (best_dim, coresize, bufsize, using_reduce) =
        buffering_setup(&dims, any_reduced, cast, mask.is_some());
    Plan {
        perm,
        dims,
        groups,
        best_dim,
        coresize,
        bufsize,
        using_reduce,
        out_strides,
        out_size,
    }
}

/// `npyiter_find_buffering_setup` for the operands (out, in, mask): returns the outer
/// dimension, the core size, the buffer size and whether the reduce-outer loop is used.
fn buffering_setup(
    dims: &[Dim],
    out_reduce: bool,
    src_cast: bool,
    has_mask: bool,
) -> (usize, usize, usize, bool) {
    let nop = if has_mask { 3 } else { 2 };
    let strides = |d: &Dim, iop: usize| match iop {
        0 => d.out,
        1 => d.src,
        _ => d.mask,
    };
    let cast = |iop: usize| iop == 1 && src_cast;
    let is_reduce = |iop: usize| iop == 0 && out_reduce;
    let maximum = BUFSIZE;
    let mut single = [1usize; 3];
    let mut reduce_outer = [0usize; 3];
    let mut cost = 1 + usize::from(src_cast);
    let mut outer_reduce_dim = 0;
    let mut size = dims[0].len;
    let (mut best_dim, mut best_cost, mut best_size, mut best_coresize) = (0, cost, size, 1);
    for idim in 1..dims.len() {
        if outer_reduce_dim != 0 {
            break;
        }
        if size >= maximum && cost > 1 {
            break;
        }
        let (prev, cur) = (&dims[idim - 1], &dims[idim]);
        for iop in 0..nop {
            let (ps, cs) = (strides(prev, iop), strides(cur, iop));
            if single[iop] == idim {
                if ps * prev.len as isize == cs {
                    single[iop] += 1;
                    continue;
                }
                if !cast(iop) {
                    cost += 1;
                }
            }
            if is_reduce(iop) && (cs == 0 || ps == 0) {
                reduce_outer[iop] = idim;
                outer_reduce_dim = idim;
            }
        }
        let coresize = size;
        size = size.saturating_mul(cur.len);
        if size == 0 {
            break;
        }
        let bufsize = if size > maximum && cost > 1 {
            maximum
        } else {
            size
        };
        if cost as f64 * best_size as f64 <= best_cost as f64 * bufsize as f64 {
            best_cost = cost;
            best_coresize = coresize;
            best_size = size;
            best_dim = idim;
        }
    }
    let using_reduce = outer_reduce_dim != 0 && best_dim == outer_reduce_dim;
    let reduce_dim = &dims[outer_reduce_dim];
    let mut must_buffer = false;
    for iop in 0..nop {
        let is_reduce_op = if !using_reduce {
            false
        } else if reduce_outer[iop] == best_dim || (single[iop] == best_dim && !cast(iop)) {
            true
        } else {
            strides(reduce_dim, iop) == 0 && single[iop] <= best_dim
        };
        let buffered = cast(iop) || single[iop] + usize::from(is_reduce_op) <= best_dim;
        must_buffer |= buffered;
    }
    if must_buffer && maximum < best_size {
        best_size = best_coresize * (maximum / best_coresize);
    }
    (best_dim, best_coresize, best_size.max(1), using_reduce)
}

// ---- running a plan -----------------------------------------------------------------

/// Raw pointers a worker thread uses; the caller keeps the buffers alive and the
/// workers write disjoint output elements.
#[derive(Copy, Clone)]
struct Ptrs {
    src: *const u8,
    mask: *const u8,
    acc: *mut u8,
}
// SAFETY: only used inside `std::thread::scope` while the owning arrays are borrowed,
// with each thread writing its own output elements.
unsafe impl Send for Ptrs {}
unsafe impl Sync for Ptrs {}

/// The calls of a plan over `dims`, in NumPy's order, each given to `call` as the list
/// of its rows: (src, out, mask) offsets and the row length (rows step along dims[0]).
struct Walker<'a> {
    dims: &'a [Dim],
    best_dim: usize,
    using_reduce: bool,
    /// Cores per transfer (the buffer size divided by the core size).
    chunks: usize,
}

#[derive(Copy, Clone)]
struct Row {
    src: isize,
    out: isize,
    mask: isize,
    len: usize,
}

impl Walker<'_> {
    fn walk(&self, mut call: impl FnMut(&[Row])) {
        let dims = self.dims;
        if dims.iter().any(|d| d.len == 0) {
            return;
        }
        let bd = self.best_dim;
        let core: usize = dims[..bd].iter().map(|d| d.len).product();
        let block = core * dims[bd].len;
        let tsize = (self.chunks * core).max(1);
        let outer = &dims[bd + 1..];
        let mut idx: SmallVec<[usize; 4]> = smallvec![0; outer.len()];
        let (mut so, mut oo, mut mo) = (0isize, 0isize, 0isize);
        let mut rows: Vec<Row> = Vec::new();
        loop {
            let mut pos = 0;
            while pos < block {
                let t = tsize.min(block - pos);
                if self.using_reduce {
                    let mut c = pos;
                    while c < pos + t {
                        self.rows_of(c, core, (so, oo, mo), &mut rows);
                        call(&rows);
                        c += core;
                    }
                } else {
                    self.rows_of(pos, t, (so, oo, mo), &mut rows);
                    call(&rows);
                }
                pos += t;
            }
            // Next outer position.
            let mut k = 0;
            loop {
                if k == outer.len() {
                    return;
                }
                let d = &outer[k];
                idx[k] += 1;
                so += d.src;
                oo += d.out;
                mo += d.mask;
                if idx[k] < d.len {
                    break;
                }
                let back = d.len as isize;
                so -= d.src * back;
                oo -= d.out * back;
                mo -= d.mask * back;
                idx[k] = 0;
                k += 1;
            }
        }
    }

    /// The rows of the call covering block positions `[start, start + len)`.
    fn rows_of(&self, start: usize, len: usize, base: (isize, isize, isize), rows: &mut Vec<Row>) {
        rows.clear();
        let d0 = &self.dims[0];
        if self.best_dim == 0 {
            let s = start as isize;
            rows.push(Row {
                src: base.0 + s * d0.src,
                out: base.1 + s * d0.out,
                mask: base.2 + s * d0.mask,
                len,
            });
            return;
        }
        let n0 = d0.len;
        let upper = &self.dims[1..=self.best_dim];
        let (first, count) = (start / n0, len.div_ceil(n0));
        // Mixed-radix index of the first row over dims[1..=best_dim].
        let mut idx: SmallVec<[usize; 4]> = SmallVec::with_capacity(upper.len());
        let (mut so, mut oo, mut mo) = base;
        let mut r = first;
        for d in upper {
            let i = r % d.len;
            r /= d.len;
            idx.push(i);
            so += i as isize * d.src;
            oo += i as isize * d.out;
            mo += i as isize * d.mask;
        }
        for _ in 0..count {
            rows.push(Row {
                src: so,
                out: oo,
                mask: mo,
                len: n0,
            });
            for (k, d) in upper.iter().enumerate() {
                idx[k] += 1;
                so += d.src;
                oo += d.out;
                mo += d.mask;
                if idx[k] < d.len {
                    break;
                }
                let back = d.len as isize;
                so -= d.src * back;
                oo -= d.out * back;
                mo -= d.mask * back;
                idx[k] = 0;
            }
        }
    }
}

/// Element conversions of the casting reductions: NumPy's C casts for the common pairs
/// (integers and bools to float64/int64/uint64, float16/float32 upwards); `None` sends
/// the pair through the generic (exact but slower) scalar cast.
trait Cvt: Element {
    #[inline(always)]
    fn f64_(self) -> Option<f64> {
        None
    }
    #[inline(always)]
    fn f32_(self) -> Option<f32> {
        None
    }
    #[inline(always)]
    fn i64_(self) -> Option<i64> {
        None
    }
    #[inline(always)]
    fn u64_(self) -> Option<u64> {
        None
    }
}
macro_rules! cvt_int {
    ($($t:ty),*) => {$(
        impl Cvt for $t {
            #[inline(always)]
            fn f64_(self) -> Option<f64> { Some(self as f64) }
            #[inline(always)]
            fn i64_(self) -> Option<i64> { Some(self as i64) }
            #[inline(always)]
            fn u64_(self) -> Option<u64> { Some(self as u64) }
        }
    )*};
}
cvt_int!(i8, i16, i32, i64, u8, u16, u32, u64);
impl Cvt for bool {
    #[inline(always)]
    fn f64_(self) -> Option<f64> {
        Some(self as u8 as f64)
    }
    #[inline(always)]
    fn i64_(self) -> Option<i64> {
        Some(self as i64)
    }
    #[inline(always)]
    fn u64_(self) -> Option<u64> {
        Some(self as u64)
    }
}
impl Cvt for f16 {
    #[inline(always)]
    fn f64_(self) -> Option<f64> {
        Some(self.to_f64())
    }
    #[inline(always)]
    fn f32_(self) -> Option<f32> {
        Some(self.to_f32())
    }
}
impl Cvt for f32 {
    #[inline(always)]
    fn f64_(self) -> Option<f64> {
        Some(self as f64)
    }
}
impl Cvt for f64 {}
impl Cvt for Complex32 {}
impl Cvt for Complex64 {}

/// `x` cast to the loop type `L` (`L::DTYPE` is a constant, so the match folds away).
#[inline(always)]
fn conv<S: Cvt, L: Element>(x: S) -> L {
    if S::DTYPE == L::DTYPE {
        // SAFETY: the same type.
        return unsafe { std::mem::transmute_copy(&x) };
    }
    macro_rules! via {
        ($v:expr) => {
            if let Some(v) = $v {
                // SAFETY: `L::DTYPE` says `L` is exactly this type.
                return unsafe { std::mem::transmute_copy(&v) };
            }
        };
    }
    match L::DTYPE {
        DType::Float64 => via!(x.f64_()),
        DType::Float32 => via!(x.f32_()),
        DType::Int64 => via!(x.i64_()),
        DType::UInt64 => via!(x.u64_()),
        _ => {}
    }
    L::from_scalar(x.to_scalar())
}

/// Appends `n` elements at `p` (`stride` bytes apart, of dtype `sdt`) to `out`, cast
/// to `L`: NumPy's buffered copy of a casting reduction.
///
/// # Safety
/// The elements must lie inside their buffer.
unsafe fn load<L: Element>(sdt: DType, p: *const u8, stride: isize, n: usize, out: &mut Vec<L>) {
    crate::with_dtype!(sdt, S => {
        out.reserve(n);
        for j in 0..n as isize {
            // SAFETY: guaranteed by the caller.
            let x = unsafe { std::ptr::read_unaligned(p.offset(j * stride) as *const S) };
            out.push(conv::<S, L>(x));
        }
    })
}

/// Runs `op` over the calls of the plan, reading elements of dtype `sdt` at `p.src`
/// (cast to `L` through small buffers when it differs) and mask bytes at `p.mask`
/// (null: no mask), accumulating into the `L` array at `p.acc`.
///
/// # Safety
/// Every offset the dims reach must lie inside the buffers behind `p`.
unsafe fn execute<L: Element, O: RedOp<L>>(op: O, w: &Walker<'_>, p: Ptrs, sdt: DType) {
    let size = std::mem::size_of::<L>() as isize;
    let cast = sdt != L::DTYPE;
    let d0 = w.dims[0];
    if p.mask.is_null() && d0.out == 1 && w.dims.len() >= 2 && w.dims[1].out == 0 {
        // SAFETY: forwarded.
        return unsafe { rows_down(op, w.dims, p, sdt) };
    }
    let direct = !cast && d0.src == size;
    if direct
        && p.mask.is_null()
        && d0.out == 0
        && w.dims.len() >= 2
        && w.dims[1..].iter().all(|d| d.out != 0)
    {
        // SAFETY: forwarded.
        return unsafe { rows_across(op, w.dims, p) };
    }
    let mut buf: Vec<L> = Vec::new();
    let mut mbuf: Vec<bool> = Vec::new();
    let acc = p.acc as *mut L;
    let has_mask = !p.mask.is_null();
    // SAFETY (all blocks below): offsets come from the dims, inside the buffers.
    let mread = |off: isize| unsafe { *p.mask.offset(off) != 0 };
    w.walk(|rows| {
        if d0.out == 0 {
            // A reduce call: every row goes to the same output.
            let out = unsafe { &mut *acc.offset(rows[0].out) };
            if rows.len() == 1 && !has_mask && direct {
                let r = rows[0];
                let xs =
                    unsafe { std::slice::from_raw_parts(p.src.offset(r.src) as *const L, r.len) };
                op.run(out, xs);
                return;
            }
            buf.clear();
            mbuf.clear();
            for r in rows {
                unsafe { load(sdt, p.src.offset(r.src), d0.src, r.len, &mut buf) };
                if has_mask {
                    mbuf.extend((0..r.len as isize).map(|j| mread(r.mask + j * d0.mask)));
                }
            }
            if !has_mask {
                op.run(out, &buf);
                return;
            }
            // NumPy's masked loop: one call per run of unmasked elements.
            let mut i = 0;
            while i < buf.len() {
                while i < buf.len() && !mbuf[i] {
                    i += 1;
                }
                let start = i;
                while i < buf.len() && mbuf[i] {
                    i += 1;
                }
                if i > start {
                    op.run(out, &buf[start..i]);
                }
            }
        } else {
            for r in rows {
                let xs: &[L] = if direct {
                    unsafe { std::slice::from_raw_parts(p.src.offset(r.src) as *const L, r.len) }
                } else {
                    buf.clear();
                    unsafe { load(sdt, p.src.offset(r.src), d0.src, r.len, &mut buf) };
                    &buf
                };
                if !has_mask && d0.out == 1 {
                    let o = unsafe { std::slice::from_raw_parts_mut(acc.offset(r.out), r.len) };
                    op.row(o, xs);
                    continue;
                }
                for (j, &x) in xs.iter().enumerate() {
                    let j = j as isize;
                    if has_mask && !mread(r.mask + j * d0.mask) {
                        continue;
                    }
                    unsafe { op.elem(&mut *acc.offset(r.out + j * d0.out), x) };
                }
            }
        }
    });
}

/// A reduction over a contiguous fastest axis (`axis=-1` of C order) without casting or
/// mask: NumPy's iterator then makes one inner-loop call per output over its whole run
/// (the walker's calls, without its per-call bookkeeping, which dominates for short
/// runs such as the length-3 last axis of a point cloud).
///
/// # Safety
/// As for [`execute`].
unsafe fn rows_across<L: Element, O: RedOp<L>>(op: O, dims: &[Dim], p: Ptrs) {
    if dims.iter().any(|d| d.len == 0) {
        return;
    }
    let n = dims[0].len;
    let d1 = dims[1];
    let outer = &dims[2..];
    let acc = p.acc as *mut L;
    let mut idx: SmallVec<[usize; 4]> = smallvec![0; outer.len()];
    let (mut so, mut oo) = (0isize, 0isize);
    loop {
        for i in 0..d1.len as isize {
            // SAFETY: the offsets come from the dims, inside the buffers; each output
            // element is visited once.
            let (a, xs) = unsafe {
                (
                    &mut *acc.offset(oo + i * d1.out),
                    std::slice::from_raw_parts(p.src.offset(so + i * d1.src) as *const L, n),
                )
            };
            op.run(a, xs);
        }
        let mut k = 0;
        loop {
            if k == outer.len() {
                return;
            }
            let d = &outer[k];
            idx[k] += 1;
            so += d.src;
            oo += d.out;
            if idx[k] < d.len {
                break;
            }
            so -= d.src * d.len as isize;
            oo -= d.out * d.len as isize;
            idx[k] = 0;
            k += 1;
        }
    }
}

/// Elementwise accumulation down a reduced dimension (`axis=0` of C order): contiguous
/// output runs get four input rows per pass, in blocks of columns. Every output still
/// receives its elements in iteration order, and call boundaries do not matter for
/// elementwise calls.
///
/// # Safety
/// As for [`execute`].
unsafe fn rows_down<L: Element, O: RedOp<L>>(op: O, dims: &[Dim], p: Ptrs, sdt: DType) {
    if dims.iter().any(|d| d.len == 0) {
        return;
    }
    const BLOCK: usize = 2048;
    let size = std::mem::size_of::<L>() as isize;
    let direct = sdt == L::DTYPE && dims[0].src == size;
    let (n0, s0, d1) = (dims[0].len, dims[0].src, dims[1]);
    let outer = &dims[2..];
    let mut idx: SmallVec<[usize; 4]> = smallvec![0; outer.len()];
    let (mut so, mut oo) = (0isize, 0isize);
    let mut scratch: [Vec<L>; 4] = Default::default();
    loop {
        let mut j0 = 0;
        while j0 < n0 {
            let nb = BLOCK.min(n0 - j0);
            // SAFETY (all blocks): the offsets come from the dims, inside the buffers.
            let acc = unsafe {
                std::slice::from_raw_parts_mut((p.acc as *mut L).offset(oo + j0 as isize), nb)
            };
            let base = so + j0 as isize * s0;
            let mut i = 0;
            while i < d1.len {
                let k = (d1.len - i).min(4);
                if direct {
                    let r = |t: usize| unsafe {
                        std::slice::from_raw_parts(
                            p.src.offset(base + (i + t) as isize * d1.src) as *const L,
                            nb,
                        )
                    };
                    if k == 4 {
                        op.rows4(acc, [r(0), r(1), r(2), r(3)]);
                    } else {
                        for t in 0..k {
                            op.row(acc, r(t));
                        }
                    }
                } else {
                    for (t, buf) in scratch.iter_mut().enumerate().take(k) {
                        buf.clear();
                        unsafe {
                            load(
                                sdt,
                                p.src.offset(base + (i + t) as isize * d1.src),
                                s0,
                                nb,
                                buf,
                            )
                        };
                    }
                    if k == 4 {
                        let [a, b, c, d] = &scratch;
                        op.rows4(acc, [a, b, c, d]);
                    } else {
                        for buf in scratch.iter().take(k) {
                            op.row(acc, buf);
                        }
                    }
                }
                i += k;
            }
            j0 += nb;
        }
        let mut k = 0;
        loop {
            if k == outer.len() {
                return;
            }
            let d = &outer[k];
            idx[k] += 1;
            so += d.src;
            oo += d.out;
            if idx[k] < d.len {
                break;
            }
            so -= d.src * d.len as isize;
            oo -= d.out * d.len as isize;
            idx[k] = 0;
            k += 1;
        }
    }
}

/// Runs `f(0..n)` on the calling thread and one helper, each taking the next task
/// index as it finishes the last (a busy core then does fewer tasks).
pub fn par_tasks(n: usize, f: impl Fn(usize) + Sync) {
    let next = std::sync::atomic::AtomicUsize::new(0);
    let work = || {
        loop {
            let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            if i >= n {
                break;
            }
            f(i);
        }
    };
    std::thread::scope(|s| {
        s.spawn(work);
        work();
    });
}

/// Tasks a large reduction is cut into for [`par_tasks`].
const PAR_TASKS: usize = 16;
/// The fewest output columns a task of a split axis-0 accumulation gets.
const ROWS_DOWN_MIN_COLS: usize = 1024;

/// Runs a plan, on two threads when the input is large and a split keeps the bits.
///
/// # Safety
/// As for [`execute`].
#[allow(clippy::too_many_arguments)]
unsafe fn execute_par<L: Element + Send + Sync, O: RedOp<L>>(
    op: O,
    dims: &[Dim],
    best_dim: usize,
    using_reduce: bool,
    chunks: usize,
    p: Ptrs,
    total: usize,
    sdt: DType,
) {
    let single = Walker {
        dims,
        best_dim,
        using_reduce,
        chunks,
    };
    // Split the outermost output (non-reduced) dimension: each output keeps its order.
    let split = (0..dims.len())
        .rev()
        .find(|&k| dims[k].out != 0 && dims[k].len >= 2);
    let Some(k) = split.filter(|_| total >= PAR_MIN) else {
        // SAFETY: forwarded.
        return unsafe { execute(op, &single, p, sdt) };
    };
    let len = dims[k].len;
    let tasks = len.min(PAR_TASKS);
    // Splitting the columns of an axis-0 accumulation (`rows_down`): each task reads a
    // segment of every input row, so segments shorter than a few pages stream poorly
    // (16 tasks of 156 columns of a (4000, 2500) matrix ran at 1.5x NumPy's time,
    // 2 tasks at 0.86x, measured side by side).
    let tasks = if k == 0 && dims[0].out == 1 && dims.len() >= 2 && dims[1].out == 0 {
        tasks.min((len / ROWS_DOWN_MIN_COLS).max(1))
    } else {
        tasks
    };
    if tasks == 1 {
        // SAFETY: forwarded.
        return unsafe { execute(op, &single, p, sdt) };
    }
    let size = std::mem::size_of::<L>() as isize;
    let shared = &p;
    par_tasks(tasks, |t| {
        let p = *shared;
        let (lo, hi) = (len * t / tasks, len * (t + 1) / tasks);
        let mut sub: SmallVec<[Dim; 4]> = dims.into();
        sub[k].len = hi - lo;
        let m = lo as isize;
        // SAFETY: the task starts `lo` steps along dimension k, inside the buffers.
        let pt = unsafe {
            Ptrs {
                src: p.src.offset(m * dims[k].src),
                mask: if p.mask.is_null() {
                    p.mask
                } else {
                    p.mask.offset(m * dims[k].mask)
                },
                acc: p.acc.offset(m * dims[k].out * size),
            }
        };
        let w = Walker {
            dims: &sub,
            best_dim,
            using_reduce,
            chunks,
        };
        // SAFETY: tasks write disjoint outputs; inputs are only read.
        unsafe { execute(op, &w, pt, sdt) }
    });
}

// ---- the driver ---------------------------------------------------------------------

/// What to reduce and how.
pub struct Spec<'a> {
    pub kind: RKind,
    /// Reduced axes of the input.
    pub reduced: &'a [bool],
    pub keepdims: bool,
    /// The loop (and result) dtype; the input is cast to it.
    pub dtype: DType,
    /// The start value (`initial=`), already of `dtype`; `None` means the identity, or
    /// the first element for reductions that have none.
    pub initial: Option<Scalar>,
    /// A boolean mask already broadcast to the input's shape (`where=`).
    pub mask: Option<&'a NdArray>,
}

/// A reduction of `a` as `np.<ufunc>.reduce` computes it, with NumPy's result layout
/// (the output follows the input's memory order).
pub fn reduce(a: &NdArray, spec: &Spec<'_>) -> Result<NdArray> {
    let ndim = a.ndim();
    let dt = spec.dtype;
    let start = spec.initial.or_else(|| spec.kind.identity(dt));
    if spec.mask.is_some() && start.is_none() {
        return Err(ArrayError::value(format!(
            "reduction operation '{}' does not have an identity, so to use a where mask one has to specify 'initial'",
            spec.kind.ufunc_name()
        )));
    }
    let cast = a.dtype != dt;
    let mask_strides = spec.mask.map(|m| &m.strides[..]);
    let pl = plan(&a.shape, spec.reduced, &a.strides, mask_strides, cast);
    let empty_reduction = (0..ndim).any(|ax| spec.reduced[ax] && a.shape[ax] == 0);
    if start.is_none() && empty_reduction && pl.out_size > 0 {
        return Err(ArrayError::value(format!(
            "zero-size array to reduction operation {} which has no identity",
            spec.kind.ufunc_name()
        )));
    }
    check_in_bounds(a);
    if let Some(m) = spec.mask {
        check_in_bounds(m);
    }
    if start.is_none() && cast {
        return Err(ArrayError::type_(format!(
            "reduction operation '{}' cannot cast its input",
            spec.kind.ufunc_name()
        )));
    }
    let src = a;
    let dims = pl.dims.clone();
    let out = crate::with_dtype!(dt, L => {
        let mut out: Vec<L> = match start {
            Some(s) => vec![L::from_scalar(s); pl.out_size],
            None => first_elements::<L>(src, spec.reduced, &pl),
        };
        if !out.is_empty() {
            let p = Ptrs {
                src: unsafe { src.storage.as_ptr().add(src.offset) },
                mask: spec
                    .mask
                    .map(|m| unsafe { m.storage.as_ptr().add(m.offset) as *const u8 })
                    .unwrap_or(std::ptr::null()),
                acc: out.as_mut_ptr().cast::<u8>(),
            };
            let chunks = (pl.bufsize / pl.coresize).max(1);
            // SAFETY: the dims stay inside `src` and the mask (checked above); the
            // accumulator has `out_size` elements, which the output strides index.
            let single = pl.out_size == 1 && !cast && spec.mask.is_none();
            unsafe { run_kind::<L>(spec.kind, &dims, &pl, chunks, p, a.size(), single, a.dtype) };
        }
        result_array(out, a, spec.reduced, spec.keepdims, &pl)?
    });
    Ok(out)
}

/// The first element of each reduction (for reductions without identity), indexed by
/// output element.
fn first_elements<L: Element>(src: &NdArray, reduced: &[bool], pl: &Plan) -> Vec<L> {
    let mut out = vec![L::default(); pl.out_size];
    if pl.out_size == 0 || src.size() == 0 {
        return out;
    }
    let ndim = src.ndim();
    let mut idx = vec![0usize; ndim];
    let free: Vec<usize> = (0..ndim).filter(|&a| !reduced[a]).collect();
    loop {
        let mut off = src.offset as isize;
        let mut o = 0isize;
        for &ax in &free {
            off += idx[ax] as isize * src.strides[ax];
            o += idx[ax] as isize * pl.out_strides[ax];
        }
        out[o as usize] = src.read::<L>(off as usize);
        let mut k = free.len();
        loop {
            if k == 0 {
                return out;
            }
            k -= 1;
            let ax = free[k];
            idx[ax] += 1;
            if idx[ax] < src.shape[ax] {
                break;
            }
            idx[ax] = 0;
        }
    }
}

/// Dispatches the loop of `kind` for the loop type `L`.
///
/// # Safety
/// As for [`execute`].
#[allow(clippy::too_many_arguments)]
unsafe fn run_kind<L: Element>(
    kind: RKind,
    dims: &[Dim],
    pl: &Plan,
    chunks: usize,
    p: Ptrs,
    total: usize,
    single_output: bool,
    sdt: DType,
) {
    macro_rules! go {
        ($T:ty, $op:expr) => {{
            // SAFETY: `L` is `$T` (checked by the dtype), forwarded.
            unsafe { run_typed::<$T, _>($op, dims, pl, chunks, p, total, single_output, sdt) }
        }};
    }
    use RKind::*;
    match L::DTYPE {
        DType::Float64 => match kind {
            Add => go!(f64, SumF64),
            Mul => go!(f64, ProdF64),
            Max => go!(f64, MaxF64),
            Min => go!(f64, MinF64),
            FMax => go!(f64, FMaxF64),
            FMin => go!(f64, FMinF64),
            And | Or => {}
        },
        DType::Float32 => match kind {
            Add => go!(f32, SumF32),
            Mul => go!(f32, ProdF32),
            Max => go!(f32, MaxF32),
            Min => go!(f32, MinF32),
            FMax => go!(f32, FMaxF32),
            FMin => go!(f32, FMinF32),
            And | Or => {}
        },
        DType::Float16 => match kind {
            Add => go!(f16, SumF16),
            Mul => go!(f16, ProdF16),
            Max | Min | FMax | FMin => go!(
                f16,
                ExtF16 {
                    max: matches!(kind, Max | FMax),
                    fnan: matches!(kind, FMax | FMin)
                }
            ),
            And | Or => {}
        },
        DType::Complex128 => match kind {
            Add => go!(Complex64, SumC128),
            Mul => go!(Complex64, ProdC128),
            Max | Min | FMax | FMin => go!(
                Complex64,
                ExtC128 {
                    max: matches!(kind, Max | FMax),
                    fnan: matches!(kind, FMax | FMin)
                }
            ),
            And | Or => {}
        },
        DType::Complex64 => match kind {
            Add => go!(Complex32, SumC64),
            Mul => go!(Complex32, ProdC64),
            Max | Min | FMax | FMin => go!(
                Complex32,
                ExtC64 {
                    max: matches!(kind, Max | FMax),
                    fnan: matches!(kind, FMax | FMin)
                }
            ),
            And | Or => {}
        },
        DType::Bool => go!(bool, BoolOp(kind)),
        DType::Int8 => go!(i8, IntOp(kind)),
        DType::Int16 => go!(i16, IntOp(kind)),
        DType::Int32 => go!(i32, IntOp(kind)),
        DType::Int64 => go!(i64, IntOp(kind)),
        DType::UInt8 => go!(u8, IntOp(kind)),
        DType::UInt16 => go!(u16, IntOp(kind)),
        DType::UInt32 => go!(u32, IntOp(kind)),
        DType::UInt64 => go!(u64, IntOp(kind)),
    }
}

/// # Safety
/// As for [`execute`]; `T` is the loop type.
#[allow(clippy::too_many_arguments)]
unsafe fn run_typed<T: Element + Send + Sync, O: RedOp<T>>(
    op: O,
    dims: &[Dim],
    pl: &Plan,
    chunks: usize,
    p: Ptrs,
    total: usize,
    single_output: bool,
    sdt: DType,
) {
    // One long contiguous run into one output: split it where the result allows.
    let size = std::mem::size_of::<T>() as isize;
    if single_output
        && total >= PAR_MIN
        && dims.len() == 1
        && dims[0].src == size
        && pl.bufsize >= dims[0].len
    {
        let xs = unsafe { std::slice::from_raw_parts(p.src as *const T, dims[0].len) };
        let acc = unsafe { &mut *(p.acc as *mut T) };
        if par_single_run(op, acc, xs).is_some() {
            return;
        }
    }
    // SAFETY: forwarded.
    unsafe {
        execute_par(
            op,
            dims,
            pl.best_dim,
            pl.using_reduce,
            chunks,
            p,
            total,
            sdt,
        )
    }
}

/// A whole-array reduction of one contiguous run on two threads, when bit-identical:
/// float sums split at the pairwise kernel's first split, associative operations
/// anywhere. `None` when the operation must run sequentially.
fn par_single_run<T: Element + Send + Sync, O: RedOp<T>>(
    op: O,
    acc: &mut T,
    xs: &[T],
) -> Option<()> {
    if O::ASSOC {
        let (lo, hi) = xs.split_at(xs.len() / 2);
        let (&h0, rest) = hi.split_first()?;
        let right = std::thread::scope(|s| {
            let h = s.spawn(move || {
                let mut r = h0;
                op.run(&mut r, rest);
                r
            });
            op.run(acc, lo);
            h.join().ok()
        })?;
        op.elem(acc, right);
        return Some(());
    }
    if !O::PAIRWISE {
        return None;
    }
    // Float sums: acc += pairwise(xs), the first split on two threads.
    let any: &mut dyn std::any::Any = acc;
    if let Some(a) = any.downcast_mut::<f64>() {
        // SAFETY: T is f64 (checked by the downcast).
        let x = unsafe { std::slice::from_raw_parts(xs.as_ptr() as *const f64, xs.len()) };
        *a += pairwise_par(x, |v| v);
        return Some(());
    }
    if let Some(a) = any.downcast_mut::<f32>() {
        // SAFETY: T is f32.
        let x = unsafe { std::slice::from_raw_parts(xs.as_ptr() as *const f32, xs.len()) };
        *a += pairwise_par(x, |v| v);
        return Some(());
    }
    None
}

/// The result array of a reduction: the accumulators (indexed by the plan's output
/// strides) with the reduced axes removed, or kept with length 1.
fn result_array<L: Element>(
    data: Vec<L>,
    a: &NdArray,
    reduced: &[bool],
    keepdims: bool,
    pl: &Plan,
) -> Result<NdArray> {
    let ndim = a.ndim();
    let n = data.len();
    let mut out = NdArray::from_vec(data, &[n])?;
    let kept = |ax: usize| !reduced[ax] || keepdims;
    let len = |ax: usize| if reduced[ax] { 1 } else { a.shape[ax] };
    let shape: Shape = (0..ndim).filter(|&ax| kept(ax)).map(len).collect();
    let mut full: SmallVec<[isize; 4]> = smallvec![0; ndim];
    if n > 0 {
        let mut run = std::mem::size_of::<L>() as isize;
        for &ax in &pl.perm {
            if kept(ax) {
                full[ax] = run;
                run *= len(ax) as isize;
            }
        }
    }
    out.strides = (0..ndim)
        .filter(|&ax| kept(ax))
        .map(|ax| full[ax])
        .collect();
    out.shape = shape;
    Ok(out)
}

// ---- arg-reductions -----------------------------------------------------------------

/// Element comparisons of NumPy's `argmax`/`argmin` loops: the first extreme wins, a NaN
/// counts as the extreme (the first NaN is returned).
trait ArgElem: Element {
    fn nan(self) -> bool {
        false
    }
    /// `!(x <= best)`, with NumPy's per-type definition.
    fn beats_max(self, best: Self) -> bool;
    /// `!(x >= best)`.
    fn beats_min(self, best: Self) -> bool;
}
macro_rules! arg_int {
    ($($t:ty),*) => {$(
        impl ArgElem for $t {
            fn beats_max(self, best: $t) -> bool { self > best }
            fn beats_min(self, best: $t) -> bool { self < best }
        }
    )*};
}
arg_int!(i8, i16, i32, i64, u8, u16, u32, u64);
impl ArgElem for bool {
    fn beats_max(self, best: bool) -> bool {
        self && !best
    }
    fn beats_min(self, best: bool) -> bool {
        !self && best
    }
}
macro_rules! arg_float {
    ($t:ty, $f:expr) => {
        impl ArgElem for $t {
            fn nan(self) -> bool {
                ($f)(self).is_nan()
            }
            // `!(x <= best)` and `!(x >= best)`: true for NaN.
            fn beats_max(self, best: $t) -> bool {
                !matches!(
                    ($f)(self).partial_cmp(&($f)(best)),
                    Some(Ordering::Less | Ordering::Equal)
                )
            }
            fn beats_min(self, best: $t) -> bool {
                !matches!(
                    ($f)(self).partial_cmp(&($f)(best)),
                    Some(Ordering::Greater | Ordering::Equal)
                )
            }
        }
    };
}
arg_float!(f64, |x: f64| x);
arg_float!(f32, |x: f32| x);
arg_float!(f16, |x: f16| x.to_f32());
macro_rules! arg_complex {
    ($t:ty) => {
        impl ArgElem for $t {
            fn nan(self) -> bool {
                self.re.is_nan() || self.im.is_nan()
            }
            fn beats_max(self, b: $t) -> bool {
                self.re > b.re || (self.re == b.re && self.im > b.im) || self.nan()
            }
            fn beats_min(self, b: $t) -> bool {
                self.re < b.re || (self.re == b.re && self.im < b.im) || self.nan()
            }
        }
    };
}
arg_complex!(Complex64);
arg_complex!(Complex32);

/// The index of the first maximum (or minimum) of `n` elements `stride` bytes apart.
///
/// # Safety
/// The elements must lie inside the buffer at `p`.
unsafe fn arg_run<T: ArgElem>(p: *const u8, n: usize, stride: isize, max: bool) -> i64 {
    // SAFETY: guaranteed by the caller.
    let at =
        |i: usize| unsafe { std::ptr::read_unaligned(p.offset(i as isize * stride) as *const T) };
    let mut best = at(0);
    let mut idx = 0;
    if best.nan() {
        return 0;
    }
    for i in 1..n {
        let x = at(i);
        let beats = if max {
            x.beats_max(best)
        } else {
            x.beats_min(best)
        };
        if beats {
            best = x;
            idx = i;
            if x.nan() {
                break;
            }
        }
    }
    idx as i64
}

/// `np.argmax`/`np.argmin` along `axis` (or of the C-order flattening when `None`):
/// int64 indices shaped as the other axes (C order), or NumPy's ValueError for an empty
/// axis (`attempt to get argmax of an empty sequence`).
pub fn arg_reduce(a: &NdArray, axis: Option<usize>, max: bool) -> Result<NdArray> {
    let name = if max { "argmax" } else { "argmin" };
    let empty = || ArrayError::value(format!("attempt to get {name} of an empty sequence"));
    let src;
    let (arr, ax) = match axis {
        Some(ax) => (a, ax),
        None => {
            src = if a.is_c_contiguous() {
                a.clone()
            } else {
                a.copy(crate::array::Order::C)?
            };
            let n = src.size();
            let flat =
                src.with_layout(src.offset, smallvec![n], smallvec![src.itemsize() as isize]);
            if n == 0 {
                return Err(empty());
            }
            let v = crate::with_dtype!(flat.dtype, T => {
                check_in_bounds(&flat);
                // SAFETY: the view lies inside its buffer (checked).
                unsafe { arg_run::<T>(flat.storage.as_ptr().add(flat.offset), n, flat.strides[0], max) }
            });
            return NdArray::from_vec(vec![v], &[]);
        }
    };
    let m = arr.shape[ax];
    if m == 0 {
        return Err(empty());
    }
    let out_shape: Shape = (0..arr.ndim())
        .filter(|&k| k != ax)
        .map(|k| arr.shape[k])
        .collect();
    let out_strides: Strides = (0..arr.ndim())
        .filter(|&k| k != ax)
        .map(|k| arr.strides[k])
        .collect();
    let stride = arr.strides[ax];
    check_in_bounds(arr);
    let offsets = crate::array::iter::Offsets::new(&out_shape, &out_strides, arr.offset);
    let base = arr.storage.as_ptr();
    let v: Vec<i64> = crate::with_dtype!(arr.dtype, T => {
        // SAFETY: every run lies inside the array's view (checked).
        offsets.map(|off| unsafe { arg_run::<T>(base.add(off), m, stride, max) }).collect()
    });
    NdArray::from_vec(v, &out_shape)
}

// ---- accumulations ------------------------------------------------------------------

/// `np.add.accumulate`/`np.multiply.accumulate` along `axis` in loop dtype `dtype`
/// (`cumsum`, `cumprod`): a new array laid out like the input (order K), computed in one
/// pass from the input (cast element by element).
pub fn accumulate(a: &NdArray, axis: usize, kind: RKind, dtype: DType) -> Result<NdArray> {
    let out = a.empty_like(dtype, crate::array::Order::K)?;
    if out.size() == 0 {
        return Ok(out);
    }
    check_in_bounds(a);
    check_in_bounds(&out);
    let ndim = out.ndim();
    let lanes_shape: Shape = (0..ndim)
        .map(|k| if k == axis { 1 } else { out.shape[k] })
        .collect();
    let n = out.shape[axis];
    let (sa, so) = (a.strides[axis], out.strides[axis]);
    let src: Vec<usize> =
        crate::array::iter::Offsets::new(&lanes_shape, &a.strides, a.offset).collect();
    let dst: Vec<usize> =
        crate::array::iter::Offsets::new(&lanes_shape, &out.strides, out.offset).collect();
    // Along the axis lane by lane when it is the fastest axis, else a row at a time.
    let lane_major =
        (0..ndim).all(|k| k == axis || out.shape[k] <= 1 || out.strides[k].abs() >= so.abs());
    let (pa, po) = (a.storage.as_ptr() as *const u8, out.storage.as_ptr());
    macro_rules! go {
        ($T:ty, $op:expr) => {{
            let op = $op;
            crate::with_dtype!(a.dtype, S => {
                // SAFETY: every lane lies inside its array (checked above).
                let rd = |off: isize| -> $T {
                    conv::<S, $T>(unsafe { std::ptr::read_unaligned(pa.offset(off) as *const S) })
                };
                let wr = |off: isize, v: $T| unsafe { std::ptr::write_unaligned(po.offset(off) as *mut $T, v) };
                if lane_major || src.len() == 1 {
                    for (&s0, &d0) in src.iter().zip(&dst) {
                        let (s0, d0) = (s0 as isize, d0 as isize);
                        let mut acc = rd(s0);
                        wr(d0, acc);
                        for i in 1..n as isize {
                            RedOp::<$T>::elem(op, &mut acc, rd(s0 + i * sa));
                            wr(d0 + i * so, acc);
                        }
                    }
                } else {
                    let mut acc: Vec<$T> = src.iter().map(|&s0| rd(s0 as isize)).collect();
                    for (&d0, &v) in dst.iter().zip(&acc) {
                        wr(d0 as isize, v);
                    }
                    for i in 1..n as isize {
                        for ((&s0, &d0), v) in src.iter().zip(&dst).zip(acc.iter_mut()) {
                            RedOp::<$T>::elem(op, v, rd(s0 as isize + i * sa));
                            wr(d0 as isize + i * so, *v);
                        }
                    }
                }
            })
        }};
    }
    let mul = kind == RKind::Mul;
    match dtype {
        DType::Float64 => {
            if mul {
                go!(f64, ProdF64)
            } else {
                go!(f64, SumF64)
            }
        }
        DType::Float32 => {
            if mul {
                go!(f32, ProdF32)
            } else {
                go!(f32, SumF32)
            }
        }
        DType::Float16 => {
            if mul {
                go!(f16, ProdF16)
            } else {
                go!(f16, SumF16)
            }
        }
        DType::Complex128 => {
            if mul {
                go!(Complex64, ProdC128)
            } else {
                go!(Complex64, SumC128)
            }
        }
        DType::Complex64 => {
            if mul {
                go!(Complex32, ProdC64)
            } else {
                go!(Complex32, SumC64)
            }
        }
        DType::Bool => go!(bool, BoolOp(kind)),
        DType::Int8 => go!(i8, IntOp(kind)),
        DType::Int16 => go!(i16, IntOp(kind)),
        DType::Int32 => go!(i32, IntOp(kind)),
        DType::Int64 => go!(i64, IntOp(kind)),
        DType::UInt8 => go!(u8, IntOp(kind)),
        DType::UInt16 => go!(u16, IntOp(kind)),
        DType::UInt32 => go!(u32, IntOp(kind)),
        DType::UInt64 => go!(u64, IntOp(kind)),
    }
    Ok(out)
}

// ---- the fused steps of var/std ----------------------------------------------------

/// Element arithmetic of a float loop dtype (float16 computes in float32 and rounds).
trait FloatOps: Element + Cvt {
    fn sub(a: Self, b: Self) -> Self;
    fn mul(a: Self, b: Self) -> Self;
}
impl FloatOps for f64 {
    fn sub(a: f64, b: f64) -> f64 {
        a - b
    }
    fn mul(a: f64, b: f64) -> f64 {
        a * b
    }
}
impl FloatOps for f32 {
    fn sub(a: f32, b: f32) -> f32 {
        a - b
    }
    fn mul(a: f32, b: f32) -> f32 {
        a * b
    }
}
impl FloatOps for f16 {
    fn sub(a: f16, b: f16) -> f16 {
        f16::from_f32(a.to_f32() - b.to_f32())
    }
    fn mul(a: f16, b: f16) -> f16 {
        f16::from_f32(a.to_f32() * b.to_f32())
    }
}

/// `square(subtract(a, m))` as `_var` computes it, in the float dtype `dt` that `a` and
/// the mean `m` (broadcast to `a`'s shape) promote to: `d = a - m` rounded to `dt`, then
/// `d * d`, laid out like `a` (order K). `None` for the combinations it does not cover
/// (complex, or a mean of another dtype than `dt`).
pub fn squared_deviations(a: &NdArray, m: &NdArray, dt: DType) -> Option<NdArray> {
    let same =
        a.dtype == dt || (dt == DType::Float64 && (a.dtype.is_integer() || a.dtype.is_bool()));
    if !matches!(dt, DType::Float64 | DType::Float32 | DType::Float16) || m.dtype != dt || !same {
        return None;
    }
    let mb = m.broadcast_view(&a.shape)?;
    let out = a.empty_like(dt, crate::array::Order::K).ok()?;
    if out.size() == 0 {
        return Some(out);
    }
    check_in_bounds(a);
    check_in_bounds(&mb);
    // Walk in the output's memory order (its axes by decreasing stride).
    let mut perm: SmallVec<[usize; 4]> = (0..a.ndim()).collect();
    perm.sort_by_key(|&k| std::cmp::Reverse(out.strides[k].unsigned_abs()));
    let shape: Shape = perm.iter().map(|&k| a.shape[k]).collect();
    let st = |x: &NdArray| -> Strides { perm.iter().map(|&k| x.strides[k]).collect() };
    let (so, sa, sm) = (st(&out), st(a), st(&mb));
    let runs = crate::array::iter::Runs::<3>::new(
        &shape,
        [&so, &sa, &sm],
        [out.offset, a.offset, mb.offset],
    );
    let n = runs.inner_len;
    let [io, ia, im] = runs.inner_strides;
    let (po, pa, pm) = (
        out.storage.as_ptr(),
        a.storage.as_ptr() as *const u8,
        mb.storage.as_ptr() as *const u8,
    );
    fn go<S: Cvt, T: FloatOps>(
        runs: crate::array::iter::Runs<3>,
        n: usize,
        st: [isize; 3],
        p: (*mut u8, *const u8, *const u8),
    ) {
        let [io, ia, im] = st;
        for [oo, ao, mo] in runs {
            for j in 0..n as isize {
                // SAFETY: the runs stay inside the three views (checked by the caller).
                unsafe {
                    let x: S = std::ptr::read_unaligned(p.1.add(ao).offset(j * ia) as *const S);
                    let mv: T = std::ptr::read_unaligned(p.2.add(mo).offset(j * im) as *const T);
                    let d = T::sub(conv::<S, T>(x), mv);
                    std::ptr::write_unaligned(p.0.add(oo).offset(j * io) as *mut T, T::mul(d, d));
                }
            }
        }
    }
    let ptrs = (po, pa, pm);
    let strides = [io, ia, im];
    match dt {
        DType::Float32 => go::<f32, f32>(runs, n, strides, ptrs),
        DType::Float16 => go::<f16, f16>(runs, n, strides, ptrs),
        _ => crate::with_dtype!(a.dtype, S => go::<S, f64>(runs, n, strides, ptrs)),
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The reference: NumPy's C kernel transcribed literally (index arithmetic).
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
            while i < n - (n % 8) {
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

    fn data(n: usize) -> Vec<f64> {
        // Deterministic values of mixed magnitude (an LCG).
        let mut s: u64 = 0x2545F4914F6CDD1D;
        (0..n)
            .map(|_| {
                s = s
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                let m = (s >> 11) as f64 / (1u64 << 53) as f64;
                (m - 0.3) * 10f64.powi(((s >> 5) % 7) as i32 - 3)
            })
            .collect()
    }

    #[test]
    fn pairwise_matches_the_c_kernel() {
        for n in [
            0, 1, 2, 7, 8, 9, 15, 16, 17, 127, 128, 129, 130, 255, 256, 257, 1000, 4097, 100_003,
        ] {
            let a = data(n);
            assert_eq!(
                pairwise(&a[..], |x| x).to_bits(),
                reference(&a).to_bits(),
                "n={n}"
            );
        }
        // Ten 0.1s: the pairwise tree gives exactly 1.0, naive summation does not.
        let tenth = [0.1; 10];
        assert_eq!(pairwise(&tenth[..], |x| x), 1.0);
        assert_ne!(tenth.iter().sum::<f64>(), 1.0);
        // -0.0 is preserved below 8 elements.
        assert!(pairwise(&[-0.0, -0.0][..], |x: f64| x).is_sign_negative());
        assert!(pairwise::<&[f64], f64>(&[], |x| x).is_sign_negative());
    }

    #[test]
    fn parallel_pairwise_is_bit_identical() {
        let a = data(PAR_MIN * 2 + 12345);
        assert_eq!(pairwise_par(&a, |x| x).to_bits(), reference(&a).to_bits());
    }

    #[test]
    fn complex_pairwise_interleaves() {
        for n in [1usize, 3, 4, 5, 63, 64, 65, 200] {
            let v = data(2 * n);
            let (rr, ri) = pairwise_pairs(&v[..]);
            // Small cases: plain sums of each component from -0.0.
            if 2 * n < 8 {
                let re: f64 = v.iter().step_by(2).fold(-0.0, |a, &x| a + x);
                let im: f64 = v.iter().skip(1).step_by(2).fold(-0.0, |a, &x| a + x);
                assert_eq!((rr, ri), (re, im));
            }
            assert!(rr.is_finite() && ri.is_finite());
        }
    }

    fn arr2(rows: usize, cols: usize) -> NdArray {
        NdArray::from_vec(data(rows * cols), &[rows, cols]).unwrap()
    }

    fn sum(a: &NdArray, reduced: &[bool], dtype: DType) -> NdArray {
        reduce(
            a,
            &Spec {
                kind: RKind::Add,
                reduced,
                keepdims: false,
                dtype,
                initial: None,
                mask: None,
            },
        )
        .unwrap()
    }

    #[test]
    fn plans_follow_numpys_rules() {
        // axis=1 of C order: one pairwise call per row.
        let a = arr2(37, 300);
        let r = sum(&a, &[false, true], DType::Float64);
        let v = a.to_vec::<f64>().unwrap();
        for i in 0..37 {
            let want = 0.0 + reference(&v[i * 300..(i + 1) * 300]);
            assert_eq!(r.get(&[i]).unwrap(), Scalar::F64(want));
        }
        // axis=0 of C order: sequential down each column.
        let r = sum(&a, &[true, false], DType::Float64);
        for j in 0..300 {
            let mut s = 0.0;
            for i in 0..37 {
                s += v[i * 300 + j];
            }
            assert_eq!(r.get(&[j]).unwrap(), Scalar::F64(s));
        }
        // Full reduction of a contiguous array: one call over everything.
        let r = sum(&a, &[true, true], DType::Float64);
        assert_eq!(r.item().unwrap(), Scalar::F64(0.0 + reference(&v)));
        // Casting reductions: chunks of 8192 added sequentially.
        let ints: Vec<i64> = (0..20000).map(|i| (i * 7919) % 1000 - 500).collect();
        let ai = NdArray::from_vec(ints.clone(), &[20000]).unwrap();
        let r = sum(&ai, &[true], DType::Float64);
        let f: Vec<f64> = ints.iter().map(|&x| x as f64).collect();
        let mut want = 0.0;
        for c in f.chunks(BUFSIZE) {
            want += reference(c);
        }
        assert_eq!(r.item().unwrap(), Scalar::F64(want));
    }

    #[test]
    fn strided_full_reduction_buffers_whole_rows() {
        // A[::2, :] of a (40, 100) array: 50 rows of 100, chunks of 100 * 81 elements.
        let a = arr2(40, 100);
        let v = a.to_vec::<f64>().unwrap();
        let view = a.with_layout(a.offset, smallvec![20, 100], smallvec![1600, 8]);
        let r = sum(&view, &[true, true], DType::Float64);
        let rows: Vec<f64> = (0..20)
            .flat_map(|i| v[2 * i * 100..2 * i * 100 + 100].to_vec())
            .collect();
        let mut want = 0.0;
        for c in rows.chunks(100 * (BUFSIZE / 100)) {
            want += reference(c);
        }
        assert_eq!(r.item().unwrap(), Scalar::F64(want));
    }

    #[test]
    fn split_across_threads_is_bit_identical() {
        let a = arr2(2000, 600);
        let v = a.to_vec::<f64>().unwrap();
        let r0 = sum(&a, &[true, false], DType::Float64);
        let r1 = sum(&a, &[false, true], DType::Float64);
        for j in [0, 1, 299, 599] {
            let mut s = 0.0;
            for i in 0..2000 {
                s += v[i * 600 + j];
            }
            assert_eq!(r0.get(&[j]).unwrap(), Scalar::F64(s));
        }
        for i in [0, 999, 1000, 1999] {
            assert_eq!(
                r1.get(&[i]).unwrap(),
                Scalar::F64(0.0 + reference(&v[i * 600..(i + 1) * 600]))
            );
        }
        let full = sum(&a, &[true, true], DType::Float64);
        assert_eq!(full.item().unwrap(), Scalar::F64(0.0 + reference(&v)));
    }

    #[test]
    fn arg_and_accumulate() {
        let a = NdArray::from_vec(vec![1.0, f64::NAN, 3.0, f64::NAN], &[4]).unwrap();
        assert_eq!(
            arg_reduce(&a, None, true).unwrap().item().unwrap(),
            Scalar::I64(1)
        );
        let b = NdArray::from_vec(vec![4i64, 9, 2, 9, 1, 2], &[2, 3]).unwrap();
        assert_eq!(
            arg_reduce(&b, Some(1), true)
                .unwrap()
                .to_vec::<i64>()
                .unwrap(),
            [1, 0]
        );
        assert_eq!(
            arg_reduce(&b, Some(0), false)
                .unwrap()
                .to_vec::<i64>()
                .unwrap(),
            [0, 1, 0]
        );
        let e = NdArray::from_vec(Vec::<f64>::new(), &[0]).unwrap();
        assert_eq!(
            arg_reduce(&e, None, true).unwrap_err().msg,
            "attempt to get argmax of an empty sequence"
        );
        let c = accumulate(&b, 1, RKind::Add, DType::Int64).unwrap();
        assert_eq!(c.to_vec::<i64>().unwrap(), [4, 13, 15, 9, 10, 12]);
    }

    #[test]
    fn empty_and_identity() {
        let e = NdArray::from_vec(Vec::<f64>::new(), &[0, 3]).unwrap();
        let spec = |kind| Spec {
            kind,
            reduced: &[true, false],
            keepdims: false,
            dtype: DType::Float64,
            initial: None,
            mask: None,
        };
        assert_eq!(
            reduce(&e, &spec(RKind::Add))
                .unwrap()
                .to_vec::<f64>()
                .unwrap(),
            [0.0; 3]
        );
        assert_eq!(
            reduce(&e, &spec(RKind::Mul))
                .unwrap()
                .to_vec::<f64>()
                .unwrap(),
            [1.0; 3]
        );
        assert_eq!(
            reduce(&e, &spec(RKind::Max)).unwrap_err().msg,
            "zero-size array to reduction operation maximum which has no identity"
        );
    }
}
