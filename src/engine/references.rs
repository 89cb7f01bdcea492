//! The reference list: parsing the entries a user pastes, and matching each
//! entry to the registry's papers.
//!
//! A match needs the title: most of its informative words must appear in
//! the entry, and a short or generic title must be backed by the first
//! author's surname and the year. A weak match is refused rather than
//! guessed, because a wrong paper turns into a wrong dataset. Candidate
//! papers come from an index of title words, so the cost of matching an
//! entry does not grow with the size of the registry.

use crate::registry::{Paper, Registry, Source};
use crate::text::hash::{FastMap, FastSet};

/// A word shared by more papers than this is too common to find candidates by.
const MAX_POSTINGS: usize = 64;
/// Share of a title's informative words that must appear in the entry.
const TITLE_COVERAGE: f64 = 0.8;
/// A title with fewer informative words than this is "short": its match
/// also needs the first author's surname and the year.
const SHORT_TITLE_WORDS: usize = 4;
/// How far the entry's year may be from the paper's (preprints, journal versions).
const YEAR_SLACK: i32 = 1;

/// Words that say nothing about which paper it is.
const STOPWORDS: &[&str] = &[
    "a", "an", "and", "the", "of", "for", "in", "on", "to", "with", "by", "from", "via", "using",
    "at", "is", "are", "its", "into", "towards", "toward", "vs", "versus", "based",
];

/// One entry of the user's reference list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReferenceEntry {
    /// Its number in a numbered list (`[33]`, `33.`), if it has one.
    pub number: Option<u32>,
    /// The entry's text.
    pub text: String,
}

/// Splits a pasted reference list into entries: numbered (`[1] …`, `1. …`,
/// entries may wrap over lines) or, failing that, one entry per non-empty
/// line.
pub fn parse_reference_list(text: &str) -> Vec<ReferenceEntry> {
    let lines: Vec<&str> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let numbered: Vec<Option<(u32, &str)>> = lines.iter().map(|l| leading_number(l)).collect();
    // A numbered list starts with a number; lines without one continue the
    // entry above (wrapped text).
    if numbered.first().is_none_or(Option::is_none) {
        return unnumbered(&lines);
    }
    let mut entries: Vec<ReferenceEntry> = Vec::new();
    for (line, number) in lines.iter().zip(numbered) {
        // Entries count up: a number out of sequence ("2018. 5, 6" wrapped
        // to a line's start, "99.83" in a table after the list) continues
        // the entry above. A gap of a few allows for an entry lost in
        // extraction.
        let last = entries.last().and_then(|e| e.number);
        let number = number.filter(|&(n, _)| last.is_none_or(|l| n > l && n <= l + MAX_NUMBER_GAP));
        match number {
            Some((n, rest)) => entries.push(ReferenceEntry {
                number: Some(n),
                text: rest.trim().to_string(),
            }),
            None => match entries.last_mut() {
                Some(last) => {
                    last.text.push(' ');
                    last.text.push_str(line);
                }
                None => entries.push(ReferenceEntry {
                    number: None,
                    text: line.to_string(),
                }),
            },
        }
    }
    entries
}

/// Largest step between consecutive entry numbers of a numbered list.
const MAX_NUMBER_GAP: u32 = 3;

/// Share of lines that must start like an entry for an unnumbered list to
/// be read one entry per line; below it the list is taken to be wrapped (a
/// paper's author–year reference section, as extracted from a PDF).
const ONE_PER_LINE_SHARE: f64 = 0.7;

/// An unnumbered list: one entry per line as pasted, or, when many lines
/// do not start like an entry, wrapped entries joined back: a new entry
/// starts where a line opens with an author ("Ristani, E." or "E.
/// Ristani") after a line that ended a sentence.
fn unnumbered(lines: &[&str]) -> Vec<ReferenceEntry> {
    let entry = |text: &str| ReferenceEntry {
        number: None,
        text: text.to_string(),
    };
    let starts = lines.iter().filter(|l| starts_like_entry(l)).count();
    if lines.len() < 2 || starts as f64 >= ONE_PER_LINE_SHARE * lines.len() as f64 {
        return lines.iter().map(|l| entry(l)).collect();
    }
    let mut entries: Vec<ReferenceEntry> = Vec::new();
    for line in lines {
        let ended = entries
            .last()
            .is_none_or(|e| e.text.ends_with(['.', ')', ']']));
        match entries.last_mut() {
            Some(last) if !(ended && starts_like_entry(line)) => {
                last.text.push(' ');
                last.text.push_str(line);
            }
            _ => entries.push(entry(line)),
        }
    }
    entries
}

/// Whether a line opens with an author, surname first ("Ristani, E.") or
/// initials first ("E. Ristani", "E.-J. Lee").
fn starts_like_entry(line: &str) -> bool {
    let mut words = line.split_whitespace();
    let (Some(first), Some(second)) = (words.next(), words.next()) else {
        return false;
    };
    let capitalised = |w: &str| {
        let mut chars = w.chars();
        chars.next().is_some_and(char::is_uppercase)
            && chars.all(|c| c.is_alphabetic() || c == '-' || c == '\'' || c == '’')
    };
    let initial = |w: &str| {
        w.ends_with('.')
            && w.split(['.', '-'])
                .filter(|p| !p.is_empty())
                .all(|p| p.chars().count() == 1 && p.chars().all(char::is_uppercase))
    };
    match first.strip_suffix(',') {
        // "Ristani, E." or "Bai, S.;" (AAAI) or "Abadi, Martin," or
        // "Chapman, Douglas G.".
        Some(surname) => {
            capitalised(surname)
                && (initial(second.trim_end_matches([',', ';']))
                    || capitalised(second.trim_end_matches([',', '.', ';'])))
        }
        None => initial(first) && capitalised(second.trim_end_matches([',', '.', ';', ':'])),
    }
}

/// "[12] rest", "12. rest", "12) rest" → (12, rest).
fn leading_number(line: &str) -> Option<(u32, &str)> {
    let (inner, rest) = if let Some(r) = line.strip_prefix('[') {
        let close = r.find(']')?;
        (&r[..close], &r[close + 1..])
    } else {
        let end = line.find(|c: char| !c.is_ascii_digit())?;
        let rest = &line[end..];
        let rest = rest.strip_prefix('.').or_else(|| rest.strip_prefix(')'))?;
        (&line[..end], rest)
    };
    if inner.is_empty() || inner.len() > 4 || !inner.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    Some((inner.parse().ok()?, rest))
}

/// A registry paper an entry was matched to.
#[derive(Clone, Debug)]
pub(crate) struct PaperMatch {
    /// The paper's source key.
    pub source: String,
    /// Every registry entry that names this paper, with its role.
    pub entries: Vec<usize>,
}

/// The registry's papers, indexed by their title words.
pub(crate) struct PaperIndex {
    papers: Vec<IndexedPaper>,
    postings: FastMap<String, Vec<u32>>,
}

struct IndexedPaper {
    key: String,
    words: Vec<String>,
    surname: Option<String>,
    year: i32,
    entries: Vec<usize>,
}

impl PaperIndex {
    pub(crate) fn new(registry: &Registry) -> PaperIndex {
        let mut entries_of: FastMap<&str, Vec<usize>> = FastMap::default();
        for (i, e) in registry.entries().iter().enumerate() {
            for link in &e.papers {
                entries_of.entry(link.source.as_str()).or_default().push(i);
            }
        }
        let mut papers = Vec::new();
        let mut postings: FastMap<String, Vec<u32>> = FastMap::default();
        for (key, source) in &registry.document().sources {
            let (Source::Paper(paper), Some(entries)) = (source, entries_of.get(key.as_str()))
            else {
                continue;
            };
            let words = title_words(&paper.title);
            let id = papers.len() as u32;
            for w in words.iter().collect::<FastSet<_>>() {
                postings.entry(w.clone()).or_default().push(id);
            }
            papers.push(IndexedPaper {
                key: key.clone(),
                words,
                surname: first_surname(paper),
                year: i32::from(paper.year),
                entries: entries.clone(),
            });
        }
        PaperIndex { papers, postings }
    }

    /// The registry papers this reference entry cites (usually none or one).
    pub(crate) fn matches(&self, entry: &str) -> Vec<PaperMatch> {
        let folded = fold(entry);
        let words: FastSet<&str> = folded.split(' ').filter(|w| !w.is_empty()).collect();
        let mut hits: FastMap<u32, usize> = FastMap::default();
        for w in &words {
            if let Some(ids) = self.postings.get(*w)
                && ids.len() <= MAX_POSTINGS
            {
                for &id in ids {
                    *hits.entry(id).or_default() += 1;
                }
            }
        }
        let years = years_in(entry);
        // A title's one-letter marks ("Benchmark-C") must not be found in
        // the authors' initials ("C. Otto").
        let without_initials = fold(&strip_initials(entry));
        let marks: FastSet<&str> = without_initials
            .split(' ')
            .filter(|w| !w.is_empty())
            .collect();
        let mut out: Vec<PaperMatch> = hits
            .into_iter()
            .filter(|&(id, _)| {
                self.accepts(&self.papers[id as usize], &words, &marks, &folded, &years)
            })
            .map(|(id, _)| {
                let p = &self.papers[id as usize];
                PaperMatch {
                    source: p.key.clone(),
                    entries: p.entries.clone(),
                }
            })
            .collect();
        crate::sort::sort_by(&mut out, |a, b| a.source.cmp(&b.source));
        out
    }

    fn accepts(
        &self,
        p: &IndexedPaper,
        words: &FastSet<&str>,
        marks: &FastSet<&str>,
        folded: &str,
        years: &[i32],
    ) -> bool {
        if p.words.is_empty() {
            return false;
        }
        let found = p
            .words
            .iter()
            .filter(|w| words.contains(w.as_str()))
            .count();
        // A title's letters and numbers tell siblings apart ("IARPA Janus
        // Benchmark-B" and "-C", "VGGFace2"): every one must be there.
        let marks_found = p
            .words
            .iter()
            .filter(|w| w.len() == 1 || w.bytes().any(|b| b.is_ascii_digit()))
            .all(|w| marks.contains(w.as_str()));
        if !marks_found {
            return false;
        }
        let coverage = found as f64 / p.words.len() as f64;
        let surname_ok = p.surname.as_deref().is_some_and(|s| words.contains(s));
        let year_ok = years.iter().any(|y| (y - p.year).abs() <= YEAR_SLACK);
        let year_far = !years.is_empty() && !year_ok;
        let whole_title = folded.contains(&p.words.join(" "));
        if p.words.len() < SHORT_TITLE_WORDS {
            return whole_title && surname_ok && year_ok;
        }
        if year_far && !(whole_title && surname_ok) {
            return false;
        }
        // A year alone is weak: generic title words ("loss", "deep face
        // recognition") recur across a year's papers (CosFace is not
        // "Marginal Loss for Deep Face Recognition"). Without the whole
        // title or the first author, every word must be there.
        coverage >= TITLE_COVERAGE
            && (whole_title || surname_ok || year_ok && found == p.words.len())
    }
}

/// The entry without its authors' initials ("C.", "J.-H.").
fn strip_initials(entry: &str) -> String {
    entry
        .split_whitespace()
        .filter(|t| {
            let t = t.trim_end_matches([',', ';']);
            !(t.ends_with('.')
                && t.split(['.', '-'])
                    .filter(|p| !p.is_empty())
                    .all(|p| p.chars().count() == 1 && p.chars().all(char::is_uppercase)))
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Lowercase words of a title minus stopwords.
fn title_words(title: &str) -> Vec<String> {
    fold(title)
        .split(' ')
        .filter(|w| !w.is_empty() && !STOPWORDS.contains(w))
        .map(str::to_string)
        .collect()
}

/// Lowercase letters and digits, every other run of characters one space.
fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.ends_with(' ') {
            out.push(' ');
        }
    }
    // Stopwords are dropped on both sides so that a title matches whether or
    // not an entry keeps them.
    out.split(' ')
        .filter(|w| !STOPWORDS.contains(w))
        .collect::<Vec<_>>()
        .join(" ")
}

fn first_surname(paper: &Paper) -> Option<String> {
    paper
        .first_author_surname()
        .map(|s| fold(s).split(' ').next_back().unwrap_or("").to_string())
        .filter(|s| !s.is_empty())
}

/// Four-digit years 1900–2099 in the text.
fn years_in(text: &str) -> Vec<i32> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    for i in 0..b.len().saturating_sub(3) {
        if b[i..i + 4].iter().all(u8::is_ascii_digit)
            && (i == 0 || !b[i - 1].is_ascii_digit())
            && b.get(i + 4).is_none_or(|c| !c.is_ascii_digit())
            && (b[i] == b'1' && b[i + 1] == b'9' || b[i] == b'2' && b[i + 1] == b'0')
        {
            out.push(text[i..i + 4].parse().unwrap_or(0));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_wrapped_author_year_list_is_joined_back_into_entries() {
        let list = "Gray, D. and Tao, H. (2008). Viewpoint\n\
                    invariant pedestrian recognition. In ECCV.\n\
                    Ristani, E., Solera, F., Zou, R., Cucchiara, R.\n\
                    and Tomasi, C. (2016). Performance\n\
                    measures and a data set for multi-target,\n\
                    multi-camera tracking. In ECCV Workshops.\n\
                    Zheng, L., Shen, L., Tian, L., Wang, S.,\n\
                    Wang, J. and Tian, Q. (2015). Scalable\n\
                    person re-identification: A benchmark. In ICCV.";
        let entries = parse_reference_list(list);
        assert_eq!(entries.len(), 3, "{entries:#?}");
        assert!(entries[1].text.starts_with("Ristani, E."));
        assert!(entries[1].text.ends_with("In ECCV Workshops."));
        assert!(entries[2].text.contains("Wang, J. and Tian, Q. (2015)"));
    }

    #[test]
    fn numbers_out_of_sequence_continue_the_entry() {
        let list = "[1] A. Author. A title. In CVPR,\n2018. 5, 6, 12\n[2] B. Author. Another. 2019.\n\
                    99.83 98.41 97.2\n[3] C. Author. Third. 2020.";
        let entries = parse_reference_list(list);
        let numbers: Vec<Option<u32>> = entries.iter().map(|e| e.number).collect();
        assert_eq!(numbers, [Some(1), Some(2), Some(3)], "{entries:#?}");
        assert!(entries[0].text.ends_with("2018. 5, 6, 12"));
    }

    #[test]
    fn a_wrapped_list_with_full_given_names_is_joined_back() {
        let list = "Abadi, Martin, Chu, Andy, Goodfellow, Ian, &\n\
                    Zhang, Li. 2016. Deep learning with differential privacy. Pages 308–318 of:\n\
                    Proceedings of CCS. ACM.\n\
                    Alisic, Rijad. 2021. Privacy of Sudden Events. Ph.D. thesis, KTH Royal Institute\n\
                    of Technology.\n\
                    Chapman, Douglas G., & Robbins, Herbert. 1951. Minimum variance estimation.\n\
                    Ann. Math. Stat., 22(4), 581–586.";
        let entries = parse_reference_list(list);
        assert_eq!(entries.len(), 3, "{entries:#?}");
        assert!(entries[2].text.starts_with("Chapman, Douglas G."));
    }

    #[test]
    fn a_pasted_list_stays_one_entry_per_line() {
        let list = "Ristani, E. et al. Performance measures. ECCVW 2016\n\
                    Zheng, L. et al. Scalable person re-identification. ICCV 2015\n\
                    Huang, G. B. et al. Labeled Faces in the Wild. 2007";
        assert_eq!(parse_reference_list(list).len(), 3);
    }

    use super::*;

    #[test]
    fn an_initial_is_not_a_title_mark() {
        let registry = Registry::builtin().unwrap();
        let index = PaperIndex::new(registry);
        // IJB-B's paper, whose authors include "C. Otto": not IJB-C's.
        let ijbb = "C. Whitelam, E. Taborsky, A. Blanton, B. Maze, J. Adams, T. Miller, N. Kalka, \
                    A. K. Jain, J. A. Duncan, K. Allen, J. Cheney, and P. Grother. IARPA Janus \
                    Benchmark-B face dataset. In CVPR Workshops, 2017.";
        let entries: Vec<&str> = index
            .matches(ijbb)
            .iter()
            .flat_map(|m| m.entries.iter().map(|&e| registry.entries()[e].id.as_str()))
            .collect();
        assert!(entries.contains(&"ijb-b"), "{entries:?}");
        assert!(!entries.contains(&"ijb-c"), "{entries:?}");
    }

    #[test]
    fn a_title_sharing_generic_words_in_the_same_year_is_not_a_match() {
        let registry = Registry::builtin().unwrap();
        let index = PaperIndex::new(registry);
        // CosFace shares "loss", "deep", "face", "recognition" with the
        // Marginal Loss paper (2017), a year apart, by other authors.
        let cosface = "H. Wang, Y. Wang, Z. Zhou, X. Ji, D. Gong, J. Zhou, Z. Li, and W. Liu. \
                       CosFace: Large margin cosine loss for deep face recognition. In CVPR, 2018.";
        let titles: Vec<String> = index
            .matches(cosface)
            .iter()
            .filter_map(|m| {
                registry
                    .source(&m.source)
                    .and_then(|s| s.as_paper())
                    .map(|p| p.title.clone())
            })
            .collect();
        assert!(
            !titles.iter().any(|t| t.contains("Marginal Loss")),
            "{titles:?}"
        );
    }

    #[test]
    fn a_sibling_title_differing_in_one_letter_is_not_a_match() {
        let registry = Registry::builtin().unwrap();
        let index = PaperIndex::new(registry);
        let ijb_c = "[29] Brianna Maze, Jocelyn C. Adams, James A. Duncan, Nathan D. Kalka, Tim Miller, Charles Otto, Anil K. Jain, W. Tyler Niggel, Janet Anderson, Jordan Cheney, and Patrick Grother. IARPA Janus Benchmark - C: Face dataset and protocol. In ICB, 2018.";
        let found: Vec<String> = index.matches(ijb_c).into_iter().map(|m| m.source).collect();
        let entries: Vec<&str> = found
            .iter()
            .flat_map(|k| {
                registry
                    .entries()
                    .iter()
                    .filter(move |e| e.papers.iter().any(|l| &l.source == k))
                    .map(|e| e.id.as_str())
            })
            .collect();
        assert!(entries.contains(&"ijb-c"), "{found:?}");
        assert!(!entries.contains(&"ijb-b"), "{found:?}");
    }

    #[test]
    fn splits_numbered_and_plain_lists() {
        let numbered =
            "[1] A. Author. First title.\n  continued here. 2017.\n[2] B. Author. Second. 2018.";
        let got = parse_reference_list(numbered);
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].number, Some(1));
        assert!(got[0].text.ends_with("continued here. 2017."));
        let dotted = "1. A. First.\n2. B. Second.";
        assert_eq!(parse_reference_list(dotted)[1].number, Some(2));
        let plain = "A. Author. First.\n\nB. Author. Second.";
        assert_eq!(parse_reference_list(plain).len(), 2);
    }
}
