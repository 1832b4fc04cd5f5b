//! Tables as layout-preserving extraction leaves them: a `<표 1>` caption,
//! an optional `(단위: …)` line, rows of cells set apart by wide gaps (a
//! long cell wrapping onto a line of its own), and a `자료:` line.

pub use crate::brief::model::Table;

impl Table {
    /// The table as plain text lines (caption, rows, source), for search
    /// and for readers that show text.
    pub fn text(&self) -> String {
        let mut lines = vec![self.caption.clone()];
        if !self.unit.is_empty() {
            lines.push(self.unit.clone());
        }
        let mut widths: Vec<usize> = vec![0; self.header.len()];
        for row in std::iter::once(&self.header).chain(&self.rows) {
            for (w, cell) in widths.iter_mut().zip(row) {
                *w = (*w).max(crate::text::str_width(cell));
            }
        }
        // Cells padded to their column's display width, so columns line up.
        let line = |row: &Vec<String>| {
            let last = row.len().saturating_sub(1);
            row.iter()
                .enumerate()
                .map(|(i, cell)| {
                    let pad = widths
                        .get(i)
                        .copied()
                        .unwrap_or(0)
                        .saturating_sub(crate::text::str_width(cell));
                    if i == last {
                        cell.clone()
                    } else {
                        format!("{cell}{}", " ".repeat(pad))
                    }
                })
                .collect::<Vec<_>>()
                .join(" │ ")
        };
        lines.push(line(&self.header));
        lines.extend(self.rows.iter().map(line));
        if !self.source.is_empty() {
            lines.push(self.source.clone());
        }
        lines.join("\n")
    }
}

/// Whether a line is a table caption (`<표 1> …`, `[표 1] …`, `Table 1. …`).
pub fn is_caption(t: &str) -> bool {
    let t = t.trim();
    let rest = t
        .strip_prefix('<')
        .or_else(|| t.strip_prefix('['))
        .or_else(|| t.strip_prefix('〈'))
        .unwrap_or(t)
        .trim_start();
    let after = rest
        .strip_prefix("표")
        .or_else(|| rest.strip_prefix("Table"))
        .map(str::trim_start);
    after.is_some_and(|a| a.starts_with(|c: char| c.is_ascii_digit()))
}

/// Whether a line ends a table (`자료:`, `출처:`, `Source:`).
pub fn is_source(t: &str) -> bool {
    let t = t.trim();
    ["자료:", "자료 :", "출처:", "Source:", "Sources:"]
        .iter()
        .any(|p| t.starts_with(p))
}

/// Whether a line after a gap still belongs to the table: its source or
/// unit line, or a row of two cells or more.
pub fn goes_on(t: &str) -> bool {
    is_source(t) || is_unit(t) || cells(t).len() >= 2
}

fn is_unit(t: &str) -> bool {
    let t = t.trim();
    t.starts_with("(단위") || t.starts_with("（단위") || t.starts_with("(Unit")
}

/// Cells of a row with the column each starts at (in chars).
fn cells(line: &str) -> Vec<(usize, String)> {
    let chars: Vec<char> = line.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == ' ' {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && !(chars[i] == ' ' && chars.get(i + 1).is_none_or(|c| *c == ' ')) {
            i += 1;
        }
        let cell: String = chars[start..i].iter().collect();
        out.push((start, cell.trim().to_string()));
    }
    out
}

/// Build a table from its lines (caption first).
pub fn parse(lines: &[&str]) -> Table {
    let mut table = Table::default();
    let mut columns: Vec<usize> = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let t = line.trim();
        if i == 0 {
            table.caption = t.to_string();
            continue;
        }
        if is_unit(t) {
            table.unit = t.to_string();
            continue;
        }
        if is_source(t) {
            table.source = t.to_string();
            continue;
        }
        let row = cells(line);
        if columns.is_empty() {
            columns = row.iter().map(|(c, _)| *c).collect();
            table.header = row.into_iter().map(|(_, s)| s).collect();
            continue;
        }
        let mut placed = vec![String::new(); columns.len()];
        // A full row goes in order (a PDF sets cells apart by a fixed gap,
        // not at their columns); a partial one by where its cells start.
        let full = row.len() == columns.len();
        for (k, (start, cell)) in row.into_iter().enumerate() {
            let col = if full { k } else { nearest(&columns, start) };
            if !placed[col].is_empty() {
                placed[col].push(' ');
            }
            placed[col].push_str(&cell);
        }
        let continues = placed.first().is_some_and(String::is_empty) && !table.rows.is_empty();
        match table.rows.last_mut().filter(|_| continues) {
            Some(last) => {
                for (cell, more) in last.iter_mut().zip(placed) {
                    if more.is_empty() {
                        continue;
                    }
                    if !super::joins::no_space_between(cell, &more) && !cell.is_empty() {
                        cell.push(' ');
                    }
                    cell.push_str(&more);
                }
            }
            None => table.rows.push(placed),
        }
    }
    table
}

fn nearest(columns: &[usize], start: usize) -> usize {
    columns
        .iter()
        .enumerate()
        .min_by_key(|(_, c)| c.abs_diff(start))
        .map_or(0, |(i, _)| i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_table_with_a_wrapped_cell() {
        let lines = [
            "      <표 1> 조치",
            "  시행 시기       대상 품목                   주요 내용",
            "  2023년 8월      갈륨 관련 8종               수출 허가제 도입",
            "  2025년 2월      텅스텐·텔루륨·              허가제 및 신고",
            "                  몰리브덴 관련 25종",
            "  자료: 상무부.",
        ];
        let t = parse(&lines);
        assert!(is_caption(lines[0]));
        assert_eq!(t.header, vec!["시행 시기", "대상 품목", "주요 내용"]);
        assert_eq!(t.rows.len(), 2);
        assert_eq!(t.rows[1][1], "텅스텐·텔루륨·몰리브덴 관련 25종");
        assert_eq!(t.source, "자료: 상무부.");
    }

    #[test]
    fn a_pdf_table_with_fixed_gaps() {
        let lines = [
            "<표 2> 수입액",
            "(단위: 백만 달러)",
            "품목  2022  2023",
            "희토류 화합물  187  154",
            "자료: 무역협회.",
        ];
        let t = parse(&lines);
        assert_eq!(t.header, vec!["품목", "2022", "2023"]);
        assert_eq!(t.rows, vec![vec!["희토류 화합물", "187", "154"]]);
        assert_eq!(t.unit, "(단위: 백만 달러)");
        assert!(goes_on("자료: 무역협회."));
        assert!(goes_on("흑연  412  388"));
        assert!(!goes_on("허가제 도입 초기에는 신청 후 45일 안팎이면"));
    }
}
