//! Tables: the dataset-statistics and results tables of papers and READMEs.
//!
//! A table row such as `| DukeMTMC-reID | 1,404 | 36,411 |` under
//! `| Dataset | #IDs | #Images |` carries the counts that tell versions apart,
//! but the unit of each number is in the column header, not beside the
//! number. Three shapes are read:
//!
//! - Markdown: consecutive lines that start with `|`;
//! - LaTeX: consecutive rows of `&`-separated cells ending in `\\`;
//! - flattened by PDF extraction: "Dataset #ID #Img MS1M 85K 5.8M …", a
//!   header of unit words followed by rows of a name and as many numbers.
//!
//! Each numeric cell under a unit column becomes a [`Claim`] whose subject
//! is the row's first cell, so the count is compared with the dataset the
//! row names and no other. Every line of a table is also a sentence break,
//! and a name in a table counts as tabulated (see `usage`).

use crate::registry::{Quantity, Split};
use crate::text::numbers::numbers;
use crate::text::prefix;

use super::statistics::{APPROX_TOLERANCE, Claim, rounding_of};
use super::structure::Span;

/// Most columns read from one row.
const MAX_COLUMNS: usize = 24;
/// Most rows read after a flattened header.
const MAX_FLAT_ROWS: usize = 40;
/// Most bytes looked at after a flattened header.
const MAX_FLAT_BYTES: usize = 2_000;

/// A table found in the text.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Table {
    /// From the header's start to the last row's end.
    pub span: Span,
    /// Every row, the header first; each row's cells.
    pub rows: Vec<Row>,
}

/// One row of a table.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Row {
    /// The row's line (or, flattened, its tokens).
    pub span: Span,
    /// Its cells, trimmed.
    pub cells: Vec<Span>,
}

/// What a column counts, from its header cell.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Column {
    quantity: Quantity,
    split: Option<Split>,
}

/// Every table in `text`, in order.
pub(crate) fn tables(text: &str) -> Vec<Table> {
    let mut out = grid_tables(text);
    out.extend(flat_tables(text, &out));
    crate::sort::sort_by_key(&mut out, |t| t.span.0);
    out
}

/// Claims read from the tables' numeric cells under unit columns.
pub(crate) fn claims(text: &str, tables: &[Table]) -> Vec<Claim> {
    let mut out = Vec::new();
    for t in tables {
        let Some(header) = t.rows.first() else {
            continue;
        };
        let columns: Vec<Option<Column>> = header
            .cells
            .iter()
            .map(|&(s, e)| column(&text[s..e]))
            .collect();
        if columns.iter().all(Option::is_none) {
            continue;
        }
        for row in &t.rows[1..] {
            let Some(&subject) = row.cells.first() else {
                continue;
            };
            for (k, &(s, e)) in row.cells.iter().enumerate().skip(1) {
                let Some(Some(col)) = columns.get(k) else {
                    continue;
                };
                let cell = &text[s..e];
                if cell.contains('%') {
                    continue;
                }
                let Some(n) = numbers(cell).into_iter().next() else {
                    continue;
                };
                out.push(Claim {
                    quantity: col.quantity,
                    value: n.value,
                    approximate: n.approximate,
                    split: col.split,
                    span: (s + n.span.0, s + n.span.1),
                    tolerance: APPROX_TOLERANCE.max(rounding_of(n.value)),
                    subject: Some(subject),
                });
            }
        }
    }
    out
}

/// The quantity and split a header cell names ("#Train IDs", "Images").
fn column(header: &str) -> Option<Column> {
    let lower: String = header
        .to_ascii_lowercase()
        .replace("\\#", " ")
        .replace(['#', '(', ')', '\\', '{', '}', '*', '.'], " ");
    let words: Vec<&str> = lower.split_whitespace().collect();
    let quantity = words.iter().rev().find_map(|w| unit_word(w))?;
    let split = words.iter().find_map(|w| match *w {
        "train" | "training" | "trn" => Some(Split::Train),
        "test" | "testing" | "tst" => Some(Split::Test),
        "query" | "probe" => Some(Split::Query),
        "gallery" => Some(Split::Gallery),
        "total" | "all" => Some(Split::Total),
        "distractors" | "distractor" => Some(Split::Distractors),
        _ => None,
    });
    Some(Column { quantity, split })
}

/// The quantity a header word counts.
fn unit_word(w: &str) -> Option<Quantity> {
    Some(match w {
        "id" | "ids" | "identities" | "identity" | "subjects" | "subject" | "subj" | "persons"
        | "person" | "people" | "classes" | "class" | "celebrities" | "celebs" | "individuals"
        | "pedestrians" | "pids" | "pid" => Quantity::Identities,
        "images" | "image" | "imgs" | "img" | "photos" | "faces" | "pictures" | "pics"
        | "samples" => Quantity::Images,
        "boxes" | "bboxes" | "bbox" | "bbs" | "detections" => Quantity::Boxes,
        "cameras" | "camera" | "cams" | "cam" | "views" => Quantity::Cameras,
        "videos" | "video" | "sequences" | "clips" => Quantity::Videos,
        "tracklets" | "tracklet" => Quantity::Tracklets,
        "frames" => Quantity::Frames,
        "attributes" | "attrs" => Quantity::Attributes,
        "pairs" => Quantity::Pairs,
        "landmarks" => Quantity::Landmarks,
        _ => return None,
    })
}

/// Markdown and LaTeX tables: runs of lines that are rows.
fn grid_tables(text: &str) -> Vec<Table> {
    let mut out: Vec<Table> = Vec::new();
    let mut current: Option<Table> = None;
    let mut offset = 0;
    let lines: Vec<(usize, &str)> = text
        .split_inclusive('\n')
        .map(|raw| {
            let at = offset;
            offset += raw.len();
            (at, raw.trim_end_matches(['\n', '\r']))
        })
        .collect();
    let loose = loose_pipe_lines(&lines);
    for (k, &(at, line)) in lines.iter().enumerate() {
        let trimmed = line.trim();
        let rule = is_rule_line(trimmed);
        let row = if rule {
            None
        } else {
            markdown_row(line, at, loose[k]).or_else(|| latex_row(line, at))
        };
        match (row, current.as_mut()) {
            (Some(r), Some(t)) => {
                t.span.1 = r.span.1;
                t.rows.push(r);
            }
            (Some(r), None) => {
                current = Some(Table {
                    span: r.span,
                    rows: vec![r],
                })
            }
            (None, Some(_)) if rule => {}
            (None, _) => {
                if let Some(t) = current.take().filter(|t| t.rows.len() >= 2) {
                    out.push(t);
                }
            }
        }
    }
    if let Some(t) = current.filter(|t| t.rows.len() >= 2) {
        out.push(t);
    }
    out
}

/// Lines of pipe tables written without outer pipes ("a | b" over
/// "---|---"): every line with a pipe in a run of such lines that holds a
/// separator line.
fn loose_pipe_lines(lines: &[(usize, &str)]) -> Vec<bool> {
    let mut out = vec![false; lines.len()];
    let mut i = 0;
    while i < lines.len() {
        if !lines[i].1.contains('|') {
            i += 1;
            continue;
        }
        let start = i;
        while i < lines.len() && lines[i].1.contains('|') {
            i += 1;
        }
        if (start..i).any(|k| is_rule_line(lines[k].1.trim())) {
            out[start..i].iter_mut().for_each(|x| *x = true);
        }
    }
    out
}

/// Markdown separator rows and LaTeX rules, which sit between rows.
fn is_rule_line(trimmed: &str) -> bool {
    let markdown = trimmed.contains('|')
        && trimmed
            .chars()
            .all(|c| matches!(c, '|' | '-' | ':' | ' ' | '+' | '='));
    let latex = [
        "\\hline",
        "\\midrule",
        "\\toprule",
        "\\bottomrule",
        "\\cline",
        "\\cmidrule",
    ]
    .iter()
    .any(|r| trimmed.starts_with(r));
    markdown && trimmed.contains('-') || latex
}

/// `| a | b |` (or `a | b` in a table without outer pipes) → its cells.
fn markdown_row(line: &str, at: usize, loose: bool) -> Option<Row> {
    let trimmed = line.trim_start();
    let outer = trimmed.starts_with('|') && trimmed.matches('|').count() >= 3;
    if !(outer || loose && trimmed.contains('|')) {
        return None;
    }
    let lead = line.len() - trimmed.len();
    let cells = split_cells(line, at, lead + usize::from(outer), '|');
    Some(Row {
        span: (at, at + line.len()),
        cells,
    })
}

/// `a & b & c \\` → its cells.
fn latex_row(line: &str, at: usize) -> Option<Row> {
    // No '&', no cells: most lines (a whole abstract may be one) end here
    // without a search from the end.
    if !line.contains('&') {
        return None;
    }
    let trimmed = line.trim_end();
    let body_end = trimmed.rfind("\\\\").filter(|&i| {
        trimmed[i + 2..].trim().is_empty() || trimmed[i + 2..].trim().starts_with('\\')
    })?;
    let body = &line[..body_end];
    if unescaped_ampersands(body) == 0 {
        return None;
    }
    let lead = line.len() - line.trim_start().len();
    let cells = split_cells(body, at, lead, '&');
    Some(Row {
        span: (at, at + line.len()),
        cells,
    })
}

fn unescaped_ampersands(s: &str) -> usize {
    let b = s.as_bytes();
    (0..b.len())
        .filter(|&i| b[i] == b'&' && (i == 0 || b[i - 1] != b'\\'))
        .count()
}

/// Splits `line[from..]` at `sep` (not escaped by a backslash), trimming
/// each cell and LaTeX's formatting commands around it.
fn split_cells(line: &str, at: usize, from: usize, sep: char) -> Vec<Span> {
    let mut cells = Vec::new();
    let mut start = from;
    let bytes = line.as_bytes();
    let mut i = from;
    while i <= line.len() && cells.len() < MAX_COLUMNS {
        let end_of_cell =
            i == line.len() || (bytes[i] == sep as u8 && (i == 0 || bytes[i - 1] != b'\\'));
        if end_of_cell {
            let (s, e) = trim_cell(line, start, i);
            if s < e || i < line.len() {
                cells.push((at + s, at + e));
            }
            start = i + 1;
        }
        i += 1;
    }
    // A trailing `|` leaves an empty last cell.
    if cells.last().is_some_and(|&(s, e)| s == e) {
        cells.pop();
    }
    cells
}

/// The cell's content without surrounding spaces or LaTeX wrappers such as
/// `\textbf{…}` and `\multirow{2}{*}{…}`.
fn trim_cell(line: &str, mut s: usize, mut e: usize) -> Span {
    loop {
        let cell = &line[s..e];
        let t = cell.trim();
        let lead = cell.len() - cell.trim_start().len();
        let (ns, ne) = (s + lead, s + lead + t.len());
        let inner = &line[ns..ne];
        if inner.starts_with('\\')
            && inner.ends_with('}')
            && let Some(open) = inner.rfind('{')
            && inner[open..].matches('}').count() == 1
        {
            s = ns + open + 1;
            e = ne - 1;
            continue;
        }
        return (ns, ne);
    }
}

/// Tables flattened into running text: "Dataset #ID #Img MS1M 85K 5.8M".
fn flat_tables(text: &str, grids: &[Table]) -> Vec<Table> {
    let mut out = Vec::new();
    let lower = text.to_ascii_lowercase();
    let mut from = 0;
    while let Some(k) = lower[from..].find("dataset") {
        let at = from + k;
        from = at + 7;
        if at > 0 && lower.as_bytes()[at - 1].is_ascii_alphanumeric() {
            continue;
        }
        if grids.iter().any(|t| t.span.0 <= at && at < t.span.1) {
            continue;
        }
        let word_end = at
            + lower[at..]
                .find(|c: char| c.is_whitespace())
                .unwrap_or(lower.len() - at);
        if let Some(t) = flat_table_at(text, at, word_end) {
            from = t.span.1;
            out.push(t);
        }
    }
    out
}

/// A flattened table whose header starts with the word at `at..word_end`.
fn flat_table_at(text: &str, at: usize, word_end: usize) -> Option<Table> {
    let window_end = word_end + prefix(&text[word_end..], MAX_FLAT_BYTES).len();
    let tokens = tokens(text, word_end, window_end);
    // The header: unit words after "Dataset".
    let mut header = vec![(at, word_end)];
    let mut i = 0;
    while i < tokens.len() && column(&text[tokens[i].0..tokens[i].1]).is_some() {
        header.push(tokens[i]);
        i += 1;
    }
    let units = header.len() - 1;
    if units < 2 {
        return None;
    }
    let mut rows = vec![Row {
        span: (at, header.last().map_or(word_end, |h| h.1)),
        cells: header,
    }];
    while rows.len() <= MAX_FLAT_ROWS {
        // A name of one to four tokens, then exactly `units` numbers.
        let name_start = i;
        while i < tokens.len() && i - name_start < 4 && !is_number_token(text, tokens[i]) {
            i += 1;
        }
        if i == name_start || i + units > tokens.len() {
            break;
        }
        if !(i..i + units).all(|j| is_number_token(text, tokens[j])) {
            break;
        }
        let name = (tokens[name_start].0, tokens[i - 1].1);
        let mut cells = vec![name];
        cells.extend_from_slice(&tokens[i..i + units]);
        rows.push(Row {
            span: (name.0, tokens[i + units - 1].1),
            cells,
        });
        i += units;
    }
    (rows.len() >= 2).then(|| Table {
        span: (at, rows.last().map_or(word_end, |r| r.span.1)),
        rows,
    })
}

/// Whitespace-separated tokens of `text[from..to]`.
fn tokens(text: &str, from: usize, to: usize) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, c) in text[from..to].char_indices() {
        let at = from + i;
        if c.is_whitespace() {
            if let Some(s) = start.take() {
                out.push((s, at));
            }
        } else if start.is_none() {
            start = Some(at);
        }
    }
    if let Some(s) = start {
        out.push((s, to));
    }
    out
}

/// A token that is one count: "85K", "5.8M", "1,404".
fn is_number_token(text: &str, (s, e): Span) -> bool {
    let t = text[s..e].trim_end_matches([',', ';']);
    let found = numbers(t);
    found.len() == 1 && found[0].span == (0, t.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (subject, quantity, value, split) of every claim in `text`.
    fn read(text: &str) -> Vec<(String, Quantity, f64, Option<Split>)> {
        claims(text, &tables(text))
            .into_iter()
            .map(|c| {
                let (s, e) = c.subject.unwrap();
                (text[s..e].to_string(), c.quantity, c.value, c.split)
            })
            .collect()
    }

    #[test]
    fn reads_markdown_rows_under_their_headers() {
        let text = "| Dataset | #IDs | #Images |\n|---|---|---|\n| DukeMTMC-reID | 1,404 | 36,411 |\n| Market-1501 | 1,501 | 32,668 |\n";
        assert_eq!(
            read(text),
            [
                ("DukeMTMC-reID".into(), Quantity::Identities, 1404.0, None),
                ("DukeMTMC-reID".into(), Quantity::Images, 36411.0, None),
                ("Market-1501".into(), Quantity::Identities, 1501.0, None),
                ("Market-1501".into(), Quantity::Images, 32668.0, None),
            ]
        );
    }

    #[test]
    fn reads_latex_rows_with_rules_and_markup() {
        let text = "\\begin{tabular}{lcc}\n\\toprule\nDataset & \\#Train IDs & Images \\\\\n\\midrule\n\\textbf{MS1M} & 85K & 5.8M \\\\\nCASIA & 10,575 & 494,414 \\\\ \\hline\n\\end{tabular}";
        assert_eq!(
            read(text),
            [
                (
                    "MS1M".into(),
                    Quantity::Identities,
                    85e3,
                    Some(Split::Train)
                ),
                ("MS1M".into(), Quantity::Images, 5.8e6, None),
                (
                    "CASIA".into(),
                    Quantity::Identities,
                    10575.0,
                    Some(Split::Train)
                ),
                ("CASIA".into(), Quantity::Images, 494414.0, None),
            ]
        );
    }

    #[test]
    fn reads_tables_flattened_by_pdf_extraction() {
        let text = "Table 1. Dataset #ID #Img MS1M 85K 5.8M CASIA-WebFace 10K 0.5M LFW 5,749 13,233 We then";
        let got = read(text);
        assert_eq!(got.len(), 6, "{got:?}");
        assert_eq!(got[0], ("MS1M".into(), Quantity::Identities, 85e3, None));
        assert_eq!(got[5], ("LFW".into(), Quantity::Images, 13233.0, None));
    }

    #[test]
    fn reads_pipe_tables_without_outer_pipes() {
        let text = "Dataset | #IDs | #Images\n---|---|---\nLFW | 5,749 | 13,233\n";
        assert_eq!(
            read(text),
            [
                ("LFW".into(), Quantity::Identities, 5749.0, None),
                ("LFW".into(), Quantity::Images, 13233.0, None),
            ]
        );
    }

    #[test]
    fn results_tables_give_no_counts() {
        let text =
            "| Method | Market-1501 | DukeMTMC-reID |\n|---|---|---|\n| Ours | 94.5 | 86.4 |\n";
        assert!(read(text).is_empty());
        assert_eq!(tables(text).len(), 1);
    }

    #[test]
    fn prose_is_no_table() {
        assert!(tables("The dataset has 1,404 identities & more \\\\ nothing").is_empty());
        assert!(tables("Our dataset is large. It has 85K ids and 5.8M images.").is_empty());
    }
}
