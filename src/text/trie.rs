//! A prefix tree of keys, walked from chosen starting points.
//!
//! The name finder only wants keys that start a word. An Aho–Corasick
//! automaton reports every occurrence at every byte ("ar" in "large", "pie"
//! in "copies") and leaves the word test to a second step; walking this tree
//! from each word start instead stops after a byte or two in most words of
//! prose, so the cost follows the words, not the letters, of the text.

/// No pattern ends at this node.
const NONE: u32 = u32::MAX;

/// A byte trie over keys, each key with its pattern id (its index).
pub(crate) struct KeyTrie {
    /// Children of the root, by first byte (the widest node, so a table).
    root: Box<[u32; 256]>,
    /// Every other node.
    nodes: Vec<Node>,
}

struct Node {
    /// The pattern whose key ends here, or [`NONE`].
    pattern: u32,
    /// Children, sorted by byte.
    children: Vec<(u8, u32)>,
}

impl KeyTrie {
    /// The tree of `keys`; pattern ids are indices into `keys`. Duplicate
    /// and empty keys are the caller's to avoid (the later one wins).
    pub(crate) fn new<S: AsRef<[u8]>>(keys: &[S]) -> KeyTrie {
        let mut root = Box::new([NONE; 256]);
        let mut nodes: Vec<Node> = Vec::new();
        for (id, key) in keys.iter().enumerate() {
            let key = key.as_ref();
            let Some((&first, rest)) = key.split_first() else {
                continue;
            };
            let mut at = if root[usize::from(first)] == NONE {
                nodes.push(Node {
                    pattern: NONE,
                    children: Vec::new(),
                });
                root[usize::from(first)] = (nodes.len() - 1) as u32;
                nodes.len() - 1
            } else {
                root[usize::from(first)] as usize
            };
            for &b in rest {
                at = match nodes[at].children.binary_search_by_key(&b, |&(c, _)| c) {
                    Ok(i) => nodes[at].children[i].1 as usize,
                    Err(i) => {
                        nodes.push(Node {
                            pattern: NONE,
                            children: Vec::new(),
                        });
                        let new = (nodes.len() - 1) as u32;
                        nodes[at].children.insert(i, (b, new));
                        new as usize
                    }
                };
            }
            nodes[at].pattern = id as u32;
        }
        KeyTrie { root, nodes }
    }

    /// Calls `found(end, pattern)` for every key that `bytes[start..]`
    /// begins with, shortest first.
    pub(crate) fn prefixes_at(
        &self,
        bytes: &[u8],
        start: usize,
        mut found: impl FnMut(usize, usize),
    ) {
        let Some(&first) = bytes.get(start) else {
            return;
        };
        let mut at = self.root[usize::from(first)];
        let mut end = start + 1;
        while at != NONE {
            let node = &self.nodes[at as usize];
            if node.pattern != NONE {
                found(end, node.pattern as usize);
            }
            let Some(&b) = bytes.get(end) else {
                return;
            };
            at = match node.children.binary_search_by_key(&b, |&(c, _)| c) {
                Ok(i) => node.children[i].1,
                Err(_) => NONE,
            };
            end += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn prefixes(trie: &KeyTrie, text: &str, start: usize) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        trie.prefixes_at(text.as_bytes(), start, |e, p| out.push((e, p)));
        out
    }

    #[test]
    fn reports_every_key_a_position_begins_with() {
        let trie = KeyTrie::new(&["lfw", "lfwa", "market1501", "l"]);
        assert_eq!(prefixes(&trie, "lfwa", 0), [(1, 3), (3, 0), (4, 1)]);
        assert_eq!(prefixes(&trie, "xlfw", 1), [(2, 3), (4, 0)]);
        assert_eq!(prefixes(&trie, "market150", 0), []);
        assert_eq!(prefixes(&trie, "market1501x", 0), [(10, 2)]);
        assert_eq!(prefixes(&trie, "lfw", 3), []);
    }

    #[test]
    fn agrees_with_a_naive_search() {
        let keys = ["ab", "abc", "b", "bca", "cab", "abcab"];
        let trie = KeyTrie::new(&keys);
        let text = "abcabcabxbca";
        for start in 0..text.len() {
            let mut naive: Vec<(usize, usize)> = keys
                .iter()
                .enumerate()
                .filter(|(_, k)| text[start..].starts_with(*k))
                .map(|(p, k)| (start + k.len(), p))
                .collect();
            naive.sort();
            assert_eq!(prefixes(&trie, text, start), naive, "at {start}");
        }
    }
}
