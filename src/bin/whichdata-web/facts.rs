//! What a user must know about an entry, as short sentences: lineage,
//! retraction, licence, availability, sensitive labels, processing; and a
//! suggested data statement. Shared by the result cards and the registry
//! browser.

use whichdata::{Entry, Registry, Source, State as Availability};

/// "D2 DukeMTMC-reID ← D1 DukeMTMC (retracted 2019-04)".
pub fn lineage(registry: &Registry, entry: &Entry) -> String {
    registry
        .lineage(&entry.id)
        .iter()
        .map(|e| match (e.status.state, &e.status.date) {
            (Availability::Retracted, Some(d)) => format!("{} {} (retracted {d})", e.id, e.name),
            _ => format!("{} {}", e.id, e.name),
        })
        .collect::<Vec<_>>()
        .join(" ← ")
}

/// The retracted ancestors (or the entry itself), with date and statement.
pub fn retractions(registry: &Registry, entry: &Entry) -> Vec<String> {
    registry
        .lineage(&entry.id)
        .iter()
        .filter(|e| e.status.state == Availability::Retracted)
        .map(|e| {
            let when = e.status.date.as_deref().unwrap_or("date unknown");
            let what = e
                .status
                .statement
                .as_deref()
                .map(|s| format!(": {s}"))
                .unwrap_or_default();
            if e.id == entry.id {
                format!("Retracted {when}{what}")
            } else {
                format!("Its parent {} was retracted {when}{what}", e.name)
            }
        })
        .collect()
}

/// "Licence: CC BY-NC-SA 4.0; commercial use is forbidden." — never taking
/// silence (no licence, nothing recorded) for permission.
pub fn licence(entry: &Entry) -> String {
    match &entry.license {
        None => "Not recorded: no permission is known, so ask the distributor before any use."
            .to_string(),
        Some(l) => l.summary(),
    }
}

/// Availability, with the first access link.
pub fn availability(entry: &Entry) -> (String, Option<String>) {
    let state = match entry.status.state {
        Availability::Available => "Available",
        Availability::Retracted => "Retracted",
        Availability::Unavailable => "No longer available",
        Availability::Unknown => "Availability unknown (nothing documents it)",
    };
    (
        state.to_string(),
        entry.access.first().map(|a| a.url.clone()),
    )
}

/// Sensitive labels it ships.
pub fn sensitive(entry: &Entry) -> Vec<String> {
    entry
        .annotations
        .iter()
        .filter(|a| a.sensitive)
        .map(|a| a.label.clone())
        .collect()
}

/// Whether the study found it post-processes the original images.
pub fn post_processed(entry: &Entry) -> Option<bool> {
    entry.study.as_ref().map(|s| s.post_processing)
}

/// A precise citation and data statement for the entry, following the
/// study's advice: name the derivative, cite its paper, say where it was
/// obtained and under what licence.
pub fn data_statement(registry: &Registry, entry: &Entry) -> String {
    let mut s = format!("We use {}", entry.name);
    if let Some(parent) = entry.parent.as_deref().and_then(|p| registry.entry(p)) {
        s.push_str(&format!(", a derivative of {}", parent.name));
    }
    let papers: Vec<String> = registry
        .papers_of(entry)
        .map(|(_, p)| Source::Paper(p.clone()).citation())
        .collect();
    if let Some(p) = papers.first() {
        s.push_str(&format!(" [{p}]"));
    }
    s.push('.');
    if let Some(a) = entry.access.first() {
        s.push_str(&format!(" We obtained it from {}", a.url));
        match &entry.license {
            Some(l) if !l.is_none_published() && !l.is_unrecorded() => {
                s.push_str(&format!(", under {}", l.display()));
            }
            Some(l) if l.is_none_published() => {
                s.push_str(", which publishes no licence (so grants no permission)")
            }
            _ => s.push_str(", with no licence on record (so no permission may be assumed)"),
        }
        let terms: Vec<&str> = entry
            .license
            .iter()
            .flat_map(|l| l.terms.iter().map(|t| t.text.trim_end_matches('.')))
            .collect();
        if !terms.is_empty() {
            s.push_str(&format!("; its distributor's terms: {}", terms.join("; ")));
        }
        s.push('.');
    }
    for r in retractions(registry, entry) {
        s.push_str(&format!(" Note: {r}."));
    }
    s
}
