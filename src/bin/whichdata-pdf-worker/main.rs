//! The page's file reader: a Web Worker, loaded only when the user opens a
//! PDF or loads a registry file, so the first paint does not pay for the
//! PDF parser or the JSON parser. It is named for its first job, reading
//! PDFs; it also reads registry files, so the page's first load needs no
//! JSON parser at all (the page itself reads registries in the compact
//! form). Nothing it receives leaves the page.
//!
//! Protocol (structured clone): on start it posts `{ready: true,
//! registries: true}` (the second says it reads registry files). Each
//! request gets one reply with its `id`:
//! - `{id, bytes: ArrayBuffer}`, a PDF: `{id, text, pages,
//!   pagesWithoutText, ms}` or `{id, error, ms}`;
//! - `{id, registry: string}`, a registry file's JSON, parsed and
//!   validated: `{id, compact: Uint8Array, ms}` (the registry in
//!   `whichdata::compact` form) or `{id, error, ms}` (the error as the CLI
//!   words it, with its line and column or its broken rules).
//!
//! Requests sent before `ready` would be lost (the wasm starts
//! asynchronously), so the page queues them until then.

#[cfg(target_arch = "wasm32")]
mod worker {
    use js_sys::{Array, Object, Reflect, Uint8Array};
    use wasm_bindgen::JsCast;
    use wasm_bindgen::prelude::*;
    use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

    fn set(target: &Object, key: &str, value: impl Into<JsValue>) {
        let _ = Reflect::set(target, &JsValue::from_str(key), &value.into());
    }

    pub fn start() {
        let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
        let replies = scope.clone();
        let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
            let data = event.data();
            let id = Reflect::get(&data, &JsValue::from_str("id")).unwrap_or(JsValue::NULL);
            let start = js_sys::Date::now();
            let reply = Object::new();
            set(&reply, "id", id);
            let registry = Reflect::get(&data, &JsValue::from_str("registry"))
                .ok()
                .and_then(|r| r.as_string());
            let transfer = Array::new();
            if let Some(json) = registry {
                match whichdata::Registry::from_json(&json) {
                    Ok(registry) => {
                        let compact = Uint8Array::from(registry.to_compact().as_slice());
                        transfer.push(&compact.buffer());
                        set(&reply, "compact", compact);
                    }
                    Err(e) => set(&reply, "error", e.to_string()),
                }
            } else {
                let bytes = Reflect::get(&data, &JsValue::from_str("bytes"))
                    .map(|b| Uint8Array::new(&b).to_vec())
                    .unwrap_or_default();
                match whichdata::pdf::extract(&bytes) {
                    Ok(pdf) => {
                        set(&reply, "text", pdf.text);
                        set(&reply, "pages", pdf.pages as f64);
                        set(&reply, "pagesWithoutText", pdf.pages_without_text as f64);
                    }
                    Err(e) => set(&reply, "error", e.to_string()),
                }
            }
            set(&reply, "ms", js_sys::Date::now() - start);
            let _ = replies.post_message_with_transfer(&reply, &transfer);
        });
        scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        // The handler lives as long as the worker.
        on_message.forget();
        let ready = Object::new();
        set(&ready, "ready", true);
        // What the page checks before it sends a registry file (a worker
        // cached from before could not read one).
        set(&ready, "registries", true);
        let _ = scope.post_message(&ready);
    }
}

fn main() {
    #[cfg(target_arch = "wasm32")]
    worker::start();
}
