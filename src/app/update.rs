//! `update(action) -> effects`: the only place state changes.

use super::action::Action;
use super::keymap::{self, Context};
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
        self.notes.quit_asked &= matches!(action, Action::Quit | Action::Resize { .. });
        match action {
            Action::Quit => return self.quit(),
            Action::Suspend => return vec![Effect::Suspend],
            Action::Resize { width, height } => self.resize(width, height),
            Action::Close => self.close(),
            Action::Help => self.open(Popup::Help),
            Action::Warnings => self.open(Popup::Warnings),
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
            Action::SearchStart
            | Action::SearchChar(_)
            | Action::SearchBackspace
            | Action::SearchConfirm
            | Action::SearchCancel
            | Action::SearchNext
            | Action::SearchPrev => self.search_action(action),
            Action::ToggleEntities => self.show_entities = !self.show_entities,
            Action::ToggleUnsourced => self.show_unsourced = !self.show_unsourced,
            Action::Cursor(m) => self.move_cursor(m),
            Action::CursorDown => self.cursor_line(true),
            Action::CursorUp => self.cursor_line(false),
            Action::Select => self.toggle_select(),
            Action::Highlight
            | Action::Annotate
            | Action::EditOrWordEnd
            | Action::DeleteAnnotation
            | Action::Undo
            | Action::Reattach
            | Action::AcceptAnchor
            | Action::NextAnnotation
            | Action::PrevAnnotation => return self.annotate(action),
            Action::Passage(k) => self.open_passage(k),
            Action::ConfirmEntity => return self.review_entity(crate::notes::Verdict::Confirmed),
            Action::DropEntity => return self.review_entity(crate::notes::Verdict::Dropped),
            Action::Drag { x, y } => self.drag(x, y),
            Action::Wheel { x, y, down } => self.wheel(x, y, down),
            Action::Click { x, y } => self.click(x, y),
        }
        Vec::new()
    }

    /// The annotation actions, handled in `notes.rs`.
    fn annotate(&mut self, action: Action) -> Vec<Effect> {
        match action {
            Action::Highlight => return self.highlight(),
            Action::Annotate => self.open_editor(),
            Action::EditOrWordEnd => match self.chosen_annotation() {
                Some(_) => self.open_editor(),
                None => self.move_cursor(super::cursor::Motion::WordEnd),
            },
            Action::DeleteAnnotation => return self.delete_annotation(),
            Action::Undo => return self.undo_delete(),
            Action::Reattach => return self.reattach(),
            Action::AcceptAnchor => return self.accept_anchor(),
            Action::NextAnnotation => self.annotation_step(true),
            Action::PrevAnnotation => self.annotation_step(false),
            _ => {}
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
}
