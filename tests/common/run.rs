//! The real binary run once, with its exit code and output; small files to give it.

use std::path::{Path, PathBuf};
use std::process::Command;

/// What a run of the binary left: its exit code, stdout and stderr.
pub struct Run {
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

/// The binary with `args` in `locale`, with no config file and no import cache of the user's.
pub fn brief_in(locale: &str, args: &[&str]) -> Run {
    let out = Command::new(env!("CARGO_BIN_EXE_brief"))
        .args(args)
        .env("LC_ALL", locale)
        .env("XDG_CONFIG_HOME", "/nonexistent/brief-tests")
        .env("BRIEF_CACHE_DIR", "")
        .output()
        .expect("the brief binary runs");
    Run {
        code: out.status.code(),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// `bytes` written to `dir/name`.
pub fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("write a test file");
    path
}

/// A temp path as an argument.
pub fn s(path: &Path) -> &str {
    path.to_str().expect("a UTF-8 temp path")
}
