//! Export as a W3C Web Annotation `AnnotationCollection` (JSON-LD).

use serde_json::{Map, Value, json};

use super::reading_order;
use crate::notes::model::{Annotation, Highlight, name_id};

/// The Web Annotation JSON-LD context.
pub(crate) const ANNO_CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";

/// Language of notes written in brief.
const NOTE_LANGUAGE: &str = "ko";

/// All annotations as one W3C `AnnotationCollection` whose `first` page embeds every
/// `Annotation`, in reading order. `doc_url` is the IRI of the brief (each target's `source`);
/// the collection and page ids are stable `urn:uuid:`s derived from `brief_key`.
///
/// Each annotation has the motivation `highlighting` (no `body` key), `commenting` (a note,
/// plus one `tagging` body per tag) or `tagging` (tags only), and a target with a
/// `TextQuoteSelector` and a `TextPositionSelector` (char offsets). A colour becomes a CSS
/// `stylesheet` and the target's `styleClass`.
pub fn to_w3c(
    annotations: &[Annotation],
    brief_key: &str,
    brief_title: &str,
    doc_url: &str,
) -> Value {
    to_w3c_paged(annotations, brief_key, brief_title, doc_url, &|_| None)
}

/// Like [`to_w3c`]; where `page` knows the page a passage starts on (a brief with pages), the
/// target also has a `FragmentSelector` `page=N` (the PDF fragment syntax, RFC 3778) refined
/// by the quote, an alternative to the text selectors for a PDF viewer.
pub fn to_w3c_paged(
    annotations: &[Annotation],
    brief_key: &str,
    brief_title: &str,
    doc_url: &str,
    page: &dyn Fn(usize) -> Option<u32>,
) -> Value {
    let items: Vec<Value> = reading_order(annotations)
        .into_iter()
        .map(|a| annotation(a, doc_url, page(a.target.start).filter(|_| !a.orphan)))
        .collect();
    json!({
        "@context": ANNO_CONTEXT,
        "id": name_id(&format!("brief-notes-collection:{brief_key}")),
        "type": "AnnotationCollection",
        "label": brief_title,
        "total": items.len(),
        "first": {
            "id": name_id(&format!("brief-notes-page:{brief_key}:0")),
            "type": "AnnotationPage",
            "startIndex": 0,
            "items": items,
        },
    })
}

fn annotation(a: &Annotation, doc_url: &str, page: Option<u32>) -> Value {
    let mut obj = Map::new();
    obj.insert("@context".into(), ANNO_CONTEXT.into());
    obj.insert("id".into(), a.id.clone().into());
    obj.insert("type".into(), "Annotation".into());
    obj.insert("created".into(), a.created.clone().into());
    obj.insert("modified".into(), a.modified.clone().into());
    obj.insert("motivation".into(), motivation(a).into());
    let bodies = bodies(a);
    if !bodies.is_empty() {
        obj.insert("body".into(), Value::Array(bodies));
    }
    obj.insert("target".into(), target(a, doc_url, page));
    if let Some(colour) = a.colour {
        obj.insert("stylesheet".into(), stylesheet(colour));
    }
    Value::Object(obj)
}

fn motivation(a: &Annotation) -> &'static str {
    if !a.note.trim().is_empty() {
        "commenting"
    } else if !a.tags.is_empty() {
        "tagging"
    } else {
        "highlighting"
    }
}

fn bodies(a: &Annotation) -> Vec<Value> {
    let mut bodies = Vec::new();
    if !a.note.trim().is_empty() {
        bodies.push(json!({
            "type": "TextualBody",
            "value": a.note,
            "purpose": "commenting",
            "format": "text/plain",
            "language": NOTE_LANGUAGE,
        }));
    }
    bodies.extend(
        a.tags
            .iter()
            .map(|tag| json!({ "type": "TextualBody", "value": tag, "purpose": "tagging" })),
    );
    bodies
}

/// The PDF fragment identifier specification the page selector conforms to.
const PDF_FRAGMENT: &str = "http://tools.ietf.org/rfc/rfc3778";

fn target(a: &Annotation, doc_url: &str, page: Option<u32>) -> Value {
    let t = &a.target;
    let mut quote = Map::new();
    quote.insert("type".into(), "TextQuoteSelector".into());
    quote.insert("exact".into(), t.exact.clone().into());
    if !t.prefix.is_empty() {
        quote.insert("prefix".into(), t.prefix.clone().into());
    }
    if !t.suffix.is_empty() {
        quote.insert("suffix".into(), t.suffix.clone().into());
    }
    let position = json!({ "type": "TextPositionSelector", "start": t.start, "end": t.end });
    let mut target = Map::new();
    target.insert("source".into(), doc_url.into());
    let quote = Value::Object(quote);
    let mut selectors = vec![quote.clone(), position];
    if let Some(page) = page {
        selectors.push(json!({
            "type": "FragmentSelector",
            "conformsTo": PDF_FRAGMENT,
            "value": format!("page={page}"),
            "refinedBy": quote,
        }));
    }
    target.insert("selector".into(), Value::Array(selectors));
    if let Some(colour) = a.colour {
        target.insert("styleClass".into(), colour.name().into());
    }
    Value::Object(target)
}

fn stylesheet(colour: Highlight) -> Value {
    let rgb = match colour {
        Highlight::Yellow => "#fff59d",
        Highlight::Green => "#c5e1a5",
        Highlight::Blue => "#90caf9",
        Highlight::Pink => "#f48fb1",
    };
    json!({
        "type": "CssStylesheet",
        "value": format!(".{} {{ background-color: {rgb}; }}", colour.name()),
    })
}
