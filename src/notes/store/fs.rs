//! The file-system operations the store needs, behind a trait so that full disks, read-only
//! disks and failing renames or fsyncs can be tested on every run ([`FaultyFs`]).

use std::fmt;
use std::fs::{self, File};
use std::io::{self, Write};
use std::path::Path;
use std::sync::Mutex;

use tempfile::TempPath;

/// What the store does to files. [`RealFs`] is the file system; [`FaultyFs`] fails on purpose.
pub trait Fs: fmt::Debug + Send + Sync {
    /// Create a new file in `dir` (exclusively: never an existing file, never through a
    /// symlink), write `bytes`, fsync it. The file is deleted if the returned path is dropped.
    fn write_temp(&self, dir: &Path, bytes: &[u8]) -> io::Result<TempPath>;
    /// Rename `temp` over `to`.
    fn persist(&self, temp: TempPath, to: &Path) -> io::Result<()>;
    /// Make renames in `dir` durable.
    fn sync_dir(&self, dir: &Path) -> io::Result<()>;
    /// Read a whole file.
    fn read(&self, path: &Path) -> io::Result<Vec<u8>>;
    /// Rename a file (moving a damaged file aside, rotating backups).
    fn rename(&self, from: &Path, to: &Path) -> io::Result<()>;
}

/// The real file system.
#[derive(Debug, Default, Clone, Copy)]
pub struct RealFs;

impl Fs for RealFs {
    fn write_temp(&self, dir: &Path, bytes: &[u8]) -> io::Result<TempPath> {
        let mut file = tempfile::Builder::new()
            .prefix(".brief-")
            .suffix(".tmp")
            .tempfile_in(dir)?;
        file.write_all(bytes)?;
        file.as_file().sync_all()?;
        Ok(file.into_temp_path())
    }

    fn persist(&self, temp: TempPath, to: &Path) -> io::Result<()> {
        temp.persist(to).map_err(|e| e.error)
    }

    fn sync_dir(&self, dir: &Path) -> io::Result<()> {
        if cfg!(unix) {
            File::open(dir)?.sync_all()
        } else {
            Ok(())
        }
    }

    fn read(&self, path: &Path) -> io::Result<Vec<u8>> {
        fs::read(path)
    }

    fn rename(&self, from: &Path, to: &Path) -> io::Result<()> {
        fs::rename(from, to)
    }
}

/// A storage failure that [`FaultyFs`] plays.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fault {
    /// Writing fails: no space left on the device.
    DiskFull,
    /// Every change fails: the file system is mounted read-only.
    ReadOnly,
    /// Renames fail (writing works).
    Rename,
    /// fsync fails after the data was written.
    Fsync,
}

/// The real file system with one [`Fault`] switched on or off at any time.
#[derive(Debug, Default)]
pub struct FaultyFs {
    fault: Mutex<Option<Fault>>,
}

impl FaultyFs {
    /// Play `fault` from now on (`None`: behave like the real file system).
    pub fn set(&self, fault: Option<Fault>) {
        if let Ok(mut f) = self.fault.lock() {
            *f = fault;
        }
    }

    fn fails(&self, faults: &[Fault]) -> Option<io::Error> {
        let fault = (*self.fault.lock().ok()?)?;
        faults.contains(&fault).then(|| match fault {
            Fault::DiskFull => io::Error::from(io::ErrorKind::StorageFull),
            Fault::ReadOnly => io::Error::from(io::ErrorKind::ReadOnlyFilesystem),
            Fault::Rename => io::Error::other("rename failed"),
            Fault::Fsync => io::Error::other("fsync failed: input/output error"),
        })
    }
}

impl Fs for FaultyFs {
    fn write_temp(&self, dir: &Path, bytes: &[u8]) -> io::Result<TempPath> {
        if let Some(e) = self.fails(&[Fault::DiskFull, Fault::ReadOnly]) {
            return Err(e);
        }
        let temp = RealFs.write_temp(dir, bytes)?;
        match self.fails(&[Fault::Fsync]) {
            Some(e) => Err(e),
            None => Ok(temp),
        }
    }

    fn persist(&self, temp: TempPath, to: &Path) -> io::Result<()> {
        match self.fails(&[Fault::ReadOnly, Fault::Rename]) {
            Some(e) => Err(e),
            None => RealFs.persist(temp, to),
        }
    }

    fn sync_dir(&self, dir: &Path) -> io::Result<()> {
        RealFs.sync_dir(dir)
    }

    fn read(&self, path: &Path) -> io::Result<Vec<u8>> {
        RealFs.read(path)
    }

    fn rename(&self, from: &Path, to: &Path) -> io::Result<()> {
        match self.fails(&[Fault::ReadOnly, Fault::Rename]) {
            Some(e) => Err(e),
            None => RealFs.rename(from, to),
        }
    }
}
