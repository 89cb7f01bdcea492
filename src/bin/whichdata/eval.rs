//! `whichdata eval`: scores the engine on hand-coded cases shaped like the
//! study's (`{"id", "family", "text", "references", "expected", "uses",
//! "ambiguous"}` per line).
//!
//! What is scored, and why:
//! - micro precision, recall and F1 over the ids of cases the coder could
//!   disambiguate (`ambiguous: false`), per family and overall;
//! - the study coded each paper only for the family whose corpus it came
//!   from, so for a case with a `family` only that family's study ids are
//!   scored (a correct "Market-1501" is not a false positive; it was never
//!   coded). Ids outside the scored set are counted apart, as "unscored";
//! - the same over every study id suggested, whatever its family ("any
//!   family"), for comparison with scorers that do not know the coding;
//! - the accuracy of "uses any registry dataset" over all cases;
//! - calibration: in bins of confidence, the share of suggestions that were right.

use std::collections::{BTreeMap, BTreeSet};
use std::io::{BufRead, BufReader, Write as _};

use serde_json::{Value, json};
use whichdata::{Analyzer, Registry, Report};

use crate::cli::{EvalArgs, Format};
use crate::exit_codes::ExitCode;
use crate::input::display_name;
use crate::style::{self, HEADING, paint};

#[derive(Default, Clone, Copy)]
struct Counts {
    tp: usize,
    fp: usize,
    fn_: usize,
}

impl Counts {
    fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }
    fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }
    fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    fn json(&self) -> Value {
        json!({"tp": self.tp, "fp": self.fp, "fn": self.fn_, "precision": round(self.precision()), "recall": round(self.recall()), "f1": round(self.f1())})
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

fn round(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

struct Miss {
    id: String,
    family: String,
    expected: BTreeSet<String>,
    predicted: BTreeSet<String>,
    why: Vec<String>,
}

pub fn run(args: &EvalArgs, registry: &Registry) -> ExitCode {
    let file = match std::fs::File::open(&args.file) {
        Ok(f) => f,
        Err(e) => {
            style::error(&format!("cannot read {}: {e}", display_name(&args.file)));
            return ExitCode::InputProblems;
        }
    };
    let analyzer = Analyzer::new(registry);
    let mut overall = Counts::default();
    // The same, counting every study id suggested, whatever its family.
    let mut any_family = Counts::default();
    let mut per_family: BTreeMap<String, Counts> = BTreeMap::new();
    let (mut uses_right, mut uses_total) = (0usize, 0usize);
    let (mut ambiguous_cases, mut ambiguous_flagged) = (0usize, 0usize);
    let mut unscored = 0usize;
    let mut bins = [(0usize, 0usize); 10];
    let mut misses: Vec<Miss> = Vec::new();
    let mut problems = Vec::new();
    for (i, line) in BufReader::new(file).lines().enumerate() {
        let line_no = i + 1;
        let line = match line {
            Ok(l) if l.trim().is_empty() => continue,
            Ok(l) => l,
            Err(e) => {
                problems.push(format!("line {line_no}: {e}"));
                continue;
            }
        };
        let case: Value = match serde_json::from_str(&line) {
            Ok(v) => v,
            Err(e) => {
                problems.push(format!("line {line_no}: not a JSON object: {e}"));
                continue;
            }
        };
        let Some(text) = case.get("text").and_then(Value::as_str) else {
            problems.push(format!("line {line_no}: has no \"text\""));
            continue;
        };
        let refs: Vec<String> = strings(&case, "references");
        let expected: BTreeSet<String> = strings(&case, "expected");
        let family = case
            .get("family")
            .and_then(Value::as_str)
            .unwrap_or("all")
            .to_string();
        let ambiguous = case
            .get("ambiguous")
            .and_then(Value::as_bool)
            .unwrap_or(false);
        let uses = case
            .get("uses")
            .and_then(Value::as_bool)
            .unwrap_or(!expected.is_empty());
        let report = match analyzer.analyze(text, &refs) {
            Ok(r) => r,
            Err(e) => {
                problems.push(format!("line {line_no}: {e}"));
                continue;
            }
        };
        let scored = |id: &str| -> bool {
            expected.contains(id)
                || registry
                    .entry(id)
                    .is_some_and(|e| e.study.is_some() && (family == "all" || e.family == family))
        };
        let predicted: BTreeSet<String> = report
            .suggestions
            .iter()
            .map(|s| s.id.clone())
            .filter(|id| scored(id))
            .collect();
        unscored += report.suggestions.iter().filter(|s| !scored(&s.id)).count();
        let any_use = !predicted.is_empty() || report.candidates.iter().any(|c| scored(&c.id));
        uses_total += 1;
        uses_right += usize::from(any_use == uses);
        if ambiguous {
            ambiguous_cases += 1;
            ambiguous_flagged += usize::from(report.candidates.iter().any(|c| scored(&c.id)));
            continue;
        }
        for s in report.suggestions.iter().filter(|s| scored(&s.id)) {
            let bin = ((s.confidence * 10.0) as usize).min(9);
            bins[bin].0 += 1;
            bins[bin].1 += usize::from(expected.contains(&s.id));
        }
        let c = Counts {
            tp: predicted.intersection(&expected).count(),
            fp: predicted.difference(&expected).count(),
            fn_: expected.difference(&predicted).count(),
        };
        let study_ids: BTreeSet<String> = report
            .suggestions
            .iter()
            .filter(|s| {
                expected.contains(&s.id) || registry.entry(&s.id).is_some_and(|e| e.study.is_some())
            })
            .map(|s| s.id.clone())
            .collect();
        any_family.tp += study_ids.intersection(&expected).count();
        any_family.fp += study_ids.difference(&expected).count();
        any_family.fn_ += expected.difference(&study_ids).count();
        for counts in [&mut overall, per_family.entry(family.clone()).or_default()] {
            counts.tp += c.tp;
            counts.fp += c.fp;
            counts.fn_ += c.fn_;
        }
        if c.fp + c.fn_ > 0 {
            misses.push(Miss {
                id: case
                    .get("id")
                    .and_then(Value::as_str)
                    .unwrap_or("")
                    .to_string(),
                family: family.clone(),
                expected: expected.clone(),
                predicted,
                why: why(&report),
            });
        }
    }
    let calibration: Vec<Value> = bins
        .iter()
        .enumerate()
        .filter(|(_, (n, _))| *n > 0)
        .map(|(i, (n, right))| json!({"confidence": format!("{:.1}-{:.1}", i as f64 / 10.0, (i + 1) as f64 / 10.0), "suggestions": n, "right": round(ratio(*right, *n))}))
        .collect();
    let mut out = String::new();
    if args.format == Format::Json {
        let families: serde_json::Map<String, Value> = per_family
            .iter()
            .map(|(f, c)| (f.clone(), c.json()))
            .collect();
        let value = json!({
            "overall": overall.json(),
            "overall_any_family": any_family.json(),
            "families": families,
            "uses_accuracy": round(ratio(uses_right, uses_total)),
            "cases": uses_total,
            "ambiguous_cases": ambiguous_cases,
            "ambiguous_flagged": ambiguous_flagged,
            "unscored_suggestions": unscored,
            "calibration": calibration,
            "misses": misses.iter().map(|m| json!({"id": m.id, "family": m.family, "expected": m.expected, "predicted": m.predicted, "why": m.why})).collect::<Vec<_>>(),
            "problems": problems,
        });
        out.push_str(&format!("{value}\n"));
    } else {
        let row = |name: &str, c: &Counts| {
            format!(
                "  {name:12} P {:.3}  R {:.3}  F1 {:.3}   (tp {}, fp {}, fn {})\n",
                c.precision(),
                c.recall(),
                c.f1(),
                c.tp,
                c.fp,
                c.fn_
            )
        };
        if args.misses {
            out.push_str(&format!("{}\n", paint(HEADING, "cases it gets wrong")));
            for m in &misses {
                out.push_str(&format!(
                    "  {} [{}] expected {:?}, predicted {:?}\n",
                    m.id, m.family, m.expected, m.predicted
                ));
                for w in &m.why {
                    out.push_str(&format!("      {w}\n"));
                }
            }
            out.push('\n');
        }
        out.push_str(&format!(
            "{}\n",
            paint(HEADING, "micro scores over non-ambiguous cases")
        ));
        out.push_str(&row("overall", &overall));
        out.push_str(&row("any family", &any_family));
        for (f, c) in &per_family {
            out.push_str(&row(f, c));
        }
        out.push_str(&format!(
            "  uses any registry dataset: accuracy {:.3} over {uses_total} cases\n  ambiguous cases: {ambiguous_cases}, of which flagged ambiguous: {ambiguous_flagged}\n  suggestions outside the coded families (not scored): {unscored}\n",
            ratio(uses_right, uses_total)
        ));
        out.push_str(&format!(
            "{}\n",
            paint(HEADING, "calibration (share right by confidence)")
        ));
        for v in &calibration {
            out.push_str(&format!(
                "  {}  {:>4} suggestions  {:.3} right\n",
                v["confidence"].as_str().unwrap_or(""),
                v["suggestions"],
                v["right"].as_f64().unwrap_or(0.0)
            ));
        }
        if !args.misses {
            out.push_str(&format!(
                "  ({} cases wrong; --misses lists them with why)\n",
                misses.len()
            ));
        }
    }
    let _ = anstream::stdout().write_all(out.as_bytes());
    for p in &problems {
        style::error(p);
    }
    if problems.is_empty() {
        ExitCode::Success
    } else {
        ExitCode::InputProblems
    }
}

/// The strings of the array at `key` (none when it is missing).
fn strings<C: FromIterator<String>>(case: &Value, key: &str) -> C {
    case.get(key)
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|r| r.as_str().map(str::to_string))
        .collect()
}

/// The evidence behind a report, briefly.
fn why(report: &Report) -> Vec<String> {
    let mut lines: Vec<String> = report
        .suggestions
        .iter()
        .chain(&report.candidates)
        .map(|s| {
            let reasons: Vec<String> = s
                .reasons
                .iter()
                .take(3)
                .map(|r| format!("{:+.1} {}", r.weight, r))
                .collect();
            format!("{} {:.2}: {}", s.id, s.confidence, reasons.join(" | "))
        })
        .collect();
    if lines.is_empty() {
        lines.push("nothing suggested".to_string());
    }
    lines
}
