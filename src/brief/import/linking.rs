//! Links between the parts: footnote <-> sources <-> claims, entities,
//! recommendations; and the checks that every link resolves.

use super::{blocks::Block, citations, claims, entities, sources};
use crate::brief::error::Problem;
use crate::brief::message::Msg;
use crate::brief::model::{
    Brief, Confidence, Footnote, Meta, Origin, Paragraph, Recommendation, Section, Source,
};
use crate::brief::overlay::{KINDS, Overlay};

/// The 1-based line of the first occurrence of `needle` in `text`.
pub fn line_of(text: &str, needle: &str) -> Option<usize> {
    text.find(needle)
        .map(|i| text[..i].matches('\n').count() + 1)
}

/// What is wrong with the overlay: entries invalid in themselves, and
/// entries that do not resolve against this brief (names never mentioned,
/// passages not found), which follow from the brief's own problems if any.
#[derive(Debug, Default)]
pub struct OverlayProblems {
    pub invalid: Vec<Problem>,
    pub unresolved: Vec<Problem>,
}

/// Build the whole brief from its parts and the overlay.
pub fn assemble(
    meta: Meta,
    summary: Vec<Paragraph>,
    sections: Vec<Section>,
    mut footnotes: Vec<Footnote>,
    overlay: &Overlay,
    overlay_file: &str,
    problems: &mut OverlayProblems,
) -> Brief {
    let sources = link_sources(
        &mut footnotes,
        overlay,
        overlay_file,
        &mut problems.unresolved,
    );
    let mut brief = Brief {
        meta,
        front: vec![],
        front_title: String::new(),
        summary_title: String::new(),
        summary,
        sections,
        footnotes,
        sources,
        entities: vec![],
        claims: vec![],
        unsourced_claims: vec![],
        quantities: vec![],
        recommendations: vec![],
        warnings: vec![],
    };
    link_parenthesized(&mut brief);
    link_claims(&mut brief);
    check_entities(overlay, overlay_file, &mut problems.invalid);
    let paragraphs = brief.paragraphs().map(|p| (p.id.as_str(), p.text.as_str()));
    let notes = brief.footnotes.iter().map(|f| (f.number, f.text.as_str()));
    brief.entities = entities::collect(&overlay.entities, paragraphs, notes);
    if overlay.borrowed {
        brief.entities.retain(|e| !e.mentions.is_empty());
    }
    for e in brief.entities.iter().filter(|e| e.mentions.is_empty()) {
        let line = line_of(&overlay.text, &format!("\"{}\"", e.id));
        problems.unresolved.push(Problem::at(
            overlay_file,
            line,
            None,
            Msg::new("problem.entity_unmentioned")
                .arg("id", &e.id)
                .arg("name", &e.name),
            Msg::new("problem.entity_unmentioned_hint"),
        ));
    }
    brief.recommendations =
        link_recommendations(&brief, overlay, overlay_file, &mut problems.unresolved);
    brief
}

fn link_sources(
    footnotes: &mut [Footnote],
    overlay: &Overlay,
    file: &str,
    problems: &mut Vec<Problem>,
) -> Vec<Source> {
    let fixes = &overlay.source_corrections;
    for fix in fixes
        .iter()
        .filter(|c| !footnotes.iter().any(|f| f.number == c.footnote))
    {
        let line = line_of(&overlay.text, &format!("\"footnote\": {}", fix.footnote));
        problems.push(Problem::at(
            file,
            line,
            None,
            Msg::new("problem.correction_no_footnote").arg("number", fix.footnote),
            Msg::new("problem.correction_no_footnote_hint"),
        ));
    }
    let mut out: Vec<Source> = Vec::new();
    for f in footnotes.iter_mut() {
        let mut cited = sources::parse(&f.text);
        for fix in fixes.iter().filter(|c| c.footnote == f.number) {
            let Some(c) = cited.get_mut(fix.index) else {
                let line = line_of(&overlay.text, &format!("\"footnote\": {}", fix.footnote));
                problems.push(Problem::at(
                    file,
                    line,
                    None,
                    Msg::new("problem.correction_no_source")
                        .arg("index", fix.index)
                        .arg("number", fix.footnote)
                        .arg("count", cited.len()),
                    Msg::new("problem.correction_no_source_hint"),
                ));
                continue;
            };
            let apply = |field: &mut String, v: &Option<String>| {
                if let Some(v) = v {
                    *field = v.clone()
                }
            };
            apply(&mut c.outlet, &fix.outlet);
            apply(&mut c.title, &fix.title);
            apply(&mut c.lang, &fix.lang);
            if fix.date.is_some() {
                c.date = fix.date.clone()
            }
            if fix.url.is_some() {
                c.url = fix.url.clone()
            }
        }
        for c in cited {
            let same = out
                .iter_mut()
                .find(|s| s.title == c.title && s.outlet == c.outlet && s.date == c.date);
            let id = match same {
                Some(s) => {
                    s.footnotes.push(f.number);
                    s.id.clone()
                }
                None => {
                    let id = format!("src-{}", out.len() + 1);
                    out.push(Source {
                        id: id.clone(),
                        outlet: c.outlet,
                        title: c.title,
                        date: c.date,
                        url: c.url,
                        lang: c.lang,
                        footnotes: vec![f.number],
                        paragraphs: vec![],
                    });
                    id
                }
            };
            f.sources.push(id);
        }
    }
    out
}

/// Sources cited in parentheses in the text, each linked to its paragraphs
/// (one source for the same outlet and date, wherever it is cited).
fn link_parenthesized(brief: &mut Brief) {
    let found: Vec<(String, super::sources::Cited)> = brief
        .paragraphs()
        .flat_map(|p| {
            citations::in_parentheses(&p.text)
                .into_iter()
                .map(|c| (p.id.clone(), c.cited))
        })
        .collect();
    for (paragraph, c) in found {
        let sources = &mut brief.sources;
        let same = sources
            .iter_mut()
            .find(|s| s.footnotes.is_empty() && s.outlet == c.outlet && s.date == c.date);
        match same {
            Some(s) if !s.paragraphs.contains(&paragraph) => s.paragraphs.push(paragraph),
            Some(_) => {}
            None => {
                let id = format!("src-{}", sources.len() + 1);
                sources.push(Source {
                    id,
                    outlet: c.outlet,
                    title: c.title,
                    date: c.date,
                    url: c.url,
                    lang: c.lang,
                    footnotes: vec![],
                    paragraphs: vec![paragraph],
                });
            }
        }
    }
}

fn link_claims(brief: &mut Brief) {
    let mut sourced = Vec::new();
    let mut unsourced = Vec::new();
    let mut figures = Vec::new();
    for p in brief.paragraphs() {
        let spans = claims::sentences(&p.text);
        let q = claims::quantities(p, &spans);
        let (s, u) = claims::claims(p, &spans, &q);
        sourced.extend(s);
        unsourced.extend(u);
        figures.extend(q);
    }
    for f in brief.footnotes.iter_mut() {
        for c in sourced.iter().filter(|c| c.footnotes.contains(&f.number)) {
            if !f.claims.contains(&c.paragraph) {
                f.claims.push(c.paragraph.clone());
            }
        }
    }
    brief.claims = sourced;
    brief.unsourced_claims = unsourced;
    brief.quantities = figures;
}

fn check_entities(overlay: &Overlay, file: &str, problems: &mut Vec<Problem>) {
    let text = &overlay.text;
    for (i, e) in overlay.entities.iter().enumerate() {
        let line = || line_of(text, &format!("\"{}\"", e.id));
        if !KINDS.contains(&e.kind.as_str()) {
            problems.push(Problem::at(
                file,
                line(),
                None,
                Msg::new("problem.entity_kind")
                    .arg("id", &e.id)
                    .arg("kind", &e.kind),
                Msg::new("problem.entity_kind_hint").arg("kinds", KINDS.join(", ")),
            ));
        }
        if overlay.entities[..i].iter().any(|o| o.id == e.id) {
            problems.push(Problem::at(
                file,
                line(),
                None,
                Msg::new("problem.entity_twice").arg("id", &e.id),
                Msg::new("problem.entity_twice_hint"),
            ));
        }
    }
}

fn link_recommendations(
    brief: &Brief,
    overlay: &Overlay,
    file: &str,
    problems: &mut Vec<Problem>,
) -> Vec<Recommendation> {
    let text = &overlay.text;
    let passages: Vec<&str> = overlay
        .recommendations
        .iter()
        .flat_map(|r| r.passages.iter().map(String::as_str))
        .collect();
    let mut holding = paragraphs_holding(brief, &passages).into_iter();
    let mut out = Vec::new();
    for r in &overlay.recommendations {
        let mut paragraphs: Vec<String> = Vec::new();
        for passage in &r.passages {
            let found = holding.next().unwrap_or_default();
            let line = || line_of(text, passage);
            match found.as_slice() {
                [p] => {
                    if !paragraphs.contains(&p.id) {
                        paragraphs.push(p.id.clone());
                    }
                }
                [] => problems.push(Problem::at(
                    file,
                    line(),
                    None,
                    Msg::new("problem.passage_missing")
                        .arg("id", &r.id)
                        .arg("passage", passage),
                    Msg::new("problem.passage_missing_hint"),
                )),
                _ => problems.push(Problem::at(
                    file,
                    line(),
                    None,
                    Msg::new("problem.passage_repeated")
                        .arg("id", &r.id)
                        .arg("passage", passage)
                        .arg("count", found.len()),
                    Msg::new("problem.passage_repeated_hint"),
                )),
            }
        }
        out.push(Recommendation {
            id: r.id.clone(),
            title: r.title.clone(),
            actor: r.actor.clone(),
            condition: r.condition.clone(),
            area: r.area.clone(),
            text: r.text.clone(),
            paragraphs,
            origin: Origin::Overlay,
            confidence: Confidence::High,
            passages: vec![],
        });
    }
    out
}

/// For each passage, the paragraphs that contain it; each passage's
/// searcher is set up once for all paragraphs.
fn paragraphs_holding<'b>(brief: &'b Brief, passages: &[&str]) -> Vec<Vec<&'b Paragraph>> {
    passages
        .iter()
        .map(|passage| {
            let finder = memchr::memmem::Finder::new(passage);
            brief
                .paragraphs()
                .filter(|p| finder.find(p.text.as_bytes()).is_some())
                .collect()
        })
        .collect()
}

/// Every marker has a definition and every definition is cited.
pub fn check_markers(
    brief: &Brief,
    file: &str,
    lines: &[(String, usize)],
    defs: &[(u32, Block)],
    problems: &mut Vec<Problem>,
) {
    let line_of_paragraph = |id: &str| lines.iter().find(|(p, _)| p == id).map(|(_, l)| *l);
    for p in brief.paragraphs() {
        for n in &p.footnotes {
            if brief.footnote(*n).is_none() {
                problems.push(Problem::at(
                    file,
                    line_of_paragraph(&p.id),
                    None,
                    Msg::new("problem.marker_undefined").arg("number", n),
                    Msg::new("problem.marker_undefined_hint"),
                ));
            }
        }
    }
    for (n, block) in defs {
        let on_heading = brief.sections.iter().any(|s| s.footnotes.contains(n));
        if !on_heading && !brief.paragraphs().any(|p| p.footnotes.contains(n)) {
            problems.push(Problem::at(
                file,
                Some(block.line),
                None,
                Msg::new("problem.footnote_uncited").arg("number", n),
                Msg::new("problem.footnote_uncited_hint"),
            ));
        }
    }
}
