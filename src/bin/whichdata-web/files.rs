//! Opening files in the page: PDFs go to the lazily loaded worker, text
//! files are decoded here. Nothing is uploaded; the bytes stay in the page.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;

use gloo::file::callbacks::FileReader;
use yew::prelude::*;

use crate::state::{Action, FileText, State};
use crate::worker;

/// Largest file opened (a paper is rarely over a few MiB; this bounds the
/// memory a mistaken drop can take).
const MAX_FILE_BYTES: u64 = 64 << 20;

thread_local! {
    static NEXT_ID: Cell<u32> = const { Cell::new(1) };
    static NEXT_GESTURE: Cell<u32> = const { Cell::new(1) };
    /// Reads in flight (a reader dropped early aborts its read).
    static READS: RefCell<HashMap<u32, FileReader>> = RefCell::new(HashMap::new());
}

fn next(counter: &'static std::thread::LocalKey<Cell<u32>>) -> u32 {
    counter.with(|c| {
        let n = c.get();
        c.set(n.wrapping_add(1));
        n
    })
}

/// Opens every file of one gesture (a drop, or a pick in the file dialog).
pub fn open(files: web_sys::FileList, dispatch: &UseReducerDispatcher<State>) {
    let gesture = next(&NEXT_GESTURE);
    for i in 0..files.length() {
        let Some(file) = files.get(i) else { continue };
        let file = gloo::file::File::from(file);
        let id = next(&NEXT_ID);
        let name = file.name();
        dispatch.dispatch(Action::FileOpened {
            id,
            name: name.clone(),
            gesture,
        });
        let done = {
            let dispatch = dispatch.clone();
            Callback::from(move |result| dispatch.dispatch(Action::FileRead { id, result }))
        };
        if file.size() > MAX_FILE_BYTES {
            done.emit(Err(format!(
                "{name} is {} MiB; whichdata opens files up to {} MiB",
                file.size() >> 20,
                MAX_FILE_BYTES >> 20
            )));
            continue;
        }
        let start = gloo::utils::window().performance().map_or(0.0, |p| p.now());
        let reader = gloo::file::callbacks::read_as_bytes(&file, move |bytes| {
            READS.with(|r| r.borrow_mut().remove(&id));
            match bytes {
                Err(e) => done.emit(Err(format!("{name} could not be read: {e}"))),
                Ok(bytes) if whichdata::pdf::is_pdf(&bytes) => worker::extract(&bytes, done),
                Ok(bytes) => done.emit(text_file(&name, bytes, start)),
            }
        });
        READS.with(|r| r.borrow_mut().insert(id, reader));
    }
}

fn text_file(name: &str, bytes: Vec<u8>, start: f64) -> Result<FileText, String> {
    let text = String::from_utf8(bytes).map_err(|_| {
        format!("{name} is neither a PDF nor UTF-8 text; save it as PDF or plain text first")
    })?;
    if text.trim().is_empty() {
        return Err(format!("{name} is empty"));
    }
    let now = gloo::utils::window().performance().map_or(0.0, |p| p.now());
    Ok(FileText {
        text: text.into(),
        pages: None,
        pages_without_text: 0,
        ms: now - start,
    })
}
