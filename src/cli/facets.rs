//! Turning command-line facet values into a query: case-insensitive, with an error that lists
//! the valid values when one matches nothing.

use super::FilterArgs;
use crate::error::{Error, Result};
use crate::model::{Cluster, Region, countries, normalize_name};
use crate::query::{Engine, Query};

/// Builds the query the filters ask for, checking every value.
pub fn build_query(engine: &Engine, filters: &FilterArgs) -> Result<Query> {
    let mut query = Query::default();
    for value in &filters.region {
        let region = Region::parse(value).ok_or_else(|| {
            unknown(
                "region",
                value,
                Region::ALL.iter().map(|r| r.name().to_string()),
            )
        })?;
        query.regions.insert(region);
    }
    let present = engine.dataset().countries();
    for value in &filters.country {
        let key = normalize_name(value);
        let canonical = countries::lookup(value).map(|(c, _)| c);
        // A country of the dataset, or any UNESCO member state (which may simply have no
        // members here: an empty answer, not an error).
        let found = present
            .iter()
            .find(|c| Some(**c) == canonical || normalize_name(c) == key)
            .copied()
            .or(canonical)
            .ok_or_else(|| unknown("country", value, present.iter().map(ToString::to_string)))?;
        query.countries.insert(found.to_string());
    }
    for value in &filters.cluster {
        let cluster = Cluster::parse(value).ok_or_else(|| {
            unknown(
                "cluster",
                value,
                Cluster::ALL
                    .iter()
                    .map(|c| format!("{} ({})", c.id(), c.name())),
            )
        })?;
        query.clusters.insert(cluster);
    }
    query.text = filters.search.clone().unwrap_or_default();
    Ok(query)
}

fn unknown(kind: &str, value: &str, valid: impl Iterator<Item = String>) -> Error {
    let valid: Vec<String> = valid.collect();
    let listed = if valid.is_empty() {
        "none: the dataset has no members".to_string()
    } else {
        valid.join(", ")
    };
    Error::Usage(format!(
        "unknown {kind} `{}`; valid values: {listed}",
        crate::text::sanitize_line(value)
    ))
}
