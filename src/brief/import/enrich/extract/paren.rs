//! `톤넬유즈스트로이 (TonnelYuzhStroy LLC)`, `최현호(Choe Hyon)`,
//! `P-8A(포세이돈)`: a name with its alias in another script.

use std::sync::LazyLock;

use regex::Regex;

use super::{Candidate, Rule, kind_of};
use crate::brief::import::enrich::words::{
    has_particle, is_cyrillic, is_hangul, trim_marks, without_particle,
};
use crate::brief::model::Confidence;

static PAREN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:(\S+)\s)?(\S+?)\s?\(([^()]+)\)(\s\S+)?").expect("the bracket pattern is valid")
});

/// States whose name may open an organisation's name (`러시아 태평양함대`).
pub(super) const STATE_PREFIXES: &[&str] = &[
    "러시아",
    "중국",
    "미국",
    "일본",
    "북한",
    "한국",
    "우크라이나",
    "유엔",
    "국제",
    "유럽",
];

/// Words after the bracket that finish a name (`후이원(Huione) 그룹`).
const HEADS: &[&str] = &[
    "그룹",
    "재단",
    "거래소",
    "은행",
    "조선소",
    "회사",
    "연구소",
    "센터",
];

/// Candidates from every `name(alias)` in `text`.
pub fn aliases(text: &str) -> Vec<Candidate> {
    PAREN
        .captures_iter(text)
        .filter_map(|c| {
            let prev = c.get(1).map(|m| m.as_str());
            let word = c.get(2)?.as_str();
            let inner = c.get(3)?.as_str();
            let after = c.get(4).map(|m| m.as_str().trim());
            candidate(prev, word, inner, after)
        })
        .collect()
}

fn candidate(
    prev: Option<&str>,
    word: &str,
    inner: &str,
    after: Option<&str>,
) -> Option<Candidate> {
    let name = quoted_part(word);
    if inner.chars().count() > 80 {
        return None;
    }
    let alias = inner.split([',', ';']).next()?.trim();
    let korean = name.chars().any(is_hangul);
    if korean && is_foreign_name(alias) {
        return Some(korean_named(prev, name, alias, after));
    }
    let latin = !korean
        && name
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphanumeric());
    if latin && alias.chars().all(|c| is_hangul(c) || c == ' ') && alias.chars().count() >= 2 {
        let kind = kind_of(name).unwrap_or("weapon");
        return Some(Candidate::new(name, kind, Confidence::Medium, Rule::ParenAlias).alias(alias));
    }
    None
}

fn korean_named(prev: Option<&str>, name: &str, alias: &str, after: Option<&str>) -> Candidate {
    let mut full = name.to_string();
    let syllables = name.chars().filter(|c| is_hangul(*c)).count();
    let alias_words = alias.split_whitespace().count();
    if let Some(p) = prev
        .map(trim_marks)
        .filter(|p| is_plain_hangul(p) && !has_particle(p))
    {
        let state_organ = STATE_PREFIXES.contains(&p) && kind_of(name) == Some("organisation");
        // A short last word with a long alias is a name's second word (프리덤 에지).
        if state_organ || (syllables <= 2 && alias_words >= 2) {
            full = format!("{p} {name}");
        }
    }
    if let Some(head) = after
        .map(|a| without_particle(trim_marks(a)))
        .filter(|h| HEADS.contains(h))
    {
        full = format!("{full} {head}");
    }
    let kind = kind_of(&full)
        .or_else(|| kind_of(alias))
        .unwrap_or("organisation");
    let acronym = alias.chars().all(|c| c.is_ascii_uppercase() || c == '-');
    let confidence = if syllables >= 2 && !(acronym && kind_of(&full).is_none()) {
        Confidence::Medium
    } else {
        Confidence::Low
    };
    let mut c = Candidate::new(&full, kind, confidence, Rule::ParenAlias).alias(alias);
    if full != name {
        c = c.alias(name);
    }
    c
}

/// The part of a word inside quotes (`‘불화살-3-31’형` -> `불화살-3-31`).
fn quoted_part(word: &str) -> &str {
    if let Some(open) = word.find(['‘', '“', '「', '『']) {
        let rest = &word[open..];
        let inner = rest.char_indices().nth(1).map_or("", |(i, _)| &rest[i..]);
        let close = inner.find(['’', '”', '」', '』']).unwrap_or(inner.len());
        return &inner[..close];
    }
    trim_marks(word)
}

fn is_plain_hangul(word: &str) -> bool {
    !word.is_empty() && word.chars().all(|c| is_hangul(c) || c == '·')
}

/// A Latin or Cyrillic proper name: starts with a capital, no year, not `이하 …`.
fn is_foreign_name(alias: &str) -> bool {
    let Some(first) = alias.chars().next() else {
        return false;
    };
    let capital = first.is_uppercase() && (first.is_ascii_alphabetic() || is_cyrillic(first));
    let year = alias
        .split(|c: char| !c.is_ascii_digit())
        .any(|d| d.len() == 4);
    capital && !year && !alias.chars().any(is_hangul) && alias.split_whitespace().count() <= 8
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<(String, Vec<String>, &'static str)> {
        aliases(text)
            .into_iter()
            .map(|c| (c.name, c.aliases, c.kind))
            .collect()
    }

    #[test]
    fn a_korean_name_with_a_latin_or_cyrillic_alias() {
        assert_eq!(
            found("구축함 최현호(Choe Hyon)를 진수하며"),
            vec![("최현호".into(), vec!["Choe Hyon".into()], "weapon")]
        );
        assert_eq!(
            found("업체 톤넬유즈스트로이 (TonnelYuzhStroy LLC)가"),
            vec![(
                "톤넬유즈스트로이".into(),
                vec!["TonnelYuzhStroy LLC".into()],
                "organisation"
            )]
        );
        assert_eq!(
            found("러시아 태평양함대(Тихоокеанский флот)는")[0].0,
            "러시아 태평양함대"
        );
    }

    #[test]
    fn two_words_a_head_and_quotes() {
        assert_eq!(
            found("훈련인 프리덤 에지(Freedom Edge)를")[0].0,
            "프리덤 에지"
        );
        assert_eq!(
            found("캄보디아의 후이원(Huione) 그룹은")[0].0,
            "후이원 그룹"
        );
        assert_eq!(
            found("‘불화살-3-31’형(Pulhwasal-3-31)의")[0].0,
            "불화살-3-31"
        );
    }

    #[test]
    fn a_latin_name_with_a_korean_alias() {
        assert_eq!(
            found("해상초계기 P-8A(포세이돈) 6대"),
            vec![("P-8A".into(), vec!["포세이돈".into()], "weapon")]
        );
    }

    #[test]
    fn glosses_years_and_lowercase_words_are_not_aliases() {
        assert!(found("무인기(드론)를 조약(이하 新조약) 보고서(2024) 장치(sensor)").is_empty());
    }
}
