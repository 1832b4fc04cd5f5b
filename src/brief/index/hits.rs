//! Search over the whole brief: paragraphs, footnotes and the source list.

use rustc_hash::FxHashMap;

use super::Index;
use crate::brief::search::{Hit, Part, SearchIndex, TextAt, snippet_of};

impl Index {
    /// Index every searchable text: paragraphs in reading order, footnotes,
    /// then each source's outlet and title.
    fn build_search(&self) -> (SearchIndex, Vec<TextAt>) {
        let b = &self.brief;
        let mut texts: Vec<TextAt> = (0..self.order.len()).map(TextAt::Paragraph).collect();
        texts.extend(b.footnotes.iter().map(|f| TextAt::Footnote(f.number)));
        for i in 0..b.sources.len() {
            texts.extend([TextAt::SourceOutlet(i), TextAt::SourceTitle(i)]);
        }
        let strings: Vec<&str> = texts.iter().map(|t| self.text_at(*t)).collect();
        let paragraphs: FxHashMap<&str, u32> = self
            .order
            .iter()
            .enumerate()
            .map(|(i, p)| (self.at(*p).id.as_str(), i as u32))
            .collect();
        let first_note = self.order.len();
        let notes: FxHashMap<u32, u32> = b
            .footnotes
            .iter()
            .enumerate()
            .map(|(i, f)| (f.number, (first_note + i) as u32))
            .collect();
        let search = SearchIndex::with_mentions(&strings, &b.entities, |m| match m.footnote {
            Some(n) => notes.get(&n).copied(),
            None => paragraphs.get(m.paragraph.as_deref()?).copied(),
        });
        (search, texts)
    }

    /// The text a search span's offsets refer to.
    pub fn text_at(&self, at: TextAt) -> &str {
        let b = &self.brief;
        match at {
            TextAt::Paragraph(order) => self
                .order
                .get(order)
                .map_or("", |p| self.at(*p).text.as_str()),
            TextAt::Footnote(n) => b.footnote(n).map_or("", |f| f.text.as_str()),
            TextAt::SourceOutlet(i) => b.sources.get(i).map_or("", |s| s.outlet.as_str()),
            TextAt::SourceTitle(i) => b.sources.get(i).map_or("", |s| s.title.as_str()),
        }
    }

    /// Matches as (text, char start, char end) in order: the body in reading
    /// order, then the footnotes, then the sources. No snippets.
    pub fn search_spans(&self, query: &str) -> Vec<(TextAt, usize, usize)> {
        let (search, texts) = self.search.get_or_init(|| self.build_search());
        search
            .find(query)
            .into_iter()
            .filter_map(|(d, s, e)| Some((*texts.get(d)?, s, e)))
            .collect()
    }

    /// Search the whole brief: Korean-aware, NFC/NFD-proof, through aliases.
    pub fn search(&self, query: &str) -> Vec<Hit> {
        let found = self.search_spans(query);
        let mut hits = Vec::with_capacity(found.len());
        // Hits come grouped by text: each text's chars are read once.
        let mut current: Option<(TextAt, Vec<char>)> = None;
        for (at, start, end) in found {
            let chars = match &mut current {
                Some((t, chars)) if *t == at => chars,
                slot => &mut slot.insert((at, self.text_at(at).chars().collect())).1,
            };
            let snippet = snippet_of(chars, start, end);
            hits.push(self.hit(at, start, end, snippet));
        }
        hits
    }

    fn hit(&self, at: TextAt, start: usize, end: usize, snippet: String) -> Hit {
        let mut hit = Hit::spanning(start, end, snippet);
        match at {
            TextAt::Paragraph(order) => {
                let p = self.order.get(order).map(|p| self.at(*p));
                hit.paragraph = p.map(|p| p.id.clone());
                hit.page = p.and_then(|p| p.pages).map(|(first, _)| first);
            }
            TextAt::Footnote(n) => {
                hit.part = Part::Footnote;
                hit.footnote = Some(n);
            }
            TextAt::SourceOutlet(i) | TextAt::SourceTitle(i) => {
                hit.part = Part::Source;
                hit.source = self.brief.sources.get(i).map(|s| s.id.clone());
                hit.field = Some(if matches!(at, TextAt::SourceOutlet(_)) {
                    "outlet"
                } else {
                    "title"
                });
            }
        }
        hit
    }

    /// The text a hit's offsets refer to.
    pub fn hit_text(&self, hit: &Hit) -> &str {
        if let Some(id) = &hit.paragraph {
            return self.paragraph(id).map_or("", |p| p.text.as_str());
        }
        if let Some(n) = hit.footnote {
            return self.text_at(TextAt::Footnote(n));
        }
        let Some(i) = hit
            .source
            .as_deref()
            .and_then(|id| self.brief.sources.iter().position(|s| s.id == id))
        else {
            return "";
        };
        match hit.field {
            Some("outlet") => self.text_at(TextAt::SourceOutlet(i)),
            _ => self.text_at(TextAt::SourceTitle(i)),
        }
    }
}
