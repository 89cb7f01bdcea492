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
    /// Analyse one text: which registry datasets, derivatives or models it uses, and why.
    Check(CheckArgs),
    /// Analyse many documents (JSONL or the study's CSV), one result per document, in order.
    Batch(BatchArgs),
    /// Score the engine on labelled cases (the study's coded papers, or labelled passages).
    Eval(EvalArgs),
    /// Fit the decision model's weights on labelled cases (writes model/weights.json).
    Fit(FitArgs),
    /// Print the text whichdata reads from a file (a PDF's extracted text, or the text itself).
    Text(TextArgs),
    /// Inspect and validate the registry of datasets, derivatives and models.
    #[command(subcommand)]
    Registry(RegistryCommand),
}

/// Arguments of `check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The text to analyse (a methods section or a whole paper); `-` for standard input.
    #[arg(default_value = "-")]
    pub file: PathBuf,
    /// The paper's reference list: one entry per line, or numbered ([1] …, 1. …).
    #[arg(long, value_name = "FILE")]
    pub refs: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = CheckFormat::Text)]
    pub format: CheckFormat,
    /// The paper's id for `--format scholix`: its DOI (bare, doi: or a
    /// doi.org address), a URL, or any name; the file's name when omitted.
    #[arg(long, value_name = "DOI|URL|NAME")]
    pub id: Option<String>,
}

/// Output formats of `check`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum CheckFormat {
    /// For people.
    Text,
    /// One JSON document, for programs.
    Json,
    /// A JSON array of Scholix link records, one per dataset, derivative
    /// or model the text uses (the paper `References` it).
    Scholix,
}

/// Arguments of `text`.
#[derive(Debug, Args)]
pub struct TextArgs {
    /// A PDF or a text file; `-` for standard input.
    #[arg(default_value = "-")]
    pub file: PathBuf,
}

/// Arguments of `batch`.
#[derive(Debug, Args)]
pub struct BatchArgs {
    /// The documents: one corpus file (JSONL or the study's CSV; `-` for
    /// standard input), or papers: PDFs and text files, or folders of them
    /// (searched recursively), one document per file.
    #[arg(default_value = "-", value_name = "FILE|DIR")]
    pub files: Vec<PathBuf>,
    /// Also write a self-contained HTML report (opens from disk, no network):
    /// papers × datasets, flags for retracted data, licences and unsettled
    /// versions, sortable and filterable, each row linked to its reasons.
    #[arg(long, value_name = "FILE")]
    pub html: Option<PathBuf>,
    /// Input format of a corpus file; detected from the first character when omitted (`{` means JSONL).
    #[arg(long, value_enum)]
    pub format: Option<BatchInput>,
    /// Output format: JSONL (the same fields as `check --format json`, plus
    /// `id` and `line`), CSV, or Scholix link records.
    #[arg(long, value_enum, default_value_t = BatchOutput::Jsonl)]
    pub output: BatchOutput,
    /// CSV input: a column holding the paper's reference entries (one per line, or separated by " || ").
    #[arg(long, value_name = "NAME")]
    pub refs_column: Option<String>,
    /// Exit 0 even when some documents could not be read (they still get an
    /// "error" line); for pipelines that abort a task on a non-zero exit,
    /// such as Hadoop Streaming or Spark's RDD.pipe.
    #[arg(long)]
    pub no_fail: bool,
}

/// Batch input formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum BatchInput {
    /// One JSON object per line: {"id", "text", "references": [...]}.
    Jsonl,
    /// The study's CSV: paperId, title, abstract and "cites Dn" columns.
    Csv,
}

/// Batch output formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum BatchOutput {
    /// One JSON object per document.
    Jsonl,
    /// One CSV row per document: line, id, status, suggestions, confidences,
    /// candidates, error, flags, attention.
    Csv,
    /// One Scholix link record (JSON) per line, for each dataset,
    /// derivative or model a document uses; its source is the document's
    /// id. A document that cannot be read is reported on standard error.
    Scholix,
}

/// Arguments of `eval`.
#[derive(Debug, Args)]
pub struct EvalArgs {
    /// Case files, one JSON object per line: the study's coded papers {"id",
    /// "family", "text", "references", "expected", "uses", "ambiguous"} or
    /// labelled passages {"id", "text", "expected", "optional", "ambiguous",
    /// "candidates"}; each file is scored on its own.
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// Cross-validate over the cases of all files: each of K folds is
    /// decided by a model fitted (penalties, thresholds and weights) on the
    /// other folds alone.
    #[arg(long, value_name = "K")]
    pub cv: Option<usize>,
    /// List every case it gets wrong, with the evidence behind its answer.
    #[arg(long)]
    pub misses: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

/// Arguments of `fit`.
#[derive(Debug, Args)]
pub struct FitArgs {
    /// Case files to learn from (the same formats as `eval`).
    #[arg(required = true)]
    pub files: Vec<PathBuf>,
    /// Folds for choosing the penalties and thresholds.
    #[arg(long, default_value_t = 5)]
    pub folds: usize,
    /// Where to write the model.
    #[arg(long, value_name = "FILE", default_value = "model/weights.json")]
    pub out: PathBuf,
    /// Where to write a report of the fit (Markdown).
    #[arg(long, value_name = "FILE")]
    pub report: Option<PathBuf>,
    /// Where to write stage one's labelled rows (JSONL: case, group,
    /// label, non-zero features), to see what the fit learned from.
    #[arg(long, value_name = "FILE")]
    pub rows: Option<PathBuf>,
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
    /// Export entries as Croissant 1.1 records (with Responsible AI fields)
    /// or as DataCite lineage (relatedIdentifiers).
    Export(ExportArgs),
}

/// Arguments of `registry export`.
#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The form to export.
    #[arg(long, value_enum)]
    pub format: ExportFormat,
    /// Only this entry (printed as one JSON document); without it, every
    /// entry, one JSON document per line.
    #[arg(long, value_name = "ID")]
    pub id: Option<String>,
    /// Write one file per entry (`<id>.json`) into this folder instead.
    #[arg(long, value_name = "DIR", conflicts_with = "id")]
    pub out_dir: Option<PathBuf>,
}

/// Export formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// MLCommons Croissant 1.1 JSON-LD with the RAI extension.
    Croissant,
    /// DataCite attributes: identifiers, relatedIdentifiers, relatedItems.
    Datacite,
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
