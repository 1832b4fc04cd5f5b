//! The outline and the side pane kept as the cells they were drawn to. A
//! one-line scroll changes neither, most of the time, yet both were built
//! (titles formatted, sources wrapped, every cell laid out) on every key.
//! Each pane is kept with the key of everything it is drawn from; when the
//! key and the area are those of the last frame, its cells are copied
//! into the frame instead.
//!
//! The key holds the inputs themselves (the footnotes on screen, the
//! names and where they stand, the selection, the focus, the filter…),
//! never a flag someone has to remember to raise, and the reader's serial
//! number, so that another brief or another reader never gets them. The
//! Annotations tab, drawn from every note's text, is not kept.

use std::cell::RefCell;
use std::ops::Range;

use ratatui::buffer::{Buffer, Cell};
use ratatui::layout::Rect;

use super::{Theme, rows};
use crate::app::entities::Standing;
use crate::app::{App, Focus, Tab};
use crate::i18n::Lang;

/// What the outline is drawn from.
#[derive(PartialEq)]
struct OutlineKey {
    reader: u64,
    theme: Theme,
    lang: Lang,
    /// The selected entry, while the outline is focused.
    selected: Option<usize>,
    current: Option<usize>,
}

/// What the side pane's current tab lists.
#[derive(PartialEq)]
enum Listed {
    Citations(Vec<u32>),
    /// The blocks on screen (a recommendation is marked when it is there).
    Recommendations(Range<usize>),
    Entities(Vec<(usize, Standing)>),
}

/// What the side pane is drawn from.
#[derive(PartialEq)]
struct SideKey {
    reader: u64,
    theme: Theme,
    lang: Lang,
    focused: bool,
    selected: usize,
    typing: bool,
    filter: String,
    listed: Listed,
}

/// A pane as last drawn: its key, its area, its cells and what drawing it returned.
struct Kept<K, R> {
    key: Option<K>,
    area: Rect,
    cells: Vec<Cell>,
    returned: R,
    /// Names the kept cells in frame marks ([`super::rows::PaneMark`]).
    stamp: u64,
    drawn: usize,
    copied: usize,
}

impl<K: PartialEq, R: Clone + Default> Default for Kept<K, R> {
    fn default() -> Self {
        Kept {
            key: None,
            area: Rect::default(),
            cells: Vec::new(),
            returned: R::default(),
            stamp: 0,
            drawn: 0,
            copied: 0,
        }
    }
}

thread_local! {
    static OUTLINE: RefCell<Kept<OutlineKey, usize>> = RefCell::default();
    static SIDE: RefCell<Kept<SideKey, Vec<Range<usize>>>> = RefCell::default();
}

/// How many times this thread drew a pane afresh and how many times it copied one.
pub fn counts() -> (usize, usize) {
    let outline = OUTLINE.with_borrow(|k| (k.drawn, k.copied));
    let side = SIDE.with_borrow(|k| (k.drawn, k.copied));
    (outline.0 + side.0, outline.1 + side.1)
}

/// Drop this thread's kept panes (the next frame draws them afresh).
pub fn forget() {
    OUTLINE.with_borrow_mut(|k| k.key = None);
    SIDE.with_borrow_mut(|k| k.key = None);
}

/// Draw the outline, or copy it as it was; returns the entry on its first row.
pub fn outline(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) -> usize {
    let focused = app.focus() == Focus::Outline;
    let key = OutlineKey {
        reader: app.serial(),
        theme: *theme,
        lang: app.lang(),
        selected: focused.then(|| app.outline_selected()),
        current: app.current_outline_entry(),
    };
    OUTLINE.with_borrow_mut(|kept| {
        kept.draw(Some(key), area, buf, |buf| {
            super::outline::render(app, theme, area, buf)
        })
    })
}

/// Draw the side pane, or copy it as it was; returns the rows of its items.
pub fn side(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) -> Vec<Range<usize>> {
    let listed = match app.tab() {
        Tab::Citations => Some(Listed::Citations(app.citations())),
        Tab::Recommendations => Some(Listed::Recommendations(app.visible_blocks())),
        Tab::Entities => Some(Listed::Entities(app.entity_list())),
        Tab::Annotations => None,
    };
    let key = listed.map(|listed| SideKey {
        reader: app.serial(),
        theme: *theme,
        lang: app.lang(),
        focused: app.focus() == Focus::Side,
        selected: app.selected(),
        typing: app.search().active && app.search().filtering,
        filter: app.list_filter().to_owned(),
        listed,
    });
    SIDE.with_borrow_mut(|kept| {
        kept.draw(key, area, buf, |buf| {
            super::side::render(app, theme, area, buf)
        })
    })
}

impl<K: PartialEq, R: Clone> Kept<K, R> {
    /// Copy the kept cells when `key` and `area` are the last frame's
    /// (unless the buffer holds them already, from an earlier frame);
    /// otherwise `draw` and keep what it drew.
    fn draw(
        &mut self,
        key: Option<K>,
        area: Rect,
        buf: &mut Buffer,
        draw: impl FnOnce(&mut Buffer) -> R,
    ) -> R {
        let inside = buf.area.intersection(area) == area && !area.is_empty();
        if inside && key.is_some() && self.key == key && self.area == area {
            self.copied += 1;
            rows::kept_pane(buf, area, self.stamp, &self.cells);
            return self.returned.clone();
        }
        self.drawn += 1;
        if inside {
            rows::held_pane(buf, area, None);
        }
        let returned = draw(buf);
        self.key = None;
        if inside {
            self.cells.clear();
            for y in area.top()..area.bottom() {
                let start = buf.index_of(area.x, y);
                self.cells
                    .extend_from_slice(&buf.content[start..start + usize::from(area.width)]);
            }
            self.stamp = rows::new_stamp();
            if key.is_some() {
                rows::put_pane(area, self.stamp);
            }
            self.key = key;
            self.area = area;
            self.returned = returned.clone();
        }
        returned
    }
}
