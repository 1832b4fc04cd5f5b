//! The header: series, number, title, authors and affiliations, date, in
//! whatever order and on whatever lines a brief prints them.

use std::sync::LazyLock;

use regex::Regex;

use super::furniture::Row;
use crate::brief::model::Meta;

/// Text lines the header may span at most.
const MAX_LINES: usize = 24;

/// The header parsed from the first rows, the index of the first body row,
/// and what could not be found.
pub struct Header {
    pub meta: Meta,
    pub body_starts: usize,
    pub missing: Vec<&'static str>,
}

static DATE: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    [
        r"(?P<y>(?:19|20|21)\d{2})\s*-\s*(?P<m>\d{1,2})\s*-\s*(?P<d>\d{1,2})",
        r"(?P<y>(?:19|20|21)\d{2})\.\s*(?P<m>\d{1,2})\.\s*(?P<d>\d{1,2})\.?",
        r"(?P<y>(?:19|20|21)\d{2})년\s*(?P<m>\d{1,2})월\s*(?P<d>\d{1,2})일",
        r"(?P<mon>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:tember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?\s+(?P<d>\d{1,2}),\s*(?P<y>(?:19|20|21)\d{2})",
    ]
    .iter()
    .filter_map(|p| Regex::new(p).ok())
    .collect()
});

static NUMBER: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    [
        r"Vol\.\s*\d+\s*,?\s*No\.\s*\d+",
        r"(?:통권\s*)?제\s*\d+\s*호",
        r"No\.\s*[0-9][0-9A-Za-z-]*",
        r"\b[A-Z]{1,4}\s?\d{2}-\d{1,3}\b",
        r"\b(?:19|20)\d{2}-\d{1,3}호",
        r"\b(?:19|20)\d{2}-\d{1,3}\b",
    ]
    .iter()
    .filter_map(|p| Regex::new(p).ok())
    .collect()
});

static EMAIL: LazyLock<Option<Regex>> =
    LazyLock::new(|| Regex::new(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}").ok());

/// Words that mark an affiliation rather than a name.
const AFFILIATION_WORDS: &[&str] = &[
    "연구원",
    "연구소",
    "대학교",
    "대학",
    "교수",
    "연구위원",
    "위원",
    "센터",
    "실장",
    "팀장",
    "박사",
    "연구실",
    "재단",
    "Institute",
    "University",
    "Fellow",
    "Center",
    "Centre",
    "Professor",
    "Director",
    "Research",
    "Foundation",
    "School",
];

/// `2025-03-24`, `2025. 4. 18.`, `2025년 8월 1일`, `May 14, 2025` found in `s`,
/// as an ISO date, with the byte range it took.
pub fn find_date(s: &str) -> Option<(String, std::ops::Range<usize>)> {
    for re in DATE.iter() {
        for c in re.captures_iter(s) {
            let Some(all) = c.get(0) else { continue };
            let y: u32 = c.name("y").and_then(|m| m.as_str().parse().ok())?;
            let d: u32 = c.name("d").and_then(|m| m.as_str().parse().ok())?;
            let m: u32 = match c.name("mon") {
                Some(mon) => month(mon.as_str())?,
                None => c.name("m").and_then(|m| m.as_str().parse().ok())?,
            };
            if (1..=12).contains(&m) && (1..=31).contains(&d) {
                return Some((format!("{y:04}-{m:02}-{d:02}"), all.range()));
            }
        }
    }
    None
}

fn month(name: &str) -> Option<u32> {
    const NAMES: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    NAMES
        .iter()
        .position(|n| name.starts_with(n))
        .and_then(|i| u32::try_from(i + 1).ok())
}

fn find_number(s: &str) -> Option<(String, std::ops::Range<usize>)> {
    NUMBER.iter().find_map(|re| {
        re.find(s)
            .map(|m| (m.as_str().trim().to_string(), m.range()))
    })
}

/// A header line with its fields taken out.
#[derive(Debug, Default)]
struct Fields {
    date: Option<String>,
    number: Option<String>,
    emails: Vec<String>,
    /// What is left once fields and separators are taken out.
    rest: String,
}

fn fields(line: &str) -> Fields {
    let mut f = Fields::default();
    let mut s = line.to_string();
    if let Some(re) = EMAIL.as_ref() {
        f.emails = re.find_iter(&s).map(|m| m.as_str().to_string()).collect();
        s = re.replace_all(&s, "").into_owned();
    }
    if let Some((date, r)) = find_date(&s) {
        f.date = Some(date);
        s.replace_range(r, " ");
    }
    if let Some((number, r)) = find_number(&s) {
        // `Issue Brief No. 2025-09`: the series keeps its own words.
        f.number = Some(number);
        s.replace_range(r, " ");
    }
    let cleaned: String = s
        .replace("()", " ")
        .replace(" · ", " ")
        .trim_matches(|c: char| c == '·' || c.is_whitespace())
        .to_string()
        .chars()
        .map(|c| {
            if matches!(c, '|' | '[' | ']' | '│') {
                ' '
            } else {
                c
            }
        })
        .collect();
    f.rest = cleaned.split_whitespace().collect::<Vec<_>>().join(" ");
    f
}

/// Whether a line opens the body rather than continuing the header.
fn opens_body(t: &str) -> bool {
    super::classify::heading_of(t).is_some()
        || super::classify::box_title(t).is_some()
        || super::notes::is_notes_heading(t)
}

/// A header line: its row, its group (lines between blank lines), its fields.
struct HeaderLine {
    row: usize,
    group: usize,
    fields: Fields,
}

/// Parse the header from the first rows of a brief.
pub fn parse(rows: &[Row]) -> Header {
    let (lines, hard_stop) = header_lines(rows);
    let mut meta = Meta::default();
    for l in &lines {
        meta.emails.extend(l.fields.emails.iter().cloned());
        if let Some(d) = &l.fields.date {
            meta.date.get_or_insert_default_with(d.clone());
        }
    }
    let number_at = lines.iter().position(|l| l.fields.number.is_some());
    if let Some(n) = number_at {
        meta.number = lines[n].fields.number.clone().unwrap_or_default();
        meta.series = without_institute(&lines[n].fields.rest);
        let mut before: Vec<&str> = lines[..n]
            .iter()
            .map(|l| l.fields.rest.as_str())
            .filter(|r| !r.is_empty())
            .collect();
        if meta.series.is_empty() {
            meta.series = before.pop().map(without_institute).unwrap_or_default();
        }
        meta.institute = before.join(" ");
    }
    // Text lines after the number (or from the top), fields taken out.
    let text: Vec<&HeaderLine> = lines
        .iter()
        .skip(number_at.map_or(0, |n| n + 1))
        .filter(|l| !l.fields.rest.is_empty())
        .collect();
    let title_group = text.first().map(|l| l.group);
    for l in text.iter().take_while(|l| Some(l.group) == title_group) {
        let line = l.fields.rest.as_str();
        // `Struc-` | `tures`: a word hyphenated at the line's end.
        let split = meta.title.ends_with('-')
            && meta
                .title
                .chars()
                .rev()
                .nth(1)
                .is_some_and(char::is_lowercase)
            && line.starts_with(char::is_lowercase);
        if split {
            meta.title.pop();
        } else if !meta.title.is_empty() {
            meta.title.push(' ');
        }
        meta.title.push_str(line);
    }
    let people: Vec<&HeaderLine> = text
        .iter()
        .skip_while(|l| Some(l.group) == title_group)
        .copied()
        .collect();
    let date_row = lines
        .iter()
        .find(|l| l.fields.date.is_some())
        .map(|l| l.row);
    let body_starts = people_from(&mut meta, &people, date_row).unwrap_or(hard_stop);
    meta.author = meta.authors.join(" · ");
    meta.affiliation = meta.affiliations.join(" · ");
    let mut missing = Vec::new();
    for (absent, what) in [
        (meta.number.is_empty(), "number"),
        (meta.date.is_empty(), "date"),
        (meta.title.is_empty(), "title"),
        (meta.authors.is_empty(), "author"),
    ] {
        if absent {
            missing.push(what);
        }
    }
    Header {
        meta,
        body_starts,
        missing,
    }
}

/// The lines the header can hold, and the row where it must end at the latest.
fn header_lines(rows: &[Row]) -> (Vec<HeaderLine>, usize) {
    let mut lines = Vec::new();
    let mut group = 0;
    let mut gap = true;
    for (i, row) in rows.iter().enumerate() {
        let Row::Text(l) = row else {
            gap = true;
            continue;
        };
        let t = l.trimmed();
        let long = t.chars().count() > 90 && find_date(t).is_none();
        if opens_body(t) || lines.len() >= MAX_LINES || long {
            return (lines, i);
        }
        if gap {
            group += 1;
            gap = false;
        }
        let fields = fields(t);
        // A field line stands apart from the title and names around it.
        if fields.date.is_some() || fields.number.is_some() {
            gap = true;
            group += 1;
        }
        lines.push(HeaderLine {
            row: i,
            group,
            fields,
        });
    }
    (lines, rows.len())
}

trait InsertDefault {
    fn get_or_insert_default_with(&mut self, value: String);
}

impl InsertDefault for String {
    fn get_or_insert_default_with(&mut self, value: String) {
        if self.is_empty() {
            *self = value;
        }
    }
}

/// `통일정책연구원 온라인시리즈` → `온라인시리즈`: an institute's name in front of a series.
fn without_institute(s: &str) -> String {
    let words: Vec<&str> = s.split_whitespace().collect();
    match words.split_first() {
        Some((first, rest))
            if !rest.is_empty()
                && (first.ends_with("연구원")
                    || first.ends_with("연구소")
                    || first.ends_with("재단")) =>
        {
            rest.join(" ")
        }
        _ => s.to_string(),
    }
}

fn is_affiliation(s: &str) -> bool {
    AFFILIATION_WORDS.iter().any(|w| s.contains(w))
}

/// A Korean name (2-4 syllables, letter-spaced or not) or an English one.
fn as_name(s: &str) -> Option<String> {
    let words: Vec<&str> = s.split_whitespace().collect();
    let syllables = |w: &str| w.chars().all(crate::text::is_syllable);
    if words.len() >= 2
        && words.len() <= 4
        && words.iter().all(|w| w.chars().count() == 1 && syllables(w))
    {
        return Some(words.concat());
    }
    if words.len() == 1 && (2..=4).contains(&words[0].chars().count()) && syllables(words[0]) {
        return Some(words[0].to_string());
    }
    let english = (2..=4).contains(&words.len())
        && words.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars()
                    .all(|c| c.is_alphabetic() || matches!(c, '.' | '-' | '\''))
        });
    (english && !is_affiliation(s)).then(|| s.to_string())
}

/// Authors and affiliations from the lines after the title; the row where
/// the body starts when a line is neither (an unnumbered first heading).
fn people_from(meta: &mut Meta, lines: &[&HeaderLine], date_row: Option<usize>) -> Option<usize> {
    let mut group = None;
    let first_row = lines.first().map_or(0, |l| l.row);
    for l in lines {
        let line = l.fields.rest.trim();
        let complete = !meta.authors.is_empty() && meta.affiliations.len() >= meta.authors.len();
        // Names, affiliations, then the date: what follows the date is body.
        if complete && date_row.is_some_and(|d| d > first_row && l.row > d) {
            return Some(l.row);
        }
        let new_group = group != Some(l.group);
        group = Some(l.group);
        if let Some((name, aff)) = split_person(line) {
            meta.authors.push(name);
            meta.affiliations.push(aff);
            continue;
        }
        if let Some(name) = as_name(line) {
            meta.authors.push(name);
            continue;
        }
        if complete && new_group && !is_affiliation(line) {
            return Some(l.row);
        }
        // An affiliation belongs to the last author without one.
        if meta.affiliations.len() < meta.authors.len() {
            meta.affiliations.push(line.to_string());
        } else if let Some(last) = meta.affiliations.last_mut() {
            last.push(' ');
            last.push_str(line);
        } else {
            meta.affiliations.push(line.to_string());
        }
    }
    None
}

/// `이름 (소속)`, `이름 / 소속`, `이름 | 소속`, `이름 소속…` on one line.
fn split_person(line: &str) -> Option<(String, String)> {
    let clean = |s: &str| {
        s.trim()
            .trim_matches(|c| matches!(c, '(' | ')' | '/' | '|'))
            .trim()
            .to_string()
    };
    if let Some((name, rest)) = line.split_once('(') {
        let rest = rest.trim_end_matches(')');
        if let Some(n) = as_name(name.trim()) {
            return Some((n, clean(rest)));
        }
    }
    for sep in ['/', '|'] {
        if let Some((name, rest)) = line.split_once(sep)
            && let Some(n) = as_name(name.trim())
        {
            return Some((n, clean(rest)));
        }
    }
    let (first, rest) = line.split_once(' ')?;
    let korean_name =
        (2..=4).contains(&first.chars().count()) && first.chars().all(crate::text::is_syllable);
    (korean_name && is_affiliation(rest)).then(|| (first.to_string(), clean(rest)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::brief::import::furniture::strip;
    use crate::brief::import::source::text_lines;

    fn header(text: &str) -> Header {
        let (rows, _) = strip(&text_lines(text));
        parse(&rows)
    }

    #[test]
    fn header_of_the_family() {
        let h = header(
            "이슈브리프\n\nNo. 2025-09\n\n제목\n\n이상준\n\n국민대학교 교수\n\n2025-03-24\n\n1. 본문\n",
        );
        assert_eq!(h.meta.series, "이슈브리프");
        assert_eq!(h.meta.number, "No. 2025-09");
        assert_eq!(h.meta.title, "제목");
        assert_eq!(h.meta.author, "이상준");
        assert_eq!(h.meta.affiliation, "국민대학교 교수");
        assert_eq!(h.meta.date, "2025-03-24");
        assert!(h.missing.is_empty());
    }

    #[test]
    fn two_authors_with_affiliations_in_parentheses() {
        let h = header(
            "이슈브리프 통권 제673호\n2025. 6. 12.\n\n북한 해군 현대화의 실태와\n동해 해상 안보\n\n윤태호 (한반도안보전략연구원 책임연구위원)\n서민지 (한반도안보전략연구원 연구위원)\n\nⅠ. 문제 제기\n",
        );
        assert_eq!(h.meta.number, "통권 제673호");
        assert_eq!(h.meta.series, "이슈브리프");
        assert_eq!(h.meta.title, "북한 해군 현대화의 실태와 동해 해상 안보");
        assert_eq!(h.meta.authors, vec!["윤태호", "서민지"]);
        assert_eq!(h.meta.affiliations.len(), 2);
        assert_eq!(h.meta.date, "2025-06-12");
    }

    #[test]
    fn letter_spaced_name_and_number_on_the_date_line() {
        let h = header(
            "통일정책연구원 온라인시리즈\n2025.07.18. | CO 25-31\n\n제목 줄\n\n한 지 수\n통일정책연구원 부연구위원\n\n요 약\n□ 요점\n",
        );
        assert_eq!(h.meta.number, "CO 25-31");
        assert_eq!(h.meta.series, "온라인시리즈");
        assert_eq!(h.meta.authors, vec!["한지수"]);
        assert_eq!(h.meta.date, "2025-07-18");
    }

    #[test]
    fn english_header() {
        let h = header(
            "Pacific Korea Institute\nIssue Brief No. 2025-09\nJune 3, 2025\n\nSteel in the Shallows\n\nHannah Cho\nSenior Fellow, Pacific Korea Institute\n\nMarcus Lindqvist\nAdjunct Fellow, Center\n\nIntroduction\n\nIn February 2025, a Korean research vessel sailed toward a Chinese steel platform in the middle of the Yellow Sea to take a closer look at it.\n",
        );
        assert_eq!(h.meta.number, "No. 2025-09");
        assert_eq!(h.meta.series, "Issue Brief");
        assert_eq!(h.meta.date, "2025-06-03");
        assert_eq!(h.meta.authors, vec!["Hannah Cho", "Marcus Lindqvist"]);
        assert_eq!(h.meta.affiliations[1], "Adjunct Fellow, Center");
    }

    /// `2025-03-24` (and the other forms) when that is all `s` holds.
    fn iso_date(s: &str) -> Option<String> {
        let (date, range) = find_date(s.trim())?;
        (range.len() + 1 >= s.trim().trim_end_matches('.').len()).then_some(date)
    }

    #[test]
    fn dates() {
        assert_eq!(iso_date("2024. 11. 1."), Some("2024-11-01".into()));
        assert_eq!(iso_date("2025.02.10"), Some("2025-02-10".into()));
        assert_eq!(iso_date("2025년 8월 1일"), Some("2025-08-01".into()));
        assert_eq!(iso_date("May 14, 2025"), Some("2025-05-14".into()));
        assert_eq!(iso_date("hello"), None);
    }
}
