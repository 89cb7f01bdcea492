//! Mentions: where the text names a registry entry.
//!
//! One prefix tree holds the key of every name and alias; it is walked from
//! each word start of the folded text (see `text::keys`, `text::trie`),
//! reporting every key found there. Each match is then checked against the
//! original text: it must
//! start and end on word boundaries, names that are also words must keep
//! their capitals ("PIE" may be a dataset, "pie" is not), and case-sensitive aliases must be
//! written exactly (LFWA is not LFW-a). Of overlapping matches the longest
//! wins, so "DukeMTMC-reID" is one mention, not "DukeMTMC" and "reID".
//!
//! A second, fuzzy pass catches small typos ("MS-celeb-lM", "Market-1051")
//! in longer name-like words, using a deletion index (SymSpell): its cost
//! depends on the words' length, not on how many names the registry holds.

use crate::text::hash::{FastMap, FastSet};
use crate::text::trie::KeyTrie;

use crate::registry::Registry;
use crate::text::keys::{KeyStream, KeyWord};
use crate::text::names::name_key;
use crate::text::{has_whitespace, word_char_at, word_char_before};

/// Keys this short or shorter must be written without spaces ("L FW" is no
/// name). Whether they must keep their capitals is the registry's to say:
/// names that are also words are marked `needs_context` ("PIE", "AR"), and
/// the rest are names in any case ("lfw" in a file name or a table).
const SHORT_KEY: usize = 4;
/// Fuzzy matching applies to keys at least this long.
const FUZZY_MIN_KEY: usize = 7;
/// At most this many words are joined when looking for a misspelt name.
const FUZZY_MAX_WORDS: usize = 3;

/// One way an entry is named.
#[derive(Clone, Debug)]
pub(crate) struct NameOwner {
    /// Index of the entry in the registry.
    pub entry: usize,
    /// The name as the registry writes it.
    pub written: std::sync::Arc<str>,
    /// Only this exact spelling counts.
    pub case_sensitive: bool,
    /// An ordinary word too: written with the dataset's own capitals, and
    /// counted only with dataset context (see `context`).
    pub needs_context: bool,
}

/// A place where the text names one or more entries.
#[derive(Clone, Debug)]
pub(crate) struct RawMention {
    /// Byte span in the text.
    pub span: (usize, usize),
    /// The entries this name may mean (several when the name is shared).
    pub owners: Vec<NameOwner>,
    /// Found by the fuzzy pass (a near spelling).
    pub fuzzy: bool,
    /// Every owner's name here is also an ordinary word: the mention
    /// stands only with dataset context.
    pub needs_context: bool,
}

/// The key tree and the tables behind it, built once per registry.
pub(crate) struct NameIndex {
    trie: KeyTrie,
    /// Owners of each pattern, by pattern id.
    owners: Vec<Vec<NameOwner>>,
    /// Pattern keys, by pattern id.
    keys: Vec<String>,
    /// The longest key, in bytes: longer words cannot be near a name.
    longest_key_bytes: usize,
    /// Pattern ids by key, to skip exact keys in the fuzzy pass.
    key_ids: FastMap<String, usize>,
    /// SymSpell index: each long key with one char deleted → pattern ids.
    deletions: FastMap<String, Vec<u32>>,
    /// The first and the last [`AFFIX`] chars of every long key, each with
    /// the lengths (in chars) a spelling one edit away may have. Such a
    /// spelling of a key of seven or more chars keeps one of the two, so a
    /// word that matches neither is passed over without a lookup.
    affixes: FastSet<u128>,
}

impl NameIndex {
    pub(crate) fn new(registry: &Registry) -> NameIndex {
        let mut by_key: FastMap<String, usize> = FastMap::default();
        let mut keys: Vec<String> = Vec::new();
        let mut owners: Vec<Vec<NameOwner>> = Vec::new();
        for (entry, e) in registry.entries().iter().enumerate() {
            // An alias spelled like the name itself carries the name's flags.
            let own = e.aliases.iter().find(|a| a.name == e.name);
            let names = std::iter::once((
                e.name.as_str(),
                own.is_some_and(|a| a.case_sensitive),
                own.is_some_and(|a| a.needs_context),
            ))
            .chain(
                e.aliases
                    .iter()
                    .filter(|a| a.name != e.name)
                    .map(|a| (a.name.as_str(), a.case_sensitive, a.needs_context)),
            );
            for (name, case_sensitive, needs_context) in names {
                let key = name_key(name);
                if key.is_empty() {
                    continue;
                }
                let id = *by_key.entry(key.clone()).or_insert_with(|| {
                    keys.push(key.clone());
                    owners.push(Vec::new());
                    keys.len() - 1
                });
                if !owners[id]
                    .iter()
                    .any(|o| o.entry == entry && &*o.written == name)
                {
                    owners[id].push(NameOwner {
                        entry,
                        written: name.into(),
                        case_sensitive,
                        needs_context,
                    });
                }
            }
        }
        let trie = KeyTrie::new(&keys);
        let mut deletions: FastMap<String, Vec<u32>> = FastMap::default();
        for (id, key) in keys.iter().enumerate() {
            if key.chars().count() < FUZZY_MIN_KEY {
                continue;
            }
            let mut buf = String::new();
            each_deletion(key, &mut buf, |variant| {
                let ids = deletions.entry(variant.to_string()).or_default();
                if !ids.contains(&(id as u32)) {
                    ids.push(id as u32);
                }
            });
        }
        let affixes = keys
            .iter()
            .map(|k| (k, k.chars().count()))
            .filter(|&(_, n)| n >= FUZZY_MIN_KEY)
            .flat_map(|(k, n)| {
                [head(k), tail(k)]
                    .into_iter()
                    .flat_map(move |a| [n - 1, n, n + 1].map(|m| affix_key(a, m)))
            })
            .collect();
        let longest_key_bytes = keys.iter().map(String::len).max().unwrap_or(0);
        NameIndex {
            trie,
            owners,
            keys,
            longest_key_bytes,
            key_ids: by_key,
            deletions,
            affixes,
        }
    }

    /// Every mention in `text`, in order, none overlapping.
    pub(crate) fn find(&self, text: &str) -> Vec<RawMention> {
        let stream = KeyStream::new(text);
        let mut found: Vec<RawMention> = Vec::new();
        // Keys start where words start: a key inside a word ("ar" in
        // "large") is never a mention.
        for word in &stream.words {
            let k = word.bytes.0;
            self.trie.prefixes_at(&stream.bytes, k, |key_end, pattern| {
                self.push_exact(text, &stream, (k, key_end), pattern, &mut found)
            });
        }
        // Near spellings are looked for only where no exact name stands.
        let mut exact: Vec<(usize, usize)> = found.iter().map(|m| m.span).collect();
        exact.sort_unstable();
        let near = self.fuzzy(&stream, &exact);
        found.extend(near);
        resolve_overlaps(found)
    }

    /// Checks the key `pattern`, found at folded bytes `key_span`, against
    /// the text, and keeps it if it is a mention.
    fn push_exact(
        &self,
        text: &str,
        stream: &KeyStream,
        key_span: (usize, usize),
        pattern: usize,
        found: &mut Vec<RawMention>,
    ) {
        let (start, end) = stream.span(key_span.0, key_span.1);
        if word_char_before(text, start) || word_char_at(text, end) {
            return;
        }
        if names_an_institution(&text[end..]) {
            return;
        }
        let owners = self.accept(
            &text[start..end],
            &self.keys[pattern],
            &self.owners[pattern],
        );
        if !owners.is_empty() {
            let needs_context = owners.iter().all(|o| o.needs_context);
            found.push(RawMention {
                span: (start, end),
                owners,
                fuzzy: false,
                needs_context,
            });
        }
    }

    /// The owners for whom `written` (the text's spelling) is a real mention.
    fn accept(&self, written: &str, key: &str, owners: &[NameOwner]) -> Vec<NameOwner> {
        let exact: Vec<NameOwner> = owners
            .iter()
            .filter(|o| o.case_sensitive && same_spelling(written, &o.written))
            .cloned()
            .collect();
        if !exact.is_empty() {
            return exact;
        }
        // An ordinary word counts only with the dataset's own capitals
        // ("MORPH", not "morph"); its context is judged later.
        let loose: Vec<NameOwner> = owners
            .iter()
            .filter(|o| !o.case_sensitive)
            .filter(|o| !o.needs_context || same_letters_case(written, &o.written))
            .cloned()
            .collect();
        if loose.is_empty() && owners.iter().all(|o| o.needs_context) {
            return Vec::new();
        }
        let written_has_space = has_whitespace(written);
        if loose.is_empty() {
            // Only case-sensitive spellings own this key and none matches
            // exactly: the mention is real but shared ("lfwa"), unless the
            // match only came about by joining words ("LFW a").
            return if written_has_space {
                Vec::new()
            } else {
                owners.to_vec()
            };
        }
        if key.chars().count() <= SHORT_KEY && written_has_space {
            return Vec::new();
        }
        loose
    }

    /// Near spellings of long names in name-like words.
    fn fuzzy(&self, stream: &KeyStream, exact: &[(usize, usize)]) -> Vec<RawMention> {
        // Whether `start..end` overlaps an exact match (sorted by start).
        let covered = |start: usize, end: usize| {
            let i = exact.partition_point(|&(s, _)| s < end);
            exact[..i].iter().rev().take(4).any(|&(_, e)| e > start)
        };
        let mut out = Vec::new();
        // Words of the folded stream: runs between breaks, split back at the
        // original soft separators so that 1..=3 words can be joined. Each
        // carries the marks of a name (see `looks_like_a_name`), read as the
        // text was folded, not once per join of words.
        let words = &stream.words;
        for i in 0..words.len() {
            for j in i..(i + FUZZY_MAX_WORDS).min(words.len()) {
                if j > i && !words[j].joined_to_previous {
                    break;
                }
                let key_bytes = words[j].bytes.1 - words[i].bytes.0;
                if key_bytes > self.longest_key_bytes + 4 {
                    // No name is this long: nothing is one edit away.
                    break;
                }
                // Cheap checks first: most words of prose are neither long
                // enough nor written like a name.
                let (start, end) = (words[i].span.0, words[j].span.1);
                if key_bytes < FUZZY_MIN_KEY
                    || !joined_look_like_a_name(&words[i..=j])
                    || covered(start, end)
                {
                    continue;
                }
                // Joined words are contiguous in the stream: a soft
                // separator folds to nothing.
                let Ok(key) =
                    std::str::from_utf8(&stream.bytes[words[i].bytes.0..words[j].bytes.1])
                else {
                    continue;
                };
                if self.key_ids.contains_key(key) || !self.may_be_near(key) {
                    continue;
                }
                for id in self.near(key) {
                    // Ordinary words are never guessed at from a near spelling.
                    let owners: Vec<NameOwner> = self.owners[id]
                        .iter()
                        .filter(|o| !o.case_sensitive && !o.needs_context)
                        .cloned()
                        .collect();
                    if !owners.is_empty() {
                        out.push(RawMention {
                            span: (start, end),
                            owners,
                            fuzzy: true,
                            needs_context: false,
                        });
                    }
                }
            }
        }
        out
    }

    /// Whether some long key could be one edit from `key` (a cheap test that
    /// never says no to one that is).
    fn may_be_near(&self, key: &str) -> bool {
        let n = key.chars().count();
        self.affixes.contains(&affix_key(head(key), n))
            || self.affixes.contains(&affix_key(tail(key), n))
    }

    /// Pattern ids whose key is one edit from `key` (but not equal to it:
    /// exact keys are the key tree's).
    fn near(&self, key: &str) -> Vec<usize> {
        let mut ids: Vec<usize> = Vec::new();
        let mut buf = String::with_capacity(key.len());
        let mut look_up = |variant: &str| {
            for &id in self.deletions.get(variant).into_iter().flatten() {
                let id = id as usize;
                if !ids.contains(&id)
                    && self.keys[id] != key
                    && strsim::damerau_levenshtein(&self.keys[id], key) == 1
                {
                    ids.push(id);
                }
            }
        };
        look_up(key);
        each_deletion(key, &mut buf, look_up);
        ids
    }
}

/// Chars at each end of a key that a one-edit spelling keeps on one side:
/// an edit (a changed, missing, extra or swapped char) touches at most two
/// adjacent chars, so with seven or more chars the first three or the last
/// three are untouched.
const AFFIX: usize = 3;

/// An affix of [`AFFIX`] chars (at most 12 bytes) and a length in chars,
/// packed into one number so that probing the set allocates nothing.
fn affix_key(affix: &str, chars: usize) -> u128 {
    debug_assert!(affix.len() <= 12, "{affix:?} is longer than {AFFIX} chars");
    let mut packed = [0u8; 16];
    packed[..affix.len()].copy_from_slice(affix.as_bytes());
    // Byte 12 keeps the affix's length, so "ab" and "ab\0" differ; the
    // count of chars takes the last three.
    packed[12] = affix.len() as u8;
    packed[13..16].copy_from_slice(&(chars as u32).to_le_bytes()[..3]);
    u128::from_le_bytes(packed)
}

/// The first [`AFFIX`] chars of `key`.
fn head(key: &str) -> &str {
    key.char_indices()
        .nth(AFFIX)
        .map_or(key, |(i, _)| &key[..i])
}

/// The last [`AFFIX`] chars of `key`.
fn tail(key: &str) -> &str {
    key.char_indices()
        .rev()
        .nth(AFFIX - 1)
        .map_or(key, |(i, _)| &key[i..])
}

/// Whether the words after a name make it an institution ("Duke University").
fn names_an_institution(after: &str) -> bool {
    let next = after.trim_start_matches([' ', '\u{a0}']);
    [
        "University",
        "Univ.",
        "Hospital",
        "Medical",
        "Health",
        "School",
        "College",
        "Institute",
    ]
    .iter()
    .any(|w| next.starts_with(w))
}

/// Whether a written form looks like a dataset name rather than prose: it has
/// a digit, a capital after its first letter, or a hyphen/underscore.
#[cfg(test)]
fn looks_like_a_name(written: &str) -> bool {
    written
        .chars()
        .any(|c| c.is_ascii_digit() || c == '-' || c == '_')
        || written.chars().skip(1).any(char::is_uppercase)
}

/// `looks_like_a_name` of the text from the first of `words` to the last
/// (the separator before the first word is not part of it), read off the
/// marks each word carries.
fn joined_look_like_a_name(words: &[KeyWord]) -> bool {
    let Some((first, rest)) = words.split_first() else {
        return false;
    };
    first.digit
        || first.later_upper
        || rest
            .iter()
            .any(|w| w.digit || w.joiner_before || w.first_upper || w.later_upper)
}

/// Calls `f` with every string made by deleting one char of `key`,
/// reusing `buf`. The index holds these variants of every long name; a word
/// of the text is looked up as itself (it dropped a char of a name) and as
/// its own variants (it changed one). A word with one char too many is not
/// looked for: short names would then match too many other words
/// ("FaceQnet" for FaceNet).
fn each_deletion(key: &str, buf: &mut String, mut f: impl FnMut(&str)) {
    for (at, c) in key.char_indices() {
        buf.clear();
        buf.push_str(&key[..at]);
        buf.push_str(&key[at + c.len_utf8()..]);
        f(buf);
    }
}

/// The same spelling, case and punctuation included, except that a space,
/// hyphen or underscore may stand for one another ("LFW_a" is "LFW-a", but
/// "LFW-A" is not "LFWA").
fn same_spelling(written: &str, alias: &str) -> bool {
    let fold = |s: &str| {
        s.chars()
            .map(|c| if c == ' ' || c == '_' { '-' } else { c })
            .collect::<String>()
    };
    fold(written) == fold(alias)
}

fn same_letters_case(written: &str, alias: &str) -> bool {
    let strip = |s: &str| {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .collect::<String>()
    };
    strip(written) == strip(alias)
}

/// Keeps the longest of overlapping mentions (then the earliest; exact over
/// fuzzy), returned in text order.
fn resolve_overlaps(mut found: Vec<RawMention>) -> Vec<RawMention> {
    crate::sort::sort_by(&mut found, |a, b| {
        let len = |m: &RawMention| m.span.1 - m.span.0;
        len(b)
            .cmp(&len(a))
            .then(a.fuzzy.cmp(&b.fuzzy))
            .then(a.span.0.cmp(&b.span.0))
    });
    // Kept spans by start, to test overlaps in logarithmic time: a text of
    // megabytes of one repeated name has as many mentions.
    let mut taken: std::collections::BTreeMap<usize, usize> = std::collections::BTreeMap::new();
    let mut kept: Vec<RawMention> = Vec::new();
    for m in found {
        let (start, end) = m.span;
        let before = taken
            .range(..=start)
            .next_back()
            .is_some_and(|(_, &e)| e > start);
        let after = taken.range(start..).next().is_some_and(|(&s, _)| s < end);
        if !before && !after {
            taken.insert(start, end);
            kept.push(m);
        }
    }
    crate::sort::sort_by_key(&mut kept, |m| m.span.0);
    kept
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn name_marks_of_joined_words_agree_with_the_written_form() {
        for text in [
            "Market 1501",
            "market-1501 and",
            "MS Celeb 1M",
            "the Duke MTMC",
            "re_id data set",
            "state of the art",
            "person re-identification",
            "In the wild",
            "faces in-the wild",
            "Über Datensatz x",
        ] {
            let stream = KeyStream::new(text);
            let words = &stream.words;
            for i in 0..words.len() {
                for j in i..words.len() {
                    let written = &text[words[i].span.0..words[j].span.1];
                    assert_eq!(
                        joined_look_like_a_name(&words[i..=j]),
                        looks_like_a_name(written),
                        "{written:?}"
                    );
                }
            }
        }
    }

    /// A mention as written, its owners' ids, and whether it needs context.
    type Found = (String, Vec<String>, bool);

    /// The mentions found in `text`.
    fn found(text: &str) -> Vec<Found> {
        let registry = Registry::builtin().expect("built-in registry");
        NameIndex::new(registry)
            .find(text)
            .into_iter()
            .map(|m| {
                (
                    text[m.span.0..m.span.1].to_string(),
                    m.owners
                        .iter()
                        .map(|o| registry.entries()[o.entry].id.clone())
                        .collect(),
                    m.needs_context,
                )
            })
            .collect()
    }

    #[test]
    fn finds_names_as_papers_and_code_write_them() {
        let s = |x: &str| x.to_string();
        let cases: Vec<(&str, Vec<Found>)> = vec![
            (
                "We use DukeMTMC-reID.",
                vec![(s("DukeMTMC-reID"), vec![s("D2")], false)],
            ),
            (
                "load('lfw') for the test",
                vec![(s("lfw"), vec![s("D18")], false)],
            ),
            (
                "results on the MORPH set",
                vec![(s("MORPH"), vec![s("morph")], true)],
            ),
            ("we morph the mesh", vec![]),
            ("a pie chart", vec![]),
            ("at Duke University", vec![]),
            (
                "LFW-a and LFWA differ",
                vec![
                    (s("LFW-a"), vec![s("D20")], false),
                    (s("LFWA"), vec![s("D19")], false),
                ],
            ),
        ];
        for (text, expected) in cases {
            assert_eq!(found(text), expected, "{text}");
        }
    }
}
