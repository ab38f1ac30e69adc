//! The explorer's side of profile-text search and "cities like this one": which text the
//! search box edits (the [`TextScope`]), the text index being built on a thread, and the
//! cities opened from a profile's Similar cities section.
//!
//! The index takes seconds at 100k members, so it is never built before the first frame:
//! [`App::start_text_index`] spawns a thread (the event loop calls it after drawing once) and
//! [`App::poll_text_index`], called by the loop between events, hands the finished index to
//! the engine and re-runs the query. Tests inject the channel
//! ([`App::start_text_index_from`]) to see the explorer before and after.

use super::{App, Pane, Screen, Typing};
use crate::fulltext::{Peers, TextIndex, TextQuery};
use crate::query::TextScope;
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, TryRecvError};

/// How many similar cities the detail view lists.
pub const SIMILAR: usize = 5;

/// Where the text index is.
#[derive(Debug, Default)]
pub(crate) enum IndexState {
    /// Not asked for yet.
    #[default]
    Idle,
    /// Being built; arrives on the channel.
    Building(Receiver<Arc<TextIndex>>),
    /// Given to the engine (or the build failed: the channel closed).
    Done,
}

impl App {
    /// Starts building the text index on a thread, unless the engine has one or it is on
    /// its way.
    pub fn start_text_index(&mut self) {
        if self.engine.text_index().is_some() || !matches!(self.index, IndexState::Idle) {
            return;
        }
        let (send, receive) = mpsc::channel();
        let dataset = self.engine.shared_dataset();
        let spawned = std::thread::Builder::new()
            .name("text index".into())
            .spawn(move || {
                // The explorer may be gone by now: nobody to tell.
                let _ = send.send(Arc::new(TextIndex::new(&dataset.members)));
            });
        self.index = if spawned.is_ok() {
            IndexState::Building(receive)
        } else {
            IndexState::Done
        };
    }

    /// Waits for the text index on `receive` instead of building it (tests send it when
    /// they choose).
    pub fn start_text_index_from(&mut self, receive: Receiver<Arc<TextIndex>>) {
        self.index = IndexState::Building(receive);
    }

    /// Takes the text index if it has arrived; true when it just did (the screen changes).
    pub fn poll_text_index(&mut self) -> bool {
        let IndexState::Building(receive) = &self.index else {
            return false;
        };
        match receive.try_recv() {
            Ok(index) => {
                self.engine.set_text_index(index);
                self.index = IndexState::Done;
                if !self.query.profile.trim().is_empty() {
                    self.refresh(true);
                }
                true
            }
            Err(TryRecvError::Empty) => false,
            Err(TryRecvError::Disconnected) => {
                self.index = IndexState::Done;
                false
            }
        }
    }

    /// True once profile text can be searched.
    pub fn text_index_ready(&self) -> bool {
        self.engine.text_index().is_some()
    }

    /// What the search box searches.
    pub fn scope(&self) -> TextScope {
        self.scope
    }

    /// The text in the search box: the name search or the profile query, by scope.
    pub fn search_text(&self) -> &str {
        match self.scope {
            TextScope::Names => &self.query.text,
            TextScope::Profile => &self.query.profile,
        }
    }

    pub(crate) fn search_text_mut(&mut self) -> &mut String {
        match self.scope {
            TextScope::Names => &mut self.query.text,
            TextScope::Profile => &mut self.query.profile,
        }
    }

    /// Ctrl-T: the search box switches between names and profile text, taking its text along.
    pub(crate) fn toggle_scope(&mut self) {
        let text = std::mem::take(self.search_text_mut());
        self.scope = self.scope.toggled();
        *self.search_text_mut() = text;
        self.refresh(true);
    }

    /// The profile query as parsed, when there is one.
    pub fn profile_query(&self) -> Option<TextQuery> {
        let text = self.query.profile.trim();
        (!text.is_empty()).then(|| TextQuery::parse(text))
    }

    /// The member the detail view shows: the last city opened from Similar cities, else the
    /// one under the list's cursor.
    pub fn detail_member(&self) -> Option<usize> {
        self.opened
            .last()
            .copied()
            .or_else(|| self.selected_hit().map(|h| h.member))
    }

    /// The similar cities of `member` (empty before the index is ready).
    pub fn similar(&self, member: usize) -> Option<Peers> {
        let index = self.engine.text_index()?;
        Some(index.peers(&self.engine.dataset().members, member, SIMILAR))
    }

    /// The selected row of the detail view's Similar cities.
    pub fn similar_cursor(&self) -> usize {
        self.similar_cursor
    }

    /// Tab / Shift-Tab in the detail view: the next or previous similar city.
    pub(crate) fn step_similar(&mut self, forward: bool) {
        let len = self
            .detail_member()
            .and_then(|m| self.similar(m))
            .map_or(0, |p| p.peers.len());
        if len == 0 {
            return;
        }
        self.similar_cursor = if forward {
            (self.similar_cursor + 1) % len
        } else {
            (self.similar_cursor + len - 1) % len
        };
    }

    /// Enter in the detail view: opens the selected similar city; Esc comes back.
    pub(crate) fn open_similar(&mut self) {
        let peer = self
            .detail_member()
            .and_then(|m| self.similar(m))
            .and_then(|p| p.peers.get(self.similar_cursor).map(|p| p.member));
        if let Some(member) = peer {
            self.opened.push(member);
            self.similar_cursor = 0;
        }
    }

    /// Esc in the detail view: back to the city this one was opened from, else to the list.
    pub(crate) fn detail_back(&mut self) {
        self.similar_cursor = 0;
        if self.opened.pop().is_none() {
            self.screen = Screen::Browse {
                typing: Typing::Nothing,
            };
            self.focus = Pane::Cities;
        }
    }
}
