//! Reading the user's files: whole texts for `check`, with errors that say
//! what and where (a missing file, invalid UTF-8 at a byte, an empty input).

use std::io::Read;
use std::path::Path;

/// Reads `path` (or standard input for `-`) as UTF-8 text.
pub fn read_text(path: &Path, what: &str) -> Result<String, String> {
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
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let bytes = e.as_bytes();
        let line = bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1;
        format!("{what} {name} is not UTF-8 text: invalid byte at offset {at} (line {line})")
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
