//! The config file applied to the reader: rebound keys (dispatch, help, hints), themes, the
//! wrap width, and the drawing for terminals that give ambiguous characters two columns.

use brief::app::{App, Popup, ReaderSettings};
use brief::brief::{Index, load};
use brief::i18n::Lang;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::Color;

fn settings(config: &str) -> ReaderSettings {
    let parsed = brief::config::parse(config, "config.toml").expect("a good config");
    ReaderSettings::from_config(&parsed)
}

fn app(config: &str, width: u16, height: u16) -> App {
    let (brief, _) = load::builtin().expect("built-in brief");
    let mut app = App::with_settings(Index::new(brief), width, height, settings(config));
    app.set_lang(Lang::En);
    app
}

fn draw(app: &App) -> Buffer {
    let area = app.areas().screen;
    let mut terminal = Terminal::new(TestBackend::new(area.width, area.height)).expect("terminal");
    terminal
        .draw(|f| {
            brief::ui::draw(app, f);
        })
        .expect("draw");
    terminal.backend().buffer().clone()
}

/// One row of the buffer as text, wide characters once.
fn row(buf: &Buffer, y: u16) -> String {
    let mut out = String::new();
    let mut x = 0;
    while x < buf.area.width {
        let symbol = buf[(x, y)].symbol();
        out.push_str(symbol);
        x += brief::text::str_width(symbol).max(1) as u16;
    }
    out
}

fn screen(buf: &Buffer) -> String {
    (0..buf.area.height).map(|y| row(buf, y) + "\n").collect()
}

#[test]
fn a_rebound_key_does_its_action_and_the_old_keys_still_do() {
    let mut plain = app("", 120, 40);
    plain.type_keys("]]");
    let mut rebound = app("[keys]\n\"J\" = \"next_section\"\n", 120, 40);
    rebound.type_keys("J");
    assert_ne!(rebound.top(), 0, "J moved");
    assert_eq!(rebound.top(), plain.top(), "J is ]]");
    let mut both = app("[keys]\n\"J\" = \"next_section\"\n", 120, 40);
    both.type_keys("]]");
    assert_eq!(both.top(), plain.top(), "]] still works");
    let mut default = app("", 120, 40);
    default.type_keys("J");
    assert_eq!(default.top(), 0, "J does nothing without the config");
}

#[test]
fn a_key_given_to_another_action_leaves_its_old_one() {
    let mut stolen = app("[keys]\n\"j\" = \"next_section\"\n", 120, 40);
    let mut plain = app("", 120, 40);
    stolen.type_keys("j");
    plain.type_keys("]]");
    assert_eq!(stolen.top(), plain.top(), "j is the next section now");
    let mut down = app("[keys]\n\"j\" = \"next_section\"\n", 120, 40);
    let before = down.cursor();
    down.type_keys("<Down>");
    assert_ne!(down.cursor(), before, "line_down keeps <Down>");
}

#[test]
fn a_rebound_mark_key_takes_a_letter() {
    let mut a = app("[keys]\n\"<F3>\" = \"set_mark\"\n", 120, 40);
    a.type_keys("]]<F3>x]]'x");
    let mut plain = app("", 120, 40);
    plain.type_keys("]]");
    assert_eq!(a.top(), plain.top(), "M then x set mark x");
}

#[test]
fn help_and_hints_show_the_users_keys() {
    let mut a = app(
        "[keys]\n\"J\" = \"next_section\"\n\"<F2>\" = \"help\"\n",
        200,
        50,
    );
    let theme = brief::ui::Theme::get(true);
    let help = brief::ui::popup::help_lines_for(&a.settings().keymap, Lang::En, theme, 196);
    let help: Vec<String> = help.iter().map(ToString::to_string).collect();
    let next = help
        .iter()
        .find(|l| l.contains("next section"))
        .expect("a next-section row");
    assert!(next.trim_start().starts_with("J ]]"), "{next}");
    let hints = screen(&draw(&a));
    assert!(hints.contains("F2 help"), "{hints}");
    a.type_keys("<F2>");
    assert_eq!(a.popup(), Some(Popup::Help));
    let shown = screen(&draw(&a));
    assert!(shown.contains("  J ]] "), "the help popup lists J: {shown}");
}

#[test]
fn the_library_screen_shows_its_rebound_and_unbound_keys() {
    let config =
        "[keys]\n\"x\" = \"none\"\n\n[keys.library]\n\"o\" = \"follow\"\n\"s\" = \"none\"\n";
    let mut a = app(config, 200, 50);
    a.show_library(Vec::new(), false);
    let buf = draw(&a);
    let hints = row(&buf, buf.area.height - 1);
    assert!(hints.contains("o open"), "the user's key first: {hints}");
    assert!(!hints.contains("sort"), "no key, no hint: {hints}");
    let theme = brief::ui::Theme::get(true);
    let help = brief::ui::popup::help_lines_for(&a.settings().keymap, Lang::En, theme, 196);
    let help: Vec<String> = help.iter().map(ToString::to_string).collect();
    let help_row = |what: &str| {
        help.iter()
            .find(|l| l.contains(what))
            .unwrap_or_else(|| panic!("a row for {what}"))
            .trim_start()
            .to_owned()
    };
    assert!(
        help_row("sort the briefs").starts_with("(no key)"),
        "{help:#?}"
    );
    assert!(help_row("export the annotations").starts_with("(no key)"));
    assert!(help_row("open the brief").starts_with("o <Enter>"));
    a.type_keys("s");
    assert_eq!(
        a.library().map(|l| l.sort),
        Some(brief::app::library_screen::Sort::Date),
        "s sorts no more"
    );
}

#[test]
fn themes_change_colours_and_no_color_wins() {
    let colours = |config: &str, no_color: bool| {
        let mut a = app(config, 120, 40);
        a.set_no_color(no_color);
        let buf = draw(&a);
        buf.content()
            .iter()
            .flat_map(|c| [c.fg, c.bg])
            .filter(|c| *c != Color::Reset)
            .collect::<std::collections::HashSet<_>>()
    };
    let dark = colours("", false);
    let light = colours("theme = \"light\"", false);
    assert!(dark.contains(&Color::Cyan), "default headings: {dark:?}");
    assert!(
        light.contains(&Color::Blue) && !light.contains(&Color::Cyan),
        "light headings: {light:?}"
    );
    assert!(colours("theme = \"mono\"", false).is_empty());
    assert!(colours("theme = \"light\"", true).is_empty());
}

/// The columns the reading pane's text reaches, on rows that hold text.
fn text_right_edge(a: &App, buf: &Buffer) -> u16 {
    let text = a.areas().reader_text;
    let mut edge = 0;
    for y in text.top()..text.bottom() {
        for x in text.left()..text.right() {
            if !buf[(x, y)].symbol().trim().is_empty() {
                edge = edge.max(x + 1 - text.left());
            }
        }
    }
    edge
}

#[test]
fn the_text_wraps_at_wrap_width_or_the_pane() {
    let narrow = app("wrap_width = 30", 120, 40);
    let edge = text_right_edge(&narrow, &draw(&narrow));
    assert!((26..=30).contains(&edge), "wraps at 30: {edge}");
    let pane = app("", 120, 40);
    let full = text_right_edge(&pane, &draw(&pane));
    assert!(full > 40, "the default fills the pane: {full}");
    for config in ["wrap_width = 0", "wrap_width = 400"] {
        let a = app(config, 120, 40);
        assert_eq!(draw(&a), draw(&pane), "{config} is the pane's width");
    }
}

/// Every cell holds a character with one width in every terminal.
fn assert_unambiguous(buf: &Buffer, what: &str) {
    for y in 0..buf.area.height {
        for x in 0..buf.area.width {
            let s = buf[(x, y)].symbol();
            assert!(
                !s.chars().any(brief::text::is_ambiguous),
                "{what}: {s:?} at {x},{y} in\n{}",
                screen(buf)
            );
        }
    }
}

#[test]
fn ambiguous_width_two_draws_nothing_ambiguous() {
    for config in ["ambiguous_width = 2", "ascii_frames = true"] {
        for (w, h) in [(80, 24), (200, 50)] {
            for keys in [
                "",
                "]f<Enter>",
                "?",
                "<Tab>",
                "<Tab><Tab>",
                "gM",
                "/북러<Enter>",
                "]fvwa메모",
            ] {
                let mut a = app(config, w, h);
                a.type_keys(keys);
                let buf = draw(&a);
                let what = format!("{config} {w}x{h} {keys}");
                assert_unambiguous(&buf, &what);
                let hangul = buf.content().iter().any(|c| {
                    c.symbol()
                        .chars()
                        .any(|ch| ('\u{AC00}'..='\u{D7A3}').contains(&ch))
                });
                assert!(hangul, "{what}: Hangul still shown");
            }
        }
    }
    let plain = draw(&app("", 200, 50));
    assert!(
        plain
            .content()
            .iter()
            .any(|c| c.symbol().chars().any(brief::text::is_ambiguous)),
        "without the setting the frames are box drawing"
    );
}

#[test]
fn markers_are_bracketed_where_superscripts_would_be_wide() {
    let mut a = app("ambiguous_width = 2", 120, 40);
    a.type_keys("]f");
    let text = screen(&draw(&a));
    assert!(text.contains("다.[1]"), "{text}");
    let mut b = app("ambiguous_width = 2", 120, 40);
    b.type_keys("]f");
    let marker = b.marker().expect("a marker under the cursor");
    let block = &b.doc().blocks[marker.block];
    let m = block.markers[marker.marker];
    let shown: String = block
        .text
        .chars()
        .skip(m.start)
        .take(m.end - m.start)
        .collect();
    assert_eq!(shown, "[1]", "the marker's range covers its brackets");
}

#[test]
fn ascii_framed_screen() {
    let mut a = app("ambiguous_width = 2", 120, 40);
    a.set_no_color(true);
    a.type_keys("]f");
    insta::assert_snapshot!(screen(&draw(&a)));
}
