//! The analyzer for the registry in use, built once per registry and kept
//! for the page's lifetime (registries live as long as the page: the
//! built-in one is static, a loaded one is leaked once per load).

use std::cell::RefCell;

use whichdata::{Analyzer, Error, Registry, Report};

thread_local! {
    static CACHE: RefCell<Option<(*const Registry, &'static Analyzer<'static>)>> = const { RefCell::new(None) };
}

/// Analyses `text` with `registry`, reusing the compiled analyzer.
pub fn analyze(
    registry: &'static Registry,
    text: &str,
    references: &[String],
) -> Result<Report, Error> {
    let analyzer = CACHE.with(|cache| {
        let mut cache = cache.borrow_mut();
        match *cache {
            Some((ptr, analyzer)) if std::ptr::eq(ptr, registry) => analyzer,
            _ => {
                let analyzer: &'static Analyzer<'static> =
                    Box::leak(Box::new(Analyzer::new(registry)));
                *cache = Some((registry, analyzer));
                analyzer
            }
        }
    });
    analyzer.analyze(text, references)
}

/// Parses and validates a registry file, leaking it to live with the page.
pub fn load_registry(json: &str) -> Result<&'static Registry, Error> {
    Registry::from_json(json).map(|r| &*Box::leak(Box::new(r)))
}
