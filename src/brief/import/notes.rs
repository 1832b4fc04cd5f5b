//! Footnotes as briefs write them: which marker style the body uses
//! (superscripts, `1)`, `[1]`, plain digits), where the definitions stand
//! (after a notes heading, at the end, or at the bottom of each page), and
//! every marker rewritten as superscript digits for the later stages.

use super::blocks::{Block, superscript, superscript_value};
use super::furniture::{Row, TextLine};

/// How a brief marks its footnotes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MarkerStyle {
    /// `¹` after the word, `¹ text` as the definition.
    Superscript,
    /// `[1]` after the word and as the definition.
    Bracket,
    /// `1)` glued after the word, `1) text` as the definition.
    Paren,
    /// `1` glued after the word, `1 text` as the definition.
    Plain,
    /// `*` (note 1), `**` (note 2) after the word and as the definition.
    Star,
}

/// Headings that open a list of notes.
const NOTES_HEADINGS: &[&str] = &[
    "주",
    "주석",
    "각주",
    "미주",
    "註",
    "notes",
    "endnotes",
    "footnotes",
];

/// Whether a line is the heading of a notes list (`주`, `< 주 >`, `Endnotes`).
pub fn is_notes_heading(t: &str) -> bool {
    // A heading of a few words: never a paragraph (and long lines cost).
    if t.len() > 40 {
        return false;
    }
    let k: String = t
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '<' | '>' | '[' | ']' | '〈' | '〉' | ':'))
        .collect::<String>()
        .to_lowercase();
    NOTES_HEADINGS.contains(&k.as_str())
}

/// The number and body of a definition line in `style`.
pub fn definition(t: &str, style: MarkerStyle) -> Option<(u32, String)> {
    let t = t.trim();
    match style {
        MarkerStyle::Superscript => {
            super::blocks::footnote_definition(t).map(|(n, b)| (n, b.to_string()))
        }
        MarkerStyle::Bracket => {
            let rest = t.strip_prefix('[')?;
            let (n, body) = rest.split_once(']')?;
            Some((parse_number(n)?, body.trim().to_string()))
        }
        MarkerStyle::Paren => {
            let (n, body) = t.split_once(')')?;
            if !body.starts_with(' ') && !body.is_empty() {
                return None;
            }
            Some((parse_number(n)?, body.trim().to_string()))
        }
        MarkerStyle::Star => {
            let stars = t.chars().take_while(|c| *c == '*').count();
            let body = t[stars..].trim();
            ((1..=3).contains(&stars) && !body.is_empty())
                .then(|| (u32::try_from(stars).unwrap_or(1), body.to_string()))
        }
        MarkerStyle::Plain => {
            let (n, body) = t.split_once(' ')?;
            let body = body.trim();
            let first = body.chars().next()?;
            // `2024. 9. 28.` or `3 %` are not definitions.
            if first.is_ascii_digit() || first == '%' || body.chars().count() < 4 {
                return None;
            }
            Some((parse_number(n)?, body.to_string()))
        }
    }
}

fn parse_number(s: &str) -> Option<u32> {
    (!s.is_empty() && s.len() <= 3 && s.chars().all(|c| c.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

/// Footnote definitions found, and the rows left for the body.
pub struct Notes {
    pub style: Option<MarkerStyle>,
    pub definitions: Vec<(u32, Block)>,
    pub rows: Vec<Row>,
    /// Lines that held a notes heading (`주`, `Endnotes`), removed from the body.
    pub headings: Vec<usize>,
}

/// Find the notes of `rows` (the body, header already taken).
pub fn extract(rows: Vec<Row>) -> Notes {
    let styles = candidate_styles(&rows);
    for style in styles {
        let found = zones(&rows, style);
        if found.definitions.is_empty() {
            continue;
        }
        let cited = cited_numbers(&found.rows, style, &found.definitions);
        // Plain digits are markers only if the body really cites the notes.
        if style == MarkerStyle::Plain && cited * 2 < found.definitions.len() {
            continue;
        }
        let rows = normalise_markers(found.rows, style, &found.definitions);
        return Notes {
            style: Some(style),
            definitions: found.definitions,
            rows,
            headings: found.headings,
        };
    }
    Notes {
        style: None,
        definitions: Vec::new(),
        rows,
        headings: Vec::new(),
    }
}

/// Styles worth trying, most distinctive first, by what the body holds.
fn candidate_styles(rows: &[Row]) -> Vec<MarkerStyle> {
    let (mut sup, mut bracket, mut paren, mut star) = (0, 0, 0, 0);
    for r in rows {
        let Row::Text(l) = r else { continue };
        let chars: Vec<char> = l.text.chars().collect();
        for (i, c) in chars.iter().enumerate() {
            if superscript_value(*c).is_some() {
                sup += 1;
            }
            if *c == '*' && i > 0 && !chars[i - 1].is_whitespace() && chars[i - 1] != '*' {
                star += 1;
            }
            if *c == '[' && chars.get(i + 1).is_some_and(char::is_ascii_digit) {
                bracket += 1;
            }
            if *c == ')' && i >= 2 && chars[i - 1].is_ascii_digit() {
                let before = chars[..i - 1]
                    .iter()
                    .rev()
                    .find(|c| !c.is_ascii_digit())
                    .copied();
                if before.is_some_and(|b| !b.is_whitespace() && b != '(' && b != '[') {
                    paren += 1;
                }
            }
        }
    }
    let mut styles = Vec::new();
    if sup > 0 {
        styles.push(MarkerStyle::Superscript);
    }
    if bracket > 0 {
        styles.push(MarkerStyle::Bracket);
    }
    // Definitions written `1)` go with `1)` markers, and with raised
    // markers a PDF gives as superscripts.
    if paren > 0 || sup > 0 {
        styles.push(MarkerStyle::Paren);
    }
    if star > 0 {
        styles.push(MarkerStyle::Star);
    }
    styles.push(MarkerStyle::Plain);
    styles
}

struct Found {
    definitions: Vec<(u32, Block)>,
    rows: Vec<Row>,
    headings: Vec<usize>,
}

/// Definitions after a notes heading, and at the bottom of each page (the
/// last page's bottom being the end of the brief).
fn zones(rows: &[Row], style: MarkerStyle) -> Found {
    let mut keep = vec![true; rows.len()];
    let mut defs: Vec<(u32, Block)> = Vec::new();
    let mut headings = Vec::new();
    let mut next = 1u32;
    let mut start = 0;
    while start < rows.len() {
        let end = rows[start..]
            .iter()
            .position(|r| *r == Row::Break)
            .map_or(rows.len(), |p| start + p);
        let page = &rows[start..end];
        let heading = page
            .iter()
            .position(|r| matches!(r, Row::Text(l) if is_notes_heading(l.trimmed())));
        let zone = heading
            .and_then(|h| zone_after_heading(page, h, style))
            .or_else(|| bottom_zone(page, style, next));
        if let Some((from, found)) = zone {
            if let Some(h) = heading.filter(|h| *h <= from) {
                keep[start + h] = false;
                if let Row::Text(l) = &page[h] {
                    headings.push(l.number);
                }
            }
            for k in keep.iter_mut().take(end).skip(start + from) {
                *k = false;
            }
            if let Some((n, _)) = found.last() {
                next = n + 1;
            }
            defs.extend(found);
        }
        start = end + 1;
    }
    let rows = rows
        .iter()
        .zip(keep)
        .filter(|(_, k)| *k)
        .map(|(r, _)| r.clone())
        .collect();
    Found {
        definitions: defs,
        rows,
        headings,
    }
}

/// A notes list right after its heading: every line to the page's end must
/// be a definition or the continuation of one.
fn zone_after_heading(
    page: &[Row],
    heading: usize,
    style: MarkerStyle,
) -> Option<(usize, Vec<(u32, Block)>)> {
    let from = heading + 1;
    let defs = read_zone(&page[from..], style, None)?;
    Some((heading, defs))
}

/// The earliest start from which the rest of the page is a notes list
/// numbered on from `next`.
fn bottom_zone(page: &[Row], style: MarkerStyle, next: u32) -> Option<(usize, Vec<(u32, Block)>)> {
    for (i, r) in page.iter().enumerate() {
        let Row::Text(l) = r else { continue };
        let Some((n, _)) = definition(&l.text, style) else {
            continue;
        };
        let after_gap = i == 0 || page[i - 1] == Row::Blank;
        let strict = matches!(style, MarkerStyle::Paren | MarkerStyle::Plain);
        if !after_gap || (strict && n != next) {
            continue;
        }
        if let Some(defs) = read_zone(&page[i..], style, strict.then_some(next)) {
            return Some((i, defs));
        }
    }
    None
}

/// Read rows as a list of definitions; `None` when any row is not one.
fn read_zone(
    rows: &[Row],
    style: MarkerStyle,
    numbered_from: Option<u32>,
) -> Option<Vec<(u32, Block)>> {
    let mut defs: Vec<(u32, Block)> = Vec::new();
    let mut after_blank = true;
    let mut expect = numbered_from;
    for r in rows {
        match r {
            Row::Blank => after_blank = true,
            Row::Break => return None,
            Row::Text(l) => {
                if let Some((n, body)) =
                    definition(&l.text, style).filter(|(n, _)| expect.is_none_or(|e| *n == e))
                {
                    defs.push((
                        n,
                        Block {
                            line: l.number,
                            text: body,
                            pages: l.page.map(|p| (p, p)),
                        },
                    ));
                    expect = expect.map(|e| e + 1);
                } else if after_blank || defs.is_empty() {
                    return None;
                } else if let Some((_, last)) = defs.last_mut() {
                    continuation(last, l);
                }
                after_blank = false;
            }
        }
    }
    (!defs.is_empty()).then_some(defs)
}

/// A wrapped line of a definition: kept on its own line, joined later
/// with the body's vocabulary; its page is the definition's last.
fn continuation(block: &mut Block, line: &TextLine) {
    block.text.push('\n');
    block.text.push_str(line.trimmed());
    if let Some(page) = line.page {
        block.pages = Some((block.pages.map_or(page, |(first, _)| first), page));
    }
}

/// How many definition numbers are cited in the body in `style`.
fn cited_numbers(rows: &[Row], style: MarkerStyle, defs: &[(u32, Block)]) -> usize {
    let numbers: Vec<u32> = defs.iter().map(|(n, _)| *n).collect();
    let mut cited = std::collections::BTreeSet::new();
    for r in rows {
        if let Row::Text(l) = r {
            for (n, _, _) in markers_in(&l.text, style, &numbers) {
                cited.insert(n);
            }
        }
    }
    cited.len()
}

/// Markers of `style` in a line: number, char range.
fn markers_in(text: &str, style: MarkerStyle, numbers: &[u32]) -> Vec<(u32, usize, usize)> {
    let chars: Vec<char> = text.chars().collect();
    let mut found = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let Some(end) = marker_at(&chars, i, style) else {
            i += 1;
            continue;
        };
        let digits: String = chars[i..end]
            .iter()
            .filter(|c| c.is_ascii_digit())
            .collect();
        let number = if style == MarkerStyle::Star {
            u32::try_from(end - i).ok()
        } else {
            digits.parse::<u32>().ok()
        };
        match number.filter(|n| numbers.contains(n)) {
            Some(n) => {
                found.push((n, i, end));
                i = end;
            }
            None => i += 1,
        }
    }
    found
}

/// The end of a marker of `style` starting at `i`, if one does.
fn marker_at(chars: &[char], i: usize, style: MarkerStyle) -> Option<usize> {
    let before = i.checked_sub(1).map(|b| chars[b]);
    let digits = chars[i..].iter().take_while(|c| c.is_ascii_digit()).count();
    match style {
        MarkerStyle::Superscript => None,
        MarkerStyle::Bracket => {
            if chars[i] != '[' {
                return None;
            }
            let n = chars[i + 1..]
                .iter()
                .take_while(|c| c.is_ascii_digit())
                .count();
            (n > 0 && n <= 3 && chars.get(i + 1 + n) == Some(&']')).then_some(i + n + 2)
        }
        MarkerStyle::Paren => {
            let glued = before.is_some_and(|b| {
                !b.is_whitespace() && !b.is_ascii_digit() && !matches!(b, '(' | '[' | '-' | '~')
            });
            (glued && (1..=2).contains(&digits) && chars.get(i + digits) == Some(&')'))
                .then_some(i + digits + 1)
        }
        MarkerStyle::Star => {
            let stars = chars[i..].iter().take_while(|c| **c == '*').count();
            let glued = before.is_some_and(|b| !b.is_whitespace() && b != '*');
            (chars[i] == '*' && glued && (1..=3).contains(&stars)).then_some(i + stars)
        }
        MarkerStyle::Plain => {
            let glued = before.is_some_and(|b| {
                crate::text::is_syllable(b)
                    || matches!(
                        b,
                        '.' | ',' | '”' | '’' | '"' | ')' | '」' | '』' | '>' | '》'
                    )
            });
            // `2.5`: a digit after a full stop that follows a digit is a decimal.
            let decimal = before == Some('.') && i >= 2 && chars[i - 2].is_ascii_digit();
            let after = chars.get(i + digits).copied();
            let ends = after.is_none_or(|a| {
                a.is_whitespace()
                    || crate::text::is_syllable(a)
                    || matches!(a, ',' | '.' | ')' | '”' | '’')
            });
            // `20×10`, `3개`, `2번째`: counters glued to the number are not markers.
            let counter = after.is_some_and(|a| "개번년월일차호회명척대종건곳위%".contains(a));
            (glued && !decimal && ends && !counter && (1..=2).contains(&digits))
                .then_some(i + digits)
        }
    }
}

/// Rewrite every marker of `style` whose number is defined as superscript
/// digits; a space lost after a full stop (`했다.1이`) is put back.
fn normalise_markers(rows: Vec<Row>, style: MarkerStyle, defs: &[(u32, Block)]) -> Vec<Row> {
    if style == MarkerStyle::Superscript {
        return rows;
    }
    let numbers: Vec<u32> = defs.iter().map(|(n, _)| *n).collect();
    let mut highest = 0;
    rows.into_iter()
        .map(|r| match r {
            Row::Text(mut l) => {
                l.text = rewrite(&l.text, style, &numbers, &mut highest);
                Row::Text(l)
            }
            other => other,
        })
        .collect()
}

fn rewrite(text: &str, style: MarkerStyle, numbers: &[u32], highest: &mut u32) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for (n, s, e) in markers_in(text, style, numbers) {
        // Plain digits must come in order: a marker far ahead of the last is a figure.
        if style == MarkerStyle::Plain && n > *highest + 1 {
            continue;
        }
        *highest = (*highest).max(n);
        out.extend(&chars[at..s]);
        out.push_str(&superscript(n));
        let before = s.checked_sub(1).map(|b| chars[b]);
        let after = chars.get(e).copied();
        if matches!(before, Some('.' | ',')) && after.is_some_and(|a| a.is_alphabetic()) {
            out.push(' ');
        }
        at = e;
    }
    out.extend(&chars[at..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::brief::import::furniture::strip;
    use crate::brief::import::source::text_lines;

    fn notes(text: &str) -> Notes {
        let (rows, _) = strip(&text_lines(text));
        extract(rows)
    }

    fn body(n: &Notes) -> Vec<String> {
        n.rows
            .iter()
            .filter_map(|r| match r {
                Row::Text(l) => Some(l.trimmed().to_string()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn paren_notes_at_each_page_bottom() {
        let n = notes(
            "본문이다.1) 계속\n이어진다.2)\n\n1) 첫 출처, 2025.\n2) 둘째 출처\n   이어짐.\n\u{c}다음 쪽 본문3) 이다.\n\n3) 셋째.\n",
        );
        assert_eq!(n.style, Some(MarkerStyle::Paren));
        let numbers: Vec<u32> = n.definitions.iter().map(|(k, _)| *k).collect();
        assert_eq!(numbers, vec![1, 2, 3]);
        assert_eq!(n.definitions[1].1.text, "둘째 출처\n이어짐.");
        assert_eq!(
            body(&n),
            vec!["본문이다.¹ 계속", "이어진다.²", "다음 쪽 본문³ 이다."]
        );
    }

    #[test]
    fn plain_digits_checked_against_the_notes() {
        let n = notes(
            "H-6K 2대 정도로,1 러시아의 A-50은 했다.2이 가운데 20×10 정책\n\n1 첫 출처, 2025.\n2 둘째 출처이다.\n",
        );
        assert_eq!(n.style, Some(MarkerStyle::Plain));
        assert_eq!(
            body(&n),
            vec!["H-6K 2대 정도로,¹ 러시아의 A-50은 했다.² 이 가운데 20×10 정책"]
        );
    }

    #[test]
    fn bracket_notes_under_a_heading() {
        let n = notes("본문이다.[1] 끝.[2]\n\n주\n\n[1] 하나\n[2] 둘\n");
        assert_eq!(n.style, Some(MarkerStyle::Bracket));
        assert_eq!(n.definitions.len(), 2);
        assert_eq!(body(&n), vec!["본문이다.¹ 끝.²"]);
        assert_eq!(n.headings.len(), 1);
    }

    #[test]
    fn star_notes() {
        let n = notes("본문이다.* 다음 문장이다.**\n\n* 첫째 주석.\n** 둘째 주석.\n");
        assert_eq!(n.style, Some(MarkerStyle::Star));
        let numbers: Vec<u32> = n.definitions.iter().map(|(k, _)| *k).collect();
        assert_eq!(numbers, vec![1, 2]);
        assert_eq!(body(&n), vec!["본문이다.¹ 다음 문장이다.²"]);
    }

    #[test]
    fn a_sub_heading_is_not_a_note() {
        let n = notes("1) 북러 관계 추세\n\n본문이다.¹\n\n¹ 출처\n");
        assert_eq!(n.style, Some(MarkerStyle::Superscript));
        assert_eq!(body(&n), vec!["1) 북러 관계 추세", "본문이다.¹"]);
    }
}
