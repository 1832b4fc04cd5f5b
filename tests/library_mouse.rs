//! The library screen with the mouse (a click selects a row, a second click or a double click
//! opens it, the wheel moves), and what its status bar says back does when nothing is behind it.

mod common;

use brief::app::Action;
use brief::i18n::Lang;
use common::library::{PORT, Reading};

/// The screen row the list drew item `item` on, after a fresh frame.
fn row_of(r: &mut Reading, item: usize) -> u16 {
    r.screen();
    let rows = &r.app.drawn().library_items;
    let Some((y, _)) = rows.iter().find(|(_, i)| *i == item) else {
        panic!("item {item} is drawn: {rows:?}");
    };
    *y
}

fn selected(r: &Reading) -> usize {
    r.app.library().expect("the library screen").selected()
}

#[test]
fn a_click_selects_a_brief_and_a_second_click_opens_it() {
    let mut r = Reading::screen_alone(Lang::En, 120, 40);
    let y = row_of(&mut r, 2);
    let third = r.listed()[2].clone();
    r.app.update(Action::Click { x: 10, y });
    assert_eq!(selected(&r), 2, "the row clicked");
    assert!(r.app.library_shown(), "one click only selects");
    let header = r.app.drawn().library_items[0].0 - 1;
    r.app.update(Action::Click { x: 10, y: header });
    assert_eq!(selected(&r), 2, "the header row is no brief");
    let y = row_of(&mut r, 2);
    let effects = r.app.update(Action::Click { x: 10, y });
    r.run(effects);
    assert!(!r.app.library_shown(), "the second click opens it");
    assert_eq!(r.title(), third);
}

#[test]
fn a_double_click_opens_the_brief_under_the_pointer() {
    let mut r = Reading::screen_alone(Lang::En, 120, 40);
    let at = r
        .listed()
        .iter()
        .position(|t| t == PORT)
        .expect("the port brief is listed");
    assert_ne!(at, 0, "not selected yet");
    let y = row_of(&mut r, at);
    // A double click arrives as a click, then a double click on the same cell.
    let effects = r.app.update(Action::Click { x: 3, y });
    r.run(effects);
    assert!(r.app.library_shown());
    assert_eq!(selected(&r), at);
    let effects = r.app.update(Action::DoubleClick { x: 3, y });
    r.run(effects);
    assert_eq!(r.title(), PORT);
}

#[test]
fn the_wheel_moves_through_search_hits_and_a_click_picks_one() {
    let mut r = Reading::screen_alone(Lang::En, 120, 40);
    r.keys("/러시아<Enter>");
    let count = r.app.library().expect("shown").hit_list().len();
    assert!(count > 6, "hits in several briefs: {count}");
    r.screen();
    let wheel = |down| Action::Wheel { x: 5, y: 5, down };
    r.app.update(wheel(true));
    r.app.update(wheel(true));
    assert_eq!(selected(&r), 6, "three rows a notch");
    r.app.update(wheel(false));
    assert_eq!(selected(&r), 3);
    // The hits sit under a heading per brief: the heading's row selects nothing.
    let first = row_of(&mut r, 0);
    r.app.update(Action::Click { x: 5, y: first - 1 });
    assert_eq!(selected(&r), 3, "a brief's heading is no hit");
    r.app.update(Action::Click { x: 5, y: first });
    assert_eq!(selected(&r), 0);
    let effects = r.app.update(Action::DoubleClick { x: 5, y: first });
    r.run(effects);
    assert!(!r.app.library_shown());
    assert!(r.app.flash().is_some(), "opened at the hit");
}

/// The status bar's last row.
fn status(r: &mut Reading) -> String {
    let screen = r.screen();
    screen.lines().last().unwrap_or_default().to_owned()
}

#[test]
fn alone_the_hints_say_esc_clears_the_filter_and_never_back() {
    for (lang, back, clear_filter, clear_search) in [
        (Lang::En, "Esc back", "Esc clear filter", "Esc clear search"),
        (
            Lang::Ko,
            "Esc 뒤로",
            "Esc 거르기 지우기",
            "Esc 검색어 지우기",
        ),
    ] {
        let mut r = Reading::screen_alone(lang, 200, 50);
        let bar = status(&mut r);
        assert!(!bar.contains(back) && !bar.contains("Esc"), "{bar}");
        assert!(bar.contains("q "), "q quits: {bar}");
        r.keys("fㄴㅈㅎ<Enter>");
        assert!(status(&mut r).contains(clear_filter), "{lang:?}");
        r.keys("<Esc>");
        assert_eq!(r.listed().len(), 4, "Esc cleared the filter");
        assert!(r.app.library_shown());
        r.keys("/나진<Enter>");
        assert!(status(&mut r).contains(clear_search), "{lang:?}");
        r.keys("<Esc>");
        let screen = r.app.library().expect("shown");
        assert!(screen.query.is_empty() && screen.hits.is_empty());
        // Behind a reader, Esc goes back to it, and says so.
        let mut over = Reading::new(lang, 200, 50);
        over.keys("L");
        assert!(status(&mut over).contains(back), "{lang:?}");
    }
}
