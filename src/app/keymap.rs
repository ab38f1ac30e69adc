//! The key table: every key binding, declared once.
//!
//! [`BINDINGS`] is the single source of truth. [`action_for`] looks keys up in it, the help
//! overlay lists it group by group, and the footer shows the bindings marked `footer` that
//! apply in the current [`Mode`]. So the help text can never disagree with what the keys do.
//!
//! The one rule outside the table: in the search box and in a facet pane's filter, a
//! printable character that no binding claims is typed into the text (that is how `q` types
//! a q there).

use super::action::Action;
use super::line::Edit;
use crate::model::Section;
use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

/// What has the keyboard, which decides what a key means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// A facet pane (Regions, Countries or Clusters) has focus.
    Facet,
    /// The city list has focus.
    List,
    /// The search box has focus.
    Search,
    /// A facet pane's filter is being typed.
    Filter,
    /// The detail view of one city is shown.
    Detail,
    /// The help overlay is shown.
    Help,
    /// The stats screen is shown.
    Stats,
    /// The export prompt has the keyboard.
    Prompt,
    /// The map screen is shown.
    Map,
}

/// A heading of the help overlay; each group applies in a fixed set of modes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Group {
    Everywhere,
    General,
    Panes,
    Moving,
    Facets,
    Cities,
    Search,
    Filter,
    Detail,
    Help,
    Shortlist,
    Stats,
    Prompt,
    /// Editing keys shared by the search box and a facet pane's filter.
    Editing,
    Map,
}

impl Group {
    /// Every group, in the order the help overlay shows them.
    pub const ALL: [Group; 15] = [
        Group::Everywhere,
        Group::General,
        Group::Panes,
        Group::Moving,
        Group::Facets,
        Group::Filter,
        Group::Cities,
        Group::Search,
        Group::Detail,
        Group::Help,
        Group::Shortlist,
        Group::Stats,
        Group::Prompt,
        Group::Editing,
        Group::Map,
    ];

    /// The heading of the group in the help overlay.
    pub fn heading(self) -> &'static str {
        match self {
            Group::Everywhere => "Everywhere",
            Group::General => "Outside the search box",
            Group::Panes => "Panes",
            Group::Moving => "Moving (panes, detail view, help)",
            Group::Facets => "Facet panes (Regions, Countries, Clusters, Joined)",
            Group::Filter => "Typing a facet pane's filter",
            Group::Cities => "City list",
            Group::Search => "Search box",
            Group::Detail => "Detail view",
            Group::Help => "This help",
            Group::Shortlist => "Shortlist, stats and export (panes and city list)",
            Group::Stats => "Stats screen",
            Group::Prompt => "Export prompt",
            Group::Editing => "Editing the search or a filter (as in readline and fzf)",
            Group::Map => "Map",
        }
    }

    /// True when the group's bindings apply in `mode`.
    pub fn applies_in(self, mode: Mode) -> bool {
        match self {
            Group::Everywhere => true,
            Group::General => !matches!(mode, Mode::Search | Mode::Filter | Mode::Prompt),
            // On the map the arrows and h j k l pan (see `Group::Map`).
            Group::Moving => {
                !matches!(mode, Mode::Search | Mode::Filter | Mode::Prompt | Mode::Map)
            }
            Group::Panes => matches!(mode, Mode::Facet | Mode::List),
            Group::Facets => mode == Mode::Facet,
            Group::Cities => mode == Mode::List,
            Group::Search => mode == Mode::Search,
            Group::Filter => mode == Mode::Filter,
            Group::Detail => mode == Mode::Detail,
            Group::Help => mode == Mode::Help,
            Group::Shortlist => matches!(mode, Mode::Facet | Mode::List),
            Group::Stats => mode == Mode::Stats,
            Group::Prompt => mode == Mode::Prompt,
            Group::Editing => matches!(mode, Mode::Search | Mode::Filter),
            Group::Map => mode == Mode::Map,
        }
    }
}

/// A key with its modifiers. Shift is ignored when matching characters (`G` arrives as
/// Shift+G on some terminals and as plain `G` on others).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub ctrl: bool,
}

const fn key(code: KeyCode) -> Key {
    Key { code, ctrl: false }
}

const fn ch(c: char) -> Key {
    key(KeyCode::Char(c))
}

const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        ctrl: true,
    }
}

/// One row of the key table.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    pub group: Group,
    /// The keys, in the order the help and the footer name them (see [`Binding::label`]).
    pub keys: &'static [Key],
    pub action: Action,
    /// What the binding does, for the help overlay.
    pub help: &'static str,
    /// A short word for the footer, or `None` to leave it out of the footer.
    pub footer: Option<&'static str>,
}

impl Key {
    /// How the key is written in the help, the footer and README: `Ctrl-C`, `Space`, `↑`, `q`.
    pub fn label(self) -> String {
        let name = match self.code {
            KeyCode::Char(' ') => "Space".to_string(),
            KeyCode::Char(c) if self.ctrl => c.to_ascii_uppercase().to_string(),
            KeyCode::Char(c) => c.to_string(),
            KeyCode::Up => "↑".to_string(),
            KeyCode::Down => "↓".to_string(),
            KeyCode::Left => "←".to_string(),
            KeyCode::Right => "→".to_string(),
            KeyCode::PageUp => "PgUp".to_string(),
            KeyCode::PageDown => "PgDn".to_string(),
            KeyCode::Home => "Home".to_string(),
            KeyCode::End => "End".to_string(),
            KeyCode::Enter => "Enter".to_string(),
            KeyCode::Esc => "Esc".to_string(),
            KeyCode::Tab => "Tab".to_string(),
            KeyCode::BackTab => "Shift-Tab".to_string(),
            KeyCode::Backspace => "Backspace".to_string(),
            KeyCode::Delete => "Del".to_string(),
            KeyCode::F(n) => format!("F{n}"),
            other => format!("{other:?}"),
        };
        if self.ctrl {
            format!("Ctrl-{name}")
        } else {
            name
        }
    }
}

impl Binding {
    /// The binding's keys as written in the help, the footer and README, derived from the
    /// keys themselves so a label can never name a key that is not bound.
    pub fn label(&self) -> String {
        self.keys
            .iter()
            .map(|k| k.label())
            .collect::<Vec<_>>()
            .join(" ")
    }
}

/// The key table. Earlier rows win when two rows of groups that apply claim the same key.
pub const BINDINGS: &[Binding] = &[
    Binding {
        group: Group::Help,
        keys: &[key(KeyCode::Esc), ch('?')],
        action: Action::CloseHelp,
        help: "close this help",
        footer: Some("close"),
    },
    Binding {
        group: Group::Everywhere,
        keys: &[ctrl('c')],
        action: Action::Quit,
        help: "quit",
        footer: None,
    },
    Binding {
        group: Group::General,
        keys: &[ch('q')],
        action: Action::Quit,
        help: "quit",
        footer: Some("quit"),
    },
    Binding {
        group: Group::General,
        keys: &[ch('?')],
        action: Action::ToggleHelp,
        help: "show or hide this help",
        footer: Some("help"),
    },
    Binding {
        group: Group::Search,
        keys: &[key(KeyCode::Esc)],
        action: Action::SearchLeave,
        help: "leave the search box, keeping the search",
        footer: Some("leave"),
    },
    Binding {
        group: Group::Search,
        keys: &[key(KeyCode::Enter)],
        action: Action::SearchSubmit,
        help: "open the selected (top) result",
        footer: Some("open"),
    },
    Binding {
        group: Group::Search,
        keys: &[key(KeyCode::Up), key(KeyCode::Down)],
        action: Action::Down,
        help: "move the selection while typing",
        footer: Some("move"),
    },
    Binding {
        group: Group::Search,
        keys: &[ctrl('u')],
        action: Action::SearchClear,
        help: "delete to the start (all of it at the end)",
        footer: Some("clear"),
    },
    Binding {
        group: Group::Search,
        keys: &[key(KeyCode::Backspace)],
        action: Action::SearchBackspace,
        help: "delete a character; any other key types itself (q too)",
        footer: None,
    },
    Binding {
        group: Group::Filter,
        keys: &[key(KeyCode::Esc)],
        action: Action::FilterClear,
        help: "clear the filter",
        footer: Some("clear"),
    },
    Binding {
        group: Group::Filter,
        keys: &[key(KeyCode::Enter)],
        action: Action::FilterLeave,
        help: "keep the filter; move and toggle in the matches",
        footer: Some("keep"),
    },
    Binding {
        group: Group::Filter,
        keys: &[key(KeyCode::Up), key(KeyCode::Down)],
        action: Action::Down,
        help: "move in the matches while typing",
        footer: Some("move"),
    },
    Binding {
        group: Group::Filter,
        keys: &[key(KeyCode::Backspace)],
        action: Action::FilterBackspace,
        help: "delete a character; any other key types itself",
        footer: None,
    },
    Binding {
        group: Group::Facets,
        keys: &[ch('/')],
        action: Action::FilterStart,
        help: "type to filter this pane's values (accents optional)",
        footer: Some("filter"),
    },
    Binding {
        group: Group::Facets,
        keys: &[key(KeyCode::Esc)],
        action: Action::FilterClear,
        help: "clear this pane's filter",
        footer: None,
    },
    Binding {
        group: Group::Detail,
        keys: &[key(KeyCode::Esc)],
        action: Action::Back,
        help: "back to the city list, selection kept",
        footer: Some("back"),
    },
    Binding {
        group: Group::Detail,
        keys: &[ch('n')],
        action: Action::NextCity,
        help: "next city of the filtered list",
        footer: Some("next"),
    },
    Binding {
        group: Group::Detail,
        keys: &[ch('p')],
        action: Action::PrevCity,
        help: "previous city of the filtered list",
        footer: Some("prev"),
    },
    Binding {
        group: Group::Detail,
        keys: &[ch('1')],
        action: Action::JumpSection(Section::Vision),
        help: "jump to Vision and motivation",
        footer: Some("vision"),
    },
    Binding {
        group: Group::Detail,
        keys: &[ch('2')],
        action: Action::JumpSection(Section::Challenges),
        help: "jump to Challenges and goals",
        footer: Some("challenges"),
    },
    Binding {
        group: Group::Detail,
        keys: &[ch('3')],
        action: Action::JumpSection(Section::Plan),
        help: "jump to Plan and implementation",
        footer: Some("plan"),
    },
    Binding {
        group: Group::Panes,
        keys: &[key(KeyCode::Tab)],
        action: Action::FocusNext,
        help: "next pane: Regions → Countries → Clusters → Joined → Cities",
        footer: Some("pane"),
    },
    Binding {
        group: Group::Panes,
        keys: &[key(KeyCode::BackTab)],
        action: Action::FocusPrev,
        help: "previous pane",
        footer: None,
    },
    Binding {
        group: Group::Panes,
        keys: &[ch('/')],
        action: Action::SearchStart,
        help: "search city names (fuzzy, live)",
        footer: Some("search"),
    },
    Binding {
        group: Group::Panes,
        keys: &[ch('X')],
        action: Action::ClearAll,
        help: "clear every filter and the search",
        footer: Some("clear all"),
    },
    Binding {
        group: Group::Moving,
        keys: &[key(KeyCode::Up), ch('k')],
        action: Action::Up,
        help: "up",
        footer: None,
    },
    Binding {
        group: Group::Moving,
        keys: &[key(KeyCode::Down), ch('j')],
        action: Action::Down,
        help: "down",
        footer: Some("move"),
    },
    Binding {
        group: Group::Moving,
        keys: &[key(KeyCode::PageUp)],
        action: Action::PageUp,
        help: "page up",
        footer: None,
    },
    Binding {
        group: Group::Moving,
        keys: &[key(KeyCode::PageDown)],
        action: Action::PageDown,
        help: "page down",
        footer: None,
    },
    Binding {
        group: Group::Moving,
        keys: &[key(KeyCode::Home), ch('g')],
        action: Action::Home,
        help: "to the top",
        footer: None,
    },
    Binding {
        group: Group::Moving,
        keys: &[key(KeyCode::End), ch('G')],
        action: Action::End,
        help: "to the bottom",
        footer: None,
    },
    Binding {
        group: Group::Facets,
        keys: &[ch(' '), key(KeyCode::Enter)],
        action: Action::Toggle,
        help: "select or unselect the value (several may be on)",
        footer: Some("toggle"),
    },
    Binding {
        group: Group::Facets,
        keys: &[ch('x')],
        action: Action::ClearPane,
        help: "clear this pane's selection",
        footer: Some("clear"),
    },
    Binding {
        group: Group::Cities,
        keys: &[key(KeyCode::Enter)],
        action: Action::Open,
        help: "open the city's profile",
        footer: Some("open"),
    },
    Binding {
        group: Group::Cities,
        keys: &[ch(' ')],
        action: Action::ToggleMark,
        help: "mark or unmark the city on the shortlist (saved at once)",
        footer: Some("mark"),
    },
    Binding {
        group: Group::Detail,
        keys: &[ch(' ')],
        action: Action::ToggleMark,
        help: "mark or unmark this city on the shortlist",
        footer: None,
    },
    Binding {
        group: Group::Shortlist,
        keys: &[ch('S')],
        action: Action::ToggleShortlistOnly,
        help: "show only the shortlist, or all again (with the filters)",
        footer: Some("marked only"),
    },
    Binding {
        group: Group::Shortlist,
        keys: &[ch('s')],
        action: Action::Stats,
        help: "charts of the list: region, country, cluster, year, growth",
        footer: Some("stats"),
    },
    Binding {
        group: Group::Shortlist,
        keys: &[ch('e')],
        action: Action::ExportStart,
        help: "export the shortlist (else the list) as Markdown",
        footer: Some("export"),
    },
    Binding {
        group: Group::Shortlist,
        keys: &[ch('M')],
        action: Action::MoveShortlistAside,
        help: "move an unreadable shortlist file aside (as .bad-TIME)",
        footer: None,
    },
    Binding {
        group: Group::Stats,
        keys: &[key(KeyCode::Esc), ch('s')],
        action: Action::Stats,
        help: "back to the list",
        footer: Some("back"),
    },
    Binding {
        group: Group::Prompt,
        keys: &[key(KeyCode::Enter)],
        action: Action::PromptSubmit,
        help: "write the file (asks before replacing one)",
        footer: Some("write"),
    },
    Binding {
        group: Group::Prompt,
        keys: &[key(KeyCode::Esc)],
        action: Action::PromptCancel,
        help: "cancel",
        footer: Some("cancel"),
    },
    Binding {
        group: Group::Prompt,
        keys: &[key(KeyCode::Backspace)],
        action: Action::PromptBackspace,
        help: "delete a character; any other key types itself",
        footer: None,
    },
    Binding {
        group: Group::Everywhere,
        keys: &[ctrl('z')],
        action: Action::Suspend,
        help: "suspend to the shell (fg brings the explorer back)",
        footer: None,
    },
    Binding {
        group: Group::Everywhere,
        keys: &[ctrl('l')],
        action: Action::Redraw,
        help: "redraw the whole screen",
        footer: None,
    },
    Binding {
        group: Group::Cities,
        keys: &[ch('y')],
        action: Action::CopyProfile,
        help: "copy the city's profile as Markdown (OSC 52 clipboard)",
        footer: None,
    },
    Binding {
        group: Group::Cities,
        keys: &[ch('o')],
        action: Action::OpenSource,
        help: "open the city's source page in the browser",
        footer: None,
    },
    Binding {
        group: Group::Detail,
        keys: &[ch('y')],
        action: Action::CopyProfile,
        help: "copy this profile as Markdown (OSC 52 clipboard)",
        footer: None,
    },
    Binding {
        group: Group::Detail,
        keys: &[ch('o')],
        action: Action::OpenSource,
        help: "open the city's source page in the browser",
        footer: None,
    },
    Binding {
        group: Group::Search,
        keys: &[ctrl('t')],
        action: Action::ToggleScope,
        help: "search names or profile text (see the title)",
        footer: Some("names/text"),
    },
    Binding {
        group: Group::Panes,
        keys: &[ctrl('t')],
        action: Action::ToggleScope,
        help: "search names or profile text",
        footer: None,
    },
    Binding {
        group: Group::Detail,
        keys: &[ch(']')],
        action: Action::NextMatch,
        help: "to the next match of the profile-text search",
        footer: None,
    },
    Binding {
        group: Group::Detail,
        keys: &[key(KeyCode::Tab)],
        action: Action::NextSimilar,
        help: "select the next of the Similar cities",
        footer: None,
    },
    Binding {
        group: Group::Detail,
        keys: &[key(KeyCode::BackTab)],
        action: Action::PrevSimilar,
        help: "select the previous of the Similar cities",
        footer: None,
    },
    Binding {
        group: Group::Detail,
        keys: &[key(KeyCode::Enter)],
        action: Action::OpenSimilar,
        help: "open the selected similar city; Esc comes back",
        footer: None,
    },
    Binding {
        group: Group::Moving,
        keys: &[ctrl('d')],
        action: Action::HalfPageDown,
        help: "half a page down",
        footer: None,
    },
    Binding {
        group: Group::Moving,
        keys: &[ctrl('u')],
        action: Action::HalfPageUp,
        help: "half a page up",
        footer: None,
    },
    Binding {
        group: Group::Editing,
        keys: &[key(KeyCode::Left)],
        action: Action::Edit(Edit::Left),
        help: "cursor one character left",
        footer: None,
    },
    Binding {
        group: Group::Editing,
        keys: &[key(KeyCode::Right)],
        action: Action::Edit(Edit::Right),
        help: "cursor one character right",
        footer: None,
    },
    Binding {
        group: Group::Editing,
        keys: &[key(KeyCode::Home), ctrl('a')],
        action: Action::Edit(Edit::Start),
        help: "cursor to the start",
        footer: None,
    },
    Binding {
        group: Group::Editing,
        keys: &[key(KeyCode::End), ctrl('e')],
        action: Action::Edit(Edit::End),
        help: "cursor to the end",
        footer: None,
    },
    Binding {
        group: Group::Editing,
        keys: &[key(KeyCode::Delete)],
        action: Action::Edit(Edit::DeleteForward),
        help: "delete the character under the cursor",
        footer: None,
    },
    Binding {
        group: Group::Editing,
        keys: &[ctrl('w')],
        action: Action::Edit(Edit::DeleteWord),
        help: "delete a word before the cursor (Alt-Backspace too)",
        footer: None,
    },
    Binding {
        group: Group::Editing,
        keys: &[ctrl('u')],
        action: Action::Edit(Edit::DeleteToStart),
        help: "delete to the start",
        footer: None,
    },
    Binding {
        group: Group::Editing,
        keys: &[ctrl('n'), ctrl('j')],
        action: Action::Down,
        help: "move the selection down while typing",
        footer: None,
    },
    Binding {
        group: Group::Editing,
        keys: &[ctrl('p'), ctrl('k')],
        action: Action::Up,
        help: "move the selection up while typing",
        footer: None,
    },
    Binding {
        group: Group::General,
        keys: &[ch('m')],
        action: Action::ToggleMap,
        help: "map of the filtered cities (again: back)",
        footer: Some("map"),
    },
    Binding {
        group: Group::Map,
        keys: &[key(KeyCode::Esc)],
        action: Action::ToggleMap,
        help: "back to the list or detail view, selection kept",
        footer: Some("back"),
    },
    Binding {
        group: Group::Map,
        keys: &[ch('n')],
        action: Action::NextCity,
        help: "next city of the filtered list (the map follows)",
        footer: Some("next"),
    },
    Binding {
        group: Group::Map,
        keys: &[ch('p')],
        action: Action::PrevCity,
        help: "previous city of the filtered list",
        footer: Some("prev"),
    },
    Binding {
        group: Group::Map,
        keys: &[key(KeyCode::Home), ch('g')],
        action: Action::Home,
        help: "first city of the filtered list",
        footer: None,
    },
    Binding {
        group: Group::Map,
        keys: &[key(KeyCode::End), ch('G')],
        action: Action::End,
        help: "last city of the filtered list",
        footer: None,
    },
    Binding {
        group: Group::Map,
        keys: &[key(KeyCode::Enter)],
        action: Action::Open,
        help: "open its profile (Esc there: back to the map)",
        footer: Some("open"),
    },
    Binding {
        group: Group::Map,
        keys: &[ch('+'), ch('=')],
        action: Action::ZoomIn,
        help: "zoom in",
        footer: Some("zoom"),
    },
    Binding {
        group: Group::Map,
        keys: &[ch('-')],
        action: Action::ZoomOut,
        help: "zoom out",
        footer: None,
    },
    Binding {
        group: Group::Map,
        keys: &[key(KeyCode::Left), ch('h')],
        action: Action::PanWest,
        help: "pan west",
        footer: Some("pan"),
    },
    Binding {
        group: Group::Map,
        keys: &[key(KeyCode::Down), ch('j')],
        action: Action::PanSouth,
        help: "pan south",
        footer: None,
    },
    Binding {
        group: Group::Map,
        keys: &[key(KeyCode::Up), ch('k')],
        action: Action::PanNorth,
        help: "pan north",
        footer: None,
    },
    Binding {
        group: Group::Map,
        keys: &[key(KeyCode::Right), ch('l')],
        action: Action::PanEast,
        help: "pan east",
        footer: None,
    },
    Binding {
        group: Group::Map,
        keys: &[ch('0')],
        action: Action::ResetMap,
        help: "back to the view fitted to the filtered cities",
        footer: Some("fit"),
    },
];

/// What a key press means in `mode`, if anything, with the table's own keys.
pub fn action_for(mode: Mode, event: KeyEvent) -> Option<Action> {
    Keymap::default().action_for(mode, event)
}

/// The key a key event stands for, or `None` for a release or a modifier no binding uses.
pub fn pressed(event: KeyEvent) -> Option<Key> {
    if event.kind == KeyEventKind::Release {
        return None;
    }
    // No other binding uses Alt (or Super, Hyper, Meta): Alt-q is not q, and Alt-b types
    // nothing.
    if event.modifiers.intersects(
        KeyModifiers::ALT | KeyModifiers::SUPER | KeyModifiers::HYPER | KeyModifiers::META,
    ) {
        return None;
    }
    let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
    let code = match event.code {
        // Some terminals report Ctrl-letters in upper case; compare in lower case.
        KeyCode::Char(c) if ctrl => KeyCode::Char(c.to_ascii_lowercase()),
        code => code,
    };
    Some(Key { code, ctrl })
}

/// The key table with the user's remaps: an override table beside [`BINDINGS`].
///
/// A remap replaces the keys of one row; the row keeps its group, action and words, so the
/// help overlay and the footer (which read the keys through this) show the remapped keys.
/// The default has no overrides: the table as written.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Keymap {
    /// (row of `BINDINGS`, its keys instead of the table's).
    overrides: Vec<(usize, Vec<Key>)>,
}

impl Keymap {
    /// The table with `overrides` (row index, keys); a later override of a row wins.
    pub fn new(overrides: Vec<(usize, Vec<Key>)>) -> Keymap {
        Keymap { overrides }
    }

    /// The keys of row `index` of [`BINDINGS`] after the remaps.
    pub fn keys(&self, index: usize) -> &[Key] {
        self.overrides
            .iter()
            .rev()
            .find(|(i, _)| *i == index)
            .map_or_else(
                || BINDINGS.get(index).map_or(&[][..], |b| b.keys),
                |(_, k)| k,
            )
    }

    /// Every row with its keys, in table order.
    pub fn rows(&self) -> impl Iterator<Item = (&'static Binding, &[Key])> + '_ {
        BINDINGS
            .iter()
            .enumerate()
            .map(move |(i, b)| (b, self.keys(i)))
    }

    /// The rows that apply in `mode`, in table order, with their keys.
    pub fn rows_in(&self, mode: Mode) -> impl Iterator<Item = (&'static Binding, &[Key])> + '_ {
        self.rows().filter(move |(b, _)| b.group.applies_in(mode))
    }

    /// What a key press means in `mode`, if anything. Earlier rows win.
    pub fn action_for(&self, mode: Mode, event: KeyEvent) -> Option<Action> {
        // Alt-Backspace deletes a word in a text field (the help names it with Ctrl-W's row).
        if event.kind != KeyEventKind::Release
            && event.modifiers.contains(KeyModifiers::ALT)
            && event.code == KeyCode::Backspace
            && matches!(mode, Mode::Search | Mode::Filter)
        {
            return Some(Action::Edit(Edit::DeleteAlnumWord));
        }
        let pressed = pressed(event)?;
        let found = self
            .rows_in(mode)
            .find(|(_, keys)| keys.contains(&pressed))
            .map(|(b, keys)| {
                // Only the typing groups' own ↑ ↓ row reads its first key as "up".
                let up_of_pair = matches!(b.group, Group::Search | Group::Filter)
                    && keys.first() == Some(&pressed)
                    && keys.len() > 1;
                (b.action, up_of_pair)
            });
        match (found, mode, pressed) {
            // The typing modes' one row for moving up and down: its first key means up.
            (Some((Action::Down, true)), Mode::Search | Mode::Filter, _) => Some(Action::Up),
            (Some((action, _)), ..) => Some(action),
            (
                None,
                Mode::Search,
                Key {
                    code: KeyCode::Char(c),
                    ctrl: false,
                },
            ) => Some(Action::SearchInput(c)),
            (
                None,
                Mode::Filter,
                Key {
                    code: KeyCode::Char(c),
                    ctrl: false,
                },
            ) => Some(Action::FilterInput(c)),
            (
                None,
                Mode::Prompt,
                Key {
                    code: KeyCode::Char(c),
                    ctrl: false,
                },
            ) => Some(Action::PromptInput(c)),
            _ => None,
        }
    }
}

/// Keys written as in the help: `Ctrl-C Space`.
pub fn label_of(keys: &[Key]) -> String {
    keys.iter().map(|k| k.label()).collect::<Vec<_>>().join(" ")
}

/// The bindings that apply in `mode`, in table order.
pub fn bindings_in(mode: Mode) -> impl Iterator<Item = &'static Binding> {
    BINDINGS.iter().filter(move |b| b.group.applies_in(mode))
}

/// The key table as Markdown, grouped as in the help overlay. README.md carries this exact
/// text (a test checks it), so the documentation cannot drift from the keys either.
pub fn markdown_table() -> String {
    use std::fmt::Write as _;
    let mut out = String::new();
    for group in Group::ALL {
        let rows: Vec<&Binding> = BINDINGS.iter().filter(|b| b.group == group).collect();
        if rows.is_empty() {
            continue;
        }
        let _ = write!(
            out,
            "**{}**\n\n| key | does |\n|---|---|\n",
            group.heading()
        );
        for binding in rows {
            let label = binding.label().replace('|', "\\|");
            let _ = writeln!(out, "| `{label}` | {} |", binding.help);
        }
        out.push('\n');
    }
    out
}
