//! A frame for terminals that give East Asian ambiguous characters two columns (see
//! `ReaderSettings::unambiguous`): once everything is drawn, each such character becomes a
//! one-column stand-in, so every row is as wide on screen as ratatui laid it out. Frames come
//! out as `+ - |`, the outline's `▶` as `>`, quotes as `"`.

use ratatui::buffer::Buffer;

use crate::text::{is_ambiguous, narrow_str};

/// Replace every ambiguous character of the buffer by its one-column stand-in.
pub fn narrow_buffer(buf: &mut Buffer) {
    let area = buf.area;
    for y in area.top()..area.bottom() {
        for x in area.left()..area.right() {
            let symbol = buf[(x, y)].symbol();
            if !symbol.chars().any(is_ambiguous) {
                continue;
            }
            let blank = |x: Option<u16>| {
                x.filter(|x| (area.left()..area.right()).contains(x))
                    .is_none_or(|x| buf[(x, y)].symbol() == " ")
            };
            // ` · ` between words is a separator: `-` reads as one; `인물·기관` keeps a dot.
            let separator = symbol == "·" && blank(x.checked_sub(1)) && blank(x.checked_add(1));
            let stand_in = if separator {
                "-".to_owned()
            } else {
                narrow_str(symbol).into_owned()
            };
            buf[(x, y)].set_symbol(&stand_in);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::layout::Rect;
    use ratatui::style::Style;

    #[test]
    fn frames_quotes_and_separators() {
        let mut buf = Buffer::empty(Rect::new(0, 0, 16, 1));
        buf.set_string(0, 0, "│“북러”·a · b…", Style::new());
        narrow_buffer(&mut buf);
        assert_eq!(buf, Buffer::with_lines(["|\"북러\".a - b~  "]));
    }
}
