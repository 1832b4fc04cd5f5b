//! The loop's side of notes: the notes store (saves, other windows' changes, the rescue copy)
//! and the draft kept on disk while a note is typed.

use std::path::{Path, PathBuf};

use crate::app::App;
use crate::i18n::tr;
use crate::notes::NoteStore;
use crate::notes::draft::{self, Draft};

/// The notes file of the brief being read; the event loop owns it and runs every save
/// `update` asks for (`Effect::SaveNotes`) against it.
pub struct NoteKeeper {
    store: Option<NoteStore>,
}

impl NoteKeeper {
    /// A keeper of `store` (none when annotations cannot be kept this run).
    pub fn new(store: Option<NoteStore>) -> NoteKeeper {
        NoteKeeper { store }
    }

    /// The notes file, if there is one.
    pub(super) fn path(&self) -> Option<&Path> {
        self.store.as_ref().map(NoteStore::path)
    }

    /// The brief the notes file belongs to.
    fn brief_key(&self) -> Option<&str> {
        self.store.as_ref().map(NoteStore::brief_key)
    }

    /// Save the app's annotations, merging what another window saved meanwhile; the app is
    /// told the result (the merged list, or why the save failed).
    pub fn save(&mut self, app: &mut App) {
        let Some(store) = self.store.as_mut() else {
            return;
        };
        store.set_entity_reviews(app.entity_reviews());
        let result = match store.save(&app.notes().list) {
            Ok(()) => Ok(store.take_annotations()),
            Err(e) => Err(e.to_string()),
        };
        if result.is_ok() {
            app.set_entity_reviews(store.entity_reviews().clone());
        }
        app.notes_saved(result);
    }

    /// Save now if the store holds changes not yet written (a backup restored when opening).
    pub fn save_if_dirty(&mut self, app: &mut App) {
        if self.store.as_ref().is_some_and(NoteStore::is_dirty) {
            self.save(app);
        }
    }

    /// Take in what another window saved, if the file changed since this window last read or
    /// wrote it; true when the annotations changed.
    pub(super) fn follow_other_windows(&mut self, app: &mut App) -> bool {
        let Some(store) = self.store.as_mut() else {
            return false;
        };
        if !store.changed_on_disk() || store.reload(&app.notes().list).is_err() {
            return false;
        }
        let reviews = app.set_entity_reviews(store.entity_reviews().clone());
        app.notes_merged(store.take_annotations()) || reviews
    }
}

/// Keeps this window's draft file in step with the note editor.
pub(super) struct DraftKeeper {
    path: Option<PathBuf>,
    written: Option<Draft>,
    failed: bool,
}

impl DraftKeeper {
    /// A keeper writing next to the app's notes file (none if notes cannot be kept).
    pub(super) fn new(app: &App, notes: &NoteKeeper) -> DraftKeeper {
        let path = notes.path().map(draft::draft_path);
        // A draft offered back was moved to this window's name: it is ours to remove.
        let written = path
            .as_deref()
            .filter(|p| p.exists())
            .and_then(|_| app.draft());
        DraftKeeper {
            path,
            written,
            failed: false,
        }
    }

    /// Write the draft if the editor's text changed since the last write; remove it once the
    /// editor is closed. Called once per batch of keys, so fast typing writes once per frame.
    pub(super) fn sync(&mut self, app: &mut App) {
        let Some(path) = &self.path else { return };
        let now = app.draft();
        if now == self.written {
            return;
        }
        let result = match &now {
            Some(d) => draft::write(path, d),
            None => draft::remove(path),
        };
        match result {
            Ok(()) => {
                self.written = now;
                self.failed = false;
            }
            Err(e) if !self.failed => {
                self.failed = true;
                let path = path.display();
                let error = crate::i18n::io_reason(app.lang(), &e);
                let said = tr(
                    app.lang(),
                    "message.draft_unkept",
                    &[("path", &path), ("error", &error)],
                );
                app.say(crate::text::sanitize_line(&said));
            }
            Err(_) => {}
        }
    }
}

/// Reopen the editor on a draft left by a window that was killed or crashed; it becomes this
/// window's draft. A draft whose passage is gone is left where it is, and the reader told.
pub(super) fn offer_left_draft(app: &mut App, notes: &NoteKeeper) {
    let (Some(notes_path), Some(key)) = (notes.path(), notes.brief_key()) else {
        return;
    };
    let (notes_path, key) = (notes_path.to_path_buf(), key.to_owned());
    let Some(left) = draft::left_behind(&notes_path).into_iter().next() else {
        return;
    };
    let Some(found) = draft::read(&left, &key) else {
        return;
    };
    if app.offer_draft(found) {
        let _ = std::fs::rename(&left, draft::draft_path(&notes_path));
    } else {
        let path = left.display();
        let said = tr(app.lang(), "message.draft_passage_gone", &[("path", &path)]);
        app.say(crate::text::sanitize_line(&said));
    }
}

/// How the reader ended, for the exit status.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Ending {
    /// Every note is saved.
    Saved,
    /// Notes could not be saved: what happened and where the rescue copy is (or that there is
    /// none), for stderr; the exit status is not zero.
    NotesUnsaved(String),
}

/// Save a last time; if notes still cannot be saved, write a rescue copy.
pub(super) fn final_save(app: &mut App, notes: &mut NoteKeeper) -> Ending {
    if app.notes().needs_retry() {
        notes.save(app);
    }
    if !app.notes().unsaved() {
        return Ending::Saved;
    }
    let why = app.notes().save_error.clone().unwrap_or_default();
    let key = crate::app::notes::brief_key(&app.index().brief.meta.number);
    let store_path = notes.path().map(Path::to_path_buf);
    let notes_path = store_path
        .clone()
        .unwrap_or_else(|| crate::notes::default_path(&key));
    let places = crate::notes::store::rescue_places(&notes_path);
    let count = app.notes().list.len();
    let lang = app.lang();
    let hint = store_path.map_or_else(String::new, |p| {
        tr(lang, "message.rescue_hint", &[("path", &p.display())])
    });
    let said = match crate::notes::store::rescue(&key, &app.notes().list, &places) {
        Ok(path) => tr(
            lang,
            "message.rescued",
            &[
                ("why", &why),
                ("count", &count),
                ("path", &path.display()),
                ("hint", &hint),
            ],
        ),
        Err(failures) => tr(
            lang,
            "message.rescue_failed",
            &[("why", &why), ("failures", &failures), ("count", &count)],
        ),
    };
    Ending::NotesUnsaved(crate::text::sanitize_line(&said))
}
