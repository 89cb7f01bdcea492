//! What a reviewer must look at first: the entries a text uses that were
//! retracted or derive from retracted data, that grant no licence or only
//! non-commercial terms, or that are no longer available; and the families
//! whose version the text leaves unsettled.
//!
//! The engine says *what* a text uses; this module says which of those
//! facts need attention, as data (so every front end flags the same
//! things), as one summary line, and as an order in which to show the
//! entries (attention first, then by confidence).

use serde::Serialize;

use crate::engine::{Report, Suggestion, Verdict};
use crate::registry::{CommercialUse, Entry, Registry, State};

/// One thing a user must know before relying on an entry.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Concern {
    /// Its creators took it down.
    Retracted {
        /// When (`YYYY` or `YYYY-MM`), if known.
        #[serde(skip_serializing_if = "Option::is_none")]
        date: Option<String>,
    },
    /// It derives (through its parents) from data its creators took down.
    DerivedFromRetracted {
        /// The nearest retracted ancestor's id.
        id: String,
        /// Its name.
        name: String,
        /// When it was taken down, if known.
        #[serde(skip_serializing_if = "Option::is_none")]
        date: Option<String>,
    },
    /// It can no longer be obtained (without a formal retraction).
    Unavailable,
    /// No licence is known: none is published, or the registry records
    /// none. Either way nothing is granted.
    NoLicence {
        /// Whether the registry knows that no licence is published (true)
        /// or simply has no licence on record (false).
        published_none: bool,
    },
    /// Its licence or its distributor's terms forbid commercial use.
    NonCommercial {
        /// Every copy's terms forbid it (rather than some copies').
        every_copy: bool,
    },
}

/// How urgent a concern is; the order in which entries are shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Severity {
    /// Retracted, or derived from retracted data.
    Withdrawn,
    /// No licence, non-commercial terms, or no longer available.
    Terms,
    /// Nothing to flag.
    None,
}

impl Concern {
    /// How urgent it is.
    pub fn severity(&self) -> Severity {
        match self {
            Concern::Retracted { .. } | Concern::DerivedFromRetracted { .. } => Severity::Withdrawn,
            Concern::Unavailable | Concern::NoLicence { .. } | Concern::NonCommercial { .. } => {
                Severity::Terms
            }
        }
    }

    /// A short phrase for a badge or a table cell.
    pub fn label(&self) -> String {
        match self {
            Concern::Retracted { date: Some(d) } => format!("retracted {d}"),
            Concern::Retracted { date: None } => "retracted".to_string(),
            Concern::DerivedFromRetracted { name, date, .. } => match date {
                Some(d) => format!("derived from {name} (retracted {d})"),
                None => format!("derived from {name} (retracted)"),
            },
            Concern::Unavailable => "no longer available".to_string(),
            Concern::NoLicence {
                published_none: true,
            } => "no licence published".to_string(),
            Concern::NoLicence {
                published_none: false,
            } => "no licence known".to_string(),
            Concern::NonCommercial { every_copy: true } => "non-commercial only".to_string(),
            Concern::NonCommercial { every_copy: false } => {
                "non-commercial (some copies)".to_string()
            }
        }
    }
}

/// The concerns of one entry, worst first.
pub fn concerns(registry: &Registry, entry: &Entry) -> Vec<Concern> {
    let mut found = Vec::new();
    if entry.status.state == State::Retracted {
        found.push(Concern::Retracted {
            date: entry.status.date.clone(),
        });
    } else if let Some(ancestor) = registry
        .lineage(&entry.id)
        .into_iter()
        .skip(1)
        .find(|e| e.status.state == State::Retracted)
    {
        found.push(Concern::DerivedFromRetracted {
            id: ancestor.id.clone(),
            name: ancestor.name.clone(),
            date: ancestor.status.date.clone(),
        });
    }
    match &entry.license {
        None => found.push(Concern::NoLicence {
            published_none: false,
        }),
        Some(l) if l.is_none_published() || l.is_unrecorded() => {
            found.push(Concern::NoLicence {
                published_none: l.is_none_published(),
            });
            // No licence, but the distributor's terms may still forbid
            // commercial use (InsightFace's for MS1MV2): say both.
            match l.prohibits_commercial_use {
                CommercialUse::Yes => found.push(Concern::NonCommercial { every_copy: true }),
                CommercialUse::Some => found.push(Concern::NonCommercial { every_copy: false }),
                _ => {}
            }
        }
        Some(l) => match l.prohibits_commercial_use {
            CommercialUse::Yes => found.push(Concern::NonCommercial { every_copy: true }),
            CommercialUse::Some => found.push(Concern::NonCommercial { every_copy: false }),
            // A licence that grants nothing commercially is a licence
            // without commercial permission: say so as the lack of one.
            CommercialUse::NotGranted => found.push(Concern::NoLicence {
                published_none: false,
            }),
            CommercialUse::No | CommercialUse::Unknown => {}
        },
    }
    if entry.status.state == State::Unavailable {
        found.push(Concern::Unavailable);
    }
    crate::sort::sort_by_key(&mut found, Concern::severity);
    found
}

/// One entry the text uses (or may use) and its concerns.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct EntryAttention {
    /// Registry id.
    pub id: String,
    /// Registry name.
    pub name: String,
    /// Whether the text uses it (a suggestion) or may (a candidate).
    pub candidate: bool,
    /// Its concerns, worst first.
    pub concerns: Vec<Concern>,
}

impl EntryAttention {
    /// Its worst concern's severity.
    pub fn severity(&self) -> Severity {
        self.concerns
            .first()
            .map_or(Severity::None, Concern::severity)
    }
}

/// A family whose version the text does not settle.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Unsettled {
    /// The family.
    pub family: String,
    /// The versions left open.
    pub ids: Vec<String>,
}

/// What needs attention in one report.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Attention {
    /// One line a reviewer reads first.
    pub summary: String,
    /// Every suggestion and candidate with its concerns, attention first
    /// (then in the report's order: by confidence).
    pub entries: Vec<EntryAttention>,
    /// Families left ambiguous.
    pub unsettled: Vec<Unsettled>,
}

impl Attention {
    /// The most urgent severity among the entries.
    pub fn worst(&self) -> Severity {
        self.entries
            .iter()
            .map(EntryAttention::severity)
            .min()
            .unwrap_or(Severity::None)
    }

    /// The report's suggestions in this order: attention first, then by
    /// confidence as the engine ranked them.
    pub fn order<'a>(&self, suggestions: &'a [Suggestion]) -> Vec<&'a Suggestion> {
        self.entries
            .iter()
            .filter(|e| !e.candidate)
            .filter_map(|e| suggestions.iter().find(|s| s.id == e.id))
            .collect()
    }

    /// Whether anything needs attention.
    pub fn is_empty(&self) -> bool {
        self.unsettled.is_empty() && self.entries.iter().all(|e| e.concerns.is_empty())
    }
}

/// What needs attention in `report`.
pub fn attention(report: &Report, registry: &Registry) -> Attention {
    let describe = |s: &Suggestion, candidate: bool| EntryAttention {
        id: s.id.clone(),
        name: s.name.clone(),
        candidate,
        concerns: registry
            .entry(&s.id)
            .map(|e| concerns(registry, e))
            .unwrap_or_default(),
    };
    let mut entries: Vec<EntryAttention> = report
        .suggestions
        .iter()
        .map(|s| describe(s, false))
        .chain(report.candidates.iter().map(|s| describe(s, true)))
        .collect();
    // Stable: within a severity, the report's order (confidence) stays.
    crate::sort::sort_by_key(&mut entries, EntryAttention::severity);
    let unsettled: Vec<Unsettled> = report
        .groups
        .iter()
        .filter(|g| g.status == Verdict::Ambiguous)
        .map(|g| Unsettled {
            family: g.family.clone(),
            ids: g.ids.clone(),
        })
        .collect();
    let summary = summary_line(report, &entries, &unsettled, registry);
    Attention {
        summary,
        entries,
        unsettled,
    }
}

fn summary_line(
    report: &Report,
    entries: &[EntryAttention],
    unsettled: &[Unsettled],
    registry: &Registry,
) -> String {
    if report.status == Verdict::None {
        return "Nothing in the registry is used, so nothing is flagged.".to_string();
    }
    let mut parts = Vec::new();
    // Withdrawn data: each entry by name, with what was withdrawn.
    let withdrawn: Vec<String> = entries
        .iter()
        .filter_map(|e| {
            e.concerns.iter().find_map(|c| match c {
                Concern::Retracted { .. } => Some(format!("{} is {}", e.name, c.label())),
                Concern::DerivedFromRetracted { .. } => {
                    Some(format!("{} is {}", e.name, c.label()))
                }
                _ => None,
            })
        })
        .collect();
    if !withdrawn.is_empty() {
        parts.push(withdrawn.join("; "));
    }
    let named = |pick: &dyn Fn(&Concern) -> bool| -> Vec<&str> {
        entries
            .iter()
            .filter(|e| e.concerns.iter().any(pick))
            .map(|e| e.name.as_str())
            .collect()
    };
    let no_licence = named(&|c| matches!(c, Concern::NoLicence { .. }));
    if !no_licence.is_empty() {
        parts.push(format!("no licence known for {}", list(&no_licence)));
    }
    let non_commercial = named(&|c| matches!(c, Concern::NonCommercial { .. }));
    if !non_commercial.is_empty() {
        parts.push(format!(
            "non-commercial terms for {}",
            list(&non_commercial)
        ));
    }
    let unavailable = named(&|c| matches!(c, Concern::Unavailable));
    if !unavailable.is_empty() {
        parts.push(format!("no longer available: {}", list(&unavailable)));
    }
    for u in unsettled {
        let names: Vec<&str> = u
            .ids
            .iter()
            .map(|id| registry.entry(id).map_or(id.as_str(), |e| e.name.as_str()))
            .collect();
        parts.push(format!("unsettled: which of {}", list_or(&names)));
    }
    if parts.is_empty() {
        "Nothing flagged: no entry used is retracted, derived from retracted data, \
         without a known licence, non-commercial or unsettled. Read each licence before use."
            .to_string()
    } else {
        format!("Needs attention: {}.", parts.join("; "))
    }
}

/// "A", "A and B", "A, B and C".
fn list(names: &[&str]) -> String {
    join_last(names, " and ")
}

/// "A or B", "A, B or C".
fn list_or(names: &[&str]) -> String {
    join_last(names, " or ")
}

fn join_last(names: &[&str], last: &str) -> String {
    match names {
        [] => String::new(),
        [one] => (*one).to_string(),
        [init @ .., end] => format!("{}{last}{end}", init.join(", ")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Analyzer;

    fn builtin() -> &'static Registry {
        Registry::builtin().expect("the built-in registry loads")
    }

    #[test]
    fn a_derivative_of_retracted_data_says_so_and_comes_first() {
        let registry = builtin();
        let d2 = registry.entry("D2").unwrap();
        let found = concerns(registry, d2);
        assert!(
            matches!(&found[0], Concern::DerivedFromRetracted { id, .. } if id == "D1"),
            "{found:?}"
        );
        assert_eq!(found[0].severity(), Severity::Withdrawn);
    }

    #[test]
    fn silence_about_a_licence_is_flagged_not_taken_for_permission() {
        let registry = builtin();
        let unlicensed = registry
            .entries()
            .iter()
            .find(|e| e.license.is_none())
            .expect("some entry has no licence on record");
        assert!(
            concerns(registry, unlicensed)
                .iter()
                .any(|c| matches!(c, Concern::NoLicence { .. }))
        );
    }

    #[test]
    fn a_face_paper_on_ms1mv2_flags_it_first() {
        let registry = builtin();
        let text = "We train ArcFace on MS1MV2 (MS1M-ArcFace), a cleaned version of \
                    MS-Celeb-1M, and evaluate on LFW, CFP-FP, AgeDB-30 and CALFW.";
        let report = Analyzer::new(registry).analyze(text, &[]).unwrap();
        let attention = attention(&report, registry);
        let first = &attention.entries[0];
        assert_eq!(first.severity(), Severity::Withdrawn, "{attention:?}");
        assert!(
            attention.summary.starts_with("Needs attention: ")
                && attention.summary.contains("retracted"),
            "{}",
            attention.summary
        );
        let ordered = attention.order(&report.suggestions);
        assert_eq!(ordered[0].id, first.id);
        assert_eq!(ordered.len(), report.suggestions.len());
    }

    #[test]
    fn an_unsettled_family_is_named_in_the_summary() {
        let registry = builtin();
        // The study's Table 7: "a cleaned version of MS-Celeb-1M".
        let text = include_str!("../tests/fixtures/table7-msceleb.txt");
        let report = Analyzer::new(registry).analyze(text, &[]).unwrap();
        assert_eq!(report.status, Verdict::Ambiguous);
        let attention = attention(&report, registry);
        assert!(!attention.unsettled.is_empty());
        assert!(
            attention.summary.contains("unsettled: which of ")
                && attention.summary.contains("MS1MV2"),
            "{}",
            attention.summary
        );
    }

    #[test]
    fn no_licence_and_non_commercial_terms_are_both_said() {
        let registry = builtin();
        let d10 = registry.entry("D10").unwrap();
        let found = concerns(registry, d10);
        assert!(found.contains(&Concern::NoLicence {
            published_none: true
        }));
        assert!(
            found
                .iter()
                .any(|c| matches!(c, Concern::NonCommercial { .. })),
            "{found:?}"
        );
    }

    #[test]
    fn lists_read_as_english() {
        assert_eq!(list(&["A"]), "A");
        assert_eq!(list(&["A", "B"]), "A and B");
        assert_eq!(list_or(&["A", "B", "C"]), "A, B or C");
    }
}
