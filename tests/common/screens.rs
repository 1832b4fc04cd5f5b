//! Every screen and popup of the reader, drawn into a test terminal as text, for the
//! language and snapshot tests.

use brief::app::App;
use brief::brief::{Brief, Index};
use brief::i18n::Lang;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// The reader's screens: a name, and the keys that open it from the start.
pub const SCREENS: &[(&str, &str)] = &[
    ("main", ""),
    ("citations", "]]]]<Tab>"),
    ("recommendations", "<Tab>t"),
    ("entities", "<Tab>ttG"),
    ("notes", "]]vwwH]]jjjjvwwa메모 #태그<C-s><Tab>ttt"),
    ("outline", "<S-Tab>jj"),
    ("help", "?"),
    ("footnote", "]f]f<Enter>"),
    ("warnings", "W"),
    ("messages", "EE]]]]]f<C-o>M"),
    ("recommendation_view", "<Tab>t<Enter>"),
    ("search", "/러시아"),
    ("search_landed", "/러시아<Enter>n"),
    ("note_editor", "]]vwwa"),
    ("note_discard", "]]vwwan<Esc>"),
    ("visual", "]]vwww"),
    ("export_dialog", "]]vwwHx"),
    ("citation", "]]jjc"),
];

/// The two sizes every screen is checked at.
pub const SIZES: [(u16, u16); 2] = [(80, 24), (200, 50)];

/// The screen of `brief` after typing `keys`, the interface in `lang`: one line per row, a
/// wide character once.
pub fn screen(brief: &Brief, lang: Lang, (width, height): (u16, u16), keys: &str) -> String {
    let mut app = App::new(Index::new(brief.clone()), width, height);
    app.set_no_color(true);
    app.set_lang(lang);
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("terminal");
    // Drawn once first, as the reader is, so mouse and popup layouts are known.
    for keys in ["", keys] {
        app.type_keys(keys);
        terminal
            .draw(|f| {
                brief::ui::draw(&app, f);
            })
            .expect("draw");
    }
    text_of(terminal.backend().buffer())
}

/// The screen as text: one line per row, wide characters once.
pub fn text_of(buf: &ratatui::buffer::Buffer) -> String {
    let mut out = String::new();
    for y in 0..buf.area.height {
        let mut x = 0;
        while x < buf.area.width {
            let symbol = buf[(x, y)].symbol();
            out.push_str(symbol);
            x += brief::text::str_width(symbol).max(1) as u16;
        }
        out.push('\n');
    }
    out
}
