//! Evidence: what the text says about each group of related entries (is it
//! used?) and about each member (is it the version used?), as features with
//! the words they rest on. No weights live here: the same evidence is read
//! once and then decided by the fitted model, or by each fold's model when
//! `whichdata eval --cv` cross-validates.

pub(crate) mod context;
mod group_use;
mod models;
mod version;

use crate::text::hash::FastSet;
use std::collections::BTreeSet;

use super::Analyzer;
use super::model::features::{UseFeature, VersionFeature, dense};
use super::relations::Relation;
use super::report::{Excerpt, Mention, ReasonKind};
use super::structure::SectionKind;
use super::structure::Span;
use crate::registry::{Entry, EntryKind, PaperRole};
use context::Context;

/// One piece of evidence: a feature's value, and the reason that shows it.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Item {
    /// Index of the feature (in [`UseFeature`] or [`VersionFeature`]).
    pub feature: usize,
    /// Its value (1 for present; a log-odds or a log-count for some).
    pub value: f64,
    /// What a user reads.
    pub kind: ReasonKind,
    /// The words it rests on, if any.
    pub span: Option<Span>,
}

impl Item {
    /// Evidence for stage one (is the group used?).
    pub(crate) fn use_item(
        f: UseFeature,
        value: f64,
        kind: ReasonKind,
        span: Option<Span>,
    ) -> Item {
        Item::new(f.index(), value, kind, span)
    }

    /// Evidence for stage two (which version?).
    pub(crate) fn version_item(
        f: VersionFeature,
        value: f64,
        kind: ReasonKind,
        span: Option<Span>,
    ) -> Item {
        Item::new(f.index(), value, kind, span)
    }

    fn new(feature: usize, value: f64, kind: ReasonKind, span: Option<Span>) -> Item {
        Item {
            feature,
            value,
            kind,
            span,
        }
    }
}

/// How a used group is used.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum GroupRole {
    /// The text trains, evaluates or runs it (or may: the default).
    Used,
    /// The text describes it (a dataset section, a README, a data card).
    Described,
}

/// The evidence about one group.
#[derive(Clone, Debug)]
pub struct GroupEvidence {
    /// The group's members (registry entry indexes).
    pub(crate) members: Vec<usize>,
    /// Evidence that the group is used.
    pub(crate) use_items: Vec<Item>,
    /// Evidence per member that it is the version used (empty for a
    /// group of one).
    pub(crate) member_items: Vec<Vec<Item>>,
    /// Used or described.
    pub(crate) role: GroupRole,
    /// Ruled out whatever its score: a model the text says was trained on
    /// other data than its family's is another release.
    pub(crate) ruled_out: bool,
    /// What would settle it if it is left open: the modifier the text used
    /// for the family, as written.
    pub(crate) modifiers: Vec<super::cues::CueHit>,
}

/// The evidence a text gives, before any weights: what `whichdata fit`
/// learns from and what every report is decided from.
#[derive(Clone, Debug)]
pub struct Evidence {
    pub(crate) groups: Vec<GroupEvidence>,
    pub(crate) mentions: Vec<Mention>,
    pub(crate) excerpts: Vec<Excerpt>,
    pub(crate) outline: Option<crate::engine::Outline>,
}

/// One group's evidence as feature vectors, for fitting.
#[derive(Clone, Debug, PartialEq)]
pub struct GroupVectors {
    /// Registry ids of the group's members.
    pub ids: Vec<String>,
    /// The stage-one feature vector (by [`UseFeature::ALL`]).
    pub use_vector: Vec<f64>,
    /// Each member's stage-two vector (by [`VersionFeature::ALL`]); empty
    /// for a group of one.
    pub member_vectors: Vec<Vec<f64>>,
}

impl Evidence {
    /// The evidence of every group the text touches, as feature vectors.
    pub fn vectors(&self, analyzer: &Analyzer<'_>) -> Vec<GroupVectors> {
        let entries = analyzer.registry.entries();
        self.groups
            .iter()
            .map(|g| GroupVectors {
                ids: g.members.iter().map(|&m| entries[m].id.clone()).collect(),
                use_vector: dense(
                    UseFeature::ALL.len(),
                    g.use_items.iter().map(|i| (i.feature, i.value)),
                ),
                member_vectors: g
                    .member_items
                    .iter()
                    .map(|items| {
                        dense(
                            VersionFeature::ALL.len(),
                            items.iter().map(|i| (i.feature, i.value)),
                        )
                    })
                    .collect(),
            })
            .collect()
    }
}

/// Reads the evidence for every group the text touches.
pub(crate) fn gather(ctx: &Context<'_>) -> Vec<GroupEvidence> {
    let analyzer = ctx.analyzer;
    let entries = analyzer.registry.entries();
    // Groups with any direct evidence: a name, a cited paper, a large exact count.
    let mut touched: BTreeSet<usize> = BTreeSet::new();
    for m in &ctx.mentions {
        for o in &m.raw.owners {
            touched.insert(analyzer.group_of[o.entry]);
        }
    }
    // A cited paper touches datasets only: a model's paper (ArcFace's) is
    // cited for its method, which says nothing about running its weights.
    // And only the datasets it introduced (or whose creators ask for it): a
    // paper merely related to a dataset (ArcFace's, for InsightFace's
    // repackaging of VGGFace2) is cited for itself.
    for p in &ctx.cited {
        for &e in p.entries.iter().filter(|&&e| {
            entries[e].kind != EntryKind::Model
                && entries[e]
                    .papers
                    .iter()
                    .any(|l| l.source == p.source && l.role != PaperRole::Related)
        }) {
            touched.insert(analyzer.group_of[e]);
        }
    }
    for (c, _) in &ctx.claims {
        if !super::statistics::distinctive(c) || c.value < LARGE_COUNT {
            continue;
        }
        for e in analyzer.exact_statistic_owners(c) {
            touched.insert(analyzer.group_of[e]);
        }
    }
    touched
        .into_iter()
        .map(|g| {
            let members = &analyzer.groups[g];
            // Models are named as methods far more often than run; a
            // protocol stands alone like a model but is used like data.
            let is_model = entries[members[0]].kind == EntryKind::Model;
            let names = group_names(ctx, members);
            let (use_items, role) = group_use::evidence(ctx, members, is_model, &names);
            let member_items = if members.len() > 1 {
                let group = version::GroupCues::read(ctx, members, &names);
                let read: Vec<(Vec<Item>, Option<Item>)> = members
                    .iter()
                    .map(|&m| version::evidence(ctx, members, m, &names, &group))
                    .collect();
                let named_in_use = |items: &[Item]| {
                    items
                        .iter()
                        .any(|i| i.feature == VersionFeature::OwnNameUsed.index())
                };
                let another_named = read.iter().any(|(items, _)| named_in_use(items));
                read.into_iter()
                    .map(|(mut items, original_used)| {
                        if another_named {
                            items.extend(original_used);
                        }
                        items
                    })
                    .collect()
            } else {
                Vec::new()
            };
            let ruled_out = (is_model && models::trained_elsewhere(&use_items))
                || only_in_related_work(ctx, &names)
                || only_cited_in_a_whole_paper(ctx, &names);
            GroupEvidence {
                ruled_out,
                members: members.clone(),
                use_items,
                member_items,
                role,
                modifiers: ctx
                    .modifiers_near(&names.sentences, &names.mentions)
                    .copied()
                    .collect(),
            }
        })
        .collect()
}

/// Whether a whole paper (one with method or experiments sections of its
/// own) names the group only under Related Work, and never says there that
/// it uses it. Such a name is someone else's experiment: the study's coder,
/// reading whole papers, did not count it. (A rule rather than a fitted
/// weight: the development texts are abstracts and passages without
/// sections, so no weight for it could be fitted.)
fn only_in_related_work(ctx: &Context<'_>, names: &GroupNames) -> bool {
    let own_work = ctx.structure.has_own_work();
    own_work
        && !names.mentions.is_empty()
        && names.mentions.iter().all(|&i| {
            let m = &ctx.mentions[i];
            m.section == SectionKind::RelatedWork && !matches!(m.relation, Relation::Used(_))
        })
}

/// Whether a whole paper (method or experiments sections and its own
/// reference list) never names the group at all: it only cites its paper.
/// A whole paper names the data it trains and evaluates on, so a citation
/// alone is someone else's work (VehicleNet cites the DukeMTMC-reID paper
/// for a GAN method). In an abstract, by contrast, the study found most
/// citing papers used the data, and there the citation still counts. (A
/// rule for the same reason as [`only_in_related_work`].)
fn only_cited_in_a_whole_paper(ctx: &Context<'_>, names: &GroupNames) -> bool {
    let own_work = ctx.structure.has_own_work();
    own_work && ctx.own_references > 0 && names.mentions.is_empty()
}

/// A count this large, matching a registry statistic exactly, is evidence
/// on its own (small numbers match by chance).
const LARGE_COUNT: f64 = 1000.0;

/// Where a group is named.
pub(crate) struct GroupNames {
    /// Indexes (into the context's mentions) of mentions of a member.
    pub mentions: Vec<usize>,
    /// Sentences that name a member.
    pub sentences: FastSet<usize>,
}

fn group_names(ctx: &Context<'_>, members: &[usize]) -> GroupNames {
    let mentions: Vec<usize> = ctx
        .mentions
        .iter()
        .enumerate()
        .filter(|(_, m)| m.raw.owners.iter().any(|o| members.contains(&o.entry)))
        .map(|(i, _)| i)
        .collect();
    let sentences = mentions.iter().map(|&i| ctx.mentions[i].sentence).collect();
    GroupNames {
        mentions,
        sentences,
    }
}

/// Whether `x` is a root of the group (no parent among its members).
pub(crate) fn is_root(entries: &[Entry], members: &[usize], x: usize) -> bool {
    entries[x]
        .parent
        .as_deref()
        .is_none_or(|p| !members.iter().any(|&y| entries[y].id == p))
}

/// Whether `source` is the paper that stands for `e`: its associated paper,
/// or, for an entry that has none (LFW-a), a paper its creators ask to be
/// cited. A merely related paper, or another entry's paper that the
/// creators also ask for (DukeMTMC's, for DukeMTMC-reID), says nothing about
/// using this entry.
pub(crate) fn introduces(e: &Entry, source: &str) -> bool {
    use crate::registry::PaperRole;
    let has_associated = e.papers.iter().any(|p| p.role == PaperRole::Associated);
    e.papers.iter().any(|p| {
        p.source == source
            && (p.role == PaperRole::Associated
                || p.role == PaperRole::Requested && !has_associated)
    })
}

/// "Zheng et al. (2017), “Title”".
pub(crate) fn short_citation(analyzer: &Analyzer<'_>, source: &str) -> String {
    match analyzer.registry.source(source).and_then(|s| s.as_paper()) {
        Some(p) => {
            let who = p.first_author_surname().unwrap_or("Anonymous");
            let etal = if p.authors.len() > 1 { " et al." } else { "" };
            format!("{who}{etal} ({}), “{}”", p.year, p.title)
        }
        None => source.to_string(),
    }
}
