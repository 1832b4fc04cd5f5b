//! Getting annotations out of (and back into) brief: W3C Web Annotation JSON-LD, Readwise CSV,
//! Markdown and HTML (for Word and Hangul Office), citations, plus merging imported
//! annotations into the reader's own.

pub mod cite;
mod csv;
mod html;
mod import;
mod markdown;
mod w3c;

use crate::brief::model::Meta;
use crate::i18n::{Lang, tr};
use crate::notes::model::Annotation;

pub use csv::{to_csv, to_csv_paged, to_readwise_csv};
pub use html::to_html;
pub use import::{ImportError, foreign_sources, from_w3c, merge};
pub use markdown::{to_markdown, to_report_markdown};
pub use w3c::{to_w3c, to_w3c_paged};

/// What an export needs to know about the brief around a passage. The brief's index
/// implements it.
pub trait PassageContext {
    /// Title of the section containing char offset `pos`.
    fn section_title(&self, pos: usize) -> String;
    /// The footnote sources cited within chars `start..end`, one line each (outlet, title,
    /// date, URL).
    fn sources_for(&self, start: usize, end: usize) -> Vec<String>;
    /// The page char offset `pos` stands on, where the brief has pages.
    fn page(&self, _pos: usize) -> Option<u32> {
        None
    }
    /// The paragraph `pos` stands in: its number in its section and in the whole brief, from 1.
    fn paragraph(&self, _pos: usize) -> Option<(usize, usize)> {
        None
    }
}

/// A report-ready export: the brief it comes from, the language of its labels, the passages'
/// context and the options.
pub struct Report<'a> {
    /// The brief's header (author, title, series and number, date, institute).
    pub meta: &'a Meta,
    /// The language of labels and dates.
    pub lang: Lang,
    /// The brief's IRI (CSV's URL column).
    pub url: &'a str,
    /// Sections, pages, paragraphs and sources around each passage.
    pub ctx: &'a dyn PassageContext,
    /// End Markdown and HTML with the sources cited by every annotated passage.
    pub bibliography: bool,
}

impl Report<'_> {
    /// Where a passage is, as a reader of the report finds it: `p. 3`, else the section and
    /// the paragraph's number in it.
    pub fn location(&self, a: &Annotation) -> String {
        if a.orphan {
            return String::new();
        }
        let pos = a.target.start;
        if let Some(page) = self.ctx.page(pos) {
            return tr(self.lang, "export.page", &[("page", &page)]);
        }
        match self.ctx.paragraph(pos) {
            Some((n, _)) => {
                let section = self.section(pos);
                tr(
                    self.lang,
                    "export.paragraph",
                    &[("section", &section), ("paragraph", &n)],
                )
            }
            None => String::new(),
        }
    }

    /// The section heading of `pos` on one line (the summary's when it has none).
    pub fn section(&self, pos: usize) -> String {
        let title = one_line(&self.ctx.section_title(pos));
        if title.is_empty() {
            tr(self.lang, "export.summary", &[])
        } else {
            title
        }
    }

    /// The note without the `#tags` the tag line lists anyway: tags are shown once.
    pub fn note_without_tags(a: &Annotation) -> String {
        let lines: Vec<String> = a
            .note
            .lines()
            .map(|line| {
                line.split(' ')
                    .filter(|w| {
                        !w.strip_prefix('#')
                            .is_some_and(|t| a.tags.iter().any(|tag| tag == t))
                    })
                    .collect::<Vec<_>>()
                    .join(" ")
                    .trim_end()
                    .to_owned()
            })
            .collect();
        lines.join("\n").trim().to_owned()
    }

    /// Every source cited by the annotated passages, once, sorted.
    pub fn bibliography(&self, annotations: &[Annotation]) -> Vec<String> {
        let mut all: Vec<String> = annotations
            .iter()
            .filter(|a| !a.orphan)
            .flat_map(|a| self.ctx.sources_for(a.target.start, a.target.end))
            .map(|s| one_line(&s))
            .collect();
        all.sort();
        all.dedup();
        all
    }
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The annotations in reading order (by start, then creation), orphans last.
fn reading_order(annotations: &[Annotation]) -> Vec<&Annotation> {
    let mut sorted: Vec<&Annotation> = annotations.iter().collect();
    sorted.sort_by(|a, b| {
        (a.orphan, a.target.start, &a.created).cmp(&(b.orphan, b.target.start, &b.created))
    });
    sorted
}
