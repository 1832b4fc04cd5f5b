//! A crossterm backend that writes a run of wide characters without a
//! cursor move after each one.
//!
//! ratatui skips the cell a wide character covers, so the stock backend
//! sees a gap after every Hangul syllable and sends `ESC[y;xH` to cross it:
//! about eight bytes per syllable. Handing it an empty filler cell for the
//! covered column keeps the run contiguous; printing "" writes nothing.

use std::io::{self, Write};

use ratatui::backend::{Backend, ClearType, CrosstermBackend, IntoCrossterm, WindowSize};
use ratatui::buffer::Cell;
use ratatui::crossterm::queue;
use ratatui::crossterm::style::{
    Attribute, Color as CColor, Colors, SetAttribute, SetBackgroundColor, SetColors,
    SetForegroundColor, SetUnderlineColor,
};
use ratatui::layout::{Position, Size};
use ratatui::style::{Color, Modifier};

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

impl<W: Write> Backend for WideBackend<W> {
    type Error = io::Error;

    fn draw<'a, I>(&mut self, content: I) -> io::Result<()>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        // As the stock backend writes the cells (the same bytes), but for
        // the column a wide character covers, and with the cursor moves
        // and symbols written as bytes rather than through `fmt`.
        let w = &mut self.inner;
        let (mut fg, mut bg, mut underline) = (Color::Reset, Color::Reset, Color::Reset);
        let mut modifier = Modifier::empty();
        let mut next_at: Option<(u16, u16)> = None;
        let mut cells = content.peekable();
        while let Some((x, y, cell)) = cells.next() {
            if next_at != Some((x, y)) {
                move_to(w, x, y)?;
            }
            next_at = Some((x.saturating_add(1), y));
            if cell.modifier != modifier {
                modifier_diff(w, modifier, cell.modifier)?;
                modifier = cell.modifier;
            }
            if cell.fg != fg || cell.bg != bg {
                let colors = Colors::new(cell.fg.into_crossterm(), cell.bg.into_crossterm());
                queue!(w, SetColors(colors))?;
                (fg, bg) = (cell.fg, cell.bg);
            }
            if cell.underline_color != underline {
                queue!(w, SetUnderlineColor(cell.underline_color.into_crossterm()))?;
                underline = cell.underline_color;
            }
            let symbol = cell.symbol();
            w.write_all(symbol.as_bytes())?;
            // A wide character takes three UTF-8 bytes or more: the width
            // is looked up only for those, and only when the next cell
            // sent is the one after the column it covers.
            if symbol.len() >= 3
                && cells
                    .peek()
                    .is_some_and(|(nx, ny, _)| *ny == y && *nx == x.saturating_add(2))
                && crate::text::str_width(symbol) == 2
            {
                next_at = Some((x.saturating_add(2), y));
            }
        }
        queue!(
            w,
            SetForegroundColor(CColor::Reset),
            SetBackgroundColor(CColor::Reset),
            SetUnderlineColor(CColor::Reset),
            SetAttribute(Attribute::Reset),
        )
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

/// `ESC[row;colH` for the cell at `x`, `y` (counted from 0).
fn move_to(w: &mut impl Write, x: u16, y: u16) -> io::Result<()> {
    let mut out = [0u8; 16];
    out[..2].copy_from_slice(b"\x1b[");
    let mut len = 2;
    len += decimal(u32::from(y) + 1, &mut out[len..]);
    out[len] = b';';
    len += 1;
    len += decimal(u32::from(x) + 1, &mut out[len..]);
    out[len] = b'H';
    w.write_all(&out[..=len])
}

/// Write `n` in decimal at the start of `out`; how many digits.
fn decimal(mut n: u32, out: &mut [u8]) -> usize {
    let mut digits = [0u8; 5];
    let mut len = 0;
    loop {
        digits[len] = b'0' + (n % 10) as u8;
        len += 1;
        n /= 10;
        if n == 0 || len == digits.len() {
            break;
        }
    }
    for (i, d) in digits[..len].iter().rev().enumerate() {
        out[i] = *d;
    }
    len
}

/// The attributes to turn off and on to go from `from` to `to`: what is
/// no longer set first (bold and dim go together: both are reset and the
/// one still wanted set again), then what is newly set.
fn modifier_diff<W: Write>(w: &mut W, from: Modifier, to: Modifier) -> io::Result<()> {
    let removed = from - to;
    let added = to - from;
    let set = |w: &mut W, attribute| queue!(w, SetAttribute(attribute));
    if removed.contains(Modifier::REVERSED) {
        set(w, Attribute::NoReverse)?;
    }
    let intensity = removed.intersects(Modifier::BOLD | Modifier::DIM);
    if intensity {
        set(w, Attribute::NormalIntensity)?;
        if to.contains(Modifier::DIM) {
            set(w, Attribute::Dim)?;
        }
        if to.contains(Modifier::BOLD) {
            set(w, Attribute::Bold)?;
        }
    }
    for (gone, attribute) in [
        (Modifier::ITALIC, Attribute::NoItalic),
        (Modifier::UNDERLINED, Attribute::NoUnderline),
        (Modifier::CROSSED_OUT, Attribute::NotCrossedOut),
        (Modifier::HIDDEN, Attribute::NoHidden),
    ] {
        if removed.contains(gone) {
            set(w, attribute)?;
        }
    }
    if removed.intersects(Modifier::SLOW_BLINK | Modifier::RAPID_BLINK) {
        set(w, Attribute::NoBlink)?;
    }
    for (new, attribute) in [
        (Modifier::REVERSED, Attribute::Reverse),
        (Modifier::BOLD, Attribute::Bold),
        (Modifier::ITALIC, Attribute::Italic),
        (Modifier::UNDERLINED, Attribute::Underlined),
        (Modifier::DIM, Attribute::Dim),
        (Modifier::CROSSED_OUT, Attribute::CrossedOut),
        (Modifier::HIDDEN, Attribute::Hidden),
        (Modifier::SLOW_BLINK, Attribute::SlowBlink),
        (Modifier::RAPID_BLINK, Attribute::RapidBlink),
    ] {
        let again = intensity && (new == Modifier::BOLD || new == Modifier::DIM);
        if added.contains(new) && !again {
            set(w, attribute)?;
        }
    }
    Ok(())
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

    #[test]
    fn numbers_are_written_in_decimal() {
        let mut out = Vec::new();
        move_to(&mut out, 0, 0).unwrap();
        move_to(&mut out, 9, 99).unwrap();
        move_to(&mut out, 65534, 65534).unwrap();
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "\x1b[1;1H\x1b[100;10H\x1b[65535;65535H"
        );
    }
}

#[cfg(test)]
mod agree {
    //! The bytes written are the stock backend's, given a filler cell (an
    //! empty symbol) for each column a wide character covers.
    use super::*;
    use proptest::prelude::*;
    use ratatui::buffer::Buffer;
    use ratatui::layout::Rect;
    use ratatui::style::Style;

    const PIECES: [&str; 6] = ["a", " ", "가", "나다", "❤\u{fe0f}", "x가 "];
    const COLORS: [Color; 5] = [
        Color::Reset,
        Color::Red,
        Color::Indexed(208),
        Color::Rgb(1, 2, 3),
        Color::DarkGray,
    ];

    fn stock(cells: &[(u16, u16, &Cell)]) -> Vec<u8> {
        let mut merged: Vec<(u16, u16, Cell)> = Vec::new();
        for (i, (x, y, cell)) in cells.iter().enumerate() {
            merged.push((*x, *y, (*cell).clone()));
            let wide = cell.symbol().len() >= 3 && crate::text::str_width(cell.symbol()) == 2;
            if wide
                && cells
                    .get(i + 1)
                    .is_some_and(|(nx, ny, _)| ny == y && *nx == x + 2)
            {
                let mut filler = (*cell).clone();
                filler.set_symbol("");
                merged.push((x + 1, *y, filler));
            }
        }
        let mut out = Vec::new();
        CrosstermBackend::new(&mut out)
            .draw(merged.iter().map(|(x, y, c)| (*x, *y, c)))
            .unwrap();
        out
    }

    fn buffer(width: u16, rows: &[Vec<(usize, u8, u8, u16)>]) -> Buffer {
        let mut buf = Buffer::empty(Rect::new(0, 0, width, rows.len() as u16));
        for (y, pieces) in rows.iter().enumerate() {
            let mut x = 0;
            for (piece, fg, bg, modifier) in pieces {
                if x >= width {
                    break;
                }
                let style = Style::new()
                    .fg(COLORS[usize::from(*fg) % COLORS.len()])
                    .bg(COLORS[usize::from(*bg) % COLORS.len()])
                    .underline_color(COLORS[usize::from(*fg / 8) % COLORS.len()])
                    .add_modifier(Modifier::from_bits_truncate(*modifier));
                x = buf
                    .set_stringn(x, y as u16, PIECES[*piece], usize::from(width - x), style)
                    .0;
            }
        }
        buf
    }

    fn rows(height: usize) -> impl Strategy<Value = Vec<Vec<(usize, u8, u8, u16)>>> {
        prop::collection::vec(
            prop::collection::vec(
                (0..PIECES.len(), any::<u8>(), any::<u8>(), any::<u16>()),
                0..6,
            ),
            height,
        )
    }

    proptest! {
        #[test]
        fn same_bytes_as_the_stock_backend(
            width in 1u16..14,
            (a, b) in (1usize..4).prop_flat_map(|h| (rows(h), rows(h))),
        ) {
            let (shown, next) = (buffer(width, &a), buffer(width, &b));
            let cells = shown.diff(&next);
            let mut ours = Vec::new();
            WideBackend::new(&mut ours).draw(cells.iter().copied()).unwrap();
            let theirs = stock(&cells);
            prop_assert_eq!(String::from_utf8_lossy(&ours), String::from_utf8_lossy(&theirs));
        }
    }
}
