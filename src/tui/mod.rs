//! The terminal: set up, restored on every way out (quit, Ctrl-C, SIGTERM,
//! panic), and the event loop that feeds keys to the app.

mod backend;

use std::io::{self, Stdout, Write};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event, KeyEventKind, MouseEventKind,
};
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use crossterm::{cursor, execute};
use ratatui::Terminal;

use crate::app::document::Pos;
use crate::app::{Action, App, Effect};

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

fn setup() -> io::Result<(Guard, Terminal<backend::WideBackend<Stdout>>)> {
    install_panic_hook();
    enable_raw_mode()?;
    let guard = Guard;
    execute!(
        io::stdout(),
        EnterAlternateScreen,
        EnableMouseCapture,
        cursor::Hide
    )?;
    let terminal = Terminal::new(backend::WideBackend::new(io::stdout()))?;
    Ok((guard, terminal))
}

fn translate(ev: Event) -> Option<Action> {
    match ev {
        Event::Resize(width, height) => Some(Action::Resize { width, height }),
        Event::Mouse(m) => match m.kind {
            MouseEventKind::ScrollDown => Some(Action::Wheel {
                x: m.column,
                y: m.row,
                down: true,
            }),
            MouseEventKind::ScrollUp => Some(Action::Wheel {
                x: m.column,
                y: m.row,
                down: false,
            }),
            MouseEventKind::Down(_) => Some(Action::Click {
                x: m.column,
                y: m.row,
            }),
            _ => None,
        },
        _ => None,
    }
}

/// Run the reader until the user quits; returns the last reading position.
pub fn run(mut app: App, positions: Option<PathBuf>) -> io::Result<()> {
    let term = Arc::new(AtomicBool::new(false));
    watch_signals(Arc::clone(&term));
    let (_guard, mut terminal) = setup()?;
    let size = terminal.size()?;
    app.update(Action::Resize {
        width: size.width,
        height: size.height,
    });
    draw(&mut terminal, &mut app)?;
    let mut quit = false;
    let mut last_retry = std::time::Instant::now();
    while !quit && !term.load(Ordering::Relaxed) {
        if !event::poll(Duration::from_millis(200))? {
            if app.notes.needs_retry() && last_retry.elapsed() > Duration::from_secs(2) {
                last_retry = std::time::Instant::now();
                app.notes.save();
                draw(&mut terminal, &mut app)?;
            }
            continue;
        }
        // Apply every queued event, then draw once.
        while event::poll(Duration::ZERO)? {
            let effects = match event::read()? {
                Event::Key(k) if k.kind != KeyEventKind::Release => app.key(k),
                ev => translate(ev).map(|a| app.update(a)).unwrap_or_default(),
            };
            if effects.contains(&Effect::SaveNotes) {
                app.notes.save();
            }
            quit |= effects.contains(&Effect::Quit);
            if quit {
                break;
            }
        }
        if !quit {
            draw(&mut terminal, &mut app)?;
        }
    }
    if app.notes.needs_retry() {
        app.notes.save();
    }
    if let Some(path) = positions {
        save_position(&path, &app.index.brief.meta.number, app.position());
    }
    terminal.show_cursor()?;
    io::stdout().flush()
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

/// On SIGTERM or SIGHUP ask the loop to stop; if it cannot (a hung-up
/// terminal keeps crossterm's poll reading end-of-file), restore the
/// terminal and exit from here. Annotations are already on disk: every
/// change is saved when it is made.
fn watch_signals(term: Arc<AtomicBool>) {
    use signal_hook::consts::{SIGHUP, SIGTERM};
    let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP]) else {
        return;
    };
    std::thread::spawn(move || {
        if let Some(signal) = signals.forever().next() {
            term.store(true, Ordering::Relaxed);
            std::thread::sleep(Duration::from_millis(500));
            restore();
            std::process::exit(128 + signal);
        }
    });
}

/// Where reading positions are remembered.
pub fn positions_file() -> Option<PathBuf> {
    let dir = match std::env::var_os("BRIEF_DATA_DIR") {
        Some(d) if !d.is_empty() => PathBuf::from(d),
        _ => directories::BaseDirs::new()?.data_dir().join("brief"),
    };
    Some(dir.join("positions.json"))
}

/// The remembered position for a brief.
pub fn load_position(path: &std::path::Path, key: &str) -> Option<Pos> {
    let text = std::fs::read_to_string(path).ok()?;
    let map: serde_json::Value = serde_json::from_str(&text).ok()?;
    let p = map.get(key)?;
    Some(Pos {
        block: p.get("block")?.as_u64()? as usize,
        offset: p.get("offset")?.as_u64()? as usize,
    })
}

fn save_position(path: &std::path::Path, key: &str, pos: Pos) {
    let mut map: serde_json::Map<String, serde_json::Value> = std::fs::read_to_string(path)
        .ok()
        .and_then(|t| serde_json::from_str(&t).ok())
        .unwrap_or_default();
    map.insert(
        key.to_string(),
        serde_json::json!({ "block": pos.block, "offset": pos.offset }),
    );
    let Some(dir) = path.parent() else { return };
    if std::fs::create_dir_all(dir).is_err() {
        return;
    }
    let tmp = path.with_extension("json.tmp");
    let body = serde_json::Value::Object(map).to_string();
    if std::fs::write(&tmp, body).is_ok() {
        let _ = std::fs::rename(&tmp, path);
    }
}
