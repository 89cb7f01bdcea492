//! The page: state, the debounced analysis as the user types, persistence,
//! and the two views.

use std::rc::Rc;

use gloo::events::EventListener;
use gloo::timers::callback::Timeout;
use yew::prelude::*;

use super::header::Header;
use super::input::InputPanel;
use super::registry_browser::RegistryBrowser;
use super::results::Results;
use super::text_view::TextView;
use crate::state::{Action, RegistryChoice, State, View};
use crate::storage::SavedRegistry;
use crate::worker::ReadFailure;
use crate::{engine, files, storage};

/// Milliseconds of quiet typing before the text is analysed again.
const DEBOUNCE_MS: u32 = 150;

/// Milliseconds since the page started (for the analysis time shown).
fn now_ms() -> f64 {
    gloo::utils::window().performance().map_or(0.0, |p| p.now())
}

#[component]
pub fn App() -> Html {
    // A saved registry whose compact form this version cannot read goes
    // through the file reader again once the page is up.
    let reread = use_mut_ref(|| None::<(String, String)>);
    let state = use_reducer({
        let reread = reread.clone();
        move || {
            let (analyzer, choice) = match storage::saved_registry() {
                SavedRegistry::Ready { name, analyzer } => {
                    (analyzer, RegistryChoice::Custom { name })
                }
                SavedRegistry::Reread { name, json } => {
                    *reread.borrow_mut() = Some((name, json));
                    (engine::builtin(), RegistryChoice::Builtin)
                }
                SavedRegistry::None => (engine::builtin(), RegistryChoice::Builtin),
            };
            let (saved_text, saved_refs) = storage::saved_input();
            let text = storage::text_from_fragment().unwrap_or(saved_text);
            State::new(text, saved_refs, analyzer, choice)
        }
    });
    {
        let dispatcher = state.dispatcher();
        use_effect_with((), move |()| {
            let pending = reread.borrow_mut().take();
            if let Some((name, json)) = pending {
                engine::load(
                    name.clone(),
                    json,
                    Callback::from(move |loaded| match loaded {
                        Ok(engine::Loaded { analyzer, not_kept }) => {
                            dispatcher.dispatch(Action::RegistryLoaded {
                                name: name.clone(),
                                analyzer,
                            });
                            if let Some(why) = not_kept {
                                dispatcher.dispatch(Action::RegistryRefused(why));
                            }
                        }
                        // The file no longer keeps this version's rules: it
                        // is forgotten, or the error would return on every
                        // visit with no way to clear it.
                        Err(ReadFailure::Refused(why)) => {
                            storage::forget_registry();
                            dispatcher.dispatch(Action::RegistryRefused(format!(
                                "your saved registry “{name}” no longer loads in this version, so the built-in one is in use and it is no longer kept (load the file again once it is fixed): {why}"
                            )));
                        }
                        // The reader failed, not the file: keep it for the
                        // next visit.
                        Err(ReadFailure::Reader(why)) => {
                            dispatcher.dispatch(Action::RegistryRefused(format!(
                                "your saved registry “{name}” could not be read on this visit ({why}), so the built-in one is in use"
                            )));
                        }
                    }),
                );
            }
        });
    }

    // Analyse shortly after the text, the references or the registry change,
    // and keep the input for the next visit.
    {
        let dispatcher = state.dispatcher();
        let snapshot: Rc<State> = Rc::new((*state).clone());
        let key = (
            state.text.clone(),
            state.refs.clone(),
            state.analyzer.clone(),
        );
        use_effect_with(key, move |_| {
            storage::save_input(&snapshot.text, &snapshot.refs);
            let timeout = Timeout::new(DEBOUNCE_MS, move || {
                let text = snapshot.text.clone();
                if let Some(message) = snapshot.too_large() {
                    dispatcher.dispatch(Action::Analyzed {
                        text,
                        result: Err(message),
                        elapsed_ms: 0.0,
                    });
                    return;
                }
                let start = now_ms();
                let result = snapshot
                    .analyzer
                    .0
                    .analyze(&text, &snapshot.references())
                    .map(Rc::new)
                    .map_err(|e| e.to_string());
                let elapsed_ms = now_ms() - start;
                dispatcher.dispatch(Action::Analyzed {
                    text,
                    result,
                    elapsed_ms,
                });
            });
            move || drop(timeout)
        });
    }

    // The JavaScript API analyses with the registry the page shows.
    use_effect_with(state.analyzer.clone(), |analyzer| {
        engine::publish(analyzer);
    });

    // A `#text=` link opened while the page is open.
    {
        let dispatcher = state.dispatcher();
        use_effect_with((), move |_| {
            let listener = EventListener::new(&gloo::utils::window(), "hashchange", move |_| {
                if let Some(text) = storage::text_from_fragment() {
                    dispatcher.dispatch(Action::SetText(text));
                }
            });
            move || drop(listener)
        });
    }

    // Typed callbacks for the components, each dispatching one action.
    let dispatcher = state.dispatcher();
    let send = |make: fn(String) -> Action| {
        let d = dispatcher.clone();
        Callback::from(move |value: String| d.dispatch(make(value)))
    };
    let on_text = send(Action::SetText);
    let on_refs = send(Action::SetRefs);
    let on_refused = send(Action::RegistryRefused);
    let on_view = {
        let d = dispatcher.clone();
        Callback::from(move |view| d.dispatch(Action::Show(view)))
    };
    let on_show_registry = {
        let d = dispatcher.clone();
        Callback::from(move |()| d.dispatch(Action::Show(View::Registry)))
    };
    let on_highlight = {
        let d = dispatcher.clone();
        Callback::from(move |span| d.dispatch(Action::Highlight(span)))
    };
    let on_files = {
        let d = dispatcher.clone();
        Callback::from(move |list| files::open(list, &d))
    };
    let on_show_file = {
        let d = dispatcher.clone();
        Callback::from(move |id| d.dispatch(Action::ShowFile(id)))
    };
    let on_loaded = {
        let d = dispatcher.clone();
        Callback::from(move |(name, analyzer)| {
            d.dispatch(Action::RegistryLoaded { name, analyzer })
        })
    };
    let on_reset = {
        let d = dispatcher.clone();
        Callback::from(move |builtin| d.dispatch(Action::RegistryReset(builtin)))
    };
    html! {
        <>
            <Header view={state.view} on_view={on_view} />
            <main id="main">
                if state.view == View::Analyze {
                    <div class="analyze">
                        <section class="input-column" aria-label="Your text">
                            <InputPanel text={state.text.clone()} refs={state.refs.clone()}
                                files={state.files.clone()} active_file={state.active_file}
                                {on_text} {on_refs} {on_files} {on_show_file} />
                            <TextView text={state.text.clone()} highlight={state.highlight} report={state.report.clone()} />
                        </section>
                        <Results report={state.report.clone()} input_error={state.input_error.clone()}
                            elapsed_ms={state.elapsed_ms} has_text={!state.text.trim().is_empty()}
                            analyzer={state.analyzer.clone()} registry_choice={state.registry_choice.clone()}
                            {on_highlight} {on_show_registry} />
                    </div>
                } else {
                    <RegistryBrowser analyzer={state.analyzer.clone()} registry_choice={state.registry_choice.clone()}
                        registry_error={state.registry_error.clone()} {on_loaded} {on_refused} {on_reset} />
                }
            </main>
            <footer class="footer">
                <p>
                    { "Everything runs in this page: your text is never sent anywhere. Registry facts come from the study by Peng, Mathur & Narayanan (NeurIPS 2021, " }
                    <a href="https://arxiv.org/abs/2108.02922" rel="noopener noreferrer">{ "arXiv:2108.02922" }</a>
                    { ") and the sources cited for each entry." }
                </p>
            </footer>
        </>
    }
}
