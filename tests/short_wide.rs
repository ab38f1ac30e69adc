//! Short but wide terminals: the panes stay side by side while the facet column has a row
//! for one value of each pane (the panes scroll and say so); shorter than that, or narrow,
//! the tab strip; and no size down to the smallest panics or breaks a border.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // not library code: may fail loudly

mod common;

use common::{draw, rows};

use gnlc::app::Action;
use gnlc::ui::Explorer;

/// The row and column where `needle` starts.
fn find(rows: &[String], needle: &str) -> Option<(usize, usize)> {
    rows.iter().enumerate().find_map(|(y, row)| {
        row.find(needle)
            .map(|b| (unicode_width::UnicodeWidthStr::width(&row[..b]), y))
    })
}

#[test]
fn wide_short_terminals_keep_the_facets_beside_the_list() {
    // The fixture has four facet panes (Regions, Countries, Clusters, Joined): the column
    // needs the search line and 4 x 3 rows, and the footer takes one: 14 rows.
    for (width, height) in [(120, 14), (100, 18), (80, 16), (70, 22), (160, 20)] {
        let mut app = common::app();
        let rows = rows(&draw(&mut app, width, height));
        let text = rows.join("\n");
        assert!(
            !text.contains("[Cities]"),
            "{width}x{height} uses tabs:\n{text}"
        );
        let mut regions_col = None;
        for title in ["Regions", "Countries", "Clusters", "Joined"] {
            let (x, _) = find(&rows, &format!("┌{title}"))
                .unwrap_or_else(|| panic!("{width}x{height} lacks {title}:\n{text}"));
            regions_col.get_or_insert(x);
            assert_eq!(Some(x), regions_col, "{title} out of the column:\n{text}");
        }
        // The list stands to the right of the facet column, on the same rows.
        let (list_x, list_y) =
            find(&rows, "Cities · 13 of 13").unwrap_or_else(|| panic!("no list:\n{text}"));
        let (regions_x, regions_y) = find(&rows, "┌Regions").expect("regions");
        assert!(list_x > regions_x + 20, "{width}x{height}:\n{text}");
        assert_eq!(list_y, regions_y, "{width}x{height}:\n{text}");
        assert!(text.contains("Beijing"), "{width}x{height}:\n{text}");
        // The preview stands beside the list from 100 columns on.
        assert_eq!(
            text.contains("Preview"),
            width >= 100,
            "{width}x{height}:\n{text}"
        );
    }
}

#[test]
fn terminals_too_short_or_narrow_for_the_column_use_the_tab_strip() {
    for (width, height) in [(120, 13), (200, 8), (69, 30), (40, 12), (20, 6)] {
        let mut app = common::app();
        let rows = rows(&draw(&mut app, width, height));
        assert!(
            rows[0].contains("[Cities]"),
            "{width}x{height}: {:?}",
            rows[0]
        );
        app.update(Action::FocusNext);
        let text = rows_text(&mut app, width, height);
        assert!(text.contains("[Regions]"), "{width}x{height}:\n{text}");
    }
}

fn rows_text(app: &mut Explorer, width: u16, height: u16) -> String {
    rows(&draw(app, width, height)).join("\n")
}

#[test]
fn every_size_around_the_switch_draws_whole_borders_without_panicking() {
    for width in [0, 1, 19, 20, 21, 69, 70, 71, 99, 100, 120] {
        for height in 0..=24 {
            let mut app = common::app();
            let buffer = draw(&mut app, width, height);
            // A focused pane's title sits on its top border; every row is as wide as the
            // screen (nothing spills past the edge).
            for row in rows(&buffer) {
                assert_eq!(
                    unicode_width::UnicodeWidthStr::width(row.as_str()),
                    usize::from(width),
                    "{width}x{height}: {row:?}"
                );
            }
            app.update(Action::FocusNext);
            app.update(Action::Down);
            draw(&mut app, width, height);
        }
    }
}
