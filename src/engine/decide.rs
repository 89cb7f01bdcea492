//! The decision: which families of related entries the text uses, and which
//! member of each.
//!
//! Entries compete within a *group*: the datasets and annotation sets of one
//! family compete (a paper uses DukeMTMC-reID *or* says DukeMTMC and means
//! it), while models and protocols are each their own group (a paper can use
//! LFW and the BLUFR protocol, or MS-Celeb-1M and a pre-trained FaceNet).
//!
//! Stage one scores the group: is it used at all? Stage two scores its
//! members on evidence specific to one version; the leader is identified if
//! it leads by [`DECISIVE_MARGIN`], otherwise the close ones stay open as
//! candidates and the report says what would settle it.

use crate::text::hash::{FastMap, FastSet};
use std::cell::RefCell;
use std::collections::BTreeSet;

use super::Analyzer;
use super::citations::Marker;
use super::cues::{CueHit, is_modifier, is_task, related};
use super::mentions::RawMention;
use super::references::PaperMatch;
use super::report::{Group, Reason, ReasonKind, Report, Suggestion, Verdict, thousands};
use super::statistics::{Claim, Fit, fit};
use super::usage;
use super::weights::*;
use crate::registry::{Cue, Entry, EntryKind, PaperRole, Quantity};
use crate::text::sentences::sentence_of;

/// A byte span in the text.
type Span = (usize, usize);

/// What the passes over the text found.
pub(crate) struct Observations<'a> {
    pub text: &'a str,
    pub sentences: &'a [(usize, usize)],
    pub mentions: &'a [RawMention],
    pub cues: &'a [CueHit],
    pub claims: &'a [Claim],
    /// Registry papers the reference list cites.
    pub cited: &'a [PaperMatch],
    /// Markers in the text and the registry papers they resolve to.
    pub markers: &'a [(Marker, Vec<PaperMatch>)],
    pub experiments: Option<(usize, usize)>,
    pub discussion: Option<(usize, usize)>,
    /// Every entry the text names.
    pub named: FastSet<usize>,
    /// Task domains the text is about ("face", "pedestrian"…), by task cue.
    pub domains: FastSet<Cue>,
    /// Use words found per sentence (and whether for a model), so that a
    /// sentence naming thousands of datasets is read once.
    pub use_cache: RefCell<FastMap<(usize, bool), Option<Span>>>,
}

impl Observations<'_> {
    /// The span of words in sentence `index` saying data (or a model) is used.
    fn use_words(&self, index: usize, model: bool) -> Option<(usize, usize)> {
        *self
            .use_cache
            .borrow_mut()
            .entry((index, model))
            .or_insert_with(|| {
                let (s, e) = self
                    .sentences
                    .get(index)
                    .copied()
                    .unwrap_or((0, self.text.len()));
                let sentence = &self.text[s..e];
                let found = if model {
                    usage::model_use_words(sentence)
                } else {
                    usage::use_words(sentence)
                };
                // The words are a slice of the sentence: their offset locates them.
                found.map(|w| {
                    let at = s + (w.as_ptr() as usize - sentence.as_ptr() as usize);
                    (at, at + w.len())
                })
            })
    }
}

/// The group an entry competes in: its family for datasets and annotation
/// sets (a text that says "LFW with attribute labels" may mean any labelled
/// version), itself for models and protocols, which are used alongside a
/// dataset rather than instead of one.
pub(crate) fn group_key(e: &Entry) -> String {
    match e.kind {
        EntryKind::Dataset | EntryKind::AnnotationSet => format!("family:{}", e.family),
        EntryKind::Model | EntryKind::Protocol => format!("entry:{}", e.id),
    }
}

/// A scored member of a group.
struct Scored {
    entry: usize,
    score: f64,
    reasons: Vec<Reason>,
    /// Has evidence that points to this version in particular.
    specific: bool,
}

pub(crate) fn decide(analyzer: &Analyzer<'_>, obs: &Observations<'_>) -> Report {
    let registry = analyzer.registry;
    let entries = registry.entries();

    // Groups with any direct evidence: a name, a cited paper, an exact count.
    let mut touched: BTreeSet<String> = BTreeSet::new();
    for m in obs.mentions {
        for o in &m.owners {
            touched.insert(group_key(&entries[o.entry]));
        }
    }
    for p in obs.cited {
        for &e in &p.entries {
            touched.insert(group_key(&entries[e]));
        }
    }
    for c in obs.claims {
        if c.approximate || c.value < 1000.0 {
            continue;
        }
        for &(e, _) in analyzer
            .stats
            .get(&(c.quantity, c.value as u64))
            .into_iter()
            .flatten()
        {
            touched.insert(group_key(&entries[e]));
        }
    }

    let mut groups: Vec<(Group, Vec<Suggestion>, f64)> = Vec::new();
    for key in touched {
        let Some(members) = analyzer.groups.get(&key) else {
            continue;
        };
        if let Some(decided) = decide_group(analyzer, obs, members) {
            groups.push(decided);
        }
    }
    groups.sort_by(|a, b| {
        b.2.total_cmp(&a.2)
            .then_with(|| a.0.family.cmp(&b.0.family))
    });

    let mut report = Report {
        status: Verdict::None,
        suggestions: Vec::new(),
        candidates: Vec::new(),
        settle: Vec::new(),
        groups: Vec::new(),
        mentions: Vec::new(),
        excerpts: Vec::new(),
    };
    for (group, members, _) in groups {
        match group.status {
            Verdict::Identified => report.suggestions.extend(members),
            Verdict::Ambiguous => {
                report.candidates.extend(members);
                report.settle.extend(group.settle.clone());
            }
            Verdict::None => {}
        }
        report.groups.push(group);
    }
    report.suggestions.sort_by(|a, b| {
        b.confidence
            .total_cmp(&a.confidence)
            .then_with(|| a.id.cmp(&b.id))
    });
    report.status = if !report.candidates.is_empty() {
        Verdict::Ambiguous
    } else if !report.suggestions.is_empty() {
        Verdict::Identified
    } else {
        Verdict::None
    };
    report
}

/// Decides one group; `None` when it is not used.
fn decide_group(
    analyzer: &Analyzer<'_>,
    obs: &Observations<'_>,
    members: &[usize],
) -> Option<(Group, Vec<Suggestion>, f64)> {
    let entries = analyzer.registry.entries();
    let first = &entries[members[0]];
    let is_model = first.kind == EntryKind::Model;
    let (use_log_odds, use_reasons) = stage_one(analyzer, obs, members, is_model);
    let p_use = probability(use_log_odds);
    if p_use < USE_THRESHOLD {
        return None;
    }
    // What the members share, worked out once for the group.
    let facts = GroupFacts {
        tasks: members
            .iter()
            .flat_map(|&x| entries[x].cues.iter().map(|c| c.cue))
            .filter(|&c| is_task(c))
            .collect(),
        root_lacks_task: root_lacks_text_task(obs, members, entries),
    };
    let mut scored: Vec<Scored> = members
        .iter()
        .map(|&m| stage_two(analyzer, obs, members, &facts, m))
        .collect();
    scored.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then_with(|| entries[a.entry].id.cmp(&entries[b.entry].id))
    });
    // Only versions with evidence of their own can be chosen or stay open;
    // the family's root stands for it when nothing more specific is said.
    let roots: Vec<usize> = members
        .iter()
        .copied()
        .filter(|&x| is_root(entries, members, x))
        .collect();
    scored.retain(|s| s.specific || roots == [s.entry]);
    if scored.is_empty() {
        return None;
    }
    let top = scored[0].score;
    let open: Vec<&Scored> = scored
        .iter()
        .filter(|s| s.score > top - DECISIVE_MARGIN)
        .take(MAX_CANDIDATES)
        .collect();
    // Share of the leader (or each open member) among the members, softmax.
    let total: f64 = scored.iter().map(|s| (s.score - top).exp()).sum();
    let to_suggestion = |s: &Scored| {
        let e = &entries[s.entry];
        // Stage one's "the text names it" is about the family; for a member
        // the text did not name, it is a relative's name.
        let use_reasons = use_reasons.iter().map(|r| match (&r.kind, r.span) {
            (ReasonKind::Named { written }, Some(span)) => {
                let owners: Vec<usize> = obs
                    .mentions
                    .iter()
                    .filter(|m| m.span == span)
                    .flat_map(|m| m.owners.iter().map(|o| o.entry))
                    .collect();
                if owners.contains(&s.entry) {
                    r.clone()
                } else {
                    let relative = owners
                        .first()
                        .map_or_else(String::new, |&o| entries[o].name.clone());
                    Reason {
                        kind: ReasonKind::NamedRelative {
                            written: written.clone(),
                            relative,
                        },
                        ..r.clone()
                    }
                }
            }
            _ => r.clone(),
        });
        let reasons = merge_reasons(use_reasons.chain(s.reasons.iter().cloned()));
        Suggestion {
            id: e.id.clone(),
            name: e.name.clone(),
            family: e.family.clone(),
            confidence: round3(p_use * (s.score - top).exp() / total),
            reasons,
        }
    };
    let (status, suggestions, settle) = if open.len() == 1 {
        (Verdict::Identified, vec![to_suggestion(open[0])], None)
    } else {
        let settle = settle_text(
            obs,
            &open.iter().map(|s| &entries[s.entry]).collect::<Vec<_>>(),
        );
        (
            Verdict::Ambiguous,
            open.iter().map(|s| to_suggestion(s)).collect(),
            Some(settle),
        )
    };
    let group = Group {
        family: first.family.clone(),
        status,
        ids: suggestions.iter().map(|s| s.id.clone()).collect(),
        settle,
    };
    Some((group, suggestions, p_use))
}

/// Stage one: log-odds that the group is used, and why.
fn stage_one(
    analyzer: &Analyzer<'_>,
    obs: &Observations<'_>,
    members: &[usize],
    is_model: bool,
) -> (f64, Vec<Reason>) {
    let entries = analyzer.registry.entries();
    let mut reasons = Vec::new();
    let named_elsewhere = &obs.named;

    // The prior: the best citation rate among cited members, unless the
    // cited paper is explained by another entry the text names (CelebA for
    // the paper LFWA shares with it). Models are cited as methods, so a
    // citation says nothing about using pre-trained weights.
    let mut prior: Option<(f64, usize, &str)> = None;
    if !is_model {
        for p in obs.cited {
            for &m in p.entries.iter().filter(|e| members.contains(e)) {
                if !introduces(&entries[m], &p.source) {
                    continue;
                }
                let explained_by = p
                    .entries
                    .iter()
                    .find(|&&o| !members.contains(&o) && named_elsewhere.contains(&o));
                if let Some(&other) = explained_by {
                    reasons.push(Reason {
                        kind: ReasonKind::SharedPaper {
                            other: entries[other].name.clone(),
                        },
                        span: None,
                        weight: 0.0,
                    });
                    continue;
                }
                // A measured rate for this paper (any entry it introduced that
                // the study sampled) beats the default for unsampled ones.
                let measured = p.entries.iter().any(|&x| {
                    introduces(&entries[x], &p.source) && citation_rate(&entries[x]).1.is_some()
                });
                if measured && citation_rate(&entries[m]).1.is_none() {
                    continue;
                }
                let lo = log_odds(group_citation_rate(obs, entries, members, m).0);
                if prior.is_none_or(|(best, _, _)| lo > best) {
                    prior = Some((lo, m, p.source.as_str()));
                }
            }
        }
    }
    let mut total = match prior {
        Some((lo, m, source)) => {
            match group_citation_rate(obs, entries, members, m).1 {
                Some(rate) => {
                    reasons.push(cites_reason(analyzer, &entries[m], source, 0.0));
                    reasons.push(Reason { weight: lo, ..rate });
                }
                None => reasons.push(cites_reason(analyzer, &entries[m], source, lo)),
            }
            lo
        }
        None => NO_CITATION_PRIOR,
    };

    // Names.
    let mut best_name: Option<(f64, Reason, Option<Reason>)> = None;
    for m in obs
        .mentions
        .iter()
        .filter(|m| m.owners.iter().any(|o| members.contains(&o.entry)))
    {
        let sentence = obs
            .sentences
            .get(sentence_of(obs.sentences, m.span.0))
            .copied()
            .unwrap_or((0, obs.text.len()));
        let in_title =
            sentence.0 == obs.sentences.first().map_or(0, |s| s.0) && obs.sentences.len() > 1;
        let use_words = obs
            .use_words(sentence_of(obs.sentences, m.span.0), is_model)
            .map(|(a, b)| (a, &obs.text[a..b]));
        let share = if m.fuzzy { FUZZY_SHARE } else { 1.0 };
        let written = obs.text[m.span.0..m.span.1].to_string();
        let (weight, extra) = match use_words {
            Some((at, w)) => (
                NAMED_IN_USE * share,
                Some(Reason {
                    kind: ReasonKind::UsedHere {
                        words: w.to_string(),
                    },
                    span: Some((at, at + w.len())),
                    weight: 0.0,
                }),
            ),
            None if in_title && !is_model => (NAMED_IN_USE * share, None),
            None if is_model => (
                0.0,
                Some(Reason {
                    kind: ReasonKind::OnlyMentioned,
                    span: Some(m.span),
                    weight: 0.0,
                }),
            ),
            None => (
                NAMED_ONLY * share,
                Some(Reason {
                    kind: ReasonKind::OnlyMentioned,
                    span: Some(m.span),
                    weight: 0.0,
                }),
            ),
        };
        let kind = if m.fuzzy {
            let name = m
                .owners
                .iter()
                .find(|o| members.contains(&o.entry))
                .map(|o| o.written.to_string())
                .unwrap_or_default();
            ReasonKind::NamedNearly { written, name }
        } else {
            ReasonKind::Named { written }
        };
        let reason = Reason {
            kind,
            span: Some(m.span),
            weight,
        };
        if best_name.as_ref().is_none_or(|(w, _, _)| weight > *w) {
            best_name = Some((weight, reason, extra));
        }
    }
    let named = best_name.is_some();
    if let Some((weight, reason, extra)) = best_name {
        total += weight;
        reasons.push(reason);
        reasons.extend(extra);
    } else if prior.is_none() {
        reasons.push(Reason {
            kind: ReasonKind::NoDirectEvidence,
            span: None,
            weight: NO_CITATION_PRIOR,
        });
    }

    if !is_model {
        // Counts that fit a member exactly.
        let mut stat_weight = 0.0;
        let mut seen_counts: FastSet<(Quantity, u64)> = FastSet::default();
        for c in obs.claims.iter().filter(|c| !c.approximate) {
            if stat_weight >= STAT_USE_CAP || !seen_counts.insert((c.quantity, c.value.to_bits())) {
                continue;
            }
            if members.iter().any(|&m| {
                entries[m]
                    .statistics
                    .iter()
                    .any(|s| fit(c, s) == Some(Fit::Exact))
            }) {
                stat_weight += STAT_EXACT_USE;
            }
        }
        total += stat_weight.min(STAT_USE_CAP);
        // The task.
        let group_tasks: FastSet<Cue> = members
            .iter()
            .flat_map(|&m| entries[m].cues.iter().map(|c| c.cue))
            .filter(|&c| is_task(c))
            .collect();
        let text_tasks: Vec<&CueHit> = obs.cues.iter().filter(|h| is_task(h.cue)).collect();
        if let Some(hit) = text_tasks
            .iter()
            .find(|h| group_tasks.iter().any(|&g| related(g, h.cue)))
        {
            total += TASK_FITS;
            reasons.push(Reason {
                kind: ReasonKind::TaskFits {
                    cue: hit.cue,
                    written: obs.text[hit.span.0..hit.span.1].to_string(),
                },
                span: Some(hit.span),
                weight: TASK_FITS,
            });
        } else if !group_tasks.is_empty()
            && !named
            && stat_weight == 0.0
            && !group_tasks.iter().any(|t| obs.domains.contains(t))
        {
            // A paper that cites the dataset but works on another task, or
            // on nothing of its domain at all, is citing it as background.
            total += TASK_MISSING;
        }
        // Other datasets for the same task named in use, none of this family.
        // (Not for training-scale sets: papers name the benchmarks they test
        // on, and rarely the set they trained on.)
        let cited_is_training_set =
            prior.is_some_and(|(_, m, _)| entries[m].cues.iter().any(|c| c.cue == Cue::LargeScale));
        if !named && !cited_is_training_set {
            let others = obs.mentions.iter().any(|m| {
                m.owners.iter().all(|o| !members.contains(&o.entry))
                    && m.owners.iter().any(|o| {
                        let other = &entries[o.entry];
                        other.kind == EntryKind::Dataset
                            && other.cues.iter().any(|c| {
                                is_task(c.cue) && group_tasks.iter().any(|&g| related(g, c.cue))
                            })
                    })
            });
            if others {
                total += OTHERS_NAMED;
            }
        }
        // Experiments, or a discussion.
        if let Some(span) = obs.experiments {
            total += EXPERIMENTS;
            let words = obs.text[span.0..span.1].to_string();
            reasons.push(Reason {
                kind: ReasonKind::Experiments { words },
                span: Some(span),
                weight: EXPERIMENTS,
            });
        }
    }
    if let Some(span) = obs.discussion {
        total += DISCUSSION;
        let words = obs.text[span.0..span.1].to_string();
        reasons.push(Reason {
            kind: ReasonKind::Discussion { words },
            span: Some(span),
            weight: DISCUSSION,
        });
    }
    (total, reasons)
}

/// Whether `source` is the paper that stands for `e`: its associated paper,
/// or, for an entry that has none (LFW-a), a paper its creators ask to be
/// cited. A merely related paper, or another entry's paper that the
/// creators also ask for (DukeMTMC's, for DukeMTMC-reID), says nothing about
/// using this entry.
fn introduces(e: &Entry, source: &str) -> bool {
    let has_associated = e.papers.iter().any(|p| p.role == PaperRole::Associated);
    e.papers.iter().any(|p| {
        p.source == source
            && (p.role == PaperRole::Associated
                || p.role == PaperRole::Requested && !has_associated)
    })
}

/// The study's rate of use among papers citing an entry's paper, with the
/// reason that shows it; the default rate for entries it did not sample.
fn citation_rate(e: &Entry) -> (f64, Option<Reason>) {
    rate_with_derivatives(e, 0)
}

/// The rate of use among papers citing `e`'s paper, counting uses of its
/// derivatives that cite it too (`derived`).
fn rate_with_derivatives(e: &Entry, derived: u32) -> (f64, Option<Reason>) {
    match &e.study {
        Some(s) if s.assoc_paper_sampled => {
            let (own, sampled) = (
                s.documented_uses_citing_assoc_paper.unwrap_or(0),
                s.papers_sampled.unwrap_or(0),
            );
            let uses = (own + derived).min(sampled);
            // Laplace's rule of succession keeps small samples honest.
            let rate = (f64::from(uses) + 1.0) / (f64::from(sampled) + 2.0);
            (
                rate,
                Some(Reason {
                    kind: ReasonKind::CitationRate {
                        uses,
                        sampled,
                        derived,
                    },
                    span: None,
                    weight: 0.0,
                }),
            )
        }
        _ => (DEFAULT_CITATION_RATE, None),
    }
}

/// The group-level rate for a cited paper of member `m`: the study's uses of
/// `m` citing it, plus the documented uses of `m`'s derivatives that cite
/// their parent's paper (DukeMTMC-reID users citing DukeMTMC's).
fn group_citation_rate(
    obs: &Observations<'_>,
    entries: &[Entry],
    members: &[usize],
    m: usize,
) -> (f64, Option<Reason>) {
    // Only derivatives that serve the paper's task: a tracking paper citing
    // DukeMTMC is not a re-identification paper using DukeMTMC-reID.
    let serves_text_task = |x: usize| {
        obs.cues
            .iter()
            .any(|h| is_task(h.cue) && entries[x].cues.iter().any(|c| related(c.cue, h.cue)))
    };
    let derived: u32 = members
        .iter()
        .filter(|&&x| {
            entries[x].parent.as_deref() == Some(entries[m].id.as_str()) && serves_text_task(x)
        })
        .filter_map(|&x| {
            entries[x]
                .study
                .as_ref()
                .and_then(|s| s.documented_uses_citing_parent_paper)
        })
        .sum();
    rate_with_derivatives(&entries[m], derived)
}

fn cites_reason(analyzer: &Analyzer<'_>, e: &Entry, source: &str, weight: f64) -> Reason {
    let role = e
        .papers
        .iter()
        .find(|p| p.source == source)
        .map_or("associated", |p| match p.role {
            PaperRole::Associated => "associated",
            PaperRole::Requested => "requested",
            PaperRole::Related => "related",
        });
    let paper = short_citation(analyzer, source);
    Reason {
        kind: ReasonKind::CitesPaper { paper, role },
        span: None,
        weight,
    }
}

fn short_citation(analyzer: &Analyzer<'_>, source: &str) -> String {
    match analyzer.registry.source(source).and_then(|s| s.as_paper()) {
        Some(p) => {
            let who = p.first_author_surname().unwrap_or("Anonymous");
            let etal = if p.authors.len() > 1 { " et al." } else { "" };
            format!("{who}{etal} ({}), “{}”", p.year, p.title)
        }
        None => source.to_string(),
    }
}

/// What all members of a group share, computed once per group.
struct GroupFacts {
    /// The tasks any member serves.
    tasks: FastSet<Cue>,
    /// The root does not serve the paper's task, but a member does.
    root_lacks_task: bool,
}

/// A running score with the reasons behind it.
#[derive(Default)]
struct Tally {
    score: f64,
    reasons: Vec<Reason>,
}

impl Tally {
    fn add(&mut self, kind: ReasonKind, span: Option<(usize, usize)>, weight: f64) {
        self.score += weight;
        self.reasons.push(Reason { kind, span, weight });
    }
}

/// Stage two: how well the evidence fits this member rather than its relatives.
fn stage_two(
    analyzer: &Analyzer<'_>,
    obs: &Observations<'_>,
    members: &[usize],
    facts: &GroupFacts,
    m: usize,
) -> Scored {
    let entries = analyzer.registry.entries();
    let e = &entries[m];
    let mut t = Tally::default();

    // Names.
    let mut group_sentences: BTreeSet<usize> = BTreeSet::new();
    let mut best_name: Option<(f64, ReasonKind, (usize, usize))> = None;
    for mention in obs
        .mentions
        .iter()
        .filter(|x| x.owners.iter().any(|o| members.contains(&o.entry)))
    {
        group_sentences.insert(sentence_of(obs.sentences, mention.span.0));
        let owners_here: Vec<usize> = mention
            .owners
            .iter()
            .map(|o| o.entry)
            .filter(|x| members.contains(x))
            .collect();
        let written = obs.text[mention.span.0..mention.span.1].to_string();
        let candidate = if owners_here == [m] {
            let has_versions = members
                .iter()
                .any(|&x| entries[x].parent.as_deref() == Some(e.id.as_str()));
            let weight = if has_versions {
                // A parent's own name stands for every version of it.
                SHARED_NAME
            } else {
                OWN_NAME
            };
            Some((
                weight,
                ReasonKind::Named {
                    written: written.clone(),
                },
            ))
        } else if owners_here.contains(&m) {
            Some((
                SHARED_NAME,
                ReasonKind::Named {
                    written: written.clone(),
                },
            ))
        } else {
            let relative = entries[owners_here[0]].name.clone();
            Some((
                0.0,
                ReasonKind::NamedRelative {
                    written: written.clone(),
                    relative,
                },
            ))
        };
        if let Some((weight, kind)) = candidate {
            let weight = if mention.fuzzy {
                weight * FUZZY_SHARE
            } else {
                weight
            };
            if best_name.as_ref().is_none_or(|(w, _, _)| weight > *w) {
                best_name = Some((weight, kind, mention.span));
            }
        }
    }
    if let Some((weight, kind, span)) = best_name {
        t.add(kind, Some(span), weight);
    }

    // Its own paper in the reference list, weighed by how often citing that
    // paper means using this version (the study's rate). A root's paper
    // counts only when no derivative's own paper is cited: users of a
    // derivative cite the parent too.
    let own_paper = |x: usize| {
        obs.cited.iter().find(|p| {
            introduces(&entries[x], &p.source)
                && p.entries
                    .iter()
                    .filter(|&&y| members.contains(&y) && introduces(&entries[y], &p.source))
                    .count()
                    == 1
        })
    };
    let derivative_cited = members
        .iter()
        .any(|&x| x != m && !is_root(entries, members, x) && own_paper(x).is_some());
    if members.len() > 1
        && !(is_root(entries, members, m) && derivative_cited)
        && let Some(p) = own_paper(m)
    {
        // Where the text names the family, its use is settled and the
        // citation only says which version; elsewhere the citation must also
        // carry the use, so it is weighed by how often it does.
        let weight = if group_sentences.is_empty() {
            (OWN_PAPER + log_odds(citation_rate(e).0)).max(0.0)
        } else {
            OWN_PAPER
        };
        if weight > 0.0 {
            let r = cites_reason(analyzer, e, &p.source, weight);
            t.add(r.kind, None, weight);
        }
    }
    if let Some((marker, papers)) = obs.markers.iter().find(|(mk, ps)| {
        ps.iter().any(|p| p.entries.contains(&m))
            && group_sentences.contains(&sentence_of(obs.sentences, mk.span.0))
    }) {
        let paper = papers
            .iter()
            .find(|p| p.entries.contains(&m))
            .map(|p| short_citation(analyzer, &p.source))
            .unwrap_or_default();
        let written = obs.text[marker.span.0..marker.span.1].to_string();
        t.add(
            ReasonKind::MarkerResolves {
                marker: written,
                paper,
            },
            Some(marker.span),
            MARKER,
        );
    }

    // Statistics.
    let mut stat_score = 0.0;
    let mut stat_reasons = Vec::new();
    // A count repeated is one piece of evidence, not many.
    let mut seen_counts: FastSet<(Quantity, u64)> = FastSet::default();
    for c in obs.claims {
        if !seen_counts.insert((c.quantity, c.value.to_bits())) {
            continue;
        }
        let written = obs.text[c.span.0..c.span.1].to_string();
        let best = e
            .statistics
            .iter()
            .filter_map(|s| fit(c, s).map(|f| (f, s)))
            .min_by_key(|(f, _)| *f);
        match best {
            Some((f, s)) => {
                let weight = if f == Fit::Exact {
                    STAT_EXACT
                } else {
                    STAT_APPROX
                };
                stat_score += weight;
                stat_reasons.push(Reason {
                    kind: ReasonKind::StatisticFits {
                        written,
                        quantity: s.quantity,
                        split: s.split,
                        value: s.value,
                        exact: f == Fit::Exact,
                    },
                    span: Some(c.span),
                    weight,
                });
            }
            None => {
                let same: Vec<u64> = e
                    .statistics
                    .iter()
                    .filter(|s| s.quantity == c.quantity && claim_split_matches(c, s))
                    .map(|s| s.value)
                    .collect();
                let anyone_fits = members
                    .iter()
                    .any(|&x| entries[x].statistics.iter().any(|s| fit(c, s).is_some()));
                if !same.is_empty() && anyone_fits {
                    stat_score += STAT_CONFLICT;
                    let values = same
                        .iter()
                        .map(|v| thousands(*v))
                        .collect::<Vec<_>>()
                        .join(", ");
                    stat_reasons.push(Reason {
                        kind: ReasonKind::StatisticConflicts {
                            written,
                            quantity: c.quantity,
                            values,
                        },
                        span: Some(c.span),
                        weight: STAT_CONFLICT,
                    });
                }
            }
        }
    }
    t.score += stat_score.min(STAT_MEMBER_CAP);
    t.reasons.extend(stat_reasons);

    // Cues: modifiers near the group's names (anywhere, when it is not
    // named), tasks anywhere.
    let near: Vec<&CueHit> = obs
        .cues
        .iter()
        .filter(|h| is_modifier(h.cue))
        // Where the family is not named, only the title's words describe the
        // data; the rest of an abstract describes the problem ("occlusions").
        .filter(|h| {
            let sentence = sentence_of(obs.sentences, h.span.0);
            if group_sentences.is_empty() {
                sentence == 0 && obs.sentences.len() > 1
            } else {
                group_sentences.contains(&sentence)
            }
        })
        .collect();
    let has = |x: usize, cue: Cue| entries[x].cues.iter().any(|c| related(c.cue, cue));
    let mut seen: Vec<Cue> = Vec::new();
    for hit in &near {
        // One verdict per group of related cues ("age, gender and ethnicity").
        if seen.iter().any(|&c| related(c, hit.cue)) {
            continue;
        }
        seen.push(hit.cue);
        let written = obs.text[hit.span.0..hit.span.1].to_string();
        if has(m, hit.cue) {
            t.add(
                ReasonKind::CueFits {
                    cue: hit.cue,
                    written,
                },
                Some(hit.span),
                CUE_FITS,
            );
        } else if members.iter().any(|&x| has(x, hit.cue)) {
            t.add(
                ReasonKind::CueMissing {
                    cue: hit.cue,
                    written,
                },
                Some(hit.span),
                CUE_MISSING,
            );
        }
    }
    if members.len() > 1 {
        for c in e.cues.iter().map(|c| c.cue).filter(|&c| is_modifier(c)) {
            if !near.iter().any(|h| related(h.cue, c)) && !t.reasons.iter().any(|r| matches!(r.kind, ReasonKind::VariantNotDescribed { cue } if related(cue, c))) {
                t.add(ReasonKind::VariantNotDescribed { cue: c }, None, VARIANT_UNDESCRIBED);
            }
        }
        let group_tasks = &facts.tasks;
        let mine: FastSet<Cue> = e
            .cues
            .iter()
            .map(|c| c.cue)
            .filter(|&c| is_task(c))
            .collect();
        if let Some(hit) = obs
            .cues
            .iter()
            .find(|h| is_task(h.cue) && group_tasks.iter().any(|&g| related(g, h.cue)))
        {
            let written = obs.text[hit.span.0..hit.span.1].to_string();
            if mine.iter().any(|&c| related(c, hit.cue)) {
                t.add(
                    ReasonKind::TaskFits {
                        cue: hit.cue,
                        written,
                    },
                    Some(hit.span),
                    MEMBER_TASK_FITS,
                );
            } else {
                t.add(
                    ReasonKind::CueMissing {
                        cue: hit.cue,
                        written,
                    },
                    Some(hit.span),
                    MEMBER_TASK_MISSING,
                );
            }
        }
        // The tie-breaker (not for a root whose derivative's own paper is
        // cited: that citation says which version it is).
        let popular = e
            .study
            .as_ref()
            .and_then(|s| s.documented_uses)
            .filter(|&u| u > 0);
        if let Some(uses) = popular.filter(|_| !(is_root(entries, members, m) && derivative_cited))
        {
            let weight = POPULARITY * f64::from(uses).ln_1p();
            t.add(ReasonKind::MostUsed { uses }, None, weight);
        }
    }
    // Cue words single out a version only where the text names the family;
    // in a text that merely cites it they describe the paper's own work.
    // The task singles out a version when the family's root does not serve
    // it (DukeMTMC is for tracking; a re-ID paper means a re-ID version).

    let root_lacks_task = facts.root_lacks_task;
    let specific = t.reasons.iter().any(|r| {
        r.weight > 0.0
            && match r.kind {
                ReasonKind::Named { .. }
                | ReasonKind::CitesPaper { .. }
                | ReasonKind::MarkerResolves { .. }
                | ReasonKind::StatisticFits { .. } => true,
                ReasonKind::CueFits { .. } => true,
                ReasonKind::TaskFits { .. } => root_lacks_task,
                _ => false,
            }
    });
    Scored {
        entry: m,
        score: t.score,
        reasons: t.reasons,
        specific,
    }
}

/// Whether `x` is a root of the group (no parent among its members).
fn is_root(entries: &[Entry], members: &[usize], x: usize) -> bool {
    entries[x]
        .parent
        .as_deref()
        .is_none_or(|p| !members.iter().any(|&y| entries[y].id == p))
}

/// Whether the group's root is not documented for the paper's task, while
/// some other member is.
fn root_lacks_text_task(obs: &Observations<'_>, members: &[usize], entries: &[Entry]) -> bool {
    let is_root = |x: usize| {
        entries[x]
            .parent
            .as_deref()
            .is_none_or(|p| !members.iter().any(|&y| entries[y].id == p))
    };
    let serves = |x: usize, cue: Cue| entries[x].cues.iter().any(|c| related(c.cue, cue));
    obs.cues.iter().filter(|h| is_task(h.cue)).any(|h| {
        members.iter().any(|&x| serves(x, h.cue))
            && members
                .iter()
                .filter(|&&x| is_root(x))
                .all(|&x| !serves(x, h.cue))
    })
}

/// Whether a claim's split (if any) is the statistic's, for conflicts: a
/// count only contradicts a number it is clearly about.
fn claim_split_matches(c: &Claim, s: &crate::registry::Statistic) -> bool {
    c.split.is_none_or(|split| split == s.split)
}

/// What to write to settle an ambiguity among `open`.
fn settle_text(obs: &Observations<'_>, open: &[&Entry]) -> String {
    let names: Vec<&str> = open.iter().map(|e| e.name.as_str()).collect();
    // The modifier the text used, if every candidate shares it ("cleaned").
    let adjective = obs
        .cues
        .iter()
        .filter(|h| is_modifier(h.cue))
        .find(|h| {
            open.iter()
                .all(|e| e.cues.iter().any(|c| related(c.cue, h.cue)))
        })
        .map(|h| format!("{} ", super::report::cue_words(h.cue)));
    let mut text = format!(
        "Name the {}version used ({}) and cite its own paper",
        adjective.unwrap_or_default(),
        names.join(" / ")
    );
    let counts: Vec<String> = open
        .iter()
        .filter_map(|e| {
            let get = |q: Quantity| {
                e.statistics
                    .iter()
                    .find(|s| s.quantity == q && s.split == crate::registry::Split::Total)
                    .map(|s| s.value)
            };
            match (get(Quantity::Images), get(Quantity::Identities)) {
                (Some(i), Some(p)) => Some(format!(
                    "{}: {} images of {} identities",
                    e.name,
                    thousands(i),
                    thousands(p)
                )),
                (Some(i), None) => Some(format!("{}: {} images", e.name, thousands(i))),
                _ => None,
            }
        })
        .collect();
    if counts.len() >= 2 {
        text.push_str(&format!(
            ", or give its image and identity counts ({})",
            counts.join("; ")
        ));
    }
    text.push('.');
    text
}

/// The reasons of both stages, one per kind and place (their weights
/// added), strongest first.
fn merge_reasons(all: impl Iterator<Item = Reason>) -> Vec<Reason> {
    let mut merged: Vec<Reason> = Vec::new();
    let mut index: FastMap<(String, Option<(usize, usize)>), usize> = FastMap::default();
    for r in all {
        match index.entry((r.kind.to_string(), r.span)) {
            std::collections::hash_map::Entry::Occupied(i) => merged[*i.get()].weight += r.weight,
            std::collections::hash_map::Entry::Vacant(v) => {
                v.insert(merged.len());
                merged.push(r);
            }
        }
    }
    merged.sort_by(|a, b| b.weight.abs().total_cmp(&a.weight.abs()));
    merged
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}
