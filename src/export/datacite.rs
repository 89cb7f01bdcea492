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

/// `own` is the entry's own landing page: only the other entry's own landing
/// page names it, and never one it shares (with this entry, or a sibling),
/// which would name several entries at once.
fn related(registry: &Registry, own: Option<&str>, other: &Entry, relation: &str) -> Related {
    match identify::own_landing(registry, other)
        .filter(|id| Some(id.id.as_str()) != own)
        .and_then(|id| Some((id.scheme.datacite()?, id)))
    {
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
    let own = identify::own_landing(registry, entry).map(|i| i.id);
    let own = own.as_deref();
    let mut links = Vec::new();
    if let Some(parent) = entry.parent.as_deref().and_then(|p| registry.entry(p)) {
        let relation = if is_version(entry) {
            "IsVersionOf"
        } else {
            "IsDerivedFrom"
        };
        links.push(related(registry, own, parent, relation));
    }
    for child in registry.children(&entry.id) {
        let relation = if is_version(child) {
            "HasVersion"
        } else {
            "IsSourceOf"
        };
        links.push(related(registry, own, child, relation));
    }
    let mut identifiers: Vec<Value> = Vec::new();
    let mut items: Vec<Value> = Vec::new();
    for link in links {
        let (list, v) = match link {
            Related::Identifier(v) => (&mut identifiers, v),
            Related::Item(v) => (&mut items, v),
        };
        if !list.contains(&v) {
            list.push(v);
        }
    }
    // The paper that describes it.
    if let Some(paper) = identify::paper_of(registry, entry)
        && let Some(scheme) = paper.scheme.datacite()
    {
        identifiers.push(json!({
            "relatedIdentifier": paper.id,
            "relatedIdentifierType": scheme,
            "relationType": "IsDescribedBy",
            "resourceTypeGeneral": "Text",
        }));
    }
    (identifiers, items)
}

/// The entry with its identifier and lineage: `{id, name, types,
/// identifiers, relatedIdentifiers, relatedItems}` (DataCite's attribute
/// names from `types` on).
pub fn record(registry: &Registry, entry: &Entry) -> Value {
    let identifiers: Vec<Value> = identify::own_landing(registry, entry)
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

    /// How `record_of`'s lineage names `other`: by its own landing page when
    /// that names it alone, else by title.
    fn names(registry: &Registry, record_of: &Entry, other: &Entry) -> Value {
        let own = identify::own_landing(registry, record_of).map(|i| i.id);
        match identify::own_landing(registry, other).filter(|i| Some(&i.id) != own.as_ref()) {
            Some(id) => json!(id.id),
            None => json!(other.name),
        }
    }

    fn named(link: &Value) -> Value {
        link.get("relatedIdentifier")
            .cloned()
            .unwrap_or_else(|| link["titles"][0]["title"].clone())
    }

    #[test]
    fn parent_and_child_name_each_other_with_inverse_relations() {
        let registry = Registry::builtin().unwrap();
        let mut links = 0;
        for child in registry.entries() {
            let Some(parent) = child.parent.as_deref().and_then(|p| registry.entry(p)) else {
                continue;
            };
            let (relation, inverse) = if is_version(child) {
                ("IsVersionOf", "HasVersion")
            } else {
                ("IsDerivedFrom", "IsSourceOf")
            };
            let says = |from: &Entry, relation: &str, to: &Entry| {
                let (ids, items) = lineage(registry, from);
                assert!(
                    ids.iter()
                        .chain(&items)
                        .any(|l| l["relationType"] == relation
                            && named(l) == names(registry, from, to)),
                    "{} does not say it {relation} {}",
                    from.id,
                    to.id
                );
            };
            says(child, relation, parent);
            says(parent, inverse, child);
            links += 1;
        }
        assert!(links > 50, "{links} parent links");
    }

    #[test]
    fn no_record_names_itself_or_repeats_a_link() {
        let registry = Registry::builtin().unwrap();
        for e in registry.entries() {
            let r = record(registry, e);
            let own: Vec<&Value> = r["identifiers"]
                .as_array()
                .unwrap()
                .iter()
                .map(|i| &i["identifier"])
                .collect();
            let related = r["relatedIdentifiers"].as_array().unwrap();
            for (k, l) in related.iter().enumerate() {
                assert!(
                    !own.contains(&&l["relatedIdentifier"]),
                    "{} names itself",
                    e.id
                );
                assert!(!related[..k].contains(l), "{} repeats {l}", e.id);
            }
        }
    }

    #[test]
    fn dukemtmc_reid_is_derived_and_a_cleaned_release_is_a_version() {
        let registry = Registry::builtin().unwrap();
        let (ids, _) = lineage(registry, registry.entry("D2").unwrap());
        assert_eq!(ids[0]["relationType"], "IsDerivedFrom");
        let version = registry
            .entries()
            .iter()
            .find(|e| is_version(e) && e.parent.is_some())
            .expect("an entry coded as a processed release");
        let r = record(registry, version);
        assert!(r.to_string().contains("\"IsVersionOf\""), "{r}");
    }
}
