//! The member data model: what a learning city is to this program, and the public dataset
//! format (`gnlc list --format json` prints members with exactly these field names).
//!
//! A dataset file is deserialised into the loose records of [`schema`] (the one definition of
//! the file format), then resolved and validated by [`load`] into these strict types: every [`Member`] has an id, a UNESCO region, at least
//! the clusters that were stated or inferred, and says which of the two it was.

pub mod clusters;
pub mod countries;
pub mod coverage;
pub mod load;
mod locate;
pub mod merge;
pub mod read;
pub mod schema;
mod stream;
pub(crate) mod wording;

pub use schema::{DatasetRecord, MemberRecord};

use serde::{Deserialize, Serialize};
use std::fmt;

/// UNESCO's five regions. They group member states politically, not by continent: Morocco is
/// in the Arab States, Türkiye in Europe and North America (see `countries`).
///
/// The variants are declared in alphabetical order of their names, so `Ord` sorts them as
/// they are listed on screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Region {
    Africa,
    ArabStates,
    AsiaPacific,
    EuropeNorthAmerica,
    LatinAmericaCaribbean,
}

impl Region {
    pub const ALL: [Region; 5] = [
        Region::Africa,
        Region::ArabStates,
        Region::AsiaPacific,
        Region::EuropeNorthAmerica,
        Region::LatinAmericaCaribbean,
    ];

    /// The name UNESCO uses, which is also the name in the dataset format.
    pub fn name(self) -> &'static str {
        match self {
            Region::Africa => "Africa",
            Region::ArabStates => "Arab States",
            Region::AsiaPacific => "Asia and the Pacific",
            Region::EuropeNorthAmerica => "Europe and North America",
            Region::LatinAmericaCaribbean => "Latin America and the Caribbean",
        }
    }

    /// Reads a region name case-insensitively, also accepting `&` for "and" and a missing
    /// "the" ("Asia & Pacific", "latin america and caribbean").
    pub fn parse(s: &str) -> Option<Region> {
        let key = normalize_name(s);
        Region::ALL.into_iter().find(|r| {
            let name = normalize_name(r.name());
            key == name || key == name.replace(" the ", " ")
        })
    }
}

impl fmt::Display for Region {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl Serialize for Region {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.name())
    }
}

/// The network's seven thematic clusters (GNLC strategy 2019–2021).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Cluster {
    SustainableDevelopment,
    EquityInclusion,
    PlanningMonitoringEvaluation,
    GlobalCitizenship,
    Entrepreneurship,
    HealthWellbeing,
    Literacy,
}

impl Cluster {
    pub const ALL: [Cluster; 7] = [
        Cluster::SustainableDevelopment,
        Cluster::EquityInclusion,
        Cluster::PlanningMonitoringEvaluation,
        Cluster::GlobalCitizenship,
        Cluster::Entrepreneurship,
        Cluster::HealthWellbeing,
        Cluster::Literacy,
    ];

    /// The stable identifier used in dataset files and on the command line.
    pub fn id(self) -> &'static str {
        match self {
            Cluster::SustainableDevelopment => "sustainable-development",
            Cluster::EquityInclusion => "equity-inclusion",
            Cluster::PlanningMonitoringEvaluation => "planning-monitoring-evaluation",
            Cluster::GlobalCitizenship => "global-citizenship",
            Cluster::Entrepreneurship => "entrepreneurship",
            Cluster::HealthWellbeing => "health-wellbeing",
            Cluster::Literacy => "literacy",
        }
    }

    /// The display name, as the calls for membership word it.
    pub fn name(self) -> &'static str {
        match self {
            Cluster::SustainableDevelopment => "Education for sustainable development",
            Cluster::EquityInclusion => "Equity and inclusion",
            Cluster::PlanningMonitoringEvaluation => {
                "Educational planning, monitoring and evaluation"
            }
            Cluster::GlobalCitizenship => "Education for global citizenship",
            Cluster::Entrepreneurship => "Entrepreneurship",
            Cluster::HealthWellbeing => "Health and well-being",
            Cluster::Literacy => "Literacy",
        }
    }

    /// A short name for narrow panes.
    pub fn short_name(self) -> &'static str {
        match self {
            Cluster::SustainableDevelopment => "Sustainable development",
            Cluster::EquityInclusion => "Equity and inclusion",
            Cluster::PlanningMonitoringEvaluation => "Planning and evaluation",
            Cluster::GlobalCitizenship => "Global citizenship",
            Cluster::Entrepreneurship => "Entrepreneurship",
            Cluster::HealthWellbeing => "Health and well-being",
            Cluster::Literacy => "Literacy",
        }
    }

    /// Reads a cluster by id, display name or short name, case-insensitively.
    pub fn parse(s: &str) -> Option<Cluster> {
        let key = normalize_name(&s.replace('-', " "));
        Cluster::ALL.into_iter().find(|c| {
            key == normalize_name(&c.id().replace('-', " "))
                || key == normalize_name(c.name())
                || key == normalize_name(c.short_name())
        })
    }
}

impl fmt::Display for Cluster {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl Serialize for Cluster {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.id())
    }
}

/// Whether a member's clusters come from the dataset or were inferred from its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ClusterBasis {
    /// The dataset said so.
    Stated,
    /// `clusters::infer_for` matched keywords of the lexicon in the profile text.
    Inferred,
}

/// One UNESCO Learning City Award.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Award {
    pub year: u16,
    /// Where the fact comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
}

/// What a member's `joined` year says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum JoinedBasis {
    /// The source says the city joined (or was admitted) that year.
    Joined,
    /// The source only shows the city was a member by then (an award list, a later article):
    /// it may have joined earlier. Shown as "member by YEAR", never as "joined YEAR".
    MemberBy,
}

/// Which place a member's coordinates are the point of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CoordinatesOf {
    /// The member city itself.
    City,
    /// The city a district member belongs to (`Gangdong-gu (Seoul)` is placed at Seoul).
    Parent,
}

/// What the network announced about its own size, kept as data so the explorer can say how
/// much of it a dataset covers ("349 of the 425 members announced by December 2025").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Announced {
    /// Member cities announced.
    pub members: u32,
    /// Countries they are in.
    pub countries: u32,
    /// When, in words ("December 2025").
    pub as_of: String,
}

/// Latitude and longitude in degrees.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Coordinates {
    pub lat: f64,
    pub lon: f64,
}

/// Read only from an object with `lat` and `lon`. serde would also take a list of two numbers
/// for the two fields in order, and `GeoJSON`'s `[lon, lat]` would then load swapped, without a
/// word.
impl<'de> Deserialize<'de> for Coordinates {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Fields {
            lat: f64,
            lon: f64,
        }
        struct ObjectOnly;
        impl<'de> serde::de::Visitor<'de> for ObjectOnly {
            type Value = Coordinates;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an object with `lat` and `lon`")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                map: A,
            ) -> Result<Coordinates, A::Error> {
                let Fields { lat, lon } =
                    Fields::deserialize(serde::de::value::MapAccessDeserializer::new(map))?;
                Ok(Coordinates { lat, lon })
            }
        }
        deserializer.deserialize_map(ObjectOnly)
    }
}

/// The three sections of a learning-city profile, in the order UNESCO gives them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Section {
    Vision,
    Challenges,
    Plan,
}

impl Section {
    pub const ALL: [Section; 3] = [Section::Vision, Section::Challenges, Section::Plan];

    /// The heading shown above the section.
    pub fn heading(self) -> &'static str {
        match self {
            Section::Vision => "Vision and motivation",
            Section::Challenges => "Challenges and goals",
            Section::Plan => "Plan and implementation",
        }
    }
}

/// A member city of the network, resolved and validated.
///
/// Text fields are plain text; a line that starts with `- ` is a list item.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Member {
    pub id: String,
    pub city: String,
    pub country: String,
    pub region: Region,
    pub clusters: Vec<Cluster>,
    pub cluster_basis: ClusterBasis,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub joined: Option<u16>,
    /// What `joined` says; absent when the dataset does not say (read as the joining year).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub joined_basis: Option<JoinedBasis>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tagline: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub vision: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub challenges: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub plan: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub awards: Vec<Award>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub coordinates: Option<Coordinates>,
    /// What `coordinates` are the point of; absent when the dataset does not say.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub coordinates_of: Option<CoordinatesOf>,
    /// Where the profile text comes from, in words.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// The public pages that name the city as a member (and give its `joined` year).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
}

impl Member {
    /// The text of one section, if the profile has it.
    pub fn section(&self, section: Section) -> Option<&str> {
        match section {
            Section::Vision => self.vision.as_deref(),
            Section::Challenges => self.challenges.as_deref(),
            Section::Plan => self.plan.as_deref(),
        }
    }

    /// True when the profile has none of the three sections.
    pub fn has_no_sections(&self) -> bool {
        Section::ALL.iter().all(|s| self.section(*s).is_none())
    }

    /// True when the member has any profile text: a tagline, a summary or a section. A
    /// member without any is known only from the membership directory (country, region,
    /// year, coordinates, sources), so nothing can be inferred about its clusters.
    pub fn has_profile_text(&self) -> bool {
        self.tagline.is_some() || self.summary.is_some() || !self.has_no_sections()
    }

    /// The id a member gets when the dataset gives none: `city-country`, slugged.
    pub fn derive_id(city: &str, country: &str) -> String {
        format!("{}-{}", crate::text::slug(city), crate::text::slug(country))
    }
}

/// The current version of the dataset format.
pub const SCHEMA_VERSION: u32 = 1;

/// The bundled dataset, as `gnlc::bundle::build` makes it from the sources in `assets/`.
pub const BUNDLED_JSON: &str = include_str!("../../assets/gnlc.json");

/// How errors and the status bar refer to the bundled dataset.
pub const BUNDLED_NAME: &str = "<bundled dataset>";

/// A loaded, validated dataset.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Dataset {
    pub schema_version: u32,
    /// Where the data comes from, in words.
    pub source: String,
    /// What the network announced about its size, when the dataset records it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub announced: Option<Announced>,
    pub members: Vec<Member>,
}

impl Dataset {
    /// The dataset bundled into the binary (see `assets/`).
    ///
    /// # Panics
    /// Never in a released build: a test loads the bundled dataset, so an invalid one fails CI.
    #[expect(
        clippy::panic,
        reason = "the bundled file is fixed at build time and loaded by a test; no user input"
    )]
    pub fn bundled() -> Dataset {
        load::from_str(BUNDLED_JSON, BUNDLED_NAME)
            .unwrap_or_else(|e| panic!("the bundled dataset is invalid (a build error): {e}"))
    }

    /// Every country present, sorted by name, without repeats.
    pub fn countries(&self) -> Vec<&str> {
        let mut countries: Vec<&str> = self.members.iter().map(|m| m.country.as_str()).collect();
        countries.sort_unstable();
        countries.dedup();
        countries
    }
}

/// Lowercases, folds accents and `&`, and collapses white space, for name comparisons.
pub(crate) fn normalize_name(s: &str) -> String {
    let folded = crate::text::fold(s).replace('&', " and ");
    folded
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}
