//! From positioned glyphs to lines of text.
//!
//! Glyphs are taken in the order the page draws them, which is the reading
//! order for the producers that matter here (pdfTeX, Word, browsers print
//! column by column). Geometry decides only what the stream does not say:
//! a gap wider than a fraction of the font size is a space, and a move off
//! the baseline (or back to the left) starts a new line. A larger gap
//! between lines, or a move up the page (the next column), ends a
//! paragraph.

/// One drawn character (or ligature), in page space (y grows upwards).
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Glyph {
    /// Left edge of the glyph's origin.
    pub x: f32,
    /// Baseline.
    pub y: f32,
    /// Advance width.
    pub width: f32,
    /// Font size as drawn.
    pub size: f32,
    /// The text it stands for (a ligature glyph may stand for several letters).
    pub text: String,
}

/// A gap wider than this share of the font size is a word space.
const SPACE_GAP: f32 = 0.18;
/// Glyphs whose baselines differ by less than this share of the font size
/// are on one line (superscripts and subscripts included).
const SAME_LINE: f32 = 0.5;
/// A move back to the left by more than this share of the size is a new line.
const BACKWARDS: f32 = 1.0;
/// A gap between baselines larger than this multiple of the usual line
/// pitch ends a paragraph.
const PARAGRAPH_GAP: f32 = 1.45;

/// One line of text with its geometry.
#[derive(Clone, Debug)]
struct Line {
    text: String,
    y: f32,
    size: f32,
    x_end: f32,
}

/// The text of one page's glyphs: lines joined by line breaks, paragraphs
/// by blank lines.
pub(crate) fn page_text(glyphs: &[Glyph]) -> String {
    let lines = lines(glyphs);
    let pitch = usual_pitch(&lines);
    let mut out = String::new();
    for (i, line) in lines.iter().enumerate() {
        if i > 0 {
            let prev = &lines[i - 1];
            let drop = prev.y - line.y;
            let paragraph = drop < -prev.size // up the page: next column
                || pitch.is_some_and(|p| drop > p.max(1.25 * line.size) * PARAGRAPH_GAP)
                || (line.size - prev.size).abs() > 0.15 * prev.size.max(line.size);
            out.push_str(if paragraph { "\n\n" } else { "\n" });
        }
        out.push_str(line.text.trim_end());
    }
    out
}

/// Groups glyphs into lines, in drawing order.
fn lines(glyphs: &[Glyph]) -> Vec<Line> {
    let mut lines: Vec<Line> = Vec::new();
    let mut last: Option<&Glyph> = None;
    for g in glyphs {
        let blank = g.text.chars().all(char::is_whitespace);
        let same = last.is_some_and(|p| {
            let size = p.size.max(g.size);
            (g.y - p.y).abs() < SAME_LINE * size && g.x > p.x + p.width - BACKWARDS * size
        });
        match (same, lines.last_mut()) {
            (true, Some(line)) => {
                let p = last.expect("a line has a last glyph");
                let gap = g.x - (p.x + p.width);
                let size = p.size.min(g.size).max(f32::EPSILON);
                if gap > SPACE_GAP * size && !line.text.ends_with(' ') && !blank {
                    line.text.push(' ');
                }
                if blank {
                    if !line.text.ends_with(' ') {
                        line.text.push(' ');
                    }
                } else {
                    line.text.push_str(&g.text);
                }
                line.x_end = g.x + g.width;
                // The line's baseline and size are its main text's, not a
                // superscript's.
                if g.size > line.size {
                    line.size = g.size;
                    line.y = g.y;
                }
            }
            _ => {
                if blank {
                    continue;
                }
                lines.push(Line {
                    text: g.text.clone(),
                    y: g.y,
                    size: g.size,
                    x_end: g.x + g.width,
                });
            }
        }
        if !blank {
            last = Some(g);
        }
    }
    lines
}

/// The most common gap between consecutive baselines of one column, if any.
fn usual_pitch(lines: &[Line]) -> Option<f32> {
    let mut gaps: Vec<f32> = lines
        .windows(2)
        .map(|w| w[0].y - w[1].y)
        .filter(|d| *d > 0.0)
        .collect();
    if gaps.is_empty() {
        return None;
    }
    gaps.sort_by(f32::total_cmp);
    // The median is robust to the few paragraph and section gaps.
    Some(gaps[gaps.len() / 2])
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Glyphs for `text` laid out from (x, y), 0.5 em per character, one
    /// glyph per character, with no glyph for spaces (as pdfTeX draws them).
    fn run(text: &str, x: f32, y: f32, size: f32) -> Vec<Glyph> {
        let mut out = Vec::new();
        let mut pen = x;
        for c in text.chars() {
            if c != ' ' {
                out.push(Glyph {
                    x: pen,
                    y,
                    width: 0.5 * size,
                    size,
                    text: c.to_string(),
                });
            }
            pen += if c == ' ' { 0.33 * size } else { 0.5 * size };
        }
        out
    }

    #[test]
    fn gaps_become_spaces_and_baselines_lines() {
        let mut g = run("We use DukeMTMC", 0.0, 700.0, 10.0);
        g.extend(run("with 16,522 images.", 0.0, 688.0, 10.0));
        assert_eq!(page_text(&g), "We use DukeMTMC\nwith 16,522 images.");
    }

    #[test]
    fn superscripts_stay_on_their_line() {
        let mut g = run("Market", 0.0, 700.0, 10.0);
        g.extend(run("1", 30.0, 703.5, 7.0));
        g.extend(run(" and", 33.5, 700.0, 10.0));
        assert_eq!(page_text(&g), "Market1 and");
    }

    #[test]
    fn the_next_column_and_wide_gaps_are_paragraphs() {
        let mut g = Vec::new();
        for (i, line) in ["one a", "one b", "one c"].iter().enumerate() {
            g.extend(run(line, 0.0, 700.0 - 12.0 * i as f32, 10.0));
        }
        g.extend(run("after a gap", 0.0, 640.0, 10.0));
        g.extend(run("right column", 300.0, 700.0, 10.0));
        assert_eq!(
            page_text(&g),
            "one a\none b\none c\n\nafter a gap\n\nright column"
        );
    }

    #[test]
    fn kerning_is_not_a_space() {
        // "Work" with the "o" tucked under the "W".
        let g = vec![
            Glyph {
                x: 0.0,
                y: 0.0,
                width: 9.0,
                size: 10.0,
                text: "W".into(),
            },
            Glyph {
                x: 8.2,
                y: 0.0,
                width: 5.0,
                size: 10.0,
                text: "o".into(),
            },
            Glyph {
                x: 13.2,
                y: 0.0,
                width: 4.0,
                size: 10.0,
                text: "rk".into(),
            },
        ];
        assert_eq!(page_text(&g), "Work");
    }
}
