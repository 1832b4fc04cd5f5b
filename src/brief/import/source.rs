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
