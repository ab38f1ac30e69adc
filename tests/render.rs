//! Rendering on ratatui's `TestBackend`: insta snapshots at the usual terminal sizes (80x24,
//! 100x30, 160x45), checks of what each screen must show (so a snapshot accepted by mistake
//! still fails), styles without colour, the mouse, and a property test with hostile text at random sizes.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // not library code: may fail loudly

mod common;

use common::draw;

use gnlc::app::{Action, App, Pane, Screen, Typing};
use gnlc::facet::{CLUSTER, REGION};
use gnlc::model::{Award, ClusterBasis, Dataset, Member, Region, Section};
use gnlc::query::{Engine, Query};
use gnlc::ui::Explorer;
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier};

/// The buffer as text, one string per row (wide chars take their cell; the cell after them
/// is skipped, as a terminal shows it).
fn rows(buffer: &Buffer) -> Vec<String> {
    let area = buffer.area;
    (0..area.height)
        .map(|y| {
            let mut row = String::new();
            let mut skip = 0;
            for x in 0..area.width {
                if skip > 0 {
                    skip -= 1;
                    continue;
                }
                let symbol = buffer[(x, y)].symbol();
                skip = unicode_width::UnicodeWidthStr::width(symbol).saturating_sub(1);
                row.push_str(symbol);
            }
            row
        })
        .collect()
}

fn screen(buffer: &Buffer) -> String {
    rows(buffer).join("\n")
}

fn apply(app: &mut Explorer, actions: &[Action]) {
    for action in actions {
        app.update(*action);
    }
}

fn search(app: &mut Explorer, text: &str) {
    app.update(Action::SearchStart);
    for c in text.chars() {
        app.update(Action::SearchInput(c));
    }
}

/// The row and column where `needle` starts on screen.
fn find(buffer: &Buffer, needle: &str) -> Option<(u16, u16)> {
    rows(buffer).iter().enumerate().find_map(|(y, row)| {
        row.find(needle).map(|byte| {
            let col = unicode_width::UnicodeWidthStr::width(&row[..byte]);
            (col as u16, y as u16)
        })
    })
}

const SIZES: [(u16, u16); 6] = [(160, 45), (100, 30), (80, 24), (40, 12), (20, 6), (1, 1)];

#[test]
fn browse_view_snapshots_at_every_size() {
    for (width, height) in SIZES {
        let mut app = common::app();
        let text = screen(&draw(&mut app, width, height));
        insta::assert_snapshot!(format!("browse_{width}x{height}"), text);
    }
    // 0x0 draws nothing and does not panic.
    let mut app = common::app();
    let buffer = draw(&mut app, 0, 0);
    assert_eq!(buffer.area.area(), 0);
}

#[test]
fn wide_terminals_show_facets_list_and_preview() {
    for (width, height) in [(160, 45), (100, 30)] {
        let mut app = common::app();
        let text = screen(&draw(&mut app, width, height));
        for expected in [
            "Regions",
            "Countries",
            "Clusters",
            "Cities · 13 of 13",
            "Preview",
            // The first city by name is Beijing: its tagline, region, awards and vision.
            "Capital of Learning",
            "Region: Asia and the Pacific",
            "Awards: UNESCO Learning City Award",
            "2015",
            "Vision and motivation",
            "The overall objective",
            // Zero-count regions are listed, not hidden.
            "[ ] Africa",
            "[ ] Arab States",
        ] {
            assert!(
                text.contains(expected),
                "{width}x{height} lacks {expected:?}:\n{text}"
            );
        }
        // The footer comes from the key table; `? help` stays when other hints must drop.
        assert!(text.contains("? help"), "{text}");
        if width >= 160 {
            assert!(
                text.contains("q quit") && text.contains("/ search"),
                "{text}"
            );
        }
    }
}

#[test]
fn eighty_columns_drop_the_preview_and_narrow_terminals_use_a_tab_strip() {
    let mut app = common::app();
    let text = screen(&draw(&mut app, 80, 24));
    assert!(!text.contains("Preview"));
    assert!(text.contains("Regions") && text.contains("Cities · 13 of 13"));
    for (width, height) in [(40, 12), (20, 6)] {
        let mut app = common::app();
        let buffer = draw(&mut app, width, height);
        let first = rows(&buffer)[0].clone();
        assert!(first.contains("[Cities]"), "{width}x{height}: {first:?}");
        let text = screen(&buffer);
        assert!(text.contains("13 of 13"), "{text}");
        assert!(text.contains("Beijing"));
        // Tab shows the Regions pane in place of the list.
        app.update(Action::FocusNext);
        let text = screen(&draw(&mut app, width, height));
        assert!(
            text.contains("[Regions]") && text.contains("Africa"),
            "{text}"
        );
    }
}

#[test]
fn too_small_terminals_say_so() {
    for (width, height) in [(18, 5), (19, 40), (200, 5)] {
        let mut app = common::app();
        let text = screen(&draw(&mut app, width, height));
        assert!(
            text.contains("Terminal too small"),
            "{width}x{height}:\n{text}"
        );
    }
    let mut app = common::app();
    insta::assert_snapshot!("too_small_18x5", screen(&draw(&mut app, 18, 5)));
}

#[test]
fn the_asian_filter_shows_five_of_thirteen() {
    let mut app = common::app();
    apply(
        &mut app,
        &[
            Action::FocusNext,
            Action::Down,
            Action::Down,
            Action::Toggle,
        ],
    );
    let buffer = draw(&mut app, 100, 30);
    let text = screen(&buffer);
    insta::assert_snapshot!("asia_100x30", text);
    assert!(text.contains("Cities · 5 of 13"));
    assert!(text.contains("[x] Asia and the Pacific"));
    assert!(text.contains("Regions (1 on)"));
    assert!(!text.contains("Sønderborg"));
}

#[test]
fn the_detail_view_shows_the_whole_profile() {
    let mut app = common::app();
    search(&mut app, "sonder");
    app.update(Action::SearchSubmit);
    let buffer = draw(&mut app, 100, 30);
    let text = screen(&buffer);
    insta::assert_snapshot!("detail_sonderborg_100x30", text);
    for expected in [
        "Sønderborg — Denmark",
        "Country: Denmark",
        "Region: Europe and North America",
        "Clusters: Education for sustainable development",
        "Awards: UNESCO Learning City Award 2019",
        "Sustainable development and the 41742 way of thinking",
        "1 Vision and motivation",
        "2 Challenges and goals",
        "3 Plan and implementation",
    ] {
        assert!(text.contains(expected), "lacks {expected:?}:\n{text}");
    }
    // The clusters are stated in the fixture, so they are not called inferred.
    assert!(!text.contains("inferred"));
    // A scroll position indicator: the profile is longer than the view.
    assert!(text.contains("1-27 of"), "{text}");
    // Jump to the plan: its heading is the first line, its list items are bullets.
    app.update(Action::JumpSection(Section::Plan));
    let buffer = draw(&mut app, 100, 30);
    let lines = rows(&buffer);
    assert!(
        lines[1].contains("3 Plan and implementation"),
        "{}",
        lines.join("\n")
    );
    let text = screen(&buffer);
    assert!(
        text.contains("• the Environmental sustainability policy"),
        "{text}"
    );
    assert!(
        text.contains("• the Cultural sustainability policy"),
        "{text}"
    );
    // End: the indicator reaches 100%.
    app.update(Action::End);
    let text = screen(&draw(&mut app, 100, 30));
    assert!(text.contains("100%"), "{text}");
    app.update(Action::JumpSection(Section::Vision));
    let lines = rows(&draw(&mut app, 100, 30));
    assert!(
        lines[1].contains("1 Vision and motivation"),
        "{}",
        lines.join("\n")
    );
}

#[test]
fn the_detail_view_wraps_words_at_the_width() {
    let mut app = common::app();
    search(&mut app, "sonder");
    app.update(Action::SearchSubmit);
    let buffer = draw(&mut app, 40, 20);
    let text = screen(&buffer);
    insta::assert_snapshot!("detail_sonderborg_40x20", text);
    // "Sustainable development and the 41742 way of thinking" is 54 cells: it is wrapped at
    // a space, never inside a word.
    assert!(
        text.contains("Sustainable development and the 41742"),
        "{text}"
    );
    assert!(text.contains("way of thinking"), "{text}");
}

#[test]
fn inferred_clusters_are_labelled_and_a_member_without_sections_says_so() {
    // Chisinau's entry states no clusters and has no sections.
    let mut app = common::app();
    search(&mut app, "chisinau");
    app.update(Action::SearchSubmit);
    let member = app.selected_member().expect("Chisinau");
    assert_eq!(member.cluster_basis, ClusterBasis::Inferred);
    let text = screen(&draw(&mut app, 80, 24));
    insta::assert_snapshot!("detail_chisinau_80x24", text);
    // The fixture's Chisinau text has no lexicon keyword: no cluster, and no claim of one.
    assert!(
        text.contains("Clusters: none found in the profile text"),
        "{text}"
    );
    assert!(!text.contains("not stated by UNESCO"), "{text}");
    assert!(text.contains(gnlc::profile::NO_SECTIONS), "{text}");
    assert!(text.contains("Joined: 2020"), "{text}");
    assert!(text.contains(" all "), "the whole profile fits: {text}");
}

#[test]
fn the_help_overlay_lists_the_key_table() {
    let mut app = common::app();
    app.update(Action::ToggleHelp);
    let text = screen(&draw(&mut app, 80, 24));
    insta::assert_snapshot!("help_80x24", text);
    assert!(text.contains("Keys") && text.contains("Ctrl-C") && text.contains("Shift-Tab"));
    let tall = screen(&draw(&mut app, 100, 120));
    for binding in gnlc::app::keymap::BINDINGS {
        assert!(tall.contains(binding.help), "help lacks {:?}", binding.help);
    }
    assert!(tall.contains("Mouse"));
}

#[test]
fn the_search_box_shows_the_text_and_the_list_its_matches() {
    let mut app = common::app();
    search(&mut app, "sonder");
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).expect("backend");
    terminal.draw(|frame| app.draw(frame)).expect("draw");
    let buffer = terminal.backend().buffer().clone();
    let text = screen(&buffer);
    insta::assert_snapshot!("search_sonder_100x30", text);
    assert!(text.contains("sonder"));
    assert!(text.contains("Cities · 1 of 13"));
    assert!(text.contains("Sønderborg"));
    // The cursor stands after the text in the box.
    let (col, row) = find(&buffer, "sonder").expect("search text shown");
    let cursor = terminal.get_cursor_position().expect("cursor");
    assert_eq!((cursor.x, cursor.y), (col + 6, row));
}

#[test]
fn matched_characters_are_highlighted_by_more_than_colour() {
    let (spans, used) = gnlc::ui::list::highlighted(
        "Sønderborg",
        &[0, 1, 2],
        20,
        ratatui::style::Style::new().add_modifier(Modifier::UNDERLINED),
    );
    assert_eq!(used, 10);
    assert_eq!(spans[0].content, "Søn");
    assert!(spans[0].style.add_modifier.contains(Modifier::UNDERLINED));
    assert_eq!(spans[1].content, "derborg");
    // Cut to 5 cells: four chars and an ellipsis.
    let (spans, used) =
        gnlc::ui::list::highlighted("Sønderborg", &[4], 5, ratatui::style::Style::new());
    let text: String = spans.iter().map(|s| s.content.as_ref()).collect();
    assert_eq!((text.as_str(), used), ("Sønd…", 5));
    // On screen, whatever the engine reports as matched is underlined and bold.
    let mut app = common::app();
    app.color = false;
    search(&mut app, "ork");
    let buffer = draw(&mut app, 80, 24);
    let hit = app.selected_hit().expect("a hit").clone();
    let city = &app.engine().member(hit.member).city;
    let (col, row) = find(&buffer, city).expect("city shown");
    for p in &hit.positions {
        let cell = &buffer[(col + *p as u16, row)];
        assert!(
            cell.modifier
                .contains(Modifier::UNDERLINED | Modifier::BOLD),
            "{city} char {p}"
        );
    }
}

#[test]
fn without_colour_the_cursor_and_zero_counts_still_show() {
    let mut app = common::app();
    app.color = false;
    app.update(Action::FocusNext); // Regions, cursor on Africa (0 cities)
    let buffer = draw(&mut app, 100, 30);
    for cell in buffer.content() {
        assert!(
            cell.fg == Color::Reset && cell.bg == Color::Reset,
            "a coloured cell {cell:?} with NO_COLOR"
        );
    }
    let (col, row) = find(&buffer, "Africa").expect("Africa shown");
    let cell = &buffer[(col, row)];
    assert!(
        cell.modifier.contains(Modifier::REVERSED),
        "cursor row is reversed"
    );
    assert!(cell.modifier.contains(Modifier::DIM), "zero count is dim");
    assert!(rows(&buffer)[usize::from(row)].contains("› [ ] Africa"));
    // The focused pane is also marked in text.
    assert!(screen(&buffer).contains("▶ Regions"));
    // Colour on: the same screen has colour.
    app.color = true;
    let buffer = draw(&mut app, 100, 30);
    assert!(buffer.content().iter().any(|c| c.fg != Color::Reset));
}

#[test]
fn page_keys_move_by_the_visible_rows() {
    // 30 cities in one country: the list at 80x24 shows 18 rows.
    let members: Vec<String> = (0..30)
        .map(|i| format!(r#"{{"city": "Town {i:02}", "country": "Denmark", "clusters": []}}"#))
        .collect();
    let members = members.join(",");
    let dataset = gnlc::model::load::from_str(&format!(r#"{{"members": [{members}]}}"#), "towns")
        .expect("valid");
    let mut app = Explorer::new(App::new(Engine::new(dataset), Query::default()));
    let buffer = draw(&mut app, 80, 24);
    let rows_shown = app.view.pane(Pane::Cities).page;
    assert_eq!(rows_shown, 18, "{}", screen(&buffer));
    app.update(Action::PageDown);
    assert_eq!(app.pane(Pane::Cities).cursor, rows_shown);
    // The list scrolled so the cursor is visible.
    let text = screen(&draw(&mut app, 80, 24));
    assert!(text.contains(&format!("› Town {rows_shown:02}")), "{text}");
    app.update(Action::End);
    let text = screen(&draw(&mut app, 80, 24));
    assert!(text.contains("› Town 29"), "{text}");
    app.update(Action::PageUp);
    assert_eq!(app.pane(Pane::Cities).cursor, 29 - rows_shown);
}

#[test]
fn the_mouse_selects_toggles_and_scrolls_the_pane_under_it() {
    let mut app = common::app();
    let buffer = draw(&mut app, 100, 30);
    // Click "Asia and the Pacific": focus moves to Regions and the value toggles on.
    let (col, row) = find(&buffer, "Asia and the Pacific").expect("shown");
    app.update(Action::Click { column: col, row });
    assert_eq!(app.focus, Pane::Facet(REGION));
    assert_eq!(app.results().hits.len(), 5);
    let buffer = draw(&mut app, 100, 30);
    // Click a city: it is selected, focus on Cities.
    let (col, row) = find(&buffer, "Shenzhen").expect("shown");
    app.update(Action::Click { column: col, row });
    assert_eq!(app.focus, Pane::Cities);
    assert_eq!(
        app.selected_member().map(|m| m.city.as_str()),
        Some("Shenzhen")
    );
    // The wheel over the Clusters pane moves its cursor, not the focused list's.
    let buffer = draw(&mut app, 100, 30);
    let (col, row) = find(&buffer, "[ ] Literacy").expect("shown");
    app.update(Action::Wheel {
        column: col,
        row,
        down: true,
    });
    assert_eq!(app.pane(Pane::Facet(CLUSTER)).cursor, 3);
    assert_eq!(
        app.selected_member().map(|m| m.city.as_str()),
        Some("Shenzhen")
    );
    // Narrow layout: clicking a tab focuses that pane.
    let buffer = draw(&mut app, 40, 12);
    let (col, row) = find(&buffer, "Reg").expect("tab shown");
    app.update(Action::Click { column: col, row });
    assert_eq!(app.focus, Pane::Facet(REGION));
    // Detail view: the wheel scrolls the text.
    app.update(Action::FocusPrev);
    app.update(Action::Open);
    draw(&mut app, 100, 30);
    app.update(Action::Wheel {
        column: 50,
        row: 10,
        down: true,
    });
    assert_eq!(app.view.detail.offset, 3);
}

#[test]
fn resizing_down_to_nothing_and_back_keeps_the_state() {
    let mut app = common::app();
    search(&mut app, "cork");
    app.update(Action::SearchSubmit);
    let mut terminal = Terminal::new(TestBackend::new(100, 30)).expect("backend");
    for (w, h) in [(18, 5), (0, 0), (1, 1), (300, 100), (20, 6), (100, 30)] {
        terminal.backend_mut().resize(w, h);
        terminal.autoresize().expect("resize");
        terminal.draw(|frame| app.draw(frame)).expect("draw");
    }
    let text = screen(terminal.backend().buffer());
    assert!(text.contains("Cork — Ireland"), "{text}");
}

// ---- hostile text at random sizes -------------------------------------------------------

/// Characters from every script hostile data brings: controls, escape sequences, C1, bidi,
/// CJK, emoji, combining marks, Arabic.
fn hostile_char() -> impl Strategy<Value = char> {
    prop_oneof![
        prop::char::range('a', 'z'),
        Just(' '),
        Just('\n'),
        Just('\t'),
        Just('\r'),
        Just('\u{1b}'),
        Just('['),
        prop::char::range('\u{0}', '\u{1f}'),
        prop::char::range('\u{7f}', '\u{9f}'),
        prop::char::range('\u{202a}', '\u{202e}'),
        prop::char::range('\u{2066}', '\u{2069}'),
        prop::char::range('\u{4e00}', '\u{4e40}'),
        prop::char::range('\u{1f600}', '\u{1f64f}'),
        Just('\u{200d}'),
        Just('\u{fe0f}'),
        prop::char::range('\u{1f3fb}', '\u{1f3ff}'),
        Just('\u{2764}'),
        prop::char::range('\u{300}', '\u{36f}'),
        prop::char::range('\u{600}', '\u{6ff}'),
        Just('-'),
    ]
}

fn hostile_text(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(hostile_char(), 0..max).prop_map(|v| v.into_iter().collect())
}

fn hostile_member(index: usize, texts: &[String]) -> Member {
    let text = |i: usize| texts.get(i).filter(|t| !t.is_empty()).cloned();
    Member {
        id: format!("m{index}"),
        city: format!("{}{index}", texts[0]),
        country: texts[1].clone(),
        region: Region::ALL[index % Region::ALL.len()],
        clusters: Vec::new(),
        cluster_basis: if index.is_multiple_of(2) {
            ClusterBasis::Inferred
        } else {
            ClusterBasis::Stated
        },
        joined: Some(2020),
        joined_basis: None,
        tagline: text(2),
        summary: text(3),
        vision: text(4).map(|t| format!("- {t}\n{t}")),
        challenges: text(5),
        plan: text(6),
        awards: vec![Award {
            year: 2015,
            source: None,
        }],
        coordinates: None,
        coordinates_of: None,
        source: None,
        sources: Vec::new(),
    }
}

fn assert_clean(buffer: &Buffer) -> Result<(), TestCaseError> {
    for cell in buffer.content() {
        // As wide to ratatui (one glyph) as to a terminal drawing char by char.
        let symbol = cell.symbol();
        let by_char: usize = symbol
            .chars()
            .map(|c| unicode_width::UnicodeWidthChar::width(c).unwrap_or(0))
            .sum();
        prop_assert_eq!(
            unicode_width::UnicodeWidthStr::width(symbol),
            by_char,
            "cell {:?}",
            symbol
        );
        for c in cell.symbol().chars() {
            prop_assert!(
                !c.is_control() && !gnlc::text::is_hostile(c),
                "raw control {:?} in the buffer",
                c
            );
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn every_view_renders_hostile_text_at_any_size(
        members in prop::collection::vec(prop::collection::vec(hostile_text(40), 7), 1..6),
        typed in hostile_text(8),
        width in 0u16..300,
        height in 0u16..100,
        scroll in 0usize..50,
    ) {
        let dataset = Dataset {
            schema_version: 1,
            source: String::new(),
            announced: None,
            members: members.into_iter().enumerate().map(|(i, t)| hostile_member(i, &t)).collect(),
        };
        let mut app = Explorer::new(App::new(Engine::new(dataset), Query::default()));
        app.color = width % 2 == 0;
        let mut views: Vec<Vec<Action>> = vec![
            vec![],
            vec![Action::FocusNext],
            vec![Action::FocusNext, Action::FocusNext, Action::Toggle],
            vec![Action::FocusPrev, Action::End],
            vec![Action::ToggleHelp, Action::End],
            vec![Action::Open, Action::JumpSection(Section::Vision)],
            vec![Action::Open, Action::End],
            vec![Action::Open, Action::ToggleHelp],
        ];
        views.push(std::iter::once(Action::SearchStart).chain(typed.chars().map(Action::SearchInput)).collect());
        let mut detail_scroll = vec![Action::Open];
        detail_scroll.extend(std::iter::repeat_n(Action::Down, scroll));
        views.push(detail_scroll);
        for actions in views {
            app.update(Action::ClearAll);
            app.screen = Screen::Browse { typing: Typing::Nothing };
            app.overlay = None;
            for a in actions {
                app.update(a);
            }
            let buffer = draw(&mut app, width, height);
            assert_clean(&buffer)?;
        }
    }
}

#[test]
fn the_detail_view_shows_which_keywords_an_inferred_cluster_rests_on() {
    // The bundled Villa María profile states no clusters; its challenges list "Adult illiteracy"
    // (the saved listing page), and `illiteracy` is a Literacy keyword of assets/cluster-lexicon.json.
    let mut app = Explorer::new(App::new(Engine::new(Dataset::bundled()), Query::default()));
    search(&mut app, "villa maria");
    app.update(Action::SearchSubmit);
    let member = app.selected_member().expect("Villa María");
    assert_eq!(member.city, "Villa María");
    assert_eq!(member.cluster_basis, ClusterBasis::Inferred);
    let text = screen(&draw(&mut app, 160, 45));
    assert!(text.contains("inferred from the profile text"), "{text}");
    let literacy = text
        .lines()
        .find(|l| l.contains("Literacy — matched:"))
        .unwrap_or_else(|| panic!("no Literacy evidence line: {text}"));
    assert!(literacy.contains("illiteracy"), "{literacy}");
}

#[test]
fn side_by_side_panes_show_every_region_and_cluster() {
    // From 70 columns the facet panes stand side by side, on short terminals too (see
    // tests/short_wide.rs). From 23 rows all five regions fit. All seven clusters fit from 26
    // rows, where every pane has its room (search 3 + Regions 7 + Countries 3 + Clusters 9 +
    // Joined 3 + footer 1); from 23 to 25 rows Clusters gives up rows and says where it is.
    let mut side_by_side = 0;
    for (width, height) in (18..=30).map(|h| (100, h)).chain([(70, 23), (120, 23)]) {
        let mut app = common::app();
        let text = screen(&draw(&mut app, width, height));
        // At 100 columns the side-by-side layout has a preview pane; the narrow one does not.
        assert!(
            width != 100 || text.contains("Preview"),
            "{width}x{height}:\n{text}"
        );
        side_by_side += 1;
        if height < 23 {
            // Shorter: every pane is there, and those that give up rows say where they are.
            for title in ["┌Regions", "┌Countries", "┌Clusters", "┌Joined"] {
                assert!(text.contains(title), "{width}x{height}:\n{text}");
            }
            assert!(text.contains("─ 1–"), "{width}x{height}:\n{text}");
            continue;
        }
        let whole = height >= 26;
        for name in [
            "Africa",
            "Arab States",
            "Asia and",
            "Europe and",
            "Latin Am",
        ] {
            assert!(
                text.contains(name),
                "{width}x{height} lacks {name}:\n{text}"
            );
        }
        // Clusters: the first ones in order, as many as the pane has rows.
        let clusters = [
            "Sustainab",
            "Equity",
            "Planning",
            "Global",
            "Entrepren",
            "Health",
            "Literacy",
        ];
        let shown = clusters.iter().take_while(|n| text.contains(*n)).count();
        assert!(
            clusters[shown..].iter().all(|n| !text.contains(n)),
            "{width}x{height}:\n{text}"
        );
        if whole {
            assert_eq!(shown, 7, "{width}x{height}:\n{text}");
            assert!(!text.contains(" of 7 "), "{width}x{height}:\n{text}");
        } else {
            assert!(shown >= 4, "{width}x{height}:\n{text}");
            assert!(
                text.contains(&format!(" 1–{shown} of 7 ")),
                "{width}x{height}: the Clusters pane's position:\n{text}"
            );
        }
        assert!(text.contains("Joined"), "{width}x{height}:\n{text}");
    }
    assert_eq!(
        side_by_side, 15,
        "the side-by-side layout was drawn {side_by_side} times"
    );
}

#[test]
fn the_help_pages_by_its_visible_height() {
    // 80x16: the popup is 14 rows high, 12 inside its border; the help is longer than that.
    let mut app = common::app();
    app.update(Action::ToggleHelp);
    draw(&mut app, 80, 16);
    assert_eq!(app.view.help.page, 12);
    app.update(Action::PageDown);
    assert_eq!(app.view.help.offset, 12);
    app.update(Action::PageDown);
    app.update(Action::PageUp);
    assert_eq!(app.view.help.offset, 12);
    // After paging, the text shown starts at the 13th line of the help: the first line of it
    // that is not blank is on screen, and the line before it (the 12th) is not.
    let text = screen(&draw(&mut app, 80, 16));
    let lines = gnlc::ui::help::lines(72, gnlc::ui::theme::Theme::new(false));
    let text_of =
        |i: usize| -> String { lines[i].spans.iter().map(|s| s.content.as_ref()).collect() };
    let first = (12..lines.len())
        .find(|&i| !text_of(i).trim().is_empty())
        .expect("the help goes on after line 12");
    let thirteenth = text_of(first);
    let twelfth = text_of(11);
    assert!(
        !twelfth.trim().is_empty() && !text.contains(twelfth.trim()),
        "{twelfth:?} in {text}"
    );
    assert!(
        text.contains(thirteenth.trim()),
        "{thirteenth:?} not in {text}"
    );
}

#[test]
fn panes_with_more_values_than_rows_say_where_they_are() {
    // At 80x24 the Clusters pane has five rows for seven values, Countries one for ten.
    let mut app = common::app();
    let text = screen(&draw(&mut app, 80, 24));
    assert!(text.contains("└────────────── 1–5 of 7 ┘"), "{text}");
    assert!(text.contains(" 1–1 of 10 ┘"), "{text}");
    // Regions and Joined show every value: no indicator on their borders.
    assert!(
        !text.contains(" of 5 ") && !text.contains(" of 1 "),
        "{text}"
    );
    // Moving to the last cluster scrolls the pane; the indicator follows.
    for _ in 0..3 {
        app.update(Action::FocusNext);
    }
    app.update(Action::End);
    let text = screen(&draw(&mut app, 80, 24));
    assert!(text.contains(" 3–7 of 7 "), "{text}");
    assert!(
        text.contains("Literacy") && !text.contains("Sustainable dev"),
        "{text}"
    );
    // The narrow layout puts it on the pane's header line, after the title.
    let mut app = common::app();
    let rows = rows(&draw(&mut app, 40, 12));
    assert!(
        rows[2].starts_with("▶ Cities · 13 of 13") && rows[2].ends_with("1–8 of 13 "),
        "{:?}",
        rows[2]
    );
}

#[test]
fn a_facet_pane_title_shows_its_filter() {
    let mut app = common::app();
    app.update(Action::FocusNext);
    app.update(Action::FocusNext);
    app.update(Action::FilterStart);
    for c in "kor".chars() {
        app.update(Action::FilterInput(c));
    }
    let text = screen(&draw(&mut app, 100, 30));
    assert!(text.contains("Countries /kor▏"), "{text}");
    assert!(text.contains("[ ] Republic of Korea"), "{text}");
    assert!(!text.contains("[ ] Argentina"), "{text}");
    // Kept (Enter): the filter stays in the title without the typing mark.
    app.update(Action::FilterLeave);
    let text = screen(&draw(&mut app, 100, 30));
    assert!(text.contains("Countries /kor━"), "{text}");
    // The footer offers the filter's keys while typing.
    app.update(Action::FilterStart);
    let text = screen(&draw(&mut app, 100, 30));
    let footer = text.lines().last().unwrap_or("");
    assert!(
        footer.contains("Esc clear") && footer.contains("Enter keep"),
        "{footer}"
    );
}
