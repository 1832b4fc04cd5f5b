//! The library screen in process: a temporary library of the seed and three fixture briefs,
//! the reader driven by keys, the event loop's shelf run against temporary notes and
//! positions, frames drawn on ratatui's TestBackend.

use std::path::{Path, PathBuf};

use brief::app::{App, Effect};
use brief::brief::cache::ImportCache;
use brief::brief::{Index, load};
use brief::i18n::Lang;
use brief::library::Library;
use brief::notes::{Annotation, NoteStore, Target};
use brief::tui::shelf::{Desk, Shelf};
use brief::tui::{NoteKeeper, Positions};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

const BRIEFS: [&str; 4] = [
    "content/brief.txt",
    "tests/fixtures/second_brief.txt",
    "tests/fixtures/paren_citations_brief.txt",
    "tests/fixtures/star_notes_brief.txt",
];

/// The reader, its stores and the shelf, as the event loop holds them.
pub struct Reading {
    pub app: App,
    positions: Positions,
    notes: NoteKeeper,
    shelf: Shelf,
    data: PathBuf,
    dir: tempfile::TempDir,
}

fn library_in(dir: &Path) -> Library {
    let library = Library::at(&dir.join("library"), ImportCache::off());
    let files: Vec<PathBuf> = BRIEFS
        .iter()
        .map(|f| Path::new(env!("CARGO_MANIFEST_DIR")).join(f))
        .collect();
    for added in library.add(&files).expect("the library takes the briefs") {
        added.expect("each brief is added");
    }
    library
}

impl Reading {
    /// The built-in brief in the reader, a library of four briefs behind it.
    pub fn new(lang: Lang, width: u16, height: u16) -> Reading {
        let dir = tempfile::tempdir().expect("a temp dir");
        let data = dir.path().join("data");
        let library = library_in(dir.path());
        let (brief, _) = load::builtin().expect("the built-in brief");
        let mut app = App::new(Index::new(brief), width, height);
        app.set_no_color(true);
        app.set_lang(lang);
        let number = app.index().brief.meta.number.clone();
        let shelf = Shelf::with_data(library, &data);
        Reading {
            app,
            positions: shelf.positions(&number),
            notes: NoteKeeper::new(None),
            shelf,
            data,
            dir,
        }
    }

    /// The library screen alone, as `brief library` opens it.
    pub fn screen_alone(lang: Lang, width: u16, height: u16) -> Reading {
        let mut r = Reading::new(lang, width, height);
        r.alone();
        r
    }

    pub fn alone(&mut self) {
        let rows = self.shelf.rows().expect("the catalog");
        self.app.show_library(rows, true);
        self.positions = Positions::at(None, "");
    }

    pub fn keys(&mut self, keys: &str) {
        for key in brief::app::keys::parse(keys) {
            let effects = self.app.key(key);
            self.run(effects);
        }
    }

    pub fn run(&mut self, effects: Vec<Effect>) {
        for effect in effects {
            match effect {
                Effect::Library(request) => {
                    let desk = Desk {
                        app: &mut self.app,
                        positions: &mut self.positions,
                        notes: &mut self.notes,
                    };
                    self.shelf.run(request, desk);
                }
                Effect::SaveNotes => self.notes.save(&mut self.app),
                Effect::SavePosition(pos) => self.positions.save(pos),
                _ => {}
            }
        }
    }

    pub fn title(&self) -> String {
        self.app.index().brief.meta.title.clone()
    }

    pub fn screen(&mut self) -> String {
        let a = self.app.areas().screen;
        let mut terminal = Terminal::new(TestBackend::new(a.width, a.height)).expect("terminal");
        brief::tui::draw(&mut terminal, &mut self.app).expect("draw");
        super::screens::text_of(terminal.backend().buffer())
    }

    /// The titles listed, in order.
    pub fn listed(&self) -> Vec<String> {
        let screen = self.app.library().expect("the library screen");
        screen
            .listed()
            .into_iter()
            .map(|i| screen.rows[i].title.clone())
            .collect()
    }

    /// Every brief of the library, from its stored model.
    pub fn briefs(&self) -> Vec<brief::brief::Brief> {
        let library = Library::at(&self.dir.path().join("library"), ImportCache::off());
        let catalog = library.catalog().expect("the catalog");
        catalog
            .briefs
            .iter()
            .map(|e| library.open(&e.id).expect("a stored model").brief)
            .collect()
    }

    /// Notes on the brief of the library numbered `number`, in its notes file.
    pub fn write_notes(&self, number: &str, notes: &[(&str, &str, &[&str])]) {
        let library = Library::at(&self.dir.path().join("library"), ImportCache::off());
        let catalog = library.catalog().expect("the catalog");
        let entry = catalog
            .briefs
            .iter()
            .find(|e| e.meta.number.contains(number))
            .expect("the brief is in the library");
        let index = Index::new(library.open(&entry.id).expect("opens").brief);
        let doc = brief::app::notes::Notes::new(&index).document;
        let list: Vec<Annotation> = notes
            .iter()
            .map(|(quote, note, tags)| {
                let at = doc
                    .find(quote)
                    .unwrap_or_else(|| panic!("{quote} in {number}"));
                let start = doc[..at].chars().count();
                let end = start + quote.chars().count();
                let target = Target::from_document(&doc, start, end).expect("a target");
                let mut a = Annotation::new(target, None, note);
                a.tags = tags.iter().map(|t| t.to_string()).collect();
                a
            })
            .collect();
        let key = entry.notes_key();
        let path = self.data.join(format!("{key}.json"));
        let (mut store, _) = NoteStore::open(&path, &key).expect("a notes file");
        store.save(&list).expect("saved");
    }
}

/// The library screen's views on a library opened on its own, and the keys that show them.
pub const LIBRARY_SCREENS: &[(&str, &str)] = &[
    ("library_briefs", ""),
    ("library_hits", "/러시아<Enter>"),
    ("library_notes", "<Tab><Tab>"),
    ("library_filter", "fㄴㅈ"),
    ("library_help", "?"),
];

/// What the notes of [`with_notes`] say (the user's words, not the interface's).
pub const NOTE_TEXTS: &[&str] = &[
    "the port the rail link serves",
    "coal: check the 2024 figures",
    "Lavrov's visit, October",
    "north",
];

pub const SEED: &str = "2025년 북러 관계 전망과 한국의 대응";
pub const PORT: &str = "러시아 극동 항만 개발과 북한 나진항의 역할";

/// The library alone, with notes on two of its briefs (two tagged #제재).
pub fn with_notes(lang: Lang, width: u16, height: u16) -> Reading {
    let mut r = Reading::new(lang, width, height);
    r.write_notes(
        "2025-14",
        &[
            (
                "나진항",
                "the port the rail link serves",
                &["물류", "north"],
            ),
            ("석탄 물동량", "coal: check the 2024 figures", &["제재"]),
        ],
    );
    r.write_notes(
        "2025-09",
        &[("라브로프", "Lavrov's visit, October", &["제재"])],
    );
    r.alone();
    r
}
