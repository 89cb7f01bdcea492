//! The page's PDF reader: a Web Worker, loaded only when the user opens a
//! PDF, so the first paint does not pay for it. It receives a file's bytes
//! and posts back its text (or why there is none); the bytes never leave
//! the page.
//!
//! Protocol (structured clone): on start it posts `{ready: true}`; each
//! request `{id, bytes: ArrayBuffer}` gets one reply `{id, text, pages,
//! pagesWithoutText, ms}` or `{id, error, ms}`. Requests sent before
//! `ready` would be lost (the wasm starts asynchronously), so the page
//! queues them until then.

#[cfg(target_arch = "wasm32")]
mod worker {
    use js_sys::{Object, Reflect, Uint8Array};
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
            let bytes = Reflect::get(&data, &JsValue::from_str("bytes"))
                .map(|b| Uint8Array::new(&b).to_vec())
                .unwrap_or_default();
            let start = js_sys::Date::now();
            let reply = Object::new();
            set(&reply, "id", id);
            match whichdata::pdf::extract(&bytes) {
                Ok(pdf) => {
                    set(&reply, "text", pdf.text);
                    set(&reply, "pages", pdf.pages as f64);
                    set(&reply, "pagesWithoutText", pdf.pages_without_text as f64);
                }
                Err(e) => set(&reply, "error", e.to_string()),
            }
            set(&reply, "ms", js_sys::Date::now() - start);
            let _ = replies.post_message(&reply);
        });
        scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        // The handler lives as long as the worker.
        on_message.forget();
        let ready = Object::new();
        set(&ready, "ready", true);
        let _ = scope.post_message(&ready);
    }
}

fn main() {
    #[cfg(target_arch = "wasm32")]
    worker::start();
}
