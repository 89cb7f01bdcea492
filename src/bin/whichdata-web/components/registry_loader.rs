//! Loading your own registry: pick a JSON file, see it validated (errors
//! with their place), keep it for the next visit, or go back to the
//! built-in one.

use gloo::file::File;
use gloo::file::callbacks::FileReader;
use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::engine::{self, InUse};
use crate::state::RegistryChoice;
use crate::storage;

/// What the registry view needs to show which registry is in use and to
/// change it.
#[derive(Properties, PartialEq, Clone)]
pub struct RegistryLoaderProps {
    /// The analyzer in use, for its registry.
    pub analyzer: InUse,
    /// Where the registry came from.
    pub registry_choice: RegistryChoice,
    /// Why the last registry file was refused.
    pub registry_error: Option<String>,
    /// A file was read and validated: its name and its analyzer.
    pub on_loaded: Callback<(String, InUse)>,
    /// A file was refused, and why.
    pub on_refused: Callback<String>,
    /// Back to the built-in registry.
    pub on_reset: Callback<InUse>,
}

#[component]
pub fn RegistryLoader(props: &RegistryLoaderProps) -> Html {
    // The reader must live until it calls back.
    let reader = use_mut_ref(|| None::<FileReader>);
    let on_file = {
        let (on_loaded, on_refused) = (props.on_loaded.clone(), props.on_refused.clone());
        let reader = reader.clone();
        Callback::from(move |e: Event| {
            let input = e.target_unchecked_into::<HtmlInputElement>();
            let Some(file) = input.files().and_then(|files| files.get(0)) else {
                return;
            };
            let file = File::from(file);
            let name = file.name();
            let (on_loaded, on_refused) = (on_loaded.clone(), on_refused.clone());
            let task = gloo::file::callbacks::read_as_text(&file, move |result| match result {
                Err(e) => on_refused.emit(format!("{name}: cannot read the file: {e}")),
                Ok(json) => engine::load(
                    name.clone(),
                    json,
                    Callback::from(move |loaded| match loaded {
                        Ok(engine::Loaded { analyzer, not_kept }) => {
                            on_loaded.emit((name.clone(), analyzer));
                            if let Some(why) = not_kept {
                                on_refused.emit(why);
                            }
                        }
                        Err(err) => on_refused.emit(format!("{name}: {err}")),
                    }),
                ),
            });
            *reader.borrow_mut() = Some(task);
            input.set_value("");
        })
    };
    let on_reset = {
        let on_reset = props.on_reset.clone();
        Callback::from(move |_| {
            engine::cancel_loads();
            storage::forget_registry();
            on_reset.emit(engine::builtin());
        })
    };
    let in_use = match &props.registry_choice {
        RegistryChoice::Builtin => "the built-in registry".to_string(),
        RegistryChoice::Custom { name } => format!("your registry “{name}”"),
    };
    html! {
        <section class="loader" aria-labelledby="loader-heading">
            <h2 id="loader-heading">{ "Your own registry" }</h2>
            <p>{ format!("In use: {in_use} ({} entries). ", props.analyzer.registry().entries().len()) }
               { "A registry file is JSON in the format described in the README; it is read and checked in this page and kept in this browser." }</p>
            <label for="registry-file">{ "Load a registry file" }</label>
            <input id="registry-file" type="file" accept=".json,application/json" onchange={on_file} />
            if matches!(props.registry_choice, RegistryChoice::Custom { .. }) {
                <button type="button" onclick={on_reset}>{ "Back to the built-in registry" }</button>
            }
            if let Some(error) = &props.registry_error {
                <pre class="error" role="alert" data-registry-error="true">{ error }</pre>
            }
        </section>
    }
}
