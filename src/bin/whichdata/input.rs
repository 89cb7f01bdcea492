//! Reading the user's files: whole texts for `check`, with errors that say
//! what and where (a missing file, invalid UTF-8 at a byte, an empty input,
//! a PDF with no text layer).

use std::io::Read;
use std::path::Path;

/// Reads `path` (or standard input for `-`) as bytes.
fn read_bytes(path: &Path, what: &str) -> Result<Vec<u8>, String> {
    let mut bytes = Vec::new();
    let name = display_name(path);
    let result = if path == Path::new("-") {
        std::io::stdin().read_to_end(&mut bytes).map(|_| ())
    } else {
        std::fs::File::open(path)
            .and_then(|mut f| f.read_to_end(&mut bytes))
            .map(|_| ())
    };
    result.map_err(|e| format!("cannot read {what} {name}: {e}"))?;
    Ok(bytes)
}

/// Reads `path` (or standard input for `-`) as UTF-8 text.
pub fn read_text(path: &Path, what: &str) -> Result<String, String> {
    let bytes = read_bytes(path, what)?;
    utf8(bytes, what, &display_name(path))
}

/// Reads a paper: a PDF (recognised by its content, whatever its name) is
/// extracted to text; anything else must be UTF-8 text.
pub fn read_paper(path: &Path, what: &str) -> Result<String, String> {
    let bytes = read_bytes(path, what)?;
    paper_text(bytes, what, &display_name(path))
}

/// The text of a paper's bytes (see [`read_paper`]).
pub fn paper_text(bytes: Vec<u8>, what: &str, name: &str) -> Result<String, String> {
    if whichdata::pdf::is_pdf(&bytes) {
        return whichdata::pdf::extract(&bytes)
            .map(|pdf| pdf.text)
            .map_err(|e| format!("{what} {name}: {e}"));
    }
    utf8(bytes, what, name)
}

fn utf8(bytes: Vec<u8>, what: &str, name: &str) -> Result<String, String> {
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let bytes = e.as_bytes();
        let line = bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1;
        format!(
            "{what} {name} is not UTF-8 text: invalid byte at offset {at} (line {line}); \
             PDFs are read, other formats (Word, PostScript) must be saved as text or PDF first"
        )
    })
}

/// How a path is named in messages ("standard input" for `-`).
pub fn display_name(path: &Path) -> String {
    if path == Path::new("-") {
        "standard input".to_string()
    } else {
        path.display().to_string()
    }
}
