//! Whole screens as a user sees them, on ratatui's TestBackend (insta).

use brief::app::App;
use brief::brief::{Index, load};
use brief::i18n::Lang;
use common::screens::text_of;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

mod common;

/// The screen in English.
fn screen(width: u16, height: u16, keys: &str) -> String {
    screen_in(Lang::En, width, height, keys)
}

fn screen_in(lang: Lang, width: u16, height: u16, keys: &str) -> String {
    let (brief, _) = load::builtin().expect("built-in brief");
    let mut app = App::new(Index::new(brief), width, height);
    app.set_no_color(true);
    app.set_lang(lang);
    app.type_keys(keys);
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("terminal");
    terminal
        .draw(|f| {
            brief::ui::draw(&app, f);
        })
        .expect("draw");
    let buffer = terminal.backend().buffer().clone();
    assert_rows_fit(&buffer);
    text_of(&buffer)
}

/// No row is wider than the screen and no wide character is split.
fn assert_rows_fit(buf: &ratatui::buffer::Buffer) {
    let area = buf.area;
    for y in 0..area.height {
        let mut width = 0;
        let mut x = 0;
        while x < area.width {
            let cell = &buf[(x, y)];
            let w = brief::text::str_width(cell.symbol()).max(1);
            width += w;
            x += w as u16;
        }
        assert_eq!(
            width, area.width as usize,
            "row {y} is {width} columns wide"
        );
    }
}

#[test]
fn open_80x24() {
    insta::assert_snapshot!(screen(80, 24, ""));
}

#[test]
fn open_120x40() {
    insta::assert_snapshot!(screen(120, 40, ""));
}

#[test]
fn open_200x50() {
    insta::assert_snapshot!(screen(200, 50, ""));
}

#[test]
fn section_two_200x50() {
    insta::assert_snapshot!(screen(200, 50, "]]]]]]]]"));
}

#[test]
fn footnote_popup_120x40() {
    insta::assert_snapshot!(screen(120, 40, "]f]f<Enter>"));
}

#[test]
fn search_swift_80x24() {
    insta::assert_snapshot!(screen(80, 24, "/SWIFT"));
}

#[test]
fn side_overlay_80x24() {
    insta::assert_snapshot!(screen(80, 24, "]]]]<Tab>"));
}

#[test]
fn recommendations_120x40() {
    insta::assert_snapshot!(screen(120, 40, "<Tab>t"));
}

#[test]
fn help_80x24() {
    insta::assert_snapshot!(screen(80, 24, "?"));
}

#[test]
fn open_80x24_ko() {
    insta::assert_snapshot!(screen_in(Lang::Ko, 80, 24, ""));
}

#[test]
fn side_overlay_80x24_ko() {
    insta::assert_snapshot!(screen_in(Lang::Ko, 80, 24, "]]]]<Tab>"));
}

#[test]
fn help_80x24_ko() {
    insta::assert_snapshot!(screen_in(Lang::Ko, 80, 24, "?"));
}

#[test]
fn footnote_popup_80x24() {
    insta::assert_snapshot!(screen(80, 24, "]f]f<Enter>"));
}

#[test]
fn footnote_popup_80x24_ko() {
    insta::assert_snapshot!(screen_in(Lang::Ko, 80, 24, "]f]f<Enter>"));
}

#[test]
fn too_small() {
    insta::assert_snapshot!(screen(30, 8, ""));
    for (w, h) in [(1, 1), (2, 1), (39, 10), (40, 9), (40, 10), (41, 11)] {
        screen(w, h, "]f<Enter>jj<Esc><Tab>");
    }
}

/// The screen the README shows is the reader as it is now.
#[test]
fn readme_screen_is_current() {
    let now = screen(120, 40, "]]]]]f");
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/reader-120x40.txt");
    if std::env::var_os("BRIEF_UPDATE_ASSETS").is_some() {
        std::fs::write(path, &now).expect("write the asset");
    }
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"))
        .unwrap_or_default();
    assert!(
        readme.contains(&now),
        "README.md shows a stale screen: paste assets/reader-120x40.txt into it"
    );
    let shown = std::fs::read_to_string(path).unwrap_or_default();
    assert_eq!(
        shown, now,
        "assets/reader-120x40.txt is stale: rerun with BRIEF_UPDATE_ASSETS=1"
    );
}

/// `assets/keymap.txt` lists the keymap table exactly as the reader dispatches it.
#[test]
fn keymap_asset_is_current() {
    use brief::app::keymap::{Context, KEYMAP};
    let mut now = String::from(
        "# brief's default keys (generated from src/app/keymap.rs; the help screen shows the same)\n",
    );
    for b in KEYMAP {
        let context = match b.context {
            Context::Normal => "normal",
            Context::Search => "search",
            Context::Popup => "popup",
            Context::Recommendation => "recview",
            Context::Visual => "visual",
            Context::Editor => "editor",
            Context::Library => "library",
            Context::LibraryInput => "libinput",
        };
        now += &format!("{context:<7} {:<24} {}\n", b.keys, b.help);
    }
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/keymap.txt");
    if std::env::var_os("BRIEF_UPDATE_ASSETS").is_some() {
        std::fs::write(path, &now).expect("write the asset");
    }
    assert_eq!(
        std::fs::read_to_string(path).unwrap_or_default(),
        now,
        "assets/keymap.txt is stale: rerun with BRIEF_UPDATE_ASSETS=1"
    );
}
