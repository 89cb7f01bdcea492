//! `whichdata registry export`, and the clock Scholix links are dated by.

use std::io::Write as _;

use serde_json::Value;
use whichdata::Registry;
use whichdata::export::{croissant, datacite};

use crate::cli::{ExportArgs, ExportFormat};
use crate::exit_codes::ExitCode;
use crate::style;

/// `registry export --format croissant|datacite [--id ID | --out-dir DIR]`.
pub fn run(args: &ExportArgs, registry: &Registry) -> ExitCode {
    let record = |e: &whichdata::Entry| match args.format {
        ExportFormat::Croissant => croissant::record(registry, e),
        ExportFormat::Datacite => datacite::record(registry, e),
    };
    if let Some(id) = &args.id {
        let Some(entry) = registry.find(id) else {
            style::error(&format!(
                "no entry {id:?} in the registry (`whichdata registry list` lists them)"
            ));
            return ExitCode::InputProblems;
        };
        return write_stdout(&format!("{:#}\n", record(entry)));
    }
    if let Some(dir) = &args.out_dir {
        if let Err(e) = std::fs::create_dir_all(dir) {
            style::error(&format!("cannot create {}: {e}", dir.display()));
            return ExitCode::InputProblems;
        }
        let total = registry.entries().len();
        for (done, entry) in registry.entries().iter().enumerate() {
            let path = dir.join(format!("{}.json", file_stem(&entry.id)));
            if let Err(e) = std::fs::write(&path, format!("{:#}\n", record(entry))) {
                style::error(&format!(
                    "cannot write {}: {e} (stopped after {done} of {total} entries)",
                    path.display()
                ));
                return ExitCode::InputProblems;
            }
        }
        return ExitCode::Success;
    }
    let lines: String = registry
        .entries()
        .iter()
        .map(|e| format!("{}\n", record(e)))
        .collect();
    write_stdout(&lines)
}

/// An entry id as a file name (ids are letters, digits and hyphens; anything
/// else becomes `_`).
fn file_stem(id: &str) -> String {
    id.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect()
}

/// Writes `text` to standard output: a reader that stopped reading (`|
/// head`) ends the run quietly; any other failure (a full disk) is an error.
pub fn write_stdout(text: &str) -> ExitCode {
    // anstream strips colours where the output is not a terminal.
    let mut out = anstream::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Ok(()) => ExitCode::Success,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::Success,
        Err(e) => {
            style::error(&format!("cannot write the output: {e}"));
            ExitCode::InputProblems
        }
    }
}

/// The date Scholix links are published under: `SOURCE_DATE_EPOCH` (the
/// reproducible-builds convention, so a corpus run can be repeated byte for
/// byte) or else now, in UTC, as `YYYY-MM-DDThh:mm:ssZ`.
pub fn link_date() -> String {
    let given = std::env::var("SOURCE_DATE_EPOCH").ok();
    let parsed = given.as_deref().and_then(|s| s.trim().parse::<i64>().ok());
    if let (Some(s), None) = (&given, parsed) {
        style::warning(&format!(
            "SOURCE_DATE_EPOCH={s:?} is not a count of seconds; the links are dated now"
        ));
    }
    let seconds = parsed.unwrap_or_else(|| {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs() as i64)
    });
    iso_utc(seconds)
}

/// Seconds since 1970 as an ISO 8601 UTC timestamp (Howard Hinnant's
/// days-to-civil algorithm).
fn iso_utc(seconds: i64) -> String {
    let days = seconds.div_euclid(86_400);
    let rest = seconds.rem_euclid(86_400);
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z",
        rest / 3600,
        rest % 3600 / 60,
        rest % 60
    )
}

/// A JSON array, one element per line, for `check --format scholix`.
pub fn json_array(values: Vec<Value>) -> String {
    format!("{:#}\n", Value::Array(values))
}

#[cfg(test)]
mod tests {
    use super::iso_utc;

    #[test]
    fn dates_are_iso_utc() {
        assert_eq!(iso_utc(0), "1970-01-01T00:00:00Z");
        assert_eq!(iso_utc(951_782_400), "2000-02-29T00:00:00Z");
        assert_eq!(iso_utc(1_795_737_600 + 3_723), "2026-11-27T01:02:03Z");
    }
}
