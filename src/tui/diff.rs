//! The cells to send for a frame: the frame compared with what the terminal
//! shows, row by row.
//!
//! ratatui's own diff looks up the display width of every cell of both
//! frames, equal or not, and compares cells through a call per symbol: at
//! 200x50 that was a third of a keystroke. Here a row equal to the one on
//! the screen is passed over by a comparison of plain fields, and only a
//! row that differs is walked cell by cell, by ratatui's rules (wide
//! characters, their trailing columns, forced widths, cells to skip), so
//! the cells sent are the ones ratatui would send.
//!
//! The screen may have been scrolled in place since it was last drawn:
//! its rows are then looked up where the scroll moved them, and a row the
//! scroll brought in is blank, so the last frame needs no shifting.

use std::ops::Range;

use ratatui::buffer::{Buffer, Cell, CellDiffOption, CellWidth};
use ratatui::style::{Color, Modifier};

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use crate::ui::rows::{Mark, PaneMark};

/// Modifiers that show on a blank cell (as ratatui counts them).
const VISIBLE_ON_BLANK: Modifier = Modifier::REVERSED
    .union(Modifier::UNDERLINED)
    .union(Modifier::SLOW_BLINK)
    .union(Modifier::RAPID_BLINK)
    .union(Modifier::CROSSED_OUT);

/// A scroll of the screen's `rows` by `by` lines (up when positive).
pub type Scroll = (Range<u16>, isize);

/// Two frames to compare: what the terminal shows (`None`: a blank
/// screen) and what it is to show, each with the marks of its reader rows
/// and its kept panes (empty when unknown).
pub struct Frames<'a> {
    pub shown: Option<&'a Buffer>,
    pub shown_marks: &'a [Option<Mark>],
    pub shown_panes: &'a [PaneMark],
    pub next: &'a Buffer,
    pub next_marks: &'a [Option<Mark>],
    pub next_panes: &'a [PaneMark],
}

/// What comparing two rows of a kept pane found, by the pane's stamp and
/// the two rows (the row shown, the row to show): the pane's columns to
/// send, or `None` when the walk went past the pane's edge (a wide
/// character on it), so the row is walked afresh. A scroll puts each row
/// of a pane beside the text where the row below it was: this is the same
/// comparison on every key, as long as the pane stays as it was.
#[derive(Default)]
pub struct PanePairs {
    by_stamp: Vec<(u64, PairsOf)>,
}

/// The rows of one pane compared, by (row shown, row to show).
type PairsOf = HashMap<(u16, u16), Pair, BuildHasherDefault<RowsHasher>>;

/// A hasher for two row numbers: a multiply, not SipHash (a lookup per
/// pane row per key; the keys are row numbers, not anyone's input).
#[derive(Default)]
struct RowsHasher(u64);

impl Hasher for RowsHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.write_u16(u16::from(*b));
        }
    }

    fn write_u16(&mut self, n: u16) {
        self.0 = (self.0.rotate_left(16) ^ u64::from(n)).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

/// Two rows of a kept pane compared.
#[derive(Clone)]
struct Pair {
    /// Every cell the same.
    equal: bool,
    /// The columns a walk entering at the pane's first column sends (from
    /// it), `None` when it leaves past the last column.
    sent: Option<Vec<u16>>,
}

impl PanePairs {
    /// Keep only what is known of `panes`.
    fn keep(&mut self, panes: &[PaneMark]) {
        self.by_stamp
            .retain(|(stamp, _)| panes.iter().any(|p| p.stamp == *stamp));
        for pane in panes {
            if !self.by_stamp.iter().any(|(stamp, _)| *stamp == pane.stamp) {
                self.by_stamp.push((pane.stamp, PairsOf::default()));
            }
        }
    }

    /// How many cells a kept pane's rows compared before sent (shown
    /// row, row to show, counted in the pane), if they were.
    pub fn sent(&self, stamp: u64, rows: (u16, u16)) -> Option<usize> {
        self.get(stamp, rows)?.sent.as_ref().map(Vec::len)
    }

    fn get(&self, stamp: u64, rows: (u16, u16)) -> Option<&Pair> {
        let (_, pairs) = self.by_stamp.iter().find(|(s, _)| *s == stamp)?;
        pairs.get(&rows)
    }

    fn of(&mut self, stamp: u64) -> Option<&mut PairsOf> {
        self.by_stamp
            .iter_mut()
            .find(|(s, _)| *s == stamp)
            .map(|(_, pairs)| pairs)
    }
}

/// Columns of a row whose cells are known from the marks of both frames.
#[derive(Clone, Debug, PartialEq)]
enum Known {
    /// The same cells in both frames: nothing to send.
    Equal(Range<usize>),
    /// A kept pane's row `next` to show where its row `shown` is.
    Pair {
        cols: Range<usize>,
        stamp: u64,
        shown: u16,
        next: u16,
    },
}

impl Known {
    fn cols(&self) -> &Range<usize> {
        match self {
            Known::Equal(cols) | Known::Pair { cols, .. } => cols,
        }
    }
}

impl<'a> Frames<'a> {
    /// Push onto `out` the cells of `next` that differ from the screen:
    /// `shown`, with `scroll` applied. A `shown` of another size than
    /// `next` is taken for a blank screen (the terminal is cleared when
    /// its size changes). `pairs` keeps the comparisons of kept panes'
    /// rows from frame to frame.
    pub fn changes(
        &self,
        scroll: Option<&Scroll>,
        pairs: &mut PanePairs,
        out: &mut Vec<(u16, u16, &'a Cell)>,
    ) {
        let next = self.next;
        let area = next.area;
        let width = usize::from(area.width);
        if width == 0 {
            return;
        }
        pairs.keep(self.next_panes);
        let blank = vec![Cell::EMPTY; width];
        let shown = self
            .shown
            .filter(|s| s.area == area && s.content.len() == next.content.len());
        let mut known = Vec::with_capacity(4);
        for (r, row) in next.content.chunks_exact(width).enumerate() {
            let y = area.y + r as u16;
            let source = shown.and(source_row(y, scroll));
            let before: &[Cell] = match (shown, source) {
                (Some(shown), Some(s)) => {
                    let start = usize::from(s - area.y) * width;
                    &shown.content[start..start + width]
                }
                _ => &blank,
            };
            known.clear();
            if let Some(s) = source {
                self.known_in_row(r, y, s, &mut known);
            }
            // Columns outside what is known are compared first: a row
            // equal to the one shown is passed over without a walk.
            let mut from = 0;
            let mut equal = true;
            for k in &known {
                let cols = k.cols();
                equal = equal
                    && before[from..cols.start]
                        .iter()
                        .zip(&row[from..cols.start])
                        .all(|(a, b)| same(a, b))
                    && match k {
                        Known::Equal(_) => true,
                        Known::Pair {
                            stamp, shown, next, ..
                        } => pairs
                            .get(*stamp, (*shown, *next))
                            .is_some_and(|pair| pair.equal),
                    };
                from = cols.end;
            }
            if equal
                && before[from..]
                    .iter()
                    .zip(&row[from..])
                    .all(|(a, b)| same(a, b))
            {
                continue;
            }
            let row_out = Walk {
                prev: before,
                next: row,
                known: &known,
            };
            let mut push = |i: usize| out.push((area.x + i as u16, y, &row[i]));
            row_out.walk(0..width, pairs, &mut push);
        }
    }

    /// What the marks tell of row `r` (screen row `y`), shown at screen
    /// row `s` before the scroll: known columns, left to right.
    fn known_in_row(&self, r: usize, y: u16, s: u16, known: &mut Vec<Known>) {
        let area = self.next.area;
        let width = usize::from(area.width);
        let cols = |x: u16, w: u16| {
            let x = usize::from(x - area.x).min(width);
            x..(x + usize::from(w)).min(width)
        };
        let reader = (|| {
            let mark = (*self.next_marks.get(r)?)?;
            let shown_mark = (*self.shown_marks.get(usize::from(s - area.y))?)?;
            (mark == shown_mark).then_some(mark)
        })();
        if let Some(m) = reader {
            known.push(Known::Equal(cols(m.x, m.width)));
        }
        for pane in self.next_panes {
            let rows = pane.area.top()..pane.area.bottom();
            if !rows.contains(&y) || !rows.contains(&s) || !self.shown_panes.contains(pane) {
                continue;
            }
            let c = cols(pane.area.x, pane.area.width);
            known.push(if s == y {
                Known::Equal(c)
            } else {
                Known::Pair {
                    cols: c,
                    stamp: pane.stamp,
                    shown: s - pane.area.y,
                    next: y - pane.area.y,
                }
            });
        }
        known.sort_by_key(|k| k.cols().start);
        // Overlapping marks (not drawn so) would be unsound: trust none.
        if known
            .windows(2)
            .any(|w| w[0].cols().end > w[1].cols().start)
        {
            known.clear();
        }
    }
}

/// Where the screen's row `y` came from after `scroll`; `None` when the
/// scroll brought it in blank.
fn source_row(y: u16, scroll: Option<&Scroll>) -> Option<u16> {
    let Some((rows, by)) = scroll else {
        return Some(y);
    };
    if !rows.contains(&y) {
        return Some(y);
    }
    let from = y as isize + by;
    (from >= rows.start as isize && from < rows.end as isize).then_some(from as u16)
}

/// ratatui's diff over one row (`prev` shown, `next` to show), passing
/// over the columns `known` to be equal (they send nothing) and taking
/// a kept pane's columns from the comparison of its rows made before.
struct Walk<'r> {
    prev: &'r [Cell],
    next: &'r [Cell],
    known: &'r [Known],
}

impl Walk<'_> {
    /// Walk the columns `cols`, calling `push` with each column to send;
    /// returns where the walk would go on (past `cols.end` when a wide
    /// character covers it).
    fn walk(
        &self,
        cols: Range<usize>,
        pairs: &mut PanePairs,
        push: &mut impl FnMut(usize),
    ) -> usize {
        let (prev, next) = (self.prev, self.next);
        let len = next.len().min(prev.len()).min(cols.end);
        let mut pos = cols.start;
        while pos < len {
            if let Some(k) = self.known.iter().find(|k| k.cols().contains(&pos)) {
                let range = k.cols().clone();
                if let Known::Pair {
                    stamp,
                    shown,
                    next: row,
                    ..
                } = k
                    && pos == range.start
                {
                    let rows = (*shown, *row);
                    if pairs.get(*stamp, rows).is_none() {
                        self.compare(range.clone(), *stamp, rows, pairs);
                    }
                    if let Some(sent) = pairs.get(*stamp, rows).and_then(|p| p.sent.as_ref()) {
                        sent.iter()
                            .for_each(|&i| push(range.start + usize::from(i)));
                        pos = range.end;
                        continue;
                    }
                } else if let Known::Equal(_) = k {
                    // Equal cells: the walk goes on after them, and after the
                    // column a wide character at their end covers.
                    let last = &next[range.end - 1];
                    let reach = match last.diff_option {
                        CellDiffOption::Skip => 1,
                        _ if is_skip(last) => 1,
                        CellDiffOption::ForcedWidth(w) => usize::from(w.get()),
                        _ => usize::from(last.cell_width().max(1)),
                    };
                    pos = range.end.max(range.end - 1 + reach);
                    continue;
                }
            }
            pos = self.step(pos, push);
        }
        pos
    }

    /// Compare the rows of a kept pane and keep what was found: the
    /// columns a walk entering at its first column sends, unless it
    /// leaves past its last column (it would then depend on the cells
    /// beyond).
    fn compare(&self, cols: Range<usize>, stamp: u64, rows: (u16, u16), pairs: &mut PanePairs) {
        let alone = Walk {
            prev: self.prev,
            next: self.next,
            known: &[],
        };
        let mut sent = Vec::new();
        let end = alone.walk(cols.clone(), pairs, &mut |i| {
            sent.push((i - cols.start) as u16)
        });
        let pair = Pair {
            equal: self.prev[cols.clone()]
                .iter()
                .zip(&self.next[cols.clone()])
                .all(|(a, b)| same(a, b)),
            sent: (end == cols.end).then_some(sent),
        };
        if let Some(found) = pairs.of(stamp) {
            found.insert(rows, pair);
        }
    }

    /// One step of the walk at column `i`: push what it sends, return
    /// where the walk goes on.
    fn step(&self, i: usize, push: &mut impl FnMut(usize)) -> usize {
        let (prev, next) = (self.prev, self.next);
        let mut pos = i + 1;
        let (current, previous) = (&next[i], &prev[i]);
        match current.diff_option {
            CellDiffOption::Skip => {}
            _ if is_skip(current) => {}
            CellDiffOption::ForcedWidth(width) => {
                pos = pos.saturating_add(usize::from(width.get().saturating_sub(1)));
                if current != previous {
                    push(i);
                }
            }
            CellDiffOption::None | CellDiffOption::AlwaysUpdate => {
                let width = usize::from(current.cell_width());
                if matches!(current.diff_option, CellDiffOption::None) && same(current, previous) {
                    return pos + width.saturating_sub(1);
                }
                let previous_width = usize::from(previous.cell_width());
                push(i);
                if width > 1 && current.symbol().contains('\u{FE0F}') {
                    // An emoji with VS16: its trailing columns where their symbol changed.
                    pos = trailing(prev, next, i + 1, i + width, false, push);
                } else if width > 1 {
                    pos += width - 1;
                } else if previous_width > width
                    && (previous.bg != Color::Reset
                        || previous.modifier.intersects(VISIBLE_ON_BLANK))
                {
                    // A styled wide character was replaced: every column it covered.
                    pos = trailing(prev, next, i + 1, i + previous_width, true, push);
                }
            }
        }
        pos
    }
}

/// The trailing columns `from..end` of a wide character, as ratatui walks
/// them; returns where the row's walk goes on.
fn trailing(
    prev: &[Cell],
    next: &[Cell],
    from: usize,
    end: usize,
    force: bool,
    push: &mut impl FnMut(usize),
) -> usize {
    let len = next.len().min(prev.len());
    let (mut j, mut end) = (from, end.min(len));
    while j < end {
        let k = j;
        j += usize::from(next[k].cell_width().max(1));
        end = end.max(j).min(len);
        if !is_skip(&next[k]) && (force || prev[k].symbol() != next[k].symbol()) {
            push(k);
        }
    }
    end.max(from)
}

#[allow(deprecated)]
fn is_skip(cell: &Cell) -> bool {
    matches!(cell.diff_option, CellDiffOption::Skip)
        || (cell.skip && matches!(cell.diff_option, CellDiffOption::None))
}

/// The widest gap between two cells sent on one row that is filled in
/// with the cells between them rather than crossed by a cursor move.
const FILLED_GAP: u16 = 4;

/// Fill short gaps between the cells sent on a row with the frame's own
/// cells: a cursor move (`ESC[y;xH`) is eight to ten bytes, a narrow
/// ASCII cell in the style already set is one. Only cells drawn in the
/// same style as the cell before the gap are used, and only single-byte
/// symbols: a cell not sent is the same as the one on the screen (the
/// walk compared it), so writing it again changes nothing there.
pub fn fill_gaps<'a>(next: &'a Buffer, cells: &mut Vec<(u16, u16, &'a Cell)>) {
    let area = next.area;
    let mut out = Vec::with_capacity(cells.len() + cells.len() / 4);
    for (i, &(x, y, cell)) in cells.iter().enumerate() {
        out.push((x, y, cell));
        let Some(&(nx, ny, _)) = cells.get(i + 1) else {
            continue;
        };
        // Near enough to fill, whatever the cell's width (a width lookup
        // for every cell sent would cost more than the fill saves).
        if ny != y || nx <= x.saturating_add(1) || nx - x > FILLED_GAP + 2 {
            continue;
        }
        // Most often a wide character and the one after it.
        if nx == x + 2 && cell.symbol().len() >= 3 {
            continue;
        }
        let width = match cell.symbol().len() {
            1 => 1,
            _ => cell.cell_width().max(1),
        };
        let from = x.saturating_add(width);
        if nx <= from || nx - from > FILLED_GAP || !area.contains((nx, y).into()) {
            continue;
        }
        let fits = |c: &Cell| {
            c.symbol().len() == 1
                && c.symbol().as_bytes()[0].is_ascii_graphic() | (c.symbol() == " ")
                && plain(c)
                && c.fg == cell.fg
                && c.bg == cell.bg
                && c.modifier == cell.modifier
                && c.underline_color == cell.underline_color
        };
        if (from..nx).all(|gx| fits(&next[(gx, y)])) {
            out.extend((from..nx).map(|gx| (gx, y, &next[(gx, y)])));
        }
    }
    *cells = out;
}

/// A cell the walk treats as one column of its symbol, nothing special.
#[allow(deprecated)]
fn plain(cell: &Cell) -> bool {
    !cell.skip && matches!(cell.diff_option, CellDiffOption::None)
}

/// `a == b` for cells, the plain fields first and the symbol's bytes last
/// (the symbols of a row are one to four bytes: no call per cell).
#[allow(deprecated)]
#[inline]
pub(super) fn same(a: &Cell, b: &Cell) -> bool {
    a.fg == b.fg
        && a.bg == b.bg
        && a.modifier == b.modifier
        && a.underline_color == b.underline_color
        && a.skip == b.skip
        && a.diff_option == b.diff_option
        && {
            let (s, t) = (a.symbol().as_bytes(), b.symbol().as_bytes());
            s.len() == t.len() && s.iter().zip(t).all(|(p, q)| p == q)
        }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::layout::Rect;
    use ratatui::style::Style;

    fn ours<'a>(
        shown: &'a Buffer,
        next: &'a Buffer,
        scroll: Option<&Scroll>,
    ) -> Vec<(u16, u16, &'a Cell)> {
        let mut out = Vec::new();
        let frames = Frames {
            shown: Some(shown),
            shown_marks: &[],
            shown_panes: &[],
            next,
            next_marks: &[],
            next_panes: &[],
        };
        frames.changes(scroll, &mut PanePairs::default(), &mut out);
        out
    }

    #[test]
    fn equal_frames_send_nothing_and_one_change_sends_its_cell() {
        let a = Buffer::with_lines(["북한과 러시아", "abc"]);
        assert!(ours(&a, &a, None).is_empty());
        let b = Buffer::with_lines(["북한과 러시아", "abd"]);
        assert_eq!(ours(&a, &b, None), a.diff(&b));
        assert_eq!(ours(&a, &b, None).len(), 1);
    }

    #[test]
    fn a_styled_wide_character_replaced_sends_its_trailing_column() {
        let mut a = Buffer::empty(Rect::new(0, 0, 6, 1));
        a.set_string(0, 0, "가나", Style::new().bg(Color::Blue));
        let b = Buffer::with_lines(["ab    "]);
        assert_eq!(ours(&a, &b, None), a.diff(&b));
        assert!(ours(&a, &b, None).len() >= 3, "{:?}", ours(&a, &b, None));
    }

    #[test]
    fn a_scrolled_screen_is_compared_where_its_rows_went() {
        let shown = Buffer::with_lines(["top", "aaa", "bbb", "ccc", "end"]);
        // The rows 1..4 scrolled up by one: b, c, blank; the new frame fills in d.
        let next = Buffer::with_lines(["top", "bbb", "ccc", "ddd", "end"]);
        let sent = ours(&shown, &next, Some(&(1..4, 1)));
        let cells: Vec<_> = sent.iter().map(|(x, y, c)| (*x, *y, c.symbol())).collect();
        assert_eq!(cells, [(0, 3, "d"), (1, 3, "d"), (2, 3, "d")]);
        // Down by two: blank, blank, a.
        let next = Buffer::with_lines(["top", "   ", "   ", "aaa", "end"]);
        assert!(ours(&shown, &next, Some(&(1..4, -2))).is_empty());
    }

    #[test]
    fn short_gaps_in_one_style_are_filled_with_the_frame_s_cells() {
        let shown = Buffer::with_lines(["a bc d       e", "xy"]);
        let next = Buffer::with_lines(["A bc D       E", "XY"]);
        let mut sent = ours(&shown, &next, None);
        fill_gaps(&next, &mut sent);
        let cells: Vec<_> = sent.iter().map(|(x, y, c)| (*x, *y, c.symbol())).collect();
        // A gap of four columns is filled; the seven blanks before E are
        // crossed by a cursor move.
        let want = [
            (0, 0, "A"),
            (1, 0, " "),
            (2, 0, "b"),
            (3, 0, "c"),
            (4, 0, " "),
            (5, 0, "D"),
            (13, 0, "E"),
            (0, 1, "X"),
            (1, 1, "Y"),
        ];
        assert_eq!(cells, want);
        // A gap with a cell in another style, or not ASCII, is crossed.
        let mut shown = Buffer::with_lines(["a bc d", "x가y"]);
        let mut next = Buffer::with_lines(["A bc D", "X가Y"]);
        for buf in [&mut shown, &mut next] {
            buf[(2, 0)].set_style(Style::new().bg(Color::Blue));
        }
        let mut sent = ours(&shown, &next, None);
        let before = sent.clone();
        fill_gaps(&next, &mut sent);
        assert_eq!(sent, before);
        assert_eq!(sent.len(), 4, "{sent:?}");
    }

    #[test]
    fn a_blank_screen_is_sent_what_is_not_blank() {
        let next = Buffer::with_lines(["a 가 ", "    b"]);
        let frames = Frames {
            shown: None,
            shown_marks: &[],
            shown_panes: &[],
            next: &next,
            next_marks: &[],
            next_panes: &[],
        };
        let mut sent = Vec::new();
        frames.changes(None, &mut PanePairs::default(), &mut sent);
        assert_eq!(sent, Buffer::empty(next.area).diff(&next));
        assert_eq!(sent.len(), 3);
    }

    #[test]
    fn another_size_is_compared_as_a_blank_screen() {
        let shown = Buffer::with_lines(["ab"]);
        let next = Buffer::with_lines(["a가", " c"]);
        let sent = ours(&shown, &next, None);
        assert_eq!(sent, Buffer::empty(next.area).diff(&next));
        assert_eq!(sent.len(), 3);
    }
}

#[cfg(test)]
mod agree {
    //! The cells sent are ratatui's, on frames of wide characters, emoji,
    //! styles and blanks, scrolled or not, with marked columns or not.
    use super::*;
    use proptest::prelude::*;
    use ratatui::layout::Rect;
    use ratatui::style::Style;

    const PIECES: [&str; 7] = ["a", "b", " ", "가", "나다", "❤\u{fe0f}", "x가 "];

    type Pieces = Vec<(usize, u8)>;

    /// Write `pieces` from column `x`, no wider than `width`.
    fn write(buf: &mut Buffer, x: u16, y: u16, width: u16, pieces: &Pieces) {
        let end = x + width;
        let mut x = x;
        for (piece, style) in pieces {
            let style = match style % 4 {
                0 => Style::new(),
                1 => Style::new().bg(Color::Blue),
                2 => Style::new().add_modifier(Modifier::REVERSED),
                _ => Style::new().fg(Color::Red),
            };
            if x >= end {
                break;
            }
            x = buf
                .set_stringn(x, y, PIECES[*piece], usize::from(end - x), style)
                .0;
        }
    }

    /// A frame whose rows are three stretches: before `mid`, `mid`, after.
    fn frame(width: u16, mid: &Range<u16>, rows: &[(Pieces, Pieces, Pieces)]) -> Buffer {
        let mut buf = Buffer::empty(Rect::new(0, 0, width, rows.len() as u16));
        for (y, (left, middle, right)) in rows.iter().enumerate() {
            let y = y as u16;
            write(&mut buf, 0, y, mid.start, left);
            write(&mut buf, mid.start, y, mid.end - mid.start, middle);
            write(&mut buf, mid.end, y, width - mid.end, right);
        }
        buf
    }

    /// The screen after a scroll, as the terminal has it.
    fn shifted(buf: &Buffer, (rows, by): &Scroll) -> Buffer {
        let mut out = buf.clone();
        for y in rows.clone() {
            for x in 0..buf.area.width {
                out[(x, y)] = match source_row(y, Some(&(rows.clone(), *by))) {
                    Some(s) => buf[(x, s)].clone(),
                    None => Cell::EMPTY,
                };
            }
        }
        out
    }

    fn pieces() -> impl Strategy<Value = Pieces> {
        prop::collection::vec((0..PIECES.len(), any::<u8>()), 0..5)
    }

    fn rows_strategy(height: usize) -> impl Strategy<Value = Vec<(Pieces, Pieces, Pieces)>> {
        prop::collection::vec((pieces(), pieces(), pieces()), height)
    }

    proptest! {
        #[test]
        fn same_cells_as_ratatui(
            (width, mid) in (2u16..12).prop_flat_map(|w| (Just(w), (0..w).prop_flat_map(move |a| (Just(a), a + 1..=w)))),
            (a, b) in (1usize..6).prop_flat_map(|h| (rows_strategy(h), rows_strategy(h))),
            scroll in prop::option::of((0u16..3, 1u16..4, -2isize..3)),
            marked in prop::option::of(0usize..6),
            pane in prop::option::of(rows_strategy(6)),
        ) {
            let mid = mid.0..mid.1;
            let (mut a, mut b) = (a, b);
            let height = a.len() as u16;
            let scroll = scroll
                .map(|(start, len, by)| (start.min(height)..(start + len).min(height), by));
            // A marked row: its middle stretch is the same in both frames.
            let mut shown_marks = vec![None; a.len()];
            let mut next_marks = vec![None; b.len()];
            if let Some(r) = marked.filter(|r| *r < b.len()) {
                let mark = Some(Mark { x: mid.start, width: mid.end - mid.start, stamp: 9 });
                next_marks[r] = mark;
                if let Some(s) = source_row(r as u16, scroll.as_ref()) {
                    a[usize::from(s)].1 = b[r].1.clone();
                    shown_marks[usize::from(s)] = mark;
                }
            }
            // A kept pane: the stretch after `mid` is the pane's rows, in
            // place, in both frames.
            let mut panes = Vec::new();
            if let Some(pane) = pane.filter(|_| mid.end < width) {
                for (y, (_, _, right)) in pane.into_iter().take(a.len()).enumerate() {
                    a[y].2 = right.clone();
                    b[y].2 = right;
                }
                let area = Rect::new(mid.end, 0, width - mid.end, height);
                panes.push(PaneMark { area, stamp: 5 });
            }
            let (shown, next) = (frame(width, &mid, &a), frame(width, &mid, &b));
            let screen = match &scroll {
                Some(s) => shifted(&shown, s),
                None => shown.clone(),
            };
            let frames = Frames {
                shown: Some(&shown),
                shown_marks: &shown_marks,
                shown_panes: &panes,
                next: &next,
                next_marks: &next_marks,
                next_panes: &panes,
            };
            // Twice: the pane's rows compared, then as compared before.
            let mut pairs = PanePairs::default();
            for _ in 0..2 {
                let mut sent = Vec::new();
                frames.changes(scroll.as_ref(), &mut pairs, &mut sent);
                prop_assert_eq!(sent, screen.diff(&next));
            }
        }
    }
}
