//! What a page's fonts say about their characters: the text each code
//! stands for and how far it advances the pen.
//!
//! Positions matter as much as characters: spaces between words and the
//! breaks between lines are not in most PDFs, only the gaps the glyphs
//! leave. Widths come from `/Widths` (simple fonts) or `/W` (composite
//! fonts); text comes from `/ToUnicode` when the font has one, else from
//! a TeX font's built-in layout ([`super::tex_fonts`]), else from the
//! font's encoding and the standard glyph names (via lopdf).

use std::collections::HashMap;

use lopdf::{Dictionary, Document, Encoding, Object};

use super::cmap::ToUnicode;
use super::tex_fonts::TexLayout;

/// Width used for a code the font gives none for, in thousandths of the
/// font size: about an average Latin glyph.
const DEFAULT_WIDTH: f32 = 500.0;

/// One font as text extraction needs it.
pub(crate) struct Font<'a> {
    /// Bytes per character code: 1 for simple fonts, usually 2 for composite.
    code_length: u8,
    /// Advance widths by code, in glyph space (thousandths of the size).
    widths: HashMap<u32, f32>,
    /// Width of codes missing from `widths`.
    default_width: f32,
    /// Glyph space to text space: 0.001 except for Type 3 fonts.
    scale: f32,
    to_unicode: Option<ToUnicode>,
    encoding: Option<Encoding<'a>>,
    /// A Computer Modern font with its built-in encoding (no `/Encoding`).
    tex: Option<TexLayout>,
}

impl<'a> Font<'a> {
    /// Reads a font dictionary; what cannot be read falls back to defaults
    /// (a font this reader does not understand still advances the pen).
    pub(crate) fn read(doc: &'a Document, dict: &'a Dictionary) -> Font<'a> {
        let subtype = dict
            .get(b"Subtype")
            .and_then(Object::as_name)
            .unwrap_or(b"");
        let to_unicode = dict
            .get_deref(b"ToUnicode", doc)
            .and_then(Object::as_stream)
            .ok()
            .and_then(|s| s.get_plain_content_with_limit(super::MAX_STREAM).ok())
            .map(|program| ToUnicode::parse(&program))
            .filter(|m| !m.is_empty());
        if subtype == b"Type0" {
            let descendant = dict
                .get_deref(b"DescendantFonts", doc)
                .and_then(Object::as_array)
                .ok()
                .and_then(|a| a.first())
                .and_then(|d| doc.dereference(d).ok())
                .and_then(|(_, d)| d.as_dict().ok());
            let (widths, default_width) = descendant
                .map(|d| composite_widths(doc, d))
                .unwrap_or_default();
            let code_length = to_unicode
                .as_ref()
                .and_then(ToUnicode::code_length)
                .unwrap_or(2);
            return Font {
                code_length,
                widths,
                default_width: if default_width > 0.0 {
                    default_width
                } else {
                    1000.0
                },
                scale: 0.001,
                to_unicode,
                encoding: None,
                tex: None,
            };
        }
        let scale = if subtype == b"Type3" {
            dict.get_deref(b"FontMatrix", doc)
                .and_then(Object::as_array)
                .ok()
                .and_then(|m| m.first())
                .and_then(|a| a.as_float().ok())
                .filter(|a| a.is_finite() && *a != 0.0)
                .map_or(0.001, f32::abs)
        } else {
            0.001
        };
        let first = dict
            .get_deref(b"FirstChar", doc)
            .and_then(Object::as_i64)
            .unwrap_or(0)
            .clamp(0, 255) as u32;
        let widths = dict
            .get_deref(b"Widths", doc)
            .and_then(Object::as_array)
            .map(|a| {
                a.iter()
                    .enumerate()
                    .filter_map(|(i, w)| {
                        let w = doc.dereference(w).ok()?.1.as_float().ok()?;
                        Some((first + i as u32, w))
                    })
                    .collect()
            })
            .unwrap_or_default();
        let missing = dict
            .get_deref(b"FontDescriptor", doc)
            .and_then(Object::as_dict)
            .and_then(|d| d.get(b"MissingWidth"))
            .and_then(Object::as_float)
            .unwrap_or(0.0);
        Font {
            code_length: 1,
            widths,
            default_width: if missing > 0.0 && subtype != b"Type3" {
                missing
            } else if subtype == b"Type3" {
                0.0
            } else {
                DEFAULT_WIDTH
            },
            scale,
            encoding: dict
                .get_font_encoding_with_limit(doc, super::MAX_STREAM)
                .ok(),
            tex: dict
                .get(b"Encoding")
                .is_err()
                .then(|| dict.get(b"BaseFont").and_then(Object::as_name).ok())
                .flatten()
                .and_then(TexLayout::of),
            to_unicode,
        }
    }

    /// The character codes of a shown string, in order.
    pub(crate) fn codes<'s>(&self, bytes: &'s [u8]) -> impl Iterator<Item = (u32, &'s [u8])> + 's {
        let n = usize::from(self.code_length.max(1));
        bytes.chunks(n).map(|c| {
            let code = c.iter().fold(0u32, |acc, &b| (acc << 8) | u32::from(b));
            (code, c)
        })
    }

    /// How far `code` advances the pen, in text space units of size 1.
    pub(crate) fn advance(&self, code: u32) -> f32 {
        self.widths
            .get(&code)
            .copied()
            .unwrap_or(self.default_width)
            * self.scale
    }

    /// Whether `code` is the single-byte space, which word spacing applies to.
    pub(crate) fn is_word_space(&self, code: u32) -> bool {
        self.code_length == 1 && code == 32
    }

    /// Appends the text of one code.
    pub(crate) fn push_text(&self, code: u32, bytes: &[u8], out: &mut String) {
        if let Some(t) = self.to_unicode.as_ref().and_then(|m| m.get(code)) {
            out.push_str(t);
        } else if let Some(t) = self
            .tex
            .and_then(|layout| layout.text(u8::try_from(code).ok()?))
        {
            out.push_str(t);
        } else if self.tex.is_some() && (32..127).contains(&code) {
            out.push(code as u8 as char);
        } else if let Some(enc) = &self.encoding {
            if let Ok(t) = enc.bytes_to_string(bytes) {
                out.push_str(&t);
            }
        } else if self.code_length == 1 && (32..127).contains(&code) {
            out.push(code as u8 as char);
        }
    }
}

/// `/W` and `/DW` of a CIDFont: `[c [w1 w2 …]]` and `[c_first c_last w]` runs.
fn composite_widths(doc: &Document, d: &Dictionary) -> (HashMap<u32, f32>, f32) {
    let dw = d.get(b"DW").and_then(Object::as_float).unwrap_or(1000.0);
    let mut out = HashMap::new();
    let Ok(w) = d.get_deref(b"W", doc).and_then(Object::as_array) else {
        return (out, dw);
    };
    let num = |o: &Object| doc.dereference(o).ok().and_then(|(_, o)| o.as_float().ok());
    let mut i = 0;
    while i < w.len() {
        let Some(first) = num(&w[i]) else { break };
        let first = first.max(0.0) as u32;
        match w
            .get(i + 1)
            .and_then(|o| doc.dereference(o).ok())
            .map(|(_, o)| o)
        {
            Some(Object::Array(list)) => {
                for (k, v) in list.iter().enumerate() {
                    if let Some(v) = num(v) {
                        out.insert(first + k as u32, v);
                    }
                }
                i += 2;
            }
            Some(_) => {
                let (Some(last), Some(v)) = (num(&w[i + 1]), w.get(i + 2).and_then(num)) else {
                    break;
                };
                let last = (last.max(0.0) as u32).min(first.saturating_add(0xFFFF));
                for c in first..=last {
                    out.insert(c, v);
                }
                i += 3;
            }
            None => break,
        }
    }
    (out, dw)
}
