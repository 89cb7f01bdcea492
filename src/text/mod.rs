//! Text utilities shared by the registry checks and the engine: the normal
//! form of names, the folded "key stream" the name automaton runs over,
//! sentences, and number words.

pub(crate) mod hash;
pub(crate) mod keys;
pub(crate) mod names;
pub(crate) mod numbers;
pub(crate) mod sentences;
pub(crate) mod trie;

/// The character that starts at byte `i` of `s` (a character boundary),
/// read directly when it is ASCII, as most of any text is. Scans that
/// walk a few words per mention use it instead of `char_indices`, which
/// the page (built for size) calls per character rather than inlining.
pub(crate) fn char_at(s: &str, i: usize) -> char {
    match s.as_bytes()[i] {
        b if b.is_ascii() => char::from(b),
        _ => s[i..]
            .chars()
            .next()
            .expect("a character starts at a boundary inside the text"),
    }
}

/// Whether `s` has a whitespace character (`char::is_whitespace`), read as
/// bytes when `s` is ASCII, as nearly every name's spelling is.
pub(crate) fn has_whitespace(s: &str) -> bool {
    if s.is_ascii() {
        s.bytes().any(|b| b.is_ascii_whitespace() || b == 0x0b)
    } else {
        s.contains(char::is_whitespace)
    }
}

/// The run of characters at the end of `s` that satisfy `keep` (the last
/// word, for a word-character test).
pub(crate) fn trailing(s: &str, keep: impl Fn(char) -> bool) -> &str {
    let start = s
        .char_indices()
        .rev()
        .take_while(|&(_, c)| keep(c))
        .last()
        .map_or(s.len(), |(i, _)| i);
    &s[start..]
}

/// At most the first `max` bytes of `s`, cut on a character boundary. Scans
/// that look a few words ahead use it so that their cost stays constant
/// however long the rest of the text is.
pub(crate) fn prefix(s: &str, max: usize) -> &str {
    let mut end = s.len().min(max);
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// At most the last `max` bytes of `s`, cut on a character boundary.
pub(crate) fn suffix(s: &str, max: usize) -> &str {
    let mut start = s.len().saturating_sub(max);
    while !s.is_char_boundary(start) {
        start += 1;
    }
    &s[start..]
}

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whitespace_is_found_as_char_is_whitespace_finds_it() {
        let mut samples: Vec<String> = (0u8..128).map(|b| format!("a{}b", b as char)).collect();
        samples.extend(
            ["\u{a0}", "\u{2009}", "\u{3000}", "\u{85}", "é", "“", "x"]
                .iter()
                .map(|s| format!("LFW{s}a")),
        );
        for s in samples {
            assert_eq!(has_whitespace(&s), s.contains(char::is_whitespace), "{s:?}");
        }
    }

    #[test]
    fn a_character_is_read_where_it_starts() {
        let s = "aé𝔇 “x”";
        for (i, c) in s.char_indices() {
            assert_eq!(char_at(s, i), c);
        }
    }
}
