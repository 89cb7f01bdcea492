//! From evidence and a model to a verdict.
//!
//! For each group the text touches, stage one's log-odds is the sum of its
//! evidence's contributions (fitted weight × value), and the group's
//! probability of use is its logistic. In a family, each member's stage-two
//! score is the sum of its contributions, and its probability of being the
//! version used is its share of the softmax over the family (a conditional
//! logit); a version the text names by its own name where it says it is
//! used keeps at least the fitted rate at which such versions are used (a
//! text can train on ms1m-v1 and on ms1m-v2). A member's confidence is the
//! group's probability times its share, calibrated (Platt scaling fitted on
//! out-of-fold decisions) so that it is the chance of being right.
//!
//! The verdict ([`Thresholds::verdict`]) then reads only these numbers:
//! a family taken to be used whose leading version holds too small a share
//! is ambiguous, its close versions open as candidates (with a sentence
//! saying what would settle it); otherwise every member whose confidence
//! reaches the threshold is identified.

use super::super::Analyzer;
use super::super::cues::{CueHit, related};
use super::super::evidence::{Evidence, GroupEvidence, GroupRole, Item};
use super::super::report::{
    Group, Reason, Report, Role, Stage, Suggestion, Verdict, cue_words, thousands,
};
use super::features::{UseFeature, VersionFeature};
use super::{Model, Thresholds};
use crate::registry::{Entry, Quantity, Split};

/// At most this many candidates are listed for one ambiguity.
const MAX_CANDIDATES: usize = 8;

/// The numbers a verdict is read from, for one group.
#[derive(Clone, Debug, PartialEq)]
pub struct GroupScores {
    /// Probability that the group is used.
    pub use_probability: f64,
    /// Each member (registry entry index) with its share of the group,
    /// best first.
    pub shares: Vec<(usize, f64)>,
    /// Whether each member (in the order of `shares`) is named by its own
    /// name where the text says it is used.
    pub named: Vec<bool>,
    /// Whether a sentence says the text uses the group.
    pub said_used: bool,
}

/// What the thresholds make of a group's scores.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum GroupVerdict {
    /// Not used, or no version likely enough to name.
    None,
    /// These members (indexes into `shares`) are identified.
    Identified(Vec<usize>),
    /// Used, but these members (indexes into `shares`) stay open.
    Ambiguous(Vec<usize>),
}

impl Thresholds {
    /// The verdict on one group's scores: the leader is identified when its
    /// confidence reaches the threshold and it holds enough of its group's
    /// share (or is named in use); another member only when it is named in
    /// use itself. A used family with no member identified, whose leader
    /// holds too small a share, is ambiguous among its close members.
    pub fn verdict(&self, s: &GroupScores) -> GroupVerdict {
        let p = s.use_probability;
        let Some(&(_, best)) = s.shares.first() else {
            return GroupVerdict::None;
        };
        let named = |i: usize| s.named.get(i).copied().unwrap_or(false);
        // Members close enough to the leader to stay open if it is not settled.
        let open: Vec<usize> = (0..s.shares.len())
            .filter(|&i| s.shares[i].1 >= best * self.open_share)
            .take(MAX_CANDIDATES)
            .collect();
        let settled = open.len() < 2 || best >= self.ambiguous_share;
        let chosen: Vec<usize> = (0..s.shares.len())
            .filter(|&i| self.confidence_of(p, s.shares[i].1, s.said_used) >= self.confidence)
            .filter(|&i| named(i) || i == 0 && settled)
            .collect();
        if !chosen.is_empty() {
            GroupVerdict::Identified(chosen)
        } else if !settled && p >= self.use_probability {
            GroupVerdict::Ambiguous(open)
        } else {
            GroupVerdict::None
        }
    }
}

/// Each group's scores under `model`, in the order of the evidence.
pub(crate) fn scores(model: &Model, evidence: &Evidence) -> Vec<GroupScores> {
    evidence
        .groups
        .iter()
        .map(|g| group_scores(model, g).0)
        .collect()
}

/// The scores of one group, with the reasons behind each number.
fn group_scores(model: &Model, g: &GroupEvidence) -> (GroupScores, Vec<Reason>, Vec<Vec<Reason>>) {
    let (log_odds, use_reasons) = reasons(&g.use_items, &model.use_weights, Stage::Use);
    // A group the text itself rules out is not used, whatever its score.
    let p_use = if g.ruled_out {
        0.0
    } else {
        probability(log_odds)
    };
    let said_used = g
        .use_items
        .iter()
        .any(|i| i.feature == UseFeature::NamedUsed.index());
    if g.members.len() == 1 {
        let scores = GroupScores {
            use_probability: p_use,
            shares: vec![(g.members[0], 1.0)],
            named: vec![false],
            said_used,
        };
        return (scores, use_reasons, vec![Vec::new()]);
    }
    let mut scored: Vec<(usize, f64, Vec<Reason>, bool)> = g
        .members
        .iter()
        .zip(&g.member_items)
        .map(|(&m, items)| {
            let (score, rs) = reasons(items, &model.version_weights, Stage::Version);
            let named_in_use = items
                .iter()
                .any(|i| i.feature == VersionFeature::OwnNameUsed.index());
            (m, score, rs, named_in_use)
        })
        .collect();
    // A member that the text's own description contradicts (its words near
    // the names fit none of the member's cues and some of a relative's)
    // drops out, as long as some relative fits part of the description:
    // "LFW with aligned images and age labels" is not the original LFW.
    let ruled_out = ruled_out_by_description(g);
    // Scores to shares: the softmax over the family.
    let top = scored
        .iter()
        .zip(&ruled_out)
        .filter(|(_, out)| !**out)
        .map(|(s, _)| s.1)
        .fold(f64::NEG_INFINITY, f64::max);
    let total: f64 = scored
        .iter()
        .zip(&ruled_out)
        .filter(|(_, out)| !**out)
        .map(|(s, _)| (s.1 - top).exp())
        .sum();
    for (s, &out) in scored.iter_mut().zip(&ruled_out) {
        s.1 = if out { 0.0 } else { (s.1 - top).exp() / total };
        if s.3 && !out {
            s.1 = s.1.max(model.thresholds.named_version);
        }
    }
    crate::sort::sort_by(&mut scored, |a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    let shares = scored.iter().map(|s| (s.0, s.1)).collect();
    let named = scored.iter().map(|s| s.3).collect();
    let member_reasons = scored.into_iter().map(|s| s.2).collect();
    (
        GroupScores {
            use_probability: p_use,
            shares,
            named,
            said_used,
        },
        use_reasons,
        member_reasons,
    )
}

/// For each member of `g`, whether the text's description rules it out: it
/// is described with cues it lacks and with none it has, while some
/// relative has at least one of them. Counts outweigh words: a member whose
/// statistics the text gives exactly is not ruled out by a descriptive word
/// ("DukeMTMC, where occlusion is frequent" with DukeMTMC-reID's counts is
/// not Occluded-DukeMTMC).
fn ruled_out_by_description(g: &GroupEvidence) -> Vec<bool> {
    let cue = VersionFeature::Cue.index();
    let stat_exact = [
        VersionFeature::StatExact.index(),
        VersionFeature::StatExactDistinctive.index(),
    ];
    let has = |items: &[Item], positive: bool| {
        items
            .iter()
            .any(|i| i.feature == cue && (i.value > 0.0) == positive)
    };
    let fits: Vec<bool> = g
        .member_items
        .iter()
        .map(|items| has(items, true))
        .collect();
    if !fits.iter().any(|&f| f) {
        return vec![false; g.member_items.len()];
    }
    g.member_items
        .iter()
        .zip(&fits)
        .map(|(items, &f)| {
            !f && has(items, false) && !items.iter().any(|i| stat_exact.contains(&i.feature))
        })
        .collect()
}

/// Decides every group of `evidence` with `model`.
pub(crate) fn decide(analyzer: &Analyzer<'_>, model: &Model, evidence: &Evidence) -> Report {
    let mut decided: Vec<(Group, Vec<Suggestion>, f64)> = evidence
        .groups
        .iter()
        .filter_map(|g| decide_group(analyzer, model, g))
        .collect();
    crate::sort::sort_by(&mut decided, |a, b| {
        b.2.total_cmp(&a.2)
            .then_with(|| a.0.family.cmp(&b.0.family))
    });
    let mut report = Report {
        status: Verdict::None,
        suggestions: Vec::new(),
        candidates: Vec::new(),
        settle: Vec::new(),
        groups: Vec::new(),
        mentions: evidence.mentions.clone(),
        excerpts: evidence.excerpts.clone(),
        outline: evidence.outline.clone(),
    };
    for (group, members, _) in decided {
        match group.status {
            Verdict::Identified => report.suggestions.extend(members),
            Verdict::Ambiguous => {
                report.candidates.extend(members);
                report.settle.extend(group.settle.clone());
            }
            Verdict::None => {}
        }
        report.groups.push(group);
    }
    crate::sort::sort_by(&mut report.suggestions, |a, b| {
        b.confidence
            .total_cmp(&a.confidence)
            .then_with(|| a.id.cmp(&b.id))
    });
    report.status = if !report.candidates.is_empty() {
        Verdict::Ambiguous
    } else if !report.suggestions.is_empty() {
        Verdict::Identified
    } else {
        Verdict::None
    };
    report
}

/// The logistic function.
pub(crate) fn probability(log_odds: f64) -> f64 {
    1.0 / (1.0 + (-log_odds).exp())
}

/// The reasons for `items` under `weights`, and their sum: one reason per
/// item, its contribution its weight × value (those that contribute
/// nothing are left out).
fn reasons(items: &[Item], weights: &[f64], stage: Stage) -> (f64, Vec<Reason>) {
    let mut total = 0.0;
    let mut out = Vec::with_capacity(items.len());
    for item in items {
        let w = weights.get(item.feature).copied().unwrap_or(0.0) * item.value;
        total += w;
        if w.abs() >= 0.005 {
            out.push(Reason {
                kind: item.kind.clone(),
                span: item.span,
                weight: w,
                stage,
            });
        }
    }
    crate::sort::sort_by(&mut out, |a, b| b.weight.abs().total_cmp(&a.weight.abs()));
    (total, out)
}

fn decide_group(
    analyzer: &Analyzer<'_>,
    model: &Model,
    g: &GroupEvidence,
) -> Option<(Group, Vec<Suggestion>, f64)> {
    let entries = analyzer.registry.entries();
    let (scores, use_reasons, member_reasons) = group_scores(model, g);
    let p_use = scores.use_probability;
    let (status, chosen) = match model.thresholds.verdict(&scores) {
        GroupVerdict::None => return None,
        GroupVerdict::Identified(c) => (Verdict::Identified, c),
        GroupVerdict::Ambiguous(c) => (Verdict::Ambiguous, c),
    };
    let role = match g.role {
        GroupRole::Used => Role::Used,
        GroupRole::Described => Role::Described,
    };
    let suggestions: Vec<Suggestion> = chosen
        .iter()
        .map(|&i| {
            let (m, share) = scores.shares[i];
            let e = &entries[m];
            let mut all = use_reasons.clone();
            all.extend(member_reasons[i].iter().cloned());
            Suggestion {
                id: e.id.clone(),
                name: e.name.clone(),
                family: e.family.clone(),
                role,
                confidence: round3(
                    model
                        .thresholds
                        .confidence_of(p_use, share, scores.said_used),
                ),
                group_probability: round3(p_use),
                version_probability: round3(share),
                reasons: all,
            }
        })
        .collect();
    let settle = (status == Verdict::Ambiguous).then(|| {
        let open: Vec<&Entry> = chosen
            .iter()
            .map(|&i| &entries[scores.shares[i].0])
            .collect();
        settle_text(&g.modifiers, &open)
    });
    let group = Group {
        family: entries[g.members[0]].family.clone(),
        status,
        probability: round3(p_use),
        ids: suggestions.iter().map(|s| s.id.clone()).collect(),
        settle,
    };
    Some((group, suggestions, p_use))
}

/// What to write to settle an ambiguity among `open`.
fn settle_text(modifiers: &[CueHit], open: &[&Entry]) -> String {
    let names: Vec<&str> = open.iter().map(|e| e.name.as_str()).collect();
    // The modifier the text used, if every candidate shares it ("cleaned").
    let adjective = modifiers
        .iter()
        .find(|h| {
            open.iter()
                .all(|e| e.cues.iter().any(|c| related(c.cue, h.cue)))
        })
        .map(|h| format!("{} ", cue_words(h.cue)));
    let mut text = format!(
        "Name the {}version used ({}) and cite its own paper",
        adjective.unwrap_or_default(),
        names.join(" / ")
    );
    let counts: Vec<String> = open
        .iter()
        .filter_map(|e| {
            let get = |q: Quantity| {
                e.statistics
                    .iter()
                    .find(|s| s.quantity == q && s.split == Split::Total)
                    .map(|s| s.value)
            };
            match (get(Quantity::Images), get(Quantity::Identities)) {
                (Some(i), Some(p)) => Some(format!(
                    "{}: {} images of {} identities",
                    e.name,
                    thousands(i),
                    thousands(p)
                )),
                (Some(i), None) => Some(format!("{}: {} images", e.name, thousands(i))),
                _ => None,
            }
        })
        .collect();
    if counts.len() >= 2 {
        text.push_str(&format!(
            ", or give its image and identity counts ({})",
            counts.join("; ")
        ));
    }
    text.push('.');
    text
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}
