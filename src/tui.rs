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
//! # Outside effects
//!
//! Actions that need the outside world (`y` copies with OSC 52, `o` opens a browser, Ctrl-Z
//! suspends, Ctrl-L redraws) are recorded by the app as `app::Effect`s; the loop performs
//! them after each event. Ctrl-Z restores the terminal exactly as on exit, stops the process
//! with SIGTSTP, and on SIGCONT enters explorer mode again and redraws every cell.
//!
//! # Loading
//!
//! [`run_loading`] puts the terminal in raw mode *before* the dataset is read, so keys typed
//! while a large file loads neither echo over the screen nor wait for Enter. They are read
//! as they come (a kernel's terminal buffer holds only a few kilobytes) and handed to the
//! explorer after its first frame, as if typed then; only Ctrl-C is acted on at once, and
//! ends the program as an interrupt would (exit status 130). A load that takes longer than
//! [`LOADING_AFTER`] says so on one line ("Loading FILE…"), erased when it is done.
//!
//! # Test-only triggers
//!
//! In debug builds only (`cfg(debug_assertions)`; a release binary has no such code), the
//! environment variable `GNLC_TEST_TRIGGER` makes the explorer fail right after its first
//! frame, so the pseudo-terminal tests can prove the restore: `panic` panics, `error` returns
//! an I/O error, `hang` never returns (only the signal watcher in [`run`] can end it).
//! `slow-load` makes loading take 1.5 s longer, so a test can type while it loads.
//!
//! # Responsiveness
//!
//! After one event arrives, every pending event is handled before the next frame is drawn,
//! however large the burst (see [`pending`]), so fast typing never waits for drawing and the
//! screen never shows a query the user did not type.

use crate::app::{App, Effect};
use crate::clipboard;
use crate::error::{Error, Result};
use crate::ui::Explorer;
use crossterm::event::{self, Event, MouseButton, MouseEventKind};
use crossterm::{cursor, execute, terminal};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use std::io::{self, Write};
use std::sync::Arc;
use std::sync::Once;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// How the explorer uses the terminal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// Capture the mouse (clicks and the wheel); `--no-mouse` turns it off.
    pub mouse: bool,
    /// The colours to draw with (the config file's theme).
    pub palette: crate::ui::theme::Palette,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            mouse: true,
            palette: crate::ui::theme::Palette::default(),
        }
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

/// True while the terminal is in raw mode (while loading, and in explorer mode).
static ACTIVE: AtomicBool = AtomicBool::new(false);
/// True while the alternate screen is shown (explorer mode).
static SCREEN: AtomicBool = AtomicBool::new(false);
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
    run_loading("", move || Ok((app, Vec::new())), options)
}

/// Like [`run`], but builds the app with `load` on a thread of its own, the terminal already
/// in raw mode (see the module docs); `label` names what loads ("Loading LABEL…"). `load`
/// also returns lines to print on the normal screen before the explorer starts (what a
/// merge of several files changed), each printed after `gnlc: `. An error from `load` is
/// returned once the terminal is restored.
pub fn run_loading<F>(label: &str, load: F, options: Options) -> Result<i32>
where
    F: FnOnce() -> Result<(App, Vec<String>)> + Send + 'static,
{
    let label = crate::text::sanitize_line(label).into_owned();
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
            let result = {
                let _guard = Guard;
                explore(&label, load, options, &loop_signal)
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
        Ok(result) => result,
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

/// The explorer's thread: loads (see [`load_raw`]), then runs the event loop.
fn explore<F>(label: &str, load: F, options: Options, signal: &AtomicUsize) -> Result<()>
where
    F: FnOnce() -> Result<(App, Vec<String>)> + Send + 'static,
{
    let Some((app, early)) = load_raw(label, load, signal)? else {
        return Ok(());
    };
    let mut app = Explorer::new(app);
    app.view.palette = options.palette;
    enter(options.mouse)
        .and_then(|()| event_loop(&mut app, options, signal, early))
        .map_err(|e| Error::io("terminal", &e))
}

/// How long a load may take before "Loading FILE…" is shown.
pub const LOADING_AFTER: Duration = Duration::from_millis(100);

/// Runs `load` on a thread of its own with the terminal in raw mode, keeping the events that
/// arrive meanwhile, and showing "Loading LABEL…" once it takes longer than
/// [`LOADING_AFTER`]. `None` when a terminating signal or Ctrl-C came first (Ctrl-C is then
/// recorded as SIGINT in `signal`): the loader is left to the process's end.
fn load_raw<F>(label: &str, load: F, signal: &AtomicUsize) -> Result<Option<(App, Vec<Event>)>>
where
    F: FnOnce() -> Result<(App, Vec<String>)> + Send + 'static,
{
    let io_error = |e: io::Error| Error::io("terminal", &e);
    enter_raw().map_err(io_error)?;
    let (sent, loaded) = mpsc::channel();
    std::thread::Builder::new()
        .name("loader".into())
        .spawn(move || {
            slow_load();
            // The receiver is gone only when the explorer already ended.
            let _ = sent.send(load());
        })
        .map_err(|e| Error::io("loader thread", &e))?;
    let started = Instant::now();
    let mut shown = false;
    let mut early = Vec::new();
    let mut out = io::stdout();
    loop {
        // The wait is on the loader, so a finished load is seen at once (a wait on input
        // would hold a quick load back by a whole poll); input is looked at between waits.
        let result = match loaded.recv_timeout(LOAD_POLL) {
            Ok(result) => Some(result),
            Err(mpsc::RecvTimeoutError::Timeout) => None,
            Err(mpsc::RecvTimeoutError::Disconnected) => Some(Err(Error::io(
                "loader thread",
                &io::Error::other("the dataset loader stopped"),
            ))),
        };
        if let Some(result) = result {
            if shown {
                // Erase the line: the explorer (or the error) takes its place.
                execute!(
                    out,
                    cursor::MoveToColumn(0),
                    terminal::Clear(terminal::ClearType::CurrentLine)
                )
                .map_err(io_error)?;
            }
            let (app, notes) = result?;
            let mut err = io::stderr();
            for note in notes {
                // Raw mode: a line feed alone would not return to the first column.
                let _ = write!(err, "gnlc: {}\r\n", crate::text::sanitize_line(&note));
            }
            return Ok(Some((app, early)));
        }
        if signal.load(Ordering::SeqCst) != 0 {
            return Ok(None);
        }
        if !shown && started.elapsed() >= LOADING_AFTER {
            shown = true;
            let width = terminal::size().map_or(80, |(columns, _)| usize::from(columns));
            let line = format!("Loading {label}…");
            let line: String = line.chars().take(width.saturating_sub(1).max(1)).collect();
            write!(out, "\r{line}")
                .and_then(|()| out.flush())
                .map_err(io_error)?;
        }
        // A poll of zero never reads the terminal (crossterm's `use-dev-tty` source returns
        // before looking), so this one waits [`DRAIN`].
        while event::poll(DRAIN).map_err(io_error)? {
            let event = event::read().map_err(io_error)?;
            if is_ctrl_c(&event) {
                signal.store(
                    signal_hook::consts::SIGINT.unsigned_abs() as usize,
                    Ordering::SeqCst,
                );
                if shown {
                    let _ = execute!(
                        out,
                        cursor::MoveToColumn(0),
                        terminal::Clear(terminal::ClearType::CurrentLine)
                    );
                }
                return Ok(None);
            }
            early.push(event);
        }
    }
}

/// How long the loading wait waits for the loader before looking at input again (for
/// [`DRAIN`]).
const LOAD_POLL: Duration = Duration::from_millis(9);

/// Ctrl-C, which raw mode delivers as a key rather than as SIGINT.
fn is_ctrl_c(event: &Event) -> bool {
    matches!(
        event,
        Event::Key(event::KeyEvent {
            code: event::KeyCode::Char('c'),
            modifiers,
            kind: event::KeyEventKind::Press,
            ..
        }) if modifiers.contains(event::KeyModifiers::CONTROL)
    )
}

/// Raw input and bracketed paste, without touching the screen: what loading needs.
fn enter_raw() -> io::Result<()> {
    terminal::enable_raw_mode()?;
    // Only now is there something to restore.
    ACTIVE.store(true, Ordering::SeqCst);
    execute!(io::stdout(), event::EnableBracketedPaste)
}

/// Puts the terminal in explorer mode: raw input, alternate screen, bracketed paste (a paste
/// arrives as one text event, not as keys), mouse capture if asked.
pub fn enter(mouse: bool) -> io::Result<()> {
    enter_raw()?;
    SCREEN.store(true, Ordering::SeqCst);
    let mut out = io::stdout();
    execute!(out, terminal::EnterAlternateScreen, cursor::Hide)?;
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
    let _ = execute!(out, event::DisableBracketedPaste);
    // Leaving a screen never entered would restore a cursor position never saved.
    if SCREEN.swap(false, Ordering::SeqCst) {
        let _ = execute!(out, terminal::LeaveAlternateScreen, cursor::Show);
    }
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

/// Draws and handles events until the user quits; `early` are events that arrived while the
/// dataset loaded, handled after the first frame as one burst.
fn event_loop(
    app: &mut Explorer,
    options: Options,
    signal: &AtomicUsize,
    mut early: Vec<Event>,
) -> io::Result<()> {
    // A frame goes out in one write: through `Stdout` alone (a line buffer of 1 KiB) the first
    // frame took a dozen writes, each waking the terminal's reader.
    let out = io::BufWriter::with_capacity(1 << 16, io::stdout());
    let mut terminal = Terminal::new(CrosstermBackend::new(out))?;
    let signalled = || signal.load(Ordering::SeqCst) != 0;
    'frames: loop {
        terminal.draw(|frame| app.draw(frame))?;
        test_trigger()?;
        // After the first frame, so building never delays it; does nothing the next times.
        app.app.start_text_index();
        if app.quit || signalled() {
            return Ok(());
        }
        if !early.is_empty() {
            app.defer_runs(true);
            for event in early.drain(..) {
                handle(app, options, &event);
                for effect in app.app.take_effects() {
                    perform(&mut terminal, app, options, effect)?;
                }
                if app.quit || signalled() {
                    break;
                }
            }
            app.defer_runs(false);
            continue 'frames;
        }
        // Wait for input, looking at the signal flag and the text index between short polls.
        while !event::poll(POLL)? {
            if signalled() {
                return Ok(());
            }
            if app.app.poll_text_index() {
                continue 'frames;
            }
        }
        // Handle everything pending before drawing again; search edits of the burst run the
        // query once, for the final text, before the draw.
        app.defer_runs(true);
        loop {
            handle(app, options, &event::read()?);
            for effect in app.app.take_effects() {
                perform(&mut terminal, app, options, effect)?;
            }
            if app.quit || signalled() || !pending()? {
                break;
            }
        }
        app.defer_runs(false);
    }
}

/// Does what an action asked of the outside world (see `app::Effect`), and says so in the
/// footer's status line.
fn perform(
    terminal: &mut Terminal<CrosstermBackend<io::BufWriter<io::Stdout>>>,
    app: &mut Explorer,
    options: Options,
    effect: Effect,
) -> io::Result<()> {
    match effect {
        Effect::Copy { city, text } => {
            let mut out = io::stdout();
            out.write_all(&clipboard::osc52(&text, clipboard::in_tmux()))?;
            out.flush()?;
            app.app.status = Some(format!("copied {city}'s profile (OSC 52)"));
        }
        Effect::OpenUrl { city, url } => {
            app.app.status = Some(open_in_browser(&city, &url));
        }
        Effect::Suspend => {
            suspend(options.mouse)?;
            redraw_all(terminal)?;
        }
        Effect::Redraw => redraw_all(terminal)?,
    }
    Ok(())
}

/// Clears the terminal and makes the next frame draw every cell: both of ratatui's buffers
/// are left blank, like the cleared screen. (`Terminal::clear` would also ask the terminal
/// where its cursor is, and wait for an answer some terminals never give.)
fn redraw_all(
    screen: &mut Terminal<CrosstermBackend<io::BufWriter<io::Stdout>>>,
) -> io::Result<()> {
    execute!(io::stdout(), terminal::Clear(terminal::ClearType::All))?;
    screen.swap_buffers();
    Ok(())
}

/// Gives the terminal back and stops the process as the shell's Ctrl-Z would (SIGTSTP);
/// when the shell continues it (`fg`, SIGCONT), takes the terminal again. The caller
/// redraws the whole screen.
fn suspend(mouse: bool) -> io::Result<()> {
    restore();
    // Stops here until SIGCONT. In an orphaned process group (no job-control shell to bring
    // it back) the system discards the signal and the explorer simply carries on.
    signal_hook::low_level::raise(signal_hook::consts::SIGTSTP)?;
    enter(mouse)
}

/// The program that opens a web address in the user's browser.
const OPENER: &str = if cfg!(target_os = "macos") {
    "open"
} else {
    "xdg-open"
};

/// How long to wait for the opener to fail before taking its silence for success.
const OPENER_WAIT: Duration = Duration::from_millis(1500);

/// Opens `url` with the system's opener, its output thrown away (it would draw over the
/// screen), and returns the status line to show.
fn open_in_browser(city: &str, url: &str) -> String {
    let spawned = std::process::Command::new(OPENER)
        .arg(url)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn();
    let mut child = match spawned {
        Ok(child) => child,
        Err(e) => {
            return format!("no browser could be started ({OPENER}: {e}); {city}'s source: {url}");
        }
    };
    let start = std::time::Instant::now();
    while start.elapsed() < OPENER_WAIT {
        match child.try_wait() {
            Ok(Some(status)) if status.success() => {
                return format!("opened {city}'s source page: {url}");
            }
            Ok(Some(status)) => {
                return format!(
                    "no browser could open it ({OPENER} {status}); {city}'s source: {url}"
                );
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(20)),
            Err(e) => {
                return format!(
                    "no browser could be started ({OPENER}: {e}); {city}'s source: {url}"
                );
            }
        }
    }
    // Still running: a browser that stays attached to its opener. Reap it when it ends.
    std::thread::spawn(move || child.wait());
    format!("opening {city}'s source page: {url}")
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
        Event::Key(key) => app.app.keys.action_for(app.mode(), *key),
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

/// How much longer `GNLC_TEST_TRIGGER=slow-load` makes loading.
#[cfg(debug_assertions)]
const SLOW_LOAD: Duration = Duration::from_millis(1500);

/// The test-only slow load (see the module docs). Compiled out of release builds.
#[cfg(debug_assertions)]
fn slow_load() {
    if std::env::var("GNLC_TEST_TRIGGER").as_deref() == Ok("slow-load") {
        std::thread::sleep(SLOW_LOAD);
    }
}

#[cfg(not(debug_assertions))]
fn slow_load() {}
