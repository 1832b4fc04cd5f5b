//! The terminal and the event loop: set up, restored on every way out
//! (quit, signals, panic), suspended and resumed with job control.

pub mod backend;
mod diff;
pub mod export;
mod mouse;
mod notes;
pub mod positions;
pub mod scroll;
pub mod shelf;
mod signals;

use std::io::{self, BufWriter, Stdout, Write};
use std::time::{Duration, Instant};

use crossterm::event::{self, DisableMouseCapture, EnableMouseCapture, Event, KeyEventKind};
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use crossterm::{cursor, execute};
use ratatui::Terminal;

use crate::app::{Action, App, Effect};
pub use notes::{Ending, NoteKeeper};
pub use positions::{Positions, positions_file};
use signals::Request;

// A frame goes out in one write: Stdout alone is line-buffered (1 KiB, a
// lock and a newline search per escape sequence); ratatui flushes after
// every frame.
type Term = Terminal<backend::WideBackend<BufWriter<Stdout>>>;

/// Room for a whole frame of Hangul at 200x50 with its escapes.
const FRAME_BUFFER: usize = 64 * 1024;

/// How the reader ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// The user quit.
    Quit,
    /// A signal ended it; the process should exit with 128 + the number.
    Signal(i32),
}

/// Put the terminal back as it was: cooked mode, main screen, no mouse, cursor shown.
pub fn restore() {
    let _ = disable_raw_mode();
    let _ = execute!(
        io::stdout(),
        DisableMouseCapture,
        LeaveAlternateScreen,
        cursor::Show
    );
}

/// Raw mode, the alternate screen, mouse reporting, no cursor.
fn enter() -> io::Result<()> {
    enable_raw_mode()?;
    execute!(
        io::stdout(),
        EnterAlternateScreen,
        EnableMouseCapture,
        cursor::Hide
    )
}

fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
}

/// Restores the terminal when dropped, whatever the way out.
struct Guard;

impl Drop for Guard {
    fn drop(&mut self) {
        restore();
    }
}

fn setup() -> io::Result<(Guard, Term)> {
    install_panic_hook();
    let guard = Guard;
    enter()?;
    let out = BufWriter::with_capacity(FRAME_BUFFER, io::stdout());
    // Frames are kept and compared by `scroll::LastFrame`, in buffers of
    // its own: the terminal's two full-screen buffers would be 0.8 MB of
    // cells at 200x50 never used, so its viewport is left empty.
    let terminal = Terminal::with_options(
        backend::WideBackend::new(out),
        ratatui::TerminalOptions {
            viewport: ratatui::Viewport::Fixed(ratatui::layout::Rect::default()),
        },
    )?;
    Ok((guard, terminal))
}

/// What the loop owns besides the app: the stores effects are run against,
/// and the keeper of the note being typed.
struct Stores {
    positions: Positions,
    notes: NoteKeeper,
    drafts: notes::DraftKeeper,
    clicks: mouse::Clicks,
    last: scroll::LastFrame,
    shelf: shelf::Shelf,
}

/// Run the reader until the user quits or a signal ends it.
/// Says how it ended, and whether every note was saved.
pub fn run(app: App, positions: Positions, notes: NoteKeeper) -> io::Result<(Outcome, Ending)> {
    let library = shelf::Shelf::new(crate::library::Library::default_place());
    run_with(app, positions, notes, library)
}

/// [`run`], with the library the reader's library screen shows.
pub fn run_with(
    mut app: App,
    positions: Positions,
    mut notes: NoteKeeper,
    library: shelf::Shelf,
) -> io::Result<(Outcome, Ending)> {
    let mut signals = signals::watch()?;
    notes.save_if_dirty(&mut app);
    notes::offer_left_draft(&mut app, &notes);
    let drafts = notes::DraftKeeper::new(&app, &notes);
    let (guard, mut terminal) = setup()?;
    let mut stores = Stores {
        positions,
        notes,
        drafts,
        clicks: mouse::Clicks::default(),
        last: scroll::LastFrame::default(),
        shelf: library,
    };
    let outcome = event_loop(&mut app, &mut terminal, &mut signals, &mut stores);
    if outcome.is_err() {
        // The terminal failed: leave as q would, without the terminal.
        for effect in app.update(Action::Quit) {
            if let Effect::SavePosition(pos) = effect {
                stores.positions.save(pos);
            }
        }
    }
    let ending = notes::final_save(&mut app, &mut stores.notes);
    let _ = terminal.show_cursor();
    let _ = ratatui::backend::Backend::flush(terminal.backend_mut());
    let _ = io::stdout().flush();
    drop(guard);
    match outcome {
        Ok(outcome) => Ok((outcome, ending)),
        // A hung-up terminal fails reads and writes: the signal says why.
        Err(e) => signals
            .ending()
            .map(|n| (Outcome::Signal(n), ending))
            .ok_or(e),
    }
}

fn event_loop(
    app: &mut App,
    terminal: &mut Term,
    signals: &mut signals::Watch,
    stores: &mut Stores,
) -> io::Result<Outcome> {
    fit(app, terminal, &mut stores.last)?;
    let mut last_retry = Instant::now();
    loop {
        while let Some(request) = signals.next() {
            match request {
                Request::End(n) => {
                    // Leave as q would (the position is saved), with the signal's status.
                    let effects = app.update(Action::Quit);
                    run_effects(app, terminal, stores, effects)?;
                    return Ok(Outcome::Signal(n));
                }
                Request::Stop => suspend(app, terminal, &mut stores.last)?,
                Request::Continue => resume(app, terminal, &mut stores.last)?,
            }
        }
        if !event::poll(Duration::from_millis(100))? {
            // Another window saved: take in its notes.
            if stores.notes.follow_other_windows(app) {
                stores.last.draw(terminal, app)?;
            }
            if app.notes().needs_retry() && last_retry.elapsed() > Duration::from_secs(2) {
                last_retry = Instant::now();
                stores.notes.save(app);
                stores.last.draw(terminal, app)?;
            }
            continue;
        }
        // Apply every queued event, then draw once.
        while !signals.waiting() && event::poll(Duration::ZERO)? {
            let effects = match event::read()? {
                Event::Key(k) if k.kind != KeyEventKind::Release => app.key(k),
                ev => stores
                    .clicks
                    .translate(&ev, Instant::now())
                    .map(|a| app.update(a))
                    .unwrap_or_default(),
            };
            if run_effects(app, terminal, stores, effects)? {
                return Ok(Outcome::Quit);
            }
        }
        stores.drafts.sync(app);
        stores.last.draw(terminal, app)?;
        // The frame is out: the next one's groundwork is done while the
        // user reads this one.
        stores.last.prepare(app);
    }
}

/// Run what `update` asked for, in order; whether it asked to quit.
fn run_effects(
    app: &mut App,
    terminal: &mut Term,
    stores: &mut Stores,
    effects: Vec<Effect>,
) -> io::Result<bool> {
    for effect in effects {
        match effect {
            Effect::Quit => return Ok(true),
            Effect::SaveNotes => stores.notes.save(app),
            Effect::SavePosition(pos) => stores.positions.save(pos),
            Effect::Suspend => suspend(app, terminal, &mut stores.last)?,
            Effect::Library(request) => {
                let desk = shelf::Desk {
                    app,
                    positions: &mut stores.positions,
                    notes: &mut stores.notes,
                };
                stores.shelf.run(request, desk);
                stores.drafts = notes::DraftKeeper::new(app, &stores.notes);
                stores.last.forget();
            }
            Effect::Copy(text) => export::copy(terminal.backend_mut(), &text)?,
            Effect::Export(request) => export::run_export(app, &request),
        }
    }
    Ok(false)
}

/// Size the app to the terminal and draw a whole frame.
fn fit(app: &mut App, terminal: &mut Term, last: &mut scroll::LastFrame) -> io::Result<()> {
    let size = terminal.size()?;
    app.update(Action::Resize {
        width: size.width,
        height: size.height,
    });
    // The whole screen, without ratatui's `clear`, which asks the terminal
    // where its cursor is (a round trip, slow over SSH) and clears only
    // the viewport.
    ratatui::backend::Backend::clear_region(
        terminal.backend_mut(),
        ratatui::backend::ClearType::All,
    )?;
    last.cleared();
    last.draw(terminal, app)
}

/// Give the terminal back and stop, as Ctrl-Z does in a shell; on
/// continuing, take it again.
fn suspend(app: &mut App, terminal: &mut Term, last: &mut scroll::LastFrame) -> io::Result<()> {
    restore();
    signals::stop_self()?;
    resume(app, terminal, last)
}

/// Take the terminal again after a stop (the shell reset it meanwhile, and
/// it may have been resized) and redraw everything.
fn resume(app: &mut App, terminal: &mut Term, last: &mut scroll::LastFrame) -> io::Result<()> {
    // Forget the mode saved before the stop, so raw mode is entered afresh.
    let _ = disable_raw_mode();
    enter()?;
    fit(app, terminal, last)
}

/// Draw a frame and hand its layout back to the app (any backend: tests
/// draw into ratatui's `TestBackend` the same way).
pub fn draw<B: ratatui::backend::Backend>(
    terminal: &mut Terminal<B>,
    app: &mut App,
) -> Result<(), B::Error> {
    let mut drawn = crate::app::Drawn::default();
    terminal.draw(|f| drawn = crate::ui::draw(app, f))?;
    app.laid_out(drawn);
    Ok(())
}
