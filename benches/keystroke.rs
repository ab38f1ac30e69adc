//! Keystroke: the time from a query change to a ready result list with facet counts, for the
//! typed sequence `k`, `ko`, `koz`, `kozh` and a backspace back to `koz`, at 100k members.
//! Budget: 16 ms per keystroke (one frame at 60 Hz), PERFORMANCE.md.
//!
//! Each step is measured on its own (`engine.run` from scratch, which is what a stateless
//! caller such as `gnlc list` pays), plus the whole sequence, plus the same with a region
//! selected (facet counts then exclude different members per facet kind), plus the sequence
//! typed into the explorer (`App::update` with `SearchInput`/`SearchBackspace`), which is the
//! engine run plus the explorer's own bookkeeping (cursor, selection).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // not library code: may fail loudly

mod common;

use criterion::{Criterion, criterion_group, criterion_main};
use gnlc::app::{Action, App};
use gnlc::facet::REGION;
use gnlc::model::Region;
use gnlc::query::Query;
use std::hint::black_box;
use std::time::{Duration, Instant};

/// What the user types: four keys and a backspace.
const SEQUENCE: [&str; 5] = ["k", "ko", "koz", "kozh", "koz"];

fn keystroke(c: &mut Criterion) {
    let engine = common::engine(common::LARGE);
    let mut group = c.benchmark_group("keystroke_100k");
    group.sample_size(20);
    group.measurement_time(Duration::from_secs(4));
    group.warm_up_time(Duration::from_secs(1));
    for (step, text) in SEQUENCE.iter().enumerate() {
        let query = Query::text((*text).to_string());
        group.bench_function(format!("{step}_{text}"), |b| {
            b.iter(|| engine.run(black_box(&query)));
        });
    }
    group.bench_function("empty_query", |b| {
        b.iter(|| engine.run(black_box(&Query::default())));
    });
    group.bench_function("whole_sequence", |b| {
        b.iter(|| {
            for text in SEQUENCE {
                let query = Query::text(text.to_string());
                black_box(engine.run(&query));
            }
        });
    });
    // A pasted paragraph: 300 terms (repeats count once, at most 64 groups are matched).
    let paragraph: Vec<String> = (0..300).map(|i| format!("w{}", i % 120)).collect();
    let paragraph = Query::text(paragraph.join(" "));
    group.bench_function("three_hundred_terms", |b| {
        b.iter(|| engine.run(black_box(&paragraph)));
    });
    let with_region = Query::text("koz").with(REGION, [Region::EuropeNorthAmerica]);
    group.bench_function("koz_with_region", |b| {
        b.iter(|| engine.run(black_box(&with_region)));
    });
    group.finish();

    let mut app = App::new(engine, Query::default());
    app.update(Action::SearchStart);
    let mut group = c.benchmark_group("keystroke_100k_app");
    group.sample_size(20);
    group.measurement_time(Duration::from_secs(4));
    group.warm_up_time(Duration::from_secs(1));
    group.bench_function("type_k_o_z_h_backspace", |b| {
        // Timed: the five keystrokes. Not timed: clearing the box again for the next round.
        b.iter_custom(|rounds| {
            let mut total = Duration::ZERO;
            for _ in 0..rounds {
                let start = Instant::now();
                for key in "kozh".chars() {
                    app.update(Action::SearchInput(key));
                }
                app.update(Action::SearchBackspace);
                black_box(app.results().hits.len());
                total += start.elapsed();
                app.update(Action::SearchClear);
            }
            total
        });
    });
    group.finish();
}

criterion_group!(benches, keystroke);
criterion_main!(benches);
