//! Sentences of a paragraph, the claims that cite footnotes, the figures
//! stated without a source, and the quantities and dates in the text.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::brief::model::{Claim, Paragraph, Quantity};

/// Sentence ranges (char offsets) of a marker-free paragraph text.
///
/// A sentence ends at `.`, `?` or `!` (plus closing quotes) followed by
/// white space or the end; quoted speech does not end the sentence around it.
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut start = 0;
    let mut depth = 0i32;
    let mut i = 0;
    while i < chars.len() {
        match chars[i] {
            '“' => depth += 1,
            '”' => depth = (depth - 1).max(0),
            '.' | '?' | '!' if depth == 0 => {
                let mut end = i + 1;
                while end < chars.len() && matches!(chars[end], '”' | '’' | '"' | ')') {
                    end += 1;
                }
                if end == chars.len() || chars[end].is_whitespace() {
                    out.push(start..end);
                    start = end;
                    while start < chars.len() && chars[start].is_whitespace() {
                        start += 1;
                    }
                    i = start;
                    continue;
                }
            }
            _ => {}
        }
        i += 1;
    }
    if start < chars.len() {
        out.push(start..chars.len());
    }
    out
}

fn slice(chars: &[char], r: &Range<usize>) -> String {
    chars[r.clone()].iter().collect()
}

static QUANTITY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?P<date>[0-9]{4}년(?: ?[0-9]{1,2}월)?(?: ?[0-9]{1,2}(?:~[0-9]{1,2})?일)?|[0-9]{1,2}월 ?[0-9]{1,2}(?:~[0-9]{1,2})?일)",
        r"|(?P<count>[0-9][0-9,]*(?:\.[0-9]+)?(?: ?[만천억조])?(?: ?[0-9][0-9,]*)?(?:여)?(?: ?[만천억])?(?:여)? ?",
        r"(?:개국|개월|개|발|배럴|명|기|회|차례|배|척|톤|달러|원|주년|차선|㎥|m³|㎞|kWh|MWh|GWh|TWh|kW|MW|GW|mm|km|m|%|퍼센트))"
    ))
    .expect("the quantity pattern is a valid regex")
});

/// Quantities and dates in one paragraph, with their sentences.
pub fn quantities(p: &Paragraph, spans: &[Range<usize>]) -> Vec<Quantity> {
    let chars: Vec<char> = p.text.chars().collect();
    let mut out = Vec::new();
    // find_iter runs the fast engine; captures only on each match.
    for whole in QUANTITY.find_iter(&p.text) {
        let Some(m) = QUANTITY.captures(whole.as_str()) else {
            continue;
        };
        let start = p.text[..whole.start()].chars().count();
        let end = start + whole.as_str().chars().count();
        let kind = if m.name("date").is_some() {
            "date"
        } else {
            "count"
        };
        let sentence = spans
            .iter()
            .find(|s| s.start <= start && start < s.end)
            .map(|s| slice(&chars, s))
            .unwrap_or_default();
        let text = whole.as_str().trim_end().to_string();
        out.push(Quantity {
            paragraph: p.id.clone(),
            text,
            kind: kind.into(),
            start,
            end,
            sentence,
        });
    }
    out
}

/// Claims citing footnotes, and sentences stating figures without one.
pub fn claims(
    p: &Paragraph,
    spans: &[Range<usize>],
    figures: &[Quantity],
) -> (Vec<Claim>, Vec<Claim>) {
    let chars: Vec<char> = p.text.chars().collect();
    let mut sourced = Vec::new();
    let mut unsourced = Vec::new();
    for s in spans {
        let mut footnotes: Vec<u32> = p
            .markers
            .iter()
            .filter(|m| s.start < m.at && m.at <= s.end)
            .map(|m| m.footnote)
            .collect();
        footnotes.dedup();
        let claim = Claim {
            paragraph: p.id.clone(),
            text: slice(&chars, s),
            footnotes,
            start: s.start,
            end: s.end,
        };
        if !claim.footnotes.is_empty() {
            sourced.push(claim);
        } else if figures
            .iter()
            .any(|q| s.start <= q.start && q.start < s.end)
        {
            unsourced.push(claim);
        }
    }
    (sourced, unsourced)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::brief::model::Marker;

    fn para(text: &str, markers: Vec<Marker>) -> Paragraph {
        Paragraph {
            id: "p1".into(),
            text: text.into(),
            footnotes: vec![],
            markers,
            item: None,
            table: None,
            pages: None,
        }
    }

    #[test]
    fn sentences_respect_quotes() {
        let s = sentences("그는 “하나. 둘.”이라고 말했다. 다음 문장.");
        assert_eq!(s.len(), 2);
    }

    #[test]
    fn marker_after_period_cites_previous_sentence() {
        let p = para(
            "첫 문장이다. 둘째 문장.",
            vec![Marker { footnote: 3, at: 7 }],
        );
        let spans = sentences(&p.text);
        let (c, _) = claims(&p, &spans, &[]);
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].text, "첫 문장이다.");
    }

    #[test]
    fn quantities_found() {
        let p = para(
            "총 70여 차례에 걸쳐 1만 3,000여 개 이상, 800여만 발, 100만 배럴, 13,221명, 1만 1천 명. 2024년 6월 18~19일.",
            vec![],
        );
        let spans = sentences(&p.text);
        let q: Vec<String> = quantities(&p, &spans).into_iter().map(|q| q.text).collect();
        assert_eq!(
            q,
            [
                "70여 차례",
                "1만 3,000여 개",
                "800여만 발",
                "100만 배럴",
                "13,221명",
                "1만 1천 명",
                "2024년 6월 18~19일"
            ]
        );
    }

    #[test]
    fn volumes_and_country_counts() {
        let p = para("연간 550억㎥ 규모, 5개국, 6,500km, 2GW.", vec![]);
        let spans = sentences(&p.text);
        let q: Vec<String> = quantities(&p, &spans).into_iter().map(|q| q.text).collect();
        assert_eq!(q, ["550억㎥", "5개국", "6,500km", "2GW"]);
    }
}
