//! A fast hasher for the engine's internal tables (FNV-1a). Keys are short
//! names, numbers and small tuples that come from the registry or the text
//! being read, not from an adversary choosing collisions for a server, so
//! SipHash's protection buys nothing and costs a tenth of an analysis.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// FNV-1a, 64 bits.
#[derive(Clone, Copy)]
pub(crate) struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
}

/// A `HashMap` with the fast hasher.
pub(crate) type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;
/// A `HashSet` with the fast hasher.
pub(crate) type FastSet<T> = HashSet<T, BuildHasherDefault<Fnv>>;

/// FNV-1a of `bytes`: a stable hash (the same on every platform and run).
pub(crate) fn fnv1a(bytes: &[u8]) -> u64 {
    let mut h = Fnv::default();
    h.write(bytes);
    h.finish()
}
