//! Every weight and threshold of the decision, in one place, in log-odds.
//!
//! The model has two stages (see ARCHITECTURE.md). Stage one asks whether
//! the text uses a family of related datasets at all; it starts from a prior
//! (the study's published rate of use among papers citing a dataset's paper,
//! when the paper is cited) and adds evidence. Stage two asks which member
//! of the family it uses, scoring each on evidence that is specific to one
//! version (its own name, its own paper, its statistics, its cues).
//!
//! The values are round numbers chosen for what each piece of evidence
//! means, then checked against the study's coded papers; they are not fitted
//! one by one.

// ---- Stage one: is the family used? ----

/// Log-odds that a text uses a dataset it neither names nor cites.
pub(crate) const NO_CITATION_PRIOR: f64 = -2.5;
/// Rate of use among citing papers assumed for entries the study did not
/// sample (non-study datasets, unsampled derivatives).
pub(crate) const DEFAULT_CITATION_RATE: f64 = 0.3;
/// The text names a family member in a sentence that says it is used (or
/// in the title).
pub(crate) const NAMED_IN_USE: f64 = 3.5;
/// The text names a family member without saying it is used.
pub(crate) const NAMED_ONLY: f64 = 1.5;
/// A near spelling counts for this share of a name.
pub(crate) const FUZZY_SHARE: f64 = 0.8;
/// The paper's task is one the family benchmarks.
pub(crate) const TASK_FITS: f64 = 0.5;
/// The text names a task, but none the family benchmarks.
pub(crate) const TASK_MISSING: f64 = -2.0;
/// The text reports experiments.
pub(crate) const EXPERIMENTS: f64 = 0.5;
/// The text is a survey or discussion of datasets.
pub(crate) const DISCUSSION: f64 = -2.0;
/// The text names other datasets for the same task in use, but none of this
/// family: the citation is more likely background than use.
pub(crate) const OTHERS_NAMED: f64 = -1.5;
/// A count in the text matches a member's statistics exactly (per count).
pub(crate) const STAT_EXACT_USE: f64 = 1.5;
/// At most this much use evidence comes from statistics.
pub(crate) const STAT_USE_CAP: f64 = 3.0;
/// A family is used when its probability reaches this.
pub(crate) const USE_THRESHOLD: f64 = 0.5;

// ---- Stage two: which member? ----

/// The text names this version itself (a derivative's own name).
pub(crate) const OWN_NAME: f64 = 3.0;
/// The text uses a name this version shares with relatives, or the family's
/// root name, which papers use for every version.
pub(crate) const SHARED_NAME: f64 = 0.5;
/// The reference list cites this version's own paper.
pub(crate) const OWN_PAPER: f64 = 1.5;
/// A citation marker beside the name resolves to this version's paper.
pub(crate) const MARKER: f64 = 2.0;
/// A count fits this version's statistics exactly.
pub(crate) const STAT_EXACT: f64 = 2.0;
/// A count fits within rounding.
pub(crate) const STAT_APPROX: f64 = 0.75;
/// A count of a quantity this version records contradicts it.
pub(crate) const STAT_CONFLICT: f64 = -1.0;
/// At most this much member evidence comes from statistics.
pub(crate) const STAT_MEMBER_CAP: f64 = 4.0;
/// A descriptive cue near the name fits this version.
pub(crate) const CUE_FITS: f64 = 1.0;
/// A descriptive cue near the name does not fit this version, but fits a
/// relative: the text describes something this version does not have, which
/// outweighs the popularity tie-breaker.
pub(crate) const CUE_MISSING: f64 = -1.5;
/// This version is a variant (video, occluded, attributes…) the text does not describe.
pub(crate) const VARIANT_UNDESCRIBED: f64 = -0.5;
/// The paper's task is this version's.
pub(crate) const MEMBER_TASK_FITS: f64 = 0.75;
/// The paper's task is a relative's, not this version's.
pub(crate) const MEMBER_TASK_MISSING: f64 = -1.5;
/// Per unit of ln(1 + documented uses): a tempered prior toward the version
/// the study found most used. It separates DukeMTMC-reID (142 uses) from
/// DukeMTMC4ReID (3) when nothing else does, but not LFW-a (14) from the
/// other aligned versions of LFW (2–4), which the study itself could not.
pub(crate) const POPULARITY: f64 = 0.3;
/// A version is identified when it leads the next by at least this much;
/// otherwise every version within this distance of the leader stays open.
pub(crate) const DECISIVE_MARGIN: f64 = 1.0;
/// At most this many candidates are listed for one ambiguity.
pub(crate) const MAX_CANDIDATES: usize = 8;

/// Characters of context kept on each side of a mention in an excerpt.
pub(crate) const EXCERPT_CONTEXT: usize = 240;

/// The logistic function: log-odds to probability.
pub(crate) fn probability(log_odds: f64) -> f64 {
    1.0 / (1.0 + (-log_odds).exp())
}

/// Probability to log-odds, clamped away from 0 and 1.
pub(crate) fn log_odds(p: f64) -> f64 {
    let p = p.clamp(0.01, 0.99);
    (p / (1.0 - p)).ln()
}
