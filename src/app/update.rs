//! `App::update`: the only place the explorer's state changes.
//!
//! One `match` on the action and the current mode. Facet and search changes re-run the query
//! at once (the engine is fast at this scale), so counts and the list are always live.
//! Scrolling text, paging by the visible height and the mouse need the frame's measurements:
//! `ui::ViewState::update` answers those and calls the methods at the end of this file.

use super::{Action, App, Mode, Overlay, Pane, Screen, Typing};

impl App {
    /// Applies one action.
    pub fn update(&mut self, action: Action) {
        match action {
            Action::Quit => self.quit = true,
            Action::ToggleHelp => {
                self.overlay = match self.overlay {
                    Some(Overlay::Help) => None,
                    None => Some(Overlay::Help),
                };
            }
            Action::CloseHelp => self.overlay = None,
            _ => match self.mode() {
                // Scrolling the help is the view's; nothing else reaches through it.
                Mode::Help => {}
                Mode::Detail => self.detail_action(action),
                Mode::Search => self.search_action(action),
                Mode::Filter => self.filter_action(action),
                Mode::Facet | Mode::List => self.browse_action(action),
                Mode::Map => self.map_action(action),
            },
        }
    }

    fn detail_action(&mut self, action: Action) {
        match action {
            Action::NextCity => self.step_city(true),
            Action::PrevCity => self.step_city(false),
            Action::ToggleMap => self.toggle_map(),
            Action::Back if self.back_to_map() => {}
            Action::Back => {
                self.screen = Screen::Browse {
                    typing: Typing::Nothing,
                };
                self.focus = Pane::Cities;
            }
            _ => {}
        }
    }

    /// `n`/`p` in the detail view: the next or previous city of the filtered list, from the top.
    pub(super) fn step_city(&mut self, forward: bool) {
        let len = self.pane_len(Pane::Cities);
        let pane = self.pane_mut(Pane::Cities);
        let moved = if forward {
            pane.cursor + 1 < len
        } else {
            pane.cursor > 0
        };
        if moved {
            pane.cursor = if forward {
                pane.cursor + 1
            } else {
                pane.cursor - 1
            };
        }
    }

    fn search_action(&mut self, action: Action) {
        match action {
            Action::SearchInput(c) => {
                self.query.text.push(c);
                self.refresh(true);
            }
            Action::SearchBackspace if self.query.text.pop().is_some() => self.refresh(true),
            Action::SearchClear if !self.query.text.is_empty() => {
                self.query.text.clear();
                self.refresh(true);
            }
            Action::SearchLeave => self.set_typing(Typing::Nothing),
            Action::SearchSubmit => self.open_detail(),
            Action::Up | Action::Down => self.move_cursor(Pane::Cities, action),
            _ => {}
        }
    }

    fn filter_action(&mut self, action: Action) {
        let pane = self.focus;
        match action {
            Action::FilterInput(c) => {
                self.pane_filter_mut(pane).push(c);
                self.pane_mut(pane).cursor = 0;
            }
            Action::FilterBackspace if self.pane_filter_mut(pane).pop().is_some() => {
                self.pane_mut(pane).cursor = 0;
            }
            Action::FilterLeave => self.set_typing(Typing::Nothing),
            Action::FilterClear => self.clear_filter(pane),
            Action::Up | Action::Down | Action::PageUp | Action::PageDown => {
                self.move_cursor(pane, action);
            }
            _ => {}
        }
    }

    /// Empties a pane's filter and stops typing it; the cursor stays on its value.
    fn clear_filter(&mut self, pane: Pane) {
        self.set_typing(Typing::Nothing);
        let Pane::Facet(kind) = pane else {
            return;
        };
        let under = self
            .shown_values(kind)
            .nth(self.pane(pane).cursor)
            .map(|(v, _)| v.clone());
        self.pane_filter_mut(pane).clear();
        let at = under.and_then(|v| self.shown_values(kind).position(|(w, _)| *w == v));
        self.pane_mut(pane).cursor = at.unwrap_or(0);
    }

    fn browse_action(&mut self, action: Action) {
        let focus = self.focus;
        match action {
            Action::FocusNext => self.focus = self.next_pane(focus),
            Action::FocusPrev => self.focus = self.prev_pane(focus),
            Action::SearchStart => self.focus_search(),
            Action::FilterStart if focus != Pane::Cities => self.set_typing(Typing::PaneFilter),
            Action::FilterClear => self.clear_filter(focus),
            Action::ClearAll => {
                self.query.clear_facets();
                self.query.text.clear();
                for pane in self.panes() {
                    self.pane_filter_mut(pane).clear();
                }
                self.refresh(false);
            }
            Action::Up | Action::Down | Action::Home | Action::End => {
                self.move_cursor(focus, action);
            }
            Action::Toggle if focus != Pane::Cities => self.toggle(focus),
            Action::ClearPane => self.clear_pane(focus),
            Action::Open if focus == Pane::Cities => self.open_detail(),
            Action::ToggleMap => self.toggle_map(),
            _ => {}
        }
    }

    fn open_detail(&mut self) {
        if self.selected_hit().is_some() {
            self.focus = Pane::Cities;
            self.screen = Screen::Detail;
        }
    }

    /// Moves a pane's cursor by one value, or to either end, clamped to its values. Paging
    /// needs the visible height: the view calls [`App::move_cursor_by`] for it.
    fn move_cursor(&mut self, pane: Pane, action: Action) {
        match action {
            Action::Up => self.move_cursor_by(pane, 1, false),
            Action::Down => self.move_cursor_by(pane, 1, true),
            Action::Home => self.pane_mut(pane).cursor = 0,
            Action::End => self.pane_mut(pane).cursor = self.pane_len(pane).saturating_sub(1),
            _ => {}
        }
    }

    /// Selects or unselects the facet value under a pane's cursor.
    fn toggle(&mut self, pane: Pane) {
        let Pane::Facet(kind) = pane else {
            return;
        };
        let index = self.pane(pane).cursor;
        let value = self.shown_values(kind).nth(index).map(|(v, _)| v.clone());
        if let Some(value) = value {
            self.query.toggle(kind, value);
            self.refresh(false);
        }
    }

    fn clear_pane(&mut self, pane: Pane) {
        if let Pane::Facet(kind) = pane
            && self.query.clear(&kind)
        {
            self.refresh(false);
        }
    }

    /// Re-runs the query. After a change of search text the best match is selected; after a
    /// facet change the selected city stays selected if it is still listed.
    fn refresh(&mut self, text_changed: bool) {
        let previous = self.selected_hit().map(|h| h.member);
        self.results = self.engine.run(&self.query);
        // Another list: the map fits it again.
        self.placed = super::map::placed(&self.engine, &self.results);
        self.map.view = None;
        let cursor = if text_changed {
            0
        } else {
            previous
                .and_then(|m| self.results.hits.iter().position(|h| h.member == m))
                .unwrap_or(0)
        };
        self.pane_mut(Pane::Cities).cursor = cursor;
        // Facet lists can change length only when the dataset does, but stay safe.
        for pane in self.panes() {
            let last = self.pane_len(pane).saturating_sub(1);
            let state = self.pane_mut(pane);
            state.cursor = state.cursor.min(last);
        }
    }

    /// Moves a pane's cursor `rows` values down (or up), clamped to its values: a page of the
    /// view's height, or a notch of the mouse wheel.
    pub fn move_cursor_by(&mut self, pane: Pane, rows: usize, down: bool) {
        let last = self.pane_len(pane).saturating_sub(1);
        let state = self.pane_mut(pane);
        state.cursor = if down {
            state.cursor.saturating_add(rows).min(last)
        } else {
            state.cursor.saturating_sub(rows)
        };
    }

    /// A click on row `index` of a pane: focus it and put the cursor there; on a facet value,
    /// also select or unselect it.
    pub fn click_row(&mut self, pane: Pane, index: usize) {
        self.focus_pane(pane);
        if index < self.pane_len(pane) {
            self.pane_mut(pane).cursor = index;
            if pane != Pane::Cities {
                self.toggle(pane);
            }
        }
    }

    /// Gives a pane the keyboard (a click on its tab), leaving any text field.
    pub fn focus_pane(&mut self, pane: Pane) {
        self.set_typing(Typing::Nothing);
        self.focus = pane;
    }

    /// Gives the search box the keyboard.
    pub fn focus_search(&mut self) {
        self.set_typing(Typing::Search);
        self.focus = Pane::Cities;
    }

    /// Puts the browse screen's keyboard on a text field, or on the panes.
    fn set_typing(&mut self, typing: Typing) {
        self.screen = Screen::Browse { typing };
    }
}
