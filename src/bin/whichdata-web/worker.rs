//! The client side of the file reader (`src/bin/whichdata-pdf-worker`):
//! the worker and its wasm are fetched from the page's own origin the first
//! time a PDF is opened or a registry file loaded, never before, so the
//! first paint does not grow. It reads PDFs to text and registry files to
//! the compact form the page loads (so the page carries no JSON parser).
//!
//! Requests wait in a queue until the worker says it is ready. Should the
//! worker fail (its wasm aborts on a panic), every pending request gets an
//! error and the next one starts a fresh worker.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;

use gloo::timers::callback::Timeout;
use js_sys::{Array, ArrayBuffer, Object, Reflect, Uint8Array};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use web_sys::{ErrorEvent, Event, MessageEvent, Worker};
use yew::Callback;

use crate::state::FileText;

/// The worker's loader, written by Trunk (`data-loader-shim`) beside the
/// page.
const WORKER_URL: &str = "./whichdata-pdf-worker_loader.js";

/// How long the worker may take to start (fetch and compile its wasm)
/// before pending files are failed rather than left "reading" for ever.
const START_TIMEOUT_MS: u32 = 20_000;

/// Why a registry file was not read.
#[derive(Clone, Debug, PartialEq)]
pub enum ReadFailure {
    /// The file itself: not JSON of the registry format, or against its
    /// rules (the message is the CLI's, with the place).
    Refused(String),
    /// The reader did not answer: it could not start, or stopped.
    Reader(String),
}

impl std::fmt::Display for ReadFailure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadFailure::Refused(m) | ReadFailure::Reader(m) => f.write_str(m),
        }
    }
}

/// Who waits for a reply, and so how to read it.
#[derive(Clone)]
enum Done {
    /// A PDF's text.
    Pdf(Callback<Result<FileText, String>>),
    /// A registry file in compact form.
    Registry(Callback<Result<Vec<u8>, ReadFailure>>),
}

impl Done {
    /// The reader failed (not the file).
    fn fail(&self, message: String) {
        match self {
            Done::Pdf(done) => done.emit(Err(message)),
            Done::Registry(done) => done.emit(Err(ReadFailure::Reader(message))),
        }
    }

    /// The worker read the file and refused it.
    fn refuse(&self, error: String) {
        match self {
            Done::Pdf(done) => done.emit(Err(error)),
            Done::Registry(done) => done.emit(Err(ReadFailure::Refused(error))),
        }
    }
}

/// A request to the worker and the buffer it hands over (moved, not
/// copied).
struct Request {
    message: Object,
    transfer: Option<ArrayBuffer>,
}

struct Reader {
    worker: Worker,
    ready: bool,
    /// The worker said, when ready, that it reads registry files.
    reads_registries: bool,
    queue: Vec<(u32, Request)>,
    pending: HashMap<u32, Done>,
    _on_message: Closure<dyn Fn(MessageEvent)>,
    _on_error: Closure<dyn Fn(Event)>,
    /// Fails everything if the worker never says it is ready (its wasm did
    /// not load); dropped, so cancelled, once it does.
    start_timeout: Option<Timeout>,
}

thread_local! {
    static READER: RefCell<Option<Reader>> = const { RefCell::new(None) };
    static NEXT_REQUEST: Cell<u32> = const { Cell::new(1) };
}

/// Extracts the text of the PDF in `bytes`; `done` gets it (or why not).
pub fn extract(bytes: &[u8], done: Callback<Result<FileText, String>>) {
    let buffer = Uint8Array::from(bytes).buffer();
    let message = Object::new();
    let _ = Reflect::set(&message, &"bytes".into(), &buffer);
    send(
        Request {
            message,
            transfer: Some(buffer),
        },
        Done::Pdf(done),
    );
}

/// Parses and validates a registry file's JSON; `done` gets the registry in
/// compact form (for `Registry::from_compact`), or the error as the CLI
/// words it.
pub fn read_registry(json: &str, done: Callback<Result<Vec<u8>, ReadFailure>>) {
    let message = Object::new();
    let _ = Reflect::set(&message, &"registry".into(), &JsValue::from_str(json));
    send(
        Request {
            message,
            transfer: None,
        },
        Done::Registry(done),
    );
}

fn send(request: Request, done: Done) {
    let id = NEXT_REQUEST.with(|n| {
        let id = n.get();
        n.set(id.wrapping_add(1));
        id
    });
    let _ = Reflect::set(&request.message, &"id".into(), &JsValue::from(id));
    let started = READER.with(|r| {
        let mut slot = r.borrow_mut();
        if slot.is_none() {
            *slot = Some(start()?);
        }
        let reader = slot.as_mut().expect("just started");
        reader.pending.insert(id, done.clone());
        if reader.ready {
            Ok(post(reader, id, &request).err())
        } else {
            reader.queue.push((id, request));
            Ok(None)
        }
    });
    // Callbacks run only after the borrow is released: one may open more
    // files.
    match started {
        Err(message) => done.fail(message),
        Ok(Some(message)) => finish_with_error(id, message),
        Ok(None) => {}
    }
}

fn start() -> Result<Reader, String> {
    let worker = Worker::new(WORKER_URL)
        .map_err(|e| format!("the file reader could not start: {}", describe(&e)))?;
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(on_message);
    // A script that fails to load fires a plain Event, a failure inside
    // the worker an ErrorEvent with a message.
    let on_error = Closure::<dyn Fn(Event)>::new(|e: Event| {
        e.prevent_default();
        let why = e
            .dyn_ref::<ErrorEvent>()
            .map(ErrorEvent::message)
            .filter(|m| !m.is_empty())
            .unwrap_or_else(|| "it could not be loaded".to_string());
        fail_all(&format!(
            "the file reader stopped ({why}); reload the page and try again"
        ));
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    let start_timeout = Timeout::new(START_TIMEOUT_MS, || {
        fail_all("the file reader did not start; reload the page and try again");
    });
    Ok(Reader {
        worker,
        ready: false,
        reads_registries: false,
        queue: Vec::new(),
        pending: HashMap::new(),
        _on_message: on_message,
        _on_error: on_error,
        start_timeout: Some(start_timeout),
    })
}

/// Hands request `id` to the worker; the error is the request's, for the
/// caller to report once it has released the reader. A registry file is
/// not handed to a worker from before registry files (kept by the
/// browser's cache: its file names carry no hash), which cannot read one.
fn post(reader: &Reader, id: u32, request: &Request) -> Result<(), String> {
    let registry = matches!(reader.pending.get(&id), Some(Done::Registry(_)));
    if registry && !reader.reads_registries {
        return Err(
            "the page's file reader is from an earlier version (kept by the browser's cache); reload the page and try again"
                .to_string(),
        );
    }
    let transfer = match &request.transfer {
        Some(buffer) => Array::of1(buffer),
        None => Array::new(),
    };
    reader
        .worker
        .post_message_with_transfer(&request.message, &transfer)
        .map_err(|e| {
            format!(
                "the file could not be handed to the reader: {}",
                describe(&e)
            )
        })
}

fn on_message(event: MessageEvent) {
    let data = event.data();
    let get = |key: &str| Reflect::get(&data, &JsValue::from_str(key)).ok();
    if get("ready").and_then(|v| v.as_bool()) == Some(true) {
        let failed: Vec<(u32, String)> = READER.with(|r| {
            let mut slot = r.borrow_mut();
            let Some(reader) = slot.as_mut() else {
                return Vec::new();
            };
            reader.ready = true;
            reader.reads_registries = get("registries").and_then(|v| v.as_bool()) == Some(true);
            reader.start_timeout = None;
            std::mem::take(&mut reader.queue)
                .into_iter()
                .filter_map(|(id, request)| post(reader, id, &request).err().map(|e| (id, e)))
                .collect()
        });
        for (id, message) in failed {
            finish_with_error(id, message);
        }
        return;
    }
    let Some(id) = get("id").and_then(|v| v.as_f64()) else {
        return;
    };
    let Some(done) = take_pending(id as u32) else {
        return;
    };
    if let Some(error) = get("error").and_then(|v| v.as_string()) {
        done.refuse(error);
        return;
    }
    match done {
        Done::Pdf(done) => done.emit(Ok(FileText {
            text: get("text")
                .and_then(|v| v.as_string())
                .unwrap_or_default()
                .into(),
            pages: get("pages").and_then(|v| v.as_f64()).map(|p| p as usize),
            pages_without_text: get("pagesWithoutText")
                .and_then(|v| v.as_f64())
                .map_or(0, |p| p as usize),
            ms: get("ms").and_then(|v| v.as_f64()).unwrap_or(0.0),
        })),
        Done::Registry(done) => done.emit(
            get("compact")
                .filter(|v| v.is_instance_of::<Uint8Array>())
                .map(|v| Uint8Array::new(&v).to_vec())
                .ok_or_else(|| ReadFailure::Reader("the file reader sent no registry".to_string())),
        ),
    }
}

/// The callback waiting for request `id`, taken out of the reader so that
/// it runs outside the borrow (a callback may send more requests).
fn take_pending(id: u32) -> Option<Done> {
    READER.with(|r| {
        r.borrow_mut()
            .as_mut()
            .and_then(|reader| reader.pending.remove(&id))
    })
}

fn finish_with_error(id: u32, message: String) {
    if let Some(done) = take_pending(id) {
        done.fail(message);
    }
}

/// Fails every pending file and drops the worker.
fn fail_all(message: &str) {
    let reader = READER.with(|r| r.borrow_mut().take());
    if let Some(reader) = reader {
        let Reader {
            worker,
            pending,
            _on_message: on_message,
            _on_error: on_error,
            start_timeout,
            ..
        } = reader;
        worker.terminate();
        // This may run inside the error handler's or the start timeout's
        // own callback: let them finish rather than free them mid-call (a
        // few bytes, on failure only).
        on_message.forget();
        on_error.forget();
        if let Some(timeout) = start_timeout {
            timeout.forget();
        }
        for (_, done) in pending {
            done.fail(message.to_string());
        }
    }
}

fn describe(value: &JsValue) -> String {
    value
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| value.as_string())
        .unwrap_or_else(|| "unknown error".to_string())
}
