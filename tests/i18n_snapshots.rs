//! Every screen of the reader in both languages at 80x24 and 200x50, on the built-in brief
//! (insta; `INSTA_UPDATE=always` writes them, and each is read by eye before it is kept).

mod common;

use brief::brief::load;
use brief::i18n::Lang;
use common::screens::{SCREENS, SIZES, screen};

/// The four snapshots of the screen called `name`.
fn snapshots(name: &str) {
    let keys = SCREENS
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, k)| *k)
        .expect("a screen of the list");
    let (brief, _) = load::builtin().expect("the built-in brief");
    for lang in Lang::ALL {
        for size in SIZES {
            let shown = screen(&brief, lang, size, keys);
            let snapshot = format!("{name}_{}x{}_{}", size.0, size.1, lang.code());
            insta::assert_snapshot!(snapshot, shown);
        }
    }
}

macro_rules! screens {
    ($($name:ident),* $(,)?) => {$(
        #[test]
        fn $name() {
            snapshots(stringify!($name));
        }
    )*};
}

screens!(
    main,
    citations,
    recommendations,
    entities,
    notes,
    outline,
    help,
    footnote,
    warnings,
    messages,
    recommendation_view,
    search,
    search_landed,
    note_editor,
    note_discard,
    visual,
    export_dialog,
    citation,
);

/// Every screen of the list has its snapshots.
#[test]
fn every_screen_is_snapshotted() {
    let source = include_str!("i18n_snapshots.rs");
    for (name, _) in SCREENS {
        assert!(source.contains(&format!("    {name},\n")), "{name}");
    }
}
