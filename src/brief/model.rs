//! The brief as data: the types behind `brief dump --format json`.
//!
//! Offsets (`start`, `end`, `at`) are Unicode code-point offsets into the
//! owning paragraph's or footnote's `text`, which holds no footnote markers.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::message::{Arg, Msg};

/// A whole brief: header, summary, sections, footnotes and what links them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Brief {
    pub meta: Meta,
    /// Front matter before the summary (an Editor's Note): neither summary nor section.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub front: Vec<Paragraph>,
    /// The front matter's heading as printed (`Editor's Note`).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub front_title: String,
    /// The summary box's heading as printed (`요 약`, `주요 내용`), if it had one.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub summary_title: String,
    pub summary: Vec<Paragraph>,
    pub sections: Vec<Section>,
    pub footnotes: Vec<Footnote>,
    pub sources: Vec<Source>,
    pub entities: Vec<Entity>,
    pub claims: Vec<Claim>,
    pub unsourced_claims: Vec<Claim>,
    pub quantities: Vec<Quantity>,
    pub recommendations: Vec<Recommendation>,
    /// What the importer doubted, each with the line it quotes.
    #[serde(default)]
    pub warnings: Vec<Warning>,
}

/// A doubtful decision of the importer, with the source line it concerns.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Warning {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// The message in English.
    pub message: String,
    /// The message's catalogue key, to show it in the interface's language (empty in a model
    /// stored before warnings had keys).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub key: String,
    /// The key's arguments.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub args: BTreeMap<String, Arg>,
}

impl Warning {
    /// A warning of the importer, its message kept both in English and as a key.
    pub fn new(line: Option<usize>, message: &Msg) -> Warning {
        Warning {
            line,
            message: message.in_lang(crate::i18n::Lang::En),
            key: message.key.clone(),
            args: message.args.clone(),
        }
    }

    /// The message in `lang`: from its key where the catalogue has it, else the English.
    pub fn text(&self, lang: crate::i18n::Lang) -> String {
        let msg = Msg {
            key: self.key.clone(),
            args: self.args.clone(),
        };
        let shown = msg.in_lang(lang);
        if self.key.is_empty() || shown == self.key {
            return self.message.clone();
        }
        shown
    }
}

/// A list item's bullet as printed and its nesting level (0 is outermost).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListItem {
    pub bullet: String,
    pub level: u8,
}

/// A table: caption, unit, header row, body rows, source line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Table {
    pub caption: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub unit: String,
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub source: String,
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
    /// Every author, in the order printed (`author` joins them).
    #[serde(default)]
    pub authors: Vec<String>,
    /// Every affiliation, in the order printed (`affiliation` joins them).
    #[serde(default)]
    pub affiliations: Vec<String>,
    /// E-mail addresses printed in the header.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub emails: Vec<String>,
    /// The brief's language, `ko` or `en`, decided once at import (empty in
    /// older dumps: read as Korean).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub lang: String,
    /// How many pages the source has, where it has pages (a PDF, a text with form feeds).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pages: Option<u32>,
    /// Lines printed above the series and number (the institute's name).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub institute: String,
    /// A closing disclaimer (`※ 이 글은 필자의 개인 견해로…`), kept apart from the body.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub disclaimer: String,
}

/// A numbered section (`1.`, level 1) or sub-section (`1)`, level 2).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Section {
    pub id: String,
    pub number: String,
    pub title: String,
    pub level: u8,
    pub paragraphs: Vec<Paragraph>,
    /// Footnotes whose markers stand on the heading itself.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub footnotes: Vec<u32>,
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
    /// The pages the paragraph stands on (first, last), where the source has pages.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pages: Option<(u32, u32)>,
    /// Set for a list item (개조식 bullet).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item: Option<ListItem>,
    /// Set for a table; `text` then holds its cells line by line.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub table: Option<Table>,
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
    /// The pages the footnote's definition stands on (first, last), where
    /// the source has pages.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pages: Option<(u32, u32)>,
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
    /// Paragraphs that cite it in parentheses (`(연합뉴스, 2025.3.2)`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub paragraphs: Vec<String>,
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

impl Section {
    /// The heading as printed: number and title (`2. 전망`), or the title alone.
    pub fn heading(&self) -> String {
        if self.number.is_empty() {
            self.title.clone()
        } else {
            format!("{} {}", self.number, self.title)
        }
    }
}

impl Brief {
    /// The summary's heading as the brief would write it: its own, else `요약` or `Summary`
    /// in the brief's language.
    pub fn summary_heading(&self) -> String {
        match self.summary_title.as_str() {
            "" if self.meta.lang == "en" => "Summary".into(),
            "" => "요약".into(),
            t => t.to_string(),
        }
    }

    /// Every paragraph in reading order: front matter, summary points, then sections.
    pub fn paragraphs(&self) -> impl Iterator<Item = &Paragraph> {
        self.front
            .iter()
            .chain(self.summary.iter())
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
