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
        // Straight to the next digit: most of a text has none.
        let Some(skip) = bytes[i..].iter().position(u8::is_ascii_digit) else {
            break;
        };
        i += skip;
        // Digits glued to a word are part of a name (ResNet50, MS-Celeb-1M).
        let glued = i > 0
            && (bytes[i - 1].is_ascii_alphanumeric()
                || bytes[i - 1] == b'.'
                || bytes[i - 1] == b'-' && i > 1 && bytes[i - 2].is_ascii_alphabetic());
        if glued {
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
        let mut value = decimal_value(&bytes[start..j]);
        let mut approximate = false;
        // Decimal part: "5.8".
        if bytes.get(j) == Some(&b'.') && bytes.get(j + 1).is_some_and(u8::is_ascii_digit) {
            let mut k = j + 1;
            while k < bytes.len() && bytes[k].is_ascii_digit() {
                k += 1;
            }
            value = decimal_value(&bytes[start..k]);
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

/// Powers of ten that `f64` holds exactly.
const EXACT_POWERS_OF_TEN: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// The value of digits with thousands separators (',' or ' ') and at most
/// one decimal point, as an `f64`.
///
/// Written by hand rather than through `str::parse`, which needs a copy
/// without the separators and, in the page, 14 KB of float-parsing tables.
/// The digits are read as an integer of at most 19 significant digits
/// times a power of ten, trailing zeros dropped. When that integer is below
/// 2^53 and the power within ±22 (every count a paper states, however many
/// zeros it is written with) both are exact in an `f64`, so the one
/// multiplication or division rounds exactly as `parse` does. Longer or
/// tinier numbers come within a few units in the last place of it: digits
/// past the 19th are dropped, and a large power is applied in steps. The
/// result is never NaN.
fn decimal_value(written: &[u8]) -> f64 {
    let mut integer: u64 = 0;
    let mut kept = 0u32;
    let mut power: i64 = 0;
    let mut after_point = false;
    for &b in written {
        match b {
            b'0'..=b'9' => {
                let d = u64::from(b - b'0');
                if kept < 19 {
                    // Leading zeros are not significant digits.
                    if integer > 0 || d > 0 {
                        kept += 1;
                    }
                    integer = integer * 10 + d;
                    if after_point {
                        power -= 1;
                    }
                } else if !after_point {
                    // A dropped digit before the point still scales.
                    power += 1;
                }
            }
            b'.' => after_point = true,
            _ => {}
        }
    }
    if integer == 0 {
        return 0.0;
    }
    while integer.is_multiple_of(10) {
        integer /= 10;
        power += 1;
    }
    let mut value = integer as f64;
    let exact = integer < 1 << 53 && power.unsigned_abs() < EXACT_POWERS_OF_TEN.len() as u64;
    if exact {
        let scale = EXACT_POWERS_OF_TEN[power.unsigned_abs() as usize];
        return if power < 0 {
            value / scale
        } else {
            value * scale
        };
    }
    let largest = EXACT_POWERS_OF_TEN.len() as i64 - 1;
    while power != 0 {
        let step = power.clamp(-largest, largest);
        let scale = EXACT_POWERS_OF_TEN[step.unsigned_abs() as usize];
        value = if step < 0 {
            value / scale
        } else {
            value * scale
        };
        power -= step;
    }
    value
}

#[cfg(test)]
mod tests {
    use super::{decimal_value, numbers};

    #[test]
    fn reads_a_decimal_exactly_as_parse_does() {
        // Counts, decimals, thousands groups and long runs of zeros, and a
        // sweep of generated digit strings: exactly `parse`'s value where
        // the significant digits are below 2^53 and the power of ten within
        // ±22, within a few ulps (and never NaN) elsewhere.
        let mut written: Vec<String> = [
            "0",
            "7",
            "16,522",
            "16 522",
            "1,234,567",
            "5.8",
            "2.6",
            "0.1",
            "0.0005",
            "99.53",
            "12.345678901234",
            "900000000000000",
            "123456789012345678",
            "3.14159265358979323846",
            "0.000000000000000000000001",
            "00012.50",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        written.push(format!("13233.{}", "0".repeat(400)));
        written.push(format!("1.{}", "1".repeat(400)));
        written.push(format!("7{}", "0".repeat(30)));
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..20_000 {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
            let len = 1 + (seed >> 58) as usize % 24;
            let digits: String = (0..len)
                .map(|k| char::from(b'0' + ((seed >> (k * 5 % 56)) % 10) as u8))
                .collect();
            let zeros = "0".repeat((seed >> 16) as usize % 8);
            let point = (seed >> 24) as usize % (len + 1);
            written.push(if point == 0 || point == len {
                format!("{digits}{zeros}")
            } else {
                format!("{}.{}{zeros}", &digits[..point], &digits[point..])
            });
        }
        for w in written {
            let parsed: f64 = w.replace([',', ' '], "").parse().unwrap();
            let ours = decimal_value(w.as_bytes());
            let digits = w.trim_matches(|c: char| c == '0' || c == '.' || c == ',' || c == ' ');
            let significant = digits.bytes().filter(u8::is_ascii_digit).count();
            if significant <= 15 && (parsed == 0.0 || (1e-22..=1e22).contains(&parsed.abs())) {
                assert_eq!(ours, parsed, "{w}");
            } else {
                assert!(ours.is_finite(), "{w}");
                assert!(
                    (ours - parsed).abs() <= parsed.abs() * 1e-14,
                    "{w}: {ours} vs {parsed}"
                );
            }
        }
    }

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
