//! `whichdata batch`: many documents in (JSONL, or the study's CSV), one
//! result per document out, in input order.
//!
//! A pure line-in, line-out filter: it reads a chunk of documents, analyses
//! them on every core, writes their results in order and moves on, so memory
//! stays flat however long the input is. A document that cannot be read
//! yields an error object naming its line, and the rest go on.

use std::collections::HashMap;
use std::fs::File;
use std::io::{BufRead, BufReader, BufWriter, IsTerminal, Read, Write};
use std::time::Instant;

use serde_json::{Value, json};
use whichdata::{Analyzer, Registry, Report};

use crate::cli::{BatchArgs, BatchInput, BatchOutput};
use crate::exit_codes::ExitCode;
use crate::input::display_name;
use crate::style;

/// Documents analysed together before their results are written.
const CHUNK: usize = 256;

/// One document, or the reason it could not be read.
struct Document {
    line: usize,
    id: Value,
    parsed: Result<(String, Vec<String>), String>,
}

pub fn run(args: &BatchArgs, registry: &Registry) -> ExitCode {
    let (reader, size): (Box<dyn Read>, Option<u64>) = if args.file.as_os_str() == "-" {
        (Box::new(std::io::stdin().lock()), None)
    } else {
        match File::open(&args.file) {
            Ok(f) => {
                let size = f.metadata().ok().map(|m| m.len());
                (Box::new(f), size)
            }
            Err(e) => {
                style::error(&format!("cannot read {}: {e}", display_name(&args.file)));
                return ExitCode::InputProblems;
            }
        }
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
                if head.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'{')
                    || head.is_empty() =>
            {
                BatchInput::Jsonl
            }
            Ok(_) => BatchInput::Csv,
            Err(e) => {
                style::error(&format!("cannot read {}: {e}", display_name(&args.file)));
                return ExitCode::InputProblems;
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
    let analyzer = Analyzer::new(registry);
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    if args.output == BatchOutput::Csv {
        let _ = writeln!(
            out,
            "line,id,status,suggestions,confidences,candidates,error"
        );
    }
    let progress = Progress::new(size);
    let mut problems = 0usize;
    let mut done = 0usize;
    let result = match format {
        BatchInput::Jsonl => each_chunk(jsonl_documents(&mut reader), |chunk| {
            write_chunk(&analyzer, chunk, args.output, &mut out, &mut problems);
            done += chunk.len();
            progress.update(done, read.get());
        }),
        BatchInput::Csv => {
            match csv_documents(&mut reader, registry, args.refs_column.as_deref(), crlf) {
                Ok(docs) => each_chunk(docs, |chunk| {
                    write_chunk(&analyzer, chunk, args.output, &mut out, &mut problems);
                    done += chunk.len();
                    progress.update(done, 0);
                }),
                Err(message) => {
                    style::error(&message);
                    return ExitCode::InputProblems;
                }
            }
        }
    };
    let _ = out.flush();
    progress.finish(done);
    if let Err(message) = result {
        style::error(&message);
        return ExitCode::InputProblems;
    }
    if problems > 0 && !args.no_fail {
        style::error(&format!(
            "{problems} of {done} documents could not be analysed; their lines carry an \"error\""
        ));
        ExitCode::InputProblems
    } else {
        ExitCode::Success
    }
}

/// Feeds documents to `f` in chunks of [`CHUNK`].
fn each_chunk(
    docs: impl Iterator<Item = Result<Document, String>>,
    mut f: impl FnMut(&[Document]),
) -> Result<(), String> {
    let mut chunk = Vec::with_capacity(CHUNK);
    for doc in docs {
        chunk.push(doc?);
        if chunk.len() == CHUNK {
            f(&chunk);
            chunk.clear();
        }
    }
    if !chunk.is_empty() {
        f(&chunk);
    }
    Ok(())
}

/// Analyses a chunk on every core and writes the results in input order.
fn write_chunk(
    analyzer: &Analyzer<'_>,
    chunk: &[Document],
    output: BatchOutput,
    out: &mut impl Write,
    problems: &mut usize,
) {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(chunk.len().max(1));
    let per = chunk.len().div_ceil(threads);
    let results: Vec<Result<Report, String>> = std::thread::scope(|scope| {
        let handles: Vec<_> = chunk
            .chunks(per.max(1))
            .map(|part| {
                scope.spawn(move || {
                    part.iter()
                        .map(|d| match &d.parsed {
                            Ok((text, refs)) => {
                                analyzer.analyze(text, refs).map_err(|e| e.to_string())
                            }
                            Err(e) => Err(e.clone()),
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_default())
            .collect()
    });
    for (doc, result) in chunk.iter().zip(results) {
        if result.is_err() {
            *problems += 1;
        }
        let line = match output {
            BatchOutput::Jsonl => jsonl_line(doc, &result),
            BatchOutput::Csv => csv_line(doc, &result),
        };
        let _ = out.write_all(line.as_bytes());
    }
}

fn jsonl_line(doc: &Document, result: &Result<Report, String>) -> String {
    let value = match result {
        Ok(report) => {
            let mut v = serde_json::to_value(report).unwrap_or(Value::Null);
            if let Value::Object(map) = &mut v {
                map.insert("id".into(), doc.id.clone());
                map.insert("line".into(), json!(doc.line));
            }
            v
        }
        Err(e) => {
            json!({"id": doc.id, "line": doc.line, "error": format!("line {}: {e}", doc.line)})
        }
    };
    format!("{value}\n")
}

fn csv_line(doc: &Document, result: &Result<Report, String>) -> String {
    let id = match &doc.id {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        other => other.to_string(),
    };
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
        ],
        Err(e) => vec![
            doc.line.to_string(),
            id,
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            e.clone(),
        ],
    };
    let escaped: Vec<String> = fields
        .iter()
        .map(|f| {
            if f.contains([',', '"', '\n']) {
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

fn parse_jsonl(line: usize, bytes: &[u8]) -> Document {
    match whichdata::parse_document_line(bytes) {
        Ok(d) => Document {
            line,
            id: d.id,
            parsed: Ok((d.text, d.references)),
        },
        Err(e) => Document {
            line,
            id: e.id,
            parsed: Err(e.message),
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
                    parsed: Err(format!("malformed CSV record: {e}")),
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
                        parsed: Err("has an empty title and abstract".to_string()),
                    }
                } else {
                    Document {
                        line,
                        id,
                        parsed: Ok((text, refs)),
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

/// A progress line on standard error, only when it is a terminal.
struct Progress {
    on: bool,
    size: Option<u64>,
    start: Instant,
}

impl Progress {
    fn new(size: Option<u64>) -> Progress {
        Progress {
            on: std::io::stderr().is_terminal(),
            size,
            start: Instant::now(),
        }
    }

    fn update(&self, done: usize, read: u64) {
        if !self.on {
            return;
        }
        let rate = done as f64 / self.start.elapsed().as_secs_f64().max(1e-3);
        let bar = match self.size.filter(|&s| s > 0) {
            Some(size) => {
                let share = (read as f64 / size as f64).min(1.0);
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
        eprint!("\r{bar}{done} documents, {rate:.0}/s ");
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
