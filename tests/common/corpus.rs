//! The shared test corpus (`../shared/briefs`): texts, PDFs and answer keys.

use std::path::PathBuf;

/// The corpus folder. Tests that use it are ignored when it is missing
/// (see `build.rs`), except in CI, where they fail here.
pub fn dir() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/briefs");
    assert!(
        dir.is_dir(),
        "the test corpus {} is missing: it is required in CI",
        dir.display()
    );
    dir
}

/// The names of the corpus briefs (`eai-2025-04`, …), sorted.
pub fn names() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir())
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .filter_map(|e| e.file_name().into_string().ok())
                .filter_map(|n| n.strip_suffix(".txt").map(str::to_string))
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    assert!(names.len() >= 7, "the corpus holds {} briefs", names.len());
    names
}

/// A brief's text.
pub fn text(name: &str) -> String {
    std::fs::read_to_string(dir().join(format!("{name}.txt"))).unwrap_or_default()
}

/// A brief's answer key.
pub fn key(name: &str) -> serde_json::Value {
    let raw =
        std::fs::read_to_string(dir().join(format!("{name}.txt.key.json"))).unwrap_or_default();
    serde_json::from_str(&raw).unwrap_or(serde_json::Value::Null)
}
