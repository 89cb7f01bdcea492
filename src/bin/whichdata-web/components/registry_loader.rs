//! Loading your own registry: pick a JSON file, see it validated (errors
//! with their place), keep it for the next visit, or go back to the
//! built-in one.

use std::rc::Rc;

use gloo::file::File;
use gloo::file::callbacks::FileReader;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::state::{Action, RegistryChoice, State};
use crate::{engine, storage};

#[derive(Properties, PartialEq)]
pub struct RegistryLoaderProps {
    pub state: Rc<State>,
    pub dispatch: UseReducerDispatcher<State>,
}

#[component]
pub fn RegistryLoader(props: &RegistryLoaderProps) -> Html {
    // The reader must live until it calls back.
    let reader = use_mut_ref(|| None::<FileReader>);
    let on_file = {
        let d = props.dispatch.clone();
        let reader = reader.clone();
        Callback::from(move |e: Event| {
            let input = e.target_unchecked_into::<HtmlInputElement>();
            let Some(file) = input.files().and_then(|files| files.get(0)) else {
                return;
            };
            let file = File::from(file);
            let name = file.name();
            let d = d.clone();
            let task = gloo::file::callbacks::read_as_text(&file, move |result| match result {
                Err(e) => d.dispatch(Action::RegistryRefused(format!(
                    "{name}: cannot read the file: {e}"
                ))),
                Ok(json) => match engine::load(&json) {
                    Ok(analyzer) => {
                        storage::save_registry(&name, &json);
                        d.dispatch(Action::RegistryLoaded { name, analyzer });
                    }
                    Err(err) => d.dispatch(Action::RegistryRefused(format!("{name}: {err}"))),
                },
            });
            *reader.borrow_mut() = Some(task);
            input.set_value("");
        })
    };
    let on_reset = {
        let d = props.dispatch.clone();
        Callback::from(move |_| {
            storage::forget_registry();
            d.dispatch(Action::RegistryReset(engine::builtin()));
        })
    };
    let in_use = match &props.state.registry_choice {
        RegistryChoice::Builtin => "the built-in registry".to_string(),
        RegistryChoice::Custom { name } => format!("your registry “{name}”"),
    };
    html! {
        <section class="loader" aria-labelledby="loader-heading">
            <h2 id="loader-heading">{ "Your own registry" }</h2>
            <p>{ format!("In use: {in_use} ({} entries). ", props.state.registry().entries().len()) }
               { "A registry file is JSON in the format described in the README; it is read and checked in this page and kept in this browser." }</p>
            <label for="registry-file">{ "Load a registry file" }</label>
            <input id="registry-file" type="file" accept=".json,application/json" onchange={on_file} />
            if matches!(props.state.registry_choice, RegistryChoice::Custom { .. }) {
                <button type="button" onclick={on_reset}>{ "Back to the built-in registry" }</button>
            }
            if let Some(error) = &props.state.registry_error {
                <pre class="error" role="alert" data-registry-error="true">{ error }</pre>
            }
        </section>
    }
}
