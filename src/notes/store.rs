//! The notes file of one brief: loaded once at start-up, saved atomically, guarded by a lock.
//!
//! # Two instances
//!
//! The first instance to open a notes file takes an exclusive lock on `<path>.lock` (held until
//! its [`NoteStore`] is dropped; the lock file itself is never deleted, as deleting lock files
//! races). A second instance opening the same file does not wait: it loads the notes
//! **read-only**, gets [`Notice::ReadOnly`], and every [`NoteStore::save`] it attempts fails
//! with [`StoreError::ReadOnly`] without touching the disk, so it can never overwrite the first
//! instance's newer notes. A read-only instance also never moves a damaged file aside. If the
//! lock cannot be taken for another reason (a file system without locks), the store is writable
//! and [`Notice::Unlocked`] says it is unprotected; saves stay atomic either way.

mod atomic;
mod error;
mod paths;

use std::fs::{self, File, OpenOptions, TryLockError};
use std::io;
use std::path::{Path, PathBuf};

use crate::notes::model::{Annotation, FORMAT_VERSION, NotesFile};

pub use error::{Notice, StoreError};
pub use paths::{DATA_DIR_ENV, default_path};
pub(crate) use paths::{parent_dir, sibling};

/// The notes file of one brief, open for loading and saving.
#[derive(Debug)]
pub struct NoteStore {
    path: PathBuf,
    brief_key: String,
    /// The open lock file; holding it holds the lock. `None` when read-only or unlocked.
    _lock: Option<File>,
    read_only: bool,
    dirty: bool,
    loaded: Vec<Annotation>,
}

impl NoteStore {
    /// Open (creating its folder if needed) the notes file at `path` for `brief_key`.
    ///
    /// Returns the store with the annotations it loaded (see [`NoteStore::annotations`]) and
    /// notices for the reader: read-only because another instance has it, a damaged file moved
    /// aside to `<path>.corrupt-<YYYYmmddTHHMMSS>` (never deleted), notes restored from
    /// `<path>.bak`. A missing file is not an error: the store starts empty.
    pub fn open(
        path: impl Into<PathBuf>,
        brief_key: &str,
    ) -> Result<(NoteStore, Vec<Notice>), StoreError> {
        let path = path.into();
        let dir = parent_dir(&path);
        fs::create_dir_all(&dir).map_err(|source| StoreError::CreateDir { path: dir, source })?;
        let mut notices = Vec::new();
        let (lock, read_only) = lock(&path, &mut notices);
        let mut store = NoteStore {
            path,
            brief_key: brief_key.to_owned(),
            _lock: lock,
            read_only,
            dirty: false,
            loaded: Vec::new(),
        };
        store.load(&mut notices)?;
        Ok((store, notices))
    }

    /// The annotations loaded by [`NoteStore::open`].
    pub fn annotations(&self) -> &[Annotation] {
        &self.loaded
    }

    /// Take the loaded annotations, leaving none in the store.
    pub fn take_annotations(&mut self) -> Vec<Annotation> {
        std::mem::take(&mut self.loaded)
    }

    /// The notes file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The brief this store belongs to.
    pub fn brief_key(&self) -> &str {
        &self.brief_key
    }

    /// True when another instance holds the lock (or the file is from a newer brief): saves fail.
    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    /// Record that the in-memory annotations have changed since the last successful save.
    pub fn mark_dirty(&mut self) {
        self.dirty = true;
    }

    /// True when changes are waiting to be saved (marked, or a save failed).
    pub fn is_dirty(&self) -> bool {
        self.dirty
    }

    /// Atomically replace the notes file with `annotations`.
    ///
    /// Writes `<path>.tmp`, fsyncs it, keeps the current file as `<path>.bak`, renames the
    /// temporary file over `<path>` and fsyncs the folder. On failure (disk full, read-only disk,
    /// permission denied, read-only store) the previous file is intact, the store stays dirty,
    /// and the caller keeps its annotations and can retry with [`NoteStore::save_if_dirty`].
    pub fn save(&mut self, annotations: &[Annotation]) -> Result<(), StoreError> {
        let result = self.write(annotations);
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

    fn write(&self, annotations: &[Annotation]) -> Result<(), StoreError> {
        if self.read_only {
            return Err(StoreError::ReadOnly {
                path: self.path.clone(),
            });
        }
        let file = NotesFileRef {
            version: FORMAT_VERSION,
            brief: &self.brief_key,
            annotations,
        };
        let mut bytes = serde_json::to_vec_pretty(&file).map_err(|source| StoreError::Encode {
            path: self.path.clone(),
            source,
        })?;
        bytes.push(b'\n');
        atomic::replace(&self.path, &bytes)
    }

    fn load(&mut self, notices: &mut Vec<Notice>) -> Result<(), StoreError> {
        let Some(bytes) = read_optional(&self.path)? else {
            return Ok(());
        };
        match serde_json::from_slice::<NotesFile>(&bytes) {
            Ok(file) => {
                self.accept(file, notices);
                Ok(())
            }
            Err(e) => self.recover(&e.to_string(), notices),
        }
    }

    fn accept(&mut self, file: NotesFile, notices: &mut Vec<Notice>) {
        if file.version > FORMAT_VERSION {
            self.read_only = true;
            self._lock = None;
            notices.push(Notice::NewerFormat {
                path: self.path.clone(),
                version: file.version,
            });
        }
        if file.brief != self.brief_key {
            notices.push(Notice::OtherBrief {
                path: self.path.clone(),
                found: file.brief,
            });
        }
        self.loaded = file.annotations;
    }

    /// The file did not parse: move it aside (unless read-only) and fall back to the backup.
    fn recover(&mut self, reason: &str, notices: &mut Vec<Notice>) -> Result<(), StoreError> {
        let reason = reason.to_owned();
        if self.read_only {
            notices.push(Notice::Unreadable {
                path: self.path.clone(),
                reason,
            });
        } else {
            let to = move_aside(&self.path)?;
            notices.push(Notice::MovedAside { to, reason });
        }
        let backup = sibling(&self.path, ".bak");
        let Ok(Some(bytes)) = read_optional(&backup) else {
            return Ok(());
        };
        if let Ok(file) = serde_json::from_slice::<NotesFile>(&bytes) {
            notices.push(Notice::RestoredBackup {
                backup,
                count: file.annotations.len(),
            });
            self.accept(file, notices);
            // The restored notes exist only in the backup now; save them to the main file.
            self.dirty = !self.read_only;
        }
        Ok(())
    }
}

/// Borrowing twin of [`NotesFile`] so saving does not clone every annotation.
#[derive(serde::Serialize)]
struct NotesFileRef<'a> {
    version: u32,
    brief: &'a str,
    annotations: &'a [Annotation],
}

/// Take the lock on `<path>.lock`; returns the held lock file and whether to be read-only.
fn lock(path: &Path, notices: &mut Vec<Notice>) -> (Option<File>, bool) {
    let lock_path = sibling(path, ".lock");
    let file = match OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&lock_path)
    {
        Ok(f) => f,
        Err(e) => {
            notices.push(Notice::Unlocked {
                lock: lock_path,
                reason: e.to_string(),
            });
            return (None, false);
        }
    };
    match file.try_lock() {
        Ok(()) => (Some(file), false),
        Err(TryLockError::WouldBlock) => {
            notices.push(Notice::ReadOnly {
                path: path.to_path_buf(),
            });
            (None, true)
        }
        Err(TryLockError::Error(e)) => {
            notices.push(Notice::Unlocked {
                lock: lock_path,
                reason: e.to_string(),
            });
            (None, false)
        }
    }
}

/// The file's bytes, `None` if it does not exist.
fn read_optional(path: &Path) -> Result<Option<Vec<u8>>, StoreError> {
    match fs::read(path) {
        Ok(bytes) => Ok(Some(bytes)),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(source) => Err(StoreError::Read {
            path: path.to_path_buf(),
            source,
        }),
    }
}

/// Rename a damaged file to `<path>.corrupt-<YYYYmmddTHHMMSS>` (plus `-N` if taken).
fn move_aside(path: &Path) -> Result<PathBuf, StoreError> {
    let stamp = chrono::Local::now().format("%Y%m%dT%H%M%S").to_string();
    let base = sibling(path, &format!(".corrupt-{stamp}"));
    let mut to = base.clone();
    for n in 1.. {
        if fs::symlink_metadata(&to).is_err() {
            break;
        }
        to = sibling(&base, &format!("-{n}"));
    }
    fs::rename(path, &to).map_err(|source| StoreError::MoveAside {
        path: path.to_path_buf(),
        source,
    })?;
    Ok(to)
}
