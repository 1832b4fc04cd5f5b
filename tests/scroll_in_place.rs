//! Scrolling the terminal in place (scroll regions) leaves exactly the
//! screen a full redraw would, and writes fewer bytes.

use std::convert::Infallible;
use std::io::Write;
use std::ops::Range;
use std::rc::Rc;

use brief::app::App;
use brief::brief::{Index, load};
use brief::text::str_width;
use brief::tui::scroll::LastFrame;
use ratatui::backend::{Backend, ClearType, CrosstermBackend, TestBackend, WindowSize};
use ratatui::buffer::Buffer;
use ratatui::buffer::Cell;
use ratatui::layout::Rect;
use ratatui::layout::{Position, Size};
use ratatui::style::{Modifier, Style};
use ratatui::{Terminal, TerminalOptions, Viewport};

fn app(width: u16, height: u16, keys: &str) -> App {
    let (brief, _) = load::builtin().expect("built-in brief");
    let mut a = App::new(Index::new(brief), width, height);
    a.type_keys(keys);
    a
}

type Shown = Vec<(u16, u16, String, Style)>;

/// What a terminal shows: every cell not covered by a wide character
/// before it, with its style; of a blank, only what shows on a blank.
/// (`TestBackend` keeps stale cells under wide characters, which a
/// terminal blanks when the wide character is overwritten.)
fn shown(buf: &Buffer) -> Shown {
    let mut out = Vec::new();
    for y in 0..buf.area.height {
        let mut x = 0;
        while x < buf.area.width {
            let cell = &buf[(x, y)];
            let mut style = cell.style();
            if cell.symbol() == " " {
                let visible = Modifier::REVERSED | Modifier::UNDERLINED | Modifier::CROSSED_OUT;
                style = Style::new()
                    .bg(cell.bg)
                    .add_modifier(cell.modifier.intersection(visible));
            }
            out.push((x, y, cell.symbol().to_string(), style));
            x += brief::text::str_width(cell.symbol()).max(1) as u16;
        }
    }
    out
}

/// A `TestBackend` that overwrites a wide character as a terminal does:
/// writing over either half blanks the other.
struct Screen(TestBackend);

impl Screen {
    fn blank(&mut self, x: u16, y: u16) {
        let area = self.0.buffer().area;
        if x < area.width && y < area.height {
            let _ = self.0.draw(std::iter::once((x, y, &Cell::default())));
        }
    }

    fn wide(&self, x: u16, y: u16) -> bool {
        x < self.0.buffer().area.width && str_width(self.0.buffer()[(x, y)].symbol()) > 1
    }
}

impl Backend for Screen {
    type Error = Infallible;

    fn draw<'a, I: Iterator<Item = (u16, u16, &'a Cell)>>(
        &mut self,
        content: I,
    ) -> Result<(), Infallible> {
        for (x, y, cell) in content {
            if x > 0 && self.wide(x - 1, y) {
                self.blank(x - 1, y);
            }
            if self.wide(x, y) || str_width(cell.symbol()) > 1 {
                self.blank(x + 1, y);
            }
            self.0.draw(std::iter::once((x, y, cell)))?;
        }
        Ok(())
    }
    fn hide_cursor(&mut self) -> Result<(), Infallible> {
        self.0.hide_cursor()
    }
    fn show_cursor(&mut self) -> Result<(), Infallible> {
        self.0.show_cursor()
    }
    fn get_cursor_position(&mut self) -> Result<Position, Infallible> {
        self.0.get_cursor_position()
    }
    fn set_cursor_position<P: Into<Position>>(&mut self, p: P) -> Result<(), Infallible> {
        self.0.set_cursor_position(p)
    }
    fn clear(&mut self) -> Result<(), Infallible> {
        self.0.clear()
    }
    fn clear_region(&mut self, t: ClearType) -> Result<(), Infallible> {
        self.0.clear_region(t)
    }
    fn size(&self) -> Result<Size, Infallible> {
        self.0.size()
    }
    fn window_size(&mut self) -> Result<WindowSize, Infallible> {
        self.0.window_size()
    }
    fn flush(&mut self) -> Result<(), Infallible> {
        Ok(())
    }
    fn scroll_region_up(&mut self, rows: Range<u16>, n: u16) -> Result<(), Infallible> {
        self.0.scroll_region_up(rows, n)
    }
    fn scroll_region_down(&mut self, rows: Range<u16>, n: u16) -> Result<(), Infallible> {
        self.0.scroll_region_down(rows, n)
    }
}

fn fresh(a: &mut App, width: u16, height: u16) -> Shown {
    let mut t = Terminal::new(TestBackend::new(width, height)).expect("terminal");
    brief::tui::draw(&mut t, a).expect("draw");
    shown(t.backend().buffer())
}

/// Type `keys` one by one into an app drawn as the loop draws it and into
/// one drawn afresh; after every key the terminal shows what a fresh draw
/// shows. The frames drawn, to ask how many scrolled in place.
///
/// The fresh app is drawn on a thread of its own: the panes and rows a
/// thread keeps are the loop's, as they are in the reader, not taken
/// over by the other app between two frames.
fn walk_against_redraw<'k>(
    width: u16,
    height: u16,
    setup: &str,
    keys: impl IntoIterator<Item = &'k str>,
) -> LastFrame {
    let (to_fresh, keys_in) = std::sync::mpsc::channel::<String>();
    let (frames_out, from_fresh) = std::sync::mpsc::channel::<Shown>();
    let setup_fresh = setup.to_owned();
    let fresh_thread = std::thread::spawn(move || {
        let mut redrawn = app(width, height, &setup_fresh);
        for key in keys_in {
            redrawn.type_keys(&key);
            let _ = frames_out.send(fresh(&mut redrawn, width, height));
        }
    });
    let mut kept = app(width, height, setup);
    let mut t = Terminal::new(Screen(TestBackend::new(width, height))).expect("terminal");
    let mut last = LastFrame::default();
    last.draw(&mut t, &mut kept).expect("draw");
    last.prepare(&kept);
    for (i, key) in keys.into_iter().enumerate() {
        kept.type_keys(key);
        to_fresh.send(key.to_owned()).expect("fresh drawer");
        last.draw(&mut t, &mut kept).expect("draw");
        // As the loop does after each frame it sends.
        last.prepare(&kept);
        let want = from_fresh.recv().expect("fresh frame");
        assert_eq!(
            shown(t.backend().0.buffer()),
            want,
            "{width}x{height}, key {i} ({key})"
        );
    }
    drop(to_fresh);
    fresh_thread.join().expect("fresh drawer");
    last
}

/// Scroll down and back up key by key; after every key the terminal that
/// scrolled in place shows what a fresh draw shows.
fn same_as_redraw(width: u16, height: u16, setup: &str) {
    let keys = ["j"; 70].into_iter().chain(["k"; 60]).chain([
        "3j",
        "<C-d>",
        "2k",
        "v",
        "jjj",
        "<Esc>",
        "/북<Enter>",
        "n",
    ]);
    let last = walk_against_redraw(width, height, setup, keys);
    assert!(
        last.scrolls() > 50,
        "{width}x{height}: only {} frames scrolled in place",
        last.scrolls()
    );
}

#[test]
fn scrolling_in_place_matches_a_redraw_on_a_narrow_terminal() {
    same_as_redraw(80, 24, "");
}

#[test]
fn scrolling_in_place_matches_a_redraw_in_focus_mode() {
    same_as_redraw(120, 40, "z");
    same_as_redraw(200, 50, "z");
}

#[test]
fn scrolling_in_place_beside_the_side_panes_matches_a_redraw() {
    // The scroll region spans the full width: the side panes' rows move
    // with the text and must be sent again where they differ.
    same_as_redraw(120, 40, "");
    same_as_redraw(200, 50, "");
}

/// A writer that counts what it is given.
#[derive(Clone, Default)]
struct Counter(Rc<std::cell::Cell<usize>>);

impl Write for Counter {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.set(self.0.get() + buf.len());
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// Bytes one terminal writes for the frame after `key`, drawn either way.
fn bytes_for(width: u16, height: u16, setup: &str, in_place: bool) -> usize {
    let mut a = app(width, height, setup);
    let options = TerminalOptions {
        viewport: Viewport::Fixed(Rect::new(0, 0, width, height)),
    };
    let written = Counter::default();
    let mut t =
        Terminal::with_options(CrosstermBackend::new(written.clone()), options).expect("terminal");
    let mut last = LastFrame::default();
    // Far enough down that `j` scrolls rather than moves the cursor.
    for _ in 0..height * 2 {
        a.type_keys("j");
        if in_place {
            last.draw(&mut t, &mut a).expect("draw");
        } else {
            brief::tui::draw(&mut t, &mut a).expect("draw");
        }
    }
    let before = written.0.get();
    let top = a.top();
    a.type_keys("j");
    assert_eq!(a.top(), top + 1, "j scrolled one line");
    if in_place {
        last.draw(&mut t, &mut a).expect("draw");
    } else {
        brief::tui::draw(&mut t, &mut a).expect("draw");
    }
    written.0.get() - before
}

#[test]
fn a_one_line_scroll_writes_a_fraction_of_a_redraw() {
    for (w, h, setup, share) in [(80, 24, "", 3), (200, 50, "z", 3), (200, 50, "", 2)] {
        let in_place = bytes_for(w, h, setup, true);
        let redraw = bytes_for(w, h, setup, false);
        assert!(
            in_place * share < redraw,
            "{w}x{h}: {in_place} bytes in place vs {redraw} redrawn"
        );
    }
}

#[test]
fn focus_mode_gives_the_reader_the_full_width_and_keeps_the_place() {
    let mut a = app(200, 50, "<C-d><C-d>");
    let wide = a.areas();
    assert!(wide.side.width > 0 && wide.reader.width < 200);
    let at = a.position();
    a.type_keys("z");
    let focus = a.areas();
    assert!(a.focus_mode());
    assert_eq!((focus.reader.x, focus.reader.width), (0, 200));
    assert_eq!((focus.outline.width, focus.side.width), (0, 0));
    assert_eq!(a.doc().width, usize::from(focus.reader_text.width));
    let shown = a.visible_blocks();
    assert!(
        shown.contains(&at.block),
        "the reading place stays on screen"
    );
    a.type_keys("z");
    assert!(!a.focus_mode());
    assert_eq!(a.areas(), wide);
}

/// The last frame is held between draws rather than copied: through a
/// clear, a resize, a screen too small, a popup and a frame that must not
/// scroll, the terminal still shows what a fresh draw shows.
#[test]
fn the_held_frame_follows_clears_resizes_and_popups() {
    let (width, height) = (120, 40);
    let mut held = app(width, height, "");
    let mut redrawn = app(width, height, "");
    let mut t = Terminal::new(Screen(TestBackend::new(width, height))).expect("terminal");
    let mut last = LastFrame::default();
    last.draw(&mut t, &mut held).expect("draw");
    // Keys, after clearing the terminal ("!") or forgetting the last frame ("~").
    let steps: [(&str, Option<(u16, u16)>); 12] = [
        ("jjjj", None),
        ("?", None),
        ("<Esc>jj", None),
        ("!", None),
        ("!jjjjjjjjjj", None),
        ("jjj", Some((100, 30))),
        ("j", Some((30, 8))),
        ("k", Some((120, 40))),
        ("~", None),
        ("<C-f>jj", None),
        ("!", None),
        ("!G", None),
    ];
    for (i, (keys, size)) in steps.into_iter().enumerate() {
        if let Some((w, h)) = size {
            t.backend_mut().0.resize(w, h);
            for a in [&mut held, &mut redrawn] {
                a.update(brief::app::Action::Resize {
                    width: w,
                    height: h,
                });
            }
        }
        let keys = if let Some(rest) = keys.strip_prefix('!') {
            t.clear().expect("clear");
            last.cleared();
            rest
        } else if let Some(rest) = keys.strip_prefix('~') {
            last.forget();
            rest
        } else {
            keys
        };
        held.type_keys(keys);
        redrawn.type_keys(keys);
        last.draw(&mut t, &mut held).expect("draw");
        let area = redrawn.areas().screen;
        let want = fresh(&mut redrawn, area.width, area.height);
        assert_eq!(shown(t.backend().0.buffer()), want, "step {i} ({keys})");
    }
}

/// Frames whose reader rows are reused from the frame before last and
/// not compared where both frames show the same kept row: after every key
/// of a walk through scrolls, focus mode, floating panes, highlights,
/// a selection, a note's editor, popups and tabs, at three sizes, the
/// terminal shows what a fresh draw shows.
#[test]
fn reused_and_uncompared_rows_match_a_fresh_draw() {
    let walk = [
        "j",
        "j",
        "2j",
        "k",
        "z",
        "j",
        "j",
        "j",
        "3k",
        "<C-d>",
        "<Tab>",
        "j",
        "<Esc>",
        "j",
        "E",
        "j",
        "k",
        "U",
        "jj",
        "/러시아<Enter>",
        "j",
        "n",
        "n",
        "<Esc>",
        "v",
        "ll",
        "jj",
        "<Esc>",
        "]f",
        "j",
        "<Enter>",
        "<C-o>",
        "j",
        "z",
        "j",
        "j",
        "t",
        "j",
        "?",
        "j",
        "<Esc>",
        "a",
        "메모",
        "<Esc>",
        "j",
        "k",
        "]a",
        "j",
        "G",
        "k",
        "k",
        "g",
        "j",
        "5j",
        "<C-u>",
        "j",
    ];
    for (width, height) in [(80, 24), (120, 40), (200, 50)] {
        walk_against_redraw(width, height, "", walk);
    }
}
