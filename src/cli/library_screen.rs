//! `brief library` on a terminal: the reader opens on the library screen, with nothing
//! under it (back stays on the screen; q quits).

use std::process::ExitCode;

use crate::brief::{Index, load};
use crate::library::Library;
use crate::tui::shelf::Shelf;

/// Open the library screen of `library`.
pub(super) fn open(library: Library) -> ExitCode {
    let shelf = Shelf::new(library);
    let rows = match shelf.rows() {
        Ok(rows) => rows,
        Err(e) => return super::fail_with(2, &e.to_string()),
    };
    // The screen lives in a reader; the built-in brief stands under it, unseen and unkept.
    let brief = match load::stored() {
        Ok(b) => b,
        Err(e) => return super::report(&e),
    };
    let (width, height) = crossterm::terminal::size().unwrap_or((80, 24));
    let mut app = crate::app::App::new(Index::new(brief), width, height);
    app.set_no_color(std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()));
    app.show_library(rows, true);
    let positions = crate::tui::Positions::at(None, "");
    let notes = crate::tui::NoteKeeper::new(None);
    super::finish(crate::tui::run_with(app, positions, notes, shelf))
}
