//! Load: read, parse, validate and index (`Engine::new`) a synthetic dataset, from a file, as
//! `gnlc --data FILE` does. Budget: 1 s at 100k full-profile members (PERFORMANCE.md).
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // not library code: may fail loudly

mod common;

use criterion::{Criterion, criterion_group, criterion_main};
use std::hint::black_box;
use std::time::Duration;

fn load(c: &mut Criterion) {
    let mut group = c.benchmark_group("load");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(15));
    group.warm_up_time(Duration::from_secs(2));
    for members in [10_000, common::LARGE] {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let path = dir.path().join(format!("synth{members}.json"));
        std::fs::write(&path, common::json(members)).expect("write the dataset");
        let path = path.to_string_lossy().into_owned();
        group.bench_function(format!("read_parse_validate_index/{members}"), |b| {
            b.iter(|| {
                let dataset = gnlc::model::load::from_path(black_box(&path)).expect("loads");
                gnlc::query::Engine::new(dataset)
            });
        });
    }
    group.finish();
}

criterion_group!(benches, load);
criterion_main!(benches);
