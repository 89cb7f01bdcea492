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
    /// Only a soft separator (one space, hyphen, underscore, slash, dot or
    /// typeset hyphen or dash, U+2010 to U+2013) lies between it and the
    /// previous word.
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
        let mut folder = Folder {
            stream: KeyStream {
                bytes: Vec::with_capacity(text.len()),
                origin: Vec::with_capacity(text.len()),
                words: Vec::new(),
            },
            word: None,
            gap_chars: 0,
            gap_soft: true,
            gap_joiner: false,
            gap_start: 0,
        };
        let raw = text.as_bytes();
        let mut i = 0;
        while i < raw.len() {
            // ASCII, nearly all of a paper, is folded byte by byte from a
            // table; other characters are decoded and lowercased by
            // Unicode's rules.
            let b = raw[i];
            if b.is_ascii() {
                let class = ASCII_CLASS[usize::from(b)];
                if class & KEY != 0 {
                    folder.key_char(i, i + 1, class & UPPER != 0, class & DIGIT != 0);
                    folder.push(b.to_ascii_lowercase(), i, i + 1);
                } else {
                    folder.separator(i, class & SOFT != 0, class & JOINER != 0);
                }
                i += 1;
                continue;
            }
            let c = text[i..].chars().next().expect("i is a char boundary");
            let end = i + c.len_utf8();
            if c.is_alphanumeric() {
                folder.key_char(i, end, c.is_uppercase(), false);
                let mut buf = [0u8; 4];
                for lc in c.to_lowercase() {
                    for &b in lc.encode_utf8(&mut buf).as_bytes() {
                        folder.push(b, i, end);
                    }
                }
            } else {
                // Typeset hyphens and dashes (PDFs print "Benchmark–C")
                // count as hyphens.
                let soft = matches!(c, '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}');
                folder.separator(i, soft, false);
            }
            i = end;
        }
        folder.finish(text.len())
    }

    /// The original byte span of folded bytes `start..end`.
    pub(crate) fn span(&self, start: usize, end: usize) -> (usize, usize) {
        (
            self.origin[start].0 as usize,
            self.origin[end - 1].1 as usize,
        )
    }
}

/// The state of one fold: the stream so far and the separator run since
/// the last key character.
struct Folder {
    stream: KeyStream,
    /// The word being read, if the last char was a key char; it joins
    /// `stream.words` when a separator or the end of the text ends it.
    word: Option<KeyWord>,
    /// The run's length in chars.
    gap_chars: usize,
    /// Whether every char of the run may sit inside a name.
    gap_soft: bool,
    /// Whether the run holds a hyphen or an underscore.
    gap_joiner: bool,
    /// Where the run starts.
    gap_start: usize,
}

impl Folder {
    /// A key character at `start..end` is next: ends the separator run
    /// before it (with a break if the run was hard) and starts or extends a
    /// word. Its folded bytes follow through [`Folder::push`].
    #[inline(always)]
    fn key_char(&mut self, start: usize, end: usize, upper: bool, digit: bool) {
        if let Some(word) = &mut self.word {
            word.digit |= digit;
            word.later_upper |= upper;
            return;
        }
        let stream = &mut self.stream;
        if self.gap_chars > 0 && !(self.gap_soft && self.gap_chars <= 1) {
            stream.bytes.push(BREAK);
            stream.origin.push((self.gap_start as u32, start as u32));
        }
        let at = stream.bytes.len();
        self.word = Some(KeyWord {
            bytes: (at, at),
            span: (start, end),
            joined_to_previous: stream.bytes.last().is_some_and(|&b| b != BREAK),
            digit,
            joiner_before: self.gap_joiner && !stream.words.is_empty(),
            first_upper: upper,
            later_upper: false,
        });
        self.gap_chars = 0;
        self.gap_soft = true;
        self.gap_joiner = false;
    }

    /// One folded byte of the key character at `start..end`.
    #[inline(always)]
    fn push(&mut self, byte: u8, start: usize, end: usize) {
        self.stream.bytes.push(byte);
        self.stream.origin.push((start as u32, end as u32));
    }

    /// A separator character at `start`: ends the word before it.
    #[inline(always)]
    fn separator(&mut self, start: usize, soft: bool, joiner: bool) {
        if self.gap_chars == 0 {
            self.gap_start = start;
            self.end_word(start);
        }
        self.gap_chars += 1;
        self.gap_soft &= soft;
        self.gap_joiner |= joiner;
    }

    /// Ends the word being read, if any, at text byte `end`: its chars are
    /// contiguous, so it ends where the separator after it begins.
    fn end_word(&mut self, end: usize) {
        if let Some(mut word) = self.word.take() {
            word.bytes.1 = self.stream.bytes.len();
            word.span.1 = end;
            self.stream.words.push(word);
        }
    }

    /// The stream, with the last word ended at the end of the text.
    fn finish(mut self, text_len: usize) -> KeyStream {
        self.end_word(text_len);
        self.stream
    }
}

/// A key character (letter, digit or `+`).
const KEY: u8 = 1;
/// A capital letter.
const UPPER: u8 = 2;
/// A digit.
const DIGIT: u8 = 4;
/// A separator that may sit inside a name: space, hyphen, underscore,
/// slash, dot.
const SOFT: u8 = 8;
/// A hyphen or underscore.
const JOINER: u8 = 16;

/// The class of every ASCII byte, as the flags above.
const ASCII_CLASS: [u8; 128] = {
    let mut class = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        class[b] = if c.is_ascii_uppercase() {
            KEY | UPPER
        } else if c.is_ascii_lowercase() || c == b'+' {
            KEY
        } else if c.is_ascii_digit() {
            KEY | DIGIT
        } else if c == b'-' || c == b'_' {
            SOFT | JOINER
        } else if c == b' ' || c == b'/' || c == b'.' {
            SOFT
        } else {
            0
        };
        b += 1;
    }
    class
};

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
