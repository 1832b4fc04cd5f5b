//! Reading W3C Web Annotations back, and merging them into the reader's own.

use std::collections::HashSet;

use serde_json::Value;

use crate::notes::model::{Annotation, Highlight, Target, new_id, now_rfc3339, tags_in};

/// Why a W3C annotation export could not be imported.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The JSON is not an Annotation, AnnotationPage, AnnotationCollection or a list of them.
    #[error(
        "not a W3C annotation export: expected an Annotation, AnnotationPage or AnnotationCollection"
    )]
    NotAnnotations,
    /// One annotation lacks something brief needs.
    #[error("annotation {index} cannot be imported: {reason}")]
    Item {
        /// Position of the annotation in the export, from 0.
        index: usize,
        /// What is missing or wrong.
        reason: &'static str,
    },
}

/// Annotations from W3C JSON-LD: a collection (its embedded pages), a page, one annotation or
/// an array of these.
///
/// Notes come from `commenting` (or purpose-less) textual bodies or `bodyValue`, tags from
/// `tagging` bodies and the note's `#tags`, the colour from the target's `styleClass`. A target
/// needs a `TextQuoteSelector`; without a `TextPositionSelector` it starts at 0. Imported
/// targets have an empty `text_hash`, so re-anchor them before use. Text is NFC-normalised and
/// stripped of control characters.
pub fn from_w3c(value: &Value) -> Result<Vec<Annotation>, ImportError> {
    let mut found = Vec::new();
    collect(value, &mut found);
    if found.is_empty() && !is_container(value) {
        return Err(ImportError::NotAnnotations);
    }
    found
        .into_iter()
        .enumerate()
        .map(|(index, v)| annotation(v).map_err(|reason| ImportError::Item { index, reason }))
        .collect()
}

/// The `target.source` IRIs in a W3C export other than `ours`, sorted and deduplicated: a
/// non-empty answer means the export holds annotations of another document.
pub fn foreign_sources(value: &Value, ours: &str) -> Vec<String> {
    let mut found = Vec::new();
    collect(value, &mut found);
    let mut sources: Vec<String> = found
        .iter()
        .flat_map(|a| one_or_many(&a["target"]))
        .filter_map(|t| text_of(&t["source"]).or_else(|| text_of(&t["source"]["id"])))
        .filter(|s| s != ours)
        .collect();
    sources.sort();
    sources.dedup();
    sources
}

/// Add the `incoming` annotations not already in `existing`, returning how many were added.
///
/// Duplicates are the same id, or the same quote at the same start with the same note; the
/// existing copy wins.
pub fn merge(existing: &mut Vec<Annotation>, incoming: Vec<Annotation>) -> usize {
    let mut ids: HashSet<String> = existing.iter().map(|a| a.id.clone()).collect();
    let mut same: HashSet<(String, usize, String)> = existing.iter().map(content_key).collect();
    let before = existing.len();
    for a in incoming {
        if ids.contains(&a.id) || same.contains(&content_key(&a)) {
            continue;
        }
        ids.insert(a.id.clone());
        same.insert(content_key(&a));
        existing.push(a);
    }
    existing.len() - before
}

fn content_key(a: &Annotation) -> (String, usize, String) {
    (a.target.exact.clone(), a.target.start, a.note.clone())
}

fn is_container(v: &Value) -> bool {
    v.is_array() || has_type(v, "AnnotationPage") || has_type(v, "AnnotationCollection")
}

fn collect<'a>(v: &'a Value, out: &mut Vec<&'a Value>) {
    if let Value::Array(list) = v {
        list.iter().for_each(|item| collect(item, out));
    } else if has_type(v, "Annotation") {
        out.push(v);
    } else if has_type(v, "AnnotationCollection") {
        collect(&v["first"], out);
    } else if has_type(v, "AnnotationPage") {
        collect(&v["items"], out);
        // Only embedded pages can be followed; a page given by IRI would need the network.
        if v["next"].is_object() {
            collect(&v["next"], out);
        }
    }
}

fn has_type(v: &Value, name: &str) -> bool {
    one_or_many(&v["type"]).any(|t| t.as_str() == Some(name))
}

fn one_or_many(v: &Value) -> Box<dyn Iterator<Item = &Value> + '_> {
    match v {
        Value::Array(list) => Box::new(list.iter()),
        Value::Null => Box::new(std::iter::empty()),
        other => Box::new(std::iter::once(other)),
    }
}

fn annotation(v: &Value) -> Result<Annotation, &'static str> {
    let target = one_or_many(&v["target"])
        .find_map(|t| self::target(t).transpose())
        .ok_or("its target has no TextQuoteSelector")??;
    let (note, mut tags) = bodies(v);
    for tag in tags_in(&note) {
        if !tags.contains(&tag) {
            tags.push(tag);
        }
    }
    let created = text_of(&v["created"]).unwrap_or_else(now_rfc3339);
    let colour = one_or_many(&v["target"])
        .flat_map(|t| one_or_many(&t["styleClass"]))
        .find_map(|c| c.as_str().and_then(Highlight::from_name));
    Ok(Annotation {
        id: text_of(&v["id"]).unwrap_or_else(new_id),
        modified: text_of(&v["modified"]).unwrap_or_else(|| created.clone()),
        created,
        colour,
        note,
        tags,
        target,
        orphan: false,
        approximate: None,
    })
}

/// The note (comment bodies joined by blank lines) and the tags of an annotation.
fn bodies(v: &Value) -> (String, Vec<String>) {
    let mut notes: Vec<String> = text_of(&v["bodyValue"]).into_iter().collect();
    let mut tags: Vec<String> = Vec::new();
    for body in one_or_many(&v["body"]) {
        let Some(value) = text_of(&body["value"]) else {
            continue;
        };
        if one_or_many(&body["purpose"]).any(|p| p.as_str() == Some("tagging")) {
            let tag = value.trim().trim_start_matches('#').to_owned();
            if !tag.is_empty() && !tags.contains(&tag) {
                tags.push(tag);
            }
        } else if !value.trim().is_empty() {
            notes.push(value);
        }
    }
    (notes.join("\n\n"), tags)
}

/// The target's selectors as a [`Target`]: `Ok(None)` when it has no quote selector.
fn target(t: &Value) -> Result<Option<Target>, &'static str> {
    let selectors: Vec<&Value> = one_or_many(&t["selector"]).collect();
    let Some(quote) = selectors.iter().find(|s| has_type(s, "TextQuoteSelector")) else {
        return Ok(None);
    };
    let exact = text_of(&quote["exact"]).ok_or("its TextQuoteSelector has no exact text")?;
    if exact.is_empty() {
        return Err("its TextQuoteSelector quotes nothing");
    }
    let position = selectors
        .iter()
        .find(|s| has_type(s, "TextPositionSelector"));
    let offset = |key: &str| {
        position
            .and_then(|p| p[key].as_u64())
            .filter(|&n| n <= MAX_OFFSET)
            .and_then(|n| usize::try_from(n).ok())
    };
    let start = offset("start").unwrap_or(0);
    let end = offset("end")
        .filter(|&e| e > start)
        .unwrap_or(start.saturating_add(exact.chars().count()));
    Ok(Some(Target {
        prefix: text_of(&quote["prefix"]).unwrap_or_default(),
        suffix: text_of(&quote["suffix"]).unwrap_or_default(),
        exact,
        start,
        end,
        text_hash: String::new(),
    }))
}

/// Offsets beyond this are not positions in any brief: they are ignored (re-anchoring finds
/// the quote instead), so nothing near 2^64 can wrap.
const MAX_OFFSET: u64 = u32::MAX as u64;

/// A string value through the one sanitiser (NFC; no control, bidi or escape sequences).
fn text_of(v: &Value) -> Option<String> {
    Some(crate::text::sanitize(v.as_str()?))
}
