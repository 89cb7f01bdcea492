//! The page's components, one per file.

pub mod app;
pub mod card;
pub mod exports;
pub mod file_opener;
pub mod header;
pub mod input;
pub mod outline;
pub mod registry_browser;
pub mod registry_loader;
pub mod results;
pub mod text_view;
