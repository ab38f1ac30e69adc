//! Start-up of the real `gnlc` binary in a pseudo-terminal while its dataset loads: the
//! terminal is raw before loading (typed keys neither echo nor wait for Enter, and are kept
//! for the explorer), a slow load says "Loading FILE…", Ctrl-C ends a load at once, and a
//! load error leaves the terminal as it was. A debug-only trigger (`GNLC_TEST_TRIGGER=
//! slow-load`) makes loading 1.5 s longer, so the tests can type while it runs.
//!
//! Robustness: every wait polls until the expected text appears, with a generous deadline.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // not library code: may fail loudly

mod common;

use nix::sys::termios::LocalFlags;
use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, SlavePty, native_pty_system};
use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

const DEADLINE: Duration = Duration::from_secs(20);
const STEP: Duration = Duration::from_millis(10);

struct Session {
    child: Box<dyn Child + Send + Sync>,
    master: Box<dyn MasterPty + Send>,
    // Kept open so the pty (and its termios) outlives the child.
    _slave: Box<dyn SlavePty + Send>,
    writer: Box<dyn Write + Send>,
    raw: Arc<Mutex<Vec<u8>>>,
    parser: Arc<Mutex<vt100::Parser>>,
}

impl Session {
    fn start(data: &str, env: &[(&str, &str)]) -> Session {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows: 30,
                cols: 100,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open a pty");
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_gnlc"));
        cmd.args(["--data", data]);
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("GNLC_TEST_TRIGGER");
        for (key, value) in env {
            cmd.env(key, value);
        }
        let child = pair.slave.spawn_command(cmd).expect("spawn gnlc");
        let mut reader = pair.master.try_clone_reader().expect("reader");
        let writer = pair.master.take_writer().expect("writer");
        let raw = Arc::new(Mutex::new(Vec::new()));
        let parser = Arc::new(Mutex::new(vt100::Parser::new(
            std::num::NonZeroU16::new(30).expect("rows"),
            std::num::NonZeroU16::new(100).expect("columns"),
            0,
        )));
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

    /// Waits until the screen shows `needle`.
    fn wait_for(&self, needle: &str) -> String {
        let start = Instant::now();
        loop {
            let screen = self.screen();
            if screen.contains(needle) {
                return screen;
            }
            assert!(
                start.elapsed() < DEADLINE,
                "timed out waiting for {needle:?}; screen:\n{screen}"
            );
            thread::sleep(STEP);
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

    /// The terminal's line discipline echoes and waits for Enter (as before gnlc started).
    fn cooked(&self) -> bool {
        let termios = self.master.get_termios().expect("termios");
        termios
            .local_flags
            .contains(LocalFlags::ECHO | LocalFlags::ICANON)
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

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// The output before the explorer's screen: what the user sees while loading.
fn before_explorer(raw: &[u8]) -> &[u8] {
    &raw[..find(raw, b"\x1b[?1049h").unwrap_or(raw.len())]
}

const SLOW: (&str, &str) = ("GNLC_TEST_TRIGGER", "slow-load");

#[test]
fn keys_typed_while_loading_are_kept_and_never_echoed() {
    let mut s = Session::start(common::FIXTURE_PATH, &[SLOW]);
    let screen = s.wait_for("Loading ");
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
    let screen = s.wait_for("1 of 13");
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
    s.wait_for("▶ Cities");
    s.send("q");
    assert_eq!(s.wait_exit(), 0);
    assert!(s.cooked(), "echo and line mode are back");
    // The loading line was erased: nothing of it is left on the normal screen.
    assert!(!s.screen().contains("Loading"), "{}", s.screen());
}

#[test]
fn a_quick_load_says_nothing() {
    let mut s = Session::start(common::FIXTURE_PATH, &[]);
    s.wait_for("13 of 13");
    s.send("q");
    assert_eq!(s.wait_exit(), 0);
    assert!(find(&s.raw(), b"Loading").is_none());
}

#[test]
fn ctrl_c_while_loading_ends_at_once_with_the_interrupt_status() {
    let mut s = Session::start(common::FIXTURE_PATH, &[SLOW]);
    s.wait_for("Loading ");
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
    let mut s = Session::start(path.to_str().unwrap(), &[SLOW]);
    s.wait_for("Loading ");
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
