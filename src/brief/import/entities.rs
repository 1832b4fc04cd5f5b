//! Entity mentions: every name and alias of the gazetteer, found at a word
//! start with any particle after it (라브로프는, 푸틴이, Лаврова).

use std::sync::{Arc, Mutex};

use aho_corasick::{AhoCorasick, MatchKind};

use crate::brief::model::{Confidence, Entity, Mention, Origin};
use crate::brief::overlay::GazetteerEntry;

/// Finds the gazetteer's names in text, longest name first.
pub struct MentionFinder {
    automaton: Option<AhoCorasick>,
    owners: Vec<(usize, bool)>,
}

fn is_word_char(c: char) -> bool {
    super::enrich::words::is_letter(c)
}

impl MentionFinder {
    /// Build the finder for these entries.
    pub fn new(entries: &[GazetteerEntry]) -> Self {
        let mut patterns = Vec::new();
        let mut owners = Vec::new();
        for (i, e) in entries.iter().enumerate() {
            for name in std::iter::once(&e.name)
                .chain(&e.aliases)
                .filter(|n| !n.is_empty())
            {
                // Latin names must end at a word end: "UN" is not in "UNESCO".
                let whole_word = name
                    .chars()
                    .next_back()
                    .is_some_and(|c| c.is_ascii_alphanumeric());
                patterns.push(name.clone());
                owners.push((i, whole_word));
            }
        }
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(&patterns)
            .ok();
        MentionFinder { automaton, owners }
    }

    /// Mentions in `text`: (entity index, char start, char end).
    pub fn find(&self, text: &str) -> Vec<(usize, usize, usize)> {
        let Some(ac) = &self.automaton else {
            return Vec::new();
        };
        let mut out = Vec::new();
        // Code points counted from the last match on, not from the start each time.
        let mut counted = (0, 0);
        for m in ac.find_iter(text) {
            let (owner, whole_word) = self.owners[m.pattern().as_usize()];
            let before = text[..m.start()].chars().next_back();
            let after = text[m.end()..].chars().next();
            if before.is_some_and(is_word_char)
                || (whole_word && after.is_some_and(|c| c.is_ascii_alphanumeric()))
            {
                continue;
            }
            let start = counted.1 + text[counted.0..m.start()].chars().count();
            counted = (m.start(), start);
            out.push((
                owner,
                start,
                start + text[m.start()..m.end()].chars().count(),
            ));
        }
        out
    }
}

/// The finder for these entries. Building the automaton is most of the
/// cost of finding names, and every import of the seed (or of a brief that
/// borrows its names) asks for the same one, so the last one is kept.
fn finder_for(entries: &[GazetteerEntry]) -> Arc<MentionFinder> {
    type Built = (Vec<(String, Vec<String>)>, Arc<MentionFinder>);
    static LAST: Mutex<Option<Built>> = Mutex::new(None);
    let same = |key: &[(String, Vec<String>)]| {
        key.len() == entries.len()
            && key
                .iter()
                .zip(entries)
                .all(|((name, aliases), e)| *name == e.name && *aliases == e.aliases)
    };
    let Ok(mut last) = LAST.lock() else {
        return Arc::new(MentionFinder::new(entries));
    };
    if let Some((key, finder)) = last.as_ref()
        && same(key)
    {
        return Arc::clone(finder);
    }
    let finder = Arc::new(MentionFinder::new(entries));
    let key = entries
        .iter()
        .map(|e| (e.name.clone(), e.aliases.clone()))
        .collect();
    *last = Some((key, Arc::clone(&finder)));
    finder
}

/// Entities with their mentions in paragraphs and footnotes.
pub fn collect<'a>(
    entries: &[GazetteerEntry],
    paragraphs: impl Iterator<Item = (&'a str, &'a str)>,
    footnotes: impl Iterator<Item = (u32, &'a str)>,
) -> Vec<Entity> {
    let finder = finder_for(entries);
    let mut entities: Vec<Entity> = entries
        .iter()
        .map(|e| Entity {
            id: e.id.clone(),
            kind: e.kind.clone(),
            name: e.name.clone(),
            aliases: e.aliases.clone(),
            mentions: vec![],
            origin: Origin::Overlay,
            confidence: Confidence::High,
        })
        .collect();
    for (id, text) in paragraphs {
        for (i, start, end) in finder.find(text) {
            entities[i].mentions.push(Mention {
                paragraph: Some(id.to_string()),
                footnote: None,
                start,
                end,
            });
        }
    }
    for (number, text) in footnotes {
        for (i, start, end) in finder.find(text) {
            entities[i].mentions.push(Mention {
                paragraph: None,
                footnote: Some(number),
                start,
                end,
            });
        }
    }
    entities
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(id: &str, name: &str, aliases: &[&str]) -> GazetteerEntry {
        GazetteerEntry {
            id: id.into(),
            kind: "person".into(),
            name: name.into(),
            aliases: aliases.iter().map(|s| s.to_string()).collect(),
        }
    }

    #[test]
    fn particles_and_boundaries() {
        let f = MentionFinder::new(&[
            entry("lavrov", "라브로프", &["Лавров"]),
            entry("un", "유엔", &["UN"]),
        ]);
        let found = f.find("라브로프는 Лаврова 반유엔 UNESCO UN 안보리");
        assert_eq!(found, vec![(0, 0, 4), (0, 6, 12), (1, 25, 27)]);
    }
}
