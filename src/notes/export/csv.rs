//! Export as CSV for Readwise's importer.

use super::reading_order;
use crate::notes::model::Annotation;

/// Readwise's CSV header, exactly.
const HEADER: [&str; 6] = ["Highlight", "Title", "Author", "URL", "Note", "Location"];

/// All annotations as Readwise CSV (`Highlight,Title,Author,URL,Note,Location`), RFC 4180
/// quoted with CRLF line ends, in reading order. `Location` is the quote's start char offset.
pub fn to_csv(annotations: &[Annotation], title: &str, author: &str, url: &str) -> String {
    to_csv_located(annotations, title, author, url, &|_| None)
}

/// Like [`to_csv`], but `Location` is the page a quote starts on where the
/// brief has pages (a PDF), else its start char offset.
pub fn to_csv_paged(
    annotations: &[Annotation],
    title: &str,
    author: &str,
    url: &str,
    ctx: &dyn super::PassageContext,
) -> String {
    to_csv_located(annotations, title, author, url, &|pos| ctx.page(pos))
}

fn to_csv_located(
    annotations: &[Annotation],
    title: &str,
    author: &str,
    url: &str,
    page: &dyn Fn(usize) -> Option<u32>,
) -> String {
    let mut out = String::new();
    push_row(&mut out, &HEADER.map(str::to_owned));
    for a in reading_order(annotations) {
        push_row(
            &mut out,
            &[
                a.target.exact.clone(),
                title.to_owned(),
                author.to_owned(),
                url.to_owned(),
                a.note.clone(),
                page(a.target.start).map_or_else(|| a.target.start.to_string(), |p| p.to_string()),
            ],
        );
    }
    out
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
/// bidi and escape characters are dropped first.
fn push_field(out: &mut String, field: &str) {
    let field = crate::text::sanitize(field);
    let field = field.as_str();
    if field.contains([',', '"', '\r', '\n']) {
        out.push('"');
        out.push_str(&field.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(field);
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
        let a = Annotation::new(t, None, "두 줄\n메모");
        let csv = to_csv(&[a], "9월 브리프", "", "https://e.org/b");
        assert_eq!(
            csv,
            "Highlight,Title,Author,URL,Note,Location\r\n\
             \"\"\"협력\"\",\",9월 브리프,,https://e.org/b,\"두 줄\n메모\",3\r\n"
        );
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
        assert!(csv.ends_with(",메모,5\r\n"), "{csv}");
        let md = crate::notes::to_markdown(&[a], "브리프", &Paged);
        assert!(md.contains("\n(p. 5)\n"), "{md}");
    }
}
