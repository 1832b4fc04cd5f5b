//! Enter: following what the focused pane has selected (a marker's
//! footnote, a section, a citation, a recommendation, an entity's mentions).

use super::{App, Focus, Popup, Tab};

impl App {
    pub(super) fn follow(&mut self) {
        match self.focus {
            Focus::Reader => match self.marker {
                Some(m) => self.open(Popup::Footnote(
                    self.doc.blocks[m.block].markers[m.marker].footnote,
                )),
                None => self.message = crate::i18n::tr(self.lang, "message.marker_first", &[]),
            },
            Focus::Outline => self.follow_outline(),
            Focus::Side => self.follow_side(),
        }
    }

    pub(super) fn follow_side(&mut self) {
        let i = self.selected();
        match self.tab {
            Tab::Citations => {
                if let Some(n) = self.citations().get(i).copied() {
                    self.goto_footnote(n);
                }
            }
            Tab::Recommendations => {
                if i < self.index.brief.recommendations.len() {
                    self.open(Popup::Recommendation(i));
                }
            }
            Tab::Entities => self.entity_step(true),
            Tab::Annotations => self.follow_annotation(i),
        }
    }
}
