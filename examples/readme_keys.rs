//! Prints the explorer's key table as README.md carries it (`tests/readme.rs` checks that the
//! README holds exactly this text): `cargo run --example readme_keys`, then paste it over the
//! tables under "### Keys".
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // not library code: may fail loudly

fn main() {
    print!("{}", gnlc::app::keymap::markdown_table());
}
