//! Indexes across the library: every entity with the briefs that mention
//! it, every source with the briefs (and claims) that cite it.

use rustc_hash::FxHashMap;
use serde::Serialize;

use super::Entry;
use crate::brief::Brief;
use crate::brief::model::Source;
use crate::text::fold_str;

/// A brief, as an index row names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BriefRef {
    pub id: String,
    pub number: String,
    pub title: String,
}

impl BriefRef {
    fn of(entry: &Entry) -> BriefRef {
        BriefRef {
            id: entry.id.clone(),
            number: entry.meta.number.clone(),
            title: entry.meta.title.clone(),
        }
    }
}

/// An entity's mentions in one brief, with the passages they stand in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EntityIn {
    pub brief: BriefRef,
    pub mentions: usize,
    /// A snippet around each mention in a paragraph.
    pub passages: Vec<String>,
}

/// An entity across the library (one name, whatever brief found it).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EntityRow {
    pub name: String,
    pub kind: String,
    pub aliases: Vec<String>,
    pub briefs: Vec<EntityIn>,
}

/// A source's citations in one brief, with the claims citing it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SourceIn {
    pub brief: BriefRef,
    pub footnotes: Vec<u32>,
    pub claims: Vec<String>,
}

/// A source across the library.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SourceRow {
    pub outlet: String,
    pub title: String,
    pub date: Option<String>,
    pub url: Option<String>,
    pub briefs: Vec<SourceIn>,
}

fn folded(s: &str) -> String {
    fold_str(s.trim())
        .into_iter()
        .filter(|c| !c.is_whitespace())
        .collect()
}

/// Every entity of the library, the most widely mentioned first; with
/// `name`, only those whose name or an alias contains it.
pub fn entities(briefs: &[(Entry, Brief)], name: Option<&str>) -> Vec<EntityRow> {
    let wanted = name.map(folded).filter(|n| !n.is_empty());
    let mut rows: Vec<EntityRow> = Vec::new();
    let mut places: FxHashMap<String, usize> = FxHashMap::default();
    for (entry, brief) in briefs {
        for e in &brief.entities {
            let names: Vec<String> = std::iter::once(&e.name)
                .chain(&e.aliases)
                .map(|n| folded(n))
                .collect();
            if let Some(w) = &wanted
                && !names.iter().any(|n| n.contains(w.as_str()))
            {
                continue;
            }
            let key = names[0].clone();
            let at = *places.entry(key).or_insert_with(|| {
                rows.push(EntityRow {
                    name: e.name.clone(),
                    kind: e.kind.clone(),
                    aliases: Vec::new(),
                    briefs: Vec::new(),
                });
                rows.len() - 1
            });
            let row = &mut rows[at];
            for a in &e.aliases {
                if !row.aliases.contains(a) {
                    row.aliases.push(a.clone());
                }
            }
            let found = passages(brief, e, wanted.is_some());
            match row.briefs.last_mut() {
                // Two entities of one brief under one name count as one.
                Some(last) if last.brief.id == entry.id => {
                    last.mentions += e.mentions.len();
                    last.passages.extend(found);
                }
                _ => row.briefs.push(EntityIn {
                    brief: BriefRef::of(entry),
                    mentions: e.mentions.len(),
                    passages: found,
                }),
            }
        }
    }
    rows.sort_by(|a, b| {
        b.briefs
            .len()
            .cmp(&a.briefs.len())
            .then_with(|| a.name.cmp(&b.name))
    });
    rows
}

/// Snippets of an entity's mentions in paragraphs (only when asked: a
/// whole index does without them).
fn passages(brief: &Brief, e: &crate::brief::model::Entity, wanted: bool) -> Vec<String> {
    if !wanted {
        return Vec::new();
    }
    e.mentions
        .iter()
        .filter_map(|m| {
            let id = m.paragraph.as_deref()?;
            let p = brief.paragraphs().find(|p| p.id == id)?;
            Some(crate::brief::search::snippet(&p.text, m.start, m.end))
        })
        .collect()
}

/// What makes two sources one: the URL where there is one, else outlet and
/// title (and the date, when there is no title: an agency's reports of
/// different days are different sources).
fn source_key(s: &Source) -> String {
    match &s.url {
        Some(u) if !u.trim().is_empty() => u.trim().trim_end_matches('/').to_lowercase(),
        _ if s.title.trim().is_empty() => format!(
            "{}||{}",
            folded(&s.outlet),
            s.date.as_deref().unwrap_or_default()
        ),
        _ => format!("{}|{}", folded(&s.outlet), folded(&s.title)),
    }
}

/// Add one brief's citation of a source to its row: a brief citing the same
/// source twice is one brief, with the footnotes and claims of both.
fn add_citation(row: &mut SourceRow, cited: SourceIn) {
    match row.briefs.last_mut() {
        Some(last) if last.brief.id == cited.brief.id => {
            for n in cited.footnotes {
                if !last.footnotes.contains(&n) {
                    last.footnotes.push(n);
                }
            }
            last.footnotes.sort_unstable();
            for c in cited.claims {
                if !last.claims.contains(&c) {
                    last.claims.push(c);
                }
            }
        }
        _ => row.briefs.push(cited),
    }
}

/// Every source of the library, the most widely cited first; with `query`,
/// only those whose outlet, title or URL contains it.
pub fn sources(briefs: &[(Entry, Brief)], query: Option<&str>) -> Vec<SourceRow> {
    let wanted = query.map(folded).filter(|q| !q.is_empty());
    let mut rows: Vec<SourceRow> = Vec::new();
    let mut places: FxHashMap<String, usize> = FxHashMap::default();
    for (entry, brief) in briefs {
        for s in &brief.sources {
            if let Some(w) = &wanted {
                let text = folded(&format!(
                    "{} {} {}",
                    s.outlet,
                    s.title,
                    s.url.as_deref().unwrap_or("")
                ));
                if !text.contains(w.as_str()) {
                    continue;
                }
            }
            let key = source_key(s);
            let at = *places.entry(key).or_insert_with(|| {
                rows.push(SourceRow {
                    outlet: s.outlet.clone(),
                    title: s.title.clone(),
                    date: s.date.clone(),
                    url: s.url.clone(),
                    briefs: Vec::new(),
                });
                rows.len() - 1
            });
            let claims = brief
                .claims
                .iter()
                .filter(|c| c.footnotes.iter().any(|n| s.footnotes.contains(n)))
                .map(|c| c.text.clone())
                .collect();
            let cited = SourceIn {
                brief: BriefRef::of(entry),
                footnotes: s.footnotes.clone(),
                claims,
            };
            add_citation(&mut rows[at], cited);
        }
    }
    rows.sort_by(|a, b| {
        b.briefs
            .len()
            .cmp(&a.briefs.len())
            .then_with(|| a.title.cmp(&b.title))
    });
    rows
}
