//! Map: one frame of the map screen at 160x45 on ratatui's `TestBackend`, with 100k members
//! in view (the world view of the unfiltered list). Budget: 4 ms.
//!
//! The synthetic members have no coordinates, so each gets a deterministic point (a linear
//! congruential sequence over latitudes -55..70 and every longitude): the frame then projects
//! 100k points, marks their cells and places labels over the world coastline. Measured: an
//! unchanged redraw, and a redraw after `n` (a new selected city and label).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // not library code: may fail loudly

mod common;

use criterion::{Criterion, criterion_group, criterion_main};
use gnlc::app::{Action, App};
use gnlc::model::Coordinates;
use gnlc::query::{Engine, Query};
use gnlc::ui::Explorer;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::time::Duration;

fn engine() -> Engine {
    let mut dataset =
        gnlc::model::load::from_str(&common::json(common::LARGE), "<synthetic>").unwrap();
    let mut state: u64 = common::SEED;
    let mut next = || {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        f64::from(u32::try_from(state >> 32).unwrap()) / f64::from(u32::MAX)
    };
    for member in &mut dataset.members {
        member.coordinates = Some(Coordinates {
            lat: -55.0 + next() * 125.0,
            lon: -180.0 + next() * 360.0,
        });
    }
    Engine::new(dataset)
}

fn draw(terminal: &mut Terminal<TestBackend>, app: &mut Explorer) {
    terminal
        .draw(|frame| app.draw(frame))
        .expect("a test terminal draws");
}

fn map(c: &mut Criterion) {
    let mut app = Explorer::new(App::new(engine(), Query::default()));
    app.update(Action::ToggleMap);
    let mut term = Terminal::new(TestBackend::new(160, 45)).unwrap();
    draw(&mut term, &mut app);
    let placed = app.view.map.map(|s| {
        app.placed()
            .filter(|(_, c)| s.cell_of(*c).is_some())
            .count()
    });
    assert_eq!(placed, Some(common::LARGE), "every member is in view");

    let mut group = c.benchmark_group("map_100k_160x45");
    group.sample_size(30);
    group.measurement_time(Duration::from_secs(4));
    group.warm_up_time(Duration::from_secs(1));
    group.bench_function("unchanged", |b| b.iter(|| draw(&mut term, &mut app)));
    group.bench_function("after_next_city", |b| {
        b.iter(|| {
            app.update(Action::NextCity);
            draw(&mut term, &mut app);
        });
    });
    group.finish();
}

criterion_group!(benches, map);
criterion_main!(benches);
