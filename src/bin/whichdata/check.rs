//! `whichdata check`: one text (and optionally its reference list) in, one
//! report out.

use whichdata::{Analyzer, Registry};

use crate::cli::{CheckArgs, CheckFormat};
use crate::exit_codes::ExitCode;
use crate::input::{display_name, read_paper, read_text};
use crate::{render, style};

pub fn run(args: &CheckArgs, registry: &Registry) -> ExitCode {
    if args.id.is_some() && args.format != CheckFormat::Scholix {
        style::error("--id names the paper in Scholix links: use it with --format scholix");
        return ExitCode::UsageOrRegistry;
    }
    let text = match read_paper(&args.file, "text") {
        Ok(t) => t,
        Err(message) => {
            style::error(&message);
            return ExitCode::InputProblems;
        }
    };
    if text.trim().is_empty() {
        style::error(&format!(
            "{} is empty: there is no text to analyse",
            display_name(&args.file)
        ));
        return ExitCode::InputProblems;
    }
    let references = match &args.refs {
        Some(path) => match read_text(path, "reference list") {
            Ok(t) => vec![t],
            Err(message) => {
                style::error(&message);
                return ExitCode::InputProblems;
            }
        },
        None => Vec::new(),
    };
    let analyzer = Analyzer::new(registry);
    let report = match analyzer.analyze(&text, &references) {
        Ok(r) => r,
        Err(err) => {
            style::error(&format!("{}: {err}", display_name(&args.file)));
            return ExitCode::InputProblems;
        }
    };
    let out = match args.format {
        CheckFormat::Json => {
            // The report as the engine gives it, plus what needs attention.
            let mut value = serde_json::to_value(&report).unwrap_or_default();
            if let serde_json::Value::Object(map) = &mut value {
                let attention = whichdata::attention::attention(&report, registry);
                map.insert(
                    "attention".into(),
                    serde_json::to_value(attention).unwrap_or_default(),
                );
            }
            format!("{value}\n")
        }
        CheckFormat::Text => render::report(&report, registry),
        CheckFormat::Scholix => {
            let id = args.id.clone().unwrap_or_else(|| display_name(&args.file));
            let paper = whichdata::export::scholix::Paper::of_report(&id, &report);
            let links = whichdata::export::scholix::links(
                registry,
                &report,
                &paper,
                &crate::export_cmd::link_date(),
            );
            crate::export_cmd::json_array(links)
        }
    };
    crate::export_cmd::write_stdout(&out)
}
