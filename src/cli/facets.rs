//! Turning command-line facet values into a query: each kind parses its own values (see
//! `facet::CliFilter`), case-insensitively, with an error that lists the valid values when
//! one matches nothing.

use super::FilterArgs;
use crate::error::{Error, Result};
use crate::query::{Engine, Query};

/// Builds the query the filters ask for, checking every value.
pub fn build_query(engine: &Engine, filters: &FilterArgs) -> Result<Query> {
    let mut query = Query::default();
    for (kind, args) in &filters.facets {
        let present = engine.values(kind);
        for arg in args {
            for value in (kind.cli.parse)(arg, present).map_err(Error::Usage)? {
                query.select(*kind, value);
            }
        }
    }
    query.text = filters.search.clone().unwrap_or_default();
    query.profile = filters.text.clone().unwrap_or_default();
    Ok(query)
}
