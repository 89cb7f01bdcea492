//! A fast hasher for the engine's internal tables (the multiply-rotate
//! word hash rustc uses, FxHash), and FNV-1a where a hash must be stable.
//! Keys are short names, numbers and small tuples that come from the
//! registry or the text being read, not from an adversary choosing
//! collisions for a server, so SipHash's protection buys nothing and costs
//! a tenth of an analysis.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// FxHash: eight bytes at a time, and a number in one step.
#[derive(Clone, Copy, Default)]
pub(crate) struct Fx(u64);

impl Fx {
    #[inline]
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl Hasher for Fx {
    fn finish(&self) -> u64 {
        self.0
    }

    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0u8; 8];
            word[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(word) ^ ((rest.len() as u64) << 59));
        }
    }

    #[inline]
    fn write_u8(&mut self, n: u8) {
        self.add(u64::from(n));
    }

    #[inline]
    fn write_u32(&mut self, n: u32) {
        self.add(u64::from(n));
    }

    #[inline]
    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }

    #[inline]
    fn write_u128(&mut self, n: u128) {
        self.add(n as u64);
        self.add((n >> 64) as u64);
    }

    #[inline]
    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }
}

/// A `HashMap` with the fast hasher.
pub(crate) type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<Fx>>;
/// A `HashSet` with the fast hasher.
pub(crate) type FastSet<T> = HashSet<T, BuildHasherDefault<Fx>>;

/// FNV-1a of `bytes`: a stable hash (the same on every platform and run).
pub(crate) fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &b| {
        (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::hash::BuildHasher;

    #[test]
    fn fnv1a_is_the_published_function() {
        // The fit's folds depend on it: test vectors of FNV-1a, 64 bits.
        assert_eq!(fnv1a(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a(b"foobar"), 0x8594_4171_f739_67e8);
    }

    #[test]
    fn the_table_hash_tells_short_keys_apart() {
        let hash = |s: &str| BuildHasherDefault::<Fx>::default().hash_one(s);
        let keys = [
            "",
            "a",
            "ab",
            "abc",
            "lfw",
            "lfwa",
            "dukemtmc",
            "dukemtmcreid",
            "ms1mv2",
        ];
        let hashes: FastSet<u64> = keys.iter().map(|k| hash(k)).collect();
        assert_eq!(hashes.len(), keys.len());
        let map: FastMap<&str, usize> = keys.iter().enumerate().map(|(i, k)| (*k, i)).collect();
        assert!(keys.iter().enumerate().all(|(i, k)| map[k] == i));
    }
}
