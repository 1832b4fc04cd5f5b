//! Citing and exporting from inside the reader, without a terminal: keys -> effects, the
//! effects run as the event loop runs them.

use std::path::{Path, PathBuf};
use std::process::Command;

use base64::Engine;
use brief::app::export::{Request, Step};
use brief::app::notes::brief_key;
use brief::app::{App, Effect};
use brief::brief::{Index, load};
use brief::i18n::Lang;
use brief::notes::NoteStore;
use brief::tui::export::{clipboard_bytes, run_export};

fn app_in(lang: Lang) -> App {
    let (brief, _) = load::builtin().expect("built-in brief");
    let mut app = App::new(Index::new(brief), 120, 40);
    app.set_lang(lang);
    app
}

/// A reader with one note (over two lines, with a tag) on a passage citing a footnote.
fn annotated(lang: Lang) -> App {
    let mut app = app_in(lang);
    app.type_keys("]fv(a모스크바 방문<Enter>후속 확인 #정상회담<C-s>");
    assert_eq!(app.notes().list.len(), 1, "{}", app.message());
    app
}

/// The one export the keys asked for.
fn request(effects: &[Effect]) -> Request {
    match effects {
        [Effect::Export(r)] => r.clone(),
        other => panic!("one export asked for, not {other:?}"),
    }
}

/// Type `keys` into the path field (cleared first) and press Enter: the request made.
fn enter_path(app: &mut App, path: &Path) -> Request {
    let keys = format!("<C-u>{}<Enter>", path.display());
    request(&app.type_keys(&keys))
}

#[test]
fn the_citation_key_shows_and_copies_the_passage_citation_in_korean() {
    let mut app = app_in(Lang::Ko);
    app.type_keys("]]]]j");
    let effects = app.type_keys("c");
    let [Effect::Copy(text)] = &effects[..] else {
        panic!("a copy, not {effects:?}")
    };
    let section = app.index().brief.sections[app.doc().blocks[app.cursor().block]
        .section
        .expect("in a section")]
    .heading();
    let expected = format!(
        "이상준, 「2025년 북러 관계 전망과 한국의 대응」, 이슈브리프 No. 2025-09 (2025. 3. 24.), {section}."
    );
    assert_eq!(text, &expected);
    assert!(app.message().contains(&expected), "{}", app.message());
    let bytes = clipboard_bytes(text, false).expect("short enough to copy");
    let base64 = bytes
        .strip_prefix("\u{1b}]52;c;")
        .and_then(|b| b.strip_suffix('\u{7}'))
        .expect("an OSC 52 sequence");
    let decoded = base64::engine::general_purpose::STANDARD
        .decode(base64)
        .expect("base64");
    assert_eq!(String::from_utf8(decoded).as_deref(), Ok(expected.as_str()));
}

#[test]
fn a_brief_with_pages_is_cited_by_the_page_under_the_cursor() {
    let (mut brief, _) = load::builtin().expect("built-in brief");
    for (i, section) in brief.sections.iter_mut().enumerate() {
        for p in &mut section.paragraphs {
            p.pages = Some((i as u32 + 2, i as u32 + 2));
        }
    }
    let mut app = App::new(Index::new(brief), 120, 40);
    app.set_lang(Lang::En);
    app.type_keys("]]]]j");
    let section = app.doc().blocks[app.cursor().block]
        .section
        .expect("a section");
    app.type_keys("c");
    let page = section + 2;
    assert!(
        app.message()
            .ends_with(&format!("No. 2025-09 (March 24, 2025), p. {page}.")),
        "{}",
        app.message()
    );
}

#[test]
fn export_writes_what_the_command_line_prints() {
    let dir = tempfile::tempdir().expect("temp dir");
    for (n, (lang, keys, format, option)) in [
        (Lang::Ko, "x<Enter>", "markdown", None),
        (
            Lang::Ko,
            "xbb<Down>b<Up>1",
            "markdown",
            Some("--bibliography"),
        ),
        (Lang::En, "xjj<Enter>", "csv", Some("--bom")),
        (Lang::En, "xb4", "html", Some("--bibliography")),
        (Lang::En, "x5", "w3c", None),
    ]
    .into_iter()
    .enumerate()
    {
        let mut app = annotated(lang);
        app.type_keys(keys);
        let dialog = app.export_dialog().expect("the dialog is open");
        assert_eq!(dialog.step, Step::Path, "{keys}");
        let out = dir.path().join(format!("{n}-{format}"));
        let r = enter_path(&mut app, &out);
        run_export(&mut app, &r);
        assert!(app.export_dialog().is_none(), "{}", app.message());
        assert!(app.message().contains(&out.display().to_string()));
        let written = std::fs::read(&out).expect("the file is written");
        if option == Some("--bibliography") {
            let text = String::from_utf8_lossy(&written);
            let heading = if lang == Lang::Ko {
                "참고문헌"
            } else {
                "Bibliography"
            };
            assert!(text.contains(heading), "{keys}: {text}");
        }
        let own = dir.path().join(format!("{n}-notes"));
        std::fs::create_dir(&own).expect("a folder");
        let notes = save_notes(&app, &own);
        let mut args = vec!["--format", format, "--lang", lang.code()];
        args.extend(option);
        assert_eq!(
            String::from_utf8_lossy(&written),
            String::from_utf8_lossy(&cli_export(&notes, &args)),
            "{format}"
        );
    }
}

#[test]
fn the_default_file_is_named_after_the_series_and_number() {
    let mut app = annotated(Lang::Ko);
    app.type_keys("x3");
    let dialog = app.export_dialog().expect("open");
    assert_eq!(dialog.path_text(), "./이슈브리프_2025-09.csv");
    let r = request(&app.type_keys("<Enter>"));
    assert_eq!(r.path, PathBuf::from("./이슈브리프_2025-09.csv"));
    assert!(!r.overwrite);
}

#[test]
fn escape_cancels_at_every_step() {
    let mut app = annotated(Lang::En);
    for keys in ["x<Esc>", "xj<Esc>", "x2<Esc>", "x2abc<Esc>"] {
        let effects = app.type_keys(keys);
        assert!(effects.is_empty(), "{keys}: {effects:?}");
        assert!(app.export_dialog().is_none(), "{keys}");
        assert_eq!(app.message(), "export cancelled");
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("taken.md");
    std::fs::write(&out, "mine").expect("a file in the way");
    app.type_keys("x1");
    let r = enter_path(&mut app, &out);
    run_export(&mut app, &r);
    assert!(app.type_keys("<Esc>").is_empty());
    assert!(app.export_dialog().is_none());
    assert_eq!(std::fs::read_to_string(&out).ok().as_deref(), Some("mine"));
}

#[test]
fn an_existing_file_is_replaced_only_after_yes() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("report.md");
    std::fs::write(&out, "an older report").expect("a file in the way");
    let mut app = annotated(Lang::Ko);
    app.type_keys("x1");
    let r = enter_path(&mut app, &out);
    run_export(&mut app, &r);
    let dialog = app.export_dialog().expect("still open");
    assert_eq!(dialog.step, Step::Confirm(out.clone()));
    assert!(
        app.message().contains("덮어쓸까요? (y/n)"),
        "{}",
        app.message()
    );
    assert_eq!(
        std::fs::read_to_string(&out).ok().as_deref(),
        Some("an older report")
    );
    assert!(app.type_keys("n").is_empty(), "no says no");
    assert_eq!(
        app.export_dialog().map(|d| d.step.clone()),
        Some(Step::Path)
    );
    let again = request(&app.type_keys("<Enter>"));
    assert!(!again.overwrite);
    run_export(&mut app, &again);
    let r = request(&app.type_keys("y"));
    assert!(r.overwrite);
    run_export(&mut app, &r);
    assert!(app.export_dialog().is_none(), "{}", app.message());
    let text = std::fs::read_to_string(&out).expect("written");
    assert!(text.contains("후속 확인"), "{text}");
}

#[test]
fn an_unwritable_folder_is_one_line_and_the_dialog_stays() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut app = annotated(Lang::En);
    app.type_keys("x1");
    let r = enter_path(&mut app, &dir.path().join("no/such/folder/notes.md"));
    run_export(&mut app, &r);
    assert_eq!(
        app.export_dialog().map(|d| d.step.clone()),
        Some(Step::Path)
    );
    assert!(
        app.message().starts_with("not exported: "),
        "{}",
        app.message()
    );
    assert!(app.message().ends_with("no such folder"));
    assert!(!app.message().contains('\n'));
    let r = enter_path(&mut app, dir.path());
    run_export(&mut app, &r);
    assert!(app.message().ends_with("a folder: add a file name"));
}

#[test]
fn without_notes_the_dialog_does_not_open() {
    let mut app = app_in(Lang::En);
    assert!(app.type_keys("x").is_empty());
    assert!(app.export_dialog().is_none());
    assert!(app.message().starts_with("no notes to export yet"));
}

/// The app's notes in a notes file, for the command line.
fn save_notes(app: &App, dir: &Path) -> PathBuf {
    let path = dir.join("notes.json");
    let key = brief_key(&app.index().brief.meta.number);
    let (mut store, _) = NoteStore::open(&path, &key).expect("a notes file");
    store.save(&app.notes().list).expect("saved");
    path
}

fn cli_export(notes: &Path, args: &[&str]) -> Vec<u8> {
    let out = Command::new(env!("CARGO_BIN_EXE_brief"))
        .args(["annotations", "export", "--annotations"])
        .arg(notes)
        .args(args)
        .env("XDG_CONFIG_HOME", notes.parent().expect("a folder"))
        .env("LC_ALL", "C.UTF-8")
        .output()
        .expect("the brief binary runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

#[test]
fn the_summary_is_cited_by_its_heading_and_the_title_by_the_whole_brief() {
    let mut app = app_in(Lang::Ko);
    app.type_keys("c");
    assert_eq!(
        app.message(),
        "인용 표기를 복사했습니다: 이상준, 「2025년 북러 관계 전망과 한국의 대응」, 이슈브리프 No. 2025-09 (2025. 3. 24.)."
    );
    app.type_keys("]]");
    let block = &app.doc().blocks[app.cursor().block];
    assert!(block.section.is_none(), "in the summary");
    app.type_keys("c");
    assert!(
        app.message().ends_with("(2025. 3. 24.), 요약."),
        "{}",
        app.message()
    );
}
