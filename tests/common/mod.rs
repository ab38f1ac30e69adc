//! Shared by the explorer tests: the 13-city fixture (texts from the saved listing page and
//! the Chisinau news item in `assets/`) and helpers to build an `App` on it.
#![allow(dead_code)] // each test file uses a different subset of these helpers

pub mod pty;

use gnlc::app::App;
use gnlc::model::Dataset;
use gnlc::query::{Engine, Query};
use gnlc::ui::Explorer;

/// Path of the fixture, for the binary's `--data`.
pub const FIXTURE_PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/cities.json");

pub fn dataset() -> Dataset {
    gnlc::model::load::from_str(include_str!("../fixtures/cities.json"), "cities.json")
        .expect("the fixture loads")
}

/// An explorer on the fixture, colours on (whatever `NO_COLOR` says), no filters.
pub fn app() -> Explorer {
    let mut app = Explorer::new(App::new(Engine::new(dataset()), Query::default()));
    app.color = true;
    app
}

/// One frame of `app` on a `width` x `height` test terminal.
pub fn draw(app: &mut Explorer, width: u16, height: u16) -> ratatui::buffer::Buffer {
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(width, height))
        .expect("test backend");
    terminal.draw(|frame| app.draw(frame)).expect("draw");
    terminal.backend().buffer().clone()
}

/// The buffer as a terminal shows it, one string per row (the cell after a wide char is
/// skipped).
pub fn rows(buffer: &ratatui::buffer::Buffer) -> Vec<String> {
    (0..buffer.area.height)
        .map(|y| {
            let mut row = String::new();
            let mut skip = 0;
            for x in 0..buffer.area.width {
                let symbol = buffer[(x, y)].symbol();
                if skip > 0 {
                    skip -= 1;
                    continue;
                }
                skip = unicode_width::UnicodeWidthStr::width(symbol).saturating_sub(1);
                row.push_str(symbol);
            }
            row
        })
        .collect()
}
