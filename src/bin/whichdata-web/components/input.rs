//! The paste areas, the examples, and the share link.

use std::rc::Rc;

use web_sys::{FileList, HtmlTextAreaElement};
use yew::prelude::*;

use super::file_opener::{FileOpener, dropped};
use crate::examples::EXAMPLES;
use crate::state::OpenedFile;
use crate::storage;

#[derive(Properties, PartialEq)]
pub struct InputPanelProps {
    /// The text in the text area.
    pub text: Rc<str>,
    /// The reference list.
    pub refs: Rc<str>,
    /// Files opened on this page.
    pub files: Vec<OpenedFile>,
    /// The file whose text is shown, while unedited.
    pub active_file: Option<u32>,
    /// The user edited the text.
    pub on_text: Callback<String>,
    /// The user edited the reference list.
    pub on_refs: Callback<String>,
    /// The user dropped or picked files.
    pub on_files: Callback<FileList>,
    /// The user asked to show an opened file.
    pub on_show_file: Callback<u32>,
}

#[component]
pub fn InputPanel(props: &InputPanelProps) -> Html {
    let shared = use_state(|| None::<String>);
    let on_text = {
        let on_text = props.on_text.clone();
        Callback::from(move |e: InputEvent| {
            on_text.emit(e.target_unchecked_into::<HtmlTextAreaElement>().value())
        })
    };
    let on_refs = {
        let on_refs = props.on_refs.clone();
        Callback::from(move |e: InputEvent| {
            on_refs.emit(e.target_unchecked_into::<HtmlTextAreaElement>().value())
        })
    };
    let on_share = {
        let text = props.text.clone();
        let shared = shared.clone();
        Callback::from(move |_| {
            if let Some(link) = storage::share_link(&text) {
                let _ = gloo::utils::window()
                    .navigator()
                    .clipboard()
                    .write_text(&link);
                shared.set(Some(link));
            }
        })
    };
    // Files dropped anywhere on the panel are opened (the browser would
    // otherwise navigate away to show them).
    let dragging = use_state(|| false);
    let on_dragover = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(true);
        })
    };
    let on_dragleave = {
        let dragging = dragging.clone();
        Callback::from(move |_: DragEvent| dragging.set(false))
    };
    let on_drop = {
        let on_files = props.on_files.clone();
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(false);
            if let Some(list) = dropped(&e) {
                on_files.emit(list);
            }
        })
    };
    let examples = EXAMPLES.iter().map(|&(label, text, refs)| {
        let (on_text, on_refs) = (props.on_text.clone(), props.on_refs.clone());
        let onclick = Callback::from(move |_| {
            on_text.emit(text.to_string());
            on_refs.emit(refs.to_string());
        });
        html! { <li><button type="button" class="example" {onclick}>{ label }</button></li> }
    });
    html! {
        <div class={classes!("input-panel", dragging.then_some("dragging"))}
            ondragover={on_dragover} ondragleave={on_dragleave} ondrop={on_drop}>
            <FileOpener files={props.files.clone()} active={props.active_file} on_files={props.on_files.clone()} on_show_file={props.on_show_file.clone()} />
            <label for="text">{ "Methods section, or a whole paper" }</label>
            <textarea id="text" rows="10" spellcheck="false" value={AttrValue::from(props.text.clone())} oninput={on_text}
                placeholder="Paste text that names or describes the datasets used, e.g. “Experiments on DukeMTMC (16,522 boxes of 702 identities)…”" />
            <label for="refs">{ "Reference list (optional): one entry per line, or numbered" }</label>
            <textarea id="refs" rows="4" spellcheck="false" value={AttrValue::from(props.refs.clone())} oninput={on_refs}
                placeholder="[33] E. Ristani, F. Solera, R. Zou, R. Cucchiara, and C. Tomasi. Performance measures and a data set for multi-target, multi-camera tracking. ECCVW, 2016." />
            <div class="input-actions">
                <button type="button" onclick={on_share} disabled={props.text.is_empty()}>{ "Copy a link to this text" }</button>
                if let Some(link) = &*shared {
                    <p class="hint" role="status">{ "Link copied. The text travels in the part after #, which browsers never send to a server: " }
                        <a href={link.clone()} class="share-link">{ "open it" }</a></p>
                }
            </div>
            <details class="examples" open={props.text.is_empty()}>
                <summary>{ "Examples" }</summary>
                <ul>{ for examples }</ul>
            </details>
        </div>
    }
}
