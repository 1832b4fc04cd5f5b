//! Body blocks -> summary points and (sub-)sections of joined paragraphs.

use super::blocks::Block;
use super::joins::{self, Join, Vocabulary};

/// A heading line: `1. 제목` (level 1) or `1) 제목` (level 2).
pub fn heading(text: &str) -> Option<(String, String, u8)> {
    let t = text.trim();
    let digits: String = t.chars().take_while(char::is_ascii_digit).collect();
    if digits.is_empty() || t.chars().count() > 80 || !joins::ends_mid_sentence(t) {
        return None;
    }
    let rest = &t[digits.len()..];
    let (level, title) = if let Some(r) = rest.strip_prefix(". ") {
        (1, r)
    } else if let Some(r) = rest.strip_prefix(") ") {
        (2, r)
    } else {
        return None;
    };
    let number = if level == 1 {
        format!("{digits}.")
    } else {
        format!("{digits})")
    };
    Some((number, title.trim().to_string(), level))
}

/// A paragraph as it came out of the blocks: raw text and first line.
#[derive(Debug, Clone)]
pub struct RawParagraph {
    pub line: usize,
    pub text: String,
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

/// The body: summary paragraphs, sections, and the page breaks repaired.
#[derive(Debug, Default)]
pub struct Body {
    pub summary: Vec<RawParagraph>,
    pub sections: Vec<RawSection>,
    pub joins: Vec<Join>,
    /// The first line of the last block when the body stops mid-sentence:
    /// the text was most likely cut off.
    pub unfinished: Option<usize>,
}

/// Group body blocks into summary and sections, joining broken paragraphs.
pub fn build(blocks: &[Block]) -> Body {
    let vocab = Vocabulary::new(blocks.iter().map(|b| b.text.as_str()));
    let mut body = Body::default();
    let mut open = false; // whether the last paragraph continues in the next block
    for block in blocks {
        if let Some((number, title, level)) = heading(&block.text) {
            body.sections.push(RawSection {
                line: block.line,
                number,
                title,
                level,
                paragraphs: vec![],
            });
            open = false;
            continue;
        }
        let target = match body.sections.last_mut() {
            Some(s) => &mut s.paragraphs,
            None => &mut body.summary,
        };
        match target.last_mut().filter(|_| open) {
            Some(last) => {
                body.joins
                    .push(joins::join(&mut last.text, &block.text, block.line, &vocab))
            }
            None => target.push(RawParagraph {
                line: block.line,
                text: block.text.clone(),
            }),
        }
        open = target
            .last()
            .is_some_and(|p| joins::ends_mid_sentence(&p.text));
        body.unfinished = open.then_some(block.line);
    }
    body
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings() {
        assert_eq!(
            heading("1. 북러 新조약 체결 이후"),
            Some(("1.".into(), "북러 新조약 체결 이후".into(), 1))
        );
        assert_eq!(
            heading("2) 북러 주요 지도자"),
            Some(("2)".into(), "북러 주요 지도자".into(), 2))
        );
        assert_eq!(heading("2024년 6월에 서명했다."), None);
        assert_eq!(heading("1. 끝난 문장이다."), None);
    }
}
