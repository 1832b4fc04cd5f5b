//! Briefs written for the tests in layouts the corpus does not hold:
//! `*`/`**` notes, a `< 요 약 >` box of ❏ points, `제N호 · 날짜` on one line,
//! a title over two lines ending in a colon, a letter-spaced author, ①
//! sub-headings, a page number line before the notes.

use brief::brief::Brief;
use brief::brief::import;
use brief::brief::overlay::Overlay;

const STAR: &str = include_str!("fixtures/star_notes_brief.txt");

fn star() -> Brief {
    let overlay = Overlay::builtin().expect("the built-in overlay parses");
    let (b, report) = import::import(STAR, "star.txt", &overlay, "content/overlay.json")
        .expect("the brief opens");
    assert!(report.warnings.is_empty(), "{:?}", report.warnings);
    b
}

#[test]
fn header_on_shared_lines() {
    let b = star();
    assert_eq!(b.meta.number, "제41호");
    assert_eq!(b.meta.series, "정책과제");
    assert_eq!(b.meta.institute, "");
    assert_eq!(b.meta.date, "2025-09-02");
    assert_eq!(
        b.meta.title,
        "남북 접경지역 협력의 재설계: 하천 공동관리를 중심으로"
    );
    assert_eq!(b.meta.authors, vec!["강민서"]);
    assert_eq!(
        b.meta.affiliations,
        vec!["한반도정책연구소 평화협력실 연구위원"]
    );
}

#[test]
fn summary_box_and_nested_headings() {
    let b = star();
    assert_eq!(b.summary_title, "< 요 약 >");
    assert_eq!(b.summary.len(), 2);
    assert!(
        b.summary
            .iter()
            .all(|p| p.item.as_ref().is_some_and(|i| i.bullet == "❏"))
    );
    let heads: Vec<(String, u8)> = b.sections.iter().map(|s| (s.heading(), s.level)).collect();
    assert_eq!(
        heads,
        vec![
            ("Ⅰ. 현황".to_string(), 1),
            ("① 방류 통보 체계".to_string(), 2),
            ("Ⅱ. 과제".to_string(), 1)
        ]
    );
}

#[test]
fn star_notes_are_footnotes() {
    let b = star();
    let numbers: Vec<u32> = b.footnotes.iter().map(|f| f.number).collect();
    assert_eq!(numbers, vec![1, 2]);
    assert_eq!(
        b.footnotes[1].text,
        "국토교통부, 「임진강 수계 관리 현황」, 2023."
    );
    let first = &b.sections[0].paragraphs[0];
    assert_eq!(first.footnotes, vec![1]);
    assert!(
        first
            .text
            .contains("많다. 군남댐의 수위 관리는 하류 지역의"),
        "{}",
        first.text
    );
    assert!(
        !b.paragraphs()
            .any(|p| p.text.contains("- 7 -") || p.text.contains('*'))
    );
}

const PAREN: &str = include_str!("fixtures/paren_citations_brief.txt");

/// Sources cited in parentheses, as (outlet, date, paragraph ids).
fn paren_sources() -> Vec<(String, Option<String>, Vec<String>)> {
    let overlay = Overlay::builtin().expect("the built-in overlay parses");
    let (b, report) = import::import(PAREN, "paren.txt", &overlay, "content/overlay.json")
        .expect("the brief opens");
    assert!(report.warnings.is_empty(), "{:?}", report.warnings);
    assert!(b.footnotes.is_empty());
    b.sources
        .iter()
        .map(|s| (s.outlet.clone(), s.date.clone(), s.paragraphs.clone()))
        .collect()
}

#[test]
fn citations_in_parentheses_are_sources_of_their_paragraphs() {
    let found = paren_sources();
    let at = |ids: &[&str]| ids.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    assert_eq!(
        found,
        vec![
            (
                "연합뉴스".to_string(),
                Some("2025-03-02".to_string()),
                at(&["p1", "p3"])
            ),
            (
                "RIA Novosti".to_string(),
                Some("2024-12-23".to_string()),
                at(&["p1"])
            ),
            (
                "Reuters".to_string(),
                Some("2025-03-03".to_string()),
                at(&["p2"])
            ),
        ]
    );
}
