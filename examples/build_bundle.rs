//! Regenerates `assets/gnlc.json`, the dataset bundled into the binary, from the source texts
//! in `assets/` (see `gnlc::bundle`):
//!
//! ```text
//! cargo run --example build_bundle
//! ```
//!
//! Run it after changing the importer or anything in `assets/`; `tests/bundle.rs` fails while
//! the committed file and `bundle::build()` differ.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // not library code: may fail loudly

use std::process::ExitCode;

fn main() -> ExitCode {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/gnlc.json");
    let result = gnlc::bundle::build()
        .and_then(|json| gnlc::import::write::write_atomically(&path, json.as_bytes(), true));
    match result {
        Ok(()) => {
            eprintln!("wrote {}", path.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("build_bundle: {e}");
            ExitCode::FAILURE
        }
    }
}
