//! A scroll drawn as the terminal's own scroll. When the text moved by a
//! few lines, the terminal shifts the text rows itself (a scroll region)
//! and only the rows that came into view, and whatever else changed, are
//! sent: about one row per line scrolled instead of every row of the pane.
//! A scroll region spans the full width, so with the side panes beside the
//! text their rows move too and are sent again: the scroll is used when
//! that costs fewer cells than redrawing the text.

use std::ops::Range;

use ratatui::Terminal;
use ratatui::backend::Backend;
use ratatui::buffer::{Buffer, Cell};

use ratatui::layout::Rect;

use crate::app::{App, Areas};

/// What the last frame put on the screen, to scroll it in place.
///
/// The frame is taken out of the terminal's buffers rather than copied
/// (a copy of every cell cost a sixth of a keystroke at 200x50): after a
/// draw it is held here, and before the next it is handed back as the
/// buffer ratatui diffs against, shifted first when the text scrolled.
#[derive(Default)]
pub struct LastFrame {
    screen: Buffer,
    /// Whether `screen` is what the terminal shows (and the terminal's
    /// own last buffer is not).
    held: bool,
    top: usize,
    areas: Option<Areas>,
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
        // Until this frame is drawn, the last one is unknown (a failed draw leaves it so).
        self.areas = None;
        if let Some((rows, by)) = &scroll {
            let n = by.unsigned_abs() as u16;
            if *by > 0 {
                terminal.backend_mut().scroll_region_up(rows.clone(), n)?;
            } else {
                terminal.backend_mut().scroll_region_down(rows.clone(), n)?;
            }
            shift(&mut self.screen, rows.clone(), *by);
            self.scrolls += 1;
        }
        self.hand_back(terminal)?;
        // Asking the terminal its size opens /dev/tty: only when the app
        // was told of another size (every resize reaches it as an event).
        if terminal.current_buffer_mut().area != app.areas().screen {
            terminal.autoresize()?;
        }
        let (drawn, caret) = crate::ui::draw_buffer(app, terminal.current_buffer_mut());
        terminal.flush()?;
        match caret {
            None => terminal.hide_cursor()?,
            Some(at) => {
                terminal.show_cursor()?;
                terminal.set_cursor_position(at)?;
            }
        }
        self.take(terminal);
        terminal.backend_mut().flush()?;
        if !app.areas().too_small {
            self.top = app.top();
            self.areas = Some(app.areas());
        }
        app.laid_out(drawn);
        Ok(())
    }

    /// Make the held frame the buffer the next draw is compared with; the
    /// terminal redraws everything when it cannot be.
    fn hand_back<B: Backend>(&mut self, terminal: &mut Terminal<B>) -> Result<(), B::Error> {
        if !std::mem::take(&mut self.held) {
            // Whatever it holds goes out as the next blank buffer.
            self.screen.reset();
            return Ok(());
        }
        let current = terminal.current_buffer_mut();
        if current.area != self.screen.area {
            self.screen.reset();
            return terminal.clear();
        }
        // The current buffer is blank: it becomes the next one to hold.
        std::mem::swap(current, &mut self.screen);
        terminal.swap_buffers();
        Ok(())
    }

    /// Take the frame just drawn out of the terminal, leaving a blank
    /// buffer of its size to draw the next into.
    fn take<B: Backend>(&mut self, terminal: &mut Terminal<B>) {
        let current = terminal.current_buffer_mut();
        if self.screen.area != current.area {
            self.screen = Buffer::empty(current.area);
        }
        std::mem::swap(current, &mut self.screen);
        self.held = true;
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
        let worth = whole_rows(&a) || cheaper_to_scroll(&self.screen, text, by);
        (by != 0 && by.abs() <= limit && worth).then_some((text.top()..text.bottom(), by))
    }
}

/// Whether scrolling the rows of `text` by `by` sends fewer cells than
/// redrawing them, judged on the last frame against itself shifted: the
/// text's own columns change when they are redrawn, the columns beside it
/// (side panes) when the scroll moved them. Every third row is looked
/// at: an estimate, at a third of the cost of a diff.
fn cheaper_to_scroll(screen: &Buffer, text: Rect, by: isize) -> bool {
    let width = usize::from(screen.area.width);
    let (left, right) = (usize::from(text.left()), usize::from(text.right()));
    let (mut redraw, mut repair) = (0usize, 0usize);
    for y in (text.top()..text.bottom()).step_by(3) {
        let from = y as isize + by;
        if from < text.top() as isize || from >= text.bottom() as isize {
            continue;
        }
        let row = usize::from(y.saturating_sub(screen.area.y)) * width;
        let source = (from as usize).saturating_sub(usize::from(screen.area.y)) * width;
        let (Some(now), Some(then)) = (
            screen.content.get(row..row + width),
            screen.content.get(source..source + width),
        ) else {
            return false;
        };
        for (x, (a, b)) in now.iter().zip(then).enumerate() {
            if a != b {
                if (left..right).contains(&x) {
                    redraw += 1;
                } else {
                    repair += 1;
                }
            }
        }
    }
    repair < redraw
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
