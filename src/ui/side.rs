//! The linked side pane: Citations, Recommendations, Entities.

use std::ops::Range;

use ratatui::buffer::Buffer;
use ratatui::layout::{Margin, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Tabs, Widget};

use super::side_items;
use super::{Theme, focused, pane, wrapped};
use crate::app::{App, Focus, Tab};

/// The lines of a list item; line `head` is the one highlighted when chosen.
pub(super) struct Item {
    pub(super) lines: Vec<Line<'static>>,
    pub(super) head: usize,
}

impl Item {
    pub(super) fn new(lines: Vec<Line<'static>>) -> Item {
        Item { lines, head: 0 }
    }
}

/// The items of the current tab, for a list `width` wide.
fn items(app: &App, theme: &Theme, width: u16) -> Vec<Item> {
    if app.tab() == Tab::Entities {
        return side_items::entity_items(app, theme, width);
    }
    let lines: Vec<Vec<Line<'static>>> = match app.tab() {
        Tab::Citations => app
            .citations()
            .iter()
            .map(|n| citation(app, theme, *n, width))
            .collect(),
        Tab::Recommendations => (0..app.index().brief.recommendations.len())
            .map(|i| side_items::recommendation(app, theme, i, width))
            .collect(),
        Tab::Entities => Vec::new(),
        Tab::Annotations => app
            .annotation_order()
            .into_iter()
            .map(|i| annotation(app, theme, i, width))
            .collect(),
    };
    lines.into_iter().map(Item::new).collect()
}

fn annotation(app: &App, theme: &Theme, i: usize, width: u16) -> Vec<Line<'static>> {
    let a = &app.notes().list[i];
    let section = if a.orphan {
        crate::i18n::tr(app.lang(), "side.orphan", &[])
    } else {
        let pos = app.pos_of_doc(a.target.start);
        app.doc().blocks[..=pos.block]
            .iter()
            .rev()
            .find_map(|b| b.section)
            .map_or_else(
                || crate::i18n::tr(app.lang(), "side.summary", &[]),
                |s| {
                    let s = &app.index().brief.sections[s];
                    s.heading()
                },
            )
    };
    let colour = crate::i18n::tr(
        app.lang(),
        &a.colour.map_or_else(
            || "side.note".to_owned(),
            |c| format!("colour.{}", c.name()),
        ),
        &[],
    );
    let mut lines = vec![Line::from(vec![
        Span::styled(
            match (a.orphan, a.approximate.is_some()) {
                (true, _) => "! ",
                (false, true) => "≈ ",
                (false, false) => "▍ ",
            },
            theme.marker,
        ),
        Span::styled(format!("{colour} · {section}"), theme.dim),
    ])];
    let quote: String = a.target.exact.replace('\n', " ");
    lines.extend(
        wrapped(&format!("“{quote}”"), width.saturating_sub(2), theme.text)
            .into_iter()
            .take(2)
            .map(indent),
    );
    if let Some(was) = a.approximate.as_deref().filter(|_| !a.orphan) {
        let quote = was.replace('\n', " ");
        let said = crate::i18n::tr(app.lang(), "side.approximate", &[("quote", &quote)]);
        lines.extend(
            wrapped(&said, width.saturating_sub(2), theme.dim)
                .into_iter()
                .take(2)
                .map(indent),
        );
    }
    if !a.note.is_empty() {
        lines.extend(
            wrapped(
                &a.note.replace('\n', " "),
                width.saturating_sub(2),
                theme.heading,
            )
            .into_iter()
            .take(3)
            .map(indent),
        );
    }
    if !a.tags.is_empty() {
        let tags: Vec<String> = a.tags.iter().map(|t| format!("#{t}")).collect();
        lines.push(indent(Line::styled(tags.join(" "), theme.marker)));
    }
    lines
}

fn citation(app: &App, theme: &Theme, n: u32, width: u16) -> Vec<Line<'static>> {
    let sources = app.index().sources_of_footnote(n);
    let mut lines = Vec::new();
    if sources.is_empty() {
        let text = app
            .index()
            .brief
            .footnote(n)
            .map_or(String::new(), |f| f.text.clone());
        lines.push(Line::from(vec![
            Span::styled(format!("[{n}] "), theme.marker),
            Span::styled(
                crate::i18n::tr(app.lang(), "side.commentary", &[]),
                theme.dim,
            ),
        ]));
        lines.extend(
            wrapped(&text, width.saturating_sub(2), theme.dim)
                .into_iter()
                .take(2)
                .map(indent),
        );
    }
    for s in sources {
        let date = s
            .date
            .clone()
            .unwrap_or_else(|| crate::i18n::tr(app.lang(), "side.no_date", &[]));
        lines.push(Line::from(vec![
            Span::styled(format!("[{n}] "), theme.marker),
            Span::styled(s.outlet.clone(), theme.heading),
            Span::styled(format!(" · {date} · {}", s.lang), theme.dim),
        ]));
        lines.extend(
            wrapped(&s.title, width.saturating_sub(2), theme.text)
                .into_iter()
                .take(2)
                .map(indent),
        );
        if let Some(url) = &s.url {
            lines.push(indent(Line::styled(url.clone(), theme.dim)));
        }
    }
    lines
}

pub(super) fn indent(line: Line<'static>) -> Line<'static> {
    let mut spans = vec![Span::raw("  ")];
    spans.extend(line.spans);
    Line::from(spans)
}

/// The list area inside the pane (below the tab bar).
fn list_area(area: Rect) -> Rect {
    let inner = area.inner(Margin::new(1, 1));
    Rect {
        y: inner.y + 1,
        height: inner.height.saturating_sub(1),
        ..inner
    }
}

/// Rows each item occupies (relative to the list's first row), after scrolling.
fn item_rows(heights: &[usize], offset: usize) -> Vec<Range<usize>> {
    let mut row = 0usize;
    heights
        .iter()
        .map(|h| {
            let r = row..row + h;
            row += h;
            r.start.saturating_sub(offset)..r.end.saturating_sub(offset)
        })
        .collect()
}

fn scroll_offset(heights: &[usize], selected: usize, height: usize) -> usize {
    let end: usize = heights.iter().take(selected + 1).sum();
    end.saturating_sub(height)
}

/// The tab row under the pane's top border.
fn render_tabs(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let tabs_area = Rect {
        x: area.x + 1,
        y: area.y + 1,
        width: area.width.saturating_sub(2),
        height: 1,
    };
    let selected = Tab::ALL.iter().position(|t| *t == app.tab()).unwrap_or(0);
    let lang = app.lang();
    let full: usize = Tab::ALL
        .iter()
        .map(|t| crate::text::str_width(&t.title(lang)) + 3)
        .sum();
    let short = full > tabs_area.width as usize;
    Tabs::new(Tab::ALL.iter().map(|t| {
        if short {
            t.short_title(lang)
        } else {
            t.title(lang)
        }
    }))
    .select(selected)
    .style(theme.dim)
    .highlight_style(theme.heading.patch(theme.selected))
    .padding("", "")
    .divider(" │ ")
    .render(tabs_area, buf);
}

/// The filter line over the list, while a list is filtered.
fn filter_line(app: &App, theme: &Theme) -> Option<Line<'static>> {
    let typing = app.search().active && app.search().filtering;
    let filter = app.list_filter();
    if filter.is_empty() && !typing {
        return None;
    }
    let hint = crate::i18n::tr(
        app.lang(),
        if typing {
            "side.filter_typing"
        } else {
            "side.filter_kept"
        },
        &[],
    );
    Some(Line::from(vec![
        Span::styled(format!("/{filter}"), theme.marker),
        Span::styled(format!("  {hint}"), theme.dim),
    ]))
}

/// The focused item whole, on the list's last rows (taken from `list`).
fn render_tooltip(app: &App, theme: &Theme, list: &mut Rect, buf: &mut Buffer) {
    let tip = side_items::tooltip(app)
        .map(|t| wrapped(&t, list.width, theme.bar))
        .unwrap_or_default();
    let rows = tip.len().min((list.height as usize).saturating_sub(3) / 2);
    list.height -= rows as u16;
    for (k, line) in tip.iter().take(rows).enumerate() {
        let y = list.y + list.height + k as u16;
        buf.set_style(Rect::new(list.x, y, list.width, 1), theme.bar);
        buf.set_line(list.x, y, line, list.width);
    }
}

/// Draw the side pane with its tabs; returns the rows each item occupies.
pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) -> Vec<Range<usize>> {
    let is_focused = focused(app, Focus::Side);
    let title = crate::i18n::tr(app.lang(), "pane.linked", &[]);
    let block = pane(&title, is_focused, theme);
    block.render(area, buf);
    render_tabs(app, theme, area, buf);
    let mut list = list_area(area);
    let filter = filter_line(app, theme);
    if let Some(line) = &filter
        && list.height > 2
    {
        buf.set_line(list.x, list.y, line, list.width);
        list.y += 1;
        list.height -= 1;
    }
    if is_focused {
        render_tooltip(app, theme, &mut list, buf);
    }
    let all = items(app, theme, list.width);
    let heights: Vec<usize> = all.iter().map(|i| i.lines.len()).collect();
    let offset = scroll_offset(&heights, app.selected(), list.height as usize);
    let item_rows = item_rows(&heights, offset);
    let mut rows: Vec<(Line, Style)> = Vec::new();
    for (i, item) in all.into_iter().enumerate() {
        let chosen = i == app.selected();
        for (k, line) in item.lines.into_iter().enumerate() {
            let highlight = chosen && k == item.head && is_focused;
            rows.push((
                line,
                if highlight {
                    theme.selected
                } else {
                    Style::new()
                },
            ));
        }
    }
    if rows.is_empty() {
        let none = match app.tab() {
            Tab::Annotations if app.list_filter().is_empty() => "side.no_notes",
            _ if !app.list_filter().is_empty() => "side.no_match",
            _ => "side.none",
        };
        let none = crate::i18n::tr(app.lang(), none, &[]);
        buf.set_stringn(list.x, list.y, &none, list.width as usize, theme.dim);
    }
    for (row, (line, style)) in rows
        .iter()
        .skip(offset)
        .take(list.height as usize)
        .enumerate()
    {
        let y = list.y + row as u16;
        buf.set_line(list.x, y, line, list.width);
        if *style != Style::new() {
            buf.set_style(
                Rect {
                    x: list.x,
                    y,
                    width: list.width,
                    height: 1,
                },
                *style,
            );
        }
    }
    let shift = usize::from(filter.is_some() && list.y > area.y + 2);
    item_rows
        .into_iter()
        .map(|r| r.start + shift..r.end + shift)
        .collect()
}
