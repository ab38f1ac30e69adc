//! Joiners on screen: an emoji ZWJ sequence (whose width terminals disagree on) is drawn as
//! its parts, without turning it into a ZWNJ sequence; a joiner a script needs is drawn as it
//! is; the data keeps every joiner; and every cell is as wide to ratatui as to a terminal
//! that draws char by char, so borders and titles stay where they are drawn.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // not library code: may fail loudly

mod common;

use common::draw;

use gnlc::app::{Action, App};
use gnlc::model::{Dataset, Member, Region};
use gnlc::query::{Engine, Query};
use gnlc::ui::Explorer;
use ratatui::buffer::Buffer;
use ratatui::style::Modifier;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

const FAMILY: &str = "👩\u{200d}👩\u{200d}👧\u{200d}👦 Family Town";
/// Devanagari with a ZWJ after the virama: the half form of क, as the writer chose.
const KSHETRA: &str = "क्\u{200d}षेत्र";

fn member(id: &str, city: &str, country: &str) -> Member {
    Member {
        id: id.to_string(),
        city: city.to_string(),
        country: country.to_string(),
        region: Region::ALL[0],
        clusters: Vec::new(),
        cluster_basis: gnlc::model::ClusterBasis::Stated,
        joined: Some(2020),
        joined_basis: None,
        tagline: Some(format!("{city} learns")),
        summary: Some(format!("{city} is a learning city.")),
        vision: None,
        challenges: None,
        plan: None,
        awards: Vec::new(),
        coordinates: None,
        coordinates_of: None,
        source: None,
        sources: Vec::new(),
    }
}

fn app() -> Explorer {
    let dataset = Dataset {
        schema_version: 1,
        source: String::new(),
        announced: None,
        members: vec![
            member("family", FAMILY, "Morocco"),
            member("kshetra", KSHETRA, "India"),
        ],
    };
    Explorer::new(App::new(Engine::new(dataset), Query::default()))
}

/// The buffer as a terminal shows it: the cell after a wide symbol is skipped.
fn text(buffer: &Buffer) -> String {
    let mut out = String::new();
    let mut skip = 0;
    for cell in buffer.content() {
        if skip > 0 {
            skip -= 1;
            continue;
        }
        skip = cell.symbol().width().saturating_sub(1);
        out.push_str(cell.symbol());
    }
    out
}

/// Every cell's symbol takes as many cells to ratatui (one glyph, `unicode-width`) as to a
/// terminal drawing it char by char; no symbol holds a joiner after an emoji.
fn assert_widths_agree(buffer: &Buffer, what: &str) {
    for (i, cell) in buffer.content().iter().enumerate() {
        let symbol = cell.symbol();
        let by_char: usize = symbol.chars().map(|c| c.width().unwrap_or(0)).sum();
        assert_eq!(symbol.width(), by_char, "{what}: cell {i} holds {symbol:?}");
    }
}

#[test]
fn emoji_sequences_show_as_their_parts_and_scripts_keep_their_joiners() {
    let mut app = app();
    for (width, height) in [(100, 30), (80, 24), (40, 12)] {
        let buffer = draw(&mut app, width, height);
        let shown = text(&buffer);
        assert!(shown.contains("👩👩👧👦 Fa"), "{width}x{height}: {shown}");
        assert!(
            !shown.contains('\u{200c}'),
            "a ZWNJ sequence at {width}x{height}"
        );
        assert!(
            shown.contains(KSHETRA),
            "{width}x{height} lost the script's ZWJ"
        );
        assert_widths_agree(&buffer, &format!("browse {width}x{height}"));
    }
    // The data is not changed by drawing it.
    assert!(
        app.engine()
            .dataset()
            .members
            .iter()
            .any(|m| m.city == FAMILY)
    );
}

#[test]
fn the_detail_title_border_stays_whole_with_an_emoji_sequence() {
    let mut app = app();
    app.update(Action::Down);
    app.update(Action::Open);
    assert_eq!(app.selected_member().expect("a member").city, FAMILY);
    for width in [30u16, 40, 80] {
        let buffer = draw(&mut app, width, 12);
        assert_widths_agree(&buffer, &format!("detail at {width}"));
        // Top row, as a terminal draws it char by char: the title sits in the border, and
        // the right corner is in the last column.
        let mut row = String::new();
        let mut skip = 0;
        for x in 0..width {
            let symbol = buffer[(x, 0)].symbol();
            if skip > 0 {
                skip -= 1;
                continue;
            }
            skip = symbol.width().saturating_sub(1);
            row.push_str(symbol);
        }
        assert!(row.contains("👩👩"), "{row}");
        assert!(row.ends_with(['┐', '┓', '╗']), "{row}");
        let cells: usize = row.chars().map(|c| c.width().unwrap_or(0)).sum();
        assert_eq!(cells, usize::from(width), "{row}");
    }
}

#[test]
fn a_match_after_an_emoji_sequence_is_highlighted_where_it_is_drawn() {
    let mut app = app();
    app.color = false;
    app.update(Action::SearchStart);
    for c in "family".chars() {
        app.update(Action::SearchInput(c));
    }
    let buffer = draw(&mut app, 80, 24);
    let hit = app.selected_hit().expect("a hit").clone();
    assert_eq!(app.engine().member(hit.member).city, FAMILY);
    // "Family" is chars 8..14 of the name: after four people and three joiners.
    assert!(
        hit.positions.iter().all(|p| (8..14).contains(p)),
        "{:?}",
        hit.positions
    );
    let (x, y) = (0..buffer.area.height)
        .find_map(|y| {
            (0..buffer.area.width)
                .find(|&x| buffer[(x, y)].symbol() == "F")
                .map(|x| (x, y))
        })
        .expect("Family drawn");
    for dx in 0..6 {
        assert!(
            buffer[(x + dx, y)].modifier.contains(Modifier::UNDERLINED),
            "char {dx} of Family not highlighted"
        );
    }
    // The people before it are not.
    assert!(!buffer[(x - 3, y)].modifier.contains(Modifier::UNDERLINED));
}
