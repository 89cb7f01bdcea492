//! An entry as an MLCommons Croissant 1.1 record with the Responsible AI
//! (RAI 1.0) extension: the metadata a dataset catalogue or a data loader
//! reads, carrying what whichdata knows that the dataset's own card may not
//! say — its parent, its retraction, the licence actually on record.
//!
//! The record describes the entry, not its files: whichdata holds no copy
//! of any data, so it lists no `distribution` (mlcroissant accepts a record
//! without one; the spec asks for one where files exist).

use serde_json::{Map, Value, json};

use crate::attention::{self, Concern};
use crate::registry::{CommercialUse, Entry, EntryKind, License, Paper, Registry, State};

use super::identify;

/// Croissant 1.1, then the RAI extension (there is no RAI 1.1).
pub const CONFORMS_TO: [&str; 2] = [
    "http://mlcommons.org/croissant/1.1",
    "http://mlcommons.org/croissant/RAI/1.0",
];

/// The `@context` of Croissant 1.1's own example records, with `prov`
/// added for lineage: each term, its IRI, and the type of its values where
/// the context gives one. (A table rather than JSON text, so that the page
/// needs no JSON parser, nor the several kilobytes of a `json!` literal.)
const CONTEXT: &[(&str, &str, Option<&str>)] = &[
    ("@language", "en", None),
    ("@vocab", "https://schema.org/", None),
    ("citeAs", "cr:citeAs", None),
    ("column", "cr:column", None),
    ("conformsTo", "dct:conformsTo", None),
    ("containedIn", "cr:containedIn", None),
    ("cr", "http://mlcommons.org/croissant/", None),
    ("data", "cr:data", Some("@json")),
    ("dataType", "cr:dataType", Some("@vocab")),
    ("dct", "http://purl.org/dc/terms/", None),
    ("equivalentProperty", "cr:equivalentProperty", None),
    ("examples", "cr:examples", Some("@json")),
    ("extract", "cr:extract", None),
    ("field", "cr:field", None),
    ("fileObject", "cr:fileObject", None),
    ("fileProperty", "cr:fileProperty", None),
    ("fileSet", "cr:fileSet", None),
    ("format", "cr:format", None),
    ("includes", "cr:includes", None),
    ("isLiveDataset", "cr:isLiveDataset", None),
    ("jsonPath", "cr:jsonPath", None),
    ("key", "cr:key", None),
    ("md5", "cr:md5", None),
    ("parentField", "cr:parentField", None),
    ("path", "cr:path", None),
    ("prov", "http://www.w3.org/ns/prov#", None),
    ("rai", "http://mlcommons.org/croissant/RAI/", None),
    ("recordSet", "cr:recordSet", None),
    ("references", "cr:references", None),
    ("regex", "cr:regex", None),
    ("repeated", "cr:repeated", None),
    ("replace", "cr:replace", None),
    ("samplingRate", "cr:samplingRate", None),
    ("sc", "https://schema.org/", None),
    ("separator", "cr:separator", None),
    ("source", "cr:source", None),
    ("subField", "cr:subField", None),
    ("transform", "cr:transform", None),
];

fn context() -> Value {
    let mut terms = Map::new();
    for &(term, iri, value_type) in CONTEXT {
        let definition = match value_type {
            None => Value::from(iri),
            Some(t) => json!({"@id": iri, "@type": t}),
        };
        terms.insert(term.into(), definition);
    }
    Value::Object(terms)
}

/// The Croissant record of `entry`.
pub fn record(registry: &Registry, entry: &Entry) -> Value {
    let mut r = Map::new();
    r.insert("@context".into(), context());
    r.insert("@type".into(), json!("sc:Dataset"));
    r.insert("conformsTo".into(), json!(CONFORMS_TO));
    r.insert("name".into(), json!(entry.name));
    r.insert("description".into(), json!(description(entry)));
    r.insert("identifier".into(), json!(identify::registry_id(entry).id));
    let aliases: Vec<&str> = entry
        .aliases
        .iter()
        .map(|a| a.name.as_str())
        .filter(|a| *a != entry.name)
        .collect();
    if !aliases.is_empty() {
        r.insert("alternateName".into(), json!(aliases));
    }
    let url = identify::home(registry, entry).and_then(|h| h.url());
    if let Some(url) = &url {
        r.insert("url".into(), json!(url));
    }
    let same_as: Vec<&str> = entry
        .access
        .iter()
        .map(|a| a.url.as_str())
        .filter(|u| url.as_deref() != Some(*u))
        .collect();
    // Copies of withdrawn data (mirrors, torrents) are not pointed to.
    if !same_as.is_empty() && entry.status.state != State::Retracted {
        r.insert("sameAs".into(), json!(same_as));
    }
    r.insert(
        "keywords".into(),
        json!([entry.family, entry.kind.as_str()]),
    );
    r.insert("license".into(), license(entry.license.as_ref()));
    if let Some(paper) = identify::own_paper(registry, entry) {
        r.insert("citeAs".into(), json!(bibtex(&entry.id, paper)));
        let creators: Vec<Value> = paper
            .authors
            .iter()
            .map(|a| json!({"@type": "sc:Person", "name": a}))
            .collect();
        if !creators.is_empty() {
            r.insert("creator".into(), json!(creators));
        }
    }
    if let Some(parent) = entry.parent.as_deref().and_then(|p| registry.entry(p)) {
        r.insert("prov:wasDerivedFrom".into(), derived_from(registry, parent));
    }
    r.insert(
        "rai:dataReleaseMaintenancePlan".into(),
        json!(maintenance(registry, entry)),
    );
    r.insert(
        "rai:dataLimitations".into(),
        json!(limitations(registry, entry)),
    );
    r.insert(
        "rai:personalSensitiveInformation".into(),
        json!(sensitive(registry, entry)),
    );
    Value::Object(r)
}

fn description(entry: &Entry) -> String {
    let kind = match entry.kind {
        EntryKind::Dataset => "A dataset",
        EntryKind::Model => "A class of pre-trained models",
        EntryKind::AnnotationSet => "A set of annotations for another dataset's images",
        EntryKind::Protocol => "An evaluation protocol over another dataset",
    };
    let mut s = format!(
        "{kind} in the {} family of whichdata's registry.",
        entry.family
    );
    if let Some(summary) = &entry.summary {
        s = format!("{summary} {s}");
    }
    s
}

/// Where the parent is found, as a provenance entity.
fn derived_from(registry: &Registry, parent: &Entry) -> Value {
    let id = identify::home(registry, parent)
        .and_then(|h| h.url())
        .unwrap_or_else(|| identify::registry_id(parent).id);
    json!({"@id": id, "@type": "prov:Entity", "prov:label": parent.name})
}

/// The licence as a catalogue reads it. A bare SPDX address only where it
/// tells the whole story: every published licence has one, the distributor
/// states no other terms, and what it means for commercial use is known.
/// Otherwise a named work whose name is the full summary (the licences, the
/// distributor's terms, the commercial-use sentence), so that "MIT" for a
/// repository's code is never read as the data's licence.
fn license(license: Option<&License>) -> Value {
    let Some(l) = license else {
        return json!({
            "@type": "sc:CreativeWork",
            "name": "No licence on record: whichdata's sources name none. No permission may be assumed; ask the rights holders before any use."
        });
    };
    let clean = !l.is_unrecorded()
        && !l.is_none_published()
        && l.terms.is_empty()
        && l.spdx.iter().all(Option::is_some)
        && !l.published.iter().any(|p| p == "none")
        && matches!(
            l.prohibits_commercial_use,
            CommercialUse::Yes | CommercialUse::No
        );
    if clean {
        let urls: Vec<Value> = l
            .spdx
            .iter()
            .flatten()
            .map(|id| json!(format!("https://spdx.org/licenses/{id}.html")))
            .collect();
        return match urls.len() {
            1 => urls.into_iter().next().unwrap_or(Value::Null),
            _ => Value::Array(urls),
        };
    }
    json!({"@type": "sc:CreativeWork", "name": l.summary()})
}

/// A source as a reader would look it up.
fn cite(registry: &Registry, key: &str) -> String {
    registry
        .source(key)
        .map_or_else(|| key.to_string(), crate::registry::Source::citation)
}

/// What is known of its release and upkeep: its state, with the statement,
/// the date and the source that say so.
fn maintenance(registry: &Registry, entry: &Entry) -> String {
    let status = &entry.status;
    let when = status
        .date
        .as_deref()
        .map(|d| format!(" ({d})"))
        .unwrap_or_default();
    let said = status
        .statement
        .as_deref()
        .map(|s| format!(": {}", s.trim_end_matches('.')))
        .unwrap_or_default();
    let source = status
        .source
        .as_deref()
        .map(|s| format!(" Source: {}", cite(registry, s)))
        .unwrap_or_default();
    let as_of = status
        .as_of
        .as_deref()
        .map(|d| format!(" As of {d}."))
        .unwrap_or_default();
    let head = match status.state {
        State::Retracted => format!("Retracted by its creators{when}{said}."),
        State::Unavailable => format!("No longer available{when}{said}."),
        State::Available => format!(
            "Available from its distributor{said}. whichdata's sources record no maintenance plan."
        ),
        State::Unknown => format!(
            "Availability unknown: whichdata's sources could not establish it{said}. Do not take this as a sign that it may be used."
        ),
    };
    format!("{head}{as_of}{source}")
}

/// What a user must know before relying on it: withdrawal, the state of its
/// licence, and the registry's notes.
fn limitations(registry: &Registry, entry: &Entry) -> Vec<String> {
    let mut out: Vec<String> = attention::concerns(registry, entry)
        .iter()
        // A licence on record is summed up in full below.
        .filter(|c| !(entry.license.is_some() && matches!(c, Concern::NoLicence { .. })))
        .map(|c| match c {
            Concern::Retracted { .. } => "Retracted by its creators.".to_string(),
            Concern::DerivedFromRetracted { id, name, date } => format!(
                "Built from data of {name}, which its creators retracted{}{}.",
                date.as_deref()
                    .map(|d| format!(" in {d}"))
                    .unwrap_or_default(),
                registry
                    .entry(id)
                    .and_then(|a| a.status.source.as_deref())
                    .map(|src| format!(" (Source: {})", cite(registry, src)))
                    .unwrap_or_default()
            ),
            Concern::Unavailable => "No longer available from its creators.".to_string(),
            Concern::NoLicence {
                published_none: true,
            } => "No licence is published: nothing is granted.".to_string(),
            Concern::NoLicence {
                published_none: false,
            } => "No licence is known to grant use; nothing may be assumed.".to_string(),
            Concern::NonCommercial { every_copy: true } => {
                "Non-commercial terms: commercial use is forbidden.".to_string()
            }
            Concern::NonCommercial { every_copy: false } => {
                "Some copies' licences or terms forbid commercial use.".to_string()
            }
        })
        .collect();
    if let Some(l) = &entry.license {
        out.push(l.summary());
    }
    if entry.parent.is_some() {
        out.push(
            "Licences are not inherited: the parent's terms also bind the data it contributes."
                .to_string(),
        );
    }
    for note in &entry.notes {
        out.push(format!(
            "{} (Source: {})",
            note.text.trim_end(),
            cite(registry, &note.source)
        ));
    }
    out
}

/// Labels of protected or sensitive traits, each with its source; when none
/// is recorded, a sentence saying only that.
fn sensitive(registry: &Registry, entry: &Entry) -> Vec<String> {
    let labels: Vec<String> = entry
        .annotations
        .iter()
        .filter(|a| a.sensitive)
        .map(|a| {
            format!(
                "Labels {} (Source: {}).",
                a.label,
                cite(registry, &a.source)
            )
        })
        .collect();
    if labels.is_empty() {
        vec![
            "whichdata's registry records no sensitive labels for it; that is not a finding that it holds no personal information."
                .to_string(),
        ]
    } else {
        labels
    }
}

/// A BibTeX entry for the paper (Croissant's `citeAs`).
fn bibtex(key: &str, paper: &Paper) -> String {
    let esc = |s: &str| s.replace(['{', '}'], "");
    let mut fields = vec![
        format!("title={{{}}}", esc(&paper.title)),
        format!("author={{{}}}", esc(&paper.authors.join(" and "))),
        format!("year={{{}}}", paper.year),
        format!("howpublished={{{}}}", esc(&paper.venue)),
    ];
    if let Some(doi) = &paper.doi {
        fields.push(format!("doi={{{}}}", esc(doi)));
    }
    if let Some(arxiv) = &paper.arxiv {
        fields.push(format!("eprint={{{}}}", esc(arxiv)));
        fields.push("archivePrefix={arXiv}".to_string());
    }
    if let Some(url) = &paper.url {
        fields.push(format!("url={{{}}}", esc(url)));
    }
    let key: String = key.chars().filter(char::is_ascii_alphanumeric).collect();
    format!("@misc{{whichdata{key}, {}}}", fields.join(", "))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record_of(id: &str) -> Value {
        let registry = Registry::builtin().unwrap();
        record(registry, registry.entry(id).unwrap())
    }

    #[test]
    fn the_context_parses_and_declares_rai_and_prov() {
        let c = context();
        assert_eq!(c["rai"], "http://mlcommons.org/croissant/RAI/");
        assert_eq!(c["prov"], "http://www.w3.org/ns/prov#");
        assert_eq!(c["@vocab"], "https://schema.org/");
    }

    #[test]
    fn a_derivative_of_retracted_data_says_so_with_its_parent() {
        let r = record_of("D2");
        assert_eq!(r["name"], "DukeMTMC-reID");
        assert_eq!(r["conformsTo"][0], "http://mlcommons.org/croissant/1.1");
        assert_eq!(r["prov:wasDerivedFrom"]["prov:label"], "DukeMTMC");
        assert_eq!(
            r["license"],
            "https://spdx.org/licenses/CC-BY-NC-SA-4.0.html"
        );
        let limits = r["rai:dataLimitations"].to_string();
        assert!(
            limits.contains(
                "Built from data of DukeMTMC, which its creators retracted in 2019-04 (Source: "
            ),
            "{limits}"
        );
        assert!(
            r["citeAs"]
                .as_str()
                .unwrap()
                .starts_with("@misc{whichdataD2, title={Unlabeled Samples")
        );
    }

    #[test]
    fn a_retraction_keeps_its_statement_date_and_source() {
        let r = record_of("D1");
        let plan = r["rai:dataReleaseMaintenancePlan"].as_str().unwrap();
        assert!(
            plan.starts_with("Retracted by its creators (2019-04): Duke said"),
            "{plan}"
        );
        assert!(plan.contains("Source: "), "{plan}");
    }

    #[test]
    fn a_code_licence_with_data_terms_is_never_a_bare_spdx_address() {
        // MIT covers InsightFace's code; its model zoo is for non-commercial
        // research only.
        let registry = Registry::builtin().unwrap();
        let mut checked = 0;
        for e in registry.entries() {
            let Some(l) = &e.license else { continue };
            if l.terms.is_empty() && !l.published.iter().any(|p| p == "none") {
                continue;
            }
            let r = record(registry, e);
            let name = r["license"]["name"].as_str().unwrap_or_default();
            for t in &l.terms {
                assert!(
                    name.contains(t.text.trim_end_matches('.')),
                    "{}: {name}",
                    e.id
                );
            }
            assert!(
                name.contains(l.prohibits_commercial_use.sentence()),
                "{}: {name}",
                e.id
            );
            checked += 1;
        }
        assert!(checked >= 20, "{checked}");
    }

    #[test]
    fn silence_is_never_permission() {
        let registry = Registry::builtin().unwrap();
        for e in registry.entries() {
            let r = record(registry, e);
            let licence = r["license"].to_string();
            match &e.license {
                None => assert!(
                    licence.contains("No permission may be assumed"),
                    "{}: {licence}",
                    e.id
                ),
                Some(l) if l.is_unrecorded() => {
                    assert!(
                        licence.contains("No licence on record"),
                        "{}: {licence}",
                        e.id
                    )
                }
                Some(l) if l.is_none_published() => {
                    assert!(
                        licence.contains("no permission is granted"),
                        "{}: {licence}",
                        e.id
                    )
                }
                Some(_) => {}
            }
            let sensitive = r["rai:personalSensitiveInformation"].to_string();
            let labelled = e.annotations.iter().any(|a| a.sensitive);
            assert_eq!(
                sensitive.contains("records no sensitive labels"),
                !labelled,
                "{}",
                e.id
            );
            assert_eq!(
                r["url"].is_string(),
                identify::home(registry, e).is_some(),
                "{}",
                e.id
            );
        }
    }
}
