//! The curated overlay: what cannot be derived from the text (entity
//! gazetteer, source metadata corrections, Korea's policy recommendations).

use serde::Deserialize;

use super::error::{LoadError, Problem};
use super::message::Msg;

/// The overlay compiled into the binary.
pub const DEFAULT_OVERLAY: &str = include_str!("../../content/overlay.json");

/// The curated overlay file.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Overlay {
    /// The brief number (`No. 2025-09`) this overlay was curated for.
    #[serde(default)]
    pub brief: Option<String>,
    /// The title of that brief: numbers repeat across series, titles do not.
    #[serde(default)]
    pub title: Option<String>,
    /// Set when the overlay is applied to another brief: only the
    /// gazetteer is used, and names that brief never mentions are dropped.
    #[serde(skip)]
    pub borrowed: bool,
    /// The overlay file's text, to name lines in messages.
    #[serde(skip)]
    pub text: String,
    #[serde(default)]
    pub entities: Vec<GazetteerEntry>,
    #[serde(default)]
    pub source_corrections: Vec<SourceCorrection>,
    #[serde(default)]
    pub recommendations: Vec<RecommendationEntry>,
}

/// An entity as curated: names to look for in the text.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GazetteerEntry {
    pub id: String,
    pub kind: String,
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
}

/// A correction to the metadata parsed for one source of one footnote.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SourceCorrection {
    pub footnote: u32,
    #[serde(default)]
    pub index: usize,
    pub outlet: Option<String>,
    pub title: Option<String>,
    pub date: Option<String>,
    pub url: Option<String>,
    pub lang: Option<String>,
}

/// A recommendation as curated, tied to passages quoted from the brief.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RecommendationEntry {
    pub id: String,
    pub title: String,
    pub actor: String,
    pub condition: String,
    pub area: String,
    pub text: String,
    pub passages: Vec<String>,
}

/// Entity kinds the gazetteer may use.
pub const KINDS: &[&str] = &[
    "person",
    "organisation",
    "place",
    "state",
    "treaty",
    "weapon",
    "media",
];

impl Overlay {
    /// Parse an overlay, naming line and column on a syntax error.
    pub fn parse(json: &str, file: &str) -> Result<Overlay, LoadError> {
        let mut overlay: Overlay = serde_json::from_str(json).map_err(|e| {
            LoadError::one(Problem::at(
                file,
                Some(e.line()),
                Some(e.column()),
                Msg::new("problem.overlay_invalid").arg("reason", json_reason(&e)),
                Msg::new("problem.overlay_invalid_hint"),
            ))
        })?;
        // Every curated string passes the one sanitiser, as the brief's own text does.
        if let Ok(clean) = serde_json::from_str(json)
            .map(super::validate::clean_value)
            .and_then(serde_json::from_value::<Overlay>)
        {
            overlay = clean;
        }
        overlay.text = json.to_string();
        Ok(overlay)
    }

    /// The overlay compiled into the binary.
    /// Parsed once per process (every import of any brief starts from it).
    pub fn builtin() -> Result<Overlay, LoadError> {
        static PARSED: std::sync::OnceLock<Result<Overlay, LoadError>> = std::sync::OnceLock::new();
        PARSED
            .get_or_init(|| Overlay::parse(DEFAULT_OVERLAY, "content/overlay.json"))
            .clone()
    }

    /// The overlay as it applies to the brief numbered `number`: whole for
    /// its own brief, only the gazetteer for any other.
    pub fn for_brief(&self, number: &str, title: &str) -> Overlay {
        let same_number = self.brief.as_deref().is_none_or(|b| b == number);
        let same_title = self.title.as_deref().is_none_or(|t| t == title);
        if same_number && same_title {
            return self.clone();
        }
        Overlay {
            brief: self.brief.clone(),
            title: self.title.clone(),
            borrowed: true,
            text: self.text.clone(),
            entities: self.entities.clone(),
            ..Overlay::default()
        }
    }

    /// Korean names of every entity, for artifact repair.
    pub fn names(&self) -> Vec<String> {
        self.entities
            .iter()
            .flat_map(|e| std::iter::once(&e.name).chain(&e.aliases))
            .cloned()
            .collect()
    }
}

/// A JSON error's reason without serde's trailing "at line L column C",
/// which the message already gives as `file:L:C`.
pub fn json_reason(e: &serde_json::Error) -> String {
    let text = e.to_string();
    match text.rfind(" at line ") {
        Some(i) => text[..i].to_string(),
        None => text,
    }
}
