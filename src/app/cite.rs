//! The citation of the passage under the reading cursor (`c`): built in the interface's
//! language, shown on the status line and handed to the loop to copy (OSC 52), since many
//! terminals drop the copy without a word.

use super::document::BlockKind;
use super::{App, Effect};
use crate::i18n::tr;
use crate::notes::cite::{self, Place};

impl App {
    /// Where the passage under the cursor is, as a citation points at it: its pages where the
    /// brief has pages, else its section.
    pub fn cite_place(&self) -> Place {
        let blocks = &self.doc.blocks;
        let Some(block) = blocks.get(self.cursor.block) else {
            return Place::Whole;
        };
        if matches!(block.kind, BlockKind::Title | BlockKind::Byline) {
            return Place::Whole;
        }
        // A heading is cited by the page its first paragraph starts on.
        let paragraph = blocks[self.cursor.block..]
            .iter()
            .take_while(|b| b.section == block.section)
            .find_map(|b| b.paragraph);
        let pages = paragraph
            .and_then(|order| self.index.order().get(order).copied())
            .and_then(|place| self.index.at(place).pages);
        if let Some((first, last)) = pages {
            return Place::Pages(first, last);
        }
        if let Some(section) = block.section.and_then(|s| self.index.brief.sections.get(s)) {
            return Place::Section(section.heading());
        }
        // The summary and an Editor's Note: by the heading they stand under.
        blocks[..=self.cursor.block]
            .iter()
            .rev()
            .take_while(|b| !matches!(b.kind, BlockKind::Title | BlockKind::Byline))
            .find(|b| matches!(b.kind, BlockKind::Heading(_)))
            .map_or(Place::Whole, |b| Place::Section(b.text.clone()))
    }

    /// The citation of the passage under the cursor, in the interface's language.
    pub fn citation(&self) -> String {
        let meta = &self.index.brief.meta;
        let citation = match self.cite_place() {
            Place::Whole => cite::reference(meta, self.lang),
            place => cite::citation(meta, self.lang, &place),
        };
        crate::text::sanitize_line(&citation)
    }

    /// `c`: show the citation and ask the loop to copy it.
    pub(super) fn cite(&mut self) -> Vec<Effect> {
        let citation = self.citation();
        let copyable = crate::text::osc52::copy(&citation, false).is_some();
        let key = if copyable {
            "message.cite_copied"
        } else {
            "message.cite_shown"
        };
        self.message = tr(self.lang, key, &[("citation", &citation)]);
        if copyable {
            vec![Effect::Copy(citation)]
        } else {
            Vec::new()
        }
    }
}
