//! Notes re-anchored by fuzzy match after a revision sit on text that only resembles their
//! quote: they are marked approximate until the reader accepts them (or re-attaches them).

use super::{App, Effect};

impl App {
    /// Accept where the chosen approximately re-anchored annotation now sits.
    pub(super) fn accept_anchor(&mut self) -> Vec<Effect> {
        let Some(i) = self.chosen_annotation() else {
            self.message = self.nothing_chosen();
            return Vec::new();
        };
        let a = &mut self.notes.list[i];
        if a.approximate.take().is_none() {
            self.message = crate::i18n::tr(self.lang, "message.not_approximate", &[]);
            return Vec::new();
        }
        a.touch();
        self.message = crate::i18n::tr(self.lang, "message.accepted", &[]);
        vec![Effect::SaveNotes]
    }
}
