//! The export dialog: the formats, the file's path and the keys of the step it is at.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::{Theme, pane, put_lines};
use crate::app::App;
use crate::app::export::{Dialog, Format, Step};
use crate::i18n::tr;

/// Rows the dialog needs: borders, the formats with their heading and the bibliography's
/// switch, the path with its heading, the keys, and a blank row between the three.
const HEIGHT: u16 = 2 + 1 + Format::ALL.len() as u16 + 1 + 1 + 2 + 1 + 1;

/// The path field's row inside the dialog.
const FIELD_ROW: u16 = 1 + Format::ALL.len() as u16 + 1 + 2;

/// Draw the dialog, if open; where the terminal's cursor goes (the path's caret, so an
/// input method's preedit shows in place).
pub fn render(app: &App, theme: &Theme, screen: Rect, buf: &mut Buffer) -> Option<(u16, u16)> {
    let dialog = app.export_dialog()?;
    if app.areas().too_small {
        return None;
    }
    let width = screen.width.saturating_sub(4).min(64);
    let area = super::popup::centered(screen, width, HEIGHT.min(screen.height));
    super::clear(area, buf);
    let title = format!(" {} ", tr(app.lang(), "export_dialog.title", &[]));
    let block = pane(&title, true, theme);
    let framed = block.inner(area);
    block.render(area, buf);
    // A column of room inside each border.
    let inner = Rect {
        x: framed.x + 1,
        width: framed.width.saturating_sub(2),
        ..framed
    };
    let lines = lines(app, dialog, theme);
    put_lines(&lines, inner, buf);
    let field_row = FIELD_ROW;
    if field_row >= inner.height || dialog.step == Step::Format {
        return None;
    }
    let field = Rect {
        x: inner.x + 2,
        y: inner.y + field_row,
        width: inner.width.saturating_sub(2),
        height: 1,
    };
    buf.set_style(field, theme.selected);
    dialog.path.render(field, buf);
    let caret = dialog.path.screen_cursor();
    let (_, left) = dialog.path.scroll_offset();
    let col = caret.col.saturating_sub(left as usize) as u16;
    Some((field.x + col.min(field.width.saturating_sub(1)), field.y))
}

/// Every row but the path's field, which the text area draws.
fn lines(app: &App, dialog: &Dialog, theme: &Theme) -> Vec<Line<'static>> {
    let lang = app.lang();
    let mut lines = vec![Line::styled(
        tr(lang, "export_dialog.format", &[]),
        theme.heading,
    )];
    for (i, format) in Format::ALL.iter().enumerate() {
        let chosen = i == dialog.chosen;
        let mark = if chosen { ">" } else { " " };
        let style = if chosen && dialog.step == Step::Format {
            theme.selected
        } else if chosen {
            theme.heading
        } else {
            theme.text
        };
        lines.push(Line::from(vec![
            Span::styled(format!(" {mark} {} ", i + 1), theme.text),
            Span::styled(format.label(lang), style),
        ]));
    }
    let mark = if dialog.bibliography { "[x]" } else { "[ ]" };
    lines.push(Line::from(vec![
        Span::styled(format!("   b {mark} "), theme.text),
        Span::styled(tr(lang, "export_dialog.bibliography", &[]), theme.text),
    ]));
    lines.push(Line::default());
    lines.push(Line::styled(
        tr(lang, "export_dialog.file", &[]),
        theme.heading,
    ));
    lines.push(Line::default());
    lines.push(Line::default());
    let keys = match &dialog.step {
        Step::Format => "export_dialog.keys_format",
        Step::Path => "export_dialog.keys_path",
        Step::Confirm(_) => "export_dialog.keys_confirm",
    };
    lines.push(Line::styled(tr(lang, keys, &[]), theme.dim));
    lines
}
