//! The export dialog as a user sees it, in both languages, on ratatui's TestBackend (insta).

use brief::app::App;
use brief::brief::{Index, load};
use brief::i18n::Lang;
use common::screens::text_of;
use ratatui::Terminal;
use ratatui::backend::{Backend, TestBackend};

mod common;

/// The screen after a note is written and `keys` typed.
fn screen(lang: Lang, keys: &str) -> (String, Option<(u16, u16)>) {
    let (brief, _) = load::builtin().expect("built-in brief");
    let mut app = App::new(Index::new(brief), 80, 24);
    app.set_no_color(true);
    app.set_lang(lang);
    app.type_keys("]f]fv)a회담 준비<C-s>");
    app.type_keys(keys);
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
    terminal
        .draw(|f| {
            brief::ui::draw(&app, f);
        })
        .expect("draw");
    let cursor = terminal
        .backend_mut()
        .get_cursor_position()
        .ok()
        .map(|p| (p.x, p.y));
    let visible = terminal.backend().cursor_visible();
    let buffer = terminal.backend().buffer().clone();
    (text_of(&buffer), cursor.filter(|_| visible))
}

#[test]
fn export_formats_80x24() {
    let (s, cursor) = screen(Lang::En, "xj");
    assert!(cursor.is_none(), "no caret while choosing a format");
    insta::assert_snapshot!(s);
}

#[test]
fn export_formats_80x24_ko() {
    let (s, _) = screen(Lang::Ko, "xjb");
    insta::assert_snapshot!(s);
}

#[test]
fn export_path_80x24() {
    let (s, cursor) = screen(Lang::En, "x4");
    let (x, y) = cursor.expect("the caret is in the path field");
    let row = s.lines().nth(y as usize).expect("the caret's row");
    assert!(row.contains("_2025-09.html"), "{row}");
    let before: String = row.chars().take_while(|c| *c != '_').collect();
    let name = "_2025-09.html";
    let expected = brief::text::str_width(&before) + name.len();
    assert_eq!(x as usize, expected, "the caret after the name:\n{s}");
    insta::assert_snapshot!(s);
}

#[test]
fn export_overwrite_question_80x24_ko() {
    let dir = tempfile::tempdir().expect("temp dir");
    let taken = dir.path().join("taken.md");
    std::fs::write(&taken, "x").expect("a file in the way");
    let (brief, _) = load::builtin().expect("built-in brief");
    let mut app = App::new(Index::new(brief), 80, 24);
    app.set_lang(Lang::Ko);
    app.type_keys("]f]fv)a회담 준비<C-s>x1<C-u>");
    let typed = format!("{}<Enter>", taken.display());
    for effect in app.type_keys(&typed) {
        if let brief::app::Effect::Export(r) = effect {
            brief::tui::export::run_export(&mut app, &r);
        }
    }
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
    terminal
        .draw(|f| {
            brief::ui::draw(&app, f);
        })
        .expect("draw");
    let s = text_of(terminal.backend().buffer());
    assert!(s.contains("y 덮어쓰기"), "{s}");
    assert!(
        s.lines().last().is_some_and(|l| l.contains("덮어쓸까요")),
        "{s}"
    );
}

#[test]
fn export_path_80x24_ko() {
    let (s, cursor) = screen(Lang::Ko, "x1");
    assert!(cursor.is_some(), "the caret is in the path field");
    insta::assert_snapshot!(s);
}

/// The dialog on the smallest screens the reader draws: clipped, never past the edges.
#[test]
fn export_dialog_on_small_screens() {
    for (width, height) in [(40, 10), (41, 12), (52, 16)] {
        let (brief, _) = load::builtin().expect("built-in brief");
        let mut app = App::new(Index::new(brief), width, height);
        app.type_keys("]f]fv)a회담<C-s>x2");
        assert!(app.export_dialog().is_some(), "{width}x{height}");
        let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("terminal");
        terminal
            .draw(|f| {
                brief::ui::draw(&app, f);
            })
            .expect("draw");
        let s = text_of(terminal.backend().buffer());
        for row in s.lines() {
            assert!(
                brief::text::str_width(row) <= width as usize,
                "{width}x{height}:\n{s}"
            );
        }
        assert!(s.contains("CSV"), "{width}x{height}:\n{s}");
    }
}
