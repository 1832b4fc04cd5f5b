//! Search over paragraphs: jamo-incremental, initial consonants, NFC/NFD
//! and case folding (via `text::Query`), plus entity aliases (Lavrov finds
//! 라브로프). A bigram index of match keys keeps large libraries fast.

use std::collections::HashMap;

use serde::Serialize;
use unicode_normalization::UnicodeNormalization;

use super::model::Entity;
use crate::text::{Query, fold_str, key};

/// One search result: a span of a paragraph and a snippet around it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Hit {
    pub paragraph: String,
    pub start: usize,
    pub end: usize,
    pub snippet: String,
}

/// Folded documents with a bigram index of their match keys.
#[derive(Default)]
pub struct SearchIndex {
    docs: Vec<Vec<char>>,
    bigrams: HashMap<(char, char), Vec<(u32, u32)>>,
    aliases: Vec<(Vec<char>, Vec<(u32, u32, u32)>)>,
}

impl SearchIndex {
    /// Index documents `(paragraph id, text)` in order, and entity mentions.
    pub fn new(docs: &[(&str, &str)], entities: &[Entity]) -> SearchIndex {
        let ids: HashMap<&str, u32> = docs.iter().enumerate().map(|(i, (id, _))| (*id, i as u32)).collect();
        let aliases = alias_table(&ids, entities);
        let docs: Vec<Vec<char>> = docs.iter().map(|(_, t)| fold_str(t)).collect();
        let mut bigrams: HashMap<(char, char), Vec<(u32, u32)>> = HashMap::new();
        for (d, doc) in docs.iter().enumerate() {
            for (i, pair) in doc.windows(2).enumerate() {
                bigrams.entry((key(pair[0]), key(pair[1]))).or_default().push((d as u32, i as u32));
            }
        }
        SearchIndex { docs, bigrams, aliases }
    }

    /// Matches as (document, char start, char end), in reading order.
    pub fn find(&self, query: &str) -> Vec<(usize, usize, usize)> {
        let q = Query::new(query);
        if q.is_empty() {
            return Vec::new();
        }
        let mut out: Vec<(usize, usize, usize)> = match q.keys() {
            [a, b, ..] => self.bigrams.get(&(*a, *b)).map_or(&[][..], |v| v.as_slice()).iter()
                .filter(|(d, i)| q.matches_at(&self.docs[*d as usize], *i as usize))
                .map(|(d, i)| (*d as usize, *i as usize, *i as usize + q.len()))
                .collect(),
            _ => self.docs.iter().enumerate()
                .flat_map(|(d, doc)| q.find_all(doc).into_iter().map(move |(s, e)| (d, s, e)))
                .collect(),
        };
        out.extend(self.alias_hits(query));
        out.sort_unstable();
        out.dedup_by(|b, a| a.0 == b.0 && b.1 < a.2);
        out
    }

    fn alias_hits(&self, query: &str) -> Vec<(usize, usize, usize)> {
        let q = fold_str(query.nfc().collect::<String>().trim());
        if q.len() < 2 {
            return Vec::new();
        }
        self.aliases
            .iter()
            .filter(|(alias, _)| alias == &q || (q.len() >= 3 && alias.starts_with(&q)))
            .flat_map(|(_, spans)| spans.iter().map(|(d, s, e)| (*d as usize, *s as usize, *e as usize)))
            .collect()
    }
}

/// Each name of an entity (folded) with the entity's mentions in paragraphs.
fn alias_table(ids: &HashMap<&str, u32>, entities: &[Entity]) -> Vec<(Vec<char>, Vec<(u32, u32, u32)>)> {
    let mut table = Vec::new();
    for e in entities {
        let spans: Vec<(u32, u32, u32)> = e
            .mentions
            .iter()
            .filter_map(|m| {
                let d = *ids.get(m.paragraph.as_deref()?)?;
                Some((d, m.start as u32, m.end as u32))
            })
            .collect();
        for name in std::iter::once(&e.name).chain(&e.aliases) {
            table.push((fold_str(name), spans.clone()));
        }
    }
    table
}

/// A one-line snippet: the match with some context either side.
pub fn snippet(text: &str, start: usize, end: usize) -> String {
    let chars: Vec<char> = text.chars().collect();
    let from = start.saturating_sub(20);
    let to = (end + 20).min(chars.len());
    let mut s = String::new();
    if from > 0 {
        s.push('…');
    }
    s.extend(&chars[from..to]);
    if to < chars.len() {
        s.push('…');
    }
    s
}
