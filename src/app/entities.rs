//! The Entities tab: the names on screen first, a filter as you type, every
//! mention (footnotes too) visited both ways, and the names the import was
//! unsure of kept apart until the reader confirms or drops them.

use std::collections::HashMap;
use std::ops::Range;

use super::document::{BlockKind, Pos};
use super::panes::KIND_LABELS;
use super::search::footnote_block;
use super::{App, Effect, Focus, Tab};
use crate::brief::model::{Confidence, Mention};
use crate::notes::{EntityReview, EntityReviews, Verdict};
use crate::text::{Query, fold_str};

/// Names found with less confidence than this are shown apart until confirmed.
pub const REVIEW_BELOW: Confidence = Confidence::Medium;

/// Where a name stands in the Entities tab, in the tab's order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Standing {
    /// Mentioned in the lines on screen.
    OnScreen,
    /// Mentioned elsewhere.
    Elsewhere,
    /// Found with low confidence and not yet confirmed by the reader.
    Unconfirmed,
}

impl App {
    /// The reader's verdicts on unsure names, as the notes file keeps them.
    pub fn entity_reviews(&self) -> &EntityReviews {
        &self.notes.reviews
    }

    /// Take the verdicts kept on disk (at start, or merged by a save or another window);
    /// true when they changed.
    pub fn set_entity_reviews(&mut self, reviews: EntityReviews) -> bool {
        let changed = self.notes.reviews != reviews;
        self.notes.reviews = reviews;
        changed
    }

    /// The reader's verdict on entity `e`, if any.
    pub fn entity_verdict(&self, e: usize) -> Option<Verdict> {
        let id = &self.index.brief.entities.get(e)?.id;
        self.notes.reviews.get(id).map(|r| r.verdict)
    }

    /// Whether entity `e` was found with low confidence (a reader may confirm or drop it).
    pub fn entity_in_doubt(&self, e: usize) -> bool {
        self.index
            .brief
            .entities
            .get(e)
            .is_some_and(|x| x.confidence < REVIEW_BELOW)
    }

    /// Every mention of entity `e` in the reading view, in reading order: block and display range.
    pub fn entity_mentions(&self, e: usize) -> Vec<(usize, Range<usize>)> {
        let notes = self.footnote_blocks();
        let Some(entity) = self.index.brief.entities.get(e) else {
            return Vec::new();
        };
        let mut out: Vec<(usize, Range<usize>)> = entity
            .mentions
            .iter()
            .filter_map(|m| self.mention_place(m, &notes))
            .collect();
        out.sort_by_key(|(b, r)| (*b, r.start));
        out.dedup();
        out
    }

    fn footnote_blocks(&self) -> HashMap<u32, (usize, usize)> {
        self.doc
            .blocks
            .iter()
            .filter_map(|b| match b.kind {
                BlockKind::Footnote(n) => Some(n),
                _ => None,
            })
            .filter_map(|n| Some((n, footnote_block(&self.index, &self.doc, n)?)))
            .collect()
    }

    fn mention_place(
        &self,
        m: &Mention,
        notes: &HashMap<u32, (usize, usize)>,
    ) -> Option<(usize, Range<usize>)> {
        if let Some(n) = m.footnote {
            let (block, shift) = notes.get(&n)?;
            return Some((*block, shift + m.start..shift + m.end));
        }
        let order = self.index.place(m.paragraph.as_deref()?)?.order;
        let block = self.doc.block_of_paragraph(order)?;
        Some((block, self.doc.display_range(block, m.start, m.end)))
    }

    /// Where entity `e` stands in the tab; `None` when the reader dropped it.
    pub fn entity_standing(&self, e: usize, on_screen: &Range<usize>) -> Option<Standing> {
        self.standing_with(e, on_screen, &self.footnote_blocks())
    }

    fn standing_with(
        &self,
        e: usize,
        on_screen: &Range<usize>,
        notes: &HashMap<u32, (usize, usize)>,
    ) -> Option<Standing> {
        match self.entity_verdict(e) {
            Some(Verdict::Dropped) => return None,
            None if self.entity_in_doubt(e) => return Some(Standing::Unconfirmed),
            _ => {}
        }
        let seen = self.index.brief.entities[e]
            .mentions
            .iter()
            .filter_map(|m| self.mention_place(m, notes))
            .any(|(b, _)| on_screen.contains(&b));
        Some(if seen {
            Standing::OnScreen
        } else {
            Standing::Elsewhere
        })
    }

    /// Whether entity `e` passes the tab's filter (name or alias, Korean-aware).
    fn entity_matches(&self, e: usize, query: &Query) -> bool {
        let x = &self.index.brief.entities[e];
        query.is_empty()
            || std::iter::once(&x.name)
                .chain(&x.aliases)
                .any(|n| !query.find_all(&fold_str(n)).is_empty())
    }

    /// The Entities tab's list: filtered, dropped names hidden, those on screen
    /// first, then the rest, then the unconfirmed; by kind and mentions within each.
    pub fn entity_order(&self) -> Vec<usize> {
        self.entity_list().into_iter().map(|(e, _)| e).collect()
    }

    /// [`App::entity_order`] with where each name stands.
    pub fn entity_list(&self) -> Vec<(usize, Standing)> {
        let entities = &self.index.brief.entities;
        let rank = |kind: &str| {
            KIND_LABELS
                .iter()
                .position(|(k, _)| *k == kind)
                .unwrap_or(KIND_LABELS.len())
        };
        let query = Query::new(&self.entity_filter);
        let screen = self.visible_blocks();
        let notes = self.footnote_blocks();
        let mut listed: Vec<(usize, Standing)> = (0..entities.len())
            .filter(|e| self.entity_matches(*e, &query))
            .filter_map(|e| Some((e, self.standing_with(e, &screen, &notes)?)))
            .collect();
        listed.sort_by(|(a, sa), (b, sb)| {
            let (ea, eb) = (&entities[*a], &entities[*b]);
            sa.cmp(sb)
                .then(rank(&ea.kind).cmp(&rank(&eb.kind)))
                .then(eb.mentions.len().cmp(&ea.mentions.len()))
                .then(ea.name.cmp(&eb.name))
        });
        listed
    }

    /// The entity selected in the Entities tab.
    pub fn selected_entity(&self) -> Option<usize> {
        self.entity_order()
            .get(self.side_selected[Tab::Entities.index()])
            .copied()
    }

    /// Keep the selection on entity `e` after the list reordered.
    fn reselect_entity(&mut self, e: usize) {
        if let Some(i) = self.entity_order().iter().position(|x| *x == e) {
            self.side_selected[Tab::Entities.index()] = i;
        }
    }

    /// Visit the selected entity's next (or previous) mention, footnotes included.
    pub(super) fn entity_step(&mut self, forward: bool) {
        let Some(e) = self.selected_entity() else {
            self.message = self.tr("message.no_name", &[]);
            return;
        };
        let name = self.index.brief.entities[e].name.clone();
        let mentions = self.entity_mentions(e);
        let n = mentions.len();
        if n == 0 {
            self.message = self.tr("message.not_mentioned", &[("name", &name)]);
            return;
        }
        let (k, wrapped) = match self.entity_visit {
            Some((x, k)) if x == e && forward => ((k + 1) % n, k + 1 == n),
            Some((x, k)) if x == e => ((k + n - 1) % n, k == 0),
            _ if forward => (0, false),
            _ => (n - 1, false),
        };
        self.entity_visit = Some((e, k));
        let (block, range) = mentions[k].clone();
        self.flash = Some((block, range.clone()));
        let pos = Pos {
            block,
            offset: range.start,
        };
        self.cursor = pos;
        self.jump(pos);
        self.reselect_entity(e);
        let mut said = self.tr(
            "message.mention",
            &[("name", &name), ("k", &(k + 1)), ("count", &n)],
        );
        if let BlockKind::Footnote(f) = self.doc.blocks[block].kind {
            said += &self.tr("message.mention_footnote", &[("number", &f)]);
        }
        match (wrapped, forward) {
            (true, true) => said += &self.tr("message.from_first", &[]),
            (true, false) => said += &self.tr("message.from_last", &[]),
            _ => {}
        }
        self.message = said;
    }

    /// Confirm or drop the selected name the import was unsure of; kept with the notes.
    pub(super) fn review_entity(&mut self, verdict: Verdict) -> Vec<Effect> {
        let chosen = (self.focus == Focus::Side && self.tab == Tab::Entities)
            .then(|| self.selected_entity())
            .flatten();
        let Some(e) = chosen else {
            self.message = self.tr("message.choose_name", &[]);
            return Vec::new();
        };
        let entity = &self.index.brief.entities[e];
        if entity.confidence >= REVIEW_BELOW {
            self.message = self.tr("message.not_in_doubt", &[("name", &entity.name)]);
            return Vec::new();
        }
        let (id, name) = (entity.id.clone(), entity.name.clone());
        self.notes.reviews.insert(id, EntityReview::now(verdict));
        let said = match verdict {
            Verdict::Confirmed => "message.confirmed",
            Verdict::Dropped => "message.dropped",
        };
        self.message = self.tr(said, &[("name", &name)]);
        self.reselect_entity(e);
        vec![Effect::SaveNotes]
    }
}
