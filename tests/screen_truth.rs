//! What the screen says is true: the end of a profile is a full page, invisible format
//! characters never reach the terminal, the footer offers only keys that do something now.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // not library code: may fail loudly

mod common;

use gnlc::app::Action;
use gnlc::ui::Explorer;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;

fn draw(app: &mut Explorer, width: u16, height: u16) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("test backend");
    terminal.draw(|frame| app.draw(frame)).expect("draw");
    terminal.backend().buffer().clone()
}

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
