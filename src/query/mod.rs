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
//! Profile text: [`Query::profile`] is a second, independent criterion, answered by the
//! full-text index ([`crate::fulltext::TextIndex`]) the engine owns once it is given one
//! ([`Engine::set_text_index`], [`Engine::with_text_index`]). Its matches are computed once
//! per run, spread into a member-indexed score table, and the scan tests that table where it
//! tests names, so facet counts treat "matches the text" exactly as "matches the name". Hits
//! are then ranked by relevance. Building the index takes seconds at 100k members, so the
//! explorer builds it on a thread; until it is given, a profile query matches nothing.
//!
//! Not done: reusing the previous result set when the query only grows. The scan itself (a
//! mask test per member, then a byte scan) is about 1 ms at 100k; the cost is in scoring
//! and collecting hits, which reuse would not remove.

mod facets;
mod fold;
mod matcher;
mod pattern;

use pattern::Pattern;

use crate::facet::{FacetKind, KINDS, OwnedValue};
use crate::fulltext::{TextIndex, TextQuery};
use crate::model::{Dataset, Member};
use facets::{FacetIndex, Selection, Tally};
use fold::{FoldedName, FoldedNames};
use matcher::Matcher;
use std::cmp::Reverse;
use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;
use std::sync::Arc;

/// What the explorer's search box searches: city names (fuzzy) or the profile text. The
/// engine itself takes both at once ([`Query::text`] and [`Query::profile`]); the scope only
/// says which of the two the box edits.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub enum TextScope {
    #[default]
    Names,
    Profile,
}

impl TextScope {
    /// The other scope.
    #[must_use]
    pub fn toggled(self) -> TextScope {
        match self {
            TextScope::Names => TextScope::Profile,
            TextScope::Profile => TextScope::Names,
        }
    }

    /// How the search box names the scope.
    pub fn label(self) -> &'static str {
        match self {
            TextScope::Names => "names",
            TextScope::Profile => "profile text",
        }
    }
}

/// What the user asked for. Selections combine with AND across facet kinds and OR within one
/// kind; no selection in a kind means "any".
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    /// Selected values by kind id; a kind is absent rather than empty.
    selections: BTreeMap<&'static str, BTreeSet<OwnedValue>>,
    /// fzf-style search text on city names.
    pub text: String,
    /// When set, only members with these ids are considered at all (the shortlist): like the
    /// search text, it narrows the members that are listed *and* counted, so every facet
    /// count stays the number of list entries a click would give.
    pub only: Option<BTreeSet<String>>,
    /// A full-text query on the profiles (see `fulltext::TextQuery`: words, `"phrases"`,
    /// `prefix*`, `!exclusions`); empty for none. Combines with the name search by AND.
    pub profile: String,
}

/// The selection of a kind with none.
static NOTHING: BTreeSet<OwnedValue> = BTreeSet::new();

impl Query {
    /// A query with only this search text.
    pub fn text(text: impl Into<String>) -> Query {
        Query {
            text: text.into(),
            ..Query::default()
        }
    }

    /// The query with this profile-text query too.
    #[must_use]
    pub fn with_profile(mut self, profile: impl Into<String>) -> Query {
        self.profile = profile.into();
        self
    }

    /// The query with `values` of `kind` selected too.
    #[must_use]
    pub fn with<V: Into<OwnedValue>>(
        mut self,
        kind: FacetKind,
        values: impl IntoIterator<Item = V>,
    ) -> Query {
        for value in values {
            self.select(kind, value.into());
        }
        self
    }

    /// The query with the selection of `kind` replaced by `values`.
    #[must_use]
    pub fn with_only<V: Into<OwnedValue>>(
        mut self,
        kind: FacetKind,
        values: impl IntoIterator<Item = V>,
    ) -> Query {
        self.clear(&kind);
        self.with(kind, values)
    }

    /// The selected values of `kind` (empty: any).
    pub fn selected(&self, kind: &FacetKind) -> &BTreeSet<OwnedValue> {
        self.selections.get(kind.id).unwrap_or(&NOTHING)
    }

    /// True when `value` of `kind` is selected.
    pub fn is_selected(&self, kind: &FacetKind, value: &OwnedValue) -> bool {
        self.selected(kind).contains(value)
    }

    /// Selects a value.
    pub fn select(&mut self, kind: FacetKind, value: OwnedValue) {
        self.selections.entry(kind.id).or_default().insert(value);
    }

    /// Selects a value if it was not, unselects it if it was.
    pub fn toggle(&mut self, kind: FacetKind, value: OwnedValue) {
        let set = self.selections.entry(kind.id).or_default();
        if !set.remove(&value) {
            set.insert(value);
        }
        if set.is_empty() {
            self.selections.remove(kind.id);
        }
    }

    /// Clears a kind's selection; true when there was one.
    pub fn clear(&mut self, kind: &FacetKind) -> bool {
        self.selections.remove(kind.id).is_some()
    }

    /// Clears every kind's selection (not the text).
    pub fn clear_facets(&mut self) {
        self.selections.clear();
    }

    /// True when any value of any kind is selected.
    pub fn has_selections(&self) -> bool {
        !self.selections.is_empty()
    }

    /// The query restricted to the members with these ids (see [`Query::only`]).
    #[must_use]
    pub fn only_members<S: Into<String>>(mut self, ids: impl IntoIterator<Item = S>) -> Query {
        self.only = Some(ids.into_iter().map(Into::into).collect());
        self
    }
}

/// One matching member.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    /// Index into `Dataset::members`.
    pub member: usize,
    /// Higher is better; 0 when there is no search text. With a profile query, the BM25F
    /// relevance times 1000, rounded (the name search then only filters).
    pub score: i64,
    /// Char indices into `Member::city` of the matched characters, ascending.
    pub positions: Vec<usize>,
}

/// How many results choosing each value would give, with the other kinds' selections and the
/// search applied, for every kind of the engine in its order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FacetCounts {
    pub kinds: Vec<KindCounts>,
}

/// One kind's counts. Listed: the kind's always-listed values, every value a member of the
/// dataset has (zero counts included), and any selected value the dataset lacks (count 0),
/// in the kind's display order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KindCounts {
    pub kind: FacetKind,
    pub values: Vec<(OwnedValue, usize)>,
}

impl FacetCounts {
    /// The counts of `kind` (empty for a kind the engine does not index).
    pub fn of(&self, kind: &FacetKind) -> &[(OwnedValue, usize)] {
        self.kinds
            .iter()
            .find(|k| k.kind == *kind)
            .map_or(&[], |k| &k.values)
    }
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
    dataset: Arc<Dataset>,
    /// Member indices in scan order: by folded city name, then city, then index.
    order: Vec<u32>,
    /// Folded names, by scan position.
    names: FoldedNames,
    /// Facet values, by scan position.
    facets: FacetIndex,
    /// The full-text index of the profiles, once built.
    text: Option<Arc<TextIndex>>,
}

/// Below this many members one thread scans everything; above it, the scan is split.
const PARALLEL_MIN_MEMBERS: usize = 8192;
/// At most this many scanning threads (the target machine has two cores).
const MAX_THREADS: usize = 2;

impl Engine {
    /// Builds the search index over the facet kinds of [`KINDS`].
    pub fn new(dataset: Dataset) -> Self {
        Engine::with_kinds(dataset, KINDS)
    }

    /// Builds the search index over `kinds` (at most 64): folds every name once, sorts the
    /// scan order and lays names and interned facet values out in that order.
    pub fn with_kinds(dataset: Dataset, kinds: &[FacetKind]) -> Self {
        let members = &dataset.members;
        let mut folded = fold_names(members);
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
        let bytes = folded
            .iter()
            .map(|f| f.as_ref().map_or(0, |f| f.text().len()))
            .sum();
        let mut names = FoldedNames::with_capacity(folded.len(), bytes);
        for &member in &order {
            if let Some(name) = folded[member as usize].take() {
                names.push(name);
            }
        }
        let facets = FacetIndex::new(kinds, &order.iter().map(|&i| &members[i as usize]));
        Engine {
            dataset: Arc::new(dataset),
            order,
            names,
            facets,
            text: None,
        }
    }

    /// The engine with its full-text index built now (seconds at 100k members: the command
    /// line does this; the explorer builds on a thread and calls [`Engine::set_text_index`]).
    #[must_use]
    pub fn with_text_index(mut self) -> Self {
        let index = TextIndex::new(&self.dataset.members);
        self.text = Some(Arc::new(index));
        self
    }

    /// Gives the engine its full-text index, which must have been built from this engine's
    /// members (see [`Engine::shared_dataset`]).
    pub fn set_text_index(&mut self, index: Arc<TextIndex>) {
        self.text = Some(index);
    }

    /// The full-text index, once given.
    pub fn text_index(&self) -> Option<&TextIndex> {
        self.text.as_deref()
    }

    pub fn dataset(&self) -> &Dataset {
        &self.dataset
    }

    /// The dataset, shared: a thread building the text index holds it without a copy.
    pub fn shared_dataset(&self) -> Arc<Dataset> {
        Arc::clone(&self.dataset)
    }

    /// # Panics
    /// When `index` is not a member index (as slice indexing does).
    pub fn member(&self, index: usize) -> &Member {
        &self.dataset.members[index]
    }

    /// The facet kinds, in pane order.
    pub fn kinds(&self) -> impl Iterator<Item = FacetKind> + '_ {
        self.facets.kinds()
    }

    /// The values of `kind` listed when nothing is selected: the always-listed ones and every
    /// value a member has, in display order.
    pub fn values(&self, kind: &FacetKind) -> &[OwnedValue] {
        self.facets.values(kind)
    }

    /// By member index, whether the member's id is one of `ids`.
    fn members_in(&self, ids: &BTreeSet<String>) -> Vec<bool> {
        self.dataset
            .members
            .iter()
            .map(|m| ids.contains(&m.id))
            .collect()
    }

    /// Runs a query: hits ranked by score (ties alphabetical by folded name, then city, then
    /// index; alphabetical when there is no search text) and live facet counts.
    pub fn run(&self, query: &Query) -> Results {
        let pattern = Pattern::parse(&query.text);
        let selection = self.facets.selection(query);
        let matcher = Matcher::default();
        let only = query.only.as_ref().map(|ids| self.members_in(ids));
        let text_scores = self.text_scores(&query.profile);
        let scan = Scan {
            engine: self,
            pattern: &pattern,
            selection: &selection,
            matcher: &matcher,
            only: only.as_deref(),
            text_scores: text_scores.as_deref(),
        };
        let all = 0..self.order.len();
        let threads = if all.len() < PARALLEL_MIN_MEMBERS {
            1
        } else {
            std::thread::available_parallelism().map_or(1, |n| n.get().min(MAX_THREADS))
        };
        let (mut hits, tally) = scan.run_parallel(all, threads);
        if let Some(scores) = &text_scores {
            // Stable: hits are in alphabetical order, which breaks ties.
            hits.sort_by(|a, b| scores[b.member].total_cmp(&scores[a.member]));
        } else if !pattern.is_empty() {
            // Stable: hits are in alphabetical order, which breaks ties.
            hits.sort_by_key(|h| Reverse(h.score));
        }
        Results {
            hits,
            facets: with_absent_selections(self.facets.counts(&tally), query),
        }
    }
}

impl Engine {
    /// The profile query's score of every member (NaN: no match), or `None` when there is
    /// no profile query. Without an index a profile query matches nothing.
    fn text_scores(&self, profile: &str) -> Option<Vec<f32>> {
        if profile.trim().is_empty() {
            return None;
        }
        let mut scores = vec![f32::NAN; self.dataset.members.len()];
        if let Some(index) = &self.text {
            for (member, score) in index.matches(&TextQuery::parse(profile)).iter() {
                if let Some(slot) = scores.get_mut(member) {
                    *slot = score;
                }
            }
        }
        Some(scores)
    }
}

/// Every member's folded name, folded on two threads for a large dataset.
fn fold_names(members: &[Member]) -> Vec<Option<FoldedName>> {
    let fold = |part: &[Member]| -> Vec<Option<FoldedName>> {
        part.iter()
            .map(|m| Some(FoldedName::new(&m.city)))
            .collect()
    };
    if members.len() < PARALLEL_MIN_MEMBERS {
        return fold(members);
    }
    let (first, second) = members.split_at(members.len() / 2);
    std::thread::scope(|scope| {
        let other = scope.spawn(|| fold(second));
        let mut folded = fold(first);
        folded.extend(
            other
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic)),
        );
        folded
    })
}

/// One query's scan over (part of) the members.
struct Scan<'a> {
    engine: &'a Engine,
    pattern: &'a Pattern,
    selection: &'a Selection,
    matcher: &'a Matcher,
    /// By member index: whether the member may be listed (`None`: all may).
    only: Option<&'a [bool]>,
    /// The profile query's scores by member (NaN: no match), if there is one.
    text_scores: Option<&'a [f32]>,
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
            let member = order[position] as usize;
            if let Some(only) = self.only
                && !only[member]
            {
                continue;
            }
            let text_score = self.text_scores.map(|s| s[member]);
            if text_score.is_some_and(f32::is_nan) {
                continue;
            }
            let name = names.get(position);
            if !Matcher::accepts(self.pattern, name) {
                continue;
            }
            let passes = facets.passes(self.selection, position);
            facets.count(self.selection, &mut tally, position, passes);
            if FacetIndex::is_hit(self.selection, passes) {
                let mut positions = Vec::new();
                let score = if self.pattern.is_empty() {
                    0
                } else {
                    let score = self.matcher.score(self.pattern, name, &mut positions);
                    name.map_to_original(&mut positions);
                    score
                };
                // Relevance is far below 2^53, so the rounded thousandths are exact.
                #[allow(clippy::cast_possible_truncation)]
                let score = text_score.map_or(score, |s| (f64::from(s) * 1000.0).round() as i64);
                hits.push(Hit {
                    member,
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

/// A value the user selected that no member has (`gnlc --country Japan` on data without
/// Japan) is still listed, with 0, so the pane shows the filter that empties the list and it
/// can be cleared where it is seen.
fn with_absent_selections(mut facets: FacetCounts, query: &Query) -> FacetCounts {
    for counts in &mut facets.kinds {
        for value in query.selected(&counts.kind) {
            if let Err(at) = counts.values.binary_search_by(|(v, _)| v.cmp(value)) {
                counts.values.insert(at, (value.clone(), 0));
            }
        }
    }
    facets
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facet::REGION;
    use crate::model::{Cluster, Region, load};

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
            let query = Query::text(text).with(REGION, [Region::Africa, Region::AsiaPacific]);
            let pattern = Pattern::parse(text);
            let selection = engine.facets.selection(&query);
            let matcher = Matcher::default();
            let scan = Scan {
                engine: &engine,
                pattern: &pattern,
                selection: &selection,
                matcher: &matcher,
                only: None,
                text_scores: None,
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
