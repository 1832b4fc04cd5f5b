//! The command line: `brief [FILE]`, `check`, `dump`, `search`.

pub mod annotations;
mod cite;
mod dump;
mod findings;
pub mod input;
mod library;
mod library_screen;
mod library_text;
mod localize;
mod parse_error;
mod settle;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{FromArgMatches, Parser, Subcommand, ValueEnum};

use crate::brief::load::{self, DEFAULT_NAME};
use crate::brief::overlay::Overlay;
use crate::brief::{Brief, Index, LoadError};
use crate::i18n::text;

pub use parse_error::report as parse_failed;
pub use settle::{Settings, settle};

/// A terminal reader for policy briefings.
#[derive(Parser, Debug)]
#[command(name = "brief", version, about, args_conflicts_with_subcommands = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// A brief to open: raw text or `brief dump --format json` output (default: the built-in brief).
    pub file: Option<PathBuf>,
    /// A curated overlay (entities, source corrections, recommendations) to use instead of the built-in one.
    #[arg(long, global = true)]
    pub overlay: Option<PathBuf>,
    /// The annotations file to use (default: $BRIEF_DATA_DIR or $XDG_DATA_HOME/brief/<brief>.json).
    #[arg(long, global = true)]
    pub annotations: Option<PathBuf>,
    /// The interface language: ko or en (default: the config file, then the locale).
    #[arg(long, global = true, value_parser = ["ko", "en"])]
    pub lang: Option<String>,
    /// The configuration file (default: $XDG_CONFIG_HOME/brief/config.toml).
    #[arg(long, global = true)]
    pub config: Option<PathBuf>,
}

/// Parse the command line with its help in the language [`settle`] chose.
pub fn parse(args: Vec<std::ffi::OsString>) -> Result<Cli, clap::Error> {
    let matches = localize::command().try_get_matches_from(args)?;
    Cli::from_arg_matches(&matches)
}

/// The subcommands.
#[derive(Subcommand, Debug)]
pub enum Command {
    /// Check a brief: what was found, and every warning (exit 0 clean, 1 with warnings, 2 unreadable).
    Check {
        file: Option<PathBuf>,
        /// List every join of a broken line or page with its decision (joined or spaced).
        #[arg(long)]
        joins: bool,
    },
    /// Print the brief as JSON (stable schema), plain text or Markdown.
    Dump {
        file: Option<PathBuf>,
        #[arg(long, value_enum, default_value_t = Format::Json)]
        format: Format,
    },
    /// Export or import annotations (W3C Web Annotation, Markdown, CSV).
    Annotations {
        #[command(subcommand)]
        action: annotations::AnnotationsCommand,
    },
    /// Print the citation of a passage, as research writing cites it.
    Cite {
        file: Option<PathBuf>,
        /// Cite this page (a brief with pages).
        #[arg(long, conflicts_with = "paragraph")]
        page: Option<u32>,
        /// Cite the page or section of this paragraph (its id, as in `brief search`).
        #[arg(long)]
        paragraph: Option<String>,
        /// Also copy the citation to the clipboard through the terminal (OSC 52).
        #[arg(long)]
        copy: bool,
    },
    /// Search the brief (Korean-aware: 북ㄹ, ㅂㄹ, NFD, aliases such as Lavrov).
    Search {
        /// `[FILE] QUERY`: the query, optionally preceded by a brief file.
        #[arg(required = true, num_args = 1..=2)]
        args: Vec<String>,
        /// Print the hits as JSON: [{paragraph, start, end, snippet}].
        #[arg(long)]
        json: bool,
        /// Search every brief of the library (`--library QUERY`), hits grouped by brief.
        #[arg(long)]
        library: bool,
    },
    /// The library of briefs: add, list, open, remove; entities and sources across it.
    Library {
        #[command(subcommand)]
        action: Option<library::LibraryCommand>,
    },
}

/// Output formats of `dump`.
#[derive(Clone, Copy, Debug, ValueEnum, PartialEq, Eq)]
pub enum Format {
    Json,
    Text,
    Markdown,
}

/// Load the brief named on the command line, or the built-in one, through
/// the import cache.
pub fn load_brief(file: Option<&Path>, overlay: Option<&Path>) -> Result<Brief, LoadError> {
    if file.is_none() && overlay.is_none() {
        return load::stored();
    }
    let (overlay_text, overlay_name) = overlay_source(overlay)?;
    let (bytes, name) = match file {
        Some(p) => (input::read(p, input::limit())?, p.display().to_string()),
        None => (
            load::DEFAULT_BRIEF.as_bytes().to_vec(),
            DEFAULT_NAME.to_string(),
        ),
    };
    let shown = crate::text::sanitize_line(&name);
    let size = bytes.len() / 1024;
    let what = text("cli.importing", &[("name", &shown), ("size", &size)]);
    let cache = crate::brief::cache::ImportCache::default_place();
    input::with_progress(&what, input::PROGRESS_AFTER, std::io::stderr(), || {
        load::load_cached(&bytes, &name, &overlay_text, &overlay_name, &cache)
    })
}

/// The overlay's text and name: `--overlay`, or the built-in one.
fn overlay_source(overlay: Option<&Path>) -> Result<(String, String), LoadError> {
    match overlay {
        Some(p) => {
            let name = p.display().to_string();
            let bytes = input::read(p, input::limit())?;
            Ok((load::decode(&bytes, &name)?.to_string(), name))
        }
        None => Ok((
            crate::brief::overlay::DEFAULT_OVERLAY.to_string(),
            "content/overlay.json".to_string(),
        )),
    }
}

/// Load a brief with what the importer repaired and doubted.
pub fn load_with_report(
    file: Option<&Path>,
    overlay: Option<&Path>,
) -> Result<(Brief, crate::brief::import::Report), LoadError> {
    let (overlay_text, overlay_name) = overlay_source(overlay)?;
    let overlay = Overlay::parse(&overlay_text, &overlay_name)?;
    let (bytes, name) = match file {
        Some(p) => (input::read(p, input::limit())?, p.display().to_string()),
        None => (
            load::DEFAULT_BRIEF.as_bytes().to_vec(),
            DEFAULT_NAME.to_string(),
        ),
    };
    let shown = crate::text::sanitize_line(&name);
    let size = bytes.len() / 1024;
    let what = text("cli.importing", &[("name", &shown), ("size", &size)]);
    input::with_progress(&what, input::PROGRESS_AFTER, std::io::stderr(), || {
        load::load(&bytes, &name, &overlay, &overlay_name)
    })
}

/// Print load problems, one clear line each, and give exit code 2.
pub fn report(err: &LoadError) -> ExitCode {
    let mut stderr = std::io::stderr().lock();
    for p in &err.problems {
        let what = crate::text::sanitize_line(&p.to_string());
        let _ = writeln!(stderr, "{}", text("cli.error", &[("what", &what)]));
    }
    ExitCode::from(2)
}

/// Run a non-interactive command; `None` means "open the reader".
pub fn run(cli: &Cli, settings: &Settings) -> Option<ExitCode> {
    let overlay = cli.overlay.as_deref();
    let command = cli.command.as_ref()?;
    let code = match command {
        Command::Check { file, joins } => check(file.as_deref(), overlay, *joins),
        Command::Dump { file, format } => {
            with_brief(file.as_deref(), overlay, |b| dump::print(&b, *format))
        }
        Command::Annotations { action } => {
            annotations::run(action, overlay, cli.annotations.as_deref(), settings.lang)
        }
        Command::Cite {
            file,
            page,
            paragraph,
            copy,
        } => {
            let target = cite::Target {
                page: *page,
                paragraph: paragraph.clone(),
                copy: *copy,
            };
            match load_brief(file.as_deref(), overlay) {
                Ok(b) => cite::run(&Index::new(b), &target, settings.lang),
                Err(e) => report(&e),
            }
        }
        Command::Library { action } => {
            library::run(action.as_ref(), cli.annotations.as_deref(), settings)
        }
        Command::Search {
            args,
            json,
            library: true,
        } => match args.as_slice() {
            [q] => library::search(q, *json),
            _ => {
                let what = text("cli.library_query_only", &[]);
                eprintln!("{}", text("cli.error", &[("what", &what)]));
                ExitCode::from(2)
            }
        },
        Command::Search { args, json, .. } => {
            let (file, query) = match args.as_slice() {
                [q] => (None, q.as_str()),
                [f, q] => (Some(Path::new(f.as_str())), q.as_str()),
                _ => return Some(ExitCode::from(2)),
            };
            with_brief(file, overlay, |b| {
                dump::search(&Index::new(b), query, *json)
            })
        }
    };
    Some(code)
}

fn with_brief(
    file: Option<&Path>,
    overlay: Option<&Path>,
    f: impl FnOnce(Brief) -> std::io::Result<()>,
) -> ExitCode {
    match load_brief(file, overlay) {
        Err(e) => report(&e),
        Ok(b) => match f(b) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
            Err(e) => {
                let error = crate::i18n::io_reason(crate::i18n::current(), &e);
                fail_with(1, &text("cli.write_failed", &[("error", &error)]))
            }
        },
    }
}

fn check(file: Option<&Path>, overlay: Option<&Path>, joins: bool) -> ExitCode {
    let (b, report) = match load_with_report(file, overlay) {
        Err(e) => return report(&e),
        Ok(loaded) => loaded,
    };
    let paragraphs = b.paragraphs().count();
    let warnings = report.warnings.len();
    let counts: [(&str, &dyn std::fmt::Display); 11] = [
        ("title", &b.meta.title),
        ("summary", &b.summary.len()),
        ("sections", &b.sections.len()),
        ("paragraphs", &paragraphs),
        ("footnotes", &b.footnotes.len()),
        ("sources", &b.sources.len()),
        ("entities", &b.entities.len()),
        ("claims", &b.claims.len()),
        ("unsourced", &b.unsourced_claims.len()),
        ("recommendations", &b.recommendations.len()),
        ("warnings", &warnings),
    ];
    let summary = match warnings {
        0 => "cli.check_ok",
        1 => "cli.check_warned_one",
        _ => "cli.check_warned",
    };
    println!("{}", text(summary, &counts));
    for line in findings::lines(&b) {
        println!("{line}");
    }
    if joins {
        print_joins(&report);
    }
    for w in &report.warnings {
        let what = crate::text::sanitize_line(&w.to_string());
        println!("{}", text("cli.warning", &[("what", &what)]));
    }
    if report.warnings.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

/// Every join decision, page breaks first, as `line: left|right -> joined`.
fn print_joins(report: &crate::brief::import::Report) {
    let kinds = [
        ("cli.join_page", &report.joins),
        ("cli.join_line", &report.line_joins),
    ];
    for (kind, joins) in kinds {
        let kind = text(kind, &[]);
        for j in joins {
            let decision = text(if j.spaced { "cli.spaced" } else { "cli.joined" }, &[]);
            let args: [(&str, &dyn std::fmt::Display); 6] = [
                ("kind", &kind),
                ("line", &j.line),
                ("left", &j.left),
                ("right", &j.right),
                ("joined", &j.joined()),
                ("decision", &decision),
            ];
            println!("{}", text("cli.join", &args));
        }
    }
    for f in &report.furniture {
        let args: [(&str, &dyn std::fmt::Display); 2] = [("line", &f.line), ("text", &f.text)];
        println!("{}", text("cli.furniture", &args));
    }
}

/// Open the reader on the brief named by the command line.
pub fn open_reader(cli: &Cli, settings: &Settings) -> ExitCode {
    match load_brief(cli.file.as_deref(), cli.overlay.as_deref()) {
        Err(e) => report(&e),
        Ok(b) => read_brief(b, cli.annotations.as_deref(), settings),
    }
}

/// Open the reader on a loaded brief, with its annotations and last position, as the config
/// file sets it up.
fn read_brief(brief: Brief, annotations: Option<&Path>, settings: &Settings) -> ExitCode {
    let (width, height) = crossterm::terminal::size().unwrap_or((80, 24));
    let reader = crate::app::ReaderSettings::from_config(&settings.config);
    let mut app = crate::app::App::with_settings(Index::new(brief), width, height, reader);
    app.set_no_color(std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()));
    let notes = open_notes(&mut app, annotations);
    let positions = crate::tui::Positions::open(&app.index().brief.meta.number);
    let loaded = positions.load();
    if let Some(pos) = loaded.pos {
        app.restore(pos);
    }
    if let Some(notice) = loaded.notice {
        let said: Vec<&str> = [app.message(), notice.as_str()]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect();
        app.say(said.join(" · "));
    }
    finish(crate::tui::run(app, positions, notes))
}

/// The exit status of a reader that ended so.
fn finish(ended: std::io::Result<(crate::tui::Outcome, crate::tui::Ending)>) -> ExitCode {
    match ended {
        Ok((_, crate::tui::Ending::NotesUnsaved(said))) => fail_with(3, &said),
        Ok((crate::tui::Outcome::Quit, _)) => ExitCode::SUCCESS,
        Ok((crate::tui::Outcome::Signal(n), _)) => {
            ExitCode::from(u8::try_from(128 + n).unwrap_or(255))
        }
        Err(e) => fail_with(1, &text("cli.terminal_failed", &[("error", &e)])),
    }
}

/// The annotations file for a brief: `--annotations`, or the default place.
pub fn notes_path(number: &str, explicit: Option<&Path>) -> PathBuf {
    let key = crate::app::notes::brief_key(number);
    explicit.map_or_else(|| crate::notes::default_path(&key), Path::to_path_buf)
}

/// Open the brief's notes file and give its annotations to the app; the event loop keeps the
/// store (none when the notes cannot be kept, and the app says why).
fn open_notes(app: &mut crate::app::App, explicit: Option<&Path>) -> crate::tui::NoteKeeper {
    let number = app.index().brief.meta.number.clone();
    let path = notes_path(&number, explicit);
    match crate::notes::NoteStore::open(&path, &crate::app::notes::brief_key(&number)) {
        Ok((mut store, notices)) => {
            let placed = app.attach_notes(store.take_annotations());
            app.set_entity_reviews(store.entity_reviews().clone());
            let mut said: Vec<String> = notices.iter().map(|n| n.to_string()).collect();
            said.extend((!placed.is_empty()).then_some(placed));
            app.say(crate::text::sanitize_line(&said.join(" · ")));
            crate::tui::NoteKeeper::new(Some(store))
        }
        Err(e) => {
            app.notes_unavailable(crate::text::sanitize_line(&text(
                "cli.notes_unkept",
                &[("error", &e)],
            )));
            crate::tui::NoteKeeper::new(None)
        }
    }
}

/// Print `brief: what` (sanitised) on standard error and give `code`.
pub fn fail_with(code: u8, what: &str) -> ExitCode {
    let what = crate::text::sanitize_line(what);
    eprintln!("{}", text("cli.error", &[("what", &what)]));
    ExitCode::from(code)
}
