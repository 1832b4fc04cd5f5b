//! What the config file changes in the reader: its keys, theme, wrap width and glyphs.

use super::keymap::Keymap;
use crate::config::{Config, ThemeName};

/// The reader's settings (the defaults without a config file).
#[derive(Clone, Default)]
pub struct ReaderSettings {
    /// The keymap in use, with the user's rebindings.
    pub keymap: Keymap,
    /// The colour theme (`NO_COLOR` still wins).
    pub theme: ThemeName,
    /// The widest the reading column wraps (0: the pane's width).
    pub wrap_width: u16,
    /// Draw only characters every terminal gives one column (East Asian ambiguous ones, such
    /// as `│ ─ · “ ¹`, take two in many Korean setups): frames in ASCII, markers as `[1]`.
    pub unambiguous: bool,
}

impl ReaderSettings {
    /// The settings a checked config file asks for.
    pub fn from_config(config: &Config) -> ReaderSettings {
        let rebindings = config
            .keys
            .iter()
            .map(|k| (k.context, k.keys.as_str(), k.action.as_str()));
        ReaderSettings {
            keymap: Keymap::with_rebindings(rebindings),
            theme: config.theme.unwrap_or_default(),
            wrap_width: config.wrap_width.unwrap_or(0),
            unambiguous: config.ascii_frames || config.ambiguous_width == Some(2),
        }
    }

    /// The width the text wraps at in a pane `pane` columns wide.
    pub fn wrap_at(&self, pane: u16) -> usize {
        match self.wrap_width {
            0 => pane as usize,
            w => w.min(pane) as usize,
        }
    }
}
