//! Where recommending sentences stand: in the recommendations section, in
//! the summary, or elsewhere in the body.

use std::sync::LazyLock;

use regex::Regex;

use super::sentences::{may_recommend, recommends, split};
use crate::brief::model::{Brief, Paragraph, Passage};

/// Where a sentence stands; the order is the order of trust.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Context {
    Section,
    Summary,
    Body,
}

/// A recommending sentence and where it stands.
pub struct Located {
    pub context: Context,
    pub passage: Passage,
}

static RECS_TITLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"시사점|대응|정책\s?제언|정책\s?과제|고려\s?사항|제언|Recommendations|Implications for Korea|What Seoul Should Do")
        .expect("the heading pattern is valid")
});

static NUMBERED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[0-9]{1,2}\.|[가-하]\.|[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]+\.|\||\([0-9]{1,2}\)|[0-9]{1,2}\))\s*")
        .expect("the numbering pattern is valid")
});

static CLOSING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:Endnotes|Notes|References|참고문헌|주|각주)$")
        .expect("the closing pattern is valid")
});

/// Whether a section title or a heading-like paragraph opens the
/// recommendations: `Some(true)` it does, `Some(false)` it opens another
/// part, `None` the paragraph is no heading.
pub fn heading(text: &str, is_title: bool) -> Option<bool> {
    let text = text.trim();
    let numbered = NUMBERED.is_match(text);
    let bare = NUMBERED.replace(text, "");
    let short =
        bare.chars().count() <= 15 || (bare.is_ascii() && bare.split_whitespace().count() <= 4);
    let sentence = bare.ends_with(['.', '다', '음', '함']) && !numbered;
    if !is_title && (sentence || !(numbered && bare.chars().count() <= 40 || short)) {
        return None;
    }
    if RECS_TITLE.is_match(&bare) {
        return Some(true);
    }
    (is_title || numbered || CLOSING.is_match(&bare)).then_some(false)
}

/// Every recommending sentence of the brief with its context.
pub fn recommending(brief: &Brief) -> Vec<Located> {
    let mut out = Vec::new();
    for p in &brief.summary {
        push(&mut out, p, Context::Summary);
    }
    for s in &brief.sections {
        let mut in_recs = heading(&s.title, true) == Some(true);
        for p in &s.paragraphs {
            if let Some(opens) = heading(&p.text, false) {
                in_recs = opens;
                continue;
            }
            push(
                &mut out,
                p,
                if in_recs {
                    Context::Section
                } else {
                    Context::Body
                },
            );
        }
    }
    out
}

fn push(out: &mut Vec<Located>, p: &Paragraph, context: Context) {
    if !may_recommend(&p.text) {
        return;
    }
    for r in split(&p.text) {
        let sentence: String = p.text.chars().skip(r.start).take(r.len()).collect();
        if recommends(&sentence) {
            out.push(Located {
                context,
                passage: Passage {
                    paragraph: p.id.clone(),
                    start: r.start,
                    end: r.end,
                    sentence,
                },
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recommendation_headings() {
        assert_eq!(heading("3. 한국의 대응 방향", false), Some(true));
        assert_eq!(heading("나. 정책 과제", false), Some(true));
        assert_eq!(heading("정책 제언", false), Some(true));
        assert_eq!(heading("Policy Recommendations", false), Some(true));
        assert_eq!(
            heading("북러 협력의 시사점과 한국의 대응", true),
            Some(true)
        );
        assert_eq!(heading("가. 전망", false), Some(false));
        assert_eq!(heading("Endnotes", false), Some(false));
    }

    #[test]
    fn running_text_and_titles_are_no_headings() {
        assert_eq!(
            heading("북러 우주·미사일 기술 협력의 확대와 한국의 대응", false),
            None
        );
        assert_eq!(heading("- 3 -", false), None);
        assert_eq!(heading("정부는 대응해야 한다.", false), None);
        assert_eq!(heading("Map the zone before it fills up.", false), None);
    }
}
