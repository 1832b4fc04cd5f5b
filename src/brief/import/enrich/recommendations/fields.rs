//! What a recommending sentence says about itself: who is to act, when or
//! on what condition, in which policy area, and a short title.

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;
use regex::Regex;

use crate::brief::import::enrich::words::{is_hangul, without_particle};

static MARKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[①-⑳□○▶■◦•]\s*|(?:첫|둘|셋|넷|다섯|여섯)째,\s*|아울러\s+|또한\s+|특히\s+)+")
        .expect("the marker pattern is valid")
});

static CONDITION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?:[^\s,]+\s){0,4}[^\s,]+\s?(?:경우|시점|시기)(?:에|에는)?|(?:[^\s,]+\s){0,2}[^\s,]+에 대비(?:해|하여)|",
        r"[0-9]{4}년\s?(?:상반기|하반기|말|초|중)?\s?(?:까지|부터|중|내에?|이내)?|",
        r"연내(?:에)?|즉시|향후|당분간|상시|분기마다|매년|[0-9]+\s?(?:시간|일|개월|년)\s?(?:안에|이내|내)|",
        r"(?-u:\b)(?:by (?:the end of |mid-|early |late )?[0-9]{4}|within [0-9]+ (?:days|weeks|months|years)|",
        r"if [^,.]+|in (?:late |early |mid-)?[0-9]{4}|at the next [^,.]+)"
    ))
    .expect("the condition pattern is valid")
});

const ACTOR_WORDS: &[&str] = &[
    "정부",
    "국회",
    "우리나라",
    "한국",
    "기업",
    "군",
    "해군",
    "공군",
    "육군",
    "당국",
];
const ACTOR_ENDINGS: &[&str] = &[
    "부",
    "청",
    "처",
    "원",
    "실",
    "위원회",
    "공단",
    "공사",
    "은행",
    "정부",
    "기업",
    "당국",
    "군",
];

/// Item marker (①, □, 첫째,) at the start of a sentence, with what follows.
pub fn without_marker(sentence: &str) -> &str {
    MARKER
        .find(sentence)
        .map_or(sentence, |m| &sentence[m.end()..])
}

/// The subject that is to act (`금융위원회와 금융정보분석원은` ->
/// `금융위원회, 금융정보분석원`; `The Ministry ... should` -> `Ministry ...`).
pub fn actor(sentence: &str) -> Option<String> {
    let body = without_marker(sentence);
    if let Some(at) = find_modal(body) {
        let subject = body[..at].rsplit(", ").next().unwrap_or("").trim();
        let subject = subject
            .strip_prefix("the ")
            .or(subject.strip_prefix("The "))
            .unwrap_or(subject);
        return (!subject.is_empty() && subject.split_whitespace().count() <= 14)
            .then(|| subject.replace(" and the ", "; "));
    }
    let words: Vec<&str> = body.split_whitespace().take(5).collect();
    let end = words
        .iter()
        .position(|w| w.ends_with('은') || w.ends_with('는'))?;
    let phrase = words[..=end].join(" ");
    let phrase = phrase.trim_end_matches(['은', '는']);
    let parts: Vec<&str> = phrase
        .split(',')
        .flat_map(|p| p.split("와 ").flat_map(|q| q.split("과 ")))
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    let acting = parts.iter().all(|p| is_actor(p));
    (acting && !parts.is_empty()).then(|| parts.join(", "))
}

fn find_modal(text: &str) -> Option<usize> {
    [" should ", " must ", " needs to ", " need to "]
        .iter()
        .filter_map(|m| text.find(m))
        .min()
}

fn is_actor(part: &str) -> bool {
    let core = without_particle(part);
    let last = core.split_whitespace().next_back().unwrap_or(core);
    core.chars().any(is_hangul)
        && (ACTOR_WORDS.contains(&last)
            || ACTOR_ENDINGS
                .iter()
                .any(|e| last.ends_with(e) && last.chars().count() >= 2))
}

/// Conditions and timeframes, joined by `; `.
pub fn condition(sentence: &str) -> String {
    let body = without_marker(sentence);
    let mut found: Vec<&str> = Vec::new();
    for m in CONDITION.find_iter(body) {
        let piece = m.as_str().trim();
        if !piece.is_empty() && !found.iter().any(|f| f.contains(piece)) {
            found.push(piece);
        }
    }
    found.join("; ")
}

/// Policy areas and the words that call for them, in lower case.
const AREAS: &[(&str, &[&str])] = &[
    ("대북", &["대북", "남북", "통일", "북한 주민", "지방발전"]),
    (
        "금융",
        &[
            "금융",
            "가상자산",
            "자금",
            "지갑",
            "거래소",
            "정책금융",
            "financial",
            "sanction",
        ],
    ),
    (
        "산업",
        &[
            "산업",
            "공급망",
            "수출통제",
            "광물",
            "반도체",
            "정련",
            "비축",
            "기업",
            "supply chain",
        ],
    ),
    (
        "에너지",
        &["에너지", "원유", "가스", "전력", "원자로", "energy"],
    ),
    (
        "물류",
        &["물류", "항로", "해운", "운송", "철도", "상선", "shipping"],
    ),
    (
        "인도적 지원",
        &["인도적", "인권", "강제 동원", "humanitarian"],
    ),
    (
        "안보",
        &[
            "국방",
            "군사",
            "훈련",
            "감시",
            "정찰",
            "해군",
            "초계",
            "방어",
            "경보",
            "위성",
            "구축함",
            "kadiz",
            "survey",
            "surveillance",
            "coast guard",
            "buoy",
        ],
    ),
    (
        "외교",
        &[
            "외교",
            "협의",
            "의제",
            "대화",
            "정상",
            "안보리",
            "국제사회",
            "협상",
            "summit",
            "diplomatic",
            "talks",
            "legal",
            "agenda",
        ],
    ),
    (
        "경제",
        &["경제", "투자", "시장", "무역", "economic", "trade"],
    ),
];

/// Every area word in one automaton, each pattern owned by its area.
static AREA_WORDS: LazyLock<Option<(AhoCorasick, Vec<usize>)>> = LazyLock::new(|| {
    let (words, owners): (Vec<&str>, Vec<usize>) = AREAS
        .iter()
        .enumerate()
        .flat_map(|(i, (_, words))| words.iter().map(move |w| (*w, i)))
        .unzip();
    AhoCorasick::new(words).ok().map(|ac| (ac, owners))
});

/// The policy area the sentence's words point to most (the first listed
/// on a tie; 외교 when no word points anywhere).
pub fn area(sentence: &str) -> String {
    let mut scores = [0usize; AREAS.len()];
    if let Some((ac, owners)) = AREA_WORDS.as_ref() {
        for m in ac.find_overlapping_iter(&sentence.to_lowercase()) {
            scores[owners[m.pattern().as_usize()]] += 1;
        }
    }
    let best = (0..AREAS.len()).max_by_key(|i| (scores[*i], std::cmp::Reverse(*i)));
    match best {
        Some(i) if scores[i] > 0 => AREAS[i].0.to_string(),
        _ => "외교".to_string(),
    }
}

/// A short title: the first clause without its actor and timeframes, the
/// recommending ending cut (`…보강하고,` -> `…보강`).
pub fn title(sentence: &str) -> String {
    let body = without_marker(sentence);
    let subject_end = [body.find("은 "), body.find("는 ")]
        .into_iter()
        .flatten()
        .min();
    let after_actor = match (actor(body), subject_end) {
        (Some(_), Some(i)) if i < 60 && !body.is_ascii() => &body[i + 4..],
        _ => body,
    };
    let clause = after_actor
        .split(", ")
        .next()
        .unwrap_or(after_actor)
        .trim_end_matches(['.', ',']);
    let cleaned = CONDITION.replace_all(clause, "");
    let words: Vec<&str> = cleaned.split_whitespace().collect();
    let tail: Vec<&str> = words.iter().rev().take(7).rev().copied().collect();
    let mut text = tail.join(" ");
    for ending in [
        "하고",
        "해야 한다",
        "해야 함",
        "해야",
        "하여",
        "할 필요가 있다",
        "할 필요",
        "하며",
    ] {
        if let Some(stem) = text.strip_suffix(ending) {
            text = stem.trim_end().to_string();
            break;
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    const EAI: &str = "① 금융위원회와 금융정보분석원은 2025년 하반기까지 국내 가상자산 거래소에 북한 연계 지갑 주소 목록을 실시간으로 공유하는 체계를 갖추고, 탈취 사건이 발생할 경우 24시간 안에 관련 자산의 입금을 동결하도록 의무화해야 한다.";

    #[test]
    fn the_actor_is_the_subject() {
        assert_eq!(actor(EAI).as_deref(), Some("금융위원회, 금융정보분석원"));
        assert_eq!(
            actor("둘째, 국방부는 훈련을 정례화해야 한다.").as_deref(),
            Some("국방부")
        );
        assert_eq!(
            actor("If China installs a platform, the Ministry of Oceans and Fisheries should deploy a buoy.").as_deref(),
            Some("Ministry of Oceans and Fisheries")
        );
        assert_eq!(actor("이는 중요한 과제로 남아야 한다."), None);
    }

    #[test]
    fn conditions_and_timeframes() {
        assert_eq!(
            condition(EAI),
            "2025년 하반기까지; 탈취 사건이 발생할 경우; 24시간 안에"
        );
        assert_eq!(
            condition("The Guard should finish a survey by the end of 2025 and publish it."),
            "by the end of 2025"
        );
    }

    #[test]
    fn the_area_comes_from_the_words() {
        assert_eq!(area(EAI), "금융");
        assert_eq!(
            area("해군은 동해 해역의 대잠 초계 전력을 보강해야 한다."),
            "안보"
        );
        assert_eq!(
            area("정부는 남북 교류가 재개될 경우에 대비해야 한다."),
            "대북"
        );
    }

    #[test]
    fn a_short_title() {
        let t = title(EAI);
        assert!(t.contains("공유하는 체계를 갖추"), "{t}");
        assert!(t.split_whitespace().count() <= 7, "{t}");
    }
}
