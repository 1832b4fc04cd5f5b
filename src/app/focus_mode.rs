//! Focus mode: the reading pane alone at full width, as on a narrow
//! terminal. Full-width rows also let the terminal scroll them itself.

use super::layout::Areas;
use super::{App, Focus};

/// Whether the side panes share the width with the reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// Outline, reader and side pane side by side (when wide enough).
    Panes,
    /// The reader alone at full width; the panes float over it.
    Focus,
}

impl App {
    /// Whether the side panes are hidden, the reader at full width.
    pub fn focus_mode(&self) -> bool {
        self.focus_mode == Mode::Focus
    }

    /// The layout at a size with `focus`, in the current mode.
    pub(super) fn areas_for(&self, width: u16, height: u16, focus: Focus) -> Areas {
        Areas::compute_for(width, height, focus, self.focus_mode())
    }

    pub(super) fn toggle_focus_mode(&mut self) {
        self.focus_mode = match self.focus_mode {
            Mode::Panes => Mode::Focus,
            Mode::Focus => Mode::Panes,
        };
        let (w, h) = (self.areas.screen.width, self.areas.screen.height);
        // The reader's width changes: rewrap, keeping the reading position.
        self.resize(w, h);
        self.message = self.tr(
            if self.focus_mode() {
                "message.focus_on"
            } else {
                "message.focus_off"
            },
            &[],
        );
    }
}
