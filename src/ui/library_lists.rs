//! The library screen's other lists: the hits of a search across the library, grouped by
//! brief, and every note of the library.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;

use super::Theme;
use super::library::{first_shown, put};
use super::status::fit;
use crate::app::library_screen::LibraryScreen;
use crate::brief::search::{Hit, Part};
use crate::i18n::{Lang, tr};

/// A line of a list: its text, its style, and which selectable row it belongs to.
struct Row {
    text: String,
    style: Style,
    item: Option<usize>,
}

/// Draw `rows` so that the selected item's lines are on screen; returns the screen rows that
/// show an item, with the item.
fn draw(
    rows: &[Row],
    selected: usize,
    theme: &Theme,
    area: Rect,
    buf: &mut Buffer,
) -> Vec<(u16, usize)> {
    let last = rows
        .iter()
        .rposition(|r| r.item == Some(selected))
        .unwrap_or(0);
    let first = first_shown(last, area.height as usize);
    let mut items = Vec::new();
    for (i, row) in rows
        .iter()
        .skip(first)
        .take(area.height as usize)
        .enumerate()
    {
        let chosen = row.item == Some(selected);
        let style = if chosen { theme.selected } else { row.style };
        // The selected item's first line carries the mark.
        let first_line = chosen && (first + i == 0 || rows[first + i - 1].item != row.item);
        let text = match row.text.strip_prefix(' ') {
            Some(rest) if first_line => format!("▶{rest}"),
            _ => row.text.clone(),
        };
        let y = area.y + i as u16;
        put(area.x, y, &text, style, area.width, buf);
        items.extend(row.item.map(|item| (y, item)));
    }
    items
}

/// A line in place of the list (nothing on it to click).
fn say(text: &str, theme: &Theme, area: Rect, buf: &mut Buffer) -> Vec<(u16, usize)> {
    if area.height > 0 {
        put(area.x, area.y, text, theme.dim, area.width, buf);
    }
    Vec::new()
}

/// The widest a section's heading is shown before a hit.
const HEADING_WIDTH: usize = 28;

/// Where a hit is, as a reader finds it: its section and page (or the paragraph's position
/// in the section), a footnote by its number, the source list.
pub fn place(hit: &Hit, lang: Lang) -> String {
    match hit.part {
        Part::Body => {
            let Some((heading, n)) = &hit.within else {
                return hit.page.map_or_else(String::new, |p| format!("p. {p}"));
            };
            let section = if heading.is_empty() {
                tr(lang, "side.summary", &[])
            } else {
                fit(heading, HEADING_WIDTH)
            };
            match hit.page {
                Some(page) => tr(
                    lang,
                    "popup.place_page",
                    &[("section", &section), ("page", &page)],
                ),
                None => tr(
                    lang,
                    "popup.place",
                    &[("section", &section), ("paragraph", n)],
                ),
            }
        }
        Part::Footnote => tr(
            lang,
            "library.in_footnote",
            &[("n", &hit.footnote.unwrap_or(0))],
        ),
        Part::Source => tr(lang, "library.in_source", &[]),
    }
}

/// The hits of the library search, under a heading per brief.
pub fn hits(
    screen: &LibraryScreen,
    lang: Lang,
    theme: &Theme,
    area: Rect,
    buf: &mut Buffer,
) -> Vec<(u16, usize)> {
    if screen.query.trim().is_empty() {
        return say(&tr(lang, "library.search_hint", &[]), theme, area, buf);
    }
    if screen.hits.is_empty() {
        let said = tr(lang, "library.no_match", &[("query", &screen.query)]);
        return say(&said, theme, area, buf);
    }
    let mut rows = Vec::new();
    let mut item = 0;
    for brief in &screen.hits {
        let n = brief.hits.len();
        let count = tr(lang, "library.hits_in_brief", &[("n", &n)]);
        rows.push(Row {
            text: format!(" {} {} ({count})", brief.number, brief.title),
            style: theme.heading,
            item: None,
        });
        for hit in &brief.hits {
            rows.push(Row {
                text: format!("   {}: {}", place(hit, lang), hit.snippet),
                style: theme.text,
                item: Some(item),
            });
            item += 1;
        }
    }
    draw(&rows, screen.selected(), theme, area, buf)
}

/// Every note of the library (filtered): its brief and quote, then its text and tags.
pub fn notes(
    screen: &LibraryScreen,
    lang: Lang,
    theme: &Theme,
    area: Rect,
    buf: &mut Buffer,
) -> Vec<(u16, usize)> {
    let Some(all) = &screen.notes else {
        return say(&tr(lang, "library.reading_notes", &[]), theme, area, buf);
    };
    let shown = screen.note_list();
    if shown.is_empty() {
        let key = if all.is_empty() {
            "library.no_notes"
        } else {
            "library.no_match"
        };
        let said = tr(lang, key, &[("query", &screen.notes_filter)]);
        return say(&said, theme, area, buf);
    }
    let mut rows = Vec::new();
    for (item, at) in shown.iter().enumerate() {
        let n = &all[*at];
        rows.push(Row {
            text: format!(" “{}” │ {}", n.quote.replace('\n', " "), n.label),
            style: theme.heading,
            item: Some(item),
        });
        let tags: Vec<String> = n.tags.iter().map(|t| format!("#{t}")).collect();
        let text = [n.note.replace('\n', " "), tags.join(" ")]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join("  ");
        rows.push(Row {
            text: format!("   ✎ {text}"),
            style: theme.text,
            item: Some(item),
        });
    }
    draw(&rows, screen.selected(), theme, area, buf)
}
