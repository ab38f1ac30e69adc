//! Frame: one frame of the explorer at 160x45 on ratatui's `TestBackend`, with 100k members
//! loaded. Budget: 4 ms (PERFORMANCE.md).
//!
//! `Terminal::draw` renders the whole widget tree into a buffer, diffs it against the previous
//! one and writes the changed cells to the backend, which is what a real frame costs minus the
//! terminal's own I/O. Measured: an unchanged redraw, a redraw after moving the cursor (the
//! list and preview change), the detail view of one city, and the list after a search.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // not library code: may fail loudly

mod common;

use criterion::{Criterion, criterion_group, criterion_main};
use gnlc::app::{Action, App};
use gnlc::query::Query;
use gnlc::ui::Explorer;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::time::Duration;

const WIDTH: u16 = 160;
const HEIGHT: u16 = 45;

fn terminal() -> Terminal<TestBackend> {
    Terminal::new(TestBackend::new(WIDTH, HEIGHT)).expect("a test terminal")
}

fn draw(terminal: &mut Terminal<TestBackend>, app: &mut Explorer) {
    terminal
        .draw(|frame| app.draw(frame))
        .expect("a test terminal draws");
}

fn frame(c: &mut Criterion) {
    let mut app = Explorer::new(App::new(common::engine(common::LARGE), Query::default()));
    let mut term = terminal();
    let mut group = c.benchmark_group("frame_100k_160x45");
    group.sample_size(50);
    group.measurement_time(Duration::from_secs(3));
    group.warm_up_time(Duration::from_secs(1));

    draw(&mut term, &mut app);
    group.bench_function("unchanged", |b| b.iter(|| draw(&mut term, &mut app)));

    group.bench_function("after_cursor_move", |b| {
        let mut down = true;
        b.iter(|| {
            app.update(if down { Action::Down } else { Action::Up });
            down = !down;
            draw(&mut term, &mut app);
        });
    });

    group.bench_function("fresh_terminal", |b| {
        b.iter_batched_ref(
            terminal,
            |t| draw(t, &mut app),
            criterion::BatchSize::SmallInput,
        );
    });

    app.update(Action::Open);
    draw(&mut term, &mut app);
    group.bench_function("detail_scroll", |b| {
        let mut down = true;
        b.iter(|| {
            app.update(if down { Action::Down } else { Action::Up });
            down = !down;
            draw(&mut term, &mut app);
        });
    });
    app.update(Action::Back);

    app.update(Action::SearchStart);
    for key in "koz".chars() {
        app.update(Action::SearchInput(key));
    }
    draw(&mut term, &mut app);
    group.bench_function("search_results_cursor_move", |b| {
        let mut down = true;
        b.iter(|| {
            app.update(if down { Action::Down } else { Action::Up });
            down = !down;
            draw(&mut term, &mut app);
        });
    });
    group.finish();
}

criterion_group!(benches, frame);
criterion_main!(benches);
