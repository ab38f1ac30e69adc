//! The query engine: facet selections plus a fuzzy search text in, ranked hits with match
//! positions and live facet counts out. Pure: no I/O, no terminal. The command line and the
//! terminal UI both call [`Engine::run`], so they can never disagree.
//!
//! (Stub: the real engine replaces this body; the types are the contract.)

use crate::model::{Cluster, Dataset, Member, Region};
use std::collections::BTreeSet;

/// What the user asked for. Selections combine with AND across facet kinds and OR within one
/// kind; an empty selection means "any".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    pub regions: BTreeSet<Region>,
    /// Canonical country names, as in `Member::country`.
    pub countries: BTreeSet<String>,
    pub clusters: BTreeSet<Cluster>,
    /// fzf-style search text on city names.
    pub text: String,
}

/// One matching member.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// Index into `Dataset::members`.
    pub member: usize,
    /// Higher is better; 0 when there is no search text.
    pub score: i64,
    /// Char indices into `Member::city` of the matched characters, ascending.
    pub positions: Vec<usize>,
}

/// How many results choosing each value would give, with the other facets and the search
/// applied. Regions: all five, always, in alphabetical order. Countries: every country of the
/// dataset, alphabetical, zero counts included. Clusters: all seven, in `Cluster::ALL` order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FacetCounts {
    pub regions: Vec<(Region, usize)>,
    pub countries: Vec<(String, usize)>,
    pub clusters: Vec<(Cluster, usize)>,
}

/// The answer to a query.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Results {
    /// Ranked by score (best first), ties by city name; by city name when there is no text.
    pub hits: Vec<Hit>,
    pub facets: FacetCounts,
}

/// A dataset with its search index.
#[derive(Debug, Clone)]
pub struct Engine {
    dataset: Dataset,
}

impl Engine {
    pub fn new(dataset: Dataset) -> Self {
        Engine { dataset }
    }

    pub fn dataset(&self) -> &Dataset {
        &self.dataset
    }

    pub fn member(&self, index: usize) -> &Member {
        &self.dataset.members[index]
    }

    /// Runs a query.
    pub fn run(&self, query: &Query) -> Results {
        let text = crate::text::fold(&query.text);
        let matches = |m: &Member, skip: usize| {
            (skip == 0 || query.regions.is_empty() || query.regions.contains(&m.region))
                && (skip == 1 || query.countries.is_empty() || query.countries.contains(&m.country))
                && (skip == 2
                    || query.clusters.is_empty()
                    || m.clusters.iter().any(|c| query.clusters.contains(c)))
                && crate::text::fold(&m.city).contains(&text)
        };
        let mut hits: Vec<Hit> = self
            .dataset
            .members
            .iter()
            .enumerate()
            .filter(|(_, m)| matches(m, usize::MAX))
            .map(|(member, _)| Hit {
                member,
                score: 0,
                positions: Vec::new(),
            })
            .collect();
        hits.sort_by(|a, b| self.member(a.member).city.cmp(&self.member(b.member).city));
        let members = &self.dataset.members;
        let facets = FacetCounts {
            regions: Region::ALL
                .iter()
                .map(|r| {
                    (
                        *r,
                        members
                            .iter()
                            .filter(|m| m.region == *r && matches(m, 0))
                            .count(),
                    )
                })
                .collect(),
            countries: self
                .dataset
                .countries()
                .into_iter()
                .map(|c| {
                    (
                        c.to_string(),
                        members
                            .iter()
                            .filter(|m| m.country == c && matches(m, 1))
                            .count(),
                    )
                })
                .collect(),
            clusters: Cluster::ALL
                .iter()
                .map(|k| {
                    (
                        *k,
                        members
                            .iter()
                            .filter(|m| m.clusters.contains(k) && matches(m, 2))
                            .count(),
                    )
                })
                .collect(),
        };
        Results { hits, facets }
    }
}
