//! What the screen measured, kept apart from what the user chose.
//!
//! [`App`] holds the user's choices: filters, cursors, the screen, the focus. A [`ViewState`]
//! holds what only a drawn frame can know: where each scrolling view starts and how many rows
//! it shows, where the mouse can hit, the detail view's laid-out text, a section jump waiting
//! for the layout that resolves it. The renderer reads `&App` and writes `&mut ViewState`.
//!
//! [`ViewState::update`] is the one entry for actions: it answers those that need the
//! frame's measurements (paging by the visible height, scrolling text that has no cursor,
//! mouse clicks and the wheel) and hands every other action to `App::update`.

use super::scroll::{Scroll, Step};
use crate::app::{Action, App, Mode, Pane};
use crate::model::Section;
use ratatui::layout::Rect;
use ratatui::text::Line;
use std::collections::HashMap;

/// How far one notch of the mouse wheel moves.
const WHEEL_STEP: usize = 3;

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
    /// The profile query the matches are highlighted for ("" for none).
    pub highlight: String,
    /// The lines that hold a highlighted match, ascending.
    pub match_lines: Vec<usize>,
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
            .field("highlight", &self.highlight)
            .field("match_lines", &self.match_lines.len())
            .field("computed", &self.computed)
            .finish()
    }
}

/// Everything the screen measured at the last frame.
#[derive(Debug, Default)]
pub struct ViewState {
    /// Each pane's scroll (none yet: the top); the cursor itself is in `App`.
    panes: HashMap<Pane, Scroll>,
    /// The detail view's scroll; the renderer clamps it to the text.
    pub detail: Scroll,
    /// The help overlay's scroll.
    pub help: Scroll,
    /// The stats screen's table scroll (when the charts do not fit).
    pub stats: Scroll,
    /// A section to scroll to at the next frame (its line depends on the wrap width).
    pub jump: Option<Section>,
    /// The detail view's laid-out text.
    pub detail_layout: DetailLayout,
    /// Where the last frame drew what, for mouse clicks.
    pub mouse_areas: Vec<MouseArea>,
    /// The colours frames are drawn with (the user's config file may change them).
    pub palette: super::theme::Palette,
    /// Scroll to the next line with a match at the next frame.
    pub jump_match: bool,
    /// Scroll to the Similar cities section at the next frame.
    pub jump_similar: bool,
    /// The last member's similar cities, kept between frames (a peers query is not free on
    /// large data).
    pub similar: Option<(usize, crate::fulltext::Peers)>,
    /// The map's canvas as the last frame drew it (area and bounds), for clicks on the map;
    /// `None` when no map was drawn.
    pub map: Option<crate::geo::Screen>,
}

impl ViewState {
    /// A pane's scroll as the last frame left it.
    pub fn pane(&self, pane: Pane) -> Scroll {
        self.panes.get(&pane).copied().unwrap_or_default()
    }

    pub fn pane_mut(&mut self, pane: Pane) -> &mut Scroll {
        self.panes.entry(pane).or_default()
    }

    /// Applies one action: the view's own (paging, text scrolling, the mouse), or the app's.
    pub fn update(&mut self, app: &mut App, action: Action) {
        if !action.edits_text() {
            app.settle();
        }
        app.notice = None;
        let mode = app.mode();
        match (action, mode) {
            (Action::Click { column, row }, _) => self.click(app, column, row),
            (Action::Wheel { column, row, down }, _) => self.wheel(app, column, row, down),
            (Action::ToggleHelp, _) => {
                self.help = Scroll {
                    page: self.help.page,
                    ..Scroll::default()
                };
                app.update(action);
            }
            (_, Mode::Help) => match step(action) {
                Some(step) => self.help.apply(step),
                None => app.update(action),
            },
            (_, Mode::Stats) => match step(action) {
                Some(step) => self.stats.apply(step),
                None => app.update(action),
            },
            (Action::Stats, _) => {
                self.stats = Scroll::default();
                app.update(action);
            }
            (Action::ToggleMark, Mode::Detail) => app.update(action),
            // Acting outside leaves the view where it is.
            (Action::CopyProfile | Action::OpenSource | Action::Suspend | Action::Redraw, _) => {
                app.update(action);
            }
            (Action::JumpSection(section), Mode::Detail) => self.jump = Some(section),
            (Action::NextMatch, Mode::Detail) => self.jump_match = true,
            (Action::NextSimilar | Action::PrevSimilar, Mode::Detail) => {
                app.update(action);
                self.jump_similar = true;
            }
            (Action::NextCity | Action::PrevCity, Mode::Detail) => {
                let before = app.selected_hit().map(|h| h.member);
                app.update(action);
                if app.selected_hit().map(|h| h.member) != before {
                    // A new city starts at the top.
                    self.detail.offset = 0;
                    self.jump = None;
                }
            }
            (_, Mode::Detail) => {
                if let Some(step) = step(action) {
                    self.detail.apply(step);
                } else {
                    app.update(action);
                    self.detail.offset = 0;
                    self.jump = None;
                }
            }
            (Action::PageUp | Action::PageDown, _) => {
                let pane = if mode == Mode::Search {
                    Pane::Cities
                } else {
                    app.focus
                };
                let rows = self.pane(pane).page_step();
                app.move_cursor_by(pane, rows, action == Action::PageDown);
            }
            (Action::HalfPageUp | Action::HalfPageDown, Mode::Facet | Mode::List) => {
                let rows = self.pane(app.focus).half_page();
                app.move_cursor_by(app.focus, rows, action == Action::HalfPageDown);
            }
            (Action::SearchSubmit | Action::Open, _) => {
                self.detail.offset = 0;
                self.jump = None;
                app.update(action);
            }
            _ => app.update(action),
        }
    }

    /// The mouse area under a cell, topmost (last drawn) first.
    fn target_at(&self, column: u16, row: u16) -> Option<(Target, u16)> {
        self.mouse_areas
            .iter()
            .rev()
            .find(|a| {
                column >= a.area.x
                    && column < a.area.right()
                    && row >= a.area.y
                    && row < a.area.bottom()
            })
            .map(|a| (a.target, row - a.area.y))
    }

    fn click(&mut self, app: &mut App, column: u16, row: u16) {
        let mode = app.mode();
        if mode == Mode::Help {
            // A click anywhere closes the overlay, like Esc.
            app.update(Action::CloseHelp);
            return;
        }
        if matches!(mode, Mode::Detail | Mode::Stats | Mode::Prompt) {
            return;
        }
        if mode == Mode::Map {
            self.click_map(app, column, row);
            return;
        }
        match self.target_at(column, row) {
            Some((Target::Pane { pane, first }, dy)) => {
                app.click_row(pane, first + usize::from(dy));
            }
            Some((Target::Tab(pane), _)) => app.focus_pane(pane),
            Some((Target::SearchBox, _)) => app.focus_search(),
            _ => {}
        }
    }

    /// A click on the map selects the listed city drawn nearest to the pointer.
    fn click_map(&self, app: &mut App, column: u16, row: u16) {
        let Some(screen) = self.map else {
            return;
        };
        if let Some((index, _)) = screen.nearest(column, row, app.placed()) {
            app.select_city(index);
        }
    }

    fn wheel(&mut self, app: &mut App, column: u16, row: u16, down: bool) {
        if app.mode() == Mode::Map {
            app.update(if down {
                Action::ZoomOut
            } else {
                Action::ZoomIn
            });
            return;
        }
        let step = if down {
            Step::Down(WHEEL_STEP)
        } else {
            Step::Up(WHEEL_STEP)
        };
        match (self.target_at(column, row), app.mode()) {
            (Some((Target::Help, _)), _) => self.help.apply(step),
            (Some((Target::Detail, _)), Mode::Detail) => self.detail.apply(step),
            (
                Some((Target::Pane { pane, .. }, _)),
                Mode::Facet | Mode::Filter | Mode::List | Mode::Search,
            ) => {
                app.move_cursor_by(pane, WHEEL_STEP, down);
            }
            _ => {}
        }
    }
}

/// The scroll step a moving key means for a view without a cursor.
fn step(action: Action) -> Option<Step> {
    match action {
        Action::Up => Some(Step::Up(1)),
        Action::Down => Some(Step::Down(1)),
        Action::PageUp => Some(Step::PageUp),
        Action::PageDown => Some(Step::PageDown),
        Action::Home => Some(Step::Top),
        Action::End => Some(Step::Bottom),
        Action::HalfPageUp => Some(Step::HalfPageUp),
        Action::HalfPageDown => Some(Step::HalfPageDown),
        _ => None,
    }
}

/// The app with its view state: what the event loop drives, and what tests drive without a
/// terminal. Reads of the app's state go through to the [`App`].
#[derive(Debug)]
pub struct Explorer {
    pub app: App,
    pub view: ViewState,
}

impl Explorer {
    /// `app` before its first frame.
    pub fn new(app: App) -> Explorer {
        Explorer {
            app,
            view: ViewState::default(),
        }
    }

    /// Inserts pasted text where the keyboard is (see [`App::paste`]).
    pub fn paste(&mut self, text: &str) {
        self.app.paste(text);
    }

    /// Applies one action (see [`ViewState::update`]).
    pub fn update(&mut self, action: Action) {
        self.view.update(&mut self.app, action);
    }

    /// Draws one frame (see [`super::render`]).
    pub fn draw(&mut self, frame: &mut ratatui::Frame) {
        self.app.settle();
        super::render(frame, &self.app, &mut self.view);
    }
}

impl std::ops::Deref for Explorer {
    type Target = App;
    fn deref(&self) -> &App {
        &self.app
    }
}

impl std::ops::DerefMut for Explorer {
    fn deref_mut(&mut self) -> &mut App {
        &mut self.app
    }
}
