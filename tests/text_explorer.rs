//! Profile-text search and Similar cities in the explorer, driven without a terminal: the
//! state machine (Ctrl-T, the text index arriving from a thread, opening a similar city and
//! coming back) and what frames show (the scope in the search box's title, "indexing" before
//! the index is ready, highlighted snippets, the Similar cities section). The fixture holds
//! the bundled profiles, where only Namyangju speaks of "learning lighthouses".
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // not library code: may fail loudly

mod common;

use common::draw;

use gnlc::app::Action;
use gnlc::fulltext::TextIndex;
use gnlc::query::TextScope;
use gnlc::ui::Explorer;
use ratatui::buffer::Buffer;
use ratatui::style::Modifier;
use std::sync::{Arc, mpsc};

fn rows(buffer: &Buffer) -> Vec<String> {
    let area = buffer.area;
    (0..area.height)
        .map(|y| {
            let mut row = String::new();
            let mut skip = 0;
            for x in 0..area.width {
                if skip > 0 {
                    skip -= 1;
                    continue;
                }
                let symbol = buffer[(x, y)].symbol();
                skip = unicode_width::UnicodeWidthStr::width(symbol).saturating_sub(1);
                row.push_str(symbol);
            }
            row
        })
        .collect()
}

fn screen(buffer: &Buffer) -> String {
    rows(buffer).join("\n")
}

/// The (column, row) cells where `needle` is on screen, as byte offsets in ASCII rows.
fn cell_of(buffer: &Buffer, needle: &str) -> Option<(u16, u16)> {
    rows(buffer).iter().enumerate().find_map(|(y, row)| {
        row.find(needle).map(|byte| {
            let col = unicode_width::UnicodeWidthStr::width(&row[..byte]);
            (col as u16, y as u16)
        })
    })
}

fn type_text(app: &mut Explorer, text: &str) {
    for c in text.chars() {
        app.update(Action::SearchInput(c));
    }
}

/// An explorer on the fixture whose text index is ready.
fn ready() -> Explorer {
    let mut app = common::app();
    let (send, receive) = mpsc::channel();
    app.app.start_text_index_from(receive);
    send.send(Arc::new(TextIndex::new(&common::dataset().members)))
        .expect("send");
    assert!(app.app.poll_text_index());
    app
}

fn city_of_hits(app: &Explorer) -> Vec<String> {
    app.results()
        .hits
        .iter()
        .map(|h| app.engine().member(h.member).city.clone())
        .collect()
}

#[test]
fn ctrl_t_switches_the_scope_and_the_title_says_which() {
    let mut app = ready();
    assert_eq!(app.scope(), TextScope::Names);
    assert!(screen(&draw(&mut app, 160, 45)).contains("Search names"));
    app.update(Action::SearchStart);
    app.update(Action::ToggleScope);
    assert_eq!(app.scope(), TextScope::Profile);
    type_text(&mut app, "learning lighthouses");
    assert_eq!(app.query().profile, "learning lighthouses");
    assert_eq!(app.query().text, "");
    assert_eq!(city_of_hits(&app)[0], "Namyangju");
    let shown = screen(&draw(&mut app, 160, 45));
    assert!(shown.contains("Search profile text"), "{shown}");
    // Leaving the box keeps the scope; switching back takes the text along to names.
    app.update(Action::SearchLeave);
    assert_eq!(app.scope(), TextScope::Profile);
    app.update(Action::ToggleScope);
    assert_eq!(app.scope(), TextScope::Names);
    assert_eq!(app.query().text, "learning lighthouses");
    assert_eq!(app.query().profile, "");
    assert!(app.results().hits.is_empty(), "no city is named so");
}

#[test]
fn the_search_box_says_indexing_until_the_index_arrives() {
    let mut app = common::app();
    let (send, receive) = mpsc::channel();
    app.app.start_text_index_from(receive);
    app.update(Action::SearchStart);
    app.update(Action::ToggleScope);
    type_text(&mut app, "lighthouses");
    assert!(!app.app.poll_text_index());
    let before = screen(&draw(&mut app, 160, 45));
    assert!(before.contains("indexing profiles"), "{before}");
    assert!(app.results().hits.is_empty());
    send.send(Arc::new(TextIndex::new(&common::dataset().members)))
        .expect("send");
    assert!(app.app.poll_text_index());
    assert_eq!(city_of_hits(&app), ["Namyangju"]);
    let after = screen(&draw(&mut app, 160, 45));
    assert!(!after.contains("indexing profiles"), "{after}");
}

#[test]
fn the_list_shows_a_snippet_with_the_matched_word_highlighted() {
    let mut app = ready();
    app.update(Action::SearchStart);
    app.update(Action::ToggleScope);
    type_text(&mut app, "lighthouses");
    // 80 columns: no preview pane, so the word is the list's.
    let buffer = draw(&mut app, 80, 24);
    let (_, y) = cell_of(&buffer, "Namyangju").expect("the hit is listed");
    let row = &rows(&buffer)[usize::from(y)];
    let byte = row.find("lighthouses").expect("the snippet shows the word");
    let x = unicode_width::UnicodeWidthStr::width(&row[..byte]) as u16;
    assert!(buffer[(x, y)].modifier.contains(Modifier::UNDERLINED));
    // A word before it in the snippet is not highlighted.
    assert!(!buffer[(x - 2, y)].modifier.contains(Modifier::UNDERLINED));
}

#[test]
fn the_detail_view_highlights_matches_and_jumps_to_the_next() {
    let mut app = ready();
    app.update(Action::SearchStart);
    app.update(Action::ToggleScope);
    type_text(&mut app, "lighthouses");
    app.update(Action::SearchSubmit);
    draw(&mut app, 100, 30);
    let lines = app.view.detail_layout.match_lines.clone();
    assert!(!lines.is_empty());
    app.update(Action::NextMatch);
    draw(&mut app, 100, 30);
    let first_after_top = lines.iter().find(|&&l| l > 0).or(lines.first()).copied();
    assert_eq!(Some(app.view.detail.offset), first_after_top);
}

#[test]
fn similar_cities_open_with_enter_and_esc_comes_back() {
    let mut app = ready();
    app.update(Action::SearchStart);
    type_text(&mut app, "cork");
    app.update(Action::SearchSubmit);
    let shown = screen(&draw(&mut app, 160, 45));
    let peers = app.app.similar(app.app.detail_member().unwrap()).unwrap();
    assert_eq!(peers.peers.len(), 5);
    app.update(Action::End);
    let shown_end = screen(&draw(&mut app, 160, 45));
    assert!(
        shown.contains("Similar cities") || shown_end.contains("Similar cities"),
        "{shown_end}"
    );
    let second = app.engine().member(peers.peers[1].member).city.clone();
    assert!(shown_end.contains(&second), "{shown_end}");
    app.update(Action::NextSimilar);
    app.update(Action::OpenSimilar);
    assert_eq!(
        app.engine().member(app.app.detail_member().unwrap()).city,
        second
    );
    let opened = screen(&draw(&mut app, 160, 45));
    assert!(opened.lines().next().unwrap().contains(&second), "{opened}");
    app.update(Action::Back);
    assert_eq!(
        app.engine().member(app.app.detail_member().unwrap()).city,
        "Cork"
    );
    assert_eq!(app.mode(), gnlc::app::Mode::Detail);
    app.update(Action::Back);
    assert_eq!(app.mode(), gnlc::app::Mode::List);
}

#[test]
fn selecting_a_similar_city_right_after_end_draws() {
    // End leaves the scroll at its far end until a frame clamps it.
    let mut app = ready();
    app.update(Action::SearchStart);
    type_text(&mut app, "cork");
    app.update(Action::SearchSubmit);
    app.update(Action::End);
    app.update(Action::NextSimilar);
    let shown = screen(&draw(&mut app, 80, 24));
    assert!(shown.contains("Similar cities"), "{shown}");
    assert!(
        shown.contains('›'),
        "the selected row is on screen: {shown}"
    );
}
