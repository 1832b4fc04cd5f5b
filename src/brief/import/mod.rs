//! Raw brief text -> the model: header, summary, sections, footnotes,
//! sources, claims, quantities, entities and recommendations.

pub mod blocks;
pub mod claims;
pub mod entities;
mod footnotes;
pub mod header;
pub mod joins;
mod linking;
pub mod pdf;
pub mod repair;
pub mod source;
pub mod sources;
pub mod structure;

use super::error::{LoadError, Problem};
use super::model::{Brief, Paragraph, Section};
use super::overlay::Overlay;
use crate::text::sanitize;
pub use joins::Join;
use linking::OverlayProblems;
use structure::RawParagraph;

/// What the importer repaired on the way, for `brief check` and tests.
#[derive(Debug, Clone, Default)]
pub struct Report {
    pub joins: Vec<Join>,
    pub hanja_repairs: usize,
}

/// Import a raw brief text (already decoded) with its curated overlay.
pub fn import(
    raw: &str,
    file: &str,
    overlay: &Overlay,
    overlay_file: &str,
) -> Result<(Brief, Report), LoadError> {
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
    let mut problems = body_problems(&body, file);
    let mut built = Paragraphs::new(overlay.names());
    let summary: Vec<Paragraph> = body
        .summary
        .iter()
        .enumerate()
        .map(|(i, r)| built.paragraph(r, format!("s{}", i + 1)))
        .collect();
    let sections = sections(&body.sections, &mut built);
    let defs = footnotes::definitions(&split.footnotes, file, &mut problems);
    let mut found = OverlayProblems::default();
    let mut brief = linking::assemble(
        meta,
        summary,
        sections,
        defs,
        overlay,
        overlay_file,
        &mut found,
    );
    brief.sources.shrink_to_fit();
    linking::check_markers(&brief, file, &built.lines, &split.footnotes, &mut problems);
    add_overlay_problems(&mut problems, found, overlay_file);
    let report = Report {
        joins: body.joins,
        hanja_repairs: built.hanja_repairs,
    };
    if problems.is_empty() {
        Ok((brief, report))
    } else {
        Err(LoadError { problems })
    }
}

/// Problems of the body as a whole: no sections, text cut off.
fn body_problems(body: &structure::Body, file: &str) -> Vec<Problem> {
    let mut problems = Vec::new();
    if body.sections.is_empty() {
        problems.push(Problem::at(
            file,
            None,
            None,
            "no numbered section (`1. title`) was found",
            "check that the brief's body is complete",
        ));
    }
    if let Some(line) = body.unfinished {
        problems.push(Problem::at(
            file,
            Some(line),
            None,
            "the text stops in the middle of a sentence: the brief looks truncated",
            "restore the rest of the brief from its source",
        ));
    }
    problems
}

/// The brief's own problems come first. Overlay entries that do not
/// resolve are listed one by one only for a sound brief: in a broken one
/// they follow from its problems, so one line counts them.
fn add_overlay_problems(problems: &mut Vec<Problem>, found: OverlayProblems, overlay_file: &str) {
    let brief_is_sound = problems.is_empty();
    problems.extend(found.invalid);
    if brief_is_sound {
        problems.extend(found.unresolved);
    } else if !found.unresolved.is_empty() {
        let what = format!(
            "{} overlay entries (names, passages, source corrections) do not resolve in this incomplete brief",
            found.unresolved.len()
        );
        problems.push(Problem::at(
            overlay_file,
            None,
            None,
            what,
            "fix the brief's problems above, then run `brief check` again",
        ));
    }
}

/// Builds paragraphs from raw ones: Hanja names repaired, markers lifted,
/// and each paragraph's first line kept for messages.
struct Paragraphs {
    names: Vec<String>,
    hanja_repairs: usize,
    lines: Vec<(String, usize)>,
}

impl Paragraphs {
    fn new(names: Vec<String>) -> Self {
        Paragraphs {
            names,
            hanja_repairs: 0,
            lines: Vec::new(),
        }
    }

    fn paragraph(&mut self, raw: &RawParagraph, id: String) -> Paragraph {
        let (fixed, repairs) = repair::hanja_names(&raw.text, &self.names);
        self.hanja_repairs += repairs;
        let (text, markers) = repair::lift_markers(&fixed);
        let mut footnotes: Vec<u32> = Vec::new();
        for m in &markers {
            if !footnotes.contains(&m.footnote) {
                footnotes.push(m.footnote);
            }
        }
        self.lines.push((id.clone(), raw.line));
        Paragraph {
            id,
            text,
            footnotes,
            markers,
        }
    }
}

/// Sections with ids (`sec-2`, `sec-2-1`) and paragraphs numbered `p1`… in reading order.
fn sections(raw: &[structure::RawSection], built: &mut Paragraphs) -> Vec<Section> {
    let mut count = 0;
    let (mut major, mut minor) = (0, 0);
    let mut sections = Vec::new();
    for s in raw {
        if s.level == 1 {
            major += 1;
            minor = 0;
        } else {
            minor += 1;
        }
        let id = if s.level == 1 {
            format!("sec-{major}")
        } else {
            format!("sec-{major}-{minor}")
        };
        let paragraphs = s
            .paragraphs
            .iter()
            .map(|r| {
                count += 1;
                built.paragraph(r, format!("p{count}"))
            })
            .collect();
        sections.push(Section {
            id,
            number: s.number.clone(),
            title: s.title.clone(),
            level: s.level,
            paragraphs,
        });
    }
    sections
}
