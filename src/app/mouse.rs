//! The mouse: the wheel scrolls the pane under the pointer, a click selects
//! or opens, a drag selects text. Hit-testing uses the layout of the last
//! frame.

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
        let Some(line) = self.doc.lines.get(self.top + row as usize) else {
            return;
        };
        let block = &self.doc.blocks[line.block];
        let text = &block.text[line.bytes.clone()];
        let mut x = 0usize;
        for (i, g) in unicode_segmentation::UnicodeSegmentation::graphemes(text, true).enumerate() {
            let w = crate::text::grapheme_width(g);
            if (col as usize) < x + w.max(1) {
                let offset = line.first_char + char_index(text, i);
                self.cursor = Pos {
                    block: line.block,
                    offset,
                };
                self.select_from = None;
                if let Some(k) = block
                    .markers
                    .iter()
                    .position(|m| (m.start..m.end).contains(&offset))
                {
                    self.marker = Some(super::MarkerRef {
                        block: line.block,
                        marker: k,
                    });
                    let n = block.markers[k].footnote;
                    self.open(Popup::Footnote(n));
                }
                return;
            }
            x += w;
        }
    }

    pub(super) fn drag(&mut self, x: u16, y: u16) {
        let a = self.areas.reader_text;
        if !contains(a, x, y) {
            return;
        }
        let Some(line) = self.doc.lines.get(self.top + (y - a.y) as usize) else {
            return;
        };
        let text = &self.doc.blocks[line.block].text[line.bytes.clone()];
        let mut width = 0usize;
        let mut offset = line.first_char;
        for (i, g) in unicode_segmentation::UnicodeSegmentation::graphemes(text, true).enumerate() {
            width += crate::text::grapheme_width(g);
            offset = line.first_char + char_index(text, i);
            if width > (x - a.x) as usize {
                break;
            }
        }
        if self.select_from.is_none() {
            self.select_from = Some(self.cursor);
        }
        self.cursor = Pos {
            block: line.block,
            offset,
        };
    }
}

/// The char index of the `g`-th grapheme of `text`.
fn char_index(text: &str, g: usize) -> usize {
    unicode_segmentation::UnicodeSegmentation::graphemes(text, true)
        .take(g)
        .map(|s| s.chars().count())
        .sum()
}
