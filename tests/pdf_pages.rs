//! Pages in the model from the corpus PDFs: every footnote knows the page
//! its definition stands on (the page of its marker where notes sit at the
//! page bottom, the last pages where they are endnotes), and a paragraph a
//! page break splits knows both its pages.

mod common;

use brief::brief::Brief;
use brief::brief::load;
use brief::brief::overlay::Overlay;
use common::corpus;
use serde_json::Value;

fn import_pdf(name: &str) -> Brief {
    let overlay = Overlay::builtin().expect("the built-in overlay parses");
    let path = corpus::dir().join(format!("pdf/{name}.pdf"));
    let bytes = std::fs::read(&path).expect("the PDF reads");
    load::load(&bytes, &format!("{name}.pdf"), &overlay, "overlay")
        .unwrap_or_else(|e| panic!("{name}.pdf does not open: {e}"))
        .0
}

fn notes_style(key: &Value) -> &str {
    key["pdf"]["notes"].as_str().unwrap_or_default()
}

#[test]
#[cfg_attr(corpus_missing, ignore = "../shared/briefs is missing")]
fn every_footnote_knows_its_page() {
    let mut page_bottom = 0;
    for name in corpus::names() {
        let key = corpus::key(&name);
        let b = import_pdf(&name);
        let last = b.meta.pages.expect("a PDF has pages");
        let style = notes_style(&key);
        for f in &b.footnotes {
            let (first, end) = f
                .pages
                .unwrap_or_else(|| panic!("{name}: footnote {} has no page", f.number));
            assert!(
                first <= end && end <= last,
                "{name}: footnote {}: {first}–{end}",
                f.number
            );
            if style.contains("page-bottom") {
                // The note stands at the bottom of the page its marker is on
                // (a marker on a heading has no page of its own to compare).
                let Some(citing) = b.paragraphs().find(|p| p.footnotes.contains(&f.number)) else {
                    assert!(
                        b.sections.iter().any(|s| s.footnotes.contains(&f.number)),
                        "{name}: footnote {} is never cited",
                        f.number
                    );
                    continue;
                };
                let on = citing.pages;
                assert!(
                    on.is_some_and(|(a, z)| a <= first && first <= z),
                    "{name}: footnote {} on page {first}, its paragraph on {on:?}",
                    f.number
                );
                page_bottom += 1;
            } else if style.contains("endnotes") {
                let body_last = b.paragraphs().filter_map(|p| p.pages).map(|(_, z)| z).max();
                assert!(
                    body_last.is_some_and(|z| first >= z),
                    "{name}: endnote {} on page {first}, before the body ends ({body_last:?})",
                    f.number
                );
            }
        }
    }
    assert!(
        page_bottom >= 20,
        "{page_bottom} page-bottom footnotes checked"
    );
}

#[test]
#[cfg_attr(corpus_missing, ignore = "../shared/briefs is missing")]
fn a_paragraph_split_by_a_page_break_has_both_pages() {
    let mut checked = 0;
    for name in corpus::names() {
        let key = corpus::key(&name);
        let b = import_pdf(&name);
        let breaks = key["pdf"]["page_breaks"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        for brk in breaks.iter().filter(|b| b["join"].as_bool() == Some(true)) {
            let (from, to) = brk["pages"]
                .as_str()
                .and_then(|p| p.split_once('→'))
                .map(|(a, z)| (a.parse::<u32>().ok(), z.parse::<u32>().ok()))
                .expect("a→b");
            let left = brk["left"].as_str().expect("left");
            let right = brk["right"].as_str().expect("right");
            // Spaces aside: whether the join hides a space is checked elsewhere.
            let squash = |s: &str| s.replace(' ', "");
            let joined = format!("{left}{right}");
            let holding: Vec<_> = b
                .paragraphs()
                .filter(|p| squash(&p.text).contains(&joined))
                .map(|p| p.pages.map(|(a, z)| (Some(a), Some(z))))
                .collect();
            // The words may recur elsewhere: one of the paragraphs holding them spans the break.
            assert!(
                holding.contains(&Some((from, to))),
                "{name}: the paragraphs holding {joined:?} are on {holding:?}, not {from:?}–{to:?}"
            );
            checked += 1;
        }
    }
    assert!(checked >= 7, "{checked} page breaks checked");
}

#[test]
#[cfg_attr(corpus_missing, ignore = "../shared/briefs is missing")]
fn footnote_pages_are_in_the_dump() {
    let b = import_pdf("inss-2025-33");
    let dump = serde_json::to_value(&b).expect("the brief serialises");
    let pages = &dump["footnotes"][0]["pages"];
    assert!(
        pages
            .as_array()
            .is_some_and(|a| a.len() == 2 && a[0].as_u64() >= Some(1)),
        "footnote 1's pages in the dump: {pages}"
    );
}

#[test]
#[cfg_attr(corpus_missing, ignore = "../shared/briefs is missing")]
fn a_text_with_form_feeds_gives_footnotes_pages_too() {
    let overlay = Overlay::builtin().expect("the built-in overlay parses");
    let text = corpus::text("inss-2025-33");
    assert!(text.contains('\u{c}'), "the inss text marks its pages");
    let (b, _) = load::load(text.as_bytes(), "inss.txt", &overlay, "overlay").expect("it opens");
    let last = b.meta.pages.expect("form feeds make pages");
    assert!(!b.footnotes.is_empty());
    for f in &b.footnotes {
        assert!(
            f.pages.is_some_and(|(a, z)| 1 <= a && a <= z && z <= last),
            "footnote {} on {:?} of {last} pages",
            f.number,
            f.pages
        );
    }
}
