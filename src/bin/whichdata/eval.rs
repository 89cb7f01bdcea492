//! `whichdata eval`: scores the engine on labelled cases (see `cases`).
//!
//! Without `--cv` it scores the model built in. With `--cv K` it pools the
//! cases of every file given and cross-validates: each fold is decided by a
//! model fitted (penalties and thresholds included) on the other folds
//! alone, so no case is scored by weights that saw it. Figures are given per
//! file:
//! - micro precision, recall and F1 over the ids of cases the coder could
//!   settle (a study case judges only its own family's ids: the study coded
//!   each paper for the corpus it came from), per family for the study's
//!   cases;
//! - the share of cases exactly right (every expected id, nothing outside
//!   expected + optional; an ambiguous case flagged with two or more of its
//!   candidates; a near miss with nothing found at all);
//! - how many ambiguous cases were flagged, and the accuracy of "uses a
//!   registry dataset";
//! - reliability: in bands of confidence, how often suggestions were right,
//!   and whether that is within 0.10 of the band's midpoint.

use std::collections::BTreeMap;
use std::io::Write as _;

use serde_json::{Value, json};
use whichdata::{Analyzer, Registry, Report};

use crate::cases::{self, Case, Outcome, outcome};
use crate::cli::{EvalArgs, Format};
use crate::exit_codes::ExitCode;
use crate::style::{self, HEADING, paint};
use crate::train;

/// A band is "reliable" when its share right is within this of its midpoint.
const RELIABILITY_SLACK: f64 = 0.10;
/// Bands with fewer suggestions than this are shown but not judged.
const RELIABILITY_MIN: usize = 10;

#[derive(Default, Clone, Copy)]
struct Counts {
    tp: usize,
    fp: usize,
    fn_: usize,
}

impl Counts {
    fn add(&mut self, o: &Outcome) {
        self.tp += o.tp;
        self.fp += o.fp;
        self.fn_ += o.fn_;
    }
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

/// The figures of one file (or of all files together).
#[derive(Default)]
struct Tally {
    cases: usize,
    micro: Counts,
    families: BTreeMap<String, Counts>,
    exact: usize,
    ambiguous: usize,
    flagged: usize,
    near_misses: usize,
    near_misses_clean: usize,
    uses_right: usize,
    bins: [(usize, usize); 10],
}

impl Tally {
    fn add(&mut self, case: &Case, o: &Outcome) {
        self.cases += 1;
        self.exact += usize::from(o.exact);
        self.uses_right += usize::from(o.any_use == case.uses);
        if case.is_near_miss() {
            self.near_misses += 1;
            self.near_misses_clean += usize::from(o.exact);
            return;
        }
        if case.ambiguous {
            self.ambiguous += 1;
            self.flagged += usize::from(o.exact);
            return;
        }
        self.micro.add(o);
        self.families.entry(case.scope_name()).or_default().add(o);
        for &(confidence, right) in &o.calibration {
            let bin = ((confidence * 10.0) as usize).min(9);
            self.bins[bin].0 += 1;
            self.bins[bin].1 += usize::from(right);
        }
    }

    fn reliability(&self) -> Vec<Value> {
        self.bins
            .iter()
            .enumerate()
            .filter(|(_, (n, _))| *n > 0)
            .map(|(i, &(n, right))| {
                let mid = (i as f64 + 0.5) / 10.0;
                let share = ratio(right, n);
                json!({
                    "confidence": format!("{:.1}-{:.1}", i as f64 / 10.0, (i + 1) as f64 / 10.0),
                    "suggestions": n,
                    "right": round(share),
                    "judged": n >= RELIABILITY_MIN,
                    "within": (share - mid).abs() <= RELIABILITY_SLACK + 1e-9,
                })
            })
            .collect()
    }

    fn json(&self) -> Value {
        json!({
            "cases": self.cases,
            "micro": self.micro.json(),
            "families": self.families.iter().map(|(f, c)| (f.clone(), c.json())).collect::<serde_json::Map<_, _>>(),
            "exact": self.exact,
            "exact_share": round(ratio(self.exact, self.cases)),
            "ambiguous_cases": self.ambiguous,
            "ambiguous_flagged": self.flagged,
            "near_misses": self.near_misses,
            "near_misses_clean": self.near_misses_clean,
            "uses_accuracy": round(ratio(self.uses_right, self.cases)),
            "reliability": self.reliability(),
        })
    }

    fn text(&self, out: &mut String) {
        let row = |name: &str, c: &Counts| {
            format!(
                "  {name:14} P {:.3}  R {:.3}  F1 {:.3}   (tp {}, fp {}, fn {})\n",
                c.precision(),
                c.recall(),
                c.f1(),
                c.tp,
                c.fp,
                c.fn_
            )
        };
        if self.micro.tp + self.micro.fp + self.micro.fn_ > 0 {
            out.push_str(&row("micro", &self.micro));
            if self.families.len() > 1 {
                for (f, c) in &self.families {
                    out.push_str(&row(f, c));
                }
            }
        }
        out.push_str(&format!(
            "  exactly right  {}/{} ({:.1}%)\n",
            self.exact,
            self.cases,
            100.0 * ratio(self.exact, self.cases)
        ));
        if self.ambiguous > 0 {
            out.push_str(&format!(
                "  ambiguous      {} of {} flagged with two or more candidates\n",
                self.flagged, self.ambiguous
            ));
        }
        if self.near_misses > 0 {
            out.push_str(&format!(
                "  near misses    {} of {} with nothing found\n",
                self.near_misses_clean, self.near_misses
            ));
        }
        out.push_str(&format!(
            "  uses a registry dataset: accuracy {:.3}\n",
            ratio(self.uses_right, self.cases)
        ));
        let bands = self.reliability();
        if !bands.is_empty() {
            out.push_str("  reliability (share of suggestions right, by confidence)\n");
            for v in bands {
                let verdict = match (v["judged"].as_bool(), v["within"].as_bool()) {
                    (Some(true), Some(true)) => "within 0.10 of its midpoint",
                    (Some(true), _) => "OFF by more than 0.10",
                    _ => "(too few to judge)",
                };
                out.push_str(&format!(
                    "    {}  {:>4} suggestions  {:.3} right  {verdict}\n",
                    v["confidence"].as_str().unwrap_or(""),
                    v["suggestions"],
                    v["right"].as_f64().unwrap_or(0.0)
                ));
            }
        }
    }
}

pub fn run(args: &EvalArgs, registry: &Registry) -> ExitCode {
    let mut all: Vec<Case> = Vec::new();
    let mut problems = Vec::new();
    for (i, path) in args.files.iter().enumerate() {
        match cases::read(path, i) {
            Ok((cases, p)) => {
                all.extend(cases);
                problems.extend(p);
            }
            Err(e) => {
                style::error(&e);
                return ExitCode::InputProblems;
            }
        }
    }
    let analyzer = Analyzer::new(registry);
    let folds = args.cv.unwrap_or(5).max(2);
    let (prepared, p) = train::prepare(&analyzer, all, folds);
    problems.extend(p);
    let reports: Vec<Report> = match args.cv {
        Some(_) => train::cross_validate(&analyzer, &prepared, folds),
        None => prepared
            .iter()
            .map(|p| analyzer.decide(&p.evidence))
            .collect(),
    };

    let mut per_file: Vec<Tally> = args.files.iter().map(|_| Tally::default()).collect();
    let mut overall = Tally::default();
    let mut misses: Vec<Value> = Vec::new();
    for (p, report) in prepared.iter().zip(&reports) {
        let judged = |id: &str| registry.entry(id).is_some_and(|e| p.case.judges(e));
        let o = outcome(&p.case, report, &judged);
        per_file[p.case.file].add(&p.case, &o);
        overall.add(&p.case, &o);
        if !o.exact {
            misses.push(json!({
                "id": p.case.id,
                "file": args.files[p.case.file].display().to_string(),
                "line": p.case.line,
                "expected": p.case.expected,
                "optional": p.case.optional,
                "ambiguous": p.case.ambiguous,
                "predicted": o.predicted,
                "open": report.candidates.iter().map(|c| c.id.clone()).collect::<Vec<_>>(),
                "why": why(report),
            }));
        }
    }
    let how = match args.cv {
        Some(k) => {
            format!("{k}-fold cross-validated (each fold decided by a model fitted on the others)")
        }
        None => "the built-in model".to_string(),
    };
    let mut out = String::new();
    if args.format == Format::Json {
        let files: Vec<Value> = args
            .files
            .iter()
            .zip(&per_file)
            .map(|(f, t)| json!({"file": f.display().to_string(), "figures": t.json()}))
            .collect();
        let value = json!({
            "model": how,
            "files": files,
            "overall": overall.json(),
            "misses": misses,
            "problems": problems,
        });
        out.push_str(&format!("{value}\n"));
    } else {
        if args.misses {
            out.push_str(&format!("{}\n", paint(HEADING, "cases it gets wrong")));
            for m in &misses {
                out.push_str(&format!(
                    "  {} ({}:{}) expected {} optional {} ambiguous {}; predicted {} open {}\n",
                    m["id"].as_str().unwrap_or(""),
                    m["file"].as_str().unwrap_or(""),
                    m["line"],
                    m["expected"],
                    m["optional"],
                    m["ambiguous"],
                    m["predicted"],
                    m["open"]
                ));
                for w in m["why"].as_array().into_iter().flatten() {
                    out.push_str(&format!("      {}\n", w.as_str().unwrap_or("")));
                }
            }
            out.push('\n');
        }
        out.push_str(&format!(
            "{}\n",
            paint(HEADING, &format!("scored with {how}"))
        ));
        for (f, t) in args.files.iter().zip(&per_file) {
            out.push_str(&format!(
                "{}\n",
                paint(HEADING, &format!("{} ({} cases)", f.display(), t.cases))
            ));
            t.text(&mut out);
        }
        if args.files.len() > 1 {
            out.push_str(&format!(
                "{}\n",
                paint(HEADING, &format!("all files ({} cases)", overall.cases))
            ));
            overall.text(&mut out);
        }
        if !args.misses {
            out.push_str(&format!(
                "({} cases not exactly right; --misses lists them with why)\n",
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
                .filter(|r| !matches!(r.kind, whichdata::ReasonKind::Prior))
                .take(4)
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
