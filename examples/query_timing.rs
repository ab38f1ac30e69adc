//! A quick timing of the query engine on a synthetic dataset (the keystroke budget of PERFORMANCE.md:
//! 16 ms median at 100k members, facet counts included). Not the benchmark suite: a check
//! the engine's design holds, runnable in seconds.
//!
//! `cargo run --release --example query_timing -- [members] [runs] [query]` (with a query:
//! that query only, `runs` times, for profiling)
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // not library code: may fail loudly

use gnlc::facet::{CLUSTER, REGION};
use gnlc::model::{Cluster, ClusterBasis, Dataset, Member, Region};
use gnlc::query::{Engine, Query};
use std::time::{Duration, Instant};

const SYLLABLES: [&str; 24] = [
    "ka", "ko", "zo", "ber", "lin", "ma", "ri", "san", "to", "ne", "vi", "da", "ø", "é", "ça", "ș",
    "ü", "gu", "ang", "zh", "ou", "ya", "ßa", "pol",
];
const WORDS: [&str; 6] = ["San", "Nova", "Villa", "Saint", "Bad", "New"];
const CJK: [&str; 6] = ["北京", "上海", "東京", "서울", "大阪", "广州"];

/// A deterministic pseudo-random sequence (64-bit LCG).
struct Rng(u64);

impl Rng {
    fn next(&mut self, below: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) % below as u64) as usize
    }
}

fn name(rng: &mut Rng) -> String {
    if rng.next(20) == 0 {
        return CJK[rng.next(CJK.len())].to_string();
    }
    let mut word = String::new();
    for _ in 0..2 + rng.next(3) {
        word.push_str(SYLLABLES[rng.next(SYLLABLES.len())]);
    }
    let mut chars = word.chars();
    let mut city: String = chars
        .next()
        .into_iter()
        .flat_map(char::to_uppercase)
        .collect();
    city.extend(chars);
    if rng.next(4) == 0 {
        city = format!("{} {city}", WORDS[rng.next(WORDS.len())]);
    }
    city
}

fn dataset(members: usize) -> Dataset {
    let mut rng = Rng(42);
    let members = (0..members)
        .map(|i| {
            let region = Region::ALL[rng.next(5)];
            let country = format!("Country {:03}", rng.next(190));
            Member {
                id: format!("m{i}"),
                city: name(&mut rng),
                country,
                region,
                clusters: vec![Cluster::ALL[rng.next(7)], Cluster::ALL[rng.next(7)]],
                cluster_basis: ClusterBasis::Stated,
                joined: None,
                joined_basis: None,
                tagline: None,
                summary: None,
                vision: None,
                challenges: None,
                plan: None,
                awards: Vec::new(),
                coordinates: None,
                coordinates_of: None,
                source: None,
                sources: Vec::new(),
            }
        })
        .collect();
    Dataset {
        schema_version: 1,
        source: "synthetic".to_string(),
        announced: None,
        members,
    }
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort_unstable();
    times[times.len() / 2]
}

fn main() {
    let mut args = std::env::args().skip(1);
    let members = args.next().and_then(|a| a.parse().ok()).unwrap_or(100_000);
    let runs: u32 = args.next().and_then(|a| a.parse().ok()).unwrap_or(21);
    let only: Option<String> = args.next();
    let data = dataset(members);
    let start = Instant::now();
    let engine = Engine::new(data);
    println!("{members} members, index built in {:?}", start.elapsed());
    let typed = [
        "", "k", "ko", "koz", "koza", "kozan", "koza", "ko zo", "'an", "^sa !n",
    ];
    if let Some(text) = only {
        // Profiling mode: one query, many times.
        let query = Query::text(text);
        let t = Instant::now();
        for _ in 0..runs {
            std::hint::black_box(engine.run(&query));
        }
        println!("{:?} a run", t.elapsed() / runs);
        return;
    }
    for with_facets in [false, true] {
        for text in typed {
            let mut query = Query::text(text.to_string());
            if with_facets {
                query.select(REGION, Region::AsiaPacific.into());
                query.select(CLUSTER, Cluster::Literacy.into());
            }
            let mut hits = 0;
            let times: Vec<Duration> = (0..runs)
                .map(|_| {
                    let t = Instant::now();
                    hits = engine.run(&query).hits.len();
                    t.elapsed()
                })
                .collect();
            println!(
                "{:<8} {:<9} hits {hits:>6}  median {:>8.2?}",
                format!("{text:?}"),
                if with_facets { "facets" } else { "" },
                median(times)
            );
        }
    }
}
