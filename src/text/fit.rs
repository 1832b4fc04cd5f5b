//! Cutting text to a width with a visible mark, never silently.

use unicode_segmentation::UnicodeSegmentation;

use super::width::{grapheme_width, str_width};

/// `text` if it fits in `width` columns, else as much as fits followed by `…`.
pub fn ellipsize(text: &str, width: usize) -> String {
    if str_width(text) <= width {
        return text.to_string();
    }
    let Some(room) = width.checked_sub(1) else {
        return String::new();
    };
    let mut out = String::new();
    let mut used = 0;
    for g in text.graphemes(true) {
        let w = grapheme_width(g);
        if used + w > room {
            break;
        }
        used += w;
        out.push_str(g);
    }
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cuts_wide_text_with_an_ellipsis_within_the_width() {
        assert_eq!(ellipsize("북러 협력의 구조", 20), "북러 협력의 구조");
        assert_eq!(ellipsize("북러 협력의 구조", 9), "북러 협…");
        assert_eq!(ellipsize("북러 협력의 구조", 10), "북러 협력…");
        assert_eq!(ellipsize("abc", 0), "");
        assert_eq!(ellipsize("abcdef", 4), "abc…");
    }
}
