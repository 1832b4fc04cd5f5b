//! The loop's side of the export dialog and the citation key: the file is written here with
//! the functions `brief annotations export` prints with, and the clipboard's escape sequence
//! goes to the terminal from here, never from `update`.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::app::App;
use crate::app::export::{Format, Outcome, Request};
use crate::app::notes::brief_key;
use crate::cli::annotations::{Context, NotesFormat, Options, render};
use crate::i18n::tr;

/// The annotations of `app` in `format`, exactly as `brief annotations export` prints them
/// (with `--bibliography` when `bibliography`).
pub fn exported_text(app: &App, format: Format, bibliography: bool) -> String {
    let (format, bom) = match format {
        Format::Markdown => (NotesFormat::Markdown, false),
        Format::Csv => (NotesFormat::Csv, false),
        Format::CsvBom => (NotesFormat::Csv, true),
        Format::Html => (NotesFormat::Html, false),
        Format::W3c => (NotesFormat::W3c, false),
    };
    let ctx = Context {
        index: app.index(),
        notes: app.notes(),
        lang: app.lang(),
    };
    let options = Options {
        format,
        bibliography,
        bom,
    };
    let key = brief_key(&app.index().brief.meta.number);
    render(&ctx, &app.notes().list, &key, options)
}

/// Run an export the dialog asked for, and tell the app what came of it.
pub fn run_export(app: &mut App, request: &Request) {
    let outcome = write_export(app, request);
    app.export_done(outcome);
}

fn write_export(app: &App, request: &Request) -> Outcome {
    let lang = app.lang();
    let path = match absolute(&request.path) {
        Ok(p) => p,
        Err(e) => return Outcome::Failed(reason(lang, &request.path, &e)),
    };
    if path.is_dir() {
        let e = io::Error::from(io::ErrorKind::IsADirectory);
        return Outcome::Failed(reason(lang, &path, &e));
    }
    if !request.overwrite && std::fs::symlink_metadata(&path).is_ok() {
        return Outcome::Exists(path);
    }
    let text = exported_text(app, request.format, request.bibliography);
    match write_atomically(&path, text.as_bytes(), request.overwrite) {
        Ok(()) => Outcome::Written(path),
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Outcome::Exists(path),
        Err(e) => Outcome::Failed(reason(lang, &path, &e)),
    }
}

/// `path` made absolute against the working folder, `~/` standing for the home folder.
fn absolute(path: &Path) -> io::Result<PathBuf> {
    let home = std::env::var_os("HOME").map(PathBuf::from);
    let expanded = match (path.strip_prefix("~"), home) {
        (Ok(rest), Some(home)) => home.join(rest),
        _ => path.to_path_buf(),
    };
    std::path::absolute(expanded)
}

/// A new file next to `path`, written and synced, then renamed onto it: a reader of `path`
/// sees the old file or the whole new one. Without `overwrite`, an existing file is left
/// alone (`AlreadyExists`), even one that appeared while writing.
fn write_atomically(path: &Path, bytes: &[u8], overwrite: bool) -> io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let mut file = tempfile::Builder::new()
        .prefix(".brief-export-")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    file.write_all(bytes)?;
    file.as_file().sync_all()?;
    let persisted = if overwrite {
        file.persist(path)
    } else {
        file.persist_noclobber(path)
    };
    persisted.map(|_| ()).map_err(|e| e.error)
}

/// Why a file could not be written, one line in the interface's language.
fn reason(lang: crate::i18n::Lang, path: &Path, e: &io::Error) -> String {
    let why = match e.kind() {
        io::ErrorKind::PermissionDenied => tr(lang, "export_dialog.permission_denied", &[]),
        io::ErrorKind::NotFound => tr(lang, "export_dialog.no_folder", &[]),
        io::ErrorKind::IsADirectory => tr(lang, "export_dialog.is_folder", &[]),
        io::ErrorKind::ReadOnlyFilesystem => tr(lang, "export_dialog.read_only", &[]),
        io::ErrorKind::StorageFull => tr(lang, "export_dialog.disk_full", &[]),
        _ => e.to_string(),
    };
    format!("{}: {why}", path.display())
}

/// The bytes that put `text` on the clipboard: OSC 52, and inside tmux (`in_tmux`) both the
/// plain sequence (taken by tmux when its `set-clipboard` is on) and the passthrough-wrapped
/// one (reaching the outer terminal when `allow-passthrough` is on).
pub fn clipboard_bytes(text: &str, in_tmux: bool) -> Option<String> {
    let plain = crate::text::osc52::copy(text, false)?;
    if !in_tmux {
        return Some(plain);
    }
    let wrapped = crate::text::osc52::copy(text, true)?;
    Some(plain + &wrapped)
}

/// Send `text` to the clipboard through the terminal.
pub(super) fn copy(out: &mut impl Write, text: &str) -> io::Result<()> {
    let in_tmux = std::env::var_os("TMUX").is_some();
    if let Some(bytes) = clipboard_bytes(text, in_tmux) {
        out.write_all(bytes.as_bytes())?;
        out.flush()?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn never_replaces_a_file_unless_told() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("notes.md");
        write_atomically(&path, b"first", false).expect("a new file");
        let again = write_atomically(&path, b"second", false);
        assert_eq!(
            again.map_err(|e| e.kind()),
            Err(io::ErrorKind::AlreadyExists)
        );
        assert_eq!(std::fs::read(&path).ok().as_deref(), Some(&b"first"[..]));
        write_atomically(&path, b"second", true).expect("replaced when told");
        assert_eq!(std::fs::read(&path).ok().as_deref(), Some(&b"second"[..]));
        let left: Vec<_> = std::fs::read_dir(dir.path())
            .expect("listing")
            .flatten()
            .map(|e| e.file_name())
            .collect();
        assert_eq!(left.len(), 1, "no temporary file is left: {left:?}");
    }

    #[test]
    fn inside_tmux_both_sequences_are_sent() {
        let plain = clipboard_bytes("hi", false).expect("short text");
        assert_eq!(plain, "\u{1b}]52;c;aGk=\u{7}");
        let tmux = clipboard_bytes("hi", true).expect("short text");
        assert!(tmux.starts_with(&plain), "{tmux:?}");
        assert!(tmux.ends_with("\u{1b}Ptmux;\u{1b}\u{1b}]52;c;aGk=\u{7}\u{1b}\\"));
    }
}
