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
//! Members are scanned in alphabetical order (precomputed; the same name in two countries
//! by country), so hits come out sorted by name. Ranking then sorts a small key per hit:
//! score, then name length (shorter first, as fzf) and country, then that scan order. The
//! unnarrowed list (no search, no selection) is every member in scan order, with counts
//! made once. On large datasets the scan is split across threads (`std::thread::scope`),
//! each with its own hits and counts, merged in order.
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
#[derive(Debug, Clone, Default, PartialEq, Eq)]
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
    /// Member indices in scan order: by folded city name, then city, then country, then
    /// index.
    order: Vec<u32>,
    /// Folded names, by scan position.
    names: FoldedNames,
    /// Facet values, by scan position.
    facets: FacetIndex,
    /// How equal scores are ordered, by scan position: name length in characters, then
    /// country in display order (see [`tie_order`]). Scan order breaks what is left.
    ties: Vec<u32>,
    /// The full-text index of the profiles, once built.
    text: Option<Arc<TextIndex>>,
    /// The counts when every member is listed (no search, no selection), made the first
    /// time that query runs: the explorer's opening list and every "clear all".
    everyone: std::sync::OnceLock<Tally>,
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
                .then_with(|| {
                    members[a as usize]
                        .country
                        .cmp(&members[b as usize].country)
                })
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
        let ties = tie_order(
            members,
            &order,
            facets.single_values(&crate::facet::COUNTRY),
        );
        Engine::of_parts(dataset, order, names, facets, ties)
    }

    /// An engine of its index's parts, built or read back, without a text index yet.
    fn of_parts(
        dataset: Dataset,
        order: Vec<u32>,
        names: FoldedNames,
        facets: FacetIndex,
        ties: Vec<u32>,
    ) -> Engine {
        Engine {
            dataset: Arc::new(dataset),
            order,
            names,
            facets,
            ties,
            text: None,
            everyone: std::sync::OnceLock::new(),
        }
    }

    /// Writes the search index (scan order, folded names, facet values, tie order) for a
    /// snapshot ([`crate::cache`]), so a later load skips building it.
    pub fn write_index<W: std::io::Write>(
        &self,
        w: &mut crate::cache::codec::Writer<W>,
    ) -> std::io::Result<()> {
        w.u32s(&self.order)?;
        w.u32s(&self.ties)?;
        self.names.write(w)?;
        self.facets.write(w)
    }

    /// The engine over `dataset` with the index [`Engine::write_index`] wrote for it, over
    /// the kinds of [`KINDS`]; the dataset back when the index read does not fit it (a
    /// wrong length, a position or value number out of range).
    pub fn read_index<R: std::io::Read>(
        dataset: Dataset,
        r: &mut crate::cache::codec::Reader<R>,
    ) -> Result<Engine, Dataset> {
        let count = dataset.members.len();
        let Some((order, ties, names, facets)) = (|| {
            let order = r.u32s()?;
            let ties = r.u32s()?;
            let names = FoldedNames::read(r, count)?;
            let facets = FacetIndex::read(r, KINDS, count)?;
            Some((order, ties, names, facets))
        })() else {
            return Err(dataset);
        };
        // The scan order must be a permutation of the members.
        let mut seen = vec![false; count];
        let permutation = order.len() == count
            && order.iter().all(|&i| {
                seen.get_mut(i as usize)
                    .is_some_and(|s| !std::mem::replace(s, true))
            });
        if !permutation || ties.len() != count {
            return Err(dataset);
        }
        Ok(Engine::of_parts(dataset, order, names, facets, ties))
    }

    /// The dataset, copied only when another holder shares it (a thread building the text
    /// index may).
    pub fn into_dataset(self) -> Dataset {
        Arc::try_unwrap(self.dataset).unwrap_or_else(|shared| (*shared).clone())
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
        if pattern.is_empty() && !selection.any() && only.is_none() && text_scores.is_none() {
            return self.everyone(query);
        }
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
        let (parts, tally) = scan.run_parallel(all, threads);
        let hits = if scan.ranks() {
            rank(parts)
        } else {
            concat(parts)
        };
        Results {
            hits,
            facets: with_absent_selections(self.facets.counts(&tally), query),
        }
    }
}

impl Engine {
    /// The results when nothing narrows the list: every member, in scan order, and counts
    /// that are the same every time.
    fn everyone(&self, query: &Query) -> Results {
        let tally = self.everyone.get_or_init(|| {
            let selection = self.facets.selection(&Query::default());
            let mut counter = self.facets.counter(&selection);
            // Nothing is selected, so every member passes every kind.
            let all = self.facets.passes(&selection, 0);
            for position in 0..self.order.len() {
                counter.add(position, all);
            }
            counter.finish()
        });
        let hits = self
            .order
            .iter()
            .map(|&member| Hit {
                member: member as usize,
                score: 0,
                positions: Vec::new(),
            })
            .collect();
        Results {
            hits,
            facets: with_absent_selections(self.facets.counts(tally), query),
        }
    }

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

/// What a scan of some positions found: the hits in scan order and, when the scan ranks,
/// each hit's ranking key.
#[derive(Debug, Default, PartialEq)]
struct Part {
    hits: Vec<Hit>,
    keys: Vec<u64>,
}

impl Scan<'_> {
    /// True when hits are ranked by score: there is a search text (names or profiles).
    /// Otherwise they stay in scan (alphabetical) order.
    fn ranks(&self) -> bool {
        !self.pattern.is_empty() || self.text_scores.is_some()
    }

    /// Scans the scan positions in `range`: counts facets of every text match and scores the
    /// hits, in scan (alphabetical) order.
    fn run(&self, range: Range<usize>) -> (Part, Tally) {
        let Engine {
            order,
            names,
            facets,
            ties,
            ..
        } = self.engine;
        let ranks = self.ranks();
        let required = self.pattern.required;
        let mut counter = facets.counter(self.selection);
        let mut part = Part::default();
        // The mask test rejects most members, so it walks the masks slice itself: no bounds
        // check, nothing else touched.
        for (position, &mask) in range.clone().zip(&names.masks()[range]) {
            if required & !mask != 0 {
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
            counter.add(position, passes);
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
                let rounded = text_score.map_or(score, |s| (f64::from(s) * 1000.0).round() as i64);
                if ranks {
                    let exact = text_score.map_or_else(
                        || score.clamp(i64::from(i32::MIN), i64::from(i32::MAX)) as i32,
                        ordered_bits,
                    );
                    part.keys.push(rank_key(exact, ties[position]));
                }
                part.hits.push(Hit {
                    member,
                    score: rounded,
                    positions,
                });
            }
        }
        (part, counter.finish())
    }

    /// As [`Scan::run`] over `range` split into `threads` contiguous chunks scanned at once:
    /// each chunk's hits, in chunk order (so scan order is kept), and the counts of all.
    fn run_parallel(&self, range: Range<usize>, threads: usize) -> (Vec<Part>, Tally) {
        if threads <= 1 || range.len() < 2 {
            let (part, tally) = self.run(range);
            return (vec![part], tally);
        }
        let chunk = range.len().div_ceil(threads);
        let chunks: Vec<Range<usize>> = (0..threads)
            .map(|k| {
                let start = (range.start + k * chunk).min(range.end);
                start..(start + chunk).min(range.end)
            })
            .collect();
        let parts = std::thread::scope(|scope| {
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
        });
        let mut tally = self.engine.facets.tally();
        let mut hits = Vec::with_capacity(parts.len());
        for (part_hits, part_tally) in parts {
            hits.push(part_hits);
            tally.merge(&part_tally);
        }
        (hits, tally)
    }
}

/// Name lengths above this are ranked as this long.
const TIE_LENGTH_MAX: u32 = (1 << 12) - 1;
/// Country numbers above this are ranked as this one.
const TIE_COUNTRY_MAX: u32 = (1 << 20) - 1;

/// Each member's tie key (see [`Engine`]'s `ties`): equal scores put shorter names first, as
/// fzf does, then countries in display order; `countries` are the country value numbers by
/// scan position, when the engine has that kind. One `u32`: the length in the top 12 bits,
/// the country in the low 20.
fn tie_order(members: &[Member], order: &[u32], countries: Option<&[u32]>) -> Vec<u32> {
    order
        .iter()
        .enumerate()
        .map(|(position, &member)| {
            let length = members[member as usize].city.chars().count();
            let length = u32::try_from(length).map_or(TIE_LENGTH_MAX, |n| n.min(TIE_LENGTH_MAX));
            let country = countries.map_or(0, |ids| ids[position].min(TIE_COUNTRY_MAX));
            (length << 20) | country
        })
        .collect()
}

/// The hits of `parts`, in order, in one list allocated once (the first part's list grown
/// to the total: an empty search lists every member, and growing by doubling copied them).
fn concat(parts: Vec<Part>) -> Vec<Hit> {
    let total: usize = parts.iter().map(|part| part.hits.len()).sum();
    let mut parts = parts.into_iter();
    let mut hits = parts.next().map(|part| part.hits).unwrap_or_default();
    hits.reserve_exact(total - hits.len());
    for part in parts {
        hits.extend(part.hits);
    }
    hits
}

/// A hit's ranking key: the score made unsigned and inverted, so higher scores come first,
/// above the tie key.
fn rank_key(score: i32, tie: u32) -> u64 {
    let descending = !(score.cast_unsigned() ^ (1 << 31));
    (u64::from(descending) << 32) | u64::from(tie)
}

/// The hits of `parts` (each in scan order, the parts in order) in one list ranked by their
/// keys (see [`rank_key`]), equal keys in scan order.
///
/// Sorts the keys, each beside where its hit is, rather than the hits (which a sort would move
/// several times), with a stable radix sort: equal keys keep scan order, and the cost does not
/// grow with the number of distinct keys as a comparison sort's does. Then each hit moves
/// once into its place.
fn rank(parts: Vec<Part>) -> Vec<Hit> {
    let total: usize = parts.iter().map(|part| part.hits.len()).sum();
    let mut keys: Vec<(u64, u32, u32)> = Vec::with_capacity(total);
    for (p, part) in parts.iter().enumerate() {
        keys.extend((part.keys.iter().enumerate()).map(|(i, &key)| (key, p as u32, i as u32)));
    }
    radsort::sort_by_key(&mut keys, |&(key, _, _)| key);
    let mut hits: Vec<Vec<Hit>> = parts.into_iter().map(|part| part.hits).collect();
    let mut ranked = Vec::with_capacity(total);
    for (_, p, i) in keys {
        ranked.push(std::mem::take(&mut hits[p as usize][i as usize]));
    }
    ranked
}

/// An `f32` as an integer of the same total order (`f32::total_cmp`'s).
fn ordered_bits(value: f32) -> i32 {
    let bits = value.to_bits().cast_signed();
    bits ^ ((bits >> 31).cast_unsigned() >> 1).cast_signed()
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

    #[test]
    fn ordered_bits_orders_as_total_cmp() {
        let mut values = [
            1.5f32,
            -0.0,
            0.0,
            -2.25,
            f32::INFINITY,
            f32::NEG_INFINITY,
            1e-30,
            -1e-30,
            3.0,
            f32::MAX,
        ];
        let mut by_bits = values;
        values.sort_by(f32::total_cmp);
        by_bits.sort_by_key(|&v| ordered_bits(v));
        assert_eq!(values.map(f32::to_bits), by_bits.map(f32::to_bits));
    }

    #[test]
    fn rank_orders_by_score_then_tie_then_scan_order_moving_each_hit() {
        let hit = |member| Hit {
            member,
            score: 0,
            positions: vec![member],
        };
        // Members 0..4 in scan order; member 3 scores highest; of the rest, member 1 has the
        // shortest name, and 0 and 2 tie on everything, so scan order keeps 0 before 2.
        let parts = vec![
            Part {
                hits: vec![hit(0), hit(1)],
                keys: vec![rank_key(7, 5 << 20), rank_key(7, 4 << 20)],
            },
            Part {
                hits: vec![hit(2), hit(3)],
                keys: vec![rank_key(7, 5 << 20), rank_key(9, 6 << 20)],
            },
        ];
        let ranked = rank(parts);
        let order: Vec<usize> = ranked.iter().map(|h| h.member).collect();
        assert_eq!(order, [3, 1, 0, 2]);
        assert!(ranked.iter().all(|h| h.positions == [h.member]));
        // Negative scores rank below positive ones.
        assert!(rank_key(-1, 0) > rank_key(1, 0));
        assert!(rank_key(i32::MIN, 0) > rank_key(i32::MAX, u32::MAX));
    }

    /// A scan by name only: no shortlist, no profile text.
    fn name_scan<'a>(
        engine: &'a Engine,
        pattern: &'a Pattern,
        selection: &'a Selection,
        matcher: &'a Matcher,
    ) -> Scan<'a> {
        Scan {
            engine,
            pattern,
            selection,
            matcher,
            only: None,
            text_scores: None,
        }
    }

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
    fn the_unnarrowed_list_equals_what_a_scan_finds() {
        let engine = engine();
        let query = Query::default();
        let pattern = Pattern::parse("");
        let selection = engine.facets.selection(&query);
        let matcher = Matcher::default();
        let scan = name_scan(&engine, &pattern, &selection, &matcher);
        let (part, tally) = scan.run(0..engine.order.len());
        assert_eq!(part.hits.len(), 300);
        // Twice: the counts are made on the first call and kept.
        for _ in 0..2 {
            let results = engine.run(&query);
            assert_eq!(results.hits, part.hits);
            assert_eq!(results.facets, engine.facets.counts(&tally));
        }
    }

    #[test]
    fn parallel_scan_equals_the_sequential_one() {
        let engine = engine();
        for text in ["", "o", "s 1", "'ss", "!1", "^c | ^e"] {
            let query = Query::text(text).with(REGION, [Region::Africa, Region::AsiaPacific]);
            let pattern = Pattern::parse(text);
            let selection = engine.facets.selection(&query);
            let matcher = Matcher::default();
            let scan = name_scan(&engine, &pattern, &selection, &matcher);
            let (part, tally) = scan.run(0..300);
            let expected = engine.facets.counts(&tally);
            for threads in [2, 3, 7, 300, 400] {
                let (parts, par_tally) = scan.run_parallel(0..300, threads);
                let (hits, keys): (Vec<_>, Vec<_>) =
                    parts.into_iter().map(|p| (p.hits, p.keys)).unzip();
                assert_eq!(hits.concat(), part.hits, "{text:?} on {threads} threads");
                assert_eq!(keys.concat(), part.keys, "{text:?} on {threads} threads");
                assert_eq!(engine.facets.counts(&par_tally), expected);
            }
        }
    }
}
