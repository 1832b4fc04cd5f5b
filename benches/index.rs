//! Load + index the seed, search as you type on it, and build and search a
//! synthetic library of 1,000 briefs (~40 MB) generated from the seed.

use std::hint::black_box;

use brief::brief::model::{Entity, Mention};
use brief::brief::search::SearchIndex;
use brief::brief::{Brief, Index, load};
use criterion::{Criterion, criterion_group, criterion_main};

const BRIEFS: usize = 1_000;
const TYPED: [&str; 7] = [
    "북",
    "북ㄹ",
    "북러",
    "북러 ",
    "북러 ㄱ",
    "북러 관",
    "북러 관계",
];

fn seed() -> Brief {
    load::builtin().expect("the built-in brief loads").0
}

/// A small deterministic generator (xorshift), so every run indexes the same library.
struct Shuffle(u64);

impl Shuffle {
    fn next(&mut self, below: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % below as u64) as usize
    }
}

/// The synthetic library: each brief is the seed with its paragraphs shuffled
/// and number-stamped; entity mentions follow their paragraphs.
struct Library {
    docs: Vec<(String, String)>,
    entities: Vec<Entity>,
}

fn library(seed: &Brief) -> Library {
    let paragraphs: Vec<_> = seed.paragraphs().collect();
    let mut docs = Vec::with_capacity(BRIEFS * paragraphs.len());
    let mut entities: Vec<Entity> = seed
        .entities
        .iter()
        .map(|e| Entity {
            mentions: vec![],
            ..e.clone()
        })
        .collect();
    let mut rng = Shuffle(0x9E37_79B9_7F4A_7C15);
    for b in 0..BRIEFS {
        let mut order: Vec<usize> = (0..paragraphs.len()).collect();
        for i in (1..order.len()).rev() {
            order.swap(i, rng.next(i + 1));
        }
        for (n, &i) in order.iter().enumerate() {
            let p = paragraphs[i];
            let stamp = format!("[{b}.{n}] ");
            let shift = stamp.chars().count();
            let id = format!("b{b}-{}", p.id);
            for (e, seed_entity) in entities.iter_mut().zip(&seed.entities) {
                let here = seed_entity
                    .mentions
                    .iter()
                    .filter(|m| m.paragraph.as_deref() == Some(p.id.as_str()));
                e.mentions.extend(here.map(|m| Mention {
                    paragraph: Some(id.clone()),
                    footnote: None,
                    start: m.start + shift,
                    end: m.end + shift,
                }));
            }
            docs.push((id, stamp + &p.text));
        }
    }
    Library { docs, entities }
}

fn seed_benches(c: &mut Criterion) {
    c.bench_function("load_and_index", |b| {
        b.iter(|| Index::new(black_box(seed())))
    });
    let index = Index::new(seed());
    let mut group = c.benchmark_group("search_keystroke");
    for query in TYPED {
        group.bench_function(query, |b| b.iter(|| index.search(black_box(query))));
    }
    group.finish();
}

fn library_benches(c: &mut Criterion) {
    let lib = library(&seed());
    let docs: Vec<(&str, &str)> = lib
        .docs
        .iter()
        .map(|(id, text)| (id.as_str(), text.as_str()))
        .collect();
    let bytes: usize = docs.iter().map(|(_, t)| t.len()).sum();
    eprintln!(
        "library: {BRIEFS} briefs, {} paragraphs, {:.1} MB of text",
        docs.len(),
        bytes as f64 / 1e6
    );
    let mut group = c.benchmark_group("library");
    group.sample_size(10);
    group.bench_function("library_build", |b| {
        b.iter(|| SearchIndex::new(black_box(&docs), &lib.entities))
    });
    let index = SearchIndex::new(&docs, &lib.entities);
    for query in ["북러 관계", "ㅂㄹ", "Lavrov", "핫산-나진"] {
        let hits = index.find(query).len();
        eprintln!("library_search {query:?}: {hits} hits");
        group.bench_function(format!("library_search/{query}"), |b| {
            b.iter(|| index.find(black_box(query)))
        });
    }
    group.finish();
}

criterion_group!(benches, seed_benches, library_benches);
criterion_main!(benches);
