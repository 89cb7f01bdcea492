//! The page header: name, what it does, and the view switch.

use yew::prelude::*;

use crate::state::View;

#[derive(Properties, PartialEq)]
pub struct HeaderProps {
    pub view: View,
    pub on_view: Callback<View>,
}

#[component]
pub fn Header(props: &HeaderProps) -> Html {
    let tab = |view: View, label: &'static str| {
        let on_view = props.on_view.clone();
        let selected = props.view == view;
        html! {
            <button type="button" role="tab" aria-selected={selected.to_string()} class={classes!("tab", selected.then_some("selected"))}
                onclick={Callback::from(move |_| on_view.emit(view))}>{ label }</button>
        }
    };
    html! {
        <header class="header">
            <div class="brand">
                <h1>{ "whichdata" }</h1>
                <p class="tagline">{ "Which dataset does this paper really use? Paste its methods; see the dataset, derivative or model, and why." }</p>
            </div>
            <nav role="tablist" aria-label="Views">
                { tab(View::Analyze, "Analyse a text") }
                { tab(View::Registry, "Registry") }
            </nav>
        </header>
    }
}
