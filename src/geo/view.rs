//! The visible part of the map: a [`View`] (centre and span in degrees), fitted to a set of
//! members, zoomed and panned; the [`Bounds`] to hand to ratatui's `Canvas`; and a
//! [`Screen`] that projects between coordinates and terminal cells (to put labels beside
//! markers and to find the member nearest a mouse click).
//!
//! # Projection and aspect ratio
//!
//! The map is equirectangular (longitude → x, latitude → y, linearly), as ratatui's world
//! `Map` shape is drawn. A terminal cell is about twice as tall as it is wide
//! ([`CELL_ASPECT`]); Braille markers give 2 × 4 dots per cell, so each dot is about square.
//! [`View::bounds`] widens the view along one axis so that a degree covers the same distance
//! on screen in both directions, instead of stretching the world to the canvas.
//!
//! With `cos_correction` (on in every view this module makes), a degree of longitude is drawn
//! `cos(centre latitude)` times as wide as a degree of latitude, which is its true length
//! there: Finland or Korea keeps its shape when zoomed in. The factor is taken at the centre
//! of the view and is not allowed below [`MIN_LON_SCALE`], so views near the poles stay
//! usable. A world view is centred on the equator, where the factor is 1, so the whole world
//! is the plain 2:1 equirectangular map.
//!
//! Views do not wrap around the date line: the world `Map` shape is drawn from -180 to 180,
//! so a view is kept inside that range, and members on both sides of the date line (Fiji and
//! Samoa) are framed as far apart on the map as they are drawn.

use crate::model::Coordinates;
use ratatui::layout::Rect;

/// Height of a terminal cell divided by its width. Most terminal fonts are close to 2.
pub const CELL_ASPECT: f64 = 2.0;

/// The smallest latitude span [`View::fit`] callers should use, in degrees (about 550 km): a
/// single city or a small country is shown with its surroundings, not as a pixel.
pub const DEFAULT_MIN_SPAN: f64 = 5.0;

/// The margin [`View::fit`] adds on each side, as a fraction of the fitted span, so that
/// markers at the edge are not cut by the frame.
pub const MARGIN: f64 = 0.1;

/// The smallest span zooming in can reach, in degrees of latitude (about 5.5 km).
pub const MIN_ZOOM_SPAN: f64 = 0.05;

/// The smallest longitude scale factor used by the `cos(latitude)` correction (that of 75°).
pub const MIN_LON_SCALE: f64 = 0.26;

/// What part of the world is shown: a centre and the spans that must be visible, in degrees.
/// The canvas may show more along one axis, to keep the aspect ratio (see [`View::bounds`]).
#[derive(Debug, Clone, Copy, PartialEq)]
#[must_use]
pub struct View {
    /// Longitude of the centre, degrees east.
    pub lon: f64,
    /// Latitude of the centre, degrees north.
    pub lat: f64,
    /// Degrees of longitude that must be visible.
    pub span_lon: f64,
    /// Degrees of latitude that must be visible.
    pub span_lat: f64,
    /// Draw a degree of longitude `cos(lat)` times as wide as a degree of latitude.
    pub cos_correction: bool,
}

/// Canvas bounds: `x` for `Canvas::x_bounds` (longitude), `y` for `Canvas::y_bounds`
/// (latitude), each `[low, high]`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bounds {
    pub x: [f64; 2],
    pub y: [f64; 2],
}

impl Default for View {
    fn default() -> Self {
        View::WORLD
    }
}

impl View {
    /// The whole world.
    pub const WORLD: View = View {
        lon: 0.0,
        lat: 0.0,
        span_lon: 360.0,
        span_lat: 180.0,
        cos_correction: true,
    };

    /// A view that frames `points` with a [`MARGIN`] on each side and at least `min_span`
    /// degrees of latitude (and as many of longitude as look the same length on screen).
    /// No points gives the whole world. Points with non-finite coordinates are ignored.
    pub fn fit(points: impl IntoIterator<Item = Coordinates>, min_span: f64) -> View {
        let mut lon = [f64::INFINITY, f64::NEG_INFINITY];
        let mut lat = [f64::INFINITY, f64::NEG_INFINITY];
        for p in points {
            if !p.lon.is_finite() || !p.lat.is_finite() {
                continue;
            }
            let (plon, plat) = (p.lon.clamp(-180.0, 180.0), p.lat.clamp(-90.0, 90.0));
            lon = [lon[0].min(plon), lon[1].max(plon)];
            lat = [lat[0].min(plat), lat[1].max(plat)];
        }
        if lon[0] > lon[1] {
            return View::WORLD;
        }
        let min_span = if min_span.is_finite() {
            min_span.max(MIN_ZOOM_SPAN)
        } else {
            DEFAULT_MIN_SPAN
        };
        let centre_lat = f64::midpoint(lat[0], lat[1]);
        let k = lon_scale(centre_lat);
        let grow = 1.0 + 2.0 * MARGIN;
        View {
            lon: f64::midpoint(lon[0], lon[1]),
            lat: centre_lat,
            span_lon: ((lon[1] - lon[0]) * grow).max(min_span / k),
            span_lat: ((lat[1] - lat[0]) * grow).max(min_span),
            cos_correction: true,
        }
        .clamped()
    }

    /// The same view kept inside the world: spans at most 360 × 180 degrees and at least
    /// [`MIN_ZOOM_SPAN`], the centre moved (only as far as needed) so that the spans do not
    /// reach past -180/180 or -90/90.
    pub fn clamped(self) -> View {
        let fix = |v: f64, default: f64| if v.is_finite() { v } else { default };
        let span_lon = fix(self.span_lon, 360.0).clamp(MIN_ZOOM_SPAN, 360.0);
        let span_lat = fix(self.span_lat, 180.0).clamp(MIN_ZOOM_SPAN, 180.0);
        let max_lon = 180.0 - span_lon / 2.0;
        let max_lat = 90.0 - span_lat / 2.0;
        View {
            lon: fix(self.lon, 0.0).clamp(-max_lon, max_lon),
            lat: fix(self.lat, 0.0).clamp(-max_lat, max_lat),
            span_lon,
            span_lat,
            cos_correction: self.cos_correction,
        }
    }

    /// Zooms by `factor` around the centre: 2 shows half the span, 0.5 twice the span.
    /// Clamped to the world (zooming out near an edge moves the centre inwards). A factor that
    /// is not a positive number leaves the view as it is.
    pub fn zoom(self, factor: f64) -> View {
        if !(factor.is_finite() && factor > 0.0) {
            return self;
        }
        View {
            span_lon: self.span_lon / factor,
            span_lat: self.span_lat / factor,
            ..self
        }
        .clamped()
    }

    /// Moves the centre by fractions of the span: `dx` east (negative: west), `dy` north
    /// (negative: south). Clamped to the world.
    pub fn pan(self, dx: f64, dy: f64) -> View {
        let (dx, dy) = (
            if dx.is_finite() { dx } else { 0.0 },
            if dy.is_finite() { dy } else { 0.0 },
        );
        View {
            lon: self.lon + dx * self.span_lon,
            lat: self.lat + dy * self.span_lat,
            ..self
        }
        .clamped()
    }

    /// How wide a degree of longitude is drawn, relative to a degree of latitude.
    pub fn lon_scale(&self) -> f64 {
        if self.cos_correction {
            lon_scale(self.lat)
        } else {
            1.0
        }
    }

    /// The canvas bounds for a canvas of `cols` × `rows` cells: the view's spans, one of them
    /// widened so that a degree has the same on-screen length it has on the globe at the
    /// centre (see the module docs). A zero size counts as one cell.
    pub fn bounds(&self, cols: u16, rows: u16) -> Bounds {
        let cols = f64::from(cols.max(1));
        let height = f64::from(rows.max(1)) * CELL_ASPECT;
        let k = self.lon_scale();
        // Degrees of latitude per cell width: the larger of the two axes' needs.
        let per_unit = (self.span_lon * k / cols).max(self.span_lat / height);
        let half_lon = per_unit * cols / k / 2.0;
        let half_lat = per_unit * height / 2.0;
        Bounds {
            x: [self.lon - half_lon, self.lon + half_lon],
            y: [self.lat - half_lat, self.lat + half_lat],
        }
    }
}

fn lon_scale(lat: f64) -> f64 {
    lat.to_radians().cos().max(MIN_LON_SCALE)
}

/// A canvas area on the terminal together with the bounds drawn in it: projects coordinates
/// to cells exactly as ratatui's Braille canvas places its dots, and cells back to
/// coordinates. Cells are absolute terminal positions (as in `Rect` and mouse events).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Screen {
    pub bounds: Bounds,
    pub area: Rect,
}

impl Screen {
    /// The screen for `view` drawn in `area`.
    pub fn new(view: &View, area: Rect) -> Screen {
        Screen {
            bounds: view.bounds(area.width, area.height),
            area,
        }
    }

    /// The cell whose Braille dots show `p`, or `None` when `p` is outside the bounds or the
    /// area is empty. Mirrors the canvas: dot = round(offset × (dots − 1) / span), 2 × 4 dots
    /// per cell.
    pub fn cell_of(&self, p: Coordinates) -> Option<(u16, u16)> {
        let Bounds {
            x: [left, right],
            y: [bottom, top],
        } = self.bounds;
        if self.area.is_empty() || !(p.lon >= left && p.lon <= right) {
            return None;
        }
        if !(p.lat >= bottom && p.lat <= top) {
            return None;
        }
        let dots_x = f64::from(self.area.width) * 2.0;
        let dots_y = f64::from(self.area.height) * 4.0;
        let dx = ((p.lon - left) * (dots_x - 1.0) / (right - left)).round();
        let dy = ((top - p.lat) * (dots_y - 1.0) / (top - bottom)).round();
        // Both are 0 or more: the point was checked to be inside the bounds.
        #[allow(clippy::cast_sign_loss)]
        let (dx, dy) = (dx as u16, dy as u16);
        let col = (dx / 2).min(self.area.width - 1);
        let row = (dy / 4).min(self.area.height - 1);
        Some((self.area.x + col, self.area.y + row))
    }

    /// The coordinates at the middle of a cell (inverse of [`Screen::cell_of`], up to the size
    /// of a cell), or `None` for a cell outside the area.
    pub fn coordinates_of(&self, col: u16, row: u16) -> Option<Coordinates> {
        if !self.contains(col, row) {
            return None;
        }
        let Bounds {
            x: [left, right],
            y: [bottom, top],
        } = self.bounds;
        let dots_x = f64::from(self.area.width) * 2.0;
        let dots_y = f64::from(self.area.height) * 4.0;
        // The middle of the cell's dots: 2 across (0.5 past the first), 4 down (1.5).
        let dx = f64::from(col - self.area.x) * 2.0 + 0.5;
        let dy = f64::from(row - self.area.y) * 4.0 + 1.5;
        Some(Coordinates {
            lon: left + dx * (right - left) / (dots_x - 1.0),
            lat: top - dy * (top - bottom) / (dots_y - 1.0),
        })
    }

    /// Whether a cell is in the area.
    pub fn contains(&self, col: u16, row: u16) -> bool {
        col >= self.area.x
            && row >= self.area.y
            && col - self.area.x < self.area.width
            && row - self.area.y < self.area.height
    }

    /// The point nearest to the middle of a cell, measured on screen (in cell widths, a row
    /// counting [`CELL_ASPECT`] widths), among the points that are inside the bounds. Returns
    /// the point's key and its distance; ties go to the point given first.
    pub fn nearest<K>(
        &self,
        col: u16,
        row: u16,
        points: impl IntoIterator<Item = (K, Coordinates)>,
    ) -> Option<(K, f64)> {
        if !self.contains(col, row) {
            return None;
        }
        let Bounds {
            x: [left, right],
            y: [bottom, top],
        } = self.bounds;
        let w = f64::from(self.area.width);
        let h = f64::from(self.area.height);
        let cx = f64::from(col - self.area.x) + 0.5;
        let cy = f64::from(row - self.area.y) + 0.5;
        let mut best: Option<(K, f64)> = None;
        for (key, p) in points {
            if !(p.lon >= left && p.lon <= right && p.lat >= bottom && p.lat <= top) {
                continue;
            }
            let px = (p.lon - left) / (right - left) * w;
            let py = (top - p.lat) / (top - bottom) * h;
            let d = (px - cx).hypot((py - cy) * CELL_ASPECT);
            if best.as_ref().is_none_or(|(_, b)| d < *b) {
                best = Some((key, d));
            }
        }
        best
    }
}
