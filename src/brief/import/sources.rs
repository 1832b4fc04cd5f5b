//! Footnote text -> cited sources (title, outlet, date, URL, language).
//!
//! A citation ends at its publication date (`2024. 11. 1.`, `2025.02.10`,
//! `November 22, 2024`, `19 февраля 2025 года`), optionally followed by a URL
//! and an access note. Text before it, back to the previous citation or the
//! end of a Korean sentence, is `title, outlet`.

use std::sync::LazyLock;

use regex::Regex;

/// A source as parsed from one footnote, before de-duplication.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cited {
    pub title: String,
    pub outlet: String,
    pub date: Option<String>,
    pub url: Option<String>,
    pub lang: String,
}

const MONTHS_EN: &str =
    "January|February|March|April|May|June|July|August|September|October|November|December";
const MONTHS_RU: &str =
    "января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря";

static DATE: LazyLock<Regex> = LazyLock::new(|| {
    let pattern = format!(
        r"(?P<dot>(?P<y>[0-9]{{4}})\. ?(?P<m>[0-9]{{1,2}})\. ?(?P<d>[0-9]{{1,2}})\.?)|(?P<en>(?P<enm>{MONTHS_EN})(?: (?P<end>[0-9]{{1,2}}),)? (?P<eny>[0-9]{{4}}))|(?P<ru>(?P<rud>[0-9]{{1,2}}) (?P<rum>{MONTHS_RU}) (?P<ruy>[0-9]{{4}})(?: года)?)"
    );
    Regex::new(&pattern).expect("the date pattern is a valid regex")
});
static URL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"https?://[^ \t\n<>)]+").expect("the URL pattern is a valid regex")
});
static TRAILER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^[ ,.]*(?:<?https?://[^ \t\n<>]+>?)?[ ,.]*(?:\(검색일[^)]*\))?[ ,.]*(?:p\. ?[0-9]+\.?)?",
    )
    .expect("the trailer pattern is a valid regex")
});

fn month_number(name: &str, list: &str) -> usize {
    list.split('|').position(|m| m == name).map_or(0, |i| i + 1)
}

fn iso(caps: &regex::Captures) -> Option<String> {
    let num = |k: &str| caps.name(k).and_then(|m| m.as_str().parse::<usize>().ok());
    if caps.name("dot").is_some() {
        return Some(format!(
            "{:04}-{:02}-{:02}",
            num("y")?,
            num("m")?,
            num("d")?
        ));
    }
    if caps.name("en").is_some() {
        let m = month_number(caps.name("enm")?.as_str(), MONTHS_EN);
        return Some(match num("end") {
            Some(d) => format!("{:04}-{m:02}-{d:02}", num("eny")?),
            None => format!("{:04}-{m:02}", num("eny")?),
        });
    }
    let m = month_number(caps.name("rum")?.as_str(), MONTHS_RU);
    Some(format!("{:04}-{m:02}-{:02}", num("ruy")?, num("rud")?))
}

/// The language of a citation, from the script of its title.
pub fn language(text: &str) -> String {
    let count = |f: fn(&char) -> bool| text.chars().filter(f).count();
    let cyrillic = count(|c| ('\u{0400}'..='\u{04FF}').contains(c));
    let hangul = count(|c| ('\u{AC00}'..='\u{D7A3}').contains(c));
    let latin = count(char::is_ascii_alphabetic);
    let lang = if cyrillic >= hangul && cyrillic >= latin && cyrillic > 0 {
        "ru"
    } else if hangul >= latin && hangul > 0 {
        "ko"
    } else {
        "en"
    };
    lang.to_string()
}

/// Where the citation before `end` starts: after the last Korean sentence.
fn citation_start(text: &str, from: usize, end: usize) -> usize {
    let span = &text[from..end];
    let cut = ["다. ", "다”. ", "다.” "]
        .iter()
        .filter_map(|p| span.rfind(p).map(|i| i + p.len()))
        .max();
    from + cut.unwrap_or(0)
}

/// Marks that enclose a title: quotes for articles, 「」 and 『』 for Korean
/// reports and books.
const TITLE_MARKS: &[(char, char)] = &[('“', '”'), ('「', '」'), ('『', '』')];

/// The byte range of the title whose mark opens first, and where the text
/// after its closing mark starts.
fn quoted_title(body: &str) -> Option<(std::ops::Range<usize>, usize)> {
    TITLE_MARKS
        .iter()
        .filter_map(|&(o, c)| {
            let start = body.find(o)? + o.len_utf8();
            let close = body.rfind(c)?;
            (start <= close).then(|| (start..close, close + c.len_utf8()))
        })
        .min_by_key(|(title, _)| title.start)
}

/// Split a citation body into title and outlet.
fn title_outlet(body: &str) -> (String, String) {
    let body = body.trim().trim_end_matches([',', ' ']);
    if let Some((title, after)) = quoted_title(body) {
        let outlet = body[after..].trim_matches([',', ' ', '.']).to_string();
        return (body[title].trim().to_string(), outlet);
    }
    match body.rfind(", ") {
        Some(i) => (
            body[..i].trim().to_string(),
            body[i + 2..].trim().to_string(),
        ),
        None => match body.rfind(' ') {
            Some(i) if body[i + 1..].chars().count() <= 12 => {
                (body[..i].to_string(), body[i + 1..].to_string())
            }
            _ => (body.to_string(), String::new()),
        },
    }
}

/// Every citation in a footnote's text (none for pure commentary).
pub fn parse(text: &str) -> Vec<Cited> {
    let mut out = Vec::new();
    let mut from = 0;
    for caps in DATE.captures_iter(text) {
        let Some(whole) = caps.get(0) else { continue };
        if whole.start() < from {
            continue;
        }
        let start = citation_start(text, from, whole.start());
        let (title, outlet) = title_outlet(&text[start..whole.start()]);
        let trailer_len = TRAILER.find(&text[whole.end()..]).map_or(0, |m| m.end());
        let trailer = &text[whole.end()..whole.end() + trailer_len];
        let url = URL
            .find(trailer)
            .map(|m| m.as_str().trim_end_matches(['.', ',']).to_string());
        from = whole.end() + trailer_len;
        if title.is_empty() {
            continue;
        }
        let lang = language(&title);
        out.push(Cited {
            title,
            outlet,
            date: iso(&caps),
            url,
            lang,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn russian_outlet_without_comma() {
        let c = parse(
            "Лавров заявил о стабилизирующей роли договора России и КНДР в Евразии, РБК 2024. 11. 1.",
        );
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].outlet, "РБК");
        assert_eq!(c[0].date.as_deref(), Some("2024-11-01"));
        assert_eq!(c[0].lang, "ru");
    }

    #[test]
    fn quoted_korean_title() {
        let c = parse("“북러, 자폭드론·대형 무인기 공동 개발 생산 나설 듯”, RFA, 2025.02.10.");
        assert_eq!(
            c[0].title,
            "북러, 자폭드론·대형 무인기 공동 개발 생산 나설 듯"
        );
        assert_eq!(c[0].outlet, "RFA");
        assert_eq!(c[0].lang, "ko");
    }

    #[test]
    fn commentary_has_no_source() {
        assert!(
            parse("양국 간 군사적 물물교환 거래를 고려하면 그 가치는 수십억 달러에 달할 수 있다.")
                .is_empty()
        );
    }

    #[test]
    fn two_sources_after_commentary() {
        let text = "그는 말했다. Заголовок один, Российской газеты, 2024. 12. 1. 또한 언급하였다. Заголовок два, РИА Новости, 2024. 12. 23.";
        let c = parse(text);
        assert_eq!(c.len(), 2);
        assert_eq!(c[0].title, "Заголовок один");
        assert_eq!(c[1].outlet, "РИА Новости");
    }

    #[test]
    fn korean_report_title_in_brackets() {
        let c = parse("「중앙아시아 에너지 수급 동향」, 에너지경제연구원, 2024. 6. 28, p. 14.");
        assert_eq!(c[0].title, "중앙아시아 에너지 수급 동향");
        assert_eq!(c[0].outlet, "에너지경제연구원");
        assert_eq!(c[0].date.as_deref(), Some("2024-06-28"));
    }

    #[test]
    fn english_date_and_url() {
        let c = parse(
            "A, “Refined Tastes”, Open Source Centre, November 22, 2024. <https://example.org/x/> (검색일 2025년 2월 25일)",
        );
        assert_eq!(c[0].date.as_deref(), Some("2024-11-22"));
        assert_eq!(c[0].url.as_deref(), Some("https://example.org/x/"));
    }
}
