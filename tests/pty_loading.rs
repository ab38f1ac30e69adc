//! Start-up of the real `gnlc` binary in a pseudo-terminal while its dataset loads: the
//! terminal is raw before loading (typed keys neither echo nor wait for Enter, and are kept
//! for the explorer), a slow load says "Loading FILE…", Ctrl-C ends a load at once, and a
//! load error leaves the terminal as it was. A debug-only trigger (`GNLC_TEST_TRIGGER=
//! slow-load`) makes loading 1.5 s longer, so the tests can type while it runs.
//!
//! Robustness: every wait polls until the expected text appears, with a generous deadline.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // not library code: may fail loudly

mod common;

use common::pty::*;

use std::thread;
use std::time::{Duration, Instant};

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// The output before the explorer's screen: what the user sees while loading.
fn before_explorer(raw: &[u8]) -> &[u8] {
    &raw[..find(raw, b"\x1b[?1049h").unwrap_or(raw.len())]
}

const SLOW: (&str, &str) = ("GNLC_TEST_TRIGGER", "slow-load");

/// `gnlc --data DATA` alone (not the fixture), in a pty.
fn with_data(data: &str, env: &[(&str, &str)]) -> Session {
    let mut cmd = portable_pty::CommandBuilder::new(env!("CARGO_BIN_EXE_gnlc"));
    cmd.args(["--data", data]);
    Session::spawn(cmd, env)
}

#[test]
fn keys_typed_while_loading_are_kept_and_never_echoed() {
    let mut s = Session::start(&[], &[SLOW]);
    let screen = s.wait_until("Loading ");
    assert!(
        screen.contains("Loading ") && screen.contains("cities.json…"),
        "{screen}"
    );
    assert!(!s.cooked(), "raw mode before loading");
    // Focus the search, type a query, and an arrow key (which a cooked terminal echoes as
    // `^[[B`), all while the dataset loads.
    s.send("/sonder\x1b[B");
    thread::sleep(Duration::from_millis(200));
    assert!(
        s.child.try_wait().expect("try_wait").is_none(),
        "still loading"
    );
    let screen = s.wait_until("1 of 13");
    assert!(screen.contains("Sønderborg"), "{screen}");
    assert_eq!(s.search_line(), "sonder", "{screen}");
    let raw = s.raw();
    let loading = before_explorer(&raw);
    assert!(find(loading, b"Loading ").is_some());
    for echo in [&b"sonder"[..], b"^[", b"\x1b[B"] {
        assert!(
            find(loading, echo).is_none(),
            "{echo:?} echoed: {:?}",
            String::from_utf8_lossy(loading)
        );
    }
    s.send("\x1b");
    s.wait_until("▶ Cities");
    s.send("q");
    assert_eq!(s.wait_exit(), 0);
    assert!(s.cooked(), "echo and line mode are back");
    // The loading line was erased: nothing of it is left on the normal screen.
    assert!(!s.screen().contains("Loading"), "{}", s.screen());
}

#[test]
fn a_quick_load_says_nothing() {
    let mut s = Session::start(&[], &[]);
    s.wait_until("13 of 13");
    s.send("q");
    assert_eq!(s.wait_exit(), 0);
    assert!(find(&s.raw(), b"Loading").is_none());
}

#[test]
fn ctrl_c_while_loading_ends_at_once_with_the_interrupt_status() {
    let mut s = Session::start(&[], &[SLOW]);
    s.wait_until("Loading ");
    let sent = Instant::now();
    s.send("\x03");
    assert_eq!(s.wait_exit(), 130);
    // Well before the 1.5 s the load takes (the wait itself adds 0.2 s).
    assert!(
        sent.elapsed() < Duration::from_millis(1200),
        "{:?}",
        sent.elapsed()
    );
    assert!(s.cooked(), "echo and line mode are back");
    assert!(
        find(&s.raw(), b"\x1b[?1049h").is_none(),
        "no explorer screen"
    );
    assert!(!s.screen().contains("Loading"), "{}", s.screen());
}

#[test]
fn a_load_error_restores_the_terminal_and_says_where() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bad.json");
    std::fs::write(
        &path,
        "{\"members\": [\n  {\"city\": \"Cork\", \"country\": \"Atlantis\"}\n]}\n",
    )
    .unwrap();
    let mut s = with_data(path.to_str().unwrap(), &[SLOW]);
    s.wait_until("Loading ");
    s.send("abc");
    assert_eq!(s.wait_exit(), 1);
    assert!(s.cooked(), "echo and line mode are back");
    let screen = s.screen();
    // Line 2: two spaces, `{"city": "Cork", ` (17), `"country": ` (11): column 31.
    assert!(
        screen.contains("bad.json:2:31: member 0 (Cork), field `country`: unknown country"),
        "{screen}"
    );
    assert!(!screen.contains("Loading"), "{screen}");
    assert!(!screen.contains("abc"), "typed keys echoed: {screen}");
}
