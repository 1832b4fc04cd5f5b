//! The notes file of one brief: loaded at start-up, saved atomically, merged between windows.
//!
//! # Two windows
//!
//! Any number of windows may annotate the same brief. Every save takes the lock on
//! `<path>.lock` for a moment, re-reads the file, merges it with what this window holds (by
//! annotation id: the later modification wins, deletes are kept as tombstones), writes the
//! result atomically and hands it back (see [`NoteStore::annotations`]), so neither window loses
//! the other's work. Between saves, [`NoteStore::changed_on_disk`] and [`NoteStore::reload`]
//! take in the other window's notes without writing.
//!
//! A store is read-only only when its folder cannot be written or the file comes from a newer
//! brief ([`Notice::ReadOnly`], [`Notice::NewerFormat`]), or when opened for a read-only command
//! ([`NoteStore::open_read_only`]), which never moves or rewrites anything.

mod atomic;
mod error;
pub mod fs;
mod load;
pub(crate) mod lock;
mod merge;
mod paths;
mod rescue;

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::notes::model::{
    Annotation, EntityReviews, FORMAT_VERSION, NotesFile, Tombstone, now_rfc3339,
};

pub(crate) use atomic::write_target;
pub use error::{Notice, StoreError};
use fs::{Fs, RealFs};
pub(crate) use paths::path_for;
pub use paths::{DATA_DIR_ENV, default_path};
pub(crate) use paths::{parent_dir, sibling};
pub use rescue::{rescue, rescue_places};

/// The notes file of one brief, open for loading and saving.
#[derive(Debug)]
pub struct NoteStore {
    path: PathBuf,
    brief_key: String,
    fs: Arc<dyn Fs>,
    /// Why saving is impossible, if it is.
    read_only: Option<String>,
    dirty: bool,
    loaded: Vec<Annotation>,
    /// Ids this window has seen in the file or saved: one missing from a save was deleted here.
    known: HashSet<String>,
    deleted: Vec<Tombstone>,
    /// The reader's verdicts on unsure names, saved and merged with the annotations.
    reviews: EntityReviews,
    /// The notes file's modification time when this window last read or wrote it.
    seen: Option<std::time::SystemTime>,
}

impl NoteStore {
    /// Open (creating its folder if needed) the notes file at `path` for `brief_key`.
    ///
    /// Returns the store with the annotations it loaded (see [`NoteStore::annotations`]) and
    /// notices for the reader: read-only, a damaged file moved aside to
    /// `<path>.corrupt-<YYYYmmddTHHMMSS>` (never deleted), notes restored from a backup (and
    /// written back at once). A missing file is not an error: the store starts empty. A file of
    /// another brief is refused ([`StoreError::OtherBrief`]).
    pub fn open(
        path: impl Into<PathBuf>,
        brief_key: &str,
    ) -> Result<(NoteStore, Vec<Notice>), StoreError> {
        Self::open_with(path, brief_key, Arc::new(RealFs))
    }

    /// [`NoteStore::open`] on a given file system (tests pass a [`fs::FaultyFs`]).
    pub fn open_with(
        path: impl Into<PathBuf>,
        brief_key: &str,
        fs: Arc<dyn Fs>,
    ) -> Result<(NoteStore, Vec<Notice>), StoreError> {
        let mut store = Self::new(path.into(), brief_key, fs);
        let dir = parent_dir(&store.path);
        let mut notices = Vec::new();
        if let Err(source) = std::fs::create_dir_all(&dir) {
            store.read_only = Some(load::unwritable(&dir, &source));
        }
        if store.read_only.is_none() {
            store.read_only = load::check_writable(&store.path, &mut notices);
        }
        if store.read_only.is_none() {
            atomic::sweep_temps(&dir);
        }
        if let Some(reason) = &store.read_only {
            notices.push(Notice::ReadOnly {
                path: store.path.clone(),
                reason: reason.clone(),
            });
        }
        store.load(&mut notices)?;
        Ok((store, notices))
    }

    /// Open for a read-only command (export): loads the notes (from a backup if the file is
    /// damaged) but never moves, locks or rewrites anything.
    pub fn open_read_only(
        path: impl Into<PathBuf>,
        brief_key: &str,
    ) -> Result<(NoteStore, Vec<Notice>), StoreError> {
        let mut store = Self::new(path.into(), brief_key, Arc::new(RealFs));
        store.read_only = Some("opened for reading only".into());
        let mut notices = Vec::new();
        store.load(&mut notices)?;
        Ok((store, notices))
    }

    fn new(path: PathBuf, brief_key: &str, fs: Arc<dyn Fs>) -> NoteStore {
        NoteStore {
            path,
            brief_key: brief_key.to_owned(),
            fs,
            read_only: None,
            dirty: false,
            loaded: Vec::new(),
            known: HashSet::new(),
            deleted: Vec::new(),
            reviews: EntityReviews::new(),
            seen: None,
        }
    }

    /// The annotations loaded by [`NoteStore::open`], or merged by the last save.
    pub fn annotations(&self) -> &[Annotation] {
        &self.loaded
    }

    /// Take the loaded (or merged) annotations, leaving none in the store.
    pub fn take_annotations(&mut self) -> Vec<Annotation> {
        std::mem::take(&mut self.loaded)
    }

    /// The verdicts on unsure names, as loaded or merged by the last save.
    pub fn entity_reviews(&self) -> &EntityReviews {
        &self.reviews
    }

    /// Replace the verdicts to be saved (merged with the file's by the next save).
    pub fn set_entity_reviews(&mut self, reviews: &EntityReviews) {
        if &self.reviews != reviews {
            self.reviews = reviews.clone();
            self.dirty = true;
        }
    }

    /// The notes file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The brief this store belongs to.
    pub fn brief_key(&self) -> &str {
        &self.brief_key
    }

    /// True when saves fail: the folder cannot be written, or the file is from a newer brief.
    pub fn is_read_only(&self) -> bool {
        self.read_only.is_some()
    }

    /// Record that the in-memory annotations have changed since the last successful save.
    pub fn mark_dirty(&mut self) {
        self.dirty = true;
    }

    /// True when changes are waiting to be saved (marked, or a save failed).
    pub fn is_dirty(&self) -> bool {
        self.dirty
    }

    /// Merge `annotations` with the file and replace the file with the result, atomically.
    ///
    /// Under the lock: re-read the file, merge (an id this window knew and `annotations` lacks
    /// was deleted here), keep the file as a backup, write a new file in the same folder, fsync
    /// it, rename it over the notes file (through a symlink, to its target) and fsync the folder.
    /// The merged annotations are then [`NoteStore::annotations`]. On failure (disk full,
    /// read-only, busy) the previous file is intact, the store stays dirty, and the caller keeps
    /// its annotations and can retry with [`NoteStore::save_if_dirty`].
    pub fn save(&mut self, annotations: &[Annotation]) -> Result<(), StoreError> {
        let result = self.merge_and_write(annotations);
        self.dirty = result.is_err();
        result
    }

    /// Save only if there are unsaved changes; `Ok(true)` when it wrote. The retry helper for
    /// a loop that saves on a timer or on quit.
    pub fn save_if_dirty(&mut self, annotations: &[Annotation]) -> Result<bool, StoreError> {
        if !self.dirty {
            return Ok(false);
        }
        self.save(annotations).map(|()| true)
    }

    fn merge_and_write(&mut self, annotations: &[Annotation]) -> Result<(), StoreError> {
        if let Some(reason) = &self.read_only {
            return Err(StoreError::ReadOnly {
                path: self.path.clone(),
                reason: reason.clone(),
            });
        }
        let _lock = self.lock()?;
        let disk = self.read_for_merge()?;
        let mine_deleted = self.deleted_here(annotations);
        let (theirs, their_deleted, their_reviews, good) = match disk {
            Some((file, bytes)) => (
                file.annotations,
                file.deleted,
                file.entity_reviews,
                Some(bytes),
            ),
            None => (Vec::new(), Vec::new(), EntityReviews::new(), None),
        };
        self.reviews = merge::merge_reviews(&self.reviews, their_reviews);
        let theirs_count = theirs.len();
        let (merged, deleted) = merge::merge(annotations, &mine_deleted, theirs, their_deleted);
        if let Some(bytes) = good {
            atomic::keep_backup(self.fs.as_ref(), &self.path, &bytes, theirs_count);
        }
        self.write_file(&merged, &deleted)?;
        self.take_merged(merged, deleted);
        Ok(())
    }

    /// True when another window changed the notes file since this one last read or wrote it.
    pub fn changed_on_disk(&self) -> bool {
        self.modified_on_disk() != self.seen
    }

    /// Merge what another window saved into `annotations` without writing anything; the result
    /// is then [`NoteStore::annotations`]. Deletes made here and not yet saved are kept.
    pub fn reload(&mut self, annotations: &[Annotation]) -> Result<(), StoreError> {
        let Some((file, _)) = self.read_for_merge()? else {
            return Ok(());
        };
        let mine_deleted = self.deleted_here(annotations);
        self.reviews = merge::merge_reviews(&self.reviews, file.entity_reviews);
        let (merged, deleted) =
            merge::merge(annotations, &mine_deleted, file.annotations, file.deleted);
        self.take_merged(merged, deleted);
        Ok(())
    }

    fn take_merged(&mut self, merged: Vec<Annotation>, deleted: Vec<Tombstone>) {
        self.known = merged.iter().map(|a| a.id.clone()).collect();
        self.loaded = merged;
        self.deleted = deleted;
        self.seen = self.modified_on_disk();
    }

    fn modified_on_disk(&self) -> Option<std::time::SystemTime> {
        std::fs::metadata(&self.path)
            .and_then(|m| m.modified())
            .ok()
    }

    /// Tombstones for ids this window knew and `annotations` lacks, plus the ones it holds.
    fn deleted_here(&self, annotations: &[Annotation]) -> Vec<Tombstone> {
        let now = now_rfc3339();
        let present: HashSet<&str> = annotations.iter().map(|a| a.id.as_str()).collect();
        let mut deleted = self.deleted.clone();
        deleted.extend(
            self.known
                .iter()
                .filter(|id| !present.contains(id.as_str()))
                .map(|id| Tombstone {
                    id: id.clone(),
                    deleted: now.clone(),
                }),
        );
        deleted
    }

    fn write_file(
        &self,
        annotations: &[Annotation],
        deleted: &[Tombstone],
    ) -> Result<(), StoreError> {
        let file = NotesFileRef {
            version: FORMAT_VERSION,
            brief: &self.brief_key,
            annotations,
            deleted,
            entity_reviews: &self.reviews,
        };
        let mut bytes = serde_json::to_vec_pretty(&file).map_err(|source| StoreError::Encode {
            path: self.path.clone(),
            source,
        })?;
        bytes.push(b'\n');
        atomic::replace(self.fs.as_ref(), &self.path, &bytes)
    }

    fn lock(&self) -> Result<Option<std::fs::File>, StoreError> {
        match lock::take(&sibling(&self.path, ".lock")) {
            Ok(lock) => Ok(lock),
            Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => Err(StoreError::Busy {
                path: self.path.clone(),
            }),
            Err(source) => Err(StoreError::Write {
                path: sibling(&self.path, ".lock"),
                source,
            }),
        }
    }
}

/// The number of annotations in a notes file's bytes, if they parse.
pub(crate) fn count_notes(bytes: &[u8]) -> Option<usize> {
    serde_json::from_slice::<NotesFile>(bytes)
        .ok()
        .map(|f| f.annotations.len())
}

/// Borrowing twin of [`NotesFile`] so saving does not clone every annotation.
#[derive(serde::Serialize)]
struct NotesFileRef<'a> {
    version: u32,
    brief: &'a str,
    annotations: &'a [Annotation],
    #[serde(skip_serializing_if = "<[Tombstone]>::is_empty")]
    deleted: &'a [Tombstone],
    #[serde(skip_serializing_if = "EntityReviews::is_empty")]
    entity_reviews: &'a EntityReviews,
}
