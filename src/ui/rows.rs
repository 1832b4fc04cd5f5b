//! The reading pane's rows kept as the cells they were drawn to. A row
//! whose text, styles and width are those it had when last drawn is copied
//! into the frame instead of laid out again (grapheme segmentation and a
//! width lookup per char), so a one-line scroll lays out one new row.
//!
//! The key is the row's whole content, compared on every use, so nothing
//! has to tell the cache that the text, a highlight or the width changed.
//!
//! Each row's cells carry a stamp, new whenever the row is laid out again.
//! A frame drawn by [`crate::tui::scroll::LastFrame`] records which stamp
//! it put on which screen row ([`Marks`]): rows with the same stamp in two
//! frames are the same cells, so they are neither compared nor copied
//! again. The buffer a frame is drawn into still holds a frame from
//! before, shifted as the text scrolled since; a row of it that already
//! shows the right stamp is left as it is ("tentative" until confirmed).

use std::cell::RefCell;
use std::ops::Range;

use ratatui::buffer::{Buffer, Cell};
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};

/// A stretch of a row's text drawn in one style: a byte range and the style.
pub type Run = (Range<usize>, Style);

/// A row as last drawn: its content and the cells it wrote.
#[derive(Default)]
struct Row {
    text: String,
    runs: Vec<Run>,
    width: u16,
    cells: Vec<Cell>,
    /// Names these cells: new whenever the row is laid out (0: never).
    stamp: u64,
}

/// A reader row of a frame: the columns `x..x + width` of a screen row
/// are a kept row's cells (and blanks after them), named by `stamp`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mark {
    pub x: u16,
    pub width: u16,
    pub stamp: u64,
}

/// The marks of a frame, by screen row (from the buffer's top).
pub type Marks = Vec<Option<Mark>>;

/// A kept side pane of a frame (outline, side pane): the cells of `area`
/// are the pane's kept cells, named by `stamp` (from the same count as the
/// rows' stamps, so no two panes or rows share one).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PaneMark {
    pub area: Rect,
    pub stamp: u64,
}

/// The kept panes of a frame.
pub type Panes = Vec<PaneMark>;

/// The frame being drawn with marks.
#[derive(Default)]
struct Frame {
    /// What the buffer already holds from an earlier frame, by row.
    tentative: Marks,
    /// What this frame put, by row.
    marks: Marks,
    /// The panes the buffer already holds, and the ones this frame put.
    tentative_panes: Panes,
    panes: Panes,
}

impl Row {
    fn is(&self, text: &str, runs: &[Run], width: u16) -> bool {
        self.width == width && self.text == text && self.runs == runs
    }
}

/// Rows by document line, one and a half slots per screen row, so that
/// the rows of the last frame are still there after a scroll of up to
/// half a screen.
#[derive(Default)]
struct Rows {
    slots: Vec<Row>,
    scratch: Buffer,
    laid_out: usize,
    copied: usize,
    /// The last stamp given.
    stamp: u64,
    /// Set between [`begin_frame`] and [`end_frame`].
    frame: Option<Frame>,
}

thread_local! {
    static ROWS: RefCell<Rows> = RefCell::default();
}

/// How many rows this thread laid out afresh and how many it copied.
pub fn counts() -> (usize, usize) {
    ROWS.with_borrow(|r| (r.laid_out, r.copied))
}

/// Drop this thread's kept rows (the next frame lays every row out).
pub fn forget() {
    ROWS.with_borrow_mut(|r| r.slots.clear());
}

/// Draw document line `line` (`text` in `runs`) into the row `at` of
/// `buf`, as `Buffer::set_line` draws it, clipped to `at.width`.
pub fn put(buf: &mut Buffer, at: Rect, line: usize, text: &str, runs: &[Run]) {
    ROWS.with_borrow_mut(|rows| rows.put(buf, at, line, text, runs));
}

/// Start recording marks for the frame about to be drawn into a buffer
/// whose rows `tentative` and panes `tentative_panes` describe (the rest
/// of it is blank).
pub fn begin_frame(tentative: Marks, tentative_panes: Panes) {
    ROWS.with_borrow_mut(|rows| {
        let marks = vec![None; tentative.len()];
        rows.frame = Some(Frame {
            tentative,
            marks,
            tentative_panes,
            panes: Panes::new(),
        });
    });
}

/// A new stamp for a pane's cells.
pub fn new_stamp() -> u64 {
    ROWS.with_borrow_mut(|rows| {
        rows.stamp += 1;
        rows.stamp
    })
}

/// A pane is about to be drawn into `area`, as the cells named `stamp`
/// (`None`: drawn afresh): whether the buffer holds those cells already.
/// When it holds other cells of an earlier frame's pane there, they are
/// blanked.
pub fn held_pane(buf: &mut Buffer, area: Rect, stamp: Option<u64>) -> bool {
    ROWS.with_borrow_mut(|rows| {
        let Some(frame) = &mut rows.frame else {
            return false;
        };
        if let Some(i) = frame.tentative_panes.iter().position(|p| p.area == area)
            && Some(frame.tentative_panes[i].stamp) == stamp
        {
            frame.tentative_panes.swap_remove(i);
            return true;
        }
        // Any earlier pane under this one, of this area or another, is
        // blanked whole: a pane is drawn on blank cells.
        let mut i = 0;
        while i < frame.tentative_panes.len() {
            let held = frame.tentative_panes[i].area;
            if held.intersects(area) {
                frame.tentative_panes.swap_remove(i);
                let held = held.intersection(buf.area);
                for y in held.top()..held.bottom() {
                    let start = buf.index_of(held.x, y);
                    buf.content[start..start + usize::from(held.width)]
                        .iter_mut()
                        .for_each(Cell::reset);
                }
            } else {
                i += 1;
            }
        }
        false
    })
}

/// Put a kept pane's cells (`cells`, row by row) into `area`, unless the
/// buffer holds those very cells (named `stamp`) there already, and record
/// them in the frame's marks.
pub fn kept_pane(buf: &mut Buffer, area: Rect, stamp: u64, cells: &[Cell]) {
    if !held_pane(buf, area, Some(stamp)) {
        let width = usize::from(area.width).max(1);
        for (y, row) in (area.top()..area.bottom()).zip(cells.chunks(width)) {
            let start = buf.index_of(area.x, y);
            buf.content[start..start + row.len()].clone_from_slice(row);
        }
    }
    put_pane(area, stamp);
}

/// Record that this frame's `area` holds the pane cells named `stamp`.
pub fn put_pane(area: Rect, stamp: u64) {
    ROWS.with_borrow_mut(|rows| {
        if let Some(frame) = &mut rows.frame {
            frame.panes.push(PaneMark { area, stamp });
        }
    });
}

/// The reading pane is drawn: blank what is left of earlier frames in the
/// rows it did not put this time.
pub fn end_pane(buf: &mut Buffer) {
    ROWS.with_borrow_mut(|rows| {
        if let Some(frame) = &mut rows.frame {
            for (i, mark) in frame.tentative.iter_mut().enumerate() {
                if let Some(m) = mark.take() {
                    blank(buf, m, i);
                }
            }
        }
    });
}

/// Stop recording: the marks of the frame drawn since [`begin_frame`],
/// `None` when panes of an earlier frame were left in the buffer (no pane
/// was drawn where they are: the frame is not what it should be).
pub fn end_frame() -> Option<(Marks, Panes)> {
    ROWS.with_borrow_mut(|rows| {
        let frame = rows.frame.take().unwrap_or_default();
        debug_assert!(
            frame.tentative.iter().all(Option::is_none),
            "a frame with kept rows left in it must draw the reading pane"
        );
        frame
            .tentative_panes
            .is_empty()
            .then_some((frame.marks, frame.panes))
    })
}

/// Blank the columns of `mark` on the buffer's row `i`.
fn blank(buf: &mut Buffer, mark: Mark, i: usize) {
    let width = usize::from(buf.area.width);
    let start = i * width + usize::from(mark.x.saturating_sub(buf.area.x));
    let end = (start + usize::from(mark.width)).min((i + 1) * width);
    if let Some(cells) = buf.content.get_mut(start..end) {
        cells.iter_mut().for_each(Cell::reset);
    }
}

impl Rows {
    fn put(&mut self, buf: &mut Buffer, at: Rect, line: usize, text: &str, runs: &[Run]) {
        let height = usize::from(buf.area.height).max(1);
        let slots = height + height / 2 + 1;
        if self.slots.len() != slots {
            self.slots.clear();
            self.slots.resize_with(slots, Row::default);
        }
        let row = &mut self.slots[line % slots];
        if row.is(text, runs, at.width) {
            self.copied += 1;
        } else {
            self.laid_out += 1;
            self.stamp += 1;
            row.stamp = self.stamp;
            lay_out(&mut self.scratch, row, text, runs, at.width);
        }
        let Some(start) = buf
            .area
            .contains(at.as_position())
            .then(|| buf.index_of(at.x, at.y))
        else {
            return;
        };
        if let Some(frame) = &mut self.frame {
            let i = usize::from(at.y - buf.area.y);
            let mark = Mark {
                x: at.x,
                width: at.width,
                stamp: row.stamp,
            };
            if let (Some(held), Some(put)) = (frame.tentative.get_mut(i), frame.marks.get_mut(i)) {
                *put = Some(mark);
                match held.take() {
                    // The buffer shows these very cells already.
                    Some(m) if m == mark => return,
                    Some(m) => blank(buf, m, i),
                    None => {}
                }
            }
        }
        if let Some(cells) = buf.content.get_mut(start..start + row.cells.len()) {
            cells.clone_from_slice(&row.cells);
        }
    }
}

fn lay_out(scratch: &mut Buffer, row: &mut Row, text: &str, runs: &[Run], width: u16) {
    let area = Rect::new(0, 0, width, 1);
    if scratch.area == area {
        scratch.reset();
    } else {
        *scratch = Buffer::empty(area);
    }
    let spans: Vec<Span> = runs
        .iter()
        .filter_map(|(r, s)| Some(Span::styled(text.get(r.clone())?, *s)))
        .collect();
    let (end, _) = scratch.set_line(0, 0, &Line::from(spans), width);
    row.text.clear();
    row.text.push_str(text);
    row.runs.clear();
    row.runs.extend_from_slice(runs);
    row.width = width;
    row.cells.clear();
    row.cells
        .extend_from_slice(&scratch.content[..usize::from(end).min(scratch.content.len())]);
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::Modifier;

    fn fresh(text: &str, runs: &[Run], width: u16) -> Buffer {
        let mut buf = Buffer::empty(Rect::new(0, 0, width + 2, 3));
        let spans: Vec<Span> = runs
            .iter()
            .map(|(r, s)| Span::styled(&text[r.clone()], *s))
            .collect();
        buf.set_line(1, 1, &Line::from(spans), width);
        buf
    }

    fn kept(text: &str, runs: &[Run], width: u16) -> Buffer {
        let mut buf = Buffer::empty(Rect::new(0, 0, width + 2, 3));
        put(&mut buf, Rect::new(1, 1, width, 1), 7, text, runs);
        buf
    }

    #[test]
    fn a_kept_row_is_the_row_drawn_afresh_and_changes_with_its_content() {
        let bold = Style::new().add_modifier(Modifier::BOLD);
        let text = "북러 관계 Lavrov¹ 전망";
        let plain = [(0..text.len(), Style::new())];
        let styled = [(0..7, Style::new()), (7..text.len(), bold)];
        for (runs, width) in [(&plain[..], 20), (&plain[..], 20), (&styled[..], 20)] {
            assert_eq!(kept(text, runs, width), fresh(text, runs, width));
        }
        // Cut at a wide char, then another text in the same slot.
        assert_eq!(kept(text, &plain, 5), fresh(text, &plain, 5));
        let other = "다른 줄";
        let runs = [(0..other.len(), bold)];
        assert_eq!(kept(other, &runs, 20), fresh(other, &runs, 20));
        let (laid_out, copied) = counts();
        assert_eq!(
            (laid_out, copied),
            (4, 1),
            "only the repeated row was copied"
        );
    }

    #[test]
    fn a_pane_claims_the_same_cells_and_blanks_any_other_pane_under_it() {
        let mut buf = Buffer::with_lines(["aaaabb", "aaaabb"]);
        let a = Rect::new(0, 0, 4, 2);
        let b = Rect::new(4, 0, 2, 2);
        let held = vec![
            PaneMark { area: a, stamp: 5 },
            PaneMark { area: b, stamp: 6 },
        ];
        begin_frame(vec![None; 2], held.clone());
        assert!(
            held_pane(&mut buf, b, Some(6)),
            "the same cells where they were"
        );
        // Another pane over part of `a`: `a` is blanked whole.
        assert!(!held_pane(&mut buf, Rect::new(2, 0, 2, 1), Some(7)));
        assert_eq!(buf, Buffer::with_lines(["    bb", "    bb"]));
        assert!(end_frame().is_some(), "no pane left unclaimed");
        // A pane of another stamp where one was: blanked, not held.
        let mut buf = Buffer::with_lines(["aaaabb", "aaaabb"]);
        begin_frame(vec![None; 2], held);
        assert!(!held_pane(&mut buf, a, Some(9)));
        assert_eq!(buf, Buffer::with_lines(["    bb", "    bb"]));
        assert!(end_frame().is_none(), "the pane at `b` was left unclaimed");
    }
}
