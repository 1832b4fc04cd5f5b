//! Wrapped text with some of it marked: the search's matches in a footnote.

use std::ops::Range;

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::app::App;
use crate::app::search::footnote_block;
use crate::text::wrap;

/// The search's matches in footnote `n`, as char ranges of its text.
pub fn footnote_matches(app: &App, n: u32) -> Vec<Range<usize>> {
    let Some((block, shift)) = footnote_block(app.index(), app.doc(), n) else {
        return Vec::new();
    };
    app.search()
        .matches
        .iter()
        .filter(|m| m.block == block && m.range.start >= shift)
        .map(|m| m.range.start - shift..m.range.end - shift)
        .collect()
}

/// `text` wrapped at `width`, the chars in `marks` drawn in `mark`.
pub fn wrapped_marked(
    text: &str,
    width: u16,
    style: Style,
    marks: &[Range<usize>],
    mark: Style,
) -> Vec<Line<'static>> {
    let marked = |i: usize| marks.iter().any(|r| r.contains(&i));
    let mut lines = Vec::new();
    let mut chars_before = 0;
    let mut last_end = 0;
    for r in wrap(text, width.max(1) as usize) {
        chars_before += text[last_end..r.start].chars().count();
        last_end = r.end;
        let mut spans: Vec<Span<'static>> = Vec::new();
        let mut run = String::new();
        let mut run_marked = false;
        for c in text[r].chars() {
            let here = marked(chars_before);
            if here != run_marked && !run.is_empty() {
                let s = if run_marked { mark } else { style };
                spans.push(Span::styled(std::mem::take(&mut run), s));
            }
            run_marked = here;
            run.push(c);
            chars_before += 1;
        }
        if !run.is_empty() {
            spans.push(Span::styled(run, if run_marked { mark } else { style }));
        }
        lines.push(Line::from(spans));
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_fall_on_their_chars_across_lines() {
        let (plain, mark) = (Style::new(), Style::new().bold());
        let marks = vec![1..4, 9..9];
        let lines = wrapped_marked("가나 다라 마바", 5, plain, &marks, mark);
        let marked: Vec<String> = lines
            .iter()
            .flat_map(|l| l.spans.iter())
            .filter(|s| s.style == mark)
            .map(|s| s.content.to_string())
            .collect();
        assert_eq!(marked, ["나", "다"], "the space at the break is not drawn");
        let all: String = lines
            .iter()
            .flat_map(|l| l.spans.iter().map(|s| s.content.to_string()))
            .collect();
        assert_eq!(all.replace(' ', ""), "가나다라마바");
    }
}
