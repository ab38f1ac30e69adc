//! Where each part of the screen goes, for a given terminal size.
//!
//! Three shapes: *wide* (facet panes stacked on the left, the city list, and from
//! [`PREVIEW_WIDTH`] columns a preview on the right), *narrow* (a tab strip of the four panes
//! with only the focused one shown), and *too small* (below [`MIN_WIDTH`] x [`MIN_HEIGHT`],
//! a message saying so). Every rectangle is computed with saturating arithmetic and ratatui's
//! `Layout`, so no size, 0x0 included, can make it panic.

use ratatui::layout::{Constraint, Layout, Rect};

/// Below this width or height the explorer only says the terminal is too small.
pub const MIN_WIDTH: u16 = 20;
pub const MIN_HEIGHT: u16 = 6;
/// From this size on, the panes stand side by side. The height is what the facet column needs
/// to show every region and every cluster: search box 3 + Regions 7 + Countries at least 3 +
/// Clusters 9 + footer 1.
pub const WIDE_WIDTH: u16 = 70;
pub const WIDE_HEIGHT: u16 = 23;
/// From this width on, a preview of the selected city stands beside the list.
pub const PREVIEW_WIDTH: u16 = 100;
/// From this height on, the search box has a border.
const BOXED_SEARCH_HEIGHT: u16 = 20;

/// The browse view's areas.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Browse {
    Wide {
        search: Rect,
        regions: Rect,
        countries: Rect,
        clusters: Rect,
        list: Rect,
        preview: Option<Rect>,
    },
    Narrow {
        tabs: Rect,
        search: Rect,
        pane: Rect,
    },
}

/// True when `area` is too small for anything but a message.
pub fn too_small(area: Rect) -> bool {
    area.width < MIN_WIDTH || area.height < MIN_HEIGHT
}

/// Splits the screen into the main area and the one-line footer.
pub fn main_and_footer(area: Rect) -> (Rect, Rect) {
    let [main, footer] = Layout::vertical([Constraint::Min(0), Constraint::Length(1)]).areas(area);
    (main, footer)
}

/// The browse view's areas inside `main`.
pub fn browse(main: Rect) -> Browse {
    if main.width < WIDE_WIDTH || main.height + 1 < WIDE_HEIGHT {
        let [tabs, search, pane] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Min(0),
        ])
        .areas(main);
        return Browse::Narrow { tabs, search, pane };
    }
    let search_height = if main.height + 1 >= BOXED_SEARCH_HEIGHT {
        3
    } else {
        1
    };
    let [search, body] =
        Layout::vertical([Constraint::Length(search_height), Constraint::Min(0)]).areas(main);
    let facets_width = (body.width / 3).clamp(24, 38);
    let [facets, rest] =
        Layout::horizontal([Constraint::Length(facets_width), Constraint::Min(0)]).areas(body);
    let (list, preview) = if body.width >= PREVIEW_WIDTH {
        let list_width = (rest.width * 2 / 5).max(28);
        let [list, preview] =
            Layout::horizontal([Constraint::Length(list_width), Constraint::Min(0)]).areas(rest);
        (list, Some(preview))
    } else {
        (rest, None)
    };
    let [regions, countries, clusters] = Layout::vertical([
        Constraint::Length(7),
        Constraint::Min(3),
        Constraint::Length(9),
    ])
    .areas(facets);
    Browse::Wide {
        search,
        regions,
        countries,
        clusters,
        list,
        preview,
    }
}

/// A rectangle of at most `width` x `height` centred in `area`.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let width = width.min(area.width);
    let height = height.min(area.height);
    Rect {
        x: area.x + (area.width - width) / 2,
        y: area.y + (area.height - height) / 2,
        width,
        height,
    }
}
