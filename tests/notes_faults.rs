//! The notes store under storage faults, played by a failing file system on every run: full
//! disk, read-only disk, failing rename, failing fsync; then the rescue copy written on quit.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use brief::notes::store::fs::{Fault, FaultyFs};
use brief::notes::store::rescue;
use brief::notes::{Annotation, Highlight, NoteStore, NotesFile, StoreError, Target};

const DOC: &str = "북한과 러시아의 군사협력이 심화되고 있다.";

fn notes(n: usize, tag: &str) -> Vec<Annotation> {
    (0..n)
        .map(|i| {
            let target = Target::from_document(DOC, i, i + 4).expect("in range");
            Annotation::new(target, Some(Highlight::Blue), &format!("{tag} {i}"))
        })
        .collect()
}

fn faulty_store(dir: &Path) -> (NoteStore, Arc<FaultyFs>, PathBuf) {
    let path = dir.join("2025-09.json");
    let fs = Arc::new(FaultyFs::default());
    let (store, notices) =
        NoteStore::open_with(&path, "2025-09", fs.clone()).expect("opens on a healthy disk");
    assert!(notices.is_empty(), "{notices:?}");
    (store, fs, path)
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .expect("test setup")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Save once, switch `fault` on, save again: the save fails with `expect` in its message,
/// the file and the folder are as before, and the save succeeds once the fault is gone.
fn fault_keeps_the_file(fault: Fault, expect: &str) {
    let dir = tempfile::tempdir().expect("test setup");
    let (mut store, fs_, path) = faulty_store(dir.path());
    store.save(&notes(1, "first")).expect("test setup");
    let before = fs::read(&path).expect("test setup");
    let files = files_in(dir.path());

    fs_.set(Some(fault));
    let second = notes(2, "second");
    let err = store.save(&second).expect_err("the save must fail");
    let message = err.user_message();
    assert!(matches!(err, StoreError::Write { .. }), "{err:?}");
    assert!(message.contains(expect), "{fault:?}: {message}");
    assert!(message.contains("kept in memory") && !message.contains('\n'));
    assert_eq!(
        fs::read(&path).expect("test setup"),
        before,
        "{fault:?}: file intact"
    );
    assert_eq!(
        files_in(dir.path()),
        files,
        "{fault:?}: no temporary file left"
    );
    assert!(store.is_dirty());

    fs_.set(None);
    assert!(store.save_if_dirty(&second).expect("test setup"));
    let file: NotesFile =
        serde_json::from_slice(&fs::read(&path).expect("test setup")).expect("test setup");
    assert_eq!(
        file.annotations.len(),
        2,
        "{fault:?}: the merge keeps both saves' notes"
    );
}

#[test]
fn full_disk_fails_the_save_and_keeps_the_file() {
    fault_keeps_the_file(Fault::DiskFull, "the disk is full");
}

#[test]
fn read_only_disk_fails_the_save_and_keeps_the_file() {
    fault_keeps_the_file(Fault::ReadOnly, "the disk is read-only");
}

#[test]
fn failed_rename_fails_the_save_and_keeps_the_file() {
    fault_keeps_the_file(Fault::Rename, "rename failed");
}

#[test]
fn failed_fsync_fails_the_save_and_keeps_the_file() {
    fault_keeps_the_file(Fault::Fsync, "fsync failed");
}

#[test]
fn rescue_goes_to_the_first_place_that_can_be_written() {
    let dir = tempfile::tempdir().expect("test setup");
    let blocked = dir.path().join("a-file");
    fs::write(&blocked, "x").expect("test setup");
    let open_dir = dir.path().join("ok");
    fs::create_dir(&open_dir).expect("test setup");
    let list = notes(3, "rescued");
    let places = [blocked.join("below-a-file"), open_dir.clone()];
    let first = rescue("2025-09", &list, &places).expect("the second place takes it");
    assert_eq!(first.parent(), Some(open_dir.as_path()));
    let file: NotesFile =
        serde_json::from_slice(&fs::read(&first).expect("test setup")).expect("test setup");
    assert_eq!(
        (file.brief.as_str(), file.annotations),
        ("2025-09", list.clone())
    );
    let second = rescue("2025-09", &list, &places).expect("test setup");
    assert_ne!(first, second, "a rescue copy never replaces another");
    assert!(first.exists());
    let err = rescue("2025-09", &list, &places[..1]).expect_err("nowhere to write");
    assert!(err.contains("below-a-file"), "{err}");
}
