//! The real binary in tmux, scrolling in place (terminal scroll regions):
//! after many one-line scrolls the terminal shows what a fresh draw of the
//! same state shows. Ignored without tmux (with the reason), except in CI.

mod tmux;

use brief::app::App;
use brief::brief::{Index, load};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use tmux::Tmux;

/// The screen a fresh draw gives after `keys`, as rows of text.
fn drawn_after(width: u16, height: u16, keys: &str) -> Vec<String> {
    let (brief, _) = load::builtin().expect("built-in brief");
    let mut a = App::new(Index::new(brief), width, height);
    a.type_keys(keys);
    let mut t = Terminal::new(TestBackend::new(width, height)).expect("terminal");
    brief::tui::draw(&mut t, &mut a).expect("draw");
    let buf = t.backend().buffer();
    (0..height)
        .map(|y| {
            let mut row = String::new();
            let mut x = 0;
            while x < width {
                let symbol = buf[(x, y)].symbol();
                row.push_str(symbol);
                x += brief::text::str_width(symbol).max(1) as u16;
            }
            row.trim_end().to_string()
        })
        .collect()
}

fn rows(screen: &str) -> Vec<String> {
    screen.lines().map(|l| l.trim_end().to_string()).collect()
}

fn scroll_and_compare(width: u16, height: u16, setup: &str) {
    let t = Tmux::start(width, height);
    t.wait_for("READ");
    let mut keys = setup.to_string();
    t.type_text(setup);
    for (key, times) in [("j", 60), ("k", 25), ("j", 7)] {
        for _ in 0..times {
            t.type_text(key);
            keys.push_str(key);
        }
    }
    let want = drawn_after(width, height, &keys);
    t.wait_until("the screen of a fresh draw", |s| rows(s) == want);
    t.keys(&["q"]);
    assert_eq!(t.exit_status(), "0");
}

#[test]
#[cfg_attr(no_tmux, ignore = "tmux is not installed")]
fn scrolled_in_place_the_screen_is_a_fresh_draw() {
    scroll_and_compare(80, 24, "");
    scroll_and_compare(120, 40, "z");
    // With the side panes: their rows move with the text and are redrawn.
    scroll_and_compare(150, 40, "");
}
