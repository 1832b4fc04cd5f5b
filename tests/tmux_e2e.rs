//! The real binary in tmux: open, follow a footnote, search, go back,
//! help, resize, quit to a clean pane. Ignored without tmux (with the
//! reason), except in CI where tmux is required.

mod tmux;

use std::process::Command;
use std::time::{Duration, Instant};

use tmux::{Tmux, assert_fits, fits};

/// Whether the status bar is drawn on the last of `height` rows.
fn status_on_row(screen: &str, height: usize) -> bool {
    screen
        .lines()
        .nth(height - 1)
        .is_some_and(|l| l.contains("READ"))
}

fn key_flow(width: u16, height: u16) {
    key_flow_in(width, height, "xterm-256color");
}

fn key_flow_in(width: u16, height: u16, term: &str) {
    let dir = tempfile::tempdir().expect("temp dir");
    let t = Tmux::start_term(width, height, dir.path(), term);
    let s = t.wait_for("이슈브리프 No. 2025-09");
    assert_fits(&s, width as usize, height as usize);
    t.keys(&["]", "f", "Enter"]);
    t.wait_all(&["Footnote", "Note 1", "Лавров заявил"]);
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
    t.wait_until("an 80x24 frame", |s| {
        status_on_row(s, 24) && fits(s, 80, 24)
    });
    t.tmux(&[
        "resize-window",
        "-t",
        "e2e",
        "-x",
        &width.to_string(),
        "-y",
        &height.to_string(),
    ]);
    let s = t.wait_until("a frame at the first size", |s| {
        status_on_row(s, height as usize)
    });
    assert_fits(&s, width as usize, height as usize);
    t.keys(&["q"]);
    assert_eq!(t.exit_status(), "0", "q exits cleanly");
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
#[cfg_attr(no_tmux, ignore = "tmux is not installed")]
fn key_flow_80x24() {
    key_flow(80, 24);
}

#[test]
#[cfg_attr(no_tmux, ignore = "tmux is not installed")]
fn key_flow_screen_256color_80x24() {
    key_flow_in(80, 24, "screen-256color");
}

#[test]
#[cfg_attr(no_tmux, ignore = "tmux is not installed")]
fn key_flow_120x40() {
    key_flow(120, 40);
}

#[test]
#[cfg_attr(no_tmux, ignore = "tmux is not installed")]
fn key_flow_200x50() {
    key_flow(200, 50);
}

fn notes_in(path: &std::path::Path) -> usize {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let v: serde_json::Value = serde_json::from_str(&text).unwrap_or_default();
    v["annotations"].as_array().map_or(0, Vec::len)
}

#[test]
#[cfg_attr(no_tmux, ignore = "tmux is not installed")]
fn annotate_quit_kill_reopen_export() {
    let dir = tempfile::tempdir().expect("temp dir");
    let t = Tmux::start_in(120, 40, dir.path());
    let notes = dir.path().join("2025-09.json");
    t.wait_for("READ");
    t.keys(&["]", "f", "]", "f", "v", ")", "a"]);
    t.wait_for("Note — Ctrl-S");
    t.tmux(&["send-keys", "-t", "e2e", "-l", "정상회담 가능성 #정상회담"]);
    t.wait_for("#정상회담");
    t.keys(&["C-s"]);
    t.wait_without("Note — Ctrl-S");
    t.keys(&["q"]);
    t.wait_dead();
    assert_eq!(notes_in(&notes), 1, "the note was saved");
    drop(t);

    // A second run: highlight, and be killed right after the save.
    let t = Tmux::start_in(120, 40, dir.path());
    t.wait_for("READ");
    t.keys(&["]", "f", "]", "f", "]", "f", "]", "f", "v", "w", "w", "H"]);
    let start = Instant::now();
    while notes_in(&notes) < 2 {
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "the highlight was not saved"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    Tmux::signal(&t.pid(), "KILL");
    t.wait_dead();
    drop(t);

    // Reopen: both are there, in the text and in the Annotations tab.
    let t = Tmux::start_in(120, 40, dir.path());
    t.wait_for("READ");
    t.keys(&["Tab", "t", "t", "t"]);
    let s = t.wait_all(&["정상회담 가능성", "yellow"]);
    assert_eq!(
        s.matches("yellow").count(),
        2,
        "both annotations listed:\n{s}"
    );
    t.keys(&["q"]);
    t.wait_dead();

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
#[cfg_attr(no_tmux, ignore = "tmux is not installed")]
fn closing_the_terminal_ends_the_reader() {
    let t = Tmux::start(100, 30);
    t.wait_for("READ");
    let pid = t.pid();
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
        std::thread::sleep(Duration::from_millis(20));
    }
}
