//! Greedy word wrapping into byte ranges, measured with the one width function.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

use super::width::{grapheme_width, str_width};

/// Wraps `text` into visual lines of at most `width` columns, as byte ranges into `text`.
///
/// Lines break between words (whitespace-separated runs, i.e. 어절), and `\n` is a hard break;
/// every paragraph, even an empty one, yields at least one line. Whitespace at a break is left
/// out of both lines; a paragraph's leading whitespace is kept as indentation when its first word
/// fits after it. A word wider than the line is broken between grapheme clusters, never inside
/// one. No-break spaces (U+00A0, U+2007, U+202F) do not break.
///
/// A line is never wider than `width`, with one exception that guarantees progress: a single
/// grapheme wider than the line (a Hangul syllable when `width` < 2) gets a line of its own, and
/// the renderer clips it. `width` 0 is treated as 1.
pub fn wrap(text: &str, width: usize) -> Vec<Range<usize>> {
    let mut lines = Vec::new();
    let mut offset = 0;
    for paragraph in text.split('\n') {
        let wrapper = Wrapper {
            text: paragraph,
            offset,
            width: width.max(1),
            lines: &mut lines,
            line: None,
            used: 0,
        };
        wrapper.run();
        offset += paragraph.len() + 1;
    }
    lines
}

/// Whitespace a line may break at; no-break spaces are excluded.
fn is_break_space(c: char) -> bool {
    c.is_whitespace() && !matches!(c, '\u{A0}' | '\u{2007}' | '\u{202F}')
}

/// The words of a paragraph, each with the whitespace gap before it, as byte ranges.
fn words(p: &str) -> impl Iterator<Item = (Range<usize>, Range<usize>)> + '_ {
    let mut pos = 0;
    std::iter::from_fn(move || {
        let start = pos + p[pos..].find(|c| !is_break_space(c))?;
        let end = p[start..]
            .find(is_break_space)
            .map_or(p.len(), |i| start + i);
        let gap = pos..start;
        pos = end;
        Some((gap, start..end))
    })
}

/// Greedy line filling for one paragraph (ranges are local to it until pushed).
struct Wrapper<'a> {
    text: &'a str,
    offset: usize,
    width: usize,
    lines: &'a mut Vec<Range<usize>>,
    /// The line being filled, if it holds anything yet.
    line: Option<Range<usize>>,
    /// Columns used by `line`.
    used: usize,
}

impl Wrapper<'_> {
    fn run(mut self) {
        for (i, (gap, word)) in words(self.text).enumerate() {
            self.place(gap, word, i == 0);
        }
        let last = self.line.take().unwrap_or(0..0);
        self.push(last);
    }

    /// Appends a word to the current line if it fits, otherwise starts a new line with it.
    fn place(&mut self, gap: Range<usize>, word: Range<usize>, first: bool) {
        let start = match &self.line {
            Some(line) => Some(line.start),
            None if first => Some(gap.start),
            None => None,
        };
        // Gap and word are measured together, as a cluster may span them (space + mark).
        let extra = str_width(&self.text[gap.start..word.end]);
        if let Some(start) = start
            && self.used + extra <= self.width
        {
            self.line = Some(start..word.end);
            self.used += extra;
            return;
        }
        if let Some(line) = self.line.take() {
            self.push(line);
        }
        self.place_alone(word);
    }

    /// Puts a word on a fresh line, breaking it between graphemes if it is too wide.
    fn place_alone(&mut self, word: Range<usize>) {
        let slice = &self.text[word.clone()];
        let word_width = str_width(slice);
        if word_width <= self.width {
            self.line = Some(word);
            self.used = word_width;
            return;
        }
        let mut start = word.start;
        let mut used = 0;
        for (i, g) in slice.grapheme_indices(true) {
            let at = word.start + i;
            let w = grapheme_width(g);
            if used + w > self.width && at > start {
                self.push(start..at);
                start = at;
                used = 0;
            }
            used += w;
        }
        self.line = Some(start..word.end);
        self.used = used;
    }

    fn push(&mut self, line: Range<usize>) {
        self.lines
            .push(line.start + self.offset..line.end + self.offset);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn lines(text: &str, width: usize) -> Vec<&str> {
        wrap(text, width).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn breaks_between_eojeol() {
        assert_eq!(lines("북러 관계는 깊다", 6), ["북러", "관계는", "깊다"]);
        assert_eq!(lines("북러 관계는 깊다", 11), ["북러 관계는", "깊다"]);
        assert_eq!(lines("북러 관계는 깊다", 100), ["북러 관계는 깊다"]);
    }

    #[test]
    fn empty_and_hard_breaks() {
        assert_eq!(lines("", 10), [""]);
        assert_eq!(lines("a\n\nb", 10), ["a", "", "b"]);
        assert_eq!(wrap("a\n", 10), [0..1, 2..2]);
        assert_eq!(lines("   \nx", 10), ["", "x"]);
    }

    #[test]
    fn whitespace_at_breaks_is_dropped() {
        assert_eq!(lines("ab   cd  ", 3), ["ab", "cd"]);
        assert_eq!(lines("  ab cd", 5), ["  ab", "cd"]);
        assert_eq!(lines("    abcd", 4), ["abcd"]);
        assert_eq!(lines("a\u{A0}b c", 3), ["a\u{A0}b", "c"]);
    }

    #[test]
    fn long_words_break_between_graphemes() {
        assert_eq!(lines("abcdefgh", 3), ["abc", "def", "gh"]);
        assert_eq!(lines("ab abcdefg", 4), ["ab", "abcd", "efg"]);
        assert_eq!(lines("abcdefg hi", 6), ["abcdef", "g hi"]);
        assert_eq!(lines("가나다라", 3), ["가", "나", "다", "라"]);
        assert_eq!(
            lines("e\u{301}e\u{301}e\u{301}", 2),
            ["e\u{301}e\u{301}", "e\u{301}"]
        );
    }

    #[test]
    fn narrow_widths_make_progress() {
        assert_eq!(lines("가나 a", 1), ["가", "나", "a"]);
        assert_eq!(lines("가나 a", 0), ["가", "나", "a"]);
        assert_eq!(lines("ab", 0), ["a", "b"]);
    }

    fn arbitrary_text() -> impl Strategy<Value = String> {
        "[a-z ,./가-힣ㄱ-ㅎ一-龥\u{300}-\u{36f}\n\t\u{3000}\u{a0}\u{1f600}-\u{1f64f}ｶ\u{ff9e}\u{200d}\u{1100}\u{1161}\u{600}\u{fe0f}\u{1f1e6}-\u{1f1ea}]{0,200}"
    }

    proptest! {
        #[test]
        fn wrapping_invariants(text in arbitrary_text(), width in 0usize..100) {
            let ranges = wrap(&text, width);
            prop_assert!(ranges.len() > text.matches('\n').count());
            let mut previous_end = 0;
            for r in &ranges {
                prop_assert!(previous_end <= r.start && r.start <= r.end);
                prop_assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
                previous_end = r.end;
                let line = &text[r.clone()];
                prop_assert!(!line.contains('\n'));
                prop_assert!(!line.ends_with(is_break_space));
                let w = str_width(line);
                prop_assert!(
                    w <= width.max(1) || line.graphemes(true).count() == 1,
                    "line {:?} has width {} > {}", line, w, width
                );
            }
            let kept: String = ranges.iter().map(|r| &text[r.clone()]).collect();
            let visible = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
            prop_assert_eq!(visible(&kept), visible(&text));
            let unbroken = |s: &str| s.chars().filter(|&c| !is_break_space(c)).collect::<String>();
            prop_assert_eq!(unbroken(&kept), unbroken(&text));
        }
    }
}
