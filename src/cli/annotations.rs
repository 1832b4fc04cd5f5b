//! `brief annotations export|import`: the annotations of a brief as W3C Web
//! Annotation JSON-LD, Markdown or Readwise CSV, and merging W3C JSON in.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Subcommand, ValueEnum};

use crate::app::notes::{Notes, brief_key};
use crate::brief::Index;
use crate::i18n::text;
use crate::notes::{
    NoteStore, PassageContext, Report, foreign_sources, from_w3c, merge, reanchor_all, to_html,
    to_readwise_csv, to_report_markdown, to_w3c_paged,
};

/// What to do with annotations.
#[derive(Subcommand, Debug)]
pub enum AnnotationsCommand {
    /// Print every annotation of a brief (default: the built-in brief).
    Export {
        file: Option<PathBuf>,
        #[arg(long, value_enum, default_value_t = NotesFormat::W3c)]
        format: NotesFormat,
        /// Markdown and HTML: end with a bibliography of the sources the annotated passages cite.
        #[arg(long)]
        bibliography: bool,
        /// CSV: begin with a UTF-8 byte order mark, for Excel on Korean Windows.
        #[arg(long)]
        bom: bool,
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
    Html,
}

/// The brief's sections, pages, paragraphs and sources around a document range.
pub struct Context<'a> {
    pub index: &'a Index,
    pub notes: &'a Notes,
    pub lang: crate::i18n::Lang,
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

    fn paragraph(&self, pos: usize) -> Option<(usize, usize)> {
        let (order, _) = self.notes.locate(pos);
        let id = &self.index.at(*self.index.order().get(order)?).id;
        let in_section = match self.index.section_of(id) {
            Some(s) => s.paragraphs.iter().position(|p| &p.id == id)?,
            None => self.index.brief.summary.iter().position(|p| &p.id == id)?,
        };
        Some((in_section + 1, order + 1))
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
                    let line = source_line(m.footnote, s, self.lang);
                    if !out.contains(&line) {
                        out.push(line);
                    }
                }
            }
        }
        out
    }
}

/// `[14] 매체, “제목”, 2024. 11. 1., URL`: what a reader needs to find the source.
fn source_line(footnote: u32, s: &crate::brief::model::Source, lang: crate::i18n::Lang) -> String {
    let date = s.date.as_deref().map(|d| crate::notes::cite::date(d, lang));
    let title = Some(s.title.trim())
        .filter(|t| !t.is_empty())
        .map(|t| format!("“{t}”"));
    let fields: Vec<String> = [Some(s.outlet.trim().to_owned()), title, date, s.url.clone()]
        .into_iter()
        .flatten()
        .filter(|f| !f.is_empty())
        .collect();
    format!("[{footnote}] {}", fields.join(", "))
}

fn fail(what: impl std::fmt::Display) -> ExitCode {
    super::fail_with(2, &what.to_string())
}

/// Run an annotations command.
pub fn run(
    command: &AnnotationsCommand,
    overlay: Option<&Path>,
    explicit: Option<&Path>,
    lang: crate::i18n::Lang,
) -> ExitCode {
    if let AnnotationsCommand::Export {
        format,
        library: true,
        bibliography,
        bom,
        ..
    } = command
    {
        return super::library::export_notes(Options {
            format: *format,
            bibliography: *bibliography,
            bom: *bom,
        });
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
        let what = crate::text::sanitize_line(&n.to_string());
        eprintln!("{}", text("cli.error", &[("what", &what)]));
    }
    let notes = Notes::new(&index);
    let mut list = store.take_annotations();
    reanchor_all(&mut list, &notes.document);
    match command {
        AnnotationsCommand::Export {
            format,
            bibliography,
            bom,
            ..
        } => {
            let ctx = Context {
                index: &index,
                notes: &notes,
                lang,
            };
            let options = Options {
                format: *format,
                bibliography: *bibliography,
                bom: *bom,
            };
            export(&ctx, &list, &key, options)
        }
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

/// How to export: the format and its options.
#[derive(Clone, Copy)]
pub struct Options {
    pub format: NotesFormat,
    pub bibliography: bool,
    pub bom: bool,
}

fn export(ctx: &Context, list: &[crate::notes::Annotation], key: &str, o: Options) -> ExitCode {
    super::library::print(&render(ctx, list, key, o))
}

/// A brief's annotations in an export format.
pub fn render(ctx: &Context, list: &[crate::notes::Annotation], key: &str, o: Options) -> String {
    let m = &ctx.index.brief.meta;
    let url = format!("urn:brief:{key}");
    let report = Report {
        meta: m,
        lang: ctx.lang,
        url: &url,
        ctx,
        bibliography: o.bibliography,
    };
    match o.format {
        NotesFormat::W3c => {
            let page = |pos| ctx.page(pos);
            let value = to_w3c_paged(list, key, &m.title, &url, &page);
            serde_json::to_string_pretty(&value).unwrap_or_default() + "\n"
        }
        NotesFormat::Csv => to_readwise_csv(list, &report, o.bom),
        NotesFormat::Markdown => to_report_markdown(list, &report),
        NotesFormat::Html => to_html(list, &report),
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
            let error = crate::i18n::io_reason(crate::i18n::current(), &e);
            return fail(text(
                "cli.read_failed",
                &[("name", &name), ("error", &error)],
            ));
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
