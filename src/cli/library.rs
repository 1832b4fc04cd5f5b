//! `brief library …`: add, list, open and remove briefs of the library;
//! search, entities and sources across it; every note of it at once.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Subcommand;
use serde::Serialize;

use super::library_text::{kind, line, numbers, say};
use crate::library::search::LibrarySearch;
use crate::library::{Entry, Library, LibraryError, Reimport, indexes};

/// What to do with the library.
#[derive(Subcommand, Debug)]
pub enum LibraryCommand {
    /// Add briefs (text, dump JSON or PDF) to the library.
    Add {
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// List the library's briefs (`brief library` alone, on a terminal, opens the library screen).
    List {
        /// Print the list as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Open a brief of the library in the reader (by id or a unique start of it).
    Open { id: String },
    /// Remove a brief from the library (its annotations are kept).
    Remove { id: String },
    /// Every entity across the library with the briefs mentioning it, or those matching NAME.
    Entities {
        name: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Every source across the library with the briefs citing it, or those matching QUERY.
    Sources {
        query: Option<String>,
        #[arg(long)]
        json: bool,
    },
}

fn fail(e: &LibraryError) -> ExitCode {
    let what = super::library_text::error(e);
    let said = crate::i18n::text("cli.error", &[("what", &what)]);
    eprintln!("{}", crate::text::sanitize_line(&said));
    ExitCode::from(2)
}

/// Write `text` to standard output; a closed pipe is not an error.
pub(super) fn print(text: &str) -> ExitCode {
    match std::io::stdout().lock().write_all(text.as_bytes()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            let error = crate::i18n::io_reason(crate::i18n::current(), &e);
            let what = crate::i18n::text("cli.write_failed", &[("error", &error)]);
            eprintln!("{}", crate::i18n::text("cli.error", &[("what", &what)]));
            ExitCode::from(1)
        }
    }
}

fn json(value: &impl Serialize) -> String {
    serde_json::to_string_pretty(value).unwrap_or_default() + "\n"
}

/// Run a library command (`None`: list).
pub fn run(
    command: Option<&LibraryCommand>,
    annotations: Option<&std::path::Path>,
    settings: &super::Settings,
) -> ExitCode {
    let library = Library::default_place();
    let result = match command {
        None if std::io::stdout().is_terminal() => return super::library_screen::open(library),
        None => list(&library, false),
        Some(LibraryCommand::Add { files }) => return add(&library, files),
        Some(LibraryCommand::List { json }) => list(&library, *json),
        Some(LibraryCommand::Open { id }) => return open(&library, id, annotations, settings),
        Some(LibraryCommand::Remove { id }) => library
            .remove(id)
            .map(|e| say("removed", &[("id", &e.id), ("title", &e.meta.title)]) + "\n"),
        Some(LibraryCommand::Entities { name, json }) => entities(&library, name.as_deref(), *json),
        Some(LibraryCommand::Sources { query, json }) => sources(&library, query.as_deref(), *json),
    };
    match result {
        Ok(text) => print(&crate::text::sanitize(&text)),
        Err(e) => fail(&e),
    }
}

fn add(library: &Library, files: &[PathBuf]) -> ExitCode {
    let results = match library.add(files) {
        Ok(r) => r,
        Err(e) => return fail(&e),
    };
    let mut code = ExitCode::SUCCESS;
    for (file, result) in files.iter().zip(results) {
        match result {
            Ok((e, true)) => {
                let said = say("added", &[("id", &e.id), ("line", &line(&e))]);
                println!("{}", crate::text::sanitize_line(&said));
            }
            Ok((e, false)) => {
                let file = file.display();
                let said = say("already", &[("file", &file), ("id", &e.id)]);
                println!("{}", crate::text::sanitize_line(&said));
            }
            Err(e) => {
                code = fail(&e);
            }
        }
    }
    code
}

/// A brief as `list --json` prints it.
#[derive(Serialize)]
struct Listed<'a> {
    #[serde(flatten)]
    entry: &'a Entry,
    notes: usize,
}

/// How many annotations a brief of the library has.
fn note_count(e: &Entry) -> usize {
    let key = e.notes_key();
    let path = crate::notes::default_path(&key);
    if !path.exists() {
        return 0;
    }
    crate::notes::NoteStore::open_read_only(&path, &key)
        .map_or(0, |(mut store, _)| store.take_annotations().len())
}

fn list(library: &Library, as_json: bool) -> Result<String, LibraryError> {
    let catalog = library.catalog()?;
    if as_json {
        let listed: Vec<Listed> = catalog
            .briefs
            .iter()
            .map(|entry| Listed {
                entry,
                notes: note_count(entry),
            })
            .collect();
        return Ok(json(&listed));
    }
    if catalog.briefs.is_empty() {
        return Ok(say("empty", &[]) + "\n");
    }
    let mut out = String::new();
    for e in &catalog.briefs {
        let args: [(&str, &dyn std::fmt::Display); 3] =
            [("id", &e.id), ("line", &line(e)), ("notes", &note_count(e))];
        out += &(say("listed", &args) + "\n");
    }
    Ok(out)
}

fn open(
    library: &Library,
    id: &str,
    annotations: Option<&std::path::Path>,
    settings: &super::Settings,
) -> ExitCode {
    let opened = match library.open(id) {
        Ok(o) => o,
        Err(e) => return fail(&e),
    };
    let said = match (opened.reimported, opened.original_missing) {
        (Some(Reimport::FileChanged), _) => "reimported_file",
        (Some(Reimport::ImporterChanged), _) => "reimported_importer",
        (None, true) => "original_gone",
        (None, false) => "",
    };
    if !said.is_empty() {
        let what = say(said, &[]);
        eprintln!("{}", crate::i18n::text("cli.error", &[("what", &what)]));
    }
    super::read_brief(opened.brief, annotations, settings)
}

/// `brief search --library QUERY [--json]`: hits grouped by brief.
pub fn search(query: &str, as_json: bool) -> ExitCode {
    let mut search = LibrarySearch::default();
    if let Err(e) = Library::default_place().each(|entry, brief| search.add(&entry, &brief)) {
        return fail(&e);
    }
    let found = search.find(query);
    if as_json {
        return print(&json(&found));
    }
    let mut out = String::new();
    for b in &found {
        let args: [(&str, &dyn std::fmt::Display); 4] = [
            ("id", &b.id),
            ("number", &b.number),
            ("title", &b.title),
            ("count", &b.hits.len()),
        ];
        out += &(say("search_brief", &args) + "\n");
        for h in &b.hits {
            let at = crate::ui::hit_place(h, crate::i18n::current());
            out += &format!("  {at}: {}\n", h.snippet.replace('\n', " "));
        }
    }
    if found.is_empty() {
        out = say("search_none", &[]) + "\n";
    }
    print(&crate::text::sanitize(&out))
}

fn entities(library: &Library, name: Option<&str>, as_json: bool) -> Result<String, LibraryError> {
    let rows = indexes::entities(&library.briefs()?, name);
    if as_json {
        return Ok(json(&rows));
    }
    let mut out = String::new();
    for r in &rows {
        let mentions: usize = r.briefs.iter().map(|b| b.mentions).sum();
        let args: [(&str, &dyn std::fmt::Display); 4] = [
            ("name", &r.name),
            ("kind", &kind(&r.kind)),
            ("briefs", &r.briefs.len()),
            ("mentions", &mentions),
        ];
        out += &(say("entity", &args) + "\n");
        if name.is_some() {
            for b in &r.briefs {
                let args: [(&str, &dyn std::fmt::Display); 4] = [
                    ("id", &b.brief.id),
                    ("number", &b.brief.number),
                    ("title", &b.brief.title),
                    ("mentions", &b.mentions),
                ];
                out += &format!("  {}\n", say("entity_brief", &args));
                for p in &b.passages {
                    out += &format!("    {p}\n");
                }
            }
        }
    }
    Ok(none_found(out, "entity_none", name))
}

fn sources(library: &Library, query: Option<&str>, as_json: bool) -> Result<String, LibraryError> {
    let rows = indexes::sources(&library.briefs()?, query);
    if as_json {
        return Ok(json(&rows));
    }
    let mut out = String::new();
    for r in &rows {
        let date = r.date.as_deref().unwrap_or("");
        let what = [r.outlet.as_str(), r.title.as_str(), date]
            .into_iter()
            .filter(|p| !p.trim().is_empty())
            .collect::<Vec<_>>()
            .join(" · ");
        let args: [(&str, &dyn std::fmt::Display); 2] =
            [("what", &what), ("briefs", &r.briefs.len())];
        out += &(say("source", &args) + "\n");
        for b in &r.briefs {
            let args: [(&str, &dyn std::fmt::Display); 4] = [
                ("id", &b.brief.id),
                ("number", &b.brief.number),
                ("title", &b.brief.title),
                ("footnotes", &numbers(&b.footnotes)),
            ];
            let key = if b.footnotes.is_empty() {
                "source_brief_bare"
            } else {
                "source_brief"
            };
            out += &format!("  {}\n", say(key, &args));
            for c in &b.claims {
                out += &format!("    {c}\n");
            }
        }
    }
    Ok(none_found(out, "source_none", query))
}

/// `out`, or the line saying nothing of the library matches `query`.
fn none_found(out: String, key: &str, query: Option<&str>) -> String {
    match query {
        Some(q) if out.is_empty() => say(key, &[("query", &q)]) + "\n",
        _ => out,
    }
}

/// One brief's annotations, re-anchored on its text, in `format`; `None`
/// when it has none.
fn brief_notes(
    entry: &Entry,
    brief: crate::brief::Brief,
    options: super::annotations::Options,
) -> Option<String> {
    let key = entry.notes_key();
    let path = crate::notes::default_path(&key);
    if !path.exists() {
        return None;
    }
    let (mut store, notices) = crate::notes::NoteStore::open_read_only(&path, &key).ok()?;
    for n in notices {
        eprintln!("brief: {}", crate::text::sanitize_line(&n.to_string()));
    }
    let mut list = store.take_annotations();
    if list.is_empty() {
        return None;
    }
    let index = crate::brief::Index::new(brief);
    let notes = crate::app::notes::Notes::new(&index);
    crate::notes::reanchor_all(&mut list, &notes.document);
    let ctx = super::annotations::Context {
        index: &index,
        notes: &notes,
        lang: crate::i18n::current(),
    };
    Some(super::annotations::render(&ctx, &list, &key, options))
}

/// `brief annotations export --library`: the annotations of every brief of
/// the library in one document (Markdown: one part per brief; CSV: one
/// header; W3C: one collection whose items keep each brief as their source).
pub(super) fn export_notes(options: super::annotations::Options) -> ExitCode {
    use super::annotations::NotesFormat;
    let briefs = match Library::default_place().briefs() {
        Ok(b) => b,
        Err(e) => return fail(&e),
    };
    let parts: Vec<String> = briefs
        .into_iter()
        .filter_map(|(entry, brief)| brief_notes(&entry, brief, options))
        .collect();
    let out = match options.format {
        NotesFormat::Markdown => parts.join("\n"),
        NotesFormat::Csv => csv_in_one(&parts),
        NotesFormat::W3c => json(&w3c_in_one(&parts)),
        NotesFormat::Html => html_in_one(&parts),
    };
    print(&out)
}

/// HTML exports as one document: the first one's head, every one's body.
fn html_in_one(parts: &[String]) -> String {
    const OPEN: &str = "<body>\n";
    const CLOSE: &str = "</body>\n</html>\n";
    let mut out = String::new();
    for (i, part) in parts.iter().enumerate() {
        let body_at = if i == 0 {
            0
        } else {
            part.find(OPEN).map_or(0, |at| at + OPEN.len())
        };
        out += part[body_at..]
            .strip_suffix(CLOSE)
            .unwrap_or(&part[body_at..]);
    }
    if !parts.is_empty() {
        out += CLOSE;
    }
    out
}

/// CSV exports as one: the first one's header, every one's rows.
fn csv_in_one(parts: &[String]) -> String {
    let mut out = String::new();
    for (i, part) in parts.iter().enumerate() {
        let rows = if i == 0 {
            part.as_str()
        } else {
            part.split_once("\r\n").map_or("", |(_, rows)| rows)
        };
        out += rows;
    }
    out
}

/// W3C collections as one collection of every annotation.
fn w3c_in_one(parts: &[String]) -> serde_json::Value {
    let items: Vec<serde_json::Value> = parts
        .iter()
        .filter_map(|p| serde_json::from_str::<serde_json::Value>(p).ok())
        .filter_map(|mut c| Some(c.get_mut("first")?.get_mut("items")?.take()))
        .flat_map(|items| match items {
            serde_json::Value::Array(a) => a,
            _ => Vec::new(),
        })
        .collect();
    serde_json::json!({
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "id": crate::notes::model::name_id("brief-notes-collection:library"),
        "type": "AnnotationCollection",
        "label": "brief library",
        "total": items.len(),
        "first": {
            "id": crate::notes::model::name_id("brief-notes-page:library:0"),
            "type": "AnnotationPage",
            "startIndex": 0,
            "items": items,
        },
    })
}
