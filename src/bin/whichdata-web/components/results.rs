//! The answer: the verdict (announced to screen readers), a card per
//! dataset the text uses, the candidates side by side when it cannot tell,
//! what would settle it, and other registry datasets the text names.

use std::collections::BTreeSet;
use std::rc::Rc;

use whichdata::attention::{self, Severity};
use whichdata::{Report, Verdict};
use yew::prelude::*;

use super::card::{CardRole, EntryCard};
use super::exports::Exports;
use super::outline::PaperOutline;
use crate::engine::InUse;
use crate::state::RegistryChoice;

#[derive(Properties, PartialEq)]
pub struct ResultsProps {
    /// The last report, if any.
    pub report: Option<Rc<Report>>,
    /// Why the text could not be analysed.
    pub input_error: Option<String>,
    /// How long the last analysis took.
    pub elapsed_ms: Option<f64>,
    /// Whether there is any text to analyse.
    pub has_text: bool,
    /// The analyzer in use, for its registry.
    pub analyzer: InUse,
    /// Where the registry came from.
    pub registry_choice: RegistryChoice,
    /// A reason was focused or hovered (or left).
    pub on_highlight: Callback<Option<(usize, usize)>>,
    /// The user asked to change the registry.
    pub on_show_registry: Callback<()>,
}

#[component]
pub fn Results(props: &ResultsProps) -> Html {
    let registry = props.analyzer.registry();
    let timing = props.elapsed_ms.map(|ms| format!("Analysed in {ms:.1} ms"));
    let (status, summary) = match (&props.report, &props.input_error) {
        (_, Some(error)) => ("error", error.clone()),
        (None, None) if !props.has_text => {
            ("empty", "Paste a text, or pick an example.".to_string())
        }
        (None, None) => ("pending", "Analysing…".to_string()),
        (Some(r), None) => match r.status {
            Verdict::Identified => (
                "identified",
                format!(
                    "The text uses {} registry entr{}.",
                    r.suggestions.len(),
                    if r.suggestions.len() == 1 { "y" } else { "ies" }
                ),
            ),
            Verdict::Ambiguous => (
                "ambiguous",
                "The text uses a dataset it does not pin down: the candidates are below."
                    .to_string(),
            ),
            Verdict::None => (
                "none",
                "The text neither names, cites nor describes any dataset in the registry."
                    .to_string(),
            ),
        },
    };
    let registry_note = match &props.registry_choice {
        RegistryChoice::Builtin => html! {},
        RegistryChoice::Custom { name } => {
            let on_show = props.on_show_registry.clone();
            html! { <p class="hint">{ format!("Using your registry “{name}”. ") }
            <button type="button" class="link" onclick={Callback::from(move |_| on_show.emit(()))}>{ "Change" }</button></p> }
        }
    };
    let body = match &props.report {
        None => html! {},
        Some(report) => {
            // What a reviewer must see first, then the cards in that order.
            let attention =
                (report.status != Verdict::None).then(|| attention::attention(report, registry));
            let severity = attention.as_ref().map_or("none", |a| match a.worst() {
                Severity::Withdrawn => "withdrawn",
                _ if !a.unsettled.is_empty() => "terms",
                Severity::Terms => "terms",
                Severity::None => "none",
            });
            let ordered = match &attention {
                Some(a) => a.order(&report.suggestions),
                None => report.suggestions.iter().collect(),
            };
            let cards = ordered.into_iter().map(|s| html! {
                <EntryCard key={s.id.clone()} suggestion={s.clone()} role={CardRole::Uses} analyzer={props.analyzer.clone()} on_highlight={props.on_highlight.clone()} />
            });
            let candidates = report.candidates.iter().map(|s| html! {
                <EntryCard key={s.id.clone()} suggestion={s.clone()} role={CardRole::Candidate} analyzer={props.analyzer.clone()} on_highlight={props.on_highlight.clone()} />
            });
            let claimed: BTreeSet<&str> = report
                .suggestions
                .iter()
                .chain(&report.candidates)
                .map(|s| s.id.as_str())
                .collect();
            let others: BTreeSet<(String, String)> = report
                .mentions
                .iter()
                // A name shared by a claimed entry ("DukeMTMC" for DukeMTMC-reID) is accounted for.
                .filter(|m| !m.entries.iter().any(|id| claimed.contains(id.as_str())))
                .flat_map(|m| m.entries.iter())
                .filter_map(|id| registry.entry(id).map(|e| (e.id.clone(), e.name.clone())))
                .collect();
            html! {
                <>
                    if let Some(a) = &attention {
                        <p class="attention" data-severity={severity}>{ a.summary.clone() }</p>
                    }
                    if !report.suggestions.is_empty() {
                        <h2>{ "Uses" }</h2>
                        <div class="cards">{ for cards }</div>
                    }
                    if !report.candidates.is_empty() {
                        <h2>{ "Cannot tell which of these" }</h2>
                        <div class="cards side-by-side">{ for candidates }</div>
                        <h3>{ "What would settle it" }</h3>
                        <ul class="settle">{ for report.settle.iter().map(|s| html! { <li>{ s }</li> }) }</ul>
                    }
                    if let Some(outline) = &report.outline {
                        <PaperOutline outline={outline.clone()} excerpts={report.excerpts.clone()} />
                    }
                    if !report.suggestions.is_empty() || !report.candidates.is_empty() {
                        <Exports report={report.clone()} analyzer={props.analyzer.clone()} />
                    }
                    if !others.is_empty() {
                        <h3>{ "Also named, but not found to be used" }</h3>
                        <ul class="others">{ for others.iter().map(|(id, name)| html! { <li data-dataset-id={id.clone()}><code>{ id }</code>{ " " }{ name }</li> }) }</ul>
                    }
                </>
            }
        }
    };
    html! {
        <section class="results" aria-labelledby="results-heading">
            <h2 id="results-heading" class="visually-hidden">{ "Results" }</h2>
            <div class="status" data-status={status} role="status" aria-live="polite">
                <strong>{ status }</strong>{ " — " }{ summary }
                if let Some(t) = timing { <span class="timing">{ t }</span> }
            </div>
            { registry_note }
            { body }
        </section>
    }
}
