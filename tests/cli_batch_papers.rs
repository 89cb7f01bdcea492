//! PDFs on the command line: `check` and `text` on one paper, and
//! `whichdata batch` over a programme committee's folder of submissions:
//! one row per paper, error rows for PDFs that cannot be read, and a
//! self-contained HTML report.

use std::path::{Path, PathBuf};

use crate::util::{run, scratch};

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/pdf")
        .join(name)
}

/// A folder of 23 papers (22 of them PDFs): the fixture PDFs, copies of the two-column
/// papers in a subfolder, a text paper, a truncated PDF saved as `.txt`
/// (found by content), a file that is neither, and a hidden file.
fn submissions(name: &str) -> PathBuf {
    let dir = scratch(name);
    let copy = |from: &str, to: &Path| std::fs::copy(fixture(from), to).expect("copy");
    for f in [
        "reid-two-column.pdf",
        "face-two-column.pdf",
        "reid-author-year.pdf",
        "long-10.pdf",
        "encrypted.pdf",
        "no-text-layer.pdf",
        "owner-locked.pdf",
    ] {
        copy(f, &dir.join(f));
    }
    std::fs::create_dir(dir.join("track-b")).unwrap();
    for i in 0..7 {
        copy(
            "reid-two-column.pdf",
            &dir.join(format!("track-b/reid-{i:02}.pdf")),
        );
        copy(
            "face-two-column.pdf",
            &dir.join(format!("track-b/face-{i:02}.pdf")),
        );
    }
    std::fs::write(
        dir.join("abstract.txt"),
        "We evaluate face verification on LFW and train on CASIA-WebFace.",
    )
    .unwrap();
    let face = std::fs::read(fixture("face-two-column.pdf")).unwrap();
    std::fs::write(dir.join("cut-off.txt"), &face[..face.len() / 3]).unwrap();
    std::fs::write(dir.join("slides.pptx"), b"PK\x03\x04 not a paper").unwrap();
    std::fs::write(dir.join(".DS_Store"), b"\0\0\0\x01Bud1").unwrap();
    dir
}

#[test]
fn a_folder_of_submissions_gives_one_row_per_paper_and_error_rows_for_broken_ones() {
    let dir = submissions("batch-folder");
    let report = dir.join("report.html");
    let out = run(
        &[
            "batch",
            dir.to_str().unwrap(),
            "--output",
            "csv",
            "--html",
            report.to_str().unwrap(),
        ],
        b"",
    );
    // Three papers cannot be read: the run says so and exits 1.
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(
        out.stderr
            .contains("3 of 23 documents could not be analysed"),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("skipped 1 file(s)") && out.stderr.contains("slides.pptx"));
    let mut csv = csv_rows(&out.stdout);
    let header = csv.remove(0);
    assert_eq!(
        header,
        [
            "line",
            "id",
            "status",
            "suggestions",
            "confidences",
            "candidates",
            "error",
            "flags",
            "attention"
        ]
    );
    assert_eq!(csv.len(), 23, "one row per paper");
    let row = |file: &str| {
        csv.iter()
            .find(|r| r[1].ends_with(file))
            .unwrap_or_else(|| panic!("no row for {file}"))
    };
    assert!(row("encrypted.pdf")[6].contains("encrypted with a password"));
    assert!(row("no-text-layer.pdf")[6].contains("no text layer"));
    assert!(
        row("cut-off.txt")[6].contains("cannot be read"),
        "{:?}",
        row("cut-off.txt")
    );
    let reid = row("track-b/reid-03.pdf");
    let mut ids: Vec<&str> = reid[3].split(' ').collect();
    ids.sort();
    assert_eq!(ids, ["D2", "market1501"]);
    assert!(reid[7].contains("retracted-data"));
    assert!(reid[8].contains("DukeMTMC-reID is derived from DukeMTMC (retracted"));
    let face = row("track-b/face-06.pdf");
    assert!(face[3].split(' ').any(|id| id == "D10"), "{face:?}");
    assert!(!face[3].split(' ').any(|id| id == "D9"), "{face:?}");
    let text = row("abstract.txt");
    assert!(text[3].split(' ').any(|id| id == "D18"), "{text:?}");
    // Rows come in the folder's name order, numbered.
    let lines: Vec<usize> = csv.iter().map(|r| r[0].parse().unwrap()).collect();
    assert_eq!(lines, (1..=23).collect::<Vec<_>>());

    let html = std::fs::read_to_string(&report).expect("the report is written");
    assert!(html.contains("Content-Security-Policy\" content=\"default-src 'none'"));
    for needle in ["src=\"http", "href=\"http", "@import", "url("] {
        assert!(
            !html.contains(needle),
            "the report loads nothing: found {needle}"
        );
    }
    assert_eq!(html.matches("<tr data-flags=").count(), 23);
    assert!(html.contains("id=\"doc-23\""));
    assert!(html.contains("derived from DukeMTMC (retracted 2019-04)"));
}

#[test]
fn one_pdf_is_a_paper_and_a_corpus_file_beside_papers_is_refused() {
    let dir = scratch("batch-one-pdf");
    let pdf = dir.join("paper.bin");
    std::fs::copy(fixture("reid-two-column.pdf"), &pdf).unwrap();
    let out = run(&["batch", pdf.to_str().unwrap()], b"");
    assert_eq!(out.code, 0, "{}", out.stderr);
    let v: serde_json::Value = serde_json::from_str(out.stdout.trim()).unwrap();
    assert_eq!(v["line"], 1);
    assert!(
        v["attention"]["summary"]
            .as_str()
            .unwrap()
            .contains("retracted")
    );

    let corpus = dir.join("corpus.jsonl");
    std::fs::write(&corpus, "{\"id\":1,\"text\":\"LFW\"}\n").unwrap();
    let out = run(
        &["batch", pdf.to_str().unwrap(), corpus.to_str().unwrap()],
        b"",
    );
    assert_eq!(out.code, 1, "{}", out.stderr);
    assert!(out.stderr.contains("is a corpus"), "{}", out.stderr);
}

#[test]
fn hostile_text_in_a_paper_stays_text_in_the_report() {
    let dir = scratch("batch-hostile");
    let paper = dir.join("<img src=x onerror=alert(1)>.txt");
    std::fs::write(
        &paper,
        "We train on DukeMTMC-reID <script>alert(1)</script> and evaluate on Market-1501.",
    )
    .unwrap();
    let report = dir.join("r.html");
    let out = run(
        &[
            "batch",
            dir.to_str().unwrap(),
            "--html",
            report.to_str().unwrap(),
        ],
        b"",
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let html = std::fs::read_to_string(report).unwrap();
    assert!(
        !html.contains("<script>alert"),
        "script in the text was escaped"
    );
    assert!(
        !html.contains("<img src=x"),
        "markup in a file name was escaped"
    );
    assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;"));
}

/// Splits CSV the way the batch writes it (quotes around fields with
/// commas or quotes).
fn csv_rows(text: &str) -> Vec<Vec<String>> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.as_bytes());
    reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

#[test]
fn check_reads_a_pdf_and_its_json_says_what_needs_attention_and_how_it_was_read() {
    let pdf = fixture("face-two-column.pdf");
    let out = run(&["check", pdf.to_str().unwrap(), "--format", "json"], b"");
    assert_eq!(out.code, 0, "{}", out.stderr);
    let v: serde_json::Value = serde_json::from_str(out.stdout.trim()).unwrap();
    let summary = v["attention"]["summary"].as_str().unwrap();
    assert!(
        summary.starts_with("Needs attention: MS1MV2 is derived from MS-Celeb-1M (retracted"),
        "{summary}"
    );
    assert_eq!(v["attention"]["entries"][0]["id"], "D10");
    assert_eq!(
        v["attention"]["entries"][0]["concerns"][0]["kind"],
        "derived-from-retracted"
    );
    assert_eq!(
        v["outline"]["title"],
        "Margin Scheduling for Deep Face Recognition"
    );
    assert!(v["outline"]["references"]["entries"].as_u64().unwrap() >= 10);
    assert!(
        v["excerpts"]
            .as_array()
            .unwrap()
            .iter()
            .any(|x| x["section"] == "Training data")
    );
    // The text output opens with the same line and lists MS1MV2 first.
    let text = run(&["check", pdf.to_str().unwrap()], b"");
    let lines: Vec<&str> = text.stdout.lines().collect();
    assert_eq!(lines[1], summary);
    let first_entry = lines
        .iter()
        .find(|l| l.starts_with("  ") && !l.starts_with("   "))
        .unwrap();
    assert!(first_entry.trim_start().starts_with("D10"), "{first_entry}");
}

#[test]
fn text_prints_what_is_read_and_a_scan_says_why_not() {
    let out = run(
        &["text", fixture("reid-two-column.pdf").to_str().unwrap()],
        b"",
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout
            .contains("16,522 training images of 702 identities")
    );
    let scan = run(
        &["text", fixture("no-text-layer.pdf").to_str().unwrap()],
        b"",
    );
    assert_eq!(scan.code, 1);
    assert!(scan.stderr.contains("no text layer"), "{}", scan.stderr);
    assert!(scan.stdout.is_empty());
}

#[test]
fn a_corpus_that_mentions_the_pdf_header_or_starts_with_a_bom_is_still_a_corpus() {
    let input = "\u{feff}{\"id\": 1, \"text\": \"We evaluate on LFW.\"}\n\
                 {\"id\": 2, \"text\": \"Files start with %PDF-1.7, which we parse.\"}\n";
    let out = run(&["batch"], input.as_bytes());
    assert_eq!(out.code, 0, "{}", out.stderr);
    let lines: Vec<serde_json::Value> = out
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["id"], 1);
    assert!(lines[0].get("error").is_none(), "{}", lines[0]);
    assert_eq!(lines[1]["id"], 2);
}

#[test]
fn one_text_paper_is_a_paper_and_a_folder_link_loop_is_not_followed() {
    let dir = scratch("batch-text-paper");
    let paper = dir.join("abstract.txt");
    std::fs::write(&paper, "We evaluate face verification on LFW.").unwrap();
    let out = run(&["batch", paper.to_str().unwrap()], b"");
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(out.stdout.lines().count(), 1);
    #[cfg(unix)]
    {
        let sub = dir.join("sub");
        std::fs::create_dir(&sub).unwrap();
        std::os::unix::fs::symlink("..", sub.join("up")).unwrap();
        let out = run(&["batch", dir.to_str().unwrap()], b"");
        assert_eq!(out.code, 0, "{}", out.stderr);
        assert_eq!(
            out.stdout.lines().count(),
            1,
            "the paper once, not once per loop"
        );
    }
}

#[test]
fn results_that_cannot_be_written_are_an_error_not_a_silent_success() {
    let full = std::path::Path::new("/dev/full");
    if !full.exists() {
        return;
    }
    let status = std::process::Command::new(env!("CARGO_BIN_EXE_whichdata"))
        .args(["batch", "--no-fail"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::fs::File::create(full).unwrap())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .and_then(|mut child| {
            use std::io::Write;
            child
                .stdin
                .take()
                .unwrap()
                .write_all(b"{\"id\": 1, \"text\": \"We use LFW.\"}\n")?;
            child.wait_with_output()
        })
        .unwrap();
    assert_eq!(status.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&status.stderr).contains("cannot write the results"));
}
