//! Combining datasets: a user who imported listing pages wants those profiles *with* the
//! membership directory, not instead of it.
//!
//! Members are matched by id. Ids are derived from the folded city and the canonical country
//! (`Member::derive_id`), so `Chișinău, Moldova` and `Chisinau, Republic of Moldova` are one
//! member. For a member in both datasets, every field the later dataset gives wins, and a field
//! it leaves out keeps the earlier value: a directory entry without text never erases a
//! profile. Where both give a value and the values differ, the change is reported as a
//! [`Conflict`] (member id, field, old and new value) rather than made silently.
//!
//! Some fields combine instead: `awards` and `sources` are unions (an award of the same year is
//! the later dataset's), and clusters stated by either dataset beat clusters inferred by the
//! loader; when neither states them they are inferred again from the merged text.

use super::{ClusterBasis, Dataset, Member, SCHEMA_VERSION, clusters};
use serde::Serialize;
use std::collections::HashMap;
use std::fmt;

/// One field that two datasets give differently, and the value that was kept (`new`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    /// The member's id.
    pub member: String,
    /// The field's public name.
    pub field: &'static str,
    /// The earlier dataset's value, as JSON.
    pub old: String,
    /// The later dataset's value, as JSON: the one kept.
    pub new: String,
}

impl fmt::Display for Conflict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "member `{}`, field `{}`: {} replaced by {}",
            crate::text::sanitize_line(&self.member),
            self.field,
            crate::text::sanitize_line(&abbreviate(&self.old)),
            crate::text::sanitize_line(&abbreviate(&self.new)),
        )
    }
}

/// What a merge did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MergeReport {
    /// Members of the later dataset that the earlier one did not have.
    pub added: usize,
    /// Members found in both and merged.
    pub merged: usize,
    /// Fields the later dataset changed, in member order.
    pub conflicts: Vec<Conflict>,
}

/// Merges `later` into `earlier` (see the module docs). Members keep the earlier dataset's
/// order; members new in `later` follow in its order.
pub fn merge(earlier: Dataset, later: Dataset) -> (Dataset, MergeReport) {
    let mut report = MergeReport::default();
    let mut members = earlier.members;
    let mut index: HashMap<String, usize> = members
        .iter()
        .enumerate()
        .map(|(i, m)| (m.id.clone(), i))
        .collect();
    for member in later.members {
        if let Some(&i) = index.get(&member.id) {
            report.merged += 1;
            merge_member(&mut members[i], member, &mut report.conflicts);
        } else {
            report.added += 1;
            index.insert(member.id.clone(), members.len());
            members.push(member);
        }
    }
    let source = match (earlier.source.trim(), later.source.trim()) {
        (a, "") => a.to_string(),
        ("", b) => b.to_string(),
        (a, b) if a == b => a.to_string(),
        (a, b) => format!("{a}; {b}"),
    };
    let dataset = Dataset {
        schema_version: SCHEMA_VERSION,
        source,
        announced: later.announced.or(earlier.announced),
        members,
    };
    (dataset, report)
}

/// Merges datasets in order, each later one into the result so far; `None` for no datasets.
pub fn merge_all(datasets: impl IntoIterator<Item = Dataset>) -> Option<(Dataset, MergeReport)> {
    let mut datasets = datasets.into_iter();
    let first = datasets.next()?;
    let mut report = MergeReport::default();
    let merged = datasets.fold(first, |acc, next| {
        let (merged, step) = merge(acc, next);
        report.added += step.added;
        report.merged += step.merged;
        report.conflicts.extend(step.conflicts);
        merged
    });
    Some((merged, report))
}

/// Records a conflict when both values are present and differ.
struct Fields<'a> {
    member: &'a str,
    conflicts: &'a mut Vec<Conflict>,
}

impl Fields<'_> {
    fn conflict<T: Serialize>(&mut self, field: &'static str, old: &T, new: &T) {
        self.conflicts.push(Conflict {
            member: self.member.to_string(),
            field,
            old: json(old),
            new: json(new),
        });
    }

    /// A required field: the later value wins.
    fn set<T: PartialEq + Serialize>(&mut self, field: &'static str, old: &mut T, new: T) {
        if *old != new {
            self.conflict(field, old, &new);
            *old = new;
        }
    }

    /// An optional field: the later value wins when there is one.
    fn take<T: PartialEq + Serialize>(
        &mut self,
        field: &'static str,
        old: &mut Option<T>,
        new: Option<T>,
    ) {
        let Some(new) = new else { return };
        match old {
            Some(value) if *value != new => {
                self.conflict(field, value, &new);
                *value = new;
            }
            Some(_) => {}
            None => *old = Some(new),
        }
    }
}

fn merge_member(old: &mut Member, new: Member, conflicts: &mut Vec<Conflict>) {
    let id = old.id.clone();
    let mut fields = Fields {
        member: &id,
        conflicts,
    };
    fields.set("city", &mut old.city, new.city);
    fields.set("country", &mut old.country, new.country);
    fields.set("region", &mut old.region, new.region);
    // A year and what it means go together: a later year brings its own basis.
    if new.joined.is_some() {
        fields.take("joined", &mut old.joined, new.joined);
        if old.joined_basis.is_some() && new.joined_basis.is_some() {
            fields.take("joined_basis", &mut old.joined_basis, new.joined_basis);
        } else {
            old.joined_basis = new.joined_basis.or(old.joined_basis);
        }
    }
    fields.take("tagline", &mut old.tagline, new.tagline);
    fields.take("summary", &mut old.summary, new.summary);
    fields.take("vision", &mut old.vision, new.vision);
    fields.take("challenges", &mut old.challenges, new.challenges);
    fields.take("plan", &mut old.plan, new.plan);
    if new.coordinates.is_some() {
        fields.take("coordinates", &mut old.coordinates, new.coordinates);
        old.coordinates_of = new.coordinates_of;
    }
    fields.take("source", &mut old.source, new.source);
    for award in new.awards {
        match old.awards.iter_mut().find(|a| a.year == award.year) {
            Some(same_year) => *same_year = award,
            None => old.awards.push(award),
        }
    }
    old.awards.sort_by_key(|a| a.year);
    for source in new.sources {
        if !old.sources.contains(&source) {
            old.sources.push(source);
        }
    }
    match (old.cluster_basis, new.cluster_basis) {
        (_, ClusterBasis::Stated) => {
            if old.cluster_basis == ClusterBasis::Stated {
                fields.set("clusters", &mut old.clusters, new.clusters);
            } else {
                old.clusters = new.clusters;
                old.cluster_basis = ClusterBasis::Stated;
            }
        }
        (ClusterBasis::Stated, ClusterBasis::Inferred) => {}
        (ClusterBasis::Inferred, ClusterBasis::Inferred) => {
            old.clusters = clusters::infer_for(old);
        }
    }
}

fn json<T: Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

/// At most 60 characters of a value, for a one-line message.
fn abbreviate(s: &str) -> String {
    if s.chars().count() <= 60 {
        s.to_string()
    } else {
        let cut: String = s.chars().take(57).collect();
        format!("{cut}...")
    }
}
