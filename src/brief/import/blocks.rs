//! Blocks of text with their first line, and footnote markers written as
//! superscript digits (`¹`, `²⁵`) and their definitions (`¹ text`, `- ² text`).

/// A run of non-blank lines, or one footnote definition, with its first line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub line: usize,
    pub text: String,
    /// First and last page of its lines, where the source has pages.
    pub pages: Option<(u32, u32)>,
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
}
