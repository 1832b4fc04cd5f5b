//! The real binary in tmux: open, follow a footnote, search, go back,
//! help, resize, quit to a clean pane. Skipped (loudly) without tmux,
//! except in CI where tmux is required.

use std::path::PathBuf;
use std::process::Command;
use std::thread::sleep;
use std::time::{Duration, Instant};

struct Tmux {
    socket: String,
    data: PathBuf,
    _owned: Option<tempfile::TempDir>,
}

static RUNS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

impl Tmux {
    fn start(width: u16, height: u16) -> Option<Tmux> {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut t = Tmux::start_in(width, height, dir.path())?;
        t._owned = Some(dir);
        Some(t)
    }

    fn start_in(width: u16, height: u16, data: &std::path::Path) -> Option<Tmux> {
        Tmux::start_term(width, height, data, "xterm-256color")
    }

    fn start_term(width: u16, height: u16, data: &std::path::Path, term: &str) -> Option<Tmux> {
        if Command::new("tmux").arg("-V").output().is_err() {
            assert!(
                std::env::var("CI").as_deref() != Ok("true"),
                "tmux is required in CI (.ci/run installs it)"
            );
            eprintln!("skipped: tmux is not installed");
            return None;
        }
        let run = RUNS.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        let socket = format!("brief-e2e-{}-{run}", std::process::id());
        let t = Tmux {
            socket,
            data: data.to_path_buf(),
            _owned: None,
        };
        let bin = PathBuf::from(env!("CARGO_BIN_EXE_brief"));
        let cmd = format!(
            "env BRIEF_DATA_DIR={} TERM={term} {}",
            t.data.display(),
            bin.display()
        );
        let (w, h) = (width.to_string(), height.to_string());
        t.tmux(&["new-session", "-d", "-s", "e2e", "-x", &w, "-y", &h, &cmd]);
        t.tmux(&["set-option", "-t", "e2e", "remain-on-exit", "on"]);
        Some(t)
    }

    fn tmux(&self, args: &[&str]) -> String {
        let out = Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .output()
            .expect("tmux runs");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    fn keys(&self, keys: &[&str]) {
        for k in keys {
            self.tmux(&["send-keys", "-t", "e2e", k]);
        }
    }

    fn screen(&self) -> String {
        self.tmux(&["capture-pane", "-p", "-t", "e2e"])
    }

    /// Wait until the screen shows every one of `texts` (or fail with the screen).
    fn wait_all(&self, texts: &[&str]) -> String {
        let start = Instant::now();
        loop {
            let s = self.screen();
            if texts.iter().all(|t| s.contains(t)) {
                return s;
            }
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "waited for {texts:?}; screen:\n{s}"
            );
            sleep(Duration::from_millis(50));
        }
    }

    fn wait_for(&self, text: &str) -> String {
        self.wait_all(&[text])
    }

    fn wait_without(&self, text: &str) -> String {
        let start = Instant::now();
        loop {
            let s = self.screen();
            if !s.contains(text) {
                return s;
            }
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "waited for «{text}» to go; screen:\n{s}"
            );
            sleep(Duration::from_millis(50));
        }
    }

    fn dead(&self) -> bool {
        self.tmux(&["display-message", "-p", "-t", "e2e", "#{pane_dead}"])
            .trim()
            == "1"
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        self.tmux(&["kill-server"]);
    }
}

fn assert_fits(screen: &str, width: usize, height: usize) {
    let lines: Vec<&str> = screen.lines().collect();
    assert!(lines.len() <= height, "{} rows", lines.len());
    for l in lines {
        let w = brief::text::str_width(l);
        assert!(w <= width, "row wider than {width}: {w} «{l}»");
    }
}

fn key_flow(width: u16, height: u16) {
    key_flow_in(width, height, "xterm-256color");
}

fn key_flow_in(width: u16, height: u16, term: &str) {
    let dir = tempfile::tempdir().expect("temp dir");
    let Some(mut t) = Tmux::start_term(width, height, dir.path(), term) else {
        return;
    };
    t._owned = Some(dir);
    let s = t.wait_for("이슈브리프 No. 2025-09");
    assert_fits(&s, width as usize, height as usize);
    t.keys(&["]", "f", "Enter"]);
    t.wait_all(&["Footnote", "주 1", "Лавров заявил"]);
    t.keys(&["Escape"]);
    let before_search = t.wait_without("Footnote");
    let reader_row = |screen: &str| {
        screen
            .lines()
            .nth(3)
            .map(|l| l.to_string())
            .unwrap_or_default()
    };
    t.keys(&["/", "SWIFT"]);
    t.wait_for("/SWIFT 1/1");
    t.keys(&["Enter"]);
    t.wait_all(&["SWIFT에", "READ"]);
    t.keys(&["C-o"]);
    let s = t.wait_without("SWIFT에");
    assert_eq!(
        reader_row(&s),
        reader_row(&before_search),
        "Ctrl-o returns to where the search started"
    );
    t.keys(&["?"]);
    t.wait_for("Help");
    t.keys(&["Escape"]);
    t.wait_without("Help —");
    t.tmux(&["resize-window", "-t", "e2e", "-x", "80", "-y", "24"]);
    sleep(Duration::from_millis(300));
    let s = t.wait_for("READ");
    assert_fits(&s, 80, 24);
    t.tmux(&[
        "resize-window",
        "-t",
        "e2e",
        "-x",
        &width.to_string(),
        "-y",
        &height.to_string(),
    ]);
    sleep(Duration::from_millis(300));
    let s = t.wait_for("READ");
    assert_fits(&s, width as usize, height as usize);
    t.keys(&["q"]);
    let start = Instant::now();
    while !t.dead() {
        assert!(
            start.elapsed() < Duration::from_secs(5),
            "brief did not quit"
        );
        sleep(Duration::from_millis(50));
    }
    let s = t.screen();
    assert!(
        !s.contains("READ") && !s.contains("이슈브리프"),
        "the pane is clean after quit:\n{s}"
    );
    assert!(
        t.data.join("positions.json").exists(),
        "the reading position was saved"
    );
}

#[test]
fn key_flow_80x24() {
    key_flow(80, 24);
}

#[test]
fn key_flow_screen_256color_80x24() {
    key_flow_in(80, 24, "screen-256color");
}

#[test]
fn key_flow_120x40() {
    key_flow(120, 40);
}

#[test]
fn key_flow_200x50() {
    key_flow(200, 50);
}

#[test]
fn sigterm_restores_the_terminal() {
    let Some(t) = Tmux::start(100, 30) else {
        return;
    };
    t.wait_for("READ");
    let pid = t.tmux(&["display-message", "-p", "-t", "e2e", "#{pane_pid}"]);
    Command::new("kill")
        .args(["-TERM", pid.trim()])
        .status()
        .expect("kill");
    let start = Instant::now();
    while !t.dead() {
        assert!(
            start.elapsed() < Duration::from_secs(5),
            "brief did not stop on SIGTERM"
        );
        sleep(Duration::from_millis(50));
    }
    let s = t.screen();
    assert!(!s.contains("READ"), "the alternate screen was left:\n{s}");
}

fn notes_in(path: &std::path::Path) -> usize {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let v: serde_json::Value = serde_json::from_str(&text).unwrap_or_default();
    v["annotations"].as_array().map_or(0, Vec::len)
}

fn wait_dead(t: &Tmux) {
    let start = Instant::now();
    while !t.dead() {
        assert!(
            start.elapsed() < Duration::from_secs(5),
            "brief did not stop"
        );
        sleep(Duration::from_millis(50));
    }
}

#[test]
fn annotate_quit_kill_reopen_export() {
    let dir = tempfile::tempdir().expect("temp dir");
    let Some(t) = Tmux::start_in(120, 40, dir.path()) else {
        return;
    };
    let notes = dir.path().join("2025-09.json");
    t.wait_for("READ");
    t.keys(&["]", "f", "]", "f", "v", ")", "a"]);
    t.wait_for("Note — Ctrl-S");
    t.tmux(&["send-keys", "-t", "e2e", "-l", "정상회담 가능성 #정상회담"]);
    t.wait_for("#정상회담");
    t.keys(&["C-s"]);
    t.wait_without("Note — Ctrl-S");
    t.keys(&["q"]);
    wait_dead(&t);
    assert_eq!(notes_in(&notes), 1, "the note was saved");
    drop(t);

    // A second run: highlight, and be killed right after the save.
    let t = Tmux::start_in(120, 40, dir.path()).expect("tmux");
    t.wait_for("READ");
    t.keys(&["]", "f", "]", "f", "]", "f", "]", "f", "v", "w", "w", "H"]);
    let start = Instant::now();
    while notes_in(&notes) < 2 {
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "the highlight was not saved"
        );
        sleep(Duration::from_millis(20));
    }
    let pid = t.tmux(&["display-message", "-p", "-t", "e2e", "#{pane_pid}"]);
    Command::new("kill")
        .args(["-KILL", pid.trim()])
        .status()
        .expect("kill");
    wait_dead(&t);
    drop(t);

    // Reopen: both are there, in the text and in the Annotations tab.
    let t = Tmux::start_in(120, 40, dir.path()).expect("tmux");
    t.wait_for("READ");
    t.keys(&["Tab", "t", "t", "t"]);
    let s = t.wait_all(&["정상회담 가능성", "yellow"]);
    assert_eq!(
        s.matches("yellow").count(),
        2,
        "both annotations listed:\n{s}"
    );
    t.keys(&["q"]);
    wait_dead(&t);

    let out = Command::new(env!("CARGO_BIN_EXE_brief"))
        .args(["annotations", "export", "--format", "w3c"])
        .env("BRIEF_DATA_DIR", dir.path())
        .output()
        .expect("export runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("W3C JSON");
    assert_eq!(v["type"], "AnnotationCollection");
    assert_eq!(v["total"], 2);
    let items = v["first"]["items"].as_array().expect("items");
    assert!(items.iter().any(|a| a["body"].as_array().is_some_and(|b| {
        b.iter()
            .any(|x| x["purpose"] == "tagging" && x["value"] == "정상회담")
    })));
}

#[test]
fn closing_the_terminal_ends_the_reader() {
    let Some(t) = Tmux::start(100, 30) else {
        return;
    };
    t.wait_for("READ");
    let pid = t
        .tmux(&["display-message", "-p", "-t", "e2e", "#{pane_pid}"])
        .trim()
        .to_string();
    t.tmux(&["kill-server"]);
    let proc_dir = format!("/proc/{pid}");
    let start = Instant::now();
    while std::path::Path::new(&proc_dir).exists() {
        let state = std::fs::read_to_string(format!("{proc_dir}/stat")).unwrap_or_default();
        if state.contains(") Z ") {
            break;
        }
        assert!(
            start.elapsed() < Duration::from_secs(5),
            "brief kept running after its terminal closed"
        );
        sleep(Duration::from_millis(50));
    }
}
