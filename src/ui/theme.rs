//! Styles, in one place, with and without colour.
//!
//! Meaning never rests on colour alone: the focused pane has a thick border and a `▶` in its
//! title, the cursor row is reversed and bold and starts with `›`, selected facet values read
//! `[x]`, matched characters are bold and underlined, zero counts are dim *and* read `0`.
//! Colour only adds to that, and `NO_COLOR` (see `App::color`) takes it away.

use ratatui::style::{Color, Modifier, Style};

/// The styles of one frame.
#[derive(Debug, Clone, Copy)]
pub struct Theme {
    color: bool,
}

impl Theme {
    pub fn new(color: bool) -> Theme {
        Theme { color }
    }

    fn tint(self, style: Style, color: Color) -> Style {
        if self.color { style.fg(color) } else { style }
    }

    /// A pane's border: bold (and coloured) when it has focus.
    pub fn border(self, focused: bool) -> Style {
        if focused {
            self.tint(Style::new().add_modifier(Modifier::BOLD), Color::Cyan)
        } else {
            self.tint(Style::new(), Color::DarkGray)
        }
    }

    /// A pane's title.
    pub fn title(self, focused: bool) -> Style {
        let style = Style::new().add_modifier(Modifier::BOLD);
        if focused {
            self.tint(style, Color::Cyan)
        } else {
            style
        }
    }

    /// The row under the cursor.
    pub fn cursor(self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
    }

    /// Characters that matched the search.
    pub fn matched(self) -> Style {
        self.tint(
            Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            Color::Yellow,
        )
    }

    /// A facet value that would give no results.
    pub fn zero(self) -> Style {
        self.tint(Style::new().add_modifier(Modifier::DIM), Color::DarkGray)
    }

    /// Secondary text: a city's country, counts, placeholders.
    pub fn muted(self) -> Style {
        self.tint(Style::new(), Color::Gray)
    }

    /// A selected facet value's marker.
    pub fn on(self) -> Style {
        self.tint(Style::new().add_modifier(Modifier::BOLD), Color::Green)
    }

    /// Section headings in the detail view and the help.
    pub fn heading(self) -> Style {
        self.tint(
            Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            Color::Cyan,
        )
    }

    /// Field names ("Region:").
    pub fn label(self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    /// A city's tagline.
    pub fn tagline(self) -> Style {
        self.tint(Style::new().add_modifier(Modifier::ITALIC), Color::Yellow)
    }

    /// A key in the footer and the help.
    pub fn key(self) -> Style {
        self.tint(Style::new().add_modifier(Modifier::BOLD), Color::Cyan)
    }

    /// Notes about the data ("inferred from profile text", "no sections").
    pub fn note(self) -> Style {
        self.tint(Style::new().add_modifier(Modifier::ITALIC), Color::Magenta)
    }
}
