//! Benchmarks for the notes backend: saving a large store and re-anchoring after a revision.

use std::hint::black_box;

use brief::notes::{Annotation, DocIndex, Highlight, NoteStore, Target, reanchor_all};
use criterion::{BatchSize, Criterion, criterion_group, criterion_main};

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

/// A ~15,000-char Korean brief and a revision with inserted paragraphs and one edit.
fn synthetic_brief() -> (String, String) {
    let mut seed: u64 = 0x2025_0901;
    let mut next_word = move || {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        WORDS[(seed >> 59) as usize]
    };
    let paragraphs: Vec<String> = (0..100)
        .map(|p| {
            let words: Vec<&str> = (0..40).map(|_| next_word()).collect();
            format!("{}. {}이다.", p + 1, words.join(" "))
        })
        .collect();
    let mut revised = paragraphs.clone();
    for at in [80, 60, 40, 20, 0] {
        revised.insert(at, format!("추가 {at}: 새로운 분석 문단이 들어갔다."));
    }
    revised[31] = revised[31].replace("안보", "국가안보");
    (paragraphs.join("\n\n"), revised.join("\n\n"))
}

fn annotations(doc: &str, count: usize) -> Vec<Annotation> {
    let len = doc.chars().count();
    let index = DocIndex::new(doc);
    (0..count)
        .map(|i| {
            let start = (i * 15) % (len - 40);
            let target: Target = index.target(start, start + 10 + i % 25).unwrap_or_else(|| {
                panic!("range {start} in a {len}-char document");
            });
            let note = if i % 3 == 0 {
                ""
            } else {
                "중요한 대목 #북러 #제재"
            };
            Annotation::new(target, Some(Highlight::Yellow), note)
        })
        .collect()
}

fn save_10k(c: &mut Criterion) {
    let (doc, _) = synthetic_brief();
    let notes = annotations(&doc, 10_000);
    let dir = tempfile::tempdir().expect("temporary folder");
    let (mut store, _) = NoteStore::open(dir.path().join("bench.json"), "bench").expect("opens");
    c.bench_function("save 10,000 annotations", |b| {
        b.iter(|| store.save(black_box(&notes)).expect("saves"));
    });
}

fn reanchor_1k(c: &mut Criterion) {
    let (old, new) = synthetic_brief();
    let notes = annotations(&old, 1_000);
    c.bench_function("reanchor 1,000 annotations (15k chars)", |b| {
        b.iter_batched(
            || notes.clone(),
            |mut notes| reanchor_all(&mut notes, black_box(&new)),
            BatchSize::SmallInput,
        );
    });
    c.bench_function("index a 15k-char revision", |b| {
        b.iter(|| DocIndex::new(black_box(&new)));
    });
}

criterion_group!(benches, save_10k, reanchor_1k);
criterion_main!(benches);
