//! Enter: following what the focused pane has selected (a marker's
//! footnote, a section, a citation, a recommendation, an entity's mentions).

use super::document::Pos;
use super::{App, Focus, Popup, Tab};

impl App {
    pub(super) fn follow(&mut self) {
        match self.focus {
            Focus::Reader => match self.marker {
                Some(m) => self.open(Popup::Footnote(
                    self.doc.blocks[m.block].markers[m.marker].footnote,
                )),
                None => self.message = "put the cursor on a marker with ]f first".into(),
            },
            Focus::Outline => {
                let target = self
                    .doc
                    .blocks
                    .iter()
                    .position(|b| b.section == Some(self.outline_selected));
                if let Some(block) = target {
                    self.jump_exact(Pos { block, offset: 0 });
                }
            }
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
            Tab::Recommendations => self.follow_recommendation(i),
            Tab::Entities => self.visit_entity(i),
            Tab::Annotations => self.follow_annotation(i),
        }
    }

    pub(super) fn follow_recommendation(&mut self, i: usize) {
        let Some(r) = self.index.brief.recommendations.get(i) else {
            return;
        };
        let label = format!("{}: {}", r.id, r.title);
        let Some(first) = r.paragraphs.first() else {
            return;
        };
        let Some(order) = self.index.place(first).map(|p| p.order) else {
            return;
        };
        if let Some(block) = self.doc.block_of_paragraph(order) {
            let len = self.doc.blocks[block].text.chars().count();
            self.flash = Some((block, 0..len));
            self.jump(Pos { block, offset: 0 });
            self.message = label;
        }
    }

    pub(super) fn visit_entity(&mut self, i: usize) {
        let Some(e) = self.entity_order().get(i).copied() else {
            return;
        };
        let mentions: Vec<(usize, usize, usize)> = self.index.brief.entities[e]
            .mentions
            .iter()
            .filter_map(|m| {
                let order = self.index.place(m.paragraph.as_deref()?)?.order;
                Some((self.doc.block_of_paragraph(order)?, m.start, m.end))
            })
            .collect();
        if mentions.is_empty() {
            self.message = "mentioned only in footnotes".into();
            return;
        }
        let next = match self.entity_visit {
            Some((entity, k)) if entity == e => (k + 1) % mentions.len(),
            _ => 0,
        };
        self.entity_visit = Some((e, next));
        let (block, start, end) = mentions[next];
        let range = self.doc.display_range(block, start, end);
        self.flash = Some((block, range.clone()));
        self.jump(Pos {
            block,
            offset: range.start,
        });
        self.message = format!(
            "{} {}/{}",
            self.index.brief.entities[e].name,
            next + 1,
            mentions.len()
        );
    }
}
