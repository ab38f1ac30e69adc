//! The explorer's state machine: what is selected, focused and shown, and nothing about how
//! it looks.
//!
//! State changes only in [`App::update`] (see `update.rs`) and the few methods the view calls
//! for the mouse and paging, one [`Action`] at a time, so tests drive the explorer without a
//! terminal. What a frame measures (scroll offsets, page heights, mouse areas, laid-out text)
//! is not here but in `ui::ViewState`: rendering only reads this state.
//!
//! The screen is a [`Screen`] (room for more: a map, charts) with help as an [`Overlay`];
//! [`App::mode`] derives from the two, so no flag can contradict another.

pub mod action;
pub mod keymap;
pub mod line;
pub mod map;
mod marks;
pub mod text;
mod update;

pub use marks::ExportPrompt;

pub use action::Action;
pub use keymap::Mode;
pub use update::source_url;

use crate::facet::FacetKind;
use crate::model::Member;
use crate::query::{Engine, Hit, Query, Results, TextScope};
use std::borrow::Cow;

/// A place on the browse screen that can have the keyboard: one facet pane per facet kind of
/// the engine (in the kinds' order), then the city list. Which kind a facet pane shows is
/// data ([`FacetKind`]); which pane has focus is this.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Pane {
    /// The pane of one facet kind.
    Facet(FacetKind),
    /// The list of matching cities.
    Cities,
}

impl Pane {
    /// The pane's title.
    pub fn title(self) -> &'static str {
        match self {
            Pane::Facet(kind) => kind.title,
            Pane::Cities => "Cities",
        }
    }

    /// The facet kind of a facet pane.
    pub fn kind(self) -> Option<FacetKind> {
        match self {
            Pane::Facet(kind) => Some(kind),
            Pane::Cities => None,
        }
    }
}

/// A list's cursor: the value the user is on. Where the list starts on screen is the view's
/// business (`ui::ViewState`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PaneState {
    /// Index of the value under the cursor.
    pub cursor: usize,
}

/// The screen the explorer shows. Help is an overlay over any of them ([`Overlay`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    /// The facet panes, the search box and the city list; `typing` says which text field, if
    /// any, has the keyboard.
    Browse { typing: Typing },
    /// The profile of the city under the list's cursor.
    Detail,
    /// Charts of the filtered list (members by region, country, cluster, year; growth).
    Stats,
    /// The map of the filtered list; `back` is the screen Esc or `m` returns to.
    Map { back: MapBack },
}

/// The screen the map was opened from, which leaving the map returns to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MapBack {
    /// The browse screen (the city list).
    Browse,
    /// The detail view of the selected city.
    Detail,
}

/// Which text field of the browse screen has the keyboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Typing {
    /// None: keys move, select and open.
    Nothing,
    /// The search box.
    Search,
    /// The focused facet pane's filter of its values.
    PaneFilter,
}

/// What can stand over a screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    /// The key help.
    Help,
    /// The export prompt: a file name to write the Markdown report to.
    Export,
}

/// When the query runs after a change of search text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Runs {
    /// At once (the default).
    Immediate,
    /// At the next [`App::settle`] (the event loop, during a burst of keys)...
    Deferred,
    /// ...and the search text has changed since the last run.
    Stale,
}

/// One value of a facet pane as shown: its label, its live count, whether it is selected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FacetRow<'a> {
    pub label: Cow<'a, str>,
    pub count: usize,
    pub selected: bool,
    /// A stand-in rather than a value of the kind ("no profile text"): shown dimmed.
    pub absent: bool,
    /// A Joined year whose count includes members that were only members by it (see
    /// [`App::member_by_years`]).
    pub marked: bool,
}

/// What the user chose: the query, the cursors, the screen and the focus.
#[derive(Debug)]
pub struct App {
    engine: Engine,
    query: Query,
    results: Results,
    /// The screen shown.
    pub screen: Screen,
    /// What stands over the screen, if anything.
    pub overlay: Option<Overlay>,
    /// The pane with the keyboard on the browse screen (when no text field has it).
    pub focus: Pane,
    /// Each pane's filter of its values, in [`App::panes`] order (the city list's is unused).
    pane_filters: Vec<String>,
    /// The cursor of each pane, in [`App::panes`] order.
    pane_states: Vec<PaneState>,
    /// False when colours are off (`NO_COLOR`); selection then shows by reverse and bold.
    pub color: bool,
    /// Set when the user asked to quit.
    pub quit: bool,
    /// The persistent shortlist, when the explorer keeps one (see [`App::with_shortlist`]).
    shortlist: Option<crate::shortlist::Shortlist>,
    /// A message for the user about the last shortlist or export action.
    pub notice: Option<String>,
    /// The export prompt's state (shown while the overlay is [`Overlay::Export`]).
    pub export: ExportPrompt,
    /// The years some member was only a member by (not known to have joined in), sorted.
    member_by_years: Vec<u16>,
    /// The key table with the user's remaps (the table as written by default).
    pub keys: keymap::Keymap,
    /// A one-line message about what the last action did (`y`, `o`), shown in the footer
    /// until the next action.
    pub status: Option<String>,
    /// What the last actions asked of the outside world, for the event loop to do.
    effects: Vec<Effect>,
    /// What the search box searches.
    scope: TextScope,
    /// The text index, while it is being built.
    index: text::IndexState,
    /// Cities opened from Similar cities, the last one shown (Esc goes back one).
    opened: Vec<usize>,
    /// The selected row of the detail view's Similar cities.
    similar_cursor: usize,
    /// The cursor (in chars) of the text field that has the keyboard.
    text_cursor: usize,
    /// Whether a change of search text runs the query at once (see [`App::settle`]).
    runs_now: Runs,
    /// How many times the query ran (lets tests prove a burst runs it once).
    runs: usize,
    /// The map's state: the view the user zoomed or panned to, where the detail view opened
    /// from the map returns.
    pub map: map::MapState,
    /// The filtered list's members that have coordinates: (position in the list,
    /// coordinates), computed with the results so a map frame reads no member.
    placed: Vec<(usize, crate::model::Coordinates)>,
}

/// Something an action asks of the outside world (the terminal, the clipboard, a browser).
/// `App::update` only records it: the event loop (`tui`) does it, so the app stays pure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Put `text` on the clipboard (OSC 52); `city` names what was copied.
    Copy { city: String, text: String },
    /// Open `url` in the browser; `city` names whose page it is.
    OpenUrl { city: String, url: String },
    /// Give the terminal back to the shell until continued.
    Suspend,
    /// Clear the terminal and draw everything again.
    Redraw,
}

impl App {
    /// An explorer on `engine`'s data, opened with `query` applied (the command line's
    /// `--region`, `--search`...). Colours are on unless `NO_COLOR` is set and not empty.
    pub fn new(engine: Engine, query: Query) -> App {
        let results = engine.run(&query);
        let pane_states = vec![PaneState::default(); engine.kinds().count() + 1];
        let mut member_by_years: Vec<u16> = engine
            .dataset()
            .members
            .iter()
            .filter(|m| m.joined_basis == Some(crate::model::JoinedBasis::MemberBy))
            .filter_map(|m| m.joined)
            .collect();
        member_by_years.sort_unstable();
        member_by_years.dedup();
        let scope = if query.profile.is_empty() || !query.text.is_empty() {
            TextScope::Names
        } else {
            TextScope::Profile
        };
        let mut app = App {
            scope,
            engine,
            query,
            results,
            screen: Screen::Browse {
                typing: Typing::Nothing,
            },
            overlay: None,
            focus: Pane::Cities,
            pane_filters: vec![String::new(); pane_states.len()],
            pane_states,
            color: std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
            quit: false,
            shortlist: None,
            notice: None,
            export: ExportPrompt::default(),
            member_by_years,
            keys: keymap::Keymap::default(),
            status: None,
            effects: Vec::new(),
            index: text::IndexState::default(),
            opened: Vec::new(),
            similar_cursor: 0,
            text_cursor: 0,
            runs_now: Runs::Immediate,
            runs: 1,
            map: map::MapState::default(),
            placed: Vec::new(),
        };
        app.placed = map::placed(&app.engine, &app.results);
        app
    }

    /// The years some member of the dataset was only a member by: the Joined pane marks them,
    /// since their counts include members that may have joined earlier.
    pub fn member_by_years(&self) -> &[u16] {
        &self.member_by_years
    }

    /// What the dataset covers (its size beside what the network announced), for the header.
    pub fn coverage(&self) -> crate::model::coverage::Coverage<'_> {
        crate::model::coverage::Coverage {
            members: self.total(),
            countries: self.engine.values(&crate::facet::COUNTRY).len(),
            announced: self.engine.dataset().announced.as_ref(),
        }
    }

    /// Takes the effects the actions so far asked for, oldest first.
    pub fn take_effects(&mut self) -> Vec<Effect> {
        std::mem::take(&mut self.effects)
    }

    pub(crate) fn push_effect(&mut self, effect: Effect) {
        self.effects.push(effect);
    }

    pub fn engine(&self) -> &Engine {
        &self.engine
    }

    pub fn query(&self) -> &Query {
        &self.query
    }

    pub fn results(&self) -> &Results {
        &self.results
    }

    /// Which keys apply now: the overlay's, else the screen's (on the browse screen, the
    /// search box's or the focused pane's).
    pub fn mode(&self) -> Mode {
        match (self.overlay, self.screen) {
            (Some(Overlay::Help), _) => Mode::Help,
            (Some(Overlay::Export), _) => Mode::Prompt,
            (None, Screen::Detail) => Mode::Detail,
            (None, Screen::Stats) => Mode::Stats,
            (None, Screen::Map { .. }) => Mode::Map,
            (None, Screen::Browse { typing }) => match typing {
                Typing::Search => Mode::Search,
                Typing::PaneFilter if self.focus != Pane::Cities => Mode::Filter,
                _ if self.focus == Pane::Cities => Mode::List,
                _ => Mode::Facet,
            },
        }
    }

    /// True while the search box has the keyboard.
    pub fn searching(&self) -> bool {
        self.typing() == Typing::Search
    }

    /// True while the focused facet pane's filter is being typed.
    pub fn filtering(&self) -> bool {
        self.typing() == Typing::PaneFilter
    }

    /// Which text field of the browse screen has the keyboard.
    pub fn typing(&self) -> Typing {
        match self.screen {
            Screen::Browse { typing } => typing,
            Screen::Detail | Screen::Stats | Screen::Map { .. } => Typing::Nothing,
        }
    }

    /// Every pane, in Tab order: the facet panes in the engine's kind order, then the cities.
    pub fn panes(&self) -> Vec<Pane> {
        self.engine
            .kinds()
            .map(Pane::Facet)
            .chain([Pane::Cities])
            .collect()
    }

    /// The facet kinds, in pane order.
    pub fn kinds(&self) -> impl Iterator<Item = FacetKind> + '_ {
        self.engine.kinds()
    }

    /// Position of a pane in [`App::panes`] (a kind the engine lacks maps to the cities).
    fn pane_index(&self, pane: Pane) -> usize {
        let kinds = self.pane_states.len() - 1;
        match pane {
            Pane::Facet(kind) => self.engine.kinds().position(|k| k == kind).unwrap_or(kinds),
            Pane::Cities => kinds,
        }
    }

    /// The pane Tab moves to from `pane`.
    pub fn next_pane(&self, pane: Pane) -> Pane {
        let panes = self.panes();
        panes[(self.pane_index(pane) + 1) % panes.len()]
    }

    /// The pane Shift-Tab moves to from `pane`.
    pub fn prev_pane(&self, pane: Pane) -> Pane {
        let panes = self.panes();
        panes[(self.pane_index(pane) + panes.len() - 1) % panes.len()]
    }

    pub fn pane(&self, pane: Pane) -> &PaneState {
        &self.pane_states[self.pane_index(pane)]
    }

    pub fn pane_mut(&mut self, pane: Pane) -> &mut PaneState {
        let index = self.pane_index(pane);
        &mut self.pane_states[index]
    }

    /// How many values a pane lists (a facet pane: those its filter keeps).
    pub fn pane_len(&self, pane: Pane) -> usize {
        match pane {
            Pane::Facet(kind) => self.shown_values(kind).count(),
            Pane::Cities => self.results.hits.len(),
        }
    }

    /// A pane's filter of its values ("" when none).
    pub fn pane_filter(&self, pane: Pane) -> &str {
        &self.pane_filters[self.pane_index(pane)]
    }

    pub(crate) fn pane_filter_mut(&mut self, pane: Pane) -> &mut String {
        let index = self.pane_index(pane);
        &mut self.pane_filters[index]
    }

    /// The values of `kind` with their counts that the pane's filter keeps, in order: those
    /// whose accent-folded label contains every space-separated term of the folded filter.
    pub(crate) fn shown_values(
        &self,
        kind: FacetKind,
    ) -> impl Iterator<Item = &(crate::facet::OwnedValue, usize)> {
        let filter = crate::text::fold(self.pane_filter(Pane::Facet(kind)));
        let terms: Vec<String> = filter.split_whitespace().map(str::to_string).collect();
        self.results
            .facets
            .of(&kind)
            .iter()
            .filter(move |(value, _)| {
                terms.is_empty() || {
                    let label = crate::text::fold(&value.label());
                    terms.iter().all(|t| label.contains(t.as_str()))
                }
            })
    }

    /// The values of a facet pane its filter keeps, with their live counts (empty for the
    /// city list).
    pub fn facet_rows(&self, pane: Pane) -> Vec<FacetRow<'_>> {
        let Pane::Facet(kind) = pane else {
            return Vec::new();
        };
        let selected = self.query.selected(&kind);
        self.shown_values(kind)
            .map(|(value, count)| FacetRow {
                label: value.label(),
                count: *count,
                selected: selected.contains(value),
                absent: value.is_absent(),
                marked: kind == crate::facet::JOINED
                    && matches!(value, crate::facet::Value::Year(y)
                        if self.member_by_years.binary_search(y).is_ok()),
            })
            .collect()
    }

    /// The hit under the city list's cursor.
    pub fn selected_hit(&self) -> Option<&Hit> {
        self.results.hits.get(self.pane(Pane::Cities).cursor)
    }

    /// The member under the city list's cursor (the one the preview shows).
    pub fn selected_member(&self) -> Option<&Member> {
        self.selected_hit().map(|h| self.engine.member(h.member))
    }

    /// The cursor, in chars, of the text field that has the keyboard (see [`App::typing`]).
    pub fn text_cursor(&self) -> usize {
        self.text_cursor
    }

    /// How many times the query has run since the explorer started (the first run included).
    pub fn query_runs(&self) -> usize {
        self.runs
    }

    /// True when the search text changed since the query last ran (only while deferred).
    pub fn is_stale(&self) -> bool {
        self.runs_now == Runs::Stale
    }

    /// The number of members in the dataset (the N of "n of N").
    pub fn total(&self) -> usize {
        self.engine.dataset().members.len()
    }
}
