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
pub mod map;
mod update;

pub use action::Action;
pub use keymap::Mode;

use crate::facet::FacetKind;
use crate::model::Member;
use crate::query::{Engine, Hit, Query, Results};
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
}

/// One value of a facet pane as shown: its label, its live count, whether it is selected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FacetRow<'a> {
    pub label: Cow<'a, str>,
    pub count: usize,
    pub selected: bool,
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
    /// The map's state: the view the user zoomed or panned to, where the detail view opened
    /// from the map returns.
    pub map: map::MapState,
    /// The filtered list's members that have coordinates: (position in the list,
    /// coordinates), computed with the results so a map frame reads no member.
    placed: Vec<(usize, crate::model::Coordinates)>,
}

impl App {
    /// An explorer on `engine`'s data, opened with `query` applied (the command line's
    /// `--region`, `--search`...). Colours are on unless `NO_COLOR` is set and not empty.
    pub fn new(engine: Engine, query: Query) -> App {
        let results = engine.run(&query);
        let pane_states = vec![PaneState::default(); engine.kinds().count() + 1];
        let mut app = App {
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
            map: map::MapState::default(),
            placed: Vec::new(),
        };
        app.placed = map::placed(&app.engine, &app.results);
        app
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
            (None, Screen::Detail) => Mode::Detail,
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
            Screen::Detail | Screen::Map { .. } => Typing::Nothing,
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
            })
            .collect()
    }

    /// The hit under the city list's cursor.
    pub fn selected_hit(&self) -> Option<&Hit> {
        self.results.hits.get(self.pane(Pane::Cities).cursor)
    }

    /// The member under the city list's cursor (the one the preview and detail view show).
    pub fn selected_member(&self) -> Option<&Member> {
        self.selected_hit().map(|h| self.engine.member(h.member))
    }

    /// The number of members in the dataset (the N of "n of N").
    pub fn total(&self) -> usize {
        self.engine.dataset().members.len()
    }
}
