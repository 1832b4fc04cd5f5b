//! Incremental search state: the query, its matches in the reading view,
//! the current one, and where the search started.

use std::ops::Range;

use super::App;
use super::action::Action;
use super::document::{BlockKind, Document, Pos};
use super::{Focus, Popup, Tab};
use crate::brief::Index;
use crate::brief::search::TextAt;

/// The reading view's block of footnote `n`, and where its text starts in
/// the block (after the superscript number and a space).
pub fn footnote_block(index: &Index, doc: &Document, n: u32) -> Option<(usize, usize)> {
    let block = doc
        .blocks
        .iter()
        .position(|b| b.kind == BlockKind::Footnote(n))?;
    let text = index.brief.footnote(n)?.text.chars().count();
    let shift = doc.blocks[block].text.chars().count().saturating_sub(text);
    Some((block, shift))
}

/// A match in the reading view: block and display char range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Match {
    pub block: usize,
    pub range: Range<usize>,
}

/// The search: typing (`active`) or done, with its matches.
#[derive(Debug, Default, Clone)]
pub struct Search {
    pub active: bool,
    /// Typing filters the Annotations tab instead of searching the text.
    pub filtering: bool,
    pub query: String,
    pub matches: Vec<Match>,
    pub current: Option<usize>,
    /// The reading position when the search started, restored by Esc. A
    /// position, not a line: the lines change when the terminal is resized.
    pub origin: Pos,
    /// The last query searched for: `/` then Enter alone searches for it again.
    pub last: String,
}

impl Search {
    /// Recompute the matches of the query in the reading view: the body,
    /// the footnotes, and the sources (at the footnote that cites them, when
    /// the footnote's own text does not hold the match).
    pub fn run(&mut self, index: &Index, doc: &Document) {
        let mut sources = Vec::new();
        self.matches.clear();
        for (at, start, end) in index.search_spans(&self.query) {
            let found = match at {
                TextAt::Paragraph(order) => doc
                    .block_of_paragraph(order)
                    .map(|block| (block, doc.display_range(block, start, end))),
                TextAt::Footnote(n) => footnote_block(index, doc, n)
                    .map(|(block, shift)| (block, shift + start..shift + end)),
                TextAt::SourceOutlet(i) | TextAt::SourceTitle(i) => {
                    sources.push(i);
                    None
                }
            };
            if let Some((block, range)) = found {
                self.matches.push(Match { block, range });
            }
        }
        sources.dedup();
        for i in sources {
            let cited = index.brief.sources[i].footnotes.first().copied();
            let Some((block, shift)) = cited.and_then(|n| footnote_block(index, doc, n)) else {
                continue;
            };
            if !self.matches.iter().any(|m| m.block == block) {
                // The footnote's number stands for the source it cites.
                self.matches.push(Match {
                    block,
                    range: 0..shift.saturating_sub(1).max(1),
                });
            }
        }
        self.matches.sort_by_key(|m| (m.block, m.range.start));
        self.current = None;
    }

    /// The first match at or after `from`, wrapping around.
    pub fn first_from(&self, from: Pos) -> Option<usize> {
        let after = self.matches.iter().position(|m| {
            Pos {
                block: m.block,
                offset: m.range.start,
            } >= from
        });
        after.or((!self.matches.is_empty()).then_some(0))
    }

    /// The current match, if any.
    pub fn current_match(&self) -> Option<&Match> {
        self.current.and_then(|i| self.matches.get(i))
    }

    /// `3/17`-style count for the status bar.
    pub fn count(&self) -> String {
        match self.current {
            Some(i) => format!("{}/{}", i + 1, self.matches.len()),
            None => format!("0/{}", self.matches.len()),
        }
    }
}

impl App {
    /// The search actions.
    pub(super) fn search_action(&mut self, action: Action) {
        match action {
            Action::SearchStart => self.search_start(),
            Action::SearchChar(c) => self.search_edit(Some(c)),
            Action::SearchBackspace => self.search_edit(None),
            Action::SearchConfirm => self.search_confirm(),
            Action::SearchCancel => self.search_cancel(),
            Action::SearchNext => self.search_step(true),
            Action::SearchPrev => self.search_step(false),
            _ => {}
        }
    }

    pub(super) fn search_start(&mut self) {
        self.search.filtering =
            self.focus == Focus::Side && matches!(self.tab, Tab::Annotations | Tab::Entities);
        if self.search.filtering {
            self.search.active = true;
            self.list_filter_mut().clear();
            return;
        }
        self.search.active = true;
        if !self.search.query.is_empty() {
            self.search.last = std::mem::take(&mut self.search.query);
        }
        self.search.matches.clear();
        self.search.current = None;
        self.search.origin = self.position();
    }

    pub(super) fn search_edit(&mut self, c: Option<char>) {
        if self.search.filtering {
            match c {
                Some(c) => self.list_filter_mut().push(c),
                None => {
                    self.list_filter_mut().pop();
                }
            }
            self.select(0);
            return;
        }
        match c {
            Some(c) => self.search.query.push(c),
            None => {
                self.search.query.pop();
            }
        }
        self.search.run(&self.index, &self.doc);
        let origin = self.search.origin;
        self.search.current = self.search.first_from(origin);
        match self.search.current_match().map(|m| Pos {
            block: m.block,
            offset: m.range.start,
        }) {
            Some(pos) => self.reveal(pos),
            None => self.return_to_origin(),
        }
    }

    pub(super) fn search_confirm(&mut self) {
        self.search.active = false;
        if self.search.filtering {
            return;
        }
        if self.search.query.is_empty() {
            if self.search.last.is_empty() {
                return self.return_to_origin();
            }
            // `/` then Enter: the last search again, from the cursor on.
            self.search.query.clone_from(&self.search.last);
            self.search.run(&self.index, &self.doc);
            self.return_to_origin();
            return self.search_step(true);
        }
        let Some(pos) = self.search.current_match().map(|m| Pos {
            block: m.block,
            offset: m.range.start,
        }) else {
            self.return_to_origin();
            self.message = self.tr("message.not_found", &[("query", &self.search.query)]);
            return;
        };
        self.return_to_origin();
        self.land(pos);
    }

    /// Go to a match; one in a footnote opens that footnote.
    fn land(&mut self, pos: Pos) {
        self.cursor = pos;
        self.jump(pos);
        if let Some(BlockKind::Footnote(n)) = self.doc.blocks.get(pos.block).map(|b| b.kind) {
            self.open(Popup::Footnote(n));
            self.message = self.tr("message.in_footnote", &[("number", &n)]);
        }
    }

    /// Back to where the search started, at the current layout.
    pub(super) fn return_to_origin(&mut self) {
        self.top = self.doc.line_of(self.search.origin).min(self.max_top());
    }

    pub(super) fn search_cancel(&mut self) {
        self.search.active = false;
        if self.search.filtering {
            self.list_filter_mut().clear();
            return;
        }
        self.search.matches.clear();
        self.search.current = None;
        self.return_to_origin();
    }

    /// The filter the `/` key types into in the focused list.
    fn list_filter_mut(&mut self) -> &mut String {
        match self.tab {
            Tab::Entities => &mut self.entity_filter,
            _ => &mut self.notes_filter,
        }
    }

    /// The filter of the side pane's current tab (empty where the tab has none).
    pub fn list_filter(&self) -> &str {
        match self.tab {
            Tab::Entities => &self.entity_filter,
            Tab::Annotations => &self.notes_filter,
            _ => "",
        }
    }

    pub(super) fn search_step(&mut self, next: bool) {
        if self.focus == Focus::Side && self.tab == Tab::Entities {
            self.entity_step(next);
            return;
        }
        self.popup = None;
        let n = self.search.matches.len();
        if n == 0 {
            self.message = crate::i18n::tr(self.lang, "message.no_search", &[]);
            return;
        }
        // From the reading cursor, wrapping around.
        let start = |m: &Match| Pos {
            block: m.block,
            offset: m.range.start,
        };
        let cursor = self.cursor;
        let i = if next {
            let after = self.search.matches.iter().position(|m| start(m) > cursor);
            after.unwrap_or(0)
        } else {
            let before = self.search.matches.iter().rposition(|m| start(m) < cursor);
            before.unwrap_or(n - 1)
        };
        self.search.current = Some(i);
        let pos = start(&self.search.matches[i]);
        self.land(pos);
    }
}
