//! The reading pane: wrapped text with markers, matches and highlights.

use std::cell::RefCell;
use std::ops::Range;

use ratatui::buffer::{Buffer, Cell};
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::widgets::Widget;

use super::rows::Run;
use super::{Theme, focused, pane};
use crate::app::document::{BlockKind, Pos};
use crate::app::{App, Focus, Tab};

/// A pane's border as last drawn, by what it was drawn from.
#[derive(Default)]
struct Border {
    key: Option<(Rect, String, bool, Theme)>,
    /// The top and bottom rows, then the left and right columns between them.
    cells: Vec<Cell>,
    /// Name the four edges (in that order) in frame marks
    /// ([`super::rows::PaneMark`]), each its own: no two compare alike.
    stamps: [u64; 4],
}

thread_local! {
    static BORDER: RefCell<Border> = RefCell::default();
}

/// Draw the reader's border and title; the area inside it. Kept as cells:
/// ratatui's block also restyles every cell inside it (a tenth of a
/// keystroke at 200x50), to no effect with no style of its own.
fn border(title: &str, focused: bool, theme: &Theme, area: Rect, buf: &mut Buffer) -> Rect {
    let area = area.intersection(buf.area);
    let block = pane(title, focused, theme);
    let inner = block.inner(area);
    if area.width < 2 || area.height < 2 {
        block.render(area, buf);
        return inner;
    }
    let (top, bottom) = (area.top(), area.bottom() - 1);
    let (left, right) = (area.left(), area.right() - 1);
    let sides = top + 1..bottom;
    // The edges as areas, marked in frames as kept panes are: a frame
    // that shows the same border neither copies nor compares it again.
    let edges = [
        Rect::new(left, top, area.width, 1),
        Rect::new(left, bottom, area.width, 1),
        Rect::new(left, top + 1, 1, bottom - top - 1),
        Rect::new(right, top + 1, 1, bottom - top - 1),
    ];
    BORDER.with_borrow_mut(|kept| {
        let key = (area, title.to_owned(), focused, *theme);
        if kept.key.as_ref() != Some(&key) {
            for edge in edges {
                super::rows::held_pane(buf, edge, None);
            }
            // Drawn in place (with no style of its own the block leaves the
            // cells inside it as they are), then kept.
            block.render(area, buf);
            kept.cells.clear();
            for y in [top, bottom] {
                let start = buf.index_of(left, y);
                kept.cells
                    .extend_from_slice(&buf.content[start..=start + usize::from(right - left)]);
            }
            for x in [left, right] {
                kept.cells
                    .extend(sides.clone().map(|y| buf[(x, y)].clone()));
            }
            kept.key = Some(key);
            kept.stamps = std::array::from_fn(|_| super::rows::new_stamp());
            for (edge, stamp) in edges.into_iter().zip(kept.stamps) {
                super::rows::put_pane(edge, stamp);
            }
            return;
        }
        // The kept cells hold each edge's cells in a run of its own.
        let (width, height) = (usize::from(area.width), sides.len());
        let runs = [
            0..width,
            width..2 * width,
            2 * width..2 * width + height,
            2 * width + height..2 * (width + height),
        ];
        for ((edge, stamp), run) in edges.into_iter().zip(kept.stamps).zip(runs) {
            super::rows::kept_pane(buf, edge, stamp, &kept.cells[run]);
        }
    });
    inner
}

/// Draw the reader pane.
pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let title = app.index().brief.meta.title.as_str();
    let inner = border(title, focused(app, Focus::Reader), theme, area, buf);
    let layers = Layers::new(app, theme);
    let mut runs = Vec::new();
    for (row, n) in app.visible_lines().enumerate() {
        let l = &app.doc().lines[n];
        let b = &app.doc().blocks[l.block];
        let text = &b.text[l.bytes.clone()];
        let base = match b.kind {
            BlockKind::Title => theme.title,
            BlockKind::Heading(_) => theme.heading,
            BlockKind::Byline | BlockKind::Footnote(_) => theme.dim,
            BlockKind::Paragraph => theme.text,
        };
        let chars = l.first_char..l.first_char + text.chars().count();
        runs.clear();
        if layers.plain(app, l.block, &chars) {
            runs.push((0..text.len(), base));
        } else {
            styled_runs(text, l.first_char, &mut runs, |offset| {
                layers.style(app, theme, l.block, offset, base)
            });
        }
        let at = Rect::new(inner.x, inner.y + row as u16, inner.width, 1);
        super::rows::put(buf, at, n, text, &runs);
    }
    super::rows::end_pane(buf);
}

/// Group the chars of a line into runs of equal style.
fn styled_runs(text: &str, first: usize, runs: &mut Vec<Run>, style_at: impl Fn(usize) -> Style) {
    let mut start = 0;
    let mut current: Option<Style> = None;
    for (i, (byte, _)) in text.char_indices().enumerate() {
        let s = style_at(first + i);
        if current != Some(s) {
            if let Some(c) = current {
                runs.push((start..byte, c));
            }
            current = Some(s);
            start = byte;
        }
    }
    if let Some(c) = current {
        runs.push((start..text.len(), c));
    }
}

/// Highlight ranges for the blocks on screen, computed once per frame.
struct Layers {
    entities: Vec<(usize, Range<usize>)>,
    unsourced: Vec<(usize, Range<usize>)>,
    matches: Vec<(usize, Range<usize>, bool)>,
    selected_footnote: Option<u32>,
    annotations: Vec<(usize, Range<usize>, Style)>,
}

impl Layers {
    fn new(app: &App, theme: &Theme) -> Layers {
        let visible = app.visible_blocks();
        let block_of = |paragraph: &str| {
            let order = app.index().place(paragraph)?.order;
            app.doc()
                .block_of_paragraph(order)
                .filter(|b| visible.contains(b))
        };
        let mut entities = Vec::new();
        if app.show_entities() {
            for e in &app.index().brief.entities {
                for m in &e.mentions {
                    if let Some(b) = m.paragraph.as_deref().and_then(block_of) {
                        entities.push((b, app.doc().display_range(b, m.start, m.end)));
                    }
                }
            }
        }
        let mut unsourced = Vec::new();
        if app.show_unsourced() {
            for c in &app.index().brief.unsourced_claims {
                if let Some(b) = block_of(&c.paragraph) {
                    unsourced.push((b, app.doc().display_range(b, c.start, c.end)));
                }
            }
        }
        let selected_footnote = (app.tab() == Tab::Citations && app.focus() == Focus::Side)
            .then(|| app.citations().get(app.selected()).copied())
            .flatten();
        let matches = app
            .search()
            .matches
            .iter()
            .enumerate()
            .filter(|(_, m)| visible.contains(&m.block))
            .map(|(i, m)| (m.block, m.range.clone(), app.search().current == Some(i)))
            .collect();
        let mut annotations = Vec::new();
        for b in visible.clone() {
            for (i, r) in app.annotations_in(b) {
                let a = &app.notes().list[i];
                let mut style = theme.highlight(a.colour);
                if !a.note.is_empty() {
                    style = style.add_modifier(Modifier::UNDERLINED);
                }
                if a.approximate.is_some() {
                    style = style.add_modifier(Modifier::ITALIC | Modifier::DIM);
                }
                annotations.push((b, r, style));
            }
        }
        Layers {
            entities,
            unsourced,
            matches,
            selected_footnote,
            annotations,
        }
    }

    /// Whether chars `chars` of `block` have the base style alone: then a
    /// line is one span, with no per-char style lookups.
    fn plain(&self, app: &App, block: usize, chars: &Range<usize>) -> bool {
        let meets =
            |b: usize, r: &Range<usize>| b == block && r.start < chars.end && chars.start < r.end;
        let cursor = app.cursor();
        !(self.entities.iter().any(|(b, r)| meets(*b, r))
            || self.unsourced.iter().any(|(b, r)| meets(*b, r))
            || self.annotations.iter().any(|(b, r, _)| meets(*b, r))
            || self.matches.iter().any(|(b, r, _)| meets(*b, r))
            || app.flash().as_ref().is_some_and(|(b, r)| meets(*b, r))
            || app.doc().blocks[block]
                .markers
                .iter()
                .any(|m| meets(block, &(m.start..m.end)))
            || app
                .selection()
                .is_some_and(|(from, to)| from.block <= block && block <= to.block)
            || (cursor.block == block && chars.contains(&cursor.offset)))
    }

    /// The style of a footnote marker at `offset`, brighter when it is the one selected.
    fn marker_style(&self, app: &App, theme: &Theme, block: usize, offset: usize) -> Option<Style> {
        let (k, m) = app.doc().blocks[block]
            .markers
            .iter()
            .enumerate()
            .find(|(_, m)| (m.start..m.end).contains(&offset))?;
        let at_cursor = app
            .marker()
            .is_some_and(|c| c.block == block && c.marker == k);
        let selected = at_cursor || self.selected_footnote == Some(m.footnote);
        Some(if selected {
            theme.marker_selected
        } else {
            theme.marker
        })
    }

    fn style(&self, app: &App, theme: &Theme, block: usize, offset: usize, base: Style) -> Style {
        let inside = |list: &[(usize, Range<usize>)]| {
            list.iter().any(|(b, r)| *b == block && r.contains(&offset))
        };
        let mut style = base;
        if inside(&self.unsourced) {
            style = style.patch(theme.unsourced);
        }
        if inside(&self.entities) {
            style = style.patch(theme.entity);
        }
        for (b, r, s) in &self.annotations {
            if *b == block && r.contains(&offset) {
                style = style.patch(*s);
            }
        }
        if app
            .flash()
            .as_ref()
            .is_some_and(|(fb, r)| *fb == block && r.contains(&offset))
        {
            style = style.patch(theme.flash);
        }
        if let Some(marker) = self.marker_style(app, theme, block, offset) {
            style = style.patch(marker);
        }
        for (b, r, current) in &self.matches {
            if *b == block && r.contains(&offset) {
                style = style.patch(if *current {
                    theme.current_match
                } else {
                    theme.search_match
                });
            }
        }
        let here = Pos { block, offset };
        if app
            .selection()
            .is_some_and(|(from, to)| from <= here && here <= to)
        {
            style = style.patch(theme.selected);
        }
        if app.cursor() == here && app.focus() == Focus::Reader {
            style = style.add_modifier(Modifier::REVERSED | Modifier::UNDERLINED);
        }
        style
    }
}
