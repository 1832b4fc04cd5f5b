//! For the tests of what the drawing keeps between frames: a frame drawn with what was kept
//! must be the frame drawn afresh.

use brief::app::App;
use brief::brief::{Index, load};
use ratatui::buffer::Buffer;

/// The built-in brief in a reader of `width` x `height`.
pub fn app(width: u16, height: u16) -> App {
    let (brief, _) = load::builtin().expect("built-in brief");
    App::new(Index::new(brief), width, height)
}

/// The whole screen as drawn now.
pub fn frame(a: &App) -> Buffer {
    let area = a.areas().screen;
    let mut buf = Buffer::empty(area);
    brief::ui::render(a, area, &mut buf);
    buf
}

/// Draw with what is kept, then with nothing kept (`forget`): the frames are the same.
pub fn same_as_afresh(a: &App, step: &str, forget: fn()) {
    let kept = frame(a);
    forget();
    let afresh = frame(a);
    assert_eq!(kept, afresh, "after {step}");
    // Keep this frame's drawing for the next step.
    let _ = frame(a);
}

/// Keys one by one: a char, or a `<name>`.
pub fn split(keys: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut named: Option<String> = None;
    for c in keys.chars() {
        match (&mut named, c) {
            (None, '<') => named = Some("<".into()),
            (Some(n), '>') => {
                n.push('>');
                out.push(std::mem::take(n));
                named = None;
            }
            (Some(n), c) => n.push(c),
            (None, c) => out.push(c.to_string()),
        }
    }
    out
}

/// Each step's keys typed with a frame drawn per key, as the reader does; after each step the
/// frame is checked against one drawn afresh.
pub fn walk(a: &mut App, steps: &[(&str, &str)], forget: fn()) {
    for (step, keys) in steps {
        for key in split(keys) {
            let _ = frame(a);
            a.type_keys(&key);
        }
        same_as_afresh(a, step, forget);
    }
}
