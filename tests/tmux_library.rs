//! The library screen in the real binary: `brief library`, Enter opens a brief, back
//! returns to the screen, q quits to a clean pane. Ignored without tmux (with the reason),
//! except in CI where tmux is required.

mod tmux;

use tmux::{Tmux, assert_fits, bin};

#[test]
#[cfg_attr(no_tmux, ignore = "tmux is not installed")]
fn library_enter_back_quit() {
    let dir = tempfile::tempdir().expect("temp dir");
    let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let added = std::process::Command::new(bin())
        .args(["library", "add"])
        .arg(fixtures.join("second_brief.txt"))
        .arg(fixtures.join("paren_citations_brief.txt"))
        .env("BRIEF_DATA_DIR", dir.path())
        .env("BRIEF_CACHE_DIR", "")
        .output()
        .expect("brief library add");
    assert!(added.status.success(), "{added:?}");
    let t = Tmux::start_args(100, 30, dir.path(), "library");
    let s = t.wait_all(&[
        "LIBRARY",
        "2 briefs",
        "No. 2025-14",
        "No. 2024-17",
        "나진항",
    ]);
    assert_fits(&s, 100, 30);
    // Newest first: the port brief is selected.
    t.keys(&["Enter"]);
    let s = t.wait_all(&["READ", "나진항"]);
    assert!(
        !s.contains("LIBRARY"),
        "the brief replaced the screen:\n{s}"
    );
    t.keys(&["L"]);
    t.wait_all(&["LIBRARY", "2 briefs"]);
    t.keys(&["Escape"]);
    t.wait_for("q quits");
    t.keys(&["q"]);
    assert_eq!(t.exit_status(), "0", "q exits cleanly");
    let s = t.screen();
    assert!(
        !s.contains("LIBRARY") && !s.contains("나진항"),
        "the pane is clean after quit:\n{s}"
    );
    let positions = std::fs::read_to_string(dir.path().join("positions.json"))
        .expect("the opened brief's position was saved");
    assert!(positions.contains("2025-14"), "{positions}");
}
