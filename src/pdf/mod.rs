//! Text from PDF files, on the user's machine (in the CLI and, compiled to
//! WebAssembly, in a worker of the page).
//!
//! lopdf parses the file (objects, streams, filters, encryption); this
//! module runs each page's content stream to place its glyphs
//! ([`content`]), reads each font's codes and widths ([`fonts`],
//! [`cmap`]), turns glyphs into lines and paragraphs ([`layout`]) and
//! undoes ligatures and hyphenation ([`clean`]). ARCHITECTURE.md records
//! why this beat the alternatives on the project's test PDFs.
//!
//! Only [`is_pdf`] is built without the `pdf` feature: the page's main
//! bundle uses it to send PDFs to the lazily loaded worker, which has the
//! rest.

#[cfg(feature = "pdf")]
mod clean;
#[cfg(feature = "pdf")]
mod cmap;
#[cfg(feature = "pdf")]
mod content;
#[cfg(feature = "pdf")]
mod fonts;
#[cfg(feature = "pdf")]
mod layout;
#[cfg(feature = "pdf")]
mod tex_fonts;

use std::fmt;

#[cfg(feature = "pdf")]
use lopdf::{Dictionary, Document};

#[cfg(feature = "pdf")]
/// Largest decompressed stream read, in bytes (a guard against
/// decompression bombs; real page streams are far smaller).
const MAX_STREAM: usize = 64 << 20;

/// How far into a file the `%PDF-` header may start (PDF readers accept
/// leading junk up to about this).
const HEADER_WINDOW: usize = 1024;

/// A PDF's text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PdfText {
    /// The text, page after page.
    pub text: String,
    /// Number of pages.
    pub pages: usize,
    /// Pages on which no text was found (scanned pages, figures).
    pub pages_without_text: usize,
}

/// Why a PDF gave no text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PdfError {
    /// The bytes are not a PDF.
    NotPdf,
    /// The file is encrypted with a password.
    Encrypted,
    /// The file is damaged or uses something this reader cannot parse.
    Unreadable(String),
    /// The file has pages but no text layer (a scan without OCR).
    NoText {
        /// Number of pages.
        pages: usize,
    },
}

impl fmt::Display for PdfError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PdfError::NotPdf => write!(f, "not a PDF file (no %PDF- header)"),
            PdfError::Encrypted => write!(
                f,
                "the PDF is encrypted with a password; save an unencrypted copy first"
            ),
            PdfError::Unreadable(why) => write!(f, "the PDF cannot be read: {why}"),
            PdfError::NoText { pages: 1 } => write!(
                f,
                "the PDF's one page has no text layer (a scan?); run OCR on it first"
            ),
            PdfError::NoText { pages } => write!(
                f,
                "none of the PDF's {pages} pages has a text layer (a scan?); run OCR on it first"
            ),
        }
    }
}

impl std::error::Error for PdfError {}

/// Whether `bytes` look like a PDF: the `%PDF-n.n` header at the start of
/// a line near the start of the file. Detection goes by content, not by a
/// file's name; a text that merely mentions "%PDF-1.7" is still text.
pub fn is_pdf(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(HEADER_WINDOW)];
    head.windows(8).enumerate().any(|(i, w)| {
        w.starts_with(b"%PDF-")
            && w[5].is_ascii_digit()
            && w[6] == b'.'
            && w[7].is_ascii_digit()
            && (i == 0 || matches!(head[i - 1], b'\n' | b'\r'))
    })
}

#[cfg(feature = "pdf")]
/// Extracts the text of a PDF, in reading order, with ligatures and
/// hyphenation undone.
pub fn extract(bytes: &[u8]) -> Result<PdfText, PdfError> {
    if !is_pdf(bytes) {
        return Err(PdfError::NotPdf);
    }
    // A damaged file must not take the batch down with it: should the
    // parser panic on some file no test has met, that file is unreadable
    // and the others go on. (The page's build aborts on panic instead; its
    // worker then reports the failure, see the web front end.)
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| extract_checked(bytes)))
        .unwrap_or_else(|_| Err(PdfError::Unreadable("the PDF parser failed on it".into())))
}

#[cfg(feature = "pdf")]
fn extract_checked(bytes: &[u8]) -> Result<PdfText, PdfError> {
    let doc = Document::load_mem(bytes).map_err(|e| match e {
        lopdf::Error::Decryption(_) | lopdf::Error::InvalidPassword => PdfError::Encrypted,
        other => PdfError::Unreadable(other.to_string()),
    })?;
    if doc.is_encrypted() && !doc.was_encrypted() {
        return Err(PdfError::Encrypted);
    }
    let pages = doc.get_pages();
    if pages.is_empty() {
        return Err(PdfError::Unreadable("it has no pages".into()));
    }
    let mut text = String::new();
    let mut without_text = 0;
    for &page_id in pages.values() {
        let page = page_text(&doc, page_id);
        if page.trim().is_empty() {
            without_text += 1;
            continue;
        }
        if !text.is_empty() {
            text.push('\n');
        }
        text.push_str(&page);
    }
    if text.trim().is_empty() {
        return Err(PdfError::NoText { pages: pages.len() });
    }
    let text = clean::join_hyphenated(&clean::plain_characters(&text));
    Ok(PdfText {
        text,
        pages: pages.len(),
        pages_without_text: without_text,
    })
}

#[cfg(feature = "pdf")]
/// One page's text, without its page number.
fn page_text(doc: &Document, page_id: lopdf::ObjectId) -> String {
    let Ok(content) = doc.get_page_content_with_limit(page_id, MAX_STREAM) else {
        return String::new();
    };
    let resources = page_resources(doc, page_id);
    let mut reader = content::PageReader::new(doc);
    reader.run(&content, resources);
    let text = layout::page_text(&reader.glyphs);
    drop_page_number(&text).to_string()
}

#[cfg(feature = "pdf")]
/// The page's resource dictionary, inherited from the page tree if need be.
fn page_resources(doc: &Document, page_id: lopdf::ObjectId) -> Option<&Dictionary> {
    let (own, inherited) = doc.get_page_resources(page_id).ok()?;
    own.or_else(|| {
        inherited
            .iter()
            .find_map(|&id| doc.get_object(id).ok().and_then(|o| o.as_dict().ok()))
    })
}

#[cfg(feature = "pdf")]
/// A page's text without a bare page number as its first or last line.
fn drop_page_number(text: &str) -> &str {
    let is_number = |l: &str| {
        let l = l.trim();
        !l.is_empty() && l.len() <= 4 && l.bytes().all(|b| b.is_ascii_digit())
    };
    let mut t = text.trim();
    if let Some((last_start, last)) = t.rfind('\n').map(|i| (i, &t[i + 1..]))
        && is_number(last)
    {
        t = t[..last_start].trim_end();
    }
    if let Some((first, rest)) = t.split_once('\n')
        && is_number(first)
    {
        t = rest.trim_start();
    }
    t
}

#[cfg(all(test, feature = "pdf"))]
mod tests {
    use super::*;

    #[test]
    fn detection_reads_the_header_not_the_name() {
        assert!(is_pdf(b"%PDF-1.5\n..."));
        assert!(is_pdf(b"junk saved before it\r\n%PDF-1.7\n"));
        assert!(!is_pdf(b"We evaluate on LFW."));
        assert!(!is_pdf(b""));
        // A text (or a JSONL corpus) that mentions the header is text.
        assert!(!is_pdf(b"{\"text\": \"files start with %PDF-1.7\"}"));
    }

    #[test]
    fn not_a_pdf_and_damaged_files_are_errors() {
        assert_eq!(extract(b"plain text"), Err(PdfError::NotPdf));
        assert!(matches!(
            extract(b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF"),
            Err(PdfError::Unreadable(_))
        ));
    }

    #[test]
    fn page_numbers_are_dropped() {
        assert_eq!(
            drop_page_number("3\nText here\nmore\n12"),
            "Text here\nmore"
        );
        assert_eq!(drop_page_number("Table 1999\nText"), "Table 1999\nText");
    }
}
