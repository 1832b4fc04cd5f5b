//! `update(action) -> effects`: the only place state changes. A key goes through the
//! keymap (`key`), an action is dispatched here to its seam: screens and popups, navigation
//! (`nav.rs`), search (`search.rs`), the cursor (`cursor.rs`), notes (`notes.rs`) and the mouse
//! (`mouse.rs`).

use super::action::Action;
use super::keymap::Context;
use super::korean_keys;
use super::{App, Effect, Focus, Popup, Tab};
use crossterm::event::KeyEvent;

/// Messages kept for the message log (`M`); older ones are dropped.
const LOG_LENGTH: usize = 200;

impl App {
    /// The keymap context the app is in: the one place the mode is derived.
    pub fn context(&self) -> Context {
        if self.editor.is_some() {
            Context::Editor
        } else if matches!(self.popup, Some(Popup::Recommendation(_))) {
            Context::Recommendation
        } else if self.popup.is_some() {
            Context::Popup
        } else if let Some(screen) = self.library.as_ref().filter(|l| l.shown) {
            if screen.typing {
                Context::LibraryInput
            } else {
                Context::Library
            }
        } else if self.search.active {
            Context::Search
        } else if self.select_from.is_some() {
            Context::Visual
        } else {
            Context::Normal
        }
    }

    /// Resolve a key press and apply it (as many times as a count asks).
    pub fn key(&mut self, key: KeyEvent) -> Vec<Effect> {
        if self.editor.is_some() {
            return self.editor_key(key);
        }
        if self.export.is_some() {
            return self.export_key(key);
        }
        let context = self.context();
        let typing = matches!(context, Context::Search | Context::LibraryInput);
        let key = if typing {
            key
        } else {
            korean_keys::to_qwerty(key)
        };
        let Some(action) = self
            .settings
            .keymap
            .resolve(context, key, &mut self.pending)
        else {
            if !typing && korean_keys::is_hangul(key) {
                self.say(self.tr("message.hangul_input", &[]));
            }
            return Vec::new();
        };
        let count = self.pending.take_count();
        if let Action::Percent(_) = action {
            return self.update(Action::Percent(count.unwrap_or(0)));
        }
        let times = if repeats(action) {
            count.unwrap_or(1)
        } else {
            1
        };
        let jumps_before = self.back.len();
        let mut effects = Vec::new();
        for _ in 0..times {
            effects.extend(self.update(action));
        }
        // `3]]` is one jump: Ctrl-o goes back to where it started.
        self.back.truncate(jumps_before + 1);
        effects
    }

    /// Apply one action; every position stays within the text and layout, and a new message
    /// goes into the log.
    pub fn update(&mut self, action: Action) -> Vec<Effect> {
        let before = std::mem::take(&mut self.message);
        let keeps_message = matches!(
            action,
            Action::Resize { .. } | Action::SearchChar(_) | Action::SearchBackspace
        );
        if keeps_message {
            self.message.clone_from(&before);
        }
        let effects = self.apply(action);
        self.keep_in_bounds();
        if !self.search.active {
            self.carry_cursor();
        }
        if !self.message.is_empty() && self.message != before {
            self.log_message();
        }
        effects
    }

    /// The message `key` in the interface's language, its placeholders filled from `args`.
    pub(super) fn tr(&self, key: &str, args: &[(&str, &dyn std::fmt::Display)]) -> String {
        crate::i18n::tr(self.lang, key, args)
    }

    /// Show a message in the status bar (and keep it in the log).
    pub fn say(&mut self, message: String) {
        self.message = message;
        if !self.message.is_empty() {
            self.log_message();
        }
    }

    fn log_message(&mut self) {
        if self.log.len() >= LOG_LENGTH {
            self.log.remove(0);
        }
        self.log.push(self.message.clone());
    }

    fn apply(&mut self, action: Action) -> Vec<Effect> {
        if self.editor.is_some()
            && matches!(
                action,
                Action::SaveNote | Action::EditorInterrupt | Action::Close
            )
        {
            return self.editor_action(action);
        }
        self.notes.quit_asked &= matches!(action, Action::Quit | Action::Resize { .. });
        if let Some(effects) = self.library_apply(action) {
            return effects;
        }
        match action {
            Action::Quit => return self.quit(),
            Action::Suspend => return vec![Effect::Suspend],
            Action::SearchStart
            | Action::SearchChar(_)
            | Action::SearchBackspace
            | Action::SearchConfirm
            | Action::SearchCancel
            | Action::SearchNext
            | Action::SearchPrev => self.search_action(action),
            Action::Highlight
            | Action::Annotate
            | Action::EditOrWordEnd
            | Action::DeleteAnnotation
            | Action::Undo
            | Action::Reattach
            | Action::AcceptAnchor
            | Action::NextAnnotation
            | Action::PrevAnnotation => return self.annotate(action),
            Action::Cite => return self.cite(),
            Action::Export => self.open_export(),
            Action::Passage(k) => self.open_passage(k),
            Action::ConfirmEntity => return self.review_entity(crate::notes::Verdict::Confirmed),
            Action::DropEntity => return self.review_entity(crate::notes::Verdict::Dropped),
            Action::Drag { .. }
            | Action::Wheel { .. }
            | Action::Click { .. }
            | Action::DoubleClick { .. }
            | Action::TripleClick { .. } => {
                // The export dialog has the keyboard; the mouse waits until it closes.
                if self.export.is_none() {
                    self.mouse(action);
                }
            }
            Action::Cursor(m) => self.move_cursor(m),
            Action::CursorDown => self.cursor_line(true),
            Action::CursorUp => self.cursor_line(false),
            Action::Select => self.toggle_select(),
            _ if self.screen(action) => {}
            _ => self.navigate(action),
        }
        Vec::new()
    }

    /// The screen as a whole: size, popups, panes, toggles. False when `action` is not one.
    fn screen(&mut self, action: Action) -> bool {
        match action {
            Action::Resize { width, height } => self.resize(width, height),
            Action::Close => self.close(),
            Action::Help => self.open(Popup::Help),
            Action::Warnings => self.open(Popup::Warnings),
            Action::Messages => self.open(Popup::Messages),
            Action::FocusNext => self.cycle_focus(true),
            Action::FocusPrev => self.cycle_focus(false),
            Action::NextTab => self.cycle_tab(1),
            Action::PrevTab => self.cycle_tab(Tab::ALL.len() - 1),
            Action::ToggleEntities => self.toggle_entities(),
            Action::ToggleUnsourced => self.toggle_unsourced(),
            Action::ToggleFocusMode => self.toggle_focus_mode(),
            _ => return false,
        }
        true
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

    fn toggle_entities(&mut self) {
        self.show_entities = !self.show_entities;
        self.message = self.tr(
            if self.show_entities {
                "message.entities_on"
            } else {
                "message.entities_off"
            },
            &[],
        );
    }

    fn toggle_unsourced(&mut self) {
        self.show_unsourced = !self.show_unsourced;
        let n = self.index.brief.unsourced_claims.len();
        self.message = if self.show_unsourced {
            self.tr("message.unsourced_on", &[("count", &n)])
        } else {
            self.tr("message.unsourced_off", &[])
        };
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

/// Actions a count repeats (`5j`, `3]]`); the others happen once whatever the count.
fn repeats(action: Action) -> bool {
    matches!(
        action,
        Action::LineDown
            | Action::LineUp
            | Action::PageDown
            | Action::PageUp
            | Action::HalfPageDown
            | Action::HalfPageUp
            | Action::NextSection
            | Action::PrevSection
            | Action::NextMarker
            | Action::PrevMarker
            | Action::NextTab
            | Action::PrevTab
            | Action::SearchNext
            | Action::SearchPrev
            | Action::Cursor(_)
            | Action::CursorDown
            | Action::CursorUp
            | Action::NextAnnotation
            | Action::PrevAnnotation
    )
}
