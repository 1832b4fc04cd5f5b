//! The Korean and English catalogues hold the same keys with the same placeholders, and every
//! key the code names is in them.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/assets/locales");

/// A catalogue flattened to `a.b.c` keys.
fn catalogue(code: &str) -> BTreeMap<String, String> {
    let path = Path::new(DIR).join(format!("{code}.toml"));
    let text = std::fs::read_to_string(&path).expect("the catalogue is part of the repository");
    let table: toml::Table = toml::from_str(&text).expect("the catalogue is valid TOML");
    let mut out = BTreeMap::new();
    flatten("", &toml::Value::Table(table), &mut out);
    out
}

fn flatten(prefix: &str, value: &toml::Value, out: &mut BTreeMap<String, String>) {
    match value {
        toml::Value::Table(t) => {
            for (k, v) in t {
                let key = if prefix.is_empty() {
                    k.clone()
                } else {
                    format!("{prefix}.{k}")
                };
                flatten(&key, v, out);
            }
        }
        toml::Value::String(s) => {
            out.insert(prefix.to_owned(), s.clone());
        }
        other => panic!("{prefix}: a message must be a string, not {other}"),
    }
}

fn placeholders(message: &str) -> BTreeSet<&str> {
    message
        .split("%{")
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
        .collect()
}

#[test]
fn both_catalogues_hold_the_same_keys() {
    let (ko, en) = (catalogue("ko"), catalogue("en"));
    let only_ko: Vec<&String> = ko.keys().filter(|k| !en.contains_key(*k)).collect();
    let only_en: Vec<&String> = en.keys().filter(|k| !ko.contains_key(*k)).collect();
    assert!(only_ko.is_empty(), "only in ko.toml: {only_ko:?}");
    assert!(only_en.is_empty(), "only in en.toml: {only_en:?}");
    assert!(ko.len() > 100, "the catalogue covers the interface");
}

#[test]
fn both_languages_fill_the_same_placeholders() {
    let (ko, en) = (catalogue("ko"), catalogue("en"));
    for (key, english) in &en {
        let korean = &ko[key];
        assert_eq!(
            placeholders(korean),
            placeholders(english),
            "{key}: {korean} / {english}"
        );
        assert!(!korean.trim().is_empty(), "{key} is empty in Korean");
    }
}

/// Every `"section.key"` literal in the sources names a message of the catalogue.
#[test]
fn every_key_the_code_names_exists() {
    let en = catalogue("en");
    let sections: BTreeSet<&str> = en.keys().filter_map(|k| k.split('.').next()).collect();
    let mut missing = Vec::new();
    let mut seen = 0;
    let mut stack = vec![Path::new(env!("CARGO_MANIFEST_DIR")).join("src")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("src is readable").flatten() {
            let path = entry.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let text = std::fs::read_to_string(&path).expect("a source file");
                for key in text.split('"').skip(1).step_by(2) {
                    let Some((section, rest)) = key.split_once('.') else {
                        continue;
                    };
                    // `config.toml` and the like are file names, not keys.
                    let file_name =
                        ["toml", "json", "rs", "txt", "md", "csv", "html"].contains(&rest);
                    let is_key = !file_name
                        && sections.contains(section)
                        && !rest.is_empty()
                        && rest
                            .chars()
                            .all(|c| c.is_ascii_lowercase() || c == '_' || c == '.');
                    if is_key {
                        seen += 1;
                        if !en.contains_key(key) && key != "no.such.key" {
                            missing.push(format!("{}: {key}", path.display()));
                        }
                    }
                }
            }
        }
    }
    assert!(seen > 20, "the scan finds the keys the code uses ({seen})");
    assert!(
        missing.is_empty(),
        "keys not in the catalogue: {missing:#?}"
    );
}

/// Every binding of the keymap table, and every help section, has its description in both
/// catalogues (the help popup falls back to the table's English only for a missing key).
#[test]
fn every_keymap_row_has_its_help_in_both_languages() {
    use brief::app::keymap::{HELP_SECTIONS, KEYMAP, context_name, help_key};
    let (ko, en) = (catalogue("ko"), catalogue("en"));
    let mut missing = Vec::new();
    let sections = HELP_SECTIONS
        .iter()
        .map(|(c, _)| format!("help.section.{}", context_name(*c)));
    for key in KEYMAP.iter().map(help_key).chain(sections) {
        for (code, table) in [("ko", &ko), ("en", &en)] {
            if !table.contains_key(&key) {
                missing.push(format!("{code}: {key}"));
            }
        }
    }
    missing.dedup();
    assert!(
        missing.is_empty(),
        "help not in the catalogue: {missing:#?}"
    );
}

/// Every key hint of the status bar has its word in both catalogues.
#[test]
fn every_status_hint_has_its_word_in_both_languages() {
    let (ko, en) = (catalogue("ko"), catalogue("en"));
    let mut missing = Vec::new();
    for (_, _, actions) in brief::app::keymap::HINTS {
        for (_, word) in *actions {
            let key = format!("hint.{}", word.replace(' ', "_"));
            if !ko.contains_key(&key) || en.get(&key).map(String::as_str) != Some(*word) {
                missing.push(key);
            }
        }
    }
    assert!(
        missing.is_empty(),
        "hints not in the catalogue: {missing:?}"
    );
}
