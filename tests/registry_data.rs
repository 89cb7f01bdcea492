//! The built-in registry is data shipped inside every build; these tests hold
//! it to the rules a user relies on (like bat's `no_duplicate_extensions`).

use std::collections::HashSet;

use whichdata::{Availability, CommercialUse, Quantity, Registry, Split, State};

fn registry() -> &'static Registry {
    Registry::builtin().unwrap_or_else(|e| panic!("the built-in registry must load: {e}"))
}

/// One row of Table 4 (the parent column holds the root dataset's id), flags as "Y" or "-".
type Table4Row = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
);

/// The study's Table 4 (`summary.csv`), written out as data: id, parent,
/// new application, sensitive attribute annotations, post-processing, still
/// available, includes original images, prohibits commercial use, licences
/// as published.
#[rustfmt::skip]
const TABLE_4: &[Table4Row] = &[
    ("D1",   "D1",  "-", "-", "-", "no",      "Y", "yes",  "CC BY-NC-SA 4.0"),
    ("D2",   "D1",  "Y", "-", "-", "yes",     "Y", "yes",  "CC BY-NC-SA 4.0"),
    ("D3",   "D1",  "Y", "-", "-", "yes",     "Y", "yes",  "CC BY-NC-SA 4.0"),
    ("D4",   "D1",  "Y", "Y", "-", "yes",     "-", "yes",  "CC BY-NC-SA 4.0"),
    ("D5",   "D1",  "Y", "-", "-", "no",      "Y", "yes",  "CC BY-NC-SA 4.0"),
    ("D6",   "D1",  "Y", "-", "-", "no",      "-", "-",    ""),
    ("D7",   "D1",  "Y", "-", "-", "no",      "Y", "yes",  "CC BY-NC-SA 4.0"),
    ("D8",   "D1",  "Y", "-", "-", "partial", "Y", "yes",  "CC BY-NC-SA 4.0"),
    ("D9",   "D9",  "-", "-", "-", "yes",     "Y", "yes",  "custom, none"),
    ("D10",  "D9",  "-", "-", "Y", "yes",     "Y", "-",    "none"),
    ("D11",  "D9",  "-", "-", "Y", "yes",     "Y", "-",    "none"),
    ("D12",  "D9",  "-", "-", "Y", "yes",     "-", "-",    "MIT"),
    ("D13",  "D9",  "-", "-", "Y", "yes",     "Y", "-",    "none"),
    ("D14",  "D9",  "-", "-", "Y", "yes",     "Y", "-",    "custom"),
    ("D15",  "D9",  "Y", "Y", "-", "yes",     "Y", "yes",  "custom"),
    ("D16",  "D9",  "-", "-", "-", "no",      "Y", "yes",  "custom"),
    ("D17",  "D9",  "-", "-", "-", "no",      "-", "-",    ""),
    ("M1",   "D9",  "Y", "-", "-", "yes",     "-", "-",    "MIT, none"),
    ("M2",   "D9",  "Y", "-", "-", "yes",     "-", "-",    "MIT"),
    ("M3",   "D9",  "Y", "-", "-", "yes",     "-", "some", "MIT, Apache 2.0, custom, none"),
    ("M4",   "D9",  "Y", "-", "-", "yes",     "-", "some", "custom, none"),
    ("M5",   "D9",  "Y", "-", "-", "yes",     "-", "-",    "MIT, none"),
    ("M6",   "D9",  "Y", "-", "-", "yes",     "-", "-",    "BSD-2-Clause"),
    ("D18",  "D18", "-", "-", "-", "yes",     "Y", "-",    "none"),
    ("D19",  "D18", "Y", "Y", "-", "yes",     "Y", "-",    "none"),
    ("D20",  "D18", "-", "-", "Y", "yes",     "Y", "-",    "none"),
    ("D21",  "D18", "-", "-", "Y", "yes",     "Y", "-",    "none"),
    ("D22",  "D18", "-", "-", "Y", "yes",     "Y", "-",    "none"),
    ("D23",  "D18", "-", "-", "Y", "yes",     "Y", "-",    "none"),
    ("D24",  "D18", "-", "-", "-", "yes",     "-", "-",    "none"),
    ("D25",  "D18", "-", "-", "-", "no",      "-", "-",    ""),
    ("D26",  "D18", "Y", "Y", "-", "yes",     "Y", "yes",  "custom"),
    ("D27",  "D18", "Y", "Y", "-", "yes",     "-", "-",    "none"),
    ("D28",  "D18", "-", "-", "-", "yes",     "-", "-",    "none"),
    ("D29",  "D18", "Y", "-", "-", "yes",     "Y", "-",    "none"),
    ("D30",  "D18", "-", "-", "Y", "yes",     "Y", "-",    "none"),
    ("D31",  "D18", "Y", "Y", "-", "no",      "-", "-",    "none"),
    ("D32",  "D18", "-", "-", "-", "yes",     "-", "-",    "none"),
    ("D33",  "D18", "Y", "Y", "-", "yes",     "Y", "-",    "none"),
    ("D34",  "D18", "-", "-", "-", "yes",     "Y", "-",    "none"),
    ("D35",  "D18", "-", "-", "-", "yes",     "Y", "-",    "none"),
    ("D36",  "D18", "Y", "-", "-", "yes",     "Y", "yes",  "custom"),
    ("D37",  "D18", "-", "-", "-", "yes",     "Y", "-",    "none"),
    ("D38",  "D18", "-", "-", "-", "no",      "-", "yes",  "custom"),
];

#[test]
fn every_study_entry_carries_the_study_table_4_flags() {
    let yes = |s: &str| s == "Y";
    for &(id, parent, new_app, attrs, post, available, original, commercial, licences) in TABLE_4 {
        let e = registry()
            .entry(id)
            .unwrap_or_else(|| panic!("{id} is missing"));
        let s = e
            .study
            .as_ref()
            .unwrap_or_else(|| panic!("{id} has no study record"));
        // The study names the root dataset as parent; the registry records
        // the nearest one (Occluded-DukeMTMC derives from DukeMTMC-reID), so
        // the study's parent is where the lineage ends.
        let lineage = registry().lineage(id);
        assert_eq!(
            lineage.last().map(|e| e.id.as_str()),
            Some(parent),
            "{id} parent"
        );
        assert_eq!(s.new_application, yes(new_app), "{id} new application");
        assert_eq!(
            s.attribute_annotations,
            yes(attrs),
            "{id} attribute annotations"
        );
        assert_eq!(s.post_processing, yes(post), "{id} post-processing");
        let available = match available {
            "yes" => Availability::Yes,
            "no" => Availability::No,
            _ => Availability::Partial,
        };
        assert_eq!(s.still_available, available, "{id} still available");
        assert_eq!(
            s.includes_original_images,
            yes(original),
            "{id} includes original images"
        );
        let licence = e.license.as_ref();
        let published = licence.map(|l| l.published.join(", ")).unwrap_or_default();
        assert_eq!(published, licences, "{id} licences");
        // The study's flag says whether a licence clearly forbids
        // commercial use. Where it does not, the registry says what that
        // means: a real licence permits, no licence grants nothing, and a
        // distributor's stated terms (sourced beyond the study) may forbid.
        let l = licence.expect("study entries record the study's licence");
        let ours = l.prohibits_commercial_use;
        let fits = match commercial {
            "yes" => ours == CommercialUse::Yes,
            "some" => matches!(ours, CommercialUse::Some | CommercialUse::Yes),
            _ if licences.is_empty() => ours == CommercialUse::Unknown,
            _ => match ours {
                CommercialUse::No => l.spdx.iter().any(Option::is_some),
                CommercialUse::Yes => !l.terms.is_empty(),
                CommercialUse::NotGranted | CommercialUse::Unknown => true,
                CommercialUse::Some => false,
            },
        };
        assert!(
            fits,
            "{id} commercial use: study says {commercial:?}, registry {ours:?}"
        );
    }
    let study: Vec<_> = registry()
        .entries()
        .iter()
        .filter(|e| e.study.is_some())
        .collect();
    assert_eq!(
        study.len(),
        TABLE_4.len(),
        "exactly the study's 44 entries carry a study record"
    );
}

#[test]
fn holds_the_datasets_that_appear_beside_the_study_entries() {
    let others = registry()
        .entries()
        .iter()
        .filter(|e| e.study.is_none())
        .count();
    assert!(others >= 60, "only {others} non-study entries");
    for id in [
        "market1501",
        "cuhk03",
        "msmt17",
        "viper",
        "mars",
        "casia-webface",
        "vggface2",
        "megaface",
        "ijb-a",
        "ijb-b",
        "ijb-c",
        "cfp",
        "agedb",
        "calfw",
        "cplfw",
        "youtube-faces",
        "glint360k",
        "webface260m",
        "umdfaces",
        "celeba",
        "tinyimages",
        "brainwash",
        "oxford-towncentre",
    ] {
        assert!(registry().entry(id).is_some(), "{id} is missing");
    }
}

#[test]
fn the_surveyed_datasets_are_all_there() {
    // The 54 face and person datasets the study surveyed (dataset_list.csv),
    // by the id each has here.
    for id in [
        "yale-b",
        "D18",
        "feret",
        "ar-face",
        "vggface",
        "D19",
        "celeba",
        "ck",
        "frgc",
        "extended-yale-b",
        "ck-plus",
        "jaffe",
        "pie",
        "multi-pie",
        "rafd",
        "pubfig",
        "celebfaces-plus",
        "xm2vts",
        "bu-3dfe",
        "casia-webface",
        "youtube-faces",
        "mmi",
        "morph",
        "D1",
        "D9",
        "bosphorus",
        "vggface2",
        "oxford-towncentre",
        "cufs",
        "replay-attack",
        "ijb-a",
        "ytc",
        "attributes-25k",
        "megaface",
        "fer2013",
        "facetracer",
        "casia-fasd",
        "berkeley-human-attributes",
        "oulu-casia",
        "affectnet",
        "brainwash",
        "cacd",
        "emotionet",
        "spew",
        "pasc",
        "cufsf",
        "cfp",
        "casia-nir-vis-2",
        "raf-db",
        "ijb-c",
        "ijb-b",
        "casia-hfb",
        "umdfaces",
        "ego-humans",
    ] {
        assert!(registry().entry(id).is_some(), "{id} is missing");
    }
}

#[test]
fn retracted_entries_say_when() {
    for id in ["D1", "D9", "megaface", "tinyimages", "brainwash"] {
        let e = registry().entry(id).unwrap();
        assert_eq!(e.status.state, State::Retracted, "{id}");
        assert!(e.status.date.is_some(), "{id} has no retraction date");
    }
    // Gone from its creators' site without a statement: not available, but
    // not recorded as a retraction either.
    let town_centre = registry().entry("oxford-towncentre").unwrap();
    assert_ne!(town_centre.status.state, State::Available);
}

#[test]
fn the_statistics_that_tell_derivatives_apart_are_recorded() {
    let has = |id: &str, q: Quantity, split: Split, value: u64| {
        registry()
            .entry(id)
            .unwrap()
            .statistics
            .iter()
            .any(|s| s.quantity == q && s.split == split && s.value == value)
    };
    // The first Table 7 case rests on these (DukeMTMC-reID's training split).
    assert!(has("D2", Quantity::Boxes, Split::Train, 16_522));
    assert!(has("D2", Quantity::Identities, Split::Train, 702));
    assert!(has("D2", Quantity::Boxes, Split::Query, 2_228));
    assert!(has("D2", Quantity::Boxes, Split::Gallery, 17_661));
    assert!(has("D18", Quantity::Images, Split::Total, 13_233));
    assert!(has("D18", Quantity::Identities, Split::Total, 5_749));
}

#[test]
fn lfwa_shares_its_paper_with_celeba() {
    let paper = |id: &str| -> HashSet<String> {
        registry()
            .entry(id)
            .unwrap()
            .papers
            .iter()
            .map(|p| p.source.clone())
            .collect()
    };
    assert!(!paper("D19").is_disjoint(&paper("celeba")));
}

#[test]
fn lfw_a_has_its_three_requested_papers() {
    assert!(registry().entry("D20").unwrap().papers.len() >= 3);
}

#[test]
fn every_source_is_used_by_some_fact() {
    // An unused source is usually a typo in a key somewhere else.
    let json: serde_json::Value = serde_json::from_str(Registry::builtin_json()).unwrap();
    let text = serde_json::to_string(&json["entries"]).unwrap();
    for key in registry().document().sources.keys() {
        assert!(
            text.contains(&format!("\"{key}\"")),
            "source {key} is never used"
        );
    }
}

#[test]
fn ids_are_unique_and_parents_exist() {
    // Loading enforces both; this pins that the built-in registry relies on it.
    let mut ids = HashSet::new();
    for e in registry().entries() {
        assert!(ids.insert(e.id.as_str()), "{} twice", e.id);
    }
    for e in registry().entries() {
        if let Some(p) = &e.parent {
            assert!(ids.contains(p.as_str()), "{} has missing parent {p}", e.id);
        }
    }
}

#[test]
fn no_entry_takes_silence_for_permission() {
    use whichdata::CommercialUse;
    for e in registry().entries() {
        let Some(l) = &e.license else { continue };
        if l.prohibits_commercial_use == CommercialUse::No {
            assert!(
                l.spdx.iter().any(Option::is_some),
                "{}: commercial use \"permitted\" with no real licence",
                e.id
            );
        }
        if l.is_none_published() && l.terms.is_empty() {
            assert!(
                matches!(
                    l.prohibits_commercial_use,
                    CommercialUse::NotGranted | CommercialUse::Unknown
                ),
                "{}: no licence published, yet {:?}",
                e.id,
                l.prohibits_commercial_use
            );
        }
        let summary = l.summary().to_lowercase();
        assert!(!summary.contains("does not forbid"), "{}: {summary}", e.id);
    }
}

#[test]
fn every_status_cites_a_source_that_covers_it_or_is_unknown() {
    use whichdata::State;
    for e in registry().entries() {
        match (&e.status.source, e.status.state) {
            (None, State::Unknown) => {}
            (None, s) => panic!("{}: {} with no source", e.id, s.as_str()),
            (Some(src), State::Unknown) => panic!("{}: unknown, yet cites {src}", e.id),
            // The study's data covers the study's own entries only.
            (Some(src), _) if src.starts_with("peng2021") => assert!(
                e.study.is_some(),
                "{}: cites the study's data, which does not cover it",
                e.id
            ),
            _ => {}
        }
    }
}

#[test]
fn subset_counts_are_not_totals() {
    use whichdata::{Quantity, Split};
    let d5 = registry().entry("D5").unwrap();
    let multi = d5
        .statistics
        .iter()
        .find(|s| s.quantity == Quantity::Identities && s.value == 1_413)
        .unwrap();
    assert_eq!(multi.split, Split::Subset);
    let cufs = registry().entry("cufs").unwrap();
    assert!(
        cufs.statistics
            .iter()
            .filter(|s| s.value == 123)
            .all(|s| s.split == Split::Subset)
    );
    let cuhk01 = registry().entry("cuhk01").unwrap();
    let cameras = cuhk01
        .statistics
        .iter()
        .find(|s| s.quantity == Quantity::Cameras)
        .unwrap();
    assert_eq!(cameras.value, 2, "two camera views");
}

#[test]
fn names_that_are_ordinary_words_need_context() {
    let needs = |id: &str, name: &str| {
        registry()
            .entry(id)
            .unwrap_or_else(|| panic!("{id}"))
            .aliases
            .iter()
            .any(|a| a.name == name && a.needs_context)
    };
    for (id, name) in [
        ("cfp", "CFP"),
        ("ar-face", "AR"),
        ("morph", "MORPH"),
        ("ijb-a", "JANUS"),
        ("ijb-b", "JANUS"),
        ("ijb-c", "JANUS"),
        ("D17", "Universe"),
        ("brainwash", "Brainwash"),
        ("M6", "DREAM"),
        ("D2", "Duke"),
        ("tinyimages", "Tiny Images"),
        ("feret", "FERRET"),
    ] {
        assert!(needs(id, name), "{id} {name}");
    }
}
