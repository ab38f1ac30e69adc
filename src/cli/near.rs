//! `gnlc list --near CITY [--km N]`: the listed members within a distance of a city, nearest
//! first, with their great-circle distance (see `geo::distance`).
//!
//! The city is found as `gnlc show` finds it, in the whole dataset; the candidates are the
//! members the other filters list. A candidate without coordinates has an unknown distance:
//! it is counted on stderr, never guessed. An origin without coordinates is an error naming
//! it. Distances are written with one decimal, in every format.

use super::output::{clusters_cell, json, pad, use_colour};
use super::{ListFormat, show, write_error};
use crate::error::{Error, Result};
use crate::geo::{NearError, near_among};
use crate::model::schema::MemberRecord;
use crate::model::{ClusterBasis, Member};
use crate::query::{Engine, Results};
use crate::text::sanitize_line;
use std::io::Write;
use unicode_width::UnicodeWidthStr;

/// A distance in kilometres rounded to one decimal, as every format writes it.
fn tenths(km: f64) -> f64 {
    (km * 10.0).round() / 10.0
}

/// Lists the members of `results` within `km` of `city`.
pub fn list(
    engine: &Engine,
    results: &Results,
    city: &str,
    km: f64,
    format: ListFormat,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<()> {
    let origin = engine.member(show::find(engine, city)?);
    let candidates = results.hits.iter().map(|h| engine.member(h.member));
    let near = near_among(origin, candidates, km).map_err(|e| match e {
        NearError::BadDistance(_) => Error::Usage(format!("--km: {e}")),
        NearError::OriginHasNoCoordinates { .. } | NearError::NoSuchMember { .. } => {
            Error::NotFound(sanitize_line(&e.to_string()).into_owned())
        }
    })?;
    let unknown = near.no_coordinates.len();
    if unknown > 0 {
        let (noun, verb) = if unknown == 1 {
            ("member has", "was")
        } else {
            ("members have", "were")
        };
        writeln!(err, "{unknown} {noun} no coordinates and {verb} not placed")
            .map_err(|e| Error::io("<stderr>", &e))?;
    }
    let written = match format {
        ListFormat::Table => table(origin, km, &near.within, out),
        ListFormat::Csv => csv(&near.within, out),
        ListFormat::Json => json_list(origin, km, &near.within, &near.no_coordinates, out),
        ListFormat::Markdown => {
            let members: Vec<&Member> = near.within.iter().map(|(m, _)| *m).collect();
            out.write_all(crate::markdown::report(&members).as_bytes())
        }
    };
    written.map_err(|e| write_error(&e))
}

fn table(
    origin: &Member,
    km: f64,
    within: &[(&Member, f64)],
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let header = ["km", "City", "Country", "Region", "Clusters"];
    let rows: Vec<[String; 5]> = within
        .iter()
        .map(|(m, d)| {
            [
                format!("{:.1}", tenths(*d)),
                sanitize_line(&m.city).into_owned(),
                sanitize_line(&m.country).into_owned(),
                m.region.name().to_string(),
                clusters_cell(m),
            ]
        })
        .collect();
    let mut widths = header.map(UnicodeWidthStr::width);
    for row in &rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.width());
        }
    }
    let (bold, reset) = if use_colour() {
        ("\x1b[1m", "\x1b[0m")
    } else {
        ("", "")
    };
    let mut line = String::new();
    // The distance is right-aligned, so its decimal points line up.
    let write_row = |line: &mut String, row: &[&str]| {
        line.clear();
        line.extend(std::iter::repeat_n(
            ' ',
            widths[0].saturating_sub(row[0].width()),
        ));
        line.push_str(row[0]);
        line.push_str("  ");
        for (i, cell) in row.iter().enumerate().skip(1) {
            pad(line, cell, widths[i], i + 1 == row.len());
        }
    };
    write_row(&mut line, &header);
    writeln!(out, "{bold}{}{reset}", line.trim_end())?;
    for row in &rows {
        let cells: Vec<&str> = row.iter().map(String::as_str).collect();
        write_row(&mut line, &cells);
        writeln!(out, "{}", line.trim_end())?;
    }
    let inferred = within
        .iter()
        .any(|(m, _)| m.cluster_basis == ClusterBasis::Inferred && !m.clusters.is_empty());
    let note = if inferred {
        "; ~ clusters inferred from profile text"
    } else {
        ""
    };
    let noun = if within.len() == 1 {
        "member"
    } else {
        "members"
    };
    writeln!(
        out,
        "{} {noun} within {km} km of {}, {}{note}",
        within.len(),
        sanitize_line(&origin.city),
        sanitize_line(&origin.country)
    )
}

/// The list's CSV columns (`super::CSV_HEADER`) plus `distance_km`, written by the `csv` crate
/// (the data as it is: quoting, not sanitising).
fn csv(within: &[(&Member, f64)], out: &mut dyn Write) -> std::io::Result<()> {
    let mut writer = ::csv::Writer::from_writer(out);
    writer.write_record(super::CSV_HEADER.iter().chain(&["distance_km"]))?;
    for (m, d) in within {
        let clusters: Vec<&str> = m.clusters.iter().map(|c| c.id()).collect();
        let basis = match m.cluster_basis {
            ClusterBasis::Stated => "stated",
            ClusterBasis::Inferred => "inferred",
        };
        let distance = format!("{:.1}", tenths(*d));
        writer.write_record([
            m.id.as_str(),
            m.city.as_str(),
            m.country.as_str(),
            m.region.name(),
            &clusters.join(";"),
            basis,
            m.tagline.as_deref().unwrap_or(""),
            &distance,
        ])?;
    }
    writer.flush()
}

/// The origin, as the JSON output names it.
#[derive(serde::Serialize)]
struct Origin<'a> {
    id: &'a str,
    city: &'a str,
    country: &'a str,
}

/// A member with its distance: the member's record (as `gnlc list --format json` writes it)
/// and `distance_km`.
#[derive(serde::Serialize)]
struct Placed {
    distance_km: f64,
    #[serde(flatten)]
    member: MemberRecord,
}

#[derive(serde::Serialize)]
struct NearList<'a> {
    origin: Origin<'a>,
    km: f64,
    members: Vec<Placed>,
    /// Ids of the listed members whose distance is unknown.
    no_coordinates: Vec<&'a str>,
}

fn json_list(
    origin: &Member,
    km: f64,
    within: &[(&Member, f64)],
    unknown: &[&Member],
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let list = NearList {
        origin: Origin {
            id: &origin.id,
            city: &origin.city,
            country: &origin.country,
        },
        km,
        members: within
            .iter()
            .map(|(m, d)| Placed {
                distance_km: tenths(*d),
                member: MemberRecord::from(*m),
            })
            .collect(),
        no_coordinates: unknown.iter().map(|m| m.id.as_str()).collect(),
    };
    json(&list, out)
}
