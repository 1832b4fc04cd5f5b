//! Positions stay in range whatever the keys and terminal sizes: each test
//! is a sequence that once crashed the reader or left it stuck.

use brief::app::{Action, App, Focus, Popup};
use brief::brief::{Index, load};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn app(width: u16, height: u16) -> App {
    let (brief, _) = load::builtin().expect("built-in brief");
    App::new(Index::new(brief), width, height)
}

fn terminal(width: u16, height: u16) -> Terminal<TestBackend> {
    Terminal::new(TestBackend::new(width, height)).expect("test terminal")
}

/// Resize the app and the terminal together, as the event loop does.
fn resize(a: &mut App, t: &mut Terminal<TestBackend>, width: u16, height: u16) {
    t.backend_mut().resize(width, height);
    a.update(Action::Resize { width, height });
}

fn draw(a: &mut App, t: &mut Terminal<TestBackend>) {
    let Ok(()) = brief::tui::draw(t, a);
}

fn screen(t: &Terminal<TestBackend>) -> String {
    let buf = t.backend().buffer();
    let mut out = String::new();
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            out.push_str(buf[(x, y)].symbol());
        }
        out.push('\n');
    }
    out
}

fn assert_top_in_range(a: &App) {
    assert!(
        a.top() <= a.max_top(),
        "top {} > max {}",
        a.top(),
        a.max_top()
    );
}

/// `G`, a search, a wider terminal (fewer lines), then each way out of the
/// search: the line remembered at the start of the search no longer exists.
#[test]
fn leaving_a_search_after_a_resize_keeps_top_in_range() {
    for exit in ["<Esc>", "<Enter>", "zzzzqqq<Enter>", "zzzzqqq<Backspace>"] {
        let mut t = terminal(60, 30);
        let mut a = app(60, 30);
        a.type_keys("G/");
        let far = a.top();
        resize(&mut a, &mut t, 250, 60);
        a.type_keys(exit);
        assert_top_in_range(&a);
        draw(&mut a, &mut t);
        assert!(far > a.max_top(), "the resize made {far} out of range");
    }
}

#[test]
fn escape_returns_to_where_the_search_started_after_a_resize() {
    let mut t = terminal(60, 30);
    let mut a = app(60, 30);
    a.type_keys("]]]]]]");
    let start = a.position();
    a.type_keys("/러시아");
    resize(&mut a, &mut t, 200, 50);
    a.type_keys("<Esc>");
    draw(&mut a, &mut t);
    let back = a.position();
    assert_eq!(back.block, start.block, "Esc returns to the same block");
}

/// `e` at the end of the text once recursed until the stack overflowed.
#[test]
fn word_end_at_the_end_of_the_text_stays_put() {
    let mut a = app(80, 24);
    a.type_keys("G");
    for _ in 0..200 {
        a.type_keys("e");
    }
    let end = a.cursor();
    a.type_keys("e))ww");
    assert_eq!(a.cursor().block, end.block, "nothing after the last block");
    let len = a.doc().blocks[end.block].text.chars().count();
    assert!(end.offset < len, "cursor {end:?} within its block");
}

#[test]
fn help_scroll_stops_at_its_last_line() {
    let mut t = terminal(80, 24);
    let mut a = app(80, 24);
    a.type_keys("?");
    draw(&mut a, &mut t);
    for _ in 0..200 {
        a.type_keys("j");
    }
    draw(&mut a, &mut t);
    let max = a.popup_max_scroll();
    assert!(
        max > 0 && max < 200,
        "help is longer than the window: {max}"
    );
    assert_eq!(a.popup_scroll(), max);
    a.type_keys("k");
    assert_eq!(a.popup_scroll(), max - 1, "one k scrolls back one line");
    assert_eq!(a.popup(), Some(Popup::Help));
}

#[test]
fn popup_scroll_is_clamped_even_between_frames() {
    let mut t = terminal(80, 24);
    let mut a = app(80, 24);
    a.type_keys("?");
    for _ in 0..500 {
        a.type_keys("<Space>");
    }
    draw(&mut a, &mut t);
    assert_eq!(a.popup_scroll(), a.popup_max_scroll());
    resize(&mut a, &mut t, 200, 60);
    draw(&mut a, &mut t);
    assert!(a.popup_scroll() <= a.popup_max_scroll());
}

#[test]
fn outline_selection_stays_on_screen() {
    // Six rows of outline for the brief's eight sections.
    let mut t = terminal(200, 10);
    let mut a = app(200, 10);
    a.type_keys("<S-Tab>");
    assert_eq!(a.focus(), Focus::Outline);
    a.type_keys("G");
    draw(&mut a, &mut t);
    let last = a.index().brief.sections.last().expect("a section");
    let title: String = last.title.chars().filter(|c| *c != ' ').take(6).collect();
    assert!(
        screen(&t).replace(' ', "").contains(&title),
        "the last section «{title}» is shown:\n{}",
        screen(&t)
    );
    assert!(a.drawn().outline_first > 0, "the outline scrolled");
}
