//! Widgets that borrow the app and draw it; drawing never changes state.

pub mod export;
pub mod glyphs;
pub mod kept;
pub mod library;
mod library_lists;
pub use library_lists::place as hit_place;
mod marked;
pub mod outline;
pub mod popup;
pub mod reader;
pub mod recommendation;
pub mod rows;
pub mod side;
mod side_items;
pub mod status;
pub mod theme;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Widget};

use crate::app::{App, Drawn, Focus};
use crate::text::wrap;
pub use theme::Theme;

/// Draw the whole reader into a frame; returns the layout it used.
pub fn draw(app: &App, frame: &mut Frame) -> Drawn {
    let (drawn, caret) = draw_buffer(app, frame.buffer_mut());
    if let Some(caret) = caret {
        frame.set_cursor_position(caret);
    }
    drawn
}

/// Draw the whole reader, popups and dialogs included, into a frame's
/// buffer; returns the layout it used and where the terminal cursor goes
/// (the caret of the text being typed, if any).
pub fn draw_buffer(app: &App, buf: &mut Buffer) -> (Drawn, Option<(u16, u16)>) {
    let area = buf.area;
    let drawn = render(app, area, buf);
    let theme = Theme::of(app.settings().theme, app.no_color());
    // The terminal cursor sits at the caret, so an input method's preedit shows in place.
    let mut caret = popup::editor(app, theme, area, buf);
    if let Some(at) = export::render(app, theme, area, buf) {
        caret = Some(at);
    }
    if app.settings().unambiguous {
        glyphs::narrow_buffer(buf);
    }
    (drawn, caret)
}

/// Draw the whole reader into a buffer; returns the layout it used.
/// Whether a frame shows the reading pane with nothing drawn over its
/// text (no popup, editor, dialog, floating pane or narrowed glyphs), so
/// that its rows are the kept rows' cells (see [`rows`]).
pub fn plain_reader(app: &App) -> bool {
    let a = app.areas();
    let floating = a.overlay && (a.outline.width > 0 || a.side.width > 0);
    !a.too_small
        && !floating
        && !app.library().is_some_and(|l| l.shown)
        && app.popup().is_none()
        && app.editor().is_none()
        && app.export_dialog().is_none()
        && !app.settings().unambiguous
}

pub fn render(app: &App, area: Rect, buf: &mut Buffer) -> Drawn {
    let theme = *Theme::of(app.settings().theme, app.no_color());
    let a = app.areas();
    if a.too_small || a.screen != area {
        too_small(app.lang(), area, buf);
        return Drawn::default();
    }
    if let Some(screen) = app.library().filter(|l| l.shown) {
        let library_items = library::render(app, screen, &theme, area, buf);
        let popup = popup::render(app, &theme, area, buf);
        return Drawn {
            popup,
            library_items,
            ..Drawn::default()
        };
    }
    status::title_bar(app, &theme, a.title, buf);
    reader::render(app, &theme, a.reader, buf);
    let mut outline_first = 0;
    if a.outline.width > 0 {
        if a.overlay {
            clear(a.outline, buf);
        }
        outline_first = kept::outline(app, &theme, a.outline, buf);
    }
    let mut side_items = Vec::new();
    if a.side.width > 0 {
        if a.overlay {
            clear(a.side, buf);
        }
        side_items = kept::side(app, &theme, a.side, buf);
    }
    status::status_bar(app, &theme, a.status, buf);
    let popup = popup::render(app, &theme, area, buf);
    if app.settings().unambiguous {
        glyphs::narrow_buffer(buf);
    }
    Drawn {
        popup,
        outline_first,
        side_items,
        library_items: Vec::new(),
    }
}

/// Clear an area for a pane drawn over another, so that no wide character
/// of the pane below straddles its edges (the terminal would draw it over
/// the border).
pub fn clear(area: Rect, buf: &mut Buffer) {
    let bounds = buf.area;
    for y in area.top()..area.bottom() {
        if area.left() > bounds.left() {
            let left = &mut buf[(area.left() - 1, y)];
            if crate::text::str_width(left.symbol()) > 1 {
                left.set_symbol(" ");
            }
        }
        if area.right() < bounds.right() {
            let right = &mut buf[(area.right(), y)];
            if right.symbol().is_empty() {
                right.reset();
            }
        }
    }
    Clear.render(area, buf);
}

fn too_small(lang: crate::i18n::Lang, area: Rect, buf: &mut Buffer) {
    let lines =
        ["status.too_small", "status.too_small_hint"].map(|k| crate::i18n::tr(lang, k, &[]));
    for (i, l) in lines.iter().enumerate() {
        if (i as u16) < area.height {
            buf.set_stringn(
                area.x,
                area.y + i as u16,
                l,
                area.width as usize,
                Style::new(),
            );
        }
    }
}

/// A bordered pane frame, highlighted when focused.
pub fn pane<'a>(title: &'a str, focused: bool, theme: &Theme) -> Block<'a> {
    let style = if focused {
        theme.border_focus
    } else {
        theme.border
    };
    Block::new()
        .borders(Borders::ALL)
        .border_style(style)
        .title(Span::styled(title, style))
}

/// Whether a pane has the keyboard.
pub fn focused(app: &App, focus: Focus) -> bool {
    app.focus() == focus
}

/// Text wrapped with the reader's own rule, one styled line per row.
pub fn wrapped(text: &str, width: u16, style: Style) -> Vec<Line<'static>> {
    wrap(text, width.max(1) as usize)
        .into_iter()
        .map(|r| Line::styled(text[r].to_string(), style))
        .collect()
}

/// Write lines into an area, clipped to it.
pub fn put_lines(lines: &[Line], area: Rect, buf: &mut Buffer) {
    for (i, line) in lines.iter().take(area.height as usize).enumerate() {
        buf.set_line(area.x, area.y + i as u16, line, area.width);
    }
}
