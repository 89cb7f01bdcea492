//! The three hard cases of the study's Table 7 must come out as its coder
//! decided them, for the reasons the coder gave.

use whichdata::{Analyzer, Quantity, ReasonKind, Registry, Report, Split, Verdict};

fn analyze(text: &str) -> Report {
    let registry = Registry::builtin().expect("built-in registry");
    Analyzer::new(registry)
        .analyze(text, &[])
        .expect("analysis runs")
}

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!(
        "{}/tests/fixtures/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("fixture exists")
}

#[test]
fn dukemtmc_with_dukemtmc_reid_statistics_is_dukemtmc_reid() {
    let report = analyze(&fixture("table7-dukemtmc.txt"));
    let d2 = report
        .suggestions
        .iter()
        .find(|s| s.id == "D2")
        .expect("D2 is suggested");
    assert!(
        report.suggestions.iter().all(|s| s.id != "D1"),
        "not the parent DukeMTMC"
    );
    assert!(
        report.candidates.iter().all(|c| c.family != "dukemtmc"),
        "the family is settled, not ambiguous"
    );
    // The statistics are what settle it: the training boxes and identities.
    let fits: Vec<(Quantity, Split, u64, bool)> = d2
        .reasons
        .iter()
        .filter_map(|r| match r.kind {
            ReasonKind::StatisticFits {
                quantity,
                split,
                value,
                exact,
                ..
            } => Some((quantity, split, value, exact)),
            _ => None,
        })
        .collect();
    assert!(
        fits.contains(&(Quantity::Boxes, Split::Train, 16_522, true)),
        "{fits:?}"
    );
    assert!(
        fits.contains(&(Quantity::Identities, Split::Train, 702, true)),
        "{fits:?}"
    );
    // And it is named as "DukeMTMC" (a name its original shares), with
    // re-ID as the task.
    assert!(d2.reasons.iter().any(|r| matches!(
        &r.kind,
        ReasonKind::SharedName { written } | ReasonKind::VersionOfNamed { written, .. }
            if written == "DukeMTMC"
    )));
    assert!(
        d2.reasons
            .iter()
            .any(|r| matches!(r.kind, ReasonKind::TaskFits { .. }))
    );
    // Every reason's span lies in the text and shows what it rests on.
    let text = fixture("table7-dukemtmc.txt");
    let stat = d2
        .reasons
        .iter()
        .find(|r| matches!(r.kind, ReasonKind::StatisticFits { value: 16_522, .. }))
        .unwrap();
    let (s, e) = stat.span.expect("a statistic rests on words in the text");
    assert_eq!(&text[s..e], "16,522 bounding boxes");
}

#[test]
fn lfw_aligned_with_age_gender_labels_is_ambiguous_among_derivatives() {
    let report = analyze(&fixture("table7-lfw.txt"));
    assert_eq!(report.status, Verdict::Ambiguous);
    assert!(
        report.suggestions.iter().all(|s| s.family != "lfw"),
        "no LFW version is claimed"
    );
    let ids: Vec<&str> = report.candidates.iter().map(|c| c.id.as_str()).collect();
    assert!(
        !ids.contains(&"D18"),
        "the original LFW has neither aligned images nor these labels: {ids:?}"
    );
    // Versions that align and versions that annotate both remain open.
    assert!(ids.contains(&"D20"), "LFW-a (aligned) stays open: {ids:?}");
    let annotated = ["D19", "D26", "D27"];
    assert!(
        ids.iter().any(|id| annotated.contains(id)),
        "an attribute-labelled version stays open: {ids:?}"
    );
    let registry = Registry::builtin().unwrap();
    for id in &ids {
        let e = registry.entry(id).unwrap();
        let fits = e.cues.iter().any(|c| {
            use whichdata::Cue::*;
            matches!(
                c.cue,
                Aligned
                    | Funneled
                    | Frontalized
                    | Attributes
                    | Age
                    | Gender
                    | Ethnicity
                    | Demographics
            )
        });
        assert!(fits, "{id} neither aligns nor annotates");
    }
    let d20 = report.candidates.iter().find(|c| c.id == "D20").unwrap();
    assert!(d20.reasons.iter().any(|r| matches!(
        r.kind,
        ReasonKind::CueFits {
            cue: whichdata::Cue::Aligned,
            ..
        }
    )));
    assert!(
        d20.reasons
            .iter()
            .any(|r| matches!(r.kind, ReasonKind::CueMissing { .. })),
        "LFW-a has no age labels"
    );
    assert!(
        report.settle.iter().any(|s| s.contains("LFW-a")),
        "{:?}",
        report.settle
    );
}

#[test]
fn a_cleaned_version_of_ms_celeb_1m_is_ambiguous_among_cleaned_derivatives() {
    let report = analyze(&fixture("table7-msceleb.txt"));
    assert_eq!(report.status, Verdict::Ambiguous);
    let ids: Vec<&str> = report.candidates.iter().map(|c| c.id.as_str()).collect();
    let cleaned = ["D10", "D11", "D12", "D13", "D14"];
    assert!(
        ids.contains(&"D10") && ids.iter().filter(|id| cleaned.contains(id)).count() >= 3,
        "the cleaned versions stay open: {ids:?}"
    );
    assert!(
        !ids.contains(&"D9"),
        "the original is not a cleaned version: {ids:?}"
    );
    let registry = Registry::builtin().unwrap();
    for c in &report.candidates {
        let cleaned = registry
            .entry(&c.id)
            .unwrap()
            .cues
            .iter()
            .any(|x| x.cue == whichdata::Cue::Cleaned);
        assert!(cleaned, "{} is not a cleaned derivative", c.id);
        assert!(c.reasons.iter().any(|r| matches!(
            r.kind,
            ReasonKind::CueFits {
                cue: whichdata::Cue::Cleaned,
                ..
            }
        )));
    }
    let settle = report.settle.join(" ");
    assert!(
        settle.contains("cleaned version") && settle.contains("MS1MV2"),
        "{settle}"
    );
}
