//! Stage one's evidence: does the text use this group at all?
//!
//! A reader asks: is it named, and does its sentence say it is used? Is its
//! paper cited, and how often does citing that paper mean using it (the
//! study measured this)? Do counts about it match? Is the paper about the
//! task the data serves, and does it report experiments?

use crate::text::hash::FastSet;

use super::super::cues::{is_task, related};
use super::super::model::features::UseFeature as F;
use super::super::relations::Relation;
use super::super::report::{CitationRate, ReasonKind};
use super::super::statistics::{Fit, best_fit, distinctive};
use super::super::structure::SectionKind;
use super::context::{Context, MentionInfo};
use super::{GroupNames, GroupRole, Item, introduces, models, short_citation};
use crate::registry::{Cue, Entry, EntryKind, PaperRole, Quantity};

/// At most this many counts of one kind count as evidence (a table that
/// repeats a count adds nothing). A whole paper gives a dataset's train,
/// query, gallery, camera and total counts: six, where an abstract gives
/// one or two. Raising the cap from 3 to 6 left every cross-validated
/// figure unchanged and let a paper's full set of counts speak.
pub(crate) const MAX_COUNTS: usize = 6;

/// How strongly one mention says the group is used, best first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum NameUse {
    Used,
    Described,
    Table,
    Heading,
    Title,
    UseSentence,
    Plain,
    Contrast,
}

fn name_use(m: &MentionInfo) -> NameUse {
    match m.relation {
        Relation::Used(_) => NameUse::Used,
        Relation::Described(_) => NameUse::Described,
        _ if m.in_table => NameUse::Table,
        _ if m.in_heading => NameUse::Heading,
        _ if m.in_title => NameUse::Title,
        Relation::Contrast(_) => NameUse::Contrast,
        _ if m.use_words.is_some() => NameUse::UseSentence,
        _ => NameUse::Plain,
    }
}

/// The evidence that the group `members` is used, and in what role.
pub(super) fn evidence(
    ctx: &Context<'_>,
    members: &[usize],
    is_model: bool,
    names: &GroupNames,
) -> (Vec<Item>, GroupRole) {
    let entries = ctx.analyzer.registry.entries();
    let mut items = vec![Item::use_item(F::Bias, 1.0, ReasonKind::Prior, None)];
    if is_model {
        items.push(Item::use_item(
            F::IsModel,
            1.0,
            ReasonKind::ModelPrior,
            None,
        ));
    } else {
        citation(ctx, members, names, &mut items);
    }

    // Names.
    let named = !names.mentions.is_empty();
    let mut best: Option<(NameUse, usize)> = None;
    if is_model {
        items.extend(models::evidence(ctx, members, names));
    } else {
        for &i in &names.mentions {
            let u = name_use(&ctx.mentions[i]);
            if best.is_none_or(|(b, _)| u < b) {
                best = Some((u, i));
            }
        }
        if let Some((u, i)) = best {
            items.push(name_item(ctx, u, &ctx.mentions[i]));
            if ctx.mentions[i].raw.fuzzy {
                let written = ctx.words(ctx.mentions[i].raw.span);
                let name = ctx.mentions[i]
                    .raw
                    .owners
                    .iter()
                    .find(|o| members.contains(&o.entry))
                    .map(|o| o.written.to_string())
                    .unwrap_or_default();
                items.push(Item::use_item(
                    F::NamedNearly,
                    1.0,
                    ReasonKind::NamedNearly { written, name },
                    Some(ctx.mentions[i].raw.span),
                ));
            }
        }
    }
    if named {
        let n = names.sentences.len();
        if n >= 2 {
            items.push(Item::use_item(
                F::NameRepeats,
                (n as f64).ln(),
                ReasonKind::NamedRepeatedly { sentences: n },
                None,
            ));
        }
        let away = names.mentions.iter().all(|&i| {
            matches!(
                ctx.mentions[i].section,
                SectionKind::RelatedWork | SectionKind::Introduction | SectionKind::Closing
            )
        });
        if ctx.structured && away {
            let m = &ctx.mentions[names.mentions[0]];
            items.push(Item::use_item(
                F::NamedInRelatedWork,
                1.0,
                ReasonKind::NamedInRelatedWork {
                    written: ctx.words(m.raw.span),
                },
                Some(m.raw.span),
            ));
        }
    }

    // Counts about it.
    let mut exact = 0;
    if !is_model {
        exact = counts(ctx, members, names, &mut items);
    }

    // The task and the kind of text.
    if !is_model {
        task(ctx, members, named, exact > 0, &mut items);
    }
    if let Some(span) = ctx.experiments {
        items.push(Item::use_item(
            F::Experiments,
            1.0,
            ReasonKind::Experiments {
                words: ctx.words(span),
            },
            Some(span),
        ));
    }
    if !is_model && let Some(span) = ctx.proposes_method {
        items.push(Item::use_item(
            F::ProposesMethod,
            1.0,
            ReasonKind::ProposesMethod {
                words: ctx.words(span),
            },
            Some(span),
        ));
    }
    if !is_model && let Some(span) = ctx.generative {
        items.push(Item::use_item(
            F::Generative,
            1.0,
            ReasonKind::Generative {
                words: ctx.words(span),
            },
            Some(span),
        ));
    }
    if let Some(span) = ctx.ethics {
        items.push(Item::use_item(
            F::DatasetEthics,
            1.0,
            ReasonKind::DatasetEthics {
                words: ctx.words(span),
            },
            Some(span),
        ));
    }
    if !named
        && !is_model
        && let Some(span) = ctx.benchmarks_unnamed
    {
        items.push(Item::use_item(
            F::BenchmarksUnnamed,
            1.0,
            ReasonKind::BenchmarksUnnamed {
                words: ctx.words(span),
            },
            Some(span),
        ));
    }
    if let Some(span) = ctx.discussion {
        items.push(Item::use_item(
            F::Discussion,
            1.0,
            ReasonKind::Discussion {
                words: ctx.words(span),
            },
            Some(span),
        ));
    }
    let _ = entries;
    let role = match best {
        Some((NameUse::Described, _)) => GroupRole::Described,
        Some((u, _)) if u > NameUse::Used && exact >= 2 => GroupRole::Described,
        None if !is_model && exact >= 1 && ctx.experiments.is_none() => GroupRole::Described,
        _ => GroupRole::Used,
    };
    (items, role)
}

/// The one name item for the best mention.
fn name_item(ctx: &Context<'_>, u: NameUse, m: &MentionInfo) -> Item {
    let written = ctx.words(m.raw.span);
    let span = Some(m.raw.span);
    let relation_words = |r: Relation| match r {
        Relation::Used(s)
        | Relation::Described(s)
        | Relation::Provenance(s)
        | Relation::Contrast(s) => Some(s),
        Relation::Plain => None,
    };
    let words_of = |s: Option<(usize, usize)>| s.map(|s| ctx.words(s)).unwrap_or_default();
    match u {
        NameUse::Used => {
            let w = relation_words(m.relation);
            Item::use_item(
                F::NamedUsed,
                1.0,
                ReasonKind::NamedUsed {
                    written,
                    words: words_of(w),
                },
                w.or(span),
            )
        }
        NameUse::Described => {
            let w = relation_words(m.relation);
            Item::use_item(
                F::NamedDescribed,
                1.0,
                ReasonKind::NamedDescribed {
                    written,
                    words: words_of(w),
                },
                span,
            )
        }
        NameUse::Table => Item::use_item(
            F::NamedInTable,
            1.0,
            ReasonKind::NamedInTable { written },
            span,
        ),
        NameUse::Heading => Item::use_item(
            F::NamedInHeading,
            1.0,
            ReasonKind::NamedInHeading { written },
            span,
        ),
        NameUse::Title => Item::use_item(
            F::NamedInTitle,
            1.0,
            ReasonKind::NamedInTitle { written },
            span,
        ),
        NameUse::UseSentence => Item::use_item(
            F::NamedInUseSentence,
            1.0,
            ReasonKind::NamedInUseSentence {
                written,
                words: words_of(m.use_words),
            },
            m.use_words,
        ),
        NameUse::Plain => Item::use_item(
            F::NamedOnly,
            1.0,
            ReasonKind::OnlyMentioned { written },
            span,
        ),
        NameUse::Contrast => Item::use_item(
            F::NamedInContrast,
            1.0,
            ReasonKind::NamedInContrast {
                written,
                words: words_of(relation_words(m.relation)),
            },
            span,
        ),
    }
}

/// The citation prior: the best rate of use among papers citing a cited
/// member's paper, unless another entry the text names explains the
/// citation (CelebA for the paper LFWA shares with it).
fn citation(ctx: &Context<'_>, members: &[usize], names: &GroupNames, items: &mut Vec<Item>) {
    let entries = ctx.analyzer.registry.entries();
    let mut best: Option<(f64, usize, &str, Option<CitationRate>)> = None;
    let mut shared: Option<usize> = None;
    for p in &ctx.cited {
        for &m in p.entries.iter().filter(|e| members.contains(e)) {
            if !introduces(&entries[m], &p.source) {
                continue;
            }
            let explained_by = p
                .entries
                .iter()
                .find(|&&o| !members.contains(&o) && ctx.named.contains(&o));
            if let Some(&other) = explained_by {
                shared = Some(other);
                continue;
            }
            // A measured rate for this paper (any entry it introduced that
            // the study sampled) beats the default for unsampled ones.
            let measured = p
                .entries
                .iter()
                .any(|&x| introduces(&entries[x], &p.source) && sampled(&entries[x]));
            if measured && !sampled(&entries[m]) {
                continue;
            }
            let (rate, shown) = group_citation_rate(ctx, members, m);
            let lo = log_odds(rate);
            if best.as_ref().is_none_or(|(b, ..)| lo > *b) {
                best = Some((lo, m, p.source.as_str(), shown));
            }
        }
    }
    match best {
        Some((lo, m, source, rate)) => {
            // The citation, weighed by its measured rate; a marker beside
            // the name that points to the paper is where it shows in the text.
            let marker = marker_to(ctx, names, source);
            items.push(Item::use_item(
                F::CitedRate,
                lo,
                cites(ctx, &entries[m], source, rate, marker.map(|s| ctx.words(s))),
                marker,
            ));
        }
        None => {
            if let Some(other) = shared {
                items.push(Item::use_item(
                    F::SharedPaper,
                    1.0,
                    ReasonKind::SharedPaper {
                        other: entries[other].name.clone(),
                    },
                    None,
                ));
            }
        }
    }
}

/// A marker in a sentence naming the group that points to the paper `source`.
pub(super) fn marker_to(
    ctx: &Context<'_>,
    names: &GroupNames,
    source: &str,
) -> Option<(usize, usize)> {
    ctx.markers
        .iter()
        .find(|(mk, ps)| {
            ps.iter().any(|p| p.source == source)
                && names
                    .sentences
                    .contains(&crate::text::sentences::sentence_of(
                        &ctx.sentences,
                        mk.span.0,
                    ))
        })
        .map(|(mk, _)| mk.span)
}

pub(super) fn cites(
    ctx: &Context<'_>,
    e: &Entry,
    source: &str,
    rate: Option<CitationRate>,
    marker: Option<String>,
) -> ReasonKind {
    let role = e
        .papers
        .iter()
        .find(|p| p.source == source)
        .map_or("associated", |p| match p.role {
            PaperRole::Associated => "associated",
            PaperRole::Requested => "requested",
            PaperRole::Related => "related",
        });
    ReasonKind::CitesPaper {
        paper: short_citation(ctx.analyzer, source),
        role,
        rate,
        marker,
    }
}

fn sampled(e: &Entry) -> bool {
    e.study.as_ref().is_some_and(|s| s.assoc_paper_sampled)
}

/// The study's rate of use among papers citing member `m`'s paper, counting
/// uses of `m`'s derivatives that cite it too (DukeMTMC-reID users citing
/// DukeMTMC's paper) where they serve the text's task. Laplace's rule keeps
/// small samples honest. `None` for entries the study did not sample.
fn group_citation_rate(
    ctx: &Context<'_>,
    members: &[usize],
    m: usize,
) -> (f64, Option<CitationRate>) {
    let entries = ctx.analyzer.registry.entries();
    let e = &entries[m];
    let Some(s) = e.study.as_ref().filter(|s| s.assoc_paper_sampled) else {
        return (DEFAULT_CITATION_RATE, None);
    };
    let serves_text_task = |x: usize| {
        ctx.cues
            .iter()
            .any(|h| is_task(h.cue) && entries[x].cues.iter().any(|c| related(c.cue, h.cue)))
    };
    let derived: u32 = members
        .iter()
        .filter(|&&x| entries[x].parent.as_deref() == Some(e.id.as_str()) && serves_text_task(x))
        .filter_map(|&x| {
            entries[x]
                .study
                .as_ref()
                .and_then(|s| s.documented_uses_citing_parent_paper)
        })
        .sum();
    let sampled = s.papers_sampled.unwrap_or(0);
    let uses = (s.documented_uses_citing_assoc_paper.unwrap_or(0) + derived).min(sampled);
    let rate = (f64::from(uses) + 1.0) / (f64::from(sampled) + 2.0);
    (
        rate,
        Some(CitationRate {
            uses,
            sampled,
            derived,
        }),
    )
}

/// Rate of use among citing papers assumed for entries the study did not
/// sample; only its log-odds' sign matters, since `cited_unsampled` is its
/// own fitted feature.
const DEFAULT_CITATION_RATE: f64 = 0.3;

/// Probability to log-odds, clamped away from 0 and 1.
fn log_odds(p: f64) -> f64 {
    let p = p.clamp(0.01, 0.99);
    (p / (1.0 - p)).ln()
}

/// Counts about the group that fit a member; returns how many fit exactly.
fn counts(
    ctx: &Context<'_>,
    members: &[usize],
    names: &GroupNames,
    items: &mut Vec<Item>,
) -> usize {
    let entries = ctx.analyzer.registry.entries();
    let mut seen: FastSet<(Quantity, u64)> = FastSet::default();
    let (mut exact, mut approx) = (0usize, 0usize);
    for (c, about) in &ctx.claims {
        let ours = match about {
            Some(i) => names.mentions.binary_search(i).is_ok(),
            None => distinctive(c),
        };
        if !ours || !seen.insert((c.quantity, c.value.to_bits())) {
            continue;
        }
        let best = members
            .iter()
            .filter_map(|&m| best_fit(c, &entries[m]))
            .min_by_key(|(f, _)| *f);
        let Some((f, s)) = best else {
            continue;
        };
        let (feature, n) = if f == Fit::Exact {
            (F::StatExact, &mut exact)
        } else {
            (F::StatApprox, &mut approx)
        };
        if *n >= MAX_COUNTS {
            continue;
        }
        *n += 1;
        items.push(Item::use_item(
            feature,
            1.0,
            ReasonKind::StatisticFits {
                written: ctx.words(c.span),
                quantity: s.quantity,
                split: s.split,
                value: s.value,
                exact: f == Fit::Exact,
            },
            Some(c.span),
        ));
    }
    exact
}

/// The paper's task against the group's.
fn task(ctx: &Context<'_>, members: &[usize], named: bool, counted: bool, items: &mut Vec<Item>) {
    let entries = ctx.analyzer.registry.entries();
    let group_tasks: FastSet<Cue> = members
        .iter()
        .flat_map(|&m| entries[m].cues.iter().map(|c| c.cue))
        .filter(|&c| is_task(c))
        .collect();
    if group_tasks.is_empty() {
        return;
    }
    let fits = ctx
        .cues
        .iter()
        .find(|h| is_task(h.cue) && group_tasks.iter().any(|&g| related(g, h.cue)));
    if let Some(hit) = fits {
        items.push(Item::use_item(
            F::TaskFits,
            1.0,
            ReasonKind::TaskFits {
                cue: hit.cue,
                written: ctx.words(hit.span),
            },
            Some(hit.span),
        ));
    }
    // For a text that neither names it nor gives its counts: a paper on
    // another task, or outside the data's domain, cites it as background.
    if named || counted {
        return;
    }
    if fits.is_none()
        && let Some(hit) = ctx.cues.iter().find(|h| is_task(h.cue))
    {
        items.push(Item::use_item(
            F::TaskOther,
            1.0,
            ReasonKind::OtherTask {
                cue: hit.cue,
                written: ctx.words(hit.span),
            },
            Some(hit.span),
        ));
    }
    let domain_count: usize = group_tasks
        .iter()
        .filter_map(|t| ctx.domains.get(t))
        .sum::<usize>();
    if domain_count == 0 {
        if fits.is_none() {
            items.push(Item::use_item(
                F::OffDomain,
                1.0,
                ReasonKind::OffDomain,
                None,
            ));
        }
    } else {
        items.push(Item::use_item(
            F::DomainWeight,
            (domain_count as f64).ln_1p(),
            ReasonKind::DomainWeight {
                times: domain_count,
            },
            None,
        ));
    }
    // Other datasets for the same task named in use, none of this group
    // (not for training-scale sets, which papers rarely name).
    let training_scale = members
        .iter()
        .any(|&m| entries[m].cues.iter().any(|c| c.cue == Cue::LargeScale));
    if training_scale {
        return;
    }
    let other = ctx.mentions.iter().find(|m| {
        m.raw.owners.iter().all(|o| !members.contains(&o.entry))
            && !matches!(m.relation, Relation::Contrast(_) | Relation::Provenance(_))
            && m.raw.owners.iter().any(|o| {
                let e = &entries[o.entry];
                e.kind == EntryKind::Dataset
                    && e.cues
                        .iter()
                        .any(|c| is_task(c.cue) && group_tasks.iter().any(|&g| related(g, c.cue)))
            })
    });
    if let Some(m) = other {
        items.push(Item::use_item(
            F::OthersNamed,
            1.0,
            ReasonKind::OthersNamed {
                written: ctx.words(m.raw.span),
            },
            Some(m.raw.span),
        ));
    }
}
