//! Rows -> blocks: headings with their style, summary and front-matter
//! boxes, list items, paragraphs and tables; hard-wrapped lines and page
//! breaks joined on the way, each join decision recorded.

use super::furniture::{Row, TextLine};
use super::joins::{self, Join, Seam, Vocabulary, Wrap};
use super::tables::{self, Table};

/// How a heading is numbered; the order styles first appear in gives levels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HeadingStyle {
    /// Ⅰ. Ⅱ.
    Roman,
    /// 1. 2.
    Arabic,
    /// 가. 나.
    Hangul,
    /// 1) 2)
    ArabicParen,
    /// (1) (2)
    ParenArabic,
    /// ① ②
    Circled,
    /// `| 제목`
    Bar,
    /// A short line of its own, unnumbered.
    Plain,
}

/// A heading line: its style, number as printed, and title.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeadingMark {
    pub style: HeadingStyle,
    pub number: String,
    pub title: String,
}

/// Boxes before the first section.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BoxKind {
    /// `요약`, `주요 내용`, `Key Points`.
    Summary,
    /// `Editor's Note`: front matter, neither summary nor section.
    Front,
}

/// One block of the body in reading order.
#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    Heading {
        line: usize,
        mark: HeadingMark,
    },
    Box {
        line: usize,
        kind: BoxKind,
        title: String,
    },
    Paragraph(Para),
    Table {
        line: usize,
        table: Table,
    },
}

/// A paragraph or a list item, lines joined.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Para {
    pub line: usize,
    pub text: String,
    /// The bullet (`□`, `○`, `-`, `▶`) and its nesting level, for list items.
    pub item: Option<(String, u8)>,
    /// First and last page, where the source has pages.
    pub pages: Option<(u32, u32)>,
}

const ROMAN: &str = "ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩⅪⅫ";
const HANGUL_ORDER: &str = "가나다라마바사아자차카타파하";
const CIRCLED: &str = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳";
const BULLETS: &str = "□❏■◆◇○◦●•▪▶►➢※·-–ㅇ◎";

/// Whether a heading title reads as a title, not as a sentence.
fn title_like(title: &str, max: usize) -> bool {
    let title = title.trim();
    let n = title.chars().count();
    n > 0
        && n <= max
        && joins::ends_mid_sentence(title)
        && !title.ends_with('다')
        && !title.ends_with(',')
}

/// The heading a line is, if it is one by its numbering.
pub fn heading_of(t: &str) -> Option<HeadingMark> {
    let t = t.trim();
    let mark = |style, number: &str, title: &str| {
        title_like(title, 80).then(|| HeadingMark {
            style,
            number: number.to_string(),
            title: title.trim().to_string(),
        })
    };
    let first = t.chars().next()?;
    if ROMAN.contains(first) {
        let rest = &t[first.len_utf8()..];
        let rest = rest.strip_prefix('.').unwrap_or(rest);
        return rest
            .starts_with(' ')
            .then(|| mark(HeadingStyle::Roman, &format!("{first}."), rest))
            .flatten();
    }
    if let Some(rest) = t.strip_prefix("| ").or_else(|| t.strip_prefix("│ ")) {
        return mark(HeadingStyle::Bar, "", rest);
    }
    if CIRCLED.contains(first) {
        let rest = &t[first.len_utf8()..];
        return title_like(rest, 40)
            .then(|| mark(HeadingStyle::Circled, &first.to_string(), rest))
            .flatten();
    }
    if let Some(rest) = t.strip_prefix('(') {
        let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
        let after = rest[digits.len()..].strip_prefix(')')?;
        return (!digits.is_empty() && digits.len() <= 2)
            .then(|| mark(HeadingStyle::ParenArabic, &format!("({digits})"), after))
            .flatten();
    }
    if HANGUL_ORDER.contains(first) {
        let rest = t[first.len_utf8()..].strip_prefix(". ")?;
        return mark(HeadingStyle::Hangul, &format!("{first}."), rest);
    }
    let digits: String = t.chars().take_while(char::is_ascii_digit).collect();
    if digits.is_empty() || digits.len() > 2 {
        return None;
    }
    let rest = &t[digits.len()..];
    if let Some(r) = rest.strip_prefix(". ") {
        return mark(HeadingStyle::Arabic, &format!("{digits}."), r);
    }
    if let Some(r) = rest.strip_prefix(") ") {
        return mark(HeadingStyle::ArabicParen, &format!("{digits})"), r);
    }
    None
}

/// The box a line opens, if it is a box's title.
pub fn box_title(t: &str) -> Option<BoxKind> {
    if t.len() > 60 {
        return None;
    }
    let k: String = t
        .chars()
        .filter(|c| {
            !c.is_whitespace() && !matches!(c, '<' | '>' | '[' | ']' | '〈' | '〉' | '【' | '】')
        })
        .collect::<String>()
        .to_lowercase()
        .replace('’', "'");
    match k.as_str() {
        "요약" | "주요내용" | "핵심요약" | "핵심내용" | "요점" | "keypoints" | "summary"
        | "executivesummary" | "keytakeaways" => Some(BoxKind::Summary),
        "editor'snote" | "편집자주" | "편집자의글" => Some(BoxKind::Front),
        _ => None,
    }
}

/// The bullet a line starts with, and the rest.
pub fn bullet_of(t: &str) -> Option<(char, &str)> {
    let t = t.trim_start();
    let first = t.chars().next()?;
    if !BULLETS.contains(first) {
        return None;
    }
    let rest = &t[first.len_utf8()..];
    let spaced = rest.starts_with(' ');
    // `▶중국은`: arrows need no space; dashes and dots do.
    let ok = spaced || matches!(first, '▶' | '►' | '➢' | '□' | '○' | '※');
    (ok && !rest.trim().is_empty()).then(|| (first, rest.trim()))
}

/// What the classifier found, joins included.
#[derive(Debug, Default)]
pub struct Classified {
    pub nodes: Vec<Node>,
    /// Joins across page breaks (and blank lines inside a sentence).
    pub page_joins: Vec<Join>,
    /// Joins of hard-wrapped lines.
    pub line_joins: Vec<Join>,
    /// Footnote definitions with their wrapped lines joined, in the order given.
    pub notes: Vec<String>,
}

/// Facts about the whole body that decide doubtful lines.
struct Traits<'a> {
    numbered: bool,
    listy: bool,
    /// How hard-wrapped lines break.
    line_wrap: Wrap,
    /// How page breaks split a paragraph.
    page_wrap: Wrap,
    /// The width of a full line in a hard-wrapped text (a heading is shorter).
    full_width: Option<usize>,
    vocab: Vocabulary<'a>,
}

fn traits<'a>(rows: &'a [Row], notes: &[&'a str]) -> Traits<'a> {
    let texts: Vec<&str> = rows
        .iter()
        .filter_map(|r| match r {
            Row::Text(l) => Some(l.text.as_str()),
            _ => None,
        })
        .collect();
    let numbered = texts
        .iter()
        .any(|t| heading_of(t).is_some_and(|h| h.style != HeadingStyle::Circled));
    let listy = texts.iter().filter(|t| bullet_of(t).is_some()).count() >= 5;
    let note_lines: Vec<&str> = notes.iter().flat_map(|n| n.lines()).collect();
    let vocab = Vocabulary::of_lines(texts.iter().chain(&note_lines).copied());
    let mut seams = Vec::new();
    let mut widths = Vec::new();
    for w in rows.windows(2) {
        if let (Row::Text(a), Row::Text(b)) = (&w[0], &w[1]) {
            seams.push((a.text.as_str(), b.text.as_str()));
            widths.push(crate::text::str_width(a.trimmed()));
        }
    }
    let char_wrapped = seams.len() >= 4 && vocab.split_share(seams.iter().copied()) >= 0.2;
    // One paragraph per line: a page break is the only thing that splits one.
    let one_per_line = seams.len() * 5 < texts.len();
    widths.sort_unstable();
    let full_width = (widths.len() >= 10).then(|| widths[widths.len() / 2]);
    Traits {
        numbered,
        listy,
        line_wrap: if char_wrapped {
            Wrap::Chars
        } else {
            Wrap::Words
        },
        page_wrap: if one_per_line {
            Wrap::Anywhere
        } else if char_wrapped {
            Wrap::Chars
        } else {
            Wrap::Words
        },
        full_width,
        vocab,
    }
}

/// Whether a paragraph's text stops inside a sentence.
fn unfinished(text: &str, listy: bool) -> bool {
    if !joins::ends_mid_sentence(text) {
        return false;
    }
    if !listy {
        return true;
    }
    // 개조식: `-음`, `-함`, `-임`, `-됨` (and a citation after them) end a sentence.
    let core = text.trim_end();
    let core = match core.strip_suffix(')') {
        Some(c) => c.rsplit_once('(').map_or(c, |(a, _)| a),
        None => core,
    };
    !core
        .trim_end()
        .ends_with(['음', '함', '임', '됨', '요', '필', '음'])
}

/// The place of a heading's number in its sequence (`다.` is 3), if it has one.
fn ordinal(mark: &HeadingMark) -> Option<usize> {
    let first = mark.number.trim_start_matches('(').chars().next()?;
    let pos = |set: &str| set.chars().position(|c| c == first).map(|p| p + 1);
    match mark.style {
        HeadingStyle::Roman => pos(ROMAN),
        HeadingStyle::Hangul => pos(HANGUL_ORDER),
        HeadingStyle::Circled => pos(CIRCLED),
        HeadingStyle::Arabic | HeadingStyle::ArabicParen | HeadingStyle::ParenArabic => mark
            .number
            .chars()
            .filter(char::is_ascii_digit)
            .collect::<String>()
            .parse()
            .ok(),
        HeadingStyle::Bar | HeadingStyle::Plain => None,
    }
}

/// Headings numbered in sequence: a `다.` that follows `가.` is a line
/// that a hard wrap happened to start with `다.`, not a heading.
#[derive(Default)]
struct Sequence {
    last: Vec<(HeadingStyle, usize)>,
}

impl Sequence {
    fn accepts(&self, mark: &HeadingMark) -> bool {
        let Some(n) = ordinal(mark) else { return true };
        let last = self
            .last
            .iter()
            .find(|(s, _)| *s == mark.style)
            .map(|(_, n)| *n);
        n == 1 || last.is_some_and(|l| n == l + 1)
    }

    fn record(&mut self, mark: &HeadingMark) {
        let Some(n) = ordinal(mark) else { return };
        match self.last.iter_mut().find(|(s, _)| *s == mark.style) {
            Some(entry) => entry.1 = n,
            None => self.last.push((mark.style, n)),
        }
    }
}

/// Classify the body's rows into nodes; `notes` lends its words to the vocabulary.
pub fn classify(rows: &[Row], notes: &[&str]) -> Classified {
    let traits = traits(rows, notes);
    let notes = notes.iter().map(|n| unwrap_note(n, &traits)).collect();
    let mut sequence = Sequence::default();
    let mut out = Classified::default();
    let mut bullets: Vec<char> = Vec::new();
    let mut i = 0;
    let mut gap = true;
    let mut broke = false;
    while i < rows.len() {
        let l = match &rows[i] {
            Row::Blank => {
                gap = true;
                i += 1;
                continue;
            }
            Row::Break => {
                broke = true;
                i += 1;
                continue;
            }
            Row::Text(l) => l,
        };
        let t = l.trimmed();
        let alone = gap && rows.get(i + 1).is_none_or(|r| !matches!(r, Row::Text(_)));
        let step = line(
            &mut out,
            rows,
            i,
            (l, t),
            (alone, gap, broke),
            &traits,
            &mut bullets,
            &mut sequence,
        );
        i += step;
        gap = false;
        broke = false;
    }
    out.notes = notes;
    out
}

/// A footnote's wrapped lines (one per `\n`) joined like the body's.
fn unwrap_note(text: &str, traits: &Traits) -> String {
    let mut out = String::new();
    for line in text.lines() {
        let line = line.trim();
        if out.is_empty() {
            out.push_str(line);
            continue;
        }
        let seam = joins::seam(&out, line, &traits.vocab, traits.line_wrap);
        joins::apply(&mut out, line, seam);
    }
    out
}

/// Whether a line that reads as a heading fills the whole width of a
/// hard-wrapped text and goes on in the next line: a wrapped line of a
/// paragraph that happens to start with `다.` or `1.`.
fn wrapped_line(rows: &[Row], i: usize, t: &str, traits: &Traits) -> bool {
    let goes_on = matches!(rows.get(i + 1), Some(Row::Text(_)));
    let full = traits
        .full_width
        .is_some_and(|w| crate::text::str_width(t) * 10 >= w * 8);
    goes_on && full
}

/// Handle the line at `i`; returns how many rows it used.
#[allow(clippy::too_many_arguments)]
fn line(
    out: &mut Classified,
    rows: &[Row],
    i: usize,
    (l, t): (&TextLine, &str),
    (alone, gap, broke): (bool, bool, bool),
    traits: &Traits,
    bullets: &mut Vec<char>,
    sequence: &mut Sequence,
) -> usize {
    let continuing = (broke || gap) && continues(out, t, broke, traits);
    if tables::is_caption(t) {
        return table(out, rows, i);
    }
    let mark = heading_of(t).filter(|m| {
        (m.style != HeadingStyle::Circled || alone)
            && sequence.accepts(m)
            && !(continuing && broke)
            && !wrapped_line(rows, i, t, traits)
    });
    if let Some(mark) = mark {
        sequence.record(&mark);
        return heading(out, rows, i, l, mark);
    }
    if let Some(kind) = box_title(t) {
        out.nodes.push(Node::Box {
            line: l.number,
            kind,
            title: t.to_string(),
        });
        return 1;
    }
    if let Some((b, rest)) = bullet_of(t) {
        let level = match bullets.iter().position(|x| *x == b) {
            Some(p) => p,
            None => {
                bullets.push(b);
                bullets.len() - 1
            }
        };
        out.nodes.push(Node::Paragraph(Para {
            line: l.number,
            text: rest.to_string(),
            item: Some((b.to_string(), u8::try_from(level).unwrap_or(u8::MAX))),
            pages: l.page.map(|p| (p, p)),
        }));
        return 1;
    }
    let plain_heading = !traits.numbered
        && alone
        && !continuing
        && title_like(t, 60)
        && t.chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || crate::text::is_syllable(c) || c.is_ascii_digit());
    if plain_heading {
        out.nodes.push(Node::Heading {
            line: l.number,
            mark: HeadingMark {
                style: HeadingStyle::Plain,
                number: String::new(),
                title: t.to_string(),
            },
        });
        return 1;
    }
    let within = !gap && !broke;
    match out.nodes.last_mut() {
        Some(Node::Paragraph(p)) if within || continuing => {
            let wrap = if within {
                traits.line_wrap
            } else {
                traits.page_wrap
            };
            let citation = !within
                && t.starts_with('(')
                && p.text.ends_with(|c: char| crate::text::is_syllable(c));
            let seam = if citation {
                Seam::Glue
            } else {
                joins::seam(&p.text, t, &traits.vocab, wrap)
            };
            let join = record(&p.text, t, l.number, seam);
            joins::apply(&mut p.text, t, seam);
            if let Some(page) = l.page {
                p.pages = Some((p.pages.map_or(page, |(first, _)| first), page));
            }
            if within {
                out.line_joins.push(join);
            } else {
                out.page_joins.push(join);
            }
        }
        _ => out.nodes.push(Node::Paragraph(Para {
            line: l.number,
            text: t.to_string(),
            item: None,
            pages: l.page.map(|p| (p, p)),
        })),
    }
    1
}

/// Whether line `t`, after a gap or a page break, goes on with the last paragraph.
fn continues(out: &Classified, t: &str, broke: bool, traits: &Traits) -> bool {
    let Some(Node::Paragraph(p)) = out.nodes.last() else {
        return false;
    };
    if open_paragraph(out, traits).is_some() {
        return true;
    }
    let first = t.chars().next();
    // `3.` | `8%`: a decimal split by the break.
    let mut tail = p.text.chars().rev();
    let decimal = tail.next() == Some('.')
        && tail.next().is_some_and(|c| c.is_ascii_digit())
        && first.is_some_and(|c| c.is_ascii_digit());
    // A citation pushed onto the next page: `…않음` | `(재정성 …, 2025.1.)`.
    let citation = broke && first == Some('(') && t.ends_with(')');
    // `relations.` | `⁷ The message…`: a marker opening the next page.
    let marker = first.is_some_and(|c| super::blocks::superscript_value(c).is_some());
    decimal || citation || marker
}

/// The last node if it is a paragraph that goes on past a break or gap.
fn open_paragraph<'a>(out: &'a Classified, traits: &Traits) -> Option<&'a Para> {
    match out.nodes.last() {
        Some(Node::Paragraph(p)) => {
            let open = if p.item.is_some() {
                unfinished(&p.text, true)
            } else {
                unfinished(&p.text, traits.listy)
            };
            open.then_some(p)
        }
        _ => None,
    }
}

fn record(left: &str, right: &str, line: usize, seam: Seam) -> Join {
    Join {
        line,
        left: left
            .split_whitespace()
            .next_back()
            .unwrap_or("")
            .to_string(),
        right: right.split_whitespace().next().unwrap_or("").to_string(),
        spaced: seam == Seam::Space,
    }
}

/// A heading, and its second line when the title wraps onto one.
fn heading(
    out: &mut Classified,
    rows: &[Row],
    i: usize,
    l: &TextLine,
    mut mark: HeadingMark,
) -> usize {
    let mut used = 1;
    if let Some(Row::Text(next)) = rows.get(i + 1) {
        let ends_group = rows.get(i + 2).is_none_or(|r| !matches!(r, Row::Text(_)));
        let n = next.trimmed();
        let short = n.chars().count() <= 30 && title_like(n, 30);
        if ends_group && short && heading_of(n).is_none() && bullet_of(n).is_none() {
            mark.title.push(' ');
            mark.title.push_str(n);
            used = 2;
        }
    }
    out.nodes.push(Node::Heading {
        line: l.number,
        mark,
    });
    used
}

/// A table from its caption to its source line (or the first blank line).
fn table(out: &mut Classified, rows: &[Row], i: usize) -> usize {
    let mut lines: Vec<&str> = Vec::new();
    let mut used = 0;
    let line = match &rows[i] {
        Row::Text(l) => l.number,
        _ => 0,
    };
    for (k, r) in rows[i..].iter().enumerate() {
        let Row::Text(l) = r else {
            // A PDF sets the caption, the rows and the source line apart
            // by gaps: a blank goes on when a row or the source follows.
            let next = rows.get(i + k + 1);
            if matches!(r, Row::Blank)
                && matches!(next, Some(Row::Text(n)) if tables::goes_on(&n.text))
            {
                used += 1;
                continue;
            }
            break;
        };
        lines.push(&l.text);
        used += 1;
        if tables::is_source(&l.text) {
            break;
        }
    }
    out.nodes.push(Node::Table {
        line,
        table: tables::parse(&lines),
    });
    used
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_by_style() {
        let h = |t| heading_of(t).map(|m| (m.style, m.number, m.title));
        assert_eq!(
            h("Ⅱ. 실태"),
            Some((HeadingStyle::Roman, "Ⅱ.".into(), "실태".into()))
        );
        assert_eq!(
            h("가. 수상 전력"),
            Some((HeadingStyle::Hangul, "가.".into(), "수상 전력".into()))
        );
        assert_eq!(
            h("(1) 선별적 승인"),
            Some((
                HeadingStyle::ParenArabic,
                "(1)".into(),
                "선별적 승인".into()
            ))
        );
        assert_eq!(
            h("1) 북러 관계 추세"),
            Some((
                HeadingStyle::ArabicParen,
                "1)".into(),
                "북러 관계 추세".into()
            ))
        );
        assert_eq!(
            h("| 문제 제기"),
            Some((HeadingStyle::Bar, String::new(), "문제 제기".into()))
        );
        assert_eq!(h("1. 끝난 문장이다."), None);
        assert_eq!(h("2.5배로 늘었다"), None);
        assert_eq!(h("가나다"), None);
    }

    #[test]
    fn boxes_and_bullets() {
        assert_eq!(box_title("요 약"), Some(BoxKind::Summary));
        assert_eq!(box_title("< 요 약 >"), Some(BoxKind::Summary));
        assert_eq!(box_title("Editor's Note"), Some(BoxKind::Front));
        assert_eq!(bullet_of("□ 북한은"), Some(('□', "북한은")));
        assert_eq!(bullet_of("- 1 -").map(|b| b.0), Some('-'));
        assert_eq!(bullet_of("-1"), None);
    }
}
