//! The built-in encodings of TeX's Computer Modern fonts, for PDFs whose
//! fonts carry neither a `/ToUnicode` map nor an `/Encoding` (older pdfTeX
//! output, common on arXiv). Read with the standard encoding, their codes
//! come out wrong in ways that break matching: "ﬁ" (OT1 slot 12) is lost
//! ("Re-identi cation"), a math comma (cmmi slot 59) reads as ";"
//! ("16;522"), × (cmsy slot 2) disappears ("256 128"), an en dash (OT1
//! slot 123) reads as "{".
//!
//! Only the slots that differ from ASCII are listed; the rest are ASCII.
//! Source: the fonts' layouts in Knuth's *Computer Modern Typefaces* (the
//! OT1 text layout, the math italic and math symbol layouts).

/// The Computer Modern layout a font uses, from its base name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum TexLayout {
    /// OT1 text fonts: cmr, cmbx, cmti, cmsl, cmss, cmcsc, cmb…
    Text,
    /// Math italic: cmmi, cmmib.
    MathItalic,
    /// Math symbols: cmsy, cmbsy.
    MathSymbol,
}

impl TexLayout {
    /// The layout of a `/BaseFont` name ("ABCDEF+CMR10"), if it is a
    /// Computer Modern font this module knows.
    pub(crate) fn of(base_font: &[u8]) -> Option<TexLayout> {
        let name = base_font
            .iter()
            .position(|&b| b == b'+')
            .map_or(base_font, |i| &base_font[i + 1..]);
        let upper: Vec<u8> = name.to_ascii_uppercase();
        let starts = |p: &[u8]| upper.starts_with(p);
        if starts(b"CMMI") {
            Some(TexLayout::MathItalic)
        } else if starts(b"CMSY") || starts(b"CMBSY") {
            Some(TexLayout::MathSymbol)
        } else if starts(b"CMTT") || starts(b"CMEX") {
            // Typewriter and large symbols: ASCII-like or not text.
            None
        } else if [
            &b"CMR"[..],
            b"CMBX",
            b"CMTI",
            b"CMSL",
            b"CMSS",
            b"CMCSC",
            b"CMB",
            b"CMDUNH",
            b"CMFIB",
            b"CMU",
        ]
        .iter()
        .any(|p| starts(p))
        {
            Some(TexLayout::Text)
        } else {
            None
        }
    }

    /// The text of `code`, or `None` to read it as ASCII.
    pub(crate) fn text(self, code: u8) -> Option<&'static str> {
        const GREEK_CAPITALS: [&str; 11] = ["Γ", "Δ", "Θ", "Λ", "Ξ", "Π", "Σ", "Υ", "Φ", "Ψ", "Ω"];
        if code <= 10 && self != TexLayout::MathSymbol {
            return Some(GREEK_CAPITALS[usize::from(code)]);
        }
        match self {
            TexLayout::Text => Some(match code {
                11 => "ff",
                12 => "fi",
                13 => "fl",
                14 => "ffi",
                15 => "ffl",
                16 => "ı",
                25 => "ß",
                26 => "æ",
                27 => "œ",
                28 => "ø",
                29 => "Æ",
                30 => "Œ",
                31 => "Ø",
                34 => "”",
                39 => "’",
                60 => "¡",
                62 => "¿",
                92 => "“",
                96 => "‘",
                123 => "–",
                124 => "—",
                // Accents alone (composed by overprinting): dropped.
                17..=24 | 94 | 95 | 125..=127 => "",
                _ => return None,
            }),
            TexLayout::MathItalic => Some(match code {
                11 => "α",
                12 => "β",
                13 => "γ",
                14 => "δ",
                15 => "ϵ",
                16 => "ζ",
                17 => "η",
                18 => "θ",
                19 => "ι",
                20 => "κ",
                21 => "λ",
                22 => "μ",
                23 => "ν",
                24 => "ξ",
                25 => "π",
                26 => "ρ",
                27 => "σ",
                28 => "τ",
                29 => "υ",
                30 => "ϕ",
                31 => "χ",
                32 => "ψ",
                33 => "ω",
                34 => "ε",
                35 => "ϑ",
                36 => "ϖ",
                37 => "ϱ",
                38 => "ς",
                39 => "φ",
                58 => ".",
                59 => ",",
                60 => "<",
                61 => "/",
                62 => ">",
                64 => "∂",
                96 => "ℓ",
                _ => return None,
            }),
            TexLayout::MathSymbol => Some(match code {
                0 => "−",
                1 => "·",
                2 => "×",
                3 => "∗",
                4 => "÷",
                6 => "±",
                7 => "∓",
                14 => "∘",
                15 => "•",
                17 => "≡",
                18 => "⊆",
                19 => "⊇",
                20 => "≤",
                21 => "≥",
                24 => "∼",
                25 => "≈",
                32 => "←",
                33 => "→",
                34 => "↑",
                35 => "↓",
                36 => "↔",
                41 => "⇒",
                48 => "′",
                49 => "∞",
                50 => "∈",
                54 => "̸",
                56 => "∀",
                57 => "∃",
                59 => "∅",
                102 => "{",
                103 => "}",
                104 => "⟨",
                105 => "⟩",
                106 => "|",
                107 => "‖",
                110 => "\\",
                112 => "√",
                _ => return None,
            }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layouts_come_from_the_base_font_name() {
        assert_eq!(TexLayout::of(b"ABCDEF+CMR10"), Some(TexLayout::Text));
        assert_eq!(TexLayout::of(b"CMBX12"), Some(TexLayout::Text));
        assert_eq!(TexLayout::of(b"XYZABC+CMMI7"), Some(TexLayout::MathItalic));
        assert_eq!(TexLayout::of(b"CMSY10"), Some(TexLayout::MathSymbol));
        assert_eq!(TexLayout::of(b"CMTT10"), None);
        assert_eq!(TexLayout::of(b"Times-Roman"), None);
    }

    #[test]
    fn the_slots_that_break_matching_read_right() {
        assert_eq!(TexLayout::Text.text(12), Some("fi"));
        assert_eq!(TexLayout::Text.text(123), Some("–"));
        assert_eq!(TexLayout::Text.text(b'a'), None, "letters are ASCII");
        assert_eq!(TexLayout::MathItalic.text(59), Some(","));
        assert_eq!(TexLayout::MathItalic.text(58), Some("."));
        assert_eq!(TexLayout::MathSymbol.text(2), Some("×"));
        assert_eq!(TexLayout::MathSymbol.text(33), Some("→"));
    }
}
