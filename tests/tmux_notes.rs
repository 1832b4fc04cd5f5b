//! Notes in the real binary under tmux: Ctrl-C and Esc in the editor, a kill while typing,
//! two windows on one brief. Skipped (loudly) without tmux, except in CI where it is required.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::thread::sleep;
use std::time::{Duration, Instant};

struct Tmux {
    socket: String,
    /// Holds `status`, where the shell writes brief's exit status.
    status: tempfile::TempDir,
}

static RUNS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

impl Tmux {
    fn start(data: &Path) -> Option<Tmux> {
        Tmux::start_with(data, "")
    }

    fn start_with(data: &Path, args: &str) -> Option<Tmux> {
        if Command::new("tmux").arg("-V").output().is_err() {
            assert!(
                std::env::var("CI").as_deref() != Ok("true"),
                "tmux is required in CI (.ci/run installs it)"
            );
            eprintln!("skipped: tmux is not installed");
            return None;
        }
        let run = RUNS.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
        let t = Tmux {
            socket: format!("brief-notes-{}-{run}", std::process::id()),
            status: tempfile::tempdir().expect("temp dir"),
        };
        let bin = PathBuf::from(env!("CARGO_BIN_EXE_brief"));
        let cmd = format!(
            "env BRIEF_DATA_DIR={} TERM=xterm-256color {} {args}; echo $? > {}",
            data.display(),
            bin.display(),
            t.status.path().join("status").display()
        );
        t.tmux(&[
            "new-session",
            "-d",
            "-s",
            "e2e",
            "-x",
            "120",
            "-y",
            "40",
            &cmd,
        ]);
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

    fn type_text(&self, text: &str) {
        self.tmux(&["send-keys", "-t", "e2e", "-l", text]);
    }

    fn screen(&self) -> String {
        self.tmux(&["capture-pane", "-p", "-t", "e2e"])
    }

    fn wait_for(&self, text: &str) -> String {
        wait_until(&format!("«{text}» on screen"), || {
            let s = self.screen();
            s.contains(text).then_some(s)
        })
    }

    fn wait_without(&self, text: &str) {
        wait_until(&format!("«{text}» gone"), || {
            (!self.screen().contains(text)).then_some(())
        });
    }

    fn pane(&self, what: &str) -> String {
        self.tmux(&["display-message", "-p", "-t", "e2e", what])
            .trim()
            .to_owned()
    }

    /// Wait for the reader to end; its exit status as the shell saw it (128 + N for signal N).
    fn exit_status(&self) -> String {
        let file = self.status.path().join("status");
        wait_until("brief to stop", || {
            let status = std::fs::read_to_string(&file).unwrap_or_default();
            status.ends_with('\n').then(|| status.trim().to_owned())
        })
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        self.tmux(&["kill-server"]);
    }
}

/// Poll `check` until it answers, for at most ten seconds.
fn wait_until<T>(what: &str, mut check: impl FnMut() -> Option<T>) -> T {
    let start = Instant::now();
    loop {
        if let Some(v) = check() {
            return v;
        }
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "waited for {what}"
        );
        sleep(Duration::from_millis(50));
    }
}

fn notes_in(path: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let v: serde_json::Value = serde_json::from_str(&text).unwrap_or_default();
    v["annotations"]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|n| n["note"].as_str().unwrap_or("").to_owned())
                .collect()
        })
        .unwrap_or_default()
}

/// The process ids in the names of the drafts in `dir`.
fn drafts_of(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .map(|d| {
            d.flatten()
                .filter_map(|e| {
                    let name = e.file_name().to_string_lossy().into_owned();
                    Some(name.split_once(".draft-")?.1.to_owned())
                })
                .collect()
        })
        .unwrap_or_default()
}

fn drafts_in(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .map(|d| {
            d.flatten()
                .filter(|e| e.file_name().to_string_lossy().contains(".draft-"))
                .filter_map(|e| std::fs::read_to_string(e.path()).ok())
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn ctrl_c_and_esc_in_the_editor_keep_the_note() {
    let dir = tempfile::tempdir().expect("test setup");
    let Some(t) = Tmux::start(dir.path()) else {
        return;
    };
    t.wait_for("READ");
    t.keys(&["]", "f", "]", "f", "v", ")", "a"]);
    t.wait_for("Note — Ctrl-S");
    t.type_text("지키는 메모");
    t.wait_for("지키는 메모");
    t.keys(&["C-c"]);
    t.wait_for("Ctrl-C does not quit");
    assert_eq!(t.pane("#{pane_dead}"), "0", "Ctrl-C did not quit");
    t.keys(&["Escape"]);
    t.wait_for("Discard this note?");
    t.type_text(" 더");
    t.wait_for("지키는 메모 더");
    t.wait_without("Discard this note?");
    t.keys(&["C-s"]);
    t.wait_without("Note — Ctrl-S");
    t.keys(&["q"]);
    assert_eq!(t.exit_status(), "0");
    assert_eq!(
        notes_in(&dir.path().join("2025-09.json")),
        ["지키는 메모 더"]
    );
    assert!(
        drafts_in(dir.path()).is_empty(),
        "the draft is gone once saved"
    );
}

#[test]
fn a_kill_while_typing_keeps_the_draft_for_the_next_start() {
    let dir = tempfile::tempdir().expect("test setup");
    let Some(t) = Tmux::start(dir.path()) else {
        return;
    };
    t.wait_for("READ");
    t.keys(&["]", "f", "]", "f", "v", ")", "a"]);
    t.wait_for("Note — Ctrl-S");
    t.type_text("살아남을 메모");
    wait_until("the draft on disk", || {
        drafts_in(dir.path())
            .iter()
            .any(|d| d.contains("살아남을 메모"))
            .then_some(())
    });
    let pid = drafts_of(dir.path())
        .into_iter()
        .next()
        .expect("the draft names its window's process");
    Command::new("kill")
        .args(["-KILL", &pid])
        .status()
        .expect("kill");
    assert_eq!(t.exit_status(), "137", "killed by SIGKILL");
    drop(t);

    let t = Tmux::start(dir.path()).expect("tmux");
    t.wait_for("is back");
    t.wait_for("살아남을 메모");
    t.keys(&["C-s"]);
    t.wait_without("Note — Ctrl-S");
    t.keys(&["q"]);
    assert_eq!(t.exit_status(), "0");
    assert_eq!(
        notes_in(&dir.path().join("2025-09.json")),
        ["살아남을 메모"]
    );
    assert!(drafts_in(dir.path()).is_empty());
}

#[test]
fn two_windows_both_write_and_both_notes_are_kept() {
    let dir = tempfile::tempdir().expect("test setup");
    let Some(first) = Tmux::start(dir.path()) else {
        return;
    };
    let second = Tmux::start(dir.path()).expect("tmux");
    first.wait_for("READ");
    second.wait_for("READ");
    first.keys(&["]", "f", "v", "w", "a"]);
    first.wait_for("Note — Ctrl-S");
    first.type_text("첫 창");
    first.keys(&["C-s"]);
    first.wait_for("note saved");
    second.keys(&["]", "f", "]", "f", "]", "f", "v", "w", "a"]);
    second.wait_for("Note — Ctrl-S");
    second.type_text("둘째 창");
    second.keys(&["C-s"]);
    second.wait_for("note saved");
    let path = dir.path().join("2025-09.json");
    let mut both = notes_in(&path);
    both.sort();
    assert_eq!(both, ["둘째 창", "첫 창"]);
    first.keys(&["Tab", "T"]);
    first.wait_for("둘째 창");
    first.keys(&["q"]);
    second.keys(&["q"]);
    assert_eq!(first.exit_status(), "0");
    assert_eq!(second.exit_status(), "0");
    let mut both = notes_in(&path);
    both.sort();
    assert_eq!(
        both,
        ["둘째 창", "첫 창"],
        "neither quit dropped the other's note"
    );
}

#[test]
fn quitting_with_notes_that_cannot_be_saved_asks_then_rescues_them() {
    let dir = tempfile::tempdir().expect("test setup");
    let other = dir.path().join("other.json");
    std::fs::write(
        &other,
        r#"{"version":1,"brief":"9999-99","annotations":[]}"#,
    )
    .expect("test setup");
    let args = format!("--annotations {}", other.display());
    let Some(t) = Tmux::start_with(dir.path(), &args) else {
        return;
    };
    t.wait_for("9999-99");
    t.keys(&["]", "f", "v", "w", "a"]);
    t.wait_for("Note — Ctrl-S");
    t.type_text("구할 메모");
    t.keys(&["C-s"]);
    t.wait_without("Note — Ctrl-S");
    t.keys(&["q"]);
    t.wait_for("NOT saved");
    t.keys(&["q"]);
    assert_eq!(t.exit_status(), "3", "never exit 0 with a note dropped");
    let said = t.wait_for("rescue").replace('\n', "");
    let copy = std::fs::read_dir(dir.path())
        .expect("test setup")
        .flatten()
        .map(|e| e.path())
        .find(|p| p.to_string_lossy().contains("brief-rescue-"))
        .expect("a rescue copy next to the notes file");
    assert!(said.contains("brief-rescue-"), "stderr says where:\n{said}");
    assert_eq!(notes_in(&copy), ["구할 메모"]);
    assert!(
        std::fs::read_to_string(&other)
            .expect("test setup")
            .contains("9999-99"),
        "the other brief's file is untouched"
    );
}
