//! Any bytes given as a registry load or fail with an error; never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        if let Ok(registry) = whichdata::Registry::from_json(text) {
            // A registry that loads can be analysed with.
            let _ = whichdata::Analyzer::new(&registry)
                .analyze("We evaluate on LFW and DukeMTMC-reID.", &[]);
        }
    }
});
