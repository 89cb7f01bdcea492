//! The registry's invariants, checked on every load.
//!
//! A registry is data that the engine and the user both trust, so it is
//! checked like code: the built-in one by the test suite, a user's own on
//! load. Every problem is reported (not just the first) with a JSON path and
//! the entry's id, so a user editing a large file can fix them in one pass.

use std::collections::{BTreeMap, HashMap, HashSet};

use super::model::*;
use crate::error::Problem;
use crate::text::names::name_key;

/// SPDX licence identifiers this build recognises. A registry may only use
/// these, so a typo ("CC-BY-NC-SA-4") is caught rather than shown to users.
const KNOWN_SPDX: &[&str] = &[
    "MIT",
    "Apache-2.0",
    "BSD-2-Clause",
    "BSD-3-Clause",
    "GPL-2.0-only",
    "GPL-3.0-only",
    "CC0-1.0",
    "CC-BY-4.0",
    "CC-BY-SA-4.0",
    "CC-BY-NC-4.0",
    "CC-BY-NC-SA-3.0",
    "CC-BY-NC-SA-4.0",
    "CC-BY-NC-ND-4.0",
    "CC-BY-NC-3.0",
    "CC-BY-3.0",
    "ODbL-1.0",
    "PDDL-1.0",
];

/// Returns every problem found in `doc`; empty means valid.
pub(super) fn check(doc: &RegistryDocument) -> Vec<Problem> {
    let mut c = Checker {
        doc,
        problems: Vec::new(),
    };
    c.header();
    c.sources();
    c.entries();
    c.problems
}

struct Checker<'a> {
    doc: &'a RegistryDocument,
    problems: Vec<Problem>,
}

impl<'a> Checker<'a> {
    fn report(&mut self, place: impl Into<String>, message: impl Into<String>) {
        self.problems.push(Problem {
            place: place.into(),
            message: message.into(),
        });
    }

    fn header(&mut self) {
        if self.doc.format != FORMAT_NAME {
            self.report(
                "format",
                format!("expected \"{FORMAT_NAME}\", found \"{}\"", self.doc.format),
            );
        }
        if self.doc.version != FORMAT_VERSION {
            self.report(
                "version",
                format!(
                    "this build reads version {FORMAT_VERSION}, found {}",
                    self.doc.version
                ),
            );
        }
    }

    fn sources(&mut self) {
        for (key, source) in &self.doc.sources {
            let place = format!("sources.{key}");
            if !is_slug(key) {
                self.report(
                    &place,
                    "source keys are lowercase letters, digits and hyphens",
                );
            }
            match source {
                Source::Paper(p) => {
                    if p.title.trim().is_empty() {
                        self.report(format!("{place}.title"), "is empty");
                    }
                    if p.authors.is_empty() || p.authors.iter().any(|a| a.trim().is_empty()) {
                        self.report(
                            format!("{place}.authors"),
                            "needs at least one non-empty name",
                        );
                    }
                    if !(1900..=2100).contains(&p.year) {
                        self.report(
                            format!("{place}.year"),
                            format!("{} is not a plausible year", p.year),
                        );
                    }
                    if let Some(url) = &p.url {
                        self.url(&format!("{place}.url"), url);
                    }
                    if let Some(doi) = &p.doi
                        && (!doi.starts_with("10.") || !doi.contains('/'))
                    {
                        self.report(
                            format!("{place}.doi"),
                            format!("\"{doi}\" is not a DOI (10.xxxx/…)"),
                        );
                    }
                }
                Source::Web(w) => {
                    if w.title.trim().is_empty() {
                        self.report(format!("{place}.title"), "is empty");
                    }
                    self.url(&format!("{place}.url"), &w.url);
                }
            }
        }
    }

    fn url(&mut self, place: &str, url: &str) {
        if !(url.starts_with("https://") || url.starts_with("http://"))
            || url.contains(char::is_whitespace)
        {
            self.report(place, format!("\"{url}\" is not an http(s) URL"));
        }
    }

    fn source_ref(&mut self, place: &str, key: &str) {
        if !self.doc.sources.contains_key(key) {
            self.report(
                place,
                format!("names source \"{key}\", which the registry does not define"),
            );
        }
    }

    fn entries(&mut self) {
        let doc = self.doc;
        let mut seen: HashMap<&str, usize> = HashMap::new();
        for (i, e) in doc.entries.iter().enumerate() {
            if let Some(first) = seen.insert(e.id.as_str(), i) {
                self.report(
                    entry_place(i, e),
                    format!("id \"{}\" is also used by entries[{first}]", e.id),
                );
            }
        }
        for (i, e) in doc.entries.iter().enumerate() {
            self.entry(i, e, &seen);
        }
        self.lineages(&seen);
        self.shared_names();
    }

    fn entry(&mut self, i: usize, e: &'a Entry, ids: &HashMap<&str, usize>) {
        let at = entry_place(i, e);
        if !is_study_id(&e.id) && !is_slug(&e.id) {
            self.report(
                format!("{at}.id"),
                "ids are the study's (D1, M3) or lowercase slugs (market1501)",
            );
        }
        if e.name.trim().is_empty() {
            self.report(format!("{at}.name"), "is empty");
        }
        if !is_slug(&e.family) {
            self.report(format!("{at}.family"), "families are lowercase slugs");
        }
        if let Some(parent) = &e.parent {
            if parent == &e.id {
                self.report(format!("{at}.parent"), "an entry cannot be its own parent");
            } else if !ids.contains_key(parent.as_str()) {
                self.report(
                    format!("{at}.parent"),
                    format!("names \"{parent}\", which is not an entry"),
                );
            }
        }
        match (is_study_id(&e.id), &e.study) {
            (true, None) => self.report(
                format!("{at}.study"),
                "study entries carry the study's Table 4 record",
            ),
            (false, Some(_)) => self.report(
                format!("{at}.study"),
                "only the study's own ids (D1–D38, M1–M6) carry a study record",
            ),
            (_, Some(s)) => {
                self.source_ref(&format!("{at}.study.source"), &s.source);
                match (
                    &s.documented_uses_citing_parent_paper,
                    &s.parent_paper_source,
                ) {
                    (Some(_), Some(src)) => {
                        self.source_ref(&format!("{at}.study.parent_paper_source"), src)
                    }
                    (Some(_), None) => self.report(
                        format!("{at}.study.parent_paper_source"),
                        "a count of uses citing the parent's paper needs its source",
                    ),
                    _ => {}
                }
            }
            _ => {}
        }

        for (j, alias) in e.aliases.iter().enumerate() {
            let place = format!("{at}.aliases[{j}]");
            if name_key(&alias.name).is_empty() {
                self.report(&place, "an alias needs at least one letter or digit");
            }
            if alias.name == e.name
                && alias.shared_with.is_empty()
                && !alias.case_sensitive
                && !alias.needs_context
            {
                self.report(&place, "repeats the entry's name");
            }
            self.source_ref(&format!("{place}.source"), &alias.source);
            for other in &alias.shared_with {
                if !ids.contains_key(other.as_str()) {
                    self.report(
                        format!("{place}.shared_with"),
                        format!("names \"{other}\", which is not an entry"),
                    );
                }
            }
        }
        // Within one entry a name must not be repeated under another spelling,
        // except as case-sensitive variants that differ in their exact text.
        let mut keys: HashMap<String, (&str, bool)> = HashMap::new();
        let name_case_sensitive = e
            .aliases
            .iter()
            .any(|a| a.name == e.name && a.case_sensitive);
        keys.insert(name_key(&e.name), (&e.name, name_case_sensitive));
        for alias in e.aliases.iter().filter(|a| a.name != e.name) {
            let this = (alias.name.as_str(), alias.case_sensitive);
            if let Some((prev, prev_cs)) = keys.insert(name_key(&alias.name), this)
                && !(prev_cs && alias.case_sensitive)
                // A repeat that declares a name shared with another entry is
                // a declaration, not a duplicate.
                && alias.shared_with.is_empty()
            {
                self.report(
                        format!("{at}.aliases"),
                        format!("\"{}\" and \"{prev}\" are the same name once case and punctuation are ignored", alias.name),
                    );
            }
        }

        for (j, link) in e.papers.iter().enumerate() {
            let place = format!("{at}.papers[{j}]");
            match self.doc.sources.get(&link.source) {
                None => self.source_ref(&format!("{place}.source"), &link.source),
                Some(Source::Web(_)) => self.report(
                    format!("{place}.source"),
                    format!("\"{}\" is a web page, not a paper", link.source),
                ),
                Some(Source::Paper(_)) => {}
            }
        }
        for (j, s) in e.statistics.iter().enumerate() {
            let place = format!("{at}.statistics[{j}]");
            if s.value == 0 {
                self.report(format!("{place}.value"), "a count of zero says nothing");
            }
            if s.split == Split::Subset && s.note.as_deref().is_none_or(|n| n.trim().is_empty()) {
                self.report(
                    format!("{place}.note"),
                    "a subset count needs a note saying which subset",
                );
            }
            self.source_ref(&format!("{place}.source"), &s.source);
        }
        let mut cues = HashSet::new();
        for (j, c) in e.cues.iter().enumerate() {
            if !cues.insert(c.cue) {
                self.report(
                    format!("{at}.cues[{j}]"),
                    format!("cue \"{}\" is listed twice", c.cue.as_str()),
                );
            }
            self.source_ref(&format!("{at}.cues[{j}].source"), &c.source);
        }
        for (j, a) in e.annotations.iter().enumerate() {
            if a.label.trim().is_empty() {
                self.report(format!("{at}.annotations[{j}].label"), "is empty");
            }
            self.source_ref(&format!("{at}.annotations[{j}].source"), &a.source);
        }
        self.status(&at, &e.status);
        if let Some(license) = &e.license {
            self.license(&at, license);
        }
        for (j, a) in e.access.iter().enumerate() {
            self.url(&format!("{at}.access[{j}].url"), &a.url);
            self.source_ref(&format!("{at}.access[{j}].source"), &a.source);
        }
        for (j, n) in e.notes.iter().enumerate() {
            if n.text.trim().is_empty() {
                self.report(format!("{at}.notes[{j}].text"), "is empty");
            }
            self.source_ref(&format!("{at}.notes[{j}].source"), &n.source);
        }
    }

    fn status(&mut self, at: &str, s: &Status) {
        // A state is a claim: it needs a source that says it; "unknown"
        // says nobody documented one, and so cites nothing.
        match (&s.source, s.state) {
            (Some(src), State::Unknown) => self.report(
                format!("{at}.status.source"),
                format!("an unknown status cites no source (it cites \"{src}\")"),
            ),
            (Some(src), _) => self.source_ref(&format!("{at}.status.source"), src),
            (None, State::Unknown) => {}
            (None, state) => self.report(
                format!("{at}.status.source"),
                format!(
                    "a status of \"{}\" needs the source that says it",
                    state.as_str()
                ),
            ),
        }
        if let Some(d) = &s.as_of
            && !(is_year_month(d) || is_date(d))
        {
            self.report(
                format!("{at}.status.as_of"),
                format!("\"{d}\" is not YYYY, YYYY-MM or YYYY-MM-DD"),
            );
        }
        for (j, r) in s.reports.iter().enumerate() {
            let place = format!("{at}.status.reports[{j}]");
            self.source_ref(&format!("{place}.source"), &r.source);
            if r.statement.trim().is_empty() {
                self.report(format!("{place}.statement"), "is empty");
            }
            for (field, d) in [("date", &r.date), ("as_of", &r.as_of)] {
                if let Some(d) = d
                    && !(is_year_month(d) || is_date(d))
                {
                    self.report(format!("{place}.{field}"), format!("\"{d}\" is not a date"));
                }
            }
        }
        match (&s.date, s.state) {
            (None, State::Retracted) => self.report(
                format!("{at}.status.date"),
                "a retraction needs its date (YYYY or YYYY-MM)",
            ),
            (Some(d), _) if !is_year_month(d) => self.report(
                format!("{at}.status.date"),
                format!("\"{d}\" is not YYYY or YYYY-MM"),
            ),
            _ => {}
        }
    }

    fn license(&mut self, at: &str, l: &License) {
        self.source_ref(&format!("{at}.license.source"), &l.source);
        if l.published.len() != l.spdx.len() {
            self.report(
                format!("{at}.license.spdx"),
                format!(
                    "has {} items but published has {}",
                    l.spdx.len(),
                    l.published.len()
                ),
            );
        }
        for (j, id) in l.spdx.iter().enumerate() {
            if let Some(id) = id
                && !KNOWN_SPDX.contains(&id.as_str())
            {
                self.report(
                    format!("{at}.license.spdx[{j}]"),
                    format!("\"{id}\" is not an SPDX id this build knows"),
                );
            }
        }
        for (j, t) in l.terms.iter().enumerate() {
            self.source_ref(&format!("{at}.license.terms[{j}].source"), &t.source);
            if t.text.trim().is_empty() {
                self.report(format!("{at}.license.terms[{j}].text"), "is empty");
            }
        }
        // Silence is no permission: commercial use is "permitted" only where
        // a real licence (one with an SPDX id) says so.
        let licensed = l.spdx.iter().any(Option::is_some);
        if l.prohibits_commercial_use == CommercialUse::No && !licensed {
            self.report(
                format!("{at}.license.prohibits_commercial_use"),
                "\"no\" (commercial use permitted) needs a published licence with an SPDX id; with none published, nothing is granted: use \"not-granted\"",
            );
        }
        if l.published.is_empty()
            && l.terms.is_empty()
            && !matches!(
                l.prohibits_commercial_use,
                CommercialUse::Unknown | CommercialUse::NotGranted
            )
        {
            self.report(
                format!("{at}.license.prohibits_commercial_use"),
                "with no licence or terms recorded, commercial use can only be \"unknown\" or \"not-granted\"",
            );
        }
    }

    /// Parents must form trees: following parents from any entry ends.
    fn lineages(&mut self, ids: &HashMap<&str, usize>) {
        let doc = self.doc;
        for (i, e) in doc.entries.iter().enumerate() {
            let mut steps = 0;
            let mut cur = e.parent.as_deref();
            while let Some(p) = cur {
                steps += 1;
                if steps > doc.entries.len() {
                    self.report(
                        format!("{}.parent", entry_place(i, e)),
                        "parents form a cycle",
                    );
                    break;
                }
                cur = ids.get(p).and_then(|&k| doc.entries[k].parent.as_deref());
            }
        }
    }

    /// A name two entries go by must be declared shared by an alias on at
    /// least one side, so that the engine knows it cannot decide from the
    /// name alone; otherwise it is a silent duplicate.
    fn shared_names(&mut self) {
        let doc = self.doc;
        let mut owners: BTreeMap<String, Vec<(usize, &str)>> = BTreeMap::new();
        for (i, e) in doc.entries.iter().enumerate() {
            let mut mine = HashSet::new();
            for name in e.names() {
                let key = name_key(name);
                if mine.insert(key.clone()) {
                    owners.entry(key).or_default().push((i, name));
                }
            }
        }
        for owners in owners.values().filter(|o| o.len() > 1) {
            for (a, &(i, name)) in owners.iter().enumerate() {
                for &(k, other_name) in &owners[a + 1..] {
                    let (ei, ek) = (&doc.entries[i], &doc.entries[k]);
                    if !declares_shared(ei, &ek.id) && !declares_shared(ek, &ei.id) {
                        self.report(
                            entry_place(i, ei),
                            format!(
                                "\"{name}\" is also a name of {} (\"{other_name}\"); declare it with shared_with",
                                ek.id
                            ),
                        );
                    }
                }
            }
        }
    }
}

fn declares_shared(e: &Entry, other: &str) -> bool {
    e.aliases
        .iter()
        .any(|a| a.shared_with.iter().any(|s| s == other))
}

fn entry_place(i: usize, e: &Entry) -> String {
    format!("entries[{i}] ({})", e.id)
}

/// The study's ids: `D1`…`D38`, `M1`…`M6` (any number is accepted).
pub(crate) fn is_study_id(id: &str) -> bool {
    let mut chars = id.chars();
    matches!(chars.next(), Some('D' | 'M'))
        && !chars.as_str().is_empty()
        && chars.all(|c| c.is_ascii_digit())
}

fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !s.starts_with('-')
        && !s.ends_with('-')
}

/// `YYYY-MM` or `YYYY-MM-DD`.
fn is_date(d: &str) -> bool {
    let b = d.as_bytes();
    let digits =
        |r: std::ops::Range<usize>| r.clone().all(|i| b.get(i).is_some_and(u8::is_ascii_digit));
    match b.len() {
        7 => digits(0..4) && b[4] == b'-' && digits(5..7),
        10 => digits(0..4) && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10),
        _ => false,
    }
}

fn is_year_month(d: &str) -> bool {
    let b = d.as_bytes();
    let year = |b: &[u8]| b.len() == 4 && b.iter().all(u8::is_ascii_digit);
    match b.len() {
        4 => year(b),
        7 => {
            year(&b[..4])
                && b[4] == b'-'
                && matches!(
                    &d[5..],
                    "01" | "02"
                        | "03"
                        | "04"
                        | "05"
                        | "06"
                        | "07"
                        | "08"
                        | "09"
                        | "10"
                        | "11"
                        | "12"
                )
        }
        _ => false,
    }
}
