//! Export as CSV for Readwise's importer (and for a spreadsheet).

use super::{Report, reading_order};
use crate::brief::model::Meta;
use crate::i18n::Lang;
use crate::notes::model::Annotation;

/// Readwise's CSV columns, exactly.
const HEADER: [&str; 9] = [
    "Highlight",
    "Title",
    "Author",
    "URL",
    "Note",
    "Location",
    "Location Type",
    "Tags",
    "Date",
];

/// The UTF-8 byte order mark: Excel on Korean Windows reads a CSV without it as CP949.
const BOM: char = '\u{feff}';

/// All annotations as Readwise CSV, RFC 4180 quoted with CRLF line ends, in reading order.
/// Without pages or paragraphs known, `Location` is the quote's start char offset.
pub fn to_csv(annotations: &[Annotation], title: &str, author: &str, url: &str) -> String {
    struct Nothing;
    impl super::PassageContext for Nothing {
        fn section_title(&self, _: usize) -> String {
            String::new()
        }
        fn sources_for(&self, _: usize, _: usize) -> Vec<String> {
            Vec::new()
        }
    }
    to_csv_paged(annotations, title, author, url, &Nothing)
}

/// Like [`to_csv`], with the pages and paragraphs of `ctx`.
pub fn to_csv_paged(
    annotations: &[Annotation],
    title: &str,
    author: &str,
    url: &str,
    ctx: &dyn super::PassageContext,
) -> String {
    let meta = Meta {
        title: title.to_owned(),
        author: author.to_owned(),
        ..Meta::default()
    };
    let report = Report {
        meta: &meta,
        lang: Lang::En,
        url,
        ctx,
        bibliography: false,
    };
    to_readwise_csv(annotations, &report, false)
}

/// Readwise's columns: `Location` is the page (`Location Type` `page`) where the brief has
/// pages, else the paragraph's number in the brief (`order`); `Tags` are comma-separated;
/// `Date` is when the annotation was made (`YYYY-MM-DD HH:MM:SS`, UTC). With `bom`, the file
/// starts with a UTF-8 byte order mark for Excel.
pub fn to_readwise_csv(annotations: &[Annotation], r: &Report, bom: bool) -> String {
    let mut out = String::new();
    if bom {
        out.push(BOM);
    }
    push_row(&mut out, &HEADER.map(str::to_owned));
    for a in reading_order(annotations) {
        let (location, kind) = location(a, r);
        push_row(
            &mut out,
            &[
                a.target.exact.clone(),
                r.meta.title.clone(),
                r.meta.author.clone(),
                r.url.to_owned(),
                a.note.clone(),
                location,
                kind.to_owned(),
                a.tags.join(", "),
                date(&a.created),
            ],
        );
    }
    out
}

fn location(a: &Annotation, r: &Report) -> (String, &'static str) {
    let pos = a.target.start;
    if a.orphan {
        return (String::new(), "");
    }
    if let Some(page) = r.ctx.page(pos) {
        return (page.to_string(), "page");
    }
    match r.ctx.paragraph(pos) {
        Some((_, order)) => (order.to_string(), "order"),
        // Offsets keep the reading order, which is all `order` asks.
        None => (pos.to_string(), "order"),
    }
}

/// `2025-03-24T09:05:00Z` as `2025-03-24 09:05:00`.
fn date(rfc3339: &str) -> String {
    let Some((day, time)) = rfc3339.split_once('T') else {
        return rfc3339.to_owned();
    };
    let time: String = time.chars().take(8).collect();
    format!("{day} {time}")
}

fn push_row(out: &mut String, fields: &[String]) {
    for (i, field) in fields.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        push_field(out, field);
    }
    out.push_str("\r\n");
}

/// RFC 4180: quote a field holding a comma, quote, CR or LF, doubling its quotes. Control,
/// bidi and escape characters are dropped first; a field a spreadsheet would take for a
/// formula (`=`, `@`, or `+`/`-` before a non-space) gets a leading apostrophe.
fn push_field(out: &mut String, field: &str) {
    let mut field = crate::text::sanitize(field);
    let mut chars = field.chars();
    let first = chars.next();
    let formula = matches!(first, Some('=' | '@'))
        || (matches!(first, Some('+' | '-')) && chars.next().is_some_and(|c| !c.is_whitespace()));
    if formula {
        field.insert(0, '\'');
    }
    if field.contains([',', '"', '\r', '\n']) {
        out.push('"');
        out.push_str(&field.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(&field);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::notes::model::Target;

    #[test]
    fn quotes_only_where_needed() {
        let doc = "그는 \"협력\", 말했다";
        let t = Target::from_document(doc, 3, 8).unwrap();
        let mut a = Annotation::new(t, None, "두 줄\n메모");
        a.created = "2025-03-24T09:05:00Z".into();
        let csv = to_csv(&[a], "9월 브리프", "", "https://e.org/b");
        assert_eq!(
            csv,
            "Highlight,Title,Author,URL,Note,Location,Location Type,Tags,Date\r\n\
             \"\"\"협력\"\",\",9월 브리프,,https://e.org/b,\"두 줄\n메모\",3,order,,2025-03-24 09:05:00\r\n"
        );
    }

    #[test]
    fn formulas_are_shown_not_run() {
        let mut out = String::new();
        push_field(&mut out, "=HYPERLINK(\"x\")");
        assert_eq!(out, "\"'=HYPERLINK(\"\"x\"\")\"");
        let mut item = String::new();
        push_field(&mut item, "- 북한은");
        assert_eq!(item, "- 북한은", "a list item is text");
    }

    struct Paged;

    impl crate::notes::PassageContext for Paged {
        fn section_title(&self, _pos: usize) -> String {
            String::new()
        }
        fn sources_for(&self, _start: usize, _end: usize) -> Vec<String> {
            Vec::new()
        }
        fn page(&self, pos: usize) -> Option<u32> {
            (pos >= 3).then_some(5)
        }
    }

    #[test]
    fn location_is_the_page_where_the_brief_has_pages() {
        let doc = "그는 \"협력\", 말했다";
        let t = Target::from_document(doc, 3, 8).unwrap();
        let a = Annotation::new(t, None, "메모");
        let csv = to_csv_paged(std::slice::from_ref(&a), "브리프", "", "u", &Paged);
        assert!(csv.contains(",메모,5,page,,"), "{csv}");
        let md = crate::notes::to_markdown(&[a], "브리프", &Paged);
        assert!(md.contains("\nLocation: p. 5\n"), "{md}");
    }
}
