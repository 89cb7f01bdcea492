//! The `whichdata` command: glue between the command line and the library.
//! All the work happens in the library; this binary parses arguments, reads
//! files, formats reports and maps errors to exit codes.

mod batch;
mod cases;
mod check;
mod cli;
mod eval;
mod exit_codes;
mod export_cmd;
mod fit;
mod html_report;
mod input;
mod registry_cmd;
mod render;
mod style;
mod train;

use std::path::Path;

use clap::Parser;

use cli::{Cli, Command};
use exit_codes::ExitCode;
use whichdata::Registry;

fn main() -> std::process::ExitCode {
    let cli = Cli::parse();
    style::init(cli.color);
    run(cli).into()
}

fn run(cli: Cli) -> ExitCode {
    let with_registry =
        |f: &dyn Fn(&Registry) -> ExitCode| match load_registry(cli.registry.as_deref()) {
            Ok(registry) => f(&registry),
            Err(code) => code,
        };
    match cli.command {
        Command::Check(ref args) => with_registry(&|r| check::run(args, r)),
        Command::Batch(ref args) => with_registry(&|r| batch::run(args, r)),
        Command::Eval(ref args) => with_registry(&|r| eval::run(args, r)),
        Command::Fit(ref args) => with_registry(&|r| fit::run(args, r)),
        Command::Text(ref args) => text_cmd(args),
        Command::Registry(cmd) => {
            // `registry validate FILE` checks its own file; it must not fail
            // because some other registry is broken.
            if let cli::RegistryCommand::Validate(args) = &cmd
                && let Some(file) = &args.file
            {
                return registry_cmd::validate_file(file);
            }
            match load_registry(cli.registry.as_deref()) {
                Ok(registry) => registry_cmd::run(cmd, &registry),
                Err(code) => code,
            }
        }
    }
}

/// `whichdata text FILE`: what the engine would read.
fn text_cmd(args: &cli::TextArgs) -> ExitCode {
    match input::read_paper(&args.file, "file") {
        Ok(text) => {
            use std::io::Write as _;
            let mut out = anstream::stdout();
            let _ = out.write_all(text.as_bytes());
            if !text.ends_with('\n') {
                let _ = out.write_all(b"\n");
            }
            ExitCode::Success
        }
        Err(message) => {
            style::error(&message);
            ExitCode::InputProblems
        }
    }
}

/// The registry in use: the built-in one, or `--registry FILE`.
fn load_registry(path: Option<&Path>) -> Result<Registry, ExitCode> {
    let loaded = match path {
        None => Registry::builtin().cloned(),
        Some(path) => match std::fs::read_to_string(path) {
            Ok(text) => Registry::from_json(&text),
            Err(err) => {
                style::error(&format!("cannot read registry {}: {err}", path.display()));
                return Err(ExitCode::UsageOrRegistry);
            }
        },
    };
    loaded.map_err(|err| {
        let name = path.map_or_else(
            || "built-in registry".to_string(),
            |p| p.display().to_string(),
        );
        style::error(&format!("{name}: {err}"));
        ExitCode::UsageOrRegistry
    })
}
