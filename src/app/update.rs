//! `update(action) -> effects`: the only place state changes.

use super::action::Action;
use super::document::Pos;
use super::keymap::{self, Context};
use super::layout::{Areas, contains};
use super::{App, Effect, Focus, Popup, Tab};
use crossterm::event::KeyEvent;

impl App {
    /// The keymap context the app is in.
    pub fn context(&self) -> Context {
        if self.editor.is_some() {
            Context::Editor
        } else if self.popup.is_some() {
            Context::Popup
        } else if self.search.active {
            Context::Search
        } else if self.select_from.is_some() {
            Context::Visual
        } else {
            Context::Normal
        }
    }

    /// Resolve a key press and apply it.
    pub fn key(&mut self, key: KeyEvent) -> Vec<Effect> {
        if self.editor.is_some() {
            return self.editor_key(key);
        }
        match keymap::resolve(self.context(), key, &mut self.pending) {
            Some(action) => self.update(action),
            None => Vec::new(),
        }
    }

    /// Apply one action; every position stays within the text and layout.
    pub fn update(&mut self, action: Action) -> Vec<Effect> {
        let effects = self.apply(action);
        self.keep_in_bounds();
        effects
    }

    fn apply(&mut self, action: Action) -> Vec<Effect> {
        if !matches!(
            action,
            Action::Resize { .. } | Action::SearchChar(_) | Action::SearchBackspace
        ) {
            self.message.clear();
        }
        match action {
            Action::Quit => return vec![Effect::SavePosition(self.position()), Effect::Quit],
            Action::Suspend => return vec![Effect::Suspend],
            Action::Resize { width, height } => self.resize(width, height),
            Action::Close => self.close(),
            Action::Help => self.open(Popup::Help),
            Action::LineDown
            | Action::LineUp
            | Action::PageDown
            | Action::PageUp
            | Action::HalfPageDown
            | Action::HalfPageUp
            | Action::Top
            | Action::Bottom => self.motion(action),
            Action::NextSection => self.section_step(true),
            Action::PrevSection => self.section_step(false),
            Action::NextMarker => self.marker_step(true),
            Action::PrevMarker => self.marker_step(false),
            Action::FocusNext => self.cycle_focus(true),
            Action::FocusPrev => self.cycle_focus(false),
            Action::NextTab => self.cycle_tab(1),
            Action::PrevTab => self.cycle_tab(Tab::ALL.len() - 1),
            Action::Follow => self.follow(),
            Action::Back => self.travel(true),
            Action::Forward => self.travel(false),
            Action::SetMark(c) => self.mark(c, true),
            Action::JumpMark(c) => self.mark(c, false),
            Action::SearchStart => self.search_start(),
            Action::SearchChar(c) => self.search_edit(Some(c)),
            Action::SearchBackspace => self.search_edit(None),
            Action::SearchConfirm => self.search_confirm(),
            Action::SearchCancel => self.search_cancel(),
            Action::SearchNext => self.search_step(true),
            Action::SearchPrev => self.search_step(false),
            Action::ToggleEntities => self.show_entities = !self.show_entities,
            Action::ToggleUnsourced => self.show_unsourced = !self.show_unsourced,
            Action::Cursor(m) => self.move_cursor(m),
            Action::CursorDown => self.cursor_line(true),
            Action::CursorUp => self.cursor_line(false),
            Action::Select => self.toggle_select(),
            Action::Highlight => return self.highlight(),
            Action::Annotate => self.open_editor(),
            Action::EditOrWordEnd => match self.annotation_at_cursor() {
                Some(_) => self.open_editor(),
                None => self.move_cursor(super::cursor::Motion::WordEnd),
            },
            Action::DeleteAnnotation => return self.delete_annotation(),
            Action::Undo => return self.undo_delete(),
            Action::Reattach => return self.reattach(),
            Action::NextAnnotation => self.annotation_step(true),
            Action::PrevAnnotation => self.annotation_step(false),
            Action::Drag { x, y } => self.drag(x, y),
            Action::Wheel { x, y, down } => self.wheel(x, y, down),
            Action::Click { x, y } => self.click(x, y),
        }
        Vec::new()
    }

    fn close(&mut self) {
        if self.popup.take().is_some() || self.select_from.take().is_some() {
            return;
        }
        if self.focus != Focus::Reader && self.areas.overlay {
            self.set_focus(Focus::Reader);
            return;
        }
        self.marker = None;
        self.flash = None;
        self.search.matches.clear();
        self.search.current = None;
    }

    /// Open a popup at its top.
    pub(super) fn open(&mut self, popup: Popup) {
        self.popup = Some(popup);
        self.popup_scroll = 0;
        self.drawn.popup = None;
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
                let n = self.index.brief.sections.len() as isize;
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

    fn popup_motion(&mut self, action: Action) {
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

    fn set_focus(&mut self, focus: Focus) {
        self.focus = focus;
        if focus == Focus::Outline {
            self.outline_selected = self.current_section().unwrap_or(0);
        }
        let (w, h) = (self.areas.screen.width, self.areas.screen.height);
        self.areas = Areas::compute(w, h, focus);
    }

    fn cycle_focus(&mut self, next: bool) {
        const ORDER: [Focus; 3] = [Focus::Reader, Focus::Side, Focus::Outline];
        let i = ORDER.iter().position(|f| *f == self.focus).unwrap_or(0);
        let j = if next { (i + 1) % 3 } else { (i + 2) % 3 };
        self.set_focus(ORDER[j]);
    }

    fn cycle_tab(&mut self, step: usize) {
        let i = Tab::ALL.iter().position(|t| *t == self.tab).unwrap_or(0);
        self.tab = Tab::ALL[(i + step) % Tab::ALL.len()];
        if self.areas.overlay && self.focus == Focus::Reader {
            self.set_focus(Focus::Side);
        }
    }

    fn follow(&mut self) {
        match self.focus {
            Focus::Reader => match self.marker {
                Some(m) => self.open(Popup::Footnote(
                    self.doc.blocks[m.block].markers[m.marker].footnote,
                )),
                None => self.message = "put the cursor on a marker with ]f first".into(),
            },
            Focus::Outline => {
                let target = self
                    .doc
                    .blocks
                    .iter()
                    .position(|b| b.section == Some(self.outline_selected));
                if let Some(block) = target {
                    self.jump_exact(Pos { block, offset: 0 });
                }
            }
            Focus::Side => self.follow_side(),
        }
    }

    fn follow_side(&mut self) {
        let i = self.selected();
        match self.tab {
            Tab::Citations => {
                if let Some(n) = self.citations().get(i).copied() {
                    self.goto_footnote(n);
                }
            }
            Tab::Recommendations => self.follow_recommendation(i),
            Tab::Entities => self.visit_entity(i),
            Tab::Annotations => self.follow_annotation(i),
        }
    }

    fn follow_recommendation(&mut self, i: usize) {
        let Some(r) = self.index.brief.recommendations.get(i) else {
            return;
        };
        let label = format!("{}: {}", r.id, r.title);
        let Some(first) = r.paragraphs.first() else {
            return;
        };
        let Some(order) = self.index.place(first).map(|p| p.order) else {
            return;
        };
        if let Some(block) = self.doc.block_of_paragraph(order) {
            let len = self.doc.blocks[block].text.chars().count();
            self.flash = Some((block, 0..len));
            self.jump(Pos { block, offset: 0 });
            self.message = label;
        }
    }

    fn visit_entity(&mut self, i: usize) {
        let Some(e) = self.entity_order().get(i).copied() else {
            return;
        };
        let mentions: Vec<(usize, usize, usize)> = self.index.brief.entities[e]
            .mentions
            .iter()
            .filter_map(|m| {
                let order = self.index.place(m.paragraph.as_deref()?)?.order;
                Some((self.doc.block_of_paragraph(order)?, m.start, m.end))
            })
            .collect();
        if mentions.is_empty() {
            self.message = "mentioned only in footnotes".into();
            return;
        }
        let next = match self.entity_visit {
            Some((entity, k)) if entity == e => (k + 1) % mentions.len(),
            _ => 0,
        };
        self.entity_visit = Some((e, next));
        let (block, start, end) = mentions[next];
        let range = self.doc.display_range(block, start, end);
        self.flash = Some((block, range.clone()));
        self.jump(Pos {
            block,
            offset: range.start,
        });
        self.message = format!(
            "{} {}/{}",
            self.index.brief.entities[e].name,
            next + 1,
            mentions.len()
        );
    }

    fn search_start(&mut self) {
        self.search.filtering = self.focus == Focus::Side && self.tab == Tab::Annotations;
        if self.search.filtering {
            self.search.active = true;
            self.notes_filter.clear();
            return;
        }
        self.search.active = true;
        self.search.query.clear();
        self.search.matches.clear();
        self.search.current = None;
        self.search.origin = self.position();
    }

    fn search_edit(&mut self, c: Option<char>) {
        if self.search.filtering {
            match c {
                Some(c) => self.notes_filter.push(c),
                None => {
                    self.notes_filter.pop();
                }
            }
            self.select(0);
            return;
        }
        match c {
            Some(c) => self.search.query.push(c),
            None => {
                self.search.query.pop();
            }
        }
        self.search.run(&self.index, &self.doc);
        let origin = self.search.origin;
        self.search.current = self.search.first_from(origin);
        match self.search.current_match().map(|m| Pos {
            block: m.block,
            offset: m.range.start,
        }) {
            Some(pos) => self.reveal(pos),
            None => self.return_to_origin(),
        }
    }

    fn search_confirm(&mut self) {
        self.search.active = false;
        if self.search.filtering {
            return;
        }
        let Some(pos) = self.search.current_match().map(|m| Pos {
            block: m.block,
            offset: m.range.start,
        }) else {
            self.return_to_origin();
            self.message = format!("not found: {}", self.search.query);
            return;
        };
        self.return_to_origin();
        self.cursor = pos;
        self.jump(pos);
    }

    /// Back to where the search started, at the current layout.
    fn return_to_origin(&mut self) {
        self.top = self.doc.line_of(self.search.origin).min(self.max_top());
    }

    fn search_cancel(&mut self) {
        self.search.active = false;
        if self.search.filtering {
            self.notes_filter.clear();
            return;
        }
        self.search.matches.clear();
        self.search.current = None;
        self.return_to_origin();
    }

    fn search_step(&mut self, next: bool) {
        let n = self.search.matches.len();
        if n == 0 {
            self.message = "no search: press / to search".into();
            return;
        }
        let i = match self.search.current {
            Some(i) if next => (i + 1) % n,
            Some(i) => (i + n - 1) % n,
            None => 0,
        };
        self.search.current = Some(i);
        let m = &self.search.matches[i];
        let pos = Pos {
            block: m.block,
            offset: m.range.start,
        };
        self.cursor = pos;
        self.jump(pos);
    }

    fn wheel(&mut self, x: u16, y: u16, down: bool) {
        let delta: isize = if down { 3 } else { -3 };
        let a = self.areas;
        if contains(a.side, x, y) {
            let n = self.side_len().saturating_sub(1) as isize;
            let i = (self.selected() as isize + delta.signum()).clamp(0, n.max(0)) as usize;
            self.select(i);
        } else if contains(a.outline, x, y) {
            let n = self.index.brief.sections.len().saturating_sub(1) as isize;
            self.outline_selected =
                (self.outline_selected as isize + delta.signum()).clamp(0, n) as usize;
        } else if contains(a.reader, x, y) {
            self.scroll(delta);
        }
    }

    fn click(&mut self, x: u16, y: u16) {
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
            if row < self.index.brief.sections.len() {
                self.outline_selected = row;
                self.follow();
            }
        } else if contains(a.reader_text, x, y) {
            self.click_reader(x - a.reader_text.x, y - a.reader_text.y);
        }
    }

    fn click_side_row(&mut self, row: usize) {
        let rows = crate::ui::side::item_rows(self);
        if let Some(i) = rows.iter().position(|r| r.contains(&row)) {
            self.select(i);
            self.follow_side();
        }
    }

    fn click_reader(&mut self, col: u16, row: u16) {
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
}

impl App {
    fn toggle_select(&mut self) {
        if self.select_from.take().is_some() {
            return;
        }
        let line = self.doc.line_of(self.cursor);
        if !self.visible_lines().contains(&line) {
            self.cursor = self.first_text_on_screen();
        }
        self.select_from = Some(self.cursor);
        self.message = "selecting: move, then H highlights or a writes a note".into();
    }

    fn cursor_line(&mut self, down: bool) {
        let line = self.doc.line_of(self.cursor);
        let col = self
            .cursor
            .offset
            .saturating_sub(self.doc.lines[line].first_char);
        let target = if down {
            (line + 1).min(self.doc.lines.len().saturating_sub(1))
        } else {
            line.saturating_sub(1)
        };
        let l = &self.doc.lines[target];
        let len = self.doc.blocks[l.block].text[l.bytes.clone()]
            .chars()
            .count();
        self.cursor = Pos {
            block: l.block,
            offset: l.first_char + col.min(len.saturating_sub(1)),
        };
        self.reveal(self.cursor);
    }

    fn drag(&mut self, x: u16, y: u16) {
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
