//! The outline: the summary, sections and sub-sections, and the notes, the
//! current one marked; cut titles end in `…`, and the focused entry's whole
//! title shows at the pane's bottom.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::{Theme, focused, pane, wrapped};
use crate::app::document::BlockKind;
use crate::app::{App, Focus};
use crate::text::ellipsize;

/// Rows at most that the focused entry's whole title takes at the bottom.
const TOOLTIP_ROWS: usize = 3;

/// Draw the outline pane; returns the index of the entry on its first row.
pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) -> usize {
    let is_focused = focused(app, Focus::Outline);
    let title = crate::i18n::tr(app.lang(), "pane.outline", &[]);
    let block = pane(&title, is_focused, theme);
    let inner = block.inner(area);
    block.render(area, buf);
    let entries = app.outline_entries();
    let current = app.current_outline_entry();
    let blocks = &app.doc().blocks;
    let level = |b: usize| match blocks[b].kind {
        BlockKind::Heading(l) => l.max(1),
        _ => 1,
    };
    let tooltip = if is_focused {
        let title = entries
            .get(app.outline_selected())
            .map_or("", |b| blocks[*b].text.as_str());
        let mut lines = wrapped(title, inner.width, theme.bar);
        lines.truncate(TOOLTIP_ROWS.min((inner.height as usize).saturating_sub(2)));
        lines
    } else {
        Vec::new()
    };
    let rows = (inner.height as usize).saturating_sub(tooltip.len());
    // The list scrolls so that the selection (or, unfocused, the current
    // entry) stays on screen; derived here, never stored.
    let follow = if is_focused {
        app.outline_selected()
    } else {
        current.unwrap_or(0)
    };
    let first = (follow + 1).saturating_sub(rows.max(1));
    let width = (inner.width as usize).saturating_sub(2);
    for (row, (i, b)) in entries
        .iter()
        .enumerate()
        .skip(first)
        .take(rows)
        .enumerate()
    {
        let mark = if current == Some(i) { "▶ " } else { "  " };
        let indent = "  ".repeat(usize::from(level(*b) - 1));
        let style = if is_focused && app.outline_selected() == i {
            theme.selected
        } else if level(*b) == 1 {
            theme.heading
        } else {
            theme.text
        };
        let title = ellipsize(&format!("{indent}{}", blocks[*b].text), width);
        let line = Line::from(vec![
            Span::styled(mark, theme.marker),
            Span::styled(title, style),
        ]);
        buf.set_line(inner.x, inner.y + row as u16, &line, inner.width);
    }
    for (k, line) in tooltip.iter().enumerate() {
        let y = inner.y + (rows + k) as u16;
        buf.set_style(Rect::new(inner.x, y, inner.width, 1), theme.bar);
        buf.set_line(inner.x, y, line, inner.width);
    }
    first
}
