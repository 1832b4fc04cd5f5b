//! Organisations named by their suffix: 기구, 연합, 위원회, 은행, 통신,
//! 연구원, 공사 … (`금융정보분석원` is left to the gazetteer: `원` alone is
//! too common an ending to trust).

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;

use super::paren::STATE_PREFIXES;
use super::{Candidate, Rule};
use crate::brief::import::enrich::words::{
    Word, finder, holding, is_hangul, trim_marks, without_particle,
};
use crate::brief::model::Confidence;

/// A suffix, how sure a name ending in it is, and the generic words that
/// end in it without naming anything (`국제기구`, `선임연구원`).
const SUFFIXES: &[(&str, Confidence, &[&str])] = &[
    (
        "기구",
        Confidence::Medium,
        &[
            "국제", "지역", "다자", "협의", "행정", "전담", "상설", "정부", "민간",
        ],
    ),
    (
        "연합",
        Confidence::Low,
        &["한미", "한미일", "북러", "중러", "한일", "양국", "다국적"],
    ),
    (
        "위원회",
        Confidence::Medium,
        &["대책", "특별", "공동", "상임", "소", "운영", "자문", "조정"],
    ),
    (
        "은행",
        Confidence::Medium,
        &[
            "중앙", "시중", "상업", "투자", "지방", "국책", "민간", "외국", "해외",
        ],
    ),
    (
        "통신",
        Confidence::Medium,
        &[
            "위성",
            "이동",
            "무선",
            "유선",
            "정보",
            "전기",
            "데이터",
            "양자",
            "군",
            "보안",
        ],
    ),
    (
        "연구원",
        Confidence::Medium,
        &[
            "선임", "책임", "수석", "객원", "초빙", "부", "전임", "연구", "박사",
        ],
    ),
    (
        "연구소",
        Confidence::Medium,
        &["민간", "국책", "정부", "부설", "기업", "부속"],
    ),
    (
        "공사",
        Confidence::Low,
        &[
            "건설", "토목", "도로", "철도", "보수", "확장", "정비", "기초", "착공",
        ],
    ),
    (
        "공단",
        Confidence::Medium,
        &["산업", "국가", "지방", "공업"],
    ),
    ("총국", Confidence::Medium, &[]),
    ("협회", Confidence::Medium, &["업계", "관련"]),
    ("재단", Confidence::Medium, &["민간", "공익"]),
    ("함대", Confidence::Medium, &["주력", "해군"]),
    (
        "조선소",
        Confidence::Medium,
        &["민간", "국영", "대형", "중소", "북한", "해외"],
    ),
    (
        "발사장",
        Confidence::Medium,
        &["위성", "미사일", "주요", "북한"],
    ),
    ("우주기지", Confidence::Medium, &[]),
];

/// Organisations (and shipyards, launch sites) named by their ending.
pub fn organisations(text: &str, ws: &[Word<'_>]) -> Vec<Candidate> {
    static ANY_SUFFIX: LazyLock<Option<AhoCorasick>> = LazyLock::new(|| {
        let suffixes: Vec<&str> = SUFFIXES.iter().map(|(s, ..)| *s).collect();
        finder(&suffixes)
    });
    let candidates = holding(text, ws, ANY_SUFFIX.as_ref());
    let mut out = Vec::new();
    for (i, w) in ws.iter().enumerate().filter(|(i, _)| candidates[*i]) {
        let core = without_particle(trim_marks(w.text));
        if !core.chars().all(|c| is_hangul(c) || c == '·') {
            continue;
        }
        let Some((suffix, confidence, generic)) = SUFFIXES.iter().find(|(s, ..)| core.ends_with(s))
        else {
            continue;
        };
        let stem = &core[..core.len() - suffix.len()];
        let stem_len = stem.chars().filter(|c| is_hangul(*c)).count();
        if stem_len < 2 || generic.iter().any(|g| stem == *g || stem.ends_with(g)) {
            continue;
        }
        let prev = i
            .checked_sub(1)
            .and_then(|p| ws.get(p))
            .map(|p| trim_marks(p.text));
        let name = match prev.filter(|p| STATE_PREFIXES.contains(p)) {
            Some(state) => format!("{state} {core}"),
            None => core.to_string(),
        };
        let confidence = if stem_len >= 3 {
            *confidence
        } else {
            Confidence::Low
        };
        let kind = super::kind_of(core).unwrap_or("organisation");
        out.push(Candidate::new(&name, kind, confidence, Rule::OrgSuffix).alias(core));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::brief::import::enrich::words::words;

    fn names(text: &str) -> Vec<(String, Confidence)> {
        organisations(text, &words(text))
            .into_iter()
            .map(|c| (c.name, c.confidence))
            .collect()
    }

    #[test]
    fn names_ending_in_an_organisation_suffix() {
        assert_eq!(
            names("통일정책연구원의 입장과 금융위원회와 러시아 태평양함대는"),
            vec![
                ("통일정책연구원".to_string(), Confidence::Medium),
                ("금융위원회".to_string(), Confidence::Low),
                ("러시아 태평양함대".to_string(), Confidence::Medium),
            ]
        );
        assert_eq!(
            names("한반도안보전략연구원 군사안보연구실")[0].0,
            "한반도안보전략연구원"
        );
    }

    #[test]
    fn generic_words_with_those_endings_are_not_names() {
        assert!(names("선임연구원 국제기구 건설공사 중앙은행 위성통신 위원회 한미연합").is_empty());
    }
}
