//! The command line's language and config file, through the real binary.

use std::path::Path;
use std::process::{Command, Output};

fn brief(args: &[&str], env: &[(&str, &str)], config_home: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_brief"))
        .args(args)
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C.UTF-8")
        .env("XDG_CONFIG_HOME", config_home)
        .envs(env.iter().copied())
        .output()
        .expect("the brief binary runs")
}

fn text(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr)
}

#[test]
fn the_flag_then_the_config_then_the_locale() {
    let home = tempfile::tempdir().expect("a temp dir");
    let search = ["search", "라브로프"];
    let english = text(&brief(&search, &[], home.path()));
    assert!(english.contains("match(es)"), "{english}");
    let korean = text(&brief(&search, &[("LANG", "ko_KR.UTF-8")], home.path()));
    assert!(korean.contains("건 찾음"), "{korean}");
    let c_wins = [("LANG", "ko_KR.UTF-8"), ("LC_ALL", "C")];
    assert!(text(&brief(&search, &c_wins, home.path())).contains("match(es)"));
    let flag = ["search", "--lang", "ko", "라브로프"];
    assert!(text(&brief(&flag, &[], home.path())).contains("건 찾음"));
    std::fs::create_dir_all(home.path().join("brief")).expect("config folder");
    std::fs::write(home.path().join("brief/config.toml"), "lang = \"ko\"\n").expect("config");
    assert!(
        text(&brief(&search, &[], home.path())).contains("건 찾음"),
        "the config's language"
    );
    let over = ["search", "--lang=en", "라브로프"];
    assert!(
        text(&brief(&over, &[], home.path())).contains("match(es)"),
        "the flag beats it"
    );
    let help = text(&brief(&["--help"], &[], home.path()));
    assert!(
        help.contains("정책 브리프를 읽는 터미널 리더") && help.contains("명령:"),
        "{help}"
    );
}

#[test]
fn a_bad_config_is_one_line_and_exit_2() {
    let home = tempfile::tempdir().expect("a temp dir");
    let file = home.path().join("brief/config.toml");
    std::fs::create_dir_all(home.path().join("brief")).expect("config folder");
    std::fs::write(
        &file,
        "ascii_frames = true\n\n[keys]\nj = \"jump_around\"\n",
    )
    .expect("config");
    let out = brief(&["check"], &[], home.path());
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.starts_with(&format!(
            "brief: {}:4: `jump_around` is not an action",
            file.display()
        )),
        "{stderr}"
    );
    let missing = brief(
        &["check", "--config", "/nonexistent/brief.toml"],
        &[],
        home.path(),
    );
    assert_eq!(
        missing.status.code(),
        Some(2),
        "an explicit config must exist"
    );
}

#[test]
fn a_key_conflict_a_key_to_unbind_or_an_unknown_theme_is_one_line_and_exit_2() {
    let home = tempfile::tempdir().expect("a temp dir");
    let file = home.path().join("brief/config.toml");
    std::fs::create_dir_all(home.path().join("brief")).expect("config folder");
    let cases = [
        (
            "[keys]\nJ = \"quit\"\n\n[keys.normal]\nJ = \"help\"\n",
            ":5: `J` is bound twice in normal mode (also on line 2)",
        ),
        (
            "[keys.library]\n\"gg\" = \"top\"\n",
            ":2: `gg` conflicts with `g` in library mode",
        ),
        (
            "[keys.library_input]\n\"q\" = \"quit\"\n",
            ":2: `q` is typed as text in library_input mode",
        ),
        (
            "[keys.library]\n\n\"Z\" = \"none\"\n",
            ":3: `Z` is not bound in library mode, so there is nothing to unbind",
        ),
        (
            "lang = \"en\"\ntheme = \"dark\"\n",
            ":2: theme `dark` is not one of default, light, mono",
        ),
    ];
    for (config, said) in cases {
        std::fs::write(&file, config).expect("config");
        let out = brief(&["check", "--lang", "en"], &[], home.path());
        assert_eq!(out.status.code(), Some(2), "{config}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        let expected = format!("brief: {}{said}", file.display());
        assert!(stderr.starts_with(&expected), "{stderr}");
    }
}

#[test]
fn cite_prints_the_reference_and_a_paragraph_by_its_section() {
    let home = tempfile::tempdir().expect("a temp dir");
    let whole = brief(&["cite", "--lang", "ko"], &[], home.path());
    assert_eq!(
        String::from_utf8_lossy(&whole.stdout),
        "이상준, 「2025년 북러 관계 전망과 한국의 대응」, 이슈브리프 No. 2025-09 (2025. 3. 24.).\n"
    );
    let page = brief(&["cite", "--page", "3"], &[], home.path());
    assert_eq!(
        page.status.code(),
        Some(2),
        "the built-in brief has no pages"
    );
    let copied = brief(&["cite", "--copy"], &[], home.path());
    assert!(
        !String::from_utf8_lossy(&copied.stdout).contains('\u{1b}'),
        "no escape sequence into a pipe"
    );
}
