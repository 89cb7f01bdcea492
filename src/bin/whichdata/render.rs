//! A report as text for people: the verdict, each suggestion with its
//! reasons, what a user must know about it (parent, retraction, licence),
//! and what would settle an ambiguity.

use std::fmt::Write as _;

use whichdata::attention::{self, Severity};
use whichdata::{Outline, Reason, Registry, Report, Role, Stage, State, Suggestion, Verdict};

use crate::style::{BAD, DIM, GOOD, HEADING, WARN, paint};

/// One question's reasons, each with its contribution in log-odds.
fn reasons(out: &mut String, reasons: &[&Reason]) {
    for r in reasons {
        let weight = format!("{:+.1}", r.weight).replace('-', "−");
        let painted = if r.weight > 0.0 {
            paint(GOOD, &weight)
        } else {
            paint(BAD, &weight)
        };
        let _ = writeln!(out, "        {painted} {r}");
    }
}

/// The report as text.
pub fn report(report: &Report, registry: &Registry) -> String {
    let mut out = String::new();
    let verdict = match report.status {
        Verdict::Identified => paint(GOOD, "identified"),
        Verdict::Ambiguous => paint(WARN, "ambiguous"),
        Verdict::None => paint(DIM, "none"),
    };
    let _ = writeln!(out, "{} {verdict}", paint(HEADING, "status:"));
    if report.status == Verdict::None {
        let _ = writeln!(
            out,
            "  The text uses no dataset, derivative or model in the registry that it names, cites or describes."
        );
    }
    // What a reviewer reads first, then the entries in that order.
    let attention = attention::attention(report, registry);
    if report.status != Verdict::None {
        let colour = match attention.worst() {
            Severity::Withdrawn => BAD,
            _ if attention.is_empty() => DIM,
            _ => WARN,
        };
        let _ = writeln!(out, "{}", paint(colour, &attention.summary));
    }
    if !report.suggestions.is_empty() {
        let _ = writeln!(
            out,
            "\n{} {}",
            paint(HEADING, "uses"),
            paint(DIM, "(what needs attention first, then by confidence)")
        );
        for s in attention.order(&report.suggestions) {
            suggestion(&mut out, s, registry);
        }
    }
    if !report.candidates.is_empty() {
        let _ = writeln!(out, "\n{}", paint(HEADING, "cannot tell which of these"));
        for s in &report.candidates {
            suggestion(&mut out, s, registry);
        }
        let _ = writeln!(out, "\n{}", paint(HEADING, "to settle it"));
        for s in &report.settle {
            let _ = writeln!(out, "  {s}");
        }
    }
    if let Some(outline) = &report.outline {
        paper_outline(&mut out, outline);
    }
    if !report.excerpts.is_empty() && report.status != Verdict::None {
        let _ = writeln!(
            out,
            "\n{}",
            paint(HEADING, "excerpts the decision rests on")
        );
        for x in report.excerpts.iter().take(EXCERPTS_SHOWN) {
            let place = x
                .section
                .as_deref()
                .map(|s| format!(" ({s})"))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "  {}{}  {}",
                paint(HEADING, &x.entries.join(", ")),
                paint(DIM, &place),
                one_line(&x.text)
            );
        }
        if report.excerpts.len() > EXCERPTS_SHOWN {
            let _ = writeln!(
                out,
                "  {}",
                paint(
                    DIM,
                    &format!(
                        "… {} more (--format json lists them all)",
                        report.excerpts.len() - EXCERPTS_SHOWN
                    )
                )
            );
        }
    }
    if !report.mentions.is_empty() {
        let names: Vec<String> = report
            .mentions
            .iter()
            .map(|m| format!("“{}” → {}", m.text, m.entries.join("/")))
            .collect();
        let _ = writeln!(
            out,
            "\n{} {}",
            paint(HEADING, "mentions:"),
            names.join(", ")
        );
    }
    out
}

/// Excerpts printed in the text report.
const EXCERPTS_SHOWN: usize = 8;

/// How a whole paper was read: its title, sections and reference list.
fn paper_outline(out: &mut String, outline: &Outline) {
    let _ = writeln!(out, "\n{}", paint(HEADING, "read as a paper"));
    if let Some(title) = &outline.title {
        let _ = writeln!(out, "  title: {}", one_line(title));
    }
    if !outline.sections.is_empty() {
        let sections: Vec<String> = outline
            .sections
            .iter()
            .map(|s| format!("{} [{}]", one_line(&s.heading), s.kind))
            .collect();
        let _ = writeln!(out, "  sections: {}", sections.join(" · "));
    }
    match &outline.references {
        Some(r) => {
            let _ = writeln!(
                out,
                "  its reference list: {} entries, used to resolve its citation markers",
                r.entries
            );
        }
        None => {
            let _ = writeln!(out, "  no reference section found (give one with --refs)");
        }
    }
}

/// Text on one line, whitespace collapsed.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn suggestion(out: &mut String, s: &Suggestion, registry: &Registry) {
    let role = match s.role {
        Role::Used => String::new(),
        Role::Described => format!("  {}", paint(WARN, "described, not said to be used")),
    };
    let _ = writeln!(
        out,
        "  {}  {}  {}{role}",
        paint(HEADING, &s.id),
        paint(HEADING, &s.name),
        paint(DIM, &format!("confidence {:.2}", s.confidence))
    );
    // The two questions, each with the contributions that add up to its
    // log-odds (stage one) or its score among its relatives (stage two).
    let use_reasons: Vec<&Reason> = s.reasons.iter().filter(|r| r.stage == Stage::Use).collect();
    let version_reasons: Vec<&Reason> = s
        .reasons
        .iter()
        .filter(|r| r.stage == Stage::Version)
        .collect();
    let questions = [
        (
            format!("is it used? probability {:.2}", s.group_probability),
            use_reasons,
        ),
        (
            format!("which version? {:.2} of its family", s.version_probability),
            version_reasons,
        ),
    ];
    for (question, rs) in questions.iter().filter(|(_, rs)| !rs.is_empty()) {
        let _ = writeln!(out, "      {}", paint(DIM, question));
        reasons(out, rs);
    }
    if let Some(e) = registry.entry(&s.id) {
        let mut facts = Vec::new();
        for ancestor in registry.lineage(&e.id).iter().skip(1) {
            let status = match (ancestor.status.state, &ancestor.status.date) {
                (State::Retracted, Some(d)) => paint(BAD, &format!(" (retracted {d})")),
                (State::Retracted, None) => paint(BAD, " (retracted)"),
                _ => String::new(),
            };
            facts.push(format!(
                "derived from {} {}{status}",
                ancestor.id, ancestor.name
            ));
        }
        match (e.status.state, &e.status.date) {
            (State::Retracted, d) => facts.push(paint(
                BAD,
                &format!("retracted {}", d.as_deref().unwrap_or("")),
            )),
            (state, _) => facts.push(state.as_str().to_string()),
        }
        match &e.license {
            Some(l) => facts.push(l.brief()),
            None => facts.push(
                "licence not recorded (no permission is known: ask the distributor)".to_string(),
            ),
        }
        let sensitive: Vec<&str> = e
            .annotations
            .iter()
            .filter(|a| a.sensitive)
            .map(|a| a.label.as_str())
            .collect();
        if !sensitive.is_empty() {
            facts.push(paint(
                WARN,
                &format!("sensitive labels: {}", sensitive.join(", ")),
            ));
        }
        let _ = writeln!(out, "      {}", paint(DIM, &facts.join(" · ")));
    }
}
