//! Styles, in one place, with and without colour.
//!
//! Meaning never rests on colour alone: the focused pane has a thick border and a `▶` in its
//! title, the cursor row is reversed and bold and starts with `›`, selected facet values read
//! `[x]`, matched characters are bold and underlined, zero counts are dim *and* read `0`.
//! Colour only adds to that, and `NO_COLOR` (see `App::color`) takes it away.

use ratatui::style::{Color, Modifier, Style};

/// The colours a theme tints with; the user's config file can change each one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Palette {
    /// The focused pane's border and title, headings, keys.
    pub accent: Color,
    /// Unfocused borders.
    pub frame: Color,
    /// Characters that matched the search.
    pub matched: Color,
    /// Secondary text.
    pub muted: Color,
    /// A selected facet value's marker.
    pub selected: Color,
    /// A value that would give no results.
    pub zero: Color,
    /// A city's tagline.
    pub tagline: Color,
    /// Notes about the data, and status messages.
    pub note: Color,
}

impl Default for Palette {
    fn default() -> Self {
        Palette {
            accent: Color::Cyan,
            frame: Color::DarkGray,
            matched: Color::Yellow,
            muted: Color::Gray,
            selected: Color::Green,
            zero: Color::DarkGray,
            tagline: Color::Yellow,
            note: Color::Magenta,
        }
    }
}

/// The styles of one frame.
#[derive(Debug, Clone, Copy)]
pub struct Theme {
    color: bool,
    palette: Palette,
}

impl Theme {
    /// The default colours (or none, when `color` is false).
    pub fn new(color: bool) -> Theme {
        Theme::with_palette(color, Palette::default())
    }

    /// The colours of `palette` (or none, when `color` is false).
    pub fn with_palette(color: bool, palette: Palette) -> Theme {
        Theme { color, palette }
    }

    fn tint(self, style: Style, color: Color) -> Style {
        if self.color { style.fg(color) } else { style }
    }

    /// A pane's border: bold (and coloured) when it has focus.
    pub fn border(self, focused: bool) -> Style {
        if focused {
            self.tint(
                Style::new().add_modifier(Modifier::BOLD),
                self.palette.accent,
            )
        } else {
            self.tint(Style::new(), self.palette.frame)
        }
    }

    /// A pane's title.
    pub fn title(self, focused: bool) -> Style {
        let style = Style::new().add_modifier(Modifier::BOLD);
        if focused {
            self.tint(style, self.palette.accent)
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
            self.palette.matched,
        )
    }

    /// A facet value that would give no results.
    pub fn zero(self) -> Style {
        self.tint(Style::new().add_modifier(Modifier::DIM), self.palette.zero)
    }

    /// Secondary text: a city's country, counts, placeholders.
    pub fn muted(self) -> Style {
        self.tint(Style::new(), self.palette.muted)
    }

    /// A selected facet value's marker.
    pub fn on(self) -> Style {
        self.tint(
            Style::new().add_modifier(Modifier::BOLD),
            self.palette.selected,
        )
    }

    /// Section headings in the detail view and the help.
    pub fn heading(self) -> Style {
        self.tint(
            Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            self.palette.accent,
        )
    }

    /// Field names ("Region:").
    pub fn label(self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    /// A city's tagline.
    pub fn tagline(self) -> Style {
        self.tint(
            Style::new().add_modifier(Modifier::ITALIC),
            self.palette.tagline,
        )
    }

    /// A key in the footer and the help.
    pub fn key(self) -> Style {
        self.tint(
            Style::new().add_modifier(Modifier::BOLD),
            self.palette.accent,
        )
    }

    /// Notes about the data ("inferred from profile text", "no sections").
    pub fn note(self) -> Style {
        self.tint(
            Style::new().add_modifier(Modifier::ITALIC),
            self.palette.note,
        )
    }
}
