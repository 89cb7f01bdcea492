//! Every input a fuzzer crashed the engine with, kept as a test (as regex
//! does). Files in tests/fixtures/fuzz/ are named `<target>-<what it pinned>`.

use whichdata::{Analyzer, Registry};

fn each_fixture(prefix: &str, mut check: impl FnMut(&str, &[u8])) {
    let dir = format!("{}/tests/fixtures/fuzz", env!("CARGO_MANIFEST_DIR"));
    let mut found = 0;
    for entry in std::fs::read_dir(&dir).expect("fuzz fixtures exist") {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        if name.starts_with(prefix) {
            found += 1;
            check(&name, &std::fs::read(&path).unwrap());
        }
    }
    assert!(
        found > 0 || prefix != "analyze-",
        "no {prefix} fixtures in {dir}"
    );
}

#[test]
fn analyzer_crash_inputs_now_analyse() {
    let analyzer = Analyzer::new(Registry::builtin().unwrap());
    each_fixture("analyze-", |name, bytes| {
        let input = String::from_utf8_lossy(bytes);
        let (text, refs) = input.split_once('\u{c}').unwrap_or((&input, ""));
        let refs: Vec<String> = refs.lines().map(str::to_string).collect();
        let report = analyzer
            .analyze(text, &refs)
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        for m in &report.mentions {
            assert!(
                text.is_char_boundary(m.span.0) && text.is_char_boundary(m.span.1),
                "{name}"
            );
        }
    });
}

#[test]
fn registry_crash_inputs_now_fail_cleanly() {
    each_fixture("registry_load-", |_, bytes| {
        let _ = Registry::from_json(&String::from_utf8_lossy(bytes));
    });
}

#[test]
fn batch_line_crash_inputs_now_fail_cleanly() {
    each_fixture("batch_line-", |_, bytes| {
        let _ = whichdata::parse_document_line(bytes);
    });
}
