//! Golden structure of the built-in brief (the seed).

use brief::brief::load;

fn seed() -> (brief::brief::Brief, brief::brief::import::Report) {
    load::builtin().expect("the built-in brief loads")
}

#[test]
fn header() {
    let (b, _) = seed();
    assert_eq!(b.meta.series, "이슈브리프");
    assert_eq!(b.meta.number, "No. 2025-09");
    assert_eq!(b.meta.title, "2025년 북러 관계 전망과 한국의 대응");
    assert_eq!(b.meta.author, "이상준");
    assert_eq!(b.meta.affiliation, "국민대학교 유라시아학과 교수");
    assert_eq!(b.meta.date, "2025-03-24");
}

#[test]
fn sections_and_summary() {
    let (b, _) = seed();
    assert_eq!(b.summary.len(), 4);
    for (p, first) in b
        .summary
        .iter()
        .zip(["2025년 북러 관계에서", "둘째,", "셋째,", "넷째,"])
    {
        assert!(p.text.starts_with(first), "{}", p.text);
    }
    let top: Vec<&str> = b
        .sections
        .iter()
        .filter(|s| s.level == 1)
        .map(|s| s.title.as_str())
        .collect();
    assert_eq!(
        top,
        [
            "북러 新조약 체결 이후의 협력 강화 추세",
            "러시아와 북한 간 협력의 수사와 실제",
            "북러 협력의 시사점과 한국의 대응"
        ]
    );
    let subs: Vec<(&str, &str)> = b
        .sections
        .iter()
        .filter(|s| s.level == 2)
        .map(|s| (s.id.as_str(), s.number.as_str()))
        .collect();
    assert_eq!(
        subs,
        [
            ("sec-1-1", "1)"),
            ("sec-1-2", "2)"),
            ("sec-2-1", "1)"),
            ("sec-2-2", "2)"),
            ("sec-2-3", "3)")
        ]
    );
}

#[test]
fn every_footnote_is_cited_at_its_marker() {
    let (b, _) = seed();
    assert_eq!(b.footnotes.len(), 25);
    let index = brief::brief::Index::new(b.clone());
    for n in 1..=25u32 {
        let f = b.footnote(n).unwrap_or_else(|| panic!("footnote {n}"));
        let sites = index.markers_of(n);
        assert_eq!(sites.len(), 1, "footnote {n} has one marker");
        assert_eq!(
            f.claims,
            vec![sites[0].0.to_string()],
            "footnote {n} claims"
        );
        assert!(
            b.claims.iter().any(|c| c.footnotes.contains(&n)),
            "a claim cites {n}"
        );
    }
    // Markers stand where the author put them.
    let p1 = index.paragraph("p1").expect("p1");
    let m = p1.markers[0];
    let before: String = p1.text.chars().take(m.at).collect();
    assert!(before.ends_with("강조하였다."), "{before}");
}

#[test]
fn the_twelve_page_breaks() {
    let (_, report) = seed();
    let joins: Vec<String> = report.joins.iter().map(|j| j.joined()).collect();
    assert_eq!(
        joins,
        [
            "확인하고자",
            "밝히고 있다.",
            "그러나",
            "있고",
            "국가의",
            "규모는 북중",
            "러시아를",
            "이상의 컨테이너를",
            "양국의 견해가",
            "가운데",
            "안보 체제와",
            "이는 러시아",
        ]
    );
}

#[test]
fn repaired_text_reads_as_written() {
    let (b, _) = seed();
    let all: String = b
        .paragraphs()
        .map(|p| p.text.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    for phrase in [
        "확인하고자 다양한",
        "밝히고 있다. 2024년",
        "그러나 마체고라는",
        "국가의 존엄과",
        "이 가운데 7,887명이",
        "위해 김정은의 모스크바",
        "대통령과 김정은 북한",
    ] {
        assert!(all.contains(phrase), "missing «{phrase}»");
    }
    assert!(!all.contains('金'));
    assert!(
        !all.chars()
            .any(|c| matches!(c, '¹' | '²' | '³' | '⁴'..='⁹' | '⁰'))
    );
}

#[test]
fn sources() {
    let (b, _) = seed();
    let f2 = b.footnote(2).expect("footnote 2");
    assert_eq!(f2.sources.len(), 2, "footnote 2 holds two sources");
    assert!(
        b.footnote(9).expect("9").sources.is_empty(),
        "footnote 9 is commentary"
    );
    let s6 = &b.footnote(6).expect("6").sources;
    assert_eq!(
        s6,
        &b.footnote(7).expect("7").sources,
        "6 and 7 cite one source"
    );
    let src = b.source(&s6[0]).expect("source");
    assert_eq!(src.footnotes, vec![6, 7]);
    assert_eq!(
        src.url.as_deref(),
        Some("https://www.mid.ru/ru/foreign_policy/news/1998634/")
    );
    let langs: Vec<&str> = b.sources.iter().map(|s| s.lang.as_str()).collect();
    for l in ["ru", "ko", "en"] {
        assert!(langs.contains(&l), "a source in {l}");
    }
    let first = b
        .source(&b.footnote(1).expect("1").sources[0])
        .expect("src");
    assert_eq!(
        (first.outlet.as_str(), first.date.as_deref()),
        ("РБК", Some("2024-11-01"))
    );
}

#[test]
fn quantities_and_unsourced_claims() {
    let (b, _) = seed();
    let texts: Vec<&str> = b.quantities.iter().map(|q| q.text.as_str()).collect();
    for q in [
        "1만 3,000여 개",
        "800여만 발",
        "100만 배럴",
        "13,221명",
        "7,887명",
        "40회",
    ] {
        assert!(texts.contains(&q), "quantity {q} in {texts:?}");
    }
    let q = b
        .quantities
        .iter()
        .find(|q| q.text == "13,221명")
        .expect("13,221명");
    assert!(q.sentence.contains("러시아 통계청"), "{}", q.sentence);
    assert!(
        b.unsourced_claims
            .iter()
            .any(|c| c.text.contains("40회 이상"))
    );
    assert!(b.unsourced_claims.iter().all(|c| c.footnotes.is_empty()));
}

#[test]
fn entities_and_recommendations() {
    let (b, _) = seed();
    assert!(b.entities.len() >= 40);
    let kinds = [
        "person",
        "organisation",
        "place",
        "state",
        "treaty",
        "weapon",
    ];
    for k in kinds {
        assert!(
            b.entities.iter().any(|e| e.kind == k),
            "an entity of kind {k}"
        );
    }
    let lavrov = b
        .entities
        .iter()
        .find(|e| e.name == "라브로프")
        .expect("라브로프");
    assert!(
        lavrov.aliases.iter().any(|a| a == "Lavrov")
            && lavrov.aliases.iter().any(|a| a == "Лавров")
    );
    assert!(
        lavrov.mentions.iter().any(|m| m.footnote.is_some()),
        "Лаврова in a footnote"
    );
    let kim = b
        .entities
        .iter()
        .find(|e| e.name == "김정은")
        .expect("김정은");
    assert!(
        kim.mentions.len() >= 7,
        "김정은 mentions include the repaired 金正은: {}",
        kim.mentions.len()
    );
    assert!(b.recommendations.len() >= 10);
    for r in &b.recommendations {
        assert!(
            !r.paragraphs.is_empty() && !r.title.is_empty() && !r.area.is_empty(),
            "{}",
            r.id
        );
    }
    assert!(
        b.recommendations
            .iter()
            .any(|r| r.paragraphs.contains(&"s4".to_string()))
    );
}
