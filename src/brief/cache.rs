//! The import cache: a brief once imported is kept as its model under
//! `$XDG_CACHE_HOME/brief/imports/`, so that opening the same file again
//! reads the model instead of importing it.
//!
//! An entry is named by the hash of what the import reads (the file's bytes
//! and the overlay's) and begins with a line naming the importer that wrote
//! it. An entry that is damaged or from another importer is a miss and is
//! written again; a cache that cannot be read or written is a miss too: the
//! brief always opens.

use std::io::Write;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};

use super::model::Brief;

/// Bumped by hand when the importer's output changes in a way the source
/// fingerprint cannot see (a dependency's behaviour, say).
pub const IMPORTER_VERSION: u32 = 1;

/// Environment variable that moves the cache (an empty value turns it off).
pub const CACHE_DIR_ENV: &str = "BRIEF_CACHE_DIR";

/// The importer that wrote an entry: crate version, [`IMPORTER_VERSION`] and
/// a fingerprint of the importer's sources taken at build time.
pub fn importer() -> String {
    format!(
        "{}+{}+{}",
        env!("CARGO_PKG_VERSION"),
        IMPORTER_VERSION,
        env!("BRIEF_IMPORTER_FINGERPRINT")
    )
}

/// The hex SHA-256 of `bytes`.
pub fn content_hash(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        out.push(char::from(DIGITS[usize::from(b >> 4)]));
        out.push(char::from(DIGITS[usize::from(b & 15)]));
    }
    out
}

/// The first line of an entry written by this importer: it names the
/// importer and the hash of the JSON that follows, so that an entry from
/// another importer or damaged in any byte is never read back.
fn header(json: &str) -> String {
    format!(
        "brief-import {} {}\n",
        importer(),
        content_hash(json.as_bytes())
    )
}

/// A brief's model as an entry: the header line, then compact JSON.
///
/// JSON rather than a binary format: the model skips empty fields when
/// serialised (the dump schema), which postcard and bincode cannot read
/// back, and decoding the seed's model takes about a tenth of importing it.
pub fn encode(brief: &Brief) -> Option<String> {
    let json = serde_json::to_string(brief).ok()?;
    Some(header(&json) + &json)
}

/// The model in an entry, if this importer wrote it and it is whole.
pub fn decode(text: &str) -> Option<Brief> {
    let json = decode_any(text)?;
    let written_by = text.strip_prefix("brief-import ")?.split(' ').next()?;
    (written_by == importer()).then(|| serde_json::from_str(json).ok())?
}

/// The model in an entry whoever wrote it, if it is whole.
pub fn decode_any(text: &str) -> Option<&str> {
    let (first, json) = text.split_once('\n')?;
    let hash = first.rsplit(' ').next()?;
    (first.starts_with("brief-import ") && hash == content_hash(json.as_bytes())).then_some(json)
}

/// Where imported briefs are kept, if anywhere.
#[derive(Debug, Clone)]
pub struct ImportCache {
    dir: Option<PathBuf>,
}

impl ImportCache {
    /// The cache of this user: `$BRIEF_CACHE_DIR`, or `<cache dir>/brief/imports`
    /// (on Linux `$XDG_CACHE_HOME/brief`, i.e. `~/.cache/brief`).
    pub fn default_place() -> ImportCache {
        let dir = match std::env::var_os(CACHE_DIR_ENV) {
            Some(d) if d.is_empty() => None,
            Some(d) => Some(PathBuf::from(d)),
            None => directories::BaseDirs::new().map(|b| b.cache_dir().join("brief")),
        };
        ImportCache {
            dir: dir.map(|d| d.join("imports")),
        }
    }

    /// A cache in `dir` (entries go straight into it).
    pub fn at(dir: &Path) -> ImportCache {
        ImportCache {
            dir: Some(dir.to_path_buf()),
        }
    }

    /// No cache: every open imports.
    pub fn off() -> ImportCache {
        ImportCache { dir: None }
    }

    /// The key of an import: the hash of the file's bytes and the overlay it
    /// is imported with (its name too, which messages may quote).
    pub fn key(bytes: &[u8], overlay: &[u8], overlay_name: &str) -> String {
        let mut h = Sha256::new();
        for part in [bytes, overlay, overlay_name.as_bytes()] {
            h.update((part.len() as u64).to_le_bytes());
            h.update(part);
        }
        hex(&h.finalize())
    }

    /// The entry file of `key`.
    pub fn path(&self, key: &str) -> Option<PathBuf> {
        Some(self.dir.as_ref()?.join(format!("{key}.json")))
    }

    /// The brief kept under `key`, if there is a good entry.
    pub fn get(&self, key: &str) -> Option<Brief> {
        let text = std::fs::read_to_string(self.path(key)?).ok()?;
        decode(&text)
    }

    /// Keep `brief` under `key`; a cache that cannot be written is skipped.
    pub fn put(&self, key: &str, brief: &Brief) {
        let (Some(dir), Some(path), Some(text)) = (&self.dir, self.path(key), encode(brief)) else {
            return;
        };
        let _ = write_atomic(dir, &path, text.as_bytes());
    }
}

/// Write `bytes` to `path` through a temporary file in `dir`, so a reader
/// never sees half an entry.
pub fn write_atomic(dir: &Path, path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn small() -> Brief {
        let (brief, _) = super::super::load::builtin().expect("the built-in brief");
        brief
    }

    #[test]
    fn an_entry_round_trips() {
        let dir = tempfile::tempdir().expect("temp dir");
        let cache = ImportCache::at(dir.path());
        let brief = small();
        assert!(cache.get("k").is_none());
        cache.put("k", &brief);
        assert_eq!(cache.get("k"), Some(brief));
    }

    #[test]
    fn another_importer_or_damage_is_a_miss() {
        let text = encode(&small()).expect("encodes");
        assert!(decode(&text).is_some());
        let other = text.replacen("brief-import ", "brief-import 0.0.0+", 1);
        assert!(decode(&other).is_none(), "another importer's entry");
        assert!(decode(&text[..text.len() / 2]).is_none(), "a cut entry");
        assert!(decode("").is_none());
        let broken = text.replacen("\"footnote\":1", "\"footnote\":9", 1);
        assert_ne!(broken, text);
        assert!(decode(&broken).is_none(), "a changed byte");
        assert!(
            decode_any(&broken).is_none(),
            "a changed byte, whatever the importer"
        );
        assert!(decode_any(&other).is_some(), "whole, from another importer");
    }

    #[test]
    fn keys_differ_by_file_and_overlay() {
        let k = ImportCache::key(b"a", b"o", "o.json");
        assert_eq!(k, ImportCache::key(b"a", b"o", "o.json"));
        assert_ne!(k, ImportCache::key(b"b", b"o", "o.json"));
        assert_ne!(k, ImportCache::key(b"a", b"p", "o.json"));
        assert_ne!(k, ImportCache::key(b"a", b"o", "p.json"));
        // Lengths are hashed: moving a byte across the boundary changes the key.
        assert_ne!(
            ImportCache::key(b"ab", b"", ""),
            ImportCache::key(b"a", b"b", "")
        );
    }

    #[test]
    fn an_unwritable_cache_is_skipped() {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("not-a-folder");
        std::fs::write(&file, "x").expect("write");
        let cache = ImportCache::at(&file.join("imports"));
        cache.put("k", &small());
        assert!(cache.get("k").is_none());
        ImportCache::off().put("k", &small());
        assert!(ImportCache::off().get("k").is_none());
    }
}
