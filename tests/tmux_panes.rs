//! The real binary in tmux: search reaching a footnote, the recommendation
//! view and its passages, an entity's mentions visited both ways, and an
//! unsure name dropped and still dropped after reopening. Ignored without
//! tmux (with the reason), except in CI where tmux is required.

mod tmux;

use tmux::{Tmux, assert_fits};

/// The last row: the status bar.
fn status(screen: &str) -> String {
    screen.lines().last().unwrap_or_default().to_string()
}

#[test]
#[cfg_attr(no_tmux, ignore = "tmux is not installed")]
fn search_in_footnote_text_opens_the_footnote() {
    let t = Tmux::start(120, 40);
    t.wait_for("이슈브리프 No. 2025-09");
    t.keys(&["/"]);
    t.type_text("Refined");
    t.wait_for("/Refined 1/");
    t.keys(&["Enter"]);
    let s = t.wait_all(&["Footnote", "Note 20", "Refined Tastes", "in footnote 20"]);
    assert_fits(&s, 120, 40);
    t.keys(&["Escape"]);
    t.wait_without("Footnote 20 — Esc closes");
    t.keys(&["/"]);
    t.type_text("연합뉴스");
    t.keys(&["Enter"]);
    t.wait_all(&["Note 8", "연합뉴스, 2023. 1. 27."]);
}

#[test]
#[cfg_attr(no_tmux, ignore = "tmux is not installed")]
fn recommendation_view_reaches_its_passages() {
    let t = Tmux::start(120, 40);
    t.wait_for("이슈브리프 No. 2025-09");
    t.keys(&["Tab", "t"]);
    t.wait_for("[외교] 미러·북러·미북");
    t.keys(&["Enter"]);
    let s = t.wait_all(&[
        "Recommendation —",
        "Actor: 한국 정부",
        "Passages (1)",
        "Area: 외교",
    ]);
    assert_fits(&s, 120, 40);
    t.keys(&["1"]);
    let s = t.wait_until("the passage", |s| {
        !s.contains("Recommendation —") && status(s).contains("passage 1/1")
    });
    assert!(s.contains("모니터링해야"), "the passage is on screen:\n{s}");
    t.keys(&["Enter"]);
    t.wait_for("Recommendation —");
}

#[test]
#[cfg_attr(no_tmux, ignore = "tmux is not installed")]
fn entity_mentions_forwards_and_backwards() {
    let t = Tmux::start(120, 40);
    t.wait_for("이슈브리프 No. 2025-09");
    t.keys(&["Tab", "t", "t", "/"]);
    t.type_text("라브로프");
    t.keys(&["Enter", "Enter"]);
    t.wait_until("the first mention", |s| status(s).contains("라브로프 1/"));
    t.keys(&["n", "n"]);
    t.wait_until("the third mention", |s| status(s).contains("라브로프 3/"));
    t.keys(&["N", "N", "N"]);
    let s = t.wait_until("the last mention", |s| {
        let bar = status(s);
        bar.contains("라브로프 ") && bar.contains("from the last")
    });
    let bar = status(&s);
    let total = bar
        .split("라브로프 ")
        .nth(1)
        .and_then(|rest| rest.split_whitespace().next())
        .unwrap_or_default()
        .to_string();
    let (k, n) = total.split_once('/').unwrap_or_default();
    assert_eq!(k, n, "N from the first goes to the last: {bar}");
}

#[test]
#[cfg_attr(no_tmux, ignore = "tmux is not installed")]
fn a_dropped_name_stays_dropped_after_reopening() {
    let dir = tempfile::tempdir().expect("temp dir");
    let t = Tmux::start_in(200, 50, dir.path());
    t.wait_for("이슈브리프 No. 2025-09");
    t.keys(&["Tab", "t", "t", "G"]);
    t.wait_all(&["unsure names", "? Person 실시하여"]);
    t.keys(&["-"]);
    t.wait_until("the name dropped", |s| {
        status(s).contains("실시하여 dropped")
    });
    t.keys(&["q"]);
    t.wait_dead();
    let again = Tmux::start_in(200, 50, dir.path());
    again.wait_for("이슈브리프 No. 2025-09");
    again.keys(&["Tab", "t", "t", "G"]);
    let s = again.wait_for("Event 코로나19");
    assert!(!s.contains("실시하여"), "the dropped name is hidden:\n{s}");
}
