//! The reader's verdicts on unsure names kept in the notes file: older files
//! load, verdicts survive a reopen, two windows merge, and the reader applies
//! them when the brief opens again.

use std::fs;
use std::path::{Path, PathBuf};

use brief::app::{App, Effect};
use brief::brief::{Index, load};
use brief::notes::{EntityReview, EntityReviews, NoteStore, NotesFile, Verdict};
use brief::tui::NoteKeeper;

fn notes_path(dir: &tempfile::TempDir) -> PathBuf {
    dir.path().join("2025-09.json")
}

fn open(path: &Path) -> NoteStore {
    NoteStore::open(path, "2025-09").expect("the store opens").0
}

fn review(verdict: Verdict) -> EntityReview {
    EntityReview::now(verdict)
}

#[test]
fn a_file_without_reviews_loads_and_stays_without_them() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = notes_path(&dir);
    let old = r#"{"version":1,"brief":"2025-09","annotations":[]}"#;
    fs::write(&path, old).expect("write");
    let mut store = open(&path);
    assert!(store.entity_reviews().is_empty());
    store.save(&[]).expect("save");
    let text = fs::read_to_string(&path).expect("read");
    assert!(!text.contains("entity_reviews"), "{text}");
}

#[test]
fn reviews_are_saved_and_read_back() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = notes_path(&dir);
    let mut store = open(&path);
    let reviews = EntityReviews::from([
        ("x-실시하여".to_string(), review(Verdict::Dropped)),
        ("x-주유엔".to_string(), review(Verdict::Confirmed)),
    ]);
    store.set_entity_reviews(&reviews);
    store.save(&[]).expect("save");
    let file: NotesFile =
        serde_json::from_str(&fs::read_to_string(&path).expect("read")).expect("a notes file");
    assert_eq!(file.entity_reviews, reviews);
    assert_eq!(open(&path).entity_reviews(), &reviews);
}

#[test]
fn two_windows_keep_each_others_verdicts() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = notes_path(&dir);
    let (mut one, mut two) = (open(&path), open(&path));
    one.set_entity_reviews(&EntityReviews::from([(
        "a".to_string(),
        review(Verdict::Dropped),
    )]));
    one.save(&[]).expect("save one");
    two.set_entity_reviews(&EntityReviews::from([(
        "b".to_string(),
        review(Verdict::Confirmed),
    )]));
    two.save(&[]).expect("save two");
    let ids: Vec<&String> = two.entity_reviews().keys().collect();
    assert_eq!(ids, ["a", "b"]);
    assert_eq!(open(&path).entity_reviews().len(), 2);
}

/// The reader on the built-in brief with its notes file at `path`, as `brief` opens it.
fn reader(path: &Path) -> (App, NoteKeeper) {
    let (brief, _) = load::builtin().expect("built-in brief");
    let mut app = App::new(Index::new(brief), 120, 40);
    let mut store = open(path);
    app.attach_notes(store.take_annotations());
    app.set_entity_reviews(store.entity_reviews().clone());
    (app, NoteKeeper::new(Some(store)))
}

#[test]
fn a_dropped_name_stays_hidden_when_the_brief_reopens() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = notes_path(&dir);
    let (mut app, mut keeper) = reader(&path);
    let unsure = *app.entity_order().last().expect("names");
    assert!(app.entity_in_doubt(unsure));
    let name = app.index().brief.entities[unsure].name.clone();
    let effects = app.type_keys("<Tab>ttG-");
    assert_eq!(effects, vec![Effect::SaveNotes]);
    keeper.save(&mut app);
    assert!(!app.entity_order().contains(&unsure));
    let (again, _) = reader(&path);
    assert!(
        !again.entity_order().contains(&unsure),
        "{name} is still dropped after reopening"
    );
    assert_eq!(again.entity_verdict(unsure), Some(Verdict::Dropped));
}
