//! Opening PDFs and text files: a button for the file dialog, and the list
//! of files opened, each with its pages and extraction time, or why it
//! could not be read. (Dropping files anywhere on the input panel does the
//! same; see `input.rs`.)

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::state::{FileStatus, OpenedFile};

#[derive(Properties, PartialEq)]
pub struct FileOpenerProps {
    pub files: Vec<OpenedFile>,
    pub active: Option<u32>,
    /// The user picked files.
    pub on_files: Callback<web_sys::FileList>,
    /// The user asked to show an opened file.
    pub on_show_file: Callback<u32>,
}

#[component]
pub fn FileOpener(props: &FileOpenerProps) -> Html {
    let on_pick = {
        let on_files = props.on_files.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            if let Some(list) = input.files() {
                on_files.emit(list);
            }
            // The same file can be picked again.
            input.set_value("");
        })
    };
    let items = props.files.iter().rev().map(|f| {
        let active = props.active == Some(f.id);
        let (class, detail) = match &f.status {
            FileStatus::Reading => ("reading", html! { <span class="hint">{ "reading…" }</span> }),
            FileStatus::Failed(why) => ("failed", html! { <span class="file-error" role="alert">{ why.clone() }</span> }),
            FileStatus::Ready(t) => {
                let pages = match (t.pages, t.pages_without_text) {
                    (Some(p), 0) => format!("{p} page{}, ", if p == 1 { "" } else { "s" }),
                    (Some(p), n) => format!("{p} pages ({n} without text), "),
                    (None, _) => String::new(),
                };
                let summary = format!("{pages}{} KiB of text, read in {:.0} ms", t.text.len() / 1024, t.ms);
                let show = {
                    let on_show_file = props.on_show_file.clone();
                    let id = f.id;
                    Callback::from(move |_| on_show_file.emit(id))
                };
                ("ready", html! {
                    <>
                        <span class="hint">{ summary }</span>
                        if !active { <button type="button" class="link" onclick={show}>{ "Show" }</button> }
                    </>
                })
            }
        };
        html! {
            <li class={classes!("file", class)} data-file-id={f.id.to_string()} aria-current={active.then_some("true")}>
                <span class="file-name">{ f.name.clone() }</span>{ " " }{ detail }
            </li>
        }
    });
    html! {
        <div class="file-opener">
            <input id="open-files" class="visually-hidden" type="file" multiple=true
                accept=".pdf,.txt,.md,application/pdf,text/plain" onchange={on_pick} />
            <label class="button" for="open-files">{ "Open PDFs or text files" }</label>
            <span class="hint">{ " or drop them here. They are read in this page; nothing is uploaded." }</span>
            if !props.files.is_empty() {
                <ul class="files" aria-label="Opened files">{ for items }</ul>
            }
        </div>
    }
}

/// Files carried by a drag, for the drop handler.
pub fn dropped(e: &DragEvent) -> Option<web_sys::FileList> {
    e.data_transfer().and_then(|d| d.files())
}
