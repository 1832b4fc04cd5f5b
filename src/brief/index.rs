//! The in-memory index: lookups both ways between the brief's parts.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::model::{Brief, Claim, Entity, Paragraph, Recommendation, Section, Source};
use super::search::{SearchIndex, TextAt};

mod hits;

/// Where a paragraph sits: its section (none before the first section:
/// front matter, then summary, counted together by `index`) and order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Place {
    pub section: Option<usize>,
    pub index: usize,
    pub order: usize,
}

/// A brief with its lookups, built once at load.
pub struct Index {
    pub brief: Brief,
    order: Vec<Place>,
    by_id: HashMap<String, Place>,
    /// The search index and what each of its texts is (paragraphs, then
    /// footnotes, then sources), built at the first search: the first
    /// frame does not wait for it.
    search: OnceLock<(SearchIndex, Vec<TextAt>)>,
}

impl Index {
    /// Build every lookup for `brief`.
    pub fn new(brief: Brief) -> Index {
        let mut order = Vec::new();
        for index in 0..brief.front.len() + brief.summary.len() {
            order.push(Place {
                section: None,
                index,
                order: order.len(),
            });
        }
        for (s, section) in brief.sections.iter().enumerate() {
            for index in 0..section.paragraphs.len() {
                order.push(Place {
                    section: Some(s),
                    index,
                    order: order.len(),
                });
            }
        }
        let mut index = Index {
            brief,
            order,
            by_id: HashMap::new(),
            search: OnceLock::new(),
        };
        for place in index.order.clone() {
            index.by_id.insert(index.at(place).id.clone(), place);
        }
        index
    }

    /// The paragraph at a place.
    pub fn at(&self, place: Place) -> &Paragraph {
        match place.section {
            None => match place.index.checked_sub(self.brief.front.len()) {
                Some(i) => &self.brief.summary[i],
                None => &self.brief.front[place.index],
            },
            Some(s) => &self.brief.sections[s].paragraphs[place.index],
        }
    }

    /// Paragraph places in reading order.
    pub fn order(&self) -> &[Place] {
        &self.order
    }

    /// Where the paragraph with this id is.
    pub fn place(&self, id: &str) -> Option<Place> {
        self.by_id.get(id).copied()
    }

    /// The paragraph with this id.
    pub fn paragraph(&self, id: &str) -> Option<&Paragraph> {
        self.place(id).map(|p| self.at(p))
    }

    /// The section a paragraph belongs to (none for the summary).
    pub fn section_of(&self, id: &str) -> Option<&Section> {
        self.place(id)?.section.map(|s| &self.brief.sections[s])
    }

    /// Every place a footnote's marker stands: (paragraph id, char offset).
    pub fn markers_of(&self, footnote: u32) -> Vec<(&str, usize)> {
        self.order
            .iter()
            .map(|p| self.at(*p))
            .flat_map(|p| {
                p.markers
                    .iter()
                    .filter(move |m| m.footnote == footnote)
                    .map(move |m| (p.id.as_str(), m.at))
            })
            .collect()
    }

    /// The sources a footnote cites.
    pub fn sources_of_footnote(&self, footnote: u32) -> Vec<&Source> {
        let Some(f) = self.brief.footnote(footnote) else {
            return Vec::new();
        };
        f.sources
            .iter()
            .filter_map(|id| self.brief.source(id))
            .collect()
    }

    /// Every claim citing a source, through any of its footnotes.
    pub fn claims_citing(&self, source: &str) -> Vec<&Claim> {
        let Some(s) = self.brief.source(source) else {
            return Vec::new();
        };
        self.brief
            .claims
            .iter()
            .filter(|c| c.footnotes.iter().any(|n| s.footnotes.contains(n)))
            .collect()
    }

    /// Every source behind a claim.
    pub fn sources_of_claim(&self, claim: &Claim) -> Vec<&Source> {
        let mut out: Vec<&Source> = Vec::new();
        for s in claim
            .footnotes
            .iter()
            .flat_map(|n| self.sources_of_footnote(*n))
        {
            if !out.iter().any(|o| o.id == s.id) {
                out.push(s);
            }
        }
        out
    }

    /// The entity with this id.
    pub fn entity(&self, id: &str) -> Option<&Entity> {
        self.brief.entities.iter().find(|e| e.id == id)
    }

    /// Recommendations drawn from this paragraph.
    pub fn recommendations_for(&self, paragraph: &str) -> Vec<&Recommendation> {
        self.brief
            .recommendations
            .iter()
            .filter(|r| r.paragraphs.iter().any(|p| p == paragraph))
            .collect()
    }
}
