//! `whichdata batch`: many documents in, one result per document out, in
//! input order.
//!
//! Two kinds of input. A *corpus*, one file of documents (JSONL, or the
//! study's CSV), is read as a pure line-in, line-out filter: a chunk of
//! documents at a time, analysed on every core, written in order, so memory
//! stays flat however long the input is. *Papers* (PDFs and text files, or
//! folders of them: a programme committee's submissions) are one document
//! each, read and extracted in the worker threads. Either way a document
//! that cannot be read yields an error row naming it, and the rest go on;
//! `--html` also collects every row into one offline report.

use std::collections::HashMap;
use std::fs::File;
use std::io::{BufRead, BufReader, BufWriter, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use serde_json::{Value, json};
use whichdata::attention::{self, Attention, Severity};
use whichdata::{Analyzer, Registry, Report};

use crate::cli::{BatchArgs, BatchInput, BatchOutput};
use crate::exit_codes::ExitCode;
use crate::html_report::HtmlReport;
use crate::input::{display_name, read_paper};
use crate::style;

/// Corpus documents analysed together before their results are written.
const CHUNK: usize = 256;

/// Papers analysed together per thread before their results are written
/// (small, so that progress moves and one slow PDF holds little back).
const PAPERS_PER_THREAD: usize = 2;

/// Extensions of files taken as text papers inside a folder (PDFs are
/// recognised by their content, whatever their name).
const TEXT_EXTENSIONS: [&str; 3] = ["txt", "text", "md"];

/// Extensions of corpus files, which are not papers.
const CORPUS_EXTENSIONS: [&str; 2] = ["jsonl", "csv"];

/// One document, or the reason it could not be read.
struct Document {
    line: usize,
    id: Value,
    input: Input,
}

/// What a document's text comes from.
enum Input {
    /// A corpus line, already parsed (or the reason it could not be).
    Parsed(Result<(String, Vec<String>), String>),
    /// A paper's file, read and extracted by the worker that analyses it.
    Paper(PathBuf),
}

/// What `batch` was given.
enum Mode {
    /// One corpus file (or standard input).
    Corpus(PathBuf),
    /// Papers, one document per file.
    Papers(Vec<PathBuf>),
}

pub fn run(args: &BatchArgs, registry: &Registry) -> ExitCode {
    let mode = match choose_mode(&args.files) {
        Ok(mode) => mode,
        Err(message) => {
            style::error(&message);
            return ExitCode::InputProblems;
        }
    };
    let analyzer = Analyzer::new(registry);
    let stdout = std::io::stdout();
    let mut sink = Sink {
        out: BufWriter::new(stdout.lock()),
        output: args.output,
        registry,
        html: args.html.as_ref().map(|_| HtmlReport::default()),
        problems: 0,
        done: 0,
        link_date: crate::export_cmd::link_date(),
    };
    if args.output == BatchOutput::Csv {
        let _ = writeln!(
            sink.out,
            "line,id,status,suggestions,confidences,candidates,error,flags,attention"
        );
    }
    let result = match mode {
        Mode::Corpus(path) => corpus(args, &path, registry, &analyzer, &mut sink),
        Mode::Papers(paths) => papers(paths, &analyzer, &mut sink),
    };
    let result = result.and_then(|()| sink.out.flush().map_err(Stop::Output));
    match result {
        Ok(()) => {}
        Err(Stop::Input(message)) => {
            style::error(&message);
            return ExitCode::InputProblems;
        }
        // A reader that stopped reading (`| head`) wants no more: done.
        Err(Stop::Output(e)) if e.kind() == std::io::ErrorKind::BrokenPipe => {
            return ExitCode::Success;
        }
        Err(Stop::Output(e)) => {
            style::error(&format!(
                "cannot write the results: {e} (stopped at document {})",
                sink.done
            ));
            return ExitCode::InputProblems;
        }
    }
    if let (Some(path), Some(report)) = (&args.html, &sink.html)
        && let Err(e) = report.write(path, registry)
    {
        style::error(&format!("cannot write the report {}: {e}", path.display()));
        return ExitCode::InputProblems;
    }
    let (problems, done) = (sink.problems, sink.done);
    if problems > 0 && !args.no_fail {
        let where_told = if args.output == BatchOutput::Scholix {
            "each is named above (Scholix has no record for them)"
        } else {
            "their lines carry an \"error\""
        };
        style::error(&format!(
            "{problems} of {done} documents could not be analysed; {where_told}"
        ));
        ExitCode::InputProblems
    } else {
        ExitCode::Success
    }
}

/// One corpus file, or papers: folders and several files are papers; a
/// single file is a paper when it is a PDF (by content), a corpus otherwise.
fn choose_mode(files: &[PathBuf]) -> Result<Mode, String> {
    if let [one] = files {
        let is_dir = one.is_dir();
        let paper = starts_like_pdf(one) || has_extension(one, &TEXT_EXTENSIONS);
        if one.as_os_str() == "-" || (!is_dir && !paper) {
            return Ok(Mode::Corpus(one.clone()));
        }
    }
    let mut papers = Vec::new();
    let mut skipped = Vec::new();
    for path in files {
        if path.as_os_str() == "-" {
            return Err(
                "standard input (-) is a corpus: give it alone, not beside papers".to_string(),
            );
        }
        if path.is_dir() {
            collect_folder(path, &mut papers, &mut skipped)
                .map_err(|e| format!("cannot read the folder {}: {e}", path.display()))?;
        } else if has_extension(path, &CORPUS_EXTENSIONS) && !starts_like_pdf(path) {
            return Err(format!(
                "{} is a corpus (JSONL or CSV), not a paper: give a corpus file alone",
                path.display()
            ));
        } else {
            // Named one by one: always a row, an error row if need be.
            papers.push(path.clone());
        }
    }
    if !skipped.is_empty() {
        let shown: Vec<String> = skipped
            .iter()
            .take(5)
            .map(|p| p.display().to_string())
            .collect();
        let more = skipped.len().saturating_sub(shown.len());
        style::warning(&format!(
            "skipped {} file(s) in the folders that are neither PDFs nor text ({}): {}{}",
            skipped.len(),
            TEXT_EXTENSIONS.join(", "),
            shown.join(", "),
            if more > 0 {
                format!(" and {more} more")
            } else {
                String::new()
            }
        ));
    }
    if papers.is_empty() {
        return Err("no PDF or text papers found in the folders given".to_string());
    }
    Ok(Mode::Papers(papers))
}

/// Whether a file's first bytes carry the PDF header (unreadable files are
/// left to the corpus reader, which says why).
fn starts_like_pdf(path: &Path) -> bool {
    let mut head = [0u8; 1024];
    File::open(path)
        .and_then(|mut f| {
            let mut n = 0;
            while n < head.len() {
                match f.read(&mut head[n..])? {
                    0 => break,
                    k => n += k,
                }
            }
            Ok(n)
        })
        .is_ok_and(|n| whichdata::pdf::is_pdf(&head[..n]))
}

/// The papers in a folder and its subfolders, in name order; hidden files
/// and folders are left out, other files that are neither PDFs nor text
/// are listed in `skipped`.
fn collect_folder(
    dir: &Path,
    papers: &mut Vec<PathBuf>,
    skipped: &mut Vec<PathBuf>,
) -> std::io::Result<()> {
    // Symbolic links to folders are not followed (a link back up the tree
    // would list the same papers again and again).
    let mut entries: Vec<(PathBuf, bool)> = std::fs::read_dir(dir)?
        .map(|e| e.and_then(|e| Ok((e.path(), e.file_type()?.is_dir()))))
        .collect::<Result<_, _>>()?;
    entries.sort();
    for (path, is_dir) in entries {
        let hidden = path
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with('.'));
        if hidden {
            continue;
        }
        if is_dir {
            collect_folder(&path, papers, skipped)?;
            continue;
        }
        if path.is_dir() {
            // A link to a folder: listed, not followed.
            skipped.push(path);
            continue;
        }
        if starts_like_pdf(&path) || has_extension(&path, &TEXT_EXTENSIONS) {
            papers.push(path);
        } else {
            skipped.push(path);
        }
    }
    Ok(())
}

/// Whether the file's extension is one of `extensions` (lowercase).
fn has_extension(path: &Path, extensions: &[&str]) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| extensions.contains(&e.to_ascii_lowercase().as_str()))
}

/// Papers: one document per file; the id is the path, the line its ordinal.
fn papers(paths: Vec<PathBuf>, analyzer: &Analyzer<'_>, sink: &mut Sink<'_>) -> Result<(), Stop> {
    let total = paths.len();
    let progress = Progress::new(Total::Documents(total));
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let docs = paths.into_iter().enumerate().map(|(i, path)| {
        Ok(Document {
            line: i + 1,
            id: Value::String(path.display().to_string()),
            input: Input::Paper(path),
        })
    });
    let result = analyse_in_order(analyzer, docs, threads * PAPERS_PER_THREAD, sink, |done| {
        progress.update(done, 0);
    });
    progress.finish(sink.done);
    result
}

/// One corpus file: JSONL or the study's CSV.
fn corpus(
    args: &BatchArgs,
    path: &Path,
    registry: &Registry,
    analyzer: &Analyzer<'_>,
    sink: &mut Sink<'_>,
) -> Result<(), Stop> {
    let (reader, size): (Box<dyn Read>, Option<u64>) = if path.as_os_str() == "-" {
        (Box::new(std::io::stdin().lock()), None)
    } else {
        let f = File::open(path)
            .map_err(|e| Stop::Input(format!("cannot read {}: {e}", display_name(path))))?;
        let size = f.metadata().ok().map(|m| m.len());
        (Box::new(f), size)
    };
    let read = std::rc::Rc::new(std::cell::Cell::new(0u64));
    let mut reader = BufReader::with_capacity(
        1 << 16,
        CountingReader {
            inner: reader,
            read: read.clone(),
        },
    );
    let format = match args.format {
        Some(f) => f,
        None => match reader.fill_buf() {
            Ok(head)
                if without_bom(head).iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{')
                    || head.is_empty() =>
            {
                BatchInput::Jsonl
            }
            Ok(_) => BatchInput::Csv,
            Err(e) => {
                return Err(Stop::Input(format!(
                    "cannot read {}: {e}",
                    display_name(path)
                )));
            }
        },
    };
    // With CRLF line ends the csv reader reports each record's line one too
    // low (a record starts before the previous one's '\n' is read).
    let crlf = reader.fill_buf().is_ok_and(|head| {
        head.iter()
            .position(|&b| b == b'\n')
            .is_some_and(|i| i > 0 && head[i - 1] == b'\r')
    });
    let progress = Progress::new(size.map_or(Total::Unknown, Total::Bytes));
    let result = match format {
        BatchInput::Jsonl => analyse_in_order(
            analyzer,
            jsonl_documents(&mut reader),
            CHUNK,
            sink,
            |done| {
                progress.update(done, read.get());
            },
        ),
        BatchInput::Csv => {
            let docs = csv_documents(&mut reader, registry, args.refs_column.as_deref(), crlf)
                .map_err(Stop::Input)?;
            analyse_in_order(analyzer, docs, CHUNK, sink, |done| progress.update(done, 0))
        }
    };
    progress.finish(sink.done);
    result
}

/// Analyses `docs` on every core and writes their results in input order.
///
/// Documents go in chunks of `size`. While the cores work on one chunk,
/// this thread writes the previous chunk's results and reads the next
/// chunk, then joins in the analysis. At most three chunks are held at
/// once, so a chunk's results are written once the next chunk is read.
/// `after` is told the count written after each chunk is written.
fn analyse_in_order(
    analyzer: &Analyzer<'_>,
    mut docs: impl Iterator<Item = Result<Document, String>>,
    size: usize,
    sink: &mut Sink<'_>,
    mut after: impl FnMut(usize),
) -> Result<(), Stop> {
    let (mut current, mut unread) = read_chunk(&mut docs, size);
    let mut analysed: Option<(Vec<Document>, Results)> = None;
    while !current.is_empty() {
        let (results, (wrote, read)) = analyse_chunk(analyzer, &current, || {
            let wrote = analysed
                .take()
                .map(|(docs, results)| write_results(sink, &docs, results));
            let read = if unread.is_none() && !matches!(wrote, Some(Err(_))) {
                read_chunk(&mut docs, size)
            } else {
                (Vec::new(), None)
            };
            (wrote, read)
        });
        if let Some(wrote) = wrote {
            wrote?;
            after(sink.done);
        }
        analysed = Some((std::mem::replace(&mut current, read.0), results));
        unread = unread.or(read.1);
    }
    if let Some((docs, results)) = analysed {
        write_results(sink, &docs, results)?;
        after(sink.done);
    }
    // What was read before a failure is written above; then the failure.
    unread.map_or(Ok(()), |e| Err(Stop::Input(e)))
}

/// Analyses `chunk` on every core, running `meanwhile` on this thread
/// before it joins in. Each thread takes the next document not yet taken,
/// so a long one does not leave a core idle.
fn analyse_chunk<R>(
    analyzer: &Analyzer<'_>,
    chunk: &[Document],
    meanwhile: impl FnOnce() -> R,
) -> (Results, R) {
    let helpers = std::thread::available_parallelism().map_or(1, |n| n.get()) - 1;
    let next = AtomicUsize::new(0);
    let slots: Vec<OnceLock<Result<Report, String>>> =
        (0..chunk.len()).map(|_| OnceLock::new()).collect();
    let work = || {
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some(doc) = chunk.get(i) else { break };
            // Each index is taken once, so each slot is set once.
            let _ = slots[i].set(analyse(analyzer, doc));
        }
    };
    let other = std::thread::scope(|scope| {
        for _ in 0..helpers.min(chunk.len().saturating_sub(1)) {
            scope.spawn(work);
        }
        let other = meanwhile();
        work();
        other
    });
    let results = slots
        .into_iter()
        // `analyse` catches panics, and every index below the chunk's
        // length was taken before the threads ended.
        .map(|slot| slot.into_inner().expect("every document was analysed"))
        .collect();
    (results, other)
}

/// A chunk's reports (or each document's error), in input order.
type Results = Vec<Result<Report, String>>;

/// Up to `size` documents, and the error that stopped reading, if any.
fn read_chunk(
    docs: &mut impl Iterator<Item = Result<Document, String>>,
    size: usize,
) -> (Vec<Document>, Option<String>) {
    let mut chunk = Vec::with_capacity(size);
    for doc in docs.by_ref() {
        match doc {
            Ok(doc) => chunk.push(doc),
            Err(e) => return (chunk, Some(e)),
        }
        if chunk.len() == size {
            break;
        }
    }
    (chunk, None)
}

/// Writes one chunk's results in input order.
fn write_results(sink: &mut Sink<'_>, docs: &[Document], results: Results) -> Result<(), Stop> {
    for (doc, result) in docs.iter().zip(results) {
        sink.write(doc, &result).map_err(Stop::Output)?;
    }
    Ok(())
}

/// Why a batch stopped early.
enum Stop {
    /// The input could not be read on.
    Input(String),
    /// The output could not be written (a full disk, a closed pipe).
    Output(std::io::Error),
}

/// One document's report (a paper is read and extracted here, in the
/// worker).
fn analyse(analyzer: &Analyzer<'_>, doc: &Document) -> Result<Report, String> {
    // A panic on one document (a bug no test has met) is that document's
    // error row; the others, and their order, are kept.
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        analyse_unguarded(analyzer, doc)
    }))
    .unwrap_or_else(|_| {
        Err("whichdata failed on this document (an internal error; please report it)".to_string())
    })
}

fn analyse_unguarded(analyzer: &Analyzer<'_>, doc: &Document) -> Result<Report, String> {
    match &doc.input {
        Input::Parsed(Ok((text, refs))) => analyzer.analyze(text, refs).map_err(|e| e.to_string()),
        Input::Parsed(Err(e)) => Err(e.clone()),
        Input::Paper(path) => {
            let text = read_paper(path, "paper")?;
            if text.trim().is_empty() {
                return Err(format!("paper {} is empty", display_name(path)));
            }
            analyzer
                .analyze(&text, &[])
                .map_err(|e| format!("paper {}: {e}", display_name(path)))
        }
    }
}

/// Where results go: standard output, row by row, and the HTML report.
struct Sink<'r> {
    out: BufWriter<std::io::StdoutLock<'static>>,
    output: BatchOutput,
    registry: &'r Registry,
    html: Option<HtmlReport>,
    problems: usize,
    done: usize,
    /// The `LinkPublicationDate` of Scholix records (one per run).
    link_date: String,
}

impl Sink<'_> {
    fn write(&mut self, doc: &Document, result: &Result<Report, String>) -> std::io::Result<()> {
        self.done += 1;
        if result.is_err() {
            self.problems += 1;
        }
        let attention = result
            .as_ref()
            .ok()
            .map(|r| attention::attention(r, self.registry));
        let line = match self.output {
            BatchOutput::Jsonl => jsonl_line(doc, result, attention.as_ref()),
            BatchOutput::Csv => csv_line(doc, result, attention.as_ref()),
            BatchOutput::Scholix => match result {
                Ok(report) => scholix_lines(doc, report, self.registry, &self.link_date),
                Err(e) => {
                    // Scholix has no record for "unreadable": say it where
                    // a person will see it, and count it in the exit code.
                    style::error(&error_text(doc, e));
                    String::new()
                }
            },
        };
        self.out.write_all(line.as_bytes())?;
        if let Some(html) = &mut self.html {
            html.add(
                &id_text(&doc.id),
                doc.line,
                result.as_ref().map_err(|e| error_text(doc, e)),
                attention.as_ref(),
                self.registry,
            );
        }
        Ok(())
    }
}

/// A document's findings as Scholix link records, one per line. The source
/// is the document's id (a DOI or URL where it is one), else its line.
fn scholix_lines(doc: &Document, report: &Report, registry: &Registry, link_date: &str) -> String {
    use whichdata::export::scholix;
    let id = match id_text(&doc.id) {
        id if !id.trim().is_empty() => id,
        _ => format!("line {}", doc.line),
    };
    let paper = scholix::Paper::of_report(&id, report);
    scholix::links(registry, report, &paper, link_date)
        .iter()
        .map(|link| format!("{link}\n"))
        .collect()
}

/// An error as written: a corpus error names its line; a paper's names its
/// file already.
fn error_text(doc: &Document, e: &str) -> String {
    match doc.input {
        Input::Paper(_) => e.to_string(),
        Input::Parsed(_) => format!("line {}: {e}", doc.line),
    }
}

fn id_text(id: &Value) -> String {
    match id {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

/// The flags of a report, as space-separated words for a CSV column:
/// `retracted-data`, `no-licence`, `non-commercial`, `unavailable` (for
/// what the text uses, candidates included) and `unsettled`.
fn flags(attention: &Attention) -> String {
    use whichdata::attention::Concern;
    let any = |pick: &dyn Fn(&Concern) -> bool| {
        attention
            .entries
            .iter()
            .any(|e| e.concerns.iter().any(pick))
    };
    let mut flags = Vec::new();
    if any(&|c| c.severity() == Severity::Withdrawn) {
        flags.push("retracted-data");
    }
    if any(&|c| matches!(c, Concern::NoLicence { .. })) {
        flags.push("no-licence");
    }
    if any(&|c| matches!(c, Concern::NonCommercial { .. })) {
        flags.push("non-commercial");
    }
    if any(&|c| matches!(c, Concern::Unavailable)) {
        flags.push("unavailable");
    }
    if !attention.unsettled.is_empty() {
        flags.push("unsettled");
    }
    flags.join(" ")
}

fn jsonl_line(
    doc: &Document,
    result: &Result<Report, String>,
    attention: Option<&Attention>,
) -> String {
    let value = match result {
        Ok(report) => {
            let mut v = serde_json::to_value(report).unwrap_or(Value::Null);
            if let Value::Object(map) = &mut v {
                map.insert("id".into(), doc.id.clone());
                map.insert("line".into(), json!(doc.line));
                if let Some(a) = attention {
                    map.insert(
                        "attention".into(),
                        serde_json::to_value(a).unwrap_or_default(),
                    );
                }
            }
            v
        }
        Err(e) => json!({"id": doc.id, "line": doc.line, "error": error_text(doc, e)}),
    };
    format!("{value}\n")
}

fn csv_line(
    doc: &Document,
    result: &Result<Report, String>,
    attention: Option<&Attention>,
) -> String {
    let id = id_text(&doc.id);
    let fields: Vec<String> = match result {
        Ok(r) => vec![
            doc.line.to_string(),
            id,
            r.status.as_str().to_string(),
            r.suggestions
                .iter()
                .map(|s| s.id.as_str())
                .collect::<Vec<_>>()
                .join(" "),
            r.suggestions
                .iter()
                .map(|s| format!("{:.3}", s.confidence))
                .collect::<Vec<_>>()
                .join(" "),
            r.candidates
                .iter()
                .map(|s| s.id.as_str())
                .collect::<Vec<_>>()
                .join(" "),
            String::new(),
            attention.map(flags).unwrap_or_default(),
            attention.map(|a| a.summary.clone()).unwrap_or_default(),
        ],
        Err(e) => vec![
            doc.line.to_string(),
            id,
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            error_text(doc, e),
            String::new(),
            String::new(),
        ],
    };
    let escaped: Vec<String> = fields
        .iter()
        .map(|f| {
            if f.contains([',', '"', '\n', '\r']) {
                format!("\"{}\"", f.replace('"', "\"\""))
            } else {
                f.clone()
            }
        })
        .collect();
    format!("{}\n", escaped.join(","))
}

/// JSONL documents: `{"id", "text", "references": [...]}` per line.
fn jsonl_documents<R: BufRead>(reader: R) -> impl Iterator<Item = Result<Document, String>> {
    let mut line_no = 0usize;
    reader.split(b'\n').filter_map(move |raw| {
        line_no += 1;
        let line = line_no;
        let bytes = match raw {
            Ok(b) => b,
            Err(e) => return Some(Err(format!("cannot read line {line}: {e}"))),
        };
        if bytes.iter().all(u8::is_ascii_whitespace) {
            return None;
        }
        Some(Ok(parse_jsonl(line, &bytes)))
    })
}

/// The bytes without a UTF-8 byte-order mark (editors on Windows write one).
fn without_bom(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)
}

fn parse_jsonl(line: usize, bytes: &[u8]) -> Document {
    let bytes = if line == 1 { without_bom(bytes) } else { bytes };
    match whichdata::parse_document_line(bytes) {
        Ok(d) => Document {
            line,
            id: d.id,
            input: Input::Parsed(Ok((d.text, d.references))),
        },
        Err(e) => Document {
            line,
            id: e.id,
            input: Input::Parsed(Err(e.message)),
        },
    }
}

/// The study's CSV: `paperId`, `title`, `abstract` and `cites Dn` columns
/// (1 when the paper cites entry Dn's paper); optionally a column of
/// reference entries named by `--refs-column`.
fn csv_documents<'a, R: Read + 'a>(
    reader: R,
    registry: &'a Registry,
    refs_column: Option<&'a str>,
    crlf: bool,
) -> Result<impl Iterator<Item = Result<Document, String>> + 'a, String> {
    let line_of =
        move |p: Option<&csv::Position>| p.map_or(0, |p| p.line() as usize + usize::from(crlf));
    let mut csv = csv::ReaderBuilder::new().flexible(true).from_reader(reader);
    let headers = csv
        .byte_headers()
        .map_err(|e| format!("cannot read the CSV header: {e}"))?
        .clone();
    let names: Vec<String> = headers
        .iter()
        .map(|h| String::from_utf8_lossy(h).trim().to_string())
        .collect();
    let find = |want: &[&str]| {
        names
            .iter()
            .position(|n| want.iter().any(|w| n.eq_ignore_ascii_case(w)))
    };
    let id_col = find(&["paperId", "id"]);
    let title_col = find(&["title"]);
    let abstract_col = find(&["abstract", "text"]);
    if title_col.is_none() && abstract_col.is_none() {
        return Err(
            "the CSV has neither a \"title\" nor an \"abstract\" (or \"text\") column".to_string(),
        );
    }
    let refs_col = match refs_column {
        Some(name) => Some(
            find(&[name])
                .ok_or_else(|| format!("the CSV has no column \"{name}\" (--refs-column)"))?,
        ),
        None => None,
    };
    // "cites D2" columns → the reference entries of D2's papers.
    let cites: Vec<(usize, Vec<String>)> = names
        .iter()
        .enumerate()
        .filter_map(|(i, n)| {
            let id = n.strip_prefix("cites ")?.trim();
            let entry = registry.entry(id)?;
            let refs = registry
                .papers_of(entry)
                .map(|(_, p)| reference_line(p))
                .collect();
            Some((i, refs))
        })
        .collect();
    let cites: HashMap<usize, Vec<String>> = cites.into_iter().collect();
    let mut records = csv.into_byte_records();
    Ok(std::iter::from_fn(move || {
        let record = records.next()?;
        Some(Ok(match record {
            Err(e) => {
                let line = line_of(e.position());
                Document {
                    line,
                    id: Value::Null,
                    input: Input::Parsed(Err(format!("malformed CSV record: {e}"))),
                }
            }
            Ok(r) => {
                let line = line_of(r.position());
                let get = |col: Option<usize>| {
                    col.and_then(|c| r.get(c))
                        .map(|b| String::from_utf8_lossy(b).into_owned())
                };
                let id = get(id_col).map_or(Value::Null, Value::String);
                let text = [get(title_col), get(abstract_col)]
                    .into_iter()
                    .flatten()
                    .filter(|s| !s.trim().is_empty())
                    .collect::<Vec<_>>()
                    .join(". ");
                let mut refs: Vec<String> = cites
                    .iter()
                    .filter(|&(&c, _)| r.get(c).is_some_and(|v| v.trim_ascii() == b"1"))
                    .flat_map(|(_, refs)| refs.iter().cloned())
                    .collect();
                refs.sort();
                if let Some(cell) = get(refs_col) {
                    refs.extend(
                        cell.split(['\n'])
                            .flat_map(|l| l.split(" || "))
                            .map(str::trim)
                            .filter(|l| !l.is_empty())
                            .map(str::to_string),
                    );
                }
                if text.trim().is_empty() {
                    Document {
                        line,
                        id,
                        input: Input::Parsed(Err("has an empty title and abstract".to_string())),
                    }
                } else {
                    Document {
                        line,
                        id,
                        input: Input::Parsed(Ok((text, refs))),
                    }
                }
            }
        }))
    }))
}

/// A registry paper written as a reference-list entry.
fn reference_line(p: &whichdata::Paper) -> String {
    format!(
        "{}. {}. {}, {}.",
        p.authors.join(", "),
        p.title,
        p.venue,
        p.year
    )
}

/// Counts bytes read, for the progress bar.
struct CountingReader {
    inner: Box<dyn Read>,
    read: std::rc::Rc<std::cell::Cell<u64>>,
}

impl Read for CountingReader {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.read.set(self.read.get() + n as u64);
        Ok(n)
    }
}

/// How much there is to do, for the progress line.
#[derive(Clone, Copy)]
enum Total {
    /// Bytes of a corpus file.
    Bytes(u64),
    /// Papers.
    Documents(usize),
    /// Standard input: unknown.
    Unknown,
}

/// A progress line on standard error, only when it is a terminal.
struct Progress {
    on: bool,
    total: Total,
    start: Instant,
}

impl Progress {
    fn new(total: Total) -> Progress {
        Progress {
            on: std::io::stderr().is_terminal(),
            total,
            start: Instant::now(),
        }
    }

    fn update(&self, done: usize, read: u64) {
        if !self.on {
            return;
        }
        let rate = done as f64 / self.start.elapsed().as_secs_f64().max(1e-3);
        let share = match self.total {
            Total::Bytes(size) if size > 0 => Some(read as f64 / size as f64),
            Total::Documents(n) if n > 0 => Some(done as f64 / n as f64),
            _ => None,
        };
        let bar = match share {
            Some(share) => {
                let share = share.min(1.0);
                let filled = (share * 30.0) as usize;
                format!(
                    "[{}{}] {:>3.0}% ",
                    "#".repeat(filled),
                    " ".repeat(30 - filled),
                    share * 100.0
                )
            }
            None => String::new(),
        };
        let of = match self.total {
            Total::Documents(n) => format!("{done} of {n} papers"),
            _ => format!("{done} documents"),
        };
        eprint!("\r{bar}{of}, {rate:.1}/s ");
    }

    fn finish(&self, done: usize) {
        if self.on {
            eprintln!(
                "\r{done} documents in {:.1}s{}",
                self.start.elapsed().as_secs_f64(),
                " ".repeat(40)
            );
        }
    }
}
