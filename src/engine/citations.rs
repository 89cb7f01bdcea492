//! In-text citation markers: numeric (`[33]`, `[3, 5-7]`) and author-year
//! (`(Zheng et al., 2017)`, `Zheng et al. [33]`, `Huang and Learned-Miller
//! (2014)`). A marker beside a name ties that name to a reference entry.

use crate::text::{prefix, trailing};

/// A marker found in the text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Marker {
    /// Byte span of the marker.
    pub span: (usize, usize),
    /// What it points to.
    pub target: MarkerTarget,
}

/// What a marker points to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum MarkerTarget {
    /// Numbered references.
    Numbers(Vec<u32>),
    /// An author's surname and a year.
    AuthorYear { surname: String, year: u16 },
}

/// Longest author-year group read, in bytes: "(Zheng et al., 2017; …)".
const MAX_GROUP: usize = 200;
/// Longest numeric marker read: "[3, 5-7, 12]".
const MAX_NUMERIC: usize = 64;
/// Longest "(2017)" after "et al." read.
const MAX_NARRATIVE_YEAR: usize = 16;

/// Largest range expanded in `[3-7]`; a longer one is a typo or not a citation.
const MAX_RANGE: u32 = 50;

/// Every citation marker in `text`, in order.
pub(crate) fn markers(text: &str) -> Vec<Marker> {
    let mut out = Vec::new();
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'[' => {
                if let Some((m, end)) = numeric(text, i) {
                    out.push(m);
                    i = end;
                    continue;
                }
            }
            b'(' => {
                if let Some(close) = prefix(&text[i..], MAX_GROUP).find(')').map(|c| i + c) {
                    out.extend(
                        author_year_group(text, i + 1, close)
                            .into_iter()
                            .map(|target| Marker {
                                span: (i, close + 1),
                                target,
                            }),
                    );
                }
            }
            _ => {}
        }
        i += 1;
    }
    out.extend(narrative(text));
    crate::sort::sort_by_key(&mut out, |m| m.span);
    out.dedup_by(|a, b| a.span == b.span && a.target == b.target);
    // "Zheng et al. [33]" is one marker, not also a bare "[33]".
    // Markers are sorted by start; a marker inside the one before it (the
    // longest reach so far) is dropped, in one pass.
    let mut reach: Option<(usize, usize)> = None;
    out.retain(|m| {
        let inside = reach.is_some_and(|(s, e)| s <= m.span.0 && m.span.1 <= e && (s, e) != m.span);
        if !inside && reach.is_none_or(|(_, e)| m.span.1 > e) {
            reach = Some(m.span);
        }
        !inside
    });
    out
}

/// `[3, 5-7]` starting at `open`.
fn numeric(text: &str, open: usize) -> Option<(Marker, usize)> {
    let close = open + prefix(&text[open..], MAX_NUMERIC).find(']')?;
    let inner = &text[open + 1..close];
    if inner.is_empty() || inner.len() > 60 {
        return None;
    }
    let mut numbers = Vec::new();
    for part in inner.split([',', ';']) {
        let part = part.trim();
        let dash = part.find(['-', '\u{2013}', '\u{2014}']);
        match dash {
            Some(d) => {
                let a: u32 = part[..d].trim().parse().ok()?;
                let z: u32 = part[d..]
                    .trim_start_matches(['-', '\u{2013}', '\u{2014}'])
                    .trim()
                    .parse()
                    .ok()?;
                if z < a || z - a > MAX_RANGE {
                    return None;
                }
                numbers.extend(a..=z);
            }
            None => numbers.push(part.parse().ok()?),
        }
    }
    Some((
        Marker {
            span: (open, close + 1),
            target: MarkerTarget::Numbers(numbers),
        },
        close + 1,
    ))
}

/// The parts of "(Zheng et al., 2017; Ristani et al. 2016)".
fn author_year_group(text: &str, start: usize, end: usize) -> Vec<MarkerTarget> {
    text[start..end]
        .split(';')
        .filter_map(|part| {
            let year = last_year(part)?;
            let surname = part
                .split(|c: char| !c.is_alphabetic() && c != '-')
                .find(|w| w.chars().next().is_some_and(char::is_uppercase))?;
            Some(MarkerTarget::AuthorYear {
                surname: surname.to_string(),
                year,
            })
        })
        .collect()
}

/// "Zheng et al. (2017)" and "Zheng et al. [33]": the surname before "et al."
/// with the year or number after it.
fn narrative(text: &str) -> Vec<Marker> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(pos) = text[from..].find("et al").map(|p| from + p) {
        from = pos + 5;
        let before = text[..pos].trim_end();
        let surname = trailing(before, |c| c.is_alphabetic() || c == '-').to_string();
        if !surname.chars().next().is_some_and(char::is_uppercase) {
            continue;
        }
        let after_start = from
            + text[from..]
                .find(|c: char| c != '.' && c != ' ' && c != ',')
                .unwrap_or(0);
        let after = &text[after_start..];
        let start = before.len() - surname.len();
        if after.starts_with('(') {
            if let Some(close) = prefix(after, MAX_NARRATIVE_YEAR).find(')')
                && let Some(year) = last_year(&after[..close])
            {
                out.push(Marker {
                    span: (start, after_start + close + 1),
                    target: MarkerTarget::AuthorYear { surname, year },
                });
            }
        } else if after.starts_with('[')
            && let Some((m, _)) = numeric(text, after_start)
        {
            out.push(Marker {
                span: (start, m.span.1),
                target: m.target,
            });
        }
    }
    out
}

/// The last four-digit year (1900–2099) in `s`.
fn last_year(s: &str) -> Option<u16> {
    let b = s.as_bytes();
    (0..b.len().saturating_sub(3)).rev().find_map(|i| {
        let w = &b[i..i + 4];
        let standalone = (i == 0 || !b[i - 1].is_ascii_digit())
            && b.get(i + 4).is_none_or(|c| !c.is_ascii_digit());
        (standalone
            && w.iter().all(u8::is_ascii_digit)
            && (w.starts_with(b"19") || w.starts_with(b"20")))
        .then(|| s[i..i + 4].parse().ok())
        .flatten()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn targets(text: &str) -> Vec<MarkerTarget> {
        markers(text).into_iter().map(|m| m.target).collect()
    }

    #[test]
    fn reads_numeric_and_author_year_markers() {
        use MarkerTarget::*;
        let ay = |s: &str, y| AuthorYear {
            surname: s.to_string(),
            year: y,
        };
        let cases: Vec<(&str, Vec<MarkerTarget>)> = vec![
            ("DukeMTMC [33] and", vec![Numbers(vec![33])]),
            ("benchmarks [3, 5-7].", vec![Numbers(vec![3, 5, 6, 7])]),
            ("as in (Zheng et al., 2017)", vec![ay("Zheng", 2017)]),
            (
                "(Zheng et al., 2017; Ristani et al. 2016)",
                vec![ay("Zheng", 2017), ay("Ristani", 2016)],
            ),
            ("Zheng et al. [33] built", vec![Numbers(vec![33])]),
            ("Huang and Learned-Miller (2014) showed", vec![]),
            ("see Zheng et al. (2017)", vec![ay("Zheng", 2017)]),
            ("an array [i] or [1-999]", vec![]),
            ("(see Table 2)", vec![]),
        ];
        for (text, expected) in cases {
            assert_eq!(targets(text), expected, "{text}");
        }
    }
}
