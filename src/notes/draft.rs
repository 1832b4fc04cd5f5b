//! The note being typed, kept on disk as it is typed so that a kill, a crash or a closed
//! terminal never loses it; the next start offers it back.
//!
//! The draft lives next to the notes file as `<notes>.draft-<pid>`, one per window, so two
//! windows never overwrite each other's draft. It is replaced atomically (a temporary file in
//! the same folder, then a rename) and removed when the note is saved or the reader discards it
//! on purpose.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::store::sibling;
use crate::text::sanitize;

/// What the draft is a note on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase", tag = "kind")]
pub enum DraftFor {
    /// A new annotation on document chars `start..end`, which read `quote` when typed.
    New {
        /// First char of the passage.
        start: usize,
        /// One past its last char.
        end: usize,
        /// The passage itself, to find it again if the brief changed.
        quote: String,
    },
    /// The annotation with this id.
    Existing {
        /// The annotation's id.
        id: String,
    },
}

/// A note not yet saved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Draft {
    /// The brief's key.
    pub brief: String,
    /// What the note is on.
    pub target: DraftFor,
    /// The text typed so far.
    pub text: String,
}

/// The draft file this process keeps next to the notes file `notes`.
pub fn draft_path(notes: &Path) -> PathBuf {
    sibling(notes, &format!(".draft-{}", std::process::id()))
}

/// Drafts next to `notes` left by windows that are no longer running, newest first.
pub fn left_behind(notes: &Path) -> Vec<PathBuf> {
    let Some(name) = notes.file_name().and_then(|n| n.to_str()) else {
        return Vec::new();
    };
    let prefix = format!("{name}.draft-");
    let Ok(entries) = fs::read_dir(super::store::parent_dir(notes)) else {
        return Vec::new();
    };
    let mut found: Vec<(std::time::SystemTime, PathBuf)> = entries
        .flatten()
        .filter_map(|e| {
            let file = e.file_name();
            let pid: u32 = file.to_str()?.strip_prefix(&prefix)?.parse().ok()?;
            let meta = e.metadata().ok().filter(|m| m.is_file())?;
            let taken = pid == std::process::id() || running(pid);
            (!taken).then(|| (meta.modified().unwrap_or(std::time::UNIX_EPOCH), e.path()))
        })
        .collect();
    found.sort_by_key(|f| std::cmp::Reverse(f.0));
    found.into_iter().map(|(_, p)| p).collect()
}

/// Whether process `pid` is running (Linux); elsewhere every draft counts as left behind.
fn running(pid: u32) -> bool {
    Path::new("/proc").join(pid.to_string()).exists()
}

/// Replace the draft file at `path` with `draft`.
pub fn write(path: &Path, draft: &Draft) -> io::Result<()> {
    let bytes = serde_json::to_vec(draft).map_err(io::Error::other)?;
    let dir = super::store::parent_dir(path);
    let mut tmp = tempfile::Builder::new()
        .prefix(".draft-")
        .tempfile_in(&dir)?;
    tmp.write_all(&bytes)?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// The draft at `path` for brief `brief`, if there is a readable one; its text sanitised.
pub fn read(path: &Path, brief: &str) -> Option<Draft> {
    let bytes = fs::read(path).ok()?;
    let mut draft: Draft = serde_json::from_slice(&bytes).ok()?;
    if draft.brief != brief {
        return None;
    }
    draft.text = sanitize(&draft.text);
    if let DraftFor::New { quote, .. } = &mut draft.target {
        *quote = sanitize(quote);
    }
    Some(draft)
}

/// Remove the draft file, if any (the note was saved or discarded on purpose).
pub fn remove(path: &Path) -> io::Result<()> {
    match fs::remove_file(path) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft(text: &str) -> Draft {
        Draft {
            brief: "k".into(),
            target: DraftFor::Existing { id: "a".into() },
            text: text.into(),
        }
    }

    #[test]
    fn written_draft_reads_back_sanitised_for_its_brief_only() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("k.json.draft-1");
        write(&path, &draft("메모\u{1b}]52;c;x\u{7}끝")).unwrap();
        assert_eq!(read(&path, "k").unwrap().text, "메모끝");
        assert!(read(&path, "other").is_none());
        remove(&path).unwrap();
        assert!(!path.exists());
        remove(&path).unwrap();
    }

    #[test]
    fn drafts_of_ended_windows_are_found_newest_first_and_own_is_not() {
        let dir = tempfile::tempdir().unwrap();
        let notes = dir.path().join("k.json");
        // Process ids above the kernel's pid_max (4194304) are never running.
        let old = dir.path().join("k.json.draft-4294967001");
        let new = dir.path().join("k.json.draft-4294967002");
        write(&old, &draft("old")).unwrap();
        write(&new, &draft("new")).unwrap();
        let t = std::time::SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(1);
        fs::File::options()
            .write(true)
            .open(&old)
            .unwrap()
            .set_modified(t)
            .unwrap();
        write(&draft_path(&notes), &draft("mine")).unwrap();
        fs::write(dir.path().join("k.json.draft-x"), "junk").unwrap();
        assert_eq!(left_behind(&notes), vec![new, old]);
    }
}
