//! The real `gnlc` binary in a pseudo-terminal (portable-pty), its screen read back through
//! a terminal emulator (vt100): one session type for every pty test file.
//!
//! Robustness: every wait polls until the expected text appears, with a generous deadline,
//! and [`Session::wait_for`] considers the screen settled only when it stops changing.

use nix::sys::termios::LocalFlags;
use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, SlavePty, native_pty_system};
use std::io::{Read, Write};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

pub const DEADLINE: Duration = Duration::from_secs(20);
pub const STEP: Duration = Duration::from_millis(20);

/// A running `gnlc` in a pty, with everything it wrote (raw and as an emulated screen).
pub struct Session {
    pub child: Box<dyn Child + Send + Sync>,
    pub master: Box<dyn MasterPty + Send>,
    // Kept open so the pty (and its termios) outlives the child.
    _slave: Box<dyn SlavePty + Send>,
    writer: Box<dyn Write + Send>,
    raw: Arc<Mutex<Vec<u8>>>,
    pub parser: Arc<Mutex<vt100::Parser>>,
}

pub fn size(cols: u16, rows: u16) -> PtySize {
    PtySize {
        rows,
        cols,
        pixel_width: 0,
        pixel_height: 0,
    }
}

impl Session {
    pub fn start(args: &[&str], env: &[(&str, &str)]) -> Session {
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_gnlc"));
        cmd.args(["--data", super::FIXTURE_PATH]);
        cmd.args(args);
        Session::spawn(cmd, env)
    }

    pub fn spawn(mut cmd: CommandBuilder, env: &[(&str, &str)]) -> Session {
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

    pub fn screen(&self) -> String {
        self.parser.lock().expect("lock").screen().contents()
    }

    pub fn send(&mut self, bytes: &str) {
        self.writer.write_all(bytes.as_bytes()).expect("write");
        self.writer.flush().expect("flush");
    }

    /// Waits until the screen shows `needle`, then until it stops changing.
    pub fn wait_for(&self, needle: &str) -> String {
        self.wait_until(needle);
        self.settle()
    }

    /// Waits until the screen shows `needle`, and returns it at once (for a screen that
    /// goes on changing, such as one shown while loading).
    pub fn wait_until(&self, needle: &str) -> String {
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

    /// Waits until two looks at the screen 100 ms apart agree.
    pub fn settle(&self) -> String {
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

    pub fn resize(&self, cols: u16, rows: u16) {
        self.parser
            .lock()
            .expect("lock")
            .set_size(nonzero(rows), nonzero(cols));
        self.master.resize(size(cols, rows)).expect("resize");
    }

    /// Sends a signal (`-TERM`, `-HUP`...) to the explorer with kill(1).
    pub fn signal(&self, which: &str) {
        let status = std::process::Command::new("kill")
            .args([which, &self.pid().to_string()])
            .status()
            .expect("run kill");
        assert!(status.success(), "kill {which}");
    }

    pub fn pid(&self) -> u32 {
        self.child.process_id().expect("pid")
    }

    /// Waits for the process to end and returns its exit code.
    pub fn wait_exit(&mut self) -> u32 {
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

    pub fn raw(&self) -> Vec<u8> {
        self.raw.lock().expect("lock").clone()
    }

    /// Checks the terminal is as it was before gnlc started.
    pub fn assert_restored(&self, mouse: bool) {
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
        assert!(self.cooked(), "echo and line mode are back");
    }
}

pub fn nonzero(n: u16) -> std::num::NonZeroU16 {
    std::num::NonZeroU16::new(n).expect("a size above zero")
}

pub fn find_last(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}

impl Session {
    /// True while the explorer has not exited.
    pub fn running(&mut self) -> bool {
        self.child.try_wait().expect("try_wait").is_none()
    }

    /// The terminal's line discipline echoes and waits for Enter (as before gnlc started).
    pub fn cooked(&self) -> bool {
        let termios = self.master.get_termios().expect("termios");
        termios
            .local_flags
            .contains(LocalFlags::ECHO | LocalFlags::ICANON)
    }

    /// The search box's text: the row under the box's top border.
    pub fn search_line(&self) -> String {
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
