//! Raw brief text -> the model: header, summary, sections, footnotes,
//! sources, claims, quantities, entities and recommendations.

pub mod blocks;
pub mod citations;
pub mod claims;
pub mod classify;
pub mod enrich;
pub mod entities;
mod footnotes;
pub mod furniture;
pub mod header;
pub mod joins;
mod linking;
pub mod notes;
pub mod pdf;
pub mod repair;
pub mod source;
pub mod sources;
pub mod structure;
pub mod tables;

use super::error::{LoadError, Problem};
use super::message::Msg;
use super::model::{Brief, ListItem, Paragraph, Section, Warning};
use super::overlay::Overlay;
pub use furniture::Removed;
pub use joins::Join;
use linking::OverlayProblems;
use source::SourceLine;
use structure::RawParagraph;

/// What the importer repaired and doubted on the way, for `brief check` and tests.
#[derive(Debug, Clone, Default)]
pub struct Report {
    /// Joins across page breaks (and blank lines inside a sentence).
    pub joins: Vec<Join>,
    /// Joins of hard-wrapped lines.
    pub line_joins: Vec<Join>,
    /// Page furniture removed (running headers, page numbers).
    pub furniture: Vec<Removed>,
    pub hanja_repairs: usize,
    /// Doubtful decisions, each naming its line; the brief opened anyway.
    pub warnings: Vec<Problem>,
}

/// Import a raw brief text (already decoded) with its curated overlay.
pub fn import(
    raw: &str,
    file: &str,
    overlay: &Overlay,
    overlay_file: &str,
) -> Result<(Brief, Report), LoadError> {
    import_lines(&source::text_lines(raw), file, overlay, overlay_file)
}

/// A line of the source, quoted for a message.
fn quote(lines: &[SourceLine], number: usize) -> String {
    let text = lines
        .iter()
        .find(|l| l.number == number)
        .map_or("", |l| l.text.trim());
    let short: String = text.chars().take(40).collect();
    if short.len() < text.len() {
        format!("“{short}…”")
    } else {
        format!("“{short}”")
    }
}

/// Import a brief from its lines (from any source format).
pub fn import_lines(
    lines: &[SourceLine],
    file: &str,
    overlay: &Overlay,
    overlay_file: &str,
) -> Result<(Brief, Report), LoadError> {
    let (rows, furniture) = furniture::strip(lines);
    let first_line = rows.iter().find_map(|r| match r {
        furniture::Row::Text(l) => Some(l.number),
        _ => None,
    });
    let Some(first_line) = first_line else {
        return Err(LoadError::one(Problem::at(
            file,
            None,
            None,
            Msg::new("problem.no_text"),
            Msg::new("problem.open_brief_hint"),
        )));
    };
    let mut warnings = Vec::new();
    let head = header::parse(&rows);
    if !head.missing.is_empty() {
        warnings.push(Problem::at(
            file,
            Some(first_line),
            None,
            Msg::new("problem.header_missing")
                .keys("fields", &field_keys(&head.missing))
                .arg("quote", quote(lines, first_line)),
            Msg::new("problem.header_missing_hint"),
        ));
    }
    let meta = head.meta;

    let overlay = &overlay.for_brief(&meta.number, &meta.title);
    let notes = notes::extract(rows[head.body_starts..].to_vec());
    let english = enrich::extract::is_english(rows.iter().filter_map(|r| match r {
        furniture::Row::Text(l) => Some(l.text.as_str()),
        _ => None,
    }));
    let untitled = if english { "Text" } else { "본문" };
    let note_texts: Vec<&str> = notes
        .definitions
        .iter()
        .map(|(_, b)| b.text.as_str())
        .collect();
    let mut classified = classify::classify(&notes.rows, &note_texts);
    let definitions: Vec<(u32, blocks::Block)> = notes
        .definitions
        .iter()
        .zip(std::mem::take(&mut classified.notes))
        .map(|((n, b), text)| {
            let (line, pages) = (b.line, b.pages);
            (*n, blocks::Block { line, text, pages })
        })
        .collect();
    let mut body = structure::build(classified, untitled);
    let mut meta = meta;
    meta.lang = if english { "en" } else { "ko" }.to_string();
    meta.pages = lines.iter().filter_map(|l| l.page).max();
    meta.disclaimer = take_disclaimer(&mut body);
    body_warnings(&body, file, lines, &mut warnings);
    let mut built = Paragraphs::new(overlay.names());
    let front = numbered(&body.front, "f", &mut built);
    let summary = numbered(&body.summary, "s", &mut built);
    let sections = sections(&body.sections, &mut built);
    let defs = footnotes::definitions(&definitions, file, &mut warnings);
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
    brief.front = front;
    brief.front_title = body.front_title;
    brief.summary_title = body.summary_title;
    if overlay.borrowed {
        // The seed's curated names, found in another brief: a gazetteer there.
        for e in &mut brief.entities {
            e.origin = super::model::Origin::Gazetteer;
        }
    }
    enrich_brief(&mut brief);
    brief.sources.shrink_to_fit();
    linking::check_markers(&brief, file, &built.lines, &definitions, &mut warnings);
    // A malformed overlay is the overlay's fault: refuse. Entries that do
    // not resolve in this brief are doubts about the brief: warn.
    let mut errors = Vec::new();
    let malformed = !found.invalid.is_empty();
    add_overlay_problems(
        &mut errors,
        found,
        overlay_file,
        warnings.is_empty() || malformed,
    );
    if malformed {
        return Err(LoadError { problems: errors });
    }
    warnings.extend(errors);
    brief.warnings = warnings
        .iter()
        .map(|p| Warning::new(p.line, &p.message))
        .collect();
    let report = Report {
        joins: body.joins,
        line_joins: body.line_joins,
        furniture,
        hanja_repairs: built.hanja_repairs,
        warnings,
    };
    Ok((brief, report))
}

/// Entities and recommendations found in the text, after the curated
/// ones (which win where both name the same thing).
fn enrich_brief(brief: &mut Brief) {
    let found = enrich::entities(brief, enrich::Gazetteer::builtin());
    brief.entities = enrich::merge_entities(std::mem::take(&mut brief.entities), found);
    let found = enrich::recommendations(brief);
    brief.recommendations =
        enrich::merge_recommendations(std::mem::take(&mut brief.recommendations), found);
}

/// A closing `※` line that disclaims the institute's view is not body text.
fn take_disclaimer(body: &mut structure::Body) -> String {
    let Some(section) = body.sections.last_mut() else {
        return String::new();
    };
    let Some(last) = section.paragraphs.last() else {
        return String::new();
    };
    let marked = last.item.as_ref().is_some_and(|(b, _)| b == "※") || last.text.starts_with('※');
    let disclaims = ["견해", "입장", "views", "opinion"]
        .iter()
        .any(|w| last.text.contains(w));
    if !(marked && disclaims) {
        return String::new();
    }
    section
        .paragraphs
        .pop()
        .map(|p| format!("※ {}", p.text.trim_start_matches('※').trim()))
        .unwrap_or_default()
}

/// The catalogue keys of the header's missing fields.
fn field_keys(missing: &[&str]) -> Vec<&'static str> {
    missing
        .iter()
        .map(|field| match *field {
            "number" => "problem.field_number",
            "date" => "problem.field_date",
            "title" => "problem.field_title",
            _ => "problem.field_author",
        })
        .collect()
}

/// Doubts about the body as a whole: no headings, text cut off.
fn body_warnings(
    body: &structure::Body,
    file: &str,
    lines: &[SourceLine],
    warnings: &mut Vec<Problem>,
) {
    if body.no_headings {
        warnings.push(Problem::at(
            file,
            body.sections.first().map(|s| s.line),
            None,
            Msg::new("problem.no_headings"),
            Msg::new("problem.no_headings_hint"),
        ));
    }
    let last = body.sections.last().and_then(|s| s.paragraphs.last());
    if let Some(p) =
        last.filter(|p| p.item.is_none() && p.table.is_none() && joins::ends_mid_sentence(&p.text))
    {
        warnings.push(Problem::at(
            file,
            Some(p.line),
            None,
            Msg::new("problem.truncated").arg("quote", quote(lines, p.line)),
            Msg::new("problem.truncated_hint"),
        ));
    }
}

/// Paragraphs numbered `{prefix}1`….
fn numbered(raw: &[RawParagraph], prefix: &str, built: &mut Paragraphs) -> Vec<Paragraph> {
    raw.iter()
        .enumerate()
        .map(|(i, r)| built.paragraph(r, format!("{prefix}{}", i + 1)))
        .collect()
}

/// The brief's own problems come first. Overlay entries that do not
/// resolve are listed one by one only for a sound brief: in a broken one
/// they follow from its problems, so one line counts them.
fn add_overlay_problems(
    problems: &mut Vec<Problem>,
    found: OverlayProblems,
    overlay_file: &str,
    brief_is_sound: bool,
) {
    problems.extend(found.invalid);
    if brief_is_sound {
        problems.extend(found.unresolved);
    } else if !found.unresolved.is_empty() {
        problems.push(Problem::at(
            overlay_file,
            None,
            None,
            Msg::new("problem.overlay_unresolved").arg("count", found.unresolved.len()),
            Msg::new("problem.overlay_unresolved_hint"),
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
            item: raw.item.as_ref().map(|(bullet, level)| ListItem {
                bullet: bullet.clone(),
                level: *level,
            }),
            table: raw.table.clone(),
            pages: raw.pages,
        }
    }
}

/// Sections with ids (`sec-2`, `sec-2-1`, `sec-2-1-3`) and paragraphs
/// numbered `p1`… in reading order.
fn sections(raw: &[structure::RawSection], built: &mut Paragraphs) -> Vec<Section> {
    let mut count = 0;
    let mut counters: Vec<u32> = Vec::new();
    let mut sections = Vec::new();
    for s in raw {
        let depth = usize::from(s.level.max(1));
        counters.resize(depth, 0);
        if let Some(last) = counters.last_mut() {
            *last += 1;
        }
        // A level skipped (`1.` straight to `(1)`) counts from 1 below its parent.
        for c in &mut counters {
            if *c == 0 {
                *c = 1;
            }
        }
        let path: Vec<String> = counters.iter().map(u32::to_string).collect();
        let id = format!("sec-{}", path.join("-"));
        let paragraphs = s
            .paragraphs
            .iter()
            .map(|r| {
                count += 1;
                built.paragraph(r, format!("p{count}"))
            })
            .collect();
        let (title, markers) = repair::lift_markers(&s.title);
        let mut footnotes: Vec<u32> = markers.iter().map(|m| m.footnote).collect();
        footnotes.dedup();
        sections.push(Section {
            id,
            number: s.number.clone(),
            title: title.trim().to_string(),
            level: s.level,
            paragraphs,
            footnotes,
        });
    }
    sections
}
