//! The explorer's state machine: what is selected, focused and shown, and nothing about how
//! it looks.
//!
//! State changes only in [`App::update`] (see `update.rs`), one [`Action`] at a time, so tests
//! drive the explorer without a terminal. Rendering (`ui`) reads this state; the only things it
//! writes back are scroll offsets, page heights and the screen areas the mouse can hit, which
//! depend on the terminal size and are meaningless without a frame.

pub mod action;
pub mod keymap;
mod update;

pub use action::Action;
pub use keymap::Mode;

use crate::facet::FacetKind;
use crate::model::{Member, Section};
use crate::query::{Engine, Hit, Query, Results};
use ratatui::layout::Rect;
use ratatui::text::Line;
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

/// A scrollable list's cursor and the first row shown.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PaneState {
    /// Index of the value under the cursor.
    pub cursor: usize,
    /// Index of the first visible value; kept in view of the cursor by the renderer.
    pub offset: usize,
    /// How many rows the pane showed at the last frame (for PgUp/PgDn).
    pub rows: usize,
}

/// The detail view's scroll state.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DetailState {
    /// First line shown; the renderer clamps it to the text.
    pub scroll: usize,
    /// A section to scroll to at the next frame (its line depends on the wrap width).
    pub jump: Option<Section>,
    /// Lines shown at the last frame (for PgUp/PgDn).
    pub rows: usize,
}

/// The detail view's text laid out for one member at one width, kept between frames.
///
/// Laying out a profile is linear in its length, but doing it at every frame would make
/// scrolling a 10 MB profile crawl. The renderer lays the text out again only when the key
/// (member, width, colour) changes, and each frame draws only the visible lines.
#[derive(Clone, Default)]
pub struct DetailLayout {
    /// The member index, the width in cells and the colour setting the lines are for.
    pub key: Option<(usize, usize, bool)>,
    /// The profile's lines, wrapped at the width.
    pub lines: Vec<Line<'static>>,
    /// The line of each section's heading, in `Section::ALL` order.
    pub sections: [Option<usize>; 3],
    /// How many layouts were computed so far (lets tests prove a frame reuses the last one).
    pub computed: usize,
}

impl std::fmt::Debug for DetailLayout {
    /// The key and sizes only: the lines can be megabytes of text.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DetailLayout")
            .field("key", &self.key)
            .field("lines", &self.lines.len())
            .field("sections", &self.sections)
            .field("computed", &self.computed)
            .finish()
    }
}

/// What a screen area is, for the mouse.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// The rows of a pane; row `y` of the area is value `first + (y - area.y)`.
    Pane { pane: Pane, first: usize },
    /// A tab of the narrow layout's tab strip.
    Tab(Pane),
    /// The search box.
    SearchBox,
    /// The detail view's text.
    Detail,
    /// The help overlay.
    Help,
}

/// A screen area the mouse can hit, as drawn at the last frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MouseArea {
    pub area: Rect,
    pub target: Target,
}

/// One value of a facet pane as shown: its label, its live count, whether it is selected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FacetRow<'a> {
    pub label: Cow<'a, str>,
    pub count: usize,
    pub selected: bool,
}

/// The whole explorer state.
#[derive(Debug)]
#[allow(clippy::struct_excessive_bools)] // independent flags (search, help, colour, quit), not one state
pub struct App {
    engine: Engine,
    query: Query,
    results: Results,
    /// The pane with the keyboard (when neither the search box, the detail view nor the help
    /// has it).
    pub focus: Pane,
    /// True while the search box has the keyboard.
    pub searching: bool,
    /// True while the focused facet pane's filter is being typed.
    pub filtering: bool,
    /// Each pane's filter of its values, in [`App::panes`] order (the city list's is unused).
    pane_filters: Vec<String>,
    /// True while the help overlay is shown.
    pub help: bool,
    /// First line of the help overlay shown.
    pub help_scroll: usize,
    /// `Some` while the detail view of the selected city is shown.
    pub detail: Option<DetailState>,
    /// The detail view's laid-out text, kept between frames; written by the renderer.
    pub detail_layout: DetailLayout,
    /// Cursor and scroll of each pane, in [`App::panes`] order.
    pane_states: Vec<PaneState>,
    /// False when colours are off (`NO_COLOR`); selection then shows by reverse and bold.
    pub color: bool,
    /// Set when the user asked to quit.
    pub quit: bool,
    /// Where the last frame drew what, for mouse clicks; written by the renderer.
    pub mouse_areas: Vec<MouseArea>,
}

impl App {
    /// An explorer on `engine`'s data, opened with `query` applied (the command line's
    /// `--region`, `--search`...). Colours are on unless `NO_COLOR` is set and not empty.
    pub fn new(engine: Engine, query: Query) -> App {
        let results = engine.run(&query);
        let pane_states = vec![PaneState::default(); engine.kinds().count() + 1];
        App {
            engine,
            query,
            results,
            focus: Pane::Cities,
            searching: false,
            filtering: false,
            pane_filters: vec![String::new(); pane_states.len()],
            help: false,
            help_scroll: 0,
            detail: None,
            detail_layout: DetailLayout::default(),
            pane_states,
            color: std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
            quit: false,
            mouse_areas: Vec::new(),
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

    /// Which keys apply now.
    pub fn mode(&self) -> Mode {
        if self.help {
            Mode::Help
        } else if self.detail.is_some() {
            Mode::Detail
        } else if self.searching {
            Mode::Search
        } else if self.filtering && self.focus != Pane::Cities {
            Mode::Filter
        } else if self.focus == Pane::Cities {
            Mode::List
        } else {
            Mode::Facet
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

    /// The cities currently listed, in order.
    pub fn listed_cities(&self) -> Vec<&str> {
        self.results
            .hits
            .iter()
            .map(|h| self.engine.member(h.member).city.as_str())
            .collect()
    }
}
