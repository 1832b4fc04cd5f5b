//! Export as an HTML document that Word and Hangul Office open as a formatted report: per
//! annotation the quote, its page or place, the note, the tags and the passage's sources.

use super::{Report, reading_order};
use crate::i18n::tr;
use crate::notes::model::Annotation;

/// Inline styles only: word processors ignore most style sheets but keep these.
const QUOTE_STYLE: &str = "margin:0 0 0 1em;padding-left:0.8em;border-left:3px solid #999;";
const PLACE_STYLE: &str = "color:#555;font-size:90%;margin:0.2em 0;";

/// All annotations as one HTML document (UTF-8, declared twice for older word processors),
/// grouped by section in reading order, with the brief's reference at the top and, with
/// `bibliography`, every cited source at the end.
pub fn to_html(annotations: &[Annotation], r: &Report) -> String {
    let lang = r.lang;
    let title = esc(&super::one_line(&r.meta.title));
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\">\n\
         <title>{title}</title>\n</head>\n<body>\n<h1>{}</h1>\n",
        lang.code(),
        esc(&tr(
            lang,
            "export.notes_on",
            &[("title", &super::one_line(&r.meta.title))]
        )),
    );
    if !r.meta.author.trim().is_empty() {
        let reference = super::cite::reference(r.meta, lang);
        out.push_str(&format!("<p>{}</p>\n", esc(&reference)));
    }
    let mut current: Option<String> = None;
    for a in reading_order(annotations) {
        let section = if a.orphan {
            tr(lang, "export.orphans", &[])
        } else {
            r.section(a.target.start)
        };
        if current.as_ref() != Some(&section) {
            out.push_str(&format!("<h2>{}</h2>\n", esc(&section)));
            current = Some(section);
        }
        push_annotation(&mut out, a, r);
    }
    let sources = r.bibliography(annotations);
    if r.bibliography && !sources.is_empty() {
        out.push_str(&format!(
            "<h2>{}</h2>\n<ul>\n",
            esc(&tr(lang, "export.bibliography", &[]))
        ));
        for s in sources {
            out.push_str(&format!("<li>{}</li>\n", esc(&s)));
        }
        out.push_str("</ul>\n");
    }
    out.push_str("</body>\n</html>\n");
    crate::text::sanitize(&out)
}

fn push_annotation(out: &mut String, a: &Annotation, r: &Report) {
    let quote: Vec<String> = a.target.exact.lines().map(esc).collect();
    out.push_str(&format!(
        "<blockquote style=\"{QUOTE_STYLE}\"><p>{}</p></blockquote>\n",
        quote.join("<br>")
    ));
    let place = r.location(a);
    if !place.is_empty() {
        let label = tr(r.lang, "export.location", &[]);
        out.push_str(&format!(
            "<p style=\"{PLACE_STYLE}\">{}: {}</p>\n",
            esc(&label),
            esc(&place)
        ));
    }
    let note = Report::note_without_tags(a);
    for paragraph in note.split("\n\n").filter(|p| !p.trim().is_empty()) {
        let lines: Vec<String> = paragraph.lines().map(esc).collect();
        out.push_str(&format!("<p>{}</p>\n", lines.join("<br>")));
    }
    if !a.tags.is_empty() {
        let tags: Vec<String> = a.tags.iter().map(|t| format!("#{}", esc(t))).collect();
        let label = esc(&tr(r.lang, "export.tags", &[]));
        out.push_str(&format!("<p>{label}: {}</p>\n", tags.join(" ")));
    }
    let sources = if a.orphan {
        Vec::new()
    } else {
        r.ctx.sources_for(a.target.start, a.target.end)
    };
    if !sources.is_empty() {
        let label = esc(&tr(r.lang, "export.sources", &[]));
        out.push_str(&format!("<p>{label}:</p>\n<ul>\n"));
        for s in sources {
            out.push_str(&format!("<li>{}</li>\n", esc(&super::one_line(&s))));
        }
        out.push_str("</ul>\n");
    }
}

/// Text as HTML text: `& < > "` escaped.
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::esc;

    #[test]
    fn escapes_markup() {
        assert_eq!(
            esc("<b>\"A&B\"</b>"),
            "&lt;b&gt;&quot;A&amp;B&quot;&lt;/b&gt;"
        );
    }
}
