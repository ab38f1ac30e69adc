//! `App::update`: the only place the explorer's state changes.
//!
//! One `match` on the action and the current mode. Facet and search changes re-run the query
//! at once (the engine is fast at this scale), so counts and the list are always live.
//! Scrolling text, paging by the visible height and the mouse need the frame's measurements:
//! `ui::ViewState::update` answers those and calls the methods at the end of this file.

use super::{Action, App, Focus, Mode, Overlay, Screen};

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
                Mode::Facet | Mode::List => self.browse_action(action),
            },
        }
    }

    fn detail_action(&mut self, action: Action) {
        match action {
            Action::NextCity => self.step_city(true),
            Action::PrevCity => self.step_city(false),
            Action::Back => {
                self.screen = Screen::Browse { searching: false };
                self.focus = Focus::Cities;
            }
            _ => {}
        }
    }

    /// `n`/`p` in the detail view: the next or previous city of the filtered list, from the top.
    fn step_city(&mut self, forward: bool) {
        let len = self.pane_len(Focus::Cities);
        let pane = self.pane_mut(Focus::Cities);
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
            Action::SearchLeave => self.screen = Screen::Browse { searching: false },
            Action::SearchSubmit => self.open_detail(),
            Action::Up | Action::Down => self.move_cursor(Focus::Cities, action),
            _ => {}
        }
    }

    fn browse_action(&mut self, action: Action) {
        let focus = self.focus;
        match action {
            Action::FocusNext => self.focus = focus.next(),
            Action::FocusPrev => self.focus = focus.prev(),
            Action::SearchStart => self.focus_search(),
            Action::ClearAll => {
                self.query.regions.clear();
                self.query.countries.clear();
                self.query.clusters.clear();
                self.query.text.clear();
                self.refresh(false);
            }
            Action::Up | Action::Down | Action::Home | Action::End => {
                self.move_cursor(focus, action);
            }
            Action::Toggle if focus != Focus::Cities => self.toggle(focus),
            Action::ClearPane => self.clear_pane(focus),
            Action::Open if focus == Focus::Cities => self.open_detail(),
            _ => {}
        }
    }

    fn open_detail(&mut self) {
        if self.selected_hit().is_some() {
            self.focus = Focus::Cities;
            self.screen = Screen::Detail;
        }
    }

    /// Moves a pane's cursor by one value, or to either end, clamped to its values. Paging
    /// needs the visible height: the view calls [`App::move_cursor_by`] for it.
    fn move_cursor(&mut self, pane: Focus, action: Action) {
        match action {
            Action::Up => self.move_cursor_by(pane, 1, false),
            Action::Down => self.move_cursor_by(pane, 1, true),
            Action::Home => self.pane_mut(pane).cursor = 0,
            Action::End => self.pane_mut(pane).cursor = self.pane_len(pane).saturating_sub(1),
            _ => {}
        }
    }

    /// Selects or unselects the facet value under a pane's cursor.
    fn toggle(&mut self, pane: Focus) {
        let index = self.pane(pane).cursor;
        let facets = &self.results.facets;
        match pane {
            Focus::Regions => {
                if let Some(&(region, _)) = facets.regions.get(index) {
                    toggle_in(&mut self.query.regions, region);
                }
            }
            Focus::Countries => {
                if let Some((country, _)) = facets.countries.get(index) {
                    toggle_in(&mut self.query.countries, country.clone());
                }
            }
            Focus::Clusters => {
                if let Some(&(cluster, _)) = facets.clusters.get(index) {
                    toggle_in(&mut self.query.clusters, cluster);
                }
            }
            Focus::Cities => return,
        }
        self.refresh(false);
    }

    fn clear_pane(&mut self, pane: Focus) {
        let changed = match pane {
            Focus::Regions => take_nonempty(&mut self.query.regions),
            Focus::Countries => take_nonempty(&mut self.query.countries),
            Focus::Clusters => take_nonempty(&mut self.query.clusters),
            Focus::Cities => false,
        };
        if changed {
            self.refresh(false);
        }
    }

    /// Re-runs the query. After a change of search text the best match is selected; after a
    /// facet change the selected city stays selected if it is still listed.
    fn refresh(&mut self, text_changed: bool) {
        let previous = self.selected_hit().map(|h| h.member);
        self.results = self.engine.run(&self.query);
        let cursor = if text_changed {
            0
        } else {
            previous
                .and_then(|m| self.results.hits.iter().position(|h| h.member == m))
                .unwrap_or(0)
        };
        self.pane_mut(Focus::Cities).cursor = cursor;
        // Facet lists can change length only when the dataset does, but stay safe.
        for pane in Focus::ALL {
            let last = self.pane_len(pane).saturating_sub(1);
            let state = self.pane_mut(pane);
            state.cursor = state.cursor.min(last);
        }
    }

    /// Moves a pane's cursor `rows` values down (or up), clamped to its values: a page of the
    /// view's height, or a notch of the mouse wheel.
    pub fn move_cursor_by(&mut self, pane: Focus, rows: usize, down: bool) {
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
    pub fn click_row(&mut self, pane: Focus, index: usize) {
        self.focus_pane(pane);
        if index < self.pane_len(pane) {
            self.pane_mut(pane).cursor = index;
            if pane != Focus::Cities {
                self.toggle(pane);
            }
        }
    }

    /// Gives a pane the keyboard (a click on its tab), leaving the search box.
    pub fn focus_pane(&mut self, pane: Focus) {
        self.screen = Screen::Browse { searching: false };
        self.focus = pane;
    }

    /// Gives the search box the keyboard.
    pub fn focus_search(&mut self) {
        self.screen = Screen::Browse { searching: true };
        self.focus = Focus::Cities;
    }
}

fn toggle_in<T: Ord>(set: &mut std::collections::BTreeSet<T>, value: T) {
    if !set.remove(&value) {
        set.insert(value);
    }
}

fn take_nonempty<T>(set: &mut std::collections::BTreeSet<T>) -> bool {
    let had = !set.is_empty();
    set.clear();
    had
}
