//! The numbers behind the stats screen and `gnlc stats`: members of a result set by every facet
//! kind, by year with "joined" apart from "member by", and the cumulative growth over the years.
//!
//! One pure function of the engine's results ([`Charts::of`]), so the explorer's charts and
//! `gnlc stats` print the same numbers by construction. The charts describe the *filtered list*
//! itself, so they count the hits: for a kind with no selection that is exactly the engine's
//! live count of the kind (a test checks it); for a kind with a selection, the engine's counts
//! are "how many would a click add" while the chart shows what the list holds. The values
//! listed, and their order, are the engine's.

use crate::facet::{FacetKind, OwnedValue, Value};
use crate::model::{ClusterBasis, JoinedBasis, Member};
use crate::query::{Engine, Results};

/// One kind's bars: every value the engine lists for it, with the hits that have it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KindBars {
    pub kind: FacetKind,
    pub values: Vec<(OwnedValue, usize)>,
}

/// One year's members, split by what the source says of the year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct YearBar {
    pub year: u16,
    /// Members the source says joined that year (a year without a stated basis counts here,
    /// as the profile shows it).
    pub joined: usize,
    /// Members only known to be members by that year (they may have joined earlier).
    pub member_by: usize,
}

impl YearBar {
    pub fn total(&self) -> usize {
        self.joined + self.member_by
    }
}

/// Everything the stats screen draws, for one result set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Charts {
    /// Members in the result set (the hits).
    pub members: usize,
    /// Members in the dataset.
    pub total: usize,
    /// The hits' counts for each kind of the engine, in pane order.
    pub by_kind: Vec<KindBars>,
    /// Hits whose clusters were inferred from profile text rather than stated (an inference
    /// may find none).
    pub clusters_inferred_for: usize,
    /// Hits the data gives no year for (in no year bar and not in the growth).
    pub year_unknown_for: usize,
    /// Every year from the first to the last a hit has, oldest first (years without members
    /// included at zero, so the axis is even).
    pub by_year: Vec<YearBar>,
}

impl Charts {
    /// The charts of `results`, a run of `engine`.
    pub fn of(engine: &Engine, results: &Results) -> Charts {
        let hits: Vec<&Member> = results
            .hits
            .iter()
            .map(|h| engine.member(h.member))
            .collect();
        let by_kind = results
            .facets
            .kinds
            .iter()
            .map(|counts| KindBars {
                kind: counts.kind,
                values: count_hits(counts.kind, &counts.values, &hits),
            })
            .collect();
        let years = hits.iter().filter_map(|m| m.joined);
        let by_year = match (years.clone().min(), years.max()) {
            (Some(first), Some(last)) => (first..=last)
                .map(|year| {
                    let (mut joined, mut member_by) = (0, 0);
                    for m in hits.iter().filter(|m| m.joined == Some(year)) {
                        if m.joined_basis == Some(JoinedBasis::MemberBy) {
                            member_by += 1;
                        } else {
                            joined += 1;
                        }
                    }
                    YearBar {
                        year,
                        joined,
                        member_by,
                    }
                })
                .collect(),
            _ => Vec::new(),
        };
        Charts {
            members: hits.len(),
            total: engine.dataset().members.len(),
            by_kind,
            clusters_inferred_for: hits
                .iter()
                .filter(|m| m.cluster_basis == ClusterBasis::Inferred && m.has_profile_text())
                .count(),
            year_unknown_for: hits.iter().filter(|m| m.joined.is_none()).count(),
            by_year,
        }
    }

    /// The bars of `kind` (empty for a kind the engine does not index).
    pub fn of_kind(&self, kind: &FacetKind) -> &[(OwnedValue, usize)] {
        self.by_kind
            .iter()
            .find(|k| k.kind == *kind)
            .map_or(&[], |k| &k.values)
    }

    /// The cumulative growth: for each year of [`Charts::by_year`], how many of the hits were
    /// members by the end of it (joined that year or before, or known members by then).
    pub fn growth(&self) -> Vec<(u16, usize)> {
        let mut sum = 0;
        self.by_year
            .iter()
            .map(|y| {
                sum += y.total();
                (y.year, sum)
            })
            .collect()
    }

    /// The `n` values of `kind` with most members (ties in the engine's order), leaving out
    /// values without members, and how many values and members the rest hold.
    pub fn top(&self, kind: &FacetKind, n: usize) -> Top<'_> {
        let mut shown: Vec<&(OwnedValue, usize)> =
            self.of_kind(kind).iter().filter(|(_, c)| *c > 0).collect();
        // Stable: equal counts keep the engine's (alphabetical) order.
        shown.sort_by_key(|(_, c)| std::cmp::Reverse(*c));
        let rest = shown.split_off(n.min(shown.len()));
        Top {
            rest_values: rest.len(),
            rest_members: rest.iter().map(|(_, c)| c).sum(),
            shown,
        }
    }
}

/// The biggest values of a kind, and what the rest hold.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Top<'a> {
    pub shown: Vec<&'a (OwnedValue, usize)>,
    pub rest_values: usize,
    pub rest_members: usize,
}

/// For each of `listed` (sorted in the kind's display order, which is `Value`'s `Ord`), the
/// hits that have it.
fn count_hits(
    kind: FacetKind,
    listed: &[(OwnedValue, usize)],
    hits: &[&Member],
) -> Vec<(OwnedValue, usize)> {
    let mut counts = vec![0; listed.len()];
    for member in hits {
        (kind.read)(member, &mut |value: Value<'_>| {
            if let Ok(i) = listed.binary_search_by(|(v, _)| v.cmp(&value)) {
                counts[i] += 1;
            }
        });
    }
    listed
        .iter()
        .zip(counts)
        .map(|((value, _), n)| (value.clone(), n))
        .collect()
}
