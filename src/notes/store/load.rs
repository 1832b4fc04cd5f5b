//! Reading the notes file: at start-up (with recovery from damage) and again before each save.

use std::io;
use std::path::{Path, PathBuf};

use super::atomic::{backups, write_target};
use super::error::io_reason;
use super::paths::sibling;
use super::{NoteStore, Notice, StoreError, lock};
use crate::notes::model::{FORMAT_VERSION, NotesFile};

/// Why a folder that could not be created or written makes the store read-only.
pub(super) fn unwritable(dir: &Path, e: &io::Error) -> String {
    format!(
        "the folder {} cannot be written ({}); set BRIEF_DATA_DIR to a writable folder",
        dir.display(),
        io_reason(e)
    )
}

/// `Some(reason)` when notes cannot be saved next to `path`.
pub(super) fn check_writable(path: &Path, notices: &mut Vec<Notice>) -> Option<String> {
    let lock_path = sibling(path, ".lock");
    let e = lock::open(&lock_path).err()?;
    if e.raw_os_error() == Some(libc::ELOOP) {
        return Some(format!(
            "{} is a symbolic link, which brief will not follow; remove it",
            lock_path.display()
        ));
    }
    match e.kind() {
        io::ErrorKind::PermissionDenied | io::ErrorKind::ReadOnlyFilesystem => {
            Some(unwritable(&super::parent_dir(path), &e))
        }
        _ => {
            notices.push(Notice::Unlocked {
                lock: lock_path,
                reason: io_reason(&e),
            });
            None
        }
    }
}

impl NoteStore {
    /// Load the file at start-up; a damaged one is moved aside and the newest good backup
    /// restored (and written back at once when the store can write).
    pub(super) fn load(&mut self, notices: &mut Vec<Notice>) -> Result<(), StoreError> {
        let target = write_target(&self.path);
        let Some(bytes) = self.read_optional(&target)? else {
            return Ok(());
        };
        match serde_json::from_slice::<NotesFile>(&bytes) {
            Ok(file) => self.accept(file, notices),
            Err(e) => self.recover(&target, &e.to_string(), notices),
        }
    }

    /// Re-read the file under the lock before a merge: its notes and bytes, `None` if missing
    /// (or damaged since start-up, in which case it is moved aside).
    pub(super) fn read_for_merge(&self) -> Result<Option<(NotesFile, Vec<u8>)>, StoreError> {
        let target = write_target(&self.path);
        let Some(bytes) = self.read_optional(&target)? else {
            return Ok(None);
        };
        let Ok(mut file) = serde_json::from_slice::<NotesFile>(&bytes) else {
            self.move_aside(&target)?;
            return Ok(None);
        };
        self.check_brief(&file)?;
        if file.version > FORMAT_VERSION {
            return Err(StoreError::ReadOnly {
                path: self.path.clone(),
                reason: "a newer brief wrote it meanwhile; update brief".into(),
            });
        }
        file.sanitize();
        Ok(Some((file, bytes)))
    }

    fn check_brief(&self, file: &NotesFile) -> Result<(), StoreError> {
        if file.brief == self.brief_key {
            return Ok(());
        }
        Err(StoreError::OtherBrief {
            path: self.path.clone(),
            found: crate::text::sanitize_line(&file.brief),
            expected: self.brief_key.clone(),
        })
    }

    fn accept(&mut self, mut file: NotesFile, notices: &mut Vec<Notice>) -> Result<(), StoreError> {
        self.check_brief(&file)?;
        if file.version > FORMAT_VERSION {
            self.read_only = Some("it was written by a newer brief; update brief".into());
            notices.push(Notice::NewerFormat {
                path: self.path.clone(),
                version: file.version,
            });
        }
        file.sanitize();
        self.reviews = std::mem::take(&mut file.entity_reviews);
        self.take_merged(file.annotations, file.deleted);
        Ok(())
    }

    /// The file did not parse: move it aside (unless read-only), restore the newest good
    /// backup and write it back, so the next start finds the restored notes.
    fn recover(
        &mut self,
        target: &Path,
        reason: &str,
        notices: &mut Vec<Notice>,
    ) -> Result<(), StoreError> {
        let reason = crate::text::sanitize_line(reason);
        if self.read_only.is_some() {
            notices.push(Notice::Unreadable {
                path: self.path.clone(),
                reason,
            });
        } else {
            let _lock = self.lock()?;
            let to = self.move_aside(target)?;
            notices.push(Notice::MovedAside { to, reason });
        }
        for backup in backups(&self.path) {
            let Ok(Some(bytes)) = self.read_optional(&backup) else {
                continue;
            };
            let Ok(file) = serde_json::from_slice::<NotesFile>(&bytes) else {
                continue;
            };
            if file.brief != self.brief_key {
                continue;
            }
            notices.push(Notice::RestoredBackup {
                count: file.annotations.len(),
                backup,
            });
            self.accept(file, notices)?;
            if self.read_only.is_none() {
                self.dirty = self.write_file(&self.loaded, &self.deleted).is_err();
            }
            break;
        }
        Ok(())
    }

    /// The file's bytes, `None` if it does not exist.
    fn read_optional(&self, path: &Path) -> Result<Option<Vec<u8>>, StoreError> {
        match self.fs.read(path) {
            Ok(bytes) => Ok(Some(bytes)),
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
            Err(source) => Err(StoreError::Read {
                path: path.to_path_buf(),
                source,
            }),
        }
    }

    /// Rename a damaged file to `<file>.corrupt-<YYYYmmddTHHMMSS>` (plus `-N` if taken).
    fn move_aside(&self, path: &Path) -> Result<PathBuf, StoreError> {
        let stamp = chrono::Local::now().format("%Y%m%dT%H%M%S").to_string();
        let base = sibling(path, &format!(".corrupt-{stamp}"));
        let mut to = base.clone();
        for n in 1.. {
            if std::fs::symlink_metadata(&to).is_err() {
                break;
            }
            to = sibling(&base, &format!("-{n}"));
        }
        self.fs
            .rename(path, &to)
            .map_err(|source| StoreError::MoveAside {
                path: path.to_path_buf(),
                source,
            })?;
        Ok(to)
    }
}
