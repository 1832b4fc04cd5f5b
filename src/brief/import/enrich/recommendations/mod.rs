//! Korea's policy recommendations: recommending sentences of the brief's
//! recommendations section (시사점, 한국의 대응, 정책 제언, Policy
//! Recommendations …), of its summary, and, when their subject is a Korean
//! actor, of the body; one recommendation stated twice is one with two passages.

mod fields;
mod sections;
mod sentences;

use std::collections::HashSet;

use crate::brief::model::{Brief, Confidence, Origin, Passage, Recommendation};
use sections::{Context, Located};

/// Recommendations found in the brief, in the order the section states them.
pub fn find(brief: &Brief) -> Vec<Recommendation> {
    let mut found: Vec<Located> = sections::recommending(brief);
    // The section's statement is the fullest: it comes first and absorbs
    // the summary's and the body's repetitions of it.
    found.sort_by_key(|l| l.context);
    let mut out: Vec<Recommendation> = Vec::new();
    let mut words: Vec<HashSet<String>> = Vec::new();
    for l in found {
        let these = content_words(&l.passage.sentence);
        let same = words
            .iter()
            .enumerate()
            .filter(|(_, w)| alike(w, &these))
            .max_by_key(|(_, w)| w.intersection(&these).count())
            .map(|(i, _)| i);
        match same {
            Some(i) => add_passage(&mut out[i], l.passage),
            None => {
                if let Some(r) = recommendation(l, out.len() + 1) {
                    out.push(r);
                    words.push(these);
                }
            }
        }
    }
    out
}

fn add_passage(r: &mut Recommendation, passage: Passage) {
    if !r.paragraphs.contains(&passage.paragraph) {
        r.paragraphs.push(passage.paragraph.clone());
    }
    if !r.passages.contains(&passage) {
        r.passages.push(passage);
    }
}

fn recommendation(l: Located, n: usize) -> Option<Recommendation> {
    let sentence = fields::without_marker(&l.passage.sentence)
        .trim_start_matches(['□', '○', '▶', ' '])
        .to_string();
    let actor = fields::actor(&sentence);
    let condition = fields::condition(&sentence);
    let confidence = match (l.context, &actor) {
        // A stance with no condition or timeframe frames the items rather than being one.
        _ if condition.is_empty() && actor.is_some() => Confidence::Low,
        (Context::Section, Some(_)) => Confidence::High,
        (Context::Section, None) | (Context::Summary, Some(_)) => Confidence::Medium,
        (Context::Body, Some(_)) => Confidence::Low,
        (_, None) => return None,
    };
    Some(Recommendation {
        id: format!("x-r{n:02}"),
        title: fields::title(&sentence),
        actor: actor.unwrap_or_else(|| "한국 정부".to_string()),
        condition,
        area: fields::area(&sentence),
        text: sentence,
        paragraphs: vec![l.passage.paragraph.clone()],
        origin: Origin::Extracted,
        confidence,
        passages: vec![l.passage],
    })
}

/// Content words: two or more letters, particles aside, numbers aside.
fn content_words(text: &str) -> HashSet<String> {
    text.split(|c: char| !crate::brief::import::enrich::words::is_letter(c))
        .map(crate::brief::import::enrich::words::without_particle)
        .filter(|w| w.chars().count() >= 2 && !w.chars().all(|c| c.is_ascii_digit()))
        .map(str::to_lowercase)
        .collect()
}

/// A sentence's content words, computed once for many comparisons.
pub struct ContentWords(HashSet<String>);

impl ContentWords {
    pub fn of(text: &str) -> Self {
        ContentWords(content_words(text))
    }

    /// Whether the two sentences state the same recommendation: they share
    /// a third of the shorter one's content words (and at least three).
    pub fn similar(&self, other: &ContentWords) -> bool {
        alike(&self.0, &other.0)
    }

    /// Whether the two sentences share a few content words (two or more).
    pub fn related(&self, other: &ContentWords) -> bool {
        self.0.intersection(&other.0).count() >= 2
    }
}

/// Whether two sentences state the same recommendation (see [`ContentWords::similar`]).
pub fn similar(a: &str, b: &str) -> bool {
    ContentWords::of(a).similar(&ContentWords::of(b))
}

fn alike(wa: &HashSet<String>, wb: &HashSet<String>) -> bool {
    let shared = wa.intersection(wb).count();
    let shorter = wa.len().min(wb.len()).max(1);
    shared >= 3 && shared * 3 >= shorter
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn restatements_are_similar_and_others_are_not() {
        let body = "정부는 남북 교류가 재개될 경우에 대비해 식료·일용품 생산과 보건 의료 등 지방 단위 협력 의제를 사전에 발굴해야 함";
        let summary = "정부는 북한 지방 경제의 변화를 추적하고, 남북 교류 재개 시 지방 단위 협력 의제를 준비할 필요";
        let other = "외교부는 2025년 하반기 유엔 인권 논의에서 강제 동원 문제를 제기해야 함";
        assert!(similar(body, summary));
        assert!(!similar(body, other));
    }
}
