//! Golden structure of a second brief of the same family, written for the
//! tests with other counts and quirks: the importer is not tuned to the seed.

use brief::brief::import::{self, Report};
use brief::brief::overlay::Overlay;
use brief::brief::{Brief, Index};

const SECOND: &str = include_str!("fixtures/second_brief.txt");
const FILE: &str = "tests/fixtures/second_brief.txt";

fn import_text(raw: &str) -> (Brief, Report) {
    let overlay = Overlay::builtin().expect("the built-in overlay parses");
    import::import(raw, FILE, &overlay, "content/overlay.json").expect("the second brief imports")
}

fn second() -> (Brief, Report) {
    import_text(SECOND)
}

fn all_text(b: &Brief) -> String {
    b.paragraphs()
        .map(|p| p.text.as_str())
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn header() {
    let (b, _) = second();
    assert_eq!(b.meta.series, "이슈브리프");
    assert_eq!(b.meta.number, "No. 2024-17");
    assert_eq!(b.meta.title, "한·중앙아시아 에너지 협력의 현황과 과제");
    assert_eq!(b.meta.author, "박민서");
    assert_eq!(
        b.meta.affiliation,
        "한국외국어대학교 중앙아시아연구소 연구위원"
    );
    assert_eq!(b.meta.date, "2024-11-05");
}

#[test]
fn three_summary_points() {
    let (b, _) = second();
    assert_eq!(b.summary.len(), 3);
    for (p, first) in b.summary.iter().zip(["첫째,", "둘째,", "셋째,"]) {
        assert!(p.text.starts_with(first), "{}", p.text);
    }
}

#[test]
fn sections_with_other_sub_section_counts() {
    let (b, _) = second();
    let top: Vec<(&str, &str)> = b
        .sections
        .iter()
        .filter(|s| s.level == 1)
        .map(|s| (s.number.as_str(), s.title.as_str()))
        .collect();
    assert_eq!(
        top,
        [
            ("1.", "중앙아시아 에너지 지형의 변화"),
            ("2.", "한국의 에너지 협력 현황"),
            ("3.", "협력 확대의 제약 요인"),
            ("4.", "한국의 대응 방향"),
        ]
    );
    let subs: Vec<&str> = b
        .sections
        .iter()
        .filter(|s| s.level == 2)
        .map(|s| s.id.as_str())
        .collect();
    assert_eq!(
        subs,
        [
            "sec-1-1", "sec-1-2", "sec-1-3", "sec-3-1", "sec-3-2", "sec-3-3"
        ]
    );
    let counts: Vec<usize> = b.sections.iter().map(|s| s.paragraphs.len()).collect();
    assert_eq!(counts, [0, 2, 2, 2, 3, 0, 1, 1, 1, 3]);
    assert_eq!(b.paragraphs().count(), 18);
    let title = b
        .sections
        .iter()
        .find(|s| s.id == "sec-3-3")
        .map(|s| s.title.as_str());
    assert_eq!(title, Some("인력과 정보의 부족"));
}

#[test]
fn page_breaks_join_with_and_without_a_space() {
    let (_, report) = second();
    let joins: Vec<(usize, String)> = report.joins.iter().map(|j| (j.line, j.joined())).collect();
    let expected = [
        (18, "공급망 다변화를"),
        (28, "확대하고 있다."),
        (44, "광물의"),
        (52, "에너지"),
        (70, "제도화를"),
        (76, "중국, 러시아,"),
        (82, "것이며¹⁴ 상대국의"),
    ];
    let expected: Vec<(usize, String)> =
        expected.iter().map(|(l, s)| (*l, s.to_string())).collect();
    assert_eq!(joins, expected);
    let spaced: Vec<bool> = report.joins.iter().map(|j| j.spaced).collect();
    assert_eq!(spaced, [true, true, false, false, false, true, true]);
}

#[test]
fn repaired_text_reads_as_written() {
    let (b, report) = second();
    let all = all_text(&b);
    for phrase in [
        "공급망 다변화를 위한",
        "확대하고 있다. 카자흐스탄 정부는",
        "광물의 단순 도입을",
        "중앙아시아의 에너지 효율은",
        "사업의 제도화를 서두를",
        "모델로 중국, 러시아, 유럽과",
        "기여할 것이며 상대국의",
        "특히 지난해 김정은의 방러",
        "新북방정책",
    ] {
        assert!(all.contains(phrase), "missing «{phrase}»");
    }
    assert_eq!(
        report.hanja_repairs, 1,
        "only 金正은 is a gazetteer name; 新북방정책 stays"
    );
    assert!(!all.contains('金'));
    assert!(
        !all.chars()
            .any(|c| matches!(c, '¹' | '²' | '³' | '⁴'..='⁹' | '⁰'))
    );
}

#[test]
fn footnotes_and_their_markers() {
    let (b, _) = second();
    assert_eq!(b.footnotes.len(), 14);
    let numbers: Vec<u32> = b.footnotes.iter().map(|f| f.number).collect();
    assert_eq!(numbers, (1..=14).collect::<Vec<u32>>());
    let index = Index::new(b.clone());
    for f in &b.footnotes {
        let sites: Vec<&str> = index
            .markers_of(f.number)
            .into_iter()
            .map(|(p, _)| p)
            .collect();
        let expected = if f.number == 2 { 2 } else { 1 };
        assert_eq!(sites.len(), expected, "markers of footnote {}", f.number);
        assert_eq!(f.claims, sites, "footnote {} claims", f.number);
    }
    assert_eq!(
        b.footnote(2).map(|f| f.claims.clone()),
        Some(vec!["p1".to_string(), "p10".to_string()])
    );
    // Multi-digit markers are one footnote, not two.
    let p9 = index.paragraph("p9").expect("p9");
    assert_eq!(p9.footnotes, [11, 12]);
    let p15 = index.paragraph("p15").expect("p15");
    assert_eq!(p15.footnotes, [14]);
    // A marker mid-sentence stands where the author put it.
    let p3 = index.paragraph("p3").expect("p3");
    let m5 = p3
        .markers
        .iter()
        .find(|m| m.footnote == 5)
        .expect("marker 5");
    let before: String = p3.text.chars().take(m5.at).collect();
    assert!(before.ends_with("향하고 있다는 점에서"), "{before}");
}

#[test]
fn footnote_definitions_in_every_style() {
    let (b, _) = second();
    let text = |n: u32| b.footnote(n).map(|f| f.text.clone()).unwrap_or_default();
    // No dash (1-3, 10), `- ` (4-9, 12-14) and a dash glued to the marker (11).
    assert!(text(1).starts_with("“카자흐스탄"), "{}", text(1));
    assert!(text(4).starts_with("Газпром"), "{}", text(4));
    assert!(text(10).starts_with("「중앙아시아"), "{}", text(10));
    assert!(text(11).starts_with("포럼의 의제와"), "{}", text(11));
    // A definition wrapped onto a second line is one footnote.
    assert!(
        text(9).ends_with("KITA 통상리포트, 2024. 2. 15."),
        "{}",
        text(9)
    );
}

#[test]
fn sources() {
    let (b, _) = second();
    assert_eq!(b.sources.len(), 13);
    let source = |n: u32, i: usize| {
        let f = b.footnote(n).unwrap_or_else(|| panic!("footnote {n}"));
        b.source(&f.sources[i])
            .unwrap_or_else(|| panic!("source {i} of footnote {n}"))
    };
    let f4 = b.footnote(4).expect("4");
    assert_eq!(f4.sources.len(), 2, "footnote 4 holds two sources");
    assert_eq!(
        (source(4, 0).outlet.as_str(), source(4, 0).lang.as_str()),
        ("Интерфакс", "ru")
    );
    assert_eq!(source(4, 1).title, "중국-중앙아시아 가스관 D노선 재추진");
    assert_eq!(source(4, 1).date.as_deref(), Some("2024-05-20"));
    assert!(
        b.footnote(5).expect("5").sources.is_empty(),
        "footnote 5 is commentary"
    );
    // One report cited twice (different pages) is one source.
    let f6 = &b.footnote(6).expect("6").sources;
    assert_eq!(f6, &b.footnote(10).expect("10").sources);
    let kei = source(6, 0);
    assert_eq!(kei.footnotes, [6, 10]);
    assert_eq!(
        (kei.title.as_str(), kei.outlet.as_str()),
        ("중앙아시아 에너지 수급 동향과 시사점", "에너지경제연구원")
    );
    assert_eq!(kei.date.as_deref(), Some("2024-06-28"));
    // English dates, a URL in angle brackets and a bare one.
    let iea = source(2, 0);
    assert_eq!(
        (iea.outlet.as_str(), iea.date.as_deref(), iea.lang.as_str()),
        ("IEA", Some("2024-03-05"), "en")
    );
    assert_eq!(
        iea.url.as_deref(),
        Some("https://www.iea.org/reports/central-asia-energy-security-outlook")
    );
    let reuters = source(7, 0);
    assert_eq!(
        reuters.title,
        "Kazakhstan, EU Sign Strategic Partnership on Critical Raw Materials"
    );
    assert_eq!(reuters.date.as_deref(), Some("2023-11-07"));
    assert!(
        reuters
            .url
            .as_deref()
            .is_some_and(|u| u.starts_with("https://www.reuters.com/"))
    );
    assert_eq!(source(13, 0).date.as_deref(), Some("2023-12-23"));
    // Dotted dates with and without spaces; a Russian date in words.
    assert_eq!(source(1, 0).date.as_deref(), Some("2024-03-12"));
    assert_eq!(source(8, 0).date.as_deref(), Some("2024-06-14"));
    assert_eq!(source(14, 0).date.as_deref(), Some("2024-09-12"));
    // Commentary before a citation is not part of its title.
    assert_eq!(
        source(11, 0).title,
        "제17차 한·중앙아시아 협력 포럼 개최 결과"
    );
    assert_eq!(source(11, 0).outlet, "외교부");
    assert_eq!(source(9, 0).outlet, "KITA 통상리포트");
    for s in &b.sources {
        assert!(!s.title.is_empty() && s.date.is_some(), "{s:?}");
    }
    let langs: Vec<&str> = b.sources.iter().map(|s| s.lang.as_str()).collect();
    for l in ["ru", "ko", "en"] {
        assert!(langs.contains(&l), "a source in {l}");
    }
}

#[test]
fn claims_and_quantities() {
    let (b, _) = second();
    assert_eq!(b.claims.len(), 15);
    let c14 = b
        .claims
        .iter()
        .find(|c| c.footnotes == [14])
        .expect("claim citing 14");
    assert!(
        c14.text.starts_with("이러한 제도화는") && c14.text.ends_with("할 것이다."),
        "{}",
        c14.text
    );
    let texts: Vec<&str> = b.quantities.iter().map(|q| q.text.as_str()).collect();
    for q in [
        "150만 톤",
        "220만 톤",
        "550억㎥",
        "24%",
        "43%",
        "107억 달러",
        "6,500km",
        "1,000명",
        "5개국",
    ] {
        assert!(texts.contains(&q), "quantity {q} in {texts:?}");
    }
    assert!(b.unsourced_claims.iter().any(|c| c.text.contains("약 24%")));
    assert!(b.unsourced_claims.iter().all(|c| c.footnotes.is_empty()));
}

#[test]
fn only_the_gazetteer_entities_it_mentions() {
    let (b, _) = second();
    assert!(
        b.recommendations
            .iter()
            .all(|r| r.origin != brief::brief::model::Origin::Overlay),
        "the seed's recommendations are not borrowed: {:?}",
        b.recommendations
            .iter()
            .map(|r| &r.title)
            .collect::<Vec<_>>()
    );
    assert!(b.entities.iter().all(|e| !e.mentions.is_empty()));
    let ids: Vec<&str> = b.entities.iter().map(|e| e.id.as_str()).collect();
    for id in [
        "putin",
        "kim-jong-un",
        "russia",
        "china",
        "south-korea",
        "eaeu",
        "sco",
        "seoul",
        "interfax",
    ] {
        assert!(ids.contains(&id), "entity {id} in {ids:?}");
    }
    for id in ["lavrov", "kn-23", "pyongyang"] {
        assert!(!ids.contains(&id), "entity {id} is not in this brief");
    }
    let putin = b.entities.iter().find(|e| e.id == "putin").expect("putin");
    assert!(
        putin.mentions.iter().any(|m| m.footnote == Some(3)),
        "Путин in footnote 3"
    );
}

#[test]
fn search_reaches_it() {
    let (b, _) = second();
    let index = Index::new(b);
    let hits = |q: &str| {
        index
            .search(q)
            .into_iter()
            .filter_map(|h| h.paragraph)
            .collect::<Vec<_>>()
    };
    assert!(hits("카자흐스탄").len() >= 5);
    assert!(hits("ㅋㅈㅎ").contains(&"p1".to_string()));
    assert!(hits("Putin").contains(&"p2".to_string()));
    assert_eq!(hits("제도화를"), ["p12"]);
}

#[test]
fn crlf_line_endings_change_nothing() {
    let (b, report) = second();
    let (crlf, crlf_report) = import_text(&SECOND.replace('\n', "\r\n"));
    assert_eq!(crlf, b);
    assert_eq!(crlf_report.joins, report.joins);
}
