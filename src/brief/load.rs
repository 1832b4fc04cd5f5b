//! Reading a brief from bytes: decoding checks, raw text or dump JSON.

use super::cache::ImportCache;
use super::error::{LoadError, Problem};
use super::import::{self, Report};
use super::message::Msg;
use super::model::Brief;
use super::overlay::Overlay;

/// The brief compiled into the binary.
pub const DEFAULT_BRIEF: &str = include_str!("../../content/brief.txt");
/// The name the built-in brief goes by in messages.
pub const DEFAULT_NAME: &str = "content/brief.txt";
/// The built-in brief as imported ahead of time with the built-in overlay,
/// so that starting does no import (a test keeps it current).
pub const DEFAULT_MODEL: &str = include_str!("../../content/brief.model.json");

fn problem(
    file: &str,
    line: Option<usize>,
    col: Option<usize>,
    what: &str,
    hint: &str,
) -> LoadError {
    LoadError::one(Problem::at(file, line, col, Msg::new(what), Msg::new(hint)))
}

/// Decode bytes as UTF-8 text, refusing binary and UTF-16 with a clear line.
pub fn decode<'a>(bytes: &'a [u8], file: &str) -> Result<&'a str, LoadError> {
    let hint = "problem.utf8_hint";
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(problem(
            file,
            None,
            None,
            "problem.empty",
            "problem.open_brief_hint",
        ));
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(problem(file, Some(1), Some(1), "problem.utf16", hint));
    }
    let text = std::str::from_utf8(bytes).map_err(|e| {
        // The bytes before the error are valid UTF-8, so columns count chars.
        let valid = String::from_utf8_lossy(&bytes[..e.valid_up_to()]);
        let line = valid.matches('\n').count() + 1;
        let col = valid.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        problem(file, Some(line), Some(col), "problem.not_utf8", hint)
    })?;
    if let Some(at) = text.find('\0') {
        let line = text[..at].matches('\n').count() + 1;
        return Err(problem(file, Some(line), None, "problem.nul", hint));
    }
    Ok(text.strip_prefix('\u{FEFF}').unwrap_or(text))
}

/// Load a brief from raw text or dump JSON, with the overlay for raw text.
pub fn load(
    bytes: &[u8],
    file: &str,
    overlay: &Overlay,
    overlay_file: &str,
) -> Result<(Brief, Report), LoadError> {
    if bytes.starts_with(b"%PDF") {
        return from_pdf(bytes, file, overlay, overlay_file);
    }
    let text = decode(bytes, file)?;
    if text.trim_start().starts_with('{') {
        return from_json(text, file).map(|b| (b, Report::default()));
    }
    import::import(text, file, overlay, overlay_file)
}

/// Load a brief through the import cache: bytes imported before with the
/// same overlay by the same importer are read back, not imported again (the
/// overlay is parsed only when an import is needed).
pub fn load_cached(
    bytes: &[u8],
    file: &str,
    overlay_text: &str,
    overlay_file: &str,
    cache: &ImportCache,
) -> Result<Brief, LoadError> {
    let key = ImportCache::key(bytes, overlay_text.as_bytes(), overlay_file);
    if let Some(brief) = cache.get(&key) {
        return Ok(brief);
    }
    let overlay = Overlay::parse(overlay_text, overlay_file)?;
    let (brief, _) = load(bytes, file, &overlay, overlay_file)?;
    cache.put(&key, &brief);
    Ok(brief)
}

/// A brief from a PDF: its text layer, read into lines with their pages
/// and layout, through the same pipeline as a text.
fn from_pdf(
    bytes: &[u8],
    file: &str,
    overlay: &Overlay,
    overlay_file: &str,
) -> Result<(Brief, Report), LoadError> {
    let lines = import::pdf::lines(bytes).map_err(|e| {
        let (what, hint) = pdf_problem(&e);
        LoadError::one(Problem::at(file, None, None, what, hint))
    })?;
    let lines = import::pdf::blank_lines_at_gaps(import::pdf::superscript_markers(lines));
    import::import_lines(&lines, file, overlay, overlay_file)
}

/// Why a PDF could not be read, and what to do.
fn pdf_problem(e: &import::pdf::PdfError) -> (Msg, Msg) {
    use import::pdf::PdfError;
    let text_hint = Msg::new("problem.pdf_text_hint");
    match e {
        PdfError::Encrypted => (
            Msg::new("problem.pdf_encrypted"),
            Msg::new("problem.pdf_encrypted_hint"),
        ),
        PdfError::NoText { images } => {
            let what = if *images {
                "problem.pdf_no_text_images"
            } else {
                "problem.pdf_no_text"
            };
            (Msg::new(what), Msg::new("problem.pdf_no_text_hint"))
        }
        PdfError::UnmappedGlyphs { pages } => {
            let list: Vec<String> = pages.iter().map(u32::to_string).collect();
            let what = if pages.len() == 1 {
                "problem.pdf_unmapped_one"
            } else {
                "problem.pdf_unmapped_many"
            };
            let what = Msg::new(what).arg("pages", list.join(", "));
            (what, Msg::new("problem.pdf_unmapped_hint"))
        }
        PdfError::Damaged(detail) => (
            Msg::new("problem.pdf_damaged").arg("detail", detail),
            text_hint,
        ),
        PdfError::TooLarge => (Msg::new("problem.pdf_too_large"), text_hint),
        PdfError::TooSlow => (
            Msg::new("problem.pdf_too_slow"),
            Msg::new("problem.pdf_too_slow_hint"),
        ),
    }
}

/// The brief compiled into the binary.
pub fn builtin() -> Result<(Brief, Report), LoadError> {
    let overlay = Overlay::builtin()?;
    import::import(
        DEFAULT_BRIEF,
        DEFAULT_NAME,
        &overlay,
        "content/overlay.json",
    )
}

/// The built-in brief from its stored model, imported only if the stored
/// model cannot be read.
pub fn stored() -> Result<Brief, LoadError> {
    match serde_json::from_str(DEFAULT_MODEL) {
        Ok(brief) => Ok(brief),
        Err(_) => builtin().map(|(brief, _)| brief),
    }
}

/// A brief from `brief dump --format json`, every link checked.
pub fn from_json(text: &str, file: &str) -> Result<Brief, LoadError> {
    let brief: Brief = serde_json::from_str(text).map_err(|e| {
        let what = Msg::new("problem.json_invalid").arg("reason", super::overlay::json_reason(&e));
        LoadError::one(Problem::at(
            file,
            Some(e.line()),
            Some(e.column()),
            what,
            Msg::new("problem.json_invalid_hint"),
        ))
    })?;
    let brief = super::validate::sanitized(brief);
    let problems = super::validate::links(&brief, file);
    if problems.is_empty() {
        Ok(brief)
    } else {
        Err(LoadError { problems })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `content/brief.model.json` is what importing the built-in brief gives
    /// now; `BRIEF_UPDATE_ASSETS=1` writes it anew.
    #[test]
    fn stored_model_is_current() {
        let (brief, _) = builtin().expect("the built-in brief imports");
        let now = serde_json::to_string_pretty(&brief).expect("serialises") + "\n";
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/content/brief.model.json");
        if std::env::var_os("BRIEF_UPDATE_ASSETS").is_some() {
            std::fs::write(path, &now).expect("write the stored model");
        }
        let kept: Brief = serde_json::from_str(DEFAULT_MODEL).expect("the stored model parses");
        assert!(
            kept == brief,
            "content/brief.model.json is stale: rerun with BRIEF_UPDATE_ASSETS=1"
        );
        assert_eq!(stored().ok(), Some(brief));
    }
}
