//! Export as Markdown, grouped by section of the brief.

use super::{PassageContext, reading_order};
use crate::notes::model::Annotation;

/// Heading for annotations whose passage is no longer in the brief.
const ORPHANS_HEADING: &str = "Notes on passages no longer in the brief";
/// Label before an annotation's tags.
const TAGS_LABEL: &str = "Tags:";
/// Label before the footnote sources of the passage.
const SOURCES_LABEL: &str = "Sources:";

/// All annotations as Markdown: `# title`, then a `## section` per section in reading order,
/// each annotation as a `>` blockquote of the passage, its note, its tags and the footnote
/// sources cited in the passage. Orphans come last under their own heading.
pub fn to_markdown(annotations: &[Annotation], title: &str, ctx: &dyn PassageContext) -> String {
    let mut out = format!("# {}\n", one_line(title));
    let mut current: Option<String> = None;
    for a in reading_order(annotations) {
        let section = if a.orphan {
            ORPHANS_HEADING.to_owned()
        } else {
            one_line(&ctx.section_title(a.target.start))
        };
        if current.as_ref() != Some(&section) {
            if !section.is_empty() {
                out.push_str(&format!("\n## {section}\n"));
            }
            current = Some(section);
        }
        push_annotation(&mut out, a, ctx);
    }
    // Whatever reached the notes, nothing in a Markdown file can act on a terminal or viewer.
    crate::text::sanitize(&out)
}

fn push_annotation(out: &mut String, a: &Annotation, ctx: &dyn PassageContext) {
    out.push('\n');
    for line in a.target.exact.lines() {
        out.push_str(&format!("> {}\n", escape_line(line)).replace("> \n", ">\n"));
    }
    if let Some(page) = ctx.page(a.target.start).filter(|_| !a.orphan) {
        out.push_str(&format!("\n(p. {page})\n"));
    }
    if !a.note.trim().is_empty() {
        out.push_str(&format!("\n{}\n", a.note.trim_end()));
    }
    if !a.tags.is_empty() {
        let tags: Vec<String> = a.tags.iter().map(|t| format!("#{t}")).collect();
        out.push_str(&format!("\n{TAGS_LABEL} {}\n", tags.join(" ")));
    }
    let sources = if a.orphan {
        Vec::new()
    } else {
        ctx.sources_for(a.target.start, a.target.end)
    };
    if !sources.is_empty() {
        out.push_str(&format!("\n{SOURCES_LABEL}\n\n"));
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
