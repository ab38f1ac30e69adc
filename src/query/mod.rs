//! The query engine: facet selections plus a fuzzy search text in, ranked hits with match
//! positions and live facet counts out. Pure: no I/O, no terminal. The command line and the
//! terminal UI both call [`Engine::run`], so they can never disagree.
//!
//! How a run goes (see each module for why):
//! - `fold`: every city name is folded once, in [`Engine::new`], with a map back to the
//!   original char indices so highlights land on the right characters.
//! - `pattern`: the search text is parsed as fzf extended syntax and folded the same way.
//! - `matcher`: a cheap, allocation-free yes/no test per member; the fuzzy scorer runs only
//!   for members that are hits (text and all facets match).
//! - `facets`: selections and counts on interned values, gathered in the same single pass.
//!
//! Members are scanned in alphabetical order (precomputed), so hits come out sorted by name
//! and one stable sort by score gives the final ranking. On large datasets the scan is split
//! across threads (`std::thread::scope`), each with its own hits and counts, merged in order.
//!
//! Every hit carries its match positions, as the contract says, because it is affordable:
//! the scorer gives score and positions in one call, and it runs only for hits. On 100k
//! synthetic members (`cargo run --release --example query_timing`) the costliest keystroke,
//! `k` with 21.6k hits, costs about 4 ms of CPU (two threads), a 1.1k-hit `koz` about 1.5 ms,
//! the empty query about 2.5 ms. So there is no lazy-positions path.
//!
//! Not done: reusing the previous result set when the query only grows. The scan itself (a
//! mask test per member, then a byte scan) is about 1 ms at 100k; the cost is in scoring
//! and collecting hits, which reuse would not remove.

mod facets;
mod fold;
mod matcher;
mod pattern;

use pattern::Pattern;

use crate::model::{Cluster, Dataset, Member, Region};
use facets::{FacetIndex, Selection, Tally};
use fold::{FoldedName, FoldedNames};
use matcher::Matcher;
use std::cmp::Reverse;
use std::collections::BTreeSet;
use std::ops::Range;

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
/// dataset, alphabetical, zero counts included, plus any selected country the dataset lacks
/// (count 0). Clusters: all seven, in `Cluster::ALL` order.
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
    /// Member indices in scan order: by folded city name, then city, then index.
    order: Vec<u32>,
    /// Folded names, by scan position.
    names: FoldedNames,
    /// Facet values, by scan position.
    facets: FacetIndex,
}

/// Below this many members one thread scans everything; above it, the scan is split.
const PARALLEL_MIN_MEMBERS: usize = 8192;
/// At most this many scanning threads (the target machine has two cores).
const MAX_THREADS: usize = 2;

impl Engine {
    /// Builds the search index: folds every name once, sorts the scan order and lays names
    /// and interned facet values out in that order.
    pub fn new(dataset: Dataset) -> Self {
        let members = &dataset.members;
        let mut folded: Vec<Option<FoldedName>> = members
            .iter()
            .map(|m| Some(FoldedName::new(&m.city)))
            .collect();
        let text = |i: u32| folded[i as usize].as_ref().map_or("", FoldedName::text);
        // The first eight bytes as a number decide most comparisons without touching the
        // strings (their order is the byte order of the strings, which is `str`'s order).
        let heads: Vec<u64> = (0..members.len() as u32)
            .map(|i| {
                let mut head = [0; 8];
                let bytes = text(i).as_bytes();
                let n = bytes.len().min(8);
                head[..n].copy_from_slice(&bytes[..n]);
                u64::from_be_bytes(head)
            })
            .collect();
        let mut order: Vec<u32> = (0..members.len() as u32).collect();
        order.sort_unstable_by(|&a, &b| {
            heads[a as usize]
                .cmp(&heads[b as usize])
                .then_with(|| text(a).cmp(text(b)))
                .then_with(|| members[a as usize].city.cmp(&members[b as usize].city))
                .then(a.cmp(&b))
        });
        let mut names = FoldedNames::default();
        for &member in &order {
            if let Some(name) = folded[member as usize].take() {
                names.push(name);
            }
        }
        let facets = FacetIndex::new(order.iter().map(|&i| &members[i as usize]));
        Engine {
            dataset,
            order,
            names,
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
        let all = 0..self.order.len();
        let threads = if all.len() < PARALLEL_MIN_MEMBERS {
            1
        } else {
            std::thread::available_parallelism().map_or(1, |n| n.get().min(MAX_THREADS))
        };
        let (mut hits, tally) = scan.run_parallel(all, threads);
        if !pattern.is_empty() {
            // Stable: hits are in alphabetical order, which breaks ties.
            hits.sort_by_key(|h| Reverse(h.score));
        }
        Results {
            hits,
            facets: with_absent_selections(self.facets.counts(&tally), query),
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
    /// Scans the scan positions in `range`: counts facets of every text match and scores the
    /// hits, in scan (alphabetical) order.
    fn run(&self, range: Range<usize>) -> (Vec<Hit>, Tally) {
        let Engine {
            order,
            names,
            facets,
            ..
        } = self.engine;
        let required = self.pattern.required;
        let mut tally = facets.tally();
        let mut hits = Vec::new();
        for position in range {
            if required & !names.mask(position) != 0 {
                continue;
            }
            let name = names.get(position);
            if !Matcher::accepts(self.pattern, name) {
                continue;
            }
            let passes = facets.passes(self.selection, position);
            facets.count(&mut tally, position, passes);
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
                    member: order[position] as usize,
                    score,
                    positions,
                });
            }
        }
        (hits, tally)
    }

    /// As [`Scan::run`] over `range` split into `threads` contiguous chunks scanned at once;
    /// the results are concatenated in chunk order, so scan order is kept.
    fn run_parallel(&self, range: Range<usize>, threads: usize) -> (Vec<Hit>, Tally) {
        if threads <= 1 || range.len() < 2 {
            return self.run(range);
        }
        let chunk = range.len().div_ceil(threads);
        let chunks: Vec<Range<usize>> = (0..threads)
            .map(|k| {
                let start = (range.start + k * chunk).min(range.end);
                start..(start + chunk).min(range.end)
            })
            .collect();
        let mut parts = std::thread::scope(|scope| {
            let handles: Vec<_> = chunks[1..]
                .iter()
                .map(|c| {
                    let c = c.clone();
                    scope.spawn(move || self.run(c))
                })
                .collect();
            let mut parts = vec![self.run(chunks[0].clone())];
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

/// A country the user selected that no member has (`gnlc --country Japan` on data without
/// Japan) is still listed, with 0, so the pane shows the filter that empties the list and it
/// can be cleared where it is seen.
fn with_absent_selections(mut facets: FacetCounts, query: &Query) -> FacetCounts {
    for country in &query.countries {
        if let Err(at) = facets
            .countries
            .binary_search_by(|(name, _)| name.as_str().cmp(country))
        {
            facets.countries.insert(at, (country.clone(), 0));
        }
    }
    facets
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::load;

    /// Enough members with a mix of names and facets that every chunk split is exercised.
    fn engine() -> Engine {
        let cities = [
            "Cork",
            "Espoo",
            "Straße",
            "Sønderborg",
            "Villa María",
            "北京",
            "Chișinău",
        ];
        let members: Vec<String> = (0..300)
            .map(|i| {
                format!(
                    r#"{{"city": "{} {i}", "country": "C{}", "region": "{}", "clusters": ["{}"]}}"#,
                    cities[i % cities.len()],
                    i % 7,
                    Region::ALL[i % 5].name(),
                    Cluster::ALL[i % 3].id()
                )
            })
            .collect();
        let json = format!(r#"{{"members": [{}]}}"#, members.join(","));
        Engine::new(load::from_str(&json, "test.json").expect("valid"))
    }

    #[test]
    fn parallel_scan_equals_the_sequential_one() {
        let engine = engine();
        for text in ["", "o", "s 1", "'ss", "!1", "^c | ^e"] {
            let query = Query {
                text: text.to_string(),
                regions: [Region::Africa, Region::AsiaPacific].into(),
                ..Query::default()
            };
            let pattern = Pattern::parse(text);
            let selection = engine.facets.selection(&query);
            let matcher = Matcher::default();
            let scan = Scan {
                engine: &engine,
                pattern: &pattern,
                selection: &selection,
                matcher: &matcher,
            };
            let (hits, tally) = scan.run(0..300);
            let expected = engine.facets.counts(&tally);
            for threads in [2, 3, 7, 300, 400] {
                let (par_hits, par_tally) = scan.run_parallel(0..300, threads);
                assert_eq!(par_hits, hits, "{text:?} on {threads} threads");
                assert_eq!(engine.facets.counts(&par_tally), expected);
            }
        }
    }
}
