//! Every screen of the reader, in both languages, at 80x24 and 200x50, on the built-in brief
//! and on corpus briefs: no internal id (a paragraph's `p15`, a source's `src-3`, a
//! recommendation's `x-r01`, an entity's `north-korea`) is ever shown, and the Korean interface
//! shows none of the English interface's words. The library screen's views too, on a library
//! built in a temporary folder from the built-in brief and three fixture briefs.

mod common;

use std::collections::BTreeSet;

use brief::brief::Brief;
use brief::brief::load;
use brief::brief::overlay::Overlay;
use brief::i18n::Lang;
use common::corpus;
use common::library::{LIBRARY_SCREENS, NOTE_TEXTS, with_notes};
use common::screens::{SCREENS, SIZES, screen};
use serde_json::Value;

/// Words of the English interface's chrome that a Korean screen must not show (unless the
/// brief itself says them).
const ENGLISH_CHROME: &[&str] = &[
    "Outline",
    "Linked",
    "Sources",
    "Recs",
    "Names",
    "Notes",
    "READ",
    "VISUAL",
    "SEARCH",
    "EDIT",
    "POPUP",
    "OUTLINE",
    "LINKED",
    "Footnote",
    "closes",
    "Help",
    "Warnings",
    "Messages",
    "Recommendation",
    "Summary",
    "Condition",
    "Person",
    "Country",
    "Organisation",
    "Place",
    "Treaty",
    "Weapon",
    "Outlet",
    "Event",
    "unsure",
    "mention",
    "previous",
    "passages",
    "yellow",
    "Commentary",
    "Cited",
    "saves",
    "cancels",
    "Actor",
    "Area",
    "confidence",
    "highlight",
    "select",
    "quit",
    "help",
    "search",
    "footnote",
    "note",
    "Source",
    "Note",
    "entities",
    "selecting",
    "first",
    "last",
    "discard",
    "panes",
    "filter",
    "jump",
];

/// Keys naming ids in the model (the values are ids, not text a reader sees).
const ID_KEYS: &[&str] = &["id", "paragraph", "paragraphs", "sources", "claims"];

/// A brief's words and its ids, read from its JSON form.
struct Vocabulary {
    words: BTreeSet<String>,
    ids: BTreeSet<String>,
}

fn tokens(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '_'))
        .filter(|t| !t.is_empty())
}

fn walk(value: &Value, key: &str, v: &mut Vocabulary) {
    let is_id = ID_KEYS.contains(&key);
    match value {
        Value::String(s) if is_id => {
            v.ids.insert(s.clone());
        }
        Value::String(s) => v.words.extend(tokens(s).map(str::to_owned)),
        Value::Array(items) => items.iter().for_each(|i| walk(i, key, v)),
        Value::Object(map) => map.iter().for_each(|(k, i)| walk(i, k, v)),
        _ => {}
    }
}

fn vocabulary(brief: &Brief) -> Vocabulary {
    let json = serde_json::to_value(brief).expect("a brief serialises");
    let mut v = Vocabulary {
        words: BTreeSet::new(),
        ids: BTreeSet::new(),
    };
    walk(&json, "", &mut v);
    // The headings the reader adds in the brief's own language, as the brief would write them.
    if brief.meta.lang == "en" {
        v.words.extend(["Summary", "Notes"].map(str::to_owned));
    }
    v
}

/// An internal id on screen: an id of the model that is no word of the brief's own text, or
/// anything shaped like one (`p12`, `src-3`, `x-r01`, `fn-2`, `rec-1`, `ent-…`).
fn looks_like_id(token: &str, v: &Vocabulary) -> bool {
    if v.words.contains(token) {
        return false;
    }
    let numbered = |prefix: &str| {
        token.strip_prefix(prefix).is_some_and(|n| {
            n.starts_with(|c: char| c.is_ascii_digit())
                && n.chars().all(|c| c.is_ascii_digit() || c == '-')
        })
    };
    v.ids.contains(token)
        || ["p", "s", "f", "r", "src-", "sec-", "x-r", "fn-", "rec-"]
            .iter()
            .any(|p| numbered(p))
        || token.starts_with("ent-")
}

fn check(name: &str, brief: &Brief, failures: &mut Vec<String>) {
    let v = vocabulary(brief);
    for lang in Lang::ALL {
        for size in SIZES {
            for (screen_name, keys) in SCREENS {
                let shown = screen(brief, lang, size, keys);
                let at = format!("{name} {screen_name} {}x{} {lang:?}", size.0, size.1);
                find_ids_and_english(&shown, lang, &v, &at, failures);
            }
        }
    }
}

/// Every id on a screen, and in Korean every English word of the interface.
fn find_ids_and_english(
    shown: &str,
    lang: Lang,
    v: &Vocabulary,
    at: &str,
    failures: &mut Vec<String>,
) {
    for token in tokens(shown) {
        if looks_like_id(token, v) {
            failures.push(format!("{at}: id `{token}`"));
        }
        if lang == Lang::Ko && ENGLISH_CHROME.contains(&token) && !v.words.contains(token) {
            failures.push(format!("{at}: English `{token}`"));
        }
    }
}

/// Every view of the library screen (on a library of the seed and three fixture briefs, with
/// notes), in both languages and at both sizes.
fn check_library(failures: &mut Vec<String>) {
    for lang in Lang::ALL {
        for size in SIZES {
            for (screen_name, keys) in LIBRARY_SCREENS {
                let mut r = with_notes(lang, size.0, size.1);
                let mut v = Vocabulary {
                    words: BTreeSet::new(),
                    ids: BTreeSet::new(),
                };
                for brief in r.briefs() {
                    let one = vocabulary(&brief);
                    v.words.extend(one.words);
                    v.ids.extend(one.ids);
                }
                v.words
                    .extend(NOTE_TEXTS.iter().flat_map(|t| tokens(t)).map(str::to_owned));
                r.keys(keys);
                let shown = r.screen();
                let at = format!("{screen_name} {}x{} {lang:?}", size.0, size.1);
                find_ids_and_english(&shown, lang, &v, &at, failures);
            }
        }
    }
}

fn corpus_brief(name: &str) -> Brief {
    let overlay = Overlay::builtin().expect("the built-in overlay parses");
    let bytes = corpus::text(name).into_bytes();
    load::load(&bytes, &format!("{name}.txt"), &overlay, "overlay")
        .unwrap_or_else(|e| panic!("{name} does not open: {e}"))
        .0
}

#[test]
fn the_seed_shows_no_ids_and_korean_shows_no_english() {
    let (brief, _) = load::builtin().expect("the built-in brief");
    let mut failures = Vec::new();
    check("seed", &brief, &mut failures);
    failures.dedup();
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn the_library_screen_shows_no_ids_and_korean_shows_no_english() {
    let mut failures = Vec::new();
    check_library(&mut failures);
    failures.dedup();
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
#[cfg_attr(corpus_missing, ignore = "../shared/briefs is missing")]
fn corpus_briefs_show_no_ids_and_korean_shows_no_english() {
    let mut failures = Vec::new();
    for name in ["eai-2025-04", "kinu-co-25-31", "kei-en-2025-09"] {
        check(name, &corpus_brief(name), &mut failures);
    }
    failures.dedup();
    assert!(failures.is_empty(), "{failures:#?}");
}

/// The check sees ids and English words when they are there.
#[test]
fn the_check_finds_what_it_looks_for() {
    let (brief, _) = load::builtin().expect("the built-in brief");
    let v = vocabulary(&brief);
    let paragraph = brief.sections[1].paragraphs[0].id.clone();
    assert!(looks_like_id(&paragraph, &v), "{paragraph}");
    assert!(looks_like_id("src-13", &v));
    assert!(looks_like_id("sec-2-1", &v));
    assert!(!looks_like_id("라브로프", &v));
    let english = screen(&brief, Lang::En, (80, 24), "?");
    assert!(tokens(&english).any(|t| ENGLISH_CHROME.contains(&t)));
}
