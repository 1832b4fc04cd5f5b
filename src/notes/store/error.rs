//! What can go wrong with the notes file, and what the reader is told about it.

use std::fmt::{self, Display};
use std::io;
use std::path::PathBuf;

use crate::i18n::text;

/// A failure to open or save a notes file. `Display` is one line: what, where, what to do.
#[derive(Debug)]
pub enum StoreError {
    /// The folder for the notes file could not be created.
    CreateDir {
        /// The folder.
        path: PathBuf,
        /// The underlying error.
        source: io::Error,
    },
    /// The notes file exists but could not be read.
    Read {
        /// The notes file.
        path: PathBuf,
        /// The underlying error.
        source: io::Error,
    },
    /// A damaged notes file could not be moved aside, so it was left alone.
    MoveAside {
        /// The damaged file.
        path: PathBuf,
        /// The underlying error.
        source: io::Error,
    },
    /// This store cannot save: its folder cannot be written, or the file is from a newer brief.
    ReadOnly {
        /// The notes file.
        path: PathBuf,
        /// Why, and what to do.
        reason: String,
    },
    /// The notes file belongs to another brief.
    OtherBrief {
        /// The notes file.
        path: PathBuf,
        /// The brief recorded in the file.
        found: String,
        /// The brief it was opened for.
        expected: String,
    },
    /// Another window held the save lock for too long.
    Busy {
        /// The notes file.
        path: PathBuf,
    },
    /// The notes could not be turned into JSON (a bug, not the reader's doing).
    Encode {
        /// The notes file.
        path: PathBuf,
        /// The underlying error.
        source: serde_json::Error,
    },
    /// Writing failed; the previous file is untouched and the notes are still in memory.
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

    /// The catalogue key of the message and what fills it.
    fn message(&self) -> (&'static str, Vec<(&'static str, String)>) {
        let shown = |p: &PathBuf| p.display().to_string();
        match self {
            Self::CreateDir { path, source } => (
                "notes.create_dir",
                vec![("path", shown(path)), ("reason", io_reason(source))],
            ),
            Self::Read { path, source } => (
                "notes.read",
                vec![("path", shown(path)), ("reason", io_reason(source))],
            ),
            Self::MoveAside { path, source } => (
                "notes.move_aside",
                vec![("path", shown(path)), ("reason", io_reason(source))],
            ),
            Self::ReadOnly { path, reason } => (
                "notes.read_only",
                vec![("path", shown(path)), ("reason", reason.clone())],
            ),
            Self::OtherBrief {
                path,
                found,
                expected,
            } => (
                "notes.other_brief",
                vec![
                    ("path", shown(path)),
                    ("found", format!("{found:?}")),
                    ("expected", format!("{expected:?}")),
                ],
            ),
            Self::Busy { path } => ("notes.busy", vec![("path", shown(path))]),
            Self::Encode { path, source } => (
                "notes.encode",
                vec![("path", shown(path)), ("reason", source.to_string())],
            ),
            Self::Write { path, source } => (
                "notes.write",
                vec![("path", shown(path)), ("reason", io_reason(source))],
            ),
        }
    }
}

/// `key` in the current language, filled from `args`.
fn say(f: &mut fmt::Formatter<'_>, key: &str, args: &[(&str, String)]) -> fmt::Result {
    let args: Vec<(&str, &dyn Display)> =
        args.iter().map(|(k, v)| (*k, v as &dyn Display)).collect();
    f.write_str(&text(key, &args))
}

impl StoreError {
    /// The message in `lang` (`Display` speaks the current language).
    pub fn message_in(&self, lang: crate::i18n::Lang) -> String {
        let (key, args) = self.message();
        let args: Vec<(&str, &dyn Display)> =
            args.iter().map(|(k, v)| (*k, v as &dyn Display)).collect();
        crate::i18n::tr(lang, key, &args)
    }
}

impl Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message_in(crate::i18n::current()))
    }
}

impl std::error::Error for StoreError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Self::CreateDir { source, .. }
            | Self::Read { source, .. }
            | Self::MoveAside { source, .. }
            | Self::Write { source, .. } => Some(source),
            Self::Encode { source, .. } => Some(source),
            Self::ReadOnly { .. } | Self::OtherBrief { .. } | Self::Busy { .. } => None,
        }
    }
}

/// A short, plain reason for an I/O error, naming the common storage failures.
pub(crate) fn io_reason(e: &io::Error) -> String {
    crate::i18n::io_reason(crate::i18n::current(), e)
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

impl Display for Notice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let shown = |p: &PathBuf| p.display().to_string();
        match self {
            Self::ReadOnly { path, reason } => say(
                f,
                "notes.notice_read_only",
                &[("path", shown(path)), ("reason", reason.clone())],
            ),
            Self::Unlocked { lock, reason } => say(
                f,
                "notes.notice_unlocked",
                &[("lock", shown(lock)), ("reason", reason.clone())],
            ),
            Self::MovedAside { to, reason } => say(
                f,
                "notes.notice_moved_aside",
                &[("to", shown(to)), ("reason", reason.clone())],
            ),
            Self::Unreadable { path, reason } => say(
                f,
                "notes.notice_unreadable",
                &[("path", shown(path)), ("reason", reason.clone())],
            ),
            Self::RestoredBackup { backup, count } => say(
                f,
                "notes.notice_restored",
                &[("backup", shown(backup)), ("count", count.to_string())],
            ),
            Self::NewerFormat { path, version } => say(
                f,
                "notes.notice_newer",
                &[("path", shown(path)), ("version", version.to_string())],
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn a_store_error_speaks_either_language() {
        let busy = StoreError::Busy {
            path: PathBuf::from("/n/brief.json"),
        };
        let ko = busy.message_in(Lang::Ko);
        assert!(
            ko.contains("/n/brief.json") && ko.contains("저장하는 중"),
            "{ko}"
        );
        let en = busy.message_in(Lang::En);
        assert!(
            en.starts_with("notes not saved: another brief window"),
            "{en}"
        );
    }
}
