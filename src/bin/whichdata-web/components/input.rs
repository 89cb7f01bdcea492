//! The paste areas, the examples, and the share link.

use std::rc::Rc;

use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use super::file_opener::{FileOpener, dropped};
use crate::examples::EXAMPLES;
use crate::state::{Action, State};
use crate::{files, storage};

#[derive(Properties, PartialEq)]
pub struct InputPanelProps {
    pub state: Rc<State>,
    pub dispatch: UseReducerDispatcher<State>,
}

#[component]
pub fn InputPanel(props: &InputPanelProps) -> Html {
    let shared = use_state(|| None::<String>);
    let on_text = {
        let d = props.dispatch.clone();
        Callback::from(move |e: InputEvent| {
            d.dispatch(Action::SetText(
                e.target_unchecked_into::<HtmlTextAreaElement>().value(),
            ))
        })
    };
    let on_refs = {
        let d = props.dispatch.clone();
        Callback::from(move |e: InputEvent| {
            d.dispatch(Action::SetRefs(
                e.target_unchecked_into::<HtmlTextAreaElement>().value(),
            ))
        })
    };
    let on_share = {
        let text = props.state.text.clone();
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
        let d = props.dispatch.clone();
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(false);
            if let Some(list) = dropped(&e) {
                files::open(list, &d);
            }
        })
    };
    let examples = EXAMPLES.iter().map(|&(label, text, refs)| {
        let d = props.dispatch.clone();
        let onclick = Callback::from(move |_| {
            d.dispatch(Action::SetText(text.to_string()));
            d.dispatch(Action::SetRefs(refs.to_string()));
        });
        html! { <li><button type="button" class="example" {onclick}>{ label }</button></li> }
    });
    html! {
        <div class={classes!("input-panel", dragging.then_some("dragging"))}
            ondragover={on_dragover} ondragleave={on_dragleave} ondrop={on_drop}>
            <FileOpener files={props.state.files.clone()} active={props.state.active_file} dispatch={props.dispatch.clone()} />
            <label for="text">{ "Methods section, or a whole paper" }</label>
            <textarea id="text" rows="10" spellcheck="false" value={AttrValue::from(props.state.text.clone())} oninput={on_text}
                placeholder="Paste text that names or describes the datasets used, e.g. “Experiments on DukeMTMC (16,522 boxes of 702 identities)…”" />
            <label for="refs">{ "Reference list (optional): one entry per line, or numbered" }</label>
            <textarea id="refs" rows="4" spellcheck="false" value={AttrValue::from(props.state.refs.clone())} oninput={on_refs}
                placeholder="[33] E. Ristani, F. Solera, R. Zou, R. Cucchiara, and C. Tomasi. Performance measures and a data set for multi-target, multi-camera tracking. ECCVW, 2016." />
            <div class="input-actions">
                <button type="button" onclick={on_share} disabled={props.state.text.is_empty()}>{ "Copy a link to this text" }</button>
                if let Some(link) = &*shared {
                    <p class="hint" role="status">{ "Link copied. The text travels in the part after #, which browsers never send to a server: " }
                        <a href={link.clone()} class="share-link">{ "open it" }</a></p>
                }
            </div>
            <details class="examples" open={props.state.text.is_empty()}>
                <summary>{ "Examples" }</summary>
                <ul>{ for examples }</ul>
            </details>
        </div>
    }
}
