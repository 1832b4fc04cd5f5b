//! Sentences that recommend: split at sentence ends and at item markers
//! (①, □, 첫째, 아울러), then tested for a recommending form.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

/// Where a new item starts inside a paragraph (kept inside the item).
static ITEM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|\s)([①-⑳□○▶■◦•]|(?:첫|둘|셋|넷|다섯|여섯)째,|아울러 )")
        .expect("the item pattern is valid")
});

/// A sentence end: `.`, `?`, `!` (a footnote number may be glued to it).
static END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[.?!][”’)]?(?:[0-9]{1,2}\)?)?\s").expect("the end pattern is valid")
});

/// Recommending endings. Between their syllables a space may stand
/// (`제기해야 한 다`): text wrapped character by character keeps one.
const FORMS: &[&str] = &[
    "야 한다[.,)\\]”’0-9\\s]",
    "야 한다$",
    "야 함",
    "야 하며",
    "야 할 것이다",
    "할 필요가 있",
    "할 필요성이 있",
    "될 필요가 있",
    "할 필요가 크",
    "필요\\s*[.]?\\s*$",
    "필요함",
    "검토해야",
    "방안을 검토",
    "방안을 마련",
    "방안을 모색",
    "방안을 강구",
    "요구된다",
    "요구됨",
    "바람직하다",
];

static FORM: LazyLock<Regex> = LazyLock::new(|| {
    let korean: Vec<String> = FORMS.iter().map(|f| loosen(f)).collect();
    let pattern = format!(
        "{}|(?-u:\\b)(?:should|must|needs? to|ought to)(?-u:\\b)",
        korean.join("|")
    );
    Regex::new(&pattern).expect("the form pattern is valid")
});

/// The form with an optional space between any two syllables.
fn loosen(form: &str) -> String {
    let mut out = String::new();
    let mut prev_hangul = false;
    for c in form.chars() {
        let hangul = crate::brief::import::enrich::words::is_hangul(c);
        if c == ' ' {
            out.push_str("\\s?");
            prev_hangul = false;
            continue;
        }
        if hangul && prev_hangul {
            out.push_str("\\s?");
        }
        out.push(c);
        prev_hangul = hangul;
    }
    out
}

/// Sentences that only announce what follows.
static LEAD_IN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"다음과 같은|아래와 같은|다음의|following|as follows")
        .expect("the lead-in pattern is valid")
});

/// Char ranges of the sentences of `text`.
pub fn split(text: &str) -> Vec<Range<usize>> {
    let mut cuts: Vec<usize> = vec![0, text.len()];
    cuts.extend(
        ITEM.captures_iter(text)
            .filter_map(|c| c.get(1))
            .map(|m| m.start()),
    );
    cuts.extend(END.find_iter(text).map(|m| m.end()));
    cuts.sort_unstable();
    cuts.dedup();
    let mut out = Vec::new();
    for pair in cuts.windows(2) {
        let piece = &text[pair[0]..pair[1]];
        let lead = piece.len() - piece.trim_start().len();
        let body = piece.trim();
        if body
            .chars()
            .any(crate::brief::import::enrich::words::is_letter)
        {
            let start = text[..pair[0] + lead].chars().count();
            out.push(start..start + body.chars().count());
        }
    }
    out
}

/// Whether a recommending form stands anywhere in `text` (a quick test
/// before splitting a paragraph into sentences).
pub fn may_recommend(text: &str) -> bool {
    FORM.is_match(text)
}

/// Whether the sentence recommends something (and is not a lead-in).
pub fn recommends(sentence: &str) -> bool {
    let Some(form) = FORM.find(sentence) else {
        return false;
    };
    let before = &sentence[..form.start()];
    let quoted = before.matches('“').count() > before.matches('”').count();
    !quoted && !LEAD_IN.is_match(sentence)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(text: &str) -> Vec<String> {
        split(text)
            .into_iter()
            .map(|r| text.chars().skip(r.start).take(r.len()).collect())
            .collect()
    }

    #[test]
    fn items_and_glued_markers_end_sentences() {
        assert_eq!(
            pieces(
                "첫째, 정부는 확충해야 한다.7) 둘째, 부는 마련할 필요가 있다. □ 통일부는 공개할 필요"
            ),
            vec![
                "첫째, 정부는 확충해야 한다.7)",
                "둘째, 부는 마련할 필요가 있다.",
                "□ 통일부는 공개할 필요"
            ]
        );
        assert_eq!(
            pieces("Map it. The Guard should act."),
            vec!["Map it.", "The Guard should act."]
        );
    }

    #[test]
    fn recommending_forms() {
        for s in [
            "정부는 지원해야 한다.",
            "외교부는 국제사회에 알려야 함",
            "절차를 마련할 필요가 있다.",
            "공개할 필요",
            "확대하는 방안을 검토할 수 있다.",
            "공식 의제로 제기해야 한 다.",
            "대응이 요구된다.",
            "The ministry should prepare a plan.",
            "Seoul needs to act.",
        ] {
            assert!(recommends(s), "{s}");
        }
        for s in [
            "항로를 바꾸어야 했다.",
            "재평가할 필요가 생겼다.",
            "전환점이 마련되어야 한다는 것도 잊지 않고 있다.",
            "이를 위해 다음과 같은 방안을 검토할 필요가 있다.",
            "The zone is contested.",
            "⁷ “Seoul should avoid complicating the issue,” Global Times.",
        ] {
            assert!(!recommends(s), "{s}");
        }
    }
}
