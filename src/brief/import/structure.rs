//! Nodes -> the body's shape: front matter, summary, and sections nested by
//! the order their numbering styles first appear in (`1.` › `가.` › `(1)`).

use super::classify::{BoxKind, Classified, HeadingStyle, Node, Para};
use super::joins::Join;
use super::tables::Table;

/// A paragraph as it came out of classification: text and first line.
#[derive(Debug, Clone)]
pub struct RawParagraph {
    pub line: usize,
    pub text: String,
    /// Bullet and level of a list item.
    pub item: Option<(String, u8)>,
    pub table: Option<Table>,
    /// First and last page, where the source has pages.
    pub pages: Option<(u32, u32)>,
}

/// A section before its paragraphs are processed.
#[derive(Debug, Clone)]
pub struct RawSection {
    pub line: usize,
    pub number: String,
    pub title: String,
    pub level: u8,
    pub paragraphs: Vec<RawParagraph>,
}

/// The body: front matter, summary, sections, and the breaks repaired.
#[derive(Debug, Default)]
pub struct Body {
    pub front: Vec<RawParagraph>,
    pub front_title: String,
    pub summary: Vec<RawParagraph>,
    pub summary_title: String,
    pub sections: Vec<RawSection>,
    pub joins: Vec<Join>,
    pub line_joins: Vec<Join>,
    /// No heading was found: the body was put in one section.
    pub no_headings: bool,
}

fn raw(p: Para) -> RawParagraph {
    RawParagraph {
        line: p.line,
        text: p.text,
        item: p.item,
        table: None,
        pages: p.pages,
    }
}

/// Where paragraphs go before the first section.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Zone {
    Summary,
    Front,
}

/// Build the body from classified nodes.
pub fn build(classified: Classified, untitled: &str) -> Body {
    let mut body = Body {
        joins: classified.page_joins,
        line_joins: classified.line_joins,
        ..Body::default()
    };
    let mut styles: Vec<HeadingStyle> = Vec::new();
    let mut zone = Zone::Summary;
    for node in classified.nodes {
        match node {
            Node::Heading { line, mark } => {
                let level = level_of(&mut styles, mark.style);
                body.sections.push(RawSection {
                    line,
                    number: mark.number,
                    title: mark.title,
                    level,
                    paragraphs: Vec::new(),
                });
            }
            Node::Box { kind, title, line } => {
                if !body.sections.is_empty() {
                    push(
                        &mut body,
                        zone,
                        RawParagraph {
                            line,
                            text: title,
                            item: None,
                            table: None,
                            pages: None,
                        },
                    );
                    continue;
                }
                zone = match kind {
                    BoxKind::Summary => Zone::Summary,
                    BoxKind::Front => Zone::Front,
                };
                match kind {
                    BoxKind::Summary => body.summary_title = title,
                    BoxKind::Front => body.front_title = title,
                }
            }
            Node::Paragraph(p) => push(&mut body, zone, raw(p)),
            Node::Table { line, table } => push(
                &mut body,
                zone,
                RawParagraph {
                    line,
                    text: table.text(),
                    item: None,
                    table: Some(table),
                    pages: None,
                },
            ),
        }
    }
    if body.sections.is_empty() {
        body.no_headings = true;
        let paragraphs = std::mem::take(&mut body.summary);
        body.sections.push(RawSection {
            line: paragraphs.first().map_or(1, |p| p.line),
            number: String::new(),
            title: untitled.to_string(),
            level: 1,
            paragraphs,
        });
    }
    body
}

fn push(body: &mut Body, zone: Zone, p: RawParagraph) {
    match (body.sections.last_mut(), zone) {
        (Some(s), _) => s.paragraphs.push(p),
        (None, Zone::Summary) => body.summary.push(p),
        (None, Zone::Front) => body.front.push(p),
    }
}

/// Level of a heading style: unnumbered headings and bars are top level;
/// numbered styles nest in the order they first appear.
fn level_of(styles: &mut Vec<HeadingStyle>, style: HeadingStyle) -> u8 {
    let at = match styles.iter().position(|s| *s == style) {
        Some(p) => p,
        None => {
            styles.push(style);
            styles.len() - 1
        }
    };
    u8::try_from(at + 1).unwrap_or(u8::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::brief::import::classify::classify;
    use crate::brief::import::furniture::strip;
    use crate::brief::import::source::text_lines;

    fn body(text: &str) -> Body {
        let (rows, _) = strip(&text_lines(text));
        build(classify(&rows, &[]), "본문")
    }

    #[test]
    fn levels_nest_in_order_of_appearance() {
        let b = body(
            "1. 배경\n\n본문이다.\n\n가. 하위\n\n본문이다.\n\n(1) 더 하위\n본문이다.\n\n2. 둘째\n\n본문이다.\n",
        );
        let levels: Vec<(String, u8)> = b
            .sections
            .iter()
            .map(|s| (s.number.clone(), s.level))
            .collect();
        assert_eq!(
            levels,
            vec![
                ("1.".into(), 1),
                ("가.".into(), 2),
                ("(1)".into(), 3),
                ("2.".into(), 1)
            ]
        );
        assert_eq!(b.sections[2].paragraphs.len(), 1);
    }

    #[test]
    fn summary_box_of_items_and_a_page_break_inside_an_item() {
        let b = body(
            "요 약\n□ 첫째 요점임\n□ 둘째 요점임\n\n1. 현황\n\n□ (성과) 공장이 식료·\n\n- 1 -\n\n일용품 공장을 준공함\n○ 세부 내용임\n- 더 세부임\n□ 다음 항목임\n",
        );
        assert_eq!(b.summary_title, "요 약");
        assert_eq!(b.summary.len(), 2);
        let items: Vec<(&str, u8)> = b.sections[0]
            .paragraphs
            .iter()
            .map(|p| (p.text.as_str(), p.item.as_ref().map_or(9, |i| i.1)))
            .collect();
        assert_eq!(
            items,
            vec![
                ("(성과) 공장이 식료·일용품 공장을 준공함", 0),
                ("세부 내용임", 1),
                ("더 세부임", 2),
                ("다음 항목임", 0)
            ]
        );
    }

    #[test]
    fn unnumbered_headings_in_a_brief_without_numbers() {
        let b = body(
            "Introduction\n\nThe first paragraph runs on\nacross two lines.\n\nWhat Is in the Water\n\nMore text here.\n",
        );
        let titles: Vec<&str> = b.sections.iter().map(|s| s.title.as_str()).collect();
        assert_eq!(titles, vec!["Introduction", "What Is in the Water"]);
        assert_eq!(
            b.sections[0].paragraphs[0].text,
            "The first paragraph runs on across two lines."
        );
    }
}
