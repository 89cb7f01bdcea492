//! A report's findings as Scholix link records (the Scholix link
//! information package, v3 field names): one `References` link from the
//! paper to each dataset, derivative or model the report says it uses, so a
//! publisher or an index of data citations can take in a corpus's findings.
//!
//! The target is named so that no two entries share it: the data's own
//! landing page, else its paper (then typed `literature`), else a shared
//! landing page, else its registry id (`x-whichdata.target` says which).
//!
//! Scholix has no place for a provider's own fields; whichdata's
//! confidence, status and concerns go in one `x-whichdata` object, which
//! the project's schema (`schemas/scholix-link.schema.json`) allows and a
//! strict consumer can drop.

use serde_json::{Value, json};

use crate::attention;
use crate::engine::Report;
use crate::registry::{EntryKind, Registry};

use super::identify::{self, Identifier, TargetKind};

/// The paper a report is about.
#[derive(Clone, Debug)]
pub struct Paper<'a> {
    /// How the paper is known: a DOI, a URL or a corpus id.
    pub id: Identifier,
    /// Its title, when known.
    pub title: Option<&'a str>,
}

impl<'a> Paper<'a> {
    /// The paper a report is about, known by `id` (read as a DOI, a URL or
    /// a local name), with the title the report read from it, if any.
    pub fn of_report(id: &str, report: &'a Report) -> Paper<'a> {
        Paper {
            id: Identifier::of_document(id),
            title: report.outline.as_ref().and_then(|o| o.title.as_deref()),
        }
    }
}

/// One link per entry the report says the paper uses (its suggestions),
/// best first. `link_date` is the records' `LinkPublicationDate`
/// (ISO 8601), given by the caller so that a corpus run can be reproduced.
pub fn links(
    registry: &Registry,
    report: &Report,
    paper: &Paper<'_>,
    link_date: &str,
) -> Vec<Value> {
    report
        .suggestions
        .iter()
        .filter_map(|s| {
            let entry = registry.entry(&s.id)?;
            let (target, kind) = identify::as_target(registry, entry);
            let group = report.groups.iter().find(|g| g.family == s.family);
            let concerns: Vec<String> = attention::concerns(registry, entry)
                .iter()
                .map(attention::Concern::label)
                .collect();
            // Named by its paper, the target is literature: the dataset's
            // paper, not the data.
            let target_type = match (kind, entry.kind) {
                (TargetKind::Paper, _) => json!({"Name": "literature"}),
                (_, EntryKind::Model) => {
                    json!({"Name": "unknown", "SubType": "Model", "SubTypeSchema": "DataCite"})
                }
                (TargetKind::Unknown, _) => json!({"Name": "unknown"}),
                (TargetKind::Dataset, _) => json!({"Name": "dataset"}),
            };
            Some(json!({
                "LinkPublicationDate": link_date,
                "LinkProvider": [{"Name": "whichdata"}],
                "RelationshipType": {"Name": "References"},
                "Source": object(&paper.id, json!({"Name": "literature"}), paper.title),
                "Target": object(&target, target_type, Some(&entry.name)),
                "x-whichdata": {
                    "entry": entry.id,
                    "family": entry.family,
                    "role": s.role.as_str(),
                    "confidence": s.confidence,
                    "status": group.map_or(report.status.as_str(), |g| g.status.as_str()),
                    "target": match kind {
                        TargetKind::Dataset => "dataset",
                        TargetKind::Paper => "paper",
                        TargetKind::Unknown => "registry-id",
                    },
                    "concerns": concerns,
                    "version": env!("CARGO_PKG_VERSION"),
                },
            }))
        })
        .collect()
}

fn object(id: &Identifier, kind: Value, title: Option<&str>) -> Value {
    let mut identifier = json!({"ID": id.id, "IDScheme": id.scheme.scholix()});
    if let Some(url) = id.url() {
        identifier["IDURL"] = json!(url);
    }
    let mut o = json!({"Identifier": identifier, "Type": kind});
    if let Some(t) = title.filter(|t| !t.trim().is_empty()) {
        o["Title"] = json!(t);
    }
    o
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Analyzer;

    #[test]
    fn one_link_per_dataset_used_with_the_papers_doi_as_source() {
        let registry = Registry::builtin().unwrap();
        let report = Analyzer::new(registry)
            .analyze(
                "We train on MS1MV2 and evaluate on DukeMTMC-reID and Market-1501.",
                &[],
            )
            .unwrap();
        let paper = Paper {
            id: Identifier::of_document("https://doi.org/10.1000/xyz"),
            title: Some("A paper"),
        };
        let links = links(registry, &report, &paper, "2026-11-27T00:00:00Z");
        assert_eq!(links.len(), report.suggestions.len());
        assert!(links.len() >= 3, "{links:?}");
        for l in &links {
            assert_eq!(l["Source"]["Identifier"]["ID"], "10.1000/xyz");
            assert_eq!(l["Source"]["Identifier"]["IDScheme"], "doi");
            assert_eq!(l["RelationshipType"]["Name"], "References");
            assert!(l["Target"]["Identifier"]["ID"].is_string());
        }
        let duke = links
            .iter()
            .find(|l| l["x-whichdata"]["entry"] == "D2")
            .expect("a link to DukeMTMC-reID");
        assert!(
            duke["x-whichdata"]["concerns"]
                .to_string()
                .contains("derived from DukeMTMC")
        );
    }
}
