//! Table-driven engine cases: one line each, by what they exercise
//! (mentions, citations, statistics, cues, use versus mention).
//!
//! Each case gives a text, an optional reference list, and what the report
//! must say: the ids it identifies (`uses`), ids that must stay open as
//! candidates (`open`), and ids that must not be claimed (`not`).

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
        for id in c.uses {
            if !used.contains(id) {
                failures.push(format!(
                    "{}: expected {id} identified; used {used:?}, open {open:?}",
                    c.name
                ));
            }
        }
        for id in c.open {
            if !open.contains(id) {
                failures.push(format!(
                    "{}: expected {id} open; used {used:?}, open {open:?}",
                    c.name
                ));
            }
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
        case("typo", "We pretrain on MS-celeb-lM and evaluate on YTF.").uses(&["D9"]),
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
        case("lfw-a papers with lfw named", "We evaluate on LFW and report verification accuracy.").refs(&[
            "G. B. Huang, M. Ramesh, T. Berg, and E. Learned-Miller. Labeled faces in the wild: A database for studying face recognition in unconstrained environments. Technical Report 07-49, UMass, 2007.",
            "L. Wolf, T. Hassner, and Y. Taigman. Similarity scores based on background samples. In ACCV, 2009.",
        ]).uses(&["D20"]).not(&["D18"]),
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
    assert!(
        a.suggestions.iter().any(|s| s.id == "D10"),
        "the ArcFace paper names MS1MV2 once MS-Celeb-1M is used"
    );
}

#[test]
fn statistics_identify_what_names_do_not() {
    check_all(&[
        case("lfw by its counts", "We test on a benchmark of 13,233 images of 5,749 people and report verification accuracy.").uses(&["D18"]),
        case("refined by counts", "We train on MS-Celeb-1M, refined to 5,822,653 images of 85,742 identities, and test on LFW.").uses(&["D10"]).not(&["D9"]),
    ]);
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
            "pretrained model",
            "Features are extracted with a pre-trained FaceNet model.",
        )
        .uses(&["M5"]),
        case(
            "the method, not the model",
            "We compare our loss with FaceNet and SphereFace.",
        )
        .not(&["M5"]),
        case(
            "cleaned, unnamed",
            "We train on a cleaned version of MS-Celeb-1M and test on LFW.",
        )
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
