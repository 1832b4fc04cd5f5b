//! The PDF front-end of the import pipeline: a PDF's text layer as
//! numbered lines in reading order, each with its page and layout hints.
//!
//! Reading order is by baseline, top to bottom, on each page: a one-column
//! layout. Text set side by side on one baseline (table cells, a header's
//! left and right parts) makes one line, two spaces between the parts.
//! Page rotation (`/Rotate`) and vertical writing are not applied.

mod cmap;
mod content;
mod font;
mod layout;
mod resources;

use super::source::SourceLine;
use content::{Budget, Page};
use lopdf::{Document, LoadOptions, Object, ObjectId};
use resources::Fonts;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

/// Bounds on what one PDF may cost.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Largest file accepted, in bytes.
    pub max_file_bytes: usize,
    /// Largest decoded stream (page content, font map), in bytes.
    pub max_stream_bytes: usize,
    /// Most glyphs on one page.
    pub max_glyphs_per_page: usize,
    /// Most pages read.
    pub max_pages: usize,
    /// Time allowed for reading the pages' text.
    pub time: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_file_bytes: 64 << 20,
            max_stream_bytes: 32 << 20,
            max_glyphs_per_page: 200_000,
            max_pages: 2_000,
            time: Duration::from_secs(10),
        }
    }
}

/// Why a PDF gave no usable text.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum PdfError {
    /// The file needs a password to be read.
    #[error("the PDF is encrypted and needs a password: save an unprotected copy and open that")]
    Encrypted,
    /// No page has text: a scan, or pages of images (`images` says which).
    #[error(
        "the PDF has no text layer{}: it needs OCR (text recognition) before it can be read",
        if *.images { " (its pages are images)" } else { "" }
    )]
    NoText { images: bool },
    /// These pages are mostly glyphs whose font has no Unicode map.
    #[error(
        "the PDF's fonts have no Unicode map on {}: their text cannot be read without OCR",
        page_list(pages)
    )]
    UnmappedGlyphs { pages: Vec<u32> },
    /// The file's structure or a content stream cannot be read.
    #[error("the PDF is damaged: {0}")]
    Damaged(String),
    /// Over the file size, page count or glyphs-per-page limit.
    #[error("the PDF is too large to read here")]
    TooLarge,
    /// Over the time limit.
    #[error("reading the PDF took too long: it may be damaged or hostile")]
    TooSlow,
}

fn page_list(pages: &[u32]) -> String {
    let list: Vec<String> = pages.iter().map(u32::to_string).collect();
    match pages.len() {
        1 => format!("page {}", list[0]),
        _ => format!("pages {}", list.join(", ")),
    }
}

/// A page counts as unmapped when more than this share of its glyphs has no text.
const UNMAPPED_SHARE: f32 = 0.2;

/// The text lines of a PDF, in reading order, with the default limits.
pub fn lines(bytes: &[u8]) -> Result<Vec<SourceLine>, PdfError> {
    lines_within(bytes, Limits::default())
}

/// The text lines of a PDF, in reading order, within the given limits.
///
/// The file is read on a worker thread: when the parser itself (which the
/// page-level deadline cannot interrupt) outlives the time limit, the
/// caller gets [`PdfError::TooSlow`] and the worker is left to finish on
/// its own.
pub fn lines_within(bytes: &[u8], limits: Limits) -> Result<Vec<SourceLine>, PdfError> {
    if bytes.len() > limits.max_file_bytes {
        return Err(PdfError::TooLarge);
    }
    let owned = bytes.to_vec();
    let (sender, receiver) = mpsc::channel();
    let worker = thread::Builder::new()
        .name("pdf-import".into())
        .spawn(move || sender.send(guarded_read(&owned, limits)));
    if worker.is_err() {
        return guarded_read(bytes, limits);
    }
    match receiver.recv_timeout(limits.time + WORKER_GRACE) {
        Ok(result) => result,
        Err(mpsc::RecvTimeoutError::Timeout) => Err(PdfError::TooSlow),
        Err(mpsc::RecvTimeoutError::Disconnected) => Err(damaged()),
    }
}

/// How much longer than the page deadline the whole read may take.
const WORKER_GRACE: Duration = Duration::from_secs(2);

/// [`read`], with a panic in the parser (third-party code fed hostile
/// input) turned into a damaged-file error instead of a crash.
fn guarded_read(bytes: &[u8], limits: Limits) -> Result<Vec<SourceLine>, PdfError> {
    catch_unwind(AssertUnwindSafe(|| read(bytes, limits))).unwrap_or_else(|_| Err(damaged()))
}

fn damaged() -> PdfError {
    PdfError::Damaged("the file's structure cannot be parsed".into())
}

fn read(bytes: &[u8], limits: Limits) -> Result<Vec<SourceLine>, PdfError> {
    let doc = load(bytes, limits)?;
    let pages = doc.get_pages();
    if pages.len() > limits.max_pages {
        return Err(PdfError::TooLarge);
    }
    if pages.is_empty() {
        return Err(PdfError::Damaged("no pages were found".into()));
    }
    let budget = Budget {
        deadline: Instant::now() + limits.time,
        max_glyphs: limits.max_glyphs_per_page,
        max_content_bytes: limits.max_stream_bytes,
    };
    let mut fonts = Fonts::default();
    let mut out = Vec::new();
    let (mut unmapped_pages, mut images) = (Vec::new(), false);
    for (&number, &id) in &pages {
        let media = media_box(&doc, id);
        let text = Page::new(&doc, &mut fonts, budget, media).run(id)?;
        images |= text.images > 0;
        if text.unmapped as f32 > UNMAPPED_SHARE * text.glyphs.len() as f32 {
            unmapped_pages.push(number);
        }
        let (width, height) = (media[2] - media[0], media[3] - media[1]);
        for line in layout::page_lines(text.glyphs, width, height) {
            out.push(SourceLine {
                text: line.text,
                number: out.len() + 1,
                page: Some(number),
                layout: Some(line.hints),
            });
        }
    }
    if !unmapped_pages.is_empty() {
        return Err(PdfError::UnmappedGlyphs {
            pages: unmapped_pages,
        });
    }
    if out.is_empty() {
        return Err(PdfError::NoText { images });
    }
    Ok(out)
}

fn load(bytes: &[u8], limits: Limits) -> Result<Document, PdfError> {
    let options = LoadOptions {
        max_decompressed_size: Some(limits.max_stream_bytes),
        ..LoadOptions::default()
    };
    match Document::load_mem_with_options(bytes, options) {
        Ok(doc) if doc.is_encrypted() && !doc.was_encrypted() => Err(PdfError::Encrypted),
        Ok(doc) => Ok(doc),
        Err(lopdf::Error::Decryption(_) | lopdf::Error::InvalidPassword) => {
            Err(PdfError::Encrypted)
        }
        Err(e) => Err(PdfError::Damaged(crate::text::sanitize_line(
            &e.to_string(),
        ))),
    }
}

/// A page's media box `[x0 y0 x1 y1]`, inherited if need be; A4 when unreadable.
fn media_box(doc: &Document, page: ObjectId) -> [f32; 4] {
    let mut node = doc.get_dictionary(page).ok();
    for _ in 0..32 {
        let Some(dict) = node else { break };
        let found = dict
            .get(b"MediaBox")
            .ok()
            .and_then(|o| doc.dereference(o).ok())
            .and_then(|(_, o)| o.as_array().ok())
            .and_then(|a| rect(doc, a));
        if let Some(r) = found {
            return r;
        }
        node = dict
            .get(b"Parent")
            .and_then(Object::as_reference)
            .ok()
            .and_then(|id| doc.get_dictionary(id).ok());
    }
    [0.0, 0.0, 595.0, 842.0]
}

fn rect(doc: &Document, a: &[Object]) -> Option<[f32; 4]> {
    let mut r = [0.0; 4];
    for (slot, o) in r.iter_mut().zip(a) {
        *slot = doc
            .dereference(o)
            .ok()?
            .1
            .as_float()
            .ok()
            .filter(|v| v.is_finite())?;
    }
    let [x0, y0, x1, y1] = r;
    (a.len() == 4 && x1 - x0 > 1.0 && y1 - y0 > 1.0).then_some(r)
}

/// Raised footnote markers written as superscript digits, as text briefs
/// print them (`강조하였다.¹`, `¹ 출처`): the later stages read markers
/// from the text alone. A raised `)` after the digits goes with them, and
/// a definition's number at the start of a line is set apart by a space.
pub fn superscript_markers(lines: Vec<SourceLine>) -> Vec<SourceLine> {
    lines
        .into_iter()
        .map(|mut line| {
            let Some(hints) = line.layout.as_ref() else {
                return line;
            };
            if hints.raised.is_empty() {
                return line;
            }
            let chars: Vec<char> = line.text.chars().collect();
            let raised = |i: usize| hints.raised.iter().any(|(s, e)| (*s..*e).contains(&i));
            let mut out = String::with_capacity(line.text.len());
            for (i, c) in chars.iter().enumerate() {
                if !raised(i) {
                    out.push(*c);
                    continue;
                }
                match c.to_digit(10) {
                    Some(d) => {
                        out.push_str(&crate::brief::import::blocks::superscript(d));
                        let next = chars.get(i + 1);
                        let ends = next.is_none_or(|n| !(n.is_ascii_digit() && raised(i + 1)));
                        let starts_line = out
                            .chars()
                            .all(|o| crate::brief::import::blocks::superscript_value(o).is_some());
                        if ends
                            && starts_line
                            && next.is_some_and(|n| !n.is_whitespace() && *n != ')')
                        {
                            out.push(' ');
                        }
                    }
                    // `1)` and `[1]` set raised: the brackets go with the marker.
                    None if matches!(c, ')' | ']') && i > 0 && chars[i - 1].is_ascii_digit() => {}
                    None if *c == '['
                        && chars
                            .get(i + 1)
                            .is_some_and(|n| n.is_ascii_digit() && raised(i + 1)) => {}
                    None => out.push(*c),
                }
            }
            // Ranges no longer match the text; the markers now say it all.
            if let Some(h) = line.layout.as_mut() {
                h.raised.clear();
            }
            line.text = out;
            line
        })
        .collect()
}

/// A blank line wherever the layout leaves a gap (more space between two
/// baselines than the text's line spacing, or a change of font size), as a
/// text extraction shows paragraphs: the later stages read structure from
/// blank lines.
pub fn blank_lines_at_gaps(lines: Vec<SourceLine>) -> Vec<SourceLine> {
    let mut out: Vec<SourceLine> = Vec::with_capacity(lines.len() * 2);
    // The usual distance between baselines, relative to the font size.
    let mut steps: Vec<f32> = lines
        .windows(2)
        .filter_map(|w| {
            let (a, b) = (w[0].layout.as_ref()?, w[1].layout.as_ref()?);
            let same_page = w[0].page == w[1].page;
            (same_page && b.y > a.y && a.font_size > 0.0).then(|| (b.y - a.y) / a.font_size)
        })
        .collect();
    steps.sort_by(f32::total_cmp);
    let usual = steps.get(steps.len() / 3).copied().unwrap_or(1.3);
    let mut widths: Vec<usize> = lines
        .iter()
        .map(|l| crate::text::str_width(l.text.trim()))
        .collect();
    widths.sort_unstable();
    // A full line of body text; a paragraph's last line stops short of it.
    let full = widths.get(widths.len() * 4 / 5).copied().unwrap_or(0);
    for line in lines {
        if let Some(prev) = out.last() {
            let short = crate::text::str_width(prev.text.trim()) * 100 < full * 85;
            let ended = !crate::brief::import::joins::ends_mid_sentence(&prev.text);
            let same_page = prev.page == line.page;
            if short && ended && same_page && !prev.text.trim().is_empty() {
                out.push(SourceLine {
                    text: String::new(),
                    number: prev.number,
                    page: prev.page,
                    layout: None,
                });
            }
        }
        if let (Some(prev), Some(now)) = (out.last(), line.layout.as_ref())
            && let Some(before) = prev.layout.as_ref()
        {
            let same_page = prev.page == line.page;
            let step = (now.y - before.y) / before.font_size.max(1.0);
            let resized = (now.font_size - before.font_size).abs() > before.font_size * 0.1;
            if same_page && (step > usual * 1.2 || resized) {
                out.push(SourceLine {
                    text: String::new(),
                    number: prev.number,
                    page: prev.page,
                    layout: None,
                });
            }
        }
        out.push(line);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::brief::import::source::LayoutHints;

    fn raised_line(text: &str, raised: Vec<(usize, usize)>) -> SourceLine {
        SourceLine {
            text: text.to_string(),
            number: 1,
            page: Some(1),
            layout: Some(LayoutHints {
                font_size: 10.0,
                raised,
                ..LayoutHints::default()
            }),
        }
    }

    #[test]
    fn raised_markers_lose_their_brackets() {
        let marked = |text: &str, raised| {
            superscript_markers(vec![raised_line(text, raised)])
                .pop()
                .map(|l| l.text)
        };
        assert_eq!(
            marked("밝혔으나[6] 같은", vec![(4, 7)]).as_deref(),
            Some("밝혔으나⁶ 같은")
        );
        assert_eq!(
            marked("주장하였다.1) 그동안", vec![(6, 8)]).as_deref(),
            Some("주장하였다.¹ 그동안")
        );
        // Brackets on the line itself stay.
        assert_eq!(
            marked("[정세와 정책 2025-8호]", vec![]).as_deref(),
            Some("[정세와 정책 2025-8호]")
        );
    }
}
