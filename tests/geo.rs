//! Map maths: distances against values worked out by hand (spherical law of cosines, R =
//! 6371.0088 km, computed separately from the haversine code under test), the viewport's
//! fitting and bounds with hand-computed numbers, projection checked against what ratatui's
//! Braille canvas actually paints, and label placement properties.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
// not library code: may fail loudly

// Some values are exact by construction (360, 180, 45 ...): compared exactly on purpose.
#![allow(clippy::float_cmp)]

use gnlc::geo::{
    Bounds, EARTH_RADIUS_KM, LabelKind, LabelPoint, NearError, Screen, View, great_circle_km, near,
    near_among, place_labels,
};
use gnlc::model::{ClusterBasis, Coordinates, Member, Region};
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;
use ratatui::symbols::Marker;
use ratatui::widgets::canvas::{Canvas, Points};

fn at(lat: f64, lon: f64) -> Coordinates {
    Coordinates { lat, lon }
}

fn member(id: &str, city: &str, coordinates: Option<Coordinates>) -> Member {
    Member {
        id: id.to_string(),
        city: city.to_string(),
        country: "Somewhere".to_string(),
        region: Region::EuropeNorthAmerica,
        clusters: Vec::new(),
        cluster_basis: ClusterBasis::Inferred,
        joined: None,
        joined_basis: None,
        tagline: None,
        summary: None,
        vision: None,
        challenges: None,
        plan: None,
        awards: Vec::new(),
        coordinates,
        coordinates_of: None,
        sources: Vec::new(),
        source: None,
    }
}

fn close(a: f64, b: f64, tolerance: f64) -> bool {
    (a - b).abs() <= tolerance
}

// ---- distances ----

#[test]
fn cork_to_espoo_matches_the_hand_computed_value() {
    // acos(sin φ1 sin φ2 + cos φ1 cos φ2 cos Δλ) × 6371.0088 = 2224.4277 km.
    let d = great_circle_km(at(51.90, -8.47), at(60.21, 24.66));
    assert!(close(d, 2224.4277, 0.001), "{d}");
    let back = great_circle_km(at(60.21, 24.66), at(51.90, -8.47));
    assert!(close(d, back, 1e-9));
}

#[test]
fn antipodes_are_half_the_circumference_apart() {
    // π × 6371.0088 = 20015.1144 km.
    assert!(close(EARTH_RADIUS_KM, 6371.0088, 0.0));
    for (a, b) in [
        (at(0.0, 0.0), at(0.0, 180.0)),
        (at(90.0, 0.0), at(-90.0, 0.0)),
        (at(51.90, -8.47), at(-51.90, 171.53)),
    ] {
        let d = great_circle_km(a, b);
        assert!(close(d, 20015.1144, 0.001), "{a:?} {b:?}: {d}");
    }
}

#[test]
fn the_same_point_is_zero_away_and_a_quarter_turn_is_a_quarter() {
    assert!(great_circle_km(at(51.90, -8.47), at(51.90, -8.47)).abs() < 1e-9);
    // π/2 × R = 10007.5572 km from the equator to a pole.
    assert!(close(
        great_circle_km(at(0.0, 30.0), at(90.0, 0.0)),
        10007.5572,
        0.001
    ));
}

#[test]
fn distances_cross_the_date_line_the_short_way() {
    // One degree of the equator: 6371.0088 × π / 180 = 111.1951 km, not 359 degrees.
    let d = great_circle_km(at(0.0, 179.5), at(0.0, -179.5));
    assert!(close(d, 111.1951, 0.001), "{d}");
    assert!(great_circle_km(at(10.0, 180.0), at(10.0, -180.0)).abs() < 1e-9);
    // Suva (Fiji) to Apia (Samoa): 1151.6291 km by the law of cosines.
    let d = great_circle_km(at(-18.14, 178.44), at(-13.83, -171.76));
    assert!(close(d, 1151.6291, 0.001), "{d}");
}

#[test]
fn near_lists_nearest_first_without_the_origin_and_reports_unknowns() {
    let members = vec![
        member("cork", "Cork", Some(at(51.90, -8.47))),
        member("espoo", "Espoo", Some(at(60.21, 24.66))),
        member("nowhere", "Nowhere", None),
        // Busan–Seoul is 325.5 km; both far outside 2300 km of Cork.
        member("busan", "Busan", Some(at(35.18, 129.08))),
        // Two members at one place: ties go by name.
        member("b", "Bantry B", Some(at(51.68, -9.45))),
        member("a", "Bantry A", Some(at(51.68, -9.45))),
    ];
    let found = near(&members, 0, 2300.0).unwrap();
    let names: Vec<&str> = found.within.iter().map(|(m, _)| m.city.as_str()).collect();
    assert_eq!(names, ["Bantry A", "Bantry B", "Espoo"]);
    assert!(close(found.within[2].1, 2224.4277, 0.001));
    let unknown: Vec<&str> = found.no_coordinates.iter().map(|m| m.id.as_str()).collect();
    assert_eq!(unknown, ["nowhere"]);

    // The limit is inclusive and cuts Espoo at 2200 km.
    let found = near(&members, 0, 2200.0).unwrap();
    assert_eq!(found.within.len(), 2);

    let seoul = member("seoul", "Seoul", Some(at(37.57, 126.98)));
    let found = near_among(&seoul, &members, 500.0).unwrap();
    assert_eq!(found.within.len(), 1);
    assert!(close(found.within[0].1, 325.5144, 0.001));
}

#[test]
fn near_refuses_to_guess() {
    let members = vec![
        member("nowhere", "Nowhere", None),
        member("cork", "Cork", Some(at(51.90, -8.47))),
    ];
    assert!(matches!(
        near(&members, 0, 500.0),
        Err(NearError::OriginHasNoCoordinates { .. })
    ));
    let e = near(&members, 0, 500.0).unwrap_err().to_string();
    assert!(e.contains("Nowhere") && e.contains("no coordinates"), "{e}");
    assert!(matches!(
        near(&members, 5, 500.0),
        Err(NearError::NoSuchMember { index: 5, len: 2 })
    ));
    assert!(matches!(
        near(&members, 1, -1.0),
        Err(NearError::BadDistance(_))
    ));
}

// ---- the view ----

#[test]
fn no_points_is_the_whole_world_and_keeps_its_aspect() {
    let view = View::fit(std::iter::empty(), 5.0);
    assert_eq!(view, View::WORLD);
    // 160 × 45 cells = 160 × 90 cell widths. Longitude needs 360/160 = 2.25 degrees per width,
    // latitude 180/90 = 2; the larger wins, so latitude shows 2.25 × 90 = 202.5 degrees.
    let b = view.bounds(160, 45);
    assert_eq!(b.x, [-180.0, 180.0]);
    assert!(
        close(b.y[0], -101.25, 1e-9) && close(b.y[1], 101.25, 1e-9),
        "{b:?}"
    );
    // 80 × 24: 4.5 vs 3.75 degrees per width → 4.5 × 48 = 216 degrees of latitude.
    let b = view.bounds(80, 24);
    assert!(close(b.y[1], 108.0, 1e-9), "{b:?}");
    // A tall narrow canvas (20 × 40 = 20 × 80 widths): latitude needs 2.25, longitude 18, so
    // longitude stays 360 and latitude shows 18 × 80 = 1440 degrees (blank above and below).
    let b = view.bounds(20, 40);
    assert_eq!(b.x, [-180.0, 180.0]);
    assert!(close(b.y[1], 720.0, 1e-9), "{b:?}");
}

#[test]
fn fitting_frames_the_points_with_a_margin() {
    // Box 0..20 east, 0..10 north; 10 % margin on each side: spans 24 × 12, centre (10, 5).
    let view = View::fit([at(0.0, 0.0), at(10.0, 20.0), at(3.0, 7.0)], 5.0);
    assert!(
        close(view.lon, 10.0, 1e-9) && close(view.lat, 5.0, 1e-9),
        "{view:?}"
    );
    assert!(close(view.span_lon, 24.0, 1e-9) && close(view.span_lat, 12.0, 1e-9));
    // On 100 × 30 cells (100 × 60 widths) with the cos(5°) = 0.996195 correction:
    // longitude needs 24 × 0.996195 / 100 = 0.2390867 degrees of latitude per width,
    // latitude 12 / 60 = 0.2. So x = 10 ± 0.2390867 × 100 / 0.996195 / 2 = 10 ± 12 and
    // y = 5 ± 0.2390867 × 60 / 2 = 5 ± 7.1726018.
    let b = view.bounds(100, 30);
    assert!(
        close(b.x[0], -2.0, 1e-9) && close(b.x[1], 22.0, 1e-9),
        "{b:?}"
    );
    assert!(close(b.y[0], 5.0 - 7.172_601_8, 1e-6), "{b:?}");
    assert!(close(b.y[1], 5.0 + 7.172_601_8, 1e-6), "{b:?}");
}

#[test]
fn one_city_gets_the_minimum_span_corrected_for_latitude() {
    // Cork alone: 5 degrees of latitude, and 5 / cos(51.9°) = 8.10326 degrees of longitude,
    // which is as long on the ground there.
    let view = View::fit([at(51.90, -8.47)], 5.0);
    assert!(close(view.span_lat, 5.0, 1e-9), "{view:?}");
    assert!(close(view.span_lon, 8.10326, 1e-5), "{view:?}");
    assert!(close(view.lon, -8.47, 1e-9) && close(view.lat, 51.90, 1e-9));
    // Drawn on a canvas, a degree of longitude is cos(51.9°) = 0.617036 as long as one of
    // latitude: 40 cells wide and 20 high (= 40 widths) show lon/lat spans in that ratio.
    let b = view.bounds(40, 20);
    let ratio = (b.y[1] - b.y[0]) / (b.x[1] - b.x[0]);
    assert!(close(ratio, 0.617_036, 1e-6), "{ratio}");
    // Without the correction, a degree is a degree.
    let flat = View {
        cos_correction: false,
        ..view
    }
    .bounds(40, 20);
    assert!(close(flat.y[1] - flat.y[0], flat.x[1] - flat.x[0], 1e-9));
}

#[test]
fn the_whole_spread_of_members_never_exceeds_the_world() {
    let view = View::fit([at(-89.0, -179.0), at(89.0, 179.0)], 5.0);
    assert_eq!(view.span_lon, 360.0);
    assert_eq!(view.span_lat, 180.0);
    assert_eq!((view.lon, view.lat), (0.0, 0.0));
    // A city near the pole: the centre moves so the view stays on the map.
    let view = View::fit([at(89.0, 0.0)], 10.0);
    assert!(close(view.lat, 85.0, 1e-9), "{view:?}");
}

#[test]
fn zoom_keeps_the_centre_and_pan_moves_by_a_fraction_of_the_span() {
    let view = View::WORLD.zoom(2.0);
    assert_eq!((view.span_lon, view.span_lat), (180.0, 90.0));
    assert_eq!((view.lon, view.lat), (0.0, 0.0));
    let east = view.pan(0.25, 0.0);
    assert_eq!((east.lon, east.lat), (45.0, 0.0));
    // Panning past the edge stops at the edge: a 180-degree span centred at most at 90.
    let far = view.pan(3.0, -3.0);
    assert_eq!((far.lon, far.lat), (90.0, -45.0));
    // Zooming out near an edge moves the centre inwards just enough.
    let edge = View {
        lon: 170.0,
        lat: 0.0,
        span_lon: 20.0,
        span_lat: 10.0,
        cos_correction: true,
    };
    let out = edge.zoom(0.5);
    assert_eq!((out.span_lon, out.lon), (40.0, 160.0));
    // Zooming far out is the world; nonsense factors change nothing.
    assert_eq!(edge.zoom(0.0001), View::WORLD);
    assert_eq!(edge.zoom(0.0), edge);
    assert_eq!(edge.zoom(f64::NAN), edge);
    // Zoom in and out again returns to the same view.
    let back = edge.zoom(4.0).zoom(0.25);
    assert!(close(back.span_lon, edge.span_lon, 1e-9) && back.lon == edge.lon);
}

fn screen_10x5() -> Screen {
    Screen {
        bounds: Bounds {
            x: [0.0, 10.0],
            y: [0.0, 5.0],
        },
        area: Rect::new(3, 2, 10, 5),
    }
}

#[test]
fn projection_to_cells_by_hand() {
    // 10 × 5 cells = 20 × 20 Braille dots; dot = round(offset × 19 / span).
    let s = screen_10x5();
    assert_eq!(s.cell_of(at(5.0, 0.0)), Some((3, 2))); // top left
    assert_eq!(s.cell_of(at(0.0, 10.0)), Some((12, 6))); // bottom right
    // 5 × 19 / 10 = 9.5 → dot 10 → column 5; 2.5 × 19 / 5 = 9.5 → dot 10 → row 2.
    assert_eq!(s.cell_of(at(2.5, 5.0)), Some((8, 4)));
    assert_eq!(s.cell_of(at(2.5, 10.1)), None);
    assert_eq!(s.cell_of(at(-0.1, 5.0)), None);
    // The middle of the top-left cell: dot (0.5, 1.5) → lon 0.5 × 10 / 19, lat 5 − 1.5 × 5 / 19.
    let c = s.coordinates_of(3, 2).unwrap();
    assert!(close(c.lon, 5.0 / 19.0, 1e-12) && close(c.lat, 5.0 - 7.5 / 19.0, 1e-12));
    assert_eq!(s.coordinates_of(2, 2), None);
    assert_eq!(s.coordinates_of(13, 2), None);
}

#[test]
fn a_click_selects_the_nearest_point_on_screen() {
    let s = screen_10x5();
    let points = [
        ("left", at(2.5, 1.0)),
        ("right", at(2.5, 9.0)),
        ("outside", at(2.5, 50.0)),
    ];
    assert_eq!(s.nearest(4, 4, points).map(|(k, _)| k), Some("left"));
    assert_eq!(s.nearest(12, 4, points).map(|(k, _)| k), Some("right"));
    // A row counts twice a column: from the middle of cell (8, 2), at (5.5, 0.5) in the
    // area, "below" at (5.25, 4.5) is 4 rows = 8 widths away, "beside" at (8.25, 0.5) 2.75.
    let points = [("below", at(0.5, 5.25)), ("beside", at(4.5, 8.25))];
    let (k, _) = s.nearest(8, 2, points).unwrap();
    assert_eq!(k, "beside");
    assert_eq!(s.nearest(8, 2, Vec::<(u8, Coordinates)>::new()), None);
    assert_eq!(s.nearest(0, 0, points), None);
}

/// The cells ratatui's Braille canvas paints for one point.
fn painted(area: Rect, bounds: Bounds, p: Coordinates) -> Vec<(u16, u16)> {
    let mut terminal = Terminal::new(TestBackend::new(area.right(), area.bottom())).unwrap();
    terminal
        .draw(|f| {
            let canvas = Canvas::default()
                .marker(Marker::Braille)
                .x_bounds(bounds.x)
                .y_bounds(bounds.y)
                .paint(|ctx| {
                    ctx.draw(&Points {
                        coords: &[(p.lon, p.lat)],
                        color: ratatui::style::Color::Reset,
                    });
                });
            f.render_widget(canvas, area);
        })
        .unwrap();
    let buffer = terminal.backend().buffer();
    let mut cells = Vec::new();
    for y in area.top()..area.bottom() {
        for x in area.left()..area.right() {
            let sym = buffer[(x, y)].symbol();
            if sym != " " && sym != "\u{2800}" {
                cells.push((x, y));
            }
        }
    }
    cells
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn projection_agrees_with_the_canvas(
        x in 0u16..5, y in 0u16..5, w in 1u16..60, h in 1u16..30,
        lon in -180.0f64..180.0, lat in -90.0f64..90.0,
        zoom in 0.5f64..64.0, dx in -1.0f64..1.0, dy in -1.0f64..1.0,
        (plon, plat) in (-1.0f64..1.0, -1.0f64..1.0),
    ) {
        let view = View { lon, lat, ..View::WORLD }.zoom(zoom).pan(dx, dy);
        let area = Rect::new(x, y, w, h);
        let screen = Screen::new(&view, area);
        let b = screen.bounds;
        // A point inside the bounds (relative position plon, plat in -1..1).
        let p = at(
            f64::midpoint(b.y[0], b.y[1]) + plat * (b.y[1] - b.y[0]) / 2.0,
            f64::midpoint(b.x[0], b.x[1]) + plon * (b.x[1] - b.x[0]) / 2.0,
        );
        let cell = screen.cell_of(p);
        prop_assert!(cell.is_some());
        let cell = cell.unwrap();
        prop_assert!(screen.contains(cell.0, cell.1));
        prop_assert_eq!(painted(area, b, p), vec![cell]);
        // Back to coordinates and forth lands on the same cell.
        let middle = screen.coordinates_of(cell.0, cell.1).unwrap();
        prop_assert_eq!(screen.cell_of(middle), Some(cell));
    }

    #[test]
    fn fitted_views_contain_their_points(
        points in prop::collection::vec((-85.0f64..85.0, -180.0f64..180.0), 1..20),
        w in 10u16..200, h in 5u16..60,
    ) {
        let coords: Vec<Coordinates> = points.iter().map(|&(lat, lon)| at(lat, lon)).collect();
        let view = View::fit(coords.iter().copied(), 5.0);
        let b = view.bounds(w, h);
        for p in &coords {
            prop_assert!(p.lon >= b.x[0] - 1e-9 && p.lon <= b.x[1] + 1e-9, "{:?} {:?}", p, b);
            prop_assert!(p.lat >= b.y[0] - 1e-9 && p.lat <= b.y[1] + 1e-9, "{:?} {:?}", p, b);
        }
        prop_assert!(view.span_lat >= 5.0 - 1e-9);
    }
}

// ---- labels ----

fn pt(x: u16, y: u16, text: &str) -> LabelPoint<'_> {
    LabelPoint { x, y, text }
}

#[test]
fn a_label_goes_right_then_left_then_above_then_below() {
    let area = Rect::new(0, 0, 20, 10);
    let placed = place_labels(area, &[pt(5, 5, "Cork")], None);
    assert_eq!(
        (placed[0].x, placed[0].y, placed[0].kind),
        (6, 5, LabelKind::Name)
    );
    // At the right edge: "Cork" ends just left of the point.
    let placed = place_labels(area, &[pt(19, 5, "Cork")], None);
    assert_eq!((placed[0].x, placed[0].y), (15, 5));
    // Too wide for either side of a 6-wide area at column 2: above, centred on the point
    // (x = 2 - (4 - 1) / 2 = 1).
    let narrow = Rect::new(0, 0, 6, 3);
    let placed = place_labels(narrow, &[pt(2, 1, "Cork")], None);
    assert_eq!((placed[0].x, placed[0].y), (1, 0));
}

#[test]
fn the_selected_label_comes_first_and_others_give_way() {
    let area = Rect::new(0, 0, 30, 3);
    // Seoul at (5,1) and Incheon at (10,1): Seoul's label "Seoul" right of it would cover
    // columns 6..=10, Incheon's marker; so it goes left (0..=4). Selecting Incheon places
    // "Incheon" first, at 11..=17.
    let points = [pt(5, 1, "Seoul"), pt(10, 1, "Incheon")];
    let placed = place_labels(area, &points, Some(1));
    assert_eq!(placed[0].kind, LabelKind::Selected);
    assert_eq!((placed[0].x, placed[0].text.as_str()), (11, "Incheon"));
    assert_eq!(
        (placed[1].x, placed[1].y, placed[1].text.as_str()),
        (0, 1, "Seoul")
    );
}

#[test]
fn points_sharing_a_cell_become_a_count() {
    let area = Rect::new(0, 0, 20, 5);
    let points = [pt(3, 2, "A"), pt(3, 2, "B"), pt(3, 2, "C"), pt(10, 2, "D")];
    let placed = place_labels(area, &points, None);
    assert_eq!(placed[0].kind, LabelKind::Count(3));
    assert_eq!(
        (placed[0].x, placed[0].y, placed[0].text.as_str()),
        (3, 2, "3")
    );
    assert_eq!(placed[1].text, "D");
    // Selecting one of them names it and says how many others share the cell.
    let placed = place_labels(area, &points, Some(1));
    assert_eq!(placed[0].text, "B +2");
    assert_eq!(placed.iter().filter(|p| p.text == "3").count(), 0);
}

#[test]
fn a_selected_label_wider_than_the_area_is_cut_not_dropped() {
    let area = Rect::new(2, 1, 8, 4);
    let placed = place_labels(area, &[pt(5, 2, "Saint-Quentin-en-Yvelines")], Some(0));
    assert_eq!(placed.len(), 1);
    assert_eq!(placed[0].text, "Saint-Q…");
    assert_eq!((placed[0].x, placed[0].y, placed[0].width), (2, 1, 8));
    // Out of the area: no label at all.
    assert!(place_labels(area, &[pt(0, 0, "Cork")], Some(0)).is_empty());
    assert!(place_labels(Rect::new(0, 0, 0, 5), &[pt(0, 0, "Cork")], Some(0)).is_empty());
}

fn label_case() -> impl Strategy<Value = (Rect, Vec<(u16, u16, String)>, Option<usize>)> {
    (0u16..4, 0u16..4, 1u16..50, 1u16..20).prop_flat_map(|(x, y, w, h)| {
        let point = (
            x..x + w,
            y..y + h,
            prop_oneof!["[a-zA-Z]{0,12}", "[가-힣]{1,4}", "[a-z]{1,3} [a-z]{1,30}"],
        );
        let points = prop::collection::vec(point, 0..80);
        (
            Just(Rect::new(x, y, w, h)),
            points,
            prop::option::of(0usize..100),
        )
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn labels_never_overlap_nor_leave_the_area((area, raw, selected) in label_case()) {
        let points: Vec<LabelPoint<'_>> =
            raw.iter().map(|(x, y, t)| pt(*x, *y, t.as_str())).collect();
        let placed = place_labels(area, &points, selected);
        let mut taken = std::collections::HashSet::new();
        for p in &placed {
            prop_assert!(p.width > 0);
            prop_assert_eq!(usize::from(p.width), unicode_width::UnicodeWidthStr::width(p.text.as_str()));
            prop_assert!(p.x >= area.x && p.x + p.width <= area.right(), "{:?} in {:?}", p, area);
            prop_assert!(p.y >= area.y && p.y < area.bottom(), "{:?} in {:?}", p, area);
            for x in p.x..p.x + p.width {
                prop_assert!(taken.insert((x, p.y)), "overlap at {:?}: {:?}", (x, p.y), placed);
            }
        }
        // Labels other than the selected one cover no marker but their own, and keep a gap.
        for p in placed.iter().filter(|p| p.kind != LabelKind::Selected) {
            for q in &points {
                let own = (q.x, q.y) == (points[p.point].x, points[p.point].y);
                prop_assert!(own || q.y != p.y || q.x < p.x || q.x >= p.x + p.width);
            }
        }
        // Two labels on one row are never adjacent: a cell between them keeps words apart.
        for (i, a) in placed.iter().enumerate() {
            for b in &placed[i + 1..] {
                prop_assert!(
                    a.y != b.y || a.x + a.width < b.x || b.x + b.width < a.x,
                    "touching: {:?} {:?}", a, b
                );
            }
        }
        // The selected point, when on the area and named, always has its label, first.
        if let Some(s) = selected.filter(|&s| s < points.len() && !points[s].text.is_empty()) {
            prop_assert_eq!(placed.first().map(|p| (p.kind, p.point)), Some((LabelKind::Selected, s)));
        } else {
            prop_assert!(placed.iter().all(|p| p.kind != LabelKind::Selected));
        }
        // Each occupied cell gets at most one label.
        let mut cells = std::collections::HashSet::new();
        for p in &placed {
            prop_assert!(cells.insert((points[p.point].x, points[p.point].y)));
        }
    }
}
