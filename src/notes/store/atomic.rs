//! Replacing a file so that a crash at any moment leaves either the old or the new version,
//! and keeping the last few good versions as backups.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use super::StoreError;
use super::fs::Fs;
use super::paths::{parent_dir, sibling};

/// How many backups are kept: `<path>.bak`, `<path>.bak.1`, `<path>.bak.2`.
pub(crate) const BACKUPS: usize = 3;

/// A backup this old is kept (shifted to `.bak.1`) rather than overwritten.
const BACKUP_AGE: Duration = Duration::from_secs(3600);

/// The file a write to `path` lands in: `path` itself, or the target of a symlink at `path`,
/// so a notes file linked into a synced folder stays a link and the sync keeps working.
pub(crate) fn write_target(path: &Path) -> PathBuf {
    if !fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) {
        return path.to_path_buf();
    }
    fs::canonicalize(path)
        .or_else(|_| fs::read_link(path).map(|t| parent_dir(path).join(t)))
        .unwrap_or_else(|_| path.to_path_buf())
}

/// Replace `path` (or its symlink's target) with `bytes`: a new temporary file in the same
/// folder, fsynced, renamed over the file, then the folder fsynced.
///
/// On error the previous file is untouched and the temporary file is removed.
pub(crate) fn replace(fs: &dyn Fs, path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    let target = write_target(path);
    let dir = parent_dir(&target);
    let temp = fs
        .write_temp(&dir, bytes)
        .map_err(|e| write_error(&dir, e))?;
    fs.persist(temp, &target)
        .map_err(|e| write_error(&target, e))?;
    fs.sync_dir(&dir).map_err(|e| write_error(&dir, e))
}

fn write_error(path: &Path, source: io::Error) -> StoreError {
    StoreError::Write {
        path: path.to_path_buf(),
        source,
    }
}

/// Remove temporary files a killed writer left in `dir` more than an hour ago (a live writer's
/// temporary file exists for milliseconds). Only regular files named like ours are touched.
pub(crate) fn sweep_temps(dir: &Path) {
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let name = e.file_name();
        let name = name.to_string_lossy();
        if !(name.starts_with(".brief-") && name.ends_with(".tmp")) {
            continue;
        }
        let stale = fs::symlink_metadata(e.path()).is_ok_and(|m| {
            m.is_file()
                && m.modified().is_ok_and(|t| {
                    SystemTime::now().duration_since(t).unwrap_or_default() > BACKUP_AGE
                })
        });
        if stale {
            let _ = fs::remove_file(e.path());
        }
    }
}

/// The backups of `path`, newest first.
pub(crate) fn backups(path: &Path) -> Vec<PathBuf> {
    (0..BACKUPS)
        .map(|n| match n {
            0 => sibling(path, ".bak"),
            n => sibling(path, &format!(".bak.{n}")),
        })
        .collect()
}

/// Keep `good` (the current file's bytes, holding `count` notes) as `<path>.bak`, best effort:
/// a backup only matters if the main file is later damaged, so failing to refresh it must not
/// stop a save. An older backup is shifted down (not overwritten) when it holds more notes than
/// `good` or is older than an hour, so a save that drops notes never costs the last good copy.
pub(crate) fn keep_backup(fs: &dyn Fs, path: &Path, good: &[u8], count: usize) {
    let names = backups(path);
    let newest = &names[0];
    let previous = fs.read(newest).ok();
    if previous.as_deref() == Some(good) {
        return;
    }
    let older_or_fuller = previous.as_deref().is_some_and(|bytes| {
        let old = fs::metadata(newest).and_then(|m| m.modified());
        let aged =
            old.is_ok_and(|t| SystemTime::now().duration_since(t).unwrap_or_default() > BACKUP_AGE);
        aged || super::count_notes(bytes).is_some_and(|n| n > count)
    });
    if older_or_fuller {
        for pair in names.windows(2).rev() {
            if fs::symlink_metadata(&pair[0]).is_ok() {
                let _ = fs.rename(&pair[0], &pair[1]);
            }
        }
    }
    let dir = parent_dir(newest);
    if let Ok(temp) = fs.write_temp(&dir, good) {
        let _ = fs.persist(temp, newest);
    }
}
