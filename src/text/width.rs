//! The one way to measure display width, in agreement with ratatui's `Buffer`.
//!
//! ratatui 0.30 (`Buffer::set_stringn`, `Span` rendering) splits text into extended grapheme
//! clusters, drops every cluster that contains a control character, and gives each remaining
//! cluster `CellWidth::cell_width()` columns (unicode-width's non-CJK width of the cluster, with a
//! fix-up for halfwidth katakana sound marks). Zero-width clusters take no cell. We call the very
//! same trait so the two can never drift apart. Ambiguous-width characters (“ ” · — ¹, Cyrillic)
//! are therefore narrow, and Hangul syllables are two columns.
//!
//! Note: `Line::width()`/`Span::width()` in ratatui measure the whole string with unicode-width
//! instead; for sanitised text the results are the same.

use ratatui::buffer::CellWidth;
use unicode_segmentation::UnicodeSegmentation;

/// Display width in terminal columns of one grapheme cluster, as ratatui's buffer places it.
pub fn grapheme_width(g: &str) -> usize {
    // The buffer silently drops clusters holding a control character; they take no column.
    if g.contains(char::is_control) {
        return 0;
    }
    usize::from(g.cell_width())
}

/// Display width in terminal columns of a string: the sum of its grapheme clusters' widths.
pub fn str_width(s: &str) -> usize {
    if s.is_ascii() {
        // Fast path: every printable ASCII byte is one cluster of one column.
        return s.bytes().filter(|b| !b.is_ascii_control()).count();
    }
    // Korean text: printable ASCII and precomposed syllables, each its own
    // cluster (no conjoining jamo or marks among them), one or two columns;
    // one column for the box drawing of the bars, the dashes, quotes,
    // bullets and ellipsis of general punctuation, the middle dot and
    // Cyrillic letters; two for the Chinese characters of Korean text.
    let mut width = 0;
    for c in s.chars() {
        match c {
            ' '..='~'
            | '\u{2500}'..='\u{257F}'
            | '\u{2010}'..='\u{2027}'
            | '·'
            | '\u{0410}'..='\u{044F}' => width += 1,
            '\u{AC00}'..='\u{D7A3}' | '\u{4E00}'..='\u{9FFF}' => width += 2,
            _ => return s.graphemes(true).map(grapheme_width).sum(),
        }
    }
    width
}

#[cfg(test)]
fn str_width_by_clusters(s: &str) -> usize {
    s.graphemes(true).map(grapheme_width).sum()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use ratatui::buffer::Buffer;
    use ratatui::layout::Rect;
    use ratatui::style::Style;

    proptest! {
        #[test]
        fn korean_fast_path_agrees(s in "[ -~가-힣─-╿‐-‧·А-я一-鿿\u{0301}\u{11A8}\u{200D}]{0,40}") {
            prop_assert_eq!(str_width(&s), str_width_by_clusters(&s));
        }
    }

    #[test]
    fn ascii_and_hangul() {
        assert_eq!(str_width(""), 0);
        assert_eq!(str_width("abc"), 3);
        assert_eq!(str_width("한"), 2);
        assert_eq!(str_width("북러 관계"), 9);
        assert_eq!(str_width("漢字"), 4);
    }

    #[test]
    fn ambiguous_width_is_narrow() {
        for s in ["“", "”", "·", "—", "¹", "Д", "ж", "±", "①"] {
            assert_eq!(str_width(s), 1, "{s:?}");
        }
    }

    #[test]
    fn combining_and_zero_width() {
        assert_eq!(grapheme_width("e\u{301}"), 1);
        assert_eq!(str_width("e\u{301}\u{302}"), 1);
        assert_eq!(str_width("\u{200B}"), 0);
        assert_eq!(str_width("a\u{7}b"), 2);
        assert_eq!(grapheme_width("\r\n"), 0);
        // NFD Hangul is one cluster of two columns, like its NFC form.
        assert_eq!(str_width("\u{1112}\u{1161}\u{11AB}"), 2);
    }

    #[test]
    fn emoji() {
        assert_eq!(str_width("😀"), 2);
        assert_eq!(str_width("👨\u{200D}👩\u{200D}👧"), 2);
    }

    /// Width the buffer actually advances when writing `s`.
    fn buffer_advance(s: &str) -> usize {
        let mut buf = Buffer::empty(Rect::new(0, 0, 1000, 1));
        let (x, _) = buf.set_stringn(0, 0, s, usize::MAX, Style::default());
        usize::from(x)
    }

    #[test]
    fn agrees_with_buffer_on_fixtures() {
        for s in [
            "북러 관계 “SWIFT” — ¹",
            "e\u{301}x\u{200B}y",
            "ｶ\u{FF9E}😀한",
            "a\tb\u{1b}[0m",
        ] {
            assert_eq!(str_width(s), buffer_advance(s), "{s:?}");
        }
    }

    proptest! {
        #[test]
        fn agrees_with_buffer(s in "[a-z \\t\\x00-\\x1f가-힣ㄱ-ㅎ\u{300}-\u{36f}\u{1100}-\u{11ff}\u{200b}-\u{200f}\u{fe0f}\u{ff9e}\u{1f600}-\u{1f64f}\u{1f1e6}-\u{1f1ff}“”·—Д]{0,60}") {
            prop_assert_eq!(str_width(&s), buffer_advance(&s));
        }
    }
}
