//! The outline's entries: every heading of the reading view (the Editor's
//! Note, the summary, each section, the notes), in order.

use super::App;
use super::document::{BlockKind, Pos};

impl App {
    /// The heading blocks the outline lists, in reading order.
    pub fn outline_entries(&self) -> Vec<usize> {
        self.doc
            .blocks
            .iter()
            .enumerate()
            .filter(|(_, b)| matches!(b.kind, BlockKind::Heading(_)))
            .map(|(i, _)| i)
            .collect()
    }

    /// How many entries the outline lists.
    pub fn outline_len(&self) -> usize {
        self.outline_entries().len()
    }

    /// The entry the reading position is in (the last heading at or above the top line).
    pub fn current_outline_entry(&self) -> Option<usize> {
        let here = self.doc.lines.get(self.top)?.block;
        self.outline_entries().iter().rposition(|b| *b <= here)
    }

    /// Jump to the outline's selected entry.
    pub(super) fn follow_outline(&mut self) {
        if let Some(block) = self.outline_entries().get(self.outline_selected).copied() {
            self.jump_exact(Pos { block, offset: 0 });
        }
    }
}
