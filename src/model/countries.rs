//! The UNESCO region of every member state, and the spellings of country names that UNESCO's
//! own pages use, canonicalised to the names of the listing's country facet.
//!
//! UNESCO regions are not continents: see `../shared/design/DATA.md`. This table is the one
//! place that knows which country is in which region and how each country may be spelled.

use super::Region;

/// Canonical country names (as UNESCO's listing facet spells them) and their regions.
pub const COUNTRIES: &[(&str, Region)] = &[
    ("Argentina", Region::LatinAmericaCaribbean),
    ("Armenia", Region::EuropeNorthAmerica),
    ("Brazil", Region::LatinAmericaCaribbean),
    ("Bulgaria", Region::EuropeNorthAmerica),
    ("China", Region::AsiaPacific),
    ("Denmark", Region::EuropeNorthAmerica),
    ("Finland", Region::EuropeNorthAmerica),
    ("Ireland", Region::EuropeNorthAmerica),
    ("Republic of Korea", Region::AsiaPacific),
    ("Republic of Moldova", Region::EuropeNorthAmerica),
];

/// Other spellings → canonical name.
pub const ALIASES: &[(&str, &str)] = &[("People's Republic of China", "China")];

/// The canonical name and region of a country, whichever listed spelling is given
/// (case-, accent- and white-space-insensitive).
pub fn lookup(name: &str) -> Option<(&'static str, Region)> {
    let key = super::normalize_name(name);
    let canonical = ALIASES
        .iter()
        .find(|(alias, _)| super::normalize_name(alias) == key)
        .map(|(_, c)| *c);
    COUNTRIES
        .iter()
        .find(|(c, _)| canonical.map_or_else(|| super::normalize_name(c) == key, |k| *c == k))
        .copied()
}
