//! Search over paragraphs: jamo-incremental, initial consonants, NFC/NFD
//! and case folding (via `text::Query`), plus entity aliases (Lavrov finds
//! 라브로프). A bigram index of match keys keeps large libraries fast.

use rustc_hash::FxHashMap;

use serde::Serialize;
use unicode_normalization::UnicodeNormalization;

use super::model::{Entity, Mention};
use crate::text::{Query, fold_str, key};

/// One search result: a span of a paragraph, a footnote or a source, and a
/// snippet around it. Offsets are code points into that text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Hit {
    /// Which part of the brief the hit is in.
    #[serde(rename = "in")]
    pub part: Part,
    /// The paragraph's id, for a hit in the body.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub paragraph: Option<String>,
    /// The footnote's number, for a hit in a footnote.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub footnote: Option<u32>,
    /// The source's id, for a hit in the source list.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Which field of the source: `outlet` or `title`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<&'static str>,
    /// The page the paragraph starts on, where the brief came with pages.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub page: Option<u32>,
    pub start: usize,
    pub end: usize,
    pub snippet: String,
    /// For a hit in the body, where a reader finds it: the heading of its section and the
    /// paragraph's position in it (from 1), where the search knows them (not in the JSON,
    /// which has the page and the paragraph's id).
    #[serde(skip)]
    pub within: Option<(String, usize)>,
}

impl Hit {
    /// A hit in the body with no paragraph yet; callers fill in where it is.
    pub fn spanning(start: usize, end: usize, snippet: String) -> Hit {
        Hit {
            part: Part::Body,
            paragraph: None,
            footnote: None,
            source: None,
            field: None,
            page: None,
            start,
            end,
            snippet,
            within: None,
        }
    }
}

/// The parts of a brief that search covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Part {
    Body,
    Footnote,
    Source,
}

/// A searchable text of the brief: a paragraph (by reading order), a
/// footnote (by number), or a source's outlet or title (by index).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum TextAt {
    Paragraph(usize),
    Footnote(u32),
    SourceOutlet(usize),
    SourceTitle(usize),
}

/// A folded entity name and its mentions as (document, char start, char end).
type Alias = (Vec<char>, Vec<(u32, u32, u32)>);

/// Folded documents with a bigram index of their match keys.
#[derive(Default)]
pub struct SearchIndex {
    docs: Vec<Vec<char>>,
    // FxHash: the keys come from our own text, not an adversary, and
    // SipHash would dominate building a large library.
    bigrams: FxHashMap<(char, char), Vec<(u32, u32)>>,
    aliases: Vec<Alias>,
}

impl SearchIndex {
    /// Index documents `(paragraph id, text)` in order, and entity mentions.
    pub fn new(docs: &[(&str, &str)], entities: &[Entity]) -> SearchIndex {
        let ids: FxHashMap<&str, u32> = docs
            .iter()
            .enumerate()
            .map(|(i, (id, _))| (*id, i as u32))
            .collect();
        let texts: Vec<&str> = docs.iter().map(|(_, t)| *t).collect();
        SearchIndex::with_mentions(&texts, entities, |m| {
            ids.get(m.paragraph.as_deref()?).copied()
        })
    }

    /// Index texts in order, and entity mentions placed in them by `locate`
    /// (the document a mention stands in, if it is indexed).
    pub fn with_mentions(
        texts: &[&str],
        entities: &[Entity],
        locate: impl Fn(&Mention) -> Option<u32>,
    ) -> SearchIndex {
        let aliases = alias_table(entities, locate);
        let docs: Vec<Vec<char>> = texts.iter().map(|t| fold_str(t)).collect();
        let mut bigrams: FxHashMap<(char, char), Vec<(u32, u32)>> = FxHashMap::default();
        let mut keys = Vec::new();
        for (d, doc) in docs.iter().enumerate() {
            keys.clear();
            keys.extend(doc.iter().map(|c| key(*c)));
            for (i, pair) in keys.windows(2).enumerate() {
                bigrams
                    .entry((pair[0], pair[1]))
                    .or_default()
                    .push((d as u32, i as u32));
            }
        }
        SearchIndex {
            docs,
            bigrams,
            aliases,
        }
    }

    /// Matches as (document, char start, char end), in reading order.
    pub fn find(&self, query: &str) -> Vec<(usize, usize, usize)> {
        let q = Query::new(query);
        if q.is_empty() {
            return Vec::new();
        }
        let mut out = match q.keys() {
            [a, b, ..] => self.pair_hits(&q, *a, *b),
            [a] => self.single_hits(&q, *a),
            [] => Vec::new(),
        };
        out.extend(self.alias_hits(query));
        out.sort_unstable();
        out.dedup_by(|b, a| a.0 == b.0 && b.1 < a.2);
        out
    }

    /// Matches of a query of two chars or more: verify the postings of its
    /// first key bigram.
    fn pair_hits(&self, q: &Query, a: char, b: char) -> Vec<(usize, usize, usize)> {
        let postings = self.bigrams.get(&(a, b)).map_or(&[][..], Vec::as_slice);
        postings
            .iter()
            .map(|&(d, i)| (d as usize, i as usize))
            .filter(|&(d, i)| q.matches_at(&self.docs[d], i))
            .map(|(d, i)| (d, i, i + q.len()))
            .collect()
    }

    /// Matches of a one-char query: every bigram starting with its key, and
    /// the last char of each document, which starts no bigram.
    fn single_hits(&self, q: &Query, a: char) -> Vec<(usize, usize, usize)> {
        let starts = self
            .bigrams
            .iter()
            .filter(|(pair, _)| pair.0 == a)
            .flat_map(|(_, postings)| postings);
        let lasts = self
            .docs
            .iter()
            .enumerate()
            .filter_map(|(d, doc)| Some((d as u32, doc.len().checked_sub(1)? as u32)));
        starts
            .copied()
            .chain(lasts)
            .map(|(d, i)| (d as usize, i as usize))
            .filter(|&(d, i)| q.matches_at(&self.docs[d], i))
            .map(|(d, i)| (d, i, i + 1))
            .collect()
    }

    fn alias_hits(&self, query: &str) -> Vec<(usize, usize, usize)> {
        let q = fold_str(query.nfc().collect::<String>().trim());
        if q.len() < 2 {
            return Vec::new();
        }
        self.aliases
            .iter()
            .filter(|(alias, _)| alias == &q || (q.len() >= 3 && alias.starts_with(&q)))
            .flat_map(|(_, spans)| {
                spans
                    .iter()
                    .map(|(d, s, e)| (*d as usize, *s as usize, *e as usize))
            })
            .collect()
    }
}

/// Each name of an entity (folded) with the entity's mentions in the indexed texts.
fn alias_table(entities: &[Entity], locate: impl Fn(&Mention) -> Option<u32>) -> Vec<Alias> {
    let mut table = Vec::new();
    for e in entities {
        let spans: Vec<(u32, u32, u32)> = e
            .mentions
            .iter()
            .filter_map(|m| Some((locate(m)?, m.start as u32, m.end as u32)))
            .collect();
        for name in std::iter::once(&e.name).chain(&e.aliases) {
            table.push((fold_str(name), spans.clone()));
        }
    }
    table
}

/// A one-line snippet: the match with some context either side.
pub fn snippet(text: &str, start: usize, end: usize) -> String {
    snippet_of(&text.chars().collect::<Vec<char>>(), start, end)
}

/// [`snippet`] over a paragraph already split into chars.
pub fn snippet_of(chars: &[char], start: usize, end: usize) -> String {
    let from = start.saturating_sub(20).min(chars.len());
    let to = (end + 20).clamp(from, chars.len());
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

#[cfg(test)]
mod tests {
    use super::*;

    fn brute(docs: &[(&str, &str)], query: &str) -> Vec<(usize, usize, usize)> {
        let q = Query::new(query);
        docs.iter()
            .enumerate()
            .flat_map(|(d, (_, t))| {
                q.find_all(&fold_str(t))
                    .into_iter()
                    .map(move |(s, e)| (d, s, e))
            })
            .collect()
    }

    #[test]
    fn index_finds_what_a_scan_finds() {
        let docs = [
            ("a", "북러 관계와 북한"),
            ("b", "북"),
            ("c", ""),
            ("d", "Bukreo 부러 ㅂ 보류"),
            ("e", "관계 북"),
        ];
        let index = SearchIndex::new(&docs, &[]);
        for q in [
            "북",
            "ㅂ",
            "부",
            "북ㄹ",
            "ㅂㄹ",
            "북러 관",
            "b",
            "BU",
            "관계",
            "ㄱ",
        ] {
            assert_eq!(index.find(q), brute(&docs, q), "{q}");
        }
    }
}
