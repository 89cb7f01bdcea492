//! One entry the text uses (or may use): its reasons, each of which
//! highlights the words it rests on when hovered or focused, and what a user
//! must know about it, with a data statement to copy.

use whichdata::{Role, Stage, Suggestion};
use yew::prelude::*;

use crate::engine::InUse;
use crate::facts;

/// Whether the card is a finding or one of several candidates.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum CardRole {
    Uses,
    Candidate,
}

#[derive(Properties, PartialEq)]
pub struct EntryCardProps {
    pub suggestion: Suggestion,
    pub role: CardRole,
    /// The analyzer in use, for its registry.
    pub analyzer: InUse,
    /// Called with the span a focused or hovered reason rests on, and
    /// with `None` when it is left.
    pub on_highlight: Callback<Option<(usize, usize)>>,
}

#[component]
pub fn EntryCard(props: &EntryCardProps) -> Html {
    let copied = use_state(|| false);
    let registry = props.analyzer.registry();
    let s = &props.suggestion;
    let Some(entry) = registry.entry(&s.id) else {
        return html! {};
    };
    let status = match props.role {
        CardRole::Uses => "identified",
        CardRole::Candidate => "ambiguous",
    };
    let reason_item = |r: &whichdata::Reason| {
        let span = r.span;
        let show = |target: Option<(usize, usize)>| {
            let on_highlight = props.on_highlight.clone();
            move || on_highlight.emit(target)
        };
        let (enter, leave) = (show(span), show(None));
        let (focus, blur) = (show(span), show(None));
        let sign = if r.weight > 0.0 {
            "for"
        } else if r.weight < 0.0 {
            "against"
        } else {
            "note"
        };
        // The contribution in log-odds: a question's reasons add up to it.
        let weight = format!("{:+.1}", r.weight).replace('-', "−");
        html! {
            <li class={classes!("reason", sign)} tabindex="0" data-kind={r.kind.name()}
                onmouseenter={Callback::from(move |_: MouseEvent| enter())} onfocus={Callback::from(move |_: FocusEvent| focus())}
                onmouseleave={Callback::from(move |_: MouseEvent| leave())} onblur={Callback::from(move |_: FocusEvent| blur())}>
                <span class="sign" aria-label={sign} title="contribution in log-odds">{ weight }</span>
                { r.to_string() }
            </li>
        }
    };
    let use_reasons = s
        .reasons
        .iter()
        .filter(|r| r.stage == Stage::Use)
        .map(reason_item);
    let version_reasons: Vec<Html> = s
        .reasons
        .iter()
        .filter(|r| r.stage == Stage::Version)
        .map(reason_item)
        .collect();
    let role = (s.role == Role::Described).then_some("described, not said to be used");
    let retractions = facts::retractions(registry, entry);
    let (availability, access) = facts::availability(entry);
    let sensitive = facts::sensitive(entry);
    let statement = facts::data_statement(registry, entry);
    let on_copy = {
        let statement = statement.clone();
        let copied = copied.clone();
        Callback::from(move |_| {
            let _ = gloo::utils::window()
                .navigator()
                .clipboard()
                .write_text(&statement);
            copied.set(true);
        })
    };
    html! {
        <article class={classes!("card", status)} data-dataset-id={entry.id.clone()} aria-label={format!("{} {}", entry.id, entry.name)}>
            <header>
                <h3><code>{ &entry.id }</code>{ " " }{ &entry.name }</h3>
                <span class="badge" data-card-status={status}>{ status }</span>
                <span class="confidence" title="Probability that the text uses it">{ format!("{:.0}%", s.confidence * 100.0) }</span>
            </header>
            if let Some(role) = role {
                <p class="role">{ role }</p>
            }
            <p class="question">{ format!("Is it used? {:.0}%", s.group_probability * 100.0) }</p>
            <ul class="reasons" aria-label="Why it is used">{ for use_reasons }</ul>
            if !version_reasons.is_empty() {
                <p class="question">{ format!("Which version? {:.0}% of its family", s.version_probability * 100.0) }</p>
                <ul class="reasons" aria-label="Why this version">{ for version_reasons }</ul>
            }
            <dl class="facts">
                <dt>{ "Lineage" }</dt><dd>{ facts::lineage(registry, entry) }</dd>
                if !retractions.is_empty() {
                    <dt>{ "Retraction" }</dt><dd class="warn">{ for retractions.iter().map(|r| html! { <p>{ r }</p> }) }</dd>
                }
                <dt>{ "Licence" }</dt><dd>{ facts::licence(entry) }</dd>
                <dt>{ "Availability" }</dt>
                <dd>{ availability }
                    if let Some(url) = access { { " — " }<a href={url.clone()} rel="noopener noreferrer" target="_blank">{ url }</a> }
                </dd>
                if !sensitive.is_empty() {
                    <dt>{ "Sensitive labels" }</dt><dd class="warn">{ sensitive.join(", ") }</dd>
                }
                if let Some(p) = facts::post_processed(entry) {
                    <dt>{ "Post-processing" }</dt><dd>{ if p { "Alters the original images (aligns, crops or cleans)" } else { "Keeps the original images as they were" } }</dd>
                }
            </dl>
            if props.role == CardRole::Uses {
                <details class="statement">
                    <summary>{ "Suggested data statement" }</summary>
                    <p>{ statement }</p>
                    <button type="button" onclick={on_copy}>{ if *copied { "Copied" } else { "Copy" } }</button>
                </details>
            }
        </article>
    }
}
