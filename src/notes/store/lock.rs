//! The lock that serialises saves between windows: `<notes>.lock`, held only while a save
//! re-reads, merges and writes. The lock file is never followed through a symlink and never
//! deleted (deleting lock files races).

use std::fs::{File, OpenOptions, TryLockError};
use std::io;
use std::path::Path;
use std::time::{Duration, Instant};

/// How long a save waits for another window's save to finish.
const WAIT: Duration = Duration::from_secs(3);

/// Open the lock file, creating it if needed, refusing a symlink in its place.
pub(crate) fn open(lock_path: &Path) -> io::Result<File> {
    let mut options = OpenOptions::new();
    options.create(true).truncate(false).write(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NOFOLLOW).mode(0o600);
    }
    options.open(lock_path)
}

/// Take the lock, waiting up to a few seconds for another window's save.
/// `Ok(None)` when the file system has no locks (the save goes ahead, unprotected).
pub(crate) fn take(lock_path: &Path) -> io::Result<Option<File>> {
    let file = open(lock_path)?;
    let deadline = Instant::now() + WAIT;
    loop {
        match file.try_lock() {
            Ok(()) => return Ok(Some(file)),
            Err(TryLockError::Error(e)) if e.kind() == io::ErrorKind::Unsupported => {
                return Ok(None);
            }
            Err(TryLockError::Error(e)) => return Err(e),
            Err(TryLockError::WouldBlock) if Instant::now() >= deadline => {
                return Err(io::Error::from(io::ErrorKind::WouldBlock));
            }
            Err(TryLockError::WouldBlock) => std::thread::sleep(Duration::from_millis(10)),
        }
    }
}
