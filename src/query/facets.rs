//! Facet selections and live counts, computed in one pass over the members that match the
//! search text.
//!
//! Each member's facet values are interned once, in [`FacetIndex::new`]: its region as an
//! index into `Region::ALL`, its country as an index into the sorted country list, its
//! clusters as a bit mask over `Cluster::ALL`. A query's selections become the same shapes
//! ([`Selection`]), so testing a member is three integer operations with no string compares.
//!
//! A count must say what choosing that value would give: the other kinds' selections and the
//! search applied, its own kind's selection not. So for each text-matching member we know
//! three booleans (region ok, country ok, clusters ok) and:
//! - its region is counted when country and clusters are ok,
//! - its country when region and clusters are ok,
//! - each of its clusters when region and country are ok,
//! - it is a hit when all three are ok.

use super::Query;
use crate::model::{Cluster, Member, Region};
use std::collections::HashMap;

/// Interned facet values of every member.
#[derive(Debug, Clone)]
pub struct FacetIndex {
    /// Every country of the dataset, sorted, without repeats (as `Dataset::countries`).
    countries: Vec<String>,
    country_of: Vec<u32>,
    region_of: Vec<u8>,
    clusters_of: Vec<u8>,
}

/// A query's selections, interned. Zero masks and `None` mean "any".
#[derive(Debug, Clone)]
pub struct Selection {
    regions: u8,
    countries: Option<Vec<bool>>,
    clusters: u8,
}

/// Which of a member's three facet tests pass.
#[derive(Debug, Clone, Copy)]
pub struct Passes {
    pub region: bool,
    pub country: bool,
    pub clusters: bool,
}

impl Passes {
    /// A hit: all three pass.
    pub fn all(self) -> bool {
        self.region && self.country && self.clusters
    }
}

/// Counts being gathered, by interned value.
#[derive(Debug, Clone)]
pub struct Tally {
    regions: [usize; 5],
    countries: Vec<usize>,
    clusters: [usize; 7],
}

fn region_index(region: Region) -> u8 {
    Region::ALL.iter().position(|r| *r == region).unwrap_or(0) as u8
}

fn cluster_bit(cluster: Cluster) -> u8 {
    1 << Cluster::ALL.iter().position(|c| *c == cluster).unwrap_or(0)
}

impl FacetIndex {
    /// Interns the facet values of `members`; later calls address them by their position in
    /// this sequence.
    pub fn new<'a>(members: impl Iterator<Item = &'a Member> + Clone) -> Self {
        // Intern by hashing first (one pass, no string sort of every member), then sort only
        // the distinct names and renumber.
        let mut ids: HashMap<&str, u32> = HashMap::new();
        let mut first_ids: Vec<u32> = Vec::new();
        let mut names: Vec<&str> = Vec::new();
        for m in members.clone() {
            let next = names.len() as u32;
            let id = *ids.entry(m.country.as_str()).or_insert_with(|| {
                names.push(m.country.as_str());
                next
            });
            first_ids.push(id);
        }
        let mut sorted: Vec<u32> = (0..names.len() as u32).collect();
        sorted.sort_unstable_by_key(|&id| names[id as usize]);
        let mut renumber = vec![0; names.len()];
        for (rank, &id) in sorted.iter().enumerate() {
            renumber[id as usize] = rank as u32;
        }
        FacetIndex {
            countries: sorted
                .iter()
                .map(|&id| names[id as usize].to_string())
                .collect(),
            country_of: first_ids.iter().map(|&id| renumber[id as usize]).collect(),
            region_of: members.clone().map(|m| region_index(m.region)).collect(),
            clusters_of: members
                .map(|m| m.clusters.iter().fold(0, |mask, c| mask | cluster_bit(*c)))
                .collect(),
        }
    }

    /// Every country of the dataset, sorted, without repeats.
    pub fn countries(&self) -> &[String] {
        &self.countries
    }

    /// Interns a query's selections. A selected country that no member has matches nothing.
    pub fn selection(&self, query: &Query) -> Selection {
        let countries = (!query.countries.is_empty()).then(|| {
            let mut chosen = vec![false; self.countries.len()];
            for name in &query.countries {
                if let Ok(i) = self.countries.binary_search(name) {
                    chosen[i] = true;
                }
            }
            chosen
        });
        Selection {
            regions: query
                .regions
                .iter()
                .fold(0, |m, r| m | 1 << region_index(*r)),
            countries,
            clusters: query.clusters.iter().fold(0, |m, c| m | cluster_bit(*c)),
        }
    }

    /// Which facet tests the member at position `i` passes.
    pub fn passes(&self, selection: &Selection, i: usize) -> Passes {
        Passes {
            region: selection.regions == 0 || selection.regions & (1 << self.region_of[i]) != 0,
            country: selection
                .countries
                .as_ref()
                .is_none_or(|chosen| chosen[self.country_of[i] as usize]),
            clusters: selection.clusters == 0 || selection.clusters & self.clusters_of[i] != 0,
        }
    }

    /// An empty tally for this dataset.
    pub fn tally(&self) -> Tally {
        Tally {
            regions: [0; 5],
            countries: vec![0; self.countries.len()],
            clusters: [0; 7],
        }
    }

    /// Adds the member at position `i`, which matches the search text, to the counts it contributes to.
    pub fn count(&self, tally: &mut Tally, i: usize, passes: Passes) {
        if passes.country && passes.clusters {
            tally.regions[self.region_of[i] as usize] += 1;
        }
        if passes.region && passes.clusters {
            tally.countries[self.country_of[i] as usize] += 1;
        }
        if passes.region && passes.country {
            let mut mask = self.clusters_of[i];
            while mask != 0 {
                tally.clusters[mask.trailing_zeros() as usize] += 1;
                mask &= mask - 1;
            }
        }
    }

    /// The counts in the contract's shape and order.
    pub fn counts(&self, tally: &Tally) -> super::FacetCounts {
        super::FacetCounts {
            regions: Region::ALL.iter().copied().zip(tally.regions).collect(),
            countries: self
                .countries
                .iter()
                .cloned()
                .zip(tally.countries.iter().copied())
                .collect(),
            clusters: Cluster::ALL.iter().copied().zip(tally.clusters).collect(),
        }
    }
}

impl Tally {
    /// Adds another tally (from a parallel chunk).
    pub fn merge(&mut self, other: &Tally) {
        for (a, b) in self.regions.iter_mut().zip(other.regions) {
            *a += b;
        }
        for (a, b) in self.countries.iter_mut().zip(&other.countries) {
            *a += b;
        }
        for (a, b) in self.clusters.iter_mut().zip(other.clusters) {
            *a += b;
        }
    }
}
