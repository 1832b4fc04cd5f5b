//! The recommendation view: the full text, who acts, when, the area, where
//! it was found, and every passage it is drawn from, numbered for `1`–`9`.

use ratatui::text::{Line, Span};

use super::{Theme, wrapped};
use crate::app::App;
use crate::app::recommend::passages;
use crate::brief::model::{Confidence, Origin};
use crate::i18n::{Lang, tr};

/// Labels in the interface's language: actor, condition, area, found by, passages.
fn labels(lang: Lang) -> [String; 5] {
    ["actor", "when", "area", "found", "passages"].map(|k| tr(lang, &format!("recview.{k}"), &[]))
}

fn origin_name(lang: Lang, origin: Origin, confidence: Confidence) -> String {
    let origin = match origin {
        Origin::Overlay => "overlay",
        Origin::Gazetteer => "gazetteer",
        Origin::Extracted => "extracted",
    };
    let confidence = match confidence {
        Confidence::High => "high",
        Confidence::Medium => "medium",
        Confidence::Low => "low",
    };
    tr(
        lang,
        "recview.origin",
        &[
            (
                "origin",
                &tr(lang, &format!("recview.origin_{origin}"), &[]),
            ),
            (
                "confidence",
                &tr(lang, &format!("recview.confidence_{confidence}"), &[]),
            ),
        ],
    )
}

/// The view's lines for recommendation `i`, `width` columns wide.
pub fn lines(app: &App, theme: &Theme, i: usize, width: u16) -> Vec<Line<'static>> {
    let Some(r) = app.index().brief.recommendations.get(i) else {
        return Vec::new();
    };
    let lang = app.lang();
    let [actor, when, area, found, drawn] = labels(lang);
    let mut out = wrapped(&r.title, width, theme.heading);
    out.push(Line::default());
    out.extend(wrapped(&r.text, width, theme.text));
    out.push(Line::default());
    for (label, value) in [
        (actor, r.actor.clone()),
        (when, r.condition.clone()),
        (area, r.area.clone()),
        (found, origin_name(lang, r.origin, r.confidence)),
    ] {
        out.extend(field(theme, &label, &value, width));
    }
    out.push(Line::default());
    let all = passages(app, r);
    out.push(Line::styled(
        tr(
            lang,
            "recview.passages_head",
            &[("label", &drawn), ("count", &all.len())],
        ),
        theme.heading,
    ));
    for (k, p) in all.iter().enumerate() {
        let key = if k < 9 {
            format!("{} ", k + 1)
        } else {
            "  ".into()
        };
        let section = app
            .index()
            .section_of(&p.paragraph)
            .map_or_else(|| summary_name(app), |s| s.heading());
        let page = app
            .index()
            .paragraph(&p.paragraph)
            .and_then(|x| x.pages)
            .map_or_else(String::new, |(first, _)| format!(" · p. {first}"));
        out.push(Line::from(vec![
            Span::styled(key, theme.marker),
            Span::styled(format!("{section}{page}"), theme.dim),
        ]));
        let sentence: String = app
            .index()
            .paragraph(&p.paragraph)
            .map(|x| x.text.chars().skip(p.start).take(p.end - p.start).collect())
            .unwrap_or_default();
        out.extend(
            wrapped(
                &format!("“{sentence}”"),
                width.saturating_sub(2),
                theme.text,
            )
            .into_iter()
            .map(|l| {
                let mut spans = vec![Span::raw("  ")];
                spans.extend(l.spans);
                Line::from(spans)
            }),
        );
    }
    out
}

/// `label: value`, the value wrapped under itself; `—` when empty.
fn field(theme: &Theme, label: &str, value: &str, width: u16) -> Vec<Line<'static>> {
    let value = if value.is_empty() { "—" } else { value };
    let head = format!("{label}: ");
    let rest = width.saturating_sub(crate::text::str_width(&head) as u16);
    wrapped(value, rest, theme.text)
        .into_iter()
        .enumerate()
        .map(|(k, line)| {
            let lead = if k == 0 {
                head.clone()
            } else {
                " ".repeat(crate::text::str_width(&head))
            };
            let mut spans = vec![Span::styled(lead, theme.dim)];
            spans.extend(line.spans);
            Line::from(spans)
        })
        .collect()
}

fn summary_name(app: &App) -> String {
    app.index().brief.summary_heading()
}
