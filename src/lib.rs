//! whichdata tells which dataset, derivative or pre-trained model a paper's
//! text really uses, how sure it is, and why.
//!
//! The library is pure: text and a registry in, plain data out. It does no
//! I/O, reads no clock and knows nothing of terminals or browsers; the CLI and
//! the web app are thin front ends over it.
//!
//! ```
//! let registry = whichdata::Registry::builtin().unwrap();
//! let d2 = registry.entry("D2").unwrap();
//! assert_eq!(d2.parent.as_deref(), Some("D1"));
//! ```

#![deny(missing_docs)]

pub mod attention;
mod document;
mod engine;
mod error;
pub mod export;
pub mod fit;
pub mod pdf;
mod registry;
mod sort;
mod text;

pub use document::{Document, DocumentError, parse_document_line};
pub use engine::{
    Analyzer, CitationRate, Evidence, Excerpt, Group, GroupScores, GroupVectors, GroupVerdict,
    MAX_REFERENCES, MAX_TEXT_BYTES, MODEL_FORMAT, Mention, Model, Outline, Reason, ReasonKind,
    ReferenceEntry, ReferenceSection, Report, Role, Section, Sign, Stage, Suggestion, Thresholds,
    UseFeature, Verdict, VersionFeature, parse_reference_list, thousands,
};
pub use error::{Error, Problem};
pub use registry::compact;
pub use registry::{
    Access, Alias, Annotation, Availability, COMPACT_FORM, CommercialUse, Cue, CueLink, Entry,
    EntryKind, FORMAT_NAME, FORMAT_VERSION, License, Note, Paper, PaperLink, PaperRole, Quantity,
    Registry, RegistryDocument, Source, Split, State, Statistic, Status, StudyRecord, WebPage,
};
