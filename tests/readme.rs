//! README.md stays current: its key table is the explorer's key table, and its set-up
//! commands are exactly the two the project promises.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // not library code: may fail loudly

#[test]
fn readme_key_table_is_the_key_table() {
    let readme = include_str!("../README.md");
    let table = gnlc::app::keymap::markdown_table();
    assert!(
        readme.contains(&table),
        "README.md's key table is out of date; replace it with:\n{table}"
    );
}

#[test]
fn readme_gives_the_two_setup_commands() {
    let readme = include_str!("../README.md");
    let setup = readme
        .split("## Set up")
        .nth(1)
        .and_then(|s| s.split("```sh\n").nth(1))
        .and_then(|s| s.split("```").next())
        .expect("a sh block under ## Set up");
    let commands: Vec<&str> = setup
        .lines()
        .map(|l| l.split('#').next().unwrap_or("").trim())
        .filter(|l| !l.is_empty())
        .collect();
    assert_eq!(commands, vec!["cargo run --release", "cargo test"]);
}
