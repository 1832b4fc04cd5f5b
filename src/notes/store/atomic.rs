//! Replacing a file so that a crash at any moment leaves either the old or the new version.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::Path;

use super::StoreError;
use super::paths::{parent_dir, sibling};

/// Replace `path` with `bytes`: write `<path>.tmp`, fsync it, keep the current file as
/// `<path>.bak`, rename the temporary file over `path`, fsync the folder.
///
/// On error the previous `path` is untouched and the temporary file is removed.
pub(crate) fn replace(path: &Path, bytes: &[u8]) -> Result<(), StoreError> {
    let tmp = sibling(path, ".tmp");
    if let Err(e) = write_synced(&tmp, bytes) {
        remove_tmp(&tmp);
        return Err(write_error(&tmp, e));
    }
    keep_backup(path);
    if let Err(e) = fs::rename(&tmp, path) {
        remove_tmp(&tmp);
        return Err(write_error(path, e));
    }
    let dir = parent_dir(path);
    sync_dir(&dir).map_err(|e| write_error(&dir, e))
}

fn write_error(path: &Path, source: io::Error) -> StoreError {
    StoreError::Write {
        path: path.to_path_buf(),
        source,
    }
}

fn write_synced(tmp: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut file = OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .open(tmp)?;
    file.write_all(bytes)?;
    file.sync_all()
}

fn remove_tmp(tmp: &Path) {
    // Only a regular file we may have created is removed; anything else is not ours to delete.
    if fs::symlink_metadata(tmp).is_ok_and(|m| m.is_file()) {
        let _ = fs::remove_file(tmp);
    }
}

/// Keep the current file as `<path>.bak`, best effort: the backup only matters if the main file
/// is later damaged, so failing to refresh it must not stop a save.
///
/// A hard link costs no copy and is safe because `path` is only ever replaced by rename, never
/// rewritten in place; file systems without hard links get a copy.
fn keep_backup(path: &Path) {
    if !fs::symlink_metadata(path).is_ok_and(|m| m.is_file()) {
        return;
    }
    let bak = sibling(path, ".bak");
    let staged = sibling(path, ".bak.tmp");
    let _ = fs::remove_file(&staged);
    let staged_ok = fs::hard_link(path, &staged).is_ok() || fs::copy(path, &staged).is_ok();
    if staged_ok && fs::rename(&staged, &bak).is_err() {
        let _ = fs::remove_file(&staged);
    }
}

/// Make the rename durable by syncing the folder that holds it.
fn sync_dir(dir: &Path) -> io::Result<()> {
    if cfg!(unix) {
        File::open(dir)?.sync_all()
    } else {
        Ok(())
    }
}
