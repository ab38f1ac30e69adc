//! The real `gnlc` binary in a pseudo-terminal (portable-pty), its screen read back through a
//! terminal emulator (vt100). Follows a first session's path (open, filter, search, read a profile, quit), then checks that every
//! exit path leaves the terminal as it was: normal screen, cursor shown, mouse capture off
//! (both in the raw bytes and in the emulator's state) and echo and line mode back (the pty's
//! termios).
//!
//! Robustness: every wait polls until the expected text appears, with a generous deadline,
//! and the screen is considered settled only when it stops changing.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // not library code: may fail loudly

mod common;

use common::pty::*;

use nix::sys::termios::LocalFlags;
use portable_pty::CommandBuilder;
use std::thread;
use std::time::Instant;

#[test]
fn a_new_user_goes_through_the_explorer_and_quits() {
    let mut s = Session::start(&[], &[]);
    s.wait_for("13 of 13");
    assert!(
        find_last(&s.raw(), b"\x1b[?1000h").is_some(),
        "mouse captured"
    );
    // Tab, j, j, Space: the five Asian cities.
    s.send("\t");
    s.wait_for("▶ Regions");
    s.send("jj ");
    let screen = s.wait_for("5 of 13");
    for city in ["Beijing", "Hangzhou", "Chengdu", "Shenzhen", "Namyangju"] {
        assert!(screen.contains(city), "{city} missing:\n{screen}");
    }
    assert!(!screen.contains("Sønderborg"), "{screen}");
    // Space again: all 13.
    s.send(" ");
    s.wait_for("13 of 13");
    // Shift-Tab round to the city list (in a facet pane `/` filters the pane), then `/` and
    // "sonder": Sønderborg alone.
    s.send("\x1b[Z");
    s.wait_for("▶ Cities");
    s.send("/");
    s.wait_for("▶ Search");
    s.send("sonder");
    let screen = s.wait_for("1 of 13");
    assert!(screen.contains("Sønderborg"), "{screen}");
    // Enter: its detail, with the 41742 tagline and the vision section.
    s.send("\r");
    let screen = s.wait_for("Sønderborg — Denmark");
    assert!(screen.contains("41742 way of thinking"), "{screen}");
    assert!(screen.contains("Vision and motivation"), "{screen}");
    // `?` shows the keys; Esc closes them.
    s.send("?");
    let screen = s.wait_for("Keys");
    assert!(
        screen.contains("Ctrl-C") && screen.contains("Shift-Tab"),
        "{screen}"
    );
    s.send("\x1b");
    let start = Instant::now();
    while s.screen().contains("Shift-Tab") {
        assert!(start.elapsed() < DEADLINE, "Esc did not close the help");
        thread::sleep(STEP);
    }
    // A resize to 18x5 and back keeps it running.
    s.resize(18, 5);
    s.wait_for("too small");
    s.resize(100, 30);
    let screen = s.wait_for("Sønderborg — Denmark");
    assert!(screen.contains("Vision and motivation"), "{screen}");
    // q leaves the terminal as it was.
    s.send("q");
    assert_eq!(s.wait_exit(), 0);
    s.assert_restored(true);
}

#[test]
fn ctrl_c_quits_even_from_the_search_box() {
    let mut s = Session::start(&[], &[]);
    s.wait_for("13 of 13");
    s.send("/q");
    s.wait_for("0 of 13");
    s.send("\x03");
    assert_eq!(s.wait_exit(), 0);
    s.assert_restored(true);
}

#[test]
fn sigterm_restores_the_terminal_and_exits_143() {
    let mut s = Session::start(&[], &[]);
    s.wait_for("13 of 13");
    s.signal("-TERM");
    assert_eq!(s.wait_exit(), 128 + 15);
    s.assert_restored(true);
}

#[test]
fn sighup_restores_the_terminal_and_exits_129() {
    let mut s = Session::start(&[], &[]);
    s.wait_for("13 of 13");
    s.signal("-HUP");
    assert_eq!(s.wait_exit(), 128 + 1);
    s.assert_restored(true);
}

#[test]
fn a_signal_ends_the_explorer_even_when_its_loop_is_stuck() {
    // A closed terminal can leave the input reader spinning, so the loop never sees the
    // signal flag; the watchdog must restore the terminal and exit by itself.
    let mut s = Session::start(&[], &[("GNLC_TEST_TRIGGER", "hang")]);
    s.wait_for("13 of 13");
    s.signal("-TERM");
    assert_eq!(s.wait_exit(), 128 + 15);
    s.assert_restored(true);
}

#[test]
fn a_panic_restores_the_terminal_before_its_message() {
    let mut s = Session::start(&[], &[("GNLC_TEST_TRIGGER", "panic")]);
    assert_eq!(s.wait_exit(), 101);
    s.assert_restored(true);
    // The message is on the normal screen, after the restore.
    let raw = s.raw();
    let left = find_last(&raw, b"\x1b[?1049l").expect("left the alternate screen");
    let message = find_last(&raw, b"test-only panic").expect("panic message");
    assert!(message > left, "the panic message came after the restore");
    assert!(s.screen().contains("test-only panic"));
}

#[test]
fn an_error_after_start_restores_the_terminal_and_exits_1() {
    let mut s = Session::start(&[], &[("GNLC_TEST_TRIGGER", "error")]);
    assert_eq!(s.wait_exit(), 1);
    s.assert_restored(true);
    assert!(s.screen().contains("test-only error"), "{}", s.screen());
}

#[test]
fn no_mouse_never_captures_the_mouse() {
    let mut s = Session::start(&["--no-mouse"], &[]);
    s.wait_for("13 of 13");
    s.send("q");
    assert_eq!(s.wait_exit(), 0);
    assert!(find_last(&s.raw(), b"\x1b[?1000h").is_none());
    s.assert_restored(false);
}

#[test]
fn no_color_turns_colour_off_and_keeps_the_selection_visible() {
    let colours = |s: &Session| {
        let parser = s.parser.lock().expect("lock");
        let screen = parser.screen();
        let (rows, cols) = screen.size();
        let mut coloured = 0;
        for row in 0..rows.get() {
            for col in 0..cols.get() {
                if let Some(cell) = screen.cell(row, col)
                    && (cell.fgcolor() != vt100::Color::Default
                        || cell.bgcolor() != vt100::Color::Default)
                {
                    coloured += 1;
                }
            }
        }
        coloured
    };
    let mut plain = Session::start(&[], &[("NO_COLOR", "1")]);
    let screen = plain.wait_for("13 of 13");
    assert_eq!(colours(&plain), 0, "no colour with NO_COLOR:\n{screen}");
    // The selected city is shown reversed and bold.
    let (col, row) = screen
        .lines()
        .enumerate()
        .find_map(|(y, l)| l.find("› Beijing").map(|x| (l[..x].chars().count(), y)))
        .expect("the selected city is marked");
    {
        let parser = plain.parser.lock().expect("lock");
        let cell = parser
            .screen()
            .cell(row as u16, col as u16 + 2)
            .expect("cell");
        assert!(cell.inverse() && cell.bold(), "selection reversed and bold");
    }
    plain.send("q");
    assert_eq!(plain.wait_exit(), 0);
    // Without NO_COLOR there is colour.
    let mut coloured = Session::start(&[], &[]);
    coloured.wait_for("13 of 13");
    assert!(colours(&coloured) > 0);
    coloured.send("q");
    assert_eq!(coloured.wait_exit(), 0);
}

#[test]
fn command_line_filters_open_the_explorer_already_filtered() {
    let mut s = Session::start(&["--region", "Asia and the Pacific"], &[]);
    let screen = s.wait_for("5 of 13");
    assert!(screen.contains("[x] Asia and the Pacific"), "{screen}");
    s.send("q");
    assert_eq!(s.wait_exit(), 0);
    let mut s = Session::start(&["--search", "sonder"], &[]);
    let screen = s.wait_for("1 of 13");
    assert!(
        screen.contains("Sønderborg") && screen.contains("sonder"),
        "{screen}"
    );
    s.send("q");
    assert_eq!(s.wait_exit(), 0);
}

/// Ctrl-Z as a user meets it: gnlc started by a job-control shell, suspended, the shell's
/// `fg` bringing it back. (A process whose group has no job-control shell above it is in an
/// orphaned group, where the system discards SIGTSTP by design; so the shell is needed.)
#[test]
fn ctrl_z_suspends_with_the_terminal_restored_and_fg_brings_the_explorer_back() {
    // bash -m: job control, so gnlc runs as a foreground job in its own process group. After
    // it stops, the script says so and waits for a line; the line makes it run `fg`.
    let script = format!(
        "\"$0\" --data {fixture}; echo \"[gnlc stopped: $?]\"; read -r line; fg; echo \"[gnlc done: $?]\"",
        fixture = common::FIXTURE_PATH
    );
    let mut cmd = CommandBuilder::new("bash");
    cmd.args([
        "--norc",
        "--noprofile",
        "-m",
        "-c",
        &script,
        env!("CARGO_BIN_EXE_gnlc"),
    ]);
    cmd.env("XDG_CONFIG_HOME", "/nonexistent-gnlc-test-config");
    let mut s = Session::spawn(cmd, &[]);
    s.wait_for("13 of 13");
    let raw_mode = |s: &Session| {
        let termios = s.master.get_termios().expect("termios");
        !termios
            .local_flags
            .intersects(LocalFlags::ECHO | LocalFlags::ICANON)
    };
    assert!(raw_mode(&s), "the explorer runs in raw mode");
    // Ctrl-Z: the terminal is restored as on exit, then the process stops (148 = 128 + SIGTSTP).
    s.send("\x1a");
    let screen = s.wait_for("[gnlc stopped: 148]");
    assert!(!screen.contains("13 of 13"), "{screen}");
    s.assert_restored(true);
    // `fg`: raw mode, the alternate screen and the mouse again, and the whole screen drawn.
    let before = s.raw().len();
    s.send("\n");
    let start = Instant::now();
    while !(s.parser.lock().expect("lock").screen().alternate_screen()
        && s.screen().contains("13 of 13"))
    {
        assert!(
            start.elapsed() < DEADLINE,
            "not drawn again after fg:\n{}",
            s.screen()
        );
        thread::sleep(STEP);
    }
    s.settle();
    assert!(raw_mode(&s), "raw mode again after fg");
    let resumed = s.raw()[before..].to_vec();
    assert!(
        find_last(&resumed, b"\x1b[?1049h").is_some(),
        "alternate screen again"
    );
    assert!(
        find_last(&resumed, b"\x1b[?1000h").is_some(),
        "mouse captured again"
    );
    // Every row of the list is there: a full redraw, not a diff against the old screen.
    let screen = s.screen();
    for city in ["Beijing", "Cork", "Sønderborg"] {
        assert!(screen.contains(city), "{city} missing after fg:\n{screen}");
    }
    // Still answers keys.
    s.send("/sonder");
    s.wait_for("1 of 13");
    s.send("\x03");
    s.wait_for("[gnlc done: 0]");
    s.assert_restored(true);
    assert_eq!(s.wait_exit(), 0);
}

/// Ctrl-L clears the terminal and draws every cell again.
#[test]
fn ctrl_l_redraws_the_whole_screen() {
    let mut s = Session::start(&[], &[]);
    s.wait_for("13 of 13");
    // Scribble over the emulator's idea of the screen, as a stray write to the tty would.
    s.parser.lock().expect("lock").process(b"\x1b[2J");
    assert!(!s.screen().contains("13 of 13"));
    s.send("\x0c");
    let screen = s.wait_for("13 of 13");
    assert!(screen.contains("Beijing"), "{screen}");
    s.send("q");
    assert_eq!(s.wait_exit(), 0);
}
