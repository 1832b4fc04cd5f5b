//! The brief as data: the types behind `brief dump --format json`.
//!
//! Offsets (`start`, `end`, `at`) are Unicode code-point offsets into the
//! owning paragraph's or footnote's `text`, which holds no footnote markers.

use serde::{Deserialize, Serialize};

/// A whole brief: header, summary, sections, footnotes and what links them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Brief {
    pub meta: Meta,
    pub summary: Vec<Paragraph>,
    pub sections: Vec<Section>,
    pub footnotes: Vec<Footnote>,
    pub sources: Vec<Source>,
    pub entities: Vec<Entity>,
    pub claims: Vec<Claim>,
    pub unsourced_claims: Vec<Claim>,
    pub quantities: Vec<Quantity>,
    pub recommendations: Vec<Recommendation>,
}

/// The header block of a brief.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Meta {
    pub series: String,
    pub number: String,
    pub title: String,
    pub author: String,
    pub affiliation: String,
    pub date: String,
}

/// A numbered section (`1.`, level 1) or sub-section (`1)`, level 2).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Section {
    pub id: String,
    pub number: String,
    pub title: String,
    pub level: u8,
    pub paragraphs: Vec<Paragraph>,
}

/// One paragraph of running text, page breaks repaired, markers lifted out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Paragraph {
    pub id: String,
    pub text: String,
    /// Footnote numbers cited in this paragraph, in order of first citation.
    #[serde(default)]
    pub footnotes: Vec<u32>,
    /// Where each marker stands: before the char at `at`.
    #[serde(default)]
    pub markers: Vec<Marker>,
}

/// A footnote marker (¹…) placed in a paragraph's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Marker {
    pub footnote: u32,
    pub at: usize,
}

/// A footnote definition with the sources parsed out of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Footnote {
    pub number: u32,
    pub text: String,
    pub sources: Vec<String>,
    /// Ids of the paragraphs whose claims cite this footnote.
    pub claims: Vec<String>,
}

/// A cited publication; one source may be cited by several footnotes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    pub id: String,
    pub outlet: String,
    pub title: String,
    pub date: Option<String>,
    pub url: Option<String>,
    pub lang: String,
    pub footnotes: Vec<u32>,
}

/// A named entity with every place it is mentioned.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    pub id: String,
    pub kind: String,
    pub name: String,
    pub aliases: Vec<String>,
    pub mentions: Vec<Mention>,
    #[serde(default)]
    pub origin: Origin,
    #[serde(default)]
    pub confidence: Confidence,
}

/// Where an entity or recommendation comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Origin {
    /// Curated by hand for this brief (the default of older dumps).
    #[default]
    Overlay,
    /// A name of the built-in gazetteer.
    Gazetteer,
    /// Found by a rule in the brief's own text.
    Extracted,
}

/// How sure the finding is; low ones are shown apart for a reader to confirm.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Confidence {
    Low,
    Medium,
    #[default]
    High,
}

/// Where a mention stands: in a paragraph or in a footnote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub paragraph: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub footnote: Option<u32>,
    pub start: usize,
    pub end: usize,
}

/// A sentence of a paragraph; sourced when it carries footnote markers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Claim {
    pub paragraph: String,
    pub text: String,
    pub footnotes: Vec<u32>,
    pub start: usize,
    pub end: usize,
}

/// A figure or date stated in the text, with the sentence around it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Quantity {
    pub paragraph: String,
    pub text: String,
    pub kind: String,
    pub start: usize,
    pub end: usize,
    pub sentence: String,
}

/// One of Korea's policy recommendations, tied to the passages it comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Recommendation {
    pub id: String,
    pub title: String,
    pub actor: String,
    pub condition: String,
    pub area: String,
    pub text: String,
    pub paragraphs: Vec<String>,
    #[serde(default)]
    pub origin: Origin,
    #[serde(default)]
    pub confidence: Confidence,
    /// The sentences it is stated in, summary and body alike.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub passages: Vec<Passage>,
}

/// A sentence of a paragraph, by code-point offsets into its text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Passage {
    pub paragraph: String,
    pub start: usize,
    pub end: usize,
    pub sentence: String,
}

impl Brief {
    /// Every paragraph in reading order: summary points, then sections.
    pub fn paragraphs(&self) -> impl Iterator<Item = &Paragraph> {
        self.summary
            .iter()
            .chain(self.sections.iter().flat_map(|s| s.paragraphs.iter()))
    }

    /// The footnote with this number.
    pub fn footnote(&self, number: u32) -> Option<&Footnote> {
        self.footnotes.iter().find(|f| f.number == number)
    }

    /// The source with this id.
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }
}
