//! The outline and side pane kept from frame to frame (`ui::kept`) draw
//! exactly what drawing them afresh draws, whatever changed in between.

use brief::app::{Action, App};
use brief::brief::overlay::Overlay;
use brief::brief::{Index, import};
use brief::i18n::Lang;
use brief::ui::kept;
use common::cache::{app, frame};

mod common;

const SECOND: &str = include_str!("fixtures/second_brief.txt");

/// Draw with the kept panes, then with none kept: the frames are the same.
fn same_as_afresh(a: &App, step: &str) {
    common::cache::same_as_afresh(a, step, kept::forget);
}

fn walk(a: &mut App, steps: &[(&str, &str)]) {
    common::cache::walk(a, steps, kept::forget);
}

#[test]
fn kept_panes_draw_what_drawing_afresh_draws() {
    let mut a = app(200, 50);
    let _ = frame(&a);
    walk(
        &mut a,
        &[
            ("scrolling past footnote markers", &"j".repeat(60)),
            ("a page down into another section", "<C-f><C-f>"),
            ("the outline focused", "<Tab>"),
            ("the outline's selection moved", "jjj"),
            ("the side pane focused", "<Tab>"),
            ("a citation chosen", "j"),
            ("the Recommendations tab", "t"),
            ("a recommendation chosen", "jj"),
            ("the Entities tab", "t"),
            ("a name chosen", "jjj"),
            ("a filter typed", "/러"),
            ("the filter kept", "<Enter>"),
            ("the filter cleared", "/<Backspace><Esc>"),
            ("a name dropped", "-"),
            ("the Annotations tab", "t"),
            ("a note added from the reader", "<Tab><Tab>va#태그<C-s>"),
            ("back to the Citations tab", "<Tab>tt"),
            ("the reader focused, scrolling up", "<Tab>kkkkkkkkkkkk"),
            ("a jump to the end", "G"),
        ],
    );
}

#[test]
fn kept_panes_follow_a_resize_the_language_and_the_theme() {
    let mut a = app(200, 50);
    a.type_keys(&"j".repeat(40));
    let _ = frame(&a);
    for (width, height) in [(150, 50), (200, 40), (200, 50)] {
        a.update(Action::Resize { width, height });
        same_as_afresh(&a, &format!("a resize to {width}x{height}"));
    }
    a.set_lang(Lang::En);
    same_as_afresh(&a, "English");
    a.set_no_color(true);
    same_as_afresh(&a, "no colour");
}

#[test]
fn another_brief_never_gets_the_panes_kept_for_the_first() {
    let seed = app(200, 50);
    let _ = frame(&seed);
    // Another brief at its top, at the same size: its outline and the
    // footnote nearest its top are its own.
    let overlay = Overlay::builtin().expect("the built-in overlay parses");
    let (second, _) = import::import(SECOND, "second_brief.txt", &overlay, "overlay.json")
        .expect("the second brief imports");
    let other = App::new(Index::new(second), 200, 50);
    let kept = frame(&other);
    kept::forget();
    assert_eq!(kept, frame(&other), "the second brief's own panes");
    assert_ne!(frame(&seed), kept, "the briefs differ");
}

#[test]
fn a_one_line_scroll_copies_the_panes() {
    let mut a = app(200, 50);
    a.type_keys("<C-f>");
    let _ = frame(&a);
    let citations = a.citations();
    let (drawn, copied) = kept::counts();
    a.type_keys("j");
    let _ = frame(&a);
    let (drawn_after, copied_after) = kept::counts();
    if a.citations() == citations {
        assert_eq!(
            (drawn_after - drawn, copied_after - copied),
            (0, 2),
            "both panes copied"
        );
    } else {
        assert_eq!(drawn_after - drawn, 1, "the side pane drawn afresh");
    }
}
