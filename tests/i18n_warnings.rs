//! The importer's warnings, the load errors and the command line's parse errors speak the
//! interface's language: `brief check` in Korean shows no English sentence outside quoted text
//! and file names, in English it shows English, and the exit codes stay 0, 1 and 2. The
//! reader's warnings popup follows the language too.

mod common;

use common::run::{Run, brief_in, s, write};

use brief::brief::load;
use brief::brief::model::Warning;
use brief::brief::overlay::Overlay;
use brief::i18n::Lang;
use common::screens::screen;

/// A small brief with a marker that has no footnote (³) and a footnote never cited (²).
const DOUBTFUL: &str = "이슈브리프

No. 2025-10

북한의 새 전략과 한국의 대응

홍길동

통일연구원 연구위원

2025-04-01

1. 서론

북한은 새 전략을 발표했다.¹ 한국은 대응해야 한다.³

2. 결론

정부는 준비해야 한다.

¹ 조선중앙통신, 2025. 3. 1.
² 연합뉴스, 2025. 3. 2.
";

/// A text with no header and no headings.
const PLAIN: &str = "아무 머리글도 없는 글입니다.\n\n둘째 문단도 그냥 문장입니다.\n";

impl Run {
    fn all(&self) -> String {
        format!("{}{}", self.stdout, self.stderr)
    }
}

/// The binary with `args`, in a locale that says nothing (the flag decides) and no config.
fn brief(args: &[&str]) -> Run {
    brief_in("C.UTF-8", args)
}

/// `text` without what is quoted in it (“…”, «…», `…`, "…"): quoted source lines, passages
/// and commands stay as they are in any language.
fn unquoted(text: &str) -> String {
    let mut out = String::new();
    let mut closing: Option<char> = None;
    for c in text.chars() {
        match closing {
            // A quote left open ends with its line.
            Some(end) if c == end || c == '\n' => {
                closing = None;
                if c == '\n' {
                    out.push(c);
                }
            }
            Some(_) => {}
            None => match c {
                '“' => closing = Some('”'),
                '«' => closing = Some('»'),
                '`' => closing = Some('`'),
                '"' => closing = Some('"'),
                _ => out.push(c),
            },
        }
    }
    out
}

/// Every run of three or more English words outside quoted text. A file name or path is no
/// word (it holds a dot, a slash or a digit).
fn english_runs(text: &str) -> Vec<String> {
    let mut runs = Vec::new();
    for line in unquoted(text).lines() {
        let mut run: Vec<&str> = Vec::new();
        for token in line.split_whitespace().chain([""]) {
            let word = token.trim_matches(|c: char| ",.:;()!?'".contains(c));
            let english = !word.is_empty() && word.chars().all(|c| c.is_ascii_alphabetic());
            if english && !token.contains('/') {
                run.push(word);
                continue;
            }
            if run.len() >= 3 {
                runs.push(run.join(" "));
            }
            run.clear();
        }
    }
    runs
}

/// A catalogue key shown as itself (a message missing from the catalogue).
fn raw_keys(text: &str) -> Vec<&str> {
    text.split(|c: char| c.is_whitespace() || "():".contains(c))
        .filter(|t| {
            ["problem.", "io.", "cli.", "entity."]
                .iter()
                .any(|p| t.starts_with(p) && t.len() > p.len())
        })
        .collect()
}

/// Korean through and through: no English sentence, no raw key.
fn assert_korean(run: &Run) {
    let all = run.all();
    assert!(
        english_runs(&all).is_empty(),
        "{:?}\n{all}",
        english_runs(&all)
    );
    assert!(raw_keys(&all).is_empty(), "{:?}\n{all}", raw_keys(&all));
}

#[test]
fn the_checker_finds_english_and_lets_korean_and_quotes_pass() {
    let english = "경고: w.txt:7: footnote 1 is never cited in the text (add its marker)";
    assert_eq!(
        english_runs(english),
        ["is never cited in the text add its marker"]
    );
    let korean = "경고: /tmp/a b/w.txt:7: 각주 1번이 본문에서 인용되지 않습니다 (첫 줄 “Russia and North Korea”, `brief dump --format json`)";
    assert!(
        english_runs(korean).is_empty(),
        "{:?}",
        english_runs(korean)
    );
    assert_eq!(
        raw_keys("brief: x: problem.utf16 (problem.utf8_hint)"),
        ["problem.utf16", "problem.utf8_hint"]
    );
}

#[test]
fn warnings_of_a_doubtful_brief_in_either_language() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = write(dir.path(), "doubtful.txt", DOUBTFUL.as_bytes());
    let ko = brief(&["check", s(&path), "--lang", "ko"]);
    assert_eq!(ko.code, Some(1), "{}", ko.all());
    assert_korean(&ko);
    assert!(ko.stdout.starts_with("경고 2건: "), "{}", ko.stdout);
    assert!(
        ko.stdout
            .contains("각주 2번이 본문에서 인용되지 않습니다 (본문의 알맞은 자리에"),
        "{}",
        ko.stdout
    );
    assert!(
        ko.stdout
            .contains("각주 표시 3번에 해당하는 각주가 없습니다"),
        "{}",
        ko.stdout
    );
    let en = brief(&["check", s(&path), "--lang", "en"]);
    assert_eq!(en.code, Some(1), "{}", en.all());
    assert!(en.stdout.starts_with("2 warnings: "), "{}", en.stdout);
    assert!(
        en.stdout.contains("footnote 2 is never cited in the text"),
        "{}",
        en.stdout
    );
    assert!(
        en.stdout.contains("footnote marker 3 has no definition"),
        "{}",
        en.stdout
    );
    // The locale decides when no flag does.
    let locale = brief_in("ko_KR.UTF-8", &["check", s(&path)]);
    assert_eq!(locale.stdout, ko.stdout);
}

#[test]
fn a_header_without_number_date_or_author_and_no_headings() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = write(dir.path(), "plain.txt", PLAIN.as_bytes());
    let ko = brief(&["check", s(&path), "--lang", "ko"]);
    assert_eq!(ko.code, Some(1), "{}", ko.all());
    assert_korean(&ko);
    assert!(
        ko.stdout.contains("머리글에 없는 항목: 번호, 발간일, 저자"),
        "{}",
        ko.stdout
    );
    assert!(ko.stdout.contains("한 절로 보여 줍니다"), "{}", ko.stdout);
    let en = brief(&["check", s(&path), "--lang", "en"]);
    assert!(
        en.stdout.contains("the header has no number, date, author"),
        "{}",
        en.stdout
    );
}

#[test]
fn a_truncated_seed_and_its_overlay_in_korean() {
    let dir = tempfile::tempdir().expect("temp dir");
    let seed = load::DEFAULT_BRIEF;
    let half: String = seed.chars().take(seed.chars().count() / 2).collect();
    let path = write(dir.path(), "half.txt", half.as_bytes());
    let ko = brief(&["check", s(&path), "--lang", "ko"]);
    assert_eq!(ko.code, Some(1), "{}", ko.all());
    assert_korean(&ko);
    assert!(
        ko.stdout.contains("브리프가 잘렸을 수 있습니다"),
        "{}",
        ko.stdout
    );
    assert!(
        ko.stdout.contains("content/overlay.json: 보정 파일의 항목"),
        "{}",
        ko.stdout
    );
}

/// Refused with exit code 2 and one line on stderr, in the language asked for.
fn refused(args: &[&str], korean: &str, english: &str) {
    let mut ko_args = args.to_vec();
    ko_args.extend(["--lang", "ko"]);
    let ko = brief(&ko_args);
    assert_eq!(ko.code, Some(2), "{}", ko.all());
    assert!(ko.stdout.is_empty(), "{}", ko.stdout);
    assert_eq!(ko.stderr.lines().count(), 1, "{}", ko.stderr);
    assert_korean(&ko);
    assert!(ko.stderr.contains(korean), "{}", ko.stderr);
    let mut en_args = args.to_vec();
    en_args.extend(["--lang", "en"]);
    let en = brief(&en_args);
    assert_eq!(en.code, Some(2), "{}", en.all());
    assert!(en.stderr.contains(english), "{}", en.stderr);
}

#[test]
fn files_that_cannot_be_read_in_either_language() {
    let dir = tempfile::tempdir().expect("temp dir");
    let utf16 = write(dir.path(), "utf16.txt", &[0xFF, 0xFE, b'A', 0, b'\n', 0]);
    refused(
        &["check", s(&utf16)],
        "utf16.txt:1:1: 파일이 UTF-8이 아니라 UTF-16입니다 (브리프를 UTF-8 텍스트로 저장하세요)",
        "utf16.txt:1:1: the file is UTF-16, not UTF-8 (save the brief as UTF-8 text)",
    );
    let missing = dir.path().join("missing.txt");
    refused(
        &["check", s(&missing)],
        "파일을 읽을 수 없습니다: 파일이나 폴더가 없습니다",
        "no such file or folder",
    );
    refused(
        &["dump", s(dir.path())],
        "파일이 아니라 폴더입니다",
        "this is a folder, not a file",
    );
    refused(
        &["annotations", "import", s(&missing)],
        "파일을 읽을 수 없습니다: 파일이나 폴더가 없습니다",
        "no such file or folder",
    );
    let empty = write(dir.path(), "empty.txt", b"");
    refused(
        &["check", s(&empty)],
        "파일이 비어 있습니다",
        "the file is empty",
    );
    let json = write(dir.path(), "bad.json", b"{\"meta\": [}");
    refused(
        &["check", s(&json)],
        "브리프 JSON이 올바르지 않습니다",
        "the brief JSON is not valid",
    );
}

#[test]
fn parse_errors_are_one_line_in_either_language() {
    refused(
        &["check", "--jions"],
        "알 수 없는 옵션입니다: --jions (비슷한 옵션: --joins)",
        "unknown option --jions (did you mean --joins?)",
    );
    refused(
        &["library", "shelve"],
        "알 수 없는 명령입니다: `shelve`",
        "unknown command `shelve`",
    );
    refused(
        &["search"],
        "꼭 필요한 인수가 빠졌습니다",
        "missing argument",
    );
    let ko = brief(&["check", "--lang"]);
    assert_eq!(ko.code, Some(2), "{}", ko.all());
    let ko = brief(&["dump", "--format", "yaml", "--lang", "ko"]);
    assert_eq!(ko.code, Some(2), "{}", ko.all());
    assert_korean(&ko);
    assert!(
        ko.stderr.contains("쓸 수 없는 값입니다: `yaml`"),
        "{}",
        ko.stderr
    );
}

#[test]
fn a_sound_brief_is_still_ok() {
    let ko = brief(&["check", "--lang", "ko"]);
    assert_eq!(ko.code, Some(0), "{}", ko.all());
    assert!(ko.stdout.starts_with("이상 없음: "), "{}", ko.stdout);
    assert_korean(&ko);
}

/// The stored model keeps each warning's English for the JSON, with its key and arguments.
#[test]
fn the_dump_keeps_english_and_the_key() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = write(dir.path(), "doubtful.txt", DOUBTFUL.as_bytes());
    let dump = brief(&["dump", s(&path), "--lang", "ko"]);
    assert_eq!(dump.code, Some(0), "{}", dump.stderr);
    let json: serde_json::Value = serde_json::from_str(&dump.stdout).expect("the dump is JSON");
    let uncited = json["warnings"]
        .as_array()
        .and_then(|w| w.iter().find(|w| w["key"] == "problem.footnote_uncited"))
        .expect("the uncited footnote's warning");
    assert_eq!(uncited["message"], "footnote 2 is never cited in the text");
    assert_eq!(uncited["args"]["number"], "2");
    // A model stored before warnings had keys still shows its message.
    let old: Warning =
        serde_json::from_str(r#"{"line": 3, "message": "an old warning"}"#).expect("parses");
    assert_eq!(old.text(Lang::Ko), "an old warning");
    let kept: Warning = serde_json::from_value(uncited.clone()).expect("a warning");
    assert_eq!(kept.text(Lang::Ko), "각주 2번이 본문에서 인용되지 않습니다");
}

#[test]
fn the_warnings_popup_follows_the_language() {
    let overlay = Overlay::builtin().expect("the built-in overlay");
    let (brief, _) = load::load(DOUBTFUL.as_bytes(), "doubtful.txt", &overlay, "overlay")
        .expect("the brief opens");
    assert_eq!(brief.warnings.len(), 2);
    let ko = screen(&brief, Lang::Ko, (200, 50), "W");
    assert!(
        ko.contains("22행: 각주 2번이 본문에서 인용되지 않습니다"),
        "{ko}"
    );
    assert!(
        ko.contains("15행: 본문의 각주 표시 3번에 해당하는 각주가 없습니다"),
        "{ko}"
    );
    assert!(
        english_runs(&ko).is_empty(),
        "{:?}\n{ko}",
        english_runs(&ko)
    );
    let en = screen(&brief, Lang::En, (200, 50), "W");
    assert!(
        en.contains("line 22: footnote 2 is never cited in the text"),
        "{en}"
    );
}

/// An entity of kind `other` is counted under its name in the interface's language.
#[test]
fn the_kind_other_has_a_name() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (mut seed, _) = load::builtin().expect("the built-in brief");
    seed.entities[0].kind = "other".into();
    let json = serde_json::to_string(&seed).expect("serialises");
    let path = write(dir.path(), "other.json", json.as_bytes());
    let ko = brief(&["check", s(&path), "--lang", "ko"]);
    assert_eq!(ko.code, Some(0), "{}", ko.all());
    assert!(ko.stdout.contains("기타 1"), "{}", ko.stdout);
    assert!(!ko.stdout.contains("other"), "{}", ko.stdout);
    let en = brief(&["check", s(&path), "--lang", "en"]);
    assert!(en.stdout.contains("Other 1"), "{}", en.stdout);
    // The entities pane names the kind too.
    for e in &mut seed.entities {
        e.kind = "other".into();
    }
    let shown = screen(&seed, Lang::Ko, (200, 50), "<Tab>tt");
    assert!(shown.contains("│  기타 "), "{shown}");
    assert!(!shown.contains("other"), "{shown}");
}
