//! `brief cite [FILE] [--page N | --paragraph ID] [--copy]`: the citation of a passage as
//! research writing prints it, and optionally on the clipboard through OSC 52.

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use crate::brief::Index;
use crate::i18n::{Lang, text};
use crate::notes::cite::{self, Place};

/// What to cite.
#[derive(Debug, Clone, Default)]
pub struct Target {
    pub page: Option<u32>,
    pub paragraph: Option<String>,
    pub copy: bool,
}

/// Where `target` points in the brief, or the one-line reason it points nowhere.
pub fn place(index: &Index, target: &Target) -> Result<Place, String> {
    let pages = index.brief.meta.pages;
    if let Some(page) = target.page {
        return match pages {
            None => Err(text("cli.no_pages", &[])),
            Some(n) if page == 0 || page > n => {
                Err(text("cli.no_such_page", &[("page", &page), ("pages", &n)]))
            }
            Some(_) => Ok(Place::Page(page)),
        };
    }
    let Some(id) = target.paragraph.as_deref() else {
        return Ok(Place::Whole);
    };
    let shown = crate::text::sanitize_line(id);
    let p = index
        .paragraph(id)
        .ok_or_else(|| text("cli.no_such_paragraph", &[("id", &shown)]))?;
    if let Some((first, last)) = p.pages {
        return Ok(Place::Pages(first, last));
    }
    Ok(Place::Section(
        index
            .section_of(id)
            .map_or_else(|| text("cli.summary", &[]), |s| s.heading()),
    ))
}

/// Print the citation (the brief's full reference when no place is given); with `copy`, also
/// send it to the clipboard through the terminal on standard error.
pub fn run(index: &Index, target: &Target, lang: Lang) -> ExitCode {
    let place = match place(index, target) {
        Ok(p) => p,
        Err(e) => return super::fail_with(2, &e),
    };
    let meta = &index.brief.meta;
    let citation = match place {
        Place::Whole => cite::reference(meta, lang),
        ref p => cite::citation(meta, lang, p),
    };
    let citation = crate::text::sanitize_line(&citation);
    if writeln!(std::io::stdout().lock(), "{citation}").is_err() {
        return ExitCode::SUCCESS;
    }
    let stderr = std::io::stderr();
    if target.copy && stderr.is_terminal() {
        let tmux = std::env::var_os("TMUX").is_some();
        if let Some(sequence) = crate::text::osc52::copy(&citation, tmux) {
            let mut err = stderr.lock();
            let _ = write!(err, "{sequence}");
            let _ = writeln!(err, "{}", text("cli.copied", &[]));
        }
    }
    ExitCode::SUCCESS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_paragraph_without_pages_is_cited_by_its_section() {
        let (b, _) = crate::brief::load::builtin().expect("the built-in brief");
        let index = Index::new(b);
        let id = index.at(index.order()[6]).id.clone();
        let target = Target {
            paragraph: Some(id.clone()),
            ..Target::default()
        };
        let Ok(Place::Section(section)) = place(&index, &target) else {
            panic!("a section for {id}")
        };
        assert_eq!(Some(section), index.section_of(&id).map(|s| s.heading()));
        let nowhere = Target {
            paragraph: Some("p9999".into()),
            ..Target::default()
        };
        assert!(place(&index, &nowhere).is_err());
        let page = Target {
            page: Some(3),
            ..Target::default()
        };
        assert!(
            place(&index, &page).is_err(),
            "the built-in brief has no pages"
        );
    }
}
