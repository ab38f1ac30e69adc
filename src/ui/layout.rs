//! Where each part of the screen goes, for a given terminal size.
//!
//! Three shapes: *wide* (one pane per facet kind stacked on the left, the city list, and from
//! [`PREVIEW_WIDTH`] columns a preview on the right), *narrow* (a tab strip of the panes
//! with only the focused one shown), and *too small* (below [`MIN_WIDTH`] x [`MIN_HEIGHT`],
//! a message saying so). Every rectangle is computed with saturating arithmetic and ratatui's
//! `Layout`, so no size, 0x0 included, can make it panic.

use ratatui::layout::{Constraint, Layout, Rect};

/// Below this width or height the explorer only says the terminal is too small.
pub const MIN_WIDTH: u16 = 20;
pub const MIN_HEIGHT: u16 = 6;
/// From this width on, the panes stand side by side (and from the height [`wide_height`] gives,
/// where every fitted pane fits).
pub const WIDE_WIDTH: u16 = 70;
/// From this width on, a preview of the selected city stands beside the list.
pub const PREVIEW_WIDTH: u16 = 100;
/// From this height on, the search box has a border.
const BOXED_SEARCH_HEIGHT: u16 = 20;

/// How tall a facet pane wants to be in the wide layout.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FacetSize {
    /// Exactly this many value rows (a kind whose values are always the same, like regions).
    Fit(u16),
    /// At least [`FILL_MIN`] rows with borders; shares what is left (countries).
    Fill,
}

/// The smallest height of a [`FacetSize::Fill`] pane, borders included.
pub const FILL_MIN: u16 = 3;

/// The browse view's areas.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Browse {
    Wide {
        search: Rect,
        /// One area per facet pane, in pane order.
        facets: Vec<Rect>,
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

/// How tall each facet pane of `app` wants to be, in pane order: a kind with always-listed
/// values fits them; any other fills.
pub fn facet_sizes(app: &crate::app::App) -> Vec<FacetSize> {
    app.kinds()
        .map(|kind| {
            if (kind.always)().is_empty() {
                FacetSize::Fill
            } else {
                let rows = app.pane_len(crate::app::Pane::Facet(kind));
                FacetSize::Fit(u16::try_from(rows).unwrap_or(u16::MAX))
            }
        })
        .collect()
}

/// The screen height from which the panes stand side by side: the search box (3), every
/// facet pane at its size with borders, and the footer (1). With regions (5 values),
/// countries and clusters (7 values) that is 3 + 7 + 3 + 9 + 1 = 23.
pub fn wide_height(facets: &[FacetSize]) -> u16 {
    facets
        .iter()
        .map(|size| match size {
            FacetSize::Fit(rows) => rows.saturating_add(2),
            FacetSize::Fill => FILL_MIN,
        })
        .fold(4u16, u16::saturating_add)
}

/// The browse view's areas inside `main`, with facet panes of the given sizes.
pub fn browse(main: Rect, facets: &[FacetSize]) -> Browse {
    if main.width < WIDE_WIDTH || main.height.saturating_add(1) < wide_height(facets) {
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
    let [facets_area, rest] =
        Layout::horizontal([Constraint::Length(facets_width), Constraint::Min(0)]).areas(body);
    let (list, preview) = if body.width >= PREVIEW_WIDTH {
        let list_width = (rest.width * 2 / 5).max(28);
        let [list, preview] =
            Layout::horizontal([Constraint::Length(list_width), Constraint::Min(0)]).areas(rest);
        (list, Some(preview))
    } else {
        (rest, None)
    };
    let constraints = facets.iter().map(|size| match size {
        FacetSize::Fit(rows) => Constraint::Length(rows.saturating_add(2)),
        FacetSize::Fill => Constraint::Min(FILL_MIN),
    });
    let facets = Layout::vertical(constraints).split(facets_area).to_vec();
    Browse::Wide {
        search,
        facets,
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
