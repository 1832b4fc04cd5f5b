//! The harness of the end-to-end tests: the real binary in a private tmux
//! server, driven by `send-keys` and read back with `capture-pane`. Every
//! wait is for a condition, bounded in time.
//!
//! Without tmux these tests are ignored with the reason (see `build.rs`),
//! except under `CI=true`, where they run and fail.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

/// How long any condition may take to come true.
pub const PATIENCE: Duration = Duration::from_secs(10);
/// How often a condition is looked at again.
const POLL: Duration = Duration::from_millis(20);

/// A tmux server of its own, with one session `e2e`.
pub struct Tmux {
    socket: String,
    pub data: PathBuf,
    owned: Option<tempfile::TempDir>,
    /// Where the shell that runs the reader writes its exit status (tmux
    /// does not always reap a pane's program in time to report it).
    status: Option<tempfile::TempDir>,
}

static RUNS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

/// The binary under test.
pub fn bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_brief"))
}

impl Tmux {
    /// The reader on the built-in brief, with a data folder of its own.
    pub fn start(width: u16, height: u16) -> Tmux {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut t = Tmux::start_in(width, height, dir.path());
        t.owned = Some(dir);
        t
    }

    /// The reader, keeping its data in `data`.
    pub fn start_in(width: u16, height: u16, data: &Path) -> Tmux {
        Tmux::start_term(width, height, data, "xterm-256color")
    }

    /// The reader under a given `TERM`.
    pub fn start_term(width: u16, height: u16, data: &Path, term: &str) -> Tmux {
        let status = tempfile::tempdir().expect("temp dir");
        let cmd = format!(
            "sh -c 'env LC_ALL=C.UTF-8 BRIEF_DATA_DIR={} TERM={term} {}; echo $? > {}/status'",
            data.display(),
            bin().display(),
            status.path().display()
        );
        let mut t = Tmux::session(width, height, data, &cmd);
        t.status = Some(status);
        t
    }

    /// The reader started in the folder `cwd`, where the relative paths it writes land.
    pub fn start_at(width: u16, height: u16, data: &Path, cwd: &Path) -> Tmux {
        let status = tempfile::tempdir().expect("temp dir");
        let cmd = format!(
            "sh -c 'cd {} && env LC_ALL=C.UTF-8 BRIEF_DATA_DIR={} TERM=xterm-256color {}; echo $? > {}/status'",
            cwd.display(),
            data.display(),
            bin().display(),
            status.path().display()
        );
        let mut t = Tmux::session(width, height, data, &cmd);
        t.status = Some(status);
        t
    }

    /// An interactive shell with a `shell$ ` prompt, to run the reader under job control.
    pub fn shell(width: u16, height: u16) -> Tmux {
        let dir = tempfile::tempdir().expect("temp dir");
        let cmd = format!(
            "env -i PATH=/usr/bin:/bin HOME={dir} BRIEF_DATA_DIR={dir} TERM=xterm-256color PS1='shell$ ' bash --norc --noprofile -i",
            dir = dir.path().display()
        );
        let mut t = Tmux::session(width, height, dir.path(), &cmd);
        t.owned = Some(dir);
        t
    }

    fn session(width: u16, height: u16, data: &Path, cmd: &str) -> Tmux {
        let run = RUNS.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        let t = Tmux {
            socket: format!("brief-e2e-{}-{run}", std::process::id()),
            data: data.to_path_buf(),
            owned: None,
            status: None,
        };
        let (w, h) = (width.to_string(), height.to_string());
        t.tmux(&["new-session", "-d", "-s", "e2e", "-x", &w, "-y", &h, cmd]);
        t.tmux(&["set-option", "-t", "e2e", "remain-on-exit", "on"]);
        t
    }

    /// Run a tmux command on this server; its standard output.
    pub fn tmux(&self, args: &[&str]) -> String {
        let out = Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .output()
            .expect("tmux runs (install it, or see build.rs)");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Send keys, each a tmux key name.
    pub fn keys(&self, keys: &[&str]) {
        for k in keys {
            self.tmux(&["send-keys", "-t", "e2e", k]);
        }
    }

    /// Type text literally.
    pub fn type_text(&self, text: &str) {
        self.tmux(&["send-keys", "-t", "e2e", "-l", text]);
    }

    /// The visible screen.
    pub fn screen(&self) -> String {
        self.tmux(&["capture-pane", "-p", "-t", "e2e"])
    }

    /// A pane format variable, such as `alternate_on`.
    pub fn format(&self, name: &str) -> String {
        let spec = format!("#{{{name}}}");
        self.tmux(&["display-message", "-p", "-t", "e2e", &spec])
            .trim()
            .to_string()
    }

    /// Wait until `ok` holds for the screen; the screen it held for.
    pub fn wait_until(&self, what: &str, ok: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let s = self.screen();
            if ok(&s) {
                return s;
            }
            assert!(
                start.elapsed() < PATIENCE,
                "waited for {what}; screen:\n{s}"
            );
            std::thread::sleep(POLL);
        }
    }

    /// Wait until the screen shows every one of `texts`.
    pub fn wait_all(&self, texts: &[&str]) -> String {
        self.wait_until(&format!("{texts:?}"), |s| {
            texts.iter().all(|t| s.contains(t))
        })
    }

    /// Wait until the screen shows `text`.
    pub fn wait_for(&self, text: &str) -> String {
        self.wait_all(&[text])
    }

    /// Wait until `text` is gone from the screen.
    pub fn wait_without(&self, text: &str) -> String {
        self.wait_until(&format!("«{text}» to go"), |s| !s.contains(text))
    }

    /// Wait until a pane format variable has a value.
    pub fn wait_format(&self, name: &str, value: &str) {
        let start = Instant::now();
        loop {
            let v = self.format(name);
            if v == value {
                return;
            }
            assert!(
                start.elapsed() < PATIENCE,
                "waited for {name} = {value}, still {v}; screen:\n{}",
                self.screen()
            );
            std::thread::sleep(POLL);
        }
    }

    /// Whether the pane's program has ended.
    pub fn dead(&self) -> bool {
        self.format("pane_dead") == "1"
    }

    /// Wait until the pane's program has ended.
    pub fn wait_dead(&self) {
        self.wait_format("pane_dead", "1");
    }

    /// Wait until the pane's program has exited; its exit status. (tmux
    /// learns it when it reaps the process, which can come after it sees
    /// the pane's output close.)
    pub fn exit_status(&self) -> String {
        if let Some(dir) = &self.status {
            let file = dir.path().join("status");
            let start = Instant::now();
            loop {
                let status = std::fs::read_to_string(&file).unwrap_or_default();
                if status.ends_with('\n') {
                    return status.trim().to_string();
                }
                assert!(start.elapsed() < PATIENCE, "no exit status");
                std::thread::sleep(POLL);
            }
        }
        self.wait_dead();
        let start = Instant::now();
        loop {
            let status = self.format("pane_dead_status");
            if !status.is_empty() {
                return status;
            }
            assert!(start.elapsed() < PATIENCE, "no exit status");
            std::thread::sleep(POLL);
        }
    }

    /// The process id of the pane's program.
    pub fn pid(&self) -> String {
        let pane = self.format("pane_pid");
        if self.status.is_none() {
            return pane;
        }
        // The reader runs under the `sh` that records its status.
        let start = Instant::now();
        loop {
            let children = std::fs::read_to_string(format!("/proc/{pane}/task/{pane}/children"))
                .unwrap_or_default();
            if let Some(child) = children.split_whitespace().next() {
                return child.to_string();
            }
            assert!(
                start.elapsed() < PATIENCE,
                "the reader never started under {pane}"
            );
            std::thread::sleep(POLL);
        }
    }

    /// Send a signal (`TERM`, `INT`, ...) to a process.
    pub fn signal(pid: &str, name: &str) {
        let ok = Command::new("kill")
            .args([&format!("-{name}"), pid])
            .status()
            .is_ok_and(|s| s.success());
        assert!(ok, "kill -{name} {pid}");
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        self.tmux(&["kill-server"]);
    }
}

/// The children of a process, from /proc.
pub fn children(pid: &str) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir("/proc") else {
        return Vec::new();
    };
    entries
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let stat = std::fs::read_to_string(e.path().join("stat")).ok()?;
            // pid (comm) state ppid ...: comm may hold spaces, so split after ')'.
            let rest = stat.rsplit_once(')')?.1;
            let ppid = rest.split_whitespace().nth(1)?;
            (ppid == pid).then(|| e.file_name().to_string_lossy().into_owned())
        })
        .collect()
}

/// Fail if any row of the screen is wider or there are more rows than the terminal.
pub fn assert_fits(screen: &str, width: usize, height: usize) {
    assert!(
        fits(screen, width, height),
        "screen larger than {width}x{height}:\n{screen}"
    );
}

/// Whether the screen fits a terminal of `width` x `height`.
pub fn fits(screen: &str, width: usize, height: usize) -> bool {
    let lines: Vec<&str> = screen.lines().collect();
    lines.len() <= height && lines.iter().all(|l| brief::text::str_width(l) <= width)
}
