//! What can go wrong with the notes file, and what the reader is told about it.

use std::fmt;
use std::io;
use std::path::PathBuf;

/// A failure to open or save a notes file. `Display` is one line: what, where, what to do.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// The folder for the notes file could not be created.
    #[error("cannot create the notes folder {}: {}; check its permissions or set BRIEF_DATA_DIR", path.display(), io_reason(source))]
    CreateDir {
        /// The folder.
        path: PathBuf,
        /// The underlying error.
        source: io::Error,
    },
    /// The notes file exists but could not be read.
    #[error("cannot read notes file {}: {}; check its permissions", path.display(), io_reason(source))]
    Read {
        /// The notes file.
        path: PathBuf,
        /// The underlying error.
        source: io::Error,
    },
    /// A damaged notes file could not be moved aside, so it was left alone.
    #[error("notes file {} is damaged and could not be moved aside: {}; move it away by hand", path.display(), io_reason(source))]
    MoveAside {
        /// The damaged file.
        path: PathBuf,
        /// The underlying error.
        source: io::Error,
    },
    /// This store cannot save: its folder cannot be written, or the file is from a newer brief.
    #[error("notes not saved to {}: {reason}", path.display())]
    ReadOnly {
        /// The notes file.
        path: PathBuf,
        /// Why, and what to do.
        reason: String,
    },
    /// The notes file belongs to another brief.
    #[error("{} holds the notes of brief {found:?}, not of {expected:?}; open that brief, or pass --annotations with a file of this brief", path.display())]
    OtherBrief {
        /// The notes file.
        path: PathBuf,
        /// The brief recorded in the file.
        found: String,
        /// The brief it was opened for.
        expected: String,
    },
    /// Another window held the save lock for too long.
    #[error("notes not saved: another brief window is saving {}; your notes are kept in memory and saved again shortly", path.display())]
    Busy {
        /// The notes file.
        path: PathBuf,
    },
    /// The notes could not be turned into JSON (a bug, not the reader's doing).
    #[error("notes not saved to {}: cannot encode them ({source}); please report this", path.display())]
    Encode {
        /// The notes file.
        path: PathBuf,
        /// The underlying error.
        source: serde_json::Error,
    },
    /// Writing failed; the previous file is untouched and the notes are still in memory.
    #[error("notes not saved to {}: {}; your notes are kept in memory, fix this and save again", path.display(), io_reason(source))]
    Write {
        /// The file that could not be written (the temporary file, the notes file or its folder).
        path: PathBuf,
        /// The underlying error.
        source: io::Error,
    },
}

impl StoreError {
    /// The one-line message to show the reader.
    pub fn user_message(&self) -> String {
        self.to_string()
    }
}

/// A short, plain reason for an I/O error, naming the common storage failures.
pub(crate) fn io_reason(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::StorageFull => "the disk is full".to_owned(),
        io::ErrorKind::ReadOnlyFilesystem => "the disk is read-only".to_owned(),
        io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        io::ErrorKind::IsADirectory => "a folder is in the way".to_owned(),
        io::ErrorKind::QuotaExceeded => "the disk quota is exceeded".to_owned(),
        _ => e.to_string(),
    }
}

/// Something the reader should know after opening a notes file; nothing was lost.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// Notes cannot be saved here (the folder cannot be written, or the file is from a newer
    /// brief): what is made is kept in memory and written to a rescue copy on quit.
    ReadOnly {
        /// The notes file.
        path: PathBuf,
        /// Why, and what to do.
        reason: String,
    },
    /// The lock could not be taken for a reason other than another instance (e.g. the file
    /// system has no locks); the store is writable but unprotected against a second writer.
    Unlocked {
        /// The lock file.
        lock: PathBuf,
        /// Why locking failed.
        reason: String,
    },
    /// The notes file was damaged and has been moved aside, not deleted.
    MovedAside {
        /// The damaged file's new name.
        to: PathBuf,
        /// Why it did not parse.
        reason: String,
    },
    /// The notes file was damaged (and left alone, being read-only); nothing was loaded from it.
    Unreadable {
        /// The notes file.
        path: PathBuf,
        /// Why it did not parse.
        reason: String,
    },
    /// The notes were restored from the backup file.
    RestoredBackup {
        /// The backup that was loaded.
        backup: PathBuf,
        /// How many annotations it held.
        count: usize,
    },
    /// The file was written by a newer version of brief; it is open read-only so it is not
    /// overwritten in the old format.
    NewerFormat {
        /// The notes file.
        path: PathBuf,
        /// The version found in the file.
        version: u32,
    },
}

impl fmt::Display for Notice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::ReadOnly { path, reason } => write!(
                f,
                "notes cannot be saved to {}: {reason}; notes you make are kept in memory and copied to a rescue file when you quit",
                path.display()
            ),
            Self::Unlocked { lock, reason } => write!(
                f,
                "could not lock {} ({reason}); do not edit notes in two windows at once",
                lock.display()
            ),
            Self::MovedAside { to, reason } => write!(
                f,
                "the notes file was damaged ({reason}); it was kept as {}",
                to.display()
            ),
            Self::Unreadable { path, reason } => write!(
                f,
                "the notes file {} is damaged ({reason}); it was left as it is",
                path.display()
            ),
            Self::RestoredBackup { backup, count } => write!(
                f,
                "restored {count} notes from the backup {}",
                backup.display()
            ),
            Self::NewerFormat { path, version } => write!(
                f,
                "{} was written by a newer brief (format {version}); notes are read-only, update brief to edit them",
                path.display()
            ),
        }
    }
}
