//! The mouse: the wheel scrolls the pane under the pointer, a click selects
//! or opens, a drag selects text, a double click a word and a triple click a sentence. Hit-testing uses the layout of the last
//! frame.

use std::ops::Range;

use super::action::Action;
use super::document::Pos;
use super::layout::contains;
use super::{App, Focus, Popup};

impl App {
    pub(super) fn wheel(&mut self, x: u16, y: u16, down: bool) {
        let delta: isize = if down { 3 } else { -3 };
        let a = self.areas;
        if contains(a.side, x, y) {
            let n = self.side_len().saturating_sub(1) as isize;
            let i = (self.selected() as isize + delta.signum()).clamp(0, n.max(0)) as usize;
            self.select(i);
        } else if contains(a.outline, x, y) {
            let n = self.outline_len().saturating_sub(1) as isize;
            self.outline_selected =
                (self.outline_selected as isize + delta.signum()).clamp(0, n) as usize;
        } else if contains(a.reader, x, y) {
            self.scroll(delta);
        }
    }

    pub(super) fn click(&mut self, x: u16, y: u16) {
        let a = self.areas;
        if self.popup.is_some() {
            self.popup = None;
            return;
        }
        if contains(a.side, x, y) {
            self.focus = Focus::Side;
            let row = y.saturating_sub(a.side.y + 2) as usize;
            self.click_side_row(row);
        } else if contains(a.outline, x, y) {
            self.focus = Focus::Outline;
            let row = self.drawn.outline_first + y.saturating_sub(a.outline.y + 1) as usize;
            if row < self.outline_len() {
                self.outline_selected = row;
                self.follow();
            }
        } else if contains(a.reader_text, x, y) {
            self.click_reader(x - a.reader_text.x, y - a.reader_text.y);
        }
    }

    pub(super) fn click_side_row(&mut self, row: usize) {
        let rows = &self.drawn.side_items;
        if let Some(i) = rows.iter().position(|r| r.contains(&row)) {
            self.select(i);
            self.follow_side();
        }
    }

    pub(super) fn click_reader(&mut self, col: u16, row: u16) {
        if self.areas.overlay && self.focus != Focus::Reader {
            self.set_focus(Focus::Reader);
        }
        self.focus = Focus::Reader;
        let Some(pos) = self.pos_at_cell(col, row, false) else {
            return;
        };
        self.cursor = pos;
        self.select_from = None;
        let block = &self.doc.blocks[pos.block];
        if let Some(k) = block
            .markers
            .iter()
            .position(|m| (m.start..m.end).contains(&pos.offset))
        {
            self.marker = Some(super::MarkerRef {
                block: pos.block,
                marker: k,
            });
            let n = block.markers[k].footnote;
            self.open(Popup::Footnote(n));
        }
    }

    /// The text position drawn at a cell of the reader's text area (`col`, `row` inside it).
    /// Past the end of a line: none, or with `to_end` the line's last character.
    fn pos_at_cell(&self, col: u16, row: u16, to_end: bool) -> Option<Pos> {
        let line = self.doc.lines.get(self.top + row as usize)?;
        let text = &self.doc.blocks[line.block].text[line.bytes.clone()];
        let mut x = 0usize;
        let mut last = None;
        for (i, g) in unicode_segmentation::UnicodeSegmentation::graphemes(text, true).enumerate() {
            let w = crate::text::grapheme_width(g);
            let offset = line.first_char + char_index(text, i);
            if (col as usize) < x + w.max(1) {
                return Some(Pos {
                    block: line.block,
                    offset,
                });
            }
            last = Some(offset);
            x += w;
        }
        last.filter(|_| to_end).map(|offset| Pos {
            block: line.block,
            offset,
        })
    }

    pub(super) fn drag(&mut self, x: u16, y: u16) {
        let a = self.areas.reader_text;
        if !contains(a, x, y) {
            return;
        }
        let Some(pos) = self.pos_at_cell(x - a.x, y - a.y, true) else {
            return;
        };
        if self.select_from.is_none() {
            self.select_from = Some(self.cursor);
        }
        self.cursor = pos;
    }

    /// The mouse actions.
    pub(super) fn mouse(&mut self, action: Action) {
        match action {
            Action::Drag { x, y } => self.drag(x, y),
            Action::Wheel { x, y, down } => self.wheel(x, y, down),
            Action::Click { x, y } => self.click(x, y),
            Action::DoubleClick { x, y } => self.select_around(x, y, false),
            Action::TripleClick { x, y } => self.select_around(x, y, true),
            _ => {}
        }
    }

    /// Select the word (or the sentence) at a cell of the reader's text.
    fn select_around(&mut self, x: u16, y: u16, sentence: bool) {
        let a = self.areas.reader_text;
        if self.popup.is_some() || !contains(a, x, y) {
            return;
        }
        let Some(pos) = self.pos_at_cell(x - a.x, y - a.y, false) else {
            return;
        };
        let text: Vec<char> = self.doc.blocks[pos.block].text.chars().collect();
        let range = if sentence {
            sentence_around(&text, pos.offset)
        } else {
            word_around(&text, pos.offset)
        };
        let Some(range) = range else { return };
        self.focus = Focus::Reader;
        self.select_from = Some(Pos {
            offset: range.start,
            ..pos
        });
        self.cursor = Pos {
            offset: range.end - 1,
            ..pos
        };
        self.message = self.tr("message.mouse_selected", &[]);
    }
}

/// The word (between spaces) around `at`; none on a space.
fn word_around(text: &[char], at: usize) -> Option<Range<usize>> {
    if text.get(at).is_none_or(|c| c.is_whitespace()) {
        return None;
    }
    let start = text[..at]
        .iter()
        .rposition(|c| c.is_whitespace())
        .map_or(0, |i| i + 1);
    let end = text[at..]
        .iter()
        .position(|c| c.is_whitespace())
        .map_or(text.len(), |i| at + i);
    Some(start..end)
}

/// The sentence around `at`, without the spaces that end it.
fn sentence_around(text: &[char], at: usize) -> Option<Range<usize>> {
    let s: String = text.iter().collect();
    let r = crate::brief::import::claims::sentences(&s)
        .into_iter()
        .find(|r| r.contains(&at))?;
    let end = (r.start..r.end)
        .rev()
        .find(|i| text.get(*i).is_some_and(|c| !c.is_whitespace()))?;
    Some(r.start..end + 1)
}

/// The char index of the `g`-th grapheme of `text`.
fn char_index(text: &str, g: usize) -> usize {
    unicode_segmentation::UnicodeSegmentation::graphemes(text, true)
        .take(g)
        .map(|s| s.chars().count())
        .sum()
}
