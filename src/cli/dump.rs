//! `brief dump` and `brief search` output.

use crate::brief::import::blocks::superscript;
use std::io::{self, Write};

use super::Format;
use crate::brief::{Brief, Index};
use crate::i18n;

/// Print the brief in a format.
pub fn print(brief: &Brief, format: Format) -> io::Result<()> {
    let mut out = io::stdout().lock();
    match format {
        Format::Json => {
            // A closed pipe stays a broken pipe (a quiet exit), not an opaque JSON error.
            serde_json::to_writer_pretty(&mut out, brief).map_err(|e| match e.io_error_kind() {
                Some(kind) => io::Error::from(kind),
                None => io::Error::other(e),
            })?;
            writeln!(out)
        }
        Format::Text => write!(out, "{}", text(brief, false)),
        Format::Markdown => write!(out, "{}", text(brief, true)),
    }
}

/// A paragraph's text with its markers put back, as the author wrote it.
pub fn with_markers(p: &crate::brief::model::Paragraph, markdown: bool) -> String {
    let mut out = String::new();
    let mut markers = p.markers.iter().peekable();
    for (i, c) in p.text.chars().enumerate() {
        while let Some(m) = markers.next_if(|m| m.at == i) {
            out.push_str(&if markdown {
                format!("[^{}]", m.footnote)
            } else {
                superscript(m.footnote)
            });
        }
        out.push(c);
    }
    for m in markers {
        out.push_str(&if markdown {
            format!("[^{}]", m.footnote)
        } else {
            superscript(m.footnote)
        });
    }
    out
}

fn text(b: &Brief, md: bool) -> String {
    let m = &b.meta;
    let mut s = String::new();
    let h = |level: usize| {
        if md {
            format!("{} ", "#".repeat(level))
        } else {
            String::new()
        }
    };
    s += &format!(
        "{}{}\n\n{} {} · {} · {} · {}\n\n",
        h(1),
        m.title,
        m.series,
        m.number,
        m.author,
        m.affiliation,
        m.date
    );
    for p in &b.summary {
        s += &format!("{}{}\n\n", if md { "- " } else { "" }, with_markers(p, md));
    }
    for sec in &b.sections {
        s += &format!(
            "{}{} {}\n\n",
            h(sec.level as usize + 1),
            sec.number,
            sec.title
        );
        for p in &sec.paragraphs {
            s += &format!("{}\n\n", with_markers(p, md));
        }
    }
    for f in &b.footnotes {
        s += &if md {
            format!("[^{}]: {}\n", f.number, f.text)
        } else {
            format!("{} {}\n", superscript(f.number), f.text)
        };
    }
    s
}

/// Where a hit is, for a line of `brief search`: `p3:10-14 [2. 전망] p. 4`,
/// `주 8:20-24`, `출처 РБК · 2024-11-01 (title):0-3`.
fn where_hit(index: &Index, h: &crate::brief::search::Hit) -> String {
    let span = format!("{}-{}", h.start, h.end);
    if let Some(id) = &h.paragraph {
        let section = index
            .section_of(id)
            .map_or_else(|| i18n::text("cli.summary", &[]), |s| s.heading());
        let page = h.page.map_or_else(String::new, |p| format!(" p. {p}"));
        return format!("{id}:{span} [{section}]{page}");
    }
    if let Some(n) = h.footnote {
        return i18n::text("cli.hit_footnote", &[("n", &n), ("span", &span)]);
    }
    let field = h.field.unwrap_or("title");
    // A source by its outlet and date, as the reader shows it, not by its id.
    let source = h
        .source
        .as_deref()
        .and_then(|id| index.brief.source(id))
        .map_or_else(String::new, |s| match &s.date {
            Some(date) => format!("{} · {date}", s.outlet),
            None => s.outlet.clone(),
        });
    i18n::text(
        "cli.hit_source",
        &[("source", &source), ("field", &field), ("span", &span)],
    )
}

/// Print search hits as lines or JSON.
pub fn search(index: &Index, query: &str, json: bool) -> io::Result<()> {
    let hits = index.search(query);
    let mut out = io::stdout().lock();
    if json {
        serde_json::to_writer_pretty(&mut out, &hits).map_err(io::Error::other)?;
        return writeln!(out);
    }
    for h in &hits {
        writeln!(out, "{} {}", where_hit(index, h), h.snippet)?;
    }
    let count = hits.len();
    writeln!(out, "{}", i18n::text("cli.matches", &[("count", &count)]))
}
