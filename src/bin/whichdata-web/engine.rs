//! The analyzer in use. The page's state owns it (an `Rc`); loading a
//! registry builds a new analyzer that owns its registry, and switching
//! drops the old one with its registry: nothing is leaked per load.
//!
//! The JavaScript API (`api.rs`) runs outside the page's state, so the App
//! publishes the analyzer it shows here as a weak reference: the API sees
//! what the page uses without keeping anything alive.

use std::cell::{Cell, OnceCell, RefCell};
use std::rc::{Rc, Weak};
use std::sync::Arc;

use whichdata::{Analyzer, Error, Registry};
use yew::Callback;

use crate::worker::ReadFailure;

/// An analyzer with its registry, compared by identity: two loads of the
/// same file are two registries in use.
#[derive(Clone)]
pub struct InUse(pub Rc<Analyzer<'static>>);

impl PartialEq for InUse {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl std::fmt::Debug for InUse {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "InUse({} entries)", self.registry().entries().len())
    }
}

impl InUse {
    /// The registry it reads.
    pub fn registry(&self) -> &Registry {
        self.0.registry()
    }

    /// A weak reference (for tests that check nothing outlives a switch).
    #[cfg(test)]
    pub fn downgrade(&self) -> Weak<Analyzer<'static>> {
        Rc::downgrade(&self.0)
    }
}

thread_local! {
    /// The built-in registry's analyzer: one for the page, since the
    /// built-in registry itself is static.
    static BUILTIN: OnceCell<Rc<Analyzer<'static>>> = const { OnceCell::new() };
    /// What the page shows, for the JavaScript API; never an owner.
    static PUBLISHED: RefCell<Weak<Analyzer<'static>>> = const { RefCell::new(Weak::new()) };
    /// The number of the latest registry load: only its answer counts.
    static LATEST_LOAD: Cell<u32> = const { Cell::new(0) };
}

/// The built-in registry's analyzer.
pub fn builtin() -> InUse {
    InUse(BUILTIN.with(|b| {
        b.get_or_init(|| {
            let registry =
                Registry::builtin().expect("the built-in registry is validated by the test suite");
            Rc::new(Analyzer::new(registry))
        })
        .clone()
    }))
}

/// Reads a registry in compact form (as the file reader returns it, or as
/// storage keeps it), validates it and compiles it.
pub fn from_compact(bytes: &[u8]) -> Result<InUse, Error> {
    Registry::from_compact(bytes).map(|r| InUse(Rc::new(Analyzer::shared(Arc::new(r)))))
}

/// A registry file loaded: the analyzer in use for it, and why it could
/// not be kept for the next visit, if it could not.
pub struct Loaded {
    /// The analyzer of the loaded registry.
    pub analyzer: InUse,
    /// Why storage would not keep it (a full quota), if it would not.
    pub not_kept: Option<String>,
}

/// Loads a registry file and keeps it for the next visit: the file reader
/// (a worker, so the page carries no JSON parser) parses and validates its
/// JSON; the page then reads the compact form it returns, and storage keeps
/// the file with that form. `done` gets the analyzer, or why not. Only the
/// latest load answers: one that another load or [`cancel_loads`] has
/// overtaken while the worker read it is dropped, so a reply cannot undo
/// the user's later choice.
pub fn load(name: String, json: String, done: Callback<Result<Loaded, ReadFailure>>) {
    cancel_loads();
    let ticket = LATEST_LOAD.with(Cell::get);
    crate::worker::read_registry(
        &json.clone(),
        Callback::from(move |result: Result<Vec<u8>, ReadFailure>| {
            if LATEST_LOAD.with(Cell::get) != ticket {
                return;
            }
            done.emit(result.and_then(|bytes| {
                let analyzer =
                    from_compact(&bytes).map_err(|e| ReadFailure::Refused(e.to_string()))?;
                let not_kept = crate::storage::save_registry(&name, &json, &bytes).err();
                Ok(Loaded { analyzer, not_kept })
            }))
        }),
    );
}

/// Drops the answer of every registry load still being read (the user went
/// back to the built-in registry).
pub fn cancel_loads() {
    LATEST_LOAD.with(|n| n.set(n.get().wrapping_add(1)));
}

/// Makes `analyzer` the one the JavaScript API uses.
pub fn publish(analyzer: &InUse) {
    PUBLISHED.with(|p| *p.borrow_mut() = Rc::downgrade(&analyzer.0));
}

/// The analyzer the page shows, or the built-in one before the page has
/// published any.
pub fn published() -> InUse {
    PUBLISHED
        .with(|p| p.borrow().upgrade())
        .map_or_else(builtin, InUse)
}
