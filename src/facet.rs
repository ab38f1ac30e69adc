//! Facets as data: the kinds of value a member can be filtered by, declared once.
//!
//! [`KINDS`] is the one list of facet kinds. The query engine interns and counts every kind in
//! it (`query::facets`), the explorer draws one pane per kind in its order (`app`, `ui`), the
//! command line gets one repeatable `--ID` filter per kind (`cli::args`), and `gnlc stats`
//! prints one "by" group per kind from the engine's own counts (`cli::stats`). Nothing else
//! names a kind, so a kind is added in one place.
//!
//! A kind is a [`FacetKind`]: an id, its titles, how to read its [`Value`]s from a member
//! (none, one or several), which values are listed even when no member has them, and how the
//! command line reads a value. Values of one kind are shown in the order of [`Value`]'s `Ord`:
//! regions and clusters in their fixed order, names alphabetically, years numerically.
//!
//! # Adding a facet kind
//! 1. In this file, write a `pub const NAME: FacetKind = FacetKind { .. }` beside [`REGION`]:
//!    `id` (the command-line flag `--id` and the `by_id` key of `gnlc stats --format json`),
//!    `title` (the pane title), `stats_heading`, `read` (call `emit` once per value of the
//!    member; emit nothing when the member has none: it is then in no value, and only a
//!    selection in this kind hides it), `always` (values listed even at zero, often none) and
//!    `cli` (the flag's help and a `parse` that turns one argument into values, with an error
//!    message for bad input). If the values are of a new sort, add a [`Value`] variant whose
//!    `Ord` is the display order and give it a `label` and a `key`.
//! 2. Add the constant to [`KINDS`] where its pane should stand (panes follow this order).
//! 3. Name the pane in the key table's plain-text help (`app::keymap`: the Tab row and the
//!    facet panes' group heading), and paste README's key tables from what the `readme` test
//!    prints. Snapshots in `tests/snapshots/` that show the facet column change (a new pane).
//!
//! [`JOINED`] was added this way: the constant, its place in [`KINDS`], and the key table's
//! words.
//!
//! Everything else (selection, live disjunctive counts, the pane, `--id`, stats) follows.

use crate::model::{Cluster, Member, Region, countries, normalize_name};
use std::borrow::Cow;
use std::fmt;

/// One value of a facet kind. Within a kind the values are of one variant, so the derived
/// `Ord` is the display order: `Region` and `Cluster` in declaration order (regions
/// alphabetical, clusters as `Cluster::ALL`), names by bytes (alphabetical), years by number.
/// A kind may add [`Absent`] stand-ins, declared last so they are listed after its values.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Value<'a> {
    Region(Region),
    Cluster(Cluster),
    Year(u16),
    /// A free name, such as a canonical country name.
    Name(Cow<'a, str>),
    /// A selectable stand-in for members that cannot have a value of the kind, so they are
    /// counted as what they are rather than as having "none" (listed last, dimmed).
    Absent(Absent),
}

/// Why a member has no value of a kind, as a facet value of its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Absent {
    /// The member has no profile text (no tagline, summary or section), so it has no clusters
    /// to speak of: it is known only from the membership directory.
    ProfileText,
}

impl Absent {
    /// How the stand-in is shown in a pane.
    pub fn label(self) -> &'static str {
        match self {
            Absent::ProfileText => "no profile text",
        }
    }

    /// Its name on the command line and in `gnlc stats --format json`.
    pub fn key(self) -> &'static str {
        match self {
            Absent::ProfileText => "no-profile-text",
        }
    }

    /// Reads a command-line argument: the key or the label, case-insensitively.
    fn parse(arg: &str) -> Option<Absent> {
        let arg = normalize_name(&arg.replace('-', " "));
        [Absent::ProfileText]
            .into_iter()
            .find(|a| arg == normalize_name(a.label()))
    }
}

/// A value that owns its text, as queries and counts hold them.
pub type OwnedValue = Value<'static>;

impl Value<'_> {
    /// A name value that owns its text.
    pub fn name(name: impl Into<String>) -> OwnedValue {
        Value::Name(Cow::Owned(name.into()))
    }

    /// How the value is shown in a pane.
    pub fn label(&self) -> Cow<'_, str> {
        match self {
            Value::Region(r) => Cow::Borrowed(r.name()),
            Value::Cluster(c) => Cow::Borrowed(c.short_name()),
            Value::Year(y) => Cow::Owned(y.to_string()),
            Value::Name(n) => Cow::Borrowed(n),
            Value::Absent(a) => Cow::Borrowed(a.label()),
        }
    }

    /// True for a stand-in ([`Value::Absent`]) rather than a value of the kind.
    pub fn is_absent(&self) -> bool {
        matches!(self, Value::Absent(_))
    }

    /// The stable name of the value in data and on the command line: a region's UNESCO name,
    /// a cluster's id, a year's digits, a name as is.
    pub fn key(&self) -> Cow<'_, str> {
        match self {
            Value::Cluster(c) => Cow::Borrowed(c.id()),
            Value::Absent(a) => Cow::Borrowed(a.key()),
            other => other.label(),
        }
    }

    /// The same value owning its text.
    pub fn into_owned(self) -> OwnedValue {
        match self {
            Value::Region(r) => Value::Region(r),
            Value::Cluster(c) => Value::Cluster(c),
            Value::Year(y) => Value::Year(y),
            Value::Name(n) => Value::Name(Cow::Owned(n.into_owned())),
            Value::Absent(a) => Value::Absent(a),
        }
    }
}

impl fmt::Display for Value<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.label())
    }
}

impl From<Region> for OwnedValue {
    fn from(r: Region) -> Self {
        Value::Region(r)
    }
}

impl From<String> for OwnedValue {
    fn from(name: String) -> Self {
        Value::Name(Cow::Owned(name))
    }
}

impl From<&str> for OwnedValue {
    fn from(name: &str) -> Self {
        Value::name(name)
    }
}

impl From<u16> for OwnedValue {
    fn from(year: u16) -> Self {
        Value::Year(year)
    }
}

impl From<Cluster> for OwnedValue {
    fn from(c: Cluster) -> Self {
        Value::Cluster(c)
    }
}

/// Reads a member's values of one kind: calls `emit` once per value.
pub type Read = for<'m> fn(&'m Member, &mut dyn FnMut(Value<'m>));

/// Reads one command-line argument into values. `present` is every value of the kind that
/// the dataset has, in display order. The error is the whole message for the user.
pub type Parse = fn(arg: &str, present: &[OwnedValue]) -> Result<Vec<OwnedValue>, String>;

/// How the command line filters by a kind: `--ID VALUE`, repeatable.
#[derive(Clone, Copy)]
pub struct CliFilter {
    /// The placeholder in `--help`, e.g. `R`.
    pub value_name: &'static str,
    /// The flag's help line.
    pub help: &'static str,
    pub parse: Parse,
}

/// A kind of facet. Two kinds are the same when their ids are.
#[derive(Clone, Copy)]
pub struct FacetKind {
    /// Lower case, one word: the command-line flag and the stats key (`by_ID`).
    pub id: &'static str,
    /// The pane's title.
    pub title: &'static str,
    /// The heading of the kind's group in `gnlc stats`.
    pub stats_heading: &'static str,
    pub read: Read,
    /// Values listed even when no member has them (all regions, all clusters).
    pub always: fn() -> Vec<OwnedValue>,
    pub cli: CliFilter,
}

impl PartialEq for FacetKind {
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id
    }
}

impl Eq for FacetKind {}

impl std::hash::Hash for FacetKind {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.id.hash(state);
    }
}

impl fmt::Debug for FacetKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "FacetKind({})", self.id)
    }
}

/// Every facet kind, in pane order.
pub const KINDS: &[FacetKind] = &[REGION, COUNTRY, CLUSTER, JOINED];

/// The member's UNESCO region: one per member; all five are always listed.
pub const REGION: FacetKind = FacetKind {
    id: "region",
    title: "Regions",
    stats_heading: "By region",
    read: |m, emit| emit(Value::Region(m.region)),
    always: || Region::ALL.map(Value::Region).to_vec(),
    cli: CliFilter {
        value_name: "R",
        help: "Only this UNESCO region (repeatable), e.g. \"Arab States\". Case-insensitive.",
        parse: |arg, _| {
            Region::parse(arg)
                .map(|r| vec![Value::Region(r)])
                .ok_or_else(|| unknown("region", arg, Region::ALL.iter().map(|r| r.name().into())))
        },
    },
};

/// The member's canonical country: one per member; the dataset's countries are listed.
pub const COUNTRY: FacetKind = FacetKind {
    id: "country",
    title: "Countries",
    stats_heading: "By country",
    read: |m, emit| emit(Value::Name(Cow::Borrowed(&m.country))),
    always: Vec::new,
    cli: CliFilter {
        value_name: "C",
        help: "Only this country (repeatable), e.g. \"Republic of Korea\". Case-insensitive.",
        parse: parse_country,
    },
};

/// The member's thematic clusters: several per member; all seven are always listed. A member
/// without profile text has none to infer and is in the stand-in value
/// [`Absent::ProfileText`] ("no profile text", listed last when any member is), never counted
/// as a member "in no cluster".
pub const CLUSTER: FacetKind = FacetKind {
    id: "cluster",
    title: "Clusters",
    stats_heading: "By cluster",
    read: |m, emit| {
        for c in &m.clusters {
            emit(Value::Cluster(*c));
        }
        if m.clusters.is_empty() && !m.has_profile_text() {
            emit(Value::Absent(Absent::ProfileText));
        }
    },
    always: || Cluster::ALL.map(Value::Cluster).to_vec(),
    cli: CliFilter {
        value_name: "K",
        help: "Only this thematic cluster (repeatable): an id such as `literacy` or a name; \
               `no-profile-text` for members the data has no profile text for.",
        parse: |arg, _| {
            Cluster::parse(arg)
                .map(Value::Cluster)
                .or_else(|| Absent::parse(arg).map(Value::Absent))
                .map(|v| vec![v])
                .ok_or_else(|| {
                    unknown(
                        "cluster",
                        arg,
                        Cluster::ALL
                            .iter()
                            .map(|c| format!("{} ({})", c.id(), c.name()))
                            .chain([Absent::ProfileText.key().to_string()]),
                    )
                })
        },
    },
};

/// The year the member joined the network, or where the source shows no more, a year it was a
/// member by (`JoinedBasis::MemberBy`: the explorer marks such years and `show` says "member
/// by YEAR"): none when the data gives no year (such a member is
/// in no value and is hidden only by a selection of years); the dataset's years are listed,
/// oldest first.
pub const JOINED: FacetKind = FacetKind {
    id: "joined",
    title: "Joined",
    stats_heading: "By year joined",
    read: |m, emit| {
        if let Some(year) = m.joined {
            emit(Value::Year(year));
        }
    },
    always: Vec::new,
    cli: CliFilter {
        value_name: "YEAR",
        help: "Only members that joined in this year, or in FROM..TO (inclusive; repeatable), \
               e.g. 2019 or 2019..2020. Where a source shows only that a city was a member by \
               a year, that year counts (shown as \"member by YEAR\").",
        parse: parse_joined,
    },
};

/// `YEAR` or `FROM..TO` (inclusive). A range selects the dataset's years inside it; when the
/// dataset has none, its two ends, so the pane still shows the filter that empties the list.
fn parse_joined(arg: &str, present: &[OwnedValue]) -> Result<Vec<OwnedValue>, String> {
    let shown = crate::text::sanitize_line(arg);
    let year = |s: &str| -> Result<u16, String> {
        let s = s.trim();
        s.parse::<u16>()
            .ok()
            .filter(|_| s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit()))
            .ok_or_else(|| {
                format!(
                    "bad --joined `{shown}`: `{}` is not a four-digit year; write YEAR or \
                     FROM..TO, e.g. 2019 or 2019..2020",
                    crate::text::sanitize_line(s)
                )
            })
    };
    let Some((from, to)) = arg.split_once("..") else {
        return Ok(vec![Value::Year(year(arg)?)]);
    };
    let (from, to) = (year(from)?, year(to)?);
    if from > to {
        return Err(format!(
            "bad --joined `{shown}`: the range runs backwards ({from} is after {to}); write \
             {to}..{from}"
        ));
    }
    let inside: Vec<OwnedValue> = present
        .iter()
        .filter(|v| matches!(v, Value::Year(y) if (from..=to).contains(y)))
        .cloned()
        .collect();
    Ok(if inside.is_empty() {
        let mut ends = vec![Value::Year(from), Value::Year(to)];
        ends.dedup();
        ends
    } else {
        inside
    })
}

/// A country of the dataset, or any UNESCO member state (which may simply have no members
/// here: an empty answer, not an error), by name or alias, case and accents optional.
fn parse_country(arg: &str, present: &[OwnedValue]) -> Result<Vec<OwnedValue>, String> {
    let key = normalize_name(arg);
    let canonical = countries::lookup(arg).map(|(c, _)| c);
    present
        .iter()
        .find(|v| match v {
            Value::Name(name) => Some(name.as_ref()) == canonical || normalize_name(name) == key,
            _ => false,
        })
        .cloned()
        .or_else(|| canonical.map(Value::name))
        .map(|v| vec![v])
        .ok_or_else(|| unknown("country", arg, present.iter().map(|v| v.key().into_owned())))
}

/// The message for a value that matches nothing, listing the valid ones.
pub fn unknown(kind: &str, value: &str, valid: impl Iterator<Item = String>) -> String {
    let valid: Vec<String> = valid.collect();
    let listed = if valid.is_empty() {
        "none: the dataset has no members".to_string()
    } else {
        valid.join(", ")
    };
    format!(
        "unknown {kind} `{}`; valid values: {listed}",
        crate::text::sanitize_line(value)
    )
}
