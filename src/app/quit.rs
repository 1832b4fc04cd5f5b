//! Quitting: never without a word while notes are unsaved.

use super::{App, Effect};

/// The question asked when quitting with unsaved notes; a second quit right after goes on.
const QUIT_QUESTION: &str = "notes are NOT saved: q (or Ctrl-C) again quits and writes a rescue copy of every note; any other key stays";

impl App {
    /// Quit, or ask first when notes could not be saved (the loop then writes a rescue copy).
    pub(super) fn quit(&mut self) -> Vec<Effect> {
        if self.notes.unsaved() && !self.notes.quit_asked {
            self.notes.quit_asked = true;
            self.message = QUIT_QUESTION.into();
            return Vec::new();
        }
        vec![Effect::SavePosition(self.position()), Effect::Quit]
    }
}
