//! How a whole paper was read: its title, the sections found (a name under
//! Related Work weighs less than one under Experiments), its own reference
//! list, and the excerpts the decision rests on, each with its section —
//! the study's keyword-in-context excerpts.

use whichdata::{Excerpt, Outline};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct PaperOutlineProps {
    pub outline: Outline,
    pub excerpts: Vec<Excerpt>,
}

#[component]
pub fn PaperOutline(props: &PaperOutlineProps) -> Html {
    let o = &props.outline;
    let references = match &o.references {
        Some(r) => format!(
            "its reference list ({} entries) resolves its citation markers",
            r.entries
        ),
        None => "no reference section found: paste one below the text".to_string(),
    };
    let summary = format!(
        "Read as a paper: {} section{}; {references}",
        o.sections.len(),
        if o.sections.len() == 1 { "" } else { "s" }
    );
    html! {
        <details class="outline">
            <summary>{ summary }</summary>
            if let Some(title) = &o.title {
                <p><strong>{ "Title: " }</strong>{ title.clone() }</p>
            }
            if !o.sections.is_empty() {
                <ol class="sections">
                    { for o.sections.iter().map(|s| html! {
                        <li data-kind={s.kind}>{ s.heading.clone() }{ " " }<span class="hint">{ format!("({})", s.kind.replace('-', " ")) }</span></li>
                    }) }
                </ol>
            }
            if !props.excerpts.is_empty() {
                <h4>{ "Excerpts the decision rests on" }</h4>
                <ul class="excerpts">
                    { for props.excerpts.iter().map(|x| html! {
                        <li>
                            <code>{ x.entries.join(", ") }</code>
                            if let Some(section) = &x.section { <span class="hint">{ format!(" {section}: ") }</span> }
                            { x.text.clone() }
                        </li>
                    }) }
                </ul>
            }
        </details>
    }
}
