//! The registry browser: search and filter every entry, see each parent's
//! lineage tree, and every fact of an entry with its source.

use web_sys::{HtmlInputElement, HtmlSelectElement};
use whichdata::{Entry, Registry, Source};
use yew::prelude::*;

use super::registry_loader::{RegistryLoader, RegistryLoaderProps};
use crate::facts;

/// The registry view shows the registry in use and lets the user change
/// it: the loader's props are all it needs.
pub type RegistryBrowserProps = RegistryLoaderProps;

#[component]
pub fn RegistryBrowser(props: &RegistryBrowserProps) -> Html {
    let registry = props.analyzer.registry();
    let query = use_state(String::new);
    let family = use_state(String::new);
    let status = use_state(String::new);
    let licence = use_state(String::new);
    let selected = use_state(|| None::<String>);

    let families: Vec<String> = {
        let mut f: Vec<String> = registry
            .entries()
            .iter()
            .map(|e| e.family.clone())
            .collect();
        f.sort();
        f.dedup();
        f
    };
    let matches = |e: &Entry| {
        let q = query.to_lowercase();
        (q.is_empty()
            || e.id.to_lowercase().contains(&q)
            || e.names().any(|n| n.to_lowercase().contains(&q)))
            && (family.is_empty() || e.family == *family)
            && (status.is_empty() || e.status.state.as_str() == status.as_str())
            && (licence.is_empty()
                || match licence.as_str() {
                    "noncommercial" => e.license.as_ref().is_some_and(|l| {
                        matches!(
                            l.prohibits_commercial_use,
                            whichdata::CommercialUse::Yes
                                | whichdata::CommercialUse::Some
                                | whichdata::CommercialUse::NotGranted
                        )
                    }),
                    "none" => e.license.as_ref().is_none_or(|l| {
                        l.published.is_empty() || l.published.iter().all(|p| p == "none")
                    }),
                    _ => true,
                })
    };
    let on_query = {
        let query = query.clone();
        Callback::from(move |e: InputEvent| {
            query.set(e.target_unchecked_into::<HtmlInputElement>().value())
        })
    };
    let select = |handle: UseStateHandle<String>| {
        Callback::from(move |e: Event| {
            handle.set(e.target_unchecked_into::<HtmlSelectElement>().value())
        })
    };
    let rows = registry.entries().iter().filter(|e| matches(e)).map(|e| {
        let selected = selected.clone();
        let id = e.id.clone();
        html! {
            <tr data-dataset-id={e.id.clone()}>
                <td><button type="button" class="link" onclick={Callback::from(move |_| selected.set(Some(id.clone())))}><code>{ &e.id }</code></button></td>
                <td>{ &e.name }</td>
                <td>{ &e.family }</td>
                <td class={e.status.state.as_str()}>{ e.status.state.as_str() }{ e.status.date.as_deref().map(|d| format!(" {d}")).unwrap_or_default() }</td>
                <td>{ e.license.as_ref().map_or_else(|| "not recorded".to_string(), |l| l.display()) }</td>
            </tr>
        }
    });
    let count = registry.entries().iter().filter(|e| matches(e)).count();
    html! {
        <div class="registry-view">
            <section aria-labelledby="browser-heading">
                <h2 id="browser-heading">{ "Registry" }</h2>
                <div class="filters">
                    <label>{ "Search " }<input type="search" value={(*query).clone()} oninput={on_query} placeholder="name, alias or id" /></label>
                    <label>{ "Family " }<select onchange={select(family.clone())}>
                        <option value="" selected={family.is_empty()}>{ "all" }</option>
                        { for families.iter().map(|f| html! { <option value={f.clone()} selected={*f == *family}>{ f }</option> }) }
                    </select></label>
                    <label>{ "Status " }<select onchange={select(status.clone())}>
                        { for ["", "available", "retracted", "unavailable", "unknown"].iter().map(|s| html! { <option value={*s} selected={*s == status.as_str()}>{ if s.is_empty() { "all" } else { s } }</option> }) }
                    </select></label>
                    <label>{ "Licence " }<select onchange={select(licence.clone())}>
                        { for [("", "all"), ("noncommercial", "commercial use not permitted"), ("none", "no licence published")].iter().map(|(v, label)| html! {
                            <option value={*v} selected={*v == licence.as_str()}>{ *label }</option>
                        }) }
                    </select></label>
                </div>
                <p class="hint" role="status">{ format!("{count} of {} entries", registry.entries().len()) }</p>
                <table class="registry-table">
                    <thead><tr><th>{ "id" }</th><th>{ "name" }</th><th>{ "family" }</th><th>{ "status" }</th><th>{ "licence" }</th></tr></thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </section>
            <aside class="entry-detail">
                if let Some(e) = selected.as_ref().and_then(|id| registry.entry(id)) {
                    { detail(registry, e) }
                } else {
                    <p class="hint">{ "Pick an entry to see every fact with its source, and its family's tree." }</p>
                }
                <RegistryLoader ..props.clone() />
            </aside>
        </div>
    }
}

/// Every fact of an entry with a numbered source, and its family tree.
fn detail(registry: &Registry, e: &Entry) -> Html {
    // Sources are numbered in order of first use.
    let mut keys: Vec<String> = Vec::new();
    let mut cite = |key: &str| -> String {
        let n = match keys.iter().position(|k| k == key) {
            Some(i) => i + 1,
            None => {
                keys.push(key.to_string());
                keys.len()
            }
        };
        format!("[{n}]")
    };
    let mut facts: Vec<(String, String)> = Vec::new();
    for a in &e.aliases {
        facts.push(("alias".into(), format!("{} {}", a.name, cite(&a.source))));
    }
    for s in &e.statistics {
        let approx = if s.approximate { "~" } else { "" };
        facts.push((
            "statistic".into(),
            format!(
                "{} {}: {approx}{} {}",
                s.quantity.as_str(),
                s.split.as_str(),
                s.value,
                cite(&s.source)
            ),
        ));
    }
    for c in &e.cues {
        facts.push((
            "cue".into(),
            format!("{} {}", c.cue.as_str(), cite(&c.source)),
        ));
    }
    for a in &e.annotations {
        facts.push((
            "annotation".into(),
            format!(
                "{}{} {}",
                a.label,
                if a.sensitive { " (sensitive)" } else { "" },
                cite(&a.source)
            ),
        ));
    }
    facts.push((
        "status".into(),
        format!(
            "{}{} {}",
            e.status.state.as_str(),
            e.status
                .date
                .as_deref()
                .map(|d| format!(" {d}"))
                .unwrap_or_default(),
            match e.status.source.as_deref() {
                Some(src) => cite(src),
                None => "(nothing documents it)".to_string(),
            }
        ),
    ));
    if let Some(d) = &e.status.as_of {
        facts.push(("status as of".into(), d.clone()));
    }
    for r in &e.status.reports {
        facts.push((
            "reported".into(),
            format!(
                "{} {}: {} {}",
                r.state.as_str(),
                r.date.as_deref().unwrap_or(""),
                r.statement,
                cite(&r.source)
            ),
        ));
    }
    if let Some(l) = &e.license {
        facts.push((
            "licence".into(),
            format!("{} {}", facts::licence(e), cite(&l.source)),
        ));
    }
    for a in &e.access {
        facts.push(("access".into(), format!("{} {}", a.url, cite(&a.source))));
    }
    for n in &e.notes {
        facts.push(("note".into(), format!("{} {}", n.text, cite(&n.source))));
    }
    let root = registry
        .lineage(&e.id)
        .last()
        .map_or(e.id.clone(), |r| r.id.clone());
    html! {
        <article class="detail" data-dataset-id={e.id.clone()}>
            <h3><code>{ &e.id }</code>{ " " }{ &e.name }{ format!(" ({})", e.kind.as_str()) }</h3>
            if let Some(s) = &e.summary { <p>{ s }</p> }
            <p><strong>{ "Lineage: " }</strong>{ facts::lineage(registry, e) }</p>
            <ul class="papers">{ for registry.papers_of(e).map(|(link, p)| html! {
                <li>{ format!("{:?}: ", link.role).to_lowercase() }{ Source::Paper(p.clone()).citation() }</li>
            }) }</ul>
            <dl class="facts">{ for facts.iter().map(|(k, v)| html! { <><dt>{ k }</dt><dd>{ v }</dd></> }) }</dl>
            <h4>{ "Sources" }</h4>
            <ol class="sources">{ for keys.iter().map(|k| html! { <li>{ registry.source(k).map(Source::citation).unwrap_or_default() }</li> }) }</ol>
            <h4>{ format!("Family tree of {root}") }</h4>
            { tree(registry, &root, &e.id) }
        </article>
    }
}

/// The lineage tree below `id`, marking `current`.
fn tree(registry: &Registry, id: &str, current: &str) -> Html {
    let Some(e) = registry.entry(id) else {
        return html! {};
    };
    let children: Vec<&Entry> = registry.children(id).collect();
    html! {
        <ul class="tree">
            <li class={classes!((e.id == current).then_some("current"))}>
                <code>{ &e.id }</code>{ " " }{ &e.name }{ if e.status.state == whichdata::State::Retracted { " (retracted)" } else { "" } }
                { for children.iter().map(|c| tree(registry, &c.id, current)) }
            </li>
        </ul>
    }
}
