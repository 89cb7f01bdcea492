//! Table-driven engine cases: one line each, by what they exercise
//! (mentions, citations, statistics, cues, use versus mention).
//!
//! Each case gives a text, an optional reference list, and what the report
//! must say: the ids it identifies (`uses`) and the ids left open as
//! candidates (`open`) — each the full set, so a case fails on anything
//! extra — and, for the reader, ids that must not be claimed (`not`).

use whichdata::{Analyzer, ReasonKind, Registry, Report};

struct Case {
    name: &'static str,
    text: &'static str,
    refs: &'static [&'static str],
    uses: &'static [&'static str],
    open: &'static [&'static str],
    not: &'static [&'static str],
}

const fn case(name: &'static str, text: &'static str) -> Case {
    Case {
        name,
        text,
        refs: &[],
        uses: &[],
        open: &[],
        not: &[],
    }
}

impl Case {
    const fn refs(mut self, refs: &'static [&'static str]) -> Case {
        self.refs = refs;
        self
    }
    const fn uses(mut self, ids: &'static [&'static str]) -> Case {
        self.uses = ids;
        self
    }
    const fn open(mut self, ids: &'static [&'static str]) -> Case {
        self.open = ids;
        self
    }
    const fn not(mut self, ids: &'static [&'static str]) -> Case {
        self.not = ids;
        self
    }
}

fn analyze(text: &str, refs: &[&str]) -> Report {
    let registry = Registry::builtin().expect("built-in registry");
    let refs: Vec<String> = refs.iter().map(|r| r.to_string()).collect();
    Analyzer::new(registry)
        .analyze(text, &refs)
        .expect("analysis runs")
}

#[track_caller]
fn check_all(cases: &[Case]) {
    let mut failures = Vec::new();
    for c in cases {
        let report = analyze(c.text, c.refs);
        let used: Vec<&str> = report.suggestions.iter().map(|s| s.id.as_str()).collect();
        let open: Vec<&str> = report.candidates.iter().map(|s| s.id.as_str()).collect();
        let sorted = |ids: &[&str]| {
            let mut v: Vec<String> = ids.iter().map(|s| s.to_string()).collect();
            v.sort();
            v
        };
        if sorted(&used) != sorted(c.uses) {
            failures.push(format!(
                "{}: expected exactly {:?} identified; used {used:?}, open {open:?}",
                c.name, c.uses
            ));
        }
        if !c.open.is_empty() && !c.open.iter().all(|id| open.contains(id))
            || c.open.is_empty() && !open.is_empty()
        {
            failures.push(format!(
                "{}: expected {:?} open; used {used:?}, open {open:?}",
                c.name, c.open
            ));
        }
        for id in c.not {
            if used.contains(id) || open.contains(id) {
                failures.push(format!(
                    "{}: {id} must not be claimed; used {used:?}, open {open:?}",
                    c.name
                ));
            }
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn mentions_tolerate_spelling_but_not_other_words() {
    check_all(&[
        case(
            "hyphenated",
            "We evaluate on DukeMTMC-reID and report rank-1 accuracy.",
        )
        .uses(&["D2"])
        .not(&["D1"]),
        case("spaced", "Experiments on Duke MTMC re-ID show gains.").uses(&["D2"]),
        case(
            "underscored",
            "We train on dukemtmc_reid for the experiments.",
        )
        .uses(&["D2"]),
        case(
            "ms1m v2 drift",
            "Our models are trained on MS1M_v2 and tested on LFW.",
        )
        .uses(&["D10", "D18"])
        .not(&["D9"]),
        case("ms1m-arcface", "We train on ms1m-arcface, the refined set.").uses(&["D10"]),
        case("faces_emore", "Training data: faces_emore (5.8M images).").uses(&["D10"]),
        case("deepglint list", "We use MS-Celeb-1M-v1c for training.")
            .uses(&["D14"])
            .not(&["D9"]),
        case(
            "celeba is not ms-celeb",
            "We train our attribute classifier on CelebA.",
        )
        .uses(&["celeba"])
        .not(&["D9", "D10"]),
        case(
            "vggface2 is not vggface",
            "The model is trained on VGGFace2.",
        )
        .uses(&["vggface2"])
        .not(&["vggface", "M1"]),
        case(
            "lfw-a is not lfwa",
            "We evaluate face verification on LFW-a.",
        )
        .uses(&["D20"])
        .not(&["D19", "D18"]),
        case(
            "lfwa is not lfw-a",
            "We evaluate attribute prediction on LFWA.",
        )
        .uses(&["D19"])
        .not(&["D20"]),
        case(
            "lfw+ is not lfw",
            "Age estimation results on LFW+ are reported.",
        )
        .uses(&["D26"])
        .not(&["D18"]),
        case("typo", "We pretrain on MS-celeb-lM and evaluate on YTF.")
            .uses(&["D9", "youtube-faces"]),
        case(
            "pie chart",
            "A pie chart shows the distribution of errors in our experiments.",
        )
        .not(&["pie"]),
        case(
            "duke university",
            "This work was done at Duke University. We propose a new loss.",
        )
        .not(&["D1", "D2"]),
        case("inside a word", "The LFWX and ALFW benchmarks are new.").not(&["D18"]),
    ]);
}

#[test]
fn citations_tie_names_to_papers_and_refuse_weak_matches() {
    const RISTANI: &str = "[33] E. Ristani, F. Solera, R. Zou, R. Cucchiara, and C. Tomasi. Performance measures and a data set for multi-target, multi-camera tracking. In ECCV Workshops, 2016.";
    const ZHENG: &str = "Z. Zheng, L. Zheng, and Y. Yang. Unlabeled samples generated by GAN improve the person re-identification baseline in vitro. In ICCV, 2017.";
    check_all(&[
        case("marker to the parent's paper, tracking", "We evaluate multi-target tracking on DukeMTMC [33].").refs(&[RISTANI]).uses(&["D1"]).not(&["D2"]),
        case("derivative paper settles the version", "We report re-ID results on DukeMTMC (Zheng et al., 2017).").refs(&[ZHENG]).uses(&["D2"]).not(&["D1"]),
        case("citation alone, re-ID paper with experiments", "A new loss for person re-identification. Extensive experiments show state-of-the-art results.").refs(&[ZHENG]).uses(&["D2"]),
        case("citation alone, unrelated paper", "Generating synthetic traffic signs with GANs. Experiments show better accuracy.").refs(&[ZHENG]).not(&["D2", "D1"]),
        case("generic title is refused", "Person re-identification. Extensive experiments on benchmarks.").refs(&["[1] Z. Zheng. Person re-identification. 2015."]).not(&["D2"]),
        case("shared paper explained by celeba", "We train on CelebA and report attribute accuracy.").refs(&[
            "Z. Liu, P. Luo, X. Wang, and X. Tang. Deep learning face attributes in the wild. In ICCV, 2015.",
        ]).uses(&["celeba"]).not(&["D19"]),
    ]);
}

#[test]
fn reference_order_does_not_change_the_answer() {
    let refs = [
        "Y. Guo, L. Zhang, Y. Hu, X. He, and J. Gao. MS-Celeb-1M: A dataset and benchmark for large-scale face recognition. In ECCV, 2016.",
        "J. Deng, J. Guo, N. Xue, and S. Zafeiriou. ArcFace: Additive angular margin loss for deep face recognition. In CVPR, 2019.",
    ];
    let text = "We train on MS-Celeb-1M and evaluate face verification on LFW and MegaFace.";
    let ids = |r: &Report| {
        r.suggestions
            .iter()
            .map(|s| (s.id.clone(), s.confidence))
            .collect::<Vec<_>>()
    };
    let a = analyze(text, &refs);
    let b = analyze(text, &[refs[1], refs[0]]);
    assert_eq!(ids(&a), ids(&b));
    assert!(!a.suggestions.is_empty());
}

#[test]
fn statistics_identify_what_names_do_not() {
    check_all(&[case(
        "lfw by its counts",
        "We test on a benchmark of 13,233 images of 5,749 people and report verification accuracy.",
    )
    .uses(&["D18"])]);
}

#[test]
fn counts_point_past_the_parent_name_to_the_version() {
    // MS1MV2's own counts under the parent's name. D12 (another cleaned
    // version) records no counts, so nothing rules it out; but the counts
    // lead to D10, and the original is not what the text uses.
    let report = analyze(
        "We train on MS-Celeb-1M, refined to 5,822,653 images of 85,742 identities, and test on LFW.",
        &[],
    );
    let used: Vec<&str> = report.suggestions.iter().map(|s| s.id.as_str()).collect();
    assert!(used.contains(&"D18"), "{used:?}");
    let family: Vec<&whichdata::Suggestion> = report
        .suggestions
        .iter()
        .chain(&report.candidates)
        .filter(|s| s.family == "msceleb1m")
        .collect();
    let leader = family
        .iter()
        .max_by(|a, b| a.confidence.total_cmp(&b.confidence))
        .expect("the family is found");
    assert_eq!(leader.id, "D10", "{family:?}");
    assert!(
        leader
            .reasons
            .iter()
            .any(|r| matches!(r.kind, ReasonKind::StatisticFits { exact: true, .. })),
        "{:?}",
        leader.reasons
    );
    assert!(family.iter().all(|s| s.id != "D9"), "{family:?}");
}

#[test]
fn cues_pick_the_derivative_the_text_describes() {
    check_all(&[
        case(
            "video re-id",
            "We evaluate video-based re-identification on DukeMTMC-VideoReID and MARS.",
        )
        .uses(&["D3", "mars"])
        .not(&["D2"]),
        case(
            "occluded re-id",
            "We evaluate occluded person re-ID on Occluded-DukeMTMC.",
        )
        .uses(&["D8"]),
        case(
            "deep funneled",
            "We evaluate on the deep funneled LFW images for verification.",
        )
        .uses(&["D22"])
        .not(&["D18"]),
        case(
            "tracking",
            "We evaluate multi-target multi-camera tracking on DukeMTMC.",
        )
        .uses(&["D1"])
        .not(&["D2"]),
        case(
            "re-id with the parent name",
            "We evaluate person re-ID on Market-1501 and DukeMTMC.",
        )
        .uses(&["D2", "market1501"])
        .not(&["D1"]),
        case(
            "pretrained model by its checkpoint",
            "Features are extracted with the pre-trained FaceNet model 20170512-110547.",
        )
        .uses(&["M5"]),
        case(
            "a released model and the data it was trained on",
            "We use the pretrained ArcFace model from InsightFace, trained on MS1MV2.",
        )
        .uses(&["M3", "D10"]),
        case(
            "a model trained on other data is not that release",
            "We use a FaceNet model pre-trained on VGGFace2.",
        )
        .uses(&["vggface2"])
        .not(&["M5", "M1"]),
        case(
            "the method, not the model",
            "We compare our loss with FaceNet and SphereFace.",
        )
        .not(&["M5"]),
        case(
            "cleaned, unnamed",
            "We train on a cleaned version of MS-Celeb-1M and test on LFW.",
        )
        .uses(&["D18"])
        .open(&["D10", "D13", "D14"])
        .not(&["D9"]),
    ]);
}

#[test]
fn a_name_without_use_is_not_a_use() {
    check_all(&[
        case(
            "contrast",
            "Unlike LFW, our photos come from real surveillance cameras.",
        )
        .not(&["D18"]),
        case(
            "survey",
            "A survey of person re-identification. We review DukeMTMC-reID and Market-1501.",
        )
        .not(&["D2", "market1501"]),
    ]);
}

#[test]
fn nothing_found_is_an_empty_report() {
    let report = analyze("We study sentiment in product reviews.", &[]);
    assert_eq!(report.status, whichdata::Verdict::None);
    assert!(
        report.suggestions.is_empty() && report.candidates.is_empty() && report.mentions.is_empty()
    );
}

#[test]
fn every_reason_has_a_sentence_and_spans_inside_the_text() {
    let text = std::fs::read_to_string(format!(
        "{}/tests/fixtures/table7-dukemtmc.txt",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let report = analyze(&text, &[]);
    for s in report.suggestions.iter().chain(&report.candidates) {
        for r in &s.reasons {
            assert!(!r.to_string().is_empty());
            if let Some((a, b)) = r.span {
                assert!(
                    a <= b
                        && b <= text.len()
                        && text.is_char_boundary(a)
                        && text.is_char_boundary(b),
                    "{r:?}"
                );
            }
            if let ReasonKind::Named { written } = &r.kind {
                let (a, b) = r.span.unwrap();
                assert_eq!(&text[a..b], written);
            }
        }
    }
}

#[test]
fn a_whole_paper_yields_excerpts_around_each_mention() {
    let mut paper = String::new();
    for i in 0..200 {
        paper.push_str(&format!(
            "Paragraph {i} discusses losses and optimisation without naming data. "
        ));
    }
    paper.push_str("We train on MS1MV2 and evaluate on LFW. ");
    for i in 0..200 {
        paper.push_str(&format!("Paragraph {i} continues with ablations. "));
    }
    let report = analyze(&paper, &[]);
    assert!(report.suggestions.iter().any(|s| s.id == "D10"));
    assert_eq!(report.excerpts.len(), 1, "one passage holds both names");
    assert!(report.excerpts[0].text.contains("MS1MV2") && report.excerpts[0].text.len() < 1000);
}

/// The labelled near-miss sentences the model was fitted on
/// (`data/near-misses/train.jsonl`): names that are ordinary words.
fn near_misses() -> Vec<(String, String)> {
    let path = format!(
        "{}/data/near-misses/train.jsonl",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(path)
        .expect("near-miss file")
        .lines()
        .map(|l| {
            let v: serde_json::Value = serde_json::from_str(l).expect("a JSON line");
            (
                v["id"].as_str().unwrap().to_string(),
                v["text"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn ordinary_words_are_not_datasets_bare_or_with_a_line_break() {
    let mut failures = Vec::new();
    for (id, text) in near_misses() {
        for t in [text.clone(), format!("{text}\n")] {
            let r = analyze(&t, &[]);
            if !r.suggestions.is_empty() || !r.candidates.is_empty() {
                let found: Vec<&str> = r
                    .suggestions
                    .iter()
                    .chain(&r.candidates)
                    .map(|s| s.id.as_str())
                    .collect();
                failures.push(format!("{id} {found:?}: {t:?}"));
            }
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn the_issue_near_misses_find_nothing() {
    check_all(&[
        case(
            "call for papers",
            "The call for papers (CFP) closes in May.",
        ),
        case("ar headset", "Our AR headset overlays labels.\n"),
        case(
            "autoregressive",
            "We compare with an autoregressive (AR) model.",
        ),
        case("morph", "We morph the mesh into the target shape."),
        case("brainwash", "Advertising can brainwash children."),
        case("janus", "Janus kinase inhibitors reduce inflammation."),
        case("duke", "She studied at Duke before moving to Boston."),
        case(
            "tiny images",
            "The tiny images on the slide were unreadable.",
        ),
        case("ferret", "A ferret in the enclosure was vaccinated."),
    ]);
}

#[test]
fn a_line_with_a_line_break_reads_like_the_line() {
    for text in [
        "Our AR headset overlays labels.",
        "We evaluate on DukeMTMC-reID.",
        "We train on MS1MV2 and test on LFW",
    ] {
        let ids = |r: &Report| {
            r.suggestions
                .iter()
                .map(|s| (s.id.clone(), s.confidence))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            ids(&analyze(text, &[])),
            ids(&analyze(&format!("{text}\n"), &[])),
            "{text}"
        );
    }
}

#[test]
fn plain_statements_of_use_are_near_certain() {
    for (text, id) in [
        ("We evaluate on DukeMTMC-reID.", "D2"),
        ("We train on MS1MV2 and test on LFW.", "D10"),
        ("Experiments are conducted on Market-1501.", "market1501"),
        ("All models are trained on CASIA-WebFace.", "casia-webface"),
        ("We evaluate video re-ID on DukeMTMC-VideoReID.", "D3"),
    ] {
        let r = analyze(text, &[]);
        let s = r
            .suggestions
            .iter()
            .find(|s| s.id == id)
            .unwrap_or_else(|| panic!("{id} in {text}: {r:?}"));
        assert!(s.confidence >= 0.9, "{text}: {id} at {}", s.confidence);
    }
    // The original's own name stands for its versions too: likely, not certain.
    let r = analyze("We train on MS1MV2 and test on LFW.", &[]);
    let lfw = r.suggestions.iter().find(|s| s.id == "D18").expect("LFW");
    assert!(lfw.confidence >= 0.8, "{}", lfw.confidence);
}

#[test]
fn counts_in_tables_are_read_under_their_headers() {
    check_all(&[
        case(
            "markdown",
            "| Dataset | #IDs | #Images |\n|---|---|---|\n| DukeMTMC | 1,404 | 36,411 |\n",
        )
        .uses(&["D2"])
        .not(&["D1"]),
        case(
            "pipe table without outer pipes",
            "Dataset | #IDs | #Images\n---|---|---\nDuke | 1,404 | 36,411\n",
        )
        .uses(&["D2"]),
    ]);
}

#[test]
fn images_of_a_re_id_dataset_are_its_boxes() {
    let r = analyze(
        "DukeMTMC has 16,522 training images of 702 identities.",
        &[],
    );
    let d2 = r.suggestions.iter().find(|s| s.id == "D2").expect("D2");
    assert!(d2.reasons.iter().any(|r| matches!(
        r.kind,
        ReasonKind::StatisticFits {
            quantity: whichdata::Quantity::Boxes,
            value: 16_522,
            ..
        }
    )));
}

#[test]
fn a_text_that_describes_a_dataset_says_which() {
    let r = analyze(
        "The dataset contains 36,411 images of 1,404 identities captured by 8 cameras.",
        &[],
    );
    let d2 = r
        .suggestions
        .iter()
        .find(|s| s.id == "D2")
        .expect("D2 from its counts alone");
    assert_eq!(d2.role, whichdata::Role::Described);
}

#[test]
fn several_named_versions_are_each_identified_not_ambiguous() {
    check_all(&[
        case("ms1m versions", "We trained on ms1m-v1 and ms1m-v2.").uses(&["D10", "D13"]),
        case(
            "lfw and its protocol",
            "We evaluate on LFW and on its BLUFR protocol.",
        )
        .uses(&["D18", "D24"]),
    ]);
}

#[test]
fn a_whole_paper_brings_its_own_reference_list() {
    let mut paper = String::from("Deep person re-identification with part features\n\nAbstract\n");
    paper.push_str(&"We study re-identification of people across cameras. ".repeat(20));
    paper.push_str("\n\n4 Experiments\nWe report re-ID results on DukeMTMC [12], which provides 16,522 training boxes of 702 identities.\n\n");
    paper.push_str("References\n[11] A. Other. Something else entirely. 2015.\n[12] Z. Zheng, L. Zheng, and Y. Yang. Unlabeled samples generated by GAN improve the person re-identification baseline in vitro. In ICCV, 2017.\n");
    let r = analyze(&paper, &[]);
    let d2 = r.suggestions.iter().find(|s| s.id == "D2").expect("D2");
    assert!(
        d2.reasons.iter().any(|r| matches!(
            &r.kind,
            ReasonKind::CitesPaper { marker: Some(m), .. } if m == "[12]"
        )),
        "{:#?}",
        d2.reasons
    );
    // Names inside the reference list are titles, not mentions.
    assert!(
        r.mentions
            .iter()
            .all(|m| m.span.1 < paper.find("References").unwrap())
    );
}

#[test]
fn the_reasons_of_the_first_question_add_up_to_its_probability() {
    for text in [
        "We evaluate on DukeMTMC-reID.",
        "Experiments were performed on four of the largest ReID benchmarks, i.e., Market1501, CUHK03, DukeMTMC, and MSMT17. DukeMTMC provides 16,522 bounding boxes of 702 identities for training.",
        "Features are extracted with the pre-trained FaceNet model 20170512-110547.",
    ] {
        let r = analyze(text, &[]);
        assert!(!r.suggestions.is_empty(), "{text}");
        for s in &r.suggestions {
            let total: f64 = s
                .reasons
                .iter()
                .filter(|r| r.stage == whichdata::Stage::Use)
                .map(|r| r.weight)
                .sum();
            let p = 1.0 / (1.0 + (-total).exp());
            assert!(
                (p - s.group_probability).abs() < 0.002,
                "{}: reasons sum to {p}, probability {}",
                s.id,
                s.group_probability
            );
        }
    }
}
