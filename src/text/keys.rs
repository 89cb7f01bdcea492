//! The key stream: the text folded the way names are compared.
//!
//! Names are matched on their keys (lowercase letters, digits and `+`), so
//! "Duke MTMC-reID" and "DukeMTMC_ReID" are one name. To find keys in running
//! text, the text is folded into one string of key characters, and every key
//! byte remembers the span of the character it came from. Separators that
//! can sit inside a name (one space, hyphen, underscore, slash or dot between
//! word characters) vanish; any other separator becomes a break byte that no
//! name contains, so a match never runs across "LFW. A" or "LFW, a".

/// The byte that stands for a separator no name may cross.
pub(crate) const BREAK: u8 = 0x01;

/// Folded text with a map back to the original.
pub(crate) struct KeyStream {
    /// The folded bytes (UTF-8 of lowercased key characters, and [`BREAK`]s).
    pub bytes: Vec<u8>,
    /// For each folded byte, the original span of the character it came from.
    pub origin: Vec<(u32, u32)>,
    /// The runs of key characters with no separator inside, in order: the
    /// words that near spellings are made of, read in the same pass.
    pub words: Vec<KeyWord>,
}

/// A word of the folded stream.
#[derive(Clone, Copy, Debug)]
pub(crate) struct KeyWord {
    /// Its folded bytes.
    pub bytes: (usize, usize),
    /// Its original span.
    pub span: (usize, usize),
    /// Only a soft separator (one space, hyphen, underscore, slash or dot)
    /// lies between it and the previous word.
    pub joined_to_previous: bool,
    /// A digit in the word.
    pub digit: bool,
    /// A hyphen or underscore in the separator before it (never for the
    /// first word).
    pub joiner_before: bool,
    /// Its first char is a capital.
    pub first_upper: bool,
    /// A capital after its first char.
    pub later_upper: bool,
}

impl KeyStream {
    /// Folds `text`.
    pub(crate) fn new(text: &str) -> KeyStream {
        let mut bytes = Vec::with_capacity(text.len());
        let mut origin = Vec::with_capacity(text.len());
        let mut words: Vec<KeyWord> = Vec::new();
        // Whether the separator run holds a hyphen or an underscore.
        let mut gap_joiner = false;
        // Separator run since the last key character: its length in chars
        // and whether every char of it may sit inside a name.
        let mut gap_chars = 0usize;
        let mut gap_soft = true;
        let mut gap_start = 0usize;
        let raw = text.as_bytes();
        let mut i = 0;
        while i < raw.len() {
            // ASCII, nearly all of a paper, is folded byte by byte; other
            // characters are decoded and lowercased by Unicode's rules.
            let (c, len) = if raw[i].is_ascii() {
                (char::from(raw[i]), 1)
            } else {
                let c = text[i..].chars().next().expect("i is a char boundary");
                (c, c.len_utf8())
            };
            let end = i + len;
            if c.is_alphanumeric() || c == '+' {
                if gap_chars > 0 && !(gap_soft && gap_chars <= 1) {
                    bytes.push(BREAK);
                    origin.push((gap_start as u32, i as u32));
                }
                let upper = if len == 1 {
                    c.is_ascii_uppercase()
                } else {
                    c.is_uppercase()
                };
                if gap_chars > 0 || words.is_empty() {
                    words.push(KeyWord {
                        bytes: (bytes.len(), bytes.len()),
                        span: (i, end),
                        joined_to_previous: bytes.last().is_some_and(|&b| b != BREAK),
                        digit: false,
                        joiner_before: gap_joiner && !words.is_empty(),
                        first_upper: upper,
                        later_upper: false,
                    });
                } else if let Some(word) = words.last_mut() {
                    word.later_upper |= upper;
                }
                gap_chars = 0;
                gap_soft = true;
                gap_joiner = false;
                if len == 1 {
                    bytes.push(raw[i].to_ascii_lowercase());
                    origin.push((i as u32, end as u32));
                } else {
                    let mut buf = [0u8; 4];
                    for lc in c.to_lowercase() {
                        for &b in lc.encode_utf8(&mut buf).as_bytes() {
                            bytes.push(b);
                            origin.push((i as u32, end as u32));
                        }
                    }
                }
                if let Some(word) = words.last_mut() {
                    word.bytes.1 = bytes.len();
                    word.span.1 = end;
                    word.digit |= c.is_ascii_digit();
                }
            } else {
                if gap_chars == 0 {
                    gap_start = i;
                }
                gap_chars += 1;
                gap_joiner |= matches!(c, '-' | '_');
                // Typeset hyphens and dashes (PDFs print "Benchmark–C") count as
                // hyphens.
                gap_soft &= matches!(
                    c,
                    ' ' | '-' | '_' | '/' | '.' | '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}'
                );
            }
            i = end;
        }
        KeyStream {
            bytes,
            origin,
            words,
        }
    }

    /// The original byte span of folded bytes `start..end`.
    pub(crate) fn span(&self, start: usize, end: usize) -> (usize, usize) {
        (
            self.origin[start].0 as usize,
            self.origin[end - 1].1 as usize,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folded(text: &str) -> String {
        String::from_utf8(KeyStream::new(text).bytes)
            .unwrap()
            .replace(BREAK as char, "|")
    }

    #[test]
    fn folds_names_and_breaks_at_hard_separators() {
        for (text, expected) in [
            ("Duke MTMC-reID", "dukemtmcreid"),
            ("MS1M_v2", "ms1mv2"),
            ("on LFW. A new", "onlfw|anew"),
            ("MS-Celeb-1M v1.0", "msceleb1mv10"),
            ("LFW, a new", "lfw|anew"),
            ("LFW  and", "lfw|and"),
            ("CK+ (extended)", "ck+|extended"),
            ("IARPA Janus Benchmark\u{2013}C", "iarpajanusbenchmarkc"),
        ] {
            assert_eq!(folded(text), expected, "{text}");
        }
    }

    #[test]
    fn maps_back_to_the_original_span() {
        let text = "We use Duke MTMC-reID here";
        let ks = KeyStream::new(text);
        let folded = String::from_utf8(ks.bytes.clone()).unwrap();
        let at = folded.find("dukemtmcreid").unwrap();
        let (s, e) = ks.span(at, at + "dukemtmcreid".len());
        assert_eq!(&text[s..e], "Duke MTMC-reID");
    }
}
