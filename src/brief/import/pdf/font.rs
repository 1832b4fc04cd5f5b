//! What the text layer needs of a font: its codes' text and widths, its
//! name, and whether it is a bold face.

use super::cmap::UnicodeMap;
use lopdf::{Dictionary, Document, Encoding, Object};
use std::collections::{HashMap, HashSet};

/// A digit variant narrower than this share of the plain digit is superior.
const SUPERIOR_WIDTH: f32 = 0.8;

/// Bounds a hostile width array.
const MAX_WIDTHS: usize = 1 << 16;

/// A font as the text layer uses it.
#[derive(Debug)]
pub(super) struct Font {
    pub(super) bold: bool,
    /// Bytes per character code: 2 for composite (Type0) fonts.
    code_len: usize,
    unicode: Option<UnicodeMap>,
    /// Text of single-byte codes of a simple font without a ToUnicode map.
    simple: Option<Vec<Option<String>>>,
    widths: HashMap<u32, f32>,
    default_width: f32,
    /// Codes of superior digits: glyph variants of a digit, narrower than
    /// the font's plain digit (OpenType `sups`, as typesetters set
    /// footnote markers when the font has them).
    superior: HashSet<u32>,
}

impl Font {
    /// Reads a font dictionary; what cannot be read leaves the glyphs unmapped.
    pub(super) fn read(doc: &Document, dict: &Dictionary) -> Font {
        let composite = dict.get(b"Subtype").and_then(Object::as_name).ok() == Some(b"Type0");
        let descendant = composite.then(|| descendant(doc, dict)).flatten();
        let widths_dict = descendant.unwrap_or(dict);
        let unicode = deref(doc, dict.get(b"ToUnicode").ok())
            .and_then(|o| o.as_stream().ok())
            .and_then(|s| s.get_plain_content_with_limit(1 << 22).ok())
            .map(|data| UnicodeMap::parse(&data));
        let code_len = match (&unicode, composite) {
            (_, false) => 1,
            (Some(u), true) => u.code_len,
            (None, true) => 2,
        };
        let simple = (!composite && unicode.is_none()).then(|| simple_table(doc, dict));
        let (widths, default_width) = if composite {
            (
                cid_widths(doc, widths_dict),
                number(doc, widths_dict.get(b"DW").ok()).unwrap_or(1000.0),
            )
        } else {
            simple_widths(doc, dict)
        };
        let mut font = Font {
            bold: is_bold(doc, dict, widths_dict),
            code_len,
            unicode,
            simple,
            widths,
            default_width,
            superior: HashSet::new(),
        };
        font.superior = font.superior_digits();
        font
    }

    /// Digit codes that share their text with another code of the font
    /// and are set narrower than the widest of them (the plain digit).
    fn superior_digits(&self) -> HashSet<u32> {
        let Some(unicode) = &self.unicode else {
            return HashSet::new();
        };
        let mut by_digit: HashMap<&str, Vec<u32>> = HashMap::new();
        for (code, text) in unicode.entries() {
            if text.len() == 1 && text.as_bytes()[0].is_ascii_digit() {
                by_digit.entry(text).or_default().push(code);
            }
        }
        let mut superior = HashSet::new();
        for codes in by_digit.values().filter(|c| c.len() > 1) {
            let plain = codes.iter().map(|&c| self.width(c)).fold(0.0, f32::max);
            superior.extend(
                codes
                    .iter()
                    .filter(|&&c| self.width(c) < SUPERIOR_WIDTH * plain),
            );
        }
        superior
    }

    /// Whether a code is a superior (superscript) digit.
    pub(super) fn is_superior(&self, code: u32) -> bool {
        self.superior.contains(&code)
    }

    /// Splits a shown string into character codes.
    pub(super) fn codes<'b>(&self, bytes: &'b [u8]) -> impl Iterator<Item = u32> + 'b {
        bytes
            .chunks(self.code_len)
            .map(|c| c.iter().fold(0, |acc, &b| acc << 8 | u32::from(b)))
    }

    /// The text a code stands for, `None` when the font does not say.
    pub(super) fn text(&self, code: u32) -> Option<&str> {
        if let Some(u) = &self.unicode {
            return u.get(code);
        }
        let table = self.simple.as_ref()?;
        table.get(code as usize)?.as_deref()
    }

    /// Advance width of a code, in thousandths of the font size.
    pub(super) fn width(&self, code: u32) -> f32 {
        self.widths
            .get(&code)
            .copied()
            .unwrap_or(self.default_width)
    }

    /// Whether a code is the single-byte space (word spacing applies to it).
    pub(super) fn is_word_space(&self, code: u32) -> bool {
        self.code_len == 1 && code == 32
    }
}

fn deref<'a>(doc: &'a Document, obj: Option<&'a Object>) -> Option<&'a Object> {
    doc.dereference(obj?).ok().map(|(_, o)| o)
}

fn number(doc: &Document, obj: Option<&Object>) -> Option<f32> {
    deref(doc, obj)?.as_float().ok().filter(|n| n.is_finite())
}

fn descendant<'a>(doc: &'a Document, dict: &'a Dictionary) -> Option<&'a Dictionary> {
    let kids = deref(doc, dict.get(b"DescendantFonts").ok())?
        .as_array()
        .ok()?;
    deref(doc, kids.first())?.as_dict().ok()
}

/// A bold face by its name (`NanumGothicBold`, `Serif-Bold`), its weight
/// or its force-bold flag.
fn is_bold(doc: &Document, dict: &Dictionary, inner: &Dictionary) -> bool {
    let name = dict
        .get(b"BaseFont")
        .and_then(Object::as_name)
        .unwrap_or_default();
    let name = String::from_utf8_lossy(name).to_ascii_lowercase();
    if ["bold", "black", "heavy", "semibold", "demi"]
        .iter()
        .any(|w| name.contains(w))
    {
        return true;
    }
    let Some(descriptor) =
        deref(doc, inner.get(b"FontDescriptor").ok()).and_then(|d| d.as_dict().ok())
    else {
        return false;
    };
    let weight = number(doc, descriptor.get(b"FontWeight").ok()).unwrap_or(400.0);
    let flags = number(doc, descriptor.get(b"Flags").ok()).unwrap_or(0.0) as u32;
    weight >= 600.0 || flags & (1 << 18) != 0
}

/// `W` of a CID font: `c [w1 w2 …]` and `cfirst clast w` entries.
fn cid_widths(doc: &Document, dict: &Dictionary) -> HashMap<u32, f32> {
    let mut widths = HashMap::new();
    let Some(w) = deref(doc, dict.get(b"W").ok()).and_then(|o| o.as_array().ok()) else {
        return widths;
    };
    let mut i = 0;
    while i + 1 < w.len() && widths.len() < MAX_WIDTHS {
        let Some(first) = number(doc, w.get(i)).map(|n| n as u32) else {
            return widths;
        };
        if let Some(list) = deref(doc, w.get(i + 1)).and_then(|o| o.as_array().ok()) {
            for (k, v) in list.iter().take(MAX_WIDTHS).enumerate() {
                widths.insert(
                    first.saturating_add(k as u32),
                    number(doc, Some(v)).unwrap_or(0.0),
                );
            }
            i += 2;
        } else {
            let last = number(doc, w.get(i + 1)).map_or(first, |n| n as u32);
            let width = number(doc, w.get(i + 2)).unwrap_or(0.0);
            for c in first..=last.min(first.saturating_add(MAX_WIDTHS as u32)) {
                widths.insert(c, width);
            }
            i += 3;
        }
    }
    widths
}

/// `FirstChar` and `Widths` of a simple font, `MissingWidth` for the rest.
fn simple_widths(doc: &Document, dict: &Dictionary) -> (HashMap<u32, f32>, f32) {
    let first = number(doc, dict.get(b"FirstChar").ok()).unwrap_or(0.0) as u32;
    let widths = deref(doc, dict.get(b"Widths").ok())
        .and_then(|o| o.as_array().ok())
        .map(|list| {
            list.iter()
                .take(256)
                .enumerate()
                .map(|(k, v)| {
                    (
                        first.saturating_add(k as u32),
                        number(doc, Some(v)).unwrap_or(0.0),
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    let missing = deref(doc, dict.get(b"FontDescriptor").ok())
        .and_then(|d| d.as_dict().ok())
        .and_then(|d| number(doc, d.get(b"MissingWidth").ok()))
        .unwrap_or(500.0);
    (widths, missing)
}

/// The text of each single-byte code, through the font's encoding.
fn simple_table(doc: &Document, dict: &Dictionary) -> Vec<Option<String>> {
    let encoding: Option<Encoding> = dict.get_font_encoding(doc).ok();
    (0..=255u8)
        .map(|b| {
            let text = match &encoding {
                Some(e) => Document::decode_text(e, &[b]).ok()?,
                None => char::from(b).to_string(),
            };
            (!text.is_empty() && !text.contains('\u{FFFD}')).then_some(text)
        })
        .collect()
}
