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
use ratatui::buffer::Buffer;

use ratatui::layout::Rect;

use crate::app::{App, Areas};

/// What the last frame put on the screen, to send only what changed and
/// to scroll it in place.
///
/// The frame just drawn is kept here (swapped out of the terminal, not
/// copied) and the next frame is compared with it by [`super::diff`]:
/// when the text scrolled, with its rows looked up where the scroll moved
/// them, so the kept frame is never shifted either.
#[derive(Default)]
pub struct LastFrame {
    screen: Buffer,
    /// The buffer the next frame is drawn into (the frame before last).
    spare: Buffer,
    /// Whether `screen` is what the terminal shows (it is blank after a
    /// clear, whatever `screen` holds).
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
        if !self.held {
            // The terminal shows a blank screen.
            blank(&mut self.screen, area);
            self.held = true;
        }
        blank(&mut self.spare, area);
        let (drawn, caret) = crate::ui::draw_buffer(app, &mut self.spare);
        let mut cells = Vec::new();
        super::diff::changes(&self.screen, &self.spare, scroll.as_ref(), &mut cells);
        terminal.backend_mut().draw(cells.into_iter())?;
        match caret {
            None => terminal.hide_cursor()?,
            Some(at) => {
                terminal.show_cursor()?;
                terminal.set_cursor_position(at)?;
            }
        }
        std::mem::swap(&mut self.screen, &mut self.spare);
        terminal.backend_mut().flush()?;
        if !app.areas().too_small {
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
            if !super::diff::same(a, b) {
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
