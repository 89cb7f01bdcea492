//! The library's one error type.
//!
//! Following the regex crate: a struct with a private kind, so variants can
//! grow without breaking callers, and lowercase messages that read well when a
//! binary prints the whole chain. "Nothing found" is never an error: an
//! analysis that finds no dataset returns an empty report.

use std::fmt;

/// Anything that can go wrong while loading a registry or taking input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum ErrorKind {
    /// The registry text is not well-formed JSON, or does not fit the format.
    Syntax {
        line: usize,
        column: usize,
        message: String,
    },
    /// Bytes that should hold a registry in compact form do not.
    Compact { message: String },
    /// The registry parses but breaks one or more invariants.
    Invalid { problems: Vec<Problem> },
    /// A model document (fitted weights) cannot be used.
    Model { message: String },
    /// An input is over a documented limit.
    TooLarge {
        what: &'static str,
        size: usize,
        limit: usize,
        unit: &'static str,
    },
}

/// One broken invariant, with the place it was found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// A JSON path with the entry's id, e.g. `entries[1] (D2).statistics[0].source`.
    pub place: String,
    /// What is wrong, in lowercase.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.place, self.message)
    }
}

impl Error {
    pub(crate) fn syntax(err: &serde_json::Error) -> Error {
        // serde_json appends " at line L column C" to its own message; the
        // position is reported separately, so strip it from the text.
        let full = err.to_string();
        let message = match full.rfind(" at line ") {
            Some(i) => full[..i].to_string(),
            None => full,
        };
        Error {
            kind: ErrorKind::Syntax {
                line: err.line(),
                column: err.column(),
                message,
            },
        }
    }

    pub(crate) fn compact(err: &crate::registry::compact::CompactError) -> Error {
        Error {
            kind: ErrorKind::Compact {
                message: err.to_string(),
            },
        }
    }

    pub(crate) fn invalid(problems: Vec<Problem>) -> Error {
        Error {
            kind: ErrorKind::Invalid { problems },
        }
    }

    pub(crate) fn invalid_model(message: String) -> Error {
        Error {
            kind: ErrorKind::Model { message },
        }
    }

    pub(crate) fn too_large(
        what: &'static str,
        size: usize,
        limit: usize,
        unit: &'static str,
    ) -> Error {
        Error {
            kind: ErrorKind::TooLarge {
                what,
                size,
                limit,
                unit,
            },
        }
    }

    /// Whether this error is an input over a size limit.
    pub fn is_too_large(&self) -> bool {
        matches!(self.kind, ErrorKind::TooLarge { .. })
    }

    /// The 1-based line and column of a syntax error, if this is one.
    pub fn line_column(&self) -> Option<(usize, usize)> {
        match &self.kind {
            ErrorKind::Syntax { line, column, .. } => Some((*line, *column)),
            _ => None,
        }
    }

    /// The broken invariants, if this is a validation error.
    pub fn problems(&self) -> &[Problem] {
        match &self.kind {
            ErrorKind::Invalid { problems } => problems,
            _ => &[],
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            ErrorKind::Syntax {
                line,
                column,
                message,
            } => write!(
                f,
                "registry is not valid JSON of the registry format at line {line}, column {column}: {message}"
            ),
            ErrorKind::Invalid { problems } => {
                let n = problems.len();
                write!(
                    f,
                    "registry breaks {n} rule{}",
                    if n == 1 { "" } else { "s" }
                )?;
                for p in problems {
                    write!(f, "\n  {p}")?;
                }
                Ok(())
            }
            ErrorKind::Compact { message } => write!(
                f,
                "registry is not in this version's compact form ({message}); load its JSON file again"
            ),
            ErrorKind::Model { message } => write!(f, "the model file cannot be used: {message}"),
            ErrorKind::TooLarge {
                what,
                size,
                limit,
                unit,
            } => write!(
                f,
                "the {what} is too large: {size} {unit}, and the limit is {limit} {unit}; split it into parts"
            ),
        }
    }
}

impl std::error::Error for Error {}
