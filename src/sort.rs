//! Stable sorting through one shared copy of the sort.
//!
//! `slice::sort_by` is generic over the element and the comparator, so every
//! call site compiles its own copy of the standard library's stable sort:
//! several kilobytes each, paid in the page's first load. Here one sort of
//! indices, with the comparison behind a `dyn`, serves every call; each call
//! site keeps only the small loop that moves its elements into place. The
//! engine's sorts are short (mentions, claims, suggestions), so the indirect
//! call costs nothing measurable, and the result is the same as
//! `sort_by`'s: stable, O(n log n).

use std::cmp::Ordering;

/// Sorts `v` by `compare`, keeping equal elements in their order.
pub(crate) fn sort_by<T>(v: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    if v.len() < 2 {
        return;
    }
    let order = stable_order(v.len(), &mut |a, b| compare(&v[a], &v[b]));
    permute(v, order);
}

/// Sorts `v` by `key`, keeping elements with equal keys in their order.
pub(crate) fn sort_by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// The indices `0..n` in sorted order, ties kept in index order. Not
/// generic: the one copy of the sort.
fn stable_order(n: usize, compare: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_unstable_by(|&a, &b| compare(a, b).then(a.cmp(&b)));
    order
}

/// Moves elements so that position `k` holds what was at `order[k]`,
/// following each cycle of the permutation with swaps.
fn permute<T>(v: &mut [T], mut order: Vec<usize>) {
    for start in 0..v.len() {
        let mut at = start;
        loop {
            let from = order[at];
            order[at] = at;
            if from == start {
                break;
            }
            v.swap(at, from);
            at = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_as_the_standard_stable_sort_does() {
        let mut seed: u64 = 7;
        for len in 0..200 {
            let items: Vec<(u8, usize)> = (0..len)
                .map(|i| {
                    seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                    ((seed >> 59) as u8, i)
                })
                .collect();
            let mut ours = items.clone();
            let mut std = items.clone();
            sort_by_key(&mut ours, |&(k, _)| k);
            std.sort_by_key(|&(k, _)| k);
            assert_eq!(ours, std, "length {len}");
            sort_by(&mut ours, |a, b| b.0.cmp(&a.0));
            std.sort_by_key(|&(k, _)| std::cmp::Reverse(k));
            assert_eq!(ours, std, "length {len}, reversed");
        }
    }
}
