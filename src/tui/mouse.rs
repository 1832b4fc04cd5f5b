//! Mouse events to actions. The loop knows the time, so it counts clicks: two on the same
//! cell in quick succession are a double click (a word), three a triple click (a sentence).

use std::time::{Duration, Instant};

use crossterm::event::{Event, MouseButton, MouseEventKind};

use crate::app::Action;

/// Clicks further apart than this start a new count.
const MULTI_CLICK: Duration = Duration::from_millis(400);

/// The last left click: where, when, and how many in a row.
#[derive(Debug, Default)]
pub(super) struct Clicks {
    last: Option<(u16, u16, Instant, u8)>,
}

impl Clicks {
    /// The action a terminal event asks for, if any.
    pub(super) fn translate(&mut self, ev: &Event, now: Instant) -> Option<Action> {
        let mouse = match *ev {
            Event::Resize(width, height) => return Some(Action::Resize { width, height }),
            Event::Mouse(m) => m,
            _ => return None,
        };
        let (x, y) = (mouse.column, mouse.row);
        match mouse.kind {
            MouseEventKind::ScrollDown => Some(Action::Wheel { x, y, down: true }),
            MouseEventKind::ScrollUp => Some(Action::Wheel { x, y, down: false }),
            MouseEventKind::Down(MouseButton::Left) => Some(match self.count(x, y, now) {
                1 => Action::Click { x, y },
                2 => Action::DoubleClick { x, y },
                _ => Action::TripleClick { x, y },
            }),
            MouseEventKind::Down(_) => Some(Action::Click { x, y }),
            MouseEventKind::Drag(_) => Some(Action::Drag { x, y }),
            _ => None,
        }
    }

    /// How many clicks in a row this one makes (1 to 3; a fourth starts again).
    fn count(&mut self, x: u16, y: u16, now: Instant) -> u8 {
        let n = match self.last {
            Some((lx, ly, at, n))
                if lx == x && ly == y && n < 3 && now.duration_since(at) <= MULTI_CLICK =>
            {
                n + 1
            }
            _ => 1,
        };
        self.last = Some((x, y, now, n));
        n
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crossterm::event::{KeyModifiers, MouseEvent};

    fn down(x: u16, y: u16) -> Event {
        Event::Mouse(MouseEvent {
            kind: MouseEventKind::Down(MouseButton::Left),
            column: x,
            row: y,
            modifiers: KeyModifiers::NONE,
        })
    }

    #[test]
    fn clicks_in_a_row_on_one_cell_count_up() {
        let mut c = Clicks::default();
        let t = Instant::now();
        let ms = |n| t + Duration::from_millis(n);
        assert_eq!(
            c.translate(&down(5, 6), t),
            Some(Action::Click { x: 5, y: 6 })
        );
        assert_eq!(
            c.translate(&down(5, 6), ms(100)),
            Some(Action::DoubleClick { x: 5, y: 6 })
        );
        assert_eq!(
            c.translate(&down(5, 6), ms(200)),
            Some(Action::TripleClick { x: 5, y: 6 })
        );
        assert_eq!(
            c.translate(&down(5, 6), ms(300)),
            Some(Action::Click { x: 5, y: 6 })
        );
        assert_eq!(
            c.translate(&down(5, 6), ms(1000)),
            Some(Action::Click { x: 5, y: 6 }),
            "too late for a double click"
        );
        assert_eq!(
            c.translate(&down(7, 6), ms(1100)),
            Some(Action::Click { x: 7, y: 6 }),
            "another cell"
        );
    }
}
