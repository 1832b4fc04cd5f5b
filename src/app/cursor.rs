//! The reading cursor and selection: moves by character, word (eojeol)
//! and sentence across the reading view's blocks.

use super::App;
use super::document::{BlockKind, Pos};

/// A motion of the reading cursor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Motion {
    CharNext,
    CharPrev,
    WordNext,
    WordPrev,
    WordEnd,
    SentenceEnd,
    SentenceStart,
}

fn chars(app: &App, block: usize) -> Vec<char> {
    app.doc.blocks[block].text.chars().collect()
}

/// The last char of the first word that ends at or after `start`.
fn word_end_in(text: &[char], start: usize) -> Option<usize> {
    let space = |i: usize| text.get(i).is_some_and(|c| c.is_whitespace());
    let mut i = start;
    while i < text.len() && space(i) {
        i += 1;
    }
    while i + 1 < text.len() && !space(i + 1) {
        i += 1;
    }
    (i < text.len()).then_some(i)
}

/// The start of the word after the one at `at`, if `text` has one.
fn word_next_in(text: &[char], at: usize) -> Option<usize> {
    let space = |i: usize| text.get(i).is_some_and(|c| c.is_whitespace());
    let mut i = at;
    while i < text.len() && !space(i) {
        i += 1;
    }
    while i < text.len() && space(i) {
        i += 1;
    }
    (i < text.len()).then_some(i)
}

/// The start of the word before `at` (0 when there is none in `text`).
fn word_start_before(text: &[char], at: usize) -> usize {
    let space = |i: usize| text.get(i).is_some_and(|c| c.is_whitespace());
    let mut i = at;
    while i > 0 && space(i - 1) {
        i -= 1;
    }
    if i == 0 {
        return 0;
    }
    i -= 1;
    while i > 0 && !space(i - 1) {
        i -= 1;
    }
    i
}

/// The last char of every sentence of `text`.
fn sentence_ends(text: &[char]) -> Vec<usize> {
    let s: String = text.iter().collect();
    crate::brief::import::claims::sentences(&s)
        .iter()
        .map(|r| r.end.saturating_sub(1))
        .collect()
}

fn is_text(app: &App, block: usize) -> bool {
    matches!(
        app.doc.blocks[block].kind,
        BlockKind::Paragraph | BlockKind::Footnote(_)
    )
}

impl App {
    /// The next block after `block` that holds readable text.
    fn next_text_block(&self, block: usize) -> Option<usize> {
        (block + 1..self.doc.blocks.len())
            .find(|b| is_text(self, *b) && !self.doc.blocks[*b].text.is_empty())
    }

    fn prev_text_block(&self, block: usize) -> Option<usize> {
        (0..block)
            .rev()
            .find(|b| is_text(self, *b) && !self.doc.blocks[*b].text.is_empty())
    }

    /// Where a motion takes the cursor from `from`.
    pub fn moved(&self, from: Pos, motion: Motion) -> Pos {
        let text = chars(self, from.block);
        let at = from.offset.min(text.len().saturating_sub(1));
        let next_block_start = || {
            self.next_text_block(from.block).map_or(from, |b| Pos {
                block: b,
                offset: 0,
            })
        };
        let prev_block_end = || {
            self.prev_text_block(from.block).map_or(from, |b| Pos {
                block: b,
                offset: chars(self, b).len().saturating_sub(1),
            })
        };
        match motion {
            Motion::CharNext if at + 1 < text.len() => Pos {
                offset: at + 1,
                ..from
            },
            Motion::CharNext => next_block_start(),
            Motion::CharPrev if at > 0 => Pos {
                offset: at - 1,
                ..from
            },
            Motion::CharPrev => prev_block_end(),
            Motion::WordNext => match word_next_in(&text, at) {
                Some(i) => Pos { offset: i, ..from },
                None => next_block_start(),
            },
            Motion::WordPrev if at == 0 => prev_block_end(),
            Motion::WordPrev => Pos {
                offset: word_start_before(&text, at),
                ..from
            },
            Motion::WordEnd => self.word_end(from, &text, at),
            Motion::SentenceEnd => self.sentence_end(from, &text, at),
            Motion::SentenceStart => self.sentence_start(from, &text, at),
        }
    }

    /// The end of the next word, crossing into following blocks as needed.
    /// A loop over blocks, not recursion: at the end of the text it stays put.
    fn word_end(&self, from: Pos, text: &[char], at: usize) -> Pos {
        if let Some(i) = word_end_in(text, at + 1) {
            return Pos { offset: i, ..from };
        }
        let mut block = from.block;
        while let Some(b) = self.next_text_block(block) {
            if let Some(i) = word_end_in(&chars(self, b), 0) {
                return Pos {
                    block: b,
                    offset: i,
                };
            }
            block = b;
        }
        from
    }

    /// The end of the next sentence, crossing into following blocks as needed.
    fn sentence_end(&self, from: Pos, text: &[char], at: usize) -> Pos {
        if let Some(e) = sentence_ends(text).into_iter().find(|e| *e > at) {
            return Pos { offset: e, ..from };
        }
        let mut block = from.block;
        while let Some(b) = self.next_text_block(block) {
            if let Some(e) = sentence_ends(&chars(self, b)).first() {
                return Pos {
                    block: b,
                    offset: *e,
                };
            }
            block = b;
        }
        from
    }

    fn sentence_start(&self, from: Pos, text: &[char], at: usize) -> Pos {
        let s: String = text.iter().collect();
        let starts: Vec<usize> = crate::brief::import::claims::sentences(&s)
            .iter()
            .map(|r| r.start)
            .collect();
        match starts.iter().rev().find(|st| **st < at) {
            Some(st) => Pos {
                offset: *st,
                ..from
            },
            None => self
                .prev_text_block(from.block)
                .map_or(Pos { offset: 0, ..from }, |b| {
                    let prev = chars(self, b);
                    let last =
                        crate::brief::import::claims::sentences(&prev.iter().collect::<String>())
                            .last()
                            .map_or(0, |r| r.start);
                    Pos {
                        block: b,
                        offset: last,
                    }
                }),
        }
    }

    /// Move the reading cursor, bringing it on screen first if it is off it.
    pub(super) fn move_cursor(&mut self, motion: Motion) {
        let line = self.doc.line_of(self.cursor);
        if !self.visible_lines().contains(&line) {
            self.cursor = self.first_text_on_screen();
            if matches!(motion, Motion::CharNext | Motion::CharPrev) {
                return;
            }
        }
        self.cursor = self.moved(self.cursor, motion);
        self.reveal(self.cursor);
    }

    /// The first readable position on screen.
    pub(super) fn first_text_on_screen(&self) -> Pos {
        let lines = self.visible_lines();
        self.doc.lines[lines]
            .iter()
            .find(|l| is_text(self, l.block) && l.bytes.start < l.bytes.end)
            .map_or(self.position(), |l| Pos {
                block: l.block,
                offset: l.first_char,
            })
    }

    /// The selection, ordered, inclusive of both ends.
    pub fn selection(&self) -> Option<(Pos, Pos)> {
        let anchor = self.select_from?;
        Some(if anchor <= self.cursor {
            (anchor, self.cursor)
        } else {
            (self.cursor, anchor)
        })
    }
}

impl App {
    pub(super) fn toggle_select(&mut self) {
        if self.select_from.take().is_some() {
            return;
        }
        let line = self.doc.line_of(self.cursor);
        if !self.visible_lines().contains(&line) {
            self.cursor = self.first_text_on_screen();
        }
        self.select_from = Some(self.cursor);
        self.message = crate::i18n::tr(self.lang, "message.selecting", &[]);
    }

    pub(super) fn cursor_line(&mut self, down: bool) {
        let line = self.doc.line_of(self.cursor);
        let col = self
            .cursor
            .offset
            .saturating_sub(self.doc.lines[line].first_char);
        let target = if down {
            (line + 1).min(self.doc.lines.len().saturating_sub(1))
        } else {
            line.saturating_sub(1)
        };
        let l = &self.doc.lines[target];
        let len = self.doc.blocks[l.block].text[l.bytes.clone()]
            .chars()
            .count();
        self.cursor = Pos {
            block: l.block,
            offset: l.first_char + col.min(len.saturating_sub(1)),
        };
        self.reveal(self.cursor);
    }
}
