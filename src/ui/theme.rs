//! Colours and styles in one place. The default palette is
//! `assets/theme.json`; with `NO_COLOR` only bold, underline and reverse
//! video tell things apart.

use std::collections::HashMap;
use std::str::FromStr;

use ratatui::style::{Color, Modifier, Style};

use crate::notes::Highlight;

const DEFAULT: &str = include_str!("../../assets/theme.json");

/// Every style the panes use.
#[derive(Debug, Clone, Copy)]
pub struct Theme {
    pub text: Style,
    pub heading: Style,
    pub title: Style,
    pub marker: Style,
    pub marker_selected: Style,
    pub search_match: Style,
    pub current_match: Style,
    pub entity: Style,
    pub unsourced: Style,
    pub flash: Style,
    pub border: Style,
    pub border_focus: Style,
    pub dim: Style,
    pub bar: Style,
    pub selected: Style,
}

fn colors() -> HashMap<String, Color> {
    let map: HashMap<String, String> = serde_json::from_str(DEFAULT).unwrap_or_default();
    map.into_iter()
        .filter_map(|(k, v)| Color::from_str(&v).ok().map(|c| (k, c)))
        .collect()
}

static COLOURED: std::sync::OnceLock<Theme> = std::sync::OnceLock::new();
static PLAIN: std::sync::OnceLock<Theme> = std::sync::OnceLock::new();

impl Theme {
    /// The theme for this terminal, built once: coloured, or plain under `NO_COLOR`.
    pub fn get(no_color: bool) -> &'static Theme {
        if no_color {
            PLAIN.get_or_init(Theme::plain)
        } else {
            COLOURED.get_or_init(|| Theme::new(false))
        }
    }

    /// The theme for this terminal: coloured, or plain under `NO_COLOR`.
    pub fn new(no_color: bool) -> Theme {
        if no_color {
            return Theme::plain();
        }
        let c = colors();
        let fg = |k: &str| Style::new().fg(c.get(k).copied().unwrap_or(Color::Reset));
        let bg = |k: &str| {
            Style::new()
                .bg(c.get(k).copied().unwrap_or(Color::Reset))
                .fg(Color::Black)
        };
        Theme {
            text: fg("text"),
            heading: fg("heading").add_modifier(Modifier::BOLD),
            title: fg("title").add_modifier(Modifier::BOLD),
            marker: fg("marker").add_modifier(Modifier::BOLD),
            marker_selected: bg("marker_selected").add_modifier(Modifier::BOLD),
            search_match: bg("match"),
            current_match: bg("current_match").add_modifier(Modifier::BOLD),
            entity: fg("entity").add_modifier(Modifier::UNDERLINED),
            unsourced: fg("unsourced").add_modifier(Modifier::UNDERLINED),
            flash: fg("flash"),
            border: fg("border"),
            border_focus: fg("border_focus"),
            dim: fg("dim"),
            bar: bg("bar").fg(Color::White),
            selected: Style::new().add_modifier(Modifier::REVERSED),
        }
    }

    fn plain() -> Theme {
        let s = Style::new();
        Theme {
            text: s,
            heading: s.add_modifier(Modifier::BOLD),
            title: s.add_modifier(Modifier::BOLD),
            marker: s.add_modifier(Modifier::BOLD),
            marker_selected: s.add_modifier(Modifier::REVERSED | Modifier::BOLD),
            search_match: s.add_modifier(Modifier::UNDERLINED),
            current_match: s.add_modifier(Modifier::REVERSED),
            entity: s.add_modifier(Modifier::UNDERLINED),
            unsourced: s.add_modifier(Modifier::ITALIC),
            flash: s.add_modifier(Modifier::BOLD),
            border: s,
            border_focus: s.add_modifier(Modifier::BOLD),
            dim: s,
            bar: s.add_modifier(Modifier::REVERSED),
            selected: s.add_modifier(Modifier::REVERSED),
        }
    }
}

/// The background of a highlight colour (plain terminals: bold + italic).
pub fn highlight(colour: Option<Highlight>, no_color: bool) -> Style {
    if no_color {
        return Style::new().add_modifier(Modifier::BOLD | Modifier::ITALIC);
    }
    let bg = match colour {
        Some(Highlight::Yellow) => Color::Rgb(90, 80, 0),
        Some(Highlight::Green) => Color::Rgb(0, 80, 30),
        Some(Highlight::Blue) => Color::Rgb(0, 50, 110),
        Some(Highlight::Pink) => Color::Rgb(100, 20, 70),
        None => Color::Reset,
    };
    Style::new().bg(bg)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_palette_parses() {
        let c = colors();
        assert!(
            c.len() >= 14,
            "every colour in assets/theme.json parses: {c:?}"
        );
    }

    #[test]
    fn no_color_has_no_colours() {
        let t = Theme::plain();
        for s in [t.text, t.marker, t.search_match, t.bar, t.entity] {
            assert_eq!((s.fg, s.bg), (None, None));
        }
    }
}
