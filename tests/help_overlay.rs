//! The help overlay at small sizes: it wraps instead of cutting, says when more lies below
//! (and above, once scrolled), and leaves nothing of itself behind. That last check runs the
//! frames ratatui sends through a terminal emulator (vt100) and compares what it shows with a
//! frame drawn from scratch, over a detail view full of wide characters.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // not library code: may fail loudly

mod common;

use common::{draw, rows};

use gnlc::app::{Action, App};
use gnlc::query::{Engine, Query};
use gnlc::ui::Explorer;
use gnlc::ui::theme::Theme;
use ratatui::backend::CrosstermBackend;
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};
use std::cell::RefCell;
use std::io::Write;
use std::num::NonZeroU16;
use std::rc::Rc;
use unicode_width::UnicodeWidthStr;

fn help_open(width: u16, height: u16) -> Explorer {
    let mut app = common::app();
    app.update(Action::ToggleHelp);
    let _ = draw(&mut app, width, height);
    app
}

#[test]
fn help_lines_fit_their_width_and_keep_every_word() {
    let theme = Theme::new(false);
    let words = |lines: &[ratatui::text::Line]| -> Vec<String> {
        lines
            .iter()
            .flat_map(|l| {
                l.spans
                    .iter()
                    .map(|s| s.content.to_string())
                    .collect::<String>()
                    .split_whitespace()
                    .map(str::to_string)
                    .collect::<Vec<_>>()
            })
            .collect()
    };
    // Wide enough for nothing to wrap: the reference words, in order.
    let all = words(&gnlc::ui::help::lines(400, theme));
    assert!(all.iter().any(|w| w == "Ctrl-N"), "{all:?}");
    for width in [1usize, 5, 10, 16, 18, 28, 29, 38, 72] {
        let lines = gnlc::ui::help::lines(width, theme);
        for line in &lines {
            assert!(line.width() <= width, "at {width}: {line:?} is wider");
        }
        // Nothing was cut: every word of the wide layout is still there, in order (a
        // word longer than the line is split between chars, so compare the joined text).
        assert_eq!(words(&lines).concat(), all.concat(), "at {width}");
    }
    // A key label as wide as the key column does not run into its help.
    let wide = gnlc::ui::help::lines(72, theme);
    let text: Vec<String> = wide
        .iter()
        .map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect())
        .collect();
    assert!(!text.iter().any(|l| l.contains("Ctrl-Jmove")), "{text:#?}");
}

#[test]
fn a_small_help_wraps_and_says_there_is_more_below_then_above() {
    let (width, height) = (40, 12);
    let mut app = help_open(width, height);
    let shown = rows(&draw(&mut app, width, height));
    let text = shown.join("\n");
    // The popup is 38 cells inside: the Ctrl-Z help wraps under its text column.
    assert!(
        text.contains("║ Ctrl-Z      suspend to the shell (fg ║"),
        "{text}"
    );
    assert!(
        text.contains("║             brings the explorer back)║"),
        "{text}"
    );
    let bottom = &shown[usize::from(height) - 2];
    assert!(bottom.contains("↓ more below"), "{text}");
    assert!(!shown[1].contains("more above"), "{text}");
    // Scrolled: more above; at the end, no more below.
    app.update(Action::Down);
    let shown = rows(&draw(&mut app, width, height));
    assert!(shown[1].contains("↑ more above"), "{}", shown.join("\n"));
    app.update(Action::End);
    let shown = rows(&draw(&mut app, width, height));
    let text = shown.join("\n");
    assert!(shown[1].contains("↑ more above"), "{text}");
    assert!(!text.contains("more below"), "{text}");
    assert!(text.contains("Esc closes"), "{text}");
    // The last lines of the help, the mouse paragraph's end, are on screen.
    assert!(text.contains("turns it off)"), "{text}");
}

#[test]
fn a_tiny_help_shortens_its_titles_instead_of_cutting_them() {
    for (width, height) in [(20, 6), (24, 7), (30, 8)] {
        let mut app = help_open(width, height);
        let shown = rows(&draw(&mut app, width, height));
        let text = shown.join("\n");
        let bottom = &shown[usize::from(height) - 2];
        // The bottom border starts with its corner and says there is more, whole.
        assert!(bottom.starts_with('╚') && bottom.ends_with('╝'), "{text}");
        let title = bottom.trim_matches(['╚', '╝', '═']);
        assert!(
            [" ↓ more below · Esc closes ", " ↓ more below ", " ↓ more "].contains(&title),
            "{width}x{height}: {title:?}\n{text}"
        );
        assert!(shown[1].starts_with("╔ Keys "), "{width}x{height}:\n{text}");
        // No row of the popup is wider than the screen and no key runs into its help.
        for row in &shown {
            assert_eq!(row.width(), usize::from(width), "{row:?}");
        }
    }
}

// ---- nothing left behind ----------------------------------------------------------------

/// A dataset whose one member's profile is Chinese and ASCII mixed, so wide chars stand on
/// every column, under and beside the popup's borders.
fn wide_app() -> Explorer {
    let mut dataset = common::dataset();
    let mut member = dataset.members[0].clone();
    member.id = "zhongwen".to_string();
    member.city = "Zhongwen".to_string();
    let mut vision = String::new();
    for i in 0..60 {
        vision.push_str(&"a".repeat(i % 3));
        vision.push_str("北京市海淀区学习型城市建设");
        vision.push(' ');
    }
    member.vision = Some(vision.clone());
    member.summary = Some(vision);
    dataset.members = vec![member];
    Explorer::new(App::new(Engine::new(dataset), Query::default()))
}

/// Bytes written to the backend, shared with the test that reads them.
#[derive(Clone, Default)]
struct Shared(Rc<RefCell<Vec<u8>>>);

impl Write for Shared {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.borrow_mut().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn nonzero(n: u16) -> NonZeroU16 {
    NonZeroU16::new(n).expect("a size above zero")
}

/// A terminal emulator fed what ratatui writes, frame after frame (only changed cells).
struct Emulated {
    terminal: Terminal<CrosstermBackend<Shared>>,
    bytes: Shared,
    parser: vt100::Parser,
    width: u16,
    height: u16,
}

impl Emulated {
    fn new(width: u16, height: u16) -> Self {
        let bytes = Shared::default();
        let terminal = Terminal::with_options(
            CrosstermBackend::new(bytes.clone()),
            TerminalOptions {
                viewport: Viewport::Fixed(Rect::new(0, 0, width, height)),
            },
        )
        .expect("terminal");
        Self {
            terminal,
            bytes,
            parser: vt100::Parser::new(nonzero(height), nonzero(width), 0),
            width,
            height,
        }
    }

    fn draw(&mut self, app: &mut Explorer) {
        self.terminal.draw(|frame| app.draw(frame)).expect("draw");
        let bytes = std::mem::take(&mut *self.bytes.0.borrow_mut());
        self.parser.process(&bytes);
    }

    /// What ratatui does on a resize (clear the screen, forget the last frame), without
    /// `Terminal::resize`, which asks the real terminal its size.
    fn resize(&mut self, width: u16, height: u16) {
        self.terminal = Terminal::with_options(
            CrosstermBackend::new(self.bytes.clone()),
            TerminalOptions {
                viewport: Viewport::Fixed(Rect::new(0, 0, width, height)),
            },
        )
        .expect("terminal");
        self.parser.process(b"\x1b[2J");
        self.parser
            .screen_mut()
            .set_size(nonzero(height), nonzero(width));
        self.width = width;
        self.height = height;
    }

    /// What the emulated terminal shows equals a frame of `app` drawn from scratch.
    fn assert_shows(&self, app: &mut Explorer, what: &str) {
        let fresh: Vec<String> = rows(&draw(app, self.width, self.height))
            .into_iter()
            .map(|r| r.trim_end().to_string())
            .collect();
        let shown: Vec<String> = self
            .parser
            .screen()
            .rows(0, self.width)
            .map(|r| r.trim_end().to_string())
            .collect();
        assert_eq!(
            shown,
            fresh,
            "{what} at {}x{}: the terminal shows\n{}\nbut the frame is\n{}",
            self.width,
            self.height,
            shown.join("\n"),
            fresh.join("\n")
        );
    }
}

impl Emulated {
    /// On the emulated screen, the open help's popup is whole: double-line borders all
    /// round, and nothing of the view under it (no CJK char) inside.
    fn assert_help_whole(&self, what: &str) {
        let area = Rect::new(0, 0, self.width, self.height);
        let popup = gnlc::ui::layout::centered(area, 74, area.height.saturating_sub(2).max(3));
        let screen = self.parser.screen();
        let at = |x: u16, y: u16| {
            screen
                .cell(y, x)
                .map(|c| c.contents().to_string())
                .unwrap_or_default()
        };
        let dump = screen.rows(0, self.width).collect::<Vec<_>>().join("\n");
        for y in popup.top()..popup.bottom() {
            for x in [popup.left(), popup.right() - 1] {
                let s = at(x, y);
                assert!(
                    "║╔╗╚╝".contains(s.as_str()) && !s.is_empty(),
                    "{what}: ({x},{y}) is {s:?}\n{dump}"
                );
            }
            for x in popup.left()..popup.right() {
                let s = at(x, y);
                assert!(
                    !s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                    "{what}: {s:?} shows through at ({x},{y})\n{dump}"
                );
            }
        }
    }
}

#[test]
fn the_help_leaves_nothing_behind_over_the_detail_view() {
    for (width, height) in [(40, 12), (41, 13), (80, 24), (83, 20), (100, 30), (20, 6)] {
        let mut app = wide_app();
        let mut term = Emulated::new(width, height);
        app.update(Action::Open);
        term.draw(&mut app);
        term.assert_shows(&mut app, "the detail view");
        for step in 0..4 {
            app.update(Action::Down);
            term.draw(&mut app);
            app.update(Action::ToggleHelp);
            term.draw(&mut app);
            term.assert_shows(&mut app, &format!("help open, step {step}"));
            term.assert_help_whole(&format!("help open, step {step}"));
            app.update(Action::PageDown);
            term.draw(&mut app);
            term.assert_shows(&mut app, &format!("help scrolled, step {step}"));
            term.assert_help_whole(&format!("help scrolled, step {step}"));
            app.update(Action::CloseHelp);
            term.draw(&mut app);
            term.assert_shows(&mut app, &format!("help closed, step {step}"));
        }
        // The screen changes under the open help, then the help closes.
        app.update(Action::ToggleHelp);
        term.draw(&mut app);
        term.resize(width + 3, height + 1);
        term.draw(&mut app);
        term.assert_shows(&mut app, "help after a resize");
        term.assert_help_whole("help after a resize");
        app.update(Action::CloseHelp);
        term.draw(&mut app);
        term.assert_shows(&mut app, "help closed after a resize");
        app.update(Action::Back);
        term.draw(&mut app);
        term.assert_shows(&mut app, "back to the list");
    }
}
