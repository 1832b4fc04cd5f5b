//! The enrich stage against the answer keys of the test corpus
//! (`../shared/briefs/*.key.json`): entity and recommendation recall per
//! brief (at least 80% and 70%), precision printed; and the seed keeps its
//! curated entities and recommendations when found ones are merged in.

use std::collections::HashSet;
use std::fs;
use std::path::PathBuf;

use brief::brief::import::enrich::{self, Gazetteer, gazetteer::key};
use brief::brief::load;
use brief::brief::model::{Brief, Confidence, Entity, Meta, Recommendation};
use serde_json::{Value, json};

const BRIEFS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/briefs");

/// The corpus folder, or `None` (after saying so) when it is absent outside CI.
fn briefs_dir() -> Option<PathBuf> {
    let dir = PathBuf::from(BRIEFS);
    if dir.join("README.md").is_file() {
        return Some(dir);
    }
    assert_ne!(
        std::env::var("CI").as_deref(),
        Ok("true"),
        "{BRIEFS} is missing on CI"
    );
    println!("skipped: ../shared/briefs not found");
    None
}

/// Whether a line opens a new paragraph of its own: a bullet, an item
/// number or a heading number.
fn opens_paragraph(line: &str) -> bool {
    let t = line.trim_start();
    t.starts_with(['□', '○', '▶', '①', '②', '③', '④', '⑤', '|'])
        || (["가. ", "나. ", "다. ", "라. "]
            .iter()
            .any(|p| t.starts_with(p))
            && t.chars().count() <= 30)
        || t.split_once(". ").is_some_and(|(n, _)| {
            !n.is_empty() && n.chars().all(|c| c.is_ascii_digit() || "ⅠⅡⅢⅣⅤ".contains(c))
        })
}

/// Lines of one paragraph joined: a hyphen between lower-case letters
/// across a line end is a word split (`instal-`/`lations`), else a space.
fn join(lines: &[&str]) -> String {
    let mut text = String::new();
    for line in lines.iter().map(|l| l.trim()) {
        let split_word = text
            .strip_suffix('-')
            .is_some_and(|t| t.ends_with(|c: char| c.is_ascii_lowercase()))
            && line.starts_with(|c: char| c.is_ascii_lowercase());
        if split_word {
            text.pop();
        } else if !text.is_empty() {
            text.push(' ');
        }
        text.push_str(line);
    }
    text
}

/// Page furniture: a page number (`- 3 -`, `3 | 아시아미래연구원`) or a
/// line that recurs through the file (a running header).
fn is_furniture(line: &str, raw: &str) -> bool {
    let t = line.trim();
    let number = t.trim_matches(|c: char| c == '-' || c.is_whitespace());
    let numbered = number
        .split(" | ")
        .next()
        .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()));
    numbered || raw.lines().filter(|l| l.trim() == t).count() >= 2
}

fn ends_sentence(text: &str) -> bool {
    text.trim_end()
        .ends_with(['.', '?', '!', ':', ')', ']', '”', '’', '다', '음', '함'])
}

/// Blank-line-separated blocks, a bullet or a heading starting its own.
fn blocks(raw: &str) -> Vec<Vec<&str>> {
    let mut out: Vec<Vec<&str>> = vec![vec![]];
    for line in raw.lines().map(|l| l.trim_matches('\u{c}')) {
        if (line.trim().is_empty() || opens_paragraph(line))
            && out.last().is_some_and(|b| !b.is_empty())
        {
            out.push(vec![]);
        }
        if !line.trim().is_empty() {
            out.last_mut().into_iter().for_each(|b| b.push(line));
        }
    }
    out.retain(|b| !b.is_empty());
    out
}

/// A stand-in for the importer until it opens these briefs: one paragraph
/// per blank-line-separated block (bullets and headings on their own), a
/// sentence cut by page furniture joined again, all under one section;
/// footnote definitions stay text, no footnotes are made.
fn naive_brief(raw: &str) -> Brief {
    let mut texts: Vec<String> = Vec::new();
    let mut cut = false;
    for block in blocks(raw) {
        if block.iter().all(|l| is_furniture(l, raw)) {
            cut |= texts.last().is_some_and(|t| !ends_sentence(t));
            continue;
        }
        match texts.last_mut() {
            Some(last) if cut => *last = join(&[last.as_str(), &join(&block)]),
            _ => texts.push(join(&block)),
        }
        cut = false;
    }
    let paragraphs: Vec<Value> = texts
        .into_iter()
        .enumerate()
        .map(|(i, text)| json!({"id": format!("p{}", i + 1), "text": text}))
        .collect();
    // Through serde, so fields the model gains later take their defaults.
    serde_json::from_value(json!({
        "meta": Meta::default(),
        "summary": [],
        "sections": [{"id": "sec-1", "number": "1.", "title": "", "level": 1, "paragraphs": paragraphs}],
        "footnotes": [], "sources": [], "entities": [], "claims": [],
        "unsourced_claims": [], "quantities": [], "recommendations": [],
    }))
    .expect("a brief of paragraphs deserialises")
}

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
fn every_corpus_brief_meets_the_recall_floors() {
    let Some(dir) = briefs_dir() else { return };
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
        let brief = naive_brief(&raw);
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

#[test]
fn the_seed_keeps_its_curated_entities_and_recommendations() {
    let (seed, _) = load::builtin().expect("the built-in brief loads");
    assert_eq!(seed.entities.len(), 95);
    assert_eq!(seed.recommendations.len(), 16);
    let found = enrich::entities(&seed, Gazetteer::builtin());
    let merged = enrich::merge_entities(seed.entities.clone(), found);
    assert_eq!(
        &merged[..95],
        &seed.entities[..],
        "the overlay's entities come first, unchanged"
    );
    let found = enrich::recommendations(&seed);
    let recommendations = enrich::merge_recommendations(seed.recommendations.clone(), found);
    assert_eq!(&recommendations[..16], &seed.recommendations[..]);
    assert_eq!(
        recommendations.len(),
        16,
        "every found one restates a curated one"
    );
    println!(
        "seed: {} entities after merging ({} found beyond the overlay), {} recommendations",
        merged.len(),
        merged.len() - 95,
        recommendations.len()
    );
    for r in &recommendations[16..] {
        println!(
            "  found beyond the overlay: [{:?}] {}",
            r.confidence, r.text
        );
    }
}
