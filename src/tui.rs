//! Terminal setup, restore and the event loop: the only part of the explorer that touches
//! the terminal.
//!
//! # Restoring the terminal on every exit path
//!
//! [`enter`] and [`restore`] are the one init/restore pair. `restore` acts only if the
//! terminal is still in explorer mode (an atomic flag), so it can be called from all of these
//! without ever restoring twice:
//! - normal return (`q`, Ctrl-C, which arrives as a key in raw mode) and an error after start:
//!   a guard restores on drop;
//! - a panic: a panic hook restores *before* the message is printed (so it lands on the normal
//!   screen), then the guard's drop during unwinding finds nothing left to do;
//! - SIGTERM, SIGHUP, SIGINT, SIGQUIT: signal-hook sets a flag that the loop checks at least
//!   every [`POLL`]; the loop returns, the terminal is restored, and [`run`] returns the exit
//!   status 128 + the signal number, as a shell reports a death by signal. When the loop
//!   cannot notice (a closed terminal can leave crossterm's reader spinning on empty reads),
//!   the calling thread, which runs no terminal I/O of its own, restores the terminal after a
//!   short grace period and returns that status anyway; `main` exits with it, which also
//!   ends the stuck loop's thread.
//!
//! The library never calls `process::exit`: only `main` ends the process.
//!
//! # Test-only triggers
//!
//! In debug builds only (`cfg(debug_assertions)`; a release binary has no such code), the
//! environment variable `GNLC_TEST_TRIGGER` makes the explorer fail right after its first
//! frame, so the pseudo-terminal tests can prove the restore: `panic` panics, `error` returns
//! an I/O error, `hang` never returns (only the signal watcher in [`run`] can end it).
//!
//! # Responsiveness
//!
//! After one event arrives, every pending event is handled before the next frame is drawn,
//! however large the burst (see [`pending`]), so fast typing never waits for drawing and the
//! screen never shows a query the user did not type.

use crate::app::{App, keymap};
use crate::error::{Error, Result};
use crate::ui::Explorer;
use crossterm::event::{self, Event, MouseButton, MouseEventKind};
use crossterm::{cursor, execute, terminal};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use std::io;
use std::sync::Arc;
use std::sync::Once;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc;
use std::time::Duration;

/// How the explorer uses the terminal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// Capture the mouse (clicks and the wheel); `--no-mouse` turns it off.
    pub mouse: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options { mouse: true }
    }
}

/// The longest the loop waits for input before looking at the signal flag again.
const POLL: Duration = Duration::from_millis(50);

/// The signals that end the explorer cleanly.
const SIGNALS: [i32; 4] = [
    signal_hook::consts::SIGTERM,
    signal_hook::consts::SIGHUP,
    signal_hook::consts::SIGINT,
    signal_hook::consts::SIGQUIT,
];

/// True while the terminal is in explorer mode (raw, alternate screen).
static ACTIVE: AtomicBool = AtomicBool::new(false);
/// True while mouse capture is on.
static MOUSE: AtomicBool = AtomicBool::new(false);
static PANIC_HOOK: Once = Once::new();

/// Runs the explorer until the user quits, and returns the exit status for `main`: 0, or
/// 128 + the signal number after a terminating signal. The terminal is restored on every
/// exit path (see the module docs).
///
/// The event loop runs on its own thread; this thread watches the signal flag, so that it
/// can restore the terminal and return even when the loop is stuck.
pub fn run(app: App, options: Options) -> Result<i32> {
    let signal = Arc::new(AtomicUsize::new(0));
    let mut ids = Vec::with_capacity(SIGNALS.len());
    for sig in SIGNALS {
        let id = signal_hook::flag::register_usize(
            sig,
            Arc::clone(&signal),
            sig.unsigned_abs() as usize,
        )
        .map_err(|e| Error::io("signal handler", &e))?;
        ids.push(id);
    }
    install_panic_hook();
    let (done, loop_done) = mpsc::channel::<()>();
    let loop_signal = Arc::clone(&signal);
    let spawned = std::thread::Builder::new()
        .name("explorer".into())
        .spawn(move || {
            let mut app = Explorer::new(app);
            let result = {
                let _guard = Guard;
                enter(options.mouse).and_then(|()| event_loop(&mut app, options, &loop_signal))
            };
            // Dropping `done` (also by unwinding) is what tells the watcher the loop ended.
            drop(done);
            result
        })
        .map_err(|e| Error::io("explorer thread", &e))?;
    let stuck = watch(&loop_done, &signal);
    for id in ids {
        signal_hook::low_level::unregister(id);
    }
    let signal_status = || 128 + i32::try_from(signal.load(Ordering::SeqCst)).unwrap_or(0);
    if stuck {
        // The loop's thread is left behind; `main` ends the process with this status.
        restore();
        return Ok(signal_status());
    }
    let result = match spawned.join() {
        Ok(result) => result.map_err(|e| Error::io("terminal", &e)),
        // The panic hook has restored the terminal and printed the message: go on unwinding.
        Err(panic) => std::panic::resume_unwind(panic),
    };
    result?;
    if signal.load(Ordering::SeqCst) != 0 {
        return Ok(signal_status());
    }
    Ok(0)
}

/// How long the event loop has, after a terminating signal, to notice it and return before
/// the terminal is restored without it.
const SIGNAL_GRACE: Duration = Duration::from_millis(300);

/// Waits for the event loop to end. Returns true when a terminating signal came and the loop
/// did not end within [`SIGNAL_GRACE`]: when the terminal has gone away (SIGHUP from a closed
/// window), crossterm's reader can spin on a read that returns 0 bytes and never give control
/// back.
fn watch(loop_done: &mpsc::Receiver<()>, signal: &AtomicUsize) -> bool {
    loop {
        match loop_done.recv_timeout(POLL) {
            Ok(()) | Err(mpsc::RecvTimeoutError::Disconnected) => return false,
            Err(mpsc::RecvTimeoutError::Timeout) if signal.load(Ordering::SeqCst) != 0 => {
                return matches!(
                    loop_done.recv_timeout(SIGNAL_GRACE),
                    Err(mpsc::RecvTimeoutError::Timeout)
                );
            }
            Err(mpsc::RecvTimeoutError::Timeout) => {}
        }
    }
}

/// Puts the terminal in explorer mode: raw input, alternate screen, bracketed paste (a paste
/// arrives as one text event, not as keys), mouse capture if asked.
pub fn enter(mouse: bool) -> io::Result<()> {
    terminal::enable_raw_mode()?;
    // Only now is there something to restore.
    ACTIVE.store(true, Ordering::SeqCst);
    let mut out = io::stdout();
    execute!(
        out,
        terminal::EnterAlternateScreen,
        cursor::Hide,
        event::EnableBracketedPaste
    )?;
    if mouse {
        MOUSE.store(true, Ordering::SeqCst);
        execute!(out, event::EnableMouseCapture)?;
    }
    Ok(())
}

/// Puts the terminal back as it was: mouse capture and bracketed paste off, normal screen,
/// cursor shown, echo
/// and line mode back. Does nothing if already done, so every exit path may call it.
pub fn restore() {
    if !ACTIVE.swap(false, Ordering::SeqCst) {
        return;
    }
    let mut out = io::stdout();
    if MOUSE.swap(false, Ordering::SeqCst) {
        let _ = execute!(out, event::DisableMouseCapture);
    }
    let _ = execute!(
        out,
        event::DisableBracketedPaste,
        terminal::LeaveAlternateScreen,
        cursor::Show
    );
    let _ = terminal::disable_raw_mode();
}

/// Restores the terminal when dropped (normal return, error, unwinding).
struct Guard;

impl Drop for Guard {
    fn drop(&mut self) {
        restore();
    }
}

/// Chains a hook that restores the terminal before the previous hook prints the panic.
fn install_panic_hook() {
    PANIC_HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            restore();
            previous(info);
        }));
    });
}

fn event_loop(app: &mut Explorer, options: Options, signal: &AtomicUsize) -> io::Result<()> {
    let mut terminal = Terminal::new(CrosstermBackend::new(io::stdout()))?;
    let signalled = || signal.load(Ordering::SeqCst) != 0;
    loop {
        terminal.draw(|frame| app.draw(frame))?;
        test_trigger()?;
        if app.quit || signalled() {
            return Ok(());
        }
        // Wait for input, looking at the signal flag between short polls.
        while !event::poll(POLL)? {
            if signalled() {
                return Ok(());
            }
        }
        // Handle everything pending before drawing again; search edits of the burst run the
        // query once, for the final text, before the draw.
        app.defer_runs(true);
        loop {
            handle(app, options, &event::read()?);
            if app.quit || signalled() || !pending()? {
                break;
            }
        }
        app.defer_runs(false);
    }
}

/// True when more input is waiting: already parsed, or still unread in the terminal.
///
/// crossterm reads the terminal 1,024 bytes at a time. Its default (mio) reader waits for
/// edge-triggered readiness, so bytes left in the kernel after one read are reported only
/// when *new* bytes arrive: a burst over 1 KB stayed unhandled until the next key. The
/// `use-dev-tty` reader (enabled in Cargo.toml) polls level-triggered, but treats a zero
/// timeout as "do not look at all"; a short timeout makes it look at both its parsed events
/// and the terminal, and costs at most [`DRAIN`] once per burst.
fn pending() -> io::Result<bool> {
    Ok(event::poll(Duration::ZERO)? || event::poll(DRAIN)?)
}

/// How long [`pending`] waits for input that may still be in the terminal's buffer.
const DRAIN: Duration = Duration::from_millis(1);

/// Turns one terminal event into an action and applies it.
fn handle(app: &mut Explorer, options: Options, event: &Event) {
    let action = match event {
        Event::Key(key) => keymap::action_for(app.mode(), *key),
        Event::Mouse(mouse) if options.mouse => {
            let (column, row) = (mouse.column, mouse.row);
            match mouse.kind {
                MouseEventKind::Down(MouseButton::Left) => {
                    Some(crate::app::Action::Click { column, row })
                }
                MouseEventKind::ScrollDown => Some(crate::app::Action::Wheel {
                    column,
                    row,
                    down: true,
                }),
                MouseEventKind::ScrollUp => Some(crate::app::Action::Wheel {
                    column,
                    row,
                    down: false,
                }),
                _ => None,
            }
        }
        // A paste is text for the field with the keyboard, never keys: a pasted `q` or
        // newline neither quits nor opens.
        Event::Paste(text) => {
            app.paste(text);
            None
        }
        // A resize needs no action: the next draw adapts to the new size.
        _ => None,
    };
    if let Some(action) = action {
        app.update(action);
    }
}

/// The test-only failure triggers (see the module docs). Compiled out of release builds.
#[cfg(debug_assertions)]
#[expect(
    clippy::panic,
    reason = "the pseudo-terminal tests need a real panic to prove the terminal is restored"
)]
fn test_trigger() -> io::Result<()> {
    match std::env::var("GNLC_TEST_TRIGGER").as_deref() {
        Ok("panic") => panic!("GNLC_TEST_TRIGGER=panic: a test-only panic after the first frame"),
        // Stands for an event loop that cannot see the signal flag (a reader spinning on a
        // closed terminal): only the signal watcher can end the explorer.
        Ok("hang") => loop {
            std::thread::sleep(Duration::from_secs(1));
        },
        Ok("error") => Err(io::Error::other(
            "GNLC_TEST_TRIGGER=error: a test-only error after the first frame",
        )),
        _ => Ok(()),
    }
}

#[cfg(not(debug_assertions))]
#[allow(clippy::unnecessary_wraps)] // same signature as the debug build's trigger
fn test_trigger() -> io::Result<()> {
    Ok(())
}
