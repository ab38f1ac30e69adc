//! The query engine: facet selections plus a fuzzy search text in, ranked hits with match
//! positions and live facet counts out. Pure: no I/O, no terminal. The command line and the
//! terminal UI both call [`Engine::run`], so they can never disagree.
//!
//! How a run goes (see each module for why):
//! - [`fold`]: every city name is folded once, in [`Engine::new`], with a map back to the
//!   original char indices so highlights land on the right characters.
//! - [`pattern`]: the search text is parsed as fzf extended syntax and folded the same way.
//! - [`matcher`]: a cheap, allocation-free yes/no test per member; the fuzzy scorer runs only
//!   for members that are hits (text and all facets match).
//! - [`facets`]: selections and counts on interned values, gathered in the same single pass.
//!
//! Members are scanned in alphabetical order (precomputed), so hits come out sorted by name
//! and one stable sort by score gives the final ranking. On large datasets the scan is split
//! across threads (`std::thread::scope`), each with its own hits and counts, merged in order.
//!
//! Every hit carries its match positions, as the contract says: measured on 100k synthetic
//! members, computing them for all hits stays within the keystroke budget (scores and
//! positions come from the same scorer call), so there is no separate lazy path.

mod facets;
mod fold;
mod matcher;
mod pattern;

pub use fold::FoldedName;
pub use pattern::{Kind, Pattern, Term};

use crate::model::{Cluster, Dataset, Member, Region};
use facets::{FacetIndex, Selection, Tally};
use matcher::Matcher;
use std::cmp::Reverse;
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
    /// Folded city names, by member index.
    names: Vec<FoldedName>,
    /// Member indices sorted by folded city name, then city, then index.
    alphabetical: Vec<u32>,
    facets: FacetIndex,
}

/// Below this many members one thread scans everything; above it, the scan is split.
const PARALLEL_MIN_MEMBERS: usize = 8192;
/// At most this many scanning threads (the target machine has two cores).
const MAX_THREADS: usize = 2;

impl Engine {
    /// Builds the search index: folds every name once, sorts the alphabetical order and
    /// interns facet values.
    pub fn new(dataset: Dataset) -> Self {
        let names: Vec<FoldedName> = dataset
            .members
            .iter()
            .map(|m| FoldedName::new(&m.city))
            .collect();
        let mut alphabetical: Vec<u32> = (0..dataset.members.len() as u32).collect();
        alphabetical.sort_by(|&a, &b| {
            let (a, b) = (a as usize, b as usize);
            names[a]
                .text()
                .cmp(names[b].text())
                .then_with(|| dataset.members[a].city.cmp(&dataset.members[b].city))
                .then(a.cmp(&b))
        });
        let facets = FacetIndex::new(&dataset.members);
        Engine {
            dataset,
            names,
            alphabetical,
            facets,
        }
    }

    pub fn dataset(&self) -> &Dataset {
        &self.dataset
    }

    /// # Panics
    /// When `index` is not a member index (as slice indexing does).
    pub fn member(&self, index: usize) -> &Member {
        &self.dataset.members[index]
    }

    /// Every country of the dataset, sorted, without repeats: the order of
    /// `FacetCounts::countries`.
    pub fn countries(&self) -> &[String] {
        self.facets.countries()
    }

    /// The folded form of member `index`'s city name, as the search sees it.
    pub fn folded_name(&self, index: usize) -> Option<&FoldedName> {
        self.names.get(index)
    }

    /// Runs a query: hits ranked by score (ties alphabetical by folded name, then city, then
    /// index; alphabetical when there is no search text) and live facet counts.
    pub fn run(&self, query: &Query) -> Results {
        let pattern = Pattern::parse(&query.text);
        let selection = self.facets.selection(query);
        let matcher = Matcher::default();
        let scan = Scan {
            engine: self,
            pattern: &pattern,
            selection: &selection,
            matcher: &matcher,
        };
        let threads = if self.alphabetical.len() < PARALLEL_MIN_MEMBERS {
            1
        } else {
            std::thread::available_parallelism().map_or(1, |n| n.get().min(MAX_THREADS))
        };
        let (mut hits, tally) = if threads <= 1 {
            scan.run(&self.alphabetical)
        } else {
            scan.run_parallel(&self.alphabetical, threads)
        };
        if !pattern.is_empty() {
            // Stable: hits are in alphabetical order, which breaks ties.
            hits.sort_by_key(|h| Reverse(h.score));
        }
        Results {
            hits,
            facets: self.facets.counts(&tally),
        }
    }
}

/// One query's scan over (part of) the members.
struct Scan<'a> {
    engine: &'a Engine,
    pattern: &'a Pattern,
    selection: &'a Selection,
    matcher: &'a Matcher,
}

impl Scan<'_> {
    /// Scans `order` (member indices): counts facets of every text match and scores the hits,
    /// in the order given.
    fn run(&self, order: &[u32]) -> (Vec<Hit>, Tally) {
        let facets = &self.engine.facets;
        let mut tally = facets.tally();
        let mut hits = Vec::new();
        for &i in order {
            let i = i as usize;
            let name = &self.engine.names[i];
            if !Matcher::accepts(self.pattern, name) {
                continue;
            }
            let passes = facets.passes(self.selection, i);
            facets.count(&mut tally, i, passes);
            if passes.all() {
                let mut positions = Vec::new();
                let score = if self.pattern.is_empty() {
                    0
                } else {
                    let score = self.matcher.score(self.pattern, name, &mut positions);
                    name.map_to_original(&mut positions);
                    score
                };
                hits.push(Hit {
                    member: i,
                    score,
                    positions,
                });
            }
        }
        (hits, tally)
    }

    /// As [`Scan::run`], split into `threads` contiguous chunks scanned at once; the results
    /// are concatenated in chunk order, so the order of `order` is kept.
    fn run_parallel(&self, order: &[u32], threads: usize) -> (Vec<Hit>, Tally) {
        let chunk = order.len().div_ceil(threads).max(1);
        let mut parts = std::thread::scope(|scope| {
            let mut chunks = order.chunks(chunk);
            let first = chunks.next().unwrap_or(&[]);
            let handles: Vec<_> = chunks.map(|c| scope.spawn(move || self.run(c))).collect();
            let mut parts = vec![self.run(first)];
            for handle in handles {
                parts.push(
                    handle
                        .join()
                        .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
                );
            }
            parts
        })
        .into_iter();
        let (mut hits, mut tally) = parts
            .next()
            .unwrap_or_else(|| (Vec::new(), self.engine.facets.tally()));
        for (more_hits, more_tally) in parts {
            hits.extend(more_hits);
            tally.merge(&more_tally);
        }
        (hits, tally)
    }
}
