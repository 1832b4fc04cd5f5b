//! The import cache and the library, end to end: the real binary with its
//! data and cache folders in a temporary place.

// The corpus helpers this test does not call are used by others.
#[allow(dead_code)]
mod common;

use std::path::{Path, PathBuf};

use brief::brief::cache::{self, ImportCache};
use brief::library::{Library, Reimport};
use common::home::Home;

fn fixture() -> String {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/second_brief.txt"
    );
    std::fs::read_to_string(path).expect("the fixture")
}

fn title(home: &Home, file: &Path) -> String {
    let dump = home.json(&["dump", &file.display().to_string()]);
    dump["meta"]["title"]
        .as_str()
        .unwrap_or_default()
        .to_string()
}

/// An entry rewritten with another title, as this importer would write it.
fn retitle(entry: &Path, title: &str) {
    let text = std::fs::read_to_string(entry).expect("read the entry");
    let mut brief = cache::decode(&text).expect("a good entry");
    brief.meta.title = title.into();
    std::fs::write(entry, cache::encode(&brief).expect("encode")).expect("write the entry");
}

#[test]
fn a_second_open_reads_the_cache_until_the_file_changes() {
    let home = Home::new();
    let file = home.path("brief.txt");
    std::fs::write(&file, fixture()).expect("write the brief");
    let real = title(&home, &file);
    let entries = home.entries();
    assert_eq!(entries.len(), 1, "one import, one entry");
    retitle(&entries[0], "from the cache");
    assert_eq!(
        title(&home, &file),
        "from the cache",
        "no import the second time"
    );
    std::fs::write(&file, fixture() + "\n추가된 문단이다.\n").expect("change the brief");
    assert_eq!(
        title(&home, &file),
        real,
        "a changed file is imported again"
    );
    assert_eq!(home.entries().len(), 2);
}

#[test]
fn another_importer_or_a_damaged_entry_is_imported_again() {
    let home = Home::new();
    let file = home.path("brief.txt");
    std::fs::write(&file, fixture()).expect("write the brief");
    let real = title(&home, &file);
    let entry = home.entries().remove(0);
    retitle(&entry, "stale");
    let text = std::fs::read_to_string(&entry).expect("read");
    let other = text.replacen("brief-import ", "brief-import 0.0.1+0+0 ", 1);
    std::fs::write(&entry, other).expect("write");
    assert_eq!(
        title(&home, &file),
        real,
        "another importer's entry is not read"
    );
    assert!(cache::decode(&std::fs::read_to_string(&entry).expect("read")).is_some());
    std::fs::write(&entry, &text[..text.len() / 3]).expect("cut the entry");
    assert_eq!(title(&home, &file), real, "a damaged entry is not read");
    let rewritten = std::fs::read_to_string(&entry).expect("read");
    assert_eq!(cache::decode(&rewritten).map(|b| b.meta.title), Some(real));
}

#[test]
fn an_unwritable_cache_still_opens_the_brief() {
    let home = Home::new();
    let file = home.path("brief.txt");
    std::fs::write(&file, fixture()).expect("write the brief");
    // The cache's place is a file: nothing can be made under it.
    std::fs::write(home.path("cache"), "not a folder").expect("write");
    let out = home.run(&["dump", &file.display().to_string()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(home.entries().is_empty());
}

#[test]
fn opening_from_the_library_imports_only_when_something_changed() {
    let home = Home::new();
    let file = home.path("brief.txt");
    std::fs::write(&file, fixture()).expect("write the brief");
    let library = Library::at(&home.path("library"), ImportCache::off());
    let added = library.add(std::slice::from_ref(&file)).expect("add");
    let (entry, new) = added.into_iter().next().expect("one").expect("added");
    assert!(new);
    let model = home
        .path("library/briefs")
        .join(format!("{}.json", entry.id));
    let opened = library.open(&entry.id[..4]).expect("open by a prefix");
    assert_eq!(opened.reimported, None);
    let real = opened.brief.meta.title.clone();
    retitle(&model, "as stored");
    assert_eq!(
        library.open(&entry.id).expect("open").brief.meta.title,
        "as stored"
    );
    std::fs::write(&file, fixture() + "\n추가된 문단이다.\n").expect("change");
    let opened = library.open(&entry.id).expect("open");
    assert_eq!(opened.reimported, Some(Reimport::FileChanged));
    assert_eq!(opened.brief.meta.title, real);
    assert_eq!(library.open(&entry.id).expect("open").reimported, None);
    let text = std::fs::read_to_string(&model).expect("read");
    std::fs::write(&model, text.replacen("brief-import ", "brief-import 0+", 1)).expect("write");
    let opened = library.open(&entry.id).expect("open");
    assert_eq!(opened.reimported, Some(Reimport::ImporterChanged));
    retitle(&model, "kept");
    std::fs::remove_file(&file).expect("remove the original");
    let opened = library.open(&entry.id).expect("open without the original");
    assert!(opened.original_missing);
    assert_eq!(opened.brief.meta.title, "kept");
    let text = std::fs::read_to_string(&model).expect("read");
    std::fs::write(&model, text.replacen("brief-import ", "brief-import 0+", 1)).expect("write");
    let opened = library
        .open(&entry.id)
        .expect("another importer's model, no original");
    assert_eq!(
        (opened.reimported, opened.brief.meta.title.as_str()),
        (None, "kept")
    );
    std::fs::write(&model, &text[..text.len() / 2]).expect("cut");
    assert!(
        library.open(&entry.id).is_err(),
        "damaged, and nothing to import"
    );
}

/// Briefs added by several commands at once are all kept.
#[test]
fn adding_at_once_loses_no_brief() {
    let home = Home::new();
    let files: Vec<PathBuf> = (0..6)
        .map(|i| {
            let file = home.path(&format!("brief-{i}.txt"));
            std::fs::write(&file, fixture() + &format!("\n덧붙인 문단 {i}.\n")).expect("write");
            file
        })
        .collect();
    let children: Vec<std::process::Child> = files
        .iter()
        .map(|f| {
            home.command(&["library", "add", &f.display().to_string()])
                .stdout(std::process::Stdio::null())
                .spawn()
                .expect("spawn brief")
        })
        .collect();
    for mut child in children {
        assert!(child.wait().expect("wait").success());
    }
    let list = home.json(&["library", "list", "--json"]);
    assert_eq!(list.as_array().map(Vec::len), Some(files.len()), "{list}");
}
