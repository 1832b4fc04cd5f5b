//! Re-anchoring: finding where a highlight made on one revision of the brief sits in another.
//!
//! In order: the old position still holds the quote -> [`Anchor::Exact`]; the quote occurs
//! elsewhere (the best occurrence by prefix/suffix agreement, then closeness) -> [`Anchor::Moved`];
//! a window of similar text scores at least [`FUZZY_THRESHOLD`] -> [`Anchor::Fuzzy`]; else
//! [`Anchor::Orphan`]. Build a [`DocIndex`] once per revision to anchor many targets quickly.

mod fuzzy;

use crate::notes::model::{Annotation, Target, text_hash};

pub use fuzzy::FUZZY_THRESHOLD;

/// Where a target lands in the current revision. Offsets are chars.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Anchor {
    /// The quote is where it was.
    Exact {
        /// First char of the quote.
        start: usize,
        /// One past its last char.
        end: usize,
    },
    /// The same quote, at another position.
    Moved {
        /// First char of the quote.
        start: usize,
        /// One past its last char.
        end: usize,
    },
    /// Text similar to the quote (it was edited).
    Fuzzy {
        /// First char of the matched window.
        start: usize,
        /// One past its last char.
        end: usize,
        /// Similarity in `FUZZY_THRESHOLD..=1.0`, 1 minus the edit distance over the length.
        score: f32,
    },
    /// The quote is gone.
    Orphan,
}

impl Anchor {
    /// The anchored range, `None` for an orphan.
    pub fn range(&self) -> Option<(usize, usize)> {
        match *self {
            Self::Exact { start, end } | Self::Moved { start, end } => Some((start, end)),
            Self::Fuzzy { start, end, .. } => Some((start, end)),
            Self::Orphan => None,
        }
    }
}

/// How many annotations [`reanchor_all`] found in each state.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ReanchorReport {
    /// Still at their position.
    pub exact: usize,
    /// Found verbatim elsewhere.
    pub moved: usize,
    /// Found as similar, edited text.
    pub fuzzy: usize,
    /// Not found; kept, flagged `orphan`.
    pub orphaned: usize,
}

/// One revision of the document, split into chars and indexed by character bigram.
#[derive(Debug, Clone)]
pub struct DocIndex {
    chars: Vec<char>,
    hash: String,
    /// Every bigram of the document, sorted; `positions[i]` is where `bigrams[i]` starts.
    /// Two flat arrays build faster than a map of thousands of small vectors.
    bigrams: Vec<u64>,
    positions: Vec<u32>,
}

impl DocIndex {
    /// Index `doc` (the whole brief text).
    pub fn new(doc: &str) -> DocIndex {
        let chars: Vec<char> = doc.chars().collect();
        let mut pairs: Vec<(u64, u32)> = chars
            .windows(2)
            .enumerate()
            .map(|(i, pair)| {
                (
                    bigram(pair[0], pair[1]),
                    u32::try_from(i).unwrap_or(u32::MAX),
                )
            })
            .collect();
        pairs.sort_unstable();
        let (bigrams, positions) = pairs.into_iter().unzip();
        DocIndex {
            chars,
            hash: text_hash(doc),
            bigrams,
            positions,
        }
    }

    /// The document's [`text_hash`].
    pub fn text_hash(&self) -> &str {
        &self.hash
    }

    /// The document's length in chars.
    pub fn char_len(&self) -> usize {
        self.chars.len()
    }

    /// A fresh target for chars `start..end` of this revision.
    pub fn target(&self, start: usize, end: usize) -> Option<Target> {
        Target::from_chars(&self.chars, start, end, self.hash.clone())
    }

    /// Where `target` lands in this revision.
    pub fn reanchor(&self, target: &Target) -> Anchor {
        let quote: Vec<char> = target.exact.chars().collect();
        if quote.is_empty() {
            return Anchor::Orphan;
        }
        let ctx = Context::of(target);
        let old = target.start;
        if self.holds(&quote, old)
            && (target.text_hash == self.hash
                || self.agreement(&ctx, old, quote.len()) == ctx.full())
        {
            return Anchor::Exact {
                start: old,
                end: old + quote.len(),
            };
        }
        let best = self.occurrences(&quote).into_iter().max_by_key(|&s| {
            (
                self.agreement(&ctx, s, quote.len()),
                std::cmp::Reverse(s.abs_diff(old)),
            )
        });
        match best {
            Some(s) if s == old => Anchor::Exact {
                start: s,
                end: s + quote.len(),
            },
            Some(s) => Anchor::Moved {
                start: s,
                end: s + quote.len(),
            },
            None => fuzzy::best(self, &quote, old).map_or(Anchor::Orphan, |m| {
                let (start, end) = self.trimmed(m.start, m.end);
                Anchor::Fuzzy {
                    start,
                    end,
                    score: m.score,
                }
            }),
        }
    }

    /// Re-anchor `annotation` and update its target (positions, context, hash) and orphan flag.
    /// An orphan keeps its last target so it can be found again if the text comes back.
    pub fn apply(&self, annotation: &mut Annotation) -> Anchor {
        let anchor = self.reanchor(&annotation.target);
        match anchor.range().and_then(|(s, e)| self.target(s, e)) {
            Some(target) => {
                if matches!(anchor, Anchor::Fuzzy { .. }) && annotation.approximate.is_none() {
                    annotation.approximate = Some(annotation.target.exact.clone());
                }
                annotation.target = target;
                annotation.orphan = false;
            }
            None => annotation.orphan = true,
        }
        anchor
    }

    /// `start..end` without white space at either edge (a fuzzy window may begin on a space).
    fn trimmed(&self, mut start: usize, mut end: usize) -> (usize, usize) {
        while start < end && self.chars.get(start).is_some_and(|c| c.is_whitespace()) {
            start += 1;
        }
        while end > start && self.chars.get(end - 1).is_some_and(|c| c.is_whitespace()) {
            end -= 1;
        }
        (start, end)
    }

    fn holds(&self, quote: &[char], start: usize) -> bool {
        start
            .checked_add(quote.len())
            .is_some_and(|end| self.chars.get(start..end) == Some(quote))
    }

    /// Start offsets of every verbatim occurrence of `quote`, ascending.
    fn occurrences(&self, quote: &[char]) -> Vec<usize> {
        if quote.len() < 2 {
            return (0..self.chars.len())
                .filter(|&s| self.holds(quote, s))
                .collect();
        }
        // Verify candidates from the quote's rarest bigram only.
        let rarest = (0..quote.len() - 1)
            .map(|k| (self.postings(quote[k], quote[k + 1]), k))
            .min_by_key(|(list, _)| list.len());
        let Some((list, k)) = rarest else {
            return Vec::new();
        };
        list.iter()
            .filter_map(|&p| (p as usize).checked_sub(k))
            .filter(|&s| self.holds(quote, s))
            .collect()
    }

    /// Ascending start offsets of the bigram `ab`.
    fn postings(&self, a: char, b: char) -> &[u32] {
        let key = bigram(a, b);
        let lo = self.bigrams.partition_point(|&k| k < key);
        let hi = lo + self.bigrams[lo..].partition_point(|&k| k == key);
        &self.positions[lo..hi]
    }

    /// How many context chars agree around a quote at `start`: the stored prefix read backwards
    /// from `start`, plus the stored suffix read forwards from the quote's end.
    fn agreement(&self, ctx: &Context, start: usize, len: usize) -> usize {
        let before = self.chars[..start].iter().rev();
        let prefix = ctx
            .prefix
            .iter()
            .rev()
            .zip(before)
            .take_while(|(a, b)| a == b)
            .count();
        let after = self.chars.get(start + len..).unwrap_or(&[]).iter();
        let suffix = ctx
            .suffix
            .iter()
            .zip(after)
            .take_while(|(a, b)| a == b)
            .count();
        prefix + suffix
    }
}

/// A target's stored context, split into chars once.
struct Context {
    prefix: Vec<char>,
    suffix: Vec<char>,
}

impl Context {
    fn of(target: &Target) -> Context {
        Context {
            prefix: target.prefix.chars().collect(),
            suffix: target.suffix.chars().collect(),
        }
    }

    fn full(&self) -> usize {
        self.prefix.len() + self.suffix.len()
    }
}

fn bigram(a: char, b: char) -> u64 {
    (u64::from(a) << 32) | u64::from(b)
}

/// Where `target` lands in `doc`. To anchor many targets, build one [`DocIndex`] instead.
pub fn reanchor(target: &Target, doc: &str) -> Anchor {
    DocIndex::new(doc).reanchor(target)
}

/// Re-anchor every annotation against `doc`, updating targets and orphan flags in place.
/// Orphans are kept, never dropped.
pub fn reanchor_all(annotations: &mut [Annotation], doc: &str) -> ReanchorReport {
    if annotations.is_empty() {
        // The index sorts every position of the document: a seventh of the
        // start-up of a brief with no notes.
        return ReanchorReport::default();
    }
    let index = DocIndex::new(doc);
    let mut report = ReanchorReport::default();
    for annotation in annotations {
        match index.apply(annotation) {
            Anchor::Exact { .. } => report.exact += 1,
            Anchor::Moved { .. } => report.moved += 1,
            Anchor::Fuzzy { .. } => report.fuzzy += 1,
            Anchor::Orphan => report.orphaned += 1,
        }
    }
    report
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unchanged_document_is_exact() {
        let doc = "북한과 러시아의 군사협력이 심화되고 있다.";
        let t = Target::from_document(doc, 4, 8).unwrap();
        assert_eq!(reanchor(&t, doc), Anchor::Exact { start: 4, end: 8 });
    }

    #[test]
    fn single_char_quotes_are_found() {
        let t = Target::from_document("ab가cd", 2, 3).unwrap();
        assert_eq!(
            reanchor(&t, "xyzab가cd"),
            Anchor::Moved { start: 5, end: 6 }
        );
    }

    #[test]
    fn context_agreement_counts_both_sides() {
        let index = DocIndex::new("xxABCyy");
        let ctx = Context {
            prefix: vec!['q', 'x'],
            suffix: vec!['y', 'z'],
        };
        assert_eq!(index.agreement(&ctx, 2, 3), 2);
    }
}
