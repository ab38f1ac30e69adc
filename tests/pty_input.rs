//! Input paths of the real `gnlc` binary in a pseudo-terminal (portable-pty + vt100): bursts
//! larger than one read, bracketed paste, readline editing keys. Each test checks the screen
//! and that the process is still running afterwards.
//!
//! Robustness: every wait polls until the expected text appears, with a generous deadline,
//! and the screen is considered settled only when it stops changing.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // not library code: may fail loudly

mod common;

use nix::sys::termios::LocalFlags;
use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, SlavePty, native_pty_system};
use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

const DEADLINE: Duration = Duration::from_secs(20);
const STEP: Duration = Duration::from_millis(20);

struct Session {
    child: Box<dyn Child + Send + Sync>,
    master: Box<dyn MasterPty + Send>,
    // Kept open so the pty (and its termios) outlives the child.
    _slave: Box<dyn SlavePty + Send>,
    writer: Box<dyn Write + Send>,
    raw: Arc<Mutex<Vec<u8>>>,
    parser: Arc<Mutex<vt100::Parser>>,
}

fn size(cols: u16, rows: u16) -> PtySize {
    PtySize {
        rows,
        cols,
        pixel_width: 0,
        pixel_height: 0,
    }
}

impl Session {
    fn start(args: &[&str], env: &[(&str, &str)]) -> Session {
        let pair = native_pty_system()
            .openpty(size(100, 30))
            .expect("open a pty");
        let termios = pair.master.get_termios().expect("termios");
        assert!(
            termios
                .local_flags
                .contains(LocalFlags::ECHO | LocalFlags::ICANON),
            "a fresh pty echoes and is in line mode"
        );
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_gnlc"));
        cmd.args(["--data", common::FIXTURE_PATH]);
        cmd.args(args);
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("NO_COLOR");
        cmd.env_remove("GNLC_TEST_TRIGGER");
        for (key, value) in env {
            cmd.env(key, value);
        }
        let child = pair.slave.spawn_command(cmd).expect("spawn gnlc");
        let mut reader = pair.master.try_clone_reader().expect("reader");
        let writer = pair.master.take_writer().expect("writer");
        let raw = Arc::new(Mutex::new(Vec::new()));
        let parser = Arc::new(Mutex::new(vt100::Parser::new(nonzero(30), nonzero(100), 0)));
        {
            let raw = Arc::clone(&raw);
            let parser = Arc::clone(&parser);
            thread::spawn(move || {
                let mut buf = [0u8; 8192];
                while let Ok(n) = reader.read(&mut buf) {
                    if n == 0 {
                        break;
                    }
                    raw.lock().expect("lock").extend_from_slice(&buf[..n]);
                    parser.lock().expect("lock").process(&buf[..n]);
                }
            });
        }
        Session {
            child,
            master: pair.master,
            _slave: pair.slave,
            writer,
            raw,
            parser,
        }
    }

    fn screen(&self) -> String {
        self.parser.lock().expect("lock").screen().contents()
    }

    fn send(&mut self, bytes: &str) {
        self.writer.write_all(bytes.as_bytes()).expect("write");
        self.writer.flush().expect("flush");
    }

    /// Waits until the screen shows `needle`, then until it stops changing.
    fn wait_for(&self, needle: &str) -> String {
        let start = Instant::now();
        while !self.screen().contains(needle) {
            assert!(
                start.elapsed() < DEADLINE,
                "timed out waiting for {needle:?}; screen:\n{}",
                self.screen()
            );
            thread::sleep(STEP);
        }
        self.settle()
    }

    /// Waits until two looks at the screen 100 ms apart agree.
    fn settle(&self) -> String {
        let start = Instant::now();
        let mut last = self.screen();
        loop {
            thread::sleep(Duration::from_millis(100));
            let now = self.screen();
            if now == last || start.elapsed() > DEADLINE {
                return now;
            }
            last = now;
        }
    }

    /// Waits for the process to end and returns its exit code.
    fn wait_exit(&mut self) -> u32 {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().expect("try_wait") {
                // Let the reader thread take the last bytes.
                thread::sleep(Duration::from_millis(200));
                return status.exit_code();
            }
            assert!(
                start.elapsed() < DEADLINE,
                "gnlc did not exit; screen:\n{}",
                self.screen()
            );
            thread::sleep(STEP);
        }
    }

    fn raw(&self) -> Vec<u8> {
        self.raw.lock().expect("lock").clone()
    }

    /// Checks the terminal is as it was before gnlc started.
    fn assert_restored(&self, mouse: bool) {
        let raw = self.raw();
        let after = |set: &str, reset: &str| {
            let set_at = find_last(&raw, set.as_bytes());
            let reset_at = find_last(&raw, reset.as_bytes());
            matches!((set_at, reset_at), (Some(s), Some(r)) if r > s)
        };
        assert!(
            after("\x1b[?1049h", "\x1b[?1049l"),
            "the alternate screen was left"
        );
        assert!(
            after("\x1b[?25l", "\x1b[?25h"),
            "the cursor was shown again"
        );
        if mouse {
            assert!(
                after("\x1b[?1000h", "\x1b[?1000l"),
                "mouse capture was turned off"
            );
        }
        {
            let parser = self.parser.lock().expect("lock");
            let screen = parser.screen();
            assert!(!screen.alternate_screen(), "still on the alternate screen");
            assert!(!screen.hide_cursor(), "the cursor is still hidden");
            assert_eq!(
                screen.mouse_protocol_mode(),
                vt100::MouseProtocolMode::None,
                "mouse still captured"
            );
        }
        let termios = self.master.get_termios().expect("termios");
        assert!(
            termios
                .local_flags
                .contains(LocalFlags::ECHO | LocalFlags::ICANON),
            "echo and line mode are back"
        );
    }
}

fn nonzero(n: u16) -> std::num::NonZeroU16 {
    std::num::NonZeroU16::new(n).expect("a size above zero")
}

fn find_last(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}

impl Session {
    /// True while the explorer has not exited.
    fn running(&mut self) -> bool {
        self.child.try_wait().expect("try_wait").is_none()
    }

    /// The search box's text: the row under the box's top border.
    fn search_line(&self) -> String {
        let screen = self.screen();
        let lines: Vec<&str> = screen.lines().collect();
        let top = lines
            .iter()
            .position(|l| l.contains("Search"))
            .expect("a search box");
        lines[top + 1]
            .trim_matches(|c: char| c == '│' || c == '┃' || c == ' ')
            .to_string()
    }
}

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
