//! Checks for a brief loaded from JSON: strings cleaned, links resolved.

use super::error::Problem;
use super::message::Msg;
use super::model::Brief;
use crate::text::sanitize;

/// The brief with every string sanitised, as at the importer's door.
pub fn sanitized(brief: Brief) -> Brief {
    let Ok(value) = serde_json::to_value(&brief) else {
        return brief;
    };
    let clean = clean_value(value);
    serde_json::from_value(clean).unwrap_or(brief)
}

/// Every string in `v` through the one sanitiser.
pub(crate) fn clean_value(v: serde_json::Value) -> serde_json::Value {
    use serde_json::Value;
    match v {
        Value::String(s) => Value::String(sanitize(&s)),
        Value::Array(a) => Value::Array(a.into_iter().map(clean_value).collect()),
        Value::Object(o) => {
            Value::Object(o.into_iter().map(|(k, v)| (k, clean_value(v))).collect())
        }
        other => other,
    }
}

/// Every reference between the brief's parts resolves and every offset fits.
pub fn links(brief: &Brief, file: &str) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut bad = |what: Msg| {
        problems.push(Problem::at(
            file,
            None,
            None,
            what,
            Msg::new("problem.regenerate_hint"),
        ))
    };
    let para_len = |id: &str| {
        brief
            .paragraphs()
            .find(|p| p.id == id)
            .map(|p| p.text.chars().count())
    };
    for p in brief.paragraphs() {
        let len = p.text.chars().count();
        for m in &p.markers {
            if brief.footnote(m.footnote).is_none() || m.at > len {
                bad(Msg::new("problem.marker_unresolved")
                    .arg("paragraph", &p.id)
                    .arg("number", m.footnote));
            }
        }
    }
    for f in &brief.footnotes {
        for s in f.sources.iter().filter(|s| brief.source(s).is_none()) {
            bad(Msg::new("problem.source_missing")
                .arg("number", f.number)
                .arg("source", s));
        }
    }
    for s in &brief.sources {
        for p in s.paragraphs.iter().filter(|p| para_len(p).is_none()) {
            bad(Msg::new("problem.source_paragraph_missing")
                .arg("source", &s.id)
                .arg("paragraph", p));
        }
    }
    for e in &brief.entities {
        for m in &e.mentions {
            let len = match (&m.paragraph, m.footnote) {
                (Some(p), _) => para_len(p),
                (None, Some(n)) => brief.footnote(n).map(|f| f.text.chars().count()),
                _ => None,
            };
            if len.is_none_or(|l| m.start > m.end || m.end > l) {
                bad(Msg::new("problem.mention_unresolved").arg("id", &e.id));
            }
        }
    }
    for r in &brief.recommendations {
        for p in r.paragraphs.iter().filter(|p| para_len(p).is_none()) {
            bad(Msg::new("problem.recommendation_paragraph_missing")
                .arg("id", &r.id)
                .arg("paragraph", p));
        }
    }
    problems
}
