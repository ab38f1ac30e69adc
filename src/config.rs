//! The user's config file: theme colours, key remaps and default options.
//!
//! Read from `$XDG_CONFIG_HOME/gnlc/config.toml` (or `~/.config/gnlc/config.toml`) when the
//! explorer starts; a missing file means the defaults. The file is TOML, read into serde
//! structs that deny unknown fields, so a typo is an error rather than a silently ignored
//! setting. Every error is one line naming the file, the line and the column.
//!
//! Key remaps are checked against the key table (`app::keymap::BINDINGS`), which stays the
//! one source of truth: a remap replaces the keys of one row, addressed as
//! `[keys.GROUP] ACTION = ["key", ...]`, and the result is a [`Keymap`] override table that
//! the key lookup, the help overlay and the footer all read. An unknown group, action or key
//! name, and a key that another row already claims where the remapped row applies, are
//! errors naming them.
//!
//! `gnlc config --default` prints [`default_file`], a commented file that parses back to the
//! defaults and lists every row of the key table with its address and keys.

use crate::app::Action;
use crate::app::keymap::{BINDINGS, Binding, Group, Key, Keymap, Mode};
use crate::error::{Error, Place, Result};
use crate::ui::theme::Palette;
use crossterm::event::KeyCode;
use ratatui::style::Color;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::ops::Range;
use std::path::PathBuf;
use toml::Spanned;

/// Everything the config file sets, with the defaults for what it leaves out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    /// Capture the mouse in the explorer (`--no-mouse` turns it off for one run).
    pub mouse: bool,
    /// The theme's colours.
    pub palette: Palette,
    /// The key table with the remaps.
    pub keys: Keymap,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            mouse: true,
            palette: Palette::default(),
            keys: Keymap::default(),
        }
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    options: OptionsTable,
    #[serde(default)]
    theme: ThemeTable,
    #[serde(default)]
    keys: KeysTable,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct OptionsTable {
    mouse: Option<bool>,
}

/// One optional colour per field of [`Palette`], in its order.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct ThemeTable {
    accent: Option<Spanned<String>>,
    frame: Option<Spanned<String>>,
    matched: Option<Spanned<String>>,
    muted: Option<Spanned<String>>,
    selected: Option<Spanned<String>>,
    zero: Option<Spanned<String>>,
    tagline: Option<Spanned<String>>,
    note: Option<Spanned<String>>,
}

/// Where the config file is read: `$XDG_CONFIG_HOME/gnlc/config.toml` when that variable is
/// an absolute path (the XDG rule), else `$HOME/.config/gnlc/config.toml`.
pub fn path() -> Result<PathBuf> {
    let xdg = std::env::var_os("XDG_CONFIG_HOME")
        .map(PathBuf::from)
        .filter(|p| p.is_absolute());
    let base = match xdg {
        Some(base) => base,
        None => std::env::var_os("HOME")
            .map(PathBuf::from)
            .filter(|p| !p.as_os_str().is_empty())
            .map(|home| home.join(".config"))
            .ok_or_else(|| {
                Error::Usage(
                    "no place for the config file: neither XDG_CONFIG_HOME nor HOME is set".into(),
                )
            })?,
    };
    Ok(base.join("gnlc").join("config.toml"))
}

/// Reads the config file at [`path`]; no file means the defaults.
pub fn load() -> Result<Config> {
    let path = path()?;
    let shown = path.to_string_lossy().into_owned();
    match std::fs::read_to_string(&path) {
        Ok(text) => parse(&text, &shown),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Config::default()),
        Err(e) => Err(Error::io(&shown, &e)),
    }
}

/// Reads a config file's text; `path` names it in errors.
pub fn parse(text: &str, path: &str) -> Result<Config> {
    let at = |span: Option<Range<usize>>, message: String| {
        let (line, column) = span.map_or((None, None), |s| {
            let (l, c) = line_column(text, s.start);
            (Some(l), Some(c))
        });
        Error::data(
            Place {
                path: path.to_string(),
                line,
                column,
                ..Place::default()
            },
            message,
        )
    };
    let file: File = toml::from_str(text).map_err(|e| at(e.span(), one_line(e.message())))?;
    let palette = palette(&file.theme).map_err(|(span, message)| at(Some(span), message))?;
    let keys = keymap(&file.keys).map_err(|(span, message)| at(Some(span), message))?;
    Ok(Config {
        mouse: file.options.mouse.unwrap_or(true),
        palette,
        keys,
    })
}

/// A message on one line: toml's messages can span several.
fn one_line(message: &str) -> String {
    message.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The 1-based line and column (in characters) of byte `offset` of `text`.
fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = text.get(..offset.min(text.len())).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

type Located<T> = std::result::Result<T, (Range<usize>, String)>;

fn palette(theme: &ThemeTable) -> Located<Palette> {
    let mut palette = Palette::default();
    let fields: [(&Option<Spanned<String>>, &mut Color); 8] = [
        (&theme.accent, &mut palette.accent),
        (&theme.frame, &mut palette.frame),
        (&theme.matched, &mut palette.matched),
        (&theme.muted, &mut palette.muted),
        (&theme.selected, &mut palette.selected),
        (&theme.zero, &mut palette.zero),
        (&theme.tagline, &mut palette.tagline),
        (&theme.note, &mut palette.note),
    ];
    for (given, slot) in fields {
        if let Some(given) = given {
            *slot = given.get_ref().trim().parse::<Color>().map_err(|_| {
                (
                    given.span(),
                    format!(
                        "unknown colour `{}` (a name such as `cyan` or `darkgray`, an index 0-255, or `#rrggbb`)",
                        crate::text::sanitize_line(given.get_ref())
                    ),
                )
            })?;
        }
    }
    Ok(palette)
}

/// The name of a key group in the config file.
pub fn group_id(group: Group) -> &'static str {
    match group {
        Group::Everywhere => "everywhere",
        Group::General => "general",
        Group::Panes => "panes",
        Group::Moving => "moving",
        Group::Facets => "facets",
        Group::Filter => "filter",
        Group::Cities => "cities",
        Group::Search => "search",
        Group::Detail => "detail",
        Group::Help => "help",
        Group::Shortlist => "shortlist",
        Group::Stats => "stats",
        Group::Prompt => "prompt",
        Group::Editing => "editing",
        Group::Map => "map",
    }
}

/// The name of a row's action in the config file. The typing modes' one row for both arrow
/// keys is `up_down` (its first key moves up, the second down).
pub fn action_name(binding: &Binding) -> String {
    let name = match binding.action {
        Action::Down if matches!(binding.group, Group::Search | Group::Filter) => "up_down",
        Action::Quit => "quit",
        Action::ToggleHelp => "toggle_help",
        Action::CloseHelp => "close_help",
        Action::FocusNext => "next_pane",
        Action::FocusPrev => "prev_pane",
        Action::Up => "up",
        Action::Down => "down",
        Action::PageUp => "page_up",
        Action::PageDown => "page_down",
        Action::Home => "top",
        Action::End => "bottom",
        Action::Toggle => "toggle",
        Action::Open => "open",
        Action::ClearPane => "clear_pane",
        Action::ClearAll => "clear_all",
        Action::SearchStart => "search",
        Action::SearchBackspace | Action::FilterBackspace | Action::PromptBackspace => "backspace",
        Action::SearchClear => "clear",
        Action::SearchLeave => "leave",
        Action::SearchSubmit => "submit",
        Action::FilterStart => "filter",
        Action::FilterLeave => "keep",
        Action::FilterClear => "clear_filter",
        Action::NextCity => "next_city",
        Action::PrevCity => "prev_city",
        Action::JumpSection(section) => {
            return format!(
                "jump_{}",
                section
                    .heading()
                    .split(' ')
                    .next()
                    .unwrap_or("")
                    .to_lowercase()
            );
        }
        Action::Back => "back",
        Action::CopyProfile => "copy",
        Action::OpenSource => "open_source",
        Action::Suspend => "suspend",
        Action::Redraw => "redraw",
        Action::ToggleMark => "mark",
        Action::ToggleShortlistOnly => "marked_only",
        Action::Stats => "stats",
        Action::ExportStart => "export",
        Action::PromptSubmit => "write",
        Action::PromptCancel => "cancel",
        Action::MoveShortlistAside => "move_aside",
        Action::ToggleScope => "names_or_text",
        Action::NextMatch => "next_match",
        Action::NextSimilar => "next_similar",
        Action::PrevSimilar => "prev_similar",
        Action::OpenSimilar => "open_similar",
        Action::ToggleMap => "map",
        Action::ZoomIn => "zoom_in",
        Action::ZoomOut => "zoom_out",
        Action::PanWest => "pan_west",
        Action::PanEast => "pan_east",
        Action::PanNorth => "pan_north",
        Action::PanSouth => "pan_south",
        Action::ResetMap => "reset_map",
        Action::HalfPageUp => "half_page_up",
        Action::HalfPageDown => "half_page_down",
        Action::Edit(edit) => return format!("edit_{}", edit_name(edit)),
        Action::SearchInput(_)
        | Action::FilterInput(_)
        | Action::PromptInput(_)
        | Action::Click { .. }
        | Action::Wheel { .. } => "input",
    };
    name.to_string()
}

/// Every mode, for checking where a remapped row applies.
const MODES: [Mode; 9] = [
    Mode::Map,
    Mode::Facet,
    Mode::List,
    Mode::Search,
    Mode::Filter,
    Mode::Detail,
    Mode::Help,
    Mode::Stats,
    Mode::Prompt,
];

fn mode_words(mode: Mode) -> &'static str {
    match mode {
        Mode::Facet => "a facet pane",
        Mode::List => "the city list",
        Mode::Search => "the search box",
        Mode::Filter => "a facet pane's filter",
        Mode::Detail => "the detail view",
        Mode::Help => "the help",
        Mode::Stats => "the stats screen",
        Mode::Prompt => "the export prompt",
        Mode::Map => "the map",
    }
}

/// Reads a key as the help writes it (`q`, `G`, `Ctrl-C`, `Space`, `Enter`, `PgDn`, `↑`,
/// `F5`), with a few common spellings (`Ctrl+c`, `C-c`, `Escape`, `PageDown`, `Up`).
pub fn parse_key(name: &str) -> Option<Key> {
    let mut chars = name.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        let code = match c {
            '↑' => KeyCode::Up,
            '↓' => KeyCode::Down,
            '←' => KeyCode::Left,
            '→' => KeyCode::Right,
            c if c.is_control() => return None,
            c => KeyCode::Char(c),
        };
        return Some(Key { code, ctrl: false });
    }
    let lower = name.trim().to_lowercase();
    for prefix in ["ctrl-", "ctrl+", "c-"] {
        if let Some(rest) = lower.strip_prefix(prefix) {
            let mut chars = rest.chars();
            return match (chars.next(), chars.next()) {
                (Some(c), None) if c.is_ascii_graphic() => Some(Key {
                    code: KeyCode::Char(c),
                    ctrl: true,
                }),
                (Some(_), Some(_)) if rest == "space" => Some(Key {
                    code: KeyCode::Char(' '),
                    ctrl: true,
                }),
                _ => None,
            };
        }
    }
    let code = match lower.as_str() {
        "space" => KeyCode::Char(' '),
        "enter" | "return" => KeyCode::Enter,
        "esc" | "escape" => KeyCode::Esc,
        "tab" => KeyCode::Tab,
        "shift-tab" | "shift+tab" | "backtab" => KeyCode::BackTab,
        "backspace" => KeyCode::Backspace,
        "del" | "delete" => KeyCode::Delete,
        "up" => KeyCode::Up,
        "down" => KeyCode::Down,
        "left" => KeyCode::Left,
        "right" => KeyCode::Right,
        "pgup" | "pageup" => KeyCode::PageUp,
        "pgdn" | "pagedown" => KeyCode::PageDown,
        "home" => KeyCode::Home,
        "end" => KeyCode::End,
        f if f.starts_with('f') => match f[1..].parse::<u8>() {
            Ok(n @ 1..=12) => KeyCode::F(n),
            _ => return None,
        },
        _ => return None,
    };
    Some(Key { code, ctrl: false })
}

type KeysTable = BTreeMap<Spanned<String>, BTreeMap<Spanned<String>, Vec<Spanned<String>>>>;

/// Checks the `[keys]` tables against the key table and builds the override table.
fn keymap(table: &KeysTable) -> Located<Keymap> {
    let mut overrides: Vec<(usize, Vec<Key>)> = Vec::new();
    // Where each remapped key was written, for the conflict check.
    let mut spans: Vec<(usize, Key, Range<usize>)> = Vec::new();
    for (group_name, actions) in table {
        let Some(group) = Group::ALL
            .into_iter()
            .find(|g| group_id(*g) == group_name.get_ref())
        else {
            let groups: Vec<&str> = Group::ALL.into_iter().map(group_id).collect();
            return Err((
                group_name.span(),
                format!(
                    "unknown key group `{}` (groups: {})",
                    crate::text::sanitize_line(group_name.get_ref()),
                    groups.join(", ")
                ),
            ));
        };
        for (action, keys) in actions {
            let row = BINDINGS
                .iter()
                .position(|b| b.group == group && action_name(b) == *action.get_ref());
            let Some(row) = row else {
                let names: Vec<String> = BINDINGS
                    .iter()
                    .filter(|b| b.group == group)
                    .map(action_name)
                    .collect();
                return Err((
                    action.span(),
                    format!(
                        "unknown action `{}` in [keys.{}] (actions there: {})",
                        crate::text::sanitize_line(action.get_ref()),
                        group_id(group),
                        names.join(", ")
                    ),
                ));
            };
            let mut parsed = Vec::new();
            for name in keys {
                let key = parse_key(name.get_ref()).ok_or_else(|| {
                    (
                        name.span(),
                        format!(
                            "unknown key name `{}` for {}.{} (a character, Ctrl-X, Space, Enter, Esc, Tab, Shift-Tab, Backspace, Del, Up, Down, Left, Right, PgUp, PgDn, Home, End or F1-F12)",
                            crate::text::sanitize_line(name.get_ref()),
                            group_id(group),
                            action.get_ref()
                        ),
                    )
                })?;
                if !parsed.contains(&key) {
                    parsed.push(key);
                    spans.push((row, key, name.span()));
                }
            }
            overrides.push((row, parsed));
        }
    }
    let keymap = Keymap::new(overrides);
    check_conflicts(&keymap, &spans)?;
    Ok(keymap)
}

/// A remapped key conflicts when another row with another action claims it in a mode where
/// the remapped row applies, unless the table itself has both rows on that key (the table's
/// own precedence: earlier rows win).
fn check_conflicts(keymap: &Keymap, spans: &[(usize, Key, Range<usize>)]) -> Located<()> {
    for (row, key, span) in spans {
        let binding = &BINDINGS[*row];
        for mode in MODES.into_iter().filter(|m| binding.group.applies_in(*m)) {
            for (other, other_binding) in BINDINGS.iter().enumerate() {
                if other == *row
                    || other_binding.action == binding.action
                    || !other_binding.group.applies_in(mode)
                    || !keymap.keys(other).contains(key)
                {
                    continue;
                }
                let in_table = binding.keys.contains(key) && other_binding.keys.contains(key);
                if !in_table {
                    return Err((
                        span.clone(),
                        format!(
                            "key `{}` for {}.{} conflicts with {}.{} in {}",
                            key.label(),
                            group_id(binding.group),
                            action_name(binding),
                            group_id(other_binding.group),
                            action_name(other_binding),
                            mode_words(mode)
                        ),
                    ));
                }
            }
        }
    }
    Ok(())
}

/// How a colour is written in the default file (lower case, as `Color`'s parser reads it).
fn colour_name(color: Color) -> String {
    color.to_string().to_lowercase()
}

/// The commented default config file: every setting at its default, every key row listed
/// (commented out) with its address. It parses back to [`Config::default`].
pub fn default_file() -> String {
    use std::fmt::Write as _;
    let p = Palette::default();
    let mut out = String::from(
        "# gnlc's config file. `gnlc config --path` says where it is read; every setting is\n\
         # optional, and a setting left out keeps its default (shown here).\n\n\
         [options]\n\
         # Capture the mouse in the explorer (clicks and the wheel). --no-mouse turns it off\n\
         # for one run.\n\
         mouse = true\n\n\
         [theme]\n\
         # A colour is a name (black, red, green, yellow, blue, magenta, cyan, gray, darkgray,\n\
         # lightred, lightgreen, lightyellow, lightblue, lightmagenta, lightcyan, white), an\n\
         # index 0-255 or \"#rrggbb\". NO_COLOR turns colour off whatever this says.\n",
    );
    for (name, color, what) in [
        ("accent", p.accent, "the focused pane, headings, keys"),
        ("frame", p.frame, "borders of the other panes"),
        ("matched", p.matched, "characters that matched the search"),
        ("muted", p.muted, "secondary text (countries, counts)"),
        ("selected", p.selected, "a selected facet value's [x]"),
        ("zero", p.zero, "a facet value that would give no results"),
        ("tagline", p.tagline, "a city's tagline"),
        ("note", p.note, "notes about the data, status messages"),
    ] {
        let value = format!("\"{}\"", colour_name(color));
        let _ = writeln!(out, "{name:<9}= {value:<12}# {what}");
    }
    out.push_str(
        "\n# Keys: [keys.GROUP] ACTION = [\"key\", ...] replaces the keys of one row of the key\n\
         # table; the help (?) and the footer show the new keys. Key names: a character (q, G),\n\
         # Ctrl-X, Space, Enter, Esc, Tab, Shift-Tab, Backspace, Del, Up, Down, Left, Right,\n\
         # PgUp, PgDn, Home, End, F1-F12. A key another row uses where the row applies is an\n\
         # error. Every row, with its keys now:\n",
    );
    for group in Group::ALL {
        let rows: Vec<&Binding> = BINDINGS.iter().filter(|b| b.group == group).collect();
        if rows.is_empty() {
            continue;
        }
        let _ = writeln!(out, "#\n# [keys.{}]", group_id(group));
        for binding in rows {
            let keys: Vec<String> = binding
                .keys
                .iter()
                .map(|k| {
                    format!(
                        "\"{}\"",
                        k.label().replace('\\', "\\\\").replace('"', "\\\"")
                    )
                })
                .collect();
            let _ = writeln!(
                out,
                "# {} = [{}]   # {}",
                action_name(binding),
                keys.join(", "),
                binding.help
            );
        }
    }
    out
}

/// The config name of an editing key's action (`edit_delete_word`).
fn edit_name(edit: crate::app::line::Edit) -> &'static str {
    use crate::app::line::Edit;
    match edit {
        Edit::Insert(_) => "insert",
        Edit::Left => "left",
        Edit::Right => "right",
        Edit::Start => "start",
        Edit::End => "end",
        Edit::DeleteBack => "delete_back",
        Edit::DeleteForward => "delete_forward",
        Edit::DeleteWord => "delete_word",
        Edit::DeleteAlnumWord => "delete_alnum_word",
        Edit::DeleteToStart => "delete_to_start",
    }
}
