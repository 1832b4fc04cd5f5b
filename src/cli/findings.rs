//! What `brief check` says the enrich stage found: entities by kind and
//! origin, recommendations by origin, and how many are uncertain.

use std::collections::BTreeMap;

use crate::brief::Brief;
use crate::brief::model::{Confidence, Origin};
use crate::i18n::text;

fn origin(o: Origin) -> String {
    let key = match o {
        Origin::Overlay => "cli.origin_overlay",
        Origin::Gazetteer => "cli.origin_gazetteer",
        Origin::Extracted => "cli.origin_extracted",
    };
    text(key, &[])
}

/// `name 3, other 1` in a stable order.
fn tally(items: impl Iterator<Item = String>) -> String {
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for item in items {
        *counts.entry(item).or_insert(0) += 1;
    }
    counts
        .iter()
        .map(|(k, n)| format!("{k} {n}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Two lines: entities by kind and by origin, recommendations by origin.
pub fn lines(b: &Brief) -> [String; 2] {
    let low = b
        .entities
        .iter()
        .filter(|e| e.confidence == Confidence::Low)
        .count();
    let entities = text(
        "cli.check_entities",
        &[
            ("count", &b.entities.len()),
            (
                "kinds",
                &tally(
                    b.entities
                        .iter()
                        .map(|e| super::library_text::kind(&e.kind)),
                ),
            ),
            (
                "origins",
                &tally(b.entities.iter().map(|e| origin(e.origin))),
            ),
            ("low", &low),
        ],
    );
    let low = b
        .recommendations
        .iter()
        .filter(|r| r.confidence == Confidence::Low)
        .count();
    let recommendations = text(
        "cli.check_recommendations",
        &[
            ("count", &b.recommendations.len()),
            (
                "origins",
                &tally(b.recommendations.iter().map(|r| origin(r.origin))),
            ),
            ("low", &low),
        ],
    );
    [entities, recommendations]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_seed_by_kind_and_origin() {
        let (b, _) = crate::brief::load::builtin().expect("the built-in brief");
        let [entities, recommendations] = lines(&b);
        assert!(
            entities.starts_with(&format!("entities: {} by kind (", b.entities.len())),
            "{entities}"
        );
        let curated = b
            .entities
            .iter()
            .filter(|e| e.origin == crate::brief::model::Origin::Overlay)
            .count();
        assert!(curated > 0, "{entities}");
        assert!(
            entities.contains(&format!("overlay {curated}")),
            "{entities}"
        );
        assert!(entities.contains("gazetteer "), "{entities}");
        assert!(entities.contains("Person "), "{entities}");
        assert_eq!(
            recommendations,
            "recommendations: 16 by origin (overlay 16); 0 of low confidence"
        );
    }
}
