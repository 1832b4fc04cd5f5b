use super::*;
use crate::app::keymap::Context;

fn err(src: &str) -> String {
    parse(src, "/c/config.toml").expect_err("a bad config").0
}

#[test]
fn reads_every_setting() {
    let src = "lang = \"ko\"\ntheme = \"light\"\nwrap_width = 72\nambiguous_width = 2\n\
               ascii_frames = true\n\n[keys]\n\"J\" = \"next_section\"\n\n[keys.visual]\n\
               \"x\" = \"highlight\"\n";
    let c = parse(src, "config.toml").expect("a good config");
    assert_eq!(c.lang, Some(Lang::Ko));
    assert_eq!(c.theme, Some(ThemeName::Light));
    assert_eq!(c.wrap_width, Some(72));
    assert_eq!(c.ambiguous_width, Some(2));
    assert!(c.ascii_frames);
    assert_eq!(c.keys.len(), 2);
    let j = &c.keys[0];
    assert_eq!(
        (j.context, j.keys.as_str(), j.action.as_str(), j.line),
        (Context::Normal, "J", "next_section", 8)
    );
    let x = &c.keys[1];
    assert_eq!((x.context, x.line), (Context::Visual, 11));
}

#[test]
fn an_empty_file_is_the_defaults() {
    assert_eq!(parse("", "c"), Ok(Config::default()));
}

#[test]
fn every_error_names_the_file_and_line() {
    assert_eq!(
        err("lang = \"ko\"\nlang = \"fr\"\n")
            .split(':')
            .take(2)
            .collect::<Vec<_>>(),
        ["/c/config.toml", "2"],
        "a duplicate key is a TOML error with its line"
    );
    assert!(err("\nlang = \"fr\"").starts_with("/c/config.toml:2: language `fr`"));
    assert!(err("wrap_width = 5").starts_with("/c/config.toml:1: wrap_width"));
    assert!(err("\n\nambiguous_width = 3").starts_with("/c/config.toml:3: ambiguous_width"));
    let unknown = err("colour = \"red\"");
    assert!(
        unknown.starts_with("/c/config.toml:1: ") && unknown.contains("colour"),
        "{unknown}"
    );
    assert!(!unknown.contains('\n'), "one line: {unknown}");
}

#[test]
fn key_errors_say_which_key_and_what_is_wrong() {
    let action = err("[keys]\nj = \"line_dwn\"\n");
    assert!(
        action.starts_with("/c/config.toml:2: `line_dwn` is not an action"),
        "{action}"
    );
    assert!(
        action.contains("line_down"),
        "suggests real names: {action}"
    );
    let key = err("[keys]\n\"<Ctrl-x>\" = \"quit\"\n");
    assert!(
        key.starts_with("/c/config.toml:2: `<Ctrl-x>` is not a key"),
        "{key}"
    );
    let mode = err("[keys.insert]\nx = \"quit\"\n");
    assert!(
        mode.starts_with("/c/config.toml:1: `[keys.insert]`"),
        "{mode}"
    );
    let search_only = err("[keys.search]\nx = \"next_section\"\n");
    assert!(
        search_only.contains("`next_section` is not an action"),
        "{search_only}"
    );
}

#[test]
fn a_key_that_starts_another_is_a_conflict() {
    let prefix = err("[keys]\n\"]\" = \"quit\"\n");
    assert!(
        prefix.starts_with("/c/config.toml:2: `]` conflicts with `]]`"),
        "{prefix}"
    );
    let mark = err("[keys]\n\"m\" = \"quit\"\n");
    assert!(mark.contains("conflicts with `ma`"), "{mark}");
    let between = err("[keys]\n\"x\" = \"quit\"\n\"xy\" = \"help\"\n");
    assert!(between.contains("conflicts"), "{between}");
    assert!(parse("[keys]\n\"]]\" = \"quit\"\n\"q\" = \"next_section\"\n", "c").is_ok());
}

#[test]
fn action_names_follow_the_keymap() {
    let normal = action_names(Context::Normal);
    for name in [
        "line_down",
        "cursor_word_next",
        "set_mark",
        "next_section",
        "quit",
    ] {
        assert!(normal.iter().any(|n| n == name), "{name} in {normal:?}");
    }
    assert!(!normal.iter().any(|n| n.contains('\'') || n.contains('(')));
}

#[test]
fn the_default_path_follows_xdg_then_home() {
    let var = |pairs: &'static [(&'static str, &'static str)]| {
        move |n: &str| {
            pairs
                .iter()
                .find(|(k, _)| *k == n)
                .map(|(_, v)| (*v).to_owned())
        }
    };
    assert_eq!(
        default_path(var(&[("XDG_CONFIG_HOME", "/x"), ("HOME", "/h")])),
        Some(PathBuf::from("/x/brief/config.toml"))
    );
    assert_eq!(
        default_path(var(&[("XDG_CONFIG_HOME", "relative"), ("HOME", "/h")])),
        Some(PathBuf::from("/h/.config/brief/config.toml"))
    );
    assert_eq!(default_path(var(&[])), None);
}

#[test]
fn an_explicit_file_must_exist_and_be_a_file() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let missing = dir.path().join("none.toml");
    assert!(load(Some(&missing)).is_err());
    assert!(load(Some(dir.path())).is_err(), "a folder is refused");
    let good = dir.path().join("ok.toml");
    std::fs::write(&good, "ascii_frames = true\n").expect("write");
    assert!(load(Some(&good)).expect("loads").ascii_frames);
}

#[test]
fn keys_the_reader_could_never_reach_are_errors() {
    let twice = err("[keys]\nJ = \"quit\"\n\n[keys.normal]\nJ = \"help\"\n");
    assert!(
        twice.starts_with("/c/config.toml:5: `J` is bound twice in normal mode (also on line 2)"),
        "{twice}"
    );
    let text = err("[keys.search]\nx = \"search_cancel\"\n");
    assert!(
        text.starts_with("/c/config.toml:2: `x` is typed as text in search mode"),
        "{text}"
    );
    assert!(parse("[keys.search]\n\"<C-x>\" = \"search_cancel\"\n", "c").is_ok());
    let count = err("[keys]\n\"5\" = \"quit\"\n");
    assert!(
        count.starts_with("/c/config.toml:2: `5` starts a count"),
        "{count}"
    );
    let mark = err("[keys]\n\"M\" = \"set_mark\"\n");
    assert!(mark.contains("`M{a-z}` conflicts with `M`"), "{mark}");
}

#[test]
fn an_unknown_theme_names_the_line_and_the_themes() {
    let e = err("lang = \"en\"\ntheme = \"solarized\"\n");
    assert_eq!(
        e,
        "/c/config.toml:2: theme `solarized` is not one of default, light, mono"
    );
    for (name, theme) in ThemeName::ALL {
        let src = format!("theme = \"{name}\"");
        assert_eq!(parse(&src, "c").map(|c| c.theme), Ok(Some(theme)));
    }
}

/// The keymap a config file makes.
fn keymap_of(src: &str) -> crate::app::keymap::Keymap {
    let c = parse(src, "c").expect("a good config");
    crate::app::ReaderSettings::from_config(&c).keymap
}

fn press(map: &crate::app::keymap::Keymap, context: Context, key: &str) -> Option<Action> {
    let mut pending = crate::app::keymap::Pending::default();
    crate::app::keys::parse(key)
        .into_iter()
        .filter_map(|k| map.resolve(context, k, &mut pending))
        .last()
}

use crate::app::Action;

#[test]
fn the_library_screen_keys_are_rebound_as_the_readers() {
    let src = "[keys.library]\n\"o\" = \"follow\"\n\"S\" = \"library_sort\"\n\n\
               [keys.library_input]\n\"<C-g>\" = \"search_cancel\"\n";
    let c = parse(src, "c").expect("a good config");
    let mut found: Vec<_> = c.keys.iter().map(|k| (k.line, k.context)).collect();
    found.sort_by_key(|(line, _)| *line);
    assert_eq!(
        found,
        [
            (2, Context::Library),
            (3, Context::Library),
            (6, Context::LibraryInput)
        ]
    );
    let map = keymap_of(src);
    assert_eq!(press(&map, Context::Library, "o"), Some(Action::Follow));
    assert_eq!(
        press(&map, Context::Library, "<Enter>"),
        Some(Action::Follow),
        "the action keeps its other keys"
    );
    assert_eq!(
        map.first_key(Context::Library, Action::LibrarySort),
        Some("S")
    );
    assert_eq!(
        press(&map, Context::LibraryInput, "<C-g>"),
        Some(Action::SearchCancel)
    );
    assert_eq!(
        press(&map, Context::Normal, "o"),
        None,
        "only on the library"
    );
}

#[test]
fn library_keys_follow_the_same_rules() {
    let prefix = err("[keys.library]\n\"gg\" = \"top\"\n");
    assert!(
        prefix.starts_with("/c/config.toml:2: `gg` conflicts with `g` in library mode"),
        "{prefix}"
    );
    let text = err("[keys.library_input]\nx = \"search_cancel\"\n");
    assert!(
        text.starts_with("/c/config.toml:2: `x` is typed as text in library_input mode"),
        "{text}"
    );
    let action = err("[keys.library]\nx = \"next_section\"\n");
    assert!(
        action.contains("`next_section` is not an action") && action.contains("line_down"),
        "{action}"
    );
}

#[test]
fn none_takes_a_default_key_away() {
    let src = "[keys]\n\"x\" = \"none\"\n\"m\" = \"none\"\n\n[keys.library]\n\"s\" = \"none\"\n";
    let c = parse(src, "c").expect("a good config");
    assert_eq!(c.keys[0].action, "none");
    let map = keymap_of(src);
    assert_eq!(press(&map, Context::Normal, "x"), None);
    assert_eq!(
        press(&map, Context::Normal, "mj"),
        Some(Action::LineDown),
        "m{{a-z}} goes with m: no mark is set, j moves"
    );
    assert_eq!(press(&map, Context::Normal, "j"), Some(Action::LineDown));
    assert_eq!(press(&map, Context::Library, "s"), None);
    assert_eq!(map.first_key(Context::Library, Action::LibrarySort), None);
    assert_eq!(map.first_key(Context::Normal, Action::Export), None);
}

#[test]
fn none_needs_a_key_to_take_away_and_frees_its_prefix() {
    let nothing = err("[keys.library]\n\"Z\" = \"none\"\n");
    assert_eq!(
        nothing,
        "/c/config.toml:2: `Z` is not bound in library mode, so there is nothing to unbind \
         (\"none\" takes a default key away)"
    );
    // `]` starts `]]`, `]f`, `]a`: with those taken away it is free.
    let freed =
        "[keys]\n\"]]\" = \"none\"\n\"]f\" = \"none\"\n\"]a\" = \"none\"\n\"]\" = \"quit\"\n";
    let map = keymap_of(freed);
    assert_eq!(press(&map, Context::Normal, "]"), Some(Action::Quit));
    let kept = err("[keys]\n\"]]\" = \"none\"\n\"]\" = \"quit\"\n");
    assert!(kept.contains("conflicts with `]f`"), "{kept}");
}
