//! Start-up to first frame on the bundled data: `Dataset::bundled()` (parse, validate and
//! infer clusters of the embedded JSON), `Engine::new`, `App::new` (the first query) and one
//! frame at 160x45 on `TestBackend`. Budget: 30 ms (PERFORMANCE.md). This is the in-process
//! part; the process start and terminal set-up are measured with hyperfine (PERFORMANCE.md).

use criterion::{Criterion, criterion_group, criterion_main};
use gnlc::app::App;
use gnlc::model::Dataset;
use gnlc::query::{Engine, Query};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::hint::black_box;
use std::time::Duration;

fn first_frame() -> Terminal<TestBackend> {
    let engine = Engine::new(Dataset::bundled());
    let mut app = App::new(engine, Query::default());
    let mut terminal = Terminal::new(TestBackend::new(160, 45)).expect("a test terminal");
    terminal
        .draw(|frame| gnlc::ui::render(frame, &mut app))
        .expect("a test terminal draws");
    terminal
}

fn startup(c: &mut Criterion) {
    let mut group = c.benchmark_group("startup_bundled");
    group.sample_size(30);
    group.measurement_time(Duration::from_secs(4));
    group.bench_function("bundled_load", |b| b.iter(Dataset::bundled));
    group.bench_function("to_first_frame", |b| b.iter(|| black_box(first_frame())));
    group.finish();
}

criterion_group!(benches, startup);
criterion_main!(benches);
