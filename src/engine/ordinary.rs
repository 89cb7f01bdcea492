//! Dataset context for names that are also ordinary words.
//!
//! "AR", "CFP", "MORPH", "Duke", "Universe" and "Tiny Images" name datasets,
//! but far more often they mean augmented reality, a call for papers, a
//! shape morph, a university, the cosmos and small pictures. The registry
//! marks such names `needs_context`; a mention of one counts only where the
//! text writes it as the dataset does (checked by the name index) and this
//! pass finds dataset context around it:
//!
//! - a dataset word near it ("the AR database", "CFP benchmark", "test set");
//! - a use frame that governs it ("evaluated on CFP");
//! - a citation marker right after it ("AR [23]");
//! - a count or percentage beside it ("99.1% on CFP", "MORPH (55,134 images)");
//! - a list with other dataset names ("LFW, CFP and AgeDB");
//! - a table it stands in.
//!
//! It never counts when it is an acronym being defined ("call for papers
//! (CFP)", "an autoregressive (AR) model"), or when the text spells it out
//! as something other than the dataset ("the PIE dataset (Pedestrian
//! Intention Estimation)").

use crate::text::{prefix, suffix};

use super::relations::{Relation, relation};
use super::structure::Span;

/// Words before or after the name that make it a dataset.
const DATASET_WORDS: &[&str] = &[
    "dataset",
    "datasets",
    "database",
    "databases",
    "benchmark",
    "benchmarks",
    "corpus",
    "data set",
    "data sets",
    "protocol",
    "face database",
    "testset",
    "test set",
    "training set",
    "trainset",
    "train set",
    "challenge",
    "db",
];

/// Words beside a model's name that make it the model.
const MODEL_WORDS: &[&str] = &[
    "model",
    "models",
    "block",
    "network",
    "weights",
    "pretrained",
    "pre-trained",
    "checkpoint",
];

/// Words of context looked at on each side of the name.
const NEAR_WORDS: usize = 3;
/// Bytes looked at on each side of the name.
const NEAR_BYTES: usize = 48;

/// What else the passes found, for judging one mention.
pub(crate) struct Surroundings<'a> {
    /// Spans of citation markers, sorted.
    pub markers: &'a [Span],
    /// Spans of counts, sorted.
    pub counts: &'a [Span],
    /// Spans of mentions of names that need no context, sorted.
    pub plain_names: &'a [Span],
    /// Spans of table rows, sorted.
    pub table_rows: &'a [Span],
}

/// Whether the mention at `name` (in the sentence `sentence`) has dataset context.
pub(crate) fn has_dataset_context(
    text: &str,
    sentence: Span,
    name: Span,
    own_names: &[&str],
    is_model: bool,
    around: &Surroundings<'_>,
) -> bool {
    if defines_an_acronym(text, name) || spelled_out_otherwise(text, name, own_names) {
        return false;
    }
    if inside(around.table_rows, name.0) {
        return true;
    }
    let before = suffix(&text[sentence.0.min(name.0)..name.0], NEAR_BYTES);
    let after = prefix(&text[name.1..sentence.1.max(name.1)], NEAR_BYTES);
    let before_words: Vec<String> = last_words(before, NEAR_WORDS);
    let after_words: Vec<String> = first_words(after, NEAR_WORDS);
    let near = |words: &[String]| {
        let joined = words.join(" ");
        DATASET_WORDS
            .iter()
            .any(|w| words.iter().any(|x| x == w) || w.contains(' ') && joined.contains(w))
    };
    if near(&before_words) || near(&after_words) {
        return true;
    }
    let model_word = |words: &[String]| words.iter().any(|w| MODEL_WORDS.contains(&w.as_str()));
    if is_model && (model_word(&before_words) || model_word(&after_words)) {
        return true;
    }
    if matches!(relation(text, sentence, name), Relation::Used(_)) {
        return true;
    }
    // A marker or a count right after the name, or a percentage before it.
    let gap_after = after.len() - after.trim_start().len();
    let next = name.1 + gap_after;
    let starts_at = |spans: &[Span], at: usize| {
        let i = spans.partition_point(|s| s.0 < at);
        spans.get(i).is_some_and(|s| s.0 == at)
    };
    if starts_at(around.markers, next) {
        return true;
    }
    let paren = after.trim_start().starts_with('(');
    if paren && starts_at(around.counts, next + 1) {
        return true;
    }
    if before.trim_end().ends_with("% on") || before.trim_end().ends_with("% in") {
        return true;
    }
    // A list with other dataset names: "LFW, CFP and AgeDB".
    list_neighbour(text, sentence, name, around.plain_names)
}

/// Whether `name` is in parentheses right after words whose initials (or
/// letters, for one word) spell it: "call for papers (CFP)".
fn defines_an_acronym(text: &str, name: Span) -> bool {
    acronym_expansion(text, name).is_some()
}

/// The words a parenthesised acronym at `name` spells out, concatenated
/// ("callforpapers" for "call for papers (CFP)"), if it is one.
fn acronym_expansion(text: &str, name: Span) -> Option<String> {
    let before = &text[..name.0];
    let after = &text[name.1..];
    if !before.ends_with('(') || !after.starts_with(')') {
        return None;
    }
    let acronym = letters_of(&text[name.0..name.1]);
    let words = last_words(suffix(&before[..before.len() - 1], 80), 6);
    if acronym.is_empty() || words.is_empty() {
        return None;
    }
    // The letters of the last k words in order ("call for papers" holds
    // c…f…p, "autoregressive" holds a…r), starting with the first letter.
    (1..=words.len())
        .map(|k| words[words.len() - k..].concat())
        .find(|joined| joined.starts_with(acronym[0]) && spells(&acronym, joined))
}

/// Whether the document defines the acronym at `name` as something other
/// than the entry ("pose-invariant embedding (PIE)", a method, where the
/// entry is the CMU PIE face database). Then the acronym means that thing
/// throughout the document, wherever else it appears (a results table
/// row, "PIE uses ResNet-50").
pub(crate) fn defines_another_acronym(text: &str, name: Span, own_names: &[&str]) -> bool {
    let Some(expansion) = acronym_expansion(text, name) else {
        return false;
    };
    let letters = |s: &str| -> String {
        s.chars()
            .filter(|c| c.is_alphabetic())
            .flat_map(char::to_lowercase)
            .collect()
    };
    let expansion = letters(&expansion);
    !own_names.iter().any(|n| letters(n).contains(&expansion))
}

/// The letters of a name, lowercased ("CFP" → c, f, p).
fn letters_of(name: &str) -> Vec<char> {
    name.chars()
        .filter(|c| c.is_alphabetic())
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// Whether the letters of `acronym` appear in `letters`, in order.
fn spells(acronym: &[char], letters: &str) -> bool {
    let mut rest = letters.chars();
    !acronym.is_empty() && acronym.iter().all(|a| rest.any(|c| c == *a))
}

/// Whether the name is followed (after an optional dataset word) by a
/// parenthesised expansion whose initials spell it, and that expansion is
/// none of the entry's own names: "PIE dataset (Pedestrian Intention
/// Estimation)" is another PIE.
fn spelled_out_otherwise(text: &str, name: Span, own_names: &[&str]) -> bool {
    let after = prefix(&text[name.1..], 120);
    let mut rest = after.trim_start();
    for w in ["dataset", "database", "benchmark", "corpus"] {
        if let Some(r) = rest.strip_prefix(w) {
            rest = r.trim_start();
        }
    }
    let Some(inner) = rest
        .strip_prefix('(')
        .and_then(|r| r.split_once(')'))
        .map(|(i, _)| i)
    else {
        return false;
    };
    let acronym = letters_of(&text[name.0..name.1]);
    let initials: String = inner
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_alphabetic())
        .map(|c| c.to_ascii_lowercase())
        .collect();
    let key = |s: &str| crate::text::names::name_key(s);
    spells(&acronym, &initials) && !own_names.iter().any(|n| key(n) == key(inner))
}

/// Whether the name stands in a list beside a name that needs no context:
/// only separators (", ", " and ", " or ", "/") lie between them.
fn list_neighbour(text: &str, sentence: Span, name: Span, plain: &[Span]) -> bool {
    let i = plain.partition_point(|s| s.1 <= name.0);
    let separator = |between: &str| {
        let t = between.trim();
        t.is_empty()
            || [
                ",", "and", "or", "/", ", and", ", or", "&", ";", "to", "→", "->", "-->", "(",
            ]
            .contains(&t)
            || t.len() <= 8 && t.chars().all(|c| matches!(c, ',' | '/' | '&' | ' ' | ';'))
    };
    let previous = i
        .checked_sub(1)
        .and_then(|j| plain.get(j))
        .filter(|p| p.0 >= sentence.0 && separator(&text[p.1..name.0]));
    let next = plain
        .get(i)
        .filter(|p| p.1 <= sentence.1 && p.0 >= name.1 && separator(&text[name.1..p.0]));
    previous.is_some() || next.is_some()
}

fn inside(spans: &[Span], at: usize) -> bool {
    let i = spans.partition_point(|s| s.0 <= at);
    i > 0 && at < spans[i - 1].1
}

/// The last `n` words of `s`, lowercased, stripped of punctuation.
fn last_words(s: &str, n: usize) -> Vec<String> {
    let mut words: Vec<String> = s
        .split_whitespace()
        .rev()
        .take(n)
        .map(clean)
        .filter(|w| !w.is_empty())
        .collect();
    words.reverse();
    words
}

/// The first `n` words of `s`, lowercased, stripped of punctuation.
fn first_words(s: &str, n: usize) -> Vec<String> {
    s.split_whitespace()
        .take(n)
        .map(clean)
        .filter(|w| !w.is_empty())
        .collect()
}

fn clean(w: &str) -> String {
    w.trim_matches(|c: char| !c.is_alphanumeric())
        .to_ascii_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn judged(text: &str, name: &str, plain: &[&str]) -> bool {
        let at = text.find(name).unwrap();
        let plain: Vec<Span> = plain
            .iter()
            .map(|p| {
                let s = text.find(p).unwrap();
                (s, s + p.len())
            })
            .collect();
        let markers: Vec<Span> = text
            .match_indices('[')
            .map(|(i, _)| (i, i + text[i..].find(']').unwrap() + 1))
            .collect();
        has_dataset_context(
            text,
            (0, text.len()),
            (at, at + name.len()),
            &["CMU Pose, Illumination, and Expression (PIE) Database"],
            false,
            &Surroundings {
                markers: &markers,
                counts: &[],
                plain_names: &plain,
                table_rows: &[],
            },
        )
    }

    #[test]
    fn ordinary_words_need_dataset_context() {
        let cases: &[(&str, &str, &[&str], bool)] = &[
            ("the call for papers (CFP) is out", "CFP", &[], false),
            ("an autoregressive (AR) model", "AR", &[], false),
            ("Our AR headset overlays labels.", "AR", &[], false),
            ("She studied at Duke before moving.", "Duke", &[], false),
            ("Janus kinase inhibitors were given.", "Janus", &[], false),
            ("We evaluate on CFP and AgeDB.", "CFP", &[], true),
            ("results on the AR database", "AR", &[], true),
            ("faces from AR [23] were used", "AR", &[], true),
            ("on LFW, CFP and AgeDB", "CFP", &["LFW", "AgeDB"], true),
            ("the MORPH dataset of mugshots", "MORPH", &[], true),
            (
                "adapting from Market-1501 to Duke",
                "Duke",
                &["Market-1501"],
                true,
            ),
            (
                "the PIE dataset (Pedestrian Intention Estimation)",
                "PIE",
                &[],
                false,
            ),
            (
                "on LFW (deep funneled) for validation",
                "deep funneled",
                &["LFW"],
                true,
            ),
        ];
        for (text, name, plain, expected) in cases {
            assert_eq!(judged(text, name, plain), *expected, "{text}");
        }
    }
}
