//! Pre-trained models: is a released model run, and on what was it trained?
//!
//! "ArcFace" and "FaceNet" name a loss or a method far more often than the
//! weights their authors released. A model counts as used where the text
//! runs it ("a pre-trained FaceNet", "the ArcFace model from InsightFace",
//! a checkpoint's name) and, where the text says what it was trained on,
//! only if that is data of the model's own family: a FaceNet release
//! trained on VGGFace2 is not the MS-Celeb-1M one the study counted.

use super::super::model::features::UseFeature as F;
use super::super::relations::Relation;
use super::super::report::ReasonKind;
use super::context::Context;
use super::{GroupNames, Item};
use crate::text::{prefix, suffix};

/// Words right after a model's name that make it weights, not a method.
const WEIGHT_WORDS_AFTER: &[&str] = &[
    "model",
    "models",
    "weights",
    "checkpoint",
    "checkpoints",
    "network",
    "networks",
    "embeddings",
    "embedding",
    "features",
    "feature extractor",
    "descriptor",
    "descriptors",
    "pre-trained",
    "pretrained",
    "implementation",
    "release",
    "backbone",
];

/// Words right after a model's name that make it a method, not weights.
const METHOD_WORDS_AFTER: &[&str] = &[
    "loss",
    "losses",
    "margin",
    "head",
    "objective",
    "softmax",
    "penalty",
    "formulation",
    "function",
    "-style",
    "paper",
    "method",
    "approach",
    "framework",
    "architecture",
];

/// Words right before a model's name that make it a method.
const METHOD_WORDS_BEFORE: &[&str] = &[
    "compared with",
    "compared to",
    "than",
    "such as",
    "like",
    "e.g.",
    "methods",
    "losses",
    "including",
    "unlike",
    "versus",
    "vs.",
    "proposed in",
    "outperforms",
    "released with",
    "introduced with",
    "introduced in",
    "introduced by",
    "proposed by",
];

/// Words before a dataset name that say the model was trained on it.
const TRAINED_ON: &[&str] = &[
    "trained on",
    "pre-trained on",
    "pretrained on",
    "trained with",
    "learned on",
    "learnt on",
    "fine-tuned on",
    "finetuned on",
    "trained using",
    "pre-trained with",
    "pretrained with",
    "trained from",
    "@",
];

/// Bytes looked at around a model's name.
const WINDOW: usize = 60;
/// Mentions of one model read (a text that names it a thousand times says
/// no more than one that names it a few times).
const MAX_MENTIONS: usize = 16;

/// The evidence that the model group `members` is run.
pub(super) fn evidence(ctx: &Context<'_>, members: &[usize], names: &GroupNames) -> Vec<Item> {
    let entries = ctx.analyzer.registry.entries();
    let family = &entries[members[0]].family;
    let mut items = Vec::new();
    let mut run: Option<(usize, Item)> = None;
    let mut release: Option<Item> = None;
    let mut method: Option<Item> = None;
    let mut trained: Option<Item> = None;
    // A name inside a link (github.com/deepinsight/insightface/…) points to
    // a repository, not to weights being run.
    let named: Vec<usize> = names
        .mentions
        .iter()
        .copied()
        .filter(|&i| !in_url(ctx.text, ctx.mentions[i].raw.span.0))
        .take(MAX_MENTIONS)
        .collect();
    for &i in &named {
        let m = &ctx.mentions[i];
        let (s, e) = m.raw.span;
        let written = ctx.words(m.raw.span);
        let after = prefix(&ctx.text[e..], WINDOW).to_ascii_lowercase();
        let before = suffix(&ctx.text[..s], WINDOW).to_ascii_lowercase();
        let after_t = after.trim_start_matches([' ', ')', '\'', '’', 's']);
        let a_word = |w: &str| {
            after_t.starts_with(w) && !after_t[w.len()..].starts_with(|c: char| c.is_alphanumeric())
        };
        // A checkpoint or release name is the weights themselves.
        let release_name = m.raw.owners.iter().any(|o| {
            o.written.chars().any(|c| c.is_ascii_digit() || c == '_') && members.contains(&o.entry)
        });
        // How many signals say the weights are run: a release name, a
        // weights word after the name ("FaceNet model"), run words in the
        // sentence ("pre-trained", "extract"), a sentence that says it is
        // used. The best-supported mention counts.
        let weight_word = WEIGHT_WORDS_AFTER.iter().find(|w| a_word(w)).map(|w| {
            let at = e + (after.len() - after_t.len());
            (s, at + w.len())
        });
        let used = match m.relation {
            Relation::Used(w) => Some(w),
            _ => None,
        };
        if release_name && release.is_none() {
            release = Some(Item::use_item(
                F::ModelRelease,
                1.0,
                ReasonKind::ModelRelease {
                    written: written.clone(),
                },
                Some(m.raw.span),
            ));
        }
        // "the loss of ArcFace", "released with ArcFace": this mention is the
        // method or its paper, whatever else its sentence says.
        let after_method = METHOD_WORDS_AFTER
            .iter()
            .find(|w| a_word(w))
            .map(|w| w.to_string());
        let before_method = METHOD_WORDS_BEFORE
            .iter()
            .find(|w| before.trim_end().ends_with(*w))
            .map(|w| w.to_string());
        let as_method = after_method.or(before_method);
        let signals = if as_method.is_some() {
            [None, None, None]
        } else {
            [weight_word, m.model_words, used]
        };
        let count = signals.iter().flatten().count();
        if count > run.as_ref().map_or(0, |(c, _)| *c) {
            let w = signals
                .iter()
                .flatten()
                .next()
                .copied()
                .unwrap_or(m.raw.span);
            let shown = (w.0.min(s), w.1.max(e));
            run = Some((
                count,
                Item::use_item(
                    F::ModelRun,
                    count as f64,
                    ReasonKind::ModelRun {
                        written: written.clone(),
                        words: ctx.words(shown),
                    },
                    Some(shown),
                ),
            ));
        }
        if method.is_none()
            && let Some(w) = as_method
        {
            method = Some(Item::use_item(
                F::ModelAsMethod,
                1.0,
                ReasonKind::ModelAsMethod {
                    written: written.clone(),
                    words: w,
                },
                Some(m.raw.span),
            ));
        }
        if trained.is_none() {
            trained = trained_on(ctx, i, members, family);
        }
    }
    let any_run = run.is_some() || release.is_some();
    items.extend(release);
    if let Some((_, r)) = run {
        items.push(r);
    } else if any_run {
    } else if let Some(m) = method {
        items.push(m);
    } else if let Some(&i) = named.first() {
        let m = &ctx.mentions[i];
        items.push(Item::use_item(
            F::NamedOnly,
            1.0,
            ReasonKind::OnlyMentioned {
                written: ctx.words(m.raw.span),
            },
            Some(m.raw.span),
        ));
    }
    items.extend(trained);
    items
}

/// Whether the text says the model was trained on data outside its family
/// (and never on its own): then it is another release, not this one.
pub(super) fn trained_elsewhere(items: &[Item]) -> bool {
    let has = |f: F| items.iter().any(|i| i.feature == f.index());
    has(F::ModelTrainedOnOther) && !has(F::ModelTrainedOnFamily)
}

/// Whether byte `at` lies inside a URL.
fn in_url(text: &str, at: usize) -> bool {
    let before = suffix(&text[..at], 200);
    let start = before
        .rfind(|c: char| c.is_whitespace() || matches!(c, '(' | '[' | '<' | '"' | '\''))
        .map_or(0, |i| i + 1);
    let token = &before[start..];
    token.contains("://")
        || token.starts_with("www.")
        || token.contains(".com/")
        || token.contains(".org/")
}

/// "trained on X" in the sentence of mention `i`: whether X is of the
/// model's family.
fn trained_on(ctx: &Context<'_>, i: usize, members: &[usize], family: &str) -> Option<Item> {
    let entries = ctx.analyzer.registry.entries();
    let m = &ctx.mentions[i];
    // Other names in the same sentence (mentions are in text order), after
    // a "trained on".
    let first = ctx.mentions.partition_point(|o| o.sentence < m.sentence);
    ctx.mentions[first..]
        .iter()
        .take_while(|o| o.sentence == m.sentence)
        .take(MAX_MENTIONS)
        .filter(|o| !o.raw.owners.iter().any(|x| members.contains(&x.entry)))
        .find_map(|o| {
            let (s, _) = o.raw.span;
            let before =
                suffix(&ctx.text[ctx.sentence(o.sentence).0.min(s)..s], 40).to_ascii_lowercase();
            let phrase = TRAINED_ON.iter().find(|p| {
                let t = before.trim_end_matches([' ', '(', '"', '“']);
                t.ends_with(*p) || t.ends_with(&format!("{p} the"))
            })?;
            // The data's family, read from its datasets (a model's alias may
            // share a dataset's name: "vgg_face2").
            let fits = o.raw.owners.iter().any(|x| {
                entries[x.entry].kind != crate::registry::EntryKind::Model
                    && entries[x.entry].family == family
            });
            let feature = if fits {
                F::ModelTrainedOnFamily
            } else {
                F::ModelTrainedOnOther
            };
            Some(Item::use_item(
                feature,
                1.0,
                ReasonKind::TrainedOn {
                    model: ctx.words(m.raw.span),
                    data: ctx.words(o.raw.span),
                    phrase: phrase.to_string(),
                    fits,
                },
                Some(o.raw.span),
            ))
        })
}
