//! Key handling without a terminal: keys -> actions -> state.

use brief::app::document::BlockKind;
use brief::app::{App, Effect, Focus, Popup, Tab};
use brief::brief::{Index, load};

fn app(width: u16, height: u16) -> App {
    let (brief, _) = load::builtin().expect("built-in brief");
    App::new(Index::new(brief), width, height)
}

fn top_block_kind(app: &App) -> BlockKind {
    app.doc().blocks[app.doc().lines[app.top()].block].kind
}

#[test]
fn scrolling_keys_move_the_reading_position() {
    let mut a = app(80, 24);
    a.type_keys("jjj");
    assert_eq!(a.top(), 3);
    a.type_keys("k<Down><Up>");
    assert_eq!(a.top(), 2);
    a.type_keys("<Space>");
    assert_eq!(a.top(), 2 + a.page() - 1);
    a.type_keys("b");
    assert_eq!(a.top(), 2);
    a.type_keys("G");
    assert_eq!(a.top(), a.max_top());
    a.type_keys("g");
    assert_eq!(a.top(), 0);
    a.type_keys("<C-d>");
    assert_eq!(a.top(), a.page() / 2);
}

#[test]
fn sections_and_history() {
    let mut a = app(120, 40);
    a.type_keys("]]");
    let heading = a
        .visible_lines()
        .map(|l| a.doc().blocks[a.doc().lines[l].block].kind)
        .find(|k| matches!(k, BlockKind::Heading(_)));
    assert_eq!(
        heading,
        Some(BlockKind::Heading(1)),
        "the summary heading is on screen"
    );
    assert_ne!(top_block_kind(&a), BlockKind::Title);
    let first = a.current_section();
    a.type_keys("]]]]");
    let third = a.current_section();
    assert_ne!(first, third);
    a.type_keys("<C-o>");
    assert_eq!(a.back().len(), 2);
    a.type_keys("<C-o><C-o>");
    assert_eq!(a.top(), 0, "back to the start");
    a.type_keys("<C-n>");
    assert_eq!(a.current_section(), first);
}

#[test]
fn marker_enter_opens_footnote_without_moving() {
    let mut a = app(120, 40);
    a.type_keys("]f");
    let top = a.top();
    a.type_keys("<Enter>");
    assert_eq!(a.popup(), Some(Popup::Footnote(1)));
    assert_eq!(a.top(), top);
    a.type_keys("<Esc>");
    assert_eq!(a.popup(), None);
    a.type_keys("]f<Enter>");
    assert_eq!(a.popup(), Some(Popup::Footnote(2)));
    a.type_keys("<Esc>[f<Enter>");
    assert_eq!(a.popup(), Some(Popup::Footnote(1)));
}

#[test]
fn search_lands_counts_and_escape_returns() {
    let mut a = app(80, 24);
    a.type_keys("/SWIFT");
    assert!(a.search().active);
    assert_eq!(a.search().count(), "1/1");
    a.type_keys("<Esc>");
    assert_eq!(a.top(), 0, "Esc returns to where the search started");
    a.type_keys("/북러<Enter>");
    assert!(!a.search().active);
    let n = a.search().matches.len();
    assert!(n > 20, "{n}");
    assert_eq!(a.search().count(), format!("1/{n}"));
    a.type_keys("nn");
    assert_eq!(a.search().count(), format!("3/{n}"));
    a.type_keys("N");
    assert_eq!(a.search().count(), format!("2/{n}"));
    a.type_keys("/ㅂㄹ");
    assert!(!a.search().matches.is_empty());
    a.type_keys("<Esc>/Lavrov<Enter>");
    let m = a.search().current_match().expect("a match").clone();
    let text: String = a.doc().blocks[m.block]
        .text
        .chars()
        .skip(m.range.start)
        .take(m.range.len())
        .collect();
    assert!(
        text.starts_with("라브로프") || text.contains("라브로프"),
        "{text}"
    );
}

#[test]
fn search_then_back_returns() {
    let mut a = app(80, 24);
    a.type_keys("/SWIFT<Enter>");
    assert!(a.top() > 100);
    a.type_keys("<C-o>");
    assert_eq!(a.top(), 0);
}

#[test]
fn marks() {
    let mut a = app(80, 24);
    a.type_keys("jjjjjma");
    let here = a.top();
    a.type_keys("G'a");
    assert_eq!(a.top(), here);
}

#[test]
fn side_pane_follows_and_jumps() {
    let mut a = app(200, 50);
    a.type_keys("<Tab>");
    assert_eq!(a.focus(), Focus::Side);
    assert_eq!(a.tab(), Tab::Citations);
    let listed = a.citations();
    assert!(!listed.is_empty());
    a.type_keys("t");
    assert_eq!(a.tab(), Tab::Recommendations);
    a.type_keys("jj<Enter>1");
    let r = &a.index().brief.recommendations[2];
    let visible = a.visible_paragraphs();
    assert!(
        r.paragraphs.iter().any(|p| visible.contains(&p.as_str())),
        "jumped to the recommendation's passage"
    );
    assert!(a.flash().is_some());
    a.type_keys("<C-o>");
    assert_eq!(a.top(), 0);
    a.type_keys("t<Enter>");
    assert_eq!(a.tab(), Tab::Entities);
    let first_visit = a.top();
    a.type_keys("<Enter><Enter>");
    assert!(a.message().contains("3/"), "{}", a.message());
    assert!(a.top() >= first_visit);
}

#[test]
fn citations_follow_the_reading_position() {
    let mut a = app(120, 40);
    let at_start = a.citations();
    a.type_keys("G");
    let at_end = a.citations();
    assert_ne!(at_start, at_end);
}

#[test]
fn narrow_terminal_folds_panes_into_overlays() {
    let mut a = app(80, 24);
    assert_eq!(a.areas().side.width, 0);
    a.type_keys("<Tab>");
    assert!(a.areas().side.width > 0 && a.areas().overlay);
    a.type_keys("<Esc>");
    assert_eq!(a.focus(), Focus::Reader);
    assert_eq!(a.areas().side.width, 0);
}

#[test]
fn resize_keeps_the_reading_position() {
    let mut a = app(200, 50);
    a.type_keys("]]]]");
    let pos = a.position();
    a.update(brief::app::Action::Resize {
        width: 80,
        height: 24,
    });
    a.update(brief::app::Action::Resize {
        width: 200,
        height: 50,
    });
    assert_eq!(a.position().block, pos.block);
    for (w, h) in [(1, 1), (10, 3), (39, 9), (40, 10), (300, 100)] {
        a.update(brief::app::Action::Resize {
            width: w,
            height: h,
        });
        a.type_keys("jG]f<Enter><Esc>");
    }
}

#[test]
fn quit_saves_position() {
    let mut a = app(80, 24);
    a.type_keys("jj");
    let effects = a.type_keys("q");
    assert_eq!(
        effects,
        vec![Effect::SavePosition(a.position()), Effect::Quit]
    );
}

/// A brief the importer doubted: the status bar counts its warnings and
/// `W` lists them, each naming its line.
#[test]
fn warnings_are_counted_and_one_key_away() {
    let overlay = brief::brief::overlay::Overlay::builtin().expect("overlay");
    let raw = "장보기 목록\n\n우유, 계란, 두부를 사고\n";
    let (b, _) = brief::brief::import::import(raw, "list.txt", &overlay, "content/overlay.json")
        .expect("a readable text opens");
    assert!(!b.warnings.is_empty());
    let count = b.warnings.len();
    let mut a = App::new(Index::new(b), 100, 30);
    assert!(
        screen(&mut a, 100, 30)
            .join("\n")
            .contains(&format!("{count} warnings: W"))
    );
    a.type_keys("W");
    assert_eq!(a.popup(), Some(Popup::Warnings));
    let shown = screen(&mut a, 100, 30).join("\n");
    assert!(shown.contains("line 1: the header has no"), "{shown}");
    assert!(shown.contains("line 1: no headings were found"), "{shown}");
    a.type_keys("<Esc>");
    assert_eq!(a.popup(), None);
}

/// A brief with pages (form feeds here, a PDF's pages alike) shows the
/// page of the passage at the top of the reader in the status bar.
#[test]
fn the_status_bar_shows_the_page() {
    let overlay = brief::brief::overlay::Overlay::builtin().expect("overlay");
    let page = |p: &str| {
        (1..40)
            .map(|i| format!("{p} 쪽의 {i}번째 문단이다."))
            .collect::<Vec<_>>()
            .join("\n\n")
            + "\n\n"
    };
    let (first_page, second_page) = (page("첫"), page("둘째"));
    let raw = format!(
        "이슈브리프\n\nNo. 2099-01\n\n제목\n\n홍길동\n\n가상연구소 연구위원\n\n2099-01-01\n\n1. 첫째\n\n{first_page}{}2. 둘째\n\n{second_page}",
        '\u{c}'
    );
    let (b, _) = brief::brief::import::import(&raw, "pages.txt", &overlay, "content/overlay.json")
        .expect("opens");
    assert_eq!(b.meta.pages, Some(2));
    let mut a = App::new(Index::new(b), 80, 24);
    a.type_keys("]]");
    assert!(
        screen(&mut a, 80, 24)[23].contains("p. 1"),
        "{}",
        screen(&mut a, 80, 24)[23]
    );
    a.type_keys("]]");
    assert!(
        screen(&mut a, 80, 24)[23].contains("p. 2"),
        "{}",
        screen(&mut a, 80, 24)[23]
    );
}

/// The screen as rows of text, drawn as the real loop draws it.
fn screen(a: &mut App, width: u16, height: u16) -> Vec<String> {
    let mut t = ratatui::Terminal::new(ratatui::backend::TestBackend::new(width, height))
        .expect("terminal");
    brief::tui::draw(&mut t, a).expect("draw");
    let buf = t.backend().buffer();
    (0..buf.area.height)
        .map(|y| (0..buf.area.width).map(|x| buf[(x, y)].symbol()).collect())
        .collect()
}

/// Status messages follow the App's language, English and Korean side by side in one process.
#[test]
fn messages_speak_the_apps_language() {
    let said = |lang: brief::i18n::Lang| {
        let mut a = app(120, 40);
        a.set_lang(lang);
        a.type_keys("[[");
        let first = a.message().to_string();
        a.type_keys("]f");
        (a.message().to_string(), first)
    };
    let (marker_en, first_en) = said(brief::i18n::Lang::En);
    let (marker_ko, first_ko) = said(brief::i18n::Lang::Ko);
    assert_eq!(marker_en, "footnote 1: Enter opens it");
    assert_eq!(marker_ko, "각주 1: Enter로 엽니다");
    assert_eq!(first_en, "first section");
    assert_eq!(first_ko, "첫 절입니다");
}
