//! Glyphs -> lines: glyphs grouped by baseline, raised and smaller glyphs
//! (footnote markers) attached to the line they stand over, spaces put
//! where the gaps between glyph runs say so, lines in reading order.

use super::content::Glyph;
use crate::brief::import::source::LayoutHints;
use crate::text::sanitize;
use std::collections::HashMap;

/// A gap wider than this share of the font size is a word space.
const WORD_GAP: f32 = 0.2;
/// A gap wider than this share of the font size separates columns
/// (table cells, a header's left and right parts): two spaces mark it.
const COLUMN_GAP: f32 = 1.5;
/// Without a space glyph in it, a gap this wide already separates columns
/// (table cells are set apart by padding alone; letter-spaced words stay
/// under it).
const BARE_COLUMN_GAP: f32 = 0.9;
/// Baselines closer than this share of the font size are one line.
const SAME_BASELINE: f32 = 0.3;
/// A raised glyph sits at most this share of its line's size above it.
const MAX_RISE: f32 = 0.7;
/// A raised glyph is at most this share of its line's size.
const SMALLER: f32 = 0.9;

/// A marker on (or near) the baseline is at most this share of the line's size.
const SMALL_ON_BASELINE: f32 = 0.75;
/// Characters footnote markers are made of, besides digits.
const MARKER_CHARS: &str = "()[]*†‡,";

/// One page line: its sanitised text and layout hints.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct PageLine {
    pub(super) text: String,
    pub(super) hints: LayoutHints,
}

/// Glyphs on one baseline, with their extent kept as they are added (a
/// hostile page can put every glyph on one line).
struct Cluster {
    y: f32,
    glyphs: Vec<(Glyph, bool)>,
    size: f32,
    lo: f32,
    hi: f32,
}

impl Cluster {
    fn new(y: f32) -> Self {
        Cluster {
            y,
            glyphs: Vec::new(),
            size: 0.0,
            lo: f32::MAX,
            hi: f32::MIN,
        }
    }

    fn push(&mut self, g: Glyph, raised: bool) {
        self.size = self.size.max(g.size);
        self.lo = self.lo.min(g.x);
        self.hi = self.hi.max(g.x + g.width);
        self.glyphs.push((g, raised));
    }
}

/// The lines of one page, top to bottom.
pub(super) fn page_lines(glyphs: Vec<Glyph>, width: f32, height: f32) -> Vec<PageLine> {
    let mut clusters = baselines(glyphs);
    for c in &mut clusters {
        c.glyphs.sort_by(|a, b| a.0.x.total_cmp(&b.0.x));
        mark_small_markers(c);
    }
    attach_raised(&mut clusters);
    clusters
        .into_iter()
        .filter_map(|c| line(&c, width, height))
        .collect()
}

/// Glyphs grouped by baseline, top to bottom.
fn baselines(mut glyphs: Vec<Glyph>) -> Vec<Cluster> {
    glyphs.retain(|g| g.x.is_finite() && g.y.is_finite() && g.size > 0.0 && g.size.is_finite());
    glyphs.sort_by(|a, b| a.y.total_cmp(&b.y).then(a.x.total_cmp(&b.x)));
    let mut clusters: Vec<Cluster> = Vec::new();
    for g in glyphs {
        let near = clusters
            .last()
            .is_some_and(|c| (g.y - c.y).abs() <= SAME_BASELINE * g.size.max(c.size));
        if !near {
            clusters.push(Cluster::new(g.y));
        }
        if let Some(c) = clusters.last_mut() {
            let raised = g.superior;
            c.push(g, raised);
        }
    }
    clusters
}

/// Marks marker characters set much smaller than the rest of their line
/// though near its baseline (a superscript with little or no rise).
fn mark_small_markers(c: &mut Cluster) {
    let sizes: Vec<&Glyph> = c.glyphs.iter().map(|(g, _)| g).collect();
    let Some(body) = common_size(&sizes) else {
        return;
    };
    for (g, raised) in &mut c.glyphs {
        let marker_like = !g.text.is_empty()
            && g.text
                .chars()
                .all(|ch| ch.is_ascii_digit() || MARKER_CHARS.contains(ch));
        if marker_like && g.size < SMALL_ON_BASELINE * body {
            *raised = true;
        }
    }
}

/// Moves each cluster of smaller glyphs set just above a line into that
/// line, marked raised.
fn attach_raised(clusters: &mut [Cluster]) {
    for i in 0..clusters.len() {
        let Some(target) = raised_target(clusters, i) else {
            continue;
        };
        let raised = std::mem::take(&mut clusters[i].glyphs);
        let line = &mut clusters[target];
        for (g, _) in raised {
            line.push(g, true);
        }
        line.glyphs.sort_by(|a, b| a.0.x.total_cmp(&b.0.x));
    }
}

/// The index of the line below cluster `i` that it is a raised part of.
fn raised_target(clusters: &[Cluster], i: usize) -> Option<usize> {
    let c = &clusters[i];
    if c.glyphs.is_empty() {
        return None;
    }
    clusters[i + 1..]
        .iter()
        .enumerate()
        .filter(|(_, below)| !below.glyphs.is_empty())
        .take_while(|(_, below)| below.y - c.y <= MAX_RISE * below.size)
        .find(|(_, below)| {
            c.size < SMALLER * below.size
                && c.lo >= below.lo - below.size
                && c.hi <= below.hi + below.size
        })
        .map(|(k, _)| i + 1 + k)
}

/// One line's text and hints; `None` for a line with no text.
fn line(c: &Cluster, width: f32, height: f32) -> Option<PageLine> {
    let body: Vec<&Glyph> = c
        .glyphs
        .iter()
        .filter(|(_, r)| !r)
        .map(|(g, _)| g)
        .collect();
    let font_size = common_size(&body)?;
    let bold = body.iter().filter(|g| g.bold).count() * 2 > body.len();
    let x = c.glyphs.iter().map(|(g, _)| g.x).fold(f32::MAX, f32::min);
    let (text, raised) = text_of(&c.glyphs, font_size);
    let text_start = text.len() - text.trim_start().len();
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return None;
    }
    let chars_before = text[..text_start].chars().count();
    let len = trimmed.chars().count();
    let raised = raised
        .into_iter()
        .map(|(s, e)| {
            (
                s.saturating_sub(chars_before).min(len),
                e.saturating_sub(chars_before).min(len),
            )
        })
        .filter(|(s, e)| s < e)
        .collect();
    let hints = LayoutHints {
        x,
        y: c.y,
        page_height: height,
        page_width: width,
        font_size,
        bold,
        raised,
    };
    Some(PageLine {
        text: trimmed.to_string(),
        hints,
    })
}

/// The size most of the glyphs are set in.
fn common_size(glyphs: &[&Glyph]) -> Option<f32> {
    let mut counts: HashMap<i64, usize> = HashMap::new();
    for g in glyphs {
        *counts.entry((g.size * 10.0).round() as i64).or_default() += 1;
    }
    // On a tie the larger size wins: markers and small print are the minority.
    counts
        .into_iter()
        .max_by_key(|&(tenths, n)| (n, tenths))
        .map(|(tenths, _)| tenths as f32 / 10.0)
}

/// The line's text and its raised ranges (code points), each run of
/// glyphs sanitised on its own so the ranges stay exact.
fn text_of(glyphs: &[(Glyph, bool)], size: f32) -> (String, Vec<(usize, usize)>) {
    let mut runs: Vec<(String, bool)> = Vec::new();
    let mut last_ink: Option<&Glyph> = None;
    let mut space_glyph = false;
    let Some(first_ink) = glyphs
        .iter()
        .map(|(g, _)| g)
        .find(|g| !g.text.trim().is_empty())
    else {
        return (String::new(), Vec::new());
    };
    for (g, raised) in glyphs {
        if g.text.trim().is_empty() {
            space_glyph |= !g.text.is_empty();
            continue;
        }
        if let Some(p) = last_ink {
            if p.text == g.text && (p.x - g.x).abs() < 0.3 && (p.y - g.y).abs() < 0.3 {
                continue; // drawn twice (shadow or fake bold)
            }
            let gap = g.x - (p.x + p.width);
            // After a lone first glyph (a bullet's dash or box) a gap is a word space.
            let column = match (space_glyph, std::ptr::eq(p, first_ink)) {
                (_, true) => f32::MAX,
                (true, false) => COLUMN_GAP,
                (false, false) => BARE_COLUMN_GAP,
            };
            let space = if gap > column * size {
                "  "
            } else if space_glyph || gap > WORD_GAP * size.min(g.size) {
                " "
            } else {
                ""
            };
            push(&mut runs, space, false);
        }
        push(&mut runs, &g.text, *raised);
        (last_ink, space_glyph) = (Some(g), false);
    }
    let mut text = String::new();
    let mut raised = Vec::new();
    let mut at = 0;
    for (run, is_raised) in runs {
        let clean = sanitize(&run).replace('\n', " ");
        let n = clean.chars().count();
        if is_raised && n > 0 {
            raised.push((at, at + n));
        }
        at += n;
        text.push_str(&clean);
    }
    (text, raised)
}

fn push(runs: &mut Vec<(String, bool)>, s: &str, raised: bool) {
    if s.is_empty() {
        return;
    }
    let raised = raised && !s.trim().is_empty();
    match runs.last_mut() {
        Some((run, r)) if *r == raised => run.push_str(s),
        _ => runs.push((s.to_string(), raised)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Glyphs of `text` from `x`, each `advance` wide, on baseline `y`.
    fn run(text: &str, x: f32, y: f32, size: f32, advance: f32) -> Vec<Glyph> {
        text.chars()
            .enumerate()
            .map(|(i, c)| Glyph {
                text: c.to_string(),
                x: x + i as f32 * advance,
                y,
                width: advance,
                size,
                bold: false,
                superior: false,
            })
            .collect()
    }

    #[test]
    fn syllables_join_and_gaps_make_spaces() {
        let mut glyphs = run("북러", 10.0, 100.0, 10.0, 10.0);
        glyphs.extend(run("관계", 33.0, 100.0, 10.0, 10.0));
        glyphs.extend(run("표", 80.0, 100.0, 10.0, 10.0));
        let lines = page_lines(glyphs, 200.0, 200.0);
        assert_eq!(lines.len(), 1);
        assert_eq!(lines[0].text, "북러 관계  표");
        assert_eq!((lines[0].hints.x, lines[0].hints.y), (10.0, 100.0));
    }

    #[test]
    fn a_smaller_raised_digit_joins_the_line_below_as_a_marker() {
        let mut glyphs = run("다.", 10.0, 100.0, 10.0, 10.0);
        glyphs.extend(run("12", 30.0, 96.0, 6.0, 4.0));
        glyphs.extend(run("다음", 10.0, 114.0, 10.0, 10.0));
        let lines = page_lines(glyphs, 200.0, 200.0);
        let texts: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(texts, ["다.12", "다음"]);
        assert_eq!(lines[0].hints.raised, [(2, 4)]);
        assert_eq!(lines[0].hints.font_size, 10.0);
    }

    #[test]
    fn a_small_marker_on_the_baseline_is_raised_but_small_words_are_not() {
        let mut glyphs = run("가나다라.", 10.0, 100.0, 10.0, 10.0);
        glyphs.extend(run("1)", 60.0, 101.0, 5.0, 3.0));
        glyphs.extend(run("ab", 66.0, 100.0, 5.0, 3.0));
        let lines = page_lines(glyphs, 200.0, 200.0);
        assert_eq!(lines[0].text, "가나다라.1)ab");
        assert_eq!(lines[0].hints.raised, [(5, 7)]);
    }
}
