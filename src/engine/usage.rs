//! Use versus mention: whether a sentence says that a dataset is used, and
//! whether the text as a whole reports experiments or only discusses.
//!
//! Papers that cite a dataset without using it are common (the study found
//! most papers citing MS-Celeb-1M's paper did not use it), so a name counts
//! fully only where the text says it trains, evaluates or experiments on it.

use crate::registry::Cue;

/// Words that say data is used: trained on, evaluated on, results on.
const USE_WORDS: &[&str] = &[
    "experiment",
    "evaluat",
    "benchmark",
    "train",
    "test",
    "fine-tun",
    "finetun",
    "pre-train",
    "pretrain",
    "state-of-the-art",
    "state of the art",
    "outperform",
    "achiev",
    "accuracy",
    "results on",
    "performance on",
    "conducted on",
    "we use",
    "we used",
    "we adopt",
    "we employ",
    "using",
    "validat",
    "verified on",
    "mean average precision",
    "rank-1",
    "rank1",
    "cmc",
    "datasets",
    "dataset",
    "databases",
    "database",
    "demonstrat",
    "superior",
    "competitive",
    "comparable",
    "extensive",
    "improv",
    "applied to",
    "collected from",
    "learned on",
    "learnt on",
];

/// Words that say a model is run, not just named as a method.
const MODEL_USE_WORDS: &[&str] = &[
    "pre-trained",
    "pretrained",
    "off-the-shelf",
    "extract",
    "embedding",
    "features from",
    "feature extractor",
    "we use",
    "we used",
    "using",
    "employ",
    "adopt",
    "deploy",
    "matcher",
];

/// Words (in the title or a "this paper" sentence) that make a text a
/// discussion of datasets rather than a use of them.
const DISCUSSION_WORDS: &[&str] = &[
    "survey",
    "a review",
    "review of",
    "overview",
    "an introduction to",
    "tutorial",
];

/// Words that say the text reports experiments.
const EXPERIMENT_WORDS: &[&str] = &[
    "experiment",
    "evaluated on",
    "evaluation on",
    "benchmark",
    "state-of-the-art",
    "state of the art",
    "outperform",
    "results on",
    "accuracy",
    "datasets",
    "rank-1",
    "mean average precision",
    "tested on",
    "superior performance",
    "competitive",
];

/// Words that place a text in the domain of a task even where it names no
/// task ("face images", "pedestrian"), by task.
fn domain_words(task: Cue) -> &'static [&'static str] {
    match task {
        Cue::FaceVerification | Cue::FaceIdentification => &["face", "faces", "facial"],
        Cue::Reid => &[
            "re-id",
            "reid",
            "re-identification",
            "person",
            "persons",
            "pedestrian",
            "pedestrians",
        ],
        Cue::Tracking => &["tracking", "tracker", "trajector"],
        Cue::Expression => &["expression", "emotion", "affect"],
        Cue::AntiSpoofing => &["spoof", "liveness"],
        Cue::Heterogeneous => &["infrared", "sketch", "nir"],
        _ => &[],
    }
}

/// The task domains the text is about, read once per text.
pub(crate) fn domains(text: &str) -> crate::text::hash::FastSet<Cue> {
    let lower = text.to_ascii_lowercase();
    [
        Cue::FaceVerification,
        Cue::FaceIdentification,
        Cue::Reid,
        Cue::Tracking,
        Cue::Expression,
        Cue::AntiSpoofing,
        Cue::Heterogeneous,
    ]
    .into_iter()
    .filter(|&t| {
        domain_words(t)
            .iter()
            .any(|w| find_word_start(&lower, w).is_some())
    })
    .collect()
}

/// The first of `words` found in `text`, as written there. `lower` is
/// `text` ASCII-lowercased, so byte offsets agree and the words (ASCII) end
/// on character boundaries.
fn first_word<'t>(text: &'t str, lower: &str, words: &[&str]) -> Option<&'t str> {
    words
        .iter()
        .filter_map(|w| find_word_start(lower, w).map(|i| (i, w.len())))
        .min()
        .and_then(|(i, len)| text.get(i..whole_word_end(text, i + len)))
}

/// The end of the word that runs through byte `at` ("experiment" → "experiments").
fn whole_word_end(text: &str, at: usize) -> usize {
    text[at..]
        .find(|c: char| !(c.is_alphanumeric() || c == '-'))
        .map_or(text.len(), |k| at + k)
}

/// Byte offset of `word` in `lower` where it starts a word.
fn find_word_start(lower: &str, word: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(pos) = lower[from..].find(word) {
        let at = from + pos;
        if at == 0
            || !lower[..at]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
        {
            return Some(at);
        }
        from = at + word.len().max(1);
    }
    None
}

/// The words of `sentence` that say data is used, if any.
pub(crate) fn use_words(sentence: &str) -> Option<&str> {
    let lower = sentence.to_ascii_lowercase();
    first_word(sentence, &lower, USE_WORDS)
}

/// The words of `sentence` that say a model is run, if any.
pub(crate) fn model_use_words(sentence: &str) -> Option<&str> {
    let lower = sentence.to_ascii_lowercase();
    first_word(sentence, &lower, MODEL_USE_WORDS)
}

/// Words that say the text reports experiments, with their span.
pub(crate) fn experiments(text: &str) -> Option<(usize, usize)> {
    let lower = text.to_ascii_lowercase();
    EXPERIMENT_WORDS
        .iter()
        .filter_map(|w| find_word_start(&lower, w).map(|i| (i, whole_word_end(text, i + w.len()))))
        .min()
}

/// Words that make the text a discussion, looked for in its first sentence
/// (the title, for title + abstract input), with their span.
pub(crate) fn discussion(text: &str, first_sentence: (usize, usize)) -> Option<(usize, usize)> {
    let title = &text[first_sentence.0..first_sentence.1];
    let lower = title.to_ascii_lowercase();
    DISCUSSION_WORDS
        .iter()
        .filter_map(|w| {
            find_word_start(&lower, w)
                .map(|i| (first_sentence.0 + i, first_sentence.0 + i + w.len()))
        })
        .min()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tells_use_from_mention() {
        for (sentence, used) in [
            (
                "Extensive experiments on Market-1501 and DukeMTMC-reID show",
                true,
            ),
            ("We train on MS-Celeb-1M.", true),
            ("Unlike LFW, real surveillance footage is blurry.", false),
            (
                "We achieve state-of-the-art results on LFW and YTF datasets.",
                true,
            ),
        ] {
            assert_eq!(use_words(sentence).is_some(), used, "{sentence}");
        }
    }

    #[test]
    fn finds_surveys_in_the_title_only() {
        let text = "A survey of person re-identification. We review datasets.";
        assert!(discussion(text, (0, 37)).is_some());
        let text = "Deep metric learning. We survey nothing here.";
        assert!(discussion(text, (0, 21)).is_none());
    }
}
