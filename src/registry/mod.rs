//! The registry: every dataset, derivative and pre-trained model whichdata
//! knows, with the facts that tell them apart and the source of each fact.
//!
//! `registry.json` at the repository root is compiled into every build (in
//! the compact form of [`compact`], written by `build.rs`) and read once, on
//! first use. A user may load another file instead; it goes
//! through the same parser and the same checks, so a registry that loads is
//! one the engine can trust: ids are unique, parents exist, every fact names
//! a source that exists.

pub mod compact;
mod model;
mod validate;

pub use model::*;

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::error::Error;

/// The registry compiled into this build: `registry.json`, compacted by
/// `build.rs`. Only tools that show or export the file link it in.
const BUILTIN_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/registry.min.json"));

/// The id of this build's compact form (see [`compact`]), which `build.rs`
/// derives from the files that define the form's layout. A registry in
/// compact form written by a build with another id is refused.
pub const COMPACT_FORM: u64 = include!(concat!(env!("OUT_DIR"), "/compact_form.rs"));

/// The same registry in compact form, which is what [`Registry::builtin`]
/// reads: no JSON parser is needed to start.
const BUILTIN_COMPACT: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/registry.bin"));

/// A loaded and validated registry.
#[derive(Clone, Debug)]
pub struct Registry {
    document: RegistryDocument,
    index: HashMap<String, usize>,
}

impl Registry {
    /// Parses and validates a registry document.
    ///
    /// A syntax error reports its line and column; a document that parses
    /// but breaks the registry's rules reports every problem with its place.
    pub fn from_json(text: &str) -> Result<Registry, Error> {
        let document: RegistryDocument =
            serde_json::from_str(text).map_err(|e| Error::syntax(&e))?;
        Registry::from_document(document)
    }

    /// Reads and validates a registry in the compact form of this build
    /// (see [`compact`]), as written by [`Registry::to_compact`].
    pub fn from_compact(bytes: &[u8]) -> Result<Registry, Error> {
        let document = compact::decode(bytes, COMPACT_FORM).map_err(|e| Error::compact(&e))?;
        Registry::from_document(document)
    }

    /// The registry in compact form, which [`Registry::from_compact`] reads
    /// without a JSON parser.
    pub fn to_compact(&self) -> Vec<u8> {
        compact::encode(&self.document, COMPACT_FORM)
    }

    /// Validates an already-parsed document.
    pub fn from_document(document: RegistryDocument) -> Result<Registry, Error> {
        let problems = validate::check(&document);
        if !problems.is_empty() {
            return Err(Error::invalid(problems));
        }
        let index = document
            .entries
            .iter()
            .enumerate()
            .map(|(i, e)| (e.id.clone(), i))
            .collect();
        Ok(Registry { document, index })
    }

    /// The registry compiled into this build, read on first use.
    ///
    /// The built-in registry is checked by the test suite, so this fails only
    /// in a build whose tests were not run.
    pub fn builtin() -> Result<&'static Registry, Error> {
        static BUILTIN: OnceLock<Result<Registry, Error>> = OnceLock::new();
        BUILTIN
            .get_or_init(|| Registry::from_compact(BUILTIN_COMPACT))
            .as_ref()
            .map_err(Clone::clone)
    }

    /// The text of the built-in registry, for tools that show or export it.
    pub fn builtin_json() -> &'static str {
        BUILTIN_JSON
    }

    /// The underlying document.
    pub fn document(&self) -> &RegistryDocument {
        &self.document
    }

    /// All entries, in registry order.
    pub fn entries(&self) -> &[Entry] {
        &self.document.entries
    }

    /// The entry with this id (exact, case-sensitive: `D2`, `market1501`).
    pub fn entry(&self, id: &str) -> Option<&Entry> {
        self.index.get(id).map(|&i| &self.document.entries[i])
    }

    /// The entry with this id, ignoring case (`d2` finds `D2`).
    pub fn find(&self, id: &str) -> Option<&Entry> {
        self.entry(id).or_else(|| {
            self.document
                .entries
                .iter()
                .find(|e| e.id.eq_ignore_ascii_case(id))
        })
    }

    /// The source with this key.
    pub fn source(&self, key: &str) -> Option<&Source> {
        self.document.sources.get(key)
    }

    /// The entries derived directly from `id`.
    pub fn children<'a>(&'a self, id: &'a str) -> impl Iterator<Item = &'a Entry> + 'a {
        self.document
            .entries
            .iter()
            .filter(move |e| e.parent.as_deref() == Some(id))
    }

    /// The entry and its ancestors, nearest first. Validation guarantees the
    /// chain ends.
    pub fn lineage(&self, id: &str) -> Vec<&Entry> {
        let mut chain = Vec::new();
        let mut next = self.entry(id);
        while let Some(entry) = next {
            chain.push(entry);
            next = entry.parent.as_deref().and_then(|p| self.entry(p));
        }
        chain
    }

    /// Every paper associated with or requested for an entry.
    pub fn papers_of<'a>(
        &'a self,
        entry: &'a Entry,
    ) -> impl Iterator<Item = (&'a PaperLink, &'a Paper)> + 'a {
        entry.papers.iter().filter_map(|link| {
            self.source(&link.source)
                .and_then(Source::as_paper)
                .map(|p| (link, p))
        })
    }
}
