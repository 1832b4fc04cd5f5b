//! `brief annotations export|import`: the annotations of a brief as W3C Web
//! Annotation JSON-LD, Markdown or Readwise CSV, and merging W3C JSON in.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Subcommand, ValueEnum};

use crate::app::notes::{Notes, brief_key};
use crate::brief::Index;
use crate::notes::{
    NoteStore, PassageContext, foreign_sources, from_w3c, merge, reanchor_all, to_csv_paged,
    to_markdown, to_w3c,
};

/// What to do with annotations.
#[derive(Subcommand, Debug)]
pub enum AnnotationsCommand {
    /// Print every annotation of a brief (default: the built-in brief).
    Export {
        file: Option<PathBuf>,
        #[arg(long, value_enum, default_value_t = NotesFormat::W3c)]
        format: NotesFormat,
        /// Export the annotations of every brief of the library at once.
        #[arg(long, conflicts_with = "file")]
        library: bool,
    },
    /// Merge a W3C Web Annotation JSON file into a brief's annotations, without duplicates.
    Import {
        /// The W3C JSON (an AnnotationCollection, a page, an array or one Annotation).
        input: PathBuf,
        /// The brief the annotations belong to (default: the built-in brief).
        #[arg(long)]
        brief: Option<PathBuf>,
        /// Import even annotations made on another brief (they are re-anchored by their quotes).
        #[arg(long)]
        any_brief: bool,
    },
}

/// Export formats.
#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
pub enum NotesFormat {
    W3c,
    #[value(alias = "md")]
    Markdown,
    Csv,
}

/// The brief's sections and sources around a document range, for Markdown.
struct Context<'a> {
    index: &'a Index,
    notes: &'a Notes,
}

impl PassageContext for Context<'_> {
    fn section_title(&self, pos: usize) -> String {
        let (order, _) = self.notes.locate(pos);
        let id = &self
            .index
            .at(self.index.order()[order.min(self.index.order().len() - 1)])
            .id;
        self.index
            .section_of(id)
            .map_or("요약".to_string(), |s| s.heading())
    }

    fn page(&self, pos: usize) -> Option<u32> {
        let (order, _) = self.notes.locate(pos);
        let place = *self.index.order().get(order)?;
        self.index.at(place).pages.map(|(first, _)| first)
    }

    fn sources_for(&self, start: usize, end: usize) -> Vec<String> {
        let (first, from) = self.notes.locate(start);
        let (last, to) = self.notes.locate(end.saturating_sub(1));
        let mut out = Vec::new();
        for order in first..=last {
            let p = self.index.at(self.index.order()[order]);
            let lo = if order == first { from } else { 0 };
            let hi = if order == last { to + 1 } else { usize::MAX };
            for m in p
                .markers
                .iter()
                .filter(|m| m.at > lo && m.at <= hi.saturating_add(1))
            {
                for s in self.index.sources_of_footnote(m.footnote) {
                    let line = format!(
                        "[{}] {}, {}, {}",
                        m.footnote,
                        s.title,
                        s.outlet,
                        s.date.clone().unwrap_or_default()
                    );
                    if !out.contains(&line) {
                        out.push(line);
                    }
                }
            }
        }
        out
    }
}

fn fail(what: impl std::fmt::Display) -> ExitCode {
    eprintln!("brief: {}", crate::text::sanitize_line(&what.to_string()));
    ExitCode::from(2)
}

/// Run an annotations command.
pub fn run(
    command: &AnnotationsCommand,
    overlay: Option<&Path>,
    explicit: Option<&Path>,
) -> ExitCode {
    if let AnnotationsCommand::Export {
        format,
        library: true,
        ..
    } = command
    {
        return super::library::export_notes(*format);
    }
    let file = match command {
        AnnotationsCommand::Export { file, .. } => file.as_deref(),
        AnnotationsCommand::Import { brief, .. } => brief.as_deref(),
    };
    let brief = match super::load_brief(file, overlay) {
        Ok(b) => b,
        Err(e) => return super::report(&e),
    };
    let index = Index::new(brief);
    let number = index.brief.meta.number.clone();
    let key = brief_key(&number);
    let path = super::notes_path(&number, explicit);
    let opened = match command {
        AnnotationsCommand::Export { .. } => NoteStore::open_read_only(&path, &key),
        AnnotationsCommand::Import { .. } => NoteStore::open(&path, &key),
    };
    let (mut store, notices) = match opened {
        Ok(s) => s,
        Err(e) => return fail(e),
    };
    for n in notices {
        eprintln!("brief: {}", crate::text::sanitize_line(&n.to_string()));
    }
    let notes = Notes::new(&index);
    let mut list = store.take_annotations();
    reanchor_all(&mut list, &notes.document);
    match command {
        AnnotationsCommand::Export { format, .. } => export(&index, &notes, &list, &key, *format),
        AnnotationsCommand::Import {
            input, any_brief, ..
        } => {
            let ours = (!*any_brief).then(|| format!("urn:brief:{key}"));
            import(
                &mut store,
                &mut list,
                input,
                &notes.document,
                ours.as_deref(),
            )
        }
    }
}

fn export(
    index: &Index,
    notes: &Notes,
    list: &[crate::notes::Annotation],
    key: &str,
    format: NotesFormat,
) -> ExitCode {
    super::library::print(&render(index, notes, list, key, format))
}

/// A brief's annotations in an export format.
pub(super) fn render(
    index: &Index,
    notes: &Notes,
    list: &[crate::notes::Annotation],
    key: &str,
    format: NotesFormat,
) -> String {
    let m = &index.brief.meta;
    let url = format!("urn:brief:{key}");
    match format {
        NotesFormat::W3c => {
            serde_json::to_string_pretty(&to_w3c(list, key, &m.title, &url)).unwrap_or_default()
                + "\n"
        }
        NotesFormat::Csv => {
            to_csv_paged(list, &m.title, &m.author, &url, &Context { index, notes })
        }
        NotesFormat::Markdown => to_markdown(list, &m.title, &Context { index, notes }),
    }
}

fn import(
    store: &mut NoteStore,
    list: &mut Vec<crate::notes::Annotation>,
    input: &Path,
    document: &str,
    ours: Option<&str>,
) -> ExitCode {
    let name = input.display().to_string();
    let text = match std::fs::read_to_string(input) {
        Ok(t) => t,
        Err(e) => {
            return fail(format!(
                "{name}: cannot read the file: {e} (check the path)"
            ));
        }
    };
    let value: serde_json::Value = match serde_json::from_str(&text) {
        Ok(v) => v,
        Err(e) => {
            return fail(format!(
                "{name}:{}:{}: not valid JSON: {e} (fix the file or export it again)",
                e.line(),
                e.column()
            ));
        }
    };
    let foreign = ours
        .map(|ours| foreign_sources(&value, ours))
        .unwrap_or_default();
    if !foreign.is_empty() {
        return fail(format!(
            "{name}: holds annotations of another document ({}), not of this brief; check --brief, or pass --any-brief to import them anyway",
            foreign.join(", ")
        ));
    }
    let mut incoming = match from_w3c(&value) {
        Ok(a) => a,
        Err(e) => return fail(format!("{name}: {e}")),
    };
    reanchor_all(&mut incoming, document);
    let added = merge(list, incoming);
    if let Err(e) = store.save(list) {
        return fail(e);
    }
    println!(
        "imported {added} new annotation(s) into {}",
        store.path().display()
    );
    ExitCode::SUCCESS
}
