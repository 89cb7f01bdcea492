//! Use versus mention: whether a sentence says that a dataset is used, and
//! whether the text as a whole reports experiments or only discusses.
//!
//! Papers that cite a dataset without using it are common (the study found
//! most papers citing MS-Celeb-1M's paper did not use it), so a name counts
//! fully only where the text says it trains, evaluates or experiments on it.

use std::cell::RefCell;
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

use crate::engine::structure::Span;
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

/// The word list a pattern of the combined automaton comes from.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Debug)]
enum List {
    Use,
    ModelUse,
    Discussion,
    Ethics,
    BenchmarkNouns,
    Experiments,
    Method,
    Generative,
    Domain(Cue),
}

/// Every word list in one automaton, so that a text is read once for all
/// of them rather than once per list and once more per sentence.
struct Lists {
    automaton: AhoCorasick,
    /// The list of each pattern (a word in two lists is two patterns).
    of_pattern: Vec<List>,
}

/// The combined automaton, built on first use and shared by every text.
fn lists() -> &'static Lists {
    static LISTS: OnceLock<Lists> = OnceLock::new();
    LISTS.get_or_init(|| {
        let mut words: Vec<&str> = Vec::new();
        let mut of_pattern: Vec<List> = Vec::new();
        let mut add = |list: List, ws: &[&'static str]| {
            words.extend_from_slice(ws);
            of_pattern.extend(std::iter::repeat_n(list, ws.len()));
        };
        add(List::Use, USE_WORDS);
        add(List::ModelUse, MODEL_USE_WORDS);
        add(List::Discussion, DISCUSSION_WORDS);
        add(List::Ethics, ETHICS_WORDS);
        add(List::BenchmarkNouns, BENCHMARK_NOUNS);
        add(List::Experiments, EXPERIMENT_WORDS);
        add(List::Method, METHOD_WORDS);
        add(List::Generative, GENERATIVE_WORDS);
        for task in DOMAIN_TASKS {
            add(List::Domain(task), domain_words(task));
        }
        let automaton = AhoCorasickBuilder::new()
            .kind(Some(AhoCorasickKind::DFA))
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .build(&words)
            .expect("the word lists are small and fixed");
        Lists {
            automaton,
            of_pattern,
        }
    })
}

/// The words of every list in one text, found in one pass.
pub(crate) struct Words<'t> {
    /// The answers to `first` already given: every mention of a sentence
    /// asks about the same sentence, and a sentence with thousands of
    /// mentions (a 2 MiB run-on line) must not be read thousands of times.
    answered: RefCell<FastMap<(List, Span), Option<Span>>>,
    text: &'t str,
    /// Every occurrence of every word, as (start, end, list), in the order
    /// of their ends (then starts).
    found: Vec<(usize, usize, List)>,
}

impl<'t> Words<'t> {
    /// Reads `text`.
    pub(crate) fn of(text: &'t str) -> Words<'t> {
        let lists = lists();
        let mut found: Vec<(usize, usize, List)> = lists
            .automaton
            .find_overlapping_iter(text)
            .map(|m| (m.start(), m.end(), lists.of_pattern[m.pattern().as_usize()]))
            .collect();
        // The overlapping search already reports by end, longest first; the
        // order is stated here because `generative` and
        // `benchmarks_unnamed` take the first that fits.
        crate::sort::sort_by_key(&mut found, |&(s, e, _)| (e, s));
        Words {
            answered: RefCell::default(),
            text,
            found,
        }
    }

    /// The words of `list` that lie inside `span` and start a word there
    /// (the start of `span` counts as a word start), in order.
    fn within(&self, list: List, span: Span) -> impl Iterator<Item = Span> + '_ {
        self.inside(span)
            .filter(move |f| f.2 == list && self.starts_word(f.0, span.0))
            .map(|f| (f.0, f.1))
    }

    /// Every word found wholly inside `span`, of any list.
    fn inside(&self, (from, to): Span) -> impl Iterator<Item = &(usize, usize, List)> + '_ {
        let first = self.found.partition_point(|f| f.1 <= from);
        self.found[first..]
            .iter()
            .take_while(move |f| f.1 <= to)
            .filter(move |f| f.0 >= from)
    }

    /// Whether a word at `at` starts a word of a span that begins at `from`.
    fn starts_word(&self, at: usize, from: usize) -> bool {
        at == from
            || !self.text[..at]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
    }

    /// The whole text's span.
    fn all(&self) -> Span {
        (0, self.text.len())
    }

    /// The earliest word of `list` in `span`, extended to the end of the
    /// word it starts ("experiment" → "experiments"), not past `span`.
    fn first(&self, list: List, span: Span) -> Option<Span> {
        if let Some(&known) = self.answered.borrow().get(&(list, span)) {
            return known;
        }
        let inside = &self.text[..span.1];
        let first = self
            .within(list, span)
            .map(|(s, e)| (s, whole_word_end(inside, e)))
            .min();
        self.answered.borrow_mut().insert((list, span), first);
        first
    }

    /// How often the text uses each task's domain words.
    pub(crate) fn domains(&self) -> FastMap<Cue, usize> {
        // One pass over the words found, not one per task.
        let mut counts: FastMap<Cue, usize> = FastMap::default();
        for &(start, _, list) in self.inside(self.all()) {
            if let List::Domain(task) = list
                && self.starts_word(start, 0)
            {
                *counts.entry(task).or_default() += 1;
            }
        }
        counts
    }

    /// Words saying the text proposes a method of its own.
    pub(crate) fn proposes_method(&self) -> Option<Span> {
        self.first(List::Method, self.all())
    }

    /// Words saying the text is about generating images.
    pub(crate) fn generative(&self) -> Option<Span> {
        self.within(List::Generative, self.all())
            .find(|&(_, e)| !self.text[e..].starts_with(|c: char| c.is_alphanumeric()))
    }

    /// The words of `sentence` that say data is used, if any.
    pub(crate) fn use_words(&self, sentence: Span) -> Option<Span> {
        self.first(List::Use, sentence)
    }

    /// The words of `sentence` that say a model is run, if any.
    pub(crate) fn model_use_words(&self, sentence: Span) -> Option<Span> {
        self.first(List::ModelUse, sentence)
    }

    /// Words that say the text reports experiments.
    pub(crate) fn experiments(&self) -> Option<Span> {
        self.first(List::Experiments, self.all())
    }

    /// Words on the ethics or retraction of datasets, anywhere in the text.
    pub(crate) fn ethics(&self) -> Option<Span> {
        self.first(List::Ethics, self.all())
    }

    /// "Experiments on three public benchmarks": benchmark nouns after words
    /// of an evaluation, with no registry name near them (`mentions`,
    /// sorted).
    pub(crate) fn benchmarks_unnamed(&self, mentions: &[Span]) -> Option<Span> {
        let text = self.text;
        self.within(List::BenchmarkNouns, self.all())
            .find_map(|(s, e)| {
                if text[e..].starts_with(|c: char| c.is_alphanumeric()) {
                    return None;
                }
                let before = crate::text::suffix(&text[..s], 60).to_ascii_lowercase();
                let framed = before.split_whitespace().rev().take(4).any(|w| {
                    BENCHMARK_FRAME
                        .contains(&w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-'))
                });
                // A name within a sentence's reach of the nouns names them.
                let near = |m: &Span| m.1 + 120 > s && m.0 < e + 160;
                let i = mentions.partition_point(|m| m.1 + 120 <= s);
                let named = mentions[i..].iter().take_while(|m| m.0 < e + 160).any(near);
                (framed && !named).then_some((s, e))
            })
    }

    /// Words that make the text a discussion, looked for in its first
    /// sentence (the title, for title + abstract input).
    pub(crate) fn discussion(&self, first_sentence: Span) -> Option<Span> {
        self.within(List::Discussion, first_sentence).min()
    }
}

/// The end of the word that runs through byte `at` ("experiment" → "experiments").
fn whole_word_end(text: &str, at: usize) -> usize {
    text[at..]
        .find(|c: char| !(c.is_alphanumeric() || c == '-'))
        .map_or(text.len(), |k| at + k)
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
            let words = Words::of(sentence);
            let found = words.use_words((0, sentence.len()));
            assert_eq!(found.is_some(), used, "{sentence}");
        }
    }

    #[test]
    fn finds_surveys_in_the_title_only() {
        let text = "A survey of person re-identification. We review datasets.";
        assert!(Words::of(text).discussion((0, 37)).is_some());
        let text = "Deep metric learning. We survey nothing here.";
        assert!(Words::of(text).discussion((0, 21)).is_none());
    }

    #[test]
    fn reads_a_sentence_as_if_it_stood_alone() {
        // One pass over the text answers for each sentence what reading
        // that sentence alone would: words wholly inside it, extended to
        // the end of their word but not past the sentence.
        let text = "Unlike LFW, it is blurry. We pretrained on LFW. Tests follow.";
        let words = Words::of(text);
        let span_of = |word: &str| {
            let at = text.find(word).unwrap();
            (at, at + word.len())
        };
        let found = |span| words.use_words(span).map(|(s, e): Span| &text[s..e]);
        assert_eq!(found((0, 25)), None);
        // "train" inside "pretrained" does not start a word; "pretrain" does,
        // and the word runs on to its end.
        assert_eq!(found(span_of("We pretrained on LFW.")), Some("pretrained"));
        assert_eq!(found(span_of("Tests follow.")), Some("Tests"));
        // A word cut by the end of the span ends there.
        assert_eq!(found(span_of("Tests")), Some("Tests"));
        assert_eq!(found(span_of("Test")), Some("Test"));
        // The start of a span counts as the start of a word.
        assert_eq!(found(span_of("trained on LFW.")), Some("trained"));
    }

    #[test]
    fn reads_a_sentence_once_however_many_names_it_holds() {
        // A run-on sentence with a name every few words is asked about once
        // per name; it is read once, not once per name.
        let text = "We train on LFW and LFW and LFW and LFW.";
        let words = Words::of(text);
        let sentence = (0, text.len());
        let answers: Vec<_> = (0..4).map(|_| words.use_words(sentence)).collect();
        assert!(answers.iter().all(|a| *a == Some((3, 8))));
        assert_eq!(words.answered.borrow().len(), 1);
    }

    #[test]
    fn counts_domain_words_by_task() {
        let words = Words::of("A face and facial: person re-id and pedestrian tracking.");
        let domains = words.domains();
        assert_eq!(domains.get(&Cue::Reid), Some(&3));
        assert_eq!(domains.get(&Cue::FaceVerification), Some(&2));
        assert_eq!(domains.get(&Cue::FaceIdentification), Some(&2));
        assert_eq!(domains.get(&Cue::Tracking), Some(&1));
        assert_eq!(domains.get(&Cue::Expression), None);
    }
}
