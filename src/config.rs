//! The user's settings: `$XDG_CONFIG_HOME/brief/config.toml` (or `--config FILE`).
//!
//! ```toml
//! lang = "ko"               # ko | en (else the locale decides)
//! theme = "default"
//! wrap_width = 72           # 0: the pane's width
//! ambiguous_width = 2       # columns of · “ ” ─ │ ¹ in this terminal: 1 or 2
//! ascii_frames = false      # draw frames with + - | so they never break
//!
//! [keys]                    # the reading mode; [keys.visual], [keys.library], … for others
//! "J" = "next_section"
//! "x" = "none"              # no key for export
//! ```
//!
//! A missing file is the defaults. A file that is there but wrong stops the run with one line
//! naming the file and the line: settings that are silently ignored are worse than none.

mod keys;

use std::path::{Path, PathBuf};

use serde::Deserialize;
use toml::Spanned;

use crate::i18n::{Lang, text};

pub use crate::app::keymap::action_name;
pub use keys::{KeyOverride, action_names};

/// What the config file sets; `None` leaves the default.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Config {
    /// The interface language.
    pub lang: Option<Lang>,
    /// The colour theme.
    pub theme: Option<ThemeName>,
    /// The reading column's width in cells (`Some(0)`: the pane's width).
    pub wrap_width: Option<u16>,
    /// How many columns East Asian ambiguous characters take: 1 or 2.
    pub ambiguous_width: Option<u8>,
    /// Draw frames and rules with ASCII characters only.
    pub ascii_frames: bool,
    /// Keys the user rebinds, in the order written.
    pub keys: Vec<KeyOverride>,
}

/// The colour themes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum ThemeName {
    /// Colours for a dark background.
    #[default]
    Default,
    /// Colours for a light background.
    Light,
    /// No colours: bold, underline, italic and reverse video only.
    Mono,
}

impl ThemeName {
    /// Every theme with its name in the config file.
    pub const ALL: [(&'static str, ThemeName); 3] = [
        ("default", ThemeName::Default),
        ("light", ThemeName::Light),
        ("mono", ThemeName::Mono),
    ];

    /// The theme called `name`.
    pub fn parse(name: &str) -> Option<ThemeName> {
        Self::ALL.iter().find(|(n, _)| *n == name).map(|(_, t)| *t)
    }
}

/// A config file that cannot be used: one line, naming the file and the line.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct ConfigError(pub String);

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    lang: Option<Spanned<String>>,
    theme: Option<Spanned<String>>,
    wrap_width: Option<Spanned<i64>>,
    ambiguous_width: Option<Spanned<i64>>,
    #[serde(default)]
    ascii_frames: bool,
    #[serde(default)]
    keys: toml::Table,
}

/// The settings named in `src` (the text of the file shown as `path`).
pub fn parse(src: &str, path: &str) -> Result<Config, ConfigError> {
    let raw: Raw = toml::from_str(src).map_err(|e| {
        let line = e.span().map_or(1, |s| line_at(src, s.start));
        let error = e.message().trim().to_owned();
        fail("config.bad_toml", path, line, &[("error", &error)])
    })?;
    let at = |key| Setting { src, path, key };
    Ok(Config {
        lang: at("config.bad_lang").check(raw.lang, |v| Lang::parse(v))?,
        theme: at("config.unknown_theme").check(raw.theme, |v| ThemeName::parse(v))?,
        wrap_width: at("config.bad_wrap").check(raw.wrap_width, |v| {
            u16::try_from(*v)
                .ok()
                .filter(|w| *w == 0 || (20..=400).contains(w))
        })?,
        ambiguous_width: at("config.bad_ambiguous").check(raw.ambiguous_width, |v| {
            u8::try_from(*v).ok().filter(|w| (1..=2).contains(w))
        })?,
        ascii_frames: raw.ascii_frames,
        keys: keys::parse(&raw.keys, src, path)?,
    })
}

/// One setting of the file, and the message when its value is refused.
struct Setting<'a> {
    src: &'a str,
    path: &'a str,
    key: &'static str,
}

impl Setting<'_> {
    /// The value `check` makes of the setting; one it refuses is an error on the setting's line.
    fn check<V: std::fmt::Display, T>(
        &self,
        setting: Option<Spanned<V>>,
        check: impl Fn(&V) -> Option<T>,
    ) -> Result<Option<T>, ConfigError> {
        let Some(setting) = setting else {
            return Ok(None);
        };
        let line = line_at(self.src, setting.span().start);
        let value = setting.into_inner();
        let known = ThemeName::ALL.map(|(n, _)| n).join(", ");
        let args: [(&str, &dyn std::fmt::Display); 2] = [("value", &value), ("known", &known)];
        check(&value)
            .map(Some)
            .ok_or_else(|| fail(self.key, self.path, line, &args))
    }
}

/// The config file to read: `explicit`, else `$XDG_CONFIG_HOME/brief/config.toml`, else
/// `$HOME/.config/brief/config.toml`.
pub fn default_path(var: impl Fn(&str) -> Option<String>) -> Option<PathBuf> {
    let absolute = |v: String| Some(PathBuf::from(v)).filter(|p| p.is_absolute());
    let base = var("XDG_CONFIG_HOME")
        .and_then(absolute)
        .or_else(|| var("HOME").and_then(absolute).map(|h| h.join(".config")))?;
    Some(base.join("brief").join("config.toml"))
}

/// Read and check the config file. A default path that does not exist is the defaults; an
/// explicit one must exist.
pub fn load(explicit: Option<&Path>) -> Result<Config, ConfigError> {
    let (path, required) = match explicit {
        Some(p) => (p.to_path_buf(), true),
        None => match default_path(|name| std::env::var(name).ok()) {
            Some(p) => (p, false),
            None => return Ok(Config::default()),
        },
    };
    let shown = crate::text::sanitize_line(&path.display().to_string());
    let unreadable = |error: &dyn std::fmt::Display| {
        ConfigError(text(
            "config.unreadable",
            &[("path", &shown), ("error", error)],
        ))
    };
    match std::fs::metadata(&path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound && !required => {
            return Ok(Config::default());
        }
        Err(e) => return Err(unreadable(&e)),
        Ok(m) if !m.is_file() || m.len() > MAX_BYTES => {
            return Err(unreadable(&text("config.not_a_file", &[])));
        }
        Ok(_) => {}
    }
    let src = std::fs::read_to_string(&path).map_err(|e| unreadable(&e))?;
    parse(&src, &shown)
}

/// A config file is a few hundred bytes; anything near this is not one.
const MAX_BYTES: u64 = 1 << 20;

/// The 1-based line of byte offset `at` in `src`.
fn line_at(src: &str, at: usize) -> usize {
    src.get(..at.min(src.len()))
        .map_or(1, |head| head.matches('\n').count() + 1)
}

fn fail(
    key: &str,
    path: &str,
    line: usize,
    args: &[(&str, &dyn std::fmt::Display)],
) -> ConfigError {
    let mut all: Vec<(&str, &dyn std::fmt::Display)> = vec![("path", &path), ("line", &line)];
    all.extend_from_slice(args);
    ConfigError(crate::text::sanitize_line(&text(key, &all)))
}

#[cfg(test)]
mod tests;
