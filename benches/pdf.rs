//! Reading a corpus PDF's text layer into lines (the PDF front-end alone,
//! before the import stages), for a 3-page Korean brief and the English one.

use std::hint::black_box;

use brief::brief::import::pdf::lines;
use criterion::{Criterion, criterion_group, criterion_main};

const PDFS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/briefs/pdf");

fn pdf_lines(c: &mut Criterion) {
    for name in ["seed-family-2025-21", "kei-en-2025-09"] {
        let Ok(bytes) = std::fs::read(format!("{PDFS}/{name}.pdf")) else {
            println!("skipped {name}: ../shared/briefs/pdf not found");
            continue;
        };
        c.bench_function(&format!("pdf lines {name}"), |b| {
            b.iter(|| lines(black_box(&bytes)).expect("a corpus PDF reads"))
        });
    }
}

criterion_group!(benches, pdf_lines);
criterion_main!(benches);
