//! Every position kept within the text and the layout. `update` calls
//! `keep_in_bounds` after each action, so a resize, a rewrap or a shorter
//! list can never leave a line, a character or an item out of range.

use super::document::Pos;
use super::layout::Drawn;
use super::{App, MarkerRef};

impl App {
    /// Clamp every position to the current text and layout.
    pub(super) fn keep_in_bounds(&mut self) {
        self.top = self.top.min(self.max_top());
        self.cursor = self.within_text(self.cursor);
        self.select_from = self.select_from.map(|p| self.within_text(p));
        self.marker = self.marker.filter(|m| self.marker_exists(*m));
        self.flash = self
            .flash
            .take()
            .filter(|(b, _)| *b < self.doc.blocks.len());
        let entries = self.outline_len();
        self.outline_selected = self.outline_selected.min(entries.saturating_sub(1));
        let items = self.side_len();
        self.select(self.selected().min(items.saturating_sub(1)));
        if self
            .search
            .current
            .is_some_and(|i| i >= self.search.matches.len())
        {
            self.search.current = None;
        }
        self.popup_scroll = self.popup_scroll.min(self.popup_max_scroll());
    }

    /// The nearest position that lies in the text.
    pub(super) fn within_text(&self, pos: Pos) -> Pos {
        let Some(last) = self.doc.blocks.len().checked_sub(1) else {
            return Pos::default();
        };
        let block = pos.block.min(last);
        let len = self.doc.blocks[block].text.chars().count();
        Pos {
            block,
            offset: pos.offset.min(len.saturating_sub(1)),
        }
    }

    fn marker_exists(&self, m: MarkerRef) -> bool {
        self.doc
            .blocks
            .get(m.block)
            .is_some_and(|b| m.marker < b.markers.len())
    }

    /// How far the open popup may scroll: its last line at the bottom. Until
    /// a frame has shown the popup its length is unknown, so there is no limit.
    pub fn popup_max_scroll(&self) -> usize {
        match self.drawn.popup {
            Some(p) => p.lines.saturating_sub(p.rows),
            None => usize::MAX,
        }
    }

    /// Take the layout the last frame used; positions that depend on it are
    /// clamped to it.
    pub fn laid_out(&mut self, drawn: Drawn) {
        self.drawn = drawn;
        self.popup_scroll = self.popup_scroll.min(self.popup_max_scroll());
    }

    /// The layout the last frame used.
    pub fn drawn(&self) -> &Drawn {
        &self.drawn
    }
}
