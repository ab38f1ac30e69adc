//! Load: read, parse, validate and index (`Engine::new`) a synthetic dataset, from a file, as
//! `gnlc --data FILE` does. Budget: 1 s at 100k full-profile members (PERFORMANCE.md).
//!
//! Measured on full profiles (10k and 100k members) and on the same 100k members without
//! profile text (`names_only`: id, city, country, region and clusters, as `benches/measure.sh`
//! writes `lean100k.json`), the case compared with `fzf --filter` over the names; each both
//! parsed from JSON and read back from the load cache's snapshot (`from_snapshot`).
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
    let cases = [
        ("full", 10_000),
        ("full", common::LARGE),
        ("names_only", common::LARGE),
    ];
    for (kind, members) in cases {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let path = dir.path().join(format!("synth{members}.json"));
        let json = common::json(members);
        let json = if kind == "names_only" {
            names_only(&json)
        } else {
            json
        };
        std::fs::write(&path, json).expect("write the dataset");
        let path = path.to_string_lossy().into_owned();
        group.bench_function(format!("read_parse_validate_index/{kind}/{members}"), |b| {
            b.iter(|| {
                let dataset = gnlc::model::load::from_path(black_box(&path)).expect("loads");
                gnlc::query::Engine::new(dataset)
            });
        });
        // The same file through the load cache, its snapshot written beforehand: what every
        // load after the first costs.
        let cache = gnlc::cache::Cache::at(dir.path().join("cache"));
        let (engine, pending) = cache.load(&path).expect("loads");
        pending
            .expect("a fresh cache")
            .write(&engine)
            .expect("writes the snapshot");
        drop(engine);
        group.bench_function(format!("from_snapshot/{kind}/{members}"), |b| {
            b.iter(|| {
                let (engine, pending) = cache.load(black_box(&path)).expect("loads");
                assert!(pending.is_none(), "the snapshot is used");
                engine
            });
        });
    }
    group.finish();
}

/// The dataset with only the fields a names-only file has.
fn names_only(json: &str) -> String {
    let mut data: serde_json::Value =
        serde_json::from_str(json).expect("the generator writes JSON");
    let keep = ["id", "city", "country", "region", "clusters"];
    for member in data["members"].as_array_mut().expect("a members array") {
        member
            .as_object_mut()
            .expect("members are objects")
            .retain(|key, _| keep.contains(&key.as_str()));
    }
    serde_json::to_string(&data).expect("writes back")
}

criterion_group!(benches, load);
criterion_main!(benches);
