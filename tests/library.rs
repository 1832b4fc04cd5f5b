//! The import cache and the library, end to end: the real binary with its
//! data and cache folders in a temporary place.

// The corpus helpers this test does not call are used by others.
#[allow(dead_code)]
mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use brief::brief::cache::{self, ImportCache};
use brief::library::{Library, Reimport};
use serde_json::Value;

/// A temporary home for the library, the notes and the cache.
struct Home {
    dir: tempfile::TempDir,
}

impl Home {
    fn new() -> Home {
        Home {
            dir: tempfile::tempdir().expect("a temp dir"),
        }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn run(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_brief"))
            .args(args)
            .env("XDG_DATA_HOME", self.path("data"))
            .env("XDG_CACHE_HOME", self.path("cache"))
            .env_remove("BRIEF_DATA_DIR")
            .env_remove("BRIEF_CACHE_DIR")
            .output()
            .expect("run brief")
    }

    fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(
            out.status.success(),
            "brief {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    fn json(&self, args: &[&str]) -> Value {
        serde_json::from_str(&self.ok(args)).expect("JSON output")
    }

    fn entries(&self) -> Vec<PathBuf> {
        let dir = self.path("cache/brief/imports");
        let mut found: Vec<PathBuf> = std::fs::read_dir(dir)
            .map(|d| d.filter_map(Result::ok).map(|e| e.path()).collect())
            .unwrap_or_default();
        found.sort();
        found
    }
}

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

/// A W3C annotation quoting `exact` with a note, for `annotations import`.
fn annotation(exact: &str, note: &str) -> Value {
    serde_json::json!({
        "type": "Annotation",
        "bodyValue": note,
        "target": {"selector": [{"type": "TextQuoteSelector", "exact": exact}]},
    })
}

/// A sentence of the brief in `file`: the start of its first paragraph.
fn quote_of(home: &Home, file: &str) -> String {
    let dump = home.json(&["dump", file]);
    let text = dump["sections"][0]["paragraphs"][0]["text"]
        .as_str()
        .unwrap_or_default();
    text.chars().take(30).collect()
}

fn corpus_files() -> Vec<String> {
    let dir = common::corpus::dir();
    let mut files = Vec::new();
    for name in common::corpus::names() {
        files.push(dir.join(format!("{name}.txt")).display().to_string());
        files.push(dir.join(format!("pdf/{name}.pdf")).display().to_string());
    }
    files
}

/// Add the corpus (texts and PDFs); list, search, entities, sources, remove.
#[test]
#[cfg_attr(corpus_missing, ignore = "../shared/briefs is missing")]
fn the_corpus_in_a_library() {
    let home = Home::new();
    let files = corpus_files();
    let mut args = vec!["library", "add"];
    args.extend(files.iter().map(String::as_str));
    let added = home.ok(&args);
    assert_eq!(
        added.lines().filter(|l| l.starts_with("added ")).count(),
        files.len()
    );
    assert!(
        home.ok(&["library", "add", &files[0]])
            .contains("already in the library")
    );
    let list = home.json(&["library", "list", "--json"]);
    let list = list.as_array().cloned().unwrap_or_default();
    assert_eq!(list.len(), files.len());
    for (entry, file) in list.iter().zip(&files) {
        let dump = home.json(&["dump", file]);
        assert_eq!(entry["meta"]["title"], dump["meta"]["title"], "{file}");
        assert_eq!(entry["notes"], 0);
    }
    search_across(&home, &files, &list);
    entities_across(&home, &files);
    sources_across(&home, &files);
    let id = list[0]["id"].as_str().unwrap_or_default();
    assert!(home.ok(&["library", "remove", id]).starts_with("removed "));
    assert_eq!(
        home.json(&["library", "list", "--json"])
            .as_array()
            .map(Vec::len),
        Some(files.len() - 1)
    );
    assert_eq!(home.run(&["library", "remove", id]).status.code(), Some(2));
}

/// `search --library` finds in each brief what that brief's own search finds.
fn search_across(home: &Home, files: &[String], list: &[Value]) {
    for query in ["북한", "ㅂㅎ", "China"] {
        let found = home.json(&["search", "--library", query, "--json"]);
        let found = found.as_array().cloned().unwrap_or_default();
        let mut expected = 0;
        for (entry, file) in list.iter().zip(files) {
            let own = home.json(&["search", file, query, "--json"]);
            let group = found.iter().find(|g| g["id"] == entry["id"]);
            if own.as_array().is_some_and(|a| !a.is_empty()) {
                expected += 1;
                assert_eq!(group.map(|g| &g["hits"]), Some(&own), "{query} in {file}");
            } else {
                assert!(group.is_none(), "{query} in {file}");
            }
        }
        assert!(expected > 1, "{query} is in several briefs");
        assert_eq!(found.len(), expected, "{query}");
    }
}

/// How many of the files' dumps hold an entry of `list` (entities or
/// sources) for which `is` holds.
fn briefs_with(home: &Home, files: &[String], list: &str, is: &dyn Fn(&Value) -> bool) -> usize {
    files
        .iter()
        .filter(|f| {
            let dump = home.json(&["dump", f]);
            dump[list].as_array().is_some_and(|a| a.iter().any(is))
        })
        .count()
}

fn entities_across(home: &Home, files: &[String]) {
    let rows = home.json(&["library", "entities", "김정은", "--json"]);
    let row = rows
        .as_array()
        .and_then(|r| r.iter().find(|r| r["name"] == "김정은"))
        .cloned();
    let row = row.expect("김정은 is in the index");
    let expected = briefs_with(home, files, "entities", &|e| e["name"] == "김정은");
    assert!(expected > 1);
    assert_eq!(row["briefs"].as_array().map(Vec::len), Some(expected));
    let passages = &row["briefs"][0]["passages"];
    assert!(
        passages[0].as_str().is_some_and(|p| p.contains("김정은")),
        "{passages}"
    );
    let all = home.ok(&["library", "entities"]);
    assert!(all.lines().any(|l| l.starts_with("김정은 (")), "{all}");
}

fn sources_across(home: &Home, files: &[String]) {
    let rows = home.json(&["library", "sources", "Chainalysis", "--json"]);
    let rows = rows.as_array().cloned().unwrap_or_default();
    assert!(!rows.is_empty());
    let title = rows[0]["title"].clone();
    let expected = briefs_with(home, files, "sources", &|s| s["title"] == title);
    assert!(expected >= 2, "the text and the PDF of one brief cite it");
    assert_eq!(rows[0]["briefs"].as_array().map(Vec::len), Some(expected));
    assert!(
        rows[0]["briefs"][0]["claims"]
            .as_array()
            .is_some_and(|c| !c.is_empty())
    );
}

/// Every note of the library in one export, in each format.
#[test]
#[cfg_attr(corpus_missing, ignore = "../shared/briefs is missing")]
fn every_note_of_the_library_in_one_export() {
    let home = Home::new();
    let dir = common::corpus::dir();
    let names = common::corpus::names();
    let files: Vec<String> = names
        .iter()
        .map(|n| dir.join(format!("{n}.txt")).display().to_string())
        .collect();
    let mut args = vec!["library", "add"];
    args.extend(files.iter().map(String::as_str));
    home.ok(&args);
    let noted = [&files[0], &files[3]];
    let mut quotes = Vec::new();
    for (i, file) in noted.iter().enumerate() {
        let quote = quote_of(&home, file);
        let notes = home.path(&format!("notes{i}.json"));
        let body = annotation(&quote, &format!("note {i} #제재"));
        std::fs::write(&notes, body.to_string()).expect("write the notes");
        home.ok(&[
            "annotations",
            "import",
            &notes.display().to_string(),
            "--brief",
            file,
        ]);
        quotes.push(quote);
    }
    let md = home.ok(&["annotations", "export", "--library", "--format", "md"]);
    for (q, file) in quotes.iter().zip(noted) {
        let title = home.json(&["dump", file])["meta"]["title"].clone();
        assert!(
            md.contains(&format!("# {}", title.as_str().unwrap_or("?"))),
            "{md}"
        );
        assert!(md.contains(q.as_str()), "{md}");
    }
    let csv = home.ok(&["annotations", "export", "--library", "--format", "csv"]);
    let lines: Vec<&str> = csv.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(lines.len(), 3, "one header, two rows: {csv}");
    assert!(quotes.iter().all(|q| csv.contains(q.as_str())));
    let w3c = home.json(&["annotations", "export", "--library", "--format", "w3c"]);
    assert_eq!(w3c["type"], "AnnotationCollection");
    assert_eq!(w3c["total"], 2);
    let items = w3c["first"]["items"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let sources: Vec<&str> = items
        .iter()
        .filter_map(|a| a["target"]["source"].as_str())
        .collect();
    assert_eq!(sources.len(), 2);
    assert_ne!(sources[0], sources[1], "each note keeps its brief");
    let list = home.json(&["library", "list", "--json"]);
    let counted: Vec<i64> = list
        .as_array()
        .map(|l| l.iter().filter_map(|e| e["notes"].as_i64()).collect())
        .unwrap_or_default();
    assert_eq!(counted.iter().sum::<i64>(), 2);
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
            Command::new(env!("CARGO_BIN_EXE_brief"))
                .args(["library", "add", &f.display().to_string()])
                .env("XDG_DATA_HOME", home.path("data"))
                .env("XDG_CACHE_HOME", home.path("cache"))
                .env_remove("BRIEF_DATA_DIR")
                .env_remove("BRIEF_CACHE_DIR")
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
