//! The keymap in use: the table, with the user's rebindings from the config file. Keys are
//! dispatched, hinted and listed in help from this one value.

use std::sync::LazyLock;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::super::action::Action;
use super::{Binding, Context, KEYMAP, Pending, key_name};

/// One row of the keymap in use: the table's row and the keys it answers to now.
#[derive(Clone)]
pub struct Bound {
    /// The table's row (its action, context and help).
    pub row: &'static Binding,
    /// The key alternatives, the user's first (`{a-z}`, `{1-9}`: any letter, any digit).
    pub keys: Vec<String>,
}

/// The keymap in use.
#[derive(Clone)]
pub struct Keymap {
    rows: Vec<Bound>,
}

static STANDARD: LazyLock<Keymap> = LazyLock::new(Keymap::default);

impl Default for Keymap {
    fn default() -> Keymap {
        let rows = KEYMAP
            .iter()
            .map(|row| Bound {
                row,
                keys: row.keys.split(' ').map(str::to_owned).collect(),
            })
            .collect();
        Keymap { rows }
    }
}

/// The snake_case name of a keymap action: `LineDown` is `line_down`, `Cursor(WordNext)` is
/// `cursor_word_next`, `SetMark('a')` is `set_mark`.
pub fn action_name(action: &impl std::fmt::Debug) -> String {
    let debug = format!("{action:?}");
    let debug = debug.split("('").next().unwrap_or_default();
    let mut name = String::new();
    for c in debug.chars() {
        if c.is_ascii_uppercase() {
            if !name.is_empty() && !name.ends_with('_') {
                name.push('_');
            }
            name.push(c.to_ascii_lowercase());
        } else if c.is_ascii_alphanumeric() {
            name.push(c);
        } else if !name.ends_with('_') {
            name.push('_');
        }
    }
    name.trim_end_matches('_').to_owned()
}

/// The action name that unbinds a key (`"x" = "none"` in the config file).
pub const UNBIND: &str = "none";

/// The pattern a row's keys end in (`{a-z}` of `m{a-z}`), which a rebinding keeps.
fn pattern(keys: &str) -> &'static str {
    ["{a-z}", "{1-9}"]
        .into_iter()
        .find(|p| keys.ends_with(p))
        .unwrap_or("")
}

impl Keymap {
    /// The table as shipped.
    pub fn standard() -> &'static Keymap {
        &STANDARD
    }

    /// The table with rebindings applied, in order: in `context`, `keys` does the action
    /// named `action` (see [`action_name`]), and no longer what it did before. The action
    /// keeps its other keys. The action `none` only takes the key away. A name no row of the
    /// context has is skipped (the config file is checked before).
    pub fn with_rebindings<'a>(
        rebindings: impl IntoIterator<Item = (Context, &'a str, &'a str)>,
    ) -> Keymap {
        let mut map = Keymap::default();
        for (context, keys, action) in rebindings {
            map.rebind(context, keys, action);
        }
        map
    }

    fn rebind(&mut self, context: Context, keys: &str, action: &str) {
        if action == UNBIND {
            for b in self.rows.iter_mut().filter(|b| b.row.context == context) {
                b.keys
                    .retain(|k| k != keys && k.strip_suffix(pattern(k)) != Some(keys));
            }
            return;
        }
        let Some(at) = self
            .rows
            .iter()
            .position(|b| b.row.context == context && action_name(&b.row.action) == action)
        else {
            return;
        };
        let full = format!("{keys}{}", pattern(self.rows[at].row.keys));
        for b in self.rows.iter_mut().filter(|b| b.row.context == context) {
            b.keys.retain(|k| *k != full);
        }
        self.rows[at].keys.insert(0, full);
    }

    /// Every row, in the table's order.
    pub fn rows(&self) -> &[Bound] {
        &self.rows
    }

    /// The first key of `action`'s row in `context`, as shown in hints (`Enter`, `]f`).
    pub fn first_key(&self, context: Context, action: Action) -> Option<&str> {
        let b = self
            .rows
            .iter()
            .find(|b| b.row.context == context && b.row.action == action)?;
        let key = b.keys.first()?.as_str();
        if key == "{1-9}" {
            return Some("1-9");
        }
        Some(
            key.strip_prefix('<')
                .and_then(|k| k.strip_suffix('>'))
                .unwrap_or(key),
        )
    }

    /// Resolve a key in a context, using and updating the pending prefix.
    pub fn resolve(
        &self,
        context: Context,
        key: KeyEvent,
        pending: &mut Pending,
    ) -> Option<Action> {
        if matches!(context, Context::Search | Context::LibraryInput)
            && let KeyCode::Char(c) = key.code
            && !key.modifiers.contains(KeyModifiers::CONTROL)
        {
            return Some(Action::SearchChar(c));
        }
        if key.modifiers.difference(KeyModifiers::SHIFT).is_empty()
            && pending.count_digit(context, key)
        {
            return None;
        }
        let name = key_name(key)?;
        let typed = format!("{}{name}", pending.keys);
        pending.keys.clear();
        match self.lookup(context, &typed) {
            Lookup::Found(action) => return Some(action),
            Lookup::Prefix => {
                pending.keys = typed;
                return None;
            }
            Lookup::Nothing => {}
        }
        if typed != name {
            // An unknown sequence: try the last key on its own.
            return self.resolve(context, key, pending);
        }
        pending.count = None;
        None
    }

    fn lookup(&self, context: Context, typed: &str) -> Lookup {
        let mut prefix = false;
        for b in self.rows.iter().filter(|b| b.row.context == context) {
            for keys in &b.keys {
                if let Some(lead) = keys.strip_suffix("{1-9}") {
                    if let Some(c) = typed.strip_prefix(lead).and_then(single_digit) {
                        return Lookup::Found(super::with_letter(b.row.action, c));
                    }
                    prefix |= typed == lead && !lead.is_empty();
                } else if let Some(lead) = keys.strip_suffix("{a-z}") {
                    if let Some(c) = typed.strip_prefix(lead).and_then(single_lower) {
                        return Lookup::Found(super::with_letter(b.row.action, c));
                    }
                    prefix |= typed == lead;
                } else if keys == typed {
                    return Lookup::Found(b.row.action);
                } else {
                    prefix |= keys.starts_with(typed);
                }
            }
        }
        if prefix {
            Lookup::Prefix
        } else {
            Lookup::Nothing
        }
    }
}

/// What the keys typed so far come to.
enum Lookup {
    Found(Action),
    /// The start of a longer binding: wait for the next key.
    Prefix,
    Nothing,
}

fn single_digit(s: &str) -> Option<char> {
    let mut chars = s.chars();
    let c = chars.next()?;
    (chars.next().is_none() && matches!(c, '1'..='9')).then_some(c)
}

fn single_lower(s: &str) -> Option<char> {
    let mut chars = s.chars();
    let c = chars.next()?;
    (chars.next().is_none() && c.is_ascii_lowercase()).then_some(c)
}
