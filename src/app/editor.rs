//! The note editor: a ratatui-textarea that exists only while editing.
//! Esc cancels and Ctrl-S saves before any key reaches the text area.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui_textarea::{TextArea, WrapMode};

use super::{App, Effect};
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
}

impl NoteEditor {
    fn new(text: &str, target: NoteFor) -> NoteEditor {
        let mut textarea = TextArea::new(text.lines().map(str::to_string).collect());
        textarea.set_wrap_mode(WrapMode::WordOrGlyph);
        textarea.set_placeholder_text("note… (#tags; Ctrl-S saves, Esc cancels)");
        textarea.move_cursor(ratatui_textarea::CursorMove::Bottom);
        textarea.move_cursor(ratatui_textarea::CursorMove::End);
        NoteEditor { textarea, target }
    }
}

impl App {
    /// Open the editor on the selection, or on the annotation under the cursor.
    pub(super) fn open_editor(&mut self) {
        if self.select_from.is_some() {
            match self.selected_document_range() {
                Some((start, end)) => {
                    self.editor = Some(NoteEditor::new("", NoteFor::New { start, end }))
                }
                None => self.message = "the selection holds no text of the brief".into(),
            }
            return;
        }
        match self.chosen_annotation() {
            Some(i) => {
                let a = &self.notes.list[i];
                self.editor = Some(NoteEditor::new(&a.note, NoteFor::Existing(a.id.clone())));
            }
            None => {
                self.message = format!("{}: select with v first", self.nothing_chosen());
            }
        }
    }

    /// A key while the editor is open.
    pub(super) fn editor_key(&mut self, key: KeyEvent) -> Vec<Effect> {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        match key.code {
            KeyCode::Esc => {
                self.editor = None;
                self.message = "note discarded".into();
                Vec::new()
            }
            KeyCode::Char('s') if ctrl => self.save_note(),
            KeyCode::Char('c') if ctrl => {
                self.editor = None;
                vec![Effect::Quit]
            }
            _ => {
                if let Some(e) = self.editor.as_mut() {
                    e.textarea.input(key);
                }
                Vec::new()
            }
        }
    }

    fn save_note(&mut self) -> Vec<Effect> {
        let Some(editor) = self.editor.take() else {
            return Vec::new();
        };
        let text = crate::text::sanitize(&editor.textarea.lines().join("\n"));
        match editor.target {
            NoteFor::New { start, end } => {
                let Some(target) = Target::from_document(&self.notes.document, start, end) else {
                    return Vec::new();
                };
                self.notes
                    .list
                    .push(Annotation::new(target, Some(Highlight::Yellow), &text));
                self.select_from = None;
            }
            NoteFor::Existing(id) => {
                if let Some(a) = self.notes.list.iter_mut().find(|a| a.id == id) {
                    a.set_note(&text);
                }
            }
        }
        self.message = "note saved".into();
        vec![Effect::SaveNotes]
    }
}
