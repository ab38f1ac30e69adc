//! Input handled without a terminal: a burst of search keys runs the query once, editing keys
//! act at the cursor, pastes go where text goes, Ctrl-D/Ctrl-U move half a page.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // not library code: may fail loudly

mod common;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use gnlc::app::line::Edit;
use gnlc::app::{Action, Mode, Pane, keymap};

fn key(code: KeyCode, modifiers: KeyModifiers) -> Option<Action> {
    keymap::action_for(Mode::Search, KeyEvent::new(code, modifiers))
}

#[test]
fn a_burst_of_search_keys_runs_the_query_once_for_the_final_text() {
    let mut app = common::app();
    app.update(Action::SearchStart);
    let before = app.query_runs();
    app.defer_runs(true);
    for c in "xyz sonder".chars() {
        app.update(Action::SearchInput(c));
    }
    for _ in 0..4 {
        app.update(Action::SearchBackspace);
    }
    app.update(Action::Edit(Edit::Start));
    app.update(Action::Edit(Edit::DeleteWord));
    assert!(app.is_stale());
    assert_eq!(app.query_runs(), before, "no run while the burst lasts");
    app.defer_runs(false);
    assert_eq!(app.query_runs(), before + 1, "one run for the burst");
    assert_eq!(app.query().text, "xyz so");
    // Without deferral (tests, the command line) each edit runs at once.
    app.update(Action::Edit(Edit::End));
    app.update(Action::SearchBackspace);
    assert_eq!(app.query_runs(), before + 2);
}

#[test]
fn a_move_inside_a_burst_sees_the_results_of_the_text_before_it() {
    let mut app = common::app();
    app.update(Action::SearchStart);
    app.defer_runs(true);
    for c in "sonder".chars() {
        app.update(Action::SearchInput(c));
    }
    // Down settles first: one match, so the cursor stays on it.
    app.update(Action::Down);
    assert!(!app.is_stale());
    assert_eq!(app.results().hits.len(), 1);
    assert_eq!(app.pane(Pane::Cities).cursor, 0);
    app.defer_runs(false);
}

#[test]
fn readline_and_fzf_keys_in_the_search_box() {
    let ctrl = KeyModifiers::CONTROL;
    let none = KeyModifiers::NONE;
    assert_eq!(key(KeyCode::Left, none), Some(Action::Edit(Edit::Left)));
    assert_eq!(key(KeyCode::Right, none), Some(Action::Edit(Edit::Right)));
    assert_eq!(key(KeyCode::Home, none), Some(Action::Edit(Edit::Start)));
    assert_eq!(
        key(KeyCode::Char('a'), ctrl),
        Some(Action::Edit(Edit::Start))
    );
    assert_eq!(key(KeyCode::End, none), Some(Action::Edit(Edit::End)));
    assert_eq!(key(KeyCode::Char('e'), ctrl), Some(Action::Edit(Edit::End)));
    assert_eq!(
        key(KeyCode::Char('w'), ctrl),
        Some(Action::Edit(Edit::DeleteWord))
    );
    assert_eq!(
        key(KeyCode::Backspace, KeyModifiers::ALT),
        Some(Action::Edit(Edit::DeleteAlnumWord))
    );
    assert_eq!(
        key(KeyCode::Delete, none),
        Some(Action::Edit(Edit::DeleteForward))
    );
    // Ctrl-U deletes to the start in the search box (the search action, as before).
    assert_eq!(key(KeyCode::Char('u'), ctrl), Some(Action::SearchClear));
    for (c, action) in [
        ('n', Action::Down),
        ('j', Action::Down),
        ('p', Action::Up),
        ('k', Action::Up),
    ] {
        assert_eq!(key(KeyCode::Char(c), ctrl), Some(action), "Ctrl-{c}");
    }
    // Alt still types nothing else.
    assert_eq!(key(KeyCode::Char('b'), KeyModifiers::ALT), None);
}

#[test]
fn ctrl_u_deletes_only_what_is_before_the_cursor() {
    let mut app = common::app();
    app.update(Action::SearchStart);
    for c in "xx sonder".chars() {
        app.update(Action::SearchInput(c));
    }
    for _ in 0.."sonder".len() {
        app.update(Action::Edit(Edit::Left));
    }
    app.update(Action::SearchClear);
    assert_eq!(app.query().text, "sonder");
    assert_eq!(app.text_cursor(), 0);
    assert_eq!(app.results().hits.len(), 1);
}

#[test]
fn a_paste_goes_into_the_focused_text_field_or_nowhere() {
    let mut app = common::app();
    // Nowhere to go: ignored, with a notice; nothing opened or quit.
    app.paste("q\n");
    assert!(!app.quit);
    assert_eq!(app.mode(), Mode::List);
    assert!(app.notice.is_some());
    // The next action clears the notice.
    app.update(Action::Down);
    assert!(app.notice.is_none());
    // The search box: one line.
    app.update(Action::SearchStart);
    app.paste("sond\ner\r\n");
    assert_eq!(app.query().text, "sond er ");
    assert_eq!(app.mode(), Mode::Search);
    // A facet pane's filter.
    app.update(Action::SearchLeave);
    app.update(Action::FocusNext);
    app.update(Action::FilterStart);
    assert_eq!(app.mode(), Mode::Filter);
    app.paste("asia\n");
    assert_eq!(app.pane_filter(app.focus), "asia ");
}

#[test]
fn ctrl_d_and_ctrl_u_move_half_a_page_outside_the_search_box() {
    let mut app = common::app();
    let ctrl = KeyModifiers::CONTROL;
    let list = |c| keymap::action_for(Mode::List, KeyEvent::new(KeyCode::Char(c), ctrl));
    assert_eq!(list('d'), Some(Action::HalfPageDown));
    assert_eq!(list('u'), Some(Action::HalfPageUp));
    // A 10-row list page: half is 5.
    app.view.pane_mut(Pane::Cities).page = 10;
    app.update(Action::HalfPageDown);
    assert_eq!(app.pane(Pane::Cities).cursor, 5);
    app.update(Action::HalfPageUp);
    assert_eq!(app.pane(Pane::Cities).cursor, 0);
    // The detail view scrolls its text by half its page.
    app.update(Action::Open);
    app.view.detail.page = 8;
    app.update(Action::HalfPageDown);
    assert_eq!(app.view.detail.offset, 4);
}
