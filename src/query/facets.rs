//! Facet selections and live counts for any list of facet kinds, computed in one pass over
//! the members that match the search text.
//!
//! Each kind's values are interned once, in [`FacetIndex::new`]: the values the members have
//! plus the kind's always-listed ones, sorted into display order and numbered. Each member's
//! values are stored in the cheapest shape that holds them ([`Store`]): one number when no
//! member has more than one value (region, country), a bit mask when the kind has at most 64
//! values (clusters), offsets into a flat list otherwise. A query's selections become bit
//! sets over the same numbers ([`Selection`]), so testing a member is an integer operation per
//! kind, with no string compares and no allocation.
//!
//! A count must say what choosing that value would give: the other kinds' selections and the
//! search applied, its own kind's selection not. So for each text-matching member the test
//! gives a pass mask, one bit per kind, and with `all` the mask of every kind:
//! - the member is a hit when `passes == all`;
//! - its values of kind `k` are counted when `passes | bit(k) == all`.
//!
//! So a member failing no kind counts in every kind, one failing exactly kind `k` counts in
//! `k` only, and one failing two kinds counts nowhere.
//!
//! The scan hands each such member to a [`Counter`], which queues it by what it counts in
//! and counts a block of members kind by kind: one tight loop per store shape, rather than a
//! match on every kind's shape for every member (the costliest part of a one-letter search
//! at 100k members).

use super::{FacetCounts, KindCounts, Query};
use crate::cache::codec::{Reader, Writer};
use crate::facet::{Absent, FacetKind, OwnedValue, Value};
use crate::model::Member;
use crate::model::{Cluster, Region};
use std::collections::HashMap;

/// From this many members on, kinds are interned on two threads.
pub const PARALLEL_KINDS_FROM: usize = 8192;

/// At most this many kinds: the pass mask is a `u64`.
pub const MAX_KINDS: usize = 64;

/// Sentinel of [`Store::Single`]: the member has no value of the kind.
const NONE: u32 = u32::MAX;

/// The interned values of every member, for one kind, by scan position.
#[derive(Debug, Clone)]
enum Store {
    /// At most one value per member ([`NONE`] for none).
    Single(Vec<u32>),
    /// A bit per value, for kinds with at most 64 values.
    Mask(Vec<u64>),
    /// Member `i`'s values are `ids[starts[i]..starts[i + 1]]`, without repeats.
    Multi { starts: Vec<u32>, ids: Vec<u32> },
}

/// One kind's listed values and each member's.
#[derive(Debug, Clone)]
struct Column {
    kind: FacetKind,
    /// The listed values, in display order; a member value is an index into this.
    values: Vec<OwnedValue>,
    store: Store,
    /// Where this kind's counts start in [`Tally::counts`].
    offset: usize,
}

/// Interned facet values of every member, for a list of kinds.
#[derive(Debug, Clone)]
pub struct FacetIndex {
    columns: Vec<Column>,
    /// Sum of every kind's value count: the length of a tally.
    slots: usize,
}

/// A query's selections, interned: per kind, `None` for "any", else a bit set over the
/// kind's value numbers (all zero when the selected values are ones no member has).
#[derive(Debug, Clone)]
pub struct Selection {
    chosen: Vec<Option<Vec<u64>>>,
    /// True when any kind has a selection (else every member passes every kind).
    any: bool,
    /// The pass mask of a member passing every kind.
    all: u64,
}

impl Selection {
    /// True when some kind has a selection.
    pub fn any(&self) -> bool {
        self.any
    }
}

/// Counts being gathered, by interned value of every kind, one flat vector.
#[derive(Debug, Clone)]
pub struct Tally {
    counts: Vec<usize>,
}

impl FacetIndex {
    /// Interns the values of `kinds` (at most [`MAX_KINDS`]; later ones are ignored) for
    /// `members`; later calls address members by their position in this sequence. From
    /// [`PARALLEL_KINDS_FROM`] members on, every other kind is interned on a second thread:
    /// the kinds are independent, and this is the largest serial step of building an engine.
    pub fn new<'a, I>(kinds: &[FacetKind], members: &I) -> Self
    where
        I: Iterator<Item = &'a Member> + Clone + Send + Sync,
    {
        let kinds = &kinds[..kinds.len().min(MAX_KINDS)];
        let count = members.size_hint().0;
        let build = |kinds: &mut dyn Iterator<Item = &FacetKind>| -> Vec<Column> {
            kinds
                .map(|&kind| Column::new(kind, members.clone(), 0))
                .collect()
        };
        let parallel = count >= PARALLEL_KINDS_FROM
            && kinds.len() > 1
            && std::thread::available_parallelism().is_ok_and(|n| n.get() > 1);
        let mut columns = if parallel {
            std::thread::scope(|scope| {
                let odd = scope.spawn(|| build(&mut kinds.iter().skip(1).step_by(2)));
                let even = build(&mut kinds.iter().step_by(2));
                let odd = odd
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
                // Back in kind order: even, odd, even, odd...
                let mut merged = Vec::with_capacity(kinds.len());
                let mut odd = odd.into_iter();
                for column in even {
                    merged.push(column);
                    merged.extend(odd.next());
                }
                merged
            })
        } else {
            build(&mut kinds.iter())
        };
        let mut slots = 0;
        for column in &mut columns {
            column.offset = slots;
            slots += column.values.len();
        }
        FacetIndex { columns, slots }
    }

    /// Writes the index to a snapshot of the engine ([`crate::cache`]).
    pub fn write<W: std::io::Write>(&self, w: &mut Writer<W>) -> std::io::Result<()> {
        w.len(self.columns.len())?;
        for column in &self.columns {
            w.str(column.kind.id)?;
            w.len(column.values.len())?;
            for value in &column.values {
                write_value(w, value)?;
            }
            match &column.store {
                Store::Single(ids) => {
                    w.u8(0)?;
                    w.u32s(ids)?;
                }
                Store::Mask(bits) => {
                    w.u8(1)?;
                    w.u64s(bits)?;
                }
                Store::Multi { starts, ids } => {
                    w.u8(2)?;
                    w.u32s(starts)?;
                    w.u32s(ids)?;
                }
            }
        }
        Ok(())
    }

    /// Reads an index of `kinds` for `count` members back; `None` unless it is one, every
    /// value number in range.
    pub fn read<R: std::io::Read>(
        r: &mut Reader<R>,
        kinds: &[FacetKind],
        count: usize,
    ) -> Option<Self> {
        let n = r.len(1)?;
        if n != kinds.len().min(MAX_KINDS) {
            return None;
        }
        let mut columns = Vec::with_capacity(n);
        let mut slots = 0;
        for kind in &kinds[..n] {
            if r.string()? != kind.id {
                return None;
            }
            let values = (0..r.len(1)?)
                .map(|_| read_value(r))
                .collect::<Option<Vec<_>>>()?;
            let in_range = |id: u32| (id as usize) < values.len();
            let store = match r.u8()? {
                0 => {
                    let ids = r.u32s()?;
                    let ok = ids.len() == count && ids.iter().all(|&i| i == NONE || in_range(i));
                    ok.then_some(Store::Single(ids))?
                }
                1 => {
                    let bits = r.u64s()?;
                    let unused = if values.len() >= 64 {
                        0
                    } else {
                        !0u64 << values.len()
                    };
                    let ok = values.len() <= 64
                        && bits.len() == count
                        && bits.iter().all(|b| b & unused == 0);
                    ok.then_some(Store::Mask(bits))?
                }
                2 => {
                    let starts = r.u32s()?;
                    let ids = r.u32s()?;
                    let ok = starts.len() == count + 1
                        && starts.first() == Some(&0)
                        && starts.windows(2).all(|w| w[0] <= w[1])
                        && starts.last().is_some_and(|&end| end as usize == ids.len())
                        && ids.iter().all(|&i| in_range(i));
                    ok.then_some(Store::Multi { starts, ids })?
                }
                _ => return None,
            };
            let offset = slots;
            slots += values.len();
            columns.push(Column {
                kind: *kind,
                values,
                store,
                offset,
            });
        }
        Some(FacetIndex { columns, slots })
    }

    /// The kinds, in order.
    pub fn kinds(&self) -> impl Iterator<Item = FacetKind> + '_ {
        self.columns.iter().map(|c| c.kind)
    }

    /// The listed values of `kind`, in display order (empty for a kind not indexed).
    pub fn values(&self, kind: &FacetKind) -> &[OwnedValue] {
        self.columns
            .iter()
            .find(|c| c.kind == *kind)
            .map_or(&[], |c| &c.values)
    }

    /// Each member's value number of `kind`, by position, when the kind has at most one
    /// value per member ([`u32::MAX`] for none); value numbers follow display order.
    pub fn single_values(&self, kind: &FacetKind) -> Option<&[u32]> {
        self.columns
            .iter()
            .find(|c| c.kind == *kind)
            .and_then(|c| match &c.store {
                Store::Single(ids) => Some(ids.as_slice()),
                _ => None,
            })
    }

    /// Interns a query's selections. A selected value that no member has matches nothing.
    pub fn selection(&self, query: &Query) -> Selection {
        let chosen: Vec<Option<Vec<u64>>> = self
            .columns
            .iter()
            .map(|column| {
                let selected = query.selected(&column.kind);
                (!selected.is_empty()).then(|| {
                    let mut bits = vec![0u64; column.values.len().div_ceil(64).max(1)];
                    for value in selected {
                        if let Ok(i) = column.values.binary_search(value) {
                            bits[i / 64] |= 1 << (i % 64);
                        }
                    }
                    bits
                })
            })
            .collect();
        Selection {
            any: chosen.iter().any(Option::is_some),
            chosen,
            all: mask_of(self.columns.len()),
        }
    }

    /// Which kinds the member at position `i` passes: bit `k` for the `k`th kind.
    #[inline]
    pub fn passes(&self, selection: &Selection, i: usize) -> u64 {
        if !selection.any {
            return selection.all;
        }
        let mut passes = 0;
        for (k, (column, chosen)) in self.columns.iter().zip(&selection.chosen).enumerate() {
            let ok = match chosen {
                None => true,
                Some(bits) => match &column.store {
                    Store::Single(ids) => {
                        let id = ids[i];
                        id != NONE && bits[id as usize / 64] & (1 << (id % 64)) != 0
                    }
                    Store::Mask(masks) => masks[i] & bits[0] != 0,
                    Store::Multi { starts, ids } => ids[starts[i] as usize..starts[i + 1] as usize]
                        .iter()
                        .any(|&id| bits[id as usize / 64] & (1 << (id % 64)) != 0),
                },
            };
            passes |= u64::from(ok) << k;
        }
        passes
    }

    /// An empty tally for this dataset.
    pub fn tally(&self) -> Tally {
        Tally {
            counts: vec![0; self.slots],
        }
    }

    /// A counter of the members a scan reports, for this selection.
    pub fn counter<'a>(&'a self, selection: &'a Selection) -> Counter<'a> {
        Counter {
            index: self,
            all: selection.all,
            tally: self.tally(),
            full: Vec::with_capacity(BLOCK),
            partial: vec![Vec::new(); self.columns.len()],
        }
    }

    /// A hit: every kind passes.
    #[inline]
    pub fn is_hit(selection: &Selection, passes: u64) -> bool {
        passes == selection.all
    }

    /// The counts of every kind, in kind order, each value in display order.
    pub fn counts(&self, tally: &Tally) -> FacetCounts {
        FacetCounts {
            kinds: self
                .columns
                .iter()
                .map(|column| KindCounts {
                    kind: column.kind,
                    values: column
                        .values
                        .iter()
                        .cloned()
                        .zip(tally.counts[column.offset..].iter().copied())
                        .collect(),
                })
                .collect(),
        }
    }
}

/// The mask with the low `n` bits set.
fn mask_of(n: usize) -> u64 {
    if n >= 64 { u64::MAX } else { (1 << n) - 1 }
}

impl Column {
    fn new<'a>(kind: FacetKind, members: impl Iterator<Item = &'a Member>, offset: usize) -> Self {
        // Intern by hashing first (one pass, no sort of every member's values), then sort
        // only the distinct values and renumber.
        let mut ids: HashMap<Value<'a>, u32, foldhash::fast::FixedState> = HashMap::default();
        let mut found: Vec<Value<'a>> = Vec::new();
        let count = members.size_hint().0;
        let mut starts: Vec<u32> = Vec::with_capacity(count + 1);
        starts.push(0);
        let mut raw: Vec<u32> = Vec::with_capacity(count);
        for member in members {
            (kind.read)(member, &mut |value| {
                let next = found.len() as u32;
                let id = *ids.entry(value).or_insert_with_key(|v| {
                    found.push(v.clone());
                    next
                });
                raw.push(id);
            });
            starts.push(raw.len() as u32);
        }
        let mut values: Vec<OwnedValue> = found.iter().cloned().map(Value::into_owned).collect();
        values.extend((kind.always)());
        values.sort_unstable();
        values.dedup();
        let renumber: Vec<u32> = found
            .into_iter()
            .map(|v| {
                values
                    .binary_search(&v.into_owned())
                    .map_or(NONE, |i| i as u32)
            })
            .collect();
        let members = starts.len() - 1;
        let of = |i: usize| raw[starts[i] as usize..starts[i + 1] as usize].iter();
        let single = starts.windows(2).all(|w| w[1] - w[0] <= 1);
        let store = if single {
            Store::Single(
                (0..members)
                    .map(|i| of(i).next().map_or(NONE, |&id| renumber[id as usize]))
                    .collect(),
            )
        } else if values.len() <= 64 {
            Store::Mask(
                (0..members)
                    .map(|i| of(i).fold(0, |m, &id| m | 1 << renumber[id as usize]))
                    .collect(),
            )
        } else {
            let mut flat_starts = vec![0u32];
            let mut flat = Vec::with_capacity(raw.len());
            for i in 0..members {
                let from = flat.len();
                flat.extend(of(i).map(|&id| renumber[id as usize]));
                flat[from..].sort_unstable();
                let mut kept = from;
                for j in from..flat.len() {
                    if j == from || flat[j] != flat[kept - 1] {
                        flat[kept] = flat[j];
                        kept += 1;
                    }
                }
                flat.truncate(kept);
                flat_starts.push(flat.len() as u32);
            }
            Store::Multi {
                starts: flat_starts,
                ids: flat,
            }
        };
        Column {
            kind,
            values,
            store,
            offset,
        }
    }

    /// Adds the values of the members at `positions` to this kind's counts: one loop per
    /// store shape, so the shape is matched once per block, not once per member.
    fn count_many(&self, tally: &mut Tally, positions: &[u32]) {
        let counts = &mut tally.counts[self.offset..self.offset + self.values.len()];
        match &self.store {
            Store::Single(ids) => {
                for &i in positions {
                    if let Some(n) = counts.get_mut(ids[i as usize] as usize) {
                        *n += 1;
                    }
                }
            }
            Store::Mask(masks) => {
                for &i in positions {
                    let mut mask = masks[i as usize];
                    while mask != 0 {
                        counts[mask.trailing_zeros() as usize] += 1;
                        mask &= mask - 1;
                    }
                }
            }
            Store::Multi { starts, ids } => {
                for &i in positions {
                    let i = i as usize;
                    for &id in &ids[starts[i] as usize..starts[i + 1] as usize] {
                        counts[id as usize] += 1;
                    }
                }
            }
        }
    }
}

/// How many reported members a [`Counter`] holds per list before it counts them.
const BLOCK: usize = 1024;

/// Gathers the counts of the members a scan reports. Members are not counted one at a time
/// (a match on every kind's store shape per member) but queued by what they count in, and
/// each full block is counted kind by kind in one tight loop per kind.
#[derive(Debug)]
pub struct Counter<'a> {
    index: &'a FacetIndex,
    all: u64,
    tally: Tally,
    /// Members passing every kind: counted in every kind.
    full: Vec<u32>,
    /// By kind `k`: members failing only kind `k`, counted in `k` only.
    partial: Vec<Vec<u32>>,
}

impl Counter<'_> {
    /// Adds the member at position `i`, which matches the search text and passes the kinds
    /// in `passes`, to the counts it contributes to.
    #[inline]
    pub fn add(&mut self, i: usize, passes: u64) {
        let missing = self.all & !passes;
        if missing == 0 {
            self.full.push(i as u32);
            if self.full.len() == BLOCK {
                self.count_full();
            }
        } else if missing.is_power_of_two() {
            let k = missing.trailing_zeros() as usize;
            self.partial[k].push(i as u32);
            if self.partial[k].len() == BLOCK {
                self.count_partial(k);
            }
        }
    }

    fn count_full(&mut self) {
        for column in &self.index.columns {
            column.count_many(&mut self.tally, &self.full);
        }
        self.full.clear();
    }

    fn count_partial(&mut self, k: usize) {
        self.index.columns[k].count_many(&mut self.tally, &self.partial[k]);
        self.partial[k].clear();
    }

    /// The counts of every member added.
    pub fn finish(mut self) -> Tally {
        self.count_full();
        for k in 0..self.partial.len() {
            self.count_partial(k);
        }
        self.tally
    }
}

impl Tally {
    /// Adds another tally (from a parallel chunk).
    pub fn merge(&mut self, other: &Tally) {
        for (a, b) in self.counts.iter_mut().zip(&other.counts) {
            *a += b;
        }
    }
}

fn write_value<W: std::io::Write>(w: &mut Writer<W>, value: &OwnedValue) -> std::io::Result<()> {
    let position = |found: Option<usize>| found.unwrap_or(0) as u8;
    match value {
        Value::Region(r) => {
            w.u8(0)?;
            w.u8(position(Region::ALL.iter().position(|x| x == r)))
        }
        Value::Cluster(c) => {
            w.u8(1)?;
            w.u8(position(Cluster::ALL.iter().position(|x| x == c)))
        }
        Value::Year(y) => {
            w.u8(2)?;
            w.u16(*y)
        }
        Value::Name(name) => {
            w.u8(3)?;
            w.str(name)
        }
        Value::Absent(Absent::ProfileText) => w.u8(4),
    }
}

fn read_value<R: std::io::Read>(r: &mut Reader<R>) -> Option<OwnedValue> {
    Some(match r.u8()? {
        0 => Value::Region(*Region::ALL.get(usize::from(r.u8()?))?),
        1 => Value::Cluster(*Cluster::ALL.get(usize::from(r.u8()?))?),
        2 => Value::Year(r.u16()?),
        3 => Value::Name(r.string()?.into()),
        4 => Value::Absent(Absent::ProfileText),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facet::KINDS;
    use crate::model::{Cluster, Region, load};

    #[test]
    fn kinds_interned_on_two_threads_equal_each_kind_interned_alone() {
        let count = PARALLEL_KINDS_FROM + 5;
        let members: Vec<String> = (0..count)
            .map(|i| {
                format!(
                    r#"{{"city": "c{i}", "country": "C{}", "region": "{}", "clusters": ["{}"], "joined": {}}}"#,
                    i % 97,
                    Region::ALL[i % 5].name(),
                    Cluster::ALL[i % 7].id(),
                    2000 + i % 13
                )
            })
            .collect();
        let json = format!(r#"{{"members": [{}]}}"#, members.join(","));
        let dataset = load::from_str(&json, "test.json").expect("valid");
        let all = FacetIndex::new(KINDS, &dataset.members.iter());
        assert_eq!(all.kinds().count(), KINDS.len());
        let mut tally = all.tally();
        let selection = all.selection(&Query::default());
        let mut counter = all.counter(&selection);
        for position in 0..count {
            counter.add(position, mask_of(KINDS.len()));
        }
        tally.merge(&counter.finish());
        let counts = all.counts(&tally);
        for (k, kind) in KINDS.iter().enumerate() {
            let alone = FacetIndex::new(std::slice::from_ref(kind), &dataset.members.iter());
            assert_eq!(all.values(kind), alone.values(kind), "{}", kind.id);
            assert_eq!(
                all.single_values(kind),
                alone.single_values(kind),
                "{}",
                kind.id
            );
            let selection = alone.selection(&Query::default());
            let mut counter = alone.counter(&selection);
            for position in 0..count {
                counter.add(position, 1);
            }
            let alone_counts = alone.counts(&counter.finish());
            assert_eq!(counts.kinds[k], alone_counts.kinds[0], "{}", kind.id);
            assert_eq!(counts.kinds[k].kind.id, kind.id);
        }
    }
}
