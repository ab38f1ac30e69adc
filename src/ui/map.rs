//! The map screen: the filtered list's members on a world map, the selected one marked and
//! named, with a legend of how many could be placed and where the coordinates come from.
//!
//! The coastlines are ratatui's world `Map` shape on a Braille `Canvas`, in the bounds of the
//! app's [`crate::geo::View`] (which keeps the aspect ratio honest for the cell shape). Members
//! are not canvas dots: each occupied cell gets a `•` written straight into the buffer, so a
//! member never reads as a stretch of coast, and the selected city a `◆` (reversed and bold),
//! so it stands out without colour. Labels are chosen by [`crate::geo::place_labels`] (never
//! overlapping, counts where members are dense) and also written into the buffer after the
//! canvas: the canvas's own text printing rounds positions, which leaves its last column
//! unreachable.
//!
//! The map takes the whole body at any size; with a border and a title from
//! [`BORDER_WIDTH`] x [`BORDER_HEIGHT`]; below [`MIN_WIDTH`] x [`MIN_HEIGHT`] cells of
//! canvas it says it needs more room. The canvas's area and bounds go to
//! [`ViewState::map`] so a click can find the nearest city.

use super::{ViewState, theme::Theme, wrap};
use crate::app::App;
use crate::geo::{LabelKind, LabelPoint, Screen, place_labels};
use crate::text::sanitize_line;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::symbols::Marker;
use ratatui::text::Line;
use ratatui::widgets::canvas::{Canvas, Map, MapResolution};
use ratatui::widgets::{Block, Paragraph, Wrap};
use std::borrow::Cow;

/// The smallest canvas that still shows a map worth reading, in cells.
pub const MIN_WIDTH: u16 = 20;
pub const MIN_HEIGHT: u16 = 6;
/// From this size of the body on, the map has a border and a title.
pub const BORDER_WIDTH: u16 = 60;
pub const BORDER_HEIGHT: u16 = 20;

/// A member's marker, and the selected member's.
pub const MEMBER_MARKER: &str = "•";
pub const SELECTED_MARKER: &str = "◆";

/// Where the coordinates come from, as the legend credits them.
pub const ATTRIBUTION: &str = "coordinates: GeoNames (geonames.org, CC BY 4.0)";

/// Longest city name a label shows (a hostile name must not cost a frame more).
const LABEL_CLIP: usize = 48;

/// The legend: how many of the filtered members are placed and how many are not.
pub fn legend(placed: usize, unplaced: usize) -> String {
    format!("{placed} placed · {unplaced} not placed: no coordinates · {ATTRIBUTION}")
}

/// The message shown when the map has no room.
pub fn too_small_message(area: Rect) -> String {
    format!(
        "The map needs at least {MIN_WIDTH}x{MIN_HEIGHT} cells (here {}x{}). Enlarge the terminal, or press Esc.",
        area.width, area.height
    )
}

/// Draws the map of `app`'s filtered list in `area`.
pub fn render(frame: &mut Frame, area: Rect, app: &App, view: &mut ViewState, theme: Theme) {
    view.map = None;
    let inner = if area.width >= BORDER_WIDTH && area.height >= BORDER_HEIGHT {
        let title = match app.selected_member() {
            Some(m) => format!(
                "Map · {}, {}{}",
                sanitize_line(wrap::clip(&m.city, LABEL_CLIP)),
                sanitize_line(wrap::clip(&m.country, LABEL_CLIP)),
                if m.coordinates.is_some() {
                    ""
                } else {
                    " (not placed: no coordinates)"
                }
            ),
            None => "Map".to_string(),
        };
        let block = Block::bordered()
            .border_style(theme.border(true))
            .title(Line::styled(title, theme.title(true)));
        let inner = block.inner(area);
        frame.render_widget(block, area);
        inner
    } else {
        area
    };
    let placed = app.placed().len();
    let unplaced = app.results().hits.len() - placed;
    let legend = legend(placed, unplaced);
    let legend_rows = u16::try_from(wrap::wrap(&legend, usize::from(inner.width.max(1))).len())
        .unwrap_or(u16::MAX)
        .min(inner.height / 3);
    let canvas_area = Rect {
        height: inner.height - legend_rows,
        ..inner
    };
    let legend_area = Rect {
        y: canvas_area.bottom(),
        height: legend_rows,
        ..inner
    };
    frame.render_widget(
        Paragraph::new(legend)
            .style(theme.muted())
            .wrap(Wrap { trim: true }),
        legend_area,
    );
    if canvas_area.width < MIN_WIDTH || canvas_area.height < MIN_HEIGHT {
        frame.render_widget(
            Paragraph::new(too_small_message(canvas_area)).wrap(Wrap { trim: true }),
            canvas_area,
        );
        return;
    }

    let screen = Screen::new(&app.map_view(), canvas_area);
    let coast = if app.color {
        Color::DarkGray
    } else {
        Color::Reset
    };
    let canvas = Canvas::default()
        .marker(Marker::Braille)
        .x_bounds(screen.bounds.x)
        .y_bounds(screen.bounds.y)
        .paint(|ctx| {
            ctx.draw(&Map {
                resolution: MapResolution::High,
                color: coast,
            });
        });
    frame.render_widget(canvas, canvas_area);
    members(frame, app, &screen, theme);
    view.map = Some(screen);
}

/// Writes the members' markers and labels over the canvas, the selected one last.
fn members(frame: &mut Frame, app: &App, screen: &Screen, theme: Theme) {
    let canvas_area = screen.area;
    let selected = app.pane(crate::app::Pane::Cities).cursor;
    // Only the first point of a cell (and the selected one) can have its name shown: the
    // others get no text, so 100k members cost 100k projections, not 100k names.
    let width = usize::from(canvas_area.width);
    let mut seen = vec![false; width * usize::from(canvas_area.height)];
    let mut points: Vec<LabelPoint<'_>> = Vec::with_capacity(app.placed().len());
    // Names that sanitising changed (rare: control characters), by point.
    let mut owned: Vec<(usize, String)> = Vec::new();
    let mut selected_point = None;
    let buffer = frame.buffer_mut();
    let member_style = theme.on();
    for (index, c) in app.placed() {
        let Some((x, y)) = screen.cell_of(c) else {
            continue;
        };
        let cell = usize::from(y - canvas_area.y) * width + usize::from(x - canvas_area.x);
        let first = !seen[cell];
        if index == selected {
            selected_point = Some(points.len());
        }
        let mut text = "";
        if first || index == selected {
            let member = app.engine().member(app.results().hits[index].member);
            match sanitize_line(wrap::clip(&member.city, LABEL_CLIP)) {
                Cow::Borrowed(name) => text = name,
                Cow::Owned(name) => owned.push((points.len(), name)),
            }
        }
        if first {
            seen[cell] = true;
            buffer[(x, y)]
                .set_symbol(MEMBER_MARKER)
                .set_style(member_style);
        }
        points.push(LabelPoint { x, y, text });
    }
    for (i, name) in &owned {
        points[*i].text = name;
    }
    let selected_style = theme.cursor();
    for label in place_labels(canvas_area, &points, selected_point) {
        let style = match label.kind {
            LabelKind::Selected => selected_style,
            LabelKind::Name => Style::new(),
            LabelKind::Count(_) => member_style.add_modifier(Modifier::BOLD),
        };
        buffer.set_stringn(
            label.x,
            label.y,
            &label.text,
            usize::from(label.width),
            style,
        );
    }
    if let Some(&LabelPoint { x, y, .. }) = selected_point.and_then(|i| points.get(i)) {
        buffer[(x, y)]
            .set_symbol(SELECTED_MARKER)
            .set_style(selected_style);
    }
}
