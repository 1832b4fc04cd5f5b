//! The enrich stage: entities and Korea's policy recommendations found in
//! any brief, without a curated overlay. Pure functions over the model;
//! curated overlay entries win over what is found here (`merge_*`).

mod collect;
pub mod extract;
pub mod gazetteer;
pub mod mentions;
pub mod recommendations;
pub mod words;

use crate::brief::model::{Brief, Entity, Recommendation};
pub use gazetteer::Gazetteer;

/// Every entity the brief names, gazetteer names and extracted ones, with
/// every mention in paragraphs and footnotes. Unmentioned names are left out.
pub fn entities(brief: &Brief, gazetteer: &Gazetteer) -> Vec<Entity> {
    collect::entities(brief, gazetteer)
}

/// Korea's policy recommendations stated in the brief, each with its
/// passages (a point repeated in the summary and the body is one).
pub fn recommendations(brief: &Brief) -> Vec<Recommendation> {
    recommendations::find(brief)
}

/// Curated entities first; a found entity that shares a name or alias with
/// a curated one is the same entity and is dropped.
pub fn merge_entities(curated: Vec<Entity>, found: Vec<Entity>) -> Vec<Entity> {
    let names: std::collections::HashSet<String> = curated.iter().flat_map(entity_keys).collect();
    let mut out = curated;
    out.extend(
        found
            .into_iter()
            .filter(|e| !entity_keys(e).any(|k| names.contains(&k))),
    );
    out
}

/// Curated recommendations first; a found one that says what a curated one
/// says (or shares a paragraph and some of its words with it) is dropped.
pub fn merge_recommendations(
    curated: Vec<Recommendation>,
    found: Vec<Recommendation>,
) -> Vec<Recommendation> {
    use recommendations::ContentWords;
    let curated_words: Vec<ContentWords> =
        curated.iter().map(|c| ContentWords::of(&c.text)).collect();
    let kept: Vec<Recommendation> = found
        .into_iter()
        .filter(|f| {
            let words = ContentWords::of(&f.text);
            !curated.iter().zip(&curated_words).any(|(c, cw)| {
                let shared = f.paragraphs.iter().any(|p| c.paragraphs.contains(p));
                cw.similar(&words) || (shared && cw.related(&words))
            })
        })
        .collect();
    let mut out = curated;
    out.extend(kept);
    out
}

fn entity_keys(e: &Entity) -> impl Iterator<Item = String> + '_ {
    std::iter::once(&e.name)
        .chain(&e.aliases)
        .map(|n| gazetteer::key(n))
}

#[cfg(test)]
mod tests;
