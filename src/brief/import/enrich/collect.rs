//! Gazetteer names and extracted names, resolved to entities with mentions.

use std::collections::HashMap;

use super::extract::{self, Candidate};
use super::gazetteer::{Gazetteer, key};
use super::mentions::{Hit, NameFinder};
use crate::brief::model::{Brief, Confidence, Entity, Mention, Origin};

/// Where a text stands: a paragraph or a footnote.
#[derive(Clone, Copy)]
enum Place<'a> {
    Paragraph(&'a str),
    Footnote(u32),
}

fn texts(brief: &Brief) -> Vec<(Place<'_>, &str)> {
    let paragraphs = brief
        .paragraphs()
        .map(|p| (Place::Paragraph(&p.id), p.text.as_str()));
    let notes = brief
        .footnotes
        .iter()
        .map(|f| (Place::Footnote(f.number), f.text.as_str()));
    paragraphs.chain(notes).collect()
}

pub fn entities(brief: &Brief, gazetteer: &Gazetteer) -> Vec<Entity> {
    let texts = texts(brief);
    let english = extract::is_english(texts.iter().map(|(_, t)| *t));
    let candidates = unknown_names(&texts, gazetteer, english);
    let offset = gazetteer.entries.len();
    let finder = NameFinder::quick(candidates.iter().enumerate().flat_map(|(i, c)| {
        std::iter::once(c.name.as_str())
            .chain(c.aliases.iter().map(String::as_str))
            .map(move |n| (offset + i, n))
    }));
    let mut mentions: HashMap<usize, Vec<Mention>> = HashMap::new();
    for (place, text) in &texts {
        let mut hits = gazetteer.finder().find(text);
        hits.extend(finder.find(text));
        for hit in without_overlaps(hits) {
            mentions
                .entry(hit.owner)
                .or_default()
                .push(mention(*place, hit));
        }
    }
    let mut owners: Vec<usize> = mentions.keys().copied().collect();
    owners.sort_unstable();
    owners
        .into_iter()
        .filter_map(|owner| {
            let found = mentions.remove(&owner)?;
            Some(match owner.checked_sub(offset) {
                None => known(gazetteer, owner, found),
                Some(i) => extracted(&candidates[i], found),
            })
        })
        .collect()
}

fn mention(place: Place<'_>, hit: Hit) -> Mention {
    let (paragraph, footnote) = match place {
        Place::Paragraph(id) => (Some(id.to_string()), None),
        Place::Footnote(n) => (None, Some(n)),
    };
    Mention {
        paragraph,
        footnote,
        start: hit.start,
        end: hit.end,
    }
}

/// The longest of overlapping hits (then the gazetteer's, listed first).
fn without_overlaps(mut hits: Vec<Hit>) -> Vec<Hit> {
    hits.sort_by_key(|h| (h.start, std::cmp::Reverse(h.end)));
    let mut out: Vec<Hit> = Vec::new();
    for h in hits {
        if out.last().is_none_or(|last| h.start >= last.end) {
            out.push(h);
        }
    }
    out
}

fn known(gazetteer: &Gazetteer, i: usize, mentions: Vec<Mention>) -> Entity {
    let e = &gazetteer.entries[i];
    Entity {
        id: e.id.clone(),
        kind: e.kind.clone(),
        name: e.name.clone(),
        aliases: e.aliases.clone(),
        mentions,
        origin: Origin::Gazetteer,
        confidence: Confidence::High,
    }
}

fn extracted(c: &Candidate, mentions: Vec<Mention>) -> Entity {
    let confidence = if mentions.len() >= 3 {
        c.confidence.max(Confidence::Medium)
    } else {
        c.confidence
    };
    Entity {
        id: format!("x-{}", c.name.replace(char::is_whitespace, "-")),
        kind: c.kind.to_string(),
        name: c.name.clone(),
        aliases: c.aliases.clone(),
        mentions,
        origin: Origin::Extracted,
        confidence,
    }
}

/// Candidates from every text, merged by shared names, without those the
/// gazetteer already knows.
fn unknown_names(
    texts: &[(Place<'_>, &str)],
    gazetteer: &Gazetteer,
    english: bool,
) -> Vec<Candidate> {
    let mut out: Vec<Candidate> = Vec::new();
    let mut by_key: HashMap<String, usize> = HashMap::new();
    for (_, text) in texts {
        for c in extract::candidates(text, english) {
            let names = || std::iter::once(&c.name).chain(&c.aliases);
            if names().any(|n| gazetteer.lookup(n).is_some()) {
                continue;
            }
            let keys: Vec<String> = names().map(|n| key(n)).collect();
            match keys.iter().find_map(|k| by_key.get(k).copied()) {
                Some(i) => {
                    let same = &mut out[i];
                    same.confidence = same.confidence.max(c.confidence);
                    for a in names() {
                        if *a != same.name && !same.aliases.contains(a) {
                            same.aliases.push(a.clone());
                        }
                    }
                    keys.into_iter().for_each(|k| {
                        by_key.entry(k).or_insert(i);
                    });
                }
                None => {
                    keys.into_iter().for_each(|k| {
                        by_key.entry(k).or_insert(out.len());
                    });
                    out.push(c);
                }
            }
        }
    }
    out
}
