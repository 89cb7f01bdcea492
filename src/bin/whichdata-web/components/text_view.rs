//! The text as analysed, with its mentions underlined and the span of the
//! focused reason highlighted. Rendered as text nodes, never as HTML, so a
//! pasted `<img onerror=…>` is shown, not run.

use std::rc::Rc;

use whichdata::Report;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct TextViewProps {
    pub text: Rc<str>,
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
    // Mentions do not overlap and come sorted by start, so each piece finds
    // its mention by binary search: rendering stays linear however many
    // names a long paper holds.
    let mentions: Vec<(usize, usize)> = props
        .report
        .as_ref()
        .map(|r| {
            r.mentions
                .iter()
                .map(|m| m.span)
                .filter(|&(a, _)| a < cut)
                .collect()
        })
        .unwrap_or_default();
    let mut cuts: Vec<usize> = vec![0, cut];
    for &(a, b) in mentions.iter().chain(props.highlight.iter()) {
        cuts.extend([a.min(cut), b.min(cut)]);
    }
    cuts.retain(|&c| text.is_char_boundary(c));
    cuts.sort_unstable();
    cuts.dedup();
    let in_mention = |a: usize, b: usize| {
        let i = mentions.partition_point(|&(s, _)| s <= a);
        i > 0 && mentions[i - 1].1 >= b
    };
    let pieces = cuts.windows(2).map(|w| {
        let (a, b) = (w[0], w[1]);
        let piece = &text[a..b];
        let highlighted = props.highlight.is_some_and(|(s, e)| s <= a && b <= e);
        let mentioned = in_mention(a, b);
        match (mentioned, highlighted) {
            (false, false) => html! { { piece } },
            _ => {
                let class = classes!(
                    mentioned.then_some("mention"),
                    highlighted.then_some("highlight")
                );
                html! { <mark class={class}>{ piece }</mark> }
            }
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
