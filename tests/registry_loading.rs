//! A registry that loads is one the engine can trust; one that does not says
//! what is wrong and where. Each case breaks one rule of a small valid
//! registry and checks the place and message of the error.

use serde_json::{Value, json};
use whichdata::Registry;

/// A small registry that breaks no rule.
fn valid() -> Value {
    json!({
        "format": "whichdata-registry",
        "version": 1,
        "sources": {
            "paper-a": {"kind": "paper", "title": "A dataset", "authors": ["Ann Author"], "year": 2016, "venue": "CVPR"},
            "page-a": {"kind": "web", "title": "Its page", "url": "https://example.org/a"}
        },
        "entries": [
            {"id": "D1", "name": "Parent", "kind": "dataset", "parent": null, "family": "fam",
             "papers": [{"source": "paper-a", "role": "associated"}],
             "statistics": [{"quantity": "images", "value": 10, "split": "total", "source": "paper-a"}],
             "status": {"state": "retracted", "date": "2019-06", "source": "page-a"},
             "license": {"published": ["CC BY-NC-SA 4.0"], "spdx": ["CC-BY-NC-SA-4.0"], "prohibits_commercial_use": "yes", "source": "page-a"},
             "study": {"assoc_paper_sampled": true, "papers_sampled": 1, "documented_uses": 1,
                       "documented_uses_citing_assoc_paper": 1, "uses_2020": 0, "new_application": false,
                       "attribute_annotations": false, "post_processing": false, "still_available": "no",
                       "includes_original_images": true, "source": "page-a"}},
            {"id": "child", "name": "Child-reID", "kind": "dataset", "parent": "D1", "family": "fam",
             "aliases": [{"name": "Child ReID v2", "source": "page-a"}],
             "status": {"state": "available", "source": "page-a"}}
        ]
    })
}

fn load(doc: &Value) -> Result<Registry, whichdata::Error> {
    Registry::from_json(&serde_json::to_string_pretty(doc).unwrap())
}

#[test]
fn the_base_case_is_valid() {
    let r = load(&valid()).expect("valid");
    assert_eq!(
        r.lineage("child")
            .iter()
            .map(|e| e.id.as_str())
            .collect::<Vec<_>>(),
        ["child", "D1"]
    );
}

#[test]
fn each_broken_rule_is_reported_with_its_place() {
    type Breaker = fn(&mut Value);
    let cases: &[(&str, Breaker, &str)] = &[
        (
            "duplicate id",
            |d| d["entries"][1]["id"] = json!("D1"),
            "entries[1] (D1): id \"D1\" is also used by entries[0]",
        ),
        (
            "missing parent",
            |d| d["entries"][1]["parent"] = json!("nope"),
            "entries[1] (child).parent: names \"nope\", which is not an entry",
        ),
        (
            "self parent",
            |d| d["entries"][0]["parent"] = json!("D1"),
            "entries[0] (D1).parent: an entry cannot be its own parent",
        ),
        (
            "parent cycle",
            |d| d["entries"][0]["parent"] = json!("child"),
            "parents form a cycle",
        ),
        (
            "unknown source",
            |d| d["entries"][0]["statistics"][0]["source"] = json!("ghost"),
            "entries[0] (D1).statistics[0].source: names source \"ghost\", which the registry does not define",
        ),
        (
            "web page as paper",
            |d| d["entries"][0]["papers"][0]["source"] = json!("page-a"),
            "is a web page, not a paper",
        ),
        (
            "retraction without date",
            |d| {
                d["entries"][0]["status"]
                    .as_object_mut()
                    .unwrap()
                    .remove("date");
            },
            "entries[0] (D1).status.date: a retraction needs its date",
        ),
        (
            "bad date",
            |d| d["entries"][0]["status"]["date"] = json!("June 2019"),
            "\"June 2019\" is not YYYY or YYYY-MM",
        ),
        (
            "unknown spdx",
            |d| d["entries"][0]["license"]["spdx"] = json!(["CC-BY-NC-SA-4"]),
            "\"CC-BY-NC-SA-4\" is not an SPDX id",
        ),
        (
            "spdx length",
            |d| d["entries"][0]["license"]["spdx"] = json!([]),
            "has 0 items but published has 1",
        ),
        (
            "study record missing",
            |d| {
                d["entries"][0].as_object_mut().unwrap().remove("study");
            },
            "entries[0] (D1).study: study entries carry the study's Table 4 record",
        ),
        (
            "study record on a slug",
            |d| d["entries"][1]["study"] = d["entries"][0]["study"].clone(),
            "only the study's own ids",
        ),
        (
            "bad id",
            |d| d["entries"][1]["id"] = json!("Market 1501"),
            "entries[1] (Market 1501).id",
        ),
        (
            "zero statistic",
            |d| d["entries"][0]["statistics"][0]["value"] = json!(0),
            "a count of zero says nothing",
        ),
        (
            "alias repeated",
            |d| d["entries"][1]["aliases"] = json!([{"name": "child reid", "source": "page-a"}]),
            "\"child reid\" and \"Child-reID\" are the same name",
        ),
        (
            "undeclared shared name",
            |d| d["entries"][1]["aliases"] = json!([{"name": "PARENT", "source": "page-a"}]),
            "\"Parent\" is also a name of child (\"PARENT\"); declare it with shared_with",
        ),
        (
            "bad url",
            |d| d["sources"]["page-a"]["url"] = json!("example.org"),
            "sources.page-a.url: \"example.org\" is not an http(s) URL",
        ),
        (
            "bad doi",
            |d| d["sources"]["paper-a"]["doi"] = json!("doi.org/123"),
            "is not a DOI",
        ),
        (
            "no licence published is no permission",
            |d| {
                d["entries"][0]["license"] = json!({"published": ["none"], "spdx": [null],
                    "prohibits_commercial_use": "no", "source": "page-a"})
            },
            "entries[0] (D1).license.prohibits_commercial_use: \"no\" (commercial use permitted) needs a published licence with an SPDX id",
        ),
        (
            "a custom licence does not permit by silence",
            |d| {
                d["entries"][0]["license"] = json!({"published": ["custom"], "spdx": [null],
                    "prohibits_commercial_use": "no", "source": "page-a"})
            },
            "use \"not-granted\"",
        ),
        (
            "distributor terms need a source",
            |d| {
                d["entries"][0]["license"]["terms"] =
                    json!([{"text": "research only", "source": "ghost"}])
            },
            "entries[0] (D1).license.terms[0].source: names source \"ghost\"",
        ),
        (
            "a status without its source",
            |d| {
                d["entries"][1]["status"]
                    .as_object_mut()
                    .unwrap()
                    .remove("source");
            },
            "entries[1] (child).status.source: a status of \"available\" needs the source that says it",
        ),
        (
            "an unknown status cites nothing",
            |d| d["entries"][1]["status"] = json!({"state": "unknown", "source": "page-a"}),
            "an unknown status cites no source",
        ),
        (
            "a status date is a date",
            |d| d["entries"][1]["status"]["as_of"] = json!("last spring"),
            "entries[1] (child).status.as_of: \"last spring\" is not YYYY, YYYY-MM or YYYY-MM-DD",
        ),
        (
            "a conflicting report needs its source",
            |d| {
                d["entries"][0]["status"]["reports"] = json!([{"state": "retracted", "date": "2019-04",
                    "statement": "taken down", "source": "ghost"}])
            },
            "entries[0] (D1).status.reports[0].source",
        ),
        (
            "a subset says which",
            |d| d["entries"][0]["statistics"][0]["split"] = json!("subset"),
            "entries[0] (D1).statistics[0].note: a subset count needs a note saying which subset",
        ),
        (
            "wrong format",
            |d| d["format"] = json!("something-else"),
            "format: expected \"whichdata-registry\"",
        ),
        (
            "wrong version",
            |d| d["version"] = json!(2),
            "version: this build reads version 1, found 2",
        ),
    ];
    for (what, breaker, expected) in cases {
        let mut doc = valid();
        breaker(&mut doc);
        let err = match load(&doc) {
            Ok(_) => panic!("{what}: loaded, but should not"),
            Err(err) => err.to_string(),
        };
        assert!(
            err.contains(expected),
            "{what}: expected «{expected}» in:\n{err}"
        );
    }
}

#[test]
fn the_new_facts_load_when_they_keep_the_rules() {
    let mut doc = valid();
    doc["entries"][0]["license"] = json!({"published": ["none"], "spdx": [null],
        "terms": [{"text": "non-commercial research only", "source": "page-a"}],
        "prohibits_commercial_use": "yes", "source": "page-a"});
    doc["entries"][0]["status"]["as_of"] = json!("2019-06-02");
    doc["entries"][0]["status"]["reports"] = json!([{"state": "retracted", "date": "2019-04",
        "statement": "the site was taken down", "source": "paper-a", "as_of": "2019-05"}]);
    doc["entries"][0]["statistics"][0]["split"] = json!("subset");
    doc["entries"][0]["statistics"][0]["note"] = json!("identities seen by two cameras");
    doc["entries"][1]["status"] = json!({"state": "unknown"});
    doc["entries"][1]["aliases"] =
        json!([{"name": "Child", "source": "page-a", "needs_context": true}]);
    let r = load(&doc).expect("loads");
    let d1 = r.entry("D1").unwrap();
    let summary = d1.license.as_ref().unwrap().summary();
    assert!(
        summary.starts_with("No licence published: no permission is granted"),
        "{summary}"
    );
    assert!(
        summary.contains("non-commercial research only") && summary.contains("forbidden"),
        "{summary}"
    );
    assert!(r.entry("child").unwrap().aliases[0].needs_context);
}

#[test]
fn a_declared_shared_name_is_fine() {
    let mut doc = valid();
    doc["entries"][1]["aliases"] =
        json!([{"name": "PARENT", "source": "page-a", "shared_with": ["D1"]}]);
    load(&doc).expect("declared shared alias loads");
}

#[test]
fn every_problem_is_reported_not_just_the_first() {
    let mut doc = valid();
    doc["entries"][1]["parent"] = json!("nope");
    doc["entries"][0]["statistics"][0]["source"] = json!("ghost");
    let err = load(&doc).unwrap_err();
    assert_eq!(err.problems().len(), 2, "{err}");
}

#[test]
fn syntax_errors_give_line_and_column() {
    let cases: &[(&str, &str, (usize, usize))] = &[
        (
            "truncated",
            "{\n  \"format\": \"whichdata-registry\",\n  \"version\": 1,\n",
            (4, 0),
        ),
        ("trailing comma", "{\"format\": \"x\",\n}", (2, 1)),
        (
            "unknown field",
            "{\"format\": \"x\", \"version\": 1,\n \"sources\": {}, \"entries\": [], \"extra\": 1}",
            (2, 38),
        ),
        (
            "wrong type",
            "{\"format\": \"x\", \"version\": \"one\"}",
            (1, 32),
        ),
        ("not json", "registry", (1, 1)),
    ];
    for (what, text, position) in cases {
        let err = Registry::from_json(text)
            .err()
            .unwrap_or_else(|| panic!("{what} loaded"));
        assert_eq!(err.line_column(), Some(*position), "{what}: {err}");
        assert!(
            err.to_string()
                .contains(&format!("line {}, column {}", position.0, position.1)),
            "{what}: {err}"
        );
    }
}

#[test]
fn unknown_enum_values_name_the_allowed_ones() {
    let mut doc = valid();
    doc["entries"][0]["kind"] = json!("database");
    let err = load(&doc).unwrap_err().to_string();
    assert!(
        err.contains("unknown variant `database`") && err.contains("annotation-set"),
        "{err}"
    );
}

#[test]
fn the_file_in_the_repository_loads_to_the_registry_built_in() {
    // The build embeds registry.json compacted; the file people edit must
    // load, rules and all (a duplicate key, which compacting would hide,
    // fails here), and give the same registry.
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/registry.json");
    let text = std::fs::read_to_string(path).unwrap();
    let from_file = Registry::from_json(&text).unwrap_or_else(|e| panic!("{e}"));
    let builtin = Registry::builtin().unwrap();
    assert_eq!(from_file.document(), builtin.document());
    assert!(
        Registry::builtin_json().len() < text.len(),
        "the embedded copy is compact"
    );
}

#[test]
fn the_compact_form_reads_back_to_the_same_registry() {
    // The built-in registry is read from the compact form that build.rs
    // writes (the test above compares it with the file); a registry turned
    // into that form, as the page keeps a loaded one, reads back the same.
    let builtin = Registry::builtin().unwrap();
    let bytes = builtin.to_compact();
    assert!(bytes.len() < Registry::builtin_json().len());
    let again = Registry::from_compact(&bytes).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(again.document(), builtin.document());
    // A registry other than the built-in one, too.
    let mine = load(&valid()).unwrap();
    let again = Registry::from_compact(&mine.to_compact()).unwrap();
    assert_eq!(again.document(), mine.document());
}

#[test]
fn bytes_that_are_not_the_compact_form_are_refused_with_their_place() {
    let bytes = Registry::builtin().unwrap().to_compact();
    for (what, input) in [
        ("nothing", Vec::new()),
        (
            "the JSON file",
            Registry::builtin_json().as_bytes().to_vec(),
        ),
        ("another version's form", {
            let mut b = bytes.clone();
            b[6] ^= 0xff;
            b
        }),
        ("bytes after the end", {
            let mut b = bytes.clone();
            b.push(0);
            b
        }),
    ] {
        let err = Registry::from_compact(&input).expect_err(what);
        assert!(
            err.to_string().contains("compact form") && err.to_string().contains("at byte"),
            "{what}: {err}"
        );
    }
    // A form written by another build is refused at its id, not misread.
    let other = whichdata::compact::decode(&bytes, whichdata::COMPACT_FORM ^ 1).unwrap_err();
    assert_eq!(other.at, 6, "{other}");
    assert!(other.what.contains("another version"), "{other}");
    // An error names the byte where the bad value begins: here a source's
    // kind (the first source follows the header, the format string, the
    // version and the count of sources, each a byte or a few).
    let doc = Registry::builtin().unwrap().document();
    let varint_len = |n: usize| (usize::BITS - n.leading_zeros()).max(1).div_ceil(7) as usize;
    let key = doc.sources.keys().next().unwrap();
    let kind_at = 14 // the header
        + varint_len(doc.format.len()) + doc.format.len()
        + varint_len(doc.version as usize)
        + varint_len(doc.sources.len())
        + varint_len(key.len()) + key.len();
    let mut bad = bytes.clone();
    bad[kind_at] = 7;
    let err = whichdata::compact::decode(&bad, whichdata::COMPACT_FORM).unwrap_err();
    assert_eq!((err.at, err.what), (kind_at, "a known kind of source"));
    // Every cut ends in an error that names a byte, never a panic.
    for cut in (0..bytes.len()).step_by(97).chain([bytes.len() - 1]) {
        let err = Registry::from_compact(&bytes[..cut]).expect_err("a truncated registry");
        assert!(err.to_string().contains("at byte"), "{err}");
    }
}

#[test]
fn a_compact_registry_that_breaks_the_rules_is_refused_like_a_file() {
    // The form carries no guarantee of its own: a stored registry edited
    // outside the page is checked by the same rules as a JSON file.
    let mut doc = valid();
    doc["entries"][1]["parent"] = json!("D404");
    let document: whichdata::RegistryDocument = serde_json::from_value(doc).unwrap();
    let bytes = whichdata::compact::encode(&document, whichdata::COMPACT_FORM);
    let err = Registry::from_compact(&bytes).expect_err("an unknown parent");
    assert!(!err.problems().is_empty(), "{err}");
}
