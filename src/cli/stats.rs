//! `gnlc stats`: members by each facet kind (region, country, cluster, year joined), by year
//! with "joined" apart from "member by", and the cumulative growth.
//!
//! The numbers are [`crate::charts::Charts`] of the engine's results for the filters given
//! (none: the whole dataset), the same function the explorer's stats screen draws, so the two
//! can never disagree. One group per kind of the engine, in pane order; JSON has one `by_ID`
//! array per kind, then `by_year` and `growth`.

use super::{TextFormat, output::use_colour, write_error};
use crate::charts::Charts;
use crate::error::Result;
use crate::facet::{CLUSTER, COUNTRY, FacetKind, JOINED};
use crate::query::{Engine, Query};
use crate::text::sanitize_line;
use serde::Serialize;
use serde::ser::SerializeMap;
use std::borrow::Cow;
use std::io::Write;
use unicode_width::UnicodeWidthStr;

struct Stats<'a> {
    members: usize,
    countries: usize,
    /// Members whose clusters were inferred from their text rather than stated (members
    /// without text have none to infer: they are counted under "no-profile-text").
    clusters_inferred_for: usize,
    /// Members the data gives no joining year for (in no value of the Joined counts).
    joined_unknown_for: usize,
    /// Members whose year is only one they were members by (counted in that year).
    member_by_for: usize,
    /// What the dataset covers beside what the network announced, in words ("349 of the 425
    /// members announced by ..."), when the dataset records the announcement.
    coverage: Option<String>,
    /// Per kind, each value with members, and the kind's always-listed values (every region
    /// and cluster) even at zero, as the panes show them.
    by_kind: Vec<(FacetKind, Vec<Count<'a>>)>,
    by_year: Vec<Year>,
    growth: Vec<Growth>,
}

#[derive(Serialize)]
struct Count<'a> {
    name: Cow<'a, str>,
    members: usize,
}

#[derive(Serialize)]
#[allow(clippy::struct_field_names)] // `year` is the JSON key
struct Year {
    year: u16,
    /// The source gives this as the year the member joined.
    joined: usize,
    /// The source only shows the member was a member by this year.
    member_by: usize,
    members: usize,
}

#[derive(Serialize)]
struct Growth {
    year: u16,
    /// Members by the end of the year (cumulative).
    members: usize,
}

impl Serialize for Stats<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(6 + self.by_kind.len()))?;
        map.serialize_entry("members", &self.members)?;
        map.serialize_entry("coverage", &self.coverage)?;
        map.serialize_entry("countries", &self.countries)?;
        map.serialize_entry("clusters_inferred_for", &self.clusters_inferred_for)?;
        map.serialize_entry("joined_unknown_for", &self.joined_unknown_for)?;
        map.serialize_entry("member_by_for", &self.member_by_for)?;
        for (kind, counts) in &self.by_kind {
            map.serialize_entry(&format!("by_{}", kind.id), counts)?;
        }
        map.serialize_entry("by_year", &self.by_year)?;
        map.serialize_entry("growth", &self.growth)?;
        map.end()
    }
}

fn compute<'a>(engine: &Engine, charts: &'a Charts) -> Stats<'a> {
    let by_kind = charts
        .by_kind
        .iter()
        .map(|bars| {
            let always = (bars.kind.always)();
            let values = bars
                .values
                .iter()
                .filter(|(value, n)| *n > 0 || always.contains(value))
                .map(|(value, n)| Count {
                    name: value.key(),
                    members: *n,
                })
                .collect();
            (bars.kind, values)
        })
        .collect();
    let countries = charts
        .of_kind(&COUNTRY)
        .iter()
        .filter(|(_, n)| *n > 0)
        .count();
    let coverage = crate::model::coverage::Coverage {
        members: charts.members,
        countries,
        announced: engine.dataset().announced.as_ref(),
    };
    Stats {
        members: charts.members,
        countries,
        coverage: coverage.announced.map(|_| coverage.long()),
        member_by_for: charts.by_year.iter().map(|y| y.member_by).sum(),
        clusters_inferred_for: charts.clusters_inferred_for,
        joined_unknown_for: charts.year_unknown_for,
        by_kind,
        by_year: charts
            .by_year
            .iter()
            .map(|y| Year {
                year: y.year,
                joined: y.joined,
                member_by: y.member_by,
                members: y.total(),
            })
            .collect(),
        growth: charts
            .growth()
            .into_iter()
            .map(|(year, members)| Growth { year, members })
            .collect(),
    }
}

/// Prints the statistics of the members `query` lists (the empty query: the whole dataset).
pub fn print(
    engine: &Engine,
    query: &Query,
    format: TextFormat,
    out: &mut dyn Write,
) -> Result<()> {
    let results = engine.run(query);
    let charts = Charts::of(engine, &results);
    let stats = compute(engine, &charts);
    let written = match format {
        TextFormat::Json => serde_json::to_writer_pretty(&mut *out, &stats)
            .map_err(std::io::Error::from)
            .and_then(|()| writeln!(out)),
        TextFormat::Text => text(&stats, out),
    };
    written.map_err(|e| write_error(&e))
}

fn text(stats: &Stats, out: &mut dyn Write) -> std::io::Result<()> {
    let (bold, reset) = if use_colour() {
        ("\x1b[1m", "\x1b[0m")
    } else {
        ("", "")
    };
    let counts = crate::model::coverage::Coverage {
        members: stats.members,
        countries: stats.countries,
        announced: None,
    };
    writeln!(out, "{}", counts.long())?;
    if let Some(coverage) = &stats.coverage {
        writeln!(out, "{coverage}")?;
    }
    for (kind, counts) in &stats.by_kind {
        let note = if *kind == CLUSTER {
            format!(
                " (inferred from profile text for {} of {} members)",
                stats.clusters_inferred_for, stats.members
            )
        } else if *kind == JOINED {
            let mut notes = Vec::new();
            if stats.member_by_for > 0 {
                notes.push(format!(
                    "for {} members only a year they were members by",
                    stats.member_by_for
                ));
            }
            if stats.joined_unknown_for > 0 {
                notes.push(format!(
                    "no year given for {} of {} members",
                    stats.joined_unknown_for, stats.members
                ));
            }
            if notes.is_empty() {
                String::new()
            } else {
                format!(" ({})", notes.join("; "))
            }
        } else {
            String::new()
        };
        writeln!(out, "\n{bold}{}{reset}{note}", kind.stats_heading)?;
        let width = counts
            .iter()
            .map(|c| sanitize_line(&c.name).width())
            .max()
            .unwrap_or(0);
        for count in counts {
            let name = sanitize_line(&count.name);
            let padding = width.saturating_sub(name.width());
            writeln!(out, "  {name}{}  {:>5}", " ".repeat(padding), count.members)?;
        }
    }
    if !stats.by_year.is_empty() {
        writeln!(out, "\n{bold}By year, and growth{reset}")?;
        writeln!(
            out,
            "  joined: the source gives the year the city joined; member by: it only shows the \
             city was a member by then"
        )?;
        writeln!(out, "  year  joined  member by  total  members by then")?;
        for (year, growth) in stats.by_year.iter().zip(&stats.growth) {
            writeln!(
                out,
                "  {}  {:>6}  {:>9}  {:>5}  {:>15}",
                year.year, year.joined, year.member_by, year.members, growth.members
            )?;
        }
    }
    Ok(())
}
