//! Sentence spans, so that evidence is read where it stands: a cue word or a
//! "we train on" counts for the names in its own sentence.

/// Abbreviations after which a period does not end a sentence.
const NO_BREAK_AFTER: &[&str] = &[
    "al", "e.g", "i.e", "vs", "fig", "figs", "eq", "no", "cf", "etc", "resp", "approx", "sec",
    "tab",
];

/// The byte spans of the sentences of `text`, in order, covering all of it.
pub(crate) fn sentence_spans(text: &str) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut spans = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let ends = match b {
            b'\n' => bytes.get(i + 1) == Some(&b'\n') || line_is_heading_break(bytes, i),
            b'.' | b'!' | b'?' => {
                let next = bytes.get(i + 1).copied();
                let after = bytes.get(i + 2).copied();
                matches!(next, Some(b' ' | b'\n' | b'\t') | None)
                    && (next.is_none() || after.is_none_or(|a| !a.is_ascii_lowercase()))
                    && !(b == b'.' && ends_with_abbreviation(&text[start..i]))
            }
            _ => false,
        };
        if ends {
            spans.push((start, i + 1));
            start = i + 1;
        }
        i += 1;
    }
    if start < bytes.len() {
        spans.push((start, bytes.len()));
    }
    spans
}

/// The sentence spans of `text`, where each offset in `breaks` (sorted)
/// also ends a sentence: the end of a heading, a title or a table row,
/// which have no period of their own.
pub(crate) fn sentence_spans_with_breaks(text: &str, breaks: &[usize]) -> Vec<(usize, usize)> {
    let spans = sentence_spans(text);
    if breaks.is_empty() {
        return spans;
    }
    let mut out = Vec::with_capacity(spans.len() + breaks.len());
    let mut b = 0;
    for (mut s, e) in spans {
        while b < breaks.len() && breaks[b] <= s {
            b += 1;
        }
        while b < breaks.len() && breaks[b] < e {
            if breaks[b] > s && text.is_char_boundary(breaks[b]) {
                out.push((s, breaks[b]));
                s = breaks[b];
            }
            b += 1;
        }
        out.push((s, e));
    }
    out
}

/// A single newline ends a sentence only when the next line starts a new
/// block (a numbered or bulleted line); wrapped prose keeps going.
fn line_is_heading_break(bytes: &[u8], i: usize) -> bool {
    matches!(bytes.get(i + 1), Some(b'-' | b'*' | b'#' | b'['))
}

fn ends_with_abbreviation(before: &str) -> bool {
    let word = super::trailing(before, |c| c.is_alphanumeric() || c == '.').to_ascii_lowercase();
    NO_BREAK_AFTER.contains(&word.as_str())
        || (word.len() == 1 && word.chars().all(|c| c.is_alphabetic()))
}

/// The index of the sentence containing byte `at`.
pub(crate) fn sentence_of(spans: &[(usize, usize)], at: usize) -> usize {
    spans
        .partition_point(|&(_, end)| end <= at)
        .min(spans.len().saturating_sub(1))
}

#[cfg(test)]
mod tests {
    use super::sentence_spans;

    #[test]
    fn splits_on_sentence_ends_but_not_abbreviations_or_decimals() {
        let text = "We follow Zheng et al. in this. Accuracy is 99.4% on LFW. E.g. this stays? Yes";
        let parts: Vec<&str> = sentence_spans(text)
            .iter()
            .map(|&(s, e)| text[s..e].trim())
            .collect();
        assert_eq!(
            parts,
            [
                "We follow Zheng et al. in this.",
                "Accuracy is 99.4% on LFW.",
                "E.g. this stays?",
                "Yes"
            ]
        );
    }
}
