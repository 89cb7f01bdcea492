//! `whichdata registry list|show|validate` (and `export`, in `export_cmd`): the registry, for people and
//! programs.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::Write as _;
use std::path::Path;

use whichdata::{Entry, Registry, Source, thousands};

use crate::cli::{Format, ListArgs, RegistryCommand, ShowArgs};
use crate::exit_codes::ExitCode;
use crate::style::{self, BAD, DIM, GOOD, HEADING, WARN, paint};

/// Runs a registry subcommand against the registry in use.
pub fn run(cmd: RegistryCommand, registry: &Registry) -> ExitCode {
    match cmd {
        RegistryCommand::List(args) => list(&args, registry),
        RegistryCommand::Show(args) => show(&args, registry),
        RegistryCommand::Export(args) => crate::export_cmd::run(&args, registry),
        RegistryCommand::Validate(_) => {
            print(&format!(
                "{} registry in use is valid: {} entries, {} sources\n",
                paint(GOOD, "ok:"),
                registry.entries().len(),
                registry.document().sources.len()
            ));
            ExitCode::Success
        }
    }
}

/// `registry validate FILE`: every problem with its place, exit 1 if any.
pub fn validate_file(path: &Path) -> ExitCode {
    // The file is the input here: unreadable or not text is an input problem.
    let text = match crate::input::read_text(path, "registry file") {
        Ok(text) => text,
        Err(message) => {
            style::error(&message);
            return ExitCode::InputProblems;
        }
    };
    match Registry::from_json(&text) {
        Ok(registry) => {
            print(&format!(
                "{} {} is valid: {} entries, {} sources\n",
                paint(GOOD, "ok:"),
                path.display(),
                registry.entries().len(),
                registry.document().sources.len()
            ));
            ExitCode::Success
        }
        Err(err) => {
            match err.line_column() {
                Some((line, column)) => {
                    style::error(&format!("{}:{line}:{column}: {err}", path.display()))
                }
                None => style::error(&format!("{}: {err}", path.display())),
            }
            ExitCode::InputProblems
        }
    }
}

fn print(text: &str) {
    let mut out = anstream::stdout();
    // A closed pipe (`| head`) is not an error worth reporting.
    let _ = out.write_all(text.as_bytes());
}

fn list(args: &ListArgs, registry: &Registry) -> ExitCode {
    let entries: Vec<&Entry> = registry
        .entries()
        .iter()
        .filter(|e| {
            args.family
                .as_deref()
                .is_none_or(|f| e.family.eq_ignore_ascii_case(f))
        })
        .filter(|e| {
            args.status
                .as_deref()
                .is_none_or(|s| e.status.state.as_str().eq_ignore_ascii_case(s))
        })
        .collect();
    if args.format == Format::Json {
        let rows: Vec<_> = entries
            .iter()
            .map(|e| {
                serde_json::json!({
                    "id": e.id, "name": e.name, "kind": e.kind.as_str(), "family": e.family,
                    "parent": e.parent, "status": e.status.state.as_str(), "status_date": e.status.date,
                    "license": e.license.as_ref().map(|l| &l.published),
                    "prohibits_commercial_use": e.license.as_ref().map_or("unknown", |l| l.prohibits_commercial_use.as_str()),
                })
            })
            .collect();
        print(&format!("{}\n", serde_json::Value::Array(rows)));
        return ExitCode::Success;
    }
    // Long names are cut so that one line stays one entry on a terminal.
    const NAME_WIDTH: usize = 40;
    let width = |f: fn(&Entry) -> usize| entries.iter().map(|e| f(e)).max().unwrap_or(0);
    let (wid, wname, wfam) = (
        width(|e| e.id.len()).max(2),
        width(|e| e.name.chars().count()).clamp(4, NAME_WIDTH),
        width(|e| e.family.len()).max(6),
    );
    let mut out = format!(
        "{}\n",
        paint(
            HEADING,
            &format!(
                "{:wid$}  {:wname$}  {:14}  {:wfam$}  {:18}  licence",
                "id", "name", "kind", "family", "status"
            )
        )
    );
    for e in &entries {
        let status = match &e.status.date {
            Some(d) => format!("{} {d}", e.status.state.as_str()),
            None => e.status.state.as_str().to_string(),
        };
        let status_style = match e.status.state {
            whichdata::State::Retracted => BAD,
            whichdata::State::Available => GOOD,
            _ => WARN,
        };
        let _ = writeln!(
            out,
            "{:wid$}  {:wname$}  {:14}  {:wfam$}  {}  {}",
            e.id,
            truncate(&e.name, wname),
            e.kind.as_str(),
            e.family,
            paint(status_style, &format!("{status:18}")),
            e.license
                .as_ref()
                .map_or_else(|| "not recorded".to_string(), |l| l.display())
        );
    }
    let _ = writeln!(out, "{}", paint(DIM, &format!("{} entries", entries.len())));
    print(&out);
    ExitCode::Success
}

fn show(args: &ShowArgs, registry: &Registry) -> ExitCode {
    let Some(entry) = registry.find(&args.id) else {
        style::error(&format!(
            "no entry with id \"{}\"; `whichdata registry list` shows them all",
            args.id
        ));
        return ExitCode::InputProblems;
    };
    let mut notes = Footnotes::new();
    if args.format == Format::Json {
        let sources: BTreeMap<&str, &Source> = entry_sources(entry)
            .into_iter()
            .filter_map(|k| registry.source(k).map(|s| (k, s)))
            .collect();
        let json = serde_json::json!({ "entry": entry, "sources": sources });
        print(&format!("{json:#}\n"));
        return ExitCode::Success;
    }
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{}  {}  ({})",
        paint(HEADING, &entry.id),
        paint(HEADING, &entry.name),
        entry.kind.as_str()
    );
    let mut row = |label: &str, value: String| {
        let _ = writeln!(out, "  {} {value}", paint(DIM, &format!("{label:12}")));
    };
    if let Some(s) = &entry.summary {
        row("summary", s.clone());
    }
    row("family", entry.family.clone());
    let lineage: Vec<String> = registry
        .lineage(&entry.id)
        .iter()
        .map(|e| format!("{} {} [{}]", e.id, e.name, e.status.state.as_str()))
        .collect();
    row("lineage", lineage.join("  ←  "));
    let children: Vec<String> = registry
        .children(&entry.id)
        .map(|c| format!("{} {}", c.id, c.name))
        .collect();
    if !children.is_empty() {
        row("derivatives", children.join(", "));
    }
    for a in &entry.aliases {
        let mut flags = Vec::new();
        if a.case_sensitive {
            flags.push("case-sensitive".to_string());
        }
        if !a.shared_with.is_empty() {
            flags.push(format!("shared with {}", a.shared_with.join(", ")));
        }
        let flags = if flags.is_empty() {
            String::new()
        } else {
            format!(" ({})", flags.join("; "))
        };
        row(
            "alias",
            format!("{}{flags} {}", a.name, notes.mark(&a.source)),
        );
    }
    for p in &entry.papers {
        let role = format!("{:?}", p.role).to_lowercase();
        let cite = registry
            .source(&p.source)
            .map(Source::citation)
            .unwrap_or_default();
        row("paper", format!("{role}: {cite}"));
    }
    for s in &entry.statistics {
        let approx = if s.approximate { "~" } else { "" };
        let note = s
            .note
            .as_deref()
            .map(|n| format!(" ({n})"))
            .unwrap_or_default();
        row(
            "statistic",
            format!(
                "{} {}: {approx}{}{note} {}",
                s.quantity.as_str(),
                s.split.as_str(),
                thousands(s.value),
                notes.mark(&s.source)
            ),
        );
    }
    for c in &entry.cues {
        row(
            "cue",
            format!("{} {}", c.cue.as_str(), notes.mark(&c.source)),
        );
    }
    for a in &entry.annotations {
        let sensitive = if a.sensitive {
            paint(WARN, " (sensitive)")
        } else {
            String::new()
        };
        row(
            "annotation",
            format!("{}{sensitive} {}", a.label, notes.mark(&a.source)),
        );
    }
    let st = &entry.status;
    let mut status = st.state.as_str().to_string();
    if let Some(d) = &st.date {
        status.push_str(&format!(" {d}"));
    }
    if let Some(s) = &st.statement {
        status.push_str(&format!(": {s}"));
    }
    let status_style = if st.state == whichdata::State::Retracted {
        BAD
    } else {
        GOOD
    };
    let as_of = st
        .as_of
        .as_deref()
        .map(|d| format!(" (as of {d})"))
        .unwrap_or_default();
    let cited = match &st.source {
        Some(src) => notes.mark(src),
        None => paint(DIM, "(nothing documents it)"),
    };
    row(
        "status",
        format!("{}{as_of} {cited}", paint(status_style, &status)),
    );
    for r in &st.reports {
        let date = r
            .date
            .as_deref()
            .map(|d| format!(" {d}"))
            .unwrap_or_default();
        let as_of = r
            .as_of
            .as_deref()
            .map(|d| format!(" (as of {d})"))
            .unwrap_or_default();
        row(
            "reported",
            format!(
                "{}{date}: {}{as_of} {}",
                r.state.as_str(),
                r.statement,
                notes.mark(&r.source)
            ),
        );
    }
    match &entry.license {
        Some(l) => {
            let spdx: Vec<&str> = l.spdx.iter().flatten().map(String::as_str).collect();
            let spdx = if spdx.is_empty() {
                String::new()
            } else {
                format!(" (SPDX: {})", spdx.join(", "))
            };
            row(
                "licence",
                format!(
                    "{}{spdx}; {} {}",
                    l.display(),
                    l.prohibits_commercial_use.sentence(),
                    notes.mark(&l.source)
                ),
            );
            for t in &l.terms {
                row(
                    "terms",
                    format!("the distributor's terms: {} {}", t.text, notes.mark(&t.source)),
                );
            }
        }
        None => row(
            "licence",
            "not recorded: no licence is known, which grants nothing; ask the distributor before any use"
                .to_string(),
        ),
    }
    for a in &entry.access {
        let archived = if a.archived { " (archived copy)" } else { "" };
        row(
            "access",
            format!("{}{archived} {}", a.url, notes.mark(&a.source)),
        );
    }
    if let Some(s) = &entry.study {
        let yes = |b: bool| if b { "yes" } else { "no" };
        let count = |n: Option<u32>| n.map_or_else(|| "-".to_string(), |n| n.to_string());
        row(
            "study",
            format!(
                "new application: {}; sensitive attribute annotations: {}; post-processing: {}; still available: {}; includes original images: {} {}",
                yes(s.new_application),
                yes(s.attribute_annotations),
                yes(s.post_processing),
                s.still_available.as_str(),
                yes(s.includes_original_images),
                notes.mark(&s.source)
            ),
        );
        row(
            "study uses",
            format!(
                "documented: {}; citing the associated paper: {}; in 2020: {}; papers sampled: {} {}",
                count(s.documented_uses),
                count(s.documented_uses_citing_assoc_paper),
                count(s.uses_2020),
                count(s.papers_sampled),
                notes.mark(&s.source)
            ),
        );
    }
    for n in &entry.notes {
        row("note", format!("{} {}", n.text, notes.mark(&n.source)));
    }
    let _ = writeln!(out, "{}", paint(HEADING, "sources"));
    for (i, key) in notes.keys.iter().enumerate() {
        let cite = registry
            .source(key)
            .map(Source::citation)
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "  [{}] {cite} {}",
            i + 1,
            paint(DIM, &format!("({key})"))
        );
    }
    print(&out);
    ExitCode::Success
}

/// Numbers sources in order of first use, so each fact can point to one.
struct Footnotes<'a> {
    keys: Vec<&'a str>,
}

impl<'a> Footnotes<'a> {
    fn new() -> Self {
        Footnotes { keys: Vec::new() }
    }

    fn mark(&mut self, key: &'a str) -> String {
        let n = match self.keys.iter().position(|k| *k == key) {
            Some(i) => i + 1,
            None => {
                self.keys.push(key);
                self.keys.len()
            }
        };
        paint(DIM, &format!("[{n}]"))
    }
}

/// Every source key an entry refers to, in order of appearance.
fn entry_sources(e: &Entry) -> Vec<&str> {
    let mut keys: Vec<&str> = Vec::new();
    keys.extend(e.aliases.iter().map(|a| a.source.as_str()));
    keys.extend(e.papers.iter().map(|p| p.source.as_str()));
    keys.extend(e.statistics.iter().map(|s| s.source.as_str()));
    keys.extend(e.cues.iter().map(|c| c.source.as_str()));
    keys.extend(e.annotations.iter().map(|a| a.source.as_str()));
    keys.extend(e.status.source.as_deref());
    keys.extend(e.status.reports.iter().map(|r| r.source.as_str()));
    keys.extend(e.license.iter().map(|l| l.source.as_str()));
    keys.extend(
        e.license
            .iter()
            .flat_map(|l| l.terms.iter().map(|t| t.source.as_str())),
    );
    keys.extend(e.access.iter().map(|a| a.source.as_str()));
    keys.extend(e.study.iter().map(|s| s.source.as_str()));
    keys.extend(e.notes.iter().map(|n| n.source.as_str()));
    let mut seen = std::collections::HashSet::new();
    keys.retain(|k| seen.insert(*k));
    keys
}

/// `name` cut to `width` characters, with an ellipsis when cut.
fn truncate(name: &str, width: usize) -> String {
    if name.chars().count() <= width {
        name.to_string()
    } else {
        let mut cut: String = name.chars().take(width - 1).collect();
        cut.push('…');
        cut
    }
}
