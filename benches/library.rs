//! A library of 1,000 briefs made from the corpus texts (each with its own
//! number and title): list, open, search across, and the memory it takes.

use std::hint::black_box;
use std::path::PathBuf;

use brief::brief::cache::{ImportCache, content_hash};
use brief::brief::load;
use brief::brief::overlay::DEFAULT_OVERLAY;
use brief::library::Library;
use brief::library::search::LibrarySearch;
use criterion::{Criterion, criterion_group, criterion_main};

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/briefs");
const BRIEFS: usize = 1000;

/// The corpus texts, imported once each.
fn corpus() -> Vec<(String, brief::brief::Brief)> {
    let mut names: Vec<PathBuf> = std::fs::read_dir(CORPUS)
        .map(|d| d.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    names.retain(|p| p.extension().is_some_and(|e| e == "txt"));
    names.sort();
    names
        .iter()
        .filter_map(|p| {
            let text = std::fs::read_to_string(p).ok()?;
            let name = p.display().to_string();
            let brief = load::load_cached(
                text.as_bytes(),
                &name,
                DEFAULT_OVERLAY,
                "content/overlay.json",
                &ImportCache::off(),
            )
            .ok()?;
            Some((text, brief))
        })
        .collect()
}

/// A library of [`BRIEFS`] briefs in `dir`: each a corpus brief under its
/// own number and title, with an original file of its own.
fn library(dir: &std::path::Path) -> Library {
    let corpus = corpus();
    let originals = dir.join("originals");
    std::fs::create_dir_all(&originals).expect("a folder for the originals");
    let made: Vec<(PathBuf, String, brief::brief::Brief)> = (0..BRIEFS)
        .map(|i| {
            let (text, base) = &corpus[i % corpus.len()];
            let text = format!("{text}\n{i}\n");
            let file = originals.join(format!("brief-{i}.txt"));
            std::fs::write(&file, &text).expect("write an original");
            let mut brief = base.clone();
            brief.meta.number = format!("{}-{i:04}", brief.meta.number);
            brief.meta.title = format!("{} ({})", brief.meta.title, i / corpus.len() + 1);
            (file, content_hash(text.as_bytes()), brief)
        })
        .collect();
    let library = Library::at(&dir.join("library"), ImportCache::off());
    library.add_imported(&made).expect("the library is written");
    library
}

/// Every brief of the library folded for search, one brief at a time.
fn folded(library: &Library) -> LibrarySearch {
    let mut search = LibrarySearch::default();
    library
        .each(|entry, brief| search.add(&entry, &brief))
        .expect("the stored briefs");
    search
}

/// Resident memory of this process now, in MB.
fn resident_mb() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        .map_or(0.0, |kb| kb / 1024.0)
}

fn library_of_1000(c: &mut Criterion) {
    if !std::path::Path::new(CORPUS).is_dir() {
        println!("skipped: ../shared/briefs not found");
        return;
    }
    // BRIEF_BENCH_DIR keeps the library for the command line to be measured
    // on (`BRIEF_DATA_DIR=$BRIEF_BENCH_DIR brief search --library …`).
    let temp = tempfile::tempdir().expect("a temp dir");
    let dir = std::env::var_os("BRIEF_BENCH_DIR")
        .map_or_else(|| temp.path().to_path_buf(), PathBuf::from);
    let library = library(&dir);
    let before = resident_mb();
    c.bench_function("library 1000: list (read the catalog)", |b| {
        b.iter(|| library.catalog().map(|c| c.briefs.len()))
    });
    screen(c, &library, &dir);
    let ids: Vec<String> = library
        .catalog()
        .map(|c| c.briefs.iter().map(|e| e.id.clone()).collect())
        .unwrap_or_default();
    let mut n = 0;
    c.bench_function("library 1000: open a brief", |b| {
        b.iter(|| {
            n = (n + 337) % ids.len();
            library
                .open(black_box(&ids[n]))
                .map(|o| o.brief.sections.len())
        })
    });
    c.bench_function("library 1000: load every brief and fold for search", |b| {
        b.iter(|| folded(&library).len())
    });
    let search = folded(&library);
    for query in ["북한", "ㅂㅎ", "핵심광물", "China"] {
        c.bench_function(&format!("library 1000: search {query}"), |b| {
            b.iter(|| search.find(black_box(query)).len())
        });
    }
    println!(
        "library 1000: resident {before:.1} MB once built, {:.1} MB with every brief folded for search",
        resident_mb()
    );
}

/// The library screen as `brief library` or `L` opens it: the catalog, each brief's note
/// count (a notes file looked for), the list sorted by date, and the first frame.
fn screen(c: &mut Criterion, library: &Library, dir: &std::path::Path) {
    let shelf = brief::tui::shelf::Shelf::with_data(library.clone(), &dir.join("data"));
    let Ok(stored) = load::stored() else { return };
    let mut app = brief::app::App::new(brief::brief::Index::new(stored), 120, 40);
    let backend = ratatui::backend::TestBackend::new(120, 40);
    let Ok(mut terminal) = ratatui::Terminal::new(backend);
    c.bench_function(
        "library 1000: open the library screen (list and first frame)",
        |b| {
            b.iter(|| {
                let rows = shelf.rows().unwrap_or_default();
                app.show_library(rows, true);
                brief::tui::draw(&mut terminal, &mut app)
                    .map(|()| app.library().map(|l| l.rows.len()))
            })
        },
    );
}

criterion_group!(benches, library_of_1000);
criterion_main!(benches);
