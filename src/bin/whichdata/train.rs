//! Training: labelled cases to a fitted model, and nested cross-validation.
//!
//! The math (logistic regression, folds) is the library's `fit`; this module
//! turns cases and their evidence into labelled rows and runs the
//! procedure that `whichdata fit` and `whichdata eval --cv` share:
//!
//! 1. each stage's L2 penalty is chosen by k-fold cross-validated log-loss;
//! 2. the verdict's thresholds are chosen on out-of-fold probabilities, to
//!    maximise micro-F1 plus the share of cases exactly right;
//! 3. the weights are fitted on every row with the chosen penalties.
//!
//! Rows are labelled the way the study coded: a group is labelled only where
//! the case judges one of its members; a member only where the case is not
//! ambiguous and the member is neither optional nor unjudged.

use whichdata::fit::{self, Choice, Sample};
use whichdata::{
    Analyzer, Evidence, GroupVerdict, Model, Sign, Thresholds, UseFeature, VersionFeature,
};

use crate::cases::{Case, outcome_of};

/// L2 penalties tried.
pub const LAMBDA_GRID: &[f64] = &[0.01, 0.03, 0.1, 0.3, 1.0, 3.0, 10.0];

/// A case with its evidence, read once.
pub struct Prepared {
    /// The case.
    pub case: Case,
    /// What its text says.
    pub evidence: Evidence,
    /// Its fold.
    pub fold: usize,
}

/// Reads every case's evidence.
pub fn prepare(
    analyzer: &Analyzer<'_>,
    cases: Vec<Case>,
    folds: usize,
) -> (Vec<Prepared>, Vec<String>) {
    let mut out = Vec::with_capacity(cases.len());
    let mut problems = Vec::new();
    for case in cases {
        match analyzer.evidence(&case.text, &case.references) {
            Ok(evidence) => out.push(Prepared {
                fold: fit::fold_of(&case.id, folds),
                case,
                evidence,
            }),
            Err(e) => problems.push(format!("case {}: {e}", case.id)),
        }
    }
    (out, problems)
}

/// The labelled rows of one case: stage one's rows, stage two's choices,
/// and for each version named in use beside others whether it was used.
pub fn samples(analyzer: &Analyzer<'_>, p: &Prepared) -> (Vec<Sample>, Vec<Choice>, Vec<bool>) {
    let registry = analyzer.registry();
    let case = &p.case;
    let mut use_rows = Vec::new();
    let mut choices = Vec::new();
    let mut named = Vec::new();
    let named_feature = VersionFeature::OwnNameUsed.index();
    for g in p.evidence.vectors(analyzer) {
        let members: Vec<_> = g.ids.iter().filter_map(|id| registry.entry(id)).collect();
        let judged: Vec<bool> = members.iter().map(|e| case.judges(e)).collect();
        if !judged.iter().any(|&j| j) {
            continue;
        }
        let has =
            |set: &std::collections::BTreeSet<String>| g.ids.iter().any(|id| set.contains(id));
        let used = if case.ambiguous {
            if has(&case.expected) || has(&case.candidates) {
                Some(true)
            } else if case.candidates.is_empty() {
                // The study's ambiguous papers name no candidates: its
                // family's datasets are used, which version is unknown.
                let family_data = members.iter().any(|e| {
                    matches!(&case.scope, crate::cases::Scope::Family(f) if &e.family == f)
                        && matches!(
                            e.kind,
                            whichdata::EntryKind::Dataset | whichdata::EntryKind::AnnotationSet
                        )
                });
                (family_data && case.uses).then_some(true)
            } else {
                Some(false)
            }
        } else if has(&case.expected) {
            Some(true)
        } else if has(&case.optional) {
            None
        } else {
            Some(false)
        };
        let Some(used) = used else {
            continue;
        };
        use_rows.push(Sample {
            x: g.use_vector.clone(),
            y: used,
            fold: p.fold,
        });
        if !used || g.member_vectors.is_empty() {
            continue;
        }
        // An ambiguous case says only that one of its candidates was used:
        // a choice of the set, among every judged member.
        if case.ambiguous {
            let alternatives: Vec<usize> = (0..g.ids.len()).filter(|&k| judged[k]).collect();
            let chosen: Vec<usize> = alternatives
                .iter()
                .enumerate()
                .filter(|(_, k)| case.candidates.contains(&g.ids[**k]))
                .map(|(i, _)| i)
                .collect();
            if chosen.len() >= 2 && chosen.len() < alternatives.len() {
                choices.push(Choice {
                    chosen,
                    alternatives: alternatives
                        .iter()
                        .map(|&k| g.member_vectors[k].clone())
                        .collect(),
                    fold: p.fold,
                });
            }
            continue;
        }
        // One choice per member used, among the members not used (a
        // member that is optional, or not judged, is left out of all).
        let usable: Vec<usize> = (0..g.ids.len())
            .filter(|&k| judged[k] && !case.optional.contains(&g.ids[k]))
            .collect();
        let chosen: Vec<usize> = usable
            .iter()
            .copied()
            .filter(|&k| case.expected.contains(&g.ids[k]))
            .collect();
        for &c in &chosen {
            let alternatives: Vec<usize> = usable
                .iter()
                .copied()
                .filter(|&k| k == c || !chosen.contains(&k))
                .collect();
            if alternatives.len() < 2 {
                continue;
            }
            choices.push(Choice {
                chosen: vec![alternatives.iter().position(|&k| k == c).unwrap_or(0)],
                alternatives: alternatives
                    .iter()
                    .map(|&k| g.member_vectors[k].clone())
                    .collect(),
                fold: p.fold,
            });
        }
        let named_here: Vec<usize> = usable
            .iter()
            .copied()
            .filter(|&k| g.member_vectors[k][named_feature] > 0.0)
            .collect();
        if named_here.len() >= 2 {
            named.extend(
                named_here
                    .iter()
                    .map(|&k| case.expected.contains(&g.ids[k])),
            );
        }
    }
    (use_rows, choices, named)
}

/// What a fit chose and how it did.
pub struct Fitted {
    /// The model.
    pub model: Model,
    /// Stage one's penalty and each penalty's cross-validated log-loss.
    pub use_lambda: (f64, Vec<(f64, f64)>),
    /// Stage two's.
    pub version_lambda: (f64, Vec<(f64, f64)>),
    /// Rows of each stage (positive, total).
    pub use_rows: (usize, usize),
    /// Choices of stage two (groups decided, members among them).
    pub version_rows: (usize, usize),
    /// The thresholds' objective on out-of-fold decisions.
    pub objective: f64,
}

/// Fits a model on `prepared`, using their folds for the inner choices.
pub fn fit_model(analyzer: &Analyzer<'_>, prepared: &[&Prepared], folds: &[usize]) -> Fitted {
    let mut use_rows = Vec::new();
    let mut version_rows: Vec<Choice> = Vec::new();
    let mut named: Vec<bool> = Vec::new();
    for p in prepared {
        let (u, v, n) = samples(analyzer, p);
        use_rows.extend(u);
        version_rows.extend(v);
        named.extend(n);
    }
    let k = folds.len();
    let inner = |fold: usize| folds.iter().position(|&f| f == fold).unwrap_or(0);
    for r in use_rows.iter_mut() {
        r.fold = inner(r.fold);
    }
    for r in version_rows.iter_mut() {
        r.fold = inner(r.fold);
    }
    let use_dim = UseFeature::ALL.len();
    let version_dim = VersionFeature::ALL.len();
    let use_signs: Vec<Sign> = UseFeature::ALL.iter().map(|f| f.sign()).collect();
    let version_signs: Vec<Sign> = VersionFeature::ALL.iter().map(|f| f.sign()).collect();
    let use_lambda = fit::choose_lambda(&use_rows, use_dim, k, LAMBDA_GRID, &use_signs);
    let version_lambda =
        fit::choose_choice_lambda(&version_rows, version_dim, k, LAMBDA_GRID, &version_signs);
    // Laplace's rule of succession on the versions named in use beside others.
    let named_version =
        (named.iter().filter(|&&y| y).count() as f64 + 1.0) / (named.len() as f64 + 2.0);

    // Out-of-fold models, for choosing the thresholds.
    let mut fold_models: Vec<Model> = Vec::with_capacity(k);
    for fold in 0..k {
        let u: Vec<&Sample> = use_rows.iter().filter(|r| r.fold != fold).collect();
        let v: Vec<&Choice> = version_rows.iter().filter(|r| r.fold != fold).collect();
        let mut m = Model::zero();
        m.use_weights = fit::logistic_signed(&u, use_dim, use_lambda.0, &use_signs);
        m.version_weights =
            fit::conditional_logit_signed(&v, version_dim, version_lambda.0, &version_signs);
        m.thresholds.named_version = named_version;
        fold_models.push(m);
    }
    let calibration = calibrate(analyzer, prepared, folds, &fold_models, named_version);
    for m in &mut fold_models {
        m.thresholds.calibration = calibration;
    }
    let (thresholds, objective) =
        choose_thresholds(analyzer, prepared, folds, &fold_models, named_version);

    let all_u: Vec<&Sample> = use_rows.iter().collect();
    let all_v: Vec<&Choice> = version_rows.iter().collect();
    let mut model = Model::zero();
    model.use_weights = fit::logistic_signed(&all_u, use_dim, use_lambda.0, &use_signs);
    model.version_weights =
        fit::conditional_logit_signed(&all_v, version_dim, version_lambda.0, &version_signs);
    model.thresholds = thresholds;
    Fitted {
        model,
        use_rows: (use_rows.iter().filter(|r| r.y).count(), use_rows.len()),
        version_rows: (
            version_rows.len(),
            version_rows.iter().map(|c| c.alternatives.len()).sum(),
        ),
        use_lambda,
        version_lambda,
        objective,
    }
}

/// Threshold values tried.
const USE_GRID: &[f64] = &[0.3, 0.4, 0.5, 0.6, 0.7];
const CONFIDENCE_GRID: &[f64] = &[0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7];
const AMBIGUOUS_GRID: &[f64] = &[0.0, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];
const OPEN_GRID: &[f64] = &[0.3, 0.5, 0.7];

/// The least precision the thresholds may give where any can reach it.
const MIN_PRECISION: f64 = 0.75;

/// The thresholds that maximise micro-F1 (at a precision of at least
/// [`MIN_PRECISION`] where any reach it) plus the share of ambiguous cases
/// flagged, on the out-of-fold scores of `prepared` (ties go to values
/// nearest 0.5).
fn choose_thresholds(
    analyzer: &Analyzer<'_>,
    prepared: &[&Prepared],
    folds: &[usize],
    fold_models: &[Model],
    named_version: f64,
) -> (Thresholds, f64) {
    let registry = analyzer.registry();
    let entries = registry.entries();
    // Out-of-fold scores, read once.
    let scored: Vec<Vec<whichdata::GroupScores>> = prepared
        .iter()
        .map(|p| {
            let k = folds.iter().position(|&f| f == p.fold).unwrap_or(0);
            let mut model = fold_models[k].clone();
            model.thresholds.named_version = named_version;
            analyzer.scores(&model, &p.evidence)
        })
        .collect();
    let mut best: Option<(Thresholds, (bool, f64), f64)> = None;
    for &u in USE_GRID {
        for &c in CONFIDENCE_GRID {
            for &a in AMBIGUOUS_GRID {
                for &o in OPEN_GRID {
                    let t = Thresholds {
                        use_probability: u,
                        confidence: c,
                        ambiguous_share: a,
                        open_share: o,
                        named_version,
                        calibration: fold_models
                            .first()
                            .map_or([1.0, 0.0, 0.0], |m| m.thresholds.calibration),
                    };
                    let mut score = Score::default();
                    for (p, groups) in prepared.iter().zip(&scored) {
                        let mut suggested: Vec<(&str, f64)> = Vec::new();
                        let mut open: Vec<&str> = Vec::new();
                        for g in groups {
                            match t.verdict(g) {
                                GroupVerdict::Identified(ids) => {
                                    suggested.extend(ids.iter().map(|&i| {
                                        (
                                            entries[g.shares[i].0].id.as_str(),
                                            t.confidence_of(
                                                g.use_probability,
                                                g.shares[i].1,
                                                g.said_used,
                                            ),
                                        )
                                    }))
                                }
                                GroupVerdict::Ambiguous(ids) => open.extend(
                                    ids.iter().map(|&i| entries[g.shares[i].0].id.as_str()),
                                ),
                                GroupVerdict::None => {}
                            }
                        }
                        score.add_ids(registry, &p.case, &suggested, &open);
                    }
                    let key = score.objective();
                    let distance =
                        (u - 0.5).abs() + (c - 0.5).abs() + (o - 0.5).abs() + (a - 0.5).abs();
                    let better = match &best {
                        None => true,
                        Some((_, k, d)) => key > *k || key == *k && distance < *d,
                    };
                    if better {
                        best = Some((t, key, distance));
                    }
                }
            }
        }
    }
    best.map_or((Thresholds::default(), 0.0), |(t, k, _)| (t, k.1))
}

/// Platt scaling: a one-variable logistic regression of whether a member
/// was used on the logit of its raw out-of-fold confidence, over every
/// judged member of every case's groups (near misses included).
fn calibrate(
    analyzer: &Analyzer<'_>,
    prepared: &[&Prepared],
    folds: &[usize],
    fold_models: &[Model],
    named_version: f64,
) -> [f64; 3] {
    let registry = analyzer.registry();
    let entries = registry.entries();
    let mut rows = Vec::new();
    for p in prepared {
        if p.case.ambiguous {
            continue;
        }
        let k = folds.iter().position(|&f| f == p.fold).unwrap_or(0);
        let mut model = fold_models[k].clone();
        model.thresholds.named_version = named_version;
        for g in analyzer.scores(&model, &p.evidence) {
            for &(m, share) in &g.shares {
                let e = &entries[m];
                if !p.case.judges(e) || p.case.optional.contains(&e.id) {
                    continue;
                }
                let raw = (g.use_probability * share).clamp(1e-6, 1.0 - 1e-6);
                if raw < 0.05 {
                    continue;
                }
                rows.push(Sample {
                    x: vec![
                        1.0,
                        (raw / (1.0 - raw)).ln(),
                        f64::from(u8::from(g.said_used)),
                    ],
                    y: p.case.expected.contains(&e.id),
                    fold: 0,
                });
            }
        }
    }
    let refs: Vec<&Sample> = rows.iter().collect();
    let w = fit::logistic(&refs, 3, 1e-3);
    // The scaling must keep the order of confidences.
    if w[1] > 0.0 {
        [w[1], w[0], w[2]]
    } else {
        [1.0, 0.0, 0.0]
    }
}

/// Running totals over cases.
#[derive(Default, Clone)]
pub struct Score {
    /// Micro counts over non-ambiguous, non-near-miss cases.
    pub tp: usize,
    /// False positives.
    pub fp: usize,
    /// False negatives.
    pub fn_: usize,
    /// Ambiguous cases.
    pub ambiguous: usize,
    /// Ambiguous cases flagged.
    pub flagged: usize,
}

impl Score {
    /// Adds one case's outcome, from the ids suggested and left open.
    pub fn add_ids(
        &mut self,
        registry: &whichdata::Registry,
        case: &Case,
        suggested: &[(&str, f64)],
        open: &[&str],
    ) {
        let judged = |id: &str| registry.entry(id).is_some_and(|e| case.judges(e));
        let o = outcome_of(case, suggested, open, &judged);
        if case.ambiguous {
            self.ambiguous += 1;
            self.flagged += usize::from(o.exact);
        } else if !case.is_near_miss() {
            self.tp += o.tp;
            self.fp += o.fp;
            self.fn_ += o.fn_;
        }
    }

    fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }

    /// Micro-F1.
    pub fn f1(&self) -> f64 {
        let p = self.precision();
        let r = ratio(self.tp, self.tp + self.fn_);
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }

    /// What the thresholds maximise: first whether the precision floor is
    /// met, then micro-F1 plus the share of ambiguous cases flagged.
    pub fn objective(&self) -> (bool, f64) {
        (
            self.precision() >= MIN_PRECISION,
            self.f1() + ratio(self.flagged, self.ambiguous),
        )
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

/// Nested cross-validation: for each fold, a model fitted (penalties and
/// thresholds chosen on the other folds alone) decides that fold's cases.
/// Returns each case's out-of-fold report, in the order of `prepared`.
pub fn cross_validate(
    analyzer: &Analyzer<'_>,
    prepared: &[Prepared],
    folds: usize,
) -> Vec<whichdata::Report> {
    let mut reports: Vec<Option<whichdata::Report>> = vec![None; prepared.len()];
    for k in 0..folds {
        let train: Vec<&Prepared> = prepared.iter().filter(|p| p.fold != k).collect();
        let inner: Vec<usize> = (0..folds).filter(|&f| f != k).collect();
        if train.is_empty() {
            continue;
        }
        let fitted = fit_model(analyzer, &train, &inner);
        for (i, p) in prepared.iter().enumerate() {
            if p.fold == k {
                reports[i] = Some(analyzer.decide_with(&fitted.model, &p.evidence));
            }
        }
    }
    reports
        .into_iter()
        .enumerate()
        .map(|(i, r)| r.unwrap_or_else(|| analyzer.decide(&prepared[i].evidence)))
        .collect()
}
