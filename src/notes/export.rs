//! Getting annotations out of (and back into) brief: W3C Web Annotation JSON-LD, Readwise CSV
//! and Markdown, plus merging imported annotations into the reader's own.

mod csv;
mod import;
mod markdown;
mod w3c;

use crate::notes::model::Annotation;

pub use csv::{to_csv, to_csv_paged};
pub use import::{ImportError, foreign_sources, from_w3c, merge};
pub use markdown::to_markdown;
pub use w3c::to_w3c;

/// What an export needs to know about the brief around a passage. The brief's index
/// implements it.
pub trait PassageContext {
    /// Title of the section containing char offset `pos`.
    fn section_title(&self, pos: usize) -> String;
    /// The footnote sources cited within chars `start..end`.
    fn sources_for(&self, start: usize, end: usize) -> Vec<String>;
    /// The page char offset `pos` stands on, where the brief has pages.
    fn page(&self, _pos: usize) -> Option<u32> {
        None
    }
}

/// The annotations in reading order (by start, then creation), orphans last.
fn reading_order(annotations: &[Annotation]) -> Vec<&Annotation> {
    let mut sorted: Vec<&Annotation> = annotations.iter().collect();
    sorted.sort_by(|a, b| {
        (a.orphan, a.target.start, &a.created).cmp(&(b.orphan, b.target.start, &b.created))
    });
    sorted
}
