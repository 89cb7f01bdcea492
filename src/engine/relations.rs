//! How a sentence relates a name to the work at hand: used ("we train on
//! X", "99.5% on X"), only in a sentence about using data, described ("X
//! contains 1,404 identities"), named as the source of other data ("a subset
//! of X", "a cleaned version of X"), or set against ("unlike X").
//!
//! The study's coder read each mention in its sentence; a name is evidence
//! of use only as far as its sentence says so. Patterns are read in a short
//! window before and after the name, within its sentence, so the cost per
//! mention is constant.

use crate::text::{char_at, prefix, suffix};

use super::structure::Span;

/// Bytes before a name searched for the words that relate it.
const BEFORE: usize = 160;
/// Bytes after a name searched likewise.
const AFTER: usize = 90;
/// Most words between a use frame ("evaluate on") and the name it governs,
/// when they are not a list of names.
const MAX_GAP_WORDS: usize = 6;
/// Most words between a use frame and a name in a list of names.
const MAX_LIST_WORDS: usize = 24;

/// How a sentence relates one name to the work.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Relation {
    /// The sentence says the work uses it: "we evaluate on X", "trained on
    /// X", "99.5% on X", "X is used for training". The span is the words
    /// that say so.
    Used(Span),
    /// It describes the data: "X contains…", "the X dataset consists of".
    Described(Span),
    /// It is named as the source of other data: "a subset of X".
    Provenance(Span),
    /// It is set against the work: "unlike X", "instead of X".
    Contrast(Span),
    /// None of these.
    Plain,
}

/// Words that, followed by a preposition, say the data is used.
const USE_VERBS: &[&str] = &[
    "train",
    "trained",
    "training",
    "trains",
    "retrain",
    "retrained",
    "evaluate",
    "evaluated",
    "evaluating",
    "evaluation",
    "evaluations",
    "evaluates",
    "test",
    "tested",
    "testing",
    "tests",
    "experiment",
    "experiments",
    "experimented",
    "conducted",
    "conduct",
    "performed",
    "fine-tune",
    "fine-tuned",
    "finetune",
    "finetuned",
    "fine-tuning",
    "finetuning",
    "pre-train",
    "pre-trained",
    "pretrain",
    "pretrained",
    "pre-training",
    "pretraining",
    "benchmark",
    "benchmarked",
    "validate",
    "validated",
    "validation",
    "verify",
    "verified",
    "results",
    "result",
    "accuracy",
    "accuracies",
    "performance",
    "performances",
    "map",
    "rank-1",
    "rank1",
    "top-1",
    "auc",
    "eer",
    "tar",
    "learned",
    "learnt",
    "learn",
    "report",
    "reported",
    "achieve",
    "achieves",
    "achieved",
    "obtain",
    "obtained",
    "outperforms",
    "outperform",
    "surpasses",
    "improvement",
    "improvements",
    "gains",
    "demonstrated",
    "demonstrate",
    "shown",
    "show",
    "state-of-the-art",
    "sota",
    "scores",
    "score",
    "run",
    "applied",
    "apply",
    "ran",
];

/// Prepositions that tie a use verb to its data.
const USE_PREPOSITIONS: &[&str] = &[
    "on", "using", "with", "over", "across", "in", "upon", "onto",
];

/// Verbs whose object is the data: "we use X", "we adopt X".
const OBJECT_VERBS: &[&str] = &[
    "use",
    "used",
    "uses",
    "using",
    "adopt",
    "adopted",
    "adopts",
    "employ",
    "employed",
    "employs",
    "utilize",
    "utilized",
    "utilise",
    "utilised",
    "leverage",
    "leveraged",
    "choose",
    "chose",
    "chosen",
    "select",
    "selected",
    "consider",
    "considered",
    "download",
    "downloaded",
    "evaluate",
    "evaluated",
];

/// After a name: it is used ("X is used for training", "X for training").
const USE_AFTER: &[&str] = &[
    "is used",
    "are used",
    "was used",
    "were used",
    "is adopted",
    "are adopted",
    "was adopted",
    "is employed",
    "was employed",
    "is utilized",
    "serves as",
    "as the training",
    "as training",
    "as the test",
    "as test",
    "as our training",
    "for training",
    "for testing",
    "for evaluation",
    "for pre-training",
    "for pretraining",
    "for fine-tuning",
    "to train",
    "to evaluate",
    "to test",
    "is chosen",
    "as the source",
    "as the target",
    "as source",
    "as target",
    "->",
    "→",
    "to market",
    "training set",
    "train set",
    "test set",
    "benchmark results",
];

/// Before a name: it is the source of other data.
const PROVENANCE_BEFORE: &[&str] = &[
    "subset of",
    "subsets of",
    "derived from",
    "derivative of",
    "built on",
    "built upon",
    "based on",
    "re-split",
    "resplit",
    "re-splits",
    "re-splited",
    "re-annotated",
    "extension of",
    "extended from",
    "version of",
    "versions of",
    "cleaned from",
    "refined from",
    "collected from",
    "selected from",
    "sampled from",
    "extracted from",
    "generated from",
    "originates from",
    "comes from",
    "constructed from",
    "part of",
    "drawn from",
    "cropped from",
    "relabeled",
    "relabelled",
    "cleaning of",
    "clean of",
    "taken from",
    "obtained from",
    "split of",
    "splits of",
    "annotations of",
    "annotations for",
    "labels for",
    "labels of",
];

/// Before a name: it is set against the work.
const CONTRAST_BEFORE: &[&str] = &[
    "unlike",
    "instead of",
    "rather than",
    "except",
    "except for",
    "other than",
    "without",
    "not on",
    "not",
    "beyond",
    "no longer",
    "apart from",
    "excluding",
    "similar to",
    "analogous to",
    "in contrast to",
    "compared to",
    "compared with",
    "as opposed to",
];

/// After a name: the text describes it.
const DESCRIBED_AFTER: &[&str] = &[
    "contains",
    "contain",
    "consists",
    "consist",
    "includes",
    "comprises",
    "is composed",
    "has ",
    "have ",
    "is a ",
    "is an ",
    "is the ",
    "was collected",
    "is collected",
    "was captured",
    "is captured",
    "were captured",
    "provides",
    "was built",
    "was created",
    "dataset contains",
    "dataset consists",
    "dataset includes",
    "dataset is",
    "dataset was",
    "dataset has",
    "database contains",
    "database consists",
    "database is",
    "benchmark contains",
    "benchmark consists",
    "includes",
    "collects",
    "features ",
];

/// How `sentence` (which spans `sentence_span` of the text) relates the
/// name at `name` to the work.
pub(crate) fn relation(text: &str, sentence_span: Span, name: Span) -> Relation {
    let (ss, se) = sentence_span;
    let before_start = ss.max(name.0.saturating_sub(BEFORE));
    let before = suffix(&text[ss..name.0], name.0 - before_start);
    let before_at = name.0 - before.len();
    let after = prefix(&text[name.1..se.max(name.1)], AFTER);
    let (mut before_buf, mut after_buf) = ([0u8; BEFORE], [0u8; AFTER]);
    let lower_before = ascii_lowercase_in(before, &mut before_buf);
    let lower_after = ascii_lowercase_in(after, &mut after_buf);

    // Set against: in the few words just before the name.
    if let Some((s, e)) = last_phrase_within_words(lower_before, CONTRAST.view(), 3) {
        return Relation::Contrast((before_at + s, before_at + e));
    }
    // Named as a source: just before, or as "X-based".
    if let Some((s, e)) = last_phrase_within_words(lower_before, PROVENANCE.view(), 4) {
        return Relation::Provenance((before_at + s, before_at + e));
    }
    // Used: a use frame before it ("evaluate on", "we use") with only a
    // few words, or a list of names, between.
    if let Some((s, e)) = use_frame_before(lower_before) {
        return Relation::Used((before_at + s, before_at + e));
    }
    // Used: words after it ("X is used for training", "X for testing").
    // Skip what may stand between a name and its verb: a citation, a
    // parenthesis ("CASIA-WebFace (10K ids) for training"), punctuation.
    let mut trimmed_after = lower_after.trim_start_matches(|c: char| {
        c == ' ' || c == ')' || c == ']' || c == ',' || c.is_ascii_digit() || c == '['
    });
    if let Some(rest) = trimmed_after.strip_prefix('(')
        && let Some(close) = prefix(rest, 48).find(')')
    {
        trimmed_after = rest[close + 1..].trim_start_matches([' ', ',']);
    }
    let skipped = lower_after.len() - trimmed_after.len();
    let head = trimmed_after
        .strip_prefix("dataset ")
        .or_else(|| trimmed_after.strip_prefix("datasets "))
        .or_else(|| trimmed_after.strip_prefix("database "))
        .or_else(|| trimmed_after.strip_prefix("benchmark "));
    let head_skip = head.map_or(0, |h| trimmed_after.len() - h.len());
    let head = head.unwrap_or(trimmed_after);
    if let Some(p) = USE_AFTER.iter().find(|p| head.starts_with(*p)) {
        let at = name.1 + skipped + head_skip;
        return Relation::Used((at, at + p.len()));
    }
    if let Some(p) = DESCRIBED_AFTER.iter().find(|p| head.starts_with(*p)) {
        let at = name.1 + skipped + head_skip;
        return Relation::Described((at, at + p.trim_end().len()));
    }
    Relation::Plain
}

/// `s` in ASCII lowercase, written into `buf`, which the window's bound
/// ([`BEFORE`], [`AFTER`]) makes large enough: no allocation per mention.
fn ascii_lowercase_in<'b>(s: &str, buf: &'b mut [u8]) -> &'b str {
    let out = &mut buf[..s.len()];
    out.copy_from_slice(s.as_bytes());
    out.make_ascii_lowercase();
    std::str::from_utf8(out).expect("lowercasing ASCII letters keeps UTF-8 valid")
}

/// The last of `phrases` in `lower` that ends within `max_words` words of
/// its end (the name), as a span in `lower`.
fn last_phrase_within_words(
    lower: &str,
    phrases: PhraseIndex<'_>,
    max_words: usize,
) -> Option<Span> {
    // A phrase must end at or after `earliest_end` (the gap rule), so none
    // starts before `window`: only the last few words are searched.
    let earliest_end = earliest_gap_start(lower, max_words);
    let longest = phrases.longest;
    let mut window = earliest_end.saturating_sub(longest);
    while !lower.is_char_boundary(window) {
        window -= 1;
    }
    // Phrases start words: try each word start in the window (a plain
    // prefix test; a substring searcher per phrase costs more to build than
    // this window takes to scan).
    let bytes = lower.as_bytes();
    let mut best: Option<Span> = None;
    for s in window..bytes.len() {
        if s > 0 && bytes[s - 1].is_ascii_alphanumeric() || !lower.is_char_boundary(s) {
            continue;
        }
        for p in phrases.starting_with(bytes[s]) {
            if !lower[s..].starts_with(p) {
                continue;
            }
            let e = s + p.len();
            let word_end = e == lower.len() || !bytes[e].is_ascii_alphanumeric();
            if !word_end {
                continue;
            }
            if e >= earliest_end && best.is_none_or(|(bs, be)| e > be || e == be && s < bs) {
                best = Some((s, e));
            }
        }
    }
    best
}

/// [`CONTRAST_BEFORE`] grouped by first byte, at compile time.
const CONTRAST: Phrases<{ CONTRAST_BEFORE.len() }> = Phrases::new(CONTRAST_BEFORE);
/// [`PROVENANCE_BEFORE`] grouped by first byte, at compile time.
const PROVENANCE: Phrases<{ PROVENANCE_BEFORE.len() }> = Phrases::new(PROVENANCE_BEFORE);

/// A list of phrases grouped by first byte, so that a word start is
/// compared only with the phrases that can begin there. Built by the
/// compiler: the page carries the table, not code to build it.
struct Phrases<const N: usize> {
    /// The phrases, ordered by first byte.
    sorted: [&'static str; N],
    /// For each byte, where its phrases start in `sorted` (and end at the
    /// next byte's start).
    starts: [u16; 257],
    /// The longest phrase's length in bytes.
    longest: usize,
}

impl<const N: usize> Phrases<N> {
    /// Groups `phrases` (N of them, none empty; the build fails otherwise).
    const fn new(phrases: &[&'static str]) -> Phrases<N> {
        assert!(phrases.len() == N && N < u16::MAX as usize);
        let mut sorted = [""; N];
        let mut longest = 0;
        let mut i = 0;
        while i < N {
            // Insertion by first byte, keeping the list's order within a byte.
            let p = phrases[i];
            assert!(!p.is_empty());
            if p.len() > longest {
                longest = p.len();
            }
            let mut at = i;
            while at > 0 && sorted[at - 1].as_bytes()[0] > p.as_bytes()[0] {
                sorted[at] = sorted[at - 1];
                at -= 1;
            }
            sorted[at] = p;
            i += 1;
        }
        // The count of phrases before byte b, for every b (and 256: all).
        let mut starts = [0u16; 257];
        let mut k = 0;
        while k < N {
            let mut b = sorted[k].as_bytes()[0] as usize + 1;
            while b < 257 {
                starts[b] += 1;
                b += 1;
            }
            k += 1;
        }
        Phrases {
            sorted,
            starts,
            longest,
        }
    }

    fn view(&self) -> PhraseIndex<'_> {
        PhraseIndex {
            sorted: &self.sorted,
            starts: &self.starts,
            longest: self.longest,
        }
    }
}

/// A [`Phrases`] of any length, so that one search serves every list.
#[derive(Clone, Copy)]
struct PhraseIndex<'a> {
    sorted: &'a [&'static str],
    starts: &'a [u16; 257],
    longest: usize,
}

impl PhraseIndex<'_> {
    /// The phrases that begin with `byte`.
    fn starting_with(&self, byte: u8) -> &[&'static str] {
        let b = usize::from(byte);
        &self.sorted[usize::from(self.starts[b])..usize::from(self.starts[b + 1])]
    }
}

/// The smallest `e` for which `lower[e..]` has at most `max_words` words (as
/// `split_whitespace` counts them) and none of '.', ';', ':'. Both only get
/// easier as `e` grows, so a phrase passes the gap rule exactly when it ends
/// at or after this.
fn earliest_gap_start(lower: &str, max_words: usize) -> usize {
    let mut words = 0;
    let mut in_word = false;
    let mut e = lower.len();
    let mut i = lower.len();
    while i > 0 {
        i -= 1;
        if !lower.is_char_boundary(i) {
            continue;
        }
        let c = char_at(lower, i);
        if matches!(c, '.' | ';' | ':') {
            break;
        }
        let space = c.is_whitespace();
        if !space && !in_word {
            words += 1;
            if words > max_words {
                break;
            }
        }
        in_word = !space;
        e = i;
    }
    e
}

/// A use frame before the name: a use verb and a preposition ("evaluated
/// on", "results on", "trained with"), or an object verb ("we use"), with
/// only a few words or a list of names between it and the name.
fn use_frame_before(lower: &str) -> Option<Span> {
    let words = word_spans(lower);
    // Where the last mark of a list starts: the words after a word read as
    // a list exactly when they hold it.
    let list_from = list_mark_start(lower);
    // Walk back from the name over at most MAX_LIST_WORDS words.
    let n = words.len();
    for back in 0..n.min(MAX_LIST_WORDS + 2) {
        let i = n - 1 - back;
        let (s, e) = words[i];
        let w = &lower[s..e];
        // A clause break between the frame and the name ends the search.
        if back > 0 && breaks_clause(&lower[words[i + 1].0.min(lower.len())..]) {
            // The break is in words after i; stop.
            return None;
        }
        let gap_words = back;
        let is_list = list_from.is_some_and(|p| p >= e);
        let close_enough = gap_words <= MAX_GAP_WORDS || is_list && gap_words <= MAX_LIST_WORDS;
        if !close_enough {
            continue;
        }
        if USE_PREPOSITIONS.contains(&w) && i > 0 {
            // The verb may sit a few words before the preposition
            // ("evaluate our method on", "outperforms the state of the art
            // both on").
            for k in (i.saturating_sub(6)..i).rev() {
                let (vs, ve) = words[k];
                let verb = &lower[vs..ve];
                if USE_VERBS.contains(&verb) || verb.ends_with('%') {
                    return Some((vs, e));
                }
            }
            // "99.5% on LFW": a percentage right before the preposition.
            if lower[..s].trim_end().ends_with('%') {
                let ps = lower[..s].trim_end().rfind(' ').map_or(0, |p| p + 1);
                return Some((ps, e));
            }
        }
        if OBJECT_VERBS.contains(&w)
            && gap_words <= MAX_GAP_WORDS.max(if is_list { MAX_LIST_WORDS } else { 0 })
        {
            return Some((s, e));
        }
    }
    None
}

/// Words that end a clause: what follows them is not governed by a verb
/// before them.
fn breaks_clause(after_word: &str) -> bool {
    let t = after_word.trim_start();
    [
        "which ",
        "that ",
        "while ",
        "whereas ",
        "but ",
        "although ",
        "unlike ",
    ]
    .iter()
    .any(|w| t.starts_with(w))
}

/// Marks that make the words between a frame and a name read as a list of
/// names or a short noun phrase ("the Market-1501, CUHK03 and").
const LIST_MARKS: &[&str] = &[
    ",",
    " and ",
    " i.e.",
    " e.g.",
    " including ",
    " namely ",
    ":",
];

/// Where the last list mark in `lower` starts, if any: `lower[e..]` holds a
/// mark exactly when `e` is at most this, so one search per name answers
/// for every word before it.
///
/// One walk back from the end, trying the marks that begin with each byte
/// (every mark begins with ',', ':' or a space), finds the largest start of
/// any mark: what the last match of each mark, taken at its largest, gives.
fn list_mark_start(lower: &str) -> Option<usize> {
    let bytes = lower.as_bytes();
    (0..bytes.len()).rev().find(|&i| match bytes[i] {
        b',' | b':' => true,
        b' ' => LIST_MARKS
            .iter()
            .any(|m| m.starts_with(' ') && bytes[i..].starts_with(m.as_bytes())),
        _ => false,
    })
}

/// Byte spans of the words of `s` (runs of non-space characters, trimmed
/// of punctuation at their ends).
fn word_spans(s: &str) -> Vec<Span> {
    // About one word per five bytes: one allocation per mention, not five.
    let mut out = Vec::with_capacity(s.len() / 5 + 1);
    let mut start: Option<usize> = None;
    let mut i = 0;
    while i < s.len() {
        let c = char_at(s, i);
        if c.is_whitespace() {
            if let Some(st) = start.take() {
                out.push(trim_word(s, st, i));
            }
        } else if start.is_none() {
            start = Some(i);
        }
        i += c.len_utf8();
    }
    if let Some(st) = start {
        out.push(trim_word(s, st, s.len()));
    }
    out.retain(|&(a, b)| a < b);
    out
}

/// The word `s[a..b]` without the punctuation around it (`,()"':;[]` and
/// typographic double quotes), compared byte by byte: this runs for every
/// word before every name.
fn trim_word(s: &str, a: usize, b: usize) -> Span {
    /// The length of the punctuation mark `bytes` starts (or ends, with
    /// `at_end`) with, if any: an ASCII mark, or a typographic double
    /// quote (U+201C, U+201D: E2 80 9C, E2 80 9D in UTF-8).
    fn mark(bytes: &[u8], at_end: bool) -> usize {
        let (ascii, quote) = if at_end {
            (
                bytes.last(),
                bytes.len().checked_sub(3).map(|i| &bytes[i..]),
            )
        } else {
            (bytes.first(), bytes.get(..3))
        };
        match (ascii, quote) {
            (Some(b), _) if b",()\"':;[]".contains(b) => 1,
            (_, Some([0xe2, 0x80, 0x9c | 0x9d])) => 3,
            _ => 0,
        }
    }
    let bytes = s.as_bytes();
    let (mut start, mut end) = (a, b);
    while start < end {
        match mark(&bytes[start..end], false) {
            0 => break,
            n => start += n,
        }
    }
    while start < end {
        match mark(&bytes[start..end], true) {
            0 => break,
            n => end -= n,
        }
    }
    (start, end)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// 20,000 texts, each of fewer than `most` of `pieces`, picked by a
    /// fixed linear congruential sequence from `seed`: the same texts on
    /// every run.
    fn generated_texts(pieces: &[&str], seed: u64, most: u64) -> Vec<String> {
        let step = |s: u64| s.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
        let mut state = seed;
        (0..20_000)
            .map(|_| {
                let mut text = String::new();
                for _ in 0..(state % most) {
                    state = step(state);
                    text.push_str(pieces[(state >> 33) as usize % pieces.len()]);
                }
                state = step(state);
                text
            })
            .collect()
    }

    #[test]
    fn byte_walks_read_words_as_the_character_walks_did() {
        // word_spans and earliest_gap_start read bytes where the text is
        // ASCII; they must split and count as char_indices did, Unicode
        // spaces and marks included.
        fn words_by_chars(s: &str) -> Vec<Span> {
            let mut out = Vec::new();
            let mut start: Option<usize> = None;
            for (i, c) in s.char_indices() {
                if c.is_whitespace() {
                    if let Some(st) = start.take() {
                        out.push(trim_word(s, st, i));
                    }
                } else if start.is_none() {
                    start = Some(i);
                }
            }
            if let Some(st) = start {
                out.push(trim_word(s, st, s.len()));
            }
            out.retain(|&(a, b)| a < b);
            out
        }
        fn trim_by_chars(w: &str) -> Span {
            let punctuation = |c: char| {
                matches!(
                    c,
                    ',' | '(' | ')' | '"' | '\'' | ':' | ';' | '[' | ']' | '“' | '”'
                )
            };
            let t = w.trim_start_matches(punctuation);
            let lead = w.len() - t.len();
            (lead, lead + t.trim_end_matches(punctuation).len())
        }
        fn gap_by_chars(lower: &str, max_words: usize) -> usize {
            let (mut words, mut in_word, mut e) = (0, false, lower.len());
            for (i, c) in lower.char_indices().rev() {
                if matches!(c, '.' | ';' | ':') {
                    break;
                }
                let space = c.is_whitespace();
                if !space && !in_word {
                    words += 1;
                    if words > max_words {
                        break;
                    }
                }
                in_word = !space;
                e = i;
            }
            e
        }
        let pieces = [
            "on", " ", "  ", "\u{a0}", "\u{2009}", "\u{3000}", "\t", "\n", "é", "𝔇", "“", "”", ",",
            "(", ")", ".", ";", ":", "trained", "lfw", "x", "\"", "'", "[", "]", "‘",
        ];
        for text in generated_texts(&pieces, 0x9e37_79b9, 14) {
            assert_eq!(word_spans(&text), words_by_chars(&text), "{text:?}");
            assert_eq!(
                trim_word(&text, 0, text.len()),
                trim_by_chars(&text),
                "{text:?}"
            );
            for max in [0, 1, 3, 4] {
                assert_eq!(
                    earliest_gap_start(&text, max),
                    gap_by_chars(&text, max),
                    "{text:?}"
                );
            }
        }
    }

    #[test]
    fn the_last_list_mark_is_the_last_match_of_any_mark() {
        // The walk back tries marks by their first byte.
        assert!(
            LIST_MARKS
                .iter()
                .all(|m| matches!(m.as_bytes()[0], b',' | b':' | b' '))
        );
        // It agrees with searching for each mark from the end, on texts
        // made of marks, near misses and words, overlapping included.
        let pieces = [
            ",",
            " and ",
            " i.e.",
            " e.g.",
            " including ",
            " namely ",
            ":",
            " an",
            "and ",
            " i.",
            "e.g.",
            " namel",
            "x",
            " ",
            "é",
            "including",
            ", and ",
        ];
        for text in generated_texts(&pieces, 0x2545_f491, 9) {
            let by_mark = LIST_MARKS.iter().filter_map(|m| text.rfind(m)).max();
            assert_eq!(list_mark_start(&text), by_mark, "{text:?}");
        }
    }

    /// The relation of the name `name` in `sentence`, as a word and the
    /// text of its span.
    fn rel(sentence: &str, name: &str) -> (&'static str, String) {
        let at = sentence.find(name).expect("name in sentence");
        let r = relation(sentence, (0, sentence.len()), (at, at + name.len()));
        let words = |(s, e): Span| sentence[s..e].to_string();
        match r {
            Relation::Used(s) => ("used", words(s)),
            Relation::Described(s) => ("described", words(s)),
            Relation::Provenance(s) => ("provenance", words(s)),
            Relation::Contrast(s) => ("contrast", words(s)),
            Relation::Plain => ("plain", String::new()),
        }
    }

    #[test]
    fn reads_how_a_sentence_relates_a_name() {
        let cases: &[(&str, &str, &str, &str)] = &[
            (
                "We evaluate on DukeMTMC-reID.",
                "DukeMTMC-reID",
                "used",
                "evaluate on",
            ),
            (
                "We train on MS1MV2 and test on LFW.",
                "MS1MV2",
                "used",
                "train on",
            ),
            (
                "We train on MS1MV2 and test on LFW.",
                "LFW",
                "used",
                "test on",
            ),
            (
                "Extensive experiments on three datasets, Market-1501, CUHK03 and DukeMTMC-reID, show gains.",
                "DukeMTMC-reID",
                "used",
                "experiments on",
            ),
            ("It reaches 99.5% on LFW.", "LFW", "used", "99.5% on"),
            ("We use VGGFace2 for training.", "VGGFace2", "used", "use"),
            ("MS1MV2 is used for training.", "MS1MV2", "used", "is used"),
            (
                "CASIA-WebFace (10K ids) for training",
                "CASIA-WebFace",
                "used",
                "for training",
            ),
            (
                "Unlike LFW, surveillance footage is blurry.",
                "LFW",
                "contrast",
                "Unlike",
            ),
            (
                "a cleaned version of MS-Celeb-1M",
                "MS-Celeb-1M",
                "provenance",
                "version of",
            ),
            (
                "DukeMTMC-VideoReID is a subset of the DukeMTMC tracking dataset",
                "DukeMTMC tracking",
                "provenance",
                "subset of",
            ),
            (
                "DukeMTMC-VideoReID is a subset of the DukeMTMC tracking dataset",
                "DukeMTMC-VideoReID",
                "described",
                "is a",
            ),
            (
                "The LFW dataset contains 13,233 images.",
                "LFW",
                "described",
                "contains",
            ),
            (
                "LFW is a popular benchmark that others used.",
                "LFW",
                "described",
                "is a",
            ),
            ("Our AR headset overlays labels.", "AR", "plain", ""),
            (
                "We propose a loss which others evaluated on LFW",
                "LFW",
                "used",
                "evaluated on",
            ),
        ];
        let mut failures = Vec::new();
        for (sentence, name, kind, words) in cases {
            let got = rel(sentence, name);
            if got != (*kind, words.to_string()) {
                failures.push(format!("{sentence} [{name}]: got {got:?}"));
            }
        }
        assert!(failures.is_empty(), "{failures:#?}");
    }
}
