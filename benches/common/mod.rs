//! Shared by every benchmark: the synthetic data generator (one implementation, the one the
//! `synth` example runs) and the standard sizes and seed, so a benchmark measures the same data
//! as the command-line figures in PERFORMANCE.md (`synth --members 100k --seed 1`).

#![allow(dead_code)] // each benchmark binary uses a different part of this module

#[path = "../../examples/synth/generator.rs"]
pub mod generator;

use gnlc::query::Engine;

/// The same allocator as the binary (src/main.rs), so benchmarks measure what users run.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The seed of every figure in PERFORMANCE.md.
pub const SEED: u64 = 1;

/// The scale the budgets are stated at.
pub const LARGE: usize = 100_000;

/// A synthetic dataset of `members` members as JSON text.
pub fn json(members: usize) -> String {
    generator::dataset_json(members, SEED)
}

/// A loaded and indexed synthetic dataset.
///
/// # Panics
/// If the generator writes a dataset the loader rejects: a bug in the generator, which the
/// benchmark should report loudly rather than measure.
pub fn engine(members: usize) -> Engine {
    let dataset = gnlc::model::load::from_str(&json(members), "<synthetic>")
        .unwrap_or_else(|e| panic!("the synthetic dataset does not load: {e}"));
    Engine::new(dataset)
}
