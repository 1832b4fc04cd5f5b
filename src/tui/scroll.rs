//! A scroll drawn as the terminal's own scroll. When the reading pane spans
//! the full width and the text moved by a few lines, the terminal shifts
//! the text rows itself (a scroll region) and only the rows that came into
//! view, and whatever else changed, are sent: about one row per line
//! scrolled instead of every row of the pane.

use std::ops::Range;

use ratatui::Terminal;
use ratatui::backend::Backend;
use ratatui::buffer::{Buffer, Cell};

use crate::app::{App, Areas, Drawn};

/// What the last frame put on the screen, to scroll it in place.
#[derive(Default)]
pub struct LastFrame {
    screen: Buffer,
    top: usize,
    areas: Option<Areas>,
    scrolls: usize,
}

impl LastFrame {
    /// Forget the last frame: the terminal was cleared.
    pub fn forget(&mut self) {
        self.areas = None;
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
        // Until this frame is drawn, the last one is unknown (a failed draw leaves it so).
        self.areas = None;
        if let Some((rows, by)) = scroll {
            let n = by.unsigned_abs() as u16;
            if by > 0 {
                terminal.backend_mut().scroll_region_up(rows.clone(), n)?;
            } else {
                terminal.backend_mut().scroll_region_down(rows.clone(), n)?;
            }
            shift(&mut self.screen, rows, by);
            let current = terminal.current_buffer_mut();
            if current.area == self.screen.area {
                // The shifted frame is now what the terminal shows: diff against it.
                // (The swap leaves a stale copy here, replaced after the draw.)
                std::mem::swap(&mut current.content, &mut self.screen.content);
                terminal.swap_buffers();
                self.scrolls += 1;
            }
        }
        let mut drawn = Drawn::default();
        let frame = terminal.draw(|f| drawn = crate::ui::draw(app, f))?;
        // Only a frame that can be scrolled next time is worth a copy.
        if whole_rows(&app.areas()) {
            self.screen.area = frame.buffer.area;
            self.screen.content.clone_from(&frame.buffer.content);
            self.top = app.top();
            self.areas = Some(app.areas());
        }
        app.laid_out(drawn);
        Ok(())
    }

    /// The text rows to scroll and by how many lines (up when positive),
    /// when the layout is the last frame's and the reader has whole rows.
    fn scroll(&self, app: &App) -> Option<(Range<u16>, isize)> {
        let a = app.areas();
        if self.areas != Some(a) || !whole_rows(&a) || a.screen != self.screen.area {
            return None;
        }
        let text = a.reader_text;
        let by = app.top() as isize - self.top as isize;
        let limit = (text.height / 2) as isize;
        (by != 0 && by.abs() <= limit).then_some((text.top()..text.bottom(), by))
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

/// Shift whole rows of a buffer as the terminal shifts them: up when `by`
/// is positive; the rows left behind are blank.
fn shift(buf: &mut Buffer, rows: Range<u16>, by: isize) {
    let width = usize::from(buf.area.width);
    let start = usize::from(rows.start.saturating_sub(buf.area.y)) * width;
    let end = usize::from(rows.end.saturating_sub(buf.area.y)) * width;
    let end = end.min(buf.content.len());
    let Some(region) = buf.content.get_mut(start..end) else {
        return;
    };
    let cells = (by.unsigned_abs() * width).min(region.len());
    let len = region.len();
    if by > 0 {
        region.rotate_left(cells);
        region[len - cells..].fill_with(Cell::default);
    } else {
        region.rotate_right(cells);
        region[..cells].fill_with(Cell::default);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::layout::Rect;

    #[test]
    fn shift_moves_rows_and_blanks_the_ones_left() {
        let mut b = Buffer::with_lines(["title", "aaaaa", "bbbbb", "ccccc", "end"]);
        shift(&mut b, 1..4, 1);
        assert_eq!(
            b,
            Buffer::with_lines(["title", "bbbbb", "ccccc", "     ", "end"])
        );
        shift(&mut b, 1..4, -2);
        assert_eq!(
            b,
            Buffer::with_lines(["title", "     ", "     ", "bbbbb", "end"])
        );
        assert_eq!(b.area, Rect::new(0, 0, 5, 5));
    }
}
