//! The last resort when notes cannot be saved and the reader quits anyway: a copy of every
//! note in a new file wherever one can be written.

use std::io::Write;
use std::path::{Path, PathBuf};

use crate::notes::model::{Annotation, FORMAT_VERSION, NotesFile};

/// Where a rescue copy may go, in order: next to the notes file, the data folder override,
/// the temporary folder, the home folder, the current folder.
pub fn rescue_places(notes: &Path) -> Vec<PathBuf> {
    let mut places = vec![super::parent_dir(notes)];
    places.extend(std::env::var_os(super::DATA_DIR_ENV).map(PathBuf::from));
    places.push(std::env::temp_dir());
    places.extend(directories::BaseDirs::new().map(|b| b.home_dir().to_path_buf()));
    places.push(PathBuf::from("."));
    places
}

/// Write `annotations` as a notes file of brief `brief_key` into the first of `places` that
/// takes it, as a new file (never replacing one); returns its path, or every failure.
pub fn rescue(
    brief_key: &str,
    annotations: &[Annotation],
    places: &[PathBuf],
) -> Result<PathBuf, String> {
    let file = NotesFile {
        version: FORMAT_VERSION,
        brief: brief_key.to_owned(),
        annotations: annotations.to_vec(),
        deleted: Vec::new(),
        entity_reviews: crate::notes::model::EntityReviews::new(),
    };
    let bytes = serde_json::to_vec_pretty(&file).map_err(|e| e.to_string())?;
    let stamp = chrono::Local::now().format("%Y%m%dT%H%M%S");
    let mut failures = Vec::new();
    for dir in places {
        let attempt = tempfile::Builder::new()
            .prefix(&format!("brief-rescue-{stamp}-"))
            .suffix(".json")
            .tempfile_in(dir)
            .and_then(|mut f| {
                f.write_all(&bytes)?;
                f.as_file().sync_all()?;
                f.keep().map_err(|e| e.error)
            });
        match attempt {
            Ok((_, path)) => return Ok(path),
            Err(e) => failures.push(format!("{}: {e}", dir.display())),
        }
    }
    Err(failures.join("; "))
}
