//! The mouse hit-tests against the layout of the last frame: side-pane
//! items by the rows they were drawn on, the outline after it scrolled,
//! a drag in the text selects.

use brief::app::{Action, App, Focus};
use brief::brief::{Index, load};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn drawn_app(width: u16, height: u16) -> (App, Terminal<TestBackend>) {
    let (brief, _) = load::builtin().expect("built-in brief");
    let mut a = App::new(Index::new(brief), width, height);
    let mut t = Terminal::new(TestBackend::new(width, height)).expect("test terminal");
    draw(&mut a, &mut t);
    (a, t)
}

fn draw(a: &mut App, t: &mut Terminal<TestBackend>) {
    let Ok(()) = brief::tui::draw(t, a);
}

#[test]
fn a_click_selects_the_side_item_drawn_on_that_row() {
    let (mut a, mut t) = drawn_app(200, 50);
    a.type_keys("]]]]");
    draw(&mut a, &mut t);
    let rows = a.drawn().side_items.clone();
    assert!(rows.len() >= 2, "two citations on screen: {rows:?}");
    let side = a.areas().side;
    // The list starts under the border and the tab row.
    let y = side.y + 2 + rows[1].start as u16;
    a.update(Action::Click { x: side.x + 3, y });
    assert_eq!(a.focus(), Focus::Side);
    assert_eq!(a.selected(), 1);
    assert!(
        a.marker().is_some(),
        "following a citation puts the marker on it"
    );
}

#[test]
fn a_click_on_a_scrolled_outline_follows_the_section_shown() {
    let (mut a, mut t) = drawn_app(200, 10);
    a.type_keys("<S-Tab>G");
    draw(&mut a, &mut t);
    let first = a.drawn().outline_first;
    assert!(first > 0, "the outline scrolled");
    let outline = a.areas().outline;
    a.update(Action::Click {
        x: outline.x + 2,
        y: outline.y + 1,
    });
    assert_eq!(a.outline_selected(), first, "the entry on the first row");
    assert_eq!(a.current_outline_entry(), Some(first));
}

#[test]
fn a_drag_in_the_text_selects() {
    let (mut a, mut t) = drawn_app(120, 40);
    let text = a.areas().reader_text;
    let row = a
        .visible_lines()
        .position(|l| a.doc().lines[l].bytes.len() > 60)
        .expect("a long line on screen");
    let y = text.y + row as u16;
    a.update(Action::Click { x: text.x, y });
    a.update(Action::Drag { x: text.x + 10, y });
    draw(&mut a, &mut t);
    let (from, to) = a.selection().expect("a selection");
    assert_eq!(from.block, to.block);
    assert!(to.offset > from.offset, "{from:?}..{to:?}");
}
