//! Every screen of the reader in both languages at 80x24 and 200x50, on the built-in brief,
//! and the library screen's views on a library of the built-in brief and three fixture briefs
//! (insta; `INSTA_UPDATE=always` writes them, and each is read by eye before it is kept).

mod common;

use brief::brief::load;
use brief::i18n::Lang;
use common::library::{LIBRARY_SCREENS, with_notes};
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

/// The four snapshots of the library screen's view called `name`.
fn library_snapshots(name: &str) {
    let keys = LIBRARY_SCREENS
        .iter()
        .find(|(n, _)| *n == name)
        .map(|(_, k)| *k)
        .expect("a view of the list");
    for lang in Lang::ALL {
        for size in SIZES {
            let mut r = with_notes(lang, size.0, size.1);
            r.keys(keys);
            let snapshot = format!("{name}_{}x{}_{}", size.0, size.1, lang.code());
            insta::assert_snapshot!(snapshot, r.screen());
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

macro_rules! library_screens {
    ($($name:ident),* $(,)?) => {$(
        #[test]
        fn $name() {
            library_snapshots(stringify!($name));
        }
    )*};
}

library_screens!(
    library_briefs,
    library_hits,
    library_notes,
    library_filter,
    library_help,
);

/// Every screen of the list has its snapshots.
#[test]
fn every_screen_is_snapshotted() {
    let source = include_str!("i18n_snapshots.rs");
    for (name, _) in SCREENS.iter().chain(LIBRARY_SCREENS) {
        assert!(source.contains(&format!("    {name},\n")), "{name}");
    }
}
