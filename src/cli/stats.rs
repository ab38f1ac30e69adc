//! `gnlc stats`: members by region, country and cluster.

use super::{TextFormat, output::use_colour, write_error};
use crate::error::Result;
use crate::model::{Cluster, ClusterBasis, Dataset, Region};
use crate::text::sanitize_line;
use serde::Serialize;
use std::io::Write;
use unicode_width::UnicodeWidthStr;

#[derive(Serialize)]
struct Stats<'a> {
    members: usize,
    countries: usize,
    /// Members whose clusters were inferred from their text rather than stated.
    clusters_inferred_for: usize,
    by_region: Vec<Count<'a>>,
    by_country: Vec<Count<'a>>,
    by_cluster: Vec<Count<'a>>,
}

#[derive(Serialize)]
struct Count<'a> {
    name: &'a str,
    members: usize,
}

fn compute(dataset: &Dataset) -> Stats<'_> {
    let members = &dataset.members;
    let by_region = Region::ALL
        .iter()
        .map(|r| Count {
            name: r.name(),
            members: members.iter().filter(|m| m.region == *r).count(),
        })
        .collect();
    let by_country: Vec<Count> = dataset
        .countries()
        .into_iter()
        .map(|c| Count {
            name: c,
            members: members.iter().filter(|m| m.country == c).count(),
        })
        .collect();
    let by_cluster = Cluster::ALL
        .iter()
        .map(|k| Count {
            name: k.id(),
            members: members.iter().filter(|m| m.clusters.contains(k)).count(),
        })
        .collect();
    Stats {
        members: members.len(),
        countries: by_country.len(),
        clusters_inferred_for: members
            .iter()
            .filter(|m| m.cluster_basis == ClusterBasis::Inferred)
            .count(),
        by_region,
        by_country,
        by_cluster,
    }
}

/// Prints the statistics of a dataset.
pub fn print(dataset: &Dataset, format: TextFormat, out: &mut dyn Write) -> Result<()> {
    let stats = compute(dataset);
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
    writeln!(
        out,
        "{} members in {} countries",
        stats.members, stats.countries
    )?;
    let groups = [
        ("By region", &stats.by_region, String::new()),
        ("By country", &stats.by_country, String::new()),
        (
            "By cluster",
            &stats.by_cluster,
            format!(
                " (inferred from profile text for {} of {} members)",
                stats.clusters_inferred_for, stats.members
            ),
        ),
    ];
    for (title, counts, note) in groups {
        writeln!(out, "\n{bold}{title}{reset}{note}")?;
        let width = counts
            .iter()
            .map(|c| sanitize_line(c.name).width())
            .max()
            .unwrap_or(0);
        for count in counts {
            let name = sanitize_line(count.name);
            let padding = width.saturating_sub(name.width());
            writeln!(out, "  {name}{}  {:>5}", " ".repeat(padding), count.members)?;
        }
    }
    Ok(())
}
