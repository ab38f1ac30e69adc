//! How the dataset bundled into the binary (so an installed `gnlc` needs no files) is built
//! from the source texts in `assets/`.
//!
//! `assets/gnlc.json` is generated, never edited by hand: [`build`] imports the saved UNESCO
//! listing page with the same parser as `gnlc import`, adds Chisinau from its hand-written entry
//! (quoting the municipality's news item only), and joins the award years and coordinates from
//! the two TSV files, each with its source. Regenerate it with
//! `cargo run --example build_bundle`; `tests/bundle.rs` fails when the file and `build()`
//! differ.
//!
//! This module sits above both `import` and `model` because the bundle *is* an import: the
//! model only embeds the built file (`model::BUNDLED_JSON`), so neither depends on the other
//! through it.

use crate::error::{Error, Place, Result};
use crate::model::{Award, Coordinates, DatasetRecord, MemberRecord, countries};
use crate::text::fold;

/// The saved UNESCO listing page and its path in the repository.
pub const LISTING_TEXT: &str =
    include_str!("../assets/unesco-learning-cities-listing-2021-11-10.txt");
pub const LISTING_PATH: &str = "assets/unesco-learning-cities-listing-2021-11-10.txt";

const CHISINAU_JSON: &str = include_str!("../assets/chisinau.json");
const CHISINAU_PATH: &str = "assets/chisinau.json";
const AWARDS_TSV: &str = include_str!("../assets/awards.tsv");
const AWARDS_PATH: &str = "assets/awards.tsv";
const COORDINATES_TSV: &str = include_str!("../assets/coordinates.tsv");
const COORDINATES_PATH: &str = "assets/coordinates.tsv";

/// Where the bundled data comes from, in words (the dataset's `source`).
const SOURCE_NOTE: &str = "UNESCO Global Network of Learning Cities. Profiles of 12 member cities \
from UNESCO's learning-cities dataset listing on unesco.org (page 1 of 23, November 10, 2021), \
imported with gnlc import from assets/unesco-learning-cities-listing-2021-11-10.txt; Chisinau \
(joined 2020) from the Municipality of Chisinau's news item, assets/chisinau.json; UNESCO \
Learning City Award years from assets/awards.tsv (source per award); coordinates from \
assets/coordinates.tsv (general knowledge, two decimals).";

/// Builds the bundled dataset JSON from `assets/` (what `assets/gnlc.json` must contain).
pub fn build() -> Result<String> {
    let report = crate::import::parse_listing(LISTING_TEXT);
    if let Some(problem) = report.problems.first() {
        return Err(data_error(LISTING_PATH, problem.line, &problem.message));
    }
    let mut members: Vec<MemberRecord> = report
        .members
        .iter()
        .map(|m| MemberRecord {
            source: Some(format!(
                "UNESCO learning-city profile, learning-cities dataset listing on unesco.org \
                 (November 10, 2021); {LISTING_PATH}, line {}",
                m.line
            )),
            ..m.record.clone()
        })
        .collect();
    members.push(chisinau()?);
    let awards = awards()?;
    let coordinates = coordinates()?;
    for member in &mut members {
        let city = fold(&member.city);
        member.awards = awards
            .iter()
            .filter(|(c, country, _)| *c == city && *country == member.country)
            .map(|(_, _, award)| award.clone())
            .collect();
        member.awards.sort_by_key(|a| a.year);
        member.coordinates = coordinates
            .iter()
            .find(|(c, _)| *c == city)
            .map(|(_, coordinates)| *coordinates);
    }
    DatasetRecord::new(SOURCE_NOTE.to_string(), members).to_json()
}

fn data_error(path: &str, line: usize, message: &str) -> Error {
    Error::data(
        Place {
            path: path.to_string(),
            line: Some(line),
            ..Place::default()
        },
        message,
    )
}

/// Chisinau's hand-written entry, a member record without region (looked up here).
fn chisinau() -> Result<MemberRecord> {
    let mut member: MemberRecord = serde_json::from_str(CHISINAU_JSON)
        .map_err(|e| data_error(CHISINAU_PATH, e.line(), &e.to_string()))?;
    let (country, region) = countries::lookup(&member.country)
        .ok_or_else(|| data_error(CHISINAU_PATH, 1, "unknown country"))?;
    member.country = country.to_string();
    member.region = Some(region.name().to_string());
    Ok(member)
}

/// The data rows of a TSV file with the given header, split into fields, with line numbers.
fn rows<'a>(text: &'a str, path: &str, header: &str) -> Result<Vec<(usize, Vec<&'a str>)>> {
    let mut lines = text.lines().enumerate();
    match lines.next() {
        Some((_, first)) if first.trim_end() == header => {}
        _ => {
            return Err(data_error(
                path,
                1,
                &format!("expected the header `{header}`"),
            ));
        }
    }
    let columns = header.split('\t').count();
    lines
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| {
            let fields: Vec<&str> = l.split('\t').map(str::trim).collect();
            if fields.len() == columns {
                Ok((i + 1, fields))
            } else {
                Err(data_error(
                    path,
                    i + 1,
                    &format!("expected {columns} tab-separated fields"),
                ))
            }
        })
        .collect()
}

/// Award rows as (folded city, canonical country, award).
fn awards() -> Result<Vec<(String, String, Award)>> {
    rows(AWARDS_TSV, AWARDS_PATH, "year\tcity\tcountry\tsource")?
        .into_iter()
        .map(|(line, f)| {
            let year = f[0]
                .parse::<u16>()
                .map_err(|_| data_error(AWARDS_PATH, line, "the year is not a number"))?;
            let country = countries::canonical(f[2]).unwrap_or(f[2]).to_string();
            let source = (!f[3].is_empty()).then(|| f[3].to_string());
            Ok((fold(f[1]), country, Award { year, source }))
        })
        .collect()
}

/// Coordinate rows as (folded city, coordinates).
fn coordinates() -> Result<Vec<(String, Coordinates)>> {
    rows(COORDINATES_TSV, COORDINATES_PATH, "city\tlat\tlon\tsource")?
        .into_iter()
        .map(|(line, f)| {
            let number = |s: &str| {
                s.parse::<f64>()
                    .map_err(|_| data_error(COORDINATES_PATH, line, "a coordinate is not a number"))
            };
            Ok((
                fold(f[0]),
                Coordinates {
                    lat: number(f[1])?,
                    lon: number(f[2])?,
                },
            ))
        })
        .collect()
}
