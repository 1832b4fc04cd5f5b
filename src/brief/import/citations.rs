//! Citations in parentheses in the body (`(연합뉴스, 2025.3.2)`,
//! `(Reuters, March 3, 2025)`, `(RIA Novosti 2024.12.23)`): kept as sources
//! where the whole parenthesis is an outlet and a date, nothing else.

use std::sync::LazyLock;

use regex::Regex;

use super::sources::{Cited, language};

const MONTHS_EN: &str =
    "January|February|March|April|May|June|July|August|September|October|November|December";

/// A parenthesis that is an outlet, then a date (`2025.3.2`, `2025. 3. 2.`,
/// `2025.1.`, `March 3, 2025`, `March 2025`) and nothing more.
static CITATION: LazyLock<Regex> = LazyLock::new(|| {
    let pattern = format!(
        r"\((?P<outlet>[^(),0-9]{{2,40}}?),?\s+(?:(?P<y>(?:19|20)[0-9]{{2}})\. ?(?P<m>[0-9]{{1,2}})(?:\. ?(?P<d>[0-9]{{1,2}}))?\.?|(?P<enm>{MONTHS_EN})(?: (?P<end>[0-9]{{1,2}}))?,? (?P<eny>(?:19|20)[0-9]{{2}}))\)"
    );
    Regex::new(&pattern).expect("the citation pattern is a valid regex")
});

/// Words that make a parenthesis a note about the text, not a source.
const NOT_OUTLETS: &[&str] = &[
    "검색일",
    "접속일",
    "기준",
    "이하",
    "시행",
    "전년",
    "대비",
    "accessed",
    "as of",
];

/// One citation in parentheses: what it cites and where it stands (bytes).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InParentheses {
    pub cited: Cited,
    pub range: std::ops::Range<usize>,
}

/// Every parenthesis of `text` that reads as a citation.
pub fn in_parentheses(text: &str) -> Vec<InParentheses> {
    CITATION
        .captures_iter(text)
        .filter_map(|caps| {
            let whole = caps.get(0)?;
            let outlet = caps.name("outlet")?.as_str().trim();
            if !is_outlet(outlet) {
                return None;
            }
            Some(InParentheses {
                cited: Cited {
                    title: String::new(),
                    outlet: outlet.to_string(),
                    date: date(&caps),
                    url: None,
                    lang: language(outlet),
                },
                range: whole.range(),
            })
        })
        .collect()
}

/// A name: starts with a letter, a few words, no note-like word.
fn is_outlet(outlet: &str) -> bool {
    let starts_with_letter = outlet.chars().next().is_some_and(char::is_alphabetic);
    let words = outlet.split_whitespace().count();
    let lower = outlet.to_lowercase();
    starts_with_letter
        && (1..=6).contains(&words)
        && !outlet.ends_with(['다', '음', '함', '.'])
        && !NOT_OUTLETS.iter().any(|w| lower.contains(w))
}

/// The date as ISO: a day where printed, else year and month.
fn date(caps: &regex::Captures) -> Option<String> {
    let num = |k: &str| caps.name(k).and_then(|m| m.as_str().parse::<u32>().ok());
    let (year, month) = match caps.name("enm") {
        Some(name) => {
            let m = MONTHS_EN.split('|').position(|n| n == name.as_str())? + 1;
            (num("eny")?, u32::try_from(m).ok()?)
        }
        None => (num("y")?, num("m")?),
    };
    if !(1..=12).contains(&month) {
        return None;
    }
    Some(match num("d").or_else(|| num("end")) {
        Some(day) if (1..=31).contains(&day) => format!("{year:04}-{month:02}-{day:02}"),
        _ => format!("{year:04}-{month:02}"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cited(text: &str) -> Vec<(String, Option<String>)> {
        in_parentheses(text)
            .into_iter()
            .map(|c| (c.cited.outlet, c.cited.date))
            .collect()
    }

    fn one(outlet: &str, date: &str) -> Vec<(String, Option<String>)> {
        vec![(outlet.to_string(), Some(date.to_string()))]
    }

    #[test]
    fn outlet_and_date_in_the_forms_briefs_use() {
        assert_eq!(
            cited("발표했다(연합뉴스, 2025.3.2)."),
            one("연합뉴스", "2025-03-02")
        );
        assert_eq!(
            cited("said so (Reuters, March 3, 2025)."),
            one("Reuters", "2025-03-03")
        );
        assert_eq!(
            cited("заявил (RIA Novosti 2024.12.23)"),
            one("RIA Novosti", "2024-12-23")
        );
        assert_eq!(
            cited("열림(조선중앙통신, 2024.12.27.)"),
            one("조선중앙통신", "2024-12-27")
        );
        assert_eq!(
            cited("공개하지 않음(재정성 예산 집행 보고, 2025.1.)"),
            one("재정성 예산 집행 보고", "2025-01")
        );
        assert_eq!(
            cited("(노동신문, 2025. 3. 5.)"),
            one("노동신문", "2025-03-05")
        );
    }

    #[test]
    fn ordinary_parentheses_are_not_sources() {
        for text in [
            "북러 조약(2024)",
            "(이하 북러 新조약)",
            "(검색일 2025년 2월 23일)",
            "(2024년 12월 시행)",
            "(KADIZ)",
            "(전년 대비 12%, 2025.3.)",
            "(2025.3.2)",
            "(Planet Labs, January–April 2025)",
            "(1년차 성과)",
            "(기준, 2025.1.)",
            "(이 가운데 세 차례는 KADIZ를 거쳐 갔다. 2024.3.)",
        ] {
            assert!(cited(text).is_empty(), "{text}: {:?}", cited(text));
        }
    }

    #[test]
    fn the_range_is_the_parenthesis() {
        let text = "열림(노동신문, 2025.3.5.) 이후";
        let found = in_parentheses(text);
        assert_eq!(&text[found[0].range.clone()], "(노동신문, 2025.3.5.)");
        assert_eq!(found[0].cited.lang, "ko");
    }
}
