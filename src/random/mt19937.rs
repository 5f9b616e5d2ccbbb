//! The Mersenne Twister MT19937 (Matsumoto & Nishimura), bit-for-bit as CPython's
//! `_random` module and NumPy's legacy `RandomState` use it.
//!
//! This module knows nothing about interpreter values: it produces `u32`s, `f64`s
//! and `BigInt`s, and front-ends build Python semantics on top.

use num_bigint::BigInt;

/// Number of 32-bit words of state.
pub const N: usize = 624;
const M: usize = 397;
const MATRIX_A: u32 = 0x9908_b0df;
const UPPER_MASK: u32 = 0x8000_0000;
const LOWER_MASK: u32 = 0x7fff_ffff;

/// An MT19937 generator: 624 words of state and the index of the next word.
#[derive(Clone, Debug)]
pub struct Mt19937 {
    key: [u32; N],
    pos: usize,
}

impl Default for Mt19937 {
    /// The reference default seed, 5489.
    fn default() -> Self {
        Mt19937::new(5489)
    }
}

impl Mt19937 {
    /// A generator seeded with `init_genrand(seed)`.
    pub fn new(seed: u32) -> Mt19937 {
        let mut g = Mt19937 {
            key: [0; N],
            pos: N,
        };
        g.init_genrand(seed);
        g
    }

    /// A generator seeded with `init_by_array(key)`.
    pub fn from_array(key: &[u32]) -> Mt19937 {
        let mut g = Mt19937 {
            key: [0; N],
            pos: N,
        };
        g.init_by_array(key);
        g
    }

    /// The reference `init_genrand`: seeds the state from one 32-bit word.
    pub fn init_genrand(&mut self, seed: u32) {
        let mt = &mut self.key;
        mt[0] = seed;
        for i in 1..N {
            mt[i] = 1_812_433_253u32
                .wrapping_mul(mt[i - 1] ^ (mt[i - 1] >> 30))
                .wrapping_add(i as u32);
        }
        self.pos = N;
    }

    /// The reference `init_by_array`: seeds the state from a key of any length
    /// (an empty key is treated as `[0]`).
    pub fn init_by_array(&mut self, init_key: &[u32]) {
        let init_key: &[u32] = if init_key.is_empty() { &[0] } else { init_key };
        self.init_genrand(19_650_218);
        let mt = &mut self.key;
        let len = init_key.len();
        let (mut i, mut j) = (1usize, 0usize);
        for _ in 0..N.max(len) {
            let prev = mt[i - 1] ^ (mt[i - 1] >> 30);
            mt[i] = (mt[i] ^ prev.wrapping_mul(1_664_525))
                .wrapping_add(init_key[j])
                .wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
            if j >= len {
                j = 0;
            }
        }
        for _ in 0..N - 1 {
            let prev = mt[i - 1] ^ (mt[i - 1] >> 30);
            mt[i] = (mt[i] ^ prev.wrapping_mul(1_566_083_941)).wrapping_sub(i as u32);
            i += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
        }
        mt[0] = 0x8000_0000;
        self.pos = N;
    }

    /// Regenerates all 624 words of state.
    fn twist(&mut self) {
        let mt = &mut self.key;
        let mag = |y: u32| if y & 1 == 0 { 0 } else { MATRIX_A };
        for kk in 0..N - M {
            let y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
            mt[kk] = mt[kk + M] ^ (y >> 1) ^ mag(y);
        }
        for kk in N - M..N - 1 {
            let y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
            mt[kk] = mt[kk + M - N] ^ (y >> 1) ^ mag(y);
        }
        let y = (mt[N - 1] & UPPER_MASK) | (mt[0] & LOWER_MASK);
        mt[N - 1] = mt[M - 1] ^ (y >> 1) ^ mag(y);
        self.pos = 0;
    }

    /// The next tempered 32-bit output (`genrand_uint32`).
    pub fn next_u32(&mut self) -> u32 {
        if self.pos >= N {
            self.twist();
        }
        let mut y = self.key[self.pos];
        self.pos += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^ (y >> 18)
    }

    /// Two outputs as one 64-bit word, the first in the high half (NumPy's `mt19937_next64`).
    pub fn next_u64(&mut self) -> u64 {
        let hi = self.next_u32() as u64;
        (hi << 32) | self.next_u32() as u64
    }

    /// A float in [0, 1) with 53 random bits (`genrand_res53`).
    pub fn next_f64(&mut self) -> f64 {
        let a = (self.next_u32() >> 5) as f64;
        let b = (self.next_u32() >> 6) as f64;
        (a * 67_108_864.0 + b) * (1.0 / 9_007_199_254_740_992.0)
    }

    /// A non-negative integer with `k` random bits, as CPython's `getrandbits(k)`:
    /// 32-bit words fill the result from the least significant end, and the last
    /// (most significant) word keeps only the top `k % 32` bits of its output.
    pub fn getrandbits(&mut self, k: u64) -> BigInt {
        if k == 0 {
            return BigInt::from(0);
        }
        if k <= 32 {
            return BigInt::from(self.next_u32() >> (32 - k));
        }
        let words = (k - 1) / 32 + 1;
        let mut digits = Vec::with_capacity(words as usize);
        let mut left = k;
        for _ in 0..words {
            let mut r = self.next_u32();
            if left < 32 {
                r >>= 32 - left;
            }
            digits.push(r);
            left = left.saturating_sub(32);
        }
        BigInt::from_slice(num_bigint::Sign::Plus, &digits)
    }

    /// The state words and the index of the next word to use (0..=624).
    pub fn get_state(&self) -> (&[u32; N], usize) {
        (&self.key, self.pos)
    }

    /// Restores a state from [`get_state`](Self::get_state); `None` if `pos > 624`.
    pub fn set_state(&mut self, key: &[u32; N], pos: usize) -> Option<()> {
        if pos > N {
            return None;
        }
        self.key = *key;
        self.pos = pos;
        Some(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reference_outputs_for_default_seed() {
        let mut g = Mt19937::new(5489);
        let first: Vec<u32> = (0..5).map(|_| g.next_u32()).collect();
        assert_eq!(
            first,
            [
                3_499_211_612,
                581_869_302,
                3_890_346_734,
                3_586_334_585,
                545_404_204
            ]
        );
        // The 10000th output of the default-seeded generator (C++ std::mt19937 check value).
        let mut g = Mt19937::default();
        let last = (0..10_000).map(|_| g.next_u32()).last();
        assert_eq!(last, Some(4_123_659_995));
    }

    #[test]
    fn reference_init_by_array() {
        // mt19937ar.c's test driver: init_by_array({0x123, 0x234, 0x345, 0x456}).
        let mut g = Mt19937::from_array(&[0x123, 0x234, 0x345, 0x456]);
        let first: Vec<u32> = (0..5).map(|_| g.next_u32()).collect();
        assert_eq!(
            first,
            [
                1_067_595_299,
                955_945_823,
                477_289_528,
                4_107_218_783,
                4_228_976_476
            ]
        );
    }

    #[test]
    fn matches_cpython_random() {
        // random.seed(42) seeds with init_by_array([42]).
        let mut g = Mt19937::from_array(&[42]);
        assert_eq!(g.next_f64(), 0.6394267984578837);
        assert_eq!(g.next_f64(), 0.025010755222666936);
        // random.seed(0); random.getrandbits(40), then getrandbits(70)
        let mut g = Mt19937::from_array(&[0]);
        assert_eq!(g.getrandbits(40).to_string(), PY_BITS_40);
        assert_eq!(g.getrandbits(70).to_string(), PY_BITS_70);
    }

    const PY_BITS_40: &str = "424533559245";
    const PY_BITS_70: &str = "496037447641349049516";

    #[test]
    fn state_round_trip() {
        let mut g = Mt19937::new(1);
        g.next_u32();
        let (key, pos) = g.get_state();
        let (key, pos) = (*key, pos);
        let a: Vec<u32> = (0..700).map(|_| g.next_u32()).collect();
        let mut h = Mt19937::new(2);
        assert!(h.set_state(&key, pos).is_some());
        let b: Vec<u32> = (0..700).map(|_| h.next_u32()).collect();
        assert_eq!(a, b);
        assert!(h.set_state(&key, N + 1).is_none());
    }
}
