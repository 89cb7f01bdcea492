//! What survives a reload (localStorage) and what a link carries (the
//! `#text=` fragment, which browsers never send to a server).

use std::cell::RefCell;

use gloo::storage::{LocalStorage, Storage};
use whichdata::Registry;

use crate::engine;
use crate::state::RegistryChoice;

const TEXT_KEY: &str = "whichdata.text";
const REFS_KEY: &str = "whichdata.refs";
const REGISTRY_KEY: &str = "whichdata.registry";
const REGISTRY_NAME_KEY: &str = "whichdata.registry.name";

thread_local! {
    /// The registry in use, once read from storage.
    static CURRENT: RefCell<Option<(&'static Registry, RegistryChoice)>> = const { RefCell::new(None) };
}

/// The text and references saved by the last visit.
pub fn saved_input() -> (String, String) {
    (
        LocalStorage::get(TEXT_KEY).unwrap_or_default(),
        LocalStorage::get(REFS_KEY).unwrap_or_default(),
    )
}

/// Saves the text and references. A full storage quota is not worth an
/// error: the page works without it.
pub fn save_input(text: &str, refs: &str) {
    let _ = LocalStorage::set(TEXT_KEY, text);
    let _ = LocalStorage::set(REFS_KEY, refs);
}

/// The built-in registry.
pub fn builtin() -> &'static Registry {
    Registry::builtin().expect("the built-in registry is validated by the test suite")
}

/// The registry to use: a saved one if it still validates, else the built-in one.
pub fn registry_in_use() -> (&'static Registry, RegistryChoice) {
    CURRENT.with(|current| {
        current
            .borrow_mut()
            .get_or_insert_with(|| {
                let saved = (
                    LocalStorage::get::<String>(REGISTRY_KEY),
                    LocalStorage::get::<String>(REGISTRY_NAME_KEY),
                );
                match saved {
                    (Ok(json), Ok(name)) => match engine::load_registry(&json) {
                        Ok(r) => (r, RegistryChoice::Custom { name }),
                        Err(_) => (builtin(), RegistryChoice::Builtin),
                    },
                    _ => (builtin(), RegistryChoice::Builtin),
                }
            })
            .clone()
    })
}

/// Keeps a loaded registry for this page (and its JS API) and the next visit.
pub fn save_registry(name: &str, json: &str, registry: &'static Registry) {
    let _ = LocalStorage::set(REGISTRY_KEY, json);
    let _ = LocalStorage::set(REGISTRY_NAME_KEY, name);
    CURRENT.with(|c| {
        *c.borrow_mut() = Some((
            registry,
            RegistryChoice::Custom {
                name: name.to_string(),
            },
        ))
    });
}

/// Forgets a loaded registry: back to the built-in one.
pub fn forget_registry() {
    LocalStorage::delete(REGISTRY_KEY);
    LocalStorage::delete(REGISTRY_NAME_KEY);
    CURRENT.with(|c| *c.borrow_mut() = Some((builtin(), RegistryChoice::Builtin)));
}

/// The text carried by the page's `#text=` fragment, if any.
pub fn text_from_fragment() -> Option<String> {
    let hash = gloo::utils::window().location().hash().ok()?;
    let encoded = hash.strip_prefix("#text=")?;
    js_sys::decode_uri_component(encoded)
        .ok()
        .and_then(|s| s.as_string())
}

/// A link to this page that carries `text` in its fragment.
pub fn share_link(text: &str) -> Option<String> {
    let location = gloo::utils::window().location();
    let base = format!("{}{}", location.origin().ok()?, location.pathname().ok()?);
    let encoded: String = js_sys::encode_uri_component(text).into();
    Some(format!("{base}#text={encoded}"))
}
