//! Where each pane goes at a terminal size. Drawing and mouse hit-testing
//! both use this one computation.

use ratatui::layout::{Margin, Rect};

use super::Focus;

/// Wide enough for outline, reader and side pane side by side.
pub const WIDE: u16 = 120;
/// Below this the reader shows a "terminal too small" notice.
pub const MIN_WIDTH: u16 = 40;
/// Below this the reader shows a "terminal too small" notice.
pub const MIN_HEIGHT: u16 = 10;

/// The rectangles of every pane; empty ones are not shown.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Areas {
    pub screen: Rect,
    pub title: Rect,
    pub outline: Rect,
    pub reader: Rect,
    /// The reader's text inside its border.
    pub reader_text: Rect,
    pub side: Rect,
    pub status: Rect,
    /// Outline and side pane float over the reader (narrow terminals).
    pub overlay: bool,
    pub too_small: bool,
}

impl Areas {
    /// The layout for a terminal of `width` x `height` with `focus`.
    pub fn compute(width: u16, height: u16, focus: Focus) -> Areas {
        Areas::compute_for(width, height, focus, false)
    }

    /// The layout, with the reader at full width and the panes floating
    /// over it when `full_width` (as on a narrow terminal).
    pub fn compute_for(width: u16, height: u16, focus: Focus, full_width: bool) -> Areas {
        let screen = Rect::new(0, 0, width, height);
        if width < MIN_WIDTH || height < MIN_HEIGHT {
            return Areas {
                screen,
                too_small: true,
                reader_text: Rect::new(0, 0, width.max(1), height.max(1)),
                ..Areas::default()
            };
        }
        let body = Rect::new(0, 1, width, height - 2);
        let overlay = full_width || width < WIDE;
        let (outline, reader, side) = if overlay {
            floating(body, focus)
        } else {
            side_by_side(body)
        };
        Areas {
            screen,
            title: Rect::new(0, 0, width, 1),
            outline,
            reader,
            reader_text: reader.inner(Margin::new(1, 1)),
            side,
            status: Rect::new(0, height - 1, width, 1),
            overlay,
            too_small: false,
        }
    }
}

/// Outline, reader and side pane next to each other.
fn side_by_side(body: Rect) -> (Rect, Rect, Rect) {
    let outline_w = (body.width / 5).clamp(24, 34);
    let side_w = (body.width * 3 / 10).clamp(40, 64);
    let reader_w = body.width - outline_w - side_w;
    (
        Rect {
            width: outline_w,
            ..body
        },
        Rect {
            x: outline_w,
            width: reader_w,
            ..body
        },
        Rect {
            x: outline_w + reader_w,
            width: side_w,
            ..body
        },
    )
}

/// The reader full width; the focused outline or side pane floats over it.
fn floating(body: Rect, focus: Focus) -> (Rect, Rect, Rect) {
    let none = Rect::default();
    match focus {
        Focus::Outline => (
            Rect {
                width: body.width.min(40),
                ..body
            },
            body,
            none,
        ),
        Focus::Side => {
            let w = body.width.min(60).max(body.width * 2 / 3).min(body.width);
            (
                none,
                body,
                Rect {
                    x: body.width - w,
                    width: w,
                    ..body
                },
            )
        }
        Focus::Reader => (none, body, none),
    }
}

/// What a frame laid out, handed back to the app after drawing: the sizes
/// that only drawing knows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Drawn {
    /// The open popup, when one was drawn.
    pub popup: Option<PopupLayout>,
    /// The section on the outline's first row.
    pub outline_first: usize,
    /// The rows of each item of the side pane's list, relative to its first
    /// row (rows above the list after scrolling are empty ranges at 0).
    pub side_items: Vec<std::ops::Range<usize>>,
    /// The library screen's list: each screen row that shows an item, with the item's index
    /// in the view shown.
    pub library_items: Vec<(u16, usize)>,
}

/// The size of a drawn popup's content and of its window.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PopupLayout {
    /// Lines of content.
    pub lines: usize,
    /// Rows shown at once.
    pub rows: usize,
}

/// Whether a cell lies in a rectangle.
pub fn contains(r: Rect, x: u16, y: u16) -> bool {
    r.width > 0 && r.height > 0 && x >= r.x && x < r.x + r.width && y >= r.y && y < r.y + r.height
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_narrow_tiny() {
        let a = Areas::compute(200, 50, Focus::Reader);
        assert!(!a.overlay && a.outline.width > 0 && a.side.width > 0);
        assert_eq!(a.outline.width + a.reader.width + a.side.width, 200);
        let n = Areas::compute(80, 24, Focus::Reader);
        assert!(n.overlay && n.side.width == 0 && n.reader.width == 80);
        let s = Areas::compute(80, 24, Focus::Side);
        assert!(s.side.width >= 53 && s.side.x + s.side.width == 80);
        assert!(Areas::compute(1, 1, Focus::Reader).too_small);
    }
}
