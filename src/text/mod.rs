//! Text utilities shared by the registry checks and the engine: the normal
//! form of names, the folded "key stream" the name automaton runs over,
//! sentences, and number words.

pub(crate) mod keys;
pub(crate) mod names;
pub(crate) mod numbers;
pub(crate) mod sentences;

/// Whether `text` has an alphanumeric character (or `+`, which is part of
/// names like CK+) just before byte `at`.
pub(crate) fn word_char_before(text: &str, at: usize) -> bool {
    text[..at]
        .chars()
        .next_back()
        .is_some_and(|c| c.is_alphanumeric() || c == '+')
}

/// Whether `text` has an alphanumeric character (or `+`) at byte `at`.
pub(crate) fn word_char_at(text: &str, at: usize) -> bool {
    text[at..]
        .chars()
        .next()
        .is_some_and(|c| c.is_alphanumeric() || c == '+')
}
