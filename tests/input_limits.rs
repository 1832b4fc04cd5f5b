//! Only regular files of a sane size are read: a device, a FIFO or a folder
//! gets one clear line and exit 2 at once (never a hang), a huge file is
//! refused with the way to raise the limit.

use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

/// Run `brief ARGS`; a run that does not end in 10 s is a hang and fails.
fn brief(args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_brief"))
        .args(args)
        .envs(env.iter().copied())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("brief runs");
    let start = Instant::now();
    while child.try_wait().expect("wait").is_none() {
        if start.elapsed() > Duration::from_secs(10) {
            let _ = child.kill();
            panic!("brief {args:?} hung");
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    child.wait_with_output().expect("output")
}

fn refused(out: &Output, says: &str) {
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "exit 2; stderr: {err}");
    assert_eq!(err.lines().count(), 1, "one line: {err}");
    assert!(err.contains(says), "«{says}» in: {err}");
    assert!(out.stdout.is_empty());
}

#[test]
fn a_device_is_refused() {
    for cmd in [
        &["check", "/dev/zero"][..],
        &["dump", "/dev/zero"],
        &["/dev/zero"],
    ] {
        refused(&brief(cmd, &[]), "this is a device, not a file");
    }
}

#[test]
fn a_fifo_without_a_writer_is_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    let fifo = dir.path().join("pipe");
    let made = Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
    let path = fifo.display().to_string();
    refused(&brief(&["check", &path], &[]), "FIFO");
    refused(&brief(&["search", &path, "북러"], &[]), "FIFO");
}

#[test]
fn a_folder_is_refused() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().display().to_string();
    refused(
        &brief(&["check", &path], &[]),
        "this is a folder, not a file",
    );
    refused(&brief(&["check", "--overlay", &path], &[]), "folder");
}

fn big_file(dir: &Path, mb: usize) -> String {
    let path = dir.join("big.txt");
    std::fs::write(&path, "가".repeat(mb * 1024 * 1024 / 3 + 10)).expect("write");
    path.display().to_string()
}

#[test]
fn a_file_over_the_limit_is_refused_with_the_way_to_raise_it() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = big_file(dir.path(), 2);
    let out = brief(&["check", &path], &[("BRIEF_MAX_MB", "1")]);
    refused(&out, "more than the 1 MB a brief may be");
    refused(&out, "set BRIEF_MAX_MB");
    // Raised, the same file is read: a readable text opens, with warnings
    // (no header, no headings) on stdout and exit code 1.
    let out = brief(&["check", &path], &[("BRIEF_MAX_MB", "3")]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(!err.contains("BRIEF_MAX_MB"), "{err}");
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("warning: "),
        "{err}"
    );
}

#[test]
fn the_default_limit_stands_far_above_a_brief() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = big_file(dir.path(), 17);
    refused(&brief(&["check", &path], &[]), "more than the 16 MB");
    let seed = concat!(env!("CARGO_MANIFEST_DIR"), "/content/brief.txt");
    let out = brief(&["check", seed], &[]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}
