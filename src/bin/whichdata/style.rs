//! Colour and message helpers for text output. Colour is on only when asked
//! for, or when the stream is a terminal and `NO_COLOR` is unset (anstream
//! decides and strips escapes otherwise).

use anstyle::{AnsiColor, Style};

use crate::cli::ColorChoice;

/// Records the user's colour choice for every later write.
pub fn init(choice: ColorChoice) {
    let c = match choice {
        ColorChoice::Auto => anstream::ColorChoice::Auto,
        ColorChoice::Always => anstream::ColorChoice::Always,
        ColorChoice::Never => anstream::ColorChoice::Never,
    };
    c.write_global();
}

/// Bold, for headings and ids.
pub const HEADING: Style = Style::new().bold();
/// Dim, for sources and secondary text.
pub const DIM: Style = Style::new().dimmed();
/// Red, for retractions and errors.
pub const BAD: Style = AnsiColor::Red.on_default().bold();
/// Yellow, for warnings and ambiguity.
pub const WARN: Style = AnsiColor::Yellow.on_default();
/// Green, for success.
pub const GOOD: Style = AnsiColor::Green.on_default();

/// `text` wrapped in `style`'s escapes (stripped later when colour is off).
pub fn paint(style: Style, text: &str) -> String {
    format!("{style}{text}{style:#}")
}

/// Prints `error: …` on standard error.
pub fn error(message: &str) {
    use std::io::Write;
    let mut err = anstream::stderr();
    let _ = writeln!(err, "{}: {message}", paint(BAD, "error"));
}

/// Prints `warning: …` on standard error.
pub fn warning(message: &str) {
    use std::io::Write;
    let mut err = anstream::stderr();
    let _ = writeln!(err, "{}: {message}", paint(WARN, "warning"));
}
