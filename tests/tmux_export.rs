//! Citing and exporting in the real binary under tmux: the citation reaches tmux's clipboard
//! through OSC 52, and the export dialog writes a file in the working folder, asking before it
//! replaces one. Ignored without tmux (with the reason), except in CI where tmux is required.

mod tmux;

use tmux::Tmux;

/// A note on a passage, written with the keys, saved.
fn write_a_note(t: &Tmux) {
    t.wait_for("이슈브리프 No. 2025-09");
    t.keys(&["]", "f", "]", "f", "v", ")", "a"]);
    t.wait_for("Note");
    t.type_text("tmux export note");
    t.keys(&["C-s"]);
    t.wait_for("note saved");
}

#[test]
#[cfg_attr(no_tmux, ignore = "tmux is not installed")]
fn export_dialog_writes_a_file_and_asks_before_replacing_it() {
    let data = tempfile::tempdir().expect("temp dir");
    let cwd = tempfile::tempdir().expect("temp dir");
    let t = Tmux::start_at(120, 40, data.path(), cwd.path());
    write_a_note(&t);
    t.keys(&["x"]);
    t.wait_all(&["Export notes", "CSV with BOM (Excel)"]);
    t.keys(&["3"]);
    t.wait_for("./이슈브리프_2025-09.csv");
    t.keys(&["Enter"]);
    t.wait_for("exported to");
    let file = cwd.path().join("이슈브리프_2025-09.csv");
    let written = std::fs::read(&file).expect("the file is in the working folder");
    assert!(
        written.starts_with(b"\xEF\xBB\xBF"),
        "a byte order mark first"
    );
    let text = String::from_utf8_lossy(&written);
    assert!(text.contains("tmux export note"), "{text}");
    t.keys(&["x", "3", "Enter"]);
    t.wait_for("overwrite the file? (y/n)");
    t.keys(&["n"]);
    t.wait_for("Enter write");
    t.keys(&["Escape"]);
    t.wait_for("export cancelled");
    assert_eq!(std::fs::read(&file).ok(), Some(written), "nothing replaced");
}

#[test]
#[cfg_attr(no_tmux, ignore = "tmux is not installed")]
fn the_citation_reaches_the_clipboard_through_osc_52() {
    let data = tempfile::tempdir().expect("temp dir");
    let t = Tmux::start_in(120, 40, data.path());
    // tmux takes an application's OSC 52 into a paste buffer when set-clipboard is on.
    t.tmux(&["set-option", "-g", "set-clipboard", "on"]);
    t.wait_for("이슈브리프 No. 2025-09");
    t.keys(&["]", "]", "]", "]", "c"]);
    t.wait_for("citation copied");
    let start = std::time::Instant::now();
    let mut buffer = String::new();
    while start.elapsed() < tmux::PATIENCE && !buffer.contains("No. 2025-09") {
        buffer = t.tmux(&["show-buffer"]);
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    assert!(
        buffer.starts_with("이상준, “2025년 북러 관계 전망과 한국의 대응,”"),
        "tmux's buffer: {buffer:?}"
    );
    // A passage's citation names its place after the date; the whole brief's ends there.
    assert!(buffer.contains("(March 24, 2025), "), "{buffer:?}");
}
