//! Numbers as papers write them: "16,522", "16 522", "5.8 million", "1M",
//! "100K", "85k", "2.6 M".

/// A number found in text.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct NumberToken {
    /// Its value.
    pub value: f64,
    /// Whether it was written rounded ("5.8M", "100K", "about 10 million").
    pub approximate: bool,
    /// Byte span in the text.
    pub span: (usize, usize),
}

/// Every number in `text`, in order. Years, percentages and numbers glued
/// to letters (ResNet50, v2) are not counts and are skipped by the caller
/// where it matters; this only reads digits and magnitude words.
pub(crate) fn numbers(text: &str) -> Vec<NumberToken> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        // Digits glued to a word are part of a name (ResNet50, MS-Celeb-1M).
        let glued = i > 0
            && (bytes[i - 1].is_ascii_alphanumeric()
                || bytes[i - 1] == b'.'
                || bytes[i - 1] == b'-' && i > 1 && bytes[i - 2].is_ascii_alphabetic());
        if !bytes[i].is_ascii_digit() || glued {
            i += 1;
            continue;
        }
        let start = i;
        let mut j = i;
        while j < bytes.len() && bytes[j].is_ascii_digit() {
            j += 1;
        }
        // Thousands groups: "16,522", "16 522", "1,234,567". Only after a
        // first group of one to three digits, and only whole groups of three.
        if j - start <= 3 {
            while matches!(bytes.get(j), Some(b',' | b' '))
                && bytes
                    .get(j + 1..j + 4)
                    .is_some_and(|g| g.iter().all(u8::is_ascii_digit))
                && !bytes.get(j + 4).is_some_and(u8::is_ascii_digit)
            {
                j += 4;
            }
        }
        let mut value: f64 = text[start..j]
            .replace([',', ' '], "")
            .parse()
            .unwrap_or(0.0);
        let mut approximate = false;
        // Decimal part: "5.8".
        if bytes.get(j) == Some(&b'.') && bytes.get(j + 1).is_some_and(u8::is_ascii_digit) {
            let mut k = j + 1;
            while k < bytes.len() && bytes[k].is_ascii_digit() {
                k += 1;
            }
            value = text[start..k]
                .replace([',', ' '], "")
                .parse()
                .unwrap_or(value);
            j = k;
        }
        // Magnitude: "M", "K", "million", "thousand", "billion".
        let (rest_start, rest) = skip_one_space(text, j);
        let magnitude = [
            ("million", 1e6),
            ("thousand", 1e3),
            ("billion", 1e9),
            ("mln", 1e6),
            ("m", 1e6),
            ("k", 1e3),
            ("b", 1e9),
        ]
        .iter()
        .find(|(word, _)| {
            // Compared as bytes: `rest` may start with any character.
            rest.as_bytes()
                .get(..word.len())
                .is_some_and(|head| head.eq_ignore_ascii_case(word.as_bytes()))
                && !rest
                    .get(word.len()..)
                    .and_then(|r| r.chars().next())
                    .is_some_and(|c| c.is_alphanumeric())
        });
        if let Some((word, factor)) = magnitude {
            // A lone "M" or "K" must touch the number ("5.8M", "100K"), or be
            // upper case ("5.8 M"), to avoid reading "3 m" (metres) loosely.
            let touching = rest_start == j;
            if word.len() > 1 || touching || rest.starts_with(['M', 'K', 'B']) {
                value *= factor;
                approximate = true;
                j = rest_start + word.len();
            }
        }
        if value > 0.0 {
            out.push(NumberToken {
                value,
                approximate,
                span: (start, j),
            });
        }
        i = j.max(i + 1);
    }
    out
}

fn skip_one_space(text: &str, j: usize) -> (usize, &str) {
    let rest = &text[j..];
    match rest.strip_prefix(' ') {
        Some(r) => (j + 1, r),
        None => (j, rest),
    }
}

#[cfg(test)]
mod tests {
    use super::numbers;

    #[test]
    fn reads_the_ways_papers_write_counts() {
        let cases: &[(&str, &[(f64, bool)])] = &[
            ("16,522 bounding boxes", &[(16522.0, false)]),
            (
                "16 522 boxes of 702 identities",
                &[(16522.0, false), (702.0, false)],
            ),
            ("1M images of 100K subjects", &[(1e6, true), (1e5, true)]),
            ("5.8 million images", &[(5.8e6, true)]),
            ("85k IDs", &[(85e3, true)]),
            ("2.6 M images", &[(2.6e6, true)]),
            ("ResNet50 and v2", &[]),
            ("MS-Celeb-1M has 10M images", &[(1e7, true)]),
            (
                "13,233 images of 5,749 people",
                &[(13233.0, false), (5749.0, false)],
            ),
            ("1,2,3", &[(1.0, false), (2.0, false), (3.0, false)]),
            (
                "in 2017, 1,404 identities",
                &[(2017.0, false), (1404.0, false)],
            ),
            ("3 m away", &[(3.0, false)]),
        ];
        for (text, expected) in cases {
            let got: Vec<(f64, bool)> = numbers(text)
                .iter()
                .map(|n| (n.value, n.approximate))
                .collect();
            assert_eq!(&got, expected, "{text}");
        }
    }
}
