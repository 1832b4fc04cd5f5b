//! Two windows on one notes file, backups, and files that are not what they seem (symlinks).

use std::fs;
use std::os::unix::fs::symlink;
use std::path::{Path, PathBuf};

use brief::notes::{Annotation, Highlight, NoteStore, NotesFile, Notice, StoreError, Target};

const DOC: &str = "북한과 러시아의 군사협력이 심화되고 있다.";

fn note(text: &str) -> Annotation {
    let target = Target::from_document(DOC, 0, 4).expect("in range");
    Annotation::new(target, Some(Highlight::Pink), text)
}

fn open(path: &Path) -> NoteStore {
    NoteStore::open(path, "2025-09").expect("opens").0
}

fn on_disk(path: &Path) -> Vec<String> {
    let file: NotesFile =
        serde_json::from_slice(&fs::read(path).expect("test setup")).expect("test setup");
    let mut notes: Vec<String> = file.annotations.into_iter().map(|a| a.note).collect();
    notes.sort();
    notes
}

fn path_in(dir: &tempfile::TempDir) -> PathBuf {
    dir.path().join("2025-09.json")
}

#[test]
fn two_windows_both_save_and_see_each_other() {
    let dir = tempfile::tempdir().expect("test setup");
    let path = path_in(&dir);
    let (mut a, mut b) = (open(&path), open(&path));
    assert!(!a.is_read_only() && !b.is_read_only());
    a.save(&[note("from a")]).expect("test setup");
    b.save(&[note("from b")]).expect("test setup");
    assert_eq!(on_disk(&path), ["from a", "from b"]);
    assert_eq!(b.annotations().len(), 2, "b sees a's note after its save");
    let mut in_a = a.annotations().to_vec();
    in_a.push(note("a again"));
    a.save(&in_a).expect("test setup");
    assert_eq!(on_disk(&path), ["a again", "from a", "from b"]);
}

#[test]
fn a_delete_in_one_window_is_not_undone_by_the_other() {
    let dir = tempfile::tempdir().expect("test setup");
    let path = path_in(&dir);
    let mut a = open(&path);
    a.save(&[note("keep"), note("drop")]).expect("test setup");
    let mut b = open(&path);
    let held_by_b = b.take_annotations();
    let kept: Vec<Annotation> = a
        .annotations()
        .iter()
        .filter(|n| n.note == "keep")
        .cloned()
        .collect();
    a.save(&kept).expect("test setup");
    b.save(&held_by_b).expect("test setup");
    assert_eq!(
        on_disk(&path),
        ["keep"],
        "the delete wins over b's stale copy"
    );

    let mut restored = held_by_b
        .into_iter()
        .find(|n| n.note == "drop")
        .expect("test setup");
    restored.touch();
    let mut list = b.annotations().to_vec();
    list.push(restored);
    b.save(&list).expect("test setup");
    assert_eq!(
        on_disk(&path),
        ["drop", "keep"],
        "an undone delete comes back"
    );
}

#[test]
fn the_later_edit_of_one_note_wins() {
    let dir = tempfile::tempdir().expect("test setup");
    let path = path_in(&dir);
    let mut a = open(&path);
    a.save(&[note("v1")]).expect("test setup");
    let mut b = open(&path);
    let mut in_a = a.take_annotations();
    let mut in_b = b.take_annotations();
    in_b[0].set_note("b's edit");
    b.save(&in_b).expect("test setup");
    std::thread::yield_now();
    in_a[0].set_note("a's later edit");
    in_a[0].modified = "2999-01-01T00:00:00.000Z".into();
    a.save(&in_a).expect("test setup");
    b.save(&in_b).expect("test setup");
    assert_eq!(on_disk(&path), ["a's later edit"]);
}

#[test]
fn backups_rotate_and_never_lose_the_fuller_version() {
    let dir = tempfile::tempdir().expect("test setup");
    let path = path_in(&dir);
    let mut s = open(&path);
    let five: Vec<Annotation> = (0..5).map(|i| note(&format!("five {i}"))).collect();
    s.save(&five).expect("test setup");
    for n in [3, 1, 2] {
        let list: Vec<Annotation> = (0..n).map(|i| note(&format!("{n} {i}"))).collect();
        s.save(&list).expect("test setup");
    }
    let counts: Vec<usize> = ["bak", "bak.1", "bak.2"]
        .iter()
        .map(|b| {
            let f = dir.path().join(format!("2025-09.json.{b}"));
            serde_json::from_slice::<NotesFile>(&fs::read(f).expect("test setup"))
                .expect("test setup")
                .annotations
                .len()
        })
        .collect();
    assert_eq!(
        counts,
        [1, 3, 5],
        "each shrinking save kept the older backup"
    );
}

#[test]
fn restored_backup_survives_the_next_start() {
    let dir = tempfile::tempdir().expect("test setup");
    let path = path_in(&dir);
    let mut s = open(&path);
    s.save(&[note("one")]).expect("test setup");
    s.save(&[note("two")]).expect("test setup");
    drop(s);
    fs::write(&path, "{ damaged").expect("test setup");
    let (_, notices) = NoteStore::open(&path, "2025-09").expect("test setup");
    assert!(
        notices
            .iter()
            .any(|n| matches!(n, Notice::RestoredBackup { .. })),
        "{notices:?}"
    );
    let (again, notices) = NoteStore::open(&path, "2025-09").expect("test setup");
    assert!(notices.is_empty(), "{notices:?}");
    assert_eq!(again.annotations().len(), 1);
    assert_eq!(on_disk(&path), ["one"]);
}

#[test]
fn read_only_open_never_moves_or_rewrites() {
    let dir = tempfile::tempdir().expect("test setup");
    let path = path_in(&dir);
    let mut s = open(&path);
    s.save(&[note("one")]).expect("test setup");
    s.save(&[note("two")]).expect("test setup");
    drop(s);
    fs::write(&path, "{ damaged").expect("test setup");
    let files: Vec<_> = fs::read_dir(dir.path())
        .expect("test setup")
        .flatten()
        .map(|e| e.path())
        .collect();
    let (store, notices) = NoteStore::open_read_only(&path, "2025-09").expect("test setup");
    assert_eq!(store.annotations().len(), 1, "the backup is read");
    assert!(
        matches!(notices[0], Notice::Unreadable { .. }),
        "{notices:?}"
    );
    let after: Vec<_> = fs::read_dir(dir.path())
        .expect("test setup")
        .flatten()
        .map(|e| e.path())
        .collect();
    assert_eq!(files.len(), after.len());
    assert_eq!(fs::read(&path).expect("test setup"), b"{ damaged");
}

#[test]
fn another_briefs_file_is_refused() {
    let dir = tempfile::tempdir().expect("test setup");
    let path = path_in(&dir);
    let mut s = NoteStore::open(&path, "가-1").expect("test setup").0;
    s.save(&[note("of 가-1")]).expect("test setup");
    drop(s);
    let err = NoteStore::open(&path, "나-1").expect_err("another brief's file");
    assert!(matches!(err, StoreError::OtherBrief { .. }), "{err:?}");
    assert!(err.to_string().contains("가-1"), "{err}");
    assert_eq!(on_disk(&path), ["of 가-1"]);
}

#[test]
fn a_symlinked_notes_file_is_written_through() {
    let dir = tempfile::tempdir().expect("test setup");
    let synced = tempfile::tempdir().expect("test setup");
    let real = synced.path().join("notes.json");
    let path = path_in(&dir);
    symlink(&real, &path).expect("test setup");
    let mut s = open(&path);
    s.save(&[note("one")]).expect("test setup");
    s.save(&[note("two")]).expect("test setup");
    assert!(
        fs::symlink_metadata(&path)
            .expect("test setup")
            .file_type()
            .is_symlink()
    );
    assert_eq!(on_disk(&real), ["two"], "the link's target holds the notes");
}

#[test]
fn planted_symlinks_are_never_followed() {
    let dir = tempfile::tempdir().expect("test setup");
    let elsewhere = tempfile::tempdir().expect("test setup");
    let victim = elsewhere.path().join("victim");
    fs::write(&victim, "precious").expect("test setup");
    let path = path_in(&dir);
    symlink(&victim, dir.path().join("2025-09.json.tmp")).expect("test setup");
    let mut s = open(&path);
    s.save(&[note("one")]).expect("test setup");
    drop(s);
    fs::remove_file(dir.path().join("2025-09.json.lock")).expect("test setup");
    symlink(&victim, dir.path().join("2025-09.json.lock")).expect("test setup");
    let (mut s, notices) = NoteStore::open(&path, "2025-09").expect("test setup");
    assert!(s.is_read_only(), "a symlinked lock is refused: {notices:?}");
    assert!(
        notices[0].to_string().contains("symbolic link"),
        "{notices:?}"
    );
    assert!(s.save(&[note("two")]).is_err());
    assert_eq!(fs::read_to_string(&victim).expect("test setup"), "precious");
    assert_eq!(on_disk(&path), ["one"]);
}

#[test]
fn a_window_takes_in_the_others_notes_without_writing() {
    let dir = tempfile::tempdir().expect("test setup");
    let path = path_in(&dir);
    let mut a = open(&path);
    let mut b = open(&path);
    a.save(&[note("from a")]).expect("test setup");
    assert!(b.changed_on_disk());
    let before = fs::read(&path).expect("test setup");
    let mine = vec![note("b, unsaved")];
    b.reload(&mine).expect("test setup");
    let mut seen: Vec<&str> = b.annotations().iter().map(|n| n.note.as_str()).collect();
    seen.sort_unstable();
    assert_eq!(seen, ["b, unsaved", "from a"]);
    assert!(!b.changed_on_disk());
    assert_eq!(
        fs::read(&path).expect("test setup"),
        before,
        "reloading writes nothing"
    );
}

#[test]
fn offsets_near_the_top_of_the_range_are_dropped_not_wrapped() {
    let dir = tempfile::tempdir().expect("test setup");
    let path = path_in(&dir);
    let json = r#"{"version":1,"brief":"2025-09","annotations":[{"id":"urn:uuid:x",
        "created":"2026-01-01T00:00:00.000Z","modified":"2026-01-01T00:00:00.000Z",
        "note":"메모\u001b[2J","target":{"exact":"러시아","start":18446744073709551610,
        "end":18446744073709551615,"text_hash":"h"}}]}"#;
    fs::write(&path, json).expect("test setup");
    let mut s = open(&path);
    let mut list = s.take_annotations();
    assert_eq!((list[0].target.start, list[0].target.end), (0, 0));
    assert_eq!(list[0].note, "메모", "loaded notes are sanitised");
    brief::notes::reanchor_all(&mut list, DOC);
    assert!(!list[0].orphan);
    assert_eq!(list[0].target.exact, "러시아");
    assert_eq!(
        list[0].target.start,
        DOC.chars().position(|c| c == '러').expect("test setup")
    );
}

#[test]
fn temporary_files_of_killed_writers_are_swept_when_old() {
    let dir = tempfile::tempdir().expect("test setup");
    let old = dir.path().join(".brief-old.tmp");
    let fresh = dir.path().join(".brief-fresh.tmp");
    let other = dir.path().join("mine.tmp");
    for p in [&old, &fresh, &other] {
        fs::write(p, "partial").expect("test setup");
    }
    let day_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(86_400);
    for p in [&old, &other] {
        fs::File::options()
            .write(true)
            .open(p)
            .expect("test setup")
            .set_modified(day_ago)
            .expect("test setup");
    }
    drop(open(&path_in(&dir)));
    assert!(!old.exists(), "an old temporary file of ours is removed");
    assert!(fresh.exists(), "a live writer's temporary file is left");
    assert!(other.exists(), "other files are not ours");
}
