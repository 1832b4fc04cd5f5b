//! Page furniture: running headers and footers, page numbers. They are
//! removed before anything else reads the text, and where they stood (or
//! where a form feed turned the page) a page break is left.

use std::collections::HashMap;

use super::source::SourceLine;

/// A line of the body after furniture is gone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Row {
    /// A line with text: indentation kept, trailing space trimmed.
    Text(TextLine),
    /// An empty line.
    Blank,
    /// A page turned here (furniture removed or a new page began).
    Break,
}

/// A line of text and where it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextLine {
    pub text: String,
    pub number: usize,
    pub page: Option<u32>,
}

impl TextLine {
    /// The text without its indentation.
    pub fn trimmed(&self) -> &str {
        self.text.trim()
    }

    /// Leading spaces (columns of indentation in a layout-preserving text).
    pub fn indent(&self) -> usize {
        self.text.chars().take_while(|c| *c == ' ').count()
    }
}

/// What the furniture stage removed, for reports.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Removed {
    pub line: usize,
    pub text: String,
}

/// Lines in the first part of a brief that a running header may repeat.
const FRONT_LINES: usize = 15;

/// Rows of a source with its page furniture removed.
pub fn strip(lines: &[SourceLine]) -> (Vec<Row>, Vec<Removed>) {
    let front = front_keys(lines);
    let counts = repeat_counts(lines);
    let edges = page_edges(lines, &counts, &front);
    let mut at_edges: HashMap<String, usize> = HashMap::new();
    for (i, l) in lines.iter().enumerate() {
        let t = l.text.trim();
        if !t.is_empty() && !edges[i] && near_edge(lines, &edges, i) {
            *at_edges.entry(key(t)).or_insert(0) += 1;
        }
    }
    let header_band = HeaderBand::of(lines);
    let mut rows = Vec::with_capacity(lines.len());
    let mut removed = Vec::new();
    let mut seen: std::collections::HashSet<String> = std::collections::HashSet::new();
    let mut page = lines.first().and_then(|l| l.page);
    // Until the first page break, a repeated line is where it first stands (the title).
    let mut first_page = true;
    for (i, line) in lines.iter().enumerate() {
        if line.page != page {
            rows.push(Row::Break);
            page = line.page;
            first_page = false;
        }
        let t = line.text.trim();
        if t.is_empty() {
            rows.push(Row::Blank);
            continue;
        }
        let is_furniture = edges[i] || header_band.is_some_and(|b| b.holds(line)) || {
            let k = key(t);
            // A running header stands at page edges again and again; a
            // sentence that happens to repeat once at an edge is body text.
            let repeated = counts.get(&k).copied().unwrap_or(0) >= 2
                && k.chars().count() >= 4
                && !starts_with_bullet(t)
                && near_edge(lines, &edges, i)
                && at_edges.get(&k).copied().unwrap_or(0) >= 2;
            let first = seen.insert(k);
            repeated && !(first_page && first)
        };
        if is_furniture {
            first_page = false;
            removed.push(Removed {
                line: line.number,
                text: t.to_string(),
            });
            rows.push(Row::Break);
        } else {
            rows.push(Row::Text(TextLine {
                text: line.text.clone(),
                number: line.number,
                page: line.page,
            }));
        }
    }
    (rows, removed)
}

/// Lines that are page numbers, or a running header or footer carrying one.
fn page_edges(
    lines: &[SourceLine],
    counts: &HashMap<String, usize>,
    front: &[String],
) -> Vec<bool> {
    lines
        .iter()
        .map(|l| match edge_number(l.text.trim()) {
            Edge::Only => true,
            Edge::With(core) => {
                let k = key(core);
                counts.get(&k).copied().unwrap_or(0) >= 2 || matches_front(&k, front)
            }
            Edge::None => false,
        })
        .collect()
}

/// The top margin of a PDF's pages, where running headers stand: above
/// the highest line set in the body's size, by more than a line's height.
#[derive(Clone, Copy)]
struct HeaderBand {
    below: f32,
    body: f32,
}

impl HeaderBand {
    /// `None` for a source without layout (a text).
    fn of(lines: &[SourceLine]) -> Option<HeaderBand> {
        let hints = || {
            lines
                .iter()
                .filter(|l| !l.text.trim().is_empty())
                .filter_map(|l| l.layout.as_ref())
                .filter(|h| h.font_size > 0.0)
        };
        let mut sizes: Vec<f32> = hints().map(|h| h.font_size).collect();
        sizes.sort_by(f32::total_cmp);
        let body = sizes.get(sizes.len() / 2).copied()?;
        let top = hints()
            .filter(|h| (h.font_size - body).abs() <= body * 0.05)
            .map(|h| h.y)
            .min_by(f32::total_cmp)?;
        Some(HeaderBand {
            below: top - body,
            body,
        })
    }

    /// A line in the band, set smaller than the body.
    fn holds(self, line: &SourceLine) -> bool {
        line.layout
            .as_ref()
            .is_some_and(|h| h.y < self.below && h.font_size < self.body * 0.9)
    }
}

/// Whether the nearest text line before or after line `i` is a page edge,
/// or a page turns next to it: where running headers stand.
fn near_edge(lines: &[SourceLine], edges: &[bool], i: usize) -> bool {
    let is_edge = |j: usize| edges[j] || lines[j].page != lines[i].page;
    let before = (0..i)
        .rev()
        .find(|j| !lines[*j].text.trim().is_empty() || lines[*j].page != lines[i].page);
    let after = (i + 1..lines.len())
        .find(|j| !lines[*j].text.trim().is_empty() || lines[*j].page != lines[i].page);
    before.is_some_and(is_edge) || after.is_some_and(is_edge) || i == 0 && lines[i].page.is_some()
}

/// What a line holds at its edges: nothing but a page number, text with a
/// page number at one edge, or no page number.
enum Edge<'a> {
    Only,
    With(&'a str),
    None,
}

fn is_page_number(s: &str) -> bool {
    let s = s.trim();
    !s.is_empty() && s.len() <= 3 && s.chars().all(|c| c.is_ascii_digit())
}

fn edge_number(t: &str) -> Edge<'_> {
    if is_page_number(t) {
        return Edge::Only;
    }
    // `- 3 -`, `— 3 —`, `(3)` alone on a line
    let inner = t
        .trim_matches(|c: char| matches!(c, '-' | '—' | '–' | ' '))
        .trim();
    if inner != t && is_page_number(inner) {
        return Edge::Only;
    }
    // Only a line's ends are looked at: most lines are long paragraphs.
    let number_or_space = |c: char| c.is_ascii_digit() || c.is_whitespace();
    for sep in ["|", "·"] {
        if let Some(n) = t.find(|c| !number_or_space(c))
            && is_page_number(&t[..n])
            && let Some(b) = t[n..].strip_prefix(sep)
            && !b.trim().is_empty()
        {
            return Edge::With(b.trim());
        }
        if let Some(n) = t.rfind(|c| !number_or_space(c))
            && let Some(b) = t[n..].strip_prefix(sep)
            && is_page_number(b)
            && !t[..n].trim().is_empty()
        {
            return Edge::With(t[..n].trim());
        }
    }
    // A number set apart by a wide gap, as layout-preserving extraction leaves it.
    let digits = |s: &str| s.len() - s.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let lead = digits(t);
    if (1..=3).contains(&lead) && t[lead..].starts_with("  ") {
        return Edge::With(t[lead..].trim());
    }
    let trail = t.len() - t.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    let rest = &t[..t.len() - trail];
    if (1..=3).contains(&trail) && rest.ends_with("  ") {
        return Edge::With(rest.trim());
    }
    Edge::None
}

/// A line reduced for comparison: no spaces, no digits at the edges.
fn key(t: &str) -> String {
    t.chars().filter(|c| !c.is_whitespace()).collect()
}

fn starts_with_bullet(t: &str) -> bool {
    t.chars()
        .next()
        .is_some_and(|c| "□❏■◆◇○◦●•▪▶►➢※·-–*ㅇ①②③④⑤⑥⑦⑧⑨⑩".contains(c))
}

fn repeat_counts(lines: &[SourceLine]) -> HashMap<String, usize> {
    let mut counts = HashMap::new();
    for l in lines {
        let t = l.text.trim();
        if t.is_empty() || t.chars().count() > 100 {
            continue;
        }
        let k = match edge_number(t) {
            Edge::With(core) => key(core),
            Edge::Only => continue,
            Edge::None => key(t),
        };
        *counts.entry(k).or_insert(0) += 1;
    }
    counts
}

/// Keys of the first lines and of each pair of neighbours among them (a
/// title set on two lines is repeated on one line by the running header).
fn front_keys(lines: &[SourceLine]) -> Vec<String> {
    let first: Vec<String> = lines
        .iter()
        .map(|l| l.text.trim())
        .filter(|t| !t.is_empty())
        .take(FRONT_LINES)
        .map(key)
        .collect();
    let mut keys = first.clone();
    for w in first.windows(2) {
        keys.push(format!("{}{}", w[0], w[1]));
    }
    keys
}

fn matches_front(k: &str, front: &[String]) -> bool {
    k.chars().count() >= 4 && front.iter().any(|f| f == k)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::brief::import::source::text_lines;

    fn kept(text: &str) -> Vec<String> {
        let (rows, _) = strip(&text_lines(text));
        rows.iter()
            .map(|r| match r {
                Row::Text(t) => t.trimmed().to_string(),
                Row::Blank => String::new(),
                Row::Break => "<break>".to_string(),
            })
            .collect()
    }

    fn edge(t: &str) -> String {
        match edge_number(t) {
            Edge::Only => "only".into(),
            Edge::With(core) => core.into(),
            Edge::None => "none".into(),
        }
    }

    #[test]
    fn page_numbers_at_either_edge() {
        assert_eq!(edge("- 3 -"), "only");
        assert_eq!(edge("12"), "only");
        assert_eq!(edge("3 | 통일연구원"), "통일연구원");
        assert_eq!(edge("통일연구원 | 12"), "통일연구원");
        assert_eq!(edge("3 · KINU"), "KINU");
        assert_eq!(edge("12  Online Series"), "Online Series");
        assert_eq!(edge("Online Series   7"), "Online Series");
        assert_eq!(edge("1234  Online Series"), "none");
        assert_eq!(edge("12 3  text"), "none");
        assert_eq!(edge("a | b | 1234"), "none");
        assert_eq!(edge("2025년 | 3개국"), "none");
        assert_eq!(edge("3 |"), "none");
    }

    #[test]
    fn page_numbers_and_running_headers_go() {
        let text = "제목 줄\n\n본문 하나\n\n- 1 -\n\u{c}시리즈 | 연구원\n본문 둘\n\n- 2 -\n\u{c}시리즈 | 연구원\n끝";
        let rows = kept(text);
        assert!(
            !rows
                .iter()
                .any(|r| r.contains("- 1 -") || r.contains("연구원"))
        );
        assert!(rows.contains(&"본문 둘".to_string()));
        assert!(rows.contains(&"<break>".to_string()));
    }

    #[test]
    fn the_title_stays_where_it_is_the_title() {
        let text = "제목입니다\n\n본문\n\n1 | 연구원\n\n제목입니다\n\n더 많은 본문\n\n2 | 연구원\n\n제목입니다\n\n끝";
        let rows = kept(text);
        assert_eq!(rows.iter().filter(|r| *r == "제목입니다").count(), 1);
        assert_eq!(rows[0], "제목입니다");
        assert!(!rows.iter().any(|r| r.contains('|')));
    }

    #[test]
    fn a_sentence_repeated_once_at_a_page_edge_stays() {
        let text = "첫 줄\n\n같은 문장이다.\n\n본문\n\n같은 문장이다.\n\n- 1 -\n\u{c}다음 쪽\n";
        let rows = kept(text);
        assert_eq!(
            rows.iter().filter(|r| *r == "같은 문장이다.").count(),
            2,
            "{rows:?}"
        );
    }

    #[test]
    fn table_rows_ending_in_numbers_stay() {
        let text = "표 제목\n  흑연     412    388\n  갈륨     21     18\n";
        let rows = kept(text);
        assert!(rows.iter().any(|r| r.starts_with("흑연")));
        assert!(rows.iter().any(|r| r.starts_with("갈륨")));
    }
}
