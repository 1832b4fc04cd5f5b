//! Quitting: never without a word while notes are unsaved.

use super::{App, Effect};

impl App {
    /// Quit, or ask first when notes could not be saved (the loop then writes a rescue copy).
    pub(super) fn quit(&mut self) -> Vec<Effect> {
        if self.notes.unsaved() && !self.notes.quit_asked {
            self.notes.quit_asked = true;
            // The question asked when quitting with unsaved notes; a second quit goes on.
            self.message = self.tr("message.quit_unsaved", &[]);
            return Vec::new();
        }
        vec![Effect::SavePosition(self.position()), Effect::Quit]
    }
}
