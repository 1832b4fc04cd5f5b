//! The enrich stage against the answer keys of the test corpus
//! (`../shared/briefs/*.key.json`): entity and recommendation recall per
//! brief (at least 80% and 70%), precision printed; and the seed keeps its
//! curated entities and recommendations when found ones are merged in.

use brief::brief::model::Origin;
use std::collections::HashSet;
use std::fs;
use std::path::PathBuf;

use brief::brief::import::enrich::{self, Gazetteer, gazetteer::key};
use brief::brief::load;
use brief::brief::model::{Confidence, Entity, Recommendation};
use serde_json::Value;

fn strings(v: &Value) -> impl Iterator<Item = &str> {
    v.as_array().into_iter().flatten().filter_map(Value::as_str)
}

/// Every name a key entity goes by.
fn key_names(e: &Value) -> HashSet<String> {
    std::iter::once(e["name"].as_str().unwrap_or_default())
        .chain(strings(&e["aliases"]))
        .chain(strings(&e["forms_in_text"]))
        .map(key)
        .collect()
}

fn is_match(ours: &Entity, names: &HashSet<String>) -> bool {
    std::iter::once(&ours.name)
        .chain(&ours.aliases)
        .any(|n| names.contains(&key(n)))
}

fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// A found recommendation states the key's sentence when one of its
/// passages holds it or is most of it.
fn states(ours: &Recommendation, sentence: &str) -> bool {
    let want = squeeze(sentence);
    ours.passages.iter().any(|p| {
        let got = squeeze(&p.sentence);
        let got = got.trim_end_matches('-');
        got.contains(&want)
            || (want.contains(got) && got.chars().count() * 10 >= want.chars().count() * 7)
    })
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
}

fn check_entities(name: &str, key: &Value, found: &[Entity]) -> f64 {
    let wanted: Vec<(String, HashSet<String>)> = key["entities"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|e| {
            (
                e["name"].as_str().unwrap_or_default().to_string(),
                key_names(e),
            )
        })
        .collect();
    let missed: Vec<&str> = wanted
        .iter()
        .filter(|(_, names)| !found.iter().any(|e| is_match(e, names)))
        .map(|(n, _)| n.as_str())
        .collect();
    let right = found
        .iter()
        .filter(|e| wanted.iter().any(|(_, n)| is_match(e, n)))
        .count();
    let sure: Vec<&Entity> = found
        .iter()
        .filter(|e| e.confidence > Confidence::Low)
        .collect();
    let sure_right = sure
        .iter()
        .filter(|e| wanted.iter().any(|(_, n)| is_match(e, n)))
        .count();
    let recall = ratio(wanted.len() - missed.len(), wanted.len());
    println!(
        "{name}: entities recall {:.0}% ({}/{}), precision against the key {:.0}% ({right}/{}; {:.0}% without low-confidence ones), missed {missed:?}",
        recall * 100.0,
        wanted.len() - missed.len(),
        wanted.len(),
        ratio(right, found.len()) * 100.0,
        found.len(),
        ratio(sure_right, sure.len()) * 100.0,
    );
    recall
}

fn check_recommendations(name: &str, key: &Value, found: &[Recommendation]) -> f64 {
    let sentences: Vec<&str> = key["recommendations"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|r| r["sentence"].as_str())
        .collect();
    let hit = sentences
        .iter()
        .filter(|s| found.iter().any(|r| states(r, s)))
        .count();
    let right = found
        .iter()
        .filter(|r| sentences.iter().any(|s| states(r, s)))
        .count();
    let recall = ratio(hit, sentences.len());
    let sure: Vec<&Recommendation> = found
        .iter()
        .filter(|r| r.confidence > Confidence::Low)
        .collect();
    let sure_right = sure
        .iter()
        .filter(|r| sentences.iter().any(|s| states(r, s)))
        .count();
    println!(
        "{name}: recommendations recall {:.0}% ({hit}/{}), precision {:.0}% ({right}/{}; {:.0}% without low-confidence ones)",
        recall * 100.0,
        sentences.len(),
        ratio(right, found.len()) * 100.0,
        found.len(),
        ratio(sure_right, sure.len()) * 100.0,
    );
    for r in found
        .iter()
        .filter(|r| !sentences.iter().any(|s| states(r, s)))
    {
        println!("  not in the key: [{:?}] {}", r.confidence, r.text);
    }
    for s in sentences
        .iter()
        .filter(|s| !found.iter().any(|r| states(r, s)))
    {
        println!("  missed: {s}");
    }
    recall
}

#[test]
#[cfg_attr(corpus_missing, ignore = "../shared/briefs is missing")]
fn every_corpus_brief_meets_the_recall_floors() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/briefs");
    let mut names: Vec<PathBuf> = fs::read_dir(&dir)
        .expect("the corpus folder lists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(".txt.key.json"))
        .collect();
    names.sort();
    assert!(names.len() >= 7, "{} answer keys", names.len());
    let mut failures = Vec::new();
    for key_path in names {
        let text_path = PathBuf::from(key_path.to_string_lossy().trim_end_matches(".key.json"));
        let name = text_path
            .file_name()
            .map(|n| n.to_string_lossy().to_string())
            .unwrap_or_default();
        let raw = fs::read_to_string(&text_path).expect("the brief reads");
        let key: Value =
            serde_json::from_str(&fs::read_to_string(&key_path).expect("the key reads"))
                .expect("the key parses");
        let overlay = brief::brief::overlay::Overlay::builtin().expect("the overlay parses");
        let (brief, _) =
            brief::brief::import::import(&raw, &name, &overlay, "content/overlay.json")
                .expect("the corpus brief imports");
        let entities = enrich::entities(&brief, Gazetteer::builtin());
        let recommendations = enrich::recommendations(&brief);
        let rules_alone = enrich::entities(&brief, &Gazetteer::new(vec![]));
        check_entities(&format!("{name} (rules alone)"), &key, &rules_alone);
        if check_entities(&name, &key, &entities) < 0.8 {
            failures.push(format!("{name}: entity recall under 80%"));
        }
        if check_recommendations(&name, &key, &recommendations) < 0.7 {
            failures.push(format!("{name}: recommendation recall under 70%"));
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

/// Entities the seed's overlay once listed and no longer needs: the gazetteer
/// finds each with the same kind and the same mentions.
const LEFT_TO_THE_GAZETTEER: [&str; 15] = [
    "최선희",
    "김여정",
    "국가정보원",
    "크렘린",
    "현대자동차",
    "중국",
    "일본",
    "평양",
    "모스크바",
    "쿠르스크",
    "돈바스",
    "중동",
    "유럽",
    "한반도",
    "KN-23",
];

#[test]
fn the_seed_keeps_its_curated_entities_and_recommendations() {
    let (seed, _) = load::builtin().expect("the built-in brief loads");
    let overlay = brief::brief::overlay::Overlay::builtin().expect("the overlay parses");
    let curated: Vec<&str> = overlay.entities.iter().map(|e| e.id.as_str()).collect();
    let n = curated.len();
    assert_eq!(n + LEFT_TO_THE_GAZETTEER.len(), 95, "95 curated once");
    let first: Vec<&str> = seed
        .entities
        .iter()
        .take(n)
        .map(|e| e.id.as_str())
        .collect();
    assert_eq!(
        first, curated,
        "the overlay's entities come first, unchanged"
    );
    assert!(
        seed.entities[..n]
            .iter()
            .all(|e| e.origin == Origin::Overlay)
    );
    assert!(
        seed.entities[n..]
            .iter()
            .all(|e| e.origin != Origin::Overlay)
    );
    for name in LEFT_TO_THE_GAZETTEER {
        let found = seed
            .entities
            .iter()
            .find(|e| e.name == name || e.aliases.iter().any(|a| a == name));
        let found = found.unwrap_or_else(|| panic!("{name} is still found"));
        assert_eq!(found.origin, Origin::Gazetteer, "{name}");
        assert!(!found.mentions.is_empty(), "{name} has its mentions");
    }
    assert!(
        seed.entities.len() >= 95,
        "none lost: {}",
        seed.entities.len()
    );
    assert_eq!(
        seed.recommendations.len(),
        16,
        "every found one restates a curated one"
    );
    assert!(
        seed.recommendations
            .iter()
            .all(|r| r.origin == Origin::Overlay)
    );
    println!(
        "seed: {} entities ({} found beyond the overlay), {} recommendations",
        seed.entities.len(),
        seed.entities.len() - overlay.entities.len(),
        seed.recommendations.len()
    );
}
