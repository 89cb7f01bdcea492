//! Running a page's content stream just far enough to know where each
//! piece of text lands: the text and graphics state operators, the
//! text-showing operators and form XObjects. Painting is ignored.

use std::collections::HashMap;

use lopdf::content::Content;
use lopdf::{Dictionary, Document, Object};

use super::fonts::Font;
use super::layout::Glyph;

/// Forms nested deeper than this are not entered (a loop in a broken file).
const MAX_FORM_DEPTH: usize = 8;
/// Text whose baseline turns more than this (sine of the angle) from the
/// horizontal is margin text (arXiv's stamp, rotated labels): skipped.
const MAX_SLANT: f32 = 0.2;

/// An affine matrix `[a b c d e f]` as PDF writes it.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Matrix([f32; 6]);

impl Matrix {
    const IDENTITY: Matrix = Matrix([1.0, 0.0, 0.0, 1.0, 0.0, 0.0]);

    /// `self` then `other` (PDF's `self × other`).
    fn then(self, other: Matrix) -> Matrix {
        let [a, b, c, d, e, f] = self.0;
        let [a2, b2, c2, d2, e2, f2] = other.0;
        Matrix([
            a * a2 + b * c2,
            a * b2 + b * d2,
            c * a2 + d * c2,
            c * b2 + d * d2,
            e * a2 + f * c2 + e2,
            e * b2 + f * d2 + f2,
        ])
    }

    fn translate(tx: f32, ty: f32) -> Matrix {
        Matrix([1.0, 0.0, 0.0, 1.0, tx, ty])
    }
}

/// The graphics and text state that placing text depends on.
#[derive(Clone)]
struct State {
    ctm: Matrix,
    char_spacing: f32,
    word_spacing: f32,
    horizontal_scale: f32,
    leading: f32,
    rise: f32,
    font: Option<Vec<u8>>,
    font_size: f32,
}

impl Default for State {
    fn default() -> State {
        State {
            ctm: Matrix::IDENTITY,
            char_spacing: 0.0,
            word_spacing: 0.0,
            horizontal_scale: 1.0,
            leading: 0.0,
            rise: 0.0,
            font: None,
            font_size: 0.0,
        }
    }
}

/// Reads the text of one page (or form) into positioned glyphs.
pub(crate) struct PageReader<'a> {
    doc: &'a Document,
    fonts: HashMap<(usize, Vec<u8>), Font<'a>>,
    pub(crate) glyphs: Vec<Glyph>,
}

impl<'a> PageReader<'a> {
    pub(crate) fn new(doc: &'a Document) -> PageReader<'a> {
        PageReader {
            doc,
            fonts: HashMap::new(),
            glyphs: Vec::new(),
        }
    }

    /// Runs `content` with `resources`, under the matrix `ctm`.
    pub(crate) fn run(&mut self, content: &[u8], resources: Option<&'a Dictionary>) {
        self.run_at(content, resources, State::default(), 0);
    }

    fn run_at(
        &mut self,
        content: &[u8],
        resources: Option<&'a Dictionary>,
        start: State,
        depth: usize,
    ) {
        let Ok(content) = Content::decode(content) else {
            return;
        };
        let mut state = start;
        let mut stack: Vec<State> = Vec::new();
        let mut tm = Matrix::IDENTITY;
        let mut tlm = Matrix::IDENTITY;
        let num =
            |ops: &[Object], i: usize| ops.get(i).and_then(|o| o.as_float().ok()).unwrap_or(0.0);
        for op in &content.operations {
            let ops = op.operands.as_slice();
            match op.operator.as_str() {
                "q" => stack.push(state.clone()),
                "Q" => {
                    if let Some(s) = stack.pop() {
                        state = s;
                    }
                }
                "cm" if ops.len() == 6 => {
                    let m = Matrix([0, 1, 2, 3, 4, 5].map(|i| num(ops, i)));
                    state.ctm = m.then(state.ctm);
                }
                "BT" => {
                    tm = Matrix::IDENTITY;
                    tlm = Matrix::IDENTITY;
                }
                "Tc" => state.char_spacing = num(ops, 0),
                "Tw" => state.word_spacing = num(ops, 0),
                "Tz" => state.horizontal_scale = num(ops, 0) / 100.0,
                "TL" => state.leading = num(ops, 0),
                "Ts" => state.rise = num(ops, 0),
                "Tf" => {
                    state.font = ops
                        .first()
                        .and_then(|o| o.as_name().ok())
                        .map(<[u8]>::to_vec);
                    state.font_size = num(ops, 1);
                }
                "Td" => {
                    tlm = Matrix::translate(num(ops, 0), num(ops, 1)).then(tlm);
                    tm = tlm;
                }
                "TD" => {
                    state.leading = -num(ops, 1);
                    tlm = Matrix::translate(num(ops, 0), num(ops, 1)).then(tlm);
                    tm = tlm;
                }
                "Tm" if ops.len() == 6 => {
                    tlm = Matrix([0, 1, 2, 3, 4, 5].map(|i| num(ops, i)));
                    tm = tlm;
                }
                "T*" => {
                    tlm = Matrix::translate(0.0, -state.leading).then(tlm);
                    tm = tlm;
                }
                "Tj" => {
                    if let Some(s) = ops.first().and_then(|o| o.as_str().ok()) {
                        self.show(s, &state, resources, &mut tm);
                    }
                }
                "'" | "\"" => {
                    if op.operator == "\"" {
                        state.word_spacing = num(ops, 0);
                        state.char_spacing = num(ops, 1);
                    }
                    tlm = Matrix::translate(0.0, -state.leading).then(tlm);
                    tm = tlm;
                    if let Some(s) = ops.last().and_then(|o| o.as_str().ok()) {
                        self.show(s, &state, resources, &mut tm);
                    }
                }
                "TJ" => {
                    let Some(items) = ops.first().and_then(|o| o.as_array().ok()) else {
                        continue;
                    };
                    for item in items {
                        match item {
                            Object::String(s, _) => self.show(s, &state, resources, &mut tm),
                            other => {
                                if let Ok(adjust) = other.as_float() {
                                    let tx =
                                        -adjust / 1000.0 * state.font_size * state.horizontal_scale;
                                    tm = Matrix::translate(tx, 0.0).then(tm);
                                }
                            }
                        }
                    }
                }
                "Do" if depth < MAX_FORM_DEPTH => {
                    if let Some(name) = ops.first().and_then(|o| o.as_name().ok()) {
                        self.form(name, &state, resources, depth);
                    }
                }
                _ => {}
            }
        }
    }

    /// Runs the form XObject `name`, if it is one.
    fn form(
        &mut self,
        name: &[u8],
        state: &State,
        resources: Option<&'a Dictionary>,
        depth: usize,
    ) {
        let doc = self.doc;
        let Some(stream) = resources
            .and_then(|r| r.get_deref(b"XObject", doc).ok())
            .and_then(|x| x.as_dict().ok())
            .and_then(|x| x.get_deref(name, doc).ok())
            .and_then(|s| s.as_stream().ok())
        else {
            return;
        };
        if stream.dict.get(b"Subtype").and_then(Object::as_name).ok() != Some(b"Form") {
            return;
        }
        let Ok(content) = stream.get_plain_content_with_limit(super::MAX_STREAM) else {
            return;
        };
        let matrix = stream
            .dict
            .get_deref(b"Matrix", doc)
            .and_then(Object::as_array)
            .ok()
            .filter(|m| m.len() == 6)
            .map(|m| Matrix([0, 1, 2, 3, 4, 5].map(|i| m[i].as_float().unwrap_or(0.0))))
            .unwrap_or(Matrix::IDENTITY);
        let own = stream
            .dict
            .get_deref(b"Resources", doc)
            .and_then(Object::as_dict)
            .ok();
        let mut inner = state.clone();
        inner.ctm = matrix.then(state.ctm);
        self.run_at(&content, own.or(resources), inner, depth + 1);
    }

    /// Shows one string: a glyph per code, advancing the text matrix.
    fn show(
        &mut self,
        bytes: &[u8],
        state: &State,
        resources: Option<&'a Dictionary>,
        tm: &mut Matrix,
    ) {
        let Some(font_name) = &state.font else {
            return;
        };
        let doc = self.doc;
        let key = (
            resources.map_or(0, |r| r as *const Dictionary as usize),
            font_name.clone(),
        );
        if !self.fonts.contains_key(&key) {
            let Some(dict) = resources
                .and_then(|r| r.get_deref(b"Font", doc).ok())
                .and_then(|f| f.as_dict().ok())
                .and_then(|f| f.get_deref(font_name, doc).ok())
                .and_then(|f| f.as_dict().ok())
            else {
                return;
            };
            self.fonts.insert(key.clone(), Font::read(doc, dict));
        }
        let font = &self.fonts[&key];
        let size = state.font_size;
        let th = state.horizontal_scale;
        for (code, code_bytes) in font.codes(bytes) {
            let trm = Matrix([size * th, 0.0, 0.0, size, 0.0, state.rise])
                .then(*tm)
                .then(state.ctm);
            let [a, b, c, d, e, f] = trm.0;
            let mut w = font.advance(code) * size + state.char_spacing;
            if font.is_word_space(code) {
                w += state.word_spacing;
            }
            let tx = w * th;
            let height = (c * c + d * d).sqrt();
            let width_scale = (a * a + b * b).sqrt() / (size * th).abs().max(f32::EPSILON);
            let mut text = String::new();
            font.push_text(code, code_bytes, &mut text);
            let upright =
                height > 0.0 && (b / (a * a + b * b).sqrt().max(f32::EPSILON)).abs() <= MAX_SLANT;
            if !text.is_empty() && upright && e.is_finite() && f.is_finite() {
                self.glyphs.push(Glyph {
                    x: e,
                    y: f - state.rise * height / size.abs().max(f32::EPSILON),
                    width: tx * width_scale,
                    size: height,
                    text,
                });
            }
            *tm = Matrix::translate(tx, 0.0).then(*tm);
        }
    }
}
