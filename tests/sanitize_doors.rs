//! Strings from outside pass the one sanitiser: the overlay, and file names and parser
//! messages printed in error lines.

use std::process::Command;

use brief::brief::overlay::Overlay;

fn hostile(c: char) -> bool {
    (c.is_control() && c != '\n') || ('\u{202a}'..='\u{202e}').contains(&c)
}

#[test]
fn overlay_strings_are_sanitised() {
    let json = r#"{"entities": [{"id": "e1", "kind": "person",
        "name": "푸틴\u001b]52;c;ZXZpbA==\u0007", "aliases": ["Путин\u202e\u009b31m"]}]}"#;
    let overlay = Overlay::parse(json, "overlay.json").expect("valid overlay");
    let e = &overlay.entities[0];
    assert_eq!(e.name, "푸틴");
    assert!(!e.aliases[0].chars().any(hostile), "{:?}", e.aliases[0]);
    assert!(e.aliases[0].starts_with("Путин"));
}

#[test]
fn file_names_in_error_lines_are_sanitised() {
    let dir = tempfile::tempdir().expect("test setup");
    let name = dir.path().join("evil\u{1b}]52;c;ZXZpbA==\u{7}name.txt");
    std::fs::write(&name, "\u{1}\u{2}not a brief").expect("test setup");
    let out = Command::new(env!("CARGO_BIN_EXE_brief"))
        .arg("check")
        .arg(&name)
        .output()
        .expect("test setup");
    // The text opens with warnings (on stdout) that name the file.
    let said =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    assert!(!out.status.success());
    assert!(said.contains("name.txt"), "{said}");
    assert!(!said.chars().any(hostile), "{said:?}");
}
