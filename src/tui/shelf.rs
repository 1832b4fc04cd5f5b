//! The loop's side of the library screen: it reads the catalog, the stored models and the
//! notes files the screen shows, and switches briefs. The brief the screen was opened over
//! waits under the one opened from it, with its notes file and positions; leaving the
//! opened brief saves its notes and position first, so nothing is lost.

use std::path::{Path, PathBuf};

use super::{NoteKeeper, Positions};
use crate::app::App;
use crate::app::library_screen::{LibraryRequest, NoteRow, OpenAt, ShelfRow, View};
use crate::brief::Index;
use crate::i18n::tr;
use crate::library::search::LibrarySearch;
use crate::library::{Entry, Library, LibraryError};
use crate::notes::NoteStore;

/// The brief being read and the stores the loop runs its effects against.
pub struct Desk<'a> {
    pub app: &'a mut App,
    pub positions: &'a mut Positions,
    pub notes: &'a mut NoteKeeper,
}

/// A brief put aside while another is read.
struct Held {
    app: App,
    positions: Positions,
    notes: NoteKeeper,
}

/// The library behind the reader.
pub struct Shelf {
    library: Library,
    /// Where notes files and `positions.json` are (`None`: the default place).
    data: Option<PathBuf>,
    under: Option<Box<Held>>,
    /// Every stored model folded for search, made at the first search.
    search: Option<LibrarySearch>,
}

impl Shelf {
    /// The library, with notes and positions in their default place.
    pub fn new(library: Library) -> Shelf {
        Shelf {
            library,
            data: None,
            under: None,
            search: None,
        }
    }

    /// The library, with notes files and positions kept in `data`.
    pub fn with_data(library: Library, data: &Path) -> Shelf {
        Shelf {
            data: Some(data.to_path_buf()),
            ..Shelf::new(library)
        }
    }

    fn notes_path(&self, key: &str) -> PathBuf {
        match &self.data {
            Some(dir) => crate::notes::store::path_for(Some(dir.into()), None, key),
            None => crate::notes::default_path(key),
        }
    }

    /// The positions store of the brief numbered `number`.
    pub fn positions(&self, number: &str) -> Positions {
        match &self.data {
            Some(dir) => Positions::at(Some(dir.join("positions.json")), number),
            None => Positions::open(number),
        }
    }

    /// The library's briefs as the screen lists them: the catalog, and each brief's
    /// note count (no stored model is read).
    pub fn rows(&self) -> Result<Vec<ShelfRow>, LibraryError> {
        let catalog = self.library.catalog()?;
        Ok(catalog
            .briefs
            .iter()
            .map(|e| ShelfRow::new(e, self.read_notes(e).len()))
            .collect())
    }

    /// An entry's annotations, read without taking the file.
    fn read_notes(&self, entry: &Entry) -> Vec<crate::notes::Annotation> {
        let key = entry.notes_key();
        let path = self.notes_path(&key);
        if !path.exists() {
            return Vec::new();
        }
        NoteStore::open_read_only(&path, &key)
            .map(|(mut store, _)| store.take_annotations())
            .unwrap_or_default()
    }

    /// Run what the library screen asked for.
    pub fn run(&mut self, request: LibraryRequest, mut desk: Desk<'_>) {
        match request {
            LibraryRequest::Show => self.show(desk.app),
            LibraryRequest::Open { id, at } => self.open(&id, &at, &mut desk),
            LibraryRequest::Back => self.back(&mut desk),
            LibraryRequest::Search(query) => self.search(&query, desk.app),
            LibraryRequest::Notes => self.notes(desk.app),
        }
    }

    fn show(&mut self, app: &mut App) {
        let base = app.library().is_some_and(|l| l.base);
        match self.rows() {
            Ok(rows) => app.show_library(rows, base),
            Err(e) => return app.say(crate::text::sanitize_line(&e.to_string())),
        }
        if app.library().is_some_and(|l| l.view == View::Notes) {
            self.notes(app);
        }
    }

    fn search(&mut self, query: &str, app: &mut App) {
        if self.search.is_none() {
            let mut search = LibrarySearch::default();
            if let Err(e) = self.library.each(|entry, brief| search.add(&entry, &brief)) {
                return app.say(crate::text::sanitize_line(&e.to_string()));
            }
            self.search = Some(search);
        }
        if let Some(search) = &self.search {
            app.library_hits(query, search.find(query));
        }
    }

    fn notes(&mut self, app: &mut App) {
        let catalog = match self.library.catalog() {
            Ok(c) => c,
            Err(e) => return app.say(crate::text::sanitize_line(&e.to_string())),
        };
        let mut rows = Vec::new();
        for entry in &catalog.briefs {
            let label = format!("{} {}", entry.meta.number, entry.meta.title);
            let label = crate::text::sanitize_line(label.trim());
            for a in self.read_notes(entry) {
                rows.push(NoteRow::new(&entry.id, &label, &a));
            }
        }
        app.library_notes(rows);
    }

    /// Open a brief of the library over the one under the screen.
    fn open(&mut self, id: &str, at: &OpenAt, desk: &mut Desk<'_>) {
        let opened = match self.library.open(id) {
            Ok(o) => o,
            Err(e) => return desk.app.say(crate::text::sanitize_line(&e.to_string())),
        };
        if desk.app.notes().unsaved() {
            desk.notes.save(desk.app);
        }
        desk.positions.save(desk.app.position());
        let mut next = desk.app.successor(Index::new(opened.brief));
        let notes = self.open_notes(&mut next);
        let positions = self.positions(&next.index().brief.meta.number);
        if let Some(pos) = positions.load().pos {
            next.restore(pos);
        }
        next.land_at(at);
        if opened.reimported.is_some() {
            next.say(tr(next.lang(), "library.reimported", &[]));
        }
        let app = std::mem::replace(desk.app, next);
        let positions = std::mem::replace(desk.positions, positions);
        let notes = std::mem::replace(desk.notes, notes);
        self.under = Some(Box::new(Held {
            app,
            positions,
            notes,
        }));
    }

    /// The brief's notes file, its annotations given to the app (as the reader opens one).
    fn open_notes(&self, app: &mut App) -> NoteKeeper {
        let key = crate::app::notes::brief_key(&app.index().brief.meta.number);
        match NoteStore::open(self.notes_path(&key), &key) {
            Ok((mut store, _)) => {
                let placed = app.attach_notes(store.take_annotations());
                app.set_entity_reviews(store.entity_reviews().clone());
                if !placed.is_empty() {
                    app.say(crate::text::sanitize_line(&placed));
                }
                NoteKeeper::new(Some(store))
            }
            Err(e) => {
                app.notes_unavailable(crate::text::sanitize_line(&e.to_string()));
                NoteKeeper::new(None)
            }
        }
    }

    /// Leave the brief opened from the library for the screen, once its notes are saved.
    fn back(&mut self, desk: &mut Desk<'_>) {
        if desk.app.notes().unsaved() {
            desk.notes.save(desk.app);
        }
        if desk.app.notes().unsaved() {
            let said = tr(desk.app.lang(), "library.notes_unsaved", &[]);
            return desk.app.say(said);
        }
        let Some(held) = self.under.take() else {
            return;
        };
        desk.positions.save(desk.app.position());
        *desk.app = held.app;
        *desk.positions = held.positions;
        *desk.notes = held.notes;
        desk.notes.follow_other_windows(desk.app);
        self.show(desk.app);
    }

    /// Whether a brief opened from the library is being read over another.
    pub fn holds(&self) -> bool {
        self.under.is_some()
    }
}
