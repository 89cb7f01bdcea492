//! `batch --html`: one self-contained page a programme chair opens from
//! disk. It lists the datasets the batch uses (with what needs attention)
//! and the papers × the datasets each uses, sortable and filterable, each
//! paper linked to its reasons and excerpts.
//!
//! Everything is in the file: the style, the script (allowed by its hash
//! in a Content-Security-Policy that permits nothing else, so the page can
//! fetch nothing), and the rows, rendered here and escaped, because paper
//! text is untrusted.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use sha2::{Digest, Sha256};
use whichdata::attention::{Attention, Concern, EntryAttention, Severity};
use whichdata::{Registry, Report, Stage, Suggestion, Verdict};

/// Reasons shown per entry in a paper's details (the strongest first).
const REASONS_SHOWN: usize = 8;
/// Excerpts shown per paper.
const EXCERPTS_SHOWN: usize = 6;

/// The rows collected so far.
#[derive(Default)]
pub struct HtmlReport {
    rows: Vec<Row>,
}

struct Row {
    ordinal: usize,
    id: String,
    outcome: Result<Outcome, String>,
}

struct Outcome {
    status: Verdict,
    /// What the paper uses (then candidates), attention first.
    entries: Vec<Used>,
    summary: String,
    unsettled: bool,
    /// The paper's details, rendered when the row was added (the report
    /// itself is not kept).
    details: String,
}

struct Used {
    id: String,
    name: String,
    confidence: f64,
    candidate: bool,
    severity: Severity,
    /// Whether any concern is about terms (licence, availability), beside
    /// a withdrawal.
    terms: bool,
    labels: Vec<String>,
}

impl HtmlReport {
    /// Adds one document's row.
    pub fn add(
        &mut self,
        id: &str,
        ordinal: usize,
        result: Result<&Report, String>,
        attention: Option<&Attention>,
        registry: &Registry,
    ) {
        let outcome = match (result, attention) {
            (Ok(report), Some(attention)) => Ok(outcome(report, attention, registry)),
            (Ok(_), None) => Err("no attention computed".to_string()),
            (Err(e), _) => Err(e),
        };
        self.rows.push(Row {
            ordinal,
            id: id.to_string(),
            outcome,
        });
    }

    /// Writes the page.
    pub fn write(&self, path: &Path, registry: &Registry) -> std::io::Result<()> {
        std::fs::write(path, self.render(registry))
    }

    /// The whole page.
    fn render(&self, registry: &Registry) -> String {
        let script_hash = {
            let digest = Sha256::digest(SCRIPT.as_bytes());
            base64(&digest)
        };
        let mut html = String::with_capacity(64 * 1024 + self.rows.len() * 2048);
        let _ = write!(
            html,
            "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
             <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; \
             style-src 'unsafe-inline'; script-src 'sha256-{script_hash}'; base-uri 'none'; \
             form-action 'none'\">\n<meta name=\"referrer\" content=\"no-referrer\">\n\
             <title>whichdata report: {} papers</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
            self.rows.len()
        );
        self.overview(&mut html);
        self.datasets_table(&mut html, registry);
        self.papers_table(&mut html);
        let _ = writeln!(html, "<h2>Each paper's reasons</h2>");
        for row in &self.rows {
            let _ = write!(
                html,
                "<section class=\"paper\" id=\"doc-{}\"><h3>{} {}</h3>",
                row.ordinal,
                row.ordinal,
                esc(&row.id)
            );
            match &row.outcome {
                Ok(o) => html.push_str(&o.details),
                Err(e) => {
                    let _ = write!(html, "<p class=\"error\">{}</p>", esc(e));
                }
            }
            html.push_str("<p><a href=\"#papers\">back to the table</a></p></section>\n");
        }
        let _ = write!(html, "<script>{SCRIPT}</script>\n</body>\n</html>\n");
        html
    }

    fn overview(&self, html: &mut String) {
        let count = |f: &dyn Fn(&Outcome) -> bool| {
            self.rows
                .iter()
                .filter(|r| r.outcome.as_ref().is_ok_and(f))
                .count()
        };
        let withdrawn = count(&|o| {
            o.entries
                .iter()
                .any(|e| !e.candidate && e.severity == Severity::Withdrawn)
        });
        let terms = count(&|o| o.entries.iter().any(|e| !e.candidate && e.terms));
        let unsettled = count(&|o| o.unsettled);
        let none = count(&|o| o.status == Verdict::None);
        let errors = self.rows.iter().filter(|r| r.outcome.is_err()).count();
        let _ = writeln!(
            html,
            "<header><h1>whichdata report</h1>\
             <p>{} papers: <b class=\"withdrawn\">{withdrawn}</b> use retracted data or data \
             derived from it; {terms} use data with no known licence, non-commercial terms or \
             no longer available; {unsettled} leave a version unsettled; {none} use nothing in \
             the registry; <b class=\"error\">{errors}</b> could not be read.</p>\
             <p class=\"note\">Made by whichdata on this computer; nothing in this file was \
             sent anywhere, and it loads nothing from the network. Each finding is the \
             engine's reading of the text, with its reasons below: check them before acting. \
             No licence known means no permission is known, not permission.</p></header>",
            self.rows.len()
        );
    }

    fn datasets_table(&self, html: &mut String, registry: &Registry) {
        // id → (name, papers using, papers where a candidate, labels, severity)
        let mut used: BTreeMap<&str, (&str, usize, usize, &[String], Severity)> = BTreeMap::new();
        for row in &self.rows {
            let Ok(o) = &row.outcome else { continue };
            for e in &o.entries {
                let slot = used
                    .entry(&e.id)
                    .or_insert((&e.name, 0, 0, &e.labels, e.severity));
                if e.candidate {
                    slot.2 += 1;
                } else {
                    slot.1 += 1;
                }
            }
        }
        let mut list: Vec<_> = used.into_iter().collect();
        list.sort_by(|a, b| (a.1.4, b.1.1, a.0).cmp(&(b.1.4, a.1.1, b.0)));
        let _ = writeln!(
            html,
            "<h2 id=\"datasets\">Datasets used in this batch</h2>\
             <p class=\"note\">Click a dataset to show only the papers that use it (or may).</p>\
             <table class=\"sortable\" id=\"dataset-table\"><thead><tr>\
             <th data-type=\"text\">Dataset</th><th data-type=\"number\">Papers using it</th>\
             <th data-type=\"number\">Papers that may</th><th data-type=\"text\">Needs attention</th>\
             <th data-type=\"text\">Parent</th></tr></thead><tbody>"
        );
        for (id, (name, papers, maybe, labels, severity)) in list {
            let parent = registry
                .entry(id)
                .and_then(|e| e.parent.as_deref())
                .and_then(|p| registry.entry(p))
                .map(|p| format!("{} {}", p.id, p.name))
                .unwrap_or_default();
            let _ = writeln!(
                html,
                "<tr class=\"{}\"><td><button type=\"button\" class=\"pick\" data-id=\"{}\">{} {}</button></td>\
                 <td>{papers}</td><td>{maybe}</td><td>{}</td><td>{}</td></tr>",
                severity_class(severity),
                esc(id),
                esc(id),
                esc(name),
                badges(labels, severity),
                esc(&parent)
            );
        }
        html.push_str("</tbody></table>\n");
    }

    fn papers_table(&self, html: &mut String) {
        let _ = writeln!(
            html,
            "<h2 id=\"papers\">Papers</h2>\
             <div class=\"controls\"><label>Filter <input type=\"search\" id=\"filter\" \
             placeholder=\"paper, dataset or flag\"></label> \
             <label>Show <select id=\"show\">\
             <option value=\"\">all papers</option>\
             <option value=\"attention\">needing attention</option>\
             <option value=\"withdrawn\">using retracted data</option>\
             <option value=\"terms\">no licence, non-commercial or unavailable</option>\
             <option value=\"unsettled\">with unsettled versions</option>\
             <option value=\"error\">that could not be read</option>\
             </select></label> <span id=\"shown\"></span></div>\
             <table class=\"sortable\" id=\"paper-table\"><thead><tr>\
             <th data-type=\"number\">#</th><th data-type=\"text\">Paper</th>\
             <th data-type=\"text\">Status</th><th data-type=\"text\">Datasets used</th>\
             <th data-type=\"text\">Needs attention</th></tr></thead><tbody>"
        );
        for row in &self.rows {
            let (flags, datasets, status, cells) = match &row.outcome {
                Err(e) => (
                    "error".to_string(),
                    String::new(),
                    "error".to_string(),
                    format!("<td class=\"error\" colspan=\"2\">{}</td>", esc(e)),
                ),
                Ok(o) => {
                    let mut flags = Vec::new();
                    if o.entries.iter().any(|e| e.severity == Severity::Withdrawn) {
                        flags.push("withdrawn");
                    }
                    if o.entries.iter().any(|e| e.terms) {
                        flags.push("terms");
                    }
                    if o.unsettled {
                        flags.push("unsettled");
                    }
                    if !flags.is_empty() {
                        flags.push("attention");
                    }
                    let ids: Vec<&str> = o.entries.iter().map(|e| e.id.as_str()).collect();
                    let chips: String = o.entries.iter().map(chip).collect();
                    (
                        flags.join(" "),
                        ids.join(" "),
                        o.status.as_str().to_string(),
                        format!("<td>{chips}</td><td>{}</td>", esc(&o.summary)),
                    )
                }
            };
            let _ = writeln!(
                html,
                "<tr data-flags=\"{flags}\" data-datasets=\" {} \"><td>{}</td>\
                 <td><a href=\"#doc-{}\">{}</a></td><td class=\"status-{status}\">{status}</td>{cells}</tr>",
                esc(&datasets),
                row.ordinal,
                row.ordinal,
                esc(&row.id),
            );
        }
        html.push_str("</tbody></table>\n");
    }
}

/// A paper's outcome, with its details rendered.
fn outcome(report: &Report, attention: &Attention, registry: &Registry) -> Outcome {
    let find = |id: &str| {
        report
            .suggestions
            .iter()
            .chain(&report.candidates)
            .find(|s| s.id == id)
    };
    let entries: Vec<Used> = attention
        .entries
        .iter()
        .map(|e| Used {
            id: e.id.clone(),
            name: e.name.clone(),
            confidence: find(&e.id).map_or(0.0, |s| s.confidence),
            candidate: e.candidate,
            severity: e.severity(),
            terms: e.concerns.iter().any(|c| c.severity() == Severity::Terms),
            labels: e.concerns.iter().map(Concern::label).collect(),
        })
        .collect();
    let mut details = String::new();
    let _ = write!(
        details,
        "<p class=\"summary {}\">{}</p>",
        severity_class(attention.worst()),
        esc(&attention.summary)
    );
    for e in &attention.entries {
        if let Some(s) = find(&e.id) {
            entry_details(&mut details, s, e, registry);
        }
    }
    if !report.settle.is_empty() {
        details.push_str("<p><b>To settle it:</b></p><ul>");
        for s in &report.settle {
            let _ = write!(details, "<li>{}</li>", esc(s));
        }
        details.push_str("</ul>");
    }
    if !report.excerpts.is_empty() {
        details.push_str("<p><b>Excerpts the decision rests on:</b></p><ul class=\"excerpts\">");
        for x in report.excerpts.iter().take(EXCERPTS_SHOWN) {
            let _ = write!(
                details,
                "<li><span class=\"ids\">{}</span> {}</li>",
                esc(&x.entries.join(", ")),
                esc(&x.text)
            );
        }
        if report.excerpts.len() > EXCERPTS_SHOWN {
            let _ = write!(
                details,
                "<li>… and {} more (see `whichdata check` on the paper)</li>",
                report.excerpts.len() - EXCERPTS_SHOWN
            );
        }
        details.push_str("</ul>");
    }
    Outcome {
        status: report.status,
        entries,
        summary: attention.summary.clone(),
        unsettled: !attention.unsettled.is_empty(),
        details,
    }
}

fn entry_details(out: &mut String, s: &Suggestion, e: &EntryAttention, registry: &Registry) {
    let labels: Vec<String> = e.concerns.iter().map(Concern::label).collect();
    let _ = write!(
        out,
        "<div class=\"entry {}\"><h4>{} {} <span class=\"conf\">{} {:.2}</span> {}</h4>",
        severity_class(e.severity()),
        esc(&s.id),
        esc(&s.name),
        if e.candidate {
            "candidate,"
        } else {
            "confidence"
        },
        s.confidence,
        badges(&labels, e.severity())
    );
    if let Some(entry) = registry.entry(&s.id) {
        let licence = entry.license.as_ref().map_or_else(
            || "licence not recorded (no permission is known: ask the distributor)".to_string(),
            |l| l.brief(),
        );
        let _ = write!(out, "<p class=\"facts\">{}</p>", esc(&licence));
    }
    out.push_str("<ul class=\"reasons\">");
    let mut reasons: Vec<_> = s.reasons.iter().collect();
    // Which question first, then the strongest evidence.
    reasons.sort_by(|a, b| {
        (a.stage == Stage::Version)
            .cmp(&(b.stage == Stage::Version))
            .then(b.weight.abs().total_cmp(&a.weight.abs()))
    });
    for r in reasons.iter().take(REASONS_SHOWN) {
        let _ = write!(
            out,
            "<li><span class=\"w {}\">{:+.1}</span> {}</li>",
            if r.weight >= 0.0 { "pos" } else { "neg" },
            r.weight,
            esc(&r.to_string())
        );
    }
    out.push_str("</ul></div>");
}

fn chip(e: &Used) -> String {
    format!(
        "<span class=\"chip {}{}\" title=\"{}\">{} <small>{:.2}</small></span> ",
        severity_class(e.severity),
        if e.candidate { " candidate" } else { "" },
        esc(&e.labels.join("; ")),
        esc(&e.name),
        e.confidence
    )
}

fn badges(labels: &[String], severity: Severity) -> String {
    labels
        .iter()
        .map(|l| {
            format!(
                "<span class=\"badge {}\">{}</span> ",
                severity_class(severity),
                esc(l)
            )
        })
        .collect()
}

fn severity_class(s: Severity) -> &'static str {
    match s {
        Severity::Withdrawn => "withdrawn",
        Severity::Terms => "terms",
        Severity::None => "fine",
    }
}

/// Text made safe for HTML content and attribute values.
fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// Standard base64 (for the script's CSP hash).
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for group in bytes.chunks(3) {
        let n = group
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        for i in 0..4 {
            if i <= group.len() {
                out.push(char::from(ALPHABET[(n >> (18 - 6 * i) & 63) as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// The page's style.
const STYLE: &str = include_str!("report/report.css");

/// Sorting by any column and filtering by text, flag or dataset: DOM only,
/// allowed by its hash alone.
const SCRIPT: &str = include_str!("report/report.js");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_known_values() {
        assert_eq!(base64(b""), "");
        assert_eq!(base64(b"f"), "Zg==");
        assert_eq!(base64(b"fo"), "Zm8=");
        assert_eq!(base64(b"foo"), "Zm9v");
        assert_eq!(base64(b"foobar"), "Zm9vYmFy");
    }

    #[test]
    fn paper_text_cannot_become_markup() {
        assert_eq!(
            esc("<script>\"x\" & 'y'</script>"),
            "&lt;script&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;/script&gt;"
        );
    }
}
