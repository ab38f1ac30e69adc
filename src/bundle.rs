//! How the dataset bundled into the binary (so an installed `gnlc` needs no files) is built
//! from the sources in `assets/`.
//!
//! `assets/gnlc.json` is generated, never edited by hand. [`build`] takes
//! - the membership directory `assets/members.tsv`: every member city a stored public page
//!   names, with its country, region, year (`joined` or only `member_by`), coordinates from
//!   the `GeoNames` gazetteer where it names the place, and the page each row comes from;
//! - the award winners `assets/awards.tsv`, attached to every directory member that won
//!   (matched by derived id: folded city and canonical country);
//! - the 12 profiles of the saved UNESCO listing page, imported with the same parser as
//!   `gnlc import`, and Chisinau's hand-written entry (quoting the municipality's news item);
//! - what the network announced about its size, `assets/announced.json`.
//!
//! The profiles are merged into the directory with `model::merge`, by id, so `Chișinău` and
//! `Chisinau` are one member: the profile's name and text win, the directory's year, basis,
//! coordinates and sources are kept. Any other disagreement between the two is a build error.
//! Regenerate the file with `cargo run --example build_bundle`; `tests/bundle.rs` fails when the
//! file and `build()` differ.
//!
//! This module sits above both `import` and `model` because the bundle *is* an import: the
//! model only embeds the built file (`model::BUNDLED_JSON`), so neither depends on the other
//! through it.

use crate::error::{Error, Place, Result};
use crate::model::{
    Announced, Award, ClusterBasis, Coordinates, CoordinatesOf, DatasetRecord, JoinedBasis, Member,
    MemberRecord, countries, load, merge,
};

/// The saved UNESCO listing page and its path in the repository.
pub const LISTING_TEXT: &str =
    include_str!("../assets/unesco-learning-cities-listing-2021-11-10.txt");
pub const LISTING_PATH: &str = "assets/unesco-learning-cities-listing-2021-11-10.txt";

const CHISINAU_JSON: &str = include_str!("../assets/chisinau.json");
const CHISINAU_PATH: &str = "assets/chisinau.json";
const AWARDS_TSV: &str = include_str!("../assets/awards.tsv");
const AWARDS_PATH: &str = "assets/awards.tsv";
/// The membership directory and its path in the repository.
pub const MEMBERS_TSV: &str = include_str!("../assets/members.tsv");
pub const MEMBERS_PATH: &str = "assets/members.tsv";
const MEMBERS_HEADER: &str =
    "city\tcountry\tregion\tjoined\tyear_basis\tlat\tlon\tcoordinates_of\tsource";
const ANNOUNCED_JSON: &str = include_str!("../assets/announced.json");
const ANNOUNCED_PATH: &str = "assets/announced.json";

/// Where the bundled data comes from, in words (the dataset's `source`).
const SOURCE_NOTE: &str = "UNESCO Global Network of Learning Cities. Members from the membership \
directory assets/members.tsv (each member's sources list the public pages that name it); \
coordinates from GeoNames, geonames.org (CC BY 4.0). Profiles of 12 member cities from \
UNESCO's learning-cities dataset listing on unesco.org (page 1 of 23, November 10, 2021), \
imported with gnlc import from assets/unesco-learning-cities-listing-2021-11-10.txt; Chisinau's \
summary from the Municipality of Chisinau's news item, assets/chisinau.json. UNESCO Learning \
City Award years from assets/awards.tsv (source per award).";

/// Builds the bundled dataset JSON from `assets/` (what `assets/gnlc.json` must contain).
pub fn build() -> Result<String> {
    let mut directory = directory()?;
    attach_awards(&mut directory)?;
    let directory = load::from_record(DatasetRecord::new(String::new(), directory), MEMBERS_PATH)?;
    let profiles = load::from_record(DatasetRecord::new(String::new(), profiles()?), LISTING_PATH)?;
    let (merged, report) = merge::merge(directory, profiles);
    if report.added > 0 {
        return Err(Error::Import(format!(
            "{} profiled member(s) are not in {MEMBERS_PATH}; add them to the directory",
            report.added
        )));
    }
    if let Some(conflict) = report.conflicts.iter().find(|c| c.field != "city") {
        return Err(Error::Import(format!(
            "a profile and {MEMBERS_PATH} disagree: {conflict}"
        )));
    }
    let members = merged.members.iter().map(record_to_write).collect();
    let announced: Announced = serde_json::from_str(ANNOUNCED_JSON)
        .map_err(|e| data_error(ANNOUNCED_PATH, e.line(), &e.to_string()))?;
    DatasetRecord {
        announced: Some(announced),
        ..DatasetRecord::new(SOURCE_NOTE.to_string(), members)
    }
    .to_json()
}

/// A merged member as the bundle writes it: only facts from the sources. The id is left to
/// the loader (derived again), and so are inferred clusters (inferred again, and marked so).
fn record_to_write(member: &Member) -> MemberRecord {
    let mut record = MemberRecord::from(member);
    record.id = None;
    if member.cluster_basis == ClusterBasis::Inferred {
        record.clusters = None;
        record.cluster_basis = None;
    }
    record
}

/// The listing's 12 profiles and Chisinau's entry, each saying where its text comes from.
fn profiles() -> Result<Vec<MemberRecord>> {
    let mut report = crate::import::parse_listing(LISTING_TEXT);
    if let Some(problem) = report.problems.first() {
        return Err(data_error(LISTING_PATH, problem.line, &problem.message));
    }
    // The same rebuild of lists glued in lowercase as `gnlc import` makes of the page.
    crate::import::unglue::rebuild_members(&mut report.members);
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
    Ok(members)
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

/// The directory's rows as member records, in file order.
fn directory() -> Result<Vec<MemberRecord>> {
    rows(MEMBERS_TSV, MEMBERS_PATH, MEMBERS_HEADER)?
        .into_iter()
        .map(|(line, f)| {
            let error = |message: &str| data_error(MEMBERS_PATH, line, message);
            let joined = match f[3] {
                "" => None,
                year => Some(
                    year.parse::<u16>()
                        .map_err(|_| error("`joined` is not a year"))?,
                ),
            };
            let joined_basis = match f[4] {
                "" => None,
                "joined" => Some(JoinedBasis::Joined),
                "member_by" => Some(JoinedBasis::MemberBy),
                _ => return Err(error("`year_basis` is neither `joined` nor `member_by`")),
            };
            let coordinates = match (f[5], f[6]) {
                ("", "") => None,
                (lat, lon) => {
                    let number = |s: &str| {
                        s.parse::<f64>()
                            .map_err(|_| error("a coordinate is not a number"))
                    };
                    Some(Coordinates {
                        lat: number(lat)?,
                        lon: number(lon)?,
                    })
                }
            };
            let coordinates_of = match f[7] {
                "" => None,
                "city" => Some(CoordinatesOf::City),
                "parent" => Some(CoordinatesOf::Parent),
                _ => return Err(error("`coordinates_of` is neither `city` nor `parent`")),
            };
            Ok(MemberRecord {
                city: f[0].to_string(),
                country: f[1].to_string(),
                region: Some(f[2].to_string()),
                joined,
                joined_basis,
                coordinates,
                coordinates_of,
                sources: vec![f[8].to_string()],
                ..MemberRecord::default()
            })
        })
        .collect()
}

/// Attaches each award of `awards.tsv` to the one directory member it names. A row matches a
/// member by derived id (folded city, canonical country), or else by the city without the
/// member's parenthesised qualifier (`Santiago` is `Santiago (Nuevo León)`), if only one does.
fn attach_awards(members: &mut [MemberRecord]) -> Result<()> {
    let key = |city: &str, country: &str| {
        let country = countries::canonical(country).unwrap_or(country);
        Member::derive_id(city, country)
    };
    let full: Vec<String> = members.iter().map(|m| key(&m.city, &m.country)).collect();
    let short: Vec<String> = members
        .iter()
        .map(|m| {
            let city = m.city.split(" (").next().unwrap_or(&m.city);
            key(city, &m.country)
        })
        .collect();
    for (line, f) in rows(AWARDS_TSV, AWARDS_PATH, "year\tcity\tcountry\tsource")? {
        let year = f[0]
            .parse::<u16>()
            .map_err(|_| data_error(AWARDS_PATH, line, "the year is not a number"))?;
        let wanted = key(f[1], f[2]);
        let mut matches: Vec<usize> = (0..members.len()).filter(|&i| full[i] == wanted).collect();
        if matches.is_empty() {
            matches = (0..members.len()).filter(|&i| short[i] == wanted).collect();
        }
        let [index] = matches[..] else {
            return Err(data_error(
                AWARDS_PATH,
                line,
                &format!(
                    "the award names {} members of {MEMBERS_PATH}, not one",
                    matches.len()
                ),
            ));
        };
        let source = (!f[3].is_empty()).then(|| f[3].to_string());
        let awards = &mut members[index].awards;
        awards.push(Award { year, source });
        awards.sort_by_key(|a| a.year);
    }
    Ok(())
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
