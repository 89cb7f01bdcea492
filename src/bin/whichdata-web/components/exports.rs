//! Exports of the text at hand, made in the page and saved by the browser:
//! Scholix links for what the text uses, and the Croissant records and
//! DataCite lineage of every entry shown. Nothing is sent anywhere; the
//! file is built from the report already on screen.

use std::rc::Rc;

use serde_json::Value;
use whichdata::Report;
use whichdata::export::{croissant, datacite, scholix};
use yew::prelude::*;

use crate::engine::InUse;

#[derive(Properties, PartialEq)]
pub struct ExportsProps {
    pub report: Rc<Report>,
    pub analyzer: InUse,
}

/// The three downloads, and the paper's DOI or URL that Scholix links name
/// as their source.
#[component]
pub fn Exports(props: &ExportsProps) -> Html {
    let paper_id = use_state(String::new);
    // Why the last download could not be made (the browser refused it).
    let failed = use_state(|| None::<String>);
    let on_input = {
        let paper_id = paper_id.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            paper_id.set(input.value());
        })
    };
    let download = |kind: &'static str| {
        let report = props.report.clone();
        let analyzer = props.analyzer.clone();
        let paper_id = (*paper_id).clone();
        let failed = failed.clone();
        Callback::from(move |_: MouseEvent| {
            let registry = analyzer.registry();
            let (name, value) = match kind {
                "scholix" => {
                    let id = match paper_id.trim() {
                        "" => "pasted text",
                        id => id,
                    };
                    let paper = scholix::Paper::of_report(id, &report);
                    let date = String::from(js_sys::Date::new_0().to_iso_string());
                    let links = scholix::links(registry, &report, &paper, &date);
                    (
                        "whichdata-scholix.json",
                        format!("{:#}\n", Value::Array(links)),
                    )
                }
                // One record per line, as `registry export` writes them:
                // each line is a document mlcroissant loads on its own.
                "croissant" => (
                    "whichdata-croissant.jsonl",
                    lines(shown(&report, registry, croissant::record)),
                ),
                _ => (
                    "whichdata-datacite.jsonl",
                    lines(shown(&report, registry, datacite::record)),
                ),
            };
            failed.set(
                crate::save::save(name, &value)
                    .err()
                    .map(|e| format!("Could not save {name}: {e}")),
            );
        })
    };
    html! {
        <details class="exports">
            <summary>{ "Export" }</summary>
            <p class="hint">{ "Files are made here, in your browser; nothing is sent." }</p>
            <label>{ "Paper DOI or URL, for Scholix (optional) " }
                <input type="text" class="paper-id" value={(*paper_id).clone()} oninput={on_input} placeholder="10.1234/…" />
            </label>
            <div class="export-buttons">
                <button type="button" data-export="scholix" onclick={download("scholix")}>{ "Scholix links" }</button>
                <button type="button" data-export="croissant" onclick={download("croissant")}>{ "Croissant records" }</button>
                <button type="button" data-export="datacite" onclick={download("datacite")}>{ "DataCite lineage" }</button>
            </div>
            if let Some(message) = &*failed {
                <p class="error" role="alert">{ message }</p>
            }
        </details>
    }
}

/// Records as JSON Lines.
fn lines(records: Vec<Value>) -> String {
    records.iter().map(|r| format!("{r}\n")).collect()
}

/// The records of every entry on screen: what the text uses, then the
/// candidates.
fn shown(
    report: &Report,
    registry: &whichdata::Registry,
    record: fn(&whichdata::Registry, &whichdata::Entry) -> Value,
) -> Vec<Value> {
    report
        .suggestions
        .iter()
        .chain(&report.candidates)
        .filter_map(|s| registry.entry(&s.id))
        .map(|e| record(registry, e))
        .collect()
}
