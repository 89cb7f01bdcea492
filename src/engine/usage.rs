//! Use versus mention: whether a sentence says that a dataset is used, and
//! whether the text as a whole reports experiments or only discusses.
//!
//! Papers that cite a dataset without using it are common (the study found
//! most papers citing MS-Celeb-1M's paper did not use it), so a name counts
//! fully only where the text says it trains, evaluates or experiments on it.

use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

use crate::registry::Cue;
use crate::text::hash::FastMap;

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

/// Words that say a text is about datasets' ethics or their retraction.
const ETHICS_WORDS: &[&str] = &[
    "retract",
    "taken down",
    "take down",
    "takedown",
    "withdrawn",
    "ethic",
    "consent",
    "privacy concern",
    "stewardship",
    "datasheets for datasets",
];

/// Nouns that a text evaluates on when it does not name them.
const BENCHMARK_NOUNS: &[&str] = &[
    "benchmarks",
    "datasets",
    "databases",
    "benchmark datasets",
    "data sets",
];

/// Words before those nouns that make them the text's own evaluation.
const BENCHMARK_FRAME: &[&str] = &[
    "on",
    "across",
    "over",
    "using",
    "several",
    "multiple",
    "three",
    "four",
    "five",
    "two",
    "six",
    "public",
    "popular",
    "standard",
    "challenging",
    "various",
    "large-scale",
    "widely",
    "benchmark",
    "publicly",
    "real-world",
    "mainstream",
    "commonly",
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
    "test on",
    "trained on",
    "train on",
    "training on",
    "evaluate on",
    "fine-tuned on",
    "finetuned on",
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

/// The tasks whose domain words can be looked for.
const DOMAIN_TASKS: [Cue; 7] = [
    Cue::FaceVerification,
    Cue::FaceIdentification,
    Cue::Reid,
    Cue::Tracking,
    Cue::Expression,
    Cue::AntiSpoofing,
    Cue::Heterogeneous,
];

/// A list of words found in one automaton pass, case-insensitively, only
/// where they start a word. Built once per process.
struct WordList {
    automaton: AhoCorasick,
    /// The task of each pattern, for the domain list.
    tasks: Vec<Option<Cue>>,
}

impl WordList {
    fn new(words: &[&str], tasks: Vec<Option<Cue>>) -> WordList {
        let automaton = AhoCorasickBuilder::new()
            .kind(Some(AhoCorasickKind::DFA))
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .build(words)
            .expect("the word lists are small and fixed");
        WordList { automaton, tasks }
    }

    /// Every match that starts a word, as (start, end, pattern).
    fn matches<'a>(&'a self, text: &'a str) -> impl Iterator<Item = (usize, usize, usize)> + 'a {
        self.automaton
            .find_overlapping_iter(text)
            .filter(move |m| {
                !text[..m.start()]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphanumeric)
            })
            .map(|m| (m.start(), m.end(), m.pattern().as_usize()))
    }

    /// The earliest word, extended to the end of the word it starts.
    fn first(&self, text: &str) -> Option<(usize, usize)> {
        self.matches(text)
            .map(|(s, e, _)| (s, whole_word_end(text, e)))
            .min()
    }
}

fn list(words: &'static [&'static str], cell: &'static OnceLock<WordList>) -> &'static WordList {
    cell.get_or_init(|| WordList::new(words, vec![None; words.len()]))
}

/// How often the text uses each task's domain words, read once per text.
pub(crate) fn domains(text: &str) -> FastMap<Cue, usize> {
    static DOMAINS: OnceLock<WordList> = OnceLock::new();
    let domains = DOMAINS.get_or_init(|| {
        let pairs: Vec<(&str, Cue)> = DOMAIN_TASKS
            .iter()
            .flat_map(|&t| domain_words(t).iter().map(move |&w| (w, t)))
            .collect();
        let words: Vec<&str> = pairs.iter().map(|(w, _)| *w).collect();
        WordList::new(&words, pairs.iter().map(|(_, t)| Some(*t)).collect())
    });
    let mut counts: FastMap<Cue, usize> = FastMap::default();
    for t in domains
        .matches(text)
        .filter_map(|(_, _, p)| domains.tasks[p])
    {
        *counts.entry(t).or_default() += 1;
    }
    counts
}

/// Words saying the text proposes a method of its own.
const METHOD_WORDS: &[&str] = &[
    "we propose",
    "we present",
    "we introduce",
    "we develop",
    "this paper proposes",
    "this paper presents",
    "is proposed",
    "our method",
    "our approach",
    "our model",
    "a novel",
];

/// Words saying the text is about generating images.
const GENERATIVE_WORDS: &[&str] = &[
    "generative",
    "gan",
    "gans",
    "synthesis",
    "synthesize",
    "synthesized",
    "synthesizing",
    "image generation",
    "diffusion model",
];

/// Words saying the text proposes a method of its own.
pub(crate) fn proposes_method(text: &str) -> Option<(usize, usize)> {
    static METHOD: OnceLock<WordList> = OnceLock::new();
    list(METHOD_WORDS, &METHOD).first(text)
}

/// Words saying the text is about generating images.
pub(crate) fn generative(text: &str) -> Option<(usize, usize)> {
    static GENERATIVE: OnceLock<WordList> = OnceLock::new();
    let words = list(GENERATIVE_WORDS, &GENERATIVE);
    words
        .matches(text)
        .find(|&(_, e, _)| !text[e..].starts_with(|c: char| c.is_alphanumeric()))
        .map(|(s, e, _)| (s, e))
}

/// The end of the word that runs through byte `at` ("experiment" → "experiments").
fn whole_word_end(text: &str, at: usize) -> usize {
    text[at..]
        .find(|c: char| !(c.is_alphanumeric() || c == '-'))
        .map_or(text.len(), |k| at + k)
}

/// The words of `sentence` that say data is used, if any.
pub(crate) fn use_words(sentence: &str) -> Option<&str> {
    static USE: OnceLock<WordList> = OnceLock::new();
    list(USE_WORDS, &USE)
        .first(sentence)
        .map(|(s, e)| &sentence[s..e])
}

/// The words of `sentence` that say a model is run, if any.
pub(crate) fn model_use_words(sentence: &str) -> Option<&str> {
    static MODEL_USE: OnceLock<WordList> = OnceLock::new();
    list(MODEL_USE_WORDS, &MODEL_USE)
        .first(sentence)
        .map(|(s, e)| &sentence[s..e])
}

/// Words that say the text reports experiments, with their span.
pub(crate) fn experiments(text: &str) -> Option<(usize, usize)> {
    static EXPERIMENTS: OnceLock<WordList> = OnceLock::new();
    list(EXPERIMENT_WORDS, &EXPERIMENTS).first(text)
}

/// Words on the ethics or retraction of datasets, anywhere in the text.
pub(crate) fn ethics(text: &str) -> Option<(usize, usize)> {
    static ETHICS: OnceLock<WordList> = OnceLock::new();
    list(ETHICS_WORDS, &ETHICS).first(text)
}

/// "Experiments on three public benchmarks": benchmark nouns after words of
/// an evaluation, with no registry name near them (`mentions`, sorted).
pub(crate) fn benchmarks_unnamed(
    text: &str,
    mentions: &[(usize, usize)],
) -> Option<(usize, usize)> {
    static NOUNS: OnceLock<WordList> = OnceLock::new();
    let nouns = list(BENCHMARK_NOUNS, &NOUNS);
    nouns.matches(text).find_map(|(s, e, _)| {
        if text[e..].starts_with(|c: char| c.is_alphanumeric()) {
            return None;
        }
        let before = crate::text::suffix(&text[..s], 60).to_ascii_lowercase();
        let framed = before.split_whitespace().rev().take(4).any(|w| {
            BENCHMARK_FRAME.contains(&w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-'))
        });
        // A name within a sentence's reach of the nouns names them.
        let near = |m: &(usize, usize)| m.1 + 120 > s && m.0 < e + 160;
        let i = mentions.partition_point(|m| m.1 + 120 <= s);
        let named = mentions[i..].iter().take_while(|m| m.0 < e + 160).any(near);
        (framed && !named).then_some((s, e))
    })
}

/// Words that make the text a discussion, looked for in its first sentence
/// (the title, for title + abstract input), with their span.
pub(crate) fn discussion(text: &str, first_sentence: (usize, usize)) -> Option<(usize, usize)> {
    static DISCUSSION: OnceLock<WordList> = OnceLock::new();
    let title = &text[first_sentence.0..first_sentence.1];
    list(DISCUSSION_WORDS, &DISCUSSION)
        .matches(title)
        .map(|(s, e, _)| (first_sentence.0 + s, first_sentence.0 + e))
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
