//! A scroll drawn as the terminal's own scroll. When the text moved by a
//! few lines, the terminal shifts the text rows itself (a scroll region)
//! and only the rows that came into view, and whatever else changed, are
//! sent: about one row per line scrolled instead of every row of the pane.
//! A scroll region spans the full width, so with the side panes beside the
//! text their rows move too and are sent again: the scroll is used when
//! that costs fewer cells than redrawing the text.

use std::ops::Range;

use ratatui::Terminal;
use ratatui::backend::{Backend, ClearType};
use ratatui::buffer::{Buffer, Cell};

use ratatui::layout::Rect;

use super::diff::PanePairs;
use crate::app::{App, Areas};
use crate::ui::rows::{self, Marks, Panes};

/// What the last frame put on the screen, to send only what changed and
/// to scroll it in place.
///
/// Two buffers take turns: the frame just drawn is kept as `screen`, and
/// the next frame is drawn into `spare` (the frame before it) and compared
/// with `screen` by [`super::diff`]: when the text scrolled, with its rows
/// looked up where the scroll moved them, so `screen` is never shifted.
/// Reader rows carry marks ([`crate::ui::rows::Marks`]): rows marked alike
/// in both frames are not compared, and rows that `spare` already holds,
/// once shifted as the text scrolled since it was drawn, are not copied.
#[derive(Default)]
pub struct LastFrame {
    screen: Buffer,
    /// The buffer the next frame is drawn into (the frame before last).
    spare: Buffer,
    /// Whether `screen` is what the terminal shows (it is blank after a
    /// clear, whatever `screen` holds).
    held: bool,
    /// The reader's top line, layout and row marks of `screen` (no layout:
    /// it is not to be scrolled from).
    top: usize,
    areas: Option<Areas>,
    marks: Marks,
    panes: Panes,
    /// The same of `spare`.
    spare_top: usize,
    spare_areas: Option<Areas>,
    spare_marks: Marks,
    spare_panes: Panes,
    /// Rows of kept panes compared in earlier frames.
    pairs: PanePairs,
    /// The top and layout `spare` was made ready for ([`Self::prepare`]).
    ready: Option<(usize, Areas)>,
    scrolls: usize,
}

impl LastFrame {
    /// Do not scroll from the last frame (the next frame is another screen).
    pub fn forget(&mut self) {
        self.areas = None;
    }

    /// The terminal was cleared: what it shows is blank, not the last frame.
    pub fn cleared(&mut self) {
        self.areas = None;
        self.held = false;
    }

    /// How many frames were drawn by scrolling the terminal.
    pub fn scrolls(&self) -> usize {
        self.scrolls
    }

    /// Draw a frame and hand its layout back to the app, scrolling the
    /// text rows in place first when the text moved by a few lines.
    pub fn draw<B: Backend>(
        &mut self,
        terminal: &mut Terminal<B>,
        app: &mut App,
    ) -> Result<(), B::Error> {
        let scroll = self.scroll(app);
        // What `screen` is, before it turns into `spare`.
        let (shown_top, shown_areas) = (self.top, self.areas.take());
        if let Some((rows, by)) = &scroll {
            let n = by.unsigned_abs() as u16;
            if *by > 0 {
                terminal.backend_mut().scroll_region_up(rows.clone(), n)?;
            } else {
                terminal.backend_mut().scroll_region_down(rows.clone(), n)?;
            }
            self.scrolls += 1;
        }
        // The frame is the app's size: every resize reaches the app as an
        // event (asking the terminal opens /dev/tty).
        let area = app.areas().screen;
        if self.held && self.screen.area != area {
            // Another size: the terminal redraws everything.
            terminal.backend_mut().clear_region(ClearType::All)?;
            self.held = false;
        }
        // A blank screen is compared with as such, not as a buffer of blanks.
        let shown_blank = !self.held;
        if shown_blank {
            self.marks.clear();
            self.panes.clear();
            self.held = true;
        }
        let plain = crate::ui::plain_reader(app);
        let (tentative, tentative_panes) = if plain {
            self.reuse_spare(app)
        } else {
            self.ready = None;
            blank(&mut self.spare, area);
            (Marks::new(), Panes::new())
        };
        rows::begin_frame(tentative, tentative_panes);
        let (mut drawn, mut caret) = crate::ui::draw_buffer(app, &mut self.spare);
        let (mut marks, mut panes) = match rows::end_frame() {
            Some(marked) => marked,
            None => {
                // A pane of an earlier frame was left where no pane was
                // drawn this time: draw the frame on a blank buffer.
                blank(&mut self.spare, area);
                rows::begin_frame(vec![None; usize::from(area.height)], Panes::new());
                (drawn, caret) = crate::ui::draw_buffer(app, &mut self.spare);
                rows::end_frame().unwrap_or_default()
            }
        };
        if !plain {
            marks.clear();
            panes.clear();
        }
        let mut cells = Vec::with_capacity(usize::from(area.width) * 4);
        let frames = super::diff::Frames {
            shown: (!shown_blank).then_some(&self.screen),
            shown_marks: &self.marks,
            shown_panes: &self.panes,
            next: &self.spare,
            next_marks: &marks,
            next_panes: &panes,
        };
        frames.changes(scroll.as_ref(), &mut self.pairs, &mut cells);
        super::diff::fill_gaps(&self.spare, &mut cells);
        terminal.backend_mut().draw(cells.into_iter())?;
        match caret {
            None => terminal.hide_cursor()?,
            Some(at) => {
                terminal.show_cursor()?;
                terminal.set_cursor_position(at)?;
            }
        }
        std::mem::swap(&mut self.screen, &mut self.spare);
        self.ready = None;
        self.spare_marks = std::mem::replace(&mut self.marks, marks);
        self.spare_panes = std::mem::replace(&mut self.panes, panes);
        (self.spare_top, self.spare_areas) = (shown_top, shown_areas);
        terminal.backend_mut().flush()?;
        if !app.areas().too_small {
            self.top = app.top();
            self.areas = Some(app.areas());
        }
        app.laid_out(drawn);
        Ok(())
    }

    /// Make `spare` ready for a frame of the reader: what of it can stay
    /// (its marked reader rows, shifted as the text scrolled since it was
    /// drawn, and its kept panes, which do not move) stays and is returned
    /// as its marks; the rest is blanked. Nothing is left to do when the
    /// last frame's [`Self::prepare`] guessed this frame's top.
    fn reuse_spare(&mut self, app: &App) -> (Marks, Panes) {
        let a = app.areas();
        if self.ready.take() != Some((app.top(), a)) {
            self.align_spare(a, app.top());
        }
        (
            std::mem::take(&mut self.spare_marks),
            std::mem::take(&mut self.spare_panes),
        )
    }

    /// After a frame is sent, while the user reads it: make `spare` ready
    /// for the next frame, guessing that the text moves on as it just
    /// moved (a line at a time as `j` is held, or not at all). A wrong
    /// guess costs the work again at the next frame; what `spare` holds is
    /// described by its marks either way.
    pub fn prepare(&mut self, app: &App) {
        self.ready = None;
        let a = app.areas();
        if self.areas != Some(a) || !crate::ui::plain_reader(app) {
            return;
        }
        let step = self.top as isize - self.spare_top as isize;
        let next = (self.top as isize + step).clamp(0, app.max_top() as isize) as usize;
        self.align_spare(a, next);
        self.ready = Some((next, a));
    }

    /// Shift `spare` (its text columns and their marks) to show the text
    /// from line `top`, and blank all but its marked columns and panes; a
    /// `spare` of another layout, or too far off, is blanked whole.
    fn align_spare(&mut self, a: Areas, top: usize) {
        let height = usize::from(a.screen.height);
        let text = a.reader_text;
        let by = top as isize - self.spare_top as isize;
        let reusable = self.spare.area == a.screen
            && self.spare_areas == Some(a)
            && self.spare_marks.len() == height
            && by.unsigned_abs() < usize::from(text.height);
        self.spare_top = top;
        if !reusable {
            blank(&mut self.spare, a.screen);
            self.spare_marks = vec![None; height];
            self.spare_panes.clear();
            self.spare_areas = Some(a);
            return;
        }
        let (marks, panes) = (&mut self.spare_marks, &self.spare_panes);
        let width = usize::from(a.screen.width);
        let cols = |x: u16, w: u16| {
            let x = usize::from(x.saturating_sub(a.screen.x)).min(width);
            x..(x + usize::from(w)).min(width)
        };
        if by != 0 {
            let rows = text.top()..text.bottom();
            shift(&mut self.spare, rows.clone(), cols(text.x, text.width), by);
            // Marks are by row from the buffer's top, as `shift` counts.
            let top = a.screen.y;
            let rows = usize::from(rows.start.saturating_sub(top))
                ..usize::from(rows.end.saturating_sub(top)).min(height);
            shift_marks(&mut marks[rows], by);
        }
        // Blank all but the marked columns and the panes.
        let mut keep = Vec::with_capacity(4);
        for (i, (row, mark)) in self
            .spare
            .content
            .chunks_exact_mut(width)
            .zip(marks.iter())
            .enumerate()
        {
            let y = a.screen.y + i as u16;
            keep.clear();
            keep.extend(mark.map(|m| cols(m.x, m.width)));
            keep.extend(
                panes
                    .iter()
                    .filter(|p| (p.area.top()..p.area.bottom()).contains(&y))
                    .map(|p| cols(p.area.x, p.area.width)),
            );
            keep.sort_by_key(|r| r.start);
            let mut from = 0;
            for r in &keep {
                row[from.min(r.start)..r.start]
                    .iter_mut()
                    .for_each(Cell::reset);
                from = from.max(r.end);
            }
            row[from..].iter_mut().for_each(Cell::reset);
        }
    }

    /// The text rows to scroll and by how many lines (up when positive),
    /// when the layout is the last frame's and the reader has whole rows.
    fn scroll(&self, app: &App) -> Option<(Range<u16>, isize)> {
        let a = app.areas();
        if self.areas != Some(a) || a.too_small || a.screen != self.screen.area {
            return None;
        }
        let text = a.reader_text;
        let by = app.top() as isize - self.top as isize;
        let limit = (text.height / 2) as isize;
        let worth = || {
            whole_rows(&a) || cheaper_to_scroll(&self.screen, &self.panes, &self.pairs, text, by)
        };
        (by != 0 && by.abs() <= limit && worth()).then_some((text.top()..text.bottom(), by))
    }
}

/// Whether scrolling the rows of `text` by `by` sends fewer cells than
/// redrawing them, judged on the last frame against itself shifted: the
/// text's own columns change when they are redrawn, the columns beside it
/// (side panes) when the scroll moved them; a kept pane whose rows were
/// compared so before counts the cells found then. Four rows or so are
/// looked at (every sixth at most): an estimate, at a fraction of the cost
/// of a diff.
fn cheaper_to_scroll(
    screen: &Buffer,
    panes: &[rows::PaneMark],
    pairs: &PanePairs,
    text: Rect,
    by: isize,
) -> bool {
    let width = usize::from(screen.area.width);
    let (left, right) = (usize::from(text.left()), usize::from(text.right()));
    let differ = |a: &[Cell], b: &[Cell]| {
        a.iter()
            .zip(b)
            .filter(|(a, b)| !super::diff::same(a, b))
            .count()
    };
    let (mut redraw, mut repair) = (0usize, 0usize);
    let mut compared: Vec<Range<usize>> = Vec::with_capacity(8);
    let step = usize::from(text.height / 4).max(6);
    for y in (text.top()..text.bottom()).step_by(step) {
        let from = y as isize + by;
        if from < text.top() as isize || from >= text.bottom() as isize {
            continue;
        }
        let from = from as u16;
        let row = usize::from(y.saturating_sub(screen.area.y)) * width;
        let source = usize::from(from.saturating_sub(screen.area.y)) * width;
        let (Some(now), Some(then)) = (
            screen.content.get(row..row + width),
            screen.content.get(source..source + width),
        ) else {
            return false;
        };
        let (l, r) = (left.min(width), right.min(width));
        redraw += differ(&now[l..r], &then[l..r]);
        // Beside the text: its columns, less those of panes already
        // compared (their cells sent are known).
        compared.clear();
        for pane in panes {
            let rows = pane.area.top()..pane.area.bottom();
            if !rows.contains(&y) || !rows.contains(&from) {
                continue;
            }
            if let Some(sent) = pairs.sent(pane.stamp, (from - pane.area.y, y - pane.area.y)) {
                repair += sent;
                compared.push(usize::from(pane.area.left())..usize::from(pane.area.right()));
            }
        }
        repair += (0..l)
            .chain(r..width)
            .filter(|x| !compared.iter().any(|c| c.contains(x)))
            .filter(|&x| !super::diff::same(&now[x], &then[x]))
            .count();
    }
    repair < redraw
}

/// Shift the columns `cols` of a buffer's `rows` as the terminal shifts
/// the rows: up when `by` is positive; the rows left behind are blank.
fn shift(buf: &mut Buffer, rows: Range<u16>, cols: Range<usize>, by: isize) {
    let width = usize::from(buf.area.width);
    let height = buf.content.len() / width.max(1);
    let first = usize::from(rows.start.saturating_sub(buf.area.y)).min(height);
    let end = usize::from(rows.end.saturating_sub(buf.area.y)).min(height);
    let cols = cols.start.min(width)..cols.end.min(width);
    let n = by.unsigned_abs().min(end.saturating_sub(first));
    if n == 0 || cols.is_empty() {
        return;
    }
    // Each row's stretch is swapped with the one it takes the place of
    // (moved as runs of memory, no cell cloned); what is left behind at
    // the end holds the rows that scrolled out, and is blanked.
    let stretch = |row: usize| row * width + cols.start..row * width + cols.end;
    let mut swap = |upper: usize, lower: usize| {
        let (above, below) = buf.content.split_at_mut(lower * width);
        above[stretch(upper)].swap_with_slice(&mut below[cols.clone()]);
    };
    if by > 0 {
        (first..end - n).for_each(|row| swap(row, row + n));
    } else {
        (first + n..end).rev().for_each(|row| swap(row - n, row));
    }
    let left = if by > 0 {
        end - n..end
    } else {
        first..first + n
    };
    for row in left {
        buf.content[stretch(row)].iter_mut().for_each(Cell::reset);
    }
}

/// Shift marks as [`shift`] shifts the rows they describe.
fn shift_marks(marks: &mut [Option<rows::Mark>], by: isize) {
    let n = by.unsigned_abs().min(marks.len());
    if by > 0 {
        marks.rotate_left(n);
        let len = marks.len();
        marks[len - n..].fill(None);
    } else {
        marks.rotate_right(n);
        marks[..n].fill(None);
    }
}

/// Make `buf` a blank buffer of `area`, reusing its cells when it can.
fn blank(buf: &mut Buffer, area: Rect) {
    if buf.area == area {
        buf.reset();
    } else {
        *buf = Buffer::empty(area);
    }
}

/// Whether the reader's rows are whole screen rows, nothing beside them.
fn whole_rows(a: &Areas) -> bool {
    a.reader.x == 0
        && a.reader.width == a.screen.width
        && a.outline.width == 0
        && a.side.width == 0
        && !a.too_small
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shift_moves_rows_and_blanks_the_ones_left() {
        let mut b = Buffer::with_lines(["title", "aaaaa", "bbbbb", "ccccc", "end"]);
        shift(&mut b, 1..4, 0..5, 1);
        assert_eq!(
            b,
            Buffer::with_lines(["title", "bbbbb", "ccccc", "     ", "end"])
        );
        shift(&mut b, 1..4, 0..5, -2);
        assert_eq!(
            b,
            Buffer::with_lines(["title", "     ", "     ", "bbbbb", "end"])
        );
        // Only the columns given move: the ones beside them stay.
        let mut c = Buffer::with_lines(["1a|x", "2b|y", "3c|z", "4d|w"]);
        shift(&mut c, 0..4, 1..3, 1);
        assert_eq!(c, Buffer::with_lines(["1b|x", "2c|y", "3d|z", "4  w"]));
        let mut c = Buffer::with_lines(["1a|x", "2b|y", "3c|z", "4d|w"]);
        shift(&mut c, 1..4, 1..3, -1);
        assert_eq!(c, Buffer::with_lines(["1a|x", "2  y", "3b|z", "4c|w"]));
        assert_eq!(b.area, Rect::new(0, 0, 5, 5));
        assert_eq!(b.content.len(), 25);
    }

    #[test]
    fn marks_shift_with_their_rows() {
        let mark = |stamp| {
            Some(rows::Mark {
                x: 1,
                width: 3,
                stamp,
            })
        };
        let mut marks = [mark(1), mark(2), None, mark(4)];
        shift_marks(&mut marks, 1);
        assert_eq!(marks, [mark(2), None, mark(4), None]);
        shift_marks(&mut marks, -3);
        assert_eq!(marks, [None, None, None, mark(2)]);
    }
}
