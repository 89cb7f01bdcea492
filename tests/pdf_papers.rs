//! PDFs as a reviewer holds them: text extracted from two producers
//! (pdfTeX, Chromium's print to PDF), checked for what matching needs, then
//! the whole paper analysed from the PDF alone.

use std::path::PathBuf;

use whichdata::pdf::{PdfError, extract};
use whichdata::{Analyzer, Registry, Report};

fn fixture(name: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/pdf")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn text_of(name: &str) -> String {
    extract(&fixture(name))
        .unwrap_or_else(|e| panic!("{name}: {e}"))
        .text
}

/// `needles` appear in `text` in this order.
#[track_caller]
fn in_order(text: &str, needles: &[&str]) {
    let mut from = 0;
    for n in needles {
        match text[from..].find(n) {
            Some(i) => from += i + n.len(),
            None => panic!("{n:?} not found after byte {from} in:\n{text}"),
        }
    }
}

#[track_caller]
fn reads_cleanly(text: &str) {
    for lig in ['\u{FB00}', '\u{FB01}', '\u{FB02}', '\u{FB03}', '\u{FB04}'] {
        assert!(!text.contains(lig), "ligature {lig:?} left in the text");
    }
    assert!(
        !text.contains('\u{FFFD}'),
        "replacement characters in the text"
    );
}

#[test]
fn pdftex_two_columns_read_in_order_with_words_and_counts_whole() {
    let text = text_of("reid-two-column.pdf");
    reads_cleanly(&text);
    // Column order: the left column's sections before the right column's.
    in_order(
        &text,
        &[
            "Stripe Pooling with Camera-Aware Memory",
            "\n1 Introduction\n",
            "\n2 Related Work\n",
            "\n3 Method\n",
            "\n4 Experiments\n",
            "\n4.1 Datasets\n",
            "\n5 Conclusion\n",
            "\nReferences\n",
            "[12] E. Ristani",
        ],
    );
    // Ligatures undone ("efficient", "fine"), a hyphenated line end rejoined,
    // thousands separators intact.
    assert!(
        text.contains("efficient person re-identification"),
        "{text}"
    );
    assert!(
        text.contains("DukeMTMC contains 16,522 training images of 702 identities,"),
        "{text}"
    );
    // A table row stays one line.
    assert!(text.contains("\nDukeMTMC 1,404 36,411 8\n"), "{text}");
    // A name broken at its own hyphen keeps it ("Market-" / "1501").
    assert!(text.contains("Market-1501\nhas 12,936"), "{text}");
}

#[test]
fn chromium_print_keeps_numbers_and_words_whole() {
    let text = text_of("reid-author-year.pdf");
    reads_cleanly(&text);
    in_order(
        &text,
        &[
            "Occlusion-Robust Part Matching for Person Re-identification",
            "\n2 Related Work\n",
            "\n4.1 Datasets\n",
            "We evaluate on DukeMTMC (Ristani et al.,",
            "16,522",
            "\nReferences\n",
            "Ristani, E., Solera, F.",
        ],
    );
    assert!(
        text.contains("It contains 16,522 training images of\n702 identities"),
        "{text}"
    );
    assert!(text.contains("\nDukeMTMC 1,404 36,411\n"), "{text}");
    assert!(text.contains("a cheap and effective way"), "{text}");
}

#[test]
fn a_face_paper_reads_its_counts() {
    let text = text_of("face-two-column.pdf");
    reads_cleanly(&text);
    in_order(
        &text,
        &[
            "We train on MS1M-ArcFace [4]",
            "5.8M images of 85K",
            "We evaluate on LFW [9]",
        ],
    );
}

#[test]
fn pdfs_that_cannot_be_read_say_why() {
    assert_eq!(extract(&fixture("encrypted.pdf")), Err(PdfError::Encrypted));
    assert_eq!(
        extract(&fixture("no-text-layer.pdf")),
        Err(PdfError::NoText { pages: 1 })
    );
    // Restrictions without a user password do not stop reading.
    assert!(text_of("owner-locked.pdf").contains("16,522 training images"));
    assert_eq!(extract(b"We use LFW."), Err(PdfError::NotPdf));
    for e in [
        PdfError::Encrypted,
        PdfError::NoText { pages: 3 },
        PdfError::Unreadable("x".into()),
    ] {
        assert!(e.to_string().len() > 20, "{e}");
    }
}

#[test]
fn a_damaged_pdf_is_an_error_or_partial_text_never_a_crash() {
    let whole = fixture("reid-two-column.pdf");
    for cut in [16, 200, whole.len() / 3, whole.len() / 2, whole.len() - 30] {
        match extract(&whole[..cut]) {
            Ok(pdf) => assert!(pdf.pages >= 1),
            Err(PdfError::Unreadable(why)) => assert!(!why.is_empty()),
            Err(other) => panic!("cut at {cut}: {other}"),
        }
    }
}

fn analyze_pdf(name: &str) -> Report {
    let registry = Registry::builtin().expect("built-in registry");
    Analyzer::new(registry)
        .analyze(&text_of(name), &[])
        .expect("analysis runs")
}

fn used(r: &Report) -> Vec<&str> {
    let mut v: Vec<&str> = r.suggestions.iter().map(|s| s.id.as_str()).collect();
    v.sort();
    v
}

#[test]
fn the_table7_paper_comes_out_as_dukemtmc_reid_from_the_pdf_alone() {
    // "DukeMTMC [12]" with DukeMTMC-reID's counts; [12] is Ristani et al.
    // in the paper's own reference list; VIPeR is named only under Related
    // Work.
    for name in ["reid-two-column.pdf", "reid-author-year.pdf"] {
        let r = analyze_pdf(name);
        assert_eq!(used(&r), ["D2", "market1501"], "{name}: {r:#?}");
        assert!(r.candidates.is_empty(), "{name}: {:?}", r.candidates);
    }
}

#[test]
fn a_face_paper_gives_its_training_set_not_the_parent_in_its_related_work() {
    let r = analyze_pdf("face-two-column.pdf");
    assert_eq!(used(&r), ["D10", "D18", "agedb", "cfp"], "{r:#?}");
    assert!(r.candidates.is_empty(), "{:?}", r.candidates);
}

#[test]
fn a_whole_paper_shows_how_it_was_read() {
    let report = analyze_pdf("face-two-column.pdf");
    let outline = report
        .outline
        .as_ref()
        .expect("a whole paper has an outline");
    assert_eq!(
        outline.title.as_deref(),
        Some("Margin Scheduling for Deep Face Recognition")
    );
    let kinds: Vec<(&str, &str)> = outline
        .sections
        .iter()
        .map(|s| (s.heading.as_str(), s.kind))
        .collect();
    for want in [
        ("Related Work", "related-work"),
        ("Experiments", "experiments"),
        ("Training data", "experiments"),
    ] {
        assert!(kinds.contains(&want), "{want:?} in {kinds:?}");
    }
    let refs = outline
        .references
        .as_ref()
        .expect("its references are found");
    assert!(refs.entries >= 10, "{} reference entries", refs.entries);
    // The excerpts say where each name was read.
    let section_of = |id: &str| {
        report
            .excerpts
            .iter()
            .find(|x| x.entries.iter().any(|e| e == id))
            .and_then(|x| x.section.as_deref())
    };
    assert_eq!(section_of("D10"), Some("Training data"));
    assert_eq!(section_of("D9"), Some("Related Work"));
}

#[test]
fn an_author_year_paper_resolves_its_citations_from_its_own_references() {
    let report = analyze_pdf("reid-author-year.pdf");
    let refs = report
        .outline
        .as_ref()
        .and_then(|o| o.references.as_ref())
        .expect("its reference list is found");
    assert_eq!(refs.entries, 4, "its four wrapped entries, joined back");
    let d2 = report
        .suggestions
        .iter()
        .find(|s| s.id == "D2")
        .expect("DukeMTMC-reID is found");
    assert!(
        d2.reasons.iter().any(|r| r.to_string().contains("Ristani")),
        "a reason cites Ristani et al. from the PDF's own list: {:#?}",
        d2.reasons
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
    );
}

#[test]
fn tex_fonts_without_a_unicode_map_read_right() {
    let text = text_of("old-pdftex.pdf");
    reads_cleanly(&text);
    for want in [
        "Different Views of Person Re-identification",
        "which offers 16,522 training",
        "256×128",
        "Market→Duke",
        "efficient",
        "pages 1–7",
        "official figures",
    ] {
        assert!(text.contains(want), "{want:?} in:\n{text}");
    }
    let report = Analyzer::new(Registry::builtin().unwrap())
        .analyze(&text, &[])
        .unwrap();
    let d2 = report
        .suggestions
        .iter()
        .find(|s| s.id == "D2")
        .expect("D2");
    assert!(
        d2.reasons
            .iter()
            .any(|r| r.to_string().contains("16,522 training images")),
        "the count in math mode is read as a count"
    );
}
