//! Raw brief text -> the model: header, summary, sections, footnotes,
//! sources, claims, quantities, entities and recommendations.

pub mod blocks;
pub mod claims;
pub mod entities;
pub mod header;
pub mod joins;
pub mod repair;
pub mod sources;
pub mod structure;
mod footnotes;
mod linking;

use super::error::{LoadError, Problem};
use super::model::{Brief, Paragraph, Section};
use super::overlay::Overlay;
use crate::text::sanitize;
pub use joins::Join;
use structure::RawParagraph;

/// What the importer repaired on the way, for `brief check` and tests.
#[derive(Debug, Clone, Default)]
pub struct Report {
    pub joins: Vec<Join>,
    pub hanja_repairs: usize,
}

/// Import a raw brief text (already decoded) with its curated overlay.
pub fn import(raw: &str, file: &str, overlay: &Overlay, overlay_file: &str) -> Result<(Brief, Report), LoadError> {
    let text = sanitize(raw);
    let split = blocks::split(&text);
    let Some((meta, used)) = header::parse(&split.body) else {
        return Err(LoadError::one(Problem::at(
            file,
            split.body.first().map(|b| b.line),
            None,
            "this is not a brief: no header (series, No., title, author, affiliation, date) was found",
            "open a brief's raw text or its `brief dump --format json`",
        )));
    };
    let overlay = &overlay.for_brief(&meta.number);
    let body = structure::build(&split.body[used..]);
    let mut problems = Vec::new();
    if body.sections.is_empty() {
        problems.push(Problem::at(file, None, None, "no numbered section (`1. title`) was found", "check that the brief's body is complete"));
    }
    if let Some(line) = body.unfinished {
        problems.push(Problem::at(file, Some(line), None, "the text stops in the middle of a sentence: the brief looks truncated", "restore the rest of the brief from its source"));
    }
    let names = overlay.names();
    let mut report = Report { joins: body.joins, hanja_repairs: 0 };
    let mut paragraph = |raw: &RawParagraph, id: String| {
        let (fixed, repairs) = repair::hanja_names(&raw.text, &names);
        report.hanja_repairs += repairs;
        let (text, markers) = repair::lift_markers(&fixed);
        let mut footnotes: Vec<u32> = Vec::new();
        for m in &markers {
            if !footnotes.contains(&m.footnote) {
                footnotes.push(m.footnote);
            }
        }
        (raw.line, Paragraph { id, text, footnotes, markers })
    };
    let mut lines = Vec::new();
    let summary: Vec<Paragraph> = body.summary.iter().enumerate().map(|(i, r)| paragraph(r, format!("s{}", i + 1))).map(|(l, p)| {
        lines.push((p.id.clone(), l));
        p
    }).collect();
    let mut count = 0;
    let mut sections = Vec::new();
    let (mut major, mut minor) = (0, 0);
    for s in &body.sections {
        if s.level == 1 {
            major += 1;
            minor = 0;
        } else {
            minor += 1;
        }
        let id = if s.level == 1 { format!("sec-{major}") } else { format!("sec-{major}-{minor}") };
        let paragraphs = s.paragraphs.iter().map(|r| {
            count += 1;
            paragraph(r, format!("p{count}"))
        }).map(|(l, p)| {
            lines.push((p.id.clone(), l));
            p
        }).collect();
        sections.push(Section { id, number: s.number.clone(), title: s.title.clone(), level: s.level, paragraphs });
    }
    let defs = footnotes::definitions(&split.footnotes, file, &mut problems);
    // The brief's own problems come first; the overlay's follow from them.
    let mut overlay_problems = Vec::new();
    let mut brief = linking::assemble(meta, summary, sections, defs, overlay, overlay_file, &mut overlay_problems);
    linking::check_markers(&brief, file, &lines, &split.footnotes, &mut problems);
    problems.append(&mut overlay_problems);
    brief.sources.shrink_to_fit();
    if problems.is_empty() { Ok((brief, report)) } else { Err(LoadError { problems }) }
}
