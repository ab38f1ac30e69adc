//! The map screen on the bundled dataset: the view fitted to a filtered list, the keys (m, Esc,
//! n/p, zoom, pan, reset, Enter), a click selecting the nearest city, and rendering on
//! `TestBackend` at several sizes, with and without colour.
//!
//! Expected values come from `assets/members.tsv`: Africa has 36 members, 27 with
//! coordinates, spanning longitudes -24.50 (São Filipe, Cabo Verde) to 39.85 (Kilifi County,
//! Kenya) and latitudes -29.86 (Durban) to 14.90 (São Filipe); Ireland's four members lie
//! within 51.90..53.33 N and 8.62..6.25 W; 41 of the 349 members have no coordinates.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // not library code: may fail loudly

mod common;

use common::draw;

use gnlc::app::{Action, App, MapBack, Mode, Pane, Screen};
use gnlc::facet::{COUNTRY, REGION};
use gnlc::geo::View;
use gnlc::model::{Dataset, Region};
use gnlc::query::{Engine, Query};
use gnlc::ui::Explorer;
use gnlc::ui::map::{SELECTED_MARKER, legend};
use ratatui::buffer::Buffer;
use ratatui::style::Modifier;

fn explorer(query: Query) -> Explorer {
    Explorer::new(App::new(Engine::new(Dataset::bundled()), query))
}

fn africa() -> Explorer {
    explorer(Query::default().with(REGION, [Region::Africa]))
}

fn rows(buffer: &Buffer) -> Vec<String> {
    (0..buffer.area.height)
        .map(|y| {
            (0..buffer.area.width)
                .map(|x| buffer[(x, y)].symbol())
                .collect()
        })
        .collect()
}

fn selected_city(app: &Explorer) -> String {
    app.selected_member().unwrap().city.clone()
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-9
}

/// Cells showing `symbol`.
fn cells_with(buffer: &Buffer, symbol: &str) -> Vec<(u16, u16)> {
    let mut found = Vec::new();
    for y in 0..buffer.area.height {
        for x in 0..buffer.area.width {
            if buffer[(x, y)].symbol() == symbol {
                found.push((x, y));
            }
        }
    }
    found
}

#[test]
fn the_view_frames_africa_when_africa_is_selected() {
    let app = africa();
    let v = app.map_view();
    // Longitudes -24.50..39.85: centre 7.675, span 64.35 with a 10 % margin each side (x 1.2).
    assert!(close(v.lon, 7.675), "{v:?}");
    assert!(close(v.span_lon, 64.35 * 1.2), "{v:?}");
    // Latitudes -29.86..14.90: centre -7.48, span 44.76 x 1.2.
    assert!(close(v.lat, -7.48), "{v:?}");
    assert!(close(v.span_lat, 44.76 * 1.2), "{v:?}");
}

#[test]
fn one_country_is_framed_with_the_minimum_span_and_no_filter_shows_the_world() {
    let app = explorer(Query::default().with(COUNTRY, ["Ireland"]));
    let v = app.map_view();
    // 51.90..53.33 N is 1.43 degrees (1.716 with margins): the 5-degree minimum wins. In
    // longitude the minimum is 5 / cos(52.615°) = 8.2350 (python3: 5/cos(radians(52.615))).
    assert!(close(v.lat, 52.615) && close(v.lon, -7.435), "{v:?}");
    assert!(close(v.span_lat, 5.0), "{v:?}");
    assert!((v.span_lon - 8.234_955).abs() < 1e-5, "{v:?}");
    assert_eq!(explorer(Query::default()).map_view(), View::WORLD);
}

#[test]
fn m_opens_the_map_and_esc_or_m_returns_with_the_selection_kept() {
    let mut app = africa();
    app.update(Action::Down);
    app.update(Action::Down);
    let city = selected_city(&app);
    app.update(Action::ToggleMap);
    assert_eq!(app.mode(), Mode::Map);
    assert_eq!(
        app.screen,
        Screen::Map {
            back: MapBack::Browse
        }
    );
    app.update(Action::ToggleMap);
    assert_eq!(app.mode(), Mode::List);
    assert_eq!(selected_city(&app), city);

    // From the detail view, and back to it.
    app.update(Action::Open);
    app.update(Action::ToggleMap);
    assert_eq!(app.mode(), Mode::Map);
    app.update(Action::ToggleMap);
    assert_eq!(app.mode(), Mode::Detail);
    assert_eq!(selected_city(&app), city);
}

#[test]
fn enter_on_the_map_opens_the_detail_and_esc_there_returns_to_the_map() {
    let mut app = africa();
    app.update(Action::ToggleMap);
    app.update(Action::NextCity);
    let city = selected_city(&app);
    app.update(Action::Open);
    assert_eq!(app.mode(), Mode::Detail);
    assert_eq!(selected_city(&app), city);
    app.update(Action::Back);
    assert_eq!(app.mode(), Mode::Map);
    // Then Esc leaves the map for the list it was opened from.
    app.update(Action::ToggleMap);
    assert_eq!(app.mode(), Mode::List);
    assert_eq!(selected_city(&app), city);
    // A detail view opened from the list still goes back to the list.
    app.update(Action::Open);
    app.update(Action::Back);
    assert_eq!(app.mode(), Mode::List);
}

#[test]
fn n_and_p_step_through_the_filtered_list_and_the_map_follows() {
    let mut app = africa();
    app.update(Action::ToggleMap);
    let len = app.pane_len(Pane::Cities);
    assert_eq!(len, 36);
    app.update(Action::NextCity);
    assert_eq!(app.pane(Pane::Cities).cursor, 1);
    app.update(Action::PrevCity);
    app.update(Action::PrevCity);
    assert_eq!(app.pane(Pane::Cities).cursor, 0);
    app.update(Action::End);
    assert_eq!(app.pane(Pane::Cities).cursor, len - 1);
    app.update(Action::Home);
    assert_eq!(app.pane(Pane::Cities).cursor, 0);

    // Zoomed far in on the view's centre, stepping to a placed city recentres on it.
    for _ in 0..6 {
        app.update(Action::ZoomIn);
    }
    let zoomed = app.map_view();
    assert!(close(zoomed.span_lat, 44.76 * 1.2 / 64.0));
    let mut stepped = 0;
    while app.pane(Pane::Cities).cursor + 1 < len {
        app.update(Action::NextCity);
        stepped += 1;
        if let Some(c) = app.selected_member().unwrap().coordinates {
            let v = app.map_view();
            assert!(
                (c.lon - v.lon).abs() <= v.span_lon / 2.0
                    && (c.lat - v.lat).abs() <= v.span_lat / 2.0,
                "{} at {c:?} is outside {v:?}",
                selected_city(&app)
            );
            assert!(close(v.span_lat, zoomed.span_lat), "the zoom is kept");
        }
    }
    assert_eq!(stepped, len - 1);
}

#[test]
fn zoom_pan_and_reset() {
    let mut app = africa();
    app.update(Action::ToggleMap);
    let fitted = app.map_view();
    app.update(Action::ZoomIn);
    let v = app.map_view();
    assert!(close(v.span_lon, fitted.span_lon / 2.0) && close(v.span_lat, fitted.span_lat / 2.0));
    app.update(Action::PanEast);
    let east = app.map_view();
    assert!(close(east.lon, v.lon + v.span_lon / 4.0), "{east:?}");
    app.update(Action::PanNorth);
    assert!(close(app.map_view().lat, v.lat + v.span_lat / 4.0));
    app.update(Action::PanSouth);
    app.update(Action::PanWest);
    assert!(close(app.map_view().lon, v.lon) && close(app.map_view().lat, v.lat));
    app.update(Action::ZoomOut);
    app.update(Action::ZoomOut);
    assert!(close(app.map_view().span_lat, fitted.span_lat * 2.0));
    app.update(Action::ResetMap);
    assert_eq!(app.map_view(), fitted);
    assert_eq!(app.map.view, None);

    // Changing the filters fits the new list.
    app.update(Action::ZoomIn);
    app.update(Action::ToggleMap);
    app.update(Action::ClearAll);
    app.update(Action::ToggleMap);
    assert_eq!(app.map_view(), View::WORLD);
}

#[test]
fn a_click_selects_the_city_nearest_the_pointer() {
    let mut app = explorer(Query::default().with(COUNTRY, ["Ireland"]));
    app.update(Action::ToggleMap);
    let _ = draw(&mut app, 160, 45);
    let screen = app.view.map.expect("the map was drawn");
    // Every Irish member, clicked on its own cell, becomes the selected city.
    let members: Vec<(String, _)> = app
        .results()
        .hits
        .iter()
        .map(|h| {
            let m = app.engine().member(h.member);
            (m.city.clone(), m.coordinates.unwrap())
        })
        .collect();
    assert_eq!(members.len(), 4);
    for (city, c) in members {
        let (column, row) = screen.cell_of(c).expect("inside the fitted view");
        app.update(Action::Click { column, row });
        assert_eq!(selected_city(&app), city);
    }
    // A click one cell off Cork (the westernmost, 8.47 W) still picks Cork... from the west.
    let cork = app
        .results()
        .hits
        .iter()
        .map(|h| app.engine().member(h.member))
        .find(|m| m.city == "Cork")
        .unwrap()
        .coordinates
        .unwrap();
    let (x, y) = screen.cell_of(cork).unwrap();
    app.update(Action::Click {
        column: x - 3,
        row: y + 1,
    });
    assert_eq!(selected_city(&app), "Cork");
    // A click outside the canvas (the footer) changes nothing.
    app.update(Action::Click { column: 0, row: 44 });
    assert_eq!(selected_city(&app), "Cork");
    assert_eq!(app.mode(), Mode::Map);
}

/// Renders the Africa map with the third city selected and checks the marker, the label and
/// the legend.
fn check_render(width: u16, height: u16) {
    let mut app = africa();
    // The first Africa members in list order may lack coordinates: pick a placed one.
    let index = app.placed().nth(2).unwrap().0;
    app.select_city(index);
    let city = selected_city(&app);
    app.update(Action::ToggleMap);
    let buffer = draw(&mut app, width, height);
    let text = rows(&buffer);
    let markers = cells_with(&buffer, SELECTED_MARKER);
    assert_eq!(markers.len(), 1, "{width}x{height}:\n{}", text.join("\n"));
    let (mx, my) = markers[0];
    let label_rows = [my.saturating_sub(1), my, my + 1];
    assert!(
        label_rows
            .iter()
            .any(|&y| text[usize::from(y)].contains(&city)),
        "{width}x{height}: no label {city} by the marker at ({mx}, {my}):\n{}",
        text.join("\n")
    );
    let all = text.join(" ").replace('│', " ");
    let words: Vec<&str> = all.split_whitespace().collect();
    let joined = words.join(" ");
    // 36 African members, 27 with coordinates.
    assert!(joined.contains("27 placed"), "{width}x{height}: {joined}");
    if width >= 80 {
        assert!(
            joined.contains(&legend(27, 9)),
            "{width}x{height}:\n{}",
            text.join("\n")
        );
    }
}

#[test]
fn the_map_renders_at_160x45() {
    check_render(160, 45);
}

#[test]
fn the_map_renders_at_80x24() {
    check_render(80, 24);
}

#[test]
fn the_map_renders_at_40x12() {
    check_render(40, 12);
}

#[test]
fn the_world_map_counts_every_member() {
    let mut app = explorer(Query::default());
    app.update(Action::ToggleMap);
    let text = rows(&draw(&mut app, 160, 45)).join("\n");
    assert!(text.contains(&legend(308, 41)), "{text}");
}

#[test]
fn too_small_for_a_map_says_so_and_resizing_never_panics() {
    let mut app = africa();
    app.update(Action::ToggleMap);
    // 30x8: the body is 7 rows, 2 of them legend; 5 rows of canvas are under the minimum 6.
    let text = rows(&draw(&mut app, 30, 8)).join(" ");
    let words: Vec<&str> = text.split_whitespace().collect();
    assert!(
        words.join(" ").contains("The map needs at least 20x6"),
        "{text}"
    );
    assert!(!text.contains(SELECTED_MARKER));
    assert!(app.view.map.is_none());
    // Every size, as a resize would pass through them, after zooming in far and out.
    for _ in 0..12 {
        app.update(Action::ZoomIn);
    }
    for width in 0..70 {
        for height in 0..26 {
            let _ = draw(&mut app, width, height);
        }
    }
    for _ in 0..20 {
        app.update(Action::ZoomOut);
    }
    let _ = draw(&mut app, 1, 1);
    let _ = draw(&mut app, 200, 60);
}

#[test]
fn without_colour_the_selected_city_stands_out_by_marker_and_style() {
    let mut app = africa();
    app.color = false;
    let index = app.placed().next().unwrap().0;
    app.select_city(index);
    let city = selected_city(&app);
    app.update(Action::ToggleMap);
    let buffer = draw(&mut app, 160, 45);
    for y in 0..45 {
        for x in 0..160 {
            assert_eq!(buffer[(x, y)].fg, ratatui::style::Color::Reset);
        }
    }
    let markers = cells_with(&buffer, SELECTED_MARKER);
    assert_eq!(markers.len(), 1);
    let (mx, my) = markers[0];
    assert!(buffer[(mx, my)].modifier.contains(Modifier::REVERSED));
    // The other placed members are plain dots (or counts where they share a cell).
    assert!(!cells_with(&buffer, "•").is_empty());
    // The label is written reversed too.
    let text = rows(&buffer);
    let (ly, lx) = [my.saturating_sub(1), my, my + 1]
        .into_iter()
        .find_map(|y| {
            text[usize::from(y)]
                .find(city.as_str())
                .map(|byte| (y, text[usize::from(y)][..byte].chars().count()))
        })
        .expect("the selected label");
    let lx = u16::try_from(lx).unwrap();
    assert!(buffer[(lx, ly)].modifier.contains(Modifier::REVERSED));
}

#[test]
fn hostile_names_are_sanitised_on_the_map() {
    let mut dataset = Dataset::bundled();
    for m in &mut dataset.members {
        if m.country == "Ireland" {
            m.city = format!("\u{1b}[31m{}\u{7}", m.city);
        }
    }
    let engine = Engine::new(dataset);
    let mut app = Explorer::new(App::new(
        engine,
        Query::default().with(COUNTRY, ["Ireland"]),
    ));
    app.update(Action::ToggleMap);
    let buffer = draw(&mut app, 160, 45);
    let text = rows(&buffer).join("\n");
    assert!(
        !text.contains('\u{1b}') && !text.contains('\u{7}'),
        "{text}"
    );
    // Every Irish city is named (they are far enough apart at this zoom), selected or not.
    for city in ["Cork", "Dublin", "Limerick", "Waterford"] {
        assert!(text.contains(&format!("[31m{city}")), "{city}: {text}");
    }
}

mod near {
    //! `gnlc list --near`, run as a user would. Distances were computed with python3's
    //! haversine on a sphere of radius 6371.0088 km from the coordinates in
    //! `assets/members.tsv` (Cork 51.90, -8.47; Limerick 52.66, -8.62; Waterford 52.26, -7.11;
    //! Dublin 53.33, -6.25; Espoo 60.21, 24.65), not with the code under test.
    use std::process::{Command, Output, Stdio};

    fn gnlc(args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_gnlc"))
            .args(args)
            .env_remove("NO_COLOR")
            .stdin(Stdio::null())
            .output()
            .expect("the gnlc binary runs")
    }

    fn text(bytes: &[u8]) -> String {
        String::from_utf8(bytes.to_vec()).expect("UTF-8")
    }

    #[test]
    fn members_near_cork_nearest_first_with_their_distances() {
        let out = gnlc(&["list", "--near", "cork", "--km", "250", "--format", "csv"]);
        assert!(out.status.success(), "{}", text(&out.stderr));
        let csv = text(&out.stdout);
        let rows: Vec<(String, String)> = csv
            .lines()
            .skip(1)
            .map(|l| {
                let cells: Vec<&str> = l.split(',').collect();
                (cells[1].to_string(), (*cells.last().unwrap()).to_string())
            })
            .collect();
        // Limerick 85.122, Waterford 101.189, Dublin 218.493 km.
        assert_eq!(
            rows,
            [
                ("Limerick".to_string(), "85.1".to_string()),
                ("Waterford".to_string(), "101.2".to_string()),
                ("Dublin".to_string(), "218.5".to_string()),
            ]
        );
        assert!(csv.starts_with("id,city,"));
        assert!(csv.lines().next().unwrap().ends_with(",distance_km"));
        // 41 members have no coordinates: reported, not guessed.
        assert!(
            text(&out.stderr).contains("41 members have no coordinates and were not placed"),
            "{}",
            text(&out.stderr)
        );
    }

    #[test]
    fn cork_to_espoo_is_2224_km_in_the_table_and_the_json() {
        // python3: 2223.883 km.
        let out = gnlc(&[
            "list",
            "--near",
            "Cork",
            "--km",
            "2300",
            "--country",
            "Finland",
        ]);
        assert!(out.status.success(), "{}", text(&out.stderr));
        let table = text(&out.stdout);
        let espoo = table.lines().find(|l| l.contains("Espoo")).unwrap();
        assert!(espoo.trim_start().starts_with("2223.9  Espoo"), "{table}");
        assert!(
            table.contains("1 member within 2300 km of Cork, Ireland"),
            "{table}"
        );
        // Combined with --country Finland, no member lacks coordinates.
        assert_eq!(text(&out.stderr), "");
        // Just short of the distance: nothing.
        let out = gnlc(&[
            "list",
            "--near",
            "Cork",
            "--km",
            "2223",
            "--country",
            "Finland",
        ]);
        assert!(!text(&out.stdout).contains("Espoo"));

        let out = gnlc(&[
            "list",
            "--near",
            "cork",
            "--km",
            "2300",
            "--country",
            "Finland",
            "--format",
            "json",
        ]);
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(json["origin"]["city"], "Cork");
        assert_eq!(json["members"][0]["city"], "Espoo");
        assert_eq!(json["members"][0]["distance_km"], 2223.9);
    }

    #[test]
    fn an_origin_without_coordinates_is_an_error_naming_it() {
        // Bikok, Cameroon has no coordinates in the directory.
        let out = gnlc(&["list", "--near", "Bikok"]);
        assert_eq!(out.status.code(), Some(1));
        let err = text(&out.stderr);
        assert!(
            err.contains("Bikok") && err.contains("no coordinates"),
            "{err}"
        );
        let out = gnlc(&["list", "--near", "Cork", "--km", "-1"]);
        assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
        let out = gnlc(&["list", "--km", "10"]);
        assert_eq!(out.status.code(), Some(2), "--km needs --near");
    }
}
