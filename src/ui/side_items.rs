//! The Recommendations and Entities tabs' list items, and the tooltip row
//! that shows the focused item whole with the keys it answers.

use ratatui::text::{Line, Span};

use super::Theme;
use super::side::{Item, indent};
use crate::app::entities::Standing;
use crate::app::panes::KIND_LABELS;
use crate::app::{App, Tab};
use crate::i18n::tr;
use crate::text::ellipsize;

pub(super) fn recommendation(app: &App, theme: &Theme, i: usize, width: u16) -> Vec<Line<'static>> {
    let r = &app.index().brief.recommendations[i];
    let visible = app.visible_paragraphs();
    let here = r.paragraphs.iter().any(|p| visible.contains(&p.as_str()));
    let mark = if here { "● " } else { "  " };
    let area = format!("[{}] ", r.area);
    let room = (width as usize).saturating_sub(2 + crate::text::str_width(&area));
    let mut lines = vec![Line::from(vec![
        Span::styled(mark, theme.flash),
        Span::styled(area, theme.marker),
        Span::styled(ellipsize(&r.title, room), theme.text),
    ])];
    if !r.condition.is_empty() {
        let condition = tr(app.lang(), "side.condition", &[("text", &r.condition)]);
        lines.push(indent(indent(Line::styled(
            ellipsize(&condition, (width as usize).saturating_sub(4)),
            theme.dim,
        ))));
    }
    lines
}

fn entity(
    app: &App,
    theme: &Theme,
    i: usize,
    width: u16,
    standing: Standing,
) -> Vec<Line<'static>> {
    let e = &app.index().brief.entities[i];
    let label = KIND_LABELS
        .iter()
        .find(|(k, _)| *k == e.kind)
        .map_or_else(|| e.kind.clone(), |(_, key)| tr(app.lang(), key, &[]));
    let label = label.as_str();
    let (mark, style) = match standing {
        Standing::OnScreen => ("● ", theme.flash),
        Standing::Elsewhere => ("  ", theme.flash),
        Standing::Unconfirmed => ("? ", theme.marker),
    };
    let count = format!(" ({})", e.mentions.len());
    let room = (width as usize).saturating_sub(2 + crate::text::str_width(label) + 1 + count.len());
    vec![Line::from(vec![
        Span::styled(mark, style),
        Span::styled(format!("{label} "), theme.dim),
        Span::styled(ellipsize(&e.name, room), theme.text),
        Span::styled(count, theme.dim),
    ])]
}

/// The Entities tab: one row a name, a heading line over the unconfirmed ones.
pub(super) fn entity_items(app: &App, theme: &Theme, width: u16) -> Vec<Item> {
    let mut heading_shown = false;
    app.entity_list()
        .into_iter()
        .map(|(e, standing)| {
            let mut item = Item::new(entity(app, theme, e, width, standing));
            if standing == Standing::Unconfirmed && !heading_shown {
                heading_shown = true;
                let heading = tr(app.lang(), "side.unsure_heading", &[]);
                item.lines.insert(
                    0,
                    Line::styled(ellipsize(&heading, width as usize), theme.heading),
                );
                item.head = 1;
            }
            item
        })
        .collect()
}

/// The whole of what the focused item cuts short, and the keys it answers.
pub(super) fn tooltip(app: &App) -> Option<String> {
    match app.tab() {
        Tab::Recommendations => {
            let r = app.index().brief.recommendations.get(app.selected())?;
            Some(tr(
                app.lang(),
                "side.recommendation_tip",
                &[("title", &r.title)],
            ))
        }
        Tab::Entities => {
            let e = app.selected_entity()?;
            let x = &app.index().brief.entities[e];
            let aliases = if x.aliases.is_empty() {
                String::new()
            } else {
                format!(" ({})", x.aliases.join(", "))
            };
            let doubt = if app.entity_in_doubt(e) {
                tr(app.lang(), "side.entity_doubt", &[])
            } else {
                String::new()
            };
            let name = format!("{}{aliases}", x.name);
            Some(tr(
                app.lang(),
                "side.entity_tip",
                &[("name", &name), ("doubt", &doubt)],
            ))
        }
        _ => None,
    }
}
