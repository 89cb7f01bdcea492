//! Statistics claims: "16,522 bounding boxes of 702 identities for training",
//! "1M images of 100K subjects", "17,661 for testing".
//!
//! A number becomes a claim when a unit word follows it (or, for a bare
//! number, when an earlier claim in the same sentence set the unit: "16,522
//! boxes for training and 17,661 for testing"). The split comes from the
//! words around it (training, query, gallery, test).

use crate::registry::{Quantity, Split, Statistic};
use crate::text::numbers::numbers;
use crate::text::sentences::sentence_of;
use crate::text::{prefix, suffix};

/// Unit words after a number, by quantity. Longest first within a quantity.
const UNITS: &[(&str, Quantity)] = &[
    ("bounding boxes", Quantity::Boxes),
    ("bounding-boxes", Quantity::Boxes),
    ("bboxes", Quantity::Boxes),
    ("boxes", Quantity::Boxes),
    ("pedestrian images", Quantity::Boxes),
    ("person images", Quantity::Boxes),
    ("detections", Quantity::Boxes),
    ("identities", Quantity::Identities),
    ("identity", Quantity::Identities),
    ("ids", Quantity::Identities),
    ("id", Quantity::Identities),
    ("subjects", Quantity::Identities),
    ("people", Quantity::Identities),
    ("persons", Quantity::Identities),
    ("pedestrians", Quantity::Identities),
    ("individuals", Quantity::Identities),
    ("celebrities", Quantity::Identities),
    ("celebs", Quantity::Identities),
    ("classes", Quantity::Identities),
    ("person identities", Quantity::Identities),
    ("unique identities", Quantity::Identities),
    ("face images", Quantity::Images),
    ("images", Quantity::Images),
    ("photos", Quantity::Images),
    ("photographs", Quantity::Images),
    ("pictures", Quantity::Images),
    ("faces", Quantity::Images),
    ("face photos", Quantity::Images),
    ("imgs", Quantity::Images),
    ("crops", Quantity::Boxes),
    ("person crops", Quantity::Boxes),
    ("videos", Quantity::Videos),
    ("video clips", Quantity::Videos),
    ("sequences", Quantity::Videos),
    ("clips", Quantity::Videos),
    ("tracklets", Quantity::Tracklets),
    ("frames", Quantity::Frames),
    ("cameras", Quantity::Cameras),
    ("camera views", Quantity::Cameras),
    ("attributes", Quantity::Attributes),
    ("landmarks", Quantity::Landmarks),
    ("facial landmarks", Quantity::Landmarks),
    ("pairs", Quantity::Pairs),
    ("face pairs", Quantity::Pairs),
    ("image pairs", Quantity::Pairs),
];

/// Words between a number and its unit that do not break the link
/// ("16,522 cropped pedestrian images", "13,233 labeled face images").
const FILLER: &[&str] = &[
    "labeled",
    "labelled",
    "annotated",
    "cropped",
    "aligned",
    "training",
    "test",
    "testing",
    "query",
    "gallery",
    "distinct",
    "different",
    "unique",
    "manually",
    "hand",
    "more",
    "detected",
    "hand-drawn",
    "of",
];

/// How many earlier claims a bare number may take its unit from.
const RECENT_CLAIMS: usize = 8;

/// Relative tolerance for "approximately equal" (rounded numbers in text).
pub(crate) const APPROX_TOLERANCE: f64 = 0.06;

/// A count stated in the text.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Claim {
    pub quantity: Quantity,
    pub value: f64,
    /// Written rounded (5.8M, 100K, "about").
    pub approximate: bool,
    /// The split the words around it name, if any.
    pub split: Option<Split>,
    /// Byte span of the number and its unit.
    pub span: (usize, usize),
    /// How far off a rounded value may be, relative (computed once: it is
    /// compared with every statistic of every candidate).
    pub tolerance: f64,
    /// The words the count is about, when the text says: a table row's
    /// first cell. (For counts in prose, the mention they belong to is
    /// worked out from the sentence.)
    pub subject: Option<(usize, usize)>,
}

/// Every claim in `text`, using `sentences` to scope elided units.
pub(crate) fn claims(text: &str, sentences: &[(usize, usize)]) -> Vec<Claim> {
    let found = numbers(text);
    let mut out: Vec<Claim> = Vec::new();
    for (k, n) in found.iter().enumerate() {
        let (s, e) = n.span;
        let after = &text[e..];
        // Percentages and years are not counts.
        let is_year =
            (1900.0..=2099.0).contains(&n.value) && !n.approximate && n.span.1 - n.span.0 == 4;
        if after.starts_with('%') || after.starts_with(" %") || is_year {
            continue;
        }
        let sentence = sentence_of(sentences, s);
        let (quantity, end) = match unit_after(after) {
            Some((q, len)) => (q, e + len),
            // A bare count takes the unit of the most alike count before it
            // in the sentence: "16,522 boxes of 702 identities for training
            // and 17,661 for testing" counts boxes twice.
            // (Only the last few claims are looked at, so a sentence of
            // thousands of numbers stays linear.)
            None => match out
                .iter()
                .rev()
                .take(RECENT_CLAIMS)
                .filter(|c| sentence_of(sentences, c.span.0) == sentence)
                .min_by(|a, b| {
                    let gap = |c: &&Claim| (c.value.log10() - n.value.log10()).abs();
                    gap(a).total_cmp(&gap(b))
                }) {
                Some(c) if elided_unit_context(after) => (c.quantity, e),
                _ => continue,
            },
        };
        let approx_word = suffix(text[..s].trim_end(), 24).to_ascii_lowercase();
        let approximate = n.approximate
            || [
                "about",
                "approximately",
                "around",
                "over",
                "more than",
                "nearly",
                "roughly",
                "~",
                "almost",
                "up to",
            ]
            .iter()
            .any(|w| approx_word.ends_with(w));
        let (ss, se) = sentences.get(sentence).copied().unwrap_or((0, text.len()));
        let next_number = found.get(k + 1).map_or(se, |m| m.span.0.min(se)).max(end);
        let clause_end = text[end..next_number]
            .find([',', ';', '('])
            .map_or(next_number, |i| end + i);
        let prev_end = out.last().map_or(ss, |c| c.span.1.max(ss)).min(s);
        let clause_start = text[prev_end..s]
            .rfind([',', ';'])
            .map_or(prev_end, |i| prev_end + i + 1);
        // The split is named after the count ("for training") or, failing
        // that, before it ("a query set of 2,228 images").
        // A split word between the count and its unit ("16,522 training
        // images") settles it first.
        let split = filler_split(&text[s..end])
            .or_else(|| split_in(&text[end..clause_end]))
            .or_else(|| split_in(&text[clause_start..s]));
        out.push(Claim {
            quantity,
            value: n.value,
            approximate,
            split,
            span: (s, end),
            tolerance: APPROX_TOLERANCE.max(rounding_of(n.value)),
            subject: None,
        });
    }
    // "16,522 boxes of 702 identities for training": claims joined by "of"
    // share a split.
    for i in (0..out.len().saturating_sub(1)).rev() {
        let between = text[out[i].span.1..out[i + 1].span.0]
            .trim()
            .to_ascii_lowercase();
        if between == "of" || between == "from" {
            if out[i].split.is_none() {
                out[i].split = out[i + 1].split;
            } else if out[i + 1].split.is_none() {
                out[i + 1].split = out[i].split;
            }
        }
    }
    out
}

/// The unit right after a number (skipping filler words), with the length
/// of the text it spans.
fn unit_after(after: &str) -> Option<(Quantity, usize)> {
    let mut offset = 0;
    let mut rest = after;
    for _ in 0..4 {
        let trimmed = rest.trim_start();
        offset += rest.len() - trimmed.len();
        let lower = prefix(trimmed, 48).to_ascii_lowercase();
        if let Some(&(word, q)) = UNITS.iter().find(|(w, _)| {
            lower.starts_with(w) && !lower[w.len()..].starts_with(|c: char| c.is_alphanumeric())
        }) {
            return Some((q, offset + word.len()));
        }
        // Measured on the bounded prefix: a word running past it is no filler.
        let word_len = lower
            .find(|c: char| !(c.is_alphanumeric() || c == '-'))
            .unwrap_or(lower.len());
        if word_len == 0 || !FILLER.contains(&lower[..word_len].as_ref()) {
            return None;
        }
        offset += word_len;
        rest = &trimmed[word_len..];
    }
    None
}

/// A bare number continues the previous unit when followed by a split or
/// a conjunction: "and 17,661 for testing", "2,228 query".
fn elided_unit_context(after: &str) -> bool {
    let lower = prefix(after.trim_start(), 16).to_ascii_lowercase();
    [
        "for ", "in the ", "as ", "query", "gallery", "test", "train", "and ", ",", ")", ".",
    ]
    .iter()
    .any(|p| lower.starts_with(p))
}

/// The split named by a word between a count and its unit.
fn filler_split(count_and_unit: &str) -> Option<Split> {
    count_and_unit
        .split(|c: char| !c.is_ascii_alphabetic())
        .find_map(|w| match w.to_ascii_lowercase().as_str() {
            "training" | "train" => Some(Split::Train),
            "test" | "testing" => Some(Split::Test),
            "query" => Some(Split::Query),
            "gallery" => Some(Split::Gallery),
            _ => None,
        })
}

/// The split a clause names.
fn split_in(window: &str) -> Option<Split> {
    let w = window.to_ascii_lowercase();
    let has = |words: &[&str]| words.iter().any(|x| w.contains(x));
    if has(&["query", "queries", "probe"]) {
        Some(Split::Query)
    } else if has(&["gallery"]) {
        Some(Split::Gallery)
    } else if has(&["distractor"]) {
        Some(Split::Distractors)
    } else if has(&[
        "for training",
        "training set",
        "train set",
        "trainset",
        "training split",
        "training data",
        "training images",
        "used to train",
        "for train",
    ]) {
        Some(Split::Train)
    } else if has(&[
        "for testing",
        "test set",
        "testing set",
        "testset",
        "test split",
        "for test",
        "test images",
        "evaluation set",
        "for evaluation",
    ]) {
        Some(Split::Test)
    } else if has(&[
        "in total",
        "total",
        "whole",
        "entire",
        "contains",
        "consists",
        "includes",
        "comprises",
    ]) {
        Some(Split::Total)
    } else {
        None
    }
}

/// How a claim fits a registry statistic.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Fit {
    /// Same quantity, compatible split, same value.
    Exact,
    /// Same quantity, compatible split, value within rounding.
    Approximate,
}

/// Whether a count says which dataset it is about on its own: at least
/// 100, and not a round number (16,522 is some dataset's; 10,000 or 2,000
/// is anyone's). A count tied to a name needs neither.
pub(crate) fn distinctive(c: &Claim) -> bool {
    let v = c.value.round() as u64;
    !c.approximate && v >= 100 && !v.is_multiple_of(100)
}

/// The best fit of `claim` among `entry`'s statistics. A count the text
/// gives as the whole ("includes 1M images") is compared with the training
/// split where the entry records no total for that quantity: for a
/// training set such as MS-Celeb-1M, the release is its training split.
pub(crate) fn best_fit<'e>(
    claim: &Claim,
    entry: &'e crate::registry::Entry,
) -> Option<(Fit, &'e Statistic)> {
    let whole = claim.split == Some(Split::Total)
        && !entry
            .statistics
            .iter()
            .any(|s| same_quantity(claim.quantity, s.quantity) && s.split == Split::Total);
    entry
        .statistics
        .iter()
        .filter_map(|s| {
            let f = fit(claim, s).or_else(|| {
                (whole && s.split == Split::Train)
                    .then(|| {
                        fit(
                            &Claim {
                                split: None,
                                ..claim.clone()
                            },
                            s,
                        )
                    })
                    .flatten()
            });
            f.map(|f| (f, s))
        })
        .min_by_key(|(f, _)| *f)
}

/// Whether `claim` agrees with `stat`, and how closely.
pub(crate) fn fit(claim: &Claim, stat: &Statistic) -> Option<Fit> {
    if !same_quantity(claim.quantity, stat.quantity) || !splits_compatible(claim.split, stat.split)
    {
        return None;
    }
    let v = stat.value as f64;
    if (claim.value - v).abs() < 0.5 && !claim.approximate && !stat.approximate {
        return Some(Fit::Exact);
    }
    let rel = (claim.value - v).abs() / v.max(1.0);
    let tolerance = if claim.approximate || stat.approximate {
        claim.tolerance
    } else {
        0.0
    };
    (rel <= tolerance).then_some(Fit::Approximate)
}

/// Whether a count the text gives in one unit can be a statistic recorded in
/// another: a person re-identification dataset's "images" are its bounding
/// boxes (each image is a crop of one detected person), so "16,522 training
/// images" is DukeMTMC-reID's 16,522 training boxes.
pub(crate) fn same_quantity(text: Quantity, stat: Quantity) -> bool {
    text == stat
        || matches!(
            (text, stat),
            (Quantity::Images, Quantity::Boxes) | (Quantity::Boxes, Quantity::Images)
        )
}

/// The relative error a rounded number may carry ("1M" may stand for 1.4M).
pub(crate) fn rounding_of(value: f64) -> f64 {
    let magnitude = 10f64.powf(value.abs().max(1.0).log10().floor());
    let leading = (value / magnitude).fract() == 0.0;
    if leading {
        0.5 * magnitude / value.max(1.0)
    } else {
        APPROX_TOLERANCE
    }
}

/// A text split fits a statistic's split when they agree, when the text
/// names none, or when "test" stands for a benchmark's query/gallery/probe
/// (or for the whole of a benchmark used only for testing).
fn splits_compatible(text: Option<Split>, stat: Split) -> bool {
    match text {
        // A subset is said only where it is described; a text's total,
        // train or test count is never a subset's.
        None => true,
        Some(_) if stat == Split::Subset => false,
        Some(t) if t == stat => true,
        // An evaluation benchmark's whole is its test set (LFW).
        Some(Split::Test) => matches!(
            stat,
            Split::Gallery | Split::Query | Split::Probe | Split::Total
        ),
        Some(Split::Query) => stat == Split::Probe,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::sentences::sentence_spans;

    /// What a claim reads as: quantity, value, split.
    type Read = (Quantity, f64, Option<Split>);

    fn read(text: &str) -> Vec<Read> {
        claims(text, &sentence_spans(text))
            .into_iter()
            .map(|c| (c.quantity, c.value, c.split))
            .collect()
    }

    #[test]
    fn reads_counts_with_units_and_splits() {
        use Quantity::*;
        let cases: Vec<(&str, Vec<Read>)> = vec![
            (
                "DukeMTMC provides 16,522 bounding boxes of 702 identities for training and 17,661 for testing.",
                vec![
                    (Boxes, 16522.0, Some(Split::Train)),
                    (Identities, 702.0, Some(Split::Train)),
                    (Boxes, 17661.0, Some(Split::Test)),
                ],
            ),
            (
                "MS-Celeb-1M includes 1M images of 100K subjects.",
                vec![
                    (Images, 1e6, Some(Split::Total)),
                    (Identities, 1e5, Some(Split::Total)),
                ],
            ),
            (
                "LFW has 13,233 labeled face images of 5,749 people",
                vec![(Images, 13233.0, None), (Identities, 5749.0, None)],
            ),
            (
                "85k IDs and 5.8 million images",
                vec![(Identities, 85e3, None), (Images, 5.8e6, None)],
            ),
            (
                // The split word between count and unit beats "contains".
                "DukeMTMC contains 16,522 training images of 702 identities, with 2,228 query images.",
                vec![
                    (Images, 16522.0, Some(Split::Train)),
                    (Identities, 702.0, Some(Split::Train)),
                    (Images, 2228.0, Some(Split::Query)),
                ],
            ),
            (
                "a query set of 2,228 images",
                vec![(Images, 2228.0, Some(Split::Query))],
            ),
            ("accuracy of 99.5% in 2017", vec![]),
            ("captured by 8 cameras", vec![(Cameras, 8.0, None)]),
            (
                "We train on MS-Celeb-1M, refined to 5,822,653 images of 85,742 identities, and test",
                vec![(Images, 5822653.0, None), (Identities, 85742.0, None)],
            ),
        ];
        for (text, expected) in cases {
            assert_eq!(read(text), expected, "{text}");
        }
    }
}
