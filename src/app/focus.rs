//! Which pane has the keyboard, and the side pane's tab.

use super::{App, Focus, Tab};

impl App {
    pub(super) fn set_focus(&mut self, focus: Focus) {
        self.focus = focus;
        if focus == Focus::Outline {
            self.outline_selected = self.current_outline_entry().unwrap_or(0);
        }
        let (w, h) = (self.areas.screen.width, self.areas.screen.height);
        self.areas = self.areas_for(w, h, focus);
    }

    pub(super) fn cycle_focus(&mut self, next: bool) {
        const ORDER: [Focus; 3] = [Focus::Reader, Focus::Side, Focus::Outline];
        let i = ORDER.iter().position(|f| *f == self.focus).unwrap_or(0);
        let j = if next { (i + 1) % 3 } else { (i + 2) % 3 };
        self.set_focus(ORDER[j]);
    }

    pub(super) fn cycle_tab(&mut self, step: usize) {
        let i = Tab::ALL.iter().position(|t| *t == self.tab).unwrap_or(0);
        self.tab = Tab::ALL[(i + step) % Tab::ALL.len()];
        if self.areas.overlay && self.focus == Focus::Reader {
            self.set_focus(Focus::Side);
        }
    }
}
