//! What `brief library …` prints for a person, in the interface language (the JSON output is
//! a schema and stays as it is).

use std::fmt::Display;

use crate::i18n::text;
use crate::library::{Entry, LibraryError};

/// The message `key` of the library's section.
pub(super) fn say(key: &str, args: &[(&str, &dyn Display)]) -> String {
    text(&format!("library_cli.{key}"), args)
}

/// A library error, in one line.
pub(super) fn error(e: &LibraryError) -> String {
    match e {
        LibraryError::Io { what, path, source } => {
            let what = text(doing(what), &[]);
            let error = crate::i18n::io_reason(crate::i18n::current(), source);
            say("io", &[("path", path), ("what", &what), ("error", &error)])
        }
        LibraryError::Catalog { path, reason } => {
            say("catalog_damaged", &[("path", path), ("reason", reason)])
        }
        LibraryError::NotFound(id) => say("not_found", &[("id", id)]),
        LibraryError::Load(why) => why.clone(),
    }
}

/// The catalogue key of what the library was doing when the file system failed.
fn doing(what: &str) -> &'static str {
    match what {
        "read the catalog" => "library_cli.doing_read_catalog",
        "make the library's folder" => "library_cli.doing_make_folder",
        "lock the catalog" => "library_cli.doing_lock_catalog",
        "write the catalog" => "library_cli.doing_write_catalog",
        "write the brief" => "library_cli.doing_write_brief",
        _ => "library_cli.doing_read_brief",
    }
}

/// An entry on one line: series and number, date, title, authors, institute, pages.
pub(super) fn line(e: &Entry) -> String {
    let m = &e.meta;
    let mut out = format!("{} {} · {} · {}", m.series, m.number, m.date, m.title);
    if !m.author.is_empty() {
        out += &format!(" · {}", m.author);
    }
    if !m.institute.is_empty() {
        out += &format!(" · {}", m.institute);
    }
    if let Some(p) = m.pages {
        out += &format!(" · {}", say("pages", &[("pages", &p)]));
    }
    out
}

/// An entity's kind (`person`, `state` …) named in the interface language.
pub(super) fn kind(kind: &str) -> String {
    crate::app::panes::KIND_LABELS
        .iter()
        .find(|(k, _)| *k == kind)
        .map_or_else(|| kind.to_owned(), |(_, key)| text(key, &[]))
}

/// Footnote numbers as a reader writes them: `1, 4, 7`.
pub(super) fn numbers(list: &[u32]) -> String {
    let shown: Vec<String> = list.iter().map(u32::to_string).collect();
    shown.join(", ")
}
