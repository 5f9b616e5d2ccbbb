//! A small fixed-capacity unsigned big integer, just enough arithmetic for Dragon4 digit generation.
//!
//! Dragon4 on IEEE binary16/32/64 values never needs more than about 1150 bits
//! (a 53-bit mantissa times `2^1076` or `10^325`, times a few small factors), so
//! the number is stored inline in [`LIMBS`] 64-bit limbs and copied freely.
//! Operations that would exceed the capacity saturate silently instead of
//! panicking; with the bounds above that never happens.

use std::cmp::Ordering;

/// Number of 64-bit limbs: 1536 bits.
const LIMBS: usize = 24;

/// An unsigned integer `sum(limb[i] * 2^(64 i))`, little-endian limbs.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) struct Big {
    len: usize,
    limb: [u64; LIMBS],
}

impl std::fmt::Debug for Big {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Big{:x?}", &self.limb[..self.len])
    }
}

impl Big {
    /// Zero.
    pub(crate) const fn zero() -> Self {
        Big {
            len: 0,
            limb: [0; LIMBS],
        }
    }

    /// The value `v`.
    pub(crate) fn from_u64(v: u64) -> Self {
        let mut b = Big::zero();
        if v != 0 {
            b.limb[0] = v;
            b.len = 1;
        }
        b
    }

    /// `2^exp` (saturating to zero past the capacity, which never happens here).
    pub(crate) fn pow2(exp: u32) -> Self {
        let mut b = Big::from_u64(1);
        b.shl_assign(exp);
        b
    }

    /// `10^exp`.
    #[cfg(test)]
    pub(crate) fn pow10(exp: u32) -> Self {
        let mut b = Big::from_u64(1);
        b.mul_pow10_assign(exp);
        b
    }

    /// True if the value is zero.
    pub(crate) fn is_zero(&self) -> bool {
        self.len == 0
    }

    fn trim(&mut self) {
        while self.len > 0 && self.limb[self.len - 1] == 0 {
            self.len -= 1;
        }
    }

    /// `self *= m`.
    pub(crate) fn mul_small_assign(&mut self, m: u64) {
        let mut carry: u128 = 0;
        for limb in &mut self.limb[..self.len] {
            let p = u128::from(*limb) * u128::from(m) + carry;
            *limb = p as u64;
            carry = p >> 64;
        }
        if carry != 0 && self.len < LIMBS {
            self.limb[self.len] = carry as u64;
            self.len += 1;
        }
        self.trim();
    }

    /// `self *= 10^exp`.
    pub(crate) fn mul_pow10_assign(&mut self, mut exp: u32) {
        const TEN19: u64 = 10_000_000_000_000_000_000;
        while exp >= 19 {
            self.mul_small_assign(TEN19);
            exp -= 19;
        }
        if exp > 0 {
            self.mul_small_assign(10u64.pow(exp));
        }
    }

    /// `self <<= shift`.
    pub(crate) fn shl_assign(&mut self, shift: u32) {
        if self.len == 0 || shift == 0 {
            return;
        }
        let limbs = usize::try_from(shift / 64).unwrap_or(LIMBS);
        let bits = shift % 64;
        if limbs >= LIMBS {
            *self = Big::zero();
            return;
        }
        let new_len = (self.len + limbs + 1).min(LIMBS);
        let mut out = [0u64; LIMBS];
        for i in (0..self.len).rev() {
            let dst = i + limbs;
            if dst < LIMBS {
                out[dst] |= self.limb[i] << bits;
            }
            if bits != 0 && dst + 1 < LIMBS {
                out[dst + 1] |= self.limb[i] >> (64 - bits);
            }
        }
        self.limb = out;
        self.len = new_len;
        self.trim();
    }

    /// `self + other`.
    pub(crate) fn add(&self, other: &Big) -> Big {
        let mut out = Big::zero();
        let n = self.len.max(other.len);
        let mut carry = 0u64;
        for i in 0..n {
            let (s1, c1) = self.limb[i].overflowing_add(other.limb[i]);
            let (s2, c2) = s1.overflowing_add(carry);
            out.limb[i] = s2;
            carry = u64::from(c1) + u64::from(c2);
        }
        out.len = n;
        if carry != 0 && n < LIMBS {
            out.limb[n] = carry;
            out.len = n + 1;
        }
        out.trim();
        out
    }

    /// `self -= other`; requires `self >= other`.
    fn sub_assign(&mut self, other: &Big) {
        let mut borrow = 0u64;
        for i in 0..self.len {
            let (d1, b1) = self.limb[i].overflowing_sub(other.limb[i]);
            let (d2, b2) = d1.overflowing_sub(borrow);
            self.limb[i] = d2;
            borrow = u64::from(b1) + u64::from(b2);
        }
        self.trim();
    }

    /// Replaces `self` by `self mod divisor` and returns `self / divisor`,
    /// for a quotient known to be at most 9 (Dragon4's digit extraction).
    pub(crate) fn divrem_digit(&mut self, divisor: &Big) -> u32 {
        let mut q = 0;
        while q < 9 && Ord::cmp(&*self, divisor) != Ordering::Less {
            self.sub_assign(divisor);
            q += 1;
        }
        q
    }
}

impl PartialOrd for Big {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Big {
    fn cmp(&self, other: &Self) -> Ordering {
        if self.len != other.len {
            return self.len.cmp(&other.len);
        }
        for i in (0..self.len).rev() {
            match self.limb[i].cmp(&other.limb[i]) {
                Ordering::Equal => {}
                ord => return ord,
            }
        }
        Ordering::Equal
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arithmetic_matches_u128() {
        let a = Big::from_u64(u64::MAX);
        let mut b = a;
        b.mul_small_assign(10);
        let mut c = Big::from_u64(1);
        c.shl_assign(64);
        assert!(b > c);
        let s = a.add(&Big::from_u64(1));
        assert_eq!(s, c);
        let mut t = Big::pow10(20);
        let ten19 = Big::pow10(19);
        assert_eq!(t.divrem_digit(&ten19), 9);
        assert_eq!(t, ten19);
        assert_eq!(Big::pow2(1075).len, 17);
        assert!(Big::zero().is_zero());
    }
}
