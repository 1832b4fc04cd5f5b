//! Signals and job control on the real binary in tmux: every ending signal
//! restores the terminal and exits with 128 + its number; Ctrl-Z and
//! SIGTSTP give the terminal back to the shell, and `fg` takes it again.

mod tmux;

use tmux::{Tmux, children};

/// The terminal is as the shell left it: main screen, no mouse reporting,
/// cursor shown.
fn assert_terminal_restored(t: &Tmux) {
    t.wait_format("alternate_on", "0");
    assert_eq!(t.format("mouse_any_flag"), "0", "mouse reporting is off");
    assert_eq!(t.format("mouse_button_flag"), "0", "mouse reporting is off");
    assert_eq!(t.format("cursor_flag"), "1", "the cursor is shown");
}

/// The reader, started from a shell, ends on `signal` and the shell gets
/// a usable terminal and the status 128 + `number`.
fn ends_with(signal: &str, number: u8) {
    let t = Tmux::shell(100, 30);
    let reader = reader_in_shell(&t);
    Tmux::signal(&reader, signal);
    t.wait_without("READ");
    assert_terminal_restored(&t);
    let status = 128 + u16::from(number);
    t.type_text("echo status-$?");
    t.keys(&["Enter"]);
    t.wait_for(&format!("status-{status}"));
    assert!(
        t.data.join("positions.json").is_file(),
        "the reading position was saved on SIG{signal}"
    );
}

#[test]
#[cfg_attr(no_tmux, ignore = "tmux is not installed")]
fn sigint_restores_and_exits_130() {
    ends_with("INT", 2);
}

#[test]
#[cfg_attr(no_tmux, ignore = "tmux is not installed")]
fn sigquit_restores_and_exits_131() {
    ends_with("QUIT", 3);
}

#[test]
#[cfg_attr(no_tmux, ignore = "tmux is not installed")]
fn sigterm_restores_and_exits_143() {
    ends_with("TERM", 15);
}

#[test]
#[cfg_attr(no_tmux, ignore = "tmux is not installed")]
fn sighup_restores_and_exits_129() {
    ends_with("HUP", 1);
}

/// The reader started from an interactive shell; returns its process id.
fn reader_in_shell(t: &Tmux) -> String {
    t.wait_for("shell$");
    t.type_text(&tmux::bin().display().to_string());
    t.keys(&["Enter"]);
    t.wait_for("READ");
    t.wait_format("alternate_on", "1");
    let shell = t.pid();
    let kids = children(&shell);
    assert_eq!(kids.len(), 1, "one reader under the shell: {kids:?}");
    kids[0].clone()
}

/// Stopped: the shell has a sane terminal (it echoes and runs a command);
/// `fg`: the reader is back in raw mode (single keys act at once) and
/// redrawn; `q` leaves a clean shell.
fn stop_then_fg(t: &Tmux) {
    t.wait_for("Stopped");
    assert_terminal_restored(t);
    t.type_text("echo back-$((40+2))");
    t.keys(&["Enter"]);
    t.wait_for("back-42");
    t.type_text("fg");
    t.keys(&["Enter"]);
    t.wait_format("alternate_on", "1");
    let s = t.wait_for("READ");
    assert!(!s.contains("back-42"), "the reader redrew its screen:\n{s}");
    assert_eq!(t.format("mouse_any_flag"), "1", "mouse reporting is back");
    t.keys(&["G"]);
    t.wait_for("100%");
    t.keys(&["q"]);
    t.wait_format("alternate_on", "0");
    t.wait_without("READ");
    t.type_text("echo status-$?");
    t.keys(&["Enter"]);
    t.wait_for("status-0");
}

#[test]
#[cfg_attr(no_tmux, ignore = "tmux is not installed")]
fn ctrl_z_suspends_and_fg_resumes() {
    let t = Tmux::shell(100, 30);
    reader_in_shell(&t);
    t.keys(&["C-z"]);
    stop_then_fg(&t);
}

#[test]
#[cfg_attr(no_tmux, ignore = "tmux is not installed")]
fn sigtstp_suspends_and_fg_resumes() {
    let t = Tmux::shell(100, 30);
    let reader = reader_in_shell(&t);
    Tmux::signal(&reader, "TSTP");
    stop_then_fg(&t);
}

#[test]
#[cfg_attr(no_tmux, ignore = "tmux is not installed")]
fn sigcont_after_sigstop_redraws_in_raw_mode() {
    let t = Tmux::shell(100, 30);
    let reader = reader_in_shell(&t);
    // SIGSTOP cannot be caught: the shell finds the terminal as the reader
    // left it, and the reader sets it up again when `fg` continues it.
    Tmux::signal(&reader, "STOP");
    t.wait_for("Stopped");
    t.type_text("fg");
    t.keys(&["Enter"]);
    t.wait_for("READ");
    t.keys(&["G"]);
    t.wait_for("100%");
    t.keys(&["q"]);
    t.wait_format("alternate_on", "0");
}
