//! The keymap is data: one table drives key dispatch and the help screen.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::Action;

/// Where a binding applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Context {
    /// Reading and browsing panes.
    Normal,
    /// Typing a search.
    Search,
    /// A popup or the help screen is open.
    Popup,
    /// Selecting text (after `v`).
    Visual,
    /// Writing a note (the editor has every other key).
    Editor,
}

/// One row of the keymap: keys (space-separated alternatives), action, help.
pub struct Binding {
    pub context: Context,
    pub keys: &'static str,
    pub action: Action,
    pub help: &'static str,
}

const fn bind(context: Context, keys: &'static str, action: Action, help: &'static str) -> Binding {
    Binding {
        context,
        keys,
        action,
        help,
    }
}

use super::cursor::Motion;
use Context::{Editor, Normal, Popup, Search, Visual};

/// Every key the reader knows. `{a-z}` stands for any lower-case letter.
pub const KEYMAP: &[Binding] = &[
    bind(
        Normal,
        "j <Down>",
        Action::LineDown,
        "down a line / next item",
    ),
    bind(
        Normal,
        "k <Up>",
        Action::LineUp,
        "up a line / previous item",
    ),
    bind(Normal, "<Space> <PgDn> f", Action::PageDown, "down a page"),
    bind(Normal, "b <PgUp>", Action::PageUp, "up a page"),
    bind(Normal, "<C-d>", Action::HalfPageDown, "down half a page"),
    bind(Normal, "<C-u>", Action::HalfPageUp, "up half a page"),
    bind(Normal, "g <Home>", Action::Top, "beginning"),
    bind(Normal, "G <End>", Action::Bottom, "end"),
    bind(Normal, "]]", Action::NextSection, "next section"),
    bind(Normal, "[[", Action::PrevSection, "previous section"),
    bind(Normal, "]f", Action::NextMarker, "next footnote marker"),
    bind(Normal, "[f", Action::PrevMarker, "previous footnote marker"),
    bind(Normal, "<Tab>", Action::FocusNext, "focus next pane"),
    bind(Normal, "<S-Tab>", Action::FocusPrev, "focus previous pane"),
    bind(Normal, "t >", Action::NextTab, "next side-pane tab"),
    bind(Normal, "T <", Action::PrevTab, "previous side-pane tab"),
    bind(
        Normal,
        "<Enter>",
        Action::Follow,
        "follow: open footnote / jump to item",
    ),
    bind(
        Normal,
        "<C-o> <Backspace>",
        Action::Back,
        "back in jump history",
    ),
    bind(Normal, "<C-n>", Action::Forward, "forward in jump history"),
    bind(Normal, "m{a-z}", Action::SetMark('a'), "set mark"),
    bind(Normal, "'{a-z}", Action::JumpMark('a'), "jump to mark"),
    bind(Normal, "/", Action::SearchStart, "search (as you type)"),
    bind(Normal, "n", Action::SearchNext, "next match"),
    bind(Normal, "N", Action::SearchPrev, "previous match"),
    bind(
        Normal,
        "h <Left>",
        Action::Cursor(Motion::CharPrev),
        "cursor: previous character",
    ),
    bind(
        Normal,
        "l <Right>",
        Action::Cursor(Motion::CharNext),
        "cursor: next character",
    ),
    bind(
        Normal,
        "w",
        Action::Cursor(Motion::WordNext),
        "cursor: next word (eojeol)",
    ),
    bind(
        Normal,
        "B",
        Action::Cursor(Motion::WordPrev),
        "cursor: previous word",
    ),
    bind(
        Normal,
        "e",
        Action::EditOrWordEnd,
        "edit the annotation under the cursor / end of word",
    ),
    bind(
        Normal,
        ")",
        Action::Cursor(Motion::SentenceEnd),
        "cursor: end of sentence",
    ),
    bind(
        Normal,
        "(",
        Action::Cursor(Motion::SentenceStart),
        "cursor: start of sentence",
    ),
    bind(Normal, "v", Action::Select, "start selecting at the cursor"),
    bind(
        Normal,
        "H",
        Action::Highlight,
        "change the colour of the annotation under the cursor",
    ),
    bind(
        Normal,
        "a",
        Action::Annotate,
        "edit the note under the cursor",
    ),
    bind(
        Normal,
        "d",
        Action::DeleteAnnotation,
        "delete the annotation under the cursor",
    ),
    bind(Normal, "u", Action::Undo, "undo the last delete"),
    bind(Normal, "]a", Action::NextAnnotation, "next annotation"),
    bind(Normal, "[a", Action::PrevAnnotation, "previous annotation"),
    bind(Normal, "E", Action::ToggleEntities, "highlight entities"),
    bind(
        Normal,
        "U",
        Action::ToggleUnsourced,
        "flag unsourced figures",
    ),
    bind(Normal, "? <F1>", Action::Help, "help"),
    bind(
        Normal,
        "<Esc>",
        Action::Close,
        "clear marker / search highlight",
    ),
    bind(Normal, "q <C-c>", Action::Quit, "quit"),
    bind(
        Normal,
        "<C-z>",
        Action::Suspend,
        "suspend to the shell (fg resumes)",
    ),
    bind(
        Search,
        "<Enter>",
        Action::SearchConfirm,
        "land on the match",
    ),
    bind(
        Search,
        "<Esc>",
        Action::SearchCancel,
        "cancel, back to the start",
    ),
    bind(
        Search,
        "<Backspace>",
        Action::SearchBackspace,
        "delete a character",
    ),
    bind(Search, "<C-c>", Action::Quit, "quit"),
    bind(Search, "<C-z>", Action::Suspend, "suspend to the shell"),
    bind(
        Visual,
        "h <Left>",
        Action::Cursor(Motion::CharPrev),
        "extend by a character back",
    ),
    bind(
        Visual,
        "l <Right>",
        Action::Cursor(Motion::CharNext),
        "extend by a character",
    ),
    bind(
        Visual,
        "w",
        Action::Cursor(Motion::WordNext),
        "extend to the next word",
    ),
    bind(
        Visual,
        "b B",
        Action::Cursor(Motion::WordPrev),
        "extend to the previous word",
    ),
    bind(
        Visual,
        "e",
        Action::Cursor(Motion::WordEnd),
        "extend to the end of the word",
    ),
    bind(
        Visual,
        ")",
        Action::Cursor(Motion::SentenceEnd),
        "extend to the end of the sentence",
    ),
    bind(
        Visual,
        "(",
        Action::Cursor(Motion::SentenceStart),
        "extend to the start of the sentence",
    ),
    bind(Visual, "j <Down>", Action::CursorDown, "extend a line down"),
    bind(Visual, "k <Up>", Action::CursorUp, "extend a line up"),
    bind(Visual, "H", Action::Highlight, "highlight the selection"),
    bind(
        Visual,
        "a",
        Action::Annotate,
        "write a note on the selection",
    ),
    bind(
        Visual,
        "R",
        Action::Reattach,
        "re-attach the orphan chosen in the Annotations tab here",
    ),
    bind(Visual, "<Esc> v", Action::Close, "cancel the selection"),
    bind(Visual, "<C-c>", Action::Quit, "quit"),
    bind(Visual, "<C-z>", Action::Suspend, "suspend to the shell"),
    bind(Editor, "<C-s>", Action::Close, "save the note"),
    bind(Editor, "<Esc>", Action::Close, "discard the note"),
    bind(Popup, "j <Down>", Action::LineDown, "scroll down"),
    bind(Popup, "k <Up>", Action::LineUp, "scroll up"),
    bind(
        Popup,
        "<Space> <PgDn>",
        Action::PageDown,
        "scroll down a page",
    ),
    bind(Popup, "b <PgUp>", Action::PageUp, "scroll up a page"),
    bind(Popup, "<Esc> q <Enter> ? <F1>", Action::Close, "close"),
    bind(Popup, "<C-c>", Action::Quit, "quit"),
    bind(Popup, "<C-z>", Action::Suspend, "suspend to the shell"),
];

/// The help screen's sections: every context, in the order shown.
pub const HELP_SECTIONS: &[(Context, &str)] = &[
    (Normal, "Reading"),
    (Visual, "Selecting (v)"),
    (
        Search,
        "Searching (/; in the Annotations tab, / filters the list)",
    ),
    (Popup, "Popups"),
    (Editor, "Writing a note (a)"),
];

/// The name of a key in the table's notation.
pub fn key_name(key: KeyEvent) -> Option<String> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    let name = match key.code {
        KeyCode::Char(' ') => "<Space>".to_string(),
        KeyCode::Char(c) if ctrl => format!("<C-{}>", c.to_ascii_lowercase()),
        KeyCode::Char(c) => c.to_string(),
        KeyCode::Enter => "<Enter>".into(),
        KeyCode::Esc => "<Esc>".into(),
        KeyCode::Tab => "<Tab>".into(),
        KeyCode::BackTab => "<S-Tab>".into(),
        KeyCode::Backspace => "<Backspace>".into(),
        KeyCode::Up => "<Up>".into(),
        KeyCode::Down => "<Down>".into(),
        KeyCode::Left => "<Left>".into(),
        KeyCode::Right => "<Right>".into(),
        KeyCode::PageUp => "<PgUp>".into(),
        KeyCode::PageDown => "<PgDn>".into(),
        KeyCode::Home => "<Home>".into(),
        KeyCode::End => "<End>".into(),
        KeyCode::F(n) => format!("<F{n}>"),
        _ => return None,
    };
    Some(name)
}

/// Keys typed so far of a multi-key binding (`]` of `]f`, `m` of `ma`).
#[derive(Debug, Default, Clone)]
pub struct Pending(String);

impl Pending {
    /// What is waiting for the next key, for the status bar.
    pub fn shown(&self) -> &str {
        &self.0
    }
}

fn with_letter(action: Action, c: char) -> Action {
    match action {
        Action::SetMark(_) => Action::SetMark(c),
        Action::JumpMark(_) => Action::JumpMark(c),
        other => other,
    }
}

/// Resolve a key in a context, using and updating the pending prefix.
pub fn resolve(context: Context, key: KeyEvent, pending: &mut Pending) -> Option<Action> {
    if context == Context::Search
        && let KeyCode::Char(c) = key.code
        && !key.modifiers.contains(KeyModifiers::CONTROL)
    {
        return Some(Action::SearchChar(c));
    }
    let name = key_name(key)?;
    let typed = format!("{}{name}", pending.0);
    pending.0.clear();
    let mut prefix = false;
    for b in KEYMAP.iter().filter(|b| b.context == context) {
        for keys in b.keys.split(' ') {
            if let Some(lead) = keys.strip_suffix("{a-z}") {
                let letter = typed.strip_prefix(lead).and_then(single_lower);
                if let Some(c) = letter {
                    return Some(with_letter(b.action, c));
                }
                prefix |= typed == lead;
            } else if keys == typed {
                return Some(b.action);
            } else {
                prefix |= keys.starts_with(&typed);
            }
        }
    }
    if prefix {
        pending.0 = typed;
        return None;
    }
    if typed != name {
        // An unknown sequence: try the last key on its own.
        return resolve(context, key, pending);
    }
    None
}

fn single_lower(s: &str) -> Option<char> {
    let mut chars = s.chars();
    let c = chars.next()?;
    (chars.next().is_none() && c.is_ascii_lowercase()).then_some(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(c: char) -> KeyEvent {
        KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE)
    }

    #[test]
    fn sequences() {
        let mut p = Pending::default();
        assert_eq!(resolve(Context::Normal, key(']'), &mut p), None);
        assert_eq!(p.shown(), "]");
        assert_eq!(
            resolve(Context::Normal, key('f'), &mut p),
            Some(Action::NextMarker)
        );
        assert_eq!(resolve(Context::Normal, key('m'), &mut p), None);
        assert_eq!(
            resolve(Context::Normal, key('x'), &mut p),
            Some(Action::SetMark('x'))
        );
        assert_eq!(resolve(Context::Normal, key('\''), &mut p), None);
        assert_eq!(
            resolve(Context::Normal, key('x'), &mut p),
            Some(Action::JumpMark('x'))
        );
        assert_eq!(resolve(Context::Normal, key(']'), &mut p), None);
        assert_eq!(
            resolve(Context::Normal, key('j'), &mut p),
            Some(Action::LineDown),
            "an unknown sequence falls back"
        );
    }

    #[test]
    fn control_keys_and_search_text() {
        let mut p = Pending::default();
        let ctrl_o = KeyEvent::new(KeyCode::Char('o'), KeyModifiers::CONTROL);
        assert_eq!(resolve(Context::Normal, ctrl_o, &mut p), Some(Action::Back));
        assert_eq!(
            resolve(Context::Search, key('q'), &mut p),
            Some(Action::SearchChar('q'))
        );
        assert_eq!(
            resolve(
                Context::Search,
                KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE),
                &mut p
            ),
            Some(Action::SearchCancel)
        );
    }
}
