//! The map screen's choices: which part of the world the user looks at, and the screen that
//! leaving the map (or a detail view opened from it) returns to.
//!
//! The view is the user's: `None` until they zoom or pan, which means "fitted to the filtered
//! list" and follows the filters; once moved it stays until `0` resets it or the filters
//! change. Everything measured on screen (the canvas area and its projection) belongs to the
//! view state (`ui::ViewState::map`), not here.

use super::{Action, App, MapBack, Pane, Screen, Typing};
use crate::geo::{DEFAULT_MIN_SPAN, View};
use crate::model::Coordinates;
use crate::query::{Engine, Results};

/// How much `+` and `-` zoom.
pub const ZOOM_STEP: f64 = 2.0;

/// How far one pan key moves the view, as a fraction of its span.
pub const PAN_STEP: f64 = 0.25;

/// The members of `results` that have coordinates: (position in the list, coordinates).
pub(super) fn placed(engine: &Engine, results: &Results) -> Vec<(usize, Coordinates)> {
    results
        .hits
        .iter()
        .enumerate()
        .filter_map(|(i, h)| engine.member(h.member).coordinates.map(|c| (i, c)))
        .collect()
}

/// The map's state in the app.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct MapState {
    /// The view the user zoomed or panned to; `None`: fitted to the filtered list.
    pub view: Option<View>,
    /// Set while a detail view opened from the map is shown: Esc there returns to the map,
    /// which then returns to this screen.
    pub detail_from: Option<MapBack>,
}

impl App {
    /// The view fitted to the filtered list: the whole world when nothing filters it (or no
    /// listed member has coordinates), else the listed members' coordinates framed with at
    /// least [`DEFAULT_MIN_SPAN`] degrees.
    pub fn fitted_map_view(&self) -> View {
        if !self.query().has_selections() && self.query().text.trim().is_empty() {
            return View::WORLD;
        }
        View::fit(self.placed().map(|(_, c)| c), DEFAULT_MIN_SPAN)
    }

    /// The view the map shows: the user's, else the fitted one.
    pub fn map_view(&self) -> View {
        self.map.view.unwrap_or_else(|| self.fitted_map_view())
    }

    /// The filtered list's members that have coordinates: (position in the list, coordinates).
    pub fn placed(&self) -> impl ExactSizeIterator<Item = (usize, Coordinates)> + '_ {
        self.placed.iter().copied()
    }

    /// Puts the city list's cursor on position `index` of the filtered list (a click on the
    /// map), and keeps that city in view.
    pub fn select_city(&mut self, index: usize) {
        if index < self.pane_len(Pane::Cities) {
            self.pane_mut(Pane::Cities).cursor = index;
            self.follow_selected();
        }
    }

    /// Opens the map from the current screen, or leaves it for the screen it came from.
    pub(super) fn toggle_map(&mut self) {
        self.screen = match self.screen {
            Screen::Map {
                back: MapBack::Detail,
            } if self.selected_hit().is_some() => Screen::Detail,
            Screen::Map { .. } => {
                self.focus = Pane::Cities;
                Screen::Browse {
                    typing: Typing::Nothing,
                }
            }
            Screen::Detail => Screen::Map {
                back: MapBack::Detail,
            },
            Screen::Browse { .. } | Screen::Stats => Screen::Map {
                back: MapBack::Browse,
            },
        };
        self.map.detail_from = None;
    }

    /// The keys of the map screen.
    pub(super) fn map_action(&mut self, action: Action) {
        let view = self.map_view();
        match action {
            Action::ToggleMap | Action::Back => self.toggle_map(),
            Action::NextCity => {
                self.step_city(true);
                self.follow_selected();
            }
            Action::PrevCity => {
                self.step_city(false);
                self.follow_selected();
            }
            Action::Home => self.select_city(0),
            Action::End => self.select_city(self.pane_len(Pane::Cities).saturating_sub(1)),
            Action::Open => {
                if let Screen::Map { back } = self.screen
                    && self.selected_hit().is_some()
                {
                    self.screen = Screen::Detail;
                    self.map.detail_from = Some(back);
                }
            }
            Action::ZoomIn => self.map.view = Some(view.zoom(ZOOM_STEP)),
            Action::ZoomOut => self.map.view = Some(view.zoom(1.0 / ZOOM_STEP)),
            Action::PanWest => self.map.view = Some(view.pan(-PAN_STEP, 0.0)),
            Action::PanEast => self.map.view = Some(view.pan(PAN_STEP, 0.0)),
            Action::PanNorth => self.map.view = Some(view.pan(0.0, PAN_STEP)),
            Action::PanSouth => self.map.view = Some(view.pan(0.0, -PAN_STEP)),
            Action::ResetMap => self.map.view = None,
            _ => {}
        }
    }

    /// Esc in a detail view opened from the map: back to the map. False when the detail view
    /// was not opened from the map.
    pub(super) fn back_to_map(&mut self) -> bool {
        match self.map.detail_from.take() {
            Some(back) => {
                self.screen = Screen::Map { back };
                true
            }
            None => false,
        }
    }

    /// Recentres the map on the selected city when it is outside the spans the view must
    /// show (the canvas may show a little more; this keeps the rule independent of its size).
    fn follow_selected(&mut self) {
        let Some(c) = self.selected_member().and_then(|m| m.coordinates) else {
            return;
        };
        let view = self.map_view();
        let inside = (c.lon - view.lon).abs() <= view.span_lon / 2.0
            && (c.lat - view.lat).abs() <= view.span_lat / 2.0;
        if !inside {
            self.map.view = Some(
                View {
                    lon: c.lon,
                    lat: c.lat,
                    ..view
                }
                .clamped(),
            );
        }
    }
}
