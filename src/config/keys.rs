//! `[keys]` of the config file: key rebindings, checked against the keymap's actions and keys.

use crate::app::keymap::{Context, KEYMAP, UNBIND, action_name};

use super::{ConfigError, fail};

/// One rebinding: in `context`, `keys` (the keymap's notation: `j`, `]]`, `<C-d>`) does the
/// action named `action` (as [`action_names`] lists it), or with [`UNBIND`] nothing at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyOverride {
    pub context: Context,
    pub keys: String,
    pub action: String,
    /// The line of the config file it was written on.
    pub line: usize,
}

const CONTEXTS: [(&str, Context); 7] = [
    ("normal", Context::Normal),
    ("search", Context::Search),
    ("visual", Context::Visual),
    ("popup", Context::Popup),
    ("editor", Context::Editor),
    ("library", Context::Library),
    ("library_input", Context::LibraryInput),
];

/// The names of the actions a context's keys can be bound to, in the keymap's order.
pub fn action_names(context: Context) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for b in KEYMAP.iter().filter(|b| b.context == context) {
        let name = action_name(&b.action);
        if !names.contains(&name) {
            names.push(name);
        }
    }
    names
}

/// The keys of a sequence (`]]` is two, `<C-d>` one), or `None` when one is not a key.
fn parse_keys(keys: &str) -> Option<Vec<String>> {
    const NAMED: [&str; 14] = [
        "Space",
        "Enter",
        "Esc",
        "Tab",
        "S-Tab",
        "Backspace",
        "Up",
        "Down",
        "Left",
        "Right",
        "PgUp",
        "PgDn",
        "Home",
        "End",
    ];
    let mut out = Vec::new();
    let mut rest = keys;
    while let Some(c) = rest.chars().next() {
        if c == '<' {
            let end = rest.find('>')?;
            let name = &rest[1..end];
            let ctrl = name
                .strip_prefix("C-")
                .is_some_and(|k| k.len() == 1 && k.chars().all(|c| c.is_ascii_lowercase()));
            let function = name
                .strip_prefix('F')
                .and_then(|n| n.parse::<u8>().ok())
                .is_some_and(|n| (1..=12).contains(&n));
            if !(NAMED.contains(&name) || ctrl || function) {
                return None;
            }
            out.push(rest[..=end].to_owned());
            rest = &rest[end + 1..];
        } else if c.is_whitespace() || c.is_control() {
            return None;
        } else {
            out.push(c.to_string());
            rest = &rest[c.len_utf8()..];
        }
    }
    (1..=2).contains(&out.len()).then_some(out)
}

/// The 1-based line of `key = …` under the table `[header]` (or of the header itself).
fn line_of(src: &str, header: &str, key: &str) -> usize {
    let mut in_table = false;
    let mut header_line = 1;
    for (i, line) in src.lines().enumerate() {
        let t = line.trim();
        if t.starts_with('[') {
            in_table = t.trim_start_matches('[').trim_end_matches(']').trim() == header;
            if in_table {
                header_line = i + 1;
            }
        } else if in_table
            && t.split_once('=')
                .is_some_and(|(k, _)| k.trim().trim_matches(|c| c == '"' || c == '\'') == key)
        {
            return i + 1;
        }
    }
    header_line
}

/// Every rebinding of `[keys]` (the reading mode) and `[keys.MODE]`.
pub(super) fn parse(
    table: &toml::Table,
    src: &str,
    path: &str,
) -> Result<Vec<KeyOverride>, ConfigError> {
    let mut out = Vec::new();
    for (key, value) in table {
        match value {
            toml::Value::Table(inner) => {
                let header = format!("keys.{key}");
                let Some((_, context)) = CONTEXTS.iter().find(|(n, _)| n == key) else {
                    let line = line_of(src, &header, "");
                    return Err(fail(
                        "config.unknown_context",
                        path,
                        line,
                        &[("context", key)],
                    ));
                };
                for (k, v) in inner {
                    out.push(one(*context, k, v, line_of(src, &header, k), path)?);
                }
            }
            v => out.push(one(
                Context::Normal,
                key,
                v,
                line_of(src, "keys", key),
                path,
            )?),
        }
    }
    check_conflicts(&out, path)?;
    Ok(out)
}

fn one(
    context: Context,
    keys: &str,
    value: &toml::Value,
    line: usize,
    path: &str,
) -> Result<KeyOverride, ConfigError> {
    if parse_keys(keys).is_none() {
        return Err(fail("config.bad_key", path, line, &[("key", &keys)]));
    }
    let names = action_names(context);
    let action = value.as_str().unwrap_or_default();
    if action == UNBIND && !bound_by_default(context, keys) {
        let context = context_name(context);
        return Err(fail(
            "config.unbind_unbound",
            path,
            line,
            &[("key", &keys), ("context", &context)],
        ));
    }
    if action != UNBIND && !names.iter().any(|n| n == action) {
        let shown = value
            .as_str()
            .map_or_else(|| value.to_string(), str::to_owned);
        let example = names.iter().take(3).cloned().collect::<Vec<_>>().join(", ");
        return Err(fail(
            "config.unknown_action",
            path,
            line,
            &[("action", &shown), ("example", &example)],
        ));
    }
    Ok(KeyOverride {
        context,
        keys: keys.to_owned(),
        action: action.to_owned(),
        line,
    })
}

/// Whether `keys` is one of the keys `context` binds as shipped (`m` stands for `m{a-z}`).
fn bound_by_default(context: Context, keys: &str) -> bool {
    KEYMAP
        .iter()
        .filter(|b| b.context == context)
        .flat_map(|b| b.keys.split(' '))
        .any(|k| k == keys || unpatterned(k) == keys)
}

/// A binding's keys without the pattern they end in: `m` of `m{a-z}`.
fn unpatterned(keys: &str) -> &str {
    keys.trim_end_matches("{a-z}").trim_end_matches("{1-9}")
}

/// The name of a mode in the config file.
fn context_name(context: Context) -> &'static str {
    CONTEXTS
        .iter()
        .find(|(_, c)| *c == context)
        .map_or("normal", |(n, _)| n)
}

/// The pattern the keys of a rebinding's action end in: `{a-z}` for `set_mark` (`m{a-z}`).
fn pattern(o: &KeyOverride) -> &'static str {
    let row = KEYMAP
        .iter()
        .find(|b| b.context == o.context && action_name(&b.action) == o.action);
    let keys = row.map_or("", |b| b.keys);
    ["{a-z}", "{1-9}"]
        .into_iter()
        .find(|p| keys.ends_with(p))
        .unwrap_or("")
}

/// The keys a rebinding will answer to, as a sequence: `M` for `set_mark` is `M` and a
/// letter (`Ma`), as `m{a-z}` is.
fn effective(o: &KeyOverride) -> String {
    let example = match pattern(o) {
        "{a-z}" => "a",
        "{1-9}" => "1",
        _ => "",
    };
    format!("{}{example}", o.keys)
}

/// A rebinding the reader could never reach: the same key twice in one mode (`[keys]` and
/// `[keys.normal]`), a plain character where characters are text (search, the note editor,
/// typing on the library screen),
/// or a digit where digits are a count.
fn check_reachable(overrides: &[KeyOverride], path: &str) -> Result<(), ConfigError> {
    for (i, o) in overrides.iter().enumerate() {
        let context = context_name(o.context);
        let args = [
            ("key", &o.keys as &dyn std::fmt::Display),
            ("context", &context),
        ];
        if let Some(first) = overrides[..i]
            .iter()
            .find(|x| x.context == o.context && x.keys == o.keys)
        {
            let mut all = args.to_vec();
            all.push(("other", &first.line));
            return Err(fail("config.key_twice", path, o.line, &all));
        }
        let plain = !o.keys.starts_with('<');
        if plain
            && matches!(
                o.context,
                Context::Search | Context::Editor | Context::LibraryInput
            )
        {
            return Err(fail("config.key_is_text", path, o.line, &args));
        }
        let counting = matches!(
            o.context,
            Context::Normal | Context::Visual | Context::Popup
        );
        if counting && o.keys.starts_with(|c: char| ('1'..='9').contains(&c)) {
            return Err(fail("config.key_is_count", path, o.line, &args));
        }
    }
    Ok(())
}

/// A key that starts another key's sequence in the same mode (`]` against `]]`) could never
/// reach the longer one. The default bindings a rebinding keeps count as well.
fn check_conflicts(overrides: &[KeyOverride], path: &str) -> Result<(), ConfigError> {
    check_reachable(overrides, path)?;
    let unbound = |context: Context, k: &str| {
        overrides.iter().any(|x| {
            x.context == context && x.action == UNBIND && (x.keys == k || x.keys == unpatterned(k))
        })
    };
    for o in overrides.iter().filter(|o| o.action != UNBIND) {
        let mine_keys = effective(o);
        let mine = parse_keys(&mine_keys).unwrap_or_default();
        let others = overrides
            .iter()
            .filter(|x| x.context == o.context && x.keys != o.keys && x.action != UNBIND)
            .map(effective)
            .chain(
                KEYMAP
                    .iter()
                    .filter(|b| b.context == o.context)
                    .flat_map(|b| b.keys.split(' '))
                    .filter(|k| !unbound(o.context, k))
                    // `m{a-z}` is `m` and a letter: `m` alone would hide it.
                    .map(|k| k.replace("{a-z}", "a"))
                    .filter(|k| *k != mine_keys),
            );
        for other in others {
            let theirs = parse_keys(&other).unwrap_or_default();
            let (short, long) = if mine.len() < theirs.len() {
                (&mine, &theirs)
            } else {
                (&theirs, &mine)
            };
            if !short.is_empty() && short.len() < long.len() && long.starts_with(short) {
                let context = context_name(o.context);
                let key = format!("{}{}", o.keys, pattern(o));
                return Err(fail(
                    "config.key_conflict",
                    path,
                    o.line,
                    &[("key", &key), ("other", &other), ("context", &context)],
                ));
            }
        }
    }
    Ok(())
}
