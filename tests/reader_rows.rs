//! The reading pane's rows kept from frame to frame (`ui::rows`) draw
//! exactly what laying every row out afresh draws, whatever changed.

use brief::app::{Action, App};
use brief::ui::rows;
use common::cache::{app, frame};

mod common;
use ratatui::layout::Rect;

/// Draw with the kept rows, then with none kept: the frames are the same.
fn same_as_afresh(a: &App, step: &str) {
    common::cache::same_as_afresh(a, step, rows::forget);
}

#[test]
fn kept_rows_draw_what_a_fresh_layout_draws() {
    let mut a = app(200, 50);
    let _ = frame(&a);
    let steps: &[(&str, &str)] = &[
        (
            "scrolling down",
            "jjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjj",
        ),
        (
            "scrolling up",
            "kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk",
        ),
        ("a page down", "<C-f>"),
        ("a search highlight", "/북러<Enter>"),
        ("the next match", "n"),
        ("leaving the search", "<Esc>"),
        ("entities highlighted", "E"),
        ("unsourced figures flagged", "U"),
        ("a selection", "vjj"),
        ("a note added", "a#태그<C-s>"),
        ("a footnote marker", "]f"),
        ("focus mode", "z"),
    ];
    common::cache::walk(&mut a, steps, rows::forget);
}

#[test]
fn kept_rows_follow_a_resize() {
    let mut a = app(200, 50);
    a.type_keys("jjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjjj");
    let _ = frame(&a);
    for (width, height) in [(150, 50), (150, 40), (80, 24), (200, 50)] {
        a.update(Action::Resize { width, height });
        same_as_afresh(&a, &format!("a resize to {width}x{height}"));
    }
    assert_eq!(a.areas().screen, Rect::new(0, 0, 200, 50));
}

#[test]
fn a_one_line_scroll_lays_out_one_row() {
    let mut a = app(200, 50);
    a.type_keys("<C-f><C-f>");
    let _ = frame(&a);
    let top = a.top();
    let (laid_out, _) = rows::counts();
    a.type_keys("j");
    assert_eq!(a.top(), top + 1, "the text moved one line");
    let _ = frame(&a);
    let (after, _) = rows::counts();
    // The row that came into view, and the rows the cursor left and entered.
    assert!(after - laid_out <= 3, "{} rows laid out", after - laid_out);
}
