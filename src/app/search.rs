//! Incremental search state: the query, its matches in the reading view,
//! the current one, and where the search started.

use std::ops::Range;

use super::document::{Document, Pos};
use crate::brief::Index;

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
}

impl Search {
    /// Recompute the matches of the query in the reading view.
    pub fn run(&mut self, index: &Index, doc: &Document) {
        self.matches = index
            .search_spans(&self.query)
            .into_iter()
            .filter_map(|(order, start, end)| {
                let block = doc.block_of_paragraph(order)?;
                Some(Match {
                    block,
                    range: doc.display_range(block, start, end),
                })
            })
            .collect();
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
