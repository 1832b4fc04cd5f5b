//! `positions.json`: the last reading position of every brief. Written like the notes file
//! (a new file in the same folder, then a rename; through a symlink to its target); a damaged
//! file is kept aside and reported, never silently overwritten.

use std::io::Write;
use std::path::{Path, PathBuf};

use serde_json::{Map, Value};

use crate::app::document::Pos;
use crate::i18n::text;

/// The positions file and the key of the brief being read. The event loop
/// owns it and saves through it when `update` asks (`Effect::SavePosition`).
#[derive(Debug, Clone)]
pub struct Positions {
    path: Option<PathBuf>,
    key: String,
}

impl Positions {
    /// The store in its default place (`$BRIEF_DATA_DIR` or the XDG data folder).
    pub fn open(key: &str) -> Positions {
        Positions {
            path: positions_file(),
            key: key.to_string(),
        }
    }

    /// The store in `path` (`None`: positions are not kept).
    pub fn at(path: Option<PathBuf>, key: &str) -> Positions {
        Positions {
            path,
            key: key.to_string(),
        }
    }

    /// The remembered position of this brief, and what the reader should be told.
    pub fn load(&self) -> Loaded {
        self.path
            .as_deref()
            .map(|p| load(p, &self.key))
            .unwrap_or_default()
    }

    /// Remember a position (a failure is not worth interrupting the reader:
    /// a damaged file was reported when it was loaded).
    pub fn save(&self, pos: Pos) {
        if let Some(path) = &self.path {
            let _ = save(path, &self.key, pos);
        }
    }
}

/// Where reading positions are remembered.
pub fn positions_file() -> Option<PathBuf> {
    let dir = match std::env::var_os("BRIEF_DATA_DIR") {
        Some(d) if !d.is_empty() => PathBuf::from(d),
        _ => directories::BaseDirs::new()?.data_dir().join("brief"),
    };
    Some(dir.join("positions.json"))
}

/// What reading `positions.json` found.
#[derive(Debug, Default)]
pub struct Loaded {
    /// The brief's remembered position, if any.
    pub pos: Option<Pos>,
    /// Something the reader should be told (a damaged file kept aside).
    pub notice: Option<String>,
}

/// The remembered position of brief `key`; a damaged file is moved aside and reported.
pub fn load(path: &Path, key: &str) -> Loaded {
    let Ok(bytes) = std::fs::read(path) else {
        return Loaded::default();
    };
    match serde_json::from_slice::<Map<String, Value>>(&bytes) {
        Ok(map) => Loaded {
            pos: map.get(key).and_then(pos_of),
            notice: None,
        },
        Err(e) => Loaded {
            pos: None,
            notice: Some(move_aside(path, &e.to_string())),
        },
    }
}

fn pos_of(v: &Value) -> Option<Pos> {
    let n = |k: &str| v.get(k)?.as_u64().and_then(|n| usize::try_from(n).ok());
    Some(Pos {
        block: n("block")?,
        offset: n("offset")?,
    })
}

fn move_aside(path: &Path, reason: &str) -> String {
    let stamp = chrono::Local::now().format("%Y%m%dT%H%M%S");
    let to = crate::notes::store::sibling(path, &format!(".corrupt-{stamp}"));
    let shown = path.display();
    let said = match std::fs::rename(path, &to) {
        Ok(()) => text(
            "message.positions_kept",
            &[("path", &shown), ("reason", &reason), ("to", &to.display())],
        ),
        Err(e) => {
            let error = crate::i18n::io_reason(crate::i18n::current(), &e);
            text(
                "message.positions_unkept",
                &[("path", &shown), ("reason", &reason), ("error", &error)],
            )
        }
    };
    crate::text::sanitize_line(&said)
}

/// Remember `pos` for brief `key`, keeping every other brief's position. A damaged or
/// unreadable file is left alone (it was reported when loading).
pub fn save(path: &Path, key: &str, pos: Pos) -> std::io::Result<()> {
    let mut map = match std::fs::read(path) {
        Ok(bytes) => serde_json::from_slice::<Map<String, Value>>(&bytes)
            .map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidData, e))?,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Map::new(),
        Err(e) => return Err(e),
    };
    map.insert(
        key.to_string(),
        serde_json::json!({ "block": pos.block, "offset": pos.offset }),
    );
    let target: PathBuf = crate::notes::store::write_target(path);
    let dir = crate::notes::store::parent_dir(&target);
    std::fs::create_dir_all(&dir)?;
    let mut tmp = tempfile::Builder::new()
        .prefix(".positions-")
        .suffix(".tmp")
        .tempfile_in(&dir)?;
    tmp.write_all(Value::Object(map).to_string().as_bytes())?;
    tmp.persist(&target).map_err(|e| e.error)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_round_trip_and_keep_other_briefs() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("positions.json");
        save(
            &path,
            "a",
            Pos {
                block: 3,
                offset: 4,
            },
        )
        .unwrap();
        save(
            &path,
            "b",
            Pos {
                block: 5,
                offset: 6,
            },
        )
        .unwrap();
        assert_eq!(
            load(&path, "a").pos,
            Some(Pos {
                block: 3,
                offset: 4
            })
        );
        assert_eq!(
            load(&path, "b").pos,
            Some(Pos {
                block: 5,
                offset: 6
            })
        );
    }

    #[test]
    fn damaged_file_is_kept_aside_and_reported() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("positions.json");
        std::fs::write(&path, "{\"a\": {\"block\": 1").unwrap();
        assert!(
            save(&path, "b", Pos::default()).is_err(),
            "never overwritten"
        );
        let loaded = load(&path, "a");
        let notice = loaded.notice.expect("reported");
        assert!(
            notice.contains("damaged") && notice.contains(".corrupt-"),
            "{notice}"
        );
        assert!(!path.exists());
        let kept: Vec<_> = std::fs::read_dir(dir.path()).unwrap().flatten().collect();
        assert_eq!(kept.len(), 1);
        assert_eq!(
            std::fs::read_to_string(kept[0].path()).unwrap(),
            "{\"a\": {\"block\": 1"
        );
    }

    #[test]
    fn planted_temporary_symlink_is_not_followed_and_a_linked_file_is_written_through() {
        let dir = tempfile::tempdir().unwrap();
        let other = tempfile::tempdir().unwrap();
        let victim = other.path().join("victim");
        std::fs::write(&victim, "precious").unwrap();
        let path = dir.path().join("positions.json");
        std::os::unix::fs::symlink(&victim, dir.path().join("positions.json.tmp")).unwrap();
        save(&path, "a", Pos::default()).unwrap();
        assert_eq!(std::fs::read_to_string(&victim).unwrap(), "precious");
        let real = other.path().join("synced.json");
        std::fs::write(&real, "{}").unwrap();
        std::fs::remove_file(&path).unwrap();
        std::os::unix::fs::symlink(&real, &path).unwrap();
        save(
            &path,
            "a",
            Pos {
                block: 1,
                offset: 2,
            },
        )
        .unwrap();
        assert!(
            std::fs::symlink_metadata(&path)
                .unwrap()
                .file_type()
                .is_symlink()
        );
        assert_eq!(
            load(&real, "a").pos,
            Some(Pos {
                block: 1,
                offset: 2
            })
        );
    }
}
