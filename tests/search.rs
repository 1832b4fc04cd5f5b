//! Korean search over the seed through `Index`: syllables, jamo prefixes,
//! initial consonants, aliases, NFD input, case.

use brief::brief::search::{Hit, Part};
use brief::brief::{Index, load};
use unicode_normalization::UnicodeNormalization;

fn index() -> Index {
    let (brief, _) = load::builtin().expect("the built-in brief loads");
    Index::new(brief)
}

/// The matched text of each hit, read back from its paragraph, footnote or source.
fn matched(index: &Index, hits: &[Hit]) -> Vec<String> {
    hits.iter()
        .map(|h| {
            let text = index.hit_text(h);
            assert!(!text.is_empty(), "a hit names an existing text: {h:?}");
            text.chars().skip(h.start).take(h.end - h.start).collect()
        })
        .collect()
}

/// The hits in the body only.
fn body(hits: Vec<Hit>) -> Vec<Hit> {
    hits.into_iter().filter(|h| h.paragraph.is_some()).collect()
}

#[test]
fn syllables_find_many() {
    let index = index();
    let hits = index.search("북러");
    assert!(hits.len() >= 50, "{} hits", hits.len());
    assert!(matched(&index, &hits).iter().all(|m| m == "북러"));
    let paragraphs: std::collections::HashSet<&str> =
        hits.iter().filter_map(|h| h.paragraph.as_deref()).collect();
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
            typed.iter().any(|t| t.part == h.part
                && t.paragraph == h.paragraph
                && t.footnote == h.footnote
                && t.source == h.source
                && t.start == h.start),
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
    let found = matched(&index, &body(hits.clone()));
    assert!(found.iter().all(|m| m.contains("라브로프")), "{found:?}");
    assert!(hits.iter().any(|h| h.paragraph.as_deref() == Some("p1")));
    let in_notes: Vec<Hit> = hits
        .iter()
        .filter(|h| h.part == Part::Footnote)
        .cloned()
        .collect();
    let cyrillic = matched(&index, &in_notes);
    assert!(
        !cyrillic.is_empty(),
        "the footnotes' Лавров is a mention too"
    );
    assert!(cyrillic.iter().all(|m| m == "Лавров"), "{cyrillic:?}");
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
    let hits = body(index.search("푸틴"));
    let words: Vec<String> = hits
        .iter()
        .map(|h| {
            index
                .hit_text(h)
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
    for h in body(index.search("라브로프")) {
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

#[test]
fn footnotes_and_sources_are_searched() {
    let index = index();
    for (query, found) in [
        ("연합뉴스", "연합뉴스"),
        ("Refined", "Refined"),
        ("Лавров", "Лавров"),
    ] {
        let hits = index.search(query);
        let notes: Vec<&Hit> = hits.iter().filter(|h| h.part == Part::Footnote).collect();
        assert!(!notes.is_empty(), "{query} in no footnote: {hits:?}");
        assert!(
            notes
                .iter()
                .all(|h| h.footnote.is_some() && h.paragraph.is_none())
        );
        for m in matched(&index, &notes.into_iter().cloned().collect::<Vec<_>>()) {
            assert_eq!(m.to_lowercase(), found.to_lowercase());
        }
    }
    let rfa = index.search("RFA");
    let outlets: Vec<&Hit> = rfa.iter().filter(|h| h.part == Part::Source).collect();
    assert!(
        outlets
            .iter()
            .any(|h| h.field == Some("outlet") && h.source.is_some()),
        "RFA is a source's outlet: {rfa:?}"
    );
    assert_eq!(matched(&index, &[outlets[0].clone()]), ["RFA"]);
}

#[test]
fn parts_come_in_order_body_footnotes_sources() {
    let index = index();
    let rank = |p: Part| match p {
        Part::Body => 0,
        Part::Footnote => 1,
        Part::Source => 2,
    };
    let parts: Vec<u8> = index
        .search("라브로프")
        .iter()
        .map(|h| rank(h.part))
        .collect();
    assert!(parts.windows(2).all(|w| w[0] <= w[1]), "{parts:?}");
    let cyrillic: Vec<u8> = index
        .search("Лавров")
        .iter()
        .map(|h| rank(h.part))
        .collect();
    assert!(
        cyrillic.contains(&1) && cyrillic.contains(&2),
        "{cyrillic:?}"
    );
}

#[test]
fn nfd_and_initials_reach_footnotes() {
    let index = index();
    let nfd: String = "연합뉴스".nfd().collect();
    let notes = |q: &str| -> Vec<(Option<u32>, usize)> {
        index
            .search(q)
            .iter()
            .filter(|h| h.part == Part::Footnote)
            .map(|h| (h.footnote, h.start))
            .collect()
    };
    assert_eq!(notes(&nfd), notes("연합뉴스"));
    let initials = notes("ㅇㅎㄴㅅ");
    assert!(notes("연합뉴스").iter().all(|n| initials.contains(n)));
}

/// `brief search --json` says where each hit is.
#[test]
fn search_json_names_footnotes_and_sources() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_brief"))
        .args(["search", "Лавров", "--json"])
        .output()
        .expect("brief runs");
    assert!(out.status.success());
    let hits: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let hits = hits.as_array().expect("an array");
    let of = |part: &str| -> Vec<&serde_json::Value> {
        hits.iter().filter(|h| h["in"] == part).collect()
    };
    let notes = of("footnote");
    assert!(!notes.is_empty(), "{hits:?}");
    assert!(notes.iter().all(|h| h["footnote"].as_u64().is_some()));
    assert!(
        notes.iter().any(|h| h["footnote"] == 1),
        "Лавров is in footnote 1"
    );
    let sources = of("source");
    assert!(
        sources
            .iter()
            .any(|h| h["source"] == "src-1" && h["field"] == "title"),
        "{sources:?}"
    );
    let text = std::process::Command::new(env!("CARGO_BIN_EXE_brief"))
        .args(["search", "--lang", "ko", "연합뉴스"])
        .output()
        .expect("brief runs");
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(text.lines().any(|l| l.starts_with("주 ")), "{text}");
}
