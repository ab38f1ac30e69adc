//! Full-text search at 100k synthetic members with full profiles (`synth --members 100k
//! --seed 1`): building the index, one text-search keystroke, one peers query.
//! `fulltext_100k_engine` measures the keystroke through `Engine::run` itself.
//! Budgets: a keystroke with facet counts at or under 16 ms (one frame at 60 Hz), a peers
//! query at or under 50 ms. The index is built off the first frame (in the background), so
//! its build time has no frame budget; it is measured so it can be stated.
//!
//! The keystroke is measured as the query engine will run it: `matches` (every matching
//! member with its score), then a pass over the matches that tallies a facet per member (as
//! the engine's facet counts do) and `rank` of the kept ones. The synthetic profiles come from
//! a small vocabulary of templates, so common words match most of the 100k members: a harder
//! case than real profiles, where most words are rare.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // not library code: may fail loudly

mod common;

use criterion::{Criterion, criterion_group, criterion_main};
use gnlc::facet::REGION;
use gnlc::fulltext::{TextIndex, TextQuery};
use gnlc::model::{Dataset, Region};
use gnlc::query::{Engine, Query};
use std::hint::black_box;
use std::time::Duration;

/// Queries typed into the search box: two words, a phrase, a prefix, a rare and a common word.
const QUERIES: [(&str, &str); 5] = [
    ("words", "digital skills"),
    ("phrase", "\"learning festivals\""),
    ("prefix", "volunt*"),
    ("words_and_exclusion", "museums libraries !refugees"),
    ("common_word", "learning"),
];

fn dataset() -> Dataset {
    gnlc::model::load::from_str(&common::json(common::LARGE), "<synthetic>")
        .unwrap_or_else(|e| panic!("the synthetic dataset does not load: {e}"))
}

fn fulltext(c: &mut Criterion) {
    let data = dataset();
    let members = &data.members;
    let mut group = c.benchmark_group("fulltext_100k");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(20));
    group.warm_up_time(Duration::from_secs(1));
    group.bench_function("build_index", |b| {
        b.iter(|| TextIndex::new(black_box(members)));
    });
    group.finish();

    let index = TextIndex::new(members);
    let regions: Vec<u8> = members
        .iter()
        .map(|m| Region::ALL.iter().position(|r| *r == m.region).unwrap_or(0) as u8)
        .collect();
    let mut group = c.benchmark_group("fulltext_100k_query");
    group.sample_size(20);
    group.measurement_time(Duration::from_secs(4));
    group.warm_up_time(Duration::from_secs(1));
    for (name, text) in QUERIES {
        group.bench_function(name, |b| {
            b.iter(|| {
                let query = TextQuery::parse(black_box(text));
                let matches = index.matches(&query);
                let mut tally = [0usize; 5];
                for (m, _) in matches.iter() {
                    tally[regions[m] as usize] += 1;
                }
                let hits = index.rank(&matches, |m| regions[m] != 0);
                black_box((tally, hits.len()))
            });
        });
    }
    group.bench_function("peers", |b| {
        let mut member = 0;
        b.iter(|| {
            member = (member + 7919) % members.len();
            black_box(index.peers(members, member, 10))
        });
    });
    group.finish();
}

/// Text-search keystrokes as the explorer runs them: `Engine::run` with a profile query and
/// a region selected, so the hits are filtered and every facet kind is counted (the same
/// disjunctive counts as name search), then ranked by relevance; and the detail view's
/// Similar cities (five peers) through the engine's index.
fn engine_keystroke(c: &mut Criterion) {
    let engine = Engine::new(dataset()).with_text_index();
    let mut group = c.benchmark_group("fulltext_100k_engine");
    group.sample_size(20);
    group.measurement_time(Duration::from_secs(4));
    group.warm_up_time(Duration::from_secs(1));
    for (name, text) in QUERIES {
        let query = Query::default()
            .with_profile(text)
            .with(REGION, [Region::Africa]);
        group.bench_function(name, |b| {
            b.iter(|| black_box(engine.run(black_box(&query))));
        });
    }
    let members = &engine.dataset().members;
    let index = engine.text_index().expect("built");
    group.bench_function("similar_cities", |b| {
        let mut member = 0;
        b.iter(|| {
            member = (member + 7919) % members.len();
            black_box(index.peers(members, member, 5))
        });
    });
    group.finish();
}

criterion_group!(benches, fulltext, engine_keystroke);
criterion_main!(benches);
