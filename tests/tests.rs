//! whichdata's integration tests, one binary (as in ripgrep): each module
//! below is one area.

// Helpers to run the real `whichdata` binary.
mod util;

// The built-in registry.json checked like code: ids, aliases, parents,
// sources, and the study's Table 4 flags.
mod registry_data;
// Loading: malformed and invalid registries fail with their place.
mod registry_loading;
// The command line: `whichdata registry list|show|validate`.
mod cli_registry;
// The command line: `whichdata check|batch|eval`.
mod cli_batch_papers;
mod cli_engine;
// The command line's exports: Croissant, DataCite, Scholix.
mod cli_exports;
// The fitted model shipped inside the library.
mod model_data;
// The engine: the study's Table 7 cases, then table-driven cases by kind.
mod engine_cases;
mod engine_table7;
mod engine_whole_papers;
// PDFs: extraction from two producers, errors, whole papers.
mod pdf_papers;
// Inputs the fuzzers once crashed on, kept as regression tests.
mod fuzz_regressions;
// Properties over generated input: no panics, spans inside the text,
// determinism, reference order independence.
mod properties;
