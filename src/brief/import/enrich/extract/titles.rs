//! Titles in 『』, 「」 and “”: treaties, laws, reports and outlets.
//! A quoted title that names a treaty is trusted; other 『』/「」 titles
//! (reports, articles) are kept as low-confidence media; “” quotes are
//! speech unless they name a treaty.

use std::sync::LazyLock;

use regex::Regex;

use super::{Candidate, Rule, kind_of};
use crate::brief::model::Confidence;

static TITLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"『([^』]+)』|「([^」]+)」|“([^”]+)”").expect("the title pattern is valid")
});

static SO_CALLED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\(이하\s*([^)]+)\)").expect("the `이하` pattern is valid"));

/// Titles found in `text`.
pub fn titles(text: &str) -> Vec<Candidate> {
    TITLE
        .captures_iter(text)
        .filter_map(|c| {
            let (inner, speech) = match (c.get(1).or(c.get(2)), c.get(3)) {
                (Some(m), _) => (m.as_str(), false),
                (None, Some(m)) => (m.as_str(), true),
                _ => return None,
            };
            title(inner, speech)
        })
        .collect()
}

fn title(inner: &str, speech: bool) -> Option<Candidate> {
    if !(2..=80).contains(&inner.chars().count()) {
        return None;
    }
    let short = SO_CALLED
        .captures(inner)
        .and_then(|c| c.get(1))
        .map(|m| m.as_str().trim());
    let name = SO_CALLED.replace(inner, "");
    let name = name.trim();
    let sentence = name.ends_with(['.', '!', '?', '다']) || name.split_whitespace().count() > 10;
    if sentence {
        return None;
    }
    let candidate = match kind_of(name) {
        Some("treaty") => Candidate::new(name, "treaty", Confidence::Medium, Rule::Title),
        _ if speech => return None,
        _ => Candidate::new(name, "media", Confidence::Low, Rule::Title),
    };
    Some(match short {
        Some(s) => candidate.alias(s),
        None => candidate,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_treaty_title_with_its_short_name() {
        let found = titles("『북러 포괄적 전략적 동반자 조약(이하 북러 新조약)』에 서명했다");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].name, "북러 포괄적 전략적 동반자 조약");
        assert_eq!(found[0].aliases, vec!["북러 新조약".to_string()]);
        assert_eq!(found[0].confidence, Confidence::Medium);
    }

    #[test]
    fn reports_are_low_and_speech_is_not_a_title() {
        let found = titles(
            "「최현호 진수식 진행」 보도와 “양국 조약의 틀 안에서 검토될 수 있다” 발언, “한러 협정”",
        );
        let names: Vec<(&str, &str, Confidence)> = found
            .iter()
            .map(|c| (c.name.as_str(), c.kind, c.confidence))
            .collect();
        assert_eq!(
            names,
            vec![
                ("최현호 진수식 진행", "media", Confidence::Low),
                ("한러 협정", "treaty", Confidence::Medium)
            ]
        );
    }
}
