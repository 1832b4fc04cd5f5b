//! The title bar and the status bar.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::Theme;
use crate::app::App;

/// Series, number, title, author, date.
pub fn title_bar(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let m = &app.index.brief.meta;
    buf.set_style(area, theme.bar);
    let line = Line::from(vec![
        Span::styled(format!(" {} {} ", m.series, m.number), theme.bar),
        Span::styled(format!("│ {} ", m.title), theme.bar),
        Span::styled(format!("│ {} · {}", m.author, m.date), theme.bar),
    ]);
    buf.set_line(area.x, area.y, &line, area.width);
}

/// Section, position %, mode, matches, message or key hints.
pub fn status_bar(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    buf.set_style(area, theme.bar);
    let section = app.current_section().map_or("요약".to_string(), |i| {
        let s = &app.index.brief.sections[i];
        format!("{} {}", s.number, s.title)
    });
    let percent = if app.max_top() == 0 { 100 } else { app.top * 100 / app.max_top() };
    let mode = if app.search.active { "SEARCH" } else if app.popup.is_some() { "POPUP" } else { "READ" };
    let mut left = format!(" {mode} │ {section} │ {percent}% ");
    if !app.search.matches.is_empty() || app.search.active {
        left += &format!("│ /{} {} ", app.search.query, app.search.count());
    }
    if !app.pending.shown().is_empty() {
        left += &format!("│ {} ", app.pending.shown());
    }
    let right = if !app.message.is_empty() {
        app.message.clone()
    } else {
        "? help  / search  ]f marker  Tab panes  q quit".to_string()
    };
    let line = Line::from(vec![Span::styled(left, theme.bar), Span::styled(format!("│ {right}"), theme.bar)]);
    buf.set_line(area.x, area.y, &line, area.width);
}
