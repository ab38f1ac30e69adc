//! `gnlc stats`: members by each facet kind (region, country, cluster, year joined).
//!
//! The counts are the query engine's own facet counts for the empty query, so `gnlc stats`
//! and the explorer's panes (opened without filters) can never disagree. One group per kind of
//! the engine, in pane order; JSON has one `by_ID` array per kind.

use super::{TextFormat, output::use_colour, write_error};
use crate::error::Result;
use crate::facet::{CLUSTER, COUNTRY, FacetKind, JOINED};
use crate::model::{ClusterBasis, JoinedBasis};
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
    /// Per kind, each value with members (the engine lists some values at zero, e.g. every
    /// region; those are kept, as the panes show them).
    by_kind: Vec<(FacetKind, Vec<Count<'a>>)>,
}

#[derive(Serialize)]
struct Count<'a> {
    name: Cow<'a, str>,
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
        map.end()
    }
}

fn compute<'a>(engine: &'a Engine, results: &'a crate::query::Results) -> Stats<'a> {
    let members = &engine.dataset().members;
    let by_kind: Vec<(FacetKind, Vec<Count>)> = results
        .facets
        .kinds
        .iter()
        .map(|counts| {
            let values = counts
                .values
                .iter()
                .map(|(value, n)| Count {
                    name: value.key(),
                    members: *n,
                })
                .collect();
            (counts.kind, values)
        })
        .collect();
    let countries = results
        .facets
        .of(&COUNTRY)
        .iter()
        .filter(|(_, n)| *n > 0)
        .count();
    let coverage = crate::model::coverage::Coverage {
        members: members.len(),
        countries,
        announced: engine.dataset().announced.as_ref(),
    };
    Stats {
        members: members.len(),
        countries,
        coverage: coverage.announced.map(|_| coverage.long()),
        member_by_for: members
            .iter()
            .filter(|m| m.joined.is_some() && m.joined_basis == Some(JoinedBasis::MemberBy))
            .count(),
        clusters_inferred_for: members
            .iter()
            .filter(|m| m.cluster_basis == ClusterBasis::Inferred && m.has_profile_text())
            .count(),
        joined_unknown_for: members.iter().filter(|m| m.joined.is_none()).count(),
        by_kind,
    }
}

/// Prints the statistics of the engine's dataset.
pub fn print(engine: &Engine, format: TextFormat, out: &mut dyn Write) -> Result<()> {
    let results = engine.run(&Query::default());
    let stats = compute(engine, &results);
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
    Ok(())
}
