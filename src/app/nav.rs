//! Moving through the reading view: scrolling, jumps and their history,
//! sections, footnote markers, marks.

use super::action::Action;
use super::document::{BlockKind, Pos};
use super::{App, Focus, MarkerRef};

/// Lines of context kept above a jump target.
const CONTEXT: usize = 2;

impl App {
    /// Scroll the reader by `delta` lines, within bounds.
    pub(super) fn scroll(&mut self, delta: isize) {
        let top = self.top as isize + delta;
        self.top = top.clamp(0, self.max_top() as isize) as usize;
    }

    /// Bring a position on screen without recording a jump.
    pub(super) fn reveal(&mut self, pos: Pos) {
        let line = self.doc.line_of(pos);
        if !self.visible_lines().contains(&line) {
            self.top = line.saturating_sub(CONTEXT).min(self.max_top());
        }
    }

    /// Go to a position (with a little context above), recording where we were.
    pub(super) fn jump(&mut self, pos: Pos) {
        self.jump_with(pos, CONTEXT);
    }

    /// Go to a position shown on the top line, recording where we were.
    pub(super) fn jump_exact(&mut self, pos: Pos) {
        self.jump_with(pos, 0);
    }

    fn jump_with(&mut self, pos: Pos, context: usize) {
        let here = self.position();
        if self.back.last() != Some(&here) {
            self.back.push(here);
        }
        self.forward.clear();
        let line = self.doc.line_of(pos);
        self.top = line.saturating_sub(context).min(self.max_top());
    }

    /// Back (or forward) through the jump history.
    pub(super) fn travel(&mut self, backwards: bool) {
        let (from, to) = if backwards {
            (&mut self.back, &mut self.forward)
        } else {
            (&mut self.forward, &mut self.back)
        };
        let Some(pos) = from.pop() else {
            self.message = if backwards {
                "no earlier jump"
            } else {
                "no later jump"
            }
            .into();
            return;
        };
        to.push(self.doc.pos_of(self.top));
        self.top = self.doc.line_of(pos).min(self.max_top());
    }

    /// The heading blocks, in order.
    fn headings(&self) -> impl Iterator<Item = usize> + '_ {
        self.doc
            .blocks
            .iter()
            .enumerate()
            .filter(|(_, b)| matches!(b.kind, BlockKind::Heading(_)))
            .map(|(i, _)| i)
    }

    /// Jump to the next or previous section heading.
    pub(super) fn section_step(&mut self, next: bool) {
        let here = self.doc.lines.get(self.top).map_or(0, |l| l.block);
        let target = if next {
            self.headings().find(|b| *b > here)
        } else {
            self.headings().filter(|b| *b < here).last()
        };
        match target {
            Some(block) => self.jump_exact(Pos { block, offset: 0 }),
            None => {
                self.message = if next {
                    "last section"
                } else {
                    "first section"
                }
                .into()
            }
        }
    }

    /// Every marker of the reading view, in order.
    fn all_markers(&self) -> impl Iterator<Item = MarkerRef> + '_ {
        self.doc.blocks.iter().enumerate().flat_map(|(block, b)| {
            (0..b.markers.len()).map(move |marker| MarkerRef { block, marker })
        })
    }

    /// The position of a marker.
    pub fn marker_pos(&self, m: MarkerRef) -> Pos {
        Pos {
            block: m.block,
            offset: self.doc.blocks[m.block].markers[m.marker].start,
        }
    }

    /// Move the marker cursor to the next or previous footnote marker.
    pub(super) fn marker_step(&mut self, next: bool) {
        let from = self.marker.map(|m| self.marker_pos(m));
        let screen_top = self.position();
        let found = if next {
            self.all_markers().find(|m| {
                from.map_or(self.marker_pos(*m) >= screen_top, |f| {
                    self.marker_pos(*m) > f
                })
            })
        } else {
            let limit = from.unwrap_or(Pos {
                block: usize::MAX,
                offset: 0,
            });
            self.all_markers()
                .filter(|m| self.marker_pos(*m) < limit)
                .last()
        };
        match found {
            Some(m) => {
                self.marker = Some(m);
                self.cursor = self.marker_pos(m);
                self.reveal(self.marker_pos(m));
                let n = self.doc.blocks[m.block].markers[m.marker].footnote;
                self.message = format!("footnote {n}: Enter opens it");
            }
            None => {
                self.message = if next {
                    "no further footnote marker"
                } else {
                    "no earlier footnote marker"
                }
                .into()
            }
        }
    }

    /// Put the marker cursor on a footnote's (first) marker and go there.
    pub(super) fn goto_footnote(&mut self, footnote: u32) {
        let found = self
            .all_markers()
            .find(|m| self.doc.blocks[m.block].markers[m.marker].footnote == footnote);
        if let Some(m) = found {
            self.marker = Some(m);
            self.jump(self.marker_pos(m));
        }
    }

    /// Set or jump to a mark.
    pub(super) fn mark(&mut self, c: char, set: bool) {
        if set {
            self.marks.insert(c, self.position());
            self.message = format!("mark {c} set");
            return;
        }
        match self.marks.get(&c).copied() {
            Some(pos) => self.jump_exact(pos),
            None => self.message = format!("mark {c} is not set"),
        }
    }

    pub(super) fn motion(&mut self, action: Action) {
        let page = self.page() as isize;
        if self.popup.is_some() {
            self.popup_motion(action);
            return;
        }
        let delta: isize = match action {
            Action::LineDown => 1,
            Action::LineUp => -1,
            Action::PageDown => page.saturating_sub(1).max(1),
            Action::PageUp => -(page.saturating_sub(1).max(1)),
            Action::HalfPageDown => (page / 2).max(1),
            Action::HalfPageUp => -(page / 2).max(1),
            Action::Top => isize::MIN / 2,
            _ => isize::MAX / 2,
        };
        match self.focus {
            Focus::Reader => self.scroll(delta),
            Focus::Outline => {
                let n = self.outline_len() as isize;
                self.outline_selected = (self.outline_selected as isize)
                    .saturating_add(delta)
                    .clamp(0, (n - 1).max(0)) as usize;
            }
            Focus::Side => {
                let n = self.side_len() as isize;
                let i = (self.selected() as isize)
                    .saturating_add(delta)
                    .clamp(0, (n - 1).max(0)) as usize;
                self.select(i);
            }
        }
    }

    pub(super) fn popup_motion(&mut self, action: Action) {
        let rows = self.drawn.popup.map_or(self.page(), |p| p.rows);
        let page = rows.saturating_sub(1).max(1);
        let scroll = self.popup_scroll;
        self.popup_scroll = match action {
            Action::LineDown => scroll.saturating_add(1),
            Action::LineUp => scroll.saturating_sub(1),
            Action::PageDown | Action::HalfPageDown => scroll.saturating_add(page),
            Action::Bottom => usize::MAX,
            Action::Top => 0,
            _ => scroll.saturating_sub(page),
        }
        .min(self.popup_max_scroll());
    }
}
