//! Where notes files live, and the names of the files kept next to one.

use std::ffi::{OsStr, OsString};
use std::path::{Path, PathBuf};

/// Environment variable that overrides the notes folder.
pub const DATA_DIR_ENV: &str = "BRIEF_DATA_DIR";

/// The notes file for `brief_key`: `$BRIEF_DATA_DIR/<key>.json` if that variable is set, else
/// `<data dir>/brief/<key>.json` (on Linux `$XDG_DATA_HOME/brief`, i.e. `~/.local/share/brief`).
///
/// Characters other than ASCII letters, digits, `-`, `_` and `.` in the key become `_`, so a key
/// can never leave the folder.
pub fn default_path(brief_key: &str) -> PathBuf {
    let base = directories::BaseDirs::new().map(|b| b.data_dir().join("brief"));
    path_for(std::env::var_os(DATA_DIR_ENV), base, brief_key)
}

/// [`default_path`] without touching the environment.
pub(crate) fn path_for(
    override_dir: Option<OsString>,
    base: Option<PathBuf>,
    brief_key: &str,
) -> PathBuf {
    let dir = override_dir
        .filter(|d| !d.is_empty())
        .map(PathBuf::from)
        .or(base)
        .unwrap_or_else(|| PathBuf::from(".brief"));
    dir.join(format!("{}.json", file_stem(brief_key)))
}

fn file_stem(brief_key: &str) -> String {
    let safe: String = brief_key
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.') {
                c
            } else {
                '_'
            }
        })
        .collect();
    let trimmed = safe.trim_start_matches('.');
    if trimmed.is_empty() {
        "notes".to_owned()
    } else {
        trimmed.to_owned()
    }
}

/// `path` with `suffix` appended to its file name: `notes.json` -> `notes.json.bak`.
pub(crate) fn sibling(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.file_name().unwrap_or(OsStr::new("notes")).to_owned();
    name.push(suffix);
    path.with_file_name(name)
}

/// The folder holding `path` (`.` for a bare file name).
pub(crate) fn parent_dir(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn override_wins_then_base_then_cwd() {
        let base = Some(PathBuf::from("/home/u/.local/share/brief"));
        assert_eq!(
            path_for(Some("/d".into()), base.clone(), "2025-09"),
            PathBuf::from("/d/2025-09.json")
        );
        assert_eq!(
            path_for(Some("".into()), base.clone(), "2025-09"),
            PathBuf::from("/home/u/.local/share/brief/2025-09.json")
        );
        assert_eq!(path_for(None, None, "k"), PathBuf::from(".brief/k.json"));
    }

    #[test]
    fn keys_cannot_escape_the_folder() {
        assert_eq!(
            path_for(Some("/d".into()), None, "../x/y"),
            PathBuf::from("/d/_x_y.json")
        );
        assert_eq!(
            path_for(Some("/d".into()), None, ""),
            PathBuf::from("/d/notes.json")
        );
    }

    #[test]
    fn siblings_append_to_the_name() {
        assert_eq!(
            sibling(Path::new("/a/k.json"), ".bak"),
            PathBuf::from("/a/k.json.bak")
        );
        assert_eq!(parent_dir(Path::new("k.json")), PathBuf::from("."));
    }
}
