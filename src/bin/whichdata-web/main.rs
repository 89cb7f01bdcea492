//! whichdata in the browser: paste a methods section (or a whole paper) and
//! its references, see which dataset it uses and why. Everything runs in
//! the page; nothing typed or pasted leaves it.
//!
//! `main` only mounts the app; components live one per file under
//! `components/`, the state and its actions in `state.rs`, the
//! JavaScript API in `api.rs`.

mod api;
mod components;
mod engine;
mod examples;
mod facts;
mod files;
mod save;
mod state;
mod storage;
mod worker;

fn main() {
    yew::Renderer::<components::app::App>::new().render();
}
