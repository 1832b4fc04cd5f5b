//! Signals as events for the loop: the loop restores the terminal before
//! the process ends or stops, and sets it up again when continued.

use std::io;
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::time::Duration;

use signal_hook::consts::{
    SIGALRM, SIGCONT, SIGHUP, SIGINT, SIGQUIT, SIGTERM, SIGTSTP, SIGUSR1, SIGUSR2,
};
use signal_hook::iterator::{Handle, Signals};

/// Signals whose default action ends the process.
const ENDING: [i32; 7] = [SIGINT, SIGQUIT, SIGTERM, SIGHUP, SIGUSR1, SIGUSR2, SIGALRM];

/// How long the loop has to wind down after an ending signal before the
/// watcher restores the terminal and ends the process itself (a loop stuck
/// on a hung-up terminal never gets to look).
const GRACE: Duration = Duration::from_secs(3);

/// What a signal asks of the reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Request {
    /// End with this signal's number.
    End(i32),
    /// Stop (job control): restore the terminal first.
    Stop,
    /// Continued after a stop: set the terminal up again and redraw.
    Continue,
}

/// The signals received and not yet acted on.
pub struct Watch {
    received: Receiver<i32>,
    queued: Vec<Request>,
    handle: Handle,
    /// Dropped when the loop is done, which releases the watcher.
    _done: Sender<()>,
}

/// Start listening for the signals the reader handles.
pub fn watch() -> io::Result<Watch> {
    let mut signals = Signals::new(ENDING.iter().chain(&[SIGTSTP, SIGCONT]))?;
    let handle = signals.handle();
    let (tx, received) = mpsc::channel();
    let (done, finished) = mpsc::channel::<()>();
    std::thread::spawn(move || {
        for signal in signals.forever() {
            if tx.send(signal).is_err() {
                return;
            }
            if ENDING.contains(&signal)
                && matches!(finished.recv_timeout(GRACE), Err(RecvTimeoutError::Timeout))
            {
                super::restore();
                std::process::exit(128 + signal);
            }
        }
    });
    Ok(Watch {
        received,
        queued: Vec::new(),
        handle,
        _done: done,
    })
}

impl Watch {
    fn collect(&mut self) {
        while let Ok(signal) = self.received.try_recv() {
            self.queued.push(match signal {
                SIGTSTP => Request::Stop,
                SIGCONT => Request::Continue,
                n => Request::End(n),
            });
        }
    }

    /// The next request, oldest first.
    pub fn next(&mut self) -> Option<Request> {
        self.collect();
        (!self.queued.is_empty()).then(|| self.queued.remove(0))
    }

    /// Whether a request is waiting.
    pub fn waiting(&mut self) -> bool {
        self.collect();
        !self.queued.is_empty()
    }

    /// The ending signal received, if any (checked when the terminal fails).
    pub fn ending(&mut self) -> Option<i32> {
        self.collect();
        self.queued.iter().find_map(|r| match r {
            Request::End(n) => Some(*n),
            _ => None,
        })
    }
}

impl Drop for Watch {
    fn drop(&mut self) {
        self.handle.close();
    }
}

/// Stop the process as SIGTSTP would; returns once it is continued.
pub fn stop_self() -> io::Result<()> {
    signal_hook::low_level::emulate_default_handler(SIGTSTP)
}
