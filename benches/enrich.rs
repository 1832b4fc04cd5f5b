//! What the enrich stage adds to importing the seed: entities (gazetteer
//! and extraction rules) and recommendations, next to the import itself.
//! The gazetteer is parsed once per process; its first use is measured apart.

use std::hint::black_box;
use std::time::Instant;

use brief::brief::import::enrich::{self, Gazetteer};
use brief::brief::load;
use criterion::{Criterion, criterion_group, criterion_main};

fn enrich_benches(c: &mut Criterion) {
    let started = Instant::now();
    let gazetteer = Gazetteer::builtin();
    println!(
        "gazetteer parsed and its automaton built in {:?}",
        started.elapsed()
    );
    let (seed, _) = load::builtin().expect("the built-in brief loads");
    c.bench_function("import_seed", |b| {
        b.iter(|| load::builtin().map(|(brief, _)| brief.entities.len()))
    });
    c.bench_function("enrich_seed_entities", |b| {
        b.iter(|| enrich::entities(black_box(&seed), gazetteer).len())
    });
    c.bench_function("enrich_seed_recommendations", |b| {
        b.iter(|| enrich::recommendations(black_box(&seed)).len())
    });
}

criterion_group!(benches, enrich_benches);
criterion_main!(benches);
