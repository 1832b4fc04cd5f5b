//! A library of briefs: each kept as its imported model with the original
//! file's path and hash, under `$XDG_DATA_HOME/brief/library/` next to the
//! notes. Opening a brief of the library reads its model; it is imported
//! again only when the original file or the importer has changed.

pub mod catalog;
pub mod indexes;
pub mod search;

use std::path::{Path, PathBuf};

use crate::brief::cache::{self, ImportCache};
use crate::brief::load;
use crate::brief::overlay::DEFAULT_OVERLAY;
use crate::brief::{Brief, LoadError};
pub use catalog::{Catalog, Entry};

/// What went wrong in the library, in one line.
#[derive(Debug, thiserror::Error)]
pub enum LibraryError {
    #[error("{path}: cannot {what}: {source} (check the folder's permissions)")]
    Io {
        what: &'static str,
        path: String,
        source: std::io::Error,
    },
    #[error(
        "{path}: the library's catalog is damaged: {reason} (remove it and add the briefs again)"
    )]
    Catalog { path: String, reason: String },
    #[error("no brief {0} in the library (see `brief library list`)")]
    NotFound(String),
    #[error("{0}")]
    Load(String),
}

impl From<LoadError> for LibraryError {
    fn from(e: LoadError) -> Self {
        let lines: Vec<String> = e.problems.iter().map(|p| p.to_string()).collect();
        LibraryError::Load(lines.join("; "))
    }
}

/// What adding one file gave: its entry and whether it is new, or why not.
pub type Added = Result<(Entry, bool), LibraryError>;

/// Why a brief was imported again on opening.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reimport {
    /// The original file's content changed.
    FileChanged,
    /// The stored model was made by another importer (or is damaged).
    ImporterChanged,
}

/// A brief opened from the library.
#[derive(Debug)]
pub struct Opened {
    pub entry: Entry,
    pub brief: Brief,
    /// Set when it had to be imported again.
    pub reimported: Option<Reimport>,
    /// Set when the original file is gone and the stored model was used as it is.
    pub original_missing: bool,
}

/// The library in a folder.
#[derive(Debug, Clone)]
pub struct Library {
    dir: PathBuf,
    cache: ImportCache,
}

const CATALOG: &str = "catalog.json";
const OVERLAY_NAME: &str = "content/overlay.json";

fn io(what: &'static str, path: &Path) -> impl FnOnce(std::io::Error) -> LibraryError {
    let path = crate::text::sanitize_line(&path.display().to_string());
    move |source| LibraryError::Io { what, path, source }
}

impl Library {
    /// The user's library: `$BRIEF_DATA_DIR/library`, or `<data dir>/brief/library`.
    pub fn default_place() -> Library {
        let notes = crate::notes::default_path("library");
        let dir = notes
            .parent()
            .map_or_else(|| PathBuf::from(".brief"), Path::to_path_buf);
        Library {
            dir: dir.join("library"),
            cache: ImportCache::default_place(),
        }
    }

    /// A library in `dir`, importing through `cache`.
    pub fn at(dir: &Path, cache: ImportCache) -> Library {
        Library {
            dir: dir.to_path_buf(),
            cache,
        }
    }

    /// The library's folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn model_path(&self, id: &str) -> PathBuf {
        self.dir.join("briefs").join(format!("{id}.json"))
    }

    /// The catalog; an absent one is an empty library.
    pub fn catalog(&self) -> Result<Catalog, LibraryError> {
        let path = self.dir.join(CATALOG);
        let text = match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Catalog::default()),
            Err(e) => return Err(io("read the catalog", &path)(e)),
        };
        serde_json::from_str(&text).map_err(|e| LibraryError::Catalog {
            path: crate::text::sanitize_line(&path.display().to_string()),
            reason: e.to_string(),
        })
    }

    /// Hold `catalog.json.lock` while the catalog is read, changed and
    /// written, so that two commands at once never lose an entry (`None`
    /// where the file system has no locks).
    fn lock(&self) -> Result<Option<std::fs::File>, LibraryError> {
        let path = self.dir.join("catalog.json.lock");
        std::fs::create_dir_all(&self.dir).map_err(io("make the library's folder", &self.dir))?;
        crate::notes::store::lock::take(&path).map_err(io("lock the catalog", &path))
    }

    fn save(&self, catalog: &Catalog) -> Result<(), LibraryError> {
        let path = self.dir.join(CATALOG);
        let mut catalog = catalog.clone();
        catalog.version = catalog::CATALOG_VERSION;
        let text = serde_json::to_string_pretty(&catalog).unwrap_or_default() + "\n";
        cache::write_atomic(&self.dir, &path, text.as_bytes())
            .map_err(io("write the catalog", &path))
    }

    fn store_model(&self, id: &str, brief: &Brief) -> Result<(), LibraryError> {
        let path = self.model_path(id);
        let text = cache::encode(brief).unwrap_or_default();
        let dir = self.dir.join("briefs");
        cache::write_atomic(&dir, &path, text.as_bytes()).map_err(io("write the brief", &path))
    }

    fn import(&self, bytes: &[u8], name: &str) -> Result<Brief, LoadError> {
        load::load_cached(bytes, name, DEFAULT_OVERLAY, OVERLAY_NAME, &self.cache)
    }

    /// Add files (text, dump JSON, PDF); each gives its entry and whether it
    /// is new, or why it could not be added. A file already in the library
    /// (same content) is not added twice; the catalog is written once.
    pub fn add(&self, files: &[PathBuf]) -> Result<Vec<Added>, LibraryError> {
        let _lock = self.lock()?;
        let mut catalog = self.catalog()?;
        let mut out = Vec::new();
        for file in files {
            out.push(self.add_one(&mut catalog, file));
        }
        if out.iter().any(|r| matches!(r, Ok((_, true)))) {
            self.save(&catalog)?;
        }
        Ok(out)
    }

    fn add_one(&self, catalog: &mut Catalog, file: &Path) -> Result<(Entry, bool), LibraryError> {
        let bytes = crate::cli::input::read(file, crate::cli::input::limit())?;
        let hash = cache::content_hash(&bytes);
        if let Some(e) = catalog.by_hash(&hash) {
            return Ok((e.clone(), false));
        }
        let brief = self.import(&bytes, &file.display().to_string())?;
        let entry = self.keep(catalog, file, hash, &brief)?;
        Ok((entry, true))
    }

    /// A new entry for `brief`, imported from `file` whose bytes hash to `hash`.
    fn keep(
        &self,
        catalog: &mut Catalog,
        file: &Path,
        hash: String,
        brief: &Brief,
    ) -> Result<Entry, LibraryError> {
        let path = std::path::absolute(file).unwrap_or_else(|_| file.to_path_buf());
        let entry = Entry {
            id: catalog.new_id(&hash),
            path: path.display().to_string(),
            hash,
            importer: cache::importer(),
            added: chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            meta: brief.meta.clone(),
            paragraphs: brief.paragraphs().count(),
        };
        self.store_model(&entry.id, brief)?;
        catalog.briefs.push(entry.clone());
        Ok(entry)
    }

    /// Add briefs imported elsewhere, each with the file it came from and
    /// the hash of that file's bytes; the catalog is written once.
    pub fn add_imported(
        &self,
        briefs: &[(PathBuf, String, Brief)],
    ) -> Result<Vec<Entry>, LibraryError> {
        let _lock = self.lock()?;
        let mut catalog = self.catalog()?;
        let mut out = Vec::with_capacity(briefs.len());
        for (file, hash, brief) in briefs {
            out.push(self.keep(&mut catalog, file, hash.clone(), brief)?);
        }
        self.save(&catalog)?;
        Ok(out)
    }

    /// Remove a brief (by id or unique prefix) and its stored model; its
    /// annotations stay where they are.
    pub fn remove(&self, id: &str) -> Result<Entry, LibraryError> {
        let _lock = self.lock()?;
        let mut catalog = self.catalog()?;
        let entry = catalog
            .find(id)
            .cloned()
            .ok_or_else(|| LibraryError::NotFound(crate::text::sanitize_line(id)))?;
        catalog.briefs.retain(|e| e.id != entry.id);
        self.save(&catalog)?;
        let _ = std::fs::remove_file(self.model_path(&entry.id));
        Ok(entry)
    }

    /// The stored model of an entry, if it is whole and this importer made it.
    pub fn stored(&self, entry: &Entry) -> Option<Brief> {
        let text = std::fs::read_to_string(self.model_path(&entry.id)).ok()?;
        cache::decode(&text)
    }

    /// Open a brief: its stored model, imported again (and kept) only if
    /// the original file changed or another importer made the model.
    pub fn open(&self, id: &str) -> Result<Opened, LibraryError> {
        let _lock = self.lock()?;
        let mut catalog = self.catalog()?;
        let at = catalog
            .briefs
            .iter()
            .position(|e| Some(e.id.as_str()) == catalog.find(id).map(|f| f.id.as_str()))
            .ok_or_else(|| LibraryError::NotFound(crate::text::sanitize_line(id)))?;
        let entry = catalog.briefs[at].clone();
        let original = std::fs::read(&entry.path).ok();
        let stored = self.stored(&entry);
        let reason = match (&original, &stored) {
            (Some(bytes), _) if cache::content_hash(bytes) != entry.hash => Reimport::FileChanged,
            (_, Some(brief)) => {
                return Ok(Opened {
                    entry,
                    brief: brief.clone(),
                    reimported: None,
                    original_missing: original.is_none(),
                });
            }
            (Some(_), None) => Reimport::ImporterChanged,
            (None, None) => return self.open_stale(entry),
        };
        let bytes = original.unwrap_or_default();
        let brief = self.import(&bytes, &entry.path)?;
        self.store_model(&entry.id, &brief)?;
        let updated = Entry {
            hash: cache::content_hash(&bytes),
            importer: cache::importer(),
            meta: brief.meta.clone(),
            paragraphs: brief.paragraphs().count(),
            ..entry
        };
        catalog.briefs[at] = updated.clone();
        self.save(&catalog)?;
        Ok(Opened {
            entry: updated,
            brief,
            reimported: Some(reason),
            original_missing: false,
        })
    }

    /// The original is gone and another importer made the model: read it
    /// as it is, if it is whole.
    fn open_stale(&self, entry: Entry) -> Result<Opened, LibraryError> {
        let path = self.model_path(&entry.id);
        let text = std::fs::read_to_string(&path).map_err(io("read the brief", &path))?;
        let name = path.display().to_string();
        let damaged = || {
            LibraryError::Load(format!(
                "{name}: the stored brief is damaged and its file is gone (add the brief again)"
            ))
        };
        // Whole (its hash says so) and written by an importer of ours.
        let json = cache::decode_any(&text).ok_or_else(damaged)?;
        let brief = serde_json::from_str(json).map_err(|_| damaged())?;
        Ok(Opened {
            entry,
            brief,
            reimported: None,
            original_missing: true,
        })
    }

    /// Every brief's stored model, in catalog order (a model another
    /// importer made is opened as [`Library::open`] does).
    pub fn briefs(&self) -> Result<Vec<(Entry, Brief)>, LibraryError> {
        let mut out = Vec::new();
        self.each(|entry, brief| out.push((entry, brief)))?;
        Ok(out)
    }

    /// Hand every brief's stored model to `f` in catalog order, one at a
    /// time, so that a library need not be held whole in memory.
    pub fn each(&self, mut f: impl FnMut(Entry, Brief)) -> Result<(), LibraryError> {
        let catalog = self.catalog()?;
        for entry in catalog.briefs {
            match self.stored(&entry) {
                Some(brief) => f(entry, brief),
                None => {
                    let opened = self.open(&entry.id)?;
                    f(opened.entry, opened.brief);
                }
            }
        }
        Ok(())
    }
}
