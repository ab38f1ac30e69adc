//! Shared by the explorer tests: the 13-city fixture (texts from the saved listing page and
//! the Chisinau news item in `assets/`) and helpers to build an `App` on it.
#![allow(dead_code)] // each test file uses a different subset of these helpers

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
