//! The outline: sections and sub-sections, the current one marked.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::{Theme, focused, pane};
use crate::app::{App, Focus};

/// Draw the outline pane; returns the index of the section on its first row.
pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) -> usize {
    let is_focused = focused(app, Focus::Outline);
    let block = pane("Outline", is_focused, theme);
    let inner = block.inner(area);
    block.render(area, buf);
    let current = app.current_section();
    let rows = inner.height as usize;
    // The list scrolls so that the selection (or, unfocused, the current
    // section) stays on screen; derived here, never stored.
    let follow = if is_focused {
        app.outline_selected()
    } else {
        current.unwrap_or(0)
    };
    let first = (follow + 1).saturating_sub(rows);
    for (row, (i, s)) in app
        .index()
        .brief
        .sections
        .iter()
        .enumerate()
        .skip(first)
        .take(rows)
        .enumerate()
    {
        let mark = if current == Some(i) { "▶ " } else { "  " };
        let indent = "  ".repeat(s.level.saturating_sub(1) as usize);
        let style = if is_focused && app.outline_selected() == i {
            theme.selected
        } else if s.level == 1 {
            theme.heading
        } else {
            theme.text
        };
        let line = Line::from(vec![
            Span::styled(mark, theme.marker),
            Span::styled(format!("{indent}{}", s.heading()), style),
        ]);
        buf.set_line(inner.x, inner.y + row as u16, &line, inner.width);
    }
    first
}
