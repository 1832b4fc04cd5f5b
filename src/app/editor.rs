//! The note editor: a ratatui-textarea that exists only while editing.
//! Esc, Ctrl-S and Ctrl-C are caught before any key reaches the text area. Typed text is never
//! thrown away without the reader saying so: Esc on a changed note asks first, Ctrl-C does not
//! quit, and the text is kept on disk as a draft while it is typed (see [`App::draft`]).

use crossterm::event::KeyEvent;
use ratatui_textarea::{TextArea, WrapMode};

use super::keymap::Context;
use super::{Action, App, Effect};
use crate::i18n::{Lang, tr};
use crate::notes::draft::{Draft, DraftFor};
use crate::notes::{Annotation, Highlight, Target};

/// What the note being edited belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoteFor {
    /// A new annotation on a document range.
    New { start: usize, end: usize },
    /// The annotation with this id.
    Existing(String),
}

/// The open editor.
pub struct NoteEditor {
    pub textarea: TextArea<'static>,
    pub target: NoteFor,
    /// The note's text when the editor opened: Esc closes without asking while unchanged.
    original: String,
    /// Esc was pressed on a changed note: a second Esc discards it.
    pub confirm_discard: bool,
}

impl NoteEditor {
    fn new(text: &str, target: NoteFor, lang: Lang) -> NoteEditor {
        let mut textarea = TextArea::new(text.lines().map(str::to_string).collect());
        textarea.set_wrap_mode(WrapMode::WordOrGlyph);
        textarea.set_placeholder_text(tr(lang, "editor.placeholder", &[]));
        textarea.move_cursor(ratatui_textarea::CursorMove::Bottom);
        textarea.move_cursor(ratatui_textarea::CursorMove::End);
        NoteEditor {
            textarea,
            target,
            original: text.to_owned(),
            confirm_discard: false,
        }
    }

    /// The text typed so far.
    pub fn text(&self) -> String {
        self.textarea.lines().join("\n")
    }

    /// True when the text differs from what the editor opened with.
    pub fn changed(&self) -> bool {
        self.text() != self.original
    }

    /// The editor's title in `lang`: its keys, or the question after Esc.
    pub fn title(&self, lang: Lang) -> String {
        let key = if self.confirm_discard {
            "editor.discard_title"
        } else {
            "editor.title"
        };
        tr(lang, key, &[])
    }
}

impl App {
    /// Open the editor on the selection, or on the chosen annotation.
    pub(super) fn open_editor(&mut self) {
        if self.select_from.is_some() {
            match self.selected_document_range() {
                Some((start, end)) => {
                    self.editor = Some(NoteEditor::new("", NoteFor::New { start, end }, self.lang))
                }
                None => self.message = self.tr("editor.empty_selection", &[]),
            }
            return;
        }
        match self.chosen_annotation() {
            Some(i) => {
                let a = &self.notes.list[i];
                let target = NoteFor::Existing(a.id.clone());
                self.editor = Some(NoteEditor::new(&a.note, target, self.lang));
            }
            None => {
                let what = self.nothing_chosen();
                self.message = self.tr("editor.select_first", &[("what", &what)]);
            }
        }
    }

    /// A key while the editor is open: the keymap's Editor bindings resolve to actions, every
    /// other key is text for the text area.
    pub(super) fn editor_key(&mut self, key: KeyEvent) -> Vec<Effect> {
        if let Some(action) = self
            .settings
            .keymap
            .resolve(Context::Editor, key, &mut self.pending)
        {
            return self.update(action);
        }
        if let Some(editor) = self.editor.as_mut() {
            editor.confirm_discard = false;
            editor.textarea.input(key);
        }
        Vec::new()
    }

    /// The editor's own actions (Esc, Ctrl-S, Ctrl-C while writing).
    pub(super) fn editor_action(&mut self, action: Action) -> Vec<Effect> {
        let Some(editor) = self.editor.as_mut() else {
            return Vec::new();
        };
        match action {
            Action::SaveNote => return self.save_note(),
            Action::Close if editor.confirm_discard || !editor.changed() => {
                let said = if editor.changed() {
                    "editor.discarded"
                } else {
                    "editor.unchanged"
                };
                self.editor = None;
                self.message = self.tr(said, &[]);
            }
            Action::Close => {
                editor.confirm_discard = true;
                self.message = self.tr("editor.discard_ask", &[]);
            }
            _ => {
                self.message = self.tr("editor.no_ctrl_c", &[]);
            }
        }
        Vec::new()
    }

    /// The note being written, as a draft to keep on disk; `None` when no editor is open.
    pub fn draft(&self) -> Option<Draft> {
        let editor = self.editor.as_ref()?;
        let target = match &editor.target {
            NoteFor::New { start, end } => DraftFor::New {
                start: *start,
                end: *end,
                quote: self
                    .notes
                    .document
                    .chars()
                    .skip(*start)
                    .take(end - start)
                    .collect(),
            },
            NoteFor::Existing(id) => DraftFor::Existing { id: id.clone() },
        };
        Some(Draft {
            brief: super::notes::brief_key(&self.index.brief.meta.number),
            target,
            text: editor.text(),
        })
    }

    /// Reopen the editor on a draft left by an earlier run; false (and a message) if its
    /// passage or annotation is no longer there.
    pub fn offer_draft(&mut self, draft: Draft) -> bool {
        let target = match draft.target {
            DraftFor::New { start, end, quote } => match self.find_passage(start, end, &quote) {
                Some((start, end)) => NoteFor::New { start, end },
                None => return false,
            },
            DraftFor::Existing { id } if self.notes.list.iter().any(|a| a.id == id) => {
                NoteFor::Existing(id)
            }
            DraftFor::Existing { .. } => return false,
        };
        let mut editor = NoteEditor::new(&draft.text, target, self.lang);
        editor.original = String::new();
        self.editor = Some(editor);
        self.message = self.tr("editor.restored", &[]);
        true
    }

    /// `start..end` if it still reads `quote`, else the first place `quote` occurs.
    fn find_passage(&self, start: usize, end: usize, quote: &str) -> Option<(usize, usize)> {
        let doc = &self.notes.document;
        let here: String = doc
            .chars()
            .skip(start)
            .take(end.saturating_sub(start))
            .collect();
        if !quote.is_empty() && here == quote {
            return Some((start, end));
        }
        let byte = doc.find(quote).filter(|_| !quote.is_empty())?;
        let s = doc[..byte].chars().count();
        Some((s, s + quote.chars().count()))
    }

    fn save_note(&mut self) -> Vec<Effect> {
        let Some(editor) = self.editor.take() else {
            return Vec::new();
        };
        let text = crate::text::sanitize(&editor.text());
        let saved = match &editor.target {
            NoteFor::New { start, end } => {
                Target::from_document(&self.notes.document, *start, *end).map(|target| {
                    let a = Annotation::new(target, Some(Highlight::Yellow), &text);
                    self.notes.list.push(a);
                    self.select_from = None;
                })
            }
            NoteFor::Existing(id) => self
                .notes
                .list
                .iter_mut()
                .find(|a| a.id == *id)
                .map(|a| a.set_note(&text)),
        };
        if saved.is_none() {
            self.editor = Some(editor);
            self.message = self.tr("editor.passage_gone", &[]);
            return Vec::new();
        }
        self.message = self.tr("editor.saved", &[]);
        vec![Effect::SaveNotes]
    }
}
