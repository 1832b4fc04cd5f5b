//! The library's catalog: one entry per brief, kept in `catalog.json`.

use serde::{Deserialize, Serialize};

use crate::brief::model::Meta;

/// The catalog's format; a newer one is read as far as it goes.
pub const CATALOG_VERSION: u32 = 1;

/// A brief in the library: where it came from and what it is.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    /// A short id, the start of the first content hash (`3fa2c1d9`).
    pub id: String,
    /// The original file, as given when added (made absolute).
    pub path: String,
    /// SHA-256 of the original file's bytes when last imported.
    pub hash: String,
    /// The importer that made the stored model.
    pub importer: String,
    /// When it was added (RFC 3339).
    pub added: String,
    /// The brief's header.
    pub meta: Meta,
    /// How many paragraphs it has.
    #[serde(default)]
    pub paragraphs: usize,
}

impl Entry {
    /// The key its annotations are kept under (as when read on its own).
    pub fn notes_key(&self) -> String {
        crate::app::notes::brief_key(&self.meta.number)
    }
}

/// Every brief in the library, in the order added.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Catalog {
    #[serde(default)]
    pub version: u32,
    #[serde(default)]
    pub briefs: Vec<Entry>,
}

impl Catalog {
    /// The entry with this id, or the only one whose id starts with it.
    pub fn find(&self, id: &str) -> Option<&Entry> {
        let id = id.trim();
        if id.is_empty() {
            return None;
        }
        if let Some(e) = self.briefs.iter().find(|e| e.id == id) {
            return Some(e);
        }
        let mut starting = self.briefs.iter().filter(|e| e.id.starts_with(id));
        match (starting.next(), starting.next()) {
            (Some(e), None) => Some(e),
            _ => None,
        }
    }

    /// The entry holding a file with this content hash.
    pub fn by_hash(&self, hash: &str) -> Option<&Entry> {
        self.briefs.iter().find(|e| e.hash == hash)
    }

    /// A new id for a file with this content hash: its first 8 hex digits,
    /// longer while another entry has them.
    pub fn new_id(&self, hash: &str) -> String {
        let mut len = 8.min(hash.len());
        while len < hash.len() && self.briefs.iter().any(|e| e.id == hash[..len]) {
            len += 4;
        }
        hash[..len.min(hash.len())].to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(id: &str) -> Entry {
        Entry {
            id: id.into(),
            path: String::new(),
            hash: format!("{id}ffff"),
            importer: String::new(),
            added: String::new(),
            meta: Meta::default(),
            paragraphs: 0,
        }
    }

    #[test]
    fn ids_are_found_whole_or_by_a_unique_prefix() {
        let c = Catalog {
            version: CATALOG_VERSION,
            briefs: vec![entry("abc12345"), entry("abd12345")],
        };
        assert_eq!(c.find("abc12345").map(|e| &e.id[..]), Some("abc12345"));
        assert_eq!(c.find("abd").map(|e| &e.id[..]), Some("abd12345"));
        assert!(c.find("ab").is_none(), "two entries start with ab");
        assert!(c.find("").is_none());
        assert!(c.find("zz").is_none());
    }

    #[test]
    fn new_ids_grow_past_a_taken_prefix() {
        let c = Catalog {
            version: CATALOG_VERSION,
            briefs: vec![entry("01234567")],
        };
        assert_eq!(c.new_id("0123456789abcdef"), "0123456789ab");
        assert_eq!(c.new_id("fedcba9876543210"), "fedcba98");
    }
}
