//! Undoing what typesetting does to words: ligature glyphs, words broken
//! across lines by hyphenation, and characters that stand for nothing.
//!
//! A hyphen at the end of a line is either typesetting ("iden-/tities") or
//! part of the word ("non-/overlapping", "DukeMTMC-/reID"). The document is
//! its own dictionary: if it writes the joined word elsewhere the break is
//! undone, if it writes the hyphenated word elsewhere the hyphen stays;
//! names with capitals inside keep their hyphen; otherwise the break is
//! taken for typesetting, the common case in justified text.

use std::collections::HashSet;

/// Replaces ligature glyphs and odd spaces and hyphens by plain letters,
/// and drops characters that stand for no text.
pub(crate) fn plain_characters(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\u{FB00}' => out.push_str("ff"),
            '\u{FB01}' => out.push_str("fi"),
            '\u{FB02}' => out.push_str("fl"),
            '\u{FB03}' => out.push_str("ffi"),
            '\u{FB04}' => out.push_str("ffl"),
            '\u{FB05}' | '\u{FB06}' => out.push_str("st"),
            '\u{2010}' | '\u{2011}' => out.push('-'),
            '\u{00A0}' | '\u{2002}'..='\u{200A}' | '\u{202F}' => out.push(' '),
            // Soft hyphens, zero-width characters, unmapped glyphs.
            '\u{00AD}' | '\u{200B}'..='\u{200D}' | '\u{FEFF}' | '\u{FFFD}' => {}
            '\u{E000}'..='\u{F8FF}' => {}
            '\n' | '\t' => out.push(c),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Rejoins words that hyphenation broke across lines.
pub(crate) fn join_hyphenated(text: &str) -> String {
    let words = words(text);
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(pos) = rest.find("-\n") {
        let (before, after) = rest.split_at(pos);
        let after = &after[2..];
        let left_start = before.rfind(|c: char| !c.is_alphanumeric()).map_or(0, |i| {
            i + before[i..].chars().next().map_or(1, char::len_utf8)
        });
        let left = &before[left_start..];
        let right_len = after
            .find(|c: char| !c.is_alphanumeric())
            .unwrap_or(after.len());
        let right = &after[..right_len];
        out.push_str(before);
        if left.is_empty() || right.is_empty() {
            out.push_str("-\n");
            rest = after;
            continue;
        }
        let hyphen = keeps_hyphen(left, right, &words);
        if hyphen {
            out.push('-');
        }
        out.push_str(right);
        // The rest of the word (its punctuation) joins it; the rest of the
        // next line stays on its line.
        let tail = &after[right_len..];
        let attached = tail.find(char::is_whitespace).unwrap_or(tail.len());
        out.push_str(&tail[..attached]);
        let tail = &tail[attached..];
        if let Some(t) = tail.strip_prefix(' ') {
            out.push('\n');
            rest = t;
        } else {
            rest = tail;
        }
    }
    out.push_str(rest);
    out
}

/// Whether the hyphen between `left` (end of a line) and `right` (start of
/// the next) belongs to the word.
fn keeps_hyphen(left: &str, right: &str, words: &Words) -> bool {
    let joined = format!("{left}{right}").to_lowercase();
    let hyphenated = format!("{left}-{right}").to_lowercase();
    // The document itself decides first, names included ("CA-SIA" where
    // it writes CASIA elsewhere, "Arc-Face" where it writes ArcFace).
    match (
        words.plain.contains(&joined),
        words.hyphenated.contains(&hyphenated),
    ) {
        (true, false) => return false,
        (false, true) => return true,
        _ => {}
    }
    let starts_lower = right.chars().next().is_some_and(char::is_lowercase);
    let inner_capitals = left.chars().skip(1).any(char::is_uppercase);
    let digits = left
        .chars()
        .chain(right.chars())
        .any(|c| c.is_ascii_digit());
    if !starts_lower || inner_capitals || digits {
        return true;
    }
    // Written both ways or neither: typesetting, the common case.
    false
}

/// The words a text writes whole, and the hyphenated compounds it writes
/// within a line, lowercased.
struct Words {
    plain: HashSet<String>,
    hyphenated: HashSet<String>,
}

fn words(text: &str) -> Words {
    let mut plain = HashSet::new();
    let mut hyphenated = HashSet::new();
    for line in text.lines() {
        // The last token of a line ending in a hyphen is a fragment.
        let broken = line.ends_with('-');
        let tokens: Vec<&str> = line.split_whitespace().collect();
        for (i, token) in tokens.iter().enumerate() {
            if broken && i + 1 == tokens.len() {
                continue;
            }
            let t = token.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
            let t = t.trim_matches('-');
            if t.is_empty() {
                continue;
            }
            let lower = t.to_lowercase();
            if lower.contains('-') {
                hyphenated.insert(lower);
            } else {
                plain.insert(lower);
            }
        }
    }
    Words { plain, hyphenated }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ligatures_and_odd_characters() {
        assert_eq!(
            plain_characters(
                "re-identi\u{FB01}cation, e\u{FB00}ective,\u{00A0}\u{E001}of\u{00AD}f"
            ),
            "re-identification, effective, off"
        );
    }

    #[test]
    fn typesetting_hyphens_are_undone() {
        assert_eq!(
            join_hyphenated("16,522 images of 702 iden-\ntities, with 2,228\nqueries"),
            "16,522 images of 702 identities,\nwith 2,228\nqueries"
        );
        assert_eq!(
            join_hyphenated("search en-\ngines, and more"),
            "search engines,\nand more"
        );
    }

    #[test]
    fn word_hyphens_stay() {
        // Written hyphenated elsewhere in the document.
        let text = "non-overlapping views\nacross non-\noverlapping cameras";
        assert_eq!(
            join_hyphenated(text),
            "non-overlapping views\nacross non-overlapping\ncameras"
        );
        // Names with capitals inside, and numbers.
        assert_eq!(join_hyphenated("DukeMTMC-\nreID has"), "DukeMTMC-reID\nhas");
        assert_eq!(join_hyphenated("Market-\n1501 and"), "Market-1501\nand");
        // A name the document writes whole elsewhere is rejoined, capitals
        // and all.
        assert_eq!(
            join_hyphenated("train on CASIA and CA-\nSIA again"),
            "train on CASIA and CASIA\nagain"
        );
        // Written whole elsewhere beats written hyphenated.
        assert_eq!(
            join_hyphenated("viewpoints and view-\npoints"),
            "viewpoints and viewpoints"
        );
    }

    #[test]
    fn a_lone_hyphen_is_left_alone() {
        assert_eq!(join_hyphenated("a -\nb"), "a -\nb");
        assert_eq!(join_hyphenated("end-\n"), "end-\n");
    }
}
