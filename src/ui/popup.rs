//! Popups: a footnote with its sources and claims, the help screen, the importer's
//! warnings and the message log.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::{Theme, pane, put_lines, wrapped};
use crate::app::keymap::{self, Context, HELP_SECTIONS, Keymap};
use crate::app::layout::PopupLayout;
use crate::app::library_screen::LibraryScreen;
use crate::app::{Action, App, Popup};
use crate::brief::model::{Claim, Source};
use crate::i18n::{Lang, tr};

/// Draw the open popup, if any; returns its content and window sizes.
pub fn render(app: &App, theme: &Theme, screen: Rect, buf: &mut Buffer) -> Option<PopupLayout> {
    let popup = app.popup()?;
    let area = centered(
        screen,
        screen.width.saturating_sub(4).min(90),
        screen.height.saturating_sub(2).min(30),
    );
    super::clear(area, buf);
    let (title, lines) = match popup {
        Popup::Help => (
            tr(app.lang(), "popup.help", &[]),
            help_lines_in_order(
                &app.settings().keymap,
                app.lang(),
                theme,
                area.width.saturating_sub(2),
                app.library(),
            ),
        ),
        Popup::Footnote(n) => (
            tr(app.lang(), "popup.footnote", &[("number", &n)]),
            footnote_lines(app, theme, n, area.width.saturating_sub(2)),
        ),
        Popup::Warnings => (
            tr(app.lang(), "popup.warnings", &[]),
            warning_lines(app, theme, area.width.saturating_sub(2)),
        ),
        Popup::Recommendation(i) => (
            tr(app.lang(), "popup.recommendation", &[]),
            super::recommendation::lines(app, theme, i, area.width.saturating_sub(2)),
        ),
        Popup::Messages => (
            tr(app.lang(), "popup.messages", &[]),
            message_lines(app, theme, area.width.saturating_sub(2)),
        ),
    };
    let block = pane(&title, true, theme);
    let inner = block.inner(area);
    block.render(area, buf);
    let max = lines.len().saturating_sub(inner.height as usize);
    put_lines(&lines[app.popup_scroll().min(max)..], inner, buf);
    Some(PopupLayout {
        lines: lines.len(),
        rows: inner.height as usize,
    })
}

/// Every message the status bar showed, newest first, whole.
fn message_lines(app: &App, theme: &Theme, width: u16) -> Vec<Line<'static>> {
    let log = app.message_log();
    if log.is_empty() {
        return vec![Line::styled(
            tr(app.lang(), "popup.no_messages", &[]),
            theme.text,
        )];
    }
    log.iter()
        .rev()
        .flat_map(|m| wrapped(m, width, theme.text))
        .collect()
}

/// The importer's warnings, each with the source line it names.
fn warning_lines(app: &App, theme: &Theme, width: u16) -> Vec<Line<'static>> {
    let warnings = &app.index().brief.warnings;
    if warnings.is_empty() {
        return vec![Line::styled(
            tr(app.lang(), "popup.no_warnings", &[]),
            theme.text,
        )];
    }
    let mut lines = Vec::new();
    for w in warnings {
        let place = w.line.map_or_else(String::new, |l| {
            tr(app.lang(), "popup.warning_line", &[("line", &l)])
        });
        lines.extend(wrapped(
            &format!("{place}{}", w.text(app.lang())),
            width,
            theme.text,
        ));
        lines.push(Line::default());
    }
    lines
}

fn footnote_lines(app: &App, theme: &Theme, n: u32, width: u16) -> Vec<Line<'static>> {
    let Some(f) = app.index().brief.footnote(n) else {
        return vec![];
    };
    let heading = tr(app.lang(), "popup.note_ref", &[("number", &n)]);
    let mut lines = vec![Line::styled(heading, theme.heading)];
    let found = super::marked::footnote_matches(app, n);
    lines.extend(super::marked::wrapped_marked(
        &f.text,
        width,
        theme.text,
        &found,
        theme.current_match,
    ));
    let brief = &app.index().brief;
    for claim in brief.claims.iter().filter(|c| c.footnotes.contains(&n)) {
        lines.push(Line::default());
        lines.extend(claim_lines(app, theme, claim, width));
    }
    for s in app.index().sources_of_footnote(n) {
        lines.push(Line::default());
        lines.extend(source_lines(app.lang(), theme, s, width));
    }
    lines
}

/// The sentence a footnote marks: where it is, its text, and its sources by outlet and date.
fn claim_lines(app: &App, theme: &Theme, claim: &Claim, width: u16) -> Vec<Line<'static>> {
    let lang = app.lang();
    let section = app
        .index()
        .section_of(&claim.paragraph)
        .map_or_else(|| tr(lang, "side.summary", &[]), |s| s.heading());
    let mut lines = wrapped(
        &tr(lang, "popup.marked_sentence", &[("place", &section)]),
        width,
        theme.heading,
    );
    lines.extend(wrapped(&format!("“{}”", claim.text), width, theme.dim));
    let others: Vec<String> = app
        .index()
        .sources_of_claim(claim)
        .iter()
        .map(|s| match &s.date {
            Some(date) => format!("{} ({date})", s.outlet),
            None => s.outlet.clone(),
        })
        .collect();
    if !others.is_empty() {
        let sources = others.join(", ");
        lines.extend(wrapped(
            &tr(lang, "popup.passage_sources", &[("sources", &sources)]),
            width,
            theme.dim,
        ));
    }
    lines
}

/// A source: outlet, date and language, title, address, and the notes citing it by number.
fn source_lines(lang: Lang, theme: &Theme, s: &Source, width: u16) -> Vec<Line<'static>> {
    let date = s
        .date
        .clone()
        .unwrap_or_else(|| tr(lang, "side.no_date", &[]));
    let mut lines = vec![Line::from(vec![
        Span::styled(tr(lang, "popup.source_label", &[]), theme.marker),
        Span::raw(" "),
        Span::styled(s.outlet.clone(), theme.heading),
        Span::styled(format!(" · {date} · {}", s.lang), theme.dim),
    ])];
    lines.extend(wrapped(&s.title, width, theme.text));
    if let Some(url) = &s.url {
        lines.push(Line::styled(url.clone(), theme.dim));
    }
    let notes: Vec<String> = s
        .footnotes
        .iter()
        .map(|n| tr(lang, "popup.note_ref", &[("number", n)]))
        .collect();
    lines.extend(wrapped(
        &tr(lang, "popup.cited_by", &[("places", &notes.join(", "))]),
        width,
        theme.dim,
    ));
    lines
}

/// The help screen of the keymap as shipped.
pub fn help_lines(lang: Lang, theme: &Theme, width: u16) -> Vec<Line<'static>> {
    help_lines_for(Keymap::standard(), lang, theme, width)
}

/// The help screen, generated from the keymap in use (the user's keys first).
pub fn help_lines_for(
    keymap: &Keymap,
    lang: Lang,
    theme: &Theme,
    width: u16,
) -> Vec<Line<'static>> {
    help_lines_in_order(keymap, lang, theme, width, None)
}

/// The help screen; over the library screen, the library's sections come first, and on a
/// library opened on its own back says what it does there.
fn help_lines_in_order(
    keymap: &Keymap,
    lang: Lang,
    theme: &Theme,
    width: u16,
    library: Option<&LibraryScreen>,
) -> Vec<Line<'static>> {
    let of_library = |c: &Context| matches!(c, Context::Library | Context::LibraryInput);
    let mut sections: Vec<&(Context, &str)> = HELP_SECTIONS.iter().collect();
    if library.is_some_and(|l| l.shown) {
        sections.sort_by_key(|(c, _)| !of_library(c));
    }
    let alone = library.is_some_and(|l| l.base);
    let describe = |b: &keymap::Binding| {
        if alone && b.context == Context::Library && b.action == Action::Close {
            tr(lang, "library.close_alone", &[])
        } else {
            keymap::help_text(b, lang)
        }
    };
    let mut lines = Vec::new();
    for (context, title) in sections {
        lines.push(Line::styled(
            keymap::section_text(*context, title, lang),
            theme.heading,
        ));
        let rows: Vec<(String, String)> = keymap
            .rows()
            .iter()
            .filter(|b| b.row.context == *context)
            .map(|b| (shown_keys(&b.keys, lang), describe(b.row)))
            .collect();
        let key_w = rows
            .iter()
            .map(|(k, _)| k.chars().count())
            .max()
            .unwrap_or(0)
            .min(width as usize / 2);
        // A description too long for the row goes on under itself, not past the edge.
        let room = (width as usize).saturating_sub(key_w + 4).max(10) as u16;
        for (keys, help) in rows {
            let mut key = Span::styled(format!("  {keys:<key_w$}  "), theme.marker);
            for part in wrapped(&help, room, theme.text) {
                let mut spans = vec![key.clone()];
                spans.extend(part.spans);
                lines.push(Line::from(spans));
                key = Span::raw(" ".repeat(key_w + 4));
            }
        }
    }
    lines.extend(wrapped(&tr(lang, "popup.mouse", &[]), width, theme.dim));
    lines
}

/// A row's keys as help lists them; one the config file left without a key says so.
fn shown_keys(keys: &[String], lang: Lang) -> String {
    if keys.is_empty() {
        tr(lang, "popup.no_key", &[])
    } else {
        keys.join(" ")
    }
}

/// Draw the note editor, if open; returns where the caret is on screen.
pub fn editor(app: &App, theme: &Theme, screen: Rect, buf: &mut Buffer) -> Option<(u16, u16)> {
    let editor = app.editor()?;
    if app.areas().too_small {
        return None;
    }
    let area = centered(
        screen,
        screen.width.saturating_sub(4).min(72),
        screen.height.saturating_sub(4).min(10),
    );
    super::clear(area, buf);
    let title = editor.title(app.lang());
    let block = pane(&title, true, theme);
    let inner = block.inner(area);
    block.render(area, buf);
    editor.textarea.render(inner, buf);
    let caret = editor.textarea.screen_cursor();
    let (top, left) = editor.textarea.scroll_offset();
    let row = caret.row.saturating_sub(top as usize) as u16;
    let col = caret.col.saturating_sub(left as usize) as u16;
    Some((
        inner.x + col.min(inner.width.saturating_sub(1)),
        inner.y + row.min(inner.height.saturating_sub(1)),
    ))
}

/// A `width` x `height` rectangle in the middle of the screen.
pub(super) fn centered(screen: Rect, width: u16, height: u16) -> Rect {
    Rect {
        x: (screen.width - width) / 2,
        y: (screen.height - height) / 2,
        width,
        height,
    }
}
