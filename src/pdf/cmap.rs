//! A font's `/ToUnicode` map: which text each character code stands for.
//!
//! Producers write the map as a small PostScript-like CMap program; only
//! three of its sections matter for reading text: the code space (how many
//! bytes a code takes) and the `bfchar` / `bfrange` mappings to UTF-16.
//! Everything else in the program is skipped.

use std::collections::HashMap;

/// Codes mapped by one range are capped: a range wider than this is a
/// broken map, not a font (no font has more glyphs than a 16-bit code).
const MAX_RANGE: u32 = 0x1_0000;

/// A parsed `/ToUnicode` map.
#[derive(Clone, Debug, Default)]
pub(crate) struct ToUnicode {
    map: HashMap<u32, String>,
    /// Byte lengths of codes declared in `codespacerange` (usually 1 or 2).
    code_lengths: Vec<u8>,
}

impl ToUnicode {
    /// Parses a CMap program; unknown or broken parts are skipped.
    pub(crate) fn parse(program: &[u8]) -> ToUnicode {
        let tokens = tokens(program);
        let mut out = ToUnicode::default();
        let mut i = 0;
        while i < tokens.len() {
            match tokens[i] {
                Token::Keyword(b"begincodespacerange") => {
                    i += 1;
                    while i + 1 < tokens.len() {
                        if let (Token::Hex(lo), Token::Hex(_)) = (&tokens[i], &tokens[i + 1]) {
                            let len = lo.len().clamp(1, 4) as u8;
                            if !out.code_lengths.contains(&len) {
                                out.code_lengths.push(len);
                            }
                            i += 2;
                        } else {
                            break;
                        }
                    }
                }
                Token::Keyword(b"beginbfchar") => {
                    i += 1;
                    while i + 1 < tokens.len() {
                        if let (Token::Hex(src), Token::Hex(dst)) = (&tokens[i], &tokens[i + 1]) {
                            out.map.insert(code(src), utf16(dst));
                            i += 2;
                        } else {
                            break;
                        }
                    }
                }
                Token::Keyword(b"beginbfrange") => {
                    i += 1;
                    while i + 2 < tokens.len() {
                        let (Token::Hex(lo), Token::Hex(hi)) = (&tokens[i], &tokens[i + 1]) else {
                            break;
                        };
                        let (lo, hi) = (code(lo), code(hi));
                        if hi < lo || hi - lo > MAX_RANGE {
                            i += 3;
                            continue;
                        }
                        match &tokens[i + 2] {
                            Token::Hex(dst) => {
                                // Consecutive codes map to consecutive text:
                                // the last UTF-16 unit is incremented.
                                let mut units = units(dst);
                                for c in lo..=hi {
                                    out.map.insert(c, String::from_utf16_lossy(&units));
                                    if let Some(last) = units.last_mut() {
                                        *last = last.wrapping_add(1);
                                    }
                                }
                                i += 3;
                            }
                            Token::ArrayStart => {
                                let mut j = i + 3;
                                let mut c = lo;
                                while let Some(Token::Hex(dst)) = tokens.get(j) {
                                    if c <= hi {
                                        out.map.insert(c, utf16(dst));
                                    }
                                    c += 1;
                                    j += 1;
                                }
                                // Past the closing bracket.
                                i = j + 1;
                            }
                            _ => break,
                        }
                    }
                }
                _ => i += 1,
            }
        }
        out
    }

    /// The text of `code`, if the map has it.
    pub(crate) fn get(&self, code: u32) -> Option<&str> {
        self.map.get(&code).map(String::as_str)
    }

    /// The byte length of codes, when the map declares a single one.
    pub(crate) fn code_length(&self) -> Option<u8> {
        match self.code_lengths.as_slice() {
            [one] => Some(*one),
            _ => None,
        }
    }

    /// Whether the map has no entries.
    pub(crate) fn is_empty(&self) -> bool {
        self.map.is_empty()
    }
}

/// A lexical token of a CMap program.
#[derive(Debug, PartialEq, Eq)]
enum Token<'a> {
    Hex(Vec<u8>),
    Keyword(&'a [u8]),
    ArrayStart,
    ArrayEnd,
}

/// The program's tokens; strings, names and comments are skipped.
fn tokens(program: &[u8]) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < program.len() {
        let b = program[i];
        match b {
            b'<' if program.get(i + 1) == Some(&b'<') => i += 2,
            b'>' if program.get(i + 1) == Some(&b'>') => i += 2,
            b'<' => {
                let end = program[i + 1..]
                    .iter()
                    .position(|&c| c == b'>')
                    .map_or(program.len(), |p| i + 1 + p);
                out.push(Token::Hex(hex(&program[i + 1..end])));
                i = end + 1;
            }
            b'[' => {
                out.push(Token::ArrayStart);
                i += 1;
            }
            b']' => {
                out.push(Token::ArrayEnd);
                i += 1;
            }
            b'%' => {
                while i < program.len() && program[i] != b'\n' && program[i] != b'\r' {
                    i += 1;
                }
            }
            b'(' => {
                // A literal string (e.g. the CMap's name): skip, with nesting.
                let mut depth = 0usize;
                while i < program.len() {
                    match program[i] {
                        b'\\' => i += 1,
                        b'(' => depth += 1,
                        b')' => {
                            depth -= 1;
                            if depth == 0 {
                                break;
                            }
                        }
                        _ => {}
                    }
                    i += 1;
                }
                i += 1;
            }
            c if c.is_ascii_alphabetic() => {
                let start = i;
                while i < program.len() && program[i].is_ascii_alphanumeric() {
                    i += 1;
                }
                out.push(Token::Keyword(&program[start..i]));
            }
            _ => i += 1,
        }
    }
    out
}

/// Bytes of a hex string (odd length: a final 0 is implied; other
/// characters are skipped).
fn hex(digits: &[u8]) -> Vec<u8> {
    let nibbles: Vec<u8> = digits
        .iter()
        .filter_map(|&c| (c as char).to_digit(16).map(|d| d as u8))
        .collect();
    nibbles
        .chunks(2)
        .map(|p| (p[0] << 4) | p.get(1).copied().unwrap_or(0))
        .collect()
}

/// A code's value from its bytes (big-endian, at most four).
fn code(bytes: &[u8]) -> u32 {
    bytes
        .iter()
        .take(4)
        .fold(0u32, |acc, &b| (acc << 8) | u32::from(b))
}

/// UTF-16BE units of a destination string.
fn units(bytes: &[u8]) -> Vec<u16> {
    bytes
        .chunks(2)
        .map(|p| (u16::from(p[0]) << 8) | u16::from(p.get(1).copied().unwrap_or(0)))
        .collect()
}

/// A destination string as text (lone surrogates become U+FFFD).
fn utf16(bytes: &[u8]) -> String {
    String::from_utf16_lossy(&units(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    const PROGRAM: &[u8] = b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap
/CMapName /Adobe-Identity-UCS def
1 begincodespacerange <0000> <FFFF> endcodespacerange
2 beginbfchar <0003> <0020> <0011> <FB01> endbfchar
2 beginbfrange <0024> <0026> <0041> <0030> <0031> [<0066006C> <00660066>] endbfrange
endcmap";

    #[test]
    fn reads_chars_ranges_and_arrays() {
        let m = ToUnicode::parse(PROGRAM);
        assert_eq!(m.get(0x03), Some(" "));
        assert_eq!(m.get(0x11), Some("\u{FB01}"));
        assert_eq!(m.get(0x24), Some("A"));
        assert_eq!(m.get(0x26), Some("C"));
        assert_eq!(m.get(0x30), Some("fl"));
        assert_eq!(m.get(0x31), Some("ff"));
        assert_eq!(m.get(0x27), None);
        assert_eq!(m.code_length(), Some(2));
    }

    #[test]
    fn broken_programs_give_what_they_can() {
        let m = ToUnicode::parse(b"beginbfchar <01> <0041> <02> endbfrange <zz");
        assert_eq!(m.get(1), Some("A"));
        assert!(ToUnicode::parse(b"").is_empty());
        // A range wider than any font is skipped, not expanded.
        let m = ToUnicode::parse(b"beginbfrange <00000000> <FFFFFFFF> <0041> endbfrange");
        assert!(m.is_empty());
    }
}
