//! The brief laid out for reading: blocks of display text (markers shown as
//! superscripts) and their wrapping at a width, cached per width.

use crate::brief::import::blocks::superscript;
use std::ops::Range;

use crate::brief::{Brief, Index};
use crate::text::wrap;

/// What a block of the reading view is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    Title,
    Byline,
    Heading(u8),
    Paragraph,
    Footnote(u32),
}

/// A footnote marker as displayed: the superscript chars it occupies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DocMarker {
    pub footnote: u32,
    /// The paragraph char offset the marker stands before.
    pub at: usize,
    pub start: usize,
    pub end: usize,
}

/// One block of the reading view.
#[derive(Debug, Clone)]
pub struct Block {
    pub kind: BlockKind,
    pub text: String,
    /// The paragraph's reading-order index, for paragraph blocks.
    pub paragraph: Option<usize>,
    /// The section (index into `brief.sections`) the block belongs to.
    pub section: Option<usize>,
    pub markers: Vec<DocMarker>,
    /// Display chars before the paragraph's own text: a list item's indent and bullet.
    pub prefix: usize,
}

impl Block {
    /// The display offset of paragraph char `at` (markers before it shift it).
    pub fn display_start(&self, at: usize) -> usize {
        self.prefix
            + at
            + self
                .markers
                .iter()
                .filter(|m| m.at <= at)
                .map(|m| m.end - m.start)
                .sum::<usize>()
    }

    /// The display offset just past paragraph char `at - 1`.
    pub fn display_end(&self, at: usize) -> usize {
        self.prefix
            + at
            + self
                .markers
                .iter()
                .filter(|m| m.at < at)
                .map(|m| m.end - m.start)
                .sum::<usize>()
    }

    /// The paragraph char offset of a display offset (markers map to the char after them).
    pub fn paragraph_offset(&self, display: usize) -> usize {
        display.saturating_sub(self.prefix)
            - self
                .markers
                .iter()
                .filter(|m| m.start < display)
                .map(|m| m.end.min(display) - m.start)
                .sum::<usize>()
    }
}

/// A position in the reading view: a block and a display char offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Pos {
    pub block: usize,
    pub offset: usize,
}

/// One visual line: a byte range of a block's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub block: usize,
    pub bytes: Range<usize>,
    /// Display char offset of the line's first char within the block.
    pub first_char: usize,
}

/// The reading view: blocks, plus their lines at the current width.
pub struct Document {
    pub blocks: Vec<Block>,
    pub width: usize,
    pub lines: Vec<Line>,
    /// Index of each block's first line.
    pub block_lines: Vec<usize>,
    /// The block of each paragraph, by reading order.
    paragraph_blocks: Vec<usize>,
}

/// How footnote markers are shown: superscript digits (`²⁵`), or in brackets (`[25]`) where
/// superscripts would be two columns wide (East Asian ambiguous characters).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Marks {
    bracketed: bool,
}

impl Marks {
    /// Bracketed markers when `bracketed`, else superscripts.
    pub fn new(bracketed: bool) -> Marks {
        Marks { bracketed }
    }

    /// Footnote `n` as shown.
    fn show(self, n: u32) -> String {
        if self.bracketed {
            format!("[{n}]")
        } else {
            superscript(n)
        }
    }
}

/// A list item's indent and bullet (`  ○ `), empty for a paragraph.
fn item_prefix(p: &crate::brief::model::Paragraph) -> String {
    p.item.as_ref().map_or_else(String::new, |i| {
        format!("{}{} ", "  ".repeat(usize::from(i.level.min(6))), i.bullet)
    })
}

fn paragraph_block(
    p: &crate::brief::model::Paragraph,
    paragraph: usize,
    section: Option<usize>,
    marks: Marks,
) -> Block {
    let (text, markers) = (&p.text, &p.markers);
    let prefix = item_prefix(p);
    let mut out = String::with_capacity(prefix.len() + text.len() + markers.len() * 4);
    out.push_str(&prefix);
    let mut shown = Vec::new();
    let mut count = prefix.chars().count();
    let mut pending = markers.iter().peekable();
    let put =
        |out: &mut String, count: &mut usize, n: u32, at: usize, shown: &mut Vec<DocMarker>| {
            let s = marks.show(n);
            let len = s.chars().count();
            shown.push(DocMarker {
                footnote: n,
                at,
                start: *count,
                end: *count + len,
            });
            out.push_str(&s);
            *count += len;
        };
    for (i, c) in text.chars().enumerate() {
        while let Some(m) = pending.next_if(|m| m.at == i) {
            put(&mut out, &mut count, m.footnote, m.at, &mut shown);
        }
        out.push(c);
        count += 1;
    }
    for m in pending {
        put(&mut out, &mut count, m.footnote, m.at, &mut shown);
    }
    Block {
        kind: BlockKind::Paragraph,
        text: out,
        paragraph: Some(paragraph),
        section,
        markers: shown,
        prefix: prefix.chars().count(),
    }
}

/// Authors with their affiliations: `이상준 (국민대학교 교수), …`.
fn people(m: &crate::brief::model::Meta) -> String {
    if m.authors.len() <= 1 {
        return format!("{} ({})", m.author, m.affiliation);
    }
    m.authors
        .iter()
        .enumerate()
        .map(|(i, a)| match m.affiliations.get(i) {
            Some(aff) => format!("{a} ({aff})"),
            None => a.clone(),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// A block with no paragraph behind it (title, byline, headings, footnotes).
fn plain(kind: BlockKind, text: String, section: Option<usize>) -> Block {
    Block {
        kind,
        text,
        paragraph: None,
        section,
        markers: vec![],
        prefix: 0,
    }
}

/// The Editor's Note and the summary, each under its heading; the reading order reached.
fn front_and_summary(b: &Brief, marks: Marks, blocks: &mut Vec<Block>) -> usize {
    let mut order = 0;
    if !b.front.is_empty() {
        blocks.push(plain(BlockKind::Heading(1), b.front_title.clone(), None));
    }
    for p in &b.front {
        blocks.push(paragraph_block(p, order, None, marks));
        order += 1;
    }
    if !b.summary.is_empty() {
        blocks.push(plain(BlockKind::Heading(1), b.summary_heading(), None));
    }
    for p in &b.summary {
        blocks.push(paragraph_block(p, order, None, marks));
        order += 1;
    }
    order
}

/// Every section: its heading, then its paragraphs (reading order from `order`).
fn body(b: &Brief, mut order: usize, marks: Marks, blocks: &mut Vec<Block>) {
    for (s, section) in b.sections.iter().enumerate() {
        blocks.push(plain(
            BlockKind::Heading(section.level),
            section.heading(),
            Some(s),
        ));
        for p in &section.paragraphs {
            blocks.push(paragraph_block(p, order, Some(s), marks));
            order += 1;
        }
    }
}

/// The notes heading and every footnote, numbered with its superscript.
fn footnotes(b: &Brief, marks: Marks, blocks: &mut Vec<Block>) {
    let notes = if b.meta.lang == "en" { "Notes" } else { "주" };
    blocks.push(plain(BlockKind::Heading(1), notes.to_string(), None));
    for f in &b.footnotes {
        blocks.push(plain(
            BlockKind::Footnote(f.number),
            format!("{} {}", marks.show(f.number), f.text),
            None,
        ));
    }
}

impl Document {
    /// Lay out a brief: title, byline, summary, sections, footnotes.
    pub fn new(index: &Index) -> Document {
        Document::with_markers(index, Marks::default())
    }

    /// Lay out a brief with its footnote markers shown as `marks` says.
    pub fn with_markers(index: &Index, marks: Marks) -> Document {
        let b = &index.brief;
        let m = &b.meta;
        let mut blocks = vec![
            plain(BlockKind::Title, m.title.clone(), None),
            plain(
                BlockKind::Byline,
                format!("{} {} · {} · {}", m.series, m.number, people(m), m.date),
                None,
            ),
        ];
        let order = front_and_summary(b, marks, &mut blocks);
        body(b, order, marks, &mut blocks);
        if !m.disclaimer.is_empty() {
            blocks.push(plain(BlockKind::Byline, m.disclaimer.clone(), None));
        }
        footnotes(b, marks, &mut blocks);
        let paragraph_blocks = (0..blocks.len())
            .filter(|i| blocks[*i].paragraph.is_some())
            .collect();
        // Lines come with the first `rewrap`, at the reader's real width.
        Document {
            blocks,
            width: 0,
            lines: vec![],
            block_lines: vec![],
            paragraph_blocks,
        }
    }

    /// Wrap every block at `width` columns (a no-op at the same width).
    pub fn rewrap(&mut self, width: usize) {
        let width = width.max(1);
        if width == self.width && !self.lines.is_empty() {
            return;
        }
        self.width = width;
        self.lines.clear();
        self.block_lines.clear();
        for (i, block) in self.blocks.iter().enumerate() {
            self.block_lines.push(self.lines.len());
            let mut chars_before = 0;
            let mut last_end = 0;
            for r in wrap(&block.text, width) {
                chars_before += block.text[last_end..r.start].chars().count();
                self.lines.push(Line {
                    block: i,
                    bytes: r.clone(),
                    first_char: chars_before,
                });
                chars_before += block.text[r.clone()].chars().count();
                last_end = r.end;
            }
            // A blank line after every block.
            self.lines.push(Line {
                block: i,
                bytes: block.text.len()..block.text.len(),
                first_char: block.text.chars().count(),
            });
        }
    }

    /// The line showing a position.
    pub fn line_of(&self, pos: Pos) -> usize {
        let first = self.block_lines.get(pos.block).copied().unwrap_or(0);
        let end = self
            .block_lines
            .get(pos.block + 1)
            .copied()
            .unwrap_or(self.lines.len());
        (first..end)
            .rev()
            .find(|l| self.lines[*l].first_char <= pos.offset)
            .unwrap_or(first)
    }

    /// The position at the start of a line.
    pub fn pos_of(&self, line: usize) -> Pos {
        self.lines.get(line).map_or(Pos::default(), |l| Pos {
            block: l.block,
            offset: l.first_char,
        })
    }

    /// The block showing the paragraph with this reading-order index.
    pub fn block_of_paragraph(&self, order: usize) -> Option<usize> {
        self.paragraph_blocks.get(order).copied()
    }

    /// The display char range of a paragraph char range.
    pub fn display_range(&self, block: usize, start: usize, end: usize) -> Range<usize> {
        let b = &self.blocks[block];
        b.display_start(start)..b.display_end(end).max(b.display_start(start))
    }
}
