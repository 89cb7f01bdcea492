//! `whichdata fit`: fits the decision model on labelled cases and writes the
//! weights (`--out`, normally `model/weights.json`, which the build embeds)
//! and a report of the fit (`--report`, normally `model/FIT.md`).
//!
//! The procedure is `train::fit_model` over every case given, with folds
//! from each case's id; the same files give the same model on any machine.

use std::fmt::Write as _;

use serde_json::json;
use whichdata::{Analyzer, Model, Registry, UseFeature, VersionFeature};

use crate::cases;
use crate::cli::FitArgs;
use crate::exit_codes::ExitCode;
use crate::style;
use crate::train;

pub fn run(args: &FitArgs, registry: &Registry) -> ExitCode {
    let mut all = Vec::new();
    for (i, path) in args.files.iter().enumerate() {
        match cases::read(path, i) {
            Ok((cases, problems)) => {
                for p in &problems {
                    style::error(p);
                }
                if !problems.is_empty() {
                    return ExitCode::InputProblems;
                }
                all.extend(cases);
            }
            Err(e) => {
                style::error(&e);
                return ExitCode::InputProblems;
            }
        }
    }
    // Evidence does not depend on weights: any model reads it.
    let analyzer = Analyzer::with_model(registry, Model::zero());
    let folds = args.folds.max(2);
    let counts: Vec<usize> = (0..args.files.len())
        .map(|i| all.iter().filter(|c| c.file == i).count())
        .collect();
    let (prepared, problems) = train::prepare(&analyzer, all, folds);
    for p in &problems {
        style::error(p);
    }
    if let Some(path) = &args.rows
        && let Err(e) = std::fs::write(path, rows(&analyzer, &prepared))
    {
        style::error(&format!("cannot write {}: {e}", path.display()));
        return ExitCode::InputProblems;
    }
    let refs: Vec<&train::Prepared> = prepared.iter().collect();
    let fold_ids: Vec<usize> = (0..folds).collect();
    let fitted = train::fit_model(&analyzer, &refs, &fold_ids);
    let mut model = fitted.model.clone();
    let files: Vec<_> = args
        .files
        .iter()
        .zip(&counts)
        .map(|(f, n)| json!({"file": f.display().to_string(), "cases": n}))
        .collect();
    model.fit = json!({
        "method": "stage one: L2-regularised logistic regression; stage two: L2-regularised conditional logit over each family; both by Newton, penalty by k-fold cross-validated log-loss; thresholds by micro-F1 at precision >= 0.75 plus ambiguous cases flagged, on out-of-fold decisions",
        "folds": folds,
        "files": files,
        "use": {"lambda": fitted.use_lambda.0, "rows": fitted.use_rows.1, "positive": fitted.use_rows.0,
                "cv_log_loss": fitted.use_lambda.1.iter().map(|(l, x)| json!([l, (x * 1e4).round() / 1e4])).collect::<Vec<_>>()},
        "version": {"lambda": fitted.version_lambda.0, "choices": fitted.version_rows.0, "alternatives": fitted.version_rows.1,
                "cv_log_loss": fitted.version_lambda.1.iter().map(|(l, x)| json!([l, (x * 1e4).round() / 1e4])).collect::<Vec<_>>()},
        "threshold_objective": (fitted.objective * 1e4).round() / 1e4,
    });
    if let Err(e) = std::fs::write(&args.out, model.to_json()) {
        style::error(&format!("cannot write {}: {e}", args.out.display()));
        return ExitCode::InputProblems;
    }
    if let Some(report) = &args.report
        && let Err(e) = std::fs::write(report, fit_report(&model, &fitted, args))
    {
        style::error(&format!("cannot write {}: {e}", report.display()));
        return ExitCode::InputProblems;
    }
    eprintln!(
        "fitted on {} cases: stage one λ {} ({} rows), stage two λ {} ({} rows); thresholds use {} confidence {} ambiguous below {} open {}; wrote {}",
        prepared.len(),
        fitted.use_lambda.0,
        fitted.use_rows.1,
        fitted.version_lambda.0,
        fitted.version_rows.1,
        model.thresholds.use_probability,
        model.thresholds.confidence,
        model.thresholds.ambiguous_share,
        model.thresholds.open_share,
        args.out.display()
    );
    ExitCode::Success
}

/// Stage one's labelled rows, one JSON object per line.
fn rows(analyzer: &Analyzer<'_>, prepared: &[train::Prepared]) -> String {
    let mut out = String::new();
    for p in prepared {
        let (use_rows, _, _) = train::samples(analyzer, p);
        let groups: Vec<_> = p.evidence.vectors(analyzer);
        let mut labelled = use_rows.iter();
        for g in groups {
            // Rows come in the order of the groups that have a label.
            let Some(row) = labelled.clone().next() else {
                break;
            };
            if row.x != g.use_vector {
                continue;
            }
            labelled.next();
            let features: serde_json::Map<String, serde_json::Value> = UseFeature::ALL
                .iter()
                .filter(|f| row.x[f.index()] != 0.0)
                .map(|f| (f.name().to_string(), json!(row.x[f.index()])))
                .collect();
            out.push_str(&format!(
                "{}\n",
                json!({"case": p.case.id, "group": g.ids, "used": row.y, "features": features})
            ));
        }
    }
    out
}

/// The fit, for people: how it was done and every weight with its meaning.
fn fit_report(model: &Model, fitted: &train::Fitted, args: &FitArgs) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "# The fitted decision model\n");
    let _ = writeln!(
        s,
        "Written by `whichdata fit` (do not edit by hand; refit instead). Command:\n\n```sh\nwhichdata fit {} --folds {} --out {}{}\n```\n",
        args.files
            .iter()
            .map(|f| f.display().to_string())
            .collect::<Vec<_>>()
            .join(" "),
        args.folds,
        args.out.display(),
        args.report
            .as_ref()
            .map(|r| format!(" --report {}", r.display()))
            .unwrap_or_default()
    );
    let _ = writeln!(
        s,
        "Stage one is an L2-regularised logistic regression (the intercept is not penalised); stage two is an L2-regularised conditional logit, a softmax over the members of each family, so a feature counts only as far as it sets a member apart from its relatives. Both are fitted by Newton's method. The penalty λ is the one with the lowest {}-fold cross-validated log-loss (folds by a hash of each case's id). The thresholds are the ones that maximise micro-F1 (among those that keep precision at 0.75 or more) plus the share of ambiguous cases flagged, on out-of-fold decisions. `whichdata eval --cv 5` repeats the whole procedure inside each fold to score cases no weight has seen.\n",
        args.folds
    );
    let _ = writeln!(s, "## Cross-validated log-loss by penalty\n");
    let _ = writeln!(
        s,
        "| λ | stage one (is the group used?) | stage two (which version?) |\n| --- | --- | --- |"
    );
    for ((l, a), (_, b)) in fitted.use_lambda.1.iter().zip(&fitted.version_lambda.1) {
        let _ = writeln!(s, "| {l} | {a:.4} | {b:.4} |");
    }
    let _ = writeln!(
        s,
        "\nChosen: λ = {} for stage one ({} rows, {} used), λ = {} for stage two ({} choices among {} alternatives).\n",
        fitted.use_lambda.0,
        fitted.use_rows.1,
        fitted.use_rows.0,
        fitted.version_lambda.0,
        fitted.version_rows.0,
        fitted.version_rows.1
    );
    let _ = writeln!(
        s,
        "Thresholds: an entry is identified from a confidence of {1}. A family is taken to be used from a probability of {0}; where its leading version holds a share below {4}, it is ambiguous and the versions within {2} of the leader's share stay open. A version named by its own name in use beside another is used at a rate of {3:.3} (Laplace's rule over the training cases).\n",
        model.thresholds.use_probability,
        model.thresholds.confidence,
        model.thresholds.open_share,
        model.thresholds.named_version,
        model.thresholds.ambiguous_share
    );
    let _ = writeln!(
        s,
        "Confidence: a member's raw confidence (its group's probability times its share) is calibrated by Platt scaling fitted on out-of-fold decisions: σ({:.3} · logit(raw) + {:.3} + {:.3} where a sentence says the group is used).\n",
        model.thresholds.calibration[0],
        model.thresholds.calibration[1],
        model.thresholds.calibration[2]
    );
    let _ = writeln!(
        s,
        "## Stage one: is the group used?\n\n| feature | weight |\n| --- | --- |"
    );
    for f in UseFeature::ALL {
        let _ = writeln!(
            s,
            "| `{}` | {:+.3} |",
            f.name(),
            model.use_weights[f.index()]
        );
    }
    let _ = writeln!(
        s,
        "\n## Stage two: which version?\n\n| feature | weight |\n| --- | --- |"
    );
    for f in VersionFeature::ALL {
        let _ = writeln!(
            s,
            "| `{}` | {:+.3} |",
            f.name(),
            model.version_weights[f.index()]
        );
    }
    let _ = writeln!(
        s,
        "\nWhat each feature means is documented in `src/engine/model/features.rs`."
    );
    s
}
