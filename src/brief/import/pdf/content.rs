//! The text layer of one page: its content stream run through the text
//! operators, each shown glyph placed on the page with its size and face.

use super::PdfError;
use super::font::Font;
use super::resources::{Fonts, Resources};
use lopdf::content::{Content, Operation};
use lopdf::{Document, Object, ObjectId};
use std::rc::Rc;
use std::time::Instant;

/// A PDF matrix `[a b c d e f]` (row vectors: `p' = p × M`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Matrix([f32; 6]);

impl Matrix {
    pub(super) const IDENTITY: Matrix = Matrix([1.0, 0.0, 0.0, 1.0, 0.0, 0.0]);

    fn from_operands(ops: &[Object]) -> Option<Matrix> {
        let mut m = [0.0; 6];
        for (slot, op) in m.iter_mut().zip(ops) {
            *slot = op.as_float().ok().filter(|v| v.is_finite())?;
        }
        (ops.len() >= 6).then_some(Matrix(m))
    }

    fn translate(x: f32, y: f32) -> Matrix {
        Matrix([1.0, 0.0, 0.0, 1.0, x, y])
    }

    /// `self × other`: first self, then other.
    fn then(self, other: Matrix) -> Matrix {
        let [a, b, c, d, e, f] = self.0;
        let [p, q, r, s, t, u] = other.0;
        Matrix([
            a * p + b * r,
            a * q + b * s,
            c * p + d * r,
            c * q + d * s,
            e * p + f * r + t,
            e * q + f * s + u,
        ])
    }
}

/// One shown glyph, in page space (points, y from the page's top).
#[derive(Debug, Clone)]
pub(super) struct Glyph {
    /// Its text; empty when the font has no Unicode for it.
    pub(super) text: String,
    pub(super) x: f32,
    pub(super) y: f32,
    pub(super) width: f32,
    pub(super) size: f32,
    pub(super) bold: bool,
    /// A superior glyph of the font (a superscript digit on the baseline).
    pub(super) superior: bool,
}

/// Limits that keep a hostile page from running away.
#[derive(Debug, Clone, Copy)]
pub(super) struct Budget {
    pub(super) deadline: Instant,
    pub(super) max_glyphs: usize,
    pub(super) max_content_bytes: usize,
}

/// What one page's content gave.
#[derive(Debug, Default)]
pub(super) struct PageText {
    pub(super) glyphs: Vec<Glyph>,
    pub(super) unmapped: usize,
    pub(super) images: usize,
}

#[derive(Clone)]
struct TextState {
    font: Option<Rc<Font>>,
    size: f32,
    char_spacing: f32,
    word_spacing: f32,
    scale: f32,
    leading: f32,
    rise: f32,
}

/// The interpreter's state while it walks one page (and its forms).
pub(super) struct Page<'a> {
    doc: &'a Document,
    fonts: &'a mut Fonts,
    budget: Budget,
    /// Maps user space to top-down page space.
    base: Matrix,
    out: PageText,
}

const MAX_FORM_DEPTH: usize = 8;
/// Glyphs turned by more than about 3 degrees are not horizontal text.
const SKEW: f32 = 0.05;
const MAX_STATE_DEPTH: usize = 256;

impl<'a> Page<'a> {
    pub(super) fn new(
        doc: &'a Document,
        fonts: &'a mut Fonts,
        budget: Budget,
        media: [f32; 4],
    ) -> Self {
        let base = Matrix([1.0, 0.0, 0.0, -1.0, -media[0], media[3]]);
        Page {
            doc,
            fonts,
            budget,
            base,
            out: PageText::default(),
        }
    }

    /// Runs a page's content and returns its glyphs.
    pub(super) fn run(mut self, page: ObjectId) -> Result<PageText, PdfError> {
        let data = self
            .doc
            .get_page_content_with_limit(page, self.budget.max_content_bytes)
            .map_err(|e| PdfError::Damaged(format!("a page's content cannot be read ({e})")))?;
        let resources = Resources::of_page(self.doc, page);
        self.stream(&data, &resources, Matrix::IDENTITY, 0)?;
        Ok(self.out)
    }

    fn stream(
        &mut self,
        data: &[u8],
        res: &Resources,
        ctm: Matrix,
        depth: usize,
    ) -> Result<(), PdfError> {
        let mut run = Run {
            ctm,
            stack: Vec::new(),
            tm: Matrix::IDENTITY,
            tlm: Matrix::IDENTITY,
            ts: TextState::new(),
        };
        for (n, op) in Content::decode_iter(data).enumerate() {
            let op =
                op.map_err(|e| PdfError::Damaged(format!("a content stream breaks off ({e})")))?;
            if n % 1024 == 0 && Instant::now() >= self.budget.deadline {
                return Err(PdfError::TooSlow);
            }
            self.operation(&op, &mut run, res, depth)?;
        }
        Ok(())
    }

    fn operation(
        &mut self,
        op: &Operation,
        run: &mut Run,
        res: &Resources,
        depth: usize,
    ) -> Result<(), PdfError> {
        let args = &op.operands;
        match op.operator.as_str() {
            "Tf" => {
                run.ts.font = args
                    .first()
                    .and_then(|o| o.as_name().ok())
                    .and_then(|name| self.fonts.get(self.doc, res, name));
                run.ts.size = number(args, 1).unwrap_or(0.0);
            }
            "Tj" => self.show_string(args.first(), run)?,
            "'" => {
                run.next_line(0.0, -run.ts.leading);
                self.show_string(args.first(), run)?;
            }
            "\"" => {
                run.ts.word_spacing = number(args, 0).unwrap_or(0.0);
                run.ts.char_spacing = number(args, 1).unwrap_or(0.0);
                run.next_line(0.0, -run.ts.leading);
                self.show_string(args.get(2), run)?;
            }
            "TJ" => self.show_array(args.first(), run)?,
            "Do" => self.draw_object(args.first(), run.ctm, res, depth)?,
            "BI" => self.out.images += 1,
            other => run.state_operator(other, args),
        }
        Ok(())
    }

    fn show_array(&mut self, arg: Option<&Object>, run: &mut Run) -> Result<(), PdfError> {
        let Some(items) = arg.and_then(|o| o.as_array().ok()) else {
            return Ok(());
        };
        for item in items {
            match item {
                Object::String(..) => self.show_string(Some(item), run)?,
                other => {
                    let adjust = other
                        .as_float()
                        .ok()
                        .filter(|v| v.is_finite())
                        .unwrap_or(0.0);
                    let tx = -adjust / 1000.0 * run.ts.size * run.ts.scale;
                    run.tm = Matrix::translate(tx, 0.0).then(run.tm);
                }
            }
        }
        Ok(())
    }

    fn show_string(&mut self, arg: Option<&Object>, run: &mut Run) -> Result<(), PdfError> {
        let (Some(bytes), Some(font)) = (arg.and_then(|o| o.as_str().ok()), run.ts.font.clone())
        else {
            return Ok(());
        };
        let ts = &run.ts;
        for code in font.codes(bytes) {
            if self.out.glyphs.len() >= self.budget.max_glyphs {
                return Err(PdfError::TooLarge);
            }
            let w0 = font.width(code) / 1000.0;
            let size = Matrix([ts.size * ts.scale, 0.0, 0.0, ts.size, 0.0, ts.rise]);
            let trm = size.then(run.tm).then(run.ctm).then(self.base);
            let [a, b, c, d, e, f] = trm.0;
            // Text that does not run left to right (a sideways margin
            // note, a diagonal watermark) is not part of the reading text.
            if b.abs() <= SKEW * a.abs() && c.abs() <= SKEW * d.abs() {
                // A soft hyphen that was drawn is a line-end hyphen: keep it visible.
                let text = font.text(code).unwrap_or_default().replace('\u{AD}', "-");
                self.out.unmapped += usize::from(text.is_empty());
                self.out.glyphs.push(Glyph {
                    text,
                    x: e,
                    y: f,
                    width: w0 * a.hypot(b),
                    size: c.hypot(d),
                    bold: font.bold,
                    superior: font.is_superior(code),
                });
            }
            let spacing = if font.is_word_space(code) {
                ts.word_spacing
            } else {
                0.0
            };
            let tx = (w0 * ts.size + ts.char_spacing + spacing) * ts.scale;
            run.tm = Matrix::translate(tx, 0.0).then(run.tm);
        }
        Ok(())
    }

    /// `Do`: a form is run in place (to a bounded depth); an image is counted.
    fn draw_object(
        &mut self,
        arg: Option<&Object>,
        ctm: Matrix,
        res: &Resources,
        depth: usize,
    ) -> Result<(), PdfError> {
        let Some(stream) = arg
            .and_then(|o| o.as_name().ok())
            .and_then(|n| res.x_object(self.doc, n))
        else {
            return Ok(());
        };
        match stream.dict.get(b"Subtype").and_then(Object::as_name) {
            Ok(b"Image") => self.out.images += 1,
            Ok(b"Form") if depth < MAX_FORM_DEPTH => {
                let Ok(data) = stream.get_plain_content_with_limit(self.budget.max_content_bytes)
                else {
                    return Ok(());
                };
                let matrix = stream.dict.get(b"Matrix").and_then(Object::as_array).ok();
                let matrix = matrix
                    .and_then(|m| Matrix::from_operands(m))
                    .unwrap_or(Matrix::IDENTITY);
                let inner = res.for_form(self.doc, &stream.dict);
                self.stream(&data, &inner, matrix.then(ctm), depth + 1)?;
            }
            _ => {}
        }
        Ok(())
    }
}

struct Run {
    ctm: Matrix,
    stack: Vec<(Matrix, TextState)>,
    tm: Matrix,
    tlm: Matrix,
    ts: TextState,
}

fn number(args: &[Object], i: usize) -> Option<f32> {
    args.get(i)
        .and_then(|o| o.as_float().ok())
        .filter(|v| v.is_finite())
}

impl Run {
    /// Operators that change the graphics or text state without showing text.
    fn state_operator(&mut self, operator: &str, args: &[Object]) {
        let num = |i| number(args, i).unwrap_or(0.0);
        let ts = &mut self.ts;
        match operator {
            "q" if self.stack.len() < MAX_STATE_DEPTH => self.stack.push((self.ctm, ts.clone())),
            "Q" => {
                if let Some((ctm, state)) = self.stack.pop() {
                    (self.ctm, self.ts) = (ctm, state);
                }
            }
            "cm" => {
                if let Some(m) = Matrix::from_operands(args) {
                    self.ctm = m.then(self.ctm);
                }
            }
            "BT" => (self.tm, self.tlm) = (Matrix::IDENTITY, Matrix::IDENTITY),
            "Tc" => ts.char_spacing = num(0),
            "Tw" => ts.word_spacing = num(0),
            "Tz" => ts.scale = number(args, 0).unwrap_or(100.0) / 100.0,
            "TL" => ts.leading = num(0),
            "Ts" => ts.rise = num(0),
            "Td" => self.next_line(num(0), num(1)),
            "TD" => {
                ts.leading = -num(1);
                self.next_line(num(0), num(1));
            }
            "Tm" => {
                if let Some(m) = Matrix::from_operands(args) {
                    (self.tm, self.tlm) = (m, m);
                }
            }
            "T*" => self.next_line(0.0, -self.ts.leading),
            _ => {}
        }
    }

    fn next_line(&mut self, x: f32, y: f32) {
        self.tlm = Matrix::translate(x, y).then(self.tlm);
        self.tm = self.tlm;
    }
}

impl TextState {
    fn new() -> Self {
        TextState {
            font: None,
            size: 0.0,
            char_spacing: 0.0,
            word_spacing: 0.0,
            scale: 1.0,
            leading: 0.0,
            rise: 0.0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matrices_compose_left_to_right() {
        let m = Matrix::translate(2.0, 3.0).then(Matrix([2.0, 0.0, 0.0, 2.0, 0.0, 0.0]));
        assert_eq!(m, Matrix([2.0, 0.0, 0.0, 2.0, 4.0, 6.0]));
        let flipped = Matrix::translate(0.0, 10.0).then(Matrix([1.0, 0.0, 0.0, -1.0, 0.0, 800.0]));
        assert_eq!(flipped.0[5], 790.0);
    }
}
