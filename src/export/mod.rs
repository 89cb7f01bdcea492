//! Findings and lineage in the forms other tools already read.
//!
//! - [`croissant`]: an entry as an MLCommons Croissant 1.1 dataset record
//!   with the Responsible AI extension (licence, citation, parent, the
//!   retraction or withdrawal statement, sensitive labels);
//! - [`datacite`]: an entry's lineage as DataCite `relatedIdentifiers`;
//! - [`scholix`]: each "this paper uses this dataset" finding of a report as
//!   a Scholix link record.
//!
//! Every value comes from the registry or the report; where the registry
//! knows nothing (no licence on record, no sensitive labels recorded) the
//! export says so in words rather than leaving a field out, so that a
//! reader never takes silence for permission.

pub mod croissant;
pub mod datacite;
mod identify;
pub mod scholix;

pub use identify::{IdScheme, Identifier};
