//! An entry's lineage as DataCite `relatedIdentifiers`, the form a
//! repository (Zenodo, Figshare, a university's DataCite member) records
//! when it registers the data: `IsDerivedFrom` / `IsSourceOf` between a
//! derivative and its parent, `IsVersionOf` / `HasVersion` between a
//! processed release of the same images (cleaned, aligned) and its original.
//!
//! Which of the two a parent link is comes from the study's coding where
//! the registry has it: a derivative the study coded as post-processing its
//! parent's images (aligning, cropping, cleaning), with no new application
//! and no attribute labels, is a version of it; anything else (new boxes
//! for a new task, attribute labels, a protocol, a model trained on it, or a
//! derivative the study did not code) is derived from it.

use serde_json::{Value, json};

use crate::registry::{Entry, EntryKind, Registry};

use super::identify;

/// DataCite's `resourceTypeGeneral` for an entry.
fn resource_type(entry: &Entry) -> &'static str {
    match entry.kind {
        EntryKind::Model => "Model",
        EntryKind::Dataset | EntryKind::AnnotationSet | EntryKind::Protocol => "Dataset",
    }
}

/// Whether `child` is a version of its parent rather than derived from it.
fn is_version(child: &Entry) -> bool {
    child.kind == EntryKind::Dataset
        && child
            .study
            .as_ref()
            .is_some_and(|s| s.post_processing && !s.new_application && !s.attribute_annotations)
}

/// How `entry` relates to `other`, in whichever form DataCite has for it:
/// a related identifier where `other` has one DataCite can name, else a
/// related item by title (DataCite 4.4's `relatedItems`), so that no link
/// of the lineage is dropped.
enum Related {
    Identifier(Value),
    Item(Value),
}

fn related(registry: &Registry, other: &Entry, relation: &str) -> Related {
    match identify::home(registry, other).and_then(|id| Some((id.scheme.datacite()?, id))) {
        Some((scheme, id)) => Related::Identifier(json!({
            "relatedIdentifier": id.id,
            "relatedIdentifierType": scheme,
            "relationType": relation,
            "resourceTypeGeneral": resource_type(other),
        })),
        None => Related::Item(json!({
            "relatedItemType": resource_type(other),
            "relationType": relation,
            "titles": [{"title": other.name}],
        })),
    }
}

/// The lineage of `entry`, its parent and then its children in registry
/// order: as (related identifiers, related items).
pub fn lineage(registry: &Registry, entry: &Entry) -> (Vec<Value>, Vec<Value>) {
    let mut links = Vec::new();
    if let Some(parent) = entry.parent.as_deref().and_then(|p| registry.entry(p)) {
        let relation = if is_version(entry) {
            "IsVersionOf"
        } else {
            "IsDerivedFrom"
        };
        links.push(related(registry, parent, relation));
    }
    for child in registry.children(&entry.id) {
        let relation = if is_version(child) {
            "HasVersion"
        } else {
            "IsSourceOf"
        };
        links.push(related(registry, child, relation));
    }
    let mut identifiers = Vec::new();
    let mut items = Vec::new();
    for link in links {
        match link {
            Related::Identifier(v) => identifiers.push(v),
            Related::Item(v) => items.push(v),
        }
    }
    (identifiers, items)
}

/// The entry with its identifier and lineage: `{id, name, types,
/// identifiers, relatedIdentifiers, relatedItems}` (DataCite's attribute
/// names from `types` on).
pub fn record(registry: &Registry, entry: &Entry) -> Value {
    let identifiers: Vec<Value> = identify::home(registry, entry)
        .and_then(|h| Some((h.scheme.datacite()?, h)))
        .map(|(scheme, h)| json!({"identifier": h.id, "identifierType": scheme}))
        .into_iter()
        .collect();
    let (related_identifiers, related_items) = lineage(registry, entry);
    json!({
        "id": entry.id,
        "name": entry.name,
        "types": {"resourceTypeGeneral": resource_type(entry)},
        "identifiers": identifiers,
        "relatedIdentifiers": related_identifiers,
        "relatedItems": related_items,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parent_and_child_name_each_other_with_inverse_relations() {
        let registry = Registry::builtin().unwrap();
        let inverse = |r: &str| match r {
            "IsDerivedFrom" => "IsSourceOf",
            "IsVersionOf" => "HasVersion",
            other => panic!("unexpected relation {other}"),
        };
        // Each side of a link, named by identifier or by title.
        let names = |v: &Value| {
            v.get("relatedIdentifier")
                .cloned()
                .unwrap_or_else(|| v["titles"][0]["title"].clone())
        };
        let name_of = |e: &Entry| match identify::home(registry, e)
            .and_then(|h| Some((h.scheme.datacite()?, h)))
        {
            Some((_, h)) => json!(h.id),
            None => json!(e.name),
        };
        let mut links = 0;
        for child in registry.entries() {
            let Some(parent) = child.parent.as_deref().and_then(|p| registry.entry(p)) else {
                continue;
            };
            let (ids, items) = lineage(registry, child);
            let up: Vec<&Value> = ids.iter().chain(&items).collect();
            let (ids, items) = lineage(registry, parent);
            let down: Vec<&Value> = ids.iter().chain(&items).collect();
            let to_parent = up
                .iter()
                .find(|r| names(r) == name_of(parent))
                .unwrap_or_else(|| panic!("{} does not name its parent", child.id));
            let relation = to_parent["relationType"].as_str().unwrap();
            assert!(
                down.iter()
                    .any(|r| names(r) == name_of(child) && r["relationType"] == inverse(relation)),
                "{} does not name {} as {}",
                parent.id,
                child.id,
                inverse(relation)
            );
            links += 1;
        }
        assert!(links > 50, "{links} parent links");
    }

    #[test]
    fn dukemtmc_reid_is_derived_and_a_cleaned_release_is_a_version() {
        let registry = Registry::builtin().unwrap();
        let (ids, _) = lineage(registry, registry.entry("D2").unwrap());
        assert_eq!(ids[0]["relationType"], "IsDerivedFrom");
        let versions = registry.entries().iter().filter(|e| is_version(e)).count();
        assert!(versions > 0, "no entry is coded as a processed release");
    }
}
