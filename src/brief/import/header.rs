//! The header block: series, number, title, author, affiliation, date.

use super::blocks::Block;
use crate::brief::model::Meta;

/// The header parsed from the first blocks, and how many blocks it used.
pub fn parse(blocks: &[Block]) -> Option<(Meta, usize)> {
    let number_at = blocks.iter().take(4).position(|b| is_number(&b.text))?;
    let date_at = blocks
        .iter()
        .take(10)
        .position(|b| iso_date(&b.text).is_some())?;
    if date_at < number_at + 2 {
        return None;
    }
    let series = if number_at > 0 {
        blocks[number_at - 1].text.clone()
    } else {
        String::new()
    };
    let title = blocks[number_at + 1].text.clone();
    let between: Vec<&str> = blocks[number_at + 2..date_at]
        .iter()
        .map(|b| b.text.as_str())
        .collect();
    let author = between.first().map(|s| s.to_string()).unwrap_or_default();
    let affiliation = between.get(1..).map(|r| r.join(" ")).unwrap_or_default();
    let date = iso_date(&blocks[date_at].text)?;
    let meta = Meta {
        series,
        number: blocks[number_at].text.clone(),
        title,
        author,
        affiliation,
        date,
    };
    Some((meta, date_at + 1))
}

fn is_number(s: &str) -> bool {
    let s = s.trim();
    s.len() < 24
        && (s.starts_with("No.")
            || s.starts_with("No ")
            || s.starts_with("제") && s.ends_with('호'))
}

/// `2025-03-24`, `2025.03.24` or `2025. 3. 24.` as an ISO date.
pub fn iso_date(s: &str) -> Option<String> {
    let parts: Vec<&str> = s
        .trim()
        .trim_end_matches('.')
        .split(['-', '.'])
        .map(str::trim)
        .collect();
    let [y, m, d] = parts.as_slice() else {
        return None;
    };
    let (y, m, d): (u32, u32, u32) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    let valid = (1900..=2200).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d);
    valid.then(|| format!("{y:04}-{m:02}-{d:02}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blocks(lines: &[&str]) -> Vec<Block> {
        lines
            .iter()
            .enumerate()
            .map(|(i, t)| Block {
                line: i + 1,
                text: t.to_string(),
            })
            .collect()
    }

    #[test]
    fn header_of_the_family() {
        let b = blocks(&[
            "이슈브리프",
            "No. 2025-09",
            "제목",
            "이상준",
            "국민대학교 교수",
            "2025-03-24",
            "본문",
        ]);
        let (meta, used) = parse(&b).expect("header");
        assert_eq!(used, 6);
        assert_eq!(meta.series, "이슈브리프");
        assert_eq!(meta.date, "2025-03-24");
        assert_eq!(meta.affiliation, "국민대학교 교수");
    }

    #[test]
    fn dates() {
        assert_eq!(iso_date("2024. 11. 1."), Some("2024-11-01".into()));
        assert_eq!(iso_date("2025.02.10"), Some("2025-02-10".into()));
        assert_eq!(iso_date("hello"), None);
    }
}
