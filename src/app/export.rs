//! The export dialog (`x`): a format, then a file, then the loop writes the annotations with
//! the same functions as `brief annotations export` and answers with [`App::export_done`].
//! An existing file is never replaced without a y/n; Esc closes the dialog at any step.

use std::path::PathBuf;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui_textarea::{CursorMove, TextArea};

use super::{Action, App, Effect};
use crate::i18n::tr;

/// An export format the dialog offers, in the order it lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// A Markdown report with a citation header.
    Markdown,
    /// Readwise's CSV.
    Csv,
    /// Readwise's CSV behind a UTF-8 byte order mark, for Excel on Korean Windows.
    CsvBom,
    /// HTML that Word and Hangul Office open.
    Html,
    /// W3C Web Annotation JSON-LD.
    W3c,
}

impl Format {
    /// Every format, as listed.
    pub const ALL: [Format; 5] = [
        Format::Markdown,
        Format::Csv,
        Format::CsvBom,
        Format::Html,
        Format::W3c,
    ];

    /// The format's name in `lang`.
    pub fn label(self, lang: crate::i18n::Lang) -> String {
        let key = match self {
            Format::Markdown => "export_dialog.markdown",
            Format::Csv => "export_dialog.csv",
            Format::CsvBom => "export_dialog.csv_bom",
            Format::Html => "export_dialog.html",
            Format::W3c => "export_dialog.w3c",
        };
        tr(lang, key, &[])
    }

    /// The file name extension.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Csv | Format::CsvBom => "csv",
            Format::Html => "html",
            Format::W3c => "json",
        }
    }
}

/// Where the dialog is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// Choosing the format.
    Format,
    /// Typing the file's path.
    Path,
    /// The file exists: replace it (y) or not (n)?
    Confirm(PathBuf),
}

/// The open dialog.
pub struct Dialog {
    /// The format chosen (index into [`Format::ALL`]).
    pub chosen: usize,
    /// End Markdown and HTML with the sources the annotated passages cite (`b`).
    pub bibliography: bool,
    pub step: Step,
    /// The file's path, one line.
    pub path: TextArea<'static>,
}

impl Dialog {
    /// The format chosen.
    pub fn format(&self) -> Format {
        Format::ALL[self.chosen.min(Format::ALL.len() - 1)]
    }

    /// The path typed so far.
    pub fn path_text(&self) -> String {
        self.path.lines().concat()
    }
}

/// What the loop is asked to write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    pub format: Format,
    /// As typed (the loop makes it absolute against the working folder).
    pub path: PathBuf,
    /// The user said yes to replacing an existing file.
    pub overwrite: bool,
    /// Markdown and HTML end with a bibliography.
    pub bibliography: bool,
}

/// What came of a [`Request`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Written to this absolute path.
    Written(PathBuf),
    /// Nothing written: the file exists (absolute path).
    Exists(PathBuf),
    /// Nothing written: why, one line.
    Failed(String),
}

/// A file in the working folder named after the brief's series and number:
/// `./이슈브리프_2025-09.md`.
pub fn default_file_name(meta: &crate::brief::model::Meta, format: Format) -> String {
    let number = meta.number.trim();
    let number = number.strip_prefix("No.").unwrap_or(number);
    let words = format!("{} {number}", meta.series);
    let mut name = String::new();
    for c in words.chars() {
        if c.is_alphanumeric() || c == '-' {
            name.push(c);
        } else if !name.is_empty() && !name.ends_with('_') {
            name.push('_');
        }
    }
    let name = name.trim_end_matches('_');
    let name = if name.is_empty() { "brief-notes" } else { name };
    format!("./{name}.{}", format.extension())
}

/// A one-line field holding `text`, the caret at its end.
fn path_field(text: String) -> TextArea<'static> {
    let mut field = TextArea::new(vec![text]);
    field.set_cursor_line_style(ratatui::style::Style::default());
    field.move_cursor(CursorMove::End);
    field
}

impl App {
    /// The export dialog, while it is open.
    pub fn export_dialog(&self) -> Option<&Dialog> {
        self.export.as_ref()
    }

    /// `x`: open the dialog on its first step (or say there is nothing to export).
    pub(super) fn open_export(&mut self) {
        if self.notes.list.is_empty() {
            self.message = tr(self.lang, "export_dialog.no_notes", &[]);
            return;
        }
        self.export = Some(Dialog {
            chosen: 0,
            bibliography: false,
            step: Step::Format,
            path: path_field(String::new()),
        });
        self.message = tr(self.lang, "export_dialog.choose", &[]);
    }

    /// A key while the dialog is open: it has every key (Ctrl-C still quits).
    pub(super) fn export_key(&mut self, key: KeyEvent) -> Vec<Effect> {
        if key.modifiers.contains(KeyModifiers::CONTROL) && key.code == KeyCode::Char('c') {
            self.export = None;
            return self.update(Action::Quit);
        }
        if key.code == KeyCode::Esc {
            self.export = None;
            self.message = tr(self.lang, "export_dialog.cancelled", &[]);
            return Vec::new();
        }
        let step = match &self.export {
            Some(d) => d.step.clone(),
            None => return Vec::new(),
        };
        match step {
            Step::Format => {
                self.format_key(super::korean_keys::to_qwerty(key));
                Vec::new()
            }
            Step::Path => self.path_key(key),
            Step::Confirm(_) => self.confirm_key(super::korean_keys::to_qwerty(key)),
        }
    }

    fn format_key(&mut self, key: KeyEvent) {
        let Some(dialog) = self.export.as_mut() else {
            return;
        };
        let last = Format::ALL.len() - 1;
        match key.code {
            KeyCode::Down | KeyCode::Char('j') => dialog.chosen = (dialog.chosen + 1).min(last),
            KeyCode::Up | KeyCode::Char('k') => dialog.chosen = dialog.chosen.saturating_sub(1),
            KeyCode::Char(c @ '1'..='5') => {
                dialog.chosen = (c as usize - '1' as usize).min(last);
                self.enter_path_step();
            }
            KeyCode::Char('b') => dialog.bibliography = !dialog.bibliography,
            KeyCode::Enter => self.enter_path_step(),
            _ => {}
        }
    }

    /// The path step, prefilled with a name from the brief for the chosen format.
    fn enter_path_step(&mut self) {
        let Some(dialog) = self.export.as_mut() else {
            return;
        };
        let name = default_file_name(&self.index.brief.meta, dialog.format());
        dialog.path = path_field(name);
        dialog.step = Step::Path;
        self.message = tr(self.lang, "export_dialog.type_path", &[]);
    }

    fn path_key(&mut self, key: KeyEvent) -> Vec<Effect> {
        let Some(dialog) = self.export.as_mut() else {
            return Vec::new();
        };
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        match key.code {
            KeyCode::Enter => return self.request_export(false),
            // One line: no newlines, no tabs.
            KeyCode::Tab | KeyCode::BackTab => {}
            KeyCode::Char('m' | 'j') if ctrl => {}
            KeyCode::Char('u') if ctrl => dialog.path = path_field(String::new()),
            _ => {
                dialog.path.input(key);
            }
        }
        Vec::new()
    }

    fn confirm_key(&mut self, key: KeyEvent) -> Vec<Effect> {
        match key.code {
            KeyCode::Char('y' | 'Y') => self.request_export(true),
            KeyCode::Char('n' | 'N') => {
                if let Some(dialog) = self.export.as_mut() {
                    dialog.step = Step::Path;
                }
                self.message = tr(self.lang, "export_dialog.type_path", &[]);
                Vec::new()
            }
            _ => Vec::new(),
        }
    }

    fn request_export(&mut self, overwrite: bool) -> Vec<Effect> {
        let Some(dialog) = self.export.as_ref() else {
            return Vec::new();
        };
        let path = dialog.path_text().trim().to_owned();
        if path.is_empty() {
            self.message = tr(self.lang, "export_dialog.no_path", &[]);
            return Vec::new();
        }
        vec![Effect::Export(Request {
            format: dialog.format(),
            path: PathBuf::from(path),
            overwrite,
            bibliography: dialog.bibliography,
        })]
    }

    /// What the loop's export came to: the dialog closes on success, asks on an existing
    /// file, and stays on the path after a failure (the reason on the status line).
    pub fn export_done(&mut self, outcome: Outcome) {
        let Some(dialog) = self.export.as_mut() else {
            return;
        };
        let message = match outcome {
            Outcome::Written(path) => {
                self.export = None;
                let path = crate::text::sanitize_line(&path.display().to_string());
                let count = self.notes.list.len();
                let args: [(&str, &dyn std::fmt::Display); 2] =
                    [("count", &count), ("path", &path)];
                tr(self.lang, "export_dialog.written", &args)
            }
            Outcome::Exists(path) => {
                let shown = crate::text::sanitize_line(&path.display().to_string());
                dialog.step = Step::Confirm(path);
                tr(self.lang, "export_dialog.exists", &[("path", &shown)])
            }
            Outcome::Failed(why) => {
                dialog.step = Step::Path;
                let why = crate::text::sanitize_line(&why);
                tr(self.lang, "export_dialog.failed", &[("error", &why)])
            }
        };
        self.say(message);
    }
}
