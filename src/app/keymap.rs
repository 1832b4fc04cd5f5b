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
    /// The recommendation view is open (digits go to its passages).
    Recommendation,
    /// Selecting text (after `v`).
    Visual,
    /// Writing a note (the editor has every other key).
    Editor,
    /// The library screen.
    Library,
    /// Typing a filter or a query on the library screen.
    LibraryInput,
}

/// One row of the keymap: keys (space-separated alternatives), action, help.
pub struct Binding {
    pub context: Context,
    pub keys: &'static str,
    pub action: Action,
    pub help: &'static str,
}

mod table;
mod user;

pub use table::{HELP_SECTIONS, HINTS, Hints, KEYMAP};
pub use user::{Bound, Keymap, UNBIND, action_name};

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

/// Keys typed so far of a multi-key binding (`]` of `]f`, `m` of `ma`), and a count typed
/// before it (`5` of `5j`).
#[derive(Debug, Default, Clone)]
pub struct Pending {
    keys: String,
    count: Option<usize>,
}

/// The largest count a prefix may give (`99999j` moves this far).
const MAX_COUNT: usize = 9999;

impl Pending {
    /// What is waiting for the next key (count and keys), for the status bar.
    pub fn shown(&self) -> String {
        match self.count {
            Some(n) => format!("{n}{}", self.keys),
            None => self.keys.clone(),
        }
    }

    /// The count typed before the last action, taken (none when no digits were typed).
    pub fn take_count(&mut self) -> Option<usize> {
        self.count.take()
    }

    /// Take a digit as part of a count: `1`–`9` start one, `0` only continues one.
    fn count_digit(&mut self, context: Context, key: KeyEvent) -> bool {
        let KeyCode::Char(c) = key.code else {
            return false;
        };
        let counting = matches!(context, Context::Normal | Context::Visual | Context::Popup);
        let Some(d) = c.to_digit(10).filter(|_| counting && self.keys.is_empty()) else {
            return false;
        };
        if d == 0 && self.count.is_none() {
            return false;
        }
        let n = self.count.unwrap_or(0).saturating_mul(10) + d as usize;
        self.count = Some(n.min(MAX_COUNT));
        true
    }
}

fn with_letter(action: Action, c: char) -> Action {
    match action {
        Action::SetMark(_) => Action::SetMark(c),
        Action::JumpMark(_) => Action::JumpMark(c),
        Action::Passage(_) => c.to_digit(10).map_or(action, |d| Action::Passage(d as u8)),
        other => other,
    }
}

/// The catalogue's name of a context: `help.section.<name>`, `help.<name>.<action>`.
pub fn context_name(context: Context) -> &'static str {
    match context {
        Context::Normal => "normal",
        Context::Search => "search",
        Context::Visual => "visual",
        Context::Popup => "popup",
        Context::Recommendation => "recommendation",
        Context::Editor => "editor",
        Context::Library => "library",
        Context::LibraryInput => "library_input",
    }
}

/// The catalogue key of a binding's description: `help.normal.line_down`.
pub fn help_key(b: &Binding) -> String {
    // `Percent(0)` and `Passage(1)` stand for every count: `percent`, `passage`.
    let name = action_name(&b.action);
    let action = name.trim_end_matches(|c: char| c.is_ascii_digit() || c == '_');
    format!("help.{}.{action}", context_name(b.context))
}

/// A binding's description in `lang`, or the table's English where the catalogue has none.
pub fn help_text(b: &Binding, lang: crate::i18n::Lang) -> String {
    let key = help_key(b);
    let found = crate::i18n::tr(lang, &key, &[]);
    if found == key {
        b.help.to_owned()
    } else {
        found
    }
}

/// A help section's heading in `lang`, or the table's English where the catalogue has none.
pub fn section_text(context: Context, english: &str, lang: crate::i18n::Lang) -> String {
    let key = format!("help.section.{}", context_name(context));
    let found = crate::i18n::tr(lang, &key, &[]);
    if found == key {
        english.to_owned()
    } else {
        found
    }
}

/// The first key of `action`'s binding in `context` in the table as shipped (see
/// [`Keymap::first_key`]).
pub fn first_key(context: Context, action: Action) -> Option<&'static str> {
    Keymap::standard().first_key(context, action)
}

/// Resolve a key in a context with the table as shipped (see [`Keymap::resolve`]).
pub fn resolve(context: Context, key: KeyEvent, pending: &mut Pending) -> Option<Action> {
    Keymap::standard().resolve(context, key, pending)
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
    fn counts() {
        let mut p = Pending::default();
        assert_eq!(resolve(Context::Normal, key('1'), &mut p), None);
        assert_eq!(resolve(Context::Normal, key('0'), &mut p), None);
        assert_eq!(p.shown(), "10");
        assert_eq!(resolve(Context::Normal, key(']'), &mut p), None);
        assert_eq!(p.shown(), "10]");
        assert_eq!(
            resolve(Context::Normal, key(']'), &mut p),
            Some(Action::NextSection)
        );
        assert_eq!(p.take_count(), Some(10));
        assert_eq!(resolve(Context::Normal, key('0'), &mut p), None);
        assert_eq!(p.take_count(), None, "0 alone is no count");
        assert_eq!(
            resolve(Context::Search, key('5'), &mut p),
            Some(Action::SearchChar('5')),
            "digits are text in a search"
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
