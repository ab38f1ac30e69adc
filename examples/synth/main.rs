//! `cargo run --release --example synth -- --members N [--seed S] [--names]`
//!
//! Writes a synthetic dataset in the project's format to standard output (or, with
//! `--names`, only its city names, one per line, for `fzf --filter`). Deterministic for a
//! seed. See `generator.rs` for what the data looks like, and PERFORMANCE.md for its use.
//! Generated files belong under /tmp or target/, never in the repository.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // not library code: may fail loudly

#[allow(dead_code)] // shared with the benches; each user needs a different part of it
mod generator;

use std::io::{BufWriter, Write};
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut members: usize = 1000;
    let mut seed: u64 = 1;
    let mut names = false;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let parsed = match arg.as_str() {
            "--members" => args
                .next()
                .and_then(|v| parse_count(&v))
                .map(|n| members = n),
            "--seed" => args.next().and_then(|v| v.parse().ok()).map(|s| seed = s),
            "--names" => {
                names = true;
                Some(())
            }
            _ => None,
        };
        if parsed.is_none() {
            eprintln!(
                "synth: bad argument `{arg}`\nusage: synth --members N (1000, 10k, 1M...) [--seed S] [--names]"
            );
            return ExitCode::from(2);
        }
    }
    let stdout = std::io::stdout();
    let mut out = BufWriter::with_capacity(1 << 20, stdout.lock());
    let written = if names {
        generator::write_names(&mut out, members, seed)
    } else {
        generator::write_dataset(&mut out, members, seed)
    };
    match written.and_then(|()| out.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("synth: {e}");
            ExitCode::FAILURE
        }
    }
}

/// `1000`, `10k`, `1M`.
fn parse_count(s: &str) -> Option<usize> {
    let lower = s.to_ascii_lowercase();
    if let Some(k) = lower.strip_suffix('k') {
        k.parse::<usize>().ok().map(|n| n * 1000)
    } else if let Some(m) = lower.strip_suffix('m') {
        m.parse::<usize>().ok().map(|n| n * 1_000_000)
    } else {
        lower.parse().ok()
    }
}
