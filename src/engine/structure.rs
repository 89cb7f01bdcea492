//! A document's structure: where its title, headings and sections are, and
//! where its own reference list starts.
//!
//! A pasted snippet has none of these; a whole paper (pasted, or extracted
//! from a PDF) has all of them, and each changes what a name means: a name
//! in the title is the paper's subject, a name under "Related Work" is
//! someone else's experiment, and a name inside the reference list is a
//! paper's title, not a use at all. The reference list is also the key to
//! the citation markers in the body, so it is split off and parsed as if the
//! user had passed it separately.
//!
//! Everything here is a single pass over the lines of the text.

/// A byte span in the text.
pub(crate) type Span = (usize, usize);

/// What a section is about, read from its heading.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum SectionKind {
    /// Abstract or no heading yet.
    Front,
    /// Introduction.
    Introduction,
    /// Related work, background, prior art.
    RelatedWork,
    /// Method, approach, model.
    Method,
    /// Experiments, evaluation, results, datasets, implementation.
    Experiments,
    /// Discussion, conclusion, limitations, ethics.
    Closing,
    /// A heading of some other kind.
    Other,
}

impl SectionKind {
    /// The kebab-case word used in reports.
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            SectionKind::Front => "front",
            SectionKind::Introduction => "introduction",
            SectionKind::RelatedWork => "related-work",
            SectionKind::Method => "method",
            SectionKind::Experiments => "experiments",
            SectionKind::Closing => "closing",
            SectionKind::Other => "other",
        }
    }
}

/// A heading line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Heading {
    /// The heading's words, without numbering or markup.
    pub span: Span,
    /// What its section is about.
    pub kind: SectionKind,
}

/// The structure of one text.
#[derive(Clone, Debug, Default)]
pub(crate) struct Structure {
    /// The title, when the text opens with one and has a body after it.
    pub title: Option<Span>,
    /// Where the body ends: the start of the reference section, or the
    /// text's end.
    pub body_end: usize,
    /// The reference section's entries (after its heading), if the text has one.
    pub references: Option<Span>,
    /// Where an appendix after the reference section starts: the text
    /// there is read as body again (papers put dataset details there).
    pub appendix: Option<usize>,
    /// Heading lines in order (each is a sentence of its own).
    pub headings: Vec<Heading>,
}

/// Words that head a reference section.
const REFERENCE_HEADINGS: &[&str] = &[
    "references",
    "reference",
    "bibliography",
    "literature cited",
    "works cited",
    "citations",
    // Papers and theses in other languages.
    "literatura",
    "literatur",
    "références",
    "referencias",
    "referências",
    "bibliografía",
    "bibliografia",
    "bibliographie",
];

/// A reference heading is believed only after this share of the text (a
/// paper's first pages may say "References" in a sentence about them),
/// unless numbered entries follow it.
const REFERENCES_AFTER_SHARE: f64 = 0.3;

/// Numbered headings that make a paper one that numbers its sections.
const MIN_NUMBERED_HEADINGS: usize = 3;

/// Longest heading line, in bytes.
const MAX_HEADING_BYTES: usize = 80;
/// Most words in a heading line.
const MAX_HEADING_WORDS: usize = 8;
/// Most words in a title.
const MAX_TITLE_WORDS: usize = 30;
/// A title needs at least this many words of body after it.
const MIN_BODY_WORDS: usize = 25;

impl Structure {
    /// Reads the structure of `text`.
    pub(crate) fn read(text: &str) -> Structure {
        let mut headings = Vec::new();
        let mut references = None;
        let mut body_end = text.len();
        let mut appendix = None;
        // Whether each heading is numbered (or marked up as one).
        let mut numbered: Vec<bool> = Vec::new();
        let mut offset = 0;
        let mut previous_blank = true;
        let lines: Vec<(usize, &str)> = text
            .split_inclusive('\n')
            .map(|l| {
                let at = offset;
                offset += l.len();
                (at, l)
            })
            .collect();
        for (i, &(at, raw)) in lines.iter().enumerate() {
            let line = raw.trim_end_matches(['\n', '\r']);
            let blank = line.trim().is_empty();
            if !blank && let Some((span, words)) = heading_words(line) {
                let next_has_text = lines.get(i + 1).is_some_and(|(_, l)| !l.trim().is_empty())
                    || lines.get(i + 2).is_some_and(|(_, l)| !l.trim().is_empty());
                let marked = is_marked_heading(line);
                let plain = previous_blank || i == 0 || starts_numbered(line);
                // A line the next one continues in lower case is the start
                // of a wrapped sentence (a paragraph's first line in text
                // extracted from a PDF), not a heading.
                let continued = lines
                    .get(i + 1)
                    .is_some_and(|(_, l)| l.trim_start().starts_with(|c: char| c.is_lowercase()));
                // A line that is only "References" heads the references
                // even when text extracted from a PDF runs straight into it
                // (no blank line before it), if entries follow.
                let lone_reference_word =
                    REFERENCE_HEADINGS.contains(&words.to_ascii_lowercase().as_str());
                if (marked || lone_reference_word || plain && next_has_text && !continued)
                    && looks_like_heading(line, &words)
                {
                    let lower = words.to_ascii_lowercase();
                    let span = (at + span.0, at + span.1);
                    if REFERENCE_HEADINGS.contains(&lower.as_str())
                        && references.is_none()
                        && (at as f64 >= text.len() as f64 * REFERENCES_AFTER_SHARE
                            || numbered_entries_follow(&lines[i + 1..]))
                    {
                        body_end = at;
                        references = Some((at + raw.len(), text.len()));
                        appendix = appendix_after(&lines[i + 1..]);
                        break;
                    }
                    headings.push(Heading {
                        span,
                        kind: section_kind(&lower),
                    });
                    numbered.push(starts_numbered(line) || is_marked_heading(line));
                }
            }
            // LaTeX's bibliography environment starts the references too.
            if line.trim_start().starts_with("\\begin{thebibliography}") && references.is_none() {
                body_end = at;
                references = Some((at + raw.len(), text.len()));
                break;
            }
            previous_blank = blank;
        }
        // A paper that numbers its sections numbers them all: then a short
        // unnumbered line is a figure label, a table header or a symbol
        // ("Class 2", "Method LFW CFP-FP", "K"), not a section, unless it
        // is one of the parts papers leave unnumbered (Abstract,
        // Acknowledgements).
        if numbered.iter().filter(|&&n| n).count() >= MIN_NUMBERED_HEADINGS {
            let mut keep = numbered.iter();
            headings.retain(|h| {
                keep.next().is_some_and(|&n| n)
                    || matches!(h.kind, SectionKind::Front | SectionKind::Closing)
            });
        }
        let title = title_of(&text[..body_end]);
        if let (Some(start), Some(refs)) = (appendix, references.as_mut()) {
            refs.1 = start;
            headings.extend(appendix_headings(text, start));
        }
        Structure {
            title,
            body_end,
            references,
            appendix,
            headings,
        }
    }

    /// The kind of section that byte `at` lies in.
    pub(crate) fn section_at(&self, at: usize) -> SectionKind {
        self.heading_before(at)
            .map_or(SectionKind::Front, |h| h.kind)
    }

    /// The heading of the section byte `at` lies in, if any.
    pub(crate) fn heading_before(&self, at: usize) -> Option<&Heading> {
        let i = self.headings.partition_point(|h| h.span.0 <= at);
        self.headings.get(i.checked_sub(1)?)
    }

    /// Whether the text has sections of its own work (method or
    /// experiments): a whole paper, not an abstract or a passage.
    pub(crate) fn has_own_work(&self) -> bool {
        self.headings
            .iter()
            .any(|h| matches!(h.kind, SectionKind::Method | SectionKind::Experiments))
    }

    /// The text the engine's passes read: up to the reference section, or,
    /// when an appendix follows the references, the whole text with the
    /// reference section (heading and entries) blanked to spaces, so that
    /// byte offsets still point into the original and the appendix is read
    /// as body.
    pub(crate) fn body<'t>(&self, text: &'t str) -> std::borrow::Cow<'t, str> {
        match (self.appendix, self.references) {
            (Some(start), Some(_)) => {
                let mut blanked = String::with_capacity(text.len());
                blanked.push_str(&text[..self.body_end]);
                blanked.extend(
                    text[self.body_end..start]
                        .bytes()
                        .map(|b| if b == b'\n' { '\n' } else { ' ' }),
                );
                blanked.push_str(&text[start..]);
                std::borrow::Cow::Owned(blanked)
            }
            _ => std::borrow::Cow::Borrowed(&text[..self.body_end]),
        }
    }

    /// Whether byte `at` lies in a heading line.
    pub(crate) fn in_heading(&self, at: usize) -> bool {
        self.heading_before(at).is_some_and(|h| at < h.span.1)
    }

    /// Whether byte `at` lies in the title.
    pub(crate) fn in_title(&self, at: usize) -> bool {
        self.title.is_some_and(|(s, e)| s <= at && at < e)
    }
}

/// The words of a line that could be a heading, without markup or
/// numbering, and their span within the line.
fn heading_words(line: &str) -> Option<(Span, String)> {
    if line.len() > MAX_HEADING_BYTES + 20 {
        return None;
    }
    let trimmed_start = line.len() - line.trim_start().len();
    let mut s = line.trim();
    let mut start = trimmed_start;
    // Markdown "## Experiments", LaTeX "\section{Experiments}".
    let hashes = s.len() - s.trim_start_matches('#').len();
    if hashes > 0 {
        s = s[hashes..].trim_start();
        start = line.len() - line.trim_start().len() + hashes;
        start += line[start..].len() - line[start..].trim_start().len();
    }
    for cmd in [
        "\\section*{",
        "\\section{",
        "\\subsection*{",
        "\\subsection{",
        "\\subsubsection{",
        "\\subsubsection*{",
        "\\paragraph{",
    ] {
        if let Some(rest) = s.strip_prefix(cmd) {
            let close = rest.find('}')?;
            let inner = &rest[..close];
            let at = start + cmd.len();
            return Some(((at, at + inner.len()), inner.trim().to_string()));
        }
    }
    // Numbering: "4", "4.1", "4.1.", "IV.", "A.".
    let number_end = numbering_len(s);
    if number_end > 0 {
        let rest = &s[number_end..];
        let skipped = rest.len() - rest.trim_start().len();
        start += number_end + skipped;
        s = rest.trim_start();
    }
    let s = s.trim_end_matches([':', '.']).trim_end();
    if s.is_empty() {
        return None;
    }
    Some(((start, start + s.len()), s.to_string()))
}

/// The length of a section number at the start of `s` ("4.1 ", "IV. "),
/// or 0.
fn numbering_len(s: &str) -> usize {
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() && (bytes[i].is_ascii_digit() || bytes[i] == b'.') {
        i += 1;
    }
    if i > 0 && bytes.get(i) == Some(&b' ') && bytes[0].is_ascii_digit() {
        return i;
    }
    // Roman numerals, then a period and a space.
    let roman = s
        .bytes()
        .take_while(|b| matches!(b, b'I' | b'V' | b'X' | b'L'))
        .count();
    if roman > 0 && s[roman..].starts_with(". ") {
        return roman + 1;
    }
    0
}

fn starts_numbered(line: &str) -> bool {
    numbering_len(line.trim_start()) > 0
}

/// Markdown or LaTeX marks the line as a heading.
fn is_marked_heading(line: &str) -> bool {
    let t = line.trim_start();
    t.starts_with('#') || t.starts_with("\\section") || t.starts_with("\\subsection")
}

/// A heading is short, has no sentence end, and starts with a capital.
fn looks_like_heading(line: &str, words: &str) -> bool {
    let count = words.split_whitespace().count();
    if count == 0 || count > MAX_HEADING_WORDS || words.len() > MAX_HEADING_BYTES {
        return false;
    }
    if is_marked_heading(line) {
        return true;
    }
    let first = words.chars().next().unwrap_or(' ');
    let ends_like_sentence = line.trim_end().ends_with(['.', ',', ';', '?', '!'])
        && !line.trim_end().ends_with("..")
        && !starts_numbered(line);
    // "C. Author D. Author": an author line, not a heading.
    let initials = words
        .split_whitespace()
        .filter(|w| {
            let w = w.trim_end_matches(',');
            w.len() == 2 && w.ends_with('.') && w.starts_with(|c: char| c.is_ascii_uppercase())
        })
        .count();
    first.is_uppercase()
        && initials < 2
        && !ends_like_sentence
        && !words.contains(['|', '&', '=', '{', '}', '`'])
        && words.chars().filter(|c| c.is_ascii_digit()).count() * 3 < words.len()
}

/// What a section heading says its section is about.
fn section_kind(lower: &str) -> SectionKind {
    let has = |words: &[&str]| words.iter().any(|w| lower.contains(w));
    if has(&[
        "related work",
        "background",
        "prior work",
        "previous work",
        "literature",
    ]) {
        SectionKind::RelatedWork
    } else if has(&["introduction"]) {
        SectionKind::Introduction
    } else if has(&[
        "experiment",
        "evaluation",
        "result",
        "dataset",
        "data set",
        "implementation",
        "benchmark",
        "setup",
        "setting",
        "training",
        "ablation",
        "comparison",
        "data",
    ]) {
        SectionKind::Experiments
    } else if has(&["method", "approach", "model", "framework", "proposed"]) {
        SectionKind::Method
    } else if has(&[
        "conclusion",
        "discussion",
        "limitation",
        "future work",
        "ethic",
        "broader impact",
        "acknowledg",
    ]) {
        SectionKind::Closing
    } else if has(&["abstract"]) {
        SectionKind::Front
    } else {
        SectionKind::Other
    }
}

/// Words that open an appendix heading after the references.
const APPENDIX_HEADINGS: &[&str] = &[
    "appendix",
    "appendices",
    "supplementary material",
    "supplementary materials",
    "supplemental material",
    "supplementary",
];

/// The start of an appendix among the lines after a reference heading: a
/// heading-like line that says it is one ("Appendix", "A Appendix: …",
/// "Supplementary Material"). Appendices without such a word stay in the
/// reference section (lettered headings alone are too like entries).
fn appendix_after(rest: &[(usize, &str)]) -> Option<usize> {
    rest.iter().find_map(|&(at, raw)| {
        let line = raw.trim();
        let (_, words) = heading_words(line)?;
        let lower = words.to_ascii_lowercase();
        let lower = without_letter_numbering(&lower);
        let says_so = APPENDIX_HEADINGS.iter().any(|h| {
            lower == *h
                || lower.starts_with(&format!("{h} "))
                || lower.starts_with(&format!("{h}:"))
        });
        (says_so && looks_like_heading(line, &words)).then_some(at)
    })
}

/// "a appendix: proofs" → "appendix: proofs" (an appendix's letter).
fn without_letter_numbering(lower: &str) -> &str {
    let mut chars = lower.chars();
    match (chars.next(), chars.next()) {
        (Some(c), Some(' ' | '.')) if c.is_ascii_alphabetic() => {
            lower[1..].trim_start_matches(['.', ' '])
        }
        _ => lower,
    }
}

/// Headings in an appendix (from `start` on), read as in the body.
fn appendix_headings(text: &str, start: usize) -> Vec<Heading> {
    let mut at = start;
    let mut previous_blank = true;
    let mut found = Vec::new();
    for raw in text[start..].split_inclusive('\n') {
        let line = raw.trim_end_matches(['\n', '\r']);
        let blank = line.trim().is_empty();
        if !blank
            && (previous_blank || at == start || starts_numbered(line) || is_marked_heading(line))
            && let Some((span, words)) = heading_words(line)
            && looks_like_heading(line, &words)
        {
            found.push(Heading {
                span: (at + span.0, at + span.1),
                kind: section_kind(&words.to_ascii_lowercase()),
            });
        }
        previous_blank = blank;
        at += raw.len();
    }
    found
}

/// Whether numbered reference entries ("[1] …", "1. …") follow.
fn numbered_entries_follow(rest: &[(usize, &str)]) -> bool {
    rest.iter()
        .map(|(_, l)| l.trim())
        .filter(|l| !l.is_empty())
        .take(3)
        .filter(|l| {
            l.starts_with('[') && l[1..].starts_with(|c: char| c.is_ascii_digit())
                || l.starts_with("\\bibitem")
        })
        .count()
        >= 2
}

/// The title: the text's first line (or first sentence, for "Title.
/// Abstract…" records), when it is short, is not itself a sentence of the
/// paper's own voice, and has a body after it.
fn title_of(body: &str) -> Option<Span> {
    let lead = body.len() - body.trim_start().len();
    let rest = &body[lead..];
    let line_end = rest.find('\n');
    let sentence_end = rest.find(". ").map(|i| i + 1);
    let end = match (line_end, sentence_end) {
        (Some(l), Some(s)) => l.min(s),
        (Some(l), None) => l,
        (None, Some(s)) => s,
        (None, None) => return None,
    };
    let end = if Some(end) == line_end {
        title_continued(rest, end)
    } else {
        end
    };
    let title = rest[..end].trim();
    let words: Vec<&str> = title.split_whitespace().collect();
    if words.is_empty() || words.len() > MAX_TITLE_WORDS {
        return None;
    }
    let own_voice = words.iter().any(|w| {
        let w = w
            .trim_matches(|c: char| !c.is_alphabetic())
            .to_ascii_lowercase();
        matches!(w.as_str(), "we" | "our" | "us" | "i")
    });
    let starts_upper = title.chars().next().is_some_and(|c| c.is_uppercase());
    let body_words = rest[end..].split_whitespace().take(MIN_BODY_WORDS).count();
    if own_voice || !starts_upper || body_words < MIN_BODY_WORDS {
        return None;
    }
    Some((lead, lead + title.len()))
}

/// A first line at least this long may be a title wrapped onto the next
/// (a short first line is a whole title, whatever follows).
const WRAPPED_TITLE_BYTES: usize = 50;

/// Most lines a title is wrapped onto after its first.
const MAX_TITLE_CONTINUATIONS: usize = 2;

/// The end of a title whose first line ends at `end`, taking in the lines
/// a long title was wrapped onto (as in text extracted from a PDF): each
/// short, capitalised, with no comma, digit, initial or address, which
/// would make it the authors' line.
fn title_continued(rest: &str, mut end: usize) -> usize {
    let mut last_line = rest[..end].trim();
    for _ in 0..MAX_TITLE_CONTINUATIONS {
        if last_line.len() < WRAPPED_TITLE_BYTES || last_line.ends_with(['.', ':', '?', '!']) {
            break;
        }
        let next_start = end + 1;
        let Some(next) = rest.get(next_start..) else {
            break;
        };
        let next_end = next.find('\n').map_or(rest.len(), |i| next_start + i);
        let line = rest[next_start..next_end].trim();
        let words: Vec<&str> = line.split_whitespace().collect();
        let authors_like = line.contains([',', '@', '*', '†'])
            || line.chars().any(|c| c.is_ascii_digit())
            || words.iter().any(|w| {
                let w = w.trim_end_matches('.');
                w.len() == 1 && w.chars().all(char::is_uppercase)
            });
        let fits = !words.is_empty()
            && words.len() <= MAX_HEADING_WORDS
            && line.starts_with(char::is_uppercase)
            && !authors_like;
        if !fits {
            break;
        }
        end = next_end;
        last_line = line;
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_title_wrapped_onto_a_second_line_is_read_whole() {
        let body = "Person re-identification matches people across cameras. ".repeat(5);
        let text = format!(
            "CR-FIQA: Face Image Quality Assessment by Learning Sample\nRelative Classifiability\n\
             Fadi Boutros, Meiling Fang, Marcel Klemt\n{body}"
        );
        let s = Structure::read(&text);
        assert_eq!(
            s.title.map(|(a, b)| &text[a..b]),
            Some(
                "CR-FIQA: Face Image Quality Assessment by Learning Sample\nRelative Classifiability"
            )
        );
        // A short title keeps its own line; the authors are not the title.
        let text =
            format!("Margin Scheduling for Deep Face Recognition\nC. Author D. Author\n{body}");
        let s = Structure::read(&text);
        assert_eq!(
            s.title.map(|(a, b)| &text[a..b]),
            Some("Margin Scheduling for Deep Face Recognition")
        );
    }

    #[test]
    fn in_a_paper_that_numbers_its_sections_figure_labels_are_not_sections() {
        let body = "Words of the paper go on for a while here.\n\n";
        let text = format!(
            "Abstract\n{body}1 Introduction\n{body}2 Related Work\n{body}Class 2\n\n\
             Method LFW CFP-FP AgeDB-30\n{body}3 Experiments\n{body}Acknowledgements\n{body}"
        );
        let s = Structure::read(&text);
        let headings: Vec<&str> = s
            .headings
            .iter()
            .map(|h| &text[h.span.0..h.span.1])
            .collect();
        assert_eq!(
            headings,
            [
                "Abstract",
                "Introduction",
                "Related Work",
                "Experiments",
                "Acknowledgements"
            ]
        );
    }

    #[test]
    fn an_appendix_after_the_references_is_read_as_body() {
        let text = "Title of a paper about data\n\n1 Introduction\nWe study things at length here.\n\n\
                    References\n[1] A. Author. Performance measures. ECCVW, 2016.\n[2] B. Author. Another. 2017.\n\n\
                    Appendix A: Training details\nWe train on DukeMTMC-reID.\n";
        let s = Structure::read(text);
        let refs = s.references.expect("references found");
        assert!(text[refs.0..refs.1].contains("[2] B. Author"));
        assert!(!text[refs.0..refs.1].contains("Appendix"));
        let body = s.body(text);
        assert_eq!(body.len(), text.len(), "offsets still point into the text");
        assert!(body.contains("We train on DukeMTMC-reID."));
        assert!(!body.contains("Performance measures"));
        assert!(
            s.headings
                .iter()
                .any(|h| text[h.span.0..h.span.1].starts_with("Appendix A"))
        );
    }

    #[test]
    fn a_line_is_a_title_only_with_a_body() {
        assert_eq!(
            Structure::read("Our AR headset overlays labels.\n").title,
            None
        );
        assert_eq!(Structure::read("Deep re-identification\n").title, None);
        let text = format!(
            "Deep person re-identification on DukeMTMC. {}",
            "Person re-identification matches people across cameras. ".repeat(5)
        );
        let s = Structure::read(&text);
        assert_eq!(
            s.title.map(|(a, b)| &text[a..b]),
            Some("Deep person re-identification on DukeMTMC.")
        );
    }

    #[test]
    fn finds_headings_and_their_kinds() {
        let text = "Abstract\nWe do things.\n\n2 Related Work\nOthers used LFW.\n\n## Experiments\nWe test on LFW.\n\n\\section{Conclusion}\nDone.\n";
        let s = Structure::read(text);
        let kinds: Vec<(&str, SectionKind)> = s
            .headings
            .iter()
            .map(|h| (&text[h.span.0..h.span.1], h.kind))
            .collect();
        assert_eq!(
            kinds,
            [
                ("Abstract", SectionKind::Front),
                ("Related Work", SectionKind::RelatedWork),
                ("Experiments", SectionKind::Experiments),
                ("Conclusion", SectionKind::Closing),
            ]
        );
        let at = text.find("Others").unwrap();
        assert_eq!(s.section_at(at), SectionKind::RelatedWork);
        assert_eq!(
            s.section_at(text.find("test on").unwrap()),
            SectionKind::Experiments
        );
    }

    #[test]
    fn a_paragraph_first_line_from_a_pdf_is_no_heading() {
        // Text extracted from a PDF: a blank line before each paragraph,
        // and lines that wrap mid-sentence.
        let text = "2 Related Work\n\nLarge web-collected training sets drove progress in the\nfield. CASIA-WebFace has half a million images.\n\n3 Method\n\nWe add a margin.\n";
        let s = Structure::read(text);
        let headings: Vec<&str> = s
            .headings
            .iter()
            .map(|h| &text[h.span.0..h.span.1])
            .collect();
        assert_eq!(headings, ["Related Work", "Method"]);
        assert_eq!(
            s.section_at(text.find("CASIA").unwrap()),
            SectionKind::RelatedWork
        );
    }

    #[test]
    fn splits_off_the_reference_section() {
        let body = "We evaluate on DukeMTMC [12].\n".repeat(10);
        let text = format!(
            "{body}\nReferences\n[11] A. Author. Something. 2015.\n[12] E. Ristani et al. Performance measures and a data set for multi-target, multi-camera tracking. ECCVW 2016.\n"
        );
        let s = Structure::read(&text);
        assert_eq!(s.body_end, body.len() + 1);
        let (a, b) = s.references.unwrap();
        assert!(text[a..b].starts_with("[11]"));
    }

    #[test]
    fn a_sentence_about_references_is_not_the_reference_section() {
        let text = "References\nare given at the end. We train on LFW.";
        let s = Structure::read(text);
        assert_eq!(s.body_end, text.len());
        assert!(s.references.is_none());
    }
}
