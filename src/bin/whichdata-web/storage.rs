//! What survives a reload (localStorage) and what a link carries (the
//! `#text=` fragment, which browsers never send to a server).

use gloo::storage::{LocalStorage, Storage};

use crate::engine::{self, InUse};
use crate::state::RegistryChoice;

const TEXT_KEY: &str = "whichdata.text";
const REFS_KEY: &str = "whichdata.refs";
const REGISTRY_KEY: &str = "whichdata.registry";
const REGISTRY_NAME_KEY: &str = "whichdata.registry.name";

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

/// The registry saved by the last visit, if it still validates, compiled;
/// else the built-in one. Read once, when the page starts.
pub fn saved_registry() -> (InUse, RegistryChoice) {
    let saved = (
        LocalStorage::get::<String>(REGISTRY_KEY),
        LocalStorage::get::<String>(REGISTRY_NAME_KEY),
    );
    match saved {
        (Ok(json), Ok(name)) => match engine::load(&json) {
            Ok(analyzer) => (analyzer, RegistryChoice::Custom { name }),
            Err(_) => (engine::builtin(), RegistryChoice::Builtin),
        },
        _ => (engine::builtin(), RegistryChoice::Builtin),
    }
}

/// Keeps a loaded registry's file for the next visit.
pub fn save_registry(name: &str, json: &str) {
    let _ = LocalStorage::set(REGISTRY_KEY, json);
    let _ = LocalStorage::set(REGISTRY_NAME_KEY, name);
}

/// Forgets a loaded registry: the next visit starts with the built-in one.
pub fn forget_registry() {
    LocalStorage::delete(REGISTRY_KEY);
    LocalStorage::delete(REGISTRY_NAME_KEY);
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
