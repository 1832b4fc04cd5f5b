//! The library screen in the reader: its keys, what it asks the event loop for, and landing
//! in a brief opened from it at a hit or a note.

use super::action::Action;
use super::document::Pos;
use super::library_screen::{
    Arrival, LibraryRequest, LibraryScreen, NoteRow, OpenAt, ShelfRow, View,
};
use super::{App, Effect};
use crate::brief::Index;
use crate::brief::search::{Hit, Part};
use crate::library::search::BriefHits;

fn ask(request: LibraryRequest) -> Vec<Effect> {
    vec![Effect::Library(request)]
}

impl App {
    /// The library screen, if it was opened.
    pub fn library(&self) -> Option<&LibraryScreen> {
        self.library.as_deref()
    }

    /// Whether the library screen is showing (over the reader).
    pub fn library_shown(&self) -> bool {
        self.library.as_ref().is_some_and(|l| l.shown)
    }

    /// Whether this brief was opened from the library screen (back returns to it).
    pub fn from_library(&self) -> bool {
        self.arrival == Arrival::FromLibrary
    }

    /// Show the library screen listing `rows`, keeping its view, sort, filters and selection.
    /// `base`: nothing is under it (opened on its own), so back does not leave it.
    pub fn show_library(&mut self, rows: Vec<ShelfRow>, base: bool) {
        match &mut self.library {
            Some(screen) => {
                screen.rows = rows;
                screen.shown = true;
                // Counts changed while reading: the notes are read again when shown.
                screen.notes = None;
                screen.select(screen.selected());
            }
            None => self.library = Some(Box::new(LibraryScreen::new(rows, base))),
        }
    }

    /// The hits of the library search for `query` (dropped if the query changed since).
    pub fn library_hits(&mut self, query: &str, hits: Vec<BriefHits>) {
        if let Some(screen) = self.library.as_mut().filter(|s| s.query == query) {
            screen.hits = hits;
            screen.select(0);
        }
    }

    /// Every note of the library.
    pub fn library_notes(&mut self, notes: Vec<NoteRow>) {
        if let Some(screen) = self.library.as_mut() {
            screen.notes = Some(notes);
            screen.select(screen.selected());
        }
    }

    /// A reader on another brief of the library, in this one's language and settings, sized
    /// as this one; back (`L`, or Ctrl-o at the start of its jump history) returns here.
    pub fn successor(&self, index: Index) -> App {
        let a = self.areas.screen;
        let mut next = App::with_settings(index, a.width, a.height, self.settings.clone());
        next.lang = self.lang;
        next.no_color = self.no_color;
        next.arrival = Arrival::FromLibrary;
        next
    }

    /// Go where the library screen asked to open the brief: a hit, or a note, highlighted.
    pub fn land_at(&mut self, at: &OpenAt) {
        let found = match at {
            OpenAt::Remembered => return,
            OpenAt::Hit { hit, .. } => self.hit_range(hit),
            OpenAt::Note(id) => self.note_range(id),
        };
        let Some((block, range)) = found else {
            return;
        };
        self.jump(Pos {
            block,
            offset: range.start,
        });
        if let OpenAt::Hit { query, .. } = at {
            self.keep_search(query, block, range.start);
        }
        self.flash = Some((block, range));
    }

    /// The library's query becomes this brief's search, its match at the hit the current one.
    fn keep_search(&mut self, query: &str, block: usize, offset: usize) {
        self.search.query = query.to_owned();
        self.search.last = query.to_owned();
        self.search.run(&self.index, &self.doc);
        self.search.current = self.search.first_from(Pos { block, offset });
    }

    fn hit_range(&self, hit: &Hit) -> Option<(usize, std::ops::Range<usize>)> {
        match hit.part {
            Part::Body => {
                let place = self.index.place(hit.paragraph.as_deref()?)?;
                let block = self.doc.block_of_paragraph(place.order)?;
                Some((block, self.doc.display_range(block, hit.start, hit.end)))
            }
            Part::Footnote => {
                let n = hit.footnote?;
                let (block, shift) = super::search::footnote_block(&self.index, &self.doc, n)?;
                Some((block, shift + hit.start..shift + hit.end))
            }
            Part::Source => None,
        }
    }

    fn note_range(&self, id: &str) -> Option<(usize, std::ops::Range<usize>)> {
        let a = self.notes.list.iter().find(|a| a.id == id && !a.orphan)?;
        let from = self.pos_of_doc(a.target.start);
        let to = self.pos_of_doc(a.target.end);
        let end = if to.block == from.block {
            to.offset
        } else {
            from.offset + 1
        };
        Some((from.block, from.offset..end.max(from.offset + 1)))
    }

    /// The library's part of `apply`: the screen's keys while it shows, `L` and the way back
    /// from a brief opened from it. `None` when the action is the reader's.
    pub(super) fn library_apply(&mut self, action: Action) -> Option<Vec<Effect>> {
        if self.library_shown() && self.popup.is_none() {
            return Some(self.library_action(action));
        }
        match action {
            Action::Library if self.from_library() => Some(ask(LibraryRequest::Back)),
            Action::Library => Some(ask(LibraryRequest::Show)),
            Action::Back if self.from_library() && self.back.is_empty() => {
                Some(ask(LibraryRequest::Back))
            }
            _ => None,
        }
    }

    fn library_action(&mut self, action: Action) -> Vec<Effect> {
        let page = self.areas.screen.height.saturating_sub(5).max(1) as isize;
        let Some(screen) = self.library.as_mut() else {
            return Vec::new();
        };
        match action {
            Action::LineDown => screen.step(1),
            Action::LineUp => screen.step(-1),
            Action::PageDown | Action::HalfPageDown => screen.step(page),
            Action::PageUp | Action::HalfPageUp => screen.step(-page),
            Action::Wheel { down, .. } => screen.step(if down { 3 } else { -3 }),
            Action::Click { y, .. } => return self.library_click(y, false),
            Action::DoubleClick { y, .. } => return self.library_click(y, true),
            Action::Top => screen.select(0),
            Action::Bottom => screen.select(usize::MAX),
            Action::LibrarySort => screen.next_sort(),
            Action::NextTab | Action::PrevTab => {
                screen.cycle(action == Action::NextTab);
                if screen.view == View::Notes && screen.notes.is_none() {
                    return ask(LibraryRequest::Notes);
                }
            }
            Action::LibraryFilter => screen.typing = true,
            Action::SearchStart => {
                screen.view = View::Hits;
                screen.typing = true;
            }
            Action::SearchChar(_) | Action::SearchBackspace | Action::SearchCancel => {
                return self.library_typing(action);
            }
            Action::SearchConfirm => screen.typing = false,
            Action::Follow => return self.library_open(),
            Action::Close => return self.library_leave(),
            Action::Help => self.open(super::Popup::Help),
            Action::Quit => return self.quit(),
            Action::Suspend => return vec![Effect::Suspend],
            Action::Resize { width, height } => self.resize(width, height),
            _ => {}
        }
        Vec::new()
    }

    fn library_typing(&mut self, action: Action) -> Vec<Effect> {
        let Some(screen) = self.library.as_mut() else {
            return Vec::new();
        };
        let typed = screen.typed_mut();
        match action {
            Action::SearchChar(c) => typed.push(c),
            Action::SearchBackspace => {
                typed.pop();
            }
            _ => {
                typed.clear();
                screen.typing = false;
            }
        }
        screen.select(0);
        if screen.view != View::Hits {
            return Vec::new();
        }
        if screen.query.trim().is_empty() {
            screen.hits.clear();
            return Vec::new();
        }
        ask(LibraryRequest::Search(screen.query.clone()))
    }

    /// A click on a row of the list selects its item; a click on the selected item, or a
    /// double click, opens it.
    fn library_click(&mut self, y: u16, double: bool) -> Vec<Effect> {
        let Some(&(_, item)) = self.drawn.library_items.iter().find(|(row, _)| *row == y) else {
            return Vec::new();
        };
        let Some(screen) = self.library.as_mut() else {
            return Vec::new();
        };
        let again = screen.selected() == item;
        screen.select(item);
        if double || again {
            return self.library_open();
        }
        Vec::new()
    }

    fn library_open(&mut self) -> Vec<Effect> {
        let Some(screen) = self.library.as_mut() else {
            return Vec::new();
        };
        screen.typing = false;
        match screen.chosen() {
            Some((id, at)) => ask(LibraryRequest::Open { id, at }),
            None => Vec::new(),
        }
    }

    /// Back: to the brief under the screen; on a screen opened on its own, where there is
    /// nothing to go back to, the view's filter or query is cleared (else `q` is named).
    fn library_leave(&mut self) -> Vec<Effect> {
        let Some(screen) = self.library.as_mut() else {
            return Vec::new();
        };
        if !screen.base {
            screen.shown = false;
        } else if screen.typed().is_empty() {
            self.message = crate::i18n::tr(self.lang, "library.nothing_behind", &[]);
        } else {
            return self.library_typing(Action::SearchCancel);
        }
        Vec::new()
    }
}
