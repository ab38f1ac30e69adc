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
mod update;

pub use action::Action;
pub use keymap::Mode;

use crate::model::Member;
use crate::query::{Engine, Hit, Query, Results};
use std::borrow::Cow;

/// The four panes of the browse view, in Tab order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Focus {
    Regions,
    Countries,
    Clusters,
    Cities,
}

impl Focus {
    /// Every pane, in Tab order.
    pub const ALL: [Focus; 4] = [
        Focus::Regions,
        Focus::Countries,
        Focus::Clusters,
        Focus::Cities,
    ];

    /// The pane Tab moves to.
    #[must_use]
    pub fn next(self) -> Focus {
        Focus::ALL[(self.index() + 1) % Focus::ALL.len()]
    }

    /// The pane Shift-Tab moves to.
    #[must_use]
    pub fn prev(self) -> Focus {
        Focus::ALL[(self.index() + Focus::ALL.len() - 1) % Focus::ALL.len()]
    }

    /// Position in [`Focus::ALL`].
    pub fn index(self) -> usize {
        match self {
            Focus::Regions => 0,
            Focus::Countries => 1,
            Focus::Clusters => 2,
            Focus::Cities => 3,
        }
    }

    /// The pane's title.
    pub fn title(self) -> &'static str {
        match self {
            Focus::Regions => "Regions",
            Focus::Countries => "Countries",
            Focus::Clusters => "Clusters",
            Focus::Cities => "Cities",
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
    /// The facet panes, the search box and the city list; `searching` while the search box
    /// has the keyboard.
    Browse { searching: bool },
    /// The profile of the city under the list's cursor.
    Detail,
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
    /// The pane with the keyboard on the browse screen (when the search box does not have it).
    pub focus: Focus,
    /// The cursor of each pane, indexed by [`Focus::index`].
    pub panes: [PaneState; 4],
    /// False when colours are off (`NO_COLOR`); selection then shows by reverse and bold.
    pub color: bool,
    /// Set when the user asked to quit.
    pub quit: bool,
}

impl App {
    /// An explorer on `engine`'s data, opened with `query` applied (the command line's
    /// `--region`, `--search`...). Colours are on unless `NO_COLOR` is set and not empty.
    pub fn new(engine: Engine, query: Query) -> App {
        let results = engine.run(&query);
        App {
            engine,
            query,
            results,
            screen: Screen::Browse { searching: false },
            overlay: None,
            focus: Focus::Cities,
            panes: [PaneState::default(); 4],
            color: std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
            quit: false,
        }
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
            (None, Screen::Browse { searching: true }) => Mode::Search,
            (None, Screen::Browse { searching: false }) if self.focus == Focus::Cities => {
                Mode::List
            }
            (None, Screen::Browse { searching: false }) => Mode::Facet,
        }
    }

    /// True while the search box has the keyboard.
    pub fn searching(&self) -> bool {
        self.screen == (Screen::Browse { searching: true })
    }

    pub fn pane(&self, pane: Focus) -> &PaneState {
        &self.panes[pane.index()]
    }

    pub fn pane_mut(&mut self, pane: Focus) -> &mut PaneState {
        &mut self.panes[pane.index()]
    }

    /// How many values a pane lists.
    pub fn pane_len(&self, pane: Focus) -> usize {
        let facets = &self.results.facets;
        match pane {
            Focus::Regions => facets.regions.len(),
            Focus::Countries => facets.countries.len(),
            Focus::Clusters => facets.clusters.len(),
            Focus::Cities => self.results.hits.len(),
        }
    }

    /// The values of a facet pane with their live counts (empty for the city list).
    pub fn facet_rows(&self, pane: Focus) -> Vec<FacetRow<'_>> {
        let facets = &self.results.facets;
        match pane {
            Focus::Regions => facets
                .regions
                .iter()
                .map(|(r, n)| FacetRow {
                    label: Cow::Borrowed(r.name()),
                    count: *n,
                    selected: self.query.regions.contains(r),
                })
                .collect(),
            Focus::Countries => facets
                .countries
                .iter()
                .map(|(c, n)| FacetRow {
                    label: Cow::Borrowed(c.as_str()),
                    count: *n,
                    selected: self.query.countries.contains(c),
                })
                .collect(),
            Focus::Clusters => facets
                .clusters
                .iter()
                .map(|(k, n)| FacetRow {
                    label: Cow::Borrowed(k.short_name()),
                    count: *n,
                    selected: self.query.clusters.contains(k),
                })
                .collect(),
            Focus::Cities => Vec::new(),
        }
    }

    /// The hit under the city list's cursor.
    pub fn selected_hit(&self) -> Option<&Hit> {
        self.results.hits.get(self.pane(Focus::Cities).cursor)
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
