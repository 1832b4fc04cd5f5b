//! Raw text -> blocks: runs of non-blank lines, and footnote definitions.

/// A run of non-blank lines, or one footnote definition, with its first line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub line: usize,
    pub text: String,
}

/// Superscript digits as used for footnote markers, and their values.
pub fn superscript_value(c: char) -> Option<u32> {
    match c {
        '⁰' => Some(0),
        '¹' => Some(1),
        '²' => Some(2),
        '³' => Some(3),
        '⁴'..='⁹' => Some(c as u32 - '⁴' as u32 + 4),
        _ => None,
    }
}

/// A footnote number written in superscript digits, as markers are (`25` -> `²⁵`).
pub fn superscript(n: u32) -> String {
    const DIGITS: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
    n.to_string()
        .chars()
        .filter_map(|c| c.to_digit(10))
        .map(|d| DIGITS[d as usize])
        .collect()
}

/// The number and body of a footnote definition line (`¹ text`, `- ² text`).
pub fn footnote_definition(line: &str) -> Option<(u32, &str)> {
    let rest = line.trim_start();
    let rest = rest
        .strip_prefix("- ")
        .or_else(|| rest.strip_prefix("-"))
        .unwrap_or(rest);
    let digits: String = rest
        .chars()
        .take_while(|c| superscript_value(*c).is_some())
        .collect();
    if digits.is_empty() {
        return None;
    }
    let body = &rest[digits.len()..];
    if !body.starts_with(char::is_whitespace) {
        return None;
    }
    let number = digits
        .chars()
        .filter_map(superscript_value)
        .fold(0u32, |n, d| n.saturating_mul(10).saturating_add(d));
    Some((number, body.trim()))
}

/// Body blocks (before the first footnote definition) and footnote blocks.
pub struct Split {
    pub body: Vec<Block>,
    pub footnotes: Vec<(u32, Block)>,
}

/// Split sanitised text into body blocks and footnote definitions.
pub fn split(text: &str) -> Split {
    let mut body = Vec::new();
    let mut footnotes: Vec<(u32, Block)> = Vec::new();
    let mut current: Option<Block> = None;
    for (i, line) in text.lines().enumerate() {
        let line_no = i + 1;
        let trimmed = line.trim();
        if let Some((number, rest)) = footnote_definition(trimmed) {
            if let Some(b) = current.take() {
                body.push(b);
            }
            footnotes.push((
                number,
                Block {
                    line: line_no,
                    text: rest.to_string(),
                },
            ));
            continue;
        }
        if trimmed.is_empty() {
            if let Some(b) = current.take() {
                body.push(b);
            }
            continue;
        }
        if let Some((_, last)) = footnotes.last_mut().filter(|_| current.is_none()) {
            // A continuation line of a footnote definition.
            last.text.push(' ');
            last.text.push_str(trimmed);
            continue;
        }
        match current.as_mut() {
            Some(b) => {
                b.text.push(' ');
                b.text.push_str(trimmed);
            }
            None => {
                current = Some(Block {
                    line: line_no,
                    text: trimmed.to_string(),
                })
            }
        }
    }
    if let Some(b) = current.take() {
        body.push(b);
    }
    Split { body, footnotes }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn footnote_definitions_with_and_without_dash() {
        assert_eq!(
            footnote_definition("¹ Лавров, РБК"),
            Some((1, "Лавров, РБК"))
        );
        assert_eq!(
            footnote_definition("- ²⁵ Путин, РБК"),
            Some((25, "Путин, РБК"))
        );
        assert_eq!(footnote_definition("강조하였다.¹"), None);
        assert_eq!(footnote_definition("²text"), None);
    }

    #[test]
    fn blocks_and_footnotes() {
        let s = split("a\nb\n\nc\n\n¹ one\n\n- ² two\n  more\n");
        assert_eq!(s.body.len(), 2);
        assert_eq!(s.body[0].text, "a b");
        assert_eq!(s.body[1].line, 4);
        assert_eq!(s.footnotes.len(), 2);
        assert_eq!(s.footnotes[1].1.text, "two more");
    }
}
