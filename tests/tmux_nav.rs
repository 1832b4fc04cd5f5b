//! The real binary in tmux: a mouse drag selects (SGR mouse sequences, as terminals send
//! them), footnote steps are jumps that Ctrl-o walks back, and keys typed with a Korean
//! layout work. Ignored without tmux (with the reason), except in CI where tmux is required.

mod tmux;

use std::time::{Duration, Instant};

use tmux::Tmux;

/// The row of the screen showing `text`, and the 1-based column where it starts.
fn cell_of(screen: &str, text: &str) -> Option<(u16, u16)> {
    screen.lines().enumerate().find_map(|(row, line)| {
        let at = line.find(text)?;
        let col = brief::text::str_width(&line[..at]) + 1;
        Some((u16::try_from(col).ok()?, u16::try_from(row + 1).ok()?))
    })
}

/// Send a mouse report to the reader in one write, as a terminal does (typed key by key, its
/// escape could arrive alone and read as Esc): through a tmux paste buffer.
fn mouse_report(t: &Tmux, report: &str) {
    t.tmux(&["set-buffer", "-b", "mouse", report]);
    t.tmux(&["paste-buffer", "-d", "-b", "mouse", "-t", "e2e"]);
}

/// The quotes of the annotations saved in `path`.
fn quotes_in(path: &std::path::Path) -> Vec<String> {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let v: serde_json::Value = serde_json::from_str(&text).unwrap_or_default();
    v["annotations"]
        .as_array()
        .map(|list| {
            list.iter()
                .filter_map(|a| a["target"]["exact"].as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

#[test]
#[cfg_attr(no_tmux, ignore = "tmux is not installed")]
fn a_mouse_drag_selects_text() {
    let dir = tempfile::tempdir().expect("temp dir");
    let t = Tmux::start_in(120, 40, dir.path());
    t.wait_for("READ");
    t.type_text("/2024년 6월 18");
    t.keys(&["Enter", "Escape"]);
    let s = t.wait_for("2024년 6월 18");
    let (x, y) = cell_of(&s, "2024년 6월 18").expect("the passage on screen");
    // Press on `2`, drag onto the second cell of `월` (2024 is four cells, 년 and 월 two
    // each), release: SGR (1006) mouse reports, 1-based.
    mouse_report(&t, &format!("\x1b[<0;{x};{y}M"));
    mouse_report(&t, &format!("\x1b[<32;{};{y}M", x + 9));
    mouse_report(&t, &format!("\x1b[<0;{};{y}m", x + 9));
    t.wait_all(&["VISUAL", "H highlight"]);
    t.keys(&["H"]);
    let notes = dir.path().join("2025-09.json");
    let start = Instant::now();
    let quotes = loop {
        let q = quotes_in(&notes);
        if !q.is_empty() {
            break q;
        }
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "the dragged selection was never highlighted:\n{}",
            t.screen()
        );
        std::thread::sleep(Duration::from_millis(20));
    };
    assert_eq!(
        quotes,
        vec!["2024년 6월".to_string()],
        "the cells dragged over"
    );
    t.keys(&["q"]);
    assert_eq!(t.exit_status(), "0");
}

#[test]
#[cfg_attr(no_tmux, ignore = "tmux is not installed")]
fn ctrl_o_walks_back_through_footnote_steps() {
    let dir = tempfile::tempdir().expect("temp dir");
    let t = Tmux::start_in(120, 40, dir.path());
    let first = t.wait_for("READ");
    let steps = 14;
    for _ in 0..steps {
        t.keys(&["]", "f"]);
    }
    t.wait_for(&format!("footnote {steps}: Enter opens it"));
    t.keys(&["Enter"]);
    t.wait_for(&format!("Footnote {steps} — Esc closes"));
    t.keys(&["Escape"]);
    t.wait_without("— Esc closes");
    for _ in 0..steps {
        t.keys(&["C-o"]);
    }
    let top_rows = |s: &str| s.lines().take(6).collect::<Vec<_>>().join("\n");
    t.wait_until("the view at the start again", |s| {
        top_rows(s) == top_rows(&first)
    });
    assert!(!t.screen().contains("no earlier jump"));
    t.keys(&["C-o"]);
    t.wait_for("no earlier jump");
    t.keys(&["q"]);
    assert_eq!(t.exit_status(), "0");
}

#[test]
#[cfg_attr(no_tmux, ignore = "tmux is not installed")]
fn korean_layout_keys_scroll_and_quit() {
    let dir = tempfile::tempdir().expect("temp dir");
    let t = Tmux::start_in(100, 30, dir.path());
    let first = t.wait_for("READ");
    t.type_text("ㅎㅎ");
    t.type_text("ㅓㅓㅓㅓ");
    let row = |s: &str| s.lines().nth(2).unwrap_or_default().to_string();
    let moved = t.wait_until("ㅓ scrolls like j", |s| row(s) != row(&first));
    assert!(!moved.contains("English layout"), "{moved}");
    t.type_text("ㅏㅏㅏㅏ");
    t.wait_until("ㅏ scrolls back like k", |s| row(s) == row(&first));
    t.type_text("ㅂ");
    assert_eq!(t.exit_status(), "0", "ㅂ quits like q");
}
