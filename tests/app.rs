//! The explorer's state machine, driven without a terminal: key presses go through the key
//! table (`keymap::action_for`) and `App::update`, exactly as the event loop does.
//!
//! Expected values come from the fixture (the saved listing page's twelve profiles plus Chisinau): five
//! cities are in Asia and the Pacific (Beijing, Hangzhou, Chengdu, Shenzhen in China,
//! Namyangju in the Republic of Korea), two in Latin America (Villa María, Contagem), six in
//! Europe and North America.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // not library code: may fail loudly

mod common;

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use gnlc::app::{Action, App, Mode, Overlay, Pane, keymap};
use gnlc::facet::{CLUSTER, COUNTRY, JOINED, REGION};
use gnlc::model::{Region, Section};
use gnlc::query::{Engine, Query};
use gnlc::ui::Explorer;

const ASIAN: [&str; 5] = ["Beijing", "Chengdu", "Hangzhou", "Namyangju", "Shenzhen"];

fn press(app: &mut Explorer, code: KeyCode) {
    press_with(app, code, KeyModifiers::NONE);
}

fn press_with(app: &mut Explorer, code: KeyCode, modifiers: KeyModifiers) {
    if let Some(action) = keymap::action_for(app.mode(), KeyEvent::new(code, modifiers)) {
        app.update(action);
    }
}

fn type_text(app: &mut Explorer, text: &str) {
    for c in text.chars() {
        press(app, KeyCode::Char(c));
    }
}

/// The cities currently listed, in order.
fn listed_cities(app: &App) -> Vec<&str> {
    app.results()
        .hits
        .iter()
        .map(|h| app.engine().member(h.member).city.as_str())
        .collect()
}

fn sorted(mut cities: Vec<&str>) -> Vec<&str> {
    cities.sort_unstable();
    cities
}

fn selected_city(app: &Explorer) -> &str {
    app.selected_member().map_or("", |m| m.city.as_str())
}

#[test]
fn focus_starts_on_cities_and_tab_cycles_through_the_panes() {
    let mut app = common::app();
    assert_eq!(app.focus, Pane::Cities);
    assert_eq!(app.mode(), Mode::List);
    let mut seen = Vec::new();
    for _ in 0..5 {
        press(&mut app, KeyCode::Tab);
        seen.push(app.focus);
    }
    assert_eq!(
        seen,
        [
            Pane::Facet(REGION),
            Pane::Facet(COUNTRY),
            Pane::Facet(CLUSTER),
            Pane::Facet(JOINED),
            Pane::Cities
        ]
    );
    press(&mut app, KeyCode::BackTab);
    assert_eq!(app.focus, Pane::Facet(JOINED));
    assert_eq!(app.mode(), Mode::Facet);
}

#[test]
fn regions_are_alphabetical_and_cursors_start_on_the_first_value() {
    let app = common::app();
    let labels: Vec<String> = app
        .facet_rows(Pane::Facet(REGION))
        .into_iter()
        .map(|r| r.label.into_owned())
        .collect();
    assert_eq!(
        labels,
        [
            "Africa",
            "Arab States",
            "Asia and the Pacific",
            "Europe and North America",
            "Latin America and the Caribbean"
        ]
    );
    for pane in app.panes() {
        assert_eq!(app.pane(pane).cursor, 0, "{pane:?}");
    }
    assert_eq!(app.results().hits.len(), 13);
    assert_eq!(app.total(), 13);
}

#[test]
fn the_done_means_path() {
    let mut app = common::app();
    // Tab, j, j, Space: Asia and the Pacific on.
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Char('j'));
    press(&mut app, KeyCode::Char('j'));
    press(&mut app, KeyCode::Char(' '));
    assert_eq!(sorted(listed_cities(&app.app)), ASIAN);
    assert!(
        app.query()
            .is_selected(&REGION, &Region::AsiaPacific.into())
    );
    // Space again: all 13.
    press(&mut app, KeyCode::Char(' '));
    assert_eq!(listed_cities(&app.app).len(), 13);
    assert!(app.query().selected(&REGION).is_empty());
    // Shift-Tab back round to the city list (in a facet pane `/` filters that pane), then
    // `/` and "sonder": Sønderborg alone.
    press(&mut app, KeyCode::BackTab);
    press(&mut app, KeyCode::Char('/'));
    assert_eq!(app.mode(), Mode::Search);
    type_text(&mut app, "sonder");
    assert_eq!(app.query().text, "sonder");
    assert_eq!(listed_cities(&app.app), ["Sønderborg"]);
    // Enter: its detail.
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.mode(), Mode::Detail);
    let member = app.selected_member().expect("a city is shown");
    assert_eq!(member.city, "Sønderborg");
    assert!(member.tagline.as_deref().unwrap_or("").contains("41742"));
    // `?` shows the keys, Esc closes them and stays in the detail view.
    press(&mut app, KeyCode::Char('?'));
    assert_eq!(app.mode(), Mode::Help);
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.mode(), Mode::Detail);
    // Esc: back to the list, selection kept, search kept.
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.mode(), Mode::List);
    assert_eq!(selected_city(&app), "Sønderborg");
    assert_eq!(app.query().text, "sonder");
    // q quits.
    press(&mut app, KeyCode::Char('q'));
    assert!(app.quit);
}

#[test]
fn several_values_of_one_facet_combine_with_or() {
    let mut app = common::app();
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Char('j'));
    press(&mut app, KeyCode::Char('j'));
    press(&mut app, KeyCode::Enter); // Enter toggles too in a facet pane
    press(&mut app, KeyCode::End); // Latin America and the Caribbean
    press(&mut app, KeyCode::Char(' '));
    let mut expected = ASIAN.to_vec();
    expected.extend(["Contagem", "Villa María"]);
    assert_eq!(sorted(listed_cities(&app.app)), sorted(expected));
    // x clears this pane only.
    press(&mut app, KeyCode::Char('x'));
    assert_eq!(listed_cities(&app.app).len(), 13);
}

#[test]
fn facet_counts_are_live() {
    let mut app = common::app();
    let count = |app: &Explorer, pane: Pane, label: &str| {
        app.facet_rows(pane)
            .into_iter()
            .find(|r| r.label == label)
            .map(|r| r.count)
    };
    assert_eq!(
        count(&app, Pane::Facet(REGION), "Asia and the Pacific"),
        Some(5)
    );
    assert_eq!(
        count(&app, Pane::Facet(REGION), "Europe and North America"),
        Some(6)
    );
    assert_eq!(count(&app, Pane::Facet(REGION), "Africa"), Some(0)); // listed, not hidden
    assert_eq!(count(&app, Pane::Facet(COUNTRY), "Denmark"), Some(1));
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Char('j'));
    press(&mut app, KeyCode::Char('j'));
    press(&mut app, KeyCode::Char(' '));
    // With Asia on, China has four cities, Denmark none (but is still listed).
    assert_eq!(count(&app, Pane::Facet(COUNTRY), "China"), Some(4));
    assert_eq!(
        count(&app, Pane::Facet(COUNTRY), "Republic of Korea"),
        Some(1)
    );
    assert_eq!(count(&app, Pane::Facet(COUNTRY), "Denmark"), Some(0));
    // A country then narrows the list; the region counts follow the country.
    press(&mut app, KeyCode::Tab);
    let china = app
        .facet_rows(Pane::Facet(COUNTRY))
        .iter()
        .position(|r| r.label == "China")
        .expect("China is listed");
    for _ in 0..china {
        press(&mut app, KeyCode::Down);
    }
    press(&mut app, KeyCode::Char(' '));
    assert_eq!(listed_cities(&app.app).len(), 4);
    assert_eq!(
        count(&app, Pane::Facet(REGION), "Asia and the Pacific"),
        Some(4)
    );
    assert_eq!(
        count(&app, Pane::Facet(REGION), "Europe and North America"),
        Some(0)
    );
    // X clears every filter and the search.
    press(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "c");
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Char('X'));
    assert_eq!(listed_cities(&app.app).len(), 13);
    assert!(app.query().text.is_empty() && app.query().selected(&COUNTRY).is_empty());
    assert!(app.query().selected(&REGION).is_empty());
}

#[test]
fn the_search_box_takes_q_and_moves_with_the_arrows() {
    let mut app = common::app();
    press(&mut app, KeyCode::Char('/'));
    // q types a q instead of quitting.
    press(&mut app, KeyCode::Char('q'));
    assert!(!app.quit);
    assert_eq!(app.query().text, "q");
    press(&mut app, KeyCode::Backspace);
    assert_eq!(app.query().text, "");
    // "n" is in Chengdu, Hangzhou, Namyangju, Sønderborg, Shenzhen, Dilijan, Chisinau...:
    // Down moves the selection while typing, Up moves it back.
    type_text(&mut app, "n");
    assert!(listed_cities(&app.app).len() > 2);
    let top = selected_city(&app).to_string();
    press(&mut app, KeyCode::Down);
    assert_ne!(selected_city(&app), top);
    assert_eq!(app.mode(), Mode::Search);
    assert_eq!(app.query().text, "n"); // j/k/arrows do not type
    press(&mut app, KeyCode::Up);
    assert_eq!(selected_city(&app), top);
    // Ctrl-U clears the search.
    press_with(&mut app, KeyCode::Char('u'), KeyModifiers::CONTROL);
    assert_eq!(app.query().text, "");
    assert_eq!(listed_cities(&app.app).len(), 13);
    // Esc leaves the box keeping the text.
    type_text(&mut app, "cork");
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.mode(), Mode::List);
    assert_eq!(app.query().text, "cork");
    assert_eq!(listed_cities(&app.app), ["Cork"]);
    // Ctrl-C quits even from the search box.
    press(&mut app, KeyCode::Char('/'));
    press_with(&mut app, KeyCode::Char('c'), KeyModifiers::CONTROL);
    assert!(app.quit);
}

#[test]
fn enter_in_the_search_box_opens_the_top_result_and_nothing_when_there_is_none() {
    let mut app = common::app();
    press(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "zzzz");
    assert!(listed_cities(&app.app).is_empty());
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.mode(), Mode::Search);
    press_with(&mut app, KeyCode::Char('u'), KeyModifiers::CONTROL);
    type_text(&mut app, "espoo");
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.mode(), Mode::Detail);
    assert_eq!(selected_city(&app), "Espoo");
}

#[test]
fn next_and_previous_city_in_the_detail_view_follow_the_filtered_list() {
    let mut app = common::app();
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Char('j'));
    press(&mut app, KeyCode::Char('j'));
    press(&mut app, KeyCode::Char(' '));
    press(&mut app, KeyCode::BackTab); // back to Cities
    assert_eq!(app.focus, Pane::Cities);
    // With no search text the list is sorted by city name.
    assert_eq!(listed_cities(&app.app), ASIAN);
    press(&mut app, KeyCode::Enter);
    assert_eq!(selected_city(&app), "Beijing");
    press(&mut app, KeyCode::Char('n'));
    assert_eq!(selected_city(&app), "Chengdu");
    press(&mut app, KeyCode::Char('n'));
    press(&mut app, KeyCode::Char('n'));
    press(&mut app, KeyCode::Char('n'));
    assert_eq!(selected_city(&app), "Shenzhen");
    press(&mut app, KeyCode::Char('n')); // the last stays the last
    assert_eq!(selected_city(&app), "Shenzhen");
    press(&mut app, KeyCode::Char('p'));
    assert_eq!(selected_city(&app), "Namyangju");
    // Scrolling, then a new city starts at the top.
    press(&mut app, KeyCode::Char('j'));
    press(&mut app, KeyCode::Char('j'));
    assert_eq!(app.view.detail.offset, 2);
    press(&mut app, KeyCode::Char('p'));
    assert_eq!(app.view.detail.offset, 0);
    assert_eq!(selected_city(&app), "Hangzhou");
    // 1/2/3 ask for a section; the renderer resolves the line.
    press(&mut app, KeyCode::Char('3'));
    assert_eq!(app.view.jump, Some(Section::Plan));
    press(&mut app, KeyCode::Char('2'));
    assert_eq!(app.view.jump, Some(Section::Challenges));
    // Esc: the list, focus on Cities, the city last shown selected.
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.mode(), Mode::List);
    assert_eq!(app.focus, Pane::Cities);
    assert_eq!(selected_city(&app), "Hangzhou");
}

#[test]
fn moving_keys_stay_in_bounds() {
    let mut app = common::app();
    press(&mut app, KeyCode::Char('G'));
    assert_eq!(app.pane(Pane::Cities).cursor, 12);
    press(&mut app, KeyCode::Down);
    press(&mut app, KeyCode::PageDown);
    assert_eq!(app.pane(Pane::Cities).cursor, 12);
    press(&mut app, KeyCode::Char('g'));
    assert_eq!(app.pane(Pane::Cities).cursor, 0);
    press(&mut app, KeyCode::Up);
    press(&mut app, KeyCode::PageUp);
    press(&mut app, KeyCode::Char('k'));
    assert_eq!(app.pane(Pane::Cities).cursor, 0);
    press(&mut app, KeyCode::End);
    press(&mut app, KeyCode::Home);
    assert_eq!(app.pane(Pane::Cities).cursor, 0);
    // Clusters (two panes back) has seven values.
    press(&mut app, KeyCode::BackTab);
    press(&mut app, KeyCode::BackTab);
    press(&mut app, KeyCode::End);
    assert_eq!(app.pane(Pane::Facet(CLUSTER)).cursor, 6);
}

#[test]
fn a_facet_change_keeps_the_selected_city_when_it_is_still_listed() {
    let mut app = common::app();
    // Select Shenzhen (index 10 of the alphabetical list), then turn Asia on.
    while selected_city(&app) != "Shenzhen" {
        press(&mut app, KeyCode::Down);
    }
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Char('j'));
    press(&mut app, KeyCode::Char('j'));
    press(&mut app, KeyCode::Char(' '));
    assert_eq!(selected_city(&app), "Shenzhen");
    // Europe instead: Shenzhen is gone, the top city is selected.
    press(&mut app, KeyCode::Char(' '));
    press(&mut app, KeyCode::Char('j'));
    press(&mut app, KeyCode::Char(' '));
    assert_eq!(app.pane(Pane::Cities).cursor, 0);
}

#[test]
fn help_is_an_overlay_that_keys_do_not_reach_through() {
    let mut app = common::app();
    press(&mut app, KeyCode::Char('?'));
    assert_eq!(app.overlay, Some(Overlay::Help));
    press(&mut app, KeyCode::Char('j'));
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.pane(Pane::Cities).cursor, 0);
    assert_eq!(app.focus, Pane::Cities);
    press(&mut app, KeyCode::Char('?'));
    assert_eq!(app.overlay, None);
    press(&mut app, KeyCode::Char('?'));
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.overlay, None);
    // q quits from the help too.
    press(&mut app, KeyCode::Char('?'));
    press(&mut app, KeyCode::Char('q'));
    assert!(app.quit);
}

#[test]
fn the_command_line_query_opens_the_explorer_already_filtered() {
    let query = Query::default().with(REGION, [Region::AsiaPacific]);
    let app = App::new(Engine::new(common::dataset()), query);
    assert_eq!(sorted(listed_cities(&app)), ASIAN);
    assert!(
        app.facet_rows(Pane::Facet(REGION))
            .iter()
            .any(|r| r.selected && r.label == "Asia and the Pacific")
    );
}

#[test]
fn an_empty_dataset_opens_an_empty_explorer() {
    let dataset = gnlc::model::load::from_str(r#"{"members": []}"#, "empty").expect("valid");
    let mut app = Explorer::new(App::new(Engine::new(dataset), Query::default()));
    for action in [
        Action::Open,
        Action::Down,
        Action::End,
        Action::FocusNext,
        Action::Toggle,
        Action::ClearPane,
        Action::SearchStart,
        Action::SearchSubmit,
        Action::SearchInput('x'),
        Action::NextCity,
    ] {
        app.update(action);
    }
    assert_eq!(app.mode(), Mode::Search);
    assert!(app.selected_member().is_none());
}

#[test]
fn every_key_of_the_table_is_reachable_in_some_mode() {
    // The footer and help come from this table; each binding must actually map to its action
    // in a mode where its group applies (no binding is shadowed everywhere).
    let modes = [
        Mode::Facet,
        Mode::List,
        Mode::Search,
        Mode::Filter,
        Mode::Detail,
        Mode::Help,
        Mode::Stats,
        Mode::Prompt,
        Mode::Map,
    ];
    for binding in keymap::BINDINGS {
        let reachable = binding.keys.iter().any(|key| {
            let modifiers = if key.ctrl {
                KeyModifiers::CONTROL
            } else {
                KeyModifiers::NONE
            };
            modes.iter().any(|&mode| {
                binding.group.applies_in(mode)
                    && keymap::action_for(mode, KeyEvent::new(key.code, modifiers))
                        == Some(binding.action)
            })
        });
        assert!(
            reachable,
            "binding {:?} is never reachable",
            binding.label()
        );
    }
}

#[test]
fn a_selected_country_without_members_is_shown_and_can_be_cleared() {
    // `gnlc --country Japan` on the 13 bundled-style cities: Japan has no member, so the list
    // is empty; the Countries pane must show the filter that empties it.
    let query = Query::default().with(COUNTRY, ["Japan"]);
    let mut app = App::new(Engine::new(common::dataset()), query);
    assert!(listed_cities(&app).is_empty());
    let rows = app.facet_rows(Pane::Facet(COUNTRY));
    let japan = rows
        .iter()
        .find(|r| r.label == "Japan")
        .expect("Japan is listed");
    assert!(japan.selected);
    assert_eq!(japan.count, 0);
    let labels: Vec<&str> = rows.iter().map(|r| r.label.as_ref()).collect();
    let mut sorted_labels = labels.clone();
    sorted_labels.sort_unstable();
    assert_eq!(labels, sorted_labels, "still alphabetical");
    app.update(Action::ClearAll);
    assert_eq!(listed_cities(&app).len(), 13);
    assert!(
        app.facet_rows(Pane::Facet(COUNTRY))
            .iter()
            .all(|r| r.label != "Japan")
    );
}

fn labels(app: &App, pane: Pane) -> Vec<String> {
    app.facet_rows(pane)
        .into_iter()
        .map(|r| r.label.into_owned())
        .collect()
}

#[test]
fn typing_in_a_facet_pane_filters_its_values() {
    let mut app = common::app();
    let countries = Pane::Facet(COUNTRY);
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.focus, countries);
    press(&mut app, KeyCode::Down);
    assert_eq!(app.pane(countries).cursor, 1);
    // `/` starts the filter; letters, q and j included, type into it.
    press(&mut app, KeyCode::Char('/'));
    assert_eq!(app.mode(), Mode::Filter);
    type_text(&mut app, "rep");
    assert_eq!(app.pane_filter(countries), "rep");
    assert_eq!(
        labels(&app, countries),
        ["Republic of Korea", "Republic of Moldova"]
    );
    assert_eq!(app.pane(countries).cursor, 0);
    assert_eq!(app.pane_len(countries), 2);
    // Every word must appear; case and accents do not matter.
    type_text(&mut app, " KOR");
    assert_eq!(labels(&app, countries), ["Republic of Korea"]);
    assert!(!app.quit);
    // Enter keeps the filter; Space then selects the one value shown.
    press(&mut app, KeyCode::Enter);
    assert_eq!(app.mode(), Mode::Facet);
    press(&mut app, KeyCode::Char(' '));
    assert_eq!(listed_cities(&app.app), ["Namyangju"]);
    assert!(
        app.query()
            .is_selected(&COUNTRY, &"Republic of Korea".into())
    );
    // Esc clears the filter: all ten countries again, the cursor still on Korea.
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.pane_filter(countries), "");
    assert_eq!(app.pane_len(countries), 10);
    assert_eq!(
        labels(&app, countries)[app.pane(countries).cursor],
        "Republic of Korea"
    );
    // Backspace edits; Esc while typing clears and stops typing; the selection stays.
    press(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "qj");
    assert!(labels(&app, countries).is_empty());
    press(&mut app, KeyCode::Backspace);
    press(&mut app, KeyCode::Backspace);
    assert_eq!(app.pane_len(countries), 10);
    type_text(&mut app, "sønd");
    assert!(labels(&app, countries).is_empty(), "a city, not a country");
    press(&mut app, KeyCode::Esc);
    assert_eq!(app.mode(), Mode::Facet);
    assert_eq!(app.pane_filter(countries), "");
    assert_eq!(listed_cities(&app.app), ["Namyangju"]);
    // Accents and case fold on the typed side too.
    press(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "MÖLDOVA");
    assert_eq!(labels(&app, countries), ["Republic of Moldova"]);
    // A filter stays with its pane; another pane is unfiltered; X clears every filter.
    press(&mut app, KeyCode::Enter);
    press(&mut app, KeyCode::Tab);
    assert_eq!(app.pane_len(Pane::Facet(CLUSTER)), 7);
    assert_eq!(app.pane_filter(countries), "MÖLDOVA");
    press(&mut app, KeyCode::Char('X'));
    assert_eq!(app.pane_filter(countries), "");
    assert_eq!(listed_cities(&app.app).len(), 13);
}

#[test]
fn the_joined_pane_lists_years_and_filters() {
    let mut app = common::app();
    let joined = Pane::Facet(JOINED);
    // The fixture has one joining year: Chisinau, 2020.
    assert_eq!(labels(&app, joined), ["2020"]);
    for _ in 0..4 {
        press(&mut app, KeyCode::Tab);
    }
    assert_eq!(app.focus, joined);
    press(&mut app, KeyCode::Char(' '));
    assert_eq!(listed_cities(&app.app), ["Chisinau"]);
    // The other panes count with the year applied.
    let europe = app
        .facet_rows(Pane::Facet(REGION))
        .into_iter()
        .find(|r| r.label == "Europe and North America")
        .map(|r| r.count);
    assert_eq!(europe, Some(1));
    press(&mut app, KeyCode::Char('x'));
    assert_eq!(listed_cities(&app.app).len(), 13);
}
