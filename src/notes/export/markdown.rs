//! Export as Markdown for a report: the brief's reference, then the annotations grouped by
//! section in reading order.

use super::{PassageContext, Report, reading_order};
use crate::brief::model::Meta;
use crate::i18n::{Lang, tr};
use crate::notes::model::Annotation;

/// All annotations as Markdown under `# title`, in English, without a reference line (see
/// [`to_report_markdown`]).
pub fn to_markdown(annotations: &[Annotation], title: &str, ctx: &dyn PassageContext) -> String {
    let meta = Meta {
        title: title.to_owned(),
        ..Meta::default()
    };
    let report = Report {
        meta: &meta,
        lang: Lang::En,
        url: "",
        ctx,
        bibliography: false,
    };
    to_report_markdown(annotations, &report)
}

/// All annotations as Markdown: `# Notes on <title>`, the brief's reference (author, title,
/// series and number, institute, date), then a `## section` per section in reading order,
/// each annotation as a `>` blockquote of the passage, its page or place, its note (line
/// breaks kept), its tags once, and the sources cited in the passage. Orphans come last under
/// their own heading; with `bibliography`, every cited source closes the file.
pub fn to_report_markdown(annotations: &[Annotation], r: &Report) -> String {
    let lang = r.lang;
    let mut out = format!("# {}\n", heading(r));
    if !r.meta.author.trim().is_empty() {
        out.push_str(&format!("\n{}\n", super::cite::reference(r.meta, lang)));
    }
    let mut current: Option<String> = None;
    for a in reading_order(annotations) {
        let section = if a.orphan {
            tr(lang, "export.orphans", &[])
        } else {
            one_line(&r.ctx.section_title(a.target.start))
        };
        if current.as_ref() != Some(&section) {
            if !section.is_empty() {
                out.push_str(&format!("\n## {section}\n"));
            }
            current = Some(section);
        }
        push_annotation(&mut out, a, r);
    }
    let sources = r.bibliography(annotations);
    if r.bibliography && !sources.is_empty() {
        out.push_str(&format!(
            "\n## {}\n\n",
            tr(lang, "export.bibliography", &[])
        ));
        for s in sources {
            out.push_str(&format!("- {s}\n"));
        }
    }
    // Whatever reached the notes, nothing in a Markdown file can act on a terminal or viewer.
    crate::text::sanitize(&out)
}

fn heading(r: &Report) -> String {
    let title = one_line(&r.meta.title);
    if r.meta.author.trim().is_empty() {
        title
    } else {
        tr(r.lang, "export.notes_on", &[("title", &title)])
    }
}

fn push_annotation(out: &mut String, a: &Annotation, r: &Report) {
    out.push('\n');
    for line in a.target.exact.lines() {
        out.push_str(&format!("> {}\n", escape_line(line)).replace("> \n", ">\n"));
    }
    let place = r.location(a);
    if !place.is_empty() {
        let label = tr(r.lang, "export.location", &[]);
        out.push_str(&format!("\n{label}: {place}\n"));
    }
    let note = Report::note_without_tags(a);
    if !note.is_empty() {
        // Two trailing spaces: a line break Markdown keeps.
        let lines: Vec<&str> = note.lines().map(str::trim_end).collect();
        out.push_str(&format!(
            "\n{}\n",
            lines.join("  \n").replace("  \n  \n", "\n\n")
        ));
    }
    if !a.tags.is_empty() {
        let tags: Vec<String> = a.tags.iter().map(|t| format!("#{t}")).collect();
        let label = tr(r.lang, "export.tags", &[]);
        out.push_str(&format!("\n{label}: {}\n", tags.join(" ")));
    }
    let sources = if a.orphan {
        Vec::new()
    } else {
        r.ctx.sources_for(a.target.start, a.target.end)
    };
    if !sources.is_empty() {
        out.push_str(&format!("\n{}:\n\n", tr(r.lang, "export.sources", &[])));
        for source in sources {
            out.push_str(&format!("- {}\n", one_line(&source)));
        }
    }
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Escape a quoted line so Markdown shows it as text: inline markup anywhere, block markers
/// (headings, quotes, lists) at the start.
fn escape_line(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    for c in line.chars() {
        if matches!(c, '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '|') {
            out.push('\\');
        }
        out.push(c);
    }
    if out.starts_with(['#', '-', '+', '=']) {
        out.insert(0, '\\');
    }
    let digits = out.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 && out[digits..].starts_with(['.', ')']) {
        out.insert(digits, '\\');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_in_quotes() {
        assert_eq!(escape_line("# 제목 *강조*"), "\\# 제목 \\*강조\\*");
        assert_eq!(escape_line("1. 항목"), "1\\. 항목");
        assert_eq!(escape_line("평범한 문장"), "평범한 문장");
    }
}
