//! The engine: from a text and its reference list to a report.
//!
//! An [`Analyzer`] is built once from a registry (it compiles the name and
//! cue automata and indexes the papers); `analyze` then reads a text in a
//! fixed number of passes, each linear in the text:
//!
//! 1. mentions of registry names (`mentions`),
//! 2. cue words (`cues`), counts (`statistics`), citation markers
//!    (`citations`), sentences and use words (`usage`),
//! 3. the reference list matched to the registry's papers (`references`),
//!
//! and hands these observations to `decide`, which scores the families of
//! related entries and the members within each (weights in `weights`).

mod citations;
mod cues;
mod decide;
mod mentions;
mod references;
mod report;
mod statistics;
mod usage;
mod weights;

pub use references::{ReferenceEntry, parse_reference_list};
pub use report::{
    Excerpt, Group, Mention, Reason, ReasonKind, Report, Suggestion, Verdict, thousands,
};

use crate::error::Error;
use crate::registry::{Quantity, Registry};
use crate::text::hash::FastMap;
use crate::text::sentences::{sentence_of, sentence_spans};

/// The largest text `analyze` accepts, in bytes (a long paper is ~100 KB).
/// Larger input is refused with an error rather than slowing a page down.
pub const MAX_TEXT_BYTES: usize = 2 * 1024 * 1024;
/// The largest reference list accepted, in entries.
pub const MAX_REFERENCES: usize = 5_000;

/// A registry compiled for analysis. Build once, analyse many texts.
pub struct Analyzer<'r> {
    registry: &'r Registry,
    names: mentions::NameIndex,
    cues: cues::CueIndex,
    papers: references::PaperIndex,
    /// The entries of each competing group, by `decide::group_key`.
    groups: FastMap<String, Vec<usize>>,
    /// Exact statistics: (quantity, value) → (entry, statistic index).
    stats: FastMap<(Quantity, u64), Vec<(usize, usize)>>,
}

impl<'r> Analyzer<'r> {
    /// Compiles `registry` for analysis.
    pub fn new(registry: &'r Registry) -> Analyzer<'r> {
        let mut stats: FastMap<(Quantity, u64), Vec<(usize, usize)>> = FastMap::default();
        for (i, e) in registry.entries().iter().enumerate() {
            for (k, s) in e.statistics.iter().enumerate() {
                if !s.approximate {
                    stats.entry((s.quantity, s.value)).or_default().push((i, k));
                }
            }
        }
        let mut groups: FastMap<String, Vec<usize>> = FastMap::default();
        for (i, e) in registry.entries().iter().enumerate() {
            groups.entry(decide::group_key(e)).or_default().push(i);
        }
        Analyzer {
            registry,
            groups,
            names: mentions::NameIndex::new(registry),
            cues: cues::CueIndex::new(),
            papers: references::PaperIndex::new(registry),
            stats,
        }
    }

    /// The registry this analyzer reads.
    pub fn registry(&self) -> &'r Registry {
        self.registry
    }

    /// Analyses `text` with its reference list (one entry per item; may be
    /// empty). Pure and deterministic; the order of `references` does not
    /// matter except for which entry a numbered marker names.
    pub fn analyze(&self, text: &str, references: &[String]) -> Result<Report, Error> {
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
        Ok(self.analyze_entries(text, &entries))
    }

    /// Analyses `text` with an already-parsed reference list.
    pub fn analyze_entries(&self, text: &str, references: &[ReferenceEntry]) -> Report {
        let sentences = sentence_spans(text);
        let raw_mentions = self.names.find(text);
        let cue_hits = self.cues.find(text);
        let claims = statistics::claims(text, &sentences);
        let markers = citations::markers(text);

        let mut cited = Vec::new();
        let mut by_number: FastMap<u32, Vec<references::PaperMatch>> = FastMap::default();
        let mut ref_matches: Vec<(usize, Vec<references::PaperMatch>)> = Vec::new();
        for (i, r) in references.iter().enumerate() {
            let matches = self.papers.matches(&r.text);
            if let Some(n) = r.number {
                by_number
                    .entry(n)
                    .or_default()
                    .extend(matches.iter().cloned());
            }
            cited.extend(matches.iter().cloned());
            ref_matches.push((i, matches));
        }
        let marker_papers = resolve_markers(&markers, &by_number, references, &ref_matches);

        let first_sentence = sentences.first().copied().unwrap_or((0, text.len()));
        let observations = decide::Observations {
            text,
            sentences: &sentences,
            mentions: &raw_mentions,
            cues: &cue_hits,
            claims: &claims,
            cited: &cited,
            markers: &marker_papers,
            experiments: usage::experiments(text),
            discussion: usage::discussion(text, first_sentence),
            named: raw_mentions
                .iter()
                .flat_map(|m| m.owners.iter().map(|o| o.entry))
                .collect(),
            domains: usage::domains(text),
            use_cache: Default::default(),
        };
        let mut report = decide::decide(self, &observations);
        report.mentions = raw_mentions
            .iter()
            .map(|m| Mention {
                text: text[m.span.0..m.span.1].to_string(),
                span: m.span,
                entry: self.registry.entries()[m.owners[0].entry].id.clone(),
                entries: m
                    .owners
                    .iter()
                    .map(|o| self.registry.entries()[o.entry].id.clone())
                    .collect(),
                fuzzy: m.fuzzy,
            })
            .collect();
        report.excerpts = excerpts(text, &sentences, &report.mentions);
        report
    }
}

/// Each citation marker with the registry papers it resolves to.
fn resolve_markers(
    markers: &[citations::Marker],
    by_number: &FastMap<u32, Vec<references::PaperMatch>>,
    references: &[ReferenceEntry],
    ref_matches: &[(usize, Vec<references::PaperMatch>)],
) -> Vec<(citations::Marker, Vec<references::PaperMatch>)> {
    markers
        .iter()
        .filter_map(|m| {
            let papers: Vec<references::PaperMatch> = match &m.target {
                citations::MarkerTarget::Numbers(ns) => ns
                    .iter()
                    .filter_map(|n| by_number.get(n))
                    .flatten()
                    .cloned()
                    .collect(),
                citations::MarkerTarget::AuthorYear { surname, year } => ref_matches
                    .iter()
                    .filter(|(i, _)| {
                        let t = &references[*i].text;
                        t.contains(surname.as_str()) && t.contains(&year.to_string())
                    })
                    .flat_map(|(_, ms)| ms.iter().cloned())
                    .collect(),
            };
            (!papers.is_empty()).then(|| (m.clone(), papers))
        })
        .collect()
}

/// The passages around mentions, merged where they overlap.
fn excerpts(text: &str, sentences: &[(usize, usize)], mentions: &[Mention]) -> Vec<Excerpt> {
    let mut out: Vec<Excerpt> = Vec::new();
    for m in mentions {
        let (ss, se) = sentences
            .get(sentence_of(sentences, m.span.0))
            .copied()
            .unwrap_or((0, text.len()));
        let start = floor_char(
            text,
            ss.max(m.span.0.saturating_sub(weights::EXCERPT_CONTEXT)),
        );
        let end = ceil_char(
            text,
            se.min(m.span.1 + weights::EXCERPT_CONTEXT).max(m.span.1),
        );
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
