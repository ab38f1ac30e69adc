//! Input paths of the real `gnlc` binary in a pseudo-terminal (portable-pty + vt100): bursts
//! larger than one read, bracketed paste, readline editing keys. Each test checks the screen
//! and that the process is still running afterwards.
//!
//! Robustness: every wait polls until the expected text appears, with a generous deadline,
//! and the screen is considered settled only when it stops changing.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // not library code: may fail loudly

mod common;

use common::pty::*;

use std::thread;
use std::time::Instant;

#[test]
fn a_burst_of_three_kilobytes_is_handled_before_the_next_draw() {
    let mut s = Session::start(&[], &[]);
    s.wait_for("13 of 13");
    s.send("/");
    s.wait_for("▶ Search");
    // 3,000 bytes in one write: type two letters and delete them, 750 times; then "sonder".
    let mut burst = "ab\x7f\x7f".repeat(750);
    burst.push_str("sonder");
    assert!(burst.len() > 3000);
    s.send(&burst);
    let screen = s.wait_for("1 of 13");
    assert!(screen.contains("Sønderborg"), "{screen}");
    assert_eq!(s.search_line(), "sonder", "{screen}");
    assert!(s.running());
    // Esc after the burst is not swallowed.
    s.send("\x1b");
    s.wait_for("▶ Cities");
    s.send("q");
    assert_eq!(s.wait_exit(), 0);
    s.assert_restored(true);
}

#[test]
fn bracketed_paste_is_text_in_the_search_box_and_never_keys() {
    let mut s = Session::start(&[], &[]);
    s.wait_for("13 of 13");
    assert!(
        find_last(&s.raw(), b"\x1b[?2004h").is_some(),
        "bracketed paste enabled"
    );
    s.send("/");
    s.wait_for("▶ Search");
    // A paste with a newline and a `q`: typed as keys, Enter would open a city and q would
    // quit; pasted, both are text.
    s.send("\x1b[200~son\nq\x1b[201~");
    let screen = s.wait_for("son q");
    assert!(screen.contains("0 of 13"), "{screen}");
    assert_eq!(s.search_line(), "son q", "{screen}");
    assert!(s.running());
    // Outside the search box a paste is ignored, with a notice.
    s.send("\x1b");
    s.wait_for("▶ Cities");
    s.send("\x1b[200~q\r\x1b[201~");
    let screen = s.wait_for("paste ignored");
    assert!(!screen.contains("Vision and motivation"), "{screen}");
    assert!(s.running());
    s.send("q");
    assert_eq!(s.wait_exit(), 0);
    s.assert_restored(true);
    let raw = s.raw();
    let on = find_last(&raw, b"\x1b[?2004h").expect("enabled");
    let off = find_last(&raw, b"\x1b[?2004l").expect("bracketed paste disabled on exit");
    assert!(off > on);
}

#[test]
fn readline_keys_edit_the_search_at_its_cursor() {
    let mut s = Session::start(&[], &[]);
    s.wait_for("13 of 13");
    s.send("/");
    s.wait_for("▶ Search");
    s.send("xx sonder");
    s.wait_for("xx sonder");
    // Ctrl-W deletes "sonder"; typing puts "sønd" back.
    s.send("\x17");
    let start = Instant::now();
    while s.search_line() != "xx" {
        assert!(start.elapsed() < DEADLINE, "Ctrl-W: {}", s.screen());
        thread::sleep(STEP);
    }
    s.send("sønd");
    s.wait_for("xx sønd");
    // Ctrl-A, Delete, Delete, Delete: the "xx " before the cursor's start goes.
    s.send("\x01\x1b[3~\x1b[3~\x1b[3~");
    let screen = s.wait_for("1 of 13");
    assert_eq!(s.search_line(), "sønd", "{screen}");
    assert!(screen.contains("Sønderborg"), "{screen}");
    // Alt-Backspace at the end deletes the word; Ctrl-E then types at the end again.
    s.send("\x05\x1b\x7f");
    s.wait_for("13 of 13");
    assert_eq!(s.search_line(), "");
    assert!(s.running());
    s.send("\x03");
    assert_eq!(s.wait_exit(), 0);
}
