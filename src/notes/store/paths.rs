//! Where notes files live, and the names of the files kept next to one.

use std::ffi::{OsStr, OsString};
use std::path::{Path, PathBuf};

/// Environment variable that overrides the notes folder.
pub const DATA_DIR_ENV: &str = "BRIEF_DATA_DIR";

/// The notes file for `brief_key`: `$BRIEF_DATA_DIR/<key>.json` if that variable is set, else
/// `<data dir>/brief/<key>.json` (on Linux `$XDG_DATA_HOME/brief`, i.e. `~/.local/share/brief`).
///
/// A key of ASCII letters, digits, `-`, `_` and `.` is the file name as it is. Any other key
/// becomes a readable slug (other characters as `_`) plus `~` and a hash of the exact key, so a
/// key can never leave the folder and two keys never share a file (`~` never appears in a
/// plain name).
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
    let plain = |c: char| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.');
    if !brief_key.is_empty() && !brief_key.starts_with('.') && brief_key.chars().all(plain) {
        return brief_key.to_owned();
    }
    let slug: String = brief_key
        .chars()
        .map(|c| if plain(c) { c } else { '_' })
        .take(48)
        .collect();
    let slug = slug.trim_start_matches('.');
    let hash = crate::notes::text_hash(brief_key);
    let slug = if slug.is_empty() { "notes" } else { slug };
    format!("{slug}~{}", &hash[..16])
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
        let name = |k: &str| path_for(Some("/d".into()), None, k);
        for key in ["../x/y", "", ".hidden", "a/b"] {
            let p = name(key);
            assert_eq!(p.parent(), Some(Path::new("/d")), "{key}");
            assert!(
                !p.file_name().unwrap().to_string_lossy().starts_with('.'),
                "{key}"
            );
        }
        assert!(name("../x/y").to_string_lossy().starts_with("/d/_x_y~"));
    }

    #[test]
    fn distinct_keys_get_distinct_files() {
        let name = |k: &str| path_for(Some("/d".into()), None, k);
        assert_eq!(name("2025-09"), PathBuf::from("/d/2025-09.json"));
        assert_ne!(name("가-1"), name("나-1"));
        assert_ne!(name("_-1"), name("가-1"));
        assert!(name("가-1").to_string_lossy().starts_with("/d/_-1~"));
        assert_eq!(name("가-1"), name("가-1"));
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
