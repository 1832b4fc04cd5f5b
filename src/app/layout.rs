//! Where each pane goes at a terminal size. Drawing and mouse hit-testing
//! both use this one computation.

use ratatui::layout::Rect;

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

fn inner(r: Rect) -> Rect {
    Rect {
        x: r.x + 1,
        y: r.y + 1,
        width: r.width.saturating_sub(2),
        height: r.height.saturating_sub(2),
    }
}

impl Areas {
    /// The layout for a terminal of `width` x `height` with `focus`.
    pub fn compute(width: u16, height: u16, focus: Focus) -> Areas {
        let screen = Rect::new(0, 0, width, height);
        if width < MIN_WIDTH || height < MIN_HEIGHT {
            return Areas {
                screen,
                too_small: true,
                reader_text: Rect::new(0, 0, width.max(1), height.max(1)),
                ..Areas::default()
            };
        }
        let title = Rect::new(0, 0, width, 1);
        let status = Rect::new(0, height - 1, width, 1);
        let body = Rect::new(0, 1, width, height - 2);
        if width >= WIDE {
            let outline_w = (width / 5).clamp(24, 34);
            let side_w = (width * 3 / 10).clamp(40, 64);
            let reader_w = width - outline_w - side_w;
            let outline = Rect {
                width: outline_w,
                ..body
            };
            let reader = Rect {
                x: outline_w,
                width: reader_w,
                ..body
            };
            let side = Rect {
                x: outline_w + reader_w,
                width: side_w,
                ..body
            };
            return Areas {
                screen,
                title,
                outline,
                reader,
                reader_text: inner(reader),
                side,
                status,
                overlay: false,
                too_small: false,
            };
        }
        let reader = body;
        let (mut outline, mut side) = (Rect::default(), Rect::default());
        match focus {
            Focus::Outline => {
                outline = Rect {
                    width: body.width.min(40),
                    ..body
                }
            }
            Focus::Side => {
                let w = body.width.min(60).max(body.width * 2 / 3).min(body.width);
                side = Rect {
                    x: body.width - w,
                    width: w,
                    ..body
                };
            }
            Focus::Reader => {}
        }
        Areas {
            screen,
            title,
            outline,
            reader,
            reader_text: inner(reader),
            side,
            status,
            overlay: true,
            too_small: false,
        }
    }
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
