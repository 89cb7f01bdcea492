//! Saving a file the page made (an export) through the browser's own
//! download: a Blob, an object URL and a link click. Nothing leaves the
//! page; the object URL points into its own memory.

use gloo::file::{Blob, ObjectUrl};
use wasm_bindgen::JsCast as _;

/// How long the object URL lives after the click: the browser reads it
/// asynchronously, so it is released a little later rather than at once.
const RELEASE_AFTER_MS: u32 = 60_000;

/// Offers `contents` for download as `name` (JSON).
pub fn save(name: &str, contents: &str) -> Result<(), String> {
    let blob = Blob::new_with_options(contents, Some("application/json"));
    let url = ObjectUrl::from(blob);
    let document = gloo::utils::document();
    let link: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|e| format!("{e:?}"))?
        .dyn_into()
        .map_err(|_| "not an anchor".to_string())?;
    link.set_href(&url);
    link.set_download(name);
    link.click();
    gloo::timers::callback::Timeout::new(RELEASE_AFTER_MS, move || drop(url)).forget();
    Ok(())
}
