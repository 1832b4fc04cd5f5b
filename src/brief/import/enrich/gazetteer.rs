//! The built-in gazetteer: states, people, organisations, places, treaties,
//! weapons and events that Korean foreign-policy briefs name, each with its
//! aliases in English, Russian, Chinese or Japanese (`assets/gazetteer.json`).

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::Deserialize;

use super::mentions::NameFinder;
use crate::brief::overlay::GazetteerEntry;

const BUILTIN: &str = include_str!("../../../../assets/gazetteer.json");

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct GazetteerFile {
    entries: Vec<GazetteerEntry>,
}

/// Known names, with a finder built once over all of them.
pub struct Gazetteer {
    pub entries: Vec<GazetteerEntry>,
    finder: NameFinder,
    by_name: HashMap<String, usize>,
}

impl Gazetteer {
    /// The gazetteer compiled into the binary, parsed on first use.
    pub fn builtin() -> &'static Gazetteer {
        static BUILT: OnceLock<Gazetteer> = OnceLock::new();
        BUILT.get_or_init(|| Gazetteer::parse(BUILTIN).unwrap_or_else(|_| Gazetteer::new(vec![])))
    }

    /// Parse a gazetteer file (`{"entries": [...]}`).
    pub fn parse(json: &str) -> Result<Gazetteer, serde_json::Error> {
        let file: GazetteerFile = serde_json::from_str(json)?;
        Ok(Gazetteer::new(file.entries))
    }

    /// A gazetteer of these entries.
    pub fn new(entries: Vec<GazetteerEntry>) -> Gazetteer {
        let names = || {
            entries.iter().enumerate().flat_map(|(i, e)| {
                std::iter::once(e.name.as_str())
                    .chain(e.aliases.iter().map(String::as_str))
                    .map(move |n| (i, n))
            })
        };
        let finder = NameFinder::new(names());
        let by_name = names().map(|(i, n)| (key(n), i)).collect();
        Gazetteer {
            entries,
            finder,
            by_name,
        }
    }

    /// The entry one of whose names is `name` (case and spacing aside).
    pub fn lookup(&self, name: &str) -> Option<&GazetteerEntry> {
        self.by_name.get(&key(name)).map(|i| &self.entries[*i])
    }

    /// The finder over every name and alias; hits own entry indices.
    pub fn finder(&self) -> &NameFinder {
        &self.finder
    }
}

/// A name as compared: lower case, no spaces or middle dots.
pub fn key(name: &str) -> String {
    name.chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '·' | '-' | '‐' | '–'))
        .flat_map(char::to_lowercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::brief::overlay::KINDS;

    #[test]
    fn the_builtin_file_parses_and_is_sound() {
        let g = Gazetteer::parse(BUILTIN).expect("assets/gazetteer.json parses");
        assert!(g.entries.len() >= 300, "{} entries", g.entries.len());
        let mut ids = std::collections::HashSet::new();
        for e in &g.entries {
            assert!(ids.insert(e.id.as_str()), "id {} twice", e.id);
            assert!(
                KINDS.contains(&e.kind.as_str()) || e.kind == "event",
                "{}: {}",
                e.id,
                e.kind
            );
        }
        assert!(Gazetteer::builtin().entries.len() == g.entries.len());
    }

    #[test]
    fn lookup_ignores_case_and_spacing() {
        let g = Gazetteer::builtin();
        assert_eq!(
            g.lookup("Lavrov").map(|e| e.name.as_str()),
            Some("세르게이 라브로프")
        );
        assert_eq!(
            g.lookup("kim jong-un").map(|e| e.id.as_str()),
            Some("kim-jong-un")
        );
        assert!(g.lookup("라브로프프").is_none());
    }
}
