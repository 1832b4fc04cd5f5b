//! Re-anchoring highlights after the brief is revised.

use std::time::Instant;

use brief::notes::{Anchor, Annotation, DocIndex, Target, reanchor, reanchor_all, text_hash};
use proptest::prelude::*;

const P1: &str = "북한과 러시아의 군사협력이 심화되고 있으며, 이는 동북아 안보 지형을 바꾸고 있다.";
const P2: &str = "한국 정부는 대북 제재의 실효성을 높이기 위해 국제 공조를 강화해야 한다.";
const P3: &str = "중국의 역할도 중요하며, 미중 경쟁 속에서 한국의 외교적 선택지가 좁아지고 있다.";

fn doc(paragraphs: &[&str]) -> String {
    paragraphs.join("\n\n")
}

fn char_pos(doc: &str, needle: &str) -> usize {
    let byte = doc.find(needle).expect("needle in doc");
    doc[..byte].chars().count()
}

fn target_on(doc: &str, quote: &str) -> Target {
    let start = char_pos(doc, quote);
    Target::from_document(doc, start, start + quote.chars().count()).expect("in range")
}

fn text_at(doc: &str, start: usize, end: usize) -> String {
    doc.chars().skip(start).take(end - start).collect()
}

#[test]
fn insertion_before_moves_the_quote() {
    let old = doc(&[P1, P2, P3]);
    let new = doc(&["새로 추가된 요약 문단입니다.", P1, P2, P3]);
    let t = target_on(&old, "대북 제재의 실효성");
    let shift = "새로 추가된 요약 문단입니다.\n\n".chars().count();
    assert_eq!(
        reanchor(&t, &new),
        Anchor::Moved {
            start: t.start + shift,
            end: t.end + shift
        }
    );

    let mut notes = vec![Annotation::new(t.clone(), None, "")];
    let report = reanchor_all(&mut notes, &new);
    assert_eq!(report.moved, 1);
    let moved = &notes[0].target;
    assert_eq!((moved.start, moved.end), (t.start + shift, t.end + shift));
    assert_eq!(moved.text_hash, text_hash(&new));
    assert_eq!(moved.exact, t.exact);
}

#[test]
fn insertion_after_keeps_it_exact() {
    let old = doc(&[P1, P2, P3]);
    let new = doc(&[P1, P2, P3, "덧붙인 결론 문단."]);
    let t = target_on(&old, "군사협력이 심화");
    assert_eq!(
        reanchor(&t, &new),
        Anchor::Exact {
            start: t.start,
            end: t.end
        }
    );
}

#[test]
fn edit_inside_the_quote_is_fuzzy() {
    let old = doc(&[P1, P2, P3]);
    let edited = P2.replace("국제 공조를", "국제적인 공조를");
    let new = doc(&[P1, &edited, P3]);
    let t = target_on(
        &old,
        "대북 제재의 실효성을 높이기 위해 국제 공조를 강화해야 한다.",
    );
    let Anchor::Fuzzy { start, end, score } = reanchor(&t, &new) else {
        panic!("expected a fuzzy anchor, got {:?}", reanchor(&t, &new));
    };
    assert!((0.75..1.0).contains(&score), "score {score}");
    assert_eq!(
        text_at(&new, start, end),
        "대북 제재의 실효성을 높이기 위해 국제적인 공조를 강화해야 한다."
    );

    let mut notes = vec![Annotation::new(t, None, "메모")];
    assert_eq!(reanchor_all(&mut notes, &new).fuzzy, 1);
    assert!(!notes[0].orphan);
    assert_eq!(
        notes[0].target.exact,
        text_at(&new, start, end),
        "the quote follows the edit"
    );
}

#[test]
fn deleted_passage_orphans_but_keeps_the_note() {
    let old = doc(&[P1, P2, P3]);
    let new = doc(&[P1, P3]);
    let t = target_on(&old, "대북 제재의 실효성을 높이기 위해");
    assert_eq!(reanchor(&t, &new), Anchor::Orphan);

    let mut notes = vec![Annotation::new(t.clone(), None, "중요 #제재")];
    let report = reanchor_all(&mut notes, &new);
    assert_eq!(report.orphaned, 1);
    assert_eq!(notes.len(), 1, "orphans are kept");
    assert!(notes[0].orphan);
    assert_eq!(notes[0].target, t, "an orphan keeps its last target");

    // The passage comes back in a later revision: the orphan is found again.
    let back = doc(&[P2, P1, P3]);
    assert_eq!(reanchor_all(&mut notes, &back).moved, 1);
    assert!(!notes[0].orphan);
}

#[test]
fn repeated_quote_is_resolved_by_context() {
    let quote = "제재를 강화해야 한다";
    let a = format!("첫째, 미국은 {quote}는 입장이다.");
    let b = format!("둘째, 한국도 {quote}는 의견이 많다.");
    let old = doc(&[&a, P1, &b]);
    let second = char_pos(&old, &format!("한국도 {quote}")) + "한국도 ".chars().count();
    let first = char_pos(&old, quote);
    let t = Target::from_document(&old, second, second + quote.chars().count()).unwrap();

    // Insert exactly enough text that the *first* occurrence lands on the old offset.
    let filler: String = "가".repeat(second - first - 2);
    let new = doc(&[&filler, &a, P1, &b]);
    assert_eq!(text_at(&new, second, second + quote.chars().count()), quote);
    let want = second + (second - first);
    assert_eq!(
        reanchor(&t, &new),
        Anchor::Moved {
            start: want,
            end: want + quote.chars().count()
        }
    );

    // Unchanged text: the same occurrence, exactly.
    assert_eq!(
        reanchor(&t, &old),
        Anchor::Exact {
            start: second,
            end: t.end
        }
    );
}

#[test]
fn imported_target_without_hash_or_positions_is_found() {
    let d = doc(&[P1, P2]);
    let mut t = target_on(&d, "동북아 안보 지형");
    let want = (t.start, t.end);
    (t.start, t.end, t.text_hash) = (0, 0, String::new());
    assert_eq!(
        reanchor(&t, &d),
        Anchor::Moved {
            start: want.0,
            end: want.1
        }
    );
}

/// A ~15,000-char Korean brief and a revision with insertions, an edit and a deletion.
fn synthetic_brief() -> (String, String) {
    const WORDS: [&str; 32] = [
        "북한",
        "러시아",
        "군사협력",
        "제재",
        "안보",
        "동맹",
        "외교",
        "전략",
        "한반도",
        "핵",
        "미사일",
        "경제",
        "정책",
        "협상",
        "억지력",
        "공조",
        "중국",
        "일본",
        "미국",
        "유엔",
        "인도태평양",
        "공급망",
        "반도체",
        "에너지",
        "인권",
        "통일",
        "국방",
        "정보",
        "위성",
        "해군",
        "무역",
        "기술",
    ];
    let mut seed: u64 = 0x2025_0901;
    let mut next_word = move || {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        WORDS[(seed >> 59) as usize]
    };
    let mut paragraphs = Vec::new();
    for p in 0..100 {
        let words: Vec<&str> = (0..40).map(|_| next_word()).collect();
        paragraphs.push(format!("{}. {}이다.", p + 1, words.join(" ")));
    }
    let old = paragraphs.join("\n\n");
    let mut revised = paragraphs.clone();
    for at in [80, 60, 40, 20, 0] {
        revised.insert(at, format!("추가 {at}: 새로운 분석 문단이 들어갔다."));
    }
    revised[31] = revised[31].replace("안보", "국가안보");
    revised.remove(71);
    (old, revised.join("\n\n"))
}

#[test]
fn a_thousand_annotations_reanchor_after_a_revision() {
    let (old, new) = synthetic_brief();
    assert!(
        (14_000..16_500).contains(&old.chars().count()),
        "{}",
        old.chars().count()
    );
    let len = old.chars().count();
    let mut notes: Vec<Annotation> = (0..1000)
        .map(|i| {
            let start = (i * 15) % (len - 40);
            let t = Target::from_document(&old, start, start + 10 + i % 25).unwrap();
            Annotation::new(t, None, "")
        })
        .collect();
    let started = Instant::now();
    let report = reanchor_all(&mut notes, &new);
    let took = started.elapsed();
    eprintln!("reanchor_all: 1000 annotations over {len} chars in {took:?}: {report:?}");
    assert!(report.moved > 500, "{report:?}");
    // The revision removed a paragraph: its annotations are orphans, and an
    // orphan's quote is nowhere in the revised text.
    assert!(report.orphaned > 0, "{report:?}");
    assert_eq!(
        notes.iter().filter(|n| n.orphan).count(),
        report.orphaned,
        "the report counts the orphans"
    );
    for n in notes.iter().filter(|n| n.orphan) {
        assert!(
            !new.contains(&n.target.exact),
            "{:?} is still there",
            n.target.exact
        );
    }
    let index = DocIndex::new(&new);
    for n in notes.iter().filter(|n| !n.orphan) {
        assert_eq!(text_at(&new, n.target.start, n.target.end), n.target.exact);
        assert_eq!(n.target.text_hash, index.text_hash());
    }
}

fn hangul_text(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![9 => prop::char::range('가', '힣'), 1 => Just(' ')],
        1..max,
    )
    .prop_map(|cs| cs.into_iter().collect())
}

/// How many times `needle` occurs in `hay`, overlaps included.
fn occurrences(hay: &str, needle: &str) -> usize {
    (0..hay.len())
        .filter(|&i| hay.get(i..).is_some_and(|h| h.starts_with(needle)))
        .count()
}

proptest! {
    #![proptest_config(ProptestConfig { failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn unchanged_text_is_always_exact(text in hangul_text(200), a in 0usize..200, b in 1usize..40) {
        let n = text.chars().count();
        let start = a % n;
        let end = (start + b).min(n).max(start + 1);
        let t = Target::from_document(&text, start, end).unwrap();
        prop_assert_eq!(reanchor(&t, &text), Anchor::Exact { start, end });
    }

    #[test]
    fn text_inserted_before_shifts_the_anchor(
        text in hangul_text(200), inserted in hangul_text(50), a in 0usize..200, b in 1usize..40,
    ) {
        let n = text.chars().count();
        let start = a % n;
        let end = (start + b).min(n).max(start + 1);
        let t = Target::from_document(&text, start, end).unwrap();
        let shift = inserted.chars().count();
        let new = format!("{inserted}{text}");
        // Only a quote whose context is unique has one right answer.
        prop_assume!(occurrences(&new, &format!("{}{}{}", t.prefix, t.exact, t.suffix)) == 1);
        let anchor = reanchor(&t, &new);
        prop_assert_eq!(anchor.range(), Some((start + shift, end + shift)));
    }
}

#[test]
fn a_heavily_edited_brief_reanchors_nearly_every_annotation() {
    let (old, _) = synthetic_brief();
    let new = old.replace("안보", "국가 안보").replace("제재", "대북제재");
    let len = old.chars().count();
    let mut notes: Vec<Annotation> = (0..1000)
        .map(|i| {
            let start = (i * 15) % (len - 40);
            let t = Target::from_document(&old, start, start + 10 + i % 25).unwrap();
            Annotation::new(t, None, "")
        })
        .collect();
    let started = Instant::now();
    let report = reanchor_all(&mut notes, &new);
    eprintln!(
        "reanchor_all, heavy edits: 1000 annotations in {:?}: {report:?}",
        started.elapsed()
    );
    assert!(report.fuzzy > 100, "{report:?}");
    // A few short quotes change beyond recognition; nearly all are found.
    assert!(report.orphaned <= 10, "{report:?}");
    for n in notes.iter().filter(|n| !n.orphan) {
        assert_eq!(text_at(&new, n.target.start, n.target.end), n.target.exact);
    }
}

#[test]
fn fuzzy_reanchor_is_marked_approximate_and_keeps_the_original_quote() {
    let old = doc(&[P1, P2, P3]);
    let quote = "대북 제재의 실효성을 높이기 위해 국제 공조를 강화해야 한다.";
    let new = doc(&[P1, &P2.replace("국제 공조를", "국제적인 공조를"), P3]);
    let mut notes = vec![
        Annotation::new(target_on(&old, quote), None, "메모"),
        Annotation::new(target_on(&old, "미중 경쟁"), None, "그대로"),
    ];
    reanchor_all(&mut notes, &new);
    assert_eq!(notes[0].approximate.as_deref(), Some(quote));
    assert!(
        notes[1].approximate.is_none(),
        "an exact match is not approximate"
    );
    assert_eq!(
        notes[1].target.exact, "미중 경쟁",
        "an exact match keeps every char"
    );
    let exact = notes[0].target.exact.clone();
    assert_eq!(exact.trim(), exact, "no white space at the edges");
    reanchor_all(&mut notes, &new);
    assert_eq!(
        notes[0].approximate.as_deref(),
        Some(quote),
        "stays approximate until accepted, with the first quote"
    );
}
