//! Moving through the reading view: scrolling, jumps and their history,
//! sections, footnote markers, marks.

use super::action::Action;
use super::document::{BlockKind, Pos};
use super::{App, Focus, Jump, MarkerRef};

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

    /// Put the cursor on `pos` with `context` lines above it, recording where we were.
    fn jump_with(&mut self, pos: Pos, context: usize) {
        self.record_jump();
        self.cursor = pos;
        let line = self.doc.line_of(pos);
        self.top = line.saturating_sub(context).min(self.max_top());
    }

    /// Remember the view and the cursor in the jump history, before a jump.
    pub(super) fn record_jump(&mut self) {
        let here = self.here();
        if self.back.last() != Some(&here) {
            self.back.push(here);
        }
        self.forward.clear();
    }

    fn here(&self) -> Jump {
        Jump {
            top: self.position(),
            cursor: self.cursor,
        }
    }

    /// Back (or forward) through the jump history.
    pub(super) fn travel(&mut self, backwards: bool) {
        let here = self.here();
        let (from, to) = if backwards {
            (&mut self.back, &mut self.forward)
        } else {
            (&mut self.forward, &mut self.back)
        };
        let Some(place) = from.pop() else {
            self.message = crate::i18n::tr(
                self.lang,
                if backwards {
                    "message.no_earlier_jump"
                } else {
                    "message.no_later_jump"
                },
                &[],
            );
            return;
        };
        to.push(here);
        self.go_to(place);
    }

    /// Show a place as it was: the same line at the top, the cursor where it was.
    fn go_to(&mut self, place: Jump) {
        self.top = self.doc.line_of(place.top).min(self.max_top());
        self.cursor = place.cursor;
    }

    /// Keep the reading cursor on screen: scrolling carries it, as in vim, to the first or
    /// last line shown that holds text (a blank line between blocks cannot hold it).
    pub(super) fn carry_cursor(&mut self) {
        let lines = self.visible_lines();
        let line = self.doc.line_of(self.cursor);
        if lines.is_empty() || lines.contains(&line) {
            return;
        }
        let holds = |l: usize| {
            let shown = &self.doc.lines[l];
            let pos = self.within_text(Pos {
                block: shown.block,
                offset: shown.first_char,
            });
            (self.doc.line_of(pos) == l).then_some(pos)
        };
        let found = if line < lines.start {
            lines.clone().find_map(holds)
        } else {
            lines.clone().rev().find_map(holds)
        };
        if let Some(pos) = found {
            self.cursor = pos;
        }
    }

    /// The navigation actions: scrolling, jumps, sections, markers, marks, history.
    pub(super) fn navigate(&mut self, action: Action) {
        match action {
            Action::Top | Action::Bottom if self.popup.is_none() && self.focus == Focus::Reader => {
                self.go_to_end(action == Action::Bottom);
            }
            Action::LineDown
            | Action::LineUp
            | Action::PageDown
            | Action::PageUp
            | Action::HalfPageDown
            | Action::HalfPageUp
            | Action::Top
            | Action::Bottom => self.motion(action),
            Action::Percent(n) => self.percent(n),
            Action::NextSection => self.section_step(true),
            Action::PrevSection => self.section_step(false),
            Action::NextMarker => self.marker_step(true),
            Action::PrevMarker => self.marker_step(false),
            Action::Follow => self.follow(),
            Action::Back => self.travel(true),
            Action::Forward => self.travel(false),
            Action::SetMark(c) => self.mark(c, true),
            Action::JumpMark(c) => self.mark(c, false),
            _ => {}
        }
    }

    /// `g` and `G` in the reader: a jump to the first or the last line.
    fn go_to_end(&mut self, bottom: bool) {
        self.record_jump();
        let last = self.doc.lines.len().saturating_sub(1);
        let line = if bottom { last } else { 0 };
        self.top = if bottom { self.max_top() } else { 0 };
        if let Some(l) = self.doc.lines.get(line) {
            self.cursor = Pos {
                block: l.block,
                offset: l.first_char,
            };
        }
    }

    /// `50%`: a jump that far into the text.
    fn percent(&mut self, n: usize) {
        if n == 0 || n > 100 {
            self.message = self.tr("message.percent_first", &[]);
            return;
        }
        let last = self.doc.lines.len().saturating_sub(1);
        let line = last * n / 100;
        let Some(l) = self.doc.lines.get(line) else {
            return;
        };
        self.jump(Pos {
            block: l.block,
            offset: l.first_char,
        });
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
                let key = if next {
                    "message.last_section"
                } else {
                    "message.first_section"
                };
                self.message = crate::i18n::tr(self.lang, key, &[])
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

    /// Move the marker cursor to the next or previous footnote marker after the reading
    /// cursor; a jump (recorded in the history).
    pub(super) fn marker_step(&mut self, next: bool) {
        let from = self.cursor;
        let on_marker = self.marker.is_some_and(|m| self.marker_pos(m) == from);
        let found = if next {
            self.all_markers().find(|m| {
                let p = self.marker_pos(*m);
                p > from || (p == from && !on_marker)
            })
        } else {
            self.all_markers()
                .filter(|m| self.marker_pos(*m) < from)
                .last()
        };
        let Some(m) = found else {
            self.message = crate::i18n::tr(
                self.lang,
                if next {
                    "message.no_further_marker"
                } else {
                    "message.no_earlier_marker"
                },
                &[],
            );
            return;
        };
        self.record_jump();
        self.marker = Some(m);
        self.cursor = self.marker_pos(m);
        self.reveal(self.cursor);
        let n = self.doc.blocks[m.block].markers[m.marker].footnote;
        self.message = crate::i18n::tr(self.lang, "message.footnote_hint", &[("number", &n)]);
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
            self.marks.insert(c, self.here());
            self.message = crate::i18n::tr(self.lang, "message.mark_set", &[("mark", &c)]);
            return;
        }
        match self.marks.get(&c).copied() {
            Some(place) => {
                self.record_jump();
                self.go_to(place);
            }
            None => {
                self.message = crate::i18n::tr(self.lang, "message.mark_unset", &[("mark", &c)])
            }
        }
    }

    fn motion(&mut self, action: Action) {
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
