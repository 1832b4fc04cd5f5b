//! The library screen: a title bar, the views (briefs, search hits, notes), the list of the
//! view shown, the selected brief in full, and a status bar with the keys or what is typed.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::status::{fit, key_hints, whole_hints};
use super::{Theme, library_lists};
use crate::app::App;
use crate::app::library_screen::{LibraryScreen, ShelfRow, View};
use crate::i18n::{Lang, tr};
use crate::text::str_width;

/// Draw the library screen over the whole area; returns the rows its list's items were drawn
/// on (for the mouse).
pub fn render(
    app: &App,
    screen: &LibraryScreen,
    theme: &Theme,
    area: Rect,
    buf: &mut Buffer,
) -> Vec<(u16, usize)> {
    let lang = app.lang();
    let [title, views, body, detail, status] = rows(area);
    bar(&title_text(screen, lang), theme, title, buf);
    views_line(screen, lang, theme, views, buf);
    let items = match screen.view {
        View::Briefs => briefs(screen, lang, theme, body, buf),
        View::Hits => library_lists::hits(screen, lang, theme, body, buf),
        View::Notes => library_lists::notes(screen, lang, theme, body, buf),
    };
    detail_line(screen, lang, theme, detail, buf);
    status_line(app, screen, theme, status, buf);
    items
}

fn rows(area: Rect) -> [Rect; 5] {
    let row = |y: u16, h: u16| Rect::new(area.x, area.y + y, area.width, h);
    let body = area.height.saturating_sub(4);
    [
        row(0, 1),
        row(1, 1),
        row(2, body),
        row(2 + body, 1),
        row(3 + body, 1),
    ]
}

/// A whole-width bar.
fn bar(text: &str, theme: &Theme, area: Rect, buf: &mut Buffer) {
    buf.set_style(area, theme.bar);
    let shown = fit(text, area.width as usize);
    buf.set_line(area.x, area.y, &Line::styled(shown, theme.bar), area.width);
}

fn title_text(screen: &LibraryScreen, lang: Lang) -> String {
    let n = screen.rows.len();
    let by = tr(lang, screen.sort.key(), &[]);
    let mut out = format!(
        " {} │ {} │ {}",
        tr(lang, "library.title", &[]),
        tr(lang, "library.briefs_count", &[("n", &n)]),
        tr(lang, "library.sort", &[("by", &by)])
    );
    let (key, text) = typed(screen);
    if !text.is_empty() && !screen.typing {
        out += &format!(" │ {}", tr(lang, key, &[("text", &text)]));
    }
    out
}

/// What is typed in the view shown, with the catalogue key of its prompt.
fn typed(screen: &LibraryScreen) -> (&'static str, &str) {
    match screen.view {
        View::Briefs => ("library.filter_prompt", &screen.filter),
        View::Hits => ("library.search_prompt", &screen.query),
        View::Notes => ("library.filter_prompt", &screen.notes_filter),
    }
}

fn views_line(screen: &LibraryScreen, lang: Lang, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let briefs = screen.listed().len();
    let hits = screen.hit_list().len();
    let labels = [
        (
            View::Briefs,
            tr(lang, "library.view_briefs", &[("n", &briefs)]),
        ),
        (View::Hits, tr(lang, "library.view_hits", &[("n", &hits)])),
        (View::Notes, tr(lang, "library.view_notes", &[])),
    ];
    let mut spans = vec![Span::raw(" ")];
    for (i, (view, label)) in labels.into_iter().enumerate() {
        if i > 0 {
            spans.push(Span::styled(" │ ", theme.dim));
        }
        let style = if view == screen.view {
            theme.selected
        } else {
            theme.text
        };
        spans.push(Span::styled(label, style));
    }
    buf.set_line(area.x, area.y, &Line::from(spans), area.width);
}

/// The columns shown at a width: (catalogue key of the header, width); a width of 0 takes
/// what is left.
fn columns(width: u16) -> Vec<(&'static str, usize)> {
    let mut cols = vec![("library.col_no", 12), ("library.col_title", 0)];
    if width >= 150 {
        cols[0] = ("library.col_number", 22);
        cols.extend([("library.col_authors", 20), ("library.col_institute", 32)]);
    } else if width >= 100 {
        cols.extend([("library.col_authors", 12), ("library.col_institute", 16)]);
    } else {
        cols.push(("library.col_institute", 12));
    }
    cols.push(("library.col_date", 10));
    if width >= 100 {
        cols.push(("library.col_pages", 5));
    }
    cols.push(("library.col_notes", 5));
    let fixed: usize = cols.iter().map(|(_, w)| w + 1).sum();
    let rest = (width as usize).saturating_sub(fixed + 1).max(4);
    for col in &mut cols {
        if col.1 == 0 {
            col.1 = rest;
        }
    }
    cols
}

fn cell(row: &ShelfRow, key: &str) -> String {
    match key {
        "library.col_number" => format!("{} {}", row.series, row.number),
        "library.col_no" => row.number.clone(),
        "library.col_title" => row.title.clone(),
        "library.col_authors" => row.authors.clone(),
        "library.col_institute" => row.institute.clone(),
        "library.col_date" => row.date.clone(),
        "library.col_pages" => row.pages.map_or_else(String::new, |p| p.to_string()),
        _ => row.notes.to_string(),
    }
}

/// Cells fitted and padded to their columns, after `lead` (the selection's mark or a space).
fn line_of(lead: &str, cells: impl Iterator<Item = (String, usize)>) -> String {
    let mut out = String::from(lead);
    for (text, width) in cells {
        let shown = fit(text.trim(), width);
        let pad = width.saturating_sub(str_width(&shown));
        out += &shown;
        out += &" ".repeat(pad + 1);
    }
    out
}

/// The first row shown so that row `selected` is on screen.
pub(super) fn first_shown(selected: usize, height: usize) -> usize {
    (selected + 1).saturating_sub(height.max(1))
}

fn briefs(
    screen: &LibraryScreen,
    lang: Lang,
    theme: &Theme,
    area: Rect,
    buf: &mut Buffer,
) -> Vec<(u16, usize)> {
    let cols = columns(area.width);
    let header = line_of(" ", cols.iter().map(|(k, w)| (tr(lang, k, &[]), *w)));
    let header_line = Line::styled(header, theme.heading);
    buf.set_line(area.x, area.y, &header_line, area.width);
    let listed = screen.listed();
    let height = area.height.saturating_sub(1) as usize;
    if listed.is_empty() {
        let key = if screen.rows.is_empty() {
            "library.empty"
        } else {
            "library.no_match"
        };
        let said = tr(lang, key, &[("query", &screen.filter)]);
        put(area.x, area.y + 1, &said, theme.dim, area.width, buf);
        return Vec::new();
    }
    let first = first_shown(screen.selected(), height);
    let mut items = Vec::new();
    for (i, at) in listed.iter().enumerate().skip(first).take(height) {
        let row = &screen.rows[*at];
        let chosen = i == screen.selected();
        let lead = if chosen { "▶" } else { " " };
        let text = line_of(lead, cols.iter().map(|(k, w)| (cell(row, k), *w)));
        let style = if chosen { theme.selected } else { theme.text };
        let y = area.y + 1 + (i - first) as u16;
        put(area.x, y, &text, style, area.width, buf);
        items.push((y, i));
    }
    items
}

/// One line of text in a style, the row filled with it.
pub(super) fn put(x: u16, y: u16, text: &str, style: Style, width: u16, buf: &mut Buffer) {
    let shown = fit(text, width as usize);
    let pad = (width as usize).saturating_sub(str_width(&shown));
    let line = Line::styled(shown + &" ".repeat(pad), style);
    buf.set_line(x, y, &line, width);
}

/// The selected brief in full (its title, authors, institute, pages and notes).
fn detail_line(screen: &LibraryScreen, lang: Lang, theme: &Theme, area: Rect, buf: &mut Buffer) {
    if screen.view != View::Briefs {
        return;
    }
    let Some(at) = screen.listed().get(screen.selected()).copied() else {
        return;
    };
    let r = &screen.rows[at];
    let mut parts = vec![r.title.clone()];
    parts.extend([&r.authors, &r.institute].into_iter().cloned());
    parts.extend(r.pages.map(|p| tr(lang, "library.pages", &[("n", &p)])));
    parts.push(tr(lang, "library.notes_count", &[("n", &r.notes)]));
    parts.retain(|p| !p.trim().is_empty());
    let text = format!(" {}", parts.join(" · "));
    put(area.x, area.y, &text, theme.dim, area.width, buf);
}

fn status_line(app: &App, screen: &LibraryScreen, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let lang = app.lang();
    let left = format!(" {} │ ", tr(lang, "mode.library", &[]));
    let room = (area.width as usize).saturating_sub(str_width(&left));
    let middle = if screen.typing {
        let (key, text) = typed(screen);
        let prompt = tr(lang, key, &[("text", &text)]);
        let hints = whole_hints(&key_hints(app), room.saturating_sub(str_width(&prompt) + 3));
        format!("{prompt}▏  {hints}")
    } else if !app.message().is_empty() {
        app.message().to_owned()
    } else {
        whole_hints(&key_hints(app), room)
    };
    bar(&(left + &middle), theme, area, buf);
}
