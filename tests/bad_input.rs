//! Bad input through the real binary: an unreadable file gets one clear
//! line per problem, naming the file (and line[:column]) and what to do,
//! and exit code 2; a readable but doubtful one opens, and `check` lists
//! each doubt as a warning (exit code 1); never a panic.

use common::run::{Run, brief_in, s, write};

mod common;

const SEED: &str = include_str!("../content/brief.txt");

/// The binary with `args`, in English.
fn brief(args: &[&str]) -> Run {
    brief_in("C.UTF-8", args)
}

/// Exit code 2, no panic, nothing on stdout, and every stderr line names a
/// file and says what to do; returns the lines.
fn refused(run: &Run) -> Vec<String> {
    assert_eq!(run.code, Some(2), "exit code; stderr: {}", run.stderr);
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    assert!(run.stdout.is_empty(), "stdout: {}", run.stdout);
    let lines: Vec<String> = run.stderr.lines().map(str::to_string).collect();
    assert!(!lines.is_empty());
    for l in &lines {
        assert!(l.starts_with("brief: "), "{l}");
        assert!(l.ends_with(')'), "a line ends with what to do: {l}");
    }
    lines
}

/// `check`, `dump` and `search` all refuse the file the same way.
fn refused_everywhere(file: &str) -> Vec<String> {
    let lines = refused(&brief(&["check", file]));
    assert_eq!(refused(&brief(&["dump", file])), lines);
    assert_eq!(refused(&brief(&["search", file, "북러"])), lines);
    lines
}

/// `check` exits 1 and lists warnings, each naming the file and what to
/// do; `dump` and `search` open the brief all the same. Returns the warnings.
fn warned(file: &str) -> Vec<String> {
    let run = brief(&["check", file]);
    assert_eq!(
        run.code,
        Some(1),
        "exit code; stdout: {} stderr: {}",
        run.stdout,
        run.stderr
    );
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    let lines: Vec<String> = run
        .stdout
        .lines()
        .filter_map(|l| l.strip_prefix("warning: "))
        .map(str::to_string)
        .collect();
    assert!(!lines.is_empty(), "{}", run.stdout);
    for l in &lines {
        assert!(l.ends_with(')'), "a warning ends with what to do: {l}");
    }
    let dump = brief(&["dump", file]);
    assert_eq!(dump.code, Some(0), "dump opens it: {}", dump.stderr);
    assert!(dump.stdout.starts_with('{'), "{}", dump.stdout);
    let search = brief(&["search", file, "북러"]);
    assert!(
        matches!(search.code, Some(0)),
        "search opens it: {}",
        search.stderr
    );
    lines
}

fn one_line(lines: &[String]) -> &str {
    assert_eq!(lines.len(), 1, "{lines:?}");
    &lines[0]
}

#[test]
fn empty_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = write(dir.path(), "empty.txt", b"");
    let lines = refused_everywhere(s(&path));
    let line = one_line(&lines);
    assert!(
        line.starts_with(&format!("brief: {}: ", s(&path))),
        "{line}"
    );
    assert!(line.contains("empty"), "{line}");
    let blank = write(dir.path(), "blank.txt", b" \n\n\t\n");
    assert!(one_line(&refused(&brief(&["check", s(&blank)]))).contains("empty"));
}

#[test]
fn binary_bytes() {
    let dir = tempfile::tempdir().expect("temp dir");
    let png = write(
        dir.path(),
        "image.png",
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\xff\xfe\x00\x01",
    );
    let line = one_line(&refused_everywhere(s(&png))).to_string();
    assert!(
        line.starts_with(&format!("brief: {}:1:1: ", s(&png))),
        "{line}"
    );
    assert!(line.contains("UTF-8"), "{line}");
    let nul = write(dir.path(), "nul.txt", b"text\nmore\0bytes\n");
    let line = one_line(&refused(&brief(&["check", s(&nul)]))).to_string();
    assert!(
        line.starts_with(&format!("brief: {}:2", s(&nul))) && line.contains("binary"),
        "{line}"
    );
}

#[test]
fn utf16_with_bom() {
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, bom, big) in [
        ("le.txt", [0xFF, 0xFE], false),
        ("be.txt", [0xFE, 0xFF], true),
    ] {
        let mut bytes = bom.to_vec();
        for unit in SEED.encode_utf16() {
            bytes.extend(if big {
                unit.to_be_bytes()
            } else {
                unit.to_le_bytes()
            });
        }
        let path = write(dir.path(), name, &bytes);
        let line = one_line(&refused_everywhere(s(&path))).to_string();
        assert!(
            line.contains("UTF-16") && line.contains("save the brief as UTF-8"),
            "{line}"
        );
    }
}

#[test]
fn invalid_utf8_in_the_middle_names_line_and_column() {
    let dir = tempfile::tempdir().expect("temp dir");
    let at = SEED.find("라브로프").expect("the seed names 라브로프");
    let mut bytes = SEED.as_bytes()[..at].to_vec();
    bytes.extend(b"\xC3\x28");
    bytes.extend(&SEED.as_bytes()[at..]);
    let before = &SEED[..at];
    let line_no = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    let path = write(dir.path(), "broken.txt", &bytes);
    let line = one_line(&refused_everywhere(s(&path))).to_string();
    assert!(
        line.starts_with(&format!("brief: {}:{line_no}:{column}: ", s(&path))),
        "{line}"
    );
    assert!(line.contains("not valid UTF-8"), "{line}");
}

#[test]
fn plain_text_opens_with_a_warning_about_its_header() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = write(
        dir.path(),
        "notes.txt",
        "\n장보기 목록\n\n우유, 계란, 두부.\n\nHello world.\n".as_bytes(),
    );
    let lines = warned(s(&path));
    let header = lines
        .iter()
        .find(|l| l.contains("header"))
        .expect("a header warning");
    assert!(header.starts_with(&format!("{}:2: ", s(&path))), "{header}");
    assert!(
        header.contains("“장보기 목록”"),
        "the warning quotes the line: {header}"
    );
    let dump = brief(&["dump", s(&path), "--format", "text"]);
    for text in ["우유, 계란, 두부.", "Hello world."] {
        assert!(
            dump.stdout.contains(text),
            "{text} is kept: {}",
            dump.stdout
        );
    }
}

#[test]
fn a_missing_file() {
    let line = one_line(&refused(&brief(&["check", "/nonexistent/brief.txt"]))).to_string();
    assert!(
        line.starts_with("brief: /nonexistent/brief.txt: cannot read"),
        "{line}"
    );
}

#[test]
fn a_truncated_brief_opens_and_warns_of_every_problem() {
    let dir = tempfile::tempdir().expect("temp dir");
    let half: String = SEED.chars().take(SEED.chars().count() / 2).collect();
    let path = write(dir.path(), "half.txt", half.as_bytes());
    let file = s(&path);
    let lines = warned(file);
    // The cut itself, at the line where the text stops.
    let last_line = half.trim_end().lines().count();
    assert!(
        lines[0].starts_with(&format!("{file}:{last_line}: ")),
        "{}",
        lines[0]
    );
    assert!(lines[0].contains("truncated"), "{}", lines[0]);
    // Every marker left without its definition, each at its own line.
    let markers: Vec<&String> = lines
        .iter()
        .filter(|l| l.contains("has no definition"))
        .collect();
    let cited = (1..=25).filter(|n| half.contains(&superscript(*n))).count();
    assert!(cited >= 10, "{cited}");
    assert_eq!(markers.len(), cited, "{lines:?}");
    for (n, l) in (1..).zip(&markers) {
        assert!(
            l.starts_with(&format!("{file}:")) && l.contains(&format!("marker {n} ")),
            "{l}"
        );
    }
    // What the overlay cannot resolve in a broken brief is one line.
    let overlay = lines.last().expect("an overlay line");
    assert!(
        overlay.starts_with("content/overlay.json: ") && overlay.contains("do not resolve"),
        "{overlay}"
    );
    assert_eq!(lines.len(), markers.len() + 2, "{lines:?}");
}

fn superscript(n: u32) -> String {
    const DIGITS: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
    n.to_string()
        .chars()
        .filter_map(|c| c.to_digit(10))
        .map(|d| DIGITS[d as usize])
        .collect()
}

#[test]
fn footnotes_without_markers_and_duplicates() {
    let dir = tempfile::tempdir().expect("temp dir");
    let text = SEED.replace("강조하였다.¹", "강조하였다.")
        + "\n- ²⁵ 한 번 더 정의된 각주, 연합뉴스, 2024. 1. 1.\n";
    let path = write(dir.path(), "dup.txt", text.as_bytes());
    let lines = warned(s(&path));
    assert_eq!(lines.len(), 2, "{lines:?}");
    assert!(
        lines
            .iter()
            .any(|l| l.contains("footnote 1 is never cited")),
        "{lines:?}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.contains("footnote 25 is defined twice")),
        "{lines:?}"
    );
}

#[test]
fn malformed_json_names_line_and_column() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = write(
        dir.path(),
        "brief.json",
        b"{\n  \"meta\": {\"series\": \"x\",\n    \"number\": }\n}\n",
    );
    let line = one_line(&refused_everywhere(s(&path))).to_string();
    assert!(
        line.starts_with(&format!("brief: {}:3:15: ", s(&path))),
        "{line}"
    );
    assert!(line.contains("JSON"), "{line}");
    let wrong = write(dir.path(), "wrong.json", b"{\"meta\": 1}");
    let line = one_line(&refused(&brief(&["check", s(&wrong)]))).to_string();
    assert!(
        line.starts_with(&format!("brief: {}:1:", s(&wrong))),
        "{line}"
    );
}

#[test]
fn json_with_links_that_do_not_resolve() {
    let dir = tempfile::tempdir().expect("temp dir");
    let dump = brief(&["dump"]).stdout;
    let broken = dump
        .replacen("\"src-1\"", "\"src-999\"", 1)
        .replacen("\"p3\"", "\"p999\"", 1);
    let path = write(dir.path(), "broken.json", broken.as_bytes());
    let lines = refused(&brief(&["check", s(&path)]));
    assert!(lines.len() >= 2, "{lines:?}");
    assert!(
        lines
            .iter()
            .all(|l| l.starts_with(&format!("brief: {}: ", s(&path)))),
        "{lines:?}"
    );
}

const OVERLAY: &str = r#"{
  "brief": "No. 2025-09",
  "entities": [
    { "id": "lavrov", "kind": "person", "name": "라브로프", "aliases": ["Lavrov"] },
    { "id": "putin", "kind": "wizard", "name": "푸틴" }
  ],
  "recommendations": [
    {
      "id": "r1", "title": "t", "actor": "a", "condition": "c", "area": "x", "text": "t",
      "passages": ["이 문장은 브리프 어디에도 없다"]
    }
  ]
}
"#;

#[test]
fn overlay_that_does_not_resolve() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = write(dir.path(), "overlay.json", OVERLAY.as_bytes());
    let file = s(&path);
    let lines = refused(&brief(&["check", "--overlay", file]));
    assert_eq!(lines.len(), 2, "{lines:?}");
    assert!(
        lines[0].starts_with(&format!(
            "brief: {file}:5: entity `putin` has unknown kind `wizard`"
        )),
        "{}",
        lines[0]
    );
    assert!(lines[0].contains("use one of: person"), "{}", lines[0]);
    assert!(
        lines[1].starts_with(&format!("brief: {file}:10: recommendation `r1`")),
        "{}",
        lines[1]
    );
    assert!(lines[1].contains("is not in the brief"), "{}", lines[1]);
    assert_eq!(refused(&brief(&["dump", "--overlay", file])), lines);
}

#[test]
fn overlay_that_is_not_valid_json() {
    let dir = tempfile::tempdir().expect("temp dir");
    let bad = OVERLAY.replace("\"kind\": \"wizard\",", "\"kind\": \"wizard\"");
    let path = write(dir.path(), "overlay.json", bad.as_bytes());
    let line = one_line(&refused(&brief(&["check", "--overlay", s(&path)]))).to_string();
    assert!(
        line.starts_with(&format!("brief: {}:5:", s(&path))),
        "{line}"
    );
    let unknown = OVERLAY.replace("\"aliases\"", "\"nicknames\"");
    let path = write(dir.path(), "unknown.json", unknown.as_bytes());
    let line = one_line(&refused(&brief(&["check", "--overlay", s(&path)]))).to_string();
    assert!(
        line.starts_with(&format!("brief: {}:4:", s(&path))) && line.contains("nicknames"),
        "{line}"
    );
}

#[test]
fn escape_sequences_never_reach_the_output() {
    let dir = tempfile::tempdir().expect("temp dir");
    let hostile = SEED
        .replacen("이슈브리프", "\x1b[31m이슈브리프\x1b[0m\x1b]0;pwned\x07", 1)
        .replacen("라브로프는", "라브로프\x1b[2J는", 1)
        .replacen(
            "RFA, 2025.02.10.",
            "RFA\x1b]8;;https://evil.example\x1b\\, 2025.02.10.",
            1,
        );
    assert!(hostile.contains('\x1b'));
    let path = write(dir.path(), "hostile.txt", hostile.as_bytes());
    let file = s(&path);
    let check = brief(&["check", file]);
    assert_eq!(check.code, Some(0), "{}", check.stderr);
    for format in ["json", "text", "markdown"] {
        let out = brief(&["dump", file, "--format", format]);
        assert_eq!(out.code, Some(0), "{}", out.stderr);
        assert!(
            !out.stdout.contains(['\x1b', '\x07', '\u{9b}']),
            "{format} output holds a control"
        );
        assert!(
            !out.stdout.contains("pwned") && !out.stdout.contains("evil.example"),
            "{format}"
        );
    }
    let clean = brief(&["dump", "--format", "json"]).stdout;
    assert_eq!(
        brief(&["dump", file, "--format", "json"]).stdout,
        clean,
        "the stripped brief is the seed"
    );
    let search = brief(&["search", file, "라브로프는"]);
    assert!(search.stdout.contains("라브로프는") && !search.stdout.contains('\x1b'));
}
