//! Reading a file named on the command line: regular files only (a FIFO, a
//! device or a folder is refused before it is opened, so nothing hangs),
//! within a size limit, and a progress line for a slow import.

use std::fs::File;
use std::io::{Read, Write};
use std::path::Path;
use std::sync::mpsc::{self, RecvTimeoutError};
use std::time::{Duration, Instant};

use crate::brief::{LoadError, Msg, Problem};
use crate::i18n::text;

/// The default size limit. A brief is tens of kilobytes; this is far above any.
pub const DEFAULT_LIMIT_MB: u64 = 16;
/// The environment variable that raises (or lowers) the limit, in megabytes.
pub const LIMIT_VAR: &str = "BRIEF_MAX_MB";
/// How long an import runs before the command line hears about it.
pub const PROGRESS_AFTER: Duration = Duration::from_secs(1);

const MB: u64 = 1024 * 1024;

/// The size limit in bytes: `$BRIEF_MAX_MB` megabytes, or the default.
pub fn limit() -> u64 {
    std::env::var(LIMIT_VAR)
        .ok()
        .and_then(|v| v.trim().parse::<u64>().ok())
        .filter(|mb| *mb > 0)
        .unwrap_or(DEFAULT_LIMIT_MB)
        .saturating_mul(MB)
}

fn problem(path: &Path, message: Msg, hint: Msg) -> LoadError {
    let name = crate::text::sanitize_line(&path.display().to_string());
    LoadError::one(Problem::at(&name, None, None, message, hint))
}

/// What a path is when it is not a regular file.
fn kind(meta: &std::fs::Metadata) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    let t = meta.file_type();
    if t.is_dir() {
        "cli.kind_folder"
    } else if t.is_fifo() {
        "cli.kind_fifo"
    } else if t.is_char_device() || t.is_block_device() {
        "cli.kind_device"
    } else if t.is_socket() {
        "cli.kind_socket"
    } else {
        "cli.kind_other"
    }
}

/// Read a regular file of at most `limit` bytes.
pub fn read(path: &Path, limit: u64) -> Result<Vec<u8>, LoadError> {
    let cannot = |e: std::io::Error| {
        problem(
            path,
            Msg::new("cli.input_unreadable").io_reason("error", &e),
            Msg::new("cli.input_unreadable_hint"),
        )
    };
    // Metadata first: opening a FIFO with no writer would block forever.
    let meta = std::fs::metadata(path).map_err(cannot)?;
    if !meta.is_file() {
        return Err(problem(
            path,
            Msg::new("cli.input_not_file").keys("kind", &[kind(&meta)]),
            Msg::new("cli.input_not_file_hint"),
        ));
    }
    let too_big = |size: u64| {
        let message = Msg::new("cli.input_too_big")
            .arg("size", format!("{:.1}", size as f64 / MB as f64))
            .arg("limit", limit / MB);
        let hint = Msg::new("cli.input_too_big_hint").arg("var", LIMIT_VAR);
        problem(path, message, hint)
    };
    if meta.len() > limit {
        return Err(too_big(meta.len()));
    }
    // The file may grow between the check and the read: read one byte more
    // than allowed, never the whole of it.
    let mut bytes = Vec::new();
    File::open(path)
        .and_then(|f| f.take(limit + 1).read_to_end(&mut bytes))
        .map_err(cannot)?;
    if bytes.len() as u64 > limit {
        return Err(too_big(bytes.len() as u64));
    }
    Ok(bytes)
}

/// Run `work`; if it takes longer than `after`, say so on `out`, and again
/// every few seconds until it is done.
pub fn with_progress<T>(
    what: &str,
    after: Duration,
    out: impl Write + Send,
    work: impl FnOnce() -> T,
) -> T {
    let (done, finished) = mpsc::channel::<()>();
    std::thread::scope(|scope| {
        scope.spawn(move || report_until(what, after, out, &finished));
        let result = work();
        drop(done);
        result
    })
}

fn report_until(what: &str, after: Duration, mut out: impl Write, finished: &mpsc::Receiver<()>) {
    let start = Instant::now();
    let mut wait = after;
    let mut said = false;
    while let Err(RecvTimeoutError::Timeout) = finished.recv_timeout(wait) {
        let secs = start.elapsed().as_secs();
        let line = text("cli.progress", &[("what", &what), ("secs", &secs)]);
        say(&mut out, &format!("{line}\n"));
        said = true;
        wait = Duration::from_secs(5);
    }
    if said {
        let secs = start.elapsed().as_secs_f64();
        let secs = format!("{secs:.1}");
        let line = text("cli.progress_done", &[("what", &what), ("secs", &secs)]);
        say(&mut out, &format!("{line}\n"));
    }
}

/// One whole line at a time, so that lines from elsewhere do not cut into it.
fn say(out: &mut impl Write, line: &str) {
    let _ = out.write_all(line.as_bytes());
    let _ = out.flush();
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A writer that hands each write to a channel.
    struct Sent(mpsc::Sender<String>);

    impl Write for Sent {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            let _ = self.0.send(String::from_utf8_lossy(buf).into_owned());
            Ok(buf.len())
        }
        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn slow_work_reports_progress_and_completion() {
        let (tx, rx) = mpsc::channel();
        let value = with_progress("importing x.txt", Duration::ZERO, Sent(tx), || {
            // The work lasts until the progress line has been written.
            rx.recv_timeout(Duration::from_secs(10)).ok()
        });
        let first = value.expect("a progress line while working");
        assert!(first.starts_with("brief: importing x.txt…"), "{first}");
    }

    #[test]
    fn quick_work_says_nothing() {
        let (tx, rx) = mpsc::channel();
        let value = with_progress("importing", Duration::from_secs(3600), Sent(tx), || 7);
        assert_eq!(value, 7);
        assert!(rx.try_recv().is_err(), "no progress for quick work");
    }
}
