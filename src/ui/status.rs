//! The title bar and the status bar.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::Theme;
use crate::app::App;
use crate::text::str_width;

/// Series, number, title, author, date.
pub fn title_bar(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let m = &app.index().brief.meta;
    buf.set_style(area, theme.bar);
    let line = Line::from(vec![
        Span::styled(format!(" {} {} ", m.series, m.number), theme.bar),
        Span::styled(format!("│ {} ", m.title), theme.bar),
        Span::styled(format!("│ {} · {}", m.author, m.date), theme.bar),
    ]);
    buf.set_line(area.x, area.y, &line, area.width);
}

/// Mode, search count, message or key hints, then section and position %.
pub fn status_bar(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    buf.set_style(area, theme.bar);
    let mode = if app.editor.is_some() {
        "NOTE"
    } else if app.search().active && app.search().filtering {
        "FILTER"
    } else if app.search().active {
        "SEARCH"
    } else if app.popup().is_some() {
        "POPUP"
    } else if app.select_from().is_some() {
        "VISUAL"
    } else {
        "READ"
    };
    let mut left = format!(" {mode} ");
    if app.search().filtering && (app.search().active || !app.list_filter().is_empty()) {
        left += &format!("│ filter: {} ", app.list_filter());
    } else if !app.search().matches.is_empty() || app.search().active {
        left += &format!("│ /{} {} ", app.search().query, app.search().count());
    }
    if !app.pending().shown().is_empty() {
        left += &format!("│ {} ", app.pending().shown());
    }
    let warnings = app.index().brief.warnings.len();
    if warnings > 0 {
        let noun = if warnings == 1 { "warning" } else { "warnings" };
        left += &format!("│ {warnings} {noun}: W ");
    }
    let hint = if !app.message().is_empty() {
        app.message()
    } else if let Some(e) = &app.notes.save_error {
        e.as_str()
    } else {
        "? help  / search  ]f marker  Tab panes  q quit"
    };
    let percent = if app.max_top() == 0 {
        100
    } else {
        app.top() * 100 / app.max_top()
    };
    let section = app.current_section().map_or("요약".to_string(), |i| {
        let s = &app.index().brief.sections[i];
        s.heading()
    });
    let right = match page_at_top(app) {
        Some(page) => format!(" p. {page} │ {section} │ {percent}% "),
        None => format!(" {section} │ {percent}% "),
    };
    let room = (area.width as usize).saturating_sub(str_width(&left) + str_width(&right) + 2);
    let middle = fit(hint, room);
    let gap = (area.width as usize)
        .saturating_sub(str_width(&left) + 2 + str_width(&middle) + str_width(&right));
    let line = Line::from(vec![
        Span::styled(left, theme.bar),
        Span::styled(format!("│ {middle}{}", " ".repeat(gap)), theme.bar),
        Span::styled(right, theme.bar),
    ]);
    buf.set_line(area.x, area.y, &line, area.width);
}

/// `text` cut to at most `width` columns, never inside a character.
fn fit(text: &str, width: usize) -> String {
    let mut out = String::new();
    let mut used = 0;
    for g in unicode_segmentation::UnicodeSegmentation::graphemes(text, true) {
        let w = crate::text::grapheme_width(g);
        if used + w > width {
            break;
        }
        used += w;
        out.push_str(g);
    }
    out
}

/// The page of the first paragraph shown in the reader (or the last one
/// above it), where the brief has pages.
fn page_at_top(app: &App) -> Option<u32> {
    let doc = app.doc();
    let block = doc.lines.get(app.top())?.block;
    let order = doc.blocks[block..]
        .iter()
        .find_map(|b| b.paragraph)
        .or_else(|| doc.blocks[..block].iter().rev().find_map(|b| b.paragraph))?;
    let place = *app.index().order().get(order)?;
    app.index().at(place).pages.map(|(first, _)| first)
}
