//! Entity mentions: every name and alias of the gazetteer, found at a word
//! start with any particle after it (라브로프는, 푸틴이, Лаврова).

use aho_corasick::{AhoCorasick, MatchKind};

use crate::brief::model::{Confidence, Entity, Mention, Origin};
use crate::brief::overlay::GazetteerEntry;

/// Finds the gazetteer's names in text, longest name first.
pub struct MentionFinder {
    automaton: Option<AhoCorasick>,
    owners: Vec<(usize, bool)>,
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
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
        for m in ac.find_iter(text) {
            let (owner, whole_word) = self.owners[m.pattern().as_usize()];
            let before = text[..m.start()].chars().next_back();
            let after = text[m.end()..].chars().next();
            if before.is_some_and(is_word_char)
                || (whole_word && after.is_some_and(|c| c.is_ascii_alphanumeric()))
            {
                continue;
            }
            let start = text[..m.start()].chars().count();
            out.push((
                owner,
                start,
                start + text[m.start()..m.end()].chars().count(),
            ));
        }
        out
    }
}

/// Entities with their mentions in paragraphs and footnotes.
pub fn collect<'a>(
    entries: &[GazetteerEntry],
    paragraphs: impl Iterator<Item = (&'a str, &'a str)>,
    footnotes: impl Iterator<Item = (u32, &'a str)>,
) -> Vec<Entity> {
    let finder = MentionFinder::new(entries);
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
