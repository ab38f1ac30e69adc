//! The dataset file format, defined once: [`DatasetRecord`] and [`MemberRecord`] are the serde
//! shapes that the loader reads and that the importer, the bundle builder and the synthetic
//! generator write. A file holds these loose records; [`super::load`] validates them into the
//! strict [`super::Member`].
//!
//! Adding a member field means: add it here (read and written under its public name), give
//! [`super::Member`] its validated form, and check it in `load::resolve_member`. A test below
//! proves that every field of a member survives `load` and `gnlc list --format json` and loads
//! back, so the written and the read format cannot drift apart.
//!
//! Unknown fields are errors (`deny_unknown_fields`): a misspelt `"tagline"` must not vanish
//! silently. Optional fields are left out when empty, so a written file holds only facts.

use super::{
    Announced, Award, ClusterBasis, Coordinates, CoordinatesOf, JoinedBasis, Member, SCHEMA_VERSION,
};
use crate::error::{Error, Result};
use serde::{Deserialize, Serialize};

/// A dataset as written in a file.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DatasetRecord {
    /// The format version; absent means the current one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schema_version: Option<u32>,
    /// Where the data comes from, in words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// What the network announced about its size (members, countries, when).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub announced: Option<Announced>,
    #[serde(deserialize_with = "objects_only")]
    pub members: Vec<MemberRecord>,
}

/// A member as written in a file. Only `city` and `country` are required; `id` is derived
/// from them when absent, `region` from the country, and `clusters` are inferred from the text
/// (and marked so) when the file states none.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MemberRecord {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    pub city: String,
    pub country: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub clusters: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cluster_basis: Option<ClusterBasis>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub joined: Option<u16>,
    /// `joined` or `member_by`; only with `joined`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub joined_basis: Option<JoinedBasis>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tagline: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub vision: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub challenges: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub awards: Vec<Award>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub coordinates: Option<Coordinates>,
    /// `city` or `parent` (a district placed at its parent city); only with `coordinates`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub coordinates_of: Option<CoordinatesOf>,
    /// Where the profile text comes from, in words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// The public pages that name the city as a member (and give its `joined` year).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<String>,
}

impl DatasetRecord {
    /// A dataset of the current schema version.
    pub fn new(source: String, members: Vec<MemberRecord>) -> Self {
        DatasetRecord {
            schema_version: Some(SCHEMA_VERSION),
            source: Some(source),
            announced: None,
            members,
        }
    }

    /// Pretty-printed JSON with a final newline.
    pub fn to_json(&self) -> Result<String> {
        let mut json = serde_json::to_string_pretty(self)
            .map_err(|e| Error::Import(format!("could not write the dataset as JSON: {e}")))?;
        json.push('\n');
        Ok(json)
    }
}

impl From<&Member> for MemberRecord {
    /// A validated member as a record, with every field as `gnlc list --format json` writes
    /// it (its id, and its clusters with their basis).
    fn from(m: &Member) -> Self {
        MemberRecord {
            id: Some(m.id.clone()),
            city: m.city.clone(),
            country: m.country.clone(),
            region: Some(m.region.name().to_string()),
            clusters: Some(m.clusters.iter().map(|c| c.id().to_string()).collect()),
            cluster_basis: Some(m.cluster_basis),
            joined: m.joined,
            joined_basis: m.joined_basis,
            tagline: m.tagline.clone(),
            summary: m.summary.clone(),
            vision: m.vision.clone(),
            challenges: m.challenges.clone(),
            plan: m.plan.clone(),
            awards: m.awards.clone(),
            coordinates: m.coordinates,
            coordinates_of: m.coordinates_of,
            source: m.source.clone(),
            sources: m.sources.clone(),
        }
    }
}

/// Reads `members`, each of which must be a JSON object: serde's derive would also accept
/// `["Cork", "Ireland"]` as a member, by position, which no one writes on purpose.
fn objects_only<'de, D: serde::Deserializer<'de>>(
    deserializer: D,
) -> std::result::Result<Vec<MemberRecord>, D::Error> {
    let members: Vec<ObjectOnly<MemberRecord>> = Vec::deserialize(deserializer)?;
    Ok(members.into_iter().map(|ObjectOnly(m)| m).collect())
}

/// A value that deserialises only from a JSON object.
struct ObjectOnly<T>(T);

impl<'de, T: Deserialize<'de>> Deserialize<'de> for ObjectOnly<T> {
    fn deserialize<D: serde::Deserializer<'de>>(
        deserializer: D,
    ) -> std::result::Result<Self, D::Error> {
        struct Visitor<T>(std::marker::PhantomData<T>);
        impl<'de, T: Deserialize<'de>> serde::de::Visitor<'de> for Visitor<T> {
            type Value = ObjectOnly<T>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a member object with `city` and `country`")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                map: A,
            ) -> std::result::Result<Self::Value, A::Error> {
                T::deserialize(serde::de::value::MapAccessDeserializer::new(map)).map(ObjectOnly)
            }
        }
        deserializer.deserialize_map(Visitor(std::marker::PhantomData))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::load;

    /// A record with every field set to a value the loader keeps as written.
    fn full() -> MemberRecord {
        MemberRecord {
            id: Some("cork".into()),
            city: "Cork".into(),
            country: "Ireland".into(),
            region: Some("Europe and North America".into()),
            clusters: Some(vec!["equity-inclusion".into(), "literacy".into()]),
            cluster_basis: Some(ClusterBasis::Stated),
            joined: Some(2015),
            joined_basis: Some(JoinedBasis::MemberBy),
            tagline: Some("Learning for all".into()),
            summary: Some("A city".into()),
            vision: Some("To learn".into()),
            challenges: Some("- One\n- Two".into()),
            plan: Some("Festivals".into()),
            awards: vec![Award {
                year: 2015,
                source: Some("award list".into()),
            }],
            coordinates: Some(Coordinates {
                lat: 51.9,
                lon: -8.47,
            }),
            coordinates_of: Some(CoordinatesOf::City),
            source: Some("a page".into()),
            sources: vec![
                "https://example.org/a".into(),
                "https://example.org/b".into(),
            ],
        }
    }

    #[test]
    fn every_field_is_read_validated_and_written_back_unchanged() {
        let written = DatasetRecord::new("test".into(), vec![full()])
            .to_json()
            .expect("writes");
        let data = load::from_str(&written, "full.json").expect("loads");
        // What `gnlc list --format json` prints for the member is the record again.
        let printed = serde_json::to_string(&data.members[0]).expect("prints");
        let read: MemberRecord = serde_json::from_str(&printed).expect("reads back");
        assert_eq!(read, full());
        assert_eq!(MemberRecord::from(&data.members[0]), full());
    }

    #[test]
    fn an_empty_record_writes_only_city_and_country() {
        let json = serde_json::to_string(&MemberRecord {
            city: "Cork".into(),
            country: "Ireland".into(),
            ..MemberRecord::default()
        })
        .expect("writes");
        assert_eq!(json, r#"{"city":"Cork","country":"Ireland"}"#);
    }

    #[test]
    fn unknown_fields_and_arrays_are_refused() {
        let misspelt = r#"{"city": "Cork", "country": "Ireland", "tagine": "x"}"#;
        assert!(serde_json::from_str::<MemberRecord>(misspelt).is_err());
        let array = r#"{"members": [["Cork", "Ireland"]]}"#;
        assert!(serde_json::from_str::<DatasetRecord>(array).is_err());
    }
}
