//! The linked panes and search, driven by key strings without a terminal.

use brief::app::document::BlockKind;
use brief::app::{App, Popup};
use brief::brief::{Index, load};

fn app(width: u16, height: u16) -> App {
    let (brief, _) = load::builtin().expect("built-in brief");
    App::new(Index::new(brief), width, height)
}

/// The kind of block the current search match is in.
fn match_kind(a: &App) -> Option<BlockKind> {
    let m = a.search().current_match()?;
    Some(a.doc().blocks[m.block].kind)
}

#[test]
fn search_finds_footnote_text_and_opens_the_footnote() {
    for (query, note) in [
        ("연합뉴스", Some(8)),
        ("Refined", Some(20)),
        ("Лавров", None),
    ] {
        let mut a = app(120, 40);
        a.type_keys(&format!("/{query}<Enter>"));
        let total = a.search().matches.len();
        assert!(total > 0, "{query}: no match");
        // Лавров also finds 라브로프 in the body (an alias): step to the footnotes.
        for _ in 0..total {
            if matches!(match_kind(&a), Some(BlockKind::Footnote(_))) {
                break;
            }
            assert_eq!(a.popup(), None, "{query}: a body match opens nothing");
            a.type_keys("n");
        }
        let Some(BlockKind::Footnote(n)) = match_kind(&a) else {
            panic!("{query}: no match in a footnote");
        };
        assert_eq!(a.popup(), Some(Popup::Footnote(n)), "{query}");
        if let Some(note) = note {
            assert_eq!(n, note, "{query}");
        }
    }
}

#[test]
fn n_steps_from_footnote_to_footnote_through_the_popup() {
    let mut a = app(120, 40);
    a.type_keys("/RFA<Enter>");
    let total = a.search().matches.len();
    assert!(total >= 2, "RFA is cited more than once");
    let first = a.search().current;
    a.type_keys("n");
    assert_ne!(a.search().current, first, "n works with the popup open");
    assert!(matches!(a.popup(), Some(Popup::Footnote(_))));
    a.type_keys("N");
    assert_eq!(a.search().current, first);
    a.type_keys("<Esc>");
    assert_eq!(a.popup(), None);
}

#[test]
fn body_matches_stay_in_the_reader() {
    let mut a = app(120, 40);
    a.type_keys("/SWIFT<Enter>");
    assert_eq!(a.popup(), None);
    assert_eq!(match_kind(&a), Some(BlockKind::Paragraph));
}

#[test]
fn a_source_outlet_is_found_at_its_footnote() {
    let mut a = app(120, 40);
    a.type_keys("/RFA");
    assert_ne!(a.search().count(), "0/0");
    assert!(
        a.search()
            .matches
            .iter()
            .any(|m| matches!(a.doc().blocks[m.block].kind, BlockKind::Footnote(_)))
    );
}
