//! Colours and styles in one place. The default palette (for dark backgrounds) is
//! `assets/theme.json`, the light one `assets/theme-light.json`; the `mono` theme, and any
//! theme under `NO_COLOR`, tells things apart with bold, underline and reverse video only.

use std::collections::HashMap;
use std::str::FromStr;

use ratatui::style::{Color, Modifier, Style};

use crate::config::ThemeName;
use crate::notes::Highlight;

const DEFAULT: &str = include_str!("../../assets/theme.json");
const LIGHT: &str = include_str!("../../assets/theme-light.json");

/// Every style the panes use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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
    /// The backgrounds of the highlight colours (none: bold and italic instead).
    pub highlights: Option<[Color; 4]>,
}

fn colors(palette: &str) -> HashMap<String, Color> {
    let map: HashMap<String, String> = serde_json::from_str(palette).unwrap_or_default();
    map.into_iter()
        .filter_map(|(k, v)| Color::from_str(&v).ok().map(|c| (k, c)))
        .collect()
}

static COLOURED: std::sync::OnceLock<Theme> = std::sync::OnceLock::new();
static LIGHT_COLOURED: std::sync::OnceLock<Theme> = std::sync::OnceLock::new();
static PLAIN: std::sync::OnceLock<Theme> = std::sync::OnceLock::new();

/// Highlight backgrounds under dark text (light theme) and light text (default theme).
const LIGHT_HIGHLIGHTS: [Color; 4] = [
    Color::Rgb(255, 236, 140),
    Color::Rgb(190, 235, 190),
    Color::Rgb(190, 215, 255),
    Color::Rgb(255, 205, 225),
];
const DARK_HIGHLIGHTS: [Color; 4] = [
    Color::Rgb(90, 80, 0),
    Color::Rgb(0, 80, 30),
    Color::Rgb(0, 50, 110),
    Color::Rgb(100, 20, 70),
];

impl Theme {
    /// The default theme for this terminal, built once: coloured, or plain under `NO_COLOR`.
    pub fn get(no_color: bool) -> &'static Theme {
        Theme::of(ThemeName::Default, no_color)
    }

    /// The theme `name`, built once; `NO_COLOR` makes any theme plain.
    pub fn of(name: ThemeName, no_color: bool) -> &'static Theme {
        match (name, no_color) {
            (ThemeName::Mono, _) | (_, true) => PLAIN.get_or_init(Theme::plain),
            (ThemeName::Default, false) => {
                COLOURED.get_or_init(|| Theme::coloured(DEFAULT, DARK_HIGHLIGHTS))
            }
            (ThemeName::Light, false) => {
                LIGHT_COLOURED.get_or_init(|| Theme::coloured(LIGHT, LIGHT_HIGHLIGHTS))
            }
        }
    }

    /// The default theme for this terminal: coloured, or plain under `NO_COLOR`.
    pub fn new(no_color: bool) -> Theme {
        *Theme::get(no_color)
    }

    /// The style of an annotation highlighted in `colour`.
    pub fn highlight(&self, colour: Option<Highlight>) -> Style {
        let Some(backgrounds) = self.highlights else {
            return Style::new().add_modifier(Modifier::BOLD | Modifier::ITALIC);
        };
        let bg = match colour {
            Some(Highlight::Yellow) => backgrounds[0],
            Some(Highlight::Green) => backgrounds[1],
            Some(Highlight::Blue) => backgrounds[2],
            Some(Highlight::Pink) => backgrounds[3],
            None => Color::Reset,
        };
        Style::new().bg(bg)
    }

    fn coloured(palette: &str, highlights: [Color; 4]) -> Theme {
        let c = colors(palette);
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
            highlights: Some(highlights),
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
            highlights: None,
        }
    }
}

/// The background of a highlight colour in the default theme (plain terminals: bold + italic).
pub fn highlight(colour: Option<Highlight>, no_color: bool) -> Style {
    Theme::get(no_color).highlight(colour)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_palette_parses() {
        for palette in [DEFAULT, LIGHT] {
            let c = colors(palette);
            assert!(c.len() >= 14, "every colour of the palette parses: {c:?}");
        }
    }

    #[test]
    fn no_color_has_no_colours() {
        let plain = [
            Theme::of(ThemeName::Default, true),
            Theme::of(ThemeName::Light, true),
            Theme::of(ThemeName::Mono, false),
        ];
        for t in plain {
            for s in [t.text, t.marker, t.search_match, t.bar, t.entity] {
                assert_eq!((s.fg, s.bg), (None, None));
            }
            assert_eq!(t.highlight(Some(Highlight::Yellow)).bg, None);
        }
    }

    #[test]
    fn light_and_default_differ() {
        let dark = Theme::of(ThemeName::Default, false);
        let light = Theme::of(ThemeName::Light, false);
        assert_ne!(dark.heading, light.heading);
        assert_ne!(
            dark.highlight(Some(Highlight::Yellow)),
            light.highlight(Some(Highlight::Yellow))
        );
    }
}
