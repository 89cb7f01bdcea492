//! What the passes found in one text, gathered once for every question the
//! decision asks: the document's structure, its sentences, the mentions
//! with how each sentence relates them to the work, cues, counts (each tied
//! to the mention it is about), tables, and the citations resolved.

use crate::text::hash::{FastMap, FastSet};
use crate::text::sentences::{sentence_of, sentence_spans_with_breaks};

use super::super::Analyzer;
use super::super::citations::{self, Marker, MarkerTarget};
use super::super::cues::{CueHit, is_modifier};
use super::super::mentions::RawMention;
use super::super::ordinary::{Surroundings, defines_another_acronym, has_dataset_context};
use super::super::references::{PaperMatch, ReferenceEntry, parse_reference_list};
use super::super::relations::{Relation, relation};
use super::super::statistics::{self, Claim};
use super::super::structure::{SectionKind, Span, Structure};
use super::super::tables::{self, Table};
use super::super::usage;
use crate::registry::Cue;

/// A mention with what its sentence says about it.
#[derive(Clone, Debug)]
pub(crate) struct MentionInfo {
    /// The mention.
    pub raw: RawMention,
    /// Index of its sentence.
    pub sentence: usize,
    /// How its sentence relates it to the work.
    pub relation: Relation,
    /// Use words anywhere in its sentence ("experiments", "trained").
    pub use_words: Option<Span>,
    /// Words in its sentence saying a model is run ("pre-trained").
    pub model_words: Option<Span>,
    /// In the title.
    pub in_title: bool,
    /// In a table (a row or a header).
    pub in_table: bool,
    /// In a heading.
    pub in_heading: bool,
    /// The section it stands in.
    pub section: SectionKind,
}

/// Everything the decision reads about one text.
pub(crate) struct Context<'a> {
    /// The analyzer (registry, indexes).
    pub analyzer: &'a Analyzer<'a>,
    /// The body: the text without its own reference section.
    pub text: &'a str,
    /// Title, headings, sections.
    pub structure: Structure,
    /// Entries read from the text's own reference section.
    pub own_references: usize,
    /// Sentence spans (headings, table rows and the title are sentences of their own).
    pub sentences: Vec<Span>,
    /// Accepted mentions, in text order.
    pub mentions: Vec<MentionInfo>,
    /// Cue words.
    pub cues: Vec<CueHit>,
    /// Counts, each with the index of the mention it is about, if any.
    pub claims: Vec<(Claim, Option<usize>)>,
    /// Registry papers the reference list cites.
    pub cited: Vec<PaperMatch>,
    /// Markers in the text and the registry papers they resolve to.
    pub markers: Vec<(Marker, Vec<PaperMatch>)>,
    /// Words saying the text reports experiments.
    pub experiments: Option<Span>,
    /// Words making the text a discussion of datasets.
    pub discussion: Option<Span>,
    /// Words on retraction, ethics or consent.
    pub ethics: Option<Span>,
    /// Words saying the text experiments on benchmarks it does not name.
    pub benchmarks_unnamed: Option<Span>,
    /// How often the text uses each task's domain words.
    pub domains: FastMap<Cue, usize>,
    /// Words saying the text proposes a method.
    pub proposes_method: Option<Span>,
    /// Words saying the text generates images.
    pub generative: Option<Span>,
    /// Whether the text is a whole paper (it has section headings).
    pub structured: bool,
    /// Entry indexes named anywhere.
    pub named: FastSet<usize>,
}

impl<'a> Context<'a> {
    /// Reads `text` with the given reference entries.
    ///
    /// `body` is the text the passes read: the original with its reference
    /// section blanked when an appendix follows it (see
    /// [`Structure::body`]), the original up to its reference section
    /// otherwise. Reference entries are parsed from `original`.
    pub(crate) fn read(
        analyzer: &'a Analyzer<'a>,
        body: &'a str,
        original: &str,
        structure: Structure,
        given: &[ReferenceEntry],
    ) -> Context<'a> {
        let text = body;
        // A whole paper's own reference list joins the given one.
        let mut references: Vec<ReferenceEntry> = given.to_vec();
        let mut own_references = 0;
        if let Some((s, e)) = structure.references {
            let own = parse_reference_list(&original[s..e]);
            own_references = own.len();
            references.extend(own);
        }
        let tables = tables::tables(text);
        let table_rows: Vec<Span> = tables
            .iter()
            .flat_map(|t| t.rows.iter().map(|r| r.span))
            .collect();
        let mut breaks: Vec<usize> = structure
            .headings
            .iter()
            .map(|h| line_end(text, h.span.1))
            .collect();
        if let Some((_, e)) = structure.title {
            breaks.push(e);
        }
        breaks.extend(table_rows.iter().map(|r| r.1));
        breaks.sort_unstable();
        let sentences = sentence_spans_with_breaks(text, &breaks);

        let markers = citations::markers(text);
        let mut claims: Vec<Claim> = statistics::claims(text, &sentences)
            .into_iter()
            .filter(|c| !inside(&table_rows, c.span.0))
            .collect();
        claims.extend(tables::claims(text, &tables));
        crate::sort::sort_by_key(&mut claims, |c| c.span.0);

        let raw = analyzer.names.find(text);
        let words = usage::Words::of(text);
        let domains = words.domains();
        let mentions = accept_mentions(
            analyzer,
            text,
            raw,
            &sentences,
            &markers,
            &claims,
            &table_rows,
            &domains,
        );
        let mentions: Vec<MentionInfo> = mentions
            .into_iter()
            .map(|m| describe_mention(text, &structure, &sentences, &tables, &words, m))
            .collect();
        let claims = claims
            .into_iter()
            .map(|c| {
                let about = subject_of(&c, &mentions, &sentences);
                (c, about)
            })
            .collect();

        // A cue word inside a dataset's name ("Cross-Age LFW", "Occluded
        // DukeMTMC") names that dataset; it does not describe another.
        let mut cues = analyzer.cues.find(text);
        cues.retain(|h| {
            let i = mentions.partition_point(|m| m.raw.span.1 <= h.span.0);
            mentions.get(i).is_none_or(|m| m.raw.span.0 >= h.span.1)
        });
        let (cited, marker_papers) = resolve_citations(analyzer, &markers, &references);
        let first_sentence = sentences.first().copied().unwrap_or((0, text.len()));
        let named = mentions
            .iter()
            .flat_map(|m| m.raw.owners.iter().map(|o| o.entry))
            .collect();
        let mention_spans: Vec<Span> = mentions.iter().map(|m| m.raw.span).collect();
        Context {
            analyzer,
            text,
            ethics: words.ethics(),
            benchmarks_unnamed: words.benchmarks_unnamed(&mention_spans),
            structured: structure.headings.len() >= 2,
            structure,
            own_references,
            experiments: words.experiments(),
            discussion: words.discussion(first_sentence),
            domains,
            proposes_method: words.proposes_method(),
            generative: words.generative(),
            sentences,
            mentions,
            cues,
            claims,
            cited,
            markers: marker_papers,
            named,
        }
    }

    /// The span of sentence `i`.
    pub(crate) fn sentence(&self, i: usize) -> Span {
        self.sentences
            .get(i)
            .copied()
            .unwrap_or((0, self.text.len()))
    }

    /// The words of `span`.
    pub(crate) fn words(&self, (s, e): Span) -> String {
        let words = &self.text[s..e];
        // Quoted in a reason: a line break inside (text from a PDF) reads
        // as the space it stands for.
        if words.contains(['\n', '\r', '\t']) {
            words.split_whitespace().collect::<Vec<_>>().join(" ")
        } else {
            words.to_string()
        }
    }

    /// Descriptive cues (modifiers) in the sentences given that describe
    /// the mentions `own` (indexes into `mentions`): a cue describes the
    /// name nearest to it in its sentence. "benchmarks with a large age gap
    /// (AgeDB-30, CALFW) and large-scale ones (IJB-C)" says nothing about
    /// IJB-C's ages. A sentence with no name (the title, read for a group
    /// it does not name) gives all its cues.
    pub(crate) fn modifiers_near<'c, 's>(
        &'c self,
        sentences: &'s FastSet<usize>,
        own: &'s [usize],
    ) -> impl Iterator<Item = &'c CueHit> + 's
    where
        'c: 's,
    {
        self.cues.iter().filter(move |h| {
            let sentence = sentence_of(&self.sentences, h.span.0);
            if !is_modifier(h.cue) || !sentences.contains(&sentence) {
                return false;
            }
            let first = self.mentions.partition_point(|m| m.sentence < sentence);
            let nearest = self.mentions[first..]
                .iter()
                .enumerate()
                .take_while(|(_, m)| m.sentence == sentence)
                .min_by_key(|(_, m)| {
                    let (s, e) = m.raw.span;
                    if e <= h.span.0 {
                        h.span.0 - e
                    } else {
                        s.saturating_sub(h.span.1)
                    }
                })
                .map(|(k, _)| first + k);
            nearest.is_none_or(|k| own.binary_search(&k).is_ok())
        })
    }
}

/// The end of the line that holds byte `at`.
fn line_end(text: &str, at: usize) -> usize {
    text[at..].find('\n').map_or(text.len(), |i| at + i + 1)
}

fn inside(spans: &[Span], at: usize) -> bool {
    let i = spans.partition_point(|s| s.0 <= at);
    i > 0 && at < spans[i - 1].1
}

/// Mentions of ordinary-word names stand only with dataset context.
///
/// Beyond its own sentence, such a name counts only in a text about its
/// kind of data: one that uses the domain words of a task it serves ("the
/// RAF database of aircrew losses" is not about facial expressions), or
/// names some other registry dataset plainly.
#[allow(clippy::too_many_arguments)]
fn accept_mentions(
    analyzer: &Analyzer<'_>,
    text: &str,
    raw: Vec<RawMention>,
    sentences: &[Span],
    markers: &[Marker],
    claims: &[Claim],
    table_rows: &[Span],
    domains: &FastMap<Cue, usize>,
) -> Vec<RawMention> {
    if raw.iter().all(|m| !m.needs_context) {
        return raw;
    }
    let entries = analyzer.registry.entries();
    let any_plain = raw.iter().any(|m| !m.needs_context);
    let in_domain = |m: &RawMention| {
        any_plain
            || m.owners.iter().any(|o| {
                let tasks: Vec<Cue> = entries[o.entry]
                    .cues
                    .iter()
                    .map(|c| c.cue)
                    .filter(|&c| super::super::cues::is_task(c))
                    .collect();
                tasks.is_empty()
                    || tasks.iter().any(|t| {
                        domains
                            .iter()
                            .any(|(d, &n)| n > 0 && super::super::cues::related(*d, *t))
                    })
            })
    };
    let marker_spans: Vec<Span> = markers.iter().map(|m| m.span).collect();
    let count_spans: Vec<Span> = claims.iter().map(|c| c.span).collect();
    let plain: Vec<Span> = raw
        .iter()
        .filter(|m| !m.needs_context)
        .map(|m| m.span)
        .collect();
    let around = Surroundings {
        markers: &marker_spans,
        counts: &count_spans,
        plain_names: &plain,
        table_rows,
    };
    let own_names_of = |m: &RawMention| -> Vec<&str> {
        m.owners
            .iter()
            .flat_map(|o| entries[o.entry].names())
            .collect()
    };
    // Acronyms the document defines as something else mean that thing
    // everywhere in it.
    let redefined: FastSet<String> = raw
        .iter()
        .filter(|m| m.needs_context && defines_another_acronym(text, m.span, &own_names_of(m)))
        .map(|m| text[m.span.0..m.span.1].to_string())
        .collect();
    raw.into_iter()
        .filter(|m| {
            !m.needs_context
                || !redefined.contains(&text[m.span.0..m.span.1]) && {
                    let sentence = sentences
                        .get(sentence_of(sentences, m.span.0))
                        .copied()
                        .unwrap_or((0, text.len()));
                    let own_names = own_names_of(m);
                    let is_model = m
                        .owners
                        .iter()
                        .any(|o| entries[o.entry].kind == crate::registry::EntryKind::Model);
                    in_domain(m)
                        && has_dataset_context(
                            text, sentence, m.span, &own_names, is_model, &around,
                        )
                }
        })
        .collect()
}

fn describe_mention(
    text: &str,
    structure: &Structure,
    sentences: &[Span],
    tables: &[Table],
    words: &usage::Words,
    raw: RawMention,
) -> MentionInfo {
    let index = sentence_of(sentences, raw.span.0);
    let sentence = sentences.get(index).copied().unwrap_or((0, text.len()));
    let in_heading = structure.in_heading(raw.span.0);
    let relation = if in_heading {
        Relation::Plain
    } else {
        relation(text, sentence, raw.span)
    };
    let (use_words, model_words) = if in_heading {
        (None, None)
    } else {
        (words.use_words(sentence), words.model_use_words(sentence))
    };
    MentionInfo {
        sentence: index,
        relation,
        use_words,
        model_words,
        in_title: structure.in_title(raw.span.0),
        in_table: tables
            .iter()
            .any(|t| t.span.0 <= raw.span.0 && raw.span.1 <= t.span.1),
        in_heading,
        section: structure.section_at(raw.span.0),
        raw,
    }
}

/// The mention a count is about: the name in its table row, or the nearest
/// name before it in its sentence (after it, when none precedes).
fn subject_of(c: &Claim, mentions: &[MentionInfo], sentences: &[Span]) -> Option<usize> {
    if let Some((s, e)) = c.subject {
        return mentions
            .iter()
            .position(|m| m.raw.span.0 >= s && m.raw.span.1 <= e);
    }
    let sentence = sentence_of(sentences, c.span.0);
    let i = mentions.partition_point(|m| m.raw.span.0 < c.span.0);
    let before = (0..i)
        .rev()
        .take_while(|&j| mentions[j].sentence == sentence)
        .next();
    before.or_else(|| {
        mentions
            .get(i)
            .filter(|m| m.sentence == sentence)
            .map(|_| i)
    })
}

/// The registry papers the reference list cites, and each marker with the
/// papers it resolves to.
fn resolve_citations(
    analyzer: &Analyzer<'_>,
    markers: &[Marker],
    references: &[ReferenceEntry],
) -> (Vec<PaperMatch>, Vec<(Marker, Vec<PaperMatch>)>) {
    let mut cited = Vec::new();
    let mut by_number: FastMap<u32, Vec<PaperMatch>> = FastMap::default();
    let mut ref_matches: Vec<Vec<PaperMatch>> = Vec::with_capacity(references.len());
    for r in references {
        let matches = analyzer.papers.matches(&r.text);
        if let Some(n) = r.number {
            by_number
                .entry(n)
                .or_default()
                .extend(matches.iter().cloned());
        }
        cited.extend(matches.iter().cloned());
        ref_matches.push(matches);
    }
    let resolved = markers
        .iter()
        .filter_map(|m| {
            let papers: Vec<PaperMatch> = match &m.target {
                MarkerTarget::Numbers(ns) => ns
                    .iter()
                    .filter_map(|n| by_number.get(n))
                    .flatten()
                    .cloned()
                    .collect(),
                MarkerTarget::AuthorYear { surname, year } => references
                    .iter()
                    .zip(&ref_matches)
                    .filter(|(r, ms)| {
                        !ms.is_empty()
                            && contains_ignoring_case(&r.text, surname)
                            && r.text.contains(&year.to_string())
                    })
                    .flat_map(|(_, ms)| ms.iter().cloned())
                    .collect(),
            };
            (!papers.is_empty()).then(|| (m.clone(), papers))
        })
        .collect();
    (cited, resolved)
}

fn contains_ignoring_case(haystack: &str, needle: &str) -> bool {
    let needle = needle.to_lowercase();
    haystack.to_lowercase().contains(&needle)
}
