//! Korean search over the seed through `Index`: syllables, jamo prefixes,
//! initial consonants, aliases, NFD input, case.

use brief::brief::search::Hit;
use brief::brief::{Index, load};
use unicode_normalization::UnicodeNormalization;

fn index() -> Index {
    let (brief, _) = load::builtin().expect("the built-in brief loads");
    Index::new(brief)
}

/// The matched text of each hit, read back from its paragraph.
fn matched(index: &Index, hits: &[Hit]) -> Vec<String> {
    hits.iter()
        .map(|h| {
            let p = index
                .paragraph(&h.paragraph)
                .expect("a hit names an existing paragraph");
            p.text.chars().skip(h.start).take(h.end - h.start).collect()
        })
        .collect()
}

#[test]
fn syllables_find_many() {
    let index = index();
    let hits = index.search("북러");
    assert!(hits.len() >= 50, "{} hits", hits.len());
    assert!(matched(&index, &hits).iter().all(|m| m == "북러"));
    let paragraphs: std::collections::HashSet<&str> =
        hits.iter().map(|h| h.paragraph.as_str()).collect();
    assert!(
        paragraphs.len() >= 20,
        "北러 in {} paragraphs",
        paragraphs.len()
    );
}

#[test]
fn jamo_prefix_finds_the_syllable_being_typed() {
    let index = index();
    let typed = index.search("북ㄹ");
    let full = index.search("북러");
    let found = matched(&index, &typed);
    assert!(found.iter().any(|m| m == "북러"));
    for h in &full {
        assert!(
            typed
                .iter()
                .any(|t| t.paragraph == h.paragraph && t.start == h.start),
            "북ㄹ misses {h:?}"
        );
    }
}

#[test]
fn initial_consonants_find_buk_reo() {
    let index = index();
    let hits = index.search("ㅂㄹ");
    let found = matched(&index, &hits);
    assert!(found.iter().any(|m| m == "북러"), "{found:?}");
    assert!(found.iter().all(|m| m.chars().count() == 2));
}

#[test]
fn alias_reaches_korean_text() {
    let index = index();
    let hits = index.search("Lavrov");
    assert!(!hits.is_empty());
    let found = matched(&index, &hits);
    assert!(found.iter().all(|m| m.contains("라브로프")), "{found:?}");
    assert!(hits.iter().any(|h| h.paragraph == "p1"));
    assert_eq!(index.search("lavrov"), hits, "aliases fold case");
}

#[test]
fn nfd_query_gives_the_same_hits() {
    let index = index();
    for q in ["북러", "라브로프", "김정은 국무위원장", "푸틴"] {
        let nfd: String = q.nfd().collect();
        assert_ne!(nfd, q, "the NFD form differs from NFC");
        assert_eq!(index.search(&nfd), index.search(q), "{q}");
    }
}

#[test]
fn particles_after_a_name() {
    let index = index();
    let hits = index.search("푸틴");
    let words: Vec<String> = hits
        .iter()
        .map(|h| {
            let p = index.paragraph(&h.paragraph).expect("paragraph");
            p.text
                .chars()
                .skip(h.start)
                .take_while(|c| !c.is_whitespace())
                .collect()
        })
        .collect();
    for form in ["푸틴은", "푸틴이"] {
        assert!(words.iter().any(|w| w == form), "{form} in {words:?}");
    }
}

#[test]
fn latin_is_case_insensitive() {
    let index = index();
    let hits = index.search("swift");
    assert_eq!(matched(&index, &hits), ["SWIFT"]);
    assert_eq!(index.search("SwIfT"), hits);
}

#[test]
fn snippets_hold_the_match() {
    let index = index();
    for h in index.search("라브로프") {
        assert!(h.snippet.contains("라브로프"), "{}", h.snippet);
    }
}

#[test]
fn no_hits_is_empty() {
    let index = index();
    assert!(index.search("양자컴퓨터").is_empty());
    assert!(index.search("zzzz").is_empty());
    assert!(index.search("").is_empty());
    assert!(index.search("   ").is_empty());
}
