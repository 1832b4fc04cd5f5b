//! A crossterm backend that writes a run of wide characters without a
//! cursor move after each one.
//!
//! ratatui skips the cell a wide character covers, so the stock backend
//! sees a gap after every Hangul syllable and sends `ESC[y;xH` to cross it:
//! about eight bytes per syllable. Handing it an empty filler cell for the
//! covered column keeps the run contiguous; printing "" writes nothing.

use std::io::{self, Write};

use ratatui::backend::{Backend, ClearType, CrosstermBackend, WindowSize};
use ratatui::buffer::Cell;
use ratatui::layout::{Position, Size};

/// [`CrosstermBackend`] with contiguous wide-character runs.
pub struct WideBackend<W: Write> {
    inner: CrosstermBackend<W>,
}

impl<W: Write> WideBackend<W> {
    /// Wrap a writer.
    pub fn new(writer: W) -> Self {
        WideBackend {
            inner: CrosstermBackend::new(writer),
        }
    }
}

/// The terminal's own bytes (the clipboard's escape sequence) go straight through.
impl<W: Write> Write for WideBackend<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.inner.write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        Write::flush(&mut self.inner)
    }
}

/// Filler cells for the columns covered by wide characters, each after the
/// index of the cell it follows.
fn fillers(cells: &[(u16, u16, &Cell)]) -> Vec<(usize, u16, u16, Cell)> {
    let mut out = Vec::new();
    for (i, (x, y, cell)) in cells.iter().enumerate() {
        // A wide character takes three UTF-8 bytes or more: skip the width lookup for the rest.
        let symbol = cell.symbol();
        if symbol.len() < 3 || crate::text::str_width(symbol) != 2 {
            continue;
        }
        if cells
            .get(i + 1)
            .is_some_and(|(nx, ny, _)| *ny == *y && *nx == x + 2)
        {
            let mut filler = (*cell).clone();
            filler.set_symbol("");
            out.push((i, x + 1, *y, filler));
        }
    }
    out
}

impl<W: Write> Backend for WideBackend<W> {
    type Error = io::Error;

    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        let cells: Vec<(u16, u16, &Cell)> = content.collect();
        let extra = fillers(&cells);
        let mut merged: Vec<(u16, u16, &Cell)> = Vec::with_capacity(cells.len() + extra.len());
        let mut pending = extra.iter().peekable();
        for (i, item) in cells.iter().enumerate() {
            merged.push(*item);
            while let Some((_, x, y, cell)) = pending.next_if(|f| f.0 == i) {
                merged.push((*x, *y, cell));
            }
        }
        self.inner.draw(merged.into_iter())
    }

    fn hide_cursor(&mut self) -> io::Result<()> {
        self.inner.hide_cursor()
    }

    fn show_cursor(&mut self) -> io::Result<()> {
        self.inner.show_cursor()
    }

    fn get_cursor_position(&mut self) -> io::Result<Position> {
        self.inner.get_cursor_position()
    }

    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> io::Result<()> {
        self.inner.set_cursor_position(position)
    }

    fn clear(&mut self) -> io::Result<()> {
        self.inner.clear()
    }

    fn clear_region(&mut self, clear_type: ClearType) -> io::Result<()> {
        self.inner.clear_region(clear_type)
    }

    fn size(&self) -> io::Result<Size> {
        self.inner.size()
    }

    fn window_size(&mut self) -> io::Result<WindowSize> {
        self.inner.window_size()
    }

    fn flush(&mut self) -> io::Result<()> {
        Backend::flush(&mut self.inner)
    }

    fn scroll_region_up(&mut self, region: std::ops::Range<u16>, amount: u16) -> io::Result<()> {
        self.scroll_region(region, amount, 'S')
    }

    fn scroll_region_down(&mut self, region: std::ops::Range<u16>, amount: u16) -> io::Result<()> {
        self.scroll_region(region, amount, 'T')
    }
}

impl<W: Write> WideBackend<W> {
    /// Scroll the rows of `region` (`S` up, `T` down) and set the scroll
    /// region back to the whole screen. Queued with the frame's cells, not
    /// flushed on its own as the stock backend does: one write per frame.
    fn scroll_region(
        &mut self,
        region: std::ops::Range<u16>,
        amount: u16,
        way: char,
    ) -> io::Result<()> {
        if amount == 0 || region.is_empty() {
            return Ok(());
        }
        let (first, last) = (region.start + 1, region.end);
        write!(self.inner, "\x1b[{first};{last}r\x1b[{amount}{way}\x1b[r")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::buffer::Buffer;
    use ratatui::layout::Rect;
    use ratatui::style::Style;

    #[test]
    fn a_scroll_is_queued_with_the_frame_not_written_alone() {
        let mut out = Vec::new();
        {
            let mut backend = WideBackend::new(&mut out);
            backend.scroll_region_up(2..48, 1).unwrap();
            backend.scroll_region_down(0..3, 2).unwrap();
            backend.scroll_region_up(5..5, 1).unwrap();
        }
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "\x1b[3;48r\x1b[1S\x1b[r\x1b[1;3r\x1b[2T\x1b[r"
        );
    }

    fn written(text: &str) -> Vec<u8> {
        let mut buf = Buffer::empty(Rect::new(0, 0, 20, 1));
        buf.set_string(0, 0, text, Style::new());
        let empty = Buffer::empty(buf.area);
        let diff = empty.diff(&buf);
        let mut out = Vec::new();
        WideBackend::new(&mut out)
            .draw(diff.into_iter())
            .expect("draw");
        out
    }

    #[test]
    fn hangul_run_has_one_cursor_move() {
        let out = String::from_utf8(written("북러관계와")).expect("utf-8");
        assert_eq!(
            out.matches('H').count(),
            1,
            "one MoveTo for the whole run: {out:?}"
        );
        assert!(out.contains("북러관계와"), "{out:?}");
    }
}
