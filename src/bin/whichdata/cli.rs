//! The command line, declared with clap's derive API: the doc comments below
//! are the help text users read.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Tells which dataset, derivative or pre-trained model a paper's text
/// really uses, how sure it is, and why.
#[derive(Debug, Parser)]
#[command(name = "whichdata", version, about, long_about = None)]
pub struct Cli {
    /// Use this registry file instead of the built-in one.
    #[arg(long, global = true, value_name = "FILE")]
    pub registry: Option<PathBuf>,

    /// When to colour text output.
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,

    #[command(subcommand)]
    pub command: Command,
}

/// What to do.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Inspect and validate the registry of datasets, derivatives and models.
    #[command(subcommand)]
    Registry(RegistryCommand),
}

/// `whichdata registry …`
#[derive(Debug, Subcommand)]
pub enum RegistryCommand {
    /// List every entry with its family, status and licence.
    List(ListArgs),
    /// Print every fact about one entry, each with its source.
    Show(ShowArgs),
    /// Check a registry file (or the built-in registry) and report every problem with its place.
    Validate(ValidateArgs),
}

/// Arguments of `registry list`.
#[derive(Debug, Args)]
pub struct ListArgs {
    /// Only entries of this family (e.g. dukemtmc, msceleb1m, lfw).
    #[arg(long)]
    pub family: Option<String>,
    /// Only entries in this state (available, retracted, unavailable, unknown).
    #[arg(long)]
    pub status: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

/// Arguments of `registry show`.
#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The entry's id (D2, M3, market1501); case does not matter.
    pub id: String,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

/// Arguments of `registry validate`.
#[derive(Debug, Args)]
pub struct ValidateArgs {
    /// The registry file to check; without it, the registry in use.
    pub file: Option<PathBuf>,
}

/// Output formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// For people.
    Text,
    /// One JSON document, for programs.
    Json,
}

/// When to colour output.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// When standard output is a terminal and NO_COLOR is unset.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}
