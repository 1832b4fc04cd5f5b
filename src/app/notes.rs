//! Annotations in the reader: the document positions they live in, making,
//! editing, deleting (with undo) and moving between them. Saving is an
//! effect the event loop runs against the notes store it owns.

use std::ops::Range;

use super::document::{BlockKind, Pos};
use super::{App, Effect, Focus, Tab};
use crate::brief::Index;
use crate::i18n::Lang;
use crate::notes::{Annotation, Highlight, Target, reanchor_all};

/// The brief as one document string (paragraphs joined by a blank line),
/// the annotations on it, and where they are kept.
#[derive(Default)]
pub struct Notes {
    pub list: Vec<Annotation>,
    pub undo: Vec<Annotation>,
    /// The last failed save, shown until a save succeeds.
    pub save_error: Option<String>,
    /// Quitting with unsaved notes was asked about by the last action: quitting again goes on.
    pub quit_asked: bool,
    /// The reader's verdicts on names the import was unsure of, kept with the notes.
    pub reviews: crate::notes::EntityReviews,
    pub document: String,
    /// A notes file keeps them (the event loop owns it and runs the saves).
    kept: bool,
    starts: Vec<usize>,
}

/// The annotations key of a brief: its number without `No.` (`No. 2025-09` -> `2025-09`).
/// Nothing is dropped, so distinct numbers keep distinct keys (and files, see
/// [`crate::notes::default_path`]).
pub fn brief_key(number: &str) -> String {
    let n = crate::text::sanitize_line(number.trim().trim_start_matches("No.").trim());
    if n.is_empty() { "brief".into() } else { n }
}

impl Notes {
    /// The document of a brief, with no annotations yet.
    pub fn new(index: &Index) -> Notes {
        let mut document = String::new();
        let mut starts = Vec::new();
        let mut count = 0;
        for (i, place) in index.order().iter().enumerate() {
            if i > 0 {
                document.push_str("\n\n");
                count += 2;
            }
            starts.push(count);
            let text = &index.at(*place).text;
            document.push_str(text);
            count += text.chars().count();
        }
        Notes {
            document,
            starts,
            ..Notes::default()
        }
    }

    /// Take the annotations kept on disk, re-anchored to this document; returns how many
    /// could not be placed.
    pub fn attach(&mut self, list: Vec<Annotation>) -> usize {
        self.list = list;
        self.kept = true;
        reanchor_all(&mut self.list, &self.document).orphaned
    }

    /// What a save by the event loop came to: the merged annotations (re-anchored here), or
    /// why it failed (the error, in `lang`, stays visible and the save is retried later).
    pub fn saved(&mut self, result: Result<Vec<Annotation>, String>, lang: Lang) {
        match result {
            Ok(merged) => {
                self.save_error = None;
                self.list = merged;
                reanchor_all(&mut self.list, &self.document);
            }
            Err(e) => {
                let said = crate::i18n::tr(lang, "message.not_saved", &[("error", &e)]);
                self.save_error = Some(crate::text::sanitize_line(&said));
            }
        }
    }

    /// Take in what another window saved (merged by the loop); true when the annotations
    /// changed.
    pub fn merged(&mut self, merged: Vec<Annotation>) -> bool {
        if merged == self.list {
            return false;
        }
        self.list = merged;
        reanchor_all(&mut self.list, &self.document);
        true
    }

    /// Annotations cannot be kept on disk this run: why, shown in the status bar.
    pub fn unavailable(&mut self, why: String) {
        self.save_error = Some(why);
    }

    /// Whether a save is owed.
    pub fn needs_retry(&self) -> bool {
        self.save_error.is_some()
    }

    /// Whether notes would be lost by quitting now: a save failed, or notes were made with no
    /// store to keep them.
    pub fn unsaved(&self) -> bool {
        self.save_error.is_some() && (self.kept || !self.list.is_empty())
    }

    /// The paragraph (reading order) and its offset for a document offset.
    pub fn locate(&self, offset: usize) -> (usize, usize) {
        let order = self
            .starts
            .partition_point(|s| *s <= offset)
            .saturating_sub(1);
        (order, offset - self.starts.get(order).copied().unwrap_or(0))
    }
}

impl App {
    /// The document offset of a reading-view position (paragraphs only).
    pub fn doc_offset(&self, pos: Pos) -> Option<usize> {
        let block = self.doc.blocks.get(pos.block)?;
        let order = block.paragraph?;
        Some(self.notes.starts.get(order)? + block.paragraph_offset(pos.offset))
    }

    /// The reading-view position of a document offset.
    pub fn pos_of_doc(&self, offset: usize) -> Pos {
        let (order, at) = self.notes.locate(offset);
        let block = self.doc.block_of_paragraph(order).unwrap_or(0);
        Pos {
            block,
            offset: self.doc.blocks[block].display_start(at),
        }
    }

    /// Display ranges of annotations in a block: (annotation index, range).
    pub fn annotations_in(&self, block: usize) -> Vec<(usize, Range<usize>)> {
        let Some(order) = self.doc.blocks[block].paragraph else {
            return Vec::new();
        };
        let start = self.notes.starts[order];
        let len = self
            .index
            .at(self.index.order()[order])
            .text
            .chars()
            .count();
        let b = &self.doc.blocks[block];
        self.notes
            .list
            .iter()
            .enumerate()
            .filter(|(_, a)| !a.orphan && a.target.start < start + len && a.target.end > start)
            .map(|(i, a)| {
                let s = a.target.start.saturating_sub(start).min(len);
                let e = a.target.end.saturating_sub(start).min(len);
                (i, b.display_start(s)..b.display_end(e))
            })
            .collect()
    }

    /// The annotation an action applies to: the selected item when the Annotations list has
    /// the keyboard, else the one under the reading cursor.
    pub fn chosen_annotation(&self) -> Option<usize> {
        if self.focus == Focus::Side && self.tab == Tab::Annotations {
            return self.annotation_order().get(self.selected()).copied();
        }
        self.annotation_at_cursor()
    }

    /// What to say when [`App::chosen_annotation`] finds nothing.
    pub(super) fn nothing_chosen(&self) -> String {
        self.tr(
            if self.focus == Focus::Side && self.tab == Tab::Annotations {
                "message.none_selected"
            } else {
                "message.none_under_cursor"
            },
            &[],
        )
    }

    /// The annotation under the cursor.
    pub fn annotation_at_cursor(&self) -> Option<usize> {
        let at = self.doc_offset(self.cursor)?;
        self.notes
            .list
            .iter()
            .position(|a| !a.orphan && a.target.start <= at && at < a.target.end)
    }

    /// The selection as a document range, white space trimmed.
    pub(super) fn selected_document_range(&self) -> Option<(usize, usize)> {
        let (from, to) = self.selection()?;
        let start = self.doc_offset(self.first_paragraph_pos(from, true)?)?;
        let end = self.doc_offset(self.first_paragraph_pos(to, false)?)? + 1;
        let chars: Vec<char> = self.notes.document.chars().collect();
        let (mut s, mut e) = (start.min(chars.len()), end.min(chars.len()));
        while s < e && chars[s].is_whitespace() {
            s += 1;
        }
        while e > s && chars[e - 1].is_whitespace() {
            e -= 1;
        }
        (s < e).then_some((s, e))
    }

    /// `pos` if it is in a paragraph, else the nearest paragraph edge inward.
    fn first_paragraph_pos(&self, pos: Pos, forward: bool) -> Option<Pos> {
        if self.doc.blocks[pos.block].kind == BlockKind::Paragraph {
            return Some(pos);
        }
        let blocks = &self.doc.blocks;

        if forward {
            (pos.block..blocks.len())
                .find(|b| blocks[*b].kind == BlockKind::Paragraph)
                .map(|b| Pos {
                    block: b,
                    offset: 0,
                })
        } else {
            (0..pos.block)
                .rev()
                .find(|b| blocks[*b].kind == BlockKind::Paragraph)
                .map(|b| Pos {
                    block: b,
                    offset: blocks[b].text.chars().count().saturating_sub(1),
                })
        }
    }

    /// Highlight the selection, or cycle the colour of the annotation under the cursor.
    pub(super) fn highlight(&mut self) -> Vec<Effect> {
        if self.select_from.is_none() {
            let Some(i) = self.chosen_annotation() else {
                let what = self.nothing_chosen();
                self.message = self.tr("message.highlight_select_first", &[("what", &what)]);
                return Vec::new();
            };
            let all = Highlight::ALL;
            let next = self.notes.list[i]
                .colour
                .and_then(|c| all.iter().position(|x| *x == c))
                .map_or(0, |p| (p + 1) % all.len());
            self.notes.list[i].set_colour(Some(all[next]));
            let colour = self.tr(&format!("colour.{}", all[next].name()), &[]);
            self.message = self.tr("message.colour", &[("colour", &colour)]);
            return vec![Effect::SaveNotes];
        }
        let Some((s, e)) = self.selected_document_range() else {
            self.message = self.tr("editor.empty_selection", &[]);
            return Vec::new();
        };
        let Some(target) = Target::from_document(&self.notes.document, s, e) else {
            return Vec::new();
        };
        self.notes
            .list
            .push(Annotation::new(target, Some(Highlight::Yellow), ""));
        self.select_from = None;
        self.message = self.tr("message.highlighted", &[]);
        vec![Effect::SaveNotes]
    }

    /// Delete the annotation under the cursor (`u` brings it back).
    pub(super) fn delete_annotation(&mut self) -> Vec<Effect> {
        let Some(i) = self.chosen_annotation() else {
            self.message = self.nothing_chosen();
            return Vec::new();
        };
        let a = self.notes.list.remove(i);
        self.notes.undo.push(a);
        let last = self.annotation_order().len().saturating_sub(1);
        self.side_selected[3] = self.side_selected[3].min(last);
        self.message = crate::i18n::tr(self.lang, "message.deleted", &[]);
        vec![Effect::SaveNotes]
    }

    /// Bring back the last deleted annotation.
    pub(super) fn undo_delete(&mut self) -> Vec<Effect> {
        match self.notes.undo.pop() {
            Some(mut a) => {
                a.touch();
                self.notes.list.push(a);
                self.message = crate::i18n::tr(self.lang, "message.restored", &[]);
                vec![Effect::SaveNotes]
            }
            None => {
                self.message = crate::i18n::tr(self.lang, "message.nothing_to_undo", &[]);
                Vec::new()
            }
        }
    }

    /// Move the cursor to the next or previous annotation.
    pub(super) fn annotation_step(&mut self, next: bool) {
        let here = self.doc_offset(self.cursor).unwrap_or(0);
        let mut starts: Vec<usize> = self
            .notes
            .list
            .iter()
            .filter(|a| !a.orphan)
            .map(|a| a.target.start)
            .collect();
        starts.sort_unstable();
        let found = if next {
            starts.iter().find(|s| **s > here)
        } else {
            starts.iter().rev().find(|s| **s < here)
        };
        match found {
            Some(s) => {
                self.cursor = self.pos_of_doc(*s);
                self.reveal(self.cursor);
            }
            None => self.message = crate::i18n::tr(self.lang, "message.no_further_annotation", &[]),
        }
    }

    /// Annotations in document order (placed ones first, then orphans), filtered.
    pub fn annotation_order(&self) -> Vec<usize> {
        let filter = self.notes_filter.to_lowercase();
        let mut order: Vec<usize> = (0..self.notes.list.len())
            .filter(|i| {
                let a = &self.notes.list[*i];
                filter.is_empty()
                    || a.note.to_lowercase().contains(&filter)
                    || a.target.exact.to_lowercase().contains(&filter)
                    || a.tags
                        .iter()
                        .any(|t| t.to_lowercase().contains(filter.trim_start_matches('#')))
            })
            .collect();
        order.sort_by_key(|i| (self.notes.list[*i].orphan, self.notes.list[*i].target.start));
        order
    }

    /// Re-attach the orphan chosen in the Annotations tab to the selection.
    pub(super) fn reattach(&mut self) -> Vec<Effect> {
        let chosen = self.annotation_order().get(self.side_selected[3]).copied();
        let Some(i) = chosen.filter(|i| {
            let a = &self.notes.list[*i];
            a.orphan || a.approximate.is_some()
        }) else {
            self.message = self.tr("message.choose_orphan", &[]);
            return Vec::new();
        };
        let Some((s, e)) = self.selected_document_range() else {
            self.message = self.tr("editor.empty_selection", &[]);
            return Vec::new();
        };
        let Some(target) = Target::from_document(&self.notes.document, s, e) else {
            return Vec::new();
        };
        let a = &mut self.notes.list[i];
        a.target = target;
        a.orphan = false;
        a.approximate = None;
        a.touch();
        self.select_from = None;
        self.message = crate::i18n::tr(self.lang, "message.reattached", &[]);
        vec![Effect::SaveNotes]
    }

    /// Jump to an annotation from the Annotations tab.
    pub(super) fn follow_annotation(&mut self, i: usize) {
        let Some(a) = self.annotation_order().get(i).map(|k| &self.notes.list[*k]) else {
            return;
        };
        if a.orphan {
            self.message = crate::i18n::tr(self.lang, "message.lost_place", &[]);
            return;
        }
        let pos = self.pos_of_doc(a.target.start);
        self.cursor = pos;
        self.jump(pos);
    }
}
