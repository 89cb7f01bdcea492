//! The text as analysed, with its mentions underlined and the span of the
//! focused reason highlighted. Rendered as text nodes, never as HTML, so a
//! pasted `<img onerror=…>` is shown, not run.

use std::rc::Rc;

use whichdata::Report;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TextViewProps {
    pub text: String,
    pub highlight: Option<(usize, usize)>,
    pub report: Option<Rc<Report>>,
}

/// Longest text rendered with marks; beyond it only the start is shown
/// (the analysis still covers all of it).
const SHOWN_BYTES: usize = 200_000;

#[component]
pub fn TextView(props: &TextViewProps) -> Html {
    if props.text.is_empty() {
        return html! {};
    }
    let text = &props.text;
    let mut cut = text.len().min(SHOWN_BYTES);
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    // Boundaries where a mark starts or ends.
    let mut marks: Vec<(usize, usize, &'static str)> = Vec::new();
    if let Some(report) = &props.report {
        marks.extend(
            report
                .mentions
                .iter()
                .map(|m| (m.span.0, m.span.1, "mention")),
        );
    }
    if let Some((a, b)) = props.highlight {
        marks.push((a, b, "highlight"));
    }
    let mut cuts: Vec<usize> = vec![0, cut];
    for &(a, b, _) in &marks {
        cuts.extend([a.min(cut), b.min(cut)]);
    }
    cuts.retain(|&c| text.is_char_boundary(c));
    cuts.sort_unstable();
    cuts.dedup();
    let pieces = cuts.windows(2).map(|w| {
        let (a, b) = (w[0], w[1]);
        let piece = &text[a..b];
        let class: Vec<&str> = marks
            .iter()
            .filter(|&&(s, e, _)| s <= a && b <= e)
            .map(|&(_, _, c)| c)
            .collect();
        if class.is_empty() {
            html! { { piece } }
        } else {
            let id = class.contains(&"highlight").then_some("current-highlight");
            html! { <mark class={classes!(class)} id={id}>{ piece }</mark> }
        }
    });
    html! {
        <section class="text-view" aria-label="The text as analysed">
            <h2>{ "Your text" }</h2>
            <div class="text-body">{ for pieces }</div>
            if cut < text.len() {
                <p class="hint">{ format!("Showing the first {} KiB of {} KiB.", cut / 1024, text.len() / 1024) }</p>
            }
        </section>
    }
}
