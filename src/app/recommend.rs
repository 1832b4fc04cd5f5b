//! The recommendation view: a recommendation's passages (every sentence it
//! is drawn from), each one key away, the sentence itself highlighted.

use super::App;
use super::document::Pos;
use crate::brief::model::Recommendation;

/// A sentence a recommendation is drawn from: its paragraph and char range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecPassage {
    pub paragraph: String,
    pub start: usize,
    pub end: usize,
}

/// The passages of a recommendation: those it records, then one for each of
/// its paragraphs without a recorded passage (the sentence that states it,
/// found in the paragraph, or else the whole paragraph).
pub fn passages(app: &App, r: &Recommendation) -> Vec<RecPassage> {
    let mut out: Vec<RecPassage> = r
        .passages
        .iter()
        .map(|p| RecPassage {
            paragraph: p.paragraph.clone(),
            start: p.start,
            end: p.end,
        })
        .collect();
    for id in &r.paragraphs {
        if out.iter().any(|p| &p.paragraph == id) {
            continue;
        }
        let Some(p) = app.index().paragraph(id) else {
            continue;
        };
        let (start, end) = sentence_for(&p.text, &r.text);
        out.push(RecPassage {
            paragraph: id.clone(),
            start,
            end,
        });
    }
    out
}

/// The char range of the sentence of `text` that states `said`: where it
/// stands verbatim, else the sentence sharing most of its character pairs,
/// else the whole text.
pub fn sentence_for(text: &str, said: &str) -> (usize, usize) {
    let chars: Vec<char> = text.chars().collect();
    let whole = (0, chars.len());
    let said = said.trim();
    if said.is_empty() {
        return whole;
    }
    if let Some(byte) = text.find(said) {
        let start = text[..byte].chars().count();
        return (start, start + said.chars().count());
    }
    let pairs: Vec<(char, char)> = said
        .chars()
        .zip(said.chars().skip(1))
        .filter(|(a, b)| !a.is_whitespace() && !b.is_whitespace())
        .collect();
    let score = |(s, e): (usize, usize)| {
        let sentence = &chars[s..e];
        let shared = pairs
            .iter()
            .filter(|(a, b)| sentence.windows(2).any(|w| w[0] == *a && w[1] == *b))
            .count();
        shared as f64 / pairs.len().max(1) as f64
    };
    sentences(&chars)
        .into_iter()
        .map(|r| (score(r), r))
        .filter(|(s, _)| *s >= 0.25)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map_or(whole, |(_, r)| r)
}

/// Sentence ranges: each ends after `.`, `?`, `!` or `。` followed by a space or the end.
fn sentences(chars: &[char]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for i in 0..chars.len() {
        let ends = matches!(chars[i], '.' | '?' | '!' | '。')
            && chars.get(i + 1).is_none_or(|c| c.is_whitespace());
        if ends {
            out.push((start, i + 1));
            start = i + 1;
            while chars.get(start).is_some_and(|c| c.is_whitespace()) {
                start += 1;
            }
        }
    }
    if start < chars.len() {
        out.push((start, chars.len()));
    }
    out
}

impl App {
    /// From the recommendation view: go to passage `k` (from 1), the sentence highlighted.
    pub(super) fn open_passage(&mut self, k: u8) {
        let Some(super::Popup::Recommendation(i)) = self.popup else {
            return;
        };
        let Some(r) = self.index.brief.recommendations.get(i) else {
            return;
        };
        let all = passages(self, r);
        let Some(p) = all.get(usize::from(k).wrapping_sub(1)) else {
            self.message = self.tr("message.passage_count", &[("count", &all.len())]);
            return;
        };
        let title = r.title.clone();
        let place = self.index.place(&p.paragraph).map(|pl| pl.order);
        let Some(block) = place.and_then(|o| self.doc.block_of_paragraph(o)) else {
            return;
        };
        let range = self.doc.display_range(block, p.start, p.end);
        self.popup = None;
        self.flash = Some((block, range.clone()));
        let pos = Pos {
            block,
            offset: range.start,
        };
        self.cursor = pos;
        self.jump(pos);
        let count = all.len();
        self.message = self.tr(
            "message.passage_at",
            &[("k", &k), ("count", &count), ("title", &title)],
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_stating_sentence_is_found_verbatim_or_by_likeness() {
        let text = "첫 문장이다. 정부는 대응해야 한다. 끝.";
        assert_eq!(sentence_for(text, "정부는 대응해야 한다."), (8, 20));
        assert_eq!(sentence_for(text, "정부가 대응해야 한다"), (8, 20));
        assert_eq!(sentence_for(text, "전혀 다른 말"), (0, 23));
        assert_eq!(sentence_for(text, ""), (0, 23));
    }
}
