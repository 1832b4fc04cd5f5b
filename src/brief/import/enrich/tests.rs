//! The stage's public functions on a small hand-made brief.

use super::*;
use serde_json::json;

use crate::brief::model::{Confidence, Meta, Origin};

fn paragraphs(prefix: &str, first: usize, texts: &[&str]) -> Vec<serde_json::Value> {
    texts
        .iter()
        .enumerate()
        .map(|(i, t)| json!({"id": format!("{prefix}{}", first + i), "text": t}))
        .collect()
}

/// A brief of a summary, a section of running text, a recommendations
/// section and footnotes; built through serde, so fields the model gains
/// later take their defaults.
fn brief(summary: &[&str], body: &[&str], notes: &[&str]) -> Brief {
    let notes: Vec<serde_json::Value> = notes
        .iter()
        .enumerate()
        .map(|(i, t)| json!({"number": i + 1, "text": t, "sources": [], "claims": []}))
        .collect();
    serde_json::from_value(json!({
        "meta": Meta::default(),
        "summary": paragraphs("s", 1, summary),
        "sections": [
            {"id": "sec-1", "number": "1.", "title": "북러 관계", "level": 1,
             "paragraphs": paragraphs("p", 1, &body[..1])},
            {"id": "sec-2", "number": "2.", "title": "한국의 대응", "level": 1,
             "paragraphs": paragraphs("p", 2, &body[1..])},
        ],
        "footnotes": notes, "sources": [], "entities": [], "claims": [],
        "unsourced_claims": [], "quantities": [], "recommendations": [],
    }))
    .expect("the sample brief deserialises")
}

fn sample() -> Brief {
    brief(
        &["정부는 2026년까지 해상 감시 체계를 갖추어야 한다."],
        &[
            "라브로프는 북한 외무상 최선희와 만났고, 청진조선소(Chongjin Shipyard)의 톤넬유즈스트로이 (TonnelYuzhStroy LLC)가 공사를 맡았다. 톤넬유즈스트로이는 제재 대상이다.",
            "첫째, 해군은 2026년까지 동해의 해상 감시 체계를 갖추어야 한다. 둘째, 외교부는 북한이 위성을 발사할 경우 안보리 회의 소집을 요청해야 한다.",
        ],
        &["Сергей Лавров, ТАСС, 2024."],
    )
}

#[test]
fn gazetteer_names_and_extracted_names_with_every_mention() {
    let found = entities(&sample(), Gazetteer::builtin());
    let get = |name: &str| found.iter().find(|e| e.name == name);
    let lavrov = get("세르게이 라브로프").expect("Lavrov from the gazetteer");
    assert_eq!(lavrov.origin, Origin::Gazetteer);
    let places: Vec<(Option<&str>, Option<u32>)> = lavrov
        .mentions
        .iter()
        .map(|m| (m.paragraph.as_deref(), m.footnote))
        .collect();
    assert_eq!(places, vec![(Some("p1"), None), (None, Some(1))]);
    let firm = get("톤넬유즈스트로이").expect("the firm, extracted");
    assert_eq!(firm.origin, Origin::Extracted);
    assert_eq!(firm.aliases, vec!["TonnelYuzhStroy LLC".to_string()]);
    assert_eq!(
        firm.mentions.len(),
        2,
        "name and alias in one phrase count once"
    );
    let yard = get("청진조선소").expect("the shipyard");
    assert_eq!(yard.mentions.len(), 1);
    assert!(get("최선희").is_some());
}

#[test]
fn a_recommendation_in_summary_and_body_is_one_with_two_passages() {
    let found = recommendations(&sample());
    assert_eq!(found.len(), 2, "{found:#?}");
    let navy = &found[0];
    assert_eq!(navy.actor, "해군");
    assert_eq!(navy.confidence, Confidence::High);
    assert_eq!(navy.paragraphs, vec!["p2".to_string(), "s1".to_string()]);
    assert_eq!(navy.passages.len(), 2);
    let first = &navy.passages[0];
    let text = &sample().sections[1].paragraphs[0].text;
    let quoted: String = text
        .chars()
        .skip(first.start)
        .take(first.end - first.start)
        .collect();
    assert_eq!(quoted, first.sentence);
    assert_eq!(found[1].actor, "외교부");
    assert!(found[1].condition.contains("위성을 발사할 경우"));
    assert_eq!(found[1].area, "외교");
}

#[test]
fn curated_entries_win() {
    let b = sample();
    let mut curated = entities(&b, Gazetteer::builtin());
    curated.retain(|e| e.name == "세르게이 라브로프");
    curated[0].origin = Origin::Overlay;
    curated[0].aliases = vec!["Lavrov".into()];
    let merged = merge_entities(curated.clone(), entities(&b, Gazetteer::builtin()));
    assert_eq!(merged[0], curated[0]);
    assert_eq!(
        merged
            .iter()
            .filter(|e| e.name == "세르게이 라브로프")
            .count(),
        1
    );
    let found = recommendations(&b);
    let mut mine = found[1].clone();
    mine.origin = Origin::Overlay;
    mine.title = "안보리 대응".into();
    let merged = merge_recommendations(vec![mine.clone()], found);
    assert_eq!(merged.len(), 2);
    assert_eq!(merged[0], mine);
    assert_eq!(merged[1].actor, "해군");
}
