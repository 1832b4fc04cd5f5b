//! The first stage of the import pipeline: a source (raw text, a PDF) as
//! numbered lines, each with the layout hints its format can give.

/// One line of a source, as the later stages see it.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceLine {
    /// The line's text, already sanitised.
    pub text: String,
    /// 1-based line number in the source file (for a PDF: the line's
    /// number in reading order over the whole document).
    pub number: usize,
    /// 1-based page the line stands on, where the source knows pages
    /// (form feeds in a text, page objects in a PDF).
    pub page: Option<u32>,
    /// Layout hints: only sources that have a layout (PDF) fill them.
    pub layout: Option<LayoutHints>,
}

/// Where and how a line was set on its page.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct LayoutHints {
    /// Left edge of the line, in points from the page's left edge.
    pub x: f32,
    /// Baseline of the line, in points from the page's top edge.
    pub y: f32,
    /// Height of the page, in points.
    pub page_height: f32,
    /// Width of the page, in points.
    pub page_width: f32,
    /// The font size most of the line's characters are set in.
    pub font_size: f32,
    /// Whether most of the line is set in a bold face.
    pub bold: bool,
    /// Character ranges (code points into `text`, end exclusive) set raised
    /// and smaller than the line's body size: footnote markers.
    pub raised: Vec<(usize, usize)>,
}

/// A raw text as lines: form feeds start a new page (and are dropped),
/// every line is sanitised, trailing white space trimmed, indentation kept.
pub fn text_lines(raw: &str) -> Vec<SourceLine> {
    let mut page = 1u32;
    let mut saw_form_feed = false;
    let mut lines = Vec::new();
    for (i, line) in raw.split('\n').enumerate() {
        let feeds = line.matches('\u{c}').count();
        if feeds > 0 {
            saw_form_feed = true;
            // A form feed at the end of a line closes the page after it.
            let leading = line.starts_with('\u{c}');
            if leading {
                page += u32::try_from(feeds).unwrap_or(u32::MAX);
            }
            let text = crate::text::sanitize_line(&line.replace('\u{c}', ""));
            lines.push(SourceLine {
                text: text.trim_end().to_string(),
                number: i + 1,
                page: Some(page),
                layout: None,
            });
            if !leading {
                page += u32::try_from(feeds).unwrap_or(u32::MAX);
            }
            continue;
        }
        let text = crate::text::sanitize_line(line);
        lines.push(SourceLine {
            text: text.trim_end().to_string(),
            number: i + 1,
            page: Some(page),
            layout: None,
        });
    }
    if !saw_form_feed {
        for l in &mut lines {
            l.page = None;
        }
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn form_feeds_number_pages() {
        let lines = text_lines("a\n\u{c}b\nc\u{c}\nd");
        let pages: Vec<Option<u32>> = lines.iter().map(|l| l.page).collect();
        assert_eq!(pages, vec![Some(1), Some(2), Some(2), Some(3)]);
        assert_eq!(lines[1].text, "b");
        assert_eq!(lines[3].number, 4);
    }

    #[test]
    fn no_form_feed_no_pages() {
        let lines = text_lines("  a\t\n\u{1b}[31mb");
        assert_eq!(lines[0].text, "  a");
        assert_eq!(lines[1].text, "b");
        assert!(lines.iter().all(|l| l.page.is_none()));
    }
}
