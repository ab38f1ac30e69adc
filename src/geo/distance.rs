//! Great-circle distances, and the members within a distance of one member.
//!
//! The Earth is taken as a sphere of the IUGG mean radius ([`EARTH_RADIUS_KM`]). Against the
//! ellipsoid this errs by at most about 0.5 %, far below what "who is near us?" needs, and it
//! keeps the numbers easy to check by hand. The haversine form is used because it stays
//! accurate for small distances (two districts of one city), where the spherical law of
//! cosines loses digits.

use crate::model::{Coordinates, Member};

/// Mean Earth radius in kilometres (IUGG: R1 = (2a + b) / 3 of the WGS 84 ellipsoid).
pub const EARTH_RADIUS_KM: f64 = 6371.0088;

/// Great-circle distance in kilometres between two points given in degrees.
///
/// Longitudes need not be normalised: 179.5 and -179.5 are 1 degree apart across the date
/// line, as are 180 and -180 the same meridian.
pub fn great_circle_km(a: Coordinates, b: Coordinates) -> f64 {
    let (lat1, lat2) = (a.lat.to_radians(), b.lat.to_radians());
    let dlat = lat2 - lat1;
    let dlon = (b.lon - a.lon).to_radians();
    let h = (dlat / 2.0).sin().powi(2) + lat1.cos() * lat2.cos() * (dlon / 2.0).sin().powi(2);
    // Rounding can push `h` a hair above 1 for antipodes; asin would then be NaN.
    2.0 * EARTH_RADIUS_KM * h.clamp(0.0, 1.0).sqrt().asin()
}

/// The members within a distance of an origin member.
#[derive(Debug, Clone, PartialEq)]
pub struct Near<'a> {
    /// Members within the distance, nearest first (ties by city name, then id), with their
    /// distance in kilometres. The origin itself is not included.
    pub within: Vec<(&'a Member, f64)>,
    /// Candidates that have no coordinates, so their distance is unknown (never guessed), in
    /// the order they were given.
    pub no_coordinates: Vec<&'a Member>,
}

/// Why [`near`] could not answer.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum NearError {
    /// The origin index is not in the list.
    #[error("no member at index {index} (the list has {len})")]
    NoSuchMember { index: usize, len: usize },
    /// The origin has no coordinates, so no distance from it can be known.
    #[error("{city} ({id}) has no coordinates, so distances from it are unknown")]
    OriginHasNoCoordinates { id: String, city: String },
    /// The distance asked for is negative or not a number.
    #[error("the distance must be a number of kilometres, 0 or more (got {0})")]
    BadDistance(f64),
}

/// Members of `members` within `km` kilometres of `members[origin_index]`, nearest first.
pub fn near(members: &[Member], origin_index: usize, km: f64) -> Result<Near<'_>, NearError> {
    let origin = members.get(origin_index).ok_or(NearError::NoSuchMember {
        index: origin_index,
        len: members.len(),
    })?;
    near_among(origin, members, km)
}

/// Like [`near`], with the candidates given separately (for instance a filtered list). A
/// candidate with the origin's id is the origin and is left out.
pub fn near_among<'a>(
    origin: &Member,
    candidates: impl IntoIterator<Item = &'a Member>,
    km: f64,
) -> Result<Near<'a>, NearError> {
    if km.is_nan() || km < 0.0 {
        return Err(NearError::BadDistance(km));
    }
    let from = origin
        .coordinates
        .ok_or_else(|| NearError::OriginHasNoCoordinates {
            id: origin.id.clone(),
            city: origin.city.clone(),
        })?;
    let mut within = Vec::new();
    let mut no_coordinates = Vec::new();
    for member in candidates {
        if member.id == origin.id {
            continue;
        }
        match member.coordinates {
            None => no_coordinates.push(member),
            Some(to) => {
                let d = great_circle_km(from, to);
                if d <= km {
                    within.push((member, d));
                }
            }
        }
    }
    within.sort_by(|(a, da), (b, db)| {
        da.total_cmp(db)
            .then_with(|| a.city.cmp(&b.city))
            .then_with(|| a.id.cmp(&b.id))
    });
    Ok(Near {
        within,
        no_coordinates,
    })
}
