//! The last reading position of each brief, kept in one small JSON file.
//! The event loop owns the store and saves through it when `update` asks
//! (`Effect::SavePosition`).

use std::path::{Path, PathBuf};

use crate::app::document::Pos;

/// The positions file and the key of the brief being read.
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

    /// The remembered position of this brief.
    pub fn load(&self) -> Option<Pos> {
        load_position(self.path.as_deref()?, &self.key)
    }

    /// Remember a position (failures are not worth interrupting the reader).
    pub fn save(&self, pos: Pos) {
        if let Some(path) = &self.path {
            save_position(path, &self.key, pos);
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

/// The remembered position for a brief.
pub fn load_position(path: &Path, key: &str) -> Option<Pos> {
    let text = std::fs::read_to_string(path).ok()?;
    let map: serde_json::Value = serde_json::from_str(&text).ok()?;
    let p = map.get(key)?;
    Some(Pos {
        block: usize::try_from(p.get("block")?.as_u64()?).ok()?,
        offset: usize::try_from(p.get("offset")?.as_u64()?).ok()?,
    })
}

/// Write a brief's position, keeping the others (temporary file, rename).
pub fn save_position(path: &Path, key: &str, pos: Pos) {
    let mut map: serde_json::Map<String, serde_json::Value> = std::fs::read_to_string(path)
        .ok()
        .and_then(|t| serde_json::from_str(&t).ok())
        .unwrap_or_default();
    map.insert(
        key.to_string(),
        serde_json::json!({ "block": pos.block, "offset": pos.offset }),
    );
    let Some(dir) = path.parent() else { return };
    if std::fs::create_dir_all(dir).is_err() {
        return;
    }
    let tmp = path.with_extension("json.tmp");
    let body = serde_json::Value::Object(map).to_string();
    if std::fs::write(&tmp, body).is_ok() {
        let _ = std::fs::rename(&tmp, path);
    }
}
