//! Search across the library: the same Korean-aware matching as in one
//! brief (jamo, initial consonants, NFC/NFD, case, entity aliases), with
//! the hits grouped by brief.
//!
//! The paragraphs are folded once when the search is built; a query scans
//! only the paragraphs whose char mask (512 bits, a bit per folded char
//! modulo 512) holds every char the query must match exactly. Folded chars
//! and a mask need a quarter of the memory of a bigram index per brief,
//! which matters for a thousand.

use std::sync::Arc;

use serde::Serialize;
use unicode_normalization::UnicodeNormalization;

use super::Entry;
use crate::brief::Brief;
use crate::brief::search::{Hit, Part};
use crate::text::{Query, fold_str};

/// The hits in one brief.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BriefHits {
    pub id: String,
    pub number: String,
    pub title: String,
    pub hits: Vec<Hit>,
}

/// One searchable text (a paragraph, a footnote, a source's outlet or
/// title), as written and folded, with the mask of its chars.
struct Passage {
    at: Place,
    text: String,
    folded: Vec<char>,
    chars: CharMask,
}

/// Where a passage stands in its brief, as a hit reports it.
enum Place {
    Paragraph {
        id: String,
        page: Option<u32>,
        /// The section's heading and the paragraph's position in it (from 1).
        within: (Arc<str>, usize),
    },
    Footnote(u32),
    Source {
        id: String,
        field: &'static str,
    },
}

impl Place {
    fn hit(&self, start: usize, end: usize, snippet: String) -> Hit {
        let mut hit = Hit::spanning(start, end, snippet);
        match self {
            Place::Paragraph { id, page, within } => {
                hit.paragraph = Some(id.clone());
                hit.page = *page;
                hit.within = Some((within.0.to_string(), within.1));
            }
            Place::Footnote(n) => {
                hit.part = Part::Footnote;
                hit.footnote = Some(*n);
            }
            Place::Source { id, field } => {
                hit.part = Part::Source;
                hit.source = Some(id.clone());
                hit.field = Some(field);
            }
        }
        hit
    }
}

/// A set of chars, each as a bit: its code point modulo 512.
#[derive(Clone, Copy, Default, PartialEq, Eq)]
struct CharMask([u64; 8]);

impl CharMask {
    fn of(chars: impl IntoIterator<Item = char>) -> CharMask {
        let mut m = CharMask::default();
        for c in chars {
            let bit = u32::from(c) % 512;
            m.0[(bit / 64) as usize] |= 1 << (bit % 64);
        }
        m
    }

    /// Whether every char of `other` may be in this set.
    fn holds(&self, other: &CharMask) -> bool {
        self.0.iter().zip(&other.0).all(|(a, b)| a & b == *b)
    }
}

/// An entity name (folded) with its mentions as (paragraph, start, end).
type Alias = (Vec<char>, Vec<(usize, usize, usize)>);

/// One brief, ready to search.
struct Searchable {
    id: String,
    number: String,
    title: String,
    passages: Vec<Passage>,
    aliases: Vec<Alias>,
}

/// Every brief of a library, ready to search.
#[derive(Default)]
pub struct LibrarySearch {
    briefs: Vec<Searchable>,
}

impl LibrarySearch {
    /// Fold the briefs' paragraphs and entity names once.
    pub fn new<'a>(briefs: impl IntoIterator<Item = (&'a Entry, &'a Brief)>) -> LibrarySearch {
        let mut search = LibrarySearch::default();
        for (entry, brief) in briefs {
            search.add(entry, brief);
        }
        search
    }

    /// Fold one more brief (the brief itself is not kept).
    pub fn add(&mut self, entry: &Entry, brief: &Brief) {
        self.briefs.push(searchable(entry, brief));
    }

    /// How many briefs it searches.
    pub fn len(&self) -> usize {
        self.briefs.len()
    }

    /// Whether it searches no brief.
    pub fn is_empty(&self) -> bool {
        self.briefs.is_empty()
    }

    /// The briefs with a hit, in library order, each with its hits in reading order.
    pub fn find(&self, query: &str) -> Vec<BriefHits> {
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get().min(MAX_THREADS));
        let threads = if self.briefs.len() < PARALLEL_FROM {
            1
        } else {
            threads
        };
        self.find_on(query, threads)
    }

    /// The search of `find`, on `threads` threads.
    fn find_on(&self, query: &str, threads: usize) -> Vec<BriefHits> {
        let q = Query::new(query);
        if q.is_empty() {
            return Vec::new();
        }
        let alias = fold_str(query.nfc().collect::<String>().trim());
        let needed = CharMask::of(q.exact_chars());
        let scan = |briefs: &[Searchable]| -> Vec<BriefHits> {
            briefs
                .iter()
                .filter_map(|b| {
                    let hits = b.hits(&q, &needed, &alias);
                    (!hits.is_empty()).then(|| BriefHits {
                        id: b.id.clone(),
                        number: b.number.clone(),
                        title: b.title.clone(),
                        hits,
                    })
                })
                .collect()
        };
        if threads < 2 {
            return scan(&self.briefs);
        }
        // A large library is scanned in as many slices as there are cores, each on its own
        // thread; the slices' hits are joined in library order.
        let slice = self.briefs.len().div_ceil(threads);
        std::thread::scope(|s| {
            let running: Vec<_> = self
                .briefs
                .chunks(slice)
                .map(|part| s.spawn(move || scan(part)))
                .collect();
            let mut found = Vec::new();
            for (part, run) in self.briefs.chunks(slice).zip(running) {
                // A slice whose thread failed is scanned again here.
                found.extend(run.join().unwrap_or_else(|_| scan(part)));
            }
            found
        })
    }
}

/// The library size from which a search runs on several threads.
const PARALLEL_FROM: usize = 64;
/// The most threads a library search uses.
const MAX_THREADS: usize = 4;

impl Searchable {
    fn hits(&self, q: &Query, needed: &CharMask, alias: &[char]) -> Vec<Hit> {
        let mut spans: Vec<(usize, usize, usize)> = self
            .passages
            .iter()
            .enumerate()
            .filter(|(_, p)| p.chars.holds(needed))
            .flat_map(|(d, p)| {
                q.find_all(&p.folded)
                    .into_iter()
                    .map(move |(s, e)| (d, s, e))
            })
            .collect();
        // An entity's other names find its mentions (Lavrov finds 라브로프),
        // by the rule of one brief's search.
        if alias.len() >= 2 {
            for (name, mentions) in &self.aliases {
                if name == alias || (alias.len() >= 3 && name.starts_with(alias)) {
                    spans.extend(mentions);
                }
            }
        }
        spans.sort_unstable();
        spans.dedup_by(|b, a| a.0 == b.0 && b.1 < a.2);
        // Hits come in reading order: each passage's text is walked once,
        // forward, to the bytes of the snippets.
        let mut walk: Option<(usize, Walk)> = None;
        let mut hits = Vec::with_capacity(spans.len());
        for (d, start, end) in spans {
            let Some(p) = self.passages.get(d) else {
                continue;
            };
            let walk = match &mut walk {
                Some((at, w)) if *at == d => w,
                _ => &mut walk.insert((d, Walk::new(&p.text))).1,
            };
            // The folded text has a char for each char of the text.
            let chars = p.folded.len();
            let (start, end) = (start.min(chars), end.min(chars));
            hits.push(p.at.hit(start, end, walk.snippet(start, end, chars)));
        }
        hits
    }
}

/// A text's char positions turned into byte offsets, walking forward.
struct Walk<'a> {
    text: &'a str,
    char: usize,
    byte: usize,
}

impl<'a> Walk<'a> {
    fn new(text: &'a str) -> Walk<'a> {
        Walk {
            text,
            char: 0,
            byte: 0,
        }
    }

    /// The byte offset of char `to`, from the last one asked for (or the start).
    fn byte_of(&mut self, to: usize) -> usize {
        if to < self.char {
            (self.char, self.byte) = (0, 0);
        }
        let rest = &self.text[self.byte..];
        self.byte += rest
            .char_indices()
            .nth(to - self.char)
            .map_or(rest.len(), |(b, _)| b);
        self.char = to;
        self.byte
    }

    /// What `snippet_of` makes of the text's chars, read from its bytes.
    fn snippet(&mut self, start: usize, end: usize, chars: usize) -> String {
        let from = start.saturating_sub(20).min(chars);
        let to = (end + 20).clamp(from, chars);
        let first = self.byte_of(from);
        let mut ahead = Walk { ..*self };
        let last = ahead.byte_of(to);
        let mut s = String::with_capacity(last - first + 6);
        if from > 0 {
            s.push('…');
        }
        s.push_str(&self.text[first..last]);
        if to < chars {
            s.push('…');
        }
        s
    }
}

/// The brief's searchable texts in the order of one brief's search: the
/// body, the footnotes, the sources.
fn texts_of(brief: &Brief) -> Vec<(Place, &str)> {
    let parts = [
        (Arc::from(brief.front_title.as_str()), &brief.front),
        (Arc::from(brief.summary_heading()), &brief.summary),
    ];
    let sections = brief
        .sections
        .iter()
        .map(|s| (Arc::from(s.heading()), &s.paragraphs));
    let mut texts: Vec<(Place, &str)> = parts
        .into_iter()
        .chain(sections)
        .flat_map(|(heading, paragraphs)| {
            paragraphs.iter().enumerate().map(move |(i, p)| {
                let page = p.pages.map(|(first, _)| first);
                let id = p.id.clone();
                let within = (Arc::clone(&heading), i + 1);
                (Place::Paragraph { id, page, within }, p.text.as_str())
            })
        })
        .collect();
    texts.extend(
        brief
            .footnotes
            .iter()
            .map(|f| (Place::Footnote(f.number), f.text.as_str())),
    );
    for s in &brief.sources {
        let (id, outlet, title) = (s.id.clone(), s.outlet.as_str(), s.title.as_str());
        texts.push((
            Place::Source {
                id: id.clone(),
                field: "outlet",
            },
            outlet,
        ));
        texts.push((Place::Source { id, field: "title" }, title));
    }
    texts
}

fn searchable(entry: &Entry, brief: &Brief) -> Searchable {
    let passages: Vec<Passage> = texts_of(brief)
        .into_iter()
        .map(|(at, text)| {
            let folded = fold_str(text);
            Passage {
                at,
                text: text.to_string(),
                chars: CharMask::of(folded.iter().copied()),
                folded,
            }
        })
        .collect();
    let place = |m: &crate::brief::model::Mention| {
        passages.iter().position(|p| match (&p.at, m.footnote) {
            (Place::Footnote(n), Some(f)) => *n == f,
            (Place::Paragraph { id, .. }, None) => Some(id.as_str()) == m.paragraph.as_deref(),
            _ => false,
        })
    };
    let mut aliases = Vec::new();
    for e in &brief.entities {
        let mentions: Vec<(usize, usize, usize)> = e
            .mentions
            .iter()
            .filter_map(|m| Some((place(m)?, m.start, m.end)))
            .collect();
        if mentions.is_empty() {
            continue;
        }
        for name in std::iter::once(&e.name).chain(&e.aliases) {
            aliases.push((fold_str(name), mentions.clone()));
        }
    }
    Searchable {
        id: entry.id.clone(),
        number: entry.meta.number.clone(),
        title: entry.meta.title.clone(),
        passages,
        aliases,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::brief::Index;

    fn seed() -> Brief {
        crate::brief::load::stored().expect("the built-in brief")
    }

    fn entry(id: &str, brief: &Brief) -> Entry {
        Entry {
            id: id.into(),
            path: String::new(),
            hash: String::new(),
            importer: String::new(),
            added: String::new(),
            meta: brief.meta.clone(),
            paragraphs: 0,
        }
    }

    /// The library finds in each brief exactly what that brief's own search finds.
    #[test]
    fn each_brief_gets_what_its_own_search_finds() {
        let brief = seed();
        let (a, b) = (entry("a", &brief), entry("b", &brief));
        let search = LibrarySearch::new([(&a, &brief), (&b, &brief)]);
        let index = Index::new(brief.clone());
        for q in [
            "라브로프",
            "Lavrov",
            "ㅂㄹ",
            "북러 관",
            "조약",
            "푸틴 대통령",
            "2024년",
            "ㅍ틴",
        ] {
            let found = search.find(q);
            let own = index.search(q);
            assert!(!own.is_empty(), "{q}");
            assert_eq!(found.len(), 2, "{q}");
            let mut hits = found[0].hits.clone();
            for hit in &mut hits {
                // Only the library says where a body hit is by section.
                let within = hit.within.take();
                assert_eq!(within.is_some(), hit.part == Part::Body, "{q}: {hit:?}");
            }
            assert_eq!(hits, own, "{q}");
            assert_eq!(found[1].id, "b");
        }
        let second = &search.find("둘째, 러시아가")[0].hits[0];
        assert_eq!(
            second.within,
            Some(("요약".to_string(), 2)),
            "the summary's second point"
        );
        assert!(search.find("  ").is_empty());
        assert!(search.find("쀍쀍쀍").is_empty());
    }

    /// Snippets read from the text's bytes are those made from its chars,
    /// for hits in order, out of order, at both ends and in mixed scripts.
    #[test]
    fn threads_find_what_one_thread_finds_in_library_order() {
        let seed = seed();
        let entries: Vec<Entry> = (0..70).map(|i| entry(&format!("b{i:02}"), &seed)).collect();
        let search = LibrarySearch::new(entries.iter().map(|e| (e, &seed)));
        for q in ["북한", "ㅂㅎ", "Lavrov", "없는말"] {
            let one = search.find_on(q, 1);
            let three = search.find_on(q, 3);
            assert_eq!(one, three, "{q}");
            if q != "없는말" {
                assert_eq!(one.len(), 70, "{q}");
            }
        }
    }

    #[test]
    fn snippets_from_bytes_are_snippets_from_chars() {
        let text = "북러 관계¹ Lavrov 라브로프 — 2024년 6월 19일 «조약» 𝐀 and the end";
        let chars: Vec<char> = text.chars().collect();
        let n = chars.len();
        let mut walk = Walk::new(text);
        let spans = (0..n).flat_map(|s| (s..=n).step_by(3).map(move |e| (s, e)));
        for (start, end) in spans.chain([(n, n), (0, 0), (30, 31), (2, 4)]) {
            assert_eq!(
                walk.snippet(start, end, n),
                crate::brief::search::snippet_of(&chars, start, end),
                "{start}..{end}"
            );
        }
    }
}
