//! `brief annotations export|import`: the annotations of a brief as W3C Web
//! Annotation JSON-LD, Markdown or Readwise CSV, and merging W3C JSON in.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Subcommand, ValueEnum};

use crate::app::notes::{Notes, brief_key};
use crate::brief::Index;
use crate::i18n::text;
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
            .map_or_else(|| text("cli.summary", &[]), |s| s.heading())
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
    super::fail_with(2, &what.to_string())
}

/// Run an annotations command.
pub fn run(
    command: &AnnotationsCommand,
    overlay: Option<&Path>,
    explicit: Option<&Path>,
) -> ExitCode {
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
        let what = crate::text::sanitize_line(&n.to_string());
        eprintln!("{}", text("cli.error", &[("what", &what)]));
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
    let m = &index.brief.meta;
    let url = format!("urn:brief:{key}");
    let out = match format {
        NotesFormat::W3c => {
            serde_json::to_string_pretty(&to_w3c(list, key, &m.title, &url)).unwrap_or_default()
                + "\n"
        }
        NotesFormat::Csv => {
            to_csv_paged(list, &m.title, &m.author, &url, &Context { index, notes })
        }
        NotesFormat::Markdown => to_markdown(list, &m.title, &Context { index, notes }),
    };
    match std::io::stdout().lock().write_all(out.as_bytes()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => fail(text("cli.write_failed", &[("error", &e)])),
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
    let content = match std::fs::read_to_string(input) {
        Ok(t) => t,
        Err(e) => {
            return fail(text("cli.read_failed", &[("name", &name), ("error", &e)]));
        }
    };
    let value: serde_json::Value = match serde_json::from_str(&content) {
        Ok(v) => v,
        Err(e) => {
            let (line, column) = (e.line(), e.column());
            let args: [(&str, &dyn std::fmt::Display); 4] = [
                ("name", &name),
                ("line", &line),
                ("column", &column),
                ("error", &e),
            ];
            return fail(text("cli.bad_json", &args));
        }
    };
    let foreign = ours
        .map(|ours| foreign_sources(&value, ours))
        .unwrap_or_default();
    if !foreign.is_empty() {
        let sources = foreign.join(", ");
        return fail(text(
            "cli.foreign",
            &[("name", &name), ("sources", &sources)],
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
    let path = store.path().display();
    let args: [(&str, &dyn std::fmt::Display); 2] = [("count", &added), ("path", &path)];
    println!("{}", text("cli.imported", &args));
    ExitCode::SUCCESS
}
