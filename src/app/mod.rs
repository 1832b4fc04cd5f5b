//! Reader state and its pure update: keys -> actions -> state (+ effects).

mod access;
pub mod action;
mod approximate;
mod bounds;
mod cite;
pub mod cursor;
pub mod document;
pub mod editor;
pub mod entities;
pub mod export;
mod focus;
mod focus_mode;
mod follow;
pub mod keymap;
pub mod keys;
mod korean_keys;
pub mod layout;
mod library_keys;
pub mod library_screen;
mod mouse;
mod nav;
pub mod notes;
pub mod outline;
pub mod panes;
mod quit;
pub mod recommend;
pub mod search;
pub mod settings;
mod update;

use std::collections::BTreeMap;
use std::ops::Range;

use crate::brief::Index;
pub use action::Action;
use document::{Document, Pos};
use keymap::Pending;
pub use layout::{Areas, Drawn};
use search::Search;
pub use settings::ReaderSettings;

/// Which pane has the keyboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Reader,
    Outline,
    Side,
}

/// The tabs of the linked side pane.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tab {
    Citations,
    Recommendations,
    Entities,
    Annotations,
}

impl Tab {
    /// Every tab, in order.
    pub const ALL: [Tab; 4] = [
        Tab::Citations,
        Tab::Recommendations,
        Tab::Entities,
        Tab::Annotations,
    ];

    /// The tab's title in `lang`.
    pub fn title(self, lang: crate::i18n::Lang) -> String {
        let key = match self {
            Tab::Citations => "tab.citations",
            Tab::Recommendations => "tab.recommendations",
            Tab::Entities => "tab.entities",
            Tab::Annotations => "tab.annotations",
        };
        crate::i18n::tr(lang, key, &[])
    }

    /// A short title for narrow panes, in `lang` (the full one is in help).
    pub fn short_title(self, lang: crate::i18n::Lang) -> String {
        let key = match self {
            Tab::Citations => "tab_short.citations",
            Tab::Recommendations => "tab_short.recommendations",
            Tab::Entities => "tab_short.entities",
            Tab::Annotations => "tab_short.annotations",
        };
        crate::i18n::tr(lang, key, &[])
    }

    fn index(self) -> usize {
        Tab::ALL.iter().position(|t| *t == self).unwrap_or(0)
    }
}

/// What floats over the panes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Popup {
    Help,
    Footnote(u32),
    /// What the importer doubted about this brief, line by line.
    Warnings,
    /// A recommendation in full, with its passages (index into `brief.recommendations`).
    Recommendation(usize),
    /// Every message the status bar has shown.
    Messages,
}

/// A place in the jump history: the line at the top and the reading cursor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Jump {
    pub top: Pos,
    pub cursor: Pos,
}

/// What the event loop must do after an update.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Write the annotations to disk.
    SaveNotes,
    /// Remember the reading position for next time.
    SavePosition(Pos),
    /// Leave the reader.
    Quit,
    /// Give the terminal back and stop (job control, Ctrl-Z).
    Suspend,
    /// Read or switch briefs of the library (the library screen asks).
    Library(library_screen::LibraryRequest),
    /// Put this text on the clipboard through the terminal (OSC 52).
    Copy(String),
    /// Write the annotations to a file (the loop answers with [`App::export_done`]).
    Export(export::Request),
}

/// A marker in the reading view: its block and index among the block's markers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct MarkerRef {
    pub block: usize,
    pub marker: usize,
}

/// The serial number of the next reader made (see [`App::serial`]).
static SERIALS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);

/// The whole reader state. Panes derive what they show from it while drawing.
pub struct App {
    /// A number no other reader of this process has (what was drawn for one is not another's).
    serial: u64,
    index: Index,
    doc: Document,
    areas: Areas,
    top: usize,
    focus: Focus,
    tab: Tab,
    popup: Option<Popup>,
    /// Lines the open popup is scrolled by.
    popup_scroll: usize,
    outline_selected: usize,
    side_selected: [usize; 4],
    marker: Option<MarkerRef>,
    search: Search,
    back: Vec<Jump>,
    forward: Vec<Jump>,
    marks: BTreeMap<char, Jump>,
    show_entities: bool,
    show_unsourced: bool,
    focus_mode: focus_mode::Mode,
    /// A passage to highlight after a jump: block and display char range.
    flash: Option<(usize, Range<usize>)>,
    /// The entity whose mentions Enter visits, and the last one visited.
    entity_visit: Option<(usize, usize)>,
    message: String,
    /// Every message shown, oldest first (the message log).
    log: Vec<String>,
    pending: Pending,
    no_color: bool,
    /// The interface language.
    lang: crate::i18n::Lang,
    /// The reading cursor.
    cursor: Pos,
    /// Where the selection started, while selecting.
    select_from: Option<Pos>,
    /// The note editor, only while editing.
    editor: Option<editor::NoteEditor>,
    /// The annotations (the event loop keeps them on disk).
    notes: notes::Notes,
    /// Filter of the Annotations tab (text or #tag).
    notes_filter: String,
    /// Filter of the Entities tab (a name or alias, Korean-aware).
    entity_filter: String,
    /// The layout of the last frame.
    drawn: Drawn,
    /// The library screen, once opened.
    library: Option<Box<library_screen::LibraryScreen>>,
    /// How this brief was opened (from the library screen, back returns to it).
    arrival: library_screen::Arrival,
    /// Keys, theme, wrap width and glyphs from the config file.
    settings: ReaderSettings,
    /// The export dialog, while it is open.
    export: Option<export::Dialog>,
}

impl App {
    /// A reader on `index`, sized to a terminal of `width` x `height`.
    pub fn new(index: Index, width: u16, height: u16) -> App {
        App::with_settings(index, width, height, ReaderSettings::default())
    }

    /// A reader on `index` with the config file's `settings`.
    pub fn with_settings(index: Index, width: u16, height: u16, settings: ReaderSettings) -> App {
        let doc = Document::with_markers(&index, document::Marks::new(settings.unambiguous));
        let notes = notes::Notes::new(&index);
        let mut app = App {
            serial: SERIALS.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
            index,
            doc,
            areas: Areas::default(),
            top: 0,
            focus: Focus::Reader,
            tab: Tab::Citations,
            popup: None,
            popup_scroll: 0,
            outline_selected: 0,
            side_selected: [0; 4],
            marker: None,
            search: Search::default(),
            back: Vec::new(),
            forward: Vec::new(),
            marks: BTreeMap::new(),
            show_entities: false,
            show_unsourced: false,
            focus_mode: focus_mode::Mode::Panes,
            flash: None,
            entity_visit: None,
            message: String::new(),
            log: Vec::new(),
            pending: Pending::default(),
            no_color: false,
            lang: crate::i18n::current(),
            cursor: Pos::default(),
            select_from: None,
            editor: None,
            notes,
            notes_filter: String::new(),
            entity_filter: String::new(),
            drawn: Drawn::default(),
            library: None,
            arrival: library_screen::Arrival::Direct,
            settings,
            export: None,
        };
        app.resize(width, height);
        app
    }

    /// The reading position: the start of the top line.
    pub fn position(&self) -> Pos {
        self.doc.pos_of(self.top)
    }

    /// Lines the reader shows at once.
    pub fn page(&self) -> usize {
        self.areas.reader_text.height.max(1) as usize
    }

    /// The last line that may be at the top.
    pub fn max_top(&self) -> usize {
        self.doc.lines.len().saturating_sub(self.page())
    }

    /// Lines on screen in the reader.
    pub fn visible_lines(&self) -> Range<usize> {
        self.top..(self.top + self.page()).min(self.doc.lines.len())
    }

    /// Blocks with at least one line on screen.
    pub fn visible_blocks(&self) -> Range<usize> {
        let lines = self.visible_lines();
        let first = self.doc.lines.get(lines.start).map_or(0, |l| l.block);
        let last = self
            .doc
            .lines
            .get(lines.end.saturating_sub(1))
            .map_or(first, |l| l.block);
        first..last + 1
    }

    /// Fit the layout to a new terminal size, keeping the reading position.
    pub fn resize(&mut self, width: u16, height: u16) {
        let pos = self.position();
        self.areas = self.areas_for(width, height, self.focus);
        self.doc
            .rewrap(self.settings.wrap_at(self.areas.reader_text.width));
        self.top = self.doc.line_of(pos).min(self.max_top());
        self.keep_in_bounds();
    }

    /// Open at a remembered position.
    pub fn restore(&mut self, pos: Pos) {
        if pos.block < self.doc.blocks.len() {
            self.top = self.doc.line_of(pos).min(self.max_top());
            self.carry_cursor();
        }
    }

    /// Type a key string (see `keys::parse`); returns every effect.
    pub fn type_keys(&mut self, keys: &str) -> Vec<Effect> {
        keys::parse(keys)
            .into_iter()
            .flat_map(|k| self.key(k))
            .collect()
    }

    /// Selected item index for the current tab.
    pub fn selected(&self) -> usize {
        self.side_selected[self.tab.index()]
    }

    fn select(&mut self, i: usize) {
        self.side_selected[self.tab.index()] = i;
    }
}
