//! The corpus in a library, end to end: every text and PDF of
//! `../shared/briefs` added, listed, searched across, indexed, removed, and
//! every note exported at once.

// The corpus helpers this test does not call are used by others.
#[allow(dead_code)]
mod common;

use common::home::Home;
use serde_json::Value;

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
    // For a person: one line per hit, each saying where it is without a paragraph id.
    let lines = home.ok(&["search", "--library", "북한", "--lang", "ko"]);
    let hits: Vec<&str> = lines.lines().filter(|l| l.starts_with("  ")).collect();
    let total: usize = home
        .json(&["search", "--library", "북한", "--json"])
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|g| g["hits"].as_array().map(Vec::len))
        .sum();
    assert_eq!(hits.len(), total, "{lines}");
    for hit in hits {
        let place = hit.trim_start().split(':').next().unwrap_or_default();
        let id_like = place.len() > 1
            && place.starts_with(['p', 's'])
            && place[1..].bytes().all(|b| b.is_ascii_digit());
        assert!(!id_like, "an internal id: {hit}");
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
    let none = home.ok(&["library", "entities", "없는이름", "--lang", "en"]);
    assert_eq!(none.trim(), "no entity of the library matches 없는이름");
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
    // A brief citing one source in two places is listed once, with both.
    let all = home.json(&["library", "sources", "--json"]);
    for row in all.as_array().into_iter().flatten() {
        let mut ids: Vec<&str> = row["briefs"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|b| b["brief"]["id"].as_str())
            .collect();
        let listed = ids.len();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), listed, "a brief listed twice: {row}");
    }
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
        let title = title.as_str().unwrap_or("?");
        assert!(
            md.lines().any(|l| l.starts_with("# ") && l.contains(title)),
            "a part headed by {title}: {md}"
        );
        assert!(md.contains(q.as_str()), "{md}");
    }
    let csv = home.ok(&["annotations", "export", "--library", "--format", "csv"]);
    let lines: Vec<&str> = csv.split("\r\n").filter(|l| !l.is_empty()).collect();
    assert_eq!(lines.len(), 3, "one header, two rows: {csv}");
    assert!(quotes.iter().all(|q| csv.contains(q.as_str())));
    let html = home.ok(&["annotations", "export", "--library", "--format", "html"]);
    assert_eq!(html.matches("<body>").count(), 1, "one document: {html}");
    assert_eq!(html.matches("</html>").count(), 1, "one document: {html}");
    assert!(quotes.iter().all(|q| html.contains(q.as_str())), "{html}");
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
