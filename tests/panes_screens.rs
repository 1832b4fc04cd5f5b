//! Screens of the linked panes (recommendation view, entities, outline,
//! footnote search) as a user sees them, at 80x24 and 200x50 (insta).

use brief::app::App;
use brief::brief::{Index, load};
use brief::i18n::Lang;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// The screen after typing `keys`, as text: one line per row, wide characters once.
fn screen(width: u16, height: u16, keys: &str) -> String {
    screen_in(Lang::En, width, height, keys)
}

/// [`screen`] with the interface in `lang`.
fn screen_in(lang: Lang, width: u16, height: u16, keys: &str) -> String {
    let (brief, _) = load::builtin().expect("built-in brief");
    let mut app = App::new(Index::new(brief), width, height);
    app.set_no_color(true);
    app.set_lang(lang);
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("terminal");
    // Drawn once first, as the reader is, so mouse and popup layouts are known.
    for keys in ["", keys] {
        app.type_keys(keys);
        let drawn = terminal
            .draw(|f| {
                brief::ui::draw(&app, f);
            })
            .expect("draw");
        let _ = drawn;
    }
    let buf = terminal.backend().buffer().clone();
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut x = 0;
        let mut width = 0;
        while x < buf.area.width {
            let symbol = buf[(x, y)].symbol();
            out.push_str(symbol);
            let w = brief::text::str_width(symbol).max(1);
            width += w;
            x += w as u16;
        }
        assert_eq!(width, buf.area.width as usize, "row {y} fits the screen");
        out.push('\n');
    }
    out
}

#[test]
fn recommendation_view_80x24() {
    insta::assert_snapshot!(screen(80, 24, "<Tab>t<Enter>"));
}

#[test]
fn recommendation_view_80x24_ko() {
    insta::assert_snapshot!(screen_in(Lang::Ko, 80, 24, "<Tab>t<Enter>"));
}

#[test]
fn recommendation_view_200x50() {
    insta::assert_snapshot!(screen(200, 50, "<Tab>tjj<Enter>"));
}

#[test]
fn recommendations_list_80x24() {
    insta::assert_snapshot!(screen(80, 24, "<Tab>tj"));
}

#[test]
fn entities_200x50() {
    insta::assert_snapshot!(screen(200, 50, "<Tab>tt"));
}

#[test]
fn entities_unsure_names_200x50() {
    insta::assert_snapshot!(screen(200, 50, "<Tab>ttG"));
}

#[test]
fn entities_filtered_and_visited_80x24() {
    insta::assert_snapshot!(screen(80, 24, "<Tab>tt/라브로프<Enter><Enter>n"));
}

#[test]
fn outline_focused_80x24() {
    insta::assert_snapshot!(screen(80, 24, "<S-Tab>jjjj"));
}

#[test]
fn outline_focused_200x50() {
    insta::assert_snapshot!(screen(200, 50, "<S-Tab>jjjjj"));
}

#[test]
fn footnote_search_80x24() {
    insta::assert_snapshot!(screen(80, 24, "/Refined<Enter>"));
}

/// The footnote a search lands in shows the match marked, as the reader does.
#[test]
fn the_match_is_marked_in_the_footnote_popup() {
    let (brief, _) = load::builtin().expect("built-in brief");
    let mut app = App::new(Index::new(brief), 120, 40);
    app.type_keys("/Refined<Enter>");
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("terminal");
    terminal
        .draw(|f| {
            brief::ui::draw(&app, f);
        })
        .expect("draw");
    let buf = terminal.backend().buffer().clone();
    let theme = brief::ui::Theme::get(false);
    // The popup is 90 columns wide, centred: columns 15 to 104, inside its border.
    let marked: Vec<String> = (0..buf.area.height)
        .map(|y| {
            (16..104)
                .filter(|x| buf[(*x, y)].style().bg == theme.current_match.bg)
                .map(|x| buf[(x, y)].symbol().to_string())
                .collect::<String>()
        })
        .filter(|row| !row.is_empty())
        .collect();
    assert!(
        marked.iter().any(|row| row == "Refined"),
        "marked cells: {marked:?}"
    );
}
