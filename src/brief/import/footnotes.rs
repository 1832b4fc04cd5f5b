//! Footnote definitions -> footnotes (sources are attached by linking).

use super::blocks::Block;
use crate::brief::error::Problem;
use crate::brief::message::Msg;
use crate::brief::model::Footnote;
use crate::text::sanitize_line;

/// Footnotes in number order; duplicates are reported.
pub fn definitions(
    defs: &[(u32, Block)],
    file: &str,
    problems: &mut Vec<Problem>,
) -> Vec<Footnote> {
    let mut out: Vec<Footnote> = Vec::new();
    for (number, block) in defs {
        if out.iter().any(|f| f.number == *number) {
            problems.push(Problem::at(
                file,
                Some(block.line),
                None,
                Msg::new("problem.footnote_twice").arg("number", number),
                Msg::new("problem.footnote_twice_hint"),
            ));
            continue;
        }
        out.push(Footnote {
            number: *number,
            text: sanitize_line(&block.text),
            sources: vec![],
            claims: vec![],
            pages: block.pages,
        });
    }
    out.sort_by_key(|f| f.number);
    out
}
