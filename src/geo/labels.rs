//! Where to write city names on the map so that they stay readable where members are dense.
//!
//! The rules, in order:
//! 1. The selected point's label is placed first and is always shown (cut to the area's width
//!    with `…` if it must be). If other points share its cell, it says how many (`Seoul +2`).
//! 2. Points that share a cell are one group; a group of several is labelled with its count
//!    (`3`), first on the cell itself (in place of the marker), else beside it.
//! 3. The other labels are placed greedily, in the order the points are given (the caller's
//!    priority), each tried right, left, above and below its point. A label is dropped when no
//!    spot is free: it may not overlap another label, touch one on the same row (a one-cell
//!    gap keeps `SeoulBusan` from reading as one word), cover another point's marker, or leave
//!    the area.
//!
//! The function is pure and works on cells, so it can be tested without drawing, and it costs
//! one pass over the points plus a few tries per occupied cell, whatever the number of points.
//! Label texts are written as given: sanitise them before.

use ratatui::layout::Rect;
use unicode_width::UnicodeWidthChar;
use unicode_width::UnicodeWidthStr;

/// A point to label: its cell (absolute, as from `Screen::cell_of`) and its label text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LabelPoint<'a> {
    pub x: u16,
    pub y: u16,
    pub text: &'a str,
}

/// What a placed label shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LabelKind {
    /// The selected point's name (with the number of others in its cell, if any).
    Selected,
    /// One point's name.
    Name,
    /// The number of points sharing one cell.
    Count(usize),
}

/// A label to write at cell (`x`, `y`), `width` cells wide. `point` is the index of the point
/// it belongs to (for a count, the first point of the cell).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placed {
    pub x: u16,
    pub y: u16,
    pub width: u16,
    pub text: String,
    pub kind: LabelKind,
    pub point: usize,
}

struct Grid {
    area: Rect,
    label: Vec<bool>,
    marker: Vec<bool>,
}

impl Grid {
    fn index(&self, x: u16, y: u16) -> usize {
        usize::from(y - self.area.y) * usize::from(self.area.width) + usize::from(x - self.area.x)
    }

    /// Whether a label of `width` at (`x`, `y`) is inside the area; `own` is a cell whose
    /// marker the label may cover (a count written on its own cell).
    fn free(&self, x: i32, y: i32, width: u16, own: Option<(u16, u16)>) -> bool {
        let Some((x, y)) = fits(self.area, x, y, width) else {
            return false;
        };
        let a = self.area;
        // The label's own cells: no label, no marker but its own.
        for cx in x..x + width {
            let i = self.index(cx, y);
            if self.label[i] || (self.marker[i] && own != Some((cx, y))) {
                return false;
            }
        }
        // One free cell on each side, on the same row.
        let before = x > a.x && self.label[self.index(x - 1, y)];
        let after = x + width < a.right() && self.label[self.index(x + width, y)];
        !(before || after)
    }

    fn take(&mut self, x: u16, y: u16, width: u16) {
        for cx in x..x + width {
            let i = self.index(cx, y);
            self.label[i] = true;
        }
    }
}

/// The spot as cells, when a label of `width` (at least 1) there is inside `area`.
fn fits(area: Rect, x: i32, y: i32, width: u16) -> Option<(u16, u16)> {
    let (x, y) = (u16::try_from(x).ok()?, u16::try_from(y).ok()?);
    let inside = width > 0
        && x >= area.x
        && y >= area.y
        && u32::from(x) + u32::from(width) <= u32::from(area.right())
        && y < area.bottom();
    inside.then_some((x, y))
}

/// The spots tried for a label of `width` beside the point at (`x`, `y`): right, left, above
/// and below (the last two centred on the point).
fn beside(x: u16, y: u16, width: u16) -> [(i32, i32); 4] {
    let (x, y, w) = (i32::from(x), i32::from(y), i32::from(width));
    [
        (x + 1, y),
        (x - w, y),
        (x - (w - 1) / 2, y - 1),
        (x - (w - 1) / 2, y + 1),
    ]
}

/// Chooses labels for `points` (in priority order) in `area`, the `selected` point's first.
/// Points outside the area get no label. See the module docs for the rules.
pub fn place_labels(area: Rect, points: &[LabelPoint<'_>], selected: Option<usize>) -> Vec<Placed> {
    let cells = usize::from(area.width) * usize::from(area.height);
    if cells == 0 {
        return Vec::new();
    }
    let mut grid = Grid {
        area,
        label: vec![false; cells],
        marker: vec![false; cells],
    };
    let inside = |p: &LabelPoint<'_>| {
        p.x >= area.x && p.y >= area.y && p.x < area.right() && p.y < area.bottom()
    };
    // Group the points by cell: per cell, its first point and how many points it holds.
    let mut first = vec![usize::MAX; cells];
    let mut count = vec![0usize; cells];
    let mut groups = Vec::new();
    for (i, p) in points.iter().enumerate() {
        if !inside(p) {
            continue;
        }
        let c = grid.index(p.x, p.y);
        if count[c] == 0 {
            first[c] = i;
            groups.push(c);
            grid.marker[c] = true;
        }
        count[c] += 1;
    }

    let mut placed = Vec::new();
    let selected_cell = selected
        .and_then(|s| points.get(s).map(|p| (s, p)))
        // A point without a name has no label to show, selected or not.
        .filter(|(_, p)| inside(p) && !p.text.is_empty());
    if let Some((s, p)) = selected_cell {
        let others = count[grid.index(p.x, p.y)] - 1;
        let text = if others > 0 {
            format!("{} +{others}", p.text)
        } else {
            p.text.to_string()
        };
        placed.extend(place_selected(&mut grid, p, s, text));
    }

    for c in groups {
        let i = first[c];
        let p = &points[i];
        if selected_cell.is_some_and(|(_, s)| (s.x, s.y) == (p.x, p.y)) {
            continue;
        }
        let (text, kind) = if count[c] > 1 {
            (count[c].to_string(), LabelKind::Count(count[c]))
        } else {
            (p.text.to_string(), LabelKind::Name)
        };
        let width = text.width();
        let Ok(width) = u16::try_from(width) else {
            continue;
        };
        let mut spots = Vec::with_capacity(5);
        if matches!(kind, LabelKind::Count(_)) {
            spots.push((i32::from(p.x), i32::from(p.y)));
        }
        spots.extend(beside(p.x, p.y, width));
        let own = Some((p.x, p.y));
        let spot = spots
            .iter()
            .find(|&&(x, y)| grid.free(x, y, width, own))
            .and_then(|&(x, y)| fits(area, x, y, width));
        if let Some((x, y)) = spot {
            grid.take(x, y, width);
            placed.push(Placed {
                x,
                y,
                width,
                text,
                kind,
                point: i,
            });
        }
    }
    placed
}

/// Places the selected label: beside its point where it covers no marker, else where it at
/// least fits, else cut to the area's width on the nearest row. An empty text gets no label.
fn place_selected(
    grid: &mut Grid,
    p: &LabelPoint<'_>,
    point: usize,
    text: String,
) -> Option<Placed> {
    let area = grid.area;
    let full = u16::try_from(text.width()).unwrap_or(u16::MAX);
    if full == 0 {
        return None;
    }
    let spots = beside(p.x, p.y, full);
    let own = Some((p.x, p.y));
    let spot = spots
        .iter()
        .find(|&&(x, y)| grid.free(x, y, full, own))
        .or_else(|| {
            spots
                .iter()
                .find(|&&(x, y)| fits(area, x, y, full).is_some())
        })
        .and_then(|&(x, y)| fits(area, x, y, full));
    let (x, y, text) = if let Some((x, y)) = spot {
        (x, y, text)
    } else {
        let cut = truncate(&text, area.width);
        let w = u16::try_from(cut.width()).unwrap_or(area.width);
        // Start where the label would end at the area's right edge, at most at the point.
        let x = p.x.min(area.right().saturating_sub(w)).max(area.x);
        let y = if p.y > area.y {
            p.y - 1
        } else if p.y + 1 < area.bottom() {
            p.y + 1
        } else {
            p.y
        };
        (x, y, cut)
    };
    let width = u16::try_from(text.width()).unwrap_or(area.width);
    grid.take(x, y, width);
    Some(Placed {
        x,
        y,
        width,
        text,
        kind: LabelKind::Selected,
        point,
    })
}

/// `text` cut to at most `width` cells, ending with `…` when something was cut.
fn truncate(text: &str, width: u16) -> String {
    let width = usize::from(width);
    if text.width() <= width {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        used += w;
        out.push(c);
    }
    if width > 0 {
        out.push('…');
    }
    out
}
