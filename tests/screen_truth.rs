//! What the screen says is true: the end of a profile is a full page, invisible format
//! characters never reach the terminal, the footer offers only keys that do something now.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // not library code: may fail loudly

mod common;

use common::draw;

use gnlc::app::Action;
use gnlc::ui::Explorer;
use ratatui::buffer::Buffer;

fn screen(buffer: &Buffer) -> String {
    let area = buffer.area;
    (0..area.height)
        .map(|y| {
            (0..area.width)
                .map(|x| buffer[(x, y)].symbol().to_string())
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn search(app: &mut Explorer, text: &str) {
    app.update(Action::SearchStart);
    for c in text.chars() {
        app.update(Action::SearchInput(c));
    }
}

#[test]
fn end_in_the_detail_view_shows_a_full_last_page() {
    for (city, width, height) in [("sonder", 80, 24), ("sonder", 100, 30), ("sonder", 60, 40)] {
        let mut app = common::app();
        search(&mut app, city);
        app.update(Action::SearchSubmit);
        draw(&mut app, width, height);
        let len = app.view.detail_layout.lines.len();
        let page = app.view.detail.page;
        assert!(len > page, "{city}: the profile is longer than a page");
        app.update(Action::End);
        let text = screen(&draw(&mut app, width, height));
        assert_eq!(
            app.view.detail.offset + app.view.detail.page,
            len,
            "{city} at {width}x{height}: the last line is on the last row\n{text}"
        );
        assert!(text.contains(&format!("of {len} · 100%")), "{text}");
    }
}

#[test]
fn invisible_format_characters_never_reach_the_screen() {
    use gnlc::app::App;
    use gnlc::query::{Engine, Query};
    let mut dataset = common::dataset();
    dataset.members[0].city = "Ober\u{ad}hau\u{200b}sen\u{feff}".to_string();
    dataset.members[0].country = "Den\u{2060}mark".to_string();
    let mut app = Explorer::new(App::new(Engine::new(dataset), Query::default()));
    search(&mut app, "oberhau");
    let list = screen(&draw(&mut app, 100, 30));
    app.update(Action::SearchSubmit);
    let detail = screen(&draw(&mut app, 100, 30));
    for text in [&list, &detail] {
        assert!(!text.chars().any(gnlc::text::is_invisible_format), "{text}");
    }
    assert!(list.contains("Ober-hau·sen·"), "{list}");
    assert!(detail.contains("Ober-hau·sen· — Den·mark"), "{detail}");
}

fn footer(app: &mut Explorer, width: u16) -> String {
    let text = screen(&draw(app, width, 24));
    text.lines().last().unwrap_or_default().to_string()
}

#[test]
fn the_footer_offers_moves_only_where_they_work() {
    let mut app = common::app();
    // The first row: down, not up.
    let first = footer(&mut app, 100);
    assert!(
        first.contains("↓ j down") && !first.contains("↑ k"),
        "{first}"
    );
    app.update(Action::Down);
    let middle = footer(&mut app, 100);
    assert!(
        middle.contains("↑ k up") && middle.contains("↓ j down"),
        "{middle}"
    );
    app.update(Action::End);
    let last = footer(&mut app, 100);
    assert!(last.contains("↑ k up") && !last.contains("↓ j"), "{last}");
    // At 80 columns the move is still offered.
    app.update(Action::Home);
    assert!(
        footer(&mut app, 80).contains("↓ j down"),
        "{}",
        footer(&mut app, 80)
    );
}

#[test]
fn the_footer_offers_nothing_to_open_in_an_empty_list() {
    let mut app = common::app();
    search(&mut app, "zzzzqqq");
    assert!(app.results().hits.is_empty());
    let typing = footer(&mut app, 100);
    assert!(
        !typing.contains("open") && !typing.contains('↓'),
        "{typing}"
    );
    app.update(Action::SearchLeave);
    let list = footer(&mut app, 100);
    assert!(
        !list.contains("Enter open") && !list.contains("↓ j"),
        "{list}"
    );
}

#[test]
fn the_detail_footer_offers_only_cities_and_sections_that_exist() {
    let mut app = common::app();
    // One city in the list: no next, no previous.
    search(&mut app, "sonder");
    app.update(Action::SearchSubmit);
    let one = footer(&mut app, 160);
    assert!(!one.contains("n next") && !one.contains("p prev"), "{one}");
    assert!(
        one.contains("1 vision"),
        "Sønderborg has a vision section: {one}"
    );
    // A member without profile sections offers no section keys.
    let mut app = common::app();
    let bare = (0..app.results().hits.len())
        .find(|&i| {
            let member = app.engine().member(app.results().hits[i].member);
            gnlc::model::Section::ALL
                .iter()
                .all(|&s| member.section(s).is_none())
        })
        .expect("a fixture member without sections");
    for _ in 0..bare {
        app.update(Action::Down);
    }
    app.update(Action::Open);
    let text = footer(&mut app, 160);
    for hint in ["1 vision", "2 challenges", "3 plan"] {
        assert!(!text.contains(hint), "{hint}: {text}");
    }
    if bare == 0 {
        assert!(!text.contains("p prev"), "{text}");
    }
    assert!(text.contains("n next"), "{text}");
}

#[test]
fn one_pane_is_drawn_focused_at_a_time() {
    let mut app = common::app();
    let browsing = screen(&draw(&mut app, 100, 30));
    assert_eq!(browsing.matches('▶').count(), 1, "{browsing}");
    assert!(browsing.contains("▶ Cities"), "{browsing}");
    search(&mut app, "zzqq");
    let typing = screen(&draw(&mut app, 100, 30));
    assert_eq!(typing.matches('▶').count(), 1, "{typing}");
    assert!(typing.contains("▶ Search"), "{typing}");
    // The empty list names no key that would type into the box.
    assert!(!typing.contains("X clears"), "{typing}");
    assert!(typing.contains("No city matches. Ctrl-U"), "{typing}");
}
