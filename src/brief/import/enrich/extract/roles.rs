//! People named next to their title or role: `러시아 외무장관 세르게이
//! 라브로프`, `최선희 북한 외무상`, `주북 러시아 대사 마체고라`.

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;

use super::paren::STATE_PREFIXES;
use super::{Candidate, Rule};
use crate::brief::import::enrich::words::{
    Word, finder, has_particle, holding, is_hangul, trim_marks, without_particle,
};
use crate::brief::model::Confidence;

/// Titles and roles, longest first where one ends another.
const ROLES: &[&str] = &[
    "국무위원장",
    "외무장관",
    "국방장관",
    "외교장관",
    "통일장관",
    "국무장관",
    "재무장관",
    "상무장관",
    "외무상",
    "국방상",
    "부부장",
    "대통령",
    "부총리",
    "총리",
    "장관",
    "차관",
    "위원장",
    "대변인",
    "대사",
    "사령관",
    "사무총장",
    "총장",
    "의장",
    "보좌관",
    "주석",
    "총비서",
    "특사",
    "총재",
    "국장",
    "실장",
    "정치국원",
    "대표",
    "서기",
    "비서실장",
    "안보실장",
];

/// Words that sit where a name could but are not names.
const NOT_NAMES: &[&str] = &[
    "이후",
    "당시",
    "현",
    "전",
    "신임",
    "그리고",
    "또한",
    "한편",
    "특히",
    "이에",
    "이어",
    "이번",
    "지난",
    "올해",
    "최근",
    "당",
    "및",
    "등",
    "모든",
    "회담",
    "회의",
    "대표단",
    "일행",
    "명의",
    "주재",
    "명령",
    "직속",
    "산하",
    "측",
    "겸",
    "출신",
    "방문",
    "발언",
    "성명",
    "담화",
    "연설",
    "주북",
    "주한",
    "주러",
    "주중",
    "주미",
    "주일",
    "간",
    "간의",
    "정부",
    "양국",
    "국가",
];

/// Endings of verbs and particles that a word before a role has when it
/// is no name (`임명된 장관`, `러시아의 대사`); `은` stays for 김정은.
const NOT_NAME_ENDINGS: &[char] = &[
    '한', '된', '던', '는', '을', '할', '될', '의', '에', '서', '로', '와', '과', '적', '인', '도',
    '를', '가',
];

fn role_of(core: &str) -> Option<&'static str> {
    ROLES.iter().copied().find(|r| core.ends_with(r))
}

fn name_word<'a>(w: &Word<'a>) -> Option<&'a str> {
    let core = without_particle(trim_marks(w.text));
    let syllables = core.chars().count();
    let plain = core.chars().all(is_hangul);
    let known =
        NOT_NAMES.contains(&core) || STATE_PREFIXES.contains(&core) || role_of(core).is_some();
    (plain && (2..=6).contains(&syllables) && !known).then_some(core)
}

/// A given name as written, particle-like endings kept (`세르게이`).
fn given_name<'a>(w: &Word<'a>) -> Option<&'a str> {
    let raw = trim_marks(w.text);
    let syllables = raw.chars().count();
    let plain = raw.chars().all(is_hangul);
    let known = NOT_NAMES.contains(&raw) || STATE_PREFIXES.contains(&raw) || role_of(raw).is_some();
    let ending = raw.ends_with(NOT_NAME_ENDINGS);
    (plain && (2..=5).contains(&syllables) && !known && !ending && !w.text.ends_with(','))
        .then_some(raw)
}

/// People found next to a role in `text`.
pub fn people(text: &str, ws: &[Word<'_>]) -> Vec<Candidate> {
    static ANY_ROLE: LazyLock<Option<AhoCorasick>> = LazyLock::new(|| finder(ROLES));
    let candidates = holding(text, ws, ANY_ROLE.as_ref());
    let mut out = Vec::new();
    for (i, w) in ws.iter().enumerate().filter(|(i, _)| candidates[*i]) {
        let core = without_particle(trim_marks(w.text));
        if role_of(core).is_none() {
            continue;
        }
        if !has_particle(w.text) && !w.text.ends_with(',') {
            out.extend(after_role(&ws[i + 1..]));
        }
        out.extend(before_role(&ws[..i]));
    }
    out
}

/// `외무장관 세르게이 라브로프는`: one or two name words after the role.
fn after_role(rest: &[Word<'_>]) -> Option<Candidate> {
    let first = rest.first()?;
    if let Some(given) = given_name(first)
        && let Some(two) = rest.get(1).and_then(name_word)
        && two.chars().count() >= 3
    {
        return Some(person(&format!("{given} {two}"), two, Confidence::Medium));
    }
    let one = name_word(first).filter(|n| n.chars().count() >= 3)?;
    let sure = one.chars().count() == 3;
    Some(person(
        one,
        one,
        if sure {
            Confidence::Medium
        } else {
            Confidence::Low
        },
    ))
}

/// `세르게이 라브로프 러시아 외무장관`, `최선희 북한 외무상`.
fn before_role(before: &[Word<'_>]) -> Option<Candidate> {
    let mut end = before.len();
    let last = before.get(end.checked_sub(1)?)?;
    if STATE_PREFIXES.contains(&trim_marks(last.text)) {
        end -= 1;
    }
    let family = before.get(end.checked_sub(1)?)?;
    let two = given_name(family)?;
    if two.ends_with(NOT_NAME_ENDINGS) {
        return None;
    }
    if let Some(one) = end
        .checked_sub(2)
        .and_then(|i| before.get(i))
        .and_then(given_name)
        && two.chars().count() >= 3
        && one.chars().count() >= 3
    {
        return Some(person(&format!("{one} {two}"), two, Confidence::Medium));
    }
    let sure = two.chars().count() == 3;
    Some(person(
        two,
        two,
        if sure {
            Confidence::Medium
        } else {
            Confidence::Low
        },
    ))
}

fn person(name: &str, short: &str, confidence: Confidence) -> Candidate {
    Candidate::new(name, "person", confidence, Rule::Role).alias(short)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::brief::import::enrich::words::words;

    fn names(text: &str) -> Vec<String> {
        people(text, &words(text))
            .into_iter()
            .map(|c| c.name)
            .collect()
    }

    #[test]
    fn a_name_after_its_role() {
        assert_eq!(
            names("러시아 외무장관 세르게이 라브로프는"),
            vec!["세르게이 라브로프"]
        );
        assert_eq!(
            names("주북 러시아 대사 마체고라는 말했다"),
            vec!["마체고라"]
        );
    }

    #[test]
    fn a_name_before_its_role() {
        assert_eq!(
            names("세르게이 라브로프 러시아 외무장관과 최선희 북한 외무상 간"),
            vec!["세르게이 라브로프", "최선희"]
        );
        assert_eq!(names("이후 김정은 국무위원장이"), vec!["김정은"]);
    }

    #[test]
    fn common_words_next_to_a_role_are_not_names() {
        assert!(names("국방장관 회담에서 양국 대통령은").is_empty());
    }
}
