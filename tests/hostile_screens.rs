//! No buffer cell ever holds a control character, whatever the content.

use brief::app::App;
use brief::brief::overlay::Overlay;
use brief::brief::{Index, load};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

fn is_control(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{061C}')
}

fn hostile_app(width: u16, height: u16) -> App {
    let bytes = include_bytes!("fixtures/hostile_brief.txt");
    let overlay = Overlay::builtin().expect("overlay");
    let (brief, _) = load::load(bytes, "hostile_brief.txt", &overlay, "content/overlay.json")
        .expect("the hostile brief loads");
    App::new(Index::new(brief), width, height)
}

fn assert_clean(app: &App, width: u16, height: u16, step: &str) {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("terminal");
    terminal
        .draw(|f| {
            brief::ui::draw(app, f);
        })
        .expect("draw");
    let buf = terminal.backend().buffer();
    for (i, cell) in buf.content.iter().enumerate() {
        let bad: Vec<char> = cell.symbol().chars().filter(|c| is_control(*c)).collect();
        assert!(bad.is_empty(), "{step}: cell {i} holds {bad:?}");
        assert!(
            cell.symbol().chars().count() <= 16,
            "{step}: cell {i} holds a flood: {:?}",
            cell.symbol()
        );
    }
}

#[test]
fn hostile_content_never_reaches_the_terminal() {
    for (w, h) in [(80, 24), (120, 40), (200, 50), (41, 11)] {
        let mut app = hostile_app(w, h);
        let steps = [
            "",
            "]f<Enter>",
            "<Esc>]f<Enter>",
            "<Esc>G",
            "<Tab>",
            "t",
            "t",
            "<Esc>?",
            "<Esc>/색깔",
            "<Enter>E",
            "U",
        ];
        for step in steps {
            app.type_keys(step);
            assert_clean(&app, w, h, step);
        }
    }
}

#[test]
fn hostile_strings_are_stripped_at_the_door() {
    let app = hostile_app(80, 24);
    let b = &app.index().brief;
    let json = serde_json::to_string(b).expect("json");
    assert!(
        !json.contains("\\u001b") && !json.contains("\\u0007"),
        "escape or bell in the model"
    );
    assert!(
        b.meta.title.contains("악성 입력") && !b.meta.title.contains("pwned"),
        "{}",
        b.meta.title
    );
    assert_eq!(b.footnotes.len(), 2);
    assert_eq!(b.sources.len(), 2);
}
