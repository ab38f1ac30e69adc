//! Map maths for the explorer's map screen and `gnlc list --near`: distances on the globe,
//! the visible part of the map and how it lands on terminal cells, and where labels go.
//!
//! Everything here is pure (no terminal, no I/O), so the fiddly numbers are tested on their
//! own, with expected values worked out by hand, before any drawing code depends on them.
//!
//! - [`distance`]: great-circle distances and "who is near this city".
//! - [`view`]: the viewport (centre and span), fitting it to members, zoom and pan, the
//!   bounds for ratatui's `Canvas`, and projecting between coordinates and cells.
//! - [`labels`]: placing city labels so that they never overlap.

pub mod distance;
pub mod labels;
pub mod view;

pub use distance::{EARTH_RADIUS_KM, Near, NearError, great_circle_km, near, near_among};
pub use labels::{LabelKind, LabelPoint, Placed, place_labels};
pub use view::{Bounds, CELL_ASPECT, DEFAULT_MIN_SPAN, Screen, View};
