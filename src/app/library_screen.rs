//! The library screen's state: the library's briefs (sorted, filtered as you type), a search
//! across the library with its hits grouped by brief, and every note of the library in one
//! list. Pure data: the event loop reads the catalog, the stored models and the notes files
//! and hands them in ([`super::Effect::Library`] asks for them).

use crate::brief::search::Hit;
use crate::library::search::BriefHits;
use crate::text::{Query, fold_str};

/// A brief of the library as the screen lists it (from the catalog: no model is read).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShelfRow {
    pub id: String,
    pub series: String,
    pub number: String,
    pub title: String,
    pub authors: String,
    pub institute: String,
    pub date: String,
    pub pages: Option<u32>,
    /// How many annotations its notes file holds.
    pub notes: usize,
    /// Everything the filter looks at, folded once.
    folded: Vec<char>,
}

impl ShelfRow {
    /// A row with its folded text for the filter.
    pub fn new(entry: &crate::library::Entry, notes: usize) -> ShelfRow {
        let m = &entry.meta;
        let authors = if m.authors.is_empty() {
            m.author.clone()
        } else {
            m.authors.join(", ")
        };
        let hay = [
            &m.series,
            &m.number,
            &m.title,
            &authors,
            &m.institute,
            &m.affiliation,
            &m.date,
        ];
        let folded = fold_str(&hay.map(String::as_str).join(" "));
        ShelfRow {
            id: entry.id.clone(),
            series: m.series.clone(),
            number: m.number.clone(),
            title: m.title.clone(),
            authors,
            institute: if m.institute.is_empty() {
                m.affiliation.clone()
            } else {
                m.institute.clone()
            },
            date: m.date.clone(),
            pages: m.pages,
            notes,
            folded,
        }
    }
}

/// A note of the library, with the brief it belongs to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NoteRow {
    /// The brief's id in the library.
    pub brief: String,
    /// The brief's number and title, as shown.
    pub label: String,
    /// The annotation's id, to open the brief at it.
    pub annotation: String,
    pub quote: String,
    pub note: String,
    pub tags: Vec<String>,
    folded: Vec<char>,
    folded_tags: Vec<Vec<char>>,
}

impl NoteRow {
    /// A row for annotation `a` of brief `brief` (shown as `label`).
    pub fn new(brief: &str, label: &str, a: &crate::notes::Annotation) -> NoteRow {
        let hay = format!(
            "{} {} {} {}",
            a.target.exact,
            a.note,
            a.tags.join(" "),
            label
        );
        NoteRow {
            brief: brief.to_owned(),
            label: label.to_owned(),
            annotation: a.id.clone(),
            quote: a.target.exact.clone(),
            note: a.note.clone(),
            tags: a.tags.clone(),
            folded: fold_str(&hay),
            folded_tags: a.tags.iter().map(|t| fold_str(t)).collect(),
        }
    }

    /// Whether the note passes a filter of words and `#tags` (every one must match).
    fn passes(&self, filter: &str) -> bool {
        filter
            .split_whitespace()
            .all(|word| match word.strip_prefix('#') {
                Some(tag) => {
                    let q = fold_str(tag);
                    self.folded_tags.iter().any(|t| t.starts_with(&q))
                }
                None => !Query::new(word).find_all(&self.folded).is_empty(),
            })
    }
}

/// Where to open a brief of the library.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OpenAt {
    /// Where it was last read.
    Remembered,
    /// At a hit of the library search for `query` (`n` goes on to the next match).
    Hit { hit: Box<Hit>, query: String },
    /// At one of its annotations (its id).
    Note(String),
}

/// What the library screen asks of the event loop.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LibraryRequest {
    /// Read the catalog and show the screen.
    Show,
    /// Open a brief of the library (by id) in the reader.
    Open { id: String, at: OpenAt },
    /// Close the brief opened from the library and return to the screen.
    Back,
    /// Search the library for this query.
    Search(String),
    /// Read every note of the library.
    Notes,
}

/// How the brief in the reader was opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Arrival {
    /// From the command line.
    Direct,
    /// From the library screen, which back returns to.
    FromLibrary,
}

/// The screen's views, in the order Tab cycles them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    Briefs,
    Hits,
    Notes,
}

impl View {
    /// Every view, in order.
    pub const ALL: [View; 3] = [View::Briefs, View::Hits, View::Notes];

    fn index(self) -> usize {
        View::ALL.iter().position(|v| *v == self).unwrap_or(0)
    }
}

/// How the briefs are ordered; `s` cycles.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sort {
    /// Newest first.
    Date,
    Title,
    /// By institute, newest first within one.
    Institute,
    /// Most notes first.
    Notes,
}

impl Sort {
    fn next(self) -> Sort {
        match self {
            Sort::Date => Sort::Title,
            Sort::Title => Sort::Institute,
            Sort::Institute => Sort::Notes,
            Sort::Notes => Sort::Date,
        }
    }

    /// The catalogue key of its name.
    pub fn key(self) -> &'static str {
        match self {
            Sort::Date => "library.sort_date",
            Sort::Title => "library.sort_title",
            Sort::Institute => "library.sort_institute",
            Sort::Notes => "library.sort_notes",
        }
    }
}

/// The library screen.
#[derive(Debug, Clone)]
pub struct LibraryScreen {
    pub rows: Vec<ShelfRow>,
    pub sort: Sort,
    /// The briefs' filter (Korean-aware, as search).
    pub filter: String,
    pub view: View,
    /// Keys type into the view's text (filter or query) instead of moving.
    pub typing: bool,
    /// The selected row of each view.
    pub selected: [usize; 3],
    /// The library search's query and its hits, grouped by brief.
    pub query: String,
    pub hits: Vec<BriefHits>,
    /// Every note of the library, once read.
    pub notes: Option<Vec<NoteRow>>,
    /// The notes' filter: words and `#tags`.
    pub notes_filter: String,
    /// Shown over the reader (hidden while reading the brief under it).
    pub shown: bool,
    /// Nothing to go back to: the screen was opened on its own (`brief library`).
    pub base: bool,
}

impl LibraryScreen {
    /// A screen listing `rows`, by date.
    pub fn new(rows: Vec<ShelfRow>, base: bool) -> LibraryScreen {
        LibraryScreen {
            rows,
            sort: Sort::Date,
            filter: String::new(),
            view: View::Briefs,
            typing: false,
            selected: [0; 3],
            query: String::new(),
            hits: Vec::new(),
            notes: None,
            notes_filter: String::new(),
            shown: true,
            base,
        }
    }

    /// The briefs shown, as indices into `rows`: filtered, then sorted.
    pub fn listed(&self) -> Vec<usize> {
        let query = Query::new(&self.filter);
        let mut out: Vec<usize> = (0..self.rows.len())
            .filter(|i| query.is_empty() || !query.find_all(&self.rows[*i].folded).is_empty())
            .collect();
        let rows = &self.rows;
        out.sort_by(|a, b| {
            let (a, b) = (&rows[*a], &rows[*b]);
            match self.sort {
                Sort::Date => b.date.cmp(&a.date),
                Sort::Title => a.title.cmp(&b.title),
                Sort::Institute => a.institute.cmp(&b.institute).then(b.date.cmp(&a.date)),
                Sort::Notes => b.notes.cmp(&a.notes),
            }
            .then(a.title.cmp(&b.title))
        });
        out
    }

    /// The hits as (brief, hit) indices, in the order shown.
    pub fn hit_list(&self) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        for (b, brief) in self.hits.iter().enumerate() {
            out.extend((0..brief.hits.len()).map(|h| (b, h)));
        }
        out
    }

    /// The notes shown, as indices into `notes`.
    pub fn note_list(&self) -> Vec<usize> {
        let Some(notes) = &self.notes else {
            return Vec::new();
        };
        (0..notes.len())
            .filter(|i| notes[*i].passes(&self.notes_filter))
            .collect()
    }

    /// How many rows the current view lists.
    pub fn count(&self) -> usize {
        match self.view {
            View::Briefs => self.listed().len(),
            View::Hits => self.hit_list().len(),
            View::Notes => self.note_list().len(),
        }
    }

    /// The selected row of the current view.
    pub fn selected(&self) -> usize {
        self.selected[self.view.index()]
    }

    /// Select row `i` of the current view (kept in range).
    pub fn select(&mut self, i: usize) {
        let last = self.count().saturating_sub(1);
        self.selected[self.view.index()] = i.min(last);
    }

    /// Move the selection by `delta` rows.
    pub fn step(&mut self, delta: isize) {
        let to = self.selected().saturating_add_signed(delta);
        self.select(to);
    }

    /// Show the next (or previous) view.
    pub fn cycle(&mut self, forward: bool) {
        let n = View::ALL.len();
        let at = self.view.index() + if forward { 1 } else { n - 1 };
        self.view = View::ALL[at % n];
        self.typing = false;
    }

    /// The next order of the briefs.
    pub fn next_sort(&mut self) {
        self.sort = self.sort.next();
        self.select(0);
    }

    /// The text typed in the current view (its filter or query).
    pub fn typed(&self) -> &str {
        match self.view {
            View::Briefs => &self.filter,
            View::Hits => &self.query,
            View::Notes => &self.notes_filter,
        }
    }

    /// The text typed in the current view.
    pub fn typed_mut(&mut self) -> &mut String {
        match self.view {
            View::Briefs => &mut self.filter,
            View::Hits => &mut self.query,
            View::Notes => &mut self.notes_filter,
        }
    }

    /// Where the selected row opens, with the brief's id.
    pub fn chosen(&self) -> Option<(String, OpenAt)> {
        let i = self.selected();
        match self.view {
            View::Briefs => {
                let row = &self.rows[*self.listed().get(i)?];
                Some((row.id.clone(), OpenAt::Remembered))
            }
            View::Hits => {
                let (b, h) = *self.hit_list().get(i)?;
                let brief = &self.hits[b];
                let hit = Box::new(brief.hits[h].clone());
                let query = self.query.clone();
                Some((brief.id.clone(), OpenAt::Hit { hit, query }))
            }
            View::Notes => {
                let notes = self.notes.as_ref()?;
                let n = &notes[*self.note_list().get(i)?];
                Some((n.brief.clone(), OpenAt::Note(n.annotation.clone())))
            }
        }
    }
}
