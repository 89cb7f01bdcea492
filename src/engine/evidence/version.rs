//! Stage two's evidence: is this member the version the text uses?
//!
//! Evidence here must tell relatives apart: a version's own name (the
//! original's name is used for every version), its own paper (users of a
//! derivative cite the original too), counts that fit it and not its
//! relatives, descriptive words near the names ("aligned", "cleaned"), the
//! task (DukeMTMC is for tracking; a re-ID paper means a re-ID version),
//! and, as a prior, how often the study found it used.

use crate::text::hash::FastSet;

use super::super::cues::{CueHit, is_modifier, is_task, related};
use super::super::model::features::VersionFeature as F;
use super::super::relations::Relation;
use super::super::report::{ReasonKind, thousands};
use super::super::statistics::{Fit, best_fit};
use super::context::Context;
use super::group_use::MAX_COUNTS;
use super::{GroupNames, Item, introduces, is_root, short_citation};
use crate::registry::{Cue, Quantity};
use crate::text::sentences::sentence_of;

/// The evidence that member `m` of the group `members` is the version used,
/// and, for an original whose own name the text writes where it says it is
/// used, that item apart: the original's name stands for every version,
/// so it counts as a version named in use only beside another
/// (`evidence::gather` adds it then: "LFW and its BLUFR protocol").
pub(super) fn evidence(
    ctx: &Context<'_>,
    members: &[usize],
    m: usize,
    names: &GroupNames,
    group: &GroupCues<'_>,
) -> (Vec<Item>, Option<Item>) {
    let entries = ctx.analyzer.registry.entries();
    let e = &entries[m];
    let root = is_root(entries, members, m);
    let has_versions = members
        .iter()
        .any(|&x| entries[x].parent.as_deref() == Some(e.id.as_str()));
    let mut items = Vec::new();
    if root {
        items.push(Item::version_item(
            F::IsOriginal,
            1.0,
            ReasonKind::IsOriginal,
            None,
        ));
    }

    // Names.
    let mut own: Option<Item> = None;
    let mut own_used: Option<Item> = None;
    let mut original_used: Option<Item> = None;
    let mut original: Option<Item> = None;
    let mut shared: Option<Item> = None;
    let mut version_of: Option<Item> = None;
    let mut relative: Option<Item> = None;
    let mut own_mentions = 0;
    let mut own_as_source = 0;
    for &i in &names.mentions {
        let mention = &ctx.mentions[i];
        let span = Some(mention.raw.span);
        // Quoted only by the reasons this mention makes, once per family
        // rather than once per member.
        let written = || ctx.words(mention.raw.span);
        // The family's owners of this name: whether `m` is one, how many
        // (counted as the owner list holds them) and the first.
        let mut here = mention
            .raw
            .owners
            .iter()
            .map(|o| o.entry)
            .filter(|x| members.contains(x));
        let first_here = here.next();
        let only_here = first_here.filter(|_| here.next().is_none());
        let names_m = mention.raw.owners.iter().any(|o| o.entry == m) && members.contains(&m);
        if names_m {
            own_mentions += 1;
            if matches!(mention.relation, Relation::Provenance(_)) {
                own_as_source += 1;
            }
        }
        if only_here == Some(m) {
            // Named where the text says it is used or describes it, or
            // listed in a table or a heading of its own.
            let how = match mention.relation {
                Relation::Used(w) | Relation::Described(w) => Some(w),
                _ if mention.in_table || mention.in_heading => Some(mention.raw.span),
                _ => None,
            };
            let used_item = |w: (usize, usize)| {
                Item::version_item(
                    F::OwnNameUsed,
                    1.0,
                    ReasonKind::OwnNameUsed {
                        written: written(),
                        words: ctx.words(w),
                    },
                    Some(w),
                )
            };
            if has_versions {
                original.get_or_insert_with(|| {
                    Item::version_item(
                        F::OriginalNamed,
                        1.0,
                        ReasonKind::OriginalNamed { written: written() },
                        span,
                    )
                });
                if original_used.is_none() {
                    original_used = how.map(used_item);
                }
            } else {
                own.get_or_insert_with(|| {
                    Item::version_item(
                        F::OwnName,
                        1.0,
                        ReasonKind::Named { written: written() },
                        span,
                    )
                });
                if own_used.is_none() {
                    own_used = how.map(used_item);
                }
            }
        } else if names_m {
            shared.get_or_insert_with(|| {
                Item::version_item(
                    F::SharedName,
                    1.0,
                    ReasonKind::SharedName { written: written() },
                    span,
                )
            });
        } else if let Some(only) = only_here {
            // Another member's name: the original's (which may mean this
            // version), or a relative's own.
            let ancestor = is_ancestor(entries, members, only, m);
            if ancestor {
                version_of.get_or_insert_with(|| {
                    Item::version_item(
                        F::VersionOfNamed,
                        1.0,
                        ReasonKind::VersionOfNamed {
                            written: written(),
                            original: entries[only].name.clone(),
                        },
                        span,
                    )
                });
            } else {
                relative.get_or_insert_with(|| {
                    Item::version_item(
                        F::RelativeNamed,
                        1.0,
                        ReasonKind::NamedRelative {
                            written: written(),
                            relative: entries[only].name.clone(),
                        },
                        span,
                    )
                });
            }
        }
    }
    let named_itself = own.is_some() || original.is_some() || shared.is_some();
    items.extend(own);
    items.extend(own_used);
    items.extend(original);
    items.extend(shared);
    if !named_itself {
        items.extend(version_of);
        items.extend(relative);
    }
    if own_mentions > 0 && own_as_source == own_mentions {
        let first = names.mentions.iter().map(|&i| &ctx.mentions[i]).find(|x| {
            matches!(x.relation, Relation::Provenance(_))
                && x.raw.owners.iter().any(|o| o.entry == m)
        });
        if let Some(x) = first
            && let Relation::Provenance(w) = x.relation
        {
            items.push(Item::version_item(
                F::NamedAsSource,
                1.0,
                ReasonKind::NamedAsSource {
                    written: ctx.words(x.raw.span),
                    words: ctx.words(w),
                },
                Some(w),
            ));
        }
    }

    // Its own paper; for the original, a version's paper. In a whole paper
    // with its own reference list, a citation never made beside the
    // family's names (an attribute paper cited in Related Work) says
    // nothing about which version the experiments use; a list given on
    // its own (the study's "cites" columns) cannot say where it was made,
    // so there every citation counts.
    let placed = |source: &str| {
        ctx.own_references == 0 || super::group_use::marker_to(ctx, names, source).is_some()
    };
    let own_paper = |x: usize| {
        ctx.cited.iter().filter(|p| placed(&p.source)).find(|p| {
            introduces(&entries[x], &p.source)
                && p.entries
                    .iter()
                    .filter(|&&y| members.contains(&y) && introduces(&entries[y], &p.source))
                    .count()
                    == 1
        })
    };
    let version_cited = members
        .iter()
        .find(|&&x| x != m && !is_root(entries, members, x) && own_paper(x).is_some());
    if let Some(p) = own_paper(m)
        && !(root && version_cited.is_some())
    {
        let marker = super::group_use::marker_to(ctx, names, &p.source);
        items.push(Item::version_item(
            F::OwnPaper,
            1.0,
            super::group_use::cites(ctx, e, &p.source, None, marker.map(|s| ctx.words(s))),
            marker,
        ));
    }
    if root && let Some(&x) = version_cited {
        let p = own_paper(x)
            .map(|p| short_citation(ctx.analyzer, &p.source))
            .unwrap_or_default();
        items.push(Item::version_item(
            F::VersionPaperCited,
            1.0,
            ReasonKind::VersionPaperCited {
                paper: p,
                version: entries[x].name.clone(),
            },
            None,
        ));
    }
    if !root
        && own_paper(m).is_none()
        && let Some(&o) = members
            .iter()
            .find(|&&x| x != m && is_ancestor(entries, members, x, m) && own_paper(x).is_some())
    {
        let p = own_paper(o)
            .map(|p| short_citation(ctx.analyzer, &p.source))
            .unwrap_or_default();
        items.push(Item::version_item(
            F::OriginalPaperCited,
            1.0,
            ReasonKind::OriginalPaperCited {
                paper: p,
                original: entries[o].name.clone(),
            },
            None,
        ));
    }
    counts(ctx, members, m, names, &mut items);
    cues(ctx, members, m, group, &mut items);

    // The prior: the study's documented uses, among papers
    // of the version's own task. Where the text works on a task of the
    // family that this version does not serve (a tracking paper and
    // DukeMTMC-reID), those uses say nothing about this text.
    let off_task =
        !group.text_tasks.is_empty() && !group.text_tasks.iter().any(|&c| serves(entries, m, c));
    if let Some(uses) = e
        .study
        .as_ref()
        .and_then(|s| s.documented_uses)
        .filter(|&u| u > 0 && !off_task)
    {
        items.push(Item::version_item(
            F::Popularity,
            f64::from(uses).ln_1p(),
            ReasonKind::MostUsed { uses },
            None,
        ));
    }
    (items, original_used)
}

/// Whether `a` is an ancestor of `x` within the group.
fn is_ancestor(entries: &[crate::registry::Entry], members: &[usize], a: usize, x: usize) -> bool {
    let mut current = x;
    for _ in 0..members.len() {
        let Some(parent) = entries[current].parent.as_deref() else {
            return false;
        };
        let Some(&p) = members.iter().find(|&&y| entries[y].id == parent) else {
            return false;
        };
        if p == a {
            return true;
        }
        current = p;
    }
    false
}

/// Counts about the group that fit, or contradict, this member.
fn counts(
    ctx: &Context<'_>,
    members: &[usize],
    m: usize,
    names: &GroupNames,
    items: &mut Vec<Item>,
) {
    let entries = ctx.analyzer.registry.entries();
    let e = &entries[m];
    let mut seen: FastSet<(Quantity, u64)> = FastSet::default();
    let (mut exact, mut approx, mut conflict) = (0usize, 0usize, 0usize);
    for (c, about) in &ctx.claims {
        let ours = match about {
            Some(i) => names.mentions.binary_search(i).is_ok(),
            None => super::super::statistics::distinctive(c),
        };
        if !ours || !seen.insert((c.quantity, c.value.to_bits())) {
            continue;
        }
        let written = ctx.words(c.span);
        let best = best_fit(c, e);
        match best {
            Some((f, s)) => {
                let (feature, n) = if f == Fit::Exact {
                    let feature = if super::super::statistics::distinctive(c) {
                        F::StatExactDistinctive
                    } else {
                        F::StatExact
                    };
                    (feature, &mut exact)
                } else {
                    (F::StatApprox, &mut approx)
                };
                if *n < MAX_COUNTS {
                    *n += 1;
                    items.push(Item::version_item(
                        feature,
                        1.0,
                        ReasonKind::StatisticFits {
                            written,
                            quantity: s.quantity,
                            split: s.split,
                            value: s.value,
                            exact: f == Fit::Exact,
                        },
                        Some(c.span),
                    ));
                }
            }
            None => {
                // A count contradicts it only where it records that quantity
                // for the split the text names, and a relative fits it.
                let same: Vec<u64> = e
                    .statistics
                    .iter()
                    .filter(|s| {
                        super::super::statistics::same_quantity(c.quantity, s.quantity)
                            && c.split.is_none_or(|split| split == s.split)
                    })
                    .map(|s| s.value)
                    .collect();
                let relative_fits = members.iter().any(|&x| best_fit(c, &entries[x]).is_some());
                if !same.is_empty() && relative_fits && conflict < MAX_COUNTS {
                    conflict += 1;
                    let values = same
                        .iter()
                        .map(|v| thousands(*v))
                        .collect::<Vec<_>>()
                        .join(", ");
                    items.push(Item::version_item(
                        F::StatConflict,
                        1.0,
                        ReasonKind::StatisticConflicts {
                            written,
                            quantity: c.quantity,
                            values,
                        },
                        Some(c.span),
                    ));
                }
            }
        }
    }
}

/// How a cue reads when it fits a member, and when it is a relative's.
type CueKinds = (fn(Cue, String) -> ReasonKind, fn(Cue, String) -> ReasonKind);

/// Whether entry `x` serves `cue` (has it, or a cue that stands for it).
fn serves(entries: &[crate::registry::Entry], x: usize, cue: Cue) -> bool {
    entries[x].cues.iter().any(|c| related(c.cue, cue))
}

/// What the text's descriptive words and tasks say of a whole group: the
/// same for each of its members, so read once per group rather than once
/// per member (each read walks every cue word of the text).
pub(super) struct GroupCues<'c> {
    /// Descriptive words near the group's names (in the title, where the
    /// text does not name it).
    near: Vec<&'c CueHit>,
    /// Descriptive words elsewhere.
    elsewhere: Vec<&'c CueHit>,
    /// The tasks the text works on that some member serves, once each.
    text_tasks: Vec<Cue>,
    /// The first word of the text that names one of the group's tasks.
    task: Option<&'c CueHit>,
    /// The descriptive cues the text has anywhere, once each.
    modifiers: Vec<Cue>,
}

impl<'c> GroupCues<'c> {
    pub(super) fn read(ctx: &'c Context<'_>, members: &[usize], names: &'c GroupNames) -> Self {
        let entries = ctx.analyzer.registry.entries();
        let title_sentence: FastSet<usize> = ctx
            .structure
            .title
            .map(|(s, _)| sentence_of(&ctx.sentences, s))
            .into_iter()
            .collect();
        let near_sentences = if names.sentences.is_empty() {
            &title_sentence
        } else {
            &names.sentences
        };
        let near: Vec<&CueHit> = ctx
            .modifiers_near(near_sentences, &names.mentions)
            .collect();
        let elsewhere: Vec<&CueHit> = ctx
            .cues
            .iter()
            .filter(|h| {
                is_modifier(h.cue)
                    && !near_sentences.contains(&sentence_of(&ctx.sentences, h.span.0))
            })
            .collect();
        let mut text_tasks: Vec<Cue> = Vec::new();
        let mut modifiers: Vec<Cue> = Vec::new();
        for h in &ctx.cues {
            let c = h.cue;
            if is_modifier(c) && !modifiers.contains(&c) {
                modifiers.push(c);
            }
            if is_task(c)
                && !text_tasks.contains(&c)
                && members.iter().any(|&x| serves(entries, x, c))
            {
                text_tasks.push(c);
            }
        }
        let group_tasks: FastSet<Cue> = members
            .iter()
            .flat_map(|&x| entries[x].cues.iter().map(|c| c.cue))
            .filter(|&c| is_task(c))
            .collect();
        let task = ctx
            .cues
            .iter()
            .find(|h| is_task(h.cue) && group_tasks.iter().any(|&g| related(g, h.cue)));
        GroupCues {
            near,
            elsewhere,
            text_tasks,
            task,
            modifiers,
        }
    }
}

/// Descriptive words near the group's names and elsewhere, and the task.
fn cues(
    ctx: &Context<'_>,
    members: &[usize],
    m: usize,
    group: &GroupCues<'_>,
    items: &mut Vec<Item>,
) {
    let entries = ctx.analyzer.registry.entries();
    let e = &entries[m];
    let mut seen: Vec<Cue> = Vec::new();
    // Words near the names, then (weaker: they may describe the method
    // rather than the data) words elsewhere; one verdict per group of
    // related cues ("age, gender and ethnicity").
    let kinds: [(&[&CueHit], F, CueKinds); 2] = [
        (
            &group.near,
            F::Cue,
            (
                |cue, written| ReasonKind::CueFits { cue, written },
                |cue, written| ReasonKind::CueMissing { cue, written },
            ),
        ),
        (
            &group.elsewhere,
            F::CueText,
            (
                |cue, written| ReasonKind::CueFitsText { cue, written },
                |cue, written| ReasonKind::CueMissingText { cue, written },
            ),
        ),
    ];
    for (hits, feature, (fits_kind, missing_kind)) in kinds {
        let (mut fits, mut missing) = (0usize, 0usize);
        for hit in hits {
            if seen.iter().any(|&c| related(c, hit.cue)) {
                continue;
            }
            seen.push(hit.cue);
            let written = ctx.words(hit.span);
            let (value, kind) = if serves(entries, m, hit.cue) {
                fits += 1;
                if fits > MAX_COUNTS {
                    continue;
                }
                (1.0, fits_kind(hit.cue, written))
            } else if members.iter().any(|&x| serves(entries, x, hit.cue)) {
                missing += 1;
                if missing > MAX_COUNTS {
                    continue;
                }
                (-1.0, missing_kind(hit.cue, written))
            } else {
                continue;
            };
            items.push(Item::version_item(feature, value, kind, Some(hit.span)));
        }
    }
    // A variant the text does not describe (once, for its first such cue;
    // the family's original is no variant of anything).
    if let Some(c) = e
        .cues
        .iter()
        .map(|c| c.cue)
        .filter(|&c| is_modifier(c) && !is_root(entries, members, m))
        .find(|&c| !group.modifiers.iter().any(|&h| related(h, c)))
    {
        items.push(Item::version_item(
            F::VariantUndescribed,
            1.0,
            ReasonKind::VariantNotDescribed { cue: c },
            None,
        ));
    }
    // The task.
    if let Some(hit) = group.task {
        let written = ctx.words(hit.span);
        if serves(entries, m, hit.cue) {
            items.push(Item::version_item(
                F::Task,
                1.0,
                ReasonKind::TaskFits {
                    cue: hit.cue,
                    written,
                },
                Some(hit.span),
            ));
        } else {
            items.push(Item::version_item(
                F::Task,
                -1.0,
                ReasonKind::TaskMissing {
                    cue: hit.cue,
                    written,
                },
                Some(hit.span),
            ));
        }
    }
}
