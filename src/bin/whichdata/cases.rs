//! Labelled cases, as `eval` scores them and `fit` learns from them.
//!
//! One JSON object per line, in either of two shapes:
//! - the study's coded papers: `{"id", "family", "text", "references",
//!   "expected", "uses", "ambiguous"}` — the coder judged only the ids of
//!   `family` (the corpus the paper came from);
//! - labelled passages: `{"id", "text", "source", "expected", "optional",
//!   "ambiguous", "candidates", "note"}` — every study id is judged;
//!   `optional` ids may be suggested or not; an ambiguous passage is right
//!   when it is flagged with at least two of its `candidates`.
//!
//! `"family": "registry"` judges every registry id, not only the study's
//! (near-miss sentences, where nothing at all may be found).

use std::collections::BTreeSet;
use std::io::{BufRead, BufReader};
use std::path::Path;

use serde_json::Value;
use whichdata::{Entry, Report};

/// Which ids a case's labels speak for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Scope {
    /// The study ids of one family.
    Family(String),
    /// Every study id.
    Study,
    /// Every registry id.
    Registry,
}

/// One labelled case.
#[derive(Clone, Debug)]
pub struct Case {
    /// The case's id (its fold comes from it).
    pub id: String,
    /// The file it came from (index into the files given).
    pub file: usize,
    /// Its line in that file.
    pub line: usize,
    /// What its labels speak for.
    pub scope: Scope,
    /// The text.
    pub text: String,
    /// Its reference list.
    pub references: Vec<String>,
    /// Ids used.
    pub expected: BTreeSet<String>,
    /// Ids a careful reader accepts either way.
    pub optional: BTreeSet<String>,
    /// The text cannot tell which version.
    pub ambiguous: bool,
    /// The versions an ambiguous text leaves open (may be empty in the
    /// study's cases).
    pub candidates: BTreeSet<String>,
    /// The text uses a registry dataset (the study's `uses`).
    pub uses: bool,
}

impl Case {
    /// Whether this case's labels speak for `e`.
    pub fn judges(&self, e: &Entry) -> bool {
        match &self.scope {
            Scope::Registry => true,
            Scope::Study => e.study.is_some(),
            Scope::Family(f) => e.study.is_some() && &e.family == f,
        }
    }

    /// Whether the case is a near miss: every registry id judged, none used.
    pub fn is_near_miss(&self) -> bool {
        self.scope == Scope::Registry && self.expected.is_empty() && !self.ambiguous
    }

    /// The name of its scope, for reports.
    pub fn scope_name(&self) -> String {
        match &self.scope {
            Scope::Family(f) => f.clone(),
            Scope::Study => "passages".to_string(),
            Scope::Registry => "registry".to_string(),
        }
    }
}

/// Reads the cases of `path` (file number `file`); lines it cannot read are
/// returned as problems with their line number.
pub fn read(path: &Path, file: usize) -> Result<(Vec<Case>, Vec<String>), String> {
    let f =
        std::fs::File::open(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    let mut cases = Vec::new();
    let mut problems = Vec::new();
    let name = path.display();
    for (i, line) in BufReader::new(f).lines().enumerate() {
        let line_no = i + 1;
        let line = match line {
            Ok(l) if l.trim().is_empty() => continue,
            Ok(l) => l,
            Err(e) => {
                problems.push(format!("{name}:{line_no}: {e}"));
                continue;
            }
        };
        let v: Value = match serde_json::from_str(&line) {
            Ok(v) => v,
            Err(e) => {
                problems.push(format!("{name}:{line_no}: not a JSON object: {e}"));
                continue;
            }
        };
        let Some(text) = v.get("text").and_then(Value::as_str) else {
            problems.push(format!("{name}:{line_no}: has no \"text\""));
            continue;
        };
        let expected: BTreeSet<String> = strings(&v, "expected");
        let scope = match v.get("family").and_then(Value::as_str) {
            None | Some("all") => Scope::Study,
            Some("registry") => Scope::Registry,
            Some(f) => Scope::Family(f.to_string()),
        };
        let ambiguous = v.get("ambiguous").and_then(Value::as_bool).unwrap_or(false);
        cases.push(Case {
            id: v
                .get("id")
                .and_then(Value::as_str)
                .map_or_else(|| format!("{name}:{line_no}"), str::to_string),
            file,
            line: line_no,
            scope,
            text: text.to_string(),
            references: strings(&v, "references"),
            uses: v
                .get("uses")
                .and_then(Value::as_bool)
                .unwrap_or(!expected.is_empty() || ambiguous),
            optional: strings(&v, "optional"),
            candidates: strings(&v, "candidates"),
            ambiguous,
            expected,
        });
    }
    Ok((cases, problems))
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

/// How a report fares on a case.
#[derive(Clone, Debug, Default)]
pub struct Outcome {
    /// Judged ids suggested.
    pub predicted: BTreeSet<String>,
    /// Expected and suggested.
    pub tp: usize,
    /// Suggested, neither expected nor optional.
    pub fp: usize,
    /// Expected, not suggested.
    pub fn_: usize,
    /// Every expected id, nothing outside expected + optional; an ambiguous
    /// case flagged with two or more candidates (or, where the labels list
    /// none, with any judged candidate); a near miss with nothing at all.
    pub exact: bool,
    /// Whether any judged id was suggested or left open.
    pub any_use: bool,
    /// (confidence, right) of each judged suggestion.
    pub calibration: Vec<(f64, bool)>,
}

/// Scores `report` on `case`; `judged(id)` says whether the case speaks for an id.
pub fn outcome(case: &Case, report: &Report, judged: &dyn Fn(&str) -> bool) -> Outcome {
    let suggested: Vec<(&str, f64)> = report
        .suggestions
        .iter()
        .map(|s| (s.id.as_str(), s.confidence))
        .collect();
    let open: Vec<&str> = report.candidates.iter().map(|s| s.id.as_str()).collect();
    outcome_of(case, &suggested, &open, judged)
}

/// Scores suggested ids (with their confidences) and open ids on `case`.
pub fn outcome_of(
    case: &Case,
    suggested: &[(&str, f64)],
    open_ids: &[&str],
    judged: &dyn Fn(&str) -> bool,
) -> Outcome {
    let judged_id = |id: &str| case.expected.contains(id) || judged(id);
    let predicted: BTreeSet<String> = suggested
        .iter()
        .map(|s| s.0.to_string())
        .filter(|id| judged_id(id))
        .collect();
    let open: BTreeSet<String> = open_ids
        .iter()
        .map(|s| s.to_string())
        .filter(|id| judged_id(id))
        .collect();
    let tp = predicted.intersection(&case.expected).count();
    let fp = predicted
        .iter()
        .filter(|id| !case.expected.contains(*id) && !case.optional.contains(*id))
        .count();
    let fn_ = case.expected.difference(&predicted).count();
    let flagged = !open.is_empty();
    let exact = if case.is_near_miss() {
        suggested.is_empty() && open_ids.is_empty()
    } else if case.ambiguous {
        let kept = if case.candidates.is_empty() {
            usize::from(flagged) * 2
        } else {
            open.intersection(&case.candidates).count()
        };
        kept >= 2
    } else {
        fn_ == 0 && fp == 0
    };
    let calibration = suggested
        .iter()
        .filter(|s| judged_id(s.0) && !case.optional.contains(s.0))
        .map(|s| (s.1, case.expected.contains(s.0)))
        .collect();
    Outcome {
        any_use: !predicted.is_empty() || flagged,
        predicted,
        tp,
        fp,
        fn_,
        exact,
        calibration,
    }
}
