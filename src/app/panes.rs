//! What the linked panes list, derived from the one reading position.

use super::App;
use super::document::BlockKind;

/// The kinds of entity in display order, with the catalogue keys of their labels.
pub const KIND_LABELS: &[(&str, &str)] = &[
    ("person", "entity.person"),
    ("state", "entity.country"),
    ("organisation", "entity.organization"),
    ("place", "entity.place"),
    ("treaty", "entity.treaty"),
    ("weapon", "entity.weapon"),
    ("media", "entity.outlet"),
    ("event", "entity.event"),
    ("other", "entity.other"),
];

impl App {
    /// Footnotes whose markers are on screen, or the nearest one.
    pub fn citations(&self) -> Vec<u32> {
        let mut on_screen: Vec<u32> = Vec::new();
        for l in &self.doc.lines[self.visible_lines()] {
            let block = &self.doc.blocks[l.block];
            let len = block.text[l.bytes.clone()].chars().count();
            for m in block
                .markers
                .iter()
                .filter(|m| m.start >= l.first_char && m.start < l.first_char + len.max(1))
            {
                if !on_screen.contains(&m.footnote) {
                    on_screen.push(m.footnote);
                }
            }
            if let BlockKind::Footnote(n) = block.kind
                && !on_screen.contains(&n)
            {
                on_screen.push(n);
            }
        }
        if on_screen.is_empty() {
            on_screen.extend(self.nearest_footnote());
        }
        on_screen
    }

    fn nearest_footnote(&self) -> Option<u32> {
        let here = self.visible_blocks().start;
        let with_markers = |b: &usize| !self.doc.blocks[*b].markers.is_empty();
        let before = (0..here).rev().find(with_markers);
        let after = (here..self.doc.blocks.len()).find(with_markers);
        let block = match (before, after) {
            (Some(b), Some(a)) => {
                if here - b <= a - here {
                    b
                } else {
                    a
                }
            }
            (b, a) => b.or(a)?,
        };
        let markers = &self.doc.blocks[block].markers;
        if Some(block) == before {
            markers.last()
        } else {
            markers.first()
        }
        .map(|m| m.footnote)
    }

    /// Paragraph ids on screen.
    pub fn visible_paragraphs(&self) -> Vec<&str> {
        let order = self.index.order();
        self.doc.blocks[self.visible_blocks()]
            .iter()
            .filter_map(|b| b.paragraph)
            .filter_map(|o| order.get(o).map(|p| self.index.at(*p).id.as_str()))
            .collect()
    }

    /// How many items the current side tab lists.
    pub fn side_len(&self) -> usize {
        match self.tab {
            super::Tab::Citations => self.citations().len(),
            super::Tab::Recommendations => self.index.brief.recommendations.len(),
            super::Tab::Entities => self.entity_order().len(),
            super::Tab::Annotations => self.annotation_order().len(),
        }
    }

    /// Section index (into `brief.sections`) at the reading position.
    pub fn current_section(&self) -> Option<usize> {
        let block = self.doc.lines.get(self.top)?.block;
        self.doc.blocks[..=block]
            .iter()
            .rev()
            .find_map(|b| b.section)
    }
}
