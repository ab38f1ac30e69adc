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

use crate::model::{Member, Section};
use crate::query::{Engine, Hit, Query, Results};
use ratatui::layout::Rect;
use ratatui::text::Line;
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
    Pane { pane: Focus, first: usize },
    /// A tab of the narrow layout's tab strip.
    Tab(Focus),
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
    pub focus: Focus,
    /// True while the search box has the keyboard.
    pub searching: bool,
    /// True while the help overlay is shown.
    pub help: bool,
    /// First line of the help overlay shown.
    pub help_scroll: usize,
    /// `Some` while the detail view of the selected city is shown.
    pub detail: Option<DetailState>,
    /// The detail view's laid-out text, kept between frames; written by the renderer.
    pub detail_layout: DetailLayout,
    /// Cursor and scroll of each pane, indexed by [`Focus::index`].
    pub panes: [PaneState; 4],
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
        App {
            engine,
            query,
            results,
            focus: Focus::Cities,
            searching: false,
            help: false,
            help_scroll: 0,
            detail: None,
            detail_layout: DetailLayout::default(),
            panes: [PaneState::default(); 4],
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
        } else if self.focus == Focus::Cities {
            Mode::List
        } else {
            Mode::Facet
        }
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
