//! A hostile dataset through every view of the explorer and every text output of the command
//! line. The data carries what an attacker or a bad scrape would:
//! OSC 52 (write the clipboard), CSI 2J (clear the screen), the one-byte C1 CSI U+009B, bidi
//! overrides and isolates, NUL, BEL, CR, a name of 400 chars, CJK, emoji joined with ZWJ,
//! Arabic and combining marks.
//!
//! On `TestBackend`, at sizes from 160x45 down to 20x6, for the list, each facet pane, the
//! search box with a hostile query, the preview, the detail view of every member (top, middle
//! and end), the help, and the narrow tab strip, each frame must have:
//! - no cell holding a control or any char `text::is_hostile` refuses;
//! - every pane's border intact (vertical edges and corners are box-drawing chars; the bottom
//!   edge holds no data), so no text was drawn outside its pane;
//! - no data char in the footer or the tab strip, which are the explorer's own text.
//!
//! `tests/render.rs` covers random text at random sizes for panics and raw controls; this file
//! adds the named attacks, the pane boundaries and the binary's text outputs.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // not library code: may fail loudly

use gnlc::app::{Action, App, Overlay, Pane, Screen, Typing};
use gnlc::query::{Engine, Query};
use gnlc::ui::Explorer;
use gnlc::ui::layout::{self, Browse};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use std::process::Command;

/// The dataset, as JSON (so the binary can load the same file). `\u001b]52;c;...\u0007` is
/// OSC 52; `\u001b[2J` clears the screen; `\u009b` is the C1 CSI.
fn hostile_json() -> String {
    let long_name = format!(
        "Llan{}gogogoch北京\u{301}{}",
        "fair".repeat(40),
        "مدينة".repeat(40)
    );
    serde_json::json!({
        "schema_version": 1,
        "source": "hostile \u{1b}[2J test",
        "members": [
            {
                "id": "evil-osc",
                "city": "Evil\u{1b}]52;c;ZXZpbA==\u{7}City\u{1b}[2J\u{1b}[H",
                "country": "France",
                "clusters": ["literacy"],
                "tagline": "tag\u{1b}[31mline\r\nnext\u{7}",
                "summary": "sum\u{0}mary \u{9b}31m C1 CSI",
                "vision": "- bullet \u{202e}override\u{202c} done\n\u{2066}isolate\u{2069}\r\nline\tTab\u{8}\u{7f}",
                "challenges": "\u{1b}P+q\u{1b}\\ DCS and \u{1b}_APC\u{1b}\\",
                "plan": "\u{85}NEL \u{9d}OSC \u{9c}ST",
                "awards": [{"year": 2015, "source": "\u{1b}[5m"}]
            },
            {
                "id": "long",
                "city": long_name,
                "country": "China",
                "tagline": "北京市海淀区 学习型城市 ".repeat(30),
                "vision": "北京市的学习型城市建设".repeat(200)
            },
            {
                "id": "family",
                "city": "👩\u{200d}👩\u{200d}👧\u{200d}👦 Family\u{202e}Town",
                "country": "Morocco",
                "region": "Arab States",
                "tagline": "الرباط مدينة التعلم",
                "vision": "Chis\u{327}ina\u{306}u Z\u{335}\u{30c}\u{31f}a\u{332}\u{301}l\u{337}g\u{36e}o ".repeat(50)
            },
            {
                "id": "bidi",
                "city": "\u{2066}Isolate\u{2069}\u{202b}Embed\u{202a}",
                "country": "Egypt",
                "summary": "\u{1b}]8;;http://evil.example\u{7}link\u{1b}]8;;\u{7}"
            }
        ]
    })
    .to_string()
}

fn app() -> Explorer {
    let dataset = gnlc::model::load::from_str(&hostile_json(), "hostile.json")
        .expect("the hostile dataset is valid JSON and loads");
    let mut app = Explorer::new(App::new(Engine::new(dataset), Query::default()));
    app.color = true;
    app
}

fn draw(app: &mut Explorer, width: u16, height: u16) -> Buffer {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("backend");
    terminal.draw(|frame| app.draw(frame)).expect("draw");
    terminal.backend().buffer().clone()
}

/// Chars that only the data brings: CJK, Arabic, emoji, ZWJ, combining marks, and the
/// stand-ins sanitising puts for controls. The explorer's own text (keys, titles, borders,
/// `…`, `›`, `·`, `—`) has none.
fn is_data_char(c: char) -> bool {
    matches!(c,
        '\u{300}'..='\u{36f}' | '\u{600}'..='\u{6ff}' | '\u{200c}' | '\u{200d}' | '\u{2400}'..='\u{2426}'
        | '\u{4e00}'..='\u{9fff}' | '\u{fffd}' | '\u{1f000}'..='\u{1faff}')
}

const VERTICAL: &str = "│┃║";
const HORIZONTAL: &str = "─━═";
const CORNERS: &str = "┌┐└┘┏┓┗┛╔╗╚╝";

fn symbol(buffer: &Buffer, x: u16, y: u16) -> &str {
    buffer[(x, y)].symbol()
}

/// No cell holds a control char or a char the sanitiser refuses, nor a zero-width joiner
/// (this data has none between letters, where a script needs it; an emoji sequence glued
/// into one cell is 2 cells wide to ratatui and 8 to tmux 3.3).
fn assert_clean(buffer: &Buffer, what: &str) {
    for (i, cell) in buffer.content().iter().enumerate() {
        for c in cell.symbol().chars() {
            assert!(
                !c.is_control() && !gnlc::text::is_hostile(c) && c != '\u{200d}',
                "{what}: raw {c:?} in cell {i}"
            );
        }
    }
}

/// The border of a bordered pane at `r` is whole: its vertical edges and corners are
/// box-drawing chars, and its bottom edge holds no data char (only a border, or the
/// explorer's own position indicator or hint).
fn assert_border(buffer: &Buffer, r: Rect, what: &str) {
    if r.width < 2 || r.height < 2 {
        return;
    }
    let (left, right, top, bottom) = (r.x, r.right() - 1, r.y, r.bottom() - 1);
    for (x, y) in [(left, top), (right, top), (left, bottom), (right, bottom)] {
        let s = symbol(buffer, x, y);
        assert!(CORNERS.contains(s), "{what}: corner ({x},{y}) is {s:?}");
    }
    for y in top + 1..bottom {
        for x in [left, right] {
            let s = symbol(buffer, x, y);
            assert!(VERTICAL.contains(s), "{what}: edge ({x},{y}) is {s:?}");
        }
    }
    for x in left + 1..right {
        let s = symbol(buffer, x, bottom);
        assert!(
            !s.chars().any(is_data_char),
            "{what}: data {s:?} on the bottom edge at ({x},{bottom})"
        );
    }
    // A plain bottom edge (no title) is all border.
    let bottom_row: String = (left + 1..right)
        .map(|x| symbol(buffer, x, bottom))
        .collect();
    if bottom_row
        .chars()
        .all(|c| HORIZONTAL.contains(c) || c == ' ')
    {
        assert!(
            bottom_row.chars().all(|c| HORIZONTAL.contains(c)),
            "{what}: a gap in the bottom edge {bottom_row:?}"
        );
    }
}

fn assert_no_data_in_row(buffer: &Buffer, r: Rect, what: &str) {
    for y in r.y..r.bottom() {
        for x in r.x..r.right() {
            let s = symbol(buffer, x, y);
            assert!(
                !s.chars().any(is_data_char),
                "{what}: data {s:?} at ({x},{y})"
            );
        }
    }
}

/// Checks one frame of `app` at `width`x`height`.
fn check_frame(app: &mut Explorer, width: u16, height: u16, what: &str) -> Buffer {
    let buffer = draw(app, width, height);
    let what = format!("{what} at {width}x{height}");
    assert_clean(&buffer, &what);
    let area = Rect::new(0, 0, width, height);
    if layout::too_small(area) {
        return buffer;
    }
    let (main, footer) = layout::main_and_footer(area);
    assert_no_data_in_row(&buffer, footer, &format!("{what}, footer"));
    if app.overlay == Some(Overlay::Help) {
        let popup = layout::centered(area, 74, area.height.saturating_sub(2).max(3));
        assert_border(&buffer, popup, &format!("{what}, help"));
        return buffer;
    }
    if app.screen == Screen::Detail {
        assert_border(&buffer, main, &format!("{what}, detail"));
        return buffer;
    }
    match layout::browse(main, &layout::facet_sizes(app)) {
        Browse::Wide {
            search,
            facets,
            list,
            preview,
        } => {
            if search.height >= 3 {
                assert_border(&buffer, search, &format!("{what}, search"));
            }
            let names = app.panes().into_iter().map(gnlc::app::Pane::title);
            for (r, name) in facets.into_iter().chain([list]).zip(names) {
                assert_border(&buffer, r, &format!("{what}, {name}"));
            }
            if let Some(preview) = preview {
                assert_border(&buffer, preview, &format!("{what}, preview"));
            }
        }
        Browse::Narrow { tabs, .. } => {
            assert_no_data_in_row(&buffer, tabs, &format!("{what}, tab strip"));
        }
    }
    buffer
}

const SIZES: [(u16, u16); 8] = [
    (160, 45),
    (120, 40),
    (100, 30),
    (80, 24),
    (69, 20),
    (40, 12),
    (25, 8),
    (20, 6),
];

fn reset(app: &mut Explorer) {
    app.update(Action::ClearAll);
    app.screen = Screen::Browse {
        typing: Typing::Nothing,
    };
    app.overlay = None;
    app.focus = Pane::Cities;
    app.pane_mut(Pane::Cities).cursor = 0;
}

#[test]
fn every_view_keeps_hostile_text_inert_and_inside_its_pane() {
    let mut app = app();
    let members = app.total();
    assert_eq!(members, 4);
    // The query types ESC [ 2 J, the C1 CSI, a bidi override, CJK with a combining accent.
    let query: Vec<Action> = std::iter::once(Action::SearchStart)
        .chain(
            "\u{1b}[2J\u{9b}\u{202e}北\u{301}e"
                .chars()
                .map(Action::SearchInput),
        )
        .collect();
    let mut views: Vec<(String, Vec<Action>)> = vec![
        ("list".into(), vec![]),
        (
            "regions".into(),
            vec![
                Action::FocusNext,
                Action::FocusPrev,
                Action::FocusPrev,
                Action::FocusPrev,
            ],
        ),
        (
            "countries".into(),
            vec![Action::FocusNext, Action::FocusNext, Action::End],
        ),
        ("clusters".into(), vec![Action::FocusPrev, Action::Toggle]),
        ("search".into(), query),
        ("help".into(), vec![Action::ToggleHelp]),
        (
            "help at the end".into(),
            vec![Action::ToggleHelp, Action::End],
        ),
    ];
    for i in 0..members {
        let down = vec![Action::Down; i];
        views.push((format!("preview of {i}"), down.clone()));
        for (name, extra) in [
            ("top", vec![]),
            ("page 2", vec![Action::PageDown]),
            ("end", vec![Action::End]),
            ("help", vec![Action::ToggleHelp]),
        ] {
            let mut actions = down.clone();
            actions.push(Action::Open);
            actions.extend(extra);
            views.push((format!("detail of {i}, {name}"), actions));
        }
    }
    for (name, actions) in &views {
        for (width, height) in SIZES {
            reset(&mut app);
            for a in actions {
                app.update(*a);
            }
            check_frame(&mut app, width, height, name);
        }
    }
}

#[test]
fn the_narrow_tab_strip_stays_the_explorers_own_text() {
    let mut app = app();
    for width in [20, 24, 30, 45, 69] {
        for _ in 0..4 {
            app.update(Action::FocusNext);
            let buffer = check_frame(&mut app, width, 10, "tab strip");
            // The strip is row 0 and names the focused pane in brackets.
            let row: String = (0..width).map(|x| symbol(&buffer, x, 0)).collect();
            assert!(row.contains('['), "{row:?}");
        }
    }
}

#[test]
fn hostile_text_shows_as_visible_stand_ins() {
    let mut app = app();
    // Evil...City sorts first. Its detail view at full size.
    app.update(Action::Open);
    let buffer = check_frame(&mut app, 120, 40, "detail of Evil");
    let text: String = buffer
        .content()
        .iter()
        .map(ratatui::buffer::Cell::symbol)
        .collect();
    assert!(
        text.contains("Evil␛]52;c;ZXZpbA==␇City"),
        "OSC 52 shown inert"
    );
    assert!(text.contains("␛[2J"), "CSI 2J shown inert");
    assert!(
        text.contains("sum␀mary \u{fffd}31m"),
        "NUL and C1 CSI shown inert"
    );
    assert!(
        text.contains("\u{fffd}override\u{fffd}"),
        "bidi override shown inert"
    );
}

// ---- the binary -------------------------------------------------------------------------

fn gnlc(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_gnlc"))
        .args(args)
        .env("NO_COLOR", "1")
        .output()
        .expect("run gnlc")
}

/// Output that a terminal shows without obeying: no control but newline (and tab in
/// multi-line text), nothing `is_hostile` refuses, no CR, no zero-width joiner.
fn assert_inert(bytes: &[u8], what: &str) {
    let text = String::from_utf8(bytes.to_vec()).expect("UTF-8 output");
    for c in text.chars() {
        assert!(
            !gnlc::text::is_hostile(c) && c != '\r' && c != '\u{200d}',
            "{what}: printed {c:?}:\n{text}"
        );
    }
}

#[test]
fn the_command_line_prints_hostile_text_inert() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("hostile.json");
    std::fs::write(&path, hostile_json()).expect("write");
    let path = path.to_string_lossy().to_string();
    let mut runs: Vec<Vec<&str>> = vec![
        // CSV carries the data as it is (a file for spreadsheets): see tests/exports.rs.
        vec!["list"],
        vec!["list", "--region", "Arab States"],
        vec!["stats"],
        vec!["stats", "--format", "text"],
    ];
    for id in ["evil-osc", "long", "family", "bidi"] {
        runs.push(vec!["show", id]);
    }
    for args in runs {
        let mut full = vec!["--data", path.as_str()];
        full.extend(&args);
        let out = gnlc(&full);
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(!out.stdout.is_empty(), "{args:?} printed nothing");
        assert_inert(&out.stdout, &format!("{args:?}"));
        assert_inert(&out.stderr, &format!("{args:?} stderr"));
    }
    // Each `show` prints the member's own (sanitised) text: the right member was shown.
    let out = gnlc(&["--data", &path, "show", "evil-osc"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("Evil␛]52;c;ZXZpbA==␇City"), "{text}");
    assert!(text.contains("sum␀mary"), "{text}");
    let out = gnlc(&["--data", &path, "show", "family"]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("👩👩👧👦 Family\u{fffd}Town"), "{text}");
    // An error that quotes what the user typed quotes it inert too.
    let out = gnlc(&["--data", &path, "show", "no\u{1b}[2Jsuch\u{9b}city"]);
    assert_eq!(out.status.code(), Some(1));
    assert_inert(&out.stderr, "show error");
}
