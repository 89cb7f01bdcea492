//! The engine: from a text and its reference list to a report.
//!
//! An [`Analyzer`] is built once from a registry and a fitted [`Model`] (it
//! compiles the name and cue automata and indexes the papers); `analyze`
//! then reads a text in a fixed number of passes, each linear in the text:
//!
//! 1. the document's structure (`structure`): title, headings, its own
//!    reference section; tables (`tables`);
//! 2. mentions of registry names (`mentions`), kept only with dataset
//!    context where the name is an ordinary word (`ordinary`), and how each
//!    sentence relates them to the work (`relations`);
//! 3. cue words (`cues`), counts (`statistics`), citation markers
//!    (`citations`), use words (`usage`);
//! 4. the reference list matched to the registry's papers (`references`);
//!
//! gathers from these the evidence for every group of related entries
//! (`evidence`), and decides it with the model's fitted weights (`model`).
//! Evidence and decision are separate so that `whichdata fit` and
//! cross-validation can read a text once and decide it under many models.

mod citations;
mod cues;
pub(crate) mod evidence;
mod mentions;
pub(crate) mod model;
mod ordinary;
mod references;
mod relations;
mod report;
mod statistics;
mod structure;
mod tables;
mod usage;

pub use evidence::{Evidence, GroupVectors};
pub use model::decide::{GroupScores, GroupVerdict};
pub use model::features::{Sign, UseFeature, VersionFeature};
pub use model::{MODEL_FORMAT, Model, Thresholds};
pub use references::{ReferenceEntry, parse_reference_list};
pub use report::{
    CitationRate, Excerpt, Group, Mention, Outline, Reason, ReasonKind, ReferenceSection, Report,
    Role, Section, Stage, Suggestion, Verdict, thousands,
};

use std::sync::Arc;

use crate::error::Error;
use crate::registry::{EntryKind, Quantity, Registry};
use crate::text::hash::FastMap;
use crate::text::sentences::sentence_of;
use statistics::{Claim, same_quantity};

/// The largest text `analyze` accepts, in bytes (a long paper is ~100 KB).
/// Larger input is refused with an error rather than slowing a page down.
pub const MAX_TEXT_BYTES: usize = 2 * 1024 * 1024;
/// The largest reference list accepted, in entries.
pub const MAX_REFERENCES: usize = 5_000;

/// Characters of context kept on each side of a mention in an excerpt.
const EXCERPT_CONTEXT: usize = 240;

/// A registry compiled for analysis, with the model that decides. Build
/// once, analyse many texts.
pub struct Analyzer<'r> {
    registry: Held<'r>,
    model: Model,
    names: mentions::NameIndex,
    cues: cues::CueIndex,
    papers: references::PaperIndex,
    /// The entries of each competing group.
    groups: Vec<Vec<usize>>,
    /// The group of each entry.
    group_of: Vec<usize>,
    /// Exact statistics: (quantity, value) → entries.
    stats: FastMap<(Quantity, u64), Vec<usize>>,
}

/// The registry an analyzer reads: borrowed (the CLI's, the built-in one),
/// or shared and owned with it, so that a front end that swaps registries
/// (the page, when a user loads one) frees the old registry with its
/// analyzer instead of keeping both alive for the page's lifetime.
enum Held<'r> {
    Borrowed(&'r Registry),
    Shared(Arc<Registry>),
}

impl std::ops::Deref for Held<'_> {
    type Target = Registry;

    fn deref(&self) -> &Registry {
        match self {
            Held::Borrowed(r) => r,
            Held::Shared(r) => r,
        }
    }
}

impl Analyzer<'static> {
    /// Compiles a shared registry for analysis with the built-in model; the
    /// analyzer keeps the registry alive, and dropping the last of them
    /// frees it.
    pub fn shared(registry: Arc<Registry>) -> Analyzer<'static> {
        Analyzer::build(Held::Shared(registry), Model::builtin().clone())
    }
}

impl<'r> Analyzer<'r> {
    /// Compiles `registry` for analysis with the built-in model.
    pub fn new(registry: &'r Registry) -> Analyzer<'r> {
        Analyzer::with_model(registry, Model::builtin().clone())
    }

    /// Compiles `registry` for analysis with `model`.
    pub fn with_model(registry: &'r Registry, model: Model) -> Analyzer<'r> {
        Analyzer::build(Held::Borrowed(registry), model)
    }

    fn build(held: Held<'r>, model: Model) -> Analyzer<'r> {
        let registry: &Registry = &held;
        let mut stats: FastMap<(Quantity, u64), Vec<usize>> = FastMap::default();
        for (i, e) in registry.entries().iter().enumerate() {
            for s in &e.statistics {
                if !s.approximate {
                    let owners = stats.entry((s.quantity, s.value)).or_default();
                    if !owners.contains(&i) {
                        owners.push(i);
                    }
                }
            }
        }
        // Entries compete within a group: the datasets, annotation sets and
        // protocols of one family (a text that says "LFW with attribute
        // labels" may mean any labelled version; a count of LFW's images
        // fits LFW and its BLUFR protocol alike); models stand alone, run
        // beside a dataset rather than instead of one. A text that uses two
        // members (LFW and its BLUFR protocol) names each.
        let mut keys: FastMap<String, usize> = FastMap::default();
        let mut groups: Vec<Vec<usize>> = Vec::new();
        let mut group_of = Vec::with_capacity(registry.entries().len());
        for (i, e) in registry.entries().iter().enumerate() {
            let key = match e.kind {
                EntryKind::Dataset | EntryKind::AnnotationSet | EntryKind::Protocol => {
                    format!("family:{}", e.family)
                }
                EntryKind::Model => format!("entry:{}", e.id),
            };
            let g = *keys.entry(key).or_insert_with(|| {
                groups.push(Vec::new());
                groups.len() - 1
            });
            groups[g].push(i);
            group_of.push(g);
        }
        let names = mentions::NameIndex::new(registry);
        let papers = references::PaperIndex::new(registry);
        Analyzer {
            registry: held,
            model,
            groups,
            group_of,
            names,
            cues: cues::CueIndex::new(),
            papers,
            stats,
        }
    }

    /// The registry this analyzer reads.
    pub fn registry(&self) -> &Registry {
        &self.registry
    }

    /// The model this analyzer decides with.
    pub fn model(&self) -> &Model {
        &self.model
    }

    /// Analyses `text` with its reference list (one entry per item; may be
    /// empty). A whole paper's own reference section is found and used too.
    /// Pure and deterministic; the order of `references` does not matter
    /// except for which entry a numbered marker names.
    pub fn analyze(&self, text: &str, references: &[String]) -> Result<Report, Error> {
        let evidence = self.evidence(text, references)?;
        Ok(self.decide(&evidence))
    }

    /// The evidence `text` gives, before any weights (for fitting).
    pub fn evidence(&self, text: &str, references: &[String]) -> Result<Evidence, Error> {
        if text.len() > MAX_TEXT_BYTES {
            return Err(Error::too_large(
                "text",
                text.len(),
                MAX_TEXT_BYTES,
                "bytes",
            ));
        }
        if references.len() > MAX_REFERENCES {
            return Err(Error::too_large(
                "reference list",
                references.len(),
                MAX_REFERENCES,
                "entries",
            ));
        }
        // An item may itself be a pasted list, numbered or not.
        let entries: Vec<ReferenceEntry> = references
            .iter()
            .flat_map(|r| parse_reference_list(r))
            .collect();
        Ok(self.evidence_entries(text, &entries))
    }

    /// Analyses `text` with an already-parsed reference list.
    pub fn analyze_entries(&self, text: &str, references: &[ReferenceEntry]) -> Report {
        self.decide(&self.evidence_entries(text, references))
    }

    /// Decides `evidence` with this analyzer's model.
    pub fn decide(&self, evidence: &Evidence) -> Report {
        model::decide::decide(self, &self.model, evidence)
    }

    /// Each group's scores under `model` (probability of use, members'
    /// shares), in the order of `evidence`: what the thresholds read.
    pub fn scores(&self, model: &Model, evidence: &Evidence) -> Vec<GroupScores> {
        model::decide::scores(model, evidence)
    }

    /// Decides `evidence` with another model (cross-validation).
    pub fn decide_with(&self, model: &Model, evidence: &Evidence) -> Report {
        model::decide::decide(self, model, evidence)
    }

    fn evidence_entries(&self, text: &str, references: &[ReferenceEntry]) -> Evidence {
        let structure = structure::Structure::read(text);
        let body = structure.body(text);
        let ctx = evidence::context::Context::read(self, &body, text, structure, references);
        let groups = evidence::gather(&ctx);
        let mentions: Vec<Mention> = ctx
            .mentions
            .iter()
            .map(|m| Mention {
                text: text[m.raw.span.0..m.raw.span.1].to_string(),
                span: m.raw.span,
                entry: self.registry.entries()[m.raw.owners[0].entry].id.clone(),
                entries: m
                    .raw
                    .owners
                    .iter()
                    .map(|o| self.registry.entries()[o.entry].id.clone())
                    .collect(),
                fuzzy: m.raw.fuzzy,
            })
            .collect();
        let mut excerpts = excerpts(ctx.text, &ctx.sentences, &mentions);
        for x in &mut excerpts {
            x.section = section_name(text, &ctx.structure, x.span.0);
        }
        let outline = outline(text, &ctx.structure, ctx.own_references);
        Evidence {
            groups,
            mentions,
            excerpts,
            outline,
        }
    }

    /// Entries with a statistic exactly equal to the claim's count (in the
    /// claim's unit, or one that means the same).
    pub(crate) fn exact_statistic_owners(&self, c: &Claim) -> impl Iterator<Item = usize> + '_ {
        let value = c.value as u64;
        let quantity = c.quantity;
        Quantity::ALL
            .iter()
            .filter(move |&&q| same_quantity(quantity, q))
            .filter_map(move |&q| self.stats.get(&(q, value)))
            .flatten()
            .copied()
    }
}

/// The heading of the section byte `at` is in (`Title` in the title).
fn section_name(text: &str, structure: &structure::Structure, at: usize) -> Option<String> {
    if structure.in_title(at) {
        return Some("Title".to_string());
    }
    let h = structure.heading_before(at)?;
    Some(text[h.span.0..h.span.1].trim().to_string())
}

/// A whole paper's outline, when the text has a title, headings or a
/// reference section.
fn outline(text: &str, structure: &structure::Structure, own_references: usize) -> Option<Outline> {
    if structure.title.is_none() && structure.headings.is_empty() && structure.references.is_none()
    {
        return None;
    }
    Some(Outline {
        title: structure
            .title
            .map(|(s, e)| text[s..e].split_whitespace().collect::<Vec<_>>().join(" ")),
        sections: structure
            .headings
            .iter()
            .filter(|h| !structure.in_title(h.span.0))
            .map(|h| Section {
                heading: text[h.span.0..h.span.1].trim().to_string(),
                kind: h.kind.as_str(),
                span: h.span,
            })
            .collect(),
        references: structure.references.map(|span| ReferenceSection {
            span,
            entries: own_references,
        }),
    })
}

/// The passages around mentions, merged where they overlap.
fn excerpts(text: &str, sentences: &[(usize, usize)], mentions: &[Mention]) -> Vec<Excerpt> {
    let mut out: Vec<Excerpt> = Vec::new();
    for m in mentions {
        let (ss, se) = sentences
            .get(sentence_of(sentences, m.span.0))
            .copied()
            .unwrap_or((0, text.len()));
        let start = floor_char(text, ss.max(m.span.0.saturating_sub(EXCERPT_CONTEXT)));
        let end = ceil_char(text, se.min(m.span.1 + EXCERPT_CONTEXT).max(m.span.1));
        match out.last_mut() {
            Some(last) if start <= last.span.1 => {
                last.span.1 = last.span.1.max(end);
                if !last.entries.contains(&m.entry) {
                    last.entries.push(m.entry.clone());
                }
            }
            _ => out.push(Excerpt {
                span: (start, end),
                text: String::new(),
                entries: vec![m.entry.clone()],
                section: None,
            }),
        }
    }
    for e in &mut out {
        e.text = text[e.span.0..e.span.1].trim().to_string();
    }
    out
}

fn floor_char(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_char(text: &str, mut i: usize) -> usize {
    while i < text.len() && !text.is_char_boundary(i) {
        i += 1;
    }
    i.min(text.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_shared_analyzer_owns_its_registry_and_frees_it() {
        let registry = Arc::new(Registry::from_json(Registry::builtin_json()).unwrap());
        let weak = Arc::downgrade(&registry);
        let analyzer = Analyzer::shared(registry);
        let report = analyzer
            .analyze("We evaluate on DukeMTMC-reID.", &[])
            .unwrap();
        assert_eq!(report.suggestions[0].id, "D2");
        assert!(weak.upgrade().is_some(), "alive while its analyzer is");
        drop(analyzer);
        assert!(weak.upgrade().is_none(), "freed with its analyzer");
    }
}
