//! `App::update`: the only place the explorer's state changes.
//!
//! One `match` on the action and the current mode. Facet and search changes re-run the query
//! at once (the engine is fast at this scale), so counts and the list are always live.
//! Scrolling text, paging by the visible height and the mouse need the frame's measurements:
//! `ui::ViewState::update` answers those and calls the methods at the end of this file.

use super::line::{self, Edit};
use super::{Action, App, Effect, Mode, Overlay, Pane, Runs, Screen, Typing};

impl App {
    /// Applies one action.
    pub fn update(&mut self, action: Action) {
        if !matches!(action, Action::Click { .. } | Action::Wheel { .. }) {
            self.notice = None;
        }
        self.status = None;
        if !action.edits_text() {
            self.settle();
        }
        match action {
            Action::Quit => self.quit = true,
            Action::Suspend => self.push_effect(Effect::Suspend),
            Action::Redraw => self.push_effect(Effect::Redraw),
            Action::CopyProfile | Action::OpenSource
                if matches!(self.mode(), Mode::List | Mode::Detail) =>
            {
                self.outside_action(action);
            }
            Action::ToggleHelp => {
                self.overlay = match self.overlay {
                    Some(Overlay::Help) => None,
                    None => Some(Overlay::Help),
                    // Not reached (the prompt types `?`); the prompt stays.
                    Some(Overlay::Export) => Some(Overlay::Export),
                };
            }
            Action::CloseHelp => self.overlay = None,
            Action::ToggleMark if matches!(self.mode(), Mode::List | Mode::Detail) => {
                self.toggle_mark();
            }
            Action::MoveShortlistAside if matches!(self.mode(), Mode::Facet | Mode::List) => {
                self.move_shortlist_aside();
            }
            _ => match self.mode() {
                // Scrolling the help is the view's; nothing else reaches through it.
                Mode::Help => {}
                Mode::Prompt => self.prompt_action(action),
                Mode::Stats => {
                    if matches!(action, Action::Stats | Action::Back) {
                        self.screen = Screen::Browse {
                            typing: Typing::Nothing,
                        };
                    }
                }
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
            Action::NextCity | Action::PrevCity => {
                self.opened.clear();
                self.similar_cursor = 0;
                self.step_city(action == Action::NextCity);
            }
            Action::ToggleMap => self.toggle_map(),
            Action::Back if self.opened.is_empty() && self.back_to_map() => {}
            Action::Back => self.detail_back(),
            Action::NextSimilar => self.step_similar(true),
            Action::PrevSimilar => self.step_similar(false),
            Action::OpenSimilar => self.open_similar(),
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
        let edit = match action {
            Action::SearchInput(c) => Some(Edit::Insert(c)),
            Action::SearchBackspace => Some(Edit::DeleteBack),
            // Ctrl-U deletes to the start, as in readline: with the cursor at the end, all.
            Action::SearchClear => Some(Edit::DeleteToStart),
            Action::Edit(edit) => Some(edit),
            _ => None,
        };
        if let Some(edit) = edit {
            let mut cursor = self.text_cursor;
            let changed = line::apply(self.search_text_mut(), &mut cursor, edit);
            self.text_cursor = cursor;
            if changed {
                self.refresh(true);
            }
            return;
        }
        match action {
            Action::ToggleScope => self.toggle_scope(),
            Action::SearchLeave => self.set_typing(Typing::Nothing),
            Action::SearchSubmit => self.open_detail(),
            Action::Up | Action::Down => self.move_cursor(Pane::Cities, action),
            _ => {}
        }
    }

    fn filter_action(&mut self, action: Action) {
        let pane = self.focus;
        let edit = match action {
            Action::FilterInput(c) => Some(Edit::Insert(c)),
            Action::FilterBackspace => Some(Edit::DeleteBack),
            Action::Edit(edit) => Some(edit),
            _ => None,
        };
        if let Some(edit) = edit {
            let mut cursor = self.text_cursor;
            if line::apply(self.pane_filter_mut(pane), &mut cursor, edit) {
                self.pane_mut(pane).cursor = 0;
            }
            self.text_cursor = cursor;
            return;
        }
        match action {
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
                self.query.only = None;
                self.query.profile.clear();
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
            Action::Stats => self.screen = Screen::Stats,
            Action::ToggleShortlistOnly => self.toggle_shortlist_only(),
            Action::ExportStart => self.start_export(),
            Action::ToggleScope => self.toggle_scope(),
            Action::ToggleMap => self.toggle_map(),
            _ => {}
        }
    }

    fn open_detail(&mut self) {
        self.opened.clear();
        self.similar_cursor = 0;
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
    pub(crate) fn refresh(&mut self, text_changed: bool) {
        if text_changed && self.runs_now != Runs::Immediate {
            self.runs_now = Runs::Stale;
            return;
        }
        self.run_query(text_changed);
    }

    /// Runs the query if the search text changed while runs were deferred: the one run for a
    /// burst of typing. Called before every action that is not an edit, and before drawing.
    pub fn settle(&mut self) {
        if self.runs_now == Runs::Stale {
            self.runs_now = Runs::Deferred;
            self.run_query(true);
        }
    }

    /// Defers query runs after search edits (`true`) until [`App::settle`], or runs the
    /// pending one and stops deferring (`false`).
    pub fn defer_runs(&mut self, deferred: bool) {
        self.settle();
        self.runs_now = if deferred {
            Runs::Deferred
        } else {
            Runs::Immediate
        };
    }

    /// Inserts pasted text into the text field that has the keyboard, as one line (newlines
    /// and control characters become spaces); where no text field has it, the paste is
    /// ignored with a notice. A paste never quits, opens or moves anything.
    pub fn paste(&mut self, text: &str) {
        self.notice = None;
        match self.mode() {
            Mode::Search => {
                let mut cursor = self.text_cursor;
                let changed = line::insert_str(self.search_text_mut(), &mut cursor, text);
                self.text_cursor = cursor;
                if changed {
                    self.refresh(true);
                }
            }
            Mode::Filter => {
                let pane = self.focus;
                let mut cursor = self.text_cursor;
                if line::insert_str(self.pane_filter_mut(pane), &mut cursor, text) {
                    self.pane_mut(pane).cursor = 0;
                }
                self.text_cursor = cursor;
            }
            _ => self.notice = Some("paste ignored: press / to search, then paste".into()),
        }
    }

    fn run_query(&mut self, text_changed: bool) {
        self.runs += 1;
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
        self.text_cursor = match typing {
            Typing::Nothing => 0,
            Typing::Search => self.search_text().chars().count(),
            Typing::PaneFilter => self.pane_filter(self.focus).chars().count(),
        };
    }
}

impl App {
    /// `y` and `o`: what to copy or open, decided here; doing it is the event loop's.
    fn outside_action(&mut self, action: Action) {
        let Some(member) = self.selected_member() else {
            self.status = Some("no city selected".to_string());
            return;
        };
        let city = member.city.clone();
        match action {
            Action::CopyProfile => {
                let text = crate::markdown::profile(&crate::profile::Document::build(member), 1);
                self.push_effect(Effect::Copy { city, text });
            }
            Action::OpenSource => match source_url(member) {
                Some(url) => {
                    let url = url.to_string();
                    self.push_effect(Effect::OpenUrl { city, url });
                }
                None => self.status = Some(format!("{city} has no source page to open")),
            },
            _ => {}
        }
    }
}

/// The member's source page: the first of its `sources`, then its `source`, that looks like
/// a web address (`http://` or `https://`, no spaces or control characters).
pub fn source_url(member: &crate::model::Member) -> Option<&str> {
    member
        .sources
        .iter()
        .map(String::as_str)
        .chain(member.source.as_deref())
        .map(str::trim)
        .find(|s| {
            (s.starts_with("https://") || s.starts_with("http://"))
                && s.len() > "https://".len()
                && !s.chars().any(|c| c.is_whitespace() || c.is_control())
        })
}
