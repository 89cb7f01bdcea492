//! Any text, with any reference list, is analysed without panicking, and
//! every span the report gives lies on character boundaries inside the text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;
use whichdata::{Analyzer, Registry};

fuzz_target!(|data: &[u8]| {
    static ANALYZER: OnceLock<Analyzer<'static>> = OnceLock::new();
    let analyzer =
        ANALYZER.get_or_init(|| Analyzer::new(Registry::builtin().expect("built-in registry")));
    let Ok(input) = std::str::from_utf8(data) else {
        return;
    };
    // The first line (if any) after a form feed is a reference list.
    let (text, refs) = input.split_once('\u{c}').unwrap_or((input, ""));
    let refs: Vec<String> = refs.lines().map(str::to_string).collect();
    let Ok(report) = analyzer.analyze(text, &refs) else {
        return;
    };
    let spans = report
        .suggestions
        .iter()
        .chain(&report.candidates)
        .flat_map(|s| s.reasons.iter().filter_map(|r| r.span))
        .chain(report.mentions.iter().map(|m| m.span))
        .chain(report.excerpts.iter().map(|e| e.span));
    for (a, b) in spans {
        assert!(a <= b && b <= text.len() && text.is_char_boundary(a) && text.is_char_boundary(b));
    }
});
