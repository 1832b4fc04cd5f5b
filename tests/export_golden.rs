//! The exports of a brief with notes, tags, line breaks and sources, through the real binary,
//! against golden files reviewed by eye (`tests/golden/`). `BRIEF_BLESS=1` rewrites them.

use std::path::{Path, PathBuf};
use std::process::Command;

use brief::app::notes::{Notes, brief_key};
use brief::brief::Index;
use brief::notes::{Annotation, Highlight, NoteStore, Target};

const GOLDEN: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/golden");

/// The char range of `needle` in the brief's document.
fn range(doc: &str, needle: &str) -> (usize, usize) {
    let byte = doc
        .find(needle)
        .unwrap_or_else(|| panic!("{needle} is in the brief"));
    let start = doc[..byte].chars().count();
    (start, start + needle.chars().count())
}

/// Three annotations on the built-in brief: a note over two lines with tags on a passage that
/// cites a source, a bare highlight in the summary, and a note with a blank line.
fn annotate(dir: &Path) -> PathBuf {
    annotate_brief(dir, None)
}

/// The same annotations on the brief at `file` (the built-in one without it).
fn annotate_brief(dir: &Path, file: Option<&Path>) -> PathBuf {
    let b = brief::cli::load_brief(file, None).expect("the brief loads");
    let index = Index::new(b);
    let notes = Notes::new(&index);
    let doc = &notes.document;
    let at = |needle: &str, colour, note: &str, n: u8| {
        let (s, e) = range(doc, needle);
        let mut a = Annotation::new(
            Target::from_document(doc, s, e).expect("in range"),
            colour,
            note,
        );
        a.id = format!("urn:uuid:00000000-0000-4000-8000-00000000000{n}");
        a.created = format!("2025-04-0{n}T09:30:00Z");
        a.modified = a.created.clone();
        a
    };
    let list = vec![
        at(
            "유라시아 지역을 안정시키기 위한 것이라고 강조하였다",
            None,
            "라브로프 발언의 취지.\n보고서 2장에 인용할 것 #북러 #외교",
            1,
        ),
        at("전략적 협의", Some(Highlight::Yellow), "", 2),
        at(
            "무인기(드론)",
            Some(Highlight::Pink),
            "드론 협력의 범위를 확인.\n\n후속: 국방부 자료와 대조 #군사",
            3,
        ),
    ];
    let path = dir.join("notes.json");
    let key = brief_key(&index.brief.meta.number);
    let (mut store, _) = NoteStore::open(&path, &key).expect("a new notes file");
    store.save(&list).expect("saved");
    path
}

fn export(notes: &Path, args: &[&str]) -> Vec<u8> {
    run(notes, &["annotations", "export"], args)
}

fn run(notes: &Path, command: &[&str], args: &[&str]) -> Vec<u8> {
    let out = Command::new(env!("CARGO_BIN_EXE_brief"))
        .args(command)
        .arg("--annotations")
        .arg(notes)
        .args(args)
        .env("XDG_CONFIG_HOME", notes.parent().expect("a folder"))
        .env("LC_ALL", "C.UTF-8")
        .output()
        .expect("the brief binary runs");
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

fn golden(name: &str, actual: &[u8]) {
    let path = Path::new(GOLDEN).join(name);
    if std::env::var_os("BRIEF_BLESS").is_some() {
        std::fs::write(&path, actual).expect("golden written");
        return;
    }
    let expected = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    assert!(
        expected == actual,
        "{name} differs from the golden file:\n{}",
        String::from_utf8_lossy(actual)
    );
}

#[test]
fn markdown_in_both_languages() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let notes = annotate(dir.path());
    let ko = export(
        &notes,
        &["--format", "markdown", "--lang", "ko", "--bibliography"],
    );
    golden("notes.ko.md", &ko);
    let ko = String::from_utf8(ko).expect("UTF-8");
    assert!(ko.contains(
        "이상준, 「2025년 북러 관계 전망과 한국의 대응」, 이슈브리프 No. 2025-09 (2025. 3. 24.)."
    ));
    assert!(
        ko.contains("라브로프 발언의 취지.  \n보고서 2장에 인용할 것\n"),
        "line break kept, tags once"
    );
    assert_eq!(ko.matches("#북러").count(), 1, "tags once");
    assert!(ko.contains("\n## 참고문헌\n"));
    let en = export(&notes, &["--format", "markdown", "--lang", "en"]);
    golden("notes.en.md", &en);
    let en = String::from_utf8(en).expect("UTF-8");
    assert!(en.contains("\nTags: #북러 #외교\n") && !en.contains("Bibliography"));
}

#[test]
fn html_in_both_languages() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let notes = annotate(dir.path());
    let ko = export(&notes, &["--format", "html", "--lang", "ko"]);
    golden("notes.ko.html", &ko);
    let ko = String::from_utf8(ko).expect("UTF-8");
    assert!(ko.starts_with("<!DOCTYPE html>") && ko.contains("<meta charset=\"utf-8\">"));
    assert!(ko.contains("<p>라브로프 발언의 취지.<br>보고서 2장에 인용할 것</p>"));
    assert!(ko.contains("<p>드론 협력의 범위를 확인.</p>\n<p>후속: 국방부 자료와 대조</p>"));
    golden(
        "notes.en.html",
        &export(&notes, &["--format", "html", "--lang", "en"]),
    );
}

/// Fields of an RFC 4180 document (quoted fields may hold commas, quotes and line breaks).
fn csv_rows(text: &str) -> Vec<Vec<String>> {
    let (mut rows, mut row, mut field) = (Vec::new(), Vec::new(), String::new());
    let (mut quoted, mut chars) = (false, text.chars().peekable());
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\r') => {}
            (false, '\n') => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => field.push(c),
        }
    }
    rows
}

#[test]
fn csv_opens_with_readwise_columns_and_a_bom() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let notes = annotate(dir.path());
    let bytes = export(&notes, &["--format", "csv", "--bom"]);
    golden("notes.csv", &bytes);
    assert!(bytes.starts_with(&[0xEF, 0xBB, 0xBF]), "UTF-8 BOM first");
    let text = std::str::from_utf8(&bytes[3..]).expect("UTF-8 after the BOM");
    let rows = csv_rows(text);
    assert_eq!(
        rows[0],
        [
            "Highlight",
            "Title",
            "Author",
            "URL",
            "Note",
            "Location",
            "Location Type",
            "Tags",
            "Date"
        ]
    );
    assert_eq!(rows.len(), 4, "a header and three annotations");
    assert!(rows.iter().all(|r| r.len() == 9), "{rows:?}");
    let first = &rows[1];
    assert_eq!(first[0], "전략적 협의");
    assert_eq!(
        (first[6].as_str(), first[8].as_str()),
        ("order", "2025-04-02 09:30:00")
    );
    let noted = rows
        .iter()
        .find(|r| r[7] == "북러, 외교")
        .expect("the tagged note");
    assert_eq!(
        noted[4],
        "라브로프 발언의 취지.\n보고서 2장에 인용할 것 #북러 #외교"
    );
    let without = export(&notes, &["--format", "csv"]);
    assert_eq!(
        &bytes[3..],
        without.as_slice(),
        "--bom adds the mark and nothing else"
    );
}

#[test]
fn w3c_without_pages_has_only_text_selectors() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let notes = annotate(dir.path());
    let json: serde_json::Value =
        serde_json::from_slice(&export(&notes, &["--format", "w3c"])).expect("JSON");
    let items = json["first"]["items"].as_array().expect("items");
    assert_eq!(items.len(), 3);
    for item in items {
        let selectors = item["target"]["selector"].as_array().expect("selectors");
        assert_eq!(selectors.len(), 2, "the built-in brief has no pages");
    }
}

/// The built-in brief's text with page breaks (form feeds) before the paragraph on drones
/// and at two thirds.
fn paged_brief(dir: &Path) -> PathBuf {
    let text = brief::brief::load::DEFAULT_BRIEF;
    let lines: Vec<&str> = text.split('\n').collect();
    let mut drones = lines
        .iter()
        .position(|l| l.contains("무인기(드론)"))
        .expect("the paragraph on drones");
    while drones > 0 && !lines[drones - 1].trim().is_empty() {
        drones -= 1;
    }
    let cuts = [drones, 2 * lines.len() / 3];
    let paged: Vec<String> = lines
        .iter()
        .enumerate()
        .map(|(i, l)| {
            if cuts.contains(&i) {
                format!("\u{c}{l}")
            } else {
                (*l).to_owned()
            }
        })
        .collect();
    let path = dir.join("paged.txt");
    std::fs::write(&path, paged.join("\n")).expect("written");
    path
}

#[test]
fn a_brief_with_pages_is_cited_and_located_by_page() {
    let dir = tempfile::tempdir().expect("a temp dir");
    let file = paged_brief(dir.path());
    let notes = annotate_brief(dir.path(), Some(&file));
    let name = file.to_str().expect("a UTF-8 path");
    let md = export(&notes, &[name, "--format", "markdown", "--lang", "ko"]);
    let md = String::from_utf8(md).expect("UTF-8");
    assert_eq!(md.matches("\n위치: p. 1\n").count(), 2, "{md}");
    assert_eq!(md.matches("\n위치: p. 2\n").count(), 1, "{md}");
    let csv = String::from_utf8(export(&notes, &[name, "--format", "csv"])).expect("UTF-8");
    let rows = csv_rows(&csv);
    assert!(rows[1..].iter().all(|r| r[6] == "page"), "{rows:?}");
    assert_eq!(rows[3][5], "2");
    let w3c: serde_json::Value =
        serde_json::from_slice(&export(&notes, &[name, "--format", "w3c"])).expect("JSON");
    let last = &w3c["first"]["items"][2]["target"]["selector"][2];
    assert_eq!(last["type"], "FragmentSelector");
    assert_eq!(last["value"], "page=2");
    let cited = run(&notes, &["cite"], &[name, "--page", "2", "--lang", "ko"]);
    assert!(String::from_utf8_lossy(&cited).ends_with("(2025. 3. 24.), p. 2.\n"));
}
