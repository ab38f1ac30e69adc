//! Where each part of the screen goes, for a given terminal size.
//!
//! Three shapes: *wide* (one pane per facet kind stacked on the left, the city list, and from
//! [`PREVIEW_WIDTH`] columns a preview on the right; kept on short terminals as long as every
//! facet pane still shows a value), *narrow* (a tab strip of the panes with only the focused
//! one shown, for narrow terminals and those too short for the facet column), and *too small*
//! (below [`MIN_WIDTH`] x [`MIN_HEIGHT`], a message saying so). Every rectangle is computed
//! with saturating arithmetic and ratatui's `Layout`, so no size, 0x0 included, can make it
//! panic.

use ratatui::layout::{Constraint, Layout, Rect};

/// Below this width or height the explorer only says the terminal is too small.
pub const MIN_WIDTH: u16 = 20;
pub const MIN_HEIGHT: u16 = 6;
/// From this width on, the panes stand side by side, as long as the facet column has the rows
/// to show every facet pane with one value (see [`fits_side_by_side`]): a terminal that is
/// wide but short keeps the list beside the facets, the panes scrolling. At [`WIDE_HEIGHT`]
/// rows the column shows every region and every cluster beside the countries: search box 3 +
/// Regions 7 + Countries at least 3 + Clusters 9 + footer 1. More panes than that share the
/// column: see [`facet_heights`].
pub const WIDE_WIDTH: u16 = 70;
pub const WIDE_HEIGHT: u16 = 23;
/// From this width on, a preview of the selected city stands beside the list.
pub const PREVIEW_WIDTH: u16 = 100;
/// From this height on, the search box has a border.
const BOXED_SEARCH_HEIGHT: u16 = 20;

/// How tall a facet pane wants to be in the wide layout.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FacetSize {
    /// Exactly this many value rows (a kind whose values are always the same, like regions).
    Fit(u16),
    /// This many values, shown whole when there is room; takes what is left (countries).
    Fill(u16),
}

/// The smallest height of a [`FacetSize::Fill`] pane, borders included.
pub const FILL_MIN: u16 = 3;

/// The height a filling pane keeps (three values and borders) before another filling pane
/// grows past it, when the column has the rows.
const FILL_SHARE: u16 = 5;

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
            let rows = app.pane_len(crate::app::Pane::Facet(kind));
            let rows = u16::try_from(rows).unwrap_or(u16::MAX);
            if (kind.always)().is_empty() {
                FacetSize::Fill(rows)
            } else {
                FacetSize::Fit(rows)
            }
        })
        .collect()
}

/// The height of each facet pane in a column of `height` rows, borders included.
///
/// Every pane gets at least [`FILL_MIN`] rows. Then fitted panes grow, in order, to show all
/// their values; then filling panes, the one with fewest values first, each leaving the later
/// ones [`FILL_SHARE`] rows when it can; what is left goes to
/// the first filling pane, or to the last pane when none fills. When the column is short, the
/// last panes are the ones cut short: they scroll, and show where they are.
pub fn facet_heights(height: u16, facets: &[FacetSize]) -> Vec<u16> {
    let mut heights: Vec<u16> = facets.iter().map(|_| FILL_MIN).collect();
    let mut left = height.saturating_sub(FILL_MIN.saturating_mul(facets.len() as u16));
    let want = |size: &FacetSize| match size {
        FacetSize::Fit(rows) | FacetSize::Fill(rows) => rows.saturating_add(2),
    };
    let mut order: Vec<usize> = (0..facets.len()).collect();
    // Stable: fitted panes first in pane order, then filling ones by size.
    order.sort_by_key(|&i| match facets[i] {
        FacetSize::Fit(_) => (0, 0),
        FacetSize::Fill(rows) => (1, rows),
    });
    let (fits, fills): (Vec<usize>, Vec<usize>) = order
        .into_iter()
        .partition(|&i| matches!(facets[i], FacetSize::Fit(_)));
    for i in fits {
        let grow = want(&facets[i]).saturating_sub(heights[i]).min(left);
        heights[i] += grow;
        left -= grow;
    }
    // Filling panes grow fewest values first, but not into the rows that keep each later one
    // at [`FILL_SHARE`]: a short column must not leave the countries one row beside a year
    // list shown whole. What the later ones then leave goes to the first again.
    for (n, &i) in fills.iter().enumerate() {
        let reserve: u16 = fills[n + 1..]
            .iter()
            .map(|&j| want(&facets[j]).min(FILL_SHARE).saturating_sub(heights[j]))
            .sum();
        let grow = want(&facets[i])
            .saturating_sub(heights[i])
            .min(left.saturating_sub(reserve));
        heights[i] += grow;
        left -= grow;
    }
    for &i in &fills {
        let grow = want(&facets[i]).saturating_sub(heights[i]).min(left);
        heights[i] += grow;
        left -= grow;
    }
    let receiver = facets
        .iter()
        .position(|s| matches!(s, FacetSize::Fill(_)))
        .or(facets.len().checked_sub(1));
    if let Some(i) = receiver {
        heights[i] = heights[i].saturating_add(left);
    }
    heights
}

/// The search box's height in the wide layout: boxed from [`BOXED_SEARCH_HEIGHT`] rows on.
fn search_height(main: Rect) -> u16 {
    if main.height.saturating_add(1) >= BOXED_SEARCH_HEIGHT {
        3
    } else {
        1
    }
}

/// True when `main` is wide enough for the side-by-side layout and tall enough that its facet
/// column shows each of `facets` panes with its borders and one value ([`FILL_MIN`] rows).
pub fn fits_side_by_side(main: Rect, facets: usize) -> bool {
    let column = FILL_MIN.saturating_mul(u16::try_from(facets).unwrap_or(u16::MAX));
    main.width >= WIDE_WIDTH && main.height >= search_height(main).saturating_add(column)
}

/// The browse view's areas inside `main`, with facet panes of the given sizes.
pub fn browse(main: Rect, facets: &[FacetSize]) -> Browse {
    if !fits_side_by_side(main, facets.len()) {
        let [tabs, search, pane] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Length(1),
            Constraint::Min(0),
        ])
        .areas(main);
        return Browse::Narrow { tabs, search, pane };
    }
    let [search, body] =
        Layout::vertical([Constraint::Length(search_height(main)), Constraint::Min(0)]).areas(main);
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
    let mut y = facets_area.y;
    let facets = facet_heights(facets_area.height, facets)
        .into_iter()
        .map(|h| {
            let h = h.min(facets_area.bottom().saturating_sub(y));
            let area = Rect {
                y,
                height: h,
                ..facets_area
            };
            y = y.saturating_add(h);
            area
        })
        .collect();
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
