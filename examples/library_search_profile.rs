//! Searches a library folded for search, for profiling:
//! `library_search_profile DIR QUERY [TIMES]`, DIR holding `library/` as
//! the library bench leaves it under `BRIEF_BENCH_DIR`.
use brief::brief::cache::ImportCache;
use brief::library::Library;
use brief::library::search::LibrarySearch;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let (Some(dir), Some(query)) = (args.get(1), args.get(2)) else {
        eprintln!("usage: library_search_profile DIR QUERY [TIMES]");
        return;
    };
    let times: usize = args.get(3).and_then(|t| t.parse().ok()).unwrap_or(1);
    let library = Library::at(
        &std::path::Path::new(dir).join("library"),
        ImportCache::off(),
    );
    let mut search = LibrarySearch::default();
    if let Err(e) = library.each(|entry, brief| search.add(&entry, &brief)) {
        eprintln!("{e}");
        return;
    }
    let start = std::time::Instant::now();
    let mut hits = 0;
    for _ in 0..times {
        hits = search.find(query).iter().map(|b| b.hits.len()).sum();
    }
    let each = start.elapsed().as_secs_f64() * 1e3 / times as f64;
    println!(
        "{query}: {hits} hits in {} briefs, {each:.1} ms",
        search.len()
    );
}
