//! Finding edited text: seed candidate regions by shared character bigrams, then score each
//! region by approximate-substring edit distance (Sellers' algorithm).

use super::DocIndex;

/// The lowest similarity accepted as a fuzzy match.
pub const FUZZY_THRESHOLD: f32 = 0.75;

/// Quotes shorter than this are too short to match approximately with any confidence.
const MIN_CHARS: usize = 5;

/// Bigrams occurring more often than this say little about where a quote is; skip them.
const MAX_POSTINGS: usize = 2_000;

/// How many candidate regions are scored per quote.
const MAX_CANDIDATES: usize = 3;

/// A window of the document similar to the quote.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct FuzzyMatch {
    pub start: usize,
    pub end: usize,
    pub score: f32,
}

/// The most similar window to `quote` scoring at least [`FUZZY_THRESHOLD`]; ties go to the one
/// nearest `old_start`.
pub(super) fn best(index: &DocIndex, quote: &[char], old_start: usize) -> Option<FuzzyMatch> {
    if quote.len() < MIN_CHARS {
        return None;
    }
    let m = quote.len();
    let mut best: Option<FuzzyMatch> = None;
    for (lo, hi) in candidate_regions(index, quote) {
        let Some(found) = closest_window(quote, &index.chars[lo..hi]) else {
            continue;
        };
        let start = lo + found.start;
        let end = lo + found.end;
        let len = (end - start).max(m);
        let score = 1.0 - found.cost as f32 / len as f32;
        let better = best.is_none_or(|b| {
            score > b.score
                || (score == b.score && start.abs_diff(old_start) < b.start.abs_diff(old_start))
        });
        if score >= FUZZY_THRESHOLD && better {
            best = Some(FuzzyMatch { start, end, score });
        }
    }
    best
}

/// Char ranges of the document worth scoring: where many of the quote's bigrams line up on
/// nearby diagonals (document offset minus quote offset).
fn candidate_regions(index: &DocIndex, quote: &[char]) -> Vec<(usize, usize)> {
    let (m, n) = (quote.len(), index.chars.len());
    let width = (m / 4).max(2);
    let (votes, informative) = diagonal_votes(index, quote, width);
    // An edit touches at most two bigrams, so a 75% match keeps about half of them.
    let needed = (informative * 3 / 10).max(1);
    let slack = m / 4 + 2;
    best_buckets(&votes, needed)
        .into_iter()
        .map(|b| {
            // Buckets b and b + 1 cover alignments starting at b * width - m and after.
            let lo = (b * width).saturating_sub(m + slack).min(n);
            let hi = ((b + 2) * width + slack).min(n);
            (lo, hi)
        })
        .filter(|(lo, hi)| lo < hi)
        .collect()
}

/// Votes per bucket of `width` diagonals (shifted by the quote length so none is negative),
/// and how many of the quote's bigrams were specific enough to vote.
fn diagonal_votes(index: &DocIndex, quote: &[char], width: usize) -> (Vec<u32>, u32) {
    let m = quote.len();
    let mut votes = vec![0u32; (index.chars.len() + m) / width + 2];
    let mut informative = 0u32;
    for (k, pair) in quote.windows(2).enumerate() {
        let list = index.postings(pair[0], pair[1]);
        if list.len() > MAX_POSTINGS {
            continue;
        }
        informative += 1;
        for &p in list {
            votes[(p as usize + m - k) / width] += 1;
        }
    }
    (votes, informative)
}

/// Up to [`MAX_CANDIDATES`] well-separated buckets whose votes, with the next bucket's, reach
/// `needed`; most votes first.
fn best_buckets(votes: &[u32], needed: u32) -> Vec<usize> {
    let mut buckets: Vec<(u32, usize)> = votes
        .windows(2)
        .enumerate()
        .map(|(b, pair)| (pair[0] + pair[1], b))
        .filter(|&(v, _)| v >= needed)
        .collect();
    buckets.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let mut chosen: Vec<usize> = Vec::with_capacity(MAX_CANDIDATES);
    for (_, b) in buckets {
        if chosen.len() == MAX_CANDIDATES {
            break;
        }
        if chosen.iter().all(|c| c.abs_diff(b) > 2) {
            chosen.push(b);
        }
    }
    chosen
}

/// The cheapest approximate occurrence of a pattern in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Window {
    cost: u32,
    start: usize,
    end: usize,
}

/// Sellers' semi-global edit distance: the window of `text` with the fewest edits to `pattern`,
/// tracking where each alignment started so the window comes out in one pass.
fn closest_window(pattern: &[char], text: &[char]) -> Option<Window> {
    let m = pattern.len();
    let mut cost: Vec<u32> = (0..=m as u32).collect();
    let mut from: Vec<usize> = vec![0; m + 1];
    let mut best: Option<Window> = None;
    for (j, &c) in text.iter().enumerate() {
        let (mut diag_cost, mut diag_from) = (cost[0], from[0]);
        cost[0] = 0;
        from[0] = j + 1;
        for i in 1..=m {
            let substitute = (diag_cost + u32::from(pattern[i - 1] != c), diag_from);
            let skip_text = (cost[i] + 1, from[i]);
            let skip_pattern = (cost[i - 1] + 1, from[i - 1]);
            // On a tie the alignment that started earlier wins: a quote whose head was edited
            // keeps its head instead of starting mid-phrase (or on a space).
            let next = [skip_text, skip_pattern]
                .into_iter()
                .fold(
                    substitute,
                    |a, b| if (b.0, b.1) < (a.0, a.1) { b } else { a },
                );
            (diag_cost, diag_from) = (cost[i], from[i]);
            (cost[i], from[i]) = next;
        }
        if best.is_none_or(|b| cost[m] < b.cost) {
            best = Some(Window {
                cost: cost[m],
                start: from[m],
                end: j + 1,
            });
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn sellers_finds_the_edited_window() {
        let w = closest_window(
            &chars("군사협력이 심화"),
            &chars("앞말 군사 협력이 심화되고"),
        )
        .unwrap();
        assert_eq!(w.cost, 1);
        assert_eq!((w.start, w.end), (3, 12));
    }

    #[test]
    fn an_edited_head_is_kept_in_the_window() {
        let text = chars("조약이 비준되었다. 12월 4일 비준서를 교환한 후 조약은 발효되었다.");
        let w = closest_window(&chars("12월 비준서 교환 후 조약은"), &text).unwrap();
        let window: String = text[w.start..w.end].iter().collect();
        assert!(window.starts_with("12월"), "{window:?}");
    }

    #[test]
    fn exact_substring_costs_nothing() {
        let w = closest_window(&chars("bcd"), &chars("abcde")).unwrap();
        assert_eq!(
            w,
            Window {
                cost: 0,
                start: 1,
                end: 4
            }
        );
    }

    #[test]
    fn fuzzy_scores_an_insertion() {
        let index = DocIndex::new("서론. 북한과 러시아의 군사협력이 빠르게 심화되고 있다. 결론.");
        let m = best(
            &index,
            &chars("북한과 러시아의 군사협력이 심화되고 있다."),
            4,
        )
        .unwrap();
        assert!(m.score >= FUZZY_THRESHOLD && m.score < 1.0, "{m:?}");
        assert_eq!(m.start, 4);
    }

    #[test]
    fn unrelated_text_is_not_matched() {
        let index = DocIndex::new("전혀 다른 내용의 문단만 남아 있습니다.");
        assert_eq!(best(&index, &chars("북한과 러시아의 군사협력"), 0), None);
    }
}
