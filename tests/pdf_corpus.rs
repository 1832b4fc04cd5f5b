//! The PDF front-end on the corpus PDFs, checked against each brief's
//! answer key: title, pages, footnote definitions at the page bottom in a
//! smaller size, raised markers, and the lines on each side of a page break.

use std::fs;
use std::path::PathBuf;

use brief::brief::import::pdf::lines;
use brief::brief::import::source::SourceLine;
use serde_json::Value;

const BRIEFS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/briefs");

/// Each brief's name, answer key and PDF. Tests that use them are ignored
/// when the corpus is missing (see `build.rs`), except in CI, where they fail here.
fn corpus() -> Vec<(String, Value, Vec<u8>)> {
    let dir = PathBuf::from(BRIEFS);
    assert!(
        dir.join("pdf").is_dir(),
        "{BRIEFS} is missing: it is required in CI"
    );
    let mut briefs = Vec::new();
    for entry in fs::read_dir(&dir).expect("corpus folder") {
        let path = entry.expect("corpus entry").path();
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default()
            .to_string();
        let Some(stem) = name.strip_suffix(".txt.key.json") else {
            continue;
        };
        let key: Value =
            serde_json::from_str(&fs::read_to_string(&path).expect("key")).expect("key JSON");
        let file = key["pdf"]["file"].as_str().expect("key names its PDF");
        let pdf = fs::read(dir.join(file)).expect("the key's PDF");
        briefs.push((stem.to_string(), key, pdf));
    }
    assert_eq!(briefs.len(), 7, "seven briefs in the corpus");
    briefs.sort_by(|a, b| a.0.cmp(&b.0));
    briefs
}

/// Text without spaces and hyphens, for comparisons across line ends.
fn squash(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .collect()
}

fn hints(line: &SourceLine) -> &brief::brief::import::source::LayoutHints {
    line.layout.as_ref().expect("PDF lines have layout hints")
}

/// The body size: the size most characters are set in.
fn body_size(lines: &[SourceLine]) -> f32 {
    let mut counts: Vec<(f32, usize)> = Vec::new();
    for l in lines {
        let size = hints(l).font_size;
        match counts.iter_mut().find(|(s, _)| *s == size) {
            Some((_, n)) => *n += l.text.chars().count(),
            None => counts.push((size, l.text.chars().count())),
        }
    }
    counts
        .into_iter()
        .max_by_key(|&(_, n)| n)
        .map(|(s, _)| s)
        .expect("some lines")
}

/// A line's text without its raised characters.
fn unraised(line: &SourceLine) -> String {
    let raised = &hints(line).raised;
    line.text
        .chars()
        .enumerate()
        .filter(|(i, _)| !raised.iter().any(|(s, e)| s <= i && i < e))
        .map(|(_, c)| c)
        .collect()
}

/// The texts of a line's raised ranges.
fn raised_texts(line: &SourceLine) -> Vec<String> {
    let chars: Vec<char> = line.text.chars().collect();
    hints(line)
        .raised
        .iter()
        .map(|&(s, e)| chars[s..e].iter().collect())
        .collect()
}

fn footnote_numbers(key: &Value) -> Vec<u64> {
    key["footnotes"]["numbers"]
        .as_array()
        .map(|a| a.iter().filter_map(Value::as_u64).collect())
        .unwrap_or_default()
}

#[test]
#[cfg_attr(corpus_missing, ignore = "../shared/briefs is missing")]
fn every_page_is_there_in_order() {
    let briefs = corpus();
    for (name, key, pdf) in briefs {
        let lines = lines(&pdf).unwrap_or_else(|e| panic!("{name}: {e}"));
        let pages = key["pdf"]["pages"].as_u64().expect("pages") as u32;
        let seen: Vec<u32> = lines
            .iter()
            .map(|l| l.page.expect("a PDF line has a page"))
            .collect();
        assert!(
            seen.windows(2).all(|w| w[0] <= w[1]),
            "{name}: pages out of order"
        );
        assert_eq!(seen.last().copied(), Some(pages), "{name}: last page");
        for p in 1..=pages {
            assert!(seen.contains(&p), "{name}: nothing on page {p}");
        }
        let numbers: Vec<usize> = lines.iter().map(|l| l.number).collect();
        assert_eq!(
            numbers,
            (1..=lines.len()).collect::<Vec<_>>(),
            "{name}: line numbers"
        );
        for l in &lines {
            let h = hints(l);
            assert!(
                h.y > 0.0 && h.y < h.page_height && h.x >= 0.0 && h.x < h.page_width,
                "{name}: {l:?}"
            );
        }
    }
}

#[test]
#[cfg_attr(corpus_missing, ignore = "../shared/briefs is missing")]
fn the_title_is_on_the_first_page_in_large_type() {
    let briefs = corpus();
    for (name, key, pdf) in briefs {
        let lines = lines(&pdf).unwrap_or_else(|e| panic!("{name}: {e}"));
        let body = body_size(&lines);
        let title = squash(key["meta"]["title"].as_str().expect("title"));
        let large: String = lines
            .iter()
            .filter(|l| l.page == Some(1) && hints(l).font_size > 1.5 * body)
            .map(|l| squash(&l.text))
            .collect();
        assert_eq!(
            large, title,
            "{name}: the title is the large text of page 1"
        );
    }
}

#[test]
#[cfg_attr(corpus_missing, ignore = "../shared/briefs is missing")]
fn every_marker_is_raised_in_the_body() {
    let briefs = corpus();
    for (name, key, pdf) in briefs {
        let lines = lines(&pdf).unwrap_or_else(|e| panic!("{name}: {e}"));
        let body = body_size(&lines);
        let mut found: Vec<u64> = Vec::new();
        for l in lines.iter().filter(|l| hints(l).font_size >= body) {
            for t in raised_texts(l) {
                let digits: String = t.chars().filter(char::is_ascii_digit).collect();
                assert!(
                    !digits.is_empty()
                        && t.chars().all(|c| c.is_ascii_digit() || "()[]".contains(c)),
                    "{name}: raised {t:?} in {:?}",
                    l.text
                );
                found.push(digits.parse().expect("digits"));
            }
        }
        found.sort_unstable();
        assert_eq!(
            found,
            footnote_numbers(&key),
            "{name}: raised markers in body lines"
        );
    }
}

#[test]
#[cfg_attr(corpus_missing, ignore = "../shared/briefs is missing")]
fn footnote_definitions_are_small_and_at_the_page_bottom() {
    let briefs = corpus();
    for (name, key, pdf) in briefs {
        let lines = lines(&pdf).unwrap_or_else(|e| panic!("{name}: {e}"));
        let body = body_size(&lines);
        let at_bottom = key["pdf"]["notes"]
            .as_str()
            .unwrap_or_default()
            .contains("page-bottom");
        for n in footnote_numbers(&key) {
            let first = squash(
                key["footnotes"]["first_words"][n.to_string()]
                    .as_str()
                    .expect("first words"),
            );
            let (i, def) = lines
                .iter()
                .enumerate()
                .find(|(i, l)| {
                    let text = format!(
                        "{}{}",
                        l.text,
                        lines.get(i + 1).map_or("", |n| n.text.as_str())
                    );
                    let rest = squash(&text);
                    let rest = rest.trim_start_matches(['[', '(']);
                    rest.strip_prefix(&n.to_string())
                        .is_some_and(|r| r.trim_start_matches([']', ')']).starts_with(&first))
                })
                .unwrap_or_else(|| panic!("{name}: no definition of note {n}"));
            let h = hints(def);
            assert!(
                h.font_size < body,
                "{name}: note {n} set at {} (body {body})",
                h.font_size
            );
            if at_bottom {
                let page_body = lines
                    .iter()
                    .filter(|l| l.page == def.page && hints(l).font_size >= body);
                let lowest_body = page_body.map(|l| hints(l).y).fold(0.0, f32::max);
                assert!(
                    h.y > lowest_body && h.y > 0.6 * h.page_height,
                    "{name}: note {n} (line {i}) not at the page bottom"
                );
            }
        }
    }
}

#[test]
#[cfg_attr(corpus_missing, ignore = "../shared/briefs is missing")]
fn page_breaks_fall_between_the_keys_words() {
    let briefs = corpus();
    for (name, key, pdf) in briefs {
        let lines = lines(&pdf).unwrap_or_else(|e| panic!("{name}: {e}"));
        let body = body_size(&lines);
        let body_on = |p: u32| -> Vec<String> {
            lines
                .iter()
                .filter(|l| l.page == Some(p) && hints(l).font_size == body)
                .map(unraised)
                .collect()
        };
        let breaks = key["pdf"]["page_breaks"].as_array().expect("page breaks");
        for b in breaks.iter().filter(|b| b["join"] == Value::Bool(true)) {
            let pages = b["pages"].as_str().expect("pages");
            let (before, after) = pages.split_once('→').expect("a→b");
            let (before, after): (u32, u32) =
                (before.parse().expect("page"), after.parse().expect("page"));
            let left = b["left"].as_str().expect("left");
            let right = b["right"].as_str().expect("right");
            let last = body_on(before).pop().unwrap_or_default();
            let first = body_on(after).into_iter().next().unwrap_or_default();
            assert!(
                last.trim_end().ends_with(left),
                "{name} {pages}: {last:?} should end with {left:?}"
            );
            assert!(
                first.starts_with(right),
                "{name} {pages}: {first:?} should start with {right:?}"
            );
        }
    }
}
