//! The annotation model: what a reader highlighted, what they wrote, and where it sits in the
//! brief. Serialised as the on-disk notes file.

use std::sync::LazyLock;

use chrono::{SecondsFormat, Utc};
use regex::Regex;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use unicode_normalization::UnicodeNormalization;

/// Version of the on-disk notes format written by this build.
pub const FORMAT_VERSION: u32 = 1;

/// How many chars of context are kept on each side of a quote.
pub const CONTEXT_CHARS: usize = 32;

/// The highlight colours a reader can pick.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Highlight {
    /// Yellow marker.
    Yellow,
    /// Green marker.
    Green,
    /// Blue marker.
    Blue,
    /// Pink marker.
    Pink,
}

impl Highlight {
    /// Every colour, in picker order.
    pub const ALL: [Highlight; 4] = [Self::Yellow, Self::Green, Self::Blue, Self::Pink];

    /// The lowercase name used on disk and as a CSS class in exports.
    pub fn name(self) -> &'static str {
        match self {
            Self::Yellow => "yellow",
            Self::Green => "green",
            Self::Blue => "blue",
            Self::Pink => "pink",
        }
    }

    /// The colour whose [`Highlight::name`] is `name`.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.name() == name)
    }
}

/// Where an annotation points: a quote with its context and its char range in one revision.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Target {
    /// The highlighted text itself.
    pub exact: String,
    /// Up to [`CONTEXT_CHARS`] chars immediately before the quote.
    #[serde(default)]
    pub prefix: String,
    /// Up to [`CONTEXT_CHARS`] chars immediately after the quote.
    #[serde(default)]
    pub suffix: String,
    /// Char offset of the first highlighted char.
    pub start: usize,
    /// Char offset one past the last highlighted char.
    pub end: usize,
    /// [`text_hash`] of the document the offsets refer to; empty when unknown (e.g. imported).
    #[serde(default)]
    pub text_hash: String,
}

impl Target {
    /// The target for chars `start..end` of `doc`; `None` if the range is empty or out of bounds.
    pub fn from_document(doc: &str, start: usize, end: usize) -> Option<Target> {
        let chars: Vec<char> = doc.chars().collect();
        Self::from_chars(&chars, start, end, text_hash(doc))
    }

    /// Like [`Target::from_document`] but for an already split document and its hash.
    pub(crate) fn from_chars(
        chars: &[char],
        start: usize,
        end: usize,
        text_hash: String,
    ) -> Option<Target> {
        if start >= end || end > chars.len() {
            return None;
        }
        Some(Target {
            exact: chars[start..end].iter().collect(),
            prefix: chars[start.saturating_sub(CONTEXT_CHARS)..start]
                .iter()
                .collect(),
            suffix: chars[end..(end + CONTEXT_CHARS).min(chars.len())]
                .iter()
                .collect(),
            start,
            end,
            text_hash,
        })
    }
}

/// One highlight or note made by the reader.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Annotation {
    /// Globally unique id, a `urn:uuid:` IRI.
    pub id: String,
    /// When it was made (RFC 3339).
    pub created: String,
    /// When the reader last changed it (RFC 3339).
    pub modified: String,
    /// Highlight colour; `None` for a note without a marker.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub colour: Option<Highlight>,
    /// The reader's note; empty for a bare highlight.
    #[serde(default)]
    pub note: String,
    /// `#tags` found in the note (see [`tags_in`]).
    #[serde(default)]
    pub tags: Vec<String>,
    /// What the annotation points at.
    pub target: Target,
    /// True when re-anchoring could not find the quote in the current revision.
    #[serde(default)]
    pub orphan: bool,
    /// The quote as the reader made it, while the annotation sits on text that only resembles
    /// it (re-anchored by fuzzy match after a revision) and the reader has not accepted it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approximate: Option<String>,
}

impl Annotation {
    /// A new annotation on `target`, stamped now, with tags taken from `note`.
    pub fn new(target: Target, colour: Option<Highlight>, note: &str) -> Annotation {
        let now = now_rfc3339();
        Annotation {
            id: new_id(),
            created: now.clone(),
            modified: now,
            colour,
            note: note.to_owned(),
            tags: tags_in(note),
            target,
            orphan: false,
            approximate: None,
        }
    }

    /// Replace the note, re-derive its tags and bump `modified`.
    pub fn set_note(&mut self, note: &str) {
        note.clone_into(&mut self.note);
        self.tags = tags_in(note);
        self.modified = now_rfc3339();
    }

    /// Change the highlight colour and bump `modified`.
    pub fn set_colour(&mut self, colour: Option<Highlight>) {
        self.colour = colour;
        self.modified = now_rfc3339();
    }

    /// Mark it changed now (an undone delete must win over its tombstone).
    pub fn touch(&mut self) {
        self.modified = now_rfc3339();
    }

    /// True when there is no note and no tag: just a marker on the text.
    pub fn is_bare_highlight(&self) -> bool {
        self.note.trim().is_empty() && self.tags.is_empty()
    }
}

/// The whole notes file of one brief: `{"version":1,"brief":key,"annotations":[...]}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NotesFile {
    /// Format version, [`FORMAT_VERSION`] when written by this build.
    pub version: u32,
    /// The brief's key, e.g. `"2025-09"`.
    pub brief: String,
    /// Every annotation, orphans included.
    #[serde(default)]
    pub annotations: Vec<Annotation>,
    /// Annotations deleted, so a window that still holds one does not bring it back.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub deleted: Vec<Tombstone>,
    /// The reader's verdicts on names the import was unsure of, by entity id (files written
    /// before there were reviews have none).
    #[serde(default, skip_serializing_if = "EntityReviews::is_empty")]
    pub entity_reviews: EntityReviews,
}

/// Verdicts on found names, by entity id.
pub type EntityReviews = std::collections::BTreeMap<String, EntityReview>;

/// What the reader decided about a name the import was unsure of.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntityReview {
    /// Kept with the other names, or hidden.
    pub verdict: Verdict,
    /// When it was decided (RFC 3339); the later decision wins when windows merge.
    pub at: String,
}

/// A reader's verdict on a name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    /// A real name: shown with the others.
    Confirmed,
    /// Not a name: hidden.
    Dropped,
}

impl EntityReview {
    /// A verdict made now.
    pub fn now(verdict: Verdict) -> EntityReview {
        EntityReview {
            verdict,
            at: now_rfc3339(),
        }
    }
}

/// The record of a deleted annotation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tombstone {
    /// The deleted annotation's id.
    pub id: String,
    /// When it was deleted (RFC 3339); a later change to the annotation brings it back.
    pub deleted: String,
}

impl NotesFile {
    /// Pass every string that came from the file through the one sanitiser.
    pub fn sanitize(&mut self) {
        use crate::text::{sanitize, sanitize_line};
        for a in &mut self.annotations {
            a.note = sanitize(&a.note);
            a.tags = a.tags.iter().map(|t| sanitize_line(t)).collect();
            a.target.exact = sanitize(&a.target.exact);
            a.target.prefix = sanitize(&a.target.prefix);
            a.target.suffix = sanitize(&a.target.suffix);
            a.id = sanitize_line(&a.id);
            a.approximate = a.approximate.as_deref().map(sanitize);
            // Offsets no brief can have are dropped (re-anchoring finds the quote instead), so
            // arithmetic on them can never wrap.
            let t = &mut a.target;
            if t.start > t.end || t.end > u32::MAX as usize {
                (t.start, t.end) = (0, 0);
                t.text_hash.clear();
            }
        }
        self.entity_reviews = std::mem::take(&mut self.entity_reviews)
            .into_iter()
            .map(|(id, r)| (sanitize_line(&id), r))
            .collect();
    }
}

/// Lowercase hex SHA-256 of the document text.
pub fn text_hash(doc: &str) -> String {
    hex(&Sha256::digest(doc.as_bytes()))
}

/// The `#tags` in a note, NFC-normalised, deduplicated, in order of first appearance.
///
/// A tag is `#` followed by Unicode letters, digits, `_` or `-` (Hangul included, so
/// `"#북러 #제재"` gives `["북러", "제재"]`). A `#` glued to a preceding word (`C#`, `page#2`)
/// does not start a tag, and all-digit words (`#1`) are not tags.
pub fn tags_in(note: &str) -> Vec<String> {
    static TAG: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"#([\p{L}\p{M}\p{N}_-]+)").expect("the tag pattern is valid"));
    let mut tags: Vec<String> = Vec::new();
    for caps in TAG.captures_iter(note) {
        let (Some(whole), Some(word)) = (caps.get(0), caps.get(1)) else {
            continue;
        };
        let glued = note[..whole.start()]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '/' || c == '&');
        let tag: String = word.as_str().trim_end_matches('-').nfc().collect();
        if glued || tag.is_empty() || tag.chars().all(|c| c.is_numeric()) {
            continue;
        }
        if !tags.contains(&tag) {
            tags.push(tag);
        }
    }
    tags
}

/// Current time as RFC 3339 UTC with milliseconds.
pub(crate) fn now_rfc3339() -> String {
    Utc::now().to_rfc3339_opts(SecondsFormat::Millis, true)
}

/// A fresh random (version 4) `urn:uuid:`.
pub(crate) fn new_id() -> String {
    uuid::Uuid::new_v4().urn().to_string()
}

/// A stable name-based (version 8, SHA-256) `urn:uuid:` for `name`.
pub(crate) fn name_id(name: &str) -> String {
    let digest = Sha256::digest(name.as_bytes());
    let mut bytes = [0u8; 16];
    bytes.copy_from_slice(&digest[..16]);
    uuid::Uuid::new_v8(bytes).urn().to_string()
}

fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    bytes.iter().fold(String::with_capacity(64), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_keep_order_and_dedupe() {
        assert_eq!(tags_in("#북러 협력과 #제재, 다시 #북러"), ["북러", "제재"]);
        assert_eq!(tags_in("#a_b-c #x-"), ["a_b-c", "x"]);
    }

    #[test]
    fn tags_ignore_glued_hashes_and_numbers() {
        assert!(tags_in("C# and page#2 and #1 and # alone").is_empty());
        assert_eq!(tags_in("(#안보)"), ["안보"]);
    }

    #[test]
    fn target_takes_context_by_chars() {
        let doc = "가나다라마바사";
        let t = Target::from_document(doc, 2, 4).unwrap();
        assert_eq!(
            (t.exact.as_str(), t.prefix.as_str(), t.suffix.as_str()),
            ("다라", "가나", "마바사")
        );
        assert_eq!(t.text_hash, text_hash(doc));
        assert!(Target::from_document(doc, 3, 3).is_none());
        assert!(Target::from_document(doc, 3, 8).is_none());
    }

    #[test]
    fn ids_are_v4_urns_and_unique() {
        let (a, b) = (new_id(), new_id());
        assert_ne!(a, b);
        assert_eq!(a.len(), "urn:uuid:".len() + 36);
        assert_eq!(a.as_bytes()["urn:uuid:".len() + 14], b'4');
        assert_eq!(name_id("x"), name_id("x"));
    }

    #[test]
    fn hash_is_lowercase_hex_sha256() {
        assert_eq!(
            text_hash("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn file_round_trips_and_omits_missing_colour() {
        let t = Target::from_document("abc", 0, 1).unwrap();
        let file = NotesFile {
            version: FORMAT_VERSION,
            brief: "2025-09".into(),
            annotations: vec![Annotation::new(t, None, "hi #x")],
            deleted: Vec::new(),
            entity_reviews: EntityReviews::new(),
        };
        let json = serde_json::to_string(&file).unwrap();
        assert!(json.starts_with(r#"{"version":1,"brief":"2025-09","annotations":["#));
        assert!(!json.contains("colour"));
        assert_eq!(serde_json::from_str::<NotesFile>(&json).unwrap(), file);
    }
}
