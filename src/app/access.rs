//! Read access to the reader state: the fields are private, so only
//! `update` (and the app's own modules) change them.

use std::ops::Range;

use super::document::{Document, Pos};
use super::editor::NoteEditor;
use super::keymap::Pending;
use super::notes::Notes;
use super::search::Search;
use super::{App, Areas, Focus, Jump, MarkerRef, Popup, Tab};
use crate::brief::Index;
use crate::i18n::Lang;
use crate::notes::Annotation;

/// Read access to the reader state (fields are private: only `update` changes them).
impl App {
    /// The brief and its lookups.
    pub fn index(&self) -> &Index {
        &self.index
    }

    /// The reading view: blocks and wrapped lines.
    pub fn doc(&self) -> &Document {
        &self.doc
    }

    /// Where each pane goes at the current size.
    pub fn areas(&self) -> Areas {
        self.areas
    }

    /// The line at the top of the reader.
    pub fn top(&self) -> usize {
        self.top
    }

    /// A number no other reader of this process has: what was drawn for
    /// one reader is never taken for another's.
    pub fn serial(&self) -> u64 {
        self.serial
    }

    /// Which pane has the keyboard.
    pub fn focus(&self) -> Focus {
        self.focus
    }

    /// The side pane's tab.
    pub fn tab(&self) -> Tab {
        self.tab
    }

    /// The open popup.
    pub fn popup(&self) -> Option<Popup> {
        self.popup
    }

    /// Lines the open popup is scrolled by.
    pub fn popup_scroll(&self) -> usize {
        self.popup_scroll
    }

    /// The section selected in the outline.
    pub fn outline_selected(&self) -> usize {
        self.outline_selected
    }

    /// The footnote marker under the marker cursor.
    pub fn marker(&self) -> Option<MarkerRef> {
        self.marker
    }

    /// The search and its matches.
    pub fn search(&self) -> &Search {
        &self.search
    }

    /// Earlier places of the jump history, oldest first.
    pub fn back(&self) -> &[Jump] {
        &self.back
    }

    /// Whether entities are highlighted.
    pub fn show_entities(&self) -> bool {
        self.show_entities
    }

    /// Whether unsourced figures are flagged.
    pub fn show_unsourced(&self) -> bool {
        self.show_unsourced
    }

    /// The passage highlighted after a jump: block and display char range.
    pub fn flash(&self) -> Option<&(usize, Range<usize>)> {
        self.flash.as_ref()
    }

    /// The status bar's message.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// Keys typed so far of a multi-key binding.
    pub fn pending(&self) -> &Pending {
        &self.pending
    }

    /// Keys, theme, wrap width and glyphs from the config file.
    pub fn settings(&self) -> &super::ReaderSettings {
        &self.settings
    }

    /// Whether colour is off.
    pub fn no_color(&self) -> bool {
        self.no_color
    }

    /// The language the interface speaks.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// The reading cursor.
    pub fn cursor(&self) -> Pos {
        self.cursor
    }

    /// Where the selection started, while selecting.
    pub fn select_from(&self) -> Option<Pos> {
        self.select_from
    }

    /// The Annotations tab's filter.
    pub fn notes_filter(&self) -> &str {
        &self.notes_filter
    }

    /// The annotations and the document they live in.
    pub fn notes(&self) -> &Notes {
        &self.notes
    }

    /// The note editor, while a note is written.
    pub fn editor(&self) -> Option<&NoteEditor> {
        self.editor.as_ref()
    }

    /// Take the annotations kept on disk (re-anchored here); says how many could not be placed.
    pub fn attach_notes(&mut self, list: Vec<Annotation>) -> String {
        match self.notes.attach(list) {
            0 => String::new(),
            count => self.tr("message.unplaced", &[("count", &count)]),
        }
    }

    /// What the event loop's save came to: the merged annotations, or why it failed.
    pub fn notes_saved(&mut self, result: Result<Vec<Annotation>, String>) {
        self.notes.saved(result, self.lang);
    }

    /// Take in what another window saved; true when the annotations changed.
    pub fn notes_merged(&mut self, merged: Vec<Annotation>) -> bool {
        self.notes.merged(merged)
    }

    /// Annotations cannot be kept on disk this run: why, for the status bar.
    pub fn notes_unavailable(&mut self, why: String) {
        self.notes.unavailable(why);
    }

    /// Turn colour off (or on).
    pub fn set_no_color(&mut self, off: bool) {
        self.no_color = off;
    }

    /// Speak `lang` from now on (the start-up language is `i18n::current()`).
    pub fn set_lang(&mut self, lang: Lang) {
        self.lang = lang;
    }

    /// Every message the status bar has shown, oldest first.
    pub fn message_log(&self) -> &[String] {
        &self.log
    }
}
