//! Any batch line parses to a document or an error naming the problem.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Err(e) = whichdata::parse_document_line(data) {
        assert!(!e.message.is_empty());
    }
});
