//! The command line's exports: `registry export`, `check --format scholix`,
//! `batch --output scholix`. (tests/interop/ reads them back with
//! mlcroissant and JSON Schema.)

use crate::util::{run, scratch};

#[test]
fn registry_export_writes_one_record_per_entry_or_the_one_asked_for() {
    let all = run(&["registry", "export", "--format", "croissant"], b"");
    assert_eq!(all.code, 0, "{}", all.stderr);
    let entries = run(&["registry", "list", "--format", "json"], b"");
    let count = serde_json::from_str::<serde_json::Value>(&entries.stdout)
        .unwrap()
        .as_array()
        .unwrap()
        .len();
    assert_eq!(all.stdout.lines().count(), count);
    let one = run(
        &["registry", "export", "--format", "datacite", "--id", "d2"],
        b"",
    );
    let record: serde_json::Value = serde_json::from_str(&one.stdout).unwrap();
    assert_eq!(record["id"], "D2");
    assert_eq!(
        record["relatedIdentifiers"][0]["relationType"],
        "IsDerivedFrom"
    );

    let dir = scratch("registry-export");
    let out = run(
        &[
            "registry",
            "export",
            "--format",
            "croissant",
            "--out-dir",
            dir.to_str().unwrap(),
        ],
        b"",
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let d2: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("D2.json")).unwrap()).unwrap();
    assert_eq!(d2["name"], "DukeMTMC-reID");
}

#[test]
fn an_unknown_entry_is_an_error_that_says_where_to_look() {
    let out = run(
        &["registry", "export", "--format", "croissant", "--id", "D99"],
        b"",
    );
    assert_eq!(out.code, 1);
    assert!(out.stdout.is_empty());
    assert!(
        out.stderr.contains("no entry \"D99\"") && out.stderr.contains("registry list"),
        "{}",
        out.stderr
    );
}

#[test]
fn batch_scholix_links_each_finding_and_names_unreadable_lines() {
    let input = b"{\"id\":\"https://doi.org/10.1000/a\",\"text\":\"We evaluate on DukeMTMC-reID and LFW.\"}\n\
not json\n\
{\"id\":\"p3\",\"text\":\"Nothing to see here.\"}\n";
    let out = run(&["batch", "--output", "scholix"], input);
    assert_eq!(
        out.code, 1,
        "an unreadable line fails the run unless --no-fail"
    );
    assert!(out.stderr.contains("line 2:"), "{}", out.stderr);
    assert!(out.stderr.contains("named above"), "{}", out.stderr);
    let links: Vec<serde_json::Value> = out
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(links.len(), 2, "{}", out.stdout);
    for l in &links {
        assert_eq!(l["Source"]["Identifier"]["ID"], "10.1000/a");
        assert_eq!(l["RelationshipType"]["Name"], "References");
    }
    let quiet = run(&["batch", "--output", "scholix", "--no-fail"], input);
    assert_eq!(quiet.code, 0);
    assert_eq!(quiet.stdout.lines().count(), links.len());
}

#[test]
fn scholix_dates_follow_source_date_epoch() {
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_whichdata"))
        .args(["check", "-", "--format", "scholix", "--id", "paper-1"])
        .env("SOURCE_DATE_EPOCH", "0")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write as _;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"We train on MS1MV2.")
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let links: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(links[0]["LinkPublicationDate"], "1970-01-01T00:00:00Z");
    assert_eq!(links[0]["Source"]["Identifier"]["IDScheme"], "local");
}
