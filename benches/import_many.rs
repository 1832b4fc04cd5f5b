//! Importing a library of 1,000 briefs made from the corpus
//! (`../shared/briefs`: the seven corpus texts and the built-in seed, each
//! copy with its own years and title), one after the other and on every core.
//! Skipped, with a message, when the corpus is missing.

use std::hint::black_box;
use std::path::PathBuf;

use brief::brief::load;
use brief::brief::overlay::Overlay;
use criterion::{Criterion, criterion_group, criterion_main};

const BRIEFS: usize = 1_000;

/// The corpus texts and the seed, or why there are none.
fn originals() -> Result<Vec<String>, String> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/briefs");
    let entries = std::fs::read_dir(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut paths: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    let mut texts: Vec<String> = paths
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect();
    if texts.is_empty() {
        return Err(format!("{} holds no brief texts", dir.display()));
    }
    texts.push(load::DEFAULT_BRIEF.to_string());
    Ok(texts)
}

/// Copy `n` of an original: its years moved (dates, numbers and figures
/// change with them) and its first line, the series or title, numbered.
fn variant(original: &str, n: usize) -> String {
    let year = (2010 + n % 16).to_string();
    let text = original.replace("2025", &year);
    match text.split_once('\n') {
        Some((first, rest)) => format!("{first} {n}\n{rest}"),
        None => text,
    }
}

fn library(originals: &[String]) -> Vec<(String, String)> {
    (0..BRIEFS)
        .map(|n| {
            let original = &originals[n % originals.len()];
            (format!("library/{n}.txt"), variant(original, n))
        })
        .collect()
}

/// Import every brief; the number of paragraphs read, so nothing is skipped.
fn import_all(briefs: &[(String, String)], overlay: &Overlay) -> usize {
    briefs
        .iter()
        .filter_map(|(file, text)| {
            load::load(text.as_bytes(), file, overlay, "content/overlay.json").ok()
        })
        .map(|(b, _)| b.paragraphs().count())
        .sum()
}

/// The same on every core, the library split in equal parts.
fn import_parallel(briefs: &[(String, String)], overlay: &Overlay) -> usize {
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    let part = briefs.len().div_ceil(cores);
    std::thread::scope(|s| {
        let workers: Vec<_> = briefs
            .chunks(part.max(1))
            .map(|chunk| s.spawn(|| import_all(chunk, overlay)))
            .collect();
        workers.into_iter().filter_map(|w| w.join().ok()).sum()
    })
}

fn library_import(c: &mut Criterion) {
    let originals = match originals() {
        Ok(o) => o,
        Err(why) => {
            eprintln!("library import skipped: the corpus is missing ({why})");
            return;
        }
    };
    let Ok(overlay) = Overlay::builtin() else {
        eprintln!("library import skipped: the built-in overlay does not parse");
        return;
    };
    let briefs = library(&originals);
    let bytes: usize = briefs.iter().map(|(_, t)| t.len()).sum();
    let paragraphs = import_all(&briefs, &overlay);
    eprintln!(
        "library: {BRIEFS} briefs from {} originals, {:.1} MB, {paragraphs} paragraphs",
        originals.len(),
        bytes as f64 / 1e6
    );
    let mut group = c.benchmark_group("library_import");
    group.sample_size(10);
    group.bench_function("one_core", |b| {
        b.iter(|| import_all(black_box(&briefs), &overlay))
    });
    group.bench_function("every_core", |b| {
        b.iter(|| import_parallel(black_box(&briefs), &overlay))
    });
    group.finish();
}

criterion_group!(benches, library_import);
criterion_main!(benches);
