//! `App::update`: the only place the explorer's state changes.
//!
//! One `match` on the action and the current mode. Facet and search changes re-run the query
//! at once (the engine is fast at this scale), so counts and the list are always live.

use super::{Action, App, DetailState, Mode, Pane, Target};

/// How far one notch of the mouse wheel moves.
const WHEEL_STEP: usize = 3;

impl App {
    /// Applies one action.
    pub fn update(&mut self, action: Action) {
        match action {
            Action::Quit => self.quit = true,
            Action::ToggleHelp => {
                self.help = !self.help;
                self.help_scroll = 0;
            }
            Action::CloseHelp => self.help = false,
            Action::Click { column, row } => self.click(column, row),
            Action::Wheel { column, row, down } => self.wheel(column, row, down),
            _ => match self.mode() {
                Mode::Help => self.help_action(action),
                Mode::Detail => self.detail_action(action),
                Mode::Search => self.search_action(action),
                Mode::Filter => self.filter_action(action),
                Mode::Facet | Mode::List => self.browse_action(action),
            },
        }
    }

    fn help_action(&mut self, action: Action) {
        let scroll = &mut self.help_scroll;
        match action {
            Action::Up => *scroll = scroll.saturating_sub(1),
            Action::Down => *scroll = scroll.saturating_add(1),
            Action::PageUp => *scroll = scroll.saturating_sub(10),
            Action::PageDown => *scroll = scroll.saturating_add(10),
            Action::Home => *scroll = 0,
            Action::End => *scroll = usize::MAX,
            _ => {}
        }
    }

    fn detail_action(&mut self, action: Action) {
        let Some(detail) = self.detail.as_mut() else {
            return;
        };
        let page = detail.rows.max(1);
        match action {
            Action::Up => detail.scroll = detail.scroll.saturating_sub(1),
            Action::Down => detail.scroll = detail.scroll.saturating_add(1),
            Action::PageUp => detail.scroll = detail.scroll.saturating_sub(page),
            Action::PageDown => detail.scroll = detail.scroll.saturating_add(page),
            Action::Home => detail.scroll = 0,
            // The renderer clamps this to the last page.
            Action::End => detail.scroll = usize::MAX,
            Action::JumpSection(section) => detail.jump = Some(section),
            Action::NextCity => self.step_city(true),
            Action::PrevCity => self.step_city(false),
            Action::Back => {
                self.detail = None;
                self.focus = Pane::Cities;
                self.searching = false;
            }
            _ => {}
        }
    }

    /// `n`/`p` in the detail view: the next or previous city of the filtered list, from the top.
    fn step_city(&mut self, forward: bool) {
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
            let rows = self.detail.map_or(0, |d| d.rows);
            self.detail = Some(DetailState {
                rows,
                ..DetailState::default()
            });
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
            Action::SearchLeave => self.searching = false,
            Action::SearchSubmit if self.selected_hit().is_some() => {
                self.searching = false;
                self.open_detail();
            }
            Action::Up | Action::Down | Action::PageUp | Action::PageDown => {
                self.move_cursor(Pane::Cities, action);
            }
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
            Action::FilterLeave => self.filtering = false,
            Action::FilterClear => self.clear_filter(pane),
            Action::Up | Action::Down | Action::PageUp | Action::PageDown => {
                self.move_cursor(pane, action);
            }
            _ => {}
        }
    }

    /// Empties a pane's filter and stops typing it; the cursor stays on its value.
    fn clear_filter(&mut self, pane: Pane) {
        self.filtering = false;
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
            Action::SearchStart => {
                self.searching = true;
                self.focus = Pane::Cities;
            }
            Action::FilterStart if focus != Pane::Cities => self.filtering = true,
            Action::FilterClear => self.clear_filter(focus),
            Action::ClearAll => {
                self.query.clear_facets();
                self.query.text.clear();
                for pane in self.panes() {
                    self.pane_filter_mut(pane).clear();
                }
                self.refresh(false);
            }
            Action::Up
            | Action::Down
            | Action::PageUp
            | Action::PageDown
            | Action::Home
            | Action::End => self.move_cursor(focus, action),
            Action::Toggle if focus != Pane::Cities => self.toggle(focus),
            Action::ClearPane => self.clear_pane(focus),
            Action::Open if focus == Pane::Cities => self.open_detail(),
            _ => {}
        }
    }

    fn open_detail(&mut self) {
        if self.selected_hit().is_some() {
            self.focus = Pane::Cities;
            self.detail = Some(DetailState::default());
        }
    }

    /// Moves a pane's cursor, clamped to its values.
    fn move_cursor(&mut self, pane: Pane, action: Action) {
        let len = self.pane_len(pane);
        let state = self.pane_mut(pane);
        let page_rows = state.rows.max(1);
        let last = len.saturating_sub(1);
        state.cursor = match action {
            Action::Up => state.cursor.saturating_sub(1),
            Action::Down => state.cursor.saturating_add(1).min(last),
            Action::PageUp => state.cursor.saturating_sub(page_rows),
            Action::PageDown => state.cursor.saturating_add(page_rows).min(last),
            Action::Home => 0,
            Action::End => last,
            _ => state.cursor,
        };
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

    fn click(&mut self, column: u16, row: u16) {
        if self.help {
            // A click anywhere closes the overlay, like Esc.
            self.help = false;
            return;
        }
        match self.target_at(column, row) {
            Some((Target::Pane { pane, first }, dy)) if self.detail.is_none() => {
                self.searching = false;
                self.filtering = false;
                self.focus = pane;
                let index = first + usize::from(dy);
                if index < self.pane_len(pane) {
                    self.pane_mut(pane).cursor = index;
                    if pane != Pane::Cities {
                        self.toggle(pane);
                    }
                }
            }
            Some((Target::Tab(pane), _)) if self.detail.is_none() => {
                self.searching = false;
                self.filtering = false;
                self.focus = pane;
            }
            Some((Target::SearchBox, _)) if self.detail.is_none() => {
                self.searching = true;
                self.filtering = false;
                self.focus = Pane::Cities;
            }
            _ => {}
        }
    }

    fn wheel(&mut self, column: u16, row: u16, down: bool) {
        let step = |v: usize| {
            if down {
                v.saturating_add(WHEEL_STEP)
            } else {
                v.saturating_sub(WHEEL_STEP)
            }
        };
        match self.target_at(column, row) {
            Some((Target::Help, _)) => self.help_scroll = step(self.help_scroll),
            Some((Target::Detail, _)) => {
                if let Some(detail) = self.detail.as_mut() {
                    detail.scroll = step(detail.scroll);
                }
            }
            Some((Target::Pane { pane, .. }, _)) if self.detail.is_none() && !self.help => {
                let last = self.pane_len(pane).saturating_sub(1);
                let state = self.pane_mut(pane);
                state.cursor = step(state.cursor).min(last);
            }
            _ => {}
        }
    }
}
