//! The title bar and the status bar.

use std::cell::RefCell;

use ratatui::buffer::{Buffer, Cell};
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

use super::Theme;
use crate::app::keymap::{Context, HINTS, Hints};
use crate::app::library_screen::View;
use crate::app::{Action, App, Focus, Tab};
use crate::i18n::tr;
use crate::text::str_width;

/// Series, number, title, author, date.
pub fn title_bar(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    // The title is the reader's brief's, fitted to the width: made once
    // for both (a width lookup per character of a long title, every key).
    let key = (app.serial(), area.width);
    TITLE.with_borrow_mut(|(made_for, text)| {
        if *made_for != Some(key) {
            *text = title_text(&app.index().brief.meta, usize::from(area.width));
            *made_for = Some(key);
        }
        bar(Bar::Title, [text.as_str()], theme.bar, area, buf);
    });
}

/// The two bars.
#[derive(Clone, Copy)]
enum Bar {
    Title,
    Status,
}

/// A bar as last drawn: its parts, style and area, and the cells of its row.
#[derive(Default)]
struct KeptBar {
    parts: Vec<String>,
    style: Style,
    area: Rect,
    cells: Vec<Cell>,
    /// Names the cells in frame marks ([`super::rows::PaneMark`]).
    stamp: u64,
}

thread_local! {
    static BARS: RefCell<[KeptBar; 2]> = RefCell::default();
    /// The title bar's text, and the reader and width it was made for.
    static TITLE: RefCell<(Option<(u64, u16)>, String)> = RefCell::default();
}

/// Draw a one-row bar: its parts side by side in `style`, the rest of the
/// row in `style` too. Kept as cells and copied while the parts are the
/// same (laying a row out again looks up every grapheme's width: a tenth
/// of a keystroke at 200x50 for the two bars).
fn bar<const N: usize>(which: Bar, parts: [&str; N], style: Style, area: Rect, buf: &mut Buffer) {
    let area = area.intersection(buf.area);
    if area.is_empty() {
        return;
    }
    BARS.with_borrow_mut(|bars| {
        let kept = &mut bars[which as usize];
        let same = kept.area == area
            && kept.style == style
            && kept.parts.len() == N
            && kept.parts.iter().zip(parts).all(|(a, b)| a == b);
        if !same {
            let mut scratch = Buffer::empty(area);
            scratch.set_style(area, style);
            let line = Line::from(
                parts
                    .iter()
                    .map(|p| Span::styled(*p, style))
                    .collect::<Vec<_>>(),
            );
            scratch.set_line(area.x, area.y, &line, area.width);
            kept.cells.clear();
            kept.cells
                .extend_from_slice(&scratch.content[..usize::from(area.width)]);
            kept.parts = parts.iter().map(|p| (*p).to_owned()).collect();
            (kept.style, kept.area) = (style, area);
            kept.stamp = super::rows::new_stamp();
        }
        // Marked as a kept pane one row high: a frame that shows the same
        // bar neither copies nor compares it again.
        super::rows::kept_pane(buf, Rect { height: 1, ..area }, kept.stamp, &kept.cells);
    });
}

/// The title bar's text in `width` columns: what the header has of series and number, title,
/// author and date, with no separator around a part the brief lacks; where it is too wide, the
/// title is shortened first, so the author and date stay whole.
fn title_text(m: &crate::brief::model::Meta, width: usize) -> String {
    let joined = |parts: &[&str], sep: &str| {
        let kept: Vec<&str> = parts
            .iter()
            .map(|p| p.trim())
            .filter(|p| !p.is_empty())
            .collect();
        kept.join(sep)
    };
    let groups = [
        joined(&[&m.series, &m.number], " "),
        m.title.trim().to_string(),
        joined(&[&m.author, &m.date], " · "),
    ];
    let line = |groups: &[String]| {
        let shown: Vec<&str> = groups
            .iter()
            .map(String::as_str)
            .filter(|g| !g.is_empty())
            .collect();
        format!(" {}", shown.join(" │ "))
    };
    let full = line(&groups);
    let over = str_width(&full).saturating_sub(width);
    let title = str_width(&groups[1]);
    if over == 0 || title < over + TITLE_AT_LEAST {
        return fit(&full, width);
    }
    let mut shortened = groups;
    shortened[1] = fit(&shortened[1], title - over);
    line(&shortened)
}

/// The fewest columns a shortened title keeps in the title bar.
const TITLE_AT_LEAST: usize = 8;

/// Mode, search count, message or the focused pane's key hints, then section and position %.
pub fn status_bar(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let left = left_part(app);
    // The section's title yields to a message or the hints, down to a minimum.
    let keep_for_middle = 30;
    let room_for_right =
        (area.width as usize).saturating_sub(str_width(&left) + 2 + keep_for_middle);
    let right = right_part(app, room_for_right);
    let room = (area.width as usize).saturating_sub(str_width(&left) + str_width(&right) + 2);
    let middle = if !app.message().is_empty() {
        fit(app.message(), room)
    } else if let Some(e) = &app.notes().save_error {
        fit(e, room)
    } else {
        whole_hints(&key_hints(app), room)
    };
    let gap = (area.width as usize)
        .saturating_sub(str_width(&left) + 2 + str_width(&middle) + str_width(&right));
    let middle = format!("│ {middle}{}", " ".repeat(gap));
    bar(Bar::Status, [&left, &middle, &right], theme.bar, area, buf);
}

/// The mode, the search or filter, keys typed so far, the warnings count.
fn left_part(app: &App) -> String {
    let lang = app.lang();
    let search = app.search();
    let mode = match app.context() {
        _ if app.export_dialog().is_some() => "export_dialog.mode",
        Context::Editor => "mode.edit",
        Context::Search if search.filtering => "mode.filter",
        Context::Search => "mode.search",
        Context::Popup | Context::Recommendation => "mode.popup",
        Context::Visual => "mode.visual",
        Context::Library | Context::LibraryInput => "mode.library",
        Context::Normal => match app.focus() {
            Focus::Reader => "mode.read",
            Focus::Outline => "mode.outline",
            Focus::Side => "mode.linked",
        },
    };
    let mut left = format!(" {} ", tr(lang, mode, &[]));
    if search.filtering && (search.active || !app.list_filter().is_empty()) {
        let query = app.list_filter();
        left += &format!("│ {} ", tr(lang, "status.filter", &[("query", &query)]));
    } else if !search.matches.is_empty() || search.active {
        left += &format!("│ /{} {} ", search.query, search.count());
    }
    let pending = app.pending().shown();
    if !pending.is_empty() {
        left += &format!("│ {pending} ");
    }
    let count = app.index().brief.warnings.len();
    if count > 0 {
        let key = if count == 1 {
            "status.warning_one"
        } else {
            "status.warnings"
        };
        left += &format!("│ {} ", tr(lang, key, &[("count", &count)]));
    }
    left
}

/// Page, section and how far into the text, in at most about `room` columns (the section's
/// title is cut, with `…`, to make room; never below a few characters).
fn right_part(app: &App, room: usize) -> String {
    let percent = if app.max_top() == 0 {
        100
    } else {
        app.top() * 100 / app.max_top()
    };
    let section = app.current_section().map_or_else(
        || tr(app.lang(), "side.summary", &[]),
        |i| {
            let s = &app.index().brief.sections[i];
            s.heading()
        },
    );
    let page = page_at_top(app).map_or_else(String::new, |p| format!(" p. {p} │"));
    let frame = str_width(&page) + format!("  │ {percent}% ").len();
    let section = fit(&section, room.saturating_sub(frame).max(8));
    format!("{page} {section} │ {percent}% ")
}

/// As many whole hints as fit in `width` columns.
pub(super) fn whole_hints(hints: &[String], width: usize) -> String {
    let mut out = String::new();
    for h in hints {
        let sep = if out.is_empty() { "" } else { "  " };
        if str_width(&out) + sep.len() + str_width(h) > width {
            break;
        }
        out += sep;
        out += h;
    }
    out
}

/// The keys of the mode, or in reading mode of the focused pane, from the keymap table.
pub fn key_hints(app: &App) -> Vec<String> {
    let which = match app.context() {
        Context::Editor => Hints::Editor,
        Context::Popup => Hints::Popup,
        Context::Recommendation => Hints::Recommendation,
        Context::Search => Hints::Search,
        Context::Visual => Hints::Visual,
        Context::Library => Hints::Library,
        Context::LibraryInput => Hints::LibraryInput,
        Context::Normal => match app.focus() {
            Focus::Reader => Hints::Reader,
            Focus::Outline => Hints::Outline,
            Focus::Side if app.tab() == Tab::Entities => Hints::Entities,
            Focus::Side => Hints::Side,
        },
    };
    let Some((_, context, actions)) = HINTS.iter().find(|(h, _, _)| *h == which) else {
        return Vec::new();
    };
    actions
        .iter()
        .filter_map(|(action, word)| {
            let word = match (which, action) {
                (Hints::Library, Action::Close) => library_back(app, word)?,
                _ => word,
            };
            let key = app.settings().keymap.first_key(*context, *action)?;
            Some(format!("{key} {}", hint_word(app.lang(), word)))
        })
        .collect()
}

/// What back does on the library screen: with nothing under it (`brief library`), it clears
/// the view's filter or search, and with nothing typed it does nothing, so it is not hinted.
fn library_back(app: &App, word: &'static str) -> Option<&'static str> {
    let Some(screen) = app.library().filter(|l| l.base) else {
        return Some(word);
    };
    match screen.view {
        _ if screen.typed().is_empty() => None,
        View::Hits => Some("clear search"),
        _ => Some("clear filter"),
    }
}

/// A hint's word in `lang`: `hint.go_to_section` for "go to section", else the word itself.
fn hint_word(lang: crate::i18n::Lang, word: &str) -> String {
    let key = format!("hint.{}", word.replace(' ', "_"));
    let found = tr(lang, &key, &[]);
    if found == key { word.to_owned() } else { found }
}

/// `text` cut to at most `width` columns, never inside a character; a cut ends in `…`.
pub use crate::text::ellipsize as fit;

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

#[cfg(test)]
mod tests {
    use super::title_text;
    use crate::brief::model::Meta;

    #[test]
    fn the_title_bar_leaves_out_what_the_header_lacks() {
        let full = Meta {
            series: "이슈브리프".into(),
            number: "No. 2025-09".into(),
            title: "제목".into(),
            author: "이상준".into(),
            date: "2025-03-24".into(),
            ..Meta::default()
        };
        assert_eq!(
            title_text(&full, 80),
            " 이슈브리프 No. 2025-09 │ 제목 │ 이상준 · 2025-03-24"
        );
        let bare = Meta {
            title: "테스트 브리프".into(),
            ..Meta::default()
        };
        assert_eq!(title_text(&bare, 80), " 테스트 브리프");
        let no_author = Meta {
            date: "2025-03-24".into(),
            ..bare
        };
        assert_eq!(title_text(&no_author, 80), " 테스트 브리프 │ 2025-03-24");
    }

    #[test]
    fn a_title_too_wide_is_shortened_and_the_date_stays_whole() {
        let seed = Meta {
            series: "이슈브리프".into(),
            number: "No. 2025-09".into(),
            title: "2025년 북러 관계 전망과 한국의 대응".into(),
            author: "이상준".into(),
            date: "2025-03-24".into(),
            ..Meta::default()
        };
        let line = title_text(&seed, 80);
        assert_eq!(crate::text::str_width(&line), 80, "{line}");
        assert!(line.ends_with("│ 이상준 · 2025-03-24"), "{line}");
        assert!(line.contains("│ 2025년 북러 관계 전망과 한국의"), "{line}");
        assert!(line.contains("… │ 이상준"), "{line}");
        // Too narrow to keep a title worth reading: the line is cut at its end instead.
        let narrow = title_text(&seed, 40);
        assert!(crate::text::str_width(&narrow) <= 40, "{narrow}");
        assert!(
            narrow.starts_with(" 이슈브리프 No. 2025-09 │ 2025년"),
            "{narrow}"
        );
        assert!(narrow.ends_with('…'), "{narrow}");
    }
}
