//! Cue words: what a text says about the data it uses (re-identification,
//! aligned, cleaned, frontalized, age and gender labels, pre-trained…).
//!
//! Each cue has a handful of word forms; one case-insensitive automaton finds
//! them all in one pass. Longer phrases win over the words inside them, which
//! is how "vehicle re-identification" is kept from counting as the person
//! re-identification that DukeMTMC-reID benchmarks.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

use crate::registry::Cue;
use crate::text::{word_char_at, word_char_before};

/// What a lexicon phrase signals.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Signal {
    /// A descriptive cue, matched against entries' cues.
    Cue(Cue),
    /// A phrase that contains a cue word but means something else ("vehicle
    /// re-identification"); where it occurs, the bare cue word means it too.
    Suppress(Cue),
}

/// Word forms of each cue. Matching is case-insensitive and on word
/// boundaries; the longest phrase at a place wins.
const LEXICON: &[(&str, Signal)] = &[
    ("re-id", Signal::Cue(Cue::Reid)),
    ("reid", Signal::Cue(Cue::Reid)),
    ("re-identification", Signal::Cue(Cue::Reid)),
    ("reidentification", Signal::Cue(Cue::Reid)),
    ("re-identify", Signal::Cue(Cue::Reid)),
    ("re-identifying", Signal::Cue(Cue::Reid)),
    ("person retrieval", Signal::Cue(Cue::Reid)),
    ("pedestrian retrieval", Signal::Cue(Cue::Reid)),
    ("person re-identification", Signal::Cue(Cue::Reid)),
    ("person re-id", Signal::Cue(Cue::Reid)),
    ("person reid", Signal::Cue(Cue::Reid)),
    ("pedestrian re-identification", Signal::Cue(Cue::Reid)),
    ("vehicle re-identification", Signal::Suppress(Cue::Reid)),
    ("vehicle re-id", Signal::Suppress(Cue::Reid)),
    ("vehicle reid", Signal::Suppress(Cue::Reid)),
    ("animal re-identification", Signal::Suppress(Cue::Reid)),
    ("tiger re-identification", Signal::Suppress(Cue::Reid)),
    ("video-based", Signal::Cue(Cue::Video)),
    ("video based", Signal::Cue(Cue::Video)),
    ("videos", Signal::Cue(Cue::Video)),
    ("video", Signal::Cue(Cue::Video)),
    ("tracklet", Signal::Cue(Cue::Video)),
    ("tracklets", Signal::Cue(Cue::Video)),
    ("tracking", Signal::Cue(Cue::Tracking)),
    ("tracker", Signal::Cue(Cue::Tracking)),
    ("multi-target", Signal::Cue(Cue::Tracking)),
    ("multi-object tracking", Signal::Cue(Cue::Tracking)),
    ("multi-camera", Signal::Cue(Cue::MultiCamera)),
    ("multi camera", Signal::Cue(Cue::MultiCamera)),
    ("attribute", Signal::Cue(Cue::Attributes)),
    ("attributes", Signal::Cue(Cue::Attributes)),
    ("attribute labels", Signal::Cue(Cue::Attributes)),
    ("landmark", Signal::Cue(Cue::Landmarks)),
    ("landmarks", Signal::Cue(Cue::Landmarks)),
    ("facial points", Signal::Cue(Cue::Landmarks)),
    ("keypoints", Signal::Cue(Cue::Landmarks)),
    ("aligned", Signal::Cue(Cue::Aligned)),
    ("alignment", Signal::Cue(Cue::Aligned)),
    ("face alignment", Signal::Cue(Cue::Aligned)),
    ("funneled", Signal::Cue(Cue::Funneled)),
    ("funnelled", Signal::Cue(Cue::Funneled)),
    ("deep funneled", Signal::Cue(Cue::Funneled)),
    ("frontalized", Signal::Cue(Cue::Frontalized)),
    ("frontalised", Signal::Cue(Cue::Frontalized)),
    ("frontalization", Signal::Cue(Cue::Frontalized)),
    ("frontalisation", Signal::Cue(Cue::Frontalized)),
    ("cropped", Signal::Cue(Cue::Cropped)),
    ("occluded", Signal::Cue(Cue::Occluded)),
    ("occlusion", Signal::Cue(Cue::Occluded)),
    ("occlusions", Signal::Cue(Cue::Occluded)),
    ("masked", Signal::Cue(Cue::Masked)),
    ("face mask", Signal::Cue(Cue::Masked)),
    ("face masks", Signal::Cue(Cue::Masked)),
    ("cleaned", Signal::Cue(Cue::Cleaned)),
    ("clean version", Signal::Cue(Cue::Cleaned)),
    ("cleaned version", Signal::Cue(Cue::Cleaned)),
    ("refined", Signal::Cue(Cue::Cleaned)),
    ("label noise", Signal::Cue(Cue::Cleaned)),
    ("labeling noise", Signal::Cue(Cue::Cleaned)),
    ("labelling noise", Signal::Cue(Cue::Cleaned)),
    ("noisy labels", Signal::Cue(Cue::Cleaned)),
    ("low-shot", Signal::Cue(Cue::LowShot)),
    ("one-shot", Signal::Cue(Cue::LowShot)),
    ("few-shot", Signal::Cue(Cue::LowShot)),
    ("pre-trained", Signal::Cue(Cue::PretrainedModel)),
    ("pretrained", Signal::Cue(Cue::PretrainedModel)),
    ("off-the-shelf", Signal::Cue(Cue::PretrainedModel)),
    ("pre-train", Signal::Cue(Cue::PretrainedModel)),
    ("face verification", Signal::Cue(Cue::FaceVerification)),
    ("face recognition", Signal::Cue(Cue::FaceIdentification)),
    ("face identification", Signal::Cue(Cue::FaceIdentification)),
    ("recognize faces", Signal::Cue(Cue::FaceIdentification)),
    ("unconstrained face", Signal::Cue(Cue::FaceVerification)),
    ("face retrieval", Signal::Cue(Cue::FaceIdentification)),
    ("face matching", Signal::Cue(Cue::FaceVerification)),
    ("face representation", Signal::Cue(Cue::FaceIdentification)),
    ("face representations", Signal::Cue(Cue::FaceIdentification)),
    ("age", Signal::Cue(Cue::Age)),
    ("gender", Signal::Cue(Cue::Gender)),
    ("sex", Signal::Cue(Cue::Gender)),
    ("ethnicity", Signal::Cue(Cue::Ethnicity)),
    ("race", Signal::Cue(Cue::Ethnicity)),
    ("racial", Signal::Cue(Cue::Ethnicity)),
    ("demographic", Signal::Cue(Cue::Demographics)),
    ("demographics", Signal::Cue(Cue::Demographics)),
    ("3d", Signal::Cue(Cue::ThreeD)),
    ("3-d", Signal::Cue(Cue::ThreeD)),
    ("group re-identification", Signal::Cue(Cue::Group)),
    ("group re-id", Signal::Cue(Cue::Group)),
    ("groups of people", Signal::Cue(Cue::Group)),
    ("large-scale", Signal::Cue(Cue::LargeScale)),
    ("expression", Signal::Cue(Cue::Expression)),
    ("expressions", Signal::Cue(Cue::Expression)),
    ("emotion", Signal::Cue(Cue::Expression)),
    ("anti-spoofing", Signal::Cue(Cue::AntiSpoofing)),
    ("spoofing", Signal::Cue(Cue::AntiSpoofing)),
    ("presentation attack", Signal::Cue(Cue::AntiSpoofing)),
    ("near-infrared", Signal::Cue(Cue::Heterogeneous)),
    ("nir", Signal::Cue(Cue::Heterogeneous)),
    ("sketch", Signal::Cue(Cue::Heterogeneous)),
    ("heterogeneous face", Signal::Cue(Cue::Heterogeneous)),
    ("pose", Signal::Cue(Cue::Pose)),
    ("head pose", Signal::Cue(Cue::Pose)),
];

/// A cue found in the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct CueHit {
    /// The cue.
    pub cue: Cue,
    /// Byte span of the words that express it.
    pub span: (usize, usize),
}

/// The cue automaton, built once.
pub(crate) struct CueIndex {
    automaton: AhoCorasick,
}

impl CueIndex {
    pub(crate) fn new() -> CueIndex {
        let automaton = AhoCorasickBuilder::new()
            .kind(Some(AhoCorasickKind::DFA))
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(LEXICON.iter().map(|(p, _)| p))
            .expect("the cue lexicon is small and fixed");
        CueIndex { automaton }
    }

    /// Every cue in `text`, in order. Where a text speaks of "vehicle
    /// re-identification" and never of a person's, its bare "re-ID" is the
    /// vehicle's too, and is dropped.
    pub(crate) fn find(&self, text: &str) -> Vec<CueHit> {
        let mut hits = Vec::new();
        let mut suppressed: Vec<Cue> = Vec::new();
        let mut explicit: Vec<Cue> = Vec::new();
        for m in self.automaton.find_iter(text) {
            if word_char_before(text, m.start()) || word_char_at(text, m.end()) {
                continue;
            }
            let (phrase, signal) = LEXICON[m.pattern().as_usize()];
            match signal {
                Signal::Cue(cue) => {
                    if phrase.contains(' ') {
                        explicit.push(cue);
                    }
                    hits.push(CueHit {
                        cue,
                        span: (m.start(), m.end()),
                    });
                }
                Signal::Suppress(cue) => suppressed.push(cue),
            }
        }
        hits.retain(|h| {
            !suppressed.contains(&h.cue)
                || explicit.contains(&h.cue) && is_explicit_subject(h, text)
        });
        hits
    }
}

/// Whether a hit names its subject ("person re-identification").
fn is_explicit_subject(hit: &CueHit, text: &str) -> bool {
    text[hit.span.0..hit.span.1].contains(' ')
}

/// Cues that describe a processing or labelling of the images (a variant of
/// a dataset), as opposed to the task it serves.
pub(crate) fn is_modifier(cue: Cue) -> bool {
    matches!(
        cue,
        Cue::Video
            | Cue::Attributes
            | Cue::Landmarks
            | Cue::Aligned
            | Cue::Funneled
            | Cue::Frontalized
            | Cue::Occluded
            | Cue::Masked
            | Cue::Cleaned
            | Cue::LowShot
            | Cue::Age
            | Cue::Gender
            | Cue::Ethnicity
            | Cue::Demographics
            | Cue::ThreeD
            | Cue::Group
    )
}

/// Cues that name the task a dataset benchmarks.
pub(crate) fn is_task(cue: Cue) -> bool {
    matches!(
        cue,
        Cue::Reid
            | Cue::Tracking
            | Cue::FaceVerification
            | Cue::FaceIdentification
            | Cue::Expression
            | Cue::AntiSpoofing
            | Cue::Heterogeneous
    )
}

/// Cues that stand for one another when matching a text's words to
/// an entry: "age, gender and ethnicity labels" fits an entry documented as
/// carrying demographic attributes; "funneled" images are aligned ones.
pub(crate) fn related(a: Cue, b: Cue) -> bool {
    let group = |c: Cue| match c {
        Cue::Aligned | Cue::Funneled | Cue::Frontalized => 1,
        Cue::Attributes | Cue::Age | Cue::Gender | Cue::Ethnicity | Cue::Demographics => 2,
        Cue::Occluded | Cue::Masked => 3,
        Cue::Video => 4,
        // "Face recognition" covers verification and identification alike.
        Cue::FaceVerification | Cue::FaceIdentification => 5,
        _ => 0,
    };
    a == b || (group(a) != 0 && group(a) == group(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cues(text: &str) -> Vec<Cue> {
        CueIndex::new()
            .find(text)
            .into_iter()
            .map(|h| h.cue)
            .collect()
    }

    #[test]
    fn reads_task_and_descriptive_words() {
        let cases: &[(&str, &[Cue])] = &[
            ("person re-identification", &[Cue::Reid]),
            ("vehicle re-identification", &[]),
            (
                "aligned faces with age and gender labels",
                &[Cue::Aligned, Cue::Age, Cue::Gender],
            ),
            ("a cleaned version", &[Cue::Cleaned]),
            ("multi-object tracking", &[Cue::Tracking]),
            ("face verification", &[Cue::FaceVerification]),
        ];
        for (text, expected) in cases {
            assert_eq!(&cues(text), expected, "{text}");
        }
    }
}
